"""aplguard.training: learn APL prefixes for diffusers text-to-image models (installed from training/).

Python API::

    from aplguard.training import load_spec, load_recipe, prepare, fit
    spec = load_spec("training/data/example/spec.yaml")
    config = load_recipe("sd15").with_overrides(steps=2000, batch_size=4)
    result = fit(pipe, spec, config, out="sd15-apl.safetensors", checkpoint_dir="ckpt")
    result.summary()   # {"steps", "initial_loss", "final_loss", "out", "samples_per_s", "peak_mem_mb"}

Command line: ``aplguard train prepare|fit|eval`` (see docs/training.md).
"""

from .config import RECIPES, TrainConfig, default_recipe, load_recipe
from .dataset import Item, TrainingSet, load_cache, plan_items, prepare
from .encode import Conditioning, PrefixEncoder, unet_output
from .evaluate import evaluate
from .models import check_pipeline, load_pipeline
from .objectives import EpsilonObjective, FlowObjective, denoiser, objective_for
from .spec import Caption, DataSpec, Identity, load_spec
from .trainer import FitResult, fit

__all__ = [
    "RECIPES", "TrainConfig", "default_recipe", "load_recipe",
    "Item", "TrainingSet", "load_cache", "plan_items", "prepare",
    "Conditioning", "PrefixEncoder", "unet_output",
    "evaluate", "check_pipeline", "load_pipeline",
    "EpsilonObjective", "FlowObjective", "denoiser", "objective_for",
    "Caption", "DataSpec", "Identity", "load_spec",
    "FitResult", "fit",
]
