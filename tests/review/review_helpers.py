"""A realistic audit log for the review-app tests and the screenshot, and a live uvicorn server."""

from __future__ import annotations

import random
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone
from typing import Any

from PIL import Image, ImageDraw

from aplguard.audit import AuditRecord, build_record, open_sink
from aplguard.types import Decision, Face, FaceMatch, Finding, OutputDecision

KEY = b"review-test-key-0123456789abcdef"
#: The entry the tampered-log fixture edits (tests/review/conftest.py).
TAMPERED_SEQ = 10
START = datetime(2026, 11, 20, 8, 0, tzinfo=timezone.utc)

_SCENES = ["a watercolor of a lighthouse at dusk", "a portrait of an astronaut, studio light",
           "a photo of a red fox in snow", "a street market in the rain, 35mm"]
_PEOPLE = [("Taylor Swift", "public_figure", None), ("Jane Roe", "protected", "jane-roe"),
           ("Barack Obama", "public_figure", None)]


def _image(rng: random.Random, face: bool) -> Image.Image:
    """A small picture (sky, ground, and a face-like oval when ``face``): thumbnails look like images."""
    img = Image.new("RGB", (128, 128), (rng.randint(90, 160), rng.randint(140, 200), 230))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 84, 128, 128], fill=(rng.randint(60, 110), 140, 70))
    if face:
        d.ellipse([42, 30, 86, 84], fill=(226, 186, 150))
        d.ellipse([54, 48, 60, 54], fill=(40, 30, 30))
        d.ellipse([68, 48, 74, 54], fill=(40, 30, 30))
        d.arc([54, 58, 74, 72], 20, 160, fill=(150, 60, 60), width=2)
    return img


def realistic_record(i: int, rng: random.Random) -> AuditRecord:
    """One guarded call as Guard records it (build_record), varied by ``i``."""
    tenant = ("acme-studio", "globex-ads", "initech")[i % 3]
    kind = i % 6
    scene = rng.choice(_SCENES)
    if kind in (0, 3):  # plain prompt, allowed
        prompt, decision = scene, Decision(action="allow", rule="default")
    else:
        name, fkind, canonical = _PEOPLE[(i // 6) % 3]
        prompt = f"{name} walking on a beach"
        finding = Finding(kind=fkind, score=0.93, start=0, end=len(name), text=name, detector="names",
                          canonical=canonical or name)
        action, rule = {1: ("anonymize", "public-figures"), 2: ("block", "public-figures-photoreal"),
                        4: ("rewrite", "minors-context"), 5: ("anonymize", "public-figures")}[kind]
        if fkind == "protected":
            action, rule = "block", "protected-identities"
        decision = Decision(action=action, rule=rule, flagged=action == "block", findings=(finding,),
                            rewritten_prompt="a person walking on a beach" if action == "rewrite" else None)
    blocked = decision.action == "block"
    with_face = not blocked and kind in (1, 3, 5)
    images = [] if blocked else [_image(rng, with_face)]
    faces = [[Face(box=(42, 30, 44, 54), score=0.97)] if with_face else [] for _ in images]
    matches = [[FaceMatch(face_index=0, identity="jane-roe", score=0.62, threshold=0.5)]
               if with_face and i % 5 == 0 else [] for _ in images]
    outputs = [OutputDecision(action="blur", rule="gallery-match") if m else OutputDecision() for m in matches]
    rec = build_record(
        tenant=tenant, labels={"request": f"req-{1000 + i}", "user": f"u{i % 7}"},
        policy_name="default", policy_version="3", policy_sha256="5d41402abc4b2a76b9719d911017c592" * 2,
        model_id="sd15-tiny", prefix_id="3f9a1c0be27d44e1", prompts=[prompt], decisions=[decision],
        protected_names=["Jane Roe"], prompt_storage=("hash", "redacted")[i % 2], thumbnails=True,
        images=images, faces=faces, matches=matches, outputs=outputs,
        timings={"screen": 0.4 + (i % 5) / 10, "generate": 0.0 if blocked else 1400.0 + 37 * (i % 9),
                 "faces": 0.0 if blocked else 4.2, "total": 2.0 if blocked else 1410.0 + 37 * (i % 9)},
        errors=["face check: timeout after 2000 ms"] if i % 13 == 11 else [], key=KEY)
    if i % 13 == 11:
        rec.fail_closed = ["fail-closed: face check failed; output withheld"]
    rec.timestamp = START + timedelta(hours=5 * i, minutes=rng.randint(0, 59))
    return rec


def write_log(url: str, n: int = 40, seed: int = 7) -> list[AuditRecord]:
    """Write ``n`` realistic, signed records (oldest first) and return them."""
    rng = random.Random(seed)
    recs = [realistic_record(i, rng) for i in range(n)]
    with open_sink(url, hmac_key=KEY, checkpoint_every=25) as sink:
        sink.append_many(recs)
    return recs


@contextmanager
def serve(app: Any) -> Iterator[str]:
    """Serve an ASGI app with uvicorn on 127.0.0.1 (a free port) in a thread; yields the base URL."""
    import uvicorn

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()
