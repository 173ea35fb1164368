"""Context rules that tell a depiction of a person from other uses of a name.

"Taylor Swift on stage" asks for a person; "in the style of Van Gogh" asks for a
style, "the Lincoln Memorial" for a place, "a Tesla coil" for a thing, "a dog
named Charlie" for a pet. All functions take the *normalised, lower-cased* prompt
and character offsets into it.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?")


_CLAUSE_STOP = re.compile(r"[,;.:!?|]")


def clause_end(text: str, i: int, limit: int | None = None) -> int:
    """Where the clause of ``text`` (normalised, lower case) that holds ``i`` ends: the next comma, stop or bar, else
    the end of the text, or ``i + limit`` when that comes first."""
    m = _CLAUSE_STOP.search(text, i)
    if m:
        return m.start()
    return len(text) if limit is None else min(len(text), i + limit)


def word_set(text: str) -> frozenset[str]:
    """The whitespace-separated words of a lexicon written as a block of text."""
    return frozenset(text.split())


# Words after a name that make it a place, building, brand, product or thing.
# (round 37 review: South Asian station, museum, hall, road, square, bridge, temple and mosque words in Latin
# letters, "Chhatrapati Shivaji Maharaj Terminus", "Indira Gandhi Marg")
# round 32a: the head nouns of eponymous science terms ("Hawking radiation", "Kaplan turbine", "Bessel functions"):
# a surname right before one names a thing of physics, maths or the lab, not a person to depict
THING_NOUNS = word_set("""
memorial monument dam bridge street st avenue ave road rd boulevard blvd square park parkway airport
terminus sangrahalaya bhavan bhawan marg chowk setu mandir masjid
station terminal center centre hall building tower plaza museum library university college school
academy institute hospital clinic stadium arena gardens garden lake river mountain mount bay island
islands county state city town village district valley canyon falls beach highway freeway tunnel
theatre theater cinema hotel restaurant cafe bar pub shop store mall market brand logo company
corporation corp inc ltd group foundation award awards prize medal trophy cup effect principle
theorem equation law laws constant diagram curve number numbers sequence spiral method syndrome
disease burner dish cube salad cocktail mocktail drink drinks sandwich steak engine motor rifle gun pistol telescope
crater coil cradle cage counter wheel code model car cars truck cybertruck roadster suitcase bag
bags handbag perfume fragrance cologne whisky whiskey bourbon beer wine vodka gin rum bottle
typeface font spaniel terrier retriever novel book books franchise era period dynasty administration
presidency government estate house residence mansion palace castle cathedral church mosque temple
chapel tomb grave cemetery memorial's day holiday bible scholarship fellowship fund trust test
machine jeans tofu noodles ramen dumplings sushi curry rice pork chicken beef cookbook magazine
merch merchandise product products hole vineyard column circle harbour harbor pier marina wharf quay
waterfront skyline esplanade foreshore boardwalk promenade harbourfront harborfront suburbs outskirts docks
canal fountain lighthouse peak ridge springs heights terrace arch arches rapids glacier reef cove
creek grove meadow plains strait gulf channel zoo aquarium speedway raceway ranch farm brewery
winery distillery factory jar tea penny bed knife cake cookie pie sauce soup pizza burger sundae
pudding tart muffin donut chocolate chocolates candy truffles bonbons
herring herrings sprats anchovies fillet fillets schnitzel doughnut doughnuts torte pastry pastries biscuit biscuits
causeway
strudel cheesecake sorbet meringue souffle omelette omelet crepes pancakes waffles goulash stew casserole
fettuccine potatoes sausage sausages dressing liqueur guitar bass piano violin drum drums saxophone trumpet comet triangle
scheme flask ladder strip tractor drill screwdriver wrench chair sofa couch lamp shoes shoe sneakers
sneaker boots paradox problem conjecture limit scale index rule razor complex fallacy
room rooms headquarters hq card cards symphony sonata concerto opera requiem overture nocturne
ring rings finch finches globe bulb bulbs lens lenses prism pendulum knot knots tube tubes valve
plot plots series spectrum cycle cycles cloud clouds sheep gazelle frog beetle orchid tulip manuscript manuscripts folio sketchbook notebook notebooks
radiation boson bosons fermion fermions particle particles condensate transform transforms transformation inequality
lemma hypothesis integral integrals polynomial polynomials manifold manifolds interferometer microscope turbine turbines
pipette funnel coefficient coefficients radius scattering oscillator lattice diode junction thermometer notation
invariant apparatus pump criterion algorithm tensor spinor bracket brackets distribution statistics sieve wavelength
equations functions rearrangement synthesis apparatuses electrode cathode anode barometer hydrometer petri
probe probes spacecraft rover lander orbiter observatory satellite satellites mission missions telescopes
mausoleum mausoleo mausolee mausoleu mauzoleum mavzoley shrine
tequila mezcal cognac champagne sake soju absinthe schnapps cider prosecco storefront shopfront signboard signage
vihara viharaya stupa dagoba chaitya gompa pagoda chedi maidan ghat vihar udyan smarak puraskar puraskaram
samman sammaan khel jayanti diwas cigar cigars
pad launchpad cosmodrome spaceport poem poems poetry ballad ballads novella novellas
""")
# (round 42d, last three lines: spirits and a shop's front after the brand's or owner's name ("a bottle of Don Julio
# tequila", "Tan Ek Tjoan storefront"); South and South-East Asian monuments, grounds, colonies and awards written
# after the person they are named after ("Gal Vihara", "Gandhi Maidan", "Vasant Vihar", "Rajiv Gandhi Khel Ratna",
# "Rabindra Puraskar"), days kept for them ("Gandhi Jayanti", "Ambedkar Diwas") and cigars ("a Churchill cigar")
# round 38a: a kind word between a surname and an instrument or craft ("Kepler space telescope", "Chandra X-ray
# observatory", "Hubble space telescope", "Parker solar probe"): the craft is named after the person
_CRAFT_KIND = frozenset({"space", "radio", "x", "xray", "infrared", "solar", "gamma", "orbital", "deep", "lunar",
                         "mars", "optical", "ray", "ultraviolet", "neutrino", "gravitational"})

# Media, techniques, movements and motifs: after a visual artist's name they ask for the
# artist's way of making pictures ("hokusai woodblock print", "caravaggio chiaroscuro").
ART_TERMS = word_set("""
woodblock woodcut linocut etching engraving lithograph lithography print prints screenprint silkscreen
chiaroscuro sfumato impasto tenebrism pointillism pointillist impressionist impressionism expressionist
expressionism cubist cubism surreal surrealist surrealism fauvist fauvism abstract minimalist pop
baroque rococo renaissance romantic romanticism nouveau deco ukiyo gold leaf gilded
watercolor watercolour watercolors watercolours oil oils gouache acrylic fresco frescoes tempera pastel
pastels charcoal ink inks pen pencil crayon collage mosaic mural murals canvas canvases
landscape landscapes seascape seascapes cityscape still life nocturne study studies sketch sketches
palette brushwork brushstrokes strokes colors colours color colour lighting light texture textures
technique composition aesthetic aesthetics vibe vibes masterpiece masterpieces painting paintings
drawing drawings illustration illustrations artwork artworks poster posters lines linework graffiti
street art silhouettes cutouts motif motifs pattern patterns
""")

# Round 36a: named regional painting and craft traditions ("Krishna playing the flute, Pichwai painting", "a Madhubani
# fish", "Tanjore painting of Ganesha", "Gond art tiger"): words of a style, never a misspelled one-word name
ART_TRADITIONS = word_set("""
pichwai pichhwai pichvai madhubani mithila tanjore thanjavur kalamkari pattachitra patachitra kangra pahari basohli
warli gond bhil phad kalighat mysore rajput rajasthani mughal deccani cheriyal nirmal sohrai kohbar manjusha
chittara lippan aipan bagh bandhani bandhej ajrakh chikankari phulkari kantha sujani tholu bommalata
thangka bonpo sumie sumi suibokuhua gongbi xieyi guohua nihonga yamato rimpa kano tsugaki minhwa chaekgeori
batik wayang songket ikat kente adinkra bogolan tingatinga makonde lubok palekh khokhloma gzhel zhostovo mezen
petrykivka wycinanki kurbits rosemaling dalmalning azulejo talavera otomi huichol alebrije amate molas mola
retablo sarape arpillera tenango kalaripayattu rangoli kolam alpana mandana
""")

# Round 42d. Words of a style LoRA's or embedding's name that name a painting tradition or movement
# ("<lora:madhubani_art_style:0.8>", "<lora:ukiyo-e_v1:0.8>", "lyco:art_nouveau_v2"): such a tag adds a style, even
# when a word of it reads as a given name ("ukiyo e" as a Japanese name, "madhubani" as a trigger before "painting")
STYLE_TAG_WORDS = ART_TRADITIONS | word_set("""
ukiyo ukiyoe woodblock woodcut linocut etching lithograph chiaroscuro sfumato impasto tenebrism pointillism
impressionism impressionist expressionism expressionist cubism cubist surrealism surrealist fauvism fauvist baroque
rococo nouveau deco gouache fresco frescoes tempera watercolor watercolour sumi-e shanshui shan-shui calligraphy
""")

# Common English words that are also in the name lexicons; as a name they are weak evidence.
COMMON_WORDS = word_set("""
rose lily iris violet daisy holly ivy hazel heather fern willow olive poppy jasmine ginger pepper
rain snow storm river brook lake forest wood woods hill hills field fields stone rock bush moon star
sky sun summer winter autumn spring may june april august hope faith grace joy love mercy honor
honour will bill mark frank grant chase miles cash price king bishop pope knight page major dean
earl duke marshal guy penny candy honey sugar brandy crystal diamond ruby pearl jade amber coral
angel baker cook hunter fisher gardner mason porter shepherd butler cooper taylor wolf fox bear
lamb bird crow swift drake finch robin jay hawk crane bull buck hart steel iron gold silver brown
white black green gray grey blue red pink orange bell church hall house street lane park wall
bridge gate ward temple castle tower north south west east young little long short rich strong
sharp bright golden happy sunny wise good best new old big small sweet dear noble free early late
night day morning evening dawn dusk light dark shadow sunset sunrise sea ocean wave waves shore
beach bay island field garden flower flowers tree trees leaf bloom cherry apple berry peach plum
art style photo portrait beauty beautiful pretty cute cool hot warm cold wild city town village
world earth land home queen prince princess lord lady sir master man woman boy girl child baby
human person people hero saint christmas easter holiday sunday monday friday story dream magic
music song dance rock jazz soul blues pop cyberpunk fantasy anime cinematic epic dramatic
masterpiece quality detailed realistic photorealistic studio lighting render digital oil canvas
macro micro bokeh trump sting jobs munch pollock edge plato engels
usher shroud sade flea beck shaggy takeoff faker trainwreck slash pitbull plies
""")
# (last line: everyday words in English and other languages that are also one-word aliases of
# listed people; written without capitals they need a person cue to count as the name)

# Function words of the languages prompts are commonly written in: never names.
FUNCTION_WORDS = word_set("""
a an the of and or in on at to with by for from as is are was be this that
der die das den dem des ein eine einer einem eines einen und oder mit im am vom zum zur auf aus bei
nach von vor unter uber ueber ist sind
le la les un une des du de et ou avec dans sur sous pour par au aux est
el los las uno una unos unas y o con en sobre para por del al es
il lo gli uno una di da con su per tra fra sulla sullo sulle nel nella dei delle e
o os as um uma uns umas com em no na nos nas do da dos das
het een en van op met voor door bij
""")

# Words before a name that make it a place.
_PLACE_BEFORE = word_set("mount mt lake fort cape port camp lago monte")
# Streets, squares, bridges, stations and ships written before the name they carry, in the languages of the prompts
# (round 13): "проспект Ленина", "улица Пушкина", "rue Victor Hugo", "calle Cervantes", "شارع الملك فهد",
# "כיכר רבין", "the SS Henrietta Voss", "HMS Victoria". Written as the normaliser writes them (accents off).
_STREET_BEFORE = word_set("""
estadio estadi stadio stade stadion aeropuerto aeroporto aeroport flughafen lotnisko letiste lufthavn lufthavn
flygplats lentoasema havalimani autodromo velodromo coliseo polideportivo palaspor palazzetto
проспект проспекте проспекта улица улице улицы улицу площадь площади переулок переулке бульвар бульваре
набережная набережной шоссе проезд станция станции метро мост моста мосту вулиця вулиці площа
rue avenue boulevard bd place quai pont gare allee impasse
calle avenida plaza paseo puente estacion
rua avenida praca ponte estacao
via viale piazza corso ponte stazione
parque parques parc parco jardin jardim jardines giardino giardini glorieta malecon alameda rotonda
barrio bairro colonia urbanizacion mercado terminal puerto muelle
strasse str platz allee brucke bahnhof weg gasse ufer
straat plein laan brug
ulica ulicy aleja plac most
ulice ulici ulitsa ulitsy namesti namestie namestia trg trgu trga ulicu prospekt prospekta bulevar bulvar nabrezi
nabrezie nabrezje aleje placu
cadde caddesi sokak sokagi bulvari meydani koprusu
شارع ميدان جسر طريق محطة خیابان میدان بلوار پل
مطار لمطار ملعب جامعة مستشفى مسجد مدرسة مكتبة متحف قاعة ساحة فرودگاه ورزشگاه دانشگاه بیمارستان
аэропорт аэропорта аэропорту стадион стадиона университет университета
רחוב שדרות שד כיכר גשר
ss hms uss rms mv hmas hmcs hmnzs rv
đuong duong pho
aeropuerto aeroporto aeroport flughafen lotnisko luchthaven letiste repuloter
estadio estadi stadio stade stadion stadionu hospital ospedale hopital szpital krankenhaus
universidad universidade universita universite uniwersytet colegio liceo lycee instituto istituto
museo museu musee muzeum teatro teatr biblioteca bibliotheque
galeria galleria galerie pinacoteca pinakothek
аэропорт аэропорта аэропорту стадион стадиона университет университета театр театра музей музея
""")
# Place words of two or more words written before the name (Vietnamese): "phố đi bộ Nguyễn Huệ" (a pedestrian
# street), "sân bay Tân Sơn Nhất", "công viên Lê Văn Tám", "quảng trường Ba Đình" (round 16). As normalised.
_PLACE_PHRASES_BEFORE = frozenset({
    ("pho", "đi", "bo"), ("pho", "di", "bo"), ("đuong", "pho"), ("san", "bay"), ("cong", "vien"),
    ("quang", "truong"), ("benh", "vien"), ("đai", "lo"), ("dai", "lo"), ("ben", "xe"), ("nha", "ga"),
    ("đai", "hoc"), ("dai", "hoc"), ("nha", "hat"), ("bao", "tang"),
})
# Street words written after the name (Turkish, German, ...), with or without a case ending: "Atatürk Bulvarı'nda"
_STREET_AFTER = word_set("""bulvari bulvar caddesi cad cd sokak sokagi meydani parki koprusu camii
platz strasse str allee
havalimani havaalani stadyumu stadi universitesi muzesi hastanesi lisesi okulu anitkabiri
nomidagi aeroporti kochasi maydoni xiyoboni stadioni universiteti shifoxonasi maktabi metro bekati
""")
# round 29b: South Asian road, square, colony and building words after a name ("सरदार पटेल चौक", "காமராஜர் சாலை"),
# matched on the text (the word splitter cuts these scripts at their vowel signs)
_SCRIPT_STREET_AFTER = re.compile(r"\s*(?:मार्ग|नगर|चौक|पथ|रोड|कॉलोनी|भवन|स्टेडियम|विश्वविद्यालय|सेतु|उद्यान|"
                                  r"ચોક|માર્ગ|નગર|રોડ|સર્કલ|ભવન|સ્ટેડિયમ|சாலை|நகர்|தெரு|வீதி|சதுக்கம்|மைதானம்|"
                                  r"সরণি|রোড|নগর|সড়ক|ভবন|চত্বর|మార్గ్|నగర్|రోడ్డు|రోడ్|కూడలి|ರಸ್ತೆ|ನಗರ|ವೃತ್ತ|"
                                  r"ਚੌਕ|ਮਾਰਗ|ਨਗਰ|روڈ|چوک|نگر|شاہراہ|"
                                  # Urdu/Persian town, colony, park, hospital, airport, stadium, university words
                                  # ("علامہ اقبال ٹاؤن", "جناح ہسپتال", "بینظیر بھٹو ایئرپورٹ")
                                  r"ٹاؤن|کالونی|پارک|ہسپتال|ایئرپورٹ|ائیرپورٹ|اسٹیڈیم|سٹیڈیم|یونیورسٹی|"
                                  r"میدان|بلوار|خیابان|فرودگاه|ورزشگاه|بیمارستان|دانشگاه)(?![^\s,.;:!?])")
# round 42d: Burmese market, road, park, bridge, stadium, airport, museum and station words glued after a name
# ("ဗိုလ်ချုပ်အောင်ဆန်းဈေး", "ဗိုလ်ချုပ်လမ်း"); not the verbs and nouns that start with them ("ဈေးဝယ်" shopping,
# "လမ်းလျှောက်" walking)
_MYANMAR_PLACE_AFTER = re.compile(r"ဈေး(?!ဝယ်|ရောင်း)|လမ်း(?!လျှောက်|ပြ|ကြောင်း|ခရီး)|ပန်းခြံ|တံတား|လေဆိပ်|ပြတိုက်|"
                                  r"အားကစားကွင်း|ကွင်း(?!ဆက်)|ဘူတာ")
# Titles that may sit between a street word and the name ("شارع الملك فهد", "avenue du Président Wilson")
_STREET_TITLES = word_set("""
الملك الامير الأمير الشيخ السلطان الامام الإمام الرئيس ملک امام شاه
king queen prince princess saint st san santa sankt sao president general marechal marshal
короля королевы святого генерала маршала академика президента
roi reine president general marechal rey reina presidente general rei rainha re regina presidente
konig konigin kaiser prasident
du de la del des di della do da von van
""")
# Round 24a. Adjectives of a place's own name between the place word and the person it is named after ("Aeropuerto
# Internacional Jorge Chávez", "Estadio Olímpico Atahualpa", "Hospital General Manuel Gea González")
_PLACE_BETWEEN = word_set("""
internacional international internazionale internationale nacional national nazionale municipal municipale
الدولي الدولى بینالمللی имени им международный международного международном
olimpico olympique olimpica olympic olympiastadion metropolitano metropolitana central centrale regional regionale
universitario universitaria general memorial monumental nuevo nueva novo nova nuovo nuova grande gran
""")
# Waters, islands, capes and other places named "<place> of <person>" ("Strait of Magellan", "détroit de Magellan",
# "Cape of ...", "Tomb of Tutankhamun"): the name is the place's
_PLACE_OF = word_set("""
strait straits gulf bay sea isle island islands cape channel sound tomb mausoleum
estrecho estreito stretto detroit golfo golfe bahia baie isla ilha isola ile islas ilhas cabo cap canal mar tumba
tumulo mausoleo tombeau tomba mausolee mausoleu mauzoleum
""")
_OF_WORDS = word_set("of de di du do da del della des dos das")
# Shops, bars and restaurants written before their own name in the Romance languages ("la panadería Doña Carmen",
# "restaurante Don Julio", "trattoria Da Mario", "boulangerie Chez Paul")
_BUSINESS_BEFORE = word_set("""
panaderia pasteleria carniceria fruteria ferreteria libreria peluqueria barberia taqueria heladeria cafeteria
restaurante taberna cantina bodega fonda tienda abarrotes marisqueria churreria polleria rosticeria
boulangerie patisserie brasserie boucherie fromagerie epicerie creperie
pasticceria trattoria osteria pizzeria gelateria panetteria macelleria salumeria tabaccheria enoteca locanda
padaria pastelaria confeitaria lanchonete churrascaria botequim boteco mercearia
toko warung kedai roti restoran makan apotek bengkel
boutique boutiques magasin atelier salon
""")
# (round 42d: Indonesian and Malay shops before their name, "Toko Roti Tan Ek Tjoan" (a bakery), "Warung Mak Beng",
# "Kedai Kopi ..", "Rumah Makan Sederhana")
# Dishes, sweets and drinks written before the name they are named after, in languages that put the noun first
# (round 12): "пирожное Наполеон", "салат Оливье", "gateau Napoleon", "ensalada Cesar", "beef Wellington",
# "σαλάτα Καίσαρα", "עוגת נפוליאון", "سلطة سيزر". Written as the normaliser writes them (no accents; Cyrillic "й" kept).
_DISH_BEFORE = word_set("""
торт торта торте тортик пирожное пирожного пирожные пирог пирога салат салата салатом соус соуса суп супа
коктейль коктейля печенье печенья котлета котлеты котлету десерт десерта конфеты конфета шоколад напиток
бефстроганов тістечко тістечка салату соусу десерт
σαλατα σαλατας γλυκο τουρτα σαλτσα κοκτειλ
gateau gateaux tarte salade sauce cocktail torta tarta pastel ensalada salsa coctel bolo salada molho
kuchen torte salat sosse sose
beef chicken eggs peach oysters veal lobster
كعكة كيكة حلوى سلطة صلصة طبق كيك سالاد سس شیرینی دسر
עוגת עוגה סלט רוטב קינוח
केक सलाद
""")

# Phrases right before a name that make it a style or credit reference, not a depiction.
_STYLE_BEFORE = re.compile(
    r"(?:in the style of|in the manner of|style of|styled after|styled like|in the vein of|"
    r"art by|artwork by|art of|painting by|painted by|drawn by|drawing by|illustrated by|"
    r"illustration by|illustrations by|photo by|photos by|photograph by|photographed by|shot by|"
    r"filmed by|directed by|cinematography by|designed by|sculpted by|sculpture by|rendered by|"
    r"inspired by|influenced by|homage to|reminiscent of|a la|trending on|by|"
    r"im stil von|im stile von|nach art von|al estilo de|estilo de|dans le style de|a la maniere de|"
    # round 22b: the languages whose names after "style" are in a case form ("w stylu Zdzisława Beksińskiego")
    r"w stylu|ve stylu|v stylu|v style|v štýle|u stilu|v slogu|po vzoru|a la manera de|"
    # round 28a: Italian, Portuguese, Dutch and Scandinavian style words ("in stile Caravaggio", "no estilo de
    # Portinari", "in de stijl van Rembrandt", "i stil med Zorn")
    r"in stile|nello stile di|nello stile|stile di|alla maniera di|alla maniera|no estilo de|ao estilo de|"
    r"a maneira de|em estilo|in de stijl van|in de trant van|i stil med|i stilen til|i stil som|"
    r"a la facon de|"
    # round 43d: Italian "alla Caravaggio" (in the manner of), Russian and Ukrainian "в стиле / в манере / в дусі"
    r"alla|в стиле|в манере|в духе|у стилі|в стилі|у манері)\s*$")
# Words right after a name that make it a style reference ("Wes Anderson style").
_STYLE_AFTER = word_set("style styled esque aesthetic aesthetics inspired vibe vibes palette "
                         "stilusaban stilusában stilusu tyyliin tyylinen tyyliä stilinde stiliaus stilā "
                         "colors colours composition lighting technique brushwork brushstrokes")
# "like X" is a style when the sentence talks about making art, otherwise a likeness.
_ART_VERBS = re.compile(r"\b(?:paint\w*|drawn|draw\w*|sketch\w*|render\w*|illustrat\w*|styl\w*|"
                        r"shot|film\w*|photograph\w*|art|artwork|design\w*|colou?r\w*|compos\w*|"
                        r"landscape|still life|painting|sunflowers|scene|cityscape|poster)\b")
_LIKENESS_BEFORE = re.compile(r"(?:looks? like|looking like|look alike of|lookalike of|resembl\w+|"
                              r"with the face of|face of|the likeness of|likeness of|impersonat\w+|"
                              r"double of|doppelganger of|body double of|deepfake of|face ?swap(?:ped)? with|"
                              r"sieht aus wie|parecido a|se parece a|ressemble a|ressemblant a)\s*$")
_LIST_CONNECTOR = re.compile(r"(?:,(?: and| &)?| and| &| \+|,? with)$")
_PERSON_NOUN = re.compile(r"\b(?:man|men|woman|women|guy|girl|boy|person|someone|somebody|lady|gentleman|"
                          r"he|she|actor|actress|singer|kid|child|baby|teen|teenager|dressed|dress\w*|"
                          r"costume|cosplay\w*|model|face)\b")
_INDEFINITE = word_set("a an any some every fictional fictitious generic imaginary random another")
ANIMALS_OBJECTS = word_set("""
dog dogs puppy cat cats kitten horse pony bird parrot fish goldfish hamster rabbit bunny turtle
goat lamb cow bull mouse rat owl eagle hawk crow wren robin sparrow duck goose fox wolf deer moth
snake lizard cow pig goat sheep chicken duck pet robot boat ship yacht car doll teddy bear toy
plant tree pokemon dragon monster alien
racehorse racehorses stallion mare colt filly gelding greyhound thoroughbred ship vessel steamer steamship
freighter tanker schooner sailboat ferry locomotive train
""")


# round 39a: a technique or method named after a person is a style, in the languages of the prompts ("painted with
# the Bob Ross happy little trees technique", "la técnica de Bob Ross", "nach der Technik von Bob Ross", "la méthode
# de X"): the word within five words after the name in the same clause, or right before it with "of"
_TECHNIQUE_WORDS = word_set("""technique techniques method methods tecnica técnica tecnicas técnicas technik techniken
methode méthode methodes méthodes metodo método metodi metodos métodos metoda metodą metodou techniek teknik teknikk
tekniikka technika techniką technikou техника технике технику техникой метод методу методом""")
_TECHNIQUE_BEFORE = re.compile(
    r"(?:technique|techniques|method|t[eé]cnica|t[eé]cnicas|technik|m[eé]thode|m[eé]todo|metodo|metoda|techniek|"
    r"teknik|technika|техник[аеуой]|метод[уа]?)\s+(?:of|de|del|des|du|d'|di|della|da|do|von|van|der|la|el|"
    r"le|nach)?\s*$")
# words between the name and the technique word that make the person the subject ("Bob Ross explaining his technique")
_TECHNIQUE_NOT_BETWEEN = word_set("""his her their its him she he is was showing shows demonstrating demonstrates
explaining explains teaching teaches using uses invented invents developed learning learns""")


def _technique_near(lower: str, start: int, end: int, tail: str) -> bool:
    """Whether a technique or method word names a technique after the person at ``lower[start:end]`` (round 39a)."""
    window = lower[end:end + 60]
    cut = min((i for i in (window.find(","), window.find(";"), window.find(".")) if i >= 0), default=len(window))
    after = _WORD.findall(window[:cut])[:5]
    for i, w in enumerate(after):
        if w in _TECHNIQUE_WORDS:
            return not any(x in _TECHNIQUE_NOT_BETWEEN for x in after[:i])
    near = tail[-30:]
    return any(c in near for c in _TECHNIQUE_STEMS) and _TECHNIQUE_BEFORE.search(near) is not None


_TECHNIQUE_STEMS = ("tec", "téc", "tech", "met", "mét", "tek", "тех", "мет")


def style_tag_name(lower: str, start: int, end: int) -> bool:
    """Whether the name is part of a style embedding's or LoRA's name (round 39a).

    "embedding:style-moebius", "<lora:style_mucha:0.7>", "lyco:artstyle-ghibli", "mucha_style": a "style" or
    "artstyle" joined to the name by a hyphen or an underscore names a style model, not the person.
    """
    if lower[start - 1:start] in ("-", "_") and start >= 6 and lower[max(0, start - 9):start - 1].endswith("style"):
        return True
    return lower[end:end + 1] in ("-", "_") and _STYLE_TAG_AFTER.match(lower, end + 1) is not None


_STYLE_TAG_AFTER = re.compile(r"(?:art)?style\b|(?:art)?style[-_:]")


def words_before(lower: str, start: int, n: int = 4) -> list[str]:
    """Up to ``n`` words that end before ``start`` (closest last)."""
    return [m.group() for m in _WORD.finditer(lower[max(0, start - 80):start])][-n:]


def words_after(lower: str, end: int, n: int = 3) -> list[str]:
    """Up to ``n`` words that start at or after ``end``."""
    out = []
    for m in _WORD.finditer(lower, end, min(len(lower), end + 80)):
        out.append(m.group())
        if len(out) == n:
            break
    return out


def _clause_before(lower: str, start: int) -> str:
    head = lower[max(0, start - 80):start]
    cut = max(head.rfind(","), head.rfind(";"), head.rfind("."))
    return head[cut + 1:] if cut >= 0 else head


def style_reason(lower: str, start: int, end: int, artist: bool = False) -> str | None:
    """Why the name at ``lower[start:end]`` is a style/credit reference, or None.

    Lists count too: in "art by Greg Rutkowski and Alphonse Mucha" both are credits.
    ``artist``: the name is a known visual artist (``data/visual_artists.txt``), so a bare
    tag in a comma list and a possessive ("Van Gogh's Starry Night") are style references
    too. Whether the exemption may apply to a known person at all is decided by the caller
    (:mod:`aplguard.detect.depiction`): only visual artists and names no list knows get it.
    """
    if _credit_list(lower[max(0, start - 160):start].rstrip(), 3):
        return "style or credit reference"
    before = _clause_before(lower, start)
    tail = before.rstrip()
    after = words_after(lower, end, 2)
    if after and after[0] in _STYLE_AFTER:
        return "style reference"
    if after[:2] == ["s", "style"] or (after and after[0] in ("'s", "s") and len(after) > 1 and after[1] == "style"):
        return "style reference"
    if _technique_near(lower, start, end, tail):
        return "style reference (a technique named after the person)"
    # "a woman like X" asks for a likeness; "a hotel lobby like X" for a style.
    likeness = _LIKENESS_BEFORE.search(tail[-40:])
    if re.search(r"\blike\s*$", tail[-8:]) and not likeness and (
            artist or _ART_VERBS.search(before) or not _PERSON_NOUN.search(before)):
        return "style reference (like ...)"
    if artist:
        # "a castle on a hill, greg rutkowski, trending on artstation": an artist tag
        if re.search(r"[,|]\s*$", lower[max(0, start - 3):start]) and re.match(r"\s*(?:[,|.]|$)", lower[end:end + 3]):
            return "artist tag in a prompt list"
        # "Van Gogh's Starry Night", "Wes Anderson's colour palette"
        if lower[end:end + 2] in ("'s", "\u2019s"):
            return "reference to the artist's work"
        # round 33a: an indefinite article before the artist names one of the works ("painted like a Caravaggio", "in
        # the manner of a Vermeer", "un Picasso au mur", "ein echter Rembrandt"); not with a person noun after it
        # ("a Frida Kahlo costume", "a Dalí lookalike")
        if (_ARTICLE_BEFORE.search(tail[-12:]) and not (after and (after[0] in _ARTWORK_NOT
                                                                  or after[0] in _PERSON_AFTER_ARTIST))):
            return "an artwork by the artist"
        motif = _artist_motif(lower, start, end)
        if motif:
            return motif
    return None


_ARTICLE_BEFORE = re.compile(r"(?:^|\s)(?:a|an|un|une|ein|einen|eines|einem|echten|uno|una|um|uma|een|ett|en)$")
_ARTWORK_NOT = frozenset({"costume", "cosplay", "lookalike", "look-alike", "impersonator", "doll", "figure", "figurine",
                          "mask", "type", "kind", "character", "biopic", "actor", "actress", "impression"})


# person nouns after "a <Artist>" make it a kind of person ("a Picasso fan")
_PERSON_AFTER_ARTIST = frozenset({"fan", "fans", "lover", "man", "woman", "girl", "boy", "kid", "child", "baby",
                                  "scholar", "expert", "student", "impersonation", "wannabe"})


# Round 33a. An author's fictional creation in the possessive ("jules verne's nautilus submarine", "tolkien's mordor",
# "lovecraft's cthulhu", "conan doyle's baker street"): a vehicle, creature, world or place of fiction is pictured,
# not the author; a listed fictional name or a fiction noun within two words after the possessive
FICTION_CREATIONS = word_set("""
submarine spaceship starship airship automaton robot robots android androids
monster monsters creature creatures beast beasts dragon dragons golem kraken leviathan aliens martians tripods
multiverse mythos legendarium realms dungeon labyrinth underworld wasteland hound hounds vampire vampires werewolf
werewolves sorcerer sorceress wizard witches mermaid ents sleuth villain villains heroine characters shoggoth
shoggoths morlocks eloi triffids
elves elf orcs orc hobbits hobbit dwarves trolls goblins wizards fairies giants gods deities horrors horror eldritch
mordor gondor rohan shire middle-earth narnia cthulhu nautilus hogwarts gotham westeros oz lilliput wonderland
neverland discworld dune arrakis atlantis yoknapatawpha macondo metropolis erewhon utopia solaris hal
""")


# Participles that say the name is what is pictured, not a style: "kahlo photographed in ...", "dali pictured at ..."
_DEPICTED = word_set("""photographed pictured portrayed filmed captured snapped spotted shown seen depicted
interviewed caricatured posed""")


# Spanish, Portuguese and Italian gerunds ("dirigiendo", "pintando", "dipingendo") and progressive particles of other
# languages ("sedang", "dang" (đang), "lagi", "nag"): a person doing something, not a subject of the artist's work
_ROMANCE_GERUND = re.compile(r"[a-z]{2,}(?:ando|iendo|yendo|endo|indo)")
_PROGRESSIVE = frozenset({"sedang", "dang", "đang", "lagi", "nag"})
# the artist at work, a finite verb or participle right after the name in other languages ("Kahlo malt im Garten",
# "Van Gogh schildert zonnebloemen", "Monet peignant des nymphéas", "Dalí dibuja"), and a relative pronoun that
# starts what the person does ("Dalí che dipinge"): the artist is pictured
_MAKING_ART_VERBS = word_set("""
malt malte zeichnet zeichnete skizziert fotografiert filmt dreht komponiert dirigiert bildhauert meisselt schildert
schilderde tekent tekende fotografeert regisseert componeert dipinge dipingeva disegna disegnava scolpisce fotografa
dirige compone suona pinta pintaba dibuja dibujaba esculpe filma compone toca desenha esculpe fotografa peint peignait
peignant dessine dessinait dessinant sculpte sculptant photographie photographiant filme filmant compose composant
joue jouant maluje malowal rysuje rysowal fotografuje rezyseruje krecil komponuje melukis menggambar memotret
menyutradarai nagpipinta gumuguhit maalaa piirtaa valokuvaa festi malar malade ritar ritade fotograferar maler
tegner fotograferer""")
_RELATIVE_WHO = frozenset({"che", "que", "qui", "joka", "ktory", "ktora"})


# round 24a: making art + a preposition of place after an artist's name is the artist at work, pictured
_AT_WORK = frozenset({"drawing", "painting", "sketching", "sculpting", "carving", "etching", "engraving", "doodling"})
_AT_WORK_PLACE = frozenset({"on", "in", "at", "by", "outside", "near", "beside", "inside", "under", "behind", "next",
                            "atop", "among", "amid", "beneath", "underneath"})
# surfaces and tools that make "drawing on paper", "painting on wood" a medium, not a place
_MEDIUM_SURFACE = frozenset({"paper", "wood", "panel", "board", "silk", "glass", "copper", "plaster", "vellum", "parchment",
                             "cardboard", "linen", "marble", "bronze", "stone", "clay", "style", "black",
                             "white", "monochrome", "sepia", "color", "colour", "blue", "red", "grayscale", "greyscale"})


def _artist_motif(lower: str, start: int, end: int) -> str | None:
    """An artist's name followed by a medium, technique or subject: "klimt gold leaf", "dali melting clocks".

    A medium or technique word in the next two words makes a style reference. A content word
    right after the name does too ("monet haystacks", "van gogh swirling sky"), unless it
    is something a person does or has ("monet painting", "dali walking in the garden",
    "kahlo's face"): a function word ("monet in his garden") leaves the name a person.
    """
    from . import person_cues  # noqa: PLC0415 (person_cues imports this module)

    stop = re.search(r"[,;.:!?|]", lower[end:end + 80])
    after = words_after(lower[:end + stop.start()] if stop else lower, end, 3)
    if not after or not after[0].isascii():
        return None  # scripts without spaces ("宮崎駿が絵を描いている"): no word to read
    if after[0] in _AT_WORK:
        # round 24a: "tove jansson drawing on a rocky island", "kollwitz sketching at her desk": the artist at work
        # somewhere is pictured; "drawing in ink", "painting on canvas", "painting, oil" name the medium (a style)
        medium = any(w in ART_TERMS or w in _MEDIUM_SURFACE for w in words_after(lower, end, 5)[1:4])
        if len(after) > 1 and after[1] in _AT_WORK_PLACE:
            return "style reference (artist with a medium or technique)" if medium else None
        if len(after) == 1 and medium:
            return "style reference (artist with a medium or technique)"
    if after[0] not in person_cues.PERSON_ACTIONS and any(w in ART_TERMS for w in after[:3]):
        return "style reference (artist with a medium or technique)"
    w = after[0]
    if w in _DEPICTED:
        return None  # "frida kahlo photographed in her garden": the artist is what the picture shows (round 14a)
    if (w in FUNCTION_WORDS or w in person_cues.PERSON_ACTIONS or w in person_cues.PERSON_ATTRIBUTES
            or w in person_cues.PERSON_ROLES or w in person_cues.PERSON_SETTINGS or w in ("s", "as", "and")):
        return None
    if w.endswith("ing") and (len(after) < 2 or after[1] in FUNCTION_WORDS):
        return None  # "dali walking in the garden": an action, not an adjective
    if _ROMANCE_GERUND.fullmatch(w) or w in _PROGRESSIVE or w in _MAKING_ART_VERBS or w in _RELATIVE_WHO:
        return None  # round 22a: "almodovar dirigiendo en el set", "dali pintando", "X sedang melukis": an action
    if person_cues.person_evidence(lower, start, end) or person_cues.asks_for_person(lower):
        return None
    return "style reference (artist's name before a subject)"


def _credit_list(before: str, depth: int) -> bool:
    """Whether ``before`` ends in a style cue, possibly followed by other names of a list."""
    if _STYLE_BEFORE.search(before[-48:]):  # cues are short; bounded work per call
        return True
    tail = before[-12:]
    m = _LIST_CONNECTOR.search(tail)
    if depth == 0 or not m:
        return False
    head = before[:len(before) - len(tail) + m.start()].rstrip().split(" ")
    # the previous list item is one to three words long
    return any(_credit_list(" ".join(head[:-n]), depth - 1) for n in (1, 2, 3) if len(head) > n)


def fiction_creation_after(lower: str, end: int, characters: frozenset[str] = frozenset()) -> bool:
    """Whether "'s" and a creation of fiction follow the name ("verne's nautilus", "tolkien's orcs"); ``characters``:
    listed fictional names, lower case ("tolkien's gandalf the grey", "doyle's sherlock holmes")."""
    if lower[end:end + 2] not in ("'s", "\u2019s"):
        return False
    after = words_after(lower, end + 2, 3)
    if any(w in FICTION_CREATIONS for w in after[:2]):
        return True
    return any(" ".join(after[:n]) in characters for n in (3, 2, 1) if len(after) >= n)


# Round 42d. A deity, muse or nymph of myth set beside a one-word name ("Pele the volcano goddess", "Thalia, the muse of
# comedy", "Freya, Norse goddess of love", "Lakshmi, Hindu goddess of wealth"): the name is the figure of myth, also a
# singer's or a footballer's one-word name. The deity word must carry a domain of myth (a nature or life domain:
# "volcano", "of love") or a mythology before it ("Norse", "Hawaiian"); praise of a performer ("Beyoncé, the goddess
# of pop", "Neymar the god of dribbling", "Rihanna, the goddess") has neither.
_DEITY_CHEAP = ("god", "muse", "deit", "nymph", "titan", "dios", "deus", "dea", "dio", "deesse", "dieu", "gott",
                "bog", "бог", "θε")
_DEITY_APPOSED = re.compile(
    r",?\s+(?:(?:the|a|la|el|le|il|lo|o|die|der|de)\s+)?(?P<mods>(?:[a-z'’-]+\s+){0,2}?)"
    r"(?:goddess|god|muse|deity|nymph|titaness|titan|demigoddess|demigod|diosa|dios|deusa|deus|dea|dio|deesse|"
    r"dieu|gottin|gott|bogini|bog|богиня|бог|θεα|θεος)\b(?:\s+(?:of|de|del|della|di|du|des|da|do|der|des)\s+"
    r"(?:(?:the|la|el|le|il|lo|los|las|les|die)\s+)?(?P<domain>[a-z]+))?")
_MYTH_DOMAINS = word_set("""
love wisdom war sea seas ocean oceans sky skies sun moon stars thunder lightning storm storms fire volcano volcanoes
harvest death dead underworld hunt hunting dawn night rainbow wine fertility spring wind winds rain earth forest forests
wealth prosperity fortune luck knowledge learning comedy tragedy history poetry astronomy hearth agriculture grain
justice victory destruction time chaos light darkness crafts forge smithing healing medicine childbirth marriage
mischief trickery dreams sleep rivers river snow ice winter summer flowers vegetation
amor sabiduria guerra mar cielo sol luna fuego volcan cosecha muerte caza aurora noche lluvia tierra
amour sagesse mer ciel soleil lune feu volcan moisson mort chasse nuit pluie terre
liebe weisheit krieg meer himmel sonne mond feuer jagd nacht regen erde
amore saggezza cielo fuoco caccia notte pioggia
""")
_MYTH_MODIFIERS = word_set("""
volcano sea ocean sky sun moon storm thunder fire harvest death war love rainbow river forest earth wind dawn night
mountain fertility hearth underworld mother mother-earth snow ice winter spring star lunar solar
norse greek roman hindu egyptian hawaiian polynesian celtic slavic aztec maya mayan inca yoruba shinto japanese
chinese mesopotamian sumerian babylonian olympian mythological mythic ancient pagan maori vedic buddhist
""")
_DEITY_NOT_BETWEEN = frozenset({"as", "like", "with", "and", "dressed", "posing", "playing", "in", "at", "on", "is",
                                "was", "becomes", "becoming", "meets", "meeting", "worshipping", "praying", "to", "vs",
                                "versus", "of", "for", "como", "comme", "wie", "als", "new", "modern", "living"})


def deity_apposed(lower: str, end: int) -> bool:
    """Whether a deity, muse or nymph of myth is set beside the name right after it (round 42d: "Pele the volcano
    goddess", "Thalia, the muse of comedy"); praise of a performer ("the goddess of pop") is not."""
    if not any(c in lower[end:end + 40] for c in _DEITY_CHEAP):
        return False
    m = _DEITY_APPOSED.match(lower, end)
    if m is None:
        return False
    mods = m.group("mods").split()
    if any(w in _DEITY_NOT_BETWEEN for w in mods):
        return False
    return any(w in _MYTH_MODIFIERS for w in mods) or (m.group("domain") or "") in _MYTH_DOMAINS


# Round 43d. A character of fiction, epic or folk tale set beside the name ("Zemfira, the gypsy heroine of Pushkin's
# poem", "Sosruquo from the Nart sagas", "Aldar Kose, Kazakh folk tale", "Ilya Muromets, hero of the Russian
# byliny"): the role must be a story's ("heroine of", "protagonist of", "character in") or the source a genre of
# story (sagas, epics, folk tales, fables, myths, legends of a people); praise of a performer ("the hero of the
# final", "a legend of football") names no story; nor does a film ("Tom Hanks, the hero of the film Big": its actor).
_FICTION_CHEAP = ("hero", "protagon", "character", "villain", "narrator", "saga", "epic", "tale", "fable", "myth",
                  "legend", "folklore", "ertegi", "masal", "сказк", "былин", "эпос", "cuento", "conte", "marchen",
                  "fiaba", "favola", "leyenda", "lenda", "skazk", "bylin", "epos")
_STORY = (r"(?:sagas?|epics?|epos|eddas?|byliny|bylinas?|folk ?tales?|fairy ?tales?|fables?|folklore|mytholog(?:y|ies)|"
          r"poems?|novels?|novellas?|tales?|ballads?|"
          r"halyq ertegisi|ertegisi|ertegi|masali|masal|сказк[аиеу]|былин[аыеу]|эпос[аеу]?|cuentos?|contes?|"
          r"marchen|fiabas?|favolas?|leyendas?|lendas?)")
_FICTION_APPOSED = re.compile(
    r"(?:,\s*|\s+)(?:(?:the|a|an)\s+)?(?:[\w'’-]+\s+){0,3}?"
    r"(?:(?:hero|heroine|protagonist|character|villain|antihero|anti-hero|narrator|trickster)\s+(?:of|from|in)\b"
    r"(?:\s+[\w'’-]+){0,4}?\s+" + _STORY + r"\b|"
    r"(?:epic|folk|legendary|mythical|mythic|saga|fairy-?tale) (?:hero|heroine|character|figure|trickster)\b|"
    r"from (?:the |a |an )?(?:[\w'’-]+\s+){0,3}?" + _STORY + r"\b)")
# a genre tag of its own in the prompt: ", Kazakh folk tale,", ", qazaq halyq ertegisi,"
_STORY_TAG = re.compile(r"(?:^|[,;|])\s*(?:[\w'’-]+\s+){0,2}?(?:folk ?tales?|fairy ?tales?|fables?|folklore|"
                        r"sagas?|epic poem|halyq ertegisi|ertegisi|masali|сказк[аи]|былин[аы]|cuento popular|"
                        r"conte populaire|marchen|fiaba|leyenda popular)\s*(?=[,;|]|$)")
_NOT_STORY_BETWEEN = frozenset({"as", "like", "playing", "dressed", "cosplaying", "portraying", "plays", "played"})


def fiction_apposed(lower: str, end: int) -> bool:
    """Whether a role in a story or a story's genre is set right after the name (round 43d)."""
    if not any(c in lower[end:end + 80] for c in _FICTION_CHEAP):
        return False
    m = _FICTION_APPOSED.match(lower, end)
    return m is not None and _NOT_STORY_BETWEEN.isdisjoint(m.group().split())


def story_tag(lower: str) -> bool:
    """Whether the prompt carries a folk-tale, fable or saga genre tag as a clause of its own (round 43d)."""
    return any(c in lower for c in _FICTION_CHEAP) and _STORY_TAG.search(lower) is not None


def likeness_before(lower: str, start: int) -> bool:
    """Whether a likeness cue ("looks like", "with the face of") comes right before."""
    return bool(_LIKENESS_BEFORE.search(_clause_before(lower, start).rstrip()[-40:]))


# Adjectives by their ending (a name + adjective + thing noun is still a thing).
_ADJECTIVE = re.compile(r"[a-z]{3,}(?:al|ial|ic|ical|ian|ese|ish|ary|ory)")
# round 41d: words that rank a building or place between the name it carries and its noun ("grand mosque", "great
# bridge", "central library"); "national" and "royal" end as _ADJECTIVE does
_PLACE_RANK = frozenset({"grand", "great", "central", "main", "memorial", "state", "city", "civic", "twin"})


# round 26b: "X airport fashion", "X street style photo": what a person wears at the place (a genre of celebrity
# photos), not a place named after the person
_LOOK_AFTER_PLACE = frozenset({"fashion", "look", "looks", "style", "outfit", "outfits", "ootd", "snap", "snaps"})


# Round 42d. Garments and cuts named after people ("Nehru jacket", "Mao suit", "Eisenhower jacket", "Jinnah cap"):
# "<name> jacket" may be the person in a jacket, so a garment counts as a thing only when the prompt shows it without a
# wearer (a mannequin, a hanger, a product shot, a flat lay, a shop window)
_GARMENTS = word_set("""jacket jackets coat coats suit suits blazer blazers collar collars cap caps hat hats vest
waistcoat waistcoats tunic tunics kurta sherwani achkan jodhpurs trousers shirt shirts jersey jerseys scarf sweater
cardigan boots sneakers shoes glasses sunglasses spectacles dress dresses gown gowns tshirt tshirts tee tees hoodie
hoodies""")
_DISPLAY_CHEAP = ("manneq", "mannik", "hanger", "product", "flat", "catalog", "packshot", "window", "e-commerce",
                  "ecommerce", "display", "ghost", "folded", "rack", "shelf")
_DISPLAY_CUE = re.compile(r"\b(?:mannequins?|mannikins?|hangers?|(?:coat|clothes) hangers?|product (?:photo|shot|"
                          r"photography|image|render)|flat ?lay|catalog(?:ue)? (?:photo|shot|image)|packshot|"
                          r"shop window|store window|e-?commerce|on display|display case|ghost mannequin|folded|"
                          r"(?:clothes|clothing) rack|on a (?:rack|shelf))\b")


def thing_after(lower: str, end: int, one_word: bool = False, text: str | None = None) -> str | None:
    """The thing/place noun right after a name ("Memorial", "'s cradle"), or None.

    For one-word names a following ", <state or country>" also makes a place ("Columbus, Ohio").
    With the original ``text``, a title-cased word may sit in between ("Churchill War Rooms",
    "Kennedy Space Center"): a proper compound naming a place or thing.
    """
    region = region_after(lower, end) if one_word else None
    if region:
        return region
    stop = re.search(r"[,;.:!?|]", lower[end:end + 80])
    after = words_after(lower[:end + stop.start()] if stop else lower, end, 2)  # same clause only
    if after and after[0] == "s" and lower[end:end + 1] in ("'", "\u2019"):
        after = after[1:]  # possessive: "Newton's cradle"
        if text is not None and after and after[0] not in THING_NOUNS and not text.isupper():
            three = words_after(lower[:end + stop.start()] if stop else lower, end + 2, 3)
            if (len(three) == 3 and three[2] in THING_NOUNS and three[1] not in FUNCTION_WORDS
                    and text[end + 3:end + 4].isupper() and three[0] not in FUNCTION_WORDS):
                return three[2]  # round 43d: "Gagarin's Start launch pad": the thing's own title-cased name between
    if after and after[0] in THING_NOUNS and not (len(after) == 2 and after[1] in _LOOK_AFTER_PLACE):
        return after[0]
    if after and re.split(r"['\u2019]", after[0])[0] in _STREET_AFTER:
        return after[0]  # "Atatürk Bulvarı'nda", "Bağdat Caddesi", "Goethe Platz": a street named after someone
    if len(after) == 2 and after[0] in _TR_PLACE_BETWEEN and re.split(r"['\u2019]", after[1])[0] in _STREET_AFTER:
        return after[1]  # round 43d: "Atatürk Olimpiyat Stadı": a Turkish adjective between
    if not lower.isascii() and _BUILDING_AFTER.match(lower, end):
        return "place"  # round 34a: "Сүхбаатарын талбай", "Абай көшесі": a place word of Central Asia after the name
    if not lower.isascii() and _SCRIPT_STREET_AFTER.match(lower, end):
        return "street"  # round 29b: "સરદાર પટેલ ચોક", "गांधी नगर": a road, square or colony named after someone
    if "\u1000" <= lower[end:end + 1] <= "\u109f" and _MYANMAR_PLACE_AFTER.match(lower, end):
        return "place"  # round 42d: "ဗိုလ်ချုပ်အောင်ဆန်းဈေး" (Bogyoke Aung San Market): Burmese writes it glued after the name
    if re.match(r"\s*(?:and|&)\s+(?:company|co|sons|daughters|brothers|partners|associates)\b", lower[end:end + 30]):
        return "company"  # "Shakespeare and Company bookstore", "Smith & Sons": a business named after someone
    if len(after) == 2 and after[1] in THING_NOUNS and lower[end:end + 1] in ("-", "\u2013", "\u2014"):
        return after[1]  # "Einstein-Rosen bridge": two names hyphenated before a thing
    if len(after) == 2 and after[1] in THING_NOUNS and after[0] in _CRAFT_KIND:
        return after[1]  # round 38a: "Kepler space telescope", "Parker solar probe"
    if after[:2] == ["t", "shirt"]:
        after = ["tshirt"]  # "Che Guevara t-shirt"
    if after and after[0] in _GARMENTS and any(c in lower for c in _DISPLAY_CHEAP) and _DISPLAY_CUE.search(lower):
        return after[0]  # round 42d: "nehru jacket on a mannequin, product photo": a garment named after someone, shown
    if len(after) == 2 and after[1] in THING_NOUNS and after[0] in _PLACE_RANK:
        return after[1]  # round 41d: "sheikh zayed grand mosque", "king fahd great bridge": a rank word before it
    if len(after) == 2 and after[1] in THING_NOUNS and _ADJECTIVE.fullmatch(after[0]):
        return after[1]  # "Obama presidential library", "Einstein medical center"
    if text is not None and len(after) == 2 and after[1] in THING_NOUNS and _proper_word_after(text, end):
        return after[1]  # both words title-cased: "War Rooms", not "Tesla car"
    return None


def _proper_word_after(text: str, end: int) -> bool:
    """Whether the two words after ``end`` are title-cased in a prompt that is not all capitals.

    "-ing" words and function words are left out: "Obama Eating Pizza" is still a person.
    """
    if text.isupper():
        return False
    m = _WORD.search(text, end, min(len(text), end + 40))
    if not m or text[end:m.start()].strip(" -"):
        return False
    m2 = _WORD.search(text, m.end(), min(len(text), m.end() + 40))
    if not m2 or text[m.end():m2.start()].strip(" -"):
        return False
    w = m.group()
    return (w.istitle() and m2.group().istitle() and not w.lower().endswith("ing")
            and w.lower() not in FUNCTION_WORDS)


REGIONS = word_set("""
alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho
illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota
mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah
vermont virginia washington wisconsin wyoming dakota carolina jersey hampshire mexico york
ontario quebec alberta manitoba saskatchewan british columbia scotland england wales ireland australia
canada usa uk france germany italy spain brazil argentina chile peru colombia india china japan
""")


def region_after(lower: str, end: int) -> str | None:
    """"Columbus, Ohio", "Lincoln Nebraska": a name followed by a state or country is a place."""
    after = words_after(lower, end, 1)
    return after[0] if after and after[0] in REGIONS else None


# Round 26a. Airports and stations whose official name puts the town first and the person after it ("aeroporto di
# Fiumicino Leonardo da Vinci", "aeropuerto de Madrid-Barajas Adolfo Suárez", "Flughafen Berlin Brandenburg Willy
# Brandt"): up to two place words (no function word, no gerund) stand between the hub word and the name
_HUB_BEFORE = word_set("""aeropuerto aeroporto aeroport aeroporti aerodromo flughafen lotnisko letiste luchthaven
repuloter lentoasema flygplats lufthavn havalimani аэропорт аэропорта аэропорту""")


def _hub_before(before: list[str]) -> str | None:
    between = 0
    for w in reversed(before):
        if w in _HUB_BEFORE:
            return w
        if w in _OF_WORDS or w in _PLACE_BETWEEN:
            continue
        between += 1
        if between > 2 or w in FUNCTION_WORDS or _ROMANCE_GERUND.fullmatch(w):
            return None
    return None


# Round 28a: vessels written before the name they carry ("the fishing trawler Maria Helena", "el pesquero Virgen del
# Carmen", "le chalutier Marie-Jeanne", "der Kutter Anna Maria", "il peschereccio Maria Grazia")
_VESSEL_BEFORE = word_set("""
boat ship trawler yacht ferry schooner sailboat tugboat tug barge steamer steamship cutter freighter tanker liner
vessel catamaran sloop ketch galleon frigate dinghy riverboat houseboat lifeboat longboat trawlers
barco buque pesquero velero yate ferri transbordador lancha bote goleta barca navio traineira veleiro iate balsa
traineiras nave peschereccio traghetto veliero bateau navire chalutier voilier paquebot caboteur remorqueur
schiff boot fischkutter kutter jacht fahre segelboot segelschiff frachter schip kotter veerboot zeilboot
statek kuter prom zaglowiec fartyg farja segelbat skib faerge fiskebat
icebreaker icebreakers dhow dhows felucca sampan dredger submarine destroyer cruiser battleship warship corvette
gunboat airship zeppelin rompehielos quebra-gelo rompighiaccio brise-glace eisbrecher ijsbreker lodolamacz
pirogue pirogues piroga piragua canoe canoes canoa dugout gondola rowboat motorboat speedboat clipper caravel carrack
brigantine outrigger bangka jukung dhoni pinasse
portaaviones porta-avioes portaerei flugzeugtrager vliegdekschip lotniskowiec
авианосец авианосца крейсер крейсера ледокол ледокола линкор линкора эсминец фрегат теплоход теплохода пароход
парохода яхта яхты
""")
# round 43d: "the aircraft carrier Charles de Gaulle", "the carrier USS ...": "carrier" alone is also a person's job
# ("the mail carrier Tom"), so only after "aircraft"
_CARRIER_BEFORE = (("aircraft", "carrier"), ("helicopter", "carrier"), ("escort", "carrier"))
# Round 40d: laws, prizes and navy ship prefixes written before the person they are named after ("Lei Maria da Penha",
# "Ley Olimpia", "loi Veil", "Premio Cervantes", "prix Goncourt", "ARA Almirante Irízar", "INS Vikrant"); round 41d:
# trophies and cups ("el trofeo Juan Gamper", "la Coppa Rimet", "der Pokal ...")
_NAMED_FOR_BEFORE = word_set("""lei ley loi legge leggi premio premios premi prix nagroda
trofeo trofeu trophee trofej trofeum pokal puchar coppa coupe copa
uss hms hmas hmcs hmnzs ins pns kri bap ara nrp brp tcg ros jds""")
# kinds of ship between the ship word and its name ("buque escuela", "navio-escola", "nave scuola", "research vessel")
_VESSEL_KIND = word_set("""escuela escola scuola ecole school training research oceanografico oceanografica hospital
patrulla patrulha insignia almirante""")
# Round 28a: venues that carry a person's whole name or nickname, with the person's other names between the venue
# word and the part a detector matched ("Estádio Mané Garrincha", "Stadio Diego Armando Maradona")
_VENUE_BEFORE = word_set("""
estadio estadi stadio stade stadion stadionu stadium arena aeropuerto aeroporto aeroport flughafen lotnisko
letiste autodromo velodromo coliseo polideportivo palaspor palazzetto ginasio gimnasio palacio palazzo
""")


# Round 29a: airports, stadiums, universities, hospitals, schools and streets of the African and South-East Asian
# languages, written as a phrase with linking words before the person they are named after: Swahili "Uwanja wa Ndege
# wa Kimataifa wa Julius Nyerere", "Chuo Kikuu cha ...", "Barabara ya ..."; Hausa "Filin Jirgin Sama na Kasa da Kasa
# na ...", "Jami'ar ..."; Yoruba "Papa Ọkọ̀ Òfurufú ...", "Ilé-ẹ̀kọ́ Gíga ..."; Indonesian/Malay "Bandar Udara
# Internasional ...", "Lapangan Terbang Antarabangsa ...", "Jalan ..."; Tagalog "Paliparang Pandaigdig ng ...";
# romanised Amharic "... Ayer Marefiya". The pre-check is the head word's first letters (most names have none).
_AFRO_ASIAN_HEADS = ("uwanja", "chuo", "barabara", "mtaa", "hospitali", "shule", "filin", "jami", "titin",
                     "asibitin", "makarantar", "papa ", "ile", "opopona", "bandar", "bandara", "jalan", "jl", "lapangan",
                     "stadion", "universitas", "gelora", "paliparan", "unibersidad", "ospital", "ayer", "rumah sakit",
                     "sekolah", "masjid", "kalye", "daan", "sitadiyem", "bulvari", "gymnasium")
_AFRO_ASIAN_PLACE = re.compile(
    r"\b(?:uwanja(?: wa (?:ndege|michezo|taifa))?|chuo kikuu(?: cha)?|barabara|mtaa|hospitali(?: ya rufaa)?|"
    r"shule(?: ya (?:msingi|sekondari))?|filin (?:jirgin sama|jirgi|wasa|tashi da saukar jirage)|jami'?ar|titin|"
    r"asibitin|makarantar|papa (?:oko )?ofurufu|papa (?:isere|isire)|ile[- ]?(?:eko|iwe) giga|ile[- ]?iwosan|"
    r"opopona|bandar udara|bandara|jalan|jl\.?|lapangan terbang|stadion|stadium|universitas|universiti|gelora|"
    r"rumah sakit(?: umum)?|sekolah|masjid|paliparang?|unibersidad|ospital|kalye|daang|ayer marefiya|"
    r"yunivarsiti|sitadiyem)"
    r"(?: (?:wa|ya|cha|la|za|kwa|na|ta|ti|ng|de|di|do|of|kimataifa|internasional|international|antarabangsa|"
    r"kasa da kasa|agbaye|pandaigdig|pandaigdigang|nasional|kebangsaan|taifa|umum|pusat|utama|raya|kuu|"
    r"ndege|sama|michezo|jenderal|jend|presiden|sultan|raja|pangeran|bung|haji|alhaji|mzee|mwalimu|sheikh|chief|"
    r"sir|dr|general|jenerali|rais|ir|kh|pahlawan|tun|tunku|datuk|teuku|ratu|sarkin|oba|olu|pandit|dokta))* $")


def _afro_asian_place(lower: str, start: int) -> str | None:
    window = lower[max(0, start - 60):start]
    if not any(h in window for h in _AFRO_ASIAN_HEADS):
        return None
    m = _AFRO_ASIAN_PLACE.search(window)
    return m.group().strip() if m else None


# Round 38a. A named work or building "of" its maker in the Romance languages and German ("la Sagrada Família de
# Gaudí", "el Guernica de Picasso", "la Pietà di Michelangelo", "o Cristo Redentor de Landowski", "die Sixtinische
# Kapelle von Michelangelo"): an article, one to three capitalised words, "de/di/da/von", then the name -- the work,
# not the maker, is pictured. The article is required ("Francisco de Goya" is a name), and a portrait word as the
# "work" ("El retrato de Gaudí", "La foto de Dalí") leaves the person pictured.
_WORK_OF_CHEAP = (" de ", " di ", " da ", " del ", " della ", " do ", " von ", " du ")
_WORK_OF_BEFORE = re.compile(r"(?:^|[\s(\"“])(?:la|el|il|le|lo|les|los|las|gli|o|os|as|l'|l’|der|die|das|the)\s?"
                             r"(?P<work>(?:[A-Z][\w'’-]*\s){0,2}[A-Z][\w'’-]*)\s(?:de|di|da|del|della|do|von|du)\s$")
# round 40d: a museum, gallery or exhibition word anywhere in the prompt: an artwork or exhibit is pictured
_MUSEUM_CHEAP = ("muse", "muze", "galer", "galler", "exhib", "expos", "ausstell", "музе", "متحف", "संग्रहालय", "博物",
                 "美术馆", "美術館")
_MUSEUM_CUE = re.compile(r"muse(?:um|o|e|u|i|ums|os|et)\b|muzeum|muzej|galler(?:y|ia|ies)|galerie|galeria|exhibit|"
                         r"exhibition|exposicion|exposicao|exposition|ausstellung|музе|متحف|संग्रहालय|博物|美术馆|美術館")
# wax figures and lookalike museums show the person's likeness, not an artwork of the past
# (round 41d: also a lifelike, hyperrealistic or silicone figure: a likeness made to pass for the person)
_WAX = re.compile(r"\bwax|tussaud|\bcera\b|wachs|\bcire\b|life-?like|hyper-?real|photo-?real|silicone|realistic")
_WORK_OF_BARE = re.compile(r"(?:^|[,;:(\"“]\s*)(?P<work>(?:[A-Z][\w'’-]*\s){0,2}[A-Z][\w'’-]*)\s"
                           r"(?:de|di|da|del|della|do|von|du)\s$")


def museum_cue(lower: str) -> bool:
    """Whether the prompt pictures a museum, gallery or exhibition, and no wax figure (round 40d)."""
    return (any(c in lower for c in _MUSEUM_CHEAP) and _MUSEUM_CUE.search(lower) is not None
            and _WAX.search(lower) is None)


# round 40d: sculpture and relic words next to a name in a museum photo ("Nefertiti bust in the Neues Museum",
# "busto de Nefertiti, museo", "the mask of Tutankhamun in the Egyptian Museum")
_SCULPTURE = word_set("""bust busts statue statues sculpture sculptures mask relief stele figurine sarcophagus mummy
busto bustos estatua estatuas escultura mascara sarcofago momia statua scultura maschera sarcofago mummia
buste sculpture masque sarcophage momie buste skulptur maske sarkophag mumie popiersie posag rzezba
бюст статуя скульптура маска саркофаг мумия تمثال قناع""")


def museum_artwork(lower: str, start: int, end: int) -> str | None:
    """A sculpture word right after the name, or right before it with "of", in a museum photo (round 40d)."""
    if not museum_cue(lower):
        return None
    for w in words_after(lower, end, 2)[:1] + [w for w in words_before(lower, start, 3)[-3:-1]]:
        if w in _SCULPTURE:
            return w
    return None


_PORTRAIT_NOUNS = frozenset({"retrato", "retratos", "foto", "fotos", "fotografia", "imagen", "imagem", "ritratto",
                             "portrait", "portret", "photo", "bild", "bildnis", "busto", "buste", "statue",
                             "estatua", "statua", "escultura", "scultura", "sculpture", "caricatura",
                             "caricature", "dibujo", "desenho", "disegno", "dessin", "cara", "rostro", "volto",
                             "visage", "rosto", "figura", "figure", "cuerpo", "corpo", "vida", "vita", "vie", "leben",
                             "mujer", "esposa", "hijo", "hija", "familia", "famille", "madre", "padre", "casa",
                             "maison", "haus", "tumba", "tomba", "tombe", "grab", "museo", "musee", "museum", "era",
                             "epoca", "epoque"})


def work_by_before(lower: str, text: str, start: int) -> str | None:
    """A named work or building of the maker right before the name (see ``_WORK_OF_BEFORE``), or None."""
    if not any(w in lower[max(0, start - 8):start + 1] for w in _WORK_OF_CHEAP):
        return None
    m = _WORK_OF_BEFORE.search(text[max(0, start - 60):start])
    if m is None and museum_cue(lower):
        # round 40d: without the article when the prompt is a museum photo ("Pietà di Michelangelo, fotografia di
        # museo", "Guernica de Picasso en el museo"): the article-less title opens the prompt or a clause
        m = _WORK_OF_BARE.search(text[max(0, start - 60):start])
    if m is None or text.isupper():
        return None
    words = m.group("work").lower().split()
    if words[0] in _PORTRAIT_NOUNS and (len(words) == 1 or words[1] in _PORTRAIT_NOUNS):
        return None  # "La Familia de Gaudí", "El Retrato de ...": one common noun; "la Sagrada Família" is a title
    return "a work or building of the maker"


def place_before(lower: str, start: int) -> str | None:
    """"Mount"/"Lake"/"Fort"... right before the name, or a street, square, bridge, station or ship word right
    before it or before a title in front of it ("проспект Ленина", "شارع الملك فهد", "the SS Henrietta Voss")."""
    # round 21a: an elided article joins the street word ("l'avenue Habib Bourguiba", "dell'avenida")
    before = [re.sub(r"^\w{1,4}['’](?=\w)", "", w) for w in words_before(lower, start, 3)]
    if before and (before[-1] in _PLACE_BEFORE or before[-1] in _STREET_BEFORE or before[-1] in _VESSEL_BEFORE):
        return before[-1]
    if tuple(before[-2:]) in _CARRIER_BEFORE:
        return "aircraft carrier"
    if before and before[-1] in _NAMED_FOR_BEFORE:
        return before[-1]  # round 40d: "Lei Maria da Penha", "Ley Micaela", "Premio Cervantes", "INS Vikrant"
    if len(before) >= 2 and before[-1] in _VESSEL_KIND and before[-2] in _VESSEL_BEFORE:
        return before[-2]  # round 40d: "buque escuela Juan Sebastián de Elcano", "navio-escola Almirante Saldanha"
    for n in (2, 3):  # round 28a: "Estádio Mané Garrincha": one or two name words between, no punctuation
        if (len(before) >= n and before[-n] in _VENUE_BEFORE and re.fullmatch(r"[\w' -]*", lower[
                lower.rfind(before[-n], 0, start):start])
                and not any(w in FUNCTION_WORDS or w in _VENUE_BEFORE for w in before[-n + 1:])):
            return before[-n]
    for n in (3, 2):
        if tuple(before[-n:]) in _PLACE_PHRASES_BEFORE:
            return " ".join(before[-n:])  # "phố đi bộ Nguyễn Huệ": a Vietnamese place phrase (round 16)
    if len(before) >= 2 and before[-1] in _OF_WORDS and before[-2] in _PLACE_OF:
        return before[-2]  # round 24a: "Strait of Magellan", "estrecho de Magallanes", "Gulf of Carpentaria"
    afro_asian = _afro_asian_place(lower, start)
    if afro_asian:
        return afro_asian
    before6 = words_before(lower, start, 6)
    if not _HUB_BEFORE.isdisjoint(before6):
        hub = _hub_before(before6)
        if hub:
            return hub
    if before and before[-1] in _BUSINESS_BEFORE:
        return before[-1]  # round 24a: "la panadería Doña Carmen", "restaurante Don Julio": a business's name
    if len(before) >= 2 and before[-1] in ("chez", "da", "bei") and before[-2] in _BUSINESS_BEFORE:
        return before[-2]  # round 43d: "le salon « Chez Tata Mireille »", "trattoria Da Nonna Rosa"
    if (len(before) >= 2 and before[-2] in _STREET_BEFORE and not before[-1].isascii()
            and _CYRILLIC_GENITIVE_GIVEN.fullmatch(before[-1]) and before[-1] not in FUNCTION_WORDS):
        return before[-2]  # round 42d: "площа Льва Толстого", "улица Тараса Шевченко": the given name in the genitive
    for titles, w in enumerate(reversed(before[:-1] if before else []), 1):
        if before[-titles] not in _STREET_TITLES and before[-titles] not in _PLACE_BETWEEN:
            return None  # only titles may stand between the street word and the name
        if w in _STREET_BEFORE:
            return w
    return None


# round 42d: a Russian or Ukrainian given name in the genitive ("Льва", "Тараса", "Михаила", "Ивана", "Леси"), as the
# street names of these languages write it between the street word and the surname
_CYRILLIC_GENITIVE_GIVEN = re.compile(r"[а-яёіїєґ]{2,}(?:а|я|и|ы|і)")


# Words that open the name of a place or building in the Romance languages and English ("Rio Negro", "Villa Borghese",
# "Santa Maria della Salute", "Playa Blanca"); as the first word of a name shape they make it a place. Words that
# are also common first names (Maria, Costa as a surname) are not here.
_PLACE_FIRST = word_set("""
rio villa santa santo san sao monte mont lago lac isla ilha porto puerto playa praia sierra serra cabo bahia
ponte piazza plaza praca rua calle castillo castello castelo palazzo palacio saint sainte lake mount cape fort
estadio estadi stadio stade stadion aeropuerto aeroporto aeroport flughafen lotnisko letiste autodromo velodromo
coliseo polideportivo palaspor palazzetto parque parc parco jardin jardim giardino glorieta malecon alameda
sankt swiety swieta svaty svata svety sveti sveta sint szent
jalan jl bandara uwanja barabara mtaa gelora universitas lapangan paliparang filin titin opopona
""")
# Countries and regions as the Romance languages write them, as the LAST word of a name shape ("Bella Italia",
# "Nueva España"): a place or a restaurant, not a person.
_COUNTRY_LAST = word_set("""
italia espana francia brasil mexico alemania deutschland portugal argentina colombia chile peru venezuela cuba
grecia turquia marruecos egipto japon china india rusia inglaterra irlanda escocia suiza austria belgica holanda
toscana sicilia sardegna andalucia galicia cataluna catalunya provence bretagne normandie bahia
""")


# Round 26a: street and square words that open a name shape ("Ulica Marszałkowska", "Náměstí Míru", "Trg bana
# Jelačića", "Проспект Мира"); the street words that are also given names (Rua, Pho, ...) stay out
_STREET_FIRST = _STREET_BEFORE - word_set("rua duong đuong pho musee ss rv mv bd str most weg place gare pont corso")


def place_name(lower: str, start: int, end: int) -> str | None:
    """A name shape that is a place: it opens with a place word ("Rio Negro") or ends with a country ("Bella
    Italia"); None otherwise."""
    words: list[str] = re.findall(r"\w+", lower[start:end])
    if len(words) < 2:
        return None
    if words[0] in _PLACE_FIRST or words[0] in _STREET_FIRST:
        return words[0]
    if words[0] in _PLACE_OF and words[1] in _OF_WORDS and words[0] not in ("mar", "isla"):  # Mar, Isla: first names
        return words[0]  # round 24a: "Mar de Magallanes", "Canal de Beagle", "Golfo de Penas": waters named "of" someone
    return words[-1] if words[-1] in _COUNTRY_LAST else None


# Flowers, fruit and other plants whose varieties are named after people ("a Queen Elizabeth rose", "Pierre de
# Ronsard roses", "a Monty Don tulip"): after the name, with an article before it, the name is a cultivar (round 16).
_VARIETY_NOUNS = word_set("""rose roses tulip tulips dahlia dahlias peony peonies camellia camellias clematis magnolia
magnolias hydrangea hydrangeas orchid orchids lily lilies iris irises rhododendron rhododendrons azalea azaleas
cultivar cultivars variety hybrid apple apples pear pears grape grapes potato potatoes tomato tomatoes""")
# ... unless the word is the verb "rose" ("the queen elizabeth rose to speak")
_VARIETY_NOT_NEXT = word_set("to from up out again and slowly quickly")
_ARTICLES = word_set("a an the some these those her his my our their")


def variety_after(lower: str, start: int, end: int) -> str | None:
    """A plant variety named after the person: "a Queen Elizabeth rose in bloom", "the Peace roses"; None otherwise."""
    after = words_after(lower, end, 2)
    if not after or after[0] not in _VARIETY_NOUNS:
        return None
    if after[0] == "rose" and len(after) > 1 and after[1] in _VARIETY_NOT_NEXT:
        return None
    before = words_before(lower, start, 1)
    plural = after[0].endswith("s") and after[0] != "iris"
    return after[0] if (before and before[0] in _ARTICLES) or plural else None


# Placeholder names of a language's everyman ("przeciętny Jan Kowalski", "der typische Max Mustermann", "an average
# Joe Smith"): after a word for average or typical, a name no list knows stands for anyone, not a person (round 16).
_GENERIC_BEFORE = word_set("""average typical ordinary everyday generic proverbial hypothetical statistical
przecietny przecietna typowy typowa zwykly zwykla statystyczny statystyczna
durchschnittlich durchschnittliche durchschnittlicher durchschnittlichen typische typischer typischen normale normaler
promedio tipico tipica cualquier moyen moyenne typique lambda medio media qualunque qualsiasi comum qualquer
gemiddelde doorsnee tipik ortalama sıradan siradan
среднестатистический среднестатистическая обычный обычная типичный типичная простой""")


# Marian and devotional titles of the Romance languages and English ("Virgen de Guadalupe", "Nossa Senhora da
# Conceição", "Madonna della Seggiola", "Notre-Dame de Lourdes", "Our Lady of Fatima", "Santo Niño de Cebú", "Cristo de
# la Agonía", "Señor de los Milagros"): a title, then "of" and a place or attribute, names an image of faith, not a
# person to depict (round 17b). Written as the normaliser writes them (no accents).
_DEVOTION_TITLE = re.compile(
    r"(?:virgen|virgem|vierge|vergine|virgin|madonna|senora|senhora|immaculada|inmaculada|imaculada|nino|menino|"
    r"cristo|santo|santa|san|sao|saint|sainte|santissimo|santisimo|beato|beata|divino|divina|virxe) "
    r"(?:de|del|della|dello|dei|delle|di|da|do|dos|das|du|des|of|d')\b")
_SAINT_BEFORE = word_set("""santa santo san sao saint sainte st ste sankt beato beata virgen virgem vierge vergine
    madonna nuestra nossa notre senora senhora""")


def devotion_match(lower: str, start: int) -> bool:
    """Whether a Marian, Christ or saint title + "of" starts at ``start`` ("madonna della seggiola")."""
    return _DEVOTION_TITLE.match(lower, start) is not None


def devotional_title(lower: str, start: int, end: int) -> bool:
    """Whether ``lower[start:end]`` is a Marian, Christ or saint title + "of ..." ("virgen de guadalupe"), or a saint's
    title comes right before it ("santa rosa de lima", "sao joao batista")."""
    if _DEVOTION_TITLE.match(lower, start):
        return True
    before = words_before(lower, start, 1)
    return bool(before) and before[0] in _SAINT_BEFORE


def generic_placeholder_before(lower: str, start: int) -> bool:
    """Whether a word for average/typical comes right before the name (an everyman placeholder)."""
    before = words_before(lower, start, 1)
    return bool(before) and before[0] in _GENERIC_BEFORE


def dish_before(lower: str, start: int) -> str | None:
    """A dish, sweet or drink right before the name ("пирожное Наполеон", "beef Wellington"), or None."""
    before = words_before(lower, start, 1)
    return before[0] if before and before[0] in _DISH_BEFORE else None


# Dishes and things written right after a name in Chinese and Japanese, which have no spaces (round 12):
# "拿破仑蛋糕" Napoleon cake, "凯撒沙拉" Caesar salad, "ナポレオンパイ"; also places named after someone ("中山路", "中山公园")
_HAN_THING_AFTER = re.compile(r"(?:蛋糕|沙拉|色拉|酱|派|汤|饼|饼干|鸡|牛排|面条|拉面|酒|咖啡|巧克力|塔|挞|布丁|冰淇淋|糖|"
                              r"路|街|大道|公园|广场|纪念馆|纪念堂|大桥|机场|大学|中学|小学|体育场|号|奖|"
                              r"パイ|ケーキ|サラダ|ソース|スープ|プリン|通り|公園|空港|賞)")


def han_thing_after(lower: str, end: int) -> str | None:
    """A dish, street or thing written right after a Chinese or Japanese name ("拿破仑蛋糕"), or None."""
    if end == 0 or not ("\u3040" <= lower[end - 1] <= "\u30ff" or "\u4e00" <= lower[end - 1] <= "\u9fff"):
        return None
    m = _HAN_THING_AFTER.match(lower, end)
    return m.group() if m else None


def indefinite_before(lower: str, start: int) -> bool:
    """Whether the name follows "a", "an", "any", "fictional" and the like."""
    before = words_before(lower, start, 1)
    if not before or before[0] not in _INDEFINITE:
        return False
    # round 34a: Portuguese "a" is the definite article ("a primeira mulher a presidir o Brasil", "a atual rainha"):
    # before a Portuguese feminine head it names one person, as "the" would
    return not (before[0] == "a" and lower.startswith(_PT_FEMININE_HEADS, start))


# the Portuguese feminine heads that only the article "a" precedes (English "a prima donna" is not among them)
_PT_FEMININE_HEADS = ("primeira ", "segunda ", "terceira ", "ultima ", "atual ", "actual rainha", "rainha ",
                      "princesa ", "imperatriz ", "presidenta ", "ex-presidenta ", "ex-primeira")


# round 29a: "called" of Portuguese, Italian, German, Dutch, Scandinavian and Polish too ("o barco de pesca chamado Maria
# Clara", "der Kutter genannt Anna Maria")
_NAMED = word_set("""named called nicknamed namens llamado llamada nomme nommee chamado chamada chiamato chiamata genannt
genaamd kallad kallas kalt kaldet nazwany nazwana""")
_ANIMAL_TITLES = word_set("sir lady lord captain capt doctor dr mr mrs miss madame monsieur king queen prince princess "
                          "duke duchess baron baroness count countess general admiral professor prof don dona")


# Businesses and other named things ("a bakery called Oma Hilde's", "a food truck named Tio Pepe"): the name is the
# business's, even when it is a person's (round 14a)
_BUSINESSES = word_set("""bakery bakeries cafe cafes coffeeshop restaurant restaurants diner bistro bar pub tavern inn
hotel motel shop store boutique salon barbershop bookshop bookstore brewery winery pizzeria deli market kiosk truck
brand company label startup firm band podcast channel newsletter magazine shop parlor parlour pharmacy bakehouse
patisserie creamery teahouse canteen eatery takeaway laundromat backerei laden kneipe gasthaus konditorei panaderia
tienda cafeteria boulangerie patisserie brasserie pasticceria trattoria osteria padaria loja""")


_OWNERS = word_set("my our his her their your")
_PETS = word_set("""dog dogs puppy cat kitten horse pony parrot hamster rabbit bunny turtle goldfish tortoise
budgie cockatoo canary ferret hedgehog iguana gecko snake mare stallion colt filly racehorse
greyhound poodle labrador retriever terrier beagle bulldog dachshund husky corgi chihuahua pug goat lamb""")
# "кот по имени Пушкин": Russian "by the name (of)" before an animal's name
_NAMED_FOREIGN_1 = word_set("по")
_NAMED_FOREIGN_2 = word_set("имени кличке")
_PETS_FOREIGN = word_set("""кот кошка котик котенок котёнок пёс пес собака щенок конь лошадь попугай хомяк кролик
черепаха""")


def pet_or_object_name(lower: str, start: int) -> bool:
    """"a dog named Charlie", "my cat called Max", "a bakery called Oma Hilde's": the name belongs to an animal,
    object or business."""
    before = words_before(lower, start, 5)
    if before and before[-1] in _ANIMAL_TITLES and len(before) >= 2:
        before = before[:-1]  # "a racehorse named Sir Barnaby": a title is part of an animal's name too
    if len(before) >= 2 and before[-1] in _PETS and before[-2] in _OWNERS:
        return True  # "my horse Shakira", "our cat Einstein": an owner's animal named right after it (round 15)
    if len(before) >= 3 and before[-1] in _NAMED_FOREIGN_2 and before[-2] in _NAMED_FOREIGN_1:
        return before[-3] in _PETS_FOREIGN or before[-3] in ANIMALS_OBJECTS  # "кот по имени Пушкин"
    if not before or before[-1] not in _NAMED:
        return False
    return any(w in ANIMALS_OBJECTS or w in _BUSINESSES or w in _VESSEL_BEFORE for w in before[:-1])


# "original character: Captain Rux Vantaro", "my OC named ...", "fictional character Lira Voss": an invented person
_INVENTED_BEFORE = re.compile(r"\b(?:original characters?|oc|ocs|my oc|fictional characters?|made ?up characters?|"
                              r"invented characters?|fictional persons?|fantasy characters?|original protagonist|"
                              r"personaje original|personnage original|personaggio originale|originalfigur|"
                              r"eigene figur)\s*(?:[:,\-\u2013\u2014]\s*)?(?:(?:named|called)\s+)?"
                              r"(?:(?:captain|capt|doctor|dr|sir|lady|lord|professor|prof|mr|mrs|ms|miss|king|queen|"
                              r"prince|princess|general|agent|detective|commander|admiral|sergeant)\.?\s+)?$")


# round 33a: a "character" word of other scripts right before the name ("شخصية علاء الدين", "персонаж Незнайка",
# "キャラクターのピカチュウ", "캐릭터 뽀로로", "הדמות של", "the cartoon character ..."): the name is a character's
# ("صورة شخصية", "بطاقة شخصية": a personal photo, an ID card -- "personal", no character)
_CHARACTER_BEFORE = re.compile(r"(?:персонаж(?:а|и|у|ем)?|персонажі|мультперсонаж(?:а)?|героиня|"
                               r"(?<!صورة )(?<!صور )(?<!بطاقة )(?<!هوية )(?<!مقابلة )(?<!معلومات )(?<!بيانات )"
                               r"(?<!صفحة )(?<!ملف )(?<!لقطة )(?<!رسالة )(?:شخصية|الشخصية)|"
                               r"شخصیت|דמות|הדמות|χαρακτήρας|χαρακτηρας|ο ήρωας|cartoon characters?|anime characters?|"
                               r"game characters?|comic characters?|disney characters?)"
                               r"(?:\s+(?:كرتونية|الكرتونية|кинематографический|мультфильма|из мультфильма|של))?"
                               r"\s*(?:[:,\-\u2013\u2014]\s*)?$|(?:キャラクター|キャラ|캐릭터|角色|卡通人物)(?:の|인|\s)?\s*$")
_CHARACTER_GATE = ("персонаж", "героин", "شخصي", "شخصی", "דמות", "χαρακτ", "ήρωας", "character", "キャラ", "캐릭터",
                   "角色", "卡通人物")


def invented_character_before(lower: str, start: int) -> bool:
    """Whether an original or fictional character marker comes right before the name."""
    if _INVENTED_BEFORE.search(lower[max(0, start - 40):start]) is not None:
        return True
    head = lower[max(0, start - 30):start]
    return any(g in head for g in _CHARACTER_GATE) and _CHARACTER_BEFORE.search(head) is not None


def is_all_caps(text: str) -> bool:
    """Whether every cased letter of ``text`` is upper case (case carries no signal then)."""
    if text.isascii():  # every ASCII letter is cased: str.isupper() says exactly this
        return text.isupper()
    seen = False
    for c in text:  # stops at the first lower-case letter (most prompts: within a few characters)
        if c.isalpha() and c.lower() != c.upper():
            if not c.isupper():
                return False
            seen = True
    return seen


# (round 41c: "von", "für", "bei", "als", "ein" too: "Foto von Annegret Wöllenschläger, Lehrerin")
_GERMAN_LOWER = re.compile(r"\b(?:der|das|den|dem|des|und|mit|vor|im|am|beim|vom|zum|zur|eine|einer|einem|auf|von|für|"
                           r"bei|als|ein)\b")


def is_title_case(text: str) -> bool:
    """Most longer words capitalised ("Portrait Of A Young Woman With Red Hair"): capitals say little."""
    words = [w for w in re.findall(r"[^\W\d_]+", text)[1:] if len(w) > 3]
    if _GERMAN_LOWER.search(text):
        return False  # German capitalises its nouns: "Klaus Petersen, Hausmeister der Grundschule in Kiel" (round 15)
    return len(words) >= 3 and sum(w[:1].isupper() for w in words) >= 0.85 * len(words)


# Airports, stadiums, universities, hospitals and roads named after someone, in scripts whose words the Latin lists
# above do not hold (round 18a): the place word follows the name in the Indic languages and Turkish ("इंदिरा गांधी
# अंतरराष्ट्रीय हवाई अड्डे", "Atatürk Havalimanı") and precedes it in Russian, Arabic, Hebrew, Greek, Persian and
# Thai ("аэропорт имени Чкалова", "مطار الملك خالد", "สนามบินดอนเมือง"). Matched on the text: Indic vowel signs are no \w.
_BUILDING_AFTER = re.compile(
    r"\s*(?:(?:अंतरराष्ट्रीय|अन्तरराष्ट्रीय|अंतर्राष्ट्रीय|आंतरराष्ट्रीय|আন্তর্জাতিক|சர்வதேச|అంతర్జాతీయ|ಅಂತರರಾಷ್ಟ್ರೀಯ|"
    r"അന്താരാഷ്ട്ര|આંતરરાષ્ટ્રીય|ਅੰਤਰਰਾਸ਼ਟਰੀ|ئنټرنیشنل|انٹرنیشنل|بین الاقوامی)\s*)?"
    r"(?:हवाई\s?अड्डा|हवाई\s?अड्डे|हवाई\s?अड्डों|विमानतळ|विमानस्थल|स्टेडियम|क्रीडांगण|विश्वविद्यालय|विद्यापीठ|अस्पताल|रुग्णालय|"
    r"मार्ग|रोड|चौक|सेतु|स्मारक|संग्रहालय|उद्यान|भवन|नगर|स्टेशन|टर्मिनल|বিমানবন্দর|স্টেডিয়াম|বিশ্ববিদ্যালয়|"
    r"হাসপাতাল|সেতু|সড়ক|সরণি|ভবন|বিমান\s?நிலையம்|விமான\s?நிலையம்|விளையாட்டரங்கம்|அரங்கம்|பல்கலைக்கழகம்|"
    r"சாலை|மருத்துவமனை|విమానాశ్రయం|స్టేడియం|విశ్వవిద్యాలయం|ರಸ್ತೆ|ವಿಮಾನ\s?ನಿಲ್ದಾಣ|ಕ್ರೀಡಾಂಗಣ|വിമാനത്താവളം|"
    r"സ്റ്റേഡിയം|હવાઈ\s?મથક|એરપોર્ટ|સ્ટેડિયમ|ਹਵਾਈ\s?ਅੱਡਾ|ਹਵਾਈ\s?ਅੱਡੇ|ایئرپورٹ|ہوائی\s?اڈہ|ہوائی\s?اڈے|"
    r"اسٹیڈیم|havalimani|havalimanı|havaalani|havaalanı|stadyumu|stadi|stadı|universitesi|üniversitesi|"
    r"hastanesi|koprusu|köprüsü|lisesi|kulliyesi|külliyesi|"
    # round 19a: Mongolian, Kazakh, Kyrgyz, Uzbek and Tajik write the place word (and "named after", "international")
    # after the name too ("Чингис хаан олон улсын нисэх буудал", "Манас эл аралык аэропорту", "nomidagi aeroport")
    r"(?:нэрэмжит\s*|атындағы\s*|атындагы\s*|номидаги\s*|nomidagi\s*|номи\s*|ба\s+номи\s*)?"
    r"(?:(?:олон\s+улсын|халықаралық|эл\s+аралык|халқаро|xalqaro|байналмилал[иӣй]+)\s*)?"
    # round 34a: the normaliser writes "й" as "и" (the breve is an accent) and the stems change in the cases
    # ("нисэх буудлын терминал", "эмнэлгийн", "сургуулийн", "талбайд", "әуежайы", "кӯчаи"): stems, both spellings
    r"(?:нисэх\s+(?:онгоцны\s+)?буу[дл]|онгоцны\s+буу[дл]|цэнгэлдэх|их\s+сургу|сургууль|сургуул[ьи]|эмнэл[эг]|гудамж|"
    r"өргөн\s+чөлөө|талба[йи]|театр|музей|номын\s+сан|әуежа[йи]|стадион|университет|аурухана|көше|даңғыл|алаң|"
    r"мектеп|аэропорт|көчө|проспект|ааэропорт|aeroport|stadion|universitet|ko['ʻ‘’`]?chasi|shifoxona|maktab|"
    r"maydon|xiyobon|фурудго[ҳх]|донишго[ҳх]|варзишго[ҳх]|к[ӯу]ча|хи[ёе]бон|майдон|хөшөөт\s+цогцолбор|"
    r"терминал|вокзал|тер[мн]инал))")
_BUILDING_BEFORE = re.compile(
    r"(?:аэропорт(?:а|у|е)?|стадион(?:а|е)?|университет(?:а|е)?|больниц(?:а|ы|е)|театр(?:а|е)?|музей|библиотек(?:а|и|е)|"
    r"школ(?:а|ы|е)|аеропорт|стадіон|університет|"
    # round 19a: Ukrainian, Belarusian, Bulgarian, Serbian and Macedonian place words before the name ("летище
    # Васил Левски", "аеродром Никола Тесла", "аэрапорт", "стадион", "универзитет", "булевард")
    r"аеропорту|аеропорті|стадіону|університету|лікарня|лікарні|вулиця|вулиці|проспект|площа|майдан|"
    r"аэрапорт|стадыён|універсітэт|вуліца|летище(?:то)?|аеродром(?:а|у)?|универзитет(?:а|у)?|болница|"
    r"булевард|булевар|улица|площад|трг|мост|"
    # round 33a: the other Cyrillic place words before a name ("аэродром Никола Тесла", "вокзал имени ...", "площадь
    # Ленина"), Hebrew ("שדה התעופה בן גוריון", "רחוב הרצל", "כיכר רבין"), Arabic, Persian and Greek streets and halls
    r"аэродром(?:а|е|у)?|аэровокзал(?:а|е)?|вокзал(?:а|е)?|станци(?:я|и|ю)|площад(?:ь|и)|проспект(?:а|е)?|"
    r"улиц(?:а|ы|е|у)|бульвар(?:а|е)?|набережн(?:ая|ой)|сквер(?:а|е)?|парк(?:а|е)?|институт(?:а|е)?|"
    r"летовище|аеровокзал|"
    r"שד(?:ה|ות)\s?(?:ה)?תעופה|נמל\s?(?:ה)?תעופה|רחוב|ברחוב|שדרות|בשדרות|כיכר|בכיכר|גשר|תחנת|היכל|אולם|פארק|"
    r"מוזיאון|ספריית|בית\s?(?:ה)?ספר|מכון|תיאטרון|קריית|"
    r"شارع|ساحة|محطة|قاعة|حديقة|ميناء|مركز|مسرح|معهد|قصر|خیابان|بزرگراه|بلوار|ایستگاه|"
    r"οδός|οδος|οδό|οδο|οδού|οδου|πλατεία|πλατεια|λεωφόρος|λεωφορος|σταθμός|σταθμος|"
    # (not "استاد": an Egyptian word for a stadium, but Persian for "master", an honorific before a name)
    r"مطار|ملعب|جامعة|مستشفى|مسجد|ميدان|جسر|مدرسة|مكتبة|متحف|فرودگاه|ورزشگاه|دانشگاه|بیمارستان|"
    r"נמל\s?התעופה|אצטדיון|אוניברסיטת|בית\s?החולים|"
    r"αεροδρόμιο|αεροδρομιο|γήπεδο|γηπεδο|στάδιο|σταδιο|πανεπιστήμιο|πανεπιστημιο|νοσοκομείο|νοσοκομειο|"
    r"สนามบิน|สนามกีฬา|มหาวิทยาลัย|โรงพยาบาล|ถนน|สะพาน)"
    r"(?:\s*(?:имени|им\.|імені|імя|„|«|ال|-)?)?"
    # round 35a: "international" and a title may stand between the place word and the name, in either order
    # ("فرودگاه بین‌المللی امام خمینی", "مستشفى الملك فيصل", "аэропорт имени маршала ...")
    r"(?:\s*(?:بين\s?المللي|بینالمللی|بین\s?المللی|الدولي|الدولى|الملك|الملكة|الامير|الأمير|الاميرة|الشيخ|السلطان|"
    r"الامام|الإمام|الرئيس|الشهيد|امام|شهید|شاه|ملک|ایت\s?الله|آیت\s?الله|سردار|маршала|генерала|академика|"
    r"короля|святого|президента))*\s*$")
# Round 43d. "Named after" markers: Uzbek, Kazakh, Kyrgyz and Mongolian write them after the name ("Алишер Навоий
# номидаги Катта театр", "Абай атындағы ...", "Чингис хааны нэрэмжит"), English, German, French and Russian before it
# ("a ship named after ...", "театр имени Пушкина"); whatever follows, a thing carries the name. Russian also puts
# the thing first with the name in the genitive ("таблица Менделеева", "теорема Пифагора", "премия Ленина"): only
# nouns of laws, tables, prizes and places of nature, never a picture noun ("портрет Пушкина" is a portrait of him).
_NAMED_AFTER_AFTER = re.compile(r"\s*(?:номидаги|nomidagi|атындағы|атындагы|atyndagy|atyndağy|нэрэмжит)(?!\w)")
_NAMED_AFTER_BEFORE = re.compile(r"(?:\bnamed (?:after|for)|\bbenannt nach|\bnommee? d['’]apres|(?<!по )(?<!на )\bимени|"
                                 r"\bім\.|\bім'я|(?<![\w.])им\.|"
                                 r"\b(?:таблиц[аыеу]|теорем[аыеу]|закон[аеу]?|законы|уравнени[ея]|премия|премии|премию|"
                                 r"кубок|кубка|пик|ледник[аеу]?|мыс[аеу]?|пролив[аеу]?|кратер[аеу]?|комет[аыеу]|"
                                 r"эффект[аеу]?|принцип[аеу]?|формул[аыеу]|орден[аеу]?|медал[ьи]))\s*$")
_NAMED_CHEAP = ("nam", "nomm", "benannt", "ими", "им.", "ім", "номи", "nomi", "атын", "atyn", "нэрэмж", "табл", "теор",
                "закон", "урав", "прем", "куб", "пик", "ледн", "мыс", "прол", "крат", "комет", "эффект", "принц",
                "форм", "орден", "медал")
# Turkish adjectives between a name and the place word it names ("Atatürk Olimpiyat Stadı", "Adnan Menderes
# Uluslararası Havalimanı")
_TR_PLACE_BETWEEN = word_set("olimpiyat uluslararasi ulusal kultur spor sehir devlet bilim anadolu")


def named_after(lower: str, start: int, end: int) -> str | None:
    """A "named after" marker or a Russian thing noun with the name in the genitive next to the name, or None."""
    near = lower[max(0, start - 20):end + 12]
    if not any(c in near for c in _NAMED_CHEAP):
        return None
    m = _NAMED_AFTER_AFTER.match(lower, end) or _NAMED_AFTER_BEFORE.search(lower, max(0, start - 20), start)
    return m.group().strip() if m else None


# round 20a: a name hyphenated into a German-style compound place name ("Kaiser-Wilhelm-Gedächtniskirche",
# "Konrad-Adenauer-Straße", "Willem-Alexander-brug", "Kungsgatan"-style Nordic, Finnish and Dutch endings)
_HYPHEN_PLACE = re.compile(
    r"(?:-[\w.]+)*-\w*?(?:kirche|strasse|straße|platz|brucke|denkmal|allee|gasse|weg|damm|ufer|ring|schule|"
    r"gymnasium|universitat|halle|stadion|arena|bahnhof|turm|museum|haus|kaserne|gedenkstatte|kanal|park|hof|"
    r"zentrum|klinik|krankenhaus|institut|bibliothek|saal|theater|brunnen|markt|kai|straat|plein|brug|kerk|laan|"
    r"gracht|kade|monument|gatan|gata|gate|gaten|plass|plassen|torget|torg|bron|broen|bro|vej|vejen|kirken|kyrkan|"
    r"katu|kuja|tie|kirkko|silta|aukio|tori|utca|ter|hid|ulica|namesti|trida|most)\b")


# round 20a: a lower-case Latin binomial whose genus is also a first name, before an animal or plant word in several
# languages ("rosalia alpina beetle", "victoria amazonica Seerose", "iris germanica flower")
_SPECIES_AFTER = re.compile(
    r"\s+[a-z]{3,}(?:us|a|um|is|ensis|ii|i|ae|es|ides|oides|ata|ica|ina|ana|ea|ia|ix|ax|ans|ens)\s+(?:beetles?|butterfl(?:y|ies)|"
    r"moths?|birds?|fish|frogs?|toads?|snakes?|lizards?|plants?|flowers?|trees?|orchids?|snails?|spiders?|ferns?|"
    r"moss|mushrooms?|fungus|fungi|insects?|species|bees?|wasps?|ants?|shrubs?|lil(?:y|ies)|cactus|succulents?|"
    r"seed(?:s|ling)?|leaf|leaves|blossoms?|specimens?|larva|larvae|caterpillars?|kafer|schmetterling|falter|pflanze|"
    r"blume|blute|baum|vogel|seerose|escarabajo|mariposa|planta|flor|arbol|pajaro|coleoptere|papillon|plante|fleur|"
    r"arbre|oiseau|scarabeo|farfalla|pianta|fiore|albero|uccello|kever|vlinder|bloem|boom|chrzaszcz|motyl|roslina|"
    r"kwiat|drzewo|ptak|besouro|borboleta|passaro|arvore|skalbagge|fjaril|vaxt|blomma|kovakuoriainen|perhonen|"
    r"kasvi|kukka|bogar|lepke|brouk|motyl|rostlina)\b")


def species_binomial(lower: str, start: int, end: int) -> bool:
    """Whether a lower-case name is the genus of a Latin binomial before an animal or plant word."""
    return lower[start:end].islower() and " " not in lower[start:end] and bool(_SPECIES_AFTER.match(lower, end))


def building_named(lower: str, start: int, end: int) -> str | None:
    """An airport, stadium, road or building word around a name in a non-Latin script or Turkish, or in a
    hyphenated compound place name, or None."""
    h = _HYPHEN_PLACE.match(lower, end)
    if h:
        return h.group().strip("-")
    m = _BUILDING_AFTER.match(lower, end)
    if m:
        return m.group().strip()
    named = named_after(lower, start, end)
    if named:
        return named
    b = _BUILDING_BEFORE.search(lower[max(0, start - 40):start])
    return b.group().strip() if b else _afro_asian_place(lower, start)



# "example", "sample", "specimen", "placeholder", "dummy" in the languages of the batches (as the normaliser writes
# them: accents off): a name right next to one is a form's or mock-up's example name ("Jan Kowalski na przykładowym
# formularzu", "Mario Rossi, nome di esempio", "Max Mustermann auf dem Musterausweis"), no person (round 18a)
_EXAMPLE_WORD = re.compile(
    r"(?:example|examples|sample|specimen|placeholder|dummy|mock-?up|template|fictitious|fictional|ejemplo|"
    r"ejemplar|muestra|ficticio|ficticia|exemple|fictif|fictive|specimen|esempio|esemplificativo|"
    r"fittizio|fittizia|exemplo|ficticio|amostra|beispiel|beispielname|muster\w*|fiktiv\w*|voorbeeld\w*|"
    r"fictief|fictieve|przyk(?:l|ł)ad\w*|fikcyjn\w*|wzor\w*|priklad\w*|vzor\w*|exempel\w*|fiktiv|"
    # round 42d: a printer's or designer's mock-up ("makieta do druku", "maquette", "макет визитки")
    r"makiet\w*|maquette|mockups|makett\w*|макет\w*|"
    # round 43d: a template ("plantilla de credencial con el nombre Juan Pérez", "Vorlage", "szablon", "шаблон")
    r"plantilla\w*|vorlage\w*|szablon\w*|sablon\w*|modello|шаблон\w*|"
    r"eksempel\w*|esimerkki\w*|mallinimi|ornek|örnek|orneg\w*|contoh|misal|halimbawa|mfano|primer\w*|"
    r"пример\w*|образец|образц\w*|вымышлен\w*|παραδειγμα|παράδειγμα|ejemplo)$")


# Round 26a: "sample / example / specimen" words of the scripts written without spaces or with other word bounds
# (Thai, Japanese, Chinese, Korean, Arabic, Hebrew, Hindi): a substring within 40 characters of the name
# ("แบบฟอร์มตัวอย่าง ชื่อ นายสมชาย ใจดี", "記入例 氏名 山田太郎", "示例表格 姓名 张伟", "견본 이름 홍길동")
_EXAMPLE_UNSPACED = re.compile(r"ตัวอย่าง|記入例|見本|サンプル|例文|示例|样本|樣本|范例|範例|样例|예시|견본|샘플|نموذج|مثال|"
                               r"דוגמה|דוגמא|नमूना|उदाहरण")


def example_name_near(lower: str, start: int, end: int) -> bool:
    """Whether an "example / sample / placeholder" word stands within three words before or after the name."""
    if not lower.isascii() and _EXAMPLE_UNSPACED.search(lower, max(0, start - 40), min(len(lower), end + 40)):
        return True
    if any(_EXAMPLE_WORD.match(w) for w in words_before(lower, start, 3) + words_after(lower, end, 3)):
        return True
    # round 21a: a sample word further back when a form or document word stands between ("образец заполнения анкеты
    # на имя Иван Иванов", "ejemplo de formulario relleno a nombre de Juan Pérez"): the name fills a specimen form
    before = words_before(lower, start, 10)
    if any(_EXAMPLE_WORD.match(w) or w in _MODEL_WORDS for w in before) and any(_FORM_WORD.match(w) for w in before):
        return True
    # round 22a: a language's everyman name that is also a common real name ("Jan Kowalski", "Mario Rossi") on a user
    # icon, avatar, infographic or pictogram is a placeholder of the interface, not someone to picture
    if not everyman_name(lower[start:end]):
        return False
    if _UI_WORD.search(lower):
        return True
    # round 23a: an everyman name with a sample, placeholder or form word anywhere in the prompt ("Jan Kowalski jako
    # postać z przykładowego formularza", "Иван Иванов как условный персонаж на бланке"): the stand-in of a form
    return any(_EXAMPLE_WORD.match(w) or _FORM_WORD.match(w) or w in _MODEL_WORDS or _STAND_IN.match(w)
               for w in re.findall(r"[^\W\d_]+", lower))


def everyman_name(span: str) -> bool:
    """Whether ``span`` is a language's everyman name, also in a case form (round 39a: "Jana Kowalskiego", "Ivana
    Ivanova", "Max Mustermanns", "Jana Nováka"): each word starts with its nominative but for the last two letters
    and adds at most four, and the words are as many as the nominative's."""
    if span in _EVERYMAN:
        return True
    words = span.split()
    if len(words) < 2:
        return False
    for name in _EVERYMAN_BY_HEAD.get(words[0][:3], ()):
        if len(name) == len(words) and all(
                w.startswith(n[:max(3, len(n) - 2)]) and len(w) - len(n) <= 4 for w, n in zip(words, name)):
            return True
    return False


# round 23a: words that call a name a stand-in ("conventional character", "условный персонаж", "everyman")
_STAND_IN = re.compile(r"(?:everyman|stand-?in|generic|anonymous|hypothetical|conventional|typical|average|"
                       r"условн\w*|типичн\w*|абстрактн\w*|umown\w*|typow\w*|anonim\w*|tipico|tipica|tipique|"
                       r"typisch\w*|durchschnitt\w*|convencional|convenzionale|generico|generica|generique|"
                       # round 39a: French "personnage type", "client type"; "exemple"; "Normalbürger"
                       r"type|typique|exemple|générique|normalbürger|modelow\w*|modelov\w*|примерн\w*)$")


# Everyman names of the languages (accents off, as the normaliser writes them), also common real names
_EVERYMAN = frozenset({
    "jan kowalski", "anna kowalska", "jan nowak", "mario rossi", "maria rossi", "juan perez", "maria perez",
    "jean dupont", "marie dupont", "john smith", "jane smith", "jan novak", "jana novakova", "jan jansen",
    "ion popescu", "maria popescu", "joao da silva", "jose da silva", "maria da silva", "ivan petrov", "petar petrovic",
    "marko markovic", "budi santoso", "hans muster", "anna muster", "jon jonsson", "juan dela cruz", "pedro perez",
    "max mustermann", "erika mustermann", "ivan ivanov", "nguyen van a", "joe bloggs", "john doe", "jane doe",
    # round 23a: more languages' everyman names, and the Cyrillic and Greek ones as written
    "fulano de tal", "fulana de tal", "beltrano de tal", "sicrano de tal", "otto normalverbraucher", "pierre dupont",
    "jean martin", "juan del pueblo", "juan pueblo", "maria dela cruz", "matti meikalainen", "maija meikalainen",
    "ola nordmann", "kari nordmann", "sven svensson", "jens hansen", "jaan tamm", "janis berzins", "vardenis pavardenis",
    "kovacs janos", "gipsz jakab", "jozef mrkvicka", "janez novak", "ivan horvat", "pero peric", "gudrun jonsdottir", "jan modaal", "jan janssens", "ahmet yilmaz", "ayse yilmaz", "tommy atkins", "joe public",
    "fred bloggs", "john q public", "mario bianchi", "hong gildong", "taro yamada", "hanako yamada",
    "иван иванов", "иван иванович иванов", "петр петров", "пётр петров", "сидор сидоров", "вася пупкин",
    "василий пупкин", "іван іваненко", "іван петренко", "иван петров", "петар петровић", "марко марковић",
    "γιαννης παπαδοπουλος", "γιάννης παπαδόπουλος"})
# everyman names split into words, by the first three letters of the first word (for the case forms)
_EVERYMAN_BY_HEAD: dict[str, list[tuple[str, ...]]] = {}
for _name in _EVERYMAN:
    _EVERYMAN_BY_HEAD.setdefault(_name[:3], []).append(tuple(_name.split()))
# words of an interface or a graphic that uses a name as a stand-in (user icon, avatar, profile, infographic)
_UI_WORD = re.compile(r"\b(?:icon|icons|avatar|avatars|user profile|profile icon|infographic|pictogram|ui|ux|"
                      r"ikona|ikonka|awatar|uzytkownika|icono|usuario|icone|utilisateur|icona|utente|"
                      r"benutzer\w*|nutzer\w*|profilbild|ikon|pictograma|pictogramme|infografika|infografia|"
                      r"infographie|infografik|"
                      # round 32a: a leaflet, flyer, advert, textbook or cartoon figure of a bank or a shop ("Jan
                      # Kowalski na ulotce banku, postać rysunkowa", "Max Mustermann im Werbeprospekt")
                      r"leaflet\w*|flyer\w*|brochure\w*|advert\w*|commercial|mascot\w*|textbook\w*|cartoon\w*|"
                      r"ulotk\w*|ulotce|broszur\w*|reklam\w*|podrecznik\w*|rysunkow\w*|maskotk\w*|komiks\w*|"
                      r"prospekt\w*|werbe\w*|broschure|lehrbuch\w*|comicfigur\w*|zeichentrick\w*|"
                      r"manuel|manuels|scolaire\w*|schulbuch\w*|manuale|manual|manuais|учебник\w*|ucebnic\w*|"
                      r"folleto\w*|anuncio\w*|publicidad|caricatura|dibujo\w*|depliant|prospectus|publicite|"
                      r"dessin\w*|volantino|pubblicita|fumetto|cartone|panfleto|propaganda|desenho\w*|"
                      r"letak\w*|reklama|kreslen\w*|листовк\w*|реклам\w*|буклет\w*|мультяшн\w*|рисованн\w*)\b")


# "model" words that mean a specimen only next to a form word ("modelo de formulario": alone, "modelo" is a model)
_MODEL_WORDS = frozenset({"modelo", "modele", "modello", "model", "wzor", "vzor", "mal", "malli", "sablon", "шаблон"})


_FORM_WORD = re.compile(
    r"(?:form|forms|application|document|certificate|passport|card|id|formulario|formularios|solicitud|documento|"
    r"certificado|pasaporte|tarjeta|formulaire|document|certificat|passeport|carte|formular|formulars|antrag|"
    r"credencial|credenciales|gafete|carnet|badge|namensschild|"
    r"ausweis|urkunde|pass|modulo|moduli|certificato|passaporto|tessera|ficha|carteira|formularz\w*|wniosek|"
    r"dowod|legitymacja|wizytowk\w*|wizytowce|visitenkarte\w*|vizitk\w*|визитк\w*|formulier|aanvraag|paspoort|blankett|lomake|hakemus|kimlik|dilekce|basvuru|formulir|"
    r"анкет\w*|бланк\w*|заявлени\w*|документ\w*|паспорт\w*|удостоверени\w*|справк\w*|свидетельств\w*|"
    r"формуляр\w*|квитанци\w*|доверенност\w*)$")
