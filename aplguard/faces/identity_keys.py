"""Per-identity keys: the audit log names gallery identities by keyed pseudonyms.

Biometric matches name a protected person. The audit log must stay verifiable, so its records
cannot be rewritten when that person asks to be erased. Instead every gallery identity gets a
random key, kept only in the gallery folder (``identity_keys.json``, mode 0600), and records store
``pid:`` + HMAC-SHA256(key, name) rather than the name. Deleting the key (``aplguard gallery
remove NAME --erase``) makes every earlier record unlinkable to the person (crypto-shredding),
while the log's hashes and signatures are untouched.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import os
import re
import secrets
import tempfile
import threading
from pathlib import Path

from ..errors import GalleryError
from ..small_files import read_small_file

log = logging.getLogger("aplguard.faces")

FILENAME = "identity_keys.json"
_MAX_BYTES = 64 * 1024 * 1024
_KEY_HEX = re.compile(r"^[0-9a-f]{64}$")
_DOMAIN = b"aplguard-identity-v1:"


class IdentityKeys:
    """The per-identity keys of one gallery folder."""

    def __init__(self, directory: Path):
        self.path = Path(directory) / FILENAME
        self._lock = threading.Lock()
        self._keys = self._read()

    def _read(self) -> dict[str, bytes]:
        if not self.path.exists():
            return {}
        try:
            data = json.loads(read_small_file(self.path, _MAX_BYTES, "the gallery's identity keys"))
        except (ValueError, UnicodeDecodeError) as exc:
            raise GalleryError(f"{self.path}: unreadable identity keys ({type(exc).__name__})") from None
        except Exception as exc:  # noqa: BLE001 - ConfigError from the bounded reader, named
            raise GalleryError(f"{self.path}: {exc}") from None
        if not isinstance(data, dict) or not all(isinstance(k, str) and isinstance(v, str) and _KEY_HEX.match(v)
                                                 for k, v in data.items()):
            raise GalleryError(f"{self.path}: expected an object of identity -> 64 hex digits")
        return {name: bytes.fromhex(key) for name, key in data.items()}

    def _save(self, keys: dict[str, bytes]) -> None:
        tmp = None
        try:
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".identity_keys.", suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:  # mkstemp creates it 0600
                json.dump({name: key.hex() for name, key in sorted(keys.items())}, fh)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.path)
            tmp = None
        except OSError as exc:
            raise GalleryError(f"cannot write {self.path}: {exc.strerror or exc}") from None
        finally:
            if tmp is not None and os.path.exists(tmp):
                os.unlink(tmp)

    def ensure(self, names: list[str]) -> None:
        """Give every name a key (enrolment; migration of galleries made before keys)."""
        with self._lock:
            missing = [n for n in names if n not in self._keys]
            if not missing:
                return
            keys = dict(self._keys)
            keys.update({n: secrets.token_bytes(32) for n in missing})
            self._save(keys)
            self._keys = keys

    def pseudonym(self, name: str) -> str | None:
        """``pid:`` + 32 hex digits for ``name``, or None when it has no key (erased or never keyed)."""
        key = self._keys.get(name)
        if key is None:  # a policy may spell the name in another case than the gallery
            folded = name.casefold()
            name = next((n for n in self._keys if n.casefold() == folded), name)
            key = self._keys.get(name)
        if key is None:
            return None
        return "pid:" + hmac.new(key, _DOMAIN + name.encode("utf-8"), hashlib.sha256).hexdigest()[:32]

    def erase(self, name: str) -> bool:
        """Delete ``name``'s key; returns whether there was one."""
        with self._lock:
            if name not in self._keys:
                return False
            keys = {n: k for n, k in self._keys.items() if n != name}
            self._save(keys)
            self._keys = keys
            return True
