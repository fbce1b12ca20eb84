"""How every sentence and label the project says is chosen: one language rule for every catalogue.

The words themselves live beside what they describe (the app's words in
``ui/i18n.py``, reader and validation messages in :mod:`graph.messages`,
vocabulary labels in :mod:`graph.vocab`, suggestion reasons in
:mod:`graph.links`); each catalogue maps a key to ``{"sv": …, "en": …, "nb": …}``
and looks it up through :func:`say`, so all of them fall back the same way:
the language asked for, then English, then the key itself.

>>> WORDS = {"actors": {"sv": "{n} aktörer", "en": "{n} actors"}}
>>> say(WORDS, "actors", "nb", n=3), say(WORDS, "nothing", "sv")
('3 actors', 'nothing')
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

__all__ = ["LANGUAGES", "FALLBACK", "pick", "say", "decimal", "figures", "quoted"]

#: The languages every catalogue speaks: Swedish, English, Norwegian bokmål.
LANGUAGES = ("sv", "en", "nb")
#: The language used where a catalogue has no text in the one asked for.
FALLBACK = "en"


def pick(entry: Mapping[str, str], lang: str) -> str:
    """The text of ``entry`` in ``lang``, else in English, else in any language it has ('' if none).

    >>> pick({"sv": "Bostad", "en": "Housing"}, "nb"), pick({"sv": "Bostad"}, "en")
    ('Housing', 'Bostad')
    """
    return entry.get(lang) or entry.get(FALLBACK) or next((v for v in entry.values() if v), "")


def say(catalogue: Mapping[str, Mapping[str, str]], key: str, lang: str, *, count: int | None = None,
        **values: object) -> str:
    """The text of ``key`` in ``lang``, with ``values`` filled in; the key itself when unknown.

    Plurals are two keys: with ``count == 1`` the text of ``key_one`` is used when
    the catalogue has one.

    >>> say({"n": {"en": "{n} ties"}, "n_one": {"en": "one tie"}}, "n", "en", count=1, n=1)
    'one tie'
    """
    if count == 1 and f"{key}_one" in catalogue:
        key = f"{key}_one"
    entry = catalogue.get(key)
    if entry is None:
        return key
    text = pick(entry, lang)
    return text.format(**values) if values else text


#: The languages that write a decimal comma.
DECIMAL_COMMA = frozenset({"sv", "nb"})


def decimal(value: float | str, lang: str, digits: int = 3) -> str:
    """``value`` with ``digits`` decimals (or a number already written, as it is) as ``lang`` writes it: with a
    decimal comma in Swedish and Norwegian.

    >>> decimal(0.15462, "sv"), decimal(0.15462, "en"), decimal(2, "nb", 2), decimal("1.5e-05", "sv")
    ('0,155', '0.155', '2,00', '1,5e-05')
    """
    text = value if isinstance(value, str) else f"{value:.{digits}f}"
    return text.replace(".", ",") if lang in DECIMAL_COMMA else text



def figures(items: Iterable[str], lang: str) -> str:
    """Figures as one list: between semicolons where a decimal comma would make commas ambiguous.

    >>> figures(["RA 0,833", "AA 1,44"], "sv"), figures(["RA 0.833", "AA 1.44"], "en")
    ('RA 0,833; AA 1,44', 'RA 0.833, AA 1.44')
    """
    return ("; " if lang in DECIMAL_COMMA else ", ").join(items)


#: Quotation marks as each language sets them.
QUOTES = {"sv": ("”", "”"), "en": ("“", "”"), "nb": ("«", "»")}


def quoted(text: str, lang: str) -> str:
    """``text`` between the quotation marks of ``lang`` (English's where a language has none here).

    >>> quoted("Vi samarbetar", "sv"), quoted("Vi samarbeider", "nb"), quoted("We work together", "en")
    ('”Vi samarbetar”', '«Vi samarbeider»', '“We work together”')
    """
    start, end = QUOTES.get(lang, QUOTES[FALLBACK])
    return f"{start}{text}{end}"
