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


@pytest.mark.parametrize("family", FAMILIES)
def test_prepare_generates_with_the_model(pipes, family, cfg, tmp_path):
    spec = tmp_path / "spec.yaml"
    spec.write_text("identities:\n  - {name: Cy Dorn, description: a man with a red beard}\n"
                    "templates: [a photo of]\ncaptions: [a lighthouse]\n", encoding="utf-8")
    pipe = pipes[family]
    c = cfg.with_overrides(images_per_identity=1, gen_steps=1)
    data = prepare(pipe, load_spec(spec), c, cache_dir=tmp_path / "cache")
    side = 32 // pipe.vae_scale_factor
    # (B, C, h, w) for every family: FLUX latents are packed only inside the objective
    assert tuple(data.latents.shape) == (2, 4, side, side) and bool(torch.isfinite(data.latents).all())
    assert fit(pipe, data, c.with_overrides(steps=1)).steps == 1


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


def _embeds_kwargs(cond) -> dict:
    kw = {"prompt_embeds": cond.hidden}
    if cond.pooled is not None:
        kw["pooled_prompt_embeds"] = cond.pooled
    if cond.mask is not None:
        kw["prompt_attention_mask"] = cond.mask
    return kw


@pytest.mark.parametrize("family", FAMILIES)
def test_trained_prefix_in_guard_equals_the_training_encode(family, small_spec, cfg, tmp_path):
    """End to end: Guard's anonymised image == the pipeline run on the training encode's embeddings."""
    guard_mod = pytest.importorskip("aplguard.guard")
    from aplguard import testing

    pipe = getattr(testing, f"tiny_{family}_pipeline")(seed=0)  # Guard adds tokens: a fresh pipeline
    data = prepare(pipe, load_spec(small_spec), cfg)
    out = tmp_path / "apl.safetensors"
    result = fit(pipe, data, cfg.with_overrides(steps=2), out=out)
    kw = {"num_inference_steps": 2, "height": 32, "width": 32, "output_type": "pt", "max_sequence_length": SEQ}
    if family == "pixart":
        kw["use_resolution_binning"] = False
    prompt = "a photo of Ana Quill"
    enc = PrefixEncoder(pipe, result.prefix.n_vectors, SEQ)
    vectors = {k: torch.from_numpy(v) for k, v in result.prefix.vectors.items()}
    with torch.no_grad():
        ours = pipe(generator=torch.Generator().manual_seed(1), **_embeds_kwargs(enc.encode([prompt], vectors)),
                    **kw).images
        plain = pipe(prompt, generator=torch.Generator().manual_seed(1), **kw).images
    guarded = guard_mod.Guard(pipe, prefix=out, policy="anonymize-all")(
        prompt, generator=torch.Generator().manual_seed(1), **kw)
    g = torch.stack([torch.as_tensor(i) for i in guarded.images])
    assert torch.allclose(g, torch.as_tensor(ours), atol=1e-5)
    assert not torch.allclose(g, torch.as_tensor(plain), atol=1e-4)


@pytest.mark.parametrize("family", FAMILIES)
def test_cli_fit_on_a_saved_model_folder(family, small_spec, tmp_path, capsys):
    import json

    from aplguard import testing
    from aplguard.cli import main

    model = tmp_path / "model"
    getattr(testing, f"tiny_{family}_pipeline")(seed=0).save_pretrained(model)
    out = tmp_path / "p.safetensors"
    args = ["train", "fit", "--model", str(model), "--data", str(small_spec), "--out", str(out), "--steps", "2",
            "--batch-size", "2", "--n-vectors", "3", "--resolution", "32", "--max-sequence-length", str(SEQ),
            "--json", "--no-progress", "--device", "cpu"]
    assert main(args) == 0
    line = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert line["steps"] == 2 and out.is_file()
    sp = SoftPrompt.load(out)
    assert sp.family == family and sp.provenance["config"]["max_sequence_length"] == SEQ
    log = json.loads((tmp_path / "p.log.json").read_text())
    assert log["run"]["objective"] == ("epsilon" if family == "pixart" else "flow")


def test_sd3_without_its_t5_encoder_is_refused_clearly():
    from aplguard.training import check_pipeline

    from aplguard import testing
    from aplguard.errors import TrainingError

    pipe = testing.tiny_sd3_pipeline(seed=0)
    pipe.text_encoder_3, pipe.tokenizer_3 = None, None
    with pytest.raises(TrainingError, match="text_encoder_3"):
        PrefixEncoder(pipe, 4)
    with pytest.raises(TrainingError, match="StableDiffusion3Pipeline.*text_encoder_3"):
        check_pipeline(pipe)


def _flux_dev(seed: int = 0):
    """The tiny FLUX pipeline with a guidance embedding, as FLUX.1-dev has."""
    import diffusers

    from aplguard import testing

    pipe = testing.tiny_flux_pipeline(seed=seed)
    cfg = dict(pipe.transformer.config)
    torch.manual_seed(seed + 1)
    pipe.transformer = diffusers.FluxTransformer2DModel(
        **{k: v for k, v in cfg.items() if not k.startswith("_") and k != "guidance_embeds"}, guidance_embeds=True,
    ).eval()
    return pipe


@pytest.mark.parametrize("family", ["sd3", "flux", "flux-dev"])
def test_flow_objective_calls_the_transformer_as_the_pipeline_does(pipes, family):
    """One Euler step of the pipeline from sigma = 1 is x - v: v must equal the objective's prediction."""
    pipe = _flux_dev() if family == "flux-dev" else pipes[family]
    enc = PrefixEncoder(pipe, 2, max_sequence_length=SEQ)
    obj = objective_for(pipe, guidance_embed=3.5)
    g = torch.Generator().manual_seed(0)
    x = torch.randn(1, 4, 16, 16, generator=g)
    prompt = "a lighthouse at sunset"
    with torch.no_grad():
        t = torch.tensor([obj.num_train_timesteps - 1])
        assert float(obj.sigma(t)[0]) == pytest.approx(1.0)
        v = obj.predict(pipe, x, t, enc.encode([prompt]))
        common = {"num_inference_steps": 1, "height": 32, "width": 32, "output_type": "latent",
                  "max_sequence_length": SEQ}
        if family == "sd3":
            out = pipe(prompt, latents=x, guidance_scale=1.0, **common).images
            assert torch.allclose(out, x - v, atol=1e-5)
        else:
            packed = pipe._pack_latents(x, 1, 4, 16, 16)
            out = pipe(prompt, latents=packed, guidance_scale=3.5, **common).images
            assert torch.allclose(out, packed - v, atol=1e-5)
    if family == "flux-dev":  # the guidance value reaches the model
        other = objective_for(pipe, guidance_embed=1.0)
        with torch.no_grad():
            assert not torch.allclose(other.predict(pipe, x, t, enc.encode([prompt])), v)


def test_flux_dev_trains_and_resumes_exactly(small_spec, cfg, tmp_path):
    pipe = _flux_dev()
    data = prepare(pipe, load_spec(small_spec), cfg)
    c = cfg.with_overrides(steps=4, checkpoint_every=2)
    full = fit(pipe, data, c, checkpoint_dir=tmp_path / "a")
    fit(pipe, data, c.with_overrides(steps=2), checkpoint_dir=tmp_path / "b")
    resumed = fit(pipe, data, c, checkpoint_dir=tmp_path / "b")
    assert resumed.losses == full.losses
    from aplguard.errors import TrainingError

    with pytest.raises(TrainingError, match="other settings.*guidance_embed"):
        fit(pipe, data, c.with_overrides(guidance_embed=1.0), checkpoint_dir=tmp_path / "b")


def test_pixart_epsilon_objective_calls_the_transformer_as_the_pipeline_does(pipes):
    """The objective's prediction equals the pipeline's noise prediction at the same latents and timestep."""
    pipe = pipes["pixart"]
    enc = PrefixEncoder(pipe, 2, max_sequence_length=SEQ)
    obj = objective_for(pipe)
    seen = {}

    def grab(_module, args, kwargs, output):
        seen["x"], seen["t"], seen["out"] = args[0] if args else kwargs["hidden_states"], kwargs["timestep"], output[0]

    handle = pipe.transformer.register_forward_hook(grab, with_kwargs=True)
    try:
        with torch.no_grad():
            pipe("a lighthouse at sunset", num_inference_steps=1, guidance_scale=1.0, height=32, width=32,
                 output_type="latent", use_resolution_binning=False, max_sequence_length=SEQ,
                 generator=torch.Generator().manual_seed(0))
    finally:
        handle.remove()
    with torch.no_grad():
        eps = obj.predict(pipe, seen["x"], seen["t"].long(), enc.encode(["a lighthouse at sunset"]))
    assert eps.shape == seen["x"].shape  # learned-sigma channels dropped
    assert torch.allclose(eps, seen["out"][:, :4], atol=1e-5)


@pytest.mark.parametrize("family", FAMILIES)
def test_transformer_gradient_checkpointing_gives_the_same_run(pipes, family, small_spec, cfg):
    pipe = pipes[family]
    data = prepare(pipe, load_spec(small_spec), cfg)
    plain = fit(pipe, data, cfg.with_overrides(steps=2))
    gc = fit(pipe, data, cfg.with_overrides(steps=2, gradient_checkpointing=True))
    assert gc.losses == plain.losses
    for name, v in plain.prefix.vectors.items():
        assert abs(v - gc.prefix.vectors[name]).max() < 1e-6
    assert not getattr(pipe.transformer, "gradient_checkpointing", False)  # restored


@pytest.mark.parametrize("family", FAMILIES)
def test_bf16_weights_train(family, small_spec, cfg, pipes):
    from aplguard import testing

    data = prepare(pipes[family], load_spec(small_spec), cfg)
    ref = fit(pipes[family], data, cfg.with_overrides(steps=2))
    pipe = getattr(testing, f"tiny_{family}_pipeline")(seed=0).to(torch.bfloat16)
    before = _weights(pipe)
    result = fit(pipe, data, cfg.with_overrides(steps=2))
    assert all(torch.equal(before[k], v) for k, v in _weights(pipe).items())
    for a, b in zip(result.losses, ref.losses):  # the same problem, computed in bf16
        assert a == pytest.approx(b, rel=0.25)
