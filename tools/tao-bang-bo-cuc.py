#!/usr/bin/env python3
"""Generate tests/fixtures/bo-cuc.{xlsx,xls,ods}: one sheet laid out as an office lays out a
list, saved by LibreOffice Calc in its three formats; and tests/fixtures/loc.{xls,ods} and
an-hang.{xls,ods}: a list of four people with an AutoFilter showing unit VP only (rows 3 and
5 hidden), and with row 3 and column C hidden by hand.

    python3 tools/tao-bang-bo-cuc.py      # from the repository root; needs openpyxl and soffice

Sheet DanhSach: a title block (rows 1-2), a header over rows 4-5 (STT, Đơn vị, Họ và tên,
CCCD merged down; Điểm merged across Tự chấm and Hội đồng; Tiền merged down), a section
heading per part (I. VĂN PHÒNG SỞ, II. CHI CỤC THỦY LỢI), each unit's name merged down its
people, a totals row per section and for the whole, and the signature block under it. CCCD
numbers are formatted 000000000000, the money #,##0.
"""

import os
import subprocess
import sys
import tempfile

import openpyxl
from openpyxl.styles import Alignment

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "tests", "fixtures")


def build(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "DanhSach"
    ws["A1"] = "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG"
    ws["A2"] = "DANH SÁCH CHI TRẢ TIỀN THƯỞNG NĂM 2024"
    ws.merge_cells("A2:G2")
    for column, header in zip("ABCDG", ["STT", "Đơn vị", "Họ và tên", "CCCD", "Tiền"]):
        ws[f"{column}4"] = header
        ws.merge_cells(f"{column}4:{column}5")
    ws["E4"] = "Điểm"
    ws.merge_cells("E4:F4")
    ws["E5"] = "Tự chấm"
    ws["F5"] = "Hội đồng"
    rows = [
        ("I. VĂN PHÒNG SỞ",),
        (1, "Văn phòng", "Nguyễn Văn An", 1080012345, 95.5, 94, 1250000),
        (2, None, "Trần Thị Bình", 12345678901, 90, 88.5, 500000),
        (3, "Phòng Kế toán", "Lê Văn Chi", 26080000123, 85, 86, 1500000),
        (None, "Cộng", None, None, None, None, 3250000),
        ("II. CHI CỤC THỦY LỢI",),
        (4, "Chi cục Thủy lợi", "Phạm Thị Dung", 1190000777, 92, 91, 750000),
        (5, None, "Hoàng Văn Em", 1090000888, 88, 87.5, 750000),
        (None, "Cộng", None, None, None, None, 1500000),
        (None, "Tổng cộng", None, None, None, None, 4750000),
        (),
        (None, "Người lập biểu", None, None, "Hà Nội, ngày 05 tháng 01 năm 2025"),
        (None, "Lê Thị Giang", None, None, "Mai Văn Hòa"),
    ]
    for r, values in enumerate(rows, start=6):
        for c, value in enumerate(values, start=1):
            if value is not None:
                ws.cell(r, c, value)
        if len(values) == 1:
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=7)
    ws.merge_cells("B7:B8")
    ws.merge_cells("B12:B13")
    for r in range(7, 16):
        ws.cell(r, 4).number_format = "000000000000"
        ws.cell(r, 7).number_format = "#,##0"
        ws.cell(r, 2).alignment = Alignment(vertical="center")
    wb.save(path)


def hidden(path, filtered):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "DanhSach"
    ws.append(["Họ tên", "Đơn vị", "Ghi chú"])
    for person in [("An", "VP"), ("Bình", "KT"), ("Chi", "VP"), ("Dũng", "KT")]:
        ws.append(list(person))
    ws.row_dimensions[3].hidden = True
    if filtered:
        ws.auto_filter.ref = "A1:C5"
        ws.auto_filter.add_filter_column(1, ["VP"])
        ws.row_dimensions[5].hidden = True
    else:
        ws.column_dimensions["C"].hidden = True
    wb.save(path)


FORMATS = {"xlsx": "Calc MS Excel 2007 XML", "xls": "MS Excel 97", "ods": "calc8"}


def main():
    with tempfile.TemporaryDirectory() as work:
        profile = "file://" + os.path.join(work, "profile")
        jobs = [("bo-cuc", lambda p: build(p), ["xlsx", "xls", "ods"]),
                ("loc", lambda p: hidden(p, True), ["xls", "ods"]),
                ("an-hang", lambda p: hidden(p, False), ["xls", "ods"])]
        for stem, make, targets in jobs:
            source = os.path.join(work, "source", f"{stem}.xlsx")
            os.makedirs(os.path.dirname(source), exist_ok=True)
            make(source)
            for target in targets:
                out = os.path.join(work, target)
                os.makedirs(out, exist_ok=True)
                subprocess.run(
                    ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to",
                     f"{target}:{FORMATS[target]}", "--outdir", out, source],
                    check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                )
                os.replace(os.path.join(out, f"{stem}.{target}"), os.path.join(OUT, f"{stem}.{target}"))
                print(f"wrote tests/fixtures/{stem}.{target}", file=sys.stderr)


if __name__ == "__main__":
    main()
