"""The Dask engine on a LocalCluster gives exactly the database the local engine gives."""

from __future__ import annotations

import json

import pytest
from test_corpus_support import wire_article
from typer.testing import CliRunner

from rasd.cli import app
from rasd.corpus import open_store
from rasd.corpus.engines import DaskEngine, LocalEngine, make_engine

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
    ) as c:
        yield c


def _articles() -> list[dict]:
    arts = [{**wire_article(i), "origin": f"wire:{i}"} for i in range(40)]
    # a near-duplicate (same story, another site's dateline) and an exact repeat
    arts.append({**arts[5], "text": "بغداد - " + arts[5]["text"], "origin": "copy"})
    arts.append({**arts[7], "origin": "repeat"})
    return arts


def _snapshot(url: str) -> dict:
    s = open_store(url)
    with s.engine.connect() as c:
        from sqlalchemy import text

        snap = {
            "documents": c.execute(
                text("SELECT pk, id, dup_group, published, source FROM documents ORDER BY pk")
            ).all(),
            "entities": c.execute(text("SELECT id, key, name, type FROM entities ORDER BY id")).all(),
            "events": c.execute(text("SELECT doc_pk, local_id, type, date FROM events ORDER BY id")).all(),
            "quotes": c.execute(
                text("SELECT doc_pk, local_id, speaker_entity_id FROM quotes ORDER BY id")
            ).all(),
        }
    snap["docs"] = [json.dumps(d, ensure_ascii=False, sort_keys=True) for d in s.iter_documents()]
    s.close()
    return snap


def test_dask_equals_local(cluster, tmp_path):
    local_url, dask_url = f"sqlite:///{tmp_path / 'local.db'}", f"sqlite:///{tmp_path / 'dask.db'}"
    r1 = open_store(local_url).ingest(_articles(), engine=LocalEngine())
    with distributed.Client(cluster) as client:
        eng = DaskEngine(client, window=3, chunk=4)
        r2 = open_store(dask_url).ingest(_articles(), engine=eng)
    assert r1.to_dict() == r2.to_dict()
    assert (r1.ingested, r1.known) == (41, 1) and r1.near_duplicates >= 1
    copy_id = r1.ids[-1]
    assert open_store(local_url).list_documents(limit=100) and any(
        d["id"] == copy_id and d["near_duplicate_of"] for d in open_store(local_url).list_documents(limit=100)
    )
    assert _snapshot(local_url) == _snapshot(dask_url)


def test_cli_dask_engine(cluster, tmp_path):
    src = tmp_path / "wire.jsonl"
    src.write_text(
        "\n".join(json.dumps(a, ensure_ascii=False) for a in _articles()[:10]) + "\n", encoding="utf-8"
    )
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    res = CliRunner().invoke(
        app,
        ["ingest", str(src), "--db", db, "--engine", "dask", "--scheduler", cluster.scheduler_address, "-q"],
    )
    assert res.exit_code == 0, res.output
    assert open_store(db).count("documents") == 10


def test_engine_choice_errors():
    with pytest.raises(ValueError):
        make_engine("dask")
    with pytest.raises(ValueError):
        make_engine("spark")
    assert make_engine("local").name == "local"
    assert CliRunner().invoke(app, ["ingest", "x.txt", "--engine", "dask"]).exit_code == 2
