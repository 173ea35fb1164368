"""Read a toy person's attributes (skin, hair, shirt, hat) back from a 16x16 image.

The judge only says *who* an image shows (ten names, generic person, no person). To
check that the prefix leaves generic-person prompts alone we also need *what* the
person looks like. People are drawn by :func:`.data.render_person` with a fixed
geometry and a head position jittered by one pixel, so the reader fits that geometry:
for every head position and with/without a hat it splits the image into regions
(background, shirt, hair, face, hat), and keeps the split whose regions are the most
uniform in colour. Each region's mean colour is then named by the nearest palette
colour allowed for that attribute.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from . import data

_BG, _SHIRT, _HAIR, _FACE, _HAT, _SKIP = 0, 1, 2, 3, 4, -1
# Extra fit error a hat hypothesis must beat (sum of squared RGB deviations in [0, 1]);
# pixel noise alone explains ~0.05, a real hat against the background several units.
_HAT_PENALTY = 0.5


@dataclass(frozen=True)
class PersonAttributes:
    """What a toy person looks like."""

    skin: str
    hair: str
    shirt: str
    hat: str | None

    def key(self) -> tuple[str, str, str | None]:
        """The attributes captions can name (hair, shirt, hat)."""
        return (self.hair, self.shirt, self.hat)


def _label_map(cx: float, cy: float, hat: bool) -> np.ndarray:
    """Region label per pixel for a person drawn at (cx, cy), mirroring ``render_person``."""
    size = data.SIZE
    ys, xs = np.mgrid[0:size, 0:size].astype(np.float32)
    lab = np.full((size, size), _BG, np.int8)
    lab[(ys >= cy + 4.5) & (np.abs(xs - cx) <= 3.5 + (ys - cy - 4.5) * 0.8)] = _SHIRT
    lab[(((xs - cx) / 4.2) ** 2 + ((ys - cy + 0.5) / 4.6) ** 2 <= 1.0) & (ys <= cy + 2)] = _HAIR
    lab[(((xs - cx) / 3.1) ** 2 + ((ys - cy - 0.7) / 3.4) ** 2 <= 1.0) & (ys >= cy - 2)] = _FACE
    eye_y = round(cy)
    for ex in (int(np.floor(cx - 1)), int(np.ceil(cx + 1))):
        lab[eye_y, ex] = _SKIP
    lab[eye_y + 2, int(np.floor(cx)):int(np.ceil(cx)) + 1] = _SKIP
    if hat:
        top = int(cy) - 6
        lab[max(top, 0):int(cy) - 3, int(cx - 3):int(cx + 4) + 1] = _HAT
        lab[int(cy) - 3, max(int(cx - 5), 0):int(cx + 6) + 1] = _HAT
    return lab


@lru_cache(maxsize=1)
def _hypotheses() -> tuple[np.ndarray, np.ndarray]:
    """All label maps (H, 16, 16) and whether each has a hat (H,)."""
    maps, hats = [], []
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            for hat in (False, True):
                maps.append(_label_map(7.5 + dx, 7.0 + dy, hat))
                hats.append(hat)
    return np.stack(maps), np.asarray(hats)


def _nearest(rgb: np.ndarray, names: tuple[str, ...], palette: dict[str, tuple[float, float, float]]) -> str:
    dists = [float(np.sum((rgb - np.asarray(palette[n])) ** 2)) for n in names]
    return names[int(np.argmin(dists))]


def _hwc01(image) -> np.ndarray:
    """One image as (16, 16, 3) float in [0, 1] (accepts what ``judge.to_tensor`` accepts)."""
    from .judge import _one

    return (_one(image).transpose(1, 2, 0).astype(np.float64) + 1.0) / 2.0


def read_attributes(image, world: data.World = data.WORLD_V1) -> PersonAttributes:
    """Best-fitting (skin, hair, shirt, hat) for one image (assumes it shows a toy person).

    Colours are named from ``world``'s palettes (v2 has more hair and hat colours).

    ``image``: PIL image, HxWx3 array (uint8 or float in [0, 1]) or (3, 16, 16) array in [-1, 1].
    """
    img = _hwc01(image)
    maps, hats = _hypotheses()
    best, best_err, best_means = 0, np.inf, {}
    for h, lab in enumerate(maps):
        err, means = _HAT_PENALTY if hats[h] else 0.0, {}
        for region in (_BG, _SHIRT, _HAIR, _FACE, _HAT):
            px = img[lab == region]
            if len(px):
                means[region] = px.mean(axis=0)
                err += float(((px - means[region]) ** 2).sum())
        if err < best_err:
            best, best_err, best_means = h, err, means
    hat_colors = tuple(c for c in world.hat_colors if c)
    hat = _nearest(best_means[_HAT], hat_colors, data.COLORS) if hats[best] else None
    return PersonAttributes(skin=_nearest(best_means[_FACE], tuple(data.SKINS), data.SKINS),
                            hair=_nearest(best_means[_HAIR], world.hair_colors, data.COLORS),
                            shirt=_nearest(best_means[_SHIRT], world.shirt_colors, data.COLORS), hat=hat)


def stated_attributes(caption: str) -> dict[str, str | None]:
    """The attributes a generic-person caption names, e.g. {"hair": "red", "hat": None}.

    Understands the phrases :func:`.data.generic_caption` writes ("with X hair", "in a X shirt",
    "wearing a X hat", "with no hat").
    """
    words, out = caption.split(), {}
    for i, w in enumerate(words):
        if w == "hair" and i >= 1:
            out["hair"] = words[i - 1]
        elif w == "shirt" and i >= 1:
            out["shirt"] = words[i - 1]
        elif w == "hat" and i >= 1:
            out["hat"] = None if words[i - 1] == "no" else words[i - 1]
    return out
