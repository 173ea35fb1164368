"""A real interruption: SIGKILL the ``aplguard rescan`` process mid-run, rerun, compare with an uninterrupted run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import numpy as np
import pytest
from PIL import Image


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_killed_rescan_resumes_to_the_same_lines(rescan_gallery, make_rescan_images, tmp_path):
    folder = tmp_path / "images"
    make_rescan_images(folder)
    rng = np.random.default_rng(1)
    for i in range(60):  # enough work that the kill lands mid-run
        Image.fromarray((rng.random((384, 384, 3)) * 255).astype(np.uint8)).save(folder / f"more_{i:02d}.png")
    cmd = [sys.executable, "-m", "aplguard.cli", "rescan", str(folder), "--gallery", rescan_gallery,
           "--workers", "0"]
    reference = tmp_path / "ref.jsonl"
    subprocess.run([*cmd, "--out", str(reference)], check=True, capture_output=True, timeout=300)

    out = tmp_path / "r.jsonl"
    proc = subprocess.Popen([*cmd, "--out", str(out)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            if out.exists() and out.read_bytes().count(b"\n") >= 5:
                break
            time.sleep(0.01)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    written = out.read_bytes().count(b"\n")
    assert 5 <= written < len(reference.read_text().splitlines()), "the kill did not land mid-run"

    subprocess.run([*cmd, "--out", str(out)], check=True, capture_output=True, timeout=300)
    assert sorted(out.read_text().splitlines()) == sorted(reference.read_text().splitlines())
