"""Checks of the shipped dataset in data/ against its sources in ../shared/seeds/.

Every tie must quote its source verbatim, refer to known actors, themes and
documents, use the controlled vocabularies, and the files must carry no
personal contact data.  The CSVs are read with the csv module so that nothing
is reinterpreted (every cell stays a string).
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"

COLUMNS = {
    "actors": ["id", "name", "type", "sector", "level", "country", "region", "municipality",
               "aliases", "description", "documents"],
    "collaborations": ["id", "source", "target", "kind", "themes", "status", "start", "end", "weight",
                       "evidence", "document"],
    "themes": ["id", "label_sv", "label_en", "label_nb", "rank", "points", "document", "evidence"],
    "documents": ["id", "title", "publisher", "date", "language"],
}

TYPES = {"state_agency", "county_board", "region", "municipality", "leader_group", "network", "association",
         "study_association", "faith_community", "business", "business_association", "fund", "consultancy",
         "initiative", "other"}
SECTORS = {"public", "civil_society", "business"}
LEVELS = {"national", "regional", "local", "international"}
KINDS = {"partnership", "funding", "commissioning", "participation", "membership", "dialogue"}
STATUSES = {"existing", "planned", "recommended", "ended"}
LANGUAGES = {"sv", "nn", "nb", "no", "en"}
REQUIRED_THEMES = {"housing", "language", "validation_education", "work_internship_matching", "entrepreneurship",
                   "meeting_places", "attitudes_information", "parenting_health"}

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
THEME_ID = re.compile(r"^[a-z][a-z0-9_]*$")
DATE = re.compile(r"^\d{4}(?:-\d{2}-\d{2})?$")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Swedish/Norwegian phone numbers: 070-884 21 88, 08-123 45 67, +46 70 123 45 67, 22 33 44 55, ...
PHONE = re.compile(r"(?<![\w-])(?:\+\d{1,3}[\s-]?)?(?:\(?0\d{1,3}\)?[\s-]?)?\d{2,3}(?:[\s-]\d{2,3}){2,3}(?![\w-])")
SEP = "|"
ELLIPSIS = "\u2026"

STEGET_FORE_MUNICIPALITIES = {"Mellerud", "Åmål", "Bengtsfors", "Dals-Ed", "Färgelanda", "Vänersborg",
                              "Munkedal", "Årjäng"}


def read(name: str) -> list[dict[str, str]]:
    path = DATA / f"{name}.csv"
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), f"{path} starts with a BOM"
    assert b"\r" not in raw, f"{path} has CR characters: line endings must be LF"
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames == COLUMNS[name], f"{path}: columns {reader.fieldnames} != {COLUMNS[name]}"
        rows = list(reader)
    for i, row in enumerate(rows, start=2):
        assert None not in row and None not in row.values(), f"{path}, line {i}: wrong number of cells"
    return rows


def split(value: str) -> list[str]:
    return [v.strip() for v in value.split(SEP) if v.strip()]


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def actors():
    return read("actors")


@pytest.fixture(scope="module")
def ties():
    return read("collaborations")


@pytest.fixture(scope="module")
def themes():
    return read("themes")


@pytest.fixture(scope="module")
def documents():
    return read("documents")


@pytest.fixture(scope="module")
def seeds():
    assert SEEDS.is_dir(), f"seeds directory not found: {SEEDS}"
    return {p.name: norm(p.read_text(encoding="utf-8")) for p in SEEDS.glob("*.txt")}


def bad_quotes(rows, seeds, doc_col="document", quote_col="evidence", required=True):
    """Rows (line number, reason) whose quote is not verbatim in their document."""
    bad = []
    for line, row in enumerate(rows, start=2):
        quote, doc = row[quote_col], row[doc_col]
        if not quote.strip():
            if required:
                bad.append(f"line {line}: no evidence")
            continue
        text = seeds.get(doc)
        if text is None:
            bad.append(f"line {line}: document {doc!r} is not a seed file")
            continue
        for fragment in quote.split(ELLIPSIS):
            fragment = norm(fragment)
            if not fragment:
                bad.append(f"line {line}: empty fragment around '…' in {quote[:60]!r}")
            elif fragment not in text:
                bad.append(f"line {line} ({doc}): not verbatim: {fragment!r}")
    return bad


# ---------------------------------------------------------------- provenance

def test_every_tie_quotes_its_document_verbatim(ties, seeds):
    bad = bad_quotes(ties, seeds)
    assert not bad, "collaborations.csv evidence not found in the source:\n" + "\n".join(bad)


def test_theme_evidence_is_verbatim(themes, seeds):
    bad = bad_quotes(themes, seeds, required=False)
    assert not bad, "themes.csv evidence not found in the source:\n" + "\n".join(bad)


def test_tie_documents_are_known(ties, documents, seeds):
    known = {d["id"] for d in documents}
    bad = [f"line {i}: {t['document']!r}" for i, t in enumerate(ties, start=2)
           if t["document"] not in known or t["document"] not in seeds]
    assert not bad, "ties whose document is not in documents.csv or not a seed file:\n" + "\n".join(bad)


def test_documents_table(documents, seeds):
    ids = [d["id"] for d in documents]
    assert len(ids) == len(set(ids)), "duplicate document ids"
    assert set(ids) == set(seeds), f"documents.csv {sorted(ids)} != seed files {sorted(seeds)}"
    for d in documents:
        assert d["title"].strip(), f"document {d['id']} has no title"
        assert d["language"] in LANGUAGES, f"document {d['id']}: language {d['language']!r}"
        assert d["date"] == "" or DATE.match(d["date"]), f"document {d['id']}: date {d['date']!r}"
        if d["date"]:
            assert d["date"] in seeds[d["id"]], f"document {d['id']}: date {d['date']} not stated in the text"


def test_actor_documents_name_the_actor(actors, seeds):
    """Each document listed for an actor mentions its name (without a bracketed qualifier) or an alias."""
    bad = []
    for a in actors:
        forms = [re.sub(r"\s*\([^)]*\)$", "", a["name"])] + split(a["aliases"])
        docs = split(a["documents"])
        if not docs:
            bad.append(f"{a['id']}: no documents")
        for doc in docs:
            text = seeds.get(doc, "").lower()
            if not any(norm(f).lower() in text for f in forms):
                bad.append(f"{a['id']}: none of {forms} in {doc}")
    assert not bad, "actors whose documents do not name them:\n" + "\n".join(bad)


def test_descriptions_name_no_file_ids(actors):
    """Descriptions are user-facing text: no "(seed 000)", no file names."""
    bad = [a["id"] for a in actors if re.search(r"\bseed\b|\d{3}_[0-9a-f]{16}", a["description"], re.I)]
    assert not bad, f"descriptions naming our file ids: {bad}"


def test_pilot_municipality_groups_stay_in_their_municipality(actors, ties):
    """Seed 004's voluntary sector, business and asylum centres are per municipality: no tie crosses municipalities."""
    place = {a["id"]: a["municipality"] for a in actors if a["country"] == "NO" and a["municipality"]}
    bad = [t["id"] for t in ties if t["source"] in place and t["target"] in place
           and place[t["source"]] != place[t["target"]]]
    assert not bad, f"ties joining one pilot municipality to another's groups: {bad}"


def test_tie_ends_list_the_tie_document(actors, ties):
    docs = {a["id"]: set(split(a["documents"])) for a in actors}
    bad = [f"line {i}: {t[end]} does not list {t['document']}"
           for i, t in enumerate(ties, start=2) for end in ("source", "target")
           if t[end] in docs and t["document"] not in docs[t[end]]]
    assert not bad, "\n".join(bad)


# ---------------------------------------------------------------- integrity

def test_actor_ids_unique_slugs(actors):
    ids = [a["id"] for a in actors]
    dup = [i for i, n in Counter(ids).items() if n > 1]
    assert not dup, f"duplicate actor ids: {dup}"
    bad = [i for i in ids if not SLUG.match(i)]
    assert not bad, f"actor ids that are not lowercase ASCII slugs: {bad}"


def test_actor_vocabularies(actors):
    bad = []
    for a in actors:
        if a["type"] not in TYPES:
            bad.append(f"{a['id']}: type {a['type']!r}")
        if a["sector"] and a["sector"] not in SECTORS:
            bad.append(f"{a['id']}: sector {a['sector']!r}")
        if a["level"] and a["level"] not in LEVELS:
            bad.append(f"{a['id']}: level {a['level']!r}")
        if a["country"] and not re.fullmatch(r"[A-Z]{2}", a["country"]):
            bad.append(f"{a['id']}: country {a['country']!r}")
        if not a["name"].strip() or not a["description"].strip():
            bad.append(f"{a['id']}: empty name or description")
    assert not bad, "\n".join(bad)


def test_aliases_are_unambiguous(actors):
    """An alias leads to one actor only: no alias repeats another actor's name or alias."""
    owner: dict[str, str] = {}
    bad = []
    for a in actors:
        forms = {a["name"].lower()} | {x.lower() for x in split(a["aliases"])}
        for f in forms:
            if f in owner and owner[f] != a["id"]:
                bad.append(f"{f!r}: {owner[f]} and {a['id']}")
            owner.setdefault(f, a["id"])
    assert not bad, "ambiguous names/aliases:\n" + "\n".join(bad)


def test_tie_integrity(actors, ties, themes):
    ids = {a["id"] for a in actors}
    theme_ids = {t["id"] for t in themes}
    bad = []
    for i, t in enumerate(ties, start=2):
        for end in ("source", "target"):
            if t[end] not in ids:
                bad.append(f"line {i}: unknown {end} {t[end]!r}")
        if t["source"] == t["target"]:
            bad.append(f"line {i}: self-tie {t['source']!r}")
        if t["kind"] not in KINDS:
            bad.append(f"line {i}: kind {t['kind']!r}")
        if t["status"] not in STATUSES:
            bad.append(f"line {i}: status {t['status']!r}")
        for theme in split(t["themes"]):
            if theme not in theme_ids:
                bad.append(f"line {i}: unknown theme {theme!r}")
        for col in ("start", "end"):
            if t[col] and not DATE.match(t[col]):
                bad.append(f"line {i}: {col} {t[col]!r} is not YYYY or YYYY-MM-DD")
        if t["start"] and t["end"] and t["end"] < t["start"]:
            bad.append(f"line {i}: ends before it starts")
        try:
            float(t["weight"])
        except ValueError:
            bad.append(f"line {i}: weight {t['weight']!r} is not a number")
    assert not bad, "\n".join(bad)


def test_no_duplicate_ties(ties):
    keys = Counter((t["source"], t["target"], t["kind"], t["status"], t["start"], t["document"], t["themes"])
                   for t in ties)
    dup = [k for k, n in keys.items() if n > 1]
    assert not dup, f"duplicate ties: {dup}"


def test_themes_table(themes):
    ids = [t["id"] for t in themes]
    assert len(ids) == len(set(ids)), "duplicate theme ids"
    assert all(THEME_ID.match(i) for i in ids), ids
    missing = REQUIRED_THEMES - set(ids)
    assert not missing, f"missing themes: {missing}"
    for t in themes:
        assert t["label_sv"] and t["label_en"] and t["label_nb"], f"theme {t['id']} lacks a label"
        for col in ("rank", "points"):
            assert t[col] == "" or t[col].isdigit(), f"theme {t['id']}: {col} {t[col]!r}"
    ranked = sorted((int(t["rank"]), t) for t in themes if t["rank"])
    assert [r for r, _ in ranked] == [1, 2, 3, 4], "seed 003's four ranked activities need ranks 1-4"
    assert all(t["points"] for _, t in ranked), "ranked activities need points"


def test_ranked_points_are_sums_of_clusters(themes, seeds):
    """points = the sum of the 'N poäng' clusters listed under the activity in seed 003."""
    raw = (SEEDS / "003_b8a381642be97aae.txt").read_text(encoding="utf-8")
    sums: dict[int, int] = {}
    current = None
    for line in raw.splitlines():
        head = re.match(r"^([1-4])\. ", line)
        if head:
            current = int(head.group(1))
            sums[current] = 0
        pts = re.match(r"^(\d+) [Pp]oäng$", line.strip())
        if pts and current:
            sums[current] += int(pts.group(1))
    got = {int(t["rank"]): int(t["points"]) for t in themes if t["rank"]}
    assert got == sums, f"points {got} != sums of cluster points in seed 003 {sums}"


# ---------------------------------------------------------------- privacy

def test_no_contact_data_in_data_files():
    bad = []
    for path in sorted(DATA.iterdir()):
        if not path.is_file():
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            for m in EMAIL.finditer(line):
                bad.append(f"{path.name}:{n}: e-mail {m.group()!r}")
            for m in PHONE.finditer(line):
                bad.append(f"{path.name}:{n}: phone number {m.group()!r}")
    assert not bad, "personal contact data in data/:\n" + "\n".join(bad)


def test_phone_and_email_patterns_catch_seed_001():
    """The patterns above do find the contact details seed 001 has (so the test above means something)."""
    text = (SEEDS / "001_42d2ed19941259cd.txt").read_text(encoding="utf-8")
    assert EMAIL.search(text) and PHONE.search(text)


# ---------------------------------------------------------------- content

def test_sizes(actors, ties):
    assert len(actors) >= 50, f"only {len(actors)} actors"
    assert len(ties) >= 40, f"only {len(ties)} ties"


def test_agencies_and_leader_recommended(actors, ties):
    leaders = {a["id"] for a in actors if a["type"] == "leader_group"}
    for agency in ("migrationsverket", "arbetsformedlingen"):
        found = [t for t in ties if {t["source"], t["target"]} & {agency}
                 and ({t["source"], t["target"]} - {agency}) & leaders]
        assert found, f"no tie between {agency} and a Leader group"
        assert all(t["status"] == "recommended" for t in found), f"{agency} - Leader must be recommended: {found}"
        assert any(t["document"] == "000_23d71b4e38c185bd.txt" for t in found)


def test_steget_fore_municipalities_are_actors(actors, ties):
    munis = {a["name"]: a["id"] for a in actors if a["type"] == "municipality"}
    missing = STEGET_FORE_MUNICIPALITIES - set(munis)
    assert not missing, f"Steget före municipalities missing: {missing}"
    tied = {t["target"] for t in ties if t["source"] == "steget-fore"} | {
        t["source"] for t in ties if t["target"] == "steget-fore"}
    assert {munis[m] for m in STEGET_FORE_MUNICIPALITIES} <= tied


def test_key_actors_present(actors):
    ids = {a["id"] for a in actors}
    for needed in ("migrationsverket", "arbetsformedlingen", "leader-framtidsbygder", "regionforbundet-sormland",
                   "imdi", "agenda-kaupang", "tonsberg-kommune", "hamar-kommune", "flora-kommune",
                   "landsbygdsnatverket", "landsbygdsnatverket-integrationsgrupp", "jordbruksverket", "esf-radet",
                   "lansstyrelserna", "steget-fore", "socialfonden"):
        assert needed in ids, needed


def test_directed_ties_point_from_funder(ties):
    """Spot checks of direction: funder/commissioner is the source."""
    pairs = {(t["source"], t["target"], t["kind"]) for t in ties}
    assert ("leader-framtidsbygder", "steget-fore", "funding") in pairs
    assert ("imdi", "agenda-kaupang", "commissioning") in pairs
    for t in ties:
        if t["kind"] in ("funding", "commissioning"):
            assert t["target"] not in ("imdi", "socialfonden", "lbp"), t
