"""Face quality gating: is a detected face good enough to verify against the gallery?

A face that is too small, too blurred or turned too far away gives embeddings whose
similarity to the right identity falls towards impostor scores: matching it would
silently miss (or, rarely, mismatch). Such a face is reported as *unverifiable*
(``Face.unverifiable`` lists the reasons) so that policy rules and reviewers can
treat it explicitly instead of trusting a "no match".

Measures (cheap, computed from what the detector and the aligner already give):

- ``size_px``: shorter side of the detector box in the image, in pixels;
- ``sharpness``: variance of the Laplacian of the aligned 112x112 grey crop (the
  crop is scale-normalised, so the value does not depend on the face's size);
- ``yaw``: horizontal offset of the nose tip from the eyes' midpoint, in units of
  the eye distance, measured along the eye line (0 frontal, about 0.5 and more in
  profile), from BlazeFace's keypoints.

Default limits were chosen on the development photos (see docs/faces.md and
``python benchmarks/faces.py --quality``): below them verification of the degraded
probes fails far more often than on clean photos.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from ..errors import ConfigError
from ..types import Face
from .align import align_face


@dataclass(frozen=True)
class FaceQuality:
    """Quality measures of one face and the reasons it is unverifiable (empty: verifiable)."""

    size_px: float
    sharpness: float
    yaw: float | None
    reasons: tuple[str, ...]

    @property
    def verifiable(self) -> bool:
        return not self.reasons


@dataclass(frozen=True)
class QualityGate:
    """Limits below which a face is unverifiable.

    Attributes:
        min_size_px: shorter side of the face box, pixels.
        min_sharpness: variance of the Laplacian of the aligned 112x112 grey crop.
        max_yaw: |nose offset from the eye midpoint| / eye distance (0 = frontal).
    """

    min_size_px: float = 20.0
    min_sharpness: float = 4.0
    max_yaw: float = 0.5

    def __post_init__(self) -> None:
        if self.min_size_px < 0 or self.min_sharpness < 0 or self.max_yaw <= 0:
            raise ConfigError(f"QualityGate limits must be >= 0 (max_yaw > 0), got {self}")

    def assess(self, rgb: np.ndarray, face: Face) -> FaceQuality:
        """Measure ``face`` in the HxWx3 uint8 image ``rgb`` and compare with the limits."""
        size = float(min(face.box[2], face.box[3]))
        sharp = sharpness(align_face(rgb, face, 112))
        yw = yaw(face)
        reasons = []
        if size < self.min_size_px:
            reasons.append("small")
        if sharp < self.min_sharpness:
            reasons.append("blurry")
        if yw is not None and yw > self.max_yaw:
            reasons.append("pose")
        return FaceQuality(size, sharp, yw, tuple(reasons))

    def mark(self, rgb: np.ndarray, faces: list[Face]) -> list[Face]:
        """``faces`` with ``unverifiable`` set from :meth:`assess` (same order)."""
        return [replace(f, unverifiable=self.assess(rgb, f).reasons) for f in faces]


def sharpness(crop: np.ndarray) -> float:
    """Variance of the 4-neighbour Laplacian of a grey version of ``crop`` (HxWx3 uint8)."""
    grey = crop.astype(np.float32) @ np.array([0.299, 0.587, 0.114], dtype=np.float32)
    lap = (grey[:-2, 1:-1] + grey[2:, 1:-1] + grey[1:-1, :-2] + grey[1:-1, 2:] - 4.0 * grey[1:-1, 1:-1])
    return float(lap.var())


def yaw(face: Face) -> float | None:
    """|nose-tip offset from the eyes' midpoint along the eye line| / eye distance; None without keypoints."""
    if len(face.keypoints) < 3:
        return None
    right, left, nose = (np.asarray(p, dtype=np.float64) for p in face.keypoints[:3])
    axis = left - right
    dist = float(np.linalg.norm(axis))
    if dist < 1e-6:
        return None
    return abs(float((nose - (right + left) / 2) @ axis)) / (dist * dist)
