"""Indirect references to one real person by a career step (round 28a).

A description followed by a relative clause that names the step to a national office ("legendarny przywódca
Solidarności, który został prezydentem Polski", "the union leader who became president of Poland", "el sindicalista
que se convirtió en presidente de Brasil", "l'ancien acteur qui est devenu président de l'Ukraine", "der Schauspieler,
der Präsident der Ukraine wurde"): the clause narrows the holders of that office to one. The office must be a
national one and the place after it capitalised ("who became president of our club", "que llegó a ser presidenta de
la asociación de vecinos" stay generic).

Round 36a adds the sporting career step (:func:`sports_titles`): a sports role whose relative clause names a title
won for a named team, country or competition or in a year ("der Torhüter, der 2014 mit Deutschland Weltmeister wurde").

Spans are ``(start, end, what)`` over ``lower`` (the normaliser's text: accents off, same length as ``text``).
"""

from __future__ import annotations

import re

from .indirect_offices import INVENTED_REALM

# cheap pre-check: a "became" verb of one of the languages (most prompts hold none)
_GATE = ("became", "become", "zostal", "został", "stal", "convirti", "llego a ser", "fue elegid", "tornou", "virou",
         "foi eleit", "divenne", "diventat", "devenu", "devint", "wurde", "geworden", "elected", "werd", "blev",
         "ble ")

_OFFICE_EN = (r"(?:president|prime minister|premier|chancellor|king|queen|emperor|empress|pope|"
              r"secretary general|first minister|taoiseach|head of state|vice president|supreme leader)")
_EN = re.compile(r"\b(?:who|that)\s+(?:later\s+|eventually\s+|then\s+|went on to\s+)?(?:became|become|was elected|"
                 r"got elected|was crowned)\s+(?:the\s+)?(?:[a-z]+\s+){0,2}?" + _OFFICE_EN + r"\s+of\s+(?:the\s+)?")
_PL = re.compile(r"\bkt(?:ory|ora)\s+(?:p[oó][zź]niej\s+)?(?:zosta[lł]a?|sta[lł]a? si[eę])\s+(?:[a-z]+\s+)?"
                 r"(?:prezydentem|prezydentka|premierem|premierka|papie[zż]em|kr[oó]lem|kr[oó]low[aą]|kanclerzem|"
                 r"prezesem rady ministr[oó]w)\s+")
_CS = re.compile(r"\bkter(?:y|a)\s+se\s+(?:pozdeji\s+)?stal(?:a)?\s+(?:[a-z]+\s+)?(?:prezidentem|prezidentkou|"
                 r"premierem|premierkou|papezem|kralem)\s+|\bktor(?:y|a)\s+sa\s+(?:neskor\s+)?stal(?:a)?\s+"
                 r"(?:[a-z]+\s+)?(?:prezidentom|prezidentkou|premierom|premierkou|papezom|kralom)\s+")
_OFFICE_ROM = (r"(?:presidente|presidenta|president|presidente della repubblica|primer ministro|primera ministra|"
               r"primeiro-ministro|primeiro ministro|primeira-ministra|primo ministro|premier ministre|premiere ministre|"
               r"chanceler|canciller|cancelliere|chancelier|rey|reina|rei|rainha|re|regina|roi|reine|papa|pape)")
_ROMANCE = re.compile(r"\b(?:que|qui|che)\s+(?:luego\s+|despues\s+|mais tarde\s+|depois\s+|poi\s+|plus tard\s+)?"
                      r"(?:se convirtio en|llego a ser|fue elegid[oa]|se tornou|virou|foi eleit[oa]|divenne|"
                      r"e diventat[oa]|fu elett[oa]|e stat[oa] elett[oa]|est devenue?|devint|a ete elue?|fut elue?)\s+"
                      r"(?:(?:el|la|o|a|il|le|l')\s?)?(?:[a-z]+\s+)?" + _OFFICE_ROM
                      + r"\s+(?:de|do|da|dos|das|del|della|dell'|di|du|des|d')\s?(?:la\s+|l')?")
_DE = re.compile(r"\b(?:der|die|welcher|welche)\s+(?:spater\s+|dann\s+)?(?:zum\s+|zur\s+)?(?:bundesprasident(?:en|in)?|"
                 r"prasident(?:en|in)?|bundeskanzler(?:in)?|kanzler(?:in)?|premierminister(?:in)?|papst|konig(?:in)?)"
                 r"\s+(?:von\s+|der\s+|des\s+)?(?P<place>[a-z][\w-]+)(?:\s+[a-z][\w-]+)?\s+(?:wurde|geworden ist|"
                 r"gewahlt wurde)\b")
# Dutch and Scandinavian: "die later president van Polen werd", "som blev president i Polen"
_NL_SC = re.compile(r"\b(?:die|dat|som)\s+(?:later\s+|senare\s+|senere\s+)?(?:president|premier|minister-president|"
                    r"statsminister|koning|koningin|kung|drottning|konge|dronning|paus|pave|kansler|bondskanselier)\s+"
                    r"(?:van|i|av|for)\s+(?P<place>[a-z][\w-]+)\s+(?:werd|is geworden|blev|ble|vart)\b|"
                    r"\b(?:som)\s+(?:senare\s+|senere\s+)?(?:blev|ble|vart)\s+(?:president|statsminister|kung|drottning|"
                    r"konge|dronning|pave|pafve)\s+(?:i|av|for)\s+")
# a club, school or company named after the office ("president of the Chess Club"): a local post
_BODY_AFTER = re.compile(r"(?:[\w'-]+\s+){0,3}?(?:club|clube|klub|klubu|society|association|asociacion|associacao|"
                         r"associazione|verein|school|college|university|team|company|corporation|committee|council|"
                         r"union|league|federation|foundation|board|academy|guild|fan club)\b")
# the same bodies anywhere in the clause, for the older "the woman who became ..." shape (indirect.py)
LOCAL_BODY = re.compile(r"\b(?:club|clube|klub|society|association|verein|school|college|team|company|committee|"
                        r"guild|fan club|book club|parish|pta|homeowners|neighbou?rhood)\b")
_LOCAL = re.compile(r"(?:our|my|the local|a|an|nuestr[oa]|mi|notre|mon|ma|nostr[oa]|mio|mia|meu|minha|nosso|nossa|"
                    r"unser\w*|mein\w*|naszego|naszej|mojego|mojej|klubu|club|clube|circolo|verein\w*|"
                    r"asociacion|associacao|associazione|association)\b")


def spans(lower: str, text: str, cased: bool) -> list[tuple[int, int, str]]:
    """The round-28a career steps (see above); ``cased``: the prompt is not all caps (capitals name places)."""
    if not cased or not any(g in lower for g in _GATE):
        return []
    out: list[tuple[int, int, str]] = []
    for rx in (_EN, _PL, _CS, _ROMANCE, _NL_SC):
        for m in rx.finditer(lower):
            if (m.end() < len(text) and text[m.end()].isupper() and not _LOCAL.match(lower, m.end())
                    and not _BODY_AFTER.match(lower, m.end()) and not INVENTED_REALM.match(lower, m.end())):
                out.append((m.start(), _word_end(lower, m.end()), "the person who became a national office holder"))
    for m in _DE.finditer(lower):
        if text[m.start("place"):m.start("place") + 1].isupper() and not _LOCAL.match(lower, m.start("place")):
            out.append((m.start(), m.end(), "the person who became a national office holder"))
    return out


# Round 36a. A sports role narrowed by a title won for a named team, country or competition in a year ("der Torhüter,
# der 2014 mit Deutschland Weltmeister wurde", "el portero que fue capitán de España en el Mundial 2010", "the
# striker who won the World Cup with Brazil in 2002", "le gardien qui a été champion du monde en 1998", "il capitano
# che alzò la Coppa del Mondo nel 2006"): a role, a relative pronoun, then within the clause a title word (world
# champion, captain, top scorer, Ballon d'Or, lifted/won the cup) and a year or a capitalised team or competition
# (German: a year, or "mit/für" + a capitalised word). A local or school team, "my" team or a fiction word stays
# generic ("the goalkeeper who won a local cup", "el portero que fue capitán de mi equipo").
_SPORT_GATE = ("goalkeep", "goalie", "keeper", "striker", "forward", "captain", "player", "footballer", "defender",
               "midfielder", "coach", "manager", "torh", "torwart", "sturmer", "spieler", "kapitan", "trainer", "porter",
               "arquer", "delanter", "jugador", "capitan", "entrenador", "seleccionador", "futbolista", "goleir",
               "atacante", "jogador", "tecnico", "treinador", "zagueiro", "capitao", "portiere", "attaccante",
               "giocat", "calciat", "allenatore", "difensore", "gardien", "attaquant", "joueur", "joueuse",
               "footballeur", "entraineur", "selectionneur", "capitaine", "defenseur", "doelman", "spits", "speler",
               "speelster", "aanvoerder", "bramkar", "napastnik", "pilkar", "trener", "bomber", "guardameta",
               "defensa", "verteidiger", "pitcher", "quarterback", "batsman", "bowler")
_SPORT_ROLE = (r"(?:goalkeeper|goalie|keeper|striker|forward|captain|player|footballer|defender|midfielder|coach|"
               r"manager|quarterback|pitcher|batsman|bowler|torhuterin|torhuter|torwartin|torwart|sturmerin|sturmer|"
               r"spielerin|spieler|kapitanin|kapitan|trainerin|trainer|bundestrainer|verteidiger|bomber|portera|portero|"
               r"guardameta|arquera|arquero|delantera|delantero|jugadora|jugador|capitana|capitan|entrenadora|"
               r"entrenador|seleccionador|futbolista|defensa|goleira|goleiro|atacante|jogadora|jogador|tecnico|"
               r"treinadora|treinador|zagueiro|capitao|portiere|attaccante|giocatrice|giocatore|calciatrice|calciatore|"
               r"allenatore|capitano|difensore|gardienne|gardien|attaquant|joueuse|joueur|footballeur|entraineur|"
               r"selectionneur|capitaine|defenseur|doelman|keeper|spits|speelster|speler|aanvoerder|bramkarz|"
               r"napastnik|pilkarz|pilkarka|trener|kapitan)")
_SPORT_WHO = re.compile(r"\b" + _SPORT_ROLE + r",?\s+(?:who|that|der|die|welcher|welche|que|qui|che|il quale|"
                        r"la quale|dat|ktory|ktora)\s+(?P<clause>[^,.;:!?()]{4,120})")
_SPORT_TITLE = re.compile(r"\b(?:world champion|world cup|champions league|euro \d{4}|european champion|olympic|"
                          r"ballon d'or|golden boot|top scorer|captain|captained|weltmeister\w*|europameister\w*|"
                          r"olympiasieger\w*|torschutzenkonig|kapitan|weltpokal|champions-league|weltfussballer|"
                          r"campeon\w*|campeona\w*|capitan\w*|mundial|copa del mundo|copa america|eurocopa|pichichi|"
                          r"maxim[oa] goleador\w*|goleador\w*|balon de oro|bota de oro|campeao|campea|capitao|capitaneou|copa do mundo|"
                          r"artilheiro|bola de ouro|campion\w*|capitano|capitanato|coppa del mondo|mondiali|"
                          r"capocannoniere|pallone d'oro|scudetto|champion du monde|championne du monde|capitaine|"
                          r"coupe du monde|meilleur buteur|wereldkampioen|kampioen|aanvoerder|wk|ek|mistrz\w* swiata|"
                          r"mistrz\w* europy|kapitanem|krol strzelcow|mundialu)\b")
_SPORT_YEAR = re.compile(r"\b(?:19[3-9]\d|20[0-3]\d)\b")
_SPORT_LOCAL = re.compile(r"\b(?:local|school|college|amateur|youth|junior|village|sunday|office|company|our|my|"
                          r"mi|mis|nuestr[oa]|mon|ma|notre|mio|mia|nostr[oa]|meu|minha|nosso|nossa|mein\w*|unser\w*|"
                          r"nasz\w*|escolar|escuela|colegio|barrio|pueblo|escola|bairro|scuola|ecole|quartier|"
                          r"schul\w*|verein\w*|dorf\w*|jugend\w*|kreisliga|bezirksliga|juvenil|infantil|"
                          r"fictional|fictitious|imaginary|video game|videogame|fifa|pes|anime|manga|cartoon|"
                          # a wish, not a career ("a player who dreams of winning the World Cup")
                          r"dream\w*|want\w*|hope\w*|wish\w*|would|will|suen\w*|quiere\w*|reve\w*|veut|sogna\w*|"
                          r"vuole|sonha\w*|quer|traum\w*|mochte|werden|wil|droomt|marzy\w*|chce)\b")


def sports_titles(lower: str, text: str, cased: bool) -> list[tuple[int, int, str]]:
    """The round-36a sports role + title clause (see above)."""
    if not cased or not any(g in lower for g in _SPORT_GATE):
        return []
    out: list[tuple[int, int, str]] = []
    for m in _SPORT_WHO.finditer(lower):
        c0, c1 = m.start("clause"), m.end("clause")
        clause = lower[c0:c1]
        if not _SPORT_TITLE.search(clause) or _SPORT_LOCAL.search(clause):
            continue
        named = bool(_SPORT_YEAR.search(clause))
        if not named:
            german = m.group(0).split(",")[0].split()[0] in ("torhuter", "torhuterin", "torwart", "torwartin",
                                                               "sturmer", "sturmerin", "spieler", "spielerin",
                                                               "kapitan", "trainer", "bundestrainer", "verteidiger")
            caps = [w for w in re.finditer(r"\w[\w'-]*", text[c0:c1]) if w.group()[:1].isupper()]
            if german:
                named = bool(re.search(r"\b(?:mit|fur|bei|gegen) [A-Z]", text[c0:c1]))
            else:
                named = bool(caps)
        if named:
            out.append((m.start(), c1, "a sports role narrowed by a title for a named team or year"))
    return out


def _word_end(lower: str, i: int) -> int:
    m = re.compile(r"\w+").match(lower, i)
    return m.end() if m else i


# Round 38a. A career record in the Romance languages, the counterpart of indirect's English tally ("el tenista con
# más títulos de Roland Garros", "o jogador com mais gols da história", "le pilote avec le plus de victoires en
# Formule 1", "il calciatore con più gol in Serie A"): a role, "with the most <tally>", then a named competition
# (capitalised) or all of history; a tally in one's own group ("con más goles de mi equipo", "del barrio") stays generic
_TALLY_GATE = ("mas ", "mais ", "plus de", "piu ", "mayor numero", "maior numero")
_ROM_ROLE = (r"(?:tenista|futbolista|jugador|jugadora|piloto|ciclista|nadador|nadadora|atleta|golfista|boxeador|"
             r"boxeadora|portero|delantero|goleador|tennista|calciatore|giocatore|giocatrice|pilota|nuotatore|"
             r"nuotatrice|portiere|attaccante|joueur|joueuse|pilote|cycliste|nageur|nageuse|buteur|gardien|jogador|"
             r"jogadora|goleiro|atacante|artilheiro|actor|actriz|ator|atriz|acteur|actrice|attore|attrice|cantante|"
             r"cantor|cantora|chanteur|chanteuse|director|directora|diretor|diretora|realisateur|regista|entrenador|"
             r"treinador|allenatore|entraineur|deportista|esportista|sportivo|sportif|sportive)")
_ROM_TALLY = re.compile(r"\b" + _ROM_ROLE + r"(?: [a-z]+)? (?:con|com|avec|amb) (?:(?:el|le|o|il|la) )?(?:mas|mais|"
                        r"le plus de|piu|mayor numero de|maior numero de) (?:[a-z]+ )?(?:titulos|titols|titres|titoli|"
                        r"trofeos|trofeus|trophees|trofei|goles|gols|buts|gol|victorias|vitorias|victoires|vittorie|"
                        r"medallas|medalhas|medailles|medaglie|oscars|premios|grand slams|copas|campeonatos|"
                        r"championnats|campionati|mundiales|balones de oro|bolas de ouro|ballons d'or|palloni d'oro|"
                        r"poles|podios|podiums|podi|partidos|jogos|matchs|partite|carreras|corridas|courses|corse|"
                        r"anillos|aneis|grammys|etapas|etapes|tappe)\b")
_TALLY_OF = re.compile(r" (?:de la |de l'|del |de |da |do |das |dos |di |della |dello |dei |du |des |en (?:el |la )?|"
                       r"em |no |na |in |nel |nella |au |aux |a |al )?")
_TALLY_HISTORY = re.compile(r"(?:de la historia|da historia|de l'histoire|della storia|de todos los tiempos|"
                            r"de todos os tempos|de tous les temps|di sempre|de sempre|en la historia|na historia|"
                            r"dans l'histoire|nella storia)(?! (?:de|del|da|do|di|della|du|des) )")


def record_tally(lower: str, text: str, cased: bool) -> list[tuple[int, int, str]]:
    """The round-38a Romance career record (see ``_ROM_TALLY``)."""
    if not any(g in lower for g in _TALLY_GATE):
        return []
    out: list[tuple[int, int, str]] = []
    for m in _ROM_TALLY.finditer(lower):
        of = _TALLY_OF.match(lower, m.end())
        at = of.end() if of else m.end()
        if (cased and text[at:at + 1].isupper() and of is not None and of.end() > m.end()) \
                or _TALLY_HISTORY.match(lower, m.end() + 1):
            out.append((m.start(), _word_end(lower, at), "a career record in a named competition"))
    return out
