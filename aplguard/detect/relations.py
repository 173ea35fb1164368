"""People the user knows, named by relation only: "my mom in her garden", "our math teacher grading papers".

A possessive relation ("my mother", "our family doctor", "my ex-boyfriend") at the prompt's subject
position is one specific private person even without a name, when the prompt depicts them: an action
("my grandfather fishing"), a setting or outfit ("in her garden", "at her birthday party", "wearing a
tuxedo"), or a picture word before it ("a realistic photo of my girlfriend"). The user asking for
themselves ("a photo of me as a knight", "me and my husband on a beach") is the same.

Left alone: a thing of theirs ("my mom's recipe", "my dad joke", "my favourite teacher-themed mug": a
noun or hyphen right after the relation), a relation that is not the subject ("a card for my mom with
flowers"), anyone indefinite ("a mom in her garden", "moms at a playground"), and pets and things ("my dog in
the garden", "my car at sunset").
"""

from __future__ import annotations

import re

from ..types import Finding
from . import person_cues
from .context import word_set
from .normalize import NormalizedText

# Relatives, partners, friends and people the user deals with in person (a role that names a thing too,
# "walker", "cleaner", "carrier", "assistant", is left out)
_RELATIONS = word_set("""
mom mum mommy mummy mother dad daddy father parents grandparents grandma grandpa granny grandmother grandfather
nana grandad granddad sister sisters brother brothers son sons daughter daughters kids children twins cousin
cousins aunt auntie aunty uncle niece nephew wife husband girlfriend boyfriend fiance fiancee fiancé fiancée
partner spouse stepmom stepmother stepdad stepfather stepson stepdaughter stepbrother stepsister family
friend friends bestie bff roommate roommates flatmate housemate classmate classmates coworker coworkers
colleague colleagues boss manager neighbor neighbour neighbors neighbours landlord landlady tenant teacher
teachers professor tutor coach trainer therapist doctor dentist nurse babysitter nanny barista bartender
hairdresser barber plumber mechanic gardener pastor priest rabbi imam mentor supervisor intern crush ex
""")
# "my brother-in-law", "my in-laws": relatives by marriage (round 12)
_HEAD = (r"(?:(?:ex|step|great|grand)-)?(?:in-laws|(?:" + "|".join(sorted(_RELATIONS, key=len, reverse=True))
         + r")(?:-in-laws?)?)")
# "my late grandfather", "our math teacher", "my best friend from college": up to two modifiers
_RELATION = re.compile(r"\b(?P<pos>my|our)\s+(?:[a-z]+\s+){0,2}(?P<head>" + _HEAD + r")(?![\w'’-])")
# "the receptionist at my gym, photo of her smiling", "the barista at our local coffee shop, close-up of his face": a
# person the user meets in one place of theirs is one specific private person when the prompt asks for their face
# or a picture of them (round 12). Roles of people met in person; the place is any 1-3 words.
_PLACE_ROLES = word_set("""
receptionist barista bartender cashier waiter waitress server clerk pharmacist librarian janitor doorman
concierge bouncer lifeguard instructor trainer coach teacher tutor nurse doctor dentist hairdresser barber
stylist manicurist mailman postman courier guard owner manager chef cook baker butcher florist mechanic
shopkeeper vendor attendant usher secretary principal headmaster
""")
_ROLE_AT_MY = re.compile(r"\bthe\s+(?:(?:new|old|friendly|cute|young|regular|usual|same|head|front desk|night|"
                         r"morning)\s+)?(?P<head>" + "|".join(sorted(_PLACE_ROLES, key=len, reverse=True))
                         + r")\s+(?:at|from|in|of)\s+(?:my|our)\s+(?:[a-z'’-]+\s+){0,2}[a-z'’-]+")
# what follows the relation when the prompt depicts them: an action, a place, an outfit, a comma or the end
_DEPICTED_NEXT = re.compile(r"\s*(?:$|[,.;:!(]|\s(?:in|at|on|by|under|near|beside|inside|outside|with|from|as|"
                            r"and|wearing|dressed|holding|during|after|before|behind|next|into)\b|\s[a-z]{2,}ing\b"
                            r"(?!\s+of\b))")
# -ing words that are things ("my mom building blocks" is rare, "my teacher king" no -ing at all)
_ING_NOUNS = word_set("""
building buildings ceiling clothing king ring rings thing things something nothing morning evening spring string
wing wings bedding pudding wedding painting paintings drawing drawings earring earrings stocking stockings
""")
# what may stand before the relation for it to be the subject: nothing, a picture word + "of", a verb of
# making a picture, or "me and"
_SUBJECT_BEFORE = re.compile(r"(?:^|[,.;:!=]\s*|\b(?:of|me and|draw|paint|sketch|render|generate|create|make|"
                             r"imagine|show|photograph|featuring|starring|with|turn|transform|change|convert|morph|"
                             r"photoshop|edit|reimagine|age|deage|de-age)\s+)$")
_PICTURE_OF = re.compile(r"\b(?:photo|photos|picture|pictures|pic|portrait|image|painting|drawing|sketch|"
                         r"selfie|headshot|video|caricature|cartoon|render|illustration)s?\s+of\s+$")
# "a photo of me as a knight", "me and my husband", "me in a viking costume": the user themselves
_ME_DOING = (r"\s(?:in|as|at|on|wearing|dressed|with|and|holding|riding|standing|sitting|smiling|looking|playing|"
             r"walking|running|posing)\b")
_ME = re.compile(r"\b(?:photo|photos|picture|pictures|pic|portrait|image|painting|drawing|sketch|selfie|headshot|"
                 r"caricature|cartoon|render|illustration|version)s?\s+of\s+me\b(?=\s*(?:$|[,.;]|" + _ME_DOING
                 + r"))|^me\b(?=" + _ME_DOING + r")"
                 # "use my uploaded selfie: me as a viking": the user's own photo, then "me" as the subject (round 13)
                 r"|\b(?:my|own) (?:uploaded |attached |own |reference )?(?:selfie|selfies|face|headshot|photo|photos|"
                 r"picture|pictures|pic|pics)\b[^.;]{0,40}?[:,]\s*me\b(?=" + _ME_DOING + r")")


# "use my ex girlfriend's face", "my dad's face on a superhero": the face of the user's relation (round 15)
# Round 17: a first name may stand between the relation and "'s" ("my grandpa Walter's face")
_FACE_OF = re.compile(r"\b(?P<pos>my|our)\s+(?:[a-z]+\s+){0,2}(?:" + _HEAD + r")(?:\s+(?!(?:and|or|with|in|at|of)\b)"
                      r"[a-z]{2,})?['’]s\s+(?:face|likeness|selfie|headshot)"
                      r"\b(?!\s+(?:cream|creams|mask|masks|wash|paint|lotion|serum|towel|oil|powder|shape))")
# "the girl from the bakery that i have a crush on": a person the user knows and has feelings for (round 15)
_CRUSH = re.compile(r"\b(?:the|this|that)\s+(?:girl|guy|boy|woman|man|lady|dude)\b[^.;]{0,80}?\b(?:i|i'm|im)\s+"
                    r"(?:have|had|got)\s+a\s+crush\s+on\b")
# "ảnh bố tôi", "foto ibu saya", "picha ya mama yangu": a kin word and "my" written after it (Vietnamese, Indonesian,
# Swahili, Tagalog), at the start or after a picture word (round 15); as the normaliser writes them (accents off)
_KIN_POSTPOSED = re.compile(
    r"(?:^|\b(?:anh|hinh|hinh anh|chan dung|ve|foto|gambar|lukisan|potret|picha ya|mchoro wa|litrato ng)\s+)"
    r"(?P<kin>bo|me|cha|ma|ong noi|ong ngoai|ba noi|ba ngoai|vo|chong|con gai|con trai|chi gai|anh trai|em gai|em trai"
    r"|ibu|ayah|bapak|nenek|kakek|kakak|adik|istri|suami|pacar"
    r"|mama|baba|bibi|babu|dada|kaka|mke|mume|mpenzi|nanay|tatay|lola|lolo|ate|kuya|asawa)\s+"
    r"(?:toi|cua toi|minh|saya|aku|yangu|wangu|ko)\b")


def find(norm: NormalizedText, detector: str) -> list[Finding]:
    """Private people named by relation or as "me" (``private_person``, canonical ``None``)."""
    lower = norm.lower
    out: list[Finding] = []
    for m in _RELATION.finditer(lower):
        before = lower[:m.start()]
        if not _SUBJECT_BEFORE.search(before):
            continue  # "a card for my mom": not who the picture shows
        nxt = _DEPICTED_NEXT.match(lower, m.end())
        picture = bool(_PICTURE_OF.search(before))
        if nxt is None and not picture:
            continue  # "my mom jeans", "my dad joke": a thing named after them
        if nxt is not None and (nxt.group().strip().split() or [""])[-1] in _ING_NOUNS and not picture:
            continue  # "my son wedding": a thing
        if not picture and nxt is not None and not nxt.group().strip() and m.end() >= len(lower.rstrip()) \
                and m.start() == 0:
            continue  # "my mom" alone: nothing depicted
        if not picture and _generic_scene(lower, m):
            continue
        out.append(_finding(norm, m.start("pos"), m.end(), "a relation of the user, depicted", detector))
    for m in _ROLE_AT_MY.finditer(lower):
        before = lower[:m.start()]
        if not _SUBJECT_BEFORE.search(before):
            continue  # "a mug for the barista at my cafe": not who the picture shows
        # a face, a picture of them by pronoun or a picture word asked for ("..., close-up of his face", "a photo of
        # the bartender at my pub", "..., portrait"); a role at work ("... pouring latte art", "..., smiling, mixing
        # a drink") is a scene with a worker in it (round 6's negatives)
        rest = lower[m.end():]
        if not (_PICTURE_OF.search(before) or person_cues.asks_for_person(rest)
                or re.match(r"\s*,\s*(?:a |an )?(?:portrait|headshot|close-?up|photo|selfie|face)\b", rest)):
            continue
        out.append(_finding(norm, m.start(), m.end(), "a person the user meets at a place of theirs, depicted",
                            detector))
    for m in _FACE_OF.finditer(lower):
        out.append(_finding(norm, m.start("pos"), m.end(), "the face of a relation of the user", detector))
    for m in _CRUSH.finditer(lower):
        out.append(_finding(norm, m.start(), m.end(), "a person the user has a crush on", detector))
    for m in _KIN_POSTPOSED.finditer(lower):
        out.append(_finding(norm, m.start("kin"), m.end(), "a relation of the user, depicted", detector))
    for m in _ME.finditer(lower):
        s = m.end() - 2
        out.append(_finding(norm, s, m.end(), "the user themselves, depicted", detector))
    return out


# round 22a: a group of the user's people ("my friends having a picnic", "our kids at the beach") is a scene of
# several people, not one person's likeness; a single nameless relation doing something in a storybook-like drawing
# ("my grandmother knitting by the fireplace, cozy illustration") is a generic scene too. A face, a portrait or a
# picture word before the relation ("a photo of my kids") still asks for them. Parents, grandparents, in-laws and twins
# are a couple the user means as such ("my in-laws at the beach", round 12), so they stay.
_GROUP_HEADS = word_set("""friends kids children cousins classmates coworkers colleagues
neighbors neighbours roommates flatmates housemates sisters brothers sons daughters teachers""")
_SCENE_MEDIUM = re.compile(r"\b(?:illustration|clip ?art|storybook|children'?s book|vector art|flat design|"
                           r"greeting card|sticker|cartoon style|kawaii)\b")
_LIKENESS_CUE = re.compile(r"\b(?:face|faces|portrait|portraits|headshot|likeness|close-?up|photorealistic|"
                           r"realistic|restored|real photo)\b")


# round 42d: a face ruled out ("no face visible", "face hidden", "faceless") is no likeness cue
_NO_FACE = re.compile(r"\b(?:no|without|hidden|obscured)\s+(?:a\s+|the\s+|visible\s+)?faces?\b(?:\s+(?:visible|shown))?|"
                      r"\bfaces?\s+(?:not\s+(?:visible|shown)|hidden|obscured|out of frame)|\bfaceless\b")


def _generic_scene(lower: str, m: re.Match[str]) -> bool:
    """Whether the nameless relation matched by ``m`` is a generic scene rather than one person to picture."""
    if _LIKENESS_CUE.search(_NO_FACE.sub(" ", lower) if "face" in lower else lower):
        return False
    if m.group("head") in _GROUP_HEADS:
        return True
    action = re.match(r"\s+[a-z]{2,}ing\b", lower[m.end():])
    return bool(action) and bool(_SCENE_MEDIUM.search(lower))


def _finding(norm: NormalizedText, ts: int, te: int, what: str, detector: str) -> Finding:
    start, end = norm.span(ts, te)
    return Finding(kind="private_person", score=0.7, start=start, end=end, text=norm.original[start:end],
                   detector=detector, canonical=None,
                   explanation=f"specific private person without a name ({what})")
