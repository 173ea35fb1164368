"""The gateway returns C2PA-signed images when its config names content credentials."""

from __future__ import annotations

import base64

import httpx
import pytest

pytest.importorskip("c2pa", reason="pip install 'aplguard[c2pa]'")


def test_generated_images_carry_credentials_naming_the_audit_record(gateway_policy, tmp_path):
    from aplguard.integrations.gateway import GatewayConfig, Service, ThreadServer

    from aplguard.provenance import generate_test_chain, verify_image

    chain = generate_test_chain()
    (tmp_path / "chain.pem").write_bytes(chain.chain_pem)
    (tmp_path / "key.pem").write_bytes(chain.private_key_pem)
    config = GatewayConfig(policy=str(gateway_policy), audit=f"sqlite:///{tmp_path}/audit.db",
                           pipeline={"steps": 2, "content_credentials": {"cert_chain": str(tmp_path / "chain.pem"),
                                                                          "private_key": str(tmp_path / "key.pem")}})
    service = Service(config)
    server = ThreadServer(config, service)
    try:
        r = httpx.post(f"{server.url}/v1/images/generations", json={"prompt": "a red circle", "n": 1}, timeout=120)
    finally:
        server.stop()
        service.close()
    assert r.status_code == 200, r.text
    body = r.json()
    data = base64.b64decode(body["data"][0]["b64_json"])
    rep = verify_image(data, "response", trust_anchors_pem=chain.ca_pem)
    assert rep.ok and rep.trusted, rep.failures
    assert rep.assertion["audit"]["record_id"] == body["aplguard"]["audit_id"]
    assert rep.assertion["audit"]["leaf_index"] is not None
