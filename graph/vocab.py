"""Controlled vocabularies of the data model and their labels in sv, en and nb.

Every value the tables may hold in ``type``, ``sector``, ``level``, ``kind`` and
``status`` is listed here once, with its label in the three languages of the
app.  The defaults that a type implies for sector and level live here too.

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
    "VOCABULARIES",
    "label",
]

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


def label(vocabulary: dict[str, dict[str, str]], value: str, lang: str = "sv") -> str:
    """Return the label of ``value`` in ``lang``, or ``value`` itself if unknown.

    >>> label(STATUSES, "recommended", "nb")
    'Anbefalt'
    >>> label(STATUSES, "whatever", "en")
    'whatever'
    """
    return pick(vocabulary[value], lang) if value in vocabulary else value
