"""Regression tests for the prompt bypasses of issue 11 (section 1, first three bullets).

* Case: a one-word alias that is also a word ("Drake", "Swift", "Trump") counted only when
  capitalised, although a CLIP tokenizer lower-cases the prompt.
* Style wording ("in the style of X", "X style", "art by X", "photo by X") exempted anyone,
  singers, politicians and protected identities included.
* A trailing thing-noun ("X memorial", "X magazine cover", "X era") deleted the finding,
  even for protected identities under ``strict``.

Every positive here came out ``allow`` before the fix. Negatives check that the words
around a name, not its capitals, keep ordinary words and genuine style references allowed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from aplguard.detect import default_detectors, detect_prompt, is_identity_seeking
from aplguard.detect.builtin_indexes import builtin_index
from aplguard.detect.resources import SHARED_CACHE, load_visual_artists
from aplguard.policy import PolicyEngine
from aplguard.types import Finding

# Fictional protected identities (a platform's own list); the shipped policies' example
# list has "Alexandra Example" and "Bertrand Placeholder".
PROTECTED = [{"name": "Jane Q. Example", "aliases": ["Janie Example"]},
             {"name": "Rowan Protected", "aliases": ["Rowan P."]}]


@pytest.fixture(scope="module")
def stack() -> list:
    """The default detector stack with two protected identities."""
    return [d.load() for d in default_detectors(protected=PROTECTED)]


@pytest.fixture(scope="module")
def default_engine() -> PolicyEngine:
    return PolicyEngine("default")


@pytest.fixture(scope="module")
def strict_engine() -> PolicyEngine:
    return PolicyEngine("strict")


def seeking(stack: list, prompt: str) -> bool:
    return is_identity_seeking(detect_prompt(prompt, stack))


def findings_for(stack: list, prompt: str, canonical: str) -> list[Finding]:
    return [f for f in detect_prompt(prompt, stack) if f.canonical == canonical]


# -- 1. case ---------------------------------------------------------------------------------

CASE_POSITIVES = [
    "drake performing on stage", "DRAKE PERFORMING ON STAGE",
    "trump giving a speech at a rally", "TRUMP GIVING A SPEECH AT A RALLY",
    "swift singing with a guitar", "SWIFT SINGING WITH A GUITAR",
    "portrait of adele", "PORTRAIT OF ADELE",
    "cher in a sequined gown", "sting playing bass", "madonna dancing in the 80s",
    "rapper drake in a hoodie", "the rock flexing in a gym", "close-up of jolie's face",
    "modi waving", "MODI WAVING", "picasso sitting in his studio",
    "governor newsom at a press conference", "GOVERNOR NEWSOM AT A PRESS CONFERENCE",
]


@pytest.mark.parametrize("prompt", CASE_POSITIVES)
def test_lowercase_and_all_caps_names_are_found(stack: list, prompt: str) -> None:
    assert seeking(stack, prompt)


@pytest.mark.parametrize("prompt", ["drake performing on stage", "TRUMP GIVING A SPEECH AT A RALLY",
                                    "portrait of adele", "MODI WAVING"])
def test_case_variants_are_not_allowed_by_the_shipped_policies(default_engine: PolicyEngine,
                                                               strict_engine: PolicyEngine, prompt: str) -> None:
    assert default_engine.decide_prompt(prompt).action == "anonymize"
    assert strict_engine.decide_prompt(prompt).action in ("anonymize", "block")


CASE_NEGATIVES = [
    "a mallard drake swimming in a pond", "A MALLARD DRAKE SWIMMING IN A POND",
    "a swift river through the forest", "swift water over rocks",
    "a bee sting on an arm", "iron gates of an old manor", "playing a trump card",
    "THE TRUMP SUIT IS SPADES", "an ice cube in a glass", "at the edge of a cliff",
    "kids munch popcorn", "many jobs on a notice board", "hope in her eyes", "a rose in a vase",
    "free will, abstract art", "a red rose bush",
]


@pytest.mark.parametrize("prompt", CASE_NEGATIVES)
def test_ordinary_words_stay_allowed_by_context(stack: list, prompt: str,
                                                default_engine: PolicyEngine) -> None:
    assert not seeking(stack, prompt)
    assert default_engine.decide_prompt(prompt).action == "allow"


def test_capitalised_word_after_an_article_is_still_a_word(stack: list) -> None:
    assert not seeking(stack, "a Swift river at dawn")
    assert seeking(stack, "Swift at the Grammys")


# -- 2. style wording ------------------------------------------------------------------------

STYLE_NON_VISUAL = [
    "in the style of Taylor Swift", "a city, Beyonce style", "art by Elon Musk",
    "photo by Barack Obama", "a castle painted by Donald Trump", "Lady Gaga aesthetic",
    "inspired by Cristiano Ronaldo", "directed by Kanye West", "in the style of Shakespeare",
]


@pytest.mark.parametrize("prompt", STYLE_NON_VISUAL)
def test_style_wording_does_not_exempt_people_without_a_visual_style(stack: list, prompt: str,
                                                                     default_engine: PolicyEngine) -> None:
    assert seeking(stack, prompt)
    assert default_engine.decide_prompt(prompt).action == "anonymize"


@pytest.mark.parametrize("prompt", ["in the style of Janie Example", "Jane Q. Example style",
                                    "art by Janie Example", "photo by Rowan Protected",
                                    "a landscape painted like Janie Example"])
def test_style_wording_never_exempts_a_protected_identity(stack: list, prompt: str) -> None:
    found = [f for f in detect_prompt(prompt, stack) if f.kind == "protected"]
    assert found and all(f.identity_seeking for f in found)


def test_style_wording_with_a_protected_identity_under_shipped_policies(default_engine: PolicyEngine,
                                                                        strict_engine: PolicyEngine) -> None:
    # "Alexandra Example" is on the shipped policies' example protected list
    assert strict_engine.decide_prompt("in the style of Alexandra Example").action == "block"
    assert default_engine.decide_prompt("art by Alexandra Example").action == "anonymize"


@pytest.mark.parametrize("prompt", [
    "portrait of Greg Rutkowski in the style of Greg Rutkowski",
    "photo by Annie Leibovitz of Taylor Swift",
    "Beyonce in the style of Beyonce",
    "a close-up of Rutkowski's face, art by Rutkowski",
    "Andy Warhol's face, pop art by Andy Warhol",
])
def test_style_exemption_not_when_the_person_is_pictured(stack: list, prompt: str) -> None:
    assert seeking(stack, prompt)


def test_every_mention_of_a_pictured_artist_is_identity_seeking(stack: list) -> None:
    found = findings_for(stack, "portrait of Greg Rutkowski in the style of Greg Rutkowski", "Greg Rutkowski")
    assert len(found) == 2 and all(f.identity_seeking for f in found)


@pytest.mark.parametrize("prompt", [
    "a harbour in the style of Claude Monet", "Wes Anderson style hotel lobby",
    "photo by Annie Leibovitz of a lighthouse", "art by Greg Rutkowski and Alphonse Mucha",
    "directed by Stanley Kubrick, symmetrical corridor", "a museum designed by Zaha Hadid",
    "a castle, greg rutkowski, trending on artstation", "melting clocks, salvador dali style",
])
def test_visual_artists_keep_the_style_exemption(stack: list, prompt: str,
                                                 default_engine: PolicyEngine) -> None:
    found = detect_prompt(prompt, stack)
    assert found and not is_identity_seeking(found)
    assert all("style" in f.explanation or "credit" in f.explanation or "artist" in f.explanation
               for f in found)
    assert default_engine.decide_prompt(prompt).action == "allow"


def test_visual_artist_list_has_sources_and_only_known_people() -> None:
    text = (Path(__file__).resolve().parents[2] / "aplguard" / "detect" / "data" / "visual_artists.txt"
            ).read_text(encoding="utf-8")
    header = "\n".join(line for line in text.splitlines() if line.startswith("#"))
    assert "Wikidata" in header and "Wikipedia" in header and "P106" in header
    artists = load_visual_artists()
    known = builtin_index(SHARED_CACHE).by_canonical
    assert len(artists) > 100 and artists <= set(known)
    assert "Taylor Swift" not in artists and "Donald Trump" not in artists


# -- 3. trailing thing-nouns -----------------------------------------------------------------

THING_SUFFIXES = ["memorial", "magazine cover", "era", "museum", "award", "car", "house", "number"]


@pytest.mark.parametrize("suffix", THING_SUFFIXES)
def test_thing_noun_never_drops_a_protected_identity(stack: list, suffix: str) -> None:
    found = [f for f in detect_prompt(f"Janie Example {suffix}", stack) if f.kind == "protected"]
    assert found and all(f.identity_seeking for f in found)


@pytest.mark.parametrize("suffix", THING_SUFFIXES)
def test_thing_noun_with_a_protected_identity_under_strict_and_default(strict_engine: PolicyEngine,
                                                                      default_engine: PolicyEngine,
                                                                      suffix: str) -> None:
    assert strict_engine.decide_prompt(f"Alexandra Example {suffix}").action == "block"
    assert default_engine.decide_prompt(f"Alexandra Example {suffix}").action == "anonymize"


@pytest.mark.parametrize("prompt", ["Taylor Swift memorial", "Barack Obama car", "the Lincoln Memorial at dawn",
                                    "Einstein museum in Bern", "Elvis Presley house in Memphis"])
def test_thing_noun_keeps_a_non_identity_finding(stack: list, prompt: str) -> None:
    found = [f for f in detect_prompt(prompt, stack) if f.kind == "public_figure"]
    assert found, "context must not drop the finding"
    assert not any(f.identity_seeking for f in found)
    assert all("named after" in f.explanation or "place" in f.explanation for f in found)


@pytest.mark.parametrize("prompt", [
    "Taylor Swift era, close-up of her face",
    "Obama memorial with Obama standing in front",
    "Taylor Swift magazine cover",
    "Joe Biden house, he is waving from the porch",
    "Elon Musk car, with him smiling behind the wheel",
    "Beyonce award night, portrait of her on the red carpet",
])
def test_thing_noun_that_still_asks_for_the_person_stays_identity_seeking(stack: list, prompt: str,
                                                                          default_engine: PolicyEngine) -> None:
    assert seeking(stack, prompt)
    assert default_engine.decide_prompt(prompt).action == "anonymize"


@pytest.mark.parametrize("prompt", ["a Tesla coil in a dark lab", "Kennedy Space Center launch pad",
                                    "Van Gogh Museum entrance", "the Nobel Prize medal on velvet",
                                    "the Obama presidential library building"])
def test_places_and_things_named_after_people_stay_allowed(stack: list, prompt: str,
                                                           default_engine: PolicyEngine) -> None:
    assert not seeking(stack, prompt)
    assert default_engine.decide_prompt(prompt).action == "allow"


# Armenian letters that look Latin (օ ս հ ց ո) are folded only inside a word that also holds Latin
# letters (round 6 stopped folding them in Armenian words): a name spelled with them must still be found.
@pytest.mark.parametrize("prompt, canonical", [
    ("a photo of Tayl\u0585r Swift", "Taylor Swift"),
    ("portrait of Bara\u0581k Obama", "Barack Obama"),
    ("B\u0585ris J\u0585hns\u0585n waving", "Boris Johnson"),
])
def test_armenian_lookalikes_inside_latin_names_still_fold(stack: list, prompt: str, canonical: str) -> None:
    found = [f.canonical for f in detect_prompt(prompt, stack) if f.identity_seeking]
    assert canonical in found, (prompt, found)
