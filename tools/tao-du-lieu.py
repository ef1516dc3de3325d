#!/usr/bin/env python3
"""Generate the input workbooks of the Hà Nội pack (inputs/*.xlsx).

    python3 tools/tao-du-lieu.py          # from the repository root; needs openpyxl and soffice

Writes, from a fixed random seed and no clock (two runs give the same bytes):

    inputs/don-vi.xlsx              DonVi                     14 units
    inputs/can-bo.xlsx              CanBo                     300 staff
    inputs/lich-su-khen-thuong.xlsx CaNhan, TapThe            award history 2019-2023
    inputs/cham-diem.xlsx           TieuChi, Diem             criteria of plan II.3.1 a/b, scores
    inputs/de-nghi.xlsx             CaNhan, TapThe, HopHoiDong nominations and the Council meeting

The data model is /work/pack-spec.md. Each workbook is written with openpyxl, then saved
again by LibreOffice Calc (soffice --convert-to xlsx; Debian package libreoffice-calc-nogui)
so that it looks like a file an office keeps; the frozen header row that a headless Calc
drops is put back in Calc's own markup, and zip entry times and document dates are fixed.
DonVi's last column, Tên tiêu đề, is a unit's name as its header prints it, with the line
breaks a clerk types (Alt+Enter) where a long name must break between the words that belong
together (QHKH, TNN); empty for the others.
The script ends by reading the files back and checking types, every cross-reference and
every planted case below.

THE ROUND is that of 2024 (NAM), issued in late 2024: the last under Sở Tài nguyên và Môi
trường Hà Nội, which merged into Sở Nông nghiệp và Môi trường in 2025. Its timeline: units'
plans by 31/03/2024, reports by 15/11/2024, requests and achievement reports (DonVi Ngày tờ
trình) by 28/11/2024, the Council on 05/12/2024, the decision on 12/12/2024. The award history
covers the five years before, 2019-2023. Columns added for the round's checks: DonVi M Ngày
tờ trình; de-nghi CaNhan I and TapThe H Phiếu không biểu quyết (present, not voting or
abstaining), CaNhan J and TapThe I Ngoại lệ của Hội đồng (the Council's recorded exception).

PLANTED CASES (everything else passes every rule). Rows are sheet rows (header = row 1).
The script asserts that these codes and rows are what it generates.

de-nghi.xlsx CaNhan - individual nominations (45 rows: 15 CSTĐCS, 24 Giấy khen, 6 Bằng khen)
  quota CSTĐCS 15%     QHKH (12 staff) nominates 3 CSTĐCS: CB0046, CB0049, CB0051
                       (CaNhan!8-10); each of the three is otherwise clean
  quota Bằng khen 1    VPDKDD nominates 2 Bằng khen: CB0158, CB0159 (CaNhan!33-34),
                       both with a passing history
  votes CSTĐCS 8/11    CB0147 (CCBVMT, CaNhan!24) and CB0216 (TTPTQD, CaNhan!36): fail 80%
  votes CSTĐCS 9/11    CB0007 (VP, CaNhan!2): passes exactly (81.82%); every other
                       CSTĐCS has 10 or 11
  votes other 5/11     CB0070 (KHTC, Giấy khen, CaNhan!15): fails 50% (45.45%)
  votes other 6/11     CB0094 (TNN, Giấy khen, CaNhan!18): passes exactly (54.55%); every
                       other Giấy khen / Bằng khen has 7 or more
  votes add up         Phiếu đồng ý + Phiếu không đồng ý + Phiếu không biểu quyết = 11 (the
                       members present) on every row of CaNhan and TapThe, except CB0021 (VP,
                       Giấy khen, CaNhan!4): 10 + 0 + 0 = 10, one member unaccounted for (a
                       warning; it passes either way)
  Council exception    CB0159 (VPDKDD, CaNhan!34), the second Bằng khen over the quota of 1:
                       Ngoại lệ của Hội đồng "Hội đồng thống nhất đề nghị vượt chỉ tiêu do có
                       thành tích đột xuất trong công tác đo đạc bản đồ"; the column is empty on
                       every other row of CaNhan and TapThe
  rating HTNV          CB0104 (KS, Giấy khen, CaNhan!20): Xếp loại Hoàn thành nhiệm vụ
                       (rule III.2.2, rating), Danh hiệu empty, has a Thành tích
  CSTĐCS without LĐTT  CB0241 (TTCNTT, CaNhan!41): Danh hiệu empty (rated HTTNV, has an
                       initiative), so the Chiến sĩ thi đua cơ sở rule fires
  no achievement       CB0059 (DKTK, Giấy khen, CaNhan!13) and CB0220 (TTPTQD, Giấy khen,
                       CaNhan!38): Thành tích empty and no Sáng kiến (rule III.2.2, twice);
                       every other Thành tích is the nominee's own (unit's work, post, a number
                       of its own, the year): no two are the same
  Bằng khen history    pass: CB0002 (VP, CaNhan!5), CB0158 and CB0159 (VPDKDD, CaNhan!33-34),
                       CB0199 (TTPTQD, CaNhan!39): HTXSNV in 2022 and 2023, CSTĐCS in 2022
                       and 2023 (and 2024 rated HTXSNV, initiative recognised by the City)
                       fail: CB0135 (CCBVMT, CaNhan!27): CSTĐCS 2021 and 2023, none in 2022
                       fail: CB0270 (TTQT, CaNhan!46): rated Hoàn thành tốt nhiệm vụ in 2023
                       (CSTĐCS 2022 and 2023 present)
  CSTĐCS branches      CB0275 (TTQT, CaNhan!43) qualifies by a research project only (rated
                       HTTNV, no initiative); CB0085 (QLDD, CaNhan!16) by an initiative only
                       (rated HTTNV); the other CSTĐCS are rated HTXSNV with an initiative
  same names           "Nguyễn Thị Thu Hà" CB0024 (VP) and CB0285 (TTQT, Giấy khen nominee,
                       CaNhan!45); "Nguyễn Văn Hùng" CB0079 (QLDD) and CB0194 (VPDKDD);
                       "Phạm Minh Tuấn" CB0122 (DDBD) and CB0248 (TTCNTT)

de-nghi.xlsx TapThe - collective nominations (8 rows)
  LĐTT below 70%       TNN (TapThe!3), nominated Tập thể lao động tiên tiến: 8 of its 12
                       staff are Lao động tiên tiến (66.67%)
  Cảnh cáo             CB0150 (CCBVMT) has Kỷ luật Cảnh cáo; CCBVMT (TapThe!4) is nominated
                       Tập thể lao động tiên tiến (its LĐTT share is 85.71%, above 70%)
  Khiển trách          CB0208 (TTPTQD) is reprimanded; TTPTQD (TapThe!5) is nominated
                       Tập thể lao động tiên tiến and passes (a reprimand is below a warning);
                       two more reprimands: CB0022 (VP), CB0284 (TTQT)
  the others           QLDD (TapThe!2) and TTCNTT (TapThe!6) Tập thể lao động tiên tiến,
                       KHTC and TTQT Giấy khen (TapThe!7-8) all pass
  Cờ thi đua           VPDKDD (TapThe!9), Thành phố, 10/11 votes, 1st on the Council total

cham-diem.xlsx Diem - Council totals are distinct except KS and DDBD, tied at 84.5 (rank 12
  both); VPDKDD is 1st with 95.5, DKTK last (14th) with 83. The Council gives more than the
  unit claimed on one row each of TTCNTT and KS; elsewhere Hội đồng <= tự chấm.

can-bo.xlsx CanBo - CB0068 (KHTC, CanBo!69) is rated Hoàn thành nhiệm vụ but listed
  Lao động tiên tiến: the roster's Lao động tiên tiến rule fires once.

don-vi.xlsx DonVi - Đã nộp báo cáo = Không (Ngày nộp báo cáo empty): TTS, DKTK, KS, DDBD.
  Ngày tờ trình (the unit's request and its nominees' achievement reports) 18/11-28/11/2024
  for every unit that nominates anyone (all 14 do). Ký hiệu are distinct (Thanh tra Sở: TTS).
  Ngày kế hoạch after 31/03/2024: KS (02/04/2024) and DDBD (08/04/2024); the other plans
  are dated 07/03-27/03/2024. The reporting units' Ngày nộp báo cáo lie in 05/11-15/11/2024
  (the reporting deadline is 15/11/2024).

de-nghi.xlsx HopHoiDong - the round of 2024: the Council meets on 05/12/2024 (Ngày họp) and
  decision 125/QĐ-STNMT is dated 12/12/2024 (Ngày quyết định).
"""

import datetime as dt
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

SEED = 20251210
ROOT = Path(__file__).resolve().parent.parent
INPUTS = ROOT / "inputs"
NAM = 2024
FIXED_ZIP_TIME = (2024, 12, 1, 0, 0, 0)
FIXED_W3CDTF = "2024-12-01T00:00:00Z"
FIXED_DT = dt.datetime(2024, 12, 1, 0, 0, 0)
D = dt.date

XS = "Hoàn thành xuất sắc nhiệm vụ"
TOT = "Hoàn thành tốt nhiệm vụ"
HT = "Hoàn thành nhiệm vụ"
KHT = "Không hoàn thành nhiệm vụ"
LDTT = "Lao động tiên tiến"
CSTDCS = "Chiến sĩ thi đua cơ sở"
CSTDTP = "Chiến sĩ thi đua Thành phố"
TTLDTT = "Tập thể lao động tiên tiến"
GK_SO = "Giấy khen của Giám đốc Sở"
BK_TP = "Bằng khen của Chủ tịch UBND Thành phố"
CO_TP = "Cờ thi đua của UBND Thành phố"
SO = "Sở Tài nguyên và Môi trường"
UBND = "UBND thành phố Hà Nội"
PHONG_TRAO = ("Đẩy mạnh phát triển kết cấu hạ tầng đồng bộ, hiện đại; "
              "thực hành tiết kiệm, chống lãng phí")

# The codes and sheet rows the docstring promises; checked at the end of every run.
EXPECTED = {
    "quota_cstdcs": ["CB0046", "CB0049", "CB0051"],
    "quota_bang_khen": ["CB0158", "CB0159"],
    "votes_cstdcs_8": ["CB0147", "CB0216"],
    "votes_cstdcs_9": ["CB0007"],
    "votes_other_5": ["CB0070"],
    "votes_other_6": ["CB0094"],
    "votes_sum_10": ["CB0021"],
    "exception": ["CB0159"],
    "rating_htnv": ["CB0104"],
    "cstdcs_no_ldtt": ["CB0241"],
    "no_achievement": ["CB0059", "CB0220"],
    "bk_pass": ["CB0002", "CB0158", "CB0159", "CB0199"],
    "bk_missing_2022": ["CB0135"],
    "bk_httnv_2023": ["CB0270"],
    "cstdcs_research": ["CB0275"],
    "cstdcs_initiative": ["CB0085"],
    "canh_cao": ["CB0150"],
    "khien_trach": ["CB0022", "CB0208", "CB0284"],
    "same_names": {"Nguyễn Thị Thu Hà": ["CB0024", "CB0285"],
                   "Nguyễn Văn Hùng": ["CB0079", "CB0194"],
                   "Phạm Minh Tuấn": ["CB0122", "CB0248"]},
}
EXPECTED_ROWS = {
    "CB0007": 2, "CB0021": 4, "CB0002": 5, "CB0046": 8, "CB0049": 9, "CB0051": 10, "CB0059": 13,
    "CB0070": 15, "CB0085": 16, "CB0094": 18, "CB0104": 20, "CB0147": 24, "CB0135": 27,
    "CB0158": 33, "CB0159": 34, "CB0216": 36, "CB0220": 38, "CB0199": 39, "CB0241": 41,
    "CB0275": 43, "CB0285": 45, "CB0270": 46,
}
EXPECTED_TAP_THE = ["QLDD", "TNN", "CCBVMT", "TTPTQD", "TTCNTT", "KHTC", "TTQT", "VPDKDD"]


def nfc(s):
    return unicodedata.normalize("NFC", s) if isinstance(s, str) else s


# =========================================================================== units

HQ = "18 Huỳnh Thúc Kháng, phường Láng Hạ, quận Đống Đa, Hà Nội"

# code, name, symbol, kind, head title, deputy title, staff, domain, address, phone,
# plan date, reported, report date
UNITS = [
    ("VP", "Văn phòng Sở", "VP", "Văn phòng", "Chánh Văn phòng", "Phó Chánh Văn phòng", 24,
     "vp", HQ, "024 3773 1552", D(2024, 3, 12), True, D(2024, 11, 8)),
    ("TTS", "Thanh tra Sở", "TTS", "Thanh tra", "Chánh Thanh tra", "Phó Chánh Thanh tra", 16,
     "tts", HQ, "024 3773 1568", D(2024, 3, 20), False, None),
    ("QHKH", "Phòng Quy hoạch - Kế hoạch sử dụng đất", "QHKHSDĐ", "Phòng", "Trưởng phòng",
     "Phó Trưởng phòng", 12, "qhkh", HQ, "024 3773 1574", D(2024, 3, 18), True, D(2024, 11, 12)),
    ("DKTK", "Phòng Đăng ký thống kê đất đai", "ĐKTKĐĐ", "Phòng", "Trưởng phòng",
     "Phó Trưởng phòng", 12, "dktk", HQ, "024 3773 1581", D(2024, 3, 25), False, None),
    ("KHTC", "Phòng Kế hoạch - Tài chính", "KHTC", "Phòng", "Trưởng phòng", "Phó Trưởng phòng",
     11, "khtc", HQ, "024 3773 1593", D(2024, 3, 14), True, D(2024, 11, 11)),
    ("QLDD", "Phòng Quản lý đất đai", "QLĐĐ", "Phòng", "Trưởng phòng", "Phó Trưởng phòng", 14,
     "qldd", HQ, "024 3773 1605", D(2024, 3, 19), True, D(2024, 11, 14)),
    ("TNN", "Phòng Tài nguyên nước, Khí tượng thủy văn và Biến đổi khí hậu", "TNN", "Phòng",
     "Trưởng phòng", "Phó Trưởng phòng", 12, "tnn", HQ, "024 3773 1617", D(2024, 3, 27), True,
     D(2024, 11, 15)),
    ("KS", "Phòng Khoáng sản", "KS", "Phòng", "Trưởng phòng", "Phó Trưởng phòng", 11, "ks", HQ,
     "024 3773 1629", D(2024, 4, 2), False, None),
    ("DDBD", "Phòng Đo đạc, Bản đồ và Viễn thám", "ĐĐBĐ", "Phòng", "Trưởng phòng",
     "Phó Trưởng phòng", 10, "ddbd", HQ, "024 3773 1636", D(2024, 4, 8), False, None),
    ("CCBVMT", "Chi cục Bảo vệ môi trường", "CCBVMT", "Chi cục", "Chi cục trưởng",
     "Phó Chi cục trưởng", 28, "ccbvmt",
     "17 Trung Yên 3, phường Yên Hòa, quận Cầu Giấy, Hà Nội", "024 3773 2640", D(2024, 3, 11),
     True, D(2024, 11, 6)),
    ("VPDKDD", "Văn phòng Đăng ký đất đai Hà Nội", "VPĐKĐĐ", "Trung tâm", "Giám đốc",
     "Phó Giám đốc", 45, "vpdk", "Số 6 Nguyễn Cảnh Dị, phường Đại Kim, quận Hoàng Mai, Hà Nội",
     "024 3773 3266", D(2024, 3, 7), True, D(2024, 11, 5)),
    ("TTPTQD", "Trung tâm Phát triển quỹ đất", "TTPTQĐ", "Trung tâm", "Giám đốc", "Phó Giám đốc",
     38, "ttptqd", "Số 99 Lê Duẩn, phường Cửa Nam, quận Hoàn Kiếm, Hà Nội", "024 3773 3418",
     D(2024, 3, 21), True, D(2024, 11, 13)),
    ("TTCNTT", "Trung tâm Công nghệ thông tin tài nguyên môi trường", "TTCNTT", "Trung tâm",
     "Giám đốc", "Phó Giám đốc", 30, "ttcntt",
     "Tầng 4, số 18 Huỳnh Thúc Kháng, phường Láng Hạ, quận Đống Đa, Hà Nội", "024 3773 1720",
     D(2024, 3, 15), True, D(2024, 11, 7)),
    ("TTQT", "Trung tâm Quan trắc tài nguyên và môi trường", "TTQT", "Trung tâm", "Giám đốc",
     "Phó Giám đốc", 37, "ttqt",
     "Số 5 Hoàng Minh Giám, phường Trung Hòa, quận Cầu Giấy, Hà Nội", "024 3773 2895",
     D(2024, 3, 22), True, D(2024, 11, 14)),
]
UNIT_ORDER = {u[0]: i for i, u in enumerate(UNITS)}

# A unit's name as its header prints it, where it breaks between the words that belong
# together (the line breaks are the clerk's, typed with Alt+Enter); empty: the name itself.
TEN_TIEU_DE = {
    "QHKH": "Phòng Quy hoạch - Kế hoạch\nsử dụng đất",
    "TNN": "Phòng Tài nguyên nước,\nKhí tượng thủy văn\nvà Biến đổi khí hậu",
}

# The date of a unit's Tờ trình đề nghị khen thưởng and of its nominees' achievement reports:
# after the reports (by 15/11), before the file deadline 28/11/2024, on working days. A unit
# that nominates no one has none (every unit of the pack nominates someone).
NGAY_TO_TRINH = {
    "VPDKDD": D(2024, 11, 18), "CCBVMT": D(2024, 11, 19), "KHTC": D(2024, 11, 20),
    "TTCNTT": D(2024, 11, 20), "QLDD": D(2024, 11, 21), "QHKH": D(2024, 11, 22),
    "TTPTQD": D(2024, 11, 22), "VP": D(2024, 11, 25), "TTQT": D(2024, 11, 25),
    "TTS": D(2024, 11, 26), "TNN": D(2024, 11, 26), "DKTK": D(2024, 11, 27),
    "KS": D(2024, 11, 28), "DDBD": D(2024, 11, 28),
}

# Kết quả nổi bật, Tồn tại hạn chế, Phương hướng, Kiến nghị, Chức năng nhiệm vụ, Quá trình.
UNIT_TEXT = {
    "VP": (
        "Tham mưu Ban Giám đốc ban hành Kế hoạch thực hiện phong trào thi đua năm 2024 và "
        "hướng dẫn các Phòng, đơn vị triển khai đúng tiến độ. Chủ trì số hóa toàn bộ hồ sơ "
        "lưu trữ giai đoạn 2019-2023, vận hành hệ thống quản lý văn bản và điều hành không giấy "
        "tờ. Tiết kiệm 11,5% chi thường xuyên so với dự toán được giao.",
        "Một số đơn vị còn chậm gửi báo cáo định kỳ, ảnh hưởng đến việc tổng hợp chung của Sở.",
        "Tiếp tục đẩy mạnh chuyển đổi số trong công tác văn phòng; theo dõi, đôn đốc sát sao "
        "các đơn vị thực hiện phong trào thi đua.",
        "Đề nghị Sở bố trí kinh phí nâng cấp hệ thống lưu trữ điện tử trong năm 2025.",
        "Tham mưu, tổng hợp, điều phối hoạt động chung của Sở; thực hiện công tác hành chính, "
        "văn thư, lưu trữ, thi đua, khen thưởng và quản trị cơ quan.",
        "Thành lập năm 2003 cùng với Sở Tài nguyên, Môi trường và Nhà đất Hà Nội, được kiện "
        "toàn năm 2008 sau khi hợp nhất địa giới hành chính Thủ đô."),
    "TTS": (
        "Hoàn thành 100% kế hoạch thanh tra, kiểm tra năm 2024 với 42 cuộc thanh tra, kiểm tra "
        "về đất đai, môi trường, khoáng sản. Kiến nghị thu hồi 18,6 tỷ đồng và xử phạt vi phạm "
        "hành chính 64 tổ chức, cá nhân. Giải quyết dứt điểm 96% đơn thư khiếu nại, tố cáo "
        "thuộc thẩm quyền.",
        "Việc theo dõi, đôn đốc thực hiện kết luận thanh tra tại một số địa phương còn chậm.",
        "Tăng cường thanh tra chuyên đề về quản lý, sử dụng đất công và khai thác khoáng sản; "
        "nâng cao hiệu quả phòng, chống tham nhũng, lãng phí.",
        "Đề nghị bổ sung 02 biên chế thanh tra viên có chuyên môn về khoáng sản.",
        "Thanh tra, kiểm tra việc chấp hành pháp luật về tài nguyên và môi trường; giải quyết "
        "khiếu nại, tố cáo và phòng, chống tham nhũng theo quy định.",
        "Thành lập năm 2003, là cơ quan thanh tra chuyên ngành về tài nguyên và môi trường "
        "trực thuộc Sở."),
    "QHKH": (
        "Tham mưu thẩm định, trình phê duyệt kế hoạch sử dụng đất năm 2024 của 30 quận, huyện, "
        "thị xã đúng thời hạn. Rà soát, đề xuất điều chỉnh chỉ tiêu sử dụng đất cho 126 dự án "
        "hạ tầng trọng điểm, trong đó có dự án Đường Vành đai 4 - Vùng Thủ đô.",
        "Chất lượng hồ sơ đề xuất nhu cầu sử dụng đất của một số địa phương chưa cao, phải bổ "
        "sung nhiều lần.",
        "Hoàn thiện hồ sơ kế hoạch sử dụng đất năm 2025, bảo đảm quỹ đất cho các công trình hạ "
        "tầng giao thông và hạ tầng xã hội.",
        "Đề nghị Sở sớm cập nhật cơ sở dữ liệu quy hoạch sử dụng đất dùng chung cho các đơn vị.",
        "Tham mưu quản lý nhà nước về quy hoạch, kế hoạch sử dụng đất; thẩm định quy hoạch, kế "
        "hoạch sử dụng đất cấp huyện.",
        "Thành lập năm 2009 trên cơ sở tách từ Phòng Quản lý đất đai."),
    "DKTK": (
        "Hoàn thành thống kê đất đai năm 2023; triển khai kiểm kê đất đai, lập bản đồ hiện trạng "
        "sử dụng đất năm 2024 trên địa bàn Thành phố. Hướng dẫn các quận, huyện cập nhật biến động "
        "đất đai vào cơ sở dữ liệu, rút ngắn 20% thời gian tổng hợp số liệu.",
        "Số liệu thống kê của một số xã, phường còn sai lệch so với hồ sơ địa chính.",
        "Chuẩn hóa số liệu thống kê, kiểm kê đất đai theo Luật Đất đai năm 2024 và kết nối với "
        "cơ sở dữ liệu đất đai quốc gia.",
        "Đề nghị bố trí kinh phí tập huấn phần mềm thống kê, kiểm kê đất đai cho cán bộ cấp xã.",
        "Tham mưu quản lý nhà nước về đăng ký đất đai, lập hồ sơ địa chính, thống kê, kiểm kê "
        "đất đai trên địa bàn Thành phố.",
        "Thành lập năm 2009, kiện toàn chức năng, nhiệm vụ năm 2016."),
    "KHTC": (
        "Tham mưu giải ngân 98,7% kế hoạch vốn đầu tư công năm 2024 được giao, cao hơn mức bình "
        "quân của Thành phố. Rà soát, cắt giảm 8% dự toán chi thường xuyên và hoàn thành quyết "
        "toán ngân sách năm 2023 đúng hạn.",
        "Tiến độ giải ngân một số dự án chuẩn bị đầu tư trong quý I còn chậm.",
        "Thực hiện nghiêm Luật Đầu tư công, tăng cường kiểm soát suất đầu tư; đẩy mạnh tự chủ "
        "tài chính tại các đơn vị sự nghiệp.",
        "Đề nghị Thành phố sớm giao kế hoạch vốn năm 2025 để chủ động triển khai.",
        "Tham mưu công tác kế hoạch, tài chính, đầu tư công, quản lý tài sản công và kiểm tra "
        "công tác tài chính của các đơn vị trực thuộc Sở.",
        "Thành lập năm 2008 trên cơ sở Phòng Kế hoạch - Tài chính của Sở Tài nguyên, Môi "
        "trường và Nhà đất."),
    "QLDD": (
        "Thẩm định, trình UBND Thành phố giao đất, cho thuê đất 214 hồ sơ, bảo đảm mặt bằng cho "
        "các dự án hạ tầng trọng điểm. Rà soát, xử lý 37 dự án chậm đưa đất vào sử dụng, thu "
        "hồi 52 ha đất đưa vào quỹ đất của Thành phố.",
        "Khối lượng hồ sơ lớn trong khi biên chế còn mỏng, một số hồ sơ phức tạp còn kéo dài "
        "thời gian giải quyết.",
        "Đẩy nhanh thẩm định hồ sơ giao đất, cho thuê đất, chuyển mục đích sử dụng đất; tham "
        "mưu ban hành các quy định chi tiết Luật Đất đai năm 2024.",
        "Đề nghị UBND Thành phố phân cấp thêm cho Sở trong thẩm định giá đất cụ thể.",
        "Tham mưu quản lý nhà nước về giao đất, cho thuê đất, thu hồi đất, chuyển mục đích sử "
        "dụng đất và giá đất trên địa bàn Thành phố.",
        "Thành lập năm 2003, là một trong những phòng chuyên môn đầu tiên của Sở."),
    "TNN": (
        "Cấp 86 giấy phép tài nguyên nước, vận hành mạng lưới 24 trạm quan trắc tự động trên "
        "sông Hồng, sông Đuống, sông Nhuệ - Đáy. Tham mưu ban hành Kế hoạch hành động ứng phó "
        "với biến đổi khí hậu của Thành phố giai đoạn 2025-2030.",
        "Một số trạm quan trắc tự động hoạt động chưa ổn định, dữ liệu truyền về còn gián đoạn.",
        "Hoàn thiện cơ sở dữ liệu tài nguyên nước, tăng cường kiểm tra việc khai thác nước dưới "
        "đất tại các khu công nghiệp.",
        "Đề nghị bố trí kinh phí bảo trì các trạm quan trắc tự động đã hết thời gian bảo hành.",
        "Tham mưu quản lý nhà nước về tài nguyên nước, khí tượng thủy văn và biến đổi khí hậu "
        "trên địa bàn Thành phố.",
        "Thành lập năm 2008, được bổ sung chức năng về khí tượng thủy văn và biến đổi khí hậu "
        "năm 2016."),
    "KS": (
        "Tham mưu tổ chức đấu giá quyền khai thác 04 mỏ cát, sỏi lòng sông, thu ngân sách 126 "
        "tỷ đồng. Phối hợp các huyện ven sông kiểm tra, ngăn chặn 19 vụ khai thác khoáng sản "
        "trái phép.",
        "Tình trạng khai thác cát trái phép vào ban đêm tại một số khu vực giáp ranh vẫn còn "
        "diễn biến phức tạp.",
        "Tăng cường giám sát hoạt động khai thác khoáng sản bằng camera và thiết bị định vị "
        "trên phương tiện khai thác.",
        "Đề nghị Thành phố ban hành quy chế phối hợp quản lý khoáng sản tại khu vực giáp ranh.",
        "Tham mưu quản lý nhà nước về địa chất, khoáng sản; thẩm định hồ sơ cấp phép thăm dò, "
        "khai thác khoáng sản trên địa bàn.",
        "Thành lập năm 2013 trên cơ sở tách từ Phòng Tài nguyên nước và Khoáng sản."),
    "DDBD": (
        "Hoàn thành bản đồ địa hình tỷ lệ 1/2000 khu vực phát triển đô thị phía Bắc sông Hồng "
        "và cập nhật ảnh viễn thám toàn Thành phố năm 2024. Cung cấp dữ liệu đo đạc, bản đồ "
        "phục vụ 58 dự án hạ tầng giao thông.",
        "Hệ thống mốc tọa độ, độ cao bị mất, hư hỏng tại một số khu vực thi công công trình.",
        "Xây dựng cơ sở dữ liệu nền địa lý tỷ lệ lớn, ứng dụng ảnh viễn thám trong giám sát "
        "biến động sử dụng đất.",
        "Đề nghị bố trí kinh phí khôi phục các mốc tọa độ bị mất, hư hỏng.",
        "Tham mưu quản lý nhà nước về đo đạc, bản đồ, viễn thám và hệ thống thông tin địa lý "
        "trên địa bàn Thành phố.",
        "Thành lập năm 2009, được bổ sung nhiệm vụ viễn thám năm 2018."),
    "CCBVMT": (
        "Kiểm soát chất lượng môi trường tại 1.250 cơ sở sản xuất, kinh doanh; thẩm định 145 "
        "hồ sơ cấp giấy phép môi trường đúng hạn. Triển khai phân loại chất thải rắn sinh hoạt "
        "tại nguồn ở 12 quận, huyện và xử lý dứt điểm 9 điểm nóng ô nhiễm.",
        "Việc xử lý ô nhiễm tại một số làng nghề còn chậm do thiếu hạ tầng xử lý nước thải.",
        "Đẩy mạnh kiểm soát nguồn thải, nhân rộng mô hình phân loại chất thải tại nguồn và cải "
        "thiện chất lượng không khí.",
        "Đề nghị Thành phố ưu tiên vốn đầu tư hệ thống xử lý nước thải tập trung cho các làng "
        "nghề.",
        "Tham mưu quản lý nhà nước về bảo vệ môi trường; kiểm soát ô nhiễm, quản lý chất thải "
        "và bảo tồn đa dạng sinh học trên địa bàn Thành phố.",
        "Thành lập năm 2008, kiện toàn tổ chức năm 2021 theo Luật Bảo vệ môi trường năm 2020."),
    "VPDKDD": (
        "Giải quyết 186.400 hồ sơ đăng ký đất đai, cấp giấy chứng nhận, tỷ lệ đúng hạn đạt "
        "99,2%. Hoàn thành cơ sở dữ liệu đất đai tại 14 quận, huyện và tiếp nhận hồ sơ trực "
        "tuyến toàn trình. Tiết kiệm 1,8 tỷ đồng chi thường xuyên nhờ số hóa quy trình.",
        "Một số chi nhánh còn để xảy ra hồ sơ trễ hẹn do dữ liệu địa chính chưa đồng bộ.",
        "Hoàn thiện cơ sở dữ liệu đất đai toàn Thành phố, kết nối liên thông với cơ quan thuế "
        "và Cổng dịch vụ công quốc gia.",
        "Đề nghị bổ sung số lượng viên chức cho các chi nhánh có lượng hồ sơ lớn.",
        "Thực hiện đăng ký đất đai và tài sản gắn liền với đất; xây dựng, quản lý, cập nhật hồ "
        "sơ địa chính và cơ sở dữ liệu đất đai.",
        "Thành lập năm 2015 trên cơ sở hợp nhất Văn phòng Đăng ký quyền sử dụng đất Hà Nội và "
        "các Văn phòng đăng ký cấp huyện."),
    "TTPTQD": (
        "Tổ chức đấu giá thành công 23 khu đất, thu ngân sách 3.450 tỷ đồng. Phối hợp giải "
        "phóng mặt bằng 268 ha phục vụ dự án Đường Vành đai 4 - Vùng Thủ đô và các dự án hạ "
        "tầng trọng điểm.",
        "Công tác bồi thường, hỗ trợ tái định cư tại một số dự án còn vướng mắc kéo dài.",
        "Tạo lập, phát triển quỹ đất sạch phục vụ đầu tư hạ tầng; nâng cao hiệu quả khai thác "
        "quỹ đất đã thu hồi.",
        "Đề nghị Thành phố bố trí vốn ứng trước cho giải phóng mặt bằng các dự án trọng điểm.",
        "Tạo lập, phát triển, quản lý và khai thác quỹ đất; tổ chức bồi thường, giải phóng mặt "
        "bằng và đấu giá quyền sử dụng đất.",
        "Thành lập năm 2004, tổ chức lại năm 2016 theo mô hình đơn vị sự nghiệp tự bảo đảm một "
        "phần chi thường xuyên."),
    "TTCNTT": (
        "Vận hành ổn định Cổng thông tin điện tử và hệ thống dịch vụ công trực tuyến của Sở, tỷ "
        "lệ hồ sơ trực tuyến đạt 92%. Xây dựng kho dữ liệu tài nguyên và môi trường dùng chung, "
        "tích hợp 28 lớp dữ liệu chuyên ngành.",
        "Hạ tầng máy chủ đã lạc hậu, chưa đáp ứng yêu cầu an toàn thông tin cấp độ 3.",
        "Nâng cấp hạ tầng công nghệ thông tin, bảo đảm an toàn thông tin và đẩy mạnh chia sẻ dữ "
        "liệu với các sở, ngành.",
        "Đề nghị Sở phê duyệt đề án nâng cấp trung tâm dữ liệu trong năm 2025.",
        "Xây dựng, quản lý, vận hành hạ tầng công nghệ thông tin và cơ sở dữ liệu tài nguyên và "
        "môi trường; tuyên truyền trên Cổng thông tin điện tử của Sở.",
        "Thành lập năm 2008 trên cơ sở Trung tâm Thông tin tài nguyên, môi trường và nhà đất."),
    "TTQT": (
        "Thực hiện 14.600 lượt quan trắc không khí, nước mặt, nước dưới đất và đất, công bố "
        "chỉ số chất lượng không khí hằng ngày. Vận hành 47 trạm quan trắc không khí tự động, tỷ "
        "lệ truyền dữ liệu liên tục đạt 97%.",
        "Một số thiết bị phân tích trong phòng thí nghiệm đã cũ, chi phí bảo dưỡng lớn.",
        "Mở rộng mạng lưới quan trắc tự động, nâng cao năng lực phòng thí nghiệm đạt chuẩn "
        "VILAS.",
        "Đề nghị bố trí kinh phí thay thế thiết bị phân tích đã hết khấu hao.",
        "Thực hiện quan trắc, phân tích chất lượng môi trường; quản lý, vận hành mạng lưới quan "
        "trắc tài nguyên và môi trường của Thành phố.",
        "Thành lập năm 2012, phòng thí nghiệm được công nhận đạt chuẩn VILAS năm 2016."),
}

# Qualifications by domain (degree holders); support staff and accountants have their own.
QUAL = {
    "vp": ["Cử nhân Luật", "Cử nhân Hành chính học", "Thạc sĩ Quản lý công",
           "Cử nhân Quản trị văn phòng", "Cử nhân Lưu trữ học"],
    "tts": ["Cử nhân Luật", "Thạc sĩ Luật Kinh tế", "Kỹ sư Quản lý đất đai",
            "Thạc sĩ Quản lý đất đai", "Kỹ sư Môi trường", "Cử nhân Kinh tế"],
    "qhkh": ["Kỹ sư Quản lý đất đai", "Thạc sĩ Quản lý đất đai",
             "Kiến trúc sư Quy hoạch vùng và đô thị", "Thạc sĩ Quy hoạch vùng và đô thị",
             "Tiến sĩ Quản lý đất đai"],
    "dktk": ["Kỹ sư Quản lý đất đai", "Thạc sĩ Quản lý đất đai", "Kỹ sư Trắc địa - Bản đồ",
             "Cử nhân Luật"],
    "khtc": ["Cử nhân Kế toán", "Thạc sĩ Tài chính - Ngân hàng", "Cử nhân Kinh tế đầu tư",
             "Thạc sĩ Kế toán"],
    "qldd": ["Kỹ sư Quản lý đất đai", "Thạc sĩ Quản lý đất đai", "Cử nhân Luật",
             "Thạc sĩ Kinh tế tài nguyên thiên nhiên"],
    "tnn": ["Kỹ sư Thủy văn", "Kỹ sư Kỹ thuật tài nguyên nước", "Thạc sĩ Khí tượng học",
            "Thạc sĩ Biến đổi khí hậu", "Cử nhân Khí tượng - Thủy văn"],
    "ks": ["Kỹ sư Địa chất", "Kỹ sư Khai thác mỏ", "Thạc sĩ Địa chất học",
           "Kỹ sư Địa chất thủy văn"],
    "ddbd": ["Kỹ sư Trắc địa - Bản đồ", "Thạc sĩ Kỹ thuật trắc địa - bản đồ",
             "Kỹ sư Viễn thám", "Kỹ sư Hệ thống thông tin địa lý"],
    "ccbvmt": ["Kỹ sư Môi trường", "Thạc sĩ Khoa học môi trường", "Cử nhân Khoa học môi trường",
               "Thạc sĩ Quản lý tài nguyên và môi trường", "Tiến sĩ Khoa học môi trường"],
    "vpdk": ["Kỹ sư Quản lý đất đai", "Cử nhân Quản lý đất đai", "Thạc sĩ Quản lý đất đai",
             "Kỹ sư Trắc địa - Bản đồ", "Cử nhân Luật"],
    "ttptqd": ["Kỹ sư Quản lý đất đai", "Cử nhân Kinh tế", "Thạc sĩ Quản lý đất đai",
               "Cử nhân Luật", "Kỹ sư Xây dựng"],
    "ttcntt": ["Kỹ sư Công nghệ thông tin", "Thạc sĩ Hệ thống thông tin",
               "Kỹ sư Khoa học máy tính", "Kỹ sư Hệ thống thông tin địa lý", "Cử nhân Báo chí"],
    "ttqt": ["Kỹ sư Môi trường", "Cử nhân Hóa học", "Thạc sĩ Hóa phân tích",
             "Kỹ sư Công nghệ kỹ thuật môi trường", "Cử nhân Sinh học"],
}
QUAL_ACCOUNTANT = ["Cử nhân Kế toán", "Cử nhân Tài chính - Ngân hàng"]
QUAL_SUPPORT = ["Trung cấp Văn thư - Lưu trữ", "Cao đẳng Quản trị văn phòng", "Trung cấp Kế toán",
                "Cao đẳng Công nghệ thông tin", "Trung cấp Công nghệ ô tô"]

# The 2024 initiatives (sáng kiến), by domain; each is held by one person of the unit.
SANG_KIEN = {
    "vp": ["Giải pháp số hóa hồ sơ lưu trữ và tra cứu văn bản trên hệ thống quản lý văn bản "
           "của Sở",
           "Quy trình theo dõi, đôn đốc nhiệm vụ được giao bằng phần mềm điện tử",
           "Giải pháp tiết kiệm điện, nước, văn phòng phẩm tại trụ sở cơ quan Sở",
           "Bộ tiêu chí chấm điểm thi đua các Phòng, đơn vị trực thuộc Sở"],
    "tts": ["Quy trình thanh tra chuyên đề việc sử dụng đất công sau cổ phần hóa",
            "Giải pháp theo dõi việc thực hiện kết luận thanh tra trên cơ sở dữ liệu",
            "Bộ câu hỏi kiểm tra việc chấp hành pháp luật về khoáng sản"],
    "qhkh": ["Giải pháp chồng ghép bản đồ quy hoạch sử dụng đất với quy hoạch xây dựng trên nền "
             "GIS",
             "Quy trình thẩm định nhu cầu sử dụng đất của các dự án hạ tầng trọng điểm",
             "Phần mềm tổng hợp chỉ tiêu kế hoạch sử dụng đất cấp huyện",
             "Giải pháp rà soát quỹ đất dọc tuyến Vành đai 4 phục vụ đấu giá"],
    "dktk": ["Giải pháp kiểm tra tự động số liệu thống kê đất đai cấp xã",
             "Quy trình cập nhật biến động đất đai vào cơ sở dữ liệu địa chính"],
    "khtc": ["Giải pháp theo dõi tiến độ giải ngân vốn đầu tư công theo tuần",
             "Mẫu biểu điện tử lập dự toán chi thường xuyên cho các đơn vị sự nghiệp",
             "Giải pháp rà soát, cắt giảm các khoản chi chưa cấp thiết"],
    "qldd": ["Quy trình liên thông thẩm định hồ sơ giao đất, cho thuê đất",
             "Giải pháp rà soát dự án chậm đưa đất vào sử dụng trên bản đồ số",
             "Bảng kiểm hồ sơ chuyển mục đích sử dụng đất theo Luật Đất đai năm 2024"],
    "tnn": ["Giải pháp cảnh báo sớm ngập úng từ dữ liệu quan trắc mực nước tự động",
            "Quy trình cấp phép khai thác nước dưới đất trực tuyến",
            "Bản đồ phân vùng nguy cơ sạt lở bờ sông Hồng"],
    "ks": ["Giải pháp giám sát phương tiện khai thác cát bằng thiết bị định vị",
           "Quy trình xác định giá khởi điểm đấu giá quyền khai thác khoáng sản"],
    "ddbd": ["Giải pháp ứng dụng ảnh viễn thám phát hiện biến động sử dụng đất",
             "Quy trình kiểm tra chất lượng bản đồ địa hình tỷ lệ 1/2000",
             "Giải pháp khôi phục mốc tọa độ bằng công nghệ GNSS RTK"],
    "ccbvmt": ["Mô hình phân loại chất thải rắn sinh hoạt tại nguồn ở khu dân cư đô thị",
               "Quy trình thẩm định hồ sơ cấp giấy phép môi trường",
               "Giải pháp kiểm soát nguồn thải tại các làng nghề",
               "Bộ công cụ đánh giá chỉ số xanh của cơ quan, công sở"],
    "vpdk": ["Giải pháp tiếp nhận, trả kết quả hồ sơ đăng ký đất đai trực tuyến toàn trình",
             "Quy trình chỉnh lý biến động trên cơ sở dữ liệu đất đai",
             "Giải pháp liên thông thông tin địa chính với cơ quan thuế",
             "Phần mềm tra cứu tình trạng hồ sơ qua tin nhắn",
             "Giải pháp số hóa hồ sơ địa chính giai đoạn 1994-2015"],
    "ttptqd": ["Quy trình lập phương án bồi thường, hỗ trợ, tái định cư rút gọn",
               "Giải pháp quản lý quỹ đất đã thu hồi trên bản đồ số",
               "Quy trình tổ chức đấu giá quyền sử dụng đất trực tuyến",
               "Giải pháp đối thoại với hộ dân trong giải phóng mặt bằng"],
    "ttcntt": ["Kho dữ liệu tài nguyên và môi trường dùng chung của Sở",
               "Giải pháp giám sát an toàn thông tin tập trung",
               "Ứng dụng tra cứu thông tin quy hoạch trên thiết bị di động",
               "Giải pháp tích hợp dịch vụ công trực tuyến với Cổng dịch vụ công quốc gia"],
    "ttqt": ["Quy trình kiểm soát chất lượng số liệu quan trắc tự động",
             "Giải pháp công bố chỉ số chất lượng không khí theo giờ",
             "Phương pháp phân tích nhanh kim loại nặng trong nước mặt",
             "Giải pháp tối ưu lộ trình lấy mẫu quan trắc định kỳ"],
}

# Research projects (đề tài nghiên cứu), by domain.
DE_TAI = {
    "ddbd": ["Nghiên cứu ứng dụng ảnh vệ tinh Sentinel-2 giám sát biến động lớp phủ đô thị "
             "Hà Nội"],
    "tnn": ["Nghiên cứu đánh giá trữ lượng nước dưới đất tầng Pleistocen khu vực phía Nam "
            "Hà Nội",
            "Nghiên cứu kịch bản biến đổi khí hậu và nguy cơ ngập úng đô thị Hà Nội đến năm "
            "2050"],
    "ttqt": ["Nghiên cứu giải pháp giảm thiểu bụi mịn PM2.5 tại các nút giao thông trọng điểm",
             "Nghiên cứu xây dựng bộ chỉ số đánh giá chất lượng nước sông Nhuệ - Đáy"],
    "ccbvmt": ["Nghiên cứu mô hình xử lý nước thải phân tán cho làng nghề chế biến nông sản",
               "Nghiên cứu giải pháp quản lý chất thải rắn xây dựng trên địa bàn Hà Nội"],
    "qldd": ["Nghiên cứu xây dựng bảng giá đất theo phương pháp định giá hàng loạt"],
    "ttcntt": ["Nghiên cứu ứng dụng trí tuệ nhân tạo trong số hóa hồ sơ địa chính"],
    "ks": ["Nghiên cứu cơ sở khoa học phân vùng khai thác cát, sỏi lòng sông Hồng"],
    "ttptqd": ["Nghiên cứu giải pháp phát triển quỹ đất dọc các tuyến đường sắt đô thị"],
    "qhkh": ["Nghiên cứu xây dựng cơ sở dữ liệu quy hoạch sử dụng đất tích hợp đa mục tiêu"],
}

# What a nominee did in 2024, by domain: (field of work, what the person did with a number
# {n}, lowest, highest). A nominee's Thành tích reads after "Đã có thành tích": "xuất sắc
# trong <field> năm 2024, <verb of the post> <what, with the person's own number>".
VIEC = {
    "vp": [("công tác thi đua, khen thưởng",
            "tổng hợp, thẩm định {n} hồ sơ đề nghị khen thưởng của các Phòng, đơn vị", 120, 260),
           ("công tác văn thư, lưu trữ và chuyển đổi số",
            "số hóa {n} hồ sơ lưu trữ trên hệ thống quản lý văn bản điện tử", 2500, 9000),
           ("công tác quản trị cơ quan",
            "rà soát định mức, đề xuất cắt giảm {n} triệu đồng chi thường xuyên", 120, 480)],
    "tts": [("công tác thanh tra, kiểm tra",
             "thực hiện {n} cuộc thanh tra, kiểm tra về đất đai, môi trường, khoáng sản", 6, 18),
            ("công tác giải quyết khiếu nại, tố cáo",
             "giải quyết đúng thời hạn {n} đơn thư khiếu nại, tố cáo về đất đai", 25, 80),
            ("công tác thanh tra chuyên đề việc sử dụng đất công",
             "kiến nghị thu hồi {n} tỷ đồng cho ngân sách", 1.2, 6.5)],
    "qhkh": [("công tác kế hoạch sử dụng đất",
              "thẩm định kế hoạch sử dụng đất của {n} quận, huyện, thị xã đúng thời hạn", 4, 12),
             ("công tác quy hoạch sử dụng đất",
              "rà soát chỉ tiêu sử dụng đất cho {n} dự án hạ tầng trọng điểm", 20, 60),
             ("công tác bảo đảm quỹ đất cho dự án Đường Vành đai 4 - Vùng Thủ đô",
              "rà soát hiện trạng {n} ha đất dọc tuyến", 40, 180)],
    "dktk": [("công tác thống kê, kiểm kê đất đai",
              "kiểm tra số liệu thống kê đất đai năm 2023 của {n} xã, phường, thị trấn", 40, 140),
             ("công tác cập nhật biến động đất đai",
              "hướng dẫn {n} xã, phường cập nhật biến động vào cơ sở dữ liệu địa chính", 30, 90)],
    "khtc": [("công tác đầu tư công",
              "theo dõi tiến độ giải ngân {n} dự án đầu tư công hằng tuần", 8, 24),
             ("công tác tài chính, ngân sách",
              "thẩm tra quyết toán ngân sách năm 2023 của {n} đơn vị dự toán", 4, 9),
             ("công tác quản lý tài sản công",
              "rà soát, cập nhật {n} tài sản công vào cơ sở dữ liệu", 300, 1200)],
    "qldd": [("công tác giao đất, cho thuê đất",
              "thẩm định {n} hồ sơ phục vụ các dự án hạ tầng", 20, 70),
             ("công tác xử lý dự án chậm đưa đất vào sử dụng",
              "rà soát {n} dự án, đề xuất thu hồi đất đưa vào quỹ đất của Thành phố", 5, 20),
             ("công tác thi hành pháp luật về đất đai",
              "xây dựng dự thảo {n} quyết định của UBND Thành phố quy định chi tiết Luật Đất đai "
              "năm 2024", 2, 6)],
    "tnn": [("công tác cấp phép tài nguyên nước",
             "thẩm định {n} hồ sơ cấp phép khai thác, sử dụng tài nguyên nước", 15, 45),
            ("công tác quan trắc tài nguyên nước",
             "vận hành {n} trạm quan trắc tự động trên sông Hồng, sông Đuống, sông Nhuệ - Đáy",
             5, 12),
            ("công tác ứng phó với biến đổi khí hậu",
             "tổng hợp số liệu kiểm kê khí nhà kính của {n} cơ sở", 40, 160)],
    "ks": [("công tác quản lý khoáng sản",
            "thẩm định {n} hồ sơ cấp phép thăm dò, khai thác khoáng sản", 6, 18),
           ("công tác kiểm tra hoạt động khoáng sản",
            "phối hợp kiểm tra, ngăn chặn {n} vụ khai thác cát trái phép", 4, 12)],
    "ddbd": [("công tác đo đạc, bản đồ",
              "kiểm tra chất lượng {n} mảnh bản đồ địa hình tỷ lệ 1/2000", 40, 160),
             ("công tác viễn thám",
              "phát hiện {n} điểm biến động sử dụng đất từ ảnh viễn thám", 120, 480)],
    "ccbvmt": [("công tác cấp giấy phép môi trường",
                "thẩm định {n} hồ sơ cấp giấy phép môi trường đúng hạn", 15, 45),
               ("công tác kiểm soát ô nhiễm",
                "kiểm tra {n} cơ sở sản xuất, kinh doanh có nguồn thải lớn", 60, 240),
               ("công tác quản lý chất thải rắn",
                "hướng dẫn phân loại chất thải rắn sinh hoạt tại nguồn ở {n} phường, xã", 10, 40)],
    "vpdk": [("công tác đăng ký đất đai, cấp giấy chứng nhận",
              "giải quyết đúng hạn {n} hồ sơ đăng ký đất đai", 2000, 9000),
             ("công tác xây dựng cơ sở dữ liệu đất đai",
              "chỉnh lý {n} thửa đất trên cơ sở dữ liệu đất đai", 5000, 25000),
             ("công tác số hóa hồ sơ địa chính",
              "số hóa {n} hồ sơ địa chính", 8000, 30000),
             ("công tác đo đạc, chỉnh lý bản đồ địa chính",
              "đo đạc, chỉnh lý {n} thửa đất trên bản đồ địa chính", 1200, 6000)],
    "ttptqd": [("công tác giải phóng mặt bằng",
                "lập phương án bồi thường, hỗ trợ cho {n} hộ dân dự án Đường Vành đai 4 - Vùng "
                "Thủ đô", 60, 240),
               ("công tác đấu giá quyền sử dụng đất",
                "tổ chức đấu giá thành công {n} khu đất", 2, 7),
               ("công tác quản lý quỹ đất",
                "quản lý, khai thác {n} ha quỹ đất đã thu hồi", 8, 40)],
    "ttcntt": [("công tác vận hành hệ thống thông tin",
                "bảo đảm hệ thống dịch vụ công trực tuyến của Sở hoạt động {n}% thời gian",
                99.0, 99.9),
               ("công tác xây dựng cơ sở dữ liệu",
                "tích hợp {n} lớp dữ liệu chuyên ngành vào kho dữ liệu dùng chung", 4, 12),
               ("công tác an toàn thông tin",
                "xử lý {n} cảnh báo an toàn thông tin", 80, 400)],
    "ttqt": [("công tác quan trắc môi trường",
              "thực hiện {n} lượt quan trắc không khí, nước mặt, nước dưới đất", 600, 2400),
             ("công tác vận hành trạm quan trắc tự động",
              "vận hành {n} trạm quan trắc không khí tự động", 5, 15),
             ("công tác phân tích môi trường",
              "phân tích {n} mẫu tại phòng thí nghiệm đạt chuẩn VILAS", 800, 3000)],
}
# Accountants and support staff do the work of their post, in any unit.
VIEC_KE_TOAN = ("công tác kế toán, tài chính",
                "thẩm tra, thanh toán {n} chứng từ chi đúng quy định và lập báo cáo quyết toán "
                "năm 2023 đúng hạn", 900, 2600)
VIEC_VAN_THU = ("công tác văn thư, lưu trữ",
                "tiếp nhận, phát hành {n} văn bản trên hệ thống quản lý văn bản điện tử",
                3000, 9000)
VIEC_NHAN_VIEN = {
    "vpdk": ("công tác tiếp nhận, trả kết quả hồ sơ",
             "tiếp nhận, trả kết quả {n} hồ sơ tại bộ phận một cửa", 3000, 12000),
    "ttcntt": ("công tác hỗ trợ kỹ thuật",
               "xử lý {n} lượt sự cố máy tính, mạng cho các Phòng, đơn vị", 300, 1200),
    "ttqt": ("công tác lấy mẫu quan trắc",
             "lấy, vận chuyển, bảo quản {n} mẫu quan trắc đúng quy trình", 600, 2400),
    "vp": ("công tác hành chính, phục vụ",
           "bảo đảm an toàn {n} chuyến xe công tác, tiết kiệm nhiên liệu", 150, 400),
}
VIEC_PHUC_VU = ("công tác hành chính, phục vụ",
                "bảo đảm hậu cần cho {n} cuộc họp, hội nghị của đơn vị", 60, 200)

QUE_QUAN = [
    "xã Đông Hội, huyện Đông Anh, Hà Nội", "xã Vân Côn, huyện Hoài Đức, Hà Nội",
    "xã Phụng Châu, huyện Chương Mỹ, Hà Nội", "xã Tam Hưng, huyện Thanh Oai, Hà Nội",
    "xã Cổ Đô, huyện Ba Vì, Hà Nội", "xã Đại Thịnh, huyện Mê Linh, Hà Nội",
    "phường Phú Lãm, quận Hà Đông, Hà Nội", "xã Kim Sơn, thị xã Sơn Tây, Hà Nội",
    "xã Phù Lưu Tế, huyện Mỹ Đức, Hà Nội", "xã Văn Đức, huyện Gia Lâm, Hà Nội",
    "xã Quảng Phú Cầu, huyện Ứng Hòa, Hà Nội", "xã Đồng Tháp, huyện Đan Phượng, Hà Nội",
    "xã Hát Môn, huyện Phúc Thọ, Hà Nội", "xã Ninh Hiệp, huyện Gia Lâm, Hà Nội",
    "xã Liên Phương, huyện Thường Tín, Hà Nội", "xã Phù Linh, huyện Sóc Sơn, Hà Nội",
    "xã Thụy Hương, huyện Chương Mỹ, Hà Nội", "xã Tân Ước, huyện Thanh Oai, Hà Nội",
    "xã Đình Tổ, huyện Thuận Thành, Bắc Ninh", "phường Đình Bảng, thành phố Từ Sơn, Bắc Ninh",
    "xã Hồng Thái, huyện Việt Yên, Bắc Giang", "xã Hải Anh, huyện Hải Hậu, Nam Định",
    "xã Yên Ninh, huyện Ý Yên, Nam Định", "xã Tân Lập, huyện Vũ Thư, Thái Bình",
    "xã Thụy Trình, huyện Thái Thụy, Thái Bình", "xã Đông Xá, huyện Đông Hưng, Thái Bình",
    "xã Cẩm Vũ, huyện Cẩm Giàng, Hải Dương", "xã Thanh Hải, huyện Thanh Hà, Hải Dương",
    "phường Dị Sử, thị xã Mỹ Hào, Hưng Yên", "xã Tân Châu, huyện Khoái Châu, Hưng Yên",
    "xã Kim Bình, thành phố Phủ Lý, Hà Nam", "xã Ninh Hải, huyện Hoa Lư, Ninh Bình",
    "xã Hoằng Lộc, huyện Hoằng Hóa, Thanh Hóa", "xã Quỳnh Đôi, huyện Quỳnh Lưu, Nghệ An",
    "xã Nam Cát, huyện Nam Đàn, Nghệ An", "xã Tùng Ảnh, huyện Đức Thọ, Hà Tĩnh",
    "xã Đại Đồng, huyện Vĩnh Tường, Vĩnh Phúc", "xã Thụy Vân, thành phố Việt Trì, Phú Thọ",
    "xã Lục Ba, huyện Đại Từ, Thái Nguyên", "phường Nam Khê, thành phố Uông Bí, Quảng Ninh",
]

# ---------------------------------------------------------------- names
# Family names with roughly their frequency in the North (weights in per cent).
HO = [("Nguyễn", 32), ("Trần", 10), ("Lê", 8), ("Phạm", 7), ("Hoàng", 5), ("Vũ", 5),
      ("Đặng", 3), ("Bùi", 3), ("Đỗ", 3), ("Ngô", 2), ("Dương", 2), ("Phan", 2), ("Đinh", 2),
      ("Lý", 1), ("Trịnh", 1.5), ("Đào", 1.5), ("Lưu", 1), ("Mai", 1), ("Tạ", 1), ("Cao", 1),
      ("Lương", 1), ("Đoàn", 1), ("Phùng", 1), ("Hà", 1), ("Chu", 0.7), ("Nghiêm", 0.5),
      ("Kiều", 0.5), ("Lại", 0.5), ("Tô", 0.5), ("Khuất", 0.3)]
DEM_NAM = [("Văn", 30), ("Đức", 10), ("Minh", 10), ("Quang", 7), ("Hữu", 6), ("Xuân", 5),
           ("Mạnh", 4), ("Tuấn", 4), ("Ngọc", 4), ("Thành", 4), ("Trọng", 4), ("Đình", 4),
           ("Việt", 3), ("Hoàng", 3), ("Duy", 3), ("Tiến", 3), ("Công", 3), ("Thế", 3),
           ("Quốc", 3), ("Anh", 3), ("Thanh", 3), ("Huy", 2), ("Bá", 2)]
TEN_NAM = ["Hùng", "Dũng", "Tuấn", "Hải", "Long", "Nam", "Thắng", "Cường", "Đức", "Hiếu",
           "Trung", "Sơn", "Tùng", "Quân", "Hưng", "Thành", "Phong", "Kiên", "Minh", "Huy",
           "Khánh", "Lâm", "Toàn", "Việt", "Bình", "Quang", "Tiến", "Hiệp", "Đạt", "Tú", "Duy",
           "Vinh", "Thịnh", "Hòa", "Phúc", "An", "Chiến", "Giang", "Hoàng", "Nghĩa", "Thái",
           "Trường", "Lợi", "Khoa", "Tài", "Bằng", "Lực", "Thuận"]
DEM_NU = [("Thị", 35), ("Thu", 8), ("Thanh", 7), ("Ngọc", 6), ("Minh", 4), ("Thùy", 4),
          ("Phương", 4), ("Hồng", 4), ("Kim", 3), ("Hải", 3), ("Bích", 2), ("Diệu", 2),
          ("Khánh", 2), ("Quỳnh", 2), ("Hoài", 2), ("Thị Thu", 5), ("Thị Thanh", 4),
          ("Thị Ngọc", 3), ("Thị Minh", 3), ("Thị Hồng", 3), ("Thị Kim", 2), ("Thị Thúy", 2)]
TEN_NU = ["Hà", "Hương", "Lan", "Linh", "Trang", "Huyền", "Thảo", "Hằng", "Nga", "Hạnh", "Hoa",
          "Mai", "Phương", "Thủy", "Yến", "Dung", "Loan", "Ngọc", "Vân", "Nhung", "Oanh",
          "Quyên", "Giang", "Anh", "Châu", "Hiền", "Liên", "Thúy", "Hồng", "Nhàn", "Tâm", "Ly",
          "Ánh", "Chi", "Diệp", "Hậu", "Nhi", "Tuyết", "Xuân", "Vy", "My", "Ngân"]


def weighted(rng, pairs):
    total = sum(w for _, w in pairs)
    x = rng.random() * total
    for v, w in pairs:
        x -= w
        if x < 0:
            return v
    return pairs[-1][0]


def random_name(rng, sex):
    while True:
        ho = weighted(rng, HO)
        if sex == "Nam":
            dem, ten = weighted(rng, DEM_NAM), rng.choice(TEN_NAM)
        else:
            dem, ten = weighted(rng, DEM_NU), rng.choice(TEN_NU)
        if dem.split()[-1] != ten and ho != ten:
            return "%s %s %s" % (ho, dem, ten)


def random_date(rng, y0, y1):
    start, end = D(y0, 1, 1).toordinal(), D(y1, 12, 31).toordinal()
    return D.fromordinal(rng.randint(start, end))


# =========================================================================== staff

def posts_for(unit):
    """The posts of a unit, head first: (post, level), level head/deputy/lead/staff/support."""
    code, kind, head, deputy, n = unit[0], unit[3], unit[4], unit[5], unit[6]
    posts = [(head, "head")] + [(deputy, "deputy")] * (2 if n >= 12 else 1)
    if kind == "Văn phòng":
        rest = [("Chuyên viên chính", "staff")] * 4 + [("Kế toán viên", "staff")] * 2 + \
               [("Văn thư", "support")] * 2 + [("Nhân viên", "support")] * 4
    elif kind == "Thanh tra":
        rest = [("Thanh tra viên chính", "staff")] * 5
    elif kind == "Chi cục":
        rest = [("Trưởng phòng", "lead")] * 3 + [("Phó Trưởng phòng", "lead")] * 3 + \
               [("Chuyên viên chính", "staff")] * 5 + [("Kế toán viên", "staff")]
    elif kind == "Trung tâm":
        inner = 4 if n >= 35 else 3
        rest = [("Trưởng phòng", "lead")] * inner + [("Phó Trưởng phòng", "lead")] * inner + \
               [("Kế toán viên", "staff")] * 2 + [("Nhân viên", "support")] * 3
    else:
        rest = [("Chuyên viên chính", "staff")] * (3 if n >= 12 else 2)
    # Specialists fill the unit; the technical centres employ engineers mostly.
    while len(posts) + len(rest) < n:
        k = len(rest)
        if kind == "Thanh tra":
            post = "Thanh tra viên"
        elif kind != "Trung tâm":
            post = "Chuyên viên"
        elif code in ("TTCNTT", "TTQT"):
            post = "Kỹ sư" if k % 3 else "Chuyên viên"
        else:
            post = "Chuyên viên" if k % 3 else "Kỹ sư"
        rest.append((post, "staff"))
    posts += rest
    assert len(posts) == n, code
    return posts


def qualification(rng, domain, post, level):
    if post == "Kế toán viên":
        return rng.choice(QUAL_ACCOUNTANT)
    if level == "support":
        return "Trung cấp Văn thư - Lưu trữ" if post == "Văn thư" else rng.choice(QUAL_SUPPORT)
    q = rng.choice(QUAL[domain])
    if post == "Kỹ sư" and not q.startswith(("Kỹ sư", "Thạc sĩ", "Tiến sĩ")):
        q = next(x for x in QUAL[domain] if x.startswith(("Kỹ sư", "Thạc sĩ")))
    return q


def build_staff(rng):
    staff = []
    n = 0
    for unit in UNITS:
        code, domain = unit[0], unit[7]
        for post, level in posts_for(unit):
            n += 1
            # Women retire earlier (born 1969 or later are still at work in 2024).
            if level in ("head", "deputy"):
                sex = "Nữ" if rng.random() < 0.3 else "Nam"
                first, last = 1966, 1978 if level == "head" else 1982
            elif level == "lead":
                sex = "Nữ" if rng.random() < 0.45 else "Nam"
                first, last = 1968, 1988
            else:
                sex = "Nữ" if rng.random() < 0.52 else "Nam"
                first, last = 1965, 1986 if post.endswith("chính") else 2000
            if sex == "Nữ":
                first = max(first, 1969)
            born = random_date(rng, first, last)
            staff.append({
                "ma": "CB%04d" % n, "dv": code, "domain": domain, "post": post,
                "level": level, "sex": sex, "born": born,
                "qual": qualification(rng, domain, post, level),
                "que": rng.choice(QUE_QUAN), "name": None, "rating": None, "title": "",
                "sk": "", "sk_cap": "", "de_tai": "", "kl": "", "role": None,
            })
    return staff


# ---------------------------------------------------------------- nominations plan
# Per unit: counts of (CSTĐCS, Giấy khen, Bằng khen) individual nominations.
NOM_COUNTS = {
    "VP": (1, 2, 1), "TTS": (1, 1, 0), "QHKH": (3, 1, 0), "DKTK": (0, 2, 0), "KHTC": (0, 2, 0),
    "QLDD": (1, 1, 0), "TNN": (0, 2, 0), "KS": (0, 2, 0), "DDBD": (0, 1, 0),
    "CCBVMT": (2, 2, 1), "VPDKDD": (2, 3, 2), "TTPTQD": (2, 2, 1), "TTCNTT": (2, 1, 0),
    "TTQT": (1, 2, 1),
}
# Planted cases on the i-th nominee of a form in a unit (0-based, in nomination order).
PLANT = {
    ("VP", "CSTĐCS", 0): "votes_cstdcs_9",
    ("QLDD", "CSTĐCS", 0): "cstdcs_initiative",
    ("CCBVMT", "CSTĐCS", 1): "votes_cstdcs_8",
    ("TTPTQD", "CSTĐCS", 1): "votes_cstdcs_8",
    ("TTCNTT", "CSTĐCS", 1): "cstdcs_no_ldtt",
    ("TTQT", "CSTĐCS", 0): "cstdcs_research",
    ("DKTK", "GK", 1): "no_achievement",
    ("TTPTQD", "GK", 1): "no_achievement",
    ("KHTC", "GK", 1): "votes_other_5",
    ("TNN", "GK", 0): "votes_other_6",
    ("VP", "GK", 1): "votes_sum_10",
    ("KS", "GK", 0): "rating_htnv",
    ("TTQT", "GK", 1): "same_name_nominee",
    ("VP", "BK", 0): "bk_pass",
    ("VPDKDD", "BK", 0): "bk_pass",
    ("VPDKDD", "BK", 1): "bk_pass",
    ("TTPTQD", "BK", 0): "bk_pass",
    ("CCBVMT", "BK", 0): "bk_missing_2022",
    ("TTQT", "BK", 0): "bk_httnv_2023",
}
FORM_NAME = {"CSTĐCS": CSTDCS, "GK": "Giấy khen", "BK": "Bằng khen"}
FORM_ORDER = {"CSTĐCS": 0, "GK": 1, "BK": 2}

# Same names in different units: (unit, sex, name); the TTQT one is a nominee (above).
SAME_NAMES = [("VP", "Nữ", "Nguyễn Thị Thu Hà"), ("TTQT", "Nữ", "Nguyễn Thị Thu Hà"),
              ("QLDD", "Nam", "Nguyễn Văn Hùng"), ("VPDKDD", "Nam", "Nguyễn Văn Hùng"),
              ("DDBD", "Nam", "Phạm Minh Tuấn"), ("TTCNTT", "Nam", "Phạm Minh Tuấn")]

# Units whose staff carry a reprimand (khiển trách) or a warning (cảnh cáo).
KHIEN_TRACH = ["VP", "TTPTQD", "TTQT"]
CANH_CAO = "CCBVMT"
LOW_LDTT_UNIT = "TNN"


def choose_nominees(rng, staff):
    """Pick the nominees of every unit; returns the nomination list (unit order)."""
    noms = []
    for unit in UNITS:
        code = unit[0]
        members = [s for s in staff if s["dv"] == code]
        n_cs, n_gk, n_bk = NOM_COUNTS[code]
        taken = set()

        def pick(pool, k):
            pool = [s for s in pool if s["ma"] not in taken]
            got = rng.sample(pool, k)
            got.sort(key=lambda s: s["ma"])
            for s in got:
                taken.add(s["ma"])
            return got

        bk = pick([s for s in members if s["level"] in ("deputy", "lead")
                   or s["post"] in ("Chuyên viên chính", "Thanh tra viên chính")], n_bk)
        cs = pick([s for s in members if s["level"] in ("deputy", "lead", "staff")], n_cs)
        gk = pick([s for s in members if s["level"] != "head"], n_gk)
        for form, group in (("CSTĐCS", cs), ("GK", gk), ("BK", bk)):
            for i, s in enumerate(group):
                case = PLANT.get((code, form, i))
                s["role"] = (form, case)
                noms.append({"s": s, "form": form, "case": case})
    return noms


def assign_names(rng, staff):
    used = set()
    planted = {}
    for dv, sex, name in SAME_NAMES:
        if dv == "TTQT":
            cand = [s for s in staff if s["dv"] == dv and s["role"]
                    and s["role"][1] == "same_name_nominee"]
        else:
            cand = [s for s in staff if s["dv"] == dv and s["role"] is None
                    and s["level"] in ("staff", "support") and s["ma"] not in planted]
        s = cand[0] if dv == "TTQT" else rng.choice(cand)
        s["sex"] = sex
        s["name"] = name
        planted[s["ma"]] = name
        used.add(name)
    # The example of the spec ("Ông Trần Văn Đức") is a Bằng khen nominee of VPDKDD.
    s = next(s for s in staff if s["dv"] == "VPDKDD" and s["role"] and s["role"][0] == "BK")
    s["sex"], s["name"] = "Nam", "Trần Văn Đức"
    used.add(s["name"])
    for s in staff:
        if s["name"]:
            continue
        while True:
            name = random_name(rng, s["sex"])
            if name not in used:
                break
        used.add(name)
        s["name"] = name


def assign_ratings(rng, staff):
    """2024 ratings, titles, discipline, initiatives and research projects."""
    for unit in UNITS:
        code, domain, n = unit[0], unit[7], unit[6]
        members = [s for s in staff if s["dv"] == code]
        # Nominees first: their rating follows the planted case.
        for s in members:
            if not s["role"]:
                continue
            form, case = s["role"]
            if case == "rating_htnv":
                s["rating"] = HT
            elif case in ("cstdcs_initiative", "cstdcs_research", "cstdcs_no_ldtt"):
                s["rating"] = TOT
            elif form in ("CSTĐCS", "BK"):
                s["rating"] = XS
            else:
                s["rating"] = TOT if rng.random() < 0.75 else XS
        target_xs = round(0.2 * n)
        target_ht = round(0.12 * n)
        target_kht = round(0.03 * n)
        if code == LOW_LDTT_UNIT:
            target_ht, target_kht = 3, 1
        if code == CANH_CAO:
            target_kht = max(target_kht, 1)
        fixed_xs = sum(1 for s in members if s["rating"] == XS)
        fixed_ht = sum(1 for s in members if s["rating"] == HT)
        low_pool = [s for s in members if s["rating"] is None
                    and s["level"] in ("staff", "support")]
        rng.shuffle(low_pool)
        kht = low_pool[:target_kht]
        ht = low_pool[target_kht:target_kht + max(0, target_ht - fixed_ht)]
        for s in kht:
            s["rating"] = KHT
        for s in ht:
            s["rating"] = HT
        # Discipline goes to people who carry no other planted case.
        same = {n for _, _, n in SAME_NAMES}
        if code in KHIEN_TRACH:
            next(s for s in ht if s["name"] not in same)["kl"] = "Khiển trách"
        if code == CANH_CAO:
            next(s for s in kht if s["name"] not in same)["kl"] = "Cảnh cáo"
        rest = [s for s in members if s["rating"] is None]
        rng.shuffle(rest)
        n_xs = max(0, target_xs - fixed_xs)
        for i, s in enumerate(rest):
            s["rating"] = XS if i < n_xs else TOT
        # Titles: Lao động tiên tiến for everyone rated HTTNV or better, except the planted
        # CSTĐCS without it; the low unit loses one HTTNV more.
        for s in members:
            ok = s["rating"] in (XS, TOT)
            s["title"] = LDTT if ok else ""
            if s["role"] and s["role"][1] == "cstdcs_no_ldtt":
                s["title"] = ""
        # Planted: one KHTC member rated Hoàn thành nhiệm vụ is listed Lao động tiên tiến.
        if code == LDTT_WRONG[0]:
            next(s for s in members if s["rating"] == HT and not s["role"] and not s["kl"])[
                "title"] = LDTT
        # Initiatives: nominees who need one first, then others of the unit.
        titles = list(SANG_KIEN[domain])
        rng.shuffle(titles)
        needs = [s for s in members if s["role"] and (
            s["role"][0] in ("CSTĐCS", "BK") and s["role"][1] != "cstdcs_research")]
        optional = [s for s in members if s["role"] and s["role"][0] == "GK"
                    and s["role"][1] not in ("no_achievement", "rating_htnv")
                    and s["level"] != "support"]
        others = [s for s in members if not s["role"] and s["rating"] in (XS, TOT)
                  and s["level"] != "support"]
        rng.shuffle(optional)
        rng.shuffle(others)
        holders = needs + optional[:1] + others
        assert len(needs) <= len(titles), code
        for s, t in zip(holders, titles):
            s["sk"] = t
            s["sk_cap"] = "Thành phố" if s["role"] and s["role"][0] == "BK" else "Cơ sở"
        # Research projects.
        projects = list(DE_TAI.get(domain, []))
        res_holders = [s for s in members if s["role"] and s["role"][1] == "cstdcs_research"]
        res_holders += [s for s in members if s["role"] and s["role"][1] == "bk_httnv_2023"]
        res_holders += sorted((s for s in members if not s["role"] and s["rating"] in (XS, TOT)
                               and s["level"] in ("deputy", "lead", "head")),
                              key=lambda s: s["ma"])
        for s, p in zip(res_holders, projects):
            s["de_tai"] = p
    # Two more initiatives recognised by the City, outside the nominees.
    city = [s for s in staff if s["sk"] and s["sk_cap"] == "Cơ sở" and not s["role"]]
    for s in city[3::17][:2]:
        s["sk_cap"] = "Thành phố"


# =========================================================================== history

# Decision numbers and dates per year and kind; a date on a weekend is signed the Friday
# before.
def workday(d):
    return d - dt.timedelta(days=max(0, d.weekday() - 4))


QD = {}
_qd_rng = random.Random(SEED + 1)
for _y in range(2019, 2024):
    QD[_y] = {
        "LĐTT": ("%d/QĐ-STNMT" % _qd_rng.randint(2400, 2999), D(_y, 12, _qd_rng.randint(18, 22))),
        "CSTĐCS": ("%d/QĐ-STNMT" % _qd_rng.randint(3000, 3199),
                   D(_y, 12, _qd_rng.randint(23, 26))),
        "GK": ("%d/QĐ-STNMT" % _qd_rng.randint(3200, 3499), D(_y, 12, _qd_rng.randint(27, 30))),
        "BK": ("%d/QĐ-UBND" % _qd_rng.randint(5200, 5899), D(_y, 12, _qd_rng.randint(10, 28))),
        "CSTĐTP": ("%d/QĐ-UBND" % _qd_rng.randint(5900, 6199),
                   D(_y, 12, _qd_rng.randint(10, 28))),
        "CỜ": ("%d/QĐ-UBND" % _qd_rng.randint(6200, 6499), D(_y, 12, _qd_rng.randint(10, 28))),
    }
    QD[_y] = {k: (n, workday(d)) for k, (n, d) in QD[_y].items()}

KIND_OF = {LDTT: "LĐTT", TTLDTT: "LĐTT", CSTDCS: "CSTĐCS", GK_SO: "GK", BK_TP: "BK",
           CSTDTP: "CSTĐTP", CO_TP: "CỜ"}
ISSUER = {"LĐTT": SO, "CSTĐCS": SO, "GK": SO, "BK": UBND, "CSTĐTP": UBND, "CỜ": UBND}
# The roster's planted Lao động tiên tiến with a rating below Hoàn thành tốt nhiệm vụ.
LDTT_WRONG = ("KHTC", "CB0068")

LOAI_ORDER = {"Xếp loại": 0, "Danh hiệu thi đua": 1, "Hình thức khen thưởng": 2}


def hist_row(key, year, loai, content):
    if loai == "Xếp loại":
        return [key, year, loai, content, None, None, None]
    kind = KIND_OF[content]
    so, ngay = QD[year][kind]
    return [key, year, loai, content, so, ngay, ISSUER[kind]]


def person_history(rng, s):
    """History rows of one staff member, 2019-2023."""
    rows = []
    first = 2019 if s["born"].year <= 1995 else 2021
    role = s["role"]
    case = role[1] if role else None
    form = role[0] if role else None
    ratings, cs_years, gk_years = {}, set(), set()
    if form == "BK":
        for y in range(first, 2024):
            ratings[y] = TOT if y in (2019, 2021) else XS
        if case == "bk_missing_2022":
            ratings.update({2021: XS, 2022: XS, 2023: XS})
            cs_years = {2021, 2023}
        elif case == "bk_httnv_2023":
            ratings.update({2022: XS, 2023: TOT})
            cs_years = {2022, 2023}
        else:
            cs_years = {2022, 2023} | ({2020} if rng.random() < 0.5 else set())
        gk_years = {2021}
    elif form is not None:
        for y in range(first, 2024):
            ratings[y] = XS if rng.random() < 0.25 else TOT
        if form == "CSTĐCS" and rng.random() < 0.3:
            ratings[2022] = XS
            cs_years = {2022}
        if rng.random() < 0.35:
            gk_years = {rng.choice(sorted(ratings))}
    elif rng.random() < 0.4 or s["level"] in ("head", "deputy"):
        prev = s["rating"]
        for y in (2022, 2023) if s["level"] not in ("head", "deputy") else range(first, 2024):
            r = prev if prev in (XS, TOT) else TOT
            if r == XS and rng.random() < 0.5:
                r = TOT
            ratings[y] = r
        if s["level"] in ("head", "deputy") and rng.random() < 0.5:
            gk_years = {rng.choice(sorted(ratings))}
    for y in sorted(ratings):
        rows.append(hist_row(s["ma"], y, "Xếp loại", ratings[y]))
        if ratings[y] in (XS, TOT):
            rows.append(hist_row(s["ma"], y, "Danh hiệu thi đua", LDTT))
    for y in sorted(cs_years):
        rows.append(hist_row(s["ma"], y, "Danh hiệu thi đua", CSTDCS))
    for y in sorted(gk_years):
        rows.append(hist_row(s["ma"], y, "Hình thức khen thưởng", GK_SO))
    return rows


def build_history(rng, staff):
    ca_nhan = []
    for s in staff:
        ca_nhan += person_history(rng, s)
    # The head of VPDKDD: three years CSTĐCS, then Chiến sĩ thi đua Thành phố and a Bằng khen.
    head = next(s for s in staff if s["dv"] == "VPDKDD" and s["level"] == "head")
    ca_nhan = [r for r in ca_nhan if r[0] != head["ma"]]
    for y in range(2019, 2024):
        ca_nhan.append(hist_row(head["ma"], y, "Xếp loại", XS))
        ca_nhan.append(hist_row(head["ma"], y, "Danh hiệu thi đua", LDTT))
    for y in (2019, 2020, 2021):
        ca_nhan.append(hist_row(head["ma"], y, "Danh hiệu thi đua", CSTDCS))
    ca_nhan.append(hist_row(head["ma"], 2021, "Danh hiệu thi đua", CSTDTP))
    ca_nhan.append(hist_row(head["ma"], 2022, "Hình thức khen thưởng", BK_TP))
    # Two more Bằng khen in the past: heads of TTPTQD (2020) and CCBVMT (2021).
    for dv, y in (("TTPTQD", 2020), ("CCBVMT", 2021)):
        h = next(s for s in staff if s["dv"] == dv and s["level"] == "head")
        ca_nhan.append(hist_row(h["ma"], y, "Hình thức khen thưởng", BK_TP))
    ca_nhan.sort(key=lambda r: (r[0], r[1], LOAI_ORDER[r[2]], r[3]))

    tap_the = []
    extra = {"VPDKDD": [(2021, BK_TP), (2022, CO_TP)], "TTPTQD": [(2020, BK_TP)],
             "CCBVMT": [(2022, BK_TP)], "TTQT": [(2021, BK_TP)], "TTCNTT": [(2023, BK_TP)]}
    for unit in UNITS:
        code = unit[0]
        for y in range(2019, 2024):
            if rng.random() < 0.85 or code in ("VPDKDD", "TTPTQD", "CCBVMT"):
                tap_the.append(hist_row(code, y, "Danh hiệu thi đua", TTLDTT))
            if rng.random() < 0.25:
                tap_the.append(hist_row(code, y, "Hình thức khen thưởng", GK_SO))
        for y, what in extra.get(code, []):
            tap_the.append(hist_row(code, y, "Hình thức khen thưởng", what))
    tap_the.sort(key=lambda r: (UNIT_ORDER[r[0]], r[1], LOAI_ORDER[r[2]], r[3]))
    return ca_nhan, tap_the


# =========================================================================== scores

TIEU_CHI = [
    ("TC01", "a", "Thực hiện tốt cơ chế, chính sách, quy hoạch về đầu tư kết cấu hạ tầng", 8),
    ("TC02", "a", "Hoàn thành đúng, vượt tiến độ các dự án hạ tầng trọng điểm và nhiệm vụ được "
                  "giao", 8),
    ("TC03", "a", "Cải cách thủ tục hành chính, công khai, minh bạch thông tin, tạo thuận lợi "
                  "cho nhà đầu tư", 7),
    ("TC04", "a", "Ứng dụng công nghệ số, phương pháp quản lý hiện đại trong quản lý công trình "
                  "hạ tầng", 8),
    ("TC05", "a", "Đào tạo, phát triển nguồn nhân lực đáp ứng chuyển đổi số, hội nhập quốc tế",
     6),
    ("TC06", "a", "Đa dạng hóa, phân bổ nguồn lực có trọng tâm; giải ngân 100% kế hoạch vốn đầu "
                  "tư công", 7),
    ("TC07", "a", "Đẩy mạnh tuyên truyền, vận động và giám sát đầu tư phát triển kết cấu hạ tầng",
     6),
    ("TC08", "b", "Ban hành Chương trình thực hành tiết kiệm, chống lãng phí hằng năm với chỉ "
                  "tiêu rõ ràng", 7),
    ("TC09", "b", "Ban hành kịp thời định mức kinh tế - kỹ thuật, tiêu chuẩn, chế độ bảo đảm "
                  "tiết kiệm", 6),
    ("TC10", "b", "Giảm tỷ trọng chi thường xuyên, phấn đấu còn khoảng 60% tổng chi ngân sách",
     7),
    ("TC11", "b", "Đổi mới quản lý ngân sách về khoa học, nâng cao hiệu quả đơn vị sự nghiệp "
                  "công lập", 7),
    ("TC12", "b", "Thực hiện hiệu quả Luật Đầu tư công; sử dụng tài sản công đúng tiêu chuẩn, "
                  "định mức", 8),
    ("TC13", "b", "Quản lý chặt chẽ, phát huy nguồn lực từ tài nguyên; quan trắc tự động lưu vực "
                  "sông lớn", 7),
    ("TC14", "b", "Cải cách thủ tục hành chính về đất đai, môi trường, khoáng sản, tài nguyên "
                  "nước", 8),
]
MUC = {"a": "a) Về phát triển kết cấu hạ tầng", "b": "b) Về thực hành tiết kiệm, chống lãng phí"}

# The Council's total per unit: distinct, except KS and DDBD tied.
COUNCIL_TOTAL = {"VPDKDD": 95.5, "TTCNTT": 93.0, "QLDD": 92.0, "VP": 91.5, "TTPTQD": 90.0,
                 "TTQT": 89.5, "CCBVMT": 88.0, "KHTC": 87.5, "TTS": 87.0, "QHKH": 86.0,
                 "TNN": 85.0, "KS": 84.5, "DDBD": 84.5, "DKTK": 83.0}


def num(x):
    return int(x) if float(x).is_integer() else x


def build_scores(rng):
    rows = []
    for unit in UNITS:
        code = unit[0]
        maxima = [tc[3] for tc in TIEU_CHI]
        council = [float(m) for m in maxima]
        steps = int(round((100 - COUNCIL_TOTAL[code]) * 2))
        while steps:
            i = rng.randrange(len(council))
            if council[i] > maxima[i] - 2.5:
                council[i] -= 0.5
                steps -= 1
        self_ = []
        for i, c in enumerate(council):
            extra = rng.choice([0, 0, 0, 0.5, 0.5, 1.0])
            self_.append(min(float(maxima[i]), c + extra))
        # Now and then the Council gives half a point more than the unit claimed.
        if code in ("TTCNTT", "KS"):
            i = next(i for i in range(len(council)) if council[i] < maxima[i])
            j = (i + 5) % len(council)
            while council[j] < 1:
                j += 1
            self_[j] = council[j] - 0.5
        for i, tc in enumerate(TIEU_CHI):
            rows.append([code, tc[0], num(self_[i]), num(council[i])])
        assert sum(council) == COUNCIL_TOTAL[code], code
    return rows


# =========================================================================== nominations

def votes(rng, form, case):
    if case == "votes_cstdcs_8":
        yes = 8
    elif case == "votes_cstdcs_9":
        yes = 9
    elif case == "votes_other_5":
        yes = 5
    elif case == "votes_other_6":
        yes = 6
    elif case == "votes_sum_10":
        return 10, 0, 0
    elif form == "CSTĐCS":
        yes = rng.choice([10, 11, 11])
    else:
        yes = rng.choice([7, 8, 9, 10, 10, 11, 11])
    no = 11 - yes
    if 0 < no and rng.random() < 0.2:
        no -= 1       # one member abstained
    # Members present who did not vote or abstained: the three add up to the 11 present,
    # except on the planted row, where one member is not accounted for (10 of 11).
    blank = 11 - yes - no - (1 if case == "votes_sum_10" else 0)
    assert blank >= 0, case
    return yes, no, blank


# The Council's recorded exception: the second Bằng khen of VPDKDD, over the quota of 1; its
# achievement is the one the exception names (đo đạc), a work no other nominee of VPDKDD has.
NGOAI_LE = {("VPDKDD", "BK", 1): "Hội đồng thống nhất đề nghị vượt chỉ tiêu do có thành tích "
                                 "đột xuất trong công tác đo đạc bản đồ"}
RESERVED = {"VPDKDD": ("công tác đo đạc, chỉnh lý bản đồ địa chính",)}


def so(x):
    """A number as a Vietnamese office writes it: 12.400 and 98,7."""
    if isinstance(x, float):
        return ("%.1f" % x).replace(".", ",")
    return "{:,}".format(x).replace(",", ".")


def viec_of(s):
    """The works a nominee's post does: (field, what with {n}, lowest, highest) choices."""
    if s["post"] == "Kế toán viên":
        return [VIEC_KE_TOAN]
    if s["post"] == "Văn thư":
        return [VIEC_VAN_THU]
    if s["level"] == "support":
        return [VIEC_NHAN_VIEN.get(s["domain"], VIEC_PHUC_VU)]
    return VIEC[s["domain"]]


def verb_of(s):
    """How the post takes part in the work: directs, leads, is in charge of, does it."""
    if s["level"] in ("support",) or s["post"] == "Kế toán viên":
        return ""
    if s["level"] == "deputy":
        return "chỉ đạo "
    if s["post"] in ("Trưởng phòng",) or s["post"].endswith("chính"):
        return "chủ trì "
    if s["post"] == "Phó Trưởng phòng":
        return "phụ trách "
    return "trực tiếp "


def thanh_tich(rng, s, form, case, used, taken, want=None):
    """The nominee's own achievement text, from the unit's work, the post and a number of
    the person's own; no two nominees share one (used: the texts so far; taken: the works
    already given in the unit)."""
    if case == "no_achievement":
        return ""
    works = viec_of(s)
    if want:
        works = [w for w in works if want in w[0]]
    else:
        works = [w for w in works if w[0] not in RESERVED.get(s["dv"], ())] or works
    free = [w for w in works if w not in taken] or works
    work = rng.choice(free)
    taken.append(work)
    field, what, lo, hi = work
    while True:
        n = round(rng.uniform(lo, hi), 1) if isinstance(lo, float) else rng.randint(lo, hi)
        if (what, n) in used:
            continue        # the same number for the same work would read as a copy
        done = verb_of(s) + what.format(n=so(n))
        if form == "BK":
            text = ("xuất sắc trong %s giai đoạn %d-%d, riêng năm %d %s, góp phần thực hiện "
                    "phong trào thi đua của Thành phố" % (field, NAM - 2, NAM, NAM, done))
        else:
            lead = "xuất sắc" if form == "CSTĐCS" else rng.choice(["xuất sắc", "xuất sắc",
                                                                   "tiêu biểu"])
            text = "%s trong %s năm %d, %s" % (lead, field, NAM, done)
        if text not in used:
            used.update((text, (what, n)))
            return text


def build_nominations(rng, noms, units_by_code):
    ca_nhan = []
    noms = sorted(noms, key=lambda x: (UNIT_ORDER[x["s"]["dv"]], FORM_ORDER[x["form"]],
                                       x["s"]["ma"]))
    index = {}
    # The achievement texts have their own random stream, so that a change to them leaves
    # the votes as they are.
    trng = random.Random(SEED + 2)
    used, taken = set(), {}
    for x in noms:
        s, form, case = x["s"], x["form"], x["case"]
        i = index[(s["dv"], form)] = index.get((s["dv"], form), -1) + 1
        yes, no, blank = votes(rng, form, case)
        cap = "Thành phố" if form == "BK" else "Sở"
        ngoai_le = NGOAI_LE.get((s["dv"], form, i), "")
        tt = thanh_tich(trng, s, form, case, used, taken.setdefault(s["dv"], []),
                        RESERVED[s["dv"]][0] if ngoai_le else None)
        ca_nhan.append([s["ma"], s["dv"], s["name"], FORM_NAME[form], cap, tt, yes, no, blank,
                        ngoai_le])
    tap_the_plan = [
        ("QLDD", TTLDTT, 10), ("TNN", TTLDTT, 9), ("CCBVMT", TTLDTT, 10), ("TTPTQD", TTLDTT, 11),
        ("TTCNTT", TTLDTT, 10), ("KHTC", "Giấy khen", 9), ("TTQT", "Giấy khen", 10),
        ("VPDKDD", "Cờ thi đua", 10),
    ]
    # What each unit did, from its Kết quả nổi bật, so that no two units share a text.
    tap_the_viec = {
        "QLDD": "thẩm định, trình giao đất, cho thuê đất 214 hồ sơ và thu hồi 52 ha đất đưa vào "
                "quỹ đất của Thành phố",
        "TNN": "cấp 86 giấy phép tài nguyên nước và vận hành 24 trạm quan trắc tự động",
        "CCBVMT": "thẩm định đúng hạn 145 hồ sơ cấp giấy phép môi trường và xử lý dứt điểm 9 "
                  "điểm nóng ô nhiễm",
        "TTPTQD": "đấu giá thành công 23 khu đất và giải phóng mặt bằng 268 ha cho các dự án hạ "
                  "tầng trọng điểm",
        "TTCNTT": "đưa tỷ lệ hồ sơ trực tuyến lên 92% và tích hợp 28 lớp dữ liệu chuyên ngành "
                  "vào kho dữ liệu dùng chung",
        "KHTC": "tham mưu giải ngân 98,7% kế hoạch vốn đầu tư công được giao",
        "TTQT": "thực hiện 14.600 lượt quan trắc và vận hành 47 trạm quan trắc không khí tự động",
    }
    tap_the = []
    for code, form, yes in tap_the_plan:
        if form == TTLDTT:
            tt = "hoàn thành tốt nhiệm vụ chính trị và tích cực hưởng ứng phong trào thi đua " \
                 "của Sở năm %d, %s" % (NAM, tap_the_viec[code])
        elif form == "Giấy khen":
            tt = "xuất sắc trong thực hiện nhiệm vụ chính trị và phong trào thi đua năm %d, %s" % (
                NAM, tap_the_viec[code])
        else:
            tt = "xuất sắc, dẫn đầu phong trào thi đua “%s” năm %d" % (PHONG_TRAO, NAM)
        cap = "Thành phố" if form == "Cờ thi đua" else "Sở"
        tap_the.append([code, units_by_code[code][1], form, cap, tt, yes, 11 - yes, 0, ""])
    return ca_nhan, tap_the


# =========================================================================== writing

BODY_FONT = Font(name="Times New Roman", size=12)
HEADER_FONT = Font(name="Times New Roman", size=12, bold=True)


def write_book(path, sheets):
    """sheets: [(name, header, rows, {column index: 'date'|'text'})]."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    wb.properties.creator = "Văn phòng Sở"
    wb.properties.lastModifiedBy = "Văn phòng Sở"
    wb.properties.created = FIXED_DT
    wb.properties.modified = FIXED_DT
    for name, header, rows, kinds in sheets:
        ws = wb.create_sheet(name)
        ws.append([nfc(h) for h in header])
        for r in rows:
            ws.append([nfc(v) for v in r])
        for row in ws.iter_rows():
            for c in row:
                c.font = BODY_FONT
        for c in ws[1]:
            c.font = HEADER_FONT
            c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        for ci, h in enumerate(header, start=1):
            kind = kinds.get(ci - 1)
            longest = max([len(h)] + [10 if kind == "date" else len(str(r[ci - 1] or ""))
                                      for r in rows])
            width = min(round(max(longest, 7) * 1.1) + 2, 62)
            ws.column_dimensions[get_column_letter(ci)].width = width
            wrap = longest > 60
            for row in ws.iter_rows(min_row=2, min_col=ci, max_col=ci):
                c = row[0]
                if kind == "date":
                    c.number_format = "dd/mm/yyyy"
                elif kind == "text" or isinstance(c.value, str):
                    c.number_format = "@"
                if wrap:
                    c.alignment = Alignment(wrap_text=True, vertical="top")
        ws.freeze_panes = "A2"
    wb.save(path)


def make_profile(profile):
    (profile / "user").mkdir(parents=True, exist_ok=True)
    (profile / "user" / "registrymodifications.xcu").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
        'xmlns:xs="http://www.w3.org/2001/XMLSchema" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
        '<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" '
        'oor:op="fuse"><value>vi-VN</value></prop></item>\n'
        '</oor:items>\n', encoding="utf-8")


def libreoffice_round_trip(files, work):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        sys.exit("LibreOffice (soffice) is not installed")
    profile = work / "lo-profile"
    make_profile(profile)
    outdir = work / "lo-out"
    outdir.mkdir()
    env = dict(os.environ)
    env.setdefault("LANG", "C.UTF-8")
    env.pop("DISPLAY", None)
    cmd = [soffice, "-env:UserInstallation=" + profile.as_uri(), "--headless", "--norestore",
           "--nolockcheck", "--nodefault", "--nologo", "--calc", "--convert-to", "xlsx",
           "--outdir", str(outdir)] + [str(f) for f in files]
    cp = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                        stdin=subprocess.DEVNULL, timeout=600)
    if cp.returncode != 0:
        sys.exit("soffice failed: " + cp.stderr.decode(errors="replace"))
    out = []
    for f in files:
        g = outdir / Path(f).name
        if not g.exists():
            sys.exit("soffice wrote no %s: %s" % (g.name, (cp.stdout + cp.stderr).decode()))
        out.append(g)
    return out


# What Calc writes for a header row frozen in a sheet view. A headless LibreOffice has no
# view, so it drops the frozen pane that the openpyxl draft had; we put back its own markup.
FROZEN_VIEW = (b'<pane xSplit="0" ySplit="1" topLeftCell="A2" activePane="bottomLeft" '
               b'state="frozen"/><selection pane="topLeft" activeCell="A1" activeCellId="0" '
               b'sqref="A1"/><selection pane="bottomLeft" activeCell="A2" activeCellId="0" '
               b'sqref="A2"/>')


def finish_zip(src, dst):
    """The file LibreOffice wrote, with the frozen header row restored in every sheet and
    fixed zip entry times and document dates, so that two runs give the same bytes."""
    with zipfile.ZipFile(src) as zin:
        items = [(info, zin.read(info.filename)) for info in zin.infolist()]
    tmp = dst.with_suffix(dst.suffix + ".tmp")
    with zipfile.ZipFile(tmp, "w") as zout:
        for info, data in items:
            if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", info.filename) and b"<pane" not in data:
                data, n = re.subn(rb'(<sheetView [^>]*>)<selection pane="topLeft"[^>]*/>',
                                  lambda m: m.group(1) + FROZEN_VIEW, data)
                assert n == 1, info.filename
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(<)",
                              rb"\g<1>" + FIXED_W3CDTF.encode() + rb"\2", data)
            if info.filename == "docProps/app.xml":
                data = re.sub(rb"(<TotalTime>)[^<]*(<)", rb"\g<1>0\2", data)
            zi = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            zi.compress_type = info.compress_type
            zi.external_attr = 0o644 << 16
            zout.writestr(zi, data)
    os.replace(tmp, dst)


# =========================================================================== checks

def read_sheet(path, sheet):
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet]
    rows = list(ws.iter_rows(values_only=True))
    header = list(rows[0])
    return header, [dict(zip(header, r)) for r in rows[1:]], ws


def check(files):
    """Read the files LibreOffice wrote and check types, references and planted cases."""
    fail = []

    def need(cond, msg):
        if not cond:
            fail.append(msg)

    _, dv, ws_dv = read_sheet(files["don-vi"], "DonVi")
    _, cb, ws_cb = read_sheet(files["can-bo"], "CanBo")
    _, lsc, ws_lsc = read_sheet(files["lich-su"], "CaNhan")
    _, lst, _ = read_sheet(files["lich-su"], "TapThe")
    _, tc, _ = read_sheet(files["cham-diem"], "TieuChi")
    _, diem, _ = read_sheet(files["cham-diem"], "Diem")
    _, dnc, _ = read_sheet(files["de-nghi"], "CaNhan")
    _, dnt, _ = read_sheet(files["de-nghi"], "TapThe")
    _, hop, ws_hop = read_sheet(files["de-nghi"], "HopHoiDong")

    # The look: frozen bold header row in every sheet.
    for key, path in files.items():
        wb = openpyxl.load_workbook(path)
        for ws in wb.worksheets:
            need(ws.freeze_panes == "A2", "%s!%s: header not frozen" % (key, ws.title))
            need(all(c.font.b for c in ws[1]), "%s!%s: header not bold" % (key, ws.title))
    # Types after the LibreOffice round trip.
    need(ws_cb["A2"].data_type == "s" and ws_cb["A2"].value == "CB0001", "code cell not text")
    need(isinstance(ws_cb["D2"].value, dt.datetime) and ws_cb["D2"].is_date, "birth not a date")
    need(isinstance(ws_dv["J2"].value, dt.datetime), "plan date not a date")
    need(isinstance(ws_dv["G2"].value, int), "staff count not a number")
    need(isinstance(ws_hop["C2"].value, dt.datetime), "meeting date not a date")
    dated = [r for r in lsc if r["Số quyết định"]]
    need(all(isinstance(r["Ngày quyết định"], dt.datetime) for r in dated), "history dates")
    need(all(r["Ngày quyết định"].weekday() < 5 and r["Ngày quyết định"].year == r["Năm"]
             for r in dated + [r for r in lst if r["Số quyết định"]]), "history decision dates")
    need(all(isinstance(r["Năm"], int) for r in lsc + lst), "history years")

    units = {r["Mã đơn vị"]: r for r in dv}
    staff = {r["Mã cán bộ"]: r for r in cb}
    need(len(dv) == 14 and len(cb) == 300, "row counts")
    for code, u in units.items():
        n = sum(1 for r in cb if r["Mã đơn vị"] == code)
        need(u["Số biên chế"] == n, "Số biên chế of %s" % code)
        head = [r for r in cb if r["Mã đơn vị"] == code and r["Chức vụ"] == u["Chức vụ thủ trưởng"]]
        need(len(head) == 1 and head[0]["Họ và tên"] == u["Thủ trưởng"], "head of %s" % code)
        need((u["Đã nộp báo cáo"] == "Có") == (u["Ngày nộp báo cáo"] is not None),
             "report date of %s" % code)
    need(sum(1 for u in dv if u["Đã nộp báo cáo"] == "Không") == 4, "four units not reported")
    # The round's timeline: plans by 31/03, reports 05/11-15/11, meeting, decision.
    day = lambda v: v.date() if isinstance(v, dt.datetime) else v
    late = sorted(c for c, u in units.items() if day(u["Ngày kế hoạch"]) > D(NAM, 3, 31))
    need(late == ["DDBD", "KS"], "late plans %s" % late)
    need(all(D(NAM, 3, 1) <= day(u["Ngày kế hoạch"]) <= D(NAM, 4, 10) for u in dv), "plan dates")
    need(all(u["Ngày nộp báo cáo"] is None
             or D(NAM, 11, 5) <= day(u["Ngày nộp báo cáo"]) <= D(NAM, 11, 15) for u in dv),
         "report dates")
    need(day(hop[0]["Ngày họp"]) == D(NAM, 12, 5), "meeting date")
    need(day(hop[0]["Ngày quyết định"]) == D(NAM, 12, 12)
         and hop[0]["Số quyết định"] == "125/QĐ-STNMT", "decision")
    need(all(day(u[k]).weekday() < 5 for u in dv
             for k in ("Ngày kế hoạch", "Ngày nộp báo cáo", "Ngày tờ trình") if u[k]),
         "a unit's date falls on a weekend")
    nominating = {r["Mã đơn vị"] for r in dnc} | {r["Mã đơn vị"] for r in dnt}
    for code, u in units.items():
        t = u["Ngày tờ trình"]
        need((t is not None) == (code in nominating), "Ngày tờ trình of %s" % code)
        need(t is None or (isinstance(t, dt.datetime) and D(NAM, 11, 18) <= day(t) <= D(NAM, 11, 28)
                           and (u["Ngày nộp báo cáo"] is None or u["Ngày nộp báo cáo"] < t)),
             "Ngày tờ trình of %s: %s" % (code, t))
    symbols = [u["Ký hiệu"] for u in dv]
    need(len(set(symbols)) == len(symbols) and "TTr" not in symbols, "unit symbols %s" % symbols)
    for r in cb:
        need(r["Mã đơn vị"] in units, "unit of %s" % r["Mã cán bộ"])
        need(not r["Danh hiệu"] or r["Xếp loại"] in (XS, TOT)
             or r["Mã cán bộ"] == LDTT_WRONG[1], "LĐTT rating %s" % r["Mã cán bộ"])
        need(bool(r["Sáng kiến"]) == bool(r["Cấp công nhận sáng kiến"]), "initiative level")
    for r in lsc:
        need(r["Mã cán bộ"] in staff, "history code %s" % r["Mã cán bộ"])
        need(2019 <= r["Năm"] <= 2023, "history year")
    for r in lst:
        need(r["Mã đơn vị"] in units, "history unit %s" % r["Mã đơn vị"])
    need(sum(r["Điểm tối đa"] for r in tc) == 100, "maxima sum to 100")
    maxima = {r["Mã tiêu chí"]: r["Điểm tối đa"] for r in tc}
    need(len(diem) == 196, "196 score rows")
    for r in diem:
        need(r["Mã đơn vị"] in units and r["Mã tiêu chí"] in maxima, "score keys")
        need(r["Điểm Hội đồng"] <= maxima[r["Mã tiêu chí"]], "council above max")
        need(r["Điểm tự chấm"] <= maxima[r["Mã tiêu chí"]], "self above max")
    totals = {}
    for r in diem:
        totals[r["Mã đơn vị"]] = totals.get(r["Mã đơn vị"], 0) + r["Điểm Hội đồng"]
    vals = sorted(totals.values())
    dups = [v for v in set(vals) if vals.count(v) > 1]
    need(dups == [84.5] and vals.count(84.5) == 2, "exactly one tie (%s)" % dups)
    for r in dnc:
        s = staff.get(r["Mã cán bộ"])
        need(s is not None and s["Mã đơn vị"] == r["Mã đơn vị"]
             and s["Họ và tên"] == r["Họ và tên"], "nominee %s" % r["Mã cán bộ"])
        total = r["Phiếu đồng ý"] + r["Phiếu không đồng ý"] + r["Phiếu không biểu quyết"]
        need(total == (10 if r["Mã cán bộ"] in EXPECTED["votes_sum_10"] else 11),
             "votes of %s add up to %d" % (r["Mã cán bộ"], total))
    for r in dnt:
        need(r["Mã đơn vị"] in units and units[r["Mã đơn vị"]]["Tên đơn vị"] == r["Tên đơn vị"],
             "collective %s" % r["Mã đơn vị"])
        need(r["Phiếu đồng ý"] + r["Phiếu không đồng ý"] + r["Phiếu không biểu quyết"] == 11,
             "collective votes of %s" % r["Mã đơn vị"])
        need(r["Ngoại lệ của Hội đồng"] is None, "collective exception %s" % r["Mã đơn vị"])
    need(len(hop) == 1 and hop[0]["Số thành viên có mặt"] == 11, "meeting row")

    # Planted cases, as the rules would see them.
    rownum = {r["Mã cán bộ"]: i + 2 for i, r in enumerate(dnc)}
    for code, row in EXPECTED_ROWS.items():
        need(rownum.get(code) == row, "row of %s is %s, not %s" % (code, rownum.get(code), row))
    by = {r["Mã cán bộ"]: r for r in dnc}
    forms = lambda f: [r for r in dnc if r["Hình thức đề nghị"] == f]
    need((len(forms(CSTDCS)), len(forms("Giấy khen")), len(forms("Bằng khen"))) == (15, 24, 6),
         "nomination counts")
    # Quotas.
    for code, u in units.items():
        cs = sum(1 for r in forms(CSTDCS) if r["Mã đơn vị"] == code)
        bk = sum(1 for r in forms("Bằng khen") if r["Mã đơn vị"] == code)
        over_cs = cs > int(0.15 * u["Số biên chế"])
        need(over_cs == (code == "QHKH"), "CSTĐCS quota of %s (%d)" % (code, cs))
        need((bk > 1) == (code == "VPDKDD"), "Bằng khen quota of %s" % code)
    need(sorted(r["Mã cán bộ"] for r in forms(CSTDCS) if r["Mã đơn vị"] == "QHKH")
         == EXPECTED["quota_cstdcs"], "QHKH codes")
    need(sorted(r["Mã cán bộ"] for r in forms("Bằng khen") if r["Mã đơn vị"] == "VPDKDD")
         == EXPECTED["quota_bang_khen"], "VPDKDD codes")
    # Votes.
    cs_fail = sorted(r["Mã cán bộ"] for r in forms(CSTDCS) if r["Phiếu đồng ý"] < 9)
    need(cs_fail == EXPECTED["votes_cstdcs_8"]
         and all(by[c]["Phiếu đồng ý"] == 8 for c in cs_fail), "CSTĐCS vote failures")
    need([r["Mã cán bộ"] for r in forms(CSTDCS) if r["Phiếu đồng ý"] == 9]
         == EXPECTED["votes_cstdcs_9"], "CSTĐCS exactly 9")
    other = [r for r in dnc if r["Hình thức đề nghị"] != CSTDCS]
    need([r["Mã cán bộ"] for r in other if r["Phiếu đồng ý"] < 6] == EXPECTED["votes_other_5"]
         and by[EXPECTED["votes_other_5"][0]]["Phiếu đồng ý"] == 5, "other vote failure")
    need([r["Mã cán bộ"] for r in other if r["Phiếu đồng ý"] == 6] == EXPECTED["votes_other_6"],
         "other exactly 6")
    c = EXPECTED["votes_sum_10"][0]
    need(by[c]["Phiếu đồng ý"] == 10 and by[c]["Hình thức đề nghị"] == "Giấy khen",
         "the row of 10 votes passes either way")
    need(all(isinstance(r[k], int) for r in dnc + dnt
             for k in ("Phiếu đồng ý", "Phiếu không đồng ý", "Phiếu không biểu quyết")), "vote types")
    # The Council's exception: the second Bằng khen of VPDKDD only.
    exc = [r["Mã cán bộ"] for r in dnc if r["Ngoại lệ của Hội đồng"]]
    need(exc == EXPECTED["exception"] and "vượt chỉ tiêu" in by[exc[0]]["Ngoại lệ của Hội đồng"],
         "exceptions %s" % exc)
    # Rule III.2.2: rating and (initiative or achievement).
    bad_rating = [c for c in by if staff[c]["Xếp loại"] not in (XS, TOT)]
    need(bad_rating == EXPECTED["rating_htnv"], "rating failures %s" % bad_rating)
    no_ach = sorted(c for c in by if not by[c]["Thành tích"] and not staff[c]["Sáng kiến"])
    need(no_ach == EXPECTED["no_achievement"], "III.2.2 failures %s" % no_ach)
    need(sorted(c for c in by if not by[c]["Thành tích"]) == EXPECTED["no_achievement"],
         "empty achievements")
    need(len({r["Thành tích"] for r in dnt}) == len(dnt), "collective achievement texts repeat")
    texts = [r["Thành tích"] for r in dnc if r["Thành tích"]]
    need(len(set(texts)) == len(texts) == len(dnc) - 2, "achievement texts repeat")
    need(all(str(NAM) in t and re.search(r"\d", t.replace(str(NAM), "")) for t in texts),
         "an achievement text without the year or a number of its own")
    # Chiến sĩ thi đua cơ sở: LĐTT and (HTXSNV or initiative or research).
    cs_bad = []
    for r in forms(CSTDCS):
        s = staff[r["Mã cán bộ"]]
        if s["Danh hiệu"] != LDTT or not (s["Xếp loại"] == XS or s["Sáng kiến"]
                                          or s["Đề tài nghiên cứu"]):
            cs_bad.append(r["Mã cán bộ"])
    need(cs_bad == EXPECTED["cstdcs_no_ldtt"], "CSTĐCS rule failures %s" % cs_bad)
    c = EXPECTED["cstdcs_research"][0]
    need(staff[c]["Xếp loại"] == TOT and not staff[c]["Sáng kiến"]
         and staff[c]["Đề tài nghiên cứu"], "research branch")
    c = EXPECTED["cstdcs_initiative"][0]
    need(staff[c]["Xếp loại"] == TOT and staff[c]["Sáng kiến"]
         and not staff[c]["Đề tài nghiên cứu"], "initiative branch")
    # Bằng khen: HTXSNV in 2022 and 2023, CSTĐCS in 2022 and 2023.
    hist = {}
    for r in lsc:
        hist.setdefault(r["Mã cán bộ"], []).append(r)
    bk_pass, bk_fail = [], {}
    for r in forms("Bằng khen"):
        code = r["Mã cán bộ"]
        h = hist.get(code, [])
        rated = {x["Năm"]: x["Nội dung"] for x in h if x["Loại"] == "Xếp loại"}
        cs = {x["Năm"] for x in h if x["Nội dung"] == CSTDCS}
        if rated.get(2023) != XS:
            bk_fail[code] = "rating"
        elif not {2022, 2023} <= cs:
            bk_fail[code] = "cstdcs"
        else:
            bk_pass.append(code)
    need(sorted(bk_pass) == EXPECTED["bk_pass"], "Bằng khen passes %s" % bk_pass)
    need(bk_fail == {EXPECTED["bk_missing_2022"][0]: "cstdcs",
                     EXPECTED["bk_httnv_2023"][0]: "rating"}, "Bằng khen failures %s" % bk_fail)
    # Every nominee: ratings 2021-2023 and at least one title.
    for code in by:
        h = hist.get(code, [])
        need({2021, 2022, 2023} <= {x["Năm"] for x in h if x["Loại"] == "Xếp loại"},
             "nominee ratings %s" % code)
        need(any(x["Loại"] != "Xếp loại" for x in h), "nominee titles %s" % code)
    # Discipline.
    need([r["Mã cán bộ"] for r in cb if r["Kỷ luật"] == "Cảnh cáo"] == EXPECTED["canh_cao"],
         "Cảnh cáo")
    need([r["Mã cán bộ"] for r in cb if r["Kỷ luật"] == "Khiển trách"] == EXPECTED["khien_trach"],
         "Khiển trách")
    need(not any(staff[c]["Kỷ luật"] for c in by), "a nominee is disciplined")
    # Tập thể lao động tiên tiến: >= 70% LĐTT and no warning.
    tt_fail = {}
    for r in dnt:
        if r["Hình thức đề nghị"] != TTLDTT:
            continue
        code = r["Mã đơn vị"]
        members = [s for s in cb if s["Mã đơn vị"] == code]
        share = sum(1 for s in members if s["Danh hiệu"] == LDTT) / len(members)
        if share < 0.7:
            tt_fail[code] = "share %.4f" % share
        if any(s["Kỷ luật"] == "Cảnh cáo" for s in members):
            tt_fail[code] = "warning"
    need(tt_fail == {"TNN": "share 0.6667", "CCBVMT": "warning"}, "TTLĐTT failures %s" % tt_fail)
    # Same names.
    names = {}
    for r in cb:
        names.setdefault(r["Họ và tên"], []).append(r["Mã cán bộ"])
    dup = {k: v for k, v in names.items() if len(v) > 1}
    need(dup == EXPECTED["same_names"], "same names %s" % dup)
    need([r["Mã đơn vị"] for r in dnt] == EXPECTED_TAP_THE, "collective rows")
    # NFC everywhere.
    for rows in (dv, cb, lsc, lst, tc, diem, dnc, dnt, hop):
        for r in rows:
            for v in r.values():
                if isinstance(v, str):
                    need(unicodedata.is_normalized("NFC", v), "not NFC: %r" % v)
    if fail:
        sys.exit("checks failed:\n  " + "\n  ".join(fail))
    print("checks passed: types, cross-references and %d planted nomination rows"
          % len(EXPECTED_ROWS))


# =========================================================================== main

def main():
    rng = random.Random(SEED)
    staff = build_staff(rng)
    noms = choose_nominees(rng, staff)
    assign_names(rng, staff)
    assign_ratings(rng, staff)
    ca_nhan_ls, tap_the_ls = build_history(rng, staff)
    diem = build_scores(rng)
    units_by_code = {u[0]: u for u in UNITS}
    dn_ca_nhan, dn_tap_the = build_nominations(rng, noms, units_by_code)

    heads = {s["dv"]: s for s in staff if s["level"] == "head"}
    nominating = {r[1] for r in dn_ca_nhan} | {r[0] for r in dn_tap_the}
    don_vi = []
    for u in UNITS:
        code = u[0]
        text = UNIT_TEXT[code]
        to_trinh = NGAY_TO_TRINH[code] if code in nominating else None
        don_vi.append([code, u[1], u[2], u[3], heads[code]["name"], u[4], u[6], u[8], u[9],
                       u[10], "Có" if u[11] else "Không", u[12], to_trinh] + list(text)
                      + [TEN_TIEU_DE.get(code)])
    can_bo = [[s["ma"], s["dv"], s["name"], s["born"], s["sex"], s["post"], s["qual"], s["que"],
               s["rating"], s["title"], s["sk"], s["sk_cap"], s["de_tai"], s["kl"]]
              for s in staff]
    tieu_chi = [[tc[0], MUC[tc[1]], tc[2], tc[3]] for tc in TIEU_CHI]
    thu_ky = next(s for s in staff if s["dv"] == "VP" and s["level"] == "deputy"
                  and not s["role"])
    hop = [[NAM, "Họp Hội đồng Thi đua - Khen thưởng Sở xét khen thưởng năm %d" % NAM,
            D(2024, 12, 5), "8 giờ 30 phút", "11 giờ 15 phút",
            "Phòng họp tầng 3, trụ sở Sở Tài nguyên và Môi trường, " + HQ, "Mai Trọng Thái",
            "Phó Giám đốc Sở, Phó Chủ tịch Thường trực Hội đồng Thi đua - Khen thưởng Sở",
            thu_ky["name"], "Phó Chánh Văn phòng Sở, Thư ký Hội đồng Thi đua - Khen thưởng Sở",
            11, "125/QĐ-STNMT", D(2024, 12, 12)]]

    H_LS = ["Năm", "Loại", "Nội dung", "Số quyết định", "Ngày quyết định", "Cơ quan ban hành"]
    books = {
        "don-vi": [("DonVi",
                    ["Mã đơn vị", "Tên đơn vị", "Ký hiệu", "Loại hình", "Thủ trưởng",
                     "Chức vụ thủ trưởng", "Số biên chế", "Địa chỉ", "Điện thoại",
                     "Ngày kế hoạch", "Đã nộp báo cáo", "Ngày nộp báo cáo", "Ngày tờ trình",
                     "Kết quả nổi bật", "Tồn tại, hạn chế", "Phương hướng", "Kiến nghị",
                     "Chức năng, nhiệm vụ", "Quá trình phát triển", "Tên tiêu đề"],
                    don_vi, {0: "text", 8: "text", 9: "date", 11: "date", 12: "date"})],
        "can-bo": [("CanBo",
                    ["Mã cán bộ", "Mã đơn vị", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ",
                     "Trình độ chuyên môn", "Quê quán", "Xếp loại", "Danh hiệu", "Sáng kiến",
                     "Cấp công nhận sáng kiến", "Đề tài nghiên cứu", "Kỷ luật"],
                    can_bo, {0: "text", 1: "text", 3: "date"})],
        "lich-su": [("CaNhan", ["Mã cán bộ"] + H_LS, ca_nhan_ls, {0: "text", 5: "date"}),
                    ("TapThe", ["Mã đơn vị"] + H_LS, tap_the_ls, {0: "text", 5: "date"})],
        "cham-diem": [("TieuChi", ["Mã tiêu chí", "Mục", "Nội dung", "Điểm tối đa"], tieu_chi,
                       {0: "text"}),
                      ("Diem", ["Mã đơn vị", "Mã tiêu chí", "Điểm tự chấm", "Điểm Hội đồng"],
                       diem, {0: "text", 1: "text"})],
        "de-nghi": [("CaNhan",
                     ["Mã cán bộ", "Mã đơn vị", "Họ và tên", "Hình thức đề nghị",
                      "Cấp quyết định", "Thành tích", "Phiếu đồng ý", "Phiếu không đồng ý",
                      "Phiếu không biểu quyết", "Ngoại lệ của Hội đồng"],
                     dn_ca_nhan, {0: "text", 1: "text"}),
                    ("TapThe",
                     ["Mã đơn vị", "Tên đơn vị", "Hình thức đề nghị", "Cấp quyết định",
                      "Thành tích", "Phiếu đồng ý", "Phiếu không đồng ý",
                      "Phiếu không biểu quyết", "Ngoại lệ của Hội đồng"],
                     dn_tap_the, {0: "text"}),
                    ("HopHoiDong",
                     ["Năm", "Tên cuộc họp", "Ngày họp", "Giờ bắt đầu", "Giờ kết thúc",
                      "Địa điểm", "Chủ trì", "Chức vụ chủ trì", "Thư ký", "Chức vụ thư ký",
                      "Số thành viên có mặt", "Số quyết định", "Ngày quyết định"],
                     hop, {2: "date", 11: "text", 12: "date"})],
    }
    names = {"don-vi": "don-vi.xlsx", "can-bo": "can-bo.xlsx",
             "lich-su": "lich-su-khen-thuong.xlsx", "cham-diem": "cham-diem.xlsx",
             "de-nghi": "de-nghi.xlsx"}

    with tempfile.TemporaryDirectory(prefix="tao-du-lieu-") as tmp:
        work = Path(tmp)
        raw = []
        for key, sheets in books.items():
            p = work / names[key]
            write_book(p, sheets)
            raw.append(p)
        converted = libreoffice_round_trip(raw, work)
        final = {}
        checked = {}
        for key, src in zip(books, converted):
            dst = work / ("final-" + names[key])
            finish_zip(src, dst)
            checked[key] = dst
            final[key] = INPUTS / names[key]
        check(checked)
        INPUTS.mkdir(exist_ok=True)
        for key in books:
            shutil.copyfile(checked[key], final[key])
    old = INPUTS / "khen-thuong.xlsx"
    if old.exists():
        old.unlink()
    for key, sheets in books.items():
        print("%-28s %s" % ("inputs/" + names[key],
                            ", ".join("%s %d rows" % (s[0], len(s[2])) for s in sheets)))


if __name__ == "__main__":
    main()
