"""What validation and readers say, in English, Swedish and Norwegian (bokmål).

Each problem has a code; its sentence is a template filled with the
problem's values.  ``graph.model.Problem`` renders it in any of the three
languages; the command line speaks English, the app the user's language.

>>> render("unknown_actor", "sv", value="ghost")
"okänd aktör 'ghost'"
"""

from __future__ import annotations

from graph.text import pick

__all__ = ["MESSAGES", "LOCATION", "render"]

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
    "end_before_start": {"en": "ends ({end}) before it starts ({start})", "sv": "slutar ({end}) innan det börjar ({start})",
                         "nb": "slutter ({end}) før det begynner ({start})"},
    "unknown_value": {"en": "unknown {field} {value!r} (expected one of: {allowed})",
                      "sv": "okänt värde {value!r} i {field} (tillåtna: {allowed})",
                      "nb": "ukjent verdi {value!r} i {field} (tillatte: {allowed})"},
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
}

#: How a problem's place reads: file, row, column.
LOCATION = {
    "en": ("row {row}", "column {column!r}"),
    "sv": ("rad {row}", "kolumn {column!r}"),
    "nb": ("rad {row}", "kolonne {column!r}"),
}


def render(code: str, lang: str = "en", **values: object) -> str:
    """The sentence of ``code`` in ``lang`` filled with ``values`` (the fallback rule of :mod:`graph.text`)."""
    if code not in MESSAGES:
        raise KeyError(code)
    return pick(MESSAGES[code], lang).format(**values)
