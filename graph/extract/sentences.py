"""Sentences of a document as spans of its text, with the section each belongs to.

Lines are first joined where a sentence visibly runs on (a line ending in a
comma, an open bracket or a function word such as *med*, *för*, *og*, *of*),
then each block is split into sentences by spaCy's blank pipeline for the
language (its tokenizer knows Swedish and Norwegian abbreviations such as
*t.ex.*, *bl.a.*, *m.m.*).  Headings are remembered, so that a sentence under
"Rekommendationer" or "Tilrådingar" knows it.

>>> text = "Vi gör t.ex. mer.\\nSkapa mötesplatser med\\nkommunen."
>>> [text[s.start:s.end] for s in split_sentences(text)]
['Vi gör t.ex. mer.', 'Skapa mötesplatser med\\nkommunen.']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["Sentence", "split_sentences", "FUNCTION_WORDS"]

#: Words a line does not end on when its sentence ends there (sv, nb/nn, en).
FUNCTION_WORDS = frozenset("""
och eller samt med för av till från på i om att som som en ett den det de vid under mellan utan hos inom
mot kring genom enligt än både så men när där vilka vilken
og eller med for av til frå fra på i om å at som ein eit en et den det dei de ved under mellom utan uten hos
innan innen mot gjennom enn både men når der kva hva
and or with for of to from on in at by as the a an that which between within through than
""".split())
_SPACY = {"sv": "sv", "nb": "nb", "nn": "nb", "en": "en"}


@dataclass(frozen=True)
class Sentence:
    """A sentence: its character span in the document and the heading above it."""

    start: int
    end: int
    heading: str = ""


@lru_cache(maxsize=4)
def _pipeline(lang: str):
    import spacy

    nlp = spacy.blank(_SPACY.get(lang, "sv"))
    nlp.add_pipe("sentencizer")
    nlp.max_length = 10_000_000
    return nlp


def _runs_on(line: str, following: str) -> bool:
    """Does the sentence of ``line`` go on in the next line?"""
    line, following = line.rstrip(), following.lstrip()
    if not line or not following or line[-1] in ".!?:;":
        return False
    if line.count("(") > line.count(")") or line[-1] in ",–-(/":
        return True
    words = re.findall(r"[^\W\d_]+", line.lower())
    return bool(words and words[-1] in FUNCTION_WORDS) or following[0].islower()


def _blocks(text: str) -> list[tuple[int, int]]:
    """Spans of runs of lines that belong together."""
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    blocks: list[list[int]] = []
    for i, (start, end) in enumerate(lines):
        if blocks and i and _runs_on(text[lines[i - 1][0]:lines[i - 1][1]], text[start:end]) \
                and text.count("\n", lines[i - 1][1], start) == 1:
            blocks[-1][1] = end
        else:
            blocks.append([start, end])
    return [(s, e) for s, e in blocks if text[s:e].strip()]


def _is_heading(block: str) -> bool:
    words = block.split()
    return 0 < len(words) <= 8 and block.rstrip()[-1:] not in ".,;" and len(block) < 90


_LIST_END = re.compile(r"\b(etc|osv|m\.m|m\.fl|o\.s\.v|mfl|mm)\.\s+(?=[A-ZÅÄÖÆØ])")


def _after_list_ends(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split after "etc." or "m.m." when a capital follows: there they end a sentence, not abbreviate inside it."""
    spans, s = [], start
    for m in _LIST_END.finditer(text, start, end):
        spans.append((s, m.start(0) + len(m.group(1)) + 1))
        s = m.end()
    spans.append((s, end))
    return spans


def split_sentences(text: str, lang: str = "sv") -> list[Sentence]:
    """The sentences of ``text`` as :class:`Sentence` spans, in order."""
    nlp = _pipeline(lang)
    out: list[Sentence] = []
    heading = ""
    for start, end in _blocks(text):
        block = text[start:end]
        if _is_heading(block):
            heading = block.strip()
            out.append(Sentence(start + len(block) - len(block.lstrip()), start + len(block.rstrip()), heading))
            continue
        for sent in nlp(block).sents:
            s, e = start + sent.start_char, start + sent.end_char
            for a, b in _after_list_ends(text, s, e):
                if text[a:b].strip():
                    out.append(Sentence(a, b, heading))
    return out
