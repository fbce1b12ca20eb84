"""New actors by how Nordic (and English) organisation names are built: heads, descriptors, abbreviations.

>>> from graph.extract.words import tokenize
>>> text = "Vi samarbetar med Region Halland och Grannar AB."
>>> [m.name for m in new_mentions(text, tokenize(text), "sv", set())]
['Region Halland', 'Grannar AB']
"""

from __future__ import annotations

import re

from graph.extract.lexicon import DESCRIPTORS, head_type, is_generic
from graph.extract.words import COMPANY, Mention, Token, cap, is_acronym, key_of, sentence_initial, spaced

__all__ = ["new_mentions", "is_person", "name_run"]

_LEADING = frozenset({"The", "A", "An", "Den", "Det", "De", "En", "Ett", "Ein", "Eit", "Dei", "Under", "I", "In",
                      "På", "Med", "Och", "Og", "And", "Även", "Också", "Også", "Also", "Both", "Både"})
_JOINERS = frozenset({"i", "på", "för", "for", "of", "in", "och", "og", "and", "til", "till", "to"})
Found = tuple[int, int, str, bool]
#: A list of abbreviated names right before a word: "LRF, SKL, " (what follows is a name too).
_AFTER_ABBREVIATION = re.compile(r"\b[A-ZÅÄÖØÆ]{2,}[a-z]?(:s)?(, [A-ZÅÄÖØÆ]{2,}[a-z]?)*(, | (och|og|and|samt) )$")
#: A quoted name of up to six words, capitalised: ”Nya vägar”, «Ny start», "Welcome Home".
_QUOTED = re.compile(r" [”“\"«'‘’]([A-ZÅÄÖØÆ0-9][^”“\"«»'‘’\n.;:!?]{0,60}?)[”“\"»'’]")


def name_run(tokens: list[Token], j: int, text: str, limit: int = 4, heads: bool = False, joiners: bool = False) -> int:
    """How many words of a name start at token ``j``: capitalised, one space apart; named heads with ``heads``
    ("Studieförbundet Vuxenskolan"), a lower-case joiner before a capital with ``joiners`` ("Ny i Valdres")."""
    n = 0
    while j + n < len(tokens) and n < limit:
        t = tokens[j + n]
        if n and not spaced(text, tokens[j + n - 1], t):
            break
        if joiners and n and t.text in _JOINERS and j + n + 1 < len(tokens) and cap(tokens[j + n + 1]) \
                and spaced(text, t, tokens[j + n + 1]):
            n += 1
            continue
        named_head = heads and head_type(t.text) is not None and not is_generic(t.text)
        if not cap(t) or t.text in COMPANY or (head_type(t.text) is not None and not named_head):
            break
        n += 1
    while n and tokens[j + n - 1].text in _JOINERS:
        n -= 1
    return n


def _descriptor_name(text: str, tokens: list[Token], i: int) -> Found | None:
    """"projektet Mångfaldsmat Orust", "konsulentselskapet Agenda Kaupang AS", "Prosjektet Ny i Valdres"."""
    low = tokens[i].text.lower()
    if low not in DESCRIPTORS or i + 1 >= len(tokens):
        return None
    quoted = _QUOTED.match(text, tokens[i].end)
    if quoted:                                              # projektet ”Nya vägar”, prosjektet «Ny start»
        j = next(k for k in range(i + 1, len(tokens)) if tokens[k].start >= quoted.start(1))
        n = next(k for k in range(j, len(tokens)) if tokens[k].end >= quoted.end(1)) + 1 - j
        return j, n, DESCRIPTORS[low], False
    if not spaced(text, tokens[i], tokens[i + 1]):
        return None
    n = name_run(tokens, i + 1, text, joiners=True)
    if n and i + 1 + n < len(tokens) and tokens[i + 1 + n].text in COMPANY \
            and spaced(text, tokens[i + n], tokens[i + 1 + n]):
        n += 1
    return (i + 1, n, DESCRIPTORS[low], False) if n else None


#: Norwegian counties named with "og": the one place "og" joins a place's name.
_OG_PLACES = "Romsdal|Fjordane|Finnmark|Telemark"


def _in_place(text: str, tokens: list[Token], i: int, n: int) -> int:
    """Words of " i Värmland", " i Innlandet", " i Västra Götaland", " i Møre og Romsdal" after a named
    organisation (a second capitalised word that is itself a head, as in "i Skåne Region Halland", is not)."""
    place = re.match(rf" i ([A-ZÅÄÖØÆ][\w-]+)(?: (og (?:{_OG_PLACES})|[A-ZÅÄÖØÆ][\w-]+))?(?: (?:län|fylke))?(?=\W|$)",
                     text[tokens[i + n - 1].end:])
    if not place:
        return 0
    words = place.group()
    if place.group(2) and head_type(place.group(2)):
        words = f" i {place.group(1)}"
    return min(len(words.split()), len(tokens) - i - n)


def _head_name(text: str, tokens: list[Token], i: int) -> Found | None:
    """A word built on a head: "Migrationsverket", "Region Halland", "Länsstyrelsen i Värmland", "kommunerna"."""
    tok = tokens[i]
    kind = head_type(tok.text)
    if not kind:
        return None
    one_space = i + 1 < len(tokens) and spaced(text, tok, tokens[i + 1])
    if cap(tok) and is_generic(tok.text):
        run = name_run(tokens, i + 1, text, 3, heads=True) if one_space and not is_acronym(tokens[i + 1].text) else 0
        if run:
            return i, 1 + run, kind, False                  # Region Halland, Studieförbundet Vuxenskolan
        place = _in_place(text, tokens, i, 1) if kind in ("county_board", "region") else 0
        if not place and not sentence_initial(text, tok) and _AFTER_ABBREVIATION.search(text[max(0, tok.start - 30):tok.start]):
            return i, 1, kind, False                        # "LRF, SKL, Företagarna": a name in a list of names
        return (i, 1 + place, kind, False) if place else (i, 1, kind, True)
    if not cap(tok):
        return i, 1, kind, True
    genitive = tok.text.endswith("s") and head_type(tok.text) != head_type(tok.text[:-1] + "x")
    nxt = not genitive and one_space and cap(tokens[i + 1]) and head_type(tokens[i + 1].text) is None \
        and not is_acronym(tokens[i + 1].text)
    n = 2 if nxt else 1
    return i, n + (0 if genitive else _in_place(text, tokens, i, n)), kind, False


def _acronym_name(text: str, tokens: list[Token], i: int) -> Found | None:
    """"LRF", "IMDi", "LRF Gävleborg"; "Belgisk TV" (a nationality adjective before an abbreviation)."""
    tok = tokens[i]
    if is_acronym(tok.text) and not text[tok.end:tok.end + 3].startswith((" –", " -")):
        run = name_run(tokens, i + 1, text, 2) if i + 1 < len(tokens) and spaced(text, tok, tokens[i + 1]) else 0
        return i, 1 + run, "other", False
    if cap(tok) and re.search(r"(isk|sk|ska|iska|ske)$", tok.text) and i + 1 < len(tokens) \
            and spaced(text, tok, tokens[i + 1]) and re.fullmatch(r"[A-ZÅÄÖØÆ]{2,5}", tokens[i + 1].text):
        return i, 2, "other", False
    return None


def _run_with_head(text: str, tokens: list[Token], i: int, lang: str) -> Found | None:
    """Capitalised words closed by a head: "Tønsberg kommune", "Röda Korset", "Rural Welcome Network",
    "County Administrative Board of Västmanland", "Grannar AB", "Folkets Park/bygdegårdar"."""
    tok = tokens[i]
    if not cap(tok) or tok.text in _LEADING:
        return None
    initial = sentence_initial(text, tok)
    n = name_run(tokens, i, text, 4)
    after = tokens[i + n] if n and i + n < len(tokens) else None
    if after is None:
        return None
    if text[tokens[i + n - 1].end:after.start] == "/" and head_type(after.text) and n >= 2 and not initial:
        return i, n, head_type(after.text), False
    if not spaced(text, tokens[i + n - 1], after):
        return None
    if after.text in COMPANY:                              # Grannar AB, also at a sentence's start
        return i, n + 1, "business", False
    kind = head_type(after.text)
    if kind and cap(after) and (is_generic(after.text) or not initial):
        of = re.match(r" of (the )?[A-ZÅÄÖØÆ][\w-]+", text[after.end:])
        words = n + 1 + (len(of.group().split()) - (1 if of and of.group(1) else 0) if of else 0)
        phrase = " ".join(t.text.lower() for t in tokens[i:i + n + 1])
        return i, words, "county_board" if phrase.endswith("county administrative board") else kind, False
    lower_heads = {"municipality", "association", "business", "other", "faith_community"}
    if kind in lower_heads and not cap(after) and (not initial or _unknown_word(tok.text, lang)):
        return i, n + 1, kind, False
    return None


def _unknown_word(word: str, lang: str) -> bool:
    """Not a word of the language's lemma tables: likely a place name ("Ljusdals kommun" at a sentence start)."""
    from simplemma import is_known

    base = re.sub(r"s$", "", word.lower())
    return not is_known(word.lower(), lang={"nn": "nn", "nb": "nb"}.get(lang, lang)) \
        and not is_known(base, lang={"nn": "nn", "nb": "nb"}.get(lang, lang))


def _new_at(text: str, tokens: list[Token], i: int, lang: str = "sv") -> Found | None:
    """A new actor starting at token ``i``: (first token, tokens used, type, collective)."""
    return (_descriptor_name(text, tokens, i) or _run_with_head(text, tokens, i, lang)
            or _head_name(text, tokens, i) or _acronym_name(text, tokens, i))


def _collective_name(text: str, tokens: list[Token], i: int) -> int:
    """Start token of a collective's name with its adjectives: "lokala livsmedelsproducenter"."""
    j = i
    while j > 0 and re.fullmatch(r"[a-zåäöæø]+(a|e|iga|ige)", tokens[j - 1].text) and \
            tokens[j - 1].text in {"lokala", "regionala", "lokale", "regionale", "ideella", "ideelle", "friviljuge",
                                   "frivillige", "frivilliga", "europeiska", "nationella", "statliga", "kommunala"}:
        j -= 1
    return j


def new_mentions(text: str, tokens: list[Token], lang: str, taken: set[int]) -> list[Mention]:
    out, i = [], 0
    while i < len(tokens):
        found = None if i in taken else _new_at(text, tokens, i, lang)
        if not found:
            i += 1
            continue
        first, n, kind, collective = found
        if any(k in taken for k in range(first, first + n)):
            i += 1
            continue
        if collective and first == i and i and (i - 1) not in taken and cap(tokens[i - 1]) \
                and spaced(text, tokens[i - 1], tokens[i]) and not sentence_initial(text, tokens[i - 1]) \
                and head_type(tokens[i - 1].text) is None and not is_acronym(tokens[i - 1].text):
            first, n, collective = i - 1, 2, False          # Allmänna arvsfonden, Europeiska socialfonden
        elif collective:
            first = _collective_name(text, tokens, first) if first == i else first
            n = i + 1 - first

        s, e = tokens[first].start, tokens[first + n - 1].end
        surface = text[s:e]
        name = re.sub(r"(?<=[a-zåäöæø])s$", "", surface) if head_type(surface.split()[-1][:-1] or "x") else surface
        key = " ".join(key_of(w, lang) for w in name.split())
        out.append(Mention(s, e, surface, key, name, kind, collective=collective))
        i = first + n
    return out


def is_person(text: str, m: Mention) -> bool:
    """A name followed by ", role" ("Kerstin Carlsson, projektledare") is a person, never an actor."""
    words = m.surface.split()
    role = re.match(r",\s*[a-zåäöæø]+(are|ande|ledare|leder|sjef|chef|strateg|rådgivar\w*|rådgiver|koordinator)\b",
                    text[m.end:m.end + 40])
    return len(words) in (2, 3) and all(w[0].isupper() for w in words) and bool(role)
