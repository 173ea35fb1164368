"""Guard with the real face stack: BlazeFace + SFace + a gallery, on a real photo.

The "pipeline" is a plain callable that returns scikit-image's astronaut portrait
(public domain), so the output checks see a real face. Skips without the model files.
"""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from aplguard import Guard
from aplguard.faces import Gallery, ModelStore


@pytest.fixture(scope="module")
def gallery_dir(tmp_path_factory):
    pytest.importorskip("mediapipe", reason="pip install 'aplguard[faces]'")
    skdata = pytest.importorskip("skimage.data", reason="scikit-image provides the test photo")
    store = ModelStore()
    missing = [n for n in ("blazeface-short", "blazeface-full", "sface") if not store.has(n)]
    if missing:
        pytest.skip(f"face models {missing} missing; run: aplguard models pull")
    from aplguard.faces import FaceDetector, SFaceMatcher

    folder = tmp_path_factory.mktemp("gallery")
    gallery = Gallery.create(folder)
    image = Image.fromarray(skdata.astronaut())
    report = gallery.add("Eileen Collins", [image], FaceDetector(store), SFaceMatcher(store))
    assert report.accepted
    return folder, image


def _photo_pipe(image):
    def generate(prompts, **kwargs):
        return [image.copy() for _ in prompts]

    return generate


@pytest.mark.parametrize("policy,action", [("default", "flag"), ("strict", "block")])
def test_gallery_match_drives_output_rule(gallery_dir, policy, action):
    folder, image = gallery_dir
    guard = Guard(_photo_pipe(image), policy=policy, gallery=folder)
    out = guard("a portrait photo of an astronaut in a spacesuit")
    assert out.decisions[0].action == "allow"
    assert len(out.faces[0]) >= 1
    assert [m.identity for m in out.matches[0]] == ["Eileen Collins"]
    assert out.output_decisions[0].action == action
    assert (out.images[0] is None) == (action == "block")


def test_blur_policy_blurs_only_the_face(gallery_dir, tmp_path):
    folder, image = gallery_dir
    policy = tmp_path / "blur.yaml"
    policy.write_text("""
apiVersion: aplguard/v1
name: blur-matches
rules: []
default: {action: allow}
output:
  detect_faces: true
  match_gallery: true
  rules:
    - id: blur-protected
      when: {matches: {min_count: 1}}
      action: blur
  default: {action: none}
""")
    out = Guard(_photo_pipe(image), policy=str(policy), gallery=folder)("an astronaut")
    assert out.output_decisions[0].action == "blur"
    x, y, w, h = (int(v) for v in out.faces[0][0].box)
    before, after = np.asarray(image).astype(int), np.asarray(out.images[0]).astype(int)
    assert np.abs(after[y:y + h, x:x + w] - before[y:y + h, x:x + w]).mean() > 3
    assert np.array_equal(after[-40:, -40:], before[-40:, -40:])  # far corner untouched


def test_img2img_of_a_protected_person_is_refused_by_input_checks(gallery_dir):
    """A real img2img pipeline, the real face stack: the init image is the enrolled person."""
    from diffusers import StableDiffusionImg2ImgPipeline

    from aplguard.testing import tiny_sd_pipeline

    folder, image = gallery_dir
    pipe = StableDiffusionImg2ImgPipeline(**tiny_sd_pipeline(seed=0).components)
    pipe.set_progress_bar_config(disable=True)
    init = image.resize((128, 128))
    calls = []
    original = pipe.__class__.__call__

    def spy(self, *args, **kwargs):
        calls.append(kwargs.get("prompt"))
        return original(self, *args, **kwargs)

    guard = Guard(pipe, policy="strict", gallery=folder)
    pipe.__class__.__call__ = spy
    try:
        out = guard("an oil painting", image=init, strength=0.5, num_inference_steps=2)
    finally:
        pipe.__class__.__call__ = original
    assert out.decisions[0].blocked and out.decisions[0].rule == "input:block-gallery-input"
    assert calls == [] and out.images == [None]
    assert out.inputs[0].matches and out.inputs[0].matches[0].identity


@pytest.mark.parametrize("setting,matched", [("match_threshold: 0.999", False), ("match_far: 0.001", True)])
def test_policy_match_threshold_reaches_the_default_auditor(gallery_dir, tmp_path, setting, matched):
    folder, image = gallery_dir
    policy = tmp_path / "p.yaml"
    policy.write_text(f"""
apiVersion: aplguard/v1
name: thresholds
rules: []
default: {{action: allow}}
output:
  {setting}
  rules:
    - id: flag-match
      when: {{matches: {{min_count: 1}}}}
      action: flag
""")
    mirrored = image.transpose(Image.Transpose.FLIP_LEFT_RIGHT)  # the same person, not the enrolled pixels
    out = Guard(_photo_pipe(mirrored), policy=str(policy), gallery=folder)("an astronaut")
    assert out.faces[0] and bool(out.matches[0]) is matched
