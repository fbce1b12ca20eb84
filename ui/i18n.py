"""Every word the app shows, in Swedish (default), English and Norwegian bokmål.

Vocabulary values (types, sectors, kinds, statuses) have their labels in
:mod:`graph.vocab`; this module holds the app's own words.

>>> t("explore", "nb")
'Utforsk'
"""

from __future__ import annotations

from graph.store.words import COLUMN_WORDS
from graph.text import say
from graph.vocab import column_label as vocab_label  # the pages' name for it
from graph.vocab import theme_labels

__all__ = ["LANG_NAMES", "t", "tn", "vocab_label", "md_text", "theme_labels", "WORDS"]

LANG_NAMES = {"sv": "Svenska", "en": "English", "nb": "Norsk (bokmål)"}

WORDS: dict[str, dict[str, str]] = {
    "app_title": {
        "sv": "Aktörskarta för integration",
        "en": "Stakeholder network explorer",
        "nb": "Aktørkart for integrering",
    },
    "app_intro": {
        "sv": "Vem samarbetar med vem kring nyanländas etablering på landsbygden – och vem borde göra det? "
              "Klicka på en aktör för att se dess samarbeten och källorna bakom dem.",
        "en": "Who works with whom on newcomers' integration in rural areas – and who should? "
              "Click an actor to see its ties and the sources behind them.",
        "nb": "Hvem samarbeider med hvem om nyankomnes integrering på bygda – og hvem burde gjøre det? "
              "Klikk på en aktør for å se samarbeidene og kildene bak dem.",
    },
    "link_ignored": {
        "sv": "Länken innehöll värden som inte finns i datan och hoppades över: {values}",
        "en": "The link held values that are not in the data; they were skipped: {values}",
        "nb": "Lenken inneholdt verdier som ikke finnes i dataene og ble hoppet over: {values}",
    },
    "year": {"sv": "Tidslinje: läget år", "en": "Timeline: as of year", "nb": "Tidslinje: status år"},
    "year_all": {"sv": "Alla år", "en": "All years", "nb": "Alle år"},
    "year_back": {"sv": "Ett år bakåt", "en": "One year back", "nb": "Ett år tilbake"},
    "year_next": {"sv": "Ett år framåt", "en": "One year on", "nb": "Ett år fram"},
    "year_caption": {
        "sv": "Läget {year}: tjocka linjer började i år, grå har avslutats, streckade är planerade.",
        "en": "As of {year}: thick lines started that year, grey ones have ended, dashed ones are planned.",
        "nb": "Status {year}: tykke linjer startet det året, grå er avsluttet, stiplede er planlagt.",
    },
    "brief_actor": {"sv": "Lägesbild att skriva ut (PDF)", "en": "Briefing to print (PDF)",
                    "nb": "Situasjonsbilde til utskrift (PDF)"},
    "brief_heading": {"sv": "Lägesbild att skriva ut", "en": "A briefing to print", "nb": "Situasjonsbilde til utskrift"},
    "brief_intro": {
        "sv": "A4-sidor om en aktör eller plats: karta, nyckeltal, varje samarbete med citat och källa, mäklare, "
              "sektorsglapp, förslag och källor.",
        "en": "A4 pages on one actor or place: map, key facts, each tie with its quote and source, brokers, "
              "sector gaps, suggestions and sources.",
        "nb": "A4-sider om en aktør eller et sted: kart, nøkkeltall, hvert samarbeid med sitat og kilde, meglere, "
              "sektorgap, forslag og kilder.",
    },
    "brief_on": {"sv": "Om", "en": "On", "nb": "Om"},
    "brief_download": {"sv": "Ladda ner lägesbild (PDF)", "en": "Download the briefing (PDF)",
                       "nb": "Last ned situasjonsbilde (PDF)"},
    "export_title": {"sv": "Rubrik", "en": "Title", "nb": "Tittel"},
    "export_title_default": {"sv": "Aktörsnätverk", "en": "Stakeholder network", "nb": "Aktørnettverk"},
    "export_dpi": {"sv": "Upplösning (DPI)", "en": "Resolution (DPI)", "nb": "Oppløsning (DPI)"},
    "export_dpi_help": {"sv": "Gäller PNG; bilden blir minst 2 200 pixlar bred.",
                        "en": "For PNG; the picture is at least 2,200 pixels wide.",
                        "nb": "Gjelder PNG; bildet blir minst 2 200 piksler bredt."},
    "export_paper": {"sv": "Pappersstorlek", "en": "Paper size", "nb": "Papirstørrelse"},
    "paper_fit": {"sv": "Efter nätverket", "en": "As the network needs", "nb": "Etter nettverket"},
    "paper_a4": {"sv": "A4 stående", "en": "A4 portrait", "nb": "A4 stående"},
    "paper_a4-landscape": {"sv": "A4 liggande", "en": "A4 landscape", "nb": "A4 liggende"},
    "paper_a3": {"sv": "A3 stående", "en": "A3 portrait", "nb": "A3 stående"},
    "paper_a3-landscape": {"sv": "A3 liggande", "en": "A3 landscape", "nb": "A3 liggende"},
    "upload_button": {"sv": "Välj filer", "en": "Choose files", "nb": "Velg filer"},
    "doc_title": {"sv": "Titel", "en": "Title", "nb": "Tittel"},
    "doc_publisher": {"sv": "Utgivare", "en": "Publisher", "nb": "Utgiver"},
    "doc_date": {"sv": "Datum", "en": "Date", "nb": "Dato"},
    "doc_language": {"sv": "Språk", "en": "Language", "nb": "Språk"},
    "explore": {"sv": "Utforska", "en": "Explore", "nb": "Utforsk"},
    "paths": {"sv": "Vägar", "en": "Paths", "nb": "Veier"},
    "brokers": {"sv": "Mäklare och sårbarhet", "en": "Brokers and weak points", "nb": "Meglere og sårbarhet"},
    "communities": {"sv": "Grupper", "en": "Communities", "nb": "Grupper"},
    "themes_where": {"sv": "Teman och platser", "en": "Themes and places", "nb": "Tema og steder"},
    "suggestions": {"sv": "Förslag på samarbeten", "en": "Suggested ties", "nb": "Forslag til samarbeid"},
    "data": {"sv": "Data och import", "en": "Data and import", "nb": "Data og import"},
    "export": {"sv": "Exportera", "en": "Export", "nb": "Eksporter"},
    "read_document": {"sv": "Läs ett dokument", "en": "Read a document", "nb": "Les et dokument"},
    "dataset": {"sv": "Datamängd", "en": "Dataset", "nb": "Datasett"},
    "counts": {
        "sv": "{actors} aktörer, {ties} samarbeten",
        "en": "{actors} actors, {ties} ties",
        "nb": "{actors} aktører, {ties} samarbeid",
    },
    "showing": {
        "sv": "Visar {actors} av {all_actors} aktörer och {ties} av {all_ties} samarbeten.",
        "en": "Showing {actors} of {all_actors} actors and {ties} of {all_ties} ties.",
        "nb": "Viser {actors} av {all_actors} aktører og {ties} av {all_ties} samarbeid.",
    },
    "filters": {"sv": "Filter", "en": "Filters", "nb": "Filtre"},
    "theme": {"sv": "Tema", "en": "Theme", "nb": "Tema"},
    "period": {"sv": "Period", "en": "Period", "nb": "Periode"},
    "all": {"sv": "Alla", "en": "All", "nb": "Alle"},
    "search": {
        "sv": "Sök aktör (namn eller alias)",
        "en": "Find an actor (name or alias)",
        "nb": "Søk aktør (navn eller alias)",
    },
    "focus": {
        "sv": "Fokus: steg runt vald aktör",
        "en": "Focus: steps around the selected actor",
        "nb": "Fokus: steg rundt valgt aktør",
    },
    "focus_off": {"sv": "Hela nätverket", "en": "Whole network", "nb": "Hele nettverket"},
    "color_by": {"sv": "Färg efter", "en": "Colour by", "nb": "Farge etter"},
    "size_by": {"sv": "Storlek efter", "en": "Size by", "nb": "Størrelse etter"},
    "community": {"sv": "Grupp", "en": "Community", "nb": "Gruppe"},
    "file_colour": {"sv": "Filens färger", "en": "The file's colours", "nb": "Filens farger"},
    "none": {"sv": "Ingen", "en": "None", "nb": "Ingen"},
    "degree": {"sv": "Antal partner", "en": "Partners", "nb": "Antall partnere"},
    "betweenness": {"sv": "Mellanhet", "en": "Betweenness", "nb": "Mellomhet"},
    "click_hint": {
        "sv": "Klicka på en aktör i kartan eller sök i sidopanelen för att se detaljer.",
        "en": "Click an actor in the map, or search in the sidebar, to see its details.",
        "nb": "Klikk på en aktør i kartet eller søk i sidepanelet for å se detaljer.",
    },
    "details": {"sv": "Detaljer", "en": "Details", "nb": "Detaljer"},
    "ties_of": {"sv": "Samarbeten ({n})", "en": "Ties ({n})", "nb": "Samarbeid ({n})"},
    "no_ties": {
        "sv": "Inga samarbeten i aktuellt urval.",
        "en": "No ties in the current view.",
        "nb": "Ingen samarbeid i gjeldende utvalg.",
    },
    "partner": {"sv": "Partner", "en": "Partner", "nb": "Partner"},
    "snapshot": {"sv": "Spara bild (PNG)", "en": "Save image (PNG)", "nb": "Lagre bilde (PNG)"},
    "legend_ties": {
        "sv": "Pil: finansiering/uppdrag. Streckad: planerad eller rekommenderad.",
        "en": "Arrow: funding/commissioning. Dashed: planned or recommended.",
        "nb": "Pil: finansiering/oppdrag. Stiplet: planlagt eller anbefalt.",
    },
    "from": {"sv": "Från", "en": "From", "nb": "Fra"},
    "to": {"sv": "Till", "en": "To", "nb": "Til"},
    "path_all_ties": {"sv": "Räkna även med planerade, rekommenderade och avslutade samarbeten",
                      "en": "Also walk planned, recommended and ended ties",
                      "nb": "Regn også med planlagte, anbefalte og avsluttede samarbeid"},
    "no_path": {
        "sv": "{a} och {b} är inte förbundna i aktuellt urval.",
        "en": "{a} and {b} are not connected in the current view.",
        "nb": "{a} og {b} er ikke forbundet i gjeldende utvalg.",
    },
    "path_n": {"sv": "Väg {n} ({steps} steg)", "en": "Path {n} ({steps} steps)", "nb": "Vei {n} ({steps} steg)"},
    "paths_found": {
        "sv": "{n} kortaste vägar med {steps} steg.",
        "en": "{n} shortest paths of {steps} steps.",
        "nb": "{n} korteste veier med {steps} steg.",
    },
    "paths_found_one": {
        "sv": "1 kortaste väg med {steps} steg.",
        "en": "1 shortest path of {steps} steps.",
        "nb": "1 korteste vei med {steps} steg.",
    },
    "brokers_intro": {
        "sv": "Mäklare binder ihop delar av nätverket som annars inte möts. Mellanhet (betweenness): hur stor andel av de kortaste vägarna som går genom aktören. Slutenhet (Burts constraint): låg betyder att aktörens partner inte känner varandra, alltså en möjlig brobyggare. En artikulationspunkt är en aktör vars bortfall delar nätverket.",
        "en": "Brokers join parts of the network that would not otherwise meet. Betweenness: the share of shortest paths that run through the actor. Burt's constraint: low means the actor's partners do not know each other, so it can bridge. An articulation point is an actor whose loss splits the network.",
        "nb": "Meglere binder sammen deler av nettverket som ellers ikke møtes. Mellomhet (betweenness): hvor stor andel av de korteste veiene som går gjennom aktøren. Lukkethet (Burts constraint): lav betyr at aktørens partnere ikke kjenner hverandre, altså en mulig brobygger. Et artikulasjonspunkt er en aktør som deler nettverket om den faller bort.",
    },
    "constraint": {"sv": "Slutenhet (Burt)", "en": "Burt's constraint", "nb": "Lukkethet (Burt)"},
    "articulation": {"sv": "Artikulationspunkt", "en": "Articulation point", "nb": "Artikulasjonspunkt"},
    "weak_points": {"sv": "Sårbara punkter", "en": "Single points of failure", "nb": "Sårbare punkter"},
    "cut_sentence_one": {
        "sv": "Om {name} föll bort skulle 1 aktör tappa kontakten med resten av nätverket.",
        "en": "If {name} dropped out, 1 actor would lose touch with the rest of the network.",
        "nb": "Hvis {name} falt bort, ville 1 aktør miste kontakten med resten av nettverket.",
    },
    "cut_sentence": {
        "sv": "Om {name} föll bort skulle {n} aktörer tappa kontakten med resten av nätverket.",
        "en": "If {name} dropped out, {n} actors would lose touch with the rest of the network.",
        "nb": "Hvis {name} falt bort, ville {n} aktører miste kontakten med resten av nettverket.",
    },
    "bridge_sentence": {
        "sv": "Samarbetet {a} — {b} är den enda länken mellan två delar av nätverket.",
        "en": "The tie {a} — {b} is the only link between two parts of the network.",
        "nb": "Samarbeidet {a} — {b} er den eneste lenken mellom to deler av nettverket.",
    },
    "brokers_existing": {"sv": "Räknat på samarbeten som finns.", "en": "Counted over existing ties.",
                         "nb": "Regnet på samarbeid som finnes."},
    "brokers_left_out_one": {"sv": "{n} planerat, rekommenderat eller avslutat samarbete räknas inte.",
                             "en": "{n} planned, recommended or ended tie is left out.",
                             "nb": "{n} planlagt, anbefalt eller avsluttet samarbeid er holdt utenfor."},
    "brokers_left_out": {"sv": "{n} planerade, rekommenderade eller avslutade samarbeten räknas inte.",
                         "en": "{n} planned, recommended or ended ties are left out.",
                         "nb": "{n} planlagte, anbefalte eller avsluttede samarbeid er holdt utenfor."},
    "brokers_sampled": {"sv": "Mellanheten uppskattad från {k} slumpvis valda startpunkter.",
                        "en": "Betweenness estimated from {k} sampled sources.",
                        "nb": "Mellomheten anslått fra {k} tilfeldig valgte startpunkter."},
    "not_computed_large": {"sv": "Beräknas inte för så stora nätverk; filtrera eller fokusera först.",
                           "en": "Not computed for networks this large; filter or focus first.",
                           "nb": "Beregnes ikke for så store nettverk; filtrer eller fokuser først."},
    "bridges": {"sv": "Broar", "en": "Bridges", "nb": "Broer"},
    "none_found": {"sv": "Inga hittades.", "en": "None found.", "nb": "Ingen funnet."},
    "community_summary_one": {
        "sv": "Grupp {n}: 1 aktör, {top}. Sektor: {sectors}.",
        "en": "Community {n}: 1 actor, {top}. Sector: {sectors}.",
        "nb": "Gruppe {n}: 1 aktør, {top}. Sektor: {sectors}.",
    },
    "community_summary": {
        "sv": "Grupp {n}: {size} aktörer, störst: {top}. Sektorer: {sectors}.",
        "en": "Community {n}: {size} actors, largest: {top}. Sectors: {sectors}.",
        "nb": "Gruppe {n}: {size} aktører, størst: {top}. Sektorer: {sectors}.",
    },
    "themes_intro": {
        "sv": "Vem arbetar med vilket tema, och var (antal samarbeten per aktör och tema).",
        "en": "Who works on which theme, and where (number of ties per actor and theme).",
        "nb": "Hvem arbeider med hvilket tema, og hvor (antall samarbeid per aktør og tema).",
    },
    "actor": {"sv": "Aktör", "en": "Actor", "nb": "Aktør"},
    "upload": {
        "sv": "Ladda upp data (CSV-tabeller, .xlsx, Kumu, GraphML, GEXF, JSON)",
        "en": "Upload data (CSV tables, .xlsx, Kumu, GraphML, GEXF, JSON)",
        "nb": "Last opp data (CSV-tabeller, .xlsx, Kumu, GraphML, GEXF, JSON)",
    },
    "upload_ok": {
        "sv": "{name} används nu: {actors} aktörer, {ties} samarbeten.",
        "en": "Now using {name}: {actors} actors, {ties} ties.",
        "nb": "{name} brukes nå: {actors} aktører, {ties} samarbeid.",
    },
    "upload_refused": {
        "sv": "{name} kunde inte användas. Inget har ändrats. Problem:",
        "en": "{name} could not be used. Nothing was changed. Problems:",
        "nb": "{name} kunne ikke brukes. Ingenting er endret. Problemer:",
    },
    "warnings": {"sv": "Varningar", "en": "Warnings", "nb": "Advarsler"},
    "mapping_intro": {
        "sv": "Vi känner inte igen kolumnerna i {name}. Säg vilka kolumner som är vad, så läser vi filen igen.",
        "en": "We do not recognise the columns of {name}. Say which column is which, and the file is read again.",
        "nb": "Vi kjenner ikke igjen kolonnene i {name}. Si hvilke kolonner som er hva, så leses filen på nytt.",
    },
    "map_source": {"sv": "Vilken kolumn är källan (från)?", "en": "Which column is the source (from)?",
                   "nb": "Hvilken kolonne er kilden (fra)?"},
    "map_target": {"sv": "Vilken kolumn är målet (till)?", "en": "Which column is the target (to)?",
                   "nb": "Hvilken kolonne er målet (til)?"},
    "map_weight": {"sv": "Vilken kolumn är vikten? (valfritt)", "en": "Which column is the weight? (optional)",
                   "nb": "Hvilken kolonne er vekten? (valgfritt)"},
    "map_kind": {"sv": "Vilken kolumn är typen av samarbete? (valfritt)",
                 "en": "Which column is the kind of tie? (optional)",
                 "nb": "Hvilken kolonne er typen samarbeid? (valgfritt)"},
    "map_none": {"sv": "(ingen)", "en": "(none)", "nb": "(ingen)"},
    "map_apply": {"sv": "Läs filen med dessa kolumner", "en": "Read the file with these columns",
                  "nb": "Les filen med disse kolonnene"},
    "map_same": {"sv": "Källa och mål måste vara två olika kolumner.",
                 "en": "Source and target must be two different columns.",
                 "nb": "Kilde og mål må være to forskjellige kolonner."},
    "validation_clean": {"sv": "Inga problem hittades.", "en": "No problems found.", "nb": "Ingen problemer funnet."},
    "back_to_default": {
        "sv": "Tillbaka till den medföljande datamängden",
        "en": "Back to the shipped dataset",
        "nb": "Tilbake til det medfølgende datasettet",
    },
    "method_default": {"sv": "Bästa sammanvägning (rekommenderas)", "en": "Best combination (recommended)",
                       "nb": "Beste sammenveiing (anbefalt)"},
    "method_cn": {"sv": "Antal gemensamma partner", "en": "Number of common partners",
                  "nb": "Antall felles partnere"},
    "method_jaccard": {"sv": "Andel gemensamma partner (Jaccard)", "en": "Share of common partners (Jaccard)",
                       "nb": "Andel felles partnere (Jaccard)"},
    "method_aa": {"sv": "Gemensamma partner, små väger tyngst (Adamic–Adar)",
                  "en": "Common partners, small ones count most (Adamic–Adar)",
                  "nb": "Felles partnere, små teller mest (Adamic–Adar)"},
    "method_ra": {"sv": "Gemensamma partner, fördelat (resursallokering)",
                  "en": "Common partners, shared out (resource allocation)",
                  "nb": "Felles partnere, fordelt (ressursallokering)"},
    "method_pa": {"sv": "Två välkopplade aktörer (preferentiell anknytning)",
                  "en": "Two well-connected actors (preferential attachment)",
                  "nb": "To godt koblede aktører (preferensiell tilknytning)"},
    "method_lp": {"sv": "Korta vägar mellan dem (lokal stig)", "en": "Short paths between them (local path)",
                  "nb": "Korte veier mellom dem (lokal sti)"},
    "method_katz": {"sv": "Alla vägar mellan dem (Katz)", "en": "All paths between them (Katz)",
                    "nb": "Alle veier mellom dem (Katz)"},
    "method_help": {
        "sv": "Hur förslagen rangordnas. Den första väger samman alla mått med teman, platser och sektorer.",
        "en": "How suggestions are ranked. The first combines every measure with themes, places and sectors.",
        "nb": "Hvordan forslagene rangeres. Den første veier sammen alle mål med tema, steder og sektorer.",
    },
    "show_numbers": {"sv": "Visa siffrorna", "en": "Show the numbers", "nb": "Vis tallene"},
    "suggestions_intro": {
        "sv": "Samarbeten som saknas i kartan: först de som en källa rekommenderar, sedan nya idéer.",
        "en": "Ties missing from the map: first those a source recommends, then new ideas.",
        "nb": "Samarbeid som mangler i kartet: først de som en kilde anbefaler, så nye ideer.",
    },
    "group_recommended": {"sv": "Rekommenderade av en källa", "en": "Recommended by a source",
                          "nb": "Anbefalt av en kilde"},
    "group_new": {"sv": "Nya idéer", "en": "New ideas", "nb": "Nye ideer"},
    "ties_between": {"sv": "Samarbeten mellan", "en": "Ties between", "nb": "Samarbeid mellom"},
    "gap_matrix_intro": {
        "sv": "Antal befintliga samarbeten mellan sektorerna på platsen; 0 är ett glapp.",
        "en": "Number of existing ties between the sectors in the place; 0 is a gap.",
        "nb": "Antall eksisterende samarbeid mellom sektorene på stedet; 0 er et gap.",
    },
    "sector_group_a": {"sv": "Sektor", "en": "Sector", "nb": "Sektor"},
    "sector_group_b": {"sv": "och sektor", "en": "and sector", "nb": "og sektor"},
    "method": {"sv": "Metod", "en": "Method", "nb": "Metode"},
    "score": {"sv": "Poäng", "en": "Score", "nb": "Poeng"},
    "for_actor": {"sv": "Bara för aktör", "en": "Only for actor", "nb": "Bare for aktør"},
    "across_sectors": {
        "sv": "Bara mellan olika sektorer",
        "en": "Across sectors only",
        "nb": "Bare mellom ulike sektorer",
    },
    "accept": {
        "sv": "Lägg till som planerat samarbete",
        "en": "Add as a planned tie",
        "nb": "Legg til som planlagt samarbeid",
    },
    "accepted": {
        "sv": "Tillagt: {a} — {b} (planerat).",
        "en": "Added: {a} — {b} (planned).",
        "nb": "Lagt til: {a} — {b} (planlagt).",
    },
    "gaps": {"sv": "Sektorsglapp per plats", "en": "Sector gaps by place", "nb": "Sektorgap per sted"},
    "place": {"sv": "Plats", "en": "Place", "nb": "Sted"},
    "how_many": {"sv": "Antal förslag", "en": "Number of suggestions", "nb": "Antall forslag"},
    "format": {"sv": "Format", "en": "Format", "nb": "Format"},
    "with_contacts": {
        "sv": "Ta med kontaktuppgifter (e-post, telefon)",
        "en": "Include contact details (e-mail, phone)",
        "nb": "Ta med kontaktinformasjon (e-post, telefon)",
    },
    "download": {"sv": "Ladda ner {fmt}", "en": "Download {fmt}", "nb": "Last ned {fmt}"},
    "export_intro": {
        "sv": "Exporten gäller aktuellt urval (filter och fokus från Utforska).",
        "en": "Exports follow the current view (filters and focus from Explore).",
        "nb": "Eksporten følger gjeldende utvalg (filtre og fokus fra Utforsk).",
    },
    "problem_data": {
        "sv": "Datamängden har {n} problem; se Data och import.",
        "en": "The dataset has {n} problems; see Data and import.",
        "nb": "Datasettet har {n} problemer; se Data og import.",
    },
    "problem_data_one": {
        "sv": "Datamängden har 1 problem; se Data och import.",
        "en": "The dataset has 1 problem; see Data and import.",
        "nb": "Datasettet har 1 problem; se Data og import.",
    },
    "sources": {"sv": "Källdokument", "en": "Source documents", "nb": "Kildedokumenter"},
    "empty_view": {
        "sv": "Inga aktörer matchar filtren.",
        "en": "No actors match the filters.",
        "nb": "Ingen aktører passer filtrene.",
    },
}
# A table's columns as the history names them (graph.store.words), one list for both.
WORDS.update({k: v for k, v in COLUMN_WORDS.items() if k not in WORDS})


def t(key: str, lang: str = "sv", **values: object) -> str:
    """The app's word ``key`` in ``lang`` with ``values`` filled in (the fallback rule of :mod:`graph.text`)."""
    if key not in WORDS:
        raise KeyError(key)
    return say(WORDS, key, lang, **values)


def tn(key: str, count: int, lang: str = "sv", **values: object) -> str:
    """``t`` with a singular form: ``key_one`` when ``count`` is 1 (if the words have one).

    >>> tn("paths_found", 1, "en", n=1, steps=2)
    '1 shortest path of 2 steps.'
    """
    if key not in WORDS:
        raise KeyError(key)
    return say(WORDS, key, lang, count=count, **values)


def md_text(text: object) -> str:
    """``text`` escaped so that Streamlit's markdown shows it as written (no links, markup or HTML).

    >>> print(md_text("<b>[x](javascript:go)</b>"))
    \\<b\\>\\[x\\]\\(javascript:go\\)\\</b\\>
    """
    return "".join("\\" + c if c in "\\`*_{}[]()#+-.!<>|~$" else c for c in str(text))
