"""Safe image decoding and the conversions between pipeline outputs and PIL images.

- :func:`load_image`: every input (path, bytes, PIL, numpy, torch tensor) becomes an
  upright 8-bit RGB PIL image or an :class:`~aplguard.errors.ImageError`.
- :func:`to_pil` / :func:`restore_type`: a diffusers output image (PIL, HWC numpy,
  CHW torch tensor) to PIL for the face checks, and an edited PIL image back to the
  output's own type, dtype, layout, value range and device.

Sizes are checked from the header (files) or the shape (arrays, tensors) before any
pixel is decoded or any native library sees the image: OpenCV, which mediapipe uses
inside, aborts the whole process (SIGABRT, not an exception) on images with a side
of 32767 px or more.

Only numpy and PIL are imported here; torch is imported only when a tensor is given
(recognised by its type's module, without importing torch).
"""

from __future__ import annotations

import io
import os
import warnings
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Union, overload

import numpy as np
import numpy.typing as npt
from PIL import Image, ImageOps, UnidentifiedImageError

from ..errors import ConfigError, ImageError

if TYPE_CHECKING:
    import torch

#: Default pixel cap (decompression bombs): 40 megapixels.
MAX_PIXELS = 40_000_000
#: Default cap on each side in pixels. OpenCV (inside mediapipe and the matchers)
#: aborts the process on a side >= 32767 px (SHRT_MAX); this keeps a wide margin.
MAX_SIDE = 16_384
#: The largest ``max_side`` accepted: one pixel under OpenCV's hard limit.
NATIVE_MAX_SIDE = 32_766

#: What :func:`load_image` accepts.
ImageSource = Union[str, "os.PathLike[str]", bytes, bytearray, memoryview, Image.Image,
                    "npt.NDArray[Any]", "torch.Tensor"]
#: A diffusers output image: PIL (output_type="pil"), HWC numpy ("np"), CHW torch tensor ("pt").
PipelineImage = Union[Image.Image, "npt.NDArray[Any]", "torch.Tensor"]


def _describe(source: object) -> str:
    if isinstance(source, (str, os.PathLike)):
        return str(source)
    return f"<{type(source).__name__}>"


def _is_tensor(obj: object) -> bool:
    """A torch tensor, recognised without importing torch (tensors have a ``size`` method, not a tuple)."""
    module = type(obj).__module__ or ""
    return (module == "torch" or module.startswith("torch.")) and hasattr(obj, "detach")


def check_size(width: int, height: int, where: str, *, max_pixels: int = MAX_PIXELS,
               max_side: int = MAX_SIDE) -> None:
    """Refuse empty images, images over ``max_pixels`` and images with a side over ``max_side``.

    Call it before handing pixels to native code (PIL decoding, OpenCV, mediapipe).

    Raises:
        ImageError: naming ``where`` and the limit.
        ConfigError: ``max_side`` above :data:`NATIVE_MAX_SIDE` (would let OpenCV abort the process).
    """
    if not 1 <= max_side <= NATIVE_MAX_SIDE:
        raise ConfigError(f"max_side must be in [1, {NATIVE_MAX_SIDE}] (OpenCV aborts the process on "
                          f"larger images), got {max_side}")
    if width <= 0 or height <= 0:
        raise ImageError(f"{where}: empty image ({width}x{height})")
    if max(width, height) > max_side:
        raise ImageError(f"{where}: {width}x{height} has a side over the cap of {max_side} px")
    if width * height > max_pixels:
        raise ImageError(f"{where}: {width}x{height} = {width * height} pixels exceeds the cap of {max_pixels}")


def check_native_size(width: int, height: int, where: str) -> None:
    """Refuse only what native code cannot survive: an empty image or a side over :data:`NATIVE_MAX_SIDE`.

    For arrays that skip :func:`load_image` (already decoded by the caller, who chose the caps).
    """
    if width <= 0 or height <= 0:
        raise ImageError(f"{where}: empty image ({width}x{height})")
    if max(width, height) > NATIVE_MAX_SIDE:
        raise ImageError(f"{where}: {width}x{height} has a side over {NATIVE_MAX_SIDE} px, "
                         "which OpenCV cannot process")


def _to_uint8(arr: npt.NDArray[Any], where: str) -> npt.NDArray[np.uint8]:
    out: npt.NDArray[np.uint8]
    if arr.dtype == np.uint8:
        out = arr.astype(np.uint8, copy=False)
    elif arr.dtype == np.bool_:
        out = np.where(arr, 255, 0).astype(np.uint8)
    elif arr.dtype == np.uint16:  # 16-bit: keep the top 8 bits
        out = np.right_shift(arr, 8).astype(np.uint8)
    elif np.issubdtype(arr.dtype, np.integer):
        out = np.clip(arr, 0, 255).astype(np.uint8)
    elif np.issubdtype(arr.dtype, np.floating):
        if not np.isfinite(arr).all():
            raise ImageError(f"{where}: image array has NaN or infinite values")
        scale = 255.0 if arr.max(initial=0.0) <= 1.0 else 1.0  # [0, 1] floats vs 0..255 floats
        out = np.clip(arr * scale + 0.5, 0, 255).astype(np.uint8)
    else:
        raise ImageError(f"{where}: unsupported array dtype {arr.dtype}")
    return out


def _from_array(arr: npt.NDArray[Any], where: str, max_pixels: int, max_side: int) -> Image.Image:
    if arr.ndim == 3 and arr.shape[2] == 1:
        arr = arr[:, :, 0]
    if arr.ndim not in (2, 3) or (arr.ndim == 3 and arr.shape[2] not in (3, 4)):
        raise ImageError(f"{where}: expected an HxW, HxWx3 or HxWx4 array, got shape {arr.shape}")
    if arr.shape[0] == 0 or arr.shape[1] == 0:
        raise ImageError(f"{where}: empty image array {arr.shape}")
    check_size(int(arr.shape[1]), int(arr.shape[0]), where, max_pixels=max_pixels, max_side=max_side)
    arr = np.ascontiguousarray(_to_uint8(arr, where))
    return Image.fromarray(arr)


def _tensor_to_hwc(tensor: Any, where: str, max_pixels: int, max_side: int) -> npt.NDArray[Any]:
    """A CxHxW (or 1xCxHxW) torch tensor as an HxWxC numpy array (uint8 or float32), size checked first."""
    import torch  # only reached with a tensor, so torch is installed

    t = tensor.detach()
    if t.ndim == 4:
        if t.shape[0] != 1:
            raise ImageError(f"{where}: a batch of {t.shape[0]} images; pass one image (CxHxW or 1xCxHxW)")
        t = t[0]
    if t.ndim != 3 or t.shape[0] not in (1, 3):
        hint = " (4 channels: latents are not images; decode them first)" if t.ndim == 3 and t.shape[0] == 4 else ""
        raise ImageError(f"{where}: expected a CxHxW tensor with 1 or 3 channels, got shape "
                         f"{tuple(tensor.shape)}{hint}")
    check_size(int(t.shape[2]), int(t.shape[1]), where, max_pixels=max_pixels, max_side=max_side)
    if t.dtype == torch.uint8:
        arr = t.cpu().numpy()
    elif t.is_floating_point():
        arr = t.cpu().float().numpy()
    else:
        raise ImageError(f"{where}: unsupported tensor dtype {t.dtype} (expected float in [0, 1] or uint8)")
    out: npt.NDArray[Any] = arr.transpose(1, 2, 0)
    return out


def _to_rgb(img: Image.Image, where: str) -> Image.Image:
    if img.mode == "RGB":
        return img
    if img.mode.startswith("I;16") or img.mode == "I":  # 16/32-bit integer grayscale
        arr = np.asarray(img).astype(np.int64)
        if arr.max(initial=0) > 255:  # 16-bit range: keep the top 8 bits
            arr = arr >> 8
        return Image.fromarray(arr.clip(0, 255).astype(np.uint8)).convert("RGB")
    if img.mode == "F":
        return Image.fromarray(_to_uint8(np.asarray(img), where)).convert("RGB")
    if img.mode == "P":
        img = img.convert("RGBA")
    if img.mode in ("RGBA", "LA", "PA", "RGBa", "La"):
        # Transparent areas become white rather than whatever colour hides under alpha 0.
        rgba = img.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(background, rgba).convert("RGB")
    return img.convert("RGB")


def _open_file(source: str | os.PathLike[str] | bytes | bytearray | memoryview, where: str,
               max_pixels: int, max_side: int) -> Image.Image:
    fp: Path | IO[bytes]
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
            check_size(w, h, where, max_pixels=max_pixels, max_side=max_side)
            img.load()
    except (ImageError, ConfigError):
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ImageError(f"{where}: refused as a decompression bomb ({exc})") from exc
    except UnidentifiedImageError as exc:
        raise ImageError(f"{where}: not an image file (format not recognised)") from exc
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise ImageError(f"{where}: corrupt or truncated image ({exc})") from exc
    return img


def load_image(source: ImageSource, *, max_pixels: int = MAX_PIXELS, max_side: int = MAX_SIDE) -> Image.Image:
    """Decode ``source`` into an upright 8-bit RGB PIL image.

    Args:
        source: a path (str or PathLike), encoded bytes, a PIL image, a numpy
            array (HxW, HxWx3 RGB or HxWx4 RGBA; uint8, uint16 or float in [0, 1])
            or a torch tensor (CxHxW or 1xCxHxW, float in [0, 1] or uint8).
        max_pixels: refuse images with more pixels than this (decompression bombs).
        max_side: refuse images with a side longer than this (at most
            :data:`NATIVE_MAX_SIDE`: OpenCV aborts the process beyond it).

    Returns:
        A new RGB image; EXIF orientation applied; grayscale, palette, RGBA,
        CMYK and 16-bit images converted.

    Raises:
        ImageError: unreadable, corrupt, truncated, empty, non-image or too large,
            with the file (or input type) named. Sizes are checked before decoding.
    """
    where = _describe(source)
    img: Image.Image
    if isinstance(source, np.ndarray):
        img = _from_array(source, where, max_pixels, max_side)
    elif isinstance(source, Image.Image):
        img = source
    elif _is_tensor(source):
        img = _from_array(_tensor_to_hwc(source, where, max_pixels, max_side), where, max_pixels, max_side)
    elif isinstance(source, (bytes, bytearray, memoryview, str, os.PathLike)):
        img = _open_file(source, where, max_pixels, max_side)
    else:
        raise ImageError(f"unsupported image input type {type(source).__name__}; "
                         "pass a path, bytes, a PIL image, a numpy array or a torch tensor")
    w, h = img.size
    check_size(w, h, where, max_pixels=max_pixels, max_side=max_side)
    try:
        img = ImageOps.exif_transpose(img)
    except Exception:  # noqa: BLE001 - a broken EXIF block must not lose the image
        pass
    out = _to_rgb(img, where)
    return out.copy() if out is source else out


def load_input_image(data: bytes | bytearray | memoryview, where: str, *, max_pixels: int = MAX_PIXELS,
                     max_side: int = MAX_SIDE) -> Image.Image:
    """Decode an encoded input image (an upload, an img2img init image) for the face check.

    The size is checked from the header before any pixel is decoded, as in :func:`load_image`.
    Unlike :func:`load_image`, transparency is dropped rather than composited over white:
    some hosts (ComfyUI's ``LoadImage``) pass the colour under alpha 0 to the model, so the
    check must see every pixel, as it does for outputs (:func:`to_pil`).

    Args:
        data: the encoded file (PNG, JPEG, WebP, ...).
        where: what the image is, for messages (``init_images[0]``).

    Raises:
        ImageError: empty, not an image, corrupt, or over the caps; the message starts with ``where``.
    """
    img = _open_file(bytes(data), where, max_pixels, max_side)
    if img.mode in ("P", "PA", "RGBA", "RGBa", "LA", "La"):
        img = img.convert("RGBA").convert("RGB")  # PIL drops alpha here; it does not composite
    return load_image(img, max_pixels=max_pixels, max_side=max_side)


# ---- pipeline outputs ----------------------------------------------------------------
def _check_values(arr: npt.NDArray[Any], where: str) -> None:
    if arr.dtype == np.uint8:
        return
    if not np.issubdtype(arr.dtype, np.floating):
        raise ImageError(f"{where}: unsupported image dtype {arr.dtype} (expected uint8, or float in [0, 1])")
    if not np.isfinite(arr).all():
        raise ImageError(f"{where}: image has NaN or infinite values")
    if arr.size and (float(arr.min()) < 0.0 or float(arr.max()) > 1.0):
        raise ImageError(f"{where}: float image values must be in [0, 1], got "
                         f"[{float(arr.min()):.3g}, {float(arr.max()):.3g}] (latents? decode them first)")


def to_pil(image: PipelineImage, *, max_pixels: int = MAX_PIXELS, max_side: int = MAX_SIDE) -> Image.Image:
    """An RGB PIL image of one pipeline output image.

    Args:
        image: a PIL image; an HxWxC numpy array (C = 1, 3 or 4; also HxW or
            1xHxWxC) of uint8 or float in [0, 1]; or a CxHxW torch tensor (C = 1
            or 3; also 1xCxHxW) of float in [0, 1] or uint8, on any device.

    Returns:
        A new RGB PIL image (the input is never modified or returned).

    Raises:
        ImageError: any other type, layout, dtype or value range (latents, NaN,
            batches of more than one image), or too large an image.
    """
    where = f"output image {_describe(image)}"
    if isinstance(image, Image.Image):
        if image.mode in ("RGBA", "LA"):  # check every pixel, also those under alpha 0
            check_size(image.size[0], image.size[1], where, max_pixels=max_pixels, max_side=max_side)
            image = image.convert(image.mode[:-1])
        return load_image(image, max_pixels=max_pixels, max_side=max_side)
    if isinstance(image, np.ndarray):
        arr = image
        if arr.ndim == 4:
            if arr.shape[0] != 1:
                raise ImageError(f"{where}: a batch of {arr.shape[0]} images; pass one image")
            arr = arr[0]
        if arr.ndim == 3 and arr.shape[0] in (1, 3) and arr.shape[2] not in (1, 3, 4):
            raise ImageError(f"{where}: expected an HxWxC array, got shape {image.shape} (CxHxW?)")
    elif _is_tensor(image):
        arr = _tensor_to_hwc(image, where, max_pixels, max_side)
    else:
        raise ImageError(f"cannot check an output image of type {type(image).__name__}: expected a PIL image, "
                         "an HxWxC numpy array or a CxHxW torch tensor (output_type 'pil', 'np' or 'pt'; "
                         "'latent' outputs are not images)")
    _check_values(arr, where)
    if arr.ndim == 3 and arr.shape[2] == 4:  # RGBA: check every pixel, also those under alpha 0
        arr = arr[:, :, :3]
    return _from_array(arr, where, max_pixels, max_side).convert("RGB")


def _restored_pixels(pil: Image.Image, channels: int, is_uint8: bool, alpha: npt.NDArray[Any] | None,
                     where: str) -> npt.NDArray[Any]:
    """HxWxC pixels of ``pil``: uint8 0..255, or float32 in [0, 1]; ``alpha`` (already in range) appended."""
    if channels == 1:
        px = np.asarray(pil.convert("L"))[:, :, None]
    else:
        px = np.asarray(pil.convert("RGB"))
    out: npt.NDArray[Any] = px if is_uint8 else px.astype(np.float32) / np.float32(255.0)
    if alpha is not None:
        if alpha.shape != out.shape[:2]:
            raise ImageError(f"{where}: edited image is {pil.size[0]}x{pil.size[1]}, the original's alpha "
                             f"channel is {alpha.shape[1]}x{alpha.shape[0]}")
        out = np.concatenate([out, alpha[:, :, None].astype(out.dtype)], axis=2)
    return out


@overload
def restore_type(original: Image.Image, pil: Image.Image) -> Image.Image: ...
@overload
def restore_type(original: npt.NDArray[Any], pil: Image.Image) -> npt.NDArray[Any]: ...
@overload
def restore_type(original: torch.Tensor, pil: Image.Image) -> torch.Tensor: ...
def restore_type(original: PipelineImage, pil: Image.Image) -> PipelineImage:
    """Convert an edited PIL image (e.g. from :func:`blur_faces`) back to the type of ``original``.

    Keeps the type, dtype, layout (HWC / CHW, batch dimension of 1, channels),
    value range (uint8 0..255, float 0..1) and device of ``original``; an alpha
    channel is taken from ``original`` unchanged. Accepts what :func:`to_pil` accepts.

    Raises:
        ImageError: ``original`` is not a supported pipeline image.
    """
    where = f"output image {_describe(original)}"
    if isinstance(original, Image.Image):
        if original.mode == pil.mode:
            return pil
        if original.mode in ("RGBA", "LA") and original.size == pil.size:
            restored = pil.convert(original.mode[:-1])
            restored.putalpha(original.getchannel("A"))
            return restored
        try:
            return pil.convert(original.mode)
        except ValueError as exc:
            raise ImageError(f"{where}: cannot convert back to mode {original.mode}: {exc}") from exc
    if isinstance(original, np.ndarray):
        arr = original[0] if original.ndim == 4 and original.shape[0] == 1 else original
        if arr.ndim not in (2, 3) or (arr.ndim == 3 and arr.shape[2] not in (1, 3, 4)):
            raise ImageError(f"{where}: expected an HxWxC array, got shape {original.shape}")
        if arr.dtype != np.uint8 and not np.issubdtype(arr.dtype, np.floating):
            raise ImageError(f"{where}: unsupported image dtype {arr.dtype} (expected uint8, or float in [0, 1])")
        channels = 1 if arr.ndim == 2 else int(arr.shape[2])
        alpha = arr[:, :, 3] if channels == 4 else None
        px = _restored_pixels(pil, 1 if channels == 1 else 3, arr.dtype == np.uint8, alpha, where)
        result: npt.NDArray[Any] = px.astype(arr.dtype, copy=False)
        if arr.ndim == 2:
            result = result[:, :, 0]
        return result[None] if original.ndim == 4 else result
    if _is_tensor(original):
        import torch

        t: torch.Tensor = original
        chw = t[0] if t.ndim == 4 and t.shape[0] == 1 else t
        if chw.ndim != 3 or chw.shape[0] not in (1, 3):
            raise ImageError(f"{where}: expected a CxHxW tensor with 1 or 3 channels, got shape {tuple(t.shape)}")
        if chw.dtype != torch.uint8 and not chw.is_floating_point():
            raise ImageError(f"{where}: unsupported tensor dtype {chw.dtype}")
        px = _restored_pixels(pil, int(chw.shape[0]), chw.dtype == torch.uint8, None, where)
        out = torch.from_numpy(np.ascontiguousarray(px.transpose(2, 0, 1))).to(device=t.device, dtype=t.dtype)
        return out[None] if t.ndim == 4 else out
    raise ImageError(f"cannot convert back to {type(original).__name__}: expected a PIL image, "
                     "a numpy array or a torch tensor")
