"""Safe image decoding: every input becomes an upright 8-bit RGB PIL image or an ImageError."""

from __future__ import annotations

import io
import os
import warnings
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from ..errors import ImageError

#: Default pixel cap (decompression bombs): 40 megapixels.
MAX_PIXELS = 40_000_000


def _describe(source) -> str:
    if isinstance(source, (str, os.PathLike)):
        return str(source)
    return f"<{type(source).__name__}>"


def _to_uint8(arr: np.ndarray, where: str) -> np.ndarray:
    if arr.dtype == np.uint8:
        return arr
    if arr.dtype == np.bool_:
        return arr.astype(np.uint8) * 255
    if arr.dtype == np.uint16:  # 16-bit: keep the top 8 bits
        return (arr >> 8).astype(np.uint8)
    if np.issubdtype(arr.dtype, np.integer):
        return np.clip(arr, 0, 255).astype(np.uint8)
    if np.issubdtype(arr.dtype, np.floating):
        if not np.isfinite(arr).all():
            raise ImageError(f"{where}: image array has NaN or infinite values")
        scale = 255.0 if arr.max(initial=0.0) <= 1.0 else 1.0  # [0, 1] floats vs 0..255 floats
        return np.clip(arr * scale + 0.5, 0, 255).astype(np.uint8)
    raise ImageError(f"{where}: unsupported array dtype {arr.dtype}")


def _from_array(arr: np.ndarray, where: str) -> Image.Image:
    if arr.ndim == 3 and arr.shape[2] == 1:
        arr = arr[:, :, 0]
    if arr.ndim not in (2, 3) or (arr.ndim == 3 and arr.shape[2] not in (3, 4)):
        raise ImageError(f"{where}: expected an HxW, HxWx3 or HxWx4 array, got shape {arr.shape}")
    if arr.shape[0] == 0 or arr.shape[1] == 0:
        raise ImageError(f"{where}: empty image array {arr.shape}")
    arr = np.ascontiguousarray(_to_uint8(arr, where))
    return Image.fromarray(arr)


def _to_rgb(img: Image.Image, where: str) -> Image.Image:
    if img.mode == "RGB":
        return img
    if img.mode.startswith("I;16") or img.mode == "I":  # 16/32-bit integer grayscale
        arr = np.asarray(img).astype(np.int64)
        if arr.max(initial=0) > 255:  # 16-bit range: keep the top 8 bits
            arr = arr >> 8
        return _from_array(arr.clip(0, 255).astype(np.uint8), where).convert("RGB")
    if img.mode == "F":
        return _from_array(np.asarray(img), where).convert("RGB")
    if img.mode == "P":
        img = img.convert("RGBA")
    if img.mode in ("RGBA", "LA", "PA", "RGBa", "La"):
        # Transparent areas become white rather than whatever colour hides under alpha 0.
        rgba = img.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(background, rgba).convert("RGB")
    return img.convert("RGB")


def load_image(source, *, max_pixels: int = MAX_PIXELS) -> Image.Image:
    """Decode ``source`` into an upright 8-bit RGB PIL image.

    Args:
        source: a path (str or PathLike), encoded bytes, a PIL image or a numpy
            array (HxW, HxWx3 RGB or HxWx4 RGBA; uint8, uint16 or float in [0, 1]).
        max_pixels: refuse images with more pixels than this (decompression bombs).

    Returns:
        A new RGB image; EXIF orientation applied; grayscale, palette, RGBA,
        CMYK and 16-bit images converted.

    Raises:
        ImageError: unreadable, corrupt, truncated, empty, non-image or too large,
            with the file (or input type) named.
    """
    where = _describe(source)
    if isinstance(source, np.ndarray):
        img = _from_array(source, where)
    elif isinstance(source, Image.Image):
        img = source
    elif isinstance(source, (bytes, bytearray, memoryview, str, os.PathLike)):
        if isinstance(source, (str, os.PathLike)):
            path = Path(source)
            if not path.is_file():
                raise ImageError(f"{where}: no such file")
            if path.stat().st_size == 0:
                raise ImageError(f"{where}: empty file (0 bytes)")
            fp = path
        else:
            if len(source) == 0:
                raise ImageError(f"{where}: empty bytes")
            fp = io.BytesIO(bytes(source))
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                img = Image.open(fp)
                w, h = img.size  # header only: checked before any pixel is decoded
                if w * h > max_pixels:
                    raise ImageError(f"{where}: {w}x{h} = {w * h} pixels exceeds the cap of {max_pixels}")
                img.load()
        except ImageError:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise ImageError(f"{where}: refused as a decompression bomb ({exc})") from exc
        except UnidentifiedImageError as exc:
            raise ImageError(f"{where}: not an image file (format not recognised)") from exc
        except (OSError, SyntaxError, ValueError, EOFError) as exc:
            raise ImageError(f"{where}: corrupt or truncated image ({exc})") from exc
    else:
        raise ImageError(f"unsupported image input type {type(source).__name__}; "
                         "pass a path, bytes, a PIL image or a numpy array")
    w, h = img.size
    if w == 0 or h == 0:
        raise ImageError(f"{where}: empty image ({w}x{h})")
    if w * h > max_pixels:
        raise ImageError(f"{where}: {w}x{h} = {w * h} pixels exceeds the cap of {max_pixels}")
    try:
        img = ImageOps.exif_transpose(img)
    except Exception:  # noqa: BLE001 - a broken EXIF block must not lose the image
        pass
    out = _to_rgb(img, where)
    return out.copy() if out is source else out
