//! Timeframes: sets of quarters, written as quarters and ranges of quarters.

use std::fmt;
use std::str::FromStr;

use super::Quarter;
use crate::id::{Expected, ParseError, serde_via_str};

/// An unbroken run of quarters, `first..last` with both ends included,
/// written `2017Q1..2018Q4` (a single quarter is written alone, `2019Q3`).
///
/// ```
/// use ilo_frameworks::QuarterRange;
///
/// let r: QuarterRange = "2017Q3..2018Q2".parse()?;
/// assert_eq!(r.len(), 4);
/// assert_eq!("2019Q3".parse::<QuarterRange>()?.len(), 1);
/// assert!("2018Q2..2017Q3".parse::<QuarterRange>().is_err());
/// # Ok::<(), ilo_frameworks::ParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct QuarterRange {
    first: Quarter,
    last: Quarter,
}

impl QuarterRange {
    /// The quarters from `first` to `last`.
    ///
    /// # Errors
    /// When `last` comes before `first`.
    pub fn new(first: Quarter, last: Quarter) -> Result<Self, ParseError> {
        if last < first {
            return Err(ParseError::new(
                Expected::QuarterRange,
                &format!("{first}..{last}"),
                "the last quarter comes before the first",
            ));
        }
        Ok(QuarterRange { first, last })
    }

    /// The first quarter.
    pub fn first(self) -> Quarter {
        self.first
    }

    /// The last quarter.
    pub fn last(self) -> Quarter {
        self.last
    }

    /// How many quarters the range holds (at least 1).
    pub fn len(self) -> usize {
        usize::try_from(self.first.quarters_until(self.last) + 1).unwrap_or(usize::MAX)
    }

    /// Always false: a range holds at least one quarter.
    pub fn is_empty(self) -> bool {
        false
    }

    /// The quarters in order.
    pub fn quarters(self) -> impl Iterator<Item = Quarter> + Clone {
        self.first.through(self.last)
    }
}

impl From<Quarter> for QuarterRange {
    fn from(q: Quarter) -> Self {
        QuarterRange { first: q, last: q }
    }
}

impl FromStr for QuarterRange {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<Self, ParseError> {
        let inner = |e: ParseError| ParseError::new(Expected::QuarterRange, s, e.to_string());
        // The first "..", found byte by byte: a quarter range is short.
        let dots = s.as_bytes().windows(2).position(|pair| pair == b"..");
        match dots.map(|at| (&s[..at], &s[at + 2..])) {
            None => s.parse::<Quarter>().map(QuarterRange::from).map_err(inner),
            Some((first, last)) => {
                let first: Quarter = first.parse().map_err(inner)?;
                let last: Quarter = last.parse().map_err(inner)?;
                QuarterRange::new(first, last)
                    .map_err(|_| ParseError::new(Expected::QuarterRange, s, "the last quarter comes before the first"))
            }
        }
    }
}

impl fmt::Display for QuarterRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.first == self.last {
            write!(f, "{}", self.first)
        } else {
            write!(f, "{}..{}", self.first, self.last)
        }
    }
}

serde_via_str!(
    QuarterRange,
    "QuarterRange",
    "A quarter \"2019Q3\" or an unbroken run of quarters \"2017Q1..2018Q4\".",
    "^(19[0-9]{2}|2[01][0-9]{2})Q[1-4](\\.\\.(19[0-9]{2}|2[01][0-9]{2})Q[1-4])?$"
);

/// The quarters in which something is scheduled: a set, possibly with holes,
/// possibly empty.
///
/// In files it is a list of quarters and ranges; it is written back as its
/// maximal unbroken runs, in order.
///
/// ```
/// use ilo_frameworks::{QuarterRange, Timeframe};
///
/// let t: Timeframe = ["2017Q3..2018Q1", "2019Q1"].iter().map(|s| s.parse::<QuarterRange>()).collect::<Result<_, _>>()?;
/// assert_eq!(t.len(), 4);
/// assert_eq!(t.first(), Some("2017Q3".parse()?));
/// assert!(t.has_holes());
/// let runs: Vec<String> = t.runs().map(|r| r.to_string()).collect();
/// assert_eq!(runs, ["2017Q3..2018Q1", "2019Q1"]);
/// # Ok::<(), ilo_frameworks::ParseError>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Timeframe {
    runs: Runs,
}

/// A timeframe's maximal unbroken runs, in order. Most timeframes are one
/// run, held in place; a tree of quarters took about a hundred bytes of
/// heap per deliverable.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
enum Runs {
    #[default]
    Empty,
    One(QuarterRange),
    /// Two runs or more, in order, neither touching nor overlapping.
    Many(Box<[QuarterRange]>),
}

impl Runs {
    fn as_slice(&self) -> &[QuarterRange] {
        match self {
            Runs::Empty => &[],
            Runs::One(run) => std::slice::from_ref(run),
            Runs::Many(runs) => runs,
        }
    }

    /// The runs that cover `ranges`, which are sorted: merged in place.
    fn of_sorted(mut ranges: Vec<QuarterRange>) -> Runs {
        // Each range that overlaps the run kept before it, or comes right
        // after it, grows that run and is dropped.
        ranges.dedup_by(|range, run| {
            let joins = range.first <= run.last || Some(range.first) == run.last.next();
            if joins {
                run.last = run.last.max(range.last);
            }
            joins
        });
        match ranges.as_slice() {
            [] => Runs::Empty,
            [run] => Runs::One(*run),
            _ => Runs::Many(ranges.into_boxed_slice()),
        }
    }
}

impl Timeframe {
    /// An empty timeframe.
    pub fn new() -> Self {
        Timeframe::default()
    }

    /// Adds one quarter.
    pub fn insert(&mut self, quarter: Quarter) {
        self.insert_range(QuarterRange::from(quarter));
    }

    /// Adds every quarter of a range.
    pub fn insert_range(&mut self, range: QuarterRange) {
        self.runs = match &self.runs {
            Runs::Empty => Runs::One(range),
            runs => {
                // At most 1,200 quarters fit between the first and the last
                // year, so a timeframe has at most 600 runs.
                let mut ranges = runs.as_slice().to_vec();
                let at = ranges.partition_point(|r| *r < range);
                ranges.insert(at, range);
                Runs::of_sorted(ranges)
            }
        };
    }

    /// Whether `quarter` is in the timeframe.
    pub fn contains(&self, quarter: Quarter) -> bool {
        let runs = self.runs.as_slice();
        // The last run that starts at or before the quarter.
        let at = runs.partition_point(|r| r.first <= quarter);
        at > 0 && quarter <= runs[at - 1].last
    }

    /// How many quarters.
    pub fn len(&self) -> usize {
        self.runs.as_slice().iter().map(|r| r.len()).sum()
    }

    /// Whether no quarter is scheduled.
    pub fn is_empty(&self) -> bool {
        matches!(self.runs, Runs::Empty)
    }

    /// The earliest quarter.
    pub fn first(&self) -> Option<Quarter> {
        self.runs.as_slice().first().map(|r| r.first)
    }

    /// The latest quarter.
    pub fn last(&self) -> Option<Quarter> {
        self.runs.as_slice().last().map(|r| r.last)
    }

    /// The quarters in order.
    pub fn iter(&self) -> impl Iterator<Item = Quarter> + '_ {
        self.runs.as_slice().iter().flat_map(|r| r.quarters())
    }

    /// The maximal unbroken runs of quarters, in order.
    pub fn runs(&self) -> impl Iterator<Item = QuarterRange> + '_ {
        self.runs.as_slice().iter().copied()
    }

    /// Whether a quarter is missing between the first and the last.
    pub fn has_holes(&self) -> bool {
        matches!(self.runs, Runs::Many(_))
    }
}

impl FromIterator<QuarterRange> for Timeframe {
    fn from_iter<I: IntoIterator<Item = QuarterRange>>(iter: I) -> Self {
        let mut ranges: Vec<QuarterRange> = iter.into_iter().collect();
        ranges.sort_unstable();
        Timeframe {
            runs: Runs::of_sorted(ranges),
        }
    }
}

impl FromIterator<Quarter> for Timeframe {
    fn from_iter<I: IntoIterator<Item = Quarter>>(iter: I) -> Self {
        iter.into_iter().map(QuarterRange::from).collect()
    }
}

impl serde::Serialize for Timeframe {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.runs())
    }
}

impl<'de> serde::Deserialize<'de> for Timeframe {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_seq(TimeframeVisitor)
    }
}

/// Reads a timeframe's list: one range, as most are, without a list made
/// for it.
struct TimeframeVisitor;

impl<'de> serde::de::Visitor<'de> for TimeframeVisitor {
    type Value = Timeframe;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of quarters and ranges of quarters")
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Timeframe, A::Error> {
        let Some(first) = seq.next_element::<QuarterRange>()? else {
            return Ok(Timeframe::new());
        };
        let Some(second) = seq.next_element::<QuarterRange>()? else {
            return Ok(Timeframe { runs: Runs::One(first) });
        };
        let mut ranges = vec![first, second];
        while let Some(range) = seq.next_element()? {
            ranges.push(range);
        }
        Ok(ranges.into_iter().collect())
    }
}

impl schemars::JsonSchema for Timeframe {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Timeframe".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let item = generator.subschema_for::<QuarterRange>();
        schemars::json_schema!({
            "type": "array",
            "description": "The quarters in which something is scheduled, as quarters and ranges of quarters.",
            "items": item,
        })
    }
}

impl fmt::Display for Timeframe {
    /// The runs joined by `, `; an empty timeframe prints nothing.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, run) in self.runs().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{run}")?;
        }
        Ok(())
    }
}
