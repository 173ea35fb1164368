"""Statistics and exports for reviewers (used by the CLI and the HTML report)."""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import IO, Any

from .jsonl_sink import format_line
from .records import AuditRecord, PromptRecord
from .sink import AuditSink


def _percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    s = sorted(values)
    i = min(len(s) - 1, max(0, round(q * (len(s) - 1))))
    return s[i]


def compute_stats(records: Iterable[AuditRecord]) -> dict[str, Any]:
    """Aggregate counts over records: decisions (overall and by day), rules, tenants, identities, latency."""
    n = 0
    first = last = None
    tenants: Counter[str] = Counter()
    decisions: Counter[str] = Counter()
    actions: Counter[str] = Counter()
    rules: Counter[str] = Counter()
    by_day: dict[str, Counter[str]] = defaultdict(Counter)
    identities: dict[str, dict[str, float]] = {}
    latency: dict[str, list[float]] = defaultdict(list)
    prompts = flagged = seeking = outputs = with_faces = faces = with_errors = fail_closed = 0
    for rec in records:
        n += 1
        ts = rec.timestamp_str
        first = ts if first is None or ts < first else first
        last = ts if last is None or ts > last else last
        tenants[rec.tenant or "-"] += 1
        day = ts[:10]
        for p in rec.prompts:
            prompts += 1
            decisions[p.decision] += 1
            by_day[day][p.decision] += 1
            rules[p.rule] += 1
            flagged += p.flagged
            seeking += p.identity_seeking
        for o in rec.outputs:
            outputs += 1
            actions[o.action] += 1
            if o.rule:
                rules[o.rule] += 1
            faces += o.faces
            with_faces += o.faces > 0
            for m in o.matches:
                d = identities.setdefault(m.identity, {"matches": 0, "max_score": m.score})
                d["matches"] += 1
                d["max_score"] = max(d["max_score"], m.score)
        with_errors += bool(rec.errors)
        fail_closed += len(rec.fail_closed)
        for k, v in rec.latency_ms.items():
            latency[k].append(v)
    return {
        "records": n, "first": first, "last": last, "prompts": prompts, "outputs": outputs,
        "tenants": dict(tenants.most_common()), "decisions": dict(decisions.most_common()),
        "output_actions": dict(actions.most_common()), "rules": dict(rules.most_common()),
        "decisions_by_day": {d: dict(c) for d, c in sorted(by_day.items())},
        "identities": dict(sorted(identities.items(), key=lambda kv: -kv[1]["matches"])),
        "flagged_prompts": flagged, "identity_seeking_prompts": seeking, "faces": faces,
        "outputs_with_faces": with_faces, "records_with_errors": with_errors, "fail_closed_events": fail_closed,
        "latency_ms": {k: {"p50": _percentile(v, 0.5), "p95": _percentile(v, 0.95)}
                       for k, v in sorted(latency.items())},
    }


def format_stats(stats: dict[str, Any]) -> str:
    """Plain-text rendering of :func:`compute_stats` for the terminal."""
    lines = [f"records: {stats['records']}  prompts: {stats['prompts']}  outputs: {stats['outputs']}",
             f"period:  {stats['first'] or '-'} .. {stats['last'] or '-'}",
             f"flagged prompts: {stats['flagged_prompts']}  identity-seeking: {stats['identity_seeking_prompts']}  "
             f"faces: {stats['faces']} in {stats['outputs_with_faces']} outputs",
             f"records with errors: {stats['records_with_errors']}  fail-closed events: {stats['fail_closed_events']}"]
    for title, key in (("decisions", "decisions"), ("output actions", "output_actions"),
                       ("tenants", "tenants"), ("top rules", "rules")):
        items = list(stats[key].items())[:10]
        lines.append(f"{title}: " + (", ".join(f"{k}={v}" for k, v in items) if items else "-"))
    ids = list(stats["identities"].items())[:10]
    lines.append("matched identities: " + (", ".join(
        f"{k}={v['matches']} (max {v['max_score']:.2f})" for k, v in ids) if ids else "-"))
    for k, v in stats["latency_ms"].items():
        lines.append(f"latency {k}: p50 {v['p50']:.1f} ms, p95 {v['p95']:.1f} ms")
    return "\n".join(lines)


def export_jsonl(sink: AuditSink, out: IO[str]) -> int:
    """Write every entry (envelope + body) as JSONL: the export verifies as a ``jsonl://`` log."""
    n = 0
    for e in sink.iter_entries():
        out.write(format_line(e))
        n += 1
    return n


CSV_COLUMNS = ["record_id", "timestamp", "tenant", "policy", "policy_version", "model_id", "prefix_id",
               "prompt_index", "decision", "rule", "flagged", "identity_seeking", "finding_kinds",
               "protected_identities", "prompt_mode", "prompt", "outputs", "faces", "matches", "output_actions",
               "errors", "fail_closed", "latency_total_ms"]

#: First characters that make a spreadsheet (Excel, LibreOffice, Google Sheets) read a cell as a formula or
#: a command (= + - @; tab and CR/LF start DDE tricks), also in their full-width forms.
_FORMULA_START = frozenset("=+-@\t\r\n\uff1d\uff0b\uff0d\uff20")


def csv_cell(value: object) -> str:
    """One CSV cell as text that no spreadsheet evaluates.

    Every cell whose first character -- or first character after leading
    whitespace -- could start a formula gets a leading ``'`` (the OWASP
    recommendation), whatever column it is in and whatever its type: a
    negative number is written as ``'-1.5``, as text. ``None`` is an empty cell.
    """
    text = "" if value is None else str(value)
    first = text.lstrip(" \t\r\n\x0b\x0c\u00a0\u3000")[:1]
    if text[:1] in _FORMULA_START or first in _FORMULA_START:
        return "'" + text
    return text


class SafeCsvWriter:
    """The one CSV writer of the audit package: every cell goes through :func:`csv_cell`."""

    def __init__(self, out: IO[str]):
        self._w = csv.writer(out)

    def writerow(self, cells: Iterable[object]) -> None:
        self._w.writerow([csv_cell(c) for c in cells])


def export_csv(records: Iterable[AuditRecord], out: IO[str]) -> int:
    """One row per prompt (a record without prompts gives one row); returns rows written.

    Written through :class:`SafeCsvWriter`: no cell can start a spreadsheet formula.
    """
    w = SafeCsvWriter(out)
    w.writerow(CSV_COLUMNS)
    n = 0
    for rec in records:
        prompts: list[PromptRecord | None] = list(rec.prompts) or [None]
        for p in prompts:
            outs = [o for o in rec.outputs if p is None or o.prompt_index == p.index]
            row: list[object] = [rec.id, rec.timestamp_str, rec.tenant, rec.policy.name if rec.policy else None,
                                 rec.policy.version if rec.policy else None, rec.model_id, rec.prefix_id]
            if p is None:
                row += [None] * 9
            else:
                stored = p.prompt.digest if p.prompt.mode == "hash" else p.prompt.text
                row += [p.index, p.decision, p.rule, int(p.flagged), int(p.identity_seeking),
                        ";".join(sorted({f.kind for f in p.findings})),
                        ";".join(sorted({f.canonical for f in p.findings if f.canonical})),
                        p.prompt.mode, stored]
            row += [len(outs), sum(o.faces for o in outs),
                    ";".join(f"{m.identity}:{m.score:.3f}" for o in outs for m in o.matches),
                    ";".join(o.action for o in outs), " | ".join(rec.errors),
                    " | ".join(rec.fail_closed), rec.latency_ms.get("total")]
            w.writerow(row)
            n += 1
    return n
