"""API keys: stored as SHA-256 digests, looked up by the digest of what a caller sends.

Keys are long random tokens (``aplguard serve --hash-key`` makes one), so an unsalted
SHA-256 is the right store: a slow KDF (scrypt) only protects guessable secrets, and
it would cost every request tens of milliseconds. The lookup is a dict access on
the digest, so timing reveals nothing about a stored key. The tenant and role of a
request come from its key; a body's ``tenant``/``user_role`` are never trusted.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .config import KeyConfig
from .errors import ApiError

#: The anonymous caller of a gateway with no keys configured (loopback only).
LOCAL = "local"


@dataclass(frozen=True)
class Principal:
    """Who is calling: a configured key, or the local anonymous caller."""

    key_id: str
    tenant: str | None
    can_client: bool
    can_review: bool
    user_role: str | None = None


def hash_key(key: str) -> str:
    """The stored form of a key: ``sha256:<hex>``."""
    return "sha256:" + hashlib.sha256(key.encode("utf-8")).hexdigest()


def new_key() -> str:
    """A fresh random key (256 bits, URL-safe)."""
    return "apg_" + secrets.token_urlsafe(32)


class KeyStore:
    """The configured keys; :meth:`authenticate` turns request headers into a Principal."""

    def __init__(self, keys: Iterable[KeyConfig]):
        self._by_hash = {k.hash: Principal(k.id, k.tenant, k.role in ("client", "both"),
                                           k.role in ("reviewer", "both"), k.user_role) for k in keys}

    @property
    def open_access(self) -> bool:
        return not self._by_hash

    def authenticate(self, headers: Mapping[str, str]) -> Principal:
        """The caller's principal; raises 401 for a missing or unknown key (when keys are configured)."""
        presented = _presented_key(headers)
        if self.open_access:
            # Local mode: screening and generation without keys, never the audit log.
            return Principal(LOCAL, None, can_client=True, can_review=False)
        if presented is None:
            raise ApiError(401, "missing API key: send 'Authorization: Bearer <key>' or 'X-API-Key: <key>'",
                           {"WWW-Authenticate": "Bearer"})
        principal = self._by_hash.get(hash_key(presented))
        if principal is None:
            raise ApiError(401, "unknown API key", {"WWW-Authenticate": "Bearer"})
        return principal

    def client(self, headers: Mapping[str, str]) -> Principal:
        p = self.authenticate(headers)
        if not p.can_client:
            raise ApiError(403, f"key {p.key_id!r} has no client role (screening and generation)")
        return p

    def reviewer(self, headers: Mapping[str, str]) -> Principal:
        if self.open_access:
            raise ApiError(401, "the audit endpoints are closed until a reviewer key is configured (keys: in the "
                                "gateway config)", {"WWW-Authenticate": "Bearer"})
        p = self.authenticate(headers)
        if not p.can_review:
            raise ApiError(403, f"key {p.key_id!r} has no reviewer role")
        return p


def _presented_key(headers: Mapping[str, str]) -> str | None:
    auth = headers.get("authorization")
    if auth:
        scheme, _, value = auth.partition(" ")
        if scheme.lower() == "bearer" and value.strip():
            return value.strip()
    key = headers.get("x-api-key")
    return key.strip() if key and key.strip() else None
