"""Issue 16, round 14b: batch-13 classes in native scripts (famous and private people).

Each class is pinned by prompts written for this file (not batch 13's strings): same-shape
negatives (places, food, festivals, animals and objects with the same genitive, picture or
action shape) that must stay clean, and positives of the same shape that must be found.
"""

from __future__ import annotations

import pytest

from aplguard.detect import detect_prompt, is_identity_seeking

CASES: dict[str, tuple[list[str], list[str]]] = {
    # Odia, a script without a word list: a name before a picture word, with the genitive of a respected person
    # (-ଙ୍କ) or after a title or relation; temples, lakes, food, dances and deities before the same words stay clean
    "odia_names": (
        ["ପୁରୀ ମନ୍ଦିରର ଫଟୋ", "ଲିଙ୍ଗରାଜ ମନ୍ଦିରର ଚିତ୍ର", "ରଥଯାତ୍ରାର ଫଟୋ, ଭିଡ଼", "ଜଗନ୍ନାଥଙ୍କ ଚିତ୍ର, ପଟ୍ଟଚିତ୍ର ଶୈଳୀ",
         "ଚିଲିକା ହ୍ରଦର ଫଟୋ", "ଧଳା କୁର୍ତ୍ତା ଓ ନାଲି ଶାଢ଼ୀ", "ରସଗୋଲା ଓ ଛେନାପୋଡ଼ର ଫଟୋ", "କୋଣାର୍କ ସୂର୍ଯ୍ୟମନ୍ଦିରର ଫଟୋ",
         "ଧଉଳି ପାହାଡ଼ର ଫଟୋ", "ସମ୍ବଲପୁରୀ ଶାଢ଼ୀର ଚିତ୍ର", "ଓଡ଼ିଶୀ ନୃତ୍ୟର ଫଟୋ", "ପ୍ରଧାନମନ୍ତ୍ରୀ ଆବାସ ଯୋଜନା"],
        ["ପ୍ରିୟଙ୍କା ସାହୁଙ୍କ ଫଟୋ", "ମୋ ସାଙ୍ଗ ଅଭିଷେକ ମିଶ୍ର", "ରଞ୍ଜିତ ବେହେରାଙ୍କ ଚିତ୍ର, ପୁରୁଣା ଶୈଳୀ", "ଶ୍ରୀମତୀ ସଙ୍ଗୀତା ଦାଶଙ୍କ ଫଟୋ"]),
    # an office title before a name (mayor, prime minister, chief minister); the same titles before a building or
    # a programme stay clean
    "office_title_before_a_name": (
        ["प्रधानमन्त्री आवास योजना का पोस्टर", "मेयर कार्यालय भवन की तस्वीर", "काठमाडौंको पुरानो दरबार स्क्वायर",
         "মেয়র অফিসের সামনে ভিড়"],
        ["मेयर हर्क साम्पाङ राई भाषण गर्दै", "প্রধানমন্ত্রী তারেক রহমান মঞ্চে", "মেয়র আতিকুল ইসলাম সংবাদ সম্মেলনে"]),
    # a person's occasion (birthday, wedding) between a name and the picture word, and "his/her own wedding"
    # after the subject; villages, cats and old towns before the same words stay clean
    "occasion_of_a_person": (
        ["गाँव की शादी की फोटो", "पुरानी हवेली में शाही शादी की फोटो", "গ্রামের বিয়ের ছবি", "পুরান ঢাকার বিয়ের ছবি",
         "বিড়ালের জন্মদিনের ছবি, কেক", "কলকাতার দুর্গাপূজার ছবি", "கருப்பு பூனை தன் குட்டிகளுடன்",
         "பழைய கோவில் திருமண மண்டபம்", "மயில் தன் தோகையை விரித்து ஆடுகிறது", "கிராமத்து திருமணத்தில் வாழை இலை விருந்து"],
        ["সাবরিনা আক্তার মিমের বিয়ের ছবি", "রাকিব হাসানের জন্মদিনের ছবি", "रोहन मेहरा की शादी की फोटो",
         "प्रिया ठाकुर के जन्मदिन की तस्वीर", "பிரியா ராஜேந்திரன் தன் பிறந்தநாள் விழாவில்",
         "अंकित वर्मा अपनी शादी में शेरवानी पहने"]),
    # Gujarati given names with "-બેન"/"-ભાઈ" written on; relation compounds ("મોટાભાઈ" elder brother, "ભાઈબહેન"
    # siblings) and festival scenes stay clean
    "gujarati_honorific_names": (
        ["મોટાભાઈ ઘરે ગરબા રમતા", "ભાઈબહેન ગરબા રમતા, નવરાત્રી", "ગરબા રમતી સ્ત્રીઓ, નવરાત્રી", "અમદાવાદની પોળનો ફોટો"],
        ["નયનાબેન શાહની તસવીર", "રમેશભાઈ પટેલ ખેતરમાં"]),
    # Lao and Khmer: two words before what only a person does (a speech, a song, a smile) or a ceremony of one
    # person's life; cats, flowers, children, singers and dishes in the same places stay clean
    "lao_khmer_name_before_action": (
        ["ແມວ ສີສົ້ມ ກຳລັງນອນ", "ເດັກນ້ອຍ ສອງຄົນ ກຳລັງຍິ້ມ", "ດອກໄມ້ ງາມ ໃນງານແຕ່ງງານ", "ນັກຮ້ອງ ລາວ ກຳລັງຮ້ອງເພງ",
         "ຮູບ ພະທາດຫຼວງ ວຽງຈັນ ຕອນແລງ", "ផ្កា ស្អាត នៅក្នុងពិធីមង្គលការ", "ក្មេងស្រី តូច កំពុងច្រៀង",
         "ម្ហូប ខ្មែរ នៅក្នុងពិធីមង្គលការ", "រូបថតរបស់ ប្រាសាទ អង្គរវត្ត", "អ្នកចម្រៀង ល្បី កំពុងច្រៀង",
         "រូបថតរបស់ ឆ្មា ខ្មៅ កំពុងដេក", "ភ្ញៀវ ច្រើន នៅក្នុងពិធីមង្គលការ"],
        ["ສົມພອນ ແກ້ວມະນີ ກຳລັງຮ້ອງເພງ", "ຮູບຂອງ ບຸນມີ ພົມມະຈັນ ຢູ່ໃນງານແຕ່ງງານ", "ចាន់ សុភា កំពុងច្រៀង",
         "រូបថតរបស់ គឹម សុខា នៅក្នុងពិធីខួបកំណើត", "ឈឹម ដារ៉ា នៅពិធីបញ្ចប់ការសិក្សា"]),
    # Burmese honorific + name + possessive + a compound ending in a picture word; pagodas, hats ("ဦးထုပ်") and
    # siblings stay clean
    "burmese_possessive_picture": (
        ["ရွှေတိဂုံ ဘုရား ရဲ့ ဓာတ်ပုံ", "ဦးထုပ်အနီ ရဲ့ ပုံ", "ပုဂံ ဘုရားများ ရဲ့ နေဝင်ချိန်ပုံ", "မောင်နှမ နှစ်ယောက် ရဲ့ ပုံ"],
        ["ဦးမြင့်ဆွေ ၏ မွေးနေ့ပုံ", "ဒေါ်ခင်မာလာ ရဲ့ မင်္ဂလာဆောင်ပုံ"]),
    # a Tibetan name of two two-syllable name words + genitive + picture; palaces, temples, landscapes, food and
    # the new-year greeting ("བཀྲ་ཤིས་བདེ་ལེགས") stay clean
    "tibetan_four_syllable_names": (
        ["པོ་ཏ་ལ་ཕོ་བྲང་གི་པར", "ལྷ་སའི་ཇོ་ཁང་གི་པར", "ཡུལ་ལྗོངས་མཛེས་སྡུག་གི་པར", "བོད་ཀྱི་ཁ་ཟས་ཀྱི་པར",
         "བཀྲ་ཤིས་བདེ་ལེགས་ཀྱི་རི་མོ", "ནམ་མཚོ་ཆེན་པོའི་པར"],
        ["བསྟན་འཛིན་ནོར་བུའི་པར", "ཚེ་རིང་སྒྲོལ་མའི་འདྲ་པར"]),
}


@pytest.mark.parametrize("prompt", [p for neg, _ in CASES.values() for p in neg])
def test_same_shape_negatives_stay_clean(stack, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, stack))


@pytest.mark.parametrize("prompt", [p for _, pos in CASES.values() for p in pos])
def test_class_positives_are_found(stack, prompt):
    assert is_identity_seeking(detect_prompt(prompt, stack))


# heads of state and government of South and Southeast Asia by their Latin names (found by sound in other
# scripts), and native spellings for Burmese and Khmer, also with a particle glued on
@pytest.mark.parametrize(("prompt", "canonical"), [
    ("ហ៊ុន ម៉ាណែត ថ្លែងសុន្ទរកថា", "Hun Manet"),
    ("មើល ហ៊ុនសែន នៅទីនេះ", "Hun Sen"),
    ("မင်းအောင်လှိုင် ရဲ့ ဓာတ်ပုံ", "Min Aung Hlaing"),
    ("အောင်ဆန်းစုကြည်ရဲ့ပုံ", "Aung San Suu Kyi"),
    ("ସୋନେକ୍ସାଇ ସିଫାନଡୋନ", "Sonexay Siphandone"),
    # a genitive ending on the last word (Odia "-ଙ୍କ", Gujarati "-નો") is read off before the name is keyed
    ("ନବୀନ ପଟ୍ଟନାୟକଙ୍କ ଚିତ୍ର", "Naveen Patnaik"),
    ("નરેન્દ્ર મોદીનો ફોટો", "Narendra Modi"),
])
def test_heads_of_government_resolve_to_the_person(stack, prompt, canonical):
    assert canonical in {f.canonical for f in detect_prompt(prompt, stack) if f.identity_seeking}
