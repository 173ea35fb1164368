"""The compliance audit log: tamper-evident, private by default, queryable.

    from aplguard.audit import AuditRecord, PromptRecord, OutputRecord, open_sink, verify_log
    with open_sink("sqlite:///audit.db") as sink:
        sink.append(AuditRecord(tenant="acme", prompts=[...], outputs=[...]))
    assert verify_log("sqlite:///audit.db").ok

See docs/audit.md for the record schema, the sinks and the threat model.
"""

from __future__ import annotations

from .chain import Entry
from .record_builder import build_record
from .records import (
    HMAC_KEY_ENV,
    SCHEMA_VERSION,
    AuditRecord,
    FindingRecord,
    MatchRecord,
    OutputRecord,
    PolicyRef,
    PromptRecord,
    StoredPrompt,
    image_sha256,
    make_thumbnail,
    output_record,
    prompt_record,
    redact,
    store_prompt,
)
from .sink import AuditSink, PruneResult, RecordFilter, open_sink, parse_time
from .verify import VerifyResult, verify_log

__all__ = [
    "build_record",
    "AuditRecord", "PromptRecord", "OutputRecord", "FindingRecord", "MatchRecord", "PolicyRef", "StoredPrompt",
    "store_prompt", "redact", "prompt_record", "output_record", "image_sha256", "make_thumbnail",
    "AuditSink", "open_sink", "RecordFilter", "PruneResult", "parse_time", "Entry",
    "verify_log", "VerifyResult", "HMAC_KEY_ENV", "SCHEMA_VERSION",
]
