#!/usr/bin/env python3
"""A city-sized round: the bundled pack's workbooks repeated K times (K=30 gives about 420
units, 9,000 staff, 1,350 nominees and their five years of history), for `benches/run.sh`.

    python3 benches/city.py K OUT_DIR      # needs openpyxl

Copy c of a unit is `<code>-c` (its staff `<code>-c`, its symbol `<symbol>c`), so every key,
join and book stays distinct; the first copy keeps the pack's codes. OUT_DIR gets the
workbooks in inputs/, the templates and the manifest: `vanban run OUT_DIR/vanban.toml`.
"""

import shutil
import sys
from pathlib import Path

import openpyxl

ROOT = Path(__file__).resolve().parent.parent

# Per workbook and sheet: the columns (0-based) holding a unit code, a staff code, a symbol.
KEYS = {
    ("don-vi", "DonVi"): {"unit": [0], "symbol": [2]},
    ("can-bo", "CanBo"): {"staff": [0], "unit": [1]},
    ("lich-su-khen-thuong", "CaNhan"): {"staff": [0]},
    ("lich-su-khen-thuong", "TapThe"): {"unit": [0]},
    ("cham-diem", "TieuChi"): None,  # the plan's criteria: once
    ("cham-diem", "Diem"): {"unit": [0]},
    ("de-nghi", "CaNhan"): {"staff": [0], "unit": [1]},
    ("de-nghi", "TapThe"): {"unit": [0]},
    ("de-nghi", "HopHoiDong"): None,  # the one meeting
}


def copy_of(value, c, kind):
    if c == 1 or value is None:
        return value
    if kind == "symbol":
        return f"{value}{c}"
    return f"{value}-{c}"


def main():
    k, out = int(sys.argv[1]), Path(sys.argv[2])
    (out / "inputs").mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / "templates", out / "templates", dirs_exist_ok=True)
    shutil.copy(ROOT / "vanban.toml", out / "vanban.toml")
    for book in sorted({b for b, _ in KEYS}):
        source = openpyxl.load_workbook(ROOT / "inputs" / f"{book}.xlsx")
        target = openpyxl.Workbook()
        target.remove(target.active)
        for sheet in source.worksheets:
            keys = KEYS.get((book, sheet.title))
            rows = list(sheet.iter_rows(values_only=True))
            ws = target.create_sheet(sheet.title)
            ws.append(rows[0])
            copies = range(1, k + 1) if keys else [1]
            for c in copies:
                for row in rows[1:]:
                    row = list(row)
                    for kind, columns in (keys or {}).items():
                        for col in columns:
                            row[col] = copy_of(row[col], c, kind)
                    ws.append(row)
            for r in ws.iter_rows(min_row=2):
                for cell in r:
                    if hasattr(cell.value, "year"):
                        cell.number_format = "DD/MM/YYYY"
        target.save(out / "inputs" / f"{book}.xlsx")


if __name__ == "__main__":
    main()
