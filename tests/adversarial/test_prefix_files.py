"""Malicious or malformed prefix files, and `prefix convert` re-stamping (issue 11).

A prefix trained for one text encoder must not become acceptable for another by
conversion, unless the user asks for it (`--force`, with a warning); malformed
metadata is a PrefixError naming the file and the key, from every entry point.
"""

from __future__ import annotations

import json

import numpy as np
import pytest
import torch
from safetensors.numpy import save_file

from aplguard import Guard, SoftPrompt
from aplguard.cli import main
from aplguard.errors import PrefixError
from aplguard.prefix import ENCODERS_META_KEY, encoder_fingerprint, load_any
from aplguard.testing import tiny_sd_pipeline


def _vec(n: int = 4, hidden: int = 32, seed: int = 0) -> np.ndarray:
    return np.random.default_rng(seed).normal(size=(n, hidden)).astype(np.float32)


@pytest.fixture
def other_pipe():
    """Same architecture as ``sd_pipe`` (width 32) but another text encoder."""
    return tiny_sd_pipeline(seed=5)


@pytest.fixture
def model_dir(sd_pipe, tmp_path):
    folder = tmp_path / "model"
    sd_pipe.save_pretrained(folder)
    return folder


@pytest.fixture
def foreign_prefix(other_pipe, tmp_path):
    """A prefix trained (fingerprinted) for ``other_pipe``'s encoder."""
    return SoftPrompt.from_pipeline(other_pipe, {"text_encoder": _vec()}, provenance={"trained": "other"}).save(
        tmp_path / "foreign.safetensors")


def _one_error_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


# -- convert keeps the source fingerprint ---------------------------------------------


def test_convert_without_model_keeps_source_fingerprint(foreign_prefix, other_pipe, tmp_path, capsys):
    out = tmp_path / "copy.safetensors"
    assert main(["prefix", "convert", str(foreign_prefix), str(out)]) == 0
    fp = load_any(out).fingerprints["text_encoder"]
    assert fp.mismatch(encoder_fingerprint(other_pipe.text_encoder)) is None
    assert fp == load_any(foreign_prefix).fingerprints["text_encoder"]


def test_convert_onto_other_model_is_exit_2_naming_both(foreign_prefix, model_dir, tmp_path, capsys):
    out = tmp_path / "restamped.safetensors"
    rc = main(["prefix", "convert", str(foreign_prefix), str(out), "--model", str(model_dir)])
    line = _one_error_line(capsys.readouterr().err)
    assert rc == 2 and not out.exists()
    assert str(foreign_prefix) in line and str(model_dir) in line and "--force" in line


@pytest.mark.parametrize("via", ["a1111.pt", "a1111.safetensors", "diffusers.safetensors"])
def test_roundtrip_through_other_formats_keeps_fingerprint(foreign_prefix, model_dir, tmp_path, capsys, via):
    fmt, suffix = via.split(".")
    mid = tmp_path / f"mid.{suffix}"
    assert main(["prefix", "convert", str(foreign_prefix), str(mid), "--format", fmt]) == 0
    out = tmp_path / "back.safetensors"
    assert main(["prefix", "convert", str(mid), str(out), "--model", str(model_dir)]) == 2
    assert "does not fit" in _one_error_line(capsys.readouterr().err) and not out.exists()


def test_force_restamps_with_a_warning(foreign_prefix, model_dir, sd_pipe, tmp_path, capsys):
    out = tmp_path / "forced.safetensors"
    rc = main(["prefix", "convert", str(foreign_prefix), str(out), "--model", str(model_dir), "--force"])
    captured = capsys.readouterr()
    assert rc == 0 and "warning: re-stamped text_encoder" in captured.err and str(model_dir) in captured.err
    sp = load_any(out)
    assert sp.fingerprints["text_encoder"].mismatch(encoder_fingerprint(sd_pipe.text_encoder)) is None
    assert sp.provenance["restamped"]["encoders"] == ["text_encoder"] and sp.provenance["trained"] == "other"
    np.testing.assert_array_equal(sp.vectors["text_encoder"], load_any(foreign_prefix).vectors["text_encoder"])
    with Guard(sd_pipe, prefix=out, policy="off") as guard:  # deliberately re-stamped: accepted
        assert guard.prefix is not None


def test_force_needs_model(foreign_prefix, tmp_path, capsys):
    assert main(["prefix", "convert", str(foreign_prefix), str(tmp_path / "x.safetensors"), "--force"]) == 2
    assert "--model" in _one_error_line(capsys.readouterr().err)


def test_guard_still_refuses_after_non_forced_convert(foreign_prefix, sd_pipe, tmp_path):
    out = tmp_path / "copy.safetensors"
    assert main(["prefix", "convert", str(foreign_prefix), str(out)]) == 0
    n_tokens = len(sd_pipe.tokenizer)
    with pytest.raises(PrefixError, match="another text_encoder"):
        Guard(sd_pipe, prefix=out, policy="off")
    assert len(sd_pipe.tokenizer) == n_tokens  # refused before touching the pipeline


def test_unfingerprinted_prefix_gets_the_models_fingerprint(model_dir, sd_pipe, tmp_path, capsys):
    apl = tmp_path / "apl.pt"
    torch.save({"string_to_param": {"*": torch.from_numpy(_vec())}}, apl)
    out = tmp_path / "stamped.safetensors"
    assert main(["prefix", "convert", str(apl), str(out), "--model", str(model_dir)]) == 0
    assert "warning" not in capsys.readouterr().err  # nothing was replaced
    assert load_any(out).fingerprints["text_encoder"].mismatch(encoder_fingerprint(sd_pipe.text_encoder)) is None


# -- convert output errors ---------------------------------------------------------------


def test_convert_into_directory_is_one_line_exit_2(foreign_prefix, tmp_path, capsys):
    folder = tmp_path / "outdir"
    folder.mkdir()
    assert main(["prefix", "convert", str(foreign_prefix), str(folder)]) == 2
    assert "is a directory" in _one_error_line(capsys.readouterr().err)
    assert list(folder.iterdir()) == []


def test_convert_into_unwritable_path_is_one_line_exit_2(foreign_prefix, tmp_path, capsys):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    assert main(["prefix", "convert", str(foreign_prefix), str(blocker / "out.safetensors")]) == 2
    assert "cannot write" in _one_error_line(capsys.readouterr().err)


def test_export_into_directory_is_prefix_error(foreign_prefix, tmp_path):
    with pytest.raises(PrefixError, match="is a directory"):
        load_any(foreign_prefix).save(tmp_path)


# -- malformed metadata --------------------------------------------------------------------

_FP = {"hidden": 32, "positions": 77, "probe": [1.0, 2.0]}


def _enc(**fp: object) -> str:
    return json.dumps({"text_encoder": {"hidden": 32, "fingerprint": {**_FP, **fp}}})


MALFORMED = [
    ("encoders-list", {"encoders": "[]"}, "encoders"),
    ("encoders-not-json", {"encoders": "{not json"}, "encoders"),
    ("encoders-missing", {"encoders": None}, "encoders"),
    ("encoders-deeply-nested", {"encoders": "[" * 100_000}, "encoders"),
    ("encoder-entry-int", {"encoders": json.dumps({"text_encoder": 5})}, "text_encoder"),
    ("encoder-extra", {"encoders": json.dumps({"text_encoder": {"hidden": 32}, "text_encoder_2": {}})}, "text_encoder_2"),
    ("encoder-entry-missing", {"encoders": "{}"}, "text_encoder"),
    ("encoder-hidden-wrong", {"encoders": json.dumps({"text_encoder": {"hidden": 16}})}, "hidden"),
    ("encoder-hidden-str", {"encoders": json.dumps({"text_encoder": {"hidden": "32"}})}, "hidden"),
    ("fingerprint-list", {"encoders": json.dumps({"text_encoder": {"hidden": 32, "fingerprint": [1]}})},
     "fingerprint"),
    ("fingerprint-no-hidden", {"encoders": json.dumps({"text_encoder": {"fingerprint": {"probe": []}}})}, "hidden"),
    ("fingerprint-hidden-str", {"encoders": _enc(hidden="x")}, "hidden"),
    ("fingerprint-hidden-other", {"encoders": _enc(hidden=16)}, "hidden"),
    ("fingerprint-positions-inf", {"encoders": _enc(positions=1e400)}, "positions"),
    ("fingerprint-positions-huge", {"encoders": _enc(positions=10**400)}, "positions"),
    ("fingerprint-probe-str", {"encoders": _enc(probe="abc")}, "probe"),
    ("fingerprint-probe-mixed", {"encoders": _enc(probe=[1.0, "a"])}, "probe"),
    ("fingerprint-probe-null", {"encoders": _enc(probe=[None])}, "probe"),
    ("fingerprint-probe-nan", {"encoders": _enc(probe=[float("nan")])}, "probe"),
    ("provenance-list", {"provenance": "[1, 2]"}, "provenance"),
    ("provenance-not-json", {"provenance": "{"}, "provenance"),
    ("n-vectors-text", {"n_vectors": "abc"}, "n_vectors"),
    ("n-vectors-mismatch", {"n_vectors": "3"}, "n_vectors"),
    ("format-version-missing", {"format_version": None}, "format_version"),
    ("format-version-other", {"format_version": "2"}, "format_version"),
    ("family-empty", {"family": ""}, "family"),
    ("family-huge", {"family": "x" * 10_000}, "family"),
]


def _write_malformed(sd_pipe, tmp_path, changes: dict[str, str | None]):
    sp = SoftPrompt.from_pipeline(sd_pipe, {"text_encoder": _vec()})
    meta = dict(sp.metadata)
    for key, value in changes.items():
        if value is None:
            meta.pop(key, None)
        else:
            meta[key] = value
    path = tmp_path / "malformed.safetensors"
    save_file({"text_encoder": sp.vectors["text_encoder"]}, str(path), metadata=meta)
    return path


@pytest.mark.parametrize("changes,key", [m[1:] for m in MALFORMED], ids=[m[0] for m in MALFORMED])
def test_malformed_metadata_is_prefix_error_naming_file_and_key(sd_pipe, tmp_path, changes, key):
    path = _write_malformed(sd_pipe, tmp_path, changes)
    with pytest.raises(PrefixError) as err:
        SoftPrompt.load(path)
    msg = str(err.value)
    assert str(path) in msg and key in msg, msg
    assert "\n" not in msg


@pytest.mark.parametrize("changes,key", [m[1:] for m in MALFORMED[::3]], ids=[m[0] for m in MALFORMED[::3]])
def test_malformed_metadata_refused_by_guard(sd_pipe, tmp_path, changes, key):
    path = _write_malformed(sd_pipe, tmp_path, changes)
    n_tokens = len(sd_pipe.tokenizer)
    with pytest.raises(PrefixError) as err:
        Guard(sd_pipe, prefix=str(path), policy="off")
    assert str(path) in str(err.value) and key in str(err.value)
    assert len(sd_pipe.tokenizer) == n_tokens


@pytest.mark.parametrize("changes,key", [m[1:] for m in MALFORMED[1::4]], ids=[m[0] for m in MALFORMED[1::4]])
def test_malformed_metadata_cli_inspect_one_line(sd_pipe, tmp_path, capsys, changes, key):
    path = _write_malformed(sd_pipe, tmp_path, changes)
    assert main(["prefix", "inspect", str(path)]) == 2
    line = _one_error_line(capsys.readouterr().err)
    assert line.startswith("aplguard: error: ") and str(path) in line and key in line


@pytest.mark.parametrize("value", [5, {"text_encoder": 1}, "[]", "{\"text_encoder\": {\"fingerprint\": 3}}"])
def test_a1111_pt_with_bad_carried_fingerprint(tmp_path, value):
    path = tmp_path / "emb.pt"
    torch.save({"string_to_param": {"*": torch.from_numpy(_vec())}, ENCODERS_META_KEY: value}, path)
    with pytest.raises(PrefixError, match=ENCODERS_META_KEY) as err:
        load_any(path)
    assert "emb.pt" in str(err.value)


def test_deeply_nested_pt_and_unsupported_tensors(tmp_path):
    nested: dict = {"string_to_param": {"*": torch.from_numpy(_vec())}}
    for _ in range(20):
        nested = {"x": nested}
    path = tmp_path / "deep.pt"
    torch.save(nested, path)
    with pytest.raises(PrefixError, match="deep.pt.*nested"):
        load_any(path)
    sparse = tmp_path / "sparse.pt"
    torch.save({"string_to_param": {"*": torch.eye(4).to_sparse()}}, sparse)
    with pytest.raises(PrefixError, match="sparse.pt"):
        load_any(sparse)


def test_file_name_with_nul_byte():
    with pytest.raises(PrefixError, match="not found|file name"):
        load_any("bad\0name.safetensors")
