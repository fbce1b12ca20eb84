"""Every sentence the link suggestions say, in sv, en and nb, in one place.

>>> TEXTS["en"]["partners"].format(n=2, names="a and b")
'2 common partners: a and b'
"""

from __future__ import annotations

from graph.text import decimal, pick

__all__ = ["TEXTS", "INDEX_NAMES", "join_names", "number", "text"]

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "both": "both work with {partners}",
        "both_themes": "both work",
        "on": " on {themes}",
        "in": " in {place}",
        "no_tie": "; no tie recorded",
        "partners": "{n} common partners: {names}",
        "partner": "1 common partner: {names}",
        "no_partner": "no common partner",
        "paths3": "{n} paths of length 3 between them",
        "far": "connected only through longer paths",
        "degrees": "{a} has {ka} ties, {b} has {kb}",
        "themes_n": "{n} shared themes",
        "theme_1": "1 shared theme",
        "complementary": "links {a} and {b}, sectors that rarely meet",
        "rec_direct": "a source recommends this tie{doc}",
        "rec_member": "a source recommends {a} working with {group} ({member} is a member){doc}",
        "countries": "in different countries ({a} and {b}) with no common partner",
        "unknown": "{id} is not in the data",
        "nothing": "nothing supports a tie",
        "tied": "already tied",
        "and": "and",
        "more": "{n} more",
        "gap": "no tie",
        "only_recommended": "only recommended ties",
        "no_actors": "no actors",
    },
    "sv": {
        "both": "båda samarbetar med {partners}",
        "both_themes": "båda arbetar",
        "on": " inom {themes}",
        "in": " i {place}",
        "no_tie": "; inget samarbete registrerat",
        "partners": "{n} gemensamma partner: {names}",
        "partner": "1 gemensam partner: {names}",
        "no_partner": "ingen gemensam partner",
        "paths3": "{n} vägar av längd 3 mellan dem",
        "far": "förbundna endast via längre vägar",
        "degrees": "{a} har {ka} samarbeten, {b} har {kb}",
        "themes_n": "{n} gemensamma teman",
        "theme_1": "1 gemensamt tema",
        "complementary": "förbinder {a} och {b}, sektorer som sällan möts",
        "rec_direct": "en källa rekommenderar detta samarbete{doc}",
        "rec_member": "en källa rekommenderar att {a} samarbetar med {group} ({member} är medlem){doc}",
        "countries": "i olika länder ({a} och {b}) utan gemensam partner",
        "unknown": "{id} finns inte i data",
        "nothing": "inget talar för ett samarbete",
        "tied": "samarbetar redan",
        "and": "och",
        "more": "{n} till",
        "gap": "inget samarbete",
        "only_recommended": "bara rekommenderade samarbeten",
        "no_actors": "inga aktörer",
    },
    "nb": {
        "both": "begge samarbeider med {partners}",
        "both_themes": "begge arbeider",
        "on": " innen {themes}",
        "in": " i {place}",
        "no_tie": "; ikke registrert samarbeid",
        "partners": "{n} felles partnere: {names}",
        "partner": "1 felles partner: {names}",
        "no_partner": "ingen felles partner",
        "paths3": "{n} stier av lengde 3 mellom dem",
        "far": "forbundet bare gjennom lengre stier",
        "degrees": "{a} har {ka} samarbeid, {b} har {kb}",
        "themes_n": "{n} felles temaer",
        "theme_1": "1 felles tema",
        "complementary": "forbinder {a} og {b}, sektorer som sjelden møtes",
        "rec_direct": "en kilde anbefaler dette samarbeidet{doc}",
        "rec_member": "en kilde anbefaler at {a} samarbeider med {group} ({member} er medlem){doc}",
        "countries": "i forskjellige land ({a} og {b}) uten felles partner",
        "unknown": "{id} finnes ikke i dataene",
        "nothing": "ingenting taler for et samarbeid",
        "tied": "samarbeider allerede",
        "and": "og",
        "more": "{n} til",
        "gap": "ikke samarbeid",
        "only_recommended": "bare anbefalte samarbeid",
        "no_actors": "ingen aktører",
    },
}

INDEX_NAMES: dict[str, dict[str, str]] = {
    "en": {"cn": "common neighbours", "jaccard": "Jaccard", "aa": "Adamic–Adar",
           "ra": "resource allocation", "pa": "preferential attachment", "lp": "local path",
           "katz": "Katz", "default": "score"},
    "sv": {"cn": "gemensamma grannar", "jaccard": "Jaccard", "aa": "Adamic–Adar",
           "ra": "resursallokering", "pa": "preferentiell anknytning", "lp": "lokal stig",
           "katz": "Katz", "default": "poäng"},
    "nb": {"cn": "felles naboer", "jaccard": "Jaccard", "aa": "Adamic–Adar",
           "ra": "ressursallokering", "pa": "preferensiell tilknytning", "lp": "lokal sti",
           "katz": "Katz", "default": "poengsum"},
}

MAX_NAMES = 5


def text(lang: str, key: str, **values: object) -> str:
    """The template ``key`` in ``lang`` (English if missing), filled in.

    >>> text("sv", "partner", names="Arbetsförmedlingen")
    '1 gemensam partner: Arbetsförmedlingen'
    """
    return pick({code: words[key] for code, words in TEXTS.items() if key in words}, lang).format(**values)


def join_names(names: list[str], lang: str, limit: int = MAX_NAMES) -> str:
    """``a, b and c``; beyond ``limit`` names, ``… and N more``.

    >>> join_names(["a", "b", "c"], "en")
    'a, b and c'
    >>> join_names(list("abcdefg"), "sv", 3)
    'a, b, c och 4 till'
    """
    word = text(lang, "and")
    if len(names) > limit:
        return f"{', '.join(names[:limit])} {word} {text(lang, 'more', n=len(names) - limit)}"
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {word} {names[-1]}"


def number(x: float, lang: str = "en") -> str:
    """Three significant digits, no exponent for ordinary values, as ``lang`` writes them (a decimal comma in sv
    and nb).

    >>> number(0.83333), number(108.0), number(0.000123), number(0.83333, "sv")
    ('0.833', '108', '0.000123', '0,833')
    """
    if x == 0:
        return "0"
    if 1e-4 <= abs(x) < 1e6:
        return decimal(f"{x:.3g}" if abs(x) < 1000 else f"{x:.0f}", lang)
    return decimal(f"{x:.2e}", lang)
