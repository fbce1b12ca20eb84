"""Personal contact data: columns that hold e-mail addresses, phone numbers or contact persons.

Found by the column's name in sv/en/nb (``E-postadress``, ``Telefonnummer``,
``Mobilnummer``, ``Email Address``, ``Phone number``, ``Tel``, ``Kontakt``,
``kontaktperson`` …) and by its content: a column most of whose cells are
e-mail addresses or phone numbers is contact data whatever it is called.
Our own columns (id, name, source, …) are never taken for contact data.

>>> import pandas as pd
>>> table = pd.DataFrame({"id": ["a", "b"], "E-postadress": ["", ""], "Tel": ["", ""],
...                       "notes": ["anna@amal.se", "bo@amal.se"], "reach": ["070-123 45 67", "+47 22 33 44 55"],
...                       "population": ["9876498", "12345"]})
>>> contact_columns(table)
['E-postadress', 'Tel', 'notes', 'reach']
"""

from __future__ import annotations

import re

import pandas as pd

from graph.model import COLUMNS
from graph.vocab import spelling_key

__all__ = ["contact_columns", "looks_like_contact", "EMAIL", "PHONE"]

#: Spellings (as :func:`graph.vocab.spelling_key` gives them, spaces removed) of contact columns, as whole names
#: or as the start of one ("telefonnummer", "email address", "mobil 2").
_NAMES = re.compile(
    r"^(e ?mail|e ?post|epost|mejl|mail|email|e ?mailadress|epostadress|phone|telephone|tel|tlf|telefon|mobil|mobile|"
    r"cell|cellphone|handy|fax|sms|whatsapp|kontakt|contact|kontaktperson|kontaktinfo|kontaktuppgift|kontaktinformasjon|"
    r"contactperson|contactinfo|contactdetails|personnummer|fodselsnummer|ssn)"
    r"(adress|adresse|address|nummer|number|nr|no|er|uppgifter|person|personer|info|details|s)*\d*$")
EMAIL = re.compile(r"^[^@\s<>()]+@[^@\s<>()]+\.[a-z]{2,}$", re.IGNORECASE)
PHONE = re.compile(r"^(\+|00)?\(?\d[\d\s\-()/.]{5,}\d$")
_OURS = frozenset(c for table in COLUMNS.values() for c in table)


def _is_phone(value: str) -> bool:
    digits = sum(ch.isdigit() for ch in value)
    separated = value.startswith(("+", "00", "0")) or bool(re.search(r"\d[\s\-/.]\d", value))
    return bool(PHONE.match(value)) and 7 <= digits <= 15 and separated and not re.match(r"^\d{4}-\d{2}(-\d{2})?$", value)


def looks_like_contact(value: str) -> bool:
    """Whether a cell is an e-mail address or a phone number.

    >>> looks_like_contact("anna@amal.se"), looks_like_contact("+46 70 123 45 67"), looks_like_contact("2019-05-01")
    (True, True, False)
    """
    value = str(value).strip()
    return bool(EMAIL.match(value)) or _is_phone(value)


def _by_name(name: str) -> bool:
    key = spelling_key(name).replace(" ", "")
    return bool(_NAMES.match(key))


def _by_content(values: pd.Series) -> bool:
    filled = [v for v in values.astype(str).str.strip().unique()[:500] if v]
    if not filled:
        return False
    hits = sum(looks_like_contact(v) for v in filled)
    return hits >= max(1, len(filled) // 2)


def contact_columns(table: pd.DataFrame) -> list[str]:
    """The columns of ``table`` that hold personal contact data, by name or by content."""
    found = []
    for col in table.columns:
        name = str(col)
        if name in _OURS:
            continue
        if _by_name(name) or _by_content(table[col]):
            found.append(col)
    return found
