"""Stage names and online handles that no list holds, by their shape.

"@mkbhd reviewing a phone", "TommyInnit laughing on stream", "Tyler1 yelling", "6ix9ine with
rainbow hair", "Ty Dolla $ign in a studio", "M.I.A. with a microphone": words written the way
people write handles and stage names (an @, inner capitals, digits or "$" inside letters,
dotted initials). The shape alone is not enough (product names look the same: "PlayStation",
"RTX4090", "4k"), so the words around must also ask for a person
(:func:`person_cues.person_evidence`: "... laughing", "... with rainbow hair", "portrait of ...").
"""

from __future__ import annotations

import re

from ..types import Finding
from . import context, person_cues
from .names_index import NameIndex
from .normalize import MAX_SCAN_CHARS, NormalizedText, key_of

_HANDLE = re.compile(r"(?<![\w.@])@[A-Za-z0-9_]{2,30}\b(?!\.\w)")  # "@mkbhd", not an e-mail address
# inner capitals: "TommyInnit", "DrDisrespect", "HasanAbi" (not "iPhone", "McDonald", "MacBook")
_CAMEL = re.compile(r"\b(?!Mc|Mac|De|Di|La|Le|O')[A-Z][a-z]{1,}[A-Z][a-z]{2,}[A-Za-z]*\b")
# letters and digits mixed: "Tyler1", "6ix9ine", "xQc2" (not "4k", "35mm", "RTX4090", "v2")
_DIGITS = re.compile(r"\b(?=\w*[a-z]{3})(?=\w*\d)[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*\b")
_UNITS = re.compile(r"(?:\d+(?:mm|cm|k|px|fps|hz|gb|mb|tb|ms|s|x|p|th|st|nd|rd|d|bit)|v\d+(?:\.\d+)?)$", re.I)
_DOLLAR = re.compile(r"(?<!\S)[A-Za-z]*\$[A-Za-z]{2,}\b")  # "$ign", "Ke$ha", "A$AP"
_UNDERSCORE = re.compile(r"(?<![\w<:@])[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]*[A-Za-z0-9](?![\w:>])")  # "ZeRo_Two_9"
# "@name from instagram", "@name on tiktok": an account, i.e. a person ("@home", "@2x" are no accounts)
_PLATFORM = re.compile(r"\s+(?:from|on|of|via) (?:instagram|insta|ig|tiktok|twitter|x|youtube|yt|twitch|snapchat|"
                       r"snap|onlyfans|reddit|facebook|fb|threads|bluesky|linkedin|pinterest|tumblr|kick)\b")
# gerunds and participles of es/pt/it/fr/de after a handle ("presentando", "cantando", "jouant", "en train de")
_GERUND = re.compile(r"\s+(?:[a-z]{3,}(?:ando|endo|iendo|yendo)|en train de|beim [a-z]+|[a-z]{3,}ant (?:sur|dans|avec|a|au|en|le|la|les|des|un|une))\b")
# "as" in other languages after a handle ("AuronPlay como caballero", "TheGrefg als Astronaut"; round 16)
_AS_FOREIGN = re.compile(r"\s+(?:como|comme|come|als|jako|sebagai|bilang|olarak)\s+(?!(?:(?:um|uma|un|una|une|ein|eine|"
                         r"el|la|le|il|o|a|der|die|das)\s+)?(?:logo|icono|icone|icon|app|aplicacion|aplicativo|marca|"
                         r"brand|red social|rede social|reseau social|empresa|firma|entreprise|azienda|regalo|presente|cadeau|regalo|geschenk|fondo|fundo|sfondo|hintergrund|plataforma|"
                         r"platform|plateforme|herramienta|ferramenta|outil|werkzeug)\b)")
# "haz un retrato de Ibai comentando ...", "a photo of Auronplay streaming": a picture word, one capitalised word no
# dictionary knows, then something only people do (speaking, singing, commentating; not "sleeping", "playing", which
# pets do too): a stage name (round 16)
_PICTURE_ONE = re.compile(r"\b(?:portrait|photo|picture|image|painting|drawing|retrato|foto|fotografia|imagen|imagem|"
                          r"ritratto|immagine|dipinto|tableau|bild|zdjecie|zdjęcie|portret|obraz)\s+(?:of|de|di|du|von|"
                          r"des|od)\s+(?P<w>[A-Z][a-z]{2,})(?=\s+(?:commentating|streaming|singing|rapping|speaking|"
                          r"presenting|hosting|preaching|lecturing|giving a speech|being interviewed|interviewing|"
                          r"comentando|narrando|cantando|hablando|presentando|transmitiendo|rapeando|predicando|"
                          r"entrevistando|falando|apresentando|cantando|parlando|presentando|commentando|chantant|"
                          r"parlant|presentant|commentant|singt|spricht|moderiert|kommentiert|spiewajac|"
                          r"śpiewając|komentujac|komentując|przemawiajac|przemawiając)\b)")
# Round 38b. Handles glued to a suffix or typed with a lower-case start: "elrubiusOMG", "auronplayYT", "ibaiLive",
# "IbaiTV", "xQcOW". Such words are also app and product names ("iPhone", "macOS", "eBay", "ChatGPT"), so they count
# only beside a streaming or gaming cue (``_STREAM_CUE``), which a gaming handle's picture nearly always has.
_GLUED = re.compile(r"(?<![\w@.])(?:[a-z][a-z0-9]{2,}[A-Z][A-Za-z0-9]*|[A-Z][a-z]{2,}[A-Z]{2,}[a-z]?)(?![\w.])")
_STREAM_HINTS = ("stream", "twitch", "gamer", "gaming", "directo", "vivo", "diretta", "facecam", "webcam",
                 "youtuber", "kick", "setup", "live", "auriculares", "headset")
_STREAM_CUE = re.compile(r"\b(?:setup gamer|gaming setup|gamer setup|(?:silla|cadeira|chair|sedia) gam\w+|"
                         r"stream\w*|twitch|kick stream|en directo|en vivo|ao vivo|in diretta|en live|facecam|webcam|"
                         r"youtuber|(?:con|with|com|mit) (?:sus |his |her |seus |seinem )?(?:auriculares|headset|"
                         r"cascos|fones|kopfhorer\w*)|live on|live stream\w*|gamer|gaming)\b")
_HANDLE_SUFFIXES = context.word_set("tv yt omg live official xd ttv gg hd lol wtf irl")
_THEME_WORDS = context.word_set("""gaming game games gamer stream streams streaming live news music sport sports movie movies
film tech esports twitch video videos radio kids food travel cooking anime""")
# Round 42e. A face or body look ("bald head", "grey beard", "curly hair") and, after an @handle, the show a host is
# seen in or a close-up: the account is a person's ("@brandname store window" has no look)
_LOOK = re.compile(r"\b(?:bald|beard|bearded|moustache|mustache|stubble|freckles|wrinkles|haircut|hairstyle|"
                   r"(?:long|short|curly|grey|gray|white|black|blonde|blond|red|dark|messy|slicked) hair|smile|smiling|"
                   r"grin|grinning)\b")
_SHOW_AFTER = re.compile(r"\s+(?:podcast|vlog|interview|livestream|stream|talk show|show|episode|studio)\b")
_CLOSE_UP = re.compile(r"\b(?:close-?up|closeup|headshot|portrait|selfie)\b")
_INITIALS = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,4}(?![\w])")  # "M.I.A."


def find(norm: NormalizedText, detector: str, dictionary: frozenset[str], non_person: NameIndex) -> list[Finding]:
    """Handle- and stage-name-shaped words that the words around make a person.

    ``dictionary``: plain words (``wordfreq``); a word of the dictionary is no handle.
    ``non_person``: characters, brands and places ("PacMan" is "Pac-Man"): never a handle.
    """
    # on the prompt as written: normalisation reads "$" and digits inside words as letters ("6ix9ine" -> "6ixgine")
    text = norm.original[:MAX_SCAN_CHARS]
    lower = text.lower()
    out: list[Finding] = []
    for rx, what in ((_HANDLE, "an @handle"), (_CAMEL, "a handle with inner capitals"),
                     (_DIGITS, "a handle with digits"), (_UNDERSCORE, "a handle with underscores"), (_DOLLAR, "a stage name with a $"),
                     (_INITIALS, "a stage name in initials")):
        for m in rx.finditer(text):
            word = m.group()
            if rx is _DIGITS and (_UNITS.search(word) or word.isupper() or word.lower() in dictionary
                                  or re.fullmatch(r"[A-Z]+\d+[A-Za-z]?", word)):
                continue  # "35mm", "RTX4090", "F1": sizes and models
            if rx is _HANDLE and (_UNITS.fullmatch(word[1:]) or word[1:].isdigit()):
                continue  # "@2x", "@300": an image scale or a number, no account
            if rx is _CAMEL and (word.lower() in dictionary or re.sub(r"(?<!^)(?=[A-Z])", "", word).lower()
                                 in dictionary):
                continue
            spaced = re.sub(r"(?<=[a-z])(?=[A-Z0-9])|(?<=[0-9])(?=[A-Za-z])", " ", word.lstrip("@"))
            if any(key_of(w) and non_person.exact(key_of(w)) for w in (spaced, word.lstrip("@"))):
                continue  # a character or brand written as one word
            if person_cues.determiner_before(lower, m.start()) or context.thing_after(lower, m.end()):
                continue  # "a PlayStation controller", "the GoPro mount"
            why = person_cues.person_evidence(lower, m.start(), m.end())
            parts = [p for p in re.split(r"[_\d]+", word[1:].lower()) if p]
            if why is None and rx is _HANDLE and _PLATFORM.match(lower, m.end()) and not all(
                    p in dictionary for p in parts):
                # "@lilyrosiee_ from instagram"; "@sunset_vibes" (words only) is a theme account
                why = "an account on a social platform"
            if (why is None and rx is _HANDLE and _LOOK.search(lower) and not all(p in dictionary for p in parts)
                    and (_SHOW_AFTER.match(lower, m.end()) or _CLOSE_UP.search(lower))):
                # "@somehost podcast close-up, bald head": an account's host pictured by their look (round 42e)
                why = "a host's show or close-up and their look"
            if why is None and rx in (_HANDLE, _CAMEL) and (_GERUND.match(lower, m.end()) or _AS_FOREIGN.match(
                    lower, m.end())) and not all(
                    p in dictionary for p in re.sub(r"(?<=[a-z])(?=[A-Z])", " ", word.lstrip("@")).lower().split()):
                # "@IbaiLlanos presentando la Velada", "TommyInnit jouant": a person doing something (round 13)
                why = "an action word of another language after it"
            if why is None or any(f.start < m.end() and m.start() < f.end for f in out):
                continue
            out.append(Finding(kind="private_person", score=0.6, start=m.start(), end=m.end(), text=word, detector=detector, canonical=None,
                               explanation=f"stage name or handle shape ({what}) with a person cue ({why})",
                               identity_seeking=True))
    if any(h in lower for h in _STREAM_HINTS) and _STREAM_CUE.search(lower):
        for m in _GLUED.finditer(text):
            word = m.group()
            parts = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", word).lower().split()
            # a word glued to a handle suffix is a handle ("shroudTV", "ninjaOMG"), unless the word names the
            # channel's theme ("gamingTV", "newsLive")
            suffixed = (len(parts) == 2 and parts[1] in _HANDLE_SUFFIXES and parts[0] not in _THEME_WORDS)
            if (word.lower() in dictionary or (all(p in dictionary for p in parts) and not suffixed)
                    or any(key_of(w) and non_person.exact(key_of(w)) for w in (word, " ".join(parts)))
                    or person_cues.determiner_before(lower, m.start()) or context.thing_after(lower, m.end())
                    or any(f.start < m.end() and m.start() < f.end for f in out)):
                continue  # "gamingSetup" (words only), "a PlayStation controller": no handle
            out.append(Finding(kind="private_person", score=0.6, start=m.start(), end=m.end(), text=word,
                               detector=detector, canonical=None, identity_seeking=True,
                               explanation="handle shape (glued suffix or lower-case start) with a streaming cue"))
    for m in _PICTURE_ONE.finditer(text):
        word = m.group("w")
        k = key_of(word)
        if (word.lower() in dictionary or k in context.REGIONS or (k and non_person.exact(k))
                or any(f.start < m.end("w") and m.start("w") < f.end for f in out)):
            continue
        out.append(Finding(kind="private_person", score=0.6, start=m.start("w"), end=m.end("w"), text=word,
                           detector=detector, canonical=None, identity_seeking=True,
                           explanation="stage name shape (one word no dictionary knows, pictured doing what people "
                                       "do)"))
    return out
