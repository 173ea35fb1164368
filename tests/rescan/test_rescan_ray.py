"""The Ray engine on a local Ray instance (2 CPUs): the same lines as the local engine, resumable."""

from __future__ import annotations

import json

import pytest

from aplguard.rescan import ScanSettings, collect, rescan
from aplguard.rescan.local import LocalEngine

pytestmark = pytest.mark.slow


def test_engine_starts_and_shuts_down_its_own_local_instance(rescan_gallery, make_rescan_images, tmp_path):
    ray = pytest.importorskip("ray", reason="pip install 'aplguard[ray]'")
    pytest.importorskip("ray.data", reason="pip install 'aplguard[ray]'")
    from aplguard.rescan.ray_engine import RayEngine

    assert not ray.is_initialized()
    folder = tmp_path / "images"
    make_rescan_images(folder, count_noface=0)
    out = tmp_path / "r.jsonl"
    summary = rescan(collect([folder / "astronaut.png", folder / "corrupt.png"]), ScanSettings(rescan_gallery), out,
                     RayEngine(workers=1, num_cpus=2))
    assert not ray.is_initialized()
    assert summary.scanned == 2 and summary.matched == 1 and summary.errors == 1


@pytest.fixture(scope="module")
def ray_local():
    ray = pytest.importorskip("ray", reason="pip install 'aplguard[ray]'")
    pytest.importorskip("ray.data", reason="pip install 'aplguard[ray]'")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        yield ray
    finally:
        ray.shutdown()


def test_ray_engine_matches_the_local_engine_and_resumes(ray_local, rescan_gallery, make_rescan_images, tmp_path):
    from aplguard.rescan.ray_engine import RayEngine

    folder = tmp_path / "images"
    expect = make_rescan_images(folder)
    settings = ScanSettings(rescan_gallery)
    local_out, ray_out = tmp_path / "local.jsonl", tmp_path / "ray.jsonl"
    rescan(collect([folder]), settings, local_out, LocalEngine(0))
    # Interrupted after two results: the rerun scans only the rest.
    ray_out.write_text("".join(local_out.read_text().splitlines(keepends=True)[:2]))
    summary = rescan(collect([folder]), settings, ray_out, RayEngine(workers=2, batch_size=2, window=5))
    assert summary.skipped == 2 and summary.scanned == len(expect) - 2 and summary.errors == 2
    assert ray_local.is_initialized()  # an engine leaves a Ray instance it did not start running
    assert sorted(ray_out.read_text().splitlines()) == sorted(local_out.read_text().splitlines())
    matched = [json.loads(line) for line in ray_out.read_text().splitlines() if '"Eileen Collins"' in line]
    assert sorted(r["path"].rsplit("/", 1)[-1] for r in matched) == ["astronaut.jpg", "astronaut.png"]
