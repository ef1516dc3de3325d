//! The commands of ../shared/fixtures/README.md and the results it says to expect, on the
//! LibreOffice-written templates (`-lo`) and the python-docx drafts (`-pd`).

use crate::common::*;

const UNITS: [&str; 5] = ["CCTL", "CCKL", "TTKN", "VPDK", "TTNS"];

#[test]
fn reminder_letters_fill_split_tags_headers_and_footers() {
    for variant in ["lo", "pd"] {
        let template = format!("cong-van-don-doc-{variant}.docx");
        let dir = workspace(&[&template, "don-vi.xlsx"]);
        let run = vanban(
            dir.path(),
            &[
                "render",
                &format!("templates/{template}"),
                "--data",
                "data/don-vi.xlsx",
                "--out",
                "out/cong-van",
                "--name",
                "cong-van-{{ma_don_vi}}.docx",
            ],
        );
        assert_eq!(run.code, 0, "{variant}: {}", run.stderr);
        assert_eq!(run.stderr.trim(), "wrote 5 documents to out/cong-van/");
        let out = dir.path().join("out/cong-van");
        let expected: Vec<String> = {
            let mut names: Vec<String> =
                UNITS.iter().map(|u| format!("cong-van-{u}.docx")).collect();
            names.sort();
            names
        };
        assert_eq!(docx_files(&out), expected);

        let cctl = out.join("cong-van-CCTL.docx");
        let header = part_text(&cctl, "word/header1.xml").join("\n");
        assert!(header.ends_with("– gửi CCTL"), "{variant}: {header}");
        let text = body(&cctl);
        for expected in [
            "Số: 1207/VP-TĐKT",
            "Kính gửi: Chi cục Thủy lợi.",
            "đơn vị: Báo cáo kết quả thực hiện phong trào thi đua năm 2025.",
            "đề nghị đồng chí Phan Văn Lộc, Thủ trưởng đơn vị,",
            "trước ngày 31/10/2025. Quá thời hạn",
        ] {
            assert!(
                text.contains(expected),
                "{variant}: missing {expected:?} in\n{text}"
            );
        }
        assert!(
            !text.contains("{{") && !text.contains("1207.0"),
            "{variant}: {text}"
        );
        assert_eq!(
            part_text(&cctl, "word/footer1.xml").join("\n"),
            "Đơn vị nhận: CCTL – Mã số thuế: 0109876543"
        );

        assert!(
            body(&out.join("cong-van-VPDK.docx"))
                .contains("tự chấm < 50% điểm tối đa & tài liệu minh chứng.")
        );
        assert!(
            body(&out.join("cong-van-TTNS.docx"))
                .contains("Kính gửi: Trung tâm Nước sạch & Vệ sinh môi trường nông thôn.")
        );
        for (unit, date, number) in [
            ("CCKL", "05/11/2025", 1208),
            ("TTKN", "07/11/2025", 1209),
            ("VPDK", "10/11/2025", 1210),
            ("TTNS", "14/11/2025", 1211),
        ] {
            let text = body(&out.join(format!("cong-van-{unit}.docx")));
            assert!(
                text.contains(&format!("trước ngày {date}.")),
                "{unit}: {text}"
            );
            assert!(
                text.contains(&format!("Số: {number}/VP-TĐKT")),
                "{unit}: {text}"
            );
        }
    }
}

#[test]
fn a_value_takes_the_format_of_the_run_where_its_tag_begins() {
    let dir = workspace(&["cong-van-don-doc-lo.docx", "don-vi.xlsx"]);
    let run = vanban(
        dir.path(),
        &[
            "render",
            "templates/cong-van-don-doc-lo.docx",
            "--data",
            "data/don-vi.xlsx",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let bytes = std::fs::read(dir.path().join("out/cong-van-don-doc-lo-2.docx")).unwrap();
    let xml = entry_text(&bytes, "word/document.xml").unwrap();
    // `{{ten_don_vi}}` began in a plain run: the name is not bold.
    let name_run = xml
        .split("<w:r>")
        .find(|r| r.contains("Chi cục Thủy lợi"))
        .unwrap();
    assert!(!name_run.contains("<w:b/>"), "{name_run}");
    // `{{han_nop}}` began bold and underlined.
    let date_run = xml
        .split("<w:r>")
        .find(|r| r.contains("31/10/2025"))
        .unwrap();
    assert!(
        date_run.contains("<w:b/>") && date_run.contains("<w:u w:val=\"single\"/>"),
        "{date_run}"
    );
    let header = entry_text(&bytes, "word/header1.xml").unwrap();
    let unit_run = header.split("<w:r>").find(|r| r.contains("CCTL")).unwrap();
    assert!(
        unit_run.contains("<w:i/>") && !unit_run.contains("<w:b/>"),
        "{unit_run}"
    );
}

fn award_lists(variant: &str, extra: &[&str]) -> (tempfile::TempDir, Run) {
    let template = format!("danh-sach-khen-thuong-{variant}.docx");
    let dir = workspace(&[&template, "khen-thuong.xlsx"]);
    let template_path = format!("templates/{template}");
    let mut args = vec![
        "render",
        &template_path,
        "--data",
        "data/khen-thuong.xlsx",
        "--header-row",
        "3",
        "--group-by",
        "ma_don_vi",
        "--out",
        "out/khen-thuong",
    ];
    args.extend_from_slice(extra);
    let run = vanban(dir.path(), &args);
    (dir, run)
}

/// Rows of the people table (table 2) of a list: each row's cell texts.
fn people_rows(docx: &std::path::Path) -> Vec<Vec<String>> {
    let bytes = std::fs::read(docx).unwrap();
    vanban::testkit::table_rows(&entry_text(&bytes, "word/document.xml").unwrap(), 2)
}

#[test]
fn award_lists_repeat_table_rows_per_person_and_drop_empty_notes() {
    for variant in ["lo", "pd"] {
        let (dir, run) = award_lists(variant, &[]);
        assert_eq!(run.code, 0, "{variant}: {}", run.stderr);
        let out = dir.path().join("out/khen-thuong");
        let stem = format!("danh-sach-khen-thuong-{variant}");
        assert_eq!(
            docx_files(&out),
            [
                format!("{stem}-CCKL.docx"),
                format!("{stem}-TTKN.docx"),
                format!("{stem}-VPDK.docx")
            ]
        );

        let cckl = out.join(format!("{stem}-CCKL.docx"));
        let rows = people_rows(&cckl);
        assert_eq!(rows.len(), 6, "{variant}: header and 5 people: {rows:?}");
        assert_eq!(
            rows[0],
            ["STT", "Họ và tên", "Chức vụ", "Hình thức khen thưởng"]
        );
        assert_eq!(
            rows[1],
            [
                "1",
                "Hoàng Văn Thắng",
                "Chi cục trưởng",
                "Bằng khen của Chủ tịch UBND tỉnh"
            ]
        );
        assert_eq!(rows[5][..2], ["5".to_string(), "Lò Văn Sướng".to_string()]);
        let text = body(&cckl);
        for expected in [
            "Đơn vị: Chi cục Kiểm lâm",
            "TTr-CCKL",
            "Tổng số: 5 cá nhân.",
            "Ý kiến của đơn vị:",
        ] {
            assert!(
                text.contains(expected),
                "{variant}: missing {expected:?} in\n{text}"
            );
        }
        assert!(
            text.contains(
                "Hồ sơ đã được Hội đồng Thi đua – Khen thưởng đơn vị thông qua ngày 10/10/2025"
            ),
            "{text}"
        );
        assert!(!text.contains("{{"), "{text}");
        assert!(
            part_text(&cckl, "word/footer1.xml")
                .join("")
                .ends_with("– đơn vị CCKL")
        );

        let ttkn = out.join(format!("{stem}-TTKN.docx"));
        assert_eq!(people_rows(&ttkn).len(), 5);
        let text = body(&ttkn);
        assert!(
            text.contains("Tổng số: 4 cá nhân.\nDanh sách này gồm 4 cá nhân,"),
            "{variant}: the note block and no empty paragraph:\n{text}"
        );
        assert!(!text.contains("Ý kiến của đơn vị"));

        let vpdk = out.join(format!("{stem}-VPDK.docx"));
        let rows = people_rows(&vpdk);
        assert_eq!(rows.len(), 8);
        let numbers: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
        assert_eq!(numbers, ["1", "2", "3", "4", "5", "6", "7"]);
        assert_eq!(rows[1][1], "Lê Thị Kim Oanh");
        assert_eq!(rows[7][1], "Mai Thế Hùng");
        let text = body(&vpdk);
        assert!(
            text.contains("Tổng số: 7 cá nhân.") && text.contains("\"cắm mốc\""),
            "{text}"
        );
    }
}

#[test]
fn combine_writes_every_list_into_one_file_each_from_a_new_page() {
    let (dir, run) = award_lists("lo", &["--combine", "out/khen-thuong/tat-ca.docx"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let combined = dir.path().join("out/khen-thuong/tat-ca.docx");
    let bytes = std::fs::read(&combined).unwrap();
    let xml = entry_text(&bytes, "word/document.xml").unwrap();
    assert_eq!(xml.matches("<w:sectPr").count(), 3, "one section per list");
    assert_eq!(xml.matches(r#"<w:type w:val="nextPage"/>"#).count(), 3);
    let text = body(&combined);
    let order: Vec<usize> = [
        "Chi cục Kiểm lâm",
        "Trung tâm Khuyến nông",
        "Văn phòng Đăng ký đất đai",
    ]
    .iter()
    .map(|unit| {
        text.find(&format!("Đơn vị: {unit}"))
            .unwrap_or_else(|| panic!("{unit} missing"))
    })
    .collect();
    assert!(
        order.windows(2).all(|w| w[0] < w[1]),
        "lists in run order: {order:?}"
    );
    // Each list keeps its own footer.
    let footers: Vec<String> = vanban::testkit::entry_names(&bytes)
        .into_iter()
        .filter(|n| n.starts_with("word/footer"))
        .map(|n| part_text(&combined, &n).join(""))
        .collect();
    for unit in ["CCKL", "TTKN", "VPDK"] {
        assert!(
            footers
                .iter()
                .any(|f| f.ends_with(&format!("đơn vị {unit}"))),
            "{unit}: {footers:?}"
        );
    }
}

#[test]
fn without_the_header_row_the_header_below_the_title_is_found_with_a_note() {
    // Issue 12: the title block above the table is no longer taken for the header.
    let dir = workspace(&["danh-sach-khen-thuong-lo.docx", "khen-thuong.xlsx"]);
    let run = vanban(
        dir.path(),
        &[
            "render",
            "templates/danh-sach-khen-thuong-lo.docx",
            "--data",
            "data/khen-thuong.xlsx",
            "--group-by",
            "ma_don_vi",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.starts_with(
            "data/khen-thuong.xlsx:DanhSach: note: row 3 is taken as the header row: the rows above it are a title\n\
             hint: give --header-row N to take another row (--header-row 3 says this one)\n"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(
        docx_files(&dir.path().join("out")),
        [
            "danh-sach-khen-thuong-lo-CCKL.docx",
            "danh-sach-khen-thuong-lo-TTKN.docx",
            "danh-sach-khen-thuong-lo-VPDK.docx"
        ]
    );
}

#[test]
fn meeting_invitations_follow_decree_30_dates_and_defaults() {
    for variant in ["lo", "pd"] {
        for data in ["don-vi.ods", "don-vi.xlsx"] {
            let template = format!("giay-moi-hop-{variant}.docx");
            let dir = workspace(&[&template, data]);
            let run = vanban(
                dir.path(),
                &[
                    "render",
                    &format!("templates/{template}"),
                    "--data",
                    &format!("data/{data}"),
                    "--out",
                    "out/giay-moi",
                    "--name",
                    "giay-moi-{{ma_don_vi}}.docx",
                ],
            );
            assert_eq!(run.code, 0, "{variant} {data}: {}", run.stderr);
            let out = dir.path().join("out/giay-moi");
            for (unit, who, when, place) in [
                (
                    "CCTL",
                    "01 Phó Thủ trưởng và Trưởng các phòng chuyên môn của đơn vị",
                    "8 giờ 00, ngày 04 tháng 11 năm 2025",
                    "Phòng họp tầng 3",
                ),
                (
                    "CCKL",
                    "01 Phó Thủ trưởng",
                    "14 giờ 00, ngày 18 tháng 11 năm 2025",
                    "Hội trường A",
                ),
                (
                    "TTKN",
                    "Kế toán trưởng hoặc cán bộ phụ trách công tác thi đua của đơn vị",
                    "8 giờ 30, ngày 09 tháng 01 năm 2026",
                    "Phòng họp số 1",
                ),
                (
                    "VPDK",
                    "Kế toán trưởng",
                    "14 giờ 30, ngày 24 tháng 02 năm 2026",
                    "Phòng họp số 2",
                ),
                (
                    "TTNS",
                    "Kế toán trưởng",
                    "9 giờ 00, ngày 06 tháng 3 năm 2026",
                    "Phòng họp trực tuyến, tầng 2",
                ),
            ] {
                let docx = out.join(format!("giay-moi-{unit}.docx"));
                let text = body(&docx);
                assert!(
                    text.contains(&format!("Thành phần đi cùng: {who}")),
                    "{unit}: {text}"
                );
                assert!(
                    text.contains(&format!("Thời gian: {when}.")),
                    "{unit}: {text}"
                );
                assert!(
                    text.contains(&format!("Địa điểm: {place}, trụ sở")),
                    "{unit}: {text}"
                );
                let core = entry_text(&std::fs::read(&docx).unwrap(), "docProps/core.xml").unwrap();
                assert!(
                    core.contains(&format!("<dc:title>Giấy mời {unit}</dc:title>")),
                    "{core}"
                );
            }
        }
    }
}

#[test]
fn the_benchmark_letter_fills_a_thirty_row_personnel_table_per_record() {
    let dir = workspace(&["to-trinh.hbs.docx", "to-trinh-3.json"]);
    let run = vanban(
        dir.path(),
        &[
            "render",
            "templates/to-trinh.hbs.docx",
            "--data",
            "data/to-trinh-3.json",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let records: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("to-trinh-3.json")).unwrap())
            .unwrap();
    for (i, record) in records.as_array().unwrap().iter().enumerate() {
        let docx = dir.path().join(format!("out/to-trinh.hbs-{}.docx", i + 1));
        let xml = entry_text(&std::fs::read(&docx).unwrap(), "word/document.xml").unwrap();
        let people = record["people"].as_array().unwrap();
        // Table 1 is the header; the people table follows: its header row and one row each.
        let rows = vanban::testkit::table_rows(&xml, 2);
        assert_eq!(rows.len(), people.len() + 1, "record {}", i + 1);
        for (row, person) in rows[1..].iter().zip(people) {
            assert_eq!(row[1], person["ho_ten"].as_str().unwrap());
            assert_eq!(row[5], person["xep_loai"].as_str().unwrap());
        }
        let text = body(&docx);
        assert!(
            !text.contains("{{") && text.contains(record["ten_don_vi"].as_str().unwrap()),
            "{text}"
        );
    }
}
