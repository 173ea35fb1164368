"""Content credentials: real tiny-pipeline outputs signed as PNG and JPEG, read back, tampered.

The certificate chains are generated per test session with ``cryptography`` and
satisfy the C2PA certificate profile (CA-issued leaf, digitalSignature,
emailProtection/documentSigning EKU); c2pa-rs validates them as it would an
operator's.
"""

from __future__ import annotations

import io
import json
import struct
import zlib

import numpy as np
import pytest
from PIL import Image

pytest.importorskip("c2pa")

from aplguard import Guard  # noqa: E402
from aplguard.audit import image_sha256, open_sink  # noqa: E402
from aplguard.cli import main  # noqa: E402
from aplguard.errors import ConfigError  # noqa: E402
from aplguard.provenance import (  # noqa: E402
    ASSERTION_LABEL,
    ContentCredentials,
    ContentSigner,
    ImageFacts,
    cross_check_audit,
    generate_test_chain,
    verify_image,
)

CALL = dict(num_inference_steps=2, height=64, width=64)


@pytest.fixture(scope="module")
def chain():
    return generate_test_chain("aplguard test signer")


@pytest.fixture(scope="module")
def signed_run(chain, tmp_path_factory):
    """One guarded call per format on the tiny SD pipeline, with an audit log and content credentials."""
    from aplguard.testing import tiny_sd_pipeline
    from tests.conftest import ScriptedEngine

    d = tmp_path_factory.mktemp("c2pa")
    runs = {}
    pipe = tiny_sd_pipeline(seed=0)
    for fmt in ("png", "jpeg"):
        url = f"sqlite:///{d}/{fmt}.db"
        creds = ContentCredentials(chain.chain_pem, chain.private_key_pem, image_format=fmt)
        guard = Guard(pipe, policy=ScriptedEngine({"blocked": "block"}), audit=url, content_credentials=creds)
        out = guard(["a red car", "a blue house", "blocked thing"], **CALL)
        guard.close()
        runs[fmt] = (out, url)
    return runs


def _assertion(rep):
    assert rep.assertion is not None, rep.failures
    return rep.assertion


@pytest.mark.parametrize("fmt", ["png", "jpeg"])
def test_guard_outputs_carry_valid_credentials_naming_the_audit_record(signed_run, chain, fmt):
    out, url = signed_run[fmt]
    assert out.images[2] is None and out.signed_images[2] is None  # blocked: nothing returned, nothing signed
    assert len(out.signed_images) == 3 and all(out.signed_images[:2])
    assert "sign" in out.timings_ms
    magic = b"\x89PNG" if fmt == "png" else b"\xff\xd8\xff"
    reps = [verify_image(b, f"out{k}", trust_anchors_pem=chain.ca_pem) for k, b in enumerate(out.signed_images[:2])]
    with open_sink(url, create=False) as sink:
        record = next(iter(sink.iter_records()))
        cross_check_audit(reps, sink)
    for k, (rep, data) in enumerate(zip(reps, out.signed_images[:2])):
        assert data.startswith(magic)
        assert rep.ok, rep.failures
        assert rep.state == "Trusted" and rep.trusted
        a = _assertion(rep)
        assert a["audit"]["record_id"] == out.audit_ids[0] == record.id
        assert a["audit"]["leaf_index"] == rep.audit["leaf_index"] == 0  # the record's Merkle leaf, in the manifest
        assert a["output"] == {"index": k, "action": "none", "rule": "default"}
        assert a["prompt"]["index"] == k and a["prompt"]["decision"] == "allow"
        assert a["image_sha256"] == record.outputs[k].image_sha256 == image_sha256(out.images[k])
        assert rep.audit["record_found"] and all(rep.audit["checks"].values())
        assert rep.pixels_match is (True if fmt == "png" else None)
        # nothing from the prompt travels with the image
        assert b"red car" not in data and b"blue house" not in data


def test_no_credentials_means_no_signed_images(sd_pipe, scripted):
    out = Guard(sd_pipe, policy=scripted())(["a red car"], **CALL)
    assert out.signed_images == []


def _png_chunks(data):
    pos, chunks = 8, []
    while pos < len(data):
        (n,) = struct.unpack(">I", data[pos:pos + 4])
        chunks.append((data[pos + 4:pos + 8], data[pos + 8:pos + 8 + n]))
        pos += 12 + n
    return chunks


def _png_bytes(chunks):
    body = b"".join(struct.pack(">I", len(c)) + t + c + struct.pack(">I", zlib.crc32(t + c)) for t, c in chunks)
    return b"\x89PNG\r\n\x1a\n" + body


def _edit_png_pixel(data):
    """The same file with one pixel changed: new IDAT, every other chunk (the manifest too) kept."""
    arr = np.array(Image.open(io.BytesIO(data)).convert("RGB"))
    arr[3, 5] = 255 - arr[3, 5]
    raw = b"".join(b"\x00" + row.tobytes() for row in arr)
    out, done = [], False
    for t, c in _png_chunks(data):
        if t == b"IDAT":
            if not done:
                out.append((b"IDAT", zlib.compress(raw)))
                done = True
            continue
        out.append((t, c))
    return _png_bytes(out)


def _edit_jpeg_scan(data):
    """Flip a bit in the entropy-coded scan data: decoded pixels change, the APP11 manifest is kept."""
    k = data.rfind(b"\xff\xda") + 60
    while data[k] in (0xFF, 0xFE) or data[k - 1] == 0xFF:
        k += 1
    return data[:k] + bytes([data[k] ^ 0x01]) + data[k + 1:]


@pytest.mark.parametrize("fmt", ["png", "jpeg"])
def test_a_pixel_edit_is_detected(signed_run, chain, fmt):
    out, _ = signed_run[fmt]
    data = out.signed_images[0]
    bad = _edit_png_pixel(data) if fmt == "png" else _edit_jpeg_scan(data)
    assert np.asarray(Image.open(io.BytesIO(bad)).convert("RGB")).tobytes() != \
        np.asarray(Image.open(io.BytesIO(data)).convert("RGB")).tobytes()
    rep = verify_image(bad, trust_anchors_pem=chain.ca_pem)
    assert not rep.ok
    assert any("dataHash.mismatch" in f for f in rep.failures), rep.failures
    if fmt == "png":
        assert rep.pixels_match is False


@pytest.mark.parametrize("fmt", ["png", "jpeg"])
def test_a_manifest_edit_is_detected(signed_run, chain, fmt):
    out, _ = signed_run[fmt]
    data = out.signed_images[0]
    rid = out.audit_ids[0].encode()
    assert data.count(rid) == 1
    forged = rid[:-1] + (b"0" if rid[-1:] != b"0" else b"1")
    rep = verify_image(data.replace(rid, forged), trust_anchors_pem=chain.ca_pem)
    assert not rep.ok
    assert any("hashedURI.mismatch" in f and ASSERTION_LABEL in f for f in rep.failures), rep.failures


def test_trust_is_separate_from_integrity(signed_run):
    data = signed_run["png"][0].signed_images[0]
    plain = verify_image(data)  # no anchors: integrity only, and the report says so
    assert plain.ok and plain.trusted is None and plain.state == "Valid"
    assert any("trust anchor" in n for n in plain.notes)
    stranger = generate_test_chain("someone else")
    other = verify_image(data, trust_anchors_pem=stranger.ca_pem)
    assert not other.ok and other.trusted is False


def test_cross_check_fails_against_another_log(signed_run, chain):
    out, _ = signed_run["png"]
    _, other_url = signed_run["jpeg"]
    rep = verify_image(out.signed_images[0], trust_anchors_pem=chain.ca_pem)
    with open_sink(other_url, create=False) as sink:
        cross_check_audit([rep], sink)
    assert not rep.ok and rep.audit == {"record_id": out.audit_ids[0], "record_found": False}


def test_unsigned_and_foreign_files_fail(chain):
    buf = io.BytesIO()
    Image.new("RGB", (8, 8)).save(buf, "PNG")
    assert verify_image(buf.getvalue()).failures == ["no content credentials (no C2PA manifest in the file)"]
    assert verify_image(b"GIF89a....").failures == ["not a PNG or JPEG file"]


def test_ed25519_chain_signs_and_verifies():
    ed = generate_test_chain(algorithm="ed25519")
    creds = ContentCredentials(ed.chain_pem, ed.private_key_pem)
    assert creds.alg == "ed25519"
    image = Image.new("RGB", (16, 16), (200, 30, 30))
    facts = ImageFacts(policy_name="p", policy_version=None, policy_sha256=None, prompt_index=0,
                       prompt_decision="allow", prompt_rule="default", output_index=0, output_action="none",
                       output_rule="default", prefix_id=None, model_id=None, image_sha256=image_sha256(image),
                       audit_record_id=None)
    rep = verify_image(ContentSigner(creds).sign(image, facts), trust_anchors_pem=ed.ca_pem)
    assert rep.ok, rep.failures
    assert rep.signer["alg"].lower() == "ed25519"


def _cert(chain_key=None, *, self_signed=False, eku=True, ca=False):
    """A leaf certificate with one profile violation, for the configuration checks."""
    import datetime

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    issuer_key = key if self_signed else ec.generate_private_key(ec.SECP256R1())
    now = datetime.datetime.now(datetime.timezone.utc)
    b = (x509.CertificateBuilder().subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "leaf")]))
         .issuer_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "leaf" if self_signed else "ca")]))
         .public_key(key.public_key()).serial_number(1).not_valid_before(now - datetime.timedelta(hours=1))
         .not_valid_after(now + datetime.timedelta(days=1))
         .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
         .add_extension(x509.KeyUsage(True, False, False, False, False, False, False, False, False), critical=True))
    if eku:
        b = b.add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
    cert = b.sign(issuer_key, hashes.SHA256())
    pem = serialization.Encoding.PEM
    return cert.public_bytes(pem), key.private_bytes(pem, serialization.PrivateFormat.PKCS8,
                                                     serialization.NoEncryption())


@pytest.mark.parametrize("kwargs, message", [
    ({"self_signed": True}, "self-signed"),
    ({"eku": False}, "no extended key usage"),
    ({"ca": True}, "CA certificate"),
])
def test_bad_certificates_fail_at_configuration(kwargs, message):
    cert, key = _cert(**kwargs)
    with pytest.raises(ConfigError, match=message):
        ContentCredentials(cert, key)


def test_wrong_key_and_bad_arguments(chain, sd_pipe, scripted):
    _, other_key = _cert()
    with pytest.raises(ConfigError, match="does not belong"):
        ContentCredentials(chain.chain_pem, other_key)
    with pytest.raises(ConfigError, match="not PEM certificates"):
        ContentCredentials(b"nope", chain.private_key_pem)
    with pytest.raises(ConfigError, match="image_format"):
        ContentCredentials(chain.chain_pem, chain.private_key_pem, image_format="gif")
    with pytest.raises(ConfigError, match="content_credentials"):
        Guard(sd_pipe, policy=scripted(), content_credentials="chain.pem")


def test_cli_verify_exit_codes(signed_run, chain, tmp_path, capsys):
    out, url = signed_run["png"]
    good, bad = tmp_path / "good.png", tmp_path / "bad.png"
    good.write_bytes(out.signed_images[0])
    bad.write_bytes(_edit_png_pixel(out.signed_images[0]))
    ca = tmp_path / "ca.pem"
    ca.write_bytes(chain.ca_pem)
    assert main(["c2pa", "verify", str(good), "--audit", url, "--trust", str(ca)]) == 0
    text = capsys.readouterr().out
    assert text.startswith("OK   ") and f"record {out.audit_ids[0]} found, image hash matches" in text
    assert main(["c2pa", "verify", str(good), str(bad), "--json"]) == 1
    doc = json.loads(capsys.readouterr().out)
    assert doc["ok"] is False and [i["ok"] for i in doc["images"]] == [True, False]
    assert main(["c2pa", "verify", str(tmp_path / "missing.png")]) == 2
    assert main(["c2pa", "verify", str(good), "--trust", str(good)]) == 2  # not a PEM file


def test_image_record_and_signed_tree_head_agree(chain, tmp_path, sd_pipe, scripted):
    """With a signed tree head covering the record, verify checks the record's inclusion proof
    against it (and its Ed25519 signature with the public key); a wrong key fails."""
    from aplguard.audit.sth import load_public_key
    from aplguard.provenance import ContentCredentials

    assert main(["audit", "keygen", str(tmp_path / "sth.pem")]) == 0
    url = f"sqlite:///{tmp_path}/a.db?sth_key={tmp_path / 'sth.pem'}&sth_every=1"
    creds = ContentCredentials(chain.chain_pem, chain.private_key_pem)
    out = Guard(sd_pipe, policy=scripted(), audit=url, content_credentials=creds)(
        "a cat", num_inference_steps=2, height=64, width=64)
    rep = verify_image(out.signed_images[0], "out0", trust_anchors_pem=chain.ca_pem)
    with open_sink(f"sqlite:///{tmp_path}/a.db", create=False) as sink:
        cross_check_audit([rep], sink, tree_head_key=load_public_key(str(tmp_path / "sth.pem.pub")))
    assert rep.ok, rep.failures
    assert rep.audit["tree_head"]["verified"] and rep.audit["tree_head"]["signature_checked"]
    assert main(["audit", "keygen", str(tmp_path / "other.pem")]) == 0
    rep = verify_image(out.signed_images[0], "out0", trust_anchors_pem=chain.ca_pem)
    with open_sink(f"sqlite:///{tmp_path}/a.db", create=False) as sink:
        cross_check_audit([rep], sink, tree_head_key=load_public_key(str(tmp_path / "other.pem.pub")))
    assert not rep.ok and any("signed tree head" in f for f in rep.failures)
