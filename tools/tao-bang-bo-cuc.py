#!/usr/bin/env python3
"""Generate tests/fixtures/bo-cuc.{xlsx,xls,ods}: one sheet laid out as an office lays out a
list, saved by LibreOffice Calc in its three formats.

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


def main():
    with tempfile.TemporaryDirectory() as work:
        source = os.path.join(work, "bo-cuc.xlsx")
        build(source)
        profile = "file://" + os.path.join(work, "profile")
        for target, filter_name in [("xlsx", "Calc MS Excel 2007 XML"), ("xls", "MS Excel 97"), ("ods", "calc8")]:
            out = os.path.join(work, target)
            os.mkdir(out)
            subprocess.run(
                ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to",
                 f"{target}:{filter_name}", "--outdir", out, source],
                check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )
            os.replace(os.path.join(out, f"bo-cuc.{target}"), os.path.join(OUT, f"bo-cuc.{target}"))
    print("wrote tests/fixtures/bo-cuc.{xlsx,xls,ods}", file=sys.stderr)


if __name__ == "__main__":
    main()
