"""Input images through the host proxy (issue 14 §3): A1111 init images / ControlNet / script images and
ComfyUI uploads + LoadImage, face-checked with the policy's input rules, over real HTTP on loopback.

The face checker is the hosts tests' ColourFaceChecker (a red image holds a face of the protected
"Alexandra Example"); the last test uses the real detector and matcher on a real photo.
"""

from __future__ import annotations

import base64
import io
import json

import httpx
import pytest
from aplguard.integrations.hosts import create_host_proxy
from host_upstreams import GREY, RED, ColourFaceChecker, Served, a1111_upstream, comfyui_upstream, png
from host_workflows import load_workflow

from aplguard.audit import open_sink
from aplguard.errors import ConfigError
from aplguard.types import RequestContext


def b64(colour: tuple[int, int, int]) -> str:
    return base64.b64encode(png(colour)).decode()


@pytest.fixture
def make_stack(tmp_path, request):
    """make(kind, engine fixture name, **proxy kwargs) -> (proxy url, upstream received, sink, checker)."""
    started = []

    def make(kind, engine_name, **kwargs):
        engine = request.getfixturevalue(f"{engine_name}_engine")
        received: list[dict] = []
        up = Served(comfyui_upstream(received) if kind == "comfyui" else a1111_upstream(received))
        sink = open_sink(f"sqlite:///{tmp_path / f'audit{len(started)}.db'}")
        checker = ColourFaceChecker()
        proxy = Served(create_host_proxy(up.url, kind, engine, embedding="aplguard", face_checker=checker,
                                         audit=sink, **kwargs))
        started.append((proxy, up, sink))
        return proxy.url, received, sink, checker

    yield make
    for proxy, up, sink in started:
        proxy.stop()
        up.stop()
        sink.close()


def _inputs(sink):
    return [r.model_dump(mode="json")["inputs"] for r in sink.iter_records()]


# ---------------------------------------------------------------------------------------------- A1111
def test_a1111_protected_init_image_is_refused_and_never_forwarded(make_stack):
    url, received, sink, checker = make_stack("a1111", "strict")
    for init in (b64(RED), "data:image/png;base64," + b64(RED)):
        r = httpx.post(f"{url}/sdapi/v1/img2img", json={"prompt": "an oil painting", "init_images": [init]},
                       timeout=30)
        assert r.status_code == 403, r.text
        body = r.json()
        assert body["error"] == "Blocked" and "protected person" in body["detail"]
        assert body["aplguard"]["inputs"] == [{"where": "init_images[0]", "argument": "image", "index": 0,
                                               "action": "block", "rule": "block-gallery-input", "faces": 1,
                                               "flagged": True}]
        assert body["aplguard"]["decisions"][0]["rule"] == "input:block-gallery-input"
    assert received == []  # the upstream saw nothing
    assert checker.calls == 2
    inputs = _inputs(sink)
    assert len(inputs) == 2 and inputs[0][0]["argument"] == "image" and inputs[0][0]["action"] == "block"
    assert inputs[0][0]["matches"] and inputs[0][0]["rule"] == "block-gallery-input"


def test_a1111_clean_init_image_and_mask_are_forwarded_byte_identical(make_stack):
    url, received, sink, checker = make_stack("a1111", "strict")
    init = "data:image/png;base64," + b64(GREY)
    mask = b64((255, 255, 255))
    r = httpx.post(f"{url}/sdapi/v1/img2img", json={"prompt": "an oil painting", "init_images": [init, b64(GREY)],
                                                    "mask": mask, "denoising_strength": 0.5}, timeout=30)
    assert r.status_code == 200, r.text
    assert received[-1]["init_images"] == [init, b64(GREY)] and received[-1]["mask"] == mask
    assert received[-1]["prompt"] == "an oil painting"
    guard = r.json()["aplguard"]
    assert [(i["where"], i["action"]) for i in guard["inputs"]] == [("init_images[0]", "allow"),
                                                                     ("init_images[1]", "allow")]
    assert checker.calls == 3  # two inputs (the mask is not face-checked, as in Guard) and one output
    rec = _inputs(sink)[-1]
    assert [(x["argument"], x["index"], x["action"]) for x in rec] == [("image", 0, "allow"), ("image", 1, "allow")]


def test_a1111_default_policy_anonymises_a_protected_input(make_stack):
    url, received, _, _ = make_stack("a1111", "default")
    r = httpx.post(f"{url}/sdapi/v1/img2img", json={"prompt": "an oil painting", "negative_prompt": "blurry",
                                                    "init_images": [b64(RED)]}, timeout=30)
    assert r.status_code == 200, r.text
    assert received[-1]["prompt"] == "aplguard an oil painting"  # the embedding, as Guard adds the prefix
    assert received[-1]["negative_prompt"] == "blurry"
    assert received[-1]["init_images"] == [b64(RED)]
    decisions = r.json()["aplguard"]["decisions"]
    assert (decisions[0]["action"], decisions[0]["rule"]) == ("anonymize", "input:anonymize-gallery-input")
    assert decisions[1]["action"] == "allow"  # the negative prompt is not merged


def test_a1111_malformed_and_oversized_inputs_name_the_field(make_stack):
    url, received, _, checker = make_stack("a1111", "strict", max_image_bytes=4096)
    cases = [
        ({"init_images": [b64(GREY), "not base64 at all!"]}, 400, "init_images[1]: not valid base64"),
        ({"init_images": [base64.b64encode(b"plain text, not an image").decode()]}, 400,
         "init_images[0]: not an image file"),
        ({"init_images": ["data:image/png," + b64(GREY)]}, 400, "init_images[0]: a data: URL must be"),
        ({"init_images": [b64(GREY)], "mask": 12}, 400, "mask: expected a base64-encoded image"),
        ({"init_images": "abc"}, 400, "init_images: expected a list"),
        ({"init_images": [base64.b64encode(b"\x89PNG" + b"\0" * 8000).decode()]}, 413, "init_images[0]: image over"),
        ({"alwayson_scripts": {"controlnet": {"args": [{"image": "%%%", "module": "canny"}]}}}, 400,
         "alwayson_scripts.controlnet.args[0].image: not valid base64"),
    ]
    for extra, status, detail in cases:
        r = httpx.post(f"{url}/sdapi/v1/img2img", json={"prompt": "a cat", **extra}, timeout=30)
        assert r.status_code == status, (extra, r.text)
        assert r.json()["detail"].startswith(detail), r.json()
    big = Image_bytes_of_side(20_000)  # header says 20000 x 1: refused from the header, before decoding
    r = httpx.post(f"{url}/sdapi/v1/img2img", json={"prompt": "a cat", "init_images": [big]}, timeout=30)
    assert r.status_code == 413 and r.json()["detail"].startswith("init_images[0]:")
    assert received == [] and checker.calls == 0


def Image_bytes_of_side(width: int) -> str:  # noqa: N802 - reads as a noun in the table above
    from PIL import Image

    buf = io.BytesIO()
    Image.new("L", (width, 1)).save(buf, format="PNG")
    return base64.b64encode(buf.getvalue()).decode()


def test_a1111_controlnet_ip_adapter_script_images_and_urls(make_stack):
    url, received, sink, _ = make_stack("a1111", "strict")
    unit = {"enabled": True, "module": "ip-adapter_clip_sd15", "model": "ip-adapter_sd15 [6a3f6166]",
            "image": {"image": b64(RED), "mask": None}, "weight": 0.8}
    r = httpx.post(f"{url}/sdapi/v1/txt2img", json={"prompt": "a portrait",
                                                    "alwayson_scripts": {"ControlNet": {"args": [unit]}}}, timeout=30)
    assert r.status_code == 403
    assert r.json()["aplguard"]["inputs"][0]["where"] == "alwayson_scripts.ControlNet.args[0].image.image"
    assert _inputs(sink)[-1][0]["argument"] == "ip_adapter_image"
    # a face-swap extension's source image, found by its signature in the script's positional args
    swap = {"reactor": {"args": ["data:image/png;base64," + b64(RED), True, "0", "0"]}}
    r = httpx.post(f"{url}/sdapi/v1/txt2img", json={"prompt": "a portrait", "alwayson_scripts": swap}, timeout=30)
    assert r.status_code == 403 and r.json()["aplguard"]["inputs"][0]["where"] == "alwayson_scripts.reactor.args[0]"
    # a URL the host would fetch itself: the proxy cannot see it, refused (fail-closed by default)
    r = httpx.post(f"{url}/sdapi/v1/img2img", json={"prompt": "a cat", "init_images": ["https://example.com/a.png"]},
                   timeout=30)
    assert r.status_code == 403 and r.json()["aplguard"]["inputs"][0]["rule"] == "unseen_input"
    assert received == []
    canny = {"module": "canny", "model": "control_sd15_canny", "image": b64(GREY)}
    r = httpx.post(f"{url}/sdapi/v1/txt2img", json={"prompt": "a house",
                                                    "alwayson_scripts": {"controlnet": {"args": [canny]}}}, timeout=30)
    assert r.status_code == 200 and received[-1]["alwayson_scripts"]["controlnet"]["args"][0]["image"] == b64(GREY)
    assert _inputs(sink)[-1][0]["argument"] == "control_image"


def test_unseen_inputs_on_error_lets_the_policy_decide(make_stack):
    url, received, _, _ = make_stack("a1111", "default", unseen_inputs="on_error")
    r = httpx.post(f"{url}/sdapi/v1/img2img", json={"prompt": "a cat", "init_images": ["http://example.com/a.png"]},
                   timeout=30)
    assert r.status_code == 200, r.text  # default's on_error is anonymize
    assert received[-1]["prompt"] == "aplguard a cat"
    assert r.json()["aplguard"]["inputs"][0]["rule"] == "on_error"
    with pytest.raises(ConfigError, match="unseen_inputs"):
        create_host_proxy("http://127.0.0.1:9", "a1111", None, unseen_inputs="allow")


# --------------------------------------------------------------------------------------------- ComfyUI
def _upload(url, colour, name, path="/upload/image", tenant=None, **fields):
    headers = {"x-tenant": tenant} if tenant else {}
    return httpx.post(f"{url}{path}", files={"image": (name, png(colour), "image/png")}, data=fields,
                      headers=headers, timeout=30)


def test_comfyui_upload_then_prompt(make_stack):
    url, received, sink, _ = make_stack("comfyui", "strict")
    r = _upload(url, RED, "face.png")
    assert r.status_code == 403 and "protected person" in r.json()["detail"]
    assert received == []  # a blocked upload never reaches the host
    r = _upload(url, GREY, "portrait.png", overwrite="true")
    assert r.status_code == 200 and r.json() == {"name": "portrait.png", "subfolder": "", "type": "input"}
    assert r.headers["x-aplguard-input-action"] == "allow"
    assert received[-1]["bytes"] == png(GREY) and received[-1]["fields"] == {"overwrite": "true"}

    wf = load_workflow("sd15_img2img")
    r = httpx.post(f"{url}/prompt", json={"prompt": wf}, timeout=30)
    assert r.status_code == 200, r.text
    assert received[-1]["prompt"]["1"]["inputs"]["image"] == "portrait.png"
    assert r.json()["aplguard"]["inputs"][0]["action"] == "allow"
    n = len(received)
    for name, rule in (("face.png", "block-gallery-input"), ("example.png", "unseen_input"),
                       ("portrait.png [output]", "unseen_input")):
        wf["1"]["inputs"]["image"] = name
        r = httpx.post(f"{url}/prompt", json={"prompt": wf}, timeout=30)
        assert r.status_code == 400 and r.json()["error"]["type"] == "prompt_blocked", r.text
        assert r.json()["error"]["extra_info"]["inputs"][0]["rule"] == rule
    assert len(received) == n  # none of them forwarded
    # a mask upload saves original_ref's pixels under the new alpha: it inherits what the proxy knows of it
    r = _upload(url, (255, 255, 255), "clipspace-mask.png", path="/upload/mask", type="input",
                original_ref=json.dumps({"filename": "face.png", "subfolder": "", "type": "input"}))
    assert r.status_code == 403 and len(received) == n
    r = _upload(url, (255, 255, 255), "clipspace-mask2.png", path="/upload/mask", type="input",
                original_ref=json.dumps({"filename": "portrait.png", "subfolder": "", "type": "input"}))
    assert r.status_code == 200 and received[-1]["upload"] == "/upload/mask"
    wf["1"]["inputs"]["image"] = "clipspace-mask2.png [input]"
    assert httpx.post(f"{url}/prompt", json={"prompt": wf}, timeout=30).status_code == 200
    # malformed uploads: 4xx naming the field, nothing forwarded
    n = len(received)
    r = httpx.post(f"{url}/upload/image", files={"image": ("x.png", b"not an image", "image/png")}, timeout=30)
    assert r.status_code == 400 and r.json()["detail"].startswith("image: not an image")
    r = httpx.post(f"{url}/upload/image", data={"subfolder": "a"}, timeout=30)
    assert r.status_code == 400 and r.json()["detail"].startswith("image:")
    assert len(received) == n
    actions = [[x["action"] for x in rec] for rec in _inputs(sink)]
    assert actions[:2] == [["block"], ["allow"]]


def test_comfyui_uploads_are_remembered_per_tenant(make_stack):
    url, received, _, _ = make_stack("comfyui", "strict",
                                     context=lambda request: RequestContext(tenant=request.headers.get("x-tenant")))
    assert _upload(url, GREY, "portrait.png", tenant="acme").status_code == 200
    wf = load_workflow("sd15_img2img")
    ok = httpx.post(f"{url}/prompt", json={"prompt": wf}, headers={"x-tenant": "acme"}, timeout=30)
    other = httpx.post(f"{url}/prompt", json={"prompt": wf}, headers={"x-tenant": "globex"}, timeout=30)
    assert ok.status_code == 200 and other.status_code == 400  # globex never uploaded it through the guard
    # a later upload of the same name by another tenant replaces the file: acme's check no longer holds
    assert _upload(url, GREY, "portrait.png", tenant="globex").status_code == 200
    again = httpx.post(f"{url}/prompt", json={"prompt": wf}, headers={"x-tenant": "acme"}, timeout=30)
    assert again.status_code == 400


def test_comfyui_base64_loader_node_and_unknown_loader(make_stack):
    url, received, _, _ = make_stack("comfyui", "strict")
    wf = load_workflow("sd15_img2img")
    wf["1"] = {"class_type": "ETN_LoadImageBase64", "inputs": {"image": b64(RED)}}
    r = httpx.post(f"{url}/prompt", json={"prompt": wf}, timeout=30)
    assert r.status_code == 400 and r.json()["error"]["extra_info"]["inputs"][0]["action"] == "block"
    wf["1"]["inputs"]["image"] = "@@not base64@@"
    r = httpx.post(f"{url}/prompt", json={"prompt": wf}, timeout=30)
    assert r.status_code == 400 and r.json()["detail"].startswith("node 1 (ETN_LoadImageBase64).image:")
    wf["1"]["inputs"]["image"] = b64(GREY)
    r = httpx.post(f"{url}/prompt", json={"prompt": wf}, timeout=30)
    assert r.status_code == 200 and received[-1]["prompt"]["1"]["inputs"]["image"] == b64(GREY)
    wf["1"] = {"class_type": "LoadImageFromUrl", "inputs": {"url": "https://example.com/face.jpg"}}
    r = httpx.post(f"{url}/prompt", json={"prompt": wf}, timeout=30)
    assert r.status_code == 400 and r.json()["error"]["extra_info"]["inputs"][0]["rule"] == "unseen_input"


def test_a1111_real_face_stack_refuses_img2img_of_an_enrolled_person(tmp_path, strict_engine):
    """The real detector and matcher (BlazeFace + SFace + a gallery) on scikit-image's astronaut photo."""
    pytest.importorskip("mediapipe", reason="pip install 'aplguard[faces]'")
    skdata = pytest.importorskip("skimage.data", reason="scikit-image provides the test photo")
    from PIL import Image

    from aplguard.faces import FaceAuditor, FaceDetector, Gallery, ModelStore, SFaceMatcher

    store = ModelStore()
    if not all(store.has(n) for n in ("blazeface-short", "blazeface-full", "sface")):
        pytest.skip("face models missing; run: aplguard models pull")
    photo = Image.fromarray(skdata.astronaut())
    gallery = Gallery.create(tmp_path / "gallery")
    assert gallery.add("Eileen Collins", [photo], FaceDetector(store), SFaceMatcher(store)).accepted
    received: list[dict] = []
    up = Served(a1111_upstream(received))
    sink = open_sink(f"sqlite:///{tmp_path / 'audit.db'}")
    proxy = Served(create_host_proxy(up.url, "a1111", strict_engine, face_checker=FaceAuditor.create(
        gallery=tmp_path / "gallery"), audit=sink))
    try:
        buf = io.BytesIO()
        photo.resize((256, 256)).save(buf, format="JPEG")
        r = httpx.post(f"{proxy.url}/sdapi/v1/img2img", json={
            "prompt": "an oil painting", "init_images": [base64.b64encode(buf.getvalue()).decode()]}, timeout=60)
        assert r.status_code == 403 and r.json()["aplguard"]["inputs"][0]["rule"] == "block-gallery-input"
        assert received == []
        assert _inputs(sink)[0][0]["matches"]
    finally:
        proxy.stop()
        up.stop()
        sink.close()
