"""Reports as files to download: one table as CSV (with a BOM, so spreadsheet programs read
the Chinese right) or as a single-sheet XLSX, named for the browser to save."""
from __future__ import annotations

import csv
import io
from typing import Iterable, Sequence

from flask import Response

CSV = "text/csv"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _attachment(body: bytes, mimetype: str, filename: str) -> Response:
    return Response(body, mimetype=mimetype, headers={"Content-Disposition": f'attachment; filename="{filename}"'})


def csv_file(name: str, header: Sequence, rows: Iterable[Sequence]) -> Response:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return _attachment(buffer.getvalue().encode("utf-8-sig"), CSV, f"{name}.csv")


def xlsx_file(name: str, body: bytes) -> Response:
    return _attachment(body, XLSX, f"{name}.xlsx")


def sheet(title: str, header: Sequence, rows: Iterable[Sequence], number_formats: dict[int, str] | None = None) -> bytes:
    """A workbook of one sheet: the header, then the rows; `number_formats` by 1-based column."""
    from openpyxl import Workbook  # only the XLSX downloads need it

    book = Workbook()
    page = book.active
    page.title = title
    page.append(list(header))
    for values in rows:
        page.append(list(values))
        for column, number_format in (number_formats or {}).items():
            page.cell(page.max_row, column).number_format = number_format
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
