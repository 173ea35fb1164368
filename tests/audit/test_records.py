"""Record schema, prompt storage modes and the privacy rules of the audit record."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from datetime import datetime, timezone

import pytest
from audit_helpers import KEY, make_record

from aplguard.audit import (
    SCHEMA_VERSION,
    AuditRecord,
    FindingRecord,
    OutputRecord,
    PromptRecord,
    image_sha256,
    make_thumbnail,
    prompt_record,
    redact,
    store_prompt,
)
from aplguard.errors import AuditError, ConfigError
from aplguard.types import Decision, Finding

PROMPT = "a photo of Taylor Swift at the beach"
SWIFT = Finding(kind="public_figure", score=0.95, start=11, end=23, text="Taylor Swift", detector="names",
                canonical="Taylor Swift")


def test_defaults_id_timestamp_version():
    a, b = AuditRecord(), AuditRecord()
    assert a.id != b.id and len(a.id) == 32
    assert a.timestamp.tzinfo is not None and a.timestamp.utcoffset().total_seconds() == 0
    assert a.schema_version == SCHEMA_VERSION == 1
    assert a.timestamp_str.endswith("Z") and len(a.timestamp_str) == 27


def test_timestamp_is_converted_to_utc_and_naive_rejected():
    from datetime import timedelta
    t = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone(timedelta(hours=2)))
    assert AuditRecord(timestamp=t).timestamp_str == "2026-01-02T01:04:05.000000Z"
    with pytest.raises(AuditError, match="timezone-aware"):
        AuditRecord(timestamp=datetime(2026, 1, 2))


def test_invalid_record_is_a_clear_audit_error():
    with pytest.raises(AuditError, match=r"prompts\.0\.decision"):
        AuditRecord(prompts=[{"index": 0, "decision": "maybe", "rule": "r", "prompt": {"mode": "plain", "text": "x",
                                                                                     "length": 1}}])
    with pytest.raises(AuditError, match="image_sha256"):
        OutputRecord(index=0, prompt_index=0, image_sha256="not-a-hash")
    with pytest.raises(AuditError, match="embedding"):  # unknown keys (e.g. embeddings) are refused
        AuditRecord.model_validate({"embedding": [0.1, 0.2]})


def test_finding_record_drops_text_and_unprotected_canonical_names():
    rec = FindingRecord.from_finding(SWIFT)
    assert rec.canonical is None  # a public figure not on the protected list: no name in the log
    assert "Taylor" not in rec.model_dump_json()
    kept = FindingRecord.from_finding(SWIFT, protected_names=["taylor swift"])
    assert kept.canonical == "Taylor Swift"
    protected = FindingRecord.from_finding({**SWIFT.to_dict(), "kind": "protected"})
    assert protected.canonical == "Taylor Swift"
    # Finding objects given to PromptRecord are converted the same way (text dropped).
    pr = PromptRecord(index=0, decision="anonymize", rule="r", findings=[SWIFT],
                      prompt=store_prompt(PROMPT, "hash", key=KEY))
    assert "Taylor" not in pr.model_dump_json()


def test_store_prompt_hash_is_keyed_hmac():
    stored = store_prompt(PROMPT, "hash", key=KEY)
    sub = hmac.digest(KEY.encode(), b"aplguard-audit-prompt-hash-v1", "sha256")
    assert stored["alg"] == "hmac-sha256"
    assert stored["digest"] == hmac.digest(sub, PROMPT.encode(), "sha256").hex()
    assert stored["digest"] != hashlib.sha256(PROMPT.encode()).hexdigest()  # not guessable without the key
    assert store_prompt(PROMPT, "hash", key=KEY) == stored  # the key holder can correlate equal prompts
    assert "Taylor" not in json.dumps(stored)


def test_store_prompt_hash_from_env_key_and_salted_fallback(monkeypatch):
    monkeypatch.setenv("APLGUARD_AUDIT_HMAC_KEY", KEY)
    assert store_prompt(PROMPT, "hash") == store_prompt(PROMPT, "hash", key=KEY)
    monkeypatch.delenv("APLGUARD_AUDIT_HMAC_KEY")
    a, b = store_prompt(PROMPT, "hash"), store_prompt(PROMPT, "hash")
    assert a["alg"] == "sha256-salted" and a["salt"] != b["salt"] and a["digest"] != b["digest"]
    assert a["digest"] == hashlib.sha256(bytes.fromhex(a["salt"]) + PROMPT.encode()).hexdigest()


def test_store_prompt_redacted_and_plain():
    red = store_prompt(PROMPT, "redacted", [SWIFT])
    assert red == {"mode": "redacted", "text": "a photo of [PUBLIC_FIGURE] at the beach", "length": len(PROMPT)}
    # protected names are masked even where no detector found them
    text = "jane doe and JANE DOE"
    assert store_prompt(text, "redacted", [], protected_names=["Jane Doe"])["text"] == "[PROTECTED] and [PROTECTED]"
    assert store_prompt(PROMPT, "plain")["text"] == PROMPT
    with pytest.raises(ConfigError, match="hash, redacted or plain"):
        store_prompt(PROMPT, "secret")


def test_redact_overlapping_spans_and_bad_span():
    f1 = {"kind": "likeness", "start": 0, "end": 9, "score": 1, "detector": "d"}
    f2 = {"kind": "protected", "start": 5, "end": 14, "score": 1, "detector": "d"}
    assert redact("0123456789abcdef", [f1, f2]) == "[LIKENESS]ef"
    with pytest.raises(AuditError, match="outside the prompt"):
        redact("short", [{"kind": "x", "start": 2, "end": 50}])


def test_prompt_record_from_decision():
    d = Decision(action="anonymize", rule="protect", flagged=True, findings=(SWIFT,))
    pr = prompt_record(0, PROMPT, d, "redacted", protected_names=["Taylor Swift"], key=KEY)
    assert pr.decision == "anonymize" and pr.flagged and pr.identity_seeking
    assert pr.findings[0].canonical == "Taylor Swift"
    assert pr.prompt.text == "a photo of [PUBLIC_FIGURE] at the beach"


def test_hash_mode_cannot_carry_text():
    with pytest.raises(AuditError, match="hash mode"):
        PromptRecord(index=0, decision="allow", rule="r", prompt={"mode": "hash", "digest": "ab", "text": "leak",
                                                                  "length": 4})


def test_image_sha256_and_thumbnail():
    from PIL import Image
    img = Image.new("RGB", (32, 16), (200, 10, 10))
    other = Image.new("RGB", (32, 16), (200, 10, 11))
    assert len(image_sha256(img)) == 64 and image_sha256(img) != image_sha256(other)
    thumb = make_thumbnail(img, size=8)
    assert base64.b64decode(thumb)[:2] == b"\xff\xd8"  # JPEG
    assert OutputRecord(index=0, prompt_index=0, image_sha256=image_sha256(img), thumbnail_b64=thumb).faces == 0


def test_record_round_trips_through_json():
    rec = make_record(3, match=("p1", 0.5))
    back = AuditRecord.model_validate_json(rec.model_dump_json())
    assert back == rec


def test_output_record_from_guard_objects():
    from PIL import Image

    from aplguard.audit import output_record
    from aplguard.types import Face, FaceMatch, OutputDecision

    img = Image.new("RGB", (64, 64), (1, 2, 3))
    faces = [Face(box=(1, 2, 10, 10), score=0.9), Face(box=(30, 30, 10, 10), score=0.8)]
    match = FaceMatch(face_index=1, identity="id-17", score=0.44, threshold=0.36, matcher="sface")
    rec = output_record(0, 0, img, faces, [match], OutputDecision(action="blur", rule="blur-protected"))
    assert rec.faces == 2 and rec.action == "blur" and rec.rule == "blur-protected"
    assert [m.model_dump() for m in rec.matches] == [{"identity": "id-17", "score": 0.44}]
    assert rec.image_sha256 == image_sha256(img) and rec.thumbnail_b64 is None
    assert output_record(1, 0, img, thumbnails=True).thumbnail_b64
