"""Gateway mode for ComfyUI and AUTOMATIC1111/Forge: a FastAPI app in front of the host's API.

``create_host_proxy(upstream, kind, engine, ...)`` returns an ASGI app that screens each
request's texts with the policy, forwards the rewritten request to the host with httpx,
checks the images that come back with the face checker and the output policy
(``engine.decide_output``), and writes the audit record before answering.

* ``kind="a1111"``: ``POST /sdapi/v1/txt2img`` and ``/sdapi/v1/img2img``. The returned
  base64 images are checked in the response itself; withheld images are removed and the
  response gains an ``aplguard`` object (decisions, output actions, audit id).
* ``kind="comfyui"``: ``POST /prompt`` (screened and rewritten), ``GET /prompt`` (queue),
  ``GET /history/{prompt_id}`` and ``GET /view`` (each image checked before it is returned),
  ``POST /upload/image`` and ``/upload/mask`` (checked on arrival, remembered per file and
  tenant for the ``LoadImage`` nodes of later prompts).
  ComfyUI's websocket (live previews, progress) is not proxied; see docs/hosts.md.

Input images (A1111 ``init_images``, ControlNet units, base64 images in script arguments;
ComfyUI uploads, ``LoadImage`` files, base64 loader nodes) go through the same face checker
and the policy's ``decide_input``, merged into the prompt's decision as Guard merges them
(:mod:`.input_checks`).

The app has no authentication of its own: mount it behind the gateway (or another proxy
that authenticates callers) with ``app.mount("/hosts/comfyui", create_host_proxy(...))``.
"""

from __future__ import annotations

import base64
import binascii
import io
import logging
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from fastapi import FastAPI, Request  # the module needs the [hosts] extra; the package imports it lazily
from fastapi.responses import JSONResponse, Response
from PIL import Image
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException

from aplguard.errors import AplGuardError, AuditError, ConfigError
from aplguard.ports import AuditPort, FaceChecker
from aplguard.types import Decision, Face, FaceMatch, InputDecision, OutputDecision, RequestContext

from .a1111 import screen_a1111_request
from .comfyui import output_images, screen_workflow, validate_workflow
from .embeddings import check_name
from .input_checks import UNSEEN_MODES, CheckedInput, UploadMemory, block_message, check_inputs, check_upload
from .input_images import (
    HostInputError,
    InputImage,
    a1111_input_images,
    comfyui_input_images,
    decode_image,
    decode_input,
    upload_key,
)
from .screening import HostRequestError, ScreenResult

log = logging.getLogger(__name__)

KINDS = ("comfyui", "a1111")
_KEEP = ("none", "flag")  # output actions that return the image as it is
_MAX_REMEMBERED = 10_000  # prompt ids / image names remembered for the output check


class _Bounded(OrderedDict[Any, Any]):
    """A dict that forgets its oldest entries beyond ``limit`` (per app, never global)."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit

    def put(self, key: Any, value: Any) -> None:
        self[key] = value
        self.move_to_end(key)
        while len(self) > self.limit:
            self.popitem(last=False)


def create_host_proxy(upstream_url: str, kind: str, engine: Any, *, embedding: str | None = "aplguard",
                      face_checker: FaceChecker | None = None, audit: AuditPort | None = None,
                      audit_key: bytes | None = None,
                      context: Callable[[Any], RequestContext] | None = None,
                      model_family: str | None = None, timeout_s: float = 600.0,
                      max_body_bytes: int = 32 * 1024 * 1024, max_image_bytes: int = 64 * 1024 * 1024,
                      unseen_inputs: str = "block") -> Any:
    """Build the proxy app.

    Args:
        upstream_url: the host's base URL (``http://127.0.0.1:8188`` for ComfyUI,
            ``http://127.0.0.1:7860`` for A1111).
        kind: ``comfyui`` or ``a1111``.
        engine: an :class:`aplguard.policy.PolicyEngine` (``decide_prompt``, ``decide_output``,
            ``settings``, ``protected_names``).
        embedding: the name of the embedding exported with ``aplguard prefix export --for KIND``
            (None: anonymised prompts are refused).
        face_checker: checks returned images (e.g. :class:`aplguard.faces.FaceAuditor`). When
            None and the policy asks for face detection, each image counts as a failed check
            and the policy's ``on_error`` decides.
        audit: where records go (an :class:`aplguard.audit.AuditSink`); None: no records (and a
            policy with ``audit.required`` then refuses every request).
        audit_key: key for prompt hashes when ``audit`` is not an AuditSink.
        context: request -> RequestContext (tenant, role) as the mounting gateway resolved it;
            default: a context with ``model_family`` only.
        model_family: recorded in the default context.
        timeout_s: upstream timeout (generation can take minutes).
        max_body_bytes, max_image_bytes: bounds on a request body and on one image (returned,
            uploaded or sent as base64).
        unseen_inputs: when the policy checks input images, what an input the proxy cannot see
            means (a URL the host fetches, a host-side folder, a ComfyUI file that did not come
            through this proxy's upload): ``block`` (default, fail-closed) refuses the request;
            ``on_error`` counts it as a failed check, so the policy's ``on_error`` decides.
    """
    if kind not in KINDS:
        raise ConfigError(f"create_host_proxy: kind must be one of {KINDS}, got {kind!r:.40}")
    if not isinstance(upstream_url, str) or not upstream_url.startswith(("http://", "https://")):
        raise ConfigError(f"create_host_proxy: upstream_url must be an http(s) URL, got {upstream_url!r:.80}")
    if embedding is not None:
        check_name(embedding)
    if unseen_inputs not in UNSEEN_MODES:
        raise ConfigError(f"create_host_proxy: unseen_inputs must be one of {UNSEEN_MODES}, got {unseen_inputs!r:.40}")
    upstream = upstream_url.rstrip("/")
    key = audit_key if audit_key is not None else getattr(audit, "key", None)
    prompt_decisions: _Bounded = _Bounded(_MAX_REMEMBERED)  # comfyui prompt id -> positive Decision
    image_prompts: _Bounded = _Bounded(_MAX_REMEMBERED)  # (type, subfolder, filename) -> prompt id
    uploads = UploadMemory(_MAX_REMEMBERED)  # uploaded file -> tenant -> input-check evidence and decision

    app = FastAPI(title=f"aplguard {kind} proxy", docs_url=None, redoc_url=None, openapi_url=None)

    def ctx_of(request: Request) -> RequestContext:
        return context(request) if context is not None else RequestContext(model_family=model_family)

    async def read_body(request: Request) -> bytes:
        declared = request.headers.get("content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > max_body_bytes):
            raise _HTTPError(413, f"request body over {max_body_bytes} bytes (or a bad Content-Length)")
        chunks, size = [], 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > max_body_bytes:
                raise _HTTPError(413, f"request body over {max_body_bytes} bytes")
            chunks.append(chunk)
        return b"".join(chunks)

    async def read_json(request: Request) -> Any:
        import json

        body = await read_body(request)
        try:
            return json.loads(body)
        except (ValueError, RecursionError):
            raise _HTTPError(400, "request body is not valid JSON") from None

    async def read_form(request: Request) -> FormData:
        """A multipart form, read within ``max_body_bytes`` before any parsing."""
        body = await read_body(request)

        async def replay() -> dict[str, Any]:
            return {"type": "http.request", "body": body, "more_body": False}

        try:
            form: FormData = await Request(request.scope, replay).form(max_files=2, max_fields=16,
                                                                       max_part_size=max_body_bytes)
        except (StarletteHTTPException, ValueError, AssertionError):
            raise _HTTPError(400, "request body is not a valid multipart form") from None
        return form

    async def upstream_call(method: str, path: str, **kw: Any) -> Any:
        import httpx

        try:
            async with httpx.AsyncClient(base_url=upstream, timeout=timeout_s) as client:
                resp = await client.request(method, path, **kw)
                await resp.aread()
                return resp
        except httpx.HTTPError as exc:
            raise _HTTPError(502, f"upstream {kind} unreachable or failed: {type(exc).__name__}") from None

    def write_record(ctx: RequestContext, result: ScreenResult | None, *, images: Sequence[Image.Image | None] = (),
                     faces: Sequence[Sequence[Face]] = (), matches: Sequence[Sequence[FaceMatch]] = (),
                     outputs: Sequence[OutputDecision] = (), errors: Sequence[str] = (),
                     timings: dict[str, float] | None = None, inputs: Sequence[InputDecision] = ()) -> str | None:
        """Append the audit record; raise 503 when the policy requires it and it cannot be written."""
        from aplguard.audit import build_record

        settings = engine.settings(ctx)
        texts = result.texts if result is not None else ()
        if audit is None:
            if settings.audit_required:
                raise _HTTPError(503, "the policy requires an audit record and this proxy has no audit sink")
            return None
        try:
            record = build_record(
                tenant=ctx.tenant, labels={**ctx.labels, "host": kind}, policy_name=settings.name,
                policy_version=settings.version, policy_sha256=settings.sha256, model_id=ctx.model_id,
                prefix_id=None, prompts=[t.text for t in texts], decisions=[t.decision for t in texts],
                protected_names=engine.protected_names(ctx), prompt_storage=settings.privacy.prompt_storage,
                thumbnails=settings.privacy.thumbnails, images=images, faces=faces, matches=matches,
                outputs=outputs, timings=timings, errors=errors, per_prompt=max(1, len(images)), key=key,
                inputs=inputs)
            return str(audit.append(record))
        except AuditError as exc:
            log.error("host proxy: audit write failed: %s", type(exc).__name__)
            if settings.audit_required:
                raise _HTTPError(503, "the audit record could not be written; nothing is returned") from None
            return None

    def need_audit(ctx: RequestContext) -> None:
        """Refuse before anything is forwarded when the policy requires a record this proxy cannot write."""
        if audit is None and engine.settings(ctx).audit_required:
            raise _HTTPError(503, "the policy requires an audit record and this proxy has no audit sink")

    def check_image(pil: Image.Image, ctx: RequestContext, prompt_decision: Decision | None,
                    ) -> tuple[list[Face], list[FaceMatch], OutputDecision, Image.Image | None]:
        """Faces, matches, the output decision, and the image to return (None: withheld)."""
        settings = engine.settings(ctx)
        faces: list[Face] = []
        matches: list[FaceMatch] = []
        errors: list[str] = []
        if face_checker is not None and (settings.detect_faces or settings.match_gallery):
            try:
                faces, matches = face_checker.analyze(pil)
            except AplGuardError as exc:
                errors.append(f"face check failed: {type(exc).__name__}")
        elif settings.detect_faces:
            errors.append("no face checker configured in the host proxy")
        od = engine.decide_output(faces=faces, matches=matches, ctx=ctx, prompt_decision=prompt_decision,
                                  errors=errors)
        if od.action in _KEEP:
            return faces, matches, od, pil
        if od.action == "blur" and faces:
            from aplguard.faces.auditor import blur_faces

            return faces, matches, od, blur_faces(pil, faces)
        return faces, matches, od, None  # block, regenerate (a proxy cannot regenerate), blur without faces

    def refused(result: ScreenResult, ctx: RequestContext, checked: Sequence[CheckedInput] = ()) -> Any:
        audit_id = write_record(ctx, result, inputs=[c.decision for c in checked])
        if kind == "comfyui":  # ComfyUI's own error shape, which its clients already display
            return JSONResponse({"error": {"type": "prompt_blocked", "message": result.message,
                                           "details": result.message,
                                           "extra_info": {"audit_id": audit_id,
                                                          "inputs": [c.summary() for c in checked]}},
                                 "node_errors": {}}, status_code=400)
        return JSONResponse({"error": "Blocked", "detail": result.message,
                             "aplguard": _summary(result, audit_id, checked)}, status_code=403)

    async def screen_with_inputs(screen: Callable[..., ScreenResult], request_body: Any, ctx: RequestContext,
                                 images: Sequence[InputImage], pils: Sequence[Image.Image | None],
                                 ) -> tuple[ScreenResult, list[CheckedInput]]:
        """Screen the texts, check the input images with the prompt's decision, merge (Guard's order)."""
        decide = decider(ctx)
        result = await run_in_threadpool(screen, request_body, decide, embedding, ctx)
        if not result.ok or not images or not engine.settings(ctx).input_checks:
            return result, []
        checked = await run_in_threadpool(check_inputs, engine, face_checker, images, pils, ctx,
                                          result.positive_decision, unseen=unseen_inputs, uploads=uploads)
        if not checked:
            return result, checked
        result = await run_in_threadpool(screen, request_body, decide, embedding, ctx, [c.decision for c in checked])
        message = block_message(checked)
        if result.ok and message:  # e.g. a workflow with no positive text: the input still blocks
            result = replace(result, refusal=message)
        return result, checked

    def decode_all(images: Sequence[InputImage]) -> list[Image.Image | None]:
        return [decode_input(i, max_image_bytes) if i.data is not None else None for i in images]

    @app.exception_handler(_HTTPError)
    async def _http_error(request: Request, exc: _HTTPError) -> Any:
        return JSONResponse({"error": exc.kind, "detail": exc.detail}, status_code=exc.status)

    @app.exception_handler(HostRequestError)
    async def _bad_request(request: Request, exc: HostRequestError) -> Any:
        status = exc.status if isinstance(exc, HostInputError) else 400
        return JSONResponse({"error": "too_large" if status == 413 else "bad_request", "detail": str(exc)},
                            status_code=status)

    def decider(ctx: RequestContext) -> Callable[[str], Decision]:
        """The policy for one text, remembered for the request (texts are screened again after the inputs)."""
        seen: dict[str, Decision] = {}

        def decide(text: str) -> Decision:
            if text not in seen:
                seen[text] = engine.decide_prompt(text, ctx)
            return seen[text]

        return decide

    if kind == "a1111":
        async def generate(request: Request) -> Any:
            t0 = time.perf_counter()
            ctx = ctx_of(request)
            need_audit(ctx)
            body = await read_json(request)
            images = a1111_input_images(body)
            pils = await run_in_threadpool(decode_all, images)  # malformed or oversized: 4xx naming the field
            result, checked = await screen_with_inputs(screen_a1111_request, body, ctx, images, pils)
            if not result.ok:
                return refused(result, ctx, checked)
            inputs = [c.decision for c in checked]
            t_screen = (time.perf_counter() - t0) * 1000
            # The route's own path: under a mount (the gateway's /hosts/NAME) url.path has the prefix.
            resp = await upstream_call("POST", request.scope["route"].path, json=result.body)
            if resp.status_code != 200:
                write_record(ctx, result, errors=[f"upstream answered {resp.status_code}"], inputs=inputs)
                return Response(resp.content, status_code=resp.status_code,
                                media_type=resp.headers.get("content-type"))
            try:
                data = resp.json()
                encoded = data.get("images") or []
                if not isinstance(encoded, list):
                    raise ValueError
            except (ValueError, AttributeError):
                write_record(ctx, result, errors=["upstream response is not an A1111 images response"], inputs=inputs)
                raise _HTTPError(502, "upstream response is not an A1111 images response") from None
            t1 = time.perf_counter()
            returned = [await run_in_threadpool(_check_b64, check_image, item, ctx, result.positive_decision)
                        for item in encoded]
            outs = [c[1] for c in returned]
            timings = {"screen": t_screen, "faces": (time.perf_counter() - t1) * 1000}
            audit_id = write_record(ctx, result, images=[c[0] for c in returned], faces=[o[0] for o in outs],
                                    matches=[o[1] for o in outs], outputs=[o[2] for o in outs], timings=timings,
                                    inputs=inputs)
            data["images"] = [c[2] for c in returned if c[2] is not None]
            data["aplguard"] = {**_summary(result, audit_id, checked),
                                "outputs": [o[2].to_dict() | {"withheld": c[2] is None}
                                            for o, c in zip(outs, returned)]}
            if encoded and not data["images"]:
                return JSONResponse({"error": "Withheld", "detail": "every generated image was withheld by the "
                                     "output policy", "aplguard": data["aplguard"]}, status_code=403)
            return JSONResponse(data)

        app.add_api_route("/sdapi/v1/txt2img", generate, methods=["POST"])
        app.add_api_route("/sdapi/v1/img2img", generate, methods=["POST"])
        return app

    # -- ComfyUI -------------------------------------------------------------------------
    @app.post("/prompt")
    async def queue_prompt(request: Request) -> Any:
        ctx = ctx_of(request)
        need_audit(ctx)
        body = await read_json(request)
        if not isinstance(body, dict) or "prompt" not in body:
            raise HostRequestError("body: expected {\"prompt\": <API-format workflow>, ...}")
        images = comfyui_input_images(validate_workflow(body["prompt"]))
        pils = await run_in_threadpool(decode_all, images)
        result, checked = await screen_with_inputs(screen_workflow, body["prompt"], ctx, images, pils)
        if not result.ok:
            return refused(result, ctx, checked)
        inputs = [c.decision for c in checked]
        resp = await upstream_call("POST", "/prompt", json={**body, "prompt": result.body})
        if resp.status_code != 200:
            write_record(ctx, result, errors=[f"upstream answered {resp.status_code}"], inputs=inputs)
            return Response(resp.content, status_code=resp.status_code, media_type=resp.headers.get("content-type"))
        try:
            data = resp.json()
            prompt_id = str(data["prompt_id"])
        except (ValueError, KeyError, TypeError):
            write_record(ctx, result, errors=["upstream /prompt answer has no prompt_id"], inputs=inputs)
            raise _HTTPError(502, "upstream /prompt answer has no prompt_id") from None
        audit_id = write_record(replace(ctx, labels={**ctx.labels, "comfyui_prompt_id": prompt_id}), result,
                                inputs=inputs)
        prompt_decisions.put(prompt_id, result.positive_decision)
        data["aplguard"] = _summary(result, audit_id, checked)
        return JSONResponse(data)

    @app.get("/prompt")
    async def queue_info() -> Any:
        resp = await upstream_call("GET", "/prompt")
        return Response(resp.content, status_code=resp.status_code, media_type=resp.headers.get("content-type"))

    @app.get("/history/{prompt_id}")
    async def history(prompt_id: str) -> Any:
        resp = await upstream_call("GET", f"/history/{prompt_id}")
        if resp.status_code == 200:
            try:
                for pid, entry in resp.json().items():
                    for img in output_images(entry):
                        image_prompts.put((img["type"], img["subfolder"], img["filename"]), str(pid))
            except (ValueError, AttributeError):
                pass  # not a history answer: passed on as it is, nothing remembered
        return Response(resp.content, status_code=resp.status_code, media_type=resp.headers.get("content-type"))

    @app.get("/view")
    async def view(request: Request) -> Any:
        ctx = ctx_of(request)
        need_audit(ctx)
        params = dict(request.query_params)
        resp = await upstream_call("GET", "/view", params=params)
        if resp.status_code != 200:
            return Response(resp.content, status_code=resp.status_code, media_type=resp.headers.get("content-type"))
        if len(resp.content) > max_image_bytes:
            raise _HTTPError(502, f"upstream image over {max_image_bytes} bytes")
        try:
            pil = _decode(resp.content)
        except ValueError:
            write_record(ctx, None, errors=["/view answer is not an image the guard can check; withheld"])
            raise _HTTPError(415, "the guard returns only images it can check") from None
        where = (params.get("type", "output"), params.get("subfolder", ""), params.get("filename", ""))
        pid = image_prompts.get(where)
        prompt_decision = prompt_decisions.get(pid) if pid is not None else None
        faces, matches, od, keep = await run_in_threadpool(check_image, pil, ctx, prompt_decision)
        labeled = replace(ctx, labels={**ctx.labels, **({"comfyui_prompt_id": pid} if pid else {})})
        audit_id = write_record(labeled, None, images=[pil], faces=[faces], matches=[matches], outputs=[od])
        headers = {"X-Aplguard-Output-Action": od.action, **({"X-Aplguard-Audit-Id": audit_id} if audit_id else {})}
        if keep is None:
            return JSONResponse({"error": "Withheld", "detail": "the image was withheld by the output policy",
                                 "action": od.action, "rule": od.rule}, status_code=403, headers=headers)
        if keep is pil:
            return Response(resp.content, media_type=resp.headers.get("content-type", "image/png"), headers=headers)
        return Response(_encode_png(keep), media_type="image/png", headers=headers)

    async def upload(request: Request, mask: bool) -> Any:
        """Check an upload before it reaches the host; remember the outcome for later ``LoadImage`` nodes."""
        import json

        ctx = ctx_of(request)
        need_audit(ctx)
        form = await read_form(request)
        file = form.get("image")
        if not isinstance(file, UploadFile):
            raise HostRequestError("image: expected a file field named 'image' (multipart/form-data)")
        content = await file.read()
        if len(content) > max_image_bytes:
            raise HostInputError(f"image: over {max_image_bytes} bytes", status=413)
        fields = {k: v for k in ("overwrite", "subfolder", "type", "original_ref") if isinstance(v := form.get(k), str)}
        pil = await run_in_threadpool(decode_image, content, "image")  # not an image: 4xx, nothing forwarded
        checks = engine.settings(ctx).input_checks
        entry = None
        if mask:  # the saved file is original_ref's pixels under this mask's alpha: it inherits original_ref
            try:
                ref = json.loads(fields.get("original_ref", ""))
                ref_key = upload_key(ref["filename"], ref.get("subfolder"), ref.get("type"))
            except (ValueError, KeyError, TypeError, AttributeError):
                raise HostRequestError("original_ref: expected JSON {filename, subfolder, type}") from None
            entry = uploads.lookup(ref_key, ctx.tenant)
        elif checks:
            entry = await run_in_threadpool(check_upload, engine, face_checker, pil, "image", ctx)
        if checks and entry is not None and entry.blocked:
            if not mask:
                uploads.refused(upload_key(file.filename, fields.get("subfolder"), fields.get("type")), ctx.tenant,
                                entry)
            audit_id = write_record(ctx, None, inputs=[entry.decision])
            return JSONResponse({"error": "Blocked", "detail": entry.decision.message or "This image cannot be used.",
                                 "aplguard": {"audit_id": audit_id, "input": {"action": entry.decision.action,
                                                                              "rule": entry.decision.rule,
                                                                              "faces": entry.decision.faces}}},
                                status_code=403)
        resp = await upstream_call("POST", request.scope["route"].path, data=fields,
                                   files={"image": (file.filename or "image.png", content,
                                                    file.content_type or "application/octet-stream")})
        if resp.status_code == 200:
            try:
                info = resp.json()
                uploads.forwarded(upload_key(info["name"], info.get("subfolder"), info.get("type")), ctx.tenant,
                                  entry if checks else None)
            except (ValueError, KeyError, TypeError, AttributeError):
                pass  # not an upload answer: nothing remembered, so a LoadImage of it counts as unseen
        audit_id = write_record(ctx, None, inputs=[entry.decision] if entry is not None and not mask else [],
                                errors=[] if resp.status_code == 200 else [f"upstream answered {resp.status_code}"])
        headers = {**({"X-Aplguard-Input-Action": entry.decision.action} if entry is not None else {}),
                   **({"X-Aplguard-Audit-Id": audit_id} if audit_id else {})}
        return Response(resp.content, status_code=resp.status_code, media_type=resp.headers.get("content-type"),
                        headers=headers)

    @app.post("/upload/image")
    async def upload_image(request: Request) -> Any:
        return await upload(request, mask=False)

    @app.post("/upload/mask")
    async def upload_mask(request: Request) -> Any:
        return await upload(request, mask=True)

    return app


class _HTTPError(Exception):
    def __init__(self, status: int, detail: str, kind: str | None = None) -> None:
        super().__init__(detail)
        self.status, self.detail = status, detail
        self.kind = kind or {400: "bad_request", 413: "too_large", 415: "unsupported", 502: "bad_gateway",
                             503: "unavailable"}.get(status, "error")


def _summary(result: ScreenResult, audit_id: str | None, checked: Sequence[CheckedInput] = ()) -> dict[str, Any]:
    """What the caller learns about the screening: places, roles, actions, rules (never the texts or identities)."""
    return {"audit_id": audit_id,
            "decisions": [{"where": t.where, "role": t.role, "action": t.decision.action, "rule": t.decision.rule,
                           "flagged": t.decision.flagged} for t in result.texts],
            "inputs": [c.summary() for c in checked]}


def _decode(data: bytes) -> Image.Image:
    try:
        with Image.open(io.BytesIO(data)) as im:
            im.load()
            rgb: Image.Image = im.convert("RGB")
            return rgb
    except (OSError, Image.DecompressionBombError, SyntaxError) as exc:
        raise ValueError("not an image") from exc


def _encode_png(image: Image.Image) -> bytes:
    buf = io.BytesIO()
    image.save(buf, format="PNG")
    return buf.getvalue()


def _check_b64(check: Callable[..., Any], item: Any, ctx: RequestContext, prompt_decision: Decision | None,
               ) -> tuple[Image.Image | None, tuple[list[Face], list[FaceMatch], OutputDecision], str | None]:
    """Check one A1111 base64 image: (the image, (faces, matches, decision), the base64 to return or None)."""
    try:
        raw = item.split(",", 1)[1] if isinstance(item, str) and item.startswith("data:") else item
        pil = _decode(base64.b64decode(raw, validate=True))
    except (ValueError, TypeError, binascii.Error):
        # An image the guard cannot read is withheld, never passed on unchecked.
        od = OutputDecision("block", "undecodable", True, "block", errors=("fail-closed: image not decodable",))
        return None, ([], [], od), None
    faces, matches, od, keep = check(pil, ctx, prompt_decision)
    if keep is None:
        return pil, (faces, matches, od), None
    return pil, (faces, matches, od), item if keep is pil else base64.b64encode(_encode_png(keep)).decode()


__all__ = ["KINDS", "create_host_proxy"]
