"""``aplguard serve``: the production gateway (FastAPI + uvicorn).

One YAML config (:mod:`.config`), API keys per tenant stored hashed (:mod:`.auth`),
bounds on bodies, prompts and per-key work (:mod:`.limits`), Prometheus metrics
(:mod:`.metrics`), optional OpenTelemetry (:mod:`.tracing`) and a bounded queue in
front of one pipeline (:mod:`.generation`). See docs/gateway.md.
"""

from __future__ import annotations

from .app import create_app
from .auth import hash_key, new_key
from .config import GatewayConfig, GatewayConfigError, default_config, load_config, parse_config
from .errors import WorkersFailed
from .server import ThreadServer, serve
from .service import Service

__all__ = ["GatewayConfig", "GatewayConfigError", "Service", "ThreadServer", "create_app", "default_config",
           "hash_key", "load_config", "new_key", "parse_config", "serve", "WorkersFailed"]
