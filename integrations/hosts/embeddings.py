"""Export an APL prefix as the textual-inversion embedding ComfyUI or AUTOMATIC1111 loads.

Both hosts load textual-inversion embeddings, and an APL prefix is exactly that: m
vectors placed right after BOS. The file is written as ``NAME.safetensors`` (never a
pickle) with the layout both hosts' loaders read:

* SD1.x / SD2.x: one tensor ``emb_params`` of shape ``(n_vectors, hidden)``. ComfyUI's
  loader takes the ``clip_l`` key when present and otherwise the file's first tensor;
  A1111 reads a one-tensor file as a "diffusers concept".
* SDXL: ``clip_l`` ``(n, 768)`` and ``clip_g`` ``(n, 1280)``. ComfyUI's SDXL tokenizers
  pick their own key; A1111 recognises the pair as an SDXL embedding.

A prompt references the file by its stem: ``embedding:NAME`` in ComfyUI, ``NAME`` in A1111.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from aplguard.errors import PrefixError
from aplguard.prefix import SoftPrompt, load_any

HOSTS = ("comfyui", "a1111")
# One word that both hosts' prompt parsers keep whole: ComfyUI splits on spaces and strips
# commas, A1111 matches the name's tokens; no path separators (ComfyUI joins it to a path).
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")
# Where each host keeps embeddings, relative to its installation folder.
_HOST_SUBDIR = {"comfyui": Path("models") / "embeddings", "a1111": Path("embeddings")}


@dataclass(frozen=True)
class HostEmbedding:
    """An exported embedding: where it was written and how a prompt references it."""

    host: str
    name: str
    path: Path
    family: str
    n_vectors: int

    @property
    def reference(self) -> str:
        """The word that pulls the embedding into a prompt on this host."""
        return prompt_reference(self.host, self.name)


def check_host(host: str) -> str:
    if host not in HOSTS:
        raise PrefixError(f"unknown host {host!r} (known: {', '.join(HOSTS)})")
    return host


def check_name(name: str) -> str:
    """Raise PrefixError unless ``name`` is usable as an embedding name on both hosts."""
    if not isinstance(name, str) or not _NAME.match(name):
        raise PrefixError(f"embedding name {name!r:.80}: use 1-64 letters, digits, '_' or '-', starting with a "
                          "letter or digit (the name is one word of the prompt)")
    return name


def prompt_reference(host: str, name: str) -> str:
    """``embedding:NAME`` for ComfyUI, ``NAME`` for A1111."""
    check_host(host)
    check_name(name)
    return f"embedding:{name}" if host == "comfyui" else name


def embeddings_dir(host: str, directory: str | Path) -> Path:
    """The folder to write into: ``directory`` itself, or the host's embeddings folder when
    ``directory`` is the host's installation folder (it has ``models/embeddings`` or ``embeddings``)."""
    directory = Path(directory)
    sub = directory / _HOST_SUBDIR[check_host(host)]
    if sub.is_dir():
        return sub
    if not directory.is_dir():
        raise PrefixError(f"{directory}: not a folder (give the host's embeddings folder or its installation folder)")
    return directory


def export_for_host(prefix: SoftPrompt | str | Path, host: str, directory: str | Path,
                    name: str = "aplguard", *, overwrite: bool = False) -> HostEmbedding:
    """Write ``prefix`` as ``NAME.safetensors`` where ``host`` loads embeddings.

    Args:
        prefix: a SoftPrompt or a prefix file in any format :func:`aplguard.prefix.load_any` reads.
        host: ``comfyui`` or ``a1111``.
        directory: the host's embeddings folder, or its installation folder.
        name: the embedding name prompts use (the file stem).
        overwrite: replace an existing file of that name.

    Raises:
        PrefixError: unknown host, bad name, a prefix the hosts cannot load (SD3/FLUX/PixArt
            prefixes also condition T5, which a host embedding cannot reach), an existing file.
    """
    check_host(host)
    check_name(name)
    sp = prefix if isinstance(prefix, SoftPrompt) else load_any(prefix)
    if set(sp.vectors) not in ({"text_encoder"}, {"text_encoder", "text_encoder_2"}) or \
            sp.family in ("sd3", "flux", "pixart"):
        raise PrefixError(f"a {sp.family} prefix (encoders {sorted(sp.vectors)}) cannot be a {host} embedding: "
                          "host embeddings hold CLIP vectors for SD1.x/SD2.x or SDXL only")
    if set(sp.vectors) == {"text_encoder", "text_encoder_2"}:
        widths = (sp.hidden_sizes["text_encoder"], sp.hidden_sizes["text_encoder_2"])
        if widths != (768, 1280) and sp.family == "sdxl":
            raise PrefixError(f"SDXL prefix has widths {widths}; the hosts expect clip_l 768 and clip_g 1280")
    path = embeddings_dir(host, directory) / f"{name}.safetensors"
    if path.exists() and not overwrite:
        raise PrefixError(f"{path}: exists (pass overwrite=True / --overwrite to replace it)")
    # SoftPrompt.export's a1111 layout is the one both hosts read; only .safetensors is
    # written, since A1111's SDXL reader takes every entry of a .pt as a tensor.
    sp.export(path, fmt="a1111")
    return HostEmbedding(host=host, name=name, path=path, family=sp.family, n_vectors=sp.n_vectors)


__all__ = ["HOSTS", "HostEmbedding", "check_host", "check_name", "embeddings_dir", "export_for_host",
           "prompt_reference"]
