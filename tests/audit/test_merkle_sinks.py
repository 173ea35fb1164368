"""The Merkle tree in the sinks: migration of old logs, automatic tree heads, prune, crashes, the CLI."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest
from audit_helpers import KEY, days_ago, make_record, raw_store

from aplguard.audit import open_sink, verify_log
from aplguard.audit.proofs import verify_proof
from aplguard.audit.sth import generate_keypair, load_public_key
from aplguard.cli import main


@pytest.fixture
def keys(tmp_path):
    priv, pub = generate_keypair(str(tmp_path / "k.pem"))
    return priv, pub


def test_sqlite_version_1_log_is_migrated_once(tmp_path, keys):
    path = tmp_path / "old.db"
    url = f"sqlite:///{path}"
    with open_sink(url, hmac_key=KEY, checkpoint_every=5) as sink:
        ids = sink.append_many([make_record(i) for i in range(12)])
    with sqlite3.connect(path) as c:  # what aplguard wrote before the tree existed
        c.execute("DROP TABLE audit_merkle")
        c.execute("DROP INDEX audit_entries_rid")
        c.execute("DELETE FROM audit_meta WHERE key='merkle_base'")
        c.execute("UPDATE audit_meta SET value='1' WHERE key='schema_version'")
    with open_sink(url, hmac_key=KEY) as sink:
        assert sink.tree_size() == 14
        sink.sign_tree_head(keys[0])
        proof = sink.inclusion_proof(ids[7])
    assert verify_proof(proof, load_public_key(keys[1])).ok
    with sqlite3.connect(path) as c:
        assert c.execute("SELECT value FROM audit_meta WHERE key='schema_version'").fetchone() == ("2",)
    assert verify_log(url, hmac_key=KEY, public_key=keys[1]).ok


def test_postgres_version_1_table_is_migrated_once(tmp_path, keys, log_url):
    if not log_url.startswith("postgres"):
        pytest.skip("PostgreSQL only (SQLite above)")
    import psycopg

    with open_sink(log_url, hmac_key=KEY, checkpoint_every=5) as sink:
        ids = sink.append_many([make_record(i) for i in range(12)])
        table = sink.table
    base = log_url.split("?table=", 1)[0]
    with psycopg.connect(base) as c:  # what aplguard wrote before the tree existed
        c.execute(f"DROP TABLE {table}_merkle")
        c.execute(f"DELETE FROM {table}_meta WHERE key = 'merkle_base'")
        c.execute(f"UPDATE {table}_meta SET value = '1' WHERE key = 'schema_version'")
    with open_sink(log_url, hmac_key=KEY) as sink:
        assert sink.tree_size() == 14
        sink.sign_tree_head(keys[0])
        assert verify_proof(sink.inclusion_proof(ids[7]), load_public_key(keys[1])).ok
    assert verify_log(log_url, hmac_key=KEY, public_key=keys[1]).ok


def test_jsonl_side_file_is_rebuilt_and_caught_up(tmp_path, keys):
    url = f"jsonl:///{tmp_path}/a.jsonl"
    with open_sink(url, hmac_key=KEY) as sink:
        sink.append_many([make_record(i) for i in range(10)])
        root = sink.tree_root()
    os.unlink(tmp_path / "a.jsonl.merkle")  # an old log, or a lost side file
    with open_sink(url, hmac_key=KEY) as sink:
        assert sink.tree_root() == root
    # a crash between the log write and the side-file write: the side file is behind
    side = tmp_path / "a.jsonl.merkle"
    full = side.read_bytes()
    with open_sink(url, hmac_key=KEY) as sink:
        sink.append(make_record(10))
    side.write_bytes(full)
    res = verify_log(url, hmac_key=KEY)
    assert res.ok and any("behind" in w for w in res.warnings), res.summary()
    with open_sink(url, hmac_key=KEY) as sink:
        sink.append(make_record(11))
        assert sink.tree_size() == 12
    assert verify_log(url, hmac_key=KEY).ok


def test_automatic_tree_heads_through_sink_options(tmp_path, keys, log_url):
    published = tmp_path / "published.jsonl"
    sep = "&" if "?" in log_url else "?"
    url = f"{log_url}{sep}sth_key={keys[0]}&sth_every=5&sth_publish={published}"  # what Guard's sink URL carries
    with open_sink(url, hmac_key=KEY) as sink:
        for i in range(12):
            sink.append(make_record(i))
        heads = sink.tree_heads()
    assert [h.tree_size for h in heads] == [5, 11]
    assert len(published.read_text().splitlines()) == 2
    res = verify_log(log_url, public_key=keys[1], against=str(published), allow_unverified=True)
    assert res.ok and res.tree_heads == 2


def test_prune_keeps_proofs_and_tree_heads_valid(tmp_path, keys, log_url):
    url = log_url
    pub = load_public_key(keys[1])
    with open_sink(url, hmac_key=KEY) as sink:
        sink.append_many([make_record(i, ts=days_ago(30 - i)) for i in range(10)])
        first = sink.sign_tree_head(keys[0])
        late = sink.append(make_record(50))
        sink.prune(days_ago(25))
        second = sink.sign_tree_head(keys[0])
        assert verify_proof(sink.inclusion_proof(late), pub).ok
        c = sink.consistency_proof(first.tree_size)
        assert c["second_size"] == second.tree_size and verify_proof(c, pub).ok
    assert raw_store(url).read()[0].seq > 0
    res = verify_log(url, hmac_key=KEY, public_key=pub)
    assert res.ok and res.tree_heads == 2, res.summary()  # a head after the cut still checks (stored frontier)


def test_cli_keygen_checkpoint_prove_consistency_verify(tmp_path, keys, capsys, monkeypatch):
    url = f"sqlite:///{tmp_path}/a.db"
    with open_sink(url, hmac_key=KEY) as sink:
        ids = sink.append_many([make_record(i) for i in range(6)])
    keyfile = tmp_path / "hmac"
    keyfile.write_text(KEY)
    priv = str(tmp_path / "w.pem")
    assert main(["audit", "keygen", priv]) == 0
    assert main(["audit", "keygen", priv]) == 2  # never overwrites a key
    published = str(tmp_path / "sth.json")
    assert main(["audit", "checkpoint", url, "--key", priv, "--key-file", str(keyfile), "--publish", published]) == 0
    sth = json.loads(capsys.readouterr().out)
    assert sth["tree_size"] == 6
    proof_file = str(tmp_path / "p.json")
    assert main(["audit", "prove", url, ids[2], "--out", proof_file]) == 0
    assert main(["audit", "verify-proof", proof_file, "--pub", priv + ".pub"]) == 0
    assert "verified: leaf 2 is included" in capsys.readouterr().out
    assert main(["audit", "verify-proof", proof_file]) == 1  # the signature cannot be checked
    assert main(["audit", "verify-proof", proof_file, "--allow-unverified"]) == 0
    doc = json.loads(Path(proof_file).read_text())
    doc["entry"]["body"] = doc["entry"]["body"].replace('"tenant":null', '"tenant":"x"', 1)
    doc["audit_path"][0] = "00" * 32
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc))
    assert main(["audit", "verify-proof", str(bad), "--pub", priv + ".pub"]) == 1
    with open_sink(url, hmac_key=KEY) as sink:
        sink.append_many([make_record(i) for i in range(6, 9)])
    assert main(["audit", "checkpoint", url, "--key", priv, "--key-file", str(keyfile)]) == 0
    capsys.readouterr()
    cons = str(tmp_path / "c.json")
    assert main(["audit", "consistency", url, "--from", "6", "--out", cons]) == 0
    assert main(["audit", "verify-proof", cons, "--pub", priv + ".pub"]) == 0
    capsys.readouterr()
    # verify: the HMAC-signed log without the key fails unless --allow-unverified; the public key covers it
    assert main(["audit", "verify", url]) == 1
    out = capsys.readouterr().out
    assert "NOT verified: MACs of" in out and "verified: hash chain" in out
    assert main(["audit", "verify", url, "--allow-unverified"]) == 0
    assert main(["audit", "verify", url, "--pub", priv + ".pub", "--against", published]) == 0
    assert main(["audit", "verify", url, "--key-file", str(keyfile)]) == 0
    # truncation against the published head
    raw_store(url).write(raw_store(url).read()[:4])
    capsys.readouterr()
    assert main(["audit", "verify", url, "--pub", priv + ".pub", "--against", published]) == 1
    assert "truncated" in capsys.readouterr().out
