"""``detente bench``: speed and memory measurements (see ``benchmarks/``)."""

from __future__ import annotations

from pathlib import Path

import typer

from detente.cli.render import guarded, out, print_json

__all__ = ["app"]

app = typer.Typer(help="Speed and memory benchmarks, as ratios to a baseline measured in the same run.", no_args_is_help=True)


@app.command("ingest")
def ingest(
    articles: int = typer.Option(300, min=10, help="Articles in the generated corpus."),
    n_process: int = typer.Option(0, min=0, help="Worker processes (0: all cores)."),
    rounds: int = typer.Option(2, min=1, help="Alternating rounds of baseline and pipeline; the best of each is kept."),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
) -> None:
    """Whole-run ingest speed next to raw spaCy ``nlp.pipe`` speed on the same texts.

    Example: detente bench ingest --articles 300
    """
    from detente.bench import bench_ingest

    with guarded():
        result = bench_ingest(articles=articles, n_process=n_process, rounds=rounds, log=None if as_json else out.print)
    if as_json:
        print_json(result)
        return
    out.print(
        f"corpus: {result['articles']} articles, {result['words']:,} words; {result['n_process']} processes\n"
        f"raw nlp.pipe : {result['baseline_articles_per_s']:.1f} articles/s, {result['baseline_words_per_s']:,.0f} words/s\n"
        f"detente run  : {result['run_articles_per_s']:.1f} articles/s, {result['run_words_per_s']:,.0f} words/s\n"
        f"[bold]ratio run/raw: {result['ratio']:.2f}[/bold] (target ≥ 0.8)\n"
        f"peak memory: {result['peak_rss_mb']:.0f} MB (all processes)"
    )


@app.command("code")
def code(
    articles: int = typer.Option(300, min=10, help="Articles in the generated corpus."),
    n_process: int = typer.Option(0, min=0, help="Worker processes for the run (0: all cores)."),
    rounds: int = typer.Option(2, min=1, help="Rounds; the best of each measurement is kept."),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
) -> None:
    """Whole-run speed (ingest, parse, code) next to raw ``nlp.pipe``; the coder alone on parsed sentences.

    Example: detente bench code --articles 300
    """
    from detente.bench import bench_code

    with guarded():
        result = bench_code(articles=articles, n_process=n_process, rounds=rounds, log=None if as_json else out.print)
    if as_json:
        print_json(result)
        return
    out.print(
        f"corpus: {result['articles']} articles, {result['words']:,} words, {result['sentences']:,} sentences; "
        f"{result['n_process']} processes\n"
        f"raw nlp.pipe : {result['baseline_articles_per_s']:.1f} articles/s\n"
        f"detente run  : {result['run_articles_per_s']:.1f} articles/s (ingest, parse, code)\n"
        f"[bold]ratio run/raw: {result['ratio']:.2f}[/bold] (target ≥ 0.8)\n"
        f"coder alone  : [bold]{result['code_sentences_per_s']:,.0f} sentences/s[/bold] on one core (target ≥ 5,000; "
        f"{result['events']} events); one-core nlp.pipe {result['parse_sentences_per_s']:,.0f} sentences/s, "
        f"so coding is {result['code_to_parse_ratio']:.0f}× faster than parsing\n"
        f"design check: the dependency parser is {result['parser_share']:.0%} of the model's time and "
        f"{result['candidate_share']:.0%} of sentences name an actor, so parsing candidates only would save at most "
        f"{result['parser_share'] * (1 - result['candidate_share']):.0%}\n"
        f"peak memory: {result['peak_rss_mb']:.0f} MB (all processes)"
    )


@app.command("api")
def api(
    events: int = typer.Option(1_000_000, min=1000, help="Synthetic events to generate."),
    requests: int = typer.Option(40, min=5, help="Requests per endpoint."),
    db: Path | None = typer.Option(None, "--keep", help="Write (or reuse) the synthetic database here."),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
) -> None:
    """p50/p95 latency of the events and dyad-series endpoints over a synthetic record.

    Example: detente bench api --events 1000000
    """
    from detente.bench_api import bench_api

    with guarded():
        result = bench_api(events=events, requests=requests, db=db, log=None if as_json else out.print)
    if as_json:
        print_json(result)
        return
    rows = [{"endpoint": k, **v} for k, v in result["endpoints"].items()]
    from detente.cli.render import print_table

    print_table(rows, [("endpoint", "endpoint"), ("p50_ms", "p50 ms"), ("p95_ms", "p95 ms"), ("p95_to_baseline", "p95 / baseline"),
                       ("n", "requests")], title=f"API latency over {result['events']:,} synthetic events")
    out.print(f"[bold]worst p95: {result['worst_p95_ms']:.1f} ms[/bold] (target < 100 ms)")
