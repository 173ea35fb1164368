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

import logging
import threading
import warnings
from typing import Any

from .._deps import require
from ..errors import BackendError, PrefixError
from ..prefix import SoftPrompt, pipeline_family, text_encoders

log = logging.getLogger("aplguard.backends")

# kwargs of diffusers pipelines that hold one entry per prompt
PER_PROMPT_KWARGS = ("negative_prompt", "prompt_2", "negative_prompt_2", "image", "mask_image", "control_image")


class DiffusersBackend:
    """Wrap one diffusers pipeline.

    Args:
        pipe: a diffusers pipeline with ``tokenizer``/``text_encoder`` (and, for
            SDXL, ``tokenizer_2``/``text_encoder_2``).

    Raises:
        BackendError: the pipeline has no text encoder or is not callable.
    """

    supports_prefix = True

    def __init__(self, pipe: Any):
        if not callable(pipe):
            raise BackendError(f"pipe: {type(pipe).__name__} is not callable")
        try:
            self._encoders = text_encoders(pipe)
        except PrefixError as exc:
            raise BackendError(f"pipe: {exc}") from None
        self.pipe = pipe
        self.family = pipeline_family(pipe)
        self.prefix: SoftPrompt | None = None
        self._prefix_text = ""
        # diffusers pipelines mutate their scheduler during a call: one call at a time.
        self._call_lock = threading.Lock()

    @property
    def model_id(self) -> str:
        cfg = getattr(self.pipe, "config", None)
        name = getattr(cfg, "_name_or_path", None) if cfg is not None else None
        return str(name or type(self.pipe).__name__)

    @property
    def max_length(self) -> int:
        return int(self._encoders[0][1].model_max_length)

    # -- prefix installation --------------------------------------------------------
    def install_prefix(self, prefix: SoftPrompt) -> None:
        """Add the prefix's vectors as new tokens to every tokenizer/encoder pair.

        Everything is checked before anything is changed, so a refused prefix leaves
        the pipeline untouched.
        """
        torch = require("torch", "diffusers")
        prefix.check_pipeline(self.pipe)
        tokens = [f"<apl{prefix.digest[:10]}_{i}>" for i in range(prefix.n_vectors)]
        plan = []
        for name, tok, enc in self._encoders:
            vocab = tok.get_vocab()
            present = [t in vocab for t in tokens]
            if any(present) and not all(present):
                raise PrefixError(f"{name}: tokenizer holds some but not all tokens of this prefix")
            plan.append((name, tok, enc, all(present)))
        for name, tok, enc, present in plan:
            vec = torch.from_numpy(prefix.vectors[name])
            if not present:
                tok.add_tokens(tokens)
                enc.resize_token_embeddings(len(tok), mean_resizing=False)
            ids = tok.convert_tokens_to_ids(tokens)
            weight = enc.get_input_embeddings().weight
            with torch.no_grad():
                weight[ids] = vec.to(device=weight.device, dtype=weight.dtype)
        self.prefix = prefix
        self._prefix_text = " ".join(tokens)
        log.info("installed APL prefix %s (%d vectors, %s)", prefix.digest[:12], prefix.n_vectors, self.family)

    def prefixed(self, prompt: str) -> str:
        """``prompt`` with the prefix tokens in front (prefix must be installed)."""
        if not self._prefix_text:
            raise PrefixError("no prefix is installed")
        return f"{self._prefix_text} {prompt}"

    def token_count(self, prompt: str) -> int:
        """Tokens the first encoder needs for ``prompt`` including BOS/EOS, untruncated."""
        tok = self._encoders[0][1]
        return len(tok(prompt, truncation=False, add_special_tokens=True).input_ids)

    # -- generation ---------------------------------------------------------------------
    def generate(self, prompts: list[str], anonymize: list[bool], kwargs: dict[str, Any]) -> Any:
        """Call the pipeline with the prefix on the prompts whose flag is set.

        Returns the pipeline's own output object.
        """
        final = [self.prefixed(p) if a else p for p, a in zip(prompts, anonymize)]
        call_kwargs = dict(kwargs)
        for name in ("negative_prompt", "negative_prompt_2"):  # pipelines want the prompt's type
            if isinstance(call_kwargs.get(name), str):
                call_kwargs[name] = [call_kwargs[name]] * len(final)
        second = call_kwargs.get("prompt_2")
        if second is not None:  # SDXL: the second encoder reads prompt_2 when given
            seconds = [second] * len(prompts) if isinstance(second, str) else list(second)
            call_kwargs["prompt_2"] = [self.prefixed(p) if a else p for p, a in zip(seconds, anonymize)]
        for i, (p, a) in enumerate(zip(final, anonymize)):
            if a and self.token_count(p) > self.max_length:
                warnings.warn(
                    f"prompt[{i}] needs more than {self.max_length} tokens with the {self.prefix.n_vectors}-vector "
                    "prefix; the encoder truncates its end", stacklevel=3,
                )
        with self._call_lock:
            return self.pipe(prompt=final, **call_kwargs)
