"""The PETRARCH records harness: how a record's text is prepared before it is parsed."""

from __future__ import annotations

from pathlib import Path

from detente.evaluation.petrarch import coding_text, evaluate_petrarch

RECORDS = """<Validation>
<Environment>
    <Verbfile>verbs.txt</Verbfile>
    <Actorfile>actors.txt</Actorfile>
</Environment>
<Sentences>
<Sentence date="19990809" id="U-01" category="DEMO" sentence="true">
<EventCoding sourcecode="ITH" targetcode="DOL" eventcode="160"></EventCoding>
<Text>
Ithilen warned the Prince of Dol_Amroth.
</Text>
</Sentence>
</Sentences>
</Validation>
"""


def test_underscores_join_words_as_in_the_dictionaries() -> None:
    assert coding_text("the Prince of Dol_Amroth.") == "the Prince of Dol Amroth."
    assert coding_text("Minas_Tirith  and\nGondor") == "Minas Tirith and Gondor"
    assert coding_text("no underscores here") == "no underscores here"


def test_a_name_written_with_underscores_is_coded(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "PETR.UnitTest.records.xml").write_text(RECORDS, encoding="utf-8")
    (tmp_path / "verbs.txt").write_text("--- WARN [160] ---\nWARN\n", encoding="utf-8")
    (tmp_path / "actors.txt").write_text("ITHILEN [ITH]\nPRINCE OF DOL AMROTH [DOL]\n", encoding="utf-8")
    report = evaluate_petrarch(tmp_path, nlp)
    [result] = report.results
    assert result.record.text == "Ithilen warned the Prince of Dol_Amroth."   # the record is kept as read
    assert result.predicted == frozenset({("ITH", "DOL", "160")}) and result.exact


NEW_ACTORS = """<Validation>
<Environment>
    <Verbfile>verbs.txt</Verbfile>
    <Actorfile>actors.txt</Actorfile>
</Environment>
<Sentences>
<Config option="new_actor_length" value="4"></Config>
<Sentence date="19950103" id="N-4" category="ACTOR" sentence="true">
<EventCoding sourcecode='"THE MINISTRY OF MAGIC"' targetcode="ITH" eventcode="160"></EventCoding>
<Text>The Ministry of Magic warned Ithilen.</Text>
</Sentence>
<Config option="new_actor_length" value="3"></Config>
<Sentence date="19950103" id="N-3" category="ACTOR" sentence="true">
<EventCoding noevents="True"></EventCoding>
<Text>The Ministry of Magic warned Ithilen.</Text>
</Sentence>
<Config option="new_actor_length" value="0"></Config>
<Sentence date="19950103" id="N-0" category="ACTOR" sentence="true">
<EventCoding noevents="True"></EventCoding>
<Text>The Ministry of Magic warned Ithilen.</Text>
</Sentence>
</Sentences>
</Validation>
"""


def test_new_actor_length_follows_the_config_elements(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "PETR.UnitTest.records.xml").write_text(NEW_ACTORS, encoding="utf-8")
    (tmp_path / "verbs.txt").write_text("--- WARN [160] ---\nWARN\nWARNED\n", encoding="utf-8")
    (tmp_path / "actors.txt").write_text("ITHILEN [ITH]\n", encoding="utf-8")
    report = evaluate_petrarch(tmp_path, nlp)
    got = {r.record.id: r.predicted for r in report.results}
    assert got == {"N-4": frozenset({('"THE MINISTRY OF MAGIC"', "ITH", "160")}), "N-3": frozenset(), "N-0": frozenset()}
    assert report.exact == 3
