"""Guard on pipelines as platforms run them: CPU offload, bf16, LCM/Turbo, AutoPipeline, ControlNet, torch.compile."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from aplguard import Guard
from aplguard.errors import BackendError
from aplguard.prefix import SoftPrompt, text_encoders

CALL = dict(num_inference_steps=2, height=64, width=64, output_type="np")


def _prefix(pipe, n=6):
    g = torch.Generator().manual_seed(0)
    return SoftPrompt.from_pipeline(pipe, {name: torch.randn(n, enc.get_input_embeddings().weight.shape[1],
                                                             generator=g) * 3
                                           for name, _, enc in text_encoders(pipe)})


def _arr(images):
    return np.stack([np.asarray(i, dtype=np.float32) for i in images])


def _gen():
    return torch.Generator().manual_seed(0)


def _check_guard(pipe, scripted, prompts=("a photo of alice", "a red car"), sp=None, **call):
    """Off is bit-identical, the flagged prompt changes, the other stays bit-identical, close restores."""
    call = {**CALL, **call}
    prompts = list(prompts)
    bare = _arr(pipe(prompt=prompts, generator=_gen(), **call).images)
    embeddings = [enc.get_input_embeddings() for _, _, enc in text_encoders(pipe)]
    sp = sp or _prefix(pipe)
    with Guard(pipe, prefix=sp, policy="off") as off:
        np.testing.assert_array_equal(_arr(off(prompts, generator=_gen(), **call).images), bare)
    with Guard(pipe, prefix=sp, policy=scripted({"alice": "anonymize"})) as guard:
        got = _arr(guard(prompts, generator=_gen(), **call).images)
    np.testing.assert_array_equal(got[1], bare[1])
    assert np.abs(got[0] - bare[0]).max() > 1e-3
    assert [enc.get_input_embeddings() for _, _, enc in text_encoders(pipe)] == embeddings
    np.testing.assert_array_equal(_arr(pipe(prompt=prompts, generator=_gen(), **call).images), bare)


def test_model_cpu_offload(sd_pipe, scripted):
    # On a CPU-only machine offloading "to" the CPU exercises the same accelerate hooks.
    sd_pipe.enable_model_cpu_offload(device="cpu")
    _check_guard(sd_pipe, scripted)


def test_sequential_cpu_offload_refused_clearly(sd_pipe, scripted):
    sp = _prefix(sd_pipe)
    sd_pipe.enable_sequential_cpu_offload(device="cpu")
    with pytest.raises(BackendError, match=r"'meta' device \(enable_sequential_cpu_offload\).*enable_model_cpu_offload"):
        Guard(sd_pipe, prefix=sp, policy=scripted())


@pytest.mark.parametrize("dtype", [torch.bfloat16, torch.float16])
def test_half_precision_weights(dtype, scripted):
    from aplguard.testing import tiny_sd_pipeline

    pipe = tiny_sd_pipeline().to(dtype)
    if dtype == torch.float16:  # CPU fp16 convolutions are not implemented everywhere; the encoders are what matter
        pipe.unet.to(torch.float32)
        pipe.vae.to(torch.float32)
        sp = _prefix(pipe)
        with Guard(pipe, prefix=sp, policy=scripted()) as guard:
            w = pipe.text_encoder.get_input_embeddings().weight
            ids = pipe.tokenizer.convert_tokens_to_ids(guard.backend._prefix_text.split())
            assert w.dtype == torch.float16
            torch.testing.assert_close(w[ids].float(), torch.from_numpy(sp.vectors["text_encoder"]),
                                       rtol=1e-3, atol=1e-2)
        return
    _check_guard(pipe, scripted)


def test_flux_bf16(scripted):
    from aplguard.testing import tiny_flux_pipeline

    pipe = tiny_flux_pipeline().to(torch.bfloat16)
    _check_guard(pipe, scripted, height=32, width=32, max_sequence_length=32)


def test_lcm_one_to_four_steps_guidance_0(sd_pipe, scripted):
    from diffusers import LCMScheduler

    sd_pipe.scheduler = LCMScheduler.from_config(sd_pipe.scheduler.config)
    for steps in (1, 4):
        _check_guard(sd_pipe, scripted, num_inference_steps=steps, guidance_scale=0.0)


def test_sdxl_turbo_style(sdxl_pipe, scripted):
    from diffusers import EulerAncestralDiscreteScheduler

    sdxl_pipe.scheduler = EulerAncestralDiscreteScheduler.from_config(sdxl_pipe.scheduler.config,
                                                                      timestep_spacing="trailing")
    _check_guard(sdxl_pipe, scripted, num_inference_steps=1, guidance_scale=0.0)


def test_auto_pipeline_from_pipe(sd_pipe, scripted):
    from diffusers import AutoPipelineForText2Image

    from aplguard.testing import tiny_flux_pipeline

    auto = AutoPipelineForText2Image.from_pipe(sd_pipe)
    auto.set_progress_bar_config(disable=True)
    _check_guard(auto, scripted)
    flux = AutoPipelineForText2Image.from_pipe(tiny_flux_pipeline())
    flux.set_progress_bar_config(disable=True)
    _check_guard(flux, scripted, height=32, width=32, max_sequence_length=32)


def _control_image():
    # The tiny VAEs downsample 2x: a (16, 32) conditioning embedding maps 64 px control images onto 32 px latents.
    from PIL import Image

    rng = np.random.default_rng(0)
    return Image.fromarray((rng.random((64, 64, 3)) * 255).astype(np.uint8))


def test_controlnet_sd1(sd_pipe, scripted):
    from diffusers import ControlNetModel, StableDiffusionControlNetPipeline

    torch.manual_seed(0)
    controlnet = ControlNetModel.from_unet(sd_pipe.unet, conditioning_embedding_out_channels=(16, 32)).eval()
    pipe = StableDiffusionControlNetPipeline(**sd_pipe.components, controlnet=controlnet)
    pipe.set_progress_bar_config(disable=True)
    _check_guard(pipe, scripted, image=_control_image())


def test_controlnet_sdxl(sdxl_pipe, scripted):
    from diffusers import ControlNetModel, StableDiffusionXLControlNetPipeline

    torch.manual_seed(0)
    controlnet = ControlNetModel.from_unet(sdxl_pipe.unet, conditioning_embedding_out_channels=(16, 32)).eval()
    pipe = StableDiffusionXLControlNetPipeline(**sdxl_pipe.components, controlnet=controlnet)
    pipe.set_progress_bar_config(disable=True)
    _check_guard(pipe, scripted, image=_control_image())


@pytest.mark.slow
def test_torch_compile_text_encoder(sd_pipe, scripted):
    sd_pipe.text_encoder = torch.compile(sd_pipe.text_encoder)
    _check_guard(sd_pipe, scripted)
