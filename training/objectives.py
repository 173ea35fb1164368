"""Each model family's own training objective: how latents are noised and how the denoiser is called.

APL's loss is an MSE between two outputs of the SAME frozen denoiser (with the prefixed
prompt vs. the neutral prompt, same noisy latent and timestep), so what the denoiser
predicts (epsilon, velocity, v) never enters the loss: only how ``x_t`` is formed and how
the model is conditioned must match the family's training.

* :class:`EpsilonObjective` (SD1.x/SD2.x/SDXL UNets, PixArt-Sigma): DDPM forward process of the
  model's beta schedule, ``x_t = add_noise(x0, noise, t)``, integer ``t``. PixArt's transformer
  may predict learned variances too (``out_channels = 2 x latent channels``): the first half,
  the noise prediction, is used, as the pipeline does.
* :class:`FlowObjective` (SD3, FLUX.1): rectified flow, ``x_t = (1 - sigma) x0 + sigma noise``, the
  transformer predicts the velocity. Training step ``t`` (0..T-1) maps to the scheduler's
  training sigma of rank ``t`` in ascending order (the shifted schedule for SD3's
  ``shift = 3``; FLUX.1's dynamic shifting applies at inference only), as diffusers'
  SD3/FLUX training scripts sample uniformly from ``scheduler.timesteps``. FLUX.1: latents are
  packed 2x2 into tokens with their image ids, text ids are zeros, and FLUX.1-dev's
  guidance embedding gets ``config.guidance_embed``.
"""

from __future__ import annotations

from typing import Any

from aplguard._deps import require
from aplguard.errors import TrainingError

from .encode import Conditioning


def denoiser(pipe) -> Any:
    """The pipeline's denoising network: ``unet`` or ``transformer``."""
    net = getattr(pipe, "unet", None)
    if net is None:
        net = getattr(pipe, "transformer", None)
    if net is None:
        raise TrainingError(f"{type(pipe).__name__} has neither a unet nor a transformer")
    return net


class EpsilonObjective:
    """DDPM noising and epsilon prediction (SD1.x/SD2.x/SDXL UNets, PixArt-Sigma)."""

    kind = "epsilon"

    def __init__(self, pipe):
        diffusers = require("diffusers", "diffusers")
        # Training noises with the DDPM forward process of the model's beta schedule,
        # as diffusers' training scripts do, whatever sampler the pipeline uses.
        self.scheduler = diffusers.DDPMScheduler.from_config(pipe.scheduler.config)
        self.num_train_timesteps = int(self.scheduler.config.num_train_timesteps)
        self.pixart = getattr(pipe, "unet", None) is None

    def noised(self, x0, noise, t):
        return self.scheduler.add_noise(x0, noise, t)

    def predict(self, pipe, x_t, t, cond: Conditioning):
        if not self.pixart:
            from .encode import unet_output

            return unet_output(pipe, x_t, t, cond)
        net = pipe.transformer
        out = net(x_t, encoder_hidden_states=cond.hidden, encoder_attention_mask=cond.mask, timestep=t,
                  added_cond_kwargs={"resolution": None, "aspect_ratio": None}, return_dict=False)[0]
        if int(net.config.out_channels) // 2 == int(x_t.shape[1]):
            out = out.chunk(2, dim=1)[0]  # learned sigma channels: keep the noise prediction
        return out


class FlowObjective:
    """Rectified-flow noising and velocity prediction (SD3, FLUX.1)."""

    kind = "flow"

    def __init__(self, pipe, guidance_embed: float = 3.5):
        torch = require("torch", "diffusers")
        diffusers = require("diffusers", "diffusers")
        sched = diffusers.FlowMatchEulerDiscreteScheduler.from_config(pipe.scheduler.config)
        self.num_train_timesteps = int(sched.config.num_train_timesteps)
        # The scheduler's training sigmas (shifted per its config), ascending: step t -> sigma rank t.
        self.sigmas = torch.sort((sched.timesteps / self.num_train_timesteps).float()).values
        self.flux = type(denoiser(pipe)).__name__.startswith("Flux")
        self.guidance_embed = float(guidance_embed)

    def sigma(self, t):
        return self.sigmas.to(t.device)[t]

    def noised(self, x0, noise, t):
        s = self.sigma(t).view(-1, *([1] * (x0.ndim - 1))).to(x0.dtype)
        return (1.0 - s) * x0 + s * noise

    def predict(self, pipe, x_t, t, cond: Conditioning):
        torch = require("torch", "diffusers")
        net = pipe.transformer
        sigma = self.sigma(t).to(device=x_t.device, dtype=x_t.dtype)
        if not self.flux:
            return net(hidden_states=x_t, timestep=sigma * self.num_train_timesteps,
                       encoder_hidden_states=cond.hidden, pooled_projections=cond.pooled, return_dict=False)[0]
        b, c, h, w = x_t.shape
        packed = pipe._pack_latents(x_t, b, c, h, w)
        img_ids = pipe._prepare_latent_image_ids(b, h // 2, w // 2, x_t.device, x_t.dtype)
        txt_ids = torch.zeros(cond.hidden.shape[1], 3, device=x_t.device, dtype=x_t.dtype)
        guidance = None
        if getattr(net.config, "guidance_embeds", False):
            guidance = torch.full((b,), self.guidance_embed, device=x_t.device, dtype=torch.float32)
        # FluxPipeline passes timestep / 1000, i.e. sigma.
        return net(hidden_states=packed, timestep=sigma, guidance=guidance, pooled_projections=cond.pooled,
                   encoder_hidden_states=cond.hidden, txt_ids=txt_ids, img_ids=img_ids, return_dict=False)[0]


def objective_for(pipe, guidance_embed: float = 3.5) -> EpsilonObjective | FlowObjective:
    """The training objective of ``pipe``'s family (flow matching when its scheduler is a flow scheduler)."""
    if "FlowMatch" in type(pipe.scheduler).__name__:
        return FlowObjective(pipe, guidance_embed)
    return EpsilonObjective(pipe)
