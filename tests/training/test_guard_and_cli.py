"""A trained prefix works in Guard; the `aplguard train` commands end to end."""

from __future__ import annotations

import json

import pytest
import torch
from aplguard.training import fit, load_spec, prepare
from aplguard.training.encode import PrefixEncoder
from aplguard.training.evaluate import generate_pair

from aplguard.cli import main


def test_trained_prefix_in_guard_changes_prefixed_outputs_only(small_spec, small_config, tmp_path):
    guard_mod = pytest.importorskip("aplguard.guard")
    from aplguard.testing import tiny_sd_pipeline

    pipe = tiny_sd_pipeline(seed=0)  # Guard adds tokens to the tokenizer: a fresh pipeline
    data = prepare(pipe, load_spec(small_spec), small_config)
    out = tmp_path / "apl.safetensors"
    result = fit(pipe, data, small_config.with_overrides(steps=2), out=out)
    # Guard refuses latent outputs (they cannot be face-checked): compare decoded tensors.
    kw = {"num_inference_steps": 2, "height": 64, "width": 64, "output_type": "pt"}
    prompt = "a photo of Ana Quill"
    plain = pipe(prompt, generator=torch.Generator().manual_seed(1), **kw).images
    enc = PrefixEncoder(pipe, result.prefix.n_vectors)
    vectors = {k: torch.from_numpy(v) for k, v in result.prefix.vectors.items()}
    _, latents = generate_pair(pipe, enc, vectors, prompt, 1, 2, 7.5, 64)
    with torch.no_grad():
        decoded = pipe.vae.decode(latents / pipe.vae.config.scaling_factor).sample
    ours = pipe.image_processor.postprocess(decoded, output_type="pt")

    guarded = guard_mod.Guard(pipe, prefix=out, policy="anonymize-all")(
        prompt, generator=torch.Generator().manual_seed(1), **kw)
    allowed = guard_mod.Guard(pipe, prefix=out, policy="off")(
        prompt, generator=torch.Generator().manual_seed(1), **kw)
    g = torch.stack([torch.as_tensor(i) for i in guarded.images])
    a = torch.stack([torch.as_tensor(i) for i in allowed.images])
    assert torch.allclose(g, ours, atol=1e-5)  # Guard's prefixed output == the training encode's
    assert not torch.allclose(g, plain, atol=1e-3)  # the prefix changes prefixed outputs ...
    assert torch.equal(a, plain)  # ... and only those


@pytest.fixture
def model_dir(tmp_path):
    from aplguard.testing import tiny_sd_pipeline

    d = tmp_path / "model"
    tiny_sd_pipeline(seed=0).save_pretrained(d)
    return d


def test_cli_fit_json_resume_and_eval(model_dir, small_spec, tmp_path, capsys):
    out = tmp_path / "p.safetensors"
    args = ["train", "fit", "--model", str(model_dir), "--data", str(small_spec), "--out", str(out),
            "--steps", "4", "--batch-size", "2", "--n-vectors", "3", "--checkpoint-every", "2", "--json",
            "--no-progress", "--device", "cpu"]
    assert main(args) == 0
    line = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert set(line) == {"steps", "initial_loss", "final_loss", "out", "samples_per_s", "peak_mem_mb"}
    assert line["steps"] == 4 and line["out"] == str(out) and out.is_file()
    assert (tmp_path / "p.ckpt" / "last.pt").is_file() and (tmp_path / "p.cache" / "manifest.json").is_file()
    # more steps resume from the checkpoint: the loss history continues
    more = list(args)
    more[more.index("--steps") + 1] = "6"
    assert main(more) == 0
    log = json.loads((tmp_path / "p.log.json").read_text())
    assert log["steps"] == 6 and len(log["losses"]) == 6

    report_dir = tmp_path / "eval"
    assert main(["train", "eval", "--model", str(model_dir), "--prefix", str(out), "--data", str(small_spec),
                 "--out", str(report_dir), "--samples", "1", "--steps", "2", "--max-captions", "2", "--json",
                 "--no-progress", "--device", "cpu"]) == 0
    report = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert report["identity"]["prompts"] == 2 and report["general"]["prompts"] == 2
    assert report["identity"]["latent_change"] > 0
    assert (report_dir / "grid.png").stat().st_size > 0
    assert "Quill" not in (report_dir / "report.json").read_text()  # no names in the report


def test_cli_prepare_then_fit_from_cache(model_dir, small_spec, tmp_path, capsys):
    cache = tmp_path / "cache"
    base = ["--model", str(model_dir), "--no-progress", "--device", "cpu"]
    assert main(["train", "prepare", *base, "--data", str(small_spec), "--out", str(cache)]) == 0
    assert main(["train", "fit", *base, "--cache", str(cache), "--out", str(tmp_path / "p.safetensors"),
                 "--steps", "2", "--n-vectors", "2", "--json"]) == 0
    assert json.loads(capsys.readouterr().out.strip().splitlines()[-1])["steps"] == 2


def test_cli_bad_inputs_fail_early_with_exit_2(tmp_path, small_spec, model_dir, capsys):
    notamodel = tmp_path / "empty"
    notamodel.mkdir()
    rc = main(["train", "fit", "--model", str(notamodel), "--data", str(small_spec),
               "--out", str(tmp_path / "p.safetensors"), "--steps", "1"])
    assert rc == 2 and "model_index.json" in capsys.readouterr().err
    rc = main(["train", "fit", "--model", str(model_dir), "--data", str(small_spec),
               "--out", str(tmp_path / "p.safetensors"), "--steps", "1", "--n-vectors", "80", "--device", "cpu"])
    assert rc == 2 and "n_vectors" in capsys.readouterr().err
    rc = main(["train", "fit", "--model", str(model_dir), "--data", str(small_spec), "--out", str(tmp_path / "p.pt")])
    assert rc == 2 and ".safetensors" in capsys.readouterr().err
    (tmp_path / "idx").mkdir()
    (tmp_path / "idx" / "model_index.json").write_text(
        '{"_class_name": "PixArtAlphaPipeline", "transformer": ["x", "y"]}')
    rc = main(["train", "prepare", "--model", str(tmp_path / "idx"), "--data", str(small_spec),
               "--out", str(tmp_path / "c")])
    assert rc == 2 and "not supported" in capsys.readouterr().err
