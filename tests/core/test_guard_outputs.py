"""Guard's output actions and audit wiring, with scripted faces and a real SQLite audit log."""

from __future__ import annotations

import sqlite3

import numpy as np
import pytest
import torch

from aplguard import Guard
from aplguard.audit import open_sink, verify_log
from aplguard.errors import AuditError
from aplguard.types import Face, FaceMatch

CALL = dict(num_inference_steps=2, height=64, width=64)


def _prefix(pipe):
    from aplguard import SoftPrompt

    return SoftPrompt.from_pipeline(pipe, {"text_encoder": torch.randn(10, 32, generator=torch.Generator().manual_seed(0))})


class OneFace:
    """Reports one protected face in the top-left quarter of every image."""

    def __init__(self):
        self.calls = 0

    def analyze(self, image):
        self.calls += 1
        face = Face(box=(0.0, 0.0, 32.0, 32.0), score=0.9, detector="scripted")
        return [face], [FaceMatch(face_index=0, identity="alice", score=0.8, threshold=0.4, matcher="scripted")]


@pytest.mark.parametrize("action", ["blur", "block", "flag"])
def test_output_actions(sd_pipe, scripted, action):
    bare = sd_pipe("a cat", generator=torch.Generator().manual_seed(0), **CALL).images[0]
    engine = scripted(output_action=action)
    engine.settings_obj.output_checks = True
    guard = Guard(sd_pipe, policy=engine, faces=OneFace())
    out = guard("a cat", generator=torch.Generator().manual_seed(0), **CALL)
    assert out.output_decisions[0].action == action and len(out.faces[0]) == 1
    if action == "block":
        assert out.images == [None] and out.blocked
    elif action == "flag":
        assert np.array_equal(np.asarray(out.images[0]), np.asarray(bare))
    else:
        got, ref = np.asarray(out.images[0]).astype(int), np.asarray(bare).astype(int)
        assert np.abs(got[:32, :32] - ref[:32, :32]).max() > 0  # the face box (with margin) changed
        assert np.array_equal(got[48:, 48:], ref[48:, 48:])  # far from the box: untouched


def test_regenerate_runs_once_with_prefix_then_blocks(sd_pipe, scripted):
    engine = scripted(output_action="regenerate")
    engine.settings_obj.output_checks = True
    faces = OneFace()
    guard = Guard(sd_pipe, prefix=_prefix(sd_pipe), policy=engine, faces=faces)
    out = guard("a cat", generator=torch.Generator().manual_seed(0), **CALL)
    assert faces.calls == 2  # the original and exactly one regeneration
    assert out.images == [None] and out.output_decisions[0].intended_action == "regenerate"


def test_face_check_failure_follows_on_error(sd_pipe, scripted):
    class Broken:
        def analyze(self, image):
            raise RuntimeError("detector crashed")

    engine = scripted()
    engine.settings_obj.output_checks = True
    engine.settings_obj.on_error = "block"
    out = Guard(sd_pipe, policy=engine, faces=Broken())("a cat", **CALL)
    assert out.images == [None] and "fail-closed" in out.output_decisions[0].errors[0]
    engine.settings_obj.on_error = "allow"
    out = Guard(sd_pipe, policy=engine, faces=Broken())("a cat", **CALL)
    assert out.images[0] is not None and out.output_decisions[0].flagged


def test_audit_record_written_private_and_verifiable(sd_pipe, tmp_path):
    url = f"sqlite:///{tmp_path}/audit.db"
    guard = Guard(sd_pipe, prefix=_prefix(sd_pipe), policy="default", audit=url, faces=_NoFaces())
    out = guard(["a photo of Taylor Swift", "a red car"], tenant="acme", generator=torch.Generator().manual_seed(0),
                **CALL)
    assert len(out.audit_ids) == 1
    assert verify_log(url).ok
    with open_sink(url) as sink:
        records = list(sink.query())
    rec = records[-1].record if hasattr(records[-1], "record") else records[-1]
    assert rec.tenant == "acme" and [p.decision for p in rec.prompts] == ["anonymize", "allow"]
    assert rec.prompts[0].prompt.mode == "hash" and rec.prefix_id
    assert len(rec.outputs) == 2 and rec.latency_ms["total"] > 0
    raw = b"".join(bytes(str(row), "utf-8") for row in sqlite3.connect(f"{tmp_path}/audit.db").execute(
        "SELECT * FROM sqlite_master"))
    dump = "\n".join(sqlite3.connect(f"{tmp_path}/audit.db").iterdump())
    assert "Taylor" not in dump and raw


class _NoFaces:
    def analyze(self, image):
        return [], []


class FailingSink:
    def append(self, record):
        raise AuditError("disk full")


def test_audit_required_blocks_unaudited_images(sd_pipe, scripted):
    engine = scripted()
    engine.settings_obj.audit_required = True
    out = Guard(sd_pipe, policy=engine, audit=FailingSink())("a cat", **CALL)
    assert out.images == [None] and out.audit_ids == []
    engine.settings_obj.audit_required = False
    out = Guard(sd_pipe, policy=engine, audit=FailingSink())("a cat", **CALL)
    assert out.images[0] is not None


def test_numpy_outputs_are_checked_blurred_and_audited(sd_pipe, scripted, tmp_path):
    engine = scripted(output_action="blur")
    engine.settings_obj.output_checks = True
    url = f"sqlite:///{tmp_path}/np.db"
    out = Guard(sd_pipe, policy=engine, faces=OneFace(), audit=url)(
        "a cat", generator=torch.Generator().manual_seed(0), output_type="np", **CALL)
    image = out.images[0]
    assert isinstance(image, np.ndarray) and image.dtype == np.float32 and image.shape == (64, 64, 3)
    assert out.output_decisions[0].action == "blur" and len(out.audit_ids) == 1
    with open_sink(url) as sink:
        rec = list(sink.query())[-1]
    rec = rec.record if hasattr(rec, "record") else rec
    assert rec.outputs[0].faces == 1


def test_prompt_hash_uses_the_sinks_key(sd_pipe, scripted, tmp_path, monkeypatch):
    monkeypatch.delenv("APLGUARD_AUDIT_HMAC_KEY", raising=False)
    url = f"sqlite:///{tmp_path}/keyed.db"
    Guard(sd_pipe, policy=scripted(), audit=url, audit_hmac_key="secret")("a cat", **CALL)
    with open_sink(url, hmac_key="secret") as sink:
        rec = list(sink.query())[-1]
    rec = rec.record if hasattr(rec, "record") else rec
    assert rec.prompts[0].prompt.alg == "hmac-sha256"
