"""The supervisor's rules with real short-lived processes as workers (fast; no gateway).

The crash-loop window forgets old exits, a stop request ends the loop cleanly, a worker
that ignores SIGTERM is killed after the grace period (or at once on a second request),
every ended process is reported once, and a worker whose heartbeat (a fake age source
here; the real files in test_gateway_supervisor.py) is too old is killed, replaced and
counted toward the crash-loop limit. The gateway itself is exercised in
test_gateway_supervisor.py.
"""

from __future__ import annotations

import logging
import subprocess
import threading
import time

import pytest
from aplguard.integrations.gateway.errors import WorkersFailed
from aplguard.integrations.gateway.heartbeat import HeartbeatDir
from aplguard.integrations.gateway.supervisor import STARTUP_FAILED, Supervisor, describe_exit


def _spawner(*argv: str):
    started: list[subprocess.Popen[bytes]] = []

    def spawn() -> subprocess.Popen[bytes]:
        started.append(subprocess.Popen(list(argv)))
        return started[-1]

    return spawn, started


def _supervisor(spawn, ended, **kw) -> Supervisor:
    opts = {"restart_limit": 3, "restart_window_s": 60.0, "graceful_timeout_s": 5.0, "poll_s": 0.02, **kw}
    return Supervisor(spawn, 2, on_exit=ended.append, **opts)


def _stop_after(sup: Supervisor, seconds: float, times: int = 1) -> None:
    def stop() -> None:
        for _ in range(times):
            sup.request_stop()

    threading.Timer(seconds, stop).start()


def test_workers_that_keep_dying_are_a_crash_loop():
    spawn, started = _spawner("sh", "-c", "exit 7")
    ended: list[int] = []
    with pytest.raises(WorkersFailed, match=r"crash loop: 4 worker exits within 60 s \(server.restart_limit is 3\)"
                                            r"; the last, worker \d+, exited with status 7"):
        _supervisor(spawn, ended).run()
    assert len(started) == 2 + 3  # two at the start, three restarts, no fourth
    assert sorted(ended) == sorted(p.pid for p in started)  # each reported once


def test_exits_older_than_the_window_are_forgotten_and_a_stop_is_clean():
    spawn, started = _spawner("sleep", "0.3")  # each worker lives 0.3 s: at most 2 exits per 0.2 s window
    ended: list[int] = []
    sup = _supervisor(spawn, ended, restart_window_s=0.2)
    _stop_after(sup, 2.0)
    sup.run()  # no crash loop, and the stop ended every worker cleanly (SIGTERM)
    assert len(started) > 6  # restarted many times over
    assert all(p.poll() is not None for p in started)
    assert sorted(ended) == sorted(p.pid for p in started)


def test_restart_limit_0_never_restarts():
    spawn, started = _spawner("sh", "-c", "exit 1")
    with pytest.raises(WorkersFailed, match="crash loop: 1 worker exits"):
        _supervisor(spawn, [], restart_limit=0).run()
    assert len(started) == 2


def test_a_worker_ignoring_sigterm_is_killed_after_the_grace_period():
    spawn, started = _spawner("sh", "-c", "trap '' TERM; while :; do sleep 0.1; done")
    sup = _supervisor(spawn, [], graceful_timeout_s=0.5)
    _stop_after(sup, 0.3)
    t0 = time.monotonic()
    with pytest.raises(WorkersFailed, match=r"unclean shutdown: worker \d+ was still running after the 0.5 s grace "
                                            r"period and was killed \(SIGKILL\)"):
        sup.run()
    assert time.monotonic() - t0 < 10
    assert [p.returncode for p in started] == [-9, -9]


def test_a_second_stop_request_kills_at_once():
    spawn, started = _spawner("sh", "-c", "trap '' TERM; while :; do sleep 0.1; done")
    sup = _supervisor(spawn, [], graceful_timeout_s=60)
    _stop_after(sup, 0.3, times=2)
    t0 = time.monotonic()
    with pytest.raises(WorkersFailed, match="after a second stop signal and was killed"):
        sup.run()
    assert time.monotonic() - t0 < 10


def test_a_worker_whose_heartbeat_stops_is_killed_and_replaced(caplog):
    spawn, started = _spawner("sleep", "60")
    ended: list[int] = []

    def age(pid: int) -> float | None:  # the first worker stopped beating 100 s ago; the others beat
        return 100.0 if pid == started[0].pid else 0.5

    sup = _supervisor(spawn, ended, heartbeat_age=age, worker_timeout_s=5.0)
    _stop_after(sup, 1.5)
    with caplog.at_level(logging.INFO, logger="aplguard.gateway"):
        sup.run()  # the replaced worker does not make the stop unclean
    hung = started[0]
    assert hung.returncode == -9 and len(started) == 3  # killed once, one replacement, the others kept
    assert [p.returncode for p in started[1:]] == [-15, -15]
    assert sorted(ended) == sorted(p.pid for p in started)
    assert (f"gateway worker {hung.pid} sent no heartbeat for 100.0 s (server.worker_timeout_s is 5); "
            "killing it (SIGKILL)") in caplog.text
    assert (f"gateway worker {hung.pid} sent no heartbeat for 100.0 s and was killed by SIGKILL; "
            f"started worker {started[2].pid} in its place") in caplog.text


def test_workers_before_their_first_heartbeat_or_within_the_timeout_are_left_alone():
    spawn, started = _spawner("sleep", "60")
    ages: dict[int, float | None] = {}

    def age(pid: int) -> float | None:
        return ages.setdefault(pid, None if not ages else 4.9)  # first: still loading; second: 4.9 s < 5 s

    sup = _supervisor(spawn, [], heartbeat_age=age, worker_timeout_s=5.0)
    _stop_after(sup, 1.0)
    sup.run()
    assert len(started) == 2 and [p.returncode for p in started] == [-15, -15]


def test_hung_workers_count_toward_the_crash_loop():
    spawn, started = _spawner("sleep", "60")
    with pytest.raises(WorkersFailed, match=r"crash loop: 3 worker exits within 60 s \(server.restart_limit is 2\); "
                                            r"the last, worker \d+, sent no heartbeat for 100.0 s and was killed by "
                                            r"SIGKILL"):
        _supervisor(spawn, [], restart_limit=2, heartbeat_age=lambda _pid: 100.0, worker_timeout_s=5.0).run()
    assert len(started) == 2 + 2  # two restarts; the third hang stops serve
    assert [p.returncode for p in started] == [-9, -9, -9, -15]  # three killed as hung, the last one stopped


def test_the_hang_check_needs_both_an_age_source_and_a_timeout():
    spawn, _ = _spawner("true")
    with pytest.raises(ValueError, match="heartbeat_age and worker_timeout_s"):
        _supervisor(spawn, [], worker_timeout_s=5.0)


def test_heartbeat_files(tmp_path):
    beats = HeartbeatDir(tmp_path)
    assert beats.age(4711) is None  # no beat yet: still starting
    beats.beat(4711)
    first = beats.age(4711)
    assert first is not None and 0 <= first < 5
    time.sleep(0.3)
    later = beats.age(4711)
    assert later is not None and later >= first + 0.25  # ages on the monotonic clock without new beats
    beats.beat(4711)
    again = beats.age(4711)
    assert again is not None and again < later
    beats.forget(4711)
    beats.forget(4711)  # twice is fine (the worker may never have beaten)
    assert beats.age(4711) is None and not list(tmp_path.iterdir())


def test_exit_descriptions():
    assert describe_exit(-9) == "was killed by SIGKILL"
    assert describe_exit(-11) == "was killed by SIGSEGV"
    assert describe_exit(1) == "exited with status 1"
    assert describe_exit(STARTUP_FAILED).startswith("failed at start-up (exit status 3")
