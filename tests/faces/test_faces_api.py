"""The public names the rest of aplguard codes against (signatures are checked by mypy in CI)."""

from __future__ import annotations

import aplguard.faces as faces


def test_public_names():
    for name in ("ModelStore", "load_image", "FaceDetector", "SFaceMatcher", "DlibMatcher", "InsightFaceMatcher",
                 "Gallery", "FaceAuditor", "blur_faces", "matcher_registry", "FaceMatcher"):
        assert name in faces.__all__ and hasattr(faces, name)


def test_importing_the_package_loads_no_heavy_runtime():
    import subprocess
    import sys

    code = "import sys, aplguard.faces; print(any(m in sys.modules for m in ('mediapipe', 'cv2', 'dlib')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
