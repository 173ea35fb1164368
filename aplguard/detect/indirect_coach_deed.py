"""The coach who took a named team to a named title, in many languages (round 43a).

"l'entraîneur qui a mené le Maroc en demi-finale du Mondial 2022", "der Trainer, der Südkorea 2002 ins WM-Halbfinale
führte", "træneren der vandt EM 1992 med Danmark", "izbornik koji je Hrvatsku odveo do finala SP-a 2018": one team
has one head coach at one tournament, so a coach word, a relative clause and, in that clause, a title word (a cup, a
league, a final, the Olympics) with a year, a tournament's initials or (outside German, which capitalises every noun)
a capitalised team make one real person.

A local or youth team ("the coach who took our school team to the regional final in 2019", "l'allenatore che ha
portato i ragazzi al torneo giovanile"), an indefinite coach ("a coach who won the league") and a clause with no title
word ("the coach who shouted at Mario in 2019") stay generic.
"""

from __future__ import annotations

import re

_CHEAP = ("coach", "manager", "trainer", "entraineu", "selectionneu", "entrenador", "seleccionador", "treinador",
          "selecionador", "allenator", "commissario tecnico", "bondscoach", "traener", "træner", "tranare", "trener",
          "izbornik", "selektor", "selekcjoner", "edzo", "valmentaja", "treener", "προπονητ", "тренер", "наставник",
          "teknik direktor", "pelatih")
# a coach word (one of the stems above, up to five letters of ending: "entraineur", "allenatore", "trenera"), with
# the sport or team before "coach" kept in the span
_COACH = re.compile(r"(?<![\w])(?:(?:head |football |national |soccer |rugby |basketball |hockey |wrestling )?coach|"
                    + "|".join(re.escape(c) for c in _CHEAP[1:]) + r")[\w]{0,5}(?![\w])")
# the relative word (or comma + relative word) within two words after the coach word
_REL = re.compile(r"(?:[\s,]+[\w-]+){0,2}?[\s,]+(?:who|that|qui|que|che|der|die|som|koji|koja|koje|ktory|ktora|kteri|"
                  r"ktery|ktera|aki|joka|kes|που|которыи|которая|которыи|котрии|який|yang|ki)(?![\w])")
_TITLE = re.compile(r"(?<![\w])(?:world cup|mondial\w*|mundial\w*|coupe du monde|copa\w*|coppa\w*|euro\w*|"
                    r"championnat|campeonato|campionato|championship|meisterschaft|mistrzost\w*|prvenstv\w*|"
                    r"mistrovstv\w*|bajnoksag\w*|mestaruu\w*|meistrivoistl\w*|чемпионат\w*|πρωταθλημ\w*|"
                    r"league|liga|ligue|serie a|bundesliga|eredivisie|scudetto|olymp\w*|olimp\w*|finale?s?|finala|"
                    r"finalu|finali|\w*halbfinale|semi-?finale?s?|semifinal\w*|demi-finale|polfinal\w*|"
                    r"trophy|trofeo|title|titel|titre|titulo|titolo|tytul\w*|cup|pokal|kupa\w*|medal\w*|"
                    r"medaill\w*|medall\w*)(?![\w])")
# a tournament's initials in capitals ("WM", "EM", "SP", "VM", "UEFA")
_INITIALS = re.compile(r"(?<![\w])(?:WM|EM|VM|SP|EP|MS|ME|MM|UEFA|FIFA|AFCON|CAN)(?![A-Za-z])")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_LOCAL = re.compile(r"(?<![\w])(?:our|my|local|school|kids|youth|junior\w*|amateur\w*|regional\w*|district|county|"
                    r"village|college|varsity|u-?\d\d|nuestr\w+|notre|nostr\w+|nosso|nossa|unser\w*|giovanil\w*|"
                    r"juvenil\w*|jeunes|ragazzi|escolar|scolaire|scolastic\w*|mlad\w*|jugend\w*)(?![\w])")
_GERMANIC = ("der ", "die ", "das ")


def spans(lower: str, text: str, cased: bool) -> list[tuple[int, int, str]]:
    """Coach + relative clause with a dated or named title (see above); spans ``(start, end, what)``."""
    if not any(c in lower for c in _CHEAP):
        return []
    out: list[tuple[int, int, str]] = []
    for m in _COACH.finditer(lower):
        rel = _REL.match(lower, m.end())
        if not rel:
            continue
        end = len(lower)
        for stop in (",", ".", ";", "\n", "|"):
            k = lower.find(stop, rel.end() + 1)
            if k != -1 and not (stop == "." and k + 1 < len(lower) and lower[k - 1].isdigit()):
                end = min(end, k)
        end = min(end, rel.end() + 110)
        clause, orig = lower[rel.end():end], text[rel.end():end]
        if not _TITLE.search(clause) and not _INITIALS.search(orig) or _LOCAL.search(clause):
            continue
        # German capitalises every noun: there a capital names nothing
        german = m.group().startswith("trainer") and any(g in lower for g in _GERMANIC)
        dated = _YEAR.search(clause) is not None or _INITIALS.search(orig) is not None
        named = cased and not german and re.search(r"(?<![\w])[A-ZÀ-ÞΑ-ΩА-ЯЁ]\w+", orig) is not None
        if dated or named:
            out.append((m.start(), end, "the coach who took a named team to a named title"))
    return out
