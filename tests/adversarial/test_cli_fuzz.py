"""Fuzz every ``aplguard`` command that reads a file (issue 11).

Random bytes, truncated and byte-flipped valid files, JSON/YAML of the wrong
types, directories, missing files, ``/dev/zero``: whatever the input, a command
exits 0/1/2/3, never prints a traceback or an internal error, and an exit 2
is exactly one line on stderr (``policy validate`` prints one located line
per error, each naming the file). Commands run in-process through
``aplguard.cli.main``; the ``/dev/zero`` cases run as subprocesses with a
timeout, so a read that never ends fails the test instead of hanging it.
"""

from __future__ import annotations

import io
import json
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aplguard.cli import main

REPO = Path(__file__).resolve().parents[2]
FUZZ = settings(max_examples=25, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
FEW = settings(FUZZ, max_examples=8)

# -- strategies ----------------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


def mutations(seed: bytes) -> st.SearchStrategy[bytes]:
    """Random bytes, truncations and overwrites of ``seed``, and JSON of arbitrary shape."""
    n = len(seed)
    return st.one_of(
        st.binary(max_size=1024),
        st.integers(0, n).map(lambda k: seed[:k]),
        st.tuples(st.integers(0, max(n - 1, 0)), st.binary(min_size=1, max_size=16)).map(
            lambda t: seed[:t[0]] + t[1] + seed[t[0] + len(t[1]):]),
        json_values.map(lambda v: json.dumps(v).encode()),
    )


def yaml_retyped(seed_text: str) -> st.SearchStrategy[bytes]:
    """The seed YAML mapping with one top-level key's value replaced by a value of another type."""
    data = yaml.safe_load(seed_text)
    assert isinstance(data, dict)
    keys = sorted(data)
    return st.tuples(st.sampled_from(keys), json_values).map(
        lambda kv: yaml.safe_dump({**data, kv[0]: kv[1]}, allow_unicode=True).encode())


def text_files(seed_text: str) -> st.SearchStrategy[bytes]:
    return st.one_of(mutations(seed_text.encode()), yaml_retyped(seed_text),
                     st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")))


# -- running the CLI -------------------------------------------------------------------------


def run(argv: list[str], capsys: pytest.CaptureFixture[str], located: str | None = None) -> tuple[int, str]:
    """Run ``aplguard argv`` in-process; assert the exit and stderr contract; return (rc, stderr)."""
    capsys.readouterr()
    try:
        rc = main([str(a) for a in argv])
    except SystemExit as exc:  # argparse
        rc = int(exc.code or 0)
    err = capsys.readouterr().err
    check_contract(argv, rc, err, located)
    return rc, err


def check_contract(argv: list[Any], rc: int, err: str, located: str | None = None) -> None:
    assert rc in (0, 1, 2, 3), (argv, rc, err)
    assert "Traceback" not in err, (argv, err)
    assert "internal error" not in err, (argv, err)
    if rc == 2:
        lines = [line for line in err.splitlines() if line.strip()]
        assert lines, (argv, "exit 2 without a message")
        if located is not None and len(lines) > 1:  # one located line per error, each naming the file
            assert all(line.startswith(located) for line in lines), (argv, err)
        else:
            assert len(lines) == 1, (argv, err)


@contextmanager
def workdir() -> Iterator[Path]:
    d = Path(tempfile.mkdtemp(prefix="aplfuzz-"))
    try:
        yield d
    finally:
        shutil.rmtree(d, ignore_errors=True)


def fuzz_file(content: bytes, name: str, argv: Callable[[Path, Path], list[Any]],
              capsys: pytest.CaptureFixture[str], located: bool = False) -> int:
    with workdir() as d:
        path = d / name
        path.write_bytes(content)
        return run(argv(path, d), capsys, located=str(path) if located else None)[0]


# -- seed files ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds() -> Iterator[dict[str, Any]]:
    """Valid inputs for every command, written once; the fuzz cases mutate copies."""
    from PIL import Image

    from aplguard.prefix import SoftPrompt

    d = Path(tempfile.mkdtemp(prefix="aplfuzz-seeds-"))
    vec = np.random.default_rng(0).normal(size=(4, 32)).astype(np.float32)
    sp = SoftPrompt({"text_encoder": vec}, provenance={"seed": True})
    out: dict[str, Any] = {"dir": d}
    out["prefix"] = sp.save(d / "p.safetensors").read_bytes()
    out["prefix_pt"] = sp.export(d / "p.pt", fmt="a1111").read_bytes()
    out["prefix_meta"] = dict(sp.metadata)
    out["vec"] = vec
    out["policy"] = (REPO / "policies" / "default.yaml").read_text(encoding="utf-8")
    buf = io.BytesIO()
    Image.fromarray(np.random.default_rng(1).integers(0, 255, (48, 48, 3), dtype=np.uint8)).save(buf, "PNG")
    out["png"] = buf.getvalue()
    (d / "ok.png").write_bytes(out["png"])
    out["ok_png"] = d / "ok.png"
    out["pairs"] = "path_a,path_b,same\nok.png,ok.png,1\n"
    out["spec"] = "identities: []\ntemplates: ['a photo of {}']\ncaptions: ['a cat']\n"
    for url in (f"sqlite:///{d / 'audit.db'}", f"jsonl:///{d / 'audit.jsonl'}"):
        _write_audit_log(url)
    out["sqlite"] = d / "audit.db"
    out["jsonl"] = (d / "audit.jsonl").read_bytes()
    from aplguard.faces.gallery import Gallery

    Gallery.create(d / "gallery")
    out["gallery"] = d / "gallery"
    out["gallery_file"] = next((d / "gallery").iterdir()).read_bytes() if any((d / "gallery").iterdir()) else b""
    yield out
    shutil.rmtree(d, ignore_errors=True)


def _write_audit_log(url: str) -> None:
    """Three ordinary records, through the public audit API."""
    from aplguard.audit import AuditRecord, OutputRecord, PromptRecord, open_sink, store_prompt

    sink = open_sink(url, create=True)
    try:
        for i, decision in enumerate(("allow", "anonymize", "block")):
            sink.append(AuditRecord(
                tenant=("acme", None, "globex")[i], labels={"request": f"r{i}"},
                policy={"name": "default", "version": "1", "sha256": "ab" * 32}, model_id="tiny-sd",
                prompts=[PromptRecord(index=0, decision=decision, rule=f"rule-{i}", flagged=i == 1,
                                      identity_seeking=decision != "allow",
                                      prompt=store_prompt(f"prompt {i}", "hash", key="k" * 16))],
                outputs=[OutputRecord(index=0, prompt_index=0, image_sha256=f"{i:064x}", faces=i,
                                      matches=[{"identity": "alice", "score": 0.8}] if i else [],
                                      action="block" if decision == "block" else "none")],
                latency_ms={"total": 10.0 + i}))
    finally:
        sink.close()


# -- prefix ------------------------------------------------------------------------------------


def prefix_files(seeds: dict[str, Any]) -> st.SearchStrategy[bytes]:
    from safetensors.numpy import save as save_bytes

    meta = seeds["prefix_meta"]
    retyped = st.tuples(st.sampled_from(sorted(meta)), json_values).map(
        lambda kv: save_bytes({"text_encoder": seeds["vec"]}, metadata={**meta, kv[0]: json.dumps(kv[1])}))
    return st.one_of(mutations(seeds["prefix"]), mutations(seeds["prefix_pt"]), retyped)


@pytest.mark.parametrize("suffix", [".safetensors", ".pt"])
def test_prefix_inspect(seeds, capsys, suffix):
    @FUZZ
    @given(content=prefix_files(seeds))
    def inner(content: bytes) -> None:
        fuzz_file(content, "x" + suffix, lambda p, d: ["prefix", "inspect", p, "--json"], capsys)

    inner()


def test_prefix_convert(seeds, capsys):
    @FUZZ
    @given(content=prefix_files(seeds), fmt=st.sampled_from(["aplguard", "a1111", "diffusers"]),
           out=st.sampled_from(["o.safetensors", "o.pt", "o.bin", "sub/dir/o.safetensors"]))
    def inner(content: bytes, fmt: str, out: str) -> None:
        fuzz_file(content, "x.safetensors", lambda p, d: ["prefix", "convert", p, d / out, "--format", fmt], capsys)

    inner()


# -- policies ---------------------------------------------------------------------------------------


def test_policy_validate(seeds, capsys):
    @FUZZ
    @given(content=text_files(seeds["policy"]))
    def inner(content: bytes) -> None:
        fuzz_file(content, "p.yaml", lambda p, d: ["policy", "validate", p], capsys, located=True)

    inner()


def test_policy_explain(seeds, capsys):
    @FUZZ
    @given(content=text_files(seeds["policy"]))
    def inner(content: bytes) -> None:
        fuzz_file(content, "p.yaml", lambda p, d: ["policy", "explain", p, "a photo of Taylor Swift"], capsys)

    inner()


def test_check_policy(seeds, capsys):
    @FUZZ
    @given(content=text_files(seeds["policy"]))
    def inner(content: bytes) -> None:
        fuzz_file(content, "p.yaml", lambda p, d: ["check", "--policy", p, "--json", "a red bicycle"], capsys)

    inner()


# -- audit --------------------------------------------------------------------------------------------

AUDIT_COMMANDS: dict[str, Callable[[str, Path], list[Any]]] = {
    "verify": lambda url, d: ["audit", "verify", url, "--deep"],
    "query": lambda url, d: ["audit", "query", url, "--json"],
    "stats": lambda url, d: ["audit", "stats", url, "--json"],
    "export": lambda url, d: ["audit", "export", url, "--format", "csv", "--out", d / "x.csv"],
    "report": lambda url, d: ["audit", "report", url, "--html", d / "r.html"],
}
_SQL_VALUES = st.one_of(st.none(), st.integers(-(2**63), 2**63 - 1), st.floats(allow_nan=True),
                        st.text(max_size=20), st.binary(max_size=20),
                        json_values.map(json.dumps))
_SQL_COLUMNS = ["seq", "kind", "rid", "ts", "tenant", "prev", "hash", "mac", "body"]


@pytest.mark.parametrize("command", sorted(AUDIT_COMMANDS))
def test_audit_jsonl(seeds, capsys, command):
    lines = seeds["jsonl"]

    @FEW
    @given(content=st.one_of(mutations(lines), st.lists(json_values.map(json.dumps), max_size=4).map(
        lambda ls: ("\n".join(ls) + "\n").encode())))
    def inner(content: bytes) -> None:
        fuzz_file(content, "a.jsonl", lambda p, d: AUDIT_COMMANDS[command](f"jsonl:///{p}", d), capsys)

    inner()


@pytest.mark.parametrize("command", sorted(AUDIT_COMMANDS))
def test_audit_sqlite_wrong_column_types(seeds, capsys, command):
    @FEW
    @given(column=st.sampled_from(_SQL_COLUMNS), value=_SQL_VALUES, row=st.integers(1, 3))
    def inner(column: str, value: Any, row: int) -> None:
        with workdir() as d:
            db = d / "a.db"
            shutil.copy(seeds["sqlite"], db)
            with sqlite3.connect(db) as con:
                try:
                    con.execute(f"UPDATE audit_entries SET {column} = ? WHERE seq = ?", (value, row))
                except sqlite3.IntegrityError:  # NOT NULL / PRIMARY KEY: the file cannot hold it
                    return
            con.close()
            run(AUDIT_COMMANDS[command](f"sqlite:///{db}", d), capsys)

    inner()


def test_audit_sqlite_bytes(seeds, capsys):
    raw = seeds["sqlite"].read_bytes()

    @FEW
    @given(content=mutations(raw), command=st.sampled_from(sorted(AUDIT_COMMANDS)))
    def inner(content: bytes, command: str) -> None:
        fuzz_file(content, "a.db", lambda p, d: AUDIT_COMMANDS[command](f"sqlite:///{p}", d), capsys)

    inner()


@pytest.mark.parametrize("command", ["verify", "query"])
def test_audit_sqlite_corrupt_schema_text(seeds, capsys, command):
    raw = seeds["sqlite"].read_bytes()
    i = raw.index(b"tableaudit_meta")  # the schema row of audit_meta
    content = raw[:i] + b"\x00" * 5 + b"\x80" + raw[i + 6:]
    fuzz_file(content, "a.db", lambda p, d: AUDIT_COMMANDS[command](f"sqlite:///{p}", d), capsys)


# -- faces and the gallery ----------------------------------------------------------------------------


def images(seeds: dict[str, Any]) -> st.SearchStrategy[bytes]:
    return mutations(seeds["png"])


def test_faces_detect(seeds, capsys):
    @FEW
    @given(content=images(seeds))
    def inner(content: bytes) -> None:
        fuzz_file(content, "x.png", lambda p, d: ["faces", "detect", p, "--json"], capsys)

    inner()


def test_faces_compare(seeds, capsys):
    @FEW
    @given(content=images(seeds))
    def inner(content: bytes) -> None:
        fuzz_file(content, "x.png", lambda p, d: ["faces", "compare", p, seeds["ok_png"], "--json"], capsys)

    inner()


def test_faces_verify_pairs(seeds, capsys):
    @FEW
    @given(content=st.one_of(mutations(seeds["pairs"].encode()), st.text(max_size=200).map(str.encode)))
    def inner(content: bytes) -> None:
        fuzz_file(content, "pairs.csv", lambda p, d: ["faces", "verify", "--pairs", p, "--root", seeds["dir"]],
                  capsys)

    inner()


def test_gallery_add_and_match(seeds, capsys):
    @FEW
    @given(content=images(seeds), command=st.sampled_from(["add", "match"]))
    def inner(content: bytes, command: str) -> None:
        def argv(p: Path, d: Path) -> list[Any]:
            gallery = d / "g"
            shutil.copytree(seeds["gallery"], gallery)
            return (["gallery", "add", "--gallery", gallery, "alice", p] if command == "add"
                    else ["gallery", "match", "--gallery", gallery, p, "--json"])

        fuzz_file(content, "x.png", argv, capsys)

    inner()


def test_gallery_store_file(seeds, capsys):
    from aplguard.faces.gallery import FILENAME

    @FEW
    @given(content=mutations(seeds["gallery_file"]) if seeds["gallery_file"] else st.binary(max_size=512),
           command=st.sampled_from(["list", "match"]))
    def inner(content: bytes, command: str) -> None:
        with workdir() as d:
            (d / "g").mkdir()
            (d / "g" / FILENAME).write_bytes(content)
            argv = ["gallery", command, "--gallery", d / "g"] + ([seeds["ok_png"]] if command == "match" else [])
            run(argv, capsys)

    inner()


# -- training data spec ------------------------------------------------------------------------------------


def _as_utf8(content: bytes) -> bytes:
    return content.decode("utf-8", "replace").encode("utf-8")


def _train_prepare(p: Path, d: Path) -> list[Any]:
    return ["train", "prepare", "--model", d / "no-model", "--data", p, "--out", d / "c"]


def test_train_prepare_data_spec(seeds, capsys):
    @FUZZ
    @given(content=text_files(seeds["spec"]).map(_as_utf8))
    def inner(content: bytes) -> None:
        fuzz_file(content, "spec.yaml", _train_prepare, capsys)

    inner()


def test_train_prepare_non_utf8_spec(capsys):
    fuzz_file(b"identities: []\ntemplates: ['\x80']\n", "spec.yaml", _train_prepare, capsys)


# -- generate ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def model_dir() -> Iterator[Path]:
    from aplguard.testing import tiny_sd_pipeline

    d = Path(tempfile.mkdtemp(prefix="aplfuzz-model-"))
    tiny_sd_pipeline(seed=0).save_pretrained(d / "model")
    yield d / "model"
    shutil.rmtree(d, ignore_errors=True)


def test_generate_prefix(seeds, model_dir, capsys):
    @settings(FUZZ, max_examples=6)
    @given(content=prefix_files(seeds))
    def inner(content: bytes) -> None:
        fuzz_file(content, "x.safetensors",
                  lambda p, d: ["generate", "--model", model_dir, "--prefix", p, "--policy", "off", "--steps", "1",
                                "--height", "32", "--width", "32", "-o", d / "o.png", "a red bicycle"], capsys)

    inner()


def test_generate_bad_model_dir(model_dir, capsys):
    index = (model_dir / "model_index.json").read_bytes()

    @settings(FUZZ, max_examples=10)
    @given(content=mutations(index), broken=st.sampled_from(["", "unet/config.json", "text_encoder/config.json"]))
    def inner(content: bytes, broken: str) -> None:
        with workdir() as d:
            folder = d / "m"
            shutil.copytree(model_dir, folder)
            (folder / (broken or "model_index.json")).write_bytes(content)
            run(["generate", "--model", folder, "--policy", "off", "--steps", "1", "--height", "32", "--width", "32",
                 "-o", d / "o.png", "a red bicycle"], capsys)

    inner()


# -- special paths: directories, missing files, empty files, /dev/zero ----------------------------------------

# name -> argv for a given file path (d: a scratch folder)
FILE_COMMANDS: dict[str, Callable[[Any, Path], list[Any]]] = {
    "prefix-inspect": lambda f, d: ["prefix", "inspect", f],
    "prefix-convert": lambda f, d: ["prefix", "convert", f, d / "o.safetensors"],
    "policy-validate": lambda f, d: ["policy", "validate", f],
    "policy-explain": lambda f, d: ["policy", "explain", f, "a cat"],
    "check-policy": lambda f, d: ["check", "--policy", f, "a cat"],
    "audit-verify-jsonl": lambda f, d: ["audit", "verify", f"jsonl:///{f}"],
    "audit-verify-sqlite": lambda f, d: ["audit", "verify", f"sqlite:///{f}"],
    "audit-query-jsonl": lambda f, d: ["audit", "query", f"jsonl:///{f}"],
    "audit-stats-sqlite": lambda f, d: ["audit", "stats", f"sqlite:///{f}"],
    "audit-export-jsonl": lambda f, d: ["audit", "export", f"jsonl:///{f}", "--format", "csv", "--out", d / "x.csv"],
    "audit-report-jsonl": lambda f, d: ["audit", "report", f"jsonl:///{f}", "--html", d / "r.html"],
    "audit-key-file": lambda f, d: ["audit", "verify", f"jsonl:///{d / 'none.jsonl'}", "--key-file", f],
    "faces-detect": lambda f, d: ["faces", "detect", f],
    "faces-verify": lambda f, d: ["faces", "verify", "--pairs", f],
    "faces-compare": lambda f, d: ["faces", "compare", f, f],
    "gallery-add": lambda f, d: ["gallery", "add", "--gallery", d / "g", "alice", f],
    "gallery-list": lambda f, d: ["gallery", "list", "--gallery", f],
    "gallery-match": lambda f, d: ["gallery", "match", "--gallery", f, f],
    "train-prepare": lambda f, d: ["train", "prepare", "--model", d / "m", "--data", f, "--out", d / "c"],
    "generate-prefix": lambda f, d: ["generate", "--model", d / "m", "--prefix", f, "-o", d / "o.png", "a cat"],
    "generate-model": lambda f, d: ["generate", "--model", f, "-o", d / "o.png", "a cat"],
}
# Commands that read /dev/zero itself (a file argument, not a folder) and must stop, bounded.
DEV_ZERO = ["prefix-inspect", "prefix-convert", "policy-validate", "policy-explain", "check-policy",
            "audit-verify-jsonl", "audit-verify-sqlite", "audit-query-jsonl", "audit-key-file", "faces-detect",
            "faces-verify", "train-prepare"]
# Commands that report unreadable inputs per item (a JSON line each) and exit 0.
PER_ITEM = {"faces-detect"}


@pytest.mark.parametrize("kind", ["directory", "missing", "empty"])
@pytest.mark.parametrize("name", sorted(FILE_COMMANDS))
def test_special_paths(name, kind, capsys):
    with workdir() as d:
        f = d / "input"
        if kind == "directory":
            f.mkdir()
        elif kind == "empty":
            f.write_bytes(b"")
        run(FILE_COMMANDS[name](f, d), capsys, located=str(f))


def _limit_memory() -> None:
    # An unbounded read of /dev/zero must fail in the child, not take the machine's memory.
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (_CHILD_MEMORY, _CHILD_MEMORY))


_CHILD_MEMORY = 2 * 1024**3


@pytest.mark.parametrize("name", DEV_ZERO)
def test_dev_zero_does_not_hang(name):
    with workdir() as d:
        argv = [str(a) for a in FILE_COMMANDS[name]("/dev/zero", d)]
        code = "import sys; from aplguard.cli import main; sys.exit(main(sys.argv[1:]))"
        try:
            proc = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True, timeout=20,
                                  cwd=d, preexec_fn=_limit_memory)
        except subprocess.TimeoutExpired:
            pytest.fail(f"aplguard {' '.join(argv)} did not stop within 20 s")
        check_contract(argv, proc.returncode, proc.stderr, located="/dev/zero")
        assert proc.returncode != 0 or (name in PER_ITEM and "/dev/zero" in proc.stdout)


def test_huge_image_sides_do_not_abort():
    """A 32768-px side (a few hundred bytes as PNG) once aborted the process inside OpenCV: run in a child."""
    from PIL import Image

    with workdir() as d:
        img = d / "wide.png"
        Image.new("RGB", (32768, 1)).save(img)
        script = (
            "import sys\n"
            "from aplguard.cli import main\n"
            "img, d = sys.argv[1], sys.argv[2]\n"
            "for argv in (['faces', 'detect', img, '--json'], ['faces', 'compare', img, img],\n"
            "             ['gallery', 'add', '--gallery', d + '/g', 'alice', img],\n"
            "             ['gallery', 'match', '--gallery', d + '/g', img]):\n"
            "    rc = main(argv)\n"
            "    print('rc', rc, file=sys.stderr, flush=True)\n"
        )
        proc = subprocess.run([sys.executable, "-c", script, str(img), str(d)], capture_output=True, text=True,
                              timeout=120, cwd=d, preexec_fn=_limit_memory)
        assert proc.returncode == 0, (proc.returncode, proc.stderr[-2000:])
        assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr
        codes = [line.split()[1] for line in proc.stderr.splitlines() if line.startswith("rc ")]
        assert len(codes) == 4 and set(codes) <= {"0", "1", "2"}, proc.stderr
