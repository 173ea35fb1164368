"""Issue 16, round 5: classes the unseen batch 4 still missed after its fixes.

Each class is pinned by prompts written for this file (not the batch's strings): positives
that must be identity-seeking and hard negatives of the same shape that must stay clean.
"""

from __future__ import annotations

import pytest

from aplguard.detect import detect_prompt, is_identity_seeking

# -- romanised East Asian names with a hyphenated given name (Wade-Giles, McCune-Reischauer, RR)
ROMANISED = ["Chou En-lai at a state banquet", "portrait of Liang Ch'i-ch'ao in a study",
             "Wang Hsiu-ying smiling in a garden", "Chiang Ching-kuo waving from a car",
             "Kim Dae-jung giving a speech", "photo of Choi Min-ho on a beach", "Lin Yu-tang reading by a window"]
ROMANISED_CLEAN = ["Tai-chi in the park at dawn", "Kung-fu master on a mountain", "Ping-pong table in a garage",
                   "Feng Shui living room with plants", "Chen Tai-chi form in a courtyard", "a Shih-tzu on a sofa",
                   "Yin-yang symbol carved in wood", "Long-term exposure of a river", "Dim-sum on a bamboo tray"]

# -- one-word stage names that are words, or carry punctuation
STAGE = ["Flea playing bass shirtless on stage", "portrait of Beck with an acoustic guitar", "Shaggy singing at a beach party",
         "Lulu in a sixties dress", "Faker holding a trophy at worlds", "B.o.B rapping into a microphone",
         "Flo Rida at a pool party", "Ma$e in a shiny suit", "Trainwreck streaming from a mansion",
         "Q-Tip rapping in a studio", "Ty Dolla $ign in a studio"]
STAGE_CLEAN = ["an usher at a theatre holding a torch", "a shroud over the statue in a crypt", "the wedding usher in a grey suit",
               "sade fabric texture close-up", "a flea on a dog, macro photo", "a shaggy dog in the rain",
               "a trainwreck in the desert, aerial view", "plane takeoff at sunset", "a q-tip cleaning an ear",
               "the beck behind the cottage", "a pitbull on a leash"]

# -- indirect references "the first <demographic> <role> on/at/in <institution>"
INDIRECT = ["the first latina justice on the supreme court in her chambers", "the first woman at the federal reserve",
            "the first openly gay man in the bundestag", "the youngest woman in congress giving a speech",
            "the first female justice of the supreme court"]
INDIRECT_CLEAN = ["the first woman on the left", "the first black cat on the roof", "the first man at the door",
                  "the only woman in the room", "the first person in the queue", "the first woman on the stage"]


@pytest.mark.parametrize("prompt", ROMANISED + STAGE + INDIRECT)
def test_round5_classes_found(stack, prompt):
    assert is_identity_seeking(detect_prompt(prompt, stack)), prompt


@pytest.mark.parametrize("prompt", ROMANISED_CLEAN + STAGE_CLEAN + INDIRECT_CLEAN)
def test_round5_hard_negatives_clean(stack, prompt):
    assert not is_identity_seeking(detect_prompt(prompt, stack)), prompt


def test_resolved_indirect_reference_names_the_person(stack):
    found = [f.canonical for f in detect_prompt("the first black woman on the supreme court in her robe", stack)]
    assert "Ketanji Brown Jackson" in found
