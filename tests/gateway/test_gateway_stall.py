"""Stalled generations: the queue's call time, /readyz, the worker's heartbeat decision, the config key.

A real GenerationQueue runs a ``run`` callable that really blocks its worker thread (on a
threading.Event), as a hung CUDA call or a deadlocked pipeline would; nothing here mocks
the queue. The end-to-end kill by ``aplguard serve --workers 2`` is in
test_gateway_supervisor.py.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import threading
import time

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")

from aplguard.integrations.gateway import GatewayConfigError, parse_config  # noqa: E402
from aplguard.integrations.gateway.app import Gateway  # noqa: E402
from aplguard.integrations.gateway.batching import GenerationQueue  # noqa: E402
from aplguard.integrations.gateway.heartbeat import HeartbeatDir  # noqa: E402
from aplguard.integrations.gateway.metrics import Metrics  # noqa: E402
from aplguard.integrations.gateway.stall import StallWatch  # noqa: E402
from aplguard.integrations.gateway.worker import WorkerBeat  # noqa: E402

PROMPT = "a secret prompt about alice"


class BlockedCall:
    """One request on ``queue`` whose pipeline call blocks until :meth:`release`, submitted from its own loop."""

    def __init__(self, queue: GenerationQueue):
        self.queue = queue
        self.gate = threading.Event()
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.result = asyncio.run_coroutine_threadsafe(queue.submit("key", PROMPT, self._run, 60), self.loop)
        deadline = time.monotonic() + 10
        while queue.call_running_s() is None:
            assert time.monotonic() < deadline, "the pipeline call did not start"
            time.sleep(0.01)

    def _run(self, items: list[str]) -> list[str]:
        assert self.gate.wait(60), "never released"
        return [f"image of {len(i)} chars" for i in items]

    def release(self) -> list[str]:
        self.gate.set()
        try:
            return [self.result.result(timeout=10)]
        finally:
            self.loop.call_soon_threadsafe(self.loop.stop)
            self.thread.join(timeout=10)


def _sample(metrics: Metrics, name: str) -> float:
    m = re.search(rf"^{name} (\S+)$", metrics.render().decode(), re.M)
    assert m, name
    return float(m.group(1))


def test_the_queue_reports_how_long_its_current_call_has_run():
    queue: GenerationQueue[str, str] = GenerationQueue(4, Metrics())
    assert queue.call_running_s() is None  # idle
    call = BlockedCall(queue)
    first = queue.call_running_s()
    time.sleep(0.3)
    later = queue.call_running_s()
    assert first is not None and later is not None and later >= first + 0.25  # grows while the call blocks
    assert call.release() == [f"image of {len(PROMPT)} chars"]
    assert queue.call_running_s() is None  # idle again once the call returned
    queue.close()


def test_a_call_running_past_the_timeout_is_a_stall_counted_once(caplog):
    metrics = Metrics()
    queue: GenerationQueue[str, str] = GenerationQueue(4, metrics)
    watch = StallWatch(queue.call_running_s, 0.2, metrics)
    assert watch.check() is None
    call = BlockedCall(queue)
    assert watch.check() is None  # running, within the timeout
    time.sleep(0.3)
    with caplog.at_level(logging.INFO, logger="aplguard.gateway"):
        stall = watch.check()
        assert stall is not None and stall.running_s > 0.2 and stall.timeout_s == 0.2
        assert watch.check() is not None  # still stalled, not counted again
        assert _sample(metrics, "aplguard_generation_stalls_total") == 1
        assert _sample(metrics, "aplguard_generation_call_seconds") > 0.2
        call.release()
        assert watch.check() is None
    assert _sample(metrics, "aplguard_generation_call_seconds") == 0
    assert "generation stalled: the pipeline call in progress has run" in caplog.text
    assert "ended after all" in caplog.text
    assert PROMPT not in caplog.text  # durations only: never the prompt
    assert StallWatch(queue.call_running_s, None, metrics).check() is None  # null: the check is off
    queue.close()


def test_readyz_answers_503_while_the_generation_is_stalled(gateway_service):
    config = parse_config("pipeline: {stall_timeout_s: 0.2}\n")
    gw = Gateway(config, gateway_service)  # the real app state behind /readyz, with the toy pipeline loaded
    ready = gw.ready()
    assert ready.status_code == 200 and json.loads(ready.body)["checks"]["generation_responsive"] is True
    call = BlockedCall(gw.queue)
    time.sleep(0.3)
    ready = gw.ready()
    body = json.loads(ready.body)
    assert ready.status_code == 503 and body["status"] == "not ready"
    assert body["checks"]["generation_responsive"] is False and body["checks"]["pipeline"] is True
    assert re.fullmatch(r"generation stalled: the pipeline call in progress has run \d+\.\d s "
                        r"\(pipeline\.stall_timeout_s is 0\.2\)", body["reason"]), body
    assert PROMPT not in ready.body.decode()
    call.release()
    ready = gw.ready()
    assert ready.status_code == 200 and "reason" not in json.loads(ready.body)
    gw.queue.close()


def test_a_worker_stops_beating_while_stalled_and_says_why(tmp_path):
    beats = HeartbeatDir(tmp_path)
    metrics = Metrics()
    queue: GenerationQueue[str, str] = GenerationQueue(4, metrics)
    beat = WorkerBeat(beats, 4711, StallWatch(queue.call_running_s, 0.2, metrics).check)
    assert beat.tick() and beats.age(4711) is not None and beats.cause(4711) is None
    call = BlockedCall(queue)
    assert beat.tick()  # busy within the timeout: still beating
    time.sleep(0.3)
    last = beats.age(4711)
    assert not beat.tick() and not beat.tick()  # stalled: no beat
    cause = beats.cause(4711)
    assert cause == "its generation stalled: a pipeline call ran past pipeline.stall_timeout_s (0.2 s)"
    time.sleep(0.1)
    age = beats.age(4711)
    assert last is not None and age is not None and age >= last + 0.1  # the beat is getting old
    call.release()
    assert beat.tick() and beats.cause(4711) is None  # the call ended after all: beating again, cause gone
    assert (beats.age(4711) or 0) < 0.1
    beats.mark_stalled(4711, "x")
    beats.forget(4711)  # an ended worker leaves neither file behind
    assert not list(tmp_path.iterdir())
    queue.close()


@pytest.mark.parametrize("value", ["0", "-1", "abc", "1e9"])
def test_stall_timeout_errors_name_the_key(value):
    with pytest.raises(GatewayConfigError) as err:
        parse_config(f"pipeline:\n  stall_timeout_s: {value}\n", "gw.yaml")
    assert any(m.startswith("gw.yaml:2:20: pipeline.stall_timeout_s:") for m in err.value.errors), err.value.errors


def test_stall_timeout_default_and_null():
    assert parse_config("{}").pipeline.stall_timeout_s == 600
    assert parse_config("pipeline: {stall_timeout_s: null}").pipeline.stall_timeout_s is None
    assert parse_config("pipeline: {stall_timeout_s: 2.5}").pipeline.stall_timeout_s == 2.5


def test_the_supervisor_names_the_stall_when_it_kills_the_worker(caplog, tmp_path):
    import subprocess

    from aplguard.integrations.gateway.supervisor import Supervisor

    beats = HeartbeatDir(tmp_path)
    started: list[subprocess.Popen[bytes]] = []

    def spawn() -> subprocess.Popen[bytes]:
        started.append(subprocess.Popen(["sleep", "60"]))
        beats.beat(started[-1].pid)
        if len(started) == 1:  # the first worker's generation stalled: it said so and stopped beating
            beats.mark_stalled(started[0].pid, "its generation stalled: a pipeline call ran past "
                                               "pipeline.stall_timeout_s (2 s)")
        return started[-1]

    def age(pid: int) -> float | None:
        return 100.0 if pid == started[0].pid else beats.age(pid)

    sup = Supervisor(spawn, 2, on_exit=beats.forget, restart_limit=3, restart_window_s=60, graceful_timeout_s=5,
                     poll_s=0.02, heartbeat_age=age, worker_timeout_s=5.0, hang_cause=beats.cause)
    threading.Timer(1.0, sup.request_stop).start()
    with caplog.at_level(logging.INFO, logger="aplguard.gateway"):
        sup.run()
    hung = started[0]
    assert hung.returncode == -9 and len(started) == 3
    assert (f"gateway worker {hung.pid} sent no heartbeat for 100.0 s (server.worker_timeout_s is 5): its generation "
            "stalled: a pipeline call ran past pipeline.stall_timeout_s (2 s); killing it (SIGKILL)") in caplog.text
    assert (f"gateway worker {hung.pid} sent no heartbeat for 100.0 s (its generation stalled: a pipeline call ran "
            f"past pipeline.stall_timeout_s (2 s)) and was killed by SIGKILL; started worker {started[2].pid}"
            ) in caplog.text
    assert not list(tmp_path.iterdir())  # every ended worker's files were forgotten
