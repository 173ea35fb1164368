
import pytest

import aplguard.detect as detect
from aplguard.detect import (
    Detector,
    GazetteerDetector,
    NameShapeDetector,
    NerDetector,
    PersonalizationDetector,
    default_detectors,
    detect_prompt,
    detector_registry,
    is_identity_seeking,
    merge_findings,
)
from aplguard.errors import ConfigError
from aplguard.registry import Registry
from aplguard.types import IDENTITY_KINDS, Finding


def test_public_names():
    for name in detect.__all__:
        assert hasattr(detect, name), name
    for cls in (GazetteerDetector, NameShapeDetector, PersonalizationDetector, NerDetector):
        assert cls.kinds and cls.kinds <= IDENTITY_KINDS  # the detector port's `kinds`


def test_registry_is_fresh_and_has_builtins():
    a, b = detector_registry(), detector_registry()
    assert isinstance(a, Registry) and a is not b
    assert {"gazetteer", "name_shape", "personalization", "ner"} <= set(a.names())
    a.register("mine", lambda **kw: None)
    assert "mine" not in b
    with pytest.raises(ConfigError):
        a.register("gazetteer", GazetteerDetector)
    with pytest.raises(ConfigError, match="unknown detector"):
        a.get("nope")


def test_registry_builds_from_policy_params():
    reg = detector_registry()
    det = reg.create("gazetteer", protected=[{"name": "Jane Roe", "aliases": ["J. Roe"]}], fuzzy=False, id="g1")
    assert det.id == "g1" and isinstance(det, Detector)
    assert det.detect("a photo of J Roe")[0].canonical == "Jane Roe"
    assert reg.create("name_shape", min_score=0.7).min_score == 0.7
    assert reg.create("personalization", extra_tokens=["qqz"]).detect("qqz man")
    with pytest.raises(TypeError):
        reg.create("gazetteer", no_such_param=1)


def test_default_stack():
    dets = default_detectors()
    assert [type(d) for d in dets] == [GazetteerDetector, NameShapeDetector, PersonalizationDetector]
    assert len({d.id for d in dets}) == 3
    assert default_detectors(ner=True)[-1].id == "ner"


def F(kind, start, end, score=0.9, det="d", identity=True, canonical=None):
    return Finding(kind=kind, score=score, start=start, end=end, text="x" * (end - start), detector=det,
                   canonical=canonical, identity_seeking=identity)


def test_merge_keeps_strongest_and_orders():
    a = F("public_figure", 10, 22, 0.95, "gazetteer", canonical="Taylor Swift")
    b = F("private_person", 10, 22, 0.85, "name_shape")
    c = F("protected", 10, 22, 0.8, "gazetteer", canonical="Taylor Swift")
    d = F("likeness", 0, 9, 0.3, "personalization", identity=False)
    e = F("private_person", 30, 40, 0.3, "name_shape", identity=False)
    merged = merge_findings([e, b, a, d, c])
    assert merged == [d, c, e]
    assert merge_findings([c, a, b, d, e]) == merged  # deterministic whatever the input order
    assert merge_findings([]) == []


def test_detect_prompt_and_verdict(stack):
    found = detect_prompt("Tom_Hanks and T4ylor Swift at a cafe", stack)
    assert {f.canonical for f in found if f.identity_seeking} == {"Tom Hanks", "Taylor Swift"}
    assert is_identity_seeking(found)
    assert not is_identity_seeking(detect_prompt("a bowl of ramen with chopsticks", stack))


def test_merge_matches_a_naive_merge_on_random_spans():
    import random

    rng = random.Random(7)
    kinds = ["protected", "public_figure", "personalization", "private_person", "likeness"]
    for _ in range(200):
        fs = []
        for _ in range(rng.randint(0, 12)):
            s = rng.randint(0, 40)
            fs.append(F(rng.choice(kinds), s, s + rng.randint(0, 8), round(rng.random(), 2),
                        rng.choice("abc"), rng.random() < 0.8))
        naive = []
        for f in sorted(sorted(fs, key=lambda f: (f.start, f.end, f.kind, f.detector, f.canonical or "")),
                        key=lambda f: (f.identity_seeking, ["likeness", "private_person", "personalization",
                                                            "public_figure", "protected"].index(f.kind),
                                       f.score, f.end - f.start, f.canonical is not None), reverse=True):
            if not any(f.start < k.end and k.start < f.end for k in naive):
                naive.append(f)
        expected = sorted(naive, key=lambda f: (f.start, f.end, f.kind, f.detector, f.canonical or ""))
        assert merge_findings(fs) == expected
