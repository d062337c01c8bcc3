"""The CAMEO event-code table: the shipped data, its checks, and the describe() fallbacks."""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest

from detente.events.cameo import (
    PLOVER_TYPES,
    QUAD_CLASSES,
    CameoCode,
    cameo_table,
    describe,
    parse_table,
    quad_class,
)

ROOTS = [f"{n:02d}" for n in range(1, 21)]


def _toml_text() -> str:
    return resources.files("detente.events").joinpath("data", "cameo.toml").read_text(encoding="utf-8")


def _entry(code: str, **extra: object) -> str:
    fields = {"code": code, "label": f"label {code}", "goldstein": 0.0, **extra}
    body = "\n".join(f"{k} = {v!r}" if not isinstance(v, str) else f'{k} = "{v}"' for k, v in fields.items())
    return f"[[code]]\n{body}\n"


def _valid_roots(skip: str = "") -> str:
    return "".join(_entry(r) for r in ROOTS if r != skip)


# --- the shipped table ---------------------------------------------------------------------

def test_table_size_and_roots() -> None:
    table = cameo_table()
    assert len(table) > 250
    assert len(table) == 316
    for root in ROOTS:
        assert root in table, root
    assert all(isinstance(c, CameoCode) and c.code == k for k, c in table.items())


def test_every_subcode_has_its_parents() -> None:
    table = cameo_table()
    for code in table:
        assert code[:2] in ROOTS
        if len(code) == 4:
            assert code[:3] in table, code


def test_toml_has_header_and_unique_codes() -> None:
    text = _toml_text()
    assert text.startswith("#")
    assert "goldsteinscale" in text and "PLOVER" in text
    codes = [e["code"] for e in tomllib.loads(text)["code"]]
    assert len(codes) == len(set(codes))


def test_codes_are_standard_cameo() -> None:
    table = cameo_table()
    for code in ("010", "0231", "0256", "0874", "1056", "1246", "1385", "1454", "1663", "1724", "1833", "2042"):
        assert code in table, code
    for code in ("1213", "1717", "209", "0875"):  # not CAMEO codes
        assert code not in table


@pytest.mark.parametrize(("code", "weight"), [
    ("010", 0.0), ("011", -0.1), ("018", 3.4), ("02", 3.0), ("036", 4.0), ("040", 1.0), ("042", 1.9),
    ("043", 2.8), ("057", 8.0), ("074", 8.5), ("0874", 10.0), ("100", -5.0), ("112", -2.0), ("130", -4.4),
    ("13", -6.0), ("145", -7.5), ("163", -8.0), ("171", -9.2), ("175", -9.0), ("182", -9.5),
    ("190", -10.0), ("191", -9.5), ("20", -10.0),
])
def test_goldstein_weights(code: str, weight: float) -> None:
    assert cameo_table()[code].goldstein == weight


def test_goldstein_range_and_parent_fallback_notes() -> None:
    entries = {e["code"]: e for e in tomllib.loads(_toml_text())["code"]}
    table = cameo_table()
    assert all(-10.0 <= c.goldstein <= 10.0 for c in table.values())
    from_parent = {k for k, e in entries.items() if "goldstein from parent" in e.get("note", "")}
    assert from_parent == {"155", "176", "1834", "1951", "1952"}
    for code in from_parent:
        assert table[code].goldstein == table[code[:-1]].goldstein


@pytest.mark.parametrize(("root", "quad"), [
    ("01", 1), ("02", 1), ("03", 1), ("04", 1), ("05", 1), ("06", 2), ("07", 2), ("08", 2),
    ("09", 3), ("10", 3), ("11", 3), ("12", 3), ("13", 3), ("14", 3),
    ("15", 4), ("16", 4), ("17", 4), ("18", 4), ("19", 4), ("20", 4),
])
def test_quad_class_by_root(root: str, quad: int) -> None:
    table = cameo_table()
    assert quad_class(root) == quad
    assert {c.quad_class for k, c in table.items() if k.startswith(root)} == {quad}


def test_quad_class_names() -> None:
    assert QUAD_CLASSES == {1: "verbal cooperation", 2: "material cooperation",
                            3: "verbal conflict", 4: "material conflict"}
    assert QUAD_CLASSES[cameo_table()["0874"].quad_class] == "material cooperation"


@pytest.mark.parametrize(("code", "plover"), [
    ("030", "AGREE"), ("036", "AGREE"),  # an intent to meet is AGREE; the meeting itself is CONSULT
    ("040", "CONSULT"), ("042", "CONSULT"), ("046", "CONSULT"),
    ("051", "SUPPORT"), ("057", "SUPPORT"),  # signing is SUPPORT; promising to sign is AGREE (030s)
    ("055", "CONCEDE"),  # apologies: the manual codes regret as CONCEDE
    ("061", "COOPERATE"), ("062", "COOPERATE"),
    ("070", "AID"), ("075", "AID"),
    ("080", "CONCEDE"), ("081", "CONCEDE"), ("0813", "CONCEDE"), ("083", "CONCEDE"),
    ("084", "RETREAT"), ("0841", "RETREAT"), ("086", "RETREAT"), ("087", "RETREAT"), ("0874", "RETREAT"),
    ("090", "ACCUSE"), ("100", "REQUEST"), ("1053", "REQUEST"),
    ("111", "ACCUSE"), ("112", "ACCUSE"), ("115", "ACCUSE"), ("116", "SANCTION"),
    ("120", "REJECT"), ("125", "REJECT"),
    ("130", "THREATEN"), ("1384", "THREATEN"),
    ("140", "PROTEST"), ("145", "PROTEST"),
    ("150", "MOBILIZE"), ("154", "MOBILIZE"),
    ("161", "SANCTION"), ("163", "SANCTION"), ("166", "SANCTION"),
    ("170", "COERCE"), ("173", "COERCE"), ("174", "COERCE"), ("191", "COERCE"),
    ("1712", "ASSAULT"), ("175", "ASSAULT"), ("180", "ASSAULT"), ("186", "ASSAULT"),
    ("190", "ASSAULT"), ("192", "ASSAULT"), ("193", "ASSAULT"), ("195", "ASSAULT"),
    ("200", "ASSAULT"), ("2042", "ASSAULT"),
])
def test_plover_mapping(code: str, plover: str) -> None:
    assert cameo_table()[code].plover == plover


def test_plover_dropped_for_statements_and_appeals() -> None:
    table = cameo_table()
    dropped = {k for k, c in table.items() if c.plover is None}
    assert dropped == {k for k in table if k[:2] == "01"}
    assert all(c.plover_mode is None for k, c in table.items() if k in dropped)
    # appeals are kept as requests (a documented departure from the manual), marked by mode
    assert all(c.plover == "REQUEST" and c.plover_mode == "appeal" for k, c in table.items() if k[:2] == "02")


def test_every_plover_type_is_used() -> None:
    assert len(PLOVER_TYPES) == 16 == len(set(PLOVER_TYPES))
    assert PLOVER_TYPES[0] == "AGREE" and PLOVER_TYPES[-1] == "ASSAULT"
    used = {c.plover for c in cameo_table().values()}
    assert used - {None} == set(PLOVER_TYPES)


@pytest.mark.parametrize(("code", "mode"), [
    ("041", "phone"), ("044", "third-party"), ("0841", "release"), ("0871", "ceasefire"),
    ("094", "investigate"), ("1034", "assist"), ("1382", "territory"), ("1421", "hunger"),
    ("1723", "curfew"), ("1831", "suicide-attack"), ("202", "massacre"), ("040", None),
])
def test_plover_modes(code: str, mode: str | None) -> None:
    assert cameo_table()[code].plover_mode == mode


def test_labels_are_short_and_present() -> None:
    for code, c in cameo_table().items():
        assert c.label.strip() and len(c.label) <= 70, code
    assert cameo_table()["012"].label == "Make pessimistic comment"
    assert cameo_table()["036"].label == "Express intent to meet or negotiate"


def test_table_is_loaded_once() -> None:
    assert cameo_table() is cameo_table()


# --- describe() and quad_class() ---------------------------------------------------------------

def test_describe_exact() -> None:
    assert describe("190") is cameo_table()["190"]
    assert describe("01") is cameo_table()["01"]


@pytest.mark.parametrize(("code", "parent"), [
    ("1717", "171"), ("0875", "087"), ("174K", "174"), ("174k", "174"), ("0100", "010"),
    ("209", "20"), ("10X", "10"), ("17123", "1712"),
])
def test_describe_falls_back_to_longest_known_prefix(code: str, parent: str) -> None:
    got = describe(code)
    ref = cameo_table()[parent]
    assert got is not None
    assert got.code == code
    assert (got.label, got.goldstein, got.quad_class, got.plover, got.plover_mode) == (
        ref.label, ref.goldstein, ref.quad_class, ref.plover, ref.plover_mode)
    assert code not in cameo_table()  # the fallback does not add to the table


@pytest.mark.parametrize("code", ["---", "904", "", "abc", "1", "00", "21", "990", "X10", " 010"])
def test_describe_unknown_roots(code: str) -> None:
    assert describe(code) is None
    assert quad_class(code) is None


def test_quad_class_of_fallbacks() -> None:
    assert quad_class("1717") == 4
    assert quad_class("0875") == 2
    assert quad_class("057") == 1
    assert quad_class("112") == 3


# --- validation ------------------------------------------------------------------------------

def test_parse_table_accepts_minimal_table() -> None:
    table = parse_table(_valid_roots() + _entry("190", goldstein=-10.0, plover="ASSAULT"))
    assert len(table) == 21
    assert table["190"] == CameoCode("190", "label 190", -10.0, 4, "ASSAULT", None)


def test_parse_table_lists_every_problem() -> None:
    text = (
        _valid_roots(skip="07")
        + _entry("190", goldstein=-10.5)
        + _entry("190")
        + _entry("0311", plover="FIGHT")
        + _entry("1712")
        + _entry("215")
        + _entry("181", plover_mode="beat")
        + "[[code]]\ncode = \"182\"\ngoldstein = true\ncolour = \"red\"\n"
    )
    with pytest.raises(ValueError) as err:
        parse_table(text)
    msg = str(err.value)
    expected = [
        "code '190': goldstein -10.5 outside [-10, 10]",
        "code '190': duplicate",
        "code '0311': plover 'FIGHT' is not a PLOVER type",
        "code '0311': parent '031' missing",
        "code '1712': parent '171' missing",
        "code '215': not a CAMEO code",
        "code '181': plover_mode without plover",
        "code '182': unknown field 'colour'",
        "code '182': missing 'label'",
        "code '182': 'goldstein' has the wrong type (bool)",
        "root '07' missing",
    ]
    for part in expected:
        assert part in msg, part
    assert f"({len(msg.splitlines()) - 1} problems)" in msg.splitlines()[0]


def test_parse_table_rejects_bad_toml() -> None:
    with pytest.raises(ValueError, match="invalid CAMEO table"):
        parse_table("[[code]\n")
    with pytest.raises(ValueError, match="array of tables"):
        parse_table('code = "010"\n')
