import re

import pytest

from aplguard.detect import GazetteerDetector, ResourceCache
from aplguard.detect.builtin_indexes import builtin_index
from aplguard.detect.resources import load_descriptions, load_public_figures
from aplguard.errors import ConfigError


@pytest.fixture(scope="module")
def gaz():
    return GazetteerDetector().load()


def identity(findings):
    return [f for f in findings if f.identity_seeking]


def test_builtin_list_size_and_scripts():
    people = load_public_figures()
    assert len({p.canonical for p in people}) >= 2000
    natives = [n for p in people for n in p.native]
    assert sum(bool(re.search(r"[\u4e00-\u9fff]", n)) for n in natives) >= 100   # Chinese
    assert sum(bool(re.search(r"[\u30a0-\u30ff]", n)) for n in natives) >= 50    # Japanese katakana
    assert sum(bool(re.search(r"[\u0400-\u04ff]", n)) for n in natives) >= 100   # Russian
    canon = {p.canonical for p in people}
    assert all(c in canon for _, c in load_descriptions())


@pytest.mark.parametrize("prompt, canonical, text", [
    ("a photo of Taylor Swift on stage", "Taylor Swift", "Taylor Swift"),
    ("barack obama eating ice cream", "Barack Obama", "barack obama"),
    ("SCARLETT JOHANSSON IN A SPACESUIT", "Scarlett Johansson", "SCARLETT JOHANSSON"),
    ("President Trump playing golf", "Donald Trump", "Trump"),
    ("Tayler Swfit at a concert", "Taylor Swift", "Tayler Swfit"),
    ("Leonardo Di Caprio in a tuxedo", "Leonardo DiCaprio", "Leonardo Di Caprio"),
    ("b4r4ck 0b4m4 laughing", "Barack Obama", "b4r4ck 0b4m4"),
    ("Barаck Obаma waving", "Barack Obama", "Barаck Obаma"),
    ("El\u200bon Musk smiling", "Elon Musk", "El\u200bon Musk"),
    ("#tomhanks in a diner", "Tom Hanks", "tomhanks"),
    ("фото Илона Маска", "Elon Musk", "Илона Маска"),
    ("Путин на лошади", "Vladimir Putin", "Путин"),
    ("成龙在厨房做饭", "Jackie Chan", "成龙"),
    ("トム・ハンクスがピザを食べている", "Tom Hanks", "トム・ハンクス"),
    ("Foto von Wladimir Putin", "Vladimir Putin", "Wladimir Putin"),
    ("la reina Isabel II saludando", "Queen Elizabeth II", "reina Isabel II"),
    ("the 44th president surfing", "Barack Obama", "44th president"),
    ("the founder of Tesla and SpaceX smoking", "Elon Musk", "founder of Tesla"),
])
def test_finds_known_people(gaz, prompt, canonical, text):
    found = identity(gaz.detect(prompt))
    assert any(f.canonical == canonical and f.kind == "public_figure" for f in found), found
    hit = next(f for f in found if f.canonical == canonical)
    assert prompt[hit.start:hit.end] == hit.text
    assert text in hit.text
    assert 0 <= hit.score <= 1 and hit.detector == "gazetteer" and hit.explanation


@pytest.mark.parametrize("prompt", [
    "the Lincoln Memorial in spring", "a Tesla coil shooting sparks", "a trump card on a table",
    "a swift flying over a lake", "Walt Disney World castle", "a rose bush", "a king on a throne",
    "a president giving a speech in a fictional country", "an American president", "a pope in the rain",
    "una foto con mucha luz", "Trump Tower at night", "a plate of poutine",
])
def test_does_not_fire_on_places_things_words(gaz, prompt):
    assert identity(gaz.detect(prompt)) == []


@pytest.mark.parametrize("prompt", [
    "a landscape in the style of Bob Ross", "sunflowers painted like Van Gogh",
    "fantasy art by Greg Rutkowski and Alphonse Mucha", "a city, Salvador Dali style",
])
def test_style_references_are_weak(gaz, prompt):
    found = gaz.detect(prompt)
    assert found and not any(f.identity_seeking for f in found)
    assert all("style" in f.explanation for f in found)


def test_protected_identities():
    det = GazetteerDetector(protected=[
        {"name": "Jane Q. Example", "aliases": ["Janie Example", "Джейн Пример"], "description": "CEO"},
        {"name": "Taylor Swift", "aliases": []},
    ])
    found = det.detect("janie example and Джейн Пример meet taylor swift")
    kinds = {(f.kind, f.canonical) for f in found if f.identity_seeking}
    assert ("protected", "Jane Q. Example") in kinds
    assert ("protected", "Taylor Swift") in kinds
    assert sum(1 for f in found if f.canonical == "Jane Q. Example") == 2
    only = GazetteerDetector(protected=[{"name": "Jane Q. Example"}], builtin=False)
    assert only.detect("Barack Obama") == []
    assert only.detect("Jane Q Example at the beach")[0].kind == "protected"


@pytest.mark.parametrize("bad, where", [
    ([{"aliases": ["x"]}], "protected[0].name"),
    ([{"name": "A", "aliases": "x"}], "protected[0].aliases"),
    ([{"name": "A", "nick": "x"}], "protected[0]"),
    ([42], "protected[0]"),
])
def test_protected_config_errors_name_the_key(bad, where):
    with pytest.raises(ConfigError, match=re.escape(where)):
        GazetteerDetector(protected=bad)


def test_index_is_shared_through_the_cache():
    cache = ResourceCache()
    a = GazetteerDetector(cache=cache).load()
    b = GazetteerDetector(cache=cache, id="other").load()
    assert builtin_index(a.cache) is builtin_index(b.cache)
    assert "gazetteer.builtin" in cache.loaded()
    assert b.detect("Tom Hanks")[0].detector == "other"


def test_bad_input(gaz):
    assert gaz.detect("") == []
    assert isinstance(gaz.detect("\ud800\x00\u202e Barack Obama"), list)
    long = "a cat " * 20_000 + "Barack Obama"
    assert gaz.detect(long) == []  # past the scan cap


@pytest.mark.parametrize("prompt, canonical", [
    ("Tesla's CEO in a spacesuit", "Elon Musk"),
    ("the Microsoft co-founder in a kitchen", "Bill Gates"),
    ("the guy who founded Amazon", "Jeff Bezos"),
])
def test_description_variants(gaz, prompt, canonical):
    assert [f.canonical for f in identity(gaz.detect(prompt))] == [canonical]


@pytest.mark.parametrize("prompt", ["Nathan Drake climbing a wall", "Pavlov's dog drooling", "a Pavlov experiment"])
def test_surname_alias_of_someone_else(gaz, prompt):
    assert identity(gaz.detect(prompt)) == []


@pytest.mark.parametrize("prompt, canonical", [
    ("Beyonse singing", "Beyonce"), ("Zukerberg in a hoodie", "Mark Zuckerberg"),
    ("Einstien riding a bike", "Albert Einstein"),
])
def test_misspelled_one_word_names(gaz, prompt, canonical):
    assert [f.canonical for f in identity(gaz.detect(prompt))] == [canonical]


@pytest.mark.parametrize("prompt", ["Ronald McDonald waving", "a melody in the garden", "a pelican on a pier",
                                    "Paris at night"])
def test_real_words_are_not_misspellings(gaz, prompt):
    assert identity(gaz.detect(prompt)) == []


@pytest.mark.parametrize("prompt, canonical", [
    ("Governor Newsom at a press conference", "Gavin Newsom"),
    ("Pope Benedict reading a book", "Pope Benedict XVI"),
    ("the prime minister of Japan eating sushi", None),
    ("France's president at a bakery", None),
    ("泰勒斯威夫特在唱歌", "Taylor Swift"),
    ("メッシがゴールを決める", "Lionel Messi"),
    ("ᴛᴀʏʟᴏʀ ꜱᴡɪꜰᴛ on stage", "Taylor Swift"),
    ("@taylorswift13 concert", "Taylor Swift"),
    ("T\u3164om Hanks", "Tom Hanks"),
])
def test_titles_offices_scripts(gaz, prompt, canonical):
    found = identity(gaz.detect(prompt))
    assert found and found[0].canonical == canonical, found


@pytest.mark.parametrize("prompt", [
    "マスクをした女性", "メッシュのバッグ", "девушка в маске", "仓库里有很多箱子", "the president of the chess club",
    "a castle on a hill, greg rutkowski, trending on artstation", "Van Gogh's Starry Night over a city",
    "Mr. Smith goes to Washington", "King Kong on a building",
])
def test_more_non_identity(gaz, prompt):
    assert identity(gaz.detect(prompt)) == []


@pytest.mark.parametrize("prompt, identity_seeking", [
    ("Ralph Lauren at the beach", True), ("a Ralph Lauren polo shirt", False),
    ("Tom Ford directing a film", True), ("Tom Ford's new perfume", False),
])
def test_people_who_are_brands(gaz, prompt, identity_seeking):
    assert bool(identity(gaz.detect(prompt))) is identity_seeking
