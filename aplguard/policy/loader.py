"""The :class:`Policy` model: loading from YAML, dicts and shipped names, with located errors."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from importlib import resources
from pathlib import Path as FsPath
from typing import Any

from pydantic import PrivateAttr, ValidationError

from ..errors import PolicyError
from ..registry import Registry
from .limits import MAX_DETECTORS, MAX_LISTS, MAX_POLICY_BYTES, MAX_RULES, MAX_TENANTS
from .list_files import load_list_file
from .schema import DetectorSpec, PolicySpec, ProtectedIdentity, ProtectedList, TenantOverlay
from .source_files import MISSING, FileStamp, decode_utf8, failed_stamp, read_bounded
from .validation import pydantic_errors, reference_errors
from .yamlsafe import KeyPath, Loaded, Mark, format_path, load_with_marks, located

#: ``path -> FileStamp`` of every file a load read (or tried to read).
FileReads = dict[FsPath, FileStamp]

#: Policies shipped in ``aplguard.policies`` (file ``policies/<name>.yaml``).
SHIPPED_POLICIES = ("default", "strict", "audit-only", "anonymize-all", "off", "tenants-example")

_DEFAULT = object()  # "use aplguard.detect's registry when it is installed"


def default_detector_types() -> list[str] | None:
    """Type names of the built-in detector registry, or None when aplguard.detect is absent."""
    try:
        from ..detect import detector_registry
    except ImportError:
        return None
    return detector_registry().names()


def _type_names(detector_types: Any) -> list[str] | None:
    if detector_types is _DEFAULT:
        return default_detector_types()
    if detector_types is None:
        return None
    if isinstance(detector_types, Registry):
        return detector_types.names()
    return sorted(detector_types)


class _Locator:
    """Formats ``(path, message)`` pairs against the YAML positions (if any)."""

    def __init__(self, source: str, loaded: Loaded | None) -> None:
        self.source = source
        self.loaded = loaded

    def mark(self, path: KeyPath, value_first: bool = False) -> Mark | None:
        return self.loaded.mark_for(path, value_first) if self.loaded else None

    def __call__(self, path: KeyPath, message: str, at_value: bool = False) -> str:
        return located(self.source, self.mark(path, at_value), path, message)


class Policy(PolicySpec):
    """A validated policy, with where it came from, its loaded lists and resolved tenants.

    Build one with :meth:`from_path`, :meth:`from_yaml`, :meth:`model_validate`
    or :func:`load_policy`; every problem raises :class:`PolicyError` whose
    ``errors`` hold every located message.
    """

    _source: str = PrivateAttr("<dict>")
    _sha256: str = PrivateAttr("")
    _base_dir: FsPath | None = PrivateAttr(None)
    _lists: dict[str, tuple[ProtectedIdentity, ...]] = PrivateAttr(default_factory=dict)
    _files: tuple[FsPath, ...] = PrivateAttr(())
    _tenant: str | None = PrivateAttr(None)
    _resolved: dict[str, Policy] = PrivateAttr(default_factory=dict)
    _locator: _Locator | None = PrivateAttr(None)
    _spec_paths: dict[int, KeyPath] = PrivateAttr(default_factory=dict)
    _reads: FileReads = PrivateAttr(default_factory=dict)

    # ---------------------------------------------------------------- build
    @classmethod
    def from_path(cls, path: str | FsPath, *, detector_types: Any = _DEFAULT,
                  reads: FileReads | None = None) -> Policy:
        """Load a policy file; list files are resolved relative to its folder.

        Every file is read once, bounded (:data:`~aplguard.policy.limits.MAX_POLICY_BYTES`,
        ``MAX_LIST_BYTES``); ``reads``, when given, receives the :class:`FileStamp` of
        each file read (or tried), also when the load fails.
        """
        path = FsPath(path)
        reads = {} if reads is None else reads
        try:
            raw, stamp = read_bounded(path, MAX_POLICY_BYTES, "policy file")
        except FileNotFoundError:
            reads[path] = MISSING
            raise PolicyError(f"{path}: policy file not found") from None
        except PolicyError:
            reads[path] = failed_stamp(path)
            raise
        reads[path] = stamp
        text = decode_utf8(raw, str(path))
        return cls.from_yaml(text, source=str(path), base_dir=path.parent, detector_types=detector_types,
                             reads=reads)

    @classmethod
    def from_yaml(cls, text: str, source: str = "<string>", *, base_dir: str | FsPath | None = None,
                  detector_types: Any = _DEFAULT, reads: FileReads | None = None) -> Policy:
        """Parse YAML text; ``source`` names it in error messages."""
        if not isinstance(text, str):
            raise PolicyError(f"{source}: policy text must be str, got {type(text).__name__}")
        if len(text) > MAX_POLICY_BYTES:
            raise PolicyError(f"{source}: policy text is too large ({len(text)} characters; "
                              f"the limit is {MAX_POLICY_BYTES})")
        loaded = load_with_marks(text, source)
        sha = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        return cls._build(loaded.data, _Locator(source, loaded), sha,
                          FsPath(base_dir) if base_dir is not None else None, _type_names(detector_types),
                          {} if reads is None else reads)

    @classmethod
    def model_validate(cls, obj: Any, *, strict: bool | None = None, extra: Any | None = None,
                       from_attributes: bool | None = None, context: Any | None = None, by_alias: bool | None = None,
                       by_name: bool | None = None) -> Policy:
        """Validate a dict (or Policy); raises PolicyError, never ValidationError.

        ``context`` may hold ``detector_types`` (list of names, or None to skip
        that check), ``base_dir`` (for list files) and ``source``.
        """
        if isinstance(obj, Policy):
            return obj
        ctx = dict(context or {})
        source = str(ctx.get("source", "<dict>"))
        try:
            canon = json.dumps(obj, sort_keys=True, default=str).encode()
        except (TypeError, ValueError):
            canon = repr(obj).encode()
        base_dir = ctx.get("base_dir")
        types_ = _type_names(ctx["detector_types"]) if "detector_types" in ctx else default_detector_types()
        return cls._build(obj, _Locator(source, None), hashlib.sha256(canon).hexdigest(),
                          FsPath(base_dir) if base_dir is not None else None, types_, {})

    @classmethod
    def model_validate_json(cls, json_data: str | bytes | bytearray, *, strict: bool | None = None,
                            extra: Any | None = None, context: Any | None = None, by_alias: bool | None = None,
                            by_name: bool | None = None) -> Policy:
        """Validate JSON text like :meth:`model_validate` (lists loaded, tenants resolved)."""
        try:
            data = json.loads(json_data)
        except (ValueError, TypeError) as exc:
            raise PolicyError(f"{(context or {}).get('source', '<json>')}: (root): invalid JSON: {exc}") from None
        return cls.model_validate(data, context=context)

    @classmethod
    def _build(cls, data: Any, loc: _Locator, sha: str, base_dir: FsPath | None,
               detector_types: list[str] | None, reads: FileReads) -> Policy:
        if data is None:
            raise PolicyError(loc((), "the policy is empty"))
        if not isinstance(data, dict):
            raise PolicyError(loc((), f"a policy must be a mapping, got {type(data).__name__}"))
        too_many = _count_errors(data)
        if too_many:  # before validation: validating 100k rules would take long
            errors = [loc(p, m) for p, m in too_many]
            raise PolicyError(errors[0], errors)
        try:
            policy: Policy = cls.__pydantic_validator__.validate_python(
                data, context={"detector_types": detector_types})
        except ValidationError as exc:
            found = pydantic_errors(exc, data)
            # In file order: easier to work through than pydantic's field order.
            found.sort(key=lambda e: (lambda m: (m.line, m.col) if m else (0, 0))(loc.mark(e[0], e[2])))
            errors = [loc(p, m, at_value) for p, m, at_value in found]
            raise PolicyError(errors[0], errors) from None
        except RecursionError:
            raise PolicyError(loc((), "policy nested too deeply")) from None
        policy._source, policy._sha256, policy._base_dir = loc.source, sha, base_dir
        policy._locator, policy._reads = loc, reads
        policy._spec_paths = _spec_paths(policy)
        errors = [loc(p, m) for p, m in reference_errors(policy)]
        cache: dict[FsPath, tuple[ProtectedIdentity, ...]] = {}
        policy._lists, files = _load_lists(policy.protected, base_dir, ("protected",), loc, errors, cache, reads)
        policy._files = tuple(files)
        # Resolve tenants even when the base has problems, so that e.g. circular
        # inheritance shows up in the same run; their re-checks only if the base is clean.
        policy._resolved = _resolve_tenants(policy, loc, errors, cache, check=not errors)
        if errors:
            raise PolicyError(errors[0], errors)
        return policy

    # ------------------------------------------------------------- accessors
    def locate(self, path: KeyPath, message: str, at_value: bool = False) -> str:
        """Format ``message`` as ``file:line:col: path: message`` for a key path of this policy's source."""
        if self._locator is None:
            return located(self._source, None, path, message)
        return self._locator(path, message, at_value)

    def detector_path(self, spec: DetectorSpec) -> KeyPath:
        """Where ``spec`` is written: ``detectors[i]`` of the base or ``tenants.T.detectors[j]``."""
        return self._spec_paths.get(id(spec), ("detectors",))

    @property
    def file_reads(self) -> dict[FsPath, FileStamp]:
        """Stamp (stat + SHA-256) of each file this policy was built from, as read."""
        return dict(self._reads)

    @property
    def source(self) -> str:
        """The file path (or ``<string>``/``<dict>``) the policy came from."""
        return self._source

    @property
    def sha256(self) -> str:
        """SHA-256 of the policy source text (of canonical JSON for dicts)."""
        return self._sha256

    @property
    def base_dir(self) -> FsPath | None:
        """Folder that relative list and prefix paths are resolved against."""
        return self._base_dir

    @property
    def tenant(self) -> str | None:
        """The tenant this resolved policy is for (None for the base policy)."""
        return self._tenant

    @property
    def list_files(self) -> tuple[FsPath, ...]:
        """Protected-list files this policy (and its tenants) read; watched by PolicyStore."""
        files = list(self._files)
        for resolved in self._resolved.values():
            files += [f for f in resolved._files if f not in files]
        return tuple(files)

    @property
    def tenant_names(self) -> list[str]:
        """Names of the tenant overlays."""
        return sorted(self._resolved)

    def has_tenant(self, tenant: str | None) -> bool:
        """Whether ``tenant`` has an overlay in this policy."""
        return tenant is not None and tenant in self._resolved

    def protected_entries(self, names: Iterable[str] | None = None) -> list[ProtectedIdentity]:
        """Entries of the named protected lists (all lists when ``names`` is None)."""
        chosen = self._lists if names is None else {n: self._lists[n] for n in names}
        return [entry for entries in chosen.values() for entry in entries]

    def list_members(self, name: str) -> tuple[ProtectedIdentity, ...]:
        """Entries of one protected list."""
        return self._lists[name]

    def for_tenant(self, tenant: str | None) -> Policy:
        """The resolved policy for ``tenant``; the base policy for None or unknown tenants."""
        if tenant is None:
            return self
        return self._resolved.get(tenant, self)


def _count_errors(data: dict[Any, Any]) -> list[tuple[KeyPath, str]]:
    """Lists too long to validate at all (checked on the raw data, before pydantic)."""
    bounds = {"rules": MAX_RULES, "detectors": MAX_DETECTORS, "protected": MAX_LISTS, "tenants": MAX_TENANTS}
    out: list[tuple[KeyPath, str]] = []

    def check(container: Any, base: KeyPath, keys: dict[str, int]) -> None:
        if not isinstance(container, dict):
            return
        for key, bound in keys.items():
            value = container.get(key)
            if isinstance(value, (list, dict)) and len(value) > bound:
                out.append((base + (key,), f"too many entries ({len(value)}; the limit is {bound})"))

    check(data, (), bounds)
    check(data.get("output"), ("output",), {"rules": MAX_RULES})
    tenants = data.get("tenants")
    if isinstance(tenants, dict) and len(tenants) <= MAX_TENANTS:
        for name, ov in tenants.items():
            check(ov, ("tenants", name), {"rules": MAX_RULES, "prepend_rules": MAX_RULES,
                                          "append_rules": MAX_RULES, "detectors": MAX_DETECTORS,
                                          "protected": MAX_LISTS})
            if isinstance(ov, dict):
                check(ov.get("output"), ("tenants", name, "output"), {"rules": MAX_RULES, "prepend_rules": MAX_RULES})
    return out


def _spec_paths(policy: Policy) -> dict[int, KeyPath]:
    paths: dict[int, KeyPath] = {id(d): ("detectors", i) for i, d in enumerate(policy.detectors)}
    for name, ov in policy.tenants.items():
        for j, d in enumerate(ov.detectors):
            paths[id(d)] = ("tenants", name, "detectors", j)
    return paths


def _load_lists(protected: dict[str, ProtectedList], base_dir: FsPath | None, prefix: KeyPath, loc: _Locator,
                errors: list[str], cache: dict[FsPath, tuple[ProtectedIdentity, ...]],
                reads: FileReads) -> tuple[dict[str, tuple[ProtectedIdentity, ...]], list[FsPath]]:
    lists: dict[str, tuple[ProtectedIdentity, ...]] = {}
    files: list[FsPath] = []
    for name, plist in protected.items():
        entries = list(plist.entries)
        if plist.file is not None:
            path = FsPath(plist.file)
            if not path.is_absolute():
                path = (base_dir or FsPath.cwd()) / path
            files.append(path)
            if path not in cache:
                try:
                    cache[path] = tuple(load_list_file(path, reads))
                except FileNotFoundError:
                    reads.setdefault(path, MISSING)
                    errors.append(loc(prefix + (name, "file"), f"list file not found: {path}"))
                    cache[path] = ()
                except PolicyError as exc:
                    reads.setdefault(path, failed_stamp(path))
                    errors.extend(loc(prefix + (name, "file"), f"bad list file: {e}") for e in exc.errors)
                    cache[path] = ()
            entries += cache[path]
        lists[name] = tuple(entries)
    return lists, files


def _apply_overlay(parent: Policy, ov: TenantOverlay, path: KeyPath, loc: _Locator,
                   errors: list[str]) -> dict[str, Any]:
    """The field updates an overlay makes to its parent policy."""
    update: dict[str, Any] = {"tenants": {}}
    if ov.mode is not None:
        update["mode"] = ov.mode
    if ov.on_error is not None:
        update["on_error"] = ov.on_error
    if ov.detectors:
        replaced = {d.id: d for d in ov.detectors}
        merged = [replaced.pop(d.id, d) for d in parent.detectors]
        update["detectors"] = merged + [d for d in ov.detectors if d.id in replaced]
    if ov.protected:
        update["protected"] = {**parent.protected, **ov.protected}
    base_rules = list(ov.rules) if ov.rules is not None else list(parent.rules)
    known = {r.id for r in base_rules}
    for i, rid in enumerate(ov.remove_rules):
        if rid not in known:
            errors.append(loc(path + ("remove_rules", i), f"no inherited rule {rid!r} to remove"))
    drop = set(ov.remove_rules)
    update["rules"] = list(ov.prepend_rules) + [r for r in base_rules if r.id not in drop] + list(ov.append_rules)
    for key in ("default", "rewrite", "privacy", "audit"):
        if getattr(ov, key) is not None:
            update[key] = getattr(ov, key)
    if ov.prefixes:
        update["prefixes"] = {**parent.prefixes, **ov.prefixes}
    if ov.output is not None:
        o = ov.output
        out_update: dict[str, Any] = {}
        for key in ("detect_faces", "match_gallery", "default"):
            if getattr(o, key) is not None:
                out_update[key] = getattr(o, key)
        rules = list(o.rules) if o.rules is not None else list(parent.output.rules)
        out_update["rules"] = list(o.prepend_rules) + rules
        update["output"] = parent.output.model_copy(update=out_update)
    return update


def _resolve_tenants(base: Policy, loc: _Locator, errors: list[str],
                     cache: dict[FsPath, tuple[ProtectedIdentity, ...]], check: bool = True) -> dict[str, Policy]:
    resolved: dict[str, Policy] = {}
    cycles: set[frozenset[str]] = set()

    def resolve(name: str, chain: tuple[str, ...]) -> Policy | None:
        if name in resolved:
            return resolved[name]
        path: KeyPath = ("tenants", name)
        if name in chain:
            members = chain[chain.index(name):]
            if frozenset(members) not in cycles:  # report each cycle once
                cycles.add(frozenset(members))
                cycle = " -> ".join(members + (name,))
                errors.append(loc(("tenants", chain[-1], "extends"), f"circular tenant inheritance: {cycle}"))
            return None
        ov = base.tenants[name]
        parent: Policy | None = base
        if ov.extends is not None:
            if ov.extends not in base.tenants:
                known = ", ".join(sorted(base.tenants)) or "none"
                errors.append(loc(path + ("extends",), f"unknown tenant {ov.extends!r} (defined: {known})"))
                return None
            parent = resolve(ov.extends, chain + (name,))
        if parent is None:
            return None
        n_errors = len(errors)
        policy = parent.model_copy(update=_apply_overlay(parent, ov, path, loc, errors))
        policy._tenant = name
        policy._resolved = {}
        policy._lists, files = _load_lists(ov.protected, base.base_dir, path + ("protected",), loc, errors, cache,
                                           base._reads)
        policy._lists = {**parent._lists, **policy._lists}
        policy._files = tuple(dict.fromkeys(parent._files + tuple(files)))
        for p, m in reference_errors(policy) if check else ():
            errors.append(loc(path, f"in the resolved policy of tenant {name!r}: {format_path(p)}: {m}"))
        if len(errors) > n_errors:
            return None
        resolved[name] = policy
        return policy

    for tenant in base.tenants:
        resolve(tenant, ())
    return resolved


def shipped_policy_text(name: str) -> str:
    """The YAML text of a shipped policy (see :data:`SHIPPED_POLICIES`)."""
    return resources.files("aplguard.policies").joinpath(f"{name}.yaml").read_text(encoding="utf-8")


def load_policy(policy: str | FsPath | Policy | dict[str, Any], *, detector_types: Any = _DEFAULT) -> Policy:
    """A Policy from a shipped name (``"default"``), a path to a YAML file, a dict or a Policy.

    Raises:
        PolicyError: unknown name, missing file or invalid policy.
    """
    if isinstance(policy, Policy):
        return policy
    if isinstance(policy, dict):
        return Policy.model_validate(policy, context={"detector_types": _type_names(detector_types)})
    if not isinstance(policy, (str, FsPath)):
        raise PolicyError(f"policy must be a name, a path, a dict or a Policy, got {type(policy).__name__}")
    text = str(policy)
    if isinstance(policy, str) and text in SHIPPED_POLICIES:
        ref = resources.files("aplguard.policies").joinpath(f"{text}.yaml")
        with resources.as_file(ref) as path:
            return Policy.from_path(path, detector_types=detector_types)
    path = FsPath(text)
    if path.suffix.lower() in (".yaml", ".yml") or path.exists():
        return Policy.from_path(path, detector_types=detector_types)
    raise PolicyError(f"unknown policy {text!r}: not a shipped policy ({', '.join(SHIPPED_POLICIES)}) "
                      "and not a .yaml file")
