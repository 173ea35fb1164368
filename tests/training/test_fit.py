"""The training loop on tiny pipelines: loss falls, weights stay frozen, resume is exact, SDXL works."""

from __future__ import annotations

import pytest
import torch
from aplguard.training import PrefixEncoder, fit, load_spec, prepare
from aplguard.training.trainer import fixed_loss

from aplguard.errors import TrainingError
from aplguard.prefix import SoftPrompt


def _weights(pipe):
    return {f"{name}.{k}": v.detach().clone() for name in ("unet", "vae", "text_encoder", "text_encoder_2")
            if getattr(pipe, name, None) is not None for k, v in getattr(pipe, name).state_dict().items()}


@pytest.fixture
def sd_data(train_sd, small_spec, small_config):
    return prepare(train_sd, load_spec(small_spec), small_config)


def test_prepare_encodes_given_images(sd_data):
    kinds = [it.kind for it in sd_data.items]
    assert kinds.count("identity") == 4 and kinds.count("general") == 3
    assert tuple(sd_data.latents.shape) == (7, 4, 8, 8)
    ident = [it for it in sd_data.items if it.kind == "identity"]
    # names and aliases are cycled; c2 holds the description, never the name
    assert {it.c1 for it in ident} >= {"a photo of Ana Quill", "a portrait of A. Quill"}
    assert all("Quill" not in it.c2 and "Ferren" not in it.c2 for it in ident)


def test_loss_falls_on_a_fixed_problem(train_sd, sd_data, small_config):
    cfg = small_config.with_overrides(steps=30, lr=3e-2)
    init = PrefixEncoder(train_sd, cfg.n_vectors).init_prefix(cfg.seed)
    before = fixed_loss(train_sd, sd_data, init, cfg)
    result = fit(train_sd, sd_data, cfg)
    after = fixed_loss(train_sd, sd_data, {k: torch.from_numpy(v) for k, v in result.prefix.vectors.items()}, cfg)
    assert after < 0.7 * before, (before, after)
    assert result.steps == 30 and len(result.losses) == 30
    assert result.samples_per_s > 0 and result.peak_mem_mb > 0


def test_frozen_weights_are_bit_identical(train_sd, sd_data, small_config):
    before = _weights(train_sd)
    flags = [p.requires_grad for p in train_sd.unet.parameters()]
    fit(train_sd, sd_data, small_config.with_overrides(steps=2, eta=1.0))
    after = _weights(train_sd)
    assert before.keys() == after.keys()
    assert all(torch.equal(before[k], after[k]) for k in before)
    assert flags == [p.requires_grad for p in train_sd.unet.parameters()]  # caller's flags restored


def test_resume_equals_uninterrupted(train_sd, sd_data, small_config, tmp_path):
    full = fit(train_sd, sd_data, small_config, checkpoint_dir=tmp_path / "a")
    first = fit(train_sd, sd_data, small_config.with_overrides(steps=3), checkpoint_dir=tmp_path / "b")
    assert first.steps == 3
    resumed = fit(train_sd, sd_data, small_config, checkpoint_dir=tmp_path / "b")
    assert resumed.losses == full.losses
    for name, v in full.prefix.vectors.items():
        assert (v == resumed.prefix.vectors[name]).all()


def test_checkpoint_of_another_model_or_settings_is_refused(train_sd, sd_data, small_config, tmp_path):
    from aplguard.testing import tiny_sd_pipeline

    fit(train_sd, sd_data, small_config.with_overrides(steps=1), checkpoint_dir=tmp_path)
    other = tiny_sd_pipeline(seed=7)
    with pytest.raises(TrainingError, match="another model"):
        fit(other, sd_data, small_config, checkpoint_dir=tmp_path)
    with pytest.raises(TrainingError, match="other settings.*lr"):
        fit(train_sd, sd_data, small_config.with_overrides(lr=0.5), checkpoint_dir=tmp_path)


def test_outputs_written_and_prefix_loads(train_sd, sd_data, small_config, tmp_path):
    out = tmp_path / "apl.safetensors"
    result = fit(train_sd, sd_data, small_config.with_overrides(steps=2), out=out)
    sp = SoftPrompt.load(out)
    assert sp.n_vectors == 4 and sp.family == "sd1" and sp.provenance["steps"] == 2
    sp.check_pipeline(train_sd)
    assert (tmp_path / "apl.log.json").is_file()
    assert result.curve_path is None or (tmp_path / "apl.loss.png").stat().st_size > 0
    assert set(result.summary()) == {"steps", "initial_loss", "final_loss", "out", "samples_per_s", "peak_mem_mb"}


def test_sdxl_trains_both_encoders_jointly(train_sdxl, small_spec, small_config, tmp_path):
    data = prepare(train_sdxl, load_spec(small_spec), small_config)
    before = _weights(train_sdxl)
    init = PrefixEncoder(train_sdxl, 4).init_prefix(0)
    result = fit(train_sdxl, data, small_config.with_overrides(steps=3), out=tmp_path / "xl.safetensors")
    sp = SoftPrompt.load(tmp_path / "xl.safetensors")
    assert sp.family == "sdxl" and sp.hidden_sizes == {"text_encoder": 32, "text_encoder_2": 64}
    for name in ("text_encoder", "text_encoder_2"):  # both prefixes moved
        assert not torch.equal(torch.from_numpy(result.prefix.vectors[name]), init[name])
    after = _weights(train_sdxl)
    assert all(torch.equal(before[k], after[k]) for k in before)


def test_prepare_generates_and_resumes_a_cache(train_sd, small_config, tmp_path):
    from aplguard.training import load_cache

    spec_path = tmp_path / "spec.yaml"
    spec_path.write_text("identities:\n  - {name: Cy Dorn, description: a man with a red beard}\n"
                         "templates: [a photo of]\ncaptions: [a lighthouse, a snowy path]\n", encoding="utf-8")
    cfg = small_config.with_overrides(images_per_identity=2, gen_steps=1)
    first = prepare(train_sd, load_spec(spec_path), cfg, cache_dir=tmp_path / "cache")
    assert len(first.items) == 4
    victim = tmp_path / "cache" / "latents" / "000001.safetensors"
    victim.unlink()
    again = prepare(train_sd, load_spec(spec_path), cfg, cache_dir=tmp_path / "cache")
    # regenerated with the same seed; in a batch of another size, so equal up to float rounding
    assert torch.allclose(first.latents, again.latents, atol=1e-4)
    assert torch.equal(load_cache(tmp_path / "cache", train_sd).latents, again.latents)
    with pytest.raises(TrainingError, match="another spec or settings"):
        prepare(train_sd, load_spec(spec_path), cfg.with_overrides(gen_steps=2), cache_dir=tmp_path / "cache")


def test_undecodable_images_are_skipped_with_a_count(train_sd, small_spec, small_config):
    bad = small_spec.parent / "photos" / "ana" / "broken.png"
    bad.write_bytes(b"not a png at all")
    data = prepare(train_sd, load_spec(small_spec), small_config)
    assert data.skipped == 1 and len(data.items) == 7


def test_accelerate_single_process_matches_plain_loop(train_sd, sd_data, small_config):
    pytest.importorskip("accelerate")
    plain = fit(train_sd, sd_data, small_config.with_overrides(steps=3))
    dist = fit(train_sd, sd_data, small_config.with_overrides(steps=3), distributed=True)
    assert dist.losses == plain.losses
    for name, v in plain.prefix.vectors.items():
        assert (v == dist.prefix.vectors[name]).all()


def test_eta_target_and_gradient_checkpointing_run(train_sd, sd_data, small_config):
    result = fit(train_sd, sd_data, small_config.with_overrides(steps=2, eta=1.0, gradient_checkpointing=True))
    assert result.steps == 2 and all(x > 0 for x in result.losses)
    assert not getattr(train_sd.unet, "gradient_checkpointing", False)  # restored


@pytest.mark.gpu
def test_bf16_autocast_on_gpu_keeps_weights_and_trains(small_spec, small_config):
    if not torch.cuda.is_available():
        pytest.skip("needs a CUDA device")
    from aplguard.testing import tiny_sd_pipeline

    pipe = tiny_sd_pipeline(seed=0).to("cuda")
    data = prepare(pipe, load_spec(small_spec), small_config)
    before = _weights(pipe)
    result = fit(pipe, data, small_config.with_overrides(steps=4, mixed_precision="bf16"))
    assert all(torch.equal(before[k], v) for k, v in _weights(pipe).items())
    assert result.peak_mem_mb > 0 and all(x == x for x in result.losses)


def test_cache_of_another_model_is_refused(train_sd, small_spec, small_config, tmp_path):
    from aplguard.training import load_cache

    from aplguard.testing import tiny_sd_pipeline

    prepare(train_sd, load_spec(small_spec), small_config, cache_dir=tmp_path / "c")
    with pytest.raises(TrainingError, match="another model"):
        load_cache(tmp_path / "c", tiny_sd_pipeline(seed=3))
    with pytest.raises(TrainingError, match="another model"):
        prepare(tiny_sd_pipeline(seed=3), load_spec(small_spec), small_config, cache_dir=tmp_path / "c")
