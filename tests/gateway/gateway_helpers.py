"""Keys and configs shared by the gateway tests."""

from __future__ import annotations

CLIENT_KEY = "apg_test-client-key-acme"
KIDS_KEY = "apg_test-client-key-kids"
REVIEWER_KEY = "apg_test-reviewer-key"



def keyed(**overrides):
    """A config with an acme client key, a kids client key and a reviewer key."""
    from aplguard.integrations.gateway import GatewayConfig, hash_key

    keys = [{"id": "acme", "hash": hash_key(CLIENT_KEY), "tenant": "acme"},
            {"id": "kids", "hash": hash_key(KIDS_KEY), "tenant": "kids"},
            {"id": "rev", "hash": hash_key(REVIEWER_KEY), "role": "reviewer"}]
    return GatewayConfig.model_validate({"keys": keys, **overrides})
