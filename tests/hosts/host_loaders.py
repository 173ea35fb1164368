"""How ComfyUI and A1111 read an embedding file, re-implemented from their documented layout.

Written for these tests from the hosts' loaders (ComfyUI ``comfy/sd1_clip.py`` ``load_embed``
and the tokenizer's ``embedding:`` handling; A1111
``modules/textual_inversion/textual_inversion.py``), not copied from them: what each host
does with a prompt word and a file in its embeddings folder.
"""

from __future__ import annotations

import os
from pathlib import Path

import safetensors.torch
import torch


def comfyui_load_embed(name: str, directory: Path, embedding_size: int, embed_key: str) -> torch.Tensor | None:
    """ComfyUI: the file NAME (or NAME + .safetensors/.pt/.bin) under the embeddings folder, inside it only."""
    root = os.path.abspath(directory)
    path = os.path.abspath(os.path.join(root, name))
    if os.path.commonpath((root, path)) != root:
        return None
    found = path if os.path.isfile(path) else next(
        (path + ext for ext in (".safetensors", ".pt", ".bin") if os.path.isfile(path + ext)), None)
    if found is None:
        return None
    data = safetensors.torch.load_file(found, device="cpu") if found.lower().endswith(".safetensors") \
        else torch.load(found, weights_only=True, map_location="cpu")
    if "string_to_param" in data:
        return next(iter(data["string_to_param"].values()))
    if isinstance(data, list):
        rows = [t.reshape(-1, t.shape[-1]) for d in data for t in d.values() if t.shape[-1] == embedding_size]
        return torch.cat(rows, dim=0)
    if embed_key in data:
        return data[embed_key]
    return next(iter(data.values()))


def comfyui_prompt_vectors(prompt: str, directory: Path, embedding_size: int, embed_key: str) -> list[torch.Tensor]:
    """The embedding rows a ComfyUI tokenizer puts into the token stream for ``prompt``, in order.

    Words are split on spaces; a word starting with ``embedding:`` names a file (a trailing
    comma is stripped when the name is not found as written). A tensor whose width differs from
    the encoder's is ignored by ComfyUI's encoder, so it is left out here too.
    """
    rows: list[torch.Tensor] = []
    for word in prompt.replace("\n", " ").split(" "):
        if not word.startswith("embedding:"):
            continue
        name = word[len("embedding:"):]
        embed = comfyui_load_embed(name, directory, embedding_size, embed_key)
        if embed is None and name.strip(",") != name:
            embed = comfyui_load_embed(name.strip(","), directory, embedding_size, embed_key)
        if embed is None:
            continue
        embed = embed[None, :] if embed.ndim == 1 else embed
        rows.extend(r for r in embed if r.shape[-1] == embedding_size)
    return rows


def a1111_load_dir(directory: Path, expected_width: int) -> dict[str, torch.Tensor | dict[str, torch.Tensor]]:
    """A1111: every file of the embeddings folder, by its stem; files of the wrong width are skipped."""
    loaded: dict[str, torch.Tensor | dict[str, torch.Tensor]] = {}
    for fn in sorted(os.listdir(directory)):
        full = Path(directory) / fn
        stem, ext = os.path.splitext(fn)
        if ext.upper() == ".SAFETENSORS":
            data = safetensors.torch.load_file(str(full), device="cpu")
        elif ext.upper() in (".PT", ".BIN"):
            data = torch.load(full, map_location="cpu", weights_only=True)
        else:
            continue
        vec: torch.Tensor | dict[str, torch.Tensor]
        if "string_to_param" in data:
            params = data["string_to_param"]
            assert len(params) == 1, "embedding file has multiple terms in it"
            vec = next(iter(params.values())).detach().float()
            width = vec.shape[-1]
        elif isinstance(data, dict) and "clip_g" in data and "clip_l" in data:  # SDXL
            vec = {k: v.detach().float() for k, v in data.items()}  # every entry must be a tensor
            width = data["clip_g"].shape[-1] + data["clip_l"].shape[-1]
        elif isinstance(data, dict) and isinstance(next(iter(data.values())), torch.Tensor):
            assert len(data) == 1, "embedding file has multiple terms in it"
            vec = next(iter(data.values()))
            vec = (vec[None, :] if vec.ndim == 1 else vec).detach().float()
            width = vec.shape[-1]
        else:
            raise ValueError(f"Couldn't identify {fn} as neither textual inversion embedding nor diffuser concept.")
        if width != expected_width:
            continue  # A1111 lists it as skipped for this model
        loaded[stem] = vec
    return loaded
