"""Content credentials: added latency and size per image, beside plain encoding in the same run.

The baseline is what a service returns without credentials: the image encoded
as PNG (or JPEG) with Pillow. "signed" is the same encoding plus a C2PA manifest
signed with ES256 by c2pa-python (what ``Guard(content_credentials=...)`` does
per image: pixel hash, encode, sign). Verification (``verify_image``: c2pa-rs
validation plus the PNG pixel re-hash) is measured too. Images: a real output
of the tiny SD pipeline (64 px) and the same image resized to 512 and 1024 px
(smooth content, as generated images are; noise would make PNG unusually slow).

    python benchmarks/content_credentials.py [--repeats 30]

Prints a table and writes benchmarks/results/content_credentials.json.
"""

from __future__ import annotations

import argparse
import io
import json
import platform
import statistics
import sys
import time
from pathlib import Path

from PIL import Image

from aplguard.audit import image_sha256
from aplguard.provenance import ContentCredentials, ContentSigner, ImageFacts, generate_test_chain, verify_image


def tiny_output() -> Image.Image:
    import torch

    from aplguard.testing import tiny_sd_pipeline

    pipe = tiny_sd_pipeline(seed=0)
    return pipe("a red car", num_inference_steps=2, height=64, width=64,
                generator=torch.Generator().manual_seed(0)).images[0]


def facts(image: Image.Image) -> ImageFacts:
    return ImageFacts(policy_name="default", policy_version="3", policy_sha256="ab" * 32, prompt_index=0,
                      prompt_decision="allow", prompt_rule="default", output_index=0, output_action="none",
                      output_rule="default", prefix_id="0123456789abcdef", model_id="sd15",
                      image_sha256=image_sha256(image), audit_record_id="f" * 32)


def median_ms(fn, repeats: int) -> float:
    fn()  # warm-up
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=30)
    ap.add_argument("--out", default=str(Path(__file__).parent / "results" / "content_credentials.json"))
    args = ap.parse_args()

    chain = generate_test_chain("benchmark signer")
    base = tiny_output()
    rows = []
    for size in (64, 512, 1024):
        image = base if size == 64 else base.resize((size, size), Image.Resampling.BICUBIC)
        for fmt in ("png", "jpeg"):
            signer = ContentSigner(ContentCredentials(chain.chain_pem, chain.private_key_pem, image_format=fmt))

            def plain() -> bytes:
                buf = io.BytesIO()
                image.save(buf, format="PNG" if fmt == "png" else "JPEG", **({} if fmt == "png" else {"quality": 95}))
                return buf.getvalue()

            def signed() -> bytes:
                return signer.sign(image, facts(image))

            data = signed()
            assert verify_image(data, trust_anchors_pem=chain.ca_pem).ok
            plain_ms, signed_ms = median_ms(plain, args.repeats), median_ms(signed, args.repeats)
            verify_ms = median_ms(lambda: verify_image(data, trust_anchors_pem=chain.ca_pem), args.repeats)
            rows.append({"size_px": size, "format": fmt, "plain_encode_ms": round(plain_ms, 3),
                         "signed_encode_ms": round(signed_ms, 3), "added_ms": round(signed_ms - plain_ms, 3),
                         "verify_ms": round(verify_ms, 3), "plain_bytes": len(plain()), "signed_bytes": len(data),
                         "added_bytes": len(data) - len(plain())})
    import c2pa

    result = {
        "benchmark": "content_credentials", "repeats": args.repeats, "alg": "es256",
        "c2pa_python": getattr(c2pa, "__version__", None), "c2pa_rs": c2pa.sdk_version(),
        "python": sys.version.split()[0], "machine": platform.machine(), "processor": platform.processor(),
        "note": "medians over repeats, single thread; baseline = Pillow encode of the same image in the same run",
        "rows": rows,
    }
    print(f"{'size':>5} {'fmt':5} {'plain ms':>9} {'signed ms':>10} {'added ms':>9} {'verify ms':>10} {'added B':>8}")
    for r in rows:
        print(f"{r['size_px']:>5} {r['format']:5} {r['plain_encode_ms']:>9.2f} {r['signed_encode_ms']:>10.2f} "
              f"{r['added_ms']:>9.2f} {r['verify_ms']:>10.2f} {r['added_bytes']:>8}")
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=2) + "\n")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
