"""Policies shipped with aplguard (installed as ``aplguard.policies``; YAML files only)."""
