"""Full names whose structure says they are names (round 31b).

Three shapes that the capital-and-lexicon rules of :mod:`name_shape` miss:

* Malay/Indonesian and Malaysian Indian patronymics: "<given> bin/binti <father>", "<given> a/l|a/p <father>"
  ("Nurul Aisyah binti Kamarudin"): the connector is a name word only between capitalised name words that are no
  common words ("Recycle bin Liner" is not);
* Nordic patronymic and "-sson" family names written in lower case, often without their diacritics ("hannes
  halldorsson", "katrin jakobsdottir", "anna karlsson"): a listed given name and a word ending in "-sson"/"-dottir";
* Japanese full names written in hiragana or katakana without a space ("やまだはなこ", "キムラタクヤ"): the
  reading splits into a common surname and a common given name, and a picture cue stands in the prompt
  (ordinary kana words do not split that way).

Every rule starts with a substring pre-check, so prompts without the marker pay one ``in`` test.
"""

from __future__ import annotations

import re

from ..types import Finding
from .context import word_set
from .normalize import NormalizedText
from .relation_names import _romaji
from .resources import ResourceCache, load_dictionary_words, load_lexicon

_PATRONYMIC_MARKS = (" bin ", " binti ", " binte ", " bte ", " bt ", " a/l ", " a/p ", " s/o ", " d/o ")
_NAME = r"[A-Z][a-z'’\-]+"
_PATRONYMIC = re.compile(rf"((?:{_NAME} ){{1,3}})(?:bin|binti|binte|bte|bt\.?|a/l|a/p|s/o|d/o) ({_NAME}(?: {_NAME})?)")

_NORDIC = re.compile(r"\b([a-zåäöæøþðáéíóúý]{3,}) ([a-zåäöæøþðáéíóúý]{3,}(?:sson|dottir|dóttir))\b")
_NOT_NORDIC = frozenset({"lesson", "lessons"})

_KANA_RUN = re.compile(r"[\u3041-\u3096\u30a1-\u30fa\u30fc]{4,12}")
# picture and person cues of Japanese prompts: a kana name counts only with one of them in the prompt
_JA_CUES = ("写真", "ポートレート", "肖像", "画像", "イラスト", "笑顔", "さん", "くん", "ちゃん", "様", "氏", "似顔絵",
            "自撮り", "プロフィール", "顔")
_JA_PARTICLES = ("さん", "ちゃん", "くん", "の", "が", "は", "を", "と", "に", "も")
# common Japanese surnames in Hepburn, long vowels as written in kana ("satou"), as the kana reader spells them
_JA_SURNAMES = word_set("""satou suzuki takahashi tanaka itou watanabe yamamoto nakamura kobayashi katou yoshida
yamada sasaki yamaguchi matsumoto inoue kimura hayashi shimizu yamazaki mori abe ikeda hashimoto yamashita ishikawa
nakajima maeda fujita ogawa gotou okada hasegawa murakami kondou ishii saitou sakamoto endou aoki fujii nishimura
fukuda oota miura fujiwara okamoto matsuda nakagawa nakano harada ono tamura takeuchi kaneko wada nakayama ishida
ueda morita hara shibata sakai kudou yokoyama miyazaki miyamoto uchida takagi andou taniguchi oono maruyama imai
takada fujimoto takeda murata ueno sugiyama masuda sugawara hirano kojima ootsuka chiba kubo matsui iwasaki sakurai
kinoshita noguchi matsuo kikuchi nomura arai watanabe sano oonishi sugimoto arakawa hoshino kitamura hirata
kawaguchi iida taguchi kawakami tsuchiya ootani""")


class StructuredNames:
    """Finds the three structured name shapes; lists are read once through the shared cache."""

    def __init__(self, cache: ResourceCache, detector: str) -> None:
        self.cache = cache
        self.detector = detector

    def find(self, norm: NormalizedText) -> list[Finding]:
        lower = norm.lower
        out: list[Finding] = []
        if any(m in lower for m in _PATRONYMIC_MARKS):
            out += self._patronymic(norm)
        if "sson" in lower or "dottir" in lower or "dóttir" in lower:
            out += self._nordic(norm)
        if not lower.isascii() and any(c in norm.text for c in _JA_CUES):
            out += self._kana(norm)
        return out

    def _common(self) -> frozenset[str]:
        return self.cache.get("lexicon.common_words", lambda: load_lexicon("common_words.txt"))

    def _first(self) -> frozenset[str]:
        return self.cache.get("lexicon.first_names", lambda: load_lexicon("first_names.txt"))

    def _finding(self, norm: NormalizedText, s: int, e: int, why: str) -> Finding:
        start, end = norm.span(s, e)
        return Finding(kind="private_person", score=0.7, start=start, end=end, text=norm.original[start:end],
                       detector=self.detector, canonical=None, identity_seeking=True,
                       explanation="person-name shape (" + why + ")")

    def _patronymic(self, norm: NormalizedText) -> list[Finding]:
        # two look-ups, not a union of the lists: "a recycling bin on the street" must not copy ~100k words
        common, words = self._common(), self.cache.get("lexicon.wordfreq", load_dictionary_words)
        first = self._first()
        out = []
        for m in _PATRONYMIC.finditer(norm.text):
            given = m.group(1).split()[-1].lower()
            father = m.group(2).split()[0].lower()
            # the given name's last word and the father's first word are name words, not everyday words
            # ("Recycle bin Windows"); a listed given name that is also a word ("Faizal") still counts
            if any((w in common or w in words) and w not in first for w in (given, father)):
                continue
            out.append(self._finding(norm, m.start(1), m.end(2), "given name + bin/binti/a/l/a/p + father's name"))
        return out

    def _nordic(self, norm: NormalizedText) -> list[Finding]:
        first, common = self._first(), self._common()
        out = []
        for m in _NORDIC.finditer(norm.lower):
            given, family = m.group(1), m.group(2)
            if not norm.text[m.start():m.end()].islower():
                continue  # capitalised "Tove Jansson" is name_shape's (with its artist and place exemptions)
            if family in _NOT_NORDIC or given in common or given not in first:
                continue
            out.append(self._finding(norm, m.start(1), m.end(2), "given name + Nordic -sson/-dottir family name"))
        return out

    def _kana(self, norm: NormalizedText) -> list[Finding]:
        given_names = self.cache.get("lexicon.ja_given_names", lambda: load_lexicon("ja_given_names.txt"))
        out = []
        for m in _KANA_RUN.finditer(norm.text):
            run = m.group()
            # katakana -> hiragana, so one reader spells both
            hira = "".join(chr(ord(c) - 0x60) if "\u30a1" <= c <= "\u30f6" else c for c in run)
            for cut in range(len(hira), 3, -1):
                body = hira[:cut]
                rest = hira[cut:]
                if rest and not any(rest.startswith(p) for p in _JA_PARTICLES):
                    continue
                reading = _romaji(body)
                if reading and self._splits(reading, given_names):
                    out.append(self._finding(norm, m.start(), m.start() + cut,
                                             "Japanese surname + given name written in kana"))
                    break
        return out

    @staticmethod
    def _splits(reading: str, given_names: frozenset[str]) -> bool:
        """The reading is a listed surname followed by a listed given name ("yamada" + "hanako")."""
        return any(reading[:i] in _JA_SURNAMES and reading[i:] in given_names for i in range(3, len(reading) - 1))
