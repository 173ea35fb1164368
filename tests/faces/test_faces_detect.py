"""FaceDetector on real photos (scikit-image) with the real BlazeFace models."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from aplguard.errors import ConfigError, ImageError
from aplguard.faces import FaceDetector
from aplguard.faces.detector import iou, nms
from aplguard.types import Face

# Hand-annotated face box of skimage's astronaut photo (forehead to chin, ear to ear).
ASTRONAUT_FACE = (170, 75, 110, 110)


def _one_face(faces):
    assert len(faces) == 1, faces
    return faces[0]


def test_astronaut_has_one_face_with_keypoints(detector, astronaut):
    face = _one_face(detector.detect(astronaut))
    assert iou(face.box, ASTRONAUT_FACE) > 0.5
    assert 0.5 <= face.score <= 1.0
    assert len(face.keypoints) == 6
    (rx, ry), (lx, ly), (nx, ny), (mx, my) = face.keypoints[:4]
    x, y, w, h = face.box
    assert rx < lx  # the subject's right eye is on the image's left
    assert max(ry, ly) < ny < my  # eyes above nose above mouth
    assert all(x <= px <= x + w and y <= py <= y + h for px, py in face.keypoints[:4])


@pytest.mark.parametrize("name", ["coffee", "chelsea", "cat", "rocket", "coins", "horse", "moon"])
def test_no_face_on_photos_without_people(detector, no_face_images, name):
    assert detector.detect(no_face_images[name]) == []


def test_same_result_for_path_bytes_pil_numpy(detector, astronaut, tmp_path):
    path = tmp_path / "a.png"
    Image.fromarray(astronaut).save(path)
    ref = _one_face(detector.detect(astronaut))
    for source in (path, str(path), path.read_bytes(), Image.fromarray(astronaut)):
        face = _one_face(detector.detect(source))
        assert iou(face.box, ref.box) > 0.95


def test_flipped_image_gives_mirrored_box(detector, astronaut):
    ref = _one_face(detector.detect(astronaut))
    flipped = _one_face(detector.detect(astronaut[:, ::-1]))
    x, y, w, h = ref.box
    assert iou(flipped.box, (astronaut.shape[1] - x - w, y, w, h)) > 0.8


def test_exif_rotated_file_is_detected_upright(detector, astronaut):
    # Store the photo rotated on its side with an EXIF tag saying "rotate back".
    img = Image.fromarray(astronaut).transpose(Image.ROTATE_90)
    exif = img.getexif()
    exif[0x0112] = 6
    buf = io.BytesIO()
    img.save(buf, "JPEG", exif=exif, quality=95)
    face = _one_face(detector.detect(buf.getvalue()))
    assert iou(face.box, ASTRONAUT_FACE) > 0.5


@pytest.mark.parametrize("mode", ["L", "RGBA", "P", "I;16"])
def test_odd_modes_are_detected(detector, astronaut, mode):
    img = Image.fromarray(astronaut)
    if mode == "I;16":
        img = Image.fromarray(np.asarray(img.convert("L")).astype(np.uint16) * 257)
    else:
        img = img.convert(mode)
    buf = io.BytesIO()
    img.save(buf, "PNG")
    assert len(detector.detect(buf.getvalue())) == 1


def test_small_face_in_a_large_image_is_found(detector, astronaut):
    # A 2048x1536 canvas with the astronaut shrunk so her face is about 40 px wide.
    canvas = np.full((1536, 2048, 3), 90, np.uint8)
    small = np.asarray(Image.fromarray(astronaut).resize((190, 190)))
    canvas[1100:1290, 1500:1690] = small
    faces = detector.detect(canvas)
    assert len(faces) == 1
    x, y, w, h = faces[0].box
    assert 1500 < x < 1690 and 1100 < y < 1290 and w < 80


def test_many_faces_in_one_image(detector, astronaut):
    crop = np.asarray(Image.fromarray(astronaut[40:260, 130:330]).resize((200, 220)))
    grid = np.concatenate([np.concatenate([crop] * 10, axis=1)] * 5, axis=0)  # 50 faces, 2000x1100
    faces = detector.detect(grid)
    assert 40 <= len(faces) <= 50
    assert all(f.score >= detector.min_score for f in faces)


def test_bad_image_raises_image_error(detector):
    with pytest.raises(ImageError):
        detector.detect(b"definitely not an image")


def test_constructor_is_cheap_and_validates():
    det = FaceDetector(model="short")  # loads nothing
    assert det._tasks == {}
    with pytest.raises(ConfigError):
        FaceDetector(model="huge")
    with pytest.raises(ConfigError):
        FaceDetector(min_score=1.5)


def test_short_and_full_models_alone(model_store, astronaut):
    for model in ("short", "full"):
        with FaceDetector(model_store, model=model) as det:
            assert iou(_one_face(det.detect(astronaut)).box, ASTRONAUT_FACE) > 0.5


def test_nms_keeps_the_best_of_overlapping_boxes():
    a = Face((0, 0, 10, 10), 0.9)
    b = Face((1, 1, 10, 10), 0.8)
    c = Face((50, 50, 10, 10), 0.7)
    assert nms([b, c, a]) == [a, c]
