"""The operator's signing identity for content credentials: certificate chain and key.

Checked when it is built, so that a wrong file fails at start-up with a message
naming the problem, not later inside the C2PA library on the first image.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from ..errors import ConfigError, MissingDependencyError
from ..small_files import read_small_file

if TYPE_CHECKING:
    from cryptography.x509 import Certificate

#: Output encodings a signed image can have (both carry an embedded C2PA manifest).
ImageFormat = Literal["png", "jpeg"]
_FORMATS = ("png", "jpeg")
_MAX_PEM_BYTES = 256 * 1024  # a chain and a key, not a file to slurp


@dataclass(frozen=True)
class ContentCredentials:
    """How Guard signs its images (C2PA manifest, embedded in the file).

    Args:
        cert_chain_pem: the signing (end-entity) certificate first, then its
            intermediates, PEM. The root may be left out (validators hold it).
        private_key_pem: the signing certificate's private key, PEM, unencrypted
            (EC P-256/P-384/P-521, Ed25519 or RSA >= 2048 bits).
        tsa_url: an RFC 3161 timestamp authority; None signs offline (no timestamp:
            the signature is then only valid while the certificate is).
        image_format: ``png`` (lossless: the pixels hash to the audit record's
            ``image_sha256``) or ``jpeg``.
        jpeg_quality: JPEG quality when ``image_format`` is ``jpeg``.

    Use :meth:`from_files` to read the PEM files; ``alg`` is derived from the key.
    """

    cert_chain_pem: bytes
    private_key_pem: bytes = field(repr=False)
    tsa_url: str | None = None
    image_format: ImageFormat = "png"
    jpeg_quality: int = 95

    def __post_init__(self) -> None:
        for name in ("cert_chain_pem", "private_key_pem"):
            value = getattr(self, name)
            if isinstance(value, str):
                object.__setattr__(self, name, value.encode("ascii", "strict"))
            elif not isinstance(value, bytes):
                raise ConfigError(f"content credentials: {name} must be PEM bytes or str, got {type(value).__name__}")
        if self.image_format not in _FORMATS:
            raise ConfigError(f"content credentials: image_format must be one of {', '.join(_FORMATS)}, "
                              f"got {self.image_format!r}")
        if not 1 <= int(self.jpeg_quality) <= 100:
            raise ConfigError(f"content credentials: jpeg_quality must be 1..100, got {self.jpeg_quality}")
        if self.tsa_url is not None and not str(self.tsa_url).startswith(("http://", "https://")):
            raise ConfigError(f"content credentials: tsa_url must be an http(s) URL, got {self.tsa_url!r}")
        object.__setattr__(self, "_alg", check_credentials(self.cert_chain_pem, self.private_key_pem))

    @property
    def alg(self) -> str:
        """The C2PA signing algorithm for this key (``es256``, ``ed25519``, ``ps256``, ...)."""
        alg: str = getattr(self, "_alg")  # noqa: B009 - set in __post_init__ of a frozen dataclass
        return alg

    @classmethod
    def from_files(cls, cert_chain: str | Path, private_key: str | Path, *, tsa_url: str | None = None,
                   image_format: ImageFormat = "png", jpeg_quality: int = 95) -> ContentCredentials:
        """Read the chain and key from PEM files (bounded reads)."""
        return cls(_read_pem(cert_chain, "certificate chain"), _read_pem(private_key, "private key"),
                   tsa_url=tsa_url, image_format=image_format, jpeg_quality=jpeg_quality)


def _read_pem(path: str | Path, what: str) -> bytes:
    return read_small_file(path, _MAX_PEM_BYTES, f"the content-credentials {what}")


def check_credentials(chain_pem: bytes, key_pem: bytes) -> str:
    """Check the chain and key against the C2PA signing-certificate profile; return the alg.

    Checks what most often goes wrong, with a message naming it: unparsable PEM,
    a key that is not the leaf's, a CA or self-signed leaf, a leaf without the
    digitalSignature key usage or without an extended key usage C2PA accepts,
    an expired or not yet valid leaf. The C2PA library checks the rest.
    """
    try:
        from cryptography import x509
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise MissingDependencyError("cryptography is not installed; install it with: pip install 'aplguard[c2pa]'") \
            from exc
    try:
        certs = x509.load_pem_x509_certificates(chain_pem)
    except ValueError as exc:
        raise ConfigError(f"content credentials: certificate chain is not PEM certificates ({exc})") from None
    try:
        key = serialization.load_pem_private_key(key_pem, password=None)
    except (ValueError, TypeError) as exc:
        raise ConfigError("content credentials: private key is not an unencrypted PEM private key "
                          f"({type(exc).__name__})") from None
    leaf = certs[0]
    pub = serialization.PublicFormat.SubjectPublicKeyInfo
    if key.public_key().public_bytes(serialization.Encoding.DER, pub) != \
            leaf.public_key().public_bytes(serialization.Encoding.DER, pub):
        raise ConfigError("content credentials: the private key does not belong to the first certificate of the chain "
                          "(put the signing certificate first)")
    if leaf.issuer == leaf.subject:
        raise ConfigError("content credentials: the signing certificate is self-signed; C2PA requires one issued by "
                          "a CA (see docs/provenance.md)")
    _check_extensions(leaf)
    now = datetime.datetime.now(datetime.timezone.utc)
    if not leaf.not_valid_before_utc <= now <= leaf.not_valid_after_utc:
        raise ConfigError(f"content credentials: the signing certificate is valid from {leaf.not_valid_before_utc} "
                          f"to {leaf.not_valid_after_utc}, not now")
    if isinstance(key, ec.EllipticCurvePrivateKey):
        algs = {"secp256r1": "es256", "secp384r1": "es384", "secp521r1": "es512"}
        if key.curve.name not in algs:
            raise ConfigError(f"content credentials: EC curve {key.curve.name} is not allowed by C2PA "
                              "(use P-256, P-384 or P-521)")
        return algs[key.curve.name]
    if isinstance(key, ed25519.Ed25519PrivateKey):
        return "ed25519"
    if isinstance(key, rsa.RSAPrivateKey):
        if key.key_size < 2048:
            raise ConfigError(f"content credentials: RSA key of {key.key_size} bits; C2PA needs at least 2048")
        return "ps256"
    raise ConfigError(f"content credentials: {type(key).__name__} keys cannot sign C2PA manifests "
                      "(use EC P-256, Ed25519 or RSA-PSS)")


def _check_extensions(leaf: Certificate) -> None:
    """Basic constraints, key usage and extended key usage of the signing certificate.

    The C2PA certificate profile (C2PA spec, "Certificate Profile") requires an
    end-entity certificate with digitalSignature and an EKU from its list, and
    forbids anyExtendedKeyUsage; c2pa-rs refuses to sign or validate otherwise.
    """
    from cryptography import x509
    from cryptography.x509.oid import ExtendedKeyUsageOID

    try:
        if leaf.extensions.get_extension_for_class(x509.BasicConstraints).value.ca:
            raise ConfigError("content credentials: the signing certificate is a CA certificate; sign with an "
                              "end-entity certificate issued by it")
    except x509.ExtensionNotFound:
        pass
    try:
        usage = leaf.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        raise ConfigError("content credentials: the signing certificate has no key usage extension "
                          "(C2PA requires digitalSignature)") from None
    if not usage.digital_signature:
        raise ConfigError("content credentials: the signing certificate's key usage lacks digitalSignature")
    document_signing = x509.ObjectIdentifier("1.3.6.1.5.5.7.3.36")  # id-kp-documentSigning (RFC 9336)
    accepted = {ExtendedKeyUsageOID.EMAIL_PROTECTION, document_signing, ExtendedKeyUsageOID.TIME_STAMPING,
                ExtendedKeyUsageOID.OCSP_SIGNING}
    try:
        ekus = set(leaf.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value)
    except x509.ExtensionNotFound:
        raise ConfigError("content credentials: the signing certificate has no extended key usage "
                          "(C2PA requires e.g. emailProtection or documentSigning)") from None
    if ExtendedKeyUsageOID.ANY_EXTENDED_KEY_USAGE in ekus:
        raise ConfigError("content credentials: the signing certificate has anyExtendedKeyUsage, which C2PA forbids")
    if not ekus & accepted:
        raise ConfigError("content credentials: the signing certificate's extended key usage has none that C2PA "
                          "accepts (emailProtection, documentSigning, timeStamping, OCSPSigning)")
