"""Signed tree heads (STH): Ed25519 signatures over (tree size, root hash, time).

The signed message is ASCII text, so any implementation can rebuild it::

    "aplguard-sth-v1\\n" + decimal tree_size + "\\n" + hex root_hash + "\\n" + timestamp + "\\n"

A tree head is a JSON object ``{"type": "sth", "tree_size", "root_hash" (hex),
"timestamp", "key_id" (hex SHA-256 of the raw 32-byte public key), "signature"
(base64)}``. The HMAC key must stay with the writers; the Ed25519 *public* key
can be handed to anyone, so a reviewer verifies what was signed without being
able to sign.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import re
from dataclasses import dataclass
from typing import Any

from .._deps import require
from ..errors import AuditError, ConfigError
from ..small_files import read_small_file

_HEX64 = re.compile(r"[0-9a-f]{64}")
_MAX_KEY_FILE = 16 * 1024


@dataclass(frozen=True)
class TreeHead:
    """One signed tree head (see the module docstring for the signed bytes)."""

    tree_size: int
    root_hash: str
    timestamp: str
    key_id: str
    signature: str

    def message(self) -> bytes:
        return signed_message(self.tree_size, self.root_hash, self.timestamp)

    def to_dict(self) -> dict[str, Any]:
        return {"type": "sth", "tree_size": self.tree_size, "root_hash": self.root_hash,
                "timestamp": self.timestamp, "key_id": self.key_id, "signature": self.signature}

    @classmethod
    def from_dict(cls, d: object, where: str = "tree head") -> TreeHead:
        """Parse and type-check a tree head; AuditError naming ``where`` otherwise."""
        if not isinstance(d, dict):
            raise AuditError(f"{where}: not a JSON object")
        size, root, ts, kid, sig = (d.get(k) for k in ("tree_size", "root_hash", "timestamp", "key_id", "signature"))
        if not (isinstance(size, int) and not isinstance(size, bool) and size >= 0):
            raise AuditError(f"{where}: tree_size must be a non-negative integer")
        if not (isinstance(root, str) and _HEX64.fullmatch(root)):
            raise AuditError(f"{where}: root_hash must be 64 lowercase hex digits")
        if not isinstance(ts, str) or not isinstance(kid, str) or not isinstance(sig, str):
            raise AuditError(f"{where}: timestamp, key_id and signature must be text")
        return cls(size, root, ts, kid, sig)


def signed_message(tree_size: int, root_hex: str, timestamp: str) -> bytes:
    """The exact bytes an STH signature covers."""
    return f"aplguard-sth-v1\n{int(tree_size)}\n{root_hex}\n{timestamp}\n".encode("ascii", "replace")


def _crypto() -> Any:
    return require("cryptography.hazmat.primitives.asymmetric.ed25519", "audit-sign")


def _serialization() -> Any:
    return require("cryptography.hazmat.primitives.serialization", "audit-sign")


def _read_pem(path: str) -> bytes:
    return read_small_file(path, _MAX_KEY_FILE, "the key file")


def load_private_key(path: str) -> Any:
    """An Ed25519 private key from a PEM (PKCS#8, unencrypted) file."""
    ser, ed = _serialization(), _crypto()
    try:
        key = ser.load_pem_private_key(_read_pem(path), password=None)
    except (ValueError, TypeError) as exc:
        raise ConfigError(f"{path}: not an unencrypted PEM private key ({exc})") from None
    if not isinstance(key, ed.Ed25519PrivateKey):
        raise ConfigError(f"{path}: not an Ed25519 private key")
    return key


def load_public_key(path: str) -> Any:
    """An Ed25519 public key from a PEM file (a private key file is accepted too)."""
    ser, ed = _serialization(), _crypto()
    data = _read_pem(path)
    try:
        key = ser.load_pem_public_key(data)
    except (ValueError, TypeError):
        try:
            key = ser.load_pem_private_key(data, password=None).public_key()
        except (ValueError, TypeError) as exc:
            raise ConfigError(f"{path}: not a PEM public key ({exc})") from None
    if not isinstance(key, ed.Ed25519PublicKey):
        raise ConfigError(f"{path}: not an Ed25519 public key")
    return key


def key_id(public_key: Any) -> str:
    """Hex SHA-256 of the raw 32-byte public key."""
    ser = _serialization()
    raw = public_key.public_bytes(ser.Encoding.Raw, ser.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()


def generate_keypair(out_path: str) -> tuple[str, str]:
    """Write a new Ed25519 private key to ``out_path`` (mode 0600) and its public key to ``out_path + '.pub'``."""
    ser, ed = _serialization(), _crypto()
    key = ed.Ed25519PrivateKey.generate()
    priv = key.private_bytes(ser.Encoding.PEM, ser.PrivateFormat.PKCS8, ser.NoEncryption())
    pub = key.public_key().public_bytes(ser.Encoding.PEM, ser.PublicFormat.SubjectPublicKeyInfo)
    pub_path = out_path + ".pub"
    try:
        fd = os.open(out_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(priv)
        with open(pub_path, "wb") as f:
            f.write(pub)
    except FileExistsError:
        raise ConfigError(f"{out_path} exists; refusing to overwrite a key") from None
    except OSError as exc:
        raise ConfigError(f"cannot write {out_path}: {exc.strerror or exc}") from None
    return out_path, pub_path


def sign_tree_head(private_key: Any, tree_size: int, root: bytes, timestamp: str) -> TreeHead:
    """Sign (tree_size, root, timestamp) with an Ed25519 private key."""
    root_hex = root.hex()
    sig = private_key.sign(signed_message(tree_size, root_hex, timestamp))
    return TreeHead(tree_size, root_hex, timestamp, key_id(private_key.public_key()),
                    base64.b64encode(sig).decode("ascii"))


def verify_tree_head(sth: TreeHead, public_key: Any) -> str | None:
    """None when the signature verifies under ``public_key``, else why not."""
    exc_mod = require("cryptography.exceptions", "audit-sign")
    if sth.key_id != key_id(public_key):
        return f"signed by another key (key_id {sth.key_id[:16]}…, expected {key_id(public_key)[:16]}…)"
    try:
        sig = base64.b64decode(sth.signature, validate=True)
    except (binascii.Error, ValueError):
        return "the signature is not base64"
    try:
        public_key.verify(sig, sth.message())
    except exc_mod.InvalidSignature:
        return "the signature does not verify (forged or altered tree head)"
    return None
