"""The toy world's judge: a small CNN that names who (or what) a 16x16 image shows.

One classifier per world (:class:`.data.World`) whose classes are the world's named
people, "generic" (a person who is none of them) and "nonperson" (v1: 12 classes,
v2: 34). Identity and person/generic/non-person
verdicts both derive from it. It is exposed through aplguard's face interfaces:

* :class:`ToyFaceDetector` — ``detect(image) -> list[Face]``: one whole-image
  box when the judge sees a person;
* :class:`ToyFaceMatcher` — ``embed(image, face) -> unit vector`` with ``.id``
  and ``.threshold``: the embedding is the square root of the class
  probabilities, so its cosine with a named person's reference (that person's
  one-hot vector) is sqrt(p(person));
* :func:`toy_gallery` — reference embeddings of the named people.

Train with ``python -m aplguard.training.toyworld.judge --out DIR``.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

import numpy as np

from aplguard._deps import require
from aplguard.errors import ImageError, ModelFileError
from aplguard.types import Face, FaceMatch

from . import data

JUDGE_FILE = "judge.safetensors"
PERSON_CLASSES = frozenset(range(len(data.NAMES) + 1))  # v1's named people and generic


def _build_net(n_classes: int = len(data.CLASSES)):
    torch = require("torch", "diffusers")
    nn = torch.nn
    return nn.Sequential(
        nn.Conv2d(3, 32, 3, padding=1), nn.ReLU(), nn.Conv2d(32, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.Conv2d(64, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(64 * 4 * 4, 128), nn.ReLU(), nn.Linear(128, n_classes),
    )


def to_tensor(images: Any):
    """Images -> float tensor (N, 3, 16, 16) in [-1, 1], resized when needed.

    Accepts a torch tensor or array (N, 3, 16, 16) / (3, 16, 16) in [-1, 1] (the
    model's own space), PIL images, and HxWx3 arrays (uint8, or float in [0, 1] as
    diffusers' ``output_type="np"`` returns), singly or as a list / (N, H, W, 3) batch.
    """
    torch = require("torch", "diffusers")
    if isinstance(images, torch.Tensor):
        x = images.float()
        return x if x.dim() == 4 else x.unsqueeze(0)
    if isinstance(images, np.ndarray) and images.ndim == 4:
        images = list(images)
    if not isinstance(images, (list, tuple)):
        images = [images]
    return torch.from_numpy(np.stack([_one(im) for im in images]))


def _one(im: Any) -> np.ndarray:
    if hasattr(im, "convert"):  # PIL
        im = np.asarray(im.convert("RGB"))
    arr = np.asarray(im)
    if arr.ndim == 3 and arr.shape[0] == 3 and arr.shape[-1] != 3:  # CHW in [-1, 1]
        chw = arr.astype(np.float32)
    elif arr.ndim == 3 and arr.shape[-1] == 3:
        hwc = arr.astype(np.float32) / 255.0 if arr.dtype == np.uint8 else arr.astype(np.float32)
        chw = hwc.transpose(2, 0, 1) * 2.0 - 1.0
    else:
        raise ImageError(f"expected an RGB image (HxWx3) or a (3, H, W) array, got shape {arr.shape}")
    if chw.shape[1:] != (data.SIZE, data.SIZE):
        from PIL import Image

        hwc8 = ((chw.transpose(1, 2, 0) + 1) * 127.5).clip(0, 255).astype(np.uint8)
        small = np.asarray(Image.fromarray(hwc8).resize((data.SIZE, data.SIZE), Image.BILINEAR))
        chw = small.transpose(2, 0, 1).astype(np.float32) / 127.5 - 1.0
    return chw


def _crop(image: Any, face: Face | None) -> Any:
    """The face box of an HxWx3 image / PIL image (the whole image when ``face`` is None)."""
    if face is None:
        return image
    x, y, w, h = (round(v) for v in face.box)
    if hasattr(image, "crop"):
        return image.crop((x, y, x + w, y + h))
    return np.asarray(image)[max(y, 0):y + h, max(x, 0):x + w]


def _size(image: Any) -> tuple[int, int]:
    if hasattr(image, "size") and not isinstance(image, np.ndarray):
        return image.size
    arr = np.asarray(image)
    return (arr.shape[1], arr.shape[0]) if arr.shape[-1] == 3 else (arr.shape[2], arr.shape[1])


class ToyJudge:
    """Classifies toy-world images into ``world.classes`` (loads weights on first use)."""

    def __init__(self, path: str | Path | None = None, world: str | data.World = "v1") -> None:
        from . import model_dir

        self.world = data.get_world(world)
        self.path = Path(path) if path is not None else model_dir(self.world.version) / JUDGE_FILE
        self._net = None

    def load(self) -> ToyJudge:
        if self._net is None:
            st = require("safetensors.torch", "diffusers")
            if not self.path.is_file():
                raise ModelFileError(f"toy judge weights not found: {self.path} "
                                     "(train them with python -m aplguard.training.toyworld.judge)")
            net = _build_net(len(self.world.classes))
            try:
                net.load_state_dict(st.load_file(str(self.path)))
            except RuntimeError as exc:  # shape mismatch: weights of another world
                raise ModelFileError(f"{self.path}: not a judge for toy world {self.world.version} "
                                     f"({len(self.world.classes)} classes)") from exc
            self._net = net.eval()
        return self

    def probabilities(self, images: Any) -> np.ndarray:
        """Class probabilities, shape (N, len(world.classes))."""
        torch = require("torch", "diffusers")
        self.load()
        with torch.no_grad():
            return torch.softmax(self._net(to_tensor(images)), dim=1).numpy()

    def classify(self, images: Any) -> list[str]:
        """The most likely class name per image."""
        return [self.world.classes[i] for i in self.probabilities(images).argmax(1)]


class ToyFaceDetector:
    """Face-detector stand-in: one whole-image face when the judge sees a person."""

    id = "toy-judge-detector"

    def __init__(self, judge: ToyJudge | None = None, min_score: float = 0.5) -> None:
        self.judge = judge or ToyJudge()
        self.min_score = min_score

    def detect(self, image: Any) -> list[Face]:
        p = self.judge.probabilities(image)[0]
        score = float(p[: len(self.judge.world.names) + 1].sum())
        if score < self.min_score:
            return []
        w, h = _size(image)
        return [Face(box=(0.0, 0.0, float(w), float(h)), score=min(score, 1.0), detector=self.id)]


class ToyFaceMatcher:
    """Face-matcher protocol over the judge: ``embed(image, face) -> unit vector`` (one entry per class)."""

    id = "toy-judge-matcher"
    #: cosine sqrt(p) >= 0.7 means p(person) >= 0.49.
    threshold = 0.7

    def __init__(self, judge: ToyJudge | None = None) -> None:
        self.judge = judge or ToyJudge()

    def embed(self, image: Any, face: Face | None = None) -> np.ndarray:
        v = np.sqrt(self.judge.probabilities(_crop(image, face))[0])
        return (v / np.linalg.norm(v)).astype(np.float32)


def toy_gallery(world: str | data.World = "v1") -> dict[str, np.ndarray]:
    """Reference embeddings of the named people (one unit vector each)."""
    world = data.get_world(world)
    eye = np.eye(len(world.classes), dtype=np.float32)
    return {name: eye[i] for i, name in enumerate(world.names)}


class ToyFaceAuditor:
    """Detector + matcher + gallery in one: ``audit(image) -> (faces, matches)``."""

    def __init__(self, judge: ToyJudge | None = None) -> None:
        judge = judge or ToyJudge()
        self.detector = ToyFaceDetector(judge)
        self.matcher = ToyFaceMatcher(judge)
        self.gallery = toy_gallery(judge.world)

    def analyze(self, image: Any) -> tuple[list[Face], list[FaceMatch]]:
        """``(faces, matches)`` for one image (the interface ``Guard(faces=...)`` takes)."""
        return self.audit(image)

    def audit(self, image: Any) -> tuple[list[Face], list[FaceMatch]]:
        faces = self.detector.detect(image)
        matches = []
        for i, face in enumerate(faces):
            emb = self.matcher.embed(image, face)
            name, score = max(((n, float(emb @ ref)) for n, ref in self.gallery.items()), key=lambda t: t[1])
            if score >= self.matcher.threshold:
                matches.append(FaceMatch(face_index=i, identity=name, score=score,
                                         threshold=self.matcher.threshold, matcher=self.matcher.id))
        return faces, matches


def toy_face_auditor(gallery_dir: str | Path, judge: ToyJudge | None = None, refs_per_person: int = 4,
                     seed: int = 3):
    """aplguard's own ``FaceAuditor`` over the toy detector/matcher and a real ``Gallery``.

    The gallery at ``gallery_dir`` is created (if new) and every named person is
    enrolled from ``refs_per_person`` rendered photos.
    """
    from aplguard.faces.auditor import FaceAuditor
    from aplguard.faces.gallery import Gallery

    judge = judge or ToyJudge()
    detector, matcher = ToyFaceDetector(judge), ToyFaceMatcher(judge)
    gallery_dir = Path(gallery_dir)
    gallery = Gallery.create(gallery_dir, exist_ok=True)  # opens an existing one
    rng = np.random.default_rng(seed)
    for p in judge.world.people:
        if p.name in gallery:
            continue
        photos = [_to_uint8(data.render_person(rng, p.skin, p.hair, p.shirt, p.hat)) for _ in range(refs_per_person)]
        gallery.add(p.name, photos, detector, matcher, min_face_px=data.SIZE)
    return FaceAuditor(detector, matcher, gallery)


def _to_uint8(chw: np.ndarray) -> np.ndarray:
    return ((chw.transpose(1, 2, 0) + 1.0) * 127.5).round().clip(0, 255).astype(np.uint8)


def _augment(rng: np.random.Generator, x: np.ndarray) -> np.ndarray:
    # Generated images are noisier and softer than renders: add noise and some blur.
    x = x + rng.normal(0, rng.uniform(0, 0.15), (len(x), 1, 1, 1)) * rng.standard_normal(x.shape)
    blur = rng.random(len(x)) < 0.3
    if blur.any():
        k = x[blur]
        soft = (k + np.roll(k, 1, 2) + np.roll(k, -1, 2) + np.roll(k, 1, 3) + np.roll(k, -1, 3)) / 5
        x[blur] = 0.5 * k + 0.5 * soft
    return np.clip(x, -1, 1).astype(np.float32)


def train(out: Path, seed: int = 10, n_train: int = 24000, n_test: int = 4000, epochs: int = 6,
          threads: int = 1, world: str | data.World = "v1") -> dict:
    """Train the judge on fresh renders; evaluate on a held-out set drawn with another seed."""
    world = data.get_world(world)
    torch = require("torch", "diffusers")
    st = require("safetensors.torch", "diffusers")
    torch.set_num_threads(threads)
    torch.manual_seed(seed)
    t0 = time.monotonic()
    x, _, y = data.dataset(seed, n_train, world)
    xt, _, yt = data.dataset(seed + 1, n_test, world)
    net = _build_net(len(world.classes))
    opt = torch.optim.Adam(net.parameters(), lr=2e-3)
    rng = np.random.default_rng(seed)
    steps = epochs * (n_train // 128)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=2e-3, total_steps=steps)
    for _ in range(epochs):
        perm = rng.permutation(n_train)
        for i in range(0, n_train - 127, 128):
            idx = perm[i:i + 128]
            xb = torch.from_numpy(_augment(rng, x[idx].copy()))
            loss = torch.nn.functional.cross_entropy(net(xb), torch.from_numpy(y[idx]))
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
    net.eval()
    with torch.no_grad():
        pred = net(torch.from_numpy(xt)).argmax(1).numpy()
        pred_aug = net(torch.from_numpy(_augment(np.random.default_rng(seed + 2), xt.copy()))).argmax(1).numpy()
    out.mkdir(parents=True, exist_ok=True)
    st.save_file({k: v.contiguous() for k, v in net.state_dict().items()}, str(out / JUDGE_FILE))
    named = yt < len(world.names)
    kind = lambda a: np.minimum(a, len(world.names))
    report = {
        "world": world.version,
        "held_out_accuracy": float((pred == yt).mean()),
        "held_out_accuracy_augmented": float((pred_aug == yt).mean()),
        "identity_accuracy_named": float((pred[named] == yt[named]).mean()),
        "kind_accuracy_named_generic_nonperson": float((kind(pred) == kind(yt)).mean()),
        "n_train": n_train, "n_test": n_test, "epochs": epochs, "seed": seed,
        "train_minutes": round((time.monotonic() - t0) / 60, 2),
    }
    (out / "judge.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Train the toy world's judge")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=10)
    parser.add_argument("--epochs", type=int, default=6)
    parser.add_argument("--n-train", type=int, default=24000)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--world", choices=sorted(data.WORLDS), default="v1")
    args = parser.parse_args(argv)
    print(json.dumps(train(args.out, seed=args.seed, epochs=args.epochs, n_train=args.n_train,
                           threads=args.threads, world=args.world)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
