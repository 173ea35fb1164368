"""APL prefixes (soft prompts): the file format, loaders, converters, checks.

An APL prefix is m learned vectors per text encoder, placed in front of the
prompt's token embeddings, before the frozen encoder: right after BOS for CLIP
encoders, at position 0 for T5 encoders (which have no BOS).

File format (``.safetensors``, format version 1):

* one float32 tensor per text encoder, named after the pipeline attribute it
  belongs to: ``text_encoder`` (SD1.x/SD2.x, PixArt's T5) and, for SDXL and
  FLUX.1, also ``text_encoder_2`` (FLUX.1: T5), for SD3 also ``text_encoder_3``
  (T5); shape ``(n_vectors, hidden)``;
* string metadata: ``format`` = ``aplguard.softprompt``, ``format_version``,
  ``family`` (sd1 | sd2 | sdxl | sd3 | flux | pixart | ...), ``n_vectors``, ``encoders`` (JSON: per
  encoder ``hidden`` and ``fingerprint``) and ``provenance`` (JSON: how it was
  trained or what it was converted from).

Other formats are read by :func:`load_any` and written by :meth:`SoftPrompt.export`:
the official APL checkpoint (``.pt`` with ``string_to_param``), diffusers
textual-inversion files (``{token: tensor}``) and A1111/ComfyUI embeddings
(``emb_params`` / ``string_to_param`` / SDXL ``clip_l`` + ``clip_g``) in
``.safetensors`` or ``.pt``. ``.pt`` files are read with
``torch.load(weights_only=True)``: arbitrary pickled objects are refused.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ._deps import require
from .errors import PrefixError

FORMAT = "aplguard.softprompt"
FORMAT_VERSION = "1"
MAX_VECTORS = 75  # CLIP's 77-token context minus BOS and EOS
ENCODER_NAMES = ("text_encoder", "text_encoder_2", "text_encoder_3")
T5_MODEL_TYPES = ("t5", "mt5", "umt5")  # encoders without BOS: the prefix goes at position 0
_PROBE_ROWS = 16  # token-embedding rows summarised in a fingerprint
_FINGERPRINT_RTOL = 2e-2  # tolerant enough for fp32 vs fp16/bf16 copies of one encoder
_MAX_FILE_BYTES = 256 * 1024 * 1024
_MAX_PROBE = 1024  # fingerprint probe entries accepted from a file
_MAX_FAMILY_CHARS = 64
_MAX_TORCH_DEPTH = 8  # nesting of dicts in a .pt checkpoint
_MAX_TORCH_TENSORS = 4096
ENCODERS_META_KEY = "aplguard_encoders"  # fingerprints carried by A1111-format exports

PathLike = str | os.PathLike[str]


@dataclass(frozen=True)
class EncoderFingerprint:
    """What identifies a text encoder well enough to refuse a mismatched prefix.

    Attributes:
        hidden: token-embedding width.
        positions: maximum sequence length (position embeddings).
        probe: L2 norms of the first token-embedding rows (byte tokens in CLIP
            vocabularies, which every CLIP tokenizer shares); dtype-tolerant.
    """

    hidden: int
    positions: int
    probe: tuple[float, ...]

    def to_json(self) -> dict[str, Any]:
        return {"hidden": self.hidden, "positions": self.positions, "probe": [round(x, 5) for x in self.probe]}

    @classmethod
    def from_json(cls, data: Any, where: str = "fingerprint") -> EncoderFingerprint:
        """Parse :meth:`to_json` output, validating every field.

        Raises:
            PrefixError: naming ``where`` and the key, for a value of the wrong type or range.
        """
        if not isinstance(data, dict):
            raise PrefixError(f"{where}: expected an object, got {_type_name(data)}")
        if "hidden" not in data:
            raise PrefixError(f"{where}.hidden: missing")
        hidden = _json_int(data["hidden"], f"{where}.hidden", minimum=1)
        positions = _json_int(data.get("positions", 0), f"{where}.positions", minimum=0)
        raw = data.get("probe", [])
        if not isinstance(raw, list):
            raise PrefixError(f"{where}.probe: expected a list of numbers, got {_type_name(raw)}")
        if len(raw) > _MAX_PROBE:
            raise PrefixError(f"{where}.probe: {len(raw)} entries is too many (at most {_MAX_PROBE})")
        probe = []
        for i, x in enumerate(raw):
            if isinstance(x, bool) or not isinstance(x, (int, float)) or not math.isfinite(x):
                raise PrefixError(f"{where}.probe[{i}]: expected a finite number, got {x!r:.40}")
            probe.append(float(x))
        return cls(hidden, positions, tuple(probe))

    def mismatch(self, other: EncoderFingerprint) -> str | None:
        """Why ``other`` is a different encoder, or None when they match."""
        if self.hidden != other.hidden:
            return f"hidden size {self.hidden} != {other.hidden}"
        if self.positions and other.positions and self.positions != other.positions:
            return f"max positions {self.positions} != {other.positions}"
        if self.probe and other.probe:
            a, b = np.asarray(self.probe), np.asarray(other.probe)
            if a.shape != b.shape or not np.allclose(a, b, rtol=_FINGERPRINT_RTOL, atol=1e-4):
                return "token embeddings differ (another text encoder)"
        return None


def encoder_fingerprint(text_encoder: Any) -> EncoderFingerprint:
    """Fingerprint a transformers text encoder (CLIPTextModel and friends)."""
    torch = require("torch", "diffusers")
    emb = text_encoder.get_input_embeddings().weight
    with torch.no_grad():
        rows = emb[:_PROBE_ROWS].detach().float().cpu()
        probe = tuple(float(x) for x in rows.norm(dim=1))
    cfg = getattr(text_encoder, "config", None)
    positions = int(getattr(cfg, "max_position_embeddings", 0) or 0)
    return EncoderFingerprint(hidden=int(emb.shape[1]), positions=positions, probe=probe)


def text_encoders(pipe: Any) -> list[tuple[str, Any, Any]]:
    """The (attribute name, tokenizer, text encoder) triples of a diffusers pipeline.

    Raises:
        PrefixError: the pipeline has no tokenizer/text-encoder pair.
    """
    found: list[tuple[str, Any, Any]] = []
    for name in ENCODER_NAMES:
        enc = getattr(pipe, name, None)
        tok = getattr(pipe, name.replace("text_encoder", "tokenizer"), None)
        if enc is not None and tok is not None:
            found.append((name, tok, enc))
    if not found:
        raise PrefixError(f"{type(pipe).__name__} has no text encoder with a tokenizer; an APL prefix cannot be applied")
    return found


def is_t5_encoder(text_encoder: Any) -> bool:
    """True for T5-style encoders (no BOS, relative positions, fixed ``max_sequence_length`` padding)."""
    return getattr(getattr(text_encoder, "config", None), "model_type", None) in T5_MODEL_TYPES


def prefix_position(tokenizer: Any) -> int:
    """Where the prefix goes in this tokenizer's ids: 1 after a BOS it adds, else 0.

    Found by tokenizing, not assumed from the tokenizer class.
    """
    ids = list(tokenizer("a", add_special_tokens=True).input_ids)
    bos = getattr(tokenizer, "bos_token_id", None)
    return 1 if ids and bos is not None and ids[0] == bos else 0


def pipeline_family(pipe: Any) -> str:
    """Model family of a pipeline: ``sd3``, ``flux``, ``pixart``, ``sdxl``, ``sd2``, ``sd1`` or ``custom``.

    Read from the encoders, not the class name, so variants (ControlNet, img2img,
    inpaint) of one family get the family's prefix.
    """
    encs = {n: enc for n, _, enc in text_encoders(pipe)}
    t5 = {n for n, enc in encs.items() if is_t5_encoder(enc)}
    if t5:
        if set(encs) == {"text_encoder", "text_encoder_2", "text_encoder_3"} and t5 == {"text_encoder_3"}:
            return "sd3"
        if set(encs) == {"text_encoder", "text_encoder_2"} and t5 == {"text_encoder_2"}:
            return "flux"
        if set(encs) == {"text_encoder"}:
            return "pixart"
        return "custom"
    if "text_encoder_3" in encs:
        return "custom"
    if "text_encoder_2" in encs:
        # SD3 loaded with text_encoder_3=None (a common memory saving) has SDXL's two CLIPs but a
        # transformer where SDXL has a UNet: it is still SD3.
        return "sd3" if getattr(pipe, "transformer", None) is not None else "sdxl"
    hidden = int(encs["text_encoder"].get_input_embeddings().weight.shape[1])
    return _family_for_width(hidden)


def _family_for_width(hidden: int) -> str:
    return {768: "sd1", 1024: "sd2"}.get(hidden, "sd1" if hidden < 768 else "custom")


@dataclass(frozen=True)
class SoftPrompt:
    """An APL prefix: ``n_vectors`` learned embeddings per text encoder.

    Attributes:
        vectors: encoder name -> float32 array of shape (n_vectors, hidden).
        family: base-model family the prefix was trained for.
        fingerprints: encoder name -> fingerprint of the encoder it was trained on
            (may be empty for converted files, which then only get size checks).
        provenance: free-form JSON-able description of origin.
    """

    vectors: dict[str, np.ndarray]
    family: str = "sd1"
    fingerprints: dict[str, EncoderFingerprint] = field(default_factory=dict)
    provenance: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        _validate_vectors(self.vectors, where="SoftPrompt")
        if not isinstance(self.family, str) or not 0 < len(self.family) <= _MAX_FAMILY_CHARS:
            raise PrefixError(f"SoftPrompt: family must be a name of 1..{_MAX_FAMILY_CHARS} characters, "
                              f"got {self.family!r:.80}")
        unknown = set(self.fingerprints) - set(self.vectors)
        if unknown:
            raise PrefixError(f"SoftPrompt: fingerprints for {sorted(unknown)} but no vectors for them")

    # -- properties --------------------------------------------------------
    @property
    def n_vectors(self) -> int:
        return int(next(iter(self.vectors.values())).shape[0])

    @property
    def hidden_sizes(self) -> dict[str, int]:
        return {k: int(v.shape[1]) for k, v in self.vectors.items()}

    @property
    def digest(self) -> str:
        """sha256 over the vectors (names, shapes and float32 bytes): the prefix id."""
        h = hashlib.sha256()
        for name in sorted(self.vectors):
            v = np.ascontiguousarray(self.vectors[name], dtype=np.float32)
            h.update(name.encode())
            h.update(str(v.shape).encode())
            h.update(v.tobytes())
        return h.hexdigest()

    def encoders_json(self) -> dict[str, dict[str, Any]]:
        """Per encoder ``hidden`` and ``fingerprint`` (None when unknown): the ``encoders`` metadata."""
        return {
            name: {"hidden": int(v.shape[1]),
                   "fingerprint": self.fingerprints[name].to_json() if name in self.fingerprints else None}
            for name, v in self.vectors.items()
        }

    @property
    def metadata(self) -> dict[str, str]:
        encoders = self.encoders_json()
        return {
            "format": FORMAT, "format_version": FORMAT_VERSION, "family": self.family,
            "n_vectors": str(self.n_vectors), "encoders": json.dumps(encoders, sort_keys=True),
            "provenance": json.dumps(self.provenance, sort_keys=True, default=str),
        }

    # -- construction --------------------------------------------------------
    @classmethod
    def from_pipeline(cls, pipe: Any, vectors: dict[str, Any], provenance: dict[str, Any] | None = None) -> SoftPrompt:
        """Build a prefix for ``pipe`` from tensors/arrays, filling family and fingerprints."""
        encs = {name: enc for name, _, enc in text_encoders(pipe)}
        arrays = {k: _to_numpy(v) for k, v in vectors.items()}
        if set(arrays) != set(encs):
            raise PrefixError(f"vectors are given for {sorted(arrays)} but the pipeline has encoders {sorted(encs)}")
        prints = {name: encoder_fingerprint(enc) for name, enc in encs.items()}
        sp = cls(arrays, family=pipeline_family(pipe), fingerprints=prints, provenance=dict(provenance or {}))
        sp.check_pipeline(pipe)
        return sp

    @classmethod
    def load(cls, path: PathLike) -> SoftPrompt:
        """Load any supported prefix file (see :func:`load_any`)."""
        return load_any(path)

    # -- checks ----------------------------------------------------------------
    def check_pipeline(self, pipe: Any) -> None:
        """Raise PrefixError unless this prefix fits every text encoder of ``pipe``."""
        encs = {name: enc for name, _, enc in text_encoders(pipe)}
        if set(self.vectors) != set(encs):
            raise PrefixError(
                f"prefix ({self.family}) has vectors for {sorted(self.vectors)} but {type(pipe).__name__} "
                f"has text encoders {sorted(encs)}"
            )
        for name, enc in encs.items():
            fp = encoder_fingerprint(enc)
            hidden = self.vectors[name].shape[1]
            if hidden != fp.hidden:
                raise PrefixError(f"prefix {name} vectors have width {hidden} but the pipeline's {name} expects {fp.hidden}")
            if name in self.fingerprints:
                why = self.fingerprints[name].mismatch(fp)
                if why:
                    raise PrefixError(f"prefix was trained for another {name}: {why}")

    def fitted_to(self, pipe: Any, *, restamp: bool = False) -> tuple[SoftPrompt, list[str]]:
        """This prefix with fingerprints for ``pipe``'s encoders, for conversion tools.

        Fingerprints the prefix already has are kept and must match ``pipe``
        (the prefix was trained for that encoder); encoders without one get
        ``pipe``'s. Only ``restamp=True`` replaces a fingerprint that does not
        match, which makes :class:`Guard` accept the prefix for ``pipe``: a
        deliberate, visible act (the provenance records it).

        Returns:
            the fitted prefix and the encoder names whose fingerprint was replaced.

        Raises:
            PrefixError: encoders or widths differ, or (without ``restamp``) a
                fingerprint names another encoder.
        """
        encs = {name: enc for name, _, enc in text_encoders(pipe)}
        if set(self.vectors) != set(encs):
            raise PrefixError(f"prefix ({self.family}) has vectors for {sorted(self.vectors)} but "
                              f"{type(pipe).__name__} has text encoders {sorted(encs)}")
        prints: dict[str, EncoderFingerprint] = {}
        replaced: list[str] = []
        for name, enc in encs.items():
            fp = encoder_fingerprint(enc)
            hidden = int(self.vectors[name].shape[1])
            if hidden != fp.hidden:
                raise PrefixError(f"prefix {name} vectors have width {hidden} but the pipeline's {name} "
                                  f"expects {fp.hidden}")
            old = self.fingerprints.get(name)
            why = old.mismatch(fp) if old is not None else None
            if why and not restamp:
                raise PrefixError(f"prefix was trained for another {name}: {why}")
            if why:
                replaced.append(name)
            prints[name] = fp if (old is None or why) else old
        provenance = dict(self.provenance)
        if replaced:
            provenance["restamped"] = {"encoders": replaced, "family": pipeline_family(pipe)}
        family = pipeline_family(pipe) if (replaced or not self.fingerprints) else self.family
        return SoftPrompt(dict(self.vectors), family=family, fingerprints=prints, provenance=provenance), replaced

    # -- writing -----------------------------------------------------------------
    def save(self, path: PathLike) -> Path:
        """Write the aplguard ``.safetensors`` format atomically."""
        st = require("safetensors.numpy", "diffusers")
        tensors = {k: np.ascontiguousarray(v, dtype=np.float32) for k, v in self.vectors.items()}
        return _atomic_write(Path(path), lambda tmp: st.save_file(tensors, tmp, metadata=self.metadata))

    def export(self, path: PathLike, fmt: str = "a1111", token: str = "aplguard") -> Path:
        """Export for other tools.

        Args:
            path: output file; ``.safetensors`` or ``.pt``.
            fmt: ``a1111`` (A1111/ComfyUI embedding: ``emb_params``, or ``clip_l``/``clip_g``
                for SDXL), ``diffusers`` (textual inversion ``{token: tensor}``, single encoder)
                or ``aplguard`` (this format).
            token: the token name used by the diffusers format.
        """
        path = Path(path)
        if fmt == "aplguard":
            return self.save(path)
        if fmt in ("a1111", "diffusers") and self.family in ("sd3", "flux", "pixart"):
            raise PrefixError(f"{fmt} files hold CLIP embeddings only; a {self.family} prefix also conditions T5: "
                              "use fmt='aplguard'")
        if fmt == "a1111":
            if set(self.vectors) == {"text_encoder"}:
                tensors = {"emb_params": self.vectors["text_encoder"]}
            else:
                tensors = {"clip_l": self.vectors["text_encoder"], "clip_g": self.vectors["text_encoder_2"]}
        elif fmt == "diffusers":
            if set(self.vectors) != {"text_encoder"}:
                raise PrefixError("the diffusers textual-inversion format holds one encoder; use fmt='a1111' for SDXL")
            tensors = {token: self.vectors["text_encoder"]}
        else:
            raise PrefixError(f"unknown export format {fmt!r} (known: a1111, diffusers, aplguard)")
        tensors = {k: np.ascontiguousarray(v, dtype=np.float32) for k, v in tensors.items()}
        # Fingerprints travel with the vectors, so a round trip through another format
        # never turns a prefix for one encoder into one that any encoder accepts.
        encoders = json.dumps(self.encoders_json(), sort_keys=True)
        if path.suffix == ".safetensors":
            st = require("safetensors.numpy", "diffusers")
            meta = {"aplguard_provenance": json.dumps(self.provenance, default=str), "family": self.family,
                    ENCODERS_META_KEY: encoders}
            return _atomic_write(path, lambda tmp: st.save_file(tensors, tmp, metadata=meta))
        if path.suffix == ".pt":
            torch = require("torch", "diffusers")
            obj: dict[str, Any]
            if fmt == "a1111" and "emb_params" in tensors:
                obj = {"string_to_token": {"*": 265}, "string_to_param": {"*": torch.from_numpy(tensors["emb_params"])},
                       "name": token, "step": 0, ENCODERS_META_KEY: encoders}
            elif fmt == "a1111":
                obj = {**{k: torch.from_numpy(v) for k, v in tensors.items()}, ENCODERS_META_KEY: encoders}
            else:  # diffusers {token: tensor}: a second key would break its loaders
                obj = {k: torch.from_numpy(v) for k, v in tensors.items()}
            return _atomic_write(path, lambda tmp: torch.save(obj, tmp))
        raise PrefixError(f"{path}: export needs a .safetensors or .pt file name")


# ---------------------------------------------------------------------------
# reading


def load_any(path: PathLike) -> SoftPrompt:
    """Read a prefix file in any supported format.

    Raises:
        PrefixError: naming the file (and the metadata key where one is at fault),
            for missing/empty/truncated/unknown files, pickles with arbitrary
            objects, malformed metadata, and bad shapes or dtypes.
    """
    path = Path(path)
    try:
        if not path.exists():
            raise PrefixError(f"{path}: prefix file not found")
        if not path.is_file():
            raise PrefixError(f"{path}: not a file")
        size = path.stat().st_size
        if size == 0:
            raise PrefixError(f"{path}: prefix file is empty")
        if size > _MAX_FILE_BYTES:
            raise PrefixError(f"{path}: {size} bytes is too large for a prefix file")
        with path.open("rb") as fh:
            head = fh.read(8)
    except PrefixError:
        raise
    except OSError as exc:
        raise PrefixError(f"{path}: cannot read prefix file: {exc.strerror or exc}") from None
    except ValueError as exc:  # e.g. an embedded NUL byte in the name
        raise PrefixError(f"{path!r}: bad prefix file name: {exc}") from None
    if path.suffix == ".safetensors" or not _looks_like_pickle_zip(head):
        tensors, meta = _read_safetensors(path)
    else:
        tensors, meta = _read_torch(path)
    try:
        return _interpret(tensors, meta, path)
    except PrefixError:
        raise
    except (ValueError, KeyError, TypeError, AttributeError, IndexError, OverflowError) as exc:
        # A safety net: _interpret validates what it reads, so this names an unforeseen layout.
        raise PrefixError(f"{path}: malformed prefix file ({type(exc).__name__}: {exc})") from None


def _looks_like_pickle_zip(head: bytes) -> bool:
    # torch.save writes a zip archive (PK..); very old files are raw pickles (0x80).
    return head.startswith(b"PK") or head[:1] == b"\x80"


def _read_safetensors(path: Path) -> tuple[dict[str, np.ndarray], dict[str, str]]:
    from safetensors import safe_open  # core dependency

    try:
        with safe_open(str(path), framework="numpy") as f:
            meta = dict(f.metadata() or {})
            tensors = {k: f.get_tensor(k) for k in f.keys()}  # noqa: SIM118 (safe_open is not a mapping)
    except Exception as exc:  # safetensors raises its own SafetensorError / OSError
        if path.suffix != ".safetensors":
            raise PrefixError(f"{path}: neither a safetensors file nor a torch checkpoint") from None
        raise PrefixError(f"{path}: not a valid safetensors file ({type(exc).__name__}: {exc})") from None
    return tensors, meta


def _read_torch(path: Path) -> tuple[dict[str, np.ndarray], dict[str, str]]:
    torch = require("torch", "diffusers")
    try:
        obj = torch.load(str(path), map_location="cpu", weights_only=True)
    except Exception as exc:  # UnpicklingError for arbitrary objects, zip errors for truncation
        raise PrefixError(
            f"{path}: refused to load: not a plain tensor checkpoint ({type(exc).__name__}); "
            "only tensors, numbers, strings and dicts are accepted"
        ) from None
    flat: dict[str, np.ndarray] = {}
    _flatten_torch(obj, "", flat, torch, path, 0)
    meta: dict[str, str] = {}
    if isinstance(obj, dict) and ENCODERS_META_KEY in obj:
        value = obj[ENCODERS_META_KEY]
        if not isinstance(value, str):
            raise PrefixError(f"{path}: {ENCODERS_META_KEY}: expected a JSON string, got {_type_name(value)}")
        meta[ENCODERS_META_KEY] = value
    return flat, meta


def _flatten_torch(obj: Any, prefix: str, out: dict[str, np.ndarray], torch: Any, path: Path, depth: int) -> None:
    if isinstance(obj, torch.Tensor):
        if len(out) >= _MAX_TORCH_TENSORS:
            raise PrefixError(f"{path}: more than {_MAX_TORCH_TENSORS} tensors; not a prefix checkpoint")
        try:
            out[prefix] = obj.detach().to(torch.float32).cpu().numpy()
        except (RuntimeError, TypeError, ValueError) as exc:  # sparse, quantized, meta, complex tensors
            raise PrefixError(f"{path}: {prefix or 'tensor'}: unsupported tensor ({exc})") from None
    elif isinstance(obj, dict):
        if depth >= _MAX_TORCH_DEPTH:
            raise PrefixError(f"{path}: {prefix}: dicts nested deeper than {_MAX_TORCH_DEPTH} levels")
        for k, v in obj.items():
            _flatten_torch(v, f"{prefix}.{k}" if prefix else str(k), out, torch, path, depth + 1)


# -- metadata ------------------------------------------------------------------------


def _type_name(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean", int: "an integer",
            float: "a number", type(None): "null"}.get(type(value), type(value).__name__)


def _json_int(value: Any, where: str, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise PrefixError(f"{where}: expected an integer, got {_type_name(value)}")
    if not minimum <= value <= 2**31:
        raise PrefixError(f"{where}: {value} is out of range")
    return value


def _meta_json(meta: dict[str, str], key: str, path: Path, default: Any) -> Any:
    """Parse one JSON-valued metadata key; the error names the file and the key."""
    if key not in meta:
        return default
    try:
        return json.loads(meta[key])
    except (ValueError, RecursionError) as exc:
        raise PrefixError(f"{path}: metadata '{key}': not valid JSON ({exc})") from None


def _parse_encoders(raw: Any, tensors: dict[str, np.ndarray], path: Path, key: str,
                    require_all: bool) -> dict[str, EncoderFingerprint]:
    """Validate an ``encoders`` metadata object against the file's tensors; return its fingerprints."""
    where = f"{path}: metadata '{key}'"
    if not isinstance(raw, dict):
        raise PrefixError(f"{where}: expected an object of encoders, got {_type_name(raw)}")
    unknown = sorted(set(raw) - set(tensors))
    if unknown:
        raise PrefixError(f"{where}: entries {unknown[:4]} have no tensor in the file (tensors: {sorted(tensors)})")
    missing = sorted(set(tensors) - set(raw))
    if require_all and missing:
        raise PrefixError(f"{where}: no entry for {missing}")
    prints: dict[str, EncoderFingerprint] = {}
    for name, entry in raw.items():
        if not isinstance(entry, dict):
            raise PrefixError(f"{where}: {name}: expected an object, got {_type_name(entry)}")
        width = int(tensors[name].shape[-1]) if tensors[name].ndim else 0
        if "hidden" in entry and _json_int(entry["hidden"], f"{where}: {name}.hidden", minimum=1) != width:
            raise PrefixError(f"{where}: {name}.hidden is {entry['hidden']} but the tensor has width {width}")
        fp = entry.get("fingerprint")
        if fp is None:
            continue
        parsed = EncoderFingerprint.from_json(fp, where=f"{where}: {name}.fingerprint")
        if parsed.hidden != width:
            raise PrefixError(f"{where}: {name}.fingerprint.hidden is {parsed.hidden} but the tensor has width {width}")
        prints[name] = parsed
    return prints


def _interpret(tensors: dict[str, np.ndarray], meta: dict[str, str], path: Path) -> SoftPrompt:
    """Recognise the layout of ``tensors`` and build a SoftPrompt."""
    if not tensors:
        raise PrefixError(f"{path}: holds no tensors")
    if meta.get("format") == FORMAT:
        return _interpret_aplguard(tensors, meta, path)
    source = {"converted_from": path.name}
    vectors: dict[str, np.ndarray]
    family: str | None
    if "clip_l" in tensors and "clip_g" in tensors:  # A1111/ComfyUI SDXL embedding
        vectors = {"text_encoder": tensors["clip_l"], "text_encoder_2": tensors["clip_g"]}
        fmt, family = "a1111-sdxl", "sdxl"
    elif "emb_params" in tensors:  # A1111 embedding in safetensors
        vectors, fmt, family = {"text_encoder": tensors["emb_params"]}, "a1111", None
    else:
        params = {k: v for k, v in tensors.items() if k.startswith("string_to_param.")}
        if len(params) == 1:  # official APL checkpoint / A1111 .pt
            vectors, fmt, family = {"text_encoder": next(iter(params.values()))}, "string_to_param", None
        elif len(params) > 1:
            raise PrefixError(f"{path}: string_to_param holds {len(params)} embeddings; expected exactly one")
        else:
            candidates = {k: v for k, v in tensors.items() if v.ndim in (1, 2) and "." not in k}
            if len(candidates) == 1 and len(tensors) == 1:  # diffusers textual inversion {token: tensor}
                vectors, fmt, family = {"text_encoder": next(iter(candidates.values()))}, "diffusers-ti", None
            else:
                raise PrefixError(
                    f"{path}: unrecognised prefix layout (tensors: {sorted(tensors)[:6]}); expected the aplguard "
                    "format, an APL/A1111 'string_to_param' checkpoint, an 'emb_params' embedding or {token: tensor}"
                )
    vectors = {k: _check_array(v[None, :] if v.ndim == 1 else v, f"{path}: {k}") for k, v in vectors.items()}
    if family is None:
        family = _family_for_width(int(next(iter(vectors.values())).shape[1]))
    # Fingerprints written by SoftPrompt.export travel with A1111-format files.
    raw = _meta_json(meta, ENCODERS_META_KEY, path, default={})
    prints = _parse_encoders(raw, vectors, path, ENCODERS_META_KEY, require_all=False)
    return _build(path, vectors, family=family, fingerprints=prints, provenance={**source, "source_format": fmt})


def _interpret_aplguard(tensors: dict[str, np.ndarray], meta: dict[str, str], path: Path) -> SoftPrompt:
    """The aplguard format: every metadata key checked, errors name the file and the key."""
    version = meta.get("format_version")
    if version != FORMAT_VERSION:
        raise PrefixError(f"{path}: metadata 'format_version': unsupported aplguard prefix format version "
                          f"{version!r:.40} (expected {FORMAT_VERSION!r})")
    unknown = set(tensors) - set(ENCODER_NAMES)
    if unknown:
        raise PrefixError(f"{path}: unexpected tensors {sorted(unknown)[:6]} (known: {list(ENCODER_NAMES)})")
    vectors = {k: _check_array(v, f"{path}: {k}") for k, v in tensors.items()}
    if "encoders" not in meta:
        raise PrefixError(f"{path}: metadata 'encoders': missing")
    prints = _parse_encoders(_meta_json(meta, "encoders", path, default=None), vectors, path, "encoders",
                             require_all=True)
    family = meta.get("family", "sd1")
    if not 0 < len(family) <= _MAX_FAMILY_CHARS:
        raise PrefixError(f"{path}: metadata 'family': expected a name of 1..{_MAX_FAMILY_CHARS} characters")
    if "n_vectors" in meta:
        counts = {int(v.shape[0]) for v in vectors.values()}
        text = meta["n_vectors"]
        if not (text.isascii() and text.isdigit() and len(text) < 6) or {int(text)} != counts:
            raise PrefixError(f"{path}: metadata 'n_vectors' is {text!r:.40} but the tensors hold "
                              f"{'/'.join(str(n) for n in sorted(counts))} vectors")
    provenance = _meta_json(meta, "provenance", path, default={})
    if not isinstance(provenance, dict):
        raise PrefixError(f"{path}: metadata 'provenance': expected an object, got {_type_name(provenance)}")
    return _build(path, vectors, family=family, fingerprints=prints, provenance=provenance)


def _build(path: Path, vectors: dict[str, np.ndarray], *, family: str, fingerprints: dict[str, EncoderFingerprint],
           provenance: dict[str, Any]) -> SoftPrompt:
    try:
        return SoftPrompt(vectors, family=family, fingerprints=fingerprints, provenance=provenance)
    except PrefixError as exc:  # "SoftPrompt: ..." -> "<file>: ..."
        msg = str(exc)
        raise PrefixError(f"{path}: {msg.removeprefix('SoftPrompt: ')}") from None


def _check_array(v: np.ndarray, where: str) -> np.ndarray:
    if not isinstance(v, np.ndarray):
        raise PrefixError(f"{where}: expected an array, got {type(v).__name__}")
    if v.dtype.kind != "f":
        raise PrefixError(f"{where}: dtype {v.dtype} is not floating point")
    if v.ndim != 2:
        raise PrefixError(f"{where}: expected shape (n_vectors, hidden), got {tuple(v.shape)}")
    return np.ascontiguousarray(v, dtype=np.float32)


def _validate_vectors(vectors: dict[str, np.ndarray], where: str) -> None:
    if not vectors:
        raise PrefixError(f"{where}: no vectors")
    unknown = set(vectors) - set(ENCODER_NAMES)
    if unknown:
        raise PrefixError(f"{where}: unknown encoder names {sorted(unknown)} (known: {list(ENCODER_NAMES)})")
    ns = set()
    for name, v in vectors.items():
        v = _check_array(v, f"{where}: {name}")
        n, hidden = v.shape
        if not 1 <= n <= MAX_VECTORS:
            raise PrefixError(f"{where}: {name} has {n} vectors; a prefix needs 1..{MAX_VECTORS}")
        if hidden < 1:
            raise PrefixError(f"{where}: {name} has zero width")
        if not np.isfinite(v).all():
            raise PrefixError(f"{where}: {name} holds NaN or infinite values")
        ns.add(n)
    if len(ns) > 1:
        raise PrefixError(f"{where}: encoders have different vector counts {sorted(ns)}")


def _to_numpy(v: Any) -> np.ndarray:
    if isinstance(v, np.ndarray):
        return v.astype(np.float32)
    if hasattr(v, "detach"):  # torch tensor
        return np.asarray(v.detach().float().cpu().numpy())
    raise PrefixError(f"expected a tensor or array, got {type(v).__name__}")


def _atomic_write(path: Path, write: Callable[[str], object]) -> Path:
    """Write via a temporary file in the same folder, then rename: never a half file.

    Raises:
        PrefixError: naming ``path`` when it is a directory or cannot be written.
    """
    if path.is_dir():
        raise PrefixError(f"{path}: is a directory; give a file name for the prefix")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=str(path.parent))
        os.close(fd)
    except OSError as exc:
        raise PrefixError(f"{path}: cannot write: {exc.strerror or exc}") from None
    try:
        write(tmp)
        os.replace(tmp, path)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise PrefixError(f"{path}: cannot write: {exc.strerror or exc}") from None
        raise
    return path


def describe(sp: SoftPrompt) -> dict[str, Any]:
    """A JSON-able summary for ``aplguard prefix inspect``."""
    return {
        "format_version": FORMAT_VERSION, "family": sp.family, "n_vectors": sp.n_vectors,
        "encoders": {
            name: {"hidden": int(v.shape[1]), "norm_mean": float(np.linalg.norm(v, axis=1).mean()),
                   "fingerprint": sp.fingerprints[name].to_json() if name in sp.fingerprints else None}
            for name, v in sp.vectors.items()
        },
        "digest": sp.digest, "provenance": sp.provenance,
    }
