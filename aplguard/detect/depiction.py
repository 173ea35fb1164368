"""The context verdict for a mention of a known person: a depiction, or something else?

A name the gazetteer knows is always reported; the words around it only decide
``identity_seeking`` and the explanation. Three rules keep context from becoming a
bypass:

* a protected identity is identity-seeking in every context (the note says which
  context was ignored);
* the style exemption ("in the style of X", "X style", "art by X") is only for people
  known for a visual style (``data/visual_artists.txt``), and not when this mention is
  what is pictured ("portrait of X", "X's face");
* a thing or place named after the person ("X memorial", "X magazine", "X era") is not
  identity-seeking unless the prompt still asks for the person: a thing that shows them
  follows ("magazine cover", "poster"), or a pronoun asks for a face or body ("close-up
  of her face", "he is waving").

A prompt that depicts a person in one mention makes the other mentions of the same
person identity-seeking too (:func:`same_person_depicted`): "portrait of X in the style
of X" asks for X.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from ..types import Finding
from . import context, person_cues


@dataclass(frozen=True)
class Verdict:
    """Whether a mention asks for a depiction, and what to add to the finding's explanation."""

    identity_seeking: bool
    note: str = ""


def judge(lower: str, text: str, start: int, end: int, *, protected: bool, artist: bool,
          one_word: bool, not_person: str | None = None) -> Verdict:
    """The verdict for the mention at ``lower[start:end]`` (normalised prompt offsets).

    Args:
        lower: the normalised, lower-cased prompt.
        text: the normalised prompt with its capitals (title-cased compounds, "Kennedy Space Center").
        protected: the person is a protected identity (never exempted).
        artist: the person is known for a visual style (style wording may exempt).
        one_word: the matched name is one word (", Ohio" after it makes a place).
        not_person: a reason the caller found already (brand use, part of a listed place name).
    """
    reason = not_person or _other_use(lower, text, start, end, one_word)
    if reason is None and context.style_tag_name(lower, start, end):
        reason = "a style embedding or LoRA named after the person"  # round 39a: "embedding:style-moebius"
    note = ""
    if reason is None:
        style = context.style_reason(lower, start, end, artist=artist)
        if style and artist and not person_cues.depiction_of(lower, start, end):
            reason = style
        elif style and not protected:
            note = "style wording, but not someone known for a visual style" if not artist else (
                "style wording, but the name itself is pictured")
        elif context.likeness_before(lower, start):
            note = "likeness request"
    if reason is None:
        return Verdict(True, note)
    if protected:
        return Verdict(True, f"{reason}; kept: context never exempts a protected identity")
    return Verdict(False, f"{reason}, not a depiction")


def _other_use(lower: str, text: str, start: int, end: int, one_word: bool) -> str | None:
    """A thing, place or pet that carries the name, unless the prompt still asks for the person."""
    if context.pet_or_object_name(lower, start):
        return "the name of a pet or object"
    artwork = context.museum_artwork(lower, start, end)
    if artwork and not person_cues.asks_for_person(lower):
        return f"an artwork in a museum ({artwork!r})"  # round 40d: "Nefertiti bust in the Neues Museum"
    if " " not in lower[start:end] and context.deity_apposed(lower, end):
        return "a deity or muse of myth"  # round 42d: "Pele the volcano goddess", "Thalia, the muse of comedy"
    if context.fiction_apposed(lower, end):
        return "a character of a story"  # round 43d: "Zemfira, the gypsy heroine of Pushkin's poem"
    thing = (context.thing_after(lower, end, one_word, text) or context.place_before(lower, start)
             or context.dish_before(lower, start) or context.han_thing_after(lower, end)
             or context.variety_after(lower, start, end)
             or context.work_by_before(lower, text, start)
             or ("devotional title" if context.devotion_match(lower, start) else None))
    if not thing:
        return None
    if person_cues.depiction_medium_after(lower, end) or person_cues.asks_for_person(lower):
        return None  # "X magazine cover", "X era, close-up of her face": the person is still pictured
    return f"refers to a place, work or thing named after the person ({thing!r})"


def same_person_depicted(findings: list[Finding]) -> list[Finding]:
    """Make every mention of a person identity-seeking when one of them is.

    "portrait of X in the style of X", "a close-up of X's face, art by X": the style
    mention names the person who is pictured.
    """
    pictured: dict[str, float] = {}
    for f in findings:
        if f.identity_seeking and f.canonical:
            pictured[f.canonical] = max(f.score, pictured.get(f.canonical, 0.0))
    out = []
    for f in findings:
        if not f.identity_seeking and f.canonical in pictured:
            f = dataclasses.replace(f, identity_seeking=True, score=pictured[f.canonical],
                                    explanation=f"{f.explanation}; but the prompt also pictures this person")
        out.append(f)
    return out
