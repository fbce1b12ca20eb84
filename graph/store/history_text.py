"""How the history reads to a person: the app's own messages, times and changes in the user's words.

The store keeps what was written (a message such as ``edit actors``, a UTC
stamp, column names); these functions turn them into what a page shows, at
display time, so a revision reads in whatever language its reader chose. A
person's own free-text message is kept as written.

>>> message_text("undo revision 3: edit actors", "sv")
'Ångrade revision 3 (Ändrade aktörer)'
>>> message_text("fixed the typo", "sv")
'fixed the typo'
>>> change_text({"op": "update", "table": "actors", "before": {"name": "A", "version": 1},
...              "after": {"name": "B", "version": 2}}, "sv")
"Namn 'A' → 'B'"
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, tzinfo
from difflib import SequenceMatcher
from os.path import commonprefix

from graph.store.words import COLUMN_WORDS, row_word, word
from graph.text import say

__all__ = ["BIG_UNDO", "WIDTH", "message_text", "author_text", "row_word", "column_word", "local_time",
           "zone_name", "clip_pair", "marked_words", "changed_values", "change_text", "undone_by"]

#: An undo of more changes than this asks first (an import's revision can empty the whole map).
BIG_UNDO = 20
#: About how many characters of a value a change's text shows.
WIDTH = 40
_TABLES = "actors|collaborations|themes|documents"
_READ = "Läst från dokument|Read from a document|Lest fra dokument"  # views/read_document writes it in any of them

#: The messages the app writes (graph.store.api, importer, edits, ui/edit_forms, views/*): pattern -> its words.
_FORMS: list[tuple[re.Pattern, Callable[[re.Match, str], str]]] = [
    (re.compile(r"first start: (?P<name>.+)", re.S), lambda m, lang: word("msg_first_start", lang, name=m["name"])),
    (re.compile(r"import \((?P<mode>merge|replace)\)"),
     lambda m, lang: word("msg_import_mode", lang, mode=word(f"mode_{m['mode']}", lang))),
    (re.compile(r"import (?P<name>.+)", re.S), lambda m, lang: word("msg_import", lang, name=m["name"])),
    (re.compile(rf"edit (?P<table>{_TABLES})"),
     lambda m, lang: word("msg_edit", lang, rows=word(f"rows_{m['table']}", lang))),
    (re.compile(r"delete tie"), lambda m, lang: word("msg_delete_tie", lang)),
    (re.compile(r"delete (?P<id>.+)", re.S), lambda m, lang: word("msg_delete", lang, id=m["id"])),
    (re.compile(r"merge (?P<remove>.+?) into (?P<keep>.+)", re.S),
     lambda m, lang: word("msg_merge", lang, remove=m["remove"], keep=m["keep"])),
    (re.compile(r"accepted suggestion: (?P<reason>.*)", re.S),
     lambda m, lang: word("msg_suggestion", lang, reason=m["reason"])),
    (re.compile(rf"(?:{_READ})(?:: (?P<document>.+))?", re.S),
     lambda m, lang: word("msg_read_doc", lang, document=m["document"]) if m["document"] else word("msg_read", lang)),
]
_UNDO = re.compile(r"undo revision (?P<revision>\d+)(?:: (?P<what>.*))?", re.S)


def message_text(message: object, lang: str = "en") -> str:
    """A revision's message in ``lang`` when the app wrote it; a person's own message as written.

    >>> message_text("first start: data", "nb"), message_text("merge lf2 into lf", "en")
    ('Første oppstart: leste inn data', 'Merged lf2 into lf')
    >>> message_text("Läst från dokument: report.pdf", "en")
    'Read from the document report.pdf'
    """
    text = "" if message is None else str(message)
    undo = _UNDO.fullmatch(text)
    if undo:
        if undo["what"]:
            return word("msg_undo_what", lang, revision=undo["revision"], what=message_text(undo["what"], lang))
        return word("msg_undo", lang, revision=undo["revision"])
    for pattern, words in _FORMS:
        found = pattern.fullmatch(text)
        if found:
            return words(found, lang)
    return text


def author_text(author: object, lang: str = "en") -> str:
    """Who made a revision: a person's name as written; the app's own first start (``setup``) in words.

    >>> author_text("setup", "sv"), author_text("Anna", "sv")
    ('uppstarten', 'Anna')
    """
    text = "" if author is None else str(author)
    return word("author_setup", lang) if text == "setup" else text


def column_word(column: str, lang: str = "en") -> str:
    """A column's label in ``lang`` (its name when it has none).

    >>> column_word("description", "sv"), column_word("my_extra", "sv")
    ('Beskrivning', 'my_extra')
    """
    return say(COLUMN_WORDS, column, lang)


def local_time(stamp: object, tz: tzinfo | None = None) -> str:
    """A stored UTC stamp as a person reads it: ``YYYY-MM-DD HH:MM`` in ``tz`` (the server's zone when None).

    A stamp that is no time is given back as written.

    >>> from datetime import timedelta, timezone
    >>> local_time("2026-12-07T14:48:20Z", timezone(timedelta(hours=1))), local_time("soon")
    ('2026-12-07 15:48', 'soon')
    """
    try:
        when = datetime.fromisoformat(str(stamp).replace("Z", "+00:00"))
    except ValueError:
        return str(stamp)
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(tz).strftime("%Y-%m-%d %H:%M")


def zone_name(tz: tzinfo | None = None) -> str:
    """The zone :func:`local_time` shows, as ``CET (UTC+01:00)``.

    >>> from datetime import timedelta, timezone
    >>> zone_name(timezone(timedelta(hours=1), "CET"))
    'CET (UTC+01:00)'
    """
    now = datetime.now(UTC).astimezone(tz)
    offset = now.strftime("%z")
    return f"{now.tzname()} (UTC{offset[:3]}:{offset[3:]})"


def clip_pair(before: str, after: str, width: int = WIDTH) -> tuple[str, str]:
    """``before`` and ``after`` cut to about ``width`` characters from just before their first difference.

    Both are cut at the same place, from the start of the word a few characters before the
    difference, with ``…`` where text was left out; short texts are kept whole.

    >>> clip_pair("A", "B")
    ('A', 'B')
    >>> old = "Projekt som drivs av ett antal asylsökande i Orust kommun sedan 2016"
    >>> clip_pair(old, old.replace("i Orust kommun", "på Orust och Tjörn"), width=30)
    ('…asylsökande i Orust kommun sed…', '…asylsökande på Orust och Tjörn…')
    """
    if len(before) <= width and len(after) <= width:
        return before, after
    first = len(commonprefix([before, after]))
    start = max(0, first - width // 4)
    space = before.rfind(" ", max(0, start - width // 3), start)
    start = 0 if start == 0 else (space + 1 if space >= 0 else start)

    def cut(text: str) -> str:
        return ("…" if start else "") + text[start:start + width] + ("…" if start + width < len(text) else "")

    return cut(before), cut(after)


def marked_words(before: str, after: str) -> tuple[list[tuple[str, bool]], list[tuple[str, bool]]]:
    """``before`` and ``after`` as runs of words, each with whether it differs from the other text (difflib).

    A run's trailing spaces are a run of their own that never differs, so a page can mark the words alone.

    >>> marked_words("in Orust today", "in Orust and Tjörn today")[1]
    [('in Orust', False), (' ', False), ('and Tjörn', True), (' ', False), ('today', False)]
    """
    old, new = re.findall(r"\S+\s*", before), re.findall(r"\S+\s*", after)
    runs: tuple[list[tuple[str, bool]], list[tuple[str, bool]]] = ([], [])
    matcher = SequenceMatcher(None, [w.strip() for w in old], [w.strip() for w in new], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        for out, words in ((runs[0], old[i1:i2]), (runs[1], new[j1:j2])):
            text = "".join(words)
            if text.strip():
                out.append((text.rstrip(), op != "equal"))
            if text != text.rstrip():
                out.append((text[len(text.rstrip()):], False))
    return runs


def changed_values(change: dict) -> list[tuple[str, str, str]]:
    """The columns an update changed, each as ``(column, before, after)`` (the whole texts).

    >>> changed_values({"op": "update", "before": {"name": "A", "kind": "x", "version": 1},
    ...                 "after": {"name": "B", "kind": "x", "version": 2}})
    [('name', 'A', 'B')]
    """
    before, after = change.get("before") or {}, change.get("after") or {}
    return [(k, str(before.get(k, "")), str(after.get(k, ""))) for k in after
            if k != "version" and before.get(k, "") != after.get(k, "")]


def change_text(change: dict, lang: str = "en", *, labels: bool = True) -> str:
    """What one recorded change did: ``added``, ``deleted``, or each changed column ``before → after``.

    Columns are named by their labels in ``lang`` (their names with ``labels=False``); a long text is cut
    around its first difference (:func:`clip_pair`), so the part that changed is shown.

    >>> change_text({"op": "delete", "table": "actors", "before": {"name": "A"}, "after": None}, "nb")
    'slettet'
    >>> change_text({"op": "update", "before": {"name": "A"}, "after": {"name": "B"}}, labels=False)
    "name 'A' → 'B'"
    """
    if change["op"] in ("add", "delete"):
        return word({"add": "added", "delete": "deleted"}[change["op"]], lang)
    parts = []
    for column, old, new in changed_values(change):
        old, new = clip_pair(old, new)
        parts.append(f"{column_word(column, lang) if labels else column} {old!r} → {new!r}")
    return "; ".join(parts) or "—"


def undone_by(revisions: Iterable[dict]) -> dict[int, int]:
    """Revision number -> the revision that undid it, for the revisions that stay undone.

    ``revisions`` are dicts with ``number`` and ``undoes`` (as :func:`graph.store.history` gives them).
    An undo that was undone in its turn (a redo) leaves the revision it undid in effect.

    >>> undone_by([{"number": 4, "undoes": 3}, {"number": 3, "undoes": None}])
    {3: 4}
    >>> undone_by([{"number": 3, "undoes": 2}, {"number": 2, "undoes": 1}, {"number": 1, "undoes": None}])
    {2: 3}
    """
    undoes = {int(r["number"]): int(r["undoes"]) for r in revisions if r.get("undoes")}
    found: dict[int, int] = {}
    for number in sorted(undoes, reverse=True):  # newest first: whether an undo was undone is known by then
        if number not in found and undoes[number] not in found:
            found[undoes[number]] = number
    return found
