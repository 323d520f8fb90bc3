#![no_main]
//! Any bytes as an IATI activity file: the importer never panics, what it
//! accepts is a framework that is written back and read again unchanged,
//! and its findings print no control character raw.

use ilo_frameworks::iati::{ImportOptions, import_reader};
use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    let options = ImportOptions::new("iati-fuzz".parse().expect("a framework id"))
        .with_today(chrono::NaiveDate::from_ymd_opt(2025, 1, 1).expect("a date"));
    let Ok(import) = import_reader(data, "fuzz.xml", &options) else {
        return;
    };
    for finding in import.report.iter() {
        let shown = finding.to_string();
        assert!(
            !shown.chars().any(|c| c.is_control() && c != '\n' && c != '\t'),
            "a control character reaches a finding: {shown:?}"
        );
    }
    let json = import.framework.to_json_string().expect("an imported framework is written as JSON");
    common::read(&json, ilo_frameworks::Format::Json);
    let back = ilo_frameworks::Framework::from_json_str(&json, "fuzz.json").expect("reads back");
    assert_eq!(back, import.framework);
});
