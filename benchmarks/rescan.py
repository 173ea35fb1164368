"""Rescan throughput: images/s of the local process pool vs Ray Data, 1 and 2 workers.

Side by side in one run, on the same folder of generated test images (scikit-image's
public-domain photos, some with the enrolled face, plus generated no-face images,
all 512x512 PNG), with a gallery holding the astronaut:

- ``loop``: a plain in-process loop, ``FaceAuditor.analyze`` per file (what a user
  would otherwise write; no resume, no pool);
- ``local`` with 1 and 2 worker processes;
- ``ray`` with 1 and 2 actors on a local Ray instance limited to 2 CPUs.

Each run writes a fresh results file. ``wall`` includes starting the workers
(spawning interpreters, loading the models; for Ray, starting the instance);
``steady`` is the rate over the last three quarters of the results (start-up
excluded; pool results arrive in chunks, so it is approximate). ``cpu_s_per_image``
(loop only) is the process CPU time per image, the basis of the cost estimate in
docs/rescan.md. Every engine's lines
are checked to be identical to the loop's findings.

    python benchmarks/rescan.py [--images 120] [--out benchmarks/results/rescan.json]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

REPO = Path(__file__).resolve().parents[1]


def make_images(folder: Path, n: int) -> None:
    import skimage.data as skdata

    photos = [skdata.astronaut(), skdata.coffee(), skdata.chelsea(), np.stack([skdata.camera()] * 3, axis=2)]
    rng = np.random.default_rng(0)
    for i in range(n):
        if i % 3 == 2:
            arr = (rng.random((512, 512, 3)) * 255).astype(np.uint8)
        else:
            arr = np.asarray(Image.fromarray(photos[i % len(photos)]).resize((512, 512)))
            arr = np.clip(arr.astype(int) + rng.integers(-3, 4, arr.shape), 0, 255).astype(np.uint8)
        Image.fromarray(arr).save(folder / f"img_{i:04d}.png")


def make_gallery(folder: Path) -> None:
    import skimage.data as skdata

    from aplguard.faces import FaceDetector, Gallery, ModelStore, SFaceMatcher

    store = ModelStore()
    gallery = Gallery.create(folder)
    report = gallery.add("Eileen Collins", [Image.fromarray(skdata.astronaut())], FaceDetector(store),
                         SFaceMatcher(store))
    assert report.accepted


def run_engine(name: str, workers: int, images: Path, gallery: Path, out: Path) -> dict[str, Any]:
    from aplguard.rescan import ScanSettings, collect, rescan
    from aplguard.rescan.local import LocalEngine
    from aplguard.rescan.ray_engine import RayEngine

    engine = LocalEngine(workers) if name == "local" else RayEngine(workers=workers, num_cpus=2, batch_size=4)
    stamps: list[float] = []
    t0 = time.perf_counter()
    summary = rescan(collect([images]), ScanSettings(str(gallery)), out, engine,
                     on_result=lambda _r: stamps.append(time.perf_counter()))
    wall = time.perf_counter() - t0
    k = len(stamps) // 4  # skip the first quarter: worker start-up and model loading
    steady = (len(stamps) - 1 - k) / (stamps[-1] - stamps[k]) if len(stamps) > k + 1 and stamps[-1] > stamps[k] else None
    return {"engine": name, "workers": workers, "images": summary.scanned, "wall_s": round(wall, 2),
            "images_per_s_wall": round(summary.scanned / wall, 2),
            "images_per_s_steady": None if steady is None else round(steady, 2), "matched": summary.matched}


def run_loop(images: Path, gallery: Path) -> tuple[dict[str, Any], dict[str, int]]:
    from aplguard.faces import FaceAuditor

    t0 = time.perf_counter()
    auditor = FaceAuditor.create(gallery=gallery)
    t1, c1 = time.perf_counter(), time.process_time()
    found = {}
    files = sorted(images.iterdir())
    for path in files:
        faces, matches = auditor.analyze(path)
        found[str(path)] = len(matches)
    t2, c2 = time.perf_counter(), time.process_time()
    return ({"engine": "loop", "workers": 1, "images": len(files), "wall_s": round(t2 - t0, 2),
             "images_per_s_wall": round(len(files) / (t2 - t0), 2),
             "images_per_s_steady": round(len(files) / (t2 - t1), 2), "matched": sum(1 for v in found.values() if v),
             "cpu_s_per_image": round((c2 - c1) / len(files), 4)},
            found)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--images", type=int, default=120, help="number of test images (bounded: 8..300)")
    ap.add_argument("--out", default=str(REPO / "benchmarks/results/rescan.json"))
    ap.add_argument("--no-ray", action="store_true", help="skip the Ray engine")
    args = ap.parse_args()
    n = max(8, min(300, args.images))
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        images, gallery = Path(tmp) / "images", Path(tmp) / "gallery"
        images.mkdir()
        make_images(images, n)
        make_gallery(gallery)
        loop_row, loop_found = run_loop(images, gallery)
        rows.append(loop_row)
        print(json.dumps(loop_row), file=sys.stderr)
        engines = [("local", 1), ("local", 2)] + ([] if args.no_ray else [("ray", 1), ("ray", 2)])
        for name, workers in engines:
            out = Path(tmp) / f"{name}{workers}.jsonl"
            row = run_engine(name, workers, images, gallery, out)
            lines = [json.loads(line) for line in out.read_text().splitlines()]
            row["same_as_loop"] = {r["path"]: len(r["matches"]) for r in lines} == loop_found
            rows.append(row)
            print(json.dumps(row), file=sys.stderr)
        texts = {f"{r['engine']}{r['workers']}": sorted((Path(tmp) / f"{r['engine']}{r['workers']}.jsonl")
                                                       .read_text().splitlines()) for r in rows[1:]}
        identical = len({tuple(v) for v in texts.values()}) == 1
    import aplguard

    versions = {"aplguard": aplguard.__version__, "python": platform.python_version()}
    try:
        import ray

        versions["ray"] = ray.__version__
    except ImportError:
        pass
    result = {
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "load_avg_at_start": os.getloadavg()[0],
                    "note": "2 cores shared with other jobs; numbers are indicative"},
        "versions": versions, "command": "python benchmarks/rescan.py " + " ".join(sys.argv[1:]),
        "date": time.strftime("%Y-%m-%d"), "images": n, "image_size": "512x512 PNG",
        "rows": rows, "engines_write_identical_lines": identical,
    }
    Path(args.out).write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps({"identical": identical, "out": args.out}), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
