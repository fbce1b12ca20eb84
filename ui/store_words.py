"""The words of the editing, history and login pages, in sv / en / nb (joined into :data:`ui.i18n.WORDS`).

>>> from ui.i18n import t
>>> t("history", "en")
'History'
"""

from __future__ import annotations

from ui.i18n import WORDS

__all__ = ["STORE_WORDS"]

STORE_WORDS: dict[str, dict[str, str]] = {
    "edit": {"sv": "Redigera kartan", "en": "Edit the map", "nb": "Rediger kartet"},
    "history": {"sv": "Historik", "en": "History", "nb": "Historikk"},
    "your_name": {"sv": "Ditt namn (sparas med dina ändringar)", "en": "Your name (kept with your changes)",
                  "nb": "Ditt navn (lagres med endringene dine)"},
    "need_name": {"sv": "Skriv ditt namn i sidopanelen först: varje ändring sparas med vem som gjorde den.",
                  "en": "Give your name in the sidebar first: every change is kept with who made it.",
                  "nb": "Skriv navnet ditt i sidepanelet først: hver endring lagres med hvem som gjorde den."},
    "read_only_files": {"sv": "Filerna visas skrivskyddade. Importera dem till kartan för att kunna redigera.",
                        "en": "The files are shown read-only. Import them into the map to edit.",
                        "nb": "Filene vises skrivebeskyttet. Importer dem til kartet for å kunne redigere."},
    "import_into_map": {"sv": "Importera till kartan", "en": "Import into the map", "nb": "Importer til kartet"},
    "imported": {"sv": "Importerat i revision {rev}: {added} tillagda, {changed} ändrade, {same} oförändrade.",
                 "en": "Imported in revision {rev}: {added} added, {changed} changed, {same} left alone.",
                 "nb": "Importert i revisjon {rev}: {added} lagt til, {changed} endret, {same} uendret."},
    "nothing_new": {"sv": "Inget nytt att importera.", "en": "Nothing new to import.", "nb": "Ingenting nytt å importere."},
    "viewer_only": {"sv": "Du kan titta men inte ändra kartan.", "en": "You may look at the map but not change it.",
                    "nb": "Du kan se på kartet, men ikke endre det."},
    "actors_tab": {"sv": "Aktörer", "en": "Actors", "nb": "Aktører"},
    "ties_tab": {"sv": "Samarbeten", "en": "Ties", "nb": "Samarbeid"},
    "table_themes": {"sv": "Teman", "en": "Themes", "nb": "Tema"},
    "merge_tab": {"sv": "Slå ihop", "en": "Merge", "nb": "Slå sammen"},
    "new_actor": {"sv": "+ Ny aktör", "en": "+ New actor", "nb": "+ Ny aktør"},
    "new_tie": {"sv": "+ Nytt samarbete", "en": "+ New tie", "nb": "+ Nytt samarbeid"},
    "pick_actor": {"sv": "Aktör att redigera", "en": "Actor to edit", "nb": "Aktør å redigere"},
    "pick_tie": {"sv": "Samarbete att redigera", "en": "Tie to edit", "nb": "Samarbeid å redigere"},
    "id": {"sv": "Id (kort, stabilt)", "en": "Id (short, stable)", "nb": "Id (kort, stabil)"},
    "save": {"sv": "Spara", "en": "Save", "nb": "Lagre"},
    "edit_this_actor": {"sv": "Redigera aktören", "en": "Edit this actor", "nb": "Rediger aktøren"},
    "delete": {"sv": "Ta bort", "en": "Delete", "nb": "Slett"},
    "saved": {"sv": "Sparat i revision {rev}.", "en": "Saved in revision {rev}.", "nb": "Lagret i revisjon {rev}."},
    "your_values": {"sv": "Formuläret visar nu den sparade versionen. Det du försökte spara: {values}",
                    "en": "The form now shows the stored version. What you tried to save: {values}",
                    "nb": "Skjemaet viser nå den lagrede versjonen. Det du prøvde å lagre: {values}"},
    "confirm_delete": {"sv": "{name} har {n} samarbete(n). De tas bort tillsammans med aktören. Säker?",
                       "en": "{name} has {n} tie(s). They are deleted with the actor. Sure?",
                       "nb": "{name} har {n} samarbeid. De slettes sammen med aktøren. Sikker?"},
    "yes_delete": {"sv": "Ja, ta bort", "en": "Yes, delete", "nb": "Ja, slett"},
    "evidence_quote": {"sv": "Belägg: citat ur källan", "en": "Evidence: a quote from the source",
                       "nb": "Belegg: sitat fra kilden"},
    "need_evidence": {"sv": "Ett samarbete behöver en källa och ett citat som belägg.",
                      "en": "A tie needs a source document and an evidence quote.",
                      "nb": "Et samarbeid trenger en kilde og et sitat som belegg."},
    "start": {"sv": "Start (ÅÅÅÅ[-MM[-DD]])", "en": "Start (YYYY[-MM[-DD]])", "nb": "Start (ÅÅÅÅ[-MM[-DD]])"},
    "end": {"sv": "Slut (ÅÅÅÅ[-MM[-DD]])", "en": "End (YYYY[-MM[-DD]])", "nb": "Slutt (ÅÅÅÅ[-MM[-DD]])"},
    "duplicates": {"sv": "Troliga dubbletter (namnlikhet)", "en": "Likely duplicates (similar names)",
                   "nb": "Sannsynlige duplikater (navnelikhet)"},
    "keep": {"sv": "Behåll", "en": "Keep", "nb": "Behold"},
    "merge_away": {"sv": "Slå ihop in i den (tas bort)", "en": "Merge into it (removed)",
                   "nb": "Slå sammen inn i den (slettes)"},
    "merge": {"sv": "Slå ihop", "en": "Merge", "nb": "Slå sammen"},
    "similarity": {"sv": "Likhet", "en": "Similarity", "nb": "Likhet"},
    "revision": {"sv": "Revision", "en": "Revision", "nb": "Revisjon"},
    "when": {"sv": "När", "en": "When", "nb": "Når"},
    "who": {"sv": "Vem", "en": "Who", "nb": "Hvem"},
    "what": {"sv": "Vad", "en": "What", "nb": "Hva"},
    "n_changes": {"sv": "Ändringar", "en": "Changes", "nb": "Endringer"},
    "operation": {"sv": "Åtgärd", "en": "Operation", "nb": "Handling"},
    "table": {"sv": "Tabell", "en": "Table", "nb": "Tabell"},
    "before": {"sv": "Före", "en": "Before", "nb": "Før"},
    "after": {"sv": "Efter", "en": "After", "nb": "Etter"},
    "undo": {"sv": "Ångra revisionen", "en": "Undo this revision", "nb": "Angre revisjonen"},
    "undone": {"sv": "Ångrat i revision {rev}.", "en": "Undone in revision {rev}.", "nb": "Angret i revisjon {rev}."},
    "already_undone": {"sv": "Revision {rev} är redan ångrad i revision {by}.",
                       "en": "Revision {rev} is already undone in revision {by}.",
                       "nb": "Revisjon {rev} er allerede angret i revisjon {by}."},
    "undone_in": {"sv": "ångrad i revision {by}", "en": "undone in revision {by}", "nb": "angret i revisjon {by}"},
    "confirm_undo": {"sv": "Revision {rev} ändrade {n} rader. Att ångra den tar bort eller återställer alla {n} "
                           "(ångras en import kan kartan bli tom). Säker?",
                     "en": "Revision {rev} changed {n} rows. Undoing it takes back all {n} of them "
                           "(undoing an import can empty the map). Sure?",
                     "nb": "Revisjon {rev} endret {n} rader. Å angre den tar tilbake alle {n} "
                           "(angres en import, kan kartet bli tomt). Sikker?"},
    "yes_undo": {"sv": "Ja, ångra alla {n}", "en": "Yes, undo all {n}", "nb": "Ja, angre alle {n}"},
    "when_help": {"sv": "Serverns lokala tid, {zone}; den exakta tiden (UTC) står under tabellen med ändringarna.",
                  "en": "The server's local time, {zone}; the exact time (UTC) is under the table of changes.",
                  "nb": "Serverens lokale tid, {zone}; det nøyaktige tidspunktet (UTC) står under tabellen med "
                        "endringene."},
    "full_text": {"sv": "{column} för {id}: hela texten före och efter", "en": "{column} of {id}: the whole text "
                  "before and after", "nb": "{column} for {id}: hele teksten før og etter"},
    "show_at": {"sv": "Visa kartan som den var då", "en": "Show the map as it was then",
                "nb": "Vis kartet slik det var da"},
    "viewing_at": {"sv": "Du ser kartan som den var efter revision {rev}.",
                   "en": "You are looking at the map as it was after revision {rev}.",
                   "nb": "Du ser kartet slik det var etter revisjon {rev}."},
    "back_to_now": {"sv": "Tillbaka till nu", "en": "Back to now", "nb": "Tilbake til nå"},
    "no_history": {"sv": "Inga ändringar ännu.", "en": "No changes yet.", "nb": "Ingen endringer ennå."},
    "login": {"sv": "Logga in", "en": "Log in", "nb": "Logg inn"},
    "user": {"sv": "Användare", "en": "User", "nb": "Bruker"},
    "password": {"sv": "Lösenord", "en": "Password", "nb": "Passord"},
    "login_failed": {"sv": "Fel användare eller lösenord.", "en": "Wrong user or password.",
                     "nb": "Feil bruker eller passord."},
    "logged_in_as": {"sv": "Inloggad som {name} ({role})", "en": "Logged in as {name} ({role})",
                     "nb": "Logget inn som {name} ({role})"},
    "logout": {"sv": "Logga ut", "en": "Log out", "nb": "Logg ut"},
}

WORDS.update(STORE_WORDS)  # a form's label with its hint (a date's format) over the column's plain name
