"""A base install (`pip install aplguard`, no extras) runs the shipped default policy.

Needs a venv holding only the base install; `.ci/run` builds one with
`.ci/base_install.sh` and sets APLGUARD_BASE_PYTHON (building it needs the package
index, so a plain `make test` skips this).
"""

from __future__ import annotations

import os
import subprocess
import textwrap

import pytest

BASE_PYTHON = os.environ.get("APLGUARD_BASE_PYTHON")
pytestmark = pytest.mark.skipif(not BASE_PYTHON, reason="no base-install venv (run .ci/base_install.sh, "
                                                        "set APLGUARD_BASE_PYTHON)")

SCRIPT = textwrap.dedent("""
    import importlib.util, sys
    for heavy in ("torch", "diffusers", "mediapipe"):
        assert importlib.util.find_spec(heavy) is None, heavy + " is in the base venv"
    from PIL import Image
    from aplguard import Guard, MissingDependencyError
    from aplguard.policy import PolicyEngine

    engine = PolicyEngine("default").prepare(load=True)
    assert engine.decide_prompt("a photo of Taylor Swift").action == "anonymize"
    assert engine.decide_prompt("a red bicycle").action == "allow"

    def generate(prompts, **kwargs):
        return [Image.new("RGB", (8, 8)) for _ in prompts]

    try:
        Guard(generate, policy="default")
    except MissingDependencyError as exc:
        assert "aplguard[faces]" in str(exc), exc  # says which extra at construction
    else:
        sys.exit("Guard with output checks constructed without the faces extra")
    checker = type("NoFaces", (), {"analyze": lambda self, image: ([], [])})()
    out = Guard(generate, policy="default", faces=checker)(["a red bicycle", "a photo of Taylor Swift"])
    assert out.images[0] is not None and out.images[1] is None  # no prefix on a callable: fail closed
    print("base install ok")
""")


def test_default_policy_on_the_base_install(tmp_path):
    # cwd elsewhere: `python -c` puts the cwd first on sys.path, and the source tree is not the install
    done = subprocess.run([BASE_PYTHON, "-c", SCRIPT], capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "base install ok" in done.stdout


def test_check_cli_on_the_base_install(tmp_path):
    cli = os.path.join(os.path.dirname(BASE_PYTHON), "aplguard")
    done = subprocess.run([cli, "check", "--json", "a photo of Taylor Swift"], capture_output=True, text=True,
                          timeout=300, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    assert '"decision": "anonymize"' in done.stdout
