"""Faces: detection speed/quality, embedding speed, gallery search, verification accuracy.

Side by side in one run:

- detection per 512x512 image: aplguard's BlazeFace ``auto`` / ``short`` / ``full``
  against OpenCV's YuNet (``cv2.FaceDetectorYN``, the detector a user of OpenCV
  would otherwise pick); plus recall on single-person photos and false positives
  on the no-face images of the dev set;
- embedding time per face and verification accuracy on the dev pairs (clean, and
  with the second photo of each pair degraded: face downscaled to ~64 px, JPEG
  quality 30, Gaussian blur, grayscale) for every available matcher;
- gallery search at 1k / 100k identities: ``Gallery.search`` (numpy, best
  reference per identity) against a plain ``matrix @ q`` + argmax and, when
  installed, a FAISS ``IndexFlatIP``.

    python benchmarks/faces.py [--data ../shared/data/faces/dev] [--calibrate]

``--calibrate`` prints the threshold per matcher chosen on the dev pairs (midpoint
of the zero-error interval when there is one, else the value minimising FAR+FRR)
and the FAR/FRR table; those values are copied into aplguard/faces/matchers.py.
Never point --data at the holdout set.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from PIL import Image, ImageFilter

from aplguard.errors import AplGuardError
from aplguard.faces import FaceDetector, Gallery, ModelStore, load_image, matcher_registry, primary_face

REPO = Path(__file__).resolve().parents[1]


def _timed(fn, runs: int, warmup: int = 3) -> tuple[float, float]:
    """(median, minimum) wall time in ms; the minimum is what an idle machine gives."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), min(times)


def _put(row: dict, key: str, fn, runs: int) -> None:
    row[key], row[key.replace("_ms", "_min_ms")] = _timed(fn, runs)


def _versions() -> dict:
    out = {"python": platform.python_version()}
    for mod in ("numpy", "cv2", "mediapipe", "dlib", "faiss", "PIL"):
        try:
            m = __import__(mod)
            out[mod] = getattr(m, "__version__", "?")
        except ImportError:
            out[mod] = None
    return out


# ---- degradations applied to the probe photo --------------------------------------
def _downscale(img: Image.Image, face_w: float) -> Image.Image:
    s = min(1.0, 64.0 / max(face_w, 1.0))
    return img.resize((max(1, round(img.width * s)), max(1, round(img.height * s))), Image.BILINEAR)


def _jpeg(img: Image.Image, *_):
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=30)
    return Image.open(io.BytesIO(buf.getvalue())).convert("RGB")


DEGRADATIONS = {
    "clean": lambda img, fw: img,
    "face64px": _downscale,
    "jpeg30": _jpeg,
    "blur2": lambda img, fw: img.filter(ImageFilter.GaussianBlur(2)),
    "grayscale": lambda img, fw: img.convert("L").convert("RGB"),
}


def _threshold(sims: np.ndarray, same: np.ndarray) -> float:
    lo, hi = sims[same == 0].max(initial=-1.0), sims[same == 1].min(initial=1.0)
    if lo < hi:  # separable: midpoint of the zero-error interval
        return float((lo + hi) / 2)
    cands = np.unique(sims)
    errs = [np.mean(sims[same == 0] >= t) + np.mean(sims[same == 1] < t) for t in cands]
    return float(cands[int(np.argmin(errs))])


def _far_frr(sims: np.ndarray, same: np.ndarray, t: float) -> tuple[float, float, float]:
    far = float(np.mean(sims[same == 0] >= t)) if (same == 0).any() else 0.0
    frr = float(np.mean(sims[same == 1] < t)) if (same == 1).any() else 0.0
    acc = float(np.mean((sims >= t) == (same == 1)))
    return far, frr, acc


def bench_detection(data: Path | None, store: ModelStore, runs: int) -> dict:
    from skimage import data as skdata

    images = [skdata.astronaut()]
    if data:
        for p in sorted(data.glob("*/1.jpg"))[:8]:
            images.append(np.asarray(load_image(p).resize((512, 512))))
    images = [np.asarray(Image.fromarray(i).resize((512, 512))) for i in images]
    out = {}
    dets = {f"blazeface-{m}": FaceDetector(store, model=m) for m in ("auto", "short", "full")}
    baseline = None
    try:
        import cv2

        yunet = cv2.FaceDetectorYN.create(str(store.path("yunet")), "", (512, 512), 0.6)
        bgr = [np.ascontiguousarray(i[:, :, ::-1]) for i in images]
        baseline = ("opencv-yunet", lambda k: yunet.detect(bgr[k]))
    except (ImportError, AplGuardError, Exception) as exc:  # noqa: BLE001
        print(f"(YuNet baseline unavailable: {exc})", file=sys.stderr)
    for name, det in dets.items():
        det.load()
        timings = [_timed(lambda i=i: det.detect(i), runs) for i in images]
        out[name] = {"ms_per_512": statistics.median(t[0] for t in timings),
                     "min_ms_per_512": statistics.median(t[1] for t in timings)}
    if baseline:
        timings = [_timed(lambda k=k: baseline[1](k), runs) for k in range(len(images))]
        out[baseline[0]] = {"ms_per_512": statistics.median(t[0] for t in timings),
                            "min_ms_per_512": statistics.median(t[1] for t in timings)}
    if data:
        rows = list(csv.DictReader(open(data / "manifest.csv")))
        for name, det in dets.items():
            single = [r for r in rows if not r["identity"].startswith("_")]
            noface = [r for r in rows if r["identity"] == "_no_face"]
            found = sum(len(det.detect(data / r["path"])) > 0 for r in single)
            fp = sum(len(det.detect(data / r["path"])) > 0 for r in noface)
            out[name].update(single_person_recall=found / len(single), single_person_photos=len(single),
                             no_face_clean_rate=1 - fp / len(noface), no_face_images=len(noface))
    for det in dets.values():
        det.close()
    return out


def bench_matchers(data: Path | None, store: ModelStore, runs: int, calibrate: bool) -> dict:
    reg = matcher_registry()
    detector = FaceDetector(store)
    from skimage import data as skdata

    astro = np.asarray(skdata.astronaut())
    astro_face = primary_face(detector.detect(astro))
    out = {}
    pairs = list(csv.DictReader(open(data / "pairs.csv"))) if data else []
    for name in reg.names():
        try:
            matcher = reg.create(name, store=store)
            matcher.embed(astro, astro_face)
        except AplGuardError as exc:
            out[name] = {"available": False, "reason": str(exc).splitlines()[0]}
            continue
        res = {"available": True}
        res["ms_per_face"], res["min_ms_per_face"] = _timed(lambda: matcher.embed(astro, astro_face), runs)
        if pairs:
            res["verification"] = _verify(pairs, data, detector, matcher, calibrate)
        out[name] = res
    detector.close()
    return out


def _verify(pairs, data: Path, detector, matcher, calibrate: bool) -> dict:
    clean: dict[str, tuple] = {}

    def ref(path):
        if path not in clean:
            img = load_image(data / path)
            face = primary_face(detector.detect(img))
            clean[path] = (img, face, matcher.embed(np.asarray(img), face) if face else None)
        return clean[path]

    same = np.array([int(r["same"]) for r in pairs])
    result = {}
    threshold = matcher.threshold
    for deg, fn in DEGRADATIONS.items():
        sims, misses, probes = [], 0, {}
        for r in pairs:
            _, _, ea = ref(r["path_a"])
            img_b, face_b, eb = ref(r["path_b"])
            if deg != "clean" and face_b is not None:
                if r["path_b"] not in probes:  # each degraded probe is embedded once
                    probe = fn(img_b, face_b.box[2])
                    face = primary_face(detector.detect(probe))
                    probes[r["path_b"]] = matcher.embed(np.asarray(probe), face) if face else None
                eb = probes[r["path_b"]]
            if ea is None or eb is None:
                misses += 1
                sims.append(-1.0)  # no face: counted as "different"
            else:
                sims.append(float(ea @ eb))
        sims_a = np.array(sims)
        if deg == "clean" and calibrate:
            threshold = _threshold(sims_a, same)
            result["calibrated_threshold"] = threshold
            table = []
            spread = 0.15 * abs(threshold or 1)
            grid = np.round(np.linspace(threshold - spread, threshold + spread, 5), 3)
            for t in sorted({round(threshold, 3), *grid}):
                far, frr, acc = _far_frr(sims_a, same, t)
                table.append({"threshold": float(t), "far": far, "frr": frr, "accuracy": acc})
            result["far_frr_table"] = table
            result["separation"] = {"max_different": float(sims_a[same == 0].max()),
                                    "min_same": float(sims_a[same == 1].min())}
        far, frr, acc = _far_frr(sims_a, same, threshold)
        result[deg] = {"accuracy": acc, "far": far, "frr": frr, "no_face": misses, "threshold": threshold}
    result["pairs"] = len(pairs)
    return result


def bench_gallery(runs: int) -> dict:
    rng = np.random.default_rng(0)
    out = {}
    try:
        import faiss
    except ImportError:
        faiss = None
    for n in (1_000, 100_000):
        emb = rng.standard_normal((n, 128)).astype(np.float32)
        emb /= np.linalg.norm(emb, axis=1, keepdims=True)
        g = Gallery(Path(tempfile.gettempdir()), "bench", {f"id{i}": [{}] for i in range(n)}, emb)
        q = emb[n // 2] + 0.1 * rng.standard_normal(128).astype(np.float32)
        q /= np.linalg.norm(q)
        assert g.search(q)[0][0] == f"id{n // 2}"
        row: dict = {}
        _put(row, "gallery_search_ms", lambda: g.search(q, k=1), runs)
        _put(row, "plain_matmul_argmax_ms", lambda: int(np.argmax(emb @ q)), runs)
        if faiss is not None:
            index = faiss.IndexFlatIP(128)
            index.add(emb)
            _put(row, "faiss_flat_ip_ms", lambda: index.search(q[None], 1), runs)
            hnsw = Gallery(Path(tempfile.gettempdir()), "bench", g._identities, emb, index="hnsw")
            t = time.perf_counter()
            hnsw.search(q)  # builds the graph
            row["gallery_hnsw_build_s"] = time.perf_counter() - t
            _put(row, "gallery_hnsw_search_ms", lambda: hnsw.search(q, k=1), runs)
            picked = emb[:: max(1, n // 200)]
            probes = picked + 0.05 * rng.standard_normal(picked.shape).astype(np.float32)
            probes /= np.linalg.norm(probes, axis=1, keepdims=True)
            hits = [hnsw.search(p)[0][0] == g.search(p)[0][0] for p in probes]
            row["gallery_hnsw_recall_at_1"] = float(np.mean(hits))
        out[f"{n}_identities"] = row
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_data = REPO.parent / "shared" / "data" / "faces" / "dev"
    ap.add_argument("--data", default=str(default_data), help="dev set folder (manifest.csv, pairs.csv)")
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--calibrate", action="store_true", help="choose thresholds on the dev pairs")
    ap.add_argument("--json", default=str(REPO / "benchmarks" / "results" / "faces.json"))
    args = ap.parse_args(argv)
    data = Path(args.data) if Path(args.data, "pairs.csv").is_file() else None
    if data and "holdout" in data.parts:
        ap.error("the holdout set is reserved for acceptance measurements")
    if data is None:
        print(f"(no dev data at {args.data}: accuracy skipped)", file=sys.stderr)
    store = ModelStore()
    t0 = time.time()
    results = {
        "machine": {"platform": platform.platform(), "processor": platform.processor(), "cpus": os.cpu_count(),
                    "load_average_at_start": list(os.getloadavg())},
        "versions": _versions(),
        "command": "python benchmarks/faces.py " + " ".join(argv if argv is not None else sys.argv[1:]),
        "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "detection": bench_detection(data, store, args.runs),
        "matchers": bench_matchers(data, store, args.runs, args.calibrate),
        "gallery": bench_gallery(args.runs),
    }
    base = results["detection"].get("opencv-yunet", {}).get("ms_per_512")
    if base:
        for row in results["detection"].values():
            row["time_vs_yunet"] = row["ms_per_512"] / base
    for row in results["gallery"].values():
        row["ratio_vs_plain_matmul"] = row["gallery_search_ms"] / row["plain_matmul_argmax_ms"]
    results["seconds"] = round(time.time() - t0, 1)
    _print(results)
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps(results, indent=2))
    print(f"\nwrote {args.json}")
    return 0


def _print(r: dict) -> None:
    print("\n== detection (ms per 512x512 image: median, min) ==")
    print(f"{'detector':<18}{'median':>8}{'min':>8}{'vs yunet':>10}{'recall(1-person)':>18}{'no-face clean':>15}")
    for name, row in r["detection"].items():
        print(f"{name:<18}{row['ms_per_512']:>8.2f}{row['min_ms_per_512']:>8.2f}"
              f"{row.get('time_vs_yunet', float('nan')):>10.2f}"
              f"{row.get('single_person_recall', float('nan')):>18.3f}"
              f"{row.get('no_face_clean_rate', float('nan')):>15.3f}")
    print("\n== matchers ==")
    for name, row in r["matchers"].items():
        if not row["available"]:
            print(f"{name:<12} unavailable: {row['reason']}")
            continue
        line = f"{name:<12} {row['ms_per_face']:.2f} ms/face (min {row['min_ms_per_face']:.2f})"
        v = row.get("verification")
        if v:
            line += "  accuracy " + "  ".join(f"{d}={v[d]['accuracy']:.3f}" for d in DEGRADATIONS)
            line += f"  (threshold {v['clean']['threshold']:.3f}, {v['pairs']} pairs)"
        print(line)
        for t in (v or {}).get("far_frr_table", []):
            print(f"    t={t['threshold']:.3f}  FAR={t['far']:.3f}  FRR={t['frr']:.3f}  acc={t['accuracy']:.3f}")
    print("\n== gallery search (median ms) ==")
    for n, row in r["gallery"].items():
        print(f"{n:<18} " + "  ".join(f"{k}={v:.3f}" for k, v in row.items()))


if __name__ == "__main__":
    sys.exit(main())
