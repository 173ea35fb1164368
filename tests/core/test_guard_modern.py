"""Guard on the T5-encoder families (SD3, FLUX.1, PixArt-Sigma): the properties test_guard.py checks for SD1.x."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from aplguard import Guard
from aplguard.errors import ConfigError, PrefixError
from aplguard.prefix import SoftPrompt, pipeline_family, prefix_position, text_encoders

# max_sequence_length 32 keeps T5 and joint attention short on CPU; the tiny tokenizers spend ~1 token per character.
CALLS = {
    "sd3": dict(num_inference_steps=2, height=32, width=32, output_type="np", max_sequence_length=32),
    "flux": dict(num_inference_steps=2, height=32, width=32, output_type="np", max_sequence_length=32),
    "pixart": dict(num_inference_steps=2, height=32, width=32, output_type="np", max_sequence_length=32,
                   use_resolution_binning=False, clean_caption=False),
}
FAMILIES = tuple(CALLS)


def _build(family, seed=0):
    from aplguard import testing

    return {"sd3": testing.tiny_sd3_pipeline, "flux": testing.tiny_flux_pipeline,
            "pixart": testing.tiny_pixart_pipeline}[family](seed=seed)


@pytest.fixture(params=FAMILIES)
def fam(request):
    return request.param, _build(request.param)


def _prefix(pipe, seed=0, n=6):
    g = torch.Generator().manual_seed(seed)
    vecs = {name: torch.randn(n, enc.get_input_embeddings().weight.shape[1], generator=g) * 3
            for name, _, enc in text_encoders(pipe)}
    return SoftPrompt.from_pipeline(pipe, vecs)


def _arr(images):
    return np.stack([np.asarray(i) for i in images])


def _gen():
    return torch.Generator().manual_seed(0)


def _snapshot(pipe):
    return {name: (tok, dict(tok.get_vocab()), len(tok), enc.get_input_embeddings(),
                   enc.get_input_embeddings().weight.detach().clone(), enc.config.vocab_size)
            for name, tok, enc in text_encoders(pipe)}


def _assert_same(before, after):
    for name, (tok, vocab, n, emb, weight, vocab_size) in before.items():
        tok2, vocab2, n2, emb2, weight2, vocab_size2 = after[name]
        assert tok2 is tok and vocab2 == vocab and n2 == n, name
        assert emb2 is emb and torch.equal(weight2, weight) and vocab_size2 == vocab_size, name


def test_families_and_encoders():
    expect = {"sd3": ["text_encoder", "text_encoder_2", "text_encoder_3"], "flux": ["text_encoder", "text_encoder_2"],
              "pixart": ["text_encoder"]}
    for family, names in expect.items():
        pipe = _build(family)
        assert pipeline_family(pipe) == family
        assert [n for n, _, _ in text_encoders(pipe)] == names
        sp = _prefix(pipe)
        assert sp.family == family and sorted(sp.vectors) == names


def test_off_identical_anonymize_differs_mixed_batch(fam, scripted):
    family, pipe = fam
    call = CALLS[family]
    prompts = ["a photo of alice", "a red car"]
    bare = _arr(pipe(prompt=prompts, generator=_gen(), **call).images)
    sp = _prefix(pipe)
    with Guard(pipe, prefix=sp, policy="off") as off:
        np.testing.assert_array_equal(_arr(off(prompts, generator=_gen(), **call).images), bare)
    with Guard(pipe, prefix=sp, policy="anonymize-all") as anon:
        out = anon(prompts, generator=_gen(), **call)
        assert [d.action for d in out.decisions] == ["anonymize", "anonymize"]
        assert all(np.abs(a - b).max() > 1e-3 for a, b in zip(_arr(out.images), bare))
    with Guard(pipe, prefix=sp, policy=scripted({"alice": "anonymize"})) as mixed:
        got = _arr(mixed(prompts, generator=_gen(), **call).images)
    np.testing.assert_array_equal(got[1], bare[1])
    assert np.abs(got[0] - bare[0]).max() > 1e-3


def test_prefix_position_in_every_tokenizer(fam, scripted):
    family, pipe = fam
    sp = _prefix(pipe)
    with Guard(pipe, prefix=sp, policy=scripted()) as guard:
        backend = guard.backend
        tokens = [f"<apl{sp.digest[:10]}_{i}>" for i in range(sp.n_vectors)]
        for name, tok, enc in text_encoders(pipe):
            bare = tok("a photo of alice").input_ids
            got = tok(backend.prefixed("a photo of alice")).input_ids
            at = prefix_position(tok)
            assert at == (0 if enc.config.model_type == "t5" else 1), name  # T5: no BOS, prefix first
            ids = tok.convert_tokens_to_ids(tokens)
            assert got == bare[:at] + ids + bare[at:], name
            w = enc.get_input_embeddings().weight[ids]
            torch.testing.assert_close(w, torch.from_numpy(sp.vectors[name]))


def test_negative_prompt_never_prefixed(fam, scripted):
    family, pipe = fam
    call = dict(CALLS[family])
    if family == "flux":
        call["true_cfg_scale"] = 2.0  # FLUX.1 reads a negative prompt only with true CFG
    seen: list[str] = []
    orig = pipe.encode_prompt

    def spy(*a, **kw):
        _strings([*a, *kw.values()], seen)
        return orig(*a, **kw)

    with Guard(pipe, prefix=_prefix(pipe), policy=scripted(default="anonymize")) as guard:
        pipe.encode_prompt = spy
        guard("alice", negative_prompt="blurry", generator=_gen(), **call)
    negatives = [s for s in seen if "blurry" in s]
    assert negatives and all(s == "blurry" for s in negatives)
    assert any(s.startswith("<apl") and s.endswith("alice") for s in seen)


def _strings(values, out):
    for v in values:
        if isinstance(v, str):
            out.append(v)
        elif isinstance(v, (list, tuple)):
            _strings(v, out)


@pytest.mark.parametrize("family", FAMILIES)
def test_other_model_prefix_refused_before_touching(family, scripted, sd_pipe):
    pipe = _build(family)
    before = _snapshot(pipe)
    with pytest.raises(PrefixError):
        Guard(pipe, prefix=_prefix(sd_pipe), policy=scripted())
    with pytest.raises(PrefixError, match="another text_encoder"):
        Guard(pipe, prefix=_prefix(_build(family, seed=5)), policy=scripted())
    others = [f for f in FAMILIES if f != family]
    with pytest.raises(PrefixError):
        Guard(pipe, prefix=_prefix(_build(others[0])), policy=scripted())
    _assert_same(before, _snapshot(pipe))


@pytest.mark.parametrize("family", ["sd3", "flux"])
def test_prompt_2_and_3_screened_strictest_wins(family, scripted):
    pipe = _build(family)
    call = CALLS[family]
    rules = {"alice": "anonymize", "bob": "block"}
    seen: list[str] = []
    orig = pipe.encode_prompt

    def spy(*a, **kw):
        _strings([*a, *kw.values()], seen)
        return orig(*a, **kw)

    with Guard(pipe, prefix=_prefix(pipe), policy=scripted(rules)) as guard:
        pipe.encode_prompt = spy
        out = guard(["a car", "a tree"], prompt_2=["portrait of alice", "bob"], generator=_gen(), **call)
        assert [d.action for d in out.decisions] == ["anonymize", "block"]
        assert out.decisions[0].rule == "prompt_2:r-alice" and out.images[1] is None and out.images[0] is not None
        assert any(s.startswith("<apl") and s.endswith("portrait of alice") for s in seen)  # prompt_2 prefixed
        if family == "sd3":
            out = guard(["a car", "a tree"], prompt_3=["a tree", "photo of bob"], generator=_gen(), **call)
            assert [d.action for d in out.decisions] == ["allow", "block"]
            assert out.decisions[1].rule == "prompt_3:r-bob"
            out = guard("a car", prompt_2="alice", prompt_3="bob", generator=_gen(), **call)
            assert out.decisions[0].action == "block" and out.images == [None]


def test_close_restores_bit_for_bit(fam, scripted):
    family, pipe = fam
    call = CALLS[family]
    before = _snapshot(pipe)
    ref = _arr(pipe(prompt="a cat", generator=_gen(), **call).images)
    with Guard(pipe, prefix=_prefix(pipe), policy=scripted({"cat": "anonymize"})) as guard:
        guard("a cat", generator=_gen(), **call)
        assert all(len(tok) == before[name][2] + 6 for name, tok, _ in text_encoders(pipe))
    _assert_same(before, _snapshot(pipe))
    np.testing.assert_array_equal(_arr(pipe(prompt="a cat", generator=_gen(), **call).images), ref)


def test_t5_truncation_warns_per_encoder(scripted):
    pipe = _build("sd3")
    with Guard(pipe, prefix=_prefix(pipe), policy=scripted(default="anonymize")) as guard:
        prompt = "a red car on the beach " * 2  # fits 77 CLIP tokens with the prefix, not 32 T5 tokens
        with pytest.warns(UserWarning, match=r"text_encoder_3 reads 32 tokens.*max_sequence_length"):
            guard(prompt, generator=_gen(), **CALLS["sd3"])


def test_prompt_embeds_refused(fam, scripted):
    family, pipe = fam
    with Guard(pipe, policy=scripted()) as guard:
        with pytest.raises(ConfigError, match="prompt_embeds.*cannot be screened"):
            guard(prompt_embeds=torch.zeros(1, 8, 64), **CALLS[family])
        with pytest.raises(ConfigError, match="prompt_embeds: cannot be combined"):
            guard("a car", prompt_embeds=torch.zeros(1, 8, 64), **CALLS[family])
        if family != "pixart":
            with pytest.raises(ConfigError, match="pooled_prompt_embeds"):
                guard("a car", pooled_prompt_embeds=torch.zeros(1, 64), **CALLS[family])


def test_pixart_caption_cleaning_that_strips_the_prefix_is_refused(scripted):
    pipe = _build("pixart")
    call = {**CALLS["pixart"], "clean_caption": True}
    # what PixArt's cleaner does with beautifulsoup4 installed: <...> spans removed
    pipe._text_preprocessing = lambda texts, clean_caption=False: [t.replace("<", "").replace(">", "") for t in texts]
    from aplguard.errors import BackendError

    with Guard(pipe, prefix=_prefix(pipe), policy=scripted({"alice": "anonymize"})) as guard:
        with pytest.raises(BackendError, match="clean_caption=False"):
            guard("alice", generator=_gen(), **call)
        assert guard("a car", generator=_gen(), **call).images[0] is not None  # no prefix needed: runs


def test_sd3_prefix_file_round_trip_and_clip_only_exports_refused(tmp_path, scripted):
    pipe = _build("sd3")
    sp = _prefix(pipe)
    loaded = SoftPrompt.load(sp.save(tmp_path / "sd3.safetensors"))
    assert loaded.family == "sd3" and loaded.digest == sp.digest and set(loaded.fingerprints) == set(sp.vectors)
    with Guard(pipe, prefix=tmp_path / "sd3.safetensors", policy=scripted()) as guard:
        assert guard.prefix.digest == sp.digest
    for fmt in ("a1111", "diffusers"):
        with pytest.raises(PrefixError, match="fmt='aplguard'"):
            sp.export(tmp_path / f"x_{fmt}.safetensors", fmt=fmt)


def test_sd3_without_its_t5_encoder_is_still_sd3():
    """SD3 loaded with text_encoder_3=None (to save memory) must not be taken for SDXL."""
    from diffusers import StableDiffusion3Pipeline

    from aplguard.prefix import pipeline_family
    from aplguard.testing import tiny_sd3_pipeline

    full = tiny_sd3_pipeline(seed=0)
    no_t5 = StableDiffusion3Pipeline(**{**full.components, "text_encoder_3": None, "tokenizer_3": None})
    assert pipeline_family(full) == "sd3" and pipeline_family(no_t5) == "sd3"
