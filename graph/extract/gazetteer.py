"""Known actors by name and alias: a gazetteer on Snowball stems, tolerant of inflection, case and spelling.

Words are compared on their stems (so *Arbetsförmedlingens* finds *Arbetsförmedlingen*), case-insensitively
except that a capitalised name needs a capitalised word, with rapidfuzz for spelling variants
(*Framtidabygder*); a bare group word ("kommuner") only as written; municipalities with or without *kommun(e)*.

>>> from graph.model import Dataset
>>> known = Dataset.from_records(actors=[{"id": "t", "name": "Tønsberg", "type": "municipality"}])
>>> [m.actor for m in known_mentions("Tønsberg kommune", tokenize("Tønsberg kommune"), Gazetteer(known, "nb"))]
['t']
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from graph.extract.lexicon import is_generic
from graph.extract.names import name_run
from graph.extract.words import Mention, Token, cap, key_of, spaced, tokenize
from graph.model import Dataset, split_multi

__all__ = ["Gazetteer", "forms_of", "known_mentions"]


def forms_of(row: dict) -> list[str]:
    name = re.sub(r"\s*\([^)]*\)\s*$", "", str(row.get("name") or "")).strip()
    forms = [name] + split_multi(str(row.get("aliases") or ""))
    if row.get("type") == "municipality":
        for f in list(forms):
            bare = re.sub(r"\s+kommune?$", "", f)
            forms += [bare] if bare != f else [f"{f} kommun", f"{f} kommune"]
    return [f for f in dict.fromkeys(forms) if f]


class Gazetteer:
    """The names and aliases of known actors, keyed by the stem of their first word."""

    def __init__(self, known: Dataset, lang: str):
        self.lang = lang
        self.index: dict[str, list[tuple[list[str], str, str, bool]]] = {}
        self.rows = {str(r["id"]): r for r in known.actors.to_dict("records")}
        for actor, row in self.rows.items():
            for form in forms_of(row):
                words = [t.text for t in tokenize(form)]
                if not words:
                    continue
                exact = len(form) <= 4 and not form.islower()  # AF, LRF, IMDi: as written
                generic = len(words) == 1 and is_generic(form)  # "kommuner" is not "kommunerna"
                keys = [w if exact else w.lower() if generic else key_of(w, lang) for w in words]
                self.index.setdefault(keys[0], []).append((keys, actor, form, form[0].isupper()))
        self.long_keys = [k for k in self.index if len(k) >= 6]

    def _candidates(self, token: Token) -> list[tuple[list[str], str, str, bool]]:
        key = key_of(token.text, self.lang)
        found = self.index.get(token.text.rstrip("."), []) + self.index.get(re.sub(r"(:s|s)$", "", token.text), [])
        found += self.index.get(token.text.lower(), []) if token.text.lower() != key else []
        found += self.index.get(key, [])
        if not found and len(key) >= 6:
            hit = process.extractOne(key, self.long_keys, scorer=fuzz.ratio, score_cutoff=88)
            found = self.index[hit[0]] if hit else []
        return found

    def match(self, tokens: list[Token], i: int) -> tuple[int, str, str] | None:
        """The longest known form starting at token ``i``: (tokens used, actor id, form)."""
        best = None
        for keys, actor, form, capital in self._candidates(tokens[i]):
            n = len(keys)
            if i + n > len(tokens) or (capital and not tokens[i].text[0].isupper()):
                continue
            if n == 1 and is_generic(form) and tokens[i].text.lower() != form.lower():
                continue
            words = tokens[i:i + n]
            if n > 1 and any(b.start - a.end > 2 for a, b in zip(words, words[1:])):
                continue
            got = [key_of(w.text, self.lang) for w in words[1:]]
            if all(g == k or (len(k) >= 6 and fuzz.ratio(g, k) >= 88) for g, k in zip(got, keys[1:])):
                if best is None or n > best[0]:
                    best = (n, actor, form)
        return best


def known_mentions(text: str, tokens: list[Token], gaz: Gazetteer) -> list[Mention]:
    out, i = [], 0
    while i < len(tokens):
        hit = gaz.match(tokens, i)
        if hit and hit[0] == 1 and is_generic(tokens[i].text) and cap(tokens[i]) and i + 1 < len(tokens) \
                and spaced(text, tokens[i], tokens[i + 1]) and name_run(tokens, i + 1, text, 3, heads=True):
            hit = None                  # "Länsstyrelsen Skåne" is a name of its own, not "länsstyrelserna"
        if hit:
            n, actor, _ = hit
            row = gaz.rows[actor]
            s, e = tokens[i].start, tokens[i + n - 1].end
            generic = n == 1 and is_generic(tokens[i].text) and is_generic(str(row.get("name") or "x").split()[0])
            out.append(Mention(s, e, text[s:e], actor, str(row.get("name") or actor), str(row.get("type") or "other"),
                               known=True, collective=generic))
            i += n
        else:
            i += 1
    return out
