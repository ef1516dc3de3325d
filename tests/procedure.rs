//! The round's procedure in the manifest: each kind's own date and the timeline between
//! them, rules that record what failed so awards leave it out, ranks among the units that
//! reported, votes that add up to the members present, fields a document cannot lack.

use crate::common::{DocxBuilder, body, docx_files, p, vanban};

/// A folder with the template `t.docx` (the given paragraphs), the files and the manifest.
fn office(template: &[&str], files: &[(&str, &str)], manifest: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let paragraphs: String = template.iter().map(|t| p(&[t])).collect();
    std::fs::write(
        dir.path().join("t.docx"),
        DocxBuilder::new(paragraphs).build(),
    )
    .unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    std::fs::write(dir.path().join("vanban.toml"), manifest).unwrap();
    dir
}

fn warnings(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter(|l| l.contains(": warning: "))
        .collect()
}

#[test]
fn each_kind_is_dated_by_its_own_field_and_a_date_out_of_order_is_a_warning_at_its_cell() {
    let dir = office(
        &["{{ma_don_vi}}: ngày {{ngay_ky}}"],
        &[(
            "u.csv",
            "Mã đơn vị,Ngày kế hoạch\nVP,12/03/2024\nKS,02/04/2024\n",
        )],
        r#"
[globals]
ngay_ky = 2024-12-10
han_ke_hoach = 2024-03-31
ngay_hop = 2024-12-05

[sources.u]
file = "u.csv"

[[documents]]
kind = "ke-hoach"
template = "t.docx"
source = "u"
name = "{{ma_don_vi}}.docx"
date = "ngay_ke_hoach"

[[documents]]
kind = "bien-ban"
template = "b.docx"
source = "u"
whole = true
name = "bien-ban.docx"
date = "ngay_hop"

[[dates]]
date = "ke-hoach"
not_after = "han_ke_hoach"
message = "units send their plans by the plan's deadline"

[[dates]]
date = "bien-ban"
after = "ke-hoach"
"#,
    );
    std::fs::write(
        dir.path().join("b.docx"),
        DocxBuilder::new(p(&["Biên bản ngày {{ngay_ky}}"])).build(),
    )
    .unwrap();
    let run = vanban(dir.path(), &["run"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(body(&dir.path().join("out/VP.docx")), "VP: ngày 12/03/2024");
    assert_eq!(
        body(&dir.path().join("out/bien-ban.docx")),
        "Biên bản ngày 05/12/2024"
    );
    assert_eq!(body(&dir.path().join("out/KS.docx")), "KS: ngày 02/04/2024");
    assert_eq!(
        warnings(&run.stderr),
        [
            "u.csv:B3: warning: ke-hoach: dated 02/04/2024, not on or before han_ke_hoach (31/03/2024): units send their plans by the plan's deadline"
        ]
    );
    assert!(
        run.stderr
            .contains("hint: the order is set at vanban.toml:25\n"),
        "{}",
        run.stderr
    );
    // check says the same, writing nothing more.
    let check = vanban(dir.path(), &["check", "vanban.toml"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    assert_eq!(warnings(&check.stderr), warnings(&run.stderr));

    // A Council that met before a plan it judges.
    let manifest = std::fs::read_to_string(dir.path().join("vanban.toml")).unwrap();
    std::fs::write(
        dir.path().join("vanban.toml"),
        manifest.replace("ngay_hop = 2024-12-05", "ngay_hop = 2024-04-01"),
    )
    .unwrap();
    let check = vanban(dir.path(), &["check", "vanban.toml"]);
    assert!(
        check.stderr.contains(
            "ngay_hop (u.csv): warning: bien-ban: dated 01/04/2024, not after ke-hoach (02/04/2024)\n"
        ),
        "{}",
        check.stderr
    );
}

#[test]
fn a_nominee_failing_a_rule_is_recorded_and_left_out_of_the_awards() {
    let dir = office(
        &["{{ho_va_ten}}: {{#each khong_dat}}{{this}}; {{/each}}"],
        &[(
            "d.csv",
            "Mã cán bộ,Họ và tên,Xếp loại,Thành tích,Đồng ý,Không đồng ý\n\
             CB1,An,Hoàn thành tốt nhiệm vụ,Số hóa hồ sơ,9,2\n\
             CB2,Bình,Hoàn thành nhiệm vụ,Đo đạc,10,1\n\
             CB3,Chi,Hoàn thành tốt nhiệm vụ,Lưu trữ,4,7\n",
        )],
        r#"
[globals]
thanh_vien = 11

[sources.d]
file = "d.csv"

[[votes]]
source = "d"
for = "dong_y"
against = "khong_dong_y"
members = "thanh_vien"
threshold = "50%"

[[rules]]
name = "xep-loai"
source = "d"
require = '(eq xep_loai "Hoàn thành tốt nhiệm vụ")'
field = "xep_loai"
message = "a nominee must be rated Hoàn thành tốt nhiệm vụ"
record = "khong_dat"
label = "chưa đạt xếp loại Hoàn thành tốt nhiệm vụ"

[[fields]]
source = "d"
name = "duoc_khen"
value = '(and bieu_quyet.dat (not khong_dat))'

[[documents]]
kind = "bien-ban"
template = "t.docx"
source = "d"
name = "bb-{{ma_can_bo}}.docx"

[[documents]]
kind = "giay-khen"
template = "t.docx"
source = "d"
filter = "duoc_khen"
require = ["thanh_tich"]
name = "gk-{{ma_can_bo}}.docx"
"#,
    );
    let run = vanban(dir.path(), &["run"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        warnings(&run.stderr),
        ["d.csv:C3: warning: rule 'xep-loai': a nominee must be rated Hoàn thành tốt nhiệm vụ"]
    );
    assert_eq!(
        body(&dir.path().join("out/bb-CB2.docx")),
        "Bình: chưa đạt xếp loại Hoàn thành tốt nhiệm vụ; "
    );
    assert_eq!(body(&dir.path().join("out/bb-CB1.docx")), "An: ");
    // CB2 fails the rule, CB3 the vote: only CB1 is awarded.
    let awarded: Vec<String> = docx_files(&dir.path().join("out"))
        .into_iter()
        .filter(|f| f.starts_with("gk-"))
        .collect();
    assert_eq!(awarded, ["gk-CB1.docx"]);
}

#[test]
fn an_award_without_its_achievement_is_an_error_at_the_cell_and_is_not_made() {
    let dir = office(
        &["Đã có thành tích {{thanh_tich}}"],
        &[("d.csv", "Mã cán bộ,Thành tích\nCB1,Số hóa hồ sơ\nCB2,\n")],
        r#"
[sources.d]
file = "d.csv"

[[documents]]
kind = "giay-khen"
template = "t.docx"
source = "d"
require = ["thanh_tich"]
name = "{{ma_can_bo}}.docx"
"#,
    );
    let run = vanban(dir.path(), &["run"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.starts_with(
            "d.csv:B3: giay-khen: 'Thành tích' is empty; the document is not made\n\
             hint: fill in 'Thành tích', or leave the row out of the list\n"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(docx_files(&dir.path().join("out")), ["CB1.docx"]);
}

#[test]
fn units_that_did_not_report_are_not_ranked() {
    let dir = office(
        &["{{#each (sort rows \"ma_don_vi\")}}{{ma_don_vi}}={{xep_hang}} {{/each}}"],
        &[(
            "u.csv",
            "Mã đơn vị,Đã nộp,Điểm\nA,Có,90\nB,Không,99\nC,Có,95\n",
        )],
        r#"
[sources.u]
file = "u.csv"

[[fields]]
source = "u"
name = "xep_hang"
rank = "diem"
when = '(eq da_nop "Có")'

[[documents]]
kind = "tong-hop"
template = "t.docx"
source = "u"
whole = true
name = "tong-hop.docx"
"#,
    );
    let run = vanban(dir.path(), &["run"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(body(&dir.path().join("out/tong-hop.docx")), "A=2 B= C=1 ");
}

#[test]
fn votes_that_do_not_add_up_to_the_members_present_are_a_warning_at_the_row() {
    let dir = office(
        &["{{ma}}"],
        &[(
            "d.csv",
            "Mã,Đồng ý,Không đồng ý,Không biểu quyết\nA,9,1,1\nB,9,1,0\n",
        )],
        r#"
[sources.d]
file = "d.csv"

[[votes]]
source = "d"
for = "dong_y"
against = "khong_dong_y"
abstained = "khong_bieu_quyet"
members = 11
present = 11
threshold = "50%"

[[documents]]
kind = "x"
template = "t.docx"
source = "d"
"#,
    );
    let run = vanban(dir.path(), &["run"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "d.csv:B3: warning: votes on 'd': 9 for, 1 against and 0 not voting make 10, not the 11 members present\n\
             hint: correct the counts, or record in 'khong_bieu_quyet' the members who did not vote\n"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(warnings(&run.stderr).len(), 1, "{}", run.stderr);
}
