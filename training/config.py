"""Training configuration (recipes) validated by pydantic.

A recipe is a YAML file of :class:`TrainConfig` fields. The shipped recipes
(``sd15``, ``sd21``, ``sdxl``, ``sd3``, ``flux``, ``pixart`` in ``training/recipes/``) carry the APL paper's
settings; command-line options override single fields.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from aplguard.errors import TrainingError

from ._yaml import format_validation_error, load_yaml_nodes

RECIPES = ("sd15", "sd21", "sdxl", "sd3", "flux", "pixart")
# Model family (aplguard.prefix.pipeline_family) -> default recipe.
FAMILY_RECIPE = {"sd1": "sd15", "sd2": "sd21", "sdxl": "sdxl", "sd3": "sd3", "flux": "flux", "pixart": "pixart"}


class TrainConfig(BaseModel):
    """Everything that defines a training run (paper defaults)."""

    model_config = ConfigDict(extra="forbid")

    n_vectors: int = Field(10, ge=1, le=75, description="Prefix length m per text encoder (paper: 10).")
    lr: float = Field(1e-3, gt=0, description="Learning rate (paper: 1e-3).")
    optimizer: Literal["adam", "adamw"] = Field("adam", description="Optimizer (paper: Adam).")
    weight_decay: float = Field(0.0, ge=0, description="Weight decay (adamw only).")
    steps: int = Field(10000, ge=1, description="Optimisation steps (paper: 10k-20k at batch 1).")
    batch_size: int = Field(1, ge=1, description="Samples per step.")
    ratio: float = Field(0.5, ge=0, le=1,
                         description="Fraction of identity pairs; the rest are general pairs (paper: 0.5).")
    eta: float = Field(0.0, ge=0, description=(
        "0: target eps(c2) (paper). >0: official code's target eps_c2 - eta*(eps_c1_frozen - eps_c2), "
        "eps_c1_frozen = the frozen model on c1's text without the prefix (official: 1)."))
    seed: int = Field(0, description="Seeds prefix init, sampling, timesteps and noise.")
    init_text: str | None = Field(
        None, description="Initialise the prefix from this text's token embeddings (default: random).")
    timestep_min: int = Field(0, ge=0, description="Smallest training timestep sampled.")
    timestep_max: int | None = Field(
        None, ge=1, description="Largest timestep + 1 (default: the scheduler's num_train_timesteps).")
    mixed_precision: Literal["no", "bf16", "fp16"] = Field(
        "bf16", description="Autocast dtype on GPU (ignored on CPU).")
    gradient_checkpointing: bool = Field(False, description="Recompute UNet activations in backward to save memory.")
    max_sequence_length: int | None = Field(
        None, ge=2, description="T5 sequence length (SD3, FLUX.1, PixArt; default: the pipeline call's default).")
    guidance_embed: float = Field(
        3.5, ge=0, description="FLUX.1-dev guidance-embedding value while training (models without one ignore it).")
    checkpoint_every: int = Field(500, ge=1, description="Write a resumable checkpoint every N steps.")
    log_every: int = Field(10, ge=1, description="Progress-bar update interval (steps).")
    # prepare stage
    resolution: int | None = Field(None, ge=8, description="Training image size (default: the UNet's native size).")
    images_per_identity: int = Field(4, ge=1, description="Images generated per identity when it has no image folder.")
    images_per_caption: int = Field(1, ge=1, description="Images generated per general caption without an image.")
    gen_steps: int = Field(25, ge=1, description="Sampling steps when generating training images.")
    gen_guidance: float = Field(7.5, ge=0, description="Guidance scale when generating training images.")
    gen_batch_size: int = Field(4, ge=1, description="Images per pipeline call when generating.")

    def with_overrides(self, **kw) -> TrainConfig:
        """A copy with the non-None keyword values replaced (validated)."""
        data = self.model_dump()
        data.update({k: v for k, v in kw.items() if v is not None})
        try:
            return TrainConfig.model_validate(data)
        except ValidationError as exc:
            raise TrainingError(format_validation_error(exc, "options")) from None


def recipe_path(name: str) -> Path:
    """Path of a shipped recipe by name (one of :data:`RECIPES`)."""
    if name not in RECIPES:
        raise TrainingError(f"unknown recipe {name!r} (shipped: {', '.join(RECIPES)}; or give a YAML file)")
    return Path(str(resources.files("aplguard.training").joinpath("recipes", f"{name}.yaml")))


def load_recipe(name_or_path: str | Path) -> TrainConfig:
    """Load a recipe by shipped name or YAML path; errors name file:line:col and key."""
    path = Path(name_or_path)
    if not path.suffix and str(name_or_path) in RECIPES:
        path = recipe_path(str(name_or_path))
    data, nodes = load_yaml_nodes(path)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise TrainingError(f"{path}: a recipe must be a mapping of settings")
    try:
        return TrainConfig.model_validate(data)
    except ValidationError as exc:
        raise TrainingError(format_validation_error(exc, str(path), nodes)) from None


def default_recipe(family: str) -> TrainConfig:
    """The shipped recipe for a model family, or the paper defaults for others."""
    name = FAMILY_RECIPE.get(family)
    return load_recipe(name) if name else TrainConfig()
