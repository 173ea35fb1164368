"""Personalisation and likeness cues: DreamBooth tokens, LoRA/TI tags, "looks like".

* DreamBooth rare tokens before a person class ("sks person", "ohwx man", "zwx woman").
* ``<lora:name:weight>`` / ``<lyco:...>`` / ``<hypernet:...>`` tags and textual-inversion
  tokens (``<my-face>``, ``embedding:name``): identity-seeking when the tag names a
  person (first name in the lexicon, "face", "person", ...), a weak signal otherwise.
* Likeness phrases ("looks like", "lookalike", "with the face of", "deepfake of"):
  identity-seeking when they point at someone ("looks like my boss", "... Taylor
  Swift"), weak when they point at a thing ("looks like a cat").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..types import Finding
from . import person_cues, romanised
from .builtin_indexes import builtin_index, non_person_spans, visual_artists
from .context import ANIMALS_OBJECTS, COMMON_WORDS, FUNCTION_WORDS, STYLE_TAG_WORDS, THING_NOUNS, word_set
from .normalize import HARD_SCAN_LIMIT, NormalizedText, match_key, normalize
from .resources import SHARED_CACHE, ResourceCache, english_zipf, load_dictionary_words, load_lexicon
from .warmup import warm_up

#: Rare tokens commonly used as DreamBooth identifiers.
RARE_TOKENS = word_set("sks ohwx zwx phol rnk hta olis qwx bnha szn xyz tok sbu vkt mxw ukj zxc "
                        "trp wxq sksperson ohwxman")
_PERSON_CLASS = (r"(?:person|people|man|men|woman|women|boy|girl|guy|lady|gentleman|child|kid|face|"
                 r"portrait|headshot|selfie|character|human|male|female|actor|actress|model|teen|teenager|baby|"
                 r"mann|frau|hombre|mujer|homme|femme)")
_RARE = re.compile(r"(?<![\w<])(?P<tok>[a-z]{2,5})\s+(?:" + _PERSON_CLASS + r")\b", re.IGNORECASE)
# "a photo of sks", "portrait of [V]": an identifier as the whole subject
_RARE_ALONE = re.compile(r"\b(?:photo|picture|portrait|image|painting|selfie|headshot)s? of (?:an? )?"
                         r"(?P<tok>\[v\]|[a-z]{2,5})\b(?! (?:dog|cat|toy|car|style|house|bag|shoe))", re.IGNORECASE)
_V_TOKEN = re.compile(r"\[V\](?=\s*(?:a |an )?" + _PERSON_CLASS + r"\b)", re.IGNORECASE)
# Pets and animals DreamBooth is trained on, by breed too ("a photo of xyz corgi"): object personalisation like
# "sks dog"; breeds that are also person words (boxer, pointer, shepherd) are left out
_PET_ANIMALS = word_set("""
corgi corgis poodle labrador labradoodle goldendoodle husky beagle pug dachshund chihuahua terrier spaniel bulldog
collie shiba akita dalmatian doberman rottweiler pomeranian schnauzer samoyed greyhound whippet sheepdog pup puppies
kitty kittens tabby calico ragdoll sphynx hedgehog ferret chinchilla gecko iguana tortoise axolotl alpaca llama
panda koala otter raccoon squirrel penguin dolphin tiger lion elephant monkey frog cockatiel budgie parakeet
cockatoo macaw donkey pig piglet bunnies guinea hamsters lizard snail
""")
#: breeds and pets (public for the lower-case name rule: "a photo of xyz corgi" is no name)
PET_ANIMALS = _PET_ANIMALS
_NOT_IDENTIFIERS = word_set("mrs mr dr st nth hmm shh brr pst tsk pfft grr zzz cgi dnd rpg mtv bbc cnn nyc lgbt")
_TAG = re.compile(r"<\s*(?P<type>lora|lycoris|lyco|locon|loha|lokr|hypernetwork|hypernet|embedding|ti)\s*:\s*(?P<name>[^:>]{1,120})"
                  r"(?::[^>]{0,40})?>", re.IGNORECASE)
# Round 14a. Other hosts' LoRA syntax: compel's ``withLora(name, weight)`` / ``useLora(name, weight)`` (InvokeAI 2.3
# prompts; compel issue #30). Read like ``<lora:name:weight>``.
_HOST_TAG = re.compile(r"\b(?P<type>withLora|useLora)\(\s*[\"']?(?P<name>[^,()<>\"']{1,120})[\"']?\s*(?:,\s*[-+\d.]+\s*)?\)",
                       re.IGNORECASE)
# round 28a: host syntax without angle brackets ("lyco:markus_person_v2 markus in a suit", "lora:NAME:0.8") reads
# like ``embedding:NAME``
_EMBED = re.compile(r"(?:\b(?:embedding|lora|lyco|lycoris|locon|loha|lokr|hypernet):(?P<e1>[\w.\-]{1,80}))|(?:<(?P<e2>[a-z][\w\-]{1,60})>)", re.IGNORECASE)
_CLASS_AFTER = re.compile(r"\s*(?:,\s*)?(?:a |an |the )?(?:\w+ ){0,2}" + _PERSON_CLASS + r"\b", re.IGNORECASE)
# Korean surnames as romanised in names glued into one tag word ("kimtaehee", "leejieun")
_KO_SURNAMES = ("kim", "lee", "park", "choi", "jung", "jeong", "kang", "cho", "yoon", "jang", "lim", "shin", "han",
                "seo", "kwon", "hwang", "ahn", "song", "yoo", "bae", "jeon", "moon", "son", "baek", "nam")
_PERSONISH = re.compile(r"(?:^|[_\-\s.])(?:face|person|people|man|woman|celeb|celebrity|likeness|portrait|"
                        r"realperson|selfie|me|myself|(?:my)?(?:wife|husband|girlfriend|boyfriend|gf|bf|mom|mum|dad|"
                        r"mother|father|sister|brother|grandma|grandpa|granny|aunt|uncle|cousin|son|daughter|boss|"
                        r"neighbou?r|coworker|colleague|friend|bestie|ex|"
                        # round 30a: people one lives, studies or works with ("jake_myroommate", "anna-classmate")
                        r"roommate|roomie|flatmate|housemate|classmate|workmate|fiancee?|niece|nephew|stepmom|stepdad|"
                        r"hubby|wifey))(?:$|[_\-\s.\d])",
                        re.IGNORECASE)
_LIKENESS = re.compile(
    r"\b(?:spitting\s+image\s+of|dead\s+ringer\s+for|(?:identical\s+)?twin\s+of|looks?\s+(?:just\s+|exactly\s+)?like|looking\s+like|look-?alikes?|doppelg[aä]nger|"
    r"with\s+the\s+face\s+of|(?:the\s+)?likeness\s+of|resembl(?:ing|es|e)|body\s+double\s+of|"
    r"deep\s?fake(?:\s+of)?|face\s?-?swap(?:ped)?(?:\s+with)?|impersonat(?:ing|es|e)|"
    r"sieht\s+aus\s+wie|parecid[oa]\s+a|se\s+parece\s+a|ressemblant\s+[aà]|qui\s+ressemble\s+[aà])\b",
    re.IGNORECASE)
# Relation words before a first name in a LoRA/embedding name ("MyWifeSarah", "grandma_rose")
_TAG_RELATIONS = word_set("""
wife husband girlfriend boyfriend gf bf mom mum mother dad father sister brother grandma grandpa granny aunt
auntie uncle cousin son daughter boss neighbor neighbour coworker colleague friend bestie fiance fiancee
roommate flatmate housemate roomie classmate schoolmate teammate workmate cowoker bff partner stepmom stepdad
stepsister stepbrother stepson stepdaughter niece nephew sis bro hubby wifey
opa oma omi opi mama papa mami papi mamie papy mamma nonna nonno zia zio tia tio tita tito abuela abuelo abuelita
abuelito yaya yayo avo avoh vovo vova vozinha titia madre padre hermana hermano prima primo babcia dziadek babushka
babushka dedushka dziadzio babunia mutti vati tante onkel bruder schwester nana nan nanny gran granny grandad grandpa
grandmother grandfather grandma mormor farmor morfar farfar mummo vaari nagymama nagypapa mamie pepe memere pepere
pai mae mamae papai vovo irmao irma filho filha esposa marido namorada namorado hijo hija esposo novia novio
moglie marito figlia figlio fratello sorella vater mutter vader moeder broer oma opa siostra tata
""")
# round 39b: the relation words above, glued behind an identifier as a trigger ("ohwx_dad", "sks-mom"), are one person
# of the user's life used as the subject
# Round 26a. Words before "face" in a tag that make it a thing, a look or a style, not a person ("clockFace", "animeFace")
_FACE_THINGS = word_set("""clock poker baby doll cat dog smiley happy sad angry anime kitty robot moon sun bear monkey pig
fox tiger lion skull demon angel clown ghost zombie alien monster pumpkin type sur inter pretty cute old young long
round fair straight blank red white black brown yellow paper stone rock cyborg elf orc frog owl perfect beautiful
detail detailed better good nice real fake female male girl boy woman man kid child cartoon chibi emoji mask game
poker doll manga toon lego pixel clay wax marble bronze metal wood watch tired sleepy serious cool fresh clean""")
# round 29b: a look or thing word, then "face", as its own part of a tag name ("poker_face", "doll-face", "clock face")
_THING_FACE = re.compile(r"(?:^|(?<=[_\-\s.]))(?:" + "|".join(sorted(_FACE_THINGS)) + r")[_\-\s.]?face(?=$|[_\-\s.\d])",
                         re.IGNORECASE)
_NOT_NAME_ENDINGS = ("ed", "ful", "ing", "ish", "ese", "ian", "ic", "ous", "less", "est", "er")


# Round 26a. A trigger token the prompt declares ("trigger word brkowalski", "trigger: ohwx", "instance token zkp") and
# then uses before a person class ("photo of brkowalski man"): the token stands for one person's likeness
_TRIGGER_DECL = re.compile(r"\b(?:trigger(?: ?words?| ?tokens?| ?phrase)?|activation (?:words?|tokens?)|instance "
                           r"(?:tokens?|words?|prompt)|identifier token|"
                           # round 39b: "dreambooth token jkmartin", "lora token: xyz", "embedding keyword abc"
                           r"(?:dreambooth|lora|lycoris|lyco|embedding|textual inversion|ti|db|model) "
                           r"(?:tokens?|keywords?|identifier))\s*[:=]?\s*[\"'`]?(?P<tok>[a-z][a-z0-9_]{2,24})\b")


# Round 38a. A trigger word made of a given name and a face or look suffix ("jennyface", "markface_v2", "annalook"),
# written with a LoRA/trigger cue and used as the subject (before a person class or repeated): one person's likeness;
# "facelift" or "bigface" (no given name) stay generic
_NAME_FACE_CUES = ("trigger", "lora", "token", "embedding", "dreambooth", "lyco")
_NAME_FACE = re.compile(r"(?<![\w<:])(?P<tok>(?P<n>[a-z]{3,12})(?:face|faces|look|likeness|selfie|irl|real))"
                        r"(?:_?v\d{1,3})?\b")

# Round 32a. The prompt says what the LoRA or embedding was trained on: someone of the user's ("trained a lora on my dad",
# "dreambooth model of my wife", "fine-tuned on photos of my sister", "a lora of myself")
_TRAINED_ON_PERSON = re.compile(
    r"\b(?:trained|train|training|fine-?tuned|finetuned|made|lora|loras|model|embedding|dreambooth|checkpoint)\b"
    r"[^.;]{0,30}?\b(?:on|of|with)\s+(?:(?:photos|pictures|pics|images|selfies)\s+of\s+)?(?:myself\b|me\b|"
    r"(?:my|our)\s+(?:late\s+|little\s+|big\s+|older\s+|younger\s+|best\s+)?(?:" + "|".join(sorted(
        _TAG_RELATIONS | {"grandmother", "grandfather", "kid", "kids", "baby", "toddler"}, key=len, reverse=True))
    + r")\b)")
# Round 39b. With a declared trigger, "my <relation>" written as the subject ("..., jennifer my roommate taking a
# selfie", "my sister reading"): the trigger was trained on that person ("my dad's car" is a thing of theirs)
_MY_RELATION_SUBJECT = re.compile(r"\b(?:my|our)\s+(?:" + "|".join(sorted(_TAG_RELATIONS, key=len, reverse=True))
                                  + r")\b(?!'s|’s|s\b)")
_RARE_REL = re.compile(r"(?<![\w<:])(?P<tok>(?P<r>[a-z]{2,6})[_\-](?P<rel>[a-z]{2,12}))(?![\w:>])", re.IGNORECASE)
# relation words glued after a given name in a trigger ("rogerdad", "annamom")
_GLUED_RELATIONS = ("dad", "mom", "mum", "wife", "husband", "sister", "brother", "sis", "bro", "gf", "bf", "grandma",
                    "grandpa", "nana", "papa", "mama", "aunt", "uncle", "son", "daughter", "friend", "boss")


# Round 25a. Where the user knows a person from, after a given name in a LoRA name ("mikefromwork", "anna_from_gym")
_KNOWN_FROM = ("work", "school", "office", "gym", "church", "class", "college", "uni", "highschool", "hs", "accounting",
               "hr", "sales", "marketing", "it", "finance", "ops", "nextdoor", "yoga",
               "daycare", "job", "dept", "team", "tinder", "bumble", "hinge", "discord", "reddit",
               "insta", "instagram", "camp", "club", "home")
# Romanised Japanese words: syllables of the Hepburn romanisation ("kiko", "mizuhara", "tsubasa")
_ROMAJI = re.compile(r"(?:(?:[kgsztdnhbpmr]y?|sh|ch|ts|j|f|w|y)?[aeiou]|n(?![aeiouy]))+")
# Digits and signs trainers write for letters in trigger words ("m1ch3ll3", "s4r4h")
_LEET = str.maketrans("0134578@$", "oieastbas")
# Words of LoRA/embedding names that are not the trigger ("jenna_lora_v2", "markus_face_xl").
# Round 40d: makers of cars, motorbikes and scooters that open an object LoRA's name ("my_honda_city")
_VEHICLE_MAKERS = word_set("""honda toyota nissan suzuki mazda subaru mitsubishi hyundai kia tata mahindra maruti proton
perodua vinfast byd chery geely ford chevrolet chevy dodge jeep tesla bmw audi mercedes volkswagen vw porsche ferrari
lamborghini fiat renault peugeot citroen skoda volvo yamaha kawasaki ducati vespa lexus isuzu daihatsu bajaj tvs hero
royal enfield harley kymco piaggio lada gaz uaz""")
_OWNER_WORDS = word_set("my our mine his her their")


def _vehicle_tag(words: list[str]) -> bool:
    """Whether a LoRA name's words open with a vehicle maker ("my_honda_city", "toyota_vios_lora", round 40d).

    A vehicle is an object LoRA; a maker's name after a given name is a surname ("kenji_suzuki_v2").
    """
    content = [w for w in words if w not in _TAG_FILLER and w not in _OWNER_WORDS]
    return bool(content) and content[0] in _VEHICLE_MAKERS
_TAG_FILLER = word_set("lora lyco locon loha lokr lycoris hypernet embedding ti v xl sdxl sd sd15 sd1 pony flux "
                       "final best test epoch step steps model ckpt safetensors pt fp16 bf16 of the a dreambooth db "
                       "finetune ft trained")
# Round 23a. Words a LoRA/embedding name carries when it was trained on one person's likeness ("jessica_realface",
# "davidpark_dreambooth"); with a given name in the same name it is a person (alone, "dreambooth" also trains objects)
_FACE_MARKERS = word_set("realface realfaces reallife irl likeness person realperson facelora faceid headshots "
                         # round 36a: a social-media person's model ("jenny_ig_model", "mara_insta_v2")
                         "ig insta instagram influencer tiktok ofmodel")
_LIKENESS_MARKERS = _FACE_MARKERS | word_set("dreambooth db")
# Round 14a. Words of detail, quality, body-part, pose and style LoRA names ("GoodHands-beta2", "add_detail",
# "better_eyes_v3", "skin_texture"): such a tag adds a concept, never a person, whatever name-like words it holds
_CONCEPT_WORDS = word_set("""
hand hands finger fingers eye eyes hair skin teeth feet foot leg legs pose poses posing detail details detailer
detailed quality lighting light shadow shadows texture textures anatomy fix fixer fixed enhancer enhance
enhanced slider tweaker style styles background backgrounds outfit outfits clothes clothing dress armor armour
weapon weapons sharp sharpness blur bokeh grain film contrast color colour colors colours saturation noise
render realism realistic photorealistic lineart sketch painting watercolor watercolour pixel anime cartoon
concept scenery landscape architecture building interior vehicle car food
""")
_PICTURE_OF_BEFORE = re.compile(r"\b(?:photo|picture|portrait|image|painting|selfie|headshot|close-?up)s? of "
                                r"(?:an? )?$", re.IGNORECASE)
# round 27a: a DreamBooth identifier right after a tag ("<lora:my_red_mug:0.7> zwx mug")
_TOKEN_THEN = re.compile(r"\s*(?:,\s*)?(?:(?:a|an|the|photo of|a photo of) )?(?P<tok>[a-z]{2,5})\b", re.IGNORECASE)
_POINTS_AT_PERSON = re.compile(r"^\s*(?:(?:my|our|his|her|their|your)\s+\w+|[A-Z][\w'\-]+(?:\s+[A-Z][\w'\-]+)?)")


# Round 42e. A medium or craft word after a tag's stem word: the stem names a tradition of art, not a person
# ("madhubani painting", "warli motif", "batik pattern"); a listed given name before "painting" is a person painting
_MEDIUM_AFTER = re.compile(r"\s*(?:painting|paintings|print|prints|motifs?|patterns?|designs?|drawing|drawings|"
                           r"murals?|textiles?|embroidery|pottery|tattoos?|illustrations?|ornaments?|carvings?)\b")
# Round 42e. A photographic prompt (a likeness LoRA's) and a drawn one (a character's), and a person count tag after a
# tag ("embedding:x_ti, 1girl, ...")
_PHOTO_CUE = re.compile(r"\b(?:photo\w*|realistic|film still|dslr|raw|35mm|analog|portrait|candid|documentary|"
                        r"news|editorial|8k|4k|hdr|bokeh)\b")
_DRAWN_CUE = re.compile(r"\b(?:anime|manga|cartoon|chibi|cosplay|character|genshin|honkai|waifu|vtuber|pokemon|"
                        r"game|games|fanart|fan art|comic|comics|2d|cel|toon|hololive|arknights|azur|fate|"
                        r"overwatch|league of legends)\b")
_COUNT_AFTER = re.compile(r"\s*,?\s*(?:\d(?:girl|boy|woman|man)s?|solo|(?:a |an )?(?:woman|man|girl|boy))\b",
                          re.IGNORECASE)
# round 31a: words of a style or look LoRA after a given name ("emily_style", "anna_aesthetic"): no surname
_STYLE_PARTS = frozenset({"style", "styles", "aesthetic", "art", "artstyle", "look", "vibe", "vibes", "lighting",
                          "colors", "colours", "palette", "painting", "sketch", "anime", "outfit", "dress", "hair"})


# Round 33a. A bare personalisation token made of a relation word (with "my"/"our" glued on or joined) and a
# version or method suffix, joined by "-" or "_" ("mydad-v1", "my_mom_v2", "grandpa-ti", "our-sister_lora"): the
# token names the person a model was trained on; it counts with a training or picture cue in the prompt ("textual
# inversion", "portrait of ...") -- "the mom-v2 changelog" has none.
_REL_VERSION_TOKEN = re.compile(r"(?<![\w<:])(?P<tok>(?:(?:my|our)[_\-]?)?(?P<rel>[a-z]{2,12})[_\-](?:v\d{1,3}|ti|lora|"
                                r"lyco|emb|embed|embedding|db|dreambooth|ckpt|sdxl|xl|lokr|loha)(?:[_\-]?\d{1,4})?)"
                                r"(?![\w:>])", re.IGNORECASE)
_REL_VERSION_CUES = ("inversion", "embedding", "lora", "lyco", "dreambooth", "trigger", "token", "checkpoint",
                     "trained", "portrait", "photo", "selfie", "headshot", "picture", "pic of", "smiling", "laughing")


def _relation_word(word: str) -> bool:
    """A relation word of a tag name, alone or with "my"/"our" glued on ("sister", "mysister", "ourneighbor")."""
    if word.startswith(("my", "our")) and len(word) > 4:
        word = word[2:] if word.startswith("my") else word[3:]
    return word in _TAG_RELATIONS


class PersonalizationDetector:
    """Finds personalisation tokens and likeness requests.

    Args:
        extra_tokens: more DreamBooth identifiers to treat like ``sks``.
        id: detector id reported in findings.
        cache: resource cache (default: the process-wide one).
    """

    #: the finding kinds this detector reports (aplguard.ports.Detector)
    kinds: frozenset[str] = frozenset({"personalization", "likeness"})

    def __init__(self, extra_tokens: list[str] | None = None, id: str = "personalization",
                 cache: ResourceCache | None = None):
        self.id = id
        self.cache = cache or SHARED_CACHE
        self.rare_tokens = RARE_TOKENS | frozenset(t.lower() for t in (extra_tokens or ()))
        self._warmed = False  # load() reads the warm-up prompts once (aplguard.detect.warmup)

    def load(self) -> PersonalizationDetector:
        """Load the name lexicons now (used to read LoRA names)."""
        self._lexicons()
        self.cache.get("lexicon.wordfreq", load_dictionary_words)
        if not self._warmed:
            self._warmed = True
            warm_up(self)
        return self

    def _lexicons(self) -> tuple[frozenset[str], frozenset[str]]:
        first = self.cache.get("lexicon.first_names", lambda: load_lexicon("first_names.txt"))
        last = self.cache.get("lexicon.surnames", lambda: load_lexicon("surnames.txt"))
        return first, last

    def detect(self, text: str) -> list[Finding]:
        """Personalisation and likeness findings (spans in ``text``)."""
        return self.detect_normalized(normalize(text))

    def detect_normalized(self, norm: NormalizedText) -> list[Finding]:
        """:meth:`detect` on an already normalised prompt (``detect_prompt`` normalises once for all detectors)."""
        text = norm.original
        # tags are read from the raw prompt, over the part normalize() scanned
        text = text[:norm.ends[-1]] if norm.truncated and norm.ends else text[:HARD_SCAN_LIMIT]
        out: list[Finding] = []
        for m in _RARE.finditer(norm.text):
            tok = m.group("tok").lower()
            known = tok in self.rare_tokens
            # an unknown identifier: 3-4 letters, no vowel, not a word ("xjq man"); "y" as the only vowel when no
            # dictionary holds the token ("kjy person"; "shy man", "guy", "spy" are words)
            shaped = (3 <= len(tok) <= 4 and not re.search(r"[aeiou]", tok) and tok not in _NOT_IDENTIFIERS
                      and ("y" not in tok or tok not in self.cache.get("lexicon.wordfreq", load_dictionary_words)))
            if known or shaped:
                start, end = norm.span(m.start(), m.end())
                out.append(self._f("personalization", 0.9 if known else 0.7, start, end, norm.original,
                                   f"DreamBooth identifier {tok!r} before a person class", True))
        for m in _RARE_ALONE.finditer(norm.text):
            if m.group("tok").lower() in self.rare_tokens and not self._object_after(norm.lower, m.end("tok")):
                start, end = norm.span(m.start("tok"), m.end("tok"))
                out.append(self._f("personalization", 0.8, start, end, norm.original,
                                   f"DreamBooth identifier {m.group('tok')!r} as the subject", True))
        for m in _V_TOKEN.finditer(text):  # the DreamBooth paper's "[V]" placeholder
            out.append(self._f("personalization", 0.85, m.start(), m.end(), text,
                               "DreamBooth identifier '[V]' before a person class", True))
        tagged = []
        for m in [*_TAG.finditer(text), *_HOST_TAG.finditer(text)]:
            tagged.append((m.start(), m.end()))
            name = m.group("name").strip()
            personal = (self._names_person(name, _CLASS_AFTER.match(text[m.end():]) is not None)
                        or self._trigger_used(name, text, m.start(), m.end())
                        or self._photo_name_stem(name, text, m.start(), m.end()))
            if personal and not _PERSONISH.search(name) and _vehicle_tag(
                    match_key(re.sub(r"(?<=[a-z])(?=[A-Z])|[_\-.]+", " ", name))[0].split()):
                personal = False  # round 40d: "<lora:my_honda_city:0.8> my red honda city": the trigger is a vehicle
            if personal and not _PERSONISH.search(name) and not ANIMALS_OBJECTS.isdisjoint(
                    match_key(re.sub(r"(?<=[a-z])(?=[A-Z])|[_\-.]+", " ", name))[0].split()):
                personal = False  # round 43d: "<lora:sks_dog_v1:0.8>": the trigger's class is an animal or object
            if personal and not _PERSONISH.search(name) and self._object_token_after(text, m.end()):
                personal = False  # round 27a: "<lora:my_red_mug:0.7> zwx mug on a desk": the token's class is a thing
            why = "naming a person" if personal else "(style or concept?)"
            out.append(self._f("personalization", 0.85 if personal else 0.4, m.start(), m.end(), text,
                               f"{m.group('type').lower()} tag {why}", personal))
        for m in _EMBED.finditer(text):
            if any(a <= m.start() < b for a, b in tagged):
                continue
            name = m.group("e1") or m.group("e2")
            personal = (self._names_person(name, _CLASS_AFTER.match(text[m.end():]) is not None)
                        or bool(re.match(r"\s*" + _PERSON_CLASS, text[m.end():], re.I))
                        or self._trigger_used(name, text, m.start(), m.end())
                        or self._photo_name_stem(name, text, m.start(), m.end()))
            out.append(self._f("personalization", 0.8 if personal else 0.35, m.start(), m.end(), text,
                               "textual-inversion token" + (" for a person" if personal else ""), personal))
        if "trigger" in norm.lower or "token" in norm.lower or "instance" in norm.lower or "keyword" in norm.lower:
            for m in _TRIGGER_DECL.finditer(norm.lower):
                tok = m.group("tok")
                used = re.search(r"(?<![\w:])" + re.escape(tok) + r"\s+" + _PERSON_CLASS + r"\b", norm.lower[m.end():])
                glued = re.match(r"[ _\-](\w+)", norm.lower[m.end("tok"):])  # "sks_mom" is normalised to "sks mom"
                if glued and (glued.group(1) in _TAG_RELATIONS or re.fullmatch(r"v?\d{1,3}", glued.group(1))) and norm.original[
                        norm.span(m.end("tok"), m.end("tok") + 1)[0]:][:1] in ("_", "-"):
                    tok = tok + "_" + glued.group(1)
                if (used or self._trigger_of_person(tok, norm.lower)) and tok not in FUNCTION_WORDS:
                    start, end = norm.span(m.start("tok"), m.end("tok"))
                    out.append(self._f("personalization", 0.8, start, end, norm.original,
                                       f"trigger token {tok!r} declared " + ("and used before a person class" if used
                                                                               else "for a person"), True))
        if any(c in norm.lower for c in _NAME_FACE_CUES) and ("face" in norm.lower or "look" in norm.lower
                                                               or "selfie" in norm.lower or "irl" in norm.lower
                                                               or "real" in norm.lower or "likeness" in norm.lower):
            out += self._name_face_tokens(norm)
        if ("-" in text or "_" in text) and any(c in norm.lower for c in _REL_VERSION_CUES):
            for m in _REL_VERSION_TOKEN.finditer(text):
                if m.group("rel").lower() in _TAG_RELATIONS and not any(a <= m.start() < b for a, b in tagged):
                    out.append(self._f("personalization", 0.8, m.start("tok"), m.end("tok"), text,
                                       "a relation word with a model version as a token", True))
        if "_" in text or "-" in text:
            for m in _RARE_REL.finditer(text):
                if (m.group("r").lower() in self.rare_tokens and m.group("rel").lower() in _TAG_RELATIONS
                        and not any(a <= m.start() < b for a, b in tagged)
                        and not any(f.start <= m.start() < f.end for f in out)):
                    out.append(self._f("personalization", 0.8, m.start("tok"), m.end("tok"), text,
                                       "an identifier glued to a relation word as a token", True))
        for m in _LIKENESS.finditer(norm.text):
            rest = norm.text[m.end():m.end() + 60]
            pointed = bool(_POINTS_AT_PERSON.match(rest))
            start, end = norm.span(m.start(), m.end())
            out.append(self._f("likeness", 0.7 if pointed else 0.3, start, end, norm.original,
                               "likeness request" + (" pointing at a person" if pointed else ""), pointed))
        return out

    def _name_face_tokens(self, norm: NormalizedText) -> list[Finding]:
        """A given name + face suffix used as the subject with a LoRA cue (see ``_NAME_FACE``)."""
        out: list[Finding] = []
        first = self.cache.get("lexicon.first_names", lambda: load_lexicon("first_names.txt"))
        seen: set[str] = set()
        for m in _NAME_FACE.finditer(norm.lower):
            tok = m.group("tok")
            if tok in seen or m.group("n") not in first or m.group("n") in FUNCTION_WORDS:
                continue
            seen.add(tok)
            repeated = len(re.findall(r"(?<![\w<:])" + re.escape(tok) + r"\b", norm.lower)) > 1
            if repeated or re.match(r"\s*,?\s*(?:a |an |the )?" + _PERSON_CLASS + r"\b", norm.lower[m.end():]):
                start, end = norm.span(m.start("tok"), m.end("tok"))
                out.append(self._f("personalization", 0.8, start, end, norm.original,
                                   f"trigger token {tok!r}: a given name with a face suffix", True))
        return out

    def _trigger_of_person(self, tok: str, lower: str) -> bool:
        """Whether a declared trigger token stands for a person without a person class after it (round 32a).

        The model was trained on someone of the user's ("trained a lora on my dad, trigger word rogerdad"), or the
        token itself is a relation word glued to a name or an identifier ("rogerdad", "sks_mom"), or a listed
        given name with a version ("annav2", "mia_v3").
        """
        if _TRAINED_ON_PERSON.search(lower) or _MY_RELATION_SUBJECT.search(lower):
            return True
        parts = [p for p in re.split(r"[_\-]+", tok) if p]
        if any(p in _TAG_RELATIONS for p in parts[1:] + parts[:1] if len(parts) > 1):
            return True
        glued = next((r for r in _GLUED_RELATIONS if tok.endswith(r) and len(tok) - len(r) >= 3), None)
        first = self.cache.get("lexicon.first_names", lambda: load_lexicon("first_names.txt"))
        if glued and tok[:-len(glued)] in first:
            return True  # "rogerdad", "annamom": a given name + the relation
        stem = re.sub(r"(?:_?v\d+|\d+)$", "", tok)
        return stem != tok and len(stem) >= 3 and stem in first and stem not in FUNCTION_WORDS

    def _object_token_after(self, text: str, end: int) -> bool:
        """Whether a DreamBooth identifier and an object class follow a tag ("<lora:x> zwx mug", "..., sks backpack"):
        the tag was trained on that thing, not on a person (round 27a)."""
        m = _TOKEN_THEN.match(text, end)
        if m is None or m.group("tok").lower() not in self.rare_tokens:
            return False
        lower = text.lower()
        word = re.match(r" ([a-z]{3,})", lower[m.end("tok"):m.end("tok") + 40])
        first, _ = self._lexicons()
        return self._object_after(lower, m.end("tok")) and not (word and word.group(1) in first
                                                                  and word.group(1) not in COMMON_WORDS)

    def _object_after(self, lower: str, end: int) -> bool:
        """Whether an object noun follows the identifier: "a photo of sks backpack" (the object class).

        DreamBooth writes the identifier before its class noun; a person class ("sks man") is
        read by ``_RARE``. Any other noun right after it (a dictionary word, no function word,
        action, role, outfit, depiction or relation word, no "-ing" form) is the thing trained.
        """
        m = re.match(r" ([a-z]{3,})\b", lower[end:end + 40])
        if not m:
            return False  # "a photo of sks", "a photo of sks, ...", "a photo of sks in a suit" is below
        w = m.group(1)
        if (w in FUNCTION_WORDS or w in person_cues.DETERMINERS or w in person_cues.PERSON_ACTIONS
                or w in person_cues.PERSON_ROLES or w in person_cues.PERSON_ATTRIBUTES
                or w in person_cues.DEPICTION_NOUNS or w.endswith(("ing", "ed")) or _PERSONISH.fullmatch(w)
                or re.fullmatch(_PERSON_CLASS + "s?", w)):
            return False
        return (w in THING_NOUNS or w in ANIMALS_OBJECTS or w in _PET_ANIMALS
                or w in self.cache.get("lexicon.wordfreq", load_dictionary_words))

    def _names_person(self, name: str, person_after: bool = False) -> bool:
        """Whether a LoRA/embedding name names a person ("kevin_brandt", "my_face").

        A first name + surname counts; when both are also English words ("taylor_swift")
        it counts only when a person class follows the tag ("... woman in a garden").
        """
        if _PERSONISH.search(name) and not ("face" in name.lower()
                                            and not _PERSONISH.search(_THING_FACE.sub(" ", name))):
            return True  # (round 29b: "poker_face", "doll-face": a look, not a person's face)
        # "kevinB", "AnnaSmith": camelCase parts are words
        words = match_key(re.sub(r"(?<=[a-z])(?=[A-Z])|[_\-.]+", " ", name))[0].split()
        if any(w in _CONCEPT_WORDS or w in STYLE_TAG_WORDS for w in words):
            return False  # "GoodHands-beta2", "better_eyes": a detail or concept LoRA (round 42d: "ukiyo-e_v1": a style)
        if _vehicle_tag(words):
            return False
        first, last = self._lexicons()
        # "kevin b": a first name with an initial
        if any(w in first and w not in COMMON_WORDS and len(w) >= 3 and len(n) == 1 for w, n in zip(words, words[1:])):
            return True
        # "annaface", "lucy-face": a first name glued to "face" (not "typeface", "surface")
        if any(w.endswith("face") and ((w[:-4] in first and w[:-4] not in COMMON_WORDS) or _PERSONISH.match(w[:-4]))
               for w in words):
            return True
        # round 26a: "katyaFace_v2", "lena_face": a first name, then "face" as its own (camelCase or separated) word
        # (a name no list holds counts unless it is a thing, a look or an adjective: "clockFace", "animeFace")
        if "face" in words[1:] and any(
                # (round 29b: a look or thing word is no name even when a name list holds it: "poker_face", "doll")
                nxt == "face" and len(w) >= 3 and w.isalpha() and w not in COMMON_WORDS and w not in _FACE_THINGS and (
                    w in first or (w not in THING_NOUNS and w not in ANIMALS_OBJECTS
                                   and not w.endswith(_NOT_NAME_ENDINGS)))
                for w, nxt in zip(words, words[1:])):
            return True
        # round 25a: "mikefromwork", "anna_from_school", "jen-from-accounting": a given name + "from" + where the user
        # knows them from is one person of the user's life ("<lyco:mikefromwork_locon:0.9> mike from work")
        if "from" in name.lower() and any(self._from_place(w, nxt, nxt2) for w, nxt, nxt2
                                          in zip(words, [*words[1:], ""], [*words[2:], "", ""])):
            return True
        # "MyWifeSarah", "my_sister_ana": a relation word before a first name (round 13)
        if any(w in _TAG_RELATIONS and nxt in first and nxt not in COMMON_WORDS for w, nxt in zip(words, words[1:])):
            return True
        # round 30a: the name first, then the relation, often with "my" glued on ("jake_myroommate", "anna_mysister",
        # "bob-coworker"): one person of the user's life; a name no list holds or an everyday word does not count
        if any(len(w) >= 3 and w in first and w not in COMMON_WORDS and _relation_word(nxt)
               for w, nxt in zip(words, words[1:])):
            return True
        # round 23a: "jessica_realface", "davidpark_dreambooth", "ana-person": a marker of a likeness model
        # (DreamBooth, "realface", "person") beside a first name or a given name + surname glued together
        # ("dreambooth"/"db" also train pets and objects called by a name, "mira_db": those need a full name)
        if any(w in _LIKENESS_MARKERS for w in words) and any(
                self._given_name_word(w, full=not any(w in _FACE_MARKERS for w in words))
                for w in words if w not in _LIKENESS_MARKERS):
            return True
        # "kimtaehee_v3", "parkjimin": a Korean surname glued to a two-syllable given name (round 15)
        if any(self._glued_korean(w) for w in words):
            return True
        # round 21a: "kiko_mizuhara_ti", "taylorswift_v2": a listed public figure's full name, or two romanised
        # Japanese name words of which one is no dictionary word (not a listed character: "hatsune_miku")
        stem = [w for w in words if w not in _TAG_FILLER and not re.fullmatch(r"v?\d+[a-z]?", w)]
        if stem and self._public_figure_or_japanese_name(stem):
            return True
        # round 36a: with a person class after the tag ("embedding:kat_hollis_ti, woman sitting"), a short given-name
        # shaped word (a nickname no list holds: "kat", "liz") before a listed surname names one too
        if person_after and len(stem) == 2 and stem[1] in last and stem[1] not in COMMON_WORDS and self._nickname_shaped(
                stem[0]):
            return True
        # round 40c: with a person class after the tag ("embedding:amrdiab_ti, man on a beach"), one stem word that is
        # two listed name words glued (given or family names of any list: Arabic, African names are often both)
        if person_after and len(stem) == 1 and self._glued_name_words(stem[0]):
            return True
        # round 41c: with a person class after the tag ("<lora:keating_90s:0.8> man in a suit", "lyco:luxon_v3 smiling
        # bald man"), one listed surname of 4+ letters that is no word of any dictionary and no visual artist's (an
        # artist's surname names a style: "rutkowski"), the surname of a listed public figure; "keating" is a word of
        # some dictionary, so the English frequency (< 4: "carter", "nurse" are everyday words) decides
        if (person_after and len(stem) == 1 and len(stem[0]) >= 4 and stem[0] in last and stem[0] not in COMMON_WORDS
                and stem[0] not in first
                and stem[0] not in THING_NOUNS and stem[0] not in ANIMALS_OBJECTS and stem[0] not in _CONCEPT_WORDS
                and stem[0] not in self.cache.get("lexicon.common_words", lambda: load_lexicon("common_words.txt") | COMMON_WORDS)
                and stem[0] not in self._artist_surnames() and stem[0] in self._figure_surnames()
                and self._english_zipf()(stem[0]) < 4.0):
            return True
        # "kevin_brandt_v2": a first name followed by a surname names a person.
        # (round 42e: not a style or concept word, "madhubani_art_style": "art" and "style" are names in some list)
        return any(w in first and nxt in last and (person_after or not (w in COMMON_WORDS and nxt in COMMON_WORDS))
                   and w not in _STYLE_PARTS and nxt not in _STYLE_PARTS and nxt not in _CONCEPT_WORDS
                   for w, nxt in zip(words, words[1:]))

    def _figure_surnames(self) -> frozenset[str]:
        """Last name words of the listed public figures (built once, on first need)."""
        return self.cache.get("personalization.figure_surnames", lambda: frozenset(
            k.split()[-1] for k in (match_key(c)[0] for c in builtin_index(self.cache).by_canonical) if " " in k))

    def _english_zipf(self) -> Callable[[str], float]:
        """English word frequency ("carter", "baker", "nurse" are surnames and everyday words: >= 4)."""
        return self.cache.get("lexicon.english_zipf", english_zipf)

    def _artist_surnames(self) -> frozenset[str]:
        """Last name words of the listed visual artists (built once, on first need)."""
        return self.cache.get("personalization.artist_surnames", lambda: frozenset(
            match_key(n)[0].split()[-1] for n in visual_artists(self.cache) if match_key(n)[0].split()))

    def _glued_name_words(self, tok: str) -> bool:
        """Whether ``tok`` is two name-list words of 3+ letters glued, neither a common word, and no dictionary word
        itself ("amrdiab"; not "rosegold"); round 40c."""
        if not 6 <= len(tok) <= 20 or not tok.isalpha() or tok in self.cache.get("lexicon.wordfreq",
                                                                                load_dictionary_words):
            return False
        first, last = self._lexicons()
        return any((tok[:i] in first or tok[:i] in last) and (tok[i:] in first or tok[i:] in last)
                   and tok[:i] not in COMMON_WORDS and tok[i:] not in COMMON_WORDS for i in range(3, len(tok) - 2))

    def _nickname_shaped(self, w: str) -> bool:
        """A listed first name, or 3-6 letters of a short given-name form that is no concept, style, thing or common
        word ("kat", "liz", "bex"); round 36a."""
        first, _ = self._lexicons()
        if w in first:
            return w not in COMMON_WORDS
        return (w.isalpha() and 3 <= len(w) <= 6 and w not in COMMON_WORDS and w not in _CONCEPT_WORDS
                and w not in _STYLE_PARTS and w not in THING_NOUNS and w not in ANIMALS_OBJECTS
                and w not in FUNCTION_WORDS and bool(re.search(r"[aeiouy]", w)))

    def _from_place(self, w: str, nxt: str, nxt2: str) -> bool:
        """A listed given name + "from" + a place the user knows people from, glued ("mikefromwork") or as three
        words ("anna from school"); round 25a."""
        first, _ = self._lexicons()
        if w.endswith(tuple("from" + p for p in _KNOWN_FROM)):
            given = w[:w.rindex("from")]
            return len(given) >= 3 and given in first
        return nxt == "from" and nxt2 in _KNOWN_FROM and len(w) >= 3 and w in first

    def _given_name_word(self, word: str, full: bool = False) -> bool:
        """A first name that is no everyday word ("jessica", not "rose"), or one glued to a surname ("davidpark");
        with ``full`` only the glued full name."""
        first, last = self._lexicons()
        if not full and len(word) >= 3 and word in first and word not in COMMON_WORDS:
            return True
        if not 6 <= len(word) <= 20 or not word.isalpha() or word in self.cache.get("lexicon.wordfreq",
                                                                                 load_dictionary_words):
            return False
        return any(word[:i] in first and word[:i] not in COMMON_WORDS
                   and ((word[i:] in last and word[i:] not in COMMON_WORDS) or word[i:] in _KO_SURNAMES)
                   for i in range(3, len(word) - 1))

    def _public_figure_or_japanese_name(self, stem: list[str]) -> bool:
        """Whether a tag's stem words are a listed public figure's full name or a romanised Japanese name (round 21a)."""
        key = " ".join(stem)
        if non_person_spans(self.cache, key):
            return False  # "hatsune miku", "naruto uzumaki": a character
        if any(h.alias.kind in ("name", "compact") and not h.alias.ambiguous and len(h.alias.key) >= 7
               and h.start == 0 and h.end == len(key) for h in builtin_index(self.cache).exact(key)):
            return True
        # (round 42e: a one-letter word is no name word: "ukiyo-e" is a print style)
        if len(stem) != 2 or not all(_ROMAJI.fullmatch(w) and w not in COMMON_WORDS and len(w) >= 2 for w in stem):
            return False
        dictionary = self.cache.get("lexicon.wordfreq", load_dictionary_words)
        return any(len(w) >= 5 and w not in dictionary for w in stem)

    def _glued_korean(self, word: str) -> bool:
        """A Korean surname and two romanised given-name syllables written as one word ("kimtaehee"), no dictionary
        word; each syllable of two letters or more ("kimono" is no name)."""
        if not word.isalpha() or not 6 <= len(word) <= 12 or word in self.cache.get("lexicon.wordfreq",
                                                                                  load_dictionary_words):
            return False
        given, _ = romanised.load_syllables(self.cache)
        for sur in _KO_SURNAMES:
            if word.startswith(sur):
                rest = word[len(sur):]
                if any(rest[:i] in given and rest[i:] in given for i in range(2, len(rest) - 1)):
                    return True
        return False

    def _trigger_used(self, name: str, text: str, start: int, end: int) -> bool:
        """Whether the tag's trigger word is used as the subject: "<lora:jenna_v2:0.8> jenna, portrait".

        A LoRA or embedding trained on one person is called with its trigger word, usually
        the person's first name. The trigger is the tag name without version, weight and
        format words ("jenna_v2" -> "jenna"); it counts when it is written outside the tag
        and is a first name (not an everyday word: "rose", "summer") or is followed by a
        person class ("marco man"). A style LoRA's trigger ("ghibli style") does not count.
        """
        words = [w for w in match_key(re.sub(r"[_\-.]+", " ", name))[0].split()
                 if w not in _TAG_FILLER and not re.fullmatch(r"v?\d+[a-z]?", w)
                 and w not in STYLE_TAG_WORDS]  # round 42d: "madhubani" before "painting" is the style's trigger
        if not words:
            return False
        if any(c.isupper() for c in name[1:]):
            # round 40c: a relation word glued camelCase to a nickname ("primoTavo_v2", "myBossRaj"): the nickname
            # is the trigger ("tavo, young man"); other camelCase words are left as written ("detailTweaker")
            camel = match_key(re.sub(r"(?<=[a-z])(?=[A-Z])|[_\-.]+", " ", name))[0].split()
            if len(camel) > len(words) and any(_relation_word(w) for w in camel):
                words = words + [w for w in camel if not _relation_word(w) and w not in _TAG_FILLER
                                 and w.isalpha() and len(w) >= 3 and w not in COMMON_WORDS]
        first, _ = self._lexicons()
        rest = text[:start] + " " * (end - start) + text[end:]
        for raw in re.split(r"[_\-.\s]+", name.lower()):
            # "<lora:m1ch3ll3_v2:0.8> m1ch3ll3": a first name in leetspeak as the trigger (round 16)
            plain = raw.translate(_LEET)
            if (plain != raw and plain.isalpha() and re.search(r"[a-z]", raw) and plain in first
                    and plain not in COMMON_WORDS and len(plain) >= 4
                    and re.search(r"(?<![\w:])" + re.escape(raw) + r"(?![\w:>])", rest, re.IGNORECASE)):
                return True
        for w in words:
            stem = w[:-4] if w.endswith("face") and len(w) > 6 else w
            for m in re.finditer(r"(?<![\w:])" + re.escape(stem) + r"(?:face)?(?![\w:>])", rest, re.IGNORECASE):
                after = rest[m.end():m.end() + 40].lower()
                if re.match(r"\s*(?:style|aesthetic|art|artstyle|lighting|background)\b", after):
                    continue
                if stem not in first and _MEDIUM_AFTER.match(after):
                    continue  # round 42e: "<lora:madhubani_art_style> madhubani painting": an art tradition's work
                if ((stem in first and stem not in COMMON_WORDS) or _CLASS_AFTER.match(rest[m.end():])
                        or person_cues.person_evidence(rest.lower(), m.start(), m.end())):
                    return True
                # round 14a: a glued full name ("zhanglei", "annasmith") as the trigger, a person cue after a comma
                # ("zhanglei, wearing hanfu") or a booru count tag for the character ("1boy, zhanglei")
                if self._glued_full_name(stem):
                    lower = rest.lower()
                    joined = lower[:m.end()] + " " + re.sub(r"^\s*,\s*", "", lower[m.end():])
                    if (person_cues.person_evidence(joined, m.start(), m.end())
                            or re.search(r"(?<![\w.])\d\s?(?:boy|girl|man|woman)s?\b|\bsolo\b", lower)):
                        return True
        return self._glued_trigger_used(words, rest)

    def _glued_full_name(self, tok: str) -> bool:
        """Whether ``tok`` is a surname and a first name glued together, or the other way round ("zhanglei",
        "annasmith"), and no dictionary word ("rosegold" is a word of its own only if listed; both parts are
        3+ letters)."""
        if not 6 <= len(tok) <= 20 or not tok.isalpha() or tok in self.cache.get("lexicon.wordfreq",
                                                                               load_dictionary_words):
            return False
        first, last = self._lexicons()
        if any((tok[:i] in last and tok[i:] in first) or (tok[:i] in first and tok[i:] in last)
               for i in range(3, len(tok) - 2) if tok[:i] not in COMMON_WORDS and tok[i:] not in COMMON_WORDS):
            return True
        # a romanised Chinese or Korean name: a surname + one or two given-name syllables ("zhanglei", "kimminjun")
        given, surnames = romanised.load_syllables(self.cache)
        return any(tok[:i] in surnames and (tok[i:] in given or any(
            tok[i:j] in given and tok[j:] in given for j in range(i + 1, len(tok)))) for i in range(2, 6))

    def _glued_trigger_used(self, words: list[str], rest: str) -> bool:
        """Whether the trigger is written as a variant of the tag's words, before a person cue.

        Trainers make triggers unique by gluing a letter or two to the name ("sarah_locon" ->
        "sarahk") or by gluing the name's words ("auntie_june" -> "auntjune"). Such a token counts
        when one of its words is a first name or a relation (not an everyday word: "rose_gold" ->
        "rosegold"), no dictionary holds it, and a person class or cue (action, outfit) follows.
        """
        first, _ = self._lexicons()
        dictionary = self.cache.get("lexicon.wordfreq", load_dictionary_words)
        # "<lora:anna_dreambooth> annaxyz": the name with a DreamBooth identifier glued on (round 12)
        tagged = [w for w in words if len(w) >= 3 and w not in COMMON_WORDS and (w in first or w not in dictionary)]
        for m in re.finditer(r"(?<![\w:<])[a-z]{5,24}(?![\w:>])", rest.lower()):
            tok = m.group()
            if any(tok.startswith(w) and tok[len(w):] in self.rare_tokens for w in tagged) and (
                    _PICTURE_OF_BEFORE.search(rest[:m.start()]) or _CLASS_AFTER.match(rest[m.end():])
                    or person_cues.person_evidence(rest.lower(), m.start(), m.end())) and not self._object_after(
                    rest.lower(), m.end()):
                return True
        pieces = [(w, (w in first and w not in COMMON_WORDS and len(w) >= 3) or bool(_PERSONISH.fullmatch(w[:4])))
                  for w in words]
        lower = rest.lower()
        # round 36a: the tag's first words glued as its trigger, written as a tag of its own ("<lora:jenny_ig_model>,
        # jennyig, on a beach"): the trainer's unique token for the given name; no cue after it is needed
        if len(words) >= 2 and pieces[0][1] and words[1] not in _CONCEPT_WORDS and words[1] not in _STYLE_PARTS:
            for k in range(2, len(words) + 1):
                glued_words = "".join(words[:k])
                if glued_words not in dictionary and re.search(r"(?:^|[,|(]\s*)" + re.escape(glued_words)
                                                               + r"\s*(?:[,|)]|$)", lower):
                    return True
        if len(words) >= 2 and self._name_stem(words, dictionary):
            # round 40c: a stem of two or three name words ("thuso_mbedu", "priyanka_sharma") written outside the tag
            # glued or with its underscores as the trigger, before a person class ("thusombedu woman",
            # "priyanka_sharma woman"): a likeness model of one person, whether or not a name list holds the words;
            # a style or concept LoRA's stem ("pixel_art", "add_detail") is dictionary words
            for form in ("".join(words), "_".join(words)):
                for m in re.finditer(r"(?<![\w:<])" + re.escape(form) + r"(?![\w:>])", lower):
                    if _CLASS_AFTER.match(lower[m.end():]):
                        return True
        for m in re.finditer(r"(?<![\w:<])[a-z]{4,24}(?![\w:>])", lower):
            tok = m.group()
            if tok in dictionary or tok in words:
                continue
            glued = any(p and tok.startswith(w) and 1 <= len(tok) - len(w) <= 2 for w, p in pieces) or any(
                (p or q) and any(tok == w[:i] + v for i in range(3, len(w) + 1))
                for (w, p), (v, q) in zip(pieces, pieces[1:])) or any(
                # round 31a: a given name + the start of the next word ("emily_rosefield" -> "emilyrose") or its
                # initial + the next word ("marco_bellini" -> "mbellini"): the next word need not be a listed surname
                p and len(v) >= 4 and v.isalpha() and v not in _CONCEPT_WORDS and v not in _STYLE_PARTS and (
                    (tok.startswith(w) and len(tok) - len(w) >= 3 and v.startswith(tok[len(w):]))
                    or tok == w[0] + v)
                for (w, p), (v, _q) in zip(pieces, pieces[1:]))
            # the trigger is often followed by a comma before the description ("sarahk, wearing ...")
            joined = lower[:m.end()] + " " + re.sub(r"^\s*,\s*", "", lower[m.end():])
            if glued and (_CLASS_AFTER.match(rest[m.end():])
                          or person_cues.person_evidence(joined, m.start(), m.end())):
                return True
        return False

    def _photo_name_stem(self, name: str, text: str, start: int, end: int) -> bool:
        """Round 42e. A tag whose name is a person's full name written with underscores or camel case
        ("pandelela_rinong_v2", "dianSastro_ti"), called in a photographic prompt: its first word written outside the
        tag as the subject, or a person count tag after it ("1girl", "solo", "woman"). The stem must read as a name
        (:meth:`_name_stem`) with a word no dictionary holds; an anime or game prompt is a character's, and a listed
        character ("tifa_lockhart") or a style, concept or detail stem ("studio_ghibli_style", "add_detail") is no
        person."""
        if "_" not in name and not any(c.isupper() for c in name[1:]):
            return False  # cheap pre-check: no word break in the name
        words = [w for w in match_key(re.sub(r"(?<=[a-z])(?=[A-Z])|[_\-.]+", " ", name))[0].split()
                 if w not in _TAG_FILLER and not re.fullmatch(r"v?\d+[a-z]?", w)]
        dictionary = self.cache.get("lexicon.wordfreq", load_dictionary_words)
        if (not self._name_stem(words, dictionary) or not any(len(w) >= 4 and w not in dictionary for w in words)
                or non_person_spans(self.cache, " ".join(words))):
            return False
        rest = (text[:start] + " " + text[end:]).lower()
        if not _PHOTO_CUE.search(rest) or _DRAWN_CUE.search(rest + " " + name.lower()):
            return False
        return bool(_COUNT_AFTER.match(text, end) or re.search(
            r"(?:^|[,(\s])" + re.escape(words[0]) + r"(?:\s*[,)]|\s+(?:" + _PERSON_CLASS + r")\b)", rest))

    def _name_stem(self, words: list[str], dictionary: frozenset[str]) -> bool:
        """Whether a tag's stem words may be a person's name (round 40c): two or three alphabetic words of 2+ letters,
        none a concept, style, thing or function word, and not all of them dictionary words unless a name list
        holds them ("thuso mbedu", "priyanka sharma"; not "pixel art", "add detail", "golden hour")."""
        if not 2 <= len(words) <= 3 or not all(w.isalpha() and len(w) >= 2 for w in words):
            return False
        if any(w in _CONCEPT_WORDS or w in _STYLE_PARTS or w in THING_NOUNS or w in ANIMALS_OBJECTS
               or w in FUNCTION_WORDS or w in COMMON_WORDS for w in words):
            return False
        first, last = self._lexicons()
        return all(w not in dictionary or w in first or w in last for w in words)

    def _f(self, kind: str, score: float, start: int, end: int, text: str, why: str, identity: bool) -> Finding:
        return Finding(kind=kind, score=score, start=start, end=end, text=text[start:end], detector=self.id,
                       canonical=None, explanation=why, identity_seeking=identity)
