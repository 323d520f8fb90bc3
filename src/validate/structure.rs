//! Structure rules: identifiers, nesting, titles, provenance, actions and
//! repeated links.

use std::collections::{BTreeMap, HashSet};

use super::{Context, Rule, Sink};
use crate::format::Location;
use crate::{ElementCode, Framework, FrameworkKind, OutcomeKind, Provenance, Ref};

pub(super) fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for framework in cx.set {
        duplicate_ids(framework, sink);
        nesting(framework, sink);
        sequences(framework, sink);
        texts(framework, sink);
        provenance(framework, sink);
        actions(framework, sink);
        repeated_links(framework, sink);
    }
    dangling_references(cx, sink);
}

pub(super) fn element_ref(framework: &Framework, code: &impl std::fmt::Display) -> Ref {
    Ref::element(framework.id.clone(), ElementCode::from_code(code))
}

/// Every element of a framework with its reference, kind name, title and
/// provenance, in document order.
pub(super) fn elements(f: &Framework) -> Vec<(Ref, &'static str, &str, &Provenance)> {
    let mut all = Vec::new();
    for outcome in &f.outcomes {
        all.push((
            element_ref(f, &outcome.code),
            "outcome",
            outcome.title.as_str(),
            &outcome.source,
        ));
        for output in &outcome.outputs {
            all.push((
                element_ref(f, &output.code),
                "output",
                output.title.as_str(),
                &output.source,
            ));
        }
    }
    for p in &f.programmes {
        all.push((element_ref(f, &p.id), "programme", p.name.as_str(), &p.source));
    }
    for d in &f.deliverables {
        all.push((element_ref(f, &d.code), "deliverable", d.title.as_str(), &d.source));
    }
    all
}

fn duplicate_ids(f: &Framework, sink: &mut Sink<'_>) {
    let mut first: BTreeMap<Ref, &'static str> = BTreeMap::new();
    for (reference, kind, _, _) in elements(f) {
        if let Some(earlier) = first.get(&reference) {
            let message = format!(
                "{reference} names both {} and {} of {}",
                with_article(earlier),
                with_article(kind),
                f.id
            );
            sink.report(
                Rule::DuplicateId,
                Location::Element(reference.clone()),
                vec![reference],
                message,
                "give each element of a framework its own code",
            );
        } else {
            first.insert(reference, kind);
        }
    }
}

/// "an outcome", "an output", "a programme", "a deliverable".
fn with_article(kind: &str) -> String {
    if kind.starts_with(['a', 'e', 'i', 'o', 'u']) {
        format!("an {kind}")
    } else {
        format!("a {kind}")
    }
}

fn nesting(f: &Framework, sink: &mut Sink<'_>) {
    for outcome in &f.outcomes {
        for output in &outcome.outputs {
            let named = output.code.outcome();
            if named == outcome.code {
                continue;
            }
            let reference = element_ref(f, &output.code);
            let (rule, message) = if named.kind() != outcome.kind() {
                (
                    Rule::EnablingOutputUnderPolicyOutcome,
                    format!(
                        "{} output {} is listed under {} outcome {}",
                        article(named.kind()),
                        output.code,
                        outcome.kind(),
                        outcome.code
                    ),
                )
            } else {
                (
                    Rule::OutputUnderWrongOutcome,
                    format!("output {} is listed under outcome {}", output.code, outcome.code),
                )
            };
            sink.report(
                rule,
                Location::Element(reference.clone()),
                vec![reference, element_ref(f, &outcome.code)],
                message,
                format!("move output {} under outcome {named}, or renumber it", output.code),
            );
        }
        if f.kind == FrameworkKind::ProgrammeAndBudget && outcome.outputs.is_empty() {
            let reference = element_ref(f, &outcome.code);
            sink.report(
                Rule::OutcomeWithoutOutputs,
                Location::Element(reference.clone()),
                vec![reference],
                format!("outcome {} of {} has no outputs", outcome.code, f.id),
                "list the outputs through which the outcome is reached",
            );
        }
    }
}

fn article(kind: OutcomeKind) -> &'static str {
    match kind {
        OutcomeKind::Policy => "policy",
        OutcomeKind::Enabling => "enabling",
    }
}

fn sequences(f: &Framework, sink: &mut Sink<'_>) {
    let numbers: Vec<u16> = f.outcomes.iter().filter_map(|o| o.code.number()).collect();
    if let Some(message) = gap(&numbers) {
        let reference = Ref::Framework(f.id.clone());
        sink.report(
            Rule::CodeSequenceGap,
            Location::Field(reference.clone(), "outcomes".to_owned()),
            vec![reference],
            format!("the policy outcomes of {} {message}", f.id),
            "number outcomes 1, 2, 3, … without gaps, or add the missing ones",
        );
    }
    let letters: Vec<u16> = f
        .outcomes
        .iter()
        .filter_map(|o| o.code.letter())
        .map(|c| c as u16 - 'A' as u16 + 1)
        .collect();
    if let Some(message) = gap(&letters) {
        let reference = Ref::Framework(f.id.clone());
        sink.report(
            Rule::CodeSequenceGap,
            Location::Field(reference.clone(), "outcomes".to_owned()),
            vec![reference],
            format!(
                "the enabling outcomes of {} {}",
                f.id,
                message.replace("numbered", "lettered")
            ),
            "letter enabling outcomes A, B, C, … without gaps, or add the missing ones",
        );
    }
    for outcome in &f.outcomes {
        let numbers: Vec<u16> = outcome
            .outputs
            .iter()
            .filter(|o| o.code.outcome() == outcome.code)
            .map(|o| o.code.number())
            .collect();
        if let Some(message) = gap(&numbers) {
            let reference = element_ref(f, &outcome.code);
            sink.report(
                Rule::CodeSequenceGap,
                Location::Field(reference.clone(), "outputs".to_owned()),
                vec![reference],
                format!("the outputs of outcome {} {message}", outcome.code),
                format!(
                    "number the outputs {0}.1, {0}.2, … without gaps, or add the missing ones",
                    outcome.code
                ),
            );
        }
    }
}

/// Describes the first gap in a list of numbers meant to run 1, 2, 3, …
fn gap(numbers: &[u16]) -> Option<String> {
    let mut sorted: Vec<u16> = numbers.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    for (expected, n) in (1..).zip(sorted) {
        if n != expected {
            return Some(if expected == 1 {
                format!("are numbered from {n}, not from 1")
            } else {
                format!("skip from {} to {n}", expected - 1)
            });
        }
    }
    None
}

fn texts(f: &Framework, sink: &mut Sink<'_>) {
    let framework_ref = Ref::Framework(f.id.clone());
    let mut all: Vec<(Ref, String, &str)> = vec![(framework_ref, "title".to_owned(), f.title.as_str())];
    for (reference, kind, title, _) in elements(f) {
        let field = if kind == "programme" { "name" } else { "title" };
        all.push((reference, field.to_owned(), title));
    }
    for (reference, field, text) in all {
        let location = Location::Field(reference.clone(), field.clone());
        if text.trim().is_empty() {
            sink.report(
                Rule::EmptyTitle,
                location,
                vec![reference.clone()],
                format!("{reference} has an empty {field}"),
                format!("give {reference} its {field} as the source document prints it"),
            );
        } else if text != text.trim() || text.contains("  ") {
            sink.report(
                Rule::UntrimmedText,
                location,
                vec![reference.clone()],
                format!("the {field} of {reference} has extra white space: {text:?}"),
                "remove white space at either end and join doubled spaces",
            );
        }
    }
}

fn provenance(f: &Framework, sink: &mut Sink<'_>) {
    for (reference, kind, _, source) in elements(f) {
        if source.is_unknown() {
            sink.report(
                Rule::MissingProvenance,
                Location::Element(reference.clone()),
                vec![reference.clone()],
                format!("{kind} {reference} does not say where it was read"),
                "add source = { line = N } (and section) pointing into the source document",
            );
        }
    }
}

fn actions(f: &Framework, sink: &mut Sink<'_>) {
    for output in f.outputs() {
        let reference = element_ref(f, &output.code);
        let (wrong_field, count, kind) = match output.code.outcome().kind() {
            OutcomeKind::Policy if !output.biennium_deliverables.is_empty() => (
                "biennium_deliverables",
                output.biennium_deliverables.len(),
                OutcomeKind::Policy,
            ),
            OutcomeKind::Enabling if !output.country_level.is_empty() || !output.global_level.is_empty() => (
                if output.country_level.is_empty() {
                    "global_level"
                } else {
                    "country_level"
                },
                output.country_level.len() + output.global_level.len(),
                OutcomeKind::Enabling,
            ),
            _ => continue,
        };
        let expected = match kind {
            OutcomeKind::Policy => "country_level and global_level",
            OutcomeKind::Enabling => "biennium_deliverables",
        };
        sink.report(
            Rule::ActionLevelMismatch,
            Location::Field(reference.clone(), wrong_field.to_owned()),
            vec![reference],
            format!(
                "{} output {} lists {count} item(s) under {wrong_field}",
                article(kind),
                output.code
            ),
            format!("{} outputs list their actions under {expected}", article(kind)),
        );
    }
}

fn repeated_links(f: &Framework, sink: &mut Sink<'_>) {
    let mut lists: Vec<(Ref, &'static str, Vec<String>)> = Vec::new();
    for outcome in &f.outcomes {
        let r = element_ref(f, &outcome.code);
        lists.push((r.clone(), "sdg", outcome.sdg.iter().map(ToString::to_string).collect()));
        lists.push((
            r,
            "standards",
            outcome.standards.iter().map(ToString::to_string).collect(),
        ));
        for output in &outcome.outputs {
            let r = element_ref(f, &output.code);
            lists.push((r.clone(), "sdg", output.sdg.iter().map(ToString::to_string).collect()));
            lists.push((
                r,
                "standards",
                output.standards.iter().map(ToString::to_string).collect(),
            ));
        }
    }
    for p in &f.programmes {
        let r = element_ref(f, &p.id);
        lists.push((r.clone(), "sdg", p.sdg.iter().map(ToString::to_string).collect()));
        lists.push((
            r.clone(),
            "standards",
            p.standards.iter().map(ToString::to_string).collect(),
        ));
        lists.push((
            r,
            "contributes_to",
            p.contributes_to.iter().map(|l| l.target().to_string()).collect(),
        ));
    }
    for d in &f.deliverables {
        let r = element_ref(f, &d.code);
        lists.push((r.clone(), "sdg", d.sdg.iter().map(ToString::to_string).collect()));
        lists.push((
            r.clone(),
            "standards",
            d.standards.iter().map(ToString::to_string).collect(),
        ));
        lists.push((
            r,
            "contributes_to",
            d.contributes_to.iter().map(|l| l.target().to_string()).collect(),
        ));
    }
    for (reference, field, items) in lists {
        let mut seen = HashSet::new();
        for (i, item) in items.iter().enumerate() {
            if !seen.insert(item) {
                sink.report(
                    Rule::DuplicateLink,
                    Location::Item(reference.clone(), field.to_owned(), i),
                    vec![reference.clone()],
                    format!("{reference} lists {item} twice under {field}"),
                    "remove the repeated entry",
                );
            }
        }
    }
}

/// References to frameworks or elements that do not exist: contributions,
/// successions, stated links and claim subjects. (SDG codes and standards
/// are the links family's.)
fn dangling_references(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for f in cx.set {
        let mut refs: Vec<(Location, Ref, Ref)> = Vec::new();
        for p in &f.programmes {
            let from = element_ref(f, &p.id);
            for (i, link) in p.contributes_to.iter().enumerate() {
                refs.push((
                    Location::Item(from.clone(), "contributes_to".to_owned(), i),
                    from.clone(),
                    link.target().clone(),
                ));
            }
            if let Some(earlier) = &p.succeeds {
                refs.push((
                    Location::Field(from.clone(), "succeeds".to_owned()),
                    from.clone(),
                    earlier.clone(),
                ));
            }
        }
        for d in &f.deliverables {
            let from = element_ref(f, &d.code);
            for (i, link) in d.contributes_to.iter().enumerate() {
                refs.push((
                    Location::Item(from.clone(), "contributes_to".to_owned(), i),
                    from.clone(),
                    link.target().clone(),
                ));
            }
        }
        let framework_ref = Ref::Framework(f.id.clone());
        for (i, link) in f.links.iter().enumerate() {
            refs.push((
                Location::Link(f.id.clone(), i),
                framework_ref.clone(),
                link.from.clone(),
            ));
            refs.push((Location::Link(f.id.clone(), i), framework_ref.clone(), link.to.clone()));
        }
        for (i, claim) in f.claims.iter().enumerate() {
            refs.push((
                Location::Claim(f.id.clone(), i),
                framework_ref.clone(),
                claim.subject.clone(),
            ));
        }
        for (location, from, to) in refs {
            let exists = match &to {
                Ref::Framework(id) => cx.set.get(id).is_some(),
                Ref::Element { .. } => cx.set.resolve(&to).is_some(),
                Ref::Sdg(_) | Ref::Standard(_) => true,
            };
            if !exists {
                let help = match to.framework().and_then(|id| cx.set.get(id)) {
                    Some(target) => match closest(target, &to.code()) {
                        Some(near) => format!("{} has no element {}; did you mean {near}?", target.id, to.code()),
                        None => format!("{} has no element {}; check the code", target.id, to.code()),
                    },
                    None => format!(
                        "no framework {} is loaded; load it, or correct the reference",
                        to.namespace()
                    ),
                };
                sink.report(
                    Rule::DanglingReference,
                    location,
                    vec![from.clone(), to.clone()],
                    format!("{from} refers to {to}, which does not exist"),
                    help,
                );
            }
        }
    }
}

/// The element code of `framework` nearest to `code` (fewest edits), if any
/// is near.
pub(crate) fn closest(framework: &Framework, code: &str) -> Option<String> {
    let mut best: Option<(usize, String)> = None;
    for (reference, _, _, _) in elements(framework) {
        let candidate = reference.code();
        let distance = edit_distance(code, &candidate);
        if distance <= 2 && best.as_ref().is_none_or(|(d, c)| (distance, &candidate) < (*d, c)) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, c)| c)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous + usize::from(ca != cb);
            previous = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
}
