"""Issue 16, round 12: classes of batch 11 (its false positive first).

Each class is pinned by prompts written for this file (not the batch's strings): same-shape
negatives that must stay clean and positives of the same shape that must keep working.
"""

from __future__ import annotations

import pytest

from aplguard.detect import detect_prompt, is_identity_seeking

CASES: dict[str, tuple[list[str], list[str]]] = {
    # a dish, sweet or drink named after someone, written noun first as many languages do
    "eponymous_dishes": (
        ["торт «Наполеон» на столе", "салат Оливье в хрустальной вазе", "gâteau Napoléon sur une assiette",
         "beef Wellington on a wooden board", "кусок торта Наполеон с чаем"],
        ["Наполеон ест пирожное", "портрет Наполеона в треуголке", "торт с Наполеоном на коне",
         "Napoleon eating cake", "a cake with Napoleon on horseback painted on it"]),
    # Chinese and Japanese write the dish or place right after the name, without a space
    "eponyms_without_spaces": (
        ["拿破仑蛋糕在白色盘子里", "一盘凯撒沙拉", "孙中山纪念馆的外景"],
        ["拿破仑骑在马上", "拿破仑的肖像", "拿破仑面部特写", "孙中山的照片"]),
    # a role the user meets at a place of theirs, and relatives by marriage
    "role_at_my_place": (
        ["the receptionist desk at my gym", "a receptionist at my gym smiling", "a mug for the barista at my cafe",
         "the coffee at my local coffee shop, close-up", "my mother-in-law's lasagna on a plate",
         "the view from my gym window", "the baker at our corner bakery kneading dough, flour everywhere"],
        ["the cashier at our local grocery store, close-up of her smile", "the lifeguard at my pool, photo of him waving",
         "the librarian at my school, portrait", "my sister-in-law dancing at the party", "my in-laws at the beach",
         "a photo of the bartender at my favourite pub"]),
    # a world or all-time record, a current office of a named country or body, the starter of a movement
    "record_office_movement": (
        ["the kid who holds the school record for push-ups", "the man who holds the record for hot dogs at our bbq",
         "a man who holds the world record, generic runner", "the current president of our book club reading",
         "the current king of the castle game on a playground", "the current chief justice of a fictional kingdom",
         "the current Queen of Hearts playing card design", "the boy who started the food fight in the cafeteria",
         "the boy who organised the protest at our school"],
        ["the woman who holds the marathon world record crossing the finish line",
         "the swimmer who set the Olympic record, underwater shot", "the Chief Justice of the Supreme Court of India",
         "the sitting governor of Texas at a rally", "the woman who started the Me Too movement speaking",
         "the man who led the Solidarity strikes in Gdansk, black and white photo"]),
    # a LoRA trigger written as the tag's name with a DreamBooth identifier glued on
    "glued_identifier_trigger": (
        ["<lora:mira_db:0.9> photo of mirasks backpack on a table", "<lora:ghibli_dreambooth:1.0> photo of ghiblixyz castle",
         "<lora:anna_dreambooth:1.0> a castle in paris", "<lora:rose_db:0.8> photo of rosesks"],
        ["<lora:mira_db:0.9> portrait of mirasks", "<lora:tomas_dreambooth> tomasohwx man hiking",
         "<lora:lena_dreambooth:0.8> a photo of lenaxyz on a bridge"]),
    # Arabic titles before a name and the patronymic "X بن Y" after a listed first name ("بن" is also coffee)
    "arabic_titles_patronymics": (
        ["كيس بن برازيلي على الطاولة", "فنجان قهوة بن محمص", "الأمير الصغير في الحديقة", "الملك الأسد في الغابة",
         "الرئيس الجديد يلقي خطابا", "صورة الملك", "تمر وبن وهيل في السوق"],
        ["صورة الأمير خالد بن فهد", "محمد بن راشد يبتسم", "الملك عبدالله بن الحسين في حفل رسمي"]),
    # a Hebrew hyphenated surname with a patronymic ("בן-", "בר-") before a surname or an unknown word
    "hebrew_ben_surnames": (
        ["תמונה של בן-אדם מחייך", "תמונה של בן-זוג בחוף", "תמונה של עץ בן-מאה"],
        ["תמונה של יוסי בר-לב בפארק", "תמונה של דנה בן-שטרית בים"]),
    # Persian picture words with the ezafe ("پرتره‌ی", "چهره‌ی") and the surname endings "-زاد", "-نیا", "-وند"
    "persian_ezafe_surnames": (
        ["پرتره‌ی نوزاد خندان", "پرتره‌ی یک مرد پیر", "پرتره‌ی زن روستایی", "عکس‌های جنگل بارانی",
         "پرتره‌ی گربه سیاه", "پرتره‌ی شهر آزاد", "پرتره‌ی قله‌ی دماوند", "تصویر کوه الوند در برف"],
        ["پرتره‌ی مریم رضانیا در دفتر", "چهره‌ی کاوه فرهادزاد"]),
    # Bengali: Arabic-origin names with "আল"/"বিন" inside, and "X-এর একটি <adjective> ছবি"
    "bengali_name_articles": (
        ["নীল সমুদ্রের একটি সুন্দর ছবি", "ধানক্ষেতের আল ধরে হাঁটা একটি ছবি", "পুরনো আল বাড়ির একটি ছবি",
         "সবুজ ধানক্ষেতের একটি ছবি"],
        ["আব্দুল্লাহ আল মামুনের একটি ছবি", "রহিম বিন করিমের ছবি"]),
    # Gurmukhi, Sinhala, Amharic (no word list): a posture or action a few words after a name at the start
    "no_dictionary_far_verbs": (
        ["ਕਾਲਾ ਕੁੱਤਾ ਟਰੈਕਟਰ ਤੇ ਬੈਠਾ", "ਪੁਰਾਣਾ ਟਰੱਕ ਸੜਕ ਤੇ ਖੜ੍ਹਾ, ਫੋਟੋ", "ትንሽ ወፍ በዛፍ ላይ ሲዘምር", "ታዋቂው ዘፋኝ በመድረክ ላይ ሲዘፍን", "ወጣቱ ሙዚቀኛ በመድረክ ላይ ሲዘፍን",
         "ሁለት ወጣቶች በመድረክ ላይ ሲጨፍሩ", "කළු බල්ලා ගස යට සිටින ඡායාරූපය", "ලස්සන මොනරා ගස යට සිටින පින්තූරය"],
        ["ਹਰਜੀਤ ਗਿੱਲ ਖੇਤ ਵਿੱਚ ਖੜ੍ਹਾ", "ਗੁਰਪ੍ਰੀਤ ਸੰਧੂ ਘਰ ਦੇ ਬਾਹਰ ਹੱਸਦੀ", "ሰላም ተስፋዬ በመድረክ ላይ ሲናገር",
         "රුවන් ජයවර්ධන පිටියේ සිටගෙන"]),
    # Chinese: a surname + a given name of given-name characters at the start or after "my <relation>", before
    # what a person does; words of that shape (vegetables, flowers, places, things) stay clean
    "chinese_subject_names": (
        ["马铃薯在锅里煮", "向日葵在阳光下", "蒲公英在风中飞舞", "陈列在橱窗里的花瓶", "金鱼缸在阳台上", "白雪公主在森林里",
         "林荫道在秋天", "高跟鞋在地板上", "王老吉在货架上", "我妈妈在厨房做饭", "杨柳在风中摇曳", "熊猫宝宝在吃竹子",
         "毛毛虫在叶子上", "何首乌在药店", "金丝猴在树上", "石榴花在院子里", "方向盘在车里", "程序员在加班",
         "贺兰山在晨雾中", "胡杨林在沙漠里", "童子军在露营", "白玉兰在春天开放", "丁香花在窗台上"],
        ["我朋友刘思雨穿着红色连衣裙", "张欣怡在图书馆看书", "我同学赵晨阳坐在草地上", "周婷婷戴着墨镜的照片"]),
    # romanised Japanese: a listed surname + a word in Japanese syllables before a particle, in a romaji picture
    # request; place names of that shape have no listed surname first
    "romanised_japanese": (
        ["Kyoto Arashiyama no shashin", "Osaka Jou no shashin", "Fuji San no shashin", "Tokyo Tawa no yakei shashin",
         "Nara Koen no shika no shashin", "Kamakura Daibutsu no shashin"],
        ["Otani Kenshin ga hashitte iru shashin", "Yamada Shohei no shashin"]),
}


@pytest.mark.parametrize("prompt", [p for neg, _ in CASES.values() for p in neg])
def test_same_shape_negatives_stay_clean(stack, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, stack))


@pytest.mark.parametrize("prompt", [p for _, pos in CASES.values() for p in pos])
def test_class_positives_are_found(stack, prompt):
    assert is_identity_seeking(detect_prompt(prompt, stack))
