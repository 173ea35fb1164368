"""The training data spec: identities, prompt templates and general captions.

A spec is a YAML file::

    identities: identities.yaml      # or identities.csv, or an inline list
    templates: [a photo of, "{} at the beach"]   # or a .txt file; "{}" marks the name, else it is appended
    captions: captions.txt           # or captions.csv (caption,image), or an inline list

An identity has a ``name``, optional ``aliases``, a neutral ``description`` of the
person's look (the anonymous target, e.g. "a middle-aged man with short grey hair")
and an optional ``images`` folder of photos. Relative paths resolve against the
file that names them. Every error names the file, line (or CSV row) and key.
"""

from __future__ import annotations

import csv
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from aplguard.errors import TrainingError

from ._yaml import format_validation_error, load_yaml_nodes

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp", ".bmp")


def _stripped(v: str) -> str:
    v = v.strip()
    if not v:
        raise ValueError("must not be empty")
    return v


class Identity(BaseModel):
    """A person the prefix must anonymise."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(description="Name as users write it in prompts.")
    aliases: list[str] = Field(default_factory=list, description="Other ways of naming the person.")
    description: str = Field(description="Neutral attribute description of the person's look (no name).")
    images: Path | None = Field(None, description="Folder of photos of the person (optional).")

    _check = field_validator("name", "description")(_stripped)

    @field_validator("aliases")
    @classmethod
    def _aliases(cls, v: list[str]) -> list[str]:
        return [_stripped(a) for a in v]

    @property
    def names(self) -> list[str]:
        return [self.name, *self.aliases]


class Caption(BaseModel):
    """A general prompt the prefix must leave unchanged."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(description="The caption.")
    image: Path | None = Field(None, description="An image for the caption (optional; else generated).")

    _check = field_validator("text")(_stripped)


class DataSpec(BaseModel):
    """Validated training data (paths already resolved)."""

    model_config = ConfigDict(extra="forbid")

    identities: list[Identity] = Field(min_length=1, description="People to anonymise.")
    templates: list[str] = Field(min_length=1, description="Prompt templates placed before a name.")
    captions: list[Caption] = Field(min_length=1, description="General captions.")

    @field_validator("templates")
    @classmethod
    def _templates(cls, v: list[str]) -> list[str]:
        return [_stripped(t) for t in v]


def load_spec(path: str | Path) -> DataSpec:
    """Load and validate a spec file.

    Raises:
        TrainingError: with ``file:line:col: key: message`` lines.
    """
    path = Path(path)
    data, nodes = load_yaml_nodes(path)
    if not isinstance(data, dict):
        raise TrainingError(f"{path}: a data spec must be a mapping with identities, templates and captions")
    unknown = sorted(set(data) - {"identities", "templates", "captions"})
    if unknown:
        raise TrainingError(f"{path}: unknown keys {unknown} (expected identities, templates, captions)")
    for key in ("identities", "templates", "captions"):
        if key not in data:
            raise TrainingError(f"{path}: {key}: missing (required)")
    identities = _load_identities(data["identities"], path, nodes)
    templates = _load_lines(data["templates"], path, "templates")
    captions = _load_captions(data["captions"], path, nodes)
    try:
        spec = DataSpec(identities=identities, templates=templates, captions=captions)
    except ValidationError as exc:
        raise TrainingError(format_validation_error(exc, str(path), nodes)) from None
    return spec


def _resolve(p: str | Path | None, base: Path) -> Path | None:
    if p in (None, ""):
        return None
    p = Path(p).expanduser()
    return p if p.is_absolute() else base / p


def _load_identities(value, spec_path: Path, spec_nodes) -> list[Identity]:
    if isinstance(value, str):
        file = _resolve(value, spec_path.parent)
        if file.suffix.lower() == ".csv":
            return _identities_csv(file)
        data, nodes = load_yaml_nodes(file)
        if isinstance(data, dict) and "identities" in data:
            data = data["identities"]
            nodes = _child(nodes, "identities")
        return _identities_list(data, file, nodes)
    return _identities_list(value, spec_path, _child(spec_nodes, "identities"))


def _identities_list(data, source: Path, list_node) -> list[Identity]:
    if not isinstance(data, list) or not data:
        raise TrainingError(f"{source}: identities must be a non-empty list")
    out = []
    for i, item in enumerate(data):
        try:
            ident = Identity.model_validate(item)
        except ValidationError as exc:
            raise TrainingError(format_validation_error(exc, str(source), _item(list_node, i),
                                                        ("identities", i))) from None
        folder = _resolve(ident.images, source.parent)
        _must_exist(folder, f"{_where(source, list_node, i)}: identities[{i}].images", folder=True)
        out.append(ident.model_copy(update={"images": folder}))
    return out


def _must_exist(path: Path | None, where: str, folder: bool) -> None:
    """Missing image files and folders are errors now, not after the model has loaded."""
    if path is None:
        return
    if folder and not path.is_dir():
        raise TrainingError(f"{where}: folder {path} not found")
    if not folder and not path.is_file():
        raise TrainingError(f"{where}: file {path} not found")


def _where(source: Path, seq, i: int) -> str:
    node = _item(seq, i)
    return f"{source}:{node.start_mark.line + 1}:{node.start_mark.column + 1}" if node is not None else str(source)


def _item(seq, i: int):
    """Node of item ``i`` of a YAML sequence node (None when unknown), for error locations."""
    if seq is None or not isinstance(getattr(seq, "value", None), list) or i >= len(seq.value):
        return None
    return seq.value[i]


def _identities_csv(file: Path) -> list[Identity]:
    if not file.is_file():
        raise TrainingError(f"{file}: file not found")
    out = []
    with file.open(newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        missing = {"name", "description"} - set(reader.fieldnames or [])
        if missing:
            raise TrainingError(f"{file}:1: missing columns {sorted(missing)} "
                                "(columns: name, aliases, description, images)")
        for row_no, row in enumerate(reader, start=2):
            row = {k: (v or "").strip() for k, v in row.items() if k}
            item = {"name": row.get("name", ""), "description": row.get("description", ""),
                    "aliases": [a.strip() for a in row.get("aliases", "").split(";") if a.strip()],
                    "images": row.get("images") or None}
            try:
                ident = Identity.model_validate(item)
            except ValidationError as exc:
                msgs = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
                raise TrainingError(f"{file}:{row_no}: {msgs}") from None
            folder = _resolve(ident.images, file.parent)
            _must_exist(folder, f"{file}:{row_no}: images", folder=True)
            out.append(ident.model_copy(update={"images": folder}))
    if not out:
        raise TrainingError(f"{file}: no identities")
    return out


def _load_lines(value, spec_path: Path, key: str) -> list[str]:
    if isinstance(value, str):
        file = _resolve(value, spec_path.parent)
        if not file.is_file():
            raise TrainingError(f"{spec_path}: {key}: file {file} not found")
        lines = [ln.strip() for ln in file.read_text(encoding="utf-8").splitlines()]
        lines = [ln for ln in lines if ln and not ln.startswith("#")]
        if not lines:
            raise TrainingError(f"{file}: {key} file is empty")
        return lines
    if not isinstance(value, list):
        raise TrainingError(f"{spec_path}: {key}: expected a list or a file name")
    return value


def _load_captions(value, spec_path: Path, nodes) -> list[Caption]:
    if isinstance(value, str) and Path(value).suffix.lower() == ".csv":
        file = _resolve(value, spec_path.parent)
        if not file.is_file():
            raise TrainingError(f"{spec_path}: captions: file {file} not found")
        out = []
        with file.open(newline="", encoding="utf-8") as fh:
            reader = csv.DictReader(fh)
            if "caption" not in (reader.fieldnames or []):
                raise TrainingError(f"{file}:1: missing column 'caption' (columns: caption, image)")
            for row_no, row in enumerate(reader, start=2):
                text = (row.get("caption") or "").strip()
                if not text:
                    raise TrainingError(f"{file}:{row_no}: caption: must not be empty")
                image = _resolve((row.get("image") or "").strip() or None, file.parent)
                _must_exist(image, f"{file}:{row_no}: image", folder=False)
                out.append(Caption(text=text, image=image))
        if not out:
            raise TrainingError(f"{file}: captions file is empty")
        return out
    items = _load_lines(value, spec_path, "captions")
    out = []
    for i, item in enumerate(items):
        try:
            cap = Caption.model_validate({"text": item} if isinstance(item, str) else item)
        except ValidationError as exc:
            raise TrainingError(format_validation_error(exc, str(spec_path), _item(_child(nodes, "captions"), i),
                                                        ("captions", i))) from None
        image = _resolve(cap.image, spec_path.parent)
        _must_exist(image, f"{_where(spec_path, _child(nodes, 'captions'), i)}: captions[{i}].image", folder=False)
        out.append(cap.model_copy(update={"image": image}))
    return out


def _child(node, key):
    if node is None or not hasattr(node, "value") or not isinstance(node.value, list):
        return None
    return next((v for k, v in node.value if getattr(k, "value", None) == key), None)


def compose(template: str, subject: str) -> str:
    """``template`` with ``subject`` at its ``{}`` placeholder, else appended ("a photo of" + name)."""
    return template.replace("{}", subject, 1) if "{}" in template else f"{template} {subject}"


def list_images(folder: Path | None) -> list[Path]:
    """Image files in ``folder`` (sorted); empty when None."""
    if folder is None:
        return []
    if not folder.is_dir():
        raise TrainingError(f"{folder}: image folder not found")
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES)
