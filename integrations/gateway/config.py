"""The gateway's one YAML configuration file, validated with located errors.

Loaded like a policy (:mod:`aplguard.policy.yamlsafe`): duplicate keys, tabs,
aliases bombs and unknown keys are refused, and every problem is reported as
``file:line:col: path.to.key: message``. With no file, :func:`default_config`
gives the fresh-machine default: loopback only, no keys, the embedded toy model,
an SQLite audit log under ``$APLGUARD_HOME``.
"""

from __future__ import annotations

import ipaddress
import re
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from aplguard.environment import home
from aplguard.errors import ConfigError, PolicyError
from aplguard.policy.source_files import decode_utf8, read_bounded
from aplguard.policy.validation import pydantic_errors
from aplguard.policy.yamlsafe import load_with_marks, located

MAX_CONFIG_BYTES = 1 << 20
_HASH = re.compile(r"^sha256:[0-9a-f]{64}$")


class GatewayConfigError(ConfigError):
    """The gateway configuration is invalid; ``errors`` holds every located message."""

    def __init__(self, message: str, errors: list[str] | None = None):
        self.errors = list(errors) if errors else [message]
        super().__init__(message)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ServerConfig(_Model):
    """Socket-level settings handed to uvicorn."""

    host: str = Field(default="127.0.0.1", description="Address to bind; anything but loopback needs keys.")
    port: int = Field(default=8080, ge=0, le=65535)
    workers: int = Field(default=1, ge=1, le=64, description="Processes; each loads its own pipeline.")
    backlog: int = Field(default=2048, ge=16, le=65535, description="listen() backlog.")
    keep_alive_s: float = Field(default=5.0, gt=0, le=300, description="Idle keep-alive connections close after this.")
    header_timeout_s: float = Field(default=10.0, gt=0, le=300,
                                    description="A connection must send a complete request head within this.")
    limit_concurrency: int = Field(default=1024, ge=1, description="Connections + tasks before uvicorn answers 503.")
    http: Literal["auto", "httptools", "h11"] = Field(default="auto",
                                                     description="HTTP parser: httptools (C) when installed, else h11.")
    loop: Literal["auto", "uvloop", "asyncio"] = Field(default="auto", description="Event loop (uvloop when installed).")
    access_log: bool = Field(default=False, description="uvicorn access log (method, path, status; never bodies).")
    # Supervision of several workers (docs/gateway.md, "Workers and supervision"); one worker: uvicorn alone.
    graceful_timeout_s: float = Field(default=30.0, gt=0, le=3600,
                                      description="Several workers: on SIGTERM/SIGINT, in-flight requests get this "
                                                  "long to finish before the remaining workers are killed.")
    restart_limit: int = Field(default=10, ge=0, le=10_000,
                               description="Several workers: a dead worker is restarted unless more than this many "
                                           "died within restart_window_s (a crash loop: serve stops, exit 1). "
                                           "0: never restart.")
    restart_window_s: float = Field(default=60.0, gt=0, le=86_400, description="The crash-loop window.")
    worker_timeout_s: float | None = Field(default=60.0, ge=2, le=86_400,
                                           description="Several workers: a worker whose event loop has not beaten "
                                                       "(about once a second) for this long is killed and restarted "
                                                       "(counts toward restart_limit); checked once it has started "
                                                       "serving. null: off.")


class LimitsConfig(_Model):
    """Per-request and per-key bounds (413 / 429 / 504)."""

    max_body_bytes: int = Field(default=1 << 20, ge=1024, le=64 << 20)
    max_prompts: int = Field(default=64, ge=1, le=4096, description="Prompts per /v1/check request.")
    max_prompt_chars: int = Field(default=2000, ge=1, description="Characters of one prompt.")
    max_request_chars: int = Field(default=16384, ge=1, description="Total prompt characters of one request.")
    key_chars_per_minute: int = Field(default=400_000, ge=1,
                                      description="Prompt characters one key (or the anonymous caller) may "
                                                  "send per minute: bounds CPU per key.")
    key_requests_per_second: float = Field(default=200.0, gt=0)
    key_burst: int = Field(default=400, ge=1, description="Requests a key may send at once before the rate applies.")
    request_timeout_s: float = Field(default=10.0, gt=0, le=3600, description="Screening requests answer 504 after this.")
    body_timeout_s: float = Field(default=5.0, gt=0, le=300, description="The body must arrive within this (408).")
    inline_chars: int = Field(default=1024, ge=0, description="Requests up to this many characters are screened on "
                                                      "the event loop (fast); larger ones in a thread.")


class ContentCredentialsConfig(_Model):
    """C2PA content credentials on returned images (``[c2pa]`` extra; docs/provenance.md)."""

    cert_chain: str = Field(description="PEM file: the signing certificate first, then its chain.")
    private_key: str = Field(description="PEM file: the signing certificate's private key (unencrypted).")
    image_format: Literal["png", "jpeg"] = Field(default="png", description="Encoding of the signed images.")


class PipelineConfig(_Model):
    """The one diffusers pipeline this process serves (``/v1/images/generations``)."""

    enabled: bool = True
    model: str = Field(default="toy", description="'toy' (the embedded toy model) or a diffusers folder.")
    prefix: str | None = Field(default=None, description="APL prefix file; 'toy' model: its committed prefix.")
    model_id: str | None = Field(default=None, description="Model id for the audit log and the response.")
    steps: int = Field(default=12, ge=1, le=200)
    guidance_scale: float = Field(default=3.0, ge=0, le=50)
    sizes: list[str] = Field(default_factory=list,
                             description="Allowed 'WxH' sizes; empty: the model's native size only.")
    max_n: int = Field(default=4, ge=1, le=16, description="Images per request.")
    queue_size: int = Field(default=8, ge=1, le=4096, description="Requests waiting or running; more get 503.")
    batch_window_ms: float = Field(default=10.0, ge=0, le=1000,
                                   description="Micro-batching: concurrent requests with the same parameters that "
                                               "arrive within this window run as one Guard call (0: off).")
    batch_max_prompts: int = Field(default=8, ge=1, le=64,
                                   description="Requests (one prompt each) per micro-batch at most (1: off).")
    timeout_s: float = Field(default=120.0, gt=0, le=3600, description="A generation request answers 504 after this.")
    stall_timeout_s: float | None = Field(
        default=600.0, gt=0, le=86_400,
        description="A pipeline call (one Guard call: a micro-batch of up to batch_max_prompts requests of up to "
                    "max_n images) running longer than this is taken for stalled (a hung CUDA call, a deadlocked "
                    "custom pipeline): /readyz answers 503, and with several workers the worker stops its "
                    "heartbeat so serve kills and replaces it after server.worker_timeout_s more. 600 s is five "
                    "times the default timeout_s, whose requests have all answered 504 by then, and well above a "
                    "full batch of SDXL images on a GPU; raise it (or null: off) where one call can take longer, "
                    "e.g. large models on CPU.")
    content_credentials: ContentCredentialsConfig | None = Field(
        default=None, description="Sign every returned image with a C2PA manifest naming its audit record.")
    torch_threads: int | None = Field(default=None, ge=1, le=256,
                                      description="torch.set_num_threads for the serving process "
                                                  "(toy default: 1).")

    @field_validator("sizes")
    @classmethod
    def _sizes(cls, value: list[str]) -> list[str]:
        for s in value:
            if not re.fullmatch(r"[1-9][0-9]{0,4}x[1-9][0-9]{0,4}", s):
                raise ValueError(f"size {s!r}: expected WxH, e.g. 512x512")
        return value


class KeyConfig(_Model):
    """One API key: stored as ``sha256:<hex>`` of the key, never the key itself."""

    id: str = Field(pattern=r"^[A-Za-z0-9_.-]{1,64}$", description="Name of the key (metrics, logs).")
    hash: str = Field(description="sha256:<64 hex> of the key (aplguard serve --hash-key).")
    tenant: str | None = Field(default=None, description="Tenant of every request made with this key.")
    role: Literal["client", "reviewer", "both"] = "client"
    user_role: str | None = Field(default=None, description="RequestContext.user_role for policy conditions.")
    requests_per_second: float | None = Field(default=None, gt=0, description="Overrides limits.key_requests_per_second.")
    burst: int | None = Field(default=None, ge=1, description="Overrides limits.key_burst.")
    chars_per_minute: int | None = Field(default=None, ge=1, description="Overrides limits.key_chars_per_minute.")

    @field_validator("hash")
    @classmethod
    def _hash(cls, value: str) -> str:
        if not _HASH.match(value):
            raise ValueError("expected sha256:<64 lowercase hex digits> (aplguard serve --hash-key prints it)")
        return value


class TracingConfig(_Model):
    """OpenTelemetry (``[otel]`` extra); spans go to whatever provider the process set up."""

    enabled: bool = False
    service_name: str = "aplguard-gateway"


class HostConfig(_Model):
    """A ComfyUI or AUTOMATIC1111 server the gateway fronts at ``/hosts/{name}/...`` (docs/hosts.md)."""

    name: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]{0,31}$", description="Mount name: /hosts/{name}/.")
    kind: Literal["comfyui", "a1111"] = Field(description="Which host's API the upstream speaks.")
    upstream: str = Field(pattern=r"^https?://[^\s]{1,2000}$", description="The host's base URL.")
    embedding: str | None = Field(default="aplguard", pattern=r"^[A-Za-z0-9_.-]{1,64}$",
                                  description="Name of the exported APL embedding (None: anonymise is refused).")
    timeout_s: float = Field(default=600.0, gt=0, le=3600, description="Upstream timeout (generation is slow).")
    unseen_inputs: Literal["block", "on_error"] = Field(
        default="block", description="An input image the proxy cannot see (a URL, a file not uploaded through it): "
                                     "block (fail-closed) or on_error (the policy's on_error decides).")


class GatewayConfig(_Model):
    """The whole file."""

    apiVersion: Literal["aplguard/gateway/v1"] = "aplguard/gateway/v1"  # noqa: N815 - YAML key
    policy: str = Field(default="toy", description="'toy' (default policy + toy people), a shipped name or a YAML path.")
    audit: str | None = Field(default=None, description="Audit sink URL; None: sqlite under $APLGUARD_HOME.")
    server: ServerConfig = Field(default_factory=lambda: ServerConfig())
    limits: LimitsConfig = Field(default_factory=lambda: LimitsConfig())
    pipeline: PipelineConfig = Field(default_factory=lambda: PipelineConfig())
    keys: list[KeyConfig] = Field(default_factory=list)
    tracing: TracingConfig = Field(default_factory=lambda: TracingConfig())
    review: bool = Field(default=True, description="Mount the review app at /review when it is installed.")
    hosts: list[HostConfig] = Field(default_factory=list, max_length=16,
                                    description="ComfyUI / A1111 servers fronted at /hosts/{name}/ (client keys).")

    @model_validator(mode="after")
    def _unique_keys(self) -> GatewayConfig:
        seen: set[str] = set()
        for k in self.keys:
            if k.id in seen or k.hash in seen:
                raise ValueError(f"keys: duplicate key id or hash ({k.id!r})")
            seen.update((k.id, k.hash))
        names = [h.name for h in self.hosts]
        if len(names) != len(set(names)):
            raise ValueError("hosts: duplicate name")
        return self

    # -- derived -------------------------------------------------------------------------
    @property
    def open_access(self) -> bool:
        """No keys configured: /v1/check and generation need none, audit endpoints stay closed."""
        return not self.keys

    def audit_url(self) -> str:
        return self.audit or f"sqlite:///{home() / 'gateway-audit.db'}"


def is_loopback(host: str) -> bool:
    """Whether ``host`` binds to loopback only ('localhost' counts; '0.0.0.0' and '' do not)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_bind(config: GatewayConfig, host: str) -> None:
    """Refuse a non-loopback bind with no keys configured (anyone on the network could use it)."""
    if config.open_access and not is_loopback(host):
        raise ConfigError(f"refusing to bind {host!r} with no API keys configured: anyone who can reach it could "
                          "generate and screen; add keys: to the config, or bind 127.0.0.1")


def default_config() -> GatewayConfig:
    """The no-file default (loopback, no keys, toy model, SQLite audit under $APLGUARD_HOME)."""
    return GatewayConfig()


def load_config(path: str | Path) -> GatewayConfig:
    """Load and validate a gateway YAML file; relative paths in it resolve against its folder."""
    path = Path(path)
    try:
        raw, _ = read_bounded(path, MAX_CONFIG_BYTES, "gateway config")
    except FileNotFoundError:
        raise GatewayConfigError(f"{path}: gateway config not found") from None
    except PolicyError as exc:
        raise GatewayConfigError(str(exc), exc.errors) from None
    try:
        text = decode_utf8(raw, str(path))
        return parse_config(text, str(path), base_dir=path.parent)
    except PolicyError as exc:  # yamlsafe's errors are PolicyErrors; re-raise as ours, same messages
        raise GatewayConfigError(str(exc), exc.errors) from None


def parse_config(text: str, source: str = "<string>", base_dir: Path | None = None) -> GatewayConfig:
    """Validate YAML text; every problem located as ``source:line:col: key: message``."""
    try:
        loaded = load_with_marks(text, source)
    except PolicyError as exc:
        raise GatewayConfigError(str(exc), exc.errors) from None
    data = loaded.data
    if not isinstance(data, dict):
        raise GatewayConfigError(located(source, None, (), f"expected a mapping, got {type(data).__name__}"))
    try:
        config = GatewayConfig.model_validate(data)
    except ValidationError as exc:
        errors = [located(source, loaded.mark_for(p, at), p, m) for p, m, at in pydantic_errors(exc, data, GatewayConfig)]
        errors.sort(key=_line_of)
        raise GatewayConfigError(errors[0], errors) from None
    return _resolve_paths(config, base_dir)


def _line_of(message: str) -> tuple[int, int]:
    m = re.match(r"^.*?:(\d+):(\d+):", message)
    return (int(m.group(1)), int(m.group(2))) if m else (0, 0)


def _resolve_paths(config: GatewayConfig, base_dir: Path | None) -> GatewayConfig:
    """Relative file paths (policy, prefix, model, sqlite/jsonl audit) are relative to the config file."""
    if base_dir is None:
        return config

    def rel(value: str | None) -> str | None:
        if value is None or Path(value).is_absolute():
            return value
        return str(base_dir / value)

    policy = config.policy
    if policy.endswith((".yaml", ".yml")):
        policy = rel(policy) or policy
    pipe = config.pipeline
    updates: dict[str, Any] = {}
    if pipe.model != "toy":
        updates["model"] = rel(pipe.model)
    if pipe.prefix is not None:
        updates["prefix"] = rel(pipe.prefix)
    if pipe.content_credentials is not None:
        cc = pipe.content_credentials
        updates["content_credentials"] = cc.model_copy(update={"cert_chain": rel(cc.cert_chain),
                                                               "private_key": rel(cc.private_key)})
    audit = config.audit
    for scheme in ("sqlite:///", "jsonl:///"):
        if audit and audit.startswith(scheme) and not audit.startswith(scheme + "/"):
            audit = scheme + str(base_dir / audit[len(scheme):])
    return config.model_copy(update={"policy": policy, "audit": audit,
                                     "pipeline": pipe.model_copy(update=updates)})
