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

T5 encoders (SD3's ``text_encoder_3``, FLUX.1's ``text_encoder_2``, PixArt's
``text_encoder``) have no BOS: there the prefix sits at positions ``0..n-1``,
as Guard's tokens do, and the sequence length is the call's
``max_sequence_length`` (the pipeline's default unless configured).

The rest mirrors diffusers' ``encode_prompt``: SD1.x/SD2.x use the last hidden
state; SDXL concatenates the penultimate hidden states of both encoders and
takes the pooled output of the encoder that returns one (text_encoder_2); SD3
concatenates both CLIPs' penultimate states, zero-pads them to T5's width and
appends T5's states along the sequence, pooled = both CLIPs' projections;
FLUX.1 conditions on T5's states and CLIP's pooled output; PixArt-Sigma on
T5's states with their attention mask, after its lower-case/strip preprocessing.
"""

from __future__ import annotations

import contextlib
import inspect
from dataclasses import dataclass
from typing import Any

from aplguard._deps import require
from aplguard.errors import TrainingError
from aplguard.prefix import MAX_VECTORS, is_t5_encoder, pipeline_family, prefix_position, text_encoders

# Families whose encode this module reproduces (aplguard.prefix.pipeline_family names).
SUPPORTED_FAMILIES = ("sd1", "sd2", "sdxl", "sd3", "flux", "pixart")


@dataclass
class Conditioning:
    """What the UNet is conditioned on for a batch of prompts.

    Attributes:
        hidden: encoder hidden states, (B, L, D).
        pooled: pooled text embeddings (SDXL, SD3, FLUX.1), else None.
        mask: T5 attention mask the denoiser reads (PixArt), else None.
    """

    hidden: Any
    pooled: Any = None
    mask: Any = None

    @staticmethod
    def cat(rows: list[Conditioning]) -> Conditioning:
        """Rows of several encodes stacked along the batch."""
        torch = require("torch", "diffusers")

        def join(attr: str) -> Any:
            parts = [getattr(r, attr) for r in rows]
            return torch.cat(parts) if parts[0] is not None else None

        return Conditioning(join("hidden"), join("pooled"), join("mask"))

    def nbytes(self) -> int:
        return sum(int(t.numel() * t.element_size()) for t in (self.hidden, self.pooled, self.mask) if t is not None)


class PrefixEncoder:
    """Encodes prompts with or without a prefix for one pipeline.

    Args:
        pipe: a diffusers SD1.x/SD2.x, SDXL, SD3, FLUX.1 or PixArt-Sigma pipeline.
        n_vectors: prefix length per text encoder.
        max_sequence_length: T5 sequence length (default: the pipeline call's default,
            256 for SD3, 512 for FLUX.1, 300 for PixArt-Sigma).

    Raises:
        TrainingError: an unsupported family, or the prefix does not fit the encoders' context.
    """

    def __init__(self, pipe, n_vectors: int, max_sequence_length: int | None = None):
        self.pipe = pipe
        self.encoders = text_encoders(pipe)
        self.family = pipeline_family(pipe)
        if self.family not in SUPPORTED_FAMILIES:
            raise TrainingError(f"{type(pipe).__name__}: model family {self.family!r} is not supported for APL "
                                f"training (supported: {', '.join(SUPPORTED_FAMILIES)})")
        if self.family == "sd3" and getattr(pipe, "text_encoder_3", None) is None:
            raise TrainingError(f"{type(pipe).__name__}: SD3 without its T5 encoder (text_encoder_3=None); load "
                                "the pipeline with text_encoder_3 for training, so the prefix conditions all three "
                                "encoders")
        if self.family in ("sd1", "sd2", "sdxl") and getattr(pipe, "unet", None) is None:
            raise TrainingError(f"{type(pipe).__name__}: its encoders look like {self.family}'s but it has no UNet "
                                "(an SD3 pipeline loaded without its T5 text_encoder_3?); APL training needs "
                                "the pipeline's full set of text encoders")
        self.n_vectors = int(n_vectors)
        # SDXL-style: two CLIP encoders, penultimate hidden states concatenated.
        self.sdxl = self.family == "sdxl"
        if not 1 <= self.n_vectors <= MAX_VECTORS:
            raise TrainingError(f"n_vectors={n_vectors}: a prefix needs 1..{MAX_VECTORS} vectors")
        t5_len = int(max_sequence_length) if max_sequence_length else _call_default_seq_len(pipe)
        self.t5 = {name: is_t5_encoder(te) for name, _, te in self.encoders}
        # Sequence length per encoder and where its prefix goes (after BOS, or at 0 for T5).
        self.seq_len = {name: (t5_len or int(tok.model_max_length)) if self.t5[name] else int(tok.model_max_length)
                        for name, tok, _ in self.encoders}
        self.position = {name: prefix_position(tok) for name, tok, _ in self.encoders}
        for name, _, _ in self.encoders:
            room = self.seq_len[name] - self.position[name] - 1  # minus BOS (if any) and EOS
            if self.n_vectors > room:
                raise TrainingError(f"n_vectors={n_vectors} does not fit {name}: its sequence holds {room} tokens "
                                    "besides the special tokens")

    @property
    def max_sequence_length(self) -> int | None:
        """The T5 sequence length in use (None without a T5 encoder)."""
        return next((self.seq_len[n] for n, is_t5 in self.t5.items() if is_t5), None)

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
    def token_ids(self, tok, texts: list[str], prefixed: bool, name: str = "text_encoder"):
        """Token ids and attention mask as the pipeline sees them (TI ids at the prefix position when prefixed).

        The prompt is tokenized to ``n`` fewer positions and the prefix ids inserted, which is
        what tokenizing Guard's ``prefix text + prompt`` to the full length gives: the prompt
        loses ``n`` tokens at its end, the special tokens stay.
        """
        torch = require("torch", "diffusers")
        max_len = self.seq_len.get(name, int(tok.model_max_length))
        at = self.position.get(name, 1)
        n = self.n_vectors if prefixed else 0
        enc = tok(list(texts), padding="max_length", max_length=max_len - n, truncation=True,
                  add_special_tokens=True, return_tensors="pt")
        ids, mask = enc.input_ids, enc.attention_mask
        if not prefixed:
            return ids, mask
        ti = torch.arange(len(tok), len(tok) + n, dtype=ids.dtype).expand(ids.shape[0], n)
        ones = torch.ones(ids.shape[0], n, dtype=mask.dtype)
        return (torch.cat([ids[:, :at], ti, ids[:, at:]], dim=1),
                torch.cat([mask[:, :at], ones, mask[:, at:]], dim=1))

    @contextlib.contextmanager
    def _inject(self, te, vectors, at: int = 1):
        """Put ``vectors`` at positions at..at+n-1 of the token embeddings while active."""
        # T5EncoderModel's stack may call its own embed_tokens module (weights tied to
        # get_input_embeddings()): hook the module the forward actually calls.
        emb = getattr(getattr(te, "encoder", None), "embed_tokens", None) or te.get_input_embeddings()
        n = self.n_vectors
        rows = int(emb.weight.shape[0])

        def pre(_module, args):
            # TI ids are past the vocabulary; any valid row will do, it is replaced below.
            return (args[0].clamp(max=rows - 1),) + tuple(args[1:])

        def post(_module, _args, out):
            p = vectors.to(device=out.device, dtype=out.dtype).unsqueeze(0).expand(out.shape[0], -1, -1)
            return require("torch", "diffusers").cat([out[:, :at], p, out[:, at + n:]], dim=1)

        h1 = emb.register_forward_pre_hook(pre)
        h2 = emb.register_forward_hook(post)
        try:
            yield
        finally:
            h1.remove()
            h2.remove()

    # -- encoding ------------------------------------------------------------------
    def _run(self, name: str, tok, te, texts: list[str], prefix: dict[str, Any] | None, **kw):
        """One encoder's forward on ``texts`` (prefixed when ``prefix`` is given); returns (output, mask)."""
        device = te.get_input_embeddings().weight.device
        ids, mask = self.token_ids(tok, texts, prefixed=prefix is not None, name=name)
        ctx = (self._inject(te, prefix[name], self.position[name]) if prefix is not None
               else contextlib.nullcontext())
        with ctx:
            if kw.pop("with_mask", False):
                mask = mask.to(device)
                return te(ids.to(device), attention_mask=mask, **kw), mask
            return te(ids.to(device), **kw), mask

    def encode(self, texts: list[str], prefix: dict[str, Any] | None = None) -> Conditioning:
        """Encode ``texts``; with ``prefix`` (encoder name -> (n, hidden) tensor) in front.

        Gradients flow to the prefix tensors only if the caller enables them.
        """
        torch = require("torch", "diffusers")
        texts = list(texts)
        encs = {name: (tok, te) for name, tok, te in self.encoders}
        if self.family == "sd3":
            hidden, pooled = [], []
            for name in ("text_encoder", "text_encoder_2"):
                out, _ = self._run(name, *encs[name], texts, prefix, output_hidden_states=True)
                pooled.append(out[0])
                hidden.append(out.hidden_states[-2])
            t5, _ = self._run("text_encoder_3", *encs["text_encoder_3"], texts, prefix)
            t5h = t5[0]
            clip = torch.cat(hidden, dim=-1)
            clip = torch.nn.functional.pad(clip, (0, t5h.shape[-1] - clip.shape[-1]))
            return Conditioning(torch.cat([clip, t5h.to(clip.dtype)], dim=-2), torch.cat(pooled, dim=-1))
        if self.family == "flux":
            clip, _ = self._run("text_encoder", *encs["text_encoder"], texts, prefix, output_hidden_states=False)
            t5, _ = self._run("text_encoder_2", *encs["text_encoder_2"], texts, prefix)
            return Conditioning(t5[0], clip.pooler_output)
        if self.family == "pixart":
            # PixArtSigmaPipeline._text_preprocessing without clean_caption (needs bs4 + ftfy): lower + strip.
            texts = [t.lower().strip() for t in texts]
            out, mask = self._run("text_encoder", *encs["text_encoder"], texts, prefix, with_mask=True)
            return Conditioning(out[0], None, mask)
        hidden, pooled_out = [], None
        for name, (tok, te) in encs.items():
            if self.sdxl:
                out, _ = self._run(name, tok, te, texts, prefix, output_hidden_states=True)
                if pooled_out is None and out[0].ndim == 2:
                    pooled_out = out[0]
                hidden.append(out.hidden_states[-2])
            else:
                # SD pipelines pass the mask only for encoders configured to use one.
                use_mask = bool(getattr(te.config, "use_attention_mask", False))
                out, _ = self._run(name, tok, te, texts, prefix, with_mask=use_mask)
                hidden.append(out[0])
        if not self.sdxl:
            return Conditioning(hidden[0])
        return Conditioning(torch.cat(hidden, dim=-1), pooled_out)


def _call_default_seq_len(pipe) -> int | None:
    """The ``max_sequence_length`` default of the pipeline's ``__call__`` (None when it has none)."""
    try:
        param = inspect.signature(type(pipe).__call__).parameters.get("max_sequence_length")
    except (TypeError, ValueError):
        return None
    default = getattr(param, "default", None)
    return int(default) if isinstance(default, int) else None


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
