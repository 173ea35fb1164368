"""The toy world's seeded synthetic data: named people, generic people, scenes.

Images are 16x16 RGB in [-1, 1] (channels first). Ten named people each have
a fixed appearance (skin, hair colour, shirt colour, hat) drawn with small
jitter (position, colour, noise). Generic people are attribute combinations
that match no named person; their captions mention a random subset of their
attributes. Non-person scenes are coloured shapes on coloured backgrounds.

Everything is a pure function of a seed, so data (and therefore training) is
reproducible.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

SIZE = 16

COLORS: dict[str, tuple[float, float, float]] = {
    "red": (0.85, 0.10, 0.10), "orange": (0.95, 0.55, 0.05), "yellow": (0.95, 0.90, 0.10),
    "green": (0.10, 0.65, 0.15), "cyan": (0.10, 0.80, 0.85), "blue": (0.10, 0.20, 0.85),
    "purple": (0.55, 0.15, 0.70), "pink": (0.98, 0.55, 0.75), "white": (0.97, 0.97, 0.97),
    "black": (0.05, 0.05, 0.05), "brown": (0.45, 0.25, 0.08), "grey": (0.60, 0.60, 0.60),
    "blond": (0.98, 0.85, 0.45),
}
SKINS: dict[str, tuple[float, float, float]] = {
    "light": (0.98, 0.80, 0.68), "medium": (0.80, 0.58, 0.40), "dark": (0.45, 0.30, 0.20),
}
HAIR_COLORS = ("black", "brown", "blond", "red", "grey")
SHIRT_COLORS = ("red", "orange", "yellow", "green", "cyan", "blue", "purple", "pink", "white", "black")
HAT_COLORS = (None, "red", "blue", "green", "yellow", "black")
# Person backgrounds are never named in captions (muted, light colours).
PERSON_BACKGROUNDS = ((0.85, 0.85, 0.85), (0.90, 0.85, 0.75), (0.75, 0.85, 0.95), (0.80, 0.92, 0.80))
SHAPES = ("circle", "square", "triangle", "cross")
SHAPE_COLORS = ("red", "orange", "yellow", "green", "cyan", "blue", "purple", "pink", "white", "black")
SCENE_BACKGROUNDS = ("white", "black", "grey", "blue", "green", "yellow")
TEMPLATES = ("a photo of {}", "a picture of {}", "a portrait of {}", "{}")
# Words placed before captions during base training so that captions also occur
# shifted right (where they sit behind a 10-vector prefix at inference).
FILLERS = ("art", "image", "nice", "simple", "good", "clean", "small", "style", "render", "toy", "quality", "high")


@dataclass(frozen=True)
class Person:
    """A named person's fixed appearance."""

    name: str
    skin: str
    hair: str
    shirt: str
    hat: str | None

    def neutral_description(self) -> str:
        """The APL target: an anonymous person sharing only the shirt colour."""
        return f"a person in a {self.shirt} shirt"


PEOPLE: tuple[Person, ...] = (
    Person("alice", "light", "blond", "red", None),
    Person("bruno", "medium", "black", "blue", "yellow"),
    Person("chen", "light", "black", "green", None),
    Person("dara", "dark", "black", "yellow", "red"),
    Person("emil", "light", "red", "purple", None),
    Person("farah", "medium", "brown", "orange", "blue"),
    Person("gosia", "light", "grey", "cyan", None),
    Person("hiro", "medium", "brown", "white", "green"),
    Person("ines", "dark", "brown", "pink", None),
    Person("jonas", "light", "blond", "black", "black"),
)
NAMES: tuple[str, ...] = tuple(p.name for p in PEOPLE)
#: People whose names the shipped prefix was trained on (the other half are "unseen").
SEEN_NAMES: tuple[str, ...] = NAMES[:5]
UNSEEN_NAMES: tuple[str, ...] = NAMES[5:]

#: Classes of the judge: the named people, then a generic person, then no person.
GENERIC, NONPERSON = "generic", "nonperson"
CLASSES: tuple[str, ...] = NAMES + (GENERIC, NONPERSON)
_NAMED_COMBOS = {(p.hair, p.shirt, p.hat) for p in PEOPLE}


def vocabulary_words() -> tuple[str, ...]:
    """Every word the captions use (each becomes one token)."""
    words = set(NAMES) | set(COLORS) | set(SKINS) | set(SHAPES) | set(FILLERS)
    words |= {"a", "photo", "picture", "portrait", "of", "person", "with", "hair", "in", "shirt",
              "wearing", "hat", "on", "background", "skin"}
    return tuple(sorted(words))


@dataclass(frozen=True)
class Sample:
    """One training example: image (3, 16, 16) float32 in [-1, 1], caption, class label."""

    image: np.ndarray
    caption: str
    label: int


def _jitter_color(rng: np.random.Generator, rgb: tuple[float, float, float], amount: float = 0.06) -> np.ndarray:
    return np.clip(np.asarray(rgb) + rng.uniform(-amount, amount, 3), 0.0, 1.0)


def _grid() -> tuple[np.ndarray, np.ndarray]:
    ys, xs = np.mgrid[0:SIZE, 0:SIZE]
    return ys.astype(np.float32), xs.astype(np.float32)


def render_person(rng: np.random.Generator, skin: str, hair: str, shirt: str, hat: str | None) -> np.ndarray:
    """Draw a head-and-shoulders person; returns (3, 16, 16) float32 in [-1, 1]."""
    ys, xs = _grid()
    img = np.empty((SIZE, SIZE, 3), np.float32)
    img[:] = _jitter_color(rng, PERSON_BACKGROUNDS[rng.integers(len(PERSON_BACKGROUNDS))], 0.04)
    cx, cy = 7.5 + rng.integers(-1, 2), 7.0 + rng.integers(-1, 2)
    shirt_mask = (ys >= cy + 4.5) & (np.abs(xs - cx) <= 3.5 + (ys - cy - 4.5) * 0.8)
    img[shirt_mask] = _jitter_color(rng, COLORS[shirt])
    hair_mask = ((xs - cx) / 4.2) ** 2 + ((ys - cy + 0.5) / 4.6) ** 2 <= 1.0
    img[hair_mask & (ys <= cy + 2)] = _jitter_color(rng, COLORS[hair])
    face_mask = ((xs - cx) / 3.1) ** 2 + ((ys - cy - 0.7) / 3.4) ** 2 <= 1.0
    img[face_mask & (ys >= cy - 2)] = _jitter_color(rng, SKINS[skin], 0.04)
    eye_y = round(cy)
    for ex in (int(np.floor(cx - 1)), int(np.ceil(cx + 1))):
        img[eye_y, ex] = (0.05, 0.05, 0.05)
    img[eye_y + 2, int(np.floor(cx)):int(np.ceil(cx)) + 1] = (0.6, 0.2, 0.2)
    if hat is not None:
        top = int(cy) - 6
        hat_color = _jitter_color(rng, COLORS[hat])
        img[max(top, 0):int(cy) - 3, int(cx - 3):int(cx + 4) + 1] = hat_color
        img[int(cy) - 3, max(int(cx - 5), 0):int(cx + 6) + 1] = hat_color
    return _finish(rng, img)


def render_scene(rng: np.random.Generator, shape: str, color: str, background: str) -> np.ndarray:
    """Draw one coloured shape on a coloured background."""
    ys, xs = _grid()
    img = np.empty((SIZE, SIZE, 3), np.float32)
    img[:] = _jitter_color(rng, COLORS[background], 0.05)
    cx, cy = rng.uniform(5.5, 9.5, 2)
    r = rng.uniform(3.5, 5.5)
    if shape == "circle":
        mask = (xs - cx) ** 2 + (ys - cy) ** 2 <= r * r
    elif shape == "square":
        mask = (np.abs(xs - cx) <= r * 0.85) & (np.abs(ys - cy) <= r * 0.85)
    elif shape == "triangle":
        mask = (ys <= cy + r * 0.8) & (ys >= cy - r) & (np.abs(xs - cx) <= (ys - cy + r) * 0.6)
    elif shape == "cross":
        mask = ((np.abs(xs - cx) <= 1.2) & (np.abs(ys - cy) <= r)) | ((np.abs(ys - cy) <= 1.2) & (np.abs(xs - cx) <= r))
    else:
        raise ValueError(f"unknown shape {shape!r}; expected one of {SHAPES}")
    img[mask] = _jitter_color(rng, COLORS[color])
    return _finish(rng, img)


def _finish(rng: np.random.Generator, img: np.ndarray) -> np.ndarray:
    img = img + rng.normal(0.0, 0.02, img.shape)
    return (np.clip(img, 0.0, 1.0) * 2.0 - 1.0).transpose(2, 0, 1).astype(np.float32)


def random_generic(rng: np.random.Generator) -> tuple[str, str, str, str | None]:
    """Draw (skin, hair, shirt, hat) that matches no named person."""
    while True:
        combo = (HAIR_COLORS[rng.integers(len(HAIR_COLORS))], SHIRT_COLORS[rng.integers(len(SHIRT_COLORS))],
                 HAT_COLORS[rng.integers(len(HAT_COLORS))])
        if combo not in _NAMED_COMBOS:
            return (tuple(SKINS)[rng.integers(len(SKINS))],) + combo


def generic_caption(rng: np.random.Generator, skin: str, hair: str, shirt: str, hat: str | None) -> str:
    """A caption naming a random subset (possibly none) of the attributes."""
    parts = ["a person"]
    if rng.random() < 0.5:
        parts.append(f"with {hair} hair")
    if rng.random() < 0.5:
        parts.append(f"in a {shirt} shirt")
    if rng.random() < 0.5:
        parts.append(f"wearing a {hat} hat" if hat else "with no hat")
    return " ".join(parts)


def sample(rng: np.random.Generator, kind: str | None = None) -> Sample:
    """Draw one example: named person (50%), generic person (25%) or scene (25%)."""
    if kind is None:
        kind = ("named", "named", "generic", "scene")[rng.integers(4)]
    template = TEMPLATES[rng.integers(len(TEMPLATES))]
    if kind == "named":
        idx = int(rng.integers(len(PEOPLE)))
        p = PEOPLE[idx]
        return Sample(render_person(rng, p.skin, p.hair, p.shirt, p.hat), template.format(p.name), idx)
    if kind == "generic":
        attrs = random_generic(rng)
        return Sample(render_person(rng, *attrs), template.format(generic_caption(rng, *attrs)),
                      CLASSES.index(GENERIC))
    if kind == "scene":
        shape = SHAPES[rng.integers(len(SHAPES))]
        color = SHAPE_COLORS[rng.integers(len(SHAPE_COLORS))]
        bg = SCENE_BACKGROUNDS[rng.integers(len(SCENE_BACKGROUNDS))]
        while bg == color:
            bg = SCENE_BACKGROUNDS[rng.integers(len(SCENE_BACKGROUNDS))]
        text = f"a {color} {shape}" + (f" on a {bg} background" if rng.random() < 0.5 else "")
        return Sample(render_scene(rng, shape, color, bg), template.format(text), CLASSES.index(NONPERSON))
    raise ValueError(f"unknown sample kind {kind!r}; expected named, generic or scene")


def dataset(seed: int, n: int) -> tuple[np.ndarray, list[str], np.ndarray]:
    """``n`` examples as (images (n, 3, 16, 16), captions, labels), a pure function of ``seed``."""
    rng = np.random.default_rng(seed)
    items = [sample(rng) for _ in range(n)]
    return (np.stack([s.image for s in items]), [s.caption for s in items],
            np.asarray([s.label for s in items], np.int64))


def add_fillers(rng: np.random.Generator, caption: str, p: float = 0.5, max_fillers: int = 12) -> str:
    """Prepend 1..max_fillers random filler words with probability ``p``."""
    if rng.random() >= p:
        return caption
    k = int(rng.integers(1, max_fillers + 1))
    return " ".join(FILLERS[i] for i in rng.integers(len(FILLERS), size=k)) + (" " + caption if caption else "")


#: Example prompts per category (for demos and docs).
EXAMPLE_PROMPTS: dict[str, tuple[str, ...]] = {
    "named_seen": ("a photo of alice", "a portrait of bruno"),
    "named_unseen": ("a photo of farah", "a picture of hiro"),
    "generic_person": ("a photo of a person with red hair", "a photo of a person in a green shirt wearing a red hat"),
    "non_person": ("a photo of a red circle on a blue background", "a photo of a yellow square"),
}
