"""The period a sentence states for a tie: "sedan 2016", "2018–2020", "fra 2021", "hösten 2020", "since 2017".

A period is a pair ``(start, end)`` of the model's dates (``YYYY``, ``YYYY-MM`` or
``YYYY-MM-DD``; ``""`` where the text does not say).  How the words read:

* a range ("2018–2020", "2020-21", "från 2019 till 2021", "avtale fra 2018 til 2021",
  "mellan 2017 och 2019", "between 2017 and 2019") gives both ends;
* "sedan / sen / siden / since / från / fra / frå / from" gives the start;
* "till och med / til og med / fram till / until / till / til" gives the end;
* "under / i løpet av / during / throughout" gives the whole of what it names (a year, a season, a month);
* a time named on its own ("i 2019", "2016", "hösten 2020", "i mars 2019") is when the tie is said
  to begin: its start.

Seasons and months are read in Swedish, Norwegian (bokmål and nynorsk) and English.  A
number is a year only between 1950 and 2099, and never as part of another number
("journalnummer 2016-7451", "ett 70-tal").

>>> period_of("Föreningen samarbetar med kommunen sedan 2016.")
('2016', '')
>>> period_of("Avtale med Nav fra 2018 til 2021.")
('2018', '2021')
>>> period_of("Under hösten 2020 deltog Röda Korset.")
('2020-09', '2020-11')
>>> period_of("Inget år här.")
('', '')
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Period", "periods_in", "period_of", "nearest_period", "PERIOD_LABEL"]

_MONTHS = {
    "01": "januari|januar|january|jan", "02": "februari|februar|february|feb", "03": "mars|march|mar",
    "04": "april|apr", "05": "maj|mai|may", "06": "juni|june|jun", "07": "juli|july|jul",
    "08": "augusti|august|aug", "09": "september|sept|sep", "10": "oktober|october|okt|oct",
    "11": "november|nov", "12": "december|desember|dec|des",
}
_SEASONS = {
    ("03", "05"): "våren|vår|våras|våris|spring|springen",
    ("06", "08"): "sommaren|sommar|sommeren|sommer|sumaren|summer",
    ("09", "11"): "hösten|höst|høsten|høst|hausten|haust|autumn|fall",
    ("01", "02"): "vintern|vinter|vinteren|winter",
}
_MONTH_OF = {w: n for n, ws in _MONTHS.items() for w in ws.split("|")}
_SEASON_OF = {w: pair for pair, ws in _SEASONS.items() for w in ws.split("|")}

_YEAR = r"(?:19[5-9]\d|20\d\d)(?!\d|:\d|-?tal|-\d{3}(?!\d)|-(?!19[5-9]\d|20\d\d)\d{4})"
_ISO = r"(?:19[5-9]\d|20\d\d)-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?(?!\d)"
_WHEN = rf"(?:(?P<NAMEw>{'|'.join(sorted(set(_MONTH_OF) | set(_SEASON_OF), key=len, reverse=True))})\.?\s+)?" \
        rf"(?:(?:år|året|åren|årene|year|years|the years)\s+)?(?P<NAMEy>{_ISO}|{_YEAR})"
_A, _B = _WHEN.replace("NAME", "a"), _WHEN.replace("NAME", "b")
_FREE = r"(?<![\d./:-])"           # not inside another number, a date or a reference
_SHORT_END = r"(?P<short>\d\d)(?!\d)"
_TO = r"\s*(?:–|—|-|/)\s*|\s+(?:till och med|til og med|t\.\s?o\.\s?m\.?|till|til|to|until|through|tom)\s+"
_AND = r"\s+(?:och|og|and)\s+"

_RANGE = re.compile(rf"(?:\b(?:från|fra|frå|from)\s+)?{_FREE}{_A}(?:{_TO})(?:{_B}|{_SHORT_END})", re.I)
_BETWEEN = re.compile(rf"\b(?:mellan|mellom|between)\s+{_A}{_AND}{_B}", re.I)
_FROM = re.compile(rf"\b(?:sedan|sen|siden|sidan|since|från och med|fra og med|frå og med|fr\.\s?o\.\s?m\.?|"
                   rf"f\.\s?o\.\s?m\.?|från|fra|frå|from|starting( in)?|beginning( in)?)\s+(?:och med\s+)?{_A}", re.I)
_UNTIL = re.compile(rf"\b(?:till och med|til og med|t\.\s?o\.\s?m\.?|fram till|fram til|until|till|til|up to)\s+{_A}",
                    re.I)
_DURING = re.compile(rf"\b(?:under|i løpet av|gjennom|genom hela|during|throughout|in the course of)\s+"
                     rf"(?:(?:hela|heile|hele|the whole of|all of)\s+)?{_A}", re.I)
_POINT = re.compile(_FREE + _A, re.I)

#: Labels of a form line whose value is the period of the document's own project ("Tidsperiod - 2017-2019").
PERIOD_LABEL = re.compile(r"\b(tidsperiod|projektperiod|prosjektperiode|periode|period|project period|"
                          r"projekttid|prosjekttid|löptid|varaktighet|varighet|duration|tidsram)\b", re.I)


@dataclass(frozen=True)
class Period:
    """A period found in a text: where it stands and what it says."""

    start_at: int
    end_at: int
    start: str
    end: str

    @property
    def pair(self) -> tuple[str, str]:
        return self.start, self.end


def _bounds(word: str | None, year: str) -> tuple[str, str]:
    """First and last date of "2019", "2019-03", "mars 2019", "hösten 2020"."""
    if "-" in year:
        return year, year
    low = (word or "").lower().rstrip(".")
    if low in _MONTH_OF:
        return f"{year}-{_MONTH_OF[low]}", f"{year}-{_MONTH_OF[low]}"
    if low in _SEASON_OF:
        first, last = _SEASON_OF[low]
        return f"{year}-{first}", f"{year}-{last}"
    return year, year


def _range(m: re.Match) -> tuple[str, str] | None:
    """Start and end of a range; ``None`` when it is no range ("2017-05-04" is a day, "2019-07" a month)."""
    start = _bounds(m.group("aw"), m.group("ay"))[0]
    if m.groupdict().get("short"):
        end = m.group("ay")[:2] + m.group("short")
        return (start, end) if "-" not in m.group("ay") and end > m.group("ay") else None
    end = _bounds(m.group("bw"), m.group("by"))[1]
    return (start, end) if end >= start else None


def periods_in(text: str, whole: bool = False) -> list[Period]:
    """Every period ``text`` states, in order; with ``whole``, a time named on its own is its whole span.

    >>> [p.pair for p in periods_in("Sedan 2016 och under 2022; 2018–2020.")]
    [('2016', ''), ('2022', '2022'), ('2018', '2020')]
    """
    found: list[Period] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match, pair: tuple[str, str] | None) -> None:
        if pair is None or any(m.start() < e and s < m.end() for s, e in taken) or (pair[0] and pair[1] and pair[1] < pair[0]):
            return
        taken.append((m.start(), m.end()))
        found.append(Period(m.start(), m.end(), *pair))

    for m in [*_RANGE.finditer(text), *_BETWEEN.finditer(text)]:
        add(m, _range(m))
    for m in _DURING.finditer(text):
        add(m, _bounds(m.group("aw"), m.group("ay")))
    for m in _FROM.finditer(text):
        add(m, (_bounds(m.group("aw"), m.group("ay"))[0], ""))
    for m in _UNTIL.finditer(text):
        add(m, ("", _bounds(m.group("aw"), m.group("ay"))[1]))
    for m in _POINT.finditer(text):
        first, last = _bounds(m.group("aw"), m.group("ay"))
        add(m, (first, last) if whole else (first, ""))
    return sorted(found, key=lambda p: p.start_at)


_CLAUSE = re.compile(r"\s*[,;]\s+|\s+(?:och|og|and|samt|men|but|while|medan|mens)\s+", re.I)


def _clauses(text: str, mentions: list[tuple[int, int]], periods: list[Period]) -> list[tuple[int, int]]:
    """The clauses of a sentence: cut at ", ", "; ", "och", "og", "and" … unless a name follows (a list "A, B och C"
    is one clause) or the cut is inside a period ("mellan 2017 och 2019")."""
    starts = {s for s, _ in mentions}
    cuts = [0]
    for m in _CLAUSE.finditer(text):
        inside = any(p.start_at < m.start() < p.end_at for p in periods)
        if m.end() not in starts and not inside:
            cuts.append(m.end())
    cuts.append(len(text) + 1)
    return list(zip(cuts, cuts[1:]))


def nearest_period(text: str, partner: tuple[int, int] | None = None,
                   mentions: list[tuple[int, int]] | None = None) -> tuple[str, str]:
    """The period a sentence states for the tie to ``partner`` (a span of ``text``); ``("", "")`` if none.

    The period of the partner's own clause, nearest it; else one standing in a clause that names nobody
    ("Since 2017, A has worked with B"); a period of another clause is another tie's.

    >>> text = "A samarbetar med B sedan 2016 och med C sedan 2019."
    >>> nearest_period(text, (38, 39), [(0, 1), (17, 18), (38, 39)])
    ('2019', '')
    >>> nearest_period("A har sedan 2016 samarbetat med B och sedan 2019 med C.", (32, 33), [(0, 1), (32, 33), (53, 54)])
    ('2016', '')
    """
    found = periods_in(text)
    if not found:
        return "", ""
    if partner is None:
        return found[0].pair
    spans = mentions or [partner]
    clauses = _clauses(text, spans, found)

    def clause_of(at: int) -> tuple[int, int]:
        return next((c for c in clauses if c[0] <= at < c[1]), clauses[-1])

    own = clause_of(partner[0])
    named = {clause_of(s) for s, _ in spans}
    here = [p for p in found if clause_of(p.start_at) == own]
    free = [p for p in found if clause_of(p.start_at) not in named]
    candidates = here or free
    if not candidates:
        return "", ""
    return min(candidates, key=lambda p: (max(0, partner[0] - p.end_at, p.start_at - partner[1]), -p.start_at)).pair


def period_of(sentence: str) -> tuple[str, str]:
    """The first period a sentence states, ``("", "")`` if it states none."""
    return nearest_period(sentence)
