"""The local engine on real photos: matches, no-face images, per-item errors, resume, audit hashes, CLI."""

from __future__ import annotations

import json

import pytest
from PIL import Image

from aplguard.audit import AuditRecord, image_sha256, open_sink, output_record
from aplguard.cli import main
from aplguard.rescan import ScanSettings, audit_hashes, collect, rescan
from aplguard.rescan.local import LocalEngine


def _lines(path):
    return [json.loads(line) for line in path.read_text().splitlines()]


@pytest.fixture(scope="module")
def images(tmp_path_factory, make_rescan_images):
    folder = tmp_path_factory.mktemp("rescan-images")
    return folder, make_rescan_images(folder)


def _check(results, expect):
    by_name = {r["path"].rsplit("/", 1)[-1]: r for r in results}
    assert set(by_name) == set(expect)
    for name, kind in expect.items():
        r = by_name[name]
        assert set(r) >= {"path", "sha256", "faces", "matches", "error"}
        if kind == "error":
            assert r["error"] and name in r["error"] and r["sha256"] is None, r
        elif kind == "match":
            assert r["error"] is None and r["faces"] >= 1
            assert [m["identity"] for m in r["matches"]] == ["Eileen Collins"] and r["matches"][0]["score"] > 0.5
        else:
            assert r["error"] is None and r["matches"] == [] and len(r["sha256"]) == 64, r
    assert "side over the cap" in by_name["oversized.png"]["error"]


def test_in_process_scan_reports_matches_and_per_item_errors(rescan_gallery, images, tmp_path):
    folder, expect = images
    out = tmp_path / "r.jsonl"
    summary = rescan(collect([folder]), ScanSettings(rescan_gallery), out, LocalEngine(0))
    _check(_lines(out), expect)
    assert summary.scanned == len(expect) and summary.errors == 2 and summary.matched == 2
    assert summary.identities == {"Eileen Collins": 2}


def test_missing_manifest_path_is_an_item_error(rescan_gallery, images, tmp_path):
    folder, _ = images
    manifest = tmp_path / "m.jsonl"
    manifest.write_text("\n".join(json.dumps({"path": p}) for p in
                                  (f"file://{folder}/astronaut.png", str(tmp_path / "gone.png"))) + "\n")
    out = tmp_path / "r.jsonl"
    rescan(collect([], manifest=manifest), ScanSettings(rescan_gallery), out, LocalEngine(0))
    first, missing = _lines(out)
    assert first["matches"][0]["identity"] == "Eileen Collins"
    assert missing["error"] and "gone.png" in missing["error"] and missing["faces"] == 0


def test_pool_resumes_after_interruption_and_matches_in_process_results(rescan_gallery, images, tmp_path):
    folder, expect = images
    settings = ScanSettings(rescan_gallery)
    reference = tmp_path / "ref.jsonl"
    rescan(collect([folder]), settings, reference, LocalEngine(0))
    # An interrupted run: three results and a torn fourth line.
    out = tmp_path / "r.jsonl"
    ref_lines = reference.read_text().splitlines(keepends=True)
    out.write_text("".join(ref_lines[:3]) + ref_lines[3][:25])
    summary = rescan(collect([folder]), settings, out, LocalEngine(2, window=2))
    assert summary.dropped_torn_line and summary.skipped == 3 and summary.scanned == len(expect) - 3
    assert sorted(out.read_text().splitlines()) == sorted(line.rstrip("\n") for line in ref_lines)
    again = rescan(collect([folder]), settings, out, LocalEngine(2))
    assert again.scanned == 0 and again.skipped == len(expect)


def test_audit_log_hashes_are_reported_per_image(rescan_gallery, images, tmp_path):
    folder, _ = images
    url = f"sqlite:///{tmp_path / 'audit.db'}"
    astronaut = Image.open(folder / "astronaut.png").convert("RGB")
    with open_sink(url) as sink:
        rec = AuditRecord(outputs=[output_record(0, 0, astronaut)])
        sink.append(rec)
        sink.append(AuditRecord(outputs=[output_record(0, 0, "0" * 64)]))
    hashes = audit_hashes(url)
    assert hashes[image_sha256(astronaut)] == [rec.id]
    out = tmp_path / "r.jsonl"
    summary = rescan(collect([folder / "astronaut.png", folder / "coffee.png"]), ScanSettings(rescan_gallery), out,
                     LocalEngine(0), audit=hashes)
    png, coffee = _lines(out)
    assert png["audit_records"] == [rec.id] and coffee["audit_records"] == [] and summary.in_audit == 1


def test_cli_rescan_writes_lines_and_a_summary(rescan_gallery, images, tmp_path, capsys):
    folder, expect = images
    out = tmp_path / "r.jsonl"
    assert main(["rescan", str(folder), "--gallery", rescan_gallery, "--out", str(out), "--workers", "0"]) == 0
    summary = json.loads(capsys.readouterr().err.strip().splitlines()[-1])
    assert summary["scanned"] == len(expect) and summary["errors"] == 2 and summary["engine"] == "local"
    _check(_lines(out), expect)
    assert main(["rescan", str(tmp_path / "nope"), "--gallery", rescan_gallery, "--out", str(out)]) == 2
    assert "no such file or directory" in capsys.readouterr().err
