"""Screening and rewriting hand-written ComfyUI API-format workflows (tests/hosts/workflows/)."""

from __future__ import annotations

import copy

import pytest
from aplguard.integrations.hosts import HostRequestError, screen_workflow
from host_workflows import load_workflow


def _screen(engine, wf, embedding="aplguard"):
    return screen_workflow(wf, lambda t: engine.decide_prompt(t), embedding)


def test_sd15_positive_gets_the_embedding_negative_does_not(default_engine):
    wf = load_workflow("sd15_txt2img")
    res = _screen(default_engine, wf)
    assert res.ok
    assert res.body["6"]["inputs"]["text"] == "embedding:aplguard a photo of Taylor Swift on a beach, golden hour"
    assert res.body["7"]["inputs"]["text"] == wf["7"]["inputs"]["text"]
    roles = {t.where: (t.role, t.decision.action) for t in res.texts}
    assert roles == {"node 6 (CLIPTextEncode).text": ("positive", "anonymize"),
                     "node 7 (CLIPTextEncode).text": ("negative", "allow")}
    assert wf == load_workflow("sd15_txt2img")  # the caller's workflow is not changed
    assert {k: v for k, v in res.body.items() if k != "6"} == {k: v for k, v in wf.items() if k != "6"}


def test_sd15_allowed_prompt_is_forwarded_unchanged(default_engine):
    wf = load_workflow("sd15_txt2img")
    wf["6"]["inputs"]["text"] = "a lighthouse at dusk, oil painting"
    res = _screen(default_engine, wf)
    assert res.ok and res.body == wf


def test_sdxl_both_texts_of_the_positive_encoder_are_prefixed(default_engine):
    res = _screen(default_engine, load_workflow("sdxl_two_encoders"))
    pos = res.body["6"]["inputs"]
    assert pos["text_g"].startswith("embedding:aplguard ") and pos["text_l"].startswith("embedding:aplguard ")
    assert res.body["7"]["inputs"]["text_g"] == "text, watermark"
    assert [t.role for t in res.texts] == ["positive", "positive", "negative", "negative"]


def test_lora_chain_through_combine_and_controlnet(default_engine):
    """Positive through ConditioningCombine and ControlNetApplyAdvanced output 0; negative via its output 1."""
    res = _screen(default_engine, load_workflow("lora_chain"))
    roles = {t.where.split(" ")[1]: t.role for t in res.texts}
    assert roles == {"6": "positive", "7": "negative", "12": "positive"}
    assert res.body["6"]["inputs"]["text"].startswith("embedding:aplguard Emma Watson")
    assert res.body["12"]["inputs"]["text"] == "warm light, soft shadows"  # allowed: left alone
    assert res.body["7"]["inputs"]["text"] == "deformed hands, extra fingers"
    assert res.body["11"] == load_workflow("lora_chain")["11"]  # the LoRA loaders are untouched


def test_text_from_string_nodes_is_read_and_inlined(default_engine):
    wf = load_workflow("primitive_string")
    res = _screen(default_engine, wf)
    assert res.ok
    assert res.texts[0].text == "a portrait of Taylor Swift, oil painting"
    assert res.body["6"]["inputs"]["text"] == "embedding:aplguard a portrait of Taylor Swift, oil painting"
    # the primitive shared with the negative encoder is not prefixed: the negative still links to it
    assert res.body["7"]["inputs"]["text"] == ["21", 0]
    assert res.body["21"] == wf["21"] and res.body["20"] == wf["20"]


def test_block_refuses_with_the_policy_message(strict_engine):
    wf = load_workflow("primitive_string")
    wf["20"]["inputs"]["value"] = "Alexandra Example at a cafe"
    res = _screen(strict_engine, wf)
    assert not res.ok and res.blocked is not None
    assert res.message == "This prompt names a protected person and cannot be generated."


def test_rewrite_replaces_the_text(rewrite_engine):
    wf = load_workflow("sdxl_two_encoders")
    wf["6"]["inputs"]["text_g"] = "Alexandra Example walking a dog"
    res = _screen(rewrite_engine, wf)
    assert res.body["6"]["inputs"]["text_g"] == "a woman in her thirties with shoulder-length dark hair walking a dog"
    assert res.body["6"]["inputs"]["text_l"].startswith("embedding:aplguard ")  # Obama: anonymised


def test_negative_referencing_the_embedding_is_refused(default_engine):
    wf = load_workflow("sd15_txt2img")
    wf["7"]["inputs"]["text"] = "blurry, embedding:aplguard"
    res = _screen(default_engine, wf)
    assert res.refusal and "negative" in res.refusal


def test_refusals_when_prefixing_is_not_safe(default_engine):
    wf = load_workflow("sd15_txt2img")
    wf["3"]["inputs"]["negative"] = ["6", 0]  # one encoder feeds both
    assert "both positive and negative" in _screen(default_engine, wf).refusal
    assert "no embedding" in _screen(default_engine, load_workflow("sd15_txt2img"), embedding=None).refusal
    sd3 = load_workflow("sd15_txt2img")
    sd3["6"] = {"class_type": "CLIPTextEncodeSD3", "inputs": {"clip_l": "a cat", "clip_g": "a cat",
                "t5xxl": "a photo of Taylor Swift", "empty_padding": "none", "clip": ["4", 1]}}
    assert "t5xxl" in _screen(default_engine, sd3).refusal


def test_unreadable_or_malformed_workflows(default_engine):
    wf = load_workflow("primitive_string")
    wf["22"] = {"class_type": "OllamaGenerate", "inputs": {"prompt": "write a prompt"}}
    with pytest.raises(HostRequestError, match="OllamaGenerate"):
        _screen(default_engine, wf)
    for bad, match in (([], "non-empty JSON object"), ({"nodes": [], "links": []}, "UI format"),
                       ({"1": {"inputs": {}}}, "class_type")):
        with pytest.raises(HostRequestError, match=match):
            _screen(default_engine, bad)
    dangling = copy.deepcopy(load_workflow("sd15_txt2img"))
    dangling["6"]["inputs"]["text"] = ["99", 0]
    with pytest.raises(HostRequestError, match="99"):
        _screen(default_engine, dangling)
    cyc = load_workflow("primitive_string")
    cyc["22"]["inputs"]["string_a"] = ["22", 0]
    with pytest.raises(HostRequestError, match="deeper"):
        _screen(default_engine, cyc)
