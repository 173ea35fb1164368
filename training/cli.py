"""``aplguard train prepare|fit|eval``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from aplguard.errors import TrainingError


def register(subparsers) -> None:
    """Add the ``train`` command group to the ``aplguard`` parser."""
    train = subparsers.add_parser("train", help="learn APL prefixes for a diffusers model",
                                  description="Learn an APL anonymisation prefix for a base model.")
    sub = train.add_subparsers(dest="train_command", metavar="STEP", parser_class=type(train))
    train.set_defaults(func=lambda args: (train.print_help(), 2)[1])

    p = sub.add_parser("prepare", help="generate/encode training latents into a resumable cache")
    _model_args(p)
    p.add_argument("--data", required=True, help="data spec YAML (identities, templates, captions)")
    p.add_argument("--out", required=True, help="cache folder (resumed when it exists)")
    _recipe_args(p)
    p.set_defaults(func=_prepare)

    f = sub.add_parser("fit", help="train a prefix")
    _model_args(f)
    src = f.add_mutually_exclusive_group(required=True)
    src.add_argument("--data", help="data spec YAML (latents cached in OUT's .cache folder)")
    src.add_argument("--cache", help="cache folder from `aplguard train prepare`")
    f.add_argument("--out", required=True, help="prefix file to write (.safetensors)")
    f.add_argument("--steps", type=int, help="total optimisation steps (recipe default)")
    f.add_argument("--batch-size", type=int, help="samples per step (recipe default)")
    f.add_argument("--lr", type=float, help="learning rate")
    f.add_argument("--n-vectors", type=int, help="prefix length per text encoder")
    f.add_argument("--eta", type=float, help="0: paper target; 1: official code's ESD-style target")
    f.add_argument("--ratio", type=float, help="fraction of identity pairs")
    f.add_argument("--checkpoint-dir", help="checkpoint folder (default: OUT's .ckpt folder)")
    f.add_argument("--checkpoint-every", type=int, help="steps between checkpoints")
    f.add_argument("--no-resume", action="store_true", help="ignore an existing checkpoint (it is overwritten)")
    f.add_argument("--gradient-checkpointing", action="store_true", default=None, help="trade compute for memory")
    f.add_argument("--distributed", action="store_true", help="data parallel under `accelerate launch`")
    f.add_argument("--json", action="store_true", help="print a JSON summary as the last line")
    _recipe_args(f)
    f.set_defaults(func=_fit)

    e = sub.add_parser("eval", help="compare images with and without a prefix")
    _model_args(e)
    e.add_argument("--prefix", required=True, help="prefix file")
    e.add_argument("--data", required=True, help="data spec YAML")
    e.add_argument("--out", default="apl-eval", help="output folder for grid.png and report.json")
    e.add_argument("--samples", type=int, default=2, help="images per prompt (with and without)")
    e.add_argument("--steps", type=int, default=25, help="sampling steps")
    e.add_argument("--guidance", type=float, default=7.5, help="guidance scale")
    e.add_argument("--resolution", type=int, help="image size (default: the model's)")
    e.add_argument("--max-identities", type=int, default=8, help="identities evaluated")
    e.add_argument("--max-captions", type=int, default=8, help="general captions evaluated")
    e.add_argument("--matcher", help="face matcher name from aplguard.faces (identity similarity), e.g. sface")
    e.add_argument("--no-face-detector", action="store_true",
                   help="with --matcher: embed the whole image instead of the largest detected face")
    e.add_argument("--seed", type=int, default=0)
    e.add_argument("--json", action="store_true", help="print the report JSON as the last line")
    e.set_defaults(func=_eval)


def _model_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--model", required=True, help="pipeline folder (save_pretrained layout)")
    p.add_argument("--device", default="auto", help="auto, cpu, cuda, cuda:1, ...")
    p.add_argument("--dtype", choices=["fp32", "fp16", "bf16"], help="dtype of the frozen weights (default fp32)")
    p.add_argument("--no-progress", action="store_true", help="no progress bars")
    p.add_argument("--threads", type=int,
                   help="CPU threads for torch (default: torch's, or 1 for small models on CPU)")


def _recipe_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--recipe", help="recipe name (sd15, sd21, sdxl, sd3, flux, pixart) or YAML file (default: by model family)")
    p.add_argument("--seed", type=int, help="random seed")
    p.add_argument("--resolution", type=int, help="training image size (default: the model's)")
    p.add_argument("--images-per-identity", type=int, help="images generated per identity without photos")
    p.add_argument("--gen-steps", type=int, help="sampling steps when generating training images")
    p.add_argument("--max-sequence-length", type=int,
                   help="T5 sequence length for SD3/FLUX.1/PixArt (default: the pipeline's)")


# Below this many UNet parameters a CPU step is dominated by per-op overhead, and a second
# intra-op thread only adds synchronisation (measured 4x slower on a busy 2-core machine).
_SMALL_UNET_PARAMS = 20_000_000


def _threads(args, pipe=None) -> None:
    """Apply --threads; without it, small models on CPU run single-threaded."""
    import torch

    if args.threads is not None:
        if args.threads < 1:
            raise TrainingError(f"--threads {args.threads}: must be at least 1")
        torch.set_num_threads(args.threads)
    elif pipe is not None and _net(pipe).device.type == "cpu":
        if sum(p.numel() for p in _net(pipe).parameters()) < _SMALL_UNET_PARAMS:
            torch.set_num_threads(1)


def _net(pipe):
    from .objectives import denoiser

    return denoiser(pipe)


def _config(args, pipe):
    from aplguard.prefix import pipeline_family

    from .config import default_recipe, load_recipe

    base = load_recipe(args.recipe) if args.recipe else default_recipe(pipeline_family(pipe))
    over = {k: getattr(args, k, None) for k in ("seed", "resolution", "images_per_identity", "gen_steps", "steps",
                                                "batch_size", "lr", "n_vectors", "eta", "ratio", "checkpoint_every",
                                                "gradient_checkpointing", "max_sequence_length")}
    return base.with_overrides(**over)


def _prepare(args) -> int:
    from .dataset import prepare
    from .models import load_pipeline
    from .spec import load_spec

    spec = load_spec(args.data)  # bad data fails before the model loads
    pipe = load_pipeline(args.model, args.device, args.dtype)
    _threads(args, pipe)
    cfg = _config(args, pipe)
    data = prepare(pipe, spec, cfg, cache_dir=args.out, progress=not args.no_progress)
    skipped = f" ({data.skipped} images skipped)" if data.skipped else ""
    print(f"prepared {len(data.items)} items in {args.out}{skipped}", file=sys.stderr)
    return 0


def _fit(args) -> int:
    from .dataset import load_cache
    from .models import load_pipeline
    from .spec import load_spec
    from .trainer import fit

    out = Path(args.out)
    if out.suffix != ".safetensors":
        raise TrainingError(f"--out {out}: the prefix file name must end in .safetensors")
    spec = load_spec(args.data) if args.data else None
    if args.cache and not (Path(args.cache) / "manifest.json").is_file():
        raise TrainingError(f"--cache {args.cache}: not a training cache (no manifest.json)")
    pipe = load_pipeline(args.model, args.device, args.dtype)
    _threads(args, pipe)
    cfg = _config(args, pipe)
    data = spec if spec is not None else load_cache(args.cache, pipe)
    stem = out.with_suffix("")
    ckpt = Path(args.checkpoint_dir) if args.checkpoint_dir else Path(f"{stem}.ckpt")
    result = fit(pipe, data, cfg, out=out, checkpoint_dir=ckpt, resume=not args.no_resume,
                 progress=not args.no_progress, cache_dir=Path(f"{stem}.cache") if spec is not None else None,
                 distributed=args.distributed)
    summary = result.summary()
    if args.json:
        print(json.dumps(summary))
    else:
        print(f"wrote {summary['out']}: {summary['steps']} steps, loss {summary['initial_loss']:.4g} -> "
              f"{summary['final_loss']:.4g}, {summary['samples_per_s']:.2f} samples/s")
    return 0


def _eval(args) -> int:
    from aplguard.prefix import SoftPrompt

    from .evaluate import evaluate
    from .models import load_pipeline
    from .spec import load_spec

    spec = load_spec(args.data)
    prefix = SoftPrompt.load(args.prefix)  # both fail before the model loads
    pipe = load_pipeline(args.model, args.device, args.dtype)
    _threads(args, pipe)
    prefix.check_pipeline(pipe)
    matcher = _matcher(args.matcher) if args.matcher else None
    detector = None
    if matcher is not None and not args.no_face_detector:
        from aplguard.faces import FaceDetector

        detector = FaceDetector()
    report = evaluate(pipe, prefix, spec, out_dir=args.out, samples=args.samples, steps=args.steps,
                      guidance=args.guidance, resolution=args.resolution, seed=args.seed, matcher=matcher,
                      detector=detector, max_identities=args.max_identities, max_captions=args.max_captions,
                      progress=not args.no_progress)
    if args.json:
        print(json.dumps(report))
    else:
        print(f"wrote {report['grid']} and {report['report']}")
    return 0


def _matcher(name: str):
    """A face matcher from aplguard.faces' registry (when that area is installed)."""
    try:
        from aplguard.faces import matcher_registry  # type: ignore[attr-defined]
    except ImportError:
        raise TrainingError(f"--matcher {name}: aplguard.faces is not available in this install") from None
    return matcher_registry().create(name)
