"""Saving a workbook the same way every time: the same input gives the same bytes (no clock in the
document properties or the zip entries), so a workbook can be compared, cached and checked in."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from openpyxl import Workbook
from openpyxl.writer.excel import ExcelWriter

_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can carry


def workbook_bytes(workbook: Workbook, *, stamp: dt.datetime | None = None) -> bytes:
    """The .xlsx file of `workbook`. `stamp` is its creation time in the document properties (e.g.
    the evaluation date of a report; by default the zip epoch, 1980-01-01). openpyxl's own save would
    write the clock."""
    when = stamp or dt.datetime(*_EPOCH)
    workbook.properties.created = when
    workbook.properties.modified = when
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).save()
    # The same entries again, each stamped with one fixed time instead of the moment it was written.
    fixed = io.BytesIO()
    with zipfile.ZipFile(raw) as written, zipfile.ZipFile(fixed, "w", zipfile.ZIP_DEFLATED) as out:
        for info in written.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=_EPOCH)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            out.writestr(entry, written.read(info.filename))
    return fixed.getvalue()
