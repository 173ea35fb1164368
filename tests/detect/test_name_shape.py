import pytest

from aplguard.detect import NameShapeDetector
from aplguard.errors import ConfigError


@pytest.fixture(scope="module")
def det():
    return NameShapeDetector().load()


@pytest.mark.parametrize("prompt, name", [
    ("my neighbour Kevin Brandt washing his car", "Kevin Brandt"),
    ("a photo of my classmate Aisha Mohammed at graduation", "Aisha Mohammed"),
    ("portrait of Lukas Novak, our sales manager", "Lukas Novak"),
    ("headshot of Rajesh Kumar for his LinkedIn profile", "Rajesh Kumar"),
    ("my coworker jessica miller at the office party", "jessica miller"),
    ("a selfie with my wife Sarah at the beach", "Sarah"),
])
def test_private_names(det, prompt, name):
    found = [f for f in det.detect(prompt) if f.identity_seeking]
    assert [f.text for f in found] == [name]
    assert found[0].kind == "private_person" and found[0].canonical is None
    assert prompt[found[0].start:found[0].end] == name


@pytest.mark.parametrize("prompt", [
    "Homer Simpson eating a donut", "a Louis Vuitton suitcase", "a bottle of Johnnie Walker whisky",
    "the Brooklyn Bridge at night", "Lake Louise with turquoise water", "a dog named Charlie Brown",
    "a street in Victoria, British Columbia", "Summer Rain over the hills", "a jazz concert in New Orleans",
    "a woman jogging in the morning", "a rose bush", "Sydney Opera House",
])
def test_not_private_names(det, prompt):
    assert [f for f in det.detect(prompt) if f.identity_seeking] == []


def test_style_credit_is_not_identity(det):
    found = det.detect("a forest, art by Daniel Mercer and Laura Fischer")
    assert found and not any(f.identity_seeking for f in found)


def test_min_score_validated():
    with pytest.raises(ConfigError, match="min_score"):
        NameShapeDetector(min_score=2)


@pytest.mark.parametrize("prompt, name", [
    ("Chen Wei in a bikini at the beach", "Chen Wei"),
    ("portrait of Siobhan O'Connor at the office", "Siobhan O'Connor"),
    ("Fatima Al-Sayed smiling at the camera", "Fatima Al-Sayed"),
])
def test_name_forms(det, prompt, name):
    assert [f.text for f in det.detect(prompt) if f.identity_seeking] == [name]


@pytest.mark.parametrize("prompt", [
    "Portrait Of A Young Woman With Red Hair", "Holly Wreath On A Door", "Martin Luther King Day parade",
    "Uncle Sam poster", "Lee Jeans billboard",
])
def test_title_case_and_known_spans(det, prompt):
    assert [f for f in det.detect(prompt) if f.identity_seeking] == []


@pytest.mark.parametrize("prompt, name", [
    ("Paul Giamatti celebrating a win", "Paul Giamatti"),   # surname in no lexicon, person-like continuation
    ("Grace Moore drinking coffee", "Grace Moore"),          # word-like first name, frequent surname
    ("Michael Fox in a kitchen", "Michael Fox"),
])
def test_more_names(det, prompt, name):
    assert [f.text for f in det.detect(prompt) if f.identity_seeking] == [name]


@pytest.mark.parametrize("prompt", [
    "Billy Goat on a hill", "Orion Nebula over the desert", "A Fairy Riding A Horse On A Boat, Low Poly",
    "a Stanley Thermos", "Victoria Waiting For A Bus In Paris", "Austin Healey convertible", "New York at night",
])
def test_more_non_names(det, prompt):
    assert [f for f in det.detect(prompt) if f.identity_seeking] == []
