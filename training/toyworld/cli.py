"""``aplguard toy`` commands: measure APL in the toy world, and draw from the toy model."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from aplguard.errors import ConfigError


def register(subparsers) -> None:
    toy = subparsers.add_parser("toy", help="the toy world: a tiny model trained here, its judge and APL prefix",
                                description="The toy world: measure APL end to end on a model trained here.")
    sub = toy.add_subparsers(dest="toy_command", metavar="TOY_COMMAND")

    e = sub.add_parser("eval", help="identity leakage with/without the prefix, and collateral change")
    e.add_argument("--world", choices=["v1", "v2"], default="v1", help="which toy world (default v1)")
    e.add_argument("--model", type=Path, help="toy pipeline folder (default: the shipped one)")
    e.add_argument("--prefix", type=Path, help="prefix file (default: the shipped one)")
    e.add_argument("--judge", type=Path, help="judge weights (default: the shipped ones)")
    e.add_argument("--samples", type=int, default=16, help="images per named person (default 16)")
    e.add_argument("--steps", type=int, help="sampling steps (default 12)")
    e.add_argument("--guidance", type=float, help="guidance scale (default 3.0)")
    e.add_argument("--seed", type=int, default=0)
    e.add_argument("--seen", type=int, metavar="N",
                   help="the prefix was trained on the first N of the world's seen names (default: all)")
    e.add_argument("--via", choices=["auto", "guard", "ti"], default="auto",
                   help="apply the prefix through Guard (auto: when available) or textual-inversion tokens")
    e.add_argument("--json", action="store_true", help="print one JSON object")
    e.set_defaults(func=_eval)

    g = sub.add_parser("generate", help="draw images for prompts (PNG grid; optional prefix column)")
    g.add_argument("prompts", nargs="+", help="prompts")
    g.add_argument("--out", type=Path, required=True, help="PNG file to write")
    g.add_argument("--world", choices=["v1", "v2"], default="v1", help="which toy world (default v1)")
    g.add_argument("--anonymize", action="store_true", help="add a column with the APL prefix applied")
    g.add_argument("--samples", type=int, default=4, help="images per prompt")
    g.add_argument("--seed", type=int, default=0)
    g.add_argument("--scale", type=int, default=8, help="pixel upscaling of the 16x16 images")
    g.set_defaults(func=_generate)
    toy.set_defaults(func=lambda args: (toy.print_help(), 2)[1])


def _check_positive(name: str, value) -> None:
    if value is not None and value < 1:
        raise ConfigError(f"--{name} must be >= 1, got {value}")


def _eval(args: argparse.Namespace) -> int:
    from . import DEFAULT_GUIDANCE, DEFAULT_STEPS, load_toy_pipeline, prefix_path
    from .data import get_world
    from .evaluate import evaluate
    from .judge import ToyJudge

    _check_positive("samples", args.samples)
    _check_positive("steps", args.steps)
    _check_positive("seen", args.seen)
    world = get_world(args.world)
    if args.seen is not None and args.seen > len(world.seen):
        raise ConfigError(f"--seen: toy world {world.version} has {len(world.seen)} seen names, got {args.seen}")
    prefix = args.prefix or prefix_path(world.version)
    if not Path(prefix).is_file():
        raise ConfigError(f"--prefix: file not found: {prefix}")
    seen = world.seen if args.seen is None else world.seen[:args.seen]
    report = evaluate(load_toy_pipeline(args.model, world.version), ToyJudge(args.judge, world).load(), prefix,
                      samples_per_name=args.samples, steps=args.steps or DEFAULT_STEPS,
                      guidance=DEFAULT_GUIDANCE if args.guidance is None else args.guidance,
                      seed=args.seed, via=args.via, seen=seen, world=world)
    if args.json:
        print(json.dumps(report))
    else:
        keys = ("leak_base_seen", "leak_apl_seen", "leak_base_unseen", "leak_apl_unseen", "person_rate_apl",
                "preserve_general", "general_change", "preserve_generic_person", "generic_person_change",
                "generic_faithful_base", "generic_faithful_apl", "chance")
        for k in keys:
            print(f"{k:23s} {report[k]:.3f}")
        print(f"({report['samples_per_name']} samples per name, {report['steps']} steps, "
              f"prefix via {report['prefix_via']}, {report['seconds']} s)")
    return 0


def _generate(args: argparse.Namespace) -> int:
    import numpy as np
    from PIL import Image

    from . import load_toy_pipeline, prefix_path
    from .evaluate import Generator

    _check_positive("samples", args.samples)
    pipe = load_toy_pipeline(world=args.world)
    gen = Generator(pipe, prefix_path(args.world) if args.anonymize else None)
    rows = []
    for prompt in args.prompts:
        seeds = [args.seed + k for k in range(args.samples)]
        cols = [gen([prompt] * args.samples, seeds)]
        if args.anonymize:
            cols.append(gen([prompt] * args.samples, seeds, anonymize=True))
        row = np.concatenate([np.concatenate(list(c), axis=2) for c in cols], axis=2)
        rows.append(row)
    grid = np.concatenate(rows, axis=1)
    hwc = ((grid.transpose(1, 2, 0) + 1) * 127.5).clip(0, 255).astype(np.uint8)
    img = Image.fromarray(hwc).resize((hwc.shape[1] * args.scale, hwc.shape[0] * args.scale), Image.NEAREST)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    img.save(args.out)
    print(args.out)
    return 0
