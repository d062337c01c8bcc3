"""Names as written: honorifics, first names that tell a gender, titles, organisation words,
and :class:`Namer`, which finds the written name around a token ("Han Seo-yeon", "Ursula von
der Leyen", "Stavros “the Accountant” Melas" → Stavros Melas)."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span

from detente.events.lexicon import ActorEntry, LexMatch

__all__ = ["FEMALE_NAMES", "HONORIFICS", "MALE_NAMES", "ORG_WORDS", "PARTICLES", "TITLE_WORDS", "Namer",
           "gender_of_name", "word_groups"]

#: honorifics written before names, with the gender they say (None: either)
HONORIFICS: dict[str, str | None] = {
    "mr": "m", "mr.": "m", "mister": "m", "sir": "m", "lord": "m", "monsieur": "m", "herr": "m",
    "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f", "madam": "f", "madame": "f", "dame": "f",
    "lady": "f", "mme": "f", "mme.": "f", "frau": "f",
    "dr": None, "dr.": None, "prof": None, "prof.": None, "professor": None,
}
#: first names whose gender is clear (a small list for names common in international news)
FEMALE_NAMES = frozenset({"anna", "maria", "ursula", "kaja", "annalena", "giorgia", "marine", "elisabeth",
                          "elizabeth", "theresa", "liz", "kamala", "hillary", "nancy", "angela", "emmanuelle",
                          "christine", "kristalina", "mette", "sanna", "jacinda", "roberta", "victoria", "valentina",
                          "tulsi", "karine", "nikki", "condoleezza", "madeleine", "samantha", "linda", "susan",
                          "susie", "kristi", "pam", "pamela", "tammy", "marjorie", "elise", "amy", "jill", "melania",
                          "michelle", "catherine", "claudia", "dina", "dilma", "cristina", "hasina",
                          "indira", "benazir", "ying-wen", "golda", "yulia", "irina", "olga", "svetlana",
                          "tatiana", "tatyana", "natalia", "natalya", "elena", "yelena", "ekaterina", "yekaterina",
                          "marina", "galina", "lyudmila", "ella", "viola", "kimberly", "karen", "sarah", "sara",
                          "emily", "emma", "helen", "helene", "annegret", "agnes", "beata", "ewa", "kersti",
                          "ingrida", "evika", "mary", "margaret", "jane", "joan", "ann", "anne", "ingrid", "astrid",
                          "birgit", "karin", "kristin", "sigrid", "hanna", "hannah", "sofia", "sophia", "sophie",
                          "julia", "laura", "lena", "nina", "eva", "vera", "alice", "claire", "marie", "nathalie",
                          "isabel", "isabelle", "teresa", "rosa", "lucia", "ana", "monica", "patricia",
                          "rebecca", "rachel", "jennifer", "jessica", "ayesha", "fatima", "maryam", "leila", "layla",
                          "zainab", "mariam", "aisha", "nadia", "olena", "oksana", "iryna", "yuliya", "kateryna",
                          "tetiana"})
MALE_NAMES = frozenset({"vladimir", "sergei", "sergey", "dmitry", "dmitri", "andrei", "andrey", "alexei", "alexey",
                        "alexander", "aleksandr", "mikhail", "nikolai", "nikolay", "ivan", "yuri", "yury", "igor",
                        "oleg", "fyodor", "kirill", "maxim", "pavel", "viktor", "boris", "grigory", "konstantin",
                        "leonid", "volodymyr", "petro", "andriy", "oleksandr", "oleksiy", "rustem", "denys", "dmytro",
                        "mykhailo", "vitali", "vitaly", "valery", "valeriy", "donald", "joe", "joseph", "barack",
                        "george", "bill", "william", "john", "james", "robert", "michael", "mike", "marco", "jd",
                        "j.d.", "pete", "steve", "steven", "keith", "elon", "antony", "tony", "jake", "lloyd", "jens",
                        "mark", "emmanuel", "olaf", "friedrich", "keir", "rishi", "david", "recep", "tayyip",
                        "narendra", "shehbaz", "imran", "benjamin", "yoav", "isaac", "ali", "hassan", "hossein",
                        "abbas", "masoud", "mohammed", "muhammad", "mohammad", "abdel", "abdullah", "salman",
                        "faisal", "tamim", "bashar", "ahmed", "ahmad", "hakan", "sergio", "lula", "luiz", "javier",
                        "gustavo", "nicolas", "nicolás", "andres", "andrés", "shinzo", "fumio", "shigeru", "justin",
                        "pierre", "charles", "harrison", "vivek", "jeff", "rex", "elbridge", "fred", "kurt", "anton",
                        "tomas", "thomas", "erik", "eric", "lars", "sven", "olof", "paul", "peter", "hans", "karl",
                        "martin", "stefan", "piotr", "andrzej", "radoslaw", "frank", "walter", "heinz",
                        "helmut", "gerhard", "wolfgang", "jean", "francois", "françois", "jacques", "louis", "carlos",
                        "jose", "josé", "juan", "pedro", "miguel", "antonio", "giuseppe", "matteo", "mario", "ahmet",
                        "mehmet", "yusuf", "omar", "hamad", "khalid", "mahmoud", "ismail", "ilham", "nikol", "serzh",
                        "levan", "irakli", "alexandr", "lukas", "tomasz", "taras", "yevgeny", "evgeny", "anatoly",
                        "gennady", "vyacheslav", "nikita", "arseniy", "arseny"})


def gender_of_name(first: str) -> str | None:
    """``"m"``/``"f"`` when the first name says it clearly, else None.

    Example:
        >>> gender_of_name("Maria"), gender_of_name("Sergei"), gender_of_name("Taylor")
        ('f', 'm', None)
    """
    w = first.lower().rstrip(".")
    if w in FEMALE_NAMES:
        return "f"
    if w in MALE_NAMES:
        return "m"
    return None


#: lower-case particles inside names ("Ursula von der Leyen", "Abu Bakr al-Baghdadi")
PARTICLES = frozenset({"von", "der", "van", "den", "de", "del", "della", "di", "da", "dos", "das", "du", "la", "le",
                       "al", "el", "bin", "ibn", "ben", "abu"})
#: words that make a capitalised run an organisation's name, not a person's
ORG_WORDS = frozenset({"ministry", "council", "institute", "institution", "party", "group", "bank", "agency",
                       "international", "news", "times", "post", "company", "corporation", "fund", "center", "centre",
                       "foundation", "committee", "office", "service", "union", "association", "organization",
                       "organisation", "forces", "army", "navy", "court", "commission", "university", "press", "tv",
                       "radio", "network", "media", "kremlin", "house", "department", "government", "administration",
                       "parliament", "assembly", "duma", "congress", "senate", "club", "league", "federation",
                       "initiative", "review", "journal", "daily", "herald", "tribune", "telegraph", "guardian",
                       "reuters", "bloomberg", "staff", "chiefs", "command", "guard", "police", "mission", "embassy",
                       "consulate", "forum", "program", "programme", "project", "fleet", "corps", "authority",
                       "bureau"})
TITLE_WORDS = frozenset({"president", "vice", "prime", "minister", "secretary", "chancellor", "king", "queen",
                         "prince", "princess", "general", "gen.", "gen", "senator", "sen.", "rep.", "governor",
                         "gov.", "ambassador", "foreign", "defence", "defense", "spokesman", "spokeswoman",
                         "spokesperson", "chief", "leader", "premier", "emir", "sheikh", "colonel", "col.", "major",
                         "maj.", "captain", "capt.", "lieutenant", "lt.", "admiral", "adm.", "sergeant", "commander",
                         "judge", "justice", "mayor", "deputy", "chairman", "chairwoman", "chair", "director",
                         "professor", "dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "pope", "cardinal",
                         "bishop", "rabbi", "imam", "ayatollah", "comrade"})
_POSSESSIVE = {"'s", "’s", "'", "’"}
_MARKS = set("“”„«»‹›\"‘’‚")


def word_groups(doc: Doc, a: int, b: int) -> list[tuple[int, int]]:
    """Tokens a..b grouped into written words: "Seo", "-", "yeon" is one word."""
    out: list[tuple[int, int]] = []
    k = a
    while k < b:
        end = k + 1
        while end < b and not doc[end - 1].whitespace_ and (doc[end].text in ("-", "‐") or doc[end - 1].text in ("-", "‐")
                                                             or doc[end].text in ("'", "’")) and doc[end].text not in _POSSESSIVE:
            end += 1
        out.append((k, end))
        k = end
    return out


class Namer:
    """Finds the written name around a token: capitalised words (hyphenated parts and name
    particles included), without titles, honorifics, possessives and quoted nicknames."""

    def __init__(self, doc: Doc, lex_at: dict[int, LexMatch], in_quote: Sequence[int],
                 sentence_of: Sequence[int], sents: Sequence[Span]) -> None:
        self.doc = doc
        self.sents = sents
        self.lex_at = lex_at
        self.in_quote = in_quote
        self.sentence_of = sentence_of
        self._groups: dict[int, list[tuple[int, int]]] = {}
        self._ok: dict[tuple[int, int], bool] = {}

    def groups(self, i: int) -> list[tuple[int, int]]:
        """The word groups of token ``i``'s sentence (computed once per sentence)."""
        k = self.sentence_of[i]
        got = self._groups.get(k)
        if got is None:
            sent = self.sents[k]
            got = self._groups[k] = word_groups(self.doc, sent.start, sent.end)
        return got

    def word_ok(self, a: int, b: int) -> bool:
        got = self._ok.get((a, b))
        if got is None:
            got = self._ok[(a, b)] = self._word_ok(a, b)
        return got

    def _word_ok(self, a: int, b: int) -> bool:
        doc = self.doc
        t = doc[a]
        text = doc[a:b].text
        low = text.lower()
        if self.in_quote[a] >= 0 or not text[:1].isalpha() or "/" in text:
            return False
        if low in PARTICLES:
            return True
        if not text[:1].isupper() or low in TITLE_WORDS or low in HONORIFICS or low in ORG_WORDS:
            return False
        m = self.lex_at.get(a)
        if m is not None and isinstance(m.entry, ActorEntry) and m.entry.kind != "person":
            return False
        if m is not None and not isinstance(m.entry, ActorEntry) and t.ent_type_ != "PERSON":
            return False        # an agent or title ("Foreign Minister"), unless NER reads a first name ("Amir")
        return t.pos_ in ("PROPN", "NOUN", "X", "ADJ", "VERB") or t.ent_type_ == "PERSON"

    def run(self, i: int) -> tuple[int, int, list[str]] | None:
        """(first token, end token, words) of the name that token ``i`` belongs to."""
        doc = self.doc
        groups = self.groups(i)
        k = next((n for n, (a, b) in enumerate(groups) if a <= i < b), None)
        if k is None or not self.word_ok(*groups[k]):
            return None
        lo = hi = k
        words = [k]
        while lo - 1 >= 0:
            pa, pb = groups[lo - 1]
            if self.word_ok(pa, pb) and doc[pb - 1].whitespace_:
                lo -= 1
                words.insert(0, lo)
                continue
            # a quoted nickname between first name and surname: Stavros “the Accountant” Melas
            if doc[pa].text in _MARKS:
                j = lo - 2
                while j >= 0 and doc[groups[j][0]].text not in _MARKS and lo - j < 6:
                    j -= 1
                if j >= 1 and doc[groups[j][0]].text in _MARKS and self.word_ok(*groups[j - 1]):
                    lo = j - 1
                    words.insert(0, lo)
                    continue
            break
        while hi + 1 < len(groups) and doc[groups[hi][1] - 1].whitespace_ and self.word_ok(*groups[hi + 1]):
            hi += 1
            words.append(hi)
        # particles only inside a name, not at its edges
        def particle(w: int) -> bool:
            return doc[groups[w][0]:groups[w][1]].text.lower() in PARTICLES

        while words and particle(words[0]):
            words = words[1:]
        while words and particle(words[-1]):
            words = words[:-1]
        if not words:
            return None
        texts = [doc[groups[w][0]:groups[w][1]].text for w in words]
        return groups[words[0]][0], groups[words[-1]][1], texts
