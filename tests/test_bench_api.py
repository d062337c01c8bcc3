"""``detente bench api`` on a small synthetic record: it measures every endpoint (behaviour,
not speed: the figures themselves are never asserted)."""

from __future__ import annotations

from pathlib import Path

import duckdb

from detente.bench_api import bench_api, make_synthetic_record


def test_synthetic_record_is_a_valid_detente_database(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    make_synthetic_record(db, events=3000, articles=100)
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM events").fetchone()[0] == 3000
    # every event points at an article, has a PLOVER type and parties with codes
    orphans = con.execute("SELECT count(*) FROM events e ANTI JOIN articles a ON a.id = e.article_id").fetchone()[0]
    assert orphans == 0
    assert con.execute("SELECT count(*) FROM events WHERE plover IS NULL OR len(source) = 0 OR len(target) = 0").fetchone()[0] == 0
    negated, hypothetical = con.execute("SELECT count_if(negated), count_if(hypothetical) FROM events").fetchone()
    assert 0 < negated < 3000 and 0 < hypothetical < 3000


def test_bench_api_reports_percentiles_for_every_endpoint(tmp_path: Path) -> None:
    result = bench_api(events=3000, requests=5, db=tmp_path / "b.duckdb")
    endpoints = result["endpoints"]
    assert "baseline /health" in endpoints and any(k.startswith("series") for k in endpoints)
    for name, stats in endpoints.items():
        assert stats["n"] >= 1, name
        assert 0 < stats["p50_ms"] <= stats["p95_ms"], name
    assert result["worst_p95_ms"] == max(v["p95_ms"] for k, v in endpoints.items() if k != "baseline /health")
