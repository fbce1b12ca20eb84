"""Words of the trade: how Nordic (and English) organisation names are built, and the cue phrases of ties.

Everything here is language, not any one document: heads of organisation
names by actor type, descriptor nouns that introduce a name ("projektet X",
"konsulentselskapet X"), the cue phrases of each kind of tie, the words of
modality and the words of each theme.

>>> head_type("Migrationsverket")
'state_agency'
>>> head_type("länsstyrelserna")
'county_board'
>>> head_type("integration") is None
True
"""

from __future__ import annotations

import re

__all__ = ["HEADS", "DESCRIPTORS", "ACRONYM_STOP", "TIE_CUES", "RECOMMENDED", "PLANNED", "RECOMMEND_HEADINGS",
           "THEME_WORDS", "ANAPHORA", "FORM_RELATIONS", "UNITS", "head_type", "head_type_plain", "is_generic", "COLLECTIVE_TYPES"]

#: Lower-case units of an organisation: "Landsbygdsnätverkets integrationsgrupp" is an actor of its own.
UNITS = re.compile(r"^[\w-]*(grupp(en)?|gruppe(a|n)?|styrelse(n)?|nämnd(en)?|sekretariat(et)?|utskott(et)?|råd(et)?|"
                   r"-?program(met)?)$")

#: (type, regular expression on the lower-cased word) — first match wins, so specific heads come first.
HEADS: list[tuple[str, re.Pattern]] = [(t, re.compile(p)) for t, p in [
    ("county_board", r"(länsstyrelse(n|rna|r)?|statsforvalter(en)?|fylkesmann(en)?|^county administrative board)$"),
    ("region", r"^(region(en|erna|ane|ene)?|region\w*förbund(et)?|regionstyrelse(n)?|fylkeskommun(e|en|ane|ene)?"
               r"|landsting(et)?|regionråd(et)?)$"),
    ("municipality", r"^(\w*kommun(en|erna|er|e|ene|ane|ar)?|municipality|municipalities|council)$"),
    ("leader_group", r"^(leader|leadergrupp(en|er|erna)?|leaderområde(t|n)?|lag-grupp\w*)$"),
    ("study_association", r"(studieförbund(et|en)?|bildningsförbund(et|en)?|studieforbund(et|ene)?)$"),
    ("business_association", r"(företagarförening(ar|en|arna)?|näringslivsförening(ar|en|arna)?|företagarna"
                             r"|næringsforening(a|en|ar|er)?|handelskammare(n)?|bondeförbund(et)?)$"),
    ("faith_community", r"(församling(ar|en|arna)?|kyrka(n)?|kyrkja|kirke(n)?|menighet(er|en|ene)?"
                        r"|trossamfund(et)?|trossamfunn(et)?|moské(n|er)?)$"),
    ("association", r"(förening(en|ar|arna)?|föreningsliv(et)?|forening(a|en|ar|er)?|foreningsliv(et)?"
                    r"|förbund(et|en)?|forbund(et|ene)?"
                    r"|organisation(er|erna)|organisasjon(ar|er|ane|ene)|civilsamhälle(t)?|sivilsamfunn(et)?"
                    r"|frivillig(heten|het)|friviljug(heita|heit)|ngo(:s)?|bygdegård(ar|arna|en)?|idrottsklubb\w*"
                    r"|kors(et)?|\w*sentral(en)?|stiftelse(n)?|^association|^foundation|^federation|^union|^cross"
                    r"|^society|^club)$"),
    ("network", r"(nätverk(et)?|nettverk(et)?|integrationsgrupp(en)?|arbetsgrupp(en)?|^network)$"),
    ("state_agency", r"(verket|myndighet(en)?|förmedling(en)?|kassan|direktorat(et)?|etat(en)?|tilsyn(et)?"
                     r"|inspektion(en)?|ombudsmann(en)?|-rådet|banken|nav|^agency|^service|^board|^directorate"
                     r"|^ministry|^authority)$"),
    ("fund", r"(fond(en|et)?|fondens|^fund|^programme)$"),
    ("consultancy", r"(konsult(er|erna|företag(et)?)?|konsulentselskap(et)?|consulting)$"),
    ("business", r"^(näringsliv(et)?|næringsliv(et)?|företag(en)?|företagare(n|na)?|bedrift(er|ene)?"
                 r"|arbetsgivare(n|na)?|arbeidsgjevar(ar|ane)|arbeidsgiver(e|ne)|\w*producent(er|erna)"
                 r"|\w*produsent(ar|er|ane|ene)|verksemd(er|ene|ane)?)$"),
    ("initiative", r"(modell(en)?|projekt(et)?|prosjekt(et)?|satsning(en)?|initiativ(et)?|^project|^initiative)$"),
    ("other", r"(\w*mottak(et|a|ene)?|\w*skol(or|orna|an|e|en|ane)|högskola(n)?|universitet(et)?|\w*folkhögskola(n)?"
              r"|\w*høgskule(n)?|\w*høgskole(n)?|^school|^college|^university|^centre|^center"
              r"|turismorganisation(er|erna)?|podd(en)?)$"),
]]

#: Types whose lower-case, unnamed mentions ("föreningar", "næringslivet") stand for a group.
COLLECTIVE_TYPES = frozenset({"municipality", "association", "study_association", "faith_community", "business",
                              "business_association", "county_board", "region", "other", "leader_group"})

#: Lower-case descriptor nouns followed by a capitalised name: "projektet Mångfaldsmat Orust".
DESCRIPTORS: dict[str, str] = {
    "projektet": "initiative", "prosjektet": "initiative", "project": "initiative", "satsningen": "initiative",
    "modellen": "initiative", "programmet": "fund", "fonden": "fund", "föreningen": "association",
    "foreningen": "association", "stiftelsen": "association", "organisationen": "association",
    "organisasjonen": "association", "nätverket": "network", "nettverket": "network", "network": "network",
    "företaget": "business", "bolaget": "business", "bedriften": "business", "selskapet": "business",
    "konsulentselskapet": "consultancy", "konsultföretaget": "consultancy", "konsultbolaget": "consultancy",
    "podden": "other", "tidningen": "other", "avisa": "other", "kallade": "initiative", "kalla": "initiative",
}

#: Form labels ("Fond - X") that say how the value is tied to the document's own project.
FORM_RELATIONS: list[tuple[re.Pattern, str]] = [(re.compile(p, re.I), k) for p, k in [
    (r"\b(fond|finansiär|finansiering|finansiert|funder|funding|bidragsgivare)\b", "funding"),
    (r"\b(samarbetspartner\w*|samarbeidspartnar\w*|samarbeidspartner\w*|partner\w*)\b", "partnership"),
    (r"\b(uppdragsgivare|oppdragsgivar|oppdragsgiver|commissioned by|beställare)\b", "commissioning"),
]]

#: Upper-case abbreviations that name things, not organisations.
ACRONYM_STOP = frozenset("SFI SFO YKB TV IT PDF CV ID OK HR SMS FAQ UTC DVD USA UK II III IV VI NN NB OBS CO2 "
                         "PS EPOST URL WWW HTML CSV PM".split())

#: kind -> cue phrases (lower case, regular expressions) per the vocabulary of kinds.
TIE_CUES: dict[str, list[str]] = {
    "funding": [r"finansier\w* (av|från|fra|frå)", r"med stöd (från|av)", r"stöd från", r"beviljade?", r"beviljat",
                r"bidrag från", r"ersättning från", r"støtte (fra|frå)", r"tilskot\w* (fra|frå)",
                r"tilskudd (fra|frå)", r"funded by", r"grants? from", r"with support from", r"fond\b"],
    "commissioning": [r"på uppdrag (av|från)", r"på oppdrag (fra|frå|av|for)", r"uppdrag\w* gavs av",
                      r"gav \w+ i uppdrag", r"ga \w+ i oppdrag", r"commissioned by", r"on behalf of",
                      r"uppdrag från", r"oppdrag frå"],
    "partnership": [r"i samarbete med", r"tillsammans med", r"samarbet\w*", r"samverk\w*", r"samarbeid\w*",
                    r"sammen med", r"saman med", r"partnerskap\w*", r"avtal\w* med", r"in (collaboration|cooperation|"
                    r"partnership) with", r"together with", r"collaborat\w*", r"cooperat\w*", r"partner\w* with"],
    "participation": [r"deltog", r"deltar", r"deltagit", r"deltagande från", r"deltagande", r"deltok",
                      r"deltaking (frå|fra)", r"deltakelse (fra|frå)", r"participation (from|of)", r"medverka\w*", r"medvirk\w*", r"panel\w*", r"presenterade",
                      r"presenterte", r"filmat", r"took part", r"participat\w*", r"presented"],
    "membership": [r"medlem\w* i", r"ingår i", r"del av", r"member of", r"part of", r"medlem\w* av"],
    "dialogue": [r"träffa\w*", r"möte med", r"dialog\w*", r"samtal med", r"turné", r"kommunrunda", r"møtte",
                 r"møte med", r"met with", r"meeting with", r"sett på"],
}

#: Words of a sentence that make its ties recommended (should, ought, need, propose).
RECOMMENDED = re.compile(r"\b(bör|borde|bør|burde|should|ought|behöver|behövs|trenger|treng|need(s|ed)?|"
                         r"föreslå\w*|foreslå\w*|propose\w*|recommend\w*|rekommender\w*|tilrå\w*|anbefal\w*|"
                         r"vinna på|å vinne på|to gain|viktigt att|viktig å|måste|må|ska kunna|skal kunne|kan)\b", re.I)
#: Words that make its ties planned (decided or aimed at, not yet in place).
PLANNED = re.compile(r"\b(planer\w*|planlagt|planned|siktar på|tar sikte på|aim\w*|kommer att|will|skall|ska|skal|"
                     r"avgjort|beslutat|beslutt\w*|decided|opprette|inrätta)\b", re.I)
#: Headings (or titles) under which every tie is a recommendation.
RECOMMEND_HEADINGS = re.compile(r"(rekommendation|förslag|prioriterade|tilråding|anbefaling|forslag|"
                                r"recommendation|proposal|åtgärder)", re.I)

#: Generic subjects that stand for the document's own project ("Projektet bygger …", "Man samarbetar …").
ANAPHORA = frozenset({"projektet", "prosjektet", "man", "vi", "we", "the project", "vårt", "vår"})

#: theme id -> regular expression of its words in sv, nb/nn and en.
THEME_WORDS: dict[str, re.Pattern] = {t: re.compile(p, re.I) for t, p in {
    "housing": r"\b(bostad\w*|bostäder|boende|bosätt\w*|busett\w*|bosett\w*|bolig\w*|housing|settlement)\b",
    "language": r"\b(svenska|svensk ?undervisning|språk\w*|sfi|norsk\w*|språkopplæring|language)\b",
    "validation_education": r"\b(utbildning\w*|utbilning|validering\w*|validera|yrkesvalidering\w*|kvalifiser\w*|"
                            r"utdanning|kompetensprofil\w*|education|validation|training)\b",
    "work_internship_matching": r"\b(arbete|arbetsmarknad\w*|praktik\w*|jobb\w*|sysselsätt\w*|sysselsetting\w*|"
                                r"anställning|match-making|matchning|arbeid|praksis|employment|internship\w*|jobs?)\b",
    "entrepreneurship": r"\b(starta (eget|företag)|startar företag|entreprenör\w*|cateringsföretag|gründer\w*|"
                        r"etablere bedrift|entrepreneur\w*|start a business)\b",
    "meeting_places": r"\b(mötesplats\w*|möteplats\w*|møteplass\w*|sociala aktiviteter|inkludering|fritid|"
                      r"kulturkafé\w*|meeting places?)\b",
    "attitudes_information": r"\b(attityd\w*|holdning\w*|haldning\w*|information|kunskap|ryktesspridning|"
                             r"värdegrund\w*|attitudes?)\b",
    "parenting_health": r"\b(förälder|föräldrar|föräldraskap|hälsa|vården|helse|foreldre\w*|parent\w*|health)\b",
}.items()}


def head_type(word: str) -> str | None:
    """The actor type a word's head names (``Migrationsverket`` → state agency), or ``None``."""
    low = word.lower().rstrip(".")
    if low.endswith("s") and len(low) > 4 and head_type_plain(low[:-1]):
        low = low[:-1]
    return head_type_plain(low)


_BARE = re.compile(r"^(kommun|region|länsstyrelse|statsforvalter|fylkesmann|fylkeskommun|landsting|regionförbund|"
                   r"regionstyrelse|regionråd|leader|leadergrupp|leaderområde|studieförbund|studieforbund|"
                   r"bildningsförbund|förbund|forbund|förening|forening|föreningsliv|foreningsliv|organisation|organisasjon|"
                   r"civilsamhälle|sivilsamfunn|frivillig|friviljug|församling|kyrk|kirke|menighet|nätverk|nettverk|"
                   r"myndighet|direktorat|etat|fond|program|projekt|prosjekt|modell|satsning|initiativ|näringsliv|"
                   r"næringsliv|företag|företagar|bedrift|arbetsgivar|arbeidsgjevar|arbeidsgiver|verksemd|skol|skule|"
                   r"mottak|asylmottak|konsult|sentral|kors|stiftelse|ngo|integrationsgrupp|arbetsgrupp|pilotkommun|"
                   r"bygdegård|producent|produsent|podd|trossamfun|moské|tilsyn|inspektion|ombudsmann|bank)"
                   r"(\w{0,6}|:s)$|^(municipality|municipalities|council|network|fund|programme|project|initiative|"
                   r"association|foundation|federation|union|cross|society|club|agency|service|board|directorate|"
                   r"ministry|authority|school|college|university|centre|center|county administrative board)$")


def is_generic(word: str) -> bool:
    """Is the word a bare head ("Projektet", "kommunen", "Regionen") rather than a name built on one?

    >>> is_generic("Kommunerna"), is_generic("Migrationsverket"), is_generic("Vuxenskolan")
    (True, False, False)
    """
    return bool(_BARE.match(word.lower().rstrip(".")))


def head_type_plain(low: str) -> str | None:
    """:func:`head_type` of an already lower-cased word without genitive handling."""
    for kind, pattern in HEADS:
        if pattern.search(low):
            return kind
    return None
