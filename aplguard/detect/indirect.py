"""Indirect references to one real person that no phrase list resolves.

"the author of <work>", "the actor who played <character>", "the singer of <song>",
"the first person to walk on ...", "the youngest prime minister of <country>": the
prompt asks for one specific, real person without naming them. The phrases the data
resolves ("the author of Harry Potter" -> J. K. Rowling, ``data/descriptions.txt``) are
found by the gazetteer with the canonical name; this module catches the *shape* of such
a reference, so an unlisted work, role or record is still identity-seeking (canonical
``None``). Where both fire, the resolved finding is stronger and wins the merge.

Generic wording is left alone: an indefinite head ("an actor who played a villain", "a
singer of folk songs"), an indefinite or local object ("the author of a fantasy novel",
"the president of the chess club"), a non-person head ("the oldest tree") and everyday
firsts ("the first person to arrive at the party").
"""

from __future__ import annotations

import re

from ..types import Finding
from . import context
from .indirect_career import LOCAL_BODY
from .indirect_offices import INVENTED_REALM, implausible_ordinal
from .normalize import NormalizedText

# An object that makes the reference generic: indefinite, possessive, demonstrative, or a
# local group ("the team", "the party").
_GENERIC_OBJECT = (r"(?:a|an|some|any|every|my|our|your|his|her|their|its|this|that|these|those|"
                   r"the (?:band|song|songs|book|books|story|film|movie|group|article|post|page|picture|image|"
                   r"painting|video|company|firm|restaurant|cafe|shop|store|house|building|school|club|team|"
                   r"novel|poem|show|letter|blog|website|message|email|party|day|year|class|family|night|race|"
                   r"game|month|week|village|town|neighborhood|neighbourhood|office|project|play|local \w+|"
                   r"chess club|book club|month|dinner|dinner party|evening|event|ceremony|wedding|gala|meeting|"
                   r"contest|competition|quiz|match|tournament|podcast|garage band|wedding band|cover band))\b")
_CREATOR = (r"(?:author|writer|novelist|poet|playwright|singer|vocalist|rapper|composer|songwriter|creator|"
            r"inventor|founder|co ?founder|painter|sculptor|frontman|frontwoman|voice actor|voice actress|"
            r"lead actor|lead actress|star|director|ceo|chief executive|chairman|chairwoman|mayor|governor|"
            r"head coach|captain|drummer|guitarist|lead guitarist|bassist|bass player|keyboardist|pianist|"
            r"lead singer|host|presenter|anchor|goalkeeper|quarterback)")
_ROLE_OF = re.compile(r"\bthe (?:(?:lead|main|original|famous|real|late|current|former) )?" + _CREATOR
                      + r" of (?!" + _GENERIC_OBJECT + r")(?=[a-z0-9])")
# Round 32a. A band's member by the band's song ("the lead vocalist of the band behind take on me", "the frontman of the
# group that sang Wonderwall", "the drummer of the band known for Africa"): the band is named by its work, the song
# title capitalised, quoted or, in a prompt without capitals, lower case (checked below); "behind the ..." is a place
_BAND_BY_SONG = re.compile(r"\bthe (?:(?:lead|main|original|famous|late|former) )?" + _CREATOR + r" of the (?:band|group|"
                           r"duo|trio) (?:behind (?!(?:the|a|an|our|my|your|their|his|her|this|that)\b)|"
                           r"(?:that|which|who) (?:sang|sings|recorded|released|made|wrote|had a hit with)(?: the song)? |"
                           r"(?:known|famous|best known) for(?: the song)? )(?!(?:at|in|on|for|during|to|with|from|by|"
                           r"about|live|our|my|your|their|his|her|a|an|this|that|some|every|its)\b)(?=[a-z0-9])")
# round 28a: a bare role at the head of the prompt (or after "photo of") with a quoted title ("singer of 'Waka Waka'
# dancing", "portrait of composer of 'Bolero'"): prompts drop the article; the quotes name the work
_ROLE_OF_BARE = re.compile(r"(?:(?:a |an )?(?:photo|picture|portrait|image|painting|drawing|poster|selfie) of )?"
                           r"(?:(?:lead|main|original|famous|real|late|current|former) )?" + _CREATOR + r" of (?=\w)")
_QUOTE_BEFORE = re.compile(r"['\"‘“«„‚‹]\s*$")
_DOER = (r"(?:actor|actress|guy|man|woman|person|girl|boy|lady|dude|kid|one|star|singer|rapper|artist|"
         r"player|athlete|scientist|politician|astronaut|director|writer|author|comedian|host|chef|novelist|poet|"
         r"playwright|painter|composer|songwriter|filmmaker|inventor|entrepreneur|billionaire|explorer|"
         r"goalkeeper|footballer|striker|quarterback|pitcher|drummer|guitarist|bassist|gymnast|swimmer|boxer|"
         r"cyclist|skier|golfer|cricketer|driver|jockey|wrestler|coach|captain|physicist|chemist|mathematician|"
         r"biologist|philosopher|economist|engineer|architect|activist|aviator|sailor|"
         # round 35a: the other sciences
         r"astronomer|researcher|geneticist|biochemist|microbiologist|crystallographer|botanist|geologist|"
         r"naturalist|astrophysicist|pharmacologist|virologist|"
         # round 40a: the athletics and field roles ("the javelin thrower who won India's first Olympic gold")
         r"thrower|sprinter|runner|marathoner|hurdler|jumper|weightlifter|shooter|archer|fencer|rower|judoka|"
         r"batsman|bowler|shuttler|grandmaster|racer|vaulter|decathlete|heptathlete|midfielder|winger)")
_DID = (r"(?:played|plays|portrayed|portrays|voiced|voices|sang|sings|wrote|writes|directed|founded|"
        r"invented|discovered|created|painted|won|starred in|stars in|hosts|hosted|owns|bought|"
        r"assassinated|shot|landed|walked on|climbed|composed|designed|built|captained|coached|led|scored|"
        r"came up with|developed|proposed|formulated|pioneered|coined|devised|sailed to|sailed across|flew to|"
        r"swam across|split|decoded|sequenced|"
        # round 22a: "the singer who performed Gangnam Style"; "performed at our wedding" is anyone
        r"(?:performed|recorded|popularized|popularised)(?! (?:at|in|on|for|with|live|during|before|after|together|"
        r"here|there|again|solo)\b))")
_WHO_DID = re.compile(r"\b(?P<head>the |that |this )?" + _DOER + r" who (?:first |famously |originally )?"
                      + _DID + r" (?!" + _GENERIC_OBJECT + r")(?=[a-z0-9])")
# "whoever painted the Mona Lisa": the one who did a named thing (round 13; a capital or number follows, checked below:
# "whoever painted the fence" is anyone)
_WHOEVER = re.compile(r"\bwhoever (?:first |famously |originally |actually )?" + _DID + r" (?!" + _GENERIC_OBJECT
                      + r")(?=[a-z0-9])")
_RECORD = (r"(?:first|second|third|fourth|fifth|" + r"(?:sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|"
           r"fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|fortieth|"
           r"(?:twenty|thirty|forty) ?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth))|"  # round 41a
           r"last|only|youngest|oldest|tallest|shortest|richest|poorest|fastest|strongest|"
           r"most famous|most powerful|most decorated|most followed|most capped|most [a-z]{3,}ed|best selling|highest paid|"
           r"longest serving|longest reigning|all time(?: top| leading| highest| record)?|top|leading|"
           r"\d{1,3} ?(?:st|nd|rd|th))")
_WHO = (r"(?:person|man|woman|human|astronaut|cosmonaut|president|vice president|prime minister|chancellor|"
        r"premier|monarch|king|queen|emperor|empress|pope|ceo|billionaire|player|athlete|footballer|boxer|"
        r"swimmer|sprinter|runner|olympian|actor|actress|singer|rapper|pilot|governor|senator|mayor|"
        r"secretary general|head of state|leader|scientist|explorer|mountaineer|climber|aviator|laureate|winner|"
        r"champion|recipient|medalist|medallist|author|writer|director|artist|musician|youtuber|streamer|"
        r"influencer|celebrity|justice|judge|chief justice|associate justice|member|lawmaker|congresswoman|"
        r"congressman|cabinet member|minister|general|admiral|bishop|cardinal|anchor|gymnast|cyclist|skier|"
        r"golfer|cricketer|goalkeeper|driver|jockey|wrestler|drummer|guitarist|host|tennis player|chess player|"
        r"scorer|goalscorer|goal scorer|point scorer|run scorer|wicket taker|rebounder|earner)")
# "on the US supreme court", "at the Federal Reserve", "in the Senate": a seat in one named
# institution (at most two words such as "US", "federal" before it) holds few people, so a
# record there points at one real person ("the first black woman on the supreme court").
_INSTITUTION = (r"(?:the )?(?:[a-z]+ ){0,2}(?:supreme court|high court|court of appeals|senate|congress|house of "
                r"(?:representatives|commons|lords)|parliament|bundestag|knesset|duma|cabinet|security council|"
                r"federal reserve|central bank|bench|fed|politburo|national assembly|european commission|"
                r"white house|oval office|joint chiefs|college of cardinals|royal society|academy)\b")
# "the richest woman in France": a record within a country (another place after "in" stays generic)
_PLACES = (r"(?:africa|asia|europe|latin america|south america|north america|the uk|britain|england|france|germany|"
           r"italy|spain|russia|china|japan|india|brazil|mexico|canada|australia|korea|south korea|nigeria|egypt|"
           r"israel|iran|turkey|pakistan|bangladesh|indonesia|argentina|sweden|norway|poland|greece|ireland|"
           r"scotland|the netherlands|portugal|history|the olympics|hollywood)")
_FEAT = (r"(?:to (?:ever |actually |successfully |officially )?(?:walk|win|climb|reach|fly|orbit|land|set foot|become|swim|run|cross|sail|travel|"
         r"circumnavigate|summit|discover|invent|receive|hold|lead|serve|break|score|step|split|"
         r"visit|be elected|be crowned)|in (?:[a-z0-9]+ ){1,3}history|in (?:space|history|the world|orbit|the us|the uk|america|"
         r"nba|nfl|f1|the nba|the nfl|" + _PLACES + r")|ever|on (?:the moon|mars|everest|instagram|twitter|x|tiktok|youtube|"
         r"twitch|the planet)|alive|on earth|of all time|"
         r"(?:on|at|in|to) " + _INSTITUTION + r"|"
         r"(?:elected|appointed|named|nominated|confirmed|sworn in|admitted) (?:to|as|into) (?!" + _GENERIC_OBJECT
         + r")(?=[a-z0-9])|"
         r"of (?!" + _GENERIC_OBJECT + r")(?=[a-z0-9]))")
# "the youngest Nobel Peace Prize laureate": a record holder of a named prize
# round 20a: "youngest ever Formula 1 world champion" (no "the" at the prompt's start, "ever", a number in the title)
_PRIZE = re.compile(r"(?:\bthe |^)" + _RECORD + r"(?: ever)?(?: [a-z0-9]+){0,3} (?:prize|award|nobel|oscar|grammy|olympic|gold|"
                    r"world cup|championship|trophy|world) (?:[a-z]+ )?(?:laureate|winner|champion|recipient|medalist|"
                    r"medallist)\b")
_SUPERLATIVE = re.compile(r"(?:\bthe |^)" + _RECORD + r"(?: [a-z]+){0,3}? " + _WHO + r"s? " + _FEAT)
# "the tennis player with 24 grand slam titles", "the footballer with the most Ballon d'Or wins": a career
# record points at one person (a tally inside a local group stays generic: "... with the most goals in our league")
_TALLY = re.compile(r"\bthe (?:[a-z]+ ){0,2}" + _WHO + r" with (?:the most|a record(?: \d{1,3})?|\d{1,3}) "
                    r"(?:[a-z]+ ){0,4}(?:titles|wins|goals|medals|trophies|grand slams|majors|championships|rings|"
                    r"oscars|grammys|caps|home runs|touchdowns|world cups|centuries|wickets|hat tricks|assists|awards|prizes|"
                    r"belts|crowns|gold medals|rings|points|"
                    # round 32a: the sports' own plurals ("23 Olympic golds", "seven world titles", "14 podiums")
                    r"golds|gold|medal|podiums|victories|world records|records|pole positions|poles|slams)\b"
                    r"(?! (?:in|at|of|for|on) " + _GENERIC_OBJECT
                    + r")")
_DEMONYMS = (r"(?:american|british|english|scottish|welsh|irish|french|german|russian|soviet|chinese|japanese|indian|"
             r"italian|spanish|canadian|mexican|brazilian|argentine|australian|korean|south korean|ukrainian|"
             r"turkish|iranian|israeli|egyptian|nigerian|pakistani|indonesian|polish|dutch|swedish|norwegian|danish|"
             r"finnish|portuguese|greek|austrian|swiss|african american|black|asian american|latina|latino|kenyan|"
             r"ghanaian|south african|ethiopian|vietnamese|thai|filipino|filipina|colombian|chilean|peruvian|cuban|"
             r"jamaican|saudi|lebanese|syrian|iraqi|afghan|bangladeshi|sri lankan|nepali|belgian|czech|hungarian|"
             r"romanian|bulgarian|serbian|croatian|icelandic|malaysian|singaporean|burmese|tibetan|palestinian|"
             r"venezuelan|new zealand|scandinavian)")
# "the first British astronaut", "the first female Indian prime minister": a first by nationality
_FIRST_OF_NATION = re.compile(r"\bthe (?:first|only|longest serving|longest reigning|shortest serving|youngest|"
                              r"oldest) (?:(?:female|woman|male) )?" + _DEMONYMS
                              + r" (?:(?:female|woman|male) )?(?:(?:fighter|combat|jet|airline|test|space|"
                              r"shuttle|field|fashion|pop|opera|rock|film|stage|chess|racing|formula one|f1) )?"
                              + _WHO + r"\b")  # round 32a: one kind word ("fighter pilot", "racing driver")
# round 20a: "the South African singer of "Pata Pata"": a nationality before the role; the work must be named (a
# capital, a number or a quoted title follows, checked below: "the french author of cookbooks" is anyone)
_NATIONAL_ROLE_OF = re.compile(r"\bthe " + _DEMONYMS + r" (?:(?:lead|main|original|famous|late|former) )?" + _CREATOR
                               + r" of (?!" + _GENERIC_OBJECT + r")(?=[a-z0-9])")
# "the rapper who released <album>", "the queen who reigned over Britain", "the Serbian who has won Wimbledon":
# verbs that many people do, so the object must be named (a capitalised word or a number follows, checked below)
_WHO_DID_NAMED = re.compile(r"\bthe (?:(?:[a-z]+ ){0,2}(?:" + _DOER[3:-1] + r"|queen|king|emperor|empress|president|"
                            r"monarch|ruler|sprinter|runner|champion|cosmonaut|"
                            # round 24a: commanders of a named battle or campaign ("the general who commanded the D-Day
                            # landings", "the admiral who won Trafalgar")
                            r"general|admiral|commander|marshal|field marshal|colonel|warlord|commandant|"
                            # round 41a: the state offices ("the quebec premier who founded the Parti Quebecois")
                            r"premier|prime minister|senator|governor|chancellor|sultan|shah|tsar|czar|emir|"
                            r"foreign minister|opposition leader|chief justice|dictator|mayor|pm)|" + _DEMONYMS
                            # round 34a: the team or country between ("the goalkeeper captain of Spain who lifted")
                            + r")(?: of (?!" + _GENERIC_OBJECT + r")(?:the )?[a-z][\w-]*(?: [a-z][\w-]*)?)? who (?:has |had )?"
                            r"(?:reigned|ruled|lifted|released|commanded|became|broke|set|won|piloted|flew|raised|"
                            r"led|defeated|liberated|conquered|invaded|planned|masterminded|captained|"
                            # round 35a: a scientist's deed on a named or numbered object ("the scientist who took
                            # Photo 51", "the chemist who isolated Element 43", "the physicist who observed Comet ...")
                            r"took|photographed|isolated|identified|synthesized|synthesised|deciphered|cracked|proved|"
                            r"observed|named|classified|mapped|measured|calculated|predicted|detected|first described)"
                            r"(?: over| in| on)? (?!" + _GENERIC_OBJECT + r")(?=[a-z0-9])")
_NAMED_OBJECT = re.compile(r"^\W*(?:\S+\s+){0,3}?(?:[A-Z]|\d)")
# "the 100m world record holder": a world record is held by one real person
_WORLD_RECORD = re.compile(r"\bthe (?:[a-z0-9]+ ){0,3}world record holder\b")
# "the reigning Formula 1 world champion", "the current heavyweight champion": a title holds one person now (a
# word must name the title: "the reigning champion" of a cat show stays generic)
_REIGNING = re.compile(r"\bthe (?:reigning|current|defending|incumbent) (?:[a-z0-9]+ ){1,4}(?:champion|"
                       r"champ|titleholder|title holder|mvp)\b(?! (?:of|at|in) " + _GENERIC_OBJECT + r")")
# "the current Secretary-General of the United Nations", "the manager of Manchester City": an office of one
# named organisation (a capital or a number follows, checked below; "the manager of a small shop" stays generic)
# round 34a: the first or founding holder too ("the first chairman of the ANC", "the founding president of FIFA"): one
# person, unless a local body follows ("the first chairman of the Riverside Chess Club", checked below)
_OFFICE_OF_NAMED = re.compile(r"\bthe (?:(?:current|sitting|incumbent|present|former|late|new|(?P<rank>first|founding|"
                              r"last|second|third)) )?(?:secretary general|"
                              r"director general|general secretary|manager|head coach|coach|owner|chairman|chairwoman|"
                              r"chairperson|commissioner|president|chief|leader|speaker|archbishop|patriarch|"
                              r"general manager|team principal|managing director) of (?!" + _GENERIC_OBJECT
                              + r")(?=[a-z0-9])")
# "the late Apple cofounder", "the Tesla CEO": a named company's founder or chief (capitals checked below)
_NAMED_FOUNDER = re.compile(r"\b(?:[Tt]he|[Ii]ts) (?:(?:late|former|current|original) )?(?P<org>[A-Z][\w&]*)(?: [\w&]+)? "
                            r"(?:cofounder|co-founder|founder|CEO|ceo|chief executive|chairman)\b")
# Round 12. "the man who holds the 100m world record": a world, Olympic, national or all-time record is held by one
# real person ("the kid who holds the school record" stays generic)
_HOLDS_RECORD = re.compile(r"\bthe (?:[a-z]+ ){0,2}" + _DOER + r" who (?:currently |still )?(?:holds|held|set|broke|"
                           r"owns|shares) the (?:[a-z0-9]+ ){0,4}(?:world|olympic|all time|national|european|"
                           r"continental|guinness(?: world)?|career|league|tour) records?\b")
# Round 32a. A record deed without "first" or "record": a nationality, a sportsperson or a person, "who" and a deed done
# under a time limit ("the Kenyan athlete who ran a marathon under two hours", "the Jamaican sprinter who ran the 100m
# in under 9.6 seconds"); without a nationality it is anyone's time ("my uncle who ran a marathon under four hours")
_RECORD_TIME = re.compile(r"\bthe " + _DEMONYMS + r" (?:[a-z]+ )?(?:" + _DOER[3:-1] + r"|runner|sprinter|marathoner|"
                          r"marathon runner|distance runner|swimmer|climber|mountaineer|sailor|rower) who "
                          r"(?:[a-z0-9]+ ){1,6}?(?:in )?(?:under|below|less than|sub) (?:[a-z0-9]+ ){1,2}?"
                          r"(?:hours?|minutes?|seconds?|days?)\b")
_NEVER = re.compile(r"(?!)")
_GENERIC_OBJECT_AT = re.compile(_GENERIC_OBJECT)  # a shape not worth running on this prompt
# "the current Chief Justice of the US Supreme Court", "the sitting prime minister of Canada": an office that one
# person holds now, of a named country or body (a capital or a number follows, checked below; "the current king of
# the castle", "the current president of our club" stay generic). Offices held by one person at a time anyway
# ("the Chief Justice of ...") need no "current".
_CURRENT_OFFICE = re.compile(r"\bthe (?:(?:current|sitting|incumbent|present|reigning|serving) (?:[a-z]+ ){0,2}?"
                             r"(?:president|vice president|prime minister|deputy prime minister|chancellor|premier|"
                             r"king|queen|monarch|emperor|empress|sultan|emir|pope|governor|mayor|speaker|"
                             r"foreign minister|finance minister|defen[cs]e minister|secretary of state|"
                             r"attorney general|first lady|crown prince|crown princess|head of state|"
                             r"president of the [a-z]+|dalai lama|archbishop|chief justice|governor general|"
                             r"surgeon general)|chief justice|governor general|surgeon general) of (?!"
                             + _GENERIC_OBJECT + r"|(?:hearts|spades|clubs|diamonds|the prom|the ball|homecoming)\b)"
                             r"(?=[a-z0-9])")
# "the girl who started the school climate strikes in Sweden": the person who started or led a movement, named or
# national (a capital or number within eight words, checked below; "the boy who started the food fight" is no
# movement, "the girl who led the protest at our school" names no place)
_STARTED_MOVEMENT = re.compile(r"\bthe (?:[a-z]+ ){0,2}" + _DOER + r" who (?:first )?(?:started|launched|sparked|"
                               r"founded|led|began|inspired|organi[sz]ed) (?P<obj>(?:the|a) (?:[a-z]+ ){0,3}(?:movement|"
                               r"strikes?|protests?|revolution|uprising|boycott|campaign|marches|march|sit ins?|"
                               r"revolt|rebellion)\b)")
# Round 14a. "the queen who reigned for seventy years", "the chancellor who governed for sixteen years": a reign or
# term counted in years is a record of one real ruler (a count of years, decades; "the king who ruled for a day" in
# a story has no count; fiction and the future are dropped below)
_NUMBER_WORDS = (r"(?:\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
                 r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
                 r"a hundred|over (?:a|half a) century|half a century|nearly|almost|more than|over|some)")
_REIGNED_FOR = re.compile(r"\bthe (?:[a-z]+ ){0,2}(?:queen|king|monarch|emperor|empress|sultan|emir|pope|president|"
                          r"prime minister|chancellor|premier|dictator|ruler|leader|head of state|pharaoh|tsar|czar|"
                          r"shah|first lady) who (?:has |had )?(?:reigned|ruled|governed|served|led|"
                          r"was in power|held power|held office|sat on the throne|occupied the throne)"
                          r"(?: [a-z]+){0,3}? for (?:" + _NUMBER_WORDS + r" )+(?:[a-z]+ )?(?:years|decades)\b")
# the future or fiction: nobody real holds the record ("the first astronaut to land on Mars in the year 2150")
_NOT_REAL = re.compile(r"\b(?:(?:in|year) (?:the year )?(?:20[3-9]\d|2[1-9]\d\d|[3-9]\d{3})|science fiction|sci fi|"
                       # round 43d: "year 2090", "futuristic news photo"
                       r"fictional|imaginary|future|futuristic|fantasy|generic|made up|fairy ?tale|hypothetical|hypothetically|"
                       # round 27a: the user's own character ("..., original character, concept art")
                       r"original characters?|my oc)\b")
_WALK_IN = re.compile(r" (?:in|into (?:the|a|our|my) [a-z]+|through the door)(?! (?:space|orbit|history))\b")
# round 23a: a first that nobody has achieved is anyone ("the first astronaut on Mars", "the first human on another
# star", "the first person to walk on Venus"): a place no person has reached right after the record
_UNREACHED = re.compile(r"\b(?:on|to|of|at|from|in|reach(?:ing|ed)?|visit(?:ing|ed)?|land(?:ing|ed)? on|"
                        r"walk(?:ing|ed)? on|set(?:ting)? foot on) (?:the (?:surface of )?)?(?:planet )?(?:mars|venus|"
                        r"jupiter|saturn|neptune|uranus|pluto|titan|europa|enceladus|ganymede|callisto|alpha centauri|"
                        r"proxima(?: centauri| b)?|trappist|kepler|the sun|a black hole|an? exoplanet|exoplanets|"
                        r"another (?:star|planet|galaxy|solar system|world)|other (?:stars|planets|galaxies)|"
                        r"a distant (?:star|planet|galaxy)|the edge of the universe|martian soil)\b")
# round 23a: a role in a local or amateur production is anyone's ("the actor who plays the villain in a school play")
_LOCAL_SHOW = re.compile(r"\b(?:school|class|classroom|kindergarten|preschool|nursery|nativity|pantomime|panto|"
                         r"amateur|community theat(?:er|re)|local theat(?:er|re)|talent show|recital|summer camp|"
                         r"church|youth group|drama club|kids|children|student|students|high school|college|"
                         r"backyard|living room|family|"
                         # round 26a: a work of the user's own ("the actor who plays the villain in my screenplay")
                         r"(?:my|our|mi|nuestr[oa]|mon|ma|notre|mein\w*|unser\w*|mio|mia|meu|minha|nosso|nossa|mijn|"
                         r"onze|min|mitt|moj\w*|m[oó]j\w*) (?:own |new |upcoming |unfinished |indie |original )?"
                         r"(?:screenplay|script|novel|story|book|comic|webcomic|manga|game|video game|film|movie|"
                         r"short film|play|musical|campaign|fanfic|fan fiction|draft|web series|series|guion|novela|"
                         # round 27a: a setting of the user's own ("the captain of the starship in my space opera")
                         r"space opera|saga|universe|worldbuilding|world building|setting|ttrpg|rpg|d ?& ?d|dnd|"
                         r"lore|fandom|au|"
                         r"historia|cuento|pelicula|juego|obra|scenario|roman|histoire|jeu|drehbuch|geschichte|spiel|"
                         r"sceneggiatura|romanzo|storia|gioco|roteiro|livro|jogo|filme|scenariusz\w*|powiesc\w*))\b")

# round 30a: a lower-case participle after a title opens the scene; there only a production or a work of the user's
# own places the work ("singing at the school recital", "acting in our play")
_SCENE_PARTICIPLE = re.compile(r" [a-z]{2,}ing\b")
_LOCAL_VENUE = re.compile(r"\b(?:nativity|pantomime|panto|amateur|community theat(?:er|re)|local theat(?:er|re)|"
                          r"talent show|recital|drama club|summer camp|youth group|(?:school|class|church|college|"
                          r"kindergarten|student) (?:play|musical|production|show|concert|performance|recital|talent show)|"
                          r"(?:my|our|his|her|their) (?:own |new )?(?:screenplay|script|novel|story|book|film|movie|"
                          r"play|musical|game|comic|series))\b")


# Round 24a. A national office held by one person at a time, anchored to a time by "during": "the new zealand prime
# minister during the christchurch attacks", "the president of France during the 1968 protests". The words before the
# office must name no local body ("the club president during the meeting", "our school principal during assembly").
# round 38a: "the" may be left out ("nz prime minister during the christchurch attacks")
_OFFICE_DURING = re.compile(r"\b(?:the )?(?P<pre>(?:[a-z]+ ){1,3}?)?(?:prime minister|president|chancellor|premier|"
                            r"head of state|head of government|emperor|empress|king|queen|pope|dictator|tsar|czar|shah|"
                            r"taoiseach|first minister)(?: (?P<of>of (?:the )?(?:[a-z]+ ){0,2}?[a-z]+))? during (?:the |his |her )?"
                            r"(?P<ev>[a-z0-9]+)")
_LOCAL_BODY = frozenset({"club", "school", "student", "students", "company", "class", "team", "union", "board", "local",
                         "band", "association", "society", "college", "university", "parish", "fan", "chess", "book",
                         "homeowners", "hoa", "council", "pta", "tenant", "tenants", "youth", "debate", "model",
                         "fictional", "imaginary", "fantasy", "alien", "elf", "elven", "dwarf", "vampire", "robot", "a",
                         "an", "our", "my", "your", "their", "his", "her", "this", "that", "mock", "cat", "dog", "toy",
                         "lego", "game", "galactic", "kingdom"})
# a lone adjective before the office names no country ("the new president during his first week")
_ADJ_ONLY = frozenset({"new", "former", "future", "interim", "acting", "old", "young", "late", "then", "current"})
_GENERIC_EVENT = frozenset({"meeting", "meetings", "class", "lesson", "party", "dinner", "game", "match", "assembly",
                            "ceremony", "event", "speech", "day", "night", "week", "weekend", "break", "lunch", "trip",
                            "holidays", "holiday", "vacation", "festival", "play", "show", "film", "movie", "story",
                            "book", "episode", "chapter", "scene", "campaign", "interview", "visit", "tour"})

# Round 38a. The maker "behind" a named work, formula or project ("the physicist behind E=mc²", "the architect behind
# the Eiffel Tower", "the director behind Star Wars"): a making role, "behind", then a capitalised name or a formula
# (an "="); "the chef behind the counter", "the designer behind our new logo" name nothing
_BEHIND = re.compile(r"\bthe (?:[a-z]+ )?(?:physicist|chemist|mathematician|scientist|inventor|engineer|economist|"
                     r"philosopher|biologist|astronomer|astrophysicist|geneticist|researcher|composer|songwriter|"
                     r"director|filmmaker|author|writer|novelist|poet|playwright|architect|painter|sculptor|"
                     r"entrepreneur|founder|programmer|creator|mastermind|theorist|cosmologist|"
                     # round 41a: the maker of a named restaurant, label or show ("the chef behind <Restaurant>")
                     r"chef|restaurateur|designer|fashion designer|producer|showrunner|brewer|winemaker|"
                     r"choreographer|photographer|animator|developer) behind (?:the )?"
                     r"(?=\S)")
_FORMULA = re.compile(r"[\w()^+-]{1,12}=[\w()^+-]{1,12}")
# round 38a: the same "behind" in Spanish, Portuguese, French, Italian and German ("el físico detrás de E=mc²", "le
# physicien derrière ...", "der Physiker hinter ..."), and a theory, law or equation "of" something after it in
# English ("the physicist behind the theory of relativity"): a theory of one field has one author
_BEHIND_CHEAP = (" behind ", " detras ", " derriere ", " dietro ", " por tras ", " hinter ")
_BEHIND_OTHER = re.compile(r"\b(?:el|la|o|a|le|il|lo|l'|der|die) (?:fisico|fisica|quimico|quimica|matematico|"
                           r"matematica|cientifico|cientifica|inventor|inventora|physicien|physicienne|chimiste|"
                           r"mathematicien|mathematicienne|scientifique|inventeur|inventrice|scienziato|scienziata|"
                           r"inventore|physiker|physikerin|chemiker|chemikerin|mathematiker|mathematikerin|"
                           r"wissenschaftler|wissenschaftlerin|erfinder|erfinderin|arquitecto|arquitecta|arquiteto|"
                           r"architecte|architetto|architekt|architektin|compositor|compositora|compositeur|"
                           r"compositore|komponist|komponistin) (?:detras de|tras|derriere|dietro|por tras de|hinter) "
                           r"(?:(?:el|la|le|il|lo|l'|o|a|der|die|das|dem|den) ?)?(?=\S)")
_BEHIND_THEORY = re.compile(r"(?:the )?(?:theory|theories|law|laws|equation|equations|principle|paradox) of "
                            r"(?!(?:our|my|your|their|this|that|a|an)\b)[a-z]{4,}")

# Round 38a. A deed of history tied to a named place AND a year ("the seamstress who refused to give up her bus seat in
# Montgomery in 1955", "the student who stood in front of the tanks in Beijing in 1989", "the man who jumped the Berlin
# Wall in 1961"): a person, a deed verb, then in the same clause a capitalised place and a year; "the girl who won
# the spelling bee at our school in 2019" names a local event (checked)
_DEED_CHEAP = (" who ", " that ", " que ", " qui ", " che ")
_DEED = re.compile(r"\b(?:the (?:[a-z]+ ){0,2}?[a-z]+ (?:who|that)|(?:el|la|o|a|il|le|l') ?(?:[a-z]+ ){0,2}?[a-z]+ "
                   r"(?:que|qui|che)) (?:(?:famously|bravely|once|first|single-handedly) )?"
                   # deeds of defiance, violence, rescue or revelation (history's, not everyday errands: "the kid who ran
                   # to the store in Boston in 2015" stays generic)
                   r"(?:refused|defied|sparked|stood up|stood in front|assassinated|hijacked|survived|rescued|"
                   r"protested|defected|escaped|blocked|confronted|smuggled|leaked|exposed|blew the whistle|founded|"
                   r"shot|killed|saved|"
                   # round 38a: the Romance relative clause ("la costurera que se negó a ceder su asiento en
                   # Montgomery en 1955", "l'étudiant qui a arrêté les chars à Pékin en 1989")
                   r"(?<=(?:que|qui|che) )(?:se |si |s'|a |ha |e )?(?:nego|negou|nie|rifiuto|recuso|recusou|"
                   r"refuso|refusa|refuse|desafio|desafiou|defia|sfido|salvo|salvou|sauva|sauve|fundo|fundou|fonda|"
                   r"fonde|arrete|detuvo|fermo|enfrento|enfrentou|affronta|escapo|fugiu|evado|mato|matou|tua|uccise|"
                   r"disparo|revelo|revelou|filtro|vazou)"
                   r")\b(?P<rest>[^,;.!?]{4,90})")
_DEED_YEAR = re.compile(r"\b(?:1[6-9]\d\d|20[0-2]\d)\b")
_DEED_LOCAL = re.compile(r"\b(?:our|my|your|local|nuestr[oa]s?|mi|mis|notre|nos|mon|ma|nostr[oaie]|mio|mia|"
                         r"meu|minha|nosso|nossa|escuela|escola|ecole|scuola|clube?|barrio|bairro|quartier|"
                         r"school|club|class|office|neighbou?rhood|village|"
                         r"family|backyard|church|camp|party|wedding)\b")


def _deed_place_year(lower: str, text: str) -> list[tuple[int, int]]:
    """Spans of "the <person> who <deed> ... in <Place> in <year>" (see above)."""
    out = []
    for m in _DEED.finditer(lower):
        r0, r1 = m.start("rest"), m.end("rest")
        if not _DEED_YEAR.search(lower, r0, r1) or _DEED_LOCAL.search(lower, r0, r1):
            continue
        if re.search(r"\b(?:in|at|on|across|over|from|to|near|outside|of|into|inside|through|en|em|a|à|au|no|na|nel|"
                     r"nella|dans|sur|"
                     r"de) (?:the |a |an |el |la |le |les |o |os |il |los )?[A-Z]", text[r0:r1]) and not text.isupper():
            out.append((m.start(), r1))
    return out


def _behind_named(lower: str, text: str) -> list[tuple[int, int]]:
    """Spans of "the <maker> behind <a named thing or formula>" (see above)."""
    out = []
    for rx in (_BEHIND, _BEHIND_OTHER) if " behind " not in lower else (_BEHIND,):
        for m in rx.finditer(lower):
            nxt = text[m.end():m.end() + 24]
            if ((nxt[:1].isupper() and not text.isupper()) or _FORMULA.match(nxt)
                    or (rx is _BEHIND and _BEHIND_THEORY.match(lower, m.end()))):
                out.append((m.start(), m.end() + len(nxt.split(" ")[0])))
    return out


def _office_during(lower: str) -> list[tuple[int, int]]:
    """Spans of "the <country> <office> during <event>" (see above)."""
    out = []
    for m in _OFFICE_DURING.finditer(lower):
        pre = (m.group("pre") or "").split() + (m.group("of") or "").split()[1:]
        if (not pre or any(w in _LOCAL_BODY for w in pre) or m.group("ev") in _GENERIC_EVENT
                or (len(pre) == 1 and pre[0] in _ADJ_ONLY)):
            continue
        out.append((m.start(), m.end()))
    return out


def _clause_end(key: str, i: int) -> int:
    """Where the clause of ``key`` (the normalised lower-case text) that holds ``i`` ends (at most 120 on)."""
    return context.clause_end(key, i, 120)


def _local_show(norm: NormalizedText, at: int) -> bool:
    """Whether the clause from ``at`` (the object of "who wrote/played ...") places the work in a local production.

    Round 30a: after a capitalised title, a lower-case participle opens the scene ("the man who wrote Things Fall
    Apart reading to students under a tree"): there only a show word places the work ("... singing at the school
    recital"); an audience ("students", "kids", "family") is where the person is, not what they made.
    """
    end = _clause_end(norm.lower, at)
    if not (norm.text[at:at + 1].isupper() and "ing " in norm.lower[at:end]):
        return _LOCAL_SHOW.search(norm.lower, at, end) is not None
    scene = _SCENE_PARTICIPLE.search(norm.text, at, end)
    if scene is None:
        return _LOCAL_SHOW.search(norm.lower, at, end) is not None
    return (_LOCAL_SHOW.search(norm.lower, at, scene.start()) is not None
            or _LOCAL_VENUE.search(norm.lower, scene.start(), end) is not None)


def unresolved(norm: NormalizedText, key: str, kidx: list[int], detector: str) -> list[Finding]:
    """Findings for indirect references to one real person (canonical ``None``).

    ``key``/``kidx``: the match key of ``norm.text`` and its offsets (see ``match_key``).
    """
    out: list[Finding] = []
    if _NOT_REAL.search(key):
        return out
    for rx, what in ((_ROLE_OF, "the creator or performer of a work"),
                     (_NATIONAL_ROLE_OF, "the creator or performer of a named work, by nationality"),
                     (_BAND_BY_SONG if " band " in key or " group " in key or " duo " in key or " trio " in key
                      else _NEVER, "a member of the band named by its song"),
                     (_WHO_DID, "the person who played, made or did something"),
                     (_SUPERLATIVE, "a record holder or office holder by rank"),
                     (_PRIZE, "a record holder of a named prize"),
                     (_TALLY, "a record holder by career tally"),
                     (_FIRST_OF_NATION, "the first of a nationality in a role"),
                     (_WHO_DID_NAMED, "the person who did something named"),
                     (_WORLD_RECORD, "a world record holder"),
                     (_REIGNING, "a reigning title holder"),
                     (_OFFICE_OF_NAMED, "the holder of an office of a named organisation"),
                     (_HOLDS_RECORD, "the holder of a world or all-time record"),
                     (_RECORD_TIME if " who " in key and (" under " in key or " below " in key or " sub " in key
                                                          or " less than " in key) else _NEVER,
                      "a record deed done under a time limit, by nationality"),
                     (_CURRENT_OFFICE, "the current holder of an office of a named country or body"),
                     (_STARTED_MOVEMENT, "the person who started or led a named movement"),
                     (_REIGNED_FOR, "a ruler by the length of a reign or term"),
                     (_WHOEVER, "whoever made or did something named")):
        for m in rx.finditer(key):
            if rx is _BAND_BY_SONG and (_GENERIC_OBJECT_AT.match(key, m.end()) or m.end() >= len(kidx) or not (
                    _named_object(norm.text, kidx[m.end()]) or _lowercase_title(norm.text, key, m.end()))):
                continue  # "the singer of the band behind our school musical": no named song
            if rx in (_WHO_DID_NAMED, _OFFICE_OF_NAMED, _CURRENT_OFFICE, _WHOEVER, _NATIONAL_ROLE_OF) and (
                    m.end() >= len(kidx) or not _named_object(norm.text, kidx[m.end()])) and not (
                    rx is _NATIONAL_ROLE_OF and _lowercase_title(norm.text, key, m.end())):
                continue  # "the king who ruled the land": a story, not one real person
            # a nationality before the person names the place ("the swedish girl who started the school strike")
            if rx is _STARTED_MOVEMENT and not (_named_object(norm.text, kidx[m.start("obj")], 8)
                                                or re.search(r"\b(?:global|worldwide|international|nationwide|"
                                                             r"national|civil rights)\b", m.group())
                                                or re.match(r"the (?:[a-z]+ )?" + _DEMONYMS + r" ", m.group())):
                continue  # "the girl who led the protest at our school": a local event
            if rx in (_SUPERLATIVE, _FIRST_OF_NATION, _PRIZE) and _UNREACHED.search(key, m.start(), m.end() + 60):
                continue  # "the first astronaut on Mars": nobody has been
            if rx is _OFFICE_OF_NAMED and m.group("rank") and LOCAL_BODY.search(key, m.end(), _clause_end(key, m.end())):
                continue  # round 34a: "the first president of the Riverside Chess Club": a local post
            if rx is _WHO_DID_NAMED and " became " in m.group() and LOCAL_BODY.search(key, m.end(), m.end() + 60):
                continue  # round 28a: "the woman who became president of the Riverside Chess Club": a local post
            if rx is _OFFICE_OF_NAMED and INVENTED_REALM.match(key, m.end()):
                continue  # round 37a: "the first president of the Mars colony": an office of fiction
            if rx is _SUPERLATIVE and m.group().endswith((" walk", " step")) and _WALK_IN.match(key, m.end()):
                continue  # round 42a: "the first person to walk in": into a room, anyone (not "walk in space")
            if rx is _SUPERLATIVE and m.group()[4:5].isdigit() and _beyond_count(m.group()):
                continue  # round 37a: "the 200th president of ...": more holders than any office has had
            if rx is _SUPERLATIVE and m.group().endswith(" of ") and INVENTED_REALM.match(key, m.end()):
                continue  # round 28a: "the 3rd king of the Elven Kingdom": a realm of fiction (only a realm the
                # office is "of": "the second man to walk on the moon" is a real person)
            if rx in (_WHO_DID, _ROLE_OF, _WHOEVER) and m.end() < len(kidx) and _local_show(norm, kidx[m.end()]):
                continue  # "the actor who plays the villain in a school play": a local production
            stop = key.find(" ", m.end() + 1)  # the span takes in the first word of the object
            last = (len(key) if stop < 0 else stop) if key[m.end() - 1:m.end()] == " " else m.end()
            ts, te = kidx[m.start()], kidx[last - 1] + 1
            if context.indefinite_before(norm.lower, ts) or context.pet_or_object_name(norm.lower, ts):
                continue  # "an actor who played ...": anyone who did
            start, end = norm.span(ts, te)
            out.append(Finding(kind="public_figure", score=0.72, start=start, end=end,
                               text=norm.original[start:end], detector=detector, canonical=None,
                               explanation=f"indirect reference to one real person ({what})"))
    bare = _ROLE_OF_BARE.match(key) if " of " in key else None
    if (bare and bare.end() < len(kidx) and not re.match(r"(?:my|our|your|his|her|their|a|an|some|any)\b", key[bare.end():])
            and _QUOTE_BEFORE.search(norm.text[max(0, kidx[bare.end()] - 3):kidx[bare.end()]])):
        stop = key.find(" ", bare.end())  # the span takes in the first word of the title
        start, end = norm.span(kidx[bare.start()], kidx[(len(key) if stop < 0 else stop) - 1] + 1)
        out.append(Finding(kind="public_figure", score=0.72, start=start, end=end, text=norm.original[start:end],
                           detector=detector, canonical=None,
                           explanation="indirect reference to one real person (the creator or performer of a quoted work)"))
    out += _named_founders(norm, detector)
    out += _prize_of_year(norm, detector)
    if "'s " in norm.lower or "’s " in norm.lower or "s' " in norm.lower:
        out += _possessive_offices(norm, detector)
    if " who " in norm.lower and any(c.isdigit() for c in norm.lower):
        out += _office_deed_year(norm, detector)
    if any(c in norm.lower for c in _DEED_CHEAP):
        for ts, te in _deed_place_year(norm.lower, norm.text):
            start, end = norm.span(ts, te)
            out.append(Finding(kind="public_figure", score=0.72, start=start, end=end,
                               text=norm.original[start:end], detector=detector, canonical=None,
                               explanation="indirect reference to one real person (a deed at a named place and year)"))
    if any(c in norm.lower for c in _BEHIND_CHEAP):
        for ts, te in _behind_named(norm.lower, norm.text):
            start, end = norm.span(ts, te)
            out.append(Finding(kind="public_figure", score=0.72, start=start, end=end,
                               text=norm.original[start:end], detector=detector, canonical=None,
                               explanation="indirect reference to one real person (the maker of a named work)"))
    if " during " in norm.lower:
        for ts, te in _office_during(norm.lower):
            start, end = norm.span(ts, te)
            out.append(Finding(kind="public_figure", score=0.72, start=start, end=end,
                               text=norm.original[start:end], detector=detector, canonical=None,
                               explanation="indirect reference to one real person (a national office at a named time)"))
    return out


# Round 41a. A place's office by rank, the place in the possessive ("hong kong's 5th chief executive", "Australia's first
# female PM", "Canada's current governor general", "Norway's longest serving prime minister"): one person; a local body
# or a pronoun before "'s" ("the club's first president", "our town's first mayor", "my company's current CEO") is
# anyone's post, and an all-lower prompt names the place by a word no common noun
_POSSESSIVE_OFFICE = re.compile(
    r"\b(?P<place>[a-z][a-z.-]+(?: [a-z][a-z.-]+)?)(?:'s|’s|s'|’) (?:(?:first|second|third|fourth|fifth|"
    r"sixth|seventh|eighth|ninth|tenth|\d{1,2} ?(?:st|nd|rd|th)|current|sitting|incumbent|present|last|youngest|oldest|"
    r"longest serving|longest reigning|only|first ever|first elected|first democratically elected) )"
    r"(?:(?:female|woman|women|black|openly gay|elected|civilian|muslim|catholic|jewish|indigenous|native|"
    r"democratically elected|post ?war|post ?independence|socialist|conservative|labour|green) ){0,2}"
    r"(?P<office>president|vice president|prime minister|pm|chancellor|premier|chief executive|chief minister|"
    r"king|queen|monarch|emperor|empress|sultan|emir|governor|governor general|mayor|first lady|foreign minister|"
    r"finance minister|defen[cs]e minister|astronaut|cosmonaut|archbishop|chief justice|head of state|"
    r"taoiseach|lehendakari|secretary general|nobel laureate|olympic champion|speaker)\b")
_POSSESSIVE_LOCAL = re.compile(r"(?:.* )?(?:my|our|your|his|her|their|its|the|a|an|this|that|club|company|school|team|"
                               r"firm|band|group|village|town|city|county|state|country|nation|family|university|"
                               r"college|startup|league|party|district|province|region|parish|neighbou?rhood|"
                               r"council|society|association|union|guild|office|community|island|colony|planet|"
                               r"kingdom|empire|realm|world|galaxy|station|tribe|clan|house|game|story|novel|"
                               r"show|series|film|movie)$")


_NATIONAL_OFFICE = re.compile(r"(?:president|prime minister|pm|chancellor|premier|chief executive|king|queen|monarch|"
                              r"emperor|empress|sultan|emir|governor general|head of state|taoiseach|first lady)$")


def _possessive_offices(norm: NormalizedText, detector: str) -> list[Finding]:
    """Round 41a: "<place>'s first/nth/current <office>" (see ``_POSSESSIVE_OFFICE``)."""
    out: list[Finding] = []
    lower, text = norm.lower, norm.text
    capitals = any(c.isupper() for c in text) and not context.is_all_caps(text)
    for m in _POSSESSIVE_OFFICE.finditer(lower):
        place = m.group("place")
        if _POSSESSIVE_LOCAL.match(place):
            continue  # "the club's first president", "our town's mayor": a local post
        last = place.rsplit(" ", 1)[-1]
        at = m.start("place") + (len(place) - len(last))
        if (capitals and not text[at:at + 1].isupper() and not text[m.start("place"):m.start("place") + 1].isupper()
                and not _NATIONAL_OFFICE.match(m.group("office"))):
            continue  # a cased prompt names a place with a capital (a national office names a country anyway)
        if INVENTED_REALM.match(lower, m.start("place")) or _NOT_REAL.search(lower):
            continue
        start, end = norm.span(m.start(), m.end())
        out.append(Finding(kind="public_figure", score=0.72, start=start, end=end, text=norm.original[start:end],
                           detector=detector, canonical=None,
                           explanation="indirect reference to one real person (an office by rank of a named place)"))
    return out


# Round 41a. A state office holder by a dated deed ("the alaska senator who won as a write-in candidate in 2010", "the
# sultan who conquered constantinople in 1453", "the quebec premier who founded the Parti Quebecois in 1968", "the
# belarusian opposition leader who ran in 2020"): an office of a state and a past deed with a year in one clause is one
# real person; a local body or a possessive in the clause ("the mayor who opened our school in 2019") is anyone's post
_OFFICE_DEED_YEAR = re.compile(
    r"\bthe (?:[a-z-]+ ){0,2}?(?:senator|congressman|congresswoman|premier|president|prime minister|pm|governor|"
    r"chancellor|king|queen|sultan|emperor|empress|shah|tsar|czar|pharaoh|caliph|emir|foreign minister|"
    r"finance minister|defen[cs]e minister|opposition leader|chief justice|dictator|monarch|pope|"
    r"field marshal|admiral|general|head of state|vice president|first lady|crown prince) who (?:[a-z]+ ){0,1}?"
    r"(?:[a-z]+ed|won|ran|led|gave|fought|took|became|made|wrote|built|lost|fell|died|was|stood|signed|"
    r"declared|abolished|resigned|fled|survived|won re ?election|seized|began|ended|united|unified|"
    r"founded|conquered|defeated|invaded|banned|broke|rode|swam|flew|sang|threw|kissed|shook|met|hugged|"
    r"knelt|wore|tore|cried|fainted|fell asleep) "
    r"(?P<rest>[^,.;:!?]{0,80}?)\b(?P<year>1[0-9]{3}|20[0-2][0-9]|(?<=in )[1-9][0-9]{2}(?: ad| bc)?)\b")
_DEED_LOCAL = re.compile(r"\b(?:our|my|your|the local|a local|school|club|company|village fair|town fair|county fair|"
                         r"bake sale|parade float|ribbon)\b")


def _office_deed_year(norm: NormalizedText, detector: str) -> list[Finding]:
    """Round 41a: "the <state office> who <past deed> ... <year>" (see ``_OFFICE_DEED_YEAR``)."""
    out: list[Finding] = []
    for m in _OFFICE_DEED_YEAR.finditer(norm.lower):
        if _DEED_LOCAL.search(m.group()) or context.indefinite_before(norm.lower, m.start()):
            continue
        start, end = norm.span(m.start(), m.end())
        out.append(Finding(kind="public_figure", score=0.72, start=start, end=end, text=norm.original[start:end],
                           detector=detector, canonical=None,
                           explanation="indirect reference to one real person (a state office holder by a dated deed)"))
    return out


# Round 22a: a named prize and a year point at one laureate ("the 2019 Nobel Peace Prize laureate", "el premio Nobel
# de la Paz 2019", "der Friedensnobelpreisträger von 2019"): the prize word, a year and a winner word within one
# clause. Only prizes awarded to one or a few people a year count ("the 2019 employee of the month winner" is anyone).
_PRIZE_NAME = re.compile(r"(?:nobel|nobla|nobelov\w*|нобелевск\w*|pulitzer|booker|goncourt|cervantes|ballon d ?'?or|balon de oro|bola de ouro|"
                         r"pallone d ?'?oro|fields medal|turing award|abel prize|heisman|palme d ?'?or|best actress oscar|"
                         r"best actor oscar|miss universe|miss universo|miss world|miss mundo|eurovision|tour de france|"
                         r"wimbledon|roland garros|person of the year|persona del ano|personalidad del ano|"
                         # round 40a: a race with one winner a year ("the winner of the 1960 Rome Olympic marathon")
                         r"olympic marathon|olympics marathon|marathon olympique|maraton olimpico|maratona olimpica|"
                         r"olympia-marathon|olympiamarathon|boston marathon|london marathon|berlin marathon|"
                         r"new york marathon|golden boot|bota de oro|chuteira de ouro|soulier d ?'?or|scarpa d ?'?oro)")
_WINNER = re.compile(r"\b(?:laureate|winner|recipient|awardee|ganador|ganadora|galardonado|galardonada|laureado|"
                     r"laureada|premiado|premiada|vencedor|vencedora|vincitore|vincitrice|laureato|laureata|laureat|"
                     r"laureate|\w*preistrager(?:in)?|gewinner(?:in)?|winnaar|laureaat|zwyciezca|zwyciezczyni|mshindi|"
                     r"pemenang|nagwagi|champion|campeon|campeona|campeao|campea|campione|campionessa|"
                     r"weltmeister(?:in)?|titleholder|vencedora?|"
                     # round 37a: Hungarian, Turkish, Nordic, Indonesian, Czech and Russian winner words ("a 2002-es
                     # Nobel-díjas író", "2006 Nobel ödüllü yazar", "Nobelpristagaren 2016", "peraih Nobel 2014")
                     r"\w*dijas\w*|dijazott\w*|odullu\w*|odulu sahibi|\w*pristagar\w*|\w*prisvinder\w*|"
                     r"\w*prisvinner\w*|peraih|penerima|laureat\w*|nositel\w*|лауреат\w*|обладател\w*|"
                     # round 41a: the verb too ("the norwegian guy who won eurovision 2009", "qui a gagné le Tour 1969")
                     r"won|gewann|gano|gagne|vann|vant|vandt|venceu|vinse|gewonnen|gewen|won het)\b")
_YEAR = re.compile(r"\b(?:18|19|20)\d\d\b")


def _prize_of_year(norm: NormalizedText, detector: str) -> list[Finding]:
    """The laureate of a named prize in a year: the prize, a year and a winner word in one clause (commas end it)."""
    out: list[Finding] = []
    lower = norm.lower
    for m in _PRIZE_NAME.finditer(lower):
        lo = max(0, m.start() - 60)
        cut = [i for i in range(lo, m.start()) if lower[i] in ",.;:!?"]
        start = cut[-1] + 1 if cut else lo
        stop = re.search(r"[,.;:!?]", lower[m.end():m.end() + 60])
        part = lower[start:m.end() + (stop.start() if stop else 60)]
        if not (_YEAR.search(part) and _WINNER.search(part)) or context.indefinite_before(lower, m.start()):
            continue
        s0, e0 = norm.span(m.start(), m.end())
        out.append(Finding(kind="public_figure", score=0.72, start=s0, end=e0, text=norm.original[s0:e0],
                           detector=detector, canonical=None,
                           explanation="indirect reference to one real person (the laureate of a named prize in a year)"))
    return out


_ORDINAL_OFFICE = re.compile(r"the (\d{1,4}) ?(?:st|nd|rd|th) ([a-z]+(?: minister| president| pontiff)?)")


def _beyond_count(phrase: str) -> bool:
    """Whether "the <n>th <office>" counts more holders than the office has had (round 37a)."""
    m = _ORDINAL_OFFICE.match(phrase)
    return m is not None and implausible_ordinal(int(m.group(1)), m.group(2))


def _named_founders(norm: NormalizedText, detector: str) -> list[Finding]:
    """"the late Apple cofounder": a capitalised company word before founder/CEO ("the startup founder" is anyone;
    capitals say nothing in an all-caps or Title Case prompt)."""
    if context.is_all_caps(norm.text) or context.is_title_case(norm.text):
        return []
    out = []
    for m in _NAMED_FOUNDER.finditer(norm.text):
        if context.indefinite_before(norm.lower, m.start()):
            continue
        start, end = norm.span(m.start(), m.end())
        out.append(Finding(kind="public_figure", score=0.72, start=start, end=end, text=norm.original[start:end],
                           detector=detector, canonical=None,
                           explanation="indirect reference to one real person (the founder or chief of a named company)"))
    return out


# Round 22a: first words of a kind of work, not a title ("the french author of cookbooks", "the japanese director of
# horror films"): after a nationality + role, a prompt written without capitals names a work only when none leads
_KIND_OF_WORK = re.compile(r"(?:films?|movies?|books?|novels?|songs?|music|poems?|poetry|paintings?|portraits?|"
                           r"landscapes?|art|cookbooks?|comics?|manga|anime|horror|romance|children s|childrens|kids|"
                           r"fantasy|science|historical|short|many|several|numerous|popular|famous|classic|modern|"
                           r"documentaries|documentary|operas?|symphonies|plays?|stories|series|shows?|ads?|commercials?|"
                           r"recipes?|dishes|food|buildings?|houses?|furniture|games?|video games?|detective|crime|"
                           r"mystery|thrillers?|love|pop|rock|jazz|folk|traditional|religious|sacred)\b")


def _lowercase_title(text: str, key: str, at: int) -> bool:
    """Whether the words at ``key[at:]`` may be a work's title written without capitals: the whole prompt has none
    (capitals say nothing then), and the words are no kind of work ("spirited away", not "horror films")."""
    return not any(c.isupper() for c in text) and _KIND_OF_WORK.match(key, at) is None


def _named_object(text: str, start: int, words: int = 4) -> bool:
    """Whether a capitalised word or a number comes within the first ``words`` words from ``start``."""
    rest = text[start:start + 15 * words]
    if re.match(r"\s*[\"“«„]\w", text[start - 2:start + 2] if start >= 2 else rest):
        return True  # round 20a: a quoted title ("the singer of "pata pata"") names a work in any case
    if context.is_all_caps(text):
        return bool(re.match(rf"^\W*(?:\S+\s+){{0,{words - 1}}}?\d", rest))
    if words == 4:
        return bool(_NAMED_OBJECT.match(rest))
    return bool(re.match(rf"^\W*(?:\S+\s+){{0,{words - 1}}}?(?:[A-Z]|\d)", rest))
