"""Quality gating: degraded faces are reported as unverifiable, clean ones are not."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageFilter

from aplguard.errors import ConfigError
from aplguard.faces import FaceAuditor, Gallery, primary_face
from aplguard.faces.quality import QualityGate, sharpness, yaw
from aplguard.types import Face


def _face(kps, box=(10.0, 10.0, 100.0, 100.0)) -> Face:
    return Face(box=box, score=0.9, keypoints=tuple(kps))


def test_yaw_frontal_and_turned():
    frontal = _face([(40, 40), (80, 40), (60, 65), (60, 85)])
    turned = _face([(40, 40), (60, 40), (75, 65), (65, 85)])  # eyes close together, nose past the left eye
    assert yaw(frontal) == pytest.approx(0.0)
    assert yaw(turned) > 0.5
    assert yaw(Face(box=(0, 0, 10, 10), score=0.5)) is None  # no keypoints: pose unknown, not a reason


def test_sharpness_falls_with_blur(astronaut):
    crop = astronaut[0:112, 180:292]
    blurred = np.asarray(Image.fromarray(crop).filter(ImageFilter.GaussianBlur(4)))
    assert sharpness(crop) > 10 * sharpness(blurred)
    assert sharpness(np.full((112, 112, 3), 128, np.uint8)) == 0.0


def test_gate_reasons(detector, astronaut):
    gate = QualityGate()
    face = primary_face(detector.detect(astronaut))
    assert gate.assess(astronaut, face).verifiable
    blurred = np.asarray(Image.fromarray(astronaut).filter(ImageFilter.GaussianBlur(8)))
    q = gate.assess(blurred, face)
    assert "blurry" in q.reasons and not q.verifiable
    small = Face(box=(200.0, 80.0, 12.0, 12.0), score=0.9, keypoints=face.keypoints)
    assert "small" in gate.assess(astronaut, small).reasons
    with pytest.raises(ConfigError):
        QualityGate(max_yaw=0)


def test_auditor_marks_unverifiable_faces(tmp_path, detector, sface, astronaut):
    g = Gallery.create(tmp_path / "g")
    g.add("astronaut", [astronaut], detector, sface)
    auditor = FaceAuditor(detector, sface, g)
    faces, matches = auditor.analyze(astronaut[:, ::-1])
    assert faces[0].unverifiable == () and "unverifiable" not in faces[0].to_dict() and matches
    blurred = np.asarray(Image.fromarray(astronaut).filter(ImageFilter.GaussianBlur(7)))
    faces, _ = auditor.analyze(blurred)
    assert faces and faces[0].unverifiable == ("blurry",)
    assert faces[0].to_dict()["unverifiable"] == ["blurry"]
    # The gate can be switched off; without a gallery faces are never assessed.
    assert FaceAuditor(detector, sface, g, quality=False).analyze(blurred)[0][0].unverifiable == ()
    assert FaceAuditor(detector).analyze(blurred)[0][0].unverifiable == ()
