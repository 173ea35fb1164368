"""``aplguard prefix export --for comfyui|a1111 PREFIX DIR``: the prefix as a host embedding.

Added to the core ``prefix`` command (defined in :mod:`aplguard.cli_commands`) as one more
action, so the host code stays in this package.
"""

from __future__ import annotations

import argparse

from .embeddings import HOSTS, export_for_host


def _prefix_actions(sub: argparse._SubParsersAction) -> argparse._SubParsersAction:  # type: ignore[type-arg]
    """The ``prefix`` command's sub-parsers, creating ``prefix`` when the core did not register it."""
    parser = sub.choices.get("prefix")
    if parser is None:
        parser = sub.add_parser("prefix", help="inspect, convert or export APL prefix files")
    for action in parser._actions:  # argparse keeps the sub-parsers only there
        if isinstance(action, argparse._SubParsersAction):
            return action
    actions: argparse._SubParsersAction = parser.add_subparsers(  # type: ignore[type-arg]
        dest="prefix_command", metavar="ACTION", parser_class=type(parser))
    return actions


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    q = _prefix_actions(sub).add_parser(
        "export", help="write the prefix as the embedding ComfyUI or A1111/Forge loads",
        description="Write PREFIX as DIR/NAME.safetensors (DIR: the host's embeddings folder, or its installation "
                    "folder). ComfyUI prompts reference it as embedding:NAME, A1111 prompts as NAME.")
    q.add_argument("--for", dest="host", required=True, choices=HOSTS, help="the host that loads the embedding")
    q.add_argument("--name", default="aplguard", help="embedding name, the file stem (default: aplguard)")
    q.add_argument("--overwrite", action="store_true", help="replace an existing file of that name")
    q.add_argument("prefix", metavar="PREFIX", help="prefix file (.safetensors/.pt, any format aplguard reads)")
    q.add_argument("dir", metavar="DIR", help="embeddings folder or host installation folder")
    q.set_defaults(func=_export)


def _export(args: argparse.Namespace) -> int:
    out = export_for_host(args.prefix, args.host, args.dir, args.name, overwrite=args.overwrite)
    print(f"{out.path}: {out.family} embedding, {out.n_vectors} vectors; reference it in prompts as {out.reference}")
    return 0
