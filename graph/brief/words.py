"""Every word of the briefing, in Swedish, English and Norwegian (bokmål).

>>> say("ties_n", "en", n=2)
'2 ties'
>>> say("ties_n", "sv", n=1)
'1 samarbete'
"""

from __future__ import annotations

from graph import text

__all__ = ["WORDS", "say"]

WORDS: dict[str, dict[str, str]] = {
    "title_actor": {"sv": "Lägesbild: {name}", "en": "Briefing: {name}", "nb": "Situasjonsbilde: {name}"},
    "title_place": {"sv": "Lägesbild: {name}", "en": "Briefing: {name}", "nb": "Situasjonsbilde: {name}"},
    "made": {"sv": "Sammanställd {date} ur {actors} aktörer och {ties} samarbeten.",
             "en": "Compiled on {date} from {actors} actors and {ties} ties.",
             "nb": "Satt sammen {date} av {actors} aktører og {ties} samarbeid."},
    "as_of": {"sv": "Läget år {year}: senare samarbeten är inte med; avslutade visas grå.",
              "en": "As of {year}: later ties are left out; ended ones are grey.",
              "nb": "Status i {year}: senere samarbeid er ikke med; avsluttede vises grå."},
    "map": {"sv": "Karta", "en": "Map", "nb": "Kart"},
    "map_actor": {"sv": "{name} och dess partner (ett steg).", "en": "{name} and its partners (one step).",
                  "nb": "{name} og partnerne (ett steg)."},
    "map_place": {"sv": "Aktörerna i {name} och deras partner.", "en": "The actors in {name} and their partners.",
                  "nb": "Aktørene i {name} og deres partnere."},
    "facts": {"sv": "Nyckeltal", "en": "Key facts", "nb": "Nøkkeltall"},
    "type": {"sv": "Typ", "en": "Type", "nb": "Type"},
    "sector": {"sv": "Sektor", "en": "Sector", "nb": "Sektor"},
    "level": {"sv": "Nivå", "en": "Level", "nb": "Nivå"},
    "place": {"sv": "Plats", "en": "Place", "nb": "Sted"},
    "aliases": {"sv": "Kallas också", "en": "Also called", "nb": "Kalles også"},
    "partners": {"sv": "Partner", "en": "Partners", "nb": "Partnere"},
    "rank": {"sv": "Mäklarplats", "en": "Broker rank", "nb": "Meglerplass"},
    "rank_value": {"sv": "{rank} av {n} (betweenness {value})", "en": "{rank} of {n} (betweenness {value})",
                   "nb": "{rank} av {n} (betweenness {value})"},
    "actors_here": {"sv": "Aktörer på platsen", "en": "Actors in the place", "nb": "Aktører på stedet"},
    "by_sector": {"sv": "Per sektor", "en": "By sector", "nb": "Per sektor"},
    "ties_here": {"sv": "Samarbeten", "en": "Ties", "nb": "Samarbeid"},
    "ties": {"sv": "Samarbeten och belägg", "en": "Ties and evidence", "nb": "Samarbeid og belegg"},
    "no_ties": {"sv": "Inga samarbeten registrerade.", "en": "No ties recorded.",
                "nb": "Ingen samarbeid registrert."},
    "themes": {"sv": "Teman", "en": "Themes", "nb": "Tema"},
    "source": {"sv": "Källa", "en": "Source", "nb": "Kilde"},
    "brokers": {"sv": "Mäklare och sårbara punkter", "en": "Brokers and weak points",
                "nb": "Meglere og sårbare punkter"},
    "broker_line": {"sv": "{name}: betweenness {value} (plats {rank} i hela nätverket)",
                    "en": "{name}: betweenness {value} (rank {rank} in the whole network)",
                    "nb": "{name}: betweenness {value} (plass {rank} i hele nettverket)"},
    "cut": {"sv": "Om {name} föll bort skulle {n} aktörer tappa kontakten med resten av nätverket.",
            "en": "If {name} dropped out, {n} actors would lose touch with the rest of the network.",
            "nb": "Hvis {name} falt bort, ville {n} aktører miste kontakten med resten av nettverket."},
    "cut_one": {"sv": "Om {name} föll bort skulle 1 aktör tappa kontakten med resten av nätverket.",
                "en": "If {name} dropped out, 1 actor would lose touch with the rest of the network.",
                "nb": "Hvis {name} falt bort, ville 1 aktør miste kontakten med resten av nettverket."},
    "bridge": {"sv": "Samarbetet {a} — {b} är den enda länken mellan två delar av nätverket.",
               "en": "The tie {a} — {b} is the only link between two parts of the network.",
               "nb": "Samarbeidet {a} — {b} er den eneste lenken mellom to deler av nettverket."},
    "no_weak": {"sv": "Inga sårbara punkter här.", "en": "No single point of failure here.",
                "nb": "Ingen sårbare punkter her."},
    "gaps": {"sv": "Sektorsglapp", "en": "Sector gaps", "nb": "Sektorgap"},
    "gap_line": {"sv": "{place}: {a} – {b}: {note}", "en": "{place}: {a} – {b}: {note}",
                 "nb": "{place}: {a} – {b}: {note}"},
    "no_gaps": {"sv": "Inga glapp mellan sektorerna här.", "en": "No gaps between the sectors here.",
                "nb": "Ingen gap mellom sektorene her."},
    "suggestions": {"sv": "Förslag på samarbeten", "en": "Suggested ties", "nb": "Forslag til samarbeid"},
    "recommended": {"sv": "Rekommenderade av en källa", "en": "Recommended by a source",
                    "nb": "Anbefalt av en kilde"},
    "new": {"sv": "Nya idéer", "en": "New ideas", "nb": "Nye ideer"},
    "none": {"sv": "Inga.", "en": "None.", "nb": "Ingen."},
    "sources": {"sv": "Källor", "en": "Sources", "nb": "Kilder"},
    "ties_n": {"sv": "{n} samarbeten", "en": "{n} ties", "nb": "{n} samarbeid"},
    "ties_n_one": {"sv": "1 samarbete", "en": "1 tie", "nb": "1 samarbeid"},
    "actors_n": {"sv": "{n} aktörer", "en": "{n} actors", "nb": "{n} aktører"},
    "actors_n_one": {"sv": "1 aktör", "en": "1 actor", "nb": "1 aktør"},
    "page": {"sv": "Sida {n}", "en": "Page {n}", "nb": "Side {n}"},
}


def say(key: str, lang: str = "sv", **values: object) -> str:
    """The briefing's words ``key`` in ``lang`` (English for an unknown code); ``n == 1`` picks ``key_one``."""
    if key not in WORDS:
        raise KeyError(key)
    return text.say(WORDS, key, lang, count=values.get("n"), **values)
