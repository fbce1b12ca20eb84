"""Words of a text: tokens with spans, Snowball keys, slugs, and the mention of an actor.

>>> [t.text for t in tokenize("ESF-rådet och NGO:s, m.fl.")]
['ESF-rådet', 'och', 'NGO:s', 'm', 'fl']
>>> key_of("Arbetsförmedlingens", "sv") == key_of("arbetsförmedlingen", "sv")
True
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from graph.extract.lexicon import ACRONYM_STOP

__all__ = ["COMPANY", "Mention", "Token", "cap", "is_acronym", "key_of", "sentence_initial", "slugify", "spaced",
           "stemmer", "tokenize"]

_WORD = re.compile(r"[^\W_][\w\-:’']*[^\W_]|[^\W_]", re.U)
_STEMMERS = {"sv": "swedish", "nb": "norwegian", "nn": "norwegian", "en": "english"}


@dataclass(frozen=True)
class Token:
    """A word of the text: its span and surface."""

    start: int
    end: int
    text: str


@dataclass
class Mention:
    """A span of the text that names an actor (``actor`` is an id of ``known``, or the new actor's key)."""

    start: int
    end: int
    surface: str
    actor: str
    name: str
    type: str = "other"
    known: bool = False
    collective: bool = False
    extra: dict = field(default_factory=dict)


def tokenize(text: str) -> list[Token]:
    """Words with their spans (hyphens and ``:s`` stay inside a word).

    >>> [t.text for t in tokenize("ESF-rådet och NGO:s, m.fl.")]
    ['ESF-rådet', 'och', 'NGO:s', 'm', 'fl']
    """
    return [Token(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


@lru_cache(maxsize=4)
def stemmer(lang: str):
    """The Snowball stemmer of a language (Swedish for unknown ones)."""
    import snowballstemmer

    return snowballstemmer.stemmer(_STEMMERS.get(lang, "swedish"))


def key_of(word: str, lang: str) -> str:
    """The matching key of a word: its lower-cased stem, genitive ``s`` and ``:s`` dropped.

    >>> key_of("Arbetsförmedlingens", "sv") == key_of("arbetsförmedlingen", "sv")
    True
    """
    low = word.lower().replace("’", "'")
    low = re.sub(r"(:s|'s)$", "", low)
    return stemmer(lang).stemWord(low)


def slugify(text: str) -> str:
    """A lowercase ASCII slug.

    >>> slugify("Tønsberg kommune (Å)")
    'tonsberg-kommune-a'
    """
    text = text.lower().translate(str.maketrans({"ø": "o", "æ": "ae", "ß": "ss", "đ": "d", "ł": "l"}))
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "actor"


def cap(token: Token) -> bool:
    return token.text[0].isupper()


def is_acronym(word: str) -> bool:
    return bool(re.fullmatch(r"[A-ZÅÄÖØÆ][A-ZÅÄÖØÆ0-9]{1,5}[a-z]?", word)) and word not in ACRONYM_STOP and word not in COMPANY \
        and sum(c.isupper() for c in word) >= 2


_ABBREVIATION = re.compile(r"\b(t\.\s?ex|bl\.\s?a|m\.\s?fl|d\.\s?v\.\s?s|dvs|ca|t\.\s?o\.\s?m|fr\.\s?o\.\s?m|e\.g|i\.e|"
                           r"f\.\s?eks|bl\.\s?a|jf|nr|s)\.\s*$", re.I)


def sentence_initial(text: str, token: Token) -> bool:
    if _ABBREVIATION.search(text[max(0, token.start - 12):token.start]):
        return False
    before = text[max(0, token.start - 3):token.start].strip()
    return token.start == 0 or before == "" or before[-1:] in ".!?:-–•*\n" or text[token.start - 1] == "\n"


COMPANY = frozenset({"AB", "AS", "ASA", "HB", "KB", "Ltd", "Inc", "SA", "DA", "ANS", "Oy", "ApS", "A/S"})


def spaced(text: str, a: Token, b: Token) -> bool:
    """Are two words separated by one space only?"""
    return text[a.end:b.start] == " "
