"""Fixtures: one loaded gateway Service (toy model, test policy) shared by real servers on loopback."""

from __future__ import annotations

import pytest
import yaml

pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")
pytest.importorskip("diffusers")

CLIENT_KEY = "apg_test-client-key-acme"
KIDS_KEY = "apg_test-client-key-kids"
REVIEWER_KEY = "apg_test-reviewer-key"


@pytest.fixture(scope="session")
def gateway_policy(tmp_path_factory):
    """The toy demo policy plus a 'kids' tenant that blocks named people and a shadow-mode 'kids-pilot'."""
    from aplguard.policy.loader import shipped_policy_text
    from aplguard.training import toyworld

    spec = yaml.safe_load(shipped_policy_text("default"))
    spec["name"] = "gateway-test"
    spec["protected"] = {"protected": {"entries": [{"name": n} for n in toyworld.names("all")]}}
    spec["tenants"] = {
        "kids": {"rules": [{"id": "kids-block-identity", "when": {"identity_seeking": True}, "action": "block",
                            "message": "Pictures of real people are not available here."}]},
        "kids-pilot": {"extends": "kids", "mode": "shadow"},
    }
    path = tmp_path_factory.mktemp("gateway") / "policy.yaml"
    path.write_text(yaml.safe_dump(spec))
    return path


@pytest.fixture(scope="session")
def gateway_service(gateway_policy, tmp_path_factory):
    from aplguard.integrations.gateway import GatewayConfig, Service

    audit = tmp_path_factory.mktemp("gateway-audit") / "audit.db"
    svc = Service(GatewayConfig(policy=str(gateway_policy), audit=f"sqlite:///{audit}"))
    yield svc
    svc.close()


def keyed(**overrides):
    """A config with an acme client key, a kids client key and a reviewer key."""
    from aplguard.integrations.gateway import GatewayConfig, hash_key

    keys = [{"id": "acme", "hash": hash_key(CLIENT_KEY), "tenant": "acme"},
            {"id": "kids", "hash": hash_key(KIDS_KEY), "tenant": "kids"},
            {"id": "rev", "hash": hash_key(REVIEWER_KEY), "role": "reviewer"}]
    return GatewayConfig.model_validate({"keys": keys, **overrides})


@pytest.fixture
def start(gateway_service):
    """start(config) -> a running ThreadServer on 127.0.0.1 (stopped after the test)."""
    from aplguard.integrations.gateway import ThreadServer

    servers = []

    def _start(config):
        srv = ThreadServer(config, gateway_service)
        servers.append(srv)
        return srv

    yield _start
    for srv in servers:
        srv.stop()
