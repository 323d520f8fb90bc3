//! Every identifier type on valid and invalid input, with the exact error.

use std::fmt::Debug;
use std::str::FromStr;

use ilo_frameworks::*;

/// Parses `input`, prints it, and checks the text is the canonical form.
fn ok<T: FromStr<Err = ParseError> + ToString + Debug>(input: &str, canonical: &str) -> T {
    let value: T = input.parse().unwrap_or_else(|e| panic!("{input:?} should parse: {e}"));
    assert_eq!(value.to_string(), canonical, "canonical form of {input:?}");
    value
}

/// Parses `input`, expecting exactly the error message `message`.
fn err<T: FromStr<Err = ParseError> + Debug>(input: &str, message: &str) {
    let e = input.parse::<T>().expect_err(input);
    assert_eq!(e.to_string(), message, "error for {input:?}");
    assert_eq!(e.input(), input);
}

#[test]
fn outcome_codes() {
    assert_eq!(ok::<OutcomeCode>("7", "7").kind(), OutcomeKind::Policy);
    assert_eq!(ok::<OutcomeCode>("12", "12").number(), Some(12));
    assert_eq!(ok::<OutcomeCode>("B", "B").letter(), Some('B'));
    const SHAPE: &str = "(expected a number from 1 for a policy outcome, a capital letter for an enabling outcome, or ASCII letters and digits starting with a letter, such as \"7\", \"B\" or \"IA1\")";
    err::<OutcomeCode>("", &format!("invalid outcome code \"\": it is empty {SHAPE}"));
    for number in ["0", "07", "65536"] {
        err::<OutcomeCode>(
            number,
            &format!(
                "invalid outcome code \"{number}\": a number must be from 1 to 65535, written without a leading 0 {SHAPE}"
            ),
        );
    }
    err::<OutcomeCode>(
        "b",
        &format!("invalid outcome code \"b\": enabling outcomes use a capital letter: write \"B\" {SHAPE}"),
    );
    // Other frameworks' own codes: UNHCR's areas, an ILO country programme outcome.
    for code in ["AB", "IA1", "OA16", "EA17", "ARG155", "a1", "ABCDEFGHIJKLMN5"] {
        assert_eq!(ok::<OutcomeCode>(code, code).kind(), OutcomeKind::Other, "{code}");
    }
    assert_eq!(ok::<OutcomeCode>("IA1", "IA1").number(), None);
    assert_eq!(ok::<OutcomeCode>("IA1", "IA1").letter(), None);
    err::<OutcomeCode>(
        " 7",
        &format!("invalid outcome code \" 7\": it is neither a number nor starts with a letter {SHAPE}"),
    );
    err::<OutcomeCode>(
        "1A",
        &format!("invalid outcome code \"1A\": it is neither a number nor starts with a letter {SHAPE}"),
    );
    err::<OutcomeCode>(
        "IA-1",
        &format!("invalid outcome code \"IA-1\": it contains '-' {SHAPE}"),
    );
    err::<OutcomeCode>(
        "ABCDEFGHIJKLMNOP",
        &format!("invalid outcome code \"ABCDEFGHIJKLMNOP\": it is longer than 15 bytes {SHAPE}"),
    );
    // Policy, then enabling, then other codes as text.
    let ordered: Vec<OutcomeCode> = ["1", "9", "A", "Z", "AB", "EA17", "IA1", "IA10", "IA2", "a1"]
        .iter()
        .map(|c| c.parse().unwrap())
        .collect();
    assert!(ordered.windows(2).all(|w| w[0] < w[1]), "{ordered:?}");
    assert!(OutcomeCode::policy(0).is_err());
    assert!(OutcomeCode::enabling('a').is_err());
    assert!(ok::<OutcomeCode>("8", "8") < ok::<OutcomeCode>("A", "A"));
    assert!(ok::<OutcomeCode>("2", "2") < ok::<OutcomeCode>("10", "10"));
}

#[test]
fn output_codes() {
    let c = ok::<OutputCode>("C.4", "C.4");
    assert_eq!(c.outcome().letter(), Some('C'));
    assert_eq!(c.number(), 4);
    const SHAPE: &str = "(expected an outcome code, a dot and a number from 1, such as \"7.1\" or \"C.4\")";
    err::<OutputCode>("7", &format!("invalid output code \"7\": there is no dot {SHAPE}"));
    err::<OutputCode>(
        "7.0",
        &format!("invalid output code \"7.0\": \"0\" is not an output number {SHAPE}"),
    );
    err::<OutputCode>(
        "x.1",
        &format!("invalid output code \"x.1\": \"x\" is not an outcome code {SHAPE}"),
    );
    err::<OutputCode>(
        "A.1.",
        &format!("invalid output code \"A.1.\": \"1.\" is not an output number {SHAPE}"),
    );
    assert!(ok::<OutputCode>("7.2", "7.2") < ok::<OutputCode>("7.10", "7.10"));
    assert!(OutputCode::new("7".parse().unwrap(), 0).is_err());
}

#[test]
fn deliverable_codes() {
    let d = ok::<DeliverableCode>("10.3", "10.3");
    assert_eq!((d.group(), d.number()), (10, 3));
    const SHAPE: &str = "(expected two numbers from 1 joined by a dot, such as \"2.1\")";
    err::<DeliverableCode>("2", &format!("invalid deliverable code \"2\": there is no dot {SHAPE}"));
    err::<DeliverableCode>(
        "2.a",
        &format!("invalid deliverable code \"2.a\": \"a\" is not a number from 1 {SHAPE}"),
    );
    err::<DeliverableCode>(
        "0.1",
        &format!("invalid deliverable code \"0.1\": \"0\" is not a number from 1 {SHAPE}"),
    );
    assert!(DeliverableCode::new(1, 0).is_err());
}

#[test]
fn programme_ids() {
    ok::<ProgrammeId>("IPEC+", "IPEC+");
    ok::<ProgrammeId>("OSH-GAP", "OSH-GAP");
    const SHAPE: &str = "(expected a letter or digit, then any characters but ';', controls and white space other than inner single spaces, such as \"IPEC+\")";
    err::<ProgrammeId>("", &format!("invalid programme id \"\": it is empty {SHAPE}"));
    // Identifiers as IATI publishers write them.
    for id in [
        "IPEC +",
        "NL-KVK-27108436-A-05001-22:VN",
        "XI-IATI-EC_INTPA-2021/429-054",
        "CH-FDJP-f7f0b51e-7432-4c0c-a6c0-7df1101d7983-FH-projet Covid H2H",
        "Éducation-1",
    ] {
        ok::<ProgrammeId>(id, id);
    }
    err::<ProgrammeId>(
        "IPEC\t+",
        &format!("invalid programme id \"IPEC\\t+\": it contains the white space \\u{{9}} {SHAPE}"),
    );
    err::<ProgrammeId>(
        "IPEC\u{a0}+",
        &format!("invalid programme id \"IPEC\\u{{a0}}+\": it contains the white space \\u{{a0}} {SHAPE}"),
    );
    err::<ProgrammeId>(
        "IPEC ",
        &format!("invalid programme id \"IPEC \": it has a space at either end {SHAPE}"),
    );
    err::<ProgrammeId>(
        "IPEC  +",
        &format!("invalid programme id \"IPEC  +\": it has two spaces in a row {SHAPE}"),
    );
    err::<ProgrammeId>(
        "IPEC\u{202e}+",
        &format!("invalid programme id \"IPEC\\u{{202e}}+\": it contains the control character \\u{{202e}} {SHAPE}"),
    );
    err::<ProgrammeId>(
        "A;B",
        &format!("invalid programme id \"A;B\": it contains ';', which separates codes in tables {SHAPE}"),
    );
    err::<ProgrammeId>(
        "+IPEC",
        &format!("invalid programme id \"+IPEC\": it does not start with a letter or digit {SHAPE}"),
    );
    ok::<ProgrammeId>(&"A".repeat(255), &"A".repeat(255));
    let long = "A".repeat(256);
    err::<ProgrammeId>(
        &long,
        &format!("invalid programme id \"{long}\": it is longer than 255 bytes {SHAPE}"),
    );
}

#[test]
fn framework_ids() {
    ok::<FrameworkId>("pb-2022-23", "pb-2022-23");
    const SHAPE: &str = "(expected lower-case ASCII letters and digits in words joined by single hyphens, starting with a letter, such as \"pb-2022-23\")";
    err::<FrameworkId>(
        "PB",
        &format!("invalid framework id \"PB\": it contains the capital 'P' {SHAPE}"),
    );
    err::<FrameworkId>(
        "pb 22",
        &format!("invalid framework id \"pb 22\": it contains white space {SHAPE}"),
    );
    err::<FrameworkId>(
        "2022",
        &format!("invalid framework id \"2022\": it does not start with a letter {SHAPE}"),
    );
    err::<FrameworkId>(
        "pb--1",
        &format!("invalid framework id \"pb--1\": it has an empty word between hyphens {SHAPE}"),
    );
    err::<FrameworkId>(
        "pb-",
        &format!("invalid framework id \"pb-\": it has an empty word between hyphens {SHAPE}"),
    );
    err::<FrameworkId>(
        "sdg",
        "invalid framework id \"sdg\": \"sdg\" is reserved for the built-in catalogue",
    );
    err::<FrameworkId>(
        "ils",
        "invalid framework id \"ils\": \"ils\" is reserved for the built-in catalogue",
    );
}

#[test]
fn sdg_codes() {
    assert!(matches!(ok::<SdgCode>("8", "8"), SdgCode::Goal(_)));
    assert!(matches!(ok::<SdgCode>("8.b", "8.b"), SdgCode::Target(_)));
    assert!(matches!(ok::<SdgCode>("17.19.2", "17.19.2"), SdgCode::Indicator(_)));
    assert_eq!(ok::<SdgGoal>("17", "17").number(), 17);
    assert_eq!(ok::<SdgTarget>("8.10", "8.10").part(), TargetPart::Number(10));
    assert_eq!(ok::<SdgIndicator>("8.b.1", "8.b.1").target().to_string(), "8.b");
    err::<SdgCode>("", "invalid SDG code \"\": it is empty");
    err::<SdgGoal>(
        "18",
        "invalid SDG goal \"18\": \"18\" is not a goal number (expected 1 to 17, without leading zero)",
    );
    err::<SdgGoal>(
        "08",
        "invalid SDG goal \"08\": \"08\" is not a goal number (expected 1 to 17, without leading zero)",
    );
    err::<SdgGoal>(
        "8.7",
        "invalid SDG goal \"8.7\": it is a target code (expected a number 1 to 17, such as \"8\")",
    );
    err::<SdgTarget>(
        "1.A",
        "invalid SDG target \"1.A\": the target letter must be lower case: write \"1.a\"",
    );
    err::<SdgIndicator>(
        "1.A.1",
        "invalid SDG indicator \"1.A.1\": the target letter must be lower case: write \"1.a.1\"",
    );
    err::<SdgTarget>(
        "8",
        "invalid SDG target \"8\": it is a goal code (expected a goal, a dot and a number or lower-case letter, such as \"8.7\" or \"8.b\")",
    );
    err::<SdgTarget>(
        "8.ab",
        "invalid SDG target \"8.ab\": \"ab\" is not a target number or letter (expected 1 to 99 or a to z)",
    );
    err::<SdgIndicator>(
        "8.7",
        "invalid SDG indicator \"8.7\": it is a target code (expected a target, a dot and a number, such as \"8.8.2\")",
    );
    err::<SdgIndicator>(
        "8.7.0",
        "invalid SDG indicator \"8.7.0\": \"0\" is not an indicator number (expected 1 to 99)",
    );
    err::<SdgCode>(
        "8.7.1.2",
        "invalid SDG code \"8.7.1.2\": it has more than three dot-separated parts (expected a goal \"8\", a target \"8.7\" or an indicator \"8.8.2\")",
    );
    // UN order: goal, then its numbered targets, then its lettered ones, then the next goal.
    let mut codes: Vec<SdgCode> = ["9", "8.b", "8.10", "8.2", "8", "8.2.1"]
        .iter()
        .map(|s| s.parse().unwrap())
        .collect();
    codes.sort();
    let sorted: Vec<String> = codes.iter().map(ToString::to_string).collect();
    assert_eq!(sorted, ["8", "8.2", "8.2.1", "8.10", "8.b", "9"]);
    assert_eq!(SdgGoal::all().len(), 17);
}

#[test]
fn standard_refs() {
    let c87 = ok::<StandardRef>("C087", "C087");
    assert_eq!((c87.kind(), c87.number()), (StandardKind::Convention, 87));
    ok::<StandardRef>("C87", "C087");
    ok::<StandardRef>("C 87", "C087");
    ok::<StandardRef>("Convention No. 87", "C087");
    ok::<StandardRef>("Convention No.87", "C087");
    ok::<StandardRef>("Recommendation No. 204", "R204");
    ok::<StandardRef>("Protocol No. 29", "P029");
    ok::<StandardRef>("P029", "P029");
    const SHAPE: &str = "(expected C, R or P and a number from 1 to 999, such as \"C087\" or \"Convention No. 87\")";
    err::<StandardRef>(
        "",
        &format!("invalid labour standard reference \"\": it is empty {SHAPE}"),
    );
    err::<StandardRef>(
        "No. 87",
        &format!("invalid labour standard reference \"No. 87\": it does not start with a kind {SHAPE}"),
    );
    err::<StandardRef>(
        "C0",
        &format!("invalid labour standard reference \"C0\": 0 is out of range {SHAPE}"),
    );
    err::<StandardRef>(
        "C1000",
        &format!("invalid labour standard reference \"C1000\": 1000 is out of range {SHAPE}"),
    );
    err::<StandardRef>(
        "Convention",
        &format!("invalid labour standard reference \"Convention\": \"\" is not a number {SHAPE}"),
    );
    err::<StandardRef>(
        "C87a",
        &format!("invalid labour standard reference \"C87a\": \"87a\" is not a number {SHAPE}"),
    );
    // What the schema's pattern refuses, the reader refuses too: white
    // space around or doubled, no-break spaces, more than three digits.
    for input in [
        "  C0000087  ",
        " C087",
        "C087 ",
        "Convention  No. 87",
        "Convention\u{a0}No.\u{a0}87",
        "C  87",
    ] {
        assert!(input.parse::<StandardRef>().is_err(), "{input:?} is refused");
    }
    err::<StandardRef>(
        "C0087",
        &format!("invalid labour standard reference \"C0087\": \"0087\" has more than three digits: write 087 {SHAPE}"),
    );
    assert!(StandardRef::new(StandardKind::Recommendation, 0).is_err());
}

#[test]
fn refs() {
    let r = ok::<Ref>("pb-2022-23:7.1", "pb-2022-23:7.1");
    assert_eq!((r.namespace(), r.code().as_str()), ("pb-2022-23", "7.1"));
    assert!(matches!(ok::<Ref>("sdg:8.7", "sdg:8.7"), Ref::Sdg(SdgCode::Target(_))));
    assert!(matches!(ok::<Ref>("ils:C182", "ils:C182"), Ref::Standard(_)));
    ok::<Ref>("ils:Convention No. 182", "ils:C182");
    ok::<Ref>("flagships:IPEC+", "flagships:IPEC+");
    assert!(matches!(ok::<Ref>("pb-2022-23", "pb-2022-23"), Ref::Framework(_)));
    err::<Ref>(
        "PB:7.1",
        "invalid reference \"PB:7.1\": invalid framework id \"PB\": it contains the capital 'P' (expected lower-case ASCII letters and digits in words joined by single hyphens, starting with a letter, such as \"pb-2022-23\")",
    );
    err::<Ref>(
        "sdg:1.A",
        "invalid reference \"sdg:1.A\": invalid SDG code \"1.A\": the target letter must be lower case: write \"1.a\"",
    );
    err::<Ref>(
        "pb-2022-23:",
        "invalid reference \"pb-2022-23:\": invalid element code \"\": it is empty (expected a letter or digit, then any characters but ';', controls and white space other than inner single spaces, such as \"7.1\" or \"IPEC+\")",
    );
    err::<Ref>(
        "7.1",
        "invalid reference \"7.1\": it is neither a framework id nor a namespace, a colon and a code (expected \"pb-2022-23\", \"pb-2022-23:7.1\", \"sdg:8.7\" or \"ils:C182\")",
    );
}

#[test]
fn share() {
    assert_eq!(Share::new(0.0).unwrap().value(), 0.0);
    assert_eq!(Share::new(1.0).unwrap().value(), 1.0);
    assert_eq!(
        Share::new(-0.1).unwrap_err().to_string(),
        "invalid share \"-0.1\": a share is a fraction from 0 to 1"
    );
    assert!(Share::new(f64::INFINITY).is_err());
}
