"""What input-image checks add to a guarded call (issue 13 §2).

Guard with the shipped `default` policy (input checks on) over a backend that returns
instantly, so only the guard's work is timed: a call without an input image, a call
with one 512x512 photo as `image`, and with four. Beside it, in the same run, the
baseline a platform would otherwise write: calling the face auditor on the image itself.

    python benchmarks/input_checks.py [--runs 30] [--out benchmarks/results/input_checks.json]
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import time
from pathlib import Path

import numpy as np
from PIL import Image

from aplguard import Guard, SoftPrompt
from aplguard.faces import FaceAuditor
from aplguard.ports import Generation


class InstantBackend:
    family = "sd1"
    model_id = "instant"
    supports_prefix = True
    per_prompt_kwargs: tuple[str, ...] = ()

    def install_prefix(self, prefix: SoftPrompt) -> None:
        pass

    def uninstall_prefix(self) -> None:
        pass

    def generate(self, prompts, anonymize, kwargs):  # noqa: ANN001, ANN201 - benchmark scaffolding
        return Generation(images=[Image.new("RGB", (64, 64)) for _ in prompts])


def _median_ms(fn, runs: int) -> float:
    fn()  # warm-up
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args()
    from skimage import data

    photo = Image.fromarray(data.astronaut()).resize((512, 512))
    auditor = FaceAuditor.create()
    prefix = SoftPrompt(vectors={"text_encoder": np.zeros((4, 8), np.float32)})
    guard = Guard(backend=InstantBackend(), prefix=prefix, policy="default", faces=auditor)
    # Output checks run in every case (on the 64 px output); the difference is the input work.
    results = {
        "guard_no_input_ms": _median_ms(lambda: guard("a cat"), args.runs),
        "guard_1_input_ms": _median_ms(lambda: guard("a cat", image=photo), args.runs),
        "guard_4_inputs_ms": _median_ms(lambda: guard("a cat", image=photo, ip_adapter_image=[photo] * 3),
                                        args.runs),
        "baseline_auditor_analyze_ms": _median_ms(lambda: auditor.analyze(photo), args.runs),
    }
    results["added_per_input_image_ms"] = (results["guard_4_inputs_ms"] - results["guard_no_input_ms"]) / 4
    results["added_vs_baseline"] = results["added_per_input_image_ms"] / results["baseline_auditor_analyze_ms"]
    report = {"benchmark": "input_checks", "runs": args.runs, "image": "skimage astronaut 512x512",
              "machine": {"platform": platform.platform(), "cpus": __import__("os").cpu_count()},
              "results": {k: round(v, 3) for k, v in results.items()},
              "command": "python benchmarks/input_checks.py --runs %d" % args.runs}
    print(json.dumps(report["results"], indent=1))
    if args.out:
        args.out.write_text(json.dumps(report, indent=1) + "\n")


if __name__ == "__main__":
    main()
