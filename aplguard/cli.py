"""The ``aplguard`` command.

Each area of the SDK contributes its sub-commands through a ``register(subparsers)``
function in its own ``cli`` module (listed in ``_COMMAND_MODULES``); this file only
parses, dispatches and turns errors into one-line messages with documented exit codes:

    0  ok
    1  a check failed (e.g. ``audit verify`` found tampering)
    2  usage or configuration error
    3  blocked by policy
"""

from __future__ import annotations

import argparse
import importlib
import sys

from . import __version__
from .errors import AplGuardError, Blocked, ConfigError

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_BLOCKED = 0, 1, 2, 3

# Modules with a ``register(subparsers)`` function, in help order.
_COMMAND_MODULES = (
    "aplguard.cli_core",
    "aplguard.policy.cli",
    "aplguard.faces.cli",
    "aplguard.audit.cli",
    "aplguard.training.cli",
    "aplguard.training.toyworld.cli",
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="aplguard", description="Privacy guardrail for text-to-image diffusion.")
    parser.add_argument("--version", action="version", version=f"aplguard {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in _COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:  # area not built into this install
                continue
            raise
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        return int(args.func(args) or 0)
    except Blocked as exc:
        print(f"aplguard: blocked: {exc.message}", file=sys.stderr)
        return EXIT_BLOCKED
    except ConfigError as exc:
        print(f"aplguard: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except AplGuardError as exc:
        print(f"aplguard: error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
