"""The review app in a real headless Chromium (Debian's ``chromium``, driven by Playwright).

Skips with the reason when the browser or the Playwright package is missing
(CI: ``apt-get install -y chromium`` and ``pip install playwright``; never
``playwright install``, which downloads a browser).
"""

from __future__ import annotations

import csv
import io
import os
import re
from pathlib import Path

import pytest
from review_helpers import KEY, TAMPERED_SEQ

from aplguard.audit import RecordFilter, verify_log

CHROMIUM = os.environ.get("APLGUARD_TEST_CHROMIUM", "/usr/bin/chromium")

if not Path(CHROMIUM).exists():
    pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install -y chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")
expect = sync_api.expect


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as pw:
        # --no-sandbox: CI containers run as root, where Chromium's sandbox cannot start.
        b = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield b
        b.close()


@pytest.fixture
def page(browser):
    # JavaScript off: the app needs none (server-rendered forms and links), and this proves it.
    context = browser.new_context(accept_downloads=True, java_script_enabled=False)
    p = context.new_page()
    yield p
    context.close()


def _ids(page) -> list[str]:
    return [row.get_attribute("data-id") for row in page.locator("tr.rec").all()]


def test_page_loads_and_lists_records(page, server, log):
    _, records = log
    page.goto(server + "/")
    expect(page).to_have_title(re.compile("Records"))
    expect(page.locator("#integrity")).to_have_attribute("data-state", "ok")
    expect(page.locator("#integrity h2")).to_contain_text("Log integrity verified")
    expect(page.locator("tr.rec")).to_have_count(40)
    assert _ids(page) == [r.id for r in reversed(records)]
    expect(page.locator("#count")).to_contain_text("40 records")


def test_filters_work_from_the_form(page, server, log):
    _, records = log
    page.goto(server + "/")
    page.get_by_label("Tenant").fill("initech")
    page.get_by_label("Decision or action").select_option("anonymize")
    page.get_by_role("button", name="Apply filters").click()
    flt = RecordFilter(tenant="initech", decision="anonymize")
    expected = [r.id for r in reversed(records) if flt.matches(r)]
    assert expected
    expect(page.locator("tr.rec")).to_have_count(len(expected))
    assert _ids(page) == expected
    assert "tenant=initech" in page.url and "decision=anonymize" in page.url
    expect(page.get_by_label("Tenant")).to_have_value("initech")  # the form keeps the filter
    # faces + date range
    page.get_by_label("Faces").select_option("yes")
    page.get_by_label("From (UTC)").fill("2026-11-21")
    page.get_by_role("button", name="Apply filters").click()
    flt = RecordFilter(tenant="initech", decision="anonymize", has_faces=True, since="2026-11-21")
    expect(page.locator("tr.rec")).to_have_count(sum(flt.matches(r) for r in records))
    page.get_by_role("link", name="Clear").click()
    expect(page.locator("tr.rec")).to_have_count(40)


def test_bad_filter_shows_the_problem(page, server):
    page.goto(server + "/?date_from=2026-11-25&date_to=2026-11-21")
    expect(page.locator(".problem")).to_contain_text("'to' is before 'from'")


def test_record_detail_shows_its_evidence(page, server, log):
    _, records = log
    rec = next(r for r in records if r.outputs and r.outputs[0].matches)
    page.goto(server + "/?identity=" + rec.outputs[0].matches[0].identity)
    page.locator(f'tr.rec[data-id="{rec.id}"]').get_by_role("link", name=re.compile("Open")).click()
    expect(page.locator("h1")).to_contain_text(rec.id)
    expect(page.locator("#entry-integrity")).to_contain_text("MAC verified")
    prompt = page.locator("#prompt-0")
    expect(prompt).to_contain_text(rec.prompts[0].decision)
    expect(prompt).to_contain_text(rec.prompts[0].rule)
    expect(prompt.locator("table.findings")).to_contain_text(rec.prompts[0].findings[0].kind)
    out = page.locator("#output-0")
    expect(out).to_contain_text(rec.outputs[0].matches[0].identity)
    expect(out).to_contain_text(rec.outputs[0].action)
    thumb = out.locator("img.thumb")
    expect(thumb).to_be_visible()
    assert thumb.evaluate("img => img.complete && img.naturalWidth > 0")  # the stored JPEG decodes


def test_tampered_log_shows_as_tampered(page, tampered_server, tampered):
    _, rid = tampered
    page.goto(tampered_server + "/")
    panel = page.locator("#integrity")
    expect(panel).to_have_attribute("data-state", "tampered")
    expect(panel).to_have_attribute("role", "alert")
    expect(panel.locator("h2")).to_contain_text("TAMPERED")
    expect(panel).to_contain_text(f"seq {TAMPERED_SEQ}")
    panel.get_by_role("link", name=rid).click()
    expect(page.locator("#entry-integrity")).to_contain_text("modified after it was written")
    # Tampering is shown prominently: the banner is red, not the calm green of a verified log
    colour = page.locator("#entry-integrity").evaluate("e => getComputedStyle(e).backgroundColor")
    assert colour == "rgb(255, 235, 233)"


def test_exports_download(page, server, log, tmp_path):
    _, records = log
    page.goto(server + "/?tenant=acme-studio")
    with page.expect_download() as info:
        page.locator("#export-csv").click()
    path = tmp_path / "export.csv"
    info.value.save_as(path)
    assert info.value.suggested_filename == "aplguard-audit.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert {row[2] for row in rows[1:]} == {"acme-studio"}
    assert len(rows) - 1 == sum(r.tenant == "acme-studio" for r in records)

    page.goto(server + "/")
    with page.expect_download() as info:
        page.locator("#export-jsonl").click()
    path = tmp_path / "export.jsonl"
    info.value.save_as(path)
    res = verify_log(f"jsonl:///{path}", hmac_key=KEY)
    assert res.ok and res.records == 40, res.summary()
