"""The issue taxonomy: which issues of interstate relations a sentence is about, with evidence.

The issues live in ``detente/issues/data/issues.toml`` (format in ``docs/issues.md``): each has
a stable ``key``, a ``label``, a ``description``, plain ``terms`` and optional regular
expression ``patterns``. :func:`load_issues` reads and checks the file once and compiles one
regular expression per issue; :meth:`Taxonomy.tag` finds every match in a text::

    >>> tax = load_issues()
    >>> [(t.key, t.text) for t in tax.tag("Both sides agreed to a 30-day pause on strikes on energy facilities.")]
    [('ceasefire', '30-day pause'), ('energy_infrastructure', 'pause on strikes on energy facilities')]
    >>> tax.keys("Moscow wants sanctions relief before any cease-fire.")
    ['sanctions', 'ceasefire']

How a term matches (patterns are regular expressions and match as written):

* case-insensitively, on word boundaries (no letter, digit or ``_`` on either side);
* a word written in capitals ("ICC", "START") matches only in capitals; write it in lower
  case ("nato") to match any case;
* every word of two or more letters also matches its plural (-s, -es, -y to -ies) and, before
  another word, a possessive ('s, ’s); function words ("of", "on", "the" ...) and the part
  before a hyphen ("cease" in "cease-fire") do not;
* a space between words matches any run of spaces, hyphens or dashes ("energy infrastructure"
  matches "energy-infrastructure"); a hyphen matches a hyphen, a space or nothing
  ("cease-fire" matches "ceasefire", "cease fire" and "cease-fire").

Patterns are compiled case-insensitively (``(?-i:...)`` makes a part case-sensitive) and are
anchored on word boundaries like terms. All of an issue's terms and patterns are joined into one
regular expression; a prefilter (below) skips the issues whose first words are not in a text.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from detente.errors import UsageError

__all__ = ["Issue", "IssueTag", "IssuesError", "Taxonomy", "issue_regex", "load_issues", "parse_issues", "term_regex"]

KEY = re.compile(r"[a-z][a-z0-9_]*")
#: field -> (type name, required); "list" is a list of non-empty strings.
FIELDS: dict[str, tuple[str, bool]] = {
    "key": ("str", True), "label": ("str", True), "description": ("str", True),
    "terms": ("list", False), "patterns": ("list", False), "note": ("str", False),
}
#: Words that never take a plural or possessive ending in a term.
FUNCTION_WORDS = frozenset({"a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or",
                            "over", "the", "to", "with", "without"})
_SEP = r"[\s\-\u2010\u2011\u2012\u2013\u2014]"
_APOS = "['\u2019]"
_WORD_PART = re.compile(r"[^\s\-\u2010\u2011\u2012\u2013\u2014]+|-|\s+")


class IssuesError(UsageError):
    """An issue taxonomy that cannot be used; ``problems`` lists every problem found."""

    def __init__(self, source: str, problems: Iterable[str]) -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        super().__init__("D082", f"{source}: {count} problem{'s' * (count != 1)}: " + "; ".join(self.problems))


@dataclass(frozen=True, slots=True)
class Issue:
    """One issue of the taxonomy: its key, label, description and what matches it."""

    key: str
    label: str
    description: str
    terms: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class IssueTag:
    """One match of an issue: ``start``/``end`` are character offsets, ``text`` the words matched."""

    key: str
    start: int
    end: int
    text: str


def _plural(word: str) -> str:
    """The regex suffix that adds a plural ending to ``word`` (-s, -es; -y to -ies is done apart)."""
    lower = word.lower()
    if lower.endswith(("s", "x", "z", "ch", "sh")):
        return "(?:es)?"
    return "(?:e?s)?" if lower.endswith("o") else "s?"


def _word_regex(word: str, inflect: bool, possessive: bool) -> str:
    """One word of a term: capitals kept exact, then a plural and a possessive ending if asked."""
    letters = sum(c.isalpha() for c in word)
    inflect = inflect and letters >= 2 and word[-1].isalpha() and word.lower() not in FUNCTION_WORDS
    inflect = inflect and "'" not in word and "\u2019" not in word
    if letters >= 2 and word.upper() == word and word.lower() != word:
        core = f"(?-i:{re.escape(word)})" + ("s?" if inflect else "")
    elif inflect and len(word) > 2 and word[-1] in "yY" and word[-2].lower() not in "aeiou":
        core = re.escape(word[:-1]) + "(?:y|ies)"
    else:
        core = "".join(_APOS if ch in "'\u2019" else re.escape(ch) for ch in word) + (_plural(word) if inflect else "")
    return core + (f"(?:{_APOS}s?)?" if inflect and possessive else "")


def term_regex(term: str) -> str:
    """The regular expression (without word boundaries) a term compiles to.

    >>> bool(re.fullmatch(term_regex("cease-fire"), "ceasefires", re.I))
    True
    >>> bool(re.fullmatch(term_regex("prisoner of war"), "Prisoners of War", re.I))
    True
    >>> bool(re.fullmatch(term_regex("New START"), "new start", re.I))
    False
    """
    parts = _WORD_PART.findall(term.strip())
    last_word = max(i for i, p in enumerate(parts) if p != "-" and not p.isspace())
    out = []
    for i, part in enumerate(parts):
        if part == "-":
            out.append(f"{_SEP}?")
        elif part.isspace():
            out.append(f"{_SEP}+")
        else:
            joined = i + 1 < len(parts) and parts[i + 1] == "-"  # "cease" in "cease-fire" takes no ending
            out.append(_word_regex(part, inflect=not joined, possessive=i != last_word))
    return "".join(out)


def _alternatives(issue: Issue) -> list[str]:
    """An issue's regular expressions: its patterns first, then its terms, longest first."""
    return [f"(?:{p})" for p in issue.patterns] + [term_regex(t) for t in sorted(issue.terms, key=len, reverse=True)]


def issue_regex(issue: Issue) -> str:
    """The one regular expression (compiled with ``re.IGNORECASE``) that tags an issue.

    >>> re.search(issue_regex(Issue("x", "X", "x", terms=("truce",))), "Truces held", re.I).group()
    'Truces'
    """
    return r"(?<!\w)(?:" + "|".join(_alternatives(issue)) + r")(?!\w)"


# The prefilter. Every match starts at the start of a word (a run of \w). For each term and
# pattern we work out, from its parse tree, what the first word of a match can be: a whole word
# ("truce", "truces") or, where the expression goes on with \w*, a digit class or anything the
# analysis does not follow, a prefix ("restor"). A sentence is searched for an issue only when one
# of its words is one of the issue's first words or starts with one of its prefixes, and then only
# at the start of those words. The sets are supersets, so the prefilter never loses a match; an
# issue with an expression whose first word cannot be known (it starts with \w or .) is searched
# through every sentence. Words are compared in
# lower case with every decimal digit read as 0, and with the four non-ASCII letters that
# re.IGNORECASE equates with ASCII ones (İ ı ſ K) folded to them.
_LONGEST = 10
_MAX_FIRSTS = 5000
_WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
_NONE: frozenset[int] = frozenset()


def _first_words(regex: str) -> tuple[frozenset[str], frozenset[str]] | None:
    r"""The whole first words and the first-word prefixes of any match of ``regex``; None if unknown.

    >>> words, prefixes = _first_words(term_regex("cease-fire"))
    >>> sorted(words), sorted(prefixes)
    (['cease', 'ceasefire'], ['ceasefires'])
    >>> words, prefixes = _first_words(r"restor\w*|(?:\d+|ten)-day")
    >>> sorted(words), sorted(prefixes)
    (['restor', 'ten'], ['0', 'restor'])
    >>> _first_words(r"\w+-supplied") is None
    True
    """
    try:
        from re import _constants as c, _parser  # the standard library's own parser
        seq = list(_parser.parse(regex, re.IGNORECASE).data)
    except Exception:  # noqa: BLE001 - without the analysis, no prefilter: always correct
        return None
    stop = object()
    words: set[str] = set()
    prefixes: set[str] = set()

    def end(prefix: str, whole: bool) -> bool:
        if not prefix:
            return False
        if whole and len(prefix) < _LONGEST:
            words.add(prefix)
        else:
            prefixes.add(prefix[:_LONGEST])
        return len(words) + len(prefixes) <= _MAX_FIRSTS

    def char(ch: str, rest: list[Any], prefix: str) -> bool:
        if ch.isdecimal():
            return walk(rest, prefix + "0")
        if not (ch.isalnum() or ch == "_"):
            return end(prefix, whole=True)
        if not ch.isascii():
            return end(prefix, whole=False)
        return walk(rest, prefix + ch.lower())

    def walk(seq: list[Any], prefix: str) -> bool:  # noqa: PLR0911 - one case per regex operator
        if len(prefix) >= _LONGEST:
            return end(prefix, whole=False)
        if not seq:
            return end(prefix, whole=True)  # the expression ends here, and (?!\w) follows it
        item, rest = seq[0], seq[1:]
        if item is stop:
            return end(prefix, whole=False)
        op, av = item
        if op is c.LITERAL:
            return char(chr(av), rest, prefix)
        if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
            return walk(rest, prefix)
        if op is c.SUBPATTERN:
            return walk(list(av[3].data) + rest, prefix)
        if op is c.ATOMIC_GROUP:
            return walk(list(av.data) + rest, prefix)
        if op is c.BRANCH:
            return all(walk(list(alt.data) + rest, prefix) for alt in av[1])
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            low, high, sub = av
            once = list(sub.data) + (rest if high == 1 else [stop])
            return (low > 0 or walk(rest, prefix)) and walk(once, prefix)
        if op is c.IN:
            chars = _class_chars(av, c)
            if chars is None:
                return end(prefix, whole=False)
            return all(char(ch, rest, prefix) for ch in chars)
        return end(prefix, whole=False)

    try:
        known = walk(seq, "")
    except Exception:  # noqa: BLE001 - a parse tree this analysis does not know: no prefilter
        return None
    return (frozenset(words), frozenset(prefixes)) if known else None


def _class_chars(items: list[Any], c: Any) -> str | None:
    """The characters of a small character class ([abc], [\\s-], \\d), or None."""
    chars = []
    for op, av in items:
        if op is c.LITERAL:
            chars.append(chr(av))
        elif op is c.RANGE and av[1] - av[0] < 26:
            chars.extend(chr(n) for n in range(av[0], av[1] + 1))
        elif op is c.CATEGORY and av in (c.CATEGORY_DIGIT, c.CATEGORY_UNI_DIGIT):
            chars.append("0")  # any decimal digit: sentences read every digit as 0
        elif op is c.CATEGORY and av in (c.CATEGORY_SPACE, c.CATEGORY_UNI_SPACE):
            chars.append(" ")
        else:
            return None
    return "".join(chars)


class _Prefilter:
    """Which issues can match in a text, from the first words of their expressions."""

    __slots__ = ("always", "lengths", "prefixes", "words")

    def __init__(self, issues: tuple[Issue, ...]) -> None:
        words: dict[str, set[int]] = {}
        prefixes: dict[str, set[int]] = {}
        always = []
        for rank, issue in enumerate(issues):
            found = [_first_words(alternative) for alternative in _alternatives(issue)]
            known = [first for first in found if first is not None]
            if len(known) < len(found):
                always.append(rank)
                continue
            for first_words, first_prefixes in known:
                for word in first_words:
                    words.setdefault(word, set()).add(rank)
                for prefix in first_prefixes:
                    prefixes.setdefault(prefix, set()).add(rank)
        self.always = frozenset(always)
        self.words = {word: frozenset(ranks) for word, ranks in words.items()}
        self.prefixes = {prefix: frozenset(ranks) for prefix, ranks in prefixes.items()}
        self.lengths = tuple(sorted({len(prefix) for prefix in prefixes}))

    def __call__(self, text: str) -> dict[int, list[int] | None]:
        """Issue rank -> where its matches may start in ``text`` (None: anywhere), in rank order."""
        found: dict[int, list[int] | None] = dict.fromkeys(self.always)
        seen: dict[str, frozenset[int]] = {}
        words, prefixes, lengths = self.words, self.prefixes, self.lengths
        for m in _WORD.finditer(_DIGIT.sub("0", text) if _DIGIT.search(text) else text):
            word = m.group()
            ranks = seen.get(word)
            if ranks is None:
                folded = (word if word.isascii() else word.translate(_FOLD)).lower()
                ranks = words.get(folded, _NONE)
                for n in lengths:
                    if n > len(folded):
                        break
                    ranks = ranks | prefixes.get(folded[:n], _NONE)
                seen[word] = ranks
            for rank in ranks:
                starts = found.setdefault(rank, [])
                if starts is not None:
                    starts.append(m.start())
        return {rank: found[rank] for rank in sorted(found)}


class Taxonomy:
    """The issues and their compiled regular expressions; build it once, tag every sentence.

    Example:
        >>> tax = Taxonomy([Issue("truce", "Truce", "A pause in fighting.", terms=("truce", "cease-fire"))])
        >>> tax.tag("A truce, then a ceasefire.", offset=100)
        [IssueTag(key='truce', start=102, end=107, text='truce'), IssueTag(key='truce', start=116, end=125, text='ceasefire')]
    """

    __slots__ = ("_by_key", "_compiled", "_prefilter", "issues")

    def __init__(self, issues: Iterable[Issue]) -> None:
        self.issues: tuple[Issue, ...] = tuple(issues)
        self._by_key = {issue.key: issue for issue in self.issues}
        self._compiled = tuple((issue.key, re.compile(issue_regex(issue), re.IGNORECASE)) for issue in self.issues)
        self._prefilter = _Prefilter(self.issues)

    def __len__(self) -> int:
        return len(self.issues)

    def __iter__(self) -> Iterator[Issue]:
        return iter(self.issues)

    def __contains__(self, key: object) -> bool:
        return key in self._by_key

    def issue(self, key: str) -> Issue:
        """The issue with this key; ``KeyError`` when there is none."""
        return self._by_key[key]

    def tag(self, text: str, offset: int = 0) -> list[IssueTag]:
        """Every match of every issue in ``text``, sorted by start (then end, then taxonomy order).

        Matches of one issue never overlap; matches of different issues may. ``offset`` is added
        to ``start`` and ``end`` (pass a sentence's ``start_char`` to get article offsets).
        """
        found: list[tuple[int, int, int, IssueTag]] = []
        for rank, starts in self._prefilter(text).items():
            key, regex = self._compiled[rank]
            for m in self._matches(regex, text, starts):
                start, end = m.span()
                found.append((start, end, rank, IssueTag(key, start + offset, end + offset, m.group())))
        found.sort(key=lambda item: item[:3])
        return [item[3] for item in found]

    @staticmethod
    def _matches(regex: re.Pattern[str], text: str, starts: list[int] | None) -> Iterator[re.Match[str]]:
        """What ``regex.finditer(text)`` finds (non-empty), trying only at ``starts`` when given."""
        if starts is None:
            yield from (m for m in regex.finditer(text) if m.end() > m.start())
            return
        end = 0
        for pos in starts:
            if pos >= end:
                m = regex.match(text, pos)
                if m is not None and m.end() > pos:
                    end = m.end()
                    yield m

    def keys(self, text: str) -> list[str]:
        """The distinct issue keys found in ``text``, in the order of their first match.

        >>> load_issues().keys("Talks on NATO expansion, the Black Sea and the ICC stalled.")
        ['peace_talks', 'nato_enlargement', 'black_sea', 'war_crimes']
        """
        firsts = []
        for rank, starts in self._prefilter(text).items():
            key, regex = self._compiled[rank]
            m = next(self._matches(regex, text, starts), None)
            if m is not None:
                firsts.append((m.start(), m.end(), rank, key))
        firsts.sort()
        return [item[3] for item in firsts]


def _check(i: int, entry: Any) -> tuple[Issue | None, list[str]]:
    """The issue built from entry ``i``, or None, and every problem with it."""
    if not isinstance(entry, dict):
        return None, [f"issue #{i}: not a table"]
    key = entry.get("key")
    where = f"issue {key!r}" if isinstance(key, str) else f"issue #{i}"
    problems = [f"{where}: unknown field {name!r}" for name in entry if name not in FIELDS]
    for name, (kind, required) in FIELDS.items():
        value = entry.get(name)
        if value is None:
            if required:
                problems.append(f"{where}: missing {name!r}")
        elif kind == "str" and not isinstance(value, str):
            problems.append(f"{where}: {name!r} must be a string, not {type(value).__name__}")
        elif kind == "str" and not value.strip():
            problems.append(f"{where}: {name!r} is empty")
        elif kind == "list" and not (isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)):
            problems.append(f"{where}: {name!r} must be a list of non-empty strings")
    if isinstance(key, str) and not KEY.fullmatch(key):
        problems.append(f"{where}: key must be snake_case (^{KEY.pattern}$)")
    terms = entry.get("terms") or []
    patterns = entry.get("patterns") or []
    if not (isinstance(terms, list) and isinstance(patterns, list)):
        return None, problems
    if not terms and not patterns:
        problems.append(f"{where}: no terms and no patterns")
    for name, values in (("term", terms), ("pattern", patterns)):
        seen: set[str] = set()
        for value in values:
            if isinstance(value, str) and value.strip() in seen:
                problems.append(f"{where}: duplicate {name} {value!r}")
            if isinstance(value, str):
                seen.add(value.strip())
    problems += [f"{where}: term {t!r} has no letter or digit" for t in terms if isinstance(t, str) and not _WORD.search(t)]
    for pattern in patterns:
        if not isinstance(pattern, str):
            continue
        try:
            compiled = re.compile(f"(?:{pattern})", re.IGNORECASE)
        except re.error as exc:
            problems.append(f"{where}: bad pattern {pattern!r} ({exc})")
            continue
        if compiled.fullmatch(""):
            problems.append(f"{where}: pattern {pattern!r} matches the empty string")
        if compiled.groupindex:
            problems.append(f"{where}: pattern {pattern!r} names a group; use (?:...) groups")
    if problems:
        return None, problems
    issue = Issue(key=key, label=entry["label"].strip(), description=" ".join(entry["description"].split()),
                  terms=tuple(t.strip() for t in terms), patterns=tuple(patterns))
    try:
        re.compile(issue_regex(issue), re.IGNORECASE)
    except re.error as exc:  # e.g. a backreference that points into another pattern
        return None, [f"{where}: its patterns do not compile together ({exc})"]
    return issue, []


def parse_issues(text: str, source: str = "issues.toml") -> Taxonomy:
    """Parse and check the TOML text of a taxonomy; raise :class:`IssuesError` listing every problem.

    >>> try:
    ...     parse_issues('[[issue]]\\nkey = "Bad Key"\\nlabel = "x"\\ndescription = "y"\\npatterns = ["(unclosed"]\\ncolour = 1\\n')
    ... except IssuesError as exc:
    ...     print(*exc.problems, sep="\\n")
    issue 'Bad Key': unknown field 'colour'
    issue 'Bad Key': key must be snake_case (^[a-z][a-z0-9_]*$)
    issue 'Bad Key': bad pattern '(unclosed' (missing ), unterminated subpattern at position 0)
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise IssuesError(source, [f"not readable TOML ({exc})"]) from None
    problems = [f"unknown top-level key {name!r}" for name in data if name != "issue"]
    entries = data.get("issue", [])
    if not isinstance(entries, list):
        problems.append("'issue' must be an array of tables ([[issue]])")
        entries = []
    issues: list[Issue] = []
    seen: set[str] = set()
    for i, entry in enumerate(entries):
        issue, entry_problems = _check(i, entry)
        problems += entry_problems
        key = entry.get("key") if isinstance(entry, dict) else None
        if isinstance(key, str):
            if key in seen:
                problems.append(f"issue {key!r}: duplicate key")
            seen.add(key)
        if issue is not None:
            issues.append(issue)
    if not entries and not problems:
        problems.append("no [[issue]] tables")
    if problems:
        raise IssuesError(source, problems)
    return Taxonomy(issues)


@functools.cache
def _default() -> Taxonomy:
    text = resources.files("detente.issues").joinpath("data", "issues.toml").read_text(encoding="utf-8")
    return parse_issues(text, "issues.toml")


def load_issues(path: Path | None = None) -> Taxonomy:
    """Read and check a taxonomy file; without ``path``, detente's own (read once, then shared).

    Raises:
        IssuesError: ``[D082]``, listing every problem of the file.

    Example:
        >>> tax = load_issues()
        >>> "ceasefire" in tax and load_issues() is tax
        True
    """
    if path is None:
        return _default()
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise IssuesError(str(path), [f"cannot read the file ({exc})"]) from None
    return parse_issues(text, str(path))
