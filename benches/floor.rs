//! The physical limit of a batch: the same number of documents written by copying the
//! template's untouched zip entries raw and deflating only parts of the rendered size, with
//! the same compressor, level, threads and file writing (temporary file, rename) as vanban.
//! No templating at all.
//!
//! cargo bench --bench floor -- TEMPLATE.docx SAMPLE_OUTPUT.docx N OUT_DIR [JOBS]
//!
//! SAMPLE_OUTPUT.docx is one document vanban rendered from TEMPLATE.docx: its rendered parts
//! (those whose bytes differ from the template's) are deflated N times.

use std::io::Read;
use std::path::PathBuf;
use std::time::Instant;

use rayon::prelude::*;
use vanban::docx::Package;

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let [template, sample, n, out, rest @ ..] = args.as_slice() else {
        eprintln!("usage: floor TEMPLATE.docx SAMPLE_OUTPUT.docx N OUT_DIR [JOBS]");
        std::process::exit(2);
    };
    let n: usize = n.parse().expect("N");
    let jobs: usize = rest.first().map_or(2, |j| j.parse().expect("JOBS"));
    let package = Package::open(template.as_ref()).expect("template opens");
    let sample = std::fs::read(sample).expect("sample readable");
    let mut sample_zip =
        zip::ZipArchive::new(std::io::Cursor::new(sample)).expect("sample is a zip");
    let mut parts: Vec<(usize, Vec<u8>)> = Vec::new();
    for (index, name) in package.entries.iter().enumerate() {
        let mut rendered = Vec::new();
        sample_zip
            .by_name(name)
            .expect("same entries")
            .read_to_end(&mut rendered)
            .expect("inflates");
        let original = package
            .read_text(name)
            .ok()
            .flatten()
            .map(String::into_bytes);
        if original.as_deref() != Some(rendered.as_slice()) {
            parts.push((index, rendered));
        }
    }
    let rendered_bytes: usize = parts.iter().map(|(_, b)| b.len()).sum();
    std::fs::create_dir_all(out).expect("out dir");
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .expect("pool");
    let start = Instant::now();
    pool.install(|| {
        (0..n).into_par_iter().for_each(|i| {
            let path = PathBuf::from(out).join(format!("doc-{i}.docx"));
            vanban::batch::write_document(&package, &parts, &[], &path).expect("written");
        })
    });
    let seconds = start.elapsed().as_secs_f64();
    println!(
        "floor: {n} documents, {} parts re-deflated ({rendered_bytes} bytes), {jobs} threads: {seconds:.3} s, {:.0} docs/s",
        parts.len(),
        n as f64 / seconds
    );
}
