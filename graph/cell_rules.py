"""The rules of one cell (or a tie's few cells): each in one function, the only place it is written.

:func:`graph.validate` applies them to a table's distinct values and
:func:`graph.model.row_problems` to one row, so a file and the map's store are
checked alike.  Each returns what is wrong (a code, with what the message
needs) or nothing.

>>> date_rule("2019-13"), date_rule("2019-12"), bad_weight("1_0"), end_rule("target", "x", {"a"})
('impossible_date', None, True, ('unknown_actor', {'value': 'x'}))
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Container

from graph import vocab

__all__ = ["MULTI_VALUE_SEP", "DATE_PATTERN", "ANY_TEXT_RULE", "TEXT_RULE_HINT", "split_multi", "text_rules", "vocab_rule", "end_rule", "among", "bad_weight",
           "date_rule", "ends_before_start", "real_date", "unknown_themes", "unknown_document"]

MULTI_VALUE_SEP = "|"

_MOJIBAKE = re.compile(r"Ã[\x80-\xbf¤¥¶¼½¾©¸§]|Ã…|Ã„|Ã–|Ã˜|Ã†|â€")
_MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]*>|javascript:", re.IGNORECASE)
_FORMULA = re.compile(r"^(?:[=@]|\+(?!\d))")
#: How a date is written: YYYY, YYYY-MM or YYYY-MM-DD (whether it exists is :func:`real_date`'s).
DATE_PATTERN = r"\d{4}(?:-\d{2}(?:-\d{2})?)?"
_DATE = re.compile(f"^{DATE_PATTERN}$")


def split_multi(value: str) -> list[str]:
    """Split a multi-valued cell on ``|``.

    >>> split_multi("housing| language |")
    ['housing', 'language']
    """
    return [part.strip() for part in str(value).split(MULTI_VALUE_SEP) if part.strip()]


#: Matches whatever one of the text rules may flag: a quick first look over a whole column.
ANY_TEXT_RULE = re.compile("|".join(f"(?:{p.pattern})" if not p.flags & re.IGNORECASE else f"(?i:{p.pattern})"
                                     for p in (_MOJIBAKE, _MARKUP, _FORMULA)))
#: What every value :data:`ANY_TEXT_RULE` matches contains (mojibake starts with Ã or â, markup has ``<`` or
#: ``javascript:``, a formula starts with ``=``, ``@`` or ``+``), in RE2 syntax: a column's values are
#: looked at with it in C (pyarrow) first, and only those it finds go through the rules.
TEXT_RULE_HINT = r"[Ãâ<:]|^[=@+]"


def text_rules(value: str, strict: bool) -> list[tuple[str, str]]:
    """(code, severity) of the text rules ``value`` breaks: mojibake, markup, a spreadsheet formula."""
    found = [("mojibake", "error" if strict else "warning")] if _MOJIBAKE.search(value) else []
    return found + [(code, "warning") for code, pattern in (("markup", _MARKUP), ("formula", _FORMULA))
                    if pattern.search(value)]


def vocab_rule(vocabulary: dict, column: str, value: str, strict: bool) -> tuple[str, dict] | None:
    """The warning for a value outside our vocabulary: the closest code, or (own tables only) the allowed ones.

    Imported files (Kumu, GEXF, …) bring their own vocabularies: they are told only
    about values that look like a misspelt code of ours.
    """
    if not value or value in vocabulary:
        return None
    hint = vocab.did_you_mean(vocabulary, value)
    if hint:
        return "unknown_value_like", {"field": column, "value": value, "suggestion": hint}
    return ("unknown_value", {"field": column, "value": value, "allowed": ", ".join(vocabulary)}) if strict else None


def end_rule(end: str, value: str, actors: Container[str]) -> tuple[str, dict] | None:
    """A tie's end must be given and, when there are actors, be one of them."""
    if not value.strip():
        return "no_end", {"end": end}
    return ("unknown_actor", {"value": value}) if len(actors) and value not in actors else None


def among(values, known):
    """True for each of ``values`` (a Series) that is among ``known`` (ids: a list, array or Series), as a
    NumPy array: Arrow's hash lookup for Arrow strings (pandas' ``isin`` of Arrow strings takes seconds at
    200,000), else the values' own ``isin``.

    >>> import pandas as pd
    >>> among(pd.Series(["a", "x"], dtype=str), pd.Series(["a", "b"])).tolist(), among(pd.Series(["b"], dtype=object), ["b"]).tolist()
    ([True, False], [True])
    """
    import pandas as pd
    import pyarrow as pa
    import pyarrow.compute as pc

    array = values.array
    try:
        chunked = array.__arrow_array__() if hasattr(array, "__arrow_array__") else pa.array(values, from_pandas=True)
        given = getattr(known, "array", known)  # a Series' or Index's cells
        wanted = given.__arrow_array__() if hasattr(given, "__arrow_array__") else pa.array(
            pd.Series(known, dtype=object).to_numpy(), from_pandas=True)
        if isinstance(wanted, pa.ChunkedArray):
            wanted = wanted.combine_chunks()
        if not all(pa.types.is_string(x.type) or pa.types.is_large_string(x.type) or pa.types.is_null(x.type)
                   for x in (chunked, wanted)):
            raise TypeError("not strings")
        found = pc.is_in(chunked.cast(pa.large_string()), value_set=wanted.cast(pa.large_string()))
        return pc.fill_null(found, False).to_numpy(zero_copy_only=False)
    except (pa.ArrowException, TypeError, ValueError):
        return values.isin(set(pd.Series(known, dtype=object).tolist())).to_numpy()


def bad_weight(value: str) -> bool:
    """A weight is a finite number ≥ 0 in plain digits (``2``, ``0.5``, ``1e3``)."""
    if not value.isascii() or "_" in value:
        return True
    try:
        number = float(value)
    except ValueError:
        return True
    return not math.isfinite(number) or number < 0


def date_rule(value: str) -> str | None:
    """A date is YYYY, YYYY-MM or YYYY-MM-DD, and one that exists."""
    if not _DATE.match(value):
        return "not_date"
    return None if real_date(value) else "impossible_date"


def ends_before_start(start: str, end: str) -> bool:
    """Both dates exist and the end comes first."""
    return real_date(start) and real_date(end) and end < start


def unknown_themes(value: str, themes: Container[str]) -> list[str]:
    """The themes a tie names that are not themes (none when there are no themes at all)."""
    return [t for t in split_multi(value) if t not in themes] if len(themes) else []


def unknown_document(value: str, documents: Container[str]) -> bool:
    """A tie names a document that is not one (not checked when there are no documents at all)."""
    return bool(value) and len(documents) > 0 and value not in documents


def real_date(value: str) -> bool:
    """Whether ``value`` (YYYY, YYYY-MM or YYYY-MM-DD) is a day, month or year that exists.

    >>> real_date("2020-02-29"), real_date("2019-02-29"), real_date("2019-13"), real_date("spring")
    (True, False, False, False)
    """
    if not _DATE.match(value):
        return False
    parts = [int(p) for p in value.split("-")] + [1, 1]
    try:
        dt.date(parts[0], parts[1], parts[2])
    except ValueError:
        return False
    return parts[0] > 0
