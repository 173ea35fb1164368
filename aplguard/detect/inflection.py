"""Case endings of names in inflecting languages written in the Latin alphabet (round 22b).

"zdjęcie Bartosza Wróblewskiego" (Polish genitive), "fénykép Annáról" (Hungarian "about"), "kuva Aino
Kettusesta" (Finnish elative), "mynd af Sigríði Hrafnsdóttur" (Icelandic dative), "Yılmazer'in" (Turkish
genitive): the name lists hold the nominative, so a word they do not know is looked up again with its
case ending taken off (and the nominative ending put back where the ending replaces one).

Two uses, both on match keys (lower case, accents off, see :func:`aplguard.detect.normalize.match_key`):

* :func:`lemmas`: the nominatives an inflected word may come from, to look up in the first-name and
  surname lexicons (``name_shape``); many candidates, so a caller accepts only a pair of words that both
  resolve, never one word.
* :func:`stem`: one stem per word, the same for the nominative and its inflected forms
  ("lewandowski"/"lewandowskiego" -> "lewandowsk"), under which multi-word public-figure names are
  indexed (``names_index``) so "roberta lewandowskiego" finds Robert Lewandowski.
"""

from __future__ import annotations

# (ending, what replaces it) per language family; longest endings are tried first. The nominative
# endings put back are the ones the lexicons spell ("wroblewski", "novakova", "kettunen", "sigridur").
_RULES: tuple[tuple[str, str], ...] = (
    # Polish / Czech / Slovak adjectival surnames: "Wróblewskiego", "Kowalskiemu", "Kowalskim", "Novotného"
    ("skiego", "ski"), ("ckiego", "cki"), ("dzkiego", "dzki"), ("skiemu", "ski"), ("ckiemu", "cki"),
    ("skim", "ski"), ("ckim", "cki"), ("skiej", "ska"), ("ckiej", "cka"), ("skiej", "ski"), ("ckiej", "cki"),
    ("ska", "ski"), ("cka", "cki"), ("ovou", "ova"), ("ove", "ova"), ("ova", "ov"),
    ("iego", "i"), ("ego", "y"), ("eho", "y"), ("emu", "y"), ("ym", "y"), ("ej", "a"), ("ou", "a"),
    # nouns: "Bartosza", "Tomaszowi", "Markiem", "Anny", "Annę" (e), "Novákové", "Petrovi", "Petrem"
    ("owi", ""), ("ovi", ""), ("iem", ""), ("em", ""), ("om", ""), ("om", "a"), ("a", ""), ("u", ""),
    ("y", "a"), ("e", "a"), ("i", "a"), ("u", "a"), ("ie", "a"),
    # Hungarian suffixes (the stem's long vowel is short in the key: "Annáról" -> "annarol" -> "anna")
    ("rol", ""), ("tol", ""), ("nak", ""), ("nek", ""), ("val", ""), ("vel", ""), ("hoz", ""), ("hez", ""),
    ("nal", ""), ("nel", ""), ("ban", ""), ("ben", ""), ("ert", ""), ("kent", ""), ("ra", ""), ("re", ""),
    ("ba", ""), ("be", ""), ("ot", ""), ("et", ""), ("t", ""), ("on", ""), ("en", ""), ("nal", "a"),
    # Finnish "-nen" surnames ("Kettusesta", "Virtaselle", "Korhosen") and case endings ("Ainolle", "Mikan")
    ("sesta", "nen"), ("sessa", "nen"), ("selle", "nen"), ("sella", "nen"), ("selta", "nen"), ("seen", "nen"),
    ("sen", "nen"), ("sena", "nen"), ("seksi", "nen"), ("sta", ""), ("ssa", ""), ("lle", ""), ("lla", ""),
    ("lta", ""), ("ksi", ""), ("na", ""), ("n", ""), ("sta", "a"),
    # Estonian: "Kadriga", "Tamme" -> ...; "-ga", "-le", "-lt", "-st", "-ks"
    ("ga", ""), ("le", ""), ("lt", ""), ("st", ""), ("ks", ""),
    # Icelandic: "Sigríði" (sigridi), "Hrafnsdóttur", "Jónssyni", "Jónssonar", "Guðrúnu"
    ("di", "dur"), ("dottur", "dottir"), ("ssyni", "sson"), ("ssonar", "sson"), ("unu", "un"), ("ar", "ur"),
    ("i", "ur"), ("i", "ir"),
    # Lithuanian / Latvian: "Petro" (Petras), "Jonui", "Jonaitienės", "Jāņa"
    ("o", "as"), ("o", "is"), ("ui", "as"), ("ui", "is"), ("ui", "us"), ("es", "e"), ("ei", "e"),
    ("am", "s"), ("a", "s"), ("a", "as"),
    # round 41c: Lithuanian feminine genitive "Rūtos" (Rūta), "Jankauskaitės"/"Petrauskienės" (-ė, covered by "es")
    ("os", "a"), ("ies", "e"),
    # round 41c: Azerbaijani and Uzbek genitive written on the name, no apostrophe ("Məmmədlinin", "Karimovning",
    # "Əliyevin"); Albanian definite/genitive "-t"/"-it" after a surname ("Hoxhajt", "Berishës")
    ("nin", ""), ("nın", ""), ("ning", ""), ("ın", ""), ("in", ""), ("un", ""), ("it", ""), ("es", "e"), ("es", "a"),
    # Croatian / Serbian / Slovene: "Ivane", "Anom", "Marku" (the generic endings above cover most)
    ("e", ""), ("i", ""),
    # Greek in Latin letters: "tou Papadopoulou", "Nikou", "Giorgo"
    ("ou", "os"), ("o", "os"), ("i", "is"),
    # Russian/Ukrainian/Bulgarian in Latin letters: "Ivanovoy", "Ivanovym", "Petrovu"
    ("oy", "a"), ("oj", "a"), ("oi", "a"), ("ym", ""), ("im", ""),
)
# Turkish case suffixes written after an apostrophe, which Turkish puts only after proper nouns
# ("Yılmazer'in", "Kırımlıoğlu'nun", "Ayşe'ye", "Ankara'da" - a place too, so callers check for places).
TURKISH_SUFFIXES = frozenset(str.split("""in ın un ün nin nın nun nün a e ya ye na ne da de ta te dan den tan ten nda nde
ndan nden la le yla yle i ı u ü yi yı yu yü ni nı nu nü ın ile dır dir"""))
TURKISH_SUFFIX_KEYS = frozenset(s.replace("ı", "i").replace("ü", "u") for s in TURKISH_SUFFIXES)

_MIN_STEM = 3
# Hungarian case suffixes alone: a surname-first name ("Szabó Réka Annáról") is read as Hungarian only
_HUNGARIAN = ("rol", "tol", "nak", "nek", "val", "vel", "hoz", "hez", "nal", "nel", "ban", "ben", "ert", "kent",
              "ra", "re", "ba", "be", "ot", "et", "t")


def hungarian_lemmas(key: str) -> tuple[str, ...]:
    """:func:`lemmas` with the Hungarian case suffixes only."""
    if not key.isalpha() or len(key) < 4:
        return ()
    return tuple(dict.fromkeys(key[: -len(e)] for e in _HUNGARIAN
                               if key.endswith(e) and len(key) - len(e) >= _MIN_STEM))


def lemmas(key: str) -> tuple[str, ...]:
    """Nominatives a one-word name key may be an inflected form of (the key itself excluded)."""
    if not key.isalpha() or len(key) < 4:
        return ()
    out: dict[str, None] = {}
    for ending, repl in _RULES:
        if key.endswith(ending) and len(key) - len(ending) >= _MIN_STEM:
            cand = key[: len(key) - len(ending)] + repl
            if cand != key:
                out[cand] = None
                if not repl and ending in _MOBILE_E_ENDINGS:
                    for full in mobile_e(cand):
                        out[full] = None
    return tuple(out)


# Slavic nouns whose last syllable loses its "e" before a case ending (round 26b): Polish "Wieczorek" ->
# "Wieczorka", "Kozieł" -> "Kozła", "Stępień" -> "Stępnia", "Niemiec" -> "Niemca"; Czech "Havel" -> "Havla",
# "Karel" -> "Karla", "Pavel" -> "Pavla", "Marek" -> "Marka"; Slovak "Kubík"-type names keep it. The endings a noun takes
_MOBILE_E_ENDINGS = frozenset({"a", "owi", "ovi", "iem", "em", "u", "ie", "om", "y", "i", "e"})
_MOBILE_E_LAST = frozenset("klłcnrz")


def mobile_e(base: str) -> tuple[str, ...]:
    """The nominatives of a case stem that lost its mobile e ("wieczork" -> "wieczorek", "havl" -> "havel",
    "kozl" -> "kozel", "koziel"; "stepni" -> "stepien"); () when the stem does not end in two consonants."""
    if base.endswith("ni") and len(base) >= 5 and base[-3] not in _VOWELS:
        return (base[:-2] + "ien",)  # "stepnia" -> "stepien" (ń is written "ni" before a vowel)
    if len(base) < 4 or base[-1] not in _MOBILE_E_LAST or base[-2] in _VOWELS or base[-2] == base[-1]:
        return ()
    return (base[:-1] + "e" + base[-1], base[:-1] + "ie" + base[-1])


# Endings taken off by stem(), longest first; a stem keeps at least four letters.
_STEM_ENDINGS = tuple(sorted({
    "iego", "ego", "emu", "iemu", "owi", "ovi", "iem", "em", "om", "ym", "im", "ej", "iej", "ou", "eho",
    "a", "u", "y", "e", "i", "o", "ie",
    "rol", "tol", "nak", "nek", "val", "vel", "hoz", "hez", "nal", "nel", "ban", "ben", "ert", "ra", "re",
    "sta", "ssa", "lle", "lla", "lta", "n",
}, key=len, reverse=True))


_STEM_SET = frozenset(_STEM_ENDINGS)
# round 34b: the "-se-" stem of Finnish "-nen" surnames: nominative, illative, essive, translative (the other cases,
# "-sen", "-sestä", "-selle", "-sella", already lose a generic ending down to "...se"); (ending, letters cut)
_FI_SE_STEM_CUT = (("nen", 3), ("seen", 2), ("sena", 2), ("seksi", 3))
_FI_SE_STEM = tuple(e for e, _ in _FI_SE_STEM_CUT)
_STEM_SIZES = tuple(sorted({len(e) for e in _STEM_ENDINGS}, reverse=True))


def stem(token: str) -> str:
    """One stem of a Latin name word, shared by its nominative and its case forms (at least four letters):
    "lewandowski" and "lewandowskiego" -> "lewandowsk", "robert" and "roberta" -> "robert"."""
    n = len(token)
    if n < 5 or not token.isalpha():
        return token
    if n >= 7 and token[-1] in "naie" and token.endswith(_FI_SE_STEM):
        # round 34b: a Finnish "-nen" surname inflects on "-se-" ("Räikkönen" -> "Räikkösestä", "Räikköselle",
        # "Räikköseen"): the nominative and every case form share the stem "...se"
        for ending, cut in _FI_SE_STEM_CUT:
            if token.endswith(ending):
                return token[:-cut] + ("se" if ending == "nen" else "")
    for size in _STEM_SIZES:  # longest first; a set lookup per size, not a scan of every ending
        if n - size >= 4 and token[-size:] in _STEM_SET:
            return token[:-size]
    return token


# Finnish and Estonian case endings with the linking vowel a consonant-final name takes before them
# ("Marin" -> "Marinista", "Marinille"; "Kallas" -> "Kallasest", "Kallasega"), longest first (round 23b).
_LINKED_ENDINGS = tuple(sorted({
    "ista", "issa", "ille", "illa", "ilta", "iksi", "iin", "ina", "ia", "in",
    "est", "esse", "ele", "elt", "ega", "eks", "es", "eni", "eta",
}, key=len, reverse=True))
_VOWELS = frozenset("aeiouyäöü")
_LINKED_SET = frozenset(_LINKED_ENDINGS)
_LINKED_SIZES = tuple(sorted({len(e) for e in _LINKED_ENDINGS}, reverse=True))


def unlink(token: str) -> str:
    """``token`` without a linking vowel + case ending when what is left ends in a consonant and keeps four
    letters ("marinista" -> "marin", "kallasest" -> "kallas"); ``token`` otherwise."""
    if len(token) < 6 or not token.isalpha():  # a four-letter base and a two-letter ending at least
        return token
    for size in _LINKED_SIZES:  # longest first; a set lookup per size, not a scan of every ending
        base = token[:-size]
        if token[-size:] in _LINKED_SET and len(base) >= 4 and base[-1] not in _VOWELS:
            return base
    return token
