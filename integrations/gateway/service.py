"""What the gateway serves, built from its config: policy engine, Guard, audit sink.

Everything is built and loaded here, at start-up (detectors, pipeline, prefix, audit
log), so a bad config fails before the first request, as ``Guard`` does.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from aplguard.audit import AuditSink, open_sink
from aplguard.errors import ConfigError
from aplguard.ports import PolicyPort

from .config import GatewayConfig


class Service:
    """The loaded models and sinks of one gateway process."""

    def __init__(self, config: GatewayConfig):
        self.config = config
        self.audit_url = config.audit_url()
        self.audit: AuditSink = _open_audit(self.audit_url)
        self.guard: Any = None
        self.call_defaults: dict[str, Any] = {}
        self.native_size = (512, 512)
        toy = _toy() if "toy" in (config.policy, config.pipeline.model) else None
        if config.pipeline.enabled:
            self.guard = self._build_guard(toy)
            self.engine: PolicyPort = self.guard.engine
        else:
            self.engine = _engine(config.policy, toy)
            self.engine.prepare(load=True)

    def _build_guard(self, toy: Any) -> Any:
        from aplguard.guard import Guard

        pc = self.config.pipeline
        faces = None
        if pc.model == "toy":
            pipe = toy.load_toy_pipeline()
            prefix: Any = pc.prefix or toy.prefix_path()
            faces = toy.ToyFaceAuditor()
        else:
            pipe = _load_pipeline(pc.model)
            prefix = pc.prefix
        for module in ("unet", "vae", "text_encoder", "text_encoder_2", "transformer"):
            m = getattr(pipe, module, None)
            if m is not None and hasattr(m, "eval"):
                m.eval()
        try:
            side = int(pipe.unet.config.sample_size) * int(pipe.vae_scale_factor)
            self.native_size = (side, side)
        except AttributeError:
            pass
        self.call_defaults = {"num_inference_steps": pc.steps, "guidance_scale": pc.guidance_scale}
        engine = _engine(self.config.policy, toy)
        credentials = None
        if pc.content_credentials is not None:
            from aplguard.provenance import ContentCredentials

            cc = pc.content_credentials
            credentials = ContentCredentials.from_files(cc.cert_chain, cc.private_key, image_format=cc.image_format)
        return Guard(pipe, prefix=prefix, policy=engine, audit=self.audit, faces=faces,
                     content_credentials=credentials)

    @property
    def model_id(self) -> str:
        pc = self.config.pipeline
        return pc.model_id or ("aplguard-toyworld" if pc.model == "toy" else Path(pc.model).name)

    def ready(self) -> dict[str, Any]:
        """Readiness: models loaded and the audit log writable."""
        checks: dict[str, Any] = {"policy": True, "pipeline": self.guard is not None or not
                                  self.config.pipeline.enabled}
        checks["audit_writable"] = _writable(self.audit_url, self.audit)
        return checks

    def close(self) -> None:
        if self.guard is not None:
            self.guard.close()
        self.audit.close()


def _toy() -> Any:
    from aplguard.training import toyworld  # type: ignore[import-not-found,unused-ignore]

    return toyworld


def _engine(policy: str, toy: Any) -> PolicyPort:
    from aplguard.policy import PolicyEngine

    if policy == "toy":
        from aplguard.demo import demo_policy

        return PolicyEngine(demo_policy(toy.names("all")))
    return PolicyEngine(policy)


def _load_pipeline(folder: str) -> Any:
    from aplguard._deps import require

    diffusers = require("diffusers", "diffusers")
    if not (Path(folder) / "model_index.json").is_file():
        raise ConfigError(f"pipeline.model {folder}: not a diffusers pipeline folder (no model_index.json)")
    pipe = diffusers.DiffusionPipeline.from_pretrained(folder, local_files_only=True)
    if hasattr(pipe, "set_progress_bar_config"):
        pipe.set_progress_bar_config(disable=True)
    return pipe


def _open_audit(url: str) -> AuditSink:
    if url.startswith("sqlite:///") or url.startswith("jsonl:///"):
        path = Path(url.split(":///", 1)[1].split("?", 1)[0])
        path.parent.mkdir(parents=True, exist_ok=True)
    return open_sink(url)


def _writable(url: str, sink: AuditSink) -> bool:
    if url.startswith("sqlite:///") or url.startswith("jsonl:///"):
        path = Path(url.split(":///", 1)[1].split("?", 1)[0])
        return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
    try:
        sink.head()
        return True
    except Exception:  # noqa: BLE001 - any failure means not ready
        return False
