"""Data spec and recipe validation: good files load, bad ones fail with located errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from aplguard.training import RECIPES, TrainConfig, load_recipe, load_spec

from aplguard.errors import TrainingError

EXAMPLE = Path(__file__).resolve().parents[2] / "training" / "data" / "example" / "spec.yaml"


def _spec(tmp_path: Path, identities: str, captions: str = "captions: [a red bicycle]\n") -> Path:
    (tmp_path / "ids.yaml").write_text(identities, encoding="utf-8")
    p = tmp_path / "spec.yaml"
    p.write_text(f"identities: ids.yaml\ntemplates: [a photo of]\n{captions}", encoding="utf-8")
    return p


def test_example_spec_loads():
    spec = load_spec(EXAMPLE)
    assert len(spec.identities) >= 5 and len(spec.captions) >= 10 and len(spec.templates) >= 3
    assert all(i.description and i.name not in i.description for i in spec.identities)


def test_identity_without_description_names_file_line_and_key(tmp_path):
    p = _spec(tmp_path, "- name: Ana Quill\n  description: a woman\n- name: Bo Ferren\n  aliases: [Bo]\n")
    with pytest.raises(TrainingError) as err:
        load_spec(p)
    msg = str(err.value)
    assert "ids.yaml:3:3" in msg and "identities[1].description" in msg and "required" in msg.lower()


def test_blank_description_and_unknown_key(tmp_path):
    p = _spec(tmp_path, "- name: Ana\n  description: '  '\n")
    with pytest.raises(TrainingError, match=r"ids.yaml:2:16: identities\[0\].description: .*empty"):
        load_spec(p)
    p = _spec(tmp_path, "- name: Ana\n  description: a woman\n  age: 40\n")
    with pytest.raises(TrainingError, match=r"ids.yaml:3:8: identities\[0\].age"):
        load_spec(p)


def test_csv_identities_report_the_row(tmp_path):
    (tmp_path / "ids.csv").write_text("name,aliases,description\nAna,A.;Annie,a woman\nBo,,\n", encoding="utf-8")
    (tmp_path / "spec.yaml").write_text("identities: ids.csv\ntemplates: [a photo of]\ncaptions: [a cat]\n")
    with pytest.raises(TrainingError, match=r"ids.csv:3: description"):
        load_spec(tmp_path / "spec.yaml")
    (tmp_path / "ids.csv").write_text("name,aliases,description\nAna,A.;Annie,a woman\n", encoding="utf-8")
    spec = load_spec(tmp_path / "spec.yaml")
    assert spec.identities[0].aliases == ["A.", "Annie"]


def test_empty_caption_file_and_missing_key(tmp_path):
    (tmp_path / "caps.txt").write_text("\n# only a comment\n\n", encoding="utf-8")
    p = _spec(tmp_path, "- name: Ana\n  description: a woman\n", captions="captions: caps.txt\n")
    with pytest.raises(TrainingError, match=r"caps.txt: captions file is empty"):
        load_spec(p)
    p.write_text("identities: ids.yaml\ntemplates: [a photo of]\n", encoding="utf-8")
    with pytest.raises(TrainingError, match="captions: missing"):
        load_spec(p)


def test_yaml_syntax_error_is_located(tmp_path):
    p = tmp_path / "spec.yaml"
    p.write_text("identities: [\ntemplates: x\n", encoding="utf-8")
    with pytest.raises(TrainingError, match=r"spec.yaml:\d+:\d+: invalid YAML"):
        load_spec(p)


@pytest.mark.parametrize("name", RECIPES)
def test_shipped_recipes_carry_paper_defaults(name):
    cfg = load_recipe(name)
    assert (cfg.n_vectors, cfg.lr, cfg.optimizer, cfg.ratio) == (10, 1e-3, "adam", 0.5)


def test_bad_recipe_is_located(tmp_path):
    p = tmp_path / "r.yaml"
    p.write_text("n_vectors: 10\nlr: -1\n", encoding="utf-8")
    with pytest.raises(TrainingError, match=r"r.yaml:2:5: lr: .*greater than 0"):
        load_recipe(p)
    with pytest.raises(TrainingError, match="batch_size"):
        TrainConfig().with_overrides(batch_size=0)


def test_missing_image_folder_or_file_is_reported_at_load(tmp_path):
    p = _spec(tmp_path, "- name: Ana\n  description: a woman\n- name: Bo\n  description: a man\n  images: nope\n")
    with pytest.raises(TrainingError, match=r"ids.yaml:3:3: identities\[1\].images: folder .*nope not found"):
        load_spec(p)
    (tmp_path / "caps.csv").write_text("caption,image\na cat,missing.png\n", encoding="utf-8")
    p = _spec(tmp_path, "- name: Ana\n  description: a woman\n", captions="captions: caps.csv\n")
    with pytest.raises(TrainingError, match=r"caps.csv:2: image: file .*missing.png not found"):
        load_spec(p)


def test_template_placeholder_or_append():
    from aplguard.training.spec import compose

    assert compose("a photo of", "Ana") == "a photo of Ana"
    assert compose("{} at the beach", "a woman with red hair") == "a woman with red hair at the beach"
