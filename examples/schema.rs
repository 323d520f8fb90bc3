//! Prints the JSON Schema of the framework file format, or with `report`
//! that of progress reports, or with `set` that of set files.
//!
//! Run: `cargo run --example schema > docs/framework.schema.json`,
//! `cargo run --example schema report > docs/progress-report.schema.json` and
//! `cargo run --example schema set > docs/set.schema.json`

fn main() {
    match std::env::args().nth(1).as_deref() {
        Some("report") => print!("{}", ilo_frameworks::report_schema()),
        Some("set") => print!("{}", ilo_frameworks::set_schema()),
        _ => print!("{}", ilo_frameworks::framework_schema()),
    }
}
