"""Explicit name -> factory registries, extendable through entry points.

Built-ins register themselves explicitly; third-party plug-ins declare an entry
point in the group given to :class:`Registry` (e.g. ``aplguard.detectors``).
There is no subclass walking and nothing is imported from the working directory.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib.metadata import entry_points
from typing import Any, Generic, TypeVar

from .errors import ConfigError

T = TypeVar("T")


class Registry(Generic[T]):
    """A registry of factories by name.

    Args:
        kind: what is registered, used in error messages ("detector").
        entry_point_group: entry-point group scanned once, lazily, for plug-ins.
    """

    def __init__(self, kind: str, entry_point_group: str | None = None):
        self.kind = kind
        self._group = entry_point_group
        self._factories: dict[str, Callable[..., T]] = {}
        self._plugins_loaded = False

    def register(self, name: str, factory: Callable[..., T]) -> Callable[..., T]:
        """Register ``factory`` under ``name``; a duplicate name raises ConfigError."""
        if not name or not isinstance(name, str):
            raise ConfigError(f"{self.kind} name must be a non-empty string, got {name!r}")
        if name in self._factories:
            raise ConfigError(f"{self.kind} {name!r} is already registered")
        self._factories[name] = factory
        return factory

    def _load_plugins(self) -> None:
        if self._plugins_loaded or not self._group:
            return
        self._plugins_loaded = True
        for ep in entry_points(group=self._group):
            if ep.name not in self._factories:
                self._factories[ep.name] = ep.load()

    def names(self) -> list[str]:
        """All registered names, sorted."""
        self._load_plugins()
        return sorted(self._factories)

    def __contains__(self, name: object) -> bool:
        self._load_plugins()
        return name in self._factories

    def get(self, name: str) -> Callable[..., T]:
        """Return the factory for ``name`` or raise ConfigError listing known names."""
        self._load_plugins()
        try:
            return self._factories[name]
        except KeyError:
            known = ", ".join(sorted(self._factories)) or "none"
            raise ConfigError(f"unknown {self.kind} {name!r} (known: {known})") from None

    def create(self, name: str, **params: Any) -> T:
        """Build an instance: ``get(name)(**params)``."""
        return self.get(name)(**params)
