"""Documents in, plain text out: readers for .txt .md .html .docx .pdf and pasted text.

A :class:`Document` holds the text exactly as read, with e-mail addresses and
phone numbers already masked, so that nothing downstream (quotes, tables,
the page) can copy them.  Its language is detected with ``simplemma``'s
offline detector (sv, nb, nn, en).

>>> doc = document_from_text("Kontakt: anna@example.se, 070-123 45 67.", name="note.txt")
>>> doc.text
'Kontakt: […], […].'
>>> doc.language
'sv'
"""

from __future__ import annotations

import html
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

__all__ = ["Document", "DocumentError", "MASK", "READABLE", "detect_language", "document_from_bytes",
           "document_from_text", "mask_contacts", "read_document"]

#: What a masked e-mail address or phone number is replaced by.
MASK = "[…]"
#: File endings the readers take.
READABLE = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")
#: Largest document read (characters of text); a 20-page report is ~60,000.
MAX_CHARS = 5_000_000

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?<![\w-])(?:\+\d{1,3}[\s-]?)?(?:\(?0\d{1,3}\)?[\s-]?)?\d{2,3}(?:[\s-]\d{2,3}){2,3}(?![\w-])")
_NYNORSK = frozenset("ikkje eg ein eit kva korleis kven frå vere vore dei berre noko mykje saman heile "
                     "medan sjå vart desse kvar eigen eigne me".split())
_BOKMAAL = frozenset("ikke jeg en et hva hvordan hvem fra være vært de bare noe mye sammen hele mens se ble "
                     "disse hver egen egne vi".split())
_YEARS = re.compile(r"^\d{4}(?:[\s-]\d{2,4})?$")


class DocumentError(ValueError):
    """A document that cannot be read; the message is one sentence naming it."""


@dataclass(frozen=True)
class Document:
    """One source: its id (file name), title, language and masked text."""

    id: str
    text: str
    language: str
    title: str = ""


def mask_contacts(text: str) -> str:
    """Replace e-mail addresses and phone numbers by :data:`MASK`.

    >>> mask_contacts("Ring +46 70 123 45 67 eller skriv till a.b@c.se")
    'Ring […] eller skriv till […]'
    >>> mask_contacts("Tidsperiod 2017-2019")
    'Tidsperiod 2017-2019'
    """
    text = EMAIL.sub(MASK, text)
    return PHONE.sub(lambda m: m.group() if _YEARS.match(m.group()) else MASK, text)


def detect_language(text: str) -> str:
    """``sv``, ``nb``, ``nn`` or ``en`` (the best guess; ``sv`` when nothing is known).

    >>> detect_language("The project works together with the municipality.")
    'en'
    """
    from simplemma import langdetect

    sample = text[:20_000]
    if not re.search(r"[^\W\d_]{3}", sample):
        return "sv"
    scores = langdetect(sample, lang=("sv", "nb", "nn", "en"))
    best = scores[0][0]
    if best in ("nb", "nn"):               # the two written Norwegians differ most in their small words
        words = re.findall(r"[a-zæøå]+", sample.lower())
        nn = sum(w in _NYNORSK for w in words)
        nb = sum(w in _BOKMAAL for w in words)
        best = "nn" if nn > nb else "nb" if nb > nn else best
    return best if best in {"sv", "nb", "nn", "en"} else "sv"


def _title(text: str) -> str:
    for line in text.splitlines():
        line = line.strip()
        if len(line) > 3 and re.search(r"[^\W\d_]", line):
            return line[:200]
    return ""


def document_from_text(text: str, name: str = "pasted.txt") -> Document:
    """A :class:`Document` of pasted or already decoded text (masked, language detected)."""
    if "\x00" in text:
        raise DocumentError(f"{name}: the text holds binary data, not text")
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if len(text) > MAX_CHARS:
        raise DocumentError(f"{name}: the document is too long ({len(text):,} characters; at most {MAX_CHARS:,})")
    if not text.strip():
        raise DocumentError(f"{name}: the document has no text")
    text = mask_contacts(text)
    return Document(id=name, text=text, language=detect_language(text), title=_title(text))


def _decode(data: bytes, name: str) -> str:
    if b"\x00" in data[:4096]:
        raise DocumentError(f"{name}: the file is binary, not text (expected {', '.join(READABLE)})")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise DocumentError(f"{name}: the text is neither UTF-8 nor Windows-1252")


class _HTMLText(HTMLParser):
    """Visible text of an HTML page: blocks become lines, script and style are dropped."""

    BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "title"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in {"script", "style", "noscript", "template"}:
            self.skip += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in {"script", "style", "noscript", "template"} and self.skip:
            self.skip -= 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(re.sub(r"[ \t\r\n]+", " ", data))


def _html_text(data: bytes, name: str) -> str:
    parser = _HTMLText()
    parser.feed(_decode(data, name))
    parser.close()
    return html.unescape("".join(parser.parts))


def _docx_text(data: bytes, name: str) -> str:
    import docx

    try:
        paragraphs = docx.Document(io.BytesIO(data)).paragraphs
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise DocumentError(f"{name}: not a readable Word document ({exc})") from None
    return "\n".join(p.text for p in paragraphs)


def _pdf_text(data: bytes, name: str) -> str:
    import logging

    import pypdf

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except Exception as exc:  # pypdf raises many kinds on damaged files
        raise DocumentError(f"{name}: not a readable PDF ({type(exc).__name__})") from None
    text = "\n\n".join(pages)
    if not text.strip():
        raise DocumentError(f"{name}: the PDF has no text layer (a scan?); nothing to read")
    return text


def document_from_bytes(data: bytes, name: str) -> Document:
    """Read one document from its bytes; the reader is chosen by ``name``'s ending.

    Raises :class:`DocumentError` (one sentence) on anything it cannot read.

    >>> document_from_bytes(b"<p>Hej <b>Region</b> Halland</p>", "a.html").text
    'Hej Region Halland'
    """
    suffix = Path(name).suffix.lower()
    if not data.strip():
        raise DocumentError(f"{name}: the file is empty")
    if suffix in (".docx", ".pdf") and len(data) > 200_000_000:
        raise DocumentError(f"{name}: the file is too large to read")
    if suffix == ".docx":
        text = _docx_text(data, name)
    elif suffix == ".pdf":
        text = _pdf_text(data, name)
    elif suffix in (".html", ".htm"):
        text = _html_text(data, name)
    elif suffix in (".txt", ".md", ""):
        if data[:5] == b"%PDF-" or data[:2] == b"PK":
            raise DocumentError(f"{name}: the file is a PDF or Word file with the wrong ending; rename it")
        text = _decode(data, name)
    else:
        raise DocumentError(f"{name}: cannot read {suffix!r} files (expected {', '.join(READABLE)})")
    return document_from_text(text.strip("\n"), name=Path(name).name)


def read_document(path: str | Path) -> Document:
    """Read a document file (see :func:`document_from_bytes`)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise DocumentError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise DocumentError(f"{path}: is a folder, not a document") from None
    except OSError as exc:
        raise DocumentError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    return document_from_bytes(data, path.name)
