"""The core package's sub-commands: ``demo``, ``generate``, ``serve`` and ``prefix inspect|convert``.

:mod:`aplguard.cli` is the entry point (parsing, dispatch, exit codes); each area
registers its sub-commands from its own module, and this one holds those of the
top-level package.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .errors import AplGuardError, ConfigError, PrefixError


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``demo``, ``generate``, ``serve`` and ``prefix`` to the main parser."""
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

    p = sub.add_parser("serve", help="run the HTTP gateway (screening, guarded generation, audit, metrics)")
    p.add_argument("--config", help="gateway YAML config (default: loopback only, no keys, the embedded toy "
                                    "model, an SQLite audit log under $APLGUARD_HOME); see docs/gateway.md")
    p.add_argument("--policy", default=None, help="policy name or YAML path (overrides the config's; default: "
                                                  "the shipped default policy plus the toy people)")
    p.add_argument("--host", default=None, help="bind address (default: the config's, 127.0.0.1)")
    p.add_argument("--port", type=int, default=None, help="port (default: the config's, 8080)")
    p.add_argument("--workers", type=int, default=None, help="processes, each with its own pipeline")
    p.add_argument("--check-config", action="store_true", help="validate the config and exit")
    p.add_argument("--hash-key", action="store_true",
                   help="make a new API key and print it with its sha256 hash for the config's keys: list")
    p.set_defaults(func=_serve)

    prefix = sub.add_parser("prefix", help="inspect or convert APL prefix files")
    psub = prefix.add_subparsers(dest="prefix_command", metavar="ACTION", parser_class=type(prefix))
    q = psub.add_parser("inspect", help="print a prefix file's metadata")
    q.add_argument("file")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=_prefix_inspect)
    q = psub.add_parser("convert", help="convert between prefix formats (APL .pt, A1111, diffusers TI, aplguard)")
    q.add_argument("input")
    q.add_argument("output")
    q.add_argument("--format", default=None, choices=["aplguard", "a1111", "diffusers"],
                   help="output format (default: aplguard for .safetensors, a1111 for .pt)")
    q.add_argument("--model", help="pipeline folder: check the prefix fits it; a prefix without fingerprints "
                                   "gets the model's")
    q.add_argument("--force", action="store_true",
                   help="with --model: replace fingerprints of another encoder with the model's (re-stamp; "
                        "Guard then accepts a prefix trained for another text encoder)")
    q.set_defaults(func=_prefix_convert)

    def _prefix_help(args: argparse.Namespace) -> int:
        prefix.print_help()
        return 2

    prefix.set_defaults(func=_prefix_help)


# -- prefix -----------------------------------------------------------------------------


def _prefix_inspect(args: argparse.Namespace) -> int:
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


def _prefix_convert(args: argparse.Namespace) -> int:
    from .prefix import load_any

    if args.force and not args.model:
        raise ConfigError("--force re-stamps fingerprints with those of --model; give --model DIR")
    out_path = Path(args.output)
    if out_path.is_dir():
        raise ConfigError(f"{args.output}: is a directory; give a file name for the converted prefix")
    sp = load_any(args.input)
    if args.model:
        pipe = _load_pipeline(args.model)
        try:
            sp, replaced = sp.fitted_to(pipe, restamp=args.force)
        except PrefixError as exc:
            hint = "; --force re-stamps it with the model's fingerprint" if "trained for another" in str(exc) else ""
            raise PrefixError(f"{args.input} does not fit --model {args.model}: {exc}{hint}") from None
        if replaced:
            print(f"aplguard: warning: re-stamped {', '.join(replaced)} of {args.input} with the fingerprint of "
                  f"--model {args.model}: the prefix was trained for another text encoder, and Guard will now "
                  "accept it for this model", file=sys.stderr)
    fmt = args.format or ("a1111" if args.output.endswith(".pt") else "aplguard")
    out = sp.export(out_path, fmt=fmt)
    print(f"wrote {out} ({fmt}, {sp.n_vectors} vectors)")
    return 0


# -- generate ---------------------------------------------------------------------------


def _load_pipeline(folder: str) -> Any:
    """A diffusers pipeline from a local folder; any failure to load it is a ConfigError naming it."""
    from ._deps import require

    diffusers = require("diffusers", "diffusers")
    path = Path(folder)
    if not (path / "model_index.json").is_file():
        raise ConfigError(f"--model {folder}: not a diffusers pipeline folder (no model_index.json)")
    try:
        with _quiet_loading():
            try:
                pipe = diffusers.DiffusionPipeline.from_pretrained(str(path), local_files_only=True,
                                                                   safety_checker=None)
            except TypeError:  # a pipeline class without a safety_checker argument
                pipe = diffusers.DiffusionPipeline.from_pretrained(str(path), local_files_only=True)
    except AplGuardError:
        raise
    except Exception as exc:  # diffusers/transformers raise many types on a broken folder
        raise ConfigError(f"--model {folder}: cannot load pipeline: {_first_line(exc)}") from None
    if not hasattr(pipe, "set_progress_bar_config"):
        raise ConfigError(f"--model {folder}: {type(pipe).__name__} is not a diffusers pipeline")
    pipe.set_progress_bar_config(disable=True)
    return pipe


@contextmanager
def _quiet_loading() -> Iterator[None]:
    """No loading progress bars or library warnings on stderr while a command loads a model
    (stderr carries the command's one-line errors); the libraries' settings are restored after."""
    import diffusers.utils.logging as dlog

    libs: list[Any] = [dlog]
    try:
        import transformers.utils.logging as tlog

        libs.append(tlog)
    except ImportError:  # pragma: no cover - diffusers pipelines without transformers
        pass
    saved = [(lib.is_progress_bar_enabled(), lib.get_verbosity()) for lib in libs]
    for lib in libs:
        lib.disable_progress_bar()
        lib.set_verbosity_error()
    try:
        yield
    finally:
        for lib, (bar, level) in zip(libs, saved):
            if bar:
                lib.enable_progress_bar()
            lib.set_verbosity(level)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0] if text else ''}"[:300]


def _generate(args: argparse.Namespace) -> int:
    import torch

    from .guard import Guard

    pipe = _load_pipeline(args.model)
    guard = Guard(pipe, prefix=args.prefix, policy=args.policy, audit=args.audit)
    kwargs: dict[str, Any] = {"num_inference_steps": args.steps,
                              "generator": torch.Generator().manual_seed(args.seed)}
    if args.height:
        kwargs["height"] = args.height
    if args.width:
        kwargs["width"] = args.width
    out = guard(args.prompt, tenant=args.tenant, **kwargs)
    d = out.decisions[0]
    print(f"decision: {d.action} (rule {d.rule}{', flagged' if d.flagged else ''})")
    image = out.images[0]
    if image is None:
        print(f"blocked: {d.message or 'output blocked by policy'}", file=sys.stderr)
        return 3
    try:
        image.save(args.output)
    except (OSError, ValueError) as exc:  # a folder, a missing parent, an unknown image extension
        raise ConfigError(f"-o {args.output}: cannot write image: {exc}") from None
    print(f"wrote {args.output}")
    return 0


# -- serve ------------------------------------------------------------------------------


def _serve(args: argparse.Namespace) -> int:
    gateway: Any = importlib.import_module("aplguard.integrations.gateway")
    if args.hash_key:
        key = gateway.new_key()
        print(f"key:  {key}\nhash: {gateway.hash_key(key)}  (put the hash in the config; give the key to the client)")
        return 0
    if args.workers is not None and args.workers < 1:
        raise ConfigError(f"--workers: expected 1 or more, got {args.workers}")
    config = gateway.load_config(args.config) if args.config else gateway.default_config()
    if args.policy:
        config = config.model_copy(update={"policy": args.policy})
    if args.check_config:
        print(f"{args.config or '(default)'}: ok")
        return 0
    host = args.host if args.host is not None else config.server.host
    port = args.port if args.port is not None else config.server.port
    gateway.config.check_bind(config, host)  # before loading models: refuse an open non-loopback bind fast
    threads = config.pipeline.torch_threads or (1 if config.pipeline.model == "toy" else None)
    if threads and config.pipeline.enabled:
        import torch  # the serving process is ours: one thread is fastest for the tiny toy model

        torch.set_num_threads(threads)
    print(f"aplguard: gateway on http://{host}:{port} ({'no keys: loopback only' if config.open_access else f'{len(config.keys)} key(s)'}; "
          f"audit {config.audit_url()}; Ctrl-C stops)", flush=True)
    gateway.server.log_to_stderr()  # the serve process is ours: worker restarts and errors are shown
    gateway.serve(config, host, port, args.workers)
    return 0


# -- demo ---------------------------------------------------------------------------------


def _demo(args: argparse.Namespace) -> int:
    from .demo import run_demo

    return int(run_demo(Path(args.out), steps=args.steps, seed=args.seed))
