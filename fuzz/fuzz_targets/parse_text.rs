#![no_main]
//! Any text through every parser of codes, ids, dates and SDG mentions:
//! what parses is written in its canonical form, which parses to the same
//! value.

use std::fmt::{Debug, Display};
use std::str::FromStr;

use ilo_frameworks::sdg::SdgMention;
use ilo_frameworks::*;
use libfuzzer_sys::fuzz_target;

fn canonical<T: FromStr + Display + PartialEq + Debug>(text: &str) {
    if let Ok(value) = text.parse::<T>() {
        let written = value.to_string();
        let again = written.parse::<T>().ok().expect("the canonical form parses");
        assert_eq!(again, value, "{text:?} written as {written:?}");
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    canonical::<FrameworkId>(text);
    canonical::<OutcomeCode>(text);
    canonical::<OutputCode>(text);
    canonical::<ProgrammeId>(text);
    canonical::<DeliverableCode>(text);
    canonical::<ElementCode>(text);
    canonical::<Ref>(text);
    canonical::<SdgCode>(text);
    canonical::<StandardRef>(text);
    canonical::<Quarter>(text);
    canonical::<PartialDate>(text);
    canonical::<Period>(text);
    canonical::<Biennium>(text);
    let _ = SdgMention::parse(text);
    let _ = ilo_frameworks::format::printable(text);
    assert_eq!(ilo_frameworks::format::masked(text).len(), text.len());
});
