import pytest

from aplguard.detect import PersonalizationDetector


@pytest.fixture(scope="module")
def det():
    return PersonalizationDetector().load()


@pytest.mark.parametrize("prompt, kind", [
    ("a photo of sks man on a mountain", "personalization"),
    ("zwx person as a superhero", "personalization"),
    ("ohwx woman in a red dress", "personalization"),
    ("<lora:taylor_swift_v2:0.8> woman in a garden", "personalization"),
    ("<lora:my_face:1> portrait", "personalization"),
    ("a portrait of <jane-doe> smiling", "personalization"),
    ("embedding:kevin_brandt_face, photo", "personalization"),
    ("a woman who looks like my sister", "likeness"),
    ("a man with the face of Kevin", "likeness"),
])
def test_identity_cues(det, prompt, kind):
    found = [f for f in det.detect(prompt) if f.identity_seeking]
    assert found and found[0].kind == kind
    assert prompt[found[0].start:found[0].end] == found[0].text


@pytest.mark.parametrize("prompt", [
    "<lora:add_detail:0.5> a castle", "a cloud that looks like a dragon", "a photo of a man on a mountain",
    "a sks dog on the beach",
])
def test_weak_or_no_cues(det, prompt):
    assert [f for f in det.detect(prompt) if f.identity_seeking] == []


def test_extra_tokens():
    det = PersonalizationDetector(extra_tokens=["qqz"])
    assert det.detect("qqz man reading")[0].identity_seeking


@pytest.mark.parametrize("prompt", ["a photo of xjq man in a park", "portrait of [V] person", "a photo of sks",
                                    "the spitting image of my dad"])
def test_more_identity_cues(det, prompt):
    assert any(f.identity_seeking for f in det.detect(prompt))


@pytest.mark.parametrize("prompt", ["a photo of sks dog", "[V] dog on a couch", "photo of mrs man", "a photo of her"])
def test_more_non_cues(det, prompt):
    assert not any(f.identity_seeking for f in det.detect(prompt))
