"""A dataset in words a person reads: ties as partner, kind, status, themes, period, quote and document title.

The details panel, the briefing and any other page that lists ties use this one rule, so a
tie reads the same everywhere.
"""

from __future__ import annotations

from graph.model import Dataset, split_multi
from graph.vocab import column_label, theme_labels

__all__ = ["ties_in_words"]


def ties_in_words(ds: Dataset, around: list[str], lang: str = "sv") -> list[dict[str, str]]:
    """Every tie of ``ds`` touching ``around`` (all of them when empty), in words of ``lang``.

    With one actor around, ``partner`` is the other end with an arrow for the direction of the
    row (``→`` from it, ``←`` to it); otherwise both names. A tie without a status is existing.
    Sorted by partner.

    >>> ds = Dataset.from_records(
    ...     actors=[{"id": "af", "name": "Arbetsförmedlingen"}, {"id": "k", "name": "Kommunen"}],
    ...     collaborations=[{"source": "af", "target": "k", "kind": "funding", "document": "d",
    ...                      "evidence": "AF finansierar.", "start": "2019"}],
    ...     documents=[{"id": "d", "title": "Rapport"}])
    >>> row = ties_in_words(ds, ["k"], "en")[0]
    >>> row["partner"], row["kind"], row["status"], row["period"], row["document"]
    ('← Arbetsförmedlingen', 'Funding', 'Existing', '2019', 'Rapport')
    """
    ties = ds.collaborations
    if around:
        ties = ties[ties["source"].isin(around) | ties["target"].isin(around)]
    names = dict(zip(ds.actors["id"].tolist(), ds.actors["name"].tolist(), strict=True))  # lists: a walk over
    titles = dict(zip(ds.documents["id"].tolist(), ds.documents["title"].tolist(), strict=True))  # Arrow is slow
    themes = theme_labels(ds.themes, lang)
    rows = []
    for tie in ties.itertuples(index=False):
        if len(around) == 1:
            partner = tie.target if tie.source == around[0] else tie.source
            who = ("→ " if tie.source == around[0] else "← ") + str(names.get(partner) or partner)
        else:
            who = f"{names.get(tie.source) or tie.source} — {names.get(tie.target) or tie.target}"
        rows.append({"partner": who,
                     "kind": column_label("kind", tie.kind, lang) if tie.kind else "",
                     "status": column_label("status", tie.status or "existing", lang),
                     "themes": ", ".join(themes.get(x, x) for x in split_multi(tie.themes)),
                     "period": "–".join(x for x in (tie.start, tie.end) if x),
                     "quote": tie.evidence,
                     "document": titles.get(tie.document) or tie.document})
    return sorted(rows, key=lambda r: r["partner"].casefold())
