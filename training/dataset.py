"""Training pairs and their image latents: planning, the ``prepare`` cache, loading.

Every training item is one image latent x0 with its prompt pair:

* identity items: ``c1 = "{template} {name}"``, ``c2 = "{template} {description}"``
  on a photo of the person (from the identity's folder) or, as in the paper, an
  image the base model itself generated for ``c1``;
* general items: ``c1 = c2 = caption`` on the caption's image or a generated one.

The prefix is not written into ``c1``: the encoder puts it in front at train time.
``prepare`` writes a resumable cache folder: ``manifest.json`` (the plan, the
model's encoder fingerprints) and one ``latents/NNNNNN.safetensors`` per item.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from aplguard._deps import require
from aplguard.errors import TrainingError
from aplguard.prefix import EncoderFingerprint, encoder_fingerprint, pipeline_family, text_encoders

from .config import TrainConfig
from .spec import DataSpec, compose, list_images

log = logging.getLogger("aplguard.training")

CACHE_FORMAT = "aplguard.traincache"
CACHE_VERSION = 1


@dataclass(frozen=True)
class Item:
    """One planned training item (JSON-able)."""

    kind: str  # "identity" | "general"
    c1: str
    c2: str
    image: str | None  # a file to encode, or None to generate from c1
    seed: int


@dataclass
class TrainingSet:
    """Latents (float32, CPU, one shape) and their prompt pairs, ready for ``fit``."""

    latents: Any
    items: list[Item]
    skipped: int = 0

    def __post_init__(self) -> None:
        if len(self.items) != int(self.latents.shape[0]):
            raise TrainingError(f"{len(self.items)} items but {int(self.latents.shape[0])} latents")
        if not self.items:
            raise TrainingError("no training items (all images failed to decode?)")

    def pool(self, kind: str) -> list[int]:
        return [i for i, it in enumerate(self.items) if it.kind == kind]

    @property
    def digest(self) -> str:
        """sha256 over the pairs and latent bytes: which data a checkpoint was trained on."""
        h = hashlib.sha256(json.dumps([asdict(i) for i in self.items], sort_keys=True).encode())
        h.update(self.latents.contiguous().numpy().tobytes())
        return h.hexdigest()[:16]


def resolution_for(pipe, config: TrainConfig) -> int:
    """Training image size: the config's, else the denoiser's native size."""
    from .objectives import denoiser

    factor = int(pipe.vae_scale_factor)
    if config.resolution:
        res = int(config.resolution)
    else:
        # FLUX.1's transformer has no sample_size; its pipeline holds the default (128 latents).
        native = getattr(denoiser(pipe).config, "sample_size", None) or getattr(pipe, "default_sample_size", 64)
        res = int(native) * factor
    # FLUX.1 packs 2x2 latents into one token: its latents must be even.
    need = factor * 2 if hasattr(pipe, "_pack_latents") else factor
    if res % need:
        raise TrainingError(f"resolution {res} must be a multiple of {need} (the VAE factor"
                            f"{' x 2: latents are packed 2x2' if need != factor else ''})")
    return res


def plan_items(spec: DataSpec, config: TrainConfig) -> list[Item]:
    """Deterministic list of items for a spec (names and templates cycled)."""
    items: list[Item] = []
    seed0 = int(config.seed) * 1_000_003
    for i, ident in enumerate(spec.identities):
        photos = list_images(ident.images)
        count = len(photos) or config.images_per_identity
        for k in range(count):
            template = spec.templates[(i + k) % len(spec.templates)]
            name = ident.names[k % len(ident.names)]
            items.append(Item("identity", compose(template, name), compose(template, ident.description),
                              str(photos[k]) if photos else None, seed0 + len(items)))
    for cap in spec.captions:
        count = 1 if cap.image else config.images_per_caption
        for _ in range(count):
            items.append(Item("general", cap.text, cap.text, str(cap.image) if cap.image else None, seed0 + len(items)))
    return items


def model_fingerprint(pipe) -> dict[str, Any]:
    """JSON-able identity of the pipeline's text encoders (what a prefix depends on)."""
    return {"family": pipeline_family(pipe),
            "encoders": {name: encoder_fingerprint(te).to_json() for name, _, te in text_encoders(pipe)}}


def fingerprint_mismatch(saved: dict[str, Any], pipe) -> str | None:
    """Why ``saved`` (from :func:`model_fingerprint`) is not this pipeline, or None."""
    now = model_fingerprint(pipe)
    if set(saved.get("encoders", {})) != set(now["encoders"]):
        return f"text encoders {sorted(saved.get('encoders', {}))} != {sorted(now['encoders'])}"
    for name, fp in saved["encoders"].items():
        why = EncoderFingerprint.from_json(fp).mismatch(EncoderFingerprint.from_json(now["encoders"][name]))
        if why:
            return f"{name}: {why}"
    return None


def _load_image(path: str, res: int):
    """RGB tensor in [-1, 1], (3, res, res): shorter side resized, centre-cropped."""
    torch = require("torch", "diffusers")
    from PIL import Image

    with Image.open(path) as im:
        im = im.convert("RGB")
        w, h = im.size
        s = res / min(w, h)
        im = im.resize((max(res, round(w * s)), max(res, round(h * s))), Image.BICUBIC)
        w, h = im.size
        left, top = (w - res) // 2, (h - res) // 2
        im = im.crop((left, top, left + res, top + res))
        import numpy as np

        arr = np.asarray(im, dtype=np.float32) / 127.5 - 1.0
    return torch.from_numpy(arr).permute(2, 0, 1)


def _encode_images(pipe, pixels):
    torch = require("torch", "diffusers")
    vae = pipe.vae
    dtype = vae.dtype
    # fp16 VAEs that ask for it (SDXL's) overflow in fp16: encode in fp32, as the pipelines do.
    upcast = dtype == torch.float16 and getattr(vae.config, "force_upcast", False)
    if upcast:
        vae.to(torch.float32)
    try:
        with torch.no_grad():
            x = pixels.to(device=vae.device, dtype=vae.dtype)
            # The distribution's mean, not a sample: deterministic latents for the cache.
            # SD3/FLUX VAEs also shift (the pipelines decode latents / scale + shift).
            shift = getattr(vae.config, "shift_factor", None) or 0.0
            lat = (vae.encode(x).latent_dist.mean - shift) * vae.config.scaling_factor
    finally:
        if upcast:
            vae.to(dtype)
    return lat.float().cpu()


def _generate(pipe, prompts: list[str], seeds: list[int], res: int, config: TrainConfig):
    torch = require("torch", "diffusers")
    import inspect

    gens = [torch.Generator().manual_seed(s) for s in seeds]
    extra: dict[str, Any] = {}
    params = inspect.signature(type(pipe).__call__).parameters
    if "use_resolution_binning" in params:  # PixArt: binning would change the size asked for
        extra["use_resolution_binning"] = False
    if config.max_sequence_length and "max_sequence_length" in params:
        extra["max_sequence_length"] = config.max_sequence_length
    with torch.no_grad():
        out = pipe(prompt=prompts, num_inference_steps=config.gen_steps, guidance_scale=config.gen_guidance,
                   height=res, width=res, generator=gens, output_type="latent", **extra)
    lat = out.images
    if lat.ndim == 3 and hasattr(pipe, "_unpack_latents"):  # FLUX.1 returns packed latents
        lat = pipe._unpack_latents(lat, res, res, pipe.vae_scale_factor)
    return lat.float().cpu()


def prepare(pipe, spec: DataSpec, config: TrainConfig, cache_dir: str | Path | None = None,
            progress: bool = False) -> TrainingSet:
    """Compute the latents of every planned item, resumably when ``cache_dir`` is given.

    Args:
        pipe: the base pipeline (generates missing images, encodes given ones).
        spec: validated data spec.
        config: uses resolution, images_per_*, gen_* and seed.
        cache_dir: folder to write/resume; None keeps everything in memory.
        progress: show a progress bar on stderr.

    Raises:
        TrainingError: the cache belongs to another model, spec or settings.
    """
    torch = require("torch", "diffusers")
    st = require("safetensors.torch", "diffusers")
    res = resolution_for(pipe, config)
    items = plan_items(spec, config)
    plan = {"format": CACHE_FORMAT, "version": CACHE_VERSION, "resolution": res,
            "gen": {"steps": config.gen_steps, "guidance": config.gen_guidance},
            "items": [asdict(i) for i in items]}
    fingerprint = model_fingerprint(pipe)
    latent_dir = None
    if cache_dir is not None:
        cache_dir = Path(cache_dir)
        latent_dir = cache_dir / "latents"
        manifest = cache_dir / "manifest.json"
        if manifest.exists():
            old = _read_manifest(manifest)
            why = fingerprint_mismatch(old.get("model", {}), pipe)
            if why:
                raise TrainingError(f"{cache_dir}: cache was prepared with another model ({why}); "
                                   "delete the folder or use another one")
            if {k: old.get(k) for k in plan} != plan:
                raise TrainingError(f"{cache_dir}: cache was prepared for another spec or settings; "
                                   "delete the folder or use another one")
        latent_dir.mkdir(parents=True, exist_ok=True)
        _write_json(manifest, {**plan, "model": fingerprint, "complete": False})

    latents: dict[int, Any] = {}
    todo = []
    for idx in range(len(items)):
        f = latent_dir / f"{idx:06d}.safetensors" if latent_dir else None
        if f is not None and f.exists():
            latents[idx] = st.load_file(str(f))["latent"]
        else:
            todo.append(idx)
    bar = _progress(len(items), len(items) - len(todo), progress, "prepare")
    skipped = []

    def keep(idx, lat):
        latents[idx] = lat
        if latent_dir is not None:
            tmp = latent_dir / f".{idx:06d}.tmp"
            st.save_file({"latent": lat.contiguous()}, str(tmp))
            os.replace(tmp, latent_dir / f"{idx:06d}.safetensors")
        bar.update(1)

    for idx in [i for i in todo if items[i].image]:
        try:
            pixels = _load_image(items[idx].image, res)
        except (OSError, ValueError) as exc:  # includes PIL's UnidentifiedImageError / DecompressionBombError
            log.warning("skipping an image that failed to decode (%s)", type(exc).__name__)
            skipped.append(idx)
            bar.update(1)
            continue
        keep(idx, _encode_images(pipe, pixels[None])[0])
    gen = [i for i in todo if not items[i].image]
    for start in range(0, len(gen), config.gen_batch_size):
        chunk = gen[start:start + config.gen_batch_size]
        lats = _generate(pipe, [items[i].c1 for i in chunk], [items[i].seed for i in chunk], res, config)
        for idx, lat in zip(chunk, lats):
            keep(idx, lat)
    bar.close()
    if skipped:
        log.warning("%d of %d images failed to decode and were skipped", len(skipped), len(items))
    kept = sorted(latents)
    if cache_dir is not None:
        _write_json(cache_dir / "manifest.json",
                    {**plan, "model": fingerprint, "complete": True, "skipped": skipped})
    if not kept:
        raise TrainingError("no training items: every image failed to decode")
    return TrainingSet(torch.stack([latents[i] for i in kept]), [items[i] for i in kept], skipped=len(skipped))


def load_cache(cache_dir: str | Path, pipe=None) -> TrainingSet:
    """Load a finished ``prepare`` cache; with ``pipe``, refuse a cache of another model."""
    torch = require("torch", "diffusers")
    st = require("safetensors.torch", "diffusers")
    cache_dir = Path(cache_dir)
    manifest = cache_dir / "manifest.json"
    if not manifest.is_file():
        raise TrainingError(f"{cache_dir}: not a training cache (no manifest.json); run `aplguard train prepare`")
    data = _read_manifest(manifest)
    if data.get("format") != CACHE_FORMAT or data.get("version") != CACHE_VERSION:
        raise TrainingError(f"{manifest}: not an aplguard training cache of version {CACHE_VERSION}")
    if not data.get("complete"):
        raise TrainingError(f"{cache_dir}: cache is incomplete; rerun `aplguard train prepare` to finish it")
    if pipe is not None:
        why = fingerprint_mismatch(data.get("model", {}), pipe)
        if why:
            raise TrainingError(f"{cache_dir}: cache was prepared with another model ({why})")
    skipped = set(data.get("skipped", []))
    items, lats = [], []
    for idx, raw in enumerate(data["items"]):
        if idx in skipped:
            continue
        f = cache_dir / "latents" / f"{idx:06d}.safetensors"
        if not f.is_file():
            raise TrainingError(f"{f}: missing latent; rerun `aplguard train prepare`")
        items.append(Item(**raw))
        lats.append(st.load_file(str(f))["latent"])
    if not items:
        raise TrainingError(f"{cache_dir}: cache holds no items")
    return TrainingSet(torch.stack(lats), items, skipped=len(skipped))


def _read_manifest(path: Path) -> dict[str, Any]:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise TrainingError(f"{path}: unreadable cache manifest ({exc})") from None


def _write_json(path: Path, data: dict[str, Any]) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(json.dumps(data, indent=1), encoding="utf-8")
    os.replace(tmp, path)


class _NoBar:
    def update(self, n: int = 1) -> None:
        pass

    def close(self) -> None:
        pass

    def set_postfix(self, **kw) -> None:
        pass


def _progress(total: int, initial: int, enabled: bool, desc: str):
    """A tqdm bar on stderr when enabled and tqdm is installed."""
    if not enabled:
        return _NoBar()
    try:
        from tqdm import tqdm
    except ImportError:  # pragma: no cover - tqdm is in the train extra
        return _NoBar()
    return tqdm(total=total, initial=initial, desc=desc, unit="it", dynamic_ncols=True)
