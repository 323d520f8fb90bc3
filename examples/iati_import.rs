//! Imports an IATI activity file many times over, for profiling and for
//! measuring a whole process against a floor:
//!
//! ```sh
//! cargo run --release --features iati --example iati_import -- FILE [TIMES]          # the import
//! cargo run --release --features iati --example iati_import -- FILE [TIMES] --floor  # quick-xml's events alone
//! ```
//!
//! Both read the file into memory once, then go over its bytes `TIMES`
//! times, so that `perf stat` or `/usr/bin/time -v` on each compares the
//! importer with the bare parser over the same bytes.
//!
//! `-- FILE --stream` reads the file as it streams, one activity at a time,
//! keeping none (`iati::stream`): the peak memory of the reader itself.
//!
//! `-- FILE ROUNDS --ratio` times the floor and the import in turn, one
//! after the other in each round, and prints the median, lowest and
//! highest of the rounds' throughput ratios (the floor's time over the
//! import's): other work on the machine then slows both sides of a ratio
//! alike, where two measures taken minutes apart each see their own load.
//!
//! `-- --write OUT COPIES FILE` writes a large file for measuring memory:
//! the activities of `FILE` repeated `COPIES` times, each copy's
//! identifiers given a suffix `-cN` so that they stay distinct.

use ilo_frameworks::iati::{ImportOptions, framework_id_for, import_reader};
#[path = "support/xml_floor.rs"]
mod xml_floor;
use xml_floor::bare_events;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, out, copies, file] = args.as_slice()
        && flag == "--write"
    {
        return write(out, copies.parse()?, file);
    }
    let floor = args.iter().any(|a| a == "--floor");
    let streaming = args.iter().any(|a| a == "--stream");
    let mut positional = args.iter().filter(|a| !a.starts_with("--"));
    let path = positional.next().ok_or("give an IATI activity file")?;
    let times: usize = positional.next().map_or(Ok(1), |t| t.parse())?;
    if streaming {
        let options = ImportOptions::new(framework_id_for(path));
        let file = std::io::BufReader::new(std::fs::File::open(path)?);
        let (mut programmes, mut findings) = (0, 0);
        for item in ilo_frameworks::iati::stream(file, path, &options) {
            let item = item?;
            programmes += usize::from(item.programme.is_some());
            findings += item.findings.len();
        }
        println!("{programmes} projects streamed, {findings} findings");
        return Ok(());
    }
    let bytes = std::fs::read(path)?;
    if args.iter().any(|a| a == "--ratio") {
        return ratio(&bytes, path, times);
    }
    if floor {
        let mut events = 0;
        for _ in 0..times {
            events = bare_events(&bytes);
        }
        println!("{events} events");
        return Ok(());
    }
    let options = ImportOptions::new(framework_id_for(path));
    let mut last = None;
    for _ in 0..times {
        last = Some(import_reader(&bytes[..], path, &options)?);
    }
    if let Some(import) = last {
        println!(
            "{} activities, {} projects, {}",
            import.activities,
            import.framework.programmes.len(),
            import.report.summary()
        );
    }
    Ok(())
}

/// The floor and the import of `bytes`, timed in turn `rounds` times.
fn ratio(bytes: &[u8], path: &str, rounds: usize) -> Result<(), Box<dyn std::error::Error>> {
    use std::time::Instant;
    let options = ImportOptions::new(framework_id_for(path));
    // One of each first, so that neither pays for a cold start.
    std::hint::black_box(bare_events(bytes));
    drop(import_reader(bytes, path, &options)?);
    let mut rounds: Vec<(f64, f64)> = (0..rounds.max(1))
        .map(|_| {
            let clock = Instant::now();
            std::hint::black_box(bare_events(bytes));
            let floor = clock.elapsed().as_secs_f64();
            let clock = Instant::now();
            let import = import_reader(bytes, path, &options)?;
            let time = clock.elapsed().as_secs_f64();
            drop(import);
            Ok((floor, time))
        })
        .collect::<Result<_, Box<dyn std::error::Error>>>()?;
    let ratio = |(floor, import): (f64, f64)| floor / import;
    rounds.sort_by(|&a, &b| ratio(a).total_cmp(&ratio(b)));
    let (low, middle, high) = (rounds[0], rounds[rounds.len() / 2], rounds[rounds.len() - 1]);
    println!(
        "{} rounds: floor over import {:.3} at the median ({:.2} ms over {:.2} ms), lowest {:.3}, highest {:.3} (target: at least 0.5)",
        rounds.len(),
        ratio(middle),
        middle.0 * 1e3,
        middle.1 * 1e3,
        ratio(low),
        ratio(high)
    );
    Ok(())
}

/// Writes the activities of `file` `copies` times over into `out`.
fn write(out: &str, copies: usize, file: &str) -> Result<(), Box<dyn std::error::Error>> {
    use std::io::Write as _;
    let text = std::fs::read_to_string(file)?;
    let start = text
        .find("<iati-activity ")
        .or_else(|| text.find("<iati-activity>"))
        .ok_or("no activity")?;
    let end = text.rfind("</iati-activities>").ok_or("no end")?;
    let activities = &text[start..end];
    let mut writer = std::io::BufWriter::new(std::fs::File::create(out)?);
    writeln!(writer, "<iati-activities version=\"2.03\">")?;
    for copy in 0..copies {
        let suffix = format!("-c{copy}</iati-identifier>");
        writer.write_all(activities.replace("</iati-identifier>", &suffix).as_bytes())?;
    }
    writeln!(writer, "</iati-activities>")?;
    writer.flush()?;
    Ok(())
}
