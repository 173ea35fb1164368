"""Indirect references to one real person in other languages (round 13).

``indirect.py`` reads the English shapes; the same shapes written in German, Spanish, French, Italian, Portuguese,
Russian, Hindi, Japanese and Chinese are here:

* an office or a record with an ordinal of a named country or body: "der erste Bundeskanzler der Bundesrepublik",
  "la primera mujer presidenta de México", "первый президент России", "भारत के पहले प्रधानमंत्री", "日本初の女性首相",
  "美国第一任总统";
* the creator of a named work: "el autor de Don Quijote", "l'auteur des Misérables", "автор «Войны и мира»",
  "ハリー・ポッターの作者", "《红楼梦》的作者";
* the person who made or found something named: "der Mann, der die Relativitätstheorie entwickelt hat", "el hombre
  que pintó la Mona Lisa".

The object must be named (a capitalised word or a quoted title in cased scripts, a listed country, a katakana or
bracketed title in Japanese, a 《title》 in Chinese): "el autor de un libro", "der erste Mensch in der Schlange",
"この本の作者" stay generic, and so does fiction ("fantasy", "fictional").
"""

from __future__ import annotations

import re

from ..types import Finding
from . import (
    context,
    indirect_career,
    indirect_coach_deed,
    indirect_epithets,
    indirect_first_woman,
    indirect_free_order,
    indirect_inflected,
    indirect_more,
    indirect_more_languages,
    indirect_nationality,
    indirect_nicknamed,
    indirect_offices,
    indirect_ranks,
    indirect_record_firsts,
    indirect_regional,
)
from .normalize import NormalizedText

_ORD_ROMANCE = (r"(?:primer|primera|primero|primeiro|primeira|prima|primo|premier|premiere|segundo|segunda|"
                r"secondo|seconda|second|seconde|ultimo|ultima|dernier|derniere|mas joven|mais jovem|piu giovane|"
                r"plus jeune|unica|unico|unique|seule|seul)")
_WOMAN_ROMANCE = r"(?:mujer|hombre|mulher|homem|donna|uomo|femme|homme|dama)"
_OFFICE_ROMANCE = (r"(?:presidenta|presidente|president|presidentessa|premiere ministre|primer ministro|primera ministra|primeiro ministro|"
                   r"primeira ministra|premier ministre|papa|pape|rey|reina|rei|rainha|re|regina|roi|reine|emperador|"
                   r"emperatriz|imperador|imperatriz|imperatore|empereur|canciller|chanceler|cancelliere|chanceliere|"
                   r"chancelier|astronauta|astronaute|cosmonauta|cosmonaute|alcalde|alcaldesa|prefeito|prefeita|"
                   r"sindaco|maire|gobernador|gobernadora|governador|governadora|governatore|gouverneur|jefe de estado|"
                   r"capo di stato|chef d'etat|premio nobel|laureado|laureada|vencedor|vencedora|ganador|ganadora|"
                   # round 31a: "la primera ministra elegida de": the ordinal is the first word of the office
                   r"ministra|ministro|ministre|"
                   # round 34a: the leader of a named party, union or organisation ("el primer secretario general de
                   # la ONU", "le premier secrétaire général du PCF", "o primeiro líder do PT")
                   r"secretario general|secretaria general|secretario-general|secretario geral|secretaria geral|"
                   r"secretario-geral|segretario generale|segretaria generale|secretaire general|"
                   r"secretaire generale|secretaire-general|lider|leader|dirigente|chefe|jefe|capo|"
                   r"presidente fundador|presidenta fundadora)")
_OF_ROMANCE = r"(?:de la|de los|de las|de l'|del|de|da|do|dos|das|di|della|dello|degli|delle|des|du|d')"
# round 25a: numeric ordinals ("du 25e président de la République", "il 12° presidente della Repubblica", "o 38º
# presidente do Brasil") and "elected" between the woman word and the office ("a primeira mulher eleita presidente do")
_ORD_ROMANCE_NUM = r"(?:" + _ORD_ROMANCE + r"|\d{1,2}(?:e|er|re|eme|ème|°|º|ª|o|a|\.º|\.ª|\.°))"
_ELECTED_ROMANCE = r"(?:elegida|elegido|electa|electo|eleita|eleito|eletta|eletto|elue|elu|nombrada|nomeada|nominata)"
_ROMANCE_OFFICE = re.compile(r"\b(?:el|la|o|a|il|le|l'|do|da|del|della|du|al|ao)\s?" + _ORD_ROMANCE_NUM + r"(?: "
                             + _WOMAN_ROMANCE + r"(?: (?:a ser |en ser |a essere |a etre |que fue |que foi |"
                             r"che fu |qui fut )?" + _ELECTED_ROMANCE + r")?)? "
                             + _OFFICE_ROMANCE + r"(?: " + _WOMAN_ROMANCE + r")?(?: (?:democraticamente|democratiquement|libremente|"
                             # round 31a: up to two modifiers ("electo democraticamente", "elegida libremente")
                             r"livremente|liberamente|librement|elegida|elegido|nombrada|nombrado|"
                             r"negro|negra|nero|nera|noir|noire|indigena|electo|electa|eleito|eleita|"
                             r"eletto|eletta|elu|elue|democratico|democratica|afroamericano|afroamericana|catolico|"
                             r"catolica|socialista|civil|mestizo|mestiza|aymara|quechua|mapuche)){0,2} " + _OF_ROMANCE + r"\s?(?=\w)")
_CREATOR_ROMANCE = (r"(?:el autor|la autora|o autor|a autora|l'autore|l'autrice|l'auteur|l'auteure|el creador|"
                    r"la creadora|o criador|a criadora|il creatore|la creatrice|le createur|la creatrice|el pintor|"
                    r"la pintora|o pintor|a pintora|il pittore|le peintre|el compositor|o compositor|il compositore|"
                    r"le compositeur|el inventor|o inventor|l'inventore|l'inventeur|el fundador|la fundadora|"
                    r"o fundador|a fundadora|il fondatore|la fondatrice|le fondateur|el director|la directora|"
                    r"o diretor|a diretora|il regista|la regista|le realisateur|la realisatrice|el escritor|la escritora|"
                    r"o escritor|a escritora|lo scrittore|la scrittrice|l'ecrivain|el cantante|o cantor|a cantora|"
                    r"il cantante|le chanteur|la chanteuse|"
                    # round 21a: the female singer, the composer, the singer-songwriter
                    r"la cantante|la compositora|a compositora|la compositrice|el cantautor|la cantautora|"
                    r"o cantautor|a cantautora|il cantautore|la cantautrice|l'interprete|el interprete|"
                    r"la interprete|o interprete|a interprete)")
_ROMANCE_CREATOR = re.compile(r"\b" + _CREATOR_ROMANCE + r" " + _OF_ROMANCE + r"\s?(?=\w|[«\"“'‘])")
# round 24a: the same creator after a preposition glued to its article ("retrato do autor de Dom Casmurro", "del autor
# de", "dell'autore di", "du créateur de", "dalla regista di"): the article no longer stands alone before the noun
_CREATOR_NOUNS = "|".join(sorted({alt.split("'")[-1].split(" ")[-1]
                                  for alt in _CREATOR_ROMANCE[3:-1].split("|")}, key=lambda w: (-len(w), w)))
_ROMANCE_CREATOR_GLUED = re.compile(r"\b(?:do|da|del|dello|della|dell'|du|al|ao|alla|allo|all'|dal|dalla|dallo|dall'|"
                                    r"nel|nella|nello|nell'|no|na|pelo|pela|sul|sulla|sull'|au)\s?(?:" + _CREATOR_NOUNS
                                    + r") " + _OF_ROMANCE + r"\s?(?=\w|[«\"“'‘])")
_ROMANCE_WHO = re.compile(r"\b(?:el hombre|la mujer|la persona|o homem|a mulher|a pessoa|l'uomo|la donna|la persona|"
                          r"l'homme|la femme|la personne|el cientifico|la cientifica|il scienziato|le savant|"
                          r"el artista|l'artista|l'artiste|"
                          # round 35a: the sciences and engineering, both genders ("la física que descubrió",
                          # "le physicien qui a découvert", "l'ingegnere che ha inventato", "a cientista que isolou")
                          r"(?:el|la|o|a|il|le|lo|l') ?(?:fisic[oa]|physicien(?:ne)?|quimic[oa]|chimiste|chimic[oa]|"
                          r"ingenier[oa]|ingenieur|ingegnere|engenheir[oa]|cientista|scientifique|scienziat[oa]|"
                          r"matematic[oa]|mathematicien(?:ne)?|medic[oa]|medecin|investigador[a]?|pesquisador[a]?|"
                          r"chercheur|chercheuse|ricercat(?:ore|rice)|biolog[oa]|biologiste|astronom[oa]|astronome|"
                          r"inventor[a]?|inventeur|inventrice|inventore|inventrice)),? (?:que|qui|che) "
                          r"(?:a |ha |hat |ont |han |hanno )?(?:pinto|escribio|invento|"
                          r"descubrio|compuso|fundo|pintou|escreveu|inventou|descobriu|compos|fundou|dipinse|scrisse|"
                          r"scopri|compose|fondo|peint|ecrit|invente|decouvert|fonde|dirigio|dirigiu|diresse|"
                          r"realise|desarrollo|desenvolveu|sviluppo|developpe|"
                          r"descubierto|inventado|descoberto|scoperto|inventato|aislo|isolou|isolo|isole|fotografio|"
                          r"fotografou|fotografo|photographie|sintetizo|sintetizou|sintetizzo|synthetise|"
                          r"identifico|identificou|identifico|identifie) (?=\w)")
# round 35a: a discovery or invention verb with a definite article and a noun that is no generic thing after it: the
# object is then unique even written lower case ("la científica que descubrió el radio", "qui a découvert la
# radioactivité"); "una nueva especie", "un nuevo método", "la solución" stay anyone's
_ROMANCE_DISCOVERY = re.compile(r"(?:descubrio|invento|descobriu|inventou|scopri|decouvert|invente|descubierto|inventado|"
                                r"descoberto|scoperto|inventato|aislo|isolou|isolo|isole|sintetizo|sintetizou|sintetizzo|"
                                r"synthetise) $")
_ROMANCE_UNIQUE_OBJECT = re.compile(r"(?:el|la|los|las|le|les|l'|lo|il|gli|o|a|os|as) ?(?!(?:nuev|nouve|nuov|nov|"
                                    r"solucion|solution|soluzione|solucao|cura|remedio|remede|rimedio|formula|forma|"
                                    r"manera|maniere|maniera|modo|metodo|methode|receta|recette|ricetta|receita|"
                                    r"problema|probleme|respuesta|reponse|risposta|resposta|error|erreur|errore|erro|"
                                    r"tesoro|tresor|tesouro|camino|chemin|strada|caminho|verdad|verite|verita|verdade|"
                                    r"secreto|secret|segreto|segredo)\w*)[a-z]{4,}")
_GERMAN_OFFICE = re.compile(r"\b(?:der|die) (?:erste|erster|zweite|dritte|letzte|juengste|jungste|alteste|einzige|"
                            r"dienstalteste|am langsten amtierende|langstdienende|langste amtierende|"
                            r"\d{1,2}\.) (?:(?:weibliche|schwarze) )?(?:bundeskanzler|bundeskanzlerin|kanzler|kanzlerin|"
                            r"bundesprasident|bundesprasidentin|prasident|prasidentin|papst|konig|konigin|kaiser|"
                            r"kaiserin|premierminister|premierministerin|ministerprasident|ministerprasidentin|"
                            r"astronaut|astronautin|kosmonaut|mensch|frau|mann|burgermeister|burgermeisterin|oberburgermeister|oberburgermeisterin|gouverneurin|gouverneur|"
                            r"regierungschef|regierungschefin|staatschef|nobelpreistrager|nobelpreistragerin) "
                            r"(?:der|des|von|im|in|auf dem|aus) (?=\w)")
_GERMAN_CREATOR = re.compile(r"\b(?:der autor|die autorin|der schopfer|die schopferin|der erfinder|die erfinderin|"
                             r"der grunder|die grunderin|der komponist|die komponistin|der maler|die malerin|"
                             r"der regisseur|die regisseurin|der sanger|die sangerin|der schriftsteller|"
                             r"die schriftstellerin|der verfasser|die verfasserin|"
                             # round 24a: genitive and dative ("ein Foto des Autors von", "mit dem Erfinder des")
                             r"(?:des|dem) (?:autors?|schopfers?|erfinders?|grunders?|komponisten|malers?|regisseurs?|"
                             r"sangers?|schriftstellers?|verfassers?)|der (?:autorin|schopferin|erfinderin|grunderin|"
                             r"komponistin|malerin|regisseurin|sangerin|schriftstellerin|verfasserin)) (?:von|des|der|vom) "
                             r"(?=\w|[„\"«])")
_GERMAN_WHO = re.compile(r"\b(?:der mann|die frau|der mensch|der wissenschaftler|die wissenschaftlerin|der physiker|"
                         r"die physikerin|der kunstler|die kunstlerin|der maler|die malerin|"
                         # round 35a: chemists, engineers, inventors, researchers; the verb in the simple past too
                         # ("der Physiker, der die Röntgenstrahlen entdeckte")
                         r"der chemiker|die chemikerin|der ingenieur|die ingenieurin|der erfinder|die erfinderin|"
                         r"der forscher|die forscherin|der mathematiker|die mathematikerin|der arzt|die arztin|"
                         r"der biologe|die biologin|der astronom|die astronomin),? (?:der|die) "
                         r"(?:die|den|das|der) (?P<obj>[\w ]{3,40}?) (?:(?:entwickelt|erfunden|geschrieben|gemalt|entdeckt|"
                         r"komponiert|gegrundet|formuliert|erforscht|isoliert|fotografiert) (?:hat|hatte)|entdeckte|"
                         r"erfand|entwickelte|isolierte|formulierte|fotografierte)\b")
# Round 38a. The German performer who played a part in a named work, the verb last ("der Schauspieler, der in Das Boot
# den Kaleun gespielt hat", "die Schauspielerin, die die Sisi in den Sissi-Filmen spielte"): every German noun is
# capitalised, so the work must be named the way titles are -- quoted, opened by a capitalised article mid-sentence
# ("in Das Boot"), two capitalised words or a hyphenated compound ("in den Sissi-Filmen"); "der Schauspieler, der in
# Filmen den Bösewicht gespielt hat" names no work
_GERMAN_PLAYED_CHEAP = ("gespielt", "spielte", "verkorper", "dargestellt", "gesprochen")
_GERMAN_PLAYED = re.compile(r"\b(?:der|die) (?:schauspieler|schauspielerin|darsteller|darstellerin|synchronsprecher|"
                            r"synchronsprecherin|sanger|sangerin|komiker|komikerin),? (?:der|die) "
                            r"(?P<clause>[^,.;:]{3,60}?) (?:(?:gespielt|verkorpert|dargestellt|gesprochen) "
                            r"(?:hat|hatte)|spielte|verkorperte)\b")
_GERMAN_PLAYED_WORK = re.compile(r"\b(?:in|im|aus) (?:den |dem |der )?(?:[\"„“'‚»«]\w|(?:Das|Der|Die|Ein|Eine|Den|Dem) "
                                 r"[A-Z]|[A-Z]\w+ [A-Z]\w+|[A-Z]\w+-[A-Z]?\w+)")
_GERMAN_GENERIC = r"(?:bild|buch|lied|haus|kuchen|brief|foto|gedicht|auto|spiel|rezept|essen|programm|app)"
def _cyr(pattern: str) -> str:
    """A Russian pattern as the normaliser writes Russian ("й" -> "и", "ё" -> "е": accents off)."""
    return pattern.replace("й", "[йи]").replace("ё", "[её]")


_RUSSIAN_CREATOR = re.compile(_cyr(r"(?<!\w)(?:автор|автора|автором|создатель|создателя|основатель|основателя|"
                              r"изобретатель|изобретателя|композитор|режиссер|режиссёр|исполнитель|исполнительница|"
                              r"писатель, написавший|художник, написавший) (?=[«\"„“]|[А-ЯЁ])"))
_RUSSIAN_FIRST = re.compile(_cyr(r"(?<!\w)(?:перв(?:ый|ая|ого|ой|ому)|последн(?:ий|яя|его|ей)|самый молодой|самая молодая) "
                            r"(?:(?:женщина|чернокожий|чернокожая) )?(?:человек|женщина|мужчина|президент|космонавт|"
                            r"премьер-министр|премьер министр|канцлер|император|императрица|царь|царица|генсек|"
                            r"генеральный секретарь|президента|космонавта|человека) (?:(?:в|на) )?"
                            r"(?=[А-ЯЁ]|космос|луне|луну|эверест|орбит)"))
_HI_PLACES = ("भारत", "अमेरिका", "पाकिस्तान", "बांग्लादेश", "नेपाल", "रूस", "चीन", "ब्रिटेन", "इंग्लैंड", "फ्रांस",
              "जापान", "श्रीलंका", "देश", "दिल्ली", "राज्य", "गुजरात", "महाराष्ट्र", "बंगाल", "पंजाब", "बिहार",
              "उत्तर प्रदेश", "तमिलनाडु", "केरल", "कर्नाटक", "राजस्थान", "आज़ाद भारत", "स्वतंत्र भारत", "दुनिया")
_HINDI_OFFICE = re.compile(r"(?:" + "|".join(_HI_PLACES) + r")\s+(?:के|की)\s+(?:पहले|पहली|प्रथम|वर्तमान|सबसे युवा|"
                           r"आखिरी|अंतिम)\s+(?:महिला\s+)?(?:प्रधानमंत्री|प्रधान मंत्री|राष्ट्रपति|मुख्यमंत्री|"
                           r"उपराष्ट्रपति|राजा|रानी|अंतरिक्ष यात्री|गवर्नर|राज्यपाल|गृह मंत्री|शिक्षा मंत्री)")
_JA_CREATOR = re.compile(r"(?P<work>(?:[『「][^』」]{1,30}[』」])|[\u30a1-\u30fa\u30fc\u30fb\u4e00-\u9fff]{2,20})"
                         r"の(?:作者|著者|原作者|作曲者|作曲家|生みの親|監督|創業者|創設者|創始者|発明者|開発者|主演俳優)")
_JA_THING = re.compile(r"(?:この|その|あの|ある|私|僕|俺|彼|彼女|うち|友達|友人)")
_JA_FIRST = re.compile(r"(?:日本|アメリカ|米国|イギリス|英国|フランス|ドイツ|中国|韓国|インド|ロシア|世界|史上|人類|"
                       r"アジア|女性)(?:初|最初)の(?:女性|黒人)?(?:首相|大統領|宇宙飛行士|総理大臣|内閣総理大臣|"
                       r"ノーベル賞受賞者|金メダリスト|横綱|天皇|女王|国王|首長)|(?:日本|アメリカ|米国|インド|ロシア|"
                       r"中国|韓国|フランス|ドイツ|イギリス)の初代(?:大統領|首相|内閣総理大臣|国王|皇帝)|初代内閣総理大臣")
_ZH_CREATOR = re.compile(r"《[^》]{1,30}》的(?:作者|导演|導演|作曲者|作曲家|演唱者|原唱|主演|创始人|創始人)")
_ZH_FIRST = re.compile(r"(?:中国|中國|美国|美國|英国|英國|日本|韩国|韓國|印度|俄罗斯|俄羅斯|法国|法國|德国|德國|台湾|台灣|"
                       r"新中国|新中國|世界上|世界|人类|人類|历史上|歷史上)(?:的)?(?:第一位|第一个|第一個|首位|首任|第一任|"
                       r"最年轻的|最年輕的)(?:女性?|黑人)?(?:总统|總統|总理|總理|首相|宇航员|太空人|航天员|皇帝|主席|"
                       r"诺贝尔奖得主|諾貝爾獎得主|登上月球的人|登月的人|进入太空的人)")
# Round 14a. "中国第一位进入太空的航天员", "美国第一个登上月球的人": a country or the world + first + what they did + 的 +
# the role (the country names the record; "第一位到达派对的客人" names none)
_ZH_FIRST_DID = re.compile(r"(?:中国|中國|美国|美國|英国|英國|日本|韩国|韓國|印度|俄罗斯|俄羅斯|苏联|蘇聯|法国|法國|德国|德國|"
                           r"台湾|台灣|新中国|新中國|世界上|世界|人类|人類|历史上|歷史上|全球)(?:的)?(?:第一位|第一个|第一個|首位|"
                           r"最年轻的|最年輕的|唯一一位|唯一的)[^，,。！!？?、的\s]{1,10}的(?:女性?|黑人)?(?:航天员|宇航员|太空人|"
                           r"人|男人|女人|总统|總統|总理|總理|首相|科学家|科學家|运动员|運動員|作家|女性|奥运冠军|奧運冠軍|"
                           r"冠军|冠軍|登山家|飞行员|飛行員|宇航員|航天員|诗人|詩人|歌手|演员|演員|导演|導演)")
# Round 14a. The current holder of an office of a named country in other languages: "l'actuel président de la
# République française", "el actual presidente de México", "der amtierende Bundeskanzler", "нынешний президент
# России", "الرئيس المصري الحالي", "现任美国总统". The office must be held by one person at a time and the country named
# (a capital in cased scripts, a nationality adjective or a country name); "el actual presidente del club" stays
# generic.
_CURRENT_ROMANCE = (r"(?:actuel|actuelle|actual|atual|attuale|presente|present|vigente|sortant|sortante)")
_HEAD_ROMANCE = (r"(?:presidenta|presidente|president|"
                 # round 38a: a consort of the monarch is one person too ("la actual reina consorte de España")
                 r"reina consorte|rey consorte|rainha consorte|rei consorte|regina consorte|re consorte|"
                 r"reine consort|roi consort|principe consorte|prince consort|primer ministro|primera ministra|primeiro ministro|"
                 r"primeira ministra|premier ministre|prime minister|papa|pape|rey|reina|rei|rainha|re|regina|roi|"
                 r"reine|emperador|emperatriz|imperador|imperatriz|imperatore|empereur|canciller|chanceler|"
                 r"cancelliere|chancelier|chanceliere|jefe de estado|jefa de estado|chef d'etat|capo di stato|"
                 r"chefe de estado|primo ministro|presidente del consiglio|premier|monarca|monarque|sultan|emir|"
                 # round 40a: the Gulf and Southeast Asian rulers in each language ("l'attuale emiro del Qatar")
                 r"emiro|emira|sultano|sultana|sultao|sultan|jeque|sceicco|cheikh|xeque|scia|chah|"
                 # round 18a: a mayor or governor "of" a named city or state ("l'attuale sindaco di Roma")
                 r"sindaco|sindaca|alcalde|alcaldesa|prefeito|prefeita|maire|gobernador|gobernadora|governador|"
                 r"governadora|governatore|gouverneur)")
# round 26a: the article may be fused with a preposition ("retrato del actual presidente de Argentina", "foto do atual
# presidente do Brasil", "ritratto dell'attuale presidente", "portrait du président actuel")
_ART_ROMANCE = r"(?:el|la|o|a|il|le|l'|del|al|do|da|ao|no|na|pelo|pela|della|dalla|alla|nella|dell'|dall'|all'|nell'|dello|dal|nel|du|au)"
_ROMANCE_CURRENT = re.compile(r"\b" + _ART_ROMANCE + r"\s?" + _CURRENT_ROMANCE + r" " + _HEAD_ROMANCE + r"(?: "
                              + _OF_ROMANCE + r"\s?(?=\w)|(?= [a-z]+(?:ais|aise|ano|ana|ain|aine|ien|ienne|ese|es|"
                              r"esa|ense|ino|ina|ico|ica|eno|ena|"
                              # round 27a: "o atual presidente brasileiro", "el actual rey marroquí", "... español"
                              r"eiro|eira|ol|ola)\b))")
_ROMANCE_OFFICE_CURRENT = re.compile(r"\b" + _ART_ROMANCE + r"\s?" + _HEAD_ROMANCE + r" (?P<adj>[a-z]+) "
                                     r"(?:actuel|actuelle|actual|atual|attuale|en exercice|en funciones|"
                                     r"em exercicio|in carica|in funzione)\b")
_NATIONALITY_ENDINGS = re.compile(r"(?:ais|aise|ano|ana|ain|aine|ien|ienne|ese|es|esa|ense|ino|ina|ico|ica|eno|"
                                  r"ena|ol|ola|and|ande|eiro|eira|ite|co|ique|ois|oise|iano|iana)$")
_GERMAN_CURRENT = re.compile(r"\b(?:der|die) (?:amtierende|derzeitige|aktuelle|jetzige|heutige|gegenwartige|"
                             r"regierende|amtierender|derzeitiger|aktueller|jetziger) (?:bundeskanzler|"
                             r"bundeskanzlerin|kanzler|kanzlerin|bundesprasident|bundesprasidentin|prasident|"
                             r"prasidentin|papst|konig|konigin|kaiser|premierminister|premierministerin|"
                             r"ministerprasident|ministerprasidentin|regierungschef|regierungschefin|staatschef|"
                             r"staatschefin|konigsgemahlin|prinzgemahl|koniginnengemahl)\b(?! (?:des|der|von|vom) (?:vereins|vereines|klubs|clubs|firma|"
                             r"unternehmens|schule|kegelclubs))")
_RUSSIAN_CURRENT = re.compile(_cyr(r"(?<!\w)(?:нынешн(?:ий|яя|его|ей)|действующ(?:ий|ая|его|ей)|теперешн(?:ий|яя)|"
                               r"текущ(?:ий|ая|его|ей)|сегодняшн(?:ий|яя|его|ей)) "
                               r"(?:президент|премьер-министр|премьер министр|канцлер|король|королева|папа римский|"
                               r"генеральный секретарь|глава государства|президента|премьера|короля|королевы)"
                               r"(?= [А-ЯЁ])"))
# round 36a: the other Cyrillic languages ("настоящият президент на България", "садашњи председник Србије",
# "сегашниот претседател на Македонија", "чинният премиер"): a current-word, an office, maybe "of", a capital
_SOUTH_SLAVIC_CURRENT = re.compile(r"(?<!\w)(?:настоящ(?:ият|ата|ия)|сегашн(?:ият|ата|ия|иот|ата)|действащ(?:ият|ата)|"
                                   r"актуaлн(?:ият|ата)|актуалн(?:ият|ата)|садашњ(?:и|а|ег)|тренутн(?:и|а|ог)|"
                                   r"чинн(?:ият|ата)) (?:президент(?:ът|ката|от)?|премиер(?:ът|от|ката)?|"
                                   r"министър-председател(?:ят)?|председник|председница|претседател(?:от|ката)?|"
                                   r"крал(?:ят|от)?|кралица(?:та)?|краљ|краљица|цар(?:ят)?|патриарх)"
                                   r"(?: (?:на|од))? (?=[А-ЯЁЃЌЉЊЏЂЋ])")
_AR_OFFICES = (r"(?:الرئيس|الرئيسة|رئيس الوزراء|رئيسة الوزراء|رئيس الحكومة|الملك|الملكة|الأمير|الامير|السلطان|"
               r"ولي العهد|البابا|المستشار|المستشارة|الشيخ|الامبراطور|الإمبراطور)")
_AR_CURRENT = re.compile(r"(?<!\w)" + _AR_OFFICES + r" (?!الحالي|التنفيذي|الفخري|الروحي|الإداري|الاداري|الشرفي)"
                         r"ال\w{2,}ي(?:ة)? (?:الحالي|الحالية)(?!\w)|"
                         r"(?<!\w)(?:رئيس|ملك|ملكة|أمير|امير|سلطان|رئيسة) (?:(?!ال)\w{2,}(?<!نا)(?<!كم)(?<!هم)|"
                         r"الأردن|الاردن|العراق|المغرب|السعودية|الكويت|البحرين|الإمارات|الامارات|السودان|اليمن|"
                         r"الجزائر|الصين|الهند|اليابان|البرازيل|المكسيك|الولايات المتحدة|المملكة المتحدة|"
                         r"المملكة العربية السعودية) (?:الحالي|الحالية)(?!\w)|"
                         r"(?<!\w)(?:رئيس جمهوری|نخست وزیر|پادشاه|ملکه) (?:فعلی|کنونی) \w{2,}|"
                         r"(?<!\w)(?:پاکستان|بھارت|ہندوستان|امریکہ|برطانیہ|چین|ایران|سعودی عرب|افغانستان|بنگلہ دیش|"
                         r"ترکی) کے موجودہ (?:وزیراعظم|وزیر اعظم|صدر|بادشاہ|آرمی چیف)|"
                         r"(?<!\w)(?:ראש הממשלה|הנשיא|המלך|המלכה) (?:הנוכחי|הנוכחית|המכהן|המכהנת) של (?!ה)\w{2,}|"
                         r"(?<!\w)האפיפיור (?:הנוכחי|המכהן)")
_ZH_CURRENT = re.compile(r"(?:中国|中國|美国|美國|英国|英國|日本|韩国|韓國|印度|俄罗斯|俄羅斯|法国|法國|德国|德國|台湾|台灣|"
                         r"加拿大|澳大利亚|澳洲|巴西|意大利|義大利|西班牙|朝鲜|朝鮮|越南|泰国|泰國|新加坡|以色列|伊朗|"
                         r"土耳其|埃及|沙特|梵蒂冈|梵蒂岡)?(?:的)?(?:现任|現任|当今|當今|在任)(?:的)?(?:中国|中國|美国|美國|"
                         r"英国|英國|日本|韩国|韓國|印度|俄罗斯|俄羅斯|法国|法國|德国|德國|台湾|台灣)?(?:总统|總統|总理|"
                         r"總理|首相|国家主席|國家主席|国王|國王|女王|教皇|天皇|总书记|總書記)|"
                         r"(?:日本|アメリカ|米国|イギリス|英国|フランス|ドイツ|中国|韓国|インド|ロシア)の(?:現職の|現在の|現)"
                         r"(?:首相|大統領|国王|女王|天皇|総理大臣)|(?:現職の|現在の)(?:日本|アメリカ|米国|イギリス|フランス|"
                         r"ドイツ|中国|韓国|インド|ロシア)(?:の)?(?:首相|大統領|国王|女王|総理大臣)")
_NOT_REAL = re.compile(r"\b(?:fantasy|fantasia|fantasie|fictional|ficticio|ficticia|fictif|fittizio|fiktiv|"
                       r"imaginary|imaginario|imaginaire|generic|generico|generique)\b|"
                       r"вымышлен|фэнтези|架空|虚构|虛構|ファンタジー")
_INDEF_ROMANCE = re.compile(r"(?:un|una|uno|um|uma|une|mi|mis|tu|su|sus|mon|ma|mes|ton|ta|son|sa|ses|meu|minha|seu|"
                            r"sua|mio|mia|suo|sua|este|esta|ese|esa|este|ce|cette|cet|questo|questa|quel|quella|"
                            r"nuestro|nuestra|notre|nosso|nossa|nostro|nostra|ein|eine|einer|einem|einen|mein|meine|"
                            r"meiner|meinem|dies|diese|dieser|diesem|dieses|unser|unsere)\b")


# Round 15. More languages and word orders of the same classes, as the normaliser writes them (accents off):
# Indonesian, Swahili and Turkish ordinal offices of a named country ("presiden pertama Indonesia", "rais wa kwanza wa
# Tanzania", "Türkiye Cumhuriyeti'nin kurucusu"), a German genitive country after the office ("die erste
# Bundeskanzlerin Deutschlands"), the current Pope ("el papa actual"), a record of a sport's history ("el futbolista
# con más balones de oro de la historia"), a reign of a stated length ("la reina que reinó 70 años"), the actor who
# played a named character ("l'attore che interpretava il commissario Montalbano") and Polish "the first woman who
# won two Nobels". Each needs a named object (a capitalised word) where one can be generic.
_OFFICE_ID_SW = re.compile(r"\b(?:presiden|perdana menteri|wakil presiden|raja|ratu|sultan)\s+(?:pertama|kedua|ketiga|"
                           r"keempat|terakhir|ke-?\d{1,2})\s+(?:republik\s+)?(?=\w)|"
                           r"\b(?:rais|waziri mkuu|makamu wa rais|mfalme|malkia)\s+wa\s+(?:kwanza|pili|tatu|nne|mwisho)"
                           r"\s+wa\s+(?=\w)")
_TURKISH_FOUNDER = re.compile(r"\b(?:turkiye(?: cumhuriyeti)?|cumhuriyet|osmanli (?:devleti|imparatorlugu)|"
                              r"\w+(?:stan|ya|ye|ka))['’]?(?:nin|in|un|nun)\s+"
                              # round 40a: a dated participle before the rank ("Kolombiya'nın 2022'de seçilen ilk
                              # solcu devlet başkanı") and any one qualifier after it (leftist, civilian, elected)
                              r"(?:\w{4}['’]?(?:de|da|te|ta) (?:secilen|gelen|atanan|iktidara gelen) )?"
                              r"(?:kurucusu|ilk (?:kadin |[a-z]+ )?"
                              r"(?:cumhurbaskani|basbakani|padisahi|kurucusu|astronotu|devlet baskani)|(?:su anki|simdiki|mevcut) "
                              r"(?:cumhurbaskani|basbakani))\b")
_GERMAN_GENITIVE_OFFICE = re.compile(r"\b(?:der|die) (?:erste|erster|zweite|dritte|letzte|juengste|jungste|alteste|"
                                     r"einzige) (?:(?:weibliche|schwarze) )?(?:bundeskanzler|bundeskanzlerin|kanzler|"
                                     r"kanzlerin|bundesprasident|bundesprasidentin|prasident|prasidentin|konig|konigin|"
                                     r"premierminister|premierministerin|astronaut|astronautin) "
                                     r"(?!(?:des|der|dem|den|eines|ihres|seines)\b)(?=\w+s\b)")
_POPE_CURRENT = re.compile(r"\b(?:el|il|le|o|der) (?:papa|pape|papst) (?:actual|atual|attuale|actuel|amtierende)\b|"
                           r"\b(?:el|il|le|o) (?:actual|atual|attuale|actuel) (?:papa|pape)\b")
_RECORD_ROMANCE = re.compile(r"\b(?:el|la|o|a|il|le|l')\s?(?:futbolista|jugador|jugadora|deportista|atleta|tenista|"
                             r"piloto|nadador|nadadora|boxeador|calciatore|giocatore|giocatrice|tennista|pilota|jogador|"
                             r"jogadora|footballeur|joueur|joueuse|athlete|persona|pessoa|personne|hombre|mujer|homem|"
                             r"mulher|uomo|donna|homme|femme|cantante|cantor|cantora|chanteur|chanteuse|actor|actriz|"
                             r"ator|atriz|attore|attrice|acteur|actrice) (?:con mas|com mais|con piu|avec le plus de) "
                             r"[\w ]{3,40}? (?:de la historia|da historia|della storia|de l'histoire|del mundo|do mundo|"
                             r"del mondo|du monde)\b")
_REIGN_ROMANCE = re.compile(r"\b(?:el rey|la reina|o rei|a rainha|il re|la regina|le roi|la reine|el presidente|"
                            r"la presidenta|o presidente|a presidente|le president|il presidente) (?:que|qui|che) "
                            r"(?:reino|goberno|reinou|governou|regno|governo|a regne|a gouverne|regna) (?:durante )?"
                            r"\d{1,2} (?:anos|annees|anni|ans)\b")
_ACTOR_WHO_PLAYED = re.compile(r"\b(?:l'attore|l'attrice|el actor|la actriz|o ator|a atriz|l'acteur|l'actrice|"
                               r"der schauspieler|die schauspielerin|aktor|aktorka),? (?:che|que|qui|der|die|ktory|ktora) "
                               r"(?:interpretava|ha interpretato|interpreto|interpretaba|interpretou|jouait|a joue|"
                               r"interpretait|spielte|gespielt hat|gral|grala|zagral|zagrala|"
                               # round 31a: the present and the other verbs of playing a part ("l'actrice qui joue",
                               # "el actor que interpreta a", "qui incarne", "que encarnó a", "che impersona")
                               r"joue|interprete|interpreta|incarne|incarnait|a incarne|encarna|encarno|encarnaba|"
                               r"encarnou|ha encarnado|ha interpretado|tem interpretado|impersona|impersonava|"
                               r"ha impersonato|hraje|hral|hrala|gra)(?: a| o| al)? (?=\w)")
# round 31a: German puts the verb last ("der Schauspieler, der James Bond spielt", "die Schauspielerin, die Lara Croft
# gespielt hat"): the relative pronoun, one to four words holding a capital, then the verb
_ACTOR_WHO_PLAYED_DE = re.compile(r"\b(?:der schauspieler|die schauspielerin|der darsteller|die darstellerin),? "
                                  r"(?:der|die) (?P<obj>(?:[\w'-]+ ){1,4}?)(?:spielt|spielte|gespielt hat|verkorpert|"
                                  r"verkorperte|verkorpert hat|darstellt|darstellte|dargestellt hat)\b")
_POLISH_FIRST_WHO = re.compile(r"\b(?:pierwsz(?:a|ej|y|ego|ym)|ostatni(?:a|ej|ego)?) (?:kobiet(?:a|y|e)|osob(?:a|y|e)|"
                               r"czlowiek(?:a)?|polk(?:a|i)|polak(?:a)?|mezczyzn(?:a|y)),? (?:ktora|ktory|ktorej|ktorego) ")
_ROUND15 = ((_OFFICE_ID_SW, "an office by rank of a named country", True),
            (_GERMAN_GENITIVE_OFFICE, "an office or record by rank of a named country", True),
            (_POPE_CURRENT, "the current holder of a one-person office", False),
            (_RECORD_ROMANCE, "a record holder of a sport's or the world's history", False),
            (_REIGN_ROMANCE, "a ruler named by the length of their reign", False),
            (_ACTOR_WHO_PLAYED, "the actor who played a named character", True))


def _round15(lower: str, text: str, cased: bool) -> list[tuple[int, int, str]]:
    """The round-15 shapes (see above)."""
    spans = []
    for rx, what, named in _ROUND15:
        for m in rx.finditer(lower):
            if named and not _named(text, m.end(), cased):
                continue  # "presiden pertama klub", "l'attore che interpretava un poliziotto"
            spans.append((m.start(), _word_end(lower, m.end()), what))
    for m in _POLISH_FIRST_WHO.finditer(lower):
        if re.match(r"(?:\w+ ){0,3}[A-Z]", text[m.end():]):
            spans.append((m.start(), _word_end(lower, m.end()), "the first person to do something named"))
    if "schauspieler" in lower or "darsteller" in lower:
        for m in _ACTOR_WHO_PLAYED_DE.finditer(lower):
            if cased and re.search(r"(?<!\w)[A-ZÄÖÜ]\w*\s+[A-ZÄÖÜ]|[«\"„“]", text[m.start("obj"):m.end("obj")]):
                spans.append((m.start(), m.end(), "the actor who played a named character"))
    for m in _TURKISH_FOUNDER.finditer(lower):
        if text[m.start():m.start() + 1].isupper():
            spans.append((m.start(), m.end(), "the founder or office holder of a named country"))
    return spans


# Round 16. Dutch, Tagalog, Vietnamese, Yoruba, Czech/Polish/Slovak shapes of the same classes, as the normaliser
# writes them (accents off, "đ" and "ł" kept), and an English place in the possessive before a record ("Africa's first
# elected female head of state"): "de koning van Nederland", "de eerste premier van India", "ang unang babaeng pangulo
# ng Pilipinas", "người sáng lập Microsoft", "tổng thống đầu tiên của Mỹ", "Ààrẹ àkọ́kọ́ ilẹ̀ Nàìjíríà", "autor Osudu
# dobrého vojáka Švejka" (a genitive title), "il papa argentino" (a one-person office and a nationality), "el jugador
# que hizo el gol de la Mano de Dios". Each needs a named object (a capitalised word).
_DUTCH_OFFICE = re.compile(r"\b(?:de|het) (?:(?:eerste|tweede|laatste|huidige|vorige|jongste|enige|langstzittende|"
                           r"langst zittende|langstregerende|langst regerende|langst dienende) )?(?:(?:vrouwelijke|"
                           r"zwarte) )?(?:koning|koningin|keizer|keizerin|president|presidente|premier|minister-president|"
                           r"paus|bondskanselier|kanselier|oprichter|oprichtster|schrijver|schrijfster|uitvinder|"
                           r"ontdekker|zanger|zangeres|regisseur|schilder|componist|auteur|maker|bedenker) "
                           r"(?:van|der) (?:het |de )?(?=\w)")
_TAGALOG_OFFICE = re.compile(r"\b(?:kauna-unahang|kaunaunahang|pinakaunang|unang|ikalawang|ikatlong|huling|kasalukuyang|bagong) (?:babaeng |lalaking )?"
                             r"(?:pangulo|presidente|punong ministro|hari|reyna|senador|alkalde|astronaut|santo) "
                             r"(?:ng|sa) (?=\w)|\b(?:ang )?(?:may-akda|sumulat|nagtatag|tagapagtatag|imbentor) ng (?=\w)")
_VIET_ROLE = re.compile(r"\b(?:nguoi|nha) (?:sang lap|đong sang lap|dong sang lap|phat minh|sang tao) (?=\w)|"
                        r"\btac gia (?:cua )?(?=\w)|"
                        # round 24a: "vị tướng chỉ huy chiến dịch Điện Biên Phủ": the general who commanded a named battle
                        r"\b(?:vi )?(?:tuong|đai tuong|dai tuong|thong che|nguyen soai) (?:đa |da )?(?:chi huy|"
                        r"lanh đao|lanh dao|chien thang) (?:chien dich |tran |cuoc |quan )?(?=\w)|"
                        r"\b(?:tong thong|thu tuong|chu tich|vua|nu hoang|giao hoang) "
                        r"(?:đau tien|dau tien|cuoi cung|hien tai|hien nay|thu \w+) (?:cua )?(?=\w)")
_YORUBA_OFFICE = re.compile(r"\b(?:aare|olori ijoba|oba|alakoso) (?:akoko|keji|iketa|ti isinsinyi|tuntun) "
                            r"(?:ile |orile-ede |orile ede )?(?=\w)")
_SLAVIC_CREATOR = re.compile(r"\b(?:autor|autorka|autora|tvurce|tvorca|tworca|zakladatel|zakladatelka|zalozyciel|"
                             r"załozyciel|zalożyciel|założyciel|zalozycielka|rezyser|reziser|rezyserka|skladatel|"
                             r"kompozytor|kompozytorka|vynalezce|wynalazca) (?=\w)")
_SLAVIC_ACTOR = re.compile(r"\b(?:aktor|aktorka|herec|herecka|herečka|piosenkarz|piosenkarka|zpevak|zpevacka),? "
                           r"(?:ktory|ktora|který|která|kteri|kto) (?:zagrał|zagrała|grał|grała|zagral|zagrala|gral|"
                           r"grala|hral|hrala|zaspiewał|zaspiewała|spiewał|spiewała|napisał|napisała|zpival|zpivala) "
                           r"(?=\w)")
# round 24a: a rank may stand before or after the office ("il primo papa latinoamericano", "le premier pape
# américain", "der erste deutsche Papst" is German word order and stays with the German shapes)
_POPE_RANK = r"(?:primer|primero|primo|primeiro|premier|erste|eerste|first|ultimo|dernier|letzte|laatste|secondo|segundo)"
# round 40a: with the article fused to a preposition too ("ritratto del primo papa latinoamericano")
_POPE_NATIONAL = re.compile(r"\b(?:el|il|le|o|der|de|the|del|dal|al|nel|sul|do|ao|no|pelo|du|au|dem|den|des)(?P<r1> " + _POPE_RANK + r")? (?:papa|pape|papst|paus)(?P<r2> "
                            + _POPE_RANK + r")? (?P<adj>[a-z]+)\b")
# round 32a: with a rank, any kind makes one pope, not only a nationality ("il primo papa gesuita", "the first Jesuit
# pope", "the first non-European pope"); English puts the kind before the office
_POPE_RANK_EN = re.compile(r"\bthe (?:first|last|only) (?:[a-z\-]+ ){1,2}pope\b")
_ROMANCE_LINKS = frozenset({"della", "delle", "dello", "degli", "dell", "del", "des", "dos", "das", "que", "qui", "che",
                            "dans", "nella", "nello", "para", "pour", "per", "con", "avec", "sans", "senza", "sobre"})
_ROMANCE_DOER_NAMED = re.compile(r"\b(?:el|la|o|a|il|le|l')\s?(?:jugador|jugadora|futbolista|deportista|atleta|"
                                 r"tenista|piloto|boxeador|jogador|jogadora|giocatore|calciatore|joueur|footballeur|"
                                 r"cantante|cantor|cantora|chanteur|chanteuse|actor|actriz|ator|atriz|attore|attrice|"
                                 r"acteur|actrice|cantautor|cantautora|cantautore|cantautrice|rapero|rapera|rapper|"
                                 r"rappeur|rappeuse|"
                                 # round 24a: goalkeepers, captains, coaches and generals who lifted or led something
                                 r"portero|portera|guardameta|arquero|capitan|capitana|goleiro|goleira|capitao|portiere|"
                                 r"capitano|gardien|capitaine|entrenador|seleccionador|allenatore|entraineur|treinador|"
                                 r"general|generale|almirante|ammiraglio|amiral|comandante|mariscal|marechal|maresciallo)"
                                 # round 34a: a second role and the team or country between ("el portero capitán de
                                 # España que levantó", "il capitano dell'Italia che alzò", "le capitaine des Bleus qui")
                                 r"(?: (?:capitan|capitana|capitao|capitano|capitaine|titular|legendario|legendaria|"
                                 r"leggendario|legendaire|historico|storico|historique))?(?: (?:de la|de los|de las|del|de|"
                                 r"da|do|dos|das|di|della|dello|dei|degli|dell'|du|des|de l'|d')\s?(?!(?:mi|mis|tu|su|"
                                 r"nuestro|nuestra|mon|ma|notre|mio|mia|nostro|nostra|meu|minha|nosso|nossa|un|una|um|"
                                 r"uma|une|uno)\b)(?:la |el |los |o |a |"
                                 r"os |as |il |lo |la |les |l')?[a-z][\w-]*(?: [a-z][\w-]*)?)? "
                                 r"(?:que|qui|che) (?:hizo|marco|anoto|metio|gano|ganhou|marcou|fez|"
                                 r"capitaneo|capitaneou|capitano|levanto|levantou|alzo|sollevo|a souleve|dirigio|dirigiu|"
                                 r"entreno|treinou|ha capitanato|ha alzato|a capitaine|comando|comandou|a commande|"
                                 r"ha comandato|guio|guiou|guido|ha guidato|libero|libertou|conquisto|conquistou|derroto|derrotou|"
                                 r"segno|vinse|a marque|a gagne|canto|cantou|a chante|interpreto|interpretou|"
                                 # round 22a: recorded / sang / performed in the perfect tenses
                                 r"grabo|gravou|ha cantato|ha inciso|incise|ha interpretato|ha vinto|ha segnato|"
                                 r"a enregistre|a interprete|popularizo|popularizou|ha cantado|ha grabado|tem cantado) "
                                 r"(?P<obj>(?:\w+ ){0,4}?)(?=\w)")
_LOCAL_EVENT = re.compile(r"\b(?:mi|mis|nuestro|nuestra|mon|ma|notre|mio|mia|nostro|nostra|meu|minha|nosso|nossa|"
                          r"escolar|escuela|colegio|barrio|pueblo|escola|bairro|scuola|ecole|quartier|village|"
                          r"aldea|aldeia|paese|torneo local|club|clube|empresa|oficina|firma|amigos|amici|amis)\b")
# "Africa's first elected female head of state", "Britain's first female prime minister"
_EN_POSSESSIVE_FIRST = re.compile(r"\b[a-z]+['’]s (?:first|only|youngest|oldest|longest serving|longest reigning|"
                                  r"last) (?:(?:elected|female|woman|black|male|openly gay|muslim|jewish|catholic|"
                                  r"hindu|christian|indigenous|democratically elected) ){0,3}(?:president|prime minister|"
                                  r"head of state|head of government|chancellor|king|queen|pope|astronaut|cosmonaut|"
                                  r"monarch|emperor|empress|nobel laureate|nobel prize winner|billionaire|female "
                                  r"president|governor|mayor|premier)\b")
_ROUND16 = ((_DUTCH_OFFICE, "an office, role or creator of a named country or work", True),
            (_TAGALOG_OFFICE, "an office by rank of a named country, or the creator of a named work", True),
            (_VIET_ROLE, "an office by rank of a named country, or the founder or author of something named", True),
            (_YORUBA_OFFICE, "an office by rank of a named country", True),
            (_SLAVIC_ACTOR, "the actor or singer who played or sang something named", True))


def _round16(lower: str, text: str, cased: bool) -> list[tuple[int, int, str]]:
    """The round-16 shapes (see above)."""
    spans = []
    for rx, what, named in _ROUND16:
        for m in rx.finditer(lower):
            if named and not _named(text, m.end(), cased):
                continue  # "de koning van de jungle", "nguoi sang lap cong ty" (the founder of a company)
            spans.append((m.start(), _word_end(lower, m.end()), what))
    for m in _SLAVIC_CREATOR.finditer(lower):
        # a genitive title right after, capitalised ("autor Osudu dobrého vojáka Švejka"), not a name ("autor Jan
        # Novák" names the person: the name shape finds them) nor a capital after a comma
        if cased and text[m.end():m.end() + 1].isupper() and re.match(r"\w+\s+[a-z]", text[m.end():]):
            spans.append((m.start(), _word_end(lower, m.end()), "the creator of a named work"))
    for m in _POPE_NATIONAL.finditer(lower):
        adj = m.group("adj")
        if adj not in _NOT_NATIONALITY and (_NATIONALITY_ENDINGS.search(adj) or (
                (m.group("r1") or m.group("r2")) and len(adj) >= 4 and adj not in context.FUNCTION_WORDS
                and adj not in _ROMANCE_LINKS)):
            spans.append((m.start(), m.end(), "a one-person office named by nationality"))
    if "pope" in lower:
        spans += [(m.start(), m.end(), "a one-person office named by rank and kind") for m in _POPE_RANK_EN.finditer(lower)
                  if not re.search(r"\b(?:my|our|a|an|your|their|his|her)\b", m.group())]
    for m in _ROMANCE_DOER_NAMED.finditer(lower):
        # round 34a: a year names the event too ("o capitão do Brasil que levantou a taça em 1994"), unless local
        if cased and re.match(r"(?:\w+\s+){0,5}?[A-Z]", text[m.start("obj"):m.start("obj") + 60]) or (re.match(
                r"(?:\w+\s+){1,6}?(?:(?:en|em|in|nel|del|de|do|da)\s+)?(?:19|20)\d\d\b", lower[m.start("obj"):m.start("obj") + 60])
                and not _LOCAL_EVENT.search(lower, m.start(), m.start("obj") + 60)):
            spans.append((m.start(), _word_end(lower, m.end()), "the person who did something named"))
    for m in _EN_POSSESSIVE_FIRST.finditer(lower):
        # round 29a: a country in lower case is still a country ("britain's first female prime minister")
        if cased and text[m.start():m.start() + 1].isupper() or re.match(r"[a-z]+", lower[m.start():]).group() in (  # type: ignore[union-attr]
                indirect_more_languages.COUNTRIES):
            spans.append((m.start(), m.end(), "a record holder of a named place"))
    return spans


# adjectives after "the pope" that are no nationality
_NOT_NATIONALITY = frozenset({"emerito", "emeritus", "emerite", "bianco", "blanco", "blanc", "nero", "negro", "noir",
                              "santo", "saint", "buono", "giovane", "joven", "jeune", "nuovo", "nuevo", "nouveau",
                              "francesco", "francisco", "francois", "leone", "leon", "pio", "celestino", "benedetto",
                              "giovanni", "juan", "jean", "paolo", "pablo", "paul", "gregorio", "gregoire",
                              "mobile", "movil", "ha", "es", "a", "e", "and", "with", "in", "at", "on"})


# Round 32a. A state named by its form and a demonym, both lower case in the Romance languages ("la repubblica italiana",
# "la república argentina", "la république tunisienne", "el reino unido", "la república popular china"): one country
_STATE_OF_DEMONYM = re.compile(
    r"(?:la |el |il |le |l'|o |a )?(?:repubblica|republica|republique|reino|regno|royaume|imperio|impero|empire|"
    r"federazione|federacion|federation|confederazione|confederacion|confederation|stato|estado|etat|uniao|union|"
    r"unione)(?: (?:popolare|popular|populaire|federale|federal|federativa|democratica|democratique|socialista|"
    r"socialiste|islamica|islamique|araba|arabe|bolivariana|plurinacional|oriental|cooperativa))? "
    r"(?:[a-z]{2,}(?:an[ao]|es[ae]|ic[ao]|ienne|ien|aise|ais|aine|ain|in[ao]|en[ao]|ol[ao]|ens[ae]|c[ao]|que|al|ale|"
    r"ar|ara|ita|ite|us[ao]|[eo]ne|egia)|unido|unito|uni|unie|unida|unita)\b")


def find(norm: NormalizedText, detector: str) -> list[Finding]:
    """Indirect references to one real person in other languages (``public_figure``, canonical ``None``)."""
    lower = norm.lower
    text = norm.text
    if len(lower) != len(text) or _NOT_REAL.search(lower):
        return []
    spans: list[tuple[int, int, str]] = []
    cased = not context.is_all_caps(text)
    # round 25a: the normaliser reads digits glued to letters as leetspeak ("25e" -> "2se"); numeric ordinals are
    # read with the prompt's own digits put back
    orig = norm.original
    latin = _LATIN_TRIGGER.search(lower) is not None  # most prompts hold none of these words: skip the shapes
    digits = lower
    if len(orig) == len(lower) and not orig.isalpha() and _ORD_DIGIT.search(orig):
        digits = "".join(t if t.isdigit() else c for t, c in zip(orig, lower))
        latin = latin or _LATIN_TRIGGER.search(digits) is not None
    for rx, what in () if not latin else ((_ROMANCE_OFFICE, "an office or record by rank of a named country or body"),
                     (_ROMANCE_CREATOR, "the creator of a named work"),
                     (_ROMANCE_CREATOR_GLUED, "the creator of a named work"),
                     (_ROMANCE_WHO, "the person who made or found something named"),
                     (_GERMAN_OFFICE, "an office or record by rank of a named country or body"),
                     (_GERMAN_CREATOR, "the creator of a named work")):
        for m in rx.finditer(digits if rx is _ROMANCE_OFFICE else lower):
            rest = lower[m.end():]
            if _INDEF_ROMANCE.match(rest):
                continue  # "el autor de un libro", "der Erfinder meines Autos"
            # round 17: a capitalised article that opens the title ("il regista de La vita è bella") names it too
            if rx is _ROMANCE_OFFICE and _STATE_OF_DEMONYM.match(lower, m.end()):
                pass  # round 32a: "della repubblica italiana", "de la république tunisienne": the state, lower case
            elif rx is _ROMANCE_WHO and _ROMANCE_DISCOVERY.search(lower, m.start(), m.end()) \
                    and _ROMANCE_UNIQUE_OBJECT.match(lower, m.end()):
                pass
            elif not _named(text, m.end(), cased, german=rx in (_GERMAN_OFFICE, _GERMAN_CREATOR)) and not (
                    cased and rx in (_ROMANCE_CREATOR, _ROMANCE_CREATOR_GLUED) and re.search(r" (?:La|Las|Los|El|Il|Lo|Le|Les|L'|Gli|I|O|Os|As|A)\s?$",
                                                                   text[m.start():m.end()])):
                continue
            spans.append((m.start(), _word_end(lower, m.end()), what))
    for m in _GERMAN_WHO.finditer(lower) if latin else ():
        obj = m.group("obj")
        if re.match(_INDEF_ROMANCE.pattern, obj) or re.search(r"\b" + _GERMAN_GENERIC + r"\b", obj):
            continue  # "der Mann, der das Bild gemalt hat": a picture, anyone's
        spans.append((m.start(), m.end(), "the person who made or found something named"))
    if cased and any(w in lower for w in _GERMAN_PLAYED_CHEAP):
        for m in _GERMAN_PLAYED.finditer(lower):
            if _GERMAN_PLAYED_WORK.search(text, m.start("clause"), m.end("clause")):
                spans.append((m.start(), m.end(), "the performer who played a part in a named work"))
    if _CURRENT_TRIGGER.search(lower):
        spans += _current_latin(lower, text, cased)
    spans += _round15(lower, text, cased)
    spans += _round16(lower, text, cased)
    spans += indirect_more.spans(lower, text, cased)
    spans += indirect_offices.spans(lower, text, cased)
    spans += indirect_ranks.spans(lower, text, cased)
    spans += indirect_inflected.spans(lower, text, cased)
    spans += indirect_career.spans(lower, text, cased)
    spans += indirect_career.sports_titles(lower, text, cased)
    spans += indirect_career.record_tally(lower, text, cased)
    spans += indirect_more_languages.spans(lower, text, cased)
    spans += indirect_record_firsts.spans(lower, text, cased)
    spans += indirect_regional.spans(lower, text, cased)
    spans += indirect_free_order.spans(lower, text, cased)
    spans += indirect_nationality.spans(lower, text, cased)
    spans += indirect_epithets.spans(lower, text, cased)
    spans += indirect_nicknamed.spans(lower, text, cased)
    spans += indirect_coach_deed.spans(lower, text, cased)
    spans += indirect_first_woman.spans(lower, text, cased)
    if cased:
        for m in _NICKNAMED.finditer(lower):
            if re.match(r"[«\"„“]?[A-ZÀ-ÞΑ-ΩА-Я]", text[m.end():m.end() + 2]) and not _KIN_NICKNAME.match(lower, m.end()):
                spans.append((m.start(), _word_end(lower, m.end()), "a person known by a capitalised nickname"))
    if lower.isascii():
        return _findings(norm, lower, spans, detector)
    for m in _RUSSIAN_CURRENT.finditer(text):
        spans.append((m.start(), _word_end(lower, m.end() + 1), "the current holder of an office of a named country"))
    if "президент" in lower or "пре" in lower or "крал" in lower or "цар" in lower or "патриарх" in lower:
        for m in _SOUTH_SLAVIC_CURRENT.finditer(text):
            spans.append((m.start(), _word_end(lower, m.end()), "the current holder of an office of a named country"))
    for rx in (_AR_CURRENT, _ZH_CURRENT, _ZH_FIRST_DID):
        for m in rx.finditer(lower):
            spans.append((m.start(), m.end(), "the current holder of an office of a named country" if rx is not
                          _ZH_FIRST_DID else "the first of a named country to do something"))
    for rx, what in ((_RUSSIAN_CREATOR, "the creator of a named work"),
                     (_RUSSIAN_FIRST, "an office or record by rank of a named country or place")):
        for m in rx.finditer(text):
            spans.append((m.start(), _word_end(lower, m.end()), what))
    for rx, what in ((_HINDI_OFFICE, "an office by rank of a named country or state"),
                     (_JA_FIRST, "an office or record by rank of a named country"),
                     (_ZH_CREATOR, "the creator of a named work"),
                     (_ZH_FIRST, "an office or record by rank of a named country")):
        for m in rx.finditer(lower):
            spans.append((m.start(), m.end(), what))
    for m in _JA_CREATOR.finditer(lower):
        work = m.group("work")
        if _JA_THING.match(work) or not (work[:1] in "『「" or re.search(r"[\u30a1-\u30fa]", work)):
            continue  # "この本の作者": a book at hand; a title is katakana or in brackets
        spans.append((m.start(), m.end(), "the creator of a named work"))
    return _findings(norm, lower, spans, detector)


# Round 19a. A person pointed at through the nickname others gave them: a person word, "they called / dubbed / known
# to all as" (active, passive or relative, in six languages) and a capitalised epithet ("the woman they called the
# Iron Lady", "l'homme qu'on surnommait le Tigre", "la mujer a la que llamaban la Dama de Hierro"). The epithet must
# be capitalised (a nickname, not "the woman they called a nurse"); fiction words drop the prompt (_NOT_REAL).
# a kin or address word as the "nickname" ("the woman they called Mother") names no one in particular
_KIN_NICKNAME = re.compile(r"(?:mother|father|mom|mum|dad|mama|papa|grandma|granny|grandpa|auntie|aunt|uncle|sister|"
                           r"brother|doc|boss|chief|sir|madam|maman|mamie|abuela|abuelo|madre|padre|mae|vovo|nonna|"
                           r"nonno|mutti|oma|opa)\b")
_PERSON_WORD = (r"(?:man|woman|lady|girl|boy|guy|singer|player|leader|general|politician|actress|actor|boxer|"
                r"dictator|president|athlete|queen|king|ruler|emperor|warrior|dancer|rapper|star)")
_NICKNAMED = re.compile(
    r"\b(?:" + _PERSON_WORD + r"\s+(?:(?:whom|who|that)\s+)?(?:they|people|everyone|everybody|the press|the media|"
    r"the world|fans|history|the papers|the tabloids|the nation|the country|millions|locals)\s+(?:all\s+|simply\s+|"
    r"once\s+|later\s+)?(?:called|call|nicknamed|dubbed|knew as|know as|remember as|remembered as|hailed as)"
    r"|" + _PERSON_WORD + r",?\s+(?:(?:who\s+(?:was|is|became)|better|popularly|universally|widely)\s+)?"
    r"(?:known|called|nicknamed|dubbed|remembered)\s+(?:to (?:all|everyone|the world|history|millions|fans)\s+|"
    r"everywhere\s+|worldwide\s+|simply\s+)?as"
    r"|(?:l'homme|la femme|la dame|celle|celui|la chanteuse|le chanteur)\s+(?:qu'on|que l'on|que tout le monde|que "
    r"la presse|que le monde|qu'ils|qu'elles)\s+(?:appelait|appelle|appelaient|surnommait|surnomme|surnommaient|"
    r"avait surnomme|a surnomme)"
    r"|(?:l'homme|la femme|la dame|celle|celui),?\s+(?:surnomme|surnommee|dit|dite|connu|connue)\s+(?:de tous\s+)?"
    r"(?:comme|sous le nom de)?"
    r"|(?:el hombre|la mujer|la senora|aquel|aquella|el cantante|la cantante)\s+(?:a (?:la|el|quien) que\s+|al que\s+|a quien\s+|"
    r"que\s+)?(?:todos\s+|la prensa\s+|el mundo\s+)?(?:llamaban|llaman|apodaban|apodaron|conocian como|"
    r"conocen como|bautizaron como)"
    r"|(?:el hombre|la mujer|aquel|aquella),?\s+(?:apodad[oa]|conocid[oa] (?:por todos |en todo el mundo )?como)"
    r"|(?:o homem|a mulher|a senhora)\s+(?:a quem|que)\s+(?:todos\s+|a imprensa\s+)?(?:chamavam|chamam|apelidaram|"
    r"apelidavam|conheciam como)(?:\s+de)?"
    r"|(?:o homem|a mulher),?\s+(?:apelidad[oa](?: de)?|conhecid[oa] (?:por todos )?como)"
    r"|(?:l'uomo|la donna|la signora|colui|colei)\s+(?:che|chiamat[oa]|soprannominat[oa]|detto|detta)\s*(?:tutti\s+|"
    r"la stampa\s+)?(?:chiamavano|chiamano|soprannominavano|soprannominarono|conoscevano come)?"
    r"|(?:der mann|die frau|die dame),?\s+(?:den|die)\s+(?:man|alle|die presse|die welt)(?:\s+nur|\s+einst|"
    r"\s+spater)?(?:\s+als)?"
    r"|(?:der mann|die frau|die dame),?\s+(?:genannt|bekannt als|den man|die man)"
    r")\s+(?:(?:the|la|le|l'|el|los|las|o|a|il|lo|die|der|das|den)\s*)?")


_CURRENT_TRIGGER = re.compile(r"\b(?:" + _CURRENT_ROMANCE[3:-1] + r"|amtierende|amtierender|derzeitige|derzeitiger|"
                              r"aktuelle|aktueller|jetzige|jetziger|heutige|gegenwartige|regierende|en exercice|"
                              r"en funciones|em exercicio|in carica|in funzione)\b")
# German offices that name their country by themselves (one Bundeskanzler, one Pope)
_GERMAN_NATIONAL = re.compile(r"(?:bundeskanzler|bundesprasident|kanzler|papst)")


def _current_latin(lower: str, text: str, cased: bool) -> list[tuple[int, int, str]]:
    """The current holder of an office of a named country in Romance languages and German (round 14a)."""
    what = "the current holder of an office of a named country"
    spans = []
    for m in _ROMANCE_CURRENT.finditer(lower):
        rest = lower[m.end():]
        if m.group().rstrip().endswith(_OF_ENDINGS) and (_INDEF_ROMANCE.match(rest)
                                                          or not _named(text, m.end(), cased)):
            continue  # "el actual presidente de mi club", "... del club"
        spans.append((m.start(), _word_end(lower, m.end() + (0 if rest[:1] != " " else 1)), what))
    for m in _ROMANCE_OFFICE_CURRENT.finditer(lower):
        if _NATIONALITY_ENDINGS.search(m.group("adj")):
            spans.append((m.start(), m.end(), what))  # "le président français actuel"
    for m in _GERMAN_CURRENT.finditer(lower):
        # round 27a: German capitalises every noun, so after "der/des" only a state word names the country ("der
        # jetzige König der Schützen" is a club's)
        if _GERMAN_NATIONAL.search(m.group()) or indirect_inflected.DE_STATE.match(lower, m.end()) or re.match(
                r" (?:von|vom) ", lower[m.end():]) and _named(text, m.end() + 1, cased, german=False):
            spans.append((m.start(), _word_end(lower, m.end()), what))
    return spans


_OF_ENDINGS = (" de", " de la", " de los", " de las", " de l'", " del", " da", " do", " dos", " das", " di", " della",
               " dello", " degli", " delle", " des", " du", " d'")


# Round 37a. An office or a first of a planet, a moon, a colony of space or a land of fiction, in any language ("il
# primo imperatore di Marte", "pierwszy prezydent Marsa", "Mars'ın ilk başkanı", "presiden pertama Mars",
# "火星殖民地的第一任总督"): no one real has held it; only for offices and firsts ("the founder of Mars", the company,
# is a creator); the Moon itself has been reached ("美国第一位登上月球的宇航员"), only its colonies and bases are fiction
_OFF_WORLD = re.compile(r"(?<![\w])(?:mars|marsa|marsu|marsie|marte|marziana|marciana|martienne|martian|jupiter\w*|"
                        r"giove|jowisz\w*|venus|venere|wenus\w*|saturn\w*|neptun\w*|netuno|nettuno|pluto\w*|plutone|"
                        r"ganymed\w*|ganimede|titan[aue]?|atlantis|atlantida|atlantide|narnia|westeros|mordor|gondor|"
                        r"wakanda|asgard|hogwarts|tatooine|krypton|galakti\w*|galacti\w*|galaktyk\w*|"
                        r"(?:mond|maan|moon|lunar|lunaire|luna|lune)\s?(?:kolonie|kolonia|colony|colonia|colonie|base|"
                        r"basis|basi|station|stazione)|colonia lunar|colonie lunaire|mondkolonie|mondbasis|"
                        r"koloni bulan|ay kolonisi)(?![\w])|火星|木星|金星|土星|月球基地|月面基地|殖民地|银河|銀河|화성|목성|금성|"
                        r"은하|달 기지")
_OFF_WORLD_CHEAP = ("mar", "jupit", "giove", "jowisz", "venus", "venere", "wenus", "saturn", "neptun", "netuno",
                    "nettuno", "pluto", "ganim", "ganym", "titan", "atlant", "narnia", "westeros", "mordor", "gondor",
                    "wakanda", "asgard", "hogwarts", "tatooine", "krypton", "gala", "lun", "mond", "moon", "maan",
                    "火星", "木星", "金星", "土星", "基地", "殖民", "银河", "銀河", "화성", "목성", "금성", "은하", "달 기지",
                    "bulan", "ay kolon")


def _off_world(lower: str, ts: int, te: int, what: str) -> bool:
    """Whether an office or first at ``lower[ts:te]`` is of a planet, moon, colony or land of fiction (round 37a)."""
    return ("office" in what or "first" in what or "rank" in what) and \
        _OFF_WORLD.search(lower, max(0, ts - 20), min(len(lower), te + 30)) is not None


def _findings(norm: NormalizedText, lower: str, spans: list[tuple[int, int, str]], detector: str) -> list[Finding]:
    out = []
    off_world = any(w in lower for w in _OFF_WORLD_CHEAP)
    for ts, te, what in spans:
        if context.indefinite_before(lower, ts) or (off_world and _off_world(lower, ts, te, what)):
            continue
        start, end = norm.span(ts, te)
        out.append(Finding(kind="public_figure", score=0.72, start=start, end=end, text=norm.original[start:end],
                           detector=detector, canonical=None,
                           explanation=f"indirect reference to one real person ({what})"))
    return out


_ORD_DIGIT = re.compile(r"\d(?:e|er|re|eme|ème|°|º|ª|o|a|\.)\s", re.IGNORECASE)  # round 25a: "25e ", "12° "
_LATIN_TRIGGER = re.compile(r"\b(?:" + _ORD_ROMANCE[3:-1] + r"|\d{1,2}(?:e|er|re|eme|°|º|ª|o|a|\.)\s|autor|autora|auteur|auteure|autore|autrice|creador|"
                            r"creadora|criador|criadora|creatore|creatrice|createur|pintor|pintora|pittore|peintre|"
                            r"compositor|compositore|compositeur|inventor|inventore|inventeur|fundador|fundadora|"
                            r"fondatore|fondatrice|fondateur|director|directora|diretor|diretora|regista|realisateur|"
                            r"realisatrice|escritor|escritora|scrittore|scrittrice|ecrivain|cantante|cantor|cantora|"
                            r"chanteur|chanteuse|cantautor|cantautora|cantautore|cantautrice|compositora|compositrice|interprete|"
                            r"que|qui|che|erste|erster|zweite|dritte|letzte|juengste|jungste|alteste|dienstalteste|langsten|langste|"
                            r"einzige|\d{1,2}\.|autorin|schopfer|schopferin|erfinder|erfinderin|grunder|grunderin|"
                            r"komponist|komponistin|maler|malerin|regisseur|regisseurin|sanger|sangerin|schriftsteller|autors|malers|"
                            r"schopfers|erfinders|grunders|komponisten|regisseurs|sangers|schriftstellers|verfassers|"
                            r"schriftstellerin|verfasser|verfasserin|mann|frau|mensch|wissenschaftler|"
                            r"wissenschaftlerin|physiker|physikerin|kunstler|kunstlerin|chemiker|chemikerin|ingenieur|ingenieurin|"
                            r"forscher|forscherin|mathematiker|mathematikerin|arzt|arztin|biologe|biologin|astronom|"
                            r"astronomin)\b")


def _word_end(lower: str, i: int) -> int:
    """The end of the word that starts at ``i`` (the first word of the object joins the span)."""
    m = re.compile(r"[«\"„“'‘]?\w+").match(lower, i)
    return m.end() if m else i


# round 22a: one German compound naming a known work by its form ("Mondscheinsonate", "Zauberflöte",
# "Blechtrommel", "Eroica-Sinfonie"): a modifier of four letters or more that is no instrument or scoring word
_DE_WORK_COMPOUND = re.compile(r"^\s*(?!(?:Klavier|Violin|Geigen|Cello|Orgel|Flöten|Floten|Horn|Kammer|Streich|Bläser|"
                               r"Blaser|Chor|Kirchen|Kinder|Sonaten|Opern)\w)[A-ZÄÖÜ][a-zäöüß]{3,}-?(?:sonate|[Ss]infonie|"
                               r"[Ss]ymphonie|oper|[Oo]uvertüre|kantate|flöte|flote|trommel|[Mm]esse|passion|requiem)\b")


def _named(text: str, i: int, cased: bool, german: bool = False) -> bool:
    """Whether the object after ``i`` is named: a quoted title, or a capitalised word within the first three words
    (German capitalises every noun: there two capitalised words in a row, or a quote, name the object)."""
    rest = text[i:i + 60]
    if re.match(r"\s*[«\"„“]", rest):
        return True
    if re.match(r"\s*['‘][^'‘’]{2,40}['’](?!\w)", rest):
        return True  # round 21a: a single-quoted title ("la cantante de 'Como la flor'")
    if not cased:
        return False
    if german:
        if text[max(0, i - 4):i].lower() == "von " and re.match(r"[A-ZÄÖÜ][a-zäöüß]+\b", rest):
            return True  # round 37a: "von" + one capitalised word is a place's name ("die erste Bürgermeisterin von Wien")
        return bool(re.match(r"^\W*(?:\w+\s+){0,2}?[A-ZÄÖÜ]\w+\s+[A-ZÄÖÜ]\w*", rest)
                    or _DE_WORK_COMPOUND.match(rest)
                    or re.match(r"^\W*(?:\w+\s+){0,2}?(?:Bundesrepublik|Deutschland|DDR|BRD|Österreich|Osterreich|"
                                r"Schweiz|Vereinigten|USA|Europa|Welt|Geschichte)\b", rest))
    return bool(re.match(r"^\W*(?:\w+\s+){0,2}?[A-Z]", rest))
