"""The toy world's seeded synthetic data: named people, generic people, scenes.

Images are 16x16 RGB in [-1, 1] (channels first). Ten named people each have
a fixed appearance (skin, hair colour, shirt colour, hat) drawn with small
jitter (position, colour, noise). Generic people are attribute combinations
that match no named person; their captions mention a random subset of their
attributes. Non-person scenes are coloured shapes on coloured backgrounds.

Two worlds exist (:class:`World`): v1, ten people (the first shipped model), and
v2, 32 people over a wider attribute space (more hair and hat colours), of whom
24 may train a prefix and 8 are always held out. Every function takes the world
it draws from; the module-level names (``PEOPLE``, ``NAMES``, ...) are v1's.

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
# v2 widens the attribute space so 32 people differ pairwise in at least two of (hair, shirt, hat).
HAIR_COLORS_V2 = HAIR_COLORS + ("blue", "pink", "green")
SHIRT_COLORS = ("red", "orange", "yellow", "green", "cyan", "blue", "purple", "pink", "white", "black")
HAT_COLORS = (None, "red", "blue", "green", "yellow", "black")
HAT_COLORS_V2 = HAT_COLORS + ("purple", "orange", "pink", "cyan")
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


_PEOPLE_V1: tuple[Person, ...] = (
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
# v2 keeps v1's ten and adds 22, drawn once (seeded) under the constraint that any two people
# differ in at least two of (hair, shirt, hat), then frozen here.
_PEOPLE_V2: tuple[Person, ...] = _PEOPLE_V1 + (
    Person("kofi", "light", "pink", "white", "black"),
    Person("lena", "light", "blue", "pink", "cyan"),
    Person("mateo", "dark", "blond", "green", "purple"),
    Person("nadia", "dark", "black", "red", "cyan"),
    Person("oskar", "dark", "blond", "orange", "green"),
    Person("priya", "light", "green", "purple", "black"),
    Person("quinn", "light", "blond", "cyan", "orange"),
    Person("rosa", "light", "blue", "yellow", "pink"),
    Person("sami", "dark", "red", "black", "orange"),
    Person("tomas", "medium", "pink", "purple", "green"),
    Person("uma", "light", "grey", "black", "red"),
    Person("viktor", "dark", "brown", "red", "orange"),
    Person("wen", "dark", "green", "cyan", "blue"),
    Person("xavi", "light", "pink", "blue", "red"),
    Person("yara", "dark", "green", "black", "purple"),
    Person("zane", "dark", "grey", "blue", "cyan"),
    Person("abel", "medium", "pink", "green", "orange"),
    Person("bea", "dark", "brown", "purple", "pink"),
    Person("cyrus", "medium", "red", "green", "pink"),
    Person("dilan", "dark", "blue", "white", None),
    Person("elif", "light", "grey", "red", "purple"),
    Person("femi", "dark", "blue", "red", "black"),
)

#: Classes of the judge: the named people, then a generic person, then no person.
GENERIC, NONPERSON = "generic", "nonperson"


@dataclass(frozen=True)
class World:
    """One toy world: its people, which of them a prefix may train on, its palettes.

    ``seen`` are the people a prefix is trained on (v2: a pool of 24, in the order the
    training-set-size curve takes them); every other person is held out ("unseen").
    ``named_share`` is the fraction of base-training samples that show a named person.
    """

    version: str
    people: tuple[Person, ...]
    seen: tuple[str, ...]
    hair_colors: tuple[str, ...]
    hat_colors: tuple[str | None, ...]
    named_share: float = 0.5
    shirt_colors: tuple[str, ...] = SHIRT_COLORS

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.people)

    @property
    def unseen(self) -> tuple[str, ...]:
        return tuple(n for n in self.names if n not in self.seen)

    @property
    def classes(self) -> tuple[str, ...]:
        """The judge's classes: named people, then generic person, then no person."""
        return self.names + (GENERIC, NONPERSON)

    def person(self, name: str) -> Person:
        for p in self.people:
            if p.name == name:
                return p
        raise KeyError(f"no person {name!r} in toy world {self.version}")


WORLD_V1 = World("v1", _PEOPLE_V1, seen=tuple(p.name for p in _PEOPLE_V1[:5]),
                 hair_colors=HAIR_COLORS, hat_colors=HAT_COLORS)
# Held out in v2: every fourth person, so the 8 unseen people span both v1's and v2's additions.
WORLD_V2 = World("v2", _PEOPLE_V2, seen=tuple(p.name for i, p in enumerate(_PEOPLE_V2) if i % 4 != 3),
                 hair_colors=HAIR_COLORS_V2, hat_colors=HAT_COLORS_V2, named_share=0.625)
WORLDS: dict[str, World] = {"v1": WORLD_V1, "v2": WORLD_V2}


def get_world(version: str | World) -> World:
    """A world by version ("v1", "v2"); a World is returned as is."""
    if isinstance(version, World):
        return version
    if version not in WORLDS:
        raise ValueError(f"unknown toy world {version!r}; expected one of {sorted(WORLDS)}")
    return WORLDS[version]


# v1's tables under their historical names.
PEOPLE: tuple[Person, ...] = WORLD_V1.people
NAMES: tuple[str, ...] = WORLD_V1.names
#: People whose names the shipped prefix was trained on (the other half are "unseen").
SEEN_NAMES: tuple[str, ...] = WORLD_V1.seen
UNSEEN_NAMES: tuple[str, ...] = WORLD_V1.unseen
CLASSES: tuple[str, ...] = WORLD_V1.classes


def vocabulary_words(world: World = WORLD_V1) -> tuple[str, ...]:
    """Every word the captions use (each becomes one token)."""
    words = set(world.names) | set(COLORS) | set(SKINS) | set(SHAPES) | set(FILLERS)
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


def random_generic(rng: np.random.Generator, world: World = WORLD_V1) -> tuple[str, str, str, str | None]:
    """Draw (skin, hair, shirt, hat) whose (hair, shirt, hat) matches no named person."""
    named = {(p.hair, p.shirt, p.hat) for p in world.people}
    while True:
        combo = (world.hair_colors[rng.integers(len(world.hair_colors))],
                 world.shirt_colors[rng.integers(len(world.shirt_colors))],
                 world.hat_colors[rng.integers(len(world.hat_colors))])
        if combo not in named:
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


def sample(rng: np.random.Generator, kind: str | None = None, world: World = WORLD_V1) -> Sample:
    """Draw one example: a named person (``world.named_share``), else a generic person or a scene (1:1)."""
    if kind is None:
        if world.named_share == 0.5:  # v1's draw, kept so v1's data (and its trained model) stay reproducible
            kind = ("named", "named", "generic", "scene")[rng.integers(4)]
        else:
            u = rng.random()
            kind = "named" if u < world.named_share else ("generic" if u < (1 + world.named_share) / 2 else "scene")
    template = TEMPLATES[rng.integers(len(TEMPLATES))]
    if kind == "named":
        idx = int(rng.integers(len(world.people)))
        p = world.people[idx]
        return Sample(render_person(rng, p.skin, p.hair, p.shirt, p.hat), template.format(p.name), idx)
    if kind == "generic":
        attrs = random_generic(rng, world)
        return Sample(render_person(rng, *attrs), template.format(generic_caption(rng, *attrs)),
                      world.classes.index(GENERIC))
    if kind == "scene":
        shape = SHAPES[rng.integers(len(SHAPES))]
        color = SHAPE_COLORS[rng.integers(len(SHAPE_COLORS))]
        bg = SCENE_BACKGROUNDS[rng.integers(len(SCENE_BACKGROUNDS))]
        while bg == color:
            bg = SCENE_BACKGROUNDS[rng.integers(len(SCENE_BACKGROUNDS))]
        text = f"a {color} {shape}" + (f" on a {bg} background" if rng.random() < 0.5 else "")
        return Sample(render_scene(rng, shape, color, bg), template.format(text), world.classes.index(NONPERSON))
    raise ValueError(f"unknown sample kind {kind!r}; expected named, generic or scene")


def dataset(seed: int, n: int, world: World = WORLD_V1) -> tuple[np.ndarray, list[str], np.ndarray]:
    """``n`` examples as (images (n, 3, 16, 16), captions, labels), a pure function of ``seed``."""
    rng = np.random.default_rng(seed)
    items = [sample(rng, world=world) for _ in range(n)]
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
