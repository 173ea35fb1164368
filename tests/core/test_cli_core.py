"""`aplguard generate`, `prefix inspect|convert` and exit codes, on a saved tiny pipeline."""

from __future__ import annotations

import json

import numpy as np
import pytest
import torch
from PIL import Image

from aplguard import SoftPrompt
from aplguard.cli import main
from aplguard.prefix import load_any


@pytest.fixture
def model_dir(sd_pipe, tmp_path):
    folder = tmp_path / "model"
    sd_pipe.save_pretrained(folder)
    return folder


@pytest.fixture
def prefix_file(sd_pipe, tmp_path):
    vec = torch.randn(10, 32, generator=torch.Generator().manual_seed(0))
    return SoftPrompt.from_pipeline(sd_pipe, {"text_encoder": vec}, provenance={"test": True}).save(tmp_path / "p.safetensors")


def test_generate_writes_png_and_blocks_with_exit_3(model_dir, prefix_file, tmp_path, capsys):
    out = tmp_path / "out.png"
    rc = main(["generate", "--model", str(model_dir), "--prefix", str(prefix_file), "--policy", "default",
               "--seed", "1", "--steps", "2", "--height", "64", "--width", "64", "-o", str(out),
               "a photo of Taylor Swift"])
    assert rc == 0 and Image.open(out).size == (64, 64)
    assert "decision: anonymize" in capsys.readouterr().out
    rc = main(["generate", "--model", str(model_dir), "--policy", "strict", "--steps", "2", "--height", "64",
               "--width", "64", "-o", str(tmp_path / "b.png"), "a photo of Alexandra Example"])
    assert rc == 3 and not (tmp_path / "b.png").exists()


def test_generate_bad_model_dir_is_usage_error(tmp_path, capsys):
    rc = main(["generate", "--model", str(tmp_path), "-o", str(tmp_path / "x.png"), "a cat"])
    assert rc == 2 and "model_index.json" in capsys.readouterr().err


def test_prefix_inspect_and_convert_roundtrip(prefix_file, model_dir, tmp_path, capsys):
    assert main(["prefix", "inspect", str(prefix_file), "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["n_vectors"] == 10 and info["encoders"]["text_encoder"]["hidden"] == 32
    a1111 = tmp_path / "emb.pt"
    assert main(["prefix", "convert", str(prefix_file), str(a1111)]) == 0
    back = tmp_path / "back.safetensors"
    assert main(["prefix", "convert", str(a1111), str(back), "--model", str(model_dir)]) == 0
    np.testing.assert_array_equal(load_any(back).vectors["text_encoder"], load_any(prefix_file).vectors["text_encoder"])
    assert load_any(back).fingerprints  # --model recorded the encoder's fingerprint
    assert main(["prefix", "inspect", str(tmp_path / "missing.safetensors")]) == 2
    assert "missing.safetensors: prefix file not found" in capsys.readouterr().err


def test_version(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0 and "aplguard" in capsys.readouterr().out


def test_unexpected_exception_is_one_line_exit_2(monkeypatch, capsys):
    import aplguard.cli_commands as commands

    def boom(args):
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr(commands, "_prefix_inspect", boom)
    assert main(["prefix", "inspect", "x"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("aplguard: internal error: RuntimeError: boom | second line")
    assert main(["--debug", "prefix", "inspect", "x"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" in err and err.rstrip().splitlines()[-1].startswith("aplguard: internal error: RuntimeError")


def test_multiline_config_error_is_one_line(monkeypatch, capsys):
    import aplguard.cli_commands as commands
    from aplguard.errors import ConfigError

    def bad(args):
        raise ConfigError("file.yaml:1:1: first\nfile.yaml:2:1: second")

    monkeypatch.setattr(commands, "_prefix_inspect", bad)
    assert main(["prefix", "inspect", "x"]) == 2
    assert capsys.readouterr().err == "aplguard: error: file.yaml:1:1: first | file.yaml:2:1: second\n"
