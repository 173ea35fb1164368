"""A gallery of protected identities: reference-face embeddings kept in one directory.

Storage: ``<dir>/gallery.safetensors`` holds the float32 embedding matrix (one row
per reference photo, rows grouped by identity) and, in its header metadata, the
JSON description (matcher id, identities and their references). One file, written
to a temporary name and renamed, so a reader never sees a half-written gallery and
a failed enrolment changes nothing.
"""

from __future__ import annotations

import builtins
import contextlib
import json
import logging
import os
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import numpy as np
from PIL import Image

from .._deps import require
from ..errors import AplGuardError, ConfigError, GalleryError
from ..types import Face
from .identity_keys import IdentityKeys
from .image import ImageSource, _is_tensor

if TYPE_CHECKING:
    from .detector import SupportsDetect
    from .matchers import FaceMatcher

log = logging.getLogger("aplguard.faces")

FILENAME = "gallery.safetensors"
FORMAT = 1
#: Smallest face (shorter box side, pixels) accepted as a reference photo.
MIN_FACE_PX = 48


@dataclass
class AddReport:
    """Outcome of :meth:`Gallery.add`.

    Attributes:
        identity: the identity name.
        accepted: sources of the photos that were enrolled.
        rejected: (source, reason) for each photo that was not.
    """

    identity: str
    accepted: list[str] = field(default_factory=list)
    rejected: list[tuple[str, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.accepted)

    def to_dict(self) -> dict[str, Any]:
        return {"identity": self.identity, "accepted": list(self.accepted),
                "rejected": [{"source": s, "reason": r} for s, r in self.rejected]}


def _source_name(image: object, index: int) -> str:
    if isinstance(image, (str, os.PathLike)):
        return str(image)
    return f"<{type(image).__name__} #{index}>"


def _as_images(images: ImageSource | Iterable[ImageSource]) -> builtins.list[ImageSource]:
    """One image (path, bytes, PIL, HxW(xC) array, CxHxW tensor) as a list of one; else the items."""
    if isinstance(images, (str, os.PathLike, bytes, bytearray, memoryview, Image.Image)):
        return [images]
    if isinstance(images, np.ndarray) and images.ndim in (2, 3):
        return [images]
    if _is_tensor(images) and getattr(images, "ndim", 0) == 3:
        return [cast("ImageSource", images)]  # a tensor, recognised without importing torch
    return list(images)  # an iterable of images (also a 4-d batch)


class Gallery:
    """Protected identities and their reference embeddings.

    Use :meth:`create` or :meth:`open`; the constructor is internal.
    """

    def __init__(self, path: Path, matcher_id: str | None, identities: dict[str, list[dict[str, Any]]],
                 embeddings: np.ndarray, index: str = "exact", ef_search: int = 128) -> None:
        if index not in ("exact", "hnsw"):
            raise ConfigError(f"gallery index must be 'exact' or 'hnsw', got {index!r}")
        self.index = index
        self.ef_search = int(ef_search)
        self._lock = threading.RLock()  # searches never see a half-swapped state
        self.dir = Path(path)
        self.matcher_id = matcher_id
        self._identities = identities  # name -> reference metadata, in row order
        self._emb = embeddings.astype(np.float32, copy=False)
        self._keys = IdentityKeys(self.dir)
        self._index()

    # ---- storage -----------------------------------------------------------------
    @classmethod
    def create(cls, directory: str | os.PathLike[str], *, exist_ok: bool = False, index: str = "exact") -> Gallery:
        """Create an empty gallery in ``directory`` (GalleryError if one exists, unless exist_ok)."""
        d = Path(directory)
        if (d / FILENAME).exists():
            if exist_ok:
                return cls.open(d, index=index)
            raise GalleryError(f"{d / FILENAME} already exists; open it instead")
        try:
            d.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise GalleryError(f"cannot create the gallery folder {d}: {exc}") from exc
        g = cls(d, None, {}, np.zeros((0, 0), np.float32), index=index)
        g.save()
        return g

    @classmethod
    def open(cls, directory: str | os.PathLike[str], *, index: str = "exact", ef_search: int = 128) -> Gallery:
        """Open the gallery in ``directory``.

        Args:
            directory: the gallery folder.
            index: ``"exact"`` (numpy over the whole matrix; default) or ``"hnsw"``
                (FAISS HNSW graph, built in memory on first search; approximate,
                candidates re-scored exactly; for galleries of 100k+ identities).
            ef_search: HNSW search breadth (higher: better recall, slower).

        Raises:
            GalleryError: no gallery there, or the file is unreadable or malformed.
        """
        path = Path(directory) / FILENAME
        if not path.is_file():
            raise GalleryError(f"no gallery at {directory} (missing {FILENAME}); "
                               "create one with: aplguard gallery add --gallery DIR NAME IMAGE...")
        try:
            from safetensors import safe_open

            with safe_open(str(path), framework="numpy") as fh:
                meta = json.loads((fh.metadata() or {})["aplguard_gallery"])
                emb = fh.get_tensor("embeddings")
        except (KeyError, ValueError, OSError, json.JSONDecodeError, Exception) as exc:  # noqa: BLE001
            raise GalleryError(f"{path}: unreadable gallery file ({exc})") from exc
        if meta.get("format") != FORMAT:
            raise GalleryError(f"{path}: unsupported gallery format {meta.get('format')!r}")
        identities = {name: list(refs) for name, refs in meta.get("identities", {}).items()}
        rows = sum(len(r) for r in identities.values())
        if emb.ndim != 2 or (rows and emb.shape[0] != rows):
            raise GalleryError(f"{path}: {rows} references in metadata but embeddings of shape {emb.shape}")
        gallery = cls(path.parent, meta.get("matcher"), identities, emb, index=index, ef_search=ef_search)
        try:  # galleries enrolled before identity keys get theirs now (once)
            gallery._keys.ensure(list(identities))
        except GalleryError as exc:  # a read-only gallery still works; its matches are logged by id
            log.warning("identity keys unavailable, audit records name identities by id: %s", exc)
        return gallery

    def save(self) -> None:
        """Write the gallery atomically (temp file + rename)."""
        from safetensors.numpy import save_file

        meta = {"format": FORMAT, "matcher": self.matcher_id, "identities": self._identities}
        emb = self._emb if self._emb.size else np.zeros((0, 1), np.float32)
        tmp = None
        try:
            fd, tmp = tempfile.mkstemp(dir=self.dir, prefix=".gallery.", suffix=".tmp")
            os.close(fd)
            save_file({"embeddings": np.ascontiguousarray(emb)}, tmp,
                      metadata={"aplguard_gallery": json.dumps(meta)})
            os.replace(tmp, self.dir / FILENAME)
        except OSError as exc:
            raise GalleryError(f"cannot write the gallery in {self.dir}: {exc}") from exc
        finally:
            if tmp and os.path.exists(tmp):
                os.unlink(tmp)

    def _index(self) -> None:
        self._names = list(self._identities)
        counts = np.array([len(self._identities[n]) for n in self._names], dtype=np.int64)
        self._starts = np.concatenate([[0], np.cumsum(counts)[:-1]]) if len(counts) else counts
        self._row_identity = np.repeat(np.arange(len(counts)), counts)
        self._faiss: Any = None  # FAISS HNSW index (untyped), built on first search in "hnsw" mode
        self._max_refs = int(counts.max()) if len(counts) else 0

    # ---- queries -----------------------------------------------------------------
    def list(self) -> builtins.list[dict[str, Any]]:
        """One dict per identity: name and number of reference photos."""
        return [{"identity": n, "references": len(self._identities[n])} for n in self._names]

    def __len__(self) -> int:
        return len(self._names)

    def __contains__(self, name: object) -> bool:
        return name in self._identities

    def search(self, embedding: np.ndarray, k: int = 1) -> builtins.list[tuple[str, float]]:
        """The ``k`` most similar identities (best reference per identity), best first.

        Args:
            embedding: a unit vector from the gallery's matcher.
            k: how many identities to return.

        Returns:
            (identity, cosine similarity) pairs; empty for an empty gallery.
        """
        with self._lock:
            return self._search(embedding, k)

    def _search(self, embedding: np.ndarray, k: int) -> builtins.list[tuple[str, float]]:
        if not self._names:
            return []
        q = np.asarray(embedding, dtype=np.float32).reshape(-1)
        if q.shape[0] != self._emb.shape[1]:
            raise GalleryError(f"embedding has {q.shape[0]} dimensions, the gallery's matcher "
                               f"{self.matcher_id!r} uses {self._emb.shape[1]}")
        k = max(1, min(int(k), len(self._names)))
        # The k best identities' best rows are among the top k * max_refs rows.
        m = min(len(self._emb), k * self._max_refs)
        if self.index == "hnsw":
            rows, row_scores = self._hnsw_search(q, m)
        else:
            # The same BLAS matrix-vector product a caller would write by hand (`M @ q`):
            # the search is memory-bound, so anything around it must stay O(1) in rows.
            scores = self._emb @ q
            if k == 1:  # the best identity owns the best reference row
                row = int(np.argmax(scores))
                return [(self._names[self._row_identity[row]], float(scores[row]))]
            rows = np.argpartition(-scores, m - 1)[:m] if m < len(scores) else np.arange(len(scores))
            row_scores = scores[rows]
        order = np.argsort(-row_scores, kind="stable")
        out: builtins.list[tuple[str, float]] = []
        seen: set[int] = set()
        for row, score in zip(rows[order], row_scores[order]):
            ident = int(self._row_identity[row])
            if ident not in seen:
                seen.add(ident)
                out.append((self._names[ident], float(score)))
                if len(out) == k:
                    break
        return out

    def _hnsw_search(self, q: np.ndarray, m: int) -> tuple[np.ndarray, np.ndarray]:
        if self._faiss is None:
            faiss = require("faiss", "faiss")
            index = faiss.IndexHNSWFlat(self._emb.shape[1], 32, faiss.METRIC_INNER_PRODUCT)
            index.hnsw.efConstruction = 40
            index.add(np.ascontiguousarray(self._emb))
            self._faiss = index
        self._faiss.hnsw.efSearch = max(self.ef_search, m)
        _, idx = self._faiss.search(q[None], m)
        rows = idx[0][idx[0] >= 0]
        return rows, np.einsum("ij,j->i", self._emb[rows], q)  # exact scores, as in exact mode

    # ---- changes -----------------------------------------------------------------
    def add(self, name: str, images: ImageSource | Iterable[ImageSource], detector: SupportsDetect,
            matcher: FaceMatcher, *, strict: bool = False,
            min_face_px: int = MIN_FACE_PX) -> AddReport:
        """Enrol reference photos of ``name``.

        Each photo must show exactly one usable face of at least ``min_face_px``
        pixels. Bad photos are rejected with a reason and the others go on. The
        gallery file is rewritten once, atomically, at the end.

        Args:
            name: identity name (non-empty).
            images: one image or several (paths, bytes, PIL images, arrays, tensors;
                several photos per identity help). Each is size-checked before any
                native code sees it; a bad one is rejected, the others go on.
            detector: a face detector (``detect(image) -> list[Face]``).
            matcher: a :class:`~aplguard.faces.matchers.FaceMatcher`.
            strict: enrol nothing unless every photo is accepted.
            min_face_px: minimum shorter side of the face box.

        Returns:
            An :class:`AddReport`.

        Raises:
            GalleryError: empty name, or a matcher other than the gallery's.
        """
        name = (name or "").strip()
        if not name:
            raise GalleryError("identity name must be non-empty")
        if self.matcher_id not in (None, matcher.id):
            raise GalleryError(f"this gallery holds {self.matcher_id!r} embeddings; "
                               f"cannot add {matcher.id!r} embeddings to it")
        report = AddReport(name)
        rows: builtins.list[np.ndarray] = []
        refs: builtins.list[dict[str, Any]] = []
        for i, image in enumerate(_as_images(images)):
            source = _source_name(image, i)
            try:
                from .image import load_image

                rgb = np.asarray(load_image(image))
                faces: list[Face] = detector.detect(rgb)
                if not faces:
                    raise GalleryError("no face found")
                if len(faces) > 1:
                    raise GalleryError(f"{len(faces)} faces found; a reference photo must show exactly one")
                face = faces[0]
                side = min(face.box[2], face.box[3])
                if side < min_face_px:
                    raise GalleryError(f"face is {side:.0f} px, smaller than the {min_face_px} px minimum")
                rows.append(np.asarray(matcher.embed(rgb, face), dtype=np.float32).reshape(-1))
                refs.append({"source": os.path.basename(source), "face_score": round(face.score, 4),
                             "added": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())})
                report.accepted.append(source)
            except AplGuardError as exc:
                report.rejected.append((source, str(exc)))
        if not rows or (strict and report.rejected):
            if strict and rows:
                report.accepted.clear()
            return report
        new = np.stack(rows)
        with self._lock, self._locked():  # another process may have changed the gallery since we opened it
            self._reload()
            if self.matcher_id not in (None, matcher.id):
                raise GalleryError(f"this gallery holds {self.matcher_id!r} embeddings; "
                                   f"cannot add {matcher.id!r} embeddings to it")
            if self._emb.size and new.shape[1] != self._emb.shape[1]:
                raise GalleryError(f"matcher produced {new.shape[1]}-d embeddings, "
                                   f"gallery holds {self._emb.shape[1]}-d")
            self._insert(name, new, refs, matcher.id)
        log.info("enrolled %d reference(s), rejected %d", len(rows), len(report.rejected))
        return report

    def _insert(self, name: str, new: np.ndarray, refs: builtins.list[dict[str, Any]], matcher_id: str) -> None:
        # Build the new state aside and swap it in only after the file is written.
        identities = {n: list(r) for n, r in self._identities.items()}
        blocks = {n: self._emb[s:s + len(self._identities[n])] for n, s in zip(self._names, self._starts)}
        identities.setdefault(name, []).extend(refs)
        blocks[name] = np.concatenate([blocks[name], new]) if name in blocks else new
        emb = np.concatenate([blocks[n] for n in identities]) if identities else new
        old = (self.matcher_id, self._identities, self._emb)
        self.matcher_id, self._identities, self._emb = matcher_id, identities, emb
        try:
            self.save()
        except Exception:
            self.matcher_id, self._identities, self._emb = old
            raise
        self._keys.ensure([name])
        self._index()

    def pseudonym(self, name: str) -> str | None:
        """The keyed pseudonym the audit log stores for ``name`` (None without a key)."""
        return self._keys.pseudonym(name)

    def remove(self, name: str, *, erase: bool = False) -> None:
        """Remove an identity and all its references (GalleryError if unknown).

        Args:
            erase: also delete the identity's key, so that no earlier audit record can be
                linked to the person any more (the log itself still verifies).
        """
        with self._lock, self._locked():
            self._reload()
            self._remove(name)
            if erase:
                self._keys.erase(name)

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        """Serialise read-modify-write cycles of several processes (POSIX advisory lock)."""
        try:
            import fcntl
        except ImportError:  # pragma: no cover - Windows: no cross-process lock
            yield
            return
        with open(self.dir / ".lock", "a+") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)

    def _reload(self) -> None:
        if (self.dir / FILENAME).is_file():
            fresh = Gallery.open(self.dir, index=self.index, ef_search=self.ef_search)
            self.matcher_id, self._identities, self._emb = fresh.matcher_id, fresh._identities, fresh._emb
            self._index()

    def _remove(self, name: str) -> None:
        if name not in self._identities:
            raise GalleryError(f"no identity {name!r} in the gallery at {self.dir}")
        keep = [n for n in self._names if n != name]
        rows = [np.arange(s, s + len(self._identities[n])) for n, s in zip(self._names, self._starts) if n != name]
        old = (self._identities, self._emb)
        self._identities = {n: self._identities[n] for n in keep}
        self._emb = self._emb[np.concatenate(rows)] if rows else np.zeros((0, self._emb.shape[1]), np.float32)
        try:
            self.save()
        except Exception:
            self._identities, self._emb = old
            raise
        self._index()
