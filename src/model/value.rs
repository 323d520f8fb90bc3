//! Values of results: a number or a text, alone or broken down by
//! dimensions.

use std::collections::BTreeMap;
use std::fmt;

use schemars::JsonSchema;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};

/// One value of a result: a finite number, or a text for qualitative
/// measures ("policy adopted").
///
/// Files write a number or a string; `nan` and `inf` are refused, since no
/// quantity is infinite or undefined.
///
/// ```
/// use ilo_frameworks::{Framework, Value};
///
/// assert_eq!(Value::number(12.5).and_then(|v| v.as_number()), Some(12.5));
/// assert_eq!(Value::number(f64::NAN), None);
/// assert_eq!(Value::from("adopted").as_text(), Some("adopted"));
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Value {
    /// A finite number.
    Number(f64),
    /// A text, for qualitative measures.
    Text(String),
}

impl Value {
    /// A number, or `None` when it is not finite.
    pub fn number(value: f64) -> Option<Value> {
        value.is_finite().then_some(Value::Number(value))
    }

    /// The number, when the value is one.
    pub fn as_number(&self) -> Option<f64> {
        match self {
            Value::Number(n) => Some(*n),
            Value::Text(_) => None,
        }
    }

    /// The text, when the value is one.
    pub fn as_text(&self) -> Option<&str> {
        match self {
            Value::Text(t) => Some(t),
            Value::Number(_) => None,
        }
    }
}

impl From<&str> for Value {
    fn from(text: &str) -> Self {
        Value::Text(text.to_owned())
    }
}

impl From<String> for Value {
    fn from(text: String) -> Self {
        Value::Text(text)
    }
}

impl fmt::Display for Value {
    /// A number as the shortest text that reads back the same; a text as is.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Number(n) => write!(f, "{n}"),
            Value::Text(t) => f.write_str(t),
        }
    }
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Number(n) => serializer.serialize_f64(*n),
            Value::Text(t) => serializer.serialize_str(t),
        }
    }
}

struct ValueVisitor;

impl Visitor<'_> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a number or a text")
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        Value::number(v).ok_or_else(|| E::custom(format!("{v} is not a finite number; write the value itself")))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v as f64))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v as f64))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        Ok(Value::Text(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
        Ok(Value::Text(v))
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ValueVisitor)
    }
}

impl JsonSchema for Value {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Value".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A finite number, or a text for qualitative measures.",
            "type": ["number", "string"],
        })
    }
}

/// One value of a target or an actual, optionally broken down by
/// dimensions (`sex = "female"`, `country = "AR"`), as IATI results are.
///
/// A point without dimensions is the total; points with dimensions are its
/// breakdown.
///
/// ```
/// use ilo_frameworks::{DataPoint, Value};
///
/// let point = DataPoint::new(Value::Number(4.0)).with("sex", "female").with("country", "AR");
/// assert_eq!(point.dimension("country"), Some("AR"));
/// assert!(!point.is_total());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
#[schemars(description = "One value of a target or an actual, optionally broken down by dimensions.")]
pub struct DataPoint {
    /// The value.
    pub value: Value,
    /// The dimensions it is broken down by: name → value, in name order.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub dimensions: BTreeMap<String, String>,
    /// A remark on the value, in a short phrase.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

impl DataPoint {
    /// A total: a value with no dimensions.
    pub fn new(value: Value) -> Self {
        DataPoint {
            value,
            dimensions: BTreeMap::new(),
            comment: None,
        }
    }

    /// The point with one more dimension.
    #[must_use]
    pub fn with(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.dimensions.insert(name.into(), value.into());
        self
    }

    /// The value of one dimension.
    pub fn dimension(&self, name: &str) -> Option<&str> {
        self.dimensions.get(name).map(String::as_str)
    }

    /// Whether the point is a total (has no dimensions).
    pub fn is_total(&self) -> bool {
        self.dimensions.is_empty()
    }
}

/// The values of a target or an actual: written as a bare number or text
/// when there is one total, as a list of [`DataPoint`]s otherwise.
///
/// ```toml
/// target = 10
/// actual = [{ value = 4, dimensions = { sex = "female" } }, { value = 3, dimensions = { sex = "male" } }]
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DataPoints(pub Vec<DataPoint>);

impl DataPoints {
    /// No value.
    pub fn new() -> Self {
        DataPoints::default()
    }

    /// One total.
    pub fn total(value: Value) -> Self {
        DataPoints(vec![DataPoint::new(value)])
    }

    /// Whether there is no value.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The points, in the order written.
    pub fn iter(&self) -> std::slice::Iter<'_, DataPoint> {
        self.0.iter()
    }

    /// The total as a number: the point without dimensions where there is
    /// one; otherwise the sum of the points when they are all broken down
    /// by the same dimensions (a clean breakdown of one total). `None` when
    /// there is no number, or when the breakdowns overlap (`sex` and
    /// `country` both), so that summing them would count twice.
    pub fn total_number(&self) -> Option<f64> {
        total_number(|| self.0.iter().map(|p| (&p.value, &p.dimensions)))
    }

    /// The total as a text, for qualitative values: the text of the point
    /// without dimensions.
    pub fn total_text(&self) -> Option<&str> {
        total_text(self.0.iter().map(|p| (&p.value, &p.dimensions)))
    }

    /// Every value, totals and breakdowns.
    pub fn values(&self) -> impl Iterator<Item = &Value> {
        self.0.iter().map(|p| &p.value)
    }
}

/// The total of data points given as values with their dimensions (see
/// [`DataPoints::total_number`]); `points` gives them afresh on each call,
/// so that points held elsewhere (a report's observations) total alike.
pub(crate) fn total_number<'a, I>(points: impl Fn() -> I) -> Option<f64>
where
    I: Iterator<Item = (&'a Value, &'a BTreeMap<String, String>)>,
{
    if let Some((total, _)) = points().find(|(_, d)| d.is_empty()) {
        return total.as_number();
    }
    let (_, first) = points().next()?;
    if !points().all(|(_, d)| d.keys().eq(first.keys())) {
        return None;
    }
    points().map(|(v, _)| v.as_number()).sum()
}

/// The text of the point without dimensions (see [`DataPoints::total_text`]).
pub(crate) fn total_text<'a>(
    mut points: impl Iterator<Item = (&'a Value, &'a BTreeMap<String, String>)>,
) -> Option<&'a str> {
    points.find(|(_, d)| d.is_empty()).and_then(|(v, _)| v.as_text())
}

impl fmt::Display for DataPoints {
    /// A lone total as its value; otherwise each point with its dimensions,
    /// joined by `; `: `4 (sex=female); 3 (sex=male)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, point) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{}", point.value)?;
            if !point.is_total() {
                let dimensions: Vec<String> = point.dimensions.iter().map(|(k, v)| format!("{k}={v}")).collect();
                write!(f, " ({})", dimensions.join(", "))?;
            }
        }
        Ok(())
    }
}

impl From<Value> for DataPoints {
    fn from(value: Value) -> Self {
        DataPoints::total(value)
    }
}

impl Serialize for DataPoints {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0.as_slice() {
            [one] if one.is_total() && one.comment.is_none() => one.value.serialize(serializer),
            many => many.serialize(serializer),
        }
    }
}

struct PointsVisitor;

impl<'de> Visitor<'de> for PointsVisitor {
    type Value = DataPoints;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a number, a text, or a list of values with dimensions")
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<DataPoints, E> {
        ValueVisitor.visit_f64(v).map(DataPoints::total)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<DataPoints, E> {
        ValueVisitor.visit_i64(v).map(DataPoints::total)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<DataPoints, E> {
        ValueVisitor.visit_u64(v).map(DataPoints::total)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<DataPoints, E> {
        Ok(DataPoints::total(Value::Text(v.to_owned())))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<DataPoints, A::Error> {
        let mut points = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
        while let Some(point) = seq.next_element::<DataPoint>()? {
            points.push(point);
        }
        Ok(DataPoints(points))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<DataPoints, A::Error> {
        let point = DataPoint::deserialize(de::value::MapAccessDeserializer::new(map))?;
        Ok(DataPoints(vec![point]))
    }
}

impl<'de> Deserialize<'de> for DataPoints {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(PointsVisitor)
    }
}

impl JsonSchema for DataPoints {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "DataPoints".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let value = generator.subschema_for::<Value>();
        let point = generator.subschema_for::<DataPoint>();
        schemars::json_schema!({
            "description": "A total as a bare number or text, a value with dimensions, or a list of them.",
            "anyOf": [value, point, { "type": "array", "items": point }],
        })
    }
}
