"""Screening A1111 / Forge txt2img and img2img request bodies."""

from __future__ import annotations

import pytest
from aplguard.integrations.hosts import HostRequestError, add_embedding, screen_a1111_request


def _screen(engine, body, embedding="aplguard"):
    return screen_a1111_request(body, lambda t: engine.decide_prompt(t), embedding)


def test_anonymise_adds_the_embedding_name(default_engine):
    body = {"prompt": "a photo of Taylor Swift on a beach", "negative_prompt": "blurry", "steps": 20}
    res = _screen(default_engine, body)
    assert res.ok
    assert res.body == {**body, "prompt": "aplguard a photo of Taylor Swift on a beach"}
    assert [(t.where, t.role) for t in res.texts] == [("prompt", "positive"), ("negative_prompt", "negative")]


def test_hires_prompt_and_composable_parts(default_engine):
    body = {"prompt": "Barack Obama AND a red car", "hr_prompt": "portrait of Barack Obama", "enable_hr": True}
    res = _screen(default_engine, body)
    assert res.body["prompt"] == "aplguard Barack Obama AND aplguard a red car"
    assert res.body["hr_prompt"] == "aplguard portrait of Barack Obama"
    assert add_embedding("a cat", "x") == "x a cat"


def test_block_rewrite_and_refusals(strict_engine, rewrite_engine, default_engine):
    res = _screen(strict_engine, {"prompt": "Alexandra Example in Paris"})
    assert res.blocked is not None and "protected person" in res.message
    res = _screen(rewrite_engine, {"prompt": "Alexandra Example in Paris"})
    assert res.body["prompt"].startswith("a woman in her thirties")
    res = _screen(default_engine, {"prompt": "a cat", "negative_prompt": "aplguard, blurry"})
    assert "negative" in res.refusal
    assert "no embedding" in _screen(default_engine, {"prompt": "Taylor Swift"}, embedding=None).refusal
    with pytest.raises(HostRequestError, match="negative_prompt"):
        _screen(default_engine, {"prompt": "a cat", "negative_prompt": 3})
    with pytest.raises(HostRequestError, match="JSON object"):
        _screen(default_engine, ["prompt"])
    assert _screen(default_engine, {"steps": 5}).body == {"steps": 5, "prompt": ""}
