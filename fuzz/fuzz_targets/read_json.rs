#![no_main]
//! Any bytes as a JSON framework, report or set.

use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        common::read(text, ilo_frameworks::Format::Json);
    }
});
