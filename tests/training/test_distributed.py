"""Data-parallel training through accelerate: 2 CPU processes (gloo) started with torchrun."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
import warnings
from pathlib import Path

import pytest

SCRIPT = textwrap.dedent('''
    import json, os, sys
    import torch
    torch.set_num_threads(1)
    from aplguard.testing import tiny_sd_pipeline
    from aplguard.training import Item, TrainConfig, TrainingSet, fit
    pipe = tiny_sd_pipeline(seed=0)
    g = torch.Generator().manual_seed(0)
    items = [Item("identity" if i % 2 else "general", f"a photo of p{i}", f"a photo of a man {i % 2}", None, i)
             for i in range(8)]
    data = TrainingSet(torch.randn(8, 4, 8, 8, generator=g), items)
    r = fit(pipe, data, TrainConfig(n_vectors=3, steps=3, batch_size=2, lr=1e-2), distributed=sys.argv[2] == "1")
    out = {"losses": r.losses, "prefix": r.prefix.vectors["text_encoder"].tolist()}
    with open(os.path.join(sys.argv[1], f"rank{os.environ.get('RANK', 'single')}.json"), "w") as fh:
        json.dump(out, fh)
''')


@pytest.mark.slow
def test_two_process_data_parallel_keeps_ranks_in_sync(tmp_path):
    pytest.importorskip("accelerate")
    torchrun = shutil.which("torchrun") or os.path.join(os.path.dirname(sys.executable), "torchrun")
    if not os.path.exists(torchrun):
        pytest.skip("torchrun not found")
    script = tmp_path / "run.py"
    script.write_text(SCRIPT, encoding="utf-8")
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    subprocess.run([sys.executable, str(script), str(tmp_path), "0"], check=True, env=env, timeout=300)
    # --standalone: a free rendezvous port per run (a fixed port can be taken on a shared CI box);
    # per-rank logs, so a failing rank's own error is in the message rather than the launcher's.
    logs = tmp_path / "logs"
    cmd = [torchrun, "--standalone", "--nproc_per_node", "2", "--log-dir", str(logs), "--redirects", "3",
           str(script), str(tmp_path), "1"]
    proc = subprocess.run(cmd, env=env, timeout=300, capture_output=True, text=True)
    if proc.returncode != 0:
        # One rank aborted (SIGABRT in gloo) once in a loaded CI run and never again in 20+ runs; retry
        # once so that flake does not block, but keep its per-rank logs visible as a warning.
        first = _rank_logs(logs) or proc.stderr[-2000:]
        warnings.warn(f"torchrun failed once (rc {proc.returncode}); retrying. Rank logs:\n{first}", stacklevel=1)
        shutil.rmtree(logs, ignore_errors=True)
        proc = subprocess.run(cmd, env=env, timeout=300, capture_output=True, text=True)
    assert proc.returncode == 0, _rank_logs(logs) or proc.stderr[-2000:]
    r0, r1, single = (json.loads((tmp_path / f"rank{k}.json").read_text()) for k in ("0", "1", "single"))
    assert r0["prefix"] == r1["prefix"]  # gradients were averaged: both ranks hold the same prefix
    assert r0["losses"] == r1["losses"]  # the logged loss is the mean over ranks
    assert r0["losses"] != single["losses"]  # ... of different samples than one process draws


def _rank_logs(logs: Path) -> str:
    """The tail of every rank's stdout/stderr that torchrun wrote under ``logs``."""
    parts = [f"--- {f.relative_to(logs)}\n{f.read_text(errors='replace')[-1500:]}"
             for f in sorted(logs.rglob("*.log")) if f.stat().st_size]
    return "\n".join(parts)
