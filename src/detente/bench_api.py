"""``detente bench api``: latency of the events and dyad-series endpoints over a large
synthetic record (1M events by default), with the trivial ``/health`` endpoint as the
baseline measured in the same run.

The record is generated in DuckDB by SQL (no parsing): 30 countries, sector codes on a third
of the parties, 20 CAMEO codes across the PLOVER types, one event in 50 negated and one in 20
hypothetical, a third mutual, dates over three years. Requests go through the real ASGI app
with httpx, one at a time.
"""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["bench_api", "make_synthetic_record"]

_COUNTRIES = ["USA", "RUS", "UKR", "CHN", "IND", "PAK", "IRN", "ISR", "TUR", "FRA", "DEU", "GBR", "POL", "JPN", "KOR",
              "PRK", "SAU", "QAT", "EGY", "BRA", "MEX", "CAN", "ZAF", "NGA", "ETH", "VEN", "COL", "ARM", "AZE", "BLR"]
# (cameo, plover, goldstein, quad class)
_CODES = [("010", "CONSULT", 0.0, 1), ("036", "CONSULT", 4.0, 1), ("040", "CONSULT", 1.0, 1), ("042", "CONSULT", 1.9, 1),
          ("043", "CONSULT", 2.8, 1), ("051", "SUPPORT", 3.4, 1), ("057", "AGREE", 8.0, 1), ("061", "COOPERATE", 6.4, 2),
          ("070", "AID", 7.0, 2), ("081", "CONCEDE", 5.0, 2), ("112", "ACCUSE", -2.0, 3), ("120", "REJECT", -4.0, 3),
          ("130", "THREATEN", -4.4, 3), ("141", "PROTEST", -6.5, 3), ("163", "SANCTION", -8.0, 4),
          ("152", "MOBILIZE", -7.2, 4), ("173", "COERCE", -5.0, 4), ("190", "ASSAULT", -10.0, 4),
          ("195", "ASSAULT", -10.0, 4), ("1011", "REQUEST", -5.0, 3)]


def make_synthetic_record(path: Path, events: int = 1_000_000, articles: int = 20_000) -> None:
    """Write a detente database with ``events`` synthetic events over ``articles`` articles."""
    from detente.store import Store

    countries = "[" + ", ".join(f"'{c}'" for c in _COUNTRIES) + "]"
    cameos = "[" + ", ".join(f"'{c[0]}'" for c in _CODES) + "]"
    plovers = "[" + ", ".join(f"'{c[1]}'" for c in _CODES) + "]"
    weights = "[" + ", ".join(str(c[2]) for c in _CODES) + "]"
    quads = "[" + ", ".join(str(c[3]) for c in _CODES) + "]"
    n, m = len(_COUNTRIES), len(_CODES)
    with Store(path) as store:
        con = store.con
        con.execute(f"""
            INSERT INTO articles (id, locator, format, language, published, date_method, chars, words, text, run_id, ingested_at)
            SELECT printf('a%015d', i), 'synthetic', 'txt', 'en', DATE '2022-01-01' + CAST(i % 1100 AS INTEGER),
                   'metadata', 60, 10, 'Synthetic article ' || i || '. It states one event.', 0, now()
            FROM range({articles}) t(i)""")
        con.execute(f"""
            INSERT INTO events
            SELECT printf('%016x', i), printf('a%015d', i % {articles}), 0, 0, 18,
                   [{{'code': {countries}[1 + CAST(hash(i) % {n} AS INTEGER)] || CASE WHEN i % 3 = 0 THEN 'GOV' ELSE '' END,
                      'text': 'x', 'start_char': 0, 'end_char': 1, 'kind': 'country'}}],
                   [{{'code': {countries}[1 + CAST(hash(i * 7 + 1) % {n} AS INTEGER)] || CASE WHEN i % 5 = 0 THEN 'MIL' ELSE '' END,
                      'text': 'y', 'start_char': 2, 'end_char': 3, 'kind': 'country'}}],
                   'states', 4, 10,
                   {cameos}[1 + CAST(hash(i * 13) % {m} AS INTEGER)], {plovers}[1 + CAST(hash(i * 13) % {m} AS INTEGER)],
                   {weights}[1 + CAST(hash(i * 13) % {m} AS INTEGER)], {quads}[1 + CAST(hash(i * 13) % {m} AS INTEGER)],
                   i % 50 = 0, i % 20 = 0, i % 3 = 0,
                   DATE '2022-01-01' + CAST((i % {articles}) % 1100 AS INTEGER), 'synthetic', 'bench', 0
            FROM range({events}) t(i)""")
        con.execute("CHECKPOINT")


def _percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return {"p50_ms": round(statistics.median(ordered) * 1000, 2), "p95_ms": round(p95 * 1000, 2), "n": len(ordered)}


def bench_api(events: int = 1_000_000, requests: int = 40, db: Path | None = None,
              log: Callable[[str], None] | None = None) -> dict[str, Any]:
    """p50/p95 latency per endpoint over a synthetic record; ``db`` keeps the file (else a temp dir)."""
    import httpx

    from detente.api import create_app

    say = log or (lambda message: None)
    with tempfile.TemporaryDirectory(prefix="detente-bench-api-") as tmp:
        path = db or Path(tmp) / "bench.duckdb"
        if not path.exists():
            started = time.perf_counter()
            make_synthetic_record(path, events=events)
            say(f"generated {events:,} synthetic events in {time.perf_counter() - started:.1f} s")
        app = create_app(path)
        probes = {
            "baseline /health": ["/health"],
            "events: first page (100)": ["/api/events?limit=100"],
            "events: dyad USA,RUS": ["/api/events?dyad=USA,RUS&limit=100"],
            "events: actor CHN, ASSAULT": ["/api/events?actor=CHN&plover=ASSAULT&limit=100"],
            "events: next pages by cursor (20)": [],
            "series: USA-RUS by day": ["/api/dyads/USA/RUS/series?by=day"],
            "series: USA-RUS by week": ["/api/dyads/USA/RUS/series?by=week"],
            "series: CHN-IND by month, directed": ["/api/dyads/CHN/IND/series?by=month&directed=true"],
        }

        async def measure() -> dict[str, list[float]]:
            out: dict[str, list[float]] = {k: [] for k in probes}
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
                for name, urls in probes.items():
                    if urls:
                        await client.get(urls[0])          # warm caches once
                for _ in range(requests):
                    for name, urls in probes.items():
                        if not urls:
                            continue
                        started = time.perf_counter()
                        response = await client.get(urls[0])
                        out[name].append(time.perf_counter() - started)
                        response.raise_for_status()
                    # walk a few pages of one listing by cursor
                    cursor = (await client.get("/api/events?dyad=USA,RUS&limit=20")).json().get("next_cursor")
                    for _page in range(3):
                        if not cursor:
                            break
                        started = time.perf_counter()
                        page = (await client.get(f"/api/events?dyad=USA,RUS&limit=20&cursor={cursor}")).json()
                        out["events: next pages by cursor (20)"].append(time.perf_counter() - started)
                        cursor = page.get("next_cursor")
            return out

        samples = asyncio.run(measure())
    result: dict[str, Any] = {"events": events, "requests": requests, "endpoints": {}}
    base = _percentiles(samples["baseline /health"])
    for name, values in samples.items():
        if not values:
            continue      # a record too small for a second page
        stats = _percentiles(values)
        stats["p95_to_baseline"] = round(stats["p95_ms"] / base["p95_ms"], 1) if base["p95_ms"] else None
        result["endpoints"][name] = stats
    worst = max((v["p95_ms"] for k, v in result["endpoints"].items() if k != "baseline /health"), default=0.0)
    result["worst_p95_ms"] = worst
    return result
