//! Writes a framework file of a hostile shape to standard output, for
//! measuring `ilofw` on it as a whole process:
//!
//! ```text
//! cargo run --release --features synthetic --example shapes -- chain 100000 > chain.toml
//! /usr/bin/time -v target/release/ilofw check chain.toml > /dev/null
//! ```
//!
//! The shapes are those of `ilo_frameworks::synthetic::shapes`: chain,
//! cycle, wide-outcome, many-to-one, duplicates, long-list, upper-case-sdg.

use std::io::Write as _;
use std::process::ExitCode;

use ilo_frameworks::synthetic::shapes::{Shape, toml};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let shape = args
        .first()
        .and_then(|name| Shape::ALL.into_iter().find(|s| s.name() == name));
    let size = args.get(1).and_then(|n| n.parse::<usize>().ok());
    let (Some(shape), Some(size)) = (shape, size) else {
        let names: Vec<&str> = Shape::ALL.iter().map(|s| s.name()).collect();
        eprintln!("usage: shapes SHAPE SIZE, SHAPE one of {}", names.join(", "));
        return ExitCode::from(2);
    };
    match std::io::stdout().lock().write_all(toml(shape, size).as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("cannot write: {e}");
            ExitCode::from(2)
        }
    }
}
