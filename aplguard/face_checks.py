"""Run a face checker on one image the way the policy expects to judge the result.

Guard (input and output images) and the ComfyUI / A1111 proxy (input images) both need
"faces and matches, or an error": a missing or failing checker never raises here, it
becomes an error string that the policy's ``on_error`` setting then decides on.
"""

from __future__ import annotations

from PIL import Image

from .ports import FaceChecker
from .types import Face, FaceMatch


def run_face_check(checker: FaceChecker | None, image: Image.Image, where: str,
                   unavailable: str) -> tuple[list[Face], list[FaceMatch], list[str]]:
    """``(faces, matches, errors)`` for one image; ``errors`` names ``where`` (never the image's content).

    Args:
        checker: the face checker, or None when none could be loaded.
        image: the image to check.
        where: the image's place for the error text (``output[2]``, ``input init_images[0]``).
        unavailable: why there is no checker, used when ``checker`` is None.
    """
    if checker is None:
        return [], [], [f"{where}: {unavailable}"]
    try:
        faces, matches = checker.analyze(image)
    except Exception as exc:  # noqa: BLE001 - any checker failure is judged by the policy's on_error
        return [], [], [f"{where}: face check failed: {type(exc).__name__}"]
    return list(faces), list(matches), []
