"""Seeds fuzz/corpus/<target>/ from the test fixtures and a few hand-written inputs.

Run from fuzz/: python3 seeds.py
"""
import glob
import os
import re
import zipfile

fx = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'tests', 'fixtures')
os.makedirs('corpus/template', exist_ok=True)
os.makedirs('corpus/load_table', exist_ok=True)

def w(d,name,data):
    if isinstance(data,str): data=data.encode()
    open(f'corpus/{d}/{name}','wb').write(data)
for i,f in enumerate(sorted(glob.glob(fx+'/*.docx'))):
    z=zipfile.ZipFile(f)
    doc=z.read('word/document.xml')
    w('template',f'raw{i}',b'\x01'+doc)
    m=re.search(rb'<w:body>(.*)</w:body>',doc,re.S)
    if m:
        body=re.sub(rb'<w:sectPr.*?</w:sectPr>',b'',m.group(1),flags=re.S)
        w('template',f'body{i}',b'\x00'+body)
        w('template',f'bodys{i}',b'\x02'+body)
bodies=[
 '<w:p><w:r><w:t>Kính gửi: {{ten}}</w:t></w:r></w:p>',
 '<w:p><w:r><w:t>{{#each rows}}</w:t></w:r></w:p><w:p><w:r><w:t>{{ten}} {{so}}</w:t></w:r></w:p><w:p><w:r><w:t>{{/each}}</w:t></w:r></w:p>',
 '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>{{#each rows}}{{ten}}</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>{{so}}{{/each}}</w:t></w:r></w:p></w:tc></w:tr></w:tbl>',
 '<w:p><w:r><w:t>{{#if co}}Có{{else}}Không{{/if}} {{bad}} {{ngoac}} \\{{x}}</w:t></w:r></w:p>',
 '<w:p><w:r><w:t>{{ng</w:t></w:r><w:bookmarkStart w:id="0" w:name="a"/><w:r><w:t>ay}}</w:t></w:r><w:bookmarkEnd w:id="0"/></w:p>',
 '<w:p><w:r><w:t>{{so_tien so}} {{ngay_thang ngay}} {{upper ten}} {{!-- c --}}</w:t></w:r></w:p>',
]
for i,b in enumerate(bodies):
    w('template',f'hand{i}','\x00'+b)
for f in glob.glob(fx+'/*.xlsx'):
    n=os.path.basename(f)
    w('load_table','raw-'+n,b'\x00'+open(f,'rb').read())
    z=zipfile.ZipFile(f)
    for name in z.namelist():
        if name.startswith('xl/worksheets/sheet'):
            s=z.read(name)
            m=re.search(rb'<worksheet[^>]*>',s)
            w('load_table',f'sheet-{n}-{os.path.basename(name)}',b'\x06'+s[m.end():])
for f in glob.glob(fx+'/*.ods'):
    n=os.path.basename(f)
    w('load_table','raw-'+n,b'\x03'+open(f,'rb').read())
    w('load_table','content-'+n,b'\x07'+zipfile.ZipFile(f).read('content.xml'))
w('load_table','hand-sheet','\x06<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>Ngày</t></is></c></row><row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="e"><v>#DIV/0!</v></c><c r="C2" s="1"><v>45961</v></c></row><row r="3"><c r="A3" t="b"><v>1</v></c><c r="B3"><v>8.5</v></c><c r="C3" s="3"><v>0.5</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>')
w('load_table','csv1','\x04\ufeffHọ và tên,Mã đơn vị,Điểm\nAn,012,8.5\n"Bình, B",CCTL,-4\n\n;x\n')
w('load_table','csv2','\x04a;b;c\n1;2;3\n"x""y";;\n')
w('load_table','json1','\x05[{"Mã": "CCTL", "so": 1207, "ds": [1, {"a": null}]}, {"so": true}]')
w('load_table','json2','\x05{"so": "12/QD", "ngay": "31/10/2025"}')
