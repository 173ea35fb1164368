"""``aplguard policy validate|explain|schema`` and ``aplguard check``.

Exit codes follow :mod:`aplguard.cli`: 0 ok, 2 invalid policy or usage,
3 when ``check`` blocked at least one prompt.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import Any

from ..errors import ConfigError, PolicyError
from ..types import Decision, RequestContext
from .check_result import check_result
from .engine import PolicyEngine
from .loader import default_detector_types, load_policy
from .schema import PolicySpec

EXIT_OK, EXIT_USAGE, EXIT_BLOCKED = 0, 2, 3


def register(subparsers: Any) -> None:
    """Add the ``policy`` and ``check`` sub-commands."""
    policy = subparsers.add_parser("policy", help="validate, explain and describe policies")
    psub = policy.add_subparsers(dest="policy_command", metavar="ACTION")
    policy.set_defaults(func=lambda args: (policy.print_help(), EXIT_USAGE)[1])

    validate = psub.add_parser("validate", help="check policy files; print every located error")
    validate.add_argument("files", nargs="+", metavar="FILE", help="policy files (or shipped names)")
    validate.set_defaults(func=cmd_validate)

    explain = psub.add_parser("explain", help="show how a policy decides one prompt, rule by rule")
    explain.add_argument("file", metavar="FILE", help="policy file or shipped name")
    explain.add_argument("prompt", metavar="PROMPT")
    explain.add_argument("--tenant", default=None)
    explain.add_argument("--role", default=None, help="user role for context conditions")
    explain.add_argument("--model-family", default=None, help="model family (sd1, sd2, sdxl, ...)")
    explain.set_defaults(func=cmd_explain)

    schema = psub.add_parser("schema", help="print the policy JSON Schema (for editors)")
    schema.set_defaults(func=cmd_schema)

    check = subparsers.add_parser("check", help="screen prompts with a policy (no image generation)")
    check.add_argument("prompts", nargs="*", metavar="PROMPT")
    check.add_argument("--stdin", action="store_true", help="read prompts from stdin, one per line")
    check.add_argument("--policy", default="default", help="shipped policy name or YAML file (default: default)")
    check.add_argument("--tenant", default=None)
    check.add_argument("--role", default=None, help="user role for context conditions")
    check.add_argument("--model-family", default=None, help="model family (sd1, sd2, sdxl, ...)")
    check.add_argument("--json", action="store_true", help="one JSON object per prompt, one per line")
    check.add_argument("--audit", default=None, metavar="URL",
                       help="also write one audit record per prompt to this sink (sqlite:///..., jsonl://...)")
    check.set_defaults(func=cmd_check)


# ------------------------------------------------------------------ commands

def cmd_validate(args: argparse.Namespace) -> int:
    failed = False
    for name in args.files:
        try:
            policy = load_policy(name)  # a file, or a shipped name
            built = ""
            if default_detector_types() is not None:
                # Detector constructors are cheap by convention: building them checks their params too.
                PolicyEngine(policy).prepare()
                built = ", detectors built"
        except PolicyError as exc:
            failed = True
            for err in exc.errors:
                print(err, file=sys.stderr)
            continue
        tenants = f", tenants: {', '.join(policy.tenant_names)}" if policy.tenant_names else ""
        print(f"{name}: ok ({policy.name} {policy.version}, {len(policy.rules)} rules, "
              f"{len(policy.output.rules)} output rules{tenants}{built})")
    return EXIT_USAGE if failed else EXIT_OK


def _context(args: argparse.Namespace) -> RequestContext:
    return RequestContext(tenant=args.tenant, user_role=args.role, model_family=args.model_family)


def cmd_explain(args: argparse.Namespace) -> int:
    engine = PolicyEngine(load_policy(args.file))
    ctx = _context(args)
    settings = engine.settings(ctx)
    decision = engine.decide_prompt(args.prompt, ctx)
    tenant = f", tenant {settings.tenant}" if settings.tenant else ""
    print(f"policy: {settings.name} {settings.version} ({settings.source}{tenant}, mode {settings.mode}, "
          f"on_error {settings.on_error})")
    print(decision.explain())
    if decision.rewritten_prompt is not None:
        print(f"rewritten: {decision.rewritten_prompt}")
    if decision.blocked and decision.message:
        print(f"message: {decision.message}")
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    schema = PolicySpec.model_json_schema(by_alias=True)
    schema["title"] = "aplguard policy"
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    print(json.dumps(schema, indent=2, sort_keys=True))
    return EXIT_OK


def _read_stdin_prompts() -> list[str]:
    # Bytes in, replacement characters out: invalid UTF-8 must not crash a batch.
    raw = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode("utf-8", "replace")
    text = raw.decode("utf-8", errors="replace")
    return [line.rstrip("\r") for line in text.split("\n") if line.rstrip("\r").strip()]


def open_audit_hook(url: str) -> Any:
    """Open the ``check --audit URL`` sink (:func:`aplguard.audit.open_sink`)."""
    from ..audit import open_sink

    return open_sink(url)


def check_record(engine: PolicyEngine, prompt: str, decision: Decision, settings: Any, ctx: RequestContext,
                 key: bytes | None = None) -> Any:
    """Build the audit record for one screened prompt, with Guard's record builder (no images).

    The builder applies the policy's privacy settings (prompt stored as hash,
    redacted or plain) exactly as for a guarded generation.
    """
    from ..audit import build_record

    return build_record(tenant=ctx.tenant, labels=dict(ctx.labels), policy_name=settings.name,
                        policy_version=settings.version, policy_sha256=settings.sha256, model_id=ctx.model_id,
                        prefix_id=None, prompts=[prompt], decisions=[decision],
                        protected_names=engine.protected_names(ctx), prompt_storage=settings.privacy.prompt_storage,
                        thumbnails=settings.privacy.thumbnails, key=key)


def _json_line(index: int, decision: Decision, settings: Any, elapsed_ms: float) -> str:
    return json.dumps(check_result(index, decision, settings, elapsed_ms), ensure_ascii=False)


def _text_line(index: int, decision: Decision, elapsed_ms: float) -> str:
    flags = " flagged" if decision.flagged else ""
    shadow = f" (shadow: would {decision.intended_action})" if decision.intended_action not in (None, decision.action) \
        else ""
    found = ", ".join(f"{f.kind}:{f.canonical or f.text}@{f.score:.2f}" for f in decision.findings) or "no findings"
    line = f"[{index}] {decision.action}{shadow}{flags} (rule {decision.rule}; {found}; {elapsed_ms:.2f} ms)"
    if decision.rewritten_prompt is not None:
        line += f"\n    rewritten: {decision.rewritten_prompt}"
    if decision.blocked and decision.message:
        line += f"\n    message: {decision.message}"
    for err in decision.errors:
        line += f"\n    error: {err}"
    return line


def cmd_check(args: argparse.Namespace) -> int:
    if args.stdin and args.prompts:
        raise ConfigError("give prompts as arguments or with --stdin, not both")
    prompts = _read_stdin_prompts() if args.stdin else list(args.prompts)
    if not prompts:
        raise ConfigError("no prompts given (pass PROMPT... or --stdin)")
    engine = PolicyEngine(args.policy)
    ctx = _context(args)
    settings = engine.settings(ctx)
    engine.prepare(load=True)  # build and load detectors before timing: elapsed_ms is screening time only
    sink = open_audit_hook(args.audit) if args.audit else None
    try:
        return _screen(engine, prompts, ctx, settings, sink, args.json)
    finally:
        if sink is not None and hasattr(sink, "close"):
            sink.close()


def _screen(engine: PolicyEngine, prompts: list[str], ctx: RequestContext, settings: Any, sink: Any,
            as_json: bool) -> int:
    blocked = False
    out = sys.stdout
    for i, prompt in enumerate(prompts):
        t0 = time.perf_counter()
        decision = engine.decide_prompt(prompt, ctx)
        elapsed_ms = (time.perf_counter() - t0) * 1000.0
        blocked = blocked or decision.blocked
        if sink is not None:
            sink.append(check_record(engine, prompt, decision, settings, ctx, key=getattr(sink, "key", None)))
        line = _json_line(i, decision, settings, elapsed_ms) if as_json else _text_line(i, decision, elapsed_ms)
        # Lone surrogates can't be printed on a UTF-8 stream; never crash the batch on them.
        out.write(line.encode("utf-8", "replace").decode("utf-8") + "\n")
    out.flush()
    return EXIT_BLOCKED if blocked else EXIT_OK
