"""Throwaway certificate chains for tests and ``aplguard demo``: never for production.

A C2PA signing certificate must be issued by a CA (not self-signed), carry the
digitalSignature key usage and an accepted extended key usage (here
emailProtection and documentSigning), and name its issuer's key. This module
builds such a chain -- a fresh CA and a leaf it issues -- in memory. Nobody
trusts the CA: validators report the signature as valid but the signer as
untrusted, unless the CA is passed to them as a trust anchor.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .._deps import require

if TYPE_CHECKING:
    from cryptography.x509 import KeyUsage

#: The organisation name of every certificate this module makes, so a demo
#: signature is recognisable as one in any C2PA viewer.
TEST_ORGANIZATION = "aplguard TEST/DEMO certificate - not trusted"


@dataclass(frozen=True)
class TestChain:
    """A throwaway CA and a signing certificate it issued (PEM bytes)."""

    __test__ = False  # not a pytest test class, despite the name

    chain_pem: bytes  # signing certificate, then the CA
    private_key_pem: bytes = field(repr=False)
    ca_pem: bytes  # the trust anchor to hand to a validator


def generate_test_chain(common_name: str = "aplguard demo signer", *, days: int = 30,
                        algorithm: str = "es256") -> TestChain:
    """A fresh CA and signing certificate satisfying the C2PA certificate profile.

    Args:
        common_name: the signing certificate's CN.
        days: validity of both certificates from now (minus 5 minutes of clock skew).
        algorithm: ``es256`` (EC P-256, the C2PA default) or ``ed25519``.
    """
    require("cryptography", "c2pa")
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec, ed25519
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    def new_key() -> ec.EllipticCurvePrivateKey | ed25519.Ed25519PrivateKey:
        if algorithm == "es256":
            return ec.generate_private_key(ec.SECP256R1())
        if algorithm == "ed25519":
            return ed25519.Ed25519PrivateKey.generate()
        raise ValueError(f"algorithm must be es256 or ed25519, got {algorithm!r}")

    def name(cn: str) -> x509.Name:
        return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn),
                          x509.NameAttribute(NameOID.ORGANIZATION_NAME, TEST_ORGANIZATION)])

    digest = hashes.SHA256() if algorithm == "es256" else None  # Ed25519 signs without a separate digest
    now = datetime.datetime.now(datetime.timezone.utc)
    start, end = now - datetime.timedelta(minutes=5), now + datetime.timedelta(days=days)
    ca_key, key = new_key(), new_key()
    ca = (x509.CertificateBuilder().subject_name(name("aplguard test CA")).issuer_name(name("aplguard test CA"))
          .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
          .not_valid_before(start).not_valid_after(end)
          .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
          .add_extension(_key_usage(cert_sign=True), critical=True)
          .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
          .sign(ca_key, digest))
    leaf = (x509.CertificateBuilder().subject_name(name(common_name)).issuer_name(ca.subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(start).not_valid_after(end)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(_key_usage(cert_sign=False), critical=True)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION,
                                                  x509.ObjectIdentifier("1.3.6.1.5.5.7.3.36")]), critical=False)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
            .sign(ca_key, digest))
    pem = serialization.Encoding.PEM
    return TestChain(
        chain_pem=leaf.public_bytes(pem) + ca.public_bytes(pem),
        private_key_pem=key.private_bytes(pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()),
        ca_pem=ca.public_bytes(pem),
    )


def _key_usage(*, cert_sign: bool) -> KeyUsage:
    from cryptography.x509 import KeyUsage

    return KeyUsage(digital_signature=not cert_sign, content_commitment=False, key_encipherment=False,
                    data_encipherment=False, key_agreement=False, key_cert_sign=cert_sign, crl_sign=cert_sign,
                    encipher_only=False, decipher_only=False)
