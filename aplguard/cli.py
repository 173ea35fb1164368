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
import os
import sys
import traceback
from collections.abc import Callable
from typing import NoReturn

from . import __version__
from .errors import AplGuardError, Blocked, ConfigError

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_BLOCKED = 0, 1, 2, 3

# Modules with a ``register(subparsers)`` function, in help order.
_COMMAND_MODULES = (
    "aplguard.cli_commands",  # demo, generate, serve, prefix
    "aplguard.policy.cli",
    "aplguard.faces.cli",
    "aplguard.audit.cli",
    "aplguard.rescan.cli",  # rescan (faces of protected people in past outputs)
    "aplguard.provenance.cli",
    "aplguard.training.cli",
    "aplguard.training.toyworld.cli",
    "aplguard.integrations.review.cli",  # review (the audit review web app)
    "aplguard.integrations.hosts.cli",  # prefix export --for comfyui|a1111
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, exit 2
        self.exit(EXIT_USAGE, f"{self.prog}: error: {_one_line(message)}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="aplguard", description="Privacy guardrail for text-to-image diffusion.")
    parser.add_argument("--version", action="version", version=f"aplguard {__version__}")
    parser.add_argument("--debug", action="store_true",
                        help="on an internal error, print the full traceback (for bug reports)")
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


def _one_line(text: object) -> str:
    """Messages on stderr are one line: later lines are joined with ' | '."""
    lines = [line.strip() for line in str(text).splitlines() if line.strip()]
    return " | ".join(lines) if lines else ""


def _error(kind: str, exc: BaseException) -> None:
    print(f"aplguard: {kind}: {_one_line(exc) or type(exc).__name__}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    """Run the ``aplguard`` command; returns the exit code (see the module docstring).

    Errors print one line on stderr. An exception aplguard does not expect is a
    bug: it prints ``aplguard: internal error: <Type>: <message>`` and exits 2;
    ``aplguard --debug ...`` prints the traceback as well.
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    func: Callable[[argparse.Namespace], int | None] | None = getattr(args, "func", None)
    if func is None:
        parser.print_help()
        return EXIT_USAGE
    try:
        return int(func(args) or 0)
    except Blocked as exc:
        print(f"aplguard: blocked: {_one_line(exc.message)}", file=sys.stderr)
        return EXIT_BLOCKED
    except ConfigError as exc:
        _error("error", exc)
        return EXIT_USAGE
    except AplGuardError as exc:
        _error("error", exc)
        return EXIT_FAILED
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `aplguard audit query ... | head`
        try:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 (nothing more may reach the closed pipe)
        except OSError:
            pass
        return EXIT_OK
    except Exception as exc:  # last resort: the one-line contract holds for bugs too
        if args.debug:
            traceback.print_exc()
        print(f"aplguard: internal error: {type(exc).__name__}: {_one_line(exc)[:500]}"
              f"{'' if args.debug else ' (run with --debug for the traceback)'}", file=sys.stderr)
        return EXIT_USAGE


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
