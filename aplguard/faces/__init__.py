"""Faces in outputs: model files, detection, matching, a gallery of protected identities.

Heavy runtimes (mediapipe, OpenCV, dlib) are imported on first use, so importing
this package is cheap. See docs/faces.md.
"""

from .auditor import FaceAuditor, blur_faces, primary_face
from .detector import FaceDetector
from .gallery import AddReport, Gallery
from .image import load_image, restore_type, to_pil
from .matchers import (
    CALIBRATION,
    DlibMatcher,
    FaceMatcher,
    InsightFaceMatcher,
    SFaceMatcher,
    cosine,
    embed_faces,
    matcher_registry,
)
from .models import MODELS, ModelSpec, ModelStore

__all__ = [
    "ModelStore", "ModelSpec", "MODELS", "load_image", "to_pil", "restore_type", "FaceDetector", "FaceMatcher",
    "SFaceMatcher", "DlibMatcher", "InsightFaceMatcher", "CALIBRATION", "cosine", "embed_faces", "matcher_registry",
    "Gallery", "AddReport", "FaceAuditor", "blur_faces", "primary_face",
]
