"""Policy rule evaluation time per prompt: 100 rules over 10 detectors' findings (detectors excluded).

Side by side in one run:

- ``PolicyEngine.decide_findings`` (conditions compiled to closures at load
  time, per-context rule prefilter, prebuilt traces for rules that miss);
- a straightforward interpreter over the validated pydantic rule models (what
  one writes without precompiling: walk each rule's condition objects per
  prompt, lower-casing and building sets on the fly) as the baseline.

Both see the same prompts, findings and contexts and must agree on every
decision. Target: <= 50 us per prompt for the engine.

    python benchmarks/policy_eval.py [--prompts 2000] [--repeats 7]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import sys
import time
from pathlib import Path

import pydantic
import yaml

from aplguard.policy import Policy, PolicyEngine
from aplguard.types import IDENTITY_KINDS, Finding, RequestContext

REPO = Path(__file__).resolve().parents[1]
KINDS = ["protected", "public_figure", "private_person", "personalization", "likeness"]
DETECTORS = [f"det{i}" for i in range(10)]
ROLES = ["free", "pro", "editor", "admin"]
NAMES = [f"Person {i}" for i in range(50)]


def build_policy(n_rules: int, seed: int = 0) -> dict:
    """A policy with ``n_rules`` mixed rules; most prompts fall through to late rules."""
    rng = random.Random(seed)
    rules = []
    for i in range(n_rules - 2):
        shape = i % 5
        if shape == 0:
            when = {"findings": {"kind": rng.sample(KINDS, 2), "min_score": 0.97, "detector": rng.sample(DETECTORS, 3)}}
        elif shape == 1:
            when = {"findings": {"canonical_in": rng.sample(NAMES, 5), "min_score": 0.9}}
        elif shape == 2:
            when = {"context": {"user_role": ["admin"], "labels": {"plan": [f"p{i}"]}}}
        elif shape == 3:
            when = {"identity_seeking": True, "findings": {"kind": ["likeness"], "min_count": 3}}
        else:
            when = {"any": [{"findings": {"kind": ["protected"], "min_score": 0.99}},
                            {"context": {"model_family": ["sdxl"], "tenant": [f"t{i}"]}}]}
        rules.append({"id": f"r{i}", "when": when, "action": rng.choice(["block", "rewrite", "anonymize"])})
    rules.append({"id": "anon", "when": {"identity_seeking": True}, "action": "anonymize"})
    rules.append({"id": "flag-weak", "when": {"findings": {"min_score": 0.2}}, "action": "allow", "flag": True})
    return {"apiVersion": "aplguard/v1", "name": "bench", "rules": rules, "default": {"action": "allow"},
            "detectors": [{"id": d, "type": "bench"} for d in DETECTORS]}


def make_inputs(n: int, seed: int = 1) -> list[tuple[str, list[Finding], RequestContext]]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        prompt = "a photo of someone " * 3
        findings = []
        for det in DETECTORS:  # one finding per detector: 10 findings per prompt
            start = rng.randrange(0, 40)
            findings.append(Finding(rng.choice(KINDS), round(rng.uniform(0.1, 0.95), 3), start, start + 6,
                                    prompt[start:start + 6], det, rng.choice(NAMES + [None] * 10),
                                    identity_seeking=rng.random() < 0.3))
        ctx = RequestContext(user_role=rng.choice(ROLES), model_family=rng.choice(["sd1", "sdxl"]),
                             labels={"plan": rng.choice(["basic", "p7"])})
        out.append((prompt, findings, ctx))
    return out


# ---------------------------------------------------------------- baseline

def _finding_ok(fc, findings):
    hits = []
    for f in findings:
        if fc.kind is not None and f.kind not in fc.kind:
            continue
        if fc.detector is not None and f.detector not in fc.detector:
            continue
        if f.score < fc.min_score:
            continue
        if fc.identity_seeking is not None and f.identity_seeking != fc.identity_seeking:
            continue
        if fc.canonical_in is not None:
            if not f.canonical or f.canonical.lower() not in [c.lower() for c in fc.canonical_in]:
                continue
        hits.append(f)
    return len(hits) >= fc.min_count


def _context_ok(cc, ctx):
    if cc.tenant is not None and ctx.tenant not in cc.tenant:
        return False
    if cc.user_role is not None and ctx.user_role not in cc.user_role:
        return False
    if cc.model_family is not None and ctx.model_family not in cc.model_family:
        return False
    for k, v in (cc.labels or {}).items():
        if ctx.labels.get(k) not in ([v] if isinstance(v, str) else v):
            return False
    return True


def _when_ok(when, findings, ctx):
    if when.identity_seeking is not None:
        seeking = any(f.identity_seeking and f.kind in IDENTITY_KINDS for f in findings)
        if seeking != when.identity_seeking:
            return False
    if when.findings is not None and not _finding_ok(when.findings, findings):
        return False
    if when.context is not None and not _context_ok(when.context, ctx):
        return False
    if when.any is not None and not any(_when_ok(w, findings, ctx) for w in when.any):
        return False
    if when.not_ is not None and _when_ok(when.not_, findings, ctx):
        return False
    return True


def naive_decide(policy: Policy, findings, ctx) -> tuple[str, str]:
    for rule in policy.rules:
        if _when_ok(rule.when, findings, ctx):
            return rule.action, rule.id
    return policy.default.action, "default"


# ---------------------------------------------------------------- run

def _per_prompt_us(fn, inputs, repeats: int) -> float:
    fn(inputs[:50])  # warm-up (compiles the engine, fills caches)
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn(inputs)
        times.append((time.perf_counter() - t) / len(inputs) * 1e6)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--prompts", type=int, default=2000)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--rules", type=int, default=100)
    args = parser.parse_args(argv)

    policy = Policy.model_validate(build_policy(args.rules), context={"detector_types": ["bench"]})
    engine = PolicyEngine(policy, detectors={d: None for d in DETECTORS})
    inputs = make_inputs(args.prompts)

    # Same decisions, or the comparison means nothing.
    for prompt, findings, ctx in inputs:
        d = engine.decide_findings(prompt, findings, ctx)
        assert (d.action, d.rule) == naive_decide(policy, findings, ctx), (d.rule, naive_decide(policy, findings, ctx))
    rules_tried = statistics.mean(len(engine.decide_findings(p, f, c).trace) for p, f, c in inputs)

    def run_engine(batch):
        for prompt, findings, ctx in batch:
            engine.decide_findings(prompt, findings, ctx)

    def run_naive(batch):
        for _, findings, ctx in batch:
            naive_decide(policy, findings, ctx)

    engine_us = _per_prompt_us(run_engine, inputs, args.repeats)
    naive_us = _per_prompt_us(run_naive, inputs, args.repeats)
    rows = [("PolicyEngine.decide_findings (compiled, full Decision + trace)", engine_us),
            ("baseline: interpret pydantic rules per prompt (action + rule only)", naive_us)]
    print(f"{args.rules} rules, {len(DETECTORS)} findings per prompt, {args.prompts} prompts x {args.repeats} "
          f"repeats; mean rules tried per prompt: {rules_tried:.1f}")
    print(f"{'approach':70s} {'median us/prompt':>17s}")
    for name, us in rows:
        print(f"{name:70s} {us:17.2f}")
    print(f"speed-up vs baseline: {naive_us / engine_us:.2f}x; target <= 50 us: "
          f"{'met' if engine_us <= 50 else 'NOT met'}")

    result = {
        "benchmark": "policy_eval",
        "command": "python benchmarks/policy_eval.py " + " ".join(argv if argv is not None else sys.argv[1:]),
        "machine": {"platform": platform.platform(), "processor": platform.processor(),
                    "cpus": os.cpu_count(), "loadavg_1m": os.getloadavg()[0],  # shared machines are noisy
                    "python": platform.python_version()},
        "versions": {"pydantic": pydantic.VERSION, "pyyaml": yaml.__version__},
        "params": {"rules": args.rules, "findings_per_prompt": len(DETECTORS), "prompts": args.prompts,
                   "repeats": args.repeats, "mean_rules_tried": rules_tried},
        "median_us_per_prompt": {"engine": engine_us, "baseline_interpreter": naive_us},
        "ratio_baseline_over_engine": naive_us / engine_us,
        "target_us": 50, "target_met": engine_us <= 50,
    }
    out = REPO / "benchmarks" / "results" / "policy_eval.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"wrote {out.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
