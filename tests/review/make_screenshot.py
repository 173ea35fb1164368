"""Write docs/review-app.png: the review app's main page on a realistic log, in headless Chromium.

    .venv/bin/python tests/review/make_screenshot.py [--out docs/review-app.png] [--detail docs/review-record.png]
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from aplguard.integrations.review import create_review_app  # noqa: E402
from review_helpers import KEY, serve, write_log  # noqa: E402

CHROMIUM = "/usr/bin/chromium"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="docs/review-app.png")
    ap.add_argument("--detail", default=None, help="also a screenshot of one record's page")
    ap.add_argument("--tampered", default=None, help="also the main page after one row was edited in SQLite")
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    out = Path(args.out).resolve()
    detail = Path(args.detail).resolve() if args.detail else None
    tampered = Path(args.tampered).resolve() if args.tampered else None
    home = os.getcwd()
    with tempfile.TemporaryDirectory() as tmp:
        os.chdir(tmp)  # a short relative URL in the page header, as a reviewer would type it
        url = "sqlite:///audit.db"
        recs = write_log(url, n=40)
        with serve(create_review_app(url, hmac_key=KEY)) as base, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1360, "height": 900}, device_scale_factor=1)
            page.goto(base + "/?per_page=12")
            page.screenshot(path=str(out), full_page=True)
            if detail:
                rec = next(r for r in recs if r.outputs and r.outputs[0].matches)
                page.goto(f"{base}/records/{rec.id}")
                page.screenshot(path=str(detail), full_page=True)
            if tampered:
                with sqlite3.connect("audit.db") as c:  # an insider turns a block into an allow
                    c.execute("UPDATE audit_entries SET body = replace(body, '\"decision\":\"block\"', "
                              "'\"decision\":\"allow\"') WHERE seq = 26")
                page.goto(base + "/?per_page=6")
                page.screenshot(path=str(tampered), full_page=True)
            browser.close()
        os.chdir(home)
    print("wrote", ", ".join(str(p) for p in (out, detail, tampered) if p))
    return 0


if __name__ == "__main__":
    sys.exit(main())
