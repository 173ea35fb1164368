"""The HTTP screening service over a real socket on loopback."""

from __future__ import annotations

import http.client
import json
import urllib.error
import urllib.request

import pytest
from aplguard.integrations.http_service import serve_in_thread


@pytest.fixture
def server(scripted):
    srv, thread = serve_in_thread(scripted({"alice": "block", "bob": "anonymize"}))
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()
    srv.server_close()


def _post(url, body: bytes, headers=None):
    req = urllib.request.Request(url, data=body, method="POST", headers={"Content-Type": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            return resp.status, json.loads(resp.read())
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read())


def test_check_roundtrip(server):
    status, data = _post(server + "/v1/check", json.dumps({"prompts": ["alice at sea", "a cat", "bob"],
                                                           "tenant": "acme"}).encode())
    assert status == 200
    got = [(r["prompt_index"], r["decision"], r["rule"]) for r in data["results"]]
    assert got == [(0, "block", "r-alice"), (1, "allow", "default"), (2, "anonymize", "r-bob")]
    first = data["results"][0]
    assert first["findings"][0]["text"] == "alice" and first["identity_seeking"] is True
    assert set(first) == {"prompt_index", "decision", "identity_seeking", "flagged", "rule", "findings",
                          "rewritten_prompt", "policy", "elapsed_ms"}


def test_health_and_errors(server):
    with urllib.request.urlopen(server + "/healthz", timeout=10) as resp:
        assert json.loads(resp.read())["status"] == "ok"
    assert _post(server + "/v1/check", b"{not json")[0] == 400
    status, data = _post(server + "/v1/check", json.dumps({"prompts": []}).encode())
    assert status == 400 and "prompts" in data["error"]
    status, data = _post(server + "/v1/check", json.dumps({"prompts": ["x"], "labels": {"a": 1}}).encode())
    assert status == 400 and "labels" in data["error"]
    assert _post(server + "/v1/nope", b"{}")[0] == 404
    # The body size is judged from Content-Length before anything is read.
    host, port = server.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=10)
    conn.putrequest("POST", "/v1/check")
    conn.putheader("Content-Length", str(2 << 20))
    conn.endheaders()
    resp = conn.getresponse()
    assert resp.status == 413 and "body over" in json.loads(resp.read())["error"]
    conn.close()


def test_detectors_are_prepared_at_start_up(tmp_path):
    """A bad detector parameter fails when the service is built, not on the first request."""
    from aplguard.integrations.http_service import make_server

    from aplguard.errors import PolicyError
    from aplguard.policy import PolicyEngine

    policy = tmp_path / "bad.yaml"
    policy.write_text("""apiVersion: aplguard/v1
name: bad
version: "1"
detectors:
  - id: shapes
    type: name_shape
    params: {min_score: not-a-number}
default: {action: allow}
output: {detect_faces: false, match_gallery: false}
""")
    engine = PolicyEngine(str(policy))  # loading validates the file; detectors are built lazily
    with pytest.raises(PolicyError, match="shapes"):
        make_server(engine, port=0)
