"""Fixtures: one loaded gateway Service (toy model, test policy) shared by real servers on loopback."""

from __future__ import annotations

import pytest
import yaml


@pytest.fixture(scope="session")
def gateway_policy(tmp_path_factory):
    """The toy demo policy plus a 'kids' tenant that blocks named people and a shadow-mode 'kids-pilot'."""
    from aplguard.training import toyworld

    from aplguard.policy.loader import shipped_policy_text

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
