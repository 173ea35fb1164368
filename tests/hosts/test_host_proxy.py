"""Gateway mode: the proxy on loopback in front of loopback ComfyUI / A1111 stand-ins, over real HTTP."""

from __future__ import annotations

import base64
import io
import json
import socket

import httpx
import pytest
from aplguard.integrations.hosts import create_host_proxy
from host_upstreams import GREY, ColourFaceChecker, Served, a1111_upstream, comfyui_upstream
from host_workflows import load_workflow
from PIL import Image

from aplguard.audit import open_sink
from aplguard.errors import ConfigError


@pytest.fixture
def stack(tmp_path, request):
    """(proxy url, upstream received bodies, audit sink, checker) for kind/engine given by the test's params."""
    kind, engine_name = request.param
    engine = request.getfixturevalue(f"{engine_name}_engine")
    received: list[dict] = []
    up = Served(comfyui_upstream(received) if kind == "comfyui" else a1111_upstream(received))
    sink = open_sink(f"sqlite:///{tmp_path / 'audit.db'}")
    checker = ColourFaceChecker()
    proxy = Served(create_host_proxy(up.url, kind, engine, embedding="aplguard", face_checker=checker, audit=sink))
    yield proxy.url, received, sink, checker
    proxy.stop()
    up.stop()
    sink.close()


@pytest.mark.parametrize("stack", [("a1111", "default")], indirect=True)
def test_a1111_anonymised_forwarded_checked_and_audited(stack):
    url, received, sink, checker = stack
    body = {"prompt": "a photo of Taylor Swift on a beach", "negative_prompt": "blurry", "batch_size": 2}
    r = httpx.post(f"{url}/sdapi/v1/txt2img", json=body, timeout=30)
    assert r.status_code == 200, r.text
    assert received[-1]["prompt"] == "aplguard a photo of Taylor Swift on a beach"
    assert received[-1]["negative_prompt"] == "blurry"
    data = r.json()
    assert len(data["images"]) == 2 and checker.calls == 2
    guard = data["aplguard"]
    assert [d["action"] for d in guard["decisions"]] == ["anonymize", "allow"]
    assert [o["action"] for o in guard["outputs"]] == ["flag", "none"]  # default: a gallery match is flagged
    records = list(sink.iter_records())
    assert len(records) == 1 and records[0].id == guard["audit_id"]
    rec = records[0].model_dump(mode="json")
    assert "Taylor Swift" not in json.dumps(rec)  # prompts are stored as keyed hashes under the default policy
    assert len(rec["outputs"]) == 2 and rec["labels"]["host"] == "a1111"
    assert [p["decision"] for p in rec["prompts"]] == \
        ["anonymize", "allow"]


@pytest.mark.parametrize("stack", [("a1111", "strict")], indirect=True)
def test_a1111_block_and_withheld_images(stack):
    url, received, sink, _ = stack
    r = httpx.post(f"{url}/sdapi/v1/txt2img", json={"prompt": "Alexandra Example at the beach"}, timeout=30)
    assert r.status_code == 403 and "protected person" in r.json()["detail"]
    assert received == []  # never forwarded
    # strict blocks a gallery match in the output: the red image is withheld, the grey one kept
    r = httpx.post(f"{url}/sdapi/v1/img2img", json={"prompt": "Taylor Swift", "batch_size": 2,
                                                    "init_images": []}, timeout=30)
    assert r.status_code == 200, r.text
    data = r.json()
    assert len(data["images"]) == 1
    kept = Image.open(io.BytesIO(base64.b64decode(data["images"][0]))).convert("RGB")
    assert kept.getpixel((0, 0)) == GREY
    assert [o["withheld"] for o in data["aplguard"]["outputs"]] == [True, False]
    r = httpx.post(f"{url}/sdapi/v1/txt2img", json={"prompt": "Taylor Swift"}, timeout=30)
    assert r.status_code == 403 and r.json()["error"] == "Withheld"
    assert len(list(sink.iter_records())) == 3  # the block, and both generations


@pytest.mark.parametrize("stack", [("comfyui", "strict")], indirect=True)
def test_comfyui_prompt_history_view(stack):
    url, received, sink, checker = stack
    wf = load_workflow("sd15_txt2img")
    r = httpx.post(f"{url}/prompt", json={"prompt": wf, "client_id": "c1"}, timeout=30)
    assert r.status_code == 200, r.text
    pid = r.json()["prompt_id"]
    assert received[-1]["client_id"] == "c1"
    assert received[-1]["prompt"]["6"]["inputs"]["text"].startswith("embedding:aplguard a photo of Taylor Swift")
    hist = httpx.get(f"{url}/history/{pid}", timeout=30).json()
    img = hist[pid]["outputs"]["9"]["images"][0]
    r = httpx.get(f"{url}/view", params=img, timeout=30)
    assert r.status_code == 403 and r.headers["x-aplguard-output-action"] == "block"  # red: gallery match
    assert checker.calls == 1
    r = httpx.get(f"{url}/view", params={"filename": "ComfyUI_00002_.png", "type": "output"}, timeout=30)
    assert r.status_code == 200 and r.headers["content-type"] == "image/png"
    assert Image.open(io.BytesIO(r.content)).convert("RGB").getpixel((0, 0)) == GREY
    assert httpx.get(f"{url}/view", params={"filename": "latent.bin"}, timeout=30).status_code == 415
    assert httpx.get(f"{url}/view", params={"filename": "missing.png"}, timeout=30).status_code == 404
    assert httpx.get(f"{url}/prompt", timeout=30).json() == {"exec_info": {"queue_remaining": 0}}
    # blocked: ComfyUI's error shape, nothing forwarded
    wf["6"]["inputs"]["text"] = "Alexandra Example reading"
    n = len(received)
    r = httpx.post(f"{url}/prompt", json={"prompt": wf}, timeout=30)
    assert r.status_code == 400 and r.json()["error"]["type"] == "prompt_blocked"
    assert len(received) == n
    # malformed workflows and bodies: 400 naming the problem
    r = httpx.post(f"{url}/prompt", json={"prompt": {"nodes": [], "links": []}}, timeout=30)
    assert r.status_code == 400 and "UI format" in r.json()["detail"]
    r = httpx.post(f"{url}/prompt", content=b"{not json", timeout=30)
    assert r.status_code == 400
    assert len(list(sink.iter_records())) == 5  # prompt, 2 views, the latent, the block


def test_upstream_down_no_audit_sink_and_bad_config(default_engine, tmp_path):
    no_sink = Served(create_host_proxy("http://127.0.0.1:9", "a1111", default_engine, audit=None))
    sink = open_sink(f"sqlite:///{tmp_path / 'a.db'}")
    down = Served(create_host_proxy("http://127.0.0.1:9", "comfyui", default_engine, audit=sink))
    try:  # the default policy requires an audit record: with no sink nothing is forwarded
        r = httpx.post(f"{no_sink.url}/sdapi/v1/txt2img", json={"prompt": "a cat"}, timeout=30)
        assert r.status_code == 503 and "audit" in r.json()["detail"]
        r = httpx.post(f"{down.url}/prompt", json={"prompt": load_workflow("sd15_txt2img")}, timeout=30)
        assert r.status_code == 502 and r.json()["error"] == "bad_gateway"
        # a negative Content-Length is refused, not read (httpx will not send one: a raw socket does)
        host, port = down.url.removeprefix("http://").split(":")
        with socket.create_connection((host, int(port)), timeout=10) as s:
            s.sendall(b"POST /prompt HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: -5\r\n\r\n" + b"x" * 100)
            head = s.recv(64)
        assert head.split(b" ")[1] in (b"400", b"413")
    finally:
        no_sink.stop()
        down.stop()
        sink.close()
    with pytest.raises(ConfigError, match="kind"):
        create_host_proxy("http://127.0.0.1:9", "invokeai", default_engine)
    with pytest.raises(ConfigError, match="upstream_url"):
        create_host_proxy("127.0.0.1:9", "a1111", default_engine)

