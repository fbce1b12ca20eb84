"""Hostile files the safety tests and ``benchmarks/io.py`` both build (one recipe each)."""

from __future__ import annotations

import io
import re
import zipfile
from typing import BinaryIO

__all__ = ["write_xlsx_bomb"]


def write_xlsx_bomb(out: BinaryIO, rows: int) -> None:
    """Write a workbook whose one sheet repeats a row ``rows`` times: small on disk, huge inflated.

    The sheet is streamed into the zip, so it is never all in memory.
    """
    import openpyxl

    good = io.BytesIO()
    book = openpyxl.Workbook()
    book.active.title = "actors"
    book.active.append(["id", "name"])
    book.save(good)
    row = b'<row><c t="inlineStr"><is><t>x</t></is></c></row>'
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename != "xl/worksheets/sheet1.xml":
                dst.writestr(info.filename, data)
                continue
            head, tail = data.split(b"</sheetData>")
            head = re.sub(rb'<dimension ref="[^"]*"/>', f'<dimension ref="A1:B{rows + 1}"/>'.encode(), head)
            with dst.open(info.filename, "w", force_zip64=True) as part:
                part.write(head)
                for _ in range(rows // 100_000):
                    part.write(row * 100_000)
                part.write(row * (rows % 100_000) + b"</sheetData>" + tail)
