"""Policy engine: YAML policies, rules, decisions, live reload.

Public API::

    from aplguard.policy import Policy, PolicyEngine, PolicyStore, load_policy
"""

from __future__ import annotations

from .engine import PolicyEngine
from .loader import SHIPPED_POLICIES, Policy, default_detector_types, load_policy, shipped_policy_text
from .schema import API_VERSION
from .settings import PolicySettings
from .store import PolicyStore

__all__ = [
    "API_VERSION",
    "SHIPPED_POLICIES",
    "Policy",
    "PolicyEngine",
    "PolicySettings",
    "PolicyStore",
    "default_detector_types",
    "load_policy",
    "shipped_policy_text",
]
