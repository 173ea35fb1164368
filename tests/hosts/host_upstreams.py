"""Loopback stand-ins for ComfyUI and A1111 that speak their documented request/response shapes,
a uvicorn thread runner, and a face checker for the proxy tests.

The upstreams record what reached them, so the tests see exactly what the proxy forwarded.
"""

from __future__ import annotations

import base64
import io
import json
import threading
import time
import uuid
from typing import Any

import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from PIL import Image

from aplguard.types import Face, FaceMatch


def png(color: tuple[int, int, int]) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (64, 64), color).save(buf, format="PNG")
    return buf.getvalue()


RED, GREY = (220, 20, 20), (128, 128, 128)


class ColourFaceChecker:
    """A FaceChecker for these tests: a red image holds one face matching the protected identity.

    The proxy only sees the port (``analyze``); the real detector and matcher are tested in tests/faces.
    """

    def __init__(self) -> None:
        self.calls = 0

    def analyze(self, image: Image.Image) -> tuple[list[Face], list[FaceMatch]]:
        self.calls += 1
        if image.getpixel((0, 0)) != RED:
            return [], []
        face = Face(box=(8.0, 8.0, 40.0, 40.0), score=0.99, detector="colour")
        return [face], [FaceMatch(0, "Alexandra Example", 0.9, 0.5, "colour")]


def comfyui_upstream(received: list[dict[str, Any]]) -> FastAPI:
    app = FastAPI()
    outputs: dict[str, str] = {}  # prompt id -> output file name

    @app.post("/prompt")
    async def prompt(request: Request) -> Any:
        body = await request.json()
        received.append(body)
        pid = str(uuid.uuid4())
        red = "Swift" in json.dumps(body["prompt"])
        outputs[pid] = "ComfyUI_00001_.png" if red else "ComfyUI_00002_.png"
        return {"prompt_id": pid, "number": len(received), "node_errors": {}}

    async def upload(request: Request) -> Any:
        # ComfyUI's /upload/image and /upload/mask: multipart "image" (+ overwrite, subfolder, type, original_ref);
        # answers {name, subfolder, type}. Recorded, so the tests see exactly what reached the host.
        form = await request.form()
        file = form["image"]
        fields = {k: v for k, v in form.items() if k != "image"}
        content = await file.read()
        received.append({"upload": request.url.path, "filename": file.filename, "bytes": content, "fields": fields})
        return {"name": file.filename, "subfolder": fields.get("subfolder", ""), "type": fields.get("type", "input")}

    app.add_api_route("/upload/image", upload, methods=["POST"])
    app.add_api_route("/upload/mask", upload, methods=["POST"])

    @app.get("/prompt")
    async def queue() -> Any:
        return {"exec_info": {"queue_remaining": 0}}

    @app.get("/history/{pid}")
    async def history(pid: str) -> Any:
        if pid not in outputs:
            return {}
        return {pid: {"prompt": [1, pid, {}, {}, ["9"]],
                      "outputs": {"9": {"images": [{"filename": outputs[pid], "subfolder": "", "type": "output"}]}},
                      "status": {"status_str": "success", "completed": True, "messages": []}}}

    @app.get("/view")
    async def view(filename: str, subfolder: str = "", type: str = "output") -> Any:
        if filename == "ComfyUI_00001_.png":
            return Response(png(RED), media_type="image/png")
        if filename == "ComfyUI_00002_.png":
            return Response(png(GREY), media_type="image/png")
        if filename == "latent.bin":
            return Response(b"\x00" * 64, media_type="application/octet-stream")
        return Response(status_code=404)

    return app


def a1111_upstream(received: list[dict[str, Any]]) -> FastAPI:
    app = FastAPI()

    async def generate(request: Request) -> Any:
        body = await request.json()
        received.append(body)
        n = int(body.get("batch_size", 1))
        colour = RED if "Swift" in body.get("prompt", "") else GREY
        images = [base64.b64encode(png(colour if i == 0 else GREY)).decode() for i in range(n)]
        return JSONResponse({"images": images, "parameters": body,
                             "info": json.dumps({"prompt": body.get("prompt", ""), "seed": 1})})

    app.add_api_route("/sdapi/v1/txt2img", generate, methods=["POST"])
    app.add_api_route("/sdapi/v1/img2img", generate, methods=["POST"])
    return app


class Served:
    """An ASGI app under uvicorn on 127.0.0.1 (an ephemeral port) in a daemon thread."""

    def __init__(self, app: Any) -> None:
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning",
                                                    lifespan="off"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("server did not start")
            time.sleep(0.01)
        self.url = f"http://127.0.0.1:{self.server.servers[0].sockets[0].getsockname()[1]}"

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
