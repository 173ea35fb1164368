"""load_image: every input kind, odd modes, and refusal of bad or dangerous files."""

from __future__ import annotations

import io
import struct
import zlib

import numpy as np
import pytest
from PIL import Image

from aplguard.errors import ImageError
from aplguard.faces import load_image


@pytest.fixture
def rgb():
    rng = np.random.default_rng(0)
    return rng.integers(0, 256, (40, 60, 3), dtype=np.uint8)


def _png_bytes(img: Image.Image) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def test_all_input_kinds_give_the_same_rgb_image(tmp_path, rgb):
    path = tmp_path / "a.png"
    Image.fromarray(rgb).save(path)
    for source in (path, str(path), path.read_bytes(), Image.fromarray(rgb), rgb):
        out = load_image(source)
        assert out.mode == "RGB" and out.size == (60, 40)
        assert np.array_equal(np.asarray(out), rgb)


def test_pil_input_is_not_modified_or_returned_as_is(rgb):
    src = Image.fromarray(rgb)
    out = load_image(src)
    assert out is not src
    assert out.mode == "RGB"


def test_grayscale_palette_rgba_and_16bit_become_rgb(rgb):
    gray = Image.fromarray(rgb[:, :, 0])
    assert np.array_equal(np.asarray(load_image(gray))[:, :, 1], rgb[:, :, 0])
    pal = Image.fromarray(rgb).convert("P")
    assert load_image(_png_bytes(pal)).mode == "RGB"
    rgba = np.dstack([rgb, np.full(rgb.shape[:2], 255, np.uint8)])
    rgba[0, 0, 3] = 0  # fully transparent pixel becomes white
    out = np.asarray(load_image(rgba))
    assert tuple(out[0, 0]) == (255, 255, 255) and np.array_equal(out[1:], rgb[1:])
    wide = rgb[:, :, 0].astype(np.uint16) * 257  # 16-bit grayscale PNG
    img16 = Image.fromarray(wide)
    assert img16.mode.startswith("I")
    out16 = np.asarray(load_image(_png_bytes(img16)))
    assert out16.dtype == np.uint8 and np.array_equal(out16[:, :, 0], rgb[:, :, 0])
    assert np.array_equal(np.asarray(load_image(wide))[:, :, 2], rgb[:, :, 0])
    floats = rgb.astype(np.float32) / 255.0
    assert np.abs(np.asarray(load_image(floats)).astype(int) - rgb).max() <= 1


def test_exif_orientation_is_applied(rgb):
    img = Image.fromarray(rgb)
    exif = img.getexif()
    exif[0x0112] = 6  # rotate 90 degrees clockwise when displayed
    buf = io.BytesIO()
    img.save(buf, "JPEG", exif=exif, quality=95)
    out = load_image(buf.getvalue())
    assert out.size == (40, 60)


@pytest.mark.parametrize("payload, words", [
    (b"", "empty"),
    (b"this is plain text, not a picture", "not an image"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "image"),
])
def test_bad_bytes_raise_image_error(payload, words):
    with pytest.raises(ImageError, match=words):
        load_image(payload)


def test_bad_files_name_the_file(tmp_path, rgb):
    empty = tmp_path / "empty.jpg"
    empty.write_bytes(b"")
    with pytest.raises(ImageError, match="empty.jpg.*0 bytes"):
        load_image(empty)
    buf = io.BytesIO()
    Image.fromarray(rgb).save(buf, "JPEG")
    truncated = tmp_path / "cut.jpg"
    truncated.write_bytes(buf.getvalue()[: len(buf.getvalue()) // 2])
    with pytest.raises(ImageError, match="cut.jpg.*truncated"):
        load_image(truncated)
    with pytest.raises(ImageError, match="missing.png: no such file"):
        load_image(tmp_path / "missing.png")


def _bomb_png(width: int, height: int) -> bytes:
    """A valid PNG header announcing width x height pixels with almost no data."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    body = chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b"")
    return b"\x89PNG\r\n\x1a\n" + body


def test_decompression_bomb_is_refused_before_decoding():
    with pytest.raises(ImageError, match="pixels|decompression bomb"):
        load_image(_bomb_png(60_000, 60_000))
    with pytest.raises(ImageError, match="exceeds the cap of 100"):
        load_image(np.zeros((20, 20, 3), np.uint8), max_pixels=100)


@pytest.mark.parametrize("arr", [np.zeros((4, 4, 2), np.uint8), np.zeros((0, 5, 3), np.uint8),
                                 np.zeros((2, 2, 2, 3), np.uint8), np.full((4, 4), np.nan, np.float32)])
def test_bad_arrays_raise(arr):
    with pytest.raises(ImageError):
        load_image(arr)


def test_unsupported_type_raises():
    with pytest.raises(ImageError, match="unsupported image input type"):
        load_image(12345)
