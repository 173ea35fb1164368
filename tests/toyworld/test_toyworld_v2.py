"""Toy world v2: 32 people, 24 a prefix may train on, 8 always held out.

World invariants run everywhere; the model tests skip until v2's artifacts are committed
(training/toyworld/model_v2, made as training/toyworld/README.md says).
"""

from __future__ import annotations

import hashlib
import itertools
import json

import numpy as np
import pytest
from aplguard.training.toyworld import data

V2 = data.WORLD_V2


def test_v2_has_32_people_pairwise_distinct_in_two_attributes():
    assert len(V2.people) == 32 and len(set(V2.names)) == 32
    for a, b in itertools.combinations(V2.people, 2):
        differ = sum(x != y for x, y in zip((a.hair, a.shirt, a.hat), (b.hair, b.shirt, b.hat)))
        assert differ >= 2, (a.name, b.name)
    for p in V2.people:
        assert p.hair in V2.hair_colors and p.shirt in V2.shirt_colors and p.hat in V2.hat_colors


def test_v2_split_is_24_seen_and_8_held_out():
    assert len(V2.seen) == 24 and len(V2.unseen) == 8
    assert not set(V2.seen) & set(V2.unseen)
    # The held-out eight span v1's people and v2's additions.
    v1 = set(data.WORLD_V1.names)
    assert set(V2.unseen) & v1 and set(V2.unseen) - v1


def test_v2_generic_people_never_look_like_a_named_person():
    rng = np.random.default_rng(0)
    named = {(p.hair, p.shirt, p.hat) for p in V2.people}
    draws = [data.random_generic(rng, V2)[1:] for _ in range(800)]
    assert not named & set(draws)
    assert {d[0] for d in draws} == set(V2.hair_colors)  # the widened palette is used


def test_v2_samples_label_by_v2_classes():
    rng = np.random.default_rng(2)
    kinds = [data.sample(rng, world=V2) for _ in range(400)]
    labels = np.array([s.label for s in kinds])
    assert labels.max() == len(V2.classes) - 1
    named = labels < len(V2.names)
    assert 0.55 < named.mean() < 0.70  # named_share 0.625
    for s in kinds:
        if s.label < len(V2.names):
            assert V2.names[s.label] in s.caption.split()


def test_v1_data_is_unchanged_by_the_world_refactor():
    # Digest of v1's first data batch before worlds existed: the committed v1 model stays reproducible.
    x, captions, labels = data.dataset(5, 64)
    digest = hashlib.sha256(x.tobytes() + "\n".join(captions).encode() + labels.tobytes()).hexdigest()
    assert digest == V1_DIGEST


def test_get_world_names_the_choices():
    assert data.get_world("v2") is V2 and data.get_world(V2) is V2
    with pytest.raises(ValueError, match="v1"):
        data.get_world("v3")


def test_prefix_data_takes_a_subset_of_the_seen_pool(tmp_path):
    from aplguard.training.toyworld.prefix_data import write_spec

    spec = write_spec(tmp_path, seen=V2.seen[:4], world=V2, images_per_identity=2, n_captions=4)
    text = (tmp_path / "identities.yaml").read_text(encoding="utf-8")
    assert spec.is_file() and text.count("- name:") == 4
    assert all(f"name: {n}" in text for n in V2.seen[:4])
    with pytest.raises(ValueError, match="not in toy world"):
        write_spec(tmp_path / "bad", seen=("nobody",), world=V2)


def test_attribute_templates_pair_a_stated_colour_with_the_neutral_description(tmp_path):
    from aplguard.training.spec import load_spec
    from aplguard.training.toyworld.prefix_data import PLAIN_TEMPLATES, attribute_templates, write_spec

    templates = attribute_templates(V2)
    assert templates[0::2] == tuple(PLAIN_TEMPLATES[k % 3] for k in range(len(templates) // 2))
    assert {f"a photo of {{}} with {h} hair" for h in V2.hair_colors} <= set(templates)
    assert "a photo of {} with no hat" in templates  # the world's hat-less people
    spec = load_spec(write_spec(tmp_path, seen=V2.seen[:2], world=V2, images_per_identity=2, n_captions=2,
                                with_attributes=True))
    assert spec.templates == list(templates)
    plain = load_spec(write_spec(tmp_path / "plain", seen=V2.seen[:2], world=V2, images_per_identity=2,
                                 n_captions=2))
    assert plain.templates == list(PLAIN_TEMPLATES)


# -- artifacts ----------------------------------------------------------------------------

torch = pytest.importorskip("torch")
pytest.importorskip("diffusers")

from aplguard.training import toyworld  # noqa: E402

HAS_V2 = (toyworld.model_dir("v2") / "model_index.json").is_file() and \
    (toyworld.model_dir("v2") / "judge.safetensors").is_file()
needs_v2 = pytest.mark.skipif(not HAS_V2, reason="toy world v2 artifacts not committed")


@needs_v2
def test_v2_judge_separates_fresh_renders():
    judge = toyworld.ToyJudge(world="v2")
    x, _, y = data.dataset(1234, 256, V2)
    pred = np.array([V2.classes.index(c) for c in judge.classify(x)])
    assert (pred == y).mean() >= 0.98
    report = json.loads((toyworld.model_dir("v2") / "judge.json").read_text(encoding="utf-8"))
    assert report["world"] == "v2" and report["identity_accuracy_named"] >= 0.98


@needs_v2
def test_v2_judge_refuses_v1_weights():
    from aplguard.errors import ModelFileError

    with pytest.raises(ModelFileError, match="not a judge for toy world v2"):
        toyworld.ToyJudge(toyworld.model_dir("v1") / "judge.safetensors", world="v2").load()


@needs_v2
def test_v2_pipeline_draws_named_people():
    pipe = toyworld.load_toy_pipeline(world="v2")
    names = list(V2.names[:8])
    gens = [torch.Generator().manual_seed(i) for i in range(len(names))]
    images = pipe([f"a photo of {n}" for n in names], num_inference_steps=toyworld.DEFAULT_STEPS,
                  guidance_scale=toyworld.DEFAULT_GUIDANCE, generator=gens, output_type="np").images
    got = toyworld.ToyJudge(world="v2").classify(images.transpose(0, 3, 1, 2) * 2.0 - 1.0)
    assert sum(g == n for g, n in zip(got, names)) >= 6


V1_DIGEST = "6abba4c959b2c375ea154d3806ab3875fe66c7ca7180f209e684e19b59722cf5"
