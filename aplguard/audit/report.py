"""A single self-contained HTML review page: summary, charts, filterable table.

Everything is inline (SVG charts, CSS, a few lines of JS); a Content-Security-
Policy forbids any network load. All logged strings are HTML-escaped: prompts
stored in plain mode are user input and must not become markup.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from typing import Any

from .records import AuditRecord
from .summary import compute_stats

_COLORS = {"allow": "#4c9a2a", "anonymize": "#2a6f9a", "rewrite": "#9a7a2a", "block": "#b0302a"}
_B64 = re.compile(r"^[A-Za-z0-9+/=]+$")


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _bars(items: list[tuple[str, float]], title: str, color: str = "#2a6f9a", width: int = 460) -> str:
    """Horizontal bar chart as inline SVG."""
    if not items:
        return f"<figure><figcaption>{_e(title)}</figcaption><p class=muted>none</p></figure>"
    top = max(v for _, v in items) or 1
    row, label_w = 22, 170
    h = row * len(items) + 8
    parts = [f'<svg role="img" aria-label="{_e(title)}" width="{width}" height="{h}">']
    for i, (name, v) in enumerate(items):
        y = i * row + 4
        w = max(1, (width - label_w - 50) * v / top)
        parts.append(f'<text x="{label_w - 6}" y="{y + 14}" text-anchor="end">{_e(name[:28])}</text>'
                     f'<rect x="{label_w}" y="{y + 2}" width="{w:.1f}" height="{row - 6}" fill="{color}"/>'
                     f'<text x="{label_w + w + 4:.1f}" y="{y + 14}">{_e(round(v, 3))}</text>')
    parts.append("</svg>")
    return f"<figure><figcaption>{_e(title)}</figcaption>{''.join(parts)}</figure>"


def _stacked_days(by_day: dict[str, dict[str, int]], width: int = 940, height: int = 220) -> str:
    """Decisions by day: stacked columns, one colour per decision."""
    title = "Prompt decisions by day (UTC)"
    if not by_day:
        return f"<figure><figcaption>{title}</figcaption><p class=muted>no records</p></figure>"
    days = list(by_day)[-90:]  # the last 90 days keep the chart legible
    top = max(sum(by_day[d].values()) for d in days) or 1
    plot_h, left, bottom = height - 40, 40, height - 24
    col = max(2.0, (width - left - 10) / len(days))
    parts = [f'<svg role="img" aria-label="{title}" width="{width}" height="{height}">',
             f'<text x="4" y="14">{top}</text><line x1="{left}" y1="{bottom}" x2="{width}" y2="{bottom}" '
             'stroke="#999"/>']
    for i, d in enumerate(days):
        y: float = bottom
        x = left + i * col
        for dec in ("allow", "anonymize", "rewrite", "block"):
            v = by_day[d].get(dec, 0)
            if not v:
                continue
            hgt = plot_h * v / top
            y -= hgt
            parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(1, col - 2):.1f}" height="{hgt:.1f}" '
                         f'fill="{_COLORS[dec]}"><title>{_e(d)} {dec}: {v}</title></rect>')
        if len(days) <= 31 or i % max(1, len(days) // 10) == 0:
            parts.append(f'<text x="{x:.1f}" y="{height - 6}" font-size="10">{_e(d[5:])}</text>')
    parts.append("</svg>")
    legend = " ".join(f'<span class=key style="background:{c}"></span>{k}' for k, c in _COLORS.items())
    return f"<figure><figcaption>{title} &nbsp; {legend}</figcaption>{''.join(parts)}</figure>"


def _row(rec: AuditRecord) -> str:
    decisions: list[str] = sorted({p.decision for p in rec.prompts})
    actions: list[str] = sorted({o.action for o in rec.outputs if o.action != "none"})
    rules = sorted({p.rule for p in rec.prompts} | {o.rule for o in rec.outputs if o.rule})
    kinds = sorted({f.kind for p in rec.prompts for f in p.findings})
    protected = sorted({f.canonical for p in rec.prompts for f in p.findings if f.canonical})
    matches = [f"{m.identity} {m.score:.2f}" for o in rec.outputs for m in o.matches]
    prompts = []
    for p in rec.prompts:
        shown = p.prompt.text if p.prompt.mode != "hash" else f"hash {(p.prompt.digest or '')[:12]}…"
        prompts.append(f"<div><b>{_e(p.decision)}</b> {_e(shown)}</div>")
    thumbs = "".join(f'<img alt="output {o.index}" src="data:image/jpeg;base64,{o.thumbnail_b64}">'
                     for o in rec.outputs if o.thumbnail_b64 and _B64.match(o.thumbnail_b64))
    faces = sum(o.faces for o in rec.outputs)
    search = " ".join([rec.id, rec.tenant or "", *decisions, *actions, *rules, *kinds, *protected, *matches]).lower()
    return (f'<tr data-d="{_e(" ".join(decisions + actions))}" data-t="{_e(rec.tenant or "")}" '
            f'data-s="{_e(search)}"><td>{_e(rec.timestamp_str[:19].replace("T", " "))}</td>'
            f'<td>{_e(rec.tenant or "-")}</td><td>{"".join(prompts)}</td><td>{_e(", ".join(rules))}</td>'
            f'<td>{_e(", ".join(kinds + protected))}</td><td>{faces}</td><td>{_e(", ".join(matches))}</td>'
            f'<td>{_e(", ".join(actions) or "none")}</td><td>{thumbs}</td>'
            f'<td>{_e("; ".join(rec.errors + rec.fail_closed))}</td><td class=id>{_e(rec.id[:12])}</td></tr>')


_CSS = """body{font:14px system-ui,sans-serif;margin:24px;color:#222}h1{font-size:20px}
.cards{display:flex;gap:12px;flex-wrap:wrap}.card{border:1px solid #ddd;border-radius:6px;padding:8px 14px}
.card b{display:block;font-size:20px}figure{display:inline-block;margin:8px 16px 8px 0;vertical-align:top}
figcaption{font-weight:600;margin-bottom:4px}svg text{font-size:11px;fill:#333}.muted{color:#888}
.key{display:inline-block;width:10px;height:10px;margin:0 3px 0 10px}
table{border-collapse:collapse;width:100%;margin-top:10px}td,th{border-bottom:1px solid #eee;padding:4px 6px;
text-align:left;vertical-align:top}th{background:#f6f6f6;position:sticky;top:0}td img{width:48px;height:48px;
object-fit:cover;margin-right:2px}.id{font-family:monospace;color:#888}
.filters input,.filters select{margin-right:8px}"""

_JS = """const q=document.getElementById('q'),d=document.getElementById('d'),t=document.getElementById('t'),
n=document.getElementById('n');function f(){let c=0;const s=q.value.toLowerCase();
for(const r of document.querySelectorAll('tbody tr')){const ok=(!s||r.dataset.s.includes(s))&&
(!d.value||r.dataset.d.split(' ').includes(d.value))&&(!t.value||r.dataset.t===t.value);
r.style.display=ok?'':'none';c+=ok}n.textContent=c}[q,d,t].forEach(e=>e.addEventListener('input',f));f();"""


def render_report(records: Iterable[AuditRecord], title: str = "aplguard audit report",
                  verify_summary: str | None = None, max_rows: int = 5000) -> str:
    """The HTML page for ``records`` (charts use all of them; the table the newest ``max_rows``)."""
    recs = list(records)
    stats = compute_stats(recs)
    cards = [("records", stats["records"]), ("prompts", stats["prompts"]),
             ("blocked prompts", stats["decisions"].get("block", 0)),
             ("anonymized", stats["decisions"].get("anonymize", 0)),
             ("flagged", stats["flagged_prompts"]), ("outputs with faces", stats["outputs_with_faces"]),
             ("identity matches", sum(v["matches"] for v in stats["identities"].values())),
             ("fail-closed events", stats["fail_closed_events"])]
    rules = list(stats["rules"].items())[:15]
    idents = [(k, v["matches"]) for k, v in list(stats["identities"].items())[:15]]
    rows = recs[-max_rows:][::-1]
    tenants = sorted({r.tenant for r in recs if r.tenant})
    decision_opts = ["allow", "anonymize", "rewrite", "block", "flag", "blur", "regenerate"]
    truncated = (f"<p class=muted>table shows the newest {len(rows)} of {len(recs)} records</p>"
                 if len(rows) < len(recs) else "")
    return "".join([
        "<!DOCTYPE html><html lang=en><head><meta charset=utf-8>",
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; "
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">",
        f"<title>{_e(title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{_e(title)}</h1><p class=muted>{_e(stats['first'] or '-')} .. {_e(stats['last'] or '-')}</p>",
        f"<p><b>Integrity:</b> {_e(verify_summary)}</p>" if verify_summary else "",
        "<div class=cards>", "".join(f"<div class=card><b>{v}</b>{_e(k)}</div>" for k, v in cards), "</div>",
        _stacked_days(stats["decisions_by_day"]), "<br>",
        _bars(rules, "Top rules"), _bars(idents, "Matched protected identities", color="#b0302a"),
        "<h2>Records</h2><div class=filters><input id=q placeholder=\"search id, rule, identity…\">",
        "<select id=d><option value=\"\">any decision</option>",
        "".join(f"<option>{o}</option>" for o in decision_opts), "</select>",
        "<select id=t><option value=\"\">any tenant</option>",
        "".join(f"<option>{_e(t)}</option>" for t in tenants), "</select> <span id=n></span> shown</div>",
        truncated,
        "<table><thead><tr><th>time (UTC)</th><th>tenant</th><th>prompts</th><th>rules</th><th>findings</th>"
        "<th>faces</th><th>matches</th><th>output action</th><th>thumbnails</th><th>errors</th><th>id</th>"
        "</tr></thead><tbody>", "".join(_row(r) for r in rows), "</tbody></table>",
        f"<script>{_JS}</script></body></html>",
    ])
