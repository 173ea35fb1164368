"""Write docs/review-app.png: the review app's main page on a realistic log, in headless Chromium.

    .venv/bin/python tests/review/make_screenshot.py [--out docs/review-app.png] [--detail docs/review-record.png]
"""

from __future__ import annotations

import argparse
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
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/audit.db"
        recs = write_log(url, n=40)
        with serve(create_review_app(url, hmac_key=KEY)) as base, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1360, "height": 900}, device_scale_factor=1)
            page.goto(base + "/?per_page=12")
            page.screenshot(path=args.out, full_page=True)
            if args.detail:
                rec = next(r for r in recs if r.outputs and r.outputs[0].matches)
                page.goto(f"{base}/records/{rec.id}")
                page.screenshot(path=args.detail, full_page=True)
            browser.close()
    print(f"wrote {args.out}" + (f" and {args.detail}" if args.detail else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
