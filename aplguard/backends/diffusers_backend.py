"""Adapter for diffusers pipelines: applies APL prefixes as textual-inversion tokens.

Why textual-inversion tokens rather than an embedding hook or ``prompt_embeds``:
the prefix is then placed exactly where APL places it (in front of the prompt's
token embeddings: right after BOS for CLIP, at position 0 for T5, which has no
BOS), the pipeline's *own* ``encode_prompt`` runs unchanged (clip skip, SDXL's
two encoders and pooled embeddings, SD3's three and FLUX.1's two encoders,
img2img, inpaint, ControlNet), the negative prompt
is untouched, and per-prompt decisions in one batch are just different prompt
strings, which makes concurrent calls safe. Installing adds ``n_vectors`` new
rows to each token-embedding matrix; existing rows are not modified, so prompts
without the prefix produce bit-identical results.

Where the prefix sits is checked by tokenizing a probe prompt with every
tokenizer at install time (prefix ids at the tokenizer's prefix position, then
exactly the probe's own ids): SentencePiece tokenizers (T5) would put a word
marker between space-separated tokens, so the prefix text is joined without
spaces when any tokenizer needs it.

Sequence length: CLIP and T5 encoders are padded to a fixed length (77, or the
call's ``max_sequence_length`` for T5), so the prefix adds no tokens to what
the encoders and the denoiser process; it takes ``n_vectors`` of those
positions from the prompt. A prompt that no longer fits is truncated at its end
by the pipeline, and Guard warns how many tokens each encoder lost.
"""

from __future__ import annotations

import copy
import inspect
import logging
import threading
import warnings
from dataclasses import dataclass
from typing import Any

from .._deps import require
from ..errors import BackendError, PrefixError
from ..ports import Generation
from ..prefix import SoftPrompt, is_t5_encoder, pipeline_family, prefix_position, text_encoders

log = logging.getLogger("aplguard.backends")

# kwargs of diffusers pipelines that hold one entry per prompt
PER_PROMPT_KWARGS: tuple[str, ...] = ("negative_prompt", "prompt_2", "negative_prompt_2", "prompt_3", "negative_prompt_3",
                                      "image", "mask_image", "control_image")
# The prompt argument each text encoder reads (it falls back to ``prompt`` when not given).
PROMPT_KWARG = {"text_encoder": "prompt", "text_encoder_2": "prompt_2", "text_encoder_3": "prompt_3"}
_NEGATIVE_KWARGS = ("negative_prompt", "negative_prompt_2", "negative_prompt_3")
_PROBE_PROMPT = "a photo of a cat"


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
            SDXL, FLUX.1 and SD3, ``tokenizer_2``/``text_encoder_2``; for SD3 also
            ``tokenizer_3``/``text_encoder_3``).

    Raises:
        BackendError: the pipeline has no text encoder, is not callable, or its
            text-encoder weights are not in memory (sequential CPU offload).
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
        _check_weights_resident(pipe)
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
        _check_weights_resident(self.pipe)
        plan: list[tuple[str, Any, Any, Any]] = []
        for name, tok, enc in text_encoders(self.pipe):
            vocab = tok.get_vocab()
            held = [t in vocab for t in tokens]
            if any(held) and not all(held):
                raise PrefixError(f"{name}: tokenizer holds some but not all tokens of this prefix")
            work = tok
            if not all(held):
                work = copy.deepcopy(tok)
                work.add_tokens(tokens)
            plan.append((name, tok, enc, work))
        prefix_text = _prefix_text(tokens, [(name, work) for name, _, _, work in plan])
        for name, tok, enc, work in plan:
            tok_attr = name.replace("text_encoder", "tokenizer")
            original = enc.get_input_embeddings()
            self._installed.append(_Installed(tok_attr, tok, enc, original, getattr(enc.config, "vocab_size", None)))
            if work is not tok:
                setattr(self.pipe, tok_attr, work)
            ids = work.convert_tokens_to_ids(tokens)
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
        self._prefix_text = prefix_text
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
        return self._prefix_text + prompt

    def token_count(self, prompt: str, encoder: str = "text_encoder") -> int:
        """Tokens ``encoder``'s tokenizer makes of ``prompt`` including special tokens, untruncated."""
        tok = {name: t for name, t, _ in text_encoders(self.pipe)}[encoder]
        return len(tok(prompt, truncation=False, add_special_tokens=True).input_ids)

    def token_limit(self, encoder: str, kwargs: dict[str, Any]) -> int:
        """The sequence length ``encoder`` is padded/truncated to in a call with ``kwargs``.

        CLIP: the tokenizer's ``model_max_length`` (77). T5: the call's
        ``max_sequence_length``, else the pipeline's default for it.
        """
        triples = {name: (t, e) for name, t, e in text_encoders(self.pipe)}
        tok, enc = triples[encoder]
        if is_t5_encoder(enc):
            value = kwargs.get("max_sequence_length")
            if value is None:
                default = _call_default(self.pipe, "max_sequence_length")
                value = default if isinstance(default, int) else tok.model_max_length
            return int(value)
        return int(tok.model_max_length)

    @property
    def max_length(self) -> int:
        return int(text_encoders(self.pipe)[0][1].model_max_length)

    # -- generation ---------------------------------------------------------------------
    def generate(self, prompts: list[str], anonymize: list[bool], kwargs: dict[str, Any]) -> Generation:
        """Call the pipeline with the prefix on the prompts whose flag is set.

        ``return_dict`` is the caller's business (Guard always returns a GuardOutput):
        the pipeline is always called with ``return_dict=True`` so images are found by name.
        """
        final = [self.prefixed(p) if a else p for p, a in zip(prompts, anonymize)]
        call_kwargs = dict(kwargs)
        call_kwargs.pop("return_dict", None)
        for name in _NEGATIVE_KWARGS:  # pipelines want the prompt's type
            if isinstance(call_kwargs.get(name), str):
                call_kwargs[name] = [call_kwargs[name]] * len(final)
        for name in ("prompt_2", "prompt_3"):  # SDXL/FLUX/SD3: later encoders read these when given
            other = call_kwargs.get(name)
            if other is not None:
                others = [other] * len(prompts) if isinstance(other, str) else list(other)
                call_kwargs[name] = [self.prefixed(p) if a else p for p, a in zip(others, anonymize)]
        if any(anonymize):
            self._check_preprocessing(call_kwargs)
            self._warn_truncation(final, anonymize, call_kwargs)
        with self._call_lock:
            raw = self.pipe(prompt=final, return_dict=True, **call_kwargs)
        images = getattr(raw, "images", None)
        if images is None:
            raise BackendError(f"{type(self.pipe).__name__} returned {type(raw).__name__} without .images")
        return Generation(images=list(images), raw=raw)

    def _warn_truncation(self, final: list[str], anonymize: list[bool], call_kwargs: dict[str, Any]) -> None:
        """Warn, per encoder, when a prefixed prompt no longer fits that encoder's sequence length."""
        n_vectors = self.prefix.n_vectors if self.prefix is not None else 0
        for name, _, _ in text_encoders(self.pipe):
            own = call_kwargs.get(PROMPT_KWARG[name])
            texts = own if isinstance(own, list) else final
            limit = self.token_limit(name, call_kwargs)
            for i, (text, a) in enumerate(zip(texts, anonymize)):
                if not a:
                    continue
                lost = self.token_count(text, name) - limit
                if lost > 0:  # the count only: a warning may end up in logs, the prompt text must not
                    warnings.warn(
                        f"prompt[{i}]: {name} reads {limit} tokens; with the {n_vectors}-vector APL prefix the "
                        f"encoder truncates the last {lost} token(s) of the prompt (shorten the prompt"
                        + (" or raise max_sequence_length)" if limit != self.max_length else ")"),
                        stacklevel=4,
                    )

    def _check_preprocessing(self, call_kwargs: dict[str, Any]) -> None:
        """Refuse when the pipeline's own caption cleaning would strip the prefix tokens.

        PixArt's ``clean_caption=True`` (with beautifulsoup4 and ftfy installed)
        removes ``<...>`` spans: the prompt would be generated without its prefix.
        """
        preprocess = getattr(self.pipe, "_text_preprocessing", None)
        if preprocess is None:
            return
        clean = call_kwargs.get("clean_caption", _call_default(self.pipe, "clean_caption"))
        if not clean:
            return
        probe = self.prefixed(_PROBE_PROMPT)
        try:
            kept = preprocess([probe], clean_caption=True)[0]
        except Exception as exc:  # noqa: BLE001 - an unknown cleaner: cannot show the prefix survives
            raise BackendError(f"clean_caption=True: cannot check that the APL prefix survives caption cleaning "
                               f"({type(exc).__name__}); pass clean_caption=False") from None
        if not kept.startswith(self._prefix_text):
            raise BackendError("clean_caption=True strips the APL prefix tokens from the prompt (caption cleaning "
                               "removes <...> spans); pass clean_caption=False to anonymise with this pipeline")


def _call_default(pipe: Any, name: str) -> Any:
    """The default of ``pipe.__call__``'s parameter ``name`` (None when it has none)."""
    try:
        param = inspect.signature(pipe.__call__).parameters.get(name)
    except (TypeError, ValueError):
        return None
    return None if param is None or param.default is inspect.Parameter.empty else param.default


def _check_weights_resident(pipe: Any) -> None:
    """Refuse encoders whose weights are not in memory (``enable_sequential_cpu_offload`` moves them to 'meta').

    The prefix is installed as a new embedding module with the old rows copied:
    that needs the rows, and a module that accelerate's offload hooks manage.
    """
    for name, _, enc in text_encoders(pipe):
        weight = enc.get_input_embeddings().weight
        if getattr(weight, "is_meta", False) or str(getattr(weight, "device", "")) == "meta":
            raise BackendError(
                f"{name}: its weights are offloaded to the 'meta' device (enable_sequential_cpu_offload); "
                "an APL prefix needs the token embeddings in memory. Use enable_model_cpu_offload() instead, "
                "or no offload")


def _prefix_text(tokens: list[str], tokenizers: list[tuple[str, Any]]) -> str:
    """The text put in front of prompts, checked by tokenizing with every tokenizer.

    Space-separated tokens suit CLIP's BPE; a SentencePiece tokenizer (T5) adds a
    word marker before each space-separated piece, so there the tokens are joined
    without spaces (the prompt's own first word marker then stays where it was).
    The chosen text must, for every tokenizer, yield exactly the prefix ids at the
    tokenizer's prefix position followed by the probe prompt's own ids.

    Raises:
        PrefixError: no joining yields that for every tokenizer.
    """
    problems: list[str] = []
    for text in (" ".join(tokens) + " ", "".join(tokens)):
        problems = []
        for name, tok in tokenizers:
            bare = list(tok(_PROBE_PROMPT, add_special_tokens=True).input_ids)
            got = list(tok(text + _PROBE_PROMPT, add_special_tokens=True).input_ids)
            at = prefix_position(tok)
            want = bare[:at] + list(tok.convert_tokens_to_ids(tokens)) + bare[at:]
            if got != want:
                problems.append(name)
        if not problems:
            return text
    raise PrefixError(f"{', '.join(problems)}: the tokenizer does not keep the APL prefix tokens in front of the "
                      "prompt's own tokens; this tokenizer is not supported")
