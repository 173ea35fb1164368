"""The APL training loop: learn a prefix so that eps(x_t, t, E([P; c1])) matches a frozen target.

Per step (batch B): draw B items (identity with probability ``ratio``), a timestep and
noise each; x_t by the family's objective (``objectives.py``: DDPM ``add_noise`` for
epsilon models, ``(1 - sigma) x0 + sigma noise`` for the flow-matching SD3/FLUX.1). Under
``no_grad``, ONE batched text-encoder call and ONE batched denoiser call compute the frozen
targets eps(c2) (and, with eta > 0, eps(c1 without prefix) for identity items); "eps" is
whatever the denoiser predicts (noise, or velocity for flow models). Then one denoiser call
with the prefixed c1 carries the gradient, which reaches only the prefix. All randomness comes
from one seeded CPU generator whose state is checkpointed, so a resumed run is
bit-identical to an uninterrupted one on the same device.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aplguard._deps import require
from aplguard.errors import TrainingError
from aplguard.prefix import SoftPrompt

from .config import TrainConfig
from .dataset import TrainingSet, _progress, fingerprint_mismatch, model_fingerprint, prepare
from .encode import Conditioning, PrefixEncoder
from .objectives import denoiser, objective_for
from .spec import DataSpec

log = logging.getLogger("aplguard.training")

CHECKPOINT_FORMAT = "aplguard.traincheckpoint"
# Config fields that may change between a checkpoint and its resumption.
_RESUMABLE_CHANGES = {"steps", "checkpoint_every", "log_every"}


@dataclass
class FitResult:
    """What a training run produced."""

    prefix: SoftPrompt
    steps: int
    initial_loss: float
    final_loss: float
    samples_per_s: float
    peak_mem_mb: float
    losses: list[float] = field(repr=False)
    out: str | None = None
    log_path: str | None = None
    curve_path: str | None = None

    def summary(self) -> dict[str, Any]:
        """The ``--json`` line of ``aplguard train fit``."""
        return {"steps": self.steps, "initial_loss": self.initial_loss, "final_loss": self.final_loss,
                "out": self.out, "samples_per_s": self.samples_per_s, "peak_mem_mb": self.peak_mem_mb}


def window_means(losses: list[float]) -> tuple[float, float]:
    """Mean loss over the first and the last 10% of steps (at least one step each)."""
    if not losses:
        return float("nan"), float("nan")
    k = max(1, round(len(losses) * 0.1))
    return sum(losses[:k]) / k, sum(losses[-k:]) / k


class _PrefixModule:
    """Holds the trainable vectors; an nn.Module so accelerate/DDP can wrap it."""

    def __new__(cls, init: dict[str, Any]):
        torch = require("torch", "diffusers")

        class PrefixModule(torch.nn.Module):
            def __init__(self):
                super().__init__()
                self.vectors = torch.nn.ParameterDict({k: torch.nn.Parameter(v.clone()) for k, v in init.items()})

            def forward(self):
                return dict(self.vectors.items())

        return PrefixModule()


class _Runtime:
    """Single-process runtime (CPU or one GPU); :class:`_AccelerateRuntime` for several."""

    rank, world, is_main = 0, 1, True

    def __init__(self, device, config: TrainConfig, weights_dtype=None):
        torch = require("torch", "diffusers")
        self.device = device
        self.amp_dtype = None
        if device.type == "cuda" and weights_dtype in (torch.float16, torch.bfloat16):
            self.amp_dtype = weights_dtype  # frozen weights already in half precision: compute in it
        elif device.type == "cuda" and config.mixed_precision != "no":
            self.amp_dtype = torch.bfloat16 if config.mixed_precision == "bf16" else torch.float16
        # fp16 needs loss scaling; bf16 and fp32 do not.
        self.scaler = torch.amp.GradScaler("cuda") if self.amp_dtype == torch.float16 else None

    def autocast(self):
        torch = require("torch", "diffusers")
        if self.amp_dtype is None:
            return contextlib.nullcontext()
        return torch.autocast(self.device.type, dtype=self.amp_dtype)

    def prepare(self, module, optimizer):
        return module.to(self.device), optimizer

    def backward_step(self, loss, optimizer) -> None:
        if self.scaler is not None:
            self.scaler.scale(loss).backward()
            self.scaler.step(optimizer)
            self.scaler.update()
        else:
            loss.backward()
            optimizer.step()
        optimizer.zero_grad(set_to_none=True)

    def mean(self, value: float) -> float:
        return value

    def barrier(self) -> None:
        pass


class _AccelerateRuntime(_Runtime):
    """Data-parallel over the processes ``accelerate launch`` started (gradients all-reduced)."""

    def __init__(self, config: TrainConfig):
        accelerate = require("accelerate", "diffusers")
        torch = require("torch", "diffusers")
        gpu = torch.cuda.is_available()
        # cpu=True lets torchrun-started CPU processes form a (gloo) group too, e.g. to test this path.
        self.acc = accelerate.Accelerator(mixed_precision=config.mixed_precision if gpu else "no", cpu=not gpu)
        self.rank, self.world, self.is_main = self.acc.process_index, self.acc.num_processes, self.acc.is_main_process
        self.device = self.acc.device
        self.amp_dtype, self.scaler = None, None

    def autocast(self):
        return self.acc.autocast()

    def prepare(self, module, optimizer):
        return self.acc.prepare(module.to(self.device), optimizer)

    def backward_step(self, loss, optimizer) -> None:
        self.acc.backward(loss)
        optimizer.step()
        optimizer.zero_grad(set_to_none=True)

    def mean(self, value: float) -> float:
        torch = require("torch", "diffusers")
        return float(self.acc.gather(torch.tensor([value], device=self.device)).mean())

    def barrier(self) -> None:
        self.acc.wait_for_everyone()


class FrozenTextCache:
    """Encodings of prompts without the prefix, computed once per text (the encoders are frozen).

    Each text is encoded alone, so a cached row does not depend on which texts shared its
    batch: a resumed run sees exactly the rows an uninterrupted one saw. Bounded in bytes;
    past the bound, texts are encoded on every use.
    """

    def __init__(self, encoder: PrefixEncoder, max_bytes: int = 256 * 2**20):
        self.encoder = encoder
        self.max_bytes = max_bytes
        self.bytes = 0
        self._rows: dict[str, Conditioning] = {}

    def _one(self, text: str) -> Conditioning:
        hit = self._rows.get(text)
        if hit is not None:
            return hit
        cond = self.encoder.encode([text])
        size = cond.nbytes()
        if self.bytes + size <= self.max_bytes:
            self._rows[text] = cond
            self.bytes += size
        return cond

    def encode(self, texts: list[str]) -> Conditioning:
        return Conditioning.cat([self._one(t) for t in texts])


def _frozen_modules(pipe) -> list:
    names = ("unet", "transformer", "vae", "text_encoder", "text_encoder_2", "text_encoder_3")
    return [m for m in (getattr(pipe, n, None) for n in names) if m is not None]


def _noise_scheduler(pipe):
    """The DDPM scheduler epsilon models train with (kept for benchmarks/training.py's reference loop)."""
    from .objectives import EpsilonObjective

    return EpsilonObjective(pipe).scheduler


@contextlib.contextmanager
def _frozen(pipe, gradient_checkpointing: bool):
    """Freeze every pipeline weight (and restore the caller's flags afterwards)."""
    modules = _frozen_modules(pipe)
    flags = [[p.requires_grad for p in m.parameters()] for m in modules]
    modes = [m.training for m in modules]
    net = denoiser(pipe)
    had_gc = bool(getattr(net, "gradient_checkpointing", False))
    for m in modules:
        m.requires_grad_(False)
        m.eval()
    if gradient_checkpointing and not had_gc:
        net.enable_gradient_checkpointing()
    try:
        yield
    finally:
        if gradient_checkpointing and not had_gc:
            net.disable_gradient_checkpointing()
        for m, fl, mode in zip(modules, flags, modes):
            for p, f in zip(m.parameters(), fl):
                p.requires_grad_(f)
            m.train(mode)


def fit(pipe, data: TrainingSet | DataSpec, config: TrainConfig | None = None, *, out: str | Path | None = None,
        checkpoint_dir: str | Path | None = None, resume: bool = True, progress: bool = False,
        cache_dir: str | Path | None = None, distributed: bool = False) -> FitResult:
    """Learn an APL prefix for ``pipe``.

    Args:
        pipe: a diffusers SD1.x/SD2.x, SDXL, SD3, FLUX.1 or PixArt-Sigma pipeline; its weights stay untouched.
        data: prepared latents, or a spec (then :func:`prepare` runs first).
        config: a recipe; default: the shipped recipe for the pipeline's family.
        out: where to write the prefix (``.safetensors``), plus ``.log.json`` and ``.loss.png`` beside it.
        checkpoint_dir: where to write ``last.pt`` every ``checkpoint_every`` steps and at the end.
        resume: continue from ``checkpoint_dir/last.pt`` when it exists.
        progress: progress bars on stderr.
        cache_dir: with a spec, where ``prepare`` caches latents (resumable).
        distributed: run under ``accelerate`` (multi-GPU data parallel).

    Raises:
        TrainingError: bad settings, data or checkpoint, before any long work starts.
    """
    torch = require("torch", "diffusers")
    if config is None:
        from aplguard.prefix import pipeline_family

        from .config import default_recipe

        config = default_recipe(pipeline_family(pipe))
    encoder = PrefixEncoder(pipe, config.n_vectors, config.max_sequence_length)  # checks the prefix fits before anything long
    if out is not None and Path(out).suffix != ".safetensors":
        raise TrainingError(f"{out}: the prefix file name must end in .safetensors")
    if config.optimizer == "adam" and config.weight_decay:
        raise TrainingError("weight_decay needs optimizer: adamw")
    ckpt_path = Path(checkpoint_dir) / "last.pt" if checkpoint_dir is not None else None
    ckpt = _load_checkpoint(ckpt_path, pipe, config) if (ckpt_path and resume and ckpt_path.exists()) else None
    if isinstance(data, DataSpec):
        data = prepare(pipe, data, config, cache_dir=cache_dir, progress=progress)
    data_digest = data.digest
    if ckpt is not None and ckpt["data"] != data_digest:
        raise TrainingError(f"{ckpt_path}: checkpoint was trained on other data; use a new checkpoint folder")

    net = denoiser(pipe)
    runtime = _AccelerateRuntime(config) if distributed else _Runtime(net.device, config, net.dtype)
    device = runtime.device
    noise_sched = objective_for(pipe, config.guidance_embed)
    n_train_t = noise_sched.num_train_timesteps
    t_max = config.timestep_max or n_train_t
    if not config.timestep_min < t_max <= n_train_t:
        raise TrainingError(f"timestep range [{config.timestep_min}, {t_max}) is not within [0, {n_train_t})")

    # On the device before the optimizer exists, so resumed optimizer state lands there too.
    module = _PrefixModule(encoder.init_prefix(config.seed, config.init_text)).to(device)
    opt_cls = torch.optim.AdamW if config.optimizer == "adamw" else torch.optim.Adam
    opt_kw = {"weight_decay": config.weight_decay} if config.optimizer == "adamw" else {}
    optimizer = opt_cls(module.parameters(), lr=config.lr, **opt_kw)
    gen = torch.Generator().manual_seed(int(config.seed) + 1 + 7919 * runtime.rank)
    losses: list[float] = []
    start = 0
    if ckpt is not None:
        with torch.no_grad():
            for k, p in module.vectors.items():
                p.copy_(ckpt["prefix"][k].to(device))
        optimizer.load_state_dict(ckpt["optimizer"])
        if runtime.rank == 0:
            gen.set_state(ckpt["rng"])
        else:  # only rank 0's stream is saved: other ranks continue on fresh, distinct streams
            gen.manual_seed(int(config.seed) + 1 + 7919 * runtime.rank + 104729 * int(ckpt["step"]))
        losses = [float(x) for x in ckpt["losses"]]
        start = int(ckpt["step"])
        if runtime.scaler is not None and ckpt.get("scaler"):
            runtime.scaler.load_state_dict(ckpt["scaler"])
    module, optimizer = runtime.prepare(module, optimizer)

    ids_pool, gen_pool = data.pool("identity"), data.pool("general")
    latent_shape = tuple(data.latents.shape[1:])
    run_t0 = time.perf_counter()
    if device.type == "cuda":
        torch.cuda.reset_peak_memory_stats(device)
    text_cache = FrozenTextCache(encoder)
    bar = _progress(config.steps, start, progress and runtime.is_main, "fit")
    done = 0
    with _frozen(pipe, config.gradient_checkpointing):
        for step in range(start, config.steps):
            batch = _sample(gen, config, ids_pool, gen_pool, n_train_t=t_max, t_min=config.timestep_min,
                            latent_shape=latent_shape)
            loss = _step(pipe, encoder, module(), runtime, noise_sched, data, batch, config, device, text_cache)
            runtime.backward_step(loss, optimizer)
            losses.append(runtime.mean(float(loss.detach())))
            done += 1
            bar.update(1)
            if (step + 1) % config.log_every == 0:
                bar.set_postfix(loss=f"{losses[-1]:.4g}")
            if ckpt_path is not None and ((step + 1) % config.checkpoint_every == 0 or step + 1 == config.steps):
                runtime.barrier()
                if runtime.is_main:
                    _save_checkpoint(ckpt_path, step + 1, _unwrap(module), optimizer, gen, losses, pipe, config,
                                     data_digest, runtime)
    bar.close()
    elapsed = time.perf_counter() - run_t0
    samples_per_s = done * config.batch_size * runtime.world / elapsed if done and elapsed > 0 else 0.0
    peak = _peak_mem_mb(device)
    vectors = {k: v.detach().float().cpu() for k, v in _unwrap(module).vectors.items()}
    initial, final = window_means(losses)
    provenance = {"trainer": "aplguard.training", "method": "APL (arXiv 2405.16895)", "steps": len(losses),
                  "config": config.model_dump(), "data": data_digest, "n_items": len(data.items),
                  "initial_loss": initial, "final_loss": final}
    prefix = SoftPrompt.from_pipeline(pipe, vectors, provenance=provenance)
    result = FitResult(prefix, len(losses), initial, final, samples_per_s, peak, losses)
    if out is not None and runtime.is_main:
        run = {"device": str(device), "processes": runtime.world, "steps_this_run": done, "seconds_this_run": elapsed,
               "resumed_from_step": start, "prefix_digest": prefix.digest, "data": data_digest,
               "n_items": len(data.items), "torch": torch.__version__,
               "objective": noise_sched.kind,
               "attention": sorted({type(p).__name__ for p in getattr(net, "attn_processors", {}).values()})}
        _write_outputs(result, Path(out), config, run)
    return result


def _unwrap(module):
    return getattr(module, "module", module)


def _sample(gen, config: TrainConfig, ids_pool: list[int], gen_pool: list[int], n_train_t: int, t_min: int,
            latent_shape: tuple[int, ...]) -> dict[str, Any]:
    """Draw item indices, timesteps and noise for one step from the seeded generator."""
    torch = require("torch", "diffusers")
    b = config.batch_size
    want_id = (torch.rand(b, generator=gen) < config.ratio).tolist()
    picks = []
    for w in want_id:
        pool = ids_pool if (w and ids_pool) or not gen_pool else gen_pool
        picks.append(pool[int(torch.randint(len(pool), (1,), generator=gen))])
    t = torch.randint(t_min, n_train_t, (b,), generator=gen)
    noise = torch.randn((b, *latent_shape), generator=gen)
    return {"idx": picks, "t": t, "noise": noise}


def _step(pipe, encoder: PrefixEncoder, vectors: dict[str, Any], runtime: _Runtime, noise_sched, data: TrainingSet,
          batch: dict[str, Any], config: TrainConfig, device, text_cache: FrozenTextCache | None = None):
    """Loss of one batch; the frozen targets in one batched no-grad pass."""
    torch = require("torch", "diffusers")
    items = [data.items[i] for i in batch["idx"]]
    dtype = denoiser(pipe).dtype
    x0 = data.latents[batch["idx"]].to(device)
    t = batch["t"].to(device)
    x_t = noise_sched.noised(x0, batch["noise"].to(device), t).to(dtype)
    c1 = [it.c1 for it in items]
    c2 = [it.c2 for it in items]
    # eta > 0 also needs eps(c1 without prefix) of identity items (for general items it equals eps(c2)).
    extra = [i for i, it in enumerate(items) if it.kind == "identity"] if config.eta > 0 else []
    with torch.no_grad(), runtime.autocast():
        frozen_texts = c2 + [c1[i] for i in extra]
        cond_f = text_cache.encode(frozen_texts) if text_cache is not None else encoder.encode(frozen_texts)
        x_f = torch.cat([x_t, x_t[extra]]) if extra else x_t
        t_f = torch.cat([t, t[extra]]) if extra else t
        eps_f = noise_sched.predict(pipe, x_f, t_f, cond_f).float()
        target = eps_f[: len(items)].clone()
        if extra:
            eps_c1 = eps_f[len(items):]
            target[extra] = target[extra] - config.eta * (eps_c1 - target[extra])
    with runtime.autocast():
        cond = encoder.encode(c1, vectors)
        eps = noise_sched.predict(pipe, x_t, t, cond)
    return torch.nn.functional.mse_loss(eps.float(), target)


def fixed_loss(pipe, data: TrainingSet, vectors: dict[str, Any], config: TrainConfig, batches: int = 4,
               seed: int = 1234) -> float:
    """Mean loss of ``vectors`` over fixed batches (same items, timesteps and noise every call).

    A noise-free way to compare prefixes, e.g. the initial and the trained one.
    """
    torch = require("torch", "diffusers")
    encoder = PrefixEncoder(pipe, config.n_vectors, config.max_sequence_length)
    device = denoiser(pipe).device
    runtime = _Runtime(device, config)
    noise_sched = objective_for(pipe, config.guidance_embed)
    gen = torch.Generator().manual_seed(seed)
    t_max = config.timestep_max or noise_sched.num_train_timesteps
    vectors = {k: torch.as_tensor(v).to(device) for k, v in vectors.items()}
    total = 0.0
    with torch.no_grad(), _frozen(pipe, False):
        for _ in range(batches):
            batch = _sample(gen, config, data.pool("identity"), data.pool("general"), n_train_t=t_max,
                            t_min=config.timestep_min, latent_shape=tuple(data.latents.shape[1:]))
            total += float(_step(pipe, encoder, vectors, runtime, noise_sched, data, batch, config, device))
    return total / batches


def _peak_mem_mb(device) -> float:
    torch = require("torch", "diffusers")
    if device.type == "cuda":
        return torch.cuda.max_memory_allocated(device) / 2**20
    try:
        import resource
    except ImportError:  # Windows
        return float("nan")
    # CPU: the process's peak resident set size (Linux reports KiB).
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _save_checkpoint(path: Path, step: int, module, optimizer, gen, losses, pipe, config, data_digest: str,
                     runtime) -> None:
    torch = require("torch", "diffusers")
    path.parent.mkdir(parents=True, exist_ok=True)
    state = {
        "format": CHECKPOINT_FORMAT, "step": step,
        "prefix": {k: v.detach().cpu().clone() for k, v in module.vectors.items()},
        "optimizer": optimizer.state_dict(), "rng": gen.get_state(), "losses": list(losses),
        "model": json.dumps(model_fingerprint(pipe)), "config": json.dumps(config.model_dump()),
        "data": data_digest, "scaler": runtime.scaler.state_dict() if runtime.scaler is not None else None,
    }
    tmp = path.with_name(f".{path.name}.tmp")
    torch.save(state, tmp)
    os.replace(tmp, path)


def _load_checkpoint(path: Path, pipe, config: TrainConfig) -> dict[str, Any]:
    """Read and check a checkpoint before training starts."""
    torch = require("torch", "diffusers")
    try:
        ckpt = torch.load(str(path), map_location="cpu", weights_only=True)
    except Exception as exc:  # corrupt zip, foreign pickle
        raise TrainingError(f"{path}: unreadable checkpoint ({type(exc).__name__}); delete it to start over") from None
    if not isinstance(ckpt, dict) or ckpt.get("format") != CHECKPOINT_FORMAT:
        raise TrainingError(f"{path}: not an aplguard training checkpoint")
    why = fingerprint_mismatch(json.loads(ckpt["model"]), pipe)
    if why:
        raise TrainingError(f"{path}: checkpoint is from another model ({why}); use a new checkpoint folder")
    saved = json.loads(ckpt["config"])
    now = config.model_dump()
    changed = sorted(k for k in now if k not in _RESUMABLE_CHANGES and saved.get(k) != now[k])
    if changed:
        raise TrainingError(f"{path}: checkpoint was trained with other settings ({', '.join(changed)}); "
                            "use the same recipe or a new checkpoint folder")
    if int(ckpt["step"]) > config.steps:
        raise TrainingError(f"{path}: checkpoint is at step {ckpt['step']}, past --steps {config.steps}")
    return ckpt


def _write_outputs(result: FitResult, out: Path, config: TrainConfig, run: dict[str, Any]) -> None:
    """The prefix file, a JSON log and a loss-curve PNG beside it."""
    result.prefix.save(out)
    result.out = str(out)
    stem = out.with_suffix("")
    log_path = Path(f"{stem}.log.json")
    log = {**result.summary(), "run": run, "config": config.model_dump(), "losses": result.losses}
    log_path.write_text(json.dumps(log, indent=1), encoding="utf-8")
    result.log_path = str(log_path)
    result.curve_path = _plot(result.losses, Path(f"{stem}.loss.png"))


def _plot(losses: list[float], path: Path) -> str | None:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        log.warning("matplotlib is not installed (pip install 'aplguard[train]'): no loss curve written")
        return None
    fig, ax = plt.subplots(figsize=(6, 3.5), dpi=100)
    ax.plot(range(1, len(losses) + 1), losses, lw=0.8, alpha=0.5, label="loss")
    k = max(1, len(losses) // 50)
    if k > 1:
        window = [losses[max(0, i - k + 1):i + 1] for i in range(len(losses))]
        smooth = [sum(w) / len(w) for w in window]
        ax.plot(range(1, len(losses) + 1), smooth, lw=1.5, label=f"mean of {k}")
    ax.set_xlabel("step")
    ax.set_ylabel("MSE")
    ax.set_yscale("log")
    ax.legend()
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    return str(path)
