"""Guard on tiny diffusers pipelines: bit-identity, per-prompt prefixes, refusals."""

from __future__ import annotations

import inspect
import threading

import numpy as np
import pytest
import torch

from aplguard import Guard
from aplguard.errors import BackendError, Blocked, ConfigError, PrefixError
from aplguard.prefix import SoftPrompt

CALL = dict(num_inference_steps=2, height=64, width=64, output_type="np")


def _prefix(pipe, seed=0, n=10):
    vecs = {}
    for name in ("text_encoder", "text_encoder_2"):
        enc = getattr(pipe, name, None)
        if enc is not None:
            hidden = enc.get_input_embeddings().weight.shape[1]
            vecs[name] = torch.randn(n, hidden, generator=torch.Generator().manual_seed(seed)) * 3
    return SoftPrompt.from_pipeline(pipe, vecs)


def _arr(images):
    return np.stack([np.asarray(i) for i in images])


def _bare(pipe, prompts, **kw):
    return pipe(prompt=prompts, generator=torch.Generator().manual_seed(0), **CALL, **kw).images


def test_off_is_bit_identical_and_anonymize_differs(sd_pipe, scripted):
    prompts = ["a photo of alice", "a red car"]
    bare = _bare(sd_pipe, prompts)
    off = Guard(sd_pipe, prefix=_prefix(sd_pipe), policy=scripted(default="allow"))
    out = off(prompts, generator=torch.Generator().manual_seed(0), **CALL)
    np.testing.assert_array_equal(_arr(out.images), bare)
    assert [d.action for d in out.decisions] == ["allow", "allow"]
    anon = Guard(sd_pipe, prefix=_prefix(sd_pipe), policy=scripted(default="anonymize"))
    out2 = anon(prompts, generator=torch.Generator().manual_seed(0), **CALL)
    for a, b in zip(_arr(out2.images), bare):
        assert np.abs(a - b).max() > 1e-3


def test_mixed_batch_only_flagged_prompts_change(sd_pipe, scripted):
    prompts = ["a photo of alice", "a red car", "bob at the beach"]
    bare = _bare(sd_pipe, prompts, num_images_per_prompt=2)
    guard = Guard(sd_pipe, prefix=_prefix(sd_pipe), policy=scripted({"alice": "anonymize"}))
    out = guard(prompts, generator=torch.Generator().manual_seed(0), num_images_per_prompt=2, **CALL)
    got = _arr(out.images)
    assert len(got) == 6 and [d.action for d in out.decisions] == ["anonymize", "allow", "allow"]
    np.testing.assert_array_equal(got[2:], bare[2:])
    assert np.abs(got[:2] - bare[:2]).max() > 1e-3


def test_negative_prompt_never_prefixed(sd_pipe, scripted):
    guard = Guard(sd_pipe, prefix=_prefix(sd_pipe), policy=scripted(default="anonymize"))
    seen = {}
    orig = sd_pipe.encode_prompt

    sig = inspect.signature(orig)

    def spy(*a, **kw):
        bound = sig.bind(*a, **kw).arguments
        seen["prompt"], seen["negative"] = bound["prompt"], bound.get("negative_prompt")
        return orig(*a, **kw)

    sd_pipe.encode_prompt = spy
    guard("alice", negative_prompt="blurry", generator=torch.Generator().manual_seed(0), **CALL)
    assert seen["prompt"][0].startswith("<apl") and seen["negative"] == ["blurry"]


def test_sdxl_both_encoders(sdxl_pipe, scripted):
    bare = _bare(sdxl_pipe, ["alice", "a car"])
    sp = _prefix(sdxl_pipe)
    guard = Guard(sdxl_pipe, prefix=sp, policy=scripted({"alice": "anonymize"}))
    got = _arr(guard(["alice", "a car"], generator=torch.Generator().manual_seed(0), **CALL).images)
    np.testing.assert_array_equal(got[1], bare[1])
    assert np.abs(got[0] - bare[0]).max() > 1e-3
    ids = sdxl_pipe.tokenizer_2.convert_tokens_to_ids(guard.backend._prefix_text.split())
    w = sdxl_pipe.text_encoder_2.get_input_embeddings().weight[ids]
    torch.testing.assert_close(w, torch.from_numpy(sp.vectors["text_encoder_2"]))


def test_img2img_variant(sd_pipe, scripted):
    from diffusers import StableDiffusionImg2ImgPipeline

    i2i = StableDiffusionImg2ImgPipeline(**sd_pipe.components)
    i2i.set_progress_bar_config(disable=True)
    init = np.random.default_rng(0).random((64, 64, 3)).astype(np.float32)
    from PIL import Image

    img = Image.fromarray((init * 255).astype(np.uint8))
    kw = dict(num_inference_steps=4, strength=0.75, output_type="np")
    bare = i2i(prompt=["alice"], image=img, generator=torch.Generator().manual_seed(0), **kw).images
    guard = Guard(i2i, prefix=_prefix(sd_pipe), policy=scripted(default="anonymize"))
    got = _arr(guard(["alice"], image=img, generator=torch.Generator().manual_seed(0), **kw).images)
    assert got.shape == bare.shape and np.abs(got - bare).max() > 1e-3


def test_a1111_emb_params_file_loads(sd_pipe, tmp_path, scripted):
    from safetensors.numpy import save_file

    path = tmp_path / "apl_a1111.safetensors"
    save_file({"emb_params": np.random.default_rng(0).normal(size=(10, 32)).astype(np.float32)}, str(path))
    guard = Guard(sd_pipe, prefix=path, policy=scripted(default="anonymize"))
    assert guard.prefix.n_vectors == 10
    out = guard("alice", generator=torch.Generator().manual_seed(0), **CALL)
    assert out.images[0].shape == (64, 64, 3)


def test_block_returns_none_and_raise_on_block(sd_pipe, scripted):
    guard = Guard(sd_pipe, prefix=_prefix(sd_pipe), policy=scripted({"alice": "block"}))
    out = guard(["alice", "a car"], generator=torch.Generator().manual_seed(0), **CALL)
    assert out.images[0] is None and out.images[1] is not None and out.blocked and out.messages == ["blocked"]
    strict = Guard(sd_pipe, prefix=_prefix(sd_pipe), policy=scripted({"alice": "block"}), raise_on_block=True)
    with pytest.raises(Blocked):
        strict(["alice"], **CALL)


def test_anonymize_without_prefix_fails_closed(sd_pipe, scripted):
    guard = Guard(sd_pipe, policy=scripted(default="anonymize"))
    out = guard("alice", **CALL)
    assert out.images == [None] and out.decisions[0].intended_action == "anonymize"
    assert "fail-closed" in out.decisions[0].errors[-1]


def test_rewrite_changes_prompt(sd_pipe, scripted):
    guard = Guard(sd_pipe, policy=scripted({"alice": "rewrite"}))
    out = guard("photo of alice", generator=torch.Generator().manual_seed(0), **CALL)
    bare = _bare(sd_pipe, ["photo of a person"])
    np.testing.assert_array_equal(_arr(out.images), bare)


def test_mismatched_prefix_refused_and_pipeline_untouched(sd_pipe, sdxl_pipe, scripted):
    n_tokens = len(sd_pipe.tokenizer)
    with pytest.raises(PrefixError):
        Guard(sd_pipe, prefix=_prefix(sdxl_pipe), policy=scripted())
    from aplguard.testing import tiny_sd_pipeline

    with pytest.raises(PrefixError, match="another text_encoder"):
        Guard(sd_pipe, prefix=_prefix(tiny_sd_pipeline(seed=3)), policy=scripted())
    assert len(sd_pipe.tokenizer) == n_tokens
    assert sd_pipe.text_encoder.get_input_embeddings().weight.shape[0] == n_tokens


def test_bad_prompts_and_pipelines(sd_pipe, scripted):
    guard = Guard(sd_pipe, policy=scripted())
    with pytest.raises(ConfigError, match=r"prompt\[1\]: is empty"):
        guard(["ok", "  "], **CALL)
    with pytest.raises(ConfigError, match="max_prompt_chars"):
        guard("x" * 5000, **CALL)
    with pytest.raises(ConfigError, match="prompt_embeds"):
        guard(prompt_embeds=torch.zeros(1, 77, 32), **CALL)
    from diffusers import StableDiffusionPipeline

    no_te = StableDiffusionPipeline(**{**sd_pipe.components, "text_encoder": None, "tokenizer": None})
    with pytest.raises(BackendError, match="no text encoder"):
        Guard(no_te, policy=scripted())


def test_long_prompt_warns(sd_pipe, scripted):
    guard = Guard(sd_pipe, prefix=_prefix(sd_pipe), policy=scripted(default="anonymize"))
    with pytest.warns(UserWarning, match="truncates"):
        guard("abcdefgh " * 9, generator=torch.Generator().manual_seed(0), **CALL)


def test_threads_do_not_mix_prompts(sd_pipe, scripted):
    guard = Guard(sd_pipe, prefix=_prefix(sd_pipe), policy=scripted({"alice": "anonymize"}))
    prompts = ["alice", "a car", "a tree", "alice smiling"]
    expected = {p: _arr(guard(p, generator=torch.Generator().manual_seed(1), **CALL).images) for p in prompts}
    results, errors = {}, []

    def work(p):
        try:
            results[p] = _arr(guard(p, generator=torch.Generator().manual_seed(1), **CALL).images)
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(p,)) for p in prompts * 2]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    for p in prompts:
        np.testing.assert_array_equal(results[p], expected[p])


def test_shipped_off_and_anonymize_all_policies(sd_pipe):
    prompts = ["a photo of alice", "a red car"]
    bare = _bare(sd_pipe, prompts)
    sp = _prefix(sd_pipe)
    off = Guard(sd_pipe, prefix=sp, policy="off")
    np.testing.assert_array_equal(_arr(off(prompts, generator=torch.Generator().manual_seed(0), **CALL).images), bare)
    anon = Guard(sd_pipe, prefix=sp, policy="anonymize-all")
    out = anon(prompts, generator=torch.Generator().manual_seed(0), **CALL)
    assert all(d.action == "anonymize" for d in out.decisions)
    assert all(np.abs(a - b).max() > 1e-3 for a, b in zip(_arr(out.images), bare))


def test_default_policy_mixed_batch_with_real_detectors(sd_pipe):
    prompts = ["a photo of Taylor Swift on stage", "a red bicycle leaning on a wall"]
    bare = _bare(sd_pipe, prompts)
    guard = Guard(sd_pipe, prefix=_prefix(sd_pipe), policy="default", faces=_NoFaces())
    out = guard(prompts, generator=torch.Generator().manual_seed(0), **CALL)
    assert [d.action for d in out.decisions] == ["anonymize", "allow"]
    assert out.decisions[0].findings[0].canonical == "Taylor Swift"
    np.testing.assert_array_equal(_arr(out.images)[1], bare[1])


class _NoFaces:
    def analyze(self, image):
        return [], []


def test_inpaint_variant(sd_pipe, scripted):
    from diffusers import StableDiffusionInpaintPipeline
    from PIL import Image

    inp = StableDiffusionInpaintPipeline(**sd_pipe.components)
    inp.set_progress_bar_config(disable=True)
    img = Image.fromarray((np.random.default_rng(0).random((64, 64, 3)) * 255).astype(np.uint8))
    mask = Image.new("L", (64, 64), 0)
    mask.paste(255, (16, 16, 48, 48))
    kw = dict(image=img, mask_image=mask, num_inference_steps=2, height=64, width=64, output_type="np")
    bare = inp(prompt=["alice", "a car"], generator=torch.Generator().manual_seed(0), **kw).images
    guard = Guard(inp, prefix=_prefix(sd_pipe), policy=scripted({"alice": "anonymize"}))
    got = _arr(guard(["alice", "a car"], generator=torch.Generator().manual_seed(0), **kw).images)
    np.testing.assert_array_equal(got[1], bare[1])
    assert np.abs(got[0] - bare[0]).max() > 1e-4


def test_sdxl_prompt_2_is_screened_too(sdxl_pipe, scripted):
    guard = Guard(sdxl_pipe, prefix=_prefix(sdxl_pipe), policy=scripted({"alice": "anonymize", "bob": "block"}))
    out = guard(["a car", "a tree"], prompt_2=["portrait of alice", "bob"], generator=torch.Generator().manual_seed(0),
                **CALL)
    assert [d.action for d in out.decisions] == ["anonymize", "block"]
    assert out.decisions[0].rule == "prompt_2:r-alice" and out.images[1] is None and out.images[0] is not None
