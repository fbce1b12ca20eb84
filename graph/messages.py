"""What validation and readers say, in English, Swedish and Norwegian (bokmål).

Each problem has a code; its sentence is a template filled with the
problem's values.  ``graph.model.Problem`` renders it in any of the three
languages; the command line speaks English, the app the user's language.

>>> render("unknown_actor", "sv", value="ghost")
"okänd aktör 'ghost'"
"""

from __future__ import annotations

from collections.abc import Callable

from graph.text import pick

__all__ = ["MESSAGES", "LOCATION", "VALUE_WORDS", "render"]

#: code -> language -> template (``{value!r}`` style placeholders).
MESSAGES: dict[str, dict[str, str]] = {
    "missing_column": {"en": "required column is missing", "sv": "obligatorisk kolumn saknas",
                       "nb": "obligatorisk kolonne mangler"},
    "empty_id": {"en": "the id is empty", "sv": "id är tomt", "nb": "id er tom"},
    "duplicate_id": {"en": "duplicate id {value!r} (first used in row {first})",
                     "sv": "id {value!r} finns redan (första gången på rad {first})",
                     "nb": "id {value!r} finnes allerede (første gang på rad {first})"},
    "no_end": {"en": "the tie has no {end}", "sv": "samarbetet saknar {end}", "nb": "samarbeidet mangler {end}"},
    "unknown_actor": {"en": "unknown actor {value!r}", "sv": "okänd aktör {value!r}", "nb": "ukjent aktør {value!r}"},
    "self_tie": {"en": "self-tie: {value!r} is tied to itself", "sv": "självkoppling: {value!r} är kopplad till sig själv",
                 "nb": "selvkobling: {value!r} er koblet til seg selv"},
    "not_number": {"en": "weight {value!r} is not a number of 0 or more", "sv": "vikten {value!r} är inte ett tal ≥ 0",
                   "nb": "vekten {value!r} er ikke et tall ≥ 0"},
    "not_date": {"en": "{value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)",
                 "sv": "{value!r} är inget datum (ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD)",
                 "nb": "{value!r} er ingen dato (ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD)"},
    "impossible_date": {"en": "{value!r} is not a date that exists (month 1–12, a day the month has)",
                        "sv": "{value!r} är inget datum som finns (månad 1–12, en dag som månaden har)",
                        "nb": "{value!r} er ingen dato som finnes (måned 1–12, en dag måneden har)"},
    "end_before_start": {"en": "ends ({end}) before it starts ({start})", "sv": "slutar ({end}) innan det börjar ({start})",
                         "nb": "slutter ({end}) før det begynner ({start})"},
    "unknown_value": {"en": "unknown {field} {value!r}: kept as written (known: {allowed})",
                      "sv": "okänt värde {value!r} i {field}: behålls som det står (kända: {allowed})",
                      "nb": "ukjent verdi {value!r} i {field}: beholdes som skrevet (kjente: {allowed})"},
    "unknown_value_like": {"en": "unknown {field} {value!r}: kept as written; did you mean {suggestion!r}?",
                           "sv": "okänt värde {value!r} i {field}: behålls som det står; menade du {suggestion!r}?",
                           "nb": "ukjent verdi {value!r} i {field}: beholdes som skrevet; mente du {suggestion!r}?"},
    "unknown_theme": {"en": "unknown theme {value!r}", "sv": "okänt tema {value!r}", "nb": "ukjent tema {value!r}"},
    "unknown_document": {"en": "unknown document {value!r}", "sv": "okänt dokument {value!r}",
                         "nb": "ukjent dokument {value!r}"},
    "mojibake": {"en": "looks mis-decoded (mojibake) in {value!r}: the file was probably saved as UTF-8 and read as "
                       "Windows-1252",
                 "sv": "ser felavkodad ut (teckenröra) i {value!r}: filen sparades troligen som UTF-8 och lästes som "
                       "Windows-1252",
                 "nb": "ser feildekodet ut (tegnrot) i {value!r}: filen ble trolig lagret som UTF-8 og lest som "
                       "Windows-1252"},
    "markup": {"en": "contains HTML or script markup ({value!r}); it is shown as plain text",
               "sv": "innehåller HTML eller skript ({value!r}); det visas som vanlig text",
               "nb": "inneholder HTML eller skript ({value!r}); det vises som vanlig tekst"},
    "formula": {"en": "starts like a spreadsheet formula ({value!r}); it is kept as text",
                "sv": "börjar som en kalkylbladsformel ({value!r}); den behålls som text",
                "nb": "begynner som en regnearkformel ({value!r}); den beholdes som tekst"},
    "row_width": {"en": "the row has {count} values but the header has {width}",
                  "sv": "raden har {count} värden men rubrikraden har {width}",
                  "nb": "raden har {count} verdier men overskriftsraden har {width}"},
    "row_width_one": {"en": "the row has 1 value but the header has {width}",
                      "sv": "raden har 1 värde men rubrikraden har {width}",
                      "nb": "raden har 1 verdi men overskriftsraden har {width}"},
    "one_column_header": {"en": "the header is a single column {value!r}: is the delimiter one of , ; or tab?",
                          "sv": "rubrikraden är en enda kolumn {value!r}: är avgränsaren , ; eller tabb?",
                          "nb": "overskriftsraden er én kolonne {value!r}: er skilletegnet , ; eller tabulator?"},
    "empty_file": {"en": "the file is empty", "sv": "filen är tom", "nb": "filen er tom"},
    "binary_file": {"en": "the file is binary, not text: save it as CSV (UTF-8) or as an .xlsx workbook",
                    "sv": "filen är binär, inte text: spara den som CSV (UTF-8) eller som .xlsx-arbetsbok",
                    "nb": "filen er binær, ikke tekst: lagre den som CSV (UTF-8) eller som .xlsx-arbeidsbok"},
    "unreadable": {"en": "cannot be read: {reason}", "sv": "kan inte läsas: {reason}", "nb": "kan ikke leses: {reason}"},
    "no_such_path": {"en": "no such file or folder", "sv": "filen eller mappen finns inte",
                     "nb": "filen eller mappen finnes ikke"},
    "bad_workbook": {"en": "is not a readable .xlsx workbook (damaged, truncated or another format): {reason}",
                     "sv": "är ingen läsbar .xlsx-arbetsbok (skadad, avkortad eller annat format): {reason}",
                     "nb": "er ingen lesbar .xlsx-arbeidsbok (skadet, avkortet eller annet format): {reason}"},
    "unknown_file_type": {"en": "unknown file type {value!r}: expected one of {allowed} or a folder of CSV tables",
                          "sv": "okänd filtyp {value!r}: förväntade någon av {allowed} eller en mapp med CSV-tabeller",
                          "nb": "ukjent filtype {value!r}: forventet en av {allowed} eller en mappe med CSV-tabeller"},
    "too_big": {"en": "is {size} bytes; at most {limit} are read", "sv": "är {size} byte; högst {limit} läses",
                "nb": "er {size} byte; høyst {limit} leses"},
    "too_many_columns": {"en": "has {count} columns; at most {limit} are read",
                         "sv": "har {count} kolumner; högst {limit} läses", "nb": "har {count} kolonner; høyst {limit} leses"},
    "too_many_rows": {"en": "has more than {limit} rows; at most {limit} are read",
                      "sv": "har fler än {limit} rader; högst {limit} läses",
                      "nb": "har flere enn {limit} rader; høyst {limit} leses"},
    "too_many_cells": {"en": "has {count} cells; at most {limit} are read", "sv": "har {count} celler; högst {limit} läses",
                       "nb": "har {count} celler; høyst {limit} leses"},
    "too_deep": {"en": "nests deeper than {limit} levels; deeper files are not read",
                 "sv": "är nästlad djupare än {limit} nivåer; djupare filer läses inte",
                 "nb": "er nøstet dypere enn {limit} nivåer; dypere filer leses ikke"},
    "too_much_inflated": {"en": "unpacks to {size} bytes; at most {limit} are read (a zip bomb?)",
                          "sv": "packas upp till {size} byte; högst {limit} läses (en zip-bomb?)",
                          "nb": "pakkes ut til {size} byte; høyst {limit} leses (en zip-bombe?)"},
    "too_many_files": {"en": "{count} files at once; at most {limit} are read",
                       "sv": "{count} filer på en gång; högst {limit} läses", "nb": "{count} filer på én gang; høyst {limit} leses"},
    "not_regular": {"en": "is a device or pipe, not a file: only regular files and folders are read",
                    "sv": "är en enhet eller rörledning, ingen fil: bara vanliga filer och mappar läses",
                    "nb": "er en enhet eller rørledning, ingen fil: bare vanlige filer og mapper leses"},
    "is_folder": {"en": "is a folder, not a file", "sv": "är en mapp, ingen fil", "nb": "er en mappe, ingen fil"},
    "unsupported_format": {"en": "{value} files are not supported: save it as .xlsx or CSV",
                           "sv": "{value}-filer stöds inte: spara den som .xlsx eller CSV",
                           "nb": "{value}-filer støttes ikke: lagre den som .xlsx eller CSV"},
    "not_csv": {"en": "cannot be read as CSV: {reason}", "sv": "kan inte läsas som CSV: {reason}",
                "nb": "kan ikke leses som CSV: {reason}"},
    "folder_without_tables": {"en": "the folder holds neither actors.csv nor collaborations.csv",
                              "sv": "mappen innehåller varken actors.csv eller collaborations.csv",
                              "nb": "mappen inneholder verken actors.csv eller collaborations.csv"},
    "empty_column_name": {"en": "empty column name", "sv": "tomt kolumnnamn", "nb": "tomt kolonnenavn"},
    "duplicate_column": {"en": "duplicate column", "sv": "kolumnen finns två gånger", "nb": "kolonnen finnes to ganger"},
    "column_without_name": {"en": "column {number} has no name", "sv": "kolumn {number} saknar namn",
                            "nb": "kolonne {number} mangler navn"},
    "empty_sheet": {"en": "the sheet is empty", "sv": "bladet är tomt", "nb": "arket er tomt"},
    "unknown_sheets": {"en": "has sheets {sheets}; expected 'actors' and 'collaborations' (our tables) or 'Elements' "
                             "and 'Connections' (Kumu)",
                       "sv": "har bladen {sheets}; förväntade 'actors' och 'collaborations' (våra tabeller) eller "
                             "'Elements' och 'Connections' (Kumu)",
                       "nb": "har arkene {sheets}; forventet 'actors' og 'collaborations' (våre tabeller) eller "
                             "'Elements' og 'Connections' (Kumu)"},
    "not_xml": {"en": "is not well-formed XML: {reason}", "sv": "är inte välformad XML: {reason}",
                "nb": "er ikke velformet XML: {reason}"},
    "xml_forbidden": {"en": "declares XML entities or external references, which are never read (they can grow "
                            "without bound or read other files)",
                      "sv": "deklarerar XML-entiteter eller externa referenser, som aldrig läses (de kan växa utan "
                            "gräns eller läsa andra filer)",
                      "nb": "deklarerer XML-entiteter eller eksterne referanser, som aldri leses (de kan vokse uten "
                            "grense eller lese andre filer)"},
    "not_gexf": {"en": "is not a GEXF file: no <gexf> with a <graph> element",
                 "sv": "är ingen GEXF-fil: inget <gexf> med ett <graph>-element",
                 "nb": "er ingen GEXF-fil: ingen <gexf> med et <graph>-element"},
    "not_graphml": {"en": "is not a GraphML file: no <graphml> with a <graph> element",
                    "sv": "är ingen GraphML-fil: inget <graphml> med ett <graph>-element",
                    "nb": "er ingen GraphML-fil: ingen <graphml> med et <graph>-element"},
    "not_json": {"en": "is not valid JSON: {reason}", "sv": "är inte giltig JSON: {reason}",
                 "nb": "er ikke gyldig JSON: {reason}"},
    "not_node_link": {"en": "is not a network in JSON: expected 'nodes' with 'links' or 'edges' (node-link, "
                            "graphology or sigma)",
                      "sv": "är inget nätverk i JSON: förväntade 'nodes' med 'links' eller 'edges' (node-link, "
                            "graphology eller sigma)",
                      "nb": "er ikke et nettverk i JSON: forventet 'nodes' med 'links' eller 'edges' (node-link, "
                            "graphology eller sigma)"},
    "edgelist_columns": {"en": "an edge list needs two columns (source and target) separated by comma, semicolon, "
                               "tab or space",
                         "sv": "en kantlista behöver två kolumner (källa och mål) åtskilda av komma, semikolon, tabb "
                               "eller mellanslag",
                         "nb": "en kantliste trenger to kolonner (kilde og mål) skilt med komma, semikolon, tabulator "
                               "eller mellomrom"},
    "not_network": {"en": "is a table of things, not a network: found the columns {columns}; a network needs two "
                          "columns naming the ends of each tie (source/target, from/to, från/till, fra/til, "
                          "källa/mål), or folder tables actors.csv and collaborations.csv",
                    "sv": "är en tabell över saker, inget nätverk: hittade kolumnerna {columns}; ett nätverk behöver "
                          "två kolumner som anger ändarna på varje samarbete (source/target, from/to, från/till, "
                          "fra/til, källa/mål), eller tabellerna actors.csv och collaborations.csv i en mapp",
                    "nb": "er en tabell over ting, ikke et nettverk: fant kolonnene {columns}; et nettverk trenger to "
                          "kolonner som angir endene av hvert samarbeid (source/target, from/to, från/till, fra/til, "
                          "kilde/mål), eller tabellene actors.csv og collaborations.csv i en mappe"},
    "ends_guessed": {"en": "the columns {source!r} and {target!r} are taken as the two ends of each tie",
                     "sv": "kolumnerna {source!r} och {target!r} tas som ändarna på varje samarbete",
                     "nb": "kolonnene {source!r} og {target!r} tas som endene av hvert samarbeid"},
    "invalid_bytes": {"en": "holds bytes that are not valid UTF-8: read as Windows-1252, check names with å, ä, ö, ø",
                      "sv": "innehåller byte som inte är giltig UTF-8: läst som Windows-1252, kontrollera namn med "
                            "å, ä, ö, ø",
                      "nb": "inneholder byte som ikke er gyldig UTF-8: lest som Windows-1252, kontroller navn med "
                            "å, ä, ö, ø"},
    "more_like_this": {"en": "… and {count} more like this", "sv": "… och {count} till av samma slag",
                       "nb": "… og {count} til av samme slag"},
    "mapping_unknown_column": {"en": "the file has no column {value!r}", "sv": "filen har ingen kolumn {value!r}",
                               "nb": "filen har ingen kolonne {value!r}"},
}

#: How a problem's place reads: file, row, column.
LOCATION = {
    "en": ("row {row}", "column {column!r}"),
    "sv": ("rad {row}", "kolumn {column!r}"),
    "nb": ("rad {row}", "kolonne {column!r}"),
}


#: (code, value name) -> how a value is said in a language (a table's code as its row, in words);
#: the modules whose messages need it add theirs (:mod:`graph.store.words`).
VALUE_WORDS: dict[tuple[str, str], Callable[[object, str], object]] = {}


def render(code: str, lang: str = "en", **values: object) -> str:
    """The sentence of ``code`` in ``lang`` filled with ``values`` (the fallback rule of :mod:`graph.text`)."""
    if code not in MESSAGES:
        raise KeyError(code)
    said = {k: VALUE_WORDS[code, k](v, lang) if (code, k) in VALUE_WORDS else v for k, v in values.items()}
    return pick(MESSAGES[code], lang).format(**said)
