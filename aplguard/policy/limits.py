"""Bounds on policy input: file sizes, counts and string lengths.

A policy or list file is configuration written by people, not data: these
bounds are far above any real policy and keep a wrong path (``/dev/zero``), a
generated file or a hostile edit from exhausting memory or time. Every bound
that is exceeded is a located :class:`~aplguard.errors.PolicyError`.
"""

from __future__ import annotations

#: Largest policy file read (bytes).
MAX_POLICY_BYTES = 4 * 1024 * 1024
#: Largest protected-list file read (bytes).
MAX_LIST_BYTES = 16 * 1024 * 1024
#: Prompt rules, output rules (each, per policy or tenant overlay).
MAX_RULES = 10_000
#: Detectors per policy or overlay.
MAX_DETECTORS = 100
#: Tenant overlays per policy.
MAX_TENANTS = 10_000
#: Protected lists per policy or overlay.
MAX_LISTS = 1_000
#: Entries of one protected list (file and inline together).
MAX_LIST_ENTRIES = 1_000_000
#: Aliases of one protected identity.
MAX_ALIASES = 256
#: Entries in a filter list of a condition (names, kinds, ids, ...).
MAX_CONDITION_ITEMS = 100_000
#: Names: ids, policy name and version, list and tenant names, model families, person names, aliases.
MAX_NAME_CHARS = 256
#: Free text: descriptions, messages, replacements, paths.
MAX_TEXT_CHARS = 4096
