"""APL training for SD3, FLUX.1 and PixArt-Sigma on tiny pipelines (issue 13, part 3).

The key property: the training encode equals what Guard's installed prefix produces through
the pipeline's own ``encode_prompt``, for every family. Then, as for SD1.x/SDXL: loss falls,
frozen weights stay bit-identical, resume is exact.
"""

from __future__ import annotations

import copy

import pytest
import torch
from aplguard.training import PrefixEncoder, default_recipe, fit, load_spec, objective_for, prepare
from aplguard.training.trainer import fixed_loss

from aplguard.backends.diffusers_backend import DiffusersBackend
from aplguard.prefix import SoftPrompt, pipeline_family

FAMILIES = ("sd3", "flux", "pixart")
SEQ = 24  # T5 sequence length in these tests (the pipelines' defaults are 256-512)
TEXTS = ["a photo of Mara Velund", "A Cat " * 40]  # the second one is truncated by every encoder


@pytest.fixture(scope="module")
def pipes():
    from aplguard import testing

    return {"sd3": testing.tiny_sd3_pipeline(seed=0), "flux": testing.tiny_flux_pipeline(seed=0),
            "pixart": testing.tiny_pixart_pipeline(seed=0)}


@pytest.fixture
def cfg(small_config):
    return small_config.with_overrides(resolution=32, max_sequence_length=SEQ)


def _weights(pipe):
    names = ("transformer", "vae", "text_encoder", "text_encoder_2", "text_encoder_3")
    return {f"{n}.{k}": v.detach().clone() for n in names if getattr(pipe, n, None) is not None
            for k, v in getattr(pipe, n).state_dict().items()}


def _guard_encode(pipe, prefix, texts):
    """What Guard's installed prefix gives through the pipeline's own encode_prompt."""
    ref = copy.deepcopy(pipe)
    backend = DiffusersBackend(ref)
    backend.install_prefix(SoftPrompt.from_pipeline(ref, prefix))
    p = [backend.prefixed(t) for t in texts]
    return _pipeline_encode(ref, p)


def _pipeline_encode(pipe, texts):
    """(hidden, pooled or mask) from the pipeline's own encode_prompt, no CFG."""
    family = pipeline_family(pipe)
    if family == "sd3":
        pe, _, pooled, _ = pipe.encode_prompt(texts, texts, texts, do_classifier_free_guidance=False,
                                              max_sequence_length=SEQ)
        return pe, pooled
    if family == "flux":
        pe, pooled, _ = pipe.encode_prompt(texts, texts, max_sequence_length=SEQ)
        return pe, pooled
    pe, mask, _, _ = pipe.encode_prompt(texts, do_classifier_free_guidance=False, max_sequence_length=SEQ)
    return pe, mask


@pytest.mark.parametrize("family", FAMILIES)
def test_training_encode_equals_guards_encode(pipes, family):
    pipe = pipes[family]
    enc = PrefixEncoder(pipe, 4, max_sequence_length=SEQ)
    prefix = enc.init_prefix(seed=3)
    ours = enc.encode(TEXTS, prefix)
    hidden, second = _guard_encode(pipe, prefix, TEXTS)
    assert torch.allclose(ours.hidden, hidden, atol=1e-6)
    if family == "pixart":
        assert torch.equal(ours.mask, second)  # the prefix positions are attended to
    else:
        assert torch.allclose(ours.pooled, second, atol=1e-6)
    # without a prefix the training encode is the pipeline's own, bit for bit
    plain = enc.encode(TEXTS)
    hidden0, second0 = _pipeline_encode(pipe, TEXTS)
    assert torch.equal(plain.hidden, hidden0)
    assert torch.equal(plain.mask if family == "pixart" else plain.pooled, second0)
    assert not torch.allclose(ours.hidden, plain.hidden)


def test_objectives_per_family(pipes):
    assert objective_for(pipes["sd3"]).kind == "flow"
    assert objective_for(pipes["flux"]).kind == "flow"
    assert objective_for(pipes["pixart"]).kind == "epsilon"
    flow = objective_for(pipes["sd3"])
    x0, noise = torch.randn(2, 4, 4, 4), torch.randn(2, 4, 4, 4)
    t = torch.tensor([0, 999])
    x_t = flow.noised(x0, noise, t)
    s = flow.sigma(t)
    assert 0 < float(s[0]) < 0.01 and float(s[1]) == pytest.approx(1.0)
    assert torch.allclose(x_t[1], noise[1]) and torch.allclose(x_t, (1 - s.view(-1, 1, 1, 1)) * x0 + s.view(-1, 1, 1, 1) * noise)


def test_default_recipes_know_the_new_families(pipes):
    for family in FAMILIES:
        rec = default_recipe(pipeline_family(pipes[family]))
        assert rec.lr == 1e-3 and rec.n_vectors == 10 and rec.ratio == 0.5
    assert default_recipe("flux").guidance_embed == 3.5


@pytest.mark.parametrize("family", FAMILIES)
def test_fit_keeps_frozen_weights_and_trains_every_encoder(pipes, family, small_spec, cfg, tmp_path):
    pipe = pipes[family]
    data = prepare(pipe, load_spec(small_spec), cfg)
    assert data.latents.shape[-1] == 32 // pipe.vae_scale_factor
    before = _weights(pipe)
    init = PrefixEncoder(pipe, cfg.n_vectors, SEQ).init_prefix(cfg.seed)
    result = fit(pipe, data, cfg.with_overrides(steps=2, eta=1.0), out=tmp_path / "p.safetensors")
    after = _weights(pipe)
    assert before.keys() == after.keys() and all(torch.equal(before[k], after[k]) for k in before)
    sp = SoftPrompt.load(tmp_path / "p.safetensors")
    assert sp.family == family and set(sp.vectors) == set(init)
    sp.check_pipeline(pipe)
    for name, v in init.items():  # every encoder's prefix moved: trained jointly
        assert not torch.equal(torch.from_numpy(result.prefix.vectors[name]), v), name
    assert all(x > 0 for x in result.losses)


@pytest.mark.parametrize("family", FAMILIES)
def test_loss_falls(pipes, family, small_spec, cfg):
    pipe = pipes[family]
    data = prepare(pipe, load_spec(small_spec), cfg)
    c = cfg.with_overrides(steps=100, lr=5e-2)
    init = PrefixEncoder(pipe, c.n_vectors, SEQ).init_prefix(c.seed)
    before = fixed_loss(pipe, data, init, c)
    result = fit(pipe, data, c)
    after = fixed_loss(pipe, data, {k: torch.from_numpy(v) for k, v in result.prefix.vectors.items()}, c)
    assert after < 0.7 * before, (before, after)


@pytest.mark.parametrize("family", ["flux", "pixart"])
def test_resume_equals_uninterrupted(pipes, family, small_spec, cfg, tmp_path):
    pipe = pipes[family]
    data = prepare(pipe, load_spec(small_spec), cfg)
    c = cfg.with_overrides(steps=4, checkpoint_every=2)
    full = fit(pipe, data, c, checkpoint_dir=tmp_path / "a")
    fit(pipe, data, c.with_overrides(steps=2), checkpoint_dir=tmp_path / "b")
    resumed = fit(pipe, data, c, checkpoint_dir=tmp_path / "b")
    assert resumed.losses == full.losses
    for name, v in full.prefix.vectors.items():
        assert (v == resumed.prefix.vectors[name]).all()


def test_flux_prepare_generates_unpacked_latents(pipes, cfg, tmp_path):
    spec = tmp_path / "spec.yaml"
    spec.write_text("identities:\n  - {name: Cy Dorn, description: a man with a red beard}\n"
                    "templates: [a photo of]\ncaptions: [a lighthouse]\n", encoding="utf-8")
    data = prepare(pipes["flux"], load_spec(spec), cfg.with_overrides(images_per_identity=1, gen_steps=1))
    assert tuple(data.latents.shape) == (2, 4, 16, 16)  # (B, C, h, w), packed only inside the objective


@pytest.mark.parametrize("family", FAMILIES)
def test_evaluate_runs_for_the_new_families(pipes, family, small_spec, cfg, tmp_path):
    from aplguard.training import evaluate

    pipe = pipes[family]
    data = prepare(pipe, load_spec(small_spec), cfg)
    prefix = fit(pipe, data, cfg.with_overrides(steps=2)).prefix
    report = evaluate(pipe, prefix, load_spec(small_spec), out_dir=tmp_path, samples=1, steps=1, resolution=32,
                      max_identities=1, max_captions=1)
    assert report["identity"]["prompts"] == 1 and report["general"]["prompts"] == 1
    assert report["identity"]["latent_change"] > 0  # the prefix changes the identity prompt's latents
    assert (tmp_path / "grid.png").is_file()
