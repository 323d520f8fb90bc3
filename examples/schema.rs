//! Prints the JSON Schema of the framework file format, or with `report`
//! that of progress reports.
//!
//! Run: `cargo run --example schema > docs/framework.schema.json` and
//! `cargo run --example schema report > docs/progress-report.schema.json`

fn main() {
    match std::env::args().nth(1).as_deref() {
        Some("report") => print!("{}", ilo_frameworks::report_schema()),
        _ => print!("{}", ilo_frameworks::framework_schema()),
    }
}
