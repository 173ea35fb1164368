"""``aplguard train eval``: what a prefix changes, on identity and on general prompts.

For every evaluated prompt, images are generated with the same seeds without and with
the prefix (placed as Guard places it). Reported:

* ``latent_change`` (||z_with - z_without|| / ||z_without||) and ``pixel_change``
  (mean absolute difference in [0, 1]) for identity prompts and for general prompts:
  a good prefix changes identity prompts a lot and general prompts little;
* the training objective on the model's own samples, at fixed timesteps and noise:
  ``eps_gap_remaining`` for identity prompts, ``|eps(P;c1) - eps(c2)|^2 / |eps(c1) - eps(c2)|^2``
  (1: the prefix does nothing, 0: the named prompt predicts exactly like the neutral
  description), and ``eps_change`` for general prompts, ``|eps(P;c) - eps(c)|^2 / |eps(c)|^2``;
* with a face matcher (protocol ``embed(image, face) -> unit vector``), the paper's
  identity metric: cosine similarity of the generated face to the person's reference
  embeddings (from the identity's photos, or given), mean and max over samples, without
  and with the prefix.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import numpy as np

from aplguard._deps import require
from aplguard.errors import FaceError, TrainingError
from aplguard.prefix import SoftPrompt
from aplguard.types import Face

from .config import TrainConfig
from .dataset import _progress, resolution_for
from .encode import PrefixEncoder
from .objectives import denoiser, objective_for
from .spec import DataSpec, compose, list_images

log = logging.getLogger("aplguard.training")


def generate_pair(pipe, encoder: PrefixEncoder, vectors: dict[str, Any], prompt: str, seed: int, steps: int,
                  guidance: float, resolution: int):
    """Latents (1, C, h, w) for ``prompt`` without and with the prefix, same seed."""
    import inspect

    torch = require("torch", "diffusers")
    common: dict[str, Any] = {"num_inference_steps": steps, "guidance_scale": guidance, "height": resolution,
                              "width": resolution, "output_type": "latent"}
    params = inspect.signature(type(pipe).__call__).parameters
    if "use_resolution_binning" in params:  # PixArt
        common["use_resolution_binning"] = False
    if encoder.max_sequence_length and "max_sequence_length" in params:
        common["max_sequence_length"] = encoder.max_sequence_length
    with torch.no_grad():
        plain = pipe(prompt=[prompt], generator=torch.Generator().manual_seed(seed), **common).images
        cond = encoder.encode([prompt], vectors)
        kw = {"prompt_embeds": cond.hidden}
        if cond.pooled is not None:
            kw["pooled_prompt_embeds"] = cond.pooled
        if cond.mask is not None:
            kw["prompt_attention_mask"] = cond.mask
        with_prefix = pipe(generator=torch.Generator().manual_seed(seed), **kw, **common).images
    if plain.ndim == 3 and hasattr(pipe, "_unpack_latents"):  # FLUX.1 returns packed latents
        plain = pipe._unpack_latents(plain, resolution, resolution, pipe.vae_scale_factor)
        with_prefix = pipe._unpack_latents(with_prefix, resolution, resolution, pipe.vae_scale_factor)
    return plain.float().cpu(), with_prefix.float().cpu()


def eps_metrics(pipe, encoder: PrefixEncoder, vectors: dict[str, Any], x0, c1: str, c2: str,
                seed: int = 0, timesteps: tuple[float, ...] = (0.1, 0.3, 0.5, 0.7, 0.9)) -> dict[str, float]:
    """Noise-prediction gaps on ``x0`` at fixed fractions of the diffusion, fixed noise.

    Returns ``gap_remaining`` (only meaningful when c1 != c2) and ``change``
    (relative change of eps(c1) by the prefix).
    """
    torch = require("torch", "diffusers")
    sched = objective_for(pipe)  # the family's noising and denoiser call (epsilon or flow matching)
    n_t = sched.num_train_timesteps
    device, dtype = denoiser(pipe).device, denoiser(pipe).dtype
    t = torch.tensor([min(n_t - 1, int(f * n_t)) for f in timesteps], device=device)
    x = x0.to(device).float().repeat(len(timesteps), 1, 1, 1)
    noise = torch.randn(x.shape, generator=torch.Generator().manual_seed(seed)).to(device)
    x_t = sched.noised(x, noise, t).to(dtype)
    n = len(timesteps)
    with torch.no_grad():
        e_p = sched.predict(pipe, x_t, t, encoder.encode([c1] * n, vectors)).float()
        e_1 = sched.predict(pipe, x_t, t, encoder.encode([c1] * n)).float()
        e_2 = sched.predict(pipe, x_t, t, encoder.encode([c2] * n)).float() if c2 != c1 else e_1
    out = {"change": float((e_p - e_1).pow(2).mean() / e_1.pow(2).mean().clamp_min(1e-12))}
    if c2 != c1:
        out["gap_remaining"] = float((e_p - e_2).pow(2).mean() / (e_1 - e_2).pow(2).mean().clamp_min(1e-12))
    return out


def decode(pipe, latents) -> list:
    """PIL images from latents."""
    torch = require("torch", "diffusers")
    vae = pipe.vae
    with torch.no_grad():
        img = vae.decode(latents.to(device=vae.device, dtype=vae.dtype) / vae.config.scaling_factor).sample
    return pipe.image_processor.postprocess(img.float().cpu(), output_type="pil")


def _whole(image) -> Face:
    w, h = image.size
    return Face(box=(0.0, 0.0, float(w), float(h)), score=1.0, detector="whole-image")


def _face_embedding(image, matcher, detector) -> np.ndarray | None:
    """Embedding of the largest face (whole image without a detector); None when no face."""
    if detector is None:
        face = _whole(image)
    else:
        faces = detector.detect(image)
        if not faces:
            return None
        face = max(faces, key=lambda f: f.box[2] * f.box[3])
    try:
        return np.asarray(matcher.embed(image, face), dtype=np.float32)
    except FaceError:
        return None


def evaluate(pipe, prefix: SoftPrompt | str | Path, spec: DataSpec, *, out_dir: str | Path | None = None,
             samples: int = 2, steps: int = 25, guidance: float = 7.5, resolution: int | None = None, seed: int = 0,
             matcher=None, detector=None, references: dict[str, list[np.ndarray]] | None = None,
             max_identities: int = 8, max_captions: int = 8, progress: bool = False) -> dict[str, Any]:
    """Compare generations with and without ``prefix``; write ``grid.png`` and ``report.json``.

    Args:
        pipe: the base pipeline the prefix was trained for.
        prefix: a SoftPrompt or a prefix file.
        spec: identities (first template + name as the prompt) and captions.
        out_dir: where to write the grid and the report (None: nothing written).
        samples: seeds per prompt.
        matcher: optional ``embed(image, face) -> unit vector`` face matcher.
        detector: optional ``detect(image) -> list[Face]``; without one the whole image is the face.
        references: identity name -> reference embeddings; default: the identity's photos.
        max_identities, max_captions: how many of each are evaluated.

    Returns:
        The report (JSON-able).
    """
    torch = require("torch", "diffusers")
    if not isinstance(prefix, SoftPrompt):
        prefix = SoftPrompt.load(prefix)
    prefix.check_pipeline(pipe)
    if samples < 1 or steps < 1:
        raise TrainingError("samples and steps must be at least 1")
    encoder = PrefixEncoder(pipe, prefix.n_vectors)
    device = denoiser(pipe).device
    vectors = {k: torch.from_numpy(v).to(device) for k, v in prefix.vectors.items()}
    res = resolution or resolution_for(pipe, TrainConfig())
    first = spec.templates[0]
    prompts = [("identity", ident, compose(first, ident.name), compose(first, ident.description))
               for ident in spec.identities[:max_identities]]
    prompts += [("general", None, cap.text, cap.text) for cap in spec.captions[:max_captions]]
    bar = _progress(len(prompts) * samples, 0, progress, "eval")
    rows, report_rows = [], []
    for kind, ident, prompt, neutral in prompts:
        row_imgs, lat_changes, pix_changes, sims = [], [], [], {"without": [], "with": []}
        eps: dict[str, list[float]] = {}
        refs = _references(ident, matcher, detector, references) if (kind == "identity" and matcher) else None
        for s in range(samples):
            a, b = generate_pair(pipe, encoder, vectors, prompt, seed + s, steps, guidance, res)
            lat_changes.append(float((b - a).norm() / a.norm().clamp_min(1e-8)))
            for key, value in eps_metrics(pipe, encoder, vectors, a, prompt, neutral, seed=seed + s).items():
                eps.setdefault(key, []).append(value)
            ia, ib = decode(pipe, torch.cat([a, b]))
            pix_changes.append(float(np.abs(np.asarray(ia, np.float32) - np.asarray(ib, np.float32)).mean() / 255.0))
            row_imgs += [ia, ib]
            if refs:
                for key, im in (("without", ia), ("with", ib)):
                    emb = _face_embedding(im, matcher, detector)
                    if emb is not None:
                        sims[key].append(max(float(np.dot(emb, r)) for r in refs))
            bar.update(1)
        entry: dict[str, Any] = {"kind": kind, "index": len(report_rows),
                                 "latent_change": float(np.mean(lat_changes)),
                                 "pixel_change": float(np.mean(pix_changes)),
                                 "eps_change": float(np.mean(eps["change"]))}
        if "gap_remaining" in eps:
            entry["eps_gap_remaining"] = float(np.mean(eps["gap_remaining"]))
        if refs:
            for key in ("without", "with"):
                v = sims[key]
                entry[f"identity_sim_{key}"] = {"mean": float(np.mean(v)) if v else None,
                                                "max": float(np.max(v)) if v else None, "faces": len(v)}
        report_rows.append(entry)
        rows.append(row_imgs)
    bar.close()
    report = {"prefix": prefix.digest[:16], "family": prefix.family, "samples": samples, "steps": steps,
              "guidance": guidance, "resolution": res, "seed": seed,
              "identity": _summary([r for r in report_rows if r["kind"] == "identity"]),
              "general": _summary([r for r in report_rows if r["kind"] == "general"]),
              "prompts": report_rows}
    ident, gen = report["identity"], report["general"]
    if ident.get("latent_change") and gen.get("latent_change"):
        report["selectivity"] = ident["latent_change"] / gen["latent_change"]
    if out_dir is not None:
        out_dir = Path(out_dir)
        out_dir.mkdir(parents=True, exist_ok=True)
        grid = out_dir / "grid.png"
        _grid(rows).save(grid)
        report["grid"] = str(grid)
        report["report"] = str(out_dir / "report.json")
        # Rows are numbered, not named: the report holds no names or prompts (privacy).
        (out_dir / "report.json").write_text(json.dumps(report, indent=1), encoding="utf-8")
    return report


def _references(ident, matcher, detector, given) -> list[np.ndarray]:
    if given and ident.name in given:
        return [np.asarray(v, np.float32) for v in given[ident.name]]
    from PIL import Image

    out = []
    for path in list_images(ident.images):
        try:
            with Image.open(path) as im:
                emb = _face_embedding(im.convert("RGB"), matcher, detector)
        except OSError:
            continue
        if emb is not None:
            out.append(emb)
    return out


def _summary(rows: list[dict[str, Any]]) -> dict[str, Any]:
    if not rows:
        return {}
    out: dict[str, Any] = {"prompts": len(rows),
                           "latent_change": float(np.mean([r["latent_change"] for r in rows])),
                           "pixel_change": float(np.mean([r["pixel_change"] for r in rows])),
                           "eps_change": float(np.mean([r["eps_change"] for r in rows]))}
    gaps = [r["eps_gap_remaining"] for r in rows if "eps_gap_remaining" in r]
    if gaps:
        out["eps_gap_remaining"] = float(np.mean(gaps))
    for key in ("without", "with"):
        means = [r[f"identity_sim_{key}"]["mean"] for r in rows
                 if r.get(f"identity_sim_{key}", {}).get("mean") is not None]
        maxes = [r[f"identity_sim_{key}"]["max"] for r in rows
                 if r.get(f"identity_sim_{key}", {}).get("max") is not None]
        if means:
            out[f"identity_sim_{key}"] = {"mean": float(np.mean(means)), "max": float(np.max(maxes))}
    return out


def _grid(rows: list[list]):
    """One row per prompt: sample pairs (without | with)."""
    from PIL import Image

    w, h = rows[0][0].size
    cols = max(len(r) for r in rows)
    grid = Image.new("RGB", (cols * w + (cols // 2 - 1) * 4, len(rows) * h), "white")
    for y, row in enumerate(rows):
        for x, im in enumerate(row):
            grid.paste(im, (x * w + (x // 2) * 4, y * h))
    return grid
