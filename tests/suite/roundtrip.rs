//! Round trips: `Display` then `FromStr` is the identity for every
//! identifier and time type, and a framework written as TOML or JSON reads
//! back equal.

use chrono::NaiveDate;
use ilo_frameworks::*;
use proptest::collection::{btree_map, vec};
use proptest::option;
use proptest::prelude::*;

fn outcome_code() -> impl Strategy<Value = OutcomeCode> {
    prop_oneof![
        (1u16..=200).prop_map(|n| OutcomeCode::policy(n).unwrap()),
        (b'A'..=b'Z').prop_map(|c| OutcomeCode::enabling(c as char).unwrap()),
    ]
}

fn output_code() -> impl Strategy<Value = OutputCode> {
    (outcome_code(), 1u16..=999).prop_map(|(o, n)| OutputCode::new(o, n).unwrap())
}

fn deliverable_code() -> impl Strategy<Value = DeliverableCode> {
    (1u16..=99, 1u16..=99).prop_map(|(g, n)| DeliverableCode::new(g, n).unwrap())
}

fn programme_id() -> impl Strategy<Value = ProgrammeId> {
    "[A-Za-z0-9][A-Za-z0-9+._-]{0,20}".prop_map(|s| ProgrammeId::new(&s).unwrap())
}

fn framework_id() -> impl Strategy<Value = FrameworkId> {
    "[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,4}){0,3}"
        .prop_filter("reserved", |s| s != "sdg" && s != "ils")
        .prop_map(|s| FrameworkId::new(&s).unwrap())
}

fn sdg_target() -> impl Strategy<Value = SdgTarget> {
    let part = prop_oneof![
        (1u8..=99).prop_map(TargetPart::Number),
        (b'a'..=b'z').prop_map(|c| TargetPart::Letter(c as char))
    ];
    (1u8..=17, part).prop_map(|(g, p)| SdgTarget::new(SdgGoal::new(g).unwrap(), p).unwrap())
}

fn sdg_code() -> impl Strategy<Value = SdgCode> {
    prop_oneof![
        (1u8..=17).prop_map(|g| SdgCode::Goal(SdgGoal::new(g).unwrap())),
        sdg_target().prop_map(SdgCode::Target),
        (sdg_target(), 1u8..=99).prop_map(|(t, n)| SdgCode::Indicator(SdgIndicator::new(t, n).unwrap())),
    ]
}

fn standard_ref() -> impl Strategy<Value = StandardRef> {
    let kind = prop_oneof![
        Just(StandardKind::Convention),
        Just(StandardKind::Recommendation),
        Just(StandardKind::Protocol)
    ];
    (kind, 1u16..=999).prop_map(|(k, n)| StandardRef::new(k, n).unwrap())
}

fn reference() -> impl Strategy<Value = Ref> {
    prop_oneof![
        framework_id().prop_map(Ref::Framework),
        (framework_id(), programme_id()).prop_map(|(f, c)| Ref::element(f, ElementCode::new(c.as_str()).unwrap())),
        (framework_id(), output_code()).prop_map(|(f, c)| Ref::element(f, ElementCode::new(&c.to_string()).unwrap())),
        sdg_code().prop_map(Ref::Sdg),
        standard_ref().prop_map(Ref::Standard),
    ]
}

fn quarter() -> impl Strategy<Value = Quarter> {
    (MIN_YEAR..=MAX_YEAR, 1u8..=4).prop_map(|(y, n)| Quarter::new(y, n).unwrap())
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (1950i32..=2100, 1u32..=366)
        .prop_map(|(y, d)| NaiveDate::from_yo_opt(y, d).unwrap_or_else(|| NaiveDate::from_yo_opt(y, 365).unwrap()))
}

fn period() -> impl Strategy<Value = Period> {
    (date(), date()).prop_map(|(a, b)| Period::new(a, b))
}

fn partial_date() -> impl Strategy<Value = PartialDate> {
    prop_oneof![
        (1950i32..=2100).prop_map(|y| PartialDate::from_year(y).unwrap()),
        (1950i32..=2100, 1u8..=12).prop_map(|(y, m)| PartialDate::from_year_month(y, m).unwrap()),
        date().prop_map(|d| PartialDate::from_day(d).unwrap()),
    ]
}

fn timeframe() -> impl Strategy<Value = Timeframe> {
    vec((2015i32..=2025, 1u8..=4), 0..12)
        .prop_map(|qs| qs.into_iter().map(|(y, n)| Quarter::new(y, n).unwrap()).collect())
}

/// Text that TOML and JSON both carry unchanged (any Unicode, quotes, newlines).
fn text() -> impl Strategy<Value = String> {
    "\\PC{0,24}"
}

/// Finite numbers with a short decimal form, as files hold them.
fn number() -> impl Strategy<Value = f64> {
    (-1_000_000_000i64..1_000_000_000).prop_map(|n| n as f64 / 100.0)
}

fn provenance() -> impl Strategy<Value = Provenance> {
    (option::of(text()), option::of(text()), option::of(1u32..100_000)).prop_map(|(document, section, line)| {
        let mut p = Provenance::line(line.unwrap_or(0));
        if let Some(document) = document {
            p = p.in_document(document);
        }
        if let Some(section) = section {
            p = p.in_section(section);
        }
        p
    })
}

fn share() -> impl Strategy<Value = Share> {
    (0u32..=1000).prop_map(|n| Share::new(f64::from(n) / 1000.0).unwrap())
}

fn link() -> impl Strategy<Value = Link> {
    prop_oneof![
        reference().prop_map(Link::To),
        (reference(), option::of(share()), option::of(provenance()))
            .prop_map(|(to, share, source)| Link::Detailed(Box::new(LinkDetail { to, share, source }))),
    ]
}

fn value() -> impl Strategy<Value = Value> {
    prop_oneof![number().prop_map(Value::Number), text().prop_map(Value::Text)]
}

fn dimensions() -> impl Strategy<Value = std::collections::BTreeMap<String, String>> {
    btree_map(
        prop_oneof![Just("sex".to_owned()), Just("country".to_owned()), text()],
        text(),
        0..3,
    )
}

fn data_point() -> impl Strategy<Value = DataPoint> {
    (value(), dimensions(), option::of(text())).prop_map(|(value, dimensions, comment)| {
        let mut v = DataPoint::new(value);
        v.dimensions = dimensions;
        v.comment = comment;
        v
    })
}

fn data_points() -> impl Strategy<Value = DataPoints> {
    vec(data_point(), 0..3).prop_map(DataPoints)
}

fn indicator_period() -> impl Strategy<Value = IndicatorPeriod> {
    (period(), data_points(), data_points()).prop_map(|(period, target, actual)| {
        let mut v = IndicatorPeriod::new(period);
        v.target = target;
        v.actual = actual;
        v
    })
}

fn measure() -> impl Strategy<Value = Measure> {
    proptest::sample::select(Measure::ALL.to_vec())
}

fn aggregation() -> impl Strategy<Value = Aggregation> {
    prop_oneof![
        Just(Aggregation::Sum),
        Just(Aggregation::Mean),
        Just(Aggregation::Latest),
        Just(Aggregation::None),
        text().prop_map(Aggregation::DistinctCount),
    ]
}

fn indicator() -> impl Strategy<Value = Indicator> {
    let head = (
        text(),
        measure(),
        prop_oneof![Just(Direction::Ascending), Just(Direction::Descending)],
        option::of(aggregation()),
        option::of(text()),
    );
    let values = (
        option::of(value()),
        option::of(partial_date()),
        option::of(value()),
        option::of(period()),
        vec(indicator_period(), 0..3),
        vec(sdg_code(), 0..3),
        provenance(),
    );
    (head, values).prop_map(
        |(
            (label, measure, direction, aggregation, unit),
            (baseline, baseline_date, target, period, periods, sdg, source),
        )| {
            let mut v = Indicator::new(label);
            v.measure = measure;
            v.direction = direction;
            v.aggregation = aggregation;
            v.unit = unit;
            v.baseline = baseline;
            v.baseline_date = baseline_date;
            v.target = target;
            v.period = period;
            v.periods = periods;
            v.sdg = sdg;
            v.source = source;
            v
        },
    )
}

fn report() -> impl Strategy<Value = ProgressReport> {
    let status = prop_oneof![
        Just(DeliverableStatus::NotStarted),
        Just(DeliverableStatus::InProgress),
        Just(DeliverableStatus::Done),
        Just(DeliverableStatus::Dropped),
    ];
    let deliverable = (reference(), status, option::of(quarter()), option::of(text())).prop_map(
        |(element, status, completed, note)| {
            let mut v = DeliverableObservation::new(element, status);
            v.completed = completed;
            v.note = note;
            v
        },
    );
    let target = (
        reference(),
        1u32..5,
        value(),
        option::of(partial_date()),
        option::of(text()),
    )
        .prop_map(|(element, target, value, as_of, note)| {
            let mut v = TargetObservation::new(element, target, value);
            v.as_of = as_of;
            v.note = note;
            v
        });
    let indicator = (
        reference(),
        1u32..5,
        period(),
        value(),
        dimensions(),
        option::of(text()),
    )
        .prop_map(|(element, indicator, period, value, dimensions, note)| {
            let mut v = IndicatorObservation::new(element, indicator, period, value);
            v.dimensions = dimensions;
            v.note = note;
            v
        });
    (
        framework_id(),
        text(),
        partial_date(),
        option::of(period()),
        provenance(),
        vec(deliverable, 0..3),
        vec(target, 0..3),
        vec(indicator, 0..3),
    )
        .prop_map(|(id, title, date, covers, source, deliverables, targets, indicators)| {
            let mut v = ProgressReport::new(id, title, date);
            v.kind = ReportKind::ProgressReport;
            v.covers = covers;
            v.source = source;
            v.deliverables = deliverables;
            v.targets = targets;
            v.indicators = indicators;
            v
        })
}

fn output(outcome: OutcomeCode) -> impl Strategy<Value = Output> {
    (
        1u16..=30,
        text(),
        vec(text(), 0..3),
        vec(text(), 0..3),
        vec(text(), 0..2),
        vec(indicator(), 0..2),
        vec(sdg_code(), 0..3),
        vec(standard_ref(), 0..2),
        provenance(),
    )
        .prop_map(
            move |(
                n,
                title,
                country_level,
                global_level,
                biennium_deliverables,
                indicators,
                sdg,
                standards,
                source,
            )| {
                let mut o = Output::new(OutputCode::new(outcome, n).unwrap(), title);
                o.country_level = country_level.into_iter().map(Label::from).collect();
                o.global_level = global_level.into_iter().map(Label::from).collect();
                o.biennium_deliverables = biennium_deliverables.into_iter().map(Label::from).collect();
                o.indicators = indicators;
                o.sdg = sdg;
                o.standards = standards;
                o.source = source;
                o
            },
        )
}

fn outcome() -> impl Strategy<Value = Outcome> {
    outcome_code().prop_flat_map(|code| {
        (
            text(),
            vec(sdg_code(), 0..3),
            vec(standard_ref(), 0..2),
            provenance(),
            vec(output(code), 0..3),
            vec(indicator(), 0..2),
        )
            .prop_map(move |(title, sdg, standards, source, outputs, indicators)| {
                let mut o = Outcome::new(code, title);
                o.sdg = sdg;
                o.standards = standards;
                o.indicators = indicators;
                o.source = source;
                o.outputs = outputs;
                o
            })
    })
}

fn coverage() -> impl Strategy<Value = Coverage> {
    (vec(option::of(0u32..100), 6), provenance()).prop_map(|(n, source)| {
        let mut v = Coverage::new();
        v.africa = n[0];
        v.arab_states = n[1];
        v.asia_pacific = n[2];
        v.europe_central_asia = n[3];
        v.americas = n[4];
        v.total = n[5];
        v.source = source;
        v
    })
}

fn programme() -> impl Strategy<Value = Programme> {
    let kind = prop_oneof![
        Just(ProgrammeKind::Flagship),
        Just(ProgrammeKind::GlobalProgramme),
        Just(ProgrammeKind::Project)
    ];
    let head = (
        programme_id(),
        kind,
        option::of(text()),
        text(),
        option::of(text()),
        option::of(partial_date()),
        option::of(partial_date()),
        option::of(period()),
    );
    let endorsement = option::of((text(), partial_date(), provenance()).prop_map(|(by, date, source)| {
        let mut v = Endorsement::new(by, date);
        v.source = source;
        v
    }));
    let target = (
        text(),
        option::of(number()),
        option::of(text()),
        option::of(partial_date()),
        provenance(),
    )
        .prop_map(|(label, quantity, unit, due, source)| {
            let mut v = ProgrammeTarget::new(label);
            v.quantity = quantity;
            v.unit = unit.map(Label::from);
            v.due = due;
            v.source = source;
            v
        });
    let funding = (
        option::of(text()),
        option::of(number()),
        option::of("[A-Z]{3}"),
        option::of(period()),
        option::of(1u32..30),
        option::of(text()),
        provenance(),
    )
        .prop_map(|(donor, amount, currency, period, years, purpose, source)| {
            let mut v = Funding::default();
            v.donor = donor.map(Label::from);
            v.amount = amount;
            v.currency = currency.map(Code::from);
            v.period = period;
            v.years = years;
            v.purpose = purpose;
            v.source = source;
            v
        });
    let body = (
        endorsement,
        option::of(text()),
        any::<bool>(),
        option::of(coverage()),
        vec(target, 0..2),
        vec(text(), 0..2),
        vec(text(), 0..2),
        vec(text(), 0..2),
    );
    let links = (
        vec(funding, 0..2),
        vec(sdg_code(), 0..3),
        vec(standard_ref(), 0..2),
        vec(link(), 0..3),
        option::of(reference()),
        provenance(),
        vec(indicator(), 0..2),
    );
    (head, body, links).prop_map(
        |(
            (id, kind, acronym, name, status, launched, planned_launch, period),
            (endorsement, host, reference_model, coverage, targets, partners, initiatives, modalities),
            (funding, sdg, standards, contributes_to, succeeds, source, indicators),
        )| {
            let mut p = Programme::new(id, kind, name);
            p.acronym = acronym;
            p.status = status;
            p.launched = launched;
            p.planned_launch = planned_launch;
            p.period = period;
            p.endorsement = endorsement.map(Box::new);
            p.host = host;
            p.reference_model = reference_model;
            p.coverage = coverage;
            p.targets = targets;
            p.indicators = indicators;
            p.partners = partners.into_iter().map(Label::from).collect();
            p.initiatives = initiatives.into_iter().map(Label::from).collect();
            p.modalities = modalities;
            p.funding = funding;
            p.sdg = sdg;
            p.standards = standards;
            p.contributes_to = contributes_to;
            p.succeeds = succeeds.map(Box::new);
            p.source = source;
            p
        },
    )
}

fn deliverable() -> impl Strategy<Value = Deliverable> {
    (
        deliverable_code(),
        text(),
        text(),
        option::of(text()),
        vec(text(), 0..4),
        timeframe(),
        vec(link(), 0..2),
        vec(sdg_code(), 0..2),
        vec(standard_ref(), 0..2),
        provenance(),
    )
        .prop_map(
            |(code, area, title, responds_to, activities, timeframe, contributes_to, sdg, standards, source)| {
                let mut d = Deliverable::new(code, area, title);
                d.responds_to = responds_to.map(Label::from);
                d.activities = activities.into_iter().map(Label::from).collect();
                d.timeframe = timeframe;
                d.contributes_to = contributes_to;
                d.sdg = sdg;
                d.standards = standards;
                d.source = source;
                d
            },
        )
}

fn stated_link() -> impl Strategy<Value = StatedLink> {
    let kind = proptest::sample::select(LinkKind::ALL.to_vec());
    (reference(), kind, reference(), option::of(share()), provenance()).prop_map(|(from, kind, to, share, source)| {
        StatedLink {
            from,
            kind,
            to,
            share,
            source,
        }
    })
}

fn claim() -> impl Strategy<Value = Claim> {
    let value = prop_oneof![
        any::<i64>().prop_map(ClaimValue::Number),
        text().prop_map(ClaimValue::Text)
    ];
    (reference(), "[a-z]{1,8}(\\.[a-z_]{1,8})?", value, provenance())
        .prop_map(|(subject, property, value, source)| Claim::new(subject, property, value, source))
}

fn framework() -> impl Strategy<Value = Framework> {
    let kind = prop_oneof![
        Just(FrameworkKind::StrategicPlan),
        Just(FrameworkKind::ProgrammeAndBudget),
        Just(FrameworkKind::ProgrammeSet),
        Just(FrameworkKind::PlanOfAction),
        Just(FrameworkKind::Other),
    ];
    let biennium = option::of((1950i32..2100).prop_map(|y| Biennium::starting(y).unwrap()));
    let plan = option::of((text(), period()).prop_map(|(title, period)| Plan::new(title, period)));
    let head = (
        framework_id(),
        kind,
        text(),
        option::of(text()),
        option::of(partial_date()),
        option::of(period()),
        biennium,
        plan,
        provenance(),
    );
    let body = (
        vec(outcome(), 0..3),
        vec(programme(), 0..3),
        vec(deliverable(), 0..3),
        vec(stated_link(), 0..3),
        vec(claim(), 0..3),
    );
    (head, body).prop_map(
        |(
            (id, kind, title, symbol, date, period, biennium, plan, source),
            (outcomes, programmes, deliverables, links, claims),
        )| {
            let mut f = Framework::new(id, kind, title);
            f.symbol = symbol;
            f.date = date;
            f.period = period;
            f.biennium = biennium;
            f.plan = plan;
            f.source = source;
            f.outcomes = outcomes;
            f.programmes = programmes;
            f.deliverables = deliverables;
            f.links = links;
            f.claims = claims;
            f
        },
    )
}

fn display_then_parse<T: std::fmt::Display + std::str::FromStr + PartialEq + std::fmt::Debug>(
    value: T,
) -> Result<(), TestCaseError>
where
    T::Err: std::fmt::Display,
{
    let text = value.to_string();
    let back: T = text
        .parse()
        .map_err(|e: T::Err| TestCaseError::fail(format!("{text:?}: {e}")))?;
    prop_assert_eq!(back, value);
    Ok(())
}

proptest! {
    #[test]
    fn identifiers_round_trip(
        o in outcome_code(), out in output_code(), d in deliverable_code(), p in programme_id(), f in framework_id(),
        s in sdg_code(), st in standard_ref(), r in reference(),
    ) {
        display_then_parse(o)?;
        display_then_parse(out)?;
        display_then_parse(d)?;
        display_then_parse(p)?;
        display_then_parse(f)?;
        display_then_parse(s)?;
        display_then_parse(st)?;
        display_then_parse(r)?;
    }

    #[test]
    fn time_types_round_trip(q in quarter(), a in quarter(), b in quarter(), p in period(), d in partial_date(), y in MIN_YEAR..MAX_YEAR) {
        display_then_parse(q)?;
        display_then_parse(p)?;
        display_then_parse(d)?;
        display_then_parse(Biennium::starting(y).unwrap())?;
        display_then_parse(QuarterRange::new(a.min(b), a.max(b)).unwrap())?;
    }

    #[test]
    fn parsing_any_text_never_panics(s in "\\PC{0,12}") {
        let _ = s.parse::<OutcomeCode>();
        let _ = s.parse::<OutputCode>();
        let _ = s.parse::<DeliverableCode>();
        let _ = s.parse::<SdgCode>();
        let _ = s.parse::<StandardRef>();
        let _ = s.parse::<Ref>();
        let _ = s.parse::<Quarter>();
        let _ = s.parse::<QuarterRange>();
        let _ = s.parse::<Biennium>();
        let _ = s.parse::<Period>();
        let _ = s.parse::<PartialDate>();
    }

    #[test]
    fn timeframes_round_trip_through_their_runs(t in timeframe()) {
        let runs: Timeframe = t.runs().collect();
        prop_assert_eq!(&runs, &t);
        prop_assert_eq!(t.has_holes(), t.runs().count() > 1);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn frameworks_round_trip_through_toml(f in framework()) {
        let text = f.to_toml_string().map_err(|e| TestCaseError::fail(e.to_string()))?;
        let back = Framework::from_toml_str(&text, "generated.toml").map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(back, f);
    }

    #[test]
    fn frameworks_round_trip_through_json(f in framework()) {
        let text = f.to_json_string().map_err(|e| TestCaseError::fail(e.to_string()))?;
        let back = Framework::from_json_str(&text, "generated.json").map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(back, f);
    }

    #[test]
    fn reports_round_trip_through_toml(r in report()) {
        let text = r.to_toml_string().map_err(|e| TestCaseError::fail(e.to_string()))?;
        let back = ProgressReport::from_toml_str(&text, "generated.toml").map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(back, r);
    }

    #[test]
    fn reports_round_trip_through_json(r in report()) {
        let text = r.to_json_string().map_err(|e| TestCaseError::fail(e.to_string()))?;
        let back = ProgressReport::from_json_str(&text, "generated.json").map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(back, r);
    }

    #[test]
    fn reading_arbitrary_toml_never_panics(s in "\\PC{0,200}") {
        let _ = Framework::from_toml_str(&s, "arbitrary.toml");
        let _ = Framework::from_json_str(&s, "arbitrary.json");
    }
}
