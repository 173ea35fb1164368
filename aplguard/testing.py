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


# -- T5-encoder families (SD3, FLUX.1, PixArt-Sigma) ------------------------------------------------

_T5_SUBJECTS = ("a photo of a cat", "a red car", "a portrait of a woman", "a man reading", "an old house",
                "a dog running", "a tree", "a city street", "a bowl of fruit", "a mountain lake", "a child",
                "two people talking", "a painting of a face", "a bicycle", "a robot")
_T5_MODIFIERS = ("at night", "in the rain", "on the beach", "smiling", "in a forest", "oil painting",
                 "studio lighting", "wide angle", "black and white", "close up", "highly detailed", "at sunset")


@lru_cache(maxsize=4)
def _t5_tokenizer_json(vocab_size: int) -> str:
    """A Unigram (SentencePiece-style) model trained here on a few hundred generated captions, as JSON.

    Cached as text (not the tokenizer object) so every caller gets its own tokenizer:
    Guard gives pipelines tokenizer copies, and tests mutate nothing shared.
    """
    tk_mod = require("tokenizers", "diffusers")
    import itertools

    corpus = [f"{s} {m}, {m2}" for s, m in itertools.product(_T5_SUBJECTS, _T5_MODIFIERS)
              for m2 in _T5_MODIFIERS[:2]]
    alphabet = [chr(c) for c in range(32, 127)]
    corpus.append("".join(alphabet))  # every printable ASCII character gets a piece: no <unk> in tests
    tk = tk_mod.Tokenizer(tk_mod.models.Unigram())
    tk.normalizer = tk_mod.normalizers.NFKC()
    # T5's SentencePiece convention: "▁" marks a word start, prepended to the text; no BOS.
    tk.pre_tokenizer = tk_mod.pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always")
    tk.decoder = tk_mod.decoders.Metaspace(replacement="▁", prepend_scheme="always")
    trainer = tk_mod.trainers.UnigramTrainer(vocab_size=vocab_size, special_tokens=["<pad>", "</s>", "<unk>"],
                                             unk_token="<unk>", initial_alphabet=alphabet, show_progress=False)
    tk.train_from_iterator(corpus, trainer)
    eos = tk.token_to_id("</s>")
    tk.post_processor = tk_mod.processors.TemplateProcessing(single="$A </s>", pair="$A </s> $B </s>",
                                                             special_tokens=[("</s>", eos)])
    return str(tk.to_str())


def tiny_t5_tokenizer(max_length: int = 512, vocab_size: int = 400) -> Any:
    """A T5TokenizerFast over a tiny Unigram model trained locally (pad 0, eos 1, unk 2; no BOS)."""
    transformers = require("transformers", "diffusers")
    tk_mod = require("tokenizers", "diffusers")
    tk = tk_mod.Tokenizer.from_str(_t5_tokenizer_json(vocab_size))
    return transformers.T5TokenizerFast(tokenizer_object=tk, eos_token="</s>", unk_token="<unk>", pad_token="<pad>",
                                        extra_ids=0, model_max_length=max_length)


def _t5_encoder(vocab_size: int, d_model: int, seed: int) -> Any:
    torch = require("torch", "diffusers")
    transformers = require("transformers", "diffusers")
    cfg = transformers.T5Config(vocab_size=vocab_size, d_model=d_model, d_ff=2 * d_model, d_kv=d_model // 2,
                                num_layers=1, num_heads=2, relative_attention_num_buckets=8,
                                relative_attention_max_distance=32, pad_token_id=0, eos_token_id=1,
                                decoder_start_token_id=0)
    torch.manual_seed(seed)
    return transformers.T5EncoderModel(cfg).eval()


def _flow_vae(seed: int) -> Any:
    # SD3/FLUX VAEs have no quant convs and a latent shift; the pipelines read shift_factor.
    torch = require("torch", "diffusers")
    diffusers = require("diffusers", "diffusers")
    torch.manual_seed(seed)
    return diffusers.AutoencoderKL(
        block_out_channels=(8, 16), in_channels=3, out_channels=3,
        down_block_types=("DownEncoderBlock2D", "DownEncoderBlock2D"),
        up_block_types=("UpDecoderBlock2D", "UpDecoderBlock2D"), latent_channels=4, norm_num_groups=4,
        sample_size=32, use_quant_conv=False, use_post_quant_conv=False, shift_factor=0.0609, scaling_factor=1.5035,
    ).eval()


def tiny_sd3_pipeline(seed: int = 0, max_sequence_length: int = 512) -> Any:
    """A tiny StableDiffusion3Pipeline: CLIP-L and CLIP-G (hidden 32 each, with projection) and T5 (d_model 64).

    Two steps at 32x32 px run in a fraction of a second on CPU.
    """
    require("torch", "diffusers")
    diffusers = require("diffusers", "diffusers")
    tok, tok2 = tiny_tokenizer(), tiny_tokenizer()
    tok3 = tiny_t5_tokenizer(max_sequence_length)
    te = _text_encoder(len(tok), 32, projection=True, seed=seed)
    te2 = _text_encoder(len(tok2), 32, projection=True, seed=seed + 10)
    te3 = _t5_encoder(len(tok3), 64, seed=seed + 20)
    require("torch", "diffusers").manual_seed(seed + 1)
    # joint attention reads the CLIP states (32 + 32, padded to T5's 64) and T5's 64; pooled = 32 + 32
    transformer = diffusers.SD3Transformer2DModel(
        sample_size=16, patch_size=1, in_channels=4, num_layers=1, attention_head_dim=8, num_attention_heads=4,
        caption_projection_dim=32, joint_attention_dim=64, pooled_projection_dim=64, out_channels=4,
    ).eval()
    pipe = diffusers.StableDiffusion3Pipeline(
        transformer=transformer, scheduler=diffusers.FlowMatchEulerDiscreteScheduler(), vae=_flow_vae(seed + 2),
        text_encoder=te, tokenizer=tok, text_encoder_2=te2, tokenizer_2=tok2, text_encoder_3=te3, tokenizer_3=tok3,
    )
    pipe.set_progress_bar_config(disable=True)
    return pipe


def tiny_flux_pipeline(seed: int = 0, max_sequence_length: int = 512) -> Any:
    """A tiny FluxPipeline: CLIP-L (pooled, hidden 32) as ``text_encoder`` and T5 (d_model 64) as ``text_encoder_2``."""
    require("torch", "diffusers")
    diffusers = require("diffusers", "diffusers")
    tok = tiny_tokenizer()
    tok2 = tiny_t5_tokenizer(max_sequence_length)
    te = _text_encoder(len(tok), 32, projection=False, seed=seed)
    te2 = _t5_encoder(len(tok2), 64, seed=seed + 20)
    require("torch", "diffusers").manual_seed(seed + 1)
    # latents are packed 2x2: 4 latent channels -> 16 transformer channels; rope axes sum to the head dim
    transformer = diffusers.FluxTransformer2DModel(
        patch_size=1, in_channels=16, num_layers=1, num_single_layers=1, attention_head_dim=16,
        num_attention_heads=2, joint_attention_dim=64, pooled_projection_dim=32, axes_dims_rope=(4, 4, 8),
    ).eval()
    pipe = diffusers.FluxPipeline(
        transformer=transformer, scheduler=diffusers.FlowMatchEulerDiscreteScheduler(), vae=_flow_vae(seed + 2),
        text_encoder=te, tokenizer=tok, text_encoder_2=te2, tokenizer_2=tok2,
    )
    pipe.set_progress_bar_config(disable=True)
    return pipe


def tiny_pixart_pipeline(seed: int = 0, max_sequence_length: int = 512) -> Any:
    """A tiny PixArtSigmaPipeline: one T5 encoder (d_model 32), the T5-only family.

    Call it with ``use_resolution_binning=False`` at small sizes (binning maps to
    the model's trained resolutions, far larger than a test needs).
    """
    require("torch", "diffusers")
    diffusers = require("diffusers", "diffusers")
    tok = tiny_t5_tokenizer(max_sequence_length)
    te = _t5_encoder(len(tok), 32, seed=seed)
    require("torch", "diffusers").manual_seed(seed + 1)
    transformer = diffusers.PixArtTransformer2DModel(
        sample_size=16, num_layers=1, patch_size=2, attention_head_dim=8, num_attention_heads=2, caption_channels=32,
        in_channels=4, cross_attention_dim=16, out_channels=8, attention_bias=True, activation_fn="gelu-approximate",
        num_embeds_ada_norm=1000, norm_type="ada_norm_single", norm_elementwise_affine=False, norm_eps=1e-6,
    ).eval()
    pipe = diffusers.PixArtSigmaPipeline(tokenizer=tok, text_encoder=te, vae=_vae(seed + 2), transformer=transformer,
                                         scheduler=diffusers.DDIMScheduler())
    pipe.set_progress_bar_config(disable=True)
    return pipe
