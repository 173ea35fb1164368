"""`aplguard prefix export --for comfyui|a1111`: files read back the way each host's loader reads them."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from aplguard.integrations.hosts import export_for_host, prompt_reference
from host_loaders import a1111_load_dir, comfyui_prompt_vectors

from aplguard.cli import main
from aplguard.errors import PrefixError
from aplguard.prefix import SoftPrompt


def _sd1(n: int = 4) -> SoftPrompt:
    rng = np.random.default_rng(0)
    return SoftPrompt({"text_encoder": rng.standard_normal((n, 768)).astype(np.float32)}, family="sd1")


def _sdxl(n: int = 3) -> SoftPrompt:
    rng = np.random.default_rng(1)
    return SoftPrompt({"text_encoder": rng.standard_normal((n, 768)).astype(np.float32),
                       "text_encoder_2": rng.standard_normal((n, 1280)).astype(np.float32)}, family="sdxl")


def test_sd1_comfyui_reads_the_vectors_in_place_of_the_reference(tmp_path):
    sp = _sd1()
    out = export_for_host(sp, "comfyui", tmp_path, "apl_guard")
    assert out.path == tmp_path / "apl_guard.safetensors" and out.reference == "embedding:apl_guard"
    prompt = f"{out.reference} a photo of a person"
    rows = comfyui_prompt_vectors(prompt, tmp_path, 768, "clip_l")
    assert len(rows) == 4
    np.testing.assert_array_equal(torch.stack(rows).numpy(), sp.vectors["text_encoder"])
    # a trailing comma, as users write it, still finds the file
    assert len(comfyui_prompt_vectors(f"{out.reference}, a person", tmp_path, 768, "clip_l")) == 4


def test_sdxl_comfyui_each_tokenizer_takes_its_own_key(tmp_path):
    sp = _sdxl()
    out = export_for_host(sp, "comfyui", tmp_path)
    for key, width, enc in (("clip_l", 768, "text_encoder"), ("clip_g", 1280, "text_encoder_2")):
        rows = comfyui_prompt_vectors(f"{out.reference} portrait", tmp_path, width, key)
        np.testing.assert_array_equal(torch.stack(rows).numpy(), sp.vectors[enc])


def test_a1111_loads_by_file_stem_with_the_model_width(tmp_path):
    sd1, sdxl = tmp_path / "sd1", tmp_path / "sdxl"
    sd1.mkdir()
    sdxl.mkdir()
    export_for_host(_sd1(), "a1111", sd1, "aplguard")
    export_for_host(_sdxl(), "a1111", sdxl, "aplguard")
    got = a1111_load_dir(sd1, expected_width=768)
    assert list(got) == ["aplguard"] and tuple(got["aplguard"].shape) == (4, 768)
    assert a1111_load_dir(sd1, expected_width=1024) == {}  # an SD2 model skips it
    xl = a1111_load_dir(sdxl, expected_width=768 + 1280)["aplguard"]
    assert isinstance(xl, dict) and tuple(xl["clip_l"].shape) == (3, 768) and tuple(xl["clip_g"].shape) == (3, 1280)
    assert prompt_reference("a1111", "aplguard") == "aplguard"


def test_host_installation_folder_is_understood(tmp_path):
    (tmp_path / "ComfyUI" / "models" / "embeddings").mkdir(parents=True)
    (tmp_path / "webui" / "embeddings").mkdir(parents=True)
    a = export_for_host(_sd1(), "comfyui", tmp_path / "ComfyUI")
    b = export_for_host(_sd1(), "a1111", tmp_path / "webui")
    assert a.path.parent == tmp_path / "ComfyUI" / "models" / "embeddings"
    assert b.path.parent == tmp_path / "webui" / "embeddings"


def test_refusals_name_the_problem(tmp_path):
    export_for_host(_sd1(), "comfyui", tmp_path)
    with pytest.raises(PrefixError, match="exists"):
        export_for_host(_sd1(), "comfyui", tmp_path)
    export_for_host(_sd1(), "comfyui", tmp_path, overwrite=True)
    for bad in ("../evil", "has space", "", "x" * 80, "a,b"):
        with pytest.raises(PrefixError, match="embedding name"):
            export_for_host(_sd1(), "comfyui", tmp_path, bad)
    with pytest.raises(PrefixError, match="unknown host"):
        export_for_host(_sd1(), "invokeai", tmp_path)
    t5 = SoftPrompt({"text_encoder": np.zeros((2, 768), np.float32), "text_encoder_2": np.zeros((2, 1280), np.float32),
                     "text_encoder_3": np.zeros((2, 4096), np.float32)}, family="sd3")
    with pytest.raises(PrefixError, match="sd3"):
        export_for_host(t5, "a1111", tmp_path, "sd3prefix")
    with pytest.raises(PrefixError, match="not a folder"):
        export_for_host(_sd1(), "a1111", tmp_path / "missing")


def test_cli_prefix_export(tmp_path, capsys):
    src = tmp_path / "apl.safetensors"
    _sdxl().save(src)
    out_dir = tmp_path / "emb"
    out_dir.mkdir()
    assert main(["prefix", "export", "--for", "comfyui", "--name", "anon", str(src), str(out_dir)]) == 0
    assert "embedding:anon" in capsys.readouterr().out
    rows = comfyui_prompt_vectors("embedding:anon x", out_dir, 1280, "clip_g")
    assert len(rows) == 3
    assert main(["prefix", "export", "--for", "a1111", str(src), str(out_dir / "nope")]) == 2
    assert "not a folder" in capsys.readouterr().err
