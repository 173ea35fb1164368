"""Gallery: enrolment quality checks, atomic storage, search, FaceAuditor and blur_faces."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from aplguard.errors import ConfigError, GalleryError
from aplguard.faces import FaceAuditor, Gallery, blur_faces
from aplguard.faces.auditor import expand_box
from aplguard.faces.gallery import FILENAME
from aplguard.types import Face


@pytest.fixture
def astro_variants(astronaut):
    img = Image.fromarray(astronaut)
    return [astronaut, np.asarray(img.transpose(Image.FLIP_LEFT_RIGHT)), np.asarray(img.crop((40, 0, 472, 430)))]


def test_add_search_list_remove_reopen(tmp_path, detector, sface, astronaut, cameraman, astro_variants):
    g = Gallery.create(tmp_path / "g")
    report = g.add("astronaut", astro_variants[:2], detector, sface)
    assert len(report.accepted) == 2 and report.rejected == []
    assert g.add("cameraman", [cameraman], detector, sface).ok
    assert g.list() == [{"identity": "astronaut", "references": 2}, {"identity": "cameraman", "references": 1}]

    reopened = Gallery.open(tmp_path / "g")
    assert reopened.matcher_id == "sface" and reopened.list() == g.list()
    from aplguard.faces import primary_face

    probe = astro_variants[2]
    emb = sface.embed(probe, primary_face(detector.detect(probe)))
    (best, score), (second, score2) = reopened.search(emb, k=2)
    assert best == "astronaut" and score >= sface.threshold > score2 and second == "cameraman"

    reopened.remove("astronaut")
    assert [r["identity"] for r in Gallery.open(tmp_path / "g").list()] == ["cameraman"]
    with pytest.raises(GalleryError, match="no identity"):
        reopened.remove("astronaut")


def test_bad_reference_photos_are_rejected_and_the_batch_goes_on(tmp_path, detector, sface, astronaut,
                                                                   no_face_images):
    two_faces = np.concatenate([astronaut, astronaut[:, ::-1]], axis=1)
    tiny = np.asarray(Image.fromarray(astronaut).resize((96, 96)))  # face ~20 px
    empty = tmp_path / "empty.jpg"
    empty.write_bytes(b"")
    g = Gallery.create(tmp_path / "g")
    report = g.add("astronaut", [no_face_images["coffee"], two_faces, tiny, empty, b"garbage", astronaut],
                   detector, sface)
    assert len(report.accepted) == 1
    reasons = [reason for _, reason in report.rejected]
    assert len(reasons) == 5
    assert "no face" in reasons[0] and "2 faces" in reasons[1] and "minimum" in reasons[2]
    assert "0 bytes" in reasons[3] and "not an image" in reasons[4]
    assert str(empty) in report.to_dict()["rejected"][3]["source"]
    assert Gallery.open(tmp_path / "g").list() == [{"identity": "astronaut", "references": 1}]


def test_strict_mode_and_all_rejected_change_nothing(tmp_path, detector, sface, astronaut, no_face_images):
    g = Gallery.create(tmp_path / "g")
    g.add("astronaut", [astronaut], detector, sface)
    before = (tmp_path / "g" / FILENAME).read_bytes()
    report = g.add("other", [astronaut, no_face_images["chelsea"]], detector, sface, strict=True)
    assert report.accepted == [] and len(report.rejected) == 1
    report = g.add("other", [no_face_images["coffee"]], detector, sface)
    assert not report.ok
    assert (tmp_path / "g" / FILENAME).read_bytes() == before
    assert "other" not in g


def test_a_failed_write_leaves_file_and_memory_unchanged(tmp_path, detector, sface, astronaut, cameraman,
                                                         monkeypatch):
    g = Gallery.create(tmp_path / "g")
    g.add("astronaut", [astronaut], detector, sface)
    before = (tmp_path / "g" / FILENAME).read_bytes()

    def disk_full(*args, **kwargs):
        raise OSError("No space left on device")
    monkeypatch.setattr("safetensors.numpy.save_file", disk_full)
    with pytest.raises(GalleryError, match="No space left"):
        g.add("cameraman", [cameraman], detector, sface)
    assert (tmp_path / "g" / FILENAME).read_bytes() == before
    assert g.list() == [{"identity": "astronaut", "references": 1}]
    left = sorted(p.name for p in (tmp_path / "g").iterdir() if p.name != ".lock")
    assert left == ["gallery.safetensors", "identity_keys.json"] and FILENAME in left  # no temp file left


def test_open_errors(tmp_path):
    with pytest.raises(GalleryError, match="no gallery"):
        Gallery.open(tmp_path)
    (tmp_path / FILENAME).write_bytes(b"not safetensors")
    with pytest.raises(GalleryError, match="unreadable"):
        Gallery.open(tmp_path)
    with pytest.raises(GalleryError, match="already exists"):
        Gallery.create(tmp_path)
    (tmp_path / "file").write_text("x")
    with pytest.raises(GalleryError, match="cannot create"):
        Gallery.create(tmp_path / "file" / "g")


def test_matcher_mismatch_and_bad_names(tmp_path, detector, sface, astronaut):
    g = Gallery.create(tmp_path / "g")
    g.add("astronaut", [astronaut], detector, sface)

    class Other:
        id, threshold = "other", 0.5

        def embed(self, image, face):
            return np.ones(4, np.float32) / 2
    with pytest.raises(GalleryError, match="sface"):
        g.add("x", [astronaut], detector, Other())
    with pytest.raises(GalleryError, match="non-empty"):
        g.add("  ", [astronaut], detector, sface)
    with pytest.raises(GalleryError, match="dimensions"):
        g.search(np.ones(4, np.float32))
    with pytest.raises(GalleryError):
        FaceAuditor(detector, Other(), g)


@settings(max_examples=30, deadline=None)
@given(refs=st.lists(st.integers(1, 4), min_size=1, max_size=30), k=st.integers(1, 6), seed=st.integers(0, 10_000))
def test_search_equals_brute_force(tmp_path_factory, refs, k, seed):
    rng = np.random.default_rng(seed)
    emb = rng.standard_normal((sum(refs), 8)).astype(np.float32)
    emb /= np.linalg.norm(emb, axis=1, keepdims=True)
    identities = {f"id{i}": [{}] * n for i, n in enumerate(refs)}
    g = Gallery(tmp_path_factory.getbasetemp(), "m", identities, emb)
    q = rng.standard_normal(8).astype(np.float32)
    q /= np.linalg.norm(q)
    owner = np.repeat(np.arange(len(refs)), refs)
    best = {}
    for row, s in enumerate(emb @ q):
        best[owner[row]] = max(best.get(owner[row], -2.0), float(s))
    expected = sorted(best.items(), key=lambda kv: -kv[1])[:k]
    got = g.search(q, k=k)
    # float32 sums in another order: equal within rounding, not to the 5th decimal
    assert np.allclose([s for _, s in got], [s for _, s in expected], atol=1e-5)
    assert {name for name, _ in got} <= set(identities)


def test_empty_gallery_search_returns_nothing(tmp_path):
    assert Gallery.create(tmp_path).search(np.ones(3, np.float32)) == []


def test_auditor_reports_faces_and_matches(tmp_path, detector, sface, astronaut, cameraman, no_face_images):
    g = Gallery.create(tmp_path / "g")
    g.add("astronaut", [astronaut], detector, sface)
    auditor = FaceAuditor(detector, sface, g)
    faces, matches = auditor.analyze(astronaut[:, ::-1])
    assert len(faces) == 1 and len(matches) == 1
    m = matches[0]
    assert (m.face_index, m.identity, m.matcher, m.threshold) == (0, "astronaut", "sface", sface.threshold)
    assert m.score >= m.threshold
    assert auditor.analyze(cameraman)[1] == []
    assert auditor.analyze(no_face_images["coffee"]) == ([], [])
    faces_only = FaceAuditor(detector)
    assert faces_only.analyze(astronaut)[1] == [] and len(faces_only.analyze(astronaut)[0]) == 1
    with pytest.raises(ConfigError):
        FaceAuditor(detector, gallery=g)


def test_blur_changes_exactly_the_expanded_boxes(astronaut):
    faces = [Face((100, 120, 60, 50), 0.9), Face((400, 400, 200, 200), 0.8)]  # second runs off the image
    out = np.asarray(blur_faces(astronaut, faces, margin=0.2))
    assert out.shape == astronaut.shape
    mask = np.zeros(astronaut.shape[:2], bool)
    for f in faces:
        x0, y0, x1, y1 = expand_box(f.box, 0.2, 512, 512)
        mask[y0:y1, x0:x1] = True
        assert (x0, y0) == (max(0, int(f.box[0] - 0.2 * f.box[2])), max(0, int(f.box[1] - 0.2 * f.box[3])))
    assert np.array_equal(out[~mask], astronaut[~mask])
    assert np.mean(out[mask] != astronaut[mask]) > 0.5
    with pytest.raises(ConfigError):
        blur_faces(astronaut, faces, margin=-1)


def test_blurred_face_no_longer_matches(tmp_path, detector, sface, astronaut):
    g = Gallery.create(tmp_path / "g")
    g.add("astronaut", [astronaut], detector, sface)
    auditor = FaceAuditor(detector, sface, g)
    faces, _ = auditor.analyze(astronaut)
    blurred = blur_faces(astronaut, faces)
    assert auditor.analyze(blurred)[1] == []


def test_hnsw_index_agrees_with_exact_search(tmp_path):
    pytest.importorskip("faiss", reason="faiss-cpu is not installed (optional)")
    rng = np.random.default_rng(3)
    emb = rng.standard_normal((2000, 32)).astype(np.float32)
    emb /= np.linalg.norm(emb, axis=1, keepdims=True)
    identities = {f"id{i}": [{}, {}] for i in range(1000)}  # two references each
    exact = Gallery(tmp_path, "m", identities, emb)
    hnsw = Gallery(tmp_path, "m", identities, emb, index="hnsw")
    queries = emb[::50] + 0.05 * rng.standard_normal((40, 32)).astype(np.float32)
    agree = []
    for q in queries / np.linalg.norm(queries, axis=1, keepdims=True):
        a, b = exact.search(q, k=3), hnsw.search(q, k=3)
        agree.append([n for n, _ in a] == [n for n, _ in b] and np.allclose([s for _, s in a], [s for _, s in b]))
    assert np.mean(agree) >= 0.95


def test_unknown_index_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="hnsw"):
        Gallery.create(tmp_path, index="annoy")


def test_auditor_create_from_settings(tmp_path, model_store, detector, sface, astronaut):
    g = Gallery.create(tmp_path / "g")
    g.add("astronaut", [astronaut], detector, sface)
    auditor = FaceAuditor.create(gallery=tmp_path / "g", home=model_store.home)
    assert auditor.matcher.id == "sface" and len(auditor.gallery) == 1
    assert [m.identity for m in auditor.analyze(astronaut)[1]] == ["astronaut"]
    detect_only = FaceAuditor.create(home=model_store.home)
    assert detect_only.matcher is None and detect_only.gallery is None
    auditor.detector.close()
    detect_only.detector.close()


def test_two_handles_do_not_lose_each_others_changes(tmp_path, detector, sface, astronaut, cameraman):
    Gallery.create(tmp_path / "g")
    first, second = Gallery.open(tmp_path / "g"), Gallery.open(tmp_path / "g")
    first.add("astronaut", [astronaut], detector, sface)
    second.add("cameraman", [cameraman], detector, sface)  # second's view predates the first add
    assert [r["identity"] for r in Gallery.open(tmp_path / "g").list()] == ["astronaut", "cameraman"]
    first.remove("cameraman")
    assert [r["identity"] for r in Gallery.open(tmp_path / "g").list()] == ["astronaut"]
