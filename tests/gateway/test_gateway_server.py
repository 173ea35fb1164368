"""The gateway over real sockets on loopback: contract, auth, limits and the adversarial findings.

Each finding of the adversarial test of the old stdlib server (issue 14) has a test
here: negative Content-Length, name-dense CPU amplification, half-sent requests,
deeply nested JSON, a 5,001-digit integer, a garbage request line, tenant from the body.
"""

from __future__ import annotations

import asyncio
import base64
import json
import socket
import time

import pytest

httpx = pytest.importorskip("httpx")
pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")
pytest.importorskip("diffusers")

from aplguard.integrations.gateway import default_config  # noqa: E402
from gateway_helpers import CLIENT_KEY, KIDS_KEY, REVIEWER_KEY, keyed  # noqa: E402

CHECK_KEYS = {"prompt_index", "decision", "identity_seeking", "flagged", "rule", "findings", "rewritten_prompt",
              "policy", "elapsed_ms"}


def _auth(key):
    return {"Authorization": f"Bearer {key}"}


def _raw(port, data: bytes, timeout=10.0) -> bytes:
    """Send raw bytes; read one response (by its Content-Length) or until a close (b'' = clean close)."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        try:
            s.sendall(data)
        except (BrokenPipeError, ConnectionResetError):
            pass
        out = b""
        try:
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                out += chunk
                head, sep, body = out.partition(b"\r\n\r\n")
                if sep:
                    length = [int(line.split(b":")[1]) for line in head.lower().split(b"\r\n")
                              if line.startswith(b"content-length:")]
                    if length and len(body) >= length[0]:
                        break
        except ConnectionResetError:
            pass
        return out


def _status(raw: bytes) -> int | None:
    return int(raw.split(b" ", 2)[1]) if raw.startswith(b"HTTP/1.1 ") else None


# -- the open local default ------------------------------------------------------------------


def test_local_default_check_generate_and_closed_audit(start):
    srv = start(default_config())
    with httpx.Client(base_url=srv.url, timeout=30) as c:
        r = c.post("/v1/check", json={"prompts": ["a photo of alice", "a red circle"]})
        assert r.status_code == 200
        res = r.json()["results"]
        assert [x["decision"] for x in res] == ["anonymize", "allow"] and set(res[0]) == CHECK_KEYS
        r = c.post("/v1/images/generations", json={"prompt": "a photo of alice", "n": 2, "seed": 1})
        assert r.status_code == 200, r.text
        body = r.json()
        assert len(body["data"]) == 2 and body["aplguard"]["audit_id"]
        assert body["aplguard"]["decision"]["decision"] == "anonymize"
        assert base64.b64decode(body["data"][0]["b64_json"]).startswith(b"\x89PNG")
        for path in ("/v1/audit/records", "/v1/audit/records/x", "/v1/audit/verify"):
            r = c.get(path)
            assert r.status_code == 401 and "reviewer key" in r.json()["error"]["message"]
        assert c.get("/healthz").json()["status"] == "ok"
        assert c.get("/readyz").json()["checks"] == {"policy": True, "pipeline": True, "audit_writable": True,
                                                   "generation_responsive": True}
        r = c.get("/nope")
        assert r.status_code == 404 and r.json()["error"]["type"] == "not_found"
        metrics = c.get("/metrics").text
        assert 'aplguard_requests_total{endpoint="check",status="200"}' in metrics
        assert 'aplguard_decisions_total{action="anonymize",endpoint="check",rule="anonymize-identity"}' in metrics
        assert "aplguard_generation_queue_depth" in metrics and "aplguard_request_seconds_bucket" in metrics


def test_generation_request_errors(start):
    srv = start(default_config())
    with httpx.Client(base_url=srv.url, timeout=30) as c:
        for body, needle in [({"prompt": ""}, "prompt"), ({"prompt": "a cat", "n": 99}, "n:"),
                             ({"prompt": "a cat", "size": "1024x1024"}, "size"),
                             ({"prompt": "a cat", "response_format": "url"}, "b64_json"),
                             ({"prompt": "a cat", "seed": -1}, "seed")]:
            r = c.post("/v1/images/generations", json=body)
            assert r.status_code == 400 and needle in r.json()["error"]["message"], (body, r.text)


# -- keys, roles, tenants --------------------------------------------------------------------


def test_keys_roles_and_tenant_from_the_key(start):
    srv = start(keyed())
    with httpx.Client(base_url=srv.url, timeout=30) as c:
        assert c.post("/v1/check", json={"prompts": ["x"]}).status_code == 401
        assert c.post("/v1/check", json={"prompts": ["x"]}, headers=_auth("wrong")).status_code == 401
        assert c.post("/v1/check", json={"prompts": ["x"]}, headers={"X-API-Key": CLIENT_KEY}).status_code == 200
        assert c.post("/v1/check", json={"prompts": ["x"]}, headers=_auth(REVIEWER_KEY)).status_code == 403
        assert c.get("/v1/audit/records", headers=_auth(CLIENT_KEY)).status_code == 403
        # The kids tenant blocks named people; a body naming the shadow-mode pilot tenant changes nothing.
        spoof = {"prompts": ["a photo of alice"], "tenant": "kids-pilot", "user_role": "admin"}
        r = c.post("/v1/check", json=spoof, headers=_auth(KIDS_KEY))
        assert r.json()["results"][0]["decision"] == "block"
        r = c.post("/v1/images/generations", json={"prompt": "a photo of alice", "tenant": "kids-pilot"},
                   headers=_auth(KIDS_KEY))
        assert r.status_code == 400
        err = r.json()["error"]
        assert err["type"] == "content_policy_violation" and err["message"] == \
            "Pictures of real people are not available here."
        assert "data" not in r.json()
        audit_id = err["aplguard"]["audit_id"]
        r = c.get(f"/v1/audit/records/{audit_id}", headers=_auth(REVIEWER_KEY))
        assert r.status_code == 200 and r.json()["tenant"] == "kids"
        assert r.json()["prompts"][0]["decision"] == "block"
        r = c.get("/v1/audit/records", params={"tenant": "kids", "decision": "block"}, headers=_auth(REVIEWER_KEY))
        assert audit_id in [x["id"] for x in r.json()["records"]]
        assert c.get("/v1/audit/records", params={"bogus": 1}, headers=_auth(REVIEWER_KEY)).status_code == 400
        assert c.get("/v1/audit/records/nope", headers=_auth(REVIEWER_KEY)).status_code == 404
        r = c.get("/v1/audit/verify", headers=_auth(REVIEWER_KEY))
        assert r.status_code == 200 and r.json()["ok"] is True


# -- limits ----------------------------------------------------------------------------------


def test_body_size_and_content_length(start):
    srv = start(keyed(limits={"max_body_bytes": 4096}))
    head = f"POST /v1/check HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {CLIENT_KEY}\r\n".encode()
    # A negative Content-Length: refused (400) without reading a body.
    raw = _raw(srv.port, head + b"Content-Length: -1\r\n\r\n" + b"x" * 100_000)
    assert _status(raw) == 400 or raw == b""
    # Over the cap by its declared length: 413 before the body is sent.
    raw = _raw(srv.port, head + b"Content-Length: 300000000\r\n\r\n")
    assert _status(raw) == 413 and b"body over 4096 bytes" in raw
    # Chunked (no length): cut off at the cap.
    chunk = b"x" * 3000
    body = b"".join(b"%x\r\n%s\r\n" % (len(chunk), chunk) for _ in range(4)) + b"0\r\n\r\n"
    raw = _raw(srv.port, head + b"Transfer-Encoding: chunked\r\n\r\n" + body)
    assert _status(raw) == 413


def test_name_dense_request_is_bounded(start):
    srv = start(keyed())
    dense = " ".join(["alice bob Kevin Brandt Maria Garcia"] * 60)[:2000]
    with httpx.Client(base_url=srv.url, timeout=30, headers=_auth(CLIENT_KEY)) as c:
        r = c.post("/v1/check", json={"prompts": [dense] * 256})  # the old 24 s request
        assert r.status_code == 413 and "at most 64" in r.json()["error"]["message"]
        r = c.post("/v1/check", json={"prompts": [dense] * 64})
        assert r.status_code == 413 and "characters in all" in r.json()["error"]["message"]
        r = c.post("/v1/check", json={"prompts": [dense + "x"]})
        assert r.status_code == 413 and "prompts[0]" in r.json()["error"]["message"]
        r = c.post("/v1/check", json={"prompts": [dense] * 8})  # at the per-request bound: screened
        assert r.status_code == 200 and len(r.json()["results"]) == 8


def test_per_key_budget_and_rate(start):
    srv = start(keyed(limits={"key_chars_per_minute": 5000, "key_requests_per_second": 1, "key_burst": 5}))
    with httpx.Client(base_url=srv.url, timeout=30) as c:
        statuses = [c.post("/v1/check", json={"prompts": ["a" * 1500]}, headers=_auth(CLIENT_KEY)).status_code
                    for _ in range(4)]
        assert statuses[:3] == [200, 200, 200] and statuses[3] == 429
        r = c.post("/v1/check", json={"prompts": ["a"]}, headers=_auth(KIDS_KEY))
        assert r.status_code == 200  # budgets are per key
        codes = [c.post("/v1/check", json={"prompts": ["a"]}, headers=_auth(KIDS_KEY)).status_code for _ in range(6)]
        assert codes[-1] == 429
        r = c.post("/v1/check", json={"prompts": ["a"]}, headers=_auth(KIDS_KEY))
        assert r.status_code == 429 and int(r.headers["retry-after"]) >= 1
        assert "rate limit" in r.json()["error"]["message"]


def test_per_key_limit_overrides(start):
    cfg = keyed(limits={"key_requests_per_second": 1, "key_burst": 2})
    keys = [k.model_copy(update={"requests_per_second": 1000.0, "burst": 1000}) if k.id == "acme" else k
            for k in cfg.keys]
    srv = start(cfg.model_copy(update={"keys": keys}))
    with httpx.Client(base_url=srv.url, timeout=30) as c:
        acme = [c.post("/v1/check", json={"prompts": ["a"]}, headers=_auth(CLIENT_KEY)).status_code for _ in range(10)]
        kids = [c.post("/v1/check", json={"prompts": ["a"]}, headers=_auth(KIDS_KEY)).status_code for _ in range(4)]
    assert acme == [200] * 10 and kids[:2] == [200, 200] and 429 in kids


def test_hostile_json_bodies(start):
    srv = start(default_config())
    with httpx.Client(base_url=srv.url, timeout=30) as c:
        for raw, needle in [(b"[" * 5000 + b"]" * 5000, "nested"), (b'{"prompts": ' + b"[" * 50 + b"]" * 50 + b"}", "nested"),
                            (b'{"prompts": ["x"], "n": ' + b"9" * 5001 + b"}", "digits"),
                            (b"{not json", "invalid JSON"), (b"\xff\xfe", "UTF-8"), (b"[1]", "JSON object")]:
            r = c.post("/v1/check", content=raw, headers={"Content-Type": "application/json"})
            assert r.status_code == 400 and needle in r.json()["error"]["message"], (raw[:20], r.text)


def test_garbage_request_line_gets_a_response(start):
    srv = start(default_config())
    for junk in (b"\x00\x01\x02garbage\r\n\r\n", b"GET / HTTP/9.9 extra\r\n\r\n", b"HELLO\r\n\r\n",
                 b"GET /healthz HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n",
                 b"GET /healthz HTTP/1.1\r\nX-Big: " + b"a" * 300_000 + b"\r\n\r\n"):  # head over the cap
        raw = _raw(srv.port, junk)
        assert _status(raw) in (400, 404, 405, 431, 505) or raw == b"", raw[:80]
    # The server still serves.
    assert httpx.get(srv.url + "/healthz").status_code == 200


def test_half_sent_requests_time_out(start):
    srv = start(keyed(server={"header_timeout_s": 1.0}, limits={"body_timeout_s": 1.0}))
    socks = []
    for i in range(50):  # half-sent heads: the old server held a thread for each, forever
        s = socket.create_connection(("127.0.0.1", srv.port), timeout=10)
        s.sendall(b"POST /v1/check HTTP/1.1\r\nHost: x\r\n" if i % 2 else b"GE")
        socks.append(s)
    t0 = time.monotonic()
    for s in socks:
        assert s.recv(100) == b""  # closed by the server
        s.close()
    assert time.monotonic() - t0 < 9
    # A complete head with a half-sent body: 408 from the body timeout.
    head = (f"POST /v1/check HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {CLIENT_KEY}\r\n"
            "Content-Length: 100\r\n\r\n{\"prompts\":").encode()
    assert _status(_raw(srv.port, head)) == 408
    assert httpx.get(srv.url + "/healthz").status_code == 200


def test_generation_queue_is_bounded(start):
    srv = start(keyed(pipeline={"queue_size": 1}))

    async def burst():
        async with httpx.AsyncClient(base_url=srv.url, timeout=60, headers=_auth(CLIENT_KEY)) as c:
            rs = await asyncio.gather(*[c.post("/v1/images/generations", json={"prompt": "a red circle", "n": 4})
                                        for _ in range(8)])
            return [r.status_code for r in rs], rs

    codes, rs = asyncio.run(burst())
    assert 200 in codes and 503 in codes, codes
    busy = next(r for r in rs if r.status_code == 503)
    assert busy.json()["error"]["type"] == "unavailable" and busy.headers["retry-after"] == "1"
    metrics = httpx.get(srv.url + "/metrics").text
    assert "aplguard_generation_rejected_total" in metrics


def test_non_loopback_open_bind_is_refused_by_serve():
    from aplguard.integrations.gateway import serve

    from aplguard.errors import ConfigError

    with pytest.raises(ConfigError, match="no API keys"):
        serve(default_config(), host="0.0.0.0", port=0)


def test_json_errors_everywhere(start):
    srv = start(keyed())
    with httpx.Client(base_url=srv.url, timeout=30) as c:
        r = c.get("/v1/check")
        assert r.status_code == 405 and json.loads(r.text)["error"]["code"] == 405


def test_review_app_is_mounted_behind_the_reviewer_check(start):
    pytest.importorskip("jinja2")
    srv = start(keyed())
    with httpx.Client(base_url=srv.url, timeout=30) as c:
        assert c.get("/review/").status_code == 401
        assert c.get("/review/", headers=_auth(CLIENT_KEY)).status_code == 403
        r = c.get("/review/", headers=_auth(REVIEWER_KEY))
        assert r.status_code == 200 and "text/html" in r.headers["content-type"]
    srv_open = start(default_config())
    assert httpx.get(srv_open.url + "/review/").status_code == 401  # closed with no keys


def test_cli_serves_with_two_workers(tmp_path):
    """`aplguard serve --workers 2` in a subprocess: both workers answer on one port, Ctrl-C stops it."""
    import signal
    import subprocess
    import sys

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    cfg = tmp_path / "gw.yaml"
    cfg.write_text(f"audit: sqlite:///{tmp_path}/a.db\npipeline: {{enabled: false}}\n")
    proc = subprocess.Popen([sys.executable, "-m", "aplguard.cli", "serve", "--config", str(cfg), "--port", str(port),
                             "--workers", "2"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                r = httpx.post(f"http://127.0.0.1:{port}/v1/check", json={"prompts": ["a photo of alice"]}, timeout=5)
                break
            except httpx.TransportError:
                assert proc.poll() is None and time.monotonic() < deadline
                time.sleep(0.5)
        assert r.status_code == 200 and r.json()["results"][0]["decision"] == "anonymize"
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            assert proc.wait(timeout=40) is not None
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    with pytest.raises(httpx.TransportError):  # no worker left behind on the port
        httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2)
