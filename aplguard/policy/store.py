"""Live reload: a policy file watched by stat and content hash, swapped atomically.

Each version is read once: the policy and its list files are read (bounded) and
parsed from the same bytes that their stamps (stat + SHA-256) describe, so a
policy caught mid-write by a non-atomic writer is never mistaken for the
complete file: when the writer finishes, the stamp differs and the store loads
again. Files changed within the last two seconds are compared by content too,
since a second write within the file system's timestamp granularity leaves the
stat unchanged.

A changed file is validated fully (schema, lists, tenants, detector
construction) before it replaces the active policy. A broken new version is
rejected, its errors are reported through ``on_error`` (once per version) and
the last good policy stays active: the store never fails open, and a reload
problem never makes a decision raise.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..errors import PolicyError
from ..registry import Registry
from ..types import Decision, Face, FaceMatch, InputDecision, OutputDecision, RequestContext
from .engine import PolicyEngine
from .limits import MAX_LIST_BYTES, MAX_POLICY_BYTES
from .loader import Policy
from .settings import PolicySettings
from .source_files import FileStamp, read_bounded, stat_key

log = logging.getLogger("aplguard.policy")

_Reads = dict[Path, FileStamp]


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

    Attributes:
        last_error: the PolicyError of the latest rejected version; None once a version
            loads (or the file is back to the active content).

    Raises:
        PolicyError: the initial file is invalid (there is no last good policy to fall back to).
    """

    def __init__(self, path: str | Path, on_error: Callable[[PolicyError], Any] | None = None,
                 detectors: Mapping[str, Any] | None = None, registry: Registry[Any] | None = None,
                 check_interval_s: float | None = None) -> None:
        self.path = Path(path)
        self.check_interval_s = check_interval_s
        self._next_check = 0.0
        self._on_error: Callable[[PolicyError], Any] = on_error or log_policy_error
        self._detectors = detectors
        self._registry = registry
        self._lock = threading.Lock()
        self.last_error: PolicyError | None = None
        reads: _Reads = {}
        engine = self._engine(self._policy(reads))
        # One tuple, replaced in one assignment: readers never see a half-swapped state.
        # (active engine, stamps of the files of the latest version tried, good or broken)
        self._state: tuple[PolicyEngine, _Reads] = (engine, reads)

    # ---------------------------------------------------------------- loading
    def _policy(self, reads: _Reads) -> Policy:
        if self._registry is None:
            return Policy.from_path(self.path, reads=reads)
        return Policy.from_path(self.path, detector_types=self._registry, reads=reads)

    def _engine(self, policy: Policy) -> PolicyEngine:
        return PolicyEngine(policy, detectors=self._detectors, registry=self._registry).prepare(load=True)

    def _changed(self, seen: _Reads) -> bool:
        """Whether any file differs from the version last tried."""
        now = time.time_ns()
        for path, stamp in seen.items():
            if stat_key(path) != stamp.stat:
                return True
            if stamp.racy(now):  # same stat, but recent enough that a second write may not show in it
                try:
                    _, again = read_bounded(path, MAX_POLICY_BYTES if path == self.path else MAX_LIST_BYTES, "file")
                except (OSError, PolicyError):
                    return True
                if again.sha256 != stamp.sha256:
                    return True
        return False

    @staticmethod
    def _contents(reads: _Reads) -> dict[Path, str | None]:
        return {path: stamp.sha256 for path, stamp in reads.items()}

    # ------------------------------------------------------------ public API
    @property
    def current(self) -> Policy:
        """The active (last good) policy."""
        return self._state[0].policy

    @property
    def engine(self) -> PolicyEngine:
        """The engine of the active policy."""
        return self._state[0]

    def reload_if_changed(self) -> bool:
        """Reload when the file (or a list file) changed; True when a new policy became active.

        A version that fails to load is reported once through ``on_error`` and kept in
        ``last_error``; the active policy stays. Any unexpected failure is treated the same way.
        """
        with self._lock:
            engine, seen = self._state
            if not self._changed(seen):
                return False
            reads: _Reads = {}
            try:
                policy = self._policy(reads)
                if self._contents(reads) == self._contents(engine.policy.file_reads):
                    # Touched, or back to the active content: nothing to rebuild.
                    self._state = (engine, reads)
                    self.last_error = None
                    return False
                new_engine = self._engine(policy)
            except Exception as exc:  # noqa: BLE001 - whatever broke the load, keep the last good policy
                error = exc if isinstance(exc, PolicyError) else \
                    PolicyError(f"{self.path}: policy reload failed: {type(exc).__name__}: {exc}")
                self.last_error = error
                # Remember the broken version so it is reported once, not on every poll.
                self._state = (engine, reads)
                try:
                    self._on_error(error)
                except Exception:  # noqa: BLE001 - a failing reporter must not fail the caller
                    log.exception("policy store on_error callback failed")
                return False
            self.last_error = None
            self._state = (new_engine, reads)
            log.info("policy reloaded: %s version %s (sha256 %s)", policy.name, policy.version, policy.sha256[:12])
            return True

    # ---------------------------------------------------------------- engine interface
    def _active(self) -> PolicyEngine:
        if self.check_interval_s is not None:
            now = time.monotonic()
            if now >= self._next_check:
                self._next_check = now + self.check_interval_s
                self.reload_if_changed()
        return self._state[0]

    @property
    def policy(self) -> Policy:
        """The active policy (same as :attr:`current`)."""
        return self._state[0].policy

    def settings(self, ctx: RequestContext | None = None) -> PolicySettings:
        """:meth:`PolicyEngine.settings` of the active engine."""
        return self._active().settings(ctx)

    def decide_prompt(self, prompt: str, ctx: RequestContext | None = None) -> Decision:
        """:meth:`PolicyEngine.decide_prompt` of the active engine."""
        return self._active().decide_prompt(prompt, ctx)

    def decide_output(self, *, faces: Sequence[Face], matches: Sequence[FaceMatch], ctx: RequestContext | None = None,
                      prompt_decision: Decision | None = None, errors: Sequence[str] = ()) -> OutputDecision:
        """:meth:`PolicyEngine.decide_output` of the active engine."""
        return self._active().decide_output(faces=faces, matches=matches, ctx=ctx, prompt_decision=prompt_decision,
                                            errors=errors)

    def prefix_for(self, model_family: str, ctx: RequestContext | None = None) -> str | None:
        """:meth:`PolicyEngine.prefix_for` of the active engine."""
        return self._active().prefix_for(model_family, ctx)

    def decide_input(self, *, argument: str, faces: Sequence[Face], matches: Sequence[FaceMatch],
                     ctx: RequestContext | None = None, prompt_decision: Decision | None = None,
                     errors: Sequence[str] = ()) -> InputDecision:
        """:meth:`PolicyEngine.decide_input` of the active engine."""
        return self._active().decide_input(argument=argument, faces=faces, matches=matches, ctx=ctx,
                                           prompt_decision=prompt_decision, errors=errors)

    def protected_names(self, ctx: RequestContext | None = None) -> list[str]:
        """:meth:`PolicyEngine.protected_names` of the active engine."""
        return self._active().protected_names(ctx)

    def prepare(self, load: bool = False) -> PolicyStore:
        """:meth:`PolicyEngine.prepare` of the active engine (later reloads prepare their own)."""
        self._active().prepare(load=load)
        return self
