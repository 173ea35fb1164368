"""Shared fixtures: tiny offline diffusers pipelines and a scripted policy engine."""

from __future__ import annotations

import pytest

from aplguard.types import Decision, Finding, InputDecision, OutputDecision


@pytest.fixture
def sd_pipe():
    """A fresh tiny SD1.x pipeline (Guard mutates the tokenizer, so not shared)."""
    from aplguard.testing import tiny_sd_pipeline

    return tiny_sd_pipeline(seed=0)


@pytest.fixture
def sdxl_pipe():
    from aplguard.testing import tiny_sdxl_pipeline

    return tiny_sdxl_pipeline(seed=0)


class ScriptedPrivacy:
    prompt_storage = "hash"
    thumbnails = False


class ScriptedSettings:
    privacy = ScriptedPrivacy()
    name = "scripted"
    version = "1"
    sha256 = "0" * 64
    mode = "enforce"
    on_error = "anonymize"
    audit_required = False
    output_checks = False
    input_checks = False
    match_threshold = None
    match_far = None


class ScriptedEngine:
    """A policy engine (aplguard.ports.PolicyPort) whose decisions are scripted by substring: for tests of Guard."""

    def __init__(self, rules: dict[str, str] | None = None, default: str = "allow", output_action: str = "none"):
        self.rules = rules or {}
        self.default = default
        self.output_action = output_action
        self.settings_obj = ScriptedSettings()

    def settings(self, ctx):
        return self.settings_obj

    def prefix_for(self, family, ctx=None):
        return None

    def protected_names(self, ctx=None):
        return []

    def decide_input(self, *, argument, faces, matches, ctx=None, prompt_decision=None, errors=()):
        return InputDecision(argument=argument, faces=len(faces), matches=tuple(matches))

    def prepare(self, load=False):
        return self

    def decide_prompt(self, prompt, ctx):
        for needle, action in self.rules.items():
            if needle in prompt:
                start = prompt.index(needle)
                f = Finding(kind="protected", score=1.0, start=start, end=start + len(needle), text=needle,
                            detector="scripted", canonical=needle)
                return Decision(action=action, rule=f"r-{needle}", findings=(f,),
                                message="blocked" if action == "block" else None,
                                rewritten_prompt=prompt.replace(needle, "a person") if action == "rewrite" else None)
        return Decision(action=self.default, rule="default")

    def decide_output(self, *, faces, matches, ctx=None, prompt_decision=None, errors=()):
        if errors:  # a failed face check, judged by on_error
            on_error = self.settings_obj.on_error
            if on_error == "allow" or (on_error == "anonymize" and prompt_decision is not None
                                       and prompt_decision.anonymize):
                return OutputDecision(action="none", rule="on_error", flagged=True, errors=tuple(errors))
            return OutputDecision(action="block", rule="on_error", flagged=True,
                                  errors=("fail-closed: output check failed", *errors))
        return OutputDecision(action=self.output_action, rule="scripted-out")


@pytest.fixture
def scripted():
    return ScriptedEngine
