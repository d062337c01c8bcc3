"""PETRARCH verb dictionaries read as PETRARCH reads them: blocks filed under their first word,
later listings winning, lenient block headers and synset plurals (small synthetic files)."""

from __future__ import annotations

from pathlib import Path

from detente.events.petrarch import load_petrarch_verbs


def _verbs(tmp_path: Path, text: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "verbs.txt"
    path.write_text(text, encoding="utf-8")
    return load_petrarch_verbs(path)


def test_blocks_starting_with_the_same_word_pool_their_patterns(tmp_path: Path) -> None:
    d = _verbs(tmp_path, "--- SHOT [---] ---\nSHOT\n- * AND_WOUNDED  [223]\n\n"
                         "--- SHOT  [223] ---\nSHOT\n- + WAS * DEAD IN $ [224]\n")
    [shot] = d.by_form["shot"]
    assert shot.code == "223"                                           # the later block's code
    assert sorted(p.text for p in shot.patterns) == ["* AND_WOUNDED", "+ WAS * DEAD IN $"]


def test_a_word_listed_again_later_takes_the_later_listing(tmp_path: Path) -> None:
    d = _verbs(tmp_path, "--- URGE [102] ---\nURGE\n- HAS *  [122]\n\n"
                         "--- PLEAD [095] ---\nPLEAD\nURGE [096]\n\n"
                         "--- URGING [104] ---\nURGING\n")
    [urge] = d.by_form["urge"]
    assert (urge.name, urge.code, urge.patterns) == ("PLEAD", "096", ())   # URGE moved to the PLEAD block
    assert [v.code for v in d.by_form["urges"]] == ["096"]                 # and so did its forms
    [urging] = d.by_form["urging"]
    assert (urging.name, urging.code) == ("URGING", "104")                 # but this one is listed later


def test_block_headers_without_closing_dashes_or_with_stray_ones(tmp_path: Path) -> None:
    d = _verbs(tmp_path, "--- TROUBLED  [---] # NOUN ---\nTROUBLED\n- SAID *  [131]\n\n"
                         "---  OVERRULE   [120]---  ---\nOVERRULE\n\n"
                         "--- DELAY [120]  [031:031]  ---\nDELAY\n")
    assert not d.problems                                                    # type: ignore[attr-defined]
    assert [p.text for p in d.by_form["troubled"][0].patterns] == ["SAID *"]
    assert (d.by_form["overrule"][0].name, d.by_form["overrule"][0].code) == ("OVERRULE", "120")
    assert d.by_form["delay"][0].code == "120"                              # the first bracket
    d = _verbs(tmp_path, "--- MEET [031] ---\nMEET\n--- ODD  [031\nODD\n")
    assert len(d.problems) == 1 and "odd" not in d.by_form                 # type: ignore[attr-defined]


def test_synset_members_match_their_plurals(tmp_path: Path) -> None:
    d = _verbs(tmp_path, "&TIE\n+RELATION\n+DIPLOMATIC_TIES\n+ACCORD_\n\n&NOPL_\n+TALK\n\n"
                         "--- CUT [190] ---\nCUT\n- * &TIE  [161]\n- * &NOPL [160]\n")
    assert ("relations",) in d.synsets["tie"] and ("relation",) in d.synsets["tie"]
    assert ("diplomatic", "ties") in d.synsets["tie"]                    # already plural: left alone
    assert ("accords",) not in d.synsets["tie"]                          # "ACCORD_": no plural
    assert d.synsets["nopl"] == (("talk",),)                             # "&NOPL_": no plurals
