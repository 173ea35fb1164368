"""A career word and the nickname it goes by, in many languages (round 43a).

"the jamaican sprinter nicknamed the pocket rocket", "il cantante soprannominato il re del raï", "вратарь по прозвищу
Чёрный паук", "the badminton legend known as Super Dan", "o presidente conhecido como pai dos pobres": a sports,
stage or state career and an epithet point at one real person. The older rule (``indirect_i18n._NICKNAMED``) needs a
few person words and a capitalised epithet; this one takes any career word of a stem list in the three words before
the cue, and reads the epithet by the cue's strength:

* a nickname word ("nicknamed", "soprannominato", "по прозвищу", "bijgenaamd") takes any definite epithet;
* a naming word ("known as", "conhecido como", "genannt", "kallad") needs a capitalised or quoted epithet in a cased
  prompt, or one of the "<noun> of <noun>" shape ("pai dos pobres", "the king of reggae").

An indefinite or kin epithet ("nicknamed a rookie", "known as Mum"), a superlative ("known as the best in town"), a
thing or animal head ("the ship nicknamed the Unsinkable", "the dog nicknamed Rex": no career word) and a bare
"legend" ("the legend known as Bigfoot", a myth) stay generic.
"""

from __future__ import annotations

import re

# cheap gate: one of these substrings must be in the prompt
_CHEAP = ("nicknam", "dubbed", "known as", "aka ", "a.k.a", "soprannom", "detto ", "detta ", "conosciut", "chiamat",
          "apodad", "conocid", "llamad", "apelidad", "conhecid", "chamad", "surnomm", "connu", "genannt", "bekannt als",
          "spitzname", "bijgenaamd", "bekend als", "kallad", "kallat", "kalt ", "kaldet", "kendt som", "kand som",
          "kjent som", "smeknamn", "kallenavn", "tilnavn", "ogenavn", "nazywan", "zwan", "przydomk", "pseudonim",
          "prezdiv", "zvan", "nadimk", "poznat", "прозвищ", "прозвиськ", "прозванн", "известн", "lempinim",
          "lakapl", "julu", "παρατσουκλ", "γνωστ", "becenev")
# a nickname word: the epithet after it is a nickname whatever its case
_STRONG = (r"nicknamed|dubbed|a\.?k\.?a\.?|soprannominat[oaie]|apodad[oa]s?|apelidad[oa]s?(?: de)?|surnommee?s?|"
           r"mit dem spitznamen|met de bijnaam|bijgenaamd|med (?:smeknamnet|kallenavnet|tilnavnet|ogenavnet)|"
           r"nazywan\w*|zwan[aey]\w*|o przydomku|o pseudonimie|prezdivan\w*|zvan[aiy]?|s nadimkom|"
           r"по прозвищу|по прозвиську|прозванн\w+|lempinimeltaan|lakapli|yang dijuluki|dijuluki|berjuluk|"
           r"με το παρατσουκλι|becenevu")
# a naming word: the epithet must look like a name
_WEAK = (r"(?:also |better |popularly |widely |simply )?known (?:to (?:all|everyone|fans|the world) )?as|"
         r"dett[oa]|conosciut[oa] come|chiamat[oa]|conocid[oa] como|llamad[oa]|conhecid[oa] como|chamad[oa] de|"
         r"connue? (?:sous le nom de|comme)|genannt|bekannt als|bekend als|kallad|kallat|kalt|kaldet|kendt som|"
         r"kand som|kjent som|poznat[aiy]? kao|известн\w* как|γνωστ\w* ως")
_CUE = re.compile(r"(?<![\w])(?:(?P<strong>" + _STRONG + r")|(?P<weak>" + _WEAK + r"))(?![\w])[\s,:]*")
# career stems (lower case, accents off); the head must be one of the three words before the cue
_CAREER = (
    # English
    "singer", "rapper", "player", "sprinter", "runner", "striker", "goalkeeper", "goalie", "keeper", "boxer",
    "wrestler", "fighter", "footballer", "cricketer", "batsman", "bowler", "pitcher", "golfer", "swimmer", "skater",
    "skier", "cyclist", "racer", "jockey", "gymnast", "athlete", "olympian", "champion", "quarterback", "midfielder",
    "defender", "winger", "forward", "actor", "actress", "comedian", "dancer", "guitarist", "drummer", "pianist",
    "musician", "president", "dictator", "prime minister", "politician", "general", "coach", "manager", "chef",
    "cartoonist", "mangaka", "legend",
    # Romance
    "cantant", "cantor", "cantora", "chanteu", "giocator", "calciator", "jugador", "jogador", "joueu", "futbolist",
    "futebolist", "footballeu", "pugil", "boxeador", "boxeur", "tennist", "tenista", "tennisman", "ciclist",
    "cycliste", "pilot", "attor", "attric", "actriz", "atriz", "acteur", "actrice", "allenator", "entrenador",
    "treinador", "entraineu", "presidente", "presidenta", "leggend", "leyenda", "lenda", "legende", "portier",
    "porter", "goleir", "arquer", "gardien", "campion", "campeon", "campea", "atlet", "velocist", "corredor",
    "lottator", "luchador", "lutador",
    # Germanic
    "sanger", "spieler", "fussballer", "torwart", "torhuter", "laufer", "rennfahrer", "schauspieler", "trainer",
    "prasident", "zanger", "speler", "voetballer", "bokser", "wielrenner", "coureur", "doelman", "schaatser",
    "spiller", "spelare", "malvakt", "maalmand", "loper", "lopare", "tranare", "trener", "skuespiller",
    "skadespelare",
    # Slavic (Latin), Baltic, Finnic, Turkic, Indonesian
    "piosenkar", "pilkarz", "pilkark", "tenisist", "kolarz", "kierowc", "aktor", "prezydent", "legend", "bramkar",
    "biegacz", "zawodni", "zpevak", "zpevack", "fotbalist", "herec", "hereck", "prezident", "brankar", "pjevac",
    "pevac", "nogometas", "fudbaler", "tenisac", "boksac", "glumac", "glumic", "predsjednik", "vratar", "golman",
    "laulaja", "pelaaja", "jalkapalloilija", "nyrkkeilija", "juoksija", "maalivahti", "valmentaja", "presidentti",
    "sarkici", "futbolcu", "boksor", "kaleci", "efsane", "penyanyi", "pemain", "petinju", "pelatih", "presiden",
    # Cyrillic, Greek
    "певец", "певиц", "футболист", "теннисист", "боксер", "борец", "актер", "актрис", "тренер", "президент",
    "легенд", "вратар", "голкипер", "бегун", "спортсмен", "игрок", "гонщик", "хоккеист", "шахматист", "співак",
    "τραγουδιστ", "ποδοσφαιριστ", "παικτ", "πυγμαχ", "ηθοποι", "προπονητ", "προεδρ", "θρυλ", "τερματοφυλακ",
)
# not careers though they start like one
_NOT_CAREER = ("players", "playerunknown", "generally", "generation", "pilotage", "porterhouse", "forwarded",
               "manageri", "presidency", "presidential", "coaches", "legendary", "legends", "pilots", "champions",
               "leggende", "leyendas", "legendar", "legenda ", "legendas", "legendes")
_ARTICLE = frozenset({"the", "la", "il", "el", "le", "l", "lo", "der", "die", "das", "de", "het", "o", "a", "den",
                      "det", "ο", "η", "this", "that", "these", "those"})
_TOKEN = re.compile(r"[\w'’.-]+")
# an indefinite, possessive or kin word, or a superlative: no nickname
_NOT_EPITHET = re.compile(r"(?:(?:a|an|un|una|uno|um|uma|une|ein|eine|einen|een|en|ett|et|my|our|his|her|their|mi|mon|"
                          r"ma|mio|mia|meu|minha|mein|meine|mum|mom|mother|father|dad|mama|papa|grandma|grandpa|"
                          r"auntie|uncle|sir|boss|doc|chief|best|greatest|worst|most|one)\b|the (?:best|greatest|"
                          r"worst|most|one|same)\b)")
_OF = re.compile(r"(?:the |la |il |el |le |l'|lo |o |a |der |die |de |het )?[\w'’-]{2,}\s+(?:of|de|del|della|"
                 r"dello|dei|degli|delle|di|do|da|dos|das|des|du|van|von|vom|der|af|av)\b\s*\w")


def _head(lower: str, at: int) -> int:
    """Where the first career word of the three words before ``at`` starts (-1: none); a bare "legend" (after an
    article) is a myth. The span starts there, so an indefinite head ("a boxer nicknamed ...") drops it."""
    base = max(0, at - 60)
    found = list(_TOKEN.finditer(lower, base, at))[-3:]
    toks = [t.group() for t in found]
    for k, w in enumerate(toks):
        if not w.startswith(_CAREER) or any((w + " ").startswith(n) for n in _NOT_CAREER):
            continue
        if w.startswith(("legend", "leggend", "leyenda", "lenda", "легенд", "θρυλ")) and (
                k == 0 and len(toks) < 3 or k > 0 and toks[k - 1] in _ARTICLE):
            continue
        return found[k].start()
    return -1


def spans(lower: str, text: str, cased: bool) -> list[tuple[int, int, str]]:
    """Career word + nickname cue + epithet (see above); spans ``(start, end, what)`` over ``lower``."""
    if not any(c in lower for c in _CHEAP):
        return []
    out: list[tuple[int, int, str]] = []
    for m in _CUE.finditer(lower):
        rest = lower[m.end():m.end() + 60]
        head = _head(lower, m.start())
        if len(rest) < 3 or _NOT_EPITHET.match(rest) or head < 0:
            continue
        word = re.match(r"[«\"„“'‘]?[\w'’.-]+", rest)
        if not word:
            continue
        if m.group("weak") is not None:
            after = text[m.end():m.end() + 60]
            named = cased and re.match(r"(?:(?:the|la|il|el|le|l'|lo|o|a|der|die|de|het)\s+)?[«\"„“'‘]?[A-ZÀ-ÞΑ-ΩА-ЯЁ]",
                                       after) is not None
            if not named and not _OF.match(rest):
                continue
        out.append((head, m.end() + word.end(), "a career and the nickname it goes by"))
    return out
