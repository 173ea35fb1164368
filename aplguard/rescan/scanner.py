"""Scan one image: decode it safely, detect faces, match them against the gallery.

:class:`ScanSettings` is a small picklable value that crosses process and Ray
boundaries; each worker turns it into a :class:`Scanner` once, because the face
runtime objects (mediapipe, OpenCV) cannot be pickled and are slow to build.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import AplGuardError
from .sources import ScanItem

if TYPE_CHECKING:
    from ..faces import FaceAuditor

#: Per-image result fields, in output order.
RESULT_FIELDS = ("path", "size", "mtime_ns", "sha256", "faces", "matches", "error")


@dataclass(frozen=True)
class ScanSettings:
    """What every worker needs to build its own face auditor.

    Attributes:
        gallery: gallery folder (must be readable from every worker).
        home: model cache root (default ``$APLGUARD_HOME`` or ``~/.cache/aplguard``).
        matcher: matcher name (default: the gallery's).
        threshold: cosine threshold override.
        far: tolerated false accept rate instead of ``threshold``.
        min_score: face detection confidence.
    """

    gallery: str
    home: str | None = None
    matcher: str | None = None
    threshold: float | None = None
    far: float | None = None
    min_score: float = 0.5

    def auditor(self) -> FaceAuditor:
        """A new :class:`~aplguard.faces.FaceAuditor` for these settings."""
        from ..faces import FaceAuditor

        return FaceAuditor.create(gallery=self.gallery, matcher=self.matcher, home=self.home,
                                  min_score=self.min_score, threshold=self.threshold, far=self.far)


def base_result(item: ScanItem) -> dict[str, Any]:
    """The result line of ``item`` before scanning: identity fields set, the rest empty."""
    return {"path": item.path, "size": item.size, "mtime_ns": item.mtime_ns, "sha256": None,
            "faces": 0, "matches": [], "error": item.error}


class Scanner:
    """Scans images with one face auditor (build one per worker process or actor).

    Args:
        settings: the auditor's settings; the auditor is built here, once.
    """

    def __init__(self, settings: ScanSettings) -> None:
        self.settings = settings
        self.auditor = settings.auditor()

    def scan(self, item: ScanItem) -> dict[str, Any]:
        """The result line of one image; any per-image failure goes into ``error``, never raised.

        ``sha256`` is :func:`aplguard.audit.image_sha256` of the decoded RGB pixels,
        the hash the audit log stores for each output image. Scores are rounded to 6
        decimals so that every engine writes the same text.
        """
        from ..audit import image_sha256
        from ..faces import load_image

        out = base_result(item)
        if item.error is not None:
            return out
        try:
            image = load_image(item.path)  # checks the header's size before decoding
            out["sha256"] = image_sha256(image)
            faces, matches = self.auditor.analyze(image)
        except AplGuardError as exc:
            out["error"] = str(exc)
            return out
        except (OSError, ValueError, RuntimeError) as exc:  # a native decoder or runtime failing on one file
            out["error"] = f"{item.path}: {type(exc).__name__}: {exc}"
            return out
        out["faces"] = len(faces)
        out["matches"] = [{"identity": m.identity, "score": round(float(m.score), 6), "face": m.face_index}
                          for m in matches]
        return out
