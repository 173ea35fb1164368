"""Live reload: a policy file watched by mtime and content hash, swapped atomically.

A changed file is validated fully (schema, lists, tenants, detector
construction) before it replaces the active policy. A broken new version is
rejected, its errors are reported through ``on_error`` and the last good
policy stays active: the store never fails open.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from ..errors import PolicyError
from ..registry import Registry
from ..types import Decision, OutputDecision, RequestContext
from .engine import PolicyEngine
from .loader import Policy
from .settings import PolicySettings

log = logging.getLogger("aplguard.policy")


def log_policy_error(exc: PolicyError) -> None:
    """Default ``on_error``: log every located error (policy files hold no prompt text)."""
    log.error("policy reload rejected; keeping the last good policy:\n  %s", "\n  ".join(exc.errors))


class PolicyStore:
    """Holds the last good policy (and its engine) of a file and reloads it when it changes.

    Args:
        path: the policy YAML file.
        on_error: called with the PolicyError of a rejected reload (default: log it).
        detectors: injected detectors, passed to every PolicyEngine.
        registry: detector registry, passed to every PolicyEngine.
        check_interval_s: when set, the engine methods below (which make the store usable
            wherever a PolicyEngine is, e.g. ``Guard(pipe, policy=store)``) first call
            :meth:`reload_if_changed` at most this often (a few ``stat`` calls).

    Raises:
        PolicyError: the initial file is invalid (there is no last good policy to fall back to).
    """

    def __init__(self, path: str | Path, on_error: Callable[[PolicyError], Any] | None = None,
                 detectors: Mapping[str, Any] | None = None, registry: Registry | None = None,
                 check_interval_s: float | None = None):
        self.path = Path(path)
        self.check_interval_s = check_interval_s
        self._next_check = 0.0
        self._on_error = on_error or log_policy_error
        self._detectors = detectors
        self._registry = registry
        self._lock = threading.Lock()
        self.last_error: PolicyError | None = None
        stamp, digest, engine = self._load()
        # One tuple, replaced in one assignment: readers never see a half-swapped state.
        self._state = (stamp, digest, engine)

    def _stamp(self, policy: Policy | None) -> tuple:
        files = [self.path] + list(policy.list_files if policy else ())
        out = []
        for f in files:
            try:
                st = f.stat()
                out.append((str(f), st.st_mtime_ns, st.st_size))
            except OSError:
                out.append((str(f), None, None))
        return tuple(out)

    def _digest(self, policy: Policy | None) -> str:
        h = hashlib.sha256()
        for f in [self.path] + list(policy.list_files if policy else ()):
            try:
                h.update(f.read_bytes())
            except OSError:
                h.update(b"\0missing\0")
        return h.hexdigest()

    def _load(self) -> tuple[tuple, str, PolicyEngine]:
        policy = Policy.from_path(self.path) if self._registry is None else \
            Policy.from_path(self.path, detector_types=self._registry)
        engine = PolicyEngine(policy, detectors=self._detectors, registry=self._registry).prepare(load=True)
        return self._stamp(policy), self._digest(policy), engine

    @property
    def current(self) -> Policy:
        """The active (last good) policy."""
        return self._state[2].policy

    @property
    def engine(self) -> PolicyEngine:
        """The engine of the active policy."""
        return self._state[2]

    def reload_if_changed(self) -> bool:
        """Reload when the file (or a list file) changed; True when a new policy became active."""
        with self._lock:
            stamp, digest, engine = self._state
            if self._stamp(engine.policy) == stamp:
                return False
            if self._digest(engine.policy) == digest:  # touched, same content
                self._state = (self._stamp(engine.policy), digest, engine)
                return False
            try:
                new_state = self._load()
            except PolicyError as exc:
                self.last_error = exc
                # Remember the broken stamp so it is reported once, not on every poll.
                self._state = (self._stamp(engine.policy), digest, engine)
                self._on_error(exc)
                return False
            self.last_error = None
            self._state = new_state
            log.info("policy reloaded: %s version %s (sha256 %s)", new_state[2].policy.name,
                     new_state[2].policy.version, new_state[2].policy.sha256[:12])
            return True

    # ---------------------------------------------------------------- engine interface
    def _active(self) -> PolicyEngine:
        if self.check_interval_s is not None:
            now = time.monotonic()
            if now >= self._next_check:
                self._next_check = now + self.check_interval_s
                self.reload_if_changed()
        return self._state[2]

    @property
    def policy(self) -> Policy:
        """The active policy (same as :attr:`current`)."""
        return self._state[2].policy

    def settings(self, ctx: RequestContext | None = None) -> PolicySettings:
        """:meth:`PolicyEngine.settings` of the active engine."""
        return self._active().settings(ctx)

    def decide_prompt(self, prompt: str, ctx: RequestContext | None = None) -> Decision:
        """:meth:`PolicyEngine.decide_prompt` of the active engine."""
        return self._active().decide_prompt(prompt, ctx)

    def decide_output(self, **kwargs: Any) -> OutputDecision:
        """:meth:`PolicyEngine.decide_output` of the active engine."""
        return self._active().decide_output(**kwargs)

    def prefix_for(self, model_family: str, ctx: RequestContext | None = None) -> str | None:
        """:meth:`PolicyEngine.prefix_for` of the active engine."""
        return self._active().prefix_for(model_family, ctx)
