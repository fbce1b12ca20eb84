"""What a refused write says: invalid changes, a stale version (with the other person's change), no permission.

>>> str(Forbidden("read_only", role="viewer"))
"'viewer' may look but not change the map"
"""

from __future__ import annotations

from graph.model import DataError
from graph.store.engine import StoreError
from graph.store.words import say
from graph.text import pick

__all__ = ["ChangeRejected", "Conflict", "Forbidden", "StoreError", "describe_change"]


class ChangeRejected(DataError):
    """Changes that break the rules of :func:`graph.validate`; ``problems`` name change, field and rule."""


class Forbidden(StoreError):
    """The user's role may not write."""


def _short(value: object) -> str:
    text = str(value)
    return repr(text if len(text) <= 40 else text[:39] + "…")


def describe_change(change: dict, lang: str = "en") -> str:
    """What one recorded change did, in a few words: fields before → after, or added / deleted.

    >>> describe_change({"op": "update", "before": {"name": "A", "version": 1}, "after": {"name": "B", "version": 2}})
    "name 'A' → 'B'"
    """
    words = {"add": {"en": "added", "sv": "tillagd", "nb": "lagt til"},
             "delete": {"en": "deleted", "sv": "borttagen", "nb": "slettet"}}
    if change["op"] in words:
        return pick(words[change["op"]], lang)
    before, after = change.get("before") or {}, change.get("after") or {}
    diffs = [f"{k} {_short(before.get(k, ''))} → {_short(after.get(k, ''))}" for k in after
             if k != "version" and before.get(k, "") != after.get(k, "")]
    return "; ".join(diffs) or "—"


class Conflict(StoreError):
    """A change was based on a version someone else has changed since; ``others`` holds their changes.

    Each entry of ``conflicts`` is a dict with ``table``, ``id``, ``version`` (what the change named),
    ``current`` (the stored version, None when deleted) and ``other`` (the newer recorded change, with
    its revision, author, time and message, or None).
    """

    def __init__(self, conflicts: list[dict], undoing: int | None = None):
        self.conflicts, self.undoing = conflicts, undoing
        first = conflicts[0]
        super().__init__("stale_version", table=first["table"], id=first["id"], version=first["version"],
                         current=first["current"])

    def text(self, lang: str = "en") -> str:
        """Every conflict as a sentence naming the other person's change."""
        lines = []
        for c in self.conflicts:
            other = c.get("other")
            if other:
                line = say("changed_by", lang, table=c["table"], id=c["id"], author=other["author"],
                           revision=other["revision"], time=other["time"], message=other["message"],
                           what=describe_change(other, lang))
            else:
                line = say("stale_version", lang, table=c["table"], id=c["id"], version=c["version"],
                           current=c["current"])
            lines.append(say("undo_conflict", lang, revision=self.undoing, what=line) if self.undoing else line)
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.text("en")
