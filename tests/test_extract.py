"""graph.extract: readers, language, actors, ties, masking, hostile documents, changes, and the extract command."""

from __future__ import annotations

import io
import re

import pandas as pd
import pytest

from graph import read_dataset, validate
from graph.cli import main
from graph.extract import (
    MASK,
    DocumentError,
    accepted_changes,
    detect_language,
    document_from_bytes,
    document_from_text,
    extract_documents,
    read_document,
)
from graph.extract.documents import EMAIL, PHONE
from tests.support import ROOT, write

SEEDS = ROOT.parent / "shared" / "seeds"
KNOWN = read_dataset(ROOT / "data")


def ties_of(text: str, known=None, name="a.txt") -> list[tuple[str, str, str, str]]:
    ds = extract_documents([document_from_text(text, name)], known).dataset
    return [tuple(r) for r in ds.collaborations[["source", "target", "kind", "status"]].to_numpy()]


def names_of(text: str, known=None) -> set[str]:
    return set(extract_documents([document_from_text(text, "a.txt")], known).dataset.actors["name"])


# ---------------------------------------------------------------- readers and language

@pytest.mark.parametrize("text, lang", [
    ("Kommunen samarbetar med föreningarna i länet för att skapa mötesplatser för nyanlända.", "sv"),
    ("Kommunen samarbeider med frivillige organisasjoner for å skape møteplasser for flyktninger.", "nb"),
    ("Kommunane har ikkje alltid oversyn over omfanget av friviljug aktivitet i eigen kommune.", "nn"),
    ("The municipality works together with local associations to create meeting places.", "en"),
])
def test_language_is_detected(text, lang):
    assert detect_language(text) == lang


def test_html_reader_drops_script_and_keeps_blocks():
    doc = document_from_bytes(b"<html><script>var x='Region Fake';</script><p>Region Halland</p>"
                              b"<p>samarbetar med Ljusdals kommun.</p></html>", "a.html")
    assert "Fake" not in doc.text and "Region Halland" in doc.text


def test_docx_reader():
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("Projektet Grannar drivs i samarbete med Region Halland.")
    out = io.BytesIO()
    document.save(out)
    ds = extract_documents([document_from_bytes(out.getvalue(), "report.docx")]).dataset
    assert ("grannar", "region-halland") in set(zip(ds.collaborations["source"], ds.collaborations["target"]))


def test_pdf_text_layer_is_read():
    fpdf = pytest.importorskip("fpdf")
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.multi_cell(0, 8, "Projektet Grannar drivs i samarbete med Region Halland.")
    ds = extract_documents([document_from_bytes(bytes(pdf.output()), "report.pdf")]).dataset
    assert ("grannar", "region-halland") in set(zip(ds.collaborations["source"], ds.collaborations["target"]))


def test_pdf_without_text_layer_is_one_sentence():
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=200, height=200)
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(DocumentError, match="no text layer"):
        document_from_bytes(out.getvalue(), "scan.pdf")


@pytest.mark.parametrize("data, name, words", [
    (b"", "empty.txt", "empty"),
    (b"   \n\n ", "blank.md", "empty"),
    (bytes(range(256)) * 10, "binary.txt", "binary"),
    (b"%PDF-1.4 rest", "report.txt", "wrong ending"),
    (b"PK\x03\x04 rest", "report.md", "wrong ending"),
    (b"not a pdf at all", "report.pdf", "not a readable PDF"),
    (b"not a zip", "report.docx", "not a readable Word"),
    (b"hello", "sheet.xlsx", "cannot read"),
])
def test_hostile_documents_get_one_sentence(data, name, words):
    with pytest.raises(DocumentError) as info:
        document_from_bytes(data, name)
    message = str(info.value)
    assert message.startswith(name) and words in message and "\n" not in message


def test_huge_document_is_refused_and_large_one_is_read():
    with pytest.raises(DocumentError, match="too long"):
        document_from_text("x " * 3_000_000, "huge.txt")
    report = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))) * 4
    assert len(extract_documents([document_from_text(report, "big.txt")]).dataset.collaborations) > 10


def test_windows_1252_text_is_read():
    doc = document_from_bytes("Föreningen Grannar samarbetar med Region Halland.".encode("cp1252"), "a.txt")
    assert "Föreningen" in doc.text


# ---------------------------------------------------------------- personal data

def test_contacts_are_masked_in_text_quotes_and_tables():
    text = ("Projektet Grannar drivs i samarbete med Region Halland, kontakt anna.berg@grannar.se "
            "eller 070-884 21 88 eller +46 70 123 45 67.")
    doc = document_from_text(text, "a.txt")
    assert "@" not in doc.text and "884" not in doc.text and doc.text.count(MASK) == 3
    ds = extract_documents([doc]).dataset
    cells = [str(v) for t in (ds.actors, ds.collaborations, ds.documents) for v in t.to_numpy().ravel()]
    assert cells and not [c for c in cells if EMAIL.search(c) or PHONE.search(c)]
    assert any(MASK in c for c in ds.collaborations["evidence"])


def test_seed_001_people_never_become_actors():
    ds = extract_documents([read_document(SEEDS / "001_42d2ed19941259cd.txt")]).dataset
    names = " ".join(ds.actors["name"])
    assert "Kerstin" not in names and "Carlsson" not in names and "Söderlund" not in names
    text = " ".join(str(v) for t in (ds.actors, ds.collaborations) for v in t.to_numpy().ravel())
    assert "@" not in text and not PHONE.search(text)


def test_dates_and_journal_numbers_are_not_phone_numbers():
    doc = document_from_text("Tidsperiod - 2017-2019, journalnummer 2016-7451.", "a.txt")
    assert MASK not in doc.text


# ---------------------------------------------------------------- actors

@pytest.mark.parametrize("text, actor", [
    ("Arbetsförmedlingens uppdrag är stort.", "arbetsformedlingen"),
    ("Man samarbetar med AF och kommunerna.", "arbetsformedlingen"),
    ("Tønsberg kommune har en koordinator.", "tonsberg-kommune"),
    ("Framtidabygder Dalsland Årjäng Munkedal skrev.", "leader-framtidsbygder"),
    ("LANDSBYGDSNÄTVERKETS integrationsgrupp träffades.", "landsbygdsnatverket-integrationsgrupp"),
])
def test_known_actors_match_inflection_case_and_spelling(text, actor):
    ds = extract_documents([document_from_text(text, "a.txt")], KNOWN).dataset
    assert actor in set(ds.actors["id"])
    row = ds.actors.set_index("id").loc[actor]
    assert row["name"] == KNOWN.actors.set_index("id").loc[actor, "name"]


@pytest.mark.parametrize("text, name, kind", [
    ("Vi har fått stöd från Skatteverket i år.", "Skatteverket", "state_agency"),
    ("Samarbetet med Region Halland fortsätter.", "Region Halland", "region"),
    ("Nav Oppland og Lillehammer kommune samarbeider om praksisplasser.", "Nav Oppland", "state_agency"),
    ("Nav Oppland og Lillehammer kommune samarbeider om praksisplasser.", "Lillehammer kommune", "municipality"),
    ("Statsforvalteren i Innlandet har gitt midler.", "Statsforvalteren i Innlandet", "county_board"),
    ("Kursen ges av Dalslands folkhögskola i höst.", "Dalslands folkhögskola", "other"),
    ("Vi anlitade Grannar AB för arbetet.", "Grannar AB", "business"),
    ("Under hösten startade projektet Nya Vägar med tolv deltagare.", "Nya Vägar", "initiative"),
    ("Also the Swedish Public Employment Service (IMDi) took part.", "IMDi", "other"),
    ("Projektet ”Nya vägar” drivs i samarbete med Region Halland.", "Nya vägar", "initiative"),
    ("Prosjektet «Ny start» gjennomføres i samarbeid med Nav Oppland.", "Ny start", "initiative"),
    ("Hyresgästförbundet samarbetar med Ljusdals kommun.", "Hyresgästförbundet", "association"),
    ("Integrasjonsforbundet samarbeider med Hamar kommune.", "Integrasjonsforbundet", "association"),
    ("Grannar AB samarbetar med Ljusdals kommun.", "Grannar AB", "business"),
    ("Även LRF, SKL och Företagarna kan mobilisera sina medlemmar.", "Företagarna", "business_association"),
])
def test_new_actors_by_organisation_morphology(text, name, kind):
    ds = extract_documents([document_from_text(text, "a.txt")]).dataset
    rows = ds.actors.set_index("name")
    assert name in rows.index, list(rows.index)
    assert rows.loc[name, "type"] == kind


def test_new_actors_get_slug_ids_and_a_match_column():
    ds = extract_documents([document_from_text("Projektet Grannar drivs i samarbete med Migrationsverkets "
                                               "kontor och Arbetsformedlingen.", "a.txt")], KNOWN).dataset
    assert set(ds.actors["id"]) >= {"grannar", "migrationsverket"}
    assert all(re.fullmatch(r"[a-z0-9-]+", i) for i in ds.actors["id"])
    assert "match" in ds.actors.columns


def test_bare_generic_words_are_no_actors_without_a_tie():
    assert names_of("Kommunen och projektet ska bli bättre. Föreningar finns överallt.") == set()


# ---------------------------------------------------------------- ties

@pytest.mark.parametrize("text, expected", [
    ("Projektet Grannar genomförs i samarbete med Region Halland.",
     ("grannar", "region-halland", "partnership", "existing")),
    ("Projektet Grannar är finansierat av Allmänna arvsfonden.",
     ("allmanna-arvsfonden", "grannar", "funding", "existing")),
    ("Konsulentselskapet Kaupang AS har, på oppdrag fra IMDi, gjennomført en kartlegging.",
     ("imdi", "kaupang-as", "commissioning", "existing")),
    ("Region Halland bör samarbeta med Ljusdals kommun.",
     ("region-halland", "ljusdals-kommun", "partnership", "recommended")),
    ("Region Halland skal inngå en avtale med Nav Oppland.",
     ("region-halland", "nav-oppland", "partnership", "planned")),
    ("Region Halland works together with Nav Oppland on internships.",
     ("region-halland", "nav-oppland", "partnership", "existing")),
])
def test_cue_kind_direction_and_status(text, expected):
    assert expected in ties_of(text)


def test_member_list_becomes_pairwise_ties_without_a_frame():
    got = ties_of("Ett samarbete mellan Länsstyrelsen Skåne, Region Skåne och Arbetsförmedlingen startade 2019.",
                  KNOWN)
    pairs = {frozenset(t[:2]) for t in got}
    assert len(pairs) == 3 and all(t[2] == "partnership" for t in got)


def test_panel_members_are_tied_to_the_host():
    text = ("Nätverket Grannar samlade 40 personer. I panelsamtal mellan Migrationsverket, Arbetsförmedlingen "
            "och Region Halland diskuterades praktik.")
    got = {(s, t) for s, t, k, _ in ties_of(text, KNOWN) if k == "participation"}
    assert got == {("migrationsverket", "grannar"), ("arbetsformedlingen", "grannar"), ("region-halland", "grannar")}


def test_quotes_are_verbatim_and_themes_from_words():
    text = "Projektet Grannar drivs i samarbete med Region Halland\nför att skapa bostäder och praktik."
    ds = extract_documents([document_from_text(text, "a.txt")]).dataset
    tie = ds.collaborations.iloc[0]
    assert " ".join(tie["evidence"].split()) in " ".join(text.split())
    assert set(tie["themes"].split("|")) == {"housing", "work_internship_matching"}


def test_abbreviations_do_not_split_sentences():
    got = ties_of("Projektet Grannar samarbetar t.ex. med Region Halland och bl.a. Ljusdals kommun.")
    assert {t[1] for t in got} == {"region-halland", "ljusdals-kommun"}


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_seed_quotes_are_verbatim(path):
    ds = extract_documents([read_document(path)], KNOWN).dataset
    raw = " ".join(path.read_text(encoding="utf-8").split())
    for quote in ds.collaborations["evidence"]:
        for fragment in quote.split("…"):
            assert " ".join(fragment.split()) in raw


# ---------------------------------------------------------------- changes for the store

def test_accepted_changes_map_new_actors_and_carry_the_document():
    doc = document_from_text("Projektet Grannar drivs i samarbete med Migrationsverket. Ring 070-123 45 67.", "a.txt")
    result = extract_documents([doc], KNOWN)
    changes = accepted_changes(result.dataset.collaborations, result.dataset.actors, doc,
                               mapping={"grannar": "steget-fore"}, existing=set(KNOWN.actors["id"]))
    assert [c["table"] for c in changes] == ["documents", "collaborations"]
    assert changes[0]["row"]["text"] == doc.text and "070" not in changes[0]["row"]["text"]
    tie = changes[1]["row"]
    assert {tie["source"], tie["target"]} == {"steget-fore", "migrationsverket"} and tie["document"] == "a.txt"
    assert all(c["op"] == "add" for c in changes)


def test_accepted_changes_create_new_actors_once():
    doc = document_from_text("Projektet Grannar samarbetar med Region Halland och med Ljusdals kommun.", "a.txt")
    result = extract_documents([doc])
    changes = accepted_changes(result.dataset.collaborations, result.dataset.actors, doc)
    actors = [c["row"]["id"] for c in changes if c["table"] == "actors"]
    assert sorted(actors) == ["grannar", "ljusdals-kommun", "region-halland"]


def test_edited_kind_is_kept_and_empty_accept_is_nothing():
    doc = document_from_text("Projektet Grannar samarbetar med Region Halland.", "a.txt")
    result = extract_documents([doc])
    ties = result.dataset.collaborations.assign(kind="funding")
    changes = accepted_changes(ties, result.dataset.actors, doc)
    assert changes[-1]["row"]["kind"] == "funding" and changes[-1]["row"]["id"].endswith("--funding")
    none = accepted_changes(ties.iloc[0:0], result.dataset.actors, doc)
    assert [c["table"] for c in none] == ["documents"]


# ---------------------------------------------------------------- command line

def test_cli_writes_tables_validate_accepts(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["extract", *map(str, sorted(SEEDS.glob("*.txt"))), "--data", str(ROOT / "data"),
                 "-o", str(out)]) == 0
    ds = read_dataset(out)
    assert not [p for p in validate(ds) if p.severity == "error"]
    assert set(ds.actors["id"]) < set(KNOWN.actors["id"]) | set(ds.actors["id"])
    known = ds.actors[ds.actors["id"].isin(KNOWN.actors["id"])].set_index("id")["name"]
    assert (known == KNOWN.actors.set_index("id").loc[known.index, "name"]).all()
    assert len(ds.actors) < len(KNOWN.actors) + 20 and len(ds.collaborations) > 20
    assert "match" in pd.read_csv(out / "actors.csv", dtype=str).columns


def test_cli_cold_names_only_what_the_document_names(tmp_path):
    doc = write(tmp_path / "a.md", "# Rapport\n\nProjektet Grannar drivs i samarbete med Region Halland.\n")
    assert main(["extract", str(doc), "--data", str(ROOT / "data"), "-o", str(tmp_path / "out")]) == 0
    assert sorted(read_dataset(tmp_path / "out").actors["id"]) == ["grannar", "region-halland"]


@pytest.mark.parametrize("content, name", [(b"", "empty.txt"), (b"\x00\x01\x02" * 100, "binary.txt"),
                                           (b"data", "table.xlsx")])
def test_cli_unreadable_document_is_one_sentence_and_nothing_written(tmp_path, capsys, content, name):
    doc = write(tmp_path / name, content)
    assert main(["extract", str(doc), "-o", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and name in err
    assert not (tmp_path / "out").exists()


def test_cli_reads_known_actors_from_a_database(tmp_path):
    from graph import store

    url = f"sqlite:///{tmp_path / 'map.db'}"
    store.import_dataset(store.create(store.connect(url)), KNOWN, author="test")
    doc = write(tmp_path / "a.txt", "Projektet Grannar drivs i samarbete med Arbetsförmedlingens kontor.")
    assert main(["extract", str(doc), "--data", url, "-o", str(tmp_path / "out")]) == 0
    assert "arbetsformedlingen" in set(read_dataset(tmp_path / "out").actors["id"])
    assert main(["extract", str(doc), "--data", url, "-o", str(tmp_path / "map.db")]) == 1


def test_cli_missing_document(tmp_path, capsys):
    assert main(["extract", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "out")]) == 1
    assert "no such file" in capsys.readouterr().err


def test_cli_refuses_to_write_over_inputs(tmp_path, capsys):
    doc = write(tmp_path / "in" / "a.txt", "Projektet Grannar samarbetar med Region Halland.")
    assert main(["extract", str(doc), "-o", str(tmp_path / "in")]) == 1
    assert main(["extract", str(doc), "--data", str(ROOT / "data"), "-o", str(ROOT / "data")]) == 1
    assert main(["extract", str(doc), "-o", str(doc)]) == 1
    assert sorted(p.name for p in (tmp_path / "in").iterdir()) == ["a.txt"]
    assert "input" in capsys.readouterr().err


# ---------------------------------------------------------------- reports the rules were not written on

UNSEEN = ROOT / "tests" / "documents"


@pytest.mark.parametrize("name, lang, expected", [
    ("sv_report.txt", "sv", {("valkommen-hit", "studieforbundet-vuxenskolan", "partnership", "existing"),
                             ("valkommen-hit", "roda-korset", "partnership", "existing"),
                             ("lansstyrelsen-gavleborg", "valkommen-hit", "funding", "existing"),
                             ("leader-halsingebygden", "valkommen-hit", "funding", "existing"),
                             ("ljusdals-kommun", "lrf-gavleborg", "dialogue", "existing"),
                             ("region-gavleborg", "civilsamhallet", "partnership", "recommended")}),
    ("nb_report.txt", "nb", {("ny-i-valdres", "nav-valdres", "partnership", "existing"),
                             ("imdi", "ny-i-valdres", "funding", "existing"),
                             ("innlandet-fylkeskommune", "ny-i-valdres", "funding", "existing"),
                             ("nord-aurdal-kommune", "valdres-folkehogskule", "partnership", "recommended")}),
    ("en_report.txt", "en", {("rural-welcome-network", "swedish-red-cross", "partnership", "existing"),
                             ("european-social-fund", "rural-welcome-network", "funding", "existing"),
                             ("county-administrative-board-of-vastmanland", "rural-welcome-network",
                              "commissioning", "existing")}),
])
def test_reports_in_three_languages(name, lang, expected):
    doc = read_document(UNSEEN / name)
    assert doc.language == lang
    ds = extract_documents([doc]).dataset
    got = {tuple(r) for r in ds.collaborations[["source", "target", "kind", "status"]].to_numpy()}
    assert expected <= got, sorted(got)
    assert not any("Maria" in n or "Andersson" in n for n in ds.actors["name"])
    assert "@" not in doc.text


def test_per_place_groups_in_a_swedish_report():
    text = ("Ljusdal, Bollnäs och Ovanåker var pilotkommuner. I de tre kommunerna hölls lokala verkstäder "
            "där föreningslivet, näringslivet och kommunen träffades för dialog.")
    ds = extract_documents([document_from_text(text, "a.txt")]).dataset
    names = set(ds.actors["name"])
    assert {"föreningslivet (Ljusdal)", "näringslivet (Bollnäs)"} <= names
    place = dict(zip(ds.actors["id"], ds.actors["municipality"].where(ds.actors["municipality"] != "",
                                                                       ds.actors["name"])))
    assert all(place[s] == place[t] for s, t in zip(ds.collaborations["source"], ds.collaborations["target"]))
    assert len(ds.collaborations) == 9


# ---------------------------------------------------------------- periods

def periods_of(text: str) -> dict[tuple[str, str], tuple[str, str]]:
    ds = extract_documents([document_from_text(text, "a.txt")]).dataset
    return {(r["source"], r["target"]): (r["start"], r["end"]) for r in ds.collaborations.to_dict("records")}


@pytest.mark.parametrize("text, pair, period", [
    ("Föreningen Grannar samarbetar sedan 2016 med Ljusdals kommun.", ("grannar", "ljusdals-kommun"), ("2016", "")),
    ("2018–2020 drevs projektet Grannar i samarbete med Region Halland.", ("grannar", "region-halland"),
     ("2018", "2020")),
    ("Projektet Grannar finansieras av Region Halland från 2019.", ("region-halland", "grannar"), ("2019", "")),
    ("Nord-Aurdal kommune har en avtale med NAV Valdres fra 2018 til 2021.", ("nord-aurdal-kommune", "nav-valdres"),
     ("2018", "2021")),
    ("Prosjektet Ny i Valdres samarbeider fra 2021 med NAV Valdres.", ("ny-i-valdres", "nav-valdres"), ("2021", "")),
    ("Under 2022 samarbetade Region Halland med Ljusdals kommun.", ("region-halland", "ljusdals-kommun"),
     ("2022", "2022")),
    ("Hösten 2020 samarbetade Region Halland med Ljusdals kommun.", ("region-halland", "ljusdals-kommun"),
     ("2020-09", "")),
    ("Since 2017 the Rural Welcome Network has worked together with the Swedish Red Cross.",
     ("rural-welcome-network", "swedish-red-cross"), ("2017", "")),
    ("In 2019 the Rural Welcome Network was funded by the European Social Fund.",
     ("european-social-fund", "rural-welcome-network"), ("2019", "")),
])
def test_tie_period_from_its_sentence(text, pair, period):
    assert periods_of(text)[pair] == period


def test_each_tie_takes_the_period_of_its_partners_clause():
    got = periods_of("Region Halland samarbetar med Ljusdals kommun sedan 2016 och finansieras av Leader "
                     "Hälsingebygden sedan 2019.")
    assert got[("region-halland", "ljusdals-kommun")] == ("2016", "")
    assert {p for (s, _), p in got.items() if s == "leader-halsingebygden"} == {("2019", "")}
    got = periods_of("Region Halland samarbetar med Ljusdals kommun, och Röda Korset deltog 2019.")
    assert got[("region-halland", "ljusdals-kommun")] == ("", "")


def test_numbers_that_are_no_years_give_no_period():
    got = periods_of("Projektet Grannar, journalnummer 2016-7451, samarbetar med ett 70-tal föreningar och "
                     "Region Halland.")
    assert got and all(p == ("", "") for p in got.values())


def test_project_period_of_a_form_dates_its_standing_ties_not_its_events():
    text = ("Namn - Grannar\nTidsperiod - 2017-2019, planerad förlängning 2020-21.\n"
            "Projektet Grannar samarbetar med Region Halland.\n"
            "Grannar har medverkat i podden Landet.\n")
    got = periods_of(text)
    assert got[("grannar", "region-halland")] == ("2017", "2019")
    assert all(p == ("", "") for pair, p in got.items() if pair != ("grannar", "region-halland"))


def test_extracted_periods_pass_validation():
    doc = read_document(UNSEEN / "sv_report.txt")
    ds = extract_documents([doc]).dataset
    assert ("2021", "") in set(zip(ds.collaborations["start"], ds.collaborations["end"]))
    assert not [p for p in validate(ds) if p.severity == "error" and p.column in ("start", "end")]


# ---------------------------------------------------------------- lists without a named subject, groups of a place

def test_partners_of_an_unnamed_subject_are_actors_not_tied_to_each_other():
    text = "Använd och samverka med nysvenskars egna organisationer/föreningar/församlingar."
    ds = extract_documents([document_from_text(text, "a.txt")]).dataset
    assert ds.collaborations.empty
    assert {"organisationer", "föreningar", "församlingar"} <= {n.lower() for n in ds.actors["name"]}
    assert ties_of("Samverkan med företagare eller företagarföreningar för att hitta praktik.") == []
    assert ties_of("Ett lärande i sammanhang – samverkan t ex studieförbund och föreningar.")


def test_a_known_group_of_a_place_needs_its_place_in_the_text():
    known = KNOWN.replace(collaborations=KNOWN.collaborations.iloc[0:0])
    elsewhere = ties_of("Ett lärande – samverkan t ex studieförbund och föreningar.", known)
    assert elsewhere and all("foreningar-framtidsbygder" not in t[:2] for t in elsewhere)
    there = extract_documents([document_from_text(
        "I leaderområdet Framtidsbygder samverkar studieförbund och föreningar.", "a.txt")], known).dataset
    assert "foreningar-framtidsbygder" in set(there.actors["id"])


def test_new_actors_get_sector_level_and_place_from_their_type_and_name():
    doc = read_document(UNSEEN / "nb_report.txt")
    actors = extract_documents([doc]).dataset.actors.set_index("id")
    assert tuple(actors.loc["statsforvalteren-i-innlandet", ["sector", "level", "region", "country"]]) == \
        ("public", "regional", "Innlandet", "NO")
    assert tuple(actors.loc["nord-aurdal-kommune", ["sector", "level", "municipality"]]) == \
        ("public", "local", "Nord-Aurdal")
    english = extract_documents([read_document(UNSEEN / "en_report.txt")]).dataset.actors.set_index("id")
    assert english.loc["hallstahammar-municipality", "municipality"] == "Hallstahammar"
    assert english.loc["county-administrative-board-of-vastmanland", "region"] == "Västmanland"


@pytest.mark.parametrize(("text", "names"), [
    ("Projektet finansieras av Länsstyrelsen i Västra Götaland 2019–2021.", ["Länsstyrelsen i Västra Götaland"]),
    ("Statsforvalteren i Møre og Romsdal har avtale med Nav Oppland.",
     ["Statsforvalteren i Møre og Romsdal", "Nav Oppland"]),
    ("Länsstyrelsen i Värmland och Arbetsförmedlingen samarbetar.", ["Länsstyrelsen i Värmland", "Arbetsförmedlingen"]),
    ("Länsstyrelsen i Skåne Region Halland", ["Länsstyrelsen i Skåne", "Region Halland"]),
])
def test_a_regional_body_keeps_a_place_of_two_words(text, names):
    found = extract_documents([document_from_text(text)]).dataset.actors["name"].tolist()
    assert found == names
