"""The faces / gallery CLI contracts (one JSON object per line)."""

from __future__ import annotations

import json

import pytest
from PIL import Image

from aplguard.cli import main


def _lines(capsys) -> list[dict]:
    return [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.strip()]


@pytest.fixture
def home(model_store):
    return str(model_store.home)


def test_faces_detect_walks_directories_and_reports_errors(photo_dir, home, capsys):
    assert main(["faces", "detect", str(photo_dir), str(photo_dir / "missing.png"), "--json", "--home", home]) == 0
    lines = _lines(capsys)
    by_name = {line["path"].rsplit("/", 1)[-1]: line for line in lines}
    assert set(by_name) == {"astronaut.png", "coffee.jpg", "empty.jpg", "missing.png"}
    for line in lines:
        assert set(line) == {"path", "faces", "error"}
    astro = by_name["astronaut.png"]
    assert astro["error"] is None and len(astro["faces"]) == 1
    assert set(astro["faces"][0]) == {"box", "score"} and len(astro["faces"][0]["box"]) == 4
    assert by_name["coffee.jpg"] == {"path": str(photo_dir / "coffee.jpg"), "faces": [], "error": None}
    assert "0 bytes" in by_name["empty.jpg"]["error"]
    assert "no such file" in by_name["missing.png"]["error"]


def test_faces_compare(photo_dir, astronaut, cameraman, home, capsys, tmp_path):
    flipped = tmp_path / "flipped.png"
    Image.fromarray(astronaut[:, ::-1]).save(flipped)
    cam = tmp_path / "cam.png"
    Image.fromarray(cameraman).save(cam)
    a = str(photo_dir / "astronaut.png")
    assert main(["faces", "compare", a, str(flipped), "--json", "--home", home]) == 0
    [same] = _lines(capsys)
    assert set(same) == {"similarity", "same", "threshold", "model"}
    assert same["same"] is True and same["model"] == "sface" and same["similarity"] >= same["threshold"]
    assert main(["faces", "compare", a, str(cam), "--json", "--home", home]) == 0
    assert _lines(capsys)[0]["same"] is False
    assert main(["faces", "compare", a, str(photo_dir / "coffee.jpg"), "--json", "--home", home]) == 1
    [err] = _lines(capsys)
    assert err["similarity"] is None and "no face" in err["error"]


def test_faces_verify_pairs_and_summary(tmp_path, astronaut, cameraman, home, capsys):
    root = tmp_path / "root"
    (root / "a").mkdir(parents=True)
    Image.fromarray(astronaut).save(root / "a" / "1.png")
    Image.fromarray(astronaut[:, ::-1]).save(root / "a" / "2.png")
    Image.fromarray(cameraman).save(root / "c.png")
    (root / "bad.jpg").write_bytes(b"")
    pairs = tmp_path / "pairs.csv"
    pairs.write_text("path_a,path_b,same\na/1.png,a/2.png,1\na/1.png,c.png,0\na/2.png,c.png,0\na/1.png,bad.jpg,1\n")
    assert main(["faces", "verify", "--pairs", str(pairs), "--root", str(root), "--json", "--home", home]) == 0
    lines = _lines(capsys)
    assert len(lines) == 5
    for line in lines[:3]:
        assert {"path_a", "path_b", "similarity", "same", "threshold", "model"} <= set(line)
        assert isinstance(line["similarity"], float)
    assert [line["same"] for line in lines[:4]] == [True, False, False, False]
    assert lines[3]["similarity"] is None and "0 bytes" in lines[3]["error"]
    assert lines[4]["summary"]["pairs"] == 4 and lines[4]["summary"]["accuracy"] == 0.75


def test_faces_verify_bad_csv_is_a_usage_error(tmp_path, home):
    pairs = tmp_path / "pairs.csv"
    pairs.write_text("a,b\n1,2\n")
    assert main(["faces", "verify", "--pairs", str(pairs), "--json", "--home", home]) == 2
    assert main(["faces", "verify", "--pairs", str(tmp_path / "none.csv"), "--home", home]) == 2


def test_gallery_commands(tmp_path, photo_dir, astronaut, home, capsys):
    gdir = str(tmp_path / "gallery")
    flipped = tmp_path / "flipped.png"
    Image.fromarray(astronaut[:, ::-1]).save(flipped)
    astro, coffee = str(photo_dir / "astronaut.png"), str(photo_dir / "coffee.jpg")
    assert main(["gallery", "add", "--gallery", gdir, "Astro Naut", astro, coffee, "--json", "--home", home]) == 0
    [report] = _lines(capsys)
    assert report["accepted"] == [astro] and report["rejected"][0]["source"] == coffee
    assert "no face" in report["rejected"][0]["reason"]
    assert main(["gallery", "add", "--gallery", gdir, "Nobody", coffee, "--home", home]) == 1
    capsys.readouterr()
    assert main(["gallery", "list", "--gallery", gdir, "--json"]) == 0
    assert _lines(capsys) == [{"identity": "Astro Naut", "references": 1}]
    assert main(["gallery", "match", "--gallery", gdir, str(flipped), coffee, "--json", "--home", home]) == 0
    hit, miss = _lines(capsys)
    assert hit["matches"][0]["identity"] == "Astro Naut" and hit["matches"][0]["face_index"] == 0
    assert miss["faces"] == [] and miss["matches"] == [] and miss["error"] is None
    assert main(["gallery", "remove", "--gallery", gdir, "Astro Naut"]) == 0
    assert main(["gallery", "remove", "--gallery", gdir, "Astro Naut"]) == 1
    assert main(["gallery", "list", "--gallery", str(tmp_path / "nothing")]) == 1


def test_missing_models_fail_with_the_pull_command(tmp_path, photo_dir, capsys):
    pytest.importorskip("mediapipe")
    assert main(["faces", "detect", str(photo_dir), "--home", str(tmp_path / "empty-home")]) == 1
    assert "aplguard models pull" in capsys.readouterr().err


def test_gallery_match_with_hnsw_index(tmp_path, photo_dir, home, capsys):
    pytest.importorskip("faiss", reason="faiss-cpu is not installed (optional)")
    gdir = str(tmp_path / "gallery")
    astro = str(photo_dir / "astronaut.png")
    assert main(["gallery", "add", "--gallery", gdir, "Astro", astro, "--home", home]) == 0
    capsys.readouterr()
    assert main(["gallery", "match", "--gallery", gdir, astro, "--json", "--index", "hnsw", "--home", home]) == 0
    assert _lines(capsys)[0]["matches"][0]["identity"] == "Astro"
