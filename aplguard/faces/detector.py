"""Face detection with mediapipe's Tasks ``FaceDetector`` on the BlazeFace models.

Two BlazeFace variants: short-range (128x128 input, faces that fill a good part of
the frame) and full-range (192x192, small and distant faces). ``model="auto"`` is a
cascade: the short-range model first, and the full-range model only when it can
change the answer (see :func:`needs_full_range`), plus the full-range model on
overlapping tiles when the image is large; boxes are merged with non-maximum
suppression. ``model="both"`` always runs both models (the pre-cascade behaviour).

Native log lines: mediapipe's runtime (LiteRT/TFLite, absl) writes a few set-up
lines straight to the process's stderr when a model loads and on its first
inference. This module leaves them alone: silencing them would mean redirecting
file descriptor 2 or changing the environment, both process-wide, which in a
threaded server would hide every other thread's errors too. See docs/faces.md for
how a deployment can filter them itself.
"""

from __future__ import annotations

import threading
import weakref
from types import TracebackType
from typing import Any, Protocol, runtime_checkable

import numpy as np

from .._deps import require
from ..errors import AplGuardError, ConfigError, FaceError
from ..types import Face
from .image import ImageSource, load_image
from .models import ModelStore

_MODELS = {"short": "blazeface-short", "full": "blazeface-full"}

#: In ``auto`` mode the full-range model is skipped when the short-range model found
#: exactly one face whose shorter box side is at least this fraction of the image's
#: shorter side: a close-up portrait. Measured on the dev photos: every face the
#: full-range model adds (group photos, distant people) comes with short-range faces
#: below 0.29 of the frame, or with none or several short-range faces.
CLOSE_UP_FRACTION = 0.3


def needs_full_range(short_faces: list[Face], width: int, height: int,
                     close_up_fraction: float = CLOSE_UP_FRACTION) -> bool:
    """Whether the full-range model can change the short-range model's answer.

    The short-range model sees the image at 128x128 and misses faces smaller than
    about a fifth of the frame. Its answer is final only for a close-up: exactly
    one face, at least ``close_up_fraction`` of the shorter image side. No face
    (small faces may be there), several faces (a group: others may be distant) or
    one small face (a scene, not a portrait) all run the full-range model.
    """
    if len(short_faces) != 1:
        return True
    box = short_faces[0].box
    return min(box[2], box[3]) < close_up_fraction * min(width, height)


def iou(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> float:
    """Intersection over union of two (x, y, w, h) boxes."""
    ax2, ay2, bx2, by2 = a[0] + a[2], a[1] + a[3], b[0] + b[2], b[1] + b[3]
    iw = max(0.0, min(ax2, bx2) - max(a[0], b[0]))
    ih = max(0.0, min(ay2, by2) - max(a[1], b[1]))
    inter = iw * ih
    union = a[2] * a[3] + b[2] * b[3] - inter
    return inter / union if union > 0 else 0.0


def nms(faces: list[Face], threshold: float = 0.3) -> list[Face]:
    """Keep the highest-scoring face of every group overlapping by more than ``threshold`` IoU."""
    kept: list[Face] = []
    for face in sorted(faces, key=lambda f: f.score, reverse=True):
        if all(iou(face.box, k.box) <= threshold for k in kept):
            kept.append(face)
    return kept


@runtime_checkable
class SupportsDetect(Protocol):
    """What :class:`~aplguard.faces.FaceAuditor` and :meth:`Gallery.add` need from a face detector."""

    def detect(self, image: ImageSource) -> list[Face]:
        """Faces in ``image``, most confident first."""
        ...


class FaceDetector:
    """BlazeFace face detector (mediapipe Tasks API).

    Args:
        store: where the model files are; default :class:`ModelStore()`.
        min_score: minimum detection confidence in [0, 1].
        model: ``"short"``, ``"full"``, ``"auto"`` (short-range first, full-range only
            when :func:`needs_full_range`; tiles for large images) or ``"both"``
            (both models always, plus tiles).
        tile_above: in ``auto`` mode, images whose longer side exceeds this many
            pixels are also scanned in overlapping tiles.
        tile_size: side of those tiles in pixels (BlazeFace full-range sees each
            tile at 192x192, so a 512 px tile finds faces down to about 30 px).

    The models load on first use; :meth:`close` frees them (also done at exit).
    """

    def __init__(self, store: ModelStore | None = None, min_score: float = 0.5, model: str = "auto",
                 tile_above: int = 1024, tile_size: int = 512) -> None:
        if model not in ("auto", "both", "short", "full"):
            raise ConfigError(f"FaceDetector model must be 'auto', 'both', 'short' or 'full', got {model!r}")
        if not 0.0 <= min_score <= 1.0:
            raise ConfigError(f"FaceDetector min_score must be in [0, 1], got {min_score}")
        if tile_above < 256 or not 128 <= tile_size <= tile_above:
            raise ConfigError(f"FaceDetector needs tile_above >= 256 and 128 <= tile_size <= tile_above, "
                              f"got {tile_above}, {tile_size}")
        self.store = store or ModelStore()
        self.min_score = float(min_score)
        self.model = model
        self.tile_above = int(tile_above)
        self.tile_size = int(tile_size)
        self.id = f"blazeface-{model}"
        self._tasks: dict[str, Any] = {}  # mediapipe FaceDetector tasks (untyped)
        self._lock = threading.Lock()  # mediapipe tasks are not re-entrant

    def load(self) -> FaceDetector:
        """Load the model(s) now (otherwise on first :meth:`detect`)."""
        with self._lock:
            self._load_locked()
        return self

    def _load_locked(self) -> None:
        if self._tasks:
            return
        require("mediapipe", "faces")
        from mediapipe.tasks.python import BaseOptions, vision

        kinds = ["short", "full"] if self.model in ("auto", "both") else [self.model]
        tasks: dict[str, Any] = {}
        for kind in kinds:
            path = self.store.dir / self.store.spec(_MODELS[kind]).filename
            try:
                path = self.store.path(_MODELS[kind])
                options = vision.FaceDetectorOptions(base_options=BaseOptions(model_asset_path=str(path)),
                                                     min_detection_confidence=self.min_score)
                tasks[kind] = vision.FaceDetector.create_from_options(options)
            except Exception as exc:
                _close_all(list(tasks.values()))  # all or nothing: a later call retries every model
                if isinstance(exc, AplGuardError):
                    raise
                raise FaceError(f"cannot load face detector model {path}: {exc}") from exc
        self._tasks = tasks
        # Close the tasks before interpreter teardown (mediapipe's __del__ fails late).
        weakref.finalize(self, _close_all, list(self._tasks.values()))

    def close(self) -> None:
        """Free the loaded models; a later :meth:`detect` loads them again."""
        with self._lock:
            _close_all(list(self._tasks.values()))
            self._tasks = {}

    def __enter__(self) -> FaceDetector:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def detect(self, image: ImageSource) -> list[Face]:
        """Detect faces.

        Args:
            image: anything :func:`load_image` accepts (path, bytes, PIL, numpy,
                torch tensor); its size is checked before mediapipe sees it.

        Returns:
            Faces sorted by score (highest first), boxes clipped to the image.

        Raises:
            ImageError: the image cannot be decoded.
            FaceError: the detector failed.
        """
        rgb = np.asarray(load_image(image))
        with self._lock:
            self._load_locked()
            h, w = rgb.shape[:2]
            faces = self._run("short", rgb, 0, 0) if "short" in self._tasks else []
            confident = [f for f in faces if f.score >= self.min_score]
            if "full" in self._tasks and (self.model != "auto" or needs_full_range(confident, w, h)):
                faces += self._run("full", rgb, 0, 0)
            if self.model in ("auto", "both") and max(h, w) > self.tile_above:
                faces += self._tiles(rgb)
        return [f for f in nms(faces) if f.score >= self.min_score]

    def _tiles(self, rgb: np.ndarray) -> list[Face]:
        h, w = rgb.shape[:2]
        size = self.tile_size
        step = size * 3 // 4  # 25 % overlap so a face on a seam is whole in some tile
        out: list[Face] = []
        for y in range(0, max(h - size, 0) + step, step):
            for x in range(0, max(w - size, 0) + step, step):
                y0, x0 = min(y, max(h - size, 0)), min(x, max(w - size, 0))
                out += self._run("full", rgb[y0:y0 + size, x0:x0 + size], x0, y0)
        return out

    def _run(self, kind: str, rgb: np.ndarray, x0: int, y0: int) -> list[Face]:
        import mediapipe as mp

        h, w = rgb.shape[:2]
        try:
            result = self._tasks[kind].detect(mp.Image(image_format=mp.ImageFormat.SRGB,
                                                       data=np.ascontiguousarray(rgb)))
        except Exception as exc:  # noqa: BLE001
            raise FaceError(f"face detection ({kind}-range) failed: {exc}") from exc
        faces: list[Face] = []
        for det in result.detections:
            bb = det.bounding_box
            bx0, by0 = max(0.0, float(bb.origin_x)), max(0.0, float(bb.origin_y))
            bx1, by1 = min(float(w), float(bb.origin_x + bb.width)), min(float(h), float(bb.origin_y + bb.height))
            if bx1 - bx0 < 2 or by1 - by0 < 2:
                continue
            kps = tuple((x0 + kp.x * w, y0 + kp.y * h) for kp in det.keypoints)
            score = float(det.categories[0].score) if det.categories else 0.0
            faces.append(Face(box=(x0 + bx0, y0 + by0, bx1 - bx0, by1 - by0), score=min(max(score, 0.0), 1.0),
                              keypoints=kps, detector=f"blazeface-{kind}"))
        return faces


def _close_all(tasks: list[Any]) -> None:
    for task in tasks:
        try:
            task.close()
        except Exception:  # noqa: BLE001 - closing must never raise
            # At interpreter exit mediapipe's dispatcher thread pool is already shut down;
            # dropping the handle stops its __del__ from failing noisily a second time.
            try:
                task._handle = None
            except Exception:  # noqa: BLE001
                pass
