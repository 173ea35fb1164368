"""Build the toy world's text-to-image model as a standard diffusers pipeline.

The model works in pixel space: 16x16 RGB images in [-1, 1] *are* the latents
(3 channels, ``scaling_factor`` 1). To keep the folder a plain
``StableDiffusionPipeline`` the "VAE" is a real ``AutoencoderKL`` whose weights
are set analytically so that ``encode(x).mode() == x`` and ``decode(z) == z``
(to about 1e-5; see :func:`identity_vae`). Only the CLIP text encoder and the
UNet are trained.
"""

from __future__ import annotations

import itertools
import json
import math
from pathlib import Path

from aplguard._deps import require

from .data import SIZE, WORLD_V1, World, vocabulary_words

MAX_LENGTH = 32  # tokens incl. BOS/EOS: captions are <= 14 words, plus fillers or a 10-vector prefix
HIDDEN = 64

# Identity-VAE constants: K is the size of the constant channels that make the
# output GroupNorm's statistics image-independent; B keeps SiLU in its linear range.
_K, _B = 1000.0, 20.0


def write_vocab(directory: str | Path, words: tuple[str, ...]) -> Path:
    """Write a character-level CLIP BPE vocabulary in which each of ``words`` is one token.

    Why not ``aplguard.testing.write_char_vocab``: its merges for one word can
    pre-empt another's ("art" splits "dara"). Here each word's merges are
    appended after simulating BPE with the merges so far; merges appended later
    rank lower, so they never change how an earlier word tokenizes.
    """
    from aplguard.testing import write_char_vocab

    directory = write_char_vocab(directory, ())
    vocab = json.loads((directory / "vocab.json").read_text(encoding="utf-8"))
    special = [vocab.pop("<|startoftext|>"), vocab.pop("<|endoftext|>")]
    del special
    ranks: dict[tuple[str, str], int] = {}
    for word in words:
        symbols = _bpe(tuple(word[:-1]) + (word[-1] + "</w>",), ranks)
        while len(symbols) > 1:
            pair = (symbols[0], symbols[1])
            ranks.setdefault(pair, len(ranks))
            symbols = (symbols[0] + symbols[1],) + symbols[2:]
            vocab.setdefault(symbols[0], len(vocab))
    vocab["<|startoftext|>"] = len(vocab)
    vocab["<|endoftext|>"] = len(vocab)
    merges = [f"{a} {b}" for (a, b), _ in sorted(ranks.items(), key=lambda kv: kv[1])]
    (directory / "vocab.json").write_text(json.dumps(vocab), encoding="utf-8")
    (directory / "merges.txt").write_text("#version: 0.2\n" + "\n".join(merges) + "\n", encoding="utf-8")
    return directory


def _bpe(symbols: tuple[str, ...], ranks: dict[tuple[str, str], int]) -> tuple[str, ...]:
    # The same greedy lowest-rank-first merging CLIPTokenizer.bpe does.
    while len(symbols) > 1:
        pairs = [(ranks[p], p) for p in itertools.pairwise(symbols) if p in ranks]
        if not pairs:
            break
        _, (a, b) = min(pairs)
        out: list[str] = []
        i = 0
        while i < len(symbols):
            if i < len(symbols) - 1 and symbols[i] == a and symbols[i + 1] == b:
                out.append(a + b)
                i += 2
            else:
                out.append(symbols[i])
                i += 1
        symbols = tuple(out)
    return symbols


def build_tokenizer(directory: str | Path, world: World = WORLD_V1):
    """Write the toy vocabulary (one token per caption word of ``world``) and load a CLIPTokenizer."""
    transformers = require("transformers", "diffusers")
    write_vocab(directory, vocabulary_words(world))
    return transformers.CLIPTokenizer.from_pretrained(str(directory), model_max_length=MAX_LENGTH,
                                                      local_files_only=True)


def build_text_encoder(vocab_size: int, bos: int, eos: int, seed: int):
    """A 3-layer CLIP text encoder (hidden 64), randomly initialised with ``seed``."""
    torch = require("torch", "diffusers")
    transformers = require("transformers", "diffusers")
    cfg = transformers.CLIPTextConfig(
        vocab_size=vocab_size, hidden_size=HIDDEN, intermediate_size=4 * HIDDEN, num_hidden_layers=3,
        num_attention_heads=4, max_position_embeddings=MAX_LENGTH, projection_dim=HIDDEN,
        bos_token_id=bos, eos_token_id=eos, pad_token_id=eos,
    )
    torch.manual_seed(seed)
    return transformers.CLIPTextModel(cfg)


def build_unet(seed: int):
    """A 2.2M-parameter UNet2DConditionModel on 16x16x3 pixels, cross-attention at 16, 8 and 4 px."""
    torch = require("torch", "diffusers")
    diffusers = require("diffusers", "diffusers")
    torch.manual_seed(seed)
    return diffusers.UNet2DConditionModel(
        sample_size=SIZE, in_channels=3, out_channels=3, layers_per_block=1,
        block_out_channels=(32, 64, 96), norm_num_groups=8,
        down_block_types=("CrossAttnDownBlock2D", "CrossAttnDownBlock2D", "DownBlock2D"),
        up_block_types=("UpBlock2D", "CrossAttnUpBlock2D", "CrossAttnUpBlock2D"),
        cross_attention_dim=HIDDEN, attention_head_dim=8,
    )


def build_scheduler():
    """DDPM linear betas (the usual pixel-space schedule), sampled with DPM-Solver++.

    Dynamic thresholding clamps the solver's x0 estimates to the pixel range: at
    t near 1000 the linear schedule's sqrt(alpha_bar) is 0.006, so an unclamped x0
    estimate amplifies the noise prediction's error ~150x (pixel-space models need this).
    """
    diffusers = require("diffusers", "diffusers")
    return diffusers.DPMSolverMultistepScheduler(num_train_timesteps=1000, beta_start=1e-4, beta_end=0.02,
                                                 beta_schedule="linear", prediction_type="epsilon",
                                                 thresholding=True, sample_max_value=1.0, steps_offset=1)


def identity_vae():
    """An ``AutoencoderKL`` whose encoder and decoder are (numerically) the identity.

    Why this works: every ResNet block's last conv and bias are zero, so each
    block passes its input through. ``conv_in`` writes, per colour c, the
    channels (x_c, -x_c, K, -K) into one GroupNorm group; that group's mean is 0
    and its variance (mean(x^2) + K^2) / 2 is K^2/2 up to a 1e-6 relative error,
    so the output GroupNorm is a fixed scaling that gamma undoes. beta = B shifts
    values into SiLU's linear range and ``conv_out``'s bias removes B again. The
    encoder's log-variance is fixed at -30 (std 3e-7).
    """
    torch = require("torch", "diffusers")
    diffusers = require("diffusers", "diffusers")
    vae = diffusers.AutoencoderKL(
        in_channels=3, out_channels=3, down_block_types=("DownEncoderBlock2D",),
        up_block_types=("UpDecoderBlock2D",), block_out_channels=(12,), layers_per_block=1,
        latent_channels=3, norm_num_groups=3, sample_size=SIZE, scaling_factor=1.0,
        mid_block_add_attention=False, force_upcast=False,
    )
    with torch.no_grad():
        for p in vae.parameters():
            p.zero_()
        for module in vae.modules():
            if isinstance(module, torch.nn.GroupNorm):
                module.weight.fill_(1.0)
        for coder in (vae.encoder, vae.decoder):
            _set_identity_in(coder.conv_in)
            norm = coder.conv_norm_out
            for c in range(3):
                norm.weight[4 * c] = _K / math.sqrt(2.0)
                norm.bias[4 * c] = _B
                norm.weight[4 * c + 1: 4 * c + 4] = 0.0
            for c in range(3):
                coder.conv_out.weight[c, 4 * c, 1, 1] = 1.0
                coder.conv_out.bias[c] = -_B
        vae.encoder.conv_out.bias[3:] = -30.0  # log-variance
        for conv in (vae.quant_conv, vae.post_quant_conv):
            conv.weight.copy_(torch.eye(conv.weight.shape[0]).reshape(conv.weight.shape))
    return vae.eval()


def _set_identity_in(conv) -> None:
    for c in range(3):
        conv.weight[4 * c, c, 1, 1] = 1.0
        conv.weight[4 * c + 1, c, 1, 1] = -1.0
        conv.bias[4 * c + 2] = _K
        conv.bias[4 * c + 3] = -_K


def assemble_pipeline(tokenizer, text_encoder, unet):
    """Wrap components into a ``StableDiffusionPipeline`` (no safety checker)."""
    diffusers = require("diffusers", "diffusers")
    pipe = diffusers.StableDiffusionPipeline(
        vae=identity_vae(), text_encoder=text_encoder.eval(), tokenizer=tokenizer, unet=unet.eval(),
        scheduler=build_scheduler(), safety_checker=None, feature_extractor=None, requires_safety_checker=False,
    )
    pipe.set_progress_bar_config(disable=True)
    return pipe
