//! The IATI importer as a round trip: a generated framework of activities,
//! written as IATI 2.03 activity XML by the small writer below, imports
//! back equal, field for field, with no finding.
//!
//! The generator builds the model the importer should give (see
//! `src/iati/convert.rs`): the fields an activity records (details,
//! budgets, transactions, results) are generated, and the fields the
//! importer derives from them (status name, period and launch dates,
//! partners, donors, SDG codes of the programme and of its indicators)
//! are derived here by the rules convert.rs documents. The writer reads
//! only the recorded fields, never the derived ones, so a derived field
//! the importer gets wrong shows as a difference.
//!
//! Provenance is compared exactly: the writer notes the byte offset of
//! each `<iati-activity>`, `<indicator>` and `<related-activity>` it
//! writes, and the expected lines are counted from its own output (the
//! narratives hold line breaks, so lines and elements do not match one to
//! one).
//!
//! The hierarchy is a forest in an order of its own, so that a parent may
//! come before or after its child in the file; each `part_of` link is
//! stated by the child (type 1), the parent (type 2) or both. Siblings,
//! co-funded and third-party activities are kept as data.
//!
//! The same document is spelt several ways (see [`Style`]): LF or CR LF
//! line breaks, indented or on as few lines as the texts allow, either
//! quote, entities or character references, CDATA sections, and comments,
//! processing instructions and elements and attributes of another
//! namespace for the reader to pass over.
//!
//! The codelists (status, roles, date types, transaction types, result
//! types, measures, relations) are written out again here from the IATI
//! standard rather than taken from the crate, so that a wrong table in the
//! crate shows too.

use std::num::NonZeroU32;

use chrono::NaiveDate;
use ilo_frameworks::iati::{Import, ImportOptions, import_str};
use ilo_frameworks::*;
use proptest::collection::{btree_map, vec};
use proptest::option;
use proptest::prelude::*;
use proptest::sample::{Index, select, subsequence};

/// The file name the XML is imported under, which provenance names.
const FILE: &str = "generated.xml";

/// The reporting organisation of every activity.
const PUBLISHER: &str = "AA-1";

fn framework_id() -> FrameworkId {
    "iati-generated".parse().unwrap()
}

// ---------------------------------------------------------------------
// The IATI codelists, in code order (code = position + 1 unless noted).

/// ActivityStatus 1–6 and the names convert.rs gives them.
const STATUSES: [&str; 6] = [
    "pipeline/identification",
    "implementation",
    "finalisation",
    "closed",
    "cancelled",
    "suspended",
];

/// OrganisationRole 1–4.
const ROLES: [OrganisationRole; 4] = [
    OrganisationRole::Funding,
    OrganisationRole::Accountable,
    OrganisationRole::Extending,
    OrganisationRole::Implementing,
];

/// ActivityDateType 1–4.
const DATE_KINDS: [DateKind; 4] = [
    DateKind::PlannedStart,
    DateKind::ActualStart,
    DateKind::PlannedEnd,
    DateKind::ActualEnd,
];

/// TransactionType 1–13.
const TRANSACTIONS: [FundingKind; 13] = [
    FundingKind::IncomingFunds,
    FundingKind::OutgoingCommitment,
    FundingKind::Disbursement,
    FundingKind::Expenditure,
    FundingKind::InterestPayment,
    FundingKind::LoanRepayment,
    FundingKind::Reimbursement,
    FundingKind::PurchaseOfEquity,
    FundingKind::SaleOfEquity,
    FundingKind::CreditGuarantee,
    FundingKind::IncomingCommitment,
    FundingKind::OutgoingPledge,
    FundingKind::IncomingPledge,
];

/// ResultType codes and kinds (9 is "other").
const RESULT_KINDS: [(&str, ResultKind); 4] = [
    ("1", ResultKind::Output),
    ("2", ResultKind::Outcome),
    ("3", ResultKind::Impact),
    ("9", ResultKind::Other),
];

/// IndicatorMeasure 1–5.
const MEASURES: [Measure; 5] = [
    Measure::Unit,
    Measure::Percentage,
    Measure::Nominal,
    Measure::Ordinal,
    Measure::Qualitative,
];

/// RelatedActivityType 1–5.
const RELATIONS: [Relation; 5] = [
    Relation::Parent,
    Relation::Child,
    Relation::Sibling,
    Relation::CoFunded,
    Relation::ThirdParty,
];

fn code_of<T: PartialEq>(table: &[T], value: &T) -> String {
    let at = table.iter().position(|v| v == value).expect("a value of the codelist");
    (at + 1).to_string()
}

const COUNTRIES: [&str; 6] = ["AR", "KE", "BD", "CO", "JO", "UG"];
const REGIONS: [&str; 4] = ["298", "589", "789", "998"];
const DAC_SECTORS: [&str; 6] = ["11110", "11220", "12220", "15110", "16020", "31120"];
const OWN_SECTORS: [&str; 3] = ["IA1", "IA2", "IA3"];
const SDG_GOALS: [&str; 17] = [
    "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17",
];
const SDG_TARGETS: [&str; 6] = ["8.7", "8.5", "1.3", "5.5", "8.b", "16.2"];
const SDG_INDICATORS: [&str; 6] = ["8.7.1", "8.5.2", "1.3.1", "5.5.2", "8.b.1", "10.7.2"];
const ORG_REFS: [&str; 5] = [
    "XM-DAC-41121",
    "GB-GOV-1",
    "AA-1",
    "XI-IATI-EC_INTPA",
    "NL-KVK-27108436",
];
const CURRENCIES: [&str; 4] = ["USD", "EUR", "CHF", "GBP"];

// ---------------------------------------------------------------------
// Building blocks of the model (several of its structs are non-exhaustive
// and have no constructor: they are filled in field by field, or read
// from their serde form).

fn organisation(id: Option<String>, name: Option<String>) -> Organisation {
    let mut o = Organisation::default();
    o.id = id.map(Code::from);
    o.name = name.map(Label::from);
    o
}

fn participant(role: OrganisationRole, organisation: &Organisation) -> Participant {
    serde_json::from_value(serde_json::json!({
        "role": role.as_str(),
        "id": organisation.id,
        "name": organisation.name,
    }))
    .expect("a participant")
}

fn policy_marker(vocabulary: Option<&str>, code: &str, significance: Option<&str>) -> PolicyMarker {
    serde_json::from_value(serde_json::json!({
        "vocabulary": vocabulary,
        "code": code,
        "significance": significance,
    }))
    .expect("a policy marker")
}

fn document_link(url: &str, title: Option<&str>, format: Option<&str>) -> DocumentLink {
    serde_json::from_value(serde_json::json!({ "url": url, "title": title, "format": format }))
        .expect("a document link")
}

fn classification(vocabulary: &str, code: &str, name: Option<String>, percentage: Option<f64>) -> Classification {
    let mut c = Classification::new(vocabulary, code);
    c.name = name.map(Label::from);
    c.percentage = percentage;
    c
}

fn day_of(date: NaiveDate) -> PartialDate {
    PartialDate::from_day(date).unwrap()
}

fn element(id: &ProgrammeId) -> Ref {
    Ref::element(framework_id(), ElementCode::from(id))
}

// ---------------------------------------------------------------------
// Strategies.

/// Text: letters, digits, the five characters XML escapes, non-ASCII
/// letters and an emoji, spaces anywhere (at either end and doubled too),
/// tabs, LFs and CRs; never blank, since a blank organisation name is read
/// as none. The same strategy serves attributes: the writer writes their
/// tabs and line breaks as character references.
fn narrative() -> impl Strategy<Value = String> {
    "[ A-Za-z0-9&<>\"'.,;:()/éñüßçøΩЖ中文🙂\t\n\r-]{1,20}".prop_filter("blank", |s| !s.trim().is_empty())
}

fn attribute_text() -> impl Strategy<Value = String> {
    narrative()
}

/// A publisher's own code: kept as written, specials and spaces included.
fn code() -> impl Strategy<Value = String> {
    "[A-Za-z0-9][A-Za-z0-9 ./&'<>:ñ-]{0,9}"
}

fn url() -> impl Strategy<Value = String> {
    "[a-z0-9]{1,8}(/[a-z0-9éñ]{1,6}){0,2}".prop_map(|path| format!("https://example.org/{path}?a=1&b='x'"))
}

fn day() -> impl Strategy<Value = NaiveDate> {
    (1990i32..=2040, 1u32..=365).prop_map(|(y, d)| NaiveDate::from_yo_opt(y, d).unwrap())
}

fn ordered_days() -> impl Strategy<Value = (NaiveDate, NaiveDate)> {
    (day(), day()).prop_map(|(a, b)| (a.min(b), a.max(b)))
}

/// Finite numbers: short decimals as publishers write them, and any
/// normal or subnormal `f64` of either sign, which `{}` writes in full.
fn number() -> impl Strategy<Value = f64> {
    use proptest::num::f64 as f;
    prop_oneof![
        (-1_000_000_000i64..1_000_000_000).prop_map(|n| n as f64 / 100.0),
        f::POSITIVE | f::NEGATIVE | f::NORMAL | f::SUBNORMAL | f::ZERO,
    ]
}

/// `cuts` (hundredths, 0 to 10 000) cut 100 into `cuts.len() + 1`
/// percentages with two decimals, which add up to 100 within the
/// importer's tolerance.
fn split_hundred(cuts: &[u32]) -> Vec<f64> {
    let mut cuts = cuts.to_vec();
    cuts.sort_unstable();
    cuts.push(10_000);
    let mut last = 0;
    cuts.into_iter()
        .map(|cut| {
            let part = cut - last;
            last = cut;
            f64::from(part) / 100.0
        })
        .collect()
}

/// Percentages for `n` classifications that are checked together: none,
/// one of 0 to 100 when alone, or several adding up to 100.
fn percentages(n: usize, given: bool, cuts: &[u32], alone: u32) -> Vec<Option<f64>> {
    match (given, n) {
        (false, _) | (_, 0) => vec![None; n],
        (true, 1) => vec![Some(f64::from(alone) / 100.0)],
        (true, n) => split_hundred(&cuts[..n - 1]).into_iter().map(Some).collect(),
    }
}

fn cuts() -> impl Strategy<Value = (bool, Vec<u32>, u32)> {
    (any::<bool>(), vec(0u32..=10_000, 5), 0u32..=10_000)
}

/// The dates of an activity: some of the four kinds, each start on or
/// before each end, in any order.
fn dates() -> impl Strategy<Value = Vec<ActivityDate>> {
    (
        prop::array::uniform4(day()),
        any::<bool>(),
        any::<bool>(),
        prop::array::uniform4(any::<bool>()),
    )
        .prop_map(|(mut days, planned_first, planned_last, present)| {
            days.sort();
            let (planned_start, actual_start) = if planned_first {
                (days[0], days[1])
            } else {
                (days[1], days[0])
            };
            let (planned_end, actual_end) = if planned_last {
                (days[3], days[2])
            } else {
                (days[2], days[3])
            };
            [planned_start, actual_start, planned_end, actual_end]
                .into_iter()
                .zip(DATE_KINDS)
                .zip(present)
                .filter(|(_, present)| *present)
                .map(|((date, kind), _)| ActivityDate::new(kind, day_of(date)))
                .collect::<Vec<_>>()
        })
        .prop_shuffle()
}

fn participants() -> impl Strategy<Value = Vec<Participant>> {
    let org = (option::of(select(ORG_REFS.to_vec())), option::of(narrative()))
        .prop_map(|(id, name)| organisation(id.map(str::to_owned), name));
    vec((select(ROLES.to_vec()), org), 0..6)
        .prop_map(|orgs| orgs.iter().map(|(role, org)| participant(*role, org)).collect())
}

/// Recipient countries and regions, whose percentages are checked
/// together.
fn places() -> impl Strategy<Value = (Vec<Classification>, Vec<Classification>)> {
    (
        subsequence(COUNTRIES.to_vec(), 0..=3),
        subsequence(REGIONS.to_vec(), 0..=2),
        vec(option::of(narrative()), 2),
        cuts(),
    )
        .prop_map(|(countries, regions, names, (given, cuts, alone))| {
            let mut shares = percentages(countries.len() + regions.len(), given, &cuts, alone).into_iter();
            let countries = countries
                .iter()
                .map(|code| {
                    let mut c = Classification::country(*code);
                    c.percentage = shares.next().unwrap();
                    c
                })
                .collect();
            let regions = regions
                .iter()
                .zip(names)
                .map(|(code, name)| classification("1", code, name, shares.next().unwrap()))
                .collect();
            (countries, regions)
        })
}

/// Sectors of DAC vocabulary 1, the publisher's vocabulary 99 and the SDG
/// vocabularies 7 (goals), 8 (targets) and 9 (indicators), whose
/// percentages add up to 100 within each vocabulary, interleaved.
fn sectors() -> impl Strategy<Value = Vec<Classification>> {
    let group = |vocabulary: &'static str, codes: &'static [&'static str]| {
        (
            subsequence(codes.to_vec(), 0..=3),
            vec(option::of(narrative()), 3),
            cuts(),
        )
            .prop_map(move |(codes, names, (given, cuts, alone))| {
                let shares = percentages(codes.len(), given, &cuts, alone);
                codes
                    .iter()
                    .zip(names)
                    .zip(shares)
                    .map(|((code, name), share)| classification(vocabulary, code, name, share))
                    .collect::<Vec<_>>()
            })
    };
    (
        group("1", &DAC_SECTORS),
        group("99", &OWN_SECTORS),
        group("7", &SDG_GOALS),
        group("8", &SDG_TARGETS),
        group("9", &SDG_INDICATORS),
    )
        .prop_flat_map(|(mut all, own, goals, targets, indicators)| {
            all.extend(own);
            all.extend(goals);
            all.extend(targets);
            all.extend(indicators);
            Just(all).prop_shuffle()
        })
}

/// Tags: SDG goals (vocabulary 2) and targets (3), distinct, and the
/// publisher's own (99), interleaved.
fn tags() -> impl Strategy<Value = Vec<Classification>> {
    (
        subsequence(SDG_GOALS.to_vec(), 0..=3),
        subsequence(SDG_TARGETS.to_vec(), 0..=2),
        vec((code(), option::of(narrative())), 0..3),
        vec(option::of(narrative()), 5),
    )
        .prop_flat_map(|(goals, targets, own, mut names)| {
            let sdg = goals.iter().map(|g| ("2", *g)).chain(targets.iter().map(|t| ("3", *t)));
            let mut tags: Vec<Classification> = sdg
                .map(|(vocabulary, code)| classification(vocabulary, code, names.pop().flatten(), None))
                .collect();
            tags.extend(
                own.into_iter()
                    .map(|(code, name)| classification("99", &code, name, None)),
            );
            Just(tags).prop_shuffle()
        })
}

fn policy_markers() -> impl Strategy<Value = Vec<PolicyMarker>> {
    vec(
        (option::of(select(vec!["1", "99"])), 1u8..=12, option::of(0u8..=4)),
        0..3,
    )
    .prop_map(|markers| {
        markers
            .into_iter()
            .map(|(vocabulary, code, significance)| {
                policy_marker(
                    vocabulary,
                    &code.to_string(),
                    significance.map(|s| s.to_string()).as_deref(),
                )
            })
            .collect()
    })
}

fn humanitarian_scopes() -> impl Strategy<Value = Vec<Classification>> {
    vec(
        (select(vec!["1-2", "2-1", "99"]), code(), option::of(narrative())),
        0..3,
    )
    .prop_map(|scopes| {
        scopes
            .into_iter()
            .map(|(vocabulary, code, name)| classification(vocabulary, &code, name, None))
            .collect()
    })
}

fn documents() -> impl Strategy<Value = Vec<DocumentLink>> {
    vec(
        (
            url(),
            option::of(narrative()),
            option::of(select(vec!["application/pdf", "text/html"])),
        ),
        0..3,
    )
    .prop_map(|links| {
        links
            .iter()
            .map(|(url, title, format)| document_link(url, title.as_deref(), *format))
            .collect()
    })
}

/// A `<value>`: amount, currency and value date. The standard requires a
/// value of every budget and transaction (`iati/incomplete-element`).
fn money() -> impl Strategy<Value = Option<(f64, Option<&'static str>, Option<NaiveDate>)>> {
    (number(), option::of(select(CURRENCIES.to_vec())), option::of(day())).prop_map(Some)
}

fn with_money(mut funding: Funding, money: Option<(f64, Option<&str>, Option<NaiveDate>)>) -> Funding {
    if let Some((amount, currency, value_date)) = money {
        funding.amount = Some(amount);
        funding.currency = currency.map(Code::new);
        funding.value_date = value_date.map(day_of);
    }
    funding
}

fn budgets() -> impl Strategy<Value = Vec<Funding>> {
    // The standard requires a budget's period (`iati/incomplete-element`).
    vec((ordered_days().prop_map(Some), money()), 0..3).prop_map(|budgets| {
        budgets
            .into_iter()
            .map(|(period, money)| {
                let mut funding = Funding::default();
                funding.kind = Some(FundingKind::Budget);
                funding.period = period.map(|(start, end)| Period::new(start, end));
                with_money(funding, money)
            })
            .collect()
    })
}

fn transactions() -> impl Strategy<Value = Vec<Funding>> {
    vec((select(TRANSACTIONS.to_vec()), option::of(narrative()), money()), 0..4).prop_map(|transactions| {
        transactions
            .into_iter()
            .map(|(kind, donor, money)| {
                let mut funding = Funding::default();
                funding.kind = Some(kind);
                funding.donor = donor.map(Label::from);
                with_money(funding, money)
            })
            .collect()
    })
}

/// A reference of a result or an indicator: SDG indicators (vocabulary
/// 9) or other codes, with an indicator address or not.
fn reference() -> impl Strategy<Value = Classification> {
    prop_oneof![
        (select(SDG_INDICATORS.to_vec()), option::of(url()))
            .prop_map(|(code, uri)| classification("9", code, uri, None)),
        (select(vec!["1", "99"]), code(), option::of(url()))
            .prop_map(|(vocabulary, code, uri)| classification(vocabulary, &code, uri, None)),
    ]
}

/// A value of `measure`: a number, or a non-blank text.
fn value(measure: Measure) -> BoxedStrategy<Value> {
    if measure.is_quantitative() {
        number().prop_map(Value::Number).boxed()
    } else {
        attribute_text().prop_map(Value::Text).boxed()
    }
}

/// A target or actual: a value, dimensions (a location among them), and a
/// comment for a quantitative measure (a qualitative one reads its
/// comment as the value only when there is no value attribute).
fn data_point(measure: Measure) -> impl Strategy<Value = DataPoint> {
    let names = select(vec!["sex", "age", "disability", "location"]).prop_map(str::to_owned);
    (
        value(measure),
        btree_map(names, attribute_text(), 0..3),
        option::of(narrative()),
    )
        .prop_map(move |(value, dimensions, comment)| {
            let mut point = DataPoint::new(value);
            point.dimensions = dimensions;
            point.comment = comment.filter(|_| measure.is_quantitative());
            point
        })
}

fn indicator_period(measure: Measure) -> impl Strategy<Value = IndicatorPeriod> {
    (
        ordered_days(),
        vec(data_point(measure), 0..3),
        vec(data_point(measure), 0..3),
    )
        .prop_map(|((start, end), target, actual)| {
            let mut period = IndicatorPeriod::new(Period::new(start, end));
            period.target = DataPoints(target);
            period.actual = DataPoints(actual);
            period
        })
}

/// A baseline: its value, and a date given as a day or a year.
fn baseline(measure: Measure) -> impl Strategy<Value = (Value, Option<PartialDate>)> {
    let date = prop_oneof![
        day().prop_map(day_of),
        (1990i32..=2040).prop_map(|y| PartialDate::from_year(y).unwrap()),
    ];
    (value(measure), option::of(date))
}

/// An indicator with its own references; its result is filled in by
/// [`result`].
fn indicator() -> impl Strategy<Value = (Indicator, Vec<Classification>)> {
    select(MEASURES.to_vec()).prop_flat_map(|measure| {
        (
            option::of(narrative()),
            any::<bool>(),
            any::<bool>(),
            option::of(baseline(measure)),
            vec(indicator_period(measure), 0..3),
            vec(reference(), 1..3),
        )
            .prop_map(move |(label, descending, separate, baseline, periods, references)| {
                let mut indicator = Indicator::new(label.unwrap_or_default());
                indicator.measure = measure;
                if descending {
                    indicator.direction = Direction::Descending;
                }
                if separate {
                    indicator.aggregation = Some(Aggregation::None);
                }
                if let Some((value, date)) = baseline {
                    indicator.baseline = Some(value);
                    indicator.baseline_date = date;
                }
                indicator.periods = periods;
                (indicator, references)
            })
    })
}

/// A result: its indicators, each with the result's kind, title and
/// references; references are given at the result, at its indicators, or
/// nowhere, never both (that is a finding). The number is set by
/// [`results`].
fn result() -> impl Strategy<Value = Vec<Indicator>> {
    (
        select(RESULT_KINDS.to_vec()),
        option::of(narrative()),
        0u8..3,
        vec(reference(), 1..3),
        vec(indicator(), 0..3),
    )
        .prop_map(|((_, kind), title, references_at, references, indicators)| {
            indicators
                .into_iter()
                .map(|(mut indicator, own)| {
                    let mut of = ResultOf::new(kind, 0, title.clone().unwrap_or_default());
                    if references_at == 1 {
                        of.references = references.clone();
                    }
                    if references_at == 2 {
                        of.indicator_references = own;
                    }
                    // SDG indicators the indicator's own references name
                    // (vocabulary 9), each once.
                    for reference in &of.indicator_references {
                        if reference.vocabulary.as_deref() == Some("9") {
                            let code: SdgCode = reference.code.parse().unwrap();
                            if !indicator.sdg.contains(&code) {
                                indicator.sdg.push(code);
                            }
                        }
                    }
                    indicator.result = Some(Box::new(of));
                    indicator
                })
                .collect()
        })
}

/// The indicators of an activity's results, numbered by the result's
/// place (a result without indicators keeps its number).
fn results() -> impl Strategy<Value = Vec<Indicator>> {
    vec(result(), 0..4).prop_map(|results| {
        results
            .into_iter()
            .zip(1u32..)
            .flat_map(|(indicators, number)| {
                indicators.into_iter().map(move |mut indicator| {
                    indicator.result.as_mut().unwrap().number = number;
                    indicator
                })
            })
            .collect()
    })
}

fn last_updated() -> impl Strategy<Value = String> {
    (day(), 0u32..24, 0u32..60).prop_map(|(d, h, m)| format!("{d}T{h:02}:{m:02}:00"))
}

/// What an activity records, before its identifier is known.
#[derive(Debug, Clone)]
struct Recorded {
    title: String,
    publisher: String,
    status: Option<usize>,
    last_updated: Option<String>,
    humanitarian: bool,
    dates: Vec<ActivityDate>,
    participants: Vec<Participant>,
    places: (Vec<Classification>, Vec<Classification>),
    sectors: Vec<Classification>,
    tags: Vec<Classification>,
    policy_markers: Vec<PolicyMarker>,
    scopes: Vec<Classification>,
    documents: Vec<DocumentLink>,
    budgets: Vec<Funding>,
    transactions: Vec<Funding>,
    indicators: Vec<Indicator>,
    /// Siblings, co-funded and third-party activities, by index among the
    /// others.
    others: Vec<(Relation, Index)>,
}

fn recorded() -> impl Strategy<Value = Recorded> {
    let head = (
        narrative(),
        narrative(),
        option::of(0usize..6),
        option::of(last_updated()),
        any::<bool>(),
        dates(),
        participants(),
    );
    let details = (
        places(),
        sectors(),
        tags(),
        policy_markers(),
        humanitarian_scopes(),
        documents(),
    );
    let others = vec((select(RELATIONS[2..].to_vec()), any::<Index>()), 0..3);
    (head, details, budgets(), transactions(), results(), others).prop_map(
        |(
            (title, publisher, status, last_updated, humanitarian, dates, participants),
            (places, sectors, tags, policy_markers, scopes, documents),
            budgets,
            transactions,
            indicators,
            others,
        )| Recorded {
            title,
            publisher,
            status,
            last_updated,
            humanitarian,
            dates,
            participants,
            places,
            sectors,
            tags,
            policy_markers,
            scopes,
            documents,
            budgets,
            transactions,
            indicators,
            others,
        },
    )
}

/// Which side states that an activity is part of another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum StatedBy {
    /// The child, with type 1 (parent).
    Child,
    /// The parent, with type 2 (child).
    Parent,
    /// Both, which is one link.
    Both,
}

/// A generated framework: the programmes the import should give, in file
/// order (their `source` and their indicators' left unknown until the XML
/// is written), each one's parent, and how the XML is spelt.
#[derive(Debug, Clone)]
struct Generated {
    programmes: Vec<Programme>,
    parents: Vec<Option<(usize, StatedBy)>>,
    style: Style,
}

/// An identifier as published: the publisher's prefix and a hyphen, then
/// letters (non-ASCII too), digits, `:`, `.`, `_`, `+`, `-` and inner
/// single spaces.
fn identifier() -> impl Strategy<Value = String> {
    "[A-Za-z0-9éñЖ中][A-Za-z0-9éñЖ中:._+-]{0,8}( [A-Za-z0-9:éñ]{1,4}){0,2}".prop_map(|s| format!("{PUBLISHER}-{s}"))
}

fn generated() -> impl Strategy<Value = Generated> {
    (1usize..=6)
        .prop_flat_map(|n| {
            (
                vec(identifier(), n).prop_filter("distinct identifiers", |ids| {
                    ids.iter().collect::<std::collections::BTreeSet<_>>().len() == ids.len()
                }),
                vec(recorded(), n),
                vec(
                    option::of((
                        any::<Index>(),
                        select(vec![StatedBy::Child, StatedBy::Parent, StatedBy::Both]),
                    )),
                    n,
                ),
                Just((0..n).collect::<Vec<_>>()).prop_shuffle(),
                style(),
            )
        })
        .prop_map(|(ids, recorded, parents, ranked, style)| {
            let ids: Vec<ProgrammeId> = ids.iter().map(|id| id.parse().unwrap()).collect();
            let n = ids.len();
            // The activities ranked in an order of their own (`ranked[r]` is
            // the place in the file of the activity of rank r), each with a
            // parent of lower rank, so that there is no cycle, and a parent
            // may come before or after its child in the file.
            let mut by_place = vec![None; n];
            for (rank, parent) in parents.into_iter().enumerate() {
                if let Some((index, stated)) = parent.filter(|_| rank > 0) {
                    by_place[ranked[rank]] = Some((ranked[index.index(rank)], stated));
                }
            }
            let parents = by_place;
            let programmes = recorded
                .into_iter()
                .enumerate()
                .map(|(i, recorded)| {
                    let others: Vec<Related> = recorded
                        .others
                        .iter()
                        .filter(|_| n > 1)
                        .map(|(relation, index)| {
                            let j = index.index(n - 1);
                            let j = if j >= i { j + 1 } else { j };
                            Related::new(*relation, ids[j].as_str())
                        })
                        .collect();
                    programme(ids[i].clone(), recorded, others)
                })
                .collect();
            Generated {
                programmes,
                parents,
                style,
            }
        })
}

/// The programme the import should give for an activity that records
/// `recorded`: what it records, and what the importer derives from it.
fn programme(id: ProgrammeId, recorded: Recorded, related: Vec<Related>) -> Programme {
    let mut programme = Programme::new(id, ProgrammeKind::Project, recorded.title);
    programme.status = recorded.status.map(|s| STATUSES[s].to_owned());

    // Dates: actual before planned, and the period only with both ends.
    let find = |kind: DateKind| {
        recorded
            .dates
            .iter()
            .find(|d| d.kind == kind)
            .and_then(|d| d.date.day())
    };
    let start = find(DateKind::ActualStart).or(find(DateKind::PlannedStart));
    let end = find(DateKind::ActualEnd).or(find(DateKind::PlannedEnd));
    programme.period = start.zip(end).map(|(start, end)| Period::new(start, end));
    programme.launched = find(DateKind::ActualStart).map(day_of);
    programme.planned_launch = find(DateKind::PlannedStart).map(day_of);

    // Implementing organisations are partners, each once; funding ones are
    // donors, before the budgets and transactions.
    for participant in &recorded.participants {
        let Some(label) = participant.organisation.label() else {
            continue;
        };
        match participant.role {
            OrganisationRole::Implementing if !programme.partners.iter().any(|p| p == label) => {
                programme.partners.push(label.into());
            }
            OrganisationRole::Funding => {
                let mut funding = Funding::default();
                funding.donor = Some(label.into());
                programme.funding.push(funding);
            }
            _ => {}
        }
    }
    programme.funding.extend(recorded.budgets);
    programme.funding.extend(recorded.transactions);

    // SDG codes of sectors of vocabularies 7, 8 and 9, then of tags of
    // vocabularies 2 and 3, each once.
    let sdg_sectors = recorded
        .sectors
        .iter()
        .filter(|c| matches!(c.vocabulary.as_deref(), Some("7" | "8" | "9")));
    let sdg_tags = recorded
        .tags
        .iter()
        .filter(|c| matches!(c.vocabulary.as_deref(), Some("2" | "3")));
    for classification in sdg_sectors.chain(sdg_tags) {
        {
            let code: SdgCode = classification.code.parse().unwrap();
            if !programme.sdg.contains(&code) {
                programme.sdg.push(code);
            }
        }
    }
    programme.indicators = recorded.indicators;

    let mut details = Activity::default();
    details.reporting_org = Some(organisation(Some(PUBLISHER.to_owned()), Some(recorded.publisher)));
    details.organisations = recorded.participants;
    details.dates = recorded.dates;
    (details.countries, details.regions) = recorded.places;
    details.sectors = recorded.sectors;
    details.tags = recorded.tags;
    details.policy_markers = recorded.policy_markers;
    details.humanitarian = recorded.humanitarian;
    details.humanitarian_scopes = recorded.scopes;
    details.documents = recorded.documents;
    details.related = related;
    details.last_updated = recorded.last_updated;
    programme.activity = Some(Box::new(details));
    programme
}

// ---------------------------------------------------------------------
// The writer.

/// How the writer spells the XML: the same document, written otherwise.
#[derive(Debug, Clone, Copy)]
struct Style {
    /// Line breaks as CR LF, between elements and within texts (XML reads
    /// both as LF).
    crlf: bool,
    /// No line breaks or indentation between elements, so that lines come
    /// from the line breaks of texts alone.
    compact: bool,
    /// Attribute values in single quotes.
    single_quotes: bool,
    /// Character references (`&#38;`, `&#x1F642;`) for the five specials
    /// and for every non-ASCII character, instead of entities and UTF-8.
    references: bool,
    /// Narratives in CDATA sections.
    cdata: bool,
    /// What a reader must pass over: an attribute of another namespace on
    /// every element, and after every start tag a comment, a processing
    /// instruction and an element of another namespace holding IATI
    /// elements (`title`, `iati-identifier`, `indicator`, `value`); a
    /// comment in the middle of every narrative.
    foreign: bool,
}

fn style() -> impl Strategy<Value = Style> {
    prop::array::uniform6(any::<bool>()).prop_map(|[crlf, compact, single_quotes, references, cdata, foreign]| Style {
        crlf,
        compact,
        single_quotes,
        references,
        cdata,
        foreign,
    })
}

/// What the writer puts after every start tag in the `foreign` style.
const FOREIGN: &str = "<!-- a comment --><?ilo an instruction?><ilo:note ilo:kind=\"x\">\
    <iati-identifier>AA-1-foreign</iati-identifier><title><narrative>foreign</narrative></title>\
    <narrative>foreign</narrative><indicator measure=\"1\"/><value>1</value><ilo:empty/></ilo:note>";

/// `text` escaped for XML in `style`: `&`, `<`, `>`, `"` and `'` always;
/// a CR always, and a tab or LF in an attribute, as character references,
/// since XML reads them as written ones otherwise (a CR LF as an LF, an
/// attribute's tab or LF as a space).
fn escape(text: &str, style: Style, attribute: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let special = matches!(c, '&' | '<' | '>' | '"' | '\'');
        if c == '\r' || (attribute && matches!(c, '\t' | '\n')) || (style.references && special) {
            out.push_str(&format!("&#{};", u32::from(c)));
        } else if style.references && !c.is_ascii() {
            out.push_str(&format!("&#x{:X};", u32::from(c)));
        } else {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '"' => out.push_str("&quot;"),
                '\'' => out.push_str("&apos;"),
                '\n' if style.crlf => out.push_str("\r\n"),
                c => out.push(c),
            }
        }
    }
    out
}

/// Attributes by name; `None` ones are left out.
type Attributes<'a> = &'a [(&'a str, Option<String>)];

/// An XML writer that notes where elements start.
struct Writer {
    xml: String,
    depth: usize,
    style: Style,
}

impl Writer {
    /// A line break and the indentation of the next line, unless compact.
    fn newline(&mut self) {
        if !self.style.compact {
            self.xml.push_str(if self.style.crlf { "\r\n" } else { "\n" });
        }
    }

    fn indent(&mut self) {
        if !self.style.compact {
            self.xml.push_str(&"  ".repeat(self.depth));
        }
    }

    /// Writes the start of `name`, returning the byte offset of its `<`.
    fn tag(&mut self, name: &str, attributes: Attributes<'_>, empty: bool) -> usize {
        self.indent();
        let at = self.xml.len();
        self.xml.push('<');
        self.xml.push_str(name);
        let quote = if self.style.single_quotes { '\'' } else { '"' };
        if self.style.foreign {
            self.xml.push_str(&format!(" ilo:code={quote}foreign{quote}"));
        }
        for (key, value) in attributes {
            if let Some(value) = value {
                let value = escape(value, self.style, true);
                self.xml.push_str(&format!(" {key}={quote}{value}{quote}"));
            }
        }
        self.xml.push_str(if empty { "/>" } else { ">" });
        at
    }

    fn start(&mut self, name: &str, attributes: Attributes<'_>) -> usize {
        let at = self.tag(name, attributes, false);
        self.newline();
        self.depth += 1;
        if self.style.foreign {
            self.indent();
            self.xml.push_str(FOREIGN);
            self.newline();
        }
        at
    }

    fn end(&mut self, name: &str) {
        self.depth -= 1;
        self.indent();
        self.xml.push_str(&format!("</{name}>"));
        self.newline();
    }

    fn empty(&mut self, name: &str, attributes: Attributes<'_>) -> usize {
        let at = self.tag(name, attributes, true);
        self.newline();
        at
    }

    /// `<name>text</name>`.
    fn text(&mut self, name: &str, attributes: Attributes<'_>, text: &str) {
        self.tag(name, attributes, false);
        let text = escape(text, self.style, false);
        self.xml.push_str(&format!("{text}</{name}>"));
        self.newline();
    }

    /// `<name><narrative>text</narrative></name>`, or an empty `name`
    /// without a text.
    fn narrative(&mut self, name: &str, attributes: Attributes<'_>, text: Option<&str>) {
        match text {
            Some(text) => {
                self.tag(name, attributes, false);
                let text = if self.style.foreign {
                    let middle = text.char_indices().nth(text.chars().count() / 2).map_or(0, |(i, _)| i);
                    let (first, second) = text.split_at(middle);
                    format!("{}<!-- a comment -->{}", self.content(first), self.content(second))
                } else {
                    self.content(text)
                };
                self.xml.push_str(&format!("<narrative>{text}</narrative></{name}>"));
                self.newline();
            }
            None => {
                self.empty(name, attributes);
            }
        }
    }

    /// The text of a narrative: escaped, or in CDATA sections, with a `>`
    /// (which might close one), a CR (which XML reads as an LF) and, in the
    /// CR LF style, an LF between them, escaped.
    fn content(&self, text: &str) -> String {
        if !self.style.cdata {
            return escape(text, self.style, false);
        }
        let mut out = String::new();
        let mut section = String::new();
        for c in text.chars() {
            // In the CR LF style a line break inside a section is written
            // CR LF, which XML reads as LF there too.
            let outside = c == '>' || c == '\r';
            if c == '\n' && self.style.crlf {
                section.push_str("\r\n");
            } else if outside {
                if !section.is_empty() {
                    out.push_str(&format!("<![CDATA[{section}]]>"));
                    section.clear();
                }
                out.push_str(&escape(&c.to_string(), self.style, false));
            } else {
                section.push(c);
            }
        }
        if !section.is_empty() {
            out.push_str(&format!("<![CDATA[{section}]]>"));
        }
        out
    }

    /// The line of the byte at `offset`, from 1: one more than the LFs
    /// before it (a CR LF holds one).
    fn line(&self, offset: usize) -> NonZeroU32 {
        let breaks = self.xml.as_bytes()[..offset].iter().filter(|&&b| b == b'\n').count();
        NonZeroU32::new(u32::try_from(breaks + 1).unwrap()).unwrap()
    }
}

fn some(text: impl AsRef<str>) -> Option<String> {
    Some(text.as_ref().to_owned())
}

/// An optional code as an attribute's text.
fn text_of(code: &Option<Code>) -> Option<String> {
    code.as_deref().map(str::to_owned)
}

fn date_text(date: Option<PartialDate>) -> Option<String> {
    date.and_then(PartialDate::day).map(|d| d.to_string())
}

/// The XML of a generated framework, with the provenance the import
/// should give: the programmes with their and their indicators' source,
/// and the `part_of` links.
struct Written {
    xml: String,
    programmes: Vec<Programme>,
    links: Vec<StatedLink>,
}

fn write(generated: &Generated) -> Written {
    let mut w = Writer {
        xml: String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"),
        depth: 0,
        style: generated.style,
    };
    w.newline();
    w.start(
        "iati-activities",
        &[
            ("version", some("2.03")),
            ("generated-datetime", some("2024-01-01T00:00:00")),
            ("xmlns:ilo", some("https://example.org/ilo")),
        ],
    );
    let ids: Vec<&ProgrammeId> = generated.programmes.iter().map(|p| &p.id).collect();
    let mut activity_at = Vec::new();
    let mut indicators_at = Vec::new();
    // (child, parent, offset of the statement), in the order written.
    let mut statements: Vec<(usize, usize, usize)> = Vec::new();
    for (i, programme) in generated.programmes.iter().enumerate() {
        let details = programme.activity.as_deref().expect("IATI details");
        let valued: Vec<&Funding> = programme.funding.iter().filter(|f| f.amount.is_some()).collect();
        // A default currency when every value has a currency: the values
        // in it then leave theirs out.
        let default_currency = valued
            .iter()
            .all(|f| f.currency.is_some())
            .then(|| valued.first().and_then(|f| text_of(&f.currency)))
            .flatten();
        activity_at.push(w.start(
            "iati-activity",
            &[
                ("last-updated-datetime", details.last_updated.clone()),
                ("xml:lang", some("en")),
                ("default-currency", default_currency.as_deref().map(str::to_owned)),
                ("humanitarian", details.humanitarian.then(|| "1".to_owned())),
            ],
        ));
        w.text("iati-identifier", &[], programme.id.as_str());
        let reporting = details.reporting_org.as_ref().expect("a reporting organisation");
        w.narrative(
            "reporting-org",
            &[("ref", text_of(&reporting.id)), ("type", some("10"))],
            reporting.name.as_deref(),
        );
        w.narrative("title", &[], Some(&programme.name));
        for participant in &details.organisations {
            w.narrative(
                "participating-org",
                &[
                    ("ref", text_of(&participant.organisation.id)),
                    ("role", Some(code_of(&ROLES, &participant.role))),
                ],
                participant.organisation.name.as_deref(),
            );
        }
        if let Some(status) = &programme.status {
            w.empty(
                "activity-status",
                &[("code", Some(code_of(&STATUSES, &status.as_str())))],
            );
        }
        for date in &details.dates {
            w.empty(
                "activity-date",
                &[
                    ("type", Some(code_of(&DATE_KINDS, &date.kind))),
                    ("iso-date", date_text(Some(date.date))),
                ],
            );
        }
        for country in &details.countries {
            w.empty(
                "recipient-country",
                &[
                    ("code", some(&country.code)),
                    ("percentage", country.percentage.map(|p| p.to_string())),
                ],
            );
        }
        for (name, list) in [("recipient-region", &details.regions), ("sector", &details.sectors)] {
            for c in list {
                w.narrative(
                    name,
                    &[
                        ("code", some(&c.code)),
                        ("vocabulary", text_of(&c.vocabulary)),
                        ("percentage", c.percentage.map(|p| p.to_string())),
                    ],
                    c.name.as_deref(),
                );
            }
        }
        for tag in &details.tags {
            w.narrative(
                "tag",
                &[("vocabulary", text_of(&tag.vocabulary)), ("code", some(&tag.code))],
                tag.name.as_deref(),
            );
        }
        for scope in &details.humanitarian_scopes {
            w.narrative(
                "humanitarian-scope",
                &[
                    ("type", some("1")),
                    ("vocabulary", text_of(&scope.vocabulary)),
                    ("code", some(&scope.code)),
                ],
                scope.name.as_deref(),
            );
        }
        for marker in &details.policy_markers {
            w.empty(
                "policy-marker",
                &[
                    ("vocabulary", text_of(&marker.vocabulary)),
                    ("code", some(&marker.code)),
                    ("significance", text_of(&marker.significance)),
                ],
            );
        }
        let value = |w: &mut Writer, funding: &Funding| {
            if let Some(amount) = funding.amount {
                let currency = funding
                    .currency
                    .as_deref()
                    .filter(|c| Some(*c) != default_currency.as_deref())
                    .map(str::to_owned);
                w.text(
                    "value",
                    &[("currency", currency), ("value-date", date_text(funding.value_date))],
                    &amount.to_string(),
                );
            }
        };
        for budget in programme.funding.iter().filter(|f| f.kind == Some(FundingKind::Budget)) {
            w.start("budget", &[("type", some("1")), ("status", some("1"))]);
            if let Some(period) = budget.period {
                w.empty("period-start", &[("iso-date", some(period.start().to_string()))]);
                w.empty("period-end", &[("iso-date", some(period.end().to_string()))]);
            }
            value(&mut w, budget);
            w.end("budget");
        }
        let transactions = programme
            .funding
            .iter()
            .filter_map(|f| f.kind.filter(|k| *k != FundingKind::Budget).map(|k| (k, f)));
        for (kind, transaction) in transactions {
            w.start("transaction", &[]);
            w.empty("transaction-type", &[("code", Some(code_of(&TRANSACTIONS, &kind)))]);
            // The model keeps no transaction date: any valid one will do.
            let date = date_text(transaction.value_date).unwrap_or_else(|| "2020-02-29".to_owned());
            w.empty("transaction-date", &[("iso-date", Some(date))]);
            value(&mut w, transaction);
            if let Some(donor) = &transaction.donor {
                w.narrative("provider-org", &[], Some(donor));
            }
            w.end("transaction");
        }
        for document in &details.documents {
            w.start(
                "document-link",
                &[("url", some(&document.url)), ("format", text_of(&document.format))],
            );
            w.narrative("title", &[], document.title.as_deref());
            w.end("document-link");
        }
        // The hierarchy: this activity's parent (type 1), its children
        // (type 2), then the other relations.
        let relate = |w: &mut Writer, relation: Relation, other: &str| {
            w.empty(
                "related-activity",
                &[("ref", some(other)), ("type", Some(code_of(&RELATIONS, &relation)))],
            )
        };
        if let Some((parent, StatedBy::Child | StatedBy::Both)) = generated.parents[i] {
            let at = relate(&mut w, Relation::Parent, ids[parent].as_str());
            statements.push((i, parent, at));
        }
        for (child, parent) in generated.parents.iter().enumerate() {
            if let Some((parent, StatedBy::Parent | StatedBy::Both)) = parent
                && *parent == i
            {
                let at = relate(&mut w, Relation::Child, ids[child].as_str());
                statements.push((child, i, at));
            }
        }
        for related in &details.related {
            relate(&mut w, related.relation, &related.id);
        }
        indicators_at.push(write_results(&mut w, &programme.indicators));
        w.end("iati-activity");
    }
    w.end("iati-activities");

    let mut programmes = generated.programmes.clone();
    for ((programme, at), indicators) in programmes.iter_mut().zip(activity_at).zip(indicators_at) {
        programme.source = Provenance::line(w.line(at).get())
            .in_document(FILE)
            .in_section("iati-activity");
        for (indicator, at) in programme.indicators.iter_mut().zip(indicators) {
            indicator.source = Provenance::line(w.line(at).get())
                .in_document(FILE)
                .in_section("indicator");
        }
    }
    // One link per pair, stated where it is first stated.
    let mut links: Vec<StatedLink> = Vec::new();
    for (child, parent, at) in statements {
        let (from, to) = (element(ids[child]), element(ids[parent]));
        if !links.iter().any(|l| l.from == from && l.to == to) {
            let source = Provenance::line(w.line(at).get())
                .in_document(FILE)
                .in_section("related-activity");
            links.push(StatedLink::new(from, LinkKind::PartOf, to, source));
        }
    }
    Written {
        xml: w.xml,
        programmes,
        links,
    }
}

/// Writes the results the indicators belong to, a result without
/// indicators for each number none of them has, and returns the offset of
/// each indicator.
fn write_results(w: &mut Writer, indicators: &[Indicator]) -> Vec<usize> {
    let mut at = Vec::new();
    let last = indicators.iter().map(|i| i.result.as_ref().unwrap().number).max();
    for number in 1..=last.unwrap_or(0) {
        let of_result: Vec<&Indicator> = indicators
            .iter()
            .filter(|i| i.result.as_ref().unwrap().number == number)
            .collect();
        let Some(first) = of_result.first() else {
            w.empty("result", &[("type", some("2")), ("aggregation-status", some("1"))]);
            continue;
        };
        let of = first.result.as_deref().unwrap();
        let kind = RESULT_KINDS.iter().find(|(_, k)| *k == of.kind).unwrap().0;
        // Not aggregated: said once at the result when true of all its
        // indicators, else at each indicator.
        let separate = of_result.iter().all(|i| i.aggregation == Some(Aggregation::None));
        let status = |separate: bool| some(if separate { "0" } else { "1" });
        w.start(
            "result",
            &[("type", some(kind)), ("aggregation-status", status(separate))],
        );
        if !of.title.is_empty() {
            w.narrative("title", &[], Some(&of.title));
        }
        write_references(w, &of.references);
        for indicator in of_result {
            let own = &indicator.result.as_ref().unwrap().indicator_references;
            at.push(
                w.start(
                    "indicator",
                    &[
                        ("measure", Some(code_of(&MEASURES, &indicator.measure))),
                        (
                            "ascending",
                            some(if indicator.direction == Direction::Descending {
                                "0"
                            } else {
                                "1"
                            }),
                        ),
                        (
                            "aggregation-status",
                            (!separate)
                                .then(|| status(indicator.aggregation == Some(Aggregation::None)))
                                .flatten(),
                        ),
                    ],
                ),
            );
            if !indicator.label.is_empty() {
                w.narrative("title", &[], Some(&indicator.label));
            }
            write_references(w, own);
            if let Some(baseline) = &indicator.baseline {
                let date = indicator.baseline_date;
                w.empty(
                    "baseline",
                    &[
                        ("year", date.map(|d| d.year().to_string())),
                        ("iso-date", date_text(date)),
                        ("value", some(baseline.to_string())),
                    ],
                );
            }
            for period in &indicator.periods {
                w.start("period", &[]);
                w.empty("period-start", &[("iso-date", some(period.period.start().to_string()))]);
                w.empty("period-end", &[("iso-date", some(period.period.end().to_string()))]);
                for (name, points) in [("target", &period.target), ("actual", &period.actual)] {
                    for point in points.iter() {
                        write_point(w, name, point);
                    }
                }
                w.end("period");
            }
            w.end("indicator");
        }
        w.end("result");
    }
    at
}

fn write_references(w: &mut Writer, references: &[Classification]) {
    for reference in references {
        w.empty(
            "reference",
            &[
                ("vocabulary", text_of(&reference.vocabulary)),
                ("code", some(&reference.code)),
                ("indicator-uri", reference.name.as_ref().map(ToString::to_string)),
            ],
        );
    }
}

/// A target or actual; a location is written as `<location ref>`, other
/// dimensions as `<dimension>`.
fn write_point(w: &mut Writer, name: &str, point: &DataPoint) {
    w.start(name, &[("value", some(point.value.to_string()))]);
    for (dimension, value) in &point.dimensions {
        if dimension == "location" {
            w.empty("location", &[("ref", some(value))]);
        } else {
            w.empty("dimension", &[("name", some(dimension)), ("value", some(value))]);
        }
    }
    if let Some(comment) = &point.comment {
        w.narrative("comment", &[], Some(comment));
    }
    w.end(name);
}

// ---------------------------------------------------------------------
// The checks.

fn import(xml: &str) -> Import {
    import_str(xml, FILE, &ImportOptions::new(framework_id())).expect("the XML imports")
}

/// The import gives back `expected`: part by part first, so that a
/// difference is shown small, then whole.
fn check(import: &Import, programmes: &[Programme], links: &[StatedLink]) -> Result<(), TestCaseError> {
    let findings: Vec<String> = import.report.iter().map(ToString::to_string).collect();
    prop_assert!(findings.is_empty(), "findings: {:#?}", findings);
    prop_assert_eq!(import.activities, programmes.len());
    let actual = &import.framework.programmes;
    let ids = |ps: &[Programme]| ps.iter().map(|p| p.id.to_string()).collect::<Vec<_>>();
    prop_assert_eq!(ids(actual), ids(programmes));
    for (actual, expected) in actual.iter().zip(programmes) {
        let id = &expected.id;
        prop_assert_eq!(&actual.name, &expected.name, "name of {}", id);
        prop_assert_eq!(&actual.source, &expected.source, "source of {}", id);
        prop_assert_eq!(&actual.status, &expected.status, "status of {}", id);
        prop_assert_eq!(
            (&actual.period, &actual.launched, &actual.planned_launch),
            (&expected.period, &expected.launched, &expected.planned_launch),
            "period, launched and planned launch of {}",
            id
        );
        prop_assert_eq!(&actual.partners, &expected.partners, "partners of {}", id);
        prop_assert_eq!(&actual.sdg, &expected.sdg, "SDG codes of {}", id);
        prop_assert_eq!(actual.funding.len(), expected.funding.len(), "funding of {}", id);
        for (n, (a, e)) in actual.funding.iter().zip(&expected.funding).enumerate() {
            prop_assert_eq!(a, e, "funding {} of {}", n, id);
        }
        let (a, e) = (actual.activity.as_deref(), expected.activity.as_deref());
        let a = a.expect("IATI details");
        let e = e.expect("IATI details");
        prop_assert_eq!(&a.reporting_org, &e.reporting_org, "reporting org of {}", id);
        prop_assert_eq!(&a.organisations, &e.organisations, "organisations of {}", id);
        prop_assert_eq!(&a.dates, &e.dates, "dates of {}", id);
        prop_assert_eq!(&a.countries, &e.countries, "countries of {}", id);
        prop_assert_eq!(&a.regions, &e.regions, "regions of {}", id);
        prop_assert_eq!(&a.sectors, &e.sectors, "sectors of {}", id);
        prop_assert_eq!(&a.tags, &e.tags, "tags of {}", id);
        prop_assert_eq!(&a.policy_markers, &e.policy_markers, "policy markers of {}", id);
        prop_assert_eq!(a.humanitarian, e.humanitarian, "humanitarian flag of {}", id);
        prop_assert_eq!(&a.humanitarian_scopes, &e.humanitarian_scopes, "scopes of {}", id);
        prop_assert_eq!(&a.documents, &e.documents, "documents of {}", id);
        prop_assert_eq!(&a.related, &e.related, "related activities of {}", id);
        prop_assert_eq!(&a.last_updated, &e.last_updated, "last update of {}", id);
        prop_assert_eq!(a, e, "IATI details of {}", id);
        prop_assert_eq!(
            actual.indicators.len(),
            expected.indicators.len(),
            "indicators of {}",
            id
        );
        for (n, (a, e)) in actual.indicators.iter().zip(&expected.indicators).enumerate() {
            prop_assert_eq!(&a.result, &e.result, "result of indicator {} of {}", n, id);
            prop_assert_eq!(
                (&a.baseline, &a.baseline_date),
                (&e.baseline, &e.baseline_date),
                "baseline of indicator {} of {}",
                n,
                id
            );
            prop_assert_eq!(&a.periods, &e.periods, "periods of indicator {} of {}", n, id);
            prop_assert_eq!(a, e, "indicator {} of {}", n, id);
        }
        prop_assert_eq!(actual, expected);
    }
    prop_assert_eq!(&import.framework.links, links);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Generated activities, written as IATI XML, import back as they were
    /// generated, with no finding.
    #[test]
    fn generated_activities_import_back(generated in generated()) {
        let written = write(&generated);
        let import = import(&written.xml);
        check(&import, &written.programmes, &written.links)
            .map_err(|e| TestCaseError::fail(format!("{e}\n--- the XML:\n{}", written.xml)))?;
    }
}

/// Every field once, in an activity written by hand (and a second one,
/// its child), so that a failure reads easily.
#[test]
fn every_field_once() {
    let xml = r#"<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03">
  <iati-activity last-updated-datetime="2023-12-31T10:00:00" default-currency="EUR" humanitarian="1">
    <iati-identifier>AA-1-Año 2023:ARG</iati-identifier>
    <reporting-org ref="AA-1" type="10"><narrative>Agencia &amp; Co</narrative></reporting-org>
    <title><narrative>Trabajo &lt;decente&gt; "ya"</narrative><narrative xml:lang="en">Decent work</narrative></title>
    <participating-org ref="XM-DAC-41121" role="1"><narrative>UNHCR</narrative></participating-org>
    <participating-org ref="GB-GOV-1" role="1"/>
    <participating-org role="4"><narrative>Red Cross</narrative></participating-org>
    <participating-org ref="AR-CUIT-1" role="4"><narrative>Red Cross</narrative></participating-org>
    <participating-org ref="AR-CUIT-2" role="3"><narrative>Ministerio</narrative></participating-org>
    <activity-status code="2"/>
    <activity-date type="1" iso-date="2023-01-01"/>
    <activity-date type="2" iso-date="2023-02-15"/>
    <activity-date type="3" iso-date="2025-12-31"/>
    <recipient-country code="AR" percentage="60"/>
    <recipient-country code="CL" percentage="25.5"/>
    <recipient-region code="489" vocabulary="1" percentage="14.5"><narrative>South America</narrative></recipient-region>
    <sector vocabulary="1" code="16020" percentage="70"><narrative>Employment</narrative></sector>
    <sector vocabulary="1" code="15110" percentage="30"/>
    <sector vocabulary="99" code="IA1"/>
    <tag vocabulary="2" code="8"/>
    <tag vocabulary="3" code="8.7"><narrative>Child labour</narrative></tag>
    <tag vocabulary="2" code="8"/>
    <tag vocabulary="99" code="youth"/>
    <humanitarian-scope type="1" vocabulary="1-2" code="EP-2020-000012-001"><narrative>COVID-19</narrative></humanitarian-scope>
    <policy-marker vocabulary="1" code="1" significance="2"/>
    <budget type="1" status="1">
      <period-start iso-date="2023-01-01"/>
      <period-end iso-date="2023-12-31"/>
      <value currency="USD" value-date="2023-01-01">1500.5</value>
    </budget>
    <transaction>
      <transaction-type code="3"/>
      <transaction-date iso-date="2023-06-30"/>
      <value value-date="2023-06-30">-250</value>
      <provider-org ref="XM-DAC-41121"><narrative>UNHCR</narrative></provider-org>
    </transaction>
    <document-link url="https://example.org/r?a=1&amp;b=2" format="application/pdf">
      <title><narrative>Report</narrative></title>
    </document-link>
    <related-activity ref="AA-1-Año 2023:ARG-1" type="2"/>
    <related-activity ref="AA-1-Año 2023:ARG-1" type="3"/>
    <result type="1" aggregation-status="1">
      <title><narrative>Jobs</narrative></title>
      <indicator measure="1" ascending="0" aggregation-status="0">
        <title><narrative>Children in work</narrative></title>
        <reference vocabulary="9" code="8.7.1" indicator-uri="https://unstats.un.org/8.7.1"/>
        <baseline year="2022" iso-date="2022-12-31" value="120"/>
        <period>
          <period-start iso-date="2023-01-01"/>
          <period-end iso-date="2023-12-31"/>
          <target value="100"/>
          <actual value="90">
            <location ref="AR-B"/>
            <dimension name="sex" value="female"/>
            <comment><narrative>Buenos Aires</narrative></comment>
          </actual>
        </period>
      </indicator>
    </result>
    <result type="2">
      <reference vocabulary="99" code="O-1"/>
      <indicator measure="5">
        <baseline year="2022" value="no policy"/>
        <period>
          <period-start iso-date="2023-01-01"/>
          <period-end iso-date="2024-12-31"/>
          <target value="policy adopted"/>
          <actual><comment><narrative>draft &amp; debated</narrative></comment></actual>
        </period>
      </indicator>
    </result>
  </iati-activity>
  <iati-activity>
    <iati-identifier>AA-1-Año 2023:ARG-1</iati-identifier>
    <reporting-org ref="AA-1"><narrative>Agencia &amp; Co</narrative></reporting-org>
    <title><narrative>Córdoba</narrative></title>
    <related-activity ref="AA-1-Año 2023:ARG" type="1"/>
  </iati-activity>
</iati-activities>
"#;
    let day = |text: &str| text.parse::<NaiveDate>().unwrap();
    let at = |section: &str, line: u32| Provenance::line(line).in_document(FILE).in_section(section);
    let ids: [ProgrammeId; 2] = [
        "AA-1-Año 2023:ARG".parse().unwrap(),
        "AA-1-Año 2023:ARG-1".parse().unwrap(),
    ];
    let mut parent = Programme::new(ids[0].clone(), ProgrammeKind::Project, "Trabajo <decente> \"ya\"");
    parent.source = at("iati-activity", 3);
    parent.status = some("implementation");
    parent.period = Some(Period::new(day("2023-02-15"), day("2025-12-31")));
    parent.launched = Some(day_of(day("2023-02-15")));
    parent.planned_launch = Some(day_of(day("2023-01-01")));
    parent.partners = vec!["Red Cross".into()];
    let donor = |name: &str| {
        let mut f = Funding::default();
        f.donor = some(name).map(Label::from);
        f
    };
    let mut budget = Funding::default();
    budget.kind = Some(FundingKind::Budget);
    budget.period = Some(Period::new(day("2023-01-01"), day("2023-12-31")));
    budget.amount = Some(1500.5);
    budget.currency = Some(Code::new("USD"));
    budget.value_date = Some(day_of(day("2023-01-01")));
    let mut transaction = Funding::default();
    transaction.kind = Some(FundingKind::Disbursement);
    transaction.donor = some("UNHCR").map(Label::from);
    transaction.amount = Some(-250.0);
    transaction.currency = Some(Code::new("EUR"));
    transaction.value_date = Some(day_of(day("2023-06-30")));
    parent.funding = vec![donor("UNHCR"), donor("GB-GOV-1"), budget, transaction];
    parent.sdg = vec!["8".parse().unwrap(), "8.7".parse().unwrap()];

    let mut jobs = Indicator::new("Children in work");
    jobs.direction = Direction::Descending;
    jobs.aggregation = Some(Aggregation::None);
    jobs.sdg = vec!["8.7.1".parse().unwrap()];
    let mut of = ResultOf::new(ResultKind::Output, 1, "Jobs");
    of.indicator_references = vec![classification("9", "8.7.1", some("https://unstats.un.org/8.7.1"), None)];
    jobs.result = Some(Box::new(of));
    jobs.source = at("indicator", 46);
    jobs.baseline = Some(Value::Number(120.0));
    jobs.baseline_date = Some(day_of(day("2022-12-31")));
    let mut year = IndicatorPeriod::new(Period::new(day("2023-01-01"), day("2023-12-31")));
    year.target = DataPoints::total(Value::Number(100.0));
    let mut actual = DataPoint::new(Value::Number(90.0))
        .with("location", "AR-B")
        .with("sex", "female");
    actual.comment = some("Buenos Aires");
    year.actual = DataPoints(vec![actual]);
    jobs.periods = vec![year];

    let mut policy = Indicator::new("");
    policy.measure = Measure::Qualitative;
    let mut of = ResultOf::new(ResultKind::Outcome, 2, "");
    of.references = vec![classification("99", "O-1", None, None)];
    policy.result = Some(Box::new(of));
    policy.source = at("indicator", 64);
    policy.baseline = Some(Value::from("no policy"));
    policy.baseline_date = Some(PartialDate::from_year(2022).unwrap());
    let mut years = IndicatorPeriod::new(Period::new(day("2023-01-01"), day("2024-12-31")));
    years.target = DataPoints::total(Value::from("policy adopted"));
    years.actual = DataPoints::total(Value::from("draft & debated"));
    policy.periods = vec![years];
    parent.indicators = vec![jobs, policy];

    let mut details = Activity::default();
    details.reporting_org = Some(organisation(some("AA-1"), some("Agencia & Co")));
    details.organisations = vec![
        participant(
            OrganisationRole::Funding,
            &organisation(some("XM-DAC-41121"), some("UNHCR")),
        ),
        participant(OrganisationRole::Funding, &organisation(some("GB-GOV-1"), None)),
        participant(OrganisationRole::Implementing, &organisation(None, some("Red Cross"))),
        participant(
            OrganisationRole::Implementing,
            &organisation(some("AR-CUIT-1"), some("Red Cross")),
        ),
        participant(
            OrganisationRole::Extending,
            &organisation(some("AR-CUIT-2"), some("Ministerio")),
        ),
    ];
    details.dates = vec![
        ActivityDate::new(DateKind::PlannedStart, day_of(day("2023-01-01"))),
        ActivityDate::new(DateKind::ActualStart, day_of(day("2023-02-15"))),
        ActivityDate::new(DateKind::PlannedEnd, day_of(day("2025-12-31"))),
    ];
    details.countries = vec![
        Classification::country("AR").with_percentage(60.0),
        Classification::country("CL").with_percentage(25.5),
    ];
    details.regions = vec![classification("1", "489", some("South America"), Some(14.5))];
    details.sectors = vec![
        classification("1", "16020", some("Employment"), Some(70.0)),
        classification("1", "15110", None, Some(30.0)),
        classification("99", "IA1", None, None),
    ];
    details.tags = vec![
        classification("2", "8", None, None),
        classification("3", "8.7", some("Child labour"), None),
        classification("2", "8", None, None),
        classification("99", "youth", None, None),
    ];
    details.policy_markers = vec![policy_marker(Some("1"), "1", Some("2"))];
    details.humanitarian = true;
    details.humanitarian_scopes = vec![classification("1-2", "EP-2020-000012-001", some("COVID-19"), None)];
    details.documents = vec![document_link(
        "https://example.org/r?a=1&b=2",
        Some("Report"),
        Some("application/pdf"),
    )];
    details.related = vec![Related::new(Relation::Sibling, ids[1].as_str())];
    details.last_updated = some("2023-12-31T10:00:00");
    parent.activity = Some(Box::new(details));

    let mut child = Programme::new(ids[1].clone(), ProgrammeKind::Project, "Córdoba");
    child.source = at("iati-activity", 75);
    let mut details = Activity::default();
    details.reporting_org = Some(organisation(some("AA-1"), some("Agencia & Co")));
    child.activity = Some(Box::new(details));

    let link = StatedLink::new(
        element(&ids[1]),
        LinkKind::PartOf,
        element(&ids[0]),
        at("related-activity", 42),
    );
    let import = import(xml);
    if let Err(e) = check(&import, &[parent, child], &[link]) {
        panic!("{e}");
    }
}
