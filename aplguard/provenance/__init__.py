"""Content credentials (C2PA) for generated images: sign, read back, verify.

    from aplguard import Guard
    from aplguard.provenance import ContentCredentials
    creds = ContentCredentials.from_files("chain.pem", "signer.key")
    guard = Guard(pipe, audit="sqlite:///audit.db", content_credentials=creds)
    out = guard("a watercolour of a lighthouse")
    open("out.png", "wb").write(out.signed_images[0])   # PNG with an embedded, signed manifest

``aplguard c2pa verify out.png --audit sqlite:///audit.db --trust ca.pem`` checks it.
Needs the ``c2pa`` extra (``pip install 'aplguard[c2pa]'``); docs/provenance.md
says what is signed, how to configure certificates and what the limits are.
Importing this package does not need the extra; signing and verifying do.
"""

from __future__ import annotations

from .certificates import TestChain, generate_test_chain
from .content_credentials import (
    ASSERTION_LABEL,
    TRAINED_ALGORITHMIC_MEDIA,
    ContentSigner,
    ImageFacts,
    manifest_definition,
)
from .credentials import ContentCredentials
from .verify import ImageVerification, cross_check_audit, verify_image

__all__ = [
    "ContentCredentials", "ContentSigner", "ImageFacts", "manifest_definition",
    "ASSERTION_LABEL", "TRAINED_ALGORITHMIC_MEDIA",
    "verify_image", "cross_check_audit", "ImageVerification",
    "generate_test_chain", "TestChain",
]
