"""CSV files for Excel, as every export of the site writes them (the registrations, the newsletter's readers, the
funders' report): Dutch headers, semicolons (Dutch Excel's list separator), UTF-8 with the byte order mark Excel
needs to read it, and cells that a spreadsheet would run as a formula neutralised (CSV injection, OWASP)."""

import csv

from django.http import HttpResponse

CSV_DELIMITER = ";"
# A cell that starts with one of these is read by spreadsheets as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """The text of a cell, with a leading ' when a spreadsheet would run it as a formula."""
    value = str(value)
    return f"'{value}" if value.startswith(FORMULA_PREFIXES) else value


def csv_download(filename, headers, rows):
    """A response that downloads ``rows`` (lists of cells) under ``headers`` as ``filename``."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # the byte order mark
    writer = csv.writer(response, delimiter=CSV_DELIMITER, lineterminator="\r\n")
    writer.writerow(headers)
    for row in rows:
        writer.writerow([spreadsheet_safe(cell) for cell in row])
    return response
