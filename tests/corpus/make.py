"""Makes the .docx files of tests/corpus (run from this folder: python3 make.py).

Producers: python-docx (1.2), LibreOffice Writer (7.4, from HTML and from python-docx's files
re-saved), Python's ElementTree (a part re-serialised with ns0: prefixes), and a .NET-style
[Content_Types].xml (a Default typing every .xml part as the main document). Each file has a
JSON file of the same stem with a value for every field its tags read; corpus.rs inspects,
checks and renders each one with it.
"""

import io
import json
import os
import re
import struct
import subprocess
import tempfile
import zipfile
import zlib
import xml.etree.ElementTree as ET

from docx import Document
from docx.enum.section import WD_SECTION
from docx.shared import Pt, Inches

HERE = os.path.dirname(os.path.abspath(__file__))


def save(doc, name, data):
    doc.core_properties.title = data.pop("_title", "")
    doc.save(os.path.join(HERE, name + ".docx"))
    write_data(name, data)


def strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for v in value:
            yield from strings(v)
    elif isinstance(value, dict):
        for k, v in value.items():
            if not k.startswith("_"):
                yield from strings(v)


def write_data(name, data):
    """The data, with `_expect`: the texts LibreOffice must show in the output (the data's
    strings, but for dates and multi-line ones, which the template reformats or breaks)."""
    data = dict(data)
    data.setdefault("_expect", [s for s in strings(data)
                                if s and "\n" not in s and not re.fullmatch(r"\d{4}-\d\d-\d\d", s)])
    with open(os.path.join(HERE, name + ".json"), "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=1)
        f.write("\n")


def png():
    """A 2x2 red PNG."""
    raw = b"".join(b"\x00" + b"\xff\x00\x00" * 2 for _ in range(2))
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def runs(paragraph, pieces):
    """Adds runs; a piece starting with '*' is bold."""
    for piece in pieces:
        run = paragraph.add_run(piece.lstrip("*"))
        run.bold = piece.startswith("*")


def python_docx_files():
    # A letter whose tags are split over runs of different formatting.
    doc = Document()
    doc.add_heading("Giấy mời họp", level=1)
    runs(doc.add_paragraph(), ["Kính gửi: ", "{{ten_", "*don_vi", "}}."])
    runs(doc.add_paragraph(), ["Thời gian: {{ngay_thang ngay_hop}}, tại {{default phong \"Phòng họp số 1\"}}."])
    doc.add_paragraph("Nội dung: {{noi_dung}}")
    save(doc, "pd-split-runs", {"_title": "Giấy mời {{ten_don_vi}}", "ten_don_vi": "Sở Tài chính",
                                "ngay_hop": "2025-03-05", "noi_dung": "Tổng kết năm\nPhương hướng"})

    # A table whose row repeats, with a header row and a total.
    doc = Document()
    doc.add_paragraph("Danh sách khen thưởng {{nam}}")
    table = doc.add_table(rows=3, cols=3)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ["STT", "Họ và tên", "Điểm"]):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ["{{#each rows}}{{stt}}", "{{ho_ten}}", "{{so diem 1}}{{/each}}"]):
        cell.text = text
    for cell, text in zip(table.rows[2].cells, ["", "Tổng", "{{so (sum rows \"diem\") 1}}"]):
        cell.text = text
    save(doc, "pd-table-rows", {"nam": 2025, "rows": [{"ho_ten": "Nguyễn Văn An", "diem": 9.5},
                                                      {"ho_ten": "Trần Thị Bình", "diem": 8},
                                                      {"ho_ten": "Lê Chí", "diem": 7.25}]})

    # Headers, footers, sections, a picture, paragraph blocks.
    doc = Document()
    section = doc.sections[0]
    section.header.paragraphs[0].text = "{{co_quan}} - {{so_hieu}}"
    section.footer.paragraphs[0].text = "Trang cuối: {{nguoi_ky}}"
    doc.add_paragraph("{{#if co_anh}}")
    with tempfile.NamedTemporaryFile(suffix=".png", delete=False) as f:
        f.write(png())
    doc.add_picture(f.name, width=Inches(0.5))
    os.unlink(f.name)
    doc.add_paragraph("Ảnh của {{co_quan}}")
    doc.add_paragraph("{{/if}}")
    doc.add_section(WD_SECTION.NEW_PAGE)
    doc.add_paragraph("{{#each rows}}")
    doc.add_paragraph("Mục {{stt}}: {{ten}}", style="List Number")
    doc.add_paragraph("{{/each}}")
    save(doc, "pd-sections-picture", {"co_quan": "UBND tỉnh", "so_hieu": "12/QĐ-UBND", "nguoi_ky": "Phạm Văn Dũng",
                                      "co_anh": True, "rows": [{"ten": "Một"}, {"ten": "Hai"}]})

    # A picture repeated in each row (drawing ids must stay unique).
    doc = Document()
    doc.add_paragraph("{{#each rows}}")
    with tempfile.NamedTemporaryFile(suffix=".png", delete=False) as f:
        f.write(png())
    doc.add_picture(f.name, width=Inches(0.3))
    os.unlink(f.name)
    doc.add_paragraph("{{ho_ten}} ({{la_ma @index}})".replace("{{la_ma @index}}", "{{stt}}"))
    doc.add_paragraph("{{/each}}")
    save(doc, "pd-repeated-picture", {"rows": [{"ho_ten": "An"}, {"ho_ten": "Bình"}, {"ho_ten": "Chi"}]})

    # A code listing: braces with no tag, literal braces, and one tag.
    doc = Document()
    doc.add_paragraph("Mẫu mã nguồn của {{tac_gia}}:")
    for line in ["fn main() {", "    if x { y(); }}", "}", "Viết \\{{ten}} để in {{ten}} nguyên văn."]:
        p = doc.add_paragraph()
        run = p.add_run(line)
        run.font.name = "Courier New"
        run.font.size = Pt(10)
    save(doc, "pd-code-listing", {"tac_gia": "Tổ phần mềm", "ten": "Tên"})

    # No tags at all: copied through unchanged.
    doc = Document()
    doc.add_paragraph("Văn bản không có trường nào.")
    doc.add_table(rows=2, cols=2).style = "Table Grid"
    save(doc, "pd-no-tags", {})


def respell_elementtree(source, name):
    """word/document.xml re-serialised by ElementTree: ns0:, ns1: prefixes everywhere."""
    with zipfile.ZipFile(os.path.join(HERE, source + ".docx")) as z:
        entries = [(i, z.read(i.filename)) for i in z.infolist()]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in entries:
            if info.filename == "word/document.xml":
                root = ET.fromstring(data)
                data = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + ET.tostring(root)
                # ElementTree keeps mc:Ignorable's value though it renamed the prefixes in it.
                data = re.sub(rb' ns\d+:Ignorable="[^"]*"', b"", data)
            z.writestr(info.filename, data)
    with open(os.path.join(HERE, name + ".docx"), "wb") as f:
        f.write(out.getvalue())
    with open(os.path.join(HERE, source + ".json"), encoding="utf-8") as f:
        write_data(name, json.load(f))


def dotnet_content_types(source, name):
    """[Content_Types].xml as the .NET packaging code writes it: no Override for the body."""
    with zipfile.ZipFile(os.path.join(HERE, source + ".docx")) as z:
        entries = [(i, z.read(i.filename)) for i in z.infolist()]
    out = io.BytesIO()
    main = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in entries:
            if info.filename == "[Content_Types].xml":
                text = data.decode("utf-8")
                text = re.sub(r'<Override PartName="/word/document.xml"[^>]*/>', "", text)
                text = re.sub(r'<Default Extension="xml" ContentType="[^"]*"/>',
                              f'<Default Extension="xml" ContentType="{main}"/>', text)
                # Every other .xml part keeps (or gets) its own Override.
                for part in [i.filename for i, _ in entries]:
                    if part.endswith(".xml") and part != "word/document.xml" and f'"/{part}"' not in text:
                        kind = "application/xml"
                        text = text.replace("</Types>", f'<Override PartName="/{part}" ContentType="{kind}"/></Types>')
                data = text.encode("utf-8")
            z.writestr(info.filename, data)
    with open(os.path.join(HERE, name + ".docx"), "wb") as f:
        f.write(out.getvalue())
    with open(os.path.join(HERE, source + ".json"), encoding="utf-8") as f:
        write_data(name, json.load(f))


HTML = {
    "lo-letter": ("""<html><body><h1>CÔNG VĂN</h1>
<p>Kính gửi: <b>{{ten_don_vi}}</b></p>
<p>Số: {{so}}/{{ky_hieu}}, {{ngay_thang ngay_ky}}</p>
<ul><li>Nội dung một: {{mot}}</li><li>Nội dung hai: {{hoa hai}}</li></ul>
<p>Số tiền: {{so tien}} đồng ({{doc_tien tien}}).</p></body></html>""",
                  {"ten_don_vi": "Phòng Tổ chức", "so": 5, "ky_hieu": "CV-STC", "ngay_ky": "2025-01-15",
                   "mot": "Rà soát", "hai": "báo cáo", "tien": 1250000,
                   "_expect": ["Phòng Tổ chức", "Số: 5/CV-STC, ngày 15 tháng 01 năm 2025", "Rà soát", "BÁO CÁO",
                               "1.250.000", "Một triệu hai trăm năm mươi nghìn đồng"]}),
    "lo-table": ("""<html><body><p>Bảng {{nam}}</p>
<table border="1"><tr><th>STT</th><th>Đơn vị</th><th>Số người</th></tr>
<tr><td>{{#each rows}}{{stt}}</td><td>{{don_vi}}</td><td>{{so_nguoi}}{{/each}}</td></tr></table>
<p>{{#if ghi_chu}}Ghi chú: {{ghi_chu}}{{else}}Không có ghi chú{{/if}}</p></body></html>""",
                 {"nam": 2024, "ghi_chu": "", "rows": [{"don_vi": "Phòng A", "so_nguoi": 3},
                                                         {"don_vi": "Phòng B", "so_nguoi": 12}]}),
    "lo-nested-table": ("""<html><body><table border="1"><tr><td><p>Ngoài {{a}}</p>
<table border="1"><tr><td>{{#each rows}}{{ten}}</td><td>{{gia_tri}}{{/each}}</td></tr></table></td></tr></table>
<p>Cuối: {{b}}</p></body></html>""",
                        {"a": "x", "b": "y", "rows": [{"ten": "Một", "gia_tri": 1}, {"ten": "Hai", "gia_tri": 2}]}),
}


def libreoffice_files():
    work = tempfile.mkdtemp()
    sources = []
    for name, (html, data) in HTML.items():
        path = os.path.join(work, name + ".html")
        with open(path, "w", encoding="utf-8") as f:
            f.write(html)
        sources.append(path)
        write_data(name, data)
    # python-docx's files re-saved by LibreOffice.
    for name in ["pd-split-runs", "pd-sections-picture"]:
        path = os.path.join(work, "lo-resaved-" + name[3:] + ".docx")
        with open(os.path.join(HERE, name + ".docx"), "rb") as f, open(path, "wb") as g:
            g.write(f.read())
        sources.append(path)
        with open(os.path.join(HERE, name + ".json"), encoding="utf-8") as f:
            write_data("lo-resaved-" + name[3:], json.load(f))
    out = os.path.join(work, "out")
    subprocess.run(["soffice", f"-env:UserInstallation=file://{work}/profile", "--headless",
                    "--convert-to", "docx:MS Word 2007 XML", "--outdir", out] + sources,
                   check=True, capture_output=True)
    for name in os.listdir(out):
        with open(os.path.join(out, name), "rb") as f, open(os.path.join(HERE, name), "wb") as g:
            g.write(f.read())


if __name__ == "__main__":
    python_docx_files()
    respell_elementtree("pd-table-rows", "et-ns0-table-rows")
    respell_elementtree("pd-split-runs", "et-ns0-split-runs")
    dotnet_content_types("pd-sections-picture", "net-default-content-types")
    libreoffice_files()
