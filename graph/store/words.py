"""What the store says, in English, Swedish and Norwegian (bokmål).

The sentences join :data:`graph.messages.MESSAGES` when :mod:`graph.store` is
imported, so a store problem renders like any other problem, in any language.

>>> from graph import messages
>>> messages.render("stale_version", "en", table="actors", id="a", version=1, current=2)[:33]
"actors 'a' has changed: you edit "
"""

from __future__ import annotations

from graph import messages
from graph.text import say as text_say

__all__ = ["STORE_MESSAGES", "HISTORY_WORDS", "COLUMN_WORDS", "say", "word", "row_word"]

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
    "already_undone": {"en": "revision {revision} is already undone in revision {by}",
                       "sv": "revision {revision} är redan ångrad i revision {by}",
                       "nb": "revisjon {revision} er allerede angret i revisjon {by}"},
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

#: A column as a person names it (the app's labels, without the forms' hints such as a date's format).
COLUMN_WORDS: dict[str, dict[str, str]] = {
    "id": {"sv": "Id", "en": "Id", "nb": "Id"},
    "name": {"sv": "Namn", "en": "Name", "nb": "Navn"},
    "type": {"sv": "Typ", "en": "Type", "nb": "Type"},
    "sector": {"sv": "Sektor", "en": "Sector", "nb": "Sektor"},
    "level": {"sv": "Nivå", "en": "Level", "nb": "Nivå"},
    "country": {"sv": "Land", "en": "Country", "nb": "Land"},
    "region": {"sv": "Län/region", "en": "County/region", "nb": "Fylke/region"},
    "municipality": {"sv": "Kommun", "en": "Municipality", "nb": "Kommune"},
    "aliases": {"sv": "Kallas också", "en": "Also called", "nb": "Kalles også"},
    "description": {"sv": "Beskrivning", "en": "Description", "nb": "Beskrivelse"},
    "source": {"sv": "Från", "en": "From", "nb": "Fra"},
    "target": {"sv": "Till", "en": "To", "nb": "Til"},
    "kind": {"sv": "Typ av samarbete", "en": "Kind of tie", "nb": "Type samarbeid"},
    "themes": {"sv": "Teman", "en": "Themes", "nb": "Tema"},
    "status": {"sv": "Status", "en": "Status", "nb": "Status"},
    "start": {"sv": "Start", "en": "Start", "nb": "Start"},
    "end": {"sv": "Slut", "en": "End", "nb": "Slutt"},
    "weight": {"sv": "Vikt", "en": "Weight", "nb": "Vekt"},
    "evidence": {"sv": "Belägg", "en": "Evidence", "nb": "Belegg"},
    "document": {"sv": "Källa", "en": "Source", "nb": "Kilde"},
    "label_sv": {"sv": "Namn på svenska", "en": "Label in Swedish", "nb": "Navn på svensk"},
    "label_en": {"sv": "Namn på engelska", "en": "Label in English", "nb": "Navn på engelsk"},
    "label_nb": {"sv": "Namn på norska", "en": "Label in Norwegian", "nb": "Navn på norsk"},
    "title": {"sv": "Titel", "en": "Title", "nb": "Tittel"},
    "publisher": {"sv": "Utgivare", "en": "Publisher", "nb": "Utgiver"},
    "date": {"sv": "Datum", "en": "Date", "nb": "Dato"},
    "language": {"sv": "Språk", "en": "Language", "nb": "Språk"},
    "reason": {"sv": "Varför", "en": "Why", "nb": "Hvorfor"},
}

#: What the history says: a table's row (``row_*``), its rows (``rows_*``), the app's own revision messages.
HISTORY_WORDS: dict[str, dict[str, str]] = {
    "row_actors": {"sv": "aktören", "en": "actor", "nb": "aktøren"},
    "row_collaborations": {"sv": "samarbetet", "en": "tie", "nb": "samarbeidet"},
    "row_themes": {"sv": "temat", "en": "theme", "nb": "temaet"},
    "row_documents": {"sv": "källdokumentet", "en": "document", "nb": "kildedokumentet"},
    "rows_actors": {"sv": "aktörer", "en": "actors", "nb": "aktører"},
    "rows_collaborations": {"sv": "samarbeten", "en": "ties", "nb": "samarbeid"},
    "rows_themes": {"sv": "teman", "en": "themes", "nb": "tema"},
    "rows_documents": {"sv": "källdokument", "en": "documents", "nb": "kildedokumenter"},
    "msg_first_start": {"sv": "Första start: läste in {name}", "en": "First start: read {name}",
                        "nb": "Første oppstart: leste inn {name}"},
    "msg_import_mode": {"sv": "Import ({mode})", "en": "Import ({mode})", "nb": "Import ({mode})"},
    "mode_merge": {"sv": "sammanfoga", "en": "merge", "nb": "slå sammen"},
    "mode_replace": {"sv": "ersätt", "en": "replace", "nb": "erstatt"},
    "msg_import": {"sv": "Import av {name}", "en": "Import of {name}", "nb": "Import av {name}"},
    "msg_edit": {"sv": "Ändrade {rows}", "en": "Edited {rows}", "nb": "Endret {rows}"},
    "msg_delete_tie": {"sv": "Tog bort ett samarbete", "en": "Deleted a tie", "nb": "Slettet et samarbeid"},
    "msg_delete": {"sv": "Tog bort aktören {id}", "en": "Deleted actor {id}", "nb": "Slettet aktøren {id}"},
    "msg_merge": {"sv": "Slog ihop {remove} med {keep}", "en": "Merged {remove} into {keep}",
                  "nb": "Slo sammen {remove} med {keep}"},
    "msg_suggestion": {"sv": "Godtog ett förslag: {reason}", "en": "Accepted a suggestion: {reason}",
                       "nb": "Godtok et forslag: {reason}"},
    "msg_read": {"sv": "Läst från dokument", "en": "Read from a document", "nb": "Lest fra dokument"},
    "msg_read_doc": {"sv": "Läst från dokumentet {document}", "en": "Read from the document {document}",
                     "nb": "Lest fra dokumentet {document}"},
    "msg_undo": {"sv": "Ångrade revision {revision}", "en": "Undid revision {revision}",
                 "nb": "Angret revisjon {revision}"},
    "msg_undo_what": {"sv": "Ångrade revision {revision} ({what})", "en": "Undid revision {revision} ({what})",
                      "nb": "Angret revisjon {revision} ({what})"},
    "author_setup": {"sv": "uppstarten", "en": "setup", "nb": "oppstarten"},
    "added": {"en": "added", "sv": "tillagd", "nb": "lagt til"},
    "deleted": {"en": "deleted", "sv": "borttagen", "nb": "slettet"},
}


def word(key: str, lang: str = "en", **values: object) -> str:
    """The history's word ``key`` (of :data:`HISTORY_WORDS`, else a column of :data:`COLUMN_WORDS`) in ``lang``.

    >>> word("msg_edit", "sv", rows=word("rows_actors", "sv")), word("description", "nb"), word("extra_col")
    ('Ändrade aktörer', 'Beskrivelse', 'extra_col')
    """
    return text_say(HISTORY_WORDS if key in HISTORY_WORDS else COLUMN_WORDS, key, lang, **values)


def say(code: str, lang: str = "en", **values: object) -> str:
    """The store's sentence ``code`` in ``lang``.

    >>> say("no_revision", "sv", revision=7)
    'det finns ingen revision 7'
    """
    return messages.render(code, lang, **values)


def row_word(table: str, lang: str = "en") -> str:
    """A row of ``table`` named in words (``aktören``, ``tie``), the table's name when unknown.

    >>> row_word("collaborations", "sv"), row_word("actors", "en"), row_word("other", "en")
    ('samarbetet', 'actor', 'other')
    """
    key = f"row_{table}"
    found = word(key, lang)
    return table if found == key else found


#: the refusals that name a row by its table say the table's row in words: "aktören 'a' finns redan"
for _code in ("no_such_row", "row_exists", "still_used"):
    messages.VALUE_WORDS[_code, "table"] = row_word
