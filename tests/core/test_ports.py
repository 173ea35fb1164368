"""The ports: Guard over any Backend, a closed Guard leaves the pipeline as it found it, no import cycles."""

from __future__ import annotations

import ast
from pathlib import Path

import numpy as np
import pytest
import torch

import aplguard
from aplguard import Guard, SoftPrompt
from aplguard.errors import ConfigError
from aplguard.ports import Backend, FaceChecker, Generation, PolicyPort
from aplguard.types import Face

CALL = dict(num_inference_steps=2, height=64, width=64)


def _prefix(pipe, hidden=32):
    vectors = {name: torch.randn(10, enc.get_input_embeddings().weight.shape[1],
                                 generator=torch.Generator().manual_seed(1))
               for name, enc in (("text_encoder", pipe.text_encoder), ("text_encoder_2", getattr(pipe, "text_encoder_2", None)))
               if enc is not None}
    return SoftPrompt.from_pipeline(pipe, vectors)


def _snapshot(pipe):
    out = {}
    for tok_name, enc_name in (("tokenizer", "text_encoder"), ("tokenizer_2", "text_encoder_2")):
        tok, enc = getattr(pipe, tok_name, None), getattr(pipe, enc_name, None)
        if tok is None:
            continue
        out[tok_name] = (tok, dict(tok.get_vocab()), len(tok), enc.get_input_embeddings(),
                         enc.get_input_embeddings().weight.detach().clone(), enc.config.vocab_size)
    return out


@pytest.mark.parametrize("which", ["sd_pipe", "sdxl_pipe"])
def test_closed_guard_leaves_pipeline_bit_for_bit(which, request, scripted):
    pipe = request.getfixturevalue(which)
    before = _snapshot(pipe)
    ref = pipe("a cat", generator=torch.Generator().manual_seed(0), output_type="np", **CALL).images
    with Guard(pipe, prefix=_prefix(pipe), policy=scripted({"cat": "anonymize"})) as guard:
        guard("a cat", generator=torch.Generator().manual_seed(0), **CALL)
        assert len(pipe.tokenizer) == before["tokenizer"][2] + 10  # installed while open
    after = _snapshot(pipe)
    for name, (tok, vocab, n, emb, weight, vocab_size) in before.items():
        tok2, vocab2, n2, emb2, weight2, vocab_size2 = after[name]
        assert tok2 is tok and vocab2 == vocab and n2 == n
        assert emb2 is emb and torch.equal(weight2, weight) and vocab_size2 == vocab_size
    again = pipe("a cat", generator=torch.Generator().manual_seed(0), output_type="np", **CALL).images
    assert np.array_equal(ref, again)


class RecordingBackend:
    """A Backend that is not a diffusers pipeline: records what Guard asks of it."""

    family = "sd1"
    model_id = "recording"
    supports_prefix = True
    per_prompt_kwargs = ("negative_prompt",)

    def __init__(self):
        self.prefix = None
        self.calls = []

    def install_prefix(self, prefix):
        self.prefix = prefix

    def uninstall_prefix(self):
        self.prefix = None

    def generate(self, prompts, anonymize, kwargs):
        self.calls.append((list(prompts), list(anonymize), dict(kwargs)))
        images = [np.full((16, 16, 3), 128, np.uint8) for _ in prompts]
        return Generation(images=images, raw={"n": len(images)})


def _softprompt(hidden=8):
    return SoftPrompt(vectors={"text_encoder": np.zeros((4, hidden), np.float32)})


def test_guard_over_any_backend(scripted):
    backend = RecordingBackend()
    assert isinstance(backend, Backend)
    guard = Guard(backend=backend, prefix=_softprompt(), policy=scripted({"Alice": "anonymize", "Bob": "block"}))
    out = guard(["Alice at the beach", "Bob", "a cat"], negative_prompt=["n1", "n2", "n3"])
    prompts, anonymize, kwargs = backend.calls[0]
    assert prompts == ["Alice at the beach", "a cat"] and anonymize == [True, False]
    assert kwargs["negative_prompt"] == ["n1", "n3"]  # the blocked prompt's entry dropped
    assert out.images[1] is None and out.raw == {"n": 2}
    guard.close()
    assert backend.prefix is None


def test_backend_and_pipe_arguments_are_checked(scripted, sd_pipe):
    with pytest.raises(ConfigError, match="either"):
        Guard(sd_pipe, backend=RecordingBackend(), policy=scripted())
    with pytest.raises(ConfigError, match="Backend"):
        Guard(backend=object(), policy=scripted())
    with pytest.raises(ConfigError, match="pipe"):
        Guard(policy=scripted())
    with pytest.raises(ConfigError, match="FaceChecker"):
        Guard(sd_pipe, policy=scripted(), faces=object())


def test_engines_and_checkers_implement_their_ports(scripted):
    from aplguard.policy import PolicyEngine

    assert isinstance(PolicyEngine("off"), PolicyPort)
    assert isinstance(scripted(), PolicyPort)

    class Checker:
        def analyze(self, image):
            return [], []

    assert isinstance(Checker(), FaceChecker)


class OneFace:
    def analyze(self, image):
        return [Face(box=(0.0, 0.0, 8.0, 8.0), score=0.9, detector="scripted")], []


def test_blur_keeps_uint8_numpy_images(scripted):
    """Regression: a backend returning uint8 arrays got all-black images back after `blur`."""
    engine = scripted(output_action="blur")
    engine.settings_obj.output_checks = True
    backend = RecordingBackend()
    out = Guard(backend=backend, policy=engine, faces=OneFace())("a cat")
    image = out.images[0]
    assert isinstance(image, np.ndarray) and image.dtype == np.uint8 and image.shape == (16, 16, 3)
    assert out.output_decisions[0].action == "blur"
    assert image[12:, 12:].min() == 128 and image[12:, 12:].max() == 128  # far from the face: untouched


def _module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _top_level_imports(path: Path, module: str, is_package: bool) -> set[str]:
    """Modules imported when ``module`` is imported (module level, TYPE_CHECKING blocks excluded)."""
    tree = ast.parse(path.read_text())
    package = module if is_package else module.rpartition(".")[0]
    found: set[str] = set()

    def visit(nodes):
        for node in nodes:
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                visit(node.orelse)
                continue
            if isinstance(node, (ast.If, ast.Try)):
                visit(node.body)
                visit(getattr(node, "orelse", []))
                for h in getattr(node, "handlers", []):
                    visit(h.body)
                continue
            if isinstance(node, ast.Import):
                found.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")
                    base = base[:len(base) - (node.level - 1)]
                    target = ".".join(base + ([node.module] if node.module else []))
                else:
                    target = node.module or ""
                found.add(target)
                found.update(f"{target}.{a.name}" for a in node.names)

    visit(tree.body)
    return {m for m in found if m.startswith("aplguard")}


def test_no_import_cycles_in_aplguard():
    root = Path(aplguard.__file__).parent
    modules = {}
    for path in root.rglob("*.py"):
        name = _module_name(path, root)
        modules[name] = (path, path.name == "__init__.py")
    graph = {name: {m for m in _top_level_imports(p, name, pkg) if m in modules and m != name}
             for name, (p, pkg) in modules.items()}
    # A package importing its own submodules (and a submodule the parent package) is how packages work.
    for name in graph:
        graph[name] = {m for m in graph[name] if not (m.startswith(name + ".") or name.startswith(m + "."))}
    cycles = []
    state: dict[str, int] = {}

    def dfs(node, stack):
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append(stack[stack.index(nxt):] + [nxt])
            elif nxt not in state:
                dfs(nxt, stack)
        stack.pop()
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            dfs(name, [])
    assert cycles == [], "import cycles: " + "; ".join(" -> ".join(c) for c in cycles)


def test_environment_is_read_in_one_module_and_never_written():
    root = Path(aplguard.__file__).parent
    offenders = []
    for path in sorted(root.rglob("*.py")):
        text = path.read_text()
        if path.name != "environment.py" and ("os.environ" in text or "os.getenv" in text):
            offenders.append(str(path.relative_to(root)))
        if "os.environ[" in text or "os.putenv" in text or "os.dup2" in text or ".setdefault(\"GLOG" in text:
            offenders.append(f"{path.relative_to(root)} changes process-wide state")
    assert offenders == []
