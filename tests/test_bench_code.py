"""``detente bench code`` end to end on a tiny corpus: both figures are measured and reported."""

from __future__ import annotations

from detente.bench import CODER_PASSES, bench_code


def test_bench_code_measures_the_run_the_parser_and_the_coder_alone() -> None:
    lines: list[str] = []
    result = bench_code(articles=2, n_process=1, rounds=1, log=lines.append)
    assert result["sentences"] > 0 and result["events"] > 0
    assert result["code_sentences_per_s"] > 0 and result["parse_sentences_per_s"] > 0
    assert result["code_to_parse_ratio"] > 0
    assert 0 < result["candidate_share"] <= 1
    # each round times several passes of the coder over the same parsed sentences
    passes = next(line for line in lines if "coder alone" in line)
    timed = passes.split("(passes ")[1].split(" s;")[0].split(", ")
    assert len(timed) == CODER_PASSES and all(float(t) >= 0 for t in timed)
