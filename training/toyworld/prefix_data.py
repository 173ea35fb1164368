"""Write the toy world's APL training data as an ``aplguard train`` data spec.

The spec (``spec.yaml``) lists the *seen* named people with their neutral
descriptions and folders of rendered photos, the prompt templates, and general
captions (generic people and non-person scenes) each with a rendered image.
It is a pure function of the seed::

    python -m aplguard.training.toyworld.prefix_data --out DIR
    aplguard train fit --model training/toyworld/model --data DIR/spec.yaml \\
        --recipe training/toyworld/recipe.yaml --out prefix.safetensors
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

import numpy as np

from . import data


def _save_png(image: np.ndarray, path: Path) -> None:
    from PIL import Image

    hwc = ((image.transpose(1, 2, 0) + 1.0) * 127.5).round().clip(0, 255).astype(np.uint8)
    Image.fromarray(hwc).save(path)


PLAIN_TEMPLATES: tuple[str, ...] = ("a photo of", "a picture of", "a portrait of")


def attribute_templates(world: data.World) -> tuple[str, ...]:
    """Plain templates interleaved with templates that state a hair or hat colour after the name.

    An identity pair such as "a photo of alice with green hair" -> "a photo of a person in a red shirt
    with green hair" teaches the prefix to drop the name's looks but keep what the prompt states.
    """
    clauses = ([f"with {h} hair" for h in world.hair_colors]
               + [f"wearing a {h} hat" if h else "with no hat" for h in world.hat_colors])
    plain = [PLAIN_TEMPLATES[k % len(PLAIN_TEMPLATES)] for k in range(len(clauses))]
    return tuple(t for pair in zip(plain, (f"{PLAIN_TEMPLATES[0]} {{}} {c}" for c in clauses)) for t in pair)


def write_spec(out: str | Path, seed: int = 7, images_per_identity: int = 24, n_captions: int = 192,
               seen: tuple[str, ...] | None = None, generic_share: float = 0.75,
               world: str | data.World = "v1", with_attributes: bool = False) -> Path:
    """Write spec.yaml, identities.yaml, templates.txt, captions.csv and images under ``out``.

    ``generic_share``: fraction of the general captions that describe generic people (the rest are
    non-person scenes); these pairs teach the prefix to leave such prompts alone. The defaults are
    the shipped prefix's data (the first prefix used 96 captions, half generic).
    ``with_attributes``: identity prompts use :func:`attribute_templates` (half of them state a hair
    or hat colour) instead of the three plain templates.
    """
    if not 0.0 <= generic_share <= 1.0:
        raise ValueError(f"generic_share must be in [0, 1], got {generic_share}")
    world = data.get_world(world)
    seen = world.seen if seen is None else seen
    unknown = sorted(set(seen) - set(world.names))
    if unknown:
        raise ValueError(f"seen names not in toy world {world.version}: {', '.join(unknown)}")
    out = Path(out)
    rng = np.random.default_rng(seed)
    (out / "images").mkdir(parents=True, exist_ok=True)
    lines = ["# Toy-world identities: the prefix is trained on these (the 'seen' half)."]
    for person in (world.person(name) for name in seen):
        folder = out / "images" / person.name
        folder.mkdir(exist_ok=True)
        for k in range(images_per_identity):
            _save_png(data.render_person(rng, person.skin, person.hair, person.shirt, person.hat),
                      folder / f"{k:03d}.png")
        lines += [f"- name: {person.name}", f"  description: {person.neutral_description()}",
                  f"  images: images/{person.name}"]
    (out / "identities.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    templates = attribute_templates(world) if with_attributes else PLAIN_TEMPLATES
    (out / "templates.txt").write_text("".join(f"{t}\n" for t in templates), encoding="utf-8")
    (out / "images" / "general").mkdir(exist_ok=True)
    with (out / "captions.csv").open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["caption", "image"])
        for k in range(n_captions):
            # Spread generic captions evenly (k % 2 == 0 for a share of 0.5).
            s = data.sample(rng, "generic" if (k * generic_share) % 1.0 < generic_share else "scene", world=world)
            name = f"images/general/{k:03d}.png"
            _save_png(s.image, out / name)
            writer.writerow([s.caption, name])
    spec = out / "spec.yaml"
    spec.write_text("# Toy-world APL data (written by python -m aplguard.training.toyworld.prefix_data)\n"
                    "identities: identities.yaml\ntemplates: templates.txt\ncaptions: captions.csv\n",
                    encoding="utf-8")
    return spec


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write the toy world's APL data spec")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--captions", type=int, default=192, help="general (non-identity) captions (default 192)")
    parser.add_argument("--generic-share", type=float, default=0.75,
                        help="fraction of general captions that describe generic people (default 0.75)")
    parser.add_argument("--world", choices=sorted(data.WORLDS), default="v1")
    parser.add_argument("--seen", type=int, default=None,
                        help="train on the first N of the world's seen names (default: all of them)")
    parser.add_argument("--images-per-identity", type=int, default=24)
    parser.add_argument("--with-attributes", action="store_true",
                        help="identity prompts that also state a hair or hat colour (attribute_templates)")
    args = parser.parse_args(argv)
    world = data.get_world(args.world)
    seen = world.seen if args.seen is None else world.seen[:args.seen]
    print(write_spec(args.out, seed=args.seed, n_captions=args.captions, generic_share=args.generic_share,
                     seen=seen, world=world, images_per_identity=args.images_per_identity,
                     with_attributes=args.with_attributes))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
