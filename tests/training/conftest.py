"""Fixtures for the training tests: tiny pipelines and a small data spec with images."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("diffusers")


@pytest.fixture(scope="session")
def train_sd():
    """A tiny SD1.x pipeline shared by tests that do not mutate it (fit restores its flags)."""
    from aplguard.testing import tiny_sd_pipeline

    return tiny_sd_pipeline(seed=0)


@pytest.fixture(scope="session")
def train_sdxl():
    from aplguard.testing import tiny_sdxl_pipeline

    return tiny_sdxl_pipeline(seed=0)


def _png(path: Path, seed: int, size: int = 64) -> None:
    from PIL import Image

    rng = np.random.default_rng(seed)
    # Smooth random colour fields: something a VAE encodes to varied latents.
    small = rng.integers(0, 256, (4, 4, 3), dtype=np.uint8)
    Image.fromarray(small).resize((size + 8, size), Image.BILINEAR).save(path)


@pytest.fixture
def small_spec(tmp_path: Path) -> Path:
    """2 identities with 2 photos each, 3 captions with images: prepare only encodes (no generation)."""
    for i, who in enumerate(("ana", "bo")):
        d = tmp_path / "photos" / who
        d.mkdir(parents=True)
        for k in range(2):
            _png(d / f"{k}.png", 10 * i + k)
    for k in range(3):
        _png(tmp_path / f"cap{k}.png", 100 + k)
    (tmp_path / "identities.yaml").write_text(
        "- name: Ana Quill\n  aliases: [A. Quill]\n  description: a woman with short blue hair\n  images: photos/ana\n"
        "- name: Bo Ferren\n  description: a bald man with round glasses\n  images: photos/bo\n", encoding="utf-8")
    (tmp_path / "captions.csv").write_text(
        "caption,image\na red bicycle,cap0.png\na mountain lake,cap1.png\na bowl of fruit,cap2.png\n", encoding="utf-8")
    spec = tmp_path / "spec.yaml"
    spec.write_text("identities: identities.yaml\ntemplates: [a photo of, a portrait of]\ncaptions: captions.csv\n",
                    encoding="utf-8")
    return spec


@pytest.fixture
def small_config():
    from aplguard.training import TrainConfig

    return TrainConfig(n_vectors=4, steps=6, batch_size=2, lr=1e-2, checkpoint_every=3, seed=0)


@pytest.fixture(autouse=True, scope="module")
def _one_thread():
    """Tiny models: one intra-op thread is far faster than two competing ones on a busy 2-core box."""
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)
