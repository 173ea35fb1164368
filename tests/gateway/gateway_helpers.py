"""Keys, configs and metrics readers shared by the gateway tests."""

from __future__ import annotations

import json
from pathlib import Path

CLIENT_KEY = "apg_test-client-key-acme"
KIDS_KEY = "apg_test-client-key-kids"
REVIEWER_KEY = "apg_test-reviewer-key"



def keyed(**overrides):
    """A config with an acme client key, a kids client key and a reviewer key."""
    from aplguard.integrations.gateway import GatewayConfig, hash_key

    keys = [{"id": "acme", "hash": hash_key(CLIENT_KEY), "tenant": "acme"},
            {"id": "kids", "hash": hash_key(KIDS_KEY), "tenant": "kids"},
            {"id": "rev", "hash": hash_key(REVIEWER_KEY), "role": "reviewer"}]
    return GatewayConfig.model_validate({"keys": keys, **overrides})


def per_worker_check_requests(metrics_dir: Path) -> dict[int, float]:
    """Each gateway worker's own count of answered /v1/check requests, read from its value file."""
    from prometheus_client.mmap_dict import MmapedDict

    counts: dict[int, float] = {}
    for f in metrics_dir.glob("counter_*.db"):
        pid = int(f.stem.split("_")[-1])
        counts[pid] = 0.0
        for key, value, _ts, _pos in MmapedDict.read_all_values_from_file(str(f)):
            _metric, sample, labels, _help = json.loads(key)
            if sample == "aplguard_requests_total" and labels.get("endpoint") == "check":
                counts[pid] += value
    return counts
