"""The actor dictionary: the shipped data, the lookups, the schema check and dated people."""

from __future__ import annotations

import datetime as dt
import textwrap
from importlib import resources
from pathlib import Path

import pytest

from detente.actors import ActorDictionary, DictionaryError, load_dictionary
from detente.errors import UsageError

BASE_FILES = ("countries.toml", "igos.toml", "agents.toml", "roles.toml")

#: The 193 UN member states, by ISO 3166-1 alpha-3 code.
_UN_MEMBERS = """
    AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA BRN BGR BFA BDI
    CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP CZE PRK COD DNK DJI DMA DOM ECU EGY SLV GNQ ERI
    EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA
    JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM
    MDA MCO MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT
    KOR ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE
    SYR TJK THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR TZA USA URY UZB VUT VEN VNM YEM ZMB ZWE
"""
UN_MEMBERS = set(_UN_MEMBERS.split())


@pytest.fixture(scope="module")
def real() -> ActorDictionary:
    return load_dictionary()


def _base(tmp_path: Path) -> Path:
    """A dictionary directory holding copies of the shipped base files (and no people.toml)."""
    data = resources.files("detente.actors") / "data"
    for name in BASE_FILES:
        (tmp_path / name).write_text((data / name).read_text(encoding="utf-8"), encoding="utf-8")
    return tmp_path


def _append(path: Path, text: str) -> None:
    with path.open("a", encoding="utf-8") as handle:
        handle.write("\n" + textwrap.dedent(text))


def _problems(directory: Path) -> tuple[str, ...]:
    with pytest.raises(DictionaryError) as caught:
        load_dictionary(directory)
    error = caught.value
    assert isinstance(error, UsageError) and error.code == "D082"
    assert str(error).startswith("[D082] bad dictionary: ") and "\n" not in str(error)
    return error.problems


# --- the shipped data ---


def test_actors_all_un_members_and_observers_are_listed(real: ActorDictionary) -> None:
    assert len(UN_MEMBERS) == 193
    by_status: dict[str, set[str]] = {}
    for country in real.countries:
        by_status.setdefault(country.status, set()).add(country.code)
    assert by_status == {"member": UN_MEMBERS, "observer": {"VAT", "PSE"}, "other": {"TWN", "XKX"}}
    assert len(real.countries) == len({c.code for c in real.countries}) == 197


def test_actors_every_country_has_names_and_a_capital(real: ActorDictionary) -> None:
    for country in real.countries:
        assert country.names and country.capitals, country.code
        assert real.country_by_name(country.name) is country, country.code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("United States", "USA"), ("United States of America", "USA"), ("U.S.", "USA"), ("US", "USA"), ("USA", "USA"),
        ("America", "USA"), ("the United States", "USA"), ("United Kingdom", "GBR"), ("U.K.", "GBR"),
        ("Britain", "GBR"), ("Great Britain", "GBR"), ("Ukraine", "UKR"), ("Russia", "RUS"),
        ("Russian Federation", "RUS"), ("Türkiye", "TUR"), ("Turkey", "TUR"), ("TURKEY", "TUR"),
        ("Ivory Coast", "CIV"), ("Guinea Bissau", "GNB"), ("the Netherlands", "NLD"), ("North Korea", "PRK"),
        ("Holy See", "VAT"), ("State of Palestine", "PSE"), ("Taiwan", "TWN"), ("Kosovo", "XKX"),
    ],
)
def test_actors_country_names(real: ActorDictionary, text: str, code: str) -> None:
    country = real.country_by_name(text)
    assert country is not None and country.code == code


@pytest.mark.parametrize("text", ["us", "turkey", "chad", "Korea", "Narnia"])
def test_actors_common_words_and_ambiguous_names_are_not_countries(real: ActorDictionary, text: str) -> None:
    assert real.country_by_name(text) is None


@pytest.mark.parametrize(("text", "code"), [("Russian", "RUS"), ("American", "USA"), ("British", "GBR"),
                                             ("Ukrainian", "UKR"), ("South Korean", "KOR"), ("Emirati", "ARE")])
def test_actors_country_adjectives(real: ActorDictionary, text: str, code: str) -> None:
    country = real.country_by_adjective(text)
    assert country is not None and country.code == code
    assert real.country_by_adjective("U.S.") is None  # a name, not an adjective


def test_actors_demonyms(real: ActorDictionary) -> None:
    assert [real.country_by_demonym(t).code for t in ("Americans", "the Britons", "Ukrainians")] == ["USA", "GBR", "UKR"]  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Kyiv", "UKRGOV"), ("Kiev", "UKRGOV"), ("Bankova", "UKRGOV"), ("the Kremlin", "RUSGOV"), ("Kremlin", "RUSGOV"),
        ("The Kremlin", "RUSGOV"), ("the White House", "USAGOV"), ("Washington", "USAGOV"), ("Downing Street", "GBRGOV"),
        ("the Elysee", "FRAGOV"), ("the Élysée", "FRAGOV"), ("Zhongnanhai", "CHNGOV"), ("the Blue House", "KORGOV"),
        ("Brussels", "IGOEUREEC"),
    ],
)
def test_actors_metonyms(real: ActorDictionary, text: str, code: str) -> None:
    assert real.metonym(text) == code


def test_actors_metonym_unknown_or_lower_case(real: ActorDictionary) -> None:
    assert real.metonym("the white house") is None and real.metonym("Narnia") is None


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("NATO", "IGOWSTNAT"), ("Nato", "IGOWSTNAT"), ("North Atlantic Treaty Organization", "IGOWSTNAT"),
        ("United Nations", "IGOUNO"), ("U.N.", "IGOUNO"), ("Security Council", "IGOUNO"), ("UN General Assembly", "IGOUNO"),
        ("European Commission", "IGOEUREEC"), ("European Parliament", "IGOEUREEC"), ("IAEA", "IGOUNOIAE"),
        ("World Health Organization", "IGOUNOHLHWHO"), ("African Union", "IGOAFRAFU"), ("Arab League", "IGOMEAARL"),
        ("ASEAN", "IGOSEAASN"), ("IMF", "IGOBUSIMF"), ("Red Cross", "NGOHLHIRC"), ("Amnesty International", "NGOHRIAMN"),
    ],
)
def test_actors_igos(real: ActorDictionary, text: str, code: str) -> None:
    igo = real.igo(text)
    assert igo is not None and igo.code == code


@pytest.mark.parametrize(
    ("term", "code"),
    [
        ("troops", "MIL"), ("soldier", "MIL"), ("Armed Forces", "MIL"), ("officials", "GOV"), ("police", "COP"),
        ("rebels", "REB"), ("lawmakers", "LEG"), ("MPs", "LEG"), ("Duma", "LEG"), ("judges", "JUD"),
        ("diplomats", "DIP"), ("envoys", "DIP"), ("state media", "MED"), ("companies", "BUS"), ("opposition", "OPP"),
        ("intelligence", "SPY"), ("civilians", "CVL"), ("refugees", "REF"), ("sovereign wealth fund", "GOV"),
    ],
)
def test_actors_agents(real: ActorDictionary, term: str, code: str) -> None:
    agent = real.agent(term)
    assert agent is not None and agent.code == code


def test_actors_roles_cover_the_documented_keys(real: ActorDictionary) -> None:
    keys = {role.role for role in real.roles}
    assert keys == {"head_of_state", "head_of_government", "foreign_minister", "defence_minister", "spokesperson",
                    "envoy", "adviser", "legislator", "igo_leader", "opposition", "other"}
    titles = real.role_titles()
    assert (titles["president"].role, titles["president"].agent) == ("head_of_state", "GOV")
    assert (titles["prime minister"].role, titles["secretary of state"].role) == ("head_of_government", "foreign_minister")
    assert (titles["ambassador"].agent, titles["lawmaker"].agent) == ("DIP", "LEG")
    role = real.role("Defense Secretary")
    assert role is not None and role.role == "defence_minister"


# --- the schema check ---


def test_actors_copied_base_files_load_without_people(tmp_path: Path) -> None:
    dictionary = load_dictionary(_base(tmp_path))
    assert len(dictionary.countries) == 197 and dictionary.people == ()


def test_actors_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    base = _base(tmp_path)
    _append(base / "countries.toml", """
        [[country]]
        code = "ZZA"
        name = "Nostatus"
        names = ["Nostatus"]
        adjectives = []
        demonyms = []
        capitals = []
        seats = []

        [[country]]
        code = "Ru"
        name = "Badcode"
        names = ["Badcode"]
        adjectives = []
        demonyms = []
        capitals = []
        seats = []
        status = "member"

        [[country]]
        code = "ZZB"
        name = "Second Russia"
        names = ["Russia"]
        adjectives = []
        demonyms = []
        capitals = []
        seats = []
        status = "member"
        """)
    (base / "people.toml").write_text(textwrap.dedent("""
        [[person]]
        name = "Backwards Dates"
        country = "RUS"

        [[person.role]]
        code = "RUSGOV"
        role = "head_of_state"
        start = 2024-05-07
        end = 2000-01-01
        """), encoding="utf-8")
    problems = _problems(base)
    assert len(problems) == 4
    assert "countries.toml: country #198 (ZZA): missing key 'status'" in problems
    assert any("(Ru): code 'Ru' does not match ^[A-Z]{3}$" in p for p in problems)
    assert any("'Russia' maps to more than one entry (RUS, ZZB)" in p for p in problems)
    assert any("role #1: start 2024-05-07 is after end 2000-01-01" in p for p in problems)


def test_actors_schema_types_unknown_keys_and_bad_codes(tmp_path: Path) -> None:
    base = _base(tmp_path)
    _append(base / "igos.toml", """
        [[igo]]
        code = "NATO"
        name = "Bad code"
        names = "not a list"
        colour = "blue"
        """)
    _append(base / "agents.toml", """
        [[agent]]
        code = "MIL"
        name = "military again"
        terms = ["Tanks"]
        """)
    _append(base / "roles.toml", """
        [[role]]
        role = "chief"
        agent = "XYZ"
        titles = ["chief"]
        """)
    problems = "\n".join(_problems(base))
    number = (base / "igos.toml").read_text(encoding="utf-8").count("[[igo]]")   # the appended entry is the last
    assert f"igo #{number} (NATO): unknown key 'colour'" in problems
    assert f"igo #{number} (NATO): 'names' must be a list of non-empty strings" in problems
    assert "agents.toml: agent #29 (MIL): duplicate code 'MIL'" in problems
    assert "term 'Tanks' must be lower case" in problems
    assert "role #12 (chief): agent 'XYZ' is not in agents.toml" in problems


def test_actors_igo_code_pattern(tmp_path: Path) -> None:
    base = _base(tmp_path)
    _append(base / "igos.toml", """
        [[igo]]
        code = "IGOABCD"
        name = "Odd"
        names = ["Odd Org"]
        """)
    assert any("code 'IGOABCD' does not match" in p for p in _problems(base))


def test_actors_person_codes_roles_and_countries_are_checked(tmp_path: Path) -> None:
    base = _base(tmp_path)
    (base / "people.toml").write_text(textwrap.dedent("""
        [[person]]
        name = "Nobody"
        country = "ZZZ"

        [[person.role]]
        code = "RUSXXX"
        role = "wizard"
        start = 2020-01-01
        end = 2021-01-01

        [[person.role]]
        code = "IGOUNO"
        role = "igo_leader"
        start = "2020-01-01"
        end = 2021-01-01
        """), encoding="utf-8")
    problems = "\n".join(_problems(base))
    assert "country 'ZZZ' is not in countries.toml" in problems
    assert "code 'RUSXXX' is neither a known country code + agent code nor a known IGO code" in problems
    assert "role 'wizard' is not in roles.toml" in problems
    assert "role #2: 'start' must be a date (YYYY-MM-DD)" in problems


def test_actors_missing_file_and_broken_toml(tmp_path: Path) -> None:
    base = _base(tmp_path)
    (base / "agents.toml").unlink()
    (base / "roles.toml").write_text("[[role]\nrole = ", encoding="utf-8")
    problems = "\n".join(_problems(base))
    assert "agents.toml: file missing" in problems
    assert "roles.toml: not readable TOML" in problems


# --- people, resolved by the article's date ---


PEOPLE = """
[[person]]
name = "Marco Rubio"
aliases = ["Rubio", "Marco Antonio Rubio"]
country = "USA"

[[person.role]]
code = "USAGOV"
title = "Secretary of State"
role = "foreign_minister"
start = 2025-01-21
end = 2099-12-31

[[person.role]]
code = "USALEG"
title = "Senator"
role = "legislator"
start = 2011-01-03
end = 2025-01-20

[[person]]
name = "Antonio Guterres"
aliases = ["Guterres", "António Guterres"]
country = "PRT"

[[person.role]]
code = "IGOUNO"
title = "Secretary-General"
role = "igo_leader"
start = 2017-01-01
end = 2026-12-31

[[person]]
name = "Kim Alpha"
aliases = ["Kim"]
country = "KOR"

[[person.role]]
code = "KORGOV"
role = "head_of_government"
start = 2020-01-01
end = 2020-12-31

[[person]]
name = "Kim Beta"
aliases = ["Kim"]
country = "PRK"

[[person.role]]
code = "PRKGOV"
role = "head_of_state"
start = 2022-01-01
end = 2022-12-31
"""


@pytest.fixture
def people(tmp_path: Path) -> ActorDictionary:
    base = _base(tmp_path)
    (base / "people.toml").write_text(PEOPLE, encoding="utf-8")
    return load_dictionary(base)


@pytest.mark.parametrize(
    ("name", "on", "code", "role"),
    [
        ("Rubio", dt.date(2025, 6, 1), "USAGOV", "foreign_minister"),
        ("Marco Rubio", dt.date(2025, 1, 21), "USAGOV", "foreign_minister"),  # start is inclusive
        ("Rubio", dt.date(2025, 1, 20), "USALEG", "legislator"),  # end is inclusive
        ("RUBIO", dt.date(2015, 3, 1), "USALEG", "legislator"),
        ("Rubio", dt.date(2005, 3, 1), "USAELI", None),  # before any role: an elite of his country
        ("Guterres", dt.date(2024, 9, 24), "IGOUNO", "igo_leader"),
        ("António Guterres", dt.date(2010, 1, 1), "PRTELI", None),
        ("Kim", dt.date(2020, 6, 1), "KORGOV", "head_of_government"),  # a shared name, one held a role that day
        ("Kim", dt.date(2022, 6, 1), "PRKGOV", "head_of_state"),
    ],
)
def test_actors_person_resolved_by_date(people: ActorDictionary, name: str, on: dt.date, code: str, role: str | None) -> None:
    match = people.person(name, on)
    assert match is not None
    assert match.code == code
    assert (match.role.role if match.role else None) == role


def test_actors_person_unknown_ambiguous_or_datetime(people: ActorDictionary) -> None:
    assert people.person("rubio", dt.date(2025, 6, 1)) is None  # all lower case is not a name
    assert people.person("Nobody", dt.date(2025, 6, 1)) is None
    assert people.person("Kim", dt.date(2021, 6, 1)) is None  # two people, neither in a role that day
    match = people.person("Rubio", dt.datetime(2025, 6, 1, 12, 0))
    assert match is not None and match.person.name == "Marco Rubio" and match.code == "USAGOV"


# --- non-state groups (groups.toml) ---


def test_actors_groups_codes_are_country_plus_non_state_agent(real: ActorDictionary) -> None:
    from detente.actors.dictionary import GROUP_AGENTS

    countries = {c.code for c in real.countries}
    agents = {a.code for a in real.agents}
    assert len(real.groups) >= 40 and len({g.name for g in real.groups}) == len(real.groups)
    assert GROUP_AGENTS <= agents
    for group in real.groups:
        assert len(group.code) == 6 and group.code[:3] in countries and group.code[3:] in GROUP_AGENTS, group.name
        assert group.names and real.group(group.name) is group, group.name
        for period in group.periods:
            assert period.code[:3] in countries and period.code[3:] in agents and period.start <= period.end
    # every region the brief asks for
    assert {"PSE", "LBN", "YEM", "SYR", "IRQ", "NGA", "SOM", "SDN", "COD", "AFG", "PAK", "IND", "COL", "MEX", "RUS",
            "GBR", "ESP"} <= {g.code[:3] for g in real.groups}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Hamas", "PSEREB"), ("HAMAS", "PSEREB"), ("Hezbollah", "LBNREB"), ("Hizballah", "LBNREB"), ("the Houthis", "YEMREB"),
        ("Houthi", "YEMREB"), ("Ansar Allah", "YEMREB"), ("Islamic State", "IRQRAD"), ("ISIS", "IRQRAD"), ("ISIL", "IRQRAD"),
        ("Daesh", "IRQRAD"), ("al Qaeda", "AFGRAD"), ("al-Qaida", "AFGRAD"), ("al-Shabab", "SOMREB"), ("Wagner", "RUSUAF"),
        ("M23", "CODREB"), ("the PKK", "TURREB"), ("Boko Haram", "NGAREB"), ("RSF", "SDNREB"),
        ("Rapid Support Forces", "SDNREB"), ("HTS", "SYRREB"), ("ISIS-K", "AFGREB"), ("FARC", "COLREB"), ("ELN", "COLREB"),
        ("MS-13", "SLVCRM"), ("Muslim Brotherhood", "EGYOPP"), ("Kata'ib Hezbollah", "IRQUAF"), ("Tamil Tigers", "LKAREB"),
    ],
)
def test_actors_group_names(real: ActorDictionary, text: str, code: str) -> None:
    group = real.group(text)
    assert group is not None and group.code == code


@pytest.mark.parametrize("text", ["hamas", "is", "rsf", "Islamic", "Russia", "rebels", "Narnia"])
def test_actors_group_lookup_respects_case_and_unknowns(real: ActorDictionary, text: str) -> None:
    assert real.group(text) is None


@pytest.mark.parametrize(
    ("name", "on", "code"),
    [
        ("Taliban", dt.date(2021, 8, 14), "AFGREB"), ("Taliban", dt.date(2021, 8, 15), "AFGGOV"),
        ("Taliban", dt.date(1999, 1, 1), "AFGREB"), ("HTS", dt.date(2024, 12, 7), "SYRREB"),
        ("HTS", dt.date(2024, 12, 8), "SYRGOV"), ("RSF", dt.date(2019, 6, 3), "SDNMIL"), ("RSF", dt.date(2023, 4, 15), "SDNREB"),
        ("Hamas", dt.date(2024, 1, 1), "PSEREB"),
    ],
)
def test_actors_group_dated_codes(real: ActorDictionary, name: str, on: dt.date, code: str) -> None:
    group = real.group(name)
    assert group is not None and group.code_on(on) == code


def test_actors_groups_file_is_optional_and_copies_load(tmp_path: Path) -> None:
    base = _base(tmp_path)
    assert load_dictionary(base).groups == ()
    data = resources.files("detente.actors") / "data"
    (base / "groups.toml").write_text((data / "groups.toml").read_text(encoding="utf-8"), encoding="utf-8")
    assert len(load_dictionary(base).groups) >= 40


def test_actors_bad_groups_are_all_reported(tmp_path: Path) -> None:
    base = _base(tmp_path)
    (base / "groups.toml").write_text(textwrap.dedent("""
        [[group]]
        code = "YEMGOV"
        name = "State agent"
        names = ["State Agent Group"]

        [[group]]
        code = "ZZZREB"
        name = "Nowhere rebels"
        names = ["Nowhere Front"]

        [[group]]
        code = "RUSREB"
        name = "Russia again"
        names = ["Russia", "NATO", "rebels"]

        [[group]]
        code = "SYRREB"
        name = "Twice"
        names = ["Twice Front"]

        [[group]]
        code = "SYRREB"
        name = "Twice"
        names = ["Twice Army"]

        [[group]]
        code = "IRQUAF"
        name = "Shared A"
        names = ["Shared Name"]

        [[group]]
        code = "IRQUAF"
        name = "Shared B"
        names = ["Shared Name"]
        colour = "green"

        [[group]]
        code = "AFGREB"
        name = "Bad periods"
        names = ["Bad Periods Movement"]

        [[group.period]]
        code = "AFGGOV"
        start = 2021-08-15
        end = 2020-01-01

        [[group.period]]
        code = "AFGXYZ"
        start = 2001-01-01
        end = 2005-01-01

        [[group.period]]
        code = "AFGGOV"
        start = 2004-01-01
        end = 2006-01-01

        [[group.period]]
        code = "AFGGOV"
        start = "2010-01-01"
        end = 2011-01-01

        [[group]]
        code = "NGAREB"
        names = "Nameless"
        """), encoding="utf-8")
    problems = "\n".join(_problems(base))
    assert "group #1 (State agent): code 'YEMGOV' is not a known country code + one of the non-state agent codes" in problems
    assert "group #2 (Nowhere rebels): code 'ZZZREB' is not a known country code" in problems
    assert "groups.toml: 'Russia' of Russia again is already a country's (RUS)" in problems
    assert "groups.toml: 'NATO' of Russia again is already an organisation's (IGOWSTNAT)" in problems
    assert "groups.toml: 'rebels' of Russia again is already an agent's (REB)" in problems
    assert "groups.toml: duplicate group 'Twice'" in problems
    assert "group #7 (Shared B): unknown key 'colour'" in problems
    assert "period #1: start 2021-08-15 is after end 2020-01-01" in problems
    assert "period #2: code 'AFGXYZ' is not a known country code + agent code" in problems
    assert "period #3: overlaps an earlier period" in problems
    assert "period #4: 'start' must be a date (YYYY-MM-DD)" in problems
    assert "group #9 (NGAREB): missing key 'name'" in problems
    assert "group #9 (NGAREB): 'names' must be a list of non-empty strings" in problems


def test_actors_group_names_clash_between_groups(tmp_path: Path) -> None:
    base = _base(tmp_path)
    (base / "groups.toml").write_text(textwrap.dedent("""
        [[group]]
        code = "IRQUAF"
        name = "Shared A"
        names = ["Shared Name"]

        [[group]]
        code = "IRQUAF"
        name = "Shared B"
        names = ["the Shared Name"]
        adjectives = ["Shared A"]
        """), encoding="utf-8")
    problems = _problems(base)
    assert "groups.toml: 'Shared Name' maps to more than one entry (Shared A, Shared B)" in problems
    assert "groups.toml: 'Shared A' maps to more than one entry (Shared A, Shared B)" in problems
    assert len(problems) == 2


# --- cities (cities.toml) ---


def test_actors_cities_are_places_of_known_countries(real: ActorDictionary) -> None:
    from detente.actors.dictionary import AGENT_CODE

    countries = {c.code for c in real.countries}
    assert len(real.cities) >= 300 and len({c.name for c in real.cities}) == len(real.cities)
    for city in real.cities:
        assert city.country in countries and AGENT_CODE.fullmatch(city.country), city.name  # UKR, never UKRGOV
        assert city.names and real.city(city.name) is city, city.name
        for period in city.periods:
            assert period.country in countries and period.country != city.country and period.start <= period.end
    # every country the brief asks for
    assert {"UKR", "RUS", "ISR", "PSE", "LBN", "SYR", "IRQ", "IRN", "YEM", "SAU", "ARE", "TUR", "EGY", "LBY", "SDN", "ETH",
            "SOM", "COD", "NGA", "MLI", "BFA", "NER", "AFG", "PAK", "IND", "CHN", "TWN", "KOR", "PRK", "JPN", "PHL", "MMR",
            "USA", "MEX", "COL", "VEN", "BRA", "DEU", "FRA", "ITA", "ESP", "POL", "GBR"} <= {c.country for c in real.cities}


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Kharkiv", "Kharkiv", "UKR"), ("Kharkov", "Kharkiv", "UKR"), ("Odessa", "Odesa", "UKR"), ("Artemivsk", "Bakhmut", "UKR"),
        ("Sevastopol", "Sevastopol", "UKR"), ("St. Petersburg", "Saint Petersburg", "RUS"), ("Belgorod", "Belgorod", "RUS"),
        ("Gaza City", "Gaza City", "PSE"), ("Khan Yunis", "Khan Younis", "PSE"), ("Deir el-Balah", "Deir al-Balah", "PSE"),
        ("Deir al Balah", "Deir al-Balah", "PSE"), ("Majdal Shams", "Majdal Shams", "SYR"), ("El Fasher", "El Fasher", "SDN"),
        ("Goma", "Goma", "COD"), ("Hargeisa", "Hargeisa", "SOM"), ("Hong Kong", "Hong Kong", "CHN"), ("Kaohsiung", "Kaohsiung", "TWN"),
        ("Srinagar", "Srinagar", "IND"), ("New York City", "New York", "USA"), ("KHARKIV", "Kharkiv", "UKR"),
    ],
)
def test_actors_city_names(real: ActorDictionary, text: str, name: str, country: str) -> None:
    city = real.city(text)
    assert city is not None and (city.name, city.country) == (name, country)


@pytest.mark.parametrize("text", ["kharkiv", "sumy", "Moscow", "Kyiv", "Port Sudan", "Tripoli", "Nice", "Reading", "Phoenix",
                                  "Gao", "Gaza", "Narnia"])
def test_actors_city_lookup_respects_case_capitals_and_exclusions(real: ActorDictionary, text: str) -> None:
    assert real.city(text) is None


def test_actors_capitals_stay_metonyms_with_cities(real: ActorDictionary) -> None:
    assert [real.metonym(t) for t in ("Moscow", "Kyiv", "Port Sudan", "Aden", "Ramallah")] == [
        "RUSGOV", "UKRGOV", "SDNGOV", "YEMGOV", "PSEGOV"]


@pytest.mark.parametrize(
    ("name", "on", "country"),
    [
        ("Malakal", dt.date(2011, 7, 8), "SDN"), ("Malakal", dt.date(2011, 7, 9), "SSD"), ("Massawa", dt.date(1980, 1, 1), "ETH"),
        ("Massawa", dt.date(1993, 5, 24), "ERI"), ("Mitrovica", dt.date(2008, 2, 16), "SRB"), ("Mitrovica", dt.date(2023, 5, 29), "XKX"),
        ("Kharkiv", dt.date(1995, 1, 1), "UKR"), ("Sevastopol", dt.date(2015, 1, 1), "UKR"),   # annexation does not change it
    ],
)
def test_actors_city_dated_countries(real: ActorDictionary, name: str, on: dt.date, country: str) -> None:
    city = real.city(name)
    assert city is not None and city.country_on(on) == country


def test_actors_cities_file_is_optional_and_copies_load(tmp_path: Path) -> None:
    base = _base(tmp_path)
    assert load_dictionary(base).cities == ()
    data = resources.files("detente.actors") / "data"
    for name in ("cities.toml", "groups.toml", "people.toml"):
        (base / name).write_text((data / name).read_text(encoding="utf-8"), encoding="utf-8")
    assert len(load_dictionary(base).cities) >= 300


def test_actors_bad_cities_are_all_reported(tmp_path: Path) -> None:
    base = _base(tmp_path)
    (base / "groups.toml").write_text(textwrap.dedent("""
        [[group]]
        code = "PSEREB"
        name = "Hamas"
        names = ["Hamas"]
        """), encoding="utf-8")
    (base / "people.toml").write_text(textwrap.dedent("""
        [[person]]
        name = "Lloyd Austin"
        aliases = ["Austin"]
        country = "USA"
        """), encoding="utf-8")
    (base / "cities.toml").write_text(textwrap.dedent("""
        [[city]]
        name = "Kharkiv"
        country = "UKRGOV"
        names = ["Kharkiv"]

        [[city]]
        name = "Nowhere"
        country = "ZZZ"
        names = ["Nowhere"]

        [[city]]
        name = "Clashes"
        country = "RUS"
        names = ["Moscow", "Russia", "NATO", "troops", "president", "Hamas", "Austin", "the Hague"]

        [[city]]
        name = "Twice"
        country = "SYR"
        names = ["Twice"]

        [[city]]
        name = "Twice"
        country = "SYR"
        names = ["Twice Town"]

        [[city]]
        name = "Shared A"
        country = "IRQ"
        names = ["Shared Name"]

        [[city]]
        name = "Shared B"
        country = "IRN"
        names = ["the Shared Name"]

        [[city]]
        name = "Bad periods"
        country = "SSD"
        names = ["Bad Periods"]

        [[city.period]]
        country = "SDN"
        start = 2011-07-08
        end = 1956-01-01

        [[city.period]]
        country = "SDNGOV"
        start = 1956-01-01
        end = 1990-01-01

        [[city.period]]
        country = "SDN"
        start = 1980-01-01
        end = 2000-01-01

        [[city.period]]
        country = "SDN"
        start = "2001-01-01"
        end = 2011-07-08

        [[city]]
        country = "NGA"
        names = "Nameless"

        [[city]]
        name = "Keyed"
        country = "IRN"
        names = ["Keyed"]
        code = "IRNGOV"
        """), encoding="utf-8")
    problems = _problems(base)
    text = "\n".join(problems)
    assert "cities.toml: city #1 (Kharkiv): country 'UKRGOV' is not in countries.toml" in problems
    assert "cities.toml: city #2 (Nowhere): country 'ZZZ' is not in countries.toml" in problems
    assert "cities.toml: 'Moscow' of Clashes is already a country's (RUS)" in problems
    assert "cities.toml: 'Russia' of Clashes is already a country's (RUS)" in problems
    assert "cities.toml: 'NATO' of Clashes is already an organisation's (IGOWSTNAT)" in problems
    assert "cities.toml: 'troops' of Clashes is already an agent's (MIL)" in problems
    assert "cities.toml: 'president' of Clashes is already a role's (head_of_state)" in problems
    assert "cities.toml: 'Hamas' of Clashes is already a group's (Hamas)" in problems
    assert "cities.toml: 'Austin' of Clashes is already a person's (Lloyd Austin)" in problems
    assert "cities.toml: 'the Hague' of Clashes is already a country's (NLD)" in problems
    assert "cities.toml: duplicate city 'Twice'" in problems
    assert "cities.toml: 'Shared Name' maps to more than one entry (Shared A, Shared B)" in problems
    assert "cities.toml: city #10 (Keyed): unknown key 'code'" in problems
    assert "period #1: start 2011-07-08 is after end 1956-01-01" in text
    assert "cities.toml: city #8 (Bad periods) period #2: country 'SDNGOV' is not in countries.toml" in problems
    assert "period #3: overlaps an earlier period" in text
    assert "period #4: 'start' must be a date (YYYY-MM-DD)" in text
    assert "cities.toml: city #9 (NGA): missing key 'name'" in problems
    assert "cities.toml: city #9 (NGA): 'names' must be a list of non-empty strings, not 'Nameless'" in problems
    assert len(problems) == 19, problems
