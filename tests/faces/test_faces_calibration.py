"""FAR -> threshold calibration tables and the policy's match_far / match_threshold."""

from __future__ import annotations

import pytest

from aplguard.errors import ConfigError
from aplguard.faces import CALIBRATION, FaceAuditor
from aplguard.faces.calibration import calibration_table, far_table, threshold_for_far
from aplguard.policy.schema import OutputPolicy


def test_tables_are_monotonic_and_documented():
    doc = calibration_table()
    assert "holdout" in doc["data"] and doc["method"] and doc["command"].startswith("python benchmarks/faces.py")
    for name in ("sface", "dlib"):
        rows = far_table(name)
        fars = [f for f, _ in rows]
        thresholds = [t for _, t in rows]
        assert fars == sorted(fars, reverse=True) and thresholds == sorted(thresholds)
        assert min(fars) <= 0.001 <= max(fars)
        entry = doc["matchers"][name]
        assert entry["cross_validation_by_identity"]["folds"] >= 5
        at = entry["at_shipped_threshold"]["dev_pairs_csv"]
        assert 0 <= at["far"]["wilson95"][0] <= at["far"]["rate"] <= at["far"]["wilson95"][1] <= 1


def test_sface_ships_the_published_threshold():
    assert CALIBRATION["sface"]["threshold"] == 0.363
    assert "0.363" in CALIBRATION["sface"]["source"]


def test_threshold_for_far_interpolates():
    rows = far_table("sface")
    assert threshold_for_far("sface", rows[0][0]) == pytest.approx(rows[0][1])
    assert threshold_for_far("sface", rows[-1][0]) == pytest.approx(rows[-1][1])
    assert threshold_for_far("sface", 0.01) < threshold_for_far("sface", 0.0015) < threshold_for_far("sface", 0.001)


@pytest.mark.parametrize("far", [0.0, 1.0, 0.5, 1e-9, -0.1, True, "0.001"])
def test_threshold_for_far_rejects_bad_values(far):
    with pytest.raises(ConfigError, match="far"):
        threshold_for_far("sface", far)


def test_unknown_matcher_has_no_table():
    with pytest.raises(ConfigError, match="insightface"):
        threshold_for_far("insightface", 0.001)


def test_calibration_table_is_a_copy():
    calibration_table()["matchers"]["sface"]["threshold"] = 0.0
    assert calibration_table()["matchers"]["sface"]["threshold"] == 0.363


def test_auditor_far_sets_threshold(detector, sface):
    a = FaceAuditor(detector, sface, far=0.001)
    assert a.threshold == pytest.approx(threshold_for_far("sface", 0.001)) and a.far == 0.001
    with pytest.raises(ConfigError, match="not both"):
        FaceAuditor(detector, sface, threshold=0.4, far=0.001)
    with pytest.raises(ConfigError, match="matcher"):
        FaceAuditor(detector, None, far=0.001)


def test_policy_output_match_far_and_threshold():
    assert OutputPolicy.model_validate({"match_far": 0.001}).match_far == 0.001
    assert OutputPolicy.model_validate({"match_threshold": 0.4}).match_threshold == 0.4
    assert OutputPolicy.model_validate({}).match_far is None
    for bad in ({"match_far": 0.5}, {"match_far": 0}, {"match_threshold": 1.5},
                {"match_far": 0.001, "match_threshold": 0.4}):
        with pytest.raises(ValueError):
            OutputPolicy.model_validate(bad)
