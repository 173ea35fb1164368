"""Gateway config: located errors, defaults, the loopback rule (no server needed)."""

from __future__ import annotations

import pytest

from aplguard.errors import ConfigError

gateway = pytest.importorskip("aplguard.integrations.gateway")


def test_default_is_loopback_toy_and_open():
    cfg = gateway.default_config()
    assert cfg.server.host == "127.0.0.1" and cfg.open_access
    assert cfg.pipeline.model == "toy" and cfg.audit_url().startswith("sqlite:///")


def test_errors_are_located(tmp_path):
    path = tmp_path / "gw.yaml"
    path.write_text("server:\n  port: 99999\nlimits:\n  max_prompt: 3\nkeys:\n  - id: a\n    hash: plain-text-key\n")
    with pytest.raises(gateway.GatewayConfigError) as err:
        gateway.load_config(path)
    msgs = err.value.errors
    assert any(m.startswith(f"{path}:2:9: server.port:") for m in msgs), msgs
    assert any(f"{path}:4:3: limits.max_prompt: unknown key" in m and "max_prompts" in m for m in msgs), msgs
    assert any(f"{path}:7:11: keys[0].hash:" in m and "sha256:" in m for m in msgs), msgs


def test_yaml_problems_are_located(tmp_path):
    path = tmp_path / "gw.yaml"
    path.write_text("policy: a\npolicy: b\n")
    with pytest.raises(gateway.GatewayConfigError, match=r":2:1: policy: duplicate key"):
        gateway.load_config(path)
    with pytest.raises(gateway.GatewayConfigError, match="not found"):
        gateway.load_config(tmp_path / "missing.yaml")


def test_relative_paths_resolve_against_the_file(tmp_path):
    path = tmp_path / "gw.yaml"
    path.write_text("policy: p.yaml\naudit: sqlite:///logs/a.db\npipeline: {prefix: pre.safetensors}\n")
    cfg = gateway.load_config(path)
    assert cfg.policy == str(tmp_path / "p.yaml")
    assert cfg.audit == f"sqlite:///{tmp_path / 'logs/a.db'}"
    assert cfg.pipeline.prefix == str(tmp_path / "pre.safetensors")


def test_open_non_loopback_bind_is_refused():
    from aplguard.integrations.gateway.config import check_bind

    cfg = gateway.default_config()
    for host in ("0.0.0.0", "192.168.1.5", "::", "example.com"):
        with pytest.raises(ConfigError, match="no API keys"):
            check_bind(cfg, host)
    check_bind(cfg, "127.0.0.1")
    check_bind(cfg, "::1")
    keyed = cfg.model_copy(update={"keys": [gateway.GatewayConfig.model_validate(
        {"keys": [{"id": "k", "hash": gateway.hash_key("x")}]}).keys[0]]})
    check_bind(keyed, "0.0.0.0")


def test_cli_refuses_open_bind_before_loading(capsys):
    from aplguard.cli import main

    assert main(["serve", "--host", "0.0.0.0", "--port", "0"]) == 2
    assert "no API keys" in capsys.readouterr().err


def test_cli_hash_key_and_check_config(tmp_path, capsys):
    from aplguard.cli import main

    assert main(["serve", "--hash-key"]) == 0
    out = capsys.readouterr().out
    key = out.split("key:")[1].split()[0]
    assert gateway.hash_key(key) in out
    path = tmp_path / "gw.yaml"
    path.write_text(f"keys:\n  - id: k\n    hash: {gateway.hash_key(key)}\n")
    assert main(["serve", "--config", str(path), "--check-config"]) == 0


def test_worker_timeout_is_validated_and_can_be_turned_off(tmp_path):
    assert gateway.default_config().server.worker_timeout_s == 60
    path = tmp_path / "gw.yaml"
    for bad in ("0", "1", "-5", "soon", "1e9"):
        path.write_text(f"server:\n  worker_timeout_s: {bad}\n")
        with pytest.raises(gateway.GatewayConfigError) as err:
            gateway.load_config(path)
        assert err.value.errors[0].startswith(f"{path}:2:21: server.worker_timeout_s:"), err.value.errors
    path.write_text("server:\n  worker_timeout_s: null\n")
    assert gateway.load_config(path).server.worker_timeout_s is None
    path.write_text("server:\n  worker_timeout_s: 2.5\n")
    assert gateway.load_config(path).server.worker_timeout_s == 2.5
