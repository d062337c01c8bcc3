"""``detente eval``: quality against gold data, printed as honest numbers."""

from __future__ import annotations

from pathlib import Path

import typer

from detente.cli.render import guarded, out, print_json, print_table

__all__ = ["app"]

app = typer.Typer(help="Evaluate the coder: precision, recall and F1 against gold data.", no_args_is_help=True)


#: the columns of a precision/recall table, after its first
_PRF_COLUMNS = [("tp", "tp"), ("fp", "fp"), ("fn", "fn"), ("precision", "P"), ("recall", "R"), ("f1", "F1")]


def _prf_table(name: str, rows: dict[str, dict[str, object]], title: str) -> None:
    """One row per key of ``rows`` (its P/R/F1 figures), the key under the column ``name``."""
    print_table([{name: k, **v} for k, v in rows.items()], [(name, name), *_PRF_COLUMNS], title=title)


def _prf(s: object) -> dict[str, object]:
    return {"tp": s.tp, "fp": s.fp, "fn": s.fn, "precision": round(s.precision, 3),  # type: ignore[attr-defined]
            "recall": round(s.recall, 3), "f1": round(s.f1, 3)}  # type: ignore[attr-defined]


@app.command("petrarch")
def petrarch(
    folder: Path = typer.Argument(..., help="The folder with PETR.UnitTest.records.xml and its dictionaries."),
    failures: bool = typer.Option(False, "--failures", help="List every record not coded exactly right."),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
) -> None:
    """Code PETRARCH's unit-test records from their text with its dictionaries; score them.

    Example: detente eval petrarch ../shared/petrarch
    """
    from detente.evaluation.petrarch import evaluate_petrarch
    from detente.nlp import load_model

    with guarded():
        report = evaluate_petrarch(folder, load_model())
    total = report.total
    rows = [{"category": c, "records": n, "exact": ok, **_prf(s)} for c, (n, ok, s) in report.by_category().items()]
    if as_json:
        print_json({"records": len(report.results), "exact": report.exact, "events": _prf(total), "categories": rows})
        return
    print_table(rows, [("category", "category"), ("records", "records"), ("exact", "exactly right"),
                       ("precision", "P"), ("recall", "R"), ("f1", "F1")], title="PETRARCH unit-test records by category")
    out.print(f"[bold]exactly right: {report.exact} / {len(report.results)}[/bold]   "
              f"events: P {total.precision:.3f}  R {total.recall:.3f}  F1 {total.f1:.3f} "
              f"(tp {total.tp}, fp {total.fp}, fn {total.fn})")
    if failures:
        for r in report.results:
            if not r.exact:
                out.print(f"{r.record.id} [{r.record.category}] {r.record.text}", markup=False)
                out.print(f"    gold {sorted(r.record.gold)}\n    got  {sorted(r.predicted)}", markup=False)


@app.command("gold")
def gold(
    path: Path | None = typer.Option(None, "--gold", help="The gold file (default: evals/gold/events.jsonl)."),
    by_tag: bool = typer.Option(True, help="Also print the triple F1 for each tag."),
    failures: bool = typer.Option(False, "--failures", help="List every sentence with a wrong or missing triple."),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
) -> None:
    """Score the coder on our own gold sentences: event type, source, target, triple.

    Example: detente eval gold
    """
    from detente.evaluation.gold import LEVELS, default_gold_path, evaluate_gold, read_gold
    from detente.events import load_coder
    from detente.nlp import load_model

    with guarded():
        items = read_gold(path or default_gold_path())
        report = evaluate_gold(items, load_model(), load_coder())
    levels = {level: _prf(report.total(level)) for level in LEVELS}
    tags = {tag: _prf(report.total("triple", tag)) for tag in report.tags()}
    wrong = report.asserted_errors()
    if as_json:
        print_json({"sentences": len(items), "levels": levels, "tags": tags,
                    "unasserted_coded_as_asserted": [r.item.id for r in wrong]})
        return
    _prf_table("level", levels, f"Gold events: {len(items)} sentences")
    if by_tag:
        _prf_table("tag", tags, "Triple by tag")
    out.print(f"negated or hypothetical events coded as having happened: {len(wrong)}"
              + (f" ({', '.join(r.item.id for r in wrong)})" if wrong else ""))
    if failures:
        for r in report.results:
            if r.score("triple").fp or r.score("triple").fn:
                out.print(f"{r.item.id}: {r.item.text}", markup=False)
                out.print(f"    gold {sorted(r.gold['strict'].elements())}\n    got  {sorted(r.predicted['strict'].elements())}"
                          f"\n    rules {r.rules}", markup=False)


@app.command("agreement")
def agreement(
    first: Path = typer.Argument(..., help="The reference annotation (a gold events file)."),
    second: Path = typer.Argument(..., help="A second annotation of the same sentences, made independently."),
    failures: bool = typer.Option(False, "--failures", help="List every sentence the two annotate differently."),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
) -> None:
    """How far two annotators agree: the second annotation scored against the first, at the
    levels ``eval gold`` uses. The coder's figure is read against this ceiling.

    Example: detente eval agreement evals/gold/events_heldout.jsonl evals/gold/events_heldout_second.jsonl
    """
    from detente.evaluation.gold import LEVELS, agreement as agree, read_gold

    with guarded():
        report = agree(read_gold(first), read_gold(second))
    levels = {level: _prf(report.total(level)) for level in LEVELS}
    different = [r for r in report.results if r.gold["strict"] != r.predicted["strict"]]
    same = len(report.results) - len(different)
    if as_json:
        print_json({"sentences": len(report.results), "identical": same, "levels": levels})
        return
    _prf_table("level", levels, f"Agreement of two annotations: {len(report.results)} sentences")
    out.print(f"sentences annotated identically (every triple and flag): {same} / {len(report.results)}")
    if failures:
        for r in different:
            out.print(f"{r.item.id}: {r.item.text}", markup=False)
            out.print(f"    first  {sorted(r.gold['strict'].elements())}\n    second {sorted(r.predicted['strict'].elements())}",
                      markup=False)


@app.command("quotes")
def quotes(
    path: Path | None = typer.Option(None, "--gold", help="The gold file (default: evals/gold/quotes.jsonl)."),
    by_tag: bool = typer.Option(True, help="Also print recall and speaker accuracy for each tag."),
    failures: bool = typer.Option(False, "--failures", help="List every missed, spurious or misattributed statement."),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
) -> None:
    """Score the statement extractor on our own gold articles: spans and speakers.

    Example: detente eval quotes
    """
    from detente.evaluation.quotes import default_quotes_path, evaluate_quotes
    from detente.nlp import load_model

    with guarded():
        report = evaluate_quotes(path or default_quotes_path(), load_model())
    data = report.as_dict()
    if as_json:
        if not failures:
            data.pop("failures")
        print_json(data)
        return
    s = data["span"]
    print_table([{"what": "statement spans", **s}],
                [("what", ""), *_PRF_COLUMNS],
                title=f"Gold statements: {data['articles']} articles, {data['statements']['gold']} statements")
    out.print(f"[bold]span F1 {s['f1']:.3f}   speaker accuracy {data['speaker_accuracy']:.3f}[/bold] "
              f"(over {data['statements']['matched']} matched)   direct/reported right {data['direct_accuracy']:.3f}")
    out.print(f"quoted terms, titles and nicknames wrongly taken as statements: "
              f"{data['not_statements']['emitted']} of {data['not_statements']['gold']}")
    if by_tag:
        print_table([{"tag": k, **v} for k, v in data["tags"].items()],
                    [("tag", "tag"), ("articles", "articles"), ("gold", "statements"), ("matched", "matched"),
                     ("recall", "recall"), ("speaker_accuracy", "speaker acc.")], title="By tag")
    if failures:
        for f in data["failures"]:
            gold_part = f"gold {f['gold']}" if f.get("gold") else ""
            got_part = f"got {f['predicted']}" if f.get("predicted") else ""
            out.print(f"{f['id']} {f['kind']}: {gold_part} {got_part}", markup=False)
