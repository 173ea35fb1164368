"""The review web app for compliance reviewers: browse, filter, open, verify and export an audit log.

    from aplguard.integrations.review import create_review_app
    app = create_review_app("sqlite:///audit.db")     # serve with uvicorn, or mount at /review

``aplguard review AUDIT_URL`` serves it alone, read-only, on 127.0.0.1. See docs/review.md.
Needs the ``[review]`` extra (fastapi, uvicorn, jinja2).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .app import create_review_app
    from .reading import ExportCheck, verify_export

__all__ = ["create_review_app", "verify_export", "ExportCheck"]


def __getattr__(name: str) -> Any:
    # Lazy, so that `aplguard --help` (which imports .cli) works without the [review] extra.
    if name == "create_review_app":
        from .app import create_review_app

        return create_review_app
    if name in ("verify_export", "ExportCheck"):
        from . import reading

        return getattr(reading, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
