"""Identity that arrives through images (issue 13 §2): input checks before generation.

A face of a protected person in an img2img/inpaint init image, an IP-Adapter reference
or a ControlNet image is judged by the policy's input rules, and the verdict merges
into the prompt's decision (the stricter wins).
"""

from __future__ import annotations

import numpy as np
import pytest
import torch
from PIL import Image

from aplguard import Guard, SoftPrompt
from aplguard.audit import open_sink
from aplguard.policy import PolicyEngine
from aplguard.ports import Generation
from aplguard.types import Face, FaceMatch

WHITE = Image.new("RGB", (32, 32), "white")  # the scripted checker "recognises" white images
BLACK = Image.new("RGB", (32, 32), "black")


class WhiteIsProtected:
    """A FaceChecker: one face in every image; white images match gallery identity 'alice'."""

    def __init__(self, fail=False):
        self.fail, self.seen = fail, 0

    def analyze(self, image):
        self.seen += 1
        if self.fail:
            raise RuntimeError("detector crashed")
        face = Face(box=(0.0, 0.0, 8.0, 8.0), score=0.9, detector="scripted")
        white = np.asarray(image).mean() > 200
        return [face], ([FaceMatch(0, "alice", 0.9, 0.4, "scripted")] if white else [])


class RecordingBackend:
    family = "sd1"
    model_id = "recording"
    supports_prefix = True
    per_prompt_kwargs = ("image",)

    def __init__(self):
        self.calls = []

    def install_prefix(self, prefix):
        pass

    def uninstall_prefix(self):
        pass

    def generate(self, prompts, anonymize, kwargs):
        self.calls.append((list(prompts), list(anonymize)))
        return Generation(images=[np.zeros((8, 8, 3), np.float32) for _ in prompts])


PREFIX = SoftPrompt(vectors={"text_encoder": np.zeros((4, 8), np.float32)})


def _guard(policy, checker=None, **kw):
    backend = RecordingBackend()
    engine = PolicyEngine(policy)
    return Guard(backend=backend, prefix=PREFIX, policy=engine, faces=checker or WhiteIsProtected(), **kw), backend


def test_default_anonymizes_an_init_image_of_a_protected_person():
    guard, backend = _guard("default")
    out = guard("a cat on a sofa", image=WHITE)
    assert out.decisions[0].action == "anonymize" and out.decisions[0].rule == "input:anonymize-gallery-input"
    assert backend.calls == [(["a cat on a sofa"], [True])]
    (inp,) = out.inputs
    assert inp.argument == "image" and inp.faces == 1 and inp.matches[0].identity == "alice"


def test_strict_blocks_and_never_calls_the_pipeline():
    guard, backend = _guard("strict")
    out = guard("a cat on a sofa", ip_adapter_image=[WHITE])
    assert out.decisions[0].blocked and "protected person" in out.decisions[0].message
    assert backend.calls == [] and out.images == [None]


def test_faces_without_a_match_change_nothing():
    guard, backend = _guard("strict")
    out = guard("a cat on a sofa", control_image=BLACK)
    assert out.decisions[0].action == "allow" and backend.calls == [(["a cat on a sofa"], [False])]


def test_per_prompt_images_belong_to_their_prompt():
    guard, backend = _guard("strict")
    out = guard(["first", "second"], image=[BLACK, WHITE])
    assert [d.action for d in out.decisions] == ["allow", "block"]
    assert backend.calls == [(["first"], [False])]
    assert [(x.index, x.prompt_index) for x in out.inputs] == [(0, 0), (1, 1)]


def test_batched_tensor_and_nested_lists_are_all_checked():
    checker = WhiteIsProtected()
    guard, _ = _guard("default", checker)
    batch = torch.zeros(3, 3, 16, 16)
    batch[2] = 1.0  # the third image is white
    out = guard("a cat", image=batch, ip_adapter_image=[[BLACK, BLACK]])
    assert len(out.inputs) == 5 and out.decisions[0].action == "anonymize"
    assert [x.argument for x in out.inputs] == ["image"] * 3 + ["ip_adapter_image"] * 2


def test_a_failing_input_check_follows_on_error():
    guard, backend = _guard("default", WhiteIsProtected(fail=True))  # on_error: anonymize
    out = guard("a cat", image=BLACK)
    assert out.decisions[0].action == "anonymize" and backend.calls[0][1] == [True]
    guard, backend = _guard("strict", WhiteIsProtected(fail=True))  # on_error: block
    out = guard("a cat", image=BLACK)
    assert out.decisions[0].blocked and backend.calls == []
    assert any(e.startswith("fail-closed") for e in out.decisions[0].errors)


def test_an_image_that_cannot_be_checked_follows_on_error():
    guard, backend = _guard("strict")
    latents = torch.randn(1, 4, 8, 8)  # img2img accepts latents as `image`; no face check can read them
    out = guard("a cat", image=latents)
    assert out.decisions[0].blocked and backend.calls == []


def test_policy_off_does_not_check_inputs():
    checker = WhiteIsProtected()
    guard, backend = _guard("off", checker)
    guard("a cat", image=WHITE)
    assert checker.seen == 0 and backend.calls == [(["a cat"], [False])]


def test_input_decision_is_in_the_audit_record(tmp_path):
    url = f"sqlite:///{tmp_path}/a.db"
    guard, _ = _guard("default", audit=url)
    guard("a cat", image=WHITE)
    with open_sink(url) as sink:
        rec = [getattr(r, "record", r) for r in sink.query()][-1]
    assert rec.prompts[0].decision == "anonymize" and rec.prompts[0].rule == "input:anonymize-gallery-input"
    (inp,) = rec.inputs  # the evidence: which argument, faces, the matched identity, the rule
    assert (inp.argument, inp.faces, inp.action, inp.rule) == ("image", 1, "anonymize", "anonymize-gallery-input")
    assert [m.identity for m in inp.matches] == ["alice"]


def test_input_rules_are_validated_with_locations(tmp_path):
    from aplguard.errors import PolicyError

    bad = tmp_path / "p.yaml"
    bad.write_text("""apiVersion: aplguard/v1
name: p
default: {action: allow}
output: {detect_faces: false, match_gallery: false}
input:
  detect_faces: false
  match_gallery: false
  rules:
    - id: r
      arguments: [mask_image]
      when: {matches: {min_count: 1}}
      action: block
""")
    with pytest.raises(PolicyError) as err:
        PolicyEngine(str(bad))
    assert "p.yaml:10:19: input.rules[0].arguments[0]" in err.value.errors[0]
    bad.write_text(bad.read_text().replace("[mask_image]", "[image]"))
    with pytest.raises(PolicyError) as err:
        PolicyEngine(str(bad))
    assert any("input.rules[0].when.matches" in e and "input.match_gallery is false" in e for e in err.value.errors)
