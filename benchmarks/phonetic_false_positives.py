"""False-positive rate of the phonetic name key (``aplguard.detect.phonetic``) on ordinary text.

Prompts "<w1> <w2> photo" are built from consecutive pairs of ``wordfreq``'s most frequent
words per language (no person names among them, except by chance), and the built-in list's
phonetic index is run over them:

* ``raw``: the key alone, no common-word filter, on the top words (how weak the key is);
* ``filtered``: as the gazetteer runs it (common words never count, dictionary words only
  beside an unknown word), on words ranked after the filter's dictionary (what it does not know);
* ``dictionary``: as the gazetteer runs it, on dictionary words past the common ones;
* ``mixed``: as the gazetteer runs it, a dictionary word next to an unknown one.

    python benchmarks/phonetic_false_positives.py [--pairs 2000] [--out benchmarks/results/phonetic_false_positives.json]
"""

from __future__ import annotations

import argparse
import json
import time
import unicodedata
from pathlib import Path

from wordfreq import top_n_list

from aplguard.detect import SHARED_CACHE
from aplguard.detect.builtin_indexes import phonetic_index
from aplguard.detect.normalize import match_key, normalize
from aplguard.detect.script_names import COMMON_SIZE, DICTIONARY_SIZE, word_kind

MODES = ("raw", "filtered", "dictionary", "mixed")
LANGS = ("ru", "uk", "bg", "el", "hi", "bn", "ta", "ur", "ko", "ja", "ar", "fa", "he")


def _pairs(words: list[str], n: int) -> list[str]:
    """"<w1> <w2> photo" for consecutive words (letters and combining marks only)."""
    words = [w for w in words if all(c.isalpha() or unicodedata.category(c)[0] == "M" for c in w)]
    return [f"{a} {b} photo" for a, b in zip(words[: n], words[1: n + 1])]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pairs", type=int, default=2000, help="prompts per language and mode")
    ap.add_argument("--out", default="benchmarks/results/phonetic_false_positives.json")
    args = ap.parse_args()
    index = phonetic_index(SHARED_CACHE)
    results: dict[str, dict[str, object]] = {}
    t0 = time.perf_counter()
    for lang in LANGS:
        ranked = top_n_list(lang, DICTIONARY_SIZE + 2 * args.pairs + 10, wordlist="small")
        row: dict[str, object] = {}
        for mode, words in (("raw", ranked[: args.pairs + 1]), ("filtered", ranked[DICTIONARY_SIZE:]),
                            ("dictionary", ranked[COMMON_SIZE:]), ("mixed", [w for pair in zip(
                                ranked[COMMON_SIZE:], ranked[DICTIONARY_SIZE:]) for w in pair])):
            prompts = _pairs(words, args.pairs)
            hits = []
            for p in prompts:
                key = match_key(normalize(p).text)[0]
                got = index.find(key, (lambda w, s: "U") if mode == "raw" else
                                 (lambda w, s: word_kind(SHARED_CACHE, w, s)))
                if got:
                    hits.append((p, sorted({h.alias.person.canonical for h in got})))
            row[mode] = {"prompts": len(prompts), "false_positives": len(hits), "rate": round(len(hits) / max(len(prompts), 1), 4),
                         "examples": hits[:5]}
        results[lang] = row
        print(lang, {m: (r["false_positives"], r["prompts"]) for m, r in row.items()})  # type: ignore[index]
    total = {m: sum(r[m]["false_positives"] for r in results.values()) for m in MODES}  # type: ignore[index]
    prompts = {m: sum(r[m]["prompts"] for r in results.values()) for m in MODES}  # type: ignore[index]
    print("total", {m: f"{total[m]}/{prompts[m]} = {total[m] / prompts[m]:.4f}" for m in total})
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps({"benchmark": "phonetic_false_positives", "pairs": args.pairs, "languages": LANGS,
                                          "total": total, "prompts": prompts, "per_language": results,
                                          "seconds": round(time.perf_counter() - t0, 1),
                                          "command": "python benchmarks/phonetic_false_positives.py"},
                                         ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
