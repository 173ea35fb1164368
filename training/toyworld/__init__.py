"""The toy world: a tiny text-to-image model trained here, its judge, and its APL prefix.

No pretrained text-to-image weights are reachable offline, so this world is
where aplguard shows APL end to end: ten named people the model knows, generic
people and non-person scenes (see :mod:`.data`), a standard diffusers
``StableDiffusionPipeline`` folder trained on them (``model/``), a judge that
names who an image shows (``model/judge.safetensors``) and a prefix trained on
half of the named people (``model/prefix.safetensors``).

Example::

    from aplguard.training import toyworld
    pipe = toyworld.load_toy_pipeline()
    images = pipe(["a photo of alice"], num_inference_steps=12).images
    toyworld.ToyJudge().classify(images)        # -> ["alice"]
"""

from __future__ import annotations

from pathlib import Path

from .data import (
    CLASSES,
    EXAMPLE_PROMPTS,
    NAMES,
    PEOPLE,
    SEEN_NAMES,
    UNSEEN_NAMES,
    Person,
)
from .judge import (
    ToyFaceAuditor,
    ToyFaceDetector,
    ToyFaceMatcher,
    ToyJudge,
    toy_gallery,
)

__all__ = [
    "CLASSES",
    "EXAMPLE_PROMPTS",
    "NAMES",
    "PEOPLE",
    "SEEN_NAMES",
    "UNSEEN_NAMES",
    "Person",
    "ToyFaceAuditor",
    "ToyFaceDetector",
    "ToyFaceMatcher",
    "ToyJudge",
    "load_toy_pipeline",
    "model_dir",
    "names",
    "prefix_path",
    "toy_gallery",
]

#: Default sampling settings for the toy model (16x16 px; guidance as trained with 10% empty captions).
DEFAULT_STEPS = 12
DEFAULT_GUIDANCE = 3.0


#: Folder of each world's committed pipeline, judge and prefix (next to this file).
_MODEL_FOLDERS = {"v1": "model", "v2": "model_v2"}


def model_dir(world: str = "v1") -> Path:
    """Folder of a world's committed toy pipeline (also holds judge and prefix files)."""
    if world not in _MODEL_FOLDERS:
        raise ValueError(f"unknown toy world {world!r}; expected one of {sorted(_MODEL_FOLDERS)}")
    return Path(__file__).resolve().parent / _MODEL_FOLDERS[world]


def prefix_path(world: str = "v1") -> Path:
    """The committed APL prefix (SoftPrompt safetensors) for a world's toy model."""
    return model_dir(world) / "prefix.safetensors"


def names(which: str = "all") -> tuple[str, ...]:
    """Named people: ``"all"``, ``"seen"`` (used to train the prefix) or ``"unseen"``."""
    table = {"all": NAMES, "seen": SEEN_NAMES, "unseen": UNSEEN_NAMES}
    if which not in table:
        raise ValueError(f"names(which=...) must be one of {sorted(table)}, got {which!r}")
    return table[which]


def load_toy_pipeline(path: str | Path | None = None, world: str = "v1"):
    """Load a world's toy ``StableDiffusionPipeline`` (CPU, fp32, progress bar off)."""
    from aplguard._deps import require
    from aplguard.errors import ModelFileError

    diffusers = require("diffusers", "diffusers")
    folder = Path(path) if path is not None else model_dir(world)
    if not (folder / "model_index.json").is_file():
        raise ModelFileError(f"no toy pipeline at {folder} (model_index.json missing); "
                             "train it with python -m aplguard.training.toyworld.train_base")
    pipe = diffusers.StableDiffusionPipeline.from_pretrained(str(folder), local_files_only=True)
    pipe.set_progress_bar_config(disable=True)
    return pipe
