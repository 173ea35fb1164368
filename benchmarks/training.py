"""APL training speed: aplguard's loop vs a reference loop equivalent to the official code.

Reference (what the official APL code does per step): batch 1, fp32, three separate
UNet forwards -- eps(x_t, E([P; c1])) with gradient, then eps(c2) and eps(c1 without
the prefix) under no_grad, each with its own text-encoder call; target
``eps_c2 - eta*(eps_c1_frozen - eps_c2)`` with eta = 1. Ours: ``aplguard.training.fit``
with the same loss (eta = 1), batch B, both frozen forwards in one batched no-grad call,
gradients only for the prefix, bf16 autocast on GPU. Same data, same number of samples.

    python benchmarks/training.py [--steps 40] [--mid-steps 12] [--repeats 3] [--batch-size 4] [--threads 1] [--no-gpu]

Each (approach, repeat) runs in its own subprocess so peak memory is per approach
(CPU: peak RSS of that process; GPU: torch.cuda.max_memory_allocated). CPU: the tiny
SD1.x pipeline of aplguard.testing (64x64, per-call overhead dominates) and a mid-sized
SD1.x-architecture model (32x32 latents, compute dominates). GPU (when available): the SD1.5 architecture
with random weights at 512x512 (UNet 860M, CLIP ViT-L/14 text encoder), a few steps each,
within about 5 minutes. Prints a table and writes benchmarks/results/training.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results" / "training.json"


# ----------------------------------------------------------------------------- setups

def sd15_random_pipeline(device: str):
    """SD1.5 architecture (UNet, VAE, CLIP ViT-L/14 text encoder) with random weights, fp32."""
    import diffusers
    import torch
    import transformers

    from aplguard.testing import tiny_tokenizer

    tok = tiny_tokenizer()
    te_cfg = transformers.CLIPTextConfig(vocab_size=len(tok), hidden_size=768, intermediate_size=3072,
                                         num_hidden_layers=12, num_attention_heads=12, max_position_embeddings=77,
                                         projection_dim=768, hidden_act="quick_gelu",
                                         bos_token_id=len(tok) - 2, eos_token_id=len(tok) - 1,
                                         pad_token_id=len(tok) - 1)
    torch.manual_seed(0)
    with torch.device(device):  # random init directly on the device (much faster on a GPU)
        te = transformers.CLIPTextModel(te_cfg)
        unet = diffusers.UNet2DConditionModel(sample_size=64, cross_attention_dim=768, attention_head_dim=8,
                                              block_out_channels=(320, 640, 1280, 1280), layers_per_block=2)
        vae = diffusers.AutoencoderKL(block_out_channels=(128, 256, 512, 512), latent_channels=4,
                                      down_block_types=("DownEncoderBlock2D",) * 4,
                                      up_block_types=("UpDecoderBlock2D",) * 4, sample_size=512)
    sched = diffusers.DDIMScheduler(beta_start=0.00085, beta_end=0.012, beta_schedule="scaled_linear",
                                    clip_sample=False, set_alpha_to_one=False, steps_offset=1)
    pipe = diffusers.StableDiffusionPipeline(vae=vae, text_encoder=te, tokenizer=tok, unet=unet, scheduler=sched,
                                             safety_checker=None, feature_extractor=None,
                                             requires_safety_checker=False)
    return pipe.to(device)


def mid_sd_pipeline():
    """A mid-sized SD1.x-architecture pipeline (UNet 64/128/256 channels, 32x32 latents, 4-layer
    256-d CLIP text encoder), random weights: big enough on CPU that compute, not Python, dominates."""
    import diffusers
    import torch
    import transformers

    from aplguard.testing import tiny_sd_pipeline, tiny_tokenizer

    tok = tiny_tokenizer()
    cfg = transformers.CLIPTextConfig(vocab_size=len(tok), hidden_size=256, intermediate_size=1024,
                                      num_hidden_layers=4, num_attention_heads=4, max_position_embeddings=77,
                                      projection_dim=256, bos_token_id=len(tok) - 2, eos_token_id=len(tok) - 1,
                                      pad_token_id=len(tok) - 1)
    torch.manual_seed(0)
    te = transformers.CLIPTextModel(cfg).eval()
    unet = diffusers.UNet2DConditionModel(
        sample_size=32, block_out_channels=(64, 128, 256), layers_per_block=1, norm_num_groups=32,
        down_block_types=("CrossAttnDownBlock2D", "CrossAttnDownBlock2D", "DownBlock2D"),
        up_block_types=("UpBlock2D", "CrossAttnUpBlock2D", "CrossAttnUpBlock2D"),
        cross_attention_dim=256, attention_head_dim=8).eval()
    base = tiny_sd_pipeline(seed=0)
    pipe = diffusers.StableDiffusionPipeline(vae=base.vae, text_encoder=te, tokenizer=tok, unet=unet,
                                             scheduler=base.scheduler, safety_checker=None, feature_extractor=None,
                                             requires_safety_checker=False)
    return pipe


def synthetic_data(pipe, n: int = 16):
    """Half identity pairs, half general pairs, on random latents of the pipeline's native size."""
    import torch
    from aplguard.training import Item, TrainingSet

    side = int(pipe.unet.config.sample_size)
    g = torch.Generator().manual_seed(0)
    items = []
    for i in range(n):
        if i % 2:
            items.append(Item("identity", f"a photo of person {i}", "a photo of a man with short grey hair", None, i))
        else:
            items.append(Item("general", f"a bowl of fruit number {i}", f"a bowl of fruit number {i}", None, i))
    return TrainingSet(torch.randn(n, 4, side, side, generator=g), items)


# ----------------------------------------------------------------------------- the two loops

def reference_loop(pipe, data, steps: int, n_vectors: int = 10, eta: float = 1.0, lr: float = 1e-3) -> float:
    """The official code's structure: batch 1, fp32, 3 separate UNet forwards. Returns seconds."""
    import torch
    from aplguard.training import PrefixEncoder, unet_output
    from aplguard.training.trainer import _frozen, _noise_scheduler

    enc = PrefixEncoder(pipe, n_vectors)
    device = pipe.unet.device
    prefix = {k: v.to(device).requires_grad_(True) for k, v in enc.init_prefix(0).items()}
    opt = torch.optim.Adam(prefix.values(), lr=lr)
    sched = _noise_scheduler(pipe)
    g = torch.Generator().manual_seed(1)
    with _frozen(pipe, False):
        _sync(device)
        t0 = time.perf_counter()
        for _ in range(steps):
            i = int(torch.randint(len(data.items), (1,), generator=g))
            item = data.items[i]
            t = torch.randint(0, 1000, (1,), generator=g).to(device)
            noise = torch.randn((1, *data.latents.shape[1:]), generator=g).to(device)
            x_t = sched.add_noise(data.latents[i:i + 1].to(device), noise, t)
            eps = unet_output(pipe, x_t, t, enc.encode([item.c1], prefix))
            with torch.no_grad():
                eps_c2 = unet_output(pipe, x_t, t, enc.encode([item.c2]))
                eps_c1 = unet_output(pipe, x_t, t, enc.encode([item.c1]))
                target = eps_c2 - eta * (eps_c1 - eps_c2)
            loss = torch.nn.functional.mse_loss(eps, target)
            loss.backward()
            opt.step()
            opt.zero_grad(set_to_none=True)
        _sync(device)
    return time.perf_counter() - t0


def ours(pipe, data, steps: int, batch_size: int, gradient_checkpointing: bool = False) -> float:
    """aplguard.training.fit with the official loss (eta = 1). Returns seconds of training."""
    from aplguard.training import TrainConfig, fit

    cfg = TrainConfig(n_vectors=10, steps=steps, batch_size=batch_size, eta=1.0, lr=1e-3,
                      gradient_checkpointing=gradient_checkpointing, mixed_precision="bf16")
    result = fit(pipe, data, cfg)
    return steps * batch_size / result.samples_per_s


def _sync(device) -> None:
    import torch

    if device.type == "cuda":
        torch.cuda.synchronize(device)


# ----------------------------------------------------------------------------- one measurement (subprocess)

def run_one(setup: str, approach: str, steps: int, batch_size: int, threads: int) -> dict:
    import resource

    import torch

    torch.set_num_threads(threads)
    device = "cuda" if setup == "sd15-512-gpu" else "cpu"
    if setup == "sd15-512-gpu":
        pipe = sd15_random_pipeline(device)
    elif setup == "mid-sd-32-cpu":
        pipe = mid_sd_pipeline()
    else:
        from aplguard.testing import tiny_sd_pipeline

        pipe = tiny_sd_pipeline(seed=0)
    pipe.set_progress_bar_config(disable=True)
    data = synthetic_data(pipe)
    # Warm-up (allocator, kernels) is not timed.
    if approach == "reference":
        reference_loop(pipe, data, 2)
    else:
        ours(pipe, data, 2, batch_size)
    if device == "cuda":
        torch.cuda.reset_peak_memory_stats()
    if approach == "reference":
        seconds, samples = reference_loop(pipe, data, steps), steps
    else:
        seconds, samples = ours(pipe, data, steps, batch_size), steps * batch_size
    if device == "cuda":
        peak = torch.cuda.max_memory_allocated() / 2**20
    else:
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"samples_per_s": samples / seconds, "seconds": seconds, "samples": samples, "peak_mem_mb": peak}


def run_subprocess(setup: str, approach: str, steps: int, batch_size: int, threads: int) -> dict:
    cmd = [sys.executable, __file__, "--one", setup, approach, str(steps), str(batch_size), str(threads)]
    out = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise SystemExit(f"{setup}/{approach} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def measure(configs: list[tuple[str, str, int, int]], threads: int, repeats: int) -> list[dict]:
    """Run every config ``repeats`` times, interleaved (A B C A B C ...) so load changes hit all alike."""
    runs: list[list[dict]] = [[] for _ in configs]
    for _ in range(repeats):
        for i, (setup, approach, steps, batch) in enumerate(configs):
            runs[i].append(run_subprocess(setup, approach, steps, batch, threads))
    return [{"approach": approach, "setup": setup, "batch_size": batch, "steps": steps, "repeats": repeats,
             "samples_per_s_median": statistics.median(r["samples_per_s"] for r in rs),
             "peak_mem_mb_median": statistics.median(r["peak_mem_mb"] for r in rs), "runs": rs}
            for (setup, approach, steps, batch), rs in zip(configs, runs)]


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--one":
        setup, approach, steps, batch, threads = sys.argv[2], sys.argv[3], *map(int, sys.argv[4:7])
        print(json.dumps(run_one(setup, approach, steps, batch, threads)))
        return 0
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--steps", type=int, default=40, help="optimisation steps per CPU run")
    ap.add_argument("--mid-steps", type=int, default=12, help="optimisation steps per mid-sized CPU run")
    ap.add_argument("--tiny-only", action="store_true", help="skip the mid-sized CPU model")
    ap.add_argument("--gpu-steps", type=int, default=20, help="optimisation steps per GPU run")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--batch-size", type=int, default=4)
    ap.add_argument("--threads", type=int, default=1, help="torch CPU threads")
    ap.add_argument("--no-gpu", action="store_true")
    args = ap.parse_args()

    import diffusers
    import torch
    import transformers

    cpu = [("tiny-sd-64-cpu", "reference", args.steps, 1), ("tiny-sd-64-cpu", "ours", args.steps, 1),
           ("tiny-sd-64-cpu", "ours", args.steps, args.batch_size)]
    if not args.tiny_only:
        cpu += [("mid-sd-32-cpu", "reference", args.mid_steps, 1), ("mid-sd-32-cpu", "ours", args.mid_steps, 1),
                ("mid-sd-32-cpu", "ours", args.mid_steps, args.batch_size)]
    rows = measure(cpu, args.threads, args.repeats)
    gpu = torch.cuda.is_available() and not args.no_gpu
    if gpu:
        rows += measure([("sd15-512-gpu", "reference", args.gpu_steps, 1), ("sd15-512-gpu", "ours", args.gpu_steps, 1),
                         ("sd15-512-gpu", "ours", args.gpu_steps, 4)], args.threads, 1)
    for r in rows:
        ref = next(x for x in rows if x["setup"] == r["setup"] and x["approach"] == "reference")
        r["speedup_vs_reference"] = r["samples_per_s_median"] / ref["samples_per_s_median"]
    result = {
        "benchmark": "training", "command": "python " + " ".join(sys.argv),
        "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "machine": {"platform": platform.platform(), "processor": platform.processor(), "cpus": os.cpu_count(),
                    "gpu": torch.cuda.get_device_name(0) if torch.cuda.is_available() else None,
                    "load_avg": os.getloadavg()},
        "versions": {"python": platform.python_version(), "torch": torch.__version__,
                     "diffusers": diffusers.__version__, "transformers": transformers.__version__},
        "notes": ("CPU peak memory is the peak RSS of the measuring process (models + data + training). "
                  + ("" if gpu else "No GPU on this machine: the SD1.5-512 GPU rows were not run.")),
        "rows": rows,
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=1), encoding="utf-8")
    print(f"{'setup':16} {'approach':10} {'batch':>5} {'samples/s':>10} {'x ref':>6} {'peak MB':>8}")
    for r in rows:
        print(f"{r['setup']:16} {r['approach']:10} {r['batch_size']:>5} {r['samples_per_s_median']:>10.2f} "
              f"{r['speedup_vs_reference']:>6.2f} {r['peak_mem_mb_median']:>8.0f}")
    if not gpu:
        print("(no GPU here: the SD1.5 512x512 GPU comparison was not run)")
    print(f"wrote {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
