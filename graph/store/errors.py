"""What a refused write says: invalid changes, a stale version (with the other person's change), no permission.

>>> str(Forbidden("read_only", role="viewer"))
"'viewer' may look but not change the map"
"""

from __future__ import annotations

from graph.model import DataError
from graph.store.engine import StoreError
from graph.store.history_text import author_text, change_text, local_time, message_text, row_word
from graph.store.words import say

__all__ = ["ChangeRejected", "Conflict", "Forbidden", "StoreError", "describe_change"]


class ChangeRejected(DataError):
    """Changes that break the rules of :func:`graph.validate`; ``problems`` name change, field and rule."""


class Forbidden(StoreError):
    """The user's role may not write."""


def describe_change(change: dict, lang: str = "en") -> str:
    """What one recorded change did, in a few words: fields before → after (by column name), or added / deleted.

    A long text is cut around its first difference, so the part that changed shows
    (:func:`graph.store.history_text.change_text` names the columns by their labels).

    >>> describe_change({"op": "update", "before": {"name": "A", "version": 1}, "after": {"name": "B", "version": 2}})
    "name 'A' → 'B'"
    """
    return change_text(change, lang, labels=False)


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
        """Every conflict as a sentence naming the other person's change, all of it in ``lang``.

        >>> other = {"table": "actors", "id": "a", "revision": 2, "author": "Bo", "time": "soon",
        ...          "message": "edit actors", "op": "update", "before": {"name": "A"}, "after": {"name": "B"}}
        >>> Conflict([{"table": "actors", "id": "a", "version": None, "current": None, "other": other}],
        ...          undoing=1).text("sv")
        "revision 1 kan inte ångras: aktören 'a' ändrades av Bo i revision 2 (soon, 'Ändrade aktörer'): Namn 'A' → 'B'"
        """
        lines = []
        for c in self.conflicts:
            other = c.get("other")
            if other:
                line = say("changed_by", lang, table=row_word(c["table"], lang), id=c["id"],
                           author=author_text(other["author"], lang), revision=other["revision"],
                           time=local_time(other["time"]), message=message_text(other["message"], lang),
                           what=change_text(other, lang))
            else:
                line = say("stale_version", lang, table=row_word(c["table"], lang), id=c["id"], version=c["version"],
                           current=c["current"])
            lines.append(say("undo_conflict", lang, revision=self.undoing, what=line) if self.undoing else line)
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.text("en")
