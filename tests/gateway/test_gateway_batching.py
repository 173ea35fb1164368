"""Micro-batching of concurrent generation requests, against the real server on loopback.

Guard calls are counted from the server's own Prometheus histogram
(``aplguard_generation_batch_size``: one observation per Guard call) and from the
audit records (one per Guard call); images are compared byte for byte with the same
requests served one at a time (batching off) by the same toy pipeline.
"""

from __future__ import annotations

import asyncio
import re
import time

import pytest

httpx = pytest.importorskip("httpx")
pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")
pytest.importorskip("diffusers")

from gateway_helpers import CLIENT_KEY, KIDS_KEY, REVIEWER_KEY, keyed  # noqa: E402

GEN = "/v1/images/generations"
# A wide window: on a loaded 2-core machine concurrent requests must still land in one batch.
BATCHED = {"batch_window_ms": 500, "batch_max_prompts": 8, "queue_size": 32}
SOLO = {"batch_window_ms": 0, "queue_size": 32}
PROMPTS = ["a red circle", "a blue square", "a photo of a person with red hair", "a green triangle",
           "a cat on a chair", "a yellow star", "a photo of alice", "two red circles"]


def _auth(key):
    return {"Authorization": f"Bearer {key}"}


def _burst(url, jobs):
    """POST every (key, body) at once; the responses in order."""
    async def run():
        async with httpx.AsyncClient(base_url=url, timeout=120) as c:
            return await asyncio.gather(*[c.post(GEN, json=body, headers=_auth(key)) for key, body in jobs])

    return asyncio.run(run())


def _guard_calls(url) -> tuple[float, float]:
    """(Guard calls, requests they served) from the batch-size histogram."""
    text = httpx.get(url + "/metrics").text
    count = re.search(r"^aplguard_generation_batch_size_count (\S+)$", text, re.M)
    total = re.search(r"^aplguard_generation_batch_size_sum (\S+)$", text, re.M)
    return float(count.group(1)) if count else 0.0, float(total.group(1)) if total else 0.0


def _record(url, audit_id):
    r = httpx.get(f"{url}/v1/audit/records/{audit_id}", headers=_auth(REVIEWER_KEY))
    assert r.status_code == 200, r.text
    return r.json()


def test_concurrent_requests_share_guard_calls_and_get_their_solo_images(start):
    jobs = [(CLIENT_KEY, {"prompt": p, "seed": 1000 + i}) for i, p in enumerate(PROMPTS[:6])]
    jobs.append((CLIENT_KEY, {"prompt": PROMPTS[6]}))  # no seed: may share the batch, gets random noise
    jobs.append((CLIENT_KEY, {"prompt": PROMPTS[7], "seed": 7, "n": 1}))
    srv = start(keyed(pipeline=BATCHED))
    rs = _burst(srv.url, jobs)
    assert [r.status_code for r in rs] == [200] * len(jobs), [r.text[:200] for r in rs]
    calls, served = _guard_calls(srv.url)
    assert served == len(jobs) and calls < len(jobs), (calls, served)
    bodies = [r.json() for r in rs]
    audit_ids = {b["aplguard"]["audit_id"] for b in bodies}
    assert len(audit_ids) == calls
    # Each request is its own prompt of the shared record, with its own decision.
    for b in bodies:
        batch = b["aplguard"]["batch"]
        rec = _record(srv.url, b["aplguard"]["audit_id"])
        assert len(rec["prompts"]) == batch["requests"]
        assert rec["prompts"][batch["prompt_index"]]["decision"] == b["aplguard"]["decision"]["decision"]
        assert rec["tenant"] == "acme"
        assert rec["labels"].get("aplguard.batch") == (str(batch["requests"]) if batch["requests"] > 1 else None)
    assert max(b["aplguard"]["batch"]["requests"] for b in bodies) > 1
    assert sorted((b["aplguard"]["audit_id"], b["aplguard"]["batch"]["prompt_index"]) for b in bodies) == \
        sorted(set((b["aplguard"]["audit_id"], b["aplguard"]["batch"]["prompt_index"]) for b in bodies))
    # The same seeded requests one at a time (batching off): byte-identical images.
    solo = start(keyed(pipeline=SOLO))
    with httpx.Client(base_url=solo.url, timeout=120, headers=_auth(CLIENT_KEY)) as c:
        for b, (_, body) in zip(bodies, jobs):
            if "seed" not in body:
                continue
            alone = c.post(GEN, json=body)
            assert alone.status_code == 200 and alone.json()["aplguard"]["batch"] == {"requests": 1, "prompt_index": 0}
            assert [d["b64_json"] for d in alone.json()["data"]] == [d["b64_json"] for d in b["data"]], body
    assert _guard_calls(solo.url) == (6 + 1, 6 + 1)


def test_several_images_per_request_keep_their_seeds(start):
    jobs = [(CLIENT_KEY, {"prompt": p, "seed": 42 + i, "n": 2}) for i, p in enumerate(PROMPTS[:3])]
    srv = start(keyed(pipeline=BATCHED))
    rs = _burst(srv.url, jobs)
    assert [r.status_code for r in rs] == [200] * 3 and _guard_calls(srv.url)[0] < 3
    solo = start(keyed(pipeline=SOLO))
    for r, (_, body) in zip(rs, jobs):
        alone = httpx.post(solo.url + GEN, json=body, headers=_auth(CLIENT_KEY), timeout=120).json()
        assert len(alone["data"]) == 2 and alone["data"] == r.json()["data"]
        assert alone["data"][0] != alone["data"][1]  # image j is seeded seed + j


def test_different_parameters_and_tenants_are_never_merged(start):
    groups = {"acme": (CLIENT_KEY, {}), "acme-labelled": (CLIENT_KEY, {"labels": {"team": "a"}}),
              "acme-n2": (CLIENT_KEY, {"n": 2}), "kids": (KIDS_KEY, {})}
    jobs, names = [], []
    for name, (key, extra) in groups.items():
        for p in PROMPTS[:3]:
            jobs.append((key, {"prompt": p, **extra}))
            names.append(name)
    srv = start(keyed(pipeline=BATCHED))
    rs = _burst(srv.url, jobs)
    assert all(r.status_code == 200 for r in rs), [r.text[:200] for r in rs]
    by_audit: dict[str, set[str]] = {}
    for name, r in zip(names, rs):
        by_audit.setdefault(r.json()["aplguard"]["audit_id"], set()).add(name)
    assert all(len(v) == 1 for v in by_audit.values()), by_audit
    assert len(by_audit) < len(jobs)  # and the groups themselves were batched
    for audit_id, (name,) in by_audit.items():
        rec = _record(srv.url, audit_id)
        assert rec["tenant"] == ("kids" if name == "kids" else "acme")
        assert rec["labels"].get("team") == ("a" if name == "acme-labelled" else None)


def test_a_blocked_prompt_fails_only_its_own_request(start):
    # The kids tenant blocks named people; the other prompts of the batch still get their images.
    jobs = [(KIDS_KEY, {"prompt": p, "seed": i}) for i, p in enumerate(["a red circle", "a photo of alice",
                                                                        "a blue square", "a green triangle"])]
    srv = start(keyed(pipeline=BATCHED))
    rs = _burst(srv.url, jobs)
    assert [r.status_code for r in rs] == [200, 400, 200, 200], [r.text[:200] for r in rs]
    err = rs[1].json()["error"]
    assert err["type"] == "content_policy_violation" and err["message"] == \
        "Pictures of real people are not available here."
    assert "data" not in rs[1].json()
    shared = err["aplguard"]["audit_id"]
    assert shared in {r.json()["aplguard"]["audit_id"] for r in (rs[0], rs[2], rs[3])}  # it was batched with them
    rec = _record(srv.url, shared)
    blocked = err["aplguard"]["batch"]["prompt_index"]
    assert rec["prompts"][blocked]["decision"] == "block"
    assert [p["decision"] for i, p in enumerate(rec["prompts"]) if i != blocked] == ["allow"] * (len(rec["prompts"]) - 1)
    for r in (rs[0], rs[2], rs[3]):
        assert len(r.json()["data"]) == 1


def test_queue_full_still_answers_503_and_depth_returns_to_zero(start):
    srv = start(keyed(pipeline={"queue_size": 2, "batch_window_ms": 200, "batch_max_prompts": 2}))
    rs = _burst(srv.url, [(CLIENT_KEY, {"prompt": "a red circle"}) for _ in range(8)])
    codes = [r.status_code for r in rs]
    assert codes.count(200) >= 2 and 503 in codes, codes
    metrics = httpx.get(srv.url + "/metrics").text
    assert re.search(r"^aplguard_generation_queue_depth 0\.0$", metrics, re.M)
    assert "aplguard_generation_rejected_total" in metrics


def test_only_backends_that_take_prompt_lists_are_batched():
    from aplguard.integrations.gateway.generation import backend_batches

    from aplguard.backends.callable_backend import CallableBackend
    from aplguard.backends.diffusers_backend import DiffusersBackend
    from aplguard.testing import tiny_sd_pipeline

    class OnePromptAtATime(CallableBackend):
        supports_batch = False

    assert backend_batches(DiffusersBackend(tiny_sd_pipeline()))
    assert not backend_batches(CallableBackend(lambda prompts, **kw: []))
    assert not backend_batches(OnePromptAtATime(lambda prompts, **kw: []))


def test_reserved_label_prefix_is_refused(start):
    srv = start(keyed())
    r = httpx.post(srv.url + GEN, json={"prompt": "a red circle", "labels": {"aplguard.batch": "9"}},
                   headers=_auth(CLIENT_KEY), timeout=60)
    assert r.status_code == 400 and "reserved" in r.json()["error"]["message"]


def test_requests_that_time_out_in_the_window_are_not_generated(start):
    # The window outlasts the timeout: every request answers 504, and the worker skips the batch.
    srv = start(keyed(pipeline={"batch_window_ms": 800, "timeout_s": 0.2, "queue_size": 8}))
    rs = _burst(srv.url, [(CLIENT_KEY, {"prompt": p}) for p in PROMPTS[:3]])
    assert [r.status_code for r in rs] == [504] * 3
    time.sleep(1.5)  # the window ends and the worker reaches the batch
    assert _guard_calls(srv.url) == (0.0, 0.0)
    assert re.search(r"^aplguard_generation_queue_depth 0\.0$", httpx.get(srv.url + "/metrics").text, re.M)


def test_each_request_of_a_batch_gets_the_guard_call_in_its_own_trace(gateway_service):
    pytest.importorskip("opentelemetry.sdk")
    from aplguard.integrations.gateway import ThreadServer
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import SimpleSpanProcessor
    from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    srv = ThreadServer(keyed(pipeline=BATCHED), gateway_service, tracer_provider=provider)
    try:
        rs = _burst(srv.url, [(CLIENT_KEY, {"prompt": p}) for p in PROMPTS[:3]])
    finally:
        srv.stop()
    assert [r.status_code for r in rs] == [200] * 3
    assert len({r.json()["aplguard"]["audit_id"] for r in rs}) == 1  # one Guard call
    spans = exporter.get_finished_spans()
    requests = [s for s in spans if s.name == "aplguard.request"]
    guards = [s for s in spans if s.name == "aplguard.guard"]
    assert len(requests) == 3 and len(guards) == 3
    assert {g.context.trace_id for g in guards} == {r.context.trace_id for r in requests}
    assert all(g.attributes["aplguard.batch.requests"] == 3 for g in guards)
    for g in guards:
        stages = [s for s in spans if s.parent is not None and s.parent.span_id == g.context.span_id]
        assert {"aplguard.screen", "aplguard.generate", "aplguard.audit"} <= {s.name for s in stages}


def test_a_prompt_guard_would_refuse_is_refused_before_it_can_join_a_batch(start):
    # The gateway's own limit allows more characters than Guard's: such a prompt must not fail its batch.
    srv = start(keyed(limits={"max_prompt_chars": 5000, "max_request_chars": 20000}, pipeline=BATCHED))
    rs = _burst(srv.url, [(CLIENT_KEY, {"prompt": "a red circle " * 350}), (CLIENT_KEY, {"prompt": "a red circle"})])
    assert [r.status_code for r in rs] == [413, 200], [r.text[:200] for r in rs]
    assert "at most 4096" in rs[0].json()["error"]["message"]
