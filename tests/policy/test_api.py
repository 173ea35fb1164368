"""The public names and call signatures Guard and users rely on."""

from __future__ import annotations

import aplguard.policy as policy_pkg


def test_public_names():
    for name in ("Policy", "PolicyEngine", "PolicyStore", "load_policy", "PolicySettings", "SHIPPED_POLICIES"):
        assert name in policy_pkg.__all__ and hasattr(policy_pkg, name)
    assert set(policy_pkg.SHIPPED_POLICIES) >= {"default", "strict", "audit-only", "anonymize-all", "off"}



def test_every_schema_field_has_a_description_and_forbids_extras():
    from pydantic import BaseModel

    import aplguard.policy.schema as schema

    models = [m for m in vars(schema).values()
              if isinstance(m, type) and issubclass(m, BaseModel) and m.__module__ == schema.__name__
              and not m.__name__.startswith("_")]
    assert len(models) > 15
    for model in models:
        assert model.model_config.get("extra") == "forbid", model.__name__
        for name, field in model.model_fields.items():
            assert field.description, f"{model.__name__}.{name} has no description"
