"""The review app over plain HTTP (a real uvicorn server on 127.0.0.1; no browser)."""

from __future__ import annotations

import csv
import io
import os
import re
import socket
import subprocess
import sys
import time
from datetime import datetime, timezone

import httpx
import pytest
from aplguard.integrations.review import create_review_app, verify_export
from review_helpers import KEY, TAMPERED_SEQ, serve

from aplguard.audit import AuditRecord, RecordFilter, open_sink, verify_log
from aplguard.errors import ConfigError


def _rows(html: str) -> list[str]:
    return re.findall(r'<tr class="rec[^"]*" data-id="([^"]+)"', html)


def _expected(records: list[AuditRecord], **criteria) -> list[str]:
    flt = RecordFilter(**criteria)
    return [r.id for r in reversed(records) if flt.matches(r)]


def test_index_lists_records_newest_first_with_integrity_and_headers(server, log):
    _, records = log
    r = httpx.get(server + "/")
    assert r.status_code == 200
    assert _rows(r.text) == [rec.id for rec in reversed(records)]
    assert 'data-state="ok"' in r.text and "hash chain and MACs verified with the key" in r.text
    assert "<strong>40</strong> records" in r.text
    csp = r.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src" not in csp  # no script may run at all
    assert r.headers["x-content-type-options"] == "nosniff"
    css = httpx.get(server + "/static/review.css")
    assert css.status_code == 200 and ".integrity.bad" in css.text


@pytest.mark.parametrize(("params", "criteria"), [
    ({"tenant": "initech"}, {"tenant": "initech"}),
    ({"decision": "block"}, {"decision": "block"}),
    ({"decision": "blur"}, {"decision": "blur"}),
    ({"rule": "public-figures"}, {"rule": "public-figures"}),
    ({"identity": "jane-roe"}, {"identity": "jane-roe"}),
    ({"faces": "yes"}, {"has_faces": True}),
    ({"faces": "no", "tenant": "acme-studio"}, {"has_faces": False, "tenant": "acme-studio"}),
    ({"date_from": "2026-11-22", "date_to": "2026-11-23"},
     {"since": datetime(2026, 11, 22, tzinfo=timezone.utc), "until": datetime(2026, 11, 24, tzinfo=timezone.utc)}),
])
def test_filters_select_what_the_audit_query_selects(server, log, params, criteria):
    _, records = log
    expected = _expected(records, **criteria)
    assert expected, "each filter case must select something"
    r = httpx.get(server + "/", params=params)
    assert r.status_code == 200
    assert _rows(r.text) == expected
    with open_sink(log[0], hmac_key=KEY, create=False) as sink:  # the app and the audit API agree
        assert sorted(_rows(r.text)) == sorted(rec.id for rec in sink.query(**criteria))
    for value in params.values():  # the form shows the filter it applied
        assert f'value="{value}"' in r.text


@pytest.mark.parametrize(("params", "needle"), [
    ({"decision": "maybe"}, "filter decision: expected one of"),
    ({"date_from": "yesterday"}, "filter from"),
    ({"date_from": "2026-11-25", "date_to": "2026-11-21"}, "before"),
    ({"faces": "many"}, "filter faces"),
    ({"tenant": "x" * 500}, "longer than 200"),
    ({"per_page": "100000"}, "per_page must be"),
    ({"page": "100000"}, "too deep"),
    ({"page": "abc"}, "page: expected a positive whole number"),
    ({"page": "0"}, "page must be 1 or more"),
])
def test_bad_filters_are_400_with_the_problem_named(server, params, needle):
    r = httpx.get(server + "/", params=params)
    assert r.status_code == 400
    assert needle in r.text and 'role="alert"' in r.text


def test_pagination_newest_first_and_links_keep_the_filter(server, log):
    _, records = log
    newest = [r.id for r in reversed(records)]
    page2 = httpx.get(server + "/", params={"per_page": 10, "page": 2}).text
    assert _rows(page2) == newest[10:20]
    assert "Page 2 of 4" in page2
    assert 'href="/?page=3&amp;per_page=10"' in page2 and 'href="/?page=1&amp;per_page=10"' in page2
    filtered = httpx.get(server + "/", params={"tenant": "initech", "per_page": 5}).text
    assert "tenant=initech&amp;page=2&amp;per_page=5" in filtered


def test_record_page_shows_the_evidence(server, log):
    _, records = log
    rec = next(r for r in records if r.outputs and r.outputs[0].matches and r.prompts[0].prompt.mode == "redacted")
    html = httpx.get(f"{server}/records/{rec.id}").text
    p, o = rec.prompts[0], rec.outputs[0]
    assert f">{p.decision}</span> by rule <span class=\"rule\">{p.rule}</span>" in html
    assert p.prompt.text in html.replace("&#39;", "'")  # the redacted text, as stored
    assert "[PUBLIC_FIGURE]" in html or "[PROTECTED]" in html
    assert p.findings[0].kind in html and f"{p.findings[0].start}–{p.findings[0].end}" in html
    assert f'src="data:image/jpeg;base64,{o.thumbnail_b64}"' in html
    assert f"{o.matches[0].identity} <span class=\"score\">{o.matches[0].score:.3f}" in html
    assert f">{o.action}</span>" in html and o.image_sha256[:16] in html
    assert "Entry hash verified, MAC verified" in html
    hashed = next(r for r in records if r.prompts[0].prompt.mode == "hash")
    assert hashed.prompts[0].prompt.digest in httpx.get(f"{server}/records/{hashed.id}").text
    failed = next(r for r in records if r.fail_closed)
    html = httpx.get(f"{server}/records/{failed.id}").text
    assert failed.fail_closed[0] in html and failed.errors[0] in html


def test_unknown_record_is_404(server):
    r = httpx.get(server + "/records/nope")
    assert r.status_code == 404 and "no record with id" in r.text


def test_logged_text_is_escaped(tmp_path):
    """Whatever a caller put in tenant, labels or errors reaches the page as text, never as markup."""
    url = f"sqlite:///{tmp_path}/x.db"
    evil = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    rec = AuditRecord(tenant=evil, labels={"k": evil}, errors=[evil], fail_closed=[evil], policy={"name": evil},
                      prompts=[{"index": 0, "decision": "allow", "rule": evil,
                                "prompt": {"mode": "plain", "text": evil, "length": len(evil)}}])
    with open_sink(url, hmac_key=KEY) as sink:
        sink.append(rec)
    with serve(create_review_app(url, hmac_key=KEY)) as base:
        pages = [httpx.get(base + "/").text, httpx.get(f"{base}/records/{rec.id}").text]
    for html in pages:
        assert "<script" not in html and "<img src=x" not in html
        assert "&lt;script&gt;" in html


def test_tampered_log_shows_as_tampered(tampered_server, tampered):
    _, rid = tampered
    html = httpx.get(tampered_server + "/").text
    assert 'data-state="tampered"' in html and "TAMPERED" in html
    assert f"First bad entry: seq {TAMPERED_SEQ}" in html and rid in html
    assert "hash mismatch" in html
    row = re.search(rf'<tr class="rec[^"]*" data-id="{rid}">.*?</tr>', html, re.S).group(0)
    assert "does not verify" in row  # the row of the bad entry is marked in the list too
    detail = httpx.get(f"{tampered_server}/records/{rid}").text
    assert "This entry was modified after it was written" in detail
    # An untouched record after the edit: verifies itself, but the log does not
    other = re.findall(r'data-id="([^"]+)"', html)[0]
    assert "do not rely on it" in httpx.get(f"{tampered_server}/records/{other}").text


def test_csv_export_is_filtered_and_formula_safe(server, log, tmp_path):
    _, records = log
    r = httpx.get(server + "/export.csv", params={"decision": "block"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(r.text)))
    assert rows[0][0] == "record_id"
    assert sorted({row[0] for row in rows[1:]}) == sorted(_expected(records, decision="block"))
    # Formula injection through a tenant name is neutralised by the audit package's writer
    url = f"sqlite:///{tmp_path}/f.db"
    with open_sink(url, hmac_key=KEY) as sink:
        sink.append(AuditRecord(tenant="=HYPERLINK(\"http://x\")"))
    with serve(create_review_app(url, hmac_key=KEY)) as base:
        rows = list(csv.reader(io.StringIO(httpx.get(base + "/export.csv").text)))
    assert rows[1][2].startswith("'=")


def test_jsonl_export_verifies(server, log, tmp_path):
    _, records = log
    full = httpx.get(server + "/export.jsonl")
    assert full.status_code == 200
    path = tmp_path / "full.jsonl"
    path.write_text(full.text, encoding="utf-8")
    res = verify_log(f"jsonl:///{path}", hmac_key=KEY)
    assert res.ok and res.records == 40, res.summary()

    part = httpx.get(server + "/export.jsonl", params={"tenant": "globex-ads"}).text
    lines = part.splitlines()
    assert len(lines) == len(_expected(records, tenant="globex-ads"))
    assert verify_export(lines, hmac_key=KEY).ok
    assert not verify_export(lines, hmac_key=b"wrong-key").ok  # MACs are checked
    forged = [lines[0].replace('"req-', '"REQ-'), *lines[1:]]
    check = verify_export(forged, hmac_key=KEY)
    assert not check.ok and "hash mismatch" in check.problems[0]


def test_mounted_under_a_prefix_links_stay_inside(log):
    from fastapi import FastAPI

    outer = FastAPI()

    @outer.get("/", name="index")  # a gateway route with the same name must not capture our links
    def gateway_index() -> dict[str, str]:
        return {"gateway": "yes"}

    outer.mount("/review", create_review_app(log[0], hmac_key=KEY))
    with serve(outer) as base:
        html = httpx.get(base + "/review/").text
        rid = _rows(html)[0]
        assert 'href="/review/static/review.css"' in html and f'href="/review/records/{rid}"' in html
        assert httpx.get(f"{base}/review/records/{rid}").status_code == 200
        assert httpx.get(base + "/review/static/review.css").status_code == 200


def test_without_key_a_signed_log_is_not_fully_verified_yet_not_tampered(log):
    with serve(create_review_app(log[0])) as base:
        html = httpx.get(base + "/").text
        detail = httpx.get(f"{base}/records/{_rows(html)[0]}").text
    assert "hash chain only" in html and 'data-state="tampered"' not in html
    assert 'data-state="unverified"' in html or 'data-state="ok"' in html  # depends on the audit package's policy
    assert "MAC not checked" in detail


def test_unsigned_log_verifies_as_hash_chain_only(tmp_path):
    url = f"sqlite:///{tmp_path}/u.db"
    with open_sink(url) as sink:
        sink.append(AuditRecord(tenant="acme"))
    with serve(create_review_app(url)) as base:
        html = httpx.get(base + "/").text
    assert 'data-state="ok"' in html and "hash chain only" in html


def test_app_refuses_write_mode_and_foreign_hosts(log):
    with pytest.raises(ConfigError, match="read-only"):
        create_review_app(log[0], read_only=False)
    app = create_review_app(log[0], hmac_key=KEY, allowed_hosts=["127.0.0.1", "localhost"])
    with serve(app) as base:
        assert httpx.get(base + "/").status_code == 200
        assert httpx.get(base + "/", headers={"Host": "evil.example"}).status_code == 400  # DNS rebinding


def test_missing_log_is_an_error_page_not_a_new_file(tmp_path):
    url = f"sqlite:///{tmp_path}/missing.db"
    with serve(create_review_app(url)) as base:
        r = httpx.get(base + "/")
    assert r.status_code == 500 and "cannot open the audit log" in r.text and "TAMPERED" not in r.text
    assert not (tmp_path / "missing.db").exists()


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "aplguard.cli", "review", *args], capture_output=True, text=True,
                          timeout=60)


def test_cli_refuses_non_loopback_and_missing_logs(tmp_path, log):
    r = _cli(log[0], "--host", "0.0.0.0")
    assert r.returncode == 2 and "not a loopback address" in r.stderr and "--allow-remote" in r.stderr
    r = _cli(f"sqlite:///{tmp_path}/none.db")
    assert r.returncode != 0 and r.stderr.count("\n") == 1
    assert not (tmp_path / "none.db").exists()


def test_cli_serves_the_log_on_loopback(log, tmp_path):
    key_file = tmp_path / "key"
    key_file.write_bytes(KEY)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if k != "APLGUARD_AUDIT_HMAC_KEY"}
    proc = subprocess.Popen([sys.executable, "-m", "aplguard.cli", "review", log[0], "--port", str(port),
                             "--key-file", str(key_file)], stderr=subprocess.PIPE, text=True, env=env)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/", timeout=2)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise
                time.sleep(0.1)
        assert r.status_code == 200 and "hash chain and MACs verified with the key" in r.text
        assert httpx.get(f"http://127.0.0.1:{port}/", headers={"Host": "attacker.example"}).status_code == 400
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=20)
    assert "read-only" in err and "GET /" not in err  # no access log (searches are reviewers' business)


def test_cli_without_the_review_extra_says_what_to_install(tmp_path):
    code = ("import sys; sys.modules['fastapi'] = sys.modules['uvicorn'] = None\n"
            "from aplguard.cli import main\n"
            f"sys.exit(main(['review', 'sqlite:///{tmp_path}/a.db']))")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and "pip install 'aplguard[review]'" in r.stderr
