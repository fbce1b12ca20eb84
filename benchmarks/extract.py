"""Reading documents: our extractor on the five seeds against the curated data/ as gold.

    .venv/bin/python benchmarks/extract.py

Per document and in total: actor recall and precision, tie recall and
precision (a tie counts when the right two actors are joined), kind and
status accuracy of the matched ties, date accuracy (of the matched ties whose
gold tie has a start or end: the same start and end; and of those whose gold
has none: left empty), the share of quotes found verbatim and
the personal data left in any output — once cold (no known actors) and once
leave-one-out (the actors of the other four documents as --data).  An
extracted actor is mapped onto a gold actor by the same name-and-alias
matcher the tool uses.  Printed beside the published anchor for the task:
template-based alliance extraction from news (Zhou et al., HICSS 2012).
Last, the time per document for a 20-page report.
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.extract import document_from_text, extract_documents, read_document  # noqa: E402
from graph.extract.actors import find_mentions  # noqa: E402
from graph.extract.documents import EMAIL, PHONE  # noqa: E402
from graph.io import read_dataset  # noqa: E402
from graph.model import Dataset, split_multi  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"
ANCHOR = {"precision": 0.45, "recall": 0.78, "f1": 0.57}


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def gold_of(gold: Dataset, doc: str) -> tuple[Dataset, set[frozenset]]:
    actors = gold.actors[gold.actors["documents"].map(lambda v: doc in split_multi(v))]
    ties = gold.collaborations[gold.collaborations["document"] == doc]
    pairs = {frozenset((s, t)) for s, t in zip(ties["source"], ties["target"])}
    return gold.replace(actors=actors, collaborations=ties), pairs


def mapper(gold_doc: Dataset, lang: str):
    """Extracted actor row -> gold id (or None), by the tool's own name/alias matcher."""
    ids = set(gold_doc.actors["id"])

    def to_gold(row: dict) -> str | None:
        if row["id"] in ids:
            return row["id"]
        for form in [row["name"]] + split_multi(row.get("aliases", "")):
            hits = find_mentions(form, lang, gold_doc)
            whole = [m for m in hits if m.known and m.end - m.start >= 0.6 * len(form)]
            if whole:
                return whole[0].actor
        return None
    return to_gold


def score(gold: Dataset, doc_path: Path, known: Dataset | None) -> dict:
    doc = read_document(doc_path)
    gold_doc, gold_pairs = gold_of(gold, doc.id)
    ds = extract_documents([doc], known).dataset
    to_gold = mapper(gold_doc, doc.language)
    mapped = {r["id"]: to_gold(r) for r in ds.actors.to_dict("records")}
    found = {g for g in mapped.values() if g}
    gold_ties = gold_doc.collaborations
    hit, kind_ok, status_ok, pairs_found = 0, 0, 0, set()
    dated, date_ok, undated, undated_ok = 0, 0, 0, 0
    for t in ds.collaborations.to_dict("records"):
        pair = frozenset((mapped.get(t["source"]), mapped.get(t["target"])))
        if None in pair or len(pair) < 2 or pair not in gold_pairs:
            continue
        hit += 1
        pairs_found.add(pair)
        same = gold_ties[gold_ties.apply(lambda g, p=pair: frozenset((g["source"], g["target"])) == p, axis=1)]
        kind_ok += t["kind"] in set(same["kind"])
        status_ok += t["status"] in set(same["status"])
        periods = {(str(a), str(b)) for a, b in zip(same["start"], same["end"])}
        if periods - {("", "")}:
            dated += 1
            date_ok += (str(t["start"]), str(t["end"])) in periods
        else:
            undated += 1
            undated_ok += not (t["start"] or t["end"])
    raw = norm(doc_path.read_text(encoding="utf-8"))
    fragments = [norm(f) for e in ds.collaborations["evidence"] for f in e.split("\u2026")]
    verbatim = sum(f in raw for f in fragments)
    cells = [str(v) for name in ("actors", "collaborations", "documents")
             for v in getattr(ds, name).to_numpy().ravel()]
    personal = sum(bool(EMAIL.search(c) or PHONE.search(c)) for c in cells)
    return {"doc": doc.id[:3], "actors_gold": len(gold_doc.actors), "actors_out": len(ds.actors),
            "actors_hit": len(found), "actors_right": sum(1 for g in mapped.values() if g),
            "ties_gold": len(gold_pairs), "ties_out": len(ds.collaborations), "ties_hit": hit,
            "pairs_found": len(pairs_found), "kind_ok": kind_ok, "status_ok": status_ok,
            "dated": dated, "date_ok": date_ok, "undated": undated, "undated_ok": undated_ok,
            "quotes": len(fragments), "verbatim": verbatim, "personal": personal}


def ratio(a: float, b: float) -> float:
    return a / b if b else float("nan")


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def line(row: dict) -> str:
    ar, ap = ratio(row["actors_hit"], row["actors_gold"]), ratio(row["actors_right"], row["actors_out"])
    tr, tp = ratio(row["pairs_found"], row["ties_gold"]), ratio(row["ties_hit"], row["ties_out"])
    return (f"{row['doc']:<6}{row['actors_gold']:>5}{row['actors_out']:>5}{ar:>7.2f}{ap:>7.2f}"
            f"{row['ties_gold']:>6}{row['ties_out']:>5}{tr:>7.2f}{tp:>7.2f}{f1(tp, tr):>7.2f}"
            f"{ratio(row['kind_ok'], row['ties_hit']):>7.2f}{ratio(row['status_ok'], row['ties_hit']):>7.2f}"
            f"{row['dated']:>6}{ratio(row['date_ok'], row['dated']):>6.2f}{ratio(row['undated_ok'], row['undated']):>7.2f}"
            f"{ratio(row['verbatim'], row['quotes']):>9.0%}{row['personal']:>6}")


def table(title: str, rows: list[dict]) -> None:
    print(f"\n{title}")
    print(f"{'doc':<6}{'gold':>5}{'out':>5}{'A-rec':>7}{'A-prec':>7}{'gold':>6}{'out':>5}{'T-rec':>7}{'T-prec':>7}"
          f"{'T-F1':>7}{'kind':>7}{'status':>7}{'dated':>6}{'date':>6}{'undat':>7}{'verbatim':>9}{'PII':>6}")
    for row in rows:
        print(line(row))
    total = {k: sum(r[k] for r in rows) for k in rows[0] if k != "doc"}
    print(line({"doc": "total", **total}))
    p, r = ANCHOR["precision"], ANCHOR["recall"]
    print(f"{'Zhou et al. HICSS 2012 (alliances from news), ties:':<50}{'':>10}{r:>7.2f}{p:>7.2f}{ANCHOR['f1']:>7.2f}")


def timing(gold: Dataset) -> None:
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    pages = text
    while len(pages) < 60_000:          # ~20 pages of 3,000 characters
        pages += "\n\n" + text
    doc = document_from_text(pages, "report-20-pages.txt")
    print(f"\nTime per document, 20-page report ({len(pages):,} characters), best of 3:")
    for label, known in (("cold", None), ("with --data (data/)", gold)):
        best = min(_timed(doc, known) for _ in range(3))
        print(f"  {label:<22}{best:>6.2f} s   (goal < 2 s)")


def _timed(doc, known) -> float:
    start = time.perf_counter()
    extract_documents([doc], known)
    return time.perf_counter() - start


def main() -> None:
    gold = read_dataset(ROOT / "data")
    seeds = sorted(SEEDS.glob("*.txt"))
    extract_documents([document_from_text("Uppvärmning i samarbete med Region Halland.", "warm.txt")])
    table("Cold (no --data): candidates against data/", [score(gold, p, None) for p in seeds])
    rows = []
    for p in seeds:
        others = gold.actors[gold.actors["documents"].map(lambda v, n=p.name: any(d != n for d in split_multi(v)))]
        rows.append(score(gold, p, gold.replace(actors=others, collaborations=gold.collaborations.iloc[0:0])))
    table("Leave-one-out (--data = actors of the other four documents)", rows)
    print("\nA-rec/A-prec: actors found / gold actors, extracted actors that are gold ones / extracted;"
          " T-*: ties joining the right two actors; kind/status: share of matched ties with the gold's kind/status;"
          " dated: matched ties whose gold has a start/end, date: share of them with the gold's start and end,"
          " undat: share of the other matched ties left without a date;"
          " PII: output cells holding an e-mail address or phone number.")
    timing(gold)


if __name__ == "__main__":
    main()
