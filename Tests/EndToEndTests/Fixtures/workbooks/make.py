#!/usr/bin/env python3
"""Makes the fixture workbooks from the hand-made CSV files beside this script, with LibreOffice.

Each workbook NAME.xlsx has one sheet per file NAME.SHEET.csv (in name order, so 3月 before 4月).
The CSV cells become typed cells of a flat OpenDocument spreadsheet (NAME.fods): a date and time
(2021-03-05 08:05, seconds kept) a date-time cell shown as YYYY-MM-DD HH:MM, a date a date cell,
whole numbers and decimals numbers, an empty cell no cell value, and a cell starting with ' text
(the ' dropped: a phone number with its leading 0, or a date that does not exist), and a cell
written {cols=N}text or {rows=N}text merged across N columns or down N rows (the cells it covers
are covered cells, as Merge Cells leaves them). LibreOffice
then writes the .xlsx (`soffice --headless --convert-to xlsx`), as a clerk's spreadsheet program
would: shared strings, date serials with their number formats, numbers as numbers. old-excel.xls
is vendor-march.xlsx saved by LibreOffice as an Excel 97-2003 workbook (the binary format drc
refuses). Run it again after changing a CSV: python3 make.py (needs libreoffice-calc).
"""
import csv
import glob
import os
import re
import subprocess
import tempfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
DATETIME = re.compile(r"^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})(?::(\d{2}))?$")
DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def cell(value):
    if value == "":
        return "<table:table-cell/>"
    if value.startswith("'"):
        return f'<table:table-cell office:value-type="string"><text:p>{escape(value[1:])}</text:p></table:table-cell>'
    match = DATETIME.match(value)
    if match:
        y, mo, d, h, mi, s = match.groups()
        iso = f"{y}-{mo}-{d}T{h}:{mi}:{s or '00'}"
        return (f'<table:table-cell table:style-name="datetime" office:value-type="date" office:date-value="{iso}">'
                f"<text:p>{escape(value)}</text:p></table:table-cell>")
    if DATE.match(value):
        return (f'<table:table-cell table:style-name="date" office:value-type="date" office:date-value="{value}">'
                f"<text:p>{value}</text:p></table:table-cell>")
    if NUMBER.match(value):
        return f'<table:table-cell office:value-type="float" office:value="{value}"><text:p>{value}</text:p></table:table-cell>'
    return f'<table:table-cell office:value-type="string"><text:p>{escape(value)}</text:p></table:table-cell>'


SPAN = re.compile(r"^\{(cols|rows)=(\d+)\}")


def table_rows(rows):
    """The rows as table rows: a cell written {cols=N}text or {rows=N}text is merged across N
    columns or down N rows (as a clerk's Merge Cells does), and the cells it covers are covered
    cells, whatever the CSV holds there."""
    covered = set()
    out = []
    for r, row in enumerate(rows):
        cells = []
        for c, value in enumerate(row):
            if (r, c) in covered:
                cells.append("<table:covered-table-cell/>")
                continue
            match = SPAN.match(value)
            if not match:
                cells.append(cell(value))
                continue
            kind, count = match.group(1), int(match.group(2))
            text = cell(value[match.end():])
            attribute = "table:number-columns-spanned" if kind == "cols" else "table:number-rows-spanned"
            other = "table:number-rows-spanned" if kind == "cols" else "table:number-columns-spanned"
            cells.append(text.replace("<table:table-cell", f'<table:table-cell {attribute}="{count}" {other}="1"', 1))
            for k in range(1, count):
                covered.add((r, c + k) if kind == "cols" else (r + k, c))
        out.append("<table:table-row>" + "".join(cells) + "</table:table-row>\n")
    return "".join(out)


def fods(sheets):
    tables = []
    for name, rows in sheets:
        body = table_rows(rows)
        tables.append(f'<table:table table:name="{escape(name)}">\n{body}</table:table>')
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
<number:date-style style:name="N-datetime"><number:year number:style="long"/><number:text>-</number:text>
<number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/><number:text> </number:text>
<number:hours number:style="long"/><number:text>:</number:text><number:minutes number:style="long"/></number:date-style>
<number:date-style style:name="N-date"><number:year number:style="long"/><number:text>-</number:text>
<number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/></number:date-style>
<style:style style:name="datetime" style:family="table-cell" style:data-style-name="N-datetime"/>
<style:style style:name="date" style:family="table-cell" style:data-style-name="N-date"/>
</office:automatic-styles>
<office:body><office:spreadsheet>
{chr(10).join(tables)}
</office:spreadsheet></office:body></office:document>
"""


def main():
    books = {}
    for path in sorted(glob.glob(os.path.join(HERE, "*.*.csv"))):
        book, sheet, _ = os.path.basename(path).rsplit(".", 2)
        with open(path, newline="", encoding="utf-8") as file:
            books.setdefault(book, []).append((sheet, list(csv.reader(file))))
    profile = tempfile.mkdtemp()
    for book, sheets in books.items():
        source = os.path.join(HERE, book + ".fods")
        with open(source, "w", encoding="utf-8") as file:
            file.write(fods(sheets))
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "xlsx",
                        "--outdir", HERE, source], check=True)
        os.remove(source)
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "xls",
                    "--outdir", tempfile.gettempdir(), os.path.join(HERE, "vendor-march.xlsx")], check=True)
    os.replace(os.path.join(tempfile.gettempdir(), "vendor-march.xls"), os.path.join(HERE, "old-excel.xls"))


if __name__ == "__main__":
    main()
