"""How much time does Guard add to a pipeline call?

Runs, in one process and interleaved, the bare pipeline and the same pipeline
wrapped in Guard (policy ``off`` and ``anonymize-all``: no detectors, so this is
the guard's own cost), and reports medians over many calls plus the in-process
overhead the guard measures around the pipeline call (total - generate).

    python benchmarks/guard_overhead.py [--runs 60] [--json benchmarks/results/guard_overhead.json]

On a CUDA machine it also runs the SD1.5 architecture with random weights at 512x512.

The SD3 and FLUX.1 cases use the real diffusers classes (three / two text
encoders, T5 among them) at reduced sizes on CPU, with the pipelines' default
``max_sequence_length`` (SD3 256, FLUX.1 512). For every case the benchmark also
records the token sequence length each text encoder receives with and without
the prefix: CLIP pads to 77 and T5 to ``max_sequence_length``, so the prefix
takes positions from the prompt instead of adding any, and neither the encoders
nor the denoiser do more work (no extra FLOPs). Guard's own time is the time
around the pipeline call (``total - generate``) plus the backend's prompt
preparation inside ``generate`` (prefixing, the per-encoder truncation check),
measured separately.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import time
from pathlib import Path

import numpy as np
import torch

import aplguard
from aplguard import Guard, SoftPrompt
from aplguard.prefix import text_encoders
from aplguard.testing import tiny_flux_pipeline, tiny_sd3_pipeline, tiny_sd_pipeline


def _sd15_random(device: str):
    """SD1.5's architecture (UNet 860M, CLIP ViT-L/14 text encoder) with random weights."""
    import diffusers
    import transformers

    from aplguard.testing import tiny_tokenizer

    tok = tiny_tokenizer()
    te = transformers.CLIPTextModel(transformers.CLIPTextConfig(
        vocab_size=len(tok), hidden_size=768, intermediate_size=3072, num_hidden_layers=12,
        num_attention_heads=12, max_position_embeddings=77, bos_token_id=len(tok) - 2, eos_token_id=len(tok) - 1))
    unet = diffusers.UNet2DConditionModel(cross_attention_dim=768, sample_size=64)
    vae = diffusers.AutoencoderKL(block_out_channels=(128, 256, 512, 512), latent_channels=4,
                                  down_block_types=("DownEncoderBlock2D",) * 4, up_block_types=("UpDecoderBlock2D",) * 4,
                                  layers_per_block=2, sample_size=512)
    pipe = diffusers.StableDiffusionPipeline(vae=vae, text_encoder=te, tokenizer=tok, unet=unet,
                                             scheduler=diffusers.DDIMScheduler(steps_offset=1), safety_checker=None,
                                             feature_extractor=None, requires_safety_checker=False)
    pipe.set_progress_bar_config(disable=True)
    return pipe.to(device, torch.float16)


def _prefix_for(pipe) -> SoftPrompt:
    g = torch.Generator().manual_seed(0)
    return SoftPrompt.from_pipeline(pipe, {name: torch.randn(10, enc.get_input_embeddings().weight.shape[1], generator=g)
                                           for name, _, enc in text_encoders(pipe)})


def _sequence_lengths(pipe, run) -> dict[str, list[int]]:
    """The input_ids lengths each text encoder receives during ``run()``."""
    seen: dict[str, list[int]] = {}
    handles = []
    for name, _, enc in text_encoders(pipe):
        def hook(module, args, kwargs, name=name):
            ids = args[0] if args else kwargs.get("input_ids")
            seen.setdefault(name, []).append(int(ids.shape[-1]))
        handles.append(enc.register_forward_pre_hook(hook, with_kwargs=True))
    try:
        run()
    finally:
        for h in handles:
            h.remove()
    return seen


def _prep_ms(guard, prompt: str, call: dict, n: int = 200) -> float:
    """Median ms of the backend's own prompt work per anonymised call (inside ``generate``)."""
    backend = guard.backend
    samples = []
    for _ in range(n):
        t = time.perf_counter()
        final = [backend.prefixed(prompt)]
        backend._check_preprocessing(dict(call))
        backend._warn_truncation(final, [True], dict(call))
        samples.append((time.perf_counter() - t) * 1000)
    return statistics.median(samples)


def measure(pipe, call: dict, runs: int, device: str) -> dict:
    guards = {"off": Guard(pipe, policy="off"),
              "anonymize-all": Guard(pipe, prefix=_prefix_for(pipe), policy="anonymize-all")}
    prompt = "a photo of a person at the beach"
    times: dict[str, list[float]] = {"bare": [], **{k: [] for k in guards}}
    inproc: dict[str, list[float]] = {k: [] for k in guards}

    def sync():
        if device == "cuda":
            torch.cuda.synchronize()

    for i in range(runs + 3):  # 3 warm-up rounds, interleaved so drift hits all alike
        for name in ["bare", *guards]:
            gen = torch.Generator(device).manual_seed(i)
            sync()
            t = time.perf_counter()
            if name == "bare":
                pipe(prompt=prompt, generator=gen, **call)
            else:
                out = guards[name](prompt, generator=gen, **call)
            sync()
            dt = (time.perf_counter() - t) * 1000
            if i >= 3:
                times[name].append(dt)
                if name != "bare":
                    inproc[name].append(out.timings_ms["total"] - out.timings_ms["generate"])
    med = {k: statistics.median(v) for k, v in times.items()}
    lengths = {"bare": _sequence_lengths(pipe, lambda: pipe(prompt=prompt, **call)),
               "anonymize-all": _sequence_lengths(pipe, lambda: guards["anonymize-all"](prompt, **call))}
    prep = _prep_ms(guards["anonymize-all"], prompt, call)
    own = {k: statistics.median(v) for k, v in inproc.items()}
    for g in guards.values():
        g.close()
    return {
        "runs": runs, "call": {k: v for k, v in call.items()},
        "median_ms": med,
        "added_median_ms": {k: med[k] - med["bare"] for k in guards},
        "guard_inprocess_overhead_ms": {k: {"median": statistics.median(v), "p99": float(np.percentile(v, 99))}
                                        for k, v in inproc.items()},
        "ratio_vs_bare": {k: med[k] / med["bare"] for k in guards},
        "backend_prompt_prep_ms": prep,
        "guard_own_ms": {"off": own["off"], "anonymize-all": own["anonymize-all"] + prep},
        "encoder_sequence_lengths": lengths,
        "prefix_adds_tokens": lengths["bare"] != lengths["anonymize-all"],
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=60)
    ap.add_argument("--json", default=str(Path(__file__).parent / "results" / "guard_overhead.json"))
    args = ap.parse_args()
    torch.set_num_threads(max(1, torch.get_num_threads()))
    results = {
        "machine": {"platform": platform.platform(), "processor": platform.processor(), "python": platform.python_version(),
                    "cpu_threads": torch.get_num_threads(), "cuda": torch.cuda.is_available()},
        "versions": {"aplguard": aplguard.__version__, "torch": torch.__version__},
        "cases": {},
    }
    pipe = tiny_sd_pipeline()
    results["cases"]["tiny_sd_cpu_64px_2steps"] = measure(
        pipe, dict(num_inference_steps=2, height=64, width=64, output_type="np"), args.runs, "cpu")
    flow_runs = max(5, args.runs // 4)  # the T5 families are slower per call; fewer rounds, same method
    results["cases"]["sd3_arch_reduced_cpu_32px_2steps"] = measure(
        tiny_sd3_pipeline(), dict(num_inference_steps=2, height=32, width=32, output_type="np"), flow_runs, "cpu")
    results["cases"]["flux_arch_reduced_cpu_32px_2steps"] = measure(
        tiny_flux_pipeline(), dict(num_inference_steps=2, height=32, width=32, output_type="np"), flow_runs, "cpu")
    if torch.cuda.is_available():
        big = _sd15_random("cuda")
        results["cases"]["sd15_random_cuda_512px_20steps"] = measure(
            big, dict(num_inference_steps=20, height=512, width=512, output_type="np"), max(10, args.runs // 6), "cuda")
    else:
        results["cases"]["sd15_random_cuda_512px_20steps"] = "skipped: no CUDA device in this run"
    print(f"{'case':38} {'bare ms':>9} {'off ms':>9} {'anon ms':>9} {'guard own ms (off/anon)':>24} {'seq len':>8}")
    for name, case in results["cases"].items():
        if isinstance(case, str):
            print(f"{name:38} {case}")
            continue
        m, own = case["median_ms"], case["guard_own_ms"]
        seq = "+prefix" if case["prefix_adds_tokens"] else "fixed"
        print(f"{name:38} {m['bare']:9.2f} {m['off']:9.2f} {m['anonymize-all']:9.2f} "
              f"{own['off']:11.3f} / {own['anonymize-all']:.3f} {seq:>8}")
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps(results, indent=2))
    print(f"wrote {args.json}")


if __name__ == "__main__":
    main()
