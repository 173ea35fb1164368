"""FAR -> threshold calibration tables, one per matcher, shipped as ``calibration.json``.

A policy can state how many impostors it tolerates (``far: 0.001``: one false accept
in a thousand comparisons of different people) instead of a raw cosine, which means
something different for every matcher. :func:`threshold_for_far` turns that into the
matcher's threshold from the table.

How the table is made (``python benchmarks/faces.py --calibrate``, recorded in the
file's ``method`` entry): the cosine similarities of every pair of photos of
*different* people in the development set (never the holdout) are fitted with a
normal distribution, and the threshold for a FAR is its upper ``1 - FAR`` quantile.
A fit is needed because a few thousand impostor pairs cannot measure a FAR of 0.001
directly; the file keeps, next to each threshold, the empirical FAR of the dev
impostor pairs at it, so the fit can be checked where the data reaches.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources
from typing import Any

from ..errors import ConfigError

FILENAME = "calibration.json"


@lru_cache(maxsize=1)
def _load() -> dict[str, Any]:
    # Read-only package data, parsed once: a constant of the installed package, not mutable state.
    text = resources.files("aplguard.faces").joinpath(FILENAME).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def calibration_table() -> dict[str, Any]:
    """The whole calibration file (a deep copy: callers cannot change the shipped values)."""
    copied: dict[str, Any] = json.loads(json.dumps(_load()))
    return copied


def far_table(matcher_id: str) -> list[tuple[float, float]]:
    """(far, threshold) rows for ``matcher_id``, FAR decreasing (threshold increasing).

    Raises:
        ConfigError: the matcher has no calibration table.
    """
    entry = _load().get("matchers", {}).get(matcher_id)
    if not entry or not entry.get("far_to_threshold"):
        known = sorted(_load().get("matchers", {}))
        raise ConfigError(f"no FAR calibration for face matcher {matcher_id!r} (calibrated: {known}); "
                          "give a raw threshold instead")
    return [(float(r["far"]), float(r["threshold"])) for r in entry["far_to_threshold"]]


def threshold_for_far(matcher_id: str, far: float) -> float:
    """Cosine threshold at which ``matcher_id`` accepts about ``far`` of impostor comparisons.

    Interpolates the table linearly in log(FAR).

    Args:
        matcher_id: ``sface``, ``dlib`` (matchers with a table).
        far: target false accept rate, within the table's range.

    Raises:
        ConfigError: FAR outside (0, 1) or outside the table, or no table for the matcher.
    """
    if not isinstance(far, (int, float)) or isinstance(far, bool) or not 0.0 < float(far) < 1.0:
        raise ConfigError(f"far must be a number in (0, 1), got {far!r}")
    rows = far_table(matcher_id)
    hi_far, lo_far = rows[0][0], rows[-1][0]
    if not lo_far <= far <= hi_far:
        raise ConfigError(f"far={far} is outside the {matcher_id} calibration table ({lo_far} .. {hi_far})")
    x = math.log(far)
    for (f0, t0), (f1, t1) in zip(rows, rows[1:]):
        if f1 <= far <= f0:
            if f0 == f1:
                return t0
            w = (x - math.log(f0)) / (math.log(f1) - math.log(f0))
            return t0 + w * (t1 - t0)
    return rows[-1][1]  # far == lo_far
