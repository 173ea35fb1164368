"""Face alignment from detector keypoints to the 112x112 ArcFace/SFace template."""

from __future__ import annotations

import numpy as np

from ..errors import ImageError
from ..types import Face

#: The 5-point 112x112 template used by ArcFace and SFace (right eye, left eye,
#: nose tip, right mouth corner, left mouth corner; "right" = the subject's right,
#: i.e. the left of the image).
TEMPLATE_112 = np.array([[38.2946, 51.6963], [73.5318, 51.5014], [56.0252, 71.7366],
                         [41.5493, 92.3655], [70.7299, 92.2041]], dtype=np.float64)

# BlazeFace gives the mouth centre instead of two corners: use their midpoint.
_BLAZE_TEMPLATE = np.vstack([TEMPLATE_112[:3], TEMPLATE_112[3:].mean(axis=0)])


# Typical frontal-face landmark positions as fractions of a BlazeFace box
# (right eye, left eye, nose tip, mouth centre).
_BOX_LANDMARKS = ((0.28, 0.27), (0.72, 0.27), (0.5, 0.5), (0.5, 0.72))


def similarity_transform(src: np.ndarray, dst: np.ndarray) -> np.ndarray:
    """Least-squares similarity (rotation, uniform scale, translation) mapping src to dst.

    Umeyama (1991). Returns a 2x3 affine matrix.
    """
    src = np.asarray(src, dtype=np.float64)
    dst = np.asarray(dst, dtype=np.float64)
    mu_s, mu_d = src.mean(0), dst.mean(0)
    s_c, d_c = src - mu_s, dst - mu_d
    cov = d_c.T @ s_c / len(src)
    u, sig, vt = np.linalg.svd(cov)
    d = np.ones(2)
    if np.linalg.det(u) * np.linalg.det(vt) < 0:
        d[-1] = -1
    rot = u @ np.diag(d) @ vt
    var_s = (s_c ** 2).sum() / len(src)
    scale = (sig * d).sum() / var_s if var_s > 0 else 1.0
    m = np.zeros((2, 3))
    m[:, :2] = scale * rot
    m[:, 2] = mu_d - scale * rot @ mu_s
    return m


def alignment_matrix(face: Face, size: int = 112) -> np.ndarray:
    """2x3 matrix taking image pixels to a ``size`` x ``size`` aligned crop.

    Uses the eyes, nose tip and mouth (BlazeFace's first four keypoints) when the
    face has them, otherwise typical landmark positions inside the box.
    """
    scale = size / 112.0
    if len(face.keypoints) >= 4:
        src = np.array(face.keypoints[:4], dtype=np.float64)
        return similarity_transform(src, _BLAZE_TEMPLATE * scale)
    # No landmarks (another detector): place them where BlazeFace puts them in a
    # frontal face's box, relative to the box.
    x, y, w, h = face.box
    src = np.array([[x + fx * w, y + fy * h] for fx, fy in _BOX_LANDMARKS])
    return similarity_transform(src, _BLAZE_TEMPLATE * scale)


def align_face(rgb: np.ndarray, face: Face, size: int = 112) -> np.ndarray:
    """Return the aligned ``size`` x ``size`` RGB crop of ``face`` (uint8).

    Raises:
        ImageError: ``rgb`` is not an HxWx3 image or is too large for OpenCV
            (checked before OpenCV sees it: it aborts the process on a side >= 32767 px).
    """
    from .._deps import require
    from .image import check_native_size

    if rgb.ndim != 3 or rgb.shape[2] != 3:
        raise ImageError(f"align_face: expected an HxWx3 image, got shape {rgb.shape}")
    check_native_size(int(rgb.shape[1]), int(rgb.shape[0]), "align_face")
    cv2 = require("cv2", "faces")
    m = alignment_matrix(face, size)
    crop: np.ndarray = cv2.warpAffine(rgb, m, (size, size), flags=cv2.INTER_LINEAR,
                                      borderMode=cv2.BORDER_REPLICATE)
    return crop
