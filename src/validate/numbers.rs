//! Numbers rules: regional totals, the claims of the sources, shares and
//! negative quantities.

use std::collections::BTreeMap;

use super::structure::element_ref;
use super::{Context, Rule, Sink};
use crate::format::Location;
use crate::{
    ClaimValue, Element, Framework, FrameworkKind, Link, LinkKind, OutcomeKind, ProgrammeKind, Ref, Region, Share,
    Value,
};

/// The numbers rules on `f` and its elements, in the set's one walk.
pub(super) fn framework(cx: &Context<'_>, f: &Framework, sink: &mut Sink<'_>) {
    regional_sums(f, sink);
    claims(cx, f, sink);
    shares(cx, f, sink);
    negative_quantities(f, sink);
}

fn regional_sums(f: &Framework, sink: &mut Sink<'_>) {
    for p in &f.programmes {
        let Some(coverage) = &p.coverage else { continue };
        let Some(total) = coverage.total else { continue };
        let stated = || Region::ALL.iter().filter_map(|r| coverage.get(*r).map(|n| (*r, n)));
        let sum: u64 = stated().map(|(_, n)| u64::from(n)).sum();
        let complete = stated().count() == Region::ALL.len();
        if (complete && sum != u64::from(total)) || sum > u64::from(total) {
            let r = element_ref(f, &p.id);
            let parts: Vec<String> = stated().map(|(region, n)| format!("{} {n}", region.key())).collect();
            sink.report(
                Rule::RegionalSumMismatch,
                Location::Field(r.clone(), "coverage".to_owned()),
                vec![r.clone()],
                format!("the countries of {r} by region add up to {sum}, but the total given is {total}"),
                format!("check the figures against the source ({})", parts.join(", ")),
            );
        }
    }
}

/// The value the framework itself holds for a claimed property, where the
/// crate knows how to read it.
fn model_value(cx: &Context<'_>, f: &Framework, subject: &Ref, property: &str) -> Option<ClaimValue> {
    let count = |n: usize| Some(ClaimValue::Number(i64::try_from(n).unwrap_or(i64::MAX)));
    match subject {
        Ref::Framework(id) => {
            let framework = cx.set.get(id)?;
            match property {
                "count.policy-outcomes" => count(
                    framework
                        .outcomes
                        .iter()
                        .filter(|o| o.kind() == OutcomeKind::Policy)
                        .count(),
                ),
                "count.enabling-outcomes" => count(
                    framework
                        .outcomes
                        .iter()
                        .filter(|o| o.kind() == OutcomeKind::Enabling)
                        .count(),
                ),
                "count.outcomes" => count(framework.outcomes.len()),
                "count.outputs" => count(framework.outputs().count()),
                "count.programmes" => count(framework.programmes.len()),
                "count.flagship-programmes" => count(
                    framework
                        .programmes
                        .iter()
                        .filter(|p| p.kind == ProgrammeKind::Flagship)
                        .count(),
                ),
                "count.deliverables" => count(framework.deliverables.len()),
                "count.areas" if framework.kind == FrameworkKind::PlanOfAction => {
                    let mut areas: Vec<&str> = framework.deliverables.iter().map(|d| d.area.as_str()).collect();
                    areas.sort_unstable();
                    areas.dedup();
                    count(areas.len())
                }
                _ => None,
            }
        }
        Ref::Element { .. } => match cx.element(subject)? {
            Element::Outcome(o) if property == "count.outputs" => count(o.outputs.len()),
            Element::Outcome(o) if property == "title" => Some(ClaimValue::Text(o.title.clone())),
            Element::Output(o) if property == "title" => Some(ClaimValue::Text(o.title.clone())),
            Element::Programme(p) => match property {
                "name" => Some(ClaimValue::Text(p.name.to_string())),
                "acronym" => p.acronym.clone().map(ClaimValue::Text),
                "countries.total" => p.coverage.as_ref()?.total.map(|n| ClaimValue::Number(i64::from(n))),
                other => {
                    let region = other.strip_prefix("countries.")?;
                    let region = Region::ALL.into_iter().find(|r| r.key() == region)?;
                    p.coverage
                        .as_ref()?
                        .get(region)
                        .map(|n| ClaimValue::Number(i64::from(n)))
                }
            },
            Element::Deliverable(d) if property == "count.activities" => count(d.activities.len()),
            _ => None,
        },
        _ => {
            let _ = f;
            None
        }
    }
}

fn claims(cx: &Context<'_>, f: &Framework, sink: &mut Sink<'_>) {
    let mut facts: BTreeMap<(&Ref, &str), Vec<usize>> = BTreeMap::new();
    for (i, claim) in f.claims.iter().enumerate() {
        facts
            .entry((&claim.subject, claim.property.as_str()))
            .or_default()
            .push(i);
    }
    for ((subject, property), indices) in facts {
        let first = indices[0];
        let values: Vec<&ClaimValue> = indices.iter().map(|&i| &f.claims[i].value).collect();
        let disagree = values.iter().any(|v| *v != values[0]);
        let notes: Vec<String> = indices
            .iter()
            .map(|&i| {
                let claim = &f.claims[i];
                let document = claim
                    .source
                    .document()
                    .or_else(|| f.source.document())
                    .map_or_else(|| f.id.to_string(), str::to_owned);
                let place = claim.source.clone().in_document(document);
                format!("{place} says {}", claim.value)
            })
            .collect();
        if disagree {
            // Each value once, in the order first given.
            let mut seen = foldhash::HashSet::default();
            let distinct: Vec<String> = values
                .iter()
                .map(|value| value.to_string())
                .filter(|text| seen.insert(text.clone()))
                .collect();
            if let Some(d) = sink.report(
                Rule::ConflictingClaims,
                Location::Claim(f.id.clone(), first),
                vec![subject.clone()],
                format!("the source gives {property} of {subject} as {}", distinct.join(" and as ")),
                "keep every claim; the source disagrees with itself, so check which place is right before relying on it",
            ) {
                d.notes = notes;
            }
            continue;
        }
        let Some(held) = model_value(cx, f, subject, property) else {
            continue;
        };
        if *values[0] != held
            && let Some(d) = sink.report(
                Rule::ClaimContradictsModel,
                Location::Claim(f.id.clone(), first),
                vec![subject.clone()],
                format!(
                    "the source states {property} of {subject} as {}, but the framework holds {held}",
                    values[0]
                ),
                "check the framework against the source: an element may be missing or extra",
            )
        {
            d.notes = notes;
        }
    }
}

/// The shares of each programme's and deliverable's contributions to the
/// elements of each framework: its own, and those any framework of the set
/// states for it. Each framework divides an element's effort in its own way
/// (UNHCR's impact areas and its outcome areas each take the whole of an
/// operation), so shares are added up per framework they lead to.
fn shares(cx: &Context<'_>, f: &Framework, sink: &mut Sink<'_>) {
    let mut check = |owner: &dyn Fn() -> Ref, code: &str, links: &[Link]| {
        let stated_here = cx.has_stated_links(&f.id, code);
        // Without stated links, and within 1 in all, nothing can exceed:
        // build the element's reference only when it may matter.
        if own_shares(links) <= 1.0 + 1e-9 && !stated_here {
            return;
        }
        let reference = owner();
        // Every share with the framework its link leads to, grouped by a
        // stable sort (not searched per link), each framework's added in
        // the order of the links.
        let mut shares: Vec<(&str, f64)> = links
            .iter()
            .filter_map(|link| link.share().map(|share| (link.target().namespace(), share.value())))
            .collect();
        let stated = cx.stated_from.get(&reference).into_iter().flatten();
        for (_, _, l) in stated.filter(|(_, _, l)| l.kind == LinkKind::ContributesTo) {
            if let Some(share) = l.share {
                shares.push((l.to.namespace(), share.value()));
            }
        }
        shares.sort_by(|a, b| a.0.cmp(b.0));
        let totals = shares.chunk_by(|a, b| a.0 == b.0).map(|group| {
            let total = group.iter().skip(1).fold(group[0].1, |total, (_, share)| total + share);
            (group[0].0, total)
        });
        for (namespace, total) in totals {
            if total > 1.0 + 1e-9 {
                sink.report(
                    Rule::SharesExceedWhole,
                    Location::Field(reference.clone(), "contributes_to".to_owned()),
                    vec![reference.clone()],
                    format!("the shares of {reference}'s contributions to {namespace} add up to {total}, more than 1"),
                    "lower the shares so that together they are at most 1",
                );
            }
        }
    };
    for p in &f.programmes {
        check(&|| element_ref(f, &p.id), p.id.as_str(), &p.contributes_to);
    }
    for d in &f.deliverables {
        check(
            &|| element_ref(f, &d.code),
            d.code.written().as_str(),
            &d.contributes_to,
        );
    }
}

/// The sum of the shares of `links`, whatever they lead to: when it is at
/// most 1, no framework's part can be more.
fn own_shares(links: &[Link]) -> f64 {
    links.iter().filter_map(Link::share).map(Share::value).sum()
}

fn negative_quantities(f: &Framework, sink: &mut Sink<'_>) {
    let mut report = |owner: Ref, field: &str, i: usize, what: String, value: f64| {
        sink.report(
            Rule::NegativeQuantity,
            Location::Item(owner.clone(), field.to_owned(), i),
            vec![owner.clone()],
            format!("{what} of {owner} is negative ({value})"),
            "counts, targets and amounts are zero or more; check the sign",
        );
    };
    let negative = |value: Option<f64>| value.filter(|v| *v < 0.0);
    for (code, indicators) in f.indicator_lists() {
        for (i, indicator) in indicators.iter().enumerate() {
            for (what, value) in [("baseline", &indicator.baseline), ("target", &indicator.target)] {
                if let Some(v) = negative(value.as_ref().and_then(Value::as_number)) {
                    let what = format!("the {what} of indicator \"{}\"", indicator.label);
                    report(Ref::element(f.id.clone(), code.clone()), "indicators", i, what, v);
                }
            }
        }
    }
    for p in &f.programmes {
        for (i, target) in p.targets.iter().enumerate() {
            if let Some(v) = negative(target.quantity) {
                report(
                    element_ref(f, &p.id),
                    "targets",
                    i,
                    format!("the quantity of target \"{}\"", target.label),
                    v,
                );
            }
        }
        for (i, funding) in p.funding.iter().enumerate() {
            // A transaction may be negative: IATI records a reversal or a
            // refund so. A budget or a stated amount may not.
            let transaction = funding.kind.is_some_and(|k| k != crate::FundingKind::Budget);
            if let Some(v) = negative(funding.amount).filter(|_| !transaction) {
                report(element_ref(f, &p.id), "funding", i, "a funding amount".to_owned(), v);
            }
        }
    }
}
