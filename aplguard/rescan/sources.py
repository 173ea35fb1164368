"""Where the images of a rescan come from: directories, files, manifests, audit logs.

Every input becomes a stream of :class:`ScanItem` (path, size, mtime). A manifest row
whose file is missing still becomes an item, carrying the error, so that it is
reported in the results instead of stopping the batch.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

from ..errors import ConfigError

#: File name endings treated as images when a directory is walked.
IMAGE_EXTS = frozenset({".jpg", ".jpeg", ".png", ".webp", ".bmp", ".gif", ".tif", ".tiff"})
#: File name endings read as manifests when given as an input.
MANIFEST_EXTS = frozenset({".csv", ".jsonl", ".ndjson"})


@dataclass(frozen=True)
class ScanItem:
    """One image to scan.

    Attributes:
        path: the image file (as given or found).
        size: file size in bytes, or None when the file could not be stat'ed.
        mtime_ns: modification time in ns, or None when the file could not be stat'ed.
        error: set when the item is already known to fail (e.g. missing file).
    """

    path: str
    size: int | None = None
    mtime_ns: int | None = None
    error: str | None = None


def stat_item(path: str | os.PathLike[str]) -> ScanItem:
    """A :class:`ScanItem` for ``path`` with its size and mtime, or with the error when it is not a file."""
    p = str(path)
    try:
        st = os.stat(p)
    except OSError as exc:
        return ScanItem(p, error=f"{p}: {exc.strerror or 'cannot stat'}")
    if not os.path.isfile(p):
        return ScanItem(p, error=f"{p}: not a regular file")
    return ScanItem(p, st.st_size, st.st_mtime_ns)


def from_directory(folder: str | os.PathLike[str]) -> Iterator[ScanItem]:
    """Image files under ``folder`` (recursive, by extension), in sorted order so reruns see the same order."""
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            if Path(name).suffix.lower() in IMAGE_EXTS:
                yield stat_item(os.path.join(root, name))


def _local_path(ref: str, manifest: Path) -> str:
    """A manifest entry as a local path: ``file://`` URLs are decoded, relative paths are taken from the manifest's folder."""
    if "://" in ref:
        url = urlparse(ref)
        if url.scheme != "file":
            raise ConfigError(f"{manifest}: only local paths and file:// URLs are supported, got {url.scheme}://")
        if url.netloc not in ("", "localhost"):
            raise ConfigError(f"{manifest}: file:// URL with a remote host {url.netloc!r}")
        return unquote(url.path)
    p = Path(ref).expanduser()
    return str(p if p.is_absolute() else manifest.parent / p)


def _manifest_refs(manifest: Path) -> Iterator[str]:
    suffix = manifest.suffix.lower()
    with manifest.open(encoding="utf-8", newline="") as fh:
        if suffix == ".csv":
            reader = csv.DictReader(fh)
            if reader.fieldnames is None or "path" not in reader.fieldnames:
                raise ConfigError(f"{manifest}: a CSV manifest needs a 'path' column, got {reader.fieldnames}")
            for row in reader:
                if row.get("path"):
                    yield str(row["path"])
            return
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ConfigError(f"{manifest}:{lineno}: not JSON ({exc.msg})") from None
            if not isinstance(obj, dict) or not isinstance(obj.get("path"), str):
                raise ConfigError(f"{manifest}:{lineno}: each line needs a string 'path' key")
            yield obj["path"]


def from_manifest(manifest: str | os.PathLike[str]) -> Iterator[ScanItem]:
    """Items listed in a CSV (``path`` column) or JSON-lines (``path`` key) manifest.

    Entries are local paths (relative ones resolved against the manifest's folder) or
    ``file://`` URLs. A listed file that does not exist becomes an item with an error.

    Raises:
        ConfigError: the manifest is missing, has no ``path`` column/key, or lists a
            non-local URL.
    """
    m = Path(manifest)
    if not m.is_file():
        raise ConfigError(f"manifest {m}: no such file")
    for ref in _manifest_refs(m):
        yield stat_item(_local_path(ref, m))


def collect(inputs: Iterable[str | os.PathLike[str]], manifest: str | os.PathLike[str] | None = None
            ) -> Iterator[ScanItem]:
    """All items of ``inputs`` (directories, image files, ``.csv``/``.jsonl`` manifests) and ``manifest``.

    Items are yielded lazily, so a 10M-image input is never held in memory; a path
    reached twice is yielded once.

    Raises:
        ConfigError: an input that does not exist (as opposed to a missing file
            listed in a manifest, which is a per-item error).
    """
    seen: set[str] = set()
    sources: list[Iterator[ScanItem]] = []
    for raw in inputs:
        p = Path(raw)
        if p.is_dir():
            sources.append(from_directory(p))
        elif p.is_file() and p.suffix.lower() in MANIFEST_EXTS:
            sources.append(from_manifest(p))
        elif p.is_file():
            sources.append(iter([stat_item(p)]))
        else:
            raise ConfigError(f"rescan input {p}: no such file or directory")
    if manifest is not None:
        sources.append(from_manifest(manifest))
    for source in sources:
        for item in source:
            key = os.path.abspath(item.path)
            if key in seen:
                continue
            seen.add(key)
            yield item


def audit_hashes(url: str) -> dict[str, list[str]]:
    """Output-image hashes in an audit log: ``image_sha256`` -> ids of the records holding it.

    The hashes are :func:`aplguard.audit.image_sha256` of the decoded pixels, so a
    file's hash matches whatever format it was saved in (losslessly).
    """
    from ..audit import open_sink

    found: dict[str, list[str]] = {}
    with open_sink(url, create=False) as sink:
        for record in sink.iter_records():
            for output in record.outputs:
                ids = found.setdefault(output.image_sha256, [])
                if record.id not in ids:
                    ids.append(record.id)
    return found
