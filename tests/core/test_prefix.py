"""SoftPrompt file format, converters and refusal of bad files."""

from __future__ import annotations

import pickle

import numpy as np
import pytest
import torch

from aplguard.errors import PrefixError
from aplguard.prefix import SoftPrompt, encoder_fingerprint, load_any, pipeline_family


def _vectors(n=10, hidden=32, seed=0):
    return np.random.default_rng(seed).normal(size=(n, hidden)).astype(np.float32)


def test_roundtrip_aplguard_format(sd_pipe, tmp_path):
    sp = SoftPrompt.from_pipeline(sd_pipe, {"text_encoder": _vectors()}, provenance={"trained": "test"})
    path = sp.save(tmp_path / "p.safetensors")
    back = SoftPrompt.load(path)
    assert back.family == "sd1" and back.n_vectors == 10 and back.hidden_sizes == {"text_encoder": 32}
    np.testing.assert_array_equal(back.vectors["text_encoder"], sp.vectors["text_encoder"])
    assert back.fingerprints["text_encoder"].mismatch(encoder_fingerprint(sd_pipe.text_encoder)) is None
    assert back.provenance == {"trained": "test"} and back.digest == sp.digest


@pytest.mark.parametrize("fmt,suffix", [("a1111", ".safetensors"), ("a1111", ".pt"), ("diffusers", ".safetensors"),
                                        ("diffusers", ".pt")])
def test_export_and_reimport(sd_pipe, tmp_path, fmt, suffix):
    sp = SoftPrompt.from_pipeline(sd_pipe, {"text_encoder": _vectors()})
    out = sp.export(tmp_path / f"e{suffix}", fmt=fmt)
    back = load_any(out)
    np.testing.assert_array_equal(back.vectors["text_encoder"], sp.vectors["text_encoder"])
    assert back.provenance["converted_from"] == out.name


def test_sdxl_roundtrip_and_a1111_clip_l_g(sdxl_pipe, tmp_path):
    sp = SoftPrompt.from_pipeline(sdxl_pipe, {"text_encoder": _vectors(4, 32), "text_encoder_2": _vectors(4, 64, 1)})
    assert sp.family == "sdxl" and pipeline_family(sdxl_pipe) == "sdxl"
    back = load_any(sp.save(tmp_path / "x.safetensors"))
    assert back.hidden_sizes == {"text_encoder": 32, "text_encoder_2": 64}
    a = load_any(sp.export(tmp_path / "x_a1111.safetensors", fmt="a1111"))
    np.testing.assert_array_equal(a.vectors["text_encoder_2"], sp.vectors["text_encoder_2"])
    assert a.family == "sdxl"


def test_official_apl_checkpoint(tmp_path):
    path = tmp_path / "apl.pt"
    torch.save({"string_to_token": {"*": torch.tensor(265)},
                "string_to_param": {"*": torch.randn(10, 768)}}, path)
    sp = load_any(path)
    assert sp.n_vectors == 10 and sp.family == "sd1" and sp.provenance["source_format"] == "string_to_param"


class Evil:
    def __reduce__(self):
        return (print, ("pwned",))


def test_refuses_arbitrary_pickles(tmp_path, capsys):
    path = tmp_path / "evil.pt"
    torch.save({"string_to_param": {"*": torch.randn(2, 8)}, "payload": Evil()}, path)
    with pytest.raises(PrefixError, match="evil.pt: refused"):
        load_any(path)
    raw = tmp_path / "raw.pt"
    raw.write_bytes(pickle.dumps(Evil()))
    with pytest.raises(PrefixError, match="raw.pt"):
        load_any(raw)
    assert "pwned" not in capsys.readouterr().out


@pytest.mark.parametrize("content,match", [
    (None, "not found"), (b"", "empty"), (b"\x10\x00\x00\x00\x00\x00\x00\x00{\"a\":", "not a valid safetensors"),
    (b"hello world, not a tensor file", "not a valid safetensors"),
])
def test_bad_files_named(tmp_path, content, match):
    path = tmp_path / "bad.safetensors"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(PrefixError, match=match) as err:
        load_any(path)
    assert "bad.safetensors" in str(err.value)


def test_truncated_file(sd_pipe, tmp_path):
    path = SoftPrompt.from_pipeline(sd_pipe, {"text_encoder": _vectors()}).save(tmp_path / "t.safetensors")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(PrefixError, match="t.safetensors"):
        load_any(path)


@pytest.mark.parametrize("arr,match", [
    (np.zeros((10,), np.float32)[None, None], "shape"), (np.zeros((3, 8), np.int32), "dtype"),
    (np.zeros((0, 8), np.float32), "vectors"), (np.full((3, 8), np.nan, np.float32), "NaN"),
    (np.zeros((80, 8), np.float32), "1..75"),
])
def test_bad_shapes_and_dtypes(arr, match):
    with pytest.raises(PrefixError, match=match):
        SoftPrompt({"text_encoder": arr})


def test_mismatched_encoder_refused(sd_pipe, tmp_path):
    from aplguard.testing import tiny_sd_pipeline

    other = tiny_sd_pipeline(seed=5)
    sp = SoftPrompt.from_pipeline(other, {"text_encoder": _vectors()})
    with pytest.raises(PrefixError, match="another text_encoder"):
        sp.check_pipeline(sd_pipe)
    with pytest.raises(PrefixError, match="width 16"):
        SoftPrompt({"text_encoder": _vectors(hidden=16)}).check_pipeline(sd_pipe)
