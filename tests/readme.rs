//! The README as a newcomer reads it: every file it names is in the repository, nothing
//! points outside it, and the Vietnamese guide comes before the reference.

use std::path::Path;

fn readme() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap()
}

#[test]
fn every_file_the_readme_names_exists_and_none_is_outside_the_repository() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = readme();
    assert!(
        !text.contains("../"),
        "the README points outside the repository"
    );
    let mut named = 0;
    for word in text.split(|c: char| c.is_whitespace() || "`()[],;:'\"".contains(c)) {
        let word = word.trim_end_matches('.');
        let ours = [
            "vi-du/",
            "templates/",
            "inputs/",
            "tools/",
            "benches/",
            "tests/",
        ]
        .iter()
        .any(|folder| word.starts_with(folder));
        // `templates/x.docx` in a sample message is no file.
        let file = Path::new(word).extension().is_some()
            && Path::new(word).file_stem().is_some_and(|s| s != "x");
        if ours && file && !word.contains('{') && !word.contains('*') {
            named += 1;
            assert!(
                root.join(word).exists(),
                "the README names {word}, which does not exist"
            );
        }
    }
    assert!(named >= 5, "{named} files named");
}

#[test]
fn the_readme_starts_with_its_two_commands_and_the_vietnamese_guide_precedes_the_reference() {
    let text = readme();
    assert!(
        text.contains("```sh\ncargo run --release -- run\ncargo test\n```"),
        "the two commands"
    );
    assert!(text.contains("cargo install --path ."));
    let guide = text
        .find("## Hướng dẫn nhanh (tiếng Việt)")
        .expect("the Vietnamese guide");
    for section in ["## What it does", "## Development", "## Speed"] {
        assert!(
            guide < text.find(section).unwrap(),
            "the guide after {section}"
        );
    }
}
