"""The gateway fronting an AUTOMATIC1111 server (config `hosts:`), against a loopback upstream.

No real A1111 can be installed here: the upstream is a small app speaking the documented
`/sdapi/v1/txt2img` request/response shape (tests/hosts/host_upstreams.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

import httpx
import pytest

pytest.importorskip("fastapi")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hosts"))
from host_upstreams import Served, a1111_upstream  # noqa: E402


@pytest.fixture
def upstream():
    received: list = []
    served = Served(a1111_upstream(received))
    yield served.url, received
    served.stop()


def test_gateway_screens_and_forwards_to_a1111(start, upstream):
    from aplguard.integrations.gateway import GatewayConfig

    url, received = upstream
    config = GatewayConfig(hosts=[{"name": "a1111", "kind": "a1111", "upstream": url}],
                           pipeline={"enabled": False})
    gateway = start(config)
    r = httpx.post(f"{gateway.url}/hosts/a1111/sdapi/v1/txt2img", json={"prompt": "a red bicycle"}, timeout=60)
    assert r.status_code == 200, r.text
    assert received[-1]["prompt"] == "a red bicycle" and r.json()["aplguard"]["decisions"][0]["action"] == "allow"
    r = httpx.post(f"{gateway.url}/hosts/a1111/sdapi/v1/txt2img", json={"prompt": "a photo of alice"}, timeout=60)
    assert r.status_code == 200, r.text
    assert received[-1]["prompt"].startswith("aplguard ")  # anonymised: the embedding goes in front


def test_host_names_are_validated():
    from aplguard.integrations.gateway import GatewayConfig
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        GatewayConfig(hosts=[{"name": "A B", "kind": "a1111", "upstream": "http://127.0.0.1:1"}])
    with pytest.raises(ValidationError):
        GatewayConfig(hosts=[{"name": "x", "kind": "a1111", "upstream": "http://127.0.0.1:1"}] * 2)
