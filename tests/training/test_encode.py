"""The training encode places the prefix exactly where Guard's textual-inversion tokens do."""

from __future__ import annotations

import copy

import pytest
import torch
from aplguard.training import PrefixEncoder

from aplguard.errors import TrainingError

TEXTS = ["a photo of mara velund", "a cat " * 60]  # the second one is truncated


def test_sd_prefixed_encode_equals_textual_inversion(train_sd):
    enc = PrefixEncoder(train_sd, 4)
    prefix = enc.init_prefix(seed=3)
    ours = enc.encode(TEXTS, prefix)
    ref = copy.deepcopy(train_sd)
    ref.load_textual_inversion(prefix["text_encoder"], token="<apl>")
    theirs, _ = ref.encode_prompt(["<apl> " + t for t in TEXTS], "cpu", 1, False)
    assert torch.allclose(ours.hidden, theirs, atol=1e-6)
    # and without a prefix the encode is the pipeline's own
    plain, _ = train_sd.encode_prompt(TEXTS, "cpu", 1, False)
    assert torch.equal(enc.encode(TEXTS).hidden, plain)


def test_sdxl_prefixed_encode_equals_textual_inversion(train_sdxl):
    enc = PrefixEncoder(train_sdxl, 3)
    assert enc.sdxl and set(enc.hidden_sizes) == {"text_encoder", "text_encoder_2"}
    prefix = enc.init_prefix(seed=5)
    ours = enc.encode(TEXTS, prefix)
    ref = copy.deepcopy(train_sdxl)
    ref.load_textual_inversion(prefix["text_encoder"], token="<apl>", text_encoder=ref.text_encoder,
                               tokenizer=ref.tokenizer)
    ref.load_textual_inversion(prefix["text_encoder_2"], token="<apl>", text_encoder=ref.text_encoder_2,
                               tokenizer=ref.tokenizer_2)
    pe, _, pooled, _ = ref.encode_prompt(["<apl> " + t for t in TEXTS], device="cpu",
                                         do_classifier_free_guidance=False)
    assert torch.allclose(ours.hidden, pe, atol=1e-6)
    assert torch.allclose(ours.pooled, pooled, atol=1e-6)


def test_gradients_reach_only_the_prefix(train_sd):
    enc = PrefixEncoder(train_sd, 2)
    p = {k: v.requires_grad_(True) for k, v in enc.init_prefix(seed=0).items()}
    train_sd.text_encoder.requires_grad_(False)
    try:
        enc.encode(["a photo"], p).hidden.sum().backward()
    finally:
        train_sd.text_encoder.requires_grad_(True)
    assert p["text_encoder"].grad is not None and p["text_encoder"].grad.abs().sum() > 0
    assert all(q.grad is None for q in train_sd.text_encoder.parameters())


def test_prefix_too_long_is_refused(train_sd):
    with pytest.raises(TrainingError, match="n_vectors"):
        PrefixEncoder(train_sd, 76)


def test_init_from_text_uses_token_embeddings(train_sd):
    enc = PrefixEncoder(train_sd, 3)
    p = enc.init_prefix(init_text="ab")
    ids = train_sd.tokenizer("ab", add_special_tokens=False).input_ids
    w = train_sd.text_encoder.get_input_embeddings().weight
    assert torch.equal(p["text_encoder"][0], w[ids[0]].detach())
