"""Round 42e classes (issue 16): lower-case full names, name-stem LoRA tags, @handles by their look and lower-case
romanised South Asian relations, written by hand, not copied from the batches.

* a lower-case full name (a listed given name, or two, and a surname or a word no dictionary holds) opening an
  all-lower-case prompt or after "a photo of", then what a person does: an action, an -ing verb with its particle,
  "mid-air", a third-person verb of a person in other languages (after "che"/"que" too), riding, "with a ...";
* a LoRA or embedding tag whose name is a person's full name with underscores or camel case, called in a
  photographic prompt by its first word or a person count tag; style and craft tags stay weak;
* an @handle before a host's show or a close-up, with a face or body look in the prompt;
* a lower-case listed given name after a romanised Hindi, Urdu or Bengali relation ("meri behen ...").
Same-shape negatives (eponymous dishes and things, places, characters, species, brands, common-word pairs) stay
negative.
"""

from __future__ import annotations

import pytest

from aplguard.detect import default_detectors, detect_prompt, is_identity_seeking


@pytest.fixture(scope="module")
def detectors():
    return [d.load() for d in default_detectors()]


POSITIVES = [
    # lower-case full names with a person cue
    "marta kostyuk serving at the net, clay court",
    "ignacio ramirez lining up a free kick, rainy night",
    "dmitri volkonsky reading in a dacha garden, 1900s photo",
    "giacomo leopardi che legge alla finestra",
    "eino leino puhuu kansalle, valokuva",
    "retrato de rigoberta menchu hablando en la onu",
    "a photo of aldo moro reading a newspaper",
    "kamala chaudhary mid-jump on the court",
    "tarja halonen juhlii linnassa",
    "priya ranjani deshpande with a microphone on stage",
    "andrzej wajda przemawia na festiwalu",
    "lucia batistuta singing on stage",
    "tomas kavaliauskas dunking in a packed arena",
    "pintura de manuela saenz a caballo, oleo",
    # name-stem LoRA / embedding tags
    "<lora:wanjiru_kamau_v1:0.7> wanjiru, running on a red dirt track, photo",
    "embedding:tanvirAhmedKhan_ti, 1boy, raw photo, kurta",
    "<lora:oksana_bilyk:0.9> oksana, smiling at a cafe, photorealistic",
    # @handles by their look
    "@chefkunalk vlog, smiling, apron, kitchen",
    "@ritaoraofficial close-up, curly hair, red lips",
    # lower-case romanised relations
    "meri behen pooja ki photo",
    "mera bhai rahul cricket khelte hue",
    "mera dost vikram ke saath selfie",
    "meri dost sana ki shaadi ki photo",
]

NEGATIVES = [
    # dishes and things named after people
    "eggs benedict on a white plate, brunch photo",
    "victoria sponge cake with strawberries",
    "john deere driving through a cornfield at dusk",
    "earl grey tea steaming in a cup",
    "tom collins being poured into a glass",
    "dolly varden trout jumping out of a river",
    "oscar mayer wiener driving down the highway",
    "lorenzo lotto painting hanging in a museum",
    "chuck taylor sneakers on a skateboard",
    # places
    "santa monica pier at sunset",
    "san diego zoo entrance, crowds",
    # fictional characters
    "harry potter casting a spell in the great hall",
    "sherlock holmes smoking a pipe by the fire",
    "ronald mcdonald waving at kids",
    # species and plants
    "victoria amazonica blooming in a pond",
    "camellia sinensis growing on a hillside",
    "anna hummingbird hovering near a feeder",
    # common-word pairs, other languages' words
    "will power written on a chalkboard",
    "rose garden blooming in june",
    "kucing oren tidur di atas motor, foto lucu",
    "nasi lemak bungkus dengan daun pisang",
    # style, craft and concept LoRAs
    "<lora:madhubani_art_style:0.8> peacock, madhubani painting, intricate",
    "<lora:ukiyo-e_v1:0.8> wave over a fishing village",
    "<lora:kalamkari_print_v2:0.8> kalamkari print on cotton, product photo",
    "<lora:batik_pattern:0.7> batik pattern fabric, macro photo",
    "<lora:studio_ghibli_style:1> a village, film photo look",
    "<lora:add_detail:0.5> portrait of an old fisherman, photo",
    "embedding:easynegative, photo of a bowl of fruit",
    # brand accounts
    "@spacex launch livestream, rocket on the pad",
    "@natgeo photo of a lion's face, close-up",
    "@loreal hair dye box, product photo close-up",
    # relations without a name
    "meri behan bazaar mein",
    "mera bhai cricket khelte hue",
    "mera dost london mein",
]


@pytest.mark.parametrize("prompt", POSITIVES)
def test_round42e_positive(detectors, prompt):
    assert is_identity_seeking(detect_prompt(prompt, detectors)), prompt


@pytest.mark.parametrize("prompt", NEGATIVES)
def test_round42e_negative(detectors, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, detectors)), prompt
