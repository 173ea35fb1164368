"""Tiny, offline diffusers pipelines for tests, demos and benchmarks.

Everything is built from configs with random (seeded) weights and a tokenizer
vocabulary written locally, so nothing is downloaded. The pipelines are
architecturally real (CLIP text encoder(s), UNet2DConditionModel, AutoencoderKL)
but far too small to draw anything meaningful.
"""

from __future__ import annotations

import json
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

from ._deps import require


@lru_cache(maxsize=1)
def _bytes_to_unicode() -> dict[int, str]:
    # Same reversible byte -> printable-unicode table CLIP's BPE uses.
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return dict(zip(bs, (chr(c) for c in cs)))


def write_char_vocab(directory: str | Path, words: tuple[str, ...] = ()) -> Path:
    """Write a character-level CLIP BPE vocabulary (vocab.json + merges.txt).

    Every byte is a token (with and without the end-of-word marker), so any
    text tokenizes. ``words`` become single tokens via merges (useful for toy
    models that need one token per name).
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    chars = list(_bytes_to_unicode().values())
    vocab: dict[str, int] = {}
    for c in chars:
        vocab.setdefault(c, len(vocab))
    for c in chars:
        vocab.setdefault(c + "</w>", len(vocab))
    merges: list[str] = []
    for word in words:
        # Merge left to right: "a b" -> "ab", "ab c" -> "abc", last with </w>.
        pieces = list(word.lower())
        pieces[-1] = pieces[-1] + "</w>"
        cur = pieces[0]
        for nxt in pieces[1:]:
            merge = f"{cur} {nxt}"
            if merge not in merges:
                merges.append(merge)
            cur = cur + nxt
            vocab.setdefault(cur, len(vocab))
    vocab.setdefault("<|startoftext|>", len(vocab))
    vocab.setdefault("<|endoftext|>", len(vocab))
    (directory / "vocab.json").write_text(json.dumps(vocab), encoding="utf-8")
    (directory / "merges.txt").write_text("#version: 0.2\n" + "\n".join(merges) + ("\n" if merges else ""), encoding="utf-8")
    return directory


def tiny_tokenizer(max_length: int = 77, words: tuple[str, ...] = ()) -> Any:
    """A CLIPTokenizer over :func:`write_char_vocab`'s vocabulary (no files kept)."""
    transformers = require("transformers", "diffusers")
    with tempfile.TemporaryDirectory(prefix="aplguard-tok-") as tmp:
        write_char_vocab(tmp, words)
        tok = transformers.CLIPTokenizer.from_pretrained(tmp, model_max_length=max_length, local_files_only=True)
    return tok


def _text_encoder(vocab_size: int, hidden: int, projection: bool, seed: int) -> Any:
    torch = require("torch", "diffusers")
    transformers = require("transformers", "diffusers")
    cfg = transformers.CLIPTextConfig(
        vocab_size=vocab_size, hidden_size=hidden, intermediate_size=2 * hidden,
        num_hidden_layers=2, num_attention_heads=2, max_position_embeddings=77,
        projection_dim=hidden, bos_token_id=vocab_size - 2, eos_token_id=vocab_size - 1,
        pad_token_id=vocab_size - 1,
    )
    torch.manual_seed(seed)
    cls = transformers.CLIPTextModelWithProjection if projection else transformers.CLIPTextModel
    return cls(cfg).eval()


def _vae(seed: int) -> Any:
    torch = require("torch", "diffusers")
    diffusers = require("diffusers", "diffusers")
    torch.manual_seed(seed)
    return diffusers.AutoencoderKL(
        block_out_channels=(8, 16), in_channels=3, out_channels=3,
        down_block_types=("DownEncoderBlock2D", "DownEncoderBlock2D"),
        up_block_types=("UpDecoderBlock2D", "UpDecoderBlock2D"),
        latent_channels=4, norm_num_groups=4, sample_size=64,
    ).eval()


def _unet(seed: int, **extra: Any) -> Any:
    torch = require("torch", "diffusers")
    diffusers = require("diffusers", "diffusers")
    torch.manual_seed(seed)
    return diffusers.UNet2DConditionModel(
        block_out_channels=(16, 32), layers_per_block=1, sample_size=8, in_channels=4, out_channels=4,
        norm_num_groups=8, down_block_types=("DownBlock2D", "CrossAttnDownBlock2D"),
        up_block_types=("CrossAttnUpBlock2D", "UpBlock2D"), attention_head_dim=4, **extra,
    ).eval()


def tiny_sd_pipeline(seed: int = 0, hidden: int = 32) -> Any:
    """A tiny StableDiffusionPipeline (SD1.x architecture), CPU, fp32.

    Runs 2 steps at 64x64 in well under a second on a laptop CPU.
    """
    require("torch", "diffusers")
    diffusers = require("diffusers", "diffusers")
    tok = tiny_tokenizer()
    te = _text_encoder(len(tok), hidden, projection=False, seed=seed)
    unet = _unet(seed + 1, cross_attention_dim=hidden)
    sched = diffusers.DDIMScheduler(beta_start=0.00085, beta_end=0.012, beta_schedule="scaled_linear",
                                    clip_sample=False, set_alpha_to_one=False, steps_offset=1)
    pipe = diffusers.StableDiffusionPipeline(
        vae=_vae(seed + 2), text_encoder=te, tokenizer=tok, unet=unet, scheduler=sched,
        safety_checker=None, feature_extractor=None, requires_safety_checker=False,
    )
    pipe.set_progress_bar_config(disable=True)
    return pipe


def tiny_sdxl_pipeline(seed: int = 0) -> Any:
    """A tiny StableDiffusionXLPipeline with two text encoders (hidden 32 and 64)."""
    require("torch", "diffusers")
    diffusers = require("diffusers", "diffusers")
    tok = tiny_tokenizer()
    tok2 = tiny_tokenizer()
    te = _text_encoder(len(tok), 32, projection=False, seed=seed)
    te2 = _text_encoder(len(tok2), 64, projection=True, seed=seed + 10)
    # SDXL conditioning: both encoders' states concatenated (32 + 64), pooled text + 6 time ids.
    unet = _unet(seed + 1, cross_attention_dim=96, addition_embed_type="text_time", addition_time_embed_dim=8,
                 projection_class_embeddings_input_dim=64 + 6 * 8)
    sched = diffusers.EulerDiscreteScheduler(beta_start=0.00085, beta_end=0.012, beta_schedule="scaled_linear")
    pipe = diffusers.StableDiffusionXLPipeline(
        vae=_vae(seed + 2), text_encoder=te, text_encoder_2=te2, tokenizer=tok, tokenizer_2=tok2,
        unet=unet, scheduler=sched, force_zeros_for_empty_prompt=True,
    )
    pipe.set_progress_bar_config(disable=True)
    return pipe
