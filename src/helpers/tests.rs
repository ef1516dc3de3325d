//! The helpers rendered through a real Handlebars registry in strict mode, as the engine uses
//! them (value tags rewritten to `{{_v …}}`).

use handlebars::{Handlebars, RenderErrorReason};
use serde_json::{Value, json};

use super::{BUILT_INS, HELPERS, IMPLEMENTATIONS, format_value, register};

fn registry() -> Handlebars<'static> {
    let mut hb = Handlebars::new();
    hb.set_strict_mode(true);
    hb.register_escape_fn(handlebars::no_escape);
    register(&mut hb);
    hb
}

/// The rendered text, or the error: `missing: <path>` for a missing variable, else the
/// message text.
fn render(template: &str, data: &Value) -> Result<String, String> {
    registry()
        .render_template(template, data)
        .map_err(|e| match e.reason() {
            RenderErrorReason::MissingVariable(path) => {
                format!("missing: {}", path.clone().unwrap_or_default())
            }
            reason if super::message_of(reason).is_some() => {
                super::message_of(reason).unwrap().to_string()
            }
            RenderErrorReason::Other(message) => message.clone(),
            other => format!("unexpected error kind: {other}"),
        })
}

fn data() -> Value {
    json!({
        "ten_don_vi": "Sở Tài nguyên và Môi trường",
        "ngay_ky": "05/03/2023",
        "ngay_iso": "2023-01-05",
        "ngay_iso_gio": "2023-02-09T08:15:00",
        "ngay_gio": "11/01/2023 14:30",
        "ngay_sai": "31/04/2023",
        "tien": 1250000,
        "tien_le": 1250000.5,
        "diem": 8.5,
        "so_text": "1.250.000",
        "thap_phan": "7,5",
        "am": -1250000,
        "rong": "",
        "trong": null,
        "co": true,
        "khong": false,
        "zero": 0,
        "ma": "01",
        "chu": "abc",
        "nam": 2023,
        "ds": ["A", "B"],
        "rows": [
            {"ho_va_ten": "Nguyễn Văn Bình", "don_vi": "Phòng A", "tong_diem": 8.5,
             "hinh_thuc": "Giấy khen", "ngay_sinh": "12/05/1980", "ma": "003"},
            {"ho_va_ten": "Trần Thị An", "don_vi": "Phòng B", "tong_diem": "7,5",
             "hinh_thuc": "Bằng khen", "ngay_sinh": "01/02/1975", "ma": "010"},
            {"ho_va_ten": "Lê Văn Đức", "don_vi": "Phòng A", "tong_diem": 9,
             "hinh_thuc": "Giấy khen", "ngay_sinh": "30/12/1990", "ma": "002"},
            {"ho_va_ten": "Phạm Thị Ánh", "don_vi": "Phòng B", "tong_diem": "",
             "hinh_thuc": "Giấy khen", "ngay_sinh": "15/07/1985", "ma": "001"},
            {"ho_va_ten": "Lê Văn Dũng", "don_vi": "Phòng C", "tong_diem": 10,
             "hinh_thuc": "Bằng khen", "ngay_sinh": "", "ma": "020"}
        ],
        "nested": {"a": 1}
    })
}

fn check(cases: &[(&str, &str)]) {
    let data = data();
    let mut failures = Vec::new();
    for (template, expected) in cases {
        match render(template, &data) {
            Ok(out) if out == *expected => {}
            other => failures.push(format!(
                "{template}\n   want {expected:?}\n   got  {other:?}"
            )),
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

fn check_errors(cases: &[(&str, &str)]) {
    let data = data();
    let mut failures = Vec::new();
    for (template, expected) in cases {
        match render(template, &data) {
            Err(message) if message == *expected => {}
            other => failures.push(format!(
                "{template}\n   want error {expected:?}\n   got  {other:?}"
            )),
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn format_value_prints_values_as_documents_show_them() {
    for (value, out) in [
        (json!("Hà Nội"), "Hà Nội"),
        (json!(""), ""),
        (json!(1207), "1207"),
        (json!(1250000), "1250000"),
        (json!(-3), "-3"),
        (json!(8.5), "8,5"),
        (json!(2.0), "2"),
        (json!(-0.25), "-0,25"),
        (json!(0.1 + 0.2), "0,3"),
        (json!(1.0 / 3.0), "0,3333333333"),
        (json!(true), "Có"),
        (json!(false), "Không"),
        (Value::Null, ""),
        (json!(["a", 1, 2.5, true]), "a, 1, 2,5, Có"),
        (json!([]), ""),
        (json!({"a": 1}), ""),
    ] {
        assert_eq!(format_value(&value), out, "{value}");
    }
}

#[test]
fn the_value_printer_prints_each_kind_of_value() {
    check(&[
        ("{{_v ten_don_vi}}", "Sở Tài nguyên và Môi trường"),
        ("{{_v tien}}", "1250000"),
        ("{{_v diem}}", "8,5"),
        ("{{_v co}}/{{_v khong}}", "Có/Không"),
        ("[{{_v trong}}][{{_v rong}}]", "[][]"),
        ("{{_v ngay_ky}}", "05/03/2023"),
        ("{{_v zero}}", "0"),
        (
            "{{#each rows}}{{_v ho_va_ten}};{{/each}}",
            "Nguyễn Văn Bình;Trần Thị An;Lê Văn Đức;Phạm Thị Ánh;Lê Văn Dũng;",
        ),
        (
            "{{#each rows}}{{_v @root.nam}}{{/each}}",
            "20232023202320232023",
        ),
        ("{{_v nested.a}}", "1"),
    ]);
}

#[test]
fn the_value_printer_escapes_with_the_registry_escape_function() {
    let mut hb = Handlebars::new();
    hb.set_strict_mode(true);
    register(&mut hb);
    let out = hb
        .render_template("{{_v x}}", &json!({"x": "a & <b>"}))
        .unwrap();
    assert_eq!(out, "a &amp; &lt;b&gt;");
}

#[test]
fn the_value_printer_refuses_missing_data_lists_and_objects() {
    check_errors(&[
        ("{{_v khong_co}}", "missing: khong_co"),
        (
            "{{#each rows}}{{_v khong_co}}{{/each}}",
            "missing: khong_co",
        ),
        ("{{_v nested.b}}", "missing: nested.b"),
        (
            "{{_v rows}}",
            "'rows' is a list, not a value; use {{#each rows}} … {{/each}}",
        ),
        (
            "{{_v nested}}",
            "'nested' is an object, not a value; use {{#with nested}} … {{/with}}",
        ),
        (
            "{{_v (where rows \"don_vi\" \"Phòng A\")}}",
            "this expression is a list, not a value; use {{#each (…)}} … {{/each}}",
        ),
    ]);
}

#[test]
fn missing_values_are_false_in_conditions_and_replaced_by_default() {
    check(&[
        ("{{#if khong_co}}yes{{else}}no{{/if}}", "no"),
        ("{{#unless khong_co}}yes{{/unless}}", "yes"),
        ("{{_v (default khong_co \"x\")}}", "x"),
        ("{{_v (default trong \"x\")}}", "x"),
        ("{{_v (default rong \"Chuyên viên\")}}", "Chuyên viên"),
        ("{{_v (default \"   \" \"x\")}}", "x"),
        (
            "{{_v (default ten_don_vi \"x\")}}",
            "Sở Tài nguyên và Môi trường",
        ),
        ("{{_v (default zero \"x\")}}", "0"),
        ("{{_v (default khong \"x\")}}", "Không"),
        ("{{_v (default khong_co tien)}}", "1250000"),
        (
            "{{#each rows}}{{_v (default ngay_sinh \"chưa rõ\")}};{{/each}}",
            "12/05/1980;01/02/1975;30/12/1990;15/07/1985;chưa rõ;",
        ),
    ]);
    check_errors(&[("{{_v (default rong khong_co)}}", "missing: khong_co")]);
}

#[test]
fn dates_print_in_the_decree_30_line_and_in_formats() {
    check(&[
        ("{{_v (ngay_thang ngay_ky)}}", "ngày 05 tháng 3 năm 2023"),
        ("{{_v (ngay_thang ngay_iso)}}", "ngày 05 tháng 01 năm 2023"),
        (
            "{{_v (ngay_thang ngay_iso_gio)}}",
            "ngày 09 tháng 02 năm 2023",
        ),
        ("{{_v (ngay_thang ngay_gio)}}", "ngày 11 tháng 01 năm 2023"),
        (
            "{{_v (ngay_thang \"29/06/2019\")}}",
            "ngày 29 tháng 6 năm 2019",
        ),
        (
            "{{_v (ngay_thang \"05/01/2020\")}}",
            "ngày 05 tháng 01 năm 2020",
        ),
        (
            "{{_v (ngay_thang \"2024-12-01\")}}",
            "ngày 01 tháng 12 năm 2024",
        ),
        (
            "Hà Nội, {{ngay_thang ngay_ky}}",
            "Hà Nội, ngày 05 tháng 3 năm 2023",
        ),
        ("[{{_v (ngay_thang rong)}}]", "[]"),
        ("{{_v (ngay ngay_ky)}}", "05/03/2023"),
        ("{{_v (ngay ngay_iso)}}", "05/01/2023"),
        (
            "{{_v (ngay ngay_iso_gio \"dd/mm/yyyy hh:mm\")}}",
            "09/02/2023 08:15",
        ),
        ("{{_v (ngay ngay_gio \"hh:mm\")}}", "14:30"),
        ("{{_v (ngay ngay_ky \"d/m/yy\")}}", "5/3/23"),
        ("{{_v (ngay ngay_ky \"yyyy-mm-dd\")}}", "2023-03-05"),
        (
            "{{_v (ngay ngay_ky \"ngày d tháng m năm yyyy\")}}",
            "ngày 5 tháng 3 năm 2023",
        ),
        ("{{_v (ngay ngay_ky \"mm/yyyy\")}}", "03/2023"),
        ("[{{_v (ngay trong)}}]", "[]"),
    ]);
    check_errors(&[
        (
            "{{ngay_thang chu}}",
            "ngay_thang: expected a date (dd/mm/yyyy), found 'abc'",
        ),
        (
            "{{ngay_thang ngay_sai}}",
            "ngay_thang: expected a date (dd/mm/yyyy), found '31/04/2023'",
        ),
        (
            "{{ngay_thang nam}}",
            "ngay_thang: expected a date (dd/mm/yyyy), found '2023'",
        ),
        (
            "{{ngay_thang rows}}",
            "ngay_thang: expected a date (dd/mm/yyyy), found a list",
        ),
        ("{{ngay_thang khong_co}}", "missing: khong_co"),
        ("{{ngay_thang}}", "ngay_thang: expected 1 argument, found 0"),
        (
            "{{ngay_thang ngay_ky ngay_ky}}",
            "ngay_thang: expected 1 argument, found 2",
        ),
        (
            "{{ngay chu}}",
            "ngay: expected a date (dd/mm/yyyy), found 'abc'",
        ),
        (
            "{{ngay ngay_ky 5}}",
            "ngay: expected a format such as \"dd/mm/yyyy\", found '5'",
        ),
        (
            "{{ngay ngay_ky \"dd\" 1}}",
            "ngay: expected 1 or 2 arguments, found 3",
        ),
    ]);
}

#[test]
fn numbers_print_with_grouping_in_words_and_in_roman_numerals() {
    check(&[
        ("{{_v (so tien)}}", "1.250.000"),
        ("{{so 1250000}}", "1.250.000"),
        ("{{so 7.5 1}}", "7,5"),
        ("{{so 7.5 2}}", "7,50"),
        ("{{so 7.45 1}}", "7,5"),
        ("{{so tien_le}}", "1.250.000,5"),
        ("{{so tien_le 0}}", "1.250.001"),
        ("{{so am}}", "-1.250.000"),
        ("{{so so_text}}", "1.250.000"),
        ("{{so thap_phan}}", "7,5"),
        ("{{so \"1250000\"}}", "1.250.000"),
        ("{{so diem \"2\"}}", "8,50"),
        ("{{so zero}}", "0"),
        ("[{{so rong}}]", "[]"),
        ("{{doc_so 105}}", "một trăm linh năm"),
        ("{{doc_so \"7,25\"}}", "bảy phẩy hai mươi lăm"),
        ("{{doc_so diem}}", "tám phẩy năm"),
        ("{{doc_so am}}", "âm một triệu hai trăm năm mươi nghìn"),
        ("{{doc_so so_text}}", "một triệu hai trăm năm mươi nghìn"),
        ("{{doc_so zero}}", "không"),
        (
            "{{doc_tien tien}}",
            "Một triệu hai trăm năm mươi nghìn đồng",
        ),
        ("{{doc_tien 0}}", "Không đồng"),
        (
            "{{doc_tien tien_le}}",
            "Một triệu hai trăm năm mươi nghìn không trăm linh một đồng",
        ),
        (
            "{{doc_tien \"1.050.000.000\"}}",
            "Một tỷ không trăm năm mươi triệu đồng",
        ),
        ("{{la_ma 4}}", "IV"),
        ("{{la_ma \"14\"}}", "XIV"),
        ("{{la_ma nam}}", "MMXXIII"),
        ("{{la_ma 4.0}}", "IV"),
    ]);
    check_errors(&[
        ("{{so chu}}", "so: expected a number, found 'abc'"),
        ("{{so \"x\"}}", "so: expected a number, found 'x'"),
        ("{{so co}}", "so: expected a number, found 'true'"),
        (
            "{{so ngay_ky}}",
            "so: expected a number, found '05/03/2023'",
        ),
        (
            "{{so tien 11}}",
            "so: expected a number of decimals from 0 to 10, found '11'",
        ),
        (
            "{{so tien 1.5}}",
            "so: expected a number of decimals from 0 to 10, found '1,5'",
        ),
        (
            "{{so tien \"hai\"}}",
            "so: expected a number of decimals from 0 to 10, found 'hai'",
        ),
        ("{{so khong_co}}", "missing: khong_co"),
        ("{{so}}", "so: expected 1 or 2 arguments, found 0"),
        ("{{doc_so 1 2}}", "doc_so: expected 1 argument, found 2"),
        ("{{doc_so chu}}", "doc_so: expected a number, found 'abc'"),
        (
            "{{doc_tien chu}}",
            "doc_tien: expected a number, found 'abc'",
        ),
        (
            "{{doc_so \"999999999999999999999999999999\"}}",
            "doc_so: the number '999999999999999999999999999999' is too large",
        ),
        (
            "{{la_ma 0}}",
            "la_ma: expected a whole number from 1 to 3999, found '0'",
        ),
        (
            "{{la_ma 4000}}",
            "la_ma: expected a whole number from 1 to 3999, found '4000'",
        ),
        (
            "{{la_ma 2.5}}",
            "la_ma: expected a whole number from 1 to 3999, found '2,5'",
        ),
        (
            "{{la_ma -1}}",
            "la_ma: expected a whole number from 1 to 3999, found '-1'",
        ),
    ]);
}

#[test]
fn upper_and_lower_case_know_vietnamese_letters() {
    check(&[
        ("{{hoa ten_don_vi}}", "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG"),
        ("{{hoa \"đơn vị ưu tú ơi\"}}", "ĐƠN VỊ ƯU TÚ ƠI"),
        ("{{thuong \"ĐẶNG THỊ ỨNG\"}}", "đặng thị ứng"),
        ("{{thuong ten_don_vi}}", "sở tài nguyên và môi trường"),
        ("{{hoa diem}}", "8,5"),
        ("[{{hoa rong}}]", "[]"),
        (
            "{{hoa_dau \"xuất sắc trong công tác\"}}",
            "Xuất sắc trong công tác",
        ),
        ("{{hoa_dau \"đạt danh hiệu\"}}", "Đạt danh hiệu"),
        ("{{hoa_dau \"ứng dụng UBND\"}}", "Ứng dụng UBND"),
        ("[{{hoa_dau rong}}]", "[]"),
    ]);
    // A decomposed first letter is composed with its marks.
    let out = render("{{hoa_dau x}}", &json!({"x": "u\u{31B}\u{301}ng dụng"})).unwrap();
    assert_eq!(out, "Ứng dụng");
    // Decomposed input comes out composed.
    let out = render("{{hoa x}}", &json!({"x": "tru\u{31B}o\u{31B}\u{300}ng"})).unwrap();
    assert_eq!(out, "TRƯỜNG");
    check_errors(&[
        ("{{hoa rows}}", "hoa: expected a text, found a list"),
        ("{{thuong khong_co}}", "missing: khong_co"),
    ]);
}

#[test]
fn stt_numbers_the_rows_of_each_from_one() {
    check(&[
        ("{{#each rows}}{{stt}}.{{/each}}", "1.2.3.4.5."),
        ("{{#each rows}}{{_v (stt)}}.{{/each}}", "1.2.3.4.5."),
        (
            "{{#each rows}}{{#if tong_diem}}{{stt}}{{/if}}{{/each}}",
            "1235",
        ),
        (
            "{{#each rows}}{{#with this}}{{stt}}{{/with}}{{/each}}",
            "12345",
        ),
        (
            "{{#each (where rows \"don_vi\" \"Phòng A\")}}{{stt}}. {{ho_va_ten}}; {{/each}}",
            "1. Nguyễn Văn Bình; 2. Lê Văn Đức; ",
        ),
        (
            "{{#each (group rows \"don_vi\")}}{{stt}}[{{#each rows}}{{stt}}{{/each}}]{{/each}}",
            "1[12]2[12]3[1]",
        ),
    ]);
    check_errors(&[
        (
            "{{stt}}",
            "stt: used outside {{#each}}; it numbers the rows of a list: {{#each rows}}{{stt}}…{{/each}}",
        ),
        (
            "{{#each rows}}{{stt 1}}{{/each}}",
            "stt: expected no arguments, found 1",
        ),
    ]);
}

#[test]
fn sum_totals_a_column_skipping_blanks() {
    check(&[
        ("{{_v (sum rows \"tong_diem\")}}", "35"),
        ("{{so (sum rows \"tong_diem\")}}", "35"),
        (
            "{{_v (sum (where rows \"don_vi\" \"Phòng A\") \"tong_diem\")}}",
            "17,5",
        ),
        (
            "{{_v (sum (where rows \"don_vi\" \"Phòng X\") \"tong_diem\")}}",
            "0",
        ),
        ("{{_v (sum rows \"Tổng điểm\")}}", "35"),
    ]);
    let out = registry()
        .render_template(
            "{{_v (sum xs \"v\")}}|{{_v (sum ys \"v\")}}",
            &json!({"xs": [{"v": 0.1}, {"v": 0.2}], "ys": [{"v": "1.250.000"}, {"v": 5}, {}]}),
        )
        .unwrap();
    assert_eq!(out, "0,3|1250005");
    check_errors(&[
        (
            "{{sum rows \"ho_va_ten\"}}",
            "sum: expected a number in field 'ho_va_ten' of row 1, found 'Nguyễn Văn Bình'",
        ),
        (
            "{{sum rows \"diemm\"}}",
            "sum: no row has a field 'diemm' (fields: ho_va_ten, don_vi, tong_diem, hinh_thuc, ngay_sinh, ma)",
        ),
        (
            "{{sum tien \"a\"}}",
            "sum: expected a list of rows, found '1250000'",
        ),
        (
            "{{sum ds \"a\"}}",
            "sum: expected a list of rows, found a list item 'A'",
        ),
        (
            "{{sum rows 3}}",
            "sum: expected a field name in quotes, found '3'",
        ),
        ("{{sum khong_co \"a\"}}", "missing: khong_co"),
        ("{{sum rows}}", "sum: expected 2 arguments, found 1"),
    ]);
}

#[test]
fn the_sum_is_a_json_integer_when_whole() {
    let hb = registry();
    let out = hb
        .render_template(
            "{{#if (eq (sum rows \"v\") 3)}}int{{/if}} {{_v (sum rows \"v\")}}",
            &json!({"rows": [{"v": 1.5}, {"v": "1,5"}]}),
        )
        .unwrap();
    assert_eq!(out, "int 3");
}

#[test]
fn count_and_where_select_rows_by_value() {
    check(&[
        ("{{count rows}}", "5"),
        ("{{count rows \"hinh_thuc\" \"Giấy khen\"}}", "3"),
        ("{{count rows \"don_vi\" \"Phòng X\"}}", "0"),
        ("{{count rows \"tong_diem\" 9}}", "1"),
        ("{{count rows \"tong_diem\" \"7.5\"}}", "1"),
        ("{{count rows \"tong_diem\" 7.5}}", "1"),
        ("{{count rows \"tong_diem\" \"\"}}", "1"),
        ("{{count rows \"ma\" \"003\"}}", "1"),
        ("{{count rows \"ma\" \"3\"}}", "0"),
        ("{{count rows \"ngay_sinh\" \"1980-05-12\"}}", "1"),
        ("{{count (where rows \"don_vi\" \"Phòng B\")}}", "2"),
        (
            "{{#each (where rows \"hinh_thuc\" \"Bằng khen\")}}{{ho_va_ten}};{{/each}}",
            "Trần Thị An;Lê Văn Dũng;",
        ),
        (
            "{{#each (where rows \"don_vi\" \"Phòng X\")}}x{{else}}none{{/each}}",
            "none",
        ),
        ("{{count (where rows \"tong_diem\" 10)}}", "1"),
        ("{{count rows \"don_vi\" \"Phòng A\" \"Phòng C\"}}", "3"),
        ("{{count rows \"don_vi\" \"Phòng A\" \"Phòng A\"}}", "2"),
    ]);
    check_errors(&[
        (
            "{{count rows \"don_vi\"}}",
            "count: expected 1 argument, or a field and at least one value",
        ),
        (
            "{{count chu}}",
            "count: expected a list of rows, found 'abc'",
        ),
        (
            "{{where rows \"don_vi\"}}",
            "where: expected 3 arguments, found 2",
        ),
        ("{{where rows \"don_vi\" khong_co}}", "missing: khong_co"),
    ]);
}

#[test]
fn sort_orders_numbers_dates_and_text_with_blanks_last() {
    let names = |field_and_order: &str| {
        format!("{{{{#each (sort rows {field_and_order})}}}}{{{{ho_va_ten}}}};{{{{/each}}}}")
    };
    check(&[
        (
            &names("\"tong_diem\""),
            "Trần Thị An;Nguyễn Văn Bình;Lê Văn Đức;Lê Văn Dũng;Phạm Thị Ánh;",
        ),
        (
            &names("\"tong_diem\" \"desc\""),
            "Lê Văn Dũng;Lê Văn Đức;Nguyễn Văn Bình;Trần Thị An;Phạm Thị Ánh;",
        ),
        (
            &names("\"ngay_sinh\""),
            "Trần Thị An;Nguyễn Văn Bình;Phạm Thị Ánh;Lê Văn Đức;Lê Văn Dũng;",
        ),
        (
            &names("\"ngay_sinh\" \"desc\""),
            "Lê Văn Đức;Phạm Thị Ánh;Nguyễn Văn Bình;Trần Thị An;Lê Văn Dũng;",
        ),
        (
            &names("\"ho_va_ten\""),
            "Lê Văn Dũng;Lê Văn Đức;Nguyễn Văn Bình;Phạm Thị Ánh;Trần Thị An;",
        ),
        (
            &names("\"ma\""),
            "Phạm Thị Ánh;Lê Văn Đức;Nguyễn Văn Bình;Trần Thị An;Lê Văn Dũng;",
        ),
        // Stable: equal keys keep their order, in both directions.
        (
            &names("\"don_vi\""),
            "Nguyễn Văn Bình;Lê Văn Đức;Trần Thị An;Phạm Thị Ánh;Lê Văn Dũng;",
        ),
        (
            &names("\"don_vi\" \"desc\""),
            "Lê Văn Dũng;Trần Thị An;Phạm Thị Ánh;Nguyễn Văn Bình;Lê Văn Đức;",
        ),
        (
            &names("\"hinh_thuc\" \"ASC\""),
            "Trần Thị An;Lê Văn Dũng;Nguyễn Văn Bình;Lê Văn Đức;Phạm Thị Ánh;",
        ),
    ]);
    // Numbers as numbers, not as text; mixed columns as text.
    let out = registry()
        .render_template(
            "{{#each (sort xs \"v\")}}{{v}} {{/each}}|{{#each (sort ys \"v\")}}{{v}} {{/each}}",
            &json!({
                "xs": [{"v": 10}, {"v": "9"}, {"v": 100}, {"v": "1.000"}],
                "ys": [{"v": "b"}, {"v": 10}, {"v": "á"}, {"v": 9}],
            }),
        )
        .unwrap();
    assert_eq!(out, "9 10 100 1.000 |10 9 á b ");
    check_errors(&[(
        "{{sort rows \"ho_va_ten\" \"up\"}}",
        "sort: expected \"asc\" or \"desc\", found 'up'",
    )]);
}

#[test]
fn sort_ten_puts_people_in_vietnamese_personnel_order() {
    check(&[(
        "{{#each (sort_ten rows \"ho_va_ten\")}}{{ho_va_ten}};{{/each}}",
        "Trần Thị An;Phạm Thị Ánh;Nguyễn Văn Bình;Lê Văn Dũng;Lê Văn Đức;",
    )]);
    let out = registry()
        .render_template(
            "{{#each (sort_ten people \"Họ và tên\")}}{{id}}{{/each}}",
            &json!({"people": [
                {"id": 1, "ho_va_ten": "Lê Văn Ánh"},
                {"id": 2, "ho_va_ten": ""},
                {"id": 3, "ho_va_ten": "lê văn anh"},
                {"id": 4, "ho_va_ten": "Lê Văn Anh"},
                {"id": 5, "ho_va_ten": "Lê Văn Ăn"},
                {"id": 6, "ho_va_ten": "Hồ Văn Anh"},
            ]}),
        )
        .unwrap();
    assert_eq!(out, "634152");
}

#[test]
fn group_collects_rows_by_value_in_order_of_first_appearance() {
    check(&[
        (
            "{{#each (group rows \"hinh_thuc\")}}{{key}} ({{count}}): {{#each rows}}{{ho_va_ten}}, {{/each}}| {{/each}}",
            "Giấy khen (3): Nguyễn Văn Bình, Lê Văn Đức, Phạm Thị Ánh, | Bằng khen (2): Trần Thị An, Lê Văn Dũng, | ",
        ),
        ("{{count (group rows \"don_vi\")}}", "3"),
        (
            "{{#each (group (sort_ten rows \"ho_va_ten\") \"don_vi\")}}{{key}}:{{#each rows}}{{stt}}.{{ho_va_ten}} {{/each}}{{/each}}",
            "Phòng B:1.Trần Thị An 2.Phạm Thị Ánh Phòng A:1.Nguyễn Văn Bình 2.Lê Văn Đức Phòng C:1.Lê Văn Dũng ",
        ),
    ]);
    let out = registry()
        .render_template(
            "{{#each (group xs \"v\")}}[{{key}}:{{count}}]{{/each}}",
            &json!({"xs": [{"v": 8}, {"v": ""}, {"v": "8"}, {}, {"v": null}]}),
        )
        .unwrap();
    assert_eq!(out, "[8:2][:3]");
}

#[test]
fn comparisons_use_numbers_dates_and_text_sensibly() {
    check(&[
        ("{{_v (eq tien 1250000)}}", "Có"),
        ("{{_v (eq tien \"1250000\")}}", "Có"),
        ("{{_v (eq tien so_text)}}", "Có"),
        ("{{_v (eq diem \"8,5\")}}", "Có"),
        ("{{_v (eq diem 8.5)}}", "Có"),
        ("{{_v (eq ma \"01\")}}", "Có"),
        ("{{_v (eq ma \"1\")}}", "Không"),
        ("{{_v (eq ma 1)}}", "Có"),
        ("{{_v (eq \"7,5\" \"7.5\")}}", "Có"),
        ("{{_v (eq \"1.250.000\" \"1250000\")}}", "Có"),
        ("{{_v (eq \"007\" \"7\")}}", "Không"),
        ("{{_v (lt \"01\" \"1\")}}", "Có"),
        ("{{_v (eq ngay_ky \"2023-03-05\")}}", "Có"),
        ("{{_v (eq ngay_ky \"5/3/2023\")}}", "Có"),
        ("{{_v (eq co true)}}", "Có"),
        ("{{_v (eq co \"true\")}}", "Không"),
        ("{{_v (eq rong trong)}}", "Có"),
        ("{{_v (eq khong_co \"\")}}", "Có"),
        ("{{_v (eq khong_co \"x\")}}", "Không"),
        ("{{_v (ne ma \"02\")}}", "Có"),
        ("{{_v (ne tien 1250000)}}", "Không"),
        ("{{_v (gt tien 1000000)}}", "Có"),
        ("{{_v (gt \"10\" \"9\")}}", "Có"),
        ("{{_v (gt \"7,5\" 7)}}", "Có"),
        ("{{_v (lt diem 8.5)}}", "Không"),
        ("{{_v (lte diem 8.5)}}", "Có"),
        ("{{_v (gte diem \"8,50\")}}", "Có"),
        ("{{_v (lt \"01/02/2023\" \"15/01/2023\")}}", "Không"),
        ("{{_v (gt \"01/02/2023\" \"15/01/2023\")}}", "Có"),
        ("{{_v (lt \"2023-01-15\" \"01/02/2023\")}}", "Có"),
        ("{{_v (lt \"Anh\" \"Ánh\")}}", "Có"),
        ("{{_v (lt \"Đức\" \"Dũng\")}}", "Không"),
        ("{{_v (gt \"b\" \"a\")}}", "Có"),
        ("{{#if (gt nam 2020)}}new{{else}}old{{/if}}", "new"),
        ("{{#if (eq 1 2)}}a{{else}}b{{/if}}", "b"),
    ]);
    check_errors(&[
        ("{{eq tien}}", "eq: expected 2 arguments, found 1"),
        ("{{gt 1 2 3}}", "gt: expected 2 arguments, found 3"),
    ]);
}

#[test]
fn logic_follows_handlebars_truthiness() {
    check(&[
        ("{{_v (and co tien)}}", "Có"),
        ("{{_v (and co khong)}}", "Không"),
        ("{{_v (and co rong)}}", "Không"),
        ("{{_v (and co zero)}}", "Không"),
        ("{{_v (and co trong)}}", "Không"),
        ("{{_v (and co khong_co)}}", "Không"),
        ("{{_v (and co ds ten_don_vi tien)}}", "Có"),
        ("{{_v (and co (where rows \"don_vi\" \"X\"))}}", "Không"),
        ("{{_v (or khong rong)}}", "Không"),
        ("{{_v (or khong rong zero trong khong_co diem)}}", "Có"),
        ("{{_v (not khong_co)}}", "Có"),
        ("{{_v (not ten_don_vi)}}", "Không"),
        ("{{_v (not (eq ma \"01\"))}}", "Không"),
        ("{{#if (and (gt tien 0) (not rong))}}yes{{/if}}", "yes"),
        ("{{_v (in ma \"01\" \"02\")}}", "Có"),
        ("{{_v (in ma \"02\" \"03\" \"04\")}}", "Không"),
        ("{{_v (in tien 5 \"1.250.000\")}}", "Có"),
        ("{{_v (in \"B\" ds)}}", "Có"),
        ("{{_v (in \"C\" ds)}}", "Không"),
        ("{{_v (in khong_co \"x\")}}", "Không"),
        ("{{#if (in ma \"01\" \"05\")}}A{{else}}B{{/if}}", "A"),
    ]);
    check_errors(&[
        ("{{and co}}", "and: expected at least 2 arguments, found 1"),
        ("{{in ma}}", "in: expected at least 2 arguments, found 1"),
        ("{{not}}", "not: expected 1 argument, found 0"),
    ]);
}

#[test]
fn helpers_compose_in_subexpressions() {
    check(&[
        ("{{so (sum rows \"tong_diem\") 2}}", "35,00"),
        ("{{doc_so (sum rows \"tong_diem\")}}", "ba mươi lăm"),
        ("{{doc_tien (sum rows \"tong_diem\")}}", "Ba mươi lăm đồng"),
        ("{{hoa (ngay_thang ngay_ky)}}", "NGÀY 05 THÁNG 3 NĂM 2023"),
        ("{{la_ma (count rows)}}", "V"),
        ("{{so (count (where rows \"don_vi\" \"Phòng A\"))}}", "2"),
        (
            "{{#each (sort_ten (where rows \"don_vi\" \"Phòng A\") \"ho_va_ten\")}}{{stt}}. {{hoa ho_va_ten}}; {{/each}}",
            "1. NGUYỄN VĂN BÌNH; 2. LÊ VĂN ĐỨC; ",
        ),
        (
            "{{#each (sort (where rows \"hinh_thuc\" \"Giấy khen\") \"tong_diem\" \"desc\")}}{{ho_va_ten}} {{so tong_diem 1}}; {{/each}}",
            "Lê Văn Đức 9,0; Nguyễn Văn Bình 8,5; Phạm Thị Ánh ; ",
        ),
        ("{{thuong (default khong_co \"KHÔNG CÓ\")}}", "không có"),
    ]);
}

#[test]
fn a_bare_helper_name_gives_the_field_of_that_name_where_there_is_one() {
    let data = json!({"so": "05/KH", "count": 3, "rows": [{"count": 7}]});
    let hb = registry();
    let out = hb
        .render_template(
            "{{so}} {{_v (count)}} {{#each rows}}{{count}}{{/each}} {{so 1000}}",
            &data,
        )
        .unwrap();
    assert_eq!(out, "05/KH 3 7 1.000");
    let err = hb.render_template("{{ngay}}", &data).unwrap_err();
    assert_eq!(
        super::message_of(err.reason()).unwrap().to_string(),
        "ngay: expected 1 or 2 arguments, found 0"
    );
}

#[test]
fn helpers_refuse_blocks_and_named_arguments() {
    check_errors(&[
        (
            "{{#so tien}}x{{/so}}",
            "so: is not a block helper; write {{so …}}, not {{#so …}}",
        ),
        (
            "{{so tien decimals=2}}",
            "so: takes no named arguments, found 'decimals='",
        ),
    ]);
}

#[test]
fn the_helper_table_lists_every_registered_helper_with_its_counts() {
    let hb = registry();
    for (name, min, max) in HELPERS {
        // Called with a wrong number of arguments, a registered helper answers with its own
        // message; an unknown one would be `HelperNotFound`.
        let wrong = if *min == 0 { "1" } else { "" };
        let err = hb
            .render_template(&format!("{{{{{name} {wrong}}}}}"), &json!({}))
            .err();
        if !BUILT_INS.contains(name) {
            let message = err
                .and_then(|e| super::message_of(e.reason()).map(|m| m.to_string()))
                .unwrap_or_default();
            assert!(
                message.starts_with(&format!("{name}: expected")),
                "{name}: {message}"
            );
        }
        if let Some(max) = max {
            assert!(min <= max, "{name}");
        }
        let implemented = IMPLEMENTATIONS.iter().any(|(n, _)| n == name);
        assert!(
            implemented != BUILT_INS.contains(name),
            "{name}: must be either implemented here or a Handlebars built-in"
        );
    }
    for (name, _) in IMPLEMENTATIONS {
        assert!(
            HELPERS.iter().any(|(n, _, _)| n == name),
            "{name} is registered but not listed in HELPERS"
        );
    }
    assert!(!HELPERS.iter().any(|(n, _, _)| *n == "_v"));
    assert_eq!(
        hb.render_template("{{_v 1.50}}", &json!({})).unwrap(),
        "1,5"
    );
}

#[test]
fn dotted_fields_reach_into_row_objects() {
    let data = json!({"rows": [
        {"ten": "A", "bieu_quyet": {"dat": true, "ty_le": 81.82}},
        {"ten": "B", "bieu_quyet": {"dat": false, "ty_le": 72.73}},
        {"ten": "C", "bieu_quyet": {"dat": true, "ty_le": 100}}
    ]});
    for (template, expected) in [
        ("{{count rows \"bieu_quyet.dat\" true}}", "2"),
        (
            "{{#each (where rows \"bieu_quyet.dat\" false)}}{{ten}}{{/each}}",
            "B",
        ),
        (
            "{{#each (sort rows \"bieu_quyet.ty_le\" \"desc\")}}{{ten}}{{/each}}",
            "CAB",
        ),
    ] {
        assert_eq!(
            render(template, &data).as_deref(),
            Ok(expected),
            "{template}"
        );
    }
    assert_eq!(
        render("{{count rows \"bieu_quyet.khong\" 1}}", &data),
        Err("count: no row has a field 'bieu_quyet.khong' (fields: ten, bieu_quyet)".into())
    );
}

#[test]
fn ty_le_is_the_exact_share_and_compares_at_the_edge() {
    let data = json!({"seven": 7, "ten": 10, "six": 6, "three": 3, "zero": 0});
    for (template, expected) in [
        ("{{_v (ty_le seven ten)}}", "0,7"),
        ("{{_v (ty_le 2 three)}}", "0,6666666666"),
        (
            "{{#if (gte (ty_le seven ten) 0.7)}}yes{{else}}no{{/if}}",
            "yes",
        ),
        (
            "{{#if (gte (ty_le six ten) 0.7)}}yes{{else}}no{{/if}}",
            "no",
        ),
    ] {
        assert_eq!(
            render(template, &data).as_deref(),
            Ok(expected),
            "{template}"
        );
    }
    assert_eq!(
        render("{{ty_le seven zero}}", &data),
        Err("ty_le: cannot take a share of 0".into())
    );
}

#[test]
fn lien_tuc_needs_every_year_of_the_run() {
    let data = json!({"lich_su": [
        {"nam": 2022, "noi_dung": "Chiến sĩ thi đua cơ sở"},
        {"nam": 2023, "noi_dung": "Chiến sĩ thi đua cơ sở"},
        {"nam": "2024", "noi_dung": "Hoàn thành xuất sắc nhiệm vụ"},
        {"nam": 2024, "noi_dung": "Lao động tiên tiến"}
    ], "trong": []});
    for (template, expected) in [
        (
            "{{lien_tuc lich_su \"noi_dung\" \"Chiến sĩ thi đua cơ sở\" 2023 2}}",
            "Có",
        ),
        (
            "{{lien_tuc lich_su \"noi_dung\" \"Chiến sĩ thi đua cơ sở\" 2024 2}}",
            "Không",
        ),
        (
            "{{lien_tuc lich_su \"noi_dung\" \"Chiến sĩ thi đua cơ sở\" 2023 3}}",
            "Không",
        ),
        (
            "{{lien_tuc lich_su \"noi_dung\" \"Hoàn thành xuất sắc nhiệm vụ\" 2024 1}}",
            "Có",
        ),
        ("{{lien_tuc trong \"noi_dung\" \"x\" 2024 1}}", "Không"),
    ] {
        assert_eq!(
            render(
                &format!("{{{{_v ({})}}}}", &template[2..template.len() - 2]),
                &data
            )
            .as_deref(),
            Ok(expected),
            "{template}"
        );
    }
    assert_eq!(
        render("{{lien_tuc lich_su \"noi_dung\" \"x\" 2024 0}}", &data),
        Err("lien_tuc: expected at least 1 year, found 0".into())
    );
}
