"""Words around a name that say whether a person is meant, whatever the capitals.

CLIP-style text encoders lower-case the prompt, so "drake on stage", "DRAKE ON STAGE"
and "Drake on stage" reach the image model as the same tokens. For a name that is also
an everyday word ("swift", "sting", "gates"), the words around it decide: "drake
performing on stage" is the rapper, "a mallard drake swimming" is a duck. All functions
take the *normalised, lower-cased* prompt and character offsets into it.
"""

from __future__ import annotations

import re
import unicodedata

from .context import FUNCTION_WORDS, word_set

_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?")


def _strip_marks(text: str) -> str:
    """``text`` without accents, as the prompt normaliser writes words ("chanté" -> "chante", "śpiewa" -> "spiewa")."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _with_folded(words: frozenset[str]) -> frozenset[str]:
    """A lexicon with each word also written without accents (round 20b)."""
    return words | frozenset(_strip_marks(w) for w in words)

# Actions people (rather than ducks, rivers or ice) are pictured doing, as they follow a
# name: "trump waving", "adele sings". Lexicon of -ing and third-person forms.
PERSON_ACTIONS = word_set("""
singing sings rapping raps dancing dances performing performs smiling smiles laughing laughs grinning
waving waves speaking speaks talking talks giving gives presenting presents posing poses wearing wears
holding holds eating eats drinking drinks smoking smokes riding rides driving drives reading reads
writing writes cooking cooks yelling yells shouting shouts crying cries hugging hugs kissing kisses
shaking shakes celebrating celebrates playing plays flexing flexes dunking dunks signing signs painting
paints sketching sketches working works praying prays boxing boxes punching punches kneeling kneels
saluting salutes winking winks frowning frowns typing types golfing golfs skiing skis surfing surfs
lifting lifts texting texts greeting greets meeting meets visiting visits addressing addresses
campaigning campaigns debating debates testifying testifies preaching preaches teaching teaches
lecturing lectures acting acts starring stars rehearsing rehearses strumming strums tweeting tweets
arguing argues jogging jogs hiking hikes dining dines shopping shops taking takes making makes
interviewing interviews answering answers pointing points clapping claps cheering cheers scoring scores
kicking kicks batting bats pitching pitches serving serves training trains sprinting sprints
conducting conducts directing directs filming films shooting shoots photographing photographs
inventing invents experimenting experiments lecturing studying studies thinking thinks listening
listens watching watches looking looks staring stares shrugging shrugs sweating sweats
celebrating wrestling wrestles vaping vapes sipping sips toasting toasts announcing announces
meditating meditates relaxing relaxes sunbathing sunbathes partying parties
aiming aims streaming streams gaming skating skates rollerskating
""")

# The same actions in Spanish, Portuguese, Italian, French and German, as they follow a name (round 19b):
# "Zaz chantant dans le métro", "Ozuna cantando", "Mahmood sorridendo", "Nena winkend".
PERSON_ACTIONS_I18N = word_set("""
cantando bailando rapeando actuando sonriendo riendo saludando hablando posando leyendo escribiendo cocinando
firmando predicando presentando comentando narrando entrevistando transmitiendo celebrando gritando abrazando
besando rezando dancando dançando sorrindo rindo acenando falando lendo escrevendo cozinhando apresentando
comemorando ballando sorridendo ridendo salutando parlando leggendo scrivendo cucinando esibendosi
chantant dansant souriant riant saluant parlant posant lisant ecrivant écrivant cuisinant rappant presentant
présentant singend tanzend lachelnd lächelnd lachend winkend
""")
# Round 20b: what a performer or presenter does, in the present, the past and the perfect, in English, Spanish,
# Portuguese, Italian, French, German and Dutch, right after a one-word stage name: "Mahmood canta", "Zaz chantait",
# "Nena sang", "Anitta cantou", "Stromae se produit". Lexicon of forms (no stemming: "canto" is a noun too).
PERFORMING_VERBS = _with_folded(word_set("""
sang sung danced rapped performed smiled laughed waved spoke hosted presented posed preached lectured starred
rehearsed strummed
canta cantó cantaba cantaban baila bailó bailaba rapea rapeó actúa actua actuó actuaba presenta presentó
conduce condujo sonríe sonrie sonrió saluda saludó predica predicó
cantou cantava dança danca dançou dancou dançava apresenta apresentou apresentava sorri sorriu acena acenou
cantò cantava balla ballò ballava rappa rappava recita recitò conduce condusse conduceva presentava sorride
sorrise saluta salutò esibisce esibì esibiva
chante chantait chanta danse dansait dansa rappe rappait présente présentait presentait animait
sourit souriait salue saluait
singt sang tanzt tanzte rappt rappte moderiert moderierte performt performte lacht lachte lächelt lachelt
lächelte winkt winkte predigt
zingt zong danst danste presenteert lacht zwaait
śpiewa śpiewał śpiewała tańczy tańczył tańczyła występuje występował występowała rapuje rapował
sjunger sjöng dansar dansade uppträder synger sang danser dansede opptrer optræder
zpívá zpíval zpívala tančí tančil vystupuje cântă dansează zâmbește
bernyanyi menari tampil
يغني يغنى بيغني تغني بتغني غنى غنت يرقص ترقص بيرقص
"""))
# (round 40c: Arabic "sings", "is singing", "sang", "dances" after a stage name: "Wegz بيغني في مهرجان")
# A verb that needs its helper first: "se produit", "si esibisce", "se apresenta", "tritt auf", "a chanté",
# "ha cantato", "hat gesungen", "heeft gezongen", "has sung", "está cantando", "sta cantando", "en train de chanter"
_AUX_PERFORMING = re.compile(_strip_marks(
    r"(?:se|si|s'|sich) ?(?:produit|produisait|esibisce|esibiva|esibì|presenta|presentó|apresenta|apresentou|"
    r"exhibe)\b"
    r"|(?:tritt|trat|treedt|trad) (?:\w+ ){0,3}?(?:auf|op)\b"
    r"|(?:a|avait|ha|aveva|hat|hatte|heeft|had|has|have|hizo) (?:chanté|dansé|rappé|présenté|animé|cantato|ballato|"
    r"rappato|presentato|condotto|gesungen|getanzt|gerappt|moderiert|performt|gezongen|gedanst|sung|danced|"
    r"rapped|performed|hosted)\b"
    r"|(?:está|esta|estaba|estava|sta|stava|stanno|est) (?:\w+(?:ando|endo|iendo|indo))\b"
    r"|en train d(?:e |')(?:chanter|danser|rapper|tourner|filmer|streamer|jouer|parler|présenter|presenter|"
    r"animer|poser|cuisiner|lire|écrire|ecrire|signer|enregistrer|sourire|rire|saluer|interviewer|dédicacer)\b"
    # German "beim" + a verb made noun that people do: "beim Zocken", "beim Singen", "beim Interview"
    r"|(?:beim|bei dem) (?:zocken|gamen|streamen|singen|tanzen|rappen|auftritt|auftreten|interview|kochen|"
    r"moderieren|lesen|schreiben|malen|reden|sprechen|posieren|predigen|unterrichten|autogrammeschreiben|"
    r"konzert|live-auftritt|training|joggen|feiern)\b"))
# Spanish gerunds of English loan verbs, said of people online and on stage: "streameando", "tuiteando",
# "perreando", "freestyleando", "tiktokeando"
_LOAN_GERUND = re.compile(r"(?:stream|tuit|twitt|tweet|gam|rap|chat|post|twerk|perr|surf|box|blogu|vlogu|flex|"
                          r"tiktok|freestyl|troll|spam|googl|scroll|shopp|selfi|live|djey|mixe|beatbox|"
                          r"skat|lookea|spoil|react)eando")

# Places and occasions where people are pictured: "trump at a rally", "drake on stage".
PERSON_SETTINGS = word_set("""
stage rally rallies podium concert concerts tour gig festival carpet premiere interview conference
press campaign parliament senate congress summit debate gala ceremony gym studio office courthouse
court trial jail prison photoshoot paparazzi oscars grammys grammy met show talkshow set lecture
speech inauguration funeral wedding birthday party parade protest march meeting cabinet throne
laboratory lab locker dugout sideline podcast livestream stream microphone mic halftime bowl olympics
finals match
concierto conciertos escenario tarima palco concerto konzert buhne konser sahne scene gira turne
sanremo eurovision coachella glastonbury roskilde lollapalooza tomorrowland primavera rock-in-rio
""")
# round 21b: where performers and streamers work, in the languages of the stage-name prompts ("Ninho en studio",
# "Ibai en su setup de streaming", "Nena im Tonstudio", "sul palco dell'Ariston"): studios, streaming setups,
# stages and concert halls known by name (no plain venue nouns: "hopper theater interior" stays a style reference)
PERSON_SETTINGS = _with_folded(PERSON_SETTINGS | word_set("""
studio studios estudio estúdio tonstudio aufnahmestudio opnamestudio setup streaming streams directo diretta
twitch livestreaming recording booth cabine vocalbooth panggung pentas ring octagon
scène escenarios palcoscenico bühne podio pódio estrado
olympia bercy zénith zenith ariston wembley konzertsaal konzerthalle showcase festivals tournée tournee
scenie koncercie festiwalu estradzie pódiu podiu koncertě koncerte jevišti scenă scena scenen сцене концерте фестивале
micrófono micrófonos microfono microfoni microfone microfones microphones microfoon mikrofon mikrofonem mikrofonu
mikrofonla микрофоном микрофон headset headsets auriculares cascos
awards filmfare iifa iifas bafta baftas emmys goyas cesars victoires brits amas vmas mtv sanremo festivalbar
berlinale mostra
"""))
# (round 36b: award shows and film festivals where stars are photographed, "at the Filmfare awards", "aux Victoires")
# (round 26b: a microphone or a streaming headset in the languages of the streamer prompts: "Ibai con micrófono")
# A performance place said in one word with a locative suffix (Turkish "konserde" at the concert, "sahnede" on stage)
_SETTING_LOCATIVE = frozenset(["konserde", "konserinde", "sahnede", "sahnesinde", "festivalde", "turnede",
                               # round 25b: Hungarian and Finnish say "on stage"/"at the concert" in one word too
                               "színpadon", "szinpadon", "koncerten", "lavalla", "konsertissa", "keikalla"])

# What people have, wear or are with: "darwin with a long white beard", "jolie in a black gown".
PERSON_ATTRIBUTES = word_set("""
face faces body eyes hair hairstyle haircut beard moustache mustache wig sunglasses glasses smile
lips tattoo tattoos makeup lipstick suit tuxedo gown dress jersey uniform kurta outfit costume bra
jumpsuit jacket hat crown fans wife husband kids children family bodyguards supporters girlfriend
boyfriend entourage bandmates teammates selfie autograph portrait headshot
mask maske masque mascara tracksuit survetement survêtement chandal tuta trainingsanzug giacca chaqueta veste
jacke chemise camisa camicia hemd gafas lunettes occhiali sonnenbrille
shirt tshirt hoodie sweater sweatshirt coat blazer vest skirt jeans overalls headset headphones
rollerskates rollerblades skates kimono sari saree hanbok qipao cheongsam bikini swimsuit pajamas raincoat apron
anzug smoking kleid abendkleid zöpfe zoepfe trenzas trenza rastas barba bigote vestido traje tranças trancas trecce
abito completo kostüm kostuem mantel
frack gehrock lederhose lederhosen dirndl lederjacke krawatte fliege gurtel mutze pailletten paillettenkleid
cinturon corbata pajarita chupa cazadora lentejuelas gorra boina esmoquin
cravatta papillon giubbotto paillettes cravate noeud blouson perfecto casquette
""")

# Roles and descriptions that, right before a name, make it a person: "rapper drake".
PERSON_ROLES = word_set("""
rapper singer actor actress president senator governor chancellor minister pope king queen prince
princess emperor empress dictator general chef painter artist sculptor photographer director poet
writer author scientist inventor physicist billionaire mogul ceo founder footballer striker
quarterback player athlete boxer wrestler driver champion coach comedian host presenter popstar
star legend icon musician guitarist bassist drummer pianist composer dj producer model influencer
young old elderly teenage teen baby little evil angry happy sad smiling crying zombie cyborg chibi
superhero knight wizard astronaut pirate cowboy samurai vampire soldier warrior viking detective
mr mrs ms dr sir dame lord lady saint st
streamer youtuber twitcher vlogger blogger tiktoker podcaster gamer commentator broadcaster anchor newsreader
anchorman anchorwoman televangelist
""")
# Words of PERSON_ROLES that describe rather than name an occupation: "gates the old ..." is no appositive
_DESCRIPTIVE_ROLES = word_set("""young old elderly teenage teen baby little evil angry happy sad smiling crying zombie
cyborg chibi mr mrs ms dr sir dame lord lady saint st star legend icon king queen prince princess""")
# Roles of fairy tales and games: "ninja the old warrior" is a character, no stage name
_FANTASY_ROLES = word_set("""superhero knight wizard astronaut pirate cowboy samurai vampire soldier warrior viking
detective general emperor empress dictator champion player driver""")
# Performance places a person goes onto or appears at, after one verb of any tense ("Mahmood sale sul palco",
# "Stromae arrive sur scène"): settings of PERSON_SETTINGS that only people are pictured at
_PERFORMANCE_PLACES = _with_folded(word_set("""stage podium concert concerts gig festival carpet premiere rally palco escenario
tarima konzert buhne bühne scene scène sanremo eurovision coachella glastonbury talkshow
studio estudio estúdio tonstudio streaming setup palcoscenico olympia bercy zénith ariston wembley tournée
filmfare iifa awards victoires festivalbar
panggung pentas entablado ring octagon"""))
# (round 40c: Indonesian and Malay stages "di panggung dangdut", a boxing ring or a cage-fighting octagon after a verb:
# "Inul ngebor di panggung", "Canelo en el ring")

# Nouns for a picture of someone: "portrait of cher", "selfie with bad bunny".
DEPICTION_NOUNS = word_set("""
portrait portraits photo photos photograph photographs picture pictures pic image images selfie
headshot closeup painting drawing sketch caricature cartoon statue bust figurine
poster mural render rendering likeness face body shot snapshot
""")

# Nouns for a thing that shows the person, when they follow a thing noun ("magazine cover").
DEPICTION_MEDIA = word_set("""
cover covers poster posters mural murals statue statues bust busts portrait portraits photo photos
photograph picture pictures selfie mask masks figurine figure figures doll dolls bobblehead
caricature cartoon stamp banknote cutout lookalike impersonator cosplay costume tattoo
""")

# Words before a noun that make the next word a common noun, not a name: "a drake", "many jobs".
DETERMINERS = word_set("""
a an the this that these those some any every each no many few several all both another other
its one two three four five six seven eight nine ten dozen
un une des les le la el los las una unos unas der die das ein eine einen einem einer il lo gli uno
""")

# Nouns that end in -ing and modify the next noun like any other ("wedding usher", "evening rain").
_ING_NOUNS = word_set("""wedding building evening morning spring ceiling clothing wing king ring string ding
sibling pudding stuffing icing frosting parking shipping housing""")
_OBJECT_START = word_set("a an the his her their its some this that")
_PERSON_PREP = word_set("on at in with during inside outside onstage backstage behind en em no na sur auf im beim "
                        "durante dans au nel sul sulla di live con mit avec com met "
                        # round 19b: "al Festival di Sanremo", "alla premiere", "ao show", "aux Victoires", "zum Konzert"
                        "al alla allo ai agli alle ao aos aux zum zur bij op tijdens pendant")
# Italian and French prepositions elided onto the article of the place after them ("all'Ariston", "sull'Olympia")
_ELIDED_PREP = frozenset(["all", "sull", "nell", "dall", "l"])
_CUE_BEFORE = re.compile(r"(?:(?:dressed|disguised|cosplay\w*|costume\w*) as|selfie with|photo with|"
                         r"picture with|meet(?:s|ing)?|hug(?:s|ging)?|interview(?:s|ing)?|featuring|feat|ft|"
                         r"starring|with the face of|looks? like|lookalike of)\s*$")
# a relative pronoun before a performing verb: "Mina che canta", "Zaz qui chante", "Nena die singt" (round 25b)
_RELATIVE = word_set("che que qui who die der som")
_PARTICLE_BEFORE = re.compile(r"(?:\b(?:de|di|da|von|van|of) |\bd['’])$")

# ", the singer" / ", el cantante" / ", der Rapper" right after a name: an appositive role
_APPOSITIVE_ROLE = re.compile(
    r"(?:\s*\([^()]{1,40}\)|\s+[^\x00-\u024f\s,]{1,20})?(?:\s*,\s*(?:(?:the|el|la|il|lo|le|der|die|o|a|um|uma|un|une|ein|eine)\s+)?|"
    r"\s+(?:the|el|la|il|lo|le|der|die|o|um|uma|un|une|ein|eine)\s+)([^\W\d_]+)(?:\s+([^\W\d_]+))?")
# round 34b: the appositive may carry a native spelling (in brackets, which normalising may drop) and one word before
# the role: "Rain (비) the korean singer", "X, the french rapper", "X, la cantante italiana"
# Performer roles of other languages, for the appositive (PERSON_ROLES is English)
_PERFORMER_ROLES_I18N = word_set("""cantante cantantes cantautor cantautora cantautore rapero rapera rappeur rappeuse
chanteur chanteuse sanger sangerin saenger saengerin cantora cantor musicista musico musica musicien musicienne musiker
musikerin trapero
streameur streameuse youtubeur youtubeuse animateur animatrice presentador presentadora apresentador apresentadora
conduttore conduttrice moderator moderatorin comentarista streamerin youtuberin""")
_OCCUPATIONS = PERSON_ROLES - _DESCRIPTIVE_ROLES - _FANTASY_ROLES
#: occupations and titles (no age, mood or fantasy word) that may stand right before a name
OCCUPATIONS = _OCCUPATIONS
# round 40c: a music scene or genre, then a title said of its stars, in an appositive ("the dancehall queen", "the
# afrobeats star", "the bollywood diva"): a title after a genre names a performer, never a thing
_MUSIC_SCENES = word_set("""dancehall reggae reggaeton afrobeats afrobeat amapiano bongo dangdut kpop jpop cpop bollywood
tollywood kollywood lollywood nollywood hiphop rap pop rock punk disco salsa bachata cumbia merengue qawwali bhangra
highlife soca calypso rai mahraganat gqom kwaito zouk kizomba kuduro funk sertanejo forro""")
_SCENE_TITLES = word_set("queen king star superstar legend icon idol diva prince princess sensation heartthrob")
# round 34b: a performer's, actor's or athlete's role of another language right BEFORE a one-word name ("la cantante
# Mina", "der Sänger Falco", "le rappeur Jul", "la streameuse X", "il calciatore X"): the English PERSON_ROLES only
# covered "rapper drake"; these are words said of a person, never an adjective of a thing (accents folded)
ROLES_BEFORE_I18N = _PERFORMER_ROLES_I18N | word_set("""
cantautrice chanteuses cantantes rapperin rappers rapperos raperos rappeurs chanteurs sangers sangerinnen
actor actriz attore attrice acteur actrice schauspieler schauspielerin ator atriz comico comica humoriste humorista
komiker komikerin comedienne comediante
streamers streameuse streamerin twitchero youtubers youtubero youtubera tiktokera tiktokero influencerin
popsanger popsangerin schlagersanger schlagersangerin liedermacher liedermacherin cantaor cantaora bailaor bailaora
zanger zangeres sangerska sangare laulaja piosenkarz piosenkarka raper raperka zpevak zpevacka enekes enekesno
sarkici sanatci aktor aktorka aktris
futbolista futbolistas calciatore footballeur fussballer fussballspieler jogador jogadora tenista tennista
tennisspieler tennisspielerin pilota piloto rennfahrer ciclista radprofi boxeador pugile boxeur boxer
""")
# performer roles that may follow a stage name with no article or comma ("Badshah rapper", "Ibai streamer"): words
# said of a performer, never of a thing the alias may also mean (round 24b)
_ROLE_RIGHT_AFTER = _PERFORMER_ROLES_I18N | word_set("""rapper rappers singer songwriter streamer streamers youtuber
tiktoker vlogger influencer comedian standup dj drummer guitarist bassist pianist vocalist frontman frontwoman
rapperin sängerin saengerin rappeur rappeuse rapera rapero cantante cantora youtuberin streamerin popstar""")
# a generic "doing" verb whose object is something only a person does ("haciendo stream", "fazendo live")
_DOING = word_set("haciendo fazendo facendo doing making faisant macht beim")
_DOING_WHAT = word_set("""stream streams streaming directo directos live lives vlog vlogs freestyle rap podcast tiktok
tiktoks reacciones reaction reactions unboxing concierto concerto show shows karaoke
signe sign signo segno gesto geste gesture gestures pose poses selfie selfies""")
# (round 36b: a hand sign or a pose is a person's too: "JuL faisant le signe avec la main", "X haciendo el signo")
_DOING_ARTICLES = frozenset(["le", "la", "les", "un", "une", "el", "los", "las", "il", "lo", "o", "a", "the", "der",
                             "die", "das", "den", "ein", "eine", "uno", "una", "um", "uma", "his", "her", "son", "sa",
                             "su", "sein", "seine", "ihr", "ihre", "seu", "sua"])
_DEPICTION = r"\b(?:close[- ]?up|" + "|".join(sorted(DEPICTION_NOUNS)) + r")"
_DEPICTION_OF = re.compile(_DEPICTION + r" of\s*$")
# round 22a: "foto de X", "ritratto di X", "Foto von X", "zdjęcie X", "picha ya X", "larawan ni X": the same cue in other
# languages (accents are off in ``lower``); the mention right after it is what is pictured, not a style credit
_DEPICTION_OF_I18N = re.compile(
    r"\b(?:(?:foto|fotografia|fotografie|retrato|ritratto|imagen|imagem|immagine|dibujo|desenho|disegno|pintura|"
    r"caricatura|selfie|primer plano|primo piano|photo|portrait|dessin|image|tableau|gros plan) (?:de|di|da|do|del|"
    r"della|dello|des|du|d')|(?:foto|bild|portrat|portraet|gemalde|zeichnung|aufnahme|nahaufnahme) (?:von|vom)|"
    r"(?:zdjecie|portret|fotka|obraz|rysunek|fotografie|portret van|foto van|tekening van|schilderij van|"
    r"foto av|portratt av|bild av|billede af|foto af)|(?:picha|mchoro) ya|(?:larawan|litrato|guhit) ni|"
    r"(?:foto|gambar|potret|lukisan) (?:dari )?|anh|tranh ve)\s*$")
_DEPICTION_OF_OR_WITH = re.compile(_DEPICTION + r" (?:of|with)\s*$")
# "photo of" with its preposition in the Romance and Germanic prompt languages (round 28b)
_PICTURE_OF_I18N = re.compile(r"\b(?:foto|fotografia|fotografie|photo|pasfoto|bewerbungsfoto|profilbild|profilfoto) "
                              r"(?:de|di|da|do|del|della|dello|des|du|d'|von|vom|van|av|af)\s*$")
_PRONOUN_CUES = re.compile(
    r"\b(?:his|her|their)\s+(?:own\s+)?(?:face|body|eyes|hair|smile|features|likeness|head|lips|portrait|"
    r"selfie|beard|moustache|mustache|expression)\b"
    r"|\b(?:he|she)\s+(?:is|was|'s|stands|sits|smiles|waves|poses|looks|wears|holds|[a-z]+ing)\b"
    r"|\b(?:him|her|them)\s+[a-z]+ing\b"
    r"|\b(?:portrait|photo|picture|close-?up|selfie|image|shot|painting|drawing) of (?:him|her|them)\b"
    r"|\b(?:himself|herself|themselves|in person)\b")


def _adjacent_word_before(lower: str, start: int) -> str | None:
    """The word right before ``start`` when only spaces separate them, else None."""
    m = re.search(r"([^\W_]+(?:'[^\W_]+)?)( +)$", lower[max(0, start - 40):start])
    return m.group(1) if m else None


def _clause_after(lower: str, end: int, n: int = 5) -> list[str]:
    """Up to ``n`` words after ``end``, stopping at the end of the clause (, ; . : !)."""
    stop = re.search(r"[,;.:!?|]", lower[end:end + 120])
    region = lower[end:end + (stop.start() if stop else 120)]
    return [m.group() for m in _WORD.finditer(region)][:n]


def determiner_before(lower: str, start: int) -> bool:
    """Whether an article or quantifier comes right before: "a drake", "the gates", "many jobs"."""
    word = _adjacent_word_before(lower, start)
    return word is not None and word in DETERMINERS


def modifier_before(lower: str, start: int) -> bool:
    """Whether a plain word modifies the next one: "bee sting", "iron gates", "kids munch".

    Function words, -ing/-ed words, roles ("rapper drake") and picture nouns ("photo
    trump") do not count: they leave the next word free to be a name.
    """
    word = _adjacent_word_before(lower, start)
    if (word is None or word in FUNCTION_WORDS or word in PERSON_ROLES or word in DEPICTION_NOUNS
            or word in ROLES_BEFORE_I18N):
        return False
    if word in _SW_OF and _adjacent_word_before(lower, start - len(word) - 1) in _SW_PICTURE:
        return False  # round 35b: Swahili "picha ya Nandy" (a picture of): the connective leaves the name free
    return word in _ING_NOUNS or not re.search(r"(?:ing|ed)$", word)


# round 35b: Swahili connectives "of" after a picture word ("picha ya", "video ya", "mchoro wa")
_SW_OF = frozenset(["ya", "wa", "za", "cha"])
_SW_PICTURE = frozenset(["picha", "taswira", "mchoro", "video", "sura", "uso"])
# round 23a: "an old teddy bear", "a little drake", "some young swifts": an age word after an indefinite article or
# quantifier describes a thing or an animal; "young elvis", "the old drake" still point at the person
_AGE_WORDS = word_set("young old little elderly")
_INDEFINITE_BEFORE_AGE = word_set("a an some any two three several many few one another every each")


def _age_word_of_a_thing(lower: str, start: int, word: str) -> bool:
    if word not in _AGE_WORDS:
        return False
    before = _adjacent_word_before(lower, start - len(word) - 1) if start > len(word) else None
    return before is not None and before in _INDEFINITE_BEFORE_AGE


def person_evidence(lower: str, start: int, end: int) -> str | None:
    """Why the words around ``lower[start:end]`` say a person is meant, or None.

    Before: a role ("rapper drake"), "portrait of", "selfie with", "dressed as",
    "featuring". After: an action ("drake performing"), "'s face", "as a knight",
    "on stage", "at a rally", "in a tuxedo", "with a long white beard".
    """
    word = _adjacent_word_before(lower, start)
    if word is not None and word in PERSON_ROLES and not _age_word_of_a_thing(lower, start, word):
        return "a role before the name"
    if word is not None and word in ROLES_BEFORE_I18N:
        return "a role before the name"  # round 34b: "la cantante Mina", "der Sänger Falco"
    head = lower[max(0, start - 40):start]
    if _CUE_BEFORE.search(head) or _DEPICTION_OF_OR_WITH.search(head):
        return "a picture or meeting cue before the name"
    if ("fo" in head or "pho" in head or "bild" in head) and _PICTURE_OF_I18N.search(head):
        # round 28b: "una foto de bad bunny", "foto di X", "Foto von X": the cue "photo of" has in English, also in
        # the other languages (with the preposition: a bare "foto X" may be a caption of a thing)
        return "a picture cue before the name"
    appositive = _APPOSITIVE_ROLE.match(lower, end)
    if appositive:
        role, second = appositive.group(1), appositive.group(2)
        comma = "," in lower[end:appositive.start(1)]
        if comma and (role in PERSON_ROLES or role in ROLES_BEFORE_I18N):
            return "a role after the name"  # "Quevedo, el cantante canario", "Sido, der Rapper"
        if (second and role not in FUNCTION_WORDS and role not in _FANTASY_ROLES
                and (second in _OCCUPATIONS or second in ROLES_BEFORE_I18N)):
            return "a role after the name"  # round 34b: "X, the korean singer", "Rain (비) the korean singer"
        if second in _SCENE_TITLES and role in _MUSIC_SCENES:
            return "a role after the name"  # round 40c: "Spice the dancehall queen", "X, the afrobeats star"
    after = _clause_after(lower, end)
    if not after:
        return None
    if after[0] in ("a", "\u00e0") and len(after) > 1 and after[1] in PERSON_SETTINGS:
        return "a performance place"  # Italian/French "a Sanremo", "à Coachella"
    if "'" in after[0] and after[0].split("'", 1)[0] in _ELIDED_PREP and after[0].split("'", 1)[1] in PERSON_SETTINGS:
        return "a performance place"  # round 36b: an elided preposition and article, "all'Ariston", "nell'Olympia"
    if after[0] in ("'s", "s") and lower[end:end + 1] in ("'", "\u2019") and len(after) > 1:
        return "a face, body or outfit of the name" if after[1] in PERSON_ATTRIBUTES else None
    if after[0] in _ROLE_RIGHT_AFTER:
        return "a role after the name"  # round 24b: "Badshah rapper", "Ibai streamer", "Nena Sängerin"
    if after[0] in _DOING and len(after) > 1 and (after[1] in _DOING_WHAT or (
            after[1] in _DOING_ARTICLES and len(after) > 2 and after[2] in _DOING_WHAT)):
        return "an action people do"  # round 24b: "Ibai haciendo stream", "X fazendo live", "X doing a freestyle"
    if after[0] in PERSON_ACTIONS:
        return "an action people do"
    if after[0] in PERSON_ACTIONS_I18N or _LOAN_GERUND.fullmatch(after[0]):
        return "an action people do"
    if after[0] in _SETTING_LOCATIVE:
        return "a performance place"
    if (after[0] in _RELATIVE and len(after) > 1
            and after[1] in PERFORMING_VERBS and not _PARTICLE_BEFORE.search(lower, max(0, start - 6), start)):
        # (not after a particle: "San Francesco d'Assisi che predica" is the saint, the place is no stage name)
        return "an action people do"  # round 25b: "Mina che canta", "Zaz qui chante", "Lali que baila"
    if after[0] in PERFORMING_VERBS:
        return "an action people do"  # round 20b: any tense, six languages ("Mahmood canta", "Nena sang")
    if _AUX_PERFORMING.match(lower, end + 1 if lower[end:end + 1] == " " else end):
        return "an action people do"  # "se produit", "hat gesungen", "en train de tourner", "beim Zocken"
    if (after[0] in ("the", "el", "la", "il", "le", "der", "die", "o", "a") and len(after) > 1
            and any(w in _OCCUPATIONS or w in _PERFORMER_ROLES_I18N for w in after[1:3])):
        return "a role after the name"  # round 20b: "ninja the fortnite streamer", "Sido der Rapper"
    if (len(after) > 2 and after[1] in _PERSON_PREP
            and any(w in _PERFORMANCE_PLACES for w in after[2:5])):
        return "a performance place"  # round 20b: a verb, then "on stage" ("Mahmood sale sul palco")
    if after[0].endswith("ing") and len(after) > 1 and after[1] in _OBJECT_START:
        return "an action done to something"  # "lincoln delivering the address"; a duck swims *in* a pond
    if after[0] == "as" and len(after) > 2 and after[1] in ("a", "an", "the") and after[2] in PERSON_ROLES:
        return "a role after the name"
    if after[0] in _PERSON_PREP and any(w in PERSON_SETTINGS or w in PERSON_ATTRIBUTES for w in after[1:5]):
        return "a setting or outfit people are pictured in"
    if after[0] in _PERSON_PREP and any(w in _PERFORMANCE_PLACES for w in _clause_after(lower, end, 9)[5:]):
        # round 21b: an outfit first, then the stage ("Dalida en robe blanche sur la scène de l'Olympia")
        return "a performance place"
    return None


def asks_for_person(lower: str) -> bool:
    """Whether the prompt asks for someone's face or body by pronoun ("close-up of her face", "he is waving")."""
    return bool(_PRONOUN_CUES.search(lower))


def depiction_of(lower: str, start: int, end: int) -> bool:
    """Whether this mention itself is what is pictured: "portrait of X", "X's face"."""
    head = lower[max(0, start - 40):start]
    if _DEPICTION_OF.search(head) or _DEPICTION_OF_I18N.search(head):
        return True
    after = _clause_after(lower, end, 2)
    return (len(after) == 2 and after[0] in ("'s", "s") and lower[end:end + 1] in ("'", "\u2019")
            and after[1] in PERSON_ATTRIBUTES - {"selfie", "autograph", "fans", "supporters"})


def depiction_medium_after(lower: str, end: int) -> bool:
    """Whether a thing that shows the person follows within two words ("magazine cover", "poster")."""
    return any(w in DEPICTION_MEDIA for w in _clause_after(lower, end, 2))
