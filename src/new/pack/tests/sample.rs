//! Sample data, shaped as the manifest builds it (pack-spec.md: "What each template sees").

use serde_json::{Map, Value, json};

fn globals() -> Map<String, Value> {
    let Value::Object(g) = json!({
        "nam": 2025,
        "nam_truoc": 2024,
        "co_quan_chu_quan": "UBND thành phố Hà Nội",
        "co_quan_ban_hanh": "Sở Tài nguyên và Môi trường",
        "dia_danh": "Hà Nội",
        "ngay_ky": "20/11/2025",
        "nguoi_ky": "Mai Trọng Thái",
        "chuc_vu_ky": "Phó Giám đốc",
        "quyen_han": "KT. Giám đốc",
        "giam_doc": "Nguyễn Huy Cường",
        "ten_phong_trao": "Đẩy mạnh phát triển kết cấu hạ tầng đồng bộ, hiện đại; thực hành tiết kiệm, chống lãng phí",
        "ke_hoach_so": "Kế hoạch số 45/KH-STNMT ngày 15/02/2023 của Sở Tài nguyên và Môi trường",
        "han_bao_cao": "15/11/2025",
        "han_nop_ho_so": "28/11/2025",
        "hoi_dong_thanh_vien": 11,
        "don_vi_thuong_truc": "Văn phòng Sở",
        "today": "20/11/2025",
        "chuc_danh_tham_quyen": "Giám đốc Sở Tài nguyên và Môi trường",
        "so_quyet_dinh": "125/QĐ-STNMT",
        "ngay_quyet_dinh": "15/12/2025",
        "so": "05",
        "so_ky_hieu": "05/KH-QHKHSDĐ",
        "luat_thi_dua": "Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022",
        "nghi_dinh_thi_dua": "Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng",
    }) else {
        unreachable!()
    };
    g
}

fn with_globals(row: Value) -> Value {
    let Value::Object(mut row) = row else {
        unreachable!()
    };
    for (k, v) in globals() {
        row.entry(k).or_insert(v);
    }
    Value::Object(row)
}

const CRITERIA: &[(&str, &str, u32)] = &[
    (
        "a",
        "Triển khai tốt cơ chế, chính sách, quy hoạch; nâng cao hiệu lực quản lý nhà nước về đầu tư kết cấu hạ tầng",
        8,
    ),
    (
        "a",
        "Hoàn thành đúng và vượt tiến độ nhiệm vụ được giao phục vụ các dự án hạ tầng trọng điểm",
        8,
    ),
    (
        "a",
        "Đẩy mạnh cải cách thủ tục hành chính; công khai, minh bạch thông tin",
        7,
    ),
    (
        "a",
        "Ứng dụng công nghệ số, phương pháp quản lý hiện đại trong quản lý công trình",
        7,
    ),
    (
        "a",
        "Đào tạo, phát triển nguồn nhân lực đáp ứng yêu cầu chuyển đổi số",
        6,
    ),
    (
        "a",
        "Huy động, phân bổ nguồn lực có trọng tâm; giải ngân vốn đầu tư công được giao",
        7,
    ),
    (
        "a",
        "Tuyên truyền, vận động và giám sát trong đầu tư phát triển kết cấu hạ tầng",
        7,
    ),
    (
        "b",
        "Ban hành Chương trình thực hành tiết kiệm, chống lãng phí hằng năm có chỉ tiêu cụ thể",
        8,
    ),
    (
        "b",
        "Ban hành kịp thời định mức kinh tế - kỹ thuật, tiêu chuẩn, chế độ thuộc thẩm quyền",
        7,
    ),
    (
        "b",
        "Giảm tỷ trọng chi thường xuyên trong tổng chi ngân sách được giao",
        7,
    ),
    (
        "b",
        "Đổi mới cơ chế quản lý kinh phí khoa học; nâng cao hiệu quả đơn vị sự nghiệp",
        7,
    ),
    (
        "b",
        "Quản lý, sử dụng tài sản công đúng mục đích, tiêu chuẩn, định mức",
        7,
    ),
    (
        "b",
        "Quản lý chặt chẽ, khai thác hiệu quả nguồn lực từ tài nguyên; quan trắc tự động",
        7,
    ),
    (
        "b",
        "Cải cách thủ tục hành chính lĩnh vực đất đai, môi trường, khoáng sản, tài nguyên nước",
        7,
    ),
];

fn diem(offset: f64) -> Value {
    let rows: Vec<Value> = CRITERIA
        .iter()
        .enumerate()
        .map(|(i, (muc, noi_dung, max))| {
            let muc = if *muc == "a" {
                "a) Về phát triển kết cấu hạ tầng"
            } else {
                "b) Về thực hành tiết kiệm, chống lãng phí"
            };
            let tu_cham = f64::from(*max) - if i % 4 == 0 { offset } else { 0.0 };
            let hoi_dong = tu_cham - if i % 3 == 0 { 0.5 } else { 0.0 };
            json!({
                "ma_don_vi": "QHKH",
                "ma_tieu_chi": format!("TC{:02}", i + 1),
                "diem_tu_cham": tu_cham,
                "diem_hoi_dong": hoi_dong,
                "tieu_chi": {
                    "ma_tieu_chi": format!("TC{:02}", i + 1),
                    "muc": muc,
                    "noi_dung": noi_dung,
                    "diem_toi_da": max,
                }
            })
        })
        .collect();
    Value::Array(rows)
}

fn history(code_key: &str, code: &str, rows: &[(u32, &str, &str, &str, &str, &str)]) -> Value {
    Value::Array(
        rows.iter()
            .map(|(nam, loai, noi_dung, so, ngay, co_quan)| {
                json!({
                    code_key: code, "nam": nam, "loai": loai, "noi_dung": noi_dung,
                    "so_quyet_dinh": so, "ngay_quyet_dinh": ngay, "co_quan_ban_hanh": co_quan,
                })
            })
            .collect(),
    )
}

const SO: &str = "Sở Tài nguyên và Môi trường";
const UB: &str = "UBND thành phố Hà Nội";

fn staff(code: &str, name: &str, sex: &str, chuc_vu: &str, xep_loai: &str) -> Value {
    let lich_su = history(
        "ma_can_bo",
        code,
        &[
            (2022, "Xếp loại", "Hoàn thành xuất sắc nhiệm vụ", "", "", ""),
            (2023, "Xếp loại", "Hoàn thành xuất sắc nhiệm vụ", "", "", ""),
            (2024, "Xếp loại", "Hoàn thành xuất sắc nhiệm vụ", "", "", ""),
            (
                2023,
                "Danh hiệu thi đua",
                "Chiến sĩ thi đua cơ sở",
                "1254/QĐ-STNMT",
                "22/12/2023",
                SO,
            ),
            (
                2024,
                "Danh hiệu thi đua",
                "Chiến sĩ thi đua cơ sở",
                "1390/QĐ-STNMT",
                "20/12/2024",
                SO,
            ),
            (
                2022,
                "Hình thức khen thưởng",
                "Giấy khen của Giám đốc Sở",
                "1187/QĐ-STNMT",
                "26/12/2022",
                SO,
            ),
            (
                2024,
                "Hình thức khen thưởng",
                "Bằng khen của Chủ tịch UBND Thành phố",
                "3021/QĐ-UBND",
                "12/6/2024",
                UB,
            ),
        ],
    );
    json!({
        "ma_can_bo": code, "ma_don_vi": "QHKH", "ho_va_ten": name, "ngay_sinh": "14/08/1982",
        "gioi_tinh": sex, "chuc_vu": chuc_vu, "trinh_do_chuyen_mon": "Thạc sĩ Quản lý đất đai",
        "que_quan": "Xã Liên Bạt, huyện Ứng Hòa, thành phố Hà Nội", "xep_loai": xep_loai,
        "danh_hieu": if xep_loai.contains("nhiệm vụ") && !xep_loai.starts_with("Không") && xep_loai != "Hoàn thành nhiệm vụ" { "Lao động tiên tiến" } else { "" },
        "sang_kien": if code.ends_with('1') { "Giải pháp số hóa hồ sơ điều chỉnh quy hoạch sử dụng đất cấp huyện trên nền tảng GIS" } else { "" },
        "cap_cong_nhan_sang_kien": if code.ends_with('1') { "Cơ sở" } else { "" },
        "de_tai_nghien_cuu": "", "ky_luat": if code.ends_with('9') { "Khiển trách" } else { "" },
        "lich_su": lich_su,
    })
}

fn unit_row() -> Value {
    json!({
        "ma_don_vi": "QHKH", "ten_don_vi": "Phòng Quy hoạch - Kế hoạch sử dụng đất",
        "ky_hieu": "QHKHSDĐ", "loai_hinh": "Phòng", "thu_truong": "Nguyễn Thị Thanh Hương",
        "chuc_vu_thu_truong": "Trưởng phòng", "so_bien_che": 12,
        "dia_chi": "18 Huỳnh Thúc Kháng, phường Láng Hạ, quận Đống Đa, Hà Nội",
        "dien_thoai": "024 3773 1562", "ngay_ke_hoach": "12/03/2025", "da_nop_bao_cao": "Có",
        "ngay_nop_bao_cao": "10/11/2025",
        "ket_qua_noi_bat": "Tham mưu UBND Thành phố phê duyệt điều chỉnh quy hoạch sử dụng đất đến năm 2030 của 30 quận, huyện, thị xã, bảo đảm quỹ đất cho 146 dự án hạ tầng giao thông, thủy lợi, trường học. Rút ngắn thời gian thẩm định kế hoạch sử dụng đất hằng năm cấp huyện từ 30 xuống 20 ngày; 100% hồ sơ được giải quyết đúng hạn.",
        "ton_tai_han_che": "Việc cập nhật cơ sở dữ liệu quy hoạch sử dụng đất ở một số quận, huyện còn chậm. Nhân lực còn mỏng so với khối lượng công việc.",
        "phuong_huong": "Hoàn thành thẩm định kế hoạch sử dụng đất năm 2026 cấp huyện trước ngày 31/12/2025; đẩy mạnh số hóa hồ sơ quy hoạch.",
        "kien_nghi": "Đề nghị Sở bổ sung 02 biên chế công chức cho Phòng trong năm 2026.",
        "chuc_nang_nhiem_vu": "Tham mưu, giúp Giám đốc Sở quản lý nhà nước về quy hoạch, kế hoạch sử dụng đất; thẩm định quy hoạch, kế hoạch sử dụng đất cấp huyện.",
        "qua_trinh_phat_trien": "Thành lập năm 2008 trên cơ sở tổ chức lại Phòng Quy hoạch - Kế hoạch thuộc Sở Tài nguyên, Môi trường và Nhà đất Hà Nội.",
        "tong_tu_cham": 98.0, "tong_diem": 95.5, "xep_hang": 2,
    })
}

fn vote(dong_y: u32, nguong: &str) -> Value {
    let ty_le = (f64::from(dong_y) * 10000.0 / 11.0).round() / 100.0;
    let dat = if nguong == "80%" {
        dong_y >= 9
    } else {
        dong_y >= 6
    };
    json!({
        "dong_y": dong_y, "khong_dong_y": 11 - dong_y, "thanh_vien": 11, "ty_le": ty_le,
        "nguong": nguong, "dat": dat, "ket_qua": if dat { "Đạt" } else { "Không đạt" },
    })
}

fn individual(
    code: &str,
    name: &str,
    sex: &str,
    chuc_vu: &str,
    hinh_thuc: &str,
    dong_y: u32,
) -> Value {
    let city = hinh_thuc == "Bằng khen";
    let nguong = if hinh_thuc == "Chiến sĩ thi đua cơ sở" {
        "80%"
    } else {
        "50%"
    };
    let unit = unit_row();
    json!({
        "ma_can_bo": code, "ma_don_vi": "QHKH", "ho_va_ten": name, "hinh_thuc_de_nghi": hinh_thuc,
        "cap_quyet_dinh": if city { "Thành phố" } else { "Sở" },
        "thanh_tich": "Chủ trì tham mưu thẩm định kế hoạch sử dụng đất năm 2025 của 12 quận, huyện, bảo đảm quỹ đất cho các dự án hạ tầng giao thông trọng điểm của Thành phố",
        "phieu_dong_y": dong_y, "phieu_khong_dong_y": 11 - dong_y,
        "can_bo": staff(code, name, sex, chuc_vu, "Hoàn thành xuất sắc nhiệm vụ"),
        "don_vi": unit,
        "bieu_quyet": vote(dong_y, nguong),
        "khong_dat": [], "chua_dat_tieu_chuan": false, "ngoai_le_cua_hoi_dong": "",
        "duoc_khen": vote(dong_y, nguong)["dat"],
        "nguoi_nhan": format!("{} {name}", if sex == "Nữ" { "Bà" } else { "Ông" }),
        "noi_cong_tac": format!("{chuc_vu}, Phòng Quy hoạch - Kế hoạch sử dụng đất"),
    })
}

fn collective(code: &str, name: &str, hinh_thuc: &str, dong_y: u32) -> Value {
    let mut unit = unit_row();
    unit["ma_don_vi"] = json!(code);
    unit["ten_don_vi"] = json!(name);
    unit["lich_su"] = history(
        "ma_don_vi",
        code,
        &[
            (
                2023,
                "Danh hiệu thi đua",
                "Tập thể lao động tiên tiến",
                "1255/QĐ-STNMT",
                "22/12/2023",
                SO,
            ),
            (
                2024,
                "Danh hiệu thi đua",
                "Tập thể lao động tiên tiến",
                "1391/QĐ-STNMT",
                "20/12/2024",
                SO,
            ),
            (
                2024,
                "Hình thức khen thưởng",
                "Giấy khen của Giám đốc Sở",
                "1392/QĐ-STNMT",
                "20/12/2024",
                SO,
            ),
        ],
    );
    unit["can_bo"] = json!([staff(
        "CB0101",
        "Lê Văn Toàn",
        "Nam",
        "Trưởng phòng",
        "Hoàn thành tốt nhiệm vụ"
    )]);
    json!({
        "ma_don_vi": code, "ten_don_vi": name, "hinh_thuc_de_nghi": hinh_thuc,
        "cap_quyet_dinh": if hinh_thuc == "Cờ thi đua" { "Thành phố" } else { "Sở" },
        "thanh_tich": "Hoàn thành xuất sắc nhiệm vụ năm 2025; dẫn đầu khối các Phòng thuộc Sở trong phong trào thi đua",
        "phieu_dong_y": dong_y, "phieu_khong_dong_y": 11 - dong_y,
        "don_vi": unit,
        "bieu_quyet": vote(dong_y, "50%"),
        "khong_dat": [], "chua_dat_tieu_chuan": false, "ngoai_le_cua_hoi_dong": "",
        "duoc_khen": vote(dong_y, "50%")["dat"],
        "nguoi_nhan": name,
        "noi_cong_tac": "Sở Tài nguyên và Môi trường",
    })
}

fn individuals() -> Vec<Value> {
    vec![
        individual(
            "CB0011",
            "Nguyễn Thị Thu Hà",
            "Nữ",
            "Phó Trưởng phòng",
            "Chiến sĩ thi đua cơ sở",
            10,
        ),
        individual(
            "CB0012",
            "Trần Văn Đức",
            "Nam",
            "Chuyên viên chính",
            "Giấy khen",
            9,
        ),
        individual(
            "CB0013",
            "Phạm Quang Huy",
            "Nam",
            "Chuyên viên",
            "Chiến sĩ thi đua cơ sở",
            8,
        ),
        individual(
            "CB0014",
            "Đỗ Thị Minh Ngọc",
            "Nữ",
            "Phó Trưởng phòng",
            "Bằng khen",
            11,
        ),
        individual(
            "CB0015",
            "Vũ Hoàng Long",
            "Nam",
            "Chuyên viên chính",
            "Bằng khen",
            10,
        ),
    ]
}

fn collectives() -> Vec<Value> {
    vec![
        collective(
            "QHKH",
            "Phòng Quy hoạch - Kế hoạch sử dụng đất",
            "Giấy khen",
            10,
        ),
        collective(
            "TTCNTT",
            "Trung tâm Công nghệ thông tin tài nguyên môi trường",
            "Cờ thi đua",
            9,
        ),
        collective("KS", "Phòng Khoáng sản", "Tập thể lao động tiên tiến", 5),
    ]
}

/// A unit row with its staff, scores, history and nominations.
fn unit() -> Value {
    let mut u = unit_row();
    u["can_bo"] = json!([
        staff(
            "CB0011",
            "Nguyễn Thị Thu Hà",
            "Nữ",
            "Phó Trưởng phòng",
            "Hoàn thành xuất sắc nhiệm vụ"
        ),
        staff(
            "CB0012",
            "Trần Văn Đức",
            "Nam",
            "Chuyên viên chính",
            "Hoàn thành tốt nhiệm vụ"
        ),
        staff(
            "CB0019",
            "Lương Thị Hồng",
            "Nữ",
            "Chuyên viên",
            "Hoàn thành nhiệm vụ"
        ),
    ]);
    u["diem"] = diem(1.0);
    u["lich_su"] = history(
        "ma_don_vi",
        "QHKH",
        &[(
            2024,
            "Danh hiệu thi đua",
            "Tập thể lao động tiên tiến",
            "1391/QĐ-STNMT",
            "20/12/2024",
            SO,
        )],
    );
    u["de_nghi_ca_nhan"] = json!(individuals()[..2]);
    u["de_nghi_tap_the"] = json!(collectives()[..1]);
    u["so_ky_hieu"] = json!("05/KH-QHKHSDĐ");
    with_globals(u)
}

fn department() -> Value {
    let names = [
        ("VP", "Văn phòng Sở", "Có"),
        ("TTS", "Thanh tra Sở", "Có"),
        ("QHKH", "Phòng Quy hoạch - Kế hoạch sử dụng đất", "Có"),
        (
            "TNN",
            "Phòng Tài nguyên nước, Khí tượng thủy văn và Biến đổi khí hậu",
            "Không",
        ),
        (
            "TTCNTT",
            "Trung tâm Công nghệ thông tin tài nguyên môi trường",
            "Không",
        ),
    ];
    let rows: Vec<Value> = names
        .iter()
        .enumerate()
        .map(|(i, (code, name, nop))| {
            let mut u = unit_row();
            u["ma_don_vi"] = json!(code);
            u["ten_don_vi"] = json!(name);
            u["da_nop_bao_cao"] = json!(nop);
            u["so_bien_che"] = json!(10 + 3 * i);
            u["tong_tu_cham"] = json!(99.0 - i as f64);
            u["tong_diem"] = json!(97.5 - 2.0 * i as f64);
            u["xep_hang"] = json!((i + 3) % 5 + 1);
            u
        })
        .collect();
    let mut d = Map::new();
    d.insert("rows".into(), Value::Array(rows));
    d.insert("count".into(), json!(names.len()));
    let mut v = with_globals(Value::Object(d));
    v["so_ky_hieu"] = json!("12/BC-STNMT");
    v
}

fn meeting() -> Value {
    let mut m = with_globals(json!({
        "nam": 2025,
        "ten_cuoc_hop": "Họp Hội đồng Thi đua - Khen thưởng Sở xét khen thưởng năm 2025",
        "ngay_hop": "10/12/2025", "gio_bat_dau": "8 giờ 30 phút", "gio_ket_thuc": "11 giờ 15 phút",
        "dia_diem": "Phòng họp tầng 3, trụ sở Sở Tài nguyên và Môi trường, 18 Huỳnh Thúc Kháng, Đống Đa, Hà Nội",
        "chu_tri": "Nguyễn Huy Cường", "chuc_vu_chu_tri": "Giám đốc Sở, Chủ tịch Hội đồng",
        "thu_ky": "Hoàng Thị Lan Anh", "chuc_vu_thu_ky": "Phó Chánh Văn phòng Sở",
        "so_thanh_vien_co_mat": 11, "so_quyet_dinh": "125/QĐ-STNMT", "ngay_quyet_dinh": "15/12/2025",
        "de_nghi_ca_nhan": individuals(),
        "de_nghi_tap_the": collectives(),
    }));
    m["so_ky_hieu"] = json!("03/BB-HĐTĐKT");
    m
}

/// The record each template is rendered with.
pub(super) fn sample(stem: &str) -> Value {
    match stem {
        "ke-hoach" => unit(),
        "bao-cao" | "to-trinh" => {
            let mut u = unit();
            let number = if stem == "bao-cao" {
                "18/BC-QHKHSDĐ"
            } else {
                "21/TTr-QHKHSDĐ"
            };
            u["so_ky_hieu"] = json!(number);
            u
        }
        "cong-van-don-doc" => {
            let mut u = unit();
            u["da_nop_bao_cao"] = json!("Không");
            u["so_ky_hieu"] = json!("1520/STNMT-VP");
            u
        }
        "bao-cao-so" => department(),
        "to-trinh-so" | "bien-ban" | "quyet-dinh-giay-khen" => {
            let mut m = meeting();
            let number = match stem {
                "to-trinh-so" => "48/TTr-STNMT",
                "bien-ban" => "03/BB-HĐTĐKT",
                _ => "",
            };
            m["so_ky_hieu"] = json!(number);
            m
        }
        "bao-cao-thanh-tich-ca-nhan" => with_globals(individuals()[0].clone()),
        "giay-khen" | "giay-khen-phoi" => {
            let mut g = with_globals(individuals()[1].clone());
            g["so_vao_so"] = json!("07");
            g
        }
        "bao-cao-thanh-tich-tap-the" => with_globals(collectives()[0].clone()),
        _ => panic!("no sample for {stem}"),
    }
}
