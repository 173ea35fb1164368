"""Face-check inputs an attacker controls: oversized images, every pipeline output type, process-wide state.

Regression tests for issues 11 and 12:

- an image with a side >= 32767 px (117 KB as PNG, under the 40-megapixel cap) used to
  abort the whole process inside OpenCV (SIGABRT); now it is refused per item with an
  ImageError before any native code sees it, everywhere an image enters;
- ``to_pil`` / ``restore_type`` (aplguard.faces.image) convert every output type (PIL,
  uint8 / float numpy, float torch tensor CHW) to PIL and back without changing its type,
  dtype, layout or range (a uint8 image used to come back all black);
- a torch tensor is never mistaken for a PIL image by ``FaceAuditor.analyze``;
- loading the face detector changes neither the environment nor file descriptor 2.

These tests run in-process on purpose: surviving is what they check.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from aplguard.errors import ImageError
from aplguard.faces import ModelStore, blur_faces, load_image
from aplguard.faces.image import MAX_SIDE, NATIVE_MAX_SIDE, restore_type, to_pil
from aplguard.types import Face

HUGE = 32_767  # OpenCV's SHRT_MAX: a side this long aborted the process


# ---- fixtures (tests/faces/conftest.py is not visible from here) -------------------------
@pytest.fixture(scope="module")
def model_store() -> ModelStore:
    pytest.importorskip("mediapipe", reason="mediapipe is not installed (pip install 'aplguard[faces]')")
    pytest.importorskip("cv2", reason="OpenCV is not installed (pip install 'aplguard[faces]')")
    store = ModelStore()
    missing = [n for n in ("blazeface-short", "blazeface-full", "sface") if not store.has(n)]
    if missing:
        pytest.skip(f"face models {missing} are not in {store.dir}; run: aplguard models pull")
    return store


@pytest.fixture(scope="module")
def detector(model_store):
    from aplguard.faces import FaceDetector

    det = FaceDetector(model_store).load()
    yield det
    det.close()


@pytest.fixture(scope="module")
def sface(model_store):
    from aplguard.faces import SFaceMatcher

    return SFaceMatcher(model_store).load()


@pytest.fixture(scope="module")
def astronaut() -> np.ndarray:
    skdata = pytest.importorskip("skimage.data", reason="scikit-image provides the test photos")
    return skdata.astronaut()


@pytest.fixture
def huge_pngs(tmp_path) -> dict[str, Path]:
    """Valid PNG files 32767x1 and 1x32767 (tiny on disk, within the pixel cap)."""
    out = {}
    for name, size in (("wide.png", (HUGE, 1)), ("tall.png", (1, HUGE))):
        path = tmp_path / name
        Image.new("RGB", size, (128, 128, 128)).save(path)
        out[name] = path
    return out


@pytest.fixture
def astronaut_png(tmp_path, astronaut) -> Path:
    path = tmp_path / "astronaut.png"
    Image.fromarray(astronaut).save(path)
    return path


def _huge_inputs(huge_pngs: dict[str, Path]) -> list[object]:
    wide = huge_pngs["wide.png"]
    return [wide, str(huge_pngs["tall.png"]), wide.read_bytes(), Image.open(wide),
            np.zeros((1, HUGE, 3), np.uint8), np.zeros((HUGE, 1), np.float32)]


# ---- oversized images --------------------------------------------------------------
def test_load_image_refuses_a_side_over_the_cap_for_every_input_kind(huge_pngs):
    for source in _huge_inputs(huge_pngs):
        with pytest.raises(ImageError, match=f"side over the cap of {MAX_SIDE} px"):
            load_image(source)
    with pytest.raises(ImageError, match="wide.png"):  # the file is named
        load_image(huge_pngs["wide.png"])
    assert load_image(np.zeros((1, MAX_SIDE, 3), np.uint8)).size == (MAX_SIDE, 1)  # at the cap: accepted


def test_load_image_max_side_cannot_be_raised_past_what_opencv_survives():
    from aplguard.errors import ConfigError

    with pytest.raises(ConfigError, match="max_side"):
        load_image(np.zeros((1, 8, 3), np.uint8), max_side=HUGE)
    assert load_image(np.zeros((1, NATIVE_MAX_SIDE, 3), np.uint8), max_side=NATIVE_MAX_SIDE).size[0] == NATIVE_MAX_SIDE


def test_the_pixel_cap_still_applies_from_the_header(tmp_path):
    with pytest.raises(ImageError, match="exceeds the cap of 100"):
        load_image(np.zeros((20, 20, 3), np.uint8), max_pixels=100)


def test_torch_tensor_sizes_are_checked_before_conversion():
    torch = pytest.importorskip("torch")
    with pytest.raises(ImageError, match="side over the cap"):
        load_image(torch.zeros(3, 1, HUGE))
    with pytest.raises(ImageError, match="side over the cap"):
        to_pil(torch.zeros(1, 3, HUGE, 1))


def test_detector_refuses_huge_images_and_keeps_working(detector, huge_pngs, astronaut):
    for source in _huge_inputs(huge_pngs):
        with pytest.raises(ImageError, match="side over the cap"):
            detector.detect(source)
    assert len(detector.detect(astronaut)) == 1  # the process and the detector survive


def test_matcher_and_alignment_refuse_arrays_opencv_cannot_take(sface):
    from aplguard.faces.align import align_face

    face = Face(box=(0.0, 0.0, 1.0, 1.0), score=1.0)
    wide = np.zeros((1, HUGE, 3), np.uint8)  # decoded by the caller: skips load_image
    with pytest.raises(ImageError, match=str(NATIVE_MAX_SIDE)):
        sface.embed(wide, face)
    with pytest.raises(ImageError, match=str(NATIVE_MAX_SIDE)):
        align_face(wide, face)


def test_gallery_add_rejects_the_huge_photo_and_enrols_the_rest(tmp_path, detector, sface, huge_pngs, astronaut_png):
    from aplguard.faces import Gallery

    gallery = Gallery.create(tmp_path / "g")
    report = gallery.add("Someone", [huge_pngs["wide.png"], astronaut_png, huge_pngs["tall.png"]], detector, sface)
    assert report.accepted == [str(astronaut_png)]
    assert [s for s, _ in report.rejected] == [str(huge_pngs["wide.png"]), str(huge_pngs["tall.png"])]
    assert all("side over the cap" in reason for _, reason in report.rejected)
    assert len(Gallery.open(tmp_path / "g")) == 1


def test_auditor_refuses_huge_images(detector, huge_pngs):
    from aplguard.faces import FaceAuditor

    auditor = FaceAuditor(detector)
    for source in _huge_inputs(huge_pngs):
        with pytest.raises(ImageError, match="side over the cap"):
            auditor.analyze(source)


def _lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_cli_batches_report_the_huge_image_and_go_on(tmp_path, model_store, huge_pngs, astronaut_png, capsys):
    from aplguard.cli import main

    home = str(model_store.home)
    wide, tall = str(huge_pngs["wide.png"]), str(huge_pngs["tall.png"])
    ok = str(astronaut_png)

    assert main(["faces", "detect", wide, ok, tall, "--json", "--home", home]) == 0
    out = capsys.readouterr()
    lines = _lines(out.out)
    assert [line["path"] for line in lines] == [wide, ok, tall]
    assert "side over the cap" in lines[0]["error"] and wide in lines[0]["error"]
    assert lines[1]["error"] is None and len(lines[1]["faces"]) == 1
    assert "side over the cap" in lines[2]["error"]
    assert "Traceback" not in out.err

    gallery = str(tmp_path / "gallery")
    assert main(["gallery", "add", "--gallery", gallery, "Someone", wide, ok, "--json", "--home", home]) == 0
    report = _lines(capsys.readouterr().out)[0]
    assert report["accepted"] == [ok]
    assert report["rejected"][0]["source"] == wide and "side over the cap" in report["rejected"][0]["reason"]

    assert main(["gallery", "match", "--gallery", gallery, tall, ok, "--json", "--home", home]) == 0
    lines = _lines(capsys.readouterr().out)
    assert "side over the cap" in lines[0]["error"] and lines[0]["matches"] == []
    assert lines[1]["error"] is None and lines[1]["matches"][0]["identity"] == "Someone"


def test_cli_single_item_commands_report_the_huge_image(tmp_path, model_store, huge_pngs, astronaut_png, capsys):
    from aplguard.cli import main

    home = str(model_store.home)
    wide = str(huge_pngs["wide.png"])
    # compare: a photo that cannot be used is reported like a 0-byte or corrupt one (exit 1, error in the line).
    assert main(["faces", "compare", wide, str(astronaut_png), "--json", "--home", home]) == 1
    result = _lines(capsys.readouterr().out)[0]
    assert result["similarity"] is None and result["same"] is False
    assert wide in result["error"] and "side over the cap" in result["error"]
    # gallery add with nothing usable: exit 1, nothing enrolled, the process survives.
    gallery = str(tmp_path / "g2")
    assert main(["gallery", "add", "--gallery", gallery, "X", wide, "--json", "--home", home]) == 1
    report = _lines(capsys.readouterr().out)[0]
    assert report["accepted"] == [] and "side over the cap" in report["rejected"][0]["reason"]


# ---- to_pil / restore_type -----------------------------------------------------------
@pytest.fixture
def rgb8() -> np.ndarray:
    rng = np.random.default_rng(1)
    return rng.integers(0, 256, (24, 40, 3), dtype=np.uint8)


def _pixels(image: object) -> np.ndarray:
    """HxWx3 float64 in [0, 1] of any output type, for comparisons."""
    if isinstance(image, Image.Image):
        return np.asarray(image, dtype=np.float64) / 255.0
    if isinstance(image, np.ndarray):
        arr = image[0] if image.ndim == 4 else image
        return arr.astype(np.float64) / (255.0 if arr.dtype == np.uint8 else 1.0)
    t = image.detach().cpu()  # torch
    t = t[0] if t.ndim == 4 else t
    return t.permute(1, 2, 0).double().numpy() / (255.0 if str(t.dtype) == "torch.uint8" else 1.0)


def _outputs(rgb8: np.ndarray) -> dict[str, object]:
    floats = rgb8.astype(np.float32) / 255.0
    out: dict[str, object] = {"pil": Image.fromarray(rgb8), "np-uint8": rgb8, "np-float32": floats,
                              "np-float64-batch": floats.astype(np.float64)[None]}
    try:
        import torch
    except ImportError:
        return out
    chw = torch.from_numpy(floats.transpose(2, 0, 1).copy())
    out.update({"pt-float32": chw, "pt-float16-batch": chw.half()[None], "pt-uint8": (chw * 255).round().to(torch.uint8)})
    return out


def test_to_pil_gives_the_same_rgb_image_for_every_output_type(rgb8):
    for name, image in _outputs(rgb8).items():
        pil = to_pil(image)
        assert isinstance(pil, Image.Image) and pil.mode == "RGB" and pil.size == (40, 24), name
        assert np.abs(np.asarray(pil).astype(int) - rgb8).max() <= 1, name


def test_restore_type_round_trip_keeps_type_dtype_layout_and_values(rgb8):
    for name, image in _outputs(rgb8).items():
        back = restore_type(image, to_pil(image))
        assert type(back) is type(image), name
        if not isinstance(image, Image.Image):
            assert back.dtype == image.dtype and tuple(back.shape) == tuple(image.shape), name
        if hasattr(image, "device"):
            assert back.device == image.device, name
        assert np.abs(_pixels(back) - _pixels(image)).max() <= 1 / 255 + 1e-3, name  # float16 rounding


def test_blurred_uint8_output_is_not_black_and_changes_only_the_box(rgb8):
    face = Face(box=(8.0, 4.0, 16.0, 12.0), score=1.0)
    for name, image in _outputs(rgb8).items():
        blurred = restore_type(image, blur_faces(to_pil(image), [face], margin=0.0))
        px, orig = _pixels(blurred), _pixels(image)
        assert px.mean() > 0.25, name  # the bug: uint8 came back all black
        outside = np.ones(px.shape[:2], bool)
        outside[4:16, 8:24] = False
        assert np.abs(px[outside] - orig[outside]).max() <= 1 / 255 + 1e-3, name
        assert np.abs(px[~outside] - orig[~outside]).max() > 0.05, name


def test_restore_type_keeps_grayscale_and_alpha(rgb8):
    gray = rgb8[:, :, 0]
    back = restore_type(gray, to_pil(gray))
    assert back.shape == gray.shape and back.dtype == np.uint8 and np.array_equal(back, gray)
    alpha = np.dstack([rgb8, np.arange(24 * 40, dtype=np.uint8).reshape(24, 40)])
    back = restore_type(alpha, to_pil(alpha))
    assert back.shape == alpha.shape and np.array_equal(back, alpha)


@pytest.mark.parametrize("bad, words", [
    ("a path.png", "type str"),
    (b"bytes", "type bytes"),
    (np.full((8, 8, 3), 2.0, np.float32), r"in \[0, 1\]"),
    (np.full((8, 8, 3), np.nan, np.float32), "NaN"),
    (np.zeros((8, 8, 3), np.int32), "dtype"),
    (np.zeros((2, 8, 8, 3), np.uint8), "batch of 2"),
    (np.zeros((3, 8, 8), np.float32), "CxHxW"),
])
def test_to_pil_refuses_anything_else_clearly(bad, words):
    with pytest.raises(ImageError, match=words):
        to_pil(bad)


def test_to_pil_refuses_bad_tensors_clearly():
    torch = pytest.importorskip("torch")
    with pytest.raises(ImageError, match="latents"):
        to_pil(torch.randn(1, 4, 8, 8))  # output_type="latent"
    with pytest.raises(ImageError, match="batch of 2"):
        to_pil(torch.rand(2, 3, 8, 8))
    with pytest.raises(ImageError, match=r"in \[0, 1\]"):
        to_pil(torch.full((3, 8, 8), 3.0))
    with pytest.raises(ImageError, match="dtype"):
        to_pil(torch.zeros(3, 8, 8, dtype=torch.int64))


def test_image_module_imports_no_torch():
    import subprocess
    import sys

    code = "import sys, aplguard.faces.image; print('torch' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# ---- torch tensors in the face check -------------------------------------------------------
def test_auditor_analyzes_tensors_as_images_not_as_pil(detector, sface, tmp_path, astronaut, astronaut_png):
    torch = pytest.importorskip("torch")
    from aplguard.faces import FaceAuditor, Gallery

    gallery = Gallery.create(tmp_path / "g")
    assert gallery.add("Someone", [astronaut_png], detector, sface).accepted
    auditor = FaceAuditor(detector, sface, gallery)
    ref_faces, ref_matches = auditor.analyze(Image.fromarray(astronaut))
    assert len(ref_faces) == 1 and len(ref_matches) == 1
    chw = torch.from_numpy(astronaut.transpose(2, 0, 1).astype(np.float32) / 255.0)
    for image in (chw, chw[None], chw.half(), astronaut.astype(np.float32) / 255.0, to_pil(chw)):
        faces, matches = auditor.analyze(image)
        assert len(faces) == 1 and np.allclose(faces[0].box, ref_faces[0].box, atol=2.0)
        assert [m.identity for m in matches] == ["Someone"]
        assert abs(matches[0].score - ref_matches[0].score) < 0.02
    with pytest.raises(ImageError):
        auditor.analyze(torch.randn(1, 4, 64, 64))  # latents are refused, not read as a picture


# ---- process-wide state -------------------------------------------------------------------
def test_loading_the_detector_leaves_environment_and_stderr_alone(model_store, monkeypatch, astronaut):
    from aplguard.faces import FaceDetector

    monkeypatch.delenv("GLOG_minloglevel", raising=False)
    env_before = dict(os.environ)
    st = os.fstat(2)
    fd_calls: list[tuple[str, tuple[object, ...]]] = []
    real_dup, real_dup2 = os.dup, os.dup2

    def spy(name, real):
        def wrapper(*args):
            fd_calls.append((name, args))
            return real(*args)
        return wrapper

    monkeypatch.setattr(os, "dup", spy("dup", real_dup))
    monkeypatch.setattr(os, "dup2", spy("dup2", real_dup2))
    det = FaceDetector(model_store)  # fresh: loads its models now
    try:
        det.load()
        assert len(det.detect(astronaut)) == 1  # first inference (used to redirect fd 2 too)
    finally:
        det.close()
    assert fd_calls == []
    assert dict(os.environ) == env_before
    after = os.fstat(2)
    assert (after.st_dev, after.st_ino, after.st_mode) == (st.st_dev, st.st_ino, st.st_mode)


def test_face_modules_read_the_environment_only_through_aplguard_environment(monkeypatch, tmp_path):
    import aplguard.faces as faces_pkg

    for path in Path(faces_pkg.__file__).parent.glob("*.py"):
        text = path.read_text()
        for forbidden in ("os.environ", "os.getenv", "os.dup2", "os.putenv"):
            assert forbidden not in text, f"{path.name} uses {forbidden}"
    monkeypatch.setenv("APLGUARD_HOME", str(tmp_path / "home"))
    assert ModelStore().dir == tmp_path / "home" / "models"


@pytest.mark.gpu
def test_restore_type_keeps_a_cuda_tensor_on_its_device(rgb8):
    torch = pytest.importorskip("torch")
    if not torch.cuda.is_available():
        pytest.skip("needs a CUDA device")
    chw = torch.from_numpy(rgb8.transpose(2, 0, 1).copy()).cuda().half() / 255.0
    pil = to_pil(chw[None])
    assert np.abs(np.asarray(pil).astype(int) - rgb8).max() <= 1
    back = restore_type(chw[None], pil)
    assert back.device == chw.device and back.dtype == torch.float16 and tuple(back.shape) == (1, 3, 24, 40)
    assert (back[0] - chw).abs().max().item() <= 1 / 255 + 1e-3
