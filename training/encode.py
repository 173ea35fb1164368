"""Differentiable prompt encoding with an APL prefix, placed exactly as Guard places it.

Guard applies a prefix through textual-inversion tokens, so at inference a prompt
becomes the token sequence ``[BOS, P_1..P_n, prompt tokens..., EOS, pad...]``,
truncated to the tokenizer's ``model_max_length``. Training must see the same
hidden states. transformers 5's ``CLIPTextModel`` takes no ``inputs_embeds``, so
the prefix goes in through hooks on the token-embedding layer:

* the ids at positions ``1..n`` are the ids the textual-inversion tokens would
  get (``len(tokenizer) + i``), so everything that looks at ``input_ids``
  (the pooled-output position of CLIP configs with the legacy ``eos_token_id``)
  behaves exactly as with real TI tokens;
* a forward pre-hook maps those out-of-range ids to a valid row, and a forward
  hook replaces rows ``1..n`` of the embedding output by the trainable vectors.

The rest mirrors diffusers' ``encode_prompt``: SD1.x/SD2.x use the last hidden
state; SDXL concatenates the penultimate hidden states of both encoders and
takes the pooled output of the encoder that returns one (text_encoder_2).
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import Any

from aplguard._deps import require
from aplguard.errors import TrainingError
from aplguard.prefix import MAX_VECTORS, pipeline_family, text_encoders


@dataclass
class Conditioning:
    """What the UNet is conditioned on for a batch of prompts.

    Attributes:
        hidden: encoder hidden states, (B, 77, D).
        pooled: SDXL pooled text embeddings (B, D2), else None.
    """

    hidden: Any
    pooled: Any = None


class PrefixEncoder:
    """Encodes prompts with or without a prefix for one pipeline.

    Args:
        pipe: a diffusers Stable Diffusion (1.x/2.x) or SDXL pipeline.
        n_vectors: prefix length per text encoder.

    Raises:
        TrainingError: the prefix does not fit the encoders' context.
    """

    def __init__(self, pipe, n_vectors: int):
        self.encoders = text_encoders(pipe)
        self.family = pipeline_family(pipe)
        self.n_vectors = int(n_vectors)
        # SDXL-style: more than one encoder, penultimate hidden states concatenated.
        self.sdxl = len(self.encoders) > 1
        if not 1 <= self.n_vectors <= MAX_VECTORS:
            raise TrainingError(f"n_vectors={n_vectors}: a prefix needs 1..{MAX_VECTORS} vectors")
        for name, tok, _ in self.encoders:
            room = int(tok.model_max_length) - 2
            if self.n_vectors > room:
                raise TrainingError(
                    f"n_vectors={n_vectors} does not fit {name}: its tokenizer holds {room} tokens between BOS and EOS"
                )

    # -- shapes -----------------------------------------------------------------
    @property
    def hidden_sizes(self) -> dict[str, int]:
        return {name: int(te.get_input_embeddings().weight.shape[1]) for name, _, te in self.encoders}

    def init_prefix(self, seed: int = 0, init_text: str | None = None) -> dict[str, Any]:
        """Initial prefix vectors (float32, CPU), one tensor per encoder.

        Args:
            seed: seeds the random initialisation.
            init_text: when given, the token embeddings of this text, cycled to
                ``n_vectors`` rows (textual-inversion style); else N(0, std) with
                the std of the encoder's token-embedding matrix.
        """
        torch = require("torch", "diffusers")
        g = torch.Generator().manual_seed(int(seed))
        out = {}
        for name, tok, te in self.encoders:
            weight = te.get_input_embeddings().weight.detach().float().cpu()
            if init_text:
                ids = tok(init_text, add_special_tokens=False).input_ids
                if not ids:
                    raise TrainingError(f"init_text {init_text!r} has no tokens")
                rows = [ids[i % len(ids)] for i in range(self.n_vectors)]
                out[name] = weight[rows].clone()
            else:
                out[name] = torch.randn(self.n_vectors, weight.shape[1], generator=g) * weight.std()
        return out

    # -- tokenisation -------------------------------------------------------------
    def token_ids(self, tok, texts: list[str], prefixed: bool):
        """Token ids and attention mask as the pipeline sees them (TI ids after BOS when prefixed)."""
        torch = require("torch", "diffusers")
        max_len = int(tok.model_max_length)
        n = self.n_vectors if prefixed else 0
        enc = tok(list(texts), padding="max_length", max_length=max_len - n, truncation=True, return_tensors="pt")
        ids, mask = enc.input_ids, enc.attention_mask
        if not prefixed:
            return ids, mask
        ti = torch.arange(len(tok), len(tok) + n, dtype=ids.dtype).expand(ids.shape[0], n)
        ones = torch.ones(ids.shape[0], n, dtype=mask.dtype)
        return torch.cat([ids[:, :1], ti, ids[:, 1:]], dim=1), torch.cat([mask[:, :1], ones, mask[:, 1:]], dim=1)

    @contextlib.contextmanager
    def _inject(self, te, vectors):
        """Put ``vectors`` at positions 1..n of the token embeddings while active."""
        emb = te.get_input_embeddings()
        n = self.n_vectors
        rows = int(emb.weight.shape[0])

        def pre(_module, args):
            # TI ids are past the vocabulary; any valid row will do, it is replaced below.
            return (args[0].clamp(max=rows - 1),) + tuple(args[1:])

        def post(_module, _args, out):
            p = vectors.to(device=out.device, dtype=out.dtype).unsqueeze(0).expand(out.shape[0], -1, -1)
            return require("torch", "diffusers").cat([out[:, :1], p, out[:, 1 + n:]], dim=1)

        h1 = emb.register_forward_pre_hook(pre)
        h2 = emb.register_forward_hook(post)
        try:
            yield
        finally:
            h1.remove()
            h2.remove()

    # -- encoding ------------------------------------------------------------------
    def encode(self, texts: list[str], prefix: dict[str, Any] | None = None) -> Conditioning:
        """Encode ``texts``; with ``prefix`` (encoder name -> (n, hidden) tensor) in front.

        Gradients flow to the prefix tensors only if the caller enables them.
        """
        torch = require("torch", "diffusers")
        hidden, pooled = [], None
        for name, tok, te in self.encoders:
            device = te.get_input_embeddings().weight.device
            ids, mask = self.token_ids(tok, texts, prefixed=prefix is not None)
            ids = ids.to(device)
            ctx = self._inject(te, prefix[name]) if prefix is not None else contextlib.nullcontext()
            with ctx:
                if self.sdxl:
                    out = te(ids, output_hidden_states=True)
                    if pooled is None and out[0].ndim == 2:
                        pooled = out[0]
                    hidden.append(out.hidden_states[-2])
                else:
                    # SD pipelines pass the mask only for encoders configured to use one.
                    use_mask = getattr(te.config, "use_attention_mask", False)
                    hidden.append(te(ids, attention_mask=mask.to(device) if use_mask else None)[0])
        if not self.sdxl:
            return Conditioning(hidden[0])
        return Conditioning(torch.cat(hidden, dim=-1), pooled)


def unet_output(pipe, x_t, t, cond: Conditioning):
    """One UNet forward with the pipeline's conditioning conventions (SDXL time ids)."""
    torch = require("torch", "diffusers")
    kwargs = {}
    if cond.pooled is not None:
        # diffusers' _get_add_time_ids: original size + crop (0, 0) + target size.
        h = x_t.shape[-2] * pipe.vae_scale_factor
        w = x_t.shape[-1] * pipe.vae_scale_factor
        time_ids = torch.tensor([[h, w, 0, 0, h, w]], dtype=cond.hidden.dtype, device=x_t.device)
        kwargs["added_cond_kwargs"] = {"text_embeds": cond.pooled,
                                       "time_ids": time_ids.expand(x_t.shape[0], -1)}
    return pipe.unet(x_t, t, encoder_hidden_states=cond.hidden, return_dict=False, **kwargs)[0]
