"""APL prefixes (soft prompts): the file format, loaders, converters, checks.

An APL prefix is m learned vectors per text encoder, placed right after the BOS
token, in front of the prompt's token embeddings, before the frozen encoder.

File format (``.safetensors``, format version 1):

* one float32 tensor per text encoder, named after the pipeline attribute it
  belongs to: ``text_encoder`` (SD1.x/SD2.x) and, for SDXL, also
  ``text_encoder_2``; shape ``(n_vectors, hidden)``;
* string metadata: ``format`` = ``aplguard.softprompt``, ``format_version``,
  ``family`` (sd1 | sd2 | sdxl | ...), ``n_vectors``, ``encoders`` (JSON: per
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
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ._deps import require
from .errors import PrefixError

FORMAT = "aplguard.softprompt"
FORMAT_VERSION = "1"
MAX_VECTORS = 75  # CLIP's 77-token context minus BOS and EOS
ENCODER_NAMES = ("text_encoder", "text_encoder_2")
_PROBE_ROWS = 16  # token-embedding rows summarised in a fingerprint
_FINGERPRINT_RTOL = 2e-2  # tolerant enough for fp32 vs fp16/bf16 copies of one encoder
_MAX_FILE_BYTES = 256 * 1024 * 1024


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
    def from_json(cls, data: dict[str, Any]) -> EncoderFingerprint:
        return cls(int(data["hidden"]), int(data.get("positions", 0)), tuple(float(x) for x in data.get("probe", ())))

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


def encoder_fingerprint(text_encoder) -> EncoderFingerprint:
    """Fingerprint a transformers text encoder (CLIPTextModel and friends)."""
    torch = require("torch", "diffusers")
    emb = text_encoder.get_input_embeddings().weight
    with torch.no_grad():
        rows = emb[:_PROBE_ROWS].detach().float().cpu()
        probe = tuple(float(x) for x in rows.norm(dim=1))
    cfg = getattr(text_encoder, "config", None)
    positions = int(getattr(cfg, "max_position_embeddings", 0) or 0)
    return EncoderFingerprint(hidden=int(emb.shape[1]), positions=positions, probe=probe)


def text_encoders(pipe) -> list[tuple[str, Any, Any]]:
    """The (attribute name, tokenizer, text encoder) triples of a diffusers pipeline.

    Raises:
        PrefixError: the pipeline has no tokenizer/text-encoder pair.
    """
    found = []
    for name in ENCODER_NAMES:
        enc = getattr(pipe, name, None)
        tok = getattr(pipe, name.replace("text_encoder", "tokenizer"), None)
        if enc is not None and tok is not None:
            found.append((name, tok, enc))
    if not found:
        raise PrefixError(f"{type(pipe).__name__} has no text encoder with a tokenizer; an APL prefix cannot be applied")
    return found


def pipeline_family(pipe) -> str:
    """Model family of a pipeline: ``sdxl``, ``sd2``, ``sd1`` or ``custom``."""
    names = [n for n, _, _ in text_encoders(pipe)]
    if "text_encoder_2" in names:
        return "sdxl"
    hidden = text_encoders(pipe)[0][2].get_input_embeddings().weight.shape[1]
    return {768: "sd1", 1024: "sd2"}.get(int(hidden), "sd1" if hidden < 768 else "custom")


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

    @property
    def metadata(self) -> dict[str, str]:
        encoders = {
            name: {"hidden": int(v.shape[1]),
                   "fingerprint": self.fingerprints[name].to_json() if name in self.fingerprints else None}
            for name, v in self.vectors.items()
        }
        return {
            "format": FORMAT, "format_version": FORMAT_VERSION, "family": self.family,
            "n_vectors": str(self.n_vectors), "encoders": json.dumps(encoders, sort_keys=True),
            "provenance": json.dumps(self.provenance, sort_keys=True, default=str),
        }

    # -- construction --------------------------------------------------------
    @classmethod
    def from_pipeline(cls, pipe, vectors: dict[str, Any], provenance: dict[str, Any] | None = None) -> SoftPrompt:
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
    def load(cls, path: str | os.PathLike) -> SoftPrompt:
        """Load any supported prefix file (see :func:`load_any`)."""
        return load_any(path)

    # -- checks ----------------------------------------------------------------
    def check_pipeline(self, pipe) -> None:
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

    # -- writing -----------------------------------------------------------------
    def save(self, path: str | os.PathLike) -> Path:
        """Write the aplguard ``.safetensors`` format atomically."""
        st = require("safetensors.numpy", "diffusers")
        tensors = {k: np.ascontiguousarray(v, dtype=np.float32) for k, v in self.vectors.items()}
        return _atomic_write(Path(path), lambda tmp: st.save_file(tensors, tmp, metadata=self.metadata))

    def export(self, path: str | os.PathLike, fmt: str = "a1111", token: str = "aplguard") -> Path:
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
        if path.suffix == ".safetensors":
            st = require("safetensors.numpy", "diffusers")
            meta = {"aplguard_provenance": json.dumps(self.provenance, default=str), "family": self.family}
            return _atomic_write(path, lambda tmp: st.save_file(tensors, tmp, metadata=meta))
        if path.suffix == ".pt":
            torch = require("torch", "diffusers")
            if fmt == "a1111" and "emb_params" in tensors:
                obj = {"string_to_token": {"*": 265}, "string_to_param": {"*": torch.from_numpy(tensors["emb_params"])},
                       "name": token, "step": 0}
            else:
                obj = {k: torch.from_numpy(v) for k, v in tensors.items()}
            return _atomic_write(path, lambda tmp: torch.save(obj, tmp))
        raise PrefixError(f"{path}: export needs a .safetensors or .pt file name")


# ---------------------------------------------------------------------------
# reading


def load_any(path: str | os.PathLike) -> SoftPrompt:
    """Read a prefix file in any supported format.

    Raises:
        PrefixError: naming the file, for missing/empty/truncated/unknown files,
            pickles with arbitrary objects, and bad shapes or dtypes.
    """
    path = Path(path)
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
    if path.suffix == ".safetensors" or not _looks_like_pickle_zip(head):
        tensors, meta = _read_safetensors(path)
    else:
        tensors, meta = _read_torch(path), {}
    try:
        return _interpret(tensors, meta, path)
    except PrefixError:
        raise
    except (ValueError, KeyError, TypeError) as exc:
        raise PrefixError(f"{path}: {exc}") from None


def _looks_like_pickle_zip(head: bytes) -> bool:
    # torch.save writes a zip archive (PK..); very old files are raw pickles (0x80).
    return head.startswith(b"PK") or head[:1] == b"\x80"


def _read_safetensors(path: Path) -> tuple[dict[str, np.ndarray], dict[str, str]]:
    from safetensors import safe_open  # core dependency

    try:
        with safe_open(str(path), framework="numpy") as f:
            meta = dict(f.metadata() or {})
            tensors = {k: f.get_tensor(k) for k in f.keys()}
    except Exception as exc:  # safetensors raises its own SafetensorError / OSError
        if path.suffix != ".safetensors":
            raise PrefixError(f"{path}: neither a safetensors file nor a torch checkpoint") from None
        raise PrefixError(f"{path}: not a valid safetensors file ({type(exc).__name__}: {exc})") from None
    return tensors, meta


def _read_torch(path: Path) -> dict[str, np.ndarray]:
    torch = require("torch", "diffusers")
    try:
        obj = torch.load(str(path), map_location="cpu", weights_only=True)
    except Exception as exc:  # UnpicklingError for arbitrary objects, zip errors for truncation
        raise PrefixError(
            f"{path}: refused to load: not a plain tensor checkpoint ({type(exc).__name__}); "
            "only tensors, numbers, strings and dicts are accepted"
        ) from None
    flat: dict[str, np.ndarray] = {}
    _flatten_torch(obj, "", flat, torch)
    return flat


def _flatten_torch(obj: Any, prefix: str, out: dict[str, np.ndarray], torch) -> None:
    if isinstance(obj, torch.Tensor):
        out[prefix] = obj.detach().float().cpu().numpy()
    elif isinstance(obj, dict):
        for k, v in obj.items():
            _flatten_torch(v, f"{prefix}.{k}" if prefix else str(k), out, torch)


def _interpret(tensors: dict[str, np.ndarray], meta: dict[str, str], path: Path) -> SoftPrompt:
    """Recognise the layout of ``tensors`` and build a SoftPrompt."""
    if not tensors:
        raise PrefixError(f"{path}: holds no tensors")
    if meta.get("format") == FORMAT:
        if meta.get("format_version") != FORMAT_VERSION:
            raise PrefixError(f"{path}: unsupported aplguard prefix format version {meta.get('format_version')!r}")
        encoders = json.loads(meta.get("encoders", "{}"))
        prints = {n: EncoderFingerprint.from_json(e["fingerprint"]) for n, e in encoders.items() if e.get("fingerprint")}
        unknown = set(tensors) - set(ENCODER_NAMES)
        if unknown:
            raise PrefixError(f"{path}: unexpected tensors {sorted(unknown)}")
        vectors = {k: _check_array(v, f"{path}: {k}") for k, v in tensors.items()}
        return SoftPrompt(vectors, family=meta.get("family", "sd1"), fingerprints=prints,
                          provenance=json.loads(meta.get("provenance", "{}")))
    source = {"converted_from": path.name}
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
        hidden = next(iter(vectors.values())).shape[1]
        family = {768: "sd1", 1024: "sd2"}.get(hidden, "sd1" if hidden < 768 else "custom")
    return SoftPrompt(vectors, family=family, provenance={**source, "source_format": fmt})


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
        return v.detach().float().cpu().numpy()
    raise PrefixError(f"expected a tensor or array, got {type(v).__name__}")


def _atomic_write(path: Path, write) -> Path:
    """Write via a temporary file in the same folder, then rename: never a half file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=str(path.parent))
    os.close(fd)
    try:
        write(tmp)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
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
