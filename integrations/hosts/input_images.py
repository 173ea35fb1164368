"""Find the input images of an A1111 body or a ComfyUI workflow, and decode them safely.

An input image can put a person into a generation without naming them (img2img of a photo,
a ControlNet / IP-Adapter reference, a face-swap source), so the proxy checks them like
Guard checks its ``image`` / ``control_image`` / ``ip_adapter_image`` arguments. This module
only finds and decodes them; :mod:`.input_checks` runs the face check and the policy.

* A1111: ``init_images[i]`` (argument ``image``), ``mask`` (decoded and bounded, not
  face-checked: Guard does not check ``mask_image`` either), ControlNet units in
  ``alwayson_scripts.controlnet.args`` (``image`` / ``input_image``, a string or
  ``{"image", "mask"}``; argument ``ip_adapter_image`` when the unit's module or model is an
  IP-Adapter / InstantID / FaceID one, else ``control_image``), and any base64 image found in
  another script's ``args`` or in ``script_args`` (a face-swap source, for instance).
  A URL (the host fetches it) or a host-side batch folder is an image the proxy cannot see.
* ComfyUI: ``LoadImage`` / ``LoadImageMask`` / ``LoadImageOutput`` reference a file on the
  host (the proxy knows it only if it came through the proxy's ``/upload/image``), and
  Acly's comfyui-tooling-nodes ``ETN_LoadImageBase64`` / ``ETN_LoadMaskBase64`` carry the
  image in the workflow. Any other node whose class name says it loads an image is treated
  as a file the proxy cannot see, and any unknown node's input that holds a base64 image is
  checked.
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass
from typing import Any

from PIL import Image

from aplguard.errors import ImageError
from aplguard.faces.image import load_input_image

from .comfyui import is_link, resolve_text
from .screening import HostRequestError

# What the proxy calls an input, in the policy's vocabulary (InputRule.arguments).
IMAGE, CONTROL, IP_ADAPTER, MASK = "image", "control_image", "ip_adapter_image", "mask"
_IDENTITY_UNITS = re.compile(r"ip[-_]?adapter|instant[-_]?id|face[-_]?id|pulid", re.IGNORECASE)
_B64_MAGIC = ("iVBORw0KGgo", "/9j/", "UklGR", "R0lGOD")  # PNG, JPEG, WebP (RIFF), GIF as base64
_DATA_URL = re.compile(r"data:([A-Za-z0-9.+/-]{0,100})((?:;[A-Za-z0-9=._+-]{1,100}){0,8}),")
_MIN_SNIFF = 64  # shortest string a generic scan takes for a base64 image
_MAX_SCAN = 20_000  # values walked in script args (bounded work on any body)
_MAX_DEPTH = 32
# ComfyUI
_FILE_LOADERS = {"LoadImage": "image", "LoadImageMask": "image", "LoadImageOutput": "image"}
_B64_NODES = {"ETN_LoadImageBase64": ("image", IMAGE), "ETN_LoadMaskBase64": ("mask", MASK)}
_LOADER_NAME = re.compile(r"load[\s_-]*image|image[\s_-]*load|loadimg", re.IGNORECASE)
_ANNOTATION = re.compile(r"^(.*) \[(input|output|temp)\]$", re.DOTALL)


class HostInputError(HostRequestError):
    """An input image the proxy refuses to read (malformed, not an image, too large); names the field.

    Attributes:
        status: the HTTP status to answer (400 malformed, 413 too large).
    """

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class InputImage:
    """One input image of a request.

    Attributes:
        where: the place in the request (``init_images[0]``, ``node 10 (LoadImage).image``).
        argument: ``image`` | ``control_image`` | ``ip_adapter_image`` (face-checked) or ``mask``
            (decoded and bounded only).
        data: the base64 text (A1111, base64 nodes); None for a file reference or an unseen input.
        file: a ComfyUI file reference ``(type, subfolder, filename)``; None otherwise.
        unseen: why the proxy cannot see the image (a URL the host fetches, a host-side folder,
            an unknown loader node); None when it can.
    """

    where: str
    argument: str
    data: str | None = None
    file: tuple[str, str, str] | None = None
    unseen: str | None = None

    @property
    def face_checked(self) -> bool:
        return self.argument != MASK


# --------------------------------------------------------------------------- decoding
def b64_image_bytes(value: Any, where: str, max_bytes: int) -> bytes:
    """The bytes of a base64 image (optionally a ``data:`` URL), bounded before decoding.

    Raises:
        HostInputError: not a string, not base64, or over ``max_bytes`` (413); names ``where``.
    """
    if not isinstance(value, str):
        raise HostInputError(f"{where}: expected a base64-encoded image, got {type(value).__name__}")
    raw = value
    if raw[:5].lower() == "data:":
        m = _DATA_URL.match(raw[:1000])
        if m is None or ";base64" not in m.group(2).lower():
            raise HostInputError(f"{where}: a data: URL must be 'data:<type>;base64,<data>'")
        raw = raw[m.end():]
    # Four base64 characters carry three bytes; whitespace is tolerated (line-wrapped encoders),
    # and the length is checked before anything is decoded.
    limit = (max_bytes + 2) // 3 * 4
    if len(raw) > 2 * limit + 1024:
        raise HostInputError(f"{where}: image over {max_bytes} bytes", status=413)
    compact = re.sub(r"[ \r\n\t]+", "", raw)
    if len(compact) > limit:
        raise HostInputError(f"{where}: image over {max_bytes} bytes", status=413)
    try:
        data = base64.b64decode(compact, validate=True)
    except (binascii.Error, ValueError):
        raise HostInputError(f"{where}: not valid base64") from None
    if not data:
        raise HostInputError(f"{where}: empty image")
    return data


def decode_image(data: bytes, where: str) -> Image.Image:
    """An RGB image for the face check; the size is checked from the header first.

    Raises:
        HostInputError: not an image, corrupt, or over the pixel caps; names ``where``.
    """
    try:
        return load_input_image(data, where)
    except ImageError as exc:
        raise HostInputError(str(exc), status=413 if "cap" in str(exc) else 400) from None


def decode_input(image: InputImage, max_bytes: int) -> Image.Image:
    """Decode an inline input image (``image.data``)."""
    assert image.data is not None
    return decode_image(b64_image_bytes(image.data, image.where, max_bytes), image.where)


def looks_like_b64_image(value: str) -> bool:
    """Whether a string in free-form arguments is a base64 image (data URL or a known file signature)."""
    if len(value) < _MIN_SNIFF:
        return False
    head = value[:200].lower()
    return head.startswith("data:image/") or value.startswith(_B64_MAGIC)


# --------------------------------------------------------------------------- A1111
def a1111_input_images(body: Any) -> list[InputImage]:
    """Every input image of a txt2img/img2img body, in request order.

    Raises:
        HostRequestError: a field that should hold images holds something else (named).
    """
    if not isinstance(body, dict):
        raise HostRequestError("body: expected a JSON object (the txt2img/img2img request)")
    found: list[InputImage] = []
    init = body.get("init_images")
    if init is not None:
        if not isinstance(init, list):
            raise HostRequestError(f"init_images: expected a list of base64 images, got {type(init).__name__}")
        for i, item in enumerate(init):
            found.append(_a1111_image(item, f"init_images[{i}]", IMAGE))
    mask = body.get("mask")
    if mask not in (None, ""):
        found.append(_a1111_image(mask, "mask", MASK))
    scripts = body.get("alwayson_scripts")
    if scripts is not None:
        if not isinstance(scripts, dict):
            raise HostRequestError(f"alwayson_scripts: expected an object, got {type(scripts).__name__}")
        for name, script in scripts.items():
            where = f"alwayson_scripts.{str(name)[:40]}"
            args = script.get("args") if isinstance(script, dict) else script
            if str(name).lower() == "controlnet" and isinstance(args, list):
                for i, unit in enumerate(args):
                    if isinstance(unit, dict):
                        found.extend(_controlnet_unit(unit, f"{where}.args[{i}]"))
                    else:
                        found.extend(_scan(unit, f"{where}.args[{i}]"))
            else:
                found.extend(_scan(args, f"{where}.args"))
    if body.get("script_args") is not None:
        found.extend(_scan(body["script_args"], "script_args"))
    return found


def _a1111_image(value: Any, where: str, argument: str) -> InputImage:
    if isinstance(value, str) and value[:8].lower().startswith(("http://", "https://")):
        return InputImage(where, argument, unseen="a URL the host fetches itself")
    if not isinstance(value, str):
        raise HostInputError(f"{where}: expected a base64-encoded image, got {type(value).__name__}")
    return InputImage(where, argument, data=value)


def _controlnet_unit(unit: dict[str, Any], where: str) -> list[InputImage]:
    kind = " ".join(str(unit.get(k, "")) for k in ("module", "model"))
    argument = IP_ADAPTER if _IDENTITY_UNITS.search(kind) else CONTROL
    found: list[InputImage] = []
    for key in ("image", "input_image"):
        value = unit.get(key)
        if value in (None, ""):
            continue
        if isinstance(value, dict):  # {"image": b64, "mask": b64}
            if value.get("image") not in (None, ""):
                found.append(_a1111_image(value["image"], f"{where}.{key}.image", argument))
            if value.get("mask") not in (None, ""):
                found.append(_a1111_image(value["mask"], f"{where}.{key}.mask", MASK))
        elif isinstance(value, list):  # several reference images (multi-input IP-Adapter)
            for j, item in enumerate(value):
                img = item.get("image") if isinstance(item, dict) else item
                found.append(_a1111_image(img, f"{where}.{key}[{j}]", argument))
        else:
            found.append(_a1111_image(value, f"{where}.{key}", argument))
    for key in ("mask", "mask_image"):
        if unit.get(key) not in (None, ""):
            found.append(_a1111_image(unit[key], f"{where}.{key}", MASK))
    if unit.get("batch_images") not in (None, "") or str(unit.get("input_mode", "")).lower() in ("batch", "merge"):
        found.append(InputImage(f"{where}.batch_images", argument, unseen="a folder on the host"))
    return found


def _scan(value: Any, where: str) -> list[InputImage]:
    """Base64 images anywhere in free-form script arguments (bounded walk)."""
    found: list[InputImage] = []
    stack: list[tuple[Any, str, int]] = [(value, where, 0)]
    seen = 0
    while stack:
        item, place, depth = stack.pop()
        seen += 1
        if seen > _MAX_SCAN or depth > _MAX_DEPTH:
            raise HostRequestError(f"{where}: too large or too deeply nested to check for images")
        if isinstance(item, str):
            if looks_like_b64_image(item):
                found.append(InputImage(place, IMAGE, data=item))
        elif isinstance(item, list):
            stack.extend((v, f"{place}[{i}]", depth + 1) for i, v in reversed(list(enumerate(item))))
        elif isinstance(item, dict):
            stack.extend((v, f"{place}.{str(k)[:40]}", depth + 1) for k, v in reversed(list(item.items())))
    return found


# --------------------------------------------------------------------------- ComfyUI
def comfyui_file_key(value: str, default_type: str = "input") -> tuple[str, str, str]:
    """``(type, subfolder, filename)`` of a ``LoadImage`` value (``sub/name.png [input]``)."""
    m = _ANNOTATION.match(value)
    kind = default_type
    if m is not None:
        value, kind = m.group(1), m.group(2)
    value = value.replace("\\", "/")
    subfolder, _, name = value.rpartition("/")
    return kind, subfolder, name


def upload_key(name: Any, subfolder: Any, kind: Any) -> tuple[str, str, str]:
    """The key of an uploaded file as a later ``LoadImage`` names it."""
    return (str(kind or "input"), str(subfolder or "").replace("\\", "/").strip("/"), str(name or ""))


def comfyui_input_images(workflow: dict[str, Any]) -> list[InputImage]:
    """Every input image of a validated API-format workflow, in node order.

    Raises:
        HostRequestError: a loader's file name is not text (or a link the screener cannot read).
    """
    found: list[InputImage] = []
    for node_id in sorted(workflow, key=lambda n: (int(n), "") if n.isdigit() else (1 << 62, n)):
        node = workflow[node_id]
        cls = node["class_type"]
        inputs = node.get("inputs", {})
        where = f"node {node_id[:40]} ({cls[:80]})"
        if cls in _FILE_LOADERS:
            fld = _FILE_LOADERS[cls]
            name = resolve_text(workflow, inputs.get(fld, ""), f"{where}.{fld}")
            default = "output" if cls == "LoadImageOutput" else "input"
            found.append(InputImage(f"{where}.{fld}", IMAGE, file=comfyui_file_key(name, default)))
        elif cls in _B64_NODES:
            fld, argument = _B64_NODES[cls]
            value = inputs.get(fld)
            if is_link(value):
                value = resolve_text(workflow, value, f"{where}.{fld}")
            if not isinstance(value, str):
                raise HostInputError(f"{where}.{fld}: expected a base64-encoded image")
            found.append(InputImage(f"{where}.{fld}", argument, data=value))
        else:
            sniffed = [InputImage(f"{where}.{k}", IMAGE, data=v) for k, v in inputs.items()
                       if isinstance(v, str) and looks_like_b64_image(v)]
            found.extend(sniffed)
            if not sniffed and _LOADER_NAME.search(cls):
                found.append(InputImage(where, IMAGE, unseen="a node that loads an image the proxy cannot see"))
    return found


__all__ = ["CONTROL", "HostInputError", "IMAGE", "IP_ADAPTER", "InputImage", "MASK", "a1111_input_images",
           "b64_image_bytes", "comfyui_file_key", "comfyui_input_images", "decode_image", "decode_input",
           "looks_like_b64_image", "upload_key"]
