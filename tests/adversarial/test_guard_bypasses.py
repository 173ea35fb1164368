"""Guard-level bypasses (issue 11 §1 rewrite leaks, §2 checks that silently passed).

Each test failed on the code before the fix: tensors skipped the face check,
empty rewrites fell back to the original prompt, a raising call wrote no audit
record, ``return_dict=False`` broke the call.
"""

from __future__ import annotations

import numpy as np
import pytest
import torch
from PIL import Image

from aplguard import Guard
from aplguard.audit import open_sink
from aplguard.errors import ConfigError
from aplguard.ports import Generation
from aplguard.types import Decision, Face, Finding

CALL = dict(num_inference_steps=2, height=64, width=64)


class SeeingChecker:
    """Records what the face check was given; reports one face in the top-left corner."""

    def __init__(self):
        self.seen = []

    def analyze(self, image):
        self.seen.append(image)
        return [Face(box=(0.0, 0.0, 16.0, 16.0), score=0.9, detector="scripted")], []


@pytest.mark.parametrize("output_type", ["pil", "np", "pt"])
def test_every_output_type_goes_through_the_same_check(sd_pipe, scripted, output_type):
    engine = scripted(output_action="block")
    engine.settings_obj.output_checks = True
    checker = SeeingChecker()
    bare = sd_pipe("a cat", generator=torch.Generator().manual_seed(0), output_type="np", **CALL).images[0]
    out = Guard(sd_pipe, policy=engine, faces=checker)(
        ["a cat", "a dog"], generator=torch.Generator().manual_seed(0), output_type=output_type, **CALL)
    assert len(checker.seen) == 2 and all(isinstance(im, Image.Image) for im in checker.seen)
    assert checker.seen[0].size == (64, 64)
    seen = np.asarray(checker.seen[0]).astype(int)
    assert np.abs(seen - np.round(bare * 255)).max() <= 1  # the check saw the real pixels
    assert out.images == [None, None] and out.blocked


def test_tensor_output_is_blurred_in_place_of_type(sd_pipe, scripted):
    engine = scripted(output_action="blur")
    engine.settings_obj.output_checks = True
    out = Guard(sd_pipe, policy=engine, faces=SeeingChecker())(
        "a cat", generator=torch.Generator().manual_seed(0), output_type="pt", **CALL)
    image = out.images[0]
    assert isinstance(image, torch.Tensor) and image.shape == (3, 64, 64) and image.dtype == torch.float32
    assert float(image.min()) >= 0.0 and float(image.max()) <= 1.0


def test_latent_output_is_refused(sd_pipe, scripted):
    with pytest.raises(ConfigError, match="latent"):
        Guard(sd_pipe, policy=scripted())("a cat", output_type="latent", **CALL)


def test_return_dict_false_still_returns_a_guard_output(sd_pipe, scripted):
    out = Guard(sd_pipe, policy=scripted())("a cat", return_dict=False, **CALL)
    assert len(out.images) == 1 and isinstance(out.images[0], Image.Image)


class ArrayBackend:
    """A Backend returning fixed float arrays (NaN on request) or raising."""

    family = "sd1"
    model_id = "array"
    supports_prefix = True
    per_prompt_kwargs = ()

    def __init__(self, fill=0.5, error=None):
        self.fill, self.error, self.calls = fill, error, []

    def install_prefix(self, prefix):
        pass

    def uninstall_prefix(self):
        pass

    def generate(self, prompts, anonymize, kwargs):
        self.calls.append((list(prompts), list(anonymize)))
        if self.error is not None:
            raise self.error
        return Generation(images=[np.full((8, 8, 3), self.fill, np.float32) for _ in prompts])


def _records(url):
    with open_sink(url) as sink:
        return [getattr(r, "record", r) for r in sink.query()]


def test_a_raising_call_is_audited_with_its_error(scripted, tmp_path):
    url = f"sqlite:///{tmp_path}/a.db"
    guard = Guard(backend=ArrayBackend(error=RuntimeError("CUDA out of memory")), policy=scripted(), audit=url)
    with pytest.raises(RuntimeError):
        guard("a cat")
    (rec,) = _records(url)
    assert any("RuntimeError" in e for e in rec.errors) and rec.outputs == []
    assert "memory" not in " ".join(rec.errors)  # only the type: messages may quote prompts


def test_nan_images_are_withheld_and_audited(scripted, tmp_path):
    url = f"sqlite:///{tmp_path}/nan.db"
    out = Guard(backend=ArrayBackend(fill=float("nan")), policy=scripted(), audit=url)("a cat")
    assert out.images == [None] and out.output_decisions[0].action == "block"
    (rec,) = _records(url)
    assert any("unreadable image" in e for e in rec.errors)


@pytest.fixture
def rewriting(scripted):
    """Scripted rewrite decisions (the engine's own rewrite logic is tested in test_policy_hardening)."""

    class RewritingEngine(scripted):
        def __init__(self, rewritten, prefix_rewrite=False):
            super().__init__()
            self.rewritten, self.prefix_rewrite = rewritten, prefix_rewrite

        def decide_prompt(self, prompt, ctx=None):
            f = Finding(kind="public_figure", score=1.0, start=0, end=5, text=prompt[:5], detector="t",
                        canonical="X")
            return Decision(action="rewrite", rule="rw", findings=(f,), rewritten_prompt=self.rewritten,
                            prefix_rewrite=self.prefix_rewrite)

    return RewritingEngine


@pytest.mark.parametrize("rewritten", ["", "   ", None])
def test_an_empty_rewrite_never_falls_back_to_the_original_prompt(rewritten, rewriting):
    backend = ArrayBackend()
    out = Guard(backend=backend, policy=rewriting(rewritten))("Alice Example at the beach")
    assert backend.calls == [] and out.decisions[0].blocked
    assert any("fail-closed" in e for e in out.decisions[0].errors)


def test_a_rewrite_that_needs_the_prefix_gets_it(rewriting):
    from aplguard import SoftPrompt

    backend = ArrayBackend()
    prefix = SoftPrompt(vectors={"text_encoder": np.zeros((4, 8), np.float32)})
    Guard(backend=backend, prefix=prefix, policy=rewriting("a person at the beach", prefix_rewrite=True))(
        "Alice Example at the beach")
    assert backend.calls == [(["a person at the beach"], [True])]
    # ... and without a prefix it fails closed instead of sending a possibly leaking rewrite
    backend = ArrayBackend()
    out = Guard(backend=backend, policy=rewriting("a person at the beach", prefix_rewrite=True))(
        "Alice Example at the beach")
    assert backend.calls == [] and out.decisions[0].blocked


def test_rewrite_policy_with_a_missed_second_mention_is_prefixed(tmp_path):
    """End to end with the real engine: the lower-case surname without a person cue is not detected
    (it reads as the word "swift"; no stage cue, which since round 32b makes a lower-case one-word singer's name
    count), so the rewrite cannot be shown to cover it and the prefix is added."""
    from aplguard import SoftPrompt

    policy = tmp_path / "rw.yaml"
    policy.write_text("""apiVersion: aplguard/v1
name: rw
version: "1"
detectors:
  - id: names
    type: gazetteer
rules:
  - id: rewrite-people
    when: {identity_seeking: true}
    action: rewrite
default: {action: allow}
output: {detect_faces: false, match_gallery: false}
rewrite: {neutral: "a person"}
""")
    backend = ArrayBackend()
    prefix = SoftPrompt(vectors={"text_encoder": np.zeros((4, 8), np.float32)})
    out = Guard(backend=backend, prefix=prefix, policy=str(policy))(
        "Taylor Swift in a garden, swift, oil painting")
    d = out.decisions[0]
    assert d.action == "rewrite" and "Taylor Swift" not in d.rewritten_prompt and d.prefix_rewrite
    assert backend.calls and backend.calls[0][1] == [True]  # the rewritten prompt also got the prefix
