//! Quarters, bienniums, periods, partial dates and timeframes.

use chrono::NaiveDate;
use ilo_frameworks::*;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn err<T: std::str::FromStr<Err = ParseError> + std::fmt::Debug>(input: &str, message: &str) {
    assert_eq!(input.parse::<T>().expect_err(input).to_string(), message);
}

#[test]
fn quarters() {
    let q: Quarter = "2019Q3".parse().unwrap();
    assert_eq!((q.year(), q.number()), (2019, 3));
    assert_eq!((q.first_day(), q.last_day()), (day(2019, 7, 1), day(2019, 9, 30)));
    assert_eq!("2020Q1".parse::<Quarter>().unwrap().last_day(), day(2020, 3, 31));
    assert_eq!("2019Q4".parse::<Quarter>().unwrap().last_day(), day(2019, 12, 31));
    assert_eq!(q.next().and_then(Quarter::next).unwrap().to_string(), "2020Q1");
    assert_eq!(
        "2020Q1".parse::<Quarter>().unwrap().previous().unwrap().to_string(),
        "2019Q4"
    );
    assert_eq!(Quarter::containing(day(2021, 11, 5)).to_string(), "2021Q4");
    let first: Quarter = "2017Q1".parse().unwrap();
    let last: Quarter = "2021Q4".parse().unwrap();
    assert_eq!(first.through(last).count(), 20);
    assert_eq!(last.through(first).count(), 0);
    assert_eq!(first.quarters_until(last), 19);
    const SHAPE: &str = "(expected a four-digit year, 'Q' and 1 to 4, such as \"2019Q3\")";
    err::<Quarter>("2019", &format!("invalid quarter \"2019\": there is no 'Q' {SHAPE}"));
    err::<Quarter>(
        "2019Q5",
        &format!("invalid quarter \"2019Q5\": \"5\" is not a quarter number {SHAPE}"),
    );
    err::<Quarter>(
        "2019q3",
        &format!("invalid quarter \"2019q3\": there is no 'Q' {SHAPE}"),
    );
    err::<Quarter>("19Q3", "invalid quarter \"19Q3\": \"19\" is not a four-digit year");
    err::<Quarter>(
        "1800Q1",
        "invalid quarter \"1800Q1\": the year 1800 is outside 1900 to 2199",
    );
    assert_eq!(
        Quarter::new(2019, 0).unwrap_err().to_string(),
        "invalid quarter \"2019Q0\": a year has quarters 1 to 4"
    );
}

#[test]
fn bienniums() {
    let b: Biennium = "2022-23".parse().unwrap();
    assert_eq!("2022–23".parse::<Biennium>().unwrap(), b);
    assert_eq!((b.first_year(), b.last_year()), (2022, 2023));
    assert_eq!(b.period(), Period::new(day(2022, 1, 1), day(2023, 12, 31)));
    assert_eq!("2099-00".parse::<Biennium>().unwrap().to_string(), "2099-00");
    const SHAPE: &str =
        "(expected a four-digit year, a hyphen and the last two digits of the next year, such as \"2022-23\")";
    err::<Biennium>(
        "2022",
        &format!("invalid biennium \"2022\": there is no hyphen {SHAPE}"),
    );
    err::<Biennium>(
        "2022-24",
        &format!("invalid biennium \"2022-24\": 24 does not follow 2022: write \"2022-23\" {SHAPE}"),
    );
    err::<Biennium>(
        "2022-2023",
        &format!("invalid biennium \"2022-2023\": \"2023\" is not two digits {SHAPE}"),
    );
}

#[test]
fn periods() {
    let plan = Period::years(2022, 2025);
    assert_eq!(plan.to_string(), "2022-01-01/2025-12-31");
    assert_eq!("2022/2025".parse::<Period>().unwrap(), plan);
    assert_eq!("2022-01-01/2025-12-31".parse::<Period>().unwrap(), plan);
    assert!(plan.contains(day(2022, 1, 1)) && plan.contains(day(2025, 12, 31)));
    assert!(!plan.contains(day(2026, 1, 1)));
    assert!(plan.encloses(Biennium::starting(2022).unwrap().period()));
    assert!(!plan.encloses(Biennium::starting(2025).unwrap().period()));
    assert!(plan.overlaps(Period::years(2025, 2026)));
    let reversed: Period = "2025/2022".parse().unwrap();
    assert!(reversed.is_reversed());
    assert!(!reversed.contains(day(2023, 1, 1)));
    assert!(!plan.overlaps(reversed));
    const SHAPE: &str =
        "(expected two dates joined by '/', such as \"2022-01-01/2025-12-31\", or two years, such as \"2022/2025\")";
    err::<Period>("2022", &format!("invalid period \"2022\": there is no '/' {SHAPE}"));
    err::<Period>(
        "2022-02-30/2023-01-01",
        &format!("invalid period \"2022-02-30/2023-01-01\": \"2022-02-30\" is not a date written YYYY-MM-DD {SHAPE}"),
    );
    err::<Period>(
        "2022-1-1/2023-01-01",
        &format!("invalid period \"2022-1-1/2023-01-01\": \"2022-1-1\" is not a date written YYYY-MM-DD {SHAPE}"),
    );
    // Years the schema refuses are refused: outside 1900 to 2199, signed, or
    // not four digits.
    err::<Period>(
        "0000-01-01/2020-12-31",
        "invalid period \"0000-01-01/2020-12-31\": the year 0 is outside 1900 to 2199",
    );
    for input in [
        "-0001-01-01/2020-12-31",
        "+12345-01-01/2020-12-31",
        "2020-01-01/+2021-01-01",
        "2020-01-01/2020-01-01x",
    ] {
        assert!(input.parse::<Period>().is_err(), "{input:?} is refused");
    }
}

#[test]
fn partial_dates() {
    let month: PartialDate = "2015-10".parse().unwrap();
    assert_eq!(month.period(), Period::new(day(2015, 10, 1), day(2015, 10, 31)));
    assert_eq!(month.month(), Some(10));
    assert_eq!(
        "2016-02".parse::<PartialDate>().unwrap().period().end(),
        day(2016, 2, 29)
    );
    assert_eq!(
        "2015-12".parse::<PartialDate>().unwrap().period().end(),
        day(2015, 12, 31)
    );
    assert_eq!(
        "2025".parse::<PartialDate>().unwrap().period(),
        Period::years(2025, 2025)
    );
    assert_eq!(
        "2020-10-15".parse::<PartialDate>().unwrap().day(),
        Some(day(2020, 10, 15))
    );
    const SHAPE: &str = "(expected a year \"2015\", a month \"2015-10\" or a day \"2015-10-01\")";
    err::<PartialDate>(
        "2015-13",
        &format!("invalid date \"2015-13\": \"13\" is not a month 01 to 12 {SHAPE}"),
    );
    err::<PartialDate>(
        "2015-1",
        &format!("invalid date \"2015-1\": \"1\" is not a month 01 to 12 {SHAPE}"),
    );
    err::<PartialDate>(
        "2015-02-30",
        &format!("invalid date \"2015-02-30\": it is not a calendar day {SHAPE}"),
    );
    err::<PartialDate>(
        "October 2015",
        "invalid date \"October 2015\": \"October 2015\" is not a four-digit year",
    );
    err::<PartialDate>(
        "2015-10-01-02",
        &format!("invalid date \"2015-10-01-02\": it has too many parts {SHAPE}"),
    );
    assert!(PartialDate::from_year_month(2015, 13).is_err());
}

#[test]
fn timeframes() {
    let t: Timeframe = ["2017Q1..2017Q4", "2018Q1", "2019Q3"]
        .iter()
        .map(|s| s.parse::<QuarterRange>().unwrap())
        .collect();
    assert_eq!(t.len(), 6);
    assert_eq!(t.to_string(), "2017Q1..2018Q1, 2019Q3");
    assert!(t.has_holes());
    assert_eq!(t.last().map(|q| q.to_string()), Some("2019Q3".to_owned()));
    assert!(Timeframe::new().is_empty());
    assert!(!Timeframe::new().has_holes());
    err::<QuarterRange>(
        "2018Q1..2017Q1",
        "invalid quarter range \"2018Q1..2017Q1\": the last quarter comes before the first",
    );
    err::<QuarterRange>(
        "2018Q1..2018",
        "invalid quarter range \"2018Q1..2018\": invalid quarter \"2018\": there is no 'Q' (expected a four-digit year, 'Q' and 1 to 4, such as \"2019Q3\")",
    );
}

mod timeframe_as_a_set {
    use std::collections::BTreeSet;

    use ilo_frameworks::{MAX_YEAR, MIN_YEAR, Quarter, QuarterRange, Timeframe};
    use proptest::collection::vec;
    use proptest::prelude::*;

    /// A quarter near the edges of the accepted years or in the middle, so
    /// that runs meet, overlap and reach the last quarter there is.
    fn quarter() -> impl Strategy<Value = Quarter> {
        prop_oneof![
            (2015i32..=2019, 1u8..=4),
            (MIN_YEAR..=MIN_YEAR + 1, 1u8..=4),
            (MAX_YEAR - 1..=MAX_YEAR, 1u8..=4)
        ]
        .prop_map(|(y, n)| Quarter::new(y, n).unwrap())
    }

    fn range() -> impl Strategy<Value = QuarterRange> {
        (quarter(), quarter()).prop_map(|(a, b)| QuarterRange::new(a.min(b), a.max(b)).unwrap())
    }

    proptest! {
        /// Built from ranges all at once or one by one, in any order, a
        /// timeframe holds exactly the quarters of a plain set of them, and
        /// its runs are its maximal unbroken runs.
        #[test]
        fn holds_what_a_set_of_quarters_holds(ranges in vec(range(), 0..8), quarters in vec(quarter(), 0..4)) {
            let mut set = BTreeSet::new();
            let mut one_by_one = Timeframe::new();
            for r in &ranges {
                set.extend(r.quarters());
                one_by_one.insert_range(*r);
            }
            for q in &quarters {
                set.insert(*q);
                one_by_one.insert(*q);
            }
            let all_at_once: Timeframe = ranges
                .iter()
                .copied()
                .chain(quarters.iter().map(|&q| QuarterRange::from(q)))
                .rev()
                .collect();
            prop_assert_eq!(&one_by_one, &all_at_once);
            // Read from a file's list (none, one, two or more ranges), the
            // ranges make the same timeframe as collected.
            let written: Vec<String> = ranges.iter().map(ToString::to_string).collect();
            let read: Timeframe = serde_json::from_value(serde_json::json!(written)).expect("reads");
            prop_assert_eq!(read, ranges.iter().copied().collect::<Timeframe>());
            let t = one_by_one;
            prop_assert_eq!(t.iter().collect::<Vec<_>>(), set.iter().copied().collect::<Vec<_>>());
            prop_assert_eq!(t.len(), set.len());
            prop_assert_eq!(t.is_empty(), set.is_empty());
            prop_assert_eq!(t.first(), set.first().copied());
            prop_assert_eq!(t.last(), set.last().copied());
            for q in ranges.iter().flat_map(|r| [r.first(), r.last()]).chain(quarters.iter().copied()) {
                for near in [q.previous(), Some(q), q.next()].into_iter().flatten() {
                    prop_assert_eq!(t.contains(near), set.contains(&near), "{}", near);
                }
            }
            let runs: Vec<QuarterRange> = t.runs().collect();
            for pair in runs.windows(2) {
                // In order, with at least one quarter missing in between.
                prop_assert!(pair[0].last().next().is_some_and(|after| after < pair[1].first()));
            }
            prop_assert_eq!(runs.iter().map(|r| r.len()).sum::<usize>(), set.len());
            prop_assert_eq!(t.has_holes(), runs.len() > 1);
        }
    }
}
