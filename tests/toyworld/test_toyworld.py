"""Toy world: data, model folder, judge, face interfaces, prefix plumbing, eval contract.

No retraining here: the shipped artifacts under training/toyworld/model are loaded
and exercised with few sampling steps.
"""

from __future__ import annotations

import json

import numpy as np
import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("diffusers")

from aplguard.training import toyworld
from aplguard.training.toyworld import data, judge, model, prefix_data

from aplguard.cli import main as cli_main

HAS_MODEL = (toyworld.model_dir() / "model_index.json").is_file()
HAS_JUDGE = (toyworld.model_dir() / judge.JUDGE_FILE).is_file()
HAS_PREFIX = toyworld.prefix_path().is_file()
needs_model = pytest.mark.skipif(not HAS_MODEL, reason="toy pipeline not trained/committed yet")
needs_judge = pytest.mark.skipif(not HAS_JUDGE, reason="toy judge not trained/committed yet")
needs_prefix = pytest.mark.skipif(not HAS_PREFIX, reason="toy prefix not trained/committed yet")


# -- data -----------------------------------------------------------------------


def test_dataset_is_a_function_of_the_seed():
    a, b, c = data.dataset(3, 24), data.dataset(3, 24), data.dataset(4, 24)
    assert np.array_equal(a[0], b[0]) and a[1] == b[1] and np.array_equal(a[2], b[2])
    assert not np.array_equal(a[0], c[0])
    assert a[0].shape == (24, 3, 16, 16) and a[0].dtype == np.float32
    assert a[0].min() >= -1.0 and a[0].max() <= 1.0


def test_generic_people_never_look_like_named_people():
    rng = np.random.default_rng(0)
    named = {(p.hair, p.shirt, p.hat) for p in data.PEOPLE}
    draws = [data.random_generic(rng)[1:] for _ in range(500)]
    assert not named & set(draws)
    assert len(set(draws)) > 100  # and they vary


def test_captions_name_the_person_and_fillers_shift_them():
    rng = np.random.default_rng(1)
    s = data.sample(rng, "named")
    assert data.NAMES[s.label] in s.caption.split()
    shifted = [data.add_fillers(rng, "a photo of alice", p=1.0) for _ in range(20)]
    assert all(x.endswith("a photo of alice") and x != "a photo of alice" for x in shifted)
    with pytest.raises(ValueError, match="unknown sample kind"):
        data.sample(rng, "dragon")


def test_every_caption_word_is_one_token(tmp_path):
    tok = model.build_tokenizer(tmp_path)
    for word in data.vocabulary_words():
        assert len(tok(word).input_ids) == 3, word  # BOS word EOS
    assert tok.model_max_length == model.MAX_LENGTH


def test_identity_vae_is_the_identity():
    vae = model.identity_vae()
    x = torch.from_numpy(data.dataset(5, 4)[0])
    with torch.no_grad():
        z = vae.encode(x).latent_dist.mode()
        y = vae.decode(z).sample
    assert (z - x).abs().max() < 1e-4
    assert (y - x).abs().max() < 1e-4


def test_prefix_spec_is_readable_by_the_trainer(tmp_path):
    from aplguard.training.spec import load_spec

    spec = load_spec(prefix_data.write_spec(tmp_path, images_per_identity=2, n_captions=4))
    assert [i.name for i in spec.identities] == list(data.SEEN_NAMES)
    assert all(i.description.startswith("a person in a") for i in spec.identities)
    assert len(spec.captions) == 4 and all(c.image is not None and c.image.is_file() for c in spec.captions)


# -- shipped model, judge, prefix ------------------------------------------------------


@pytest.fixture(scope="module")
def pipe():
    if not HAS_MODEL:
        pytest.skip("toy pipeline not trained/committed yet")
    return toyworld.load_toy_pipeline()


@needs_model
def test_pipeline_folder_loads_and_generates_at_16px(pipe):
    import diffusers

    assert isinstance(pipe, diffusers.StableDiffusionPipeline)
    assert pipe.vae_scale_factor == 1 and pipe.unet.config.sample_size == 16
    out = pipe(["a photo of alice", "a photo of a red circle"], num_inference_steps=2,
               generator=torch.Generator().manual_seed(0))
    assert [im.size for im in out.images] == [(16, 16), (16, 16)]
    size = sum(f.stat().st_size for f in toyworld.model_dir().rglob("*") if f.is_file())
    assert size <= 25 * 1024 * 1024


def test_load_toy_pipeline_names_a_missing_folder(tmp_path):
    from aplguard.errors import ModelFileError

    with pytest.raises(ModelFileError, match="model_index.json"):
        toyworld.load_toy_pipeline(tmp_path)


@needs_judge
def test_judge_classifies_fresh_renders():
    x, _, y = data.dataset(12345, 120)
    pred = toyworld.ToyJudge().classify(x)
    acc = np.mean([p == data.CLASSES[i] for p, i in zip(pred, y)])
    assert acc >= 0.95


@needs_judge
def test_face_interfaces_over_the_judge(tmp_path):
    auditor = judge.toy_face_auditor(tmp_path / "gallery")
    assert len(auditor.gallery) == len(data.NAMES)
    rng = np.random.default_rng(8)
    hiro = data.PEOPLE[data.NAMES.index("hiro")]
    photo = judge._to_uint8(data.render_person(rng, hiro.skin, hiro.hair, hiro.shirt, hiro.hat))
    faces, matches = auditor.analyze(photo)
    assert len(faces) == 1 and faces[0].box == (0.0, 0.0, 16.0, 16.0)
    assert [m.identity for m in matches] == ["hiro"]
    emb = toyworld.ToyFaceMatcher().embed(photo, faces[0])
    assert abs(float(np.linalg.norm(emb)) - 1.0) < 1e-5
    scene = judge._to_uint8(data.render_scene(rng, "circle", "red", "blue"))
    assert auditor.analyze(scene) == ([], [])
    generic = judge._to_uint8(data.render_person(rng, *data.random_generic(rng)))
    faces, matches = toyworld.ToyFaceAuditor().analyze(generic)
    assert len(faces) == 1 and matches == []


@needs_model
@needs_prefix
def test_prefix_loads_in_guard_and_changes_only_anonymised_prompts(pipe):
    from aplguard.guard import Guard

    guard = Guard(toyworld.load_toy_pipeline(), prefix=toyworld.prefix_path(), policy="anonymize-all")
    kw = {"num_inference_steps": 3, "output_type": "np"}
    anon = guard(["a photo of alice"], generator=torch.Generator().manual_seed(0), **kw).images[0]
    base = pipe(["a photo of alice"], generator=torch.Generator().manual_seed(0), **kw).images[0]
    assert np.abs(anon - base).mean() > 1e-3
    off = Guard(toyworld.load_toy_pipeline(), prefix=toyworld.prefix_path(), policy="off")
    same = off(["a photo of alice"], generator=torch.Generator().manual_seed(0), **kw).images[0]
    assert np.abs(same - base).max() < 1e-5


@needs_model
def test_minimal_prefix_loop_trains_only_the_prefix(pipe, tmp_path):
    from aplguard.training.toyworld.prefixing import train_prefix

    from aplguard.prefix import SoftPrompt

    before = {k: v.clone() for k, v in pipe.unet.state_dict().items()}
    report = train_prefix(pipe, tmp_path / "p.safetensors", steps=2, batch_size=4)
    assert all(torch.equal(before[k], v) for k, v in pipe.unet.state_dict().items())
    sp = SoftPrompt.load(tmp_path / "p.safetensors")
    assert sp.vectors["text_encoder"].shape == (10, model.HIDDEN)
    assert report["steps"] == 2 and np.isfinite(report["final_loss"])


# -- CLI ----------------------------------------------------------------------------


@needs_model
@needs_judge
@needs_prefix
def test_toy_eval_json_contract(capsys):
    code = cli_main(["toy", "eval", "--json", "--samples", "1", "--steps", "2"])
    assert code == 0
    report = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    for key in ("leak_base_seen", "leak_apl_seen", "leak_base_unseen", "leak_apl_unseen", "person_rate_apl",
                "preserve_general", "general_change", "chance", "preserve_generic_person", "generic_person_change"):
        assert isinstance(report[key], float), key
    assert report["chance"] == pytest.approx(1 / len(data.NAMES))
    assert all(0.0 <= report[k] <= 1.0 for k in ("leak_base_seen", "leak_apl_seen", "person_rate_apl"))
    assert report["general_change"] >= 0.0


def test_toy_eval_rejects_bad_arguments(tmp_path, capsys):
    assert cli_main(["toy", "eval", "--samples", "0"]) == 2
    assert cli_main(["toy", "eval", "--prefix", str(tmp_path / "nope.safetensors")]) == 2
    assert "nope.safetensors" in capsys.readouterr().err


@needs_model
@needs_judge
@needs_prefix
def test_train_eval_uses_the_toy_matcher(tmp_path):
    from aplguard.training.evaluate import evaluate
    from aplguard.training.spec import load_spec

    spec = load_spec(prefix_data.write_spec(tmp_path, images_per_identity=2, n_captions=2))
    report = evaluate(toyworld.load_toy_pipeline(), toyworld.prefix_path(), spec, samples=1, steps=2,
                      guidance=3.0, matcher=toyworld.ToyFaceMatcher(), detector=toyworld.ToyFaceDetector(),
                      max_identities=1, max_captions=1)
    sims = report["identity"]
    assert 0.0 <= sims["identity_sim_with"]["mean"] <= 1.0
    assert 0.0 <= sims["identity_sim_without"]["mean"] <= 1.0
