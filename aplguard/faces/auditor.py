"""Output-image checks for ``Guard``: faces, gallery matches, and blurring faces."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import numpy as np
from PIL import Image, ImageFilter

from ..errors import ConfigError, GalleryError
from ..types import Face, FaceMatch
from .calibration import threshold_for_far
from .image import ImageSource, load_image
from .quality import QualityGate

if TYPE_CHECKING:
    from .detector import SupportsDetect
    from .gallery import Gallery
    from .matchers import FaceMatcher


def primary_face(faces: list[Face]) -> Face | None:
    """The most confident face (what verify/compare/enrolment use), or None."""
    return max(faces, key=lambda f: f.score) if faces else None


class FaceAuditor:
    """Detect faces in an image and match them against a gallery.

    Args:
        detector: a face detector (``detect(image) -> list[Face]``).
        matcher: a face matcher; required when ``gallery`` is given.
        gallery: protected identities; without it only faces are reported.
        threshold: cosine threshold; default ``matcher.threshold`` (shipped calibration).
        far: instead of ``threshold``, the tolerated false accept rate (e.g. 0.001),
            turned into the matcher's threshold by its calibration table
            (:func:`~aplguard.faces.calibration.threshold_for_far`).
        quality: quality gate marking degraded faces ``unverifiable`` when a gallery
            is searched (default :class:`QualityGate()`; ``False`` turns it off).
    """

    def __init__(self, detector: SupportsDetect, matcher: FaceMatcher | None = None, gallery: Gallery | None = None,
                 threshold: float | None = None, far: float | None = None,
                 quality: QualityGate | bool = True) -> None:
        if gallery is not None and matcher is None:
            raise ConfigError("FaceAuditor: a gallery needs a matcher")
        if gallery is not None and matcher is not None and gallery.matcher_id not in (None, matcher.id):
            raise GalleryError(f"gallery holds {gallery.matcher_id!r} embeddings but the matcher is {matcher.id!r}")
        if threshold is not None and far is not None:
            raise ConfigError("FaceAuditor: give a threshold or a far, not both")
        if far is not None:
            if matcher is None:
                raise ConfigError("FaceAuditor: far needs a matcher (its calibration table)")
            threshold = threshold_for_far(matcher.id, far)
        self.detector = detector
        self.matcher = matcher
        self.gallery = gallery
        self.threshold = threshold
        self.far = far
        self.quality: QualityGate | None
        if isinstance(quality, QualityGate):
            self.quality = quality
        else:
            self.quality = QualityGate() if quality else None

    @classmethod
    def create(cls, gallery: str | os.PathLike[str] | None = None, matcher: str | None = None,
               home: str | os.PathLike[str] | None = None, min_score: float = 0.5,
               threshold: float | None = None, far: float | None = None) -> FaceAuditor:
        """Build detector, matcher and gallery from plain settings (what a policy file holds).

        Args:
            gallery: gallery folder (or None for face detection only).
            matcher: matcher name from :func:`matcher_registry`; default the
                gallery's own matcher, else ``sface``.
            home: model cache root (default ``$APLGUARD_HOME`` or ``~/.cache/aplguard``).
            min_score: face detection confidence.
            threshold: cosine threshold override.
            far: tolerated false accept rate instead of ``threshold`` (policy ``far: 0.001``).
        """
        from .detector import FaceDetector
        from .gallery import Gallery
        from .matchers import matcher_registry
        from .models import ModelStore

        store = ModelStore(home)
        g = Gallery.open(gallery) if gallery is not None else None
        name = matcher or (g.matcher_id if g is not None else None) or "sface"
        m = matcher_registry().create(name, store=store) if (g is not None or matcher) else None
        return cls(FaceDetector(store, min_score=min_score), m, g, threshold=threshold, far=far)

    def analyze(self, image: ImageSource) -> tuple[list[Face], list[FaceMatch]]:
        """Faces in ``image`` and the faces that match a gallery identity.

        Args:
            image: anything :func:`load_image` accepts: path, bytes, PIL image, HWC
                numpy array, CHW torch tensor (what :func:`to_pil` accepts, too).
                Its size is checked before any native code sees it.

        Returns:
            (faces, matches): every detected face, and for each face whose best
            gallery identity scores at or above the threshold, a FaceMatch. When a
            gallery is searched, faces too degraded to verify carry the reasons in
            ``Face.unverifiable`` (a match is still reported if one scores above the
            threshold: a "no match" for such a face is not evidence of absence).
        """
        rgb = np.asarray(load_image(image))
        faces = self.detector.detect(rgb)
        matches: list[FaceMatch] = []
        if self.gallery is None or self.matcher is None or not len(self.gallery) or not faces:
            return faces, matches
        if self.quality is not None:
            faces = self.quality.mark(rgb, faces)
        threshold = self.matcher.threshold if self.threshold is None else self.threshold
        from .matchers import embed_faces

        # All faces of the image in one model call where the matcher batches.
        for i, emb in enumerate(embed_faces(self.matcher, rgb, faces)):
            best = self.gallery.search(emb, k=1)
            if best and best[0][1] >= threshold:
                matches.append(FaceMatch(face_index=i, identity=best[0][0], score=best[0][1],
                                         threshold=threshold, matcher=self.matcher.id,
                                         identity_ref=self.gallery.pseudonym(best[0][0])))
        return faces, matches


def expand_box(box: tuple[float, float, float, float], margin: float, width: int,
               height: int) -> tuple[int, int, int, int]:
    """(x0, y0, x1, y1) integer pixel bounds of ``box`` grown by ``margin`` of its size per side, clipped."""
    x, y, w, h = box
    x0 = int(np.floor(max(0.0, x - margin * w)))
    y0 = int(np.floor(max(0.0, y - margin * h)))
    x1 = int(np.ceil(min(float(width), x + w + margin * w)))
    y1 = int(np.ceil(min(float(height), y + h + margin * h)))
    return x0, y0, x1, y1


def blur_faces(image: ImageSource, faces: list[Face], margin: float = 0.2) -> Image.Image:
    """Blur each face box (grown by ``margin``); every other pixel stays unchanged.

    The region is first pixelated to about 8 cells across, then Gaussian-blurred, so
    that no identifying detail survives even for large faces.

    Args:
        image: anything :func:`load_image` accepts.
        faces: faces whose boxes to blur.
        margin: fraction of the box width/height added on each side.

    Returns:
        A new RGB image.
    """
    if margin < 0:
        raise ConfigError(f"blur_faces margin must be >= 0, got {margin}")
    out = load_image(image).copy()
    w, h = out.size
    for face in faces:
        x0, y0, x1, y1 = expand_box(face.box, margin, w, h)
        if x1 - x0 < 1 or y1 - y0 < 1:
            continue
        region = out.crop((x0, y0, x1, y1))
        rw, rh = region.size
        cells = max(1, max(rw, rh) // 8)
        small = region.resize((max(1, rw // cells), max(1, rh // cells)), Image.Resampling.BILINEAR)
        region = small.resize((rw, rh), Image.Resampling.NEAREST).filter(ImageFilter.GaussianBlur(max(1.0, cells / 2)))
        out.paste(region, (x0, y0))
    return out
