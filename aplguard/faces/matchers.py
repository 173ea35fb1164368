"""Face matchers: ``embed(image, face) -> unit vector``, compared by cosine similarity.

Backends:

- ``sface`` (default): SFace 128-d, OpenCV Zoo, Apache-2.0, aligned from the
  detector's keypoints; run with onnxruntime (graph rewritten in memory, faces of
  an image batched) or, without it, OpenCV's dnn module (the
  ``opencv-contrib-python`` that mediapipe installs).
- ``dlib``: dlib's ResNet 128-d model (CC0) with its 5-point aligner; needs ``dlib-bin``.
- ``insightface``: ArcFace ``w600k_r50.onnx`` from insightface's ``buffalo_l`` pack,
  which users must obtain themselves (its licence is NON-COMMERCIAL research only);
  run with onnxruntime when installed, else OpenCV's dnn.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np

from .._deps import require
from ..errors import ConfigError, FaceError, ModelFileError
from ..registry import Registry
from ..types import Face
from .align import align_face
from .calibration import calibration_table
from .image import ImageSource, check_native_size, load_image
from .models import ModelStore, default_home


def _shipped_calibration() -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for name, entry in calibration_table().get("matchers", {}).items():
        at = entry["at_shipped_threshold"]["dev_all_photo_pairs"]
        out[name] = {"threshold": float(entry["threshold"]), "source": entry["threshold_source"],
                     "far": at["far"]["rate"], "frr": at["frr"]["rate"],
                     "far_wilson95": at["far"]["wilson95"], "frr_wilson95": at["frr"]["wilson95"],
                     "pairs": at["far"]["n"] + at["frr"]["n"],
                     "command": "python benchmarks/faces.py --calibrate"}
    # Commonly used value for ArcFace r50 cosine; NOT calibrated here (no weights ship in a registry).
    out["insightface"] = {"threshold": 0.30, "source": "commonly used value, not calibrated here",
                          "far": None, "frr": None, "pairs": None,
                          "command": "not calibrated: buffalo_l is not available offline"}
    return out


#: Shipped cosine thresholds per matcher, from ``aplguard/faces/calibration.json``
#: (``python benchmarks/faces.py --calibrate``; dev photos, never the holdout). SFace
#: uses its model's published operating point (0.363); dlib the threshold whose fitted
#: impostor FAR is 0.001, a method checked by leave-identities-out cross-validation.
#: FAR/FRR are on every pair of dev photos, with 95 % Wilson intervals.
CALIBRATION: dict[str, dict[str, Any]] = _shipped_calibration()


@runtime_checkable
class FaceMatcher(Protocol):
    """What :class:`~aplguard.faces.Gallery` and :class:`~aplguard.faces.FaceAuditor` need.

    Attributes:
        id: stable id stored with gallery embeddings (embeddings of different
            matchers are not comparable).
        threshold: cosine similarity at or above which two faces are the same person.
    """

    id: str
    threshold: float

    def embed(self, image: ImageSource, face: Face) -> np.ndarray:
        """Unit-length float32 embedding of ``face`` in ``image``."""
        ...


def _rgb(image: ImageSource) -> np.ndarray:
    if isinstance(image, np.ndarray) and image.dtype == np.uint8 and image.ndim == 3 and image.shape[2] == 3:
        check_native_size(int(image.shape[1]), int(image.shape[0]), "face matcher input")
        return image
    return np.asarray(load_image(image))


def _unit(vec: np.ndarray, who: str) -> np.ndarray:
    flat = np.asarray(vec, dtype=np.float32).reshape(-1)
    norm = float(np.linalg.norm(flat))
    if not np.isfinite(norm) or norm == 0.0:
        raise FaceError(f"{who}: embedding is zero or not finite")
    unit: np.ndarray = flat / np.float32(norm)
    return unit


def cosine(a: np.ndarray, b: np.ndarray) -> float:
    """Cosine similarity of two embeddings."""
    return float(np.dot(_unit(a, "a"), _unit(b, "b")))


class _OnnxMatcher:
    """Shared code of the 112x112 aligned-crop ONNX matchers (SFace, ArcFace)."""

    id = ""
    threshold = 0.0
    _input_name = ""

    def __init__(self, threshold: float | None) -> None:
        if threshold is not None and not -1.0 <= threshold <= 1.0:
            raise ConfigError(f"{self.id} threshold must be a cosine in [-1, 1], got {threshold}")
        self.threshold = float(CALIBRATION[self.id]["threshold"] if threshold is None else threshold)
        self._net: Any = None  # a cv2.dnn Net or an _OrtNet (OpenCV has no type information)
        self._lock = threading.Lock()  # a cv2.dnn Net is not thread-safe

    def _model_path(self) -> Path:  # pragma: no cover - overridden
        raise NotImplementedError

    def _blob(self, crop: np.ndarray) -> np.ndarray:  # pragma: no cover - overridden
        raise NotImplementedError

    def load(self) -> _OnnxMatcher:
        """Load the model now (otherwise on first :meth:`embed`)."""
        with self._lock:
            self._load_locked()
        return self

    def _load_locked(self) -> None:
        if self._net is not None:
            return
        cv2 = require("cv2", "faces")
        path = self._model_path()
        try:
            self._net = cv2.dnn.readNetFromONNX(str(path))
        except cv2.error as exc:
            raise FaceError(f"cannot load {self.id} model {path}: {exc}") from exc

    def embed(self, image: ImageSource, face: Face) -> np.ndarray:
        """Unit-length float32 embedding of ``face`` (aligned from its keypoints)."""
        row: np.ndarray = self.embed_many(image, [face])[0]
        return row

    def embed_many(self, image: ImageSource, faces: list[Face]) -> np.ndarray:
        """Unit-length float32 embeddings of ``faces`` in ``image``, one row per face.

        The image is converted once; a batched runtime runs all faces in one call.
        """
        rgb = _rgb(image)
        blobs = [self._blob(align_face(rgb, face, 112)) for face in faces]
        if not blobs:
            return np.zeros((0, 0), dtype=np.float32)
        with self._lock:
            self._load_locked()
            net = self._net
        if isinstance(net, _OrtNet):  # thread-safe and batched: no lock, one call
            out = net.run(np.concatenate(blobs))
        else:
            rows = []
            with self._lock:
                for blob in blobs:
                    try:
                        # The SFace graph declares unused inputs: name the real one.
                        net.setInput(blob, self._input_name)
                        rows.append(np.asarray(net.forward()).reshape(-1))
                    except Exception as exc:  # noqa: BLE001
                        raise FaceError(f"{self.id} embedding failed: {exc}") from exc
            out = np.stack(rows)
        unit: np.ndarray = np.stack([_unit(row, self.id) for row in out.reshape(len(blobs), -1)])
        return unit


#: ``SFaceMatcher(backend=...)`` choices: "auto" takes onnxruntime when installed.
SFACE_BACKENDS = ("auto", "onnxruntime", "opencv")


class SFaceMatcher(_OnnxMatcher):
    """SFace (OpenCV Zoo, Apache-2.0) 128-d embeddings.

    Runs with onnxruntime when installed (the graph rewritten in memory by
    :mod:`aplguard.faces.onnx_graph`, all faces of an image in one call), else with
    OpenCV's dnn module, one face at a time. Both give the same embeddings (cosine
    >= 0.9999); onnxruntime is faster (``python benchmarks/faces.py``).

    Args:
        store: model store holding ``sface``.
        threshold: cosine threshold; default the calibrated value in :data:`CALIBRATION`.
        backend: ``"auto"`` (onnxruntime if installed, else OpenCV), ``"onnxruntime"`` or ``"opencv"``.
        threads: onnxruntime intra-op threads for this matcher's session (default 2,
            or 1 on a 1-CPU host: on the 2-core benchmark machine 2 threads were faster
            than 1 both idle and under load, ``benchmarks/faces.py``). Nothing
            process-wide is changed.
    """

    id = "sface"
    _input_name = "data"

    def __init__(self, store: ModelStore | None = None, threshold: float | None = None,
                 backend: str = "auto", threads: int | None = None) -> None:
        if backend not in SFACE_BACKENDS:
            raise ConfigError(f"sface backend must be one of {', '.join(SFACE_BACKENDS)}, got {backend!r}")
        if threads is None:
            threads = min(2, os.cpu_count() or 1)
        if not isinstance(threads, int) or isinstance(threads, bool) or threads < 1:
            raise ConfigError(f"sface threads must be an integer >= 1, got {threads!r}")
        self.store = store or ModelStore()
        self.backend = backend
        self.threads = threads
        super().__init__(threshold)

    @property
    def runtime(self) -> str:
        """The runtime in use once loaded: ``"onnxruntime"`` or ``"opencv"`` (``""`` before)."""
        net = self._net
        return "" if net is None else ("onnxruntime" if isinstance(net, _OrtNet) else "opencv")

    def _model_path(self) -> Path:
        return self.store.path("sface")

    def _load_locked(self) -> None:
        if self._net is not None:
            return
        if self.backend == "opencv":
            return super()._load_locked()
        if self.backend == "auto":
            try:
                import onnxruntime  # noqa: F401
            except ImportError:
                return super()._load_locked()
        from .onnx_graph import rewrite_for_onnxruntime

        path = self._model_path()
        model, _ = rewrite_for_onnxruntime(path.read_bytes())
        self._net = _OrtNet(_ort_session(model, self.threads, str(path)), self._input_name)

    def _blob(self, crop: np.ndarray) -> np.ndarray:
        # SFace takes RGB 0..255 NCHW (OpenCV's FaceRecognizerSF swaps its BGR input).
        return np.ascontiguousarray(crop.transpose(2, 0, 1)[None], dtype=np.float32)


def _ort_session(model: bytes | str, threads: int, where: str) -> Any:
    """An onnxruntime CPU session with its own options (no process-wide setting)."""
    ort = require("onnxruntime", "faces")
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = threads
    opts.inter_op_num_threads = 1
    opts.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    opts.log_severity_level = 3  # this session's warnings about the exporter's graph are not the user's concern
    # Fold the weight-only int8 dequantisation into float weights once, at load:
    # with QDQ handling on, onnxruntime keeps DequantizeLinear nodes and runs them
    # on every call (no activation is quantised, so there is nothing to fuse).
    opts.add_session_config_entry("session.disable_quant_qdq", "1")
    # Threads that wait spin by default, taking CPU from the rest of the host.
    opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
    try:
        return ort.InferenceSession(model, opts, providers=["CPUExecutionProvider"])
    except Exception as exc:  # noqa: BLE001 - onnxruntime raises its own untyped errors
        raise FaceError(f"cannot load model {where} with onnxruntime: {exc}") from exc


def _insightface_default() -> Path:
    for root in (default_home() / "insightface", Path.home() / ".insightface" / "models"):
        candidate = root / "buffalo_l" / "w600k_r50.onnx"
        if candidate.is_file():
            return candidate
    return default_home() / "insightface" / "buffalo_l" / "w600k_r50.onnx"


class InsightFaceMatcher(_OnnxMatcher):
    """ArcFace r50 (insightface ``buffalo_l``: NON-COMMERCIAL licence) 512-d embeddings.

    aplguard does not distribute these weights. Put ``w600k_r50.onnx`` in
    ``$APLGUARD_HOME/insightface/buffalo_l/`` or ``~/.insightface/models/buffalo_l/``,
    or pass ``model_path``.

    Args:
        model_path: the recognition ``.onnx`` file.
        threshold: cosine threshold (default 0.30, not calibrated by aplguard).
    """

    id = "insightface"
    _input_name = "input.1"

    def __init__(self, model_path: str | os.PathLike[str] | None = None, threshold: float | None = None,
                 store: ModelStore | None = None) -> None:
        self.model_path = Path(model_path) if model_path else None
        super().__init__(threshold)

    def _model_path(self) -> Path:
        path = self.model_path or _insightface_default()
        if not path.is_file():
            raise ModelFileError(
                f"insightface model {path} not found; aplguard cannot download it (buffalo_l is "
                "licensed for non-commercial research only): obtain w600k_r50.onnx yourself and "
                "pass model_path or place it there")
        return path

    def _load_locked(self) -> None:
        if self._net is not None:
            return
        try:
            import onnxruntime  # noqa: F401 - preferred: insightface's own runtime
        except ImportError:
            return super()._load_locked()
        path = self._model_path()
        session = _ort_session(str(path), 1, str(path))
        self._net = _OrtNet(session, session.get_inputs()[0].name)

    def _blob(self, crop: np.ndarray) -> np.ndarray:
        x = (crop.astype(np.float32) - 127.5) / 127.5
        return np.ascontiguousarray(x.transpose(2, 0, 1)[None])


class _OrtNet:
    """An onnxruntime session and its input name (``run`` is thread-safe in onnxruntime)."""

    def __init__(self, session: Any, name: str) -> None:
        self._session, self._name = session, name

    def run(self, batch: np.ndarray) -> np.ndarray:
        try:
            out: np.ndarray = np.asarray(self._session.run(None, {self._name: batch})[0])
        except Exception as exc:  # noqa: BLE001 - onnxruntime raises its own untyped errors
            raise FaceError(f"embedding failed: {exc}") from exc
        return out


class DlibMatcher:
    """dlib ResNet (CC0) 128-d embeddings, aligned by dlib's 5-point predictor.

    Args:
        store: model store holding ``dlib-resnet`` and ``dlib-5point``.
        threshold: cosine threshold; default the calibrated value in :data:`CALIBRATION`.
        jitter: dlib's ``num_jitters`` (more is slower and slightly more accurate).
    """

    id = "dlib"

    def __init__(self, store: ModelStore | None = None, threshold: float | None = None, jitter: int = 0) -> None:
        self.store = store or ModelStore()
        self.threshold = float(CALIBRATION["dlib"]["threshold"] if threshold is None else threshold)
        self.jitter = int(jitter)
        self._models: tuple[Any, Any, Any] | None = None  # (dlib module, shape predictor, network)
        self._lock = threading.Lock()

    def load(self) -> DlibMatcher:
        """Load the model now (otherwise on first :meth:`embed`)."""
        with self._lock:
            self._load_locked()
        return self

    def _load_locked(self) -> None:
        if self._models is None:
            dlib = require("dlib", "dlib")
            self._models = (dlib, dlib.shape_predictor(str(self.store.path("dlib-5point"))),
                            dlib.face_recognition_model_v1(str(self.store.path("dlib-resnet"))))

    def embed(self, image: ImageSource, face: Face) -> np.ndarray:
        """Unit-length float32 embedding of ``face``."""
        rgb = np.ascontiguousarray(_rgb(image))
        x, y, w, h = face.box
        with self._lock:
            self._load_locked()
            assert self._models is not None
            dlib, predictor, net = self._models
            try:
                rect = dlib.rectangle(int(x), int(y), int(x + w), int(y + h))
                chip = dlib.get_face_chip(rgb, predictor(rgb, rect), size=150, padding=0.25)
                vec = np.array(net.compute_face_descriptor(chip, self.jitter))
            except Exception as exc:  # noqa: BLE001
                raise FaceError(f"dlib embedding failed: {exc}") from exc
        return _unit(vec, "dlib")


def embed_faces(matcher: FaceMatcher, image: ImageSource, faces: list[Face]) -> list[np.ndarray]:
    """Embeddings of ``faces`` in ``image``: one batched call when the matcher has
    ``embed_many`` (SFace, ArcFace), else one :meth:`FaceMatcher.embed` per face."""
    many = getattr(matcher, "embed_many", None)
    if many is not None and faces:
        return list(many(image, faces))
    return [matcher.embed(image, face) for face in faces]


def matcher_registry() -> Registry[FaceMatcher]:
    """A fresh registry of matcher factories: ``sface``, ``dlib``, ``insightface``.

    Plug-ins register through the ``aplguard.face_matchers`` entry-point group.
    """
    reg: Registry[FaceMatcher] = Registry("face matcher", "aplguard.face_matchers")
    reg.register("sface", SFaceMatcher)
    reg.register("dlib", DlibMatcher)
    reg.register("insightface", InsightFaceMatcher)
    return reg
