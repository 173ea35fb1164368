"""Adapter for diffusers pipelines: applies APL prefixes as textual-inversion tokens.

Why textual-inversion tokens rather than an embedding hook or ``prompt_embeds``:
the prefix is then placed exactly where APL places it (right after BOS, in front
of the prompt's token embeddings), the pipeline's *own* ``encode_prompt`` runs
unchanged (clip skip, SDXL's two encoders and pooled embeddings, img2img,
inpaint, and any pipeline that supports textual inversion), the negative prompt
is untouched, and per-prompt decisions in one batch are just different prompt
strings, which makes concurrent calls safe. Installing adds ``n_vectors`` new
rows to each token-embedding matrix; existing rows are not modified, so prompts
without the prefix produce bit-identical results.
"""

from __future__ import annotations

import copy
import logging
import threading
import warnings
from dataclasses import dataclass
from typing import Any

from .._deps import require
from ..errors import BackendError, PrefixError
from ..ports import Generation
from ..prefix import SoftPrompt, pipeline_family, text_encoders

log = logging.getLogger("aplguard.backends")

# kwargs of diffusers pipelines that hold one entry per prompt
PER_PROMPT_KWARGS: tuple[str, ...] = ("negative_prompt", "prompt_2", "negative_prompt_2", "image", "mask_image", "control_image")


@dataclass
class _Installed:
    """What one installed prefix replaced, so that uninstalling restores it exactly."""

    tokenizer_attr: str
    tokenizer: Any  # the user's tokenizer object (never mutated: a copy gets the tokens)
    encoder: Any
    embeddings: Any  # the encoder's original input-embedding module (untouched; a copy gets the rows)
    vocab_size: int | None


class DiffusersBackend:
    """Wrap one diffusers pipeline (implements :class:`aplguard.ports.Backend`).

    Args:
        pipe: a diffusers pipeline with ``tokenizer``/``text_encoder`` (and, for
            SDXL, ``tokenizer_2``/``text_encoder_2``).

    Raises:
        BackendError: the pipeline has no text encoder or is not callable.
    """

    supports_prefix = True
    per_prompt_kwargs = PER_PROMPT_KWARGS

    def __init__(self, pipe: Any):
        if not callable(pipe):
            raise BackendError(f"pipe: {type(pipe).__name__} is not callable")
        try:
            text_encoders(pipe)
        except PrefixError as exc:
            raise BackendError(f"pipe: {exc}") from None
        self.pipe = pipe
        self.family = pipeline_family(pipe)
        self.prefix: SoftPrompt | None = None
        self._prefix_text = ""
        self._installed: list[_Installed] = []
        # diffusers pipelines mutate their scheduler during a call: one call at a time.
        self._call_lock = threading.Lock()

    @property
    def model_id(self) -> str:
        cfg = getattr(self.pipe, "config", None)
        name = getattr(cfg, "_name_or_path", None) if cfg is not None else None
        return str(name or type(self.pipe).__name__)

    @property
    def max_length(self) -> int:
        return int(text_encoders(self.pipe)[0][1].model_max_length)

    # -- prefix installation --------------------------------------------------------
    def install_prefix(self, prefix: SoftPrompt) -> None:
        """Add the prefix's vectors as new tokens to every tokenizer/encoder pair.

        Everything is checked before anything is changed, so a refused prefix leaves
        the pipeline untouched. The user's tokenizers and embedding modules are never
        mutated: the pipeline gets a tokenizer copy with the new tokens and a new
        embedding module with the extra rows, so :meth:`uninstall_prefix` puts the
        originals back exactly.
        """
        torch = require("torch", "diffusers")
        if self._installed:
            raise PrefixError("a prefix is already installed; uninstall it first")
        prefix.check_pipeline(self.pipe)
        tokens = [f"<apl{prefix.digest[:10]}_{i}>" for i in range(prefix.n_vectors)]
        plan: list[tuple[str, Any, Any, bool]] = []
        for name, tok, enc in text_encoders(self.pipe):
            vocab = tok.get_vocab()
            held = [t in vocab for t in tokens]
            if any(held) and not all(held):
                raise PrefixError(f"{name}: tokenizer holds some but not all tokens of this prefix")
            plan.append((name, tok, enc, all(held)))
        for name, tok, enc, present in plan:
            tok_attr = name.replace("text_encoder", "tokenizer")
            original = enc.get_input_embeddings()
            self._installed.append(_Installed(tok_attr, tok, enc, original, getattr(enc.config, "vocab_size", None)))
            if not present:
                tok = copy.deepcopy(tok)
                tok.add_tokens(tokens)
                setattr(self.pipe, tok_attr, tok)
            ids = tok.convert_tokens_to_ids(tokens)
            # A new embedding module (old rows copied, prefix rows set): the user's module
            # and its weights are never modified, so uninstalling is exact.
            old_weight = original.weight.detach()
            rows = max(int(old_weight.shape[0]), max(ids) + 1)
            weight = torch.zeros(rows, old_weight.shape[1], dtype=old_weight.dtype, device=old_weight.device)
            weight[:old_weight.shape[0]] = old_weight
            weight[ids] = torch.from_numpy(prefix.vectors[name]).to(device=weight.device, dtype=weight.dtype)
            replacement = torch.nn.Embedding(rows, int(old_weight.shape[1]), padding_idx=original.padding_idx,
                                             device=weight.device, dtype=weight.dtype)
            replacement.weight = torch.nn.Parameter(weight, requires_grad=original.weight.requires_grad)
            enc.set_input_embeddings(replacement)
            if getattr(enc.config, "vocab_size", None) is not None:
                enc.config.vocab_size = rows
        self.prefix = prefix
        self._prefix_text = " ".join(tokens)
        log.info("installed APL prefix %s (%d vectors, %s)", prefix.digest[:12], prefix.n_vectors, self.family)

    def uninstall_prefix(self) -> None:
        """Put back the user's tokenizers and embedding modules (a no-op without a prefix)."""
        with self._call_lock:  # never while a generation reads them
            for inst in reversed(self._installed):
                setattr(self.pipe, inst.tokenizer_attr, inst.tokenizer)
                inst.encoder.set_input_embeddings(inst.embeddings)
                if inst.vocab_size is not None:
                    inst.encoder.config.vocab_size = inst.vocab_size
            self._installed.clear()
            self.prefix = None
            self._prefix_text = ""

    def prefixed(self, prompt: str) -> str:
        """``prompt`` with the prefix tokens in front (prefix must be installed)."""
        if not self._prefix_text:
            raise PrefixError("no prefix is installed")
        return f"{self._prefix_text} {prompt}"

    def token_count(self, prompt: str) -> int:
        """Tokens the first encoder needs for ``prompt`` including BOS/EOS, untruncated."""
        tok = text_encoders(self.pipe)[0][1]
        return len(tok(prompt, truncation=False, add_special_tokens=True).input_ids)

    # -- generation ---------------------------------------------------------------------
    def generate(self, prompts: list[str], anonymize: list[bool], kwargs: dict[str, Any]) -> Generation:
        """Call the pipeline with the prefix on the prompts whose flag is set.

        ``return_dict`` is the caller's business (Guard always returns a GuardOutput):
        the pipeline is always called with ``return_dict=True`` so images are found by name.
        """
        final = [self.prefixed(p) if a else p for p, a in zip(prompts, anonymize)]
        call_kwargs = dict(kwargs)
        call_kwargs.pop("return_dict", None)
        for name in ("negative_prompt", "negative_prompt_2"):  # pipelines want the prompt's type
            if isinstance(call_kwargs.get(name), str):
                call_kwargs[name] = [call_kwargs[name]] * len(final)
        second = call_kwargs.get("prompt_2")
        if second is not None:  # SDXL: the second encoder reads prompt_2 when given
            seconds = [second] * len(prompts) if isinstance(second, str) else list(second)
            call_kwargs["prompt_2"] = [self.prefixed(p) if a else p for p, a in zip(seconds, anonymize)]
        n_vectors = self.prefix.n_vectors if self.prefix is not None else 0
        for i, (p, a) in enumerate(zip(final, anonymize)):
            if a and self.token_count(p) > self.max_length:
                warnings.warn(
                    f"prompt[{i}] needs more than {self.max_length} tokens with the {n_vectors}-vector "
                    "prefix; the encoder truncates its end", stacklevel=3,
                )
        with self._call_lock:
            raw = self.pipe(prompt=final, return_dict=True, **call_kwargs)
        images = getattr(raw, "images", None)
        if images is None:
            raise BackendError(f"{type(self.pipe).__name__} returned {type(raw).__name__} without .images")
        return Generation(images=list(images), raw=raw)
