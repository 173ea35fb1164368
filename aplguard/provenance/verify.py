"""Read content credentials back from images, validate them, cross-check the audit log.

Validation is c2pa-rs's (claim signature, certificate profile, the hashes of
every assertion, the hard binding over the file bytes) plus aplguard's own
checks: the manifest declares ``c2pa.created`` by ``trainedAlgorithmicMedia``,
carries the ``org.aplguard.decision`` assertion, and -- for lossless PNG -- the
decoded pixels hash to the assertion's ``image_sha256``. With an audit log,
the record named in the assertion must exist and its output entry must hold the
same pixel hash, output action, policy and prefix.

Trust is separate from integrity: without trust anchors (``trust_anchors_pem``)
a valid signature only proves the file is unchanged since *someone* signed it.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .._deps import require
from ..errors import AplGuardError, AuditError
from ..small_files import read_small_file
from .content_credentials import ASSERTION_LABEL, TRAINED_ALGORITHMIC_MEDIA

MAX_IMAGE_BYTES = 256 * 1024 * 1024  # refuse to read more than this from one file
_UNTRUSTED = "signingCredential.untrusted"


@dataclass
class ImageVerification:
    """The result of verifying one image; ``ok`` is the verdict.

    Attributes:
        source: the file name (or ``<bytes>``).
        ok: no check failed (integrity, aplguard assertion, pixels, audit when given,
            trust when anchors were given).
        state: c2pa-rs's validation state (``Trusted``, ``Valid``, ``Invalid``) or None without a manifest.
        trusted: the signer chains to a given trust anchor (None: no anchors given).
        signer: the signing certificate's common name, issuer and algorithm.
        assertion: the ``org.aplguard.decision`` data, or None.
        pixels_match: PNG: decoded pixels hash to the assertion's image_sha256; None for lossy formats.
        audit: the audit cross-check (record found, leaf index, fields compared), or None.
        failures: what failed, one line each (c2pa status codes included).
        notes: what was not checked, one line each.
    """

    source: str
    ok: bool = False
    state: str | None = None
    trusted: bool | None = None
    signer: dict[str, Any] = field(default_factory=dict)
    assertion: dict[str, Any] | None = None
    pixels_match: bool | None = None
    audit: dict[str, Any] | None = None
    failures: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "ok": self.ok, "state": self.state, "trusted": self.trusted,
                "signer": self.signer, "assertion": self.assertion, "pixels_match": self.pixels_match,
                "audit": self.audit, "failures": list(self.failures), "notes": list(self.notes)}

    def summary(self) -> str:
        """One line: verdict, file, state, trust, record id."""
        a = self.assertion or {}
        rid = (a.get("audit") or {}).get("record_id")
        trust = {True: "trusted", False: "UNTRUSTED", None: "trust not checked"}[self.trusted]
        return (f"{'OK  ' if self.ok else 'FAIL'} {self.source}: {self.state or 'no manifest'}, {trust}, "
                f"signer {self.signer.get('common_name') or '?'}, record {rid or '-'}")


def _mime(data: bytes) -> str | None:
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    return None


def read_image_bytes(path: str | Path) -> bytes:
    """A file's bytes, bounded (a verifier must not be made to read a disk image)."""
    return read_small_file(path, MAX_IMAGE_BYTES, "the image")


def reader_settings(trust_anchors_pem: bytes | None) -> dict[str, Any]:
    """c2pa-rs settings for verification: offline, trust checked against the given anchors only."""
    settings: dict[str, Any] = {"verify": {"remote_manifest_fetch": False, "ocsp_fetch": False,
                                           "verify_trust": True}}
    if trust_anchors_pem:
        settings["trust"] = {"trust_anchors": trust_anchors_pem.decode("ascii", "replace")}
    return settings


def verify_image(data: bytes, source: str = "<bytes>", *, trust_anchors_pem: bytes | None = None,
                 context: Any = None) -> ImageVerification:
    """Validate the content credentials of one encoded image (PNG or JPEG).

    Args:
        data: the file's bytes.
        source: a name for messages.
        trust_anchors_pem: CA certificates (PEM) the signer must chain to; None
            checks integrity only and says so in ``notes``.
        context: a c2pa ``Context`` to reuse (built from :func:`reader_settings` otherwise).
    """
    c2pa = require("c2pa", "c2pa")
    rep = ImageVerification(source=source)
    mime = _mime(data)
    if mime is None:
        rep.failures.append("not a PNG or JPEG file")
        return rep
    ctx = context if context is not None else c2pa.Context.from_dict(reader_settings(trust_anchors_pem))
    try:
        reader = c2pa.Reader.try_create(mime, io.BytesIO(data), None, ctx)
    except c2pa.C2paError as exc:
        rep.failures.append(f"manifest unreadable: {' '.join(str(exc).split())[:200]}")
        return rep
    if reader is None:
        rep.failures.append("no content credentials (no C2PA manifest in the file)")
        return rep
    with reader:
        rep.state = reader.get_validation_state()
        results = reader.get_validation_results() or {}
        manifest = reader.get_active_manifest() or {}
    active = results.get("activeManifest") or {}
    for item in active.get("failure") or []:
        code = item.get("code", "?")
        if code == _UNTRUSTED:
            continue  # reported as trust below, not as an integrity failure
        rep.failures.append(f"{code}: {item.get('explanation', '')}".rstrip(": "))
    untrusted = any(i.get("code") == _UNTRUSTED for i in active.get("failure") or [])
    if trust_anchors_pem:
        rep.trusted = not untrusted and rep.state == "Trusted"
        if not rep.trusted:
            rep.failures.append("signer does not chain to a given trust anchor")
    else:
        rep.notes.append("signer not checked against a trust anchor (pass trust anchors / --trust CA.pem)")
    if rep.state not in ("Valid", "Trusted"):
        rep.failures.append(f"C2PA validation state {rep.state!r}")
    sig = manifest.get("signature_info") or {}
    rep.signer = {"common_name": sig.get("common_name"), "issuer": sig.get("issuer"), "alg": sig.get("alg"),
                  "time": sig.get("time")}
    _check_assertions(manifest, rep)
    if rep.assertion is not None:
        _check_pixels(data, mime, rep)
    rep.ok = not rep.failures
    return rep


def _check_assertions(manifest: dict[str, Any], rep: ImageVerification) -> None:
    assertions = {a.get("label"): a.get("data") for a in manifest.get("assertions") or []}
    actions = (assertions.get("c2pa.actions.v2") or assertions.get("c2pa.actions") or {}).get("actions") or []
    if not any(a.get("action") == "c2pa.created" and a.get("digitalSourceType") == TRAINED_ALGORITHMIC_MEDIA
               for a in actions):
        rep.failures.append("no c2pa.created action with digital source type trainedAlgorithmicMedia")
    data = assertions.get(ASSERTION_LABEL)
    if not isinstance(data, dict):
        rep.failures.append(f"no {ASSERTION_LABEL} assertion: not signed by aplguard")
        return
    rep.assertion = data


def _check_pixels(data: bytes, mime: str, rep: ImageVerification) -> None:
    """PNG is lossless: the decoded pixels must be those the audit log hashed."""
    if mime != "image/png":
        rep.notes.append("lossy format: pixels are bound by the C2PA data hash, not compared to image_sha256")
        return
    from ..audit import image_sha256
    from ..faces.image import load_image

    try:
        pixels = image_sha256(load_image(data))
    except AplGuardError as exc:
        rep.failures.append(f"pixels unreadable: {exc}")
        return
    rep.pixels_match = pixels == (rep.assertion or {}).get("image_sha256")
    if not rep.pixels_match:
        rep.failures.append("decoded pixels do not hash to the assertion's image_sha256")


def cross_check_audit(reports: Sequence[ImageVerification], sink: Any, *, tree_head_key: Any = None) -> None:
    """Check each report's assertion against the audit log ``sink`` (an open AuditSink); updates the reports.

    For each image: the record exists; its output entry at the assertion's
    output index holds the same image_sha256 and action; the record's policy
    sha256 and prefix id equal the assertion's; when the log has a Merkle tree,
    the record's leaf index is reported (and compared when the assertion has one), and
    when a signed tree head covers it, the record's inclusion proof against that head is
    verified (its Ed25519 signature too with ``tree_head_key``, a public key): the image,
    the record and the signed tree head agree. One pass over the log for all images.
    """
    wanted: dict[str, list[ImageVerification]] = {}
    for rep in reports:
        rid = ((rep.assertion or {}).get("audit") or {}).get("record_id")
        if rep.assertion is None:
            continue
        if not rid:
            rep.audit = {"record_found": False}
            rep.failures.append("the assertion names no audit record (Guard had no audit log)")
            rep.ok = False
            continue
        wanted.setdefault(str(rid), []).append(rep)
    found: dict[str, Any] = {}
    if wanted:
        for record in _iter_records(sink):
            if record.id in wanted:
                found[record.id] = record
                if len(found) == len(wanted):
                    break
    for rid, reps in wanted.items():
        for rep in reps:
            _compare(rep, found.get(rid), sink, rid, tree_head_key)
            rep.ok = not rep.failures


def _iter_records(sink: Any) -> Iterable[Any]:
    try:
        yield from sink.iter_records()
    except AuditError:
        raise
    except AplGuardError as exc:
        raise AuditError(f"cannot read the audit log: {exc}") from None


def _compare(rep: ImageVerification, record: Any, sink: Any, rid: str, tree_head_key: Any = None) -> None:
    a = rep.assertion or {}
    if record is None:
        rep.audit = {"record_id": rid, "record_found": False}
        rep.failures.append(f"audit record {rid} not in the log")
        return
    out_index = (a.get("output") or {}).get("index")
    entry = next((o for o in record.outputs if o.index == out_index), None)
    checks: dict[str, bool] = {}
    checks["image_sha256"] = entry is not None and entry.image_sha256 == a.get("image_sha256")
    checks["output_action"] = entry is not None and entry.action == (a.get("output") or {}).get("action")
    checks["policy_sha256"] = (record.policy.sha256 if record.policy else None) == (a.get("policy") or {}).get("sha256")
    checks["prefix_id"] = record.prefix_id == a.get("prefix_id")
    rep.audit = {"record_id": rid, "record_found": True, "checks": checks, "leaf_index": None}
    for name, good in checks.items():
        if not good:
            what = "no output entry" if entry is None and name in ("image_sha256", "output_action") else "differs"
            rep.failures.append(f"audit record {rid}: {name} {what} (image vs log)")
    leaf_index = getattr(sink, "leaf_index", None)
    if callable(leaf_index):  # logs with a Merkle tree: the record's leaf, for `aplguard audit prove`
        try:
            rep.audit["leaf_index"] = int(leaf_index(rid))
        except AplGuardError as exc:
            rep.notes.append(f"no Merkle leaf index for record {rid}: {exc}")
    if rep.audit["leaf_index"] is not None:
        _check_tree_head(rep, sink, rid, tree_head_key)
    claimed = (a.get("audit") or {}).get("leaf_index")
    if claimed is not None and rep.audit["leaf_index"] is not None and claimed != rep.audit["leaf_index"]:
        rep.failures.append(f"audit record {rid}: leaf index {claimed} in the image, "
                            f"{rep.audit['leaf_index']} in the log")


def _check_tree_head(rep: ImageVerification, sink: Any, rid: str, tree_head_key: Any) -> None:
    """Verify the record's inclusion proof against the latest signed tree head that covers it."""
    from ..audit.proofs import verify_proof

    try:
        proof = sink.inclusion_proof(rid)
    except AplGuardError as exc:
        rep.notes.append(f"no inclusion proof for record {rid}: {exc}")
        return
    if proof.get("tree_head") is None:
        rep.notes.append(f"no signed tree head covers record {rid} yet (run `aplguard audit checkpoint`)")
        return
    check = verify_proof(proof, tree_head_key, allow_unverified=tree_head_key is None)
    assert rep.audit is not None  # set by _compare before this is called
    rep.audit["tree_head"] = {"verified": check.ok, "signature_checked": tree_head_key is not None,
                              "tree_size": proof["tree_head"].get("tree_size")}
    if not check.ok:
        rep.failures.append(f"audit record {rid}: inclusion in the signed tree head fails: {check.reason}")
    elif tree_head_key is None:
        rep.notes.append("the tree head's signature was not checked (pass its public key)")
