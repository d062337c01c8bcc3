"""Dyad series and active dyads: hand-made rows for every rule, and the real pipeline on examples/corpus."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest
import typer
from typer.testing import CliRunner

from detente.cli import app as detente_app
from detente.cli import relations as relations_cli
from detente.errors import UsageError
from detente.events.cameo import PLOVER_TYPES
from detente.relations import SERIES_COLUMNS, active_dyads, actor_key, dyad_series
from detente.relations import dyads as dyads_module
from detente.store import Store

runner = CliRunner()
D = dt.date


# ----------------------------------------------------------------------------- hand-made rows

def add_article(con: duckdb.DuckDBPyConnection, key: str, published: dt.date | None,
                duplicate_of: str | None = None) -> None:
    con.execute(
        "INSERT INTO articles (id, locator, format, language, published, date_method, duplicate_of, chars, words, text, "
        "run_id, ingested_at) VALUES (?, ?, 'txt', 'en', ?, 'metadata', ?, 20, 4, 'One sentence. Another.', 1, now())",
        [key, f"{key}.txt", published, duplicate_of])


def add_event(con: duckdb.DuckDBPyConnection, key: str, article: str, source: list[str], target: list[str],
              cameo: str = "040", plover: str | None = "CONSULT", quad: int = 1, goldstein: float | None = 1.0,
              negated: bool = False, hypothetical: bool = False, mutual: bool = False,
              day: dt.date | None = None, trigger: int = 0) -> None:
    def parties(codes: list[str]) -> list[dict[str, Any]]:
        return [{"code": c, "text": c, "start_char": 0, "end_char": 3, "kind": "country"} for c in codes]

    con.execute(
        "INSERT INTO events VALUES (?, ?, 0, 0, 13, ?, ?, 'met', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'test rule', 'test@0', 1)",
        [key, article, parties(source), parties(target), trigger, trigger + 3, cameo, plover, goldstein, quad,
         negated, hypothetical, mutual, day])


def add_statement(con: duckdb.DuckDBPyConnection, key: str, article: str, speaker: str | None, about: list[str],
                  tone: float | None, day: dt.date | None = None) -> None:
    con.execute(
        "INSERT INTO statements (quote_id, article_id, sentence_idx, start_char, end_char, text, direct, speaker_code, "
        "about, tone, statement_date, run_id) VALUES (?, ?, 0, 0, 13, 'One sentence.', true, ?, ?, ?, ?, 1)",
        [key, article, speaker, about, tone, day])


@pytest.fixture
def con(db_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    with Store(db_path) as store:
        yield store.con


def events_per_period(rows: list[dict[str, Any]]) -> dict[dt.date, int]:
    return {r["period"]: r["events"] for r in rows if r["events"]}


# ----------------------------------------------------------------------------- rules

def test_dyads_plover_columns_follow_the_cameo_table() -> None:
    assert dyads_module.PLOVER_TYPES == PLOVER_TYPES
    assert SERIES_COLUMNS[-16:] == tuple(t.lower() for t in PLOVER_TYPES)
    assert len(SERIES_COLUMNS) == len(set(SERIES_COLUMNS)) == 26


@pytest.mark.parametrize(("code", "level", "key"), [
    ("RUSGOV", "country", "RUS"), ("rus", "country", "RUS"), ("USAMILGOV", "country", "USA"),
    ("IGOWSTNAT", "country", "IGOWSTNAT"), ("NGOHRIAMN", "country", "NGOHRIAMN"), ("RUSGOV", "sector", "RUSGOV"),
])
def test_dyads_actor_key(code: str, level: str, key: str) -> None:
    assert actor_key(code, level) == key


def test_dyads_both_ways_by_default_directed_one_way(con: duckdb.DuckDBPyConnection) -> None:
    add_article(con, "a1", D(2025, 3, 4))
    add_event(con, "e1", "a1", ["USAGOV"], ["RUSGOV"], cameo="042", trigger=0)
    add_event(con, "e2", "a1", ["RUS"], ["USA"], cameo="112", plover="ACCUSE", quad=3, goldstein=-2.0, trigger=10)
    add_event(con, "e3", "a1", ["USA"], ["UKR"], trigger=20)
    both = dyad_series(con, "USA", "RUS")
    assert [(r["period"], r["events"]) for r in both] == [(D(2025, 3, 4), 2)]
    assert both[0]["verbal_coop"] == 1 and both[0]["verbal_conflict"] == 1
    assert both[0]["consult"] == 1 and both[0]["accuse"] == 1 and both[0]["agree"] == 0
    assert both[0]["goldstein_sum"] == -1.0 and both[0]["goldstein_mean"] == -0.5
    assert dyad_series(con, "RUS", "USA") == both
    assert events_per_period(dyad_series(con, "USA", "RUS", directed=True)) == {D(2025, 3, 4): 1}
    forward = dyad_series(con, "USA", "RUS", directed=True)[0]
    backward = dyad_series(con, "RUS", "USA", directed=True)[0]
    assert (forward["consult"], forward["accuse"]) == (1, 0)
    assert (backward["consult"], backward["accuse"]) == (0, 1)
    assert list(both[0]) == list(SERIES_COLUMNS)


def test_dyads_negated_and_hypothetical_never_count(con: duckdb.DuckDBPyConnection) -> None:
    add_article(con, "a1", D(2025, 3, 4))
    add_event(con, "e1", "a1", ["USA"], ["RUS"], trigger=0)
    add_event(con, "e2", "a1", ["USA"], ["RUS"], negated=True, trigger=10)
    add_event(con, "e3", "a1", ["USA"], ["RUS"], hypothetical=True, trigger=20)
    add_event(con, "e4", "a1", ["RUS"], ["USA"], negated=True, hypothetical=True, trigger=30)
    assert events_per_period(dyad_series(con, "USA", "RUS")) == {D(2025, 3, 4): 1}
    assert active_dyads(con)[0]["events"] == 1


def test_dyads_near_duplicate_articles_count_once(con: duckdb.DuckDBPyConnection) -> None:
    add_article(con, "canon", D(2025, 3, 4))
    add_article(con, "copy", D(2025, 3, 4), duplicate_of="canon")
    add_event(con, "e1", "canon", ["USA"], ["RUS"])
    add_event(con, "e2", "copy", ["USA"], ["RUS"])
    add_statement(con, "q1", "canon", "RUSGOV", ["USA"], 0.5)
    add_statement(con, "q2", "copy", "RUSGOV", ["USA"], -0.9)
    row = dyad_series(con, "USA", "RUS")[0]
    assert (row["events"], row["statements"], row["statement_tone"]) == (1, 1, 0.5)
    assert active_dyads(con)[0]["events"] == 1


def test_dyads_an_event_counts_once(con: duckdb.DuckDBPyConnection) -> None:
    add_article(con, "a1", D(2025, 3, 4))
    # a compound source: two parties of one country
    add_event(con, "e1", "a1", ["USAGOV", "USAMIL"], ["RUS"], trigger=0)
    # a symmetric meeting written as one row with every party on both sides
    add_event(con, "e2", "a1", ["USAGOV", "RUSGOV"], ["USAGOV", "RUSGOV"], mutual=True, trigger=10)
    # a symmetric meeting the coder wrote as two rows (same trigger)
    add_event(con, "e3", "a1", ["USAGOV"], ["RUSGOV"], mutual=True, trigger=20)
    add_event(con, "e4", "a1", ["RUSGOV"], ["USAGOV"], mutual=True, trigger=20)
    assert events_per_period(dyad_series(con, "USA", "RUS")) == {D(2025, 3, 4): 3}
    assert events_per_period(dyad_series(con, "USA", "RUS", directed=True)) == {D(2025, 3, 4): 3}
    assert events_per_period(dyad_series(con, "RUS", "USA", directed=True)) == {D(2025, 3, 4): 2}
    top = active_dyads(con)
    assert [(r["a"], r["b"], r["events"]) for r in top] == [("RUS", "USA", 3)]


def test_dyads_sector_level_compares_whole_codes(con: duckdb.DuckDBPyConnection) -> None:
    add_article(con, "a1", D(2025, 3, 4))
    add_event(con, "e1", "a1", ["USAGOV"], ["RUSGOV"], trigger=0)
    add_event(con, "e2", "a1", ["USAGOV"], ["RUSMIL"], trigger=10)
    add_event(con, "e3", "a1", ["USA"], ["RUS"], trigger=20)
    assert events_per_period(dyad_series(con, "USA", "RUS")) == {D(2025, 3, 4): 3}
    assert events_per_period(dyad_series(con, "USAGOV", "RUSGOV")) == {D(2025, 3, 4): 3}  # country level: RUS
    assert events_per_period(dyad_series(con, "USAGOV", "RUSGOV", level="sector")) == {D(2025, 3, 4): 1}
    assert events_per_period(dyad_series(con, "USAGOV", "RUSMIL", level="sector")) == {D(2025, 3, 4): 1}
    assert events_per_period(dyad_series(con, "USA", "RUS", level="sector")) == {D(2025, 3, 4): 1}


def test_dyads_igo_codes_are_kept_whole(con: duckdb.DuckDBPyConnection) -> None:
    add_article(con, "a1", D(2025, 3, 4))
    add_event(con, "e1", "a1", ["IGOWSTNAT"], ["RUSGOV"], trigger=0)
    add_event(con, "e2", "a1", ["IGOEUREEC"], ["RUS"], cameo="163", plover="SANCTION", quad=4, goldstein=-8.0, trigger=10)
    assert events_per_period(dyad_series(con, "IGOWSTNAT", "RUS")) == {D(2025, 3, 4): 1}
    assert events_per_period(dyad_series(con, "IGOEUREEC", "RUS")) == {D(2025, 3, 4): 1}
    assert dyad_series(con, "IGO", "RUS") == []
    assert {(r["a"], r["b"]) for r in active_dyads(con)} == {("IGOWSTNAT", "RUS"), ("IGOEUREEC", "RUS")}


def test_dyads_dates_fall_back_to_the_article_and_undated_are_skipped(con: duckdb.DuckDBPyConnection) -> None:
    add_article(con, "a1", D(2025, 3, 4))
    add_article(con, "a2", None)
    add_event(con, "e1", "a1", ["USA"], ["RUS"], day=D(2025, 3, 2), trigger=0)   # the sentence's own date
    add_event(con, "e2", "a1", ["USA"], ["RUS"], trigger=10)                     # the article's
    add_event(con, "e3", "a2", ["USA"], ["RUS"], trigger=0)                      # no date at all
    add_event(con, "e4", "a2", ["USA"], ["RUS"], day=D(2025, 3, 3), trigger=10)  # dated by the sentence
    assert events_per_period(dyad_series(con, "USA", "RUS")) == {D(2025, 3, 2): 1, D(2025, 3, 3): 1, D(2025, 3, 4): 1}


def test_dyads_weeks_start_on_monday_and_gaps_are_zero_rows(con: duckdb.DuckDBPyConnection) -> None:
    add_article(con, "a1", D(2025, 3, 9))
    for i, day in enumerate([D(2025, 3, 9), D(2025, 3, 10), D(2025, 3, 16), D(2025, 3, 31), D(2025, 4, 1)]):
        add_event(con, f"e{i}", "a1", ["USA"], ["RUS"], day=day, trigger=10 * i)
    weeks = dyad_series(con, "USA", "RUS", by="week")
    assert [(r["period"], r["events"]) for r in weeks] == [
        (D(2025, 3, 3), 1), (D(2025, 3, 10), 2), (D(2025, 3, 17), 0), (D(2025, 3, 24), 0), (D(2025, 3, 31), 2)]
    quiet = weeks[2]
    assert quiet["goldstein_sum"] == 0 and quiet["goldstein_mean"] is None and quiet["statement_tone"] is None
    months = dyad_series(con, "USA", "RUS", by="month")
    assert [(r["period"], r["events"]) for r in months] == [(D(2025, 3, 1), 4), (D(2025, 4, 1), 1)]
    days = dyad_series(con, "USA", "RUS", by="day")
    assert len(days) == 24 and sum(r["events"] for r in days) == 5


def test_dyads_since_and_until_bound_the_series(con: duckdb.DuckDBPyConnection) -> None:
    add_article(con, "a1", D(2025, 3, 9))
    for i, day in enumerate([D(2025, 3, 1), D(2025, 3, 10), D(2025, 3, 20)]):
        add_event(con, f"e{i}", "a1", ["USA"], ["RUS"], day=day, trigger=10 * i)
    rows = dyad_series(con, "USA", "RUS", since="2025-03-05", until=D(2025, 3, 12))
    assert [r["period"] for r in rows][0] == D(2025, 3, 5) and rows[-1]["period"] == D(2025, 3, 12)
    assert events_per_period(rows) == {D(2025, 3, 10): 1}
    weeks = dyad_series(con, "USA", "RUS", by="week", since="2025-03-05")
    assert weeks[0]["period"] == D(2025, 3, 3) and sum(r["events"] for r in weeks) == 2
    assert [r["a"] for r in active_dyads(con, since="2025-03-15")] == ["RUS"]
    assert active_dyads(con, since="2025-03-15")[0]["events"] == 1


def test_dyads_statements_by_one_side_about_the_other(con: duckdb.DuckDBPyConnection) -> None:
    add_article(con, "a1", D(2025, 3, 4))
    add_statement(con, "q1", "a1", "RUSGOV", ["USA", "UKR"], 0.4)
    add_statement(con, "q2", "a1", "USAGOV", ["RUSGOV"], -0.2)
    add_statement(con, "q3", "a1", "USAGOV", ["UKR"], 0.9)         # about someone else
    add_statement(con, "q4", "a1", None, ["USA", "RUS"], 0.9)        # no known speaker
    add_statement(con, "q5", "a1", "RUS", ["USA"], None, day=D(2025, 3, 6))
    rows = dyad_series(con, "USA", "RUS")
    assert [(r["period"], r["events"], r["statements"], r["statement_tone"]) for r in rows] == [
        (D(2025, 3, 4), 0, 2, 0.1), (D(2025, 3, 5), 0, 0, None), (D(2025, 3, 6), 0, 1, None)]
    directed = dyad_series(con, "USA", "RUS", directed=True)
    assert [(r["statements"], r["statement_tone"]) for r in directed] == [(1, -0.2)]


@pytest.mark.parametrize(("kwargs", "wrong"), [
    ({"by": "year"}, "by 'year'"), ({"level": "region"}, "level 'region'"), ({"a": "U$A"}, "actor code 'U$A'"),
    ({"since": "2025-02-30"}, "since '2025-02-30'"), ({"until": "March 3"}, "until 'March 3'"),
    ({"since": "2025-03-05", "until": "2025-03-01"}, "since 2025-03-05 is after until 2025-03-01"),
])
def test_dyads_bad_values_are_one_line_errors(con: duckdb.DuckDBPyConnection, kwargs: dict[str, Any], wrong: str) -> None:
    args = {"a": "USA", "b": "RUS", **kwargs}
    with pytest.raises(UsageError) as raised:
        dyad_series(con, args.pop("a"), args.pop("b"), **args)
    assert raised.value.code == "D080" and wrong in str(raised.value) and "\n" not in str(raised.value)


def test_dyads_active_dyads_ranks_country_pairs(con: duckdb.DuckDBPyConnection) -> None:
    add_article(con, "a1", D(2025, 3, 4))
    add_event(con, "e1", "a1", ["USA"], ["RUS"], trigger=0)
    add_event(con, "e2", "a1", ["RUSMIL"], ["UKRMIL"], cameo="190", plover="ASSAULT", quad=4, goldstein=-10.0, trigger=10)
    add_event(con, "e3", "a1", ["UKR"], ["RUS"], cameo="112", plover="ACCUSE", quad=3, goldstein=-2.0, trigger=20,
              day=D(2025, 3, 6))
    add_event(con, "e4", "a1", ["USAGOV"], ["USAMIL"], trigger=30)  # inside one country: no dyad
    add_event(con, "e5", "a1", ["USAGOV"], [], trigger=40)          # no target: no dyad
    add_event(con, "e6", "a1", ["---"], ["RUS"], trigger=50)        # PETRARCH's unnamed actor: no dyad
    add_event(con, "e7", "a1", ["---", "USA"], ["RUS"], mutual=True, trigger=60, goldstein=None)
    top = active_dyads(con)
    assert [(r["a"], r["b"], r["events"]) for r in top] == [("RUS", "UKR", 2), ("RUS", "USA", 2)]
    assert (top[1]["goldstein_sum"], top[1]["goldstein_mean"]) == (1.0, 1.0)  # a missing score is no zero
    assert top[0]["material_conflict"] == 1 and top[0]["verbal_conflict"] == 1
    assert (top[0]["goldstein_sum"], top[0]["goldstein_mean"]) == (-12.0, -6.0)
    assert (top[0]["first"], top[0]["last"]) == (D(2025, 3, 4), D(2025, 3, 6))
    assert len(active_dyads(con, limit=1)) == 1
    with pytest.raises(UsageError):
        active_dyads(con, limit=0)


def test_dyads_empty_database(con: duckdb.DuckDBPyConnection) -> None:
    assert dyad_series(con, "USA", "RUS") == [] and active_dyads(con) == []
    # with both bounds given, the quiet periods are listed
    assert [r["events"] for r in dyad_series(con, "USA", "RUS", by="month", since="2025-01-15", until="2025-03-01")] == [0, 0, 0]


# ----------------------------------------------------------------------------- CLI

def cli_app() -> typer.Typer:
    """``dyad`` and ``export`` on a tiny app (until the lead registers them on ``detente``)."""
    if "dyad" in {c.name for c in detente_app.registered_commands}:
        return detente_app
    app = typer.Typer()
    relations_cli.register(app)
    return app


def test_dyads_cli_formats(db_path: Path) -> None:
    with Store(db_path) as store:
        add_article(store.con, "a1", D(2025, 3, 4))
        add_event(store.con, "e1", "a1", ["USAGOV"], ["RUSGOV"], trigger=0)
        add_event(store.con, "e2", "a1", ["RUS"], ["USA"], cameo="112", plover="ACCUSE", quad=3, goldstein=-2.0,
                  trigger=10, day=D(2025, 3, 12))
    app = cli_app()
    result = runner.invoke(app, ["dyad", "USA", "RUS", "--db", str(db_path), "--by", "week", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["period"], r["events"], r["consult"], r["accuse"]) for r in rows] == [
        ("2025-03-03", 1, 1, 0), ("2025-03-10", 1, 0, 1)]
    assert list(rows[0]) == list(SERIES_COLUMNS)
    result = runner.invoke(app, ["dyad", "USA", "RUS", "--db", str(db_path), "--directed", "--format", "csv"])
    lines = result.stdout.splitlines()
    assert lines[0].split(",") == list(SERIES_COLUMNS) and len(lines) == 2 and lines[1].startswith("2025-03-04,1,")
    result = runner.invoke(app, ["dyad", "USAGOV", "RUSGOV", "--db", str(db_path), "--sector", "--by", "month"],
                           env={"COLUMNS": "160"})
    assert result.exit_code == 0 and "2025-03-01" in result.stdout and "CONSULT×1" in result.stdout
    assert "ACCUSE" not in result.stdout  # RUS -> USA is not RUSGOV -> USAGOV at sector level


@pytest.mark.parametrize(("args", "code", "message"), [
    (["--since", "2025-13-01"], 1, "[D080] bad value: since '2025-13-01' is not a date"),
    (["--by", "fortnight"], 1, "[D080] bad value: by 'fortnight'"),
    (["--format", "xml"], 2, "[D080] bad value: --format 'xml'"),
])
def test_dyads_cli_errors_are_one_red_line(db_path: Path, args: list[str], code: int, message: str) -> None:
    Store(db_path).close()
    result = runner.invoke(cli_app(), ["dyad", "USA", "RUS", "--db", str(db_path), *args])
    assert result.exit_code == code
    assert result.stderr.strip().startswith(message) and len(result.stderr.strip().splitlines()) == 1


# ----------------------------------------------------------------------------- the real pipeline

@pytest.fixture(scope="module")
def examples_db(tmp_path_factory: pytest.TempPathFactory, examples_dir: Path) -> Path:
    db = tmp_path_factory.mktemp("dyads") / "examples.duckdb"
    result = runner.invoke(detente_app, ["run", str(examples_dir), "--db", str(db)])
    assert result.exit_code in (0, 1), result.output  # the examples hold one broken feed on purpose
    return db


def oracle(db: Path, a: str, b: str, directed: bool) -> dict[dt.date, dict[str, Any]]:
    """The series recomputed in Python from the stored rows, rule by rule."""
    with Store(db, read_only=True) as store:
        rows = store.con.execute(
            "SELECT e.article_id, e.trigger_start, e.trigger_end, e.cameo, [p.code FOR p IN e.source], "
            "[p.code FOR p IN e.target], e.negated, e.hypothetical, coalesce(e.event_date, a.published), a.duplicate_of, "
            "e.quad_class, e.plover, e.goldstein FROM events e JOIN articles a ON a.id = e.article_id").fetchall()
    seen: dict[tuple[Any, ...], tuple[Any, ...]] = {}
    for art, start, end, cameo, src, tgt, negated, hypothetical, day, dup, quad, plover, goldstein in rows:
        if negated or hypothetical or dup or day is None:
            continue
        s, t = {actor_key(c) for c in src}, {actor_key(c) for c in tgt}
        if (a in s and b in t) or (not directed and b in s and a in t):
            seen[(art, start, end, cameo)] = (day, quad, plover, goldstein)
    out: dict[dt.date, dict[str, Any]] = defaultdict(lambda: {"events": 0, "quads": defaultdict(int),
                                                              "plover": defaultdict(int), "goldstein": 0.0})
    for day, quad, plover, goldstein in seen.values():
        cell = out[day]
        cell["events"] += 1
        cell["quads"][quad] += 1
        cell["plover"][plover] += 1
        cell["goldstein"] += goldstein or 0.0
    return out


@pytest.mark.slow
@pytest.mark.parametrize(("a", "b"), [("USA", "RUS"), ("USA", "UKR"), ("RUS", "UKR")])
@pytest.mark.parametrize("directed", [False, True])
def test_dyads_examples_match_the_rules(examples_db: Path, a: str, b: str, directed: bool) -> None:
    expected = oracle(examples_db, a, b, directed)
    with Store(examples_db, read_only=True) as store:
        rows = dyad_series(store.con, a, b, directed=directed)
    got = {r["period"]: r for r in rows if r["events"]}
    assert set(got) == set(expected)
    for day, cell in expected.items():
        row = got[day]
        assert row["events"] == cell["events"], day
        assert [row[q] for q in ("verbal_coop", "material_coop", "verbal_conflict", "material_conflict")] == [
            cell["quads"][n] for n in (1, 2, 3, 4)]
        assert all(row[t.lower()] == cell["plover"][t] for t in PLOVER_TYPES)
        assert row["goldstein_sum"] == pytest.approx(cell["goldstein"], abs=1e-3)
    if not directed:
        assert sum(r["events"] for r in rows) >= 3, f"{a}-{b}: the examples report several {a}-{b} events"


@pytest.mark.slow
def test_dyads_examples_riyadh_wire_copy_counts_once(examples_db: Path) -> None:
    """The Riyadh meeting is reported twice (an article and its wire copy): one event that week."""
    with Store(examples_db, read_only=True) as store:
        copies = store.con.execute("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL").fetchone()
        weeks = dyad_series(store.con, "USA", "RUS", by="week", since="2025-02-17", until="2025-02-23")
        top = active_dyads(store.con, limit=3)
    assert copies == (1,)
    assert [(w["period"], w["events"], w["consult"]) for w in weeks] == [(D(2025, 2, 17), 1, 1)]
    pairs = {(r["a"], r["b"]) for r in top}
    assert ("RUS", "USA") in pairs and ("UKR", "USA") in pairs
    assert all(r["events"] >= 5 for r in top[:2])
