"""Controlled vocabularies of the data model, their labels in sv, en and nb, and the spellings people use.

Every value the tables may hold in ``type``, ``sector``, ``level``, ``kind`` and
``status`` is listed here once, with its label in the three languages of the
app.  The defaults that a type implies for sector and level live here too.

People write these values as they speak: :func:`to_code` takes a code, a
label in any of the three languages or a common synonym, in any case, with
spaces, hyphens or underscores (``Kommun``, ``municipality``, ``LAG``,
``studieforbund``); :func:`column_for` does the same for column names
(``namn``, ``från``, ``til``, ``Label``).

>>> to_code(ACTOR_TYPES, " Business-Association "), to_code(KINDS, "Finansiering"), to_code(ACTOR_TYPES, "pirate")
('business_association', 'funding', None)

>>> ACTOR_TYPES["leader_group"]["en"]
'Leader group'
>>> DEFAULT_SECTOR["business_association"]
'business'
"""

from __future__ import annotations

from graph.text import pick

__all__ = [
    "LANGUAGES",
    "ACTOR_TYPES",
    "SECTORS",
    "LEVELS",
    "KINDS",
    "DIRECTED_KINDS",
    "STATUSES",
    "DEFAULT_SECTOR",
    "DEFAULT_LEVEL",
    "implied",
    "implied_column",
    "VOCABULARIES",
    "SYNONYMS",
    "DIRECTIONS",
    "COLUMN_NAMES",
    "label",
    "spelling_key",
    "lookup",
    "to_code",
    "did_you_mean",
    "column_for",
]

import difflib
import re
import unicodedata
from functools import lru_cache

import pandas as pd

LANGUAGES = ("sv", "en", "nb")

ACTOR_TYPES: dict[str, dict[str, str]] = {
    "state_agency": {"sv": "Statlig myndighet", "en": "State agency", "nb": "Statlig etat"},
    "county_board": {"sv": "Länsstyrelse", "en": "County board", "nb": "Statsforvalter"},
    "region": {"sv": "Region/regionförbund", "en": "Region/regional federation", "nb": "Region/fylkeskommune"},
    "municipality": {"sv": "Kommun", "en": "Municipality", "nb": "Kommune"},
    "leader_group": {"sv": "Leadergrupp", "en": "Leader group", "nb": "Leader-gruppe"},
    "network": {"sv": "Nätverk", "en": "Network", "nb": "Nettverk"},
    "association": {"sv": "Förening", "en": "Association", "nb": "Forening"},
    "study_association": {"sv": "Studieförbund", "en": "Study association", "nb": "Studieforbund"},
    "faith_community": {"sv": "Trossamfund", "en": "Faith community", "nb": "Trossamfunn"},
    "business": {"sv": "Företag", "en": "Business", "nb": "Bedrift"},
    "business_association": {"sv": "Näringslivsorganisation", "en": "Business association", "nb": "Næringslivsorganisasjon"},
    "fund": {"sv": "Fond/program", "en": "Fund/programme", "nb": "Fond/program"},
    "consultancy": {"sv": "Konsultföretag", "en": "Consultancy", "nb": "Konsulentselskap"},
    "initiative": {"sv": "Initiativ/projekt", "en": "Initiative/project", "nb": "Initiativ/prosjekt"},
    "other": {"sv": "Övrigt", "en": "Other", "nb": "Annet"},
}

SECTORS: dict[str, dict[str, str]] = {
    "public": {"sv": "Offentlig sektor", "en": "Public sector", "nb": "Offentlig sektor"},
    "civil_society": {"sv": "Civilsamhälle", "en": "Civil society", "nb": "Sivilsamfunn"},
    "business": {"sv": "Näringsliv", "en": "Business", "nb": "Næringsliv"},
}

LEVELS: dict[str, dict[str, str]] = {
    "national": {"sv": "Nationell", "en": "National", "nb": "Nasjonal"},
    "regional": {"sv": "Regional", "en": "Regional", "nb": "Regional"},
    "local": {"sv": "Lokal", "en": "Local", "nb": "Lokal"},
    "international": {"sv": "Internationell", "en": "International", "nb": "Internasjonal"},
}

KINDS: dict[str, dict[str, str]] = {
    "partnership": {"sv": "Partnerskap", "en": "Partnership", "nb": "Partnerskap"},
    "funding": {"sv": "Finansiering", "en": "Funding", "nb": "Finansiering"},
    "commissioning": {"sv": "Uppdrag", "en": "Commissioning", "nb": "Oppdrag"},
    "participation": {"sv": "Deltagande", "en": "Participation", "nb": "Deltakelse"},
    "membership": {"sv": "Medlemskap", "en": "Membership", "nb": "Medlemskap"},
    "dialogue": {"sv": "Dialog", "en": "Dialogue", "nb": "Dialog"},
}

DIRECTED_KINDS = frozenset({"funding", "commissioning"})

STATUSES: dict[str, dict[str, str]] = {
    "existing": {"sv": "Befintlig", "en": "Existing", "nb": "Eksisterende"},
    "planned": {"sv": "Planerad", "en": "Planned", "nb": "Planlagt"},
    "recommended": {"sv": "Rekommenderad", "en": "Recommended", "nb": "Anbefalt"},
    "ended": {"sv": "Avslutad", "en": "Ended", "nb": "Avsluttet"},
}

DEFAULT_SECTOR: dict[str, str] = {
    "state_agency": "public",
    "county_board": "public",
    "region": "public",
    "municipality": "public",
    "leader_group": "civil_society",
    "network": "civil_society",
    "association": "civil_society",
    "study_association": "civil_society",
    "faith_community": "civil_society",
    "business": "business",
    "business_association": "business",
    "fund": "public",
    "consultancy": "business",
    "initiative": "civil_society",
}

DEFAULT_LEVEL: dict[str, str] = {
    "state_agency": "national",
    "county_board": "regional",
    "region": "regional",
    "municipality": "local",
    "leader_group": "local",
    "fund": "national",
    "initiative": "local",
}

#: column name -> vocabulary, for the columns whose values are controlled.
VOCABULARIES: dict[tuple[str, str], dict[str, dict[str, str]]] = {
    ("actors", "type"): ACTOR_TYPES,
    ("actors", "sector"): SECTORS,
    ("actors", "level"): LEVELS,
    ("collaborations", "kind"): KINDS,
    ("collaborations", "status"): STATUSES,
}


def implied(column: str, own: str, actor_type: str) -> str:
    """An actor's ``sector`` or ``level``: its own value, else the one its type implies ('' if none).

    >>> implied("sector", "", "municipality"), implied("level", "regional", "municipality")
    ('public', 'regional')
    """
    defaults = DEFAULT_SECTOR if column == "sector" else DEFAULT_LEVEL
    return own or defaults.get(actor_type, "")


def implied_column(actors, column: str):
    """:func:`implied` for a whole actors table: a Series of ``sector`` or ``level`` values.

    Missing columns count as empty, so any table with a ``type`` (or none) will do.

    >>> import pandas as pd
    >>> implied_column(pd.DataFrame({"type": ["business", "x"], "sector": ["", "public"]}), "sector").tolist()
    ['business', 'public']
    """
    import pandas as pd

    def cells(name: str) -> pd.Series:
        if name not in actors:
            return pd.Series("", index=actors.index, dtype=object)
        return actors[name].astype("string").fillna("").astype(str).str.strip()

    own = cells(column)
    defaults = DEFAULT_SECTOR if column == "sector" else DEFAULT_LEVEL
    return own.where(own != "", cells("type").map(defaults).fillna(""))


def label(vocabulary: dict[str, dict[str, str]], value: str, lang: str = "sv") -> str:
    """Return the label of ``value`` in ``lang``, or ``value`` itself if unknown.

    >>> label(STATUSES, "recommended", "nb")
    'Anbefalt'
    >>> label(STATUSES, "whatever", "en")
    'whatever'
    """
    return pick(vocabulary[value], lang) if value in vocabulary else value


def column_label(column: str, value: str, lang: str = "sv") -> str:
    """The label of a value of the vocabulary ``column`` (type, sector, level, kind, status); "—" when empty.

    >>> column_label("status", "recommended", "en"), column_label("kind", "", "en")
    ('Recommended', '—')
    """
    table = next((v for (_, col), v in VOCABULARIES.items() if col == column), {})
    return label(table, value, lang) if value else "—"


def theme_labels(themes: pd.DataFrame, lang: str = "sv") -> dict[str, str]:
    """Theme id -> its label in ``lang`` (the id where the label is empty).

    >>> theme_labels(pd.DataFrame({"id": ["housing", "x"], "label_en": ["Housing", ""]}), "en")
    {'housing': 'Housing', 'x': 'x'}
    """
    labels = themes[f"label_{lang}"] if f"label_{lang}" in themes else themes["id"]
    return {theme: text or theme for theme, text in zip(themes["id"], labels, strict=True)}


#: Other words for vocabulary values (in any language), beyond the codes and the sv/en/nb labels.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "state_agency": ("myndighet", "statlig myndighet", "etat", "agency", "government agency", "state authority",
                     "direktorat", "direktoratet", "förvaltningsmyndighet", "statlig etat", "government"),
    "county_board": ("länsstyrelsen", "lansstyrelse", "statsforvalteren", "fylkesmann", "fylkesmannen",
                     "county administrative board", "county board"),
    "region": ("regionförbund", "regional federation", "fylkeskommune", "fylkeskommunen", "landsting", "county council",
               "region"),
    "municipality": ("kommun", "kommune", "kommunen", "municipality", "municipal", "local authority", "council",
                     "town council", "city"),
    "leader_group": ("leader", "lag", "leader lag", "leadergrupp", "leader-grupp", "leaderområde", "local action group",
                     "leader area", "leader-område", "lokal aksjonsgruppe"),
    "network": ("nätverk", "nettverk", "network"),
    "association": ("förening", "forening", "ideell förening", "ideell organisation", "frivilligorganisation",
                    "organisation", "organization", "ngo", "ideell forening", "frivillig organisasjon", "lag og forening",
                    "association", "voluntary organisation", "non-profit"),
    "study_association": ("studieförbund", "studieforbund", "studieforbundet", "study association", "folkbildning",
                          "adult education association"),
    "faith_community": ("trossamfund", "trossamfunn", "församling", "menighet", "kyrka", "kirke", "church",
                        "mosque", "moské", "religious community", "faith community"),
    "business": ("företag", "foretag", "bedrift", "firma", "company", "business", "enterprise", "aktiebolag", "ab",
                 "as", "private company", "näringsidkare"),
    "business_association": ("näringslivsorganisation", "næringslivsorganisasjon", "företagarförening",
                             "business association", "chamber of commerce", "handelskammare", "företagarna",
                             "trade association", "bransjeforening", "näringslivsförening"),
    "fund": ("fond", "program", "programme", "program/fond", "fund", "funding programme", "stiftelse", "foundation"),
    "consultancy": ("konsult", "konsultföretag", "konsulent", "konsulentselskap", "consultant", "consultancy",
                    "consulting"),
    "initiative": ("initiativ", "projekt", "prosjekt", "project", "initiative", "satsning", "satsing"),
    "other": ("övrigt", "ovrigt", "annat", "annet", "other", "misc", "miscellaneous"),
    "public": ("offentlig", "offentlig sektor", "public", "public sector", "stat", "state"),
    "civil_society": ("civilsamhälle", "civilsamhället", "sivilsamfunn", "sivilsamfunnet", "ideell sektor",
                      "frivillig sektor", "civil society", "third sector", "ngo", "voluntary sector"),
    "business_sector": ("näringsliv", "naeringsliv", "næringsliv", "privat", "private", "private sector", "business"),
    "national": ("nationell", "nasjonal", "national", "riks", "rikstäckande", "country"),
    "regional": ("regional", "län", "fylke", "county"),
    "local": ("lokal", "local", "kommunal", "municipal"),
    "international": ("internationell", "internasjonal", "international", "global", "eu", "nordic", "nordisk"),
    "partnership": ("partnerskap", "partnership", "partner", "partners", "samarbete", "samarbeid", "collaboration",
                    "cooperation", "samverkan", "co-operation"),
    "funding": ("finansiering", "funding", "finansierar", "finansierer", "funds", "funded by", "bidrag", "grant",
                "stöd", "støtte", "tilskudd", "sponsorship"),
    "commissioning": ("uppdrag", "oppdrag", "commissioning", "commission", "commissioned", "contract", "avtal",
                      "avtale", "upphandling", "procurement", "beställning"),
    "participation": ("deltagande", "deltakelse", "deltar", "deltagelse", "participation", "participates",
                      "participant", "medverkan"),
    "membership": ("medlemskap", "membership", "member", "medlem", "member of", "medlem i", "ingår i"),
    "dialogue": ("dialog", "dialogue", "dialog", "samtal", "samtale", "meeting", "möte", "møte", "contact", "kontakt"),
    "existing": ("befintlig", "eksisterende", "existing", "exists", "finns", "aktiv", "active", "current", "pågående",
                 "ongoing", "pågår", "yes", "ja"),
    "planned": ("planerad", "planlagt", "planned", "planning", "plan", "future", "kommande", "kommende"),
    "recommended": ("rekommenderad", "anbefalt", "recommended", "suggested", "föreslagen", "foreslått", "should",
                    "bör"),
    "ended": ("avslutad", "avsluttet", "ended", "finished", "closed", "past", "former", "tidigare", "tidligere",
              "inactive", "inaktiv", "avslutat", "slutt", "avsluttet samarbeid"),
}

#: What Gephi, Kumu and GraphML call the direction of a tie: value spelling -> ``directed``/``undirected``.
DIRECTIONS = {"directed": "directed", "undirected": "undirected", "mutual": "undirected", "riktad": "directed",
              "rettet": "directed", "oriktad": "undirected", "urettet": "undirected", "true": "directed",
              "false": "undirected"}

#: Column names people use, per table: our column -> spellings (codes and sv/en/nb words).
COLUMN_NAMES: dict[str, dict[str, tuple[str, ...]]] = {
    "actors": {
        "id": ("id", "key", "nod-id", "node id", "node", "nodeid", "actor id", "aktör-id", "aktør-id", "identifier",
               "nyckel", "nøkkel", "kod", "kode", "slug"),
        "name": ("name", "namn", "navn", "label", "etikett", "title", "titel", "tittel", "organisation",
                 "organization", "organisasjon", "aktör", "aktør", "actor", "benämning"),
        "type": ("type", "typ", "kind of actor", "aktörstyp", "aktørtype", "kategori", "category", "organisationstyp",
                 "organisasjonstype"),
        "sector": ("sector", "sektor"),
        "level": ("level", "nivå", "niva", "nivå"),
        "country": ("country", "land"),
        "region": ("region", "län", "lan", "fylke", "county"),
        "municipality": ("municipality", "kommun", "kommune"),
        "aliases": ("aliases", "alias", "aliaser", "also known as", "aka", "andra namn", "andre navn", "other names",
                    "förkortning", "forkortelse", "abbreviation"),
        "description": ("description", "beskrivning", "beskrivelse", "about", "om", "notes", "anteckningar",
                        "notater", "kommentar", "comment"),
    },
    "collaborations": {
        "id": ("id", "key", "edge id", "tie id", "samarbets-id", "samarbeids-id"),
        "source": ("source", "från", "fran", "fra", "from", "källa", "kalla", "kilde", "src", "u", "node1", "node 1",
                   "actor1", "actor 1", "aktör1", "aktør1", "aktör 1", "aktør 1", "start node", "source id", "från id"),
        "target": ("target", "till", "til", "to", "mål", "mal", "dst", "v", "node2", "node 2", "actor2", "actor 2",
                   "aktör2", "aktør2", "aktör 2", "aktør 2", "end node", "target id", "till id", "destination"),
        "kind": ("kind", "type", "typ", "art", "slag", "sort", "relation", "relationship", "tie type", "typ av samarbete",
                 "samarbetstyp", "type samarbeid", "samarbeidstype", "edge type", "link type", "kind of tie"),
        "themes": ("themes", "theme", "teman", "tema", "temaer", "topics", "topic", "ämne", "ämnen", "emne", "emner"),
        "status": ("status", "tillstånd", "tilstand", "state"),
        "start": ("start", "från datum", "startdatum", "start date", "startdato", "begins", "from date", "år från",
                  "since", "sedan", "siden", "start year", "startår"),
        "end": ("end", "slut", "slutt", "slutdatum", "end date", "sluttdato", "to date", "until", "ends", "end year",
                "slutår"),
        "weight": ("weight", "vikt", "vekt", "strength", "styrka", "styrke", "value", "värde", "verdi"),
        "evidence": ("evidence", "citat", "sitat", "quote", "belägg", "belegg", "underlag", "grund", "source text",
                     "källtext"),
        "document": ("document", "dokument", "doc", "source document", "källdokument", "kildedokument", "reference",
                     "referens", "referanse"),
    },
    "themes": {
        "id": ("id", "key", "kod", "kode", "theme", "tema"),
        "label_sv": ("label_sv", "svenska", "swedish", "sv"),
        "label_en": ("label_en", "engelska", "english", "engelsk", "en"),
        "label_nb": ("label_nb", "norska", "norwegian", "norsk", "bokmål", "nb", "no"),
    },
    "documents": {
        "id": ("id", "key", "file", "fil", "filename", "filnamn", "filnavn"),
        "title": ("title", "titel", "tittel", "name", "namn", "navn"),
        "publisher": ("publisher", "utgivare", "utgiver", "author", "författare", "forfatter", "avsändare"),
        "date": ("date", "datum", "dato", "published", "publicerad", "publisert", "year", "år"),
        "language": ("language", "språk", "sprak", "lang", "språkkod"),
    },
}

_SEPARATORS = re.compile(r"[\s_\-/.]+")


def spelling_key(text: str) -> str:
    """How a spelling is compared: lower case, accents off, spaces, hyphens, underscores and slashes as one space.

    >>> spelling_key("  Studie-Förbund_"), spelling_key("Næringsliv"), spelling_key("LEADER group")
    ('studie forbund', 'naeringsliv', 'leader group')
    """
    text = unicodedata.normalize("NFKD", str(text).casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("ø", "o").replace("æ", "ae").replace("ß", "ss").replace("œ", "oe")
    return _SEPARATORS.sub(" ", text).strip()


_LOOKUPS: dict[int, dict[str, str]] = {}


def _spellings(vocabulary: dict[str, dict[str, str]]) -> dict[str, str]:
    table: dict[str, str] = {}
    for code, labels in vocabulary.items():
        synonyms = SYNONYMS.get("business_sector" if vocabulary is SECTORS and code == "business" else code, ())
        for name in (code, *labels.values(), *synonyms):
            key = spelling_key(name)
            table.setdefault(key, code)
            table.setdefault(key.replace(" ", ""), code)
    return table


def lookup(vocabulary: dict[str, dict[str, str]]) -> dict[str, str]:
    """Every accepted spelling key of ``vocabulary`` -> its code.

    >>> lookup(STATUSES)["befintlig"]
    'existing'
    """
    if id(vocabulary) not in _LOOKUPS:
        _LOOKUPS[id(vocabulary)] = _spellings(vocabulary)
    return _LOOKUPS[id(vocabulary)]


def to_code(vocabulary: dict[str, dict[str, str]], value: str) -> str | None:
    """The code ``value`` means in ``vocabulary`` (code, label in sv/en/nb or synonym), else None."""
    if value in vocabulary:
        return value
    key = spelling_key(value)
    table = lookup(vocabulary)
    return table.get(key) or table.get(key.replace(" ", ""))


def did_you_mean(vocabulary: dict[str, dict[str, str]], value: str) -> str | None:
    """The code whose spelling is closest to ``value``, if one is close enough.

    >>> did_you_mean(ACTOR_TYPES, "municipallity"), did_you_mean(ACTOR_TYPES, "zzz")
    ('municipality', None)
    """
    table = lookup(vocabulary)
    match = difflib.get_close_matches(spelling_key(value), list(table), n=1, cutoff=0.75)
    return table[match[0]] if match else None


@lru_cache(maxsize=8)
def _column_spellings(table: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for column, names in COLUMN_NAMES[table].items():
        for name in names:
            found.setdefault(spelling_key(name), column)
            found.setdefault(spelling_key(name).replace(" ", ""), column)
    return found


def column_for(table: str, name: str) -> str | None:
    """Our column of ``table`` that the column name ``name`` means, else None.

    >>> column_for("collaborations", "Från"), column_for("actors", "Navn"), column_for("actors", "shoe size")
    ('source', 'name', None)
    """
    key = spelling_key(name)
    spellings = _column_spellings(table)
    return spellings.get(key) or spellings.get(key.replace(" ", ""))
