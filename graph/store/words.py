"""What the store says, in English, Swedish and Norwegian (bokmål).

The sentences join :data:`graph.messages.MESSAGES` when :mod:`graph.store` is
imported, so a store problem renders like any other problem, in any language.

>>> from graph import messages
>>> messages.render("stale_version", "en", table="actors", id="a", version=1, current=2)[:33]
"actors 'a' has changed: you edit "
"""

from __future__ import annotations

from graph import messages

__all__ = ["STORE_MESSAGES", "say"]

STORE_MESSAGES: dict[str, dict[str, str]] = {
    "bad_change": {"en": "change {n} is not understood: {reason}", "sv": "ändring {n} går inte att tolka: {reason}",
                   "nb": "endring {n} kan ikke tolkes: {reason}"},
    "no_such_row": {"en": "{table} {id!r} does not exist (deleted or never added)",
                    "sv": "{table} {id!r} finns inte (borttagen eller aldrig tillagd)",
                    "nb": "{table} {id!r} finnes ikke (slettet eller aldri lagt til)"},
    "row_exists": {"en": "{table} {id!r} already exists", "sv": "{table} {id!r} finns redan",
                   "nb": "{table} {id!r} finnes allerede"},
    "still_tied": {"en": "actor {id!r} still has {n} tie(s): delete or move them in the same change",
                   "sv": "aktören {id!r} har fortfarande {n} samarbete(n): ta bort eller flytta dem i samma ändring",
                   "nb": "aktøren {id!r} har fortsatt {n} samarbeid: slett eller flytt dem i samme endring"},
    "still_used": {"en": "{table} {id!r} is still named by {n} tie(s)",
                   "sv": "{table} {id!r} används fortfarande av {n} samarbete(n)",
                   "nb": "{table} {id!r} brukes fortsatt av {n} samarbeid"},
    "stale_version": {"en": "{table} {id!r} has changed: you edit version {version}, it is now version {current}",
                      "sv": "{table} {id!r} har ändrats: du utgår från version {version}, nu är den version {current}",
                      "nb": "{table} {id!r} er endret: du tar utgangspunkt i versjon {version}, nå er den versjon "
                            "{current}"},
    "changed_by": {"en": "{table} {id!r} was changed by {author} in revision {revision} ({time}, {message!r}): {what}",
                   "sv": "{table} {id!r} ändrades av {author} i revision {revision} ({time}, {message!r}): {what}",
                   "nb": "{table} {id!r} ble endret av {author} i revisjon {revision} ({time}, {message!r}): {what}"},
    "undo_conflict": {"en": "revision {revision} cannot be undone: {what}",
                      "sv": "revision {revision} kan inte ångras: {what}",
                      "nb": "revisjon {revision} kan ikke angres: {what}"},
    "no_revision": {"en": "there is no revision {revision}", "sv": "det finns ingen revision {revision}",
                    "nb": "det finnes ingen revisjon {revision}"},
    "read_only": {"en": "{role!r} may look but not change the map", "sv": "{role!r} får titta men inte ändra kartan",
                  "nb": "{role!r} kan se, men ikke endre kartet"},
    "no_author": {"en": "every change needs an author's name", "sv": "varje ändring behöver ett namn på författaren",
                  "nb": "hver endring trenger et navn på forfatteren"},
    "db_no_file": {"en": "no such database file", "sv": "databasfilen finns inte",
                   "nb": "databasefilen finnes ikke"},
    "db_not_sqlite": {"en": "not an SQLite database (damaged, or another kind of file)",
                      "sv": "ingen SQLite-databas (skadad, eller en annan sorts fil)",
                      "nb": "ingen SQLite-database (skadet, eller en annen type fil)"},
    "db_foreign": {"en": "a database but not a map (no table {table!r}): import data into a new one "
                         "with python -m graph import",
                   "sv": "en databas men ingen karta (ingen tabell {table!r}): importera data till en ny "
                         "med python -m graph import",
                   "nb": "en database, men ikke et kart (ingen tabell {table!r}): importer data til en ny "
                         "med python -m graph import"},
    "db_newer": {"en": "made by a newer version of this program (schema {version!r})",
                 "sv": "skapad av en nyare version av programmet (schema {version!r})",
                 "nb": "laget av en nyere versjon av programmet (skjema {version!r})"},
    "db_bad_url": {"en": "not a database URL (expected sqlite:///FILE or postgresql+psycopg://…): "
                         "{reason}",
                   "sv": "ingen databas-URL (förväntade sqlite:///FIL eller postgresql+psycopg://…): "
                         "{reason}",
                   "nb": "ingen database-URL (forventet sqlite:///FIL eller postgresql+psycopg://…): "
                         "{reason}"},
    "db_down": {"en": "the database cannot be reached ({reason})",
                "sv": "databasen går inte att nå ({reason})",
                "nb": "databasen kan ikke nås ({reason})"},
    "db_failed": {"en": "the database refused the work ({reason}); nothing was written",
                  "sv": "databasen vägrade ({reason}); inget skrevs",
                  "nb": "databasen nektet ({reason}); ingenting ble skrevet"},
}

messages.MESSAGES.update(STORE_MESSAGES)


def say(code: str, lang: str = "en", **values: object) -> str:
    """The store's sentence ``code`` in ``lang``.

    >>> say("no_revision", "sv", revision=7)
    'det finns ingen revision 7'
    """
    return messages.render(code, lang, **values)
