"""Sign generated images with a C2PA manifest (content credentials) via c2pa-python.

Each signed image carries, in its own file (PNG ``caBX`` chunk / JPEG APP11):

* ``c2pa.actions``: one ``c2pa.created`` action whose digital source type is
  IPTC ``trainedAlgorithmicMedia`` -- the machine-readable "made by a generative
  model" mark (EU AI Act Art. 50);
* ``org.aplguard.decision`` (:data:`ASSERTION_LABEL`): what the guardrail decided
  for this image -- policy name, version and sha256, the prompt's decision and
  rule, the output action and rule, the prefix id, the pixel hash the audit log
  holds for it and the audit record id (see :class:`ImageFacts`). No prompt text,
  no names, no identities: the assertion travels with the image to anyone;
* the C2PA hard binding (``c2pa.hash.data``): a SHA-256 over the file bytes
  outside the manifest, so editing a pixel invalidates the signature.

The manifest is signed with the operator's certificate (:class:`ContentCredentials`),
offline unless a timestamp authority is configured. No thumbnail is embedded:
it would double the file size and the signing time, and verifiers read the image.
"""

from __future__ import annotations

import io
import logging
import threading
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from PIL import Image

from .. import __version__
from .._deps import require
from ..errors import AplGuardError, ContentCredentialsError
from ..types import Decision, OutputDecision
from .credentials import ContentCredentials

log = logging.getLogger("aplguard.provenance")

#: Label of the aplguard assertion in the manifest.
ASSERTION_LABEL = "org.aplguard.decision"
#: Schema version of the aplguard assertion's ``data``.
ASSERTION_VERSION = 1
#: IPTC digital source type of images made by a trained generative model.
TRAINED_ALGORITHMIC_MEDIA = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"
_MIME = {"png": "image/png", "jpeg": "image/jpeg"}

#: c2pa-rs settings for signing: no embedded thumbnail, and nothing fetched from
#: the network (OCSP, remote manifests), so signing works offline.
SIGN_SETTINGS: dict[str, Any] = {
    "builder": {"thumbnail": {"enabled": False}},
    "verify": {"remote_manifest_fetch": False, "ocsp_fetch": False},
}


@dataclass(frozen=True)
class ImageFacts:
    """What the aplguard assertion states about one returned image.

    ``image_sha256`` is :func:`aplguard.audit.image_sha256` of the image as
    audited (pixels, not file bytes), the value the audit record's output entry
    holds. ``audit_leaf_index`` is the record's position in the audit log's
    Merkle tree when the sink reports one, else None.
    """

    policy_name: str | None
    policy_version: str | None
    policy_sha256: str | None
    prompt_index: int
    prompt_decision: str
    prompt_rule: str | None
    output_index: int
    output_action: str
    output_rule: str | None
    prefix_id: str | None
    model_id: str | None
    image_sha256: str
    audit_record_id: str | None
    audit_leaf_index: int | None = None

    def assertion_data(self) -> dict[str, Any]:
        """The assertion's JSON data (stable keys, versioned)."""
        f = asdict(self)
        return {
            "version": ASSERTION_VERSION,
            "generator": {"name": "aplguard", "version": __version__},
            "policy": {"name": f["policy_name"], "version": f["policy_version"], "sha256": f["policy_sha256"]},
            "prompt": {"index": f["prompt_index"], "decision": f["prompt_decision"], "rule": f["prompt_rule"]},
            "output": {"index": f["output_index"], "action": f["output_action"], "rule": f["output_rule"]},
            "prefix_id": f["prefix_id"],
            "model_id": f["model_id"],
            "image_sha256": f["image_sha256"],
            "audit": {"record_id": f["audit_record_id"], "leaf_index": f["audit_leaf_index"]},
        }


def manifest_definition(facts: ImageFacts, title: str | None = None) -> dict[str, Any]:
    """The C2PA manifest definition (c2pa-python ``Builder`` JSON) for one image."""
    definition: dict[str, Any] = {
        "claim_generator_info": [{"name": "aplguard", "version": __version__}],
        "assertions": [
            {"label": "c2pa.actions",
             "data": {"actions": [{"action": "c2pa.created", "digitalSourceType": TRAINED_ALGORITHMIC_MEDIA,
                                   "softwareAgent": {"name": "aplguard", "version": __version__}}]}},
            {"label": ASSERTION_LABEL, "data": facts.assertion_data()},
        ],
    }
    if title:
        definition["title"] = title
    return definition


class ContentSigner:
    """Encodes images and embeds a signed C2PA manifest; safe to share between threads.

    Args:
        credentials: the operator's certificate chain and key.

    Raises:
        MissingDependencyError: c2pa-python is not installed (``aplguard[c2pa]``).
        ContentCredentialsError: the C2PA library refuses the certificate or key.
    """

    def __init__(self, credentials: ContentCredentials):
        self._c2pa = require("c2pa", "c2pa")
        self.credentials = credentials
        c2pa = self._c2pa
        try:
            info = c2pa.C2paSignerInfo(credentials.alg, credentials.cert_chain_pem, credentials.private_key_pem,
                                       credentials.tsa_url)
            self._signer = c2pa.Signer.from_info(info)
            self._context = c2pa.Context.from_dict(SIGN_SETTINGS)
        except c2pa.C2paError as exc:
            raise ContentCredentialsError(f"content credentials: the C2PA library refused the signer: "
                                          f"{_short(exc)}") from None
        # One signer handle is shared; c2pa-python does not document it as thread-safe.
        self._lock = threading.Lock()

    @property
    def image_format(self) -> str:
        return self.credentials.image_format

    def encode(self, image: Image.Image) -> bytes:
        """The image encoded as the configured format, without credentials (what signing starts from)."""
        buf = io.BytesIO()
        if self.credentials.image_format == "jpeg":
            rgb = image if image.mode in ("RGB", "L") else image.convert("RGB")
            rgb.save(buf, format="JPEG", quality=int(self.credentials.jpeg_quality))
        else:
            image.save(buf, format="PNG")
        return buf.getvalue()

    def sign(self, image: Image.Image, facts: ImageFacts, title: str | None = None) -> bytes:
        """The encoded image with its signed manifest embedded.

        Raises:
            ContentCredentialsError: the C2PA library failed to sign.
        """
        return self.sign_encoded(self.encode(image), facts, title)

    def sign_encoded(self, data: bytes, facts: ImageFacts, title: str | None = None) -> bytes:
        """Embed a signed manifest in already encoded image bytes of the configured format."""
        c2pa = self._c2pa
        out = io.BytesIO()
        try:
            with self._lock:
                builder = c2pa.Builder(manifest_definition(facts, title), context=self._context)
                builder.sign(self._signer, _MIME[self.credentials.image_format], io.BytesIO(data), out)
        except c2pa.C2paError as exc:
            raise ContentCredentialsError(f"content credentials: signing failed: {_short(exc)}") from None
        return out.getvalue()

    def sign_outputs(self, images: Sequence[Image.Image | None], *, decisions: Sequence[Decision],
                     outputs: Sequence[OutputDecision], per_prompt: int, policy_name: str | None,
                     policy_version: str | None, policy_sha256: str | None, prefix_id: str | None,
                     model_id: str | None, audit_record_id: str | None,
                     audit_leaf_index: int | None = None) -> list[bytes | None]:
        """Sign every returned image of one guarded call; None where no image is returned.

        A failure to sign one image is logged (type only) and gives None for it:
        the image itself is still returned by Guard, without credentials.
        """
        from ..audit import image_sha256

        signed: list[bytes | None] = []
        for k, image in enumerate(images):
            if image is None:
                signed.append(None)
                continue
            decision = decisions[k // max(per_prompt, 1)]
            od = outputs[k] if k < len(outputs) else OutputDecision()
            facts = ImageFacts(
                policy_name=policy_name, policy_version=policy_version, policy_sha256=policy_sha256,
                prompt_index=k // max(per_prompt, 1), prompt_decision=decision.action, prompt_rule=decision.rule,
                output_index=k, output_action=od.action, output_rule=od.rule, prefix_id=prefix_id,
                model_id=model_id, image_sha256=image_sha256(image), audit_record_id=audit_record_id,
                audit_leaf_index=audit_leaf_index)
            try:
                signed.append(self.sign(image, facts, title=f"aplguard output {k}"))
            except AplGuardError as exc:
                log.error("content credentials for output %d failed: %s", k, type(exc).__name__)
                signed.append(None)
        return signed


def _short(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return (text[:300] + "...") if len(text) > 300 else (text or type(exc).__name__)
