"""Loading a base model folder (``save_pretrained`` layout) for training, with early checks."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

from aplguard._deps import require
from aplguard.errors import TrainingError

_DTYPES = {"fp32": "float32", "float32": "float32", "fp16": "float16", "float16": "float16",
           "bf16": "bfloat16", "bfloat16": "bfloat16"}


def pick_device(device: str | None = None):
    """``auto``/None -> cuda when available, else cpu."""
    torch = require("torch", "diffusers")
    if device in (None, "", "auto"):
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    try:
        return torch.device(device)
    except RuntimeError:
        raise TrainingError(f"--device {device!r} is not a torch device (cpu, cuda, cuda:1, ...)") from None


def load_pipeline(model_dir: str | Path, device: str | None = None, dtype: str | None = None):
    """Load a local SD1.x/SD2.x, SDXL, SD3, FLUX.1 or PixArt-Sigma pipeline folder, offline.

    Args:
        model_dir: folder written by ``pipeline.save_pretrained``.
        device: ``auto`` (default), ``cpu``, ``cuda``, ...
        dtype: ``fp32`` (default), ``fp16`` or ``bf16`` for the frozen weights.

    Raises:
        TrainingError: not a pipeline folder, or a pipeline APL training does not
            support (see :func:`check_pipeline`).
    """
    torch = require("torch", "diffusers")
    diffusers = require("diffusers", "diffusers")
    model_dir = Path(model_dir)
    index = model_dir / "model_index.json"
    if not index.is_file():
        raise TrainingError(f"{model_dir}: not a diffusers pipeline folder (no model_index.json)")
    try:
        components = json.loads(index.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise TrainingError(f"{index}: invalid JSON ({exc})") from None
    cls = components.get("_class_name", "?")
    def present(c: str) -> bool:
        return isinstance(components.get(c), list) and bool(components[c][0])

    missing = [c for c in ("vae", "scheduler", "text_encoder", "tokenizer") if not present(c)]
    if not (present("unet") or present("transformer")):
        missing.insert(0, "unet or transformer")
    if missing:
        raise TrainingError(f"{model_dir}: {cls} is not supported for APL training (missing {', '.join(missing)}; "
                            "supported: Stable Diffusion 1.x/2.x, SDXL, SD3, FLUX.1 and PixArt-Sigma pipelines)")
    if dtype and dtype not in _DTYPES:
        raise TrainingError(f"--dtype {dtype!r}: expected fp32, fp16 or bf16")
    torch_dtype = getattr(torch, _DTYPES[dtype]) if dtype else torch.float32
    extra = {"safety_checker": None, "requires_safety_checker": False} if "safety_checker" in components else {}
    try:
        with warnings.catch_warnings():
            # newer diffusers renamed torch_dtype to dtype; older ones only know torch_dtype
            warnings.simplefilter("ignore", FutureWarning)
            pipe = diffusers.DiffusionPipeline.from_pretrained(str(model_dir), local_files_only=True,
                                                               torch_dtype=torch_dtype, **extra)
    except (OSError, ValueError) as exc:
        raise TrainingError(f"{model_dir}: cannot load the pipeline ({type(exc).__name__}: {exc})") from None
    check_pipeline(pipe, where=str(model_dir))
    pipe.set_progress_bar_config(disable=True)
    return pipe.to(pick_device(device))


# Denoisers APL training knows how to call (objectives.py), by family.
_TRANSFORMERS = {"sd3": "SD3Transformer2DModel", "flux": "FluxTransformer2DModel", "pixart": "PixArtTransformer2DModel"}


def check_pipeline(pipe, where: str = "pipeline") -> None:
    """Raise TrainingError unless ``pipe`` has what APL training needs."""
    transformers = require("transformers", "diffusers")
    diffusers = require("diffusers", "diffusers")
    from aplguard.errors import PrefixError
    from aplguard.prefix import is_t5_encoder, pipeline_family

    name = type(pipe).__name__
    if getattr(pipe, "text_encoder", None) is None:
        raise TrainingError(f"{where}: {name} has no text_encoder")
    if getattr(pipe, "vae", None) is None or getattr(pipe, "scheduler", None) is None:
        raise TrainingError(f"{where}: {name} has no VAE or scheduler")
    try:
        family = pipeline_family(pipe)
    except PrefixError as exc:
        raise TrainingError(f"{where}: {exc}") from None
    if family == "sd3" and getattr(pipe, "text_encoder_3", None) is None:
        raise TrainingError(f"{where}: {name} without its T5 encoder (text_encoder_3=None); load it with "
                            "text_encoder_3 for training")
    if family in _TRANSFORMERS:
        net = getattr(pipe, "transformer", None)
        if type(net).__name__ != _TRANSFORMERS[family]:
            raise TrainingError(f"{where}: {name} ({family}) has {type(net).__name__} as transformer, not "
                                f"{_TRANSFORMERS[family]}; APL training cannot call it")
        return
    if not isinstance(getattr(pipe, "unet", None), diffusers.UNet2DConditionModel):
        raise TrainingError(f"{where}: {name} has no UNet2DConditionModel or supported transformer; APL training "
                            "supports SD1.x/SD2.x/SDXL, SD3, FLUX.1 and PixArt-Sigma")
    clip = (transformers.CLIPTextModel, transformers.CLIPTextModelWithProjection)
    for attr in ("text_encoder", "text_encoder_2", "text_encoder_3"):
        te = getattr(pipe, attr, None)
        if te is not None and not isinstance(te, clip) and not is_t5_encoder(te):
            raise TrainingError(f"{where}: {name}.{attr} is {type(te).__name__}, not a CLIP text encoder")
