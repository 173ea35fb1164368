"""Rebuild the first-name and surname lexicons shipped in ``aplguard/detect/data``.

Not used at run time. Sources (both from PyPI, read from their unpacked files):

* ``names==0.3.0`` (MIT): the US Census Bureau 1990 name lists ``dist.male.first``,
  ``dist.female.first``, ``dist.all.last`` (US government work, public domain).
* ``faker==40.54.0`` (MIT): per-locale first and last name lists of its person providers,
  and the en/de/fr/es/it/nl lorem word lists (common words).

Usage::

    pip download --no-deps names==0.3.0 faker==40.54.0 -d /tmp/src
    # unpack both, then
    python -m aplguard.detect._build_lexicons /tmp/src/names-0.3.0/names /tmp/src/faker
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path

from .normalize import key_of

DATA = Path(__file__).with_name("data")


def _census(path: Path) -> set[str]:
    return {line.split()[0] for line in path.read_text().splitlines() if line.strip()}


def _faker(root: Path) -> tuple[set[str], set[str]]:
    sys.path.insert(0, str(root))
    # faker is a build-time tool only (not installed with aplguard): imported by name
    person = importlib.import_module("faker.providers.person")

    first: set[str] = set()
    last: set[str] = set()
    for info in pkgutil.iter_modules(person.__path__):
        mod = importlib.import_module(f"faker.providers.person.{info.name}")
        prov = getattr(mod, "Provider", None)
        for attr, bucket in (("first_names", first), ("first_names_male", first),
                             ("first_names_female", first), ("last_names", last)):
            vals = getattr(prov, attr, None)
            if isinstance(vals, (tuple, list, dict, set)):  # some locales use properties
                bucket.update(v for v in vals if isinstance(v, str))
    return first, last


def _lorem_words(root: Path) -> set[str]:
    sys.path.insert(0, str(root))
    words: set[str] = set()
    for loc in ("en_US", "de_DE", "fr_FR", "es_ES", "it_IT", "nl_NL"):
        mod = importlib.import_module(f"faker.providers.lorem.{loc}")
        words.update(w for w in mod.Provider.word_list if isinstance(w, str))
    return words


def _keys(names: set[str]) -> list[str]:
    out = set()
    for n in names:
        k = key_of(n)
        if len(k) >= 2 and " " not in k:
            out.add(k)
    return sorted(out)


def main(argv: list[str]) -> None:
    census_dir, faker_dir = Path(argv[0]), Path(argv[1])
    first = _census(census_dir / "dist.male.first") | _census(census_dir / "dist.female.first")
    last = _census(census_dir / "dist.all.last")
    f2, l2 = _faker(faker_dir)
    first_keys = _keys(first | f2)
    (DATA / "first_names.txt").write_text("\n".join(first_keys) + "\n", encoding="utf-8")
    (DATA / "surnames.txt").write_text("\n".join(_keys(last | l2)) + "\n", encoding="utf-8")
    # the 1,000 most frequent US surnames, in the census file's rank order
    ranked = [line.split()[0] for line in (census_dir / "dist.all.last").read_text().splitlines()[:1000]]
    (DATA / "common_surnames.txt").write_text("\n".join(n.lower() for n in ranked) + "\n", encoding="utf-8")
    # common words, minus foreign-lorem words that are first names ("carlos") unless English words
    from .context import COMMON_WORDS  # noqa: PLC0415

    english = {key_of(w) for w in importlib.import_module("faker.providers.lorem.en_US").Provider.word_list}
    words = {k for k in _keys(_lorem_words(faker_dir))}
    words -= {w for w in words if w in set(first_keys) and w not in english and w not in COMMON_WORDS}
    (DATA / "common_words.txt").write_text("\n".join(sorted(words)) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
