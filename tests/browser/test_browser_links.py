"""Every page opened by a link, in every language, with an actor and several filters: no exception, no codes.

This is the matrix a coordinator meets when a colleague mails a link: the address carries the view
(``lang``, ``actor``, ``depth``, the filters, the suggestions' ``theme``/``place``/``across``, ``from``/``to``).
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlencode

import pytest

from graph import read_dataset
from graph.vocab import ACTOR_TYPES, KINDS, LEVELS, SECTORS, STATUSES

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
PAGES = ("explore", "paths", "brokers", "communities", "themes", "suggestions", "export", "data")
TITLES = {"sv": "Aktörskarta för integration", "en": "Stakeholder network explorer", "nb": "Aktørkart for integrering"}
LINK = {"actor": "migrationsverket", "depth": "2", "sector": "public,civil_society",
        "kind": "partnership,participation,commissioning", "status": "existing,recommended",
        "theme": "work_internship_matching", "place": "Västra Götalands län", "across": "1",
        "from": "leader-framtidsbygder", "to": "migrationsverket"}


def codes() -> set[str]:
    """Vocabulary codes that are not words (they hold an underscore), and theme ids alike."""
    ds = read_dataset(ROOT / "data")
    found = {c for table in (ACTOR_TYPES, SECTORS, LEVELS, KINDS, STATUSES) for c in table if "_" in c}
    return found | {t for t in ds.themes["id"] if "_" in t} | {"category_a", "category_b"}


FILE_NAME = re.compile(r"\b\d{3}_[0-9a-f]{8,}\.txt\b")
CODES = codes()


def visible_text(page) -> str:
    return page.evaluate("() => document.body.innerText")


def open_link(page, base: str, name: str, lang: str) -> str:
    page.goto(f"{base}{name}?{urlencode({'lang': lang, **LINK})}")
    page.get_by_role("heading", name=TITLES[lang]).first.wait_for(timeout=60_000)
    page.wait_for_function("() => !document.querySelector('[data-testid=stStatusWidget] [data-testid*=Running]')",
                           timeout=60_000)
    page.wait_for_timeout(2500)
    return visible_text(page)


@pytest.mark.parametrize("lang", ["sv", "en", "nb"])
def test_every_page_by_link_shows_no_exception_and_no_code(page, explorer_url, lang):
    problems = []
    for name in PAGES:
        text = open_link(page, explorer_url, name, lang)
        if page.locator("[data-testid=stException]").count():
            problems.append(f"{name}: exception {page.locator('[data-testid=stException]').first.inner_text()[:200]}")
        words = set(re.findall(r"[A-Za-z_]+", text))
        raw = sorted(words & CODES)
        if raw:
            problems.append(f"{name}: raw codes {raw}")
        if FILE_NAME.search(text):
            problems.append(f"{name}: file name {FILE_NAME.search(text).group(0)}")
        if "Page not found" in text or "does not seem to exist" in text:
            problems.append(f"{name}: the address is not a page")
        if name == "paths" and not re.search(r"(kortaste|shortest|korteste|förbundna|connected|forbundet)", text):
            problems.append("paths: from/to of the link not applied")
        if lang != "en" and "Select all" in text:
            problems.append(f"{name}: English 'Select all'")
    assert problems == []


def test_a_link_restores_the_selected_actor_and_filters(page, explorer_url):
    text = open_link(page, explorer_url, "explore", "en")
    assert "Migrationsverket" in text and "Details" in text
    page.get_by_role("heading", name="Migrationsverket").wait_for(timeout=30_000)
    assert "actor=migrationsverket" in page.url and "sector=public" in page.url


def test_an_unknown_value_in_a_link_gives_a_notice(page, explorer_url):
    page.goto(f"{explorer_url}explore?lang=en&sector=nonsense&actor=migrationsverket")
    page.get_by_text("they were skipped: sector=nonsense").wait_for(timeout=60_000)
    assert page.locator("[data-testid=stException]").count() == 0
