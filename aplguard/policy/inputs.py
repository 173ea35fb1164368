"""How input-image decisions bear on a prompt's decision, for callers outside :class:`aplguard.Guard`.

Guard merges the policy's :class:`~aplguard.types.InputDecision` for each input image
(img2img/inpaint init, IP-Adapter reference, ControlNet image) into the decision of the
prompt the image belongs to. Front doors that screen requests for another generator (the
ComfyUI / A1111 proxy in ``aplguard.integrations.hosts``) apply the same rule through
:func:`merge_input_decisions`, so an input image means the same thing everywhere.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from ..types import Decision, InputDecision

_RANK = {"allow": 0, "anonymize": 1, "rewrite": 2, "block": 3}


def merge_input_decisions(decision: Decision, inputs: Sequence[InputDecision]) -> Decision:
    """The prompt decision made at least as strict as its input images demand (docs/policies.md, input rules).

    ``block`` blocks (with the input rule's message), ``anonymize`` turns ``allow`` into
    ``anonymize`` and a ``rewrite`` into a rewrite that also takes the prefix; the rule becomes
    ``input:<rule id>`` when an input changed the action. Flags, traces and errors of the
    inputs are carried over. The same semantics as Guard's own merge.

    Args:
        decision: the prompt's decision from ``decide_prompt``.
        inputs: the input decisions that apply to this prompt (``decide_input``).
    """
    if not inputs:
        return decision
    worst = max(inputs, key=lambda x: _RANK.get(x.action, 0))
    flagged = decision.flagged or any(x.flagged for x in inputs)
    trace = (*decision.trace, *(t for x in inputs for t in x.trace))
    errors = (*decision.errors, *(e for x in inputs for e in x.errors))
    rule = f"input:{worst.rule}"
    if worst.action == "block" and not decision.blocked:
        return dataclasses.replace(decision, action="block", rule=rule, flagged=True, message=worst.message,
                                   rewritten_prompt=None, trace=trace, errors=errors)
    if worst.action == "anonymize" and decision.action == "allow":
        return dataclasses.replace(decision, action="anonymize", rule=rule, flagged=flagged, trace=trace,
                                   errors=errors)
    if worst.action == "anonymize" and decision.action == "rewrite":
        return dataclasses.replace(decision, prefix_rewrite=True, flagged=flagged, trace=trace, errors=errors)
    return dataclasses.replace(decision, flagged=flagged, trace=trace, errors=errors)


__all__ = ["merge_input_decisions"]
