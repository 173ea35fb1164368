"""Generic-person preservation in the toy eval: the attribute reader and the new metrics."""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("torch")
pytest.importorskip("diffusers")

from aplguard.training import toyworld
from aplguard.training.toyworld import attributes, data, judge, prefix_data
from aplguard.training.toyworld.evaluate import GENERIC_PERSON_PROMPTS, evaluate

HAS_ALL = all(p.is_file() for p in (toyworld.model_dir() / "model_index.json",
                                    toyworld.model_dir() / judge.JUDGE_FILE, toyworld.prefix_path()))


def test_reader_recovers_rendered_attributes():
    rng = np.random.default_rng(11)
    for _ in range(60):
        skin, hair, shirt, hat = data.random_generic(rng)
        got = attributes.read_attributes(data.render_person(rng, skin, hair, shirt, hat))
        assert (got.skin, got.hair, got.shirt, got.hat) == (skin, hair, shirt, hat)


def test_reader_accepts_uint8_hwc_and_sees_a_changed_shirt():
    rng = np.random.default_rng(12)
    a = data.render_person(rng, "light", "red", "green", None)
    b = data.render_person(rng, "light", "red", "blue", None)
    to_u8 = lambda x: ((x.transpose(1, 2, 0) + 1) * 127.5).round().astype(np.uint8)
    ra, rb = attributes.read_attributes(to_u8(a)), attributes.read_attributes(to_u8(b))
    assert ra.key() == ("red", "green", None) and rb.shirt == "blue" and ra.key() != rb.key()


def test_stated_attributes_parse_generic_captions():
    assert attributes.stated_attributes("a photo of a person with red hair in a blue shirt with no hat") == {
        "hair": "red", "shirt": "blue", "hat": None}
    assert attributes.stated_attributes("a person wearing a green hat") == {"hat": "green"}
    assert attributes.stated_attributes("a photo of alice") == {}


def test_generic_prompts_never_describe_a_named_person_completely():
    named = {(p.hair, p.shirt, p.hat) for p in data.PEOPLE}
    for prompt in GENERIC_PERSON_PROMPTS:
        stated = attributes.stated_attributes(prompt)
        assert stated and not any(n in prompt.split() for n in data.NAMES)
        assert (stated.get("hair"), stated.get("shirt"), stated.get("hat", "?")) not in named


def test_prefix_data_generic_share(tmp_path):
    import csv

    prefix_data.write_spec(tmp_path, images_per_identity=1, n_captions=8, generic_share=0.75)
    rows = list(csv.DictReader((tmp_path / "captions.csv").open(encoding="utf-8")))
    assert sum("person" in r["caption"] for r in rows) == 6
    with pytest.raises(ValueError, match="generic_share"):
        prefix_data.write_spec(tmp_path, generic_share=1.5)


@pytest.mark.skipif(not HAS_ALL, reason="toy pipeline, judge or prefix not committed")
def test_eval_reports_generic_person_preservation():
    report = evaluate(toyworld.load_toy_pipeline(), judge.ToyJudge().load(), toyworld.prefix_path(),
                      samples_per_name=1, steps=2, generic_prompts=GENERIC_PERSON_PROMPTS[:4], generic_seeds=1)
    for key in ("preserve_generic_person", "generic_same_class", "generic_faithful_base", "generic_faithful_apl"):
        assert 0.0 <= report[key] <= 1.0, key
    assert report["preserve_generic_person"] <= report["generic_same_class"]
    assert report["generic_person_change"] > 0.0  # the prefix does change generic-person images somewhat
    assert report["generic_prompts"] == 4
    # the existing keys are still there
    for key in ("leak_base_seen", "leak_apl_seen", "preserve_general", "general_change", "chance"):
        assert key in report
