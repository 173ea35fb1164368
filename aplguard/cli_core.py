"""Core sub-commands: ``demo``, ``generate`` and ``prefix inspect|convert``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .errors import ConfigError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help="run a guarded generation on the embedded toy model and write a grid PNG")
    p.add_argument("--out", default="demo-out", help="output folder (grid PNG, audit log)")
    p.add_argument("--steps", type=int, default=None, help="sampling steps (default: the model's demo setting)")
    p.add_argument("--seed", type=int, default=0)
    p.set_defaults(func=_demo)

    p = sub.add_parser("generate", help="generate one guarded image with a local diffusers model")
    p.add_argument("prompt", help="the prompt")
    p.add_argument("--model", required=True, help="local diffusers pipeline folder (save_pretrained layout)")
    p.add_argument("--prefix", help="APL prefix file (.safetensors/.pt)")
    p.add_argument("--policy", default="default", help="shipped policy name or YAML path")
    p.add_argument("--audit", help="audit sink URL, e.g. sqlite:///audit.db")
    p.add_argument("--tenant")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--steps", type=int, default=30)
    p.add_argument("--height", type=int)
    p.add_argument("--width", type=int)
    p.add_argument("-o", "--output", required=True, help="output PNG path")
    p.set_defaults(func=_generate)

    p = sub.add_parser("serve", help="run the HTTP screening service (POST /v1/check)")
    p.add_argument("--policy", default="default", help="shipped policy name or YAML path")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8080)
    p.set_defaults(func=_serve)

    p = sub.add_parser("prefix", help="inspect or convert APL prefix files")
    psub = p.add_subparsers(dest="prefix_command", metavar="ACTION", parser_class=type(p))
    q = psub.add_parser("inspect", help="print a prefix file's metadata")
    q.add_argument("file")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=_prefix_inspect)
    q = psub.add_parser("convert", help="convert between prefix formats (APL .pt, A1111, diffusers TI, aplguard)")
    q.add_argument("input")
    q.add_argument("output")
    q.add_argument("--format", default=None, choices=["aplguard", "a1111", "diffusers"],
                   help="output format (default: aplguard for .safetensors, a1111 for .pt)")
    q.add_argument("--model", help="pipeline folder: check the prefix fits it and record its fingerprints")
    q.set_defaults(func=_prefix_convert)
    p.set_defaults(func=lambda a: (p.print_help(), 2)[1])


# -- prefix -----------------------------------------------------------------------------


def _prefix_inspect(args) -> int:
    from .prefix import describe, load_any

    info = describe(load_any(args.file))
    if args.json:
        print(json.dumps(info))
        return 0
    print(f"{args.file}: {info['family']} prefix, {info['n_vectors']} vectors, digest {info['digest'][:16]}")
    for name, enc in info["encoders"].items():
        fp = "fingerprinted" if enc["fingerprint"] else "no fingerprint (size checks only)"
        print(f"  {name}: width {enc['hidden']}, mean norm {enc['norm_mean']:.3f}, {fp}")
    print(f"  provenance: {json.dumps(info['provenance'])}")
    return 0


def _prefix_convert(args) -> int:
    from .prefix import SoftPrompt, load_any

    sp = load_any(args.input)
    if args.model:
        pipe = _load_pipeline(args.model)
        sp = SoftPrompt.from_pipeline(pipe, sp.vectors, provenance=sp.provenance)
    fmt = args.format or ("a1111" if args.output.endswith(".pt") else "aplguard")
    out = sp.export(args.output, fmt=fmt)
    print(f"wrote {out} ({fmt}, {sp.n_vectors} vectors)")
    return 0


# -- generate ---------------------------------------------------------------------------


def _load_pipeline(folder: str):
    from ._deps import require

    diffusers = require("diffusers", "diffusers")
    path = Path(folder)
    if not (path / "model_index.json").is_file():
        raise ConfigError(f"--model {folder}: not a diffusers pipeline folder (no model_index.json)")
    try:
        pipe = diffusers.DiffusionPipeline.from_pretrained(str(path), local_files_only=True, safety_checker=None)
    except TypeError:
        pipe = diffusers.DiffusionPipeline.from_pretrained(str(path), local_files_only=True)
    except (OSError, ValueError) as exc:
        raise ConfigError(f"--model {folder}: cannot load pipeline: {exc}") from None
    pipe.set_progress_bar_config(disable=True)
    return pipe


def _generate(args) -> int:
    import torch

    from .guard import Guard

    pipe = _load_pipeline(args.model)
    guard = Guard(pipe, prefix=args.prefix, policy=args.policy, audit=args.audit)
    kwargs = {"num_inference_steps": args.steps, "generator": torch.Generator().manual_seed(args.seed)}
    if args.height:
        kwargs["height"] = args.height
    if args.width:
        kwargs["width"] = args.width
    out = guard(args.prompt, tenant=args.tenant, **kwargs)
    d = out.decisions[0]
    print(f"decision: {d.action} (rule {d.rule}{', flagged' if d.flagged else ''})")
    if out.images[0] is None:
        print(f"blocked: {d.message or 'output blocked by policy'}", file=sys.stderr)
        return 3
    out.images[0].save(args.output)
    print(f"wrote {args.output}")
    return 0


# -- serve ------------------------------------------------------------------------------


def _serve(args) -> int:
    from .integrations.http_service import make_server
    from .policy import PolicyEngine

    server = make_server(PolicyEngine(args.policy), args.host, args.port)
    print(f"aplguard: serving on http://{args.host}:{server.server_address[1]} (Ctrl-C stops)")
    try:
        server.serve_forever()
    finally:
        server.server_close()
    return 0


# -- demo ---------------------------------------------------------------------------------


def _demo(args) -> int:
    from .demo import run_demo

    return run_demo(Path(args.out), steps=args.steps, seed=args.seed)
