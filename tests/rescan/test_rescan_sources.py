"""Inputs of a rescan: directories, manifests (CSV/JSONL, paths and file:// URLs), missing files."""

from __future__ import annotations

import json

import pytest

from aplguard.errors import ConfigError
from aplguard.rescan import collect
from aplguard.rescan.sources import from_manifest


def _touch(path, data=b"x"):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_directory_is_walked_recursively_in_sorted_order_by_extension(tmp_path):
    for name in ("b.png", "a.JPG", "sub/c.webp", "notes.txt", "sub/d.tiff"):
        _touch(tmp_path / name)
    items = list(collect([tmp_path]))
    assert [i.path.removeprefix(str(tmp_path) + "/") for i in items] == ["a.JPG", "b.png", "sub/c.webp", "sub/d.tiff"]
    assert all(i.size == 1 and i.mtime_ns and i.error is None for i in items)


def test_csv_and_jsonl_manifests_with_relative_paths_file_urls_and_missing_files(tmp_path):
    a = _touch(tmp_path / "imgs" / "a b.png")
    _touch(tmp_path / "imgs" / "c.png")
    (tmp_path / "m.csv").write_text("id,path\n1,imgs/c.png\n2,file://" + str(a).replace(" ", "%20") + "\n3,\n")
    (tmp_path / "m.jsonl").write_text(json.dumps({"path": "imgs/missing.png"}) + "\n\n")
    items = list(collect([tmp_path / "m.csv"], manifest=tmp_path / "m.jsonl"))
    assert [i.path for i in items] == [str(tmp_path / "imgs/c.png"), str(a), str(tmp_path / "imgs/missing.png")]
    assert items[0].error is None and items[1].error is None
    assert items[2].error and "missing.png" in items[2].error and items[2].size is None


def test_a_path_reached_twice_is_scanned_once(tmp_path):
    p = _touch(tmp_path / "a.png")
    (tmp_path / "m.csv").write_text(f"path\n{p}\n")
    assert len(list(collect([tmp_path, tmp_path / "m.csv", p]))) == 1


@pytest.mark.parametrize("name,text,message", [
    ("m.csv", "file\nx.png\n", "'path' column"),
    ("m.jsonl", '{"file": "x.png"}\n', "'path' key"),
    ("m.jsonl", "not json\n", "not JSON"),
    ("m.csv", "path\nhttps://example.com/x.png\n", "file:// URLs"),
    ("m.csv", "path\nfile://otherhost/x.png\n", "remote host"),
])
def test_bad_manifests_are_refused_with_the_line(tmp_path, name, text, message):
    (tmp_path / name).write_text(text)
    with pytest.raises(ConfigError, match=message):
        list(from_manifest(tmp_path / name))


def test_missing_inputs_are_refused(tmp_path):
    with pytest.raises(ConfigError, match="no such file or directory"):
        list(collect([tmp_path / "nope"]))
    with pytest.raises(ConfigError, match="manifest .* no such file"):
        list(collect([], manifest=tmp_path / "nope.csv"))
