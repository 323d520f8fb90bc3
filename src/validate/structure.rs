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
    let mut first: BTreeMap<Ref, (&'static str, usize)> = BTreeMap::new();
    for (reference, kind, _, _) in elements(f) {
        if let Some((earlier, seen)) = first.get_mut(&reference) {
            let occurrence = *seen;
            *seen += 1;
            let earlier = *earlier;
            let message = if earlier == kind {
                format!("{reference} names two {kind}s of {}", f.id)
            } else {
                format!(
                    "{reference} names both {} and {} of {}",
                    with_article(earlier),
                    with_article(kind),
                    f.id
                )
            };
            sink.report(
                Rule::DuplicateId,
                Location::Repeat(reference.clone(), occurrence),
                vec![reference],
                message,
                "give each element of a framework its own code",
            );
        } else {
            first.insert(reference, (kind, 1));
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
    if let Some(message) = gap(&numbers, "numbered", number) {
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
    if let Some(message) = gap(&letters, "lettered", letter) {
        let reference = Ref::Framework(f.id.clone());
        sink.report(
            Rule::CodeSequenceGap,
            Location::Field(reference.clone(), "outcomes".to_owned()),
            vec![reference],
            format!("the enabling outcomes of {} {message}", f.id),
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
        if let Some(message) = gap(&numbers, "numbered", number) {
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

/// Describes the first gap in a list of numbers meant to run 1, 2, 3, …;
/// `name` writes a number as the codes do (`3`, or `C` for enabling
/// outcomes), `numbered` says how they are counted.
fn gap(numbers: &[u16], numbered: &str, name: fn(u16) -> String) -> Option<String> {
    let mut sorted: Vec<u16> = numbers.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    for (expected, n) in (1..).zip(sorted) {
        if n != expected {
            return Some(if expected == 1 {
                format!("are {numbered} from {}, not from {}", name(n), name(1))
            } else {
                format!("skip from {} to {}", name(expected - 1), name(n))
            });
        }
    }
    None
}

fn number(n: u16) -> String {
    n.to_string()
}

/// The letter of the `n`-th enabling outcome, from 1: `A`, `B`, …
fn letter(n: u16) -> String {
    char::from_u32(u32::from('A') + u32::from(n) - 1).map_or_else(|| n.to_string(), String::from)
}

/// A text that must be neither empty nor untrimmed: whose it is, what it is
/// (`title`, `label for target 2`), where it is written, and how to fill
/// it in when it is empty.
struct Text<'f> {
    owner: Ref,
    what: String,
    location: Location,
    text: &'f str,
    help: String,
}

fn texts(f: &Framework, sink: &mut Sink<'_>) {
    let framework_ref = Ref::Framework(f.id.clone());
    let printed = |owner: &Ref, what: &str| format!("give {owner} its {what} as the source document prints it");
    let mut all: Vec<Text<'_>> = vec![Text {
        help: printed(&framework_ref, "title"),
        location: Location::Field(framework_ref.clone(), "title".to_owned()),
        owner: framework_ref,
        what: "title".to_owned(),
        text: &f.title,
    }];
    for (reference, kind, title, _) in elements(f) {
        let field = if kind == "programme" { "name" } else { "title" };
        all.push(Text {
            help: printed(&reference, field),
            location: Location::Field(reference.clone(), field.to_owned()),
            owner: reference,
            what: field.to_owned(),
            text: title,
        });
    }
    // Labels are short descriptions, written for the crate.
    let described = |what: &str| format!("give the {what} a short description");
    for output in f.outputs() {
        let reference = element_ref(f, &output.code);
        for (i, indicator) in output.indicators.iter().enumerate() {
            let what = format!("label for indicator {}", i + 1);
            all.push(Text {
                help: described(&what),
                location: Location::Item(reference.clone(), "indicators".to_owned(), i),
                owner: reference.clone(),
                what,
                text: &indicator.label,
            });
        }
    }
    for p in &f.programmes {
        let reference = element_ref(f, &p.id);
        for (i, target) in p.targets.iter().enumerate() {
            let what = format!("label for target {}", i + 1);
            all.push(Text {
                help: described(&what),
                location: Location::Item(reference.clone(), "targets".to_owned(), i),
                owner: reference.clone(),
                what,
                text: &target.label,
            });
        }
    }
    for Text {
        owner,
        what,
        location,
        text,
        help,
    } in all
    {
        if text.trim().is_empty() {
            sink.report(
                Rule::EmptyTitle,
                location,
                vec![owner.clone()],
                format!("{owner} has an empty {what}"),
                help,
            );
        } else if text != text.trim() || doubled_white_space(text) {
            sink.report(
                Rule::UntrimmedText,
                location,
                vec![owner.clone()],
                format!("the {what} of {owner} has extra white space: {text:?}"),
                "remove white space at either end and join doubled spaces",
            );
        }
    }
}

/// Whether two white-space characters follow each other: two spaces, a
/// space and a tab, a line break and a space, …
fn doubled_white_space(text: &str) -> bool {
    text.chars()
        .zip(text.chars().skip(1))
        .any(|(a, b)| a.is_whitespace() && b.is_whitespace())
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
        let kind = output.code.outcome().kind();
        // The lists the output should not have, with their lengths.
        let wrong: Vec<(&str, usize)> = match kind {
            OutcomeKind::Policy => vec![("biennium_deliverables", output.biennium_deliverables.len())],
            OutcomeKind::Enabling => vec![
                ("country_level", output.country_level.len()),
                ("global_level", output.global_level.len()),
            ],
        }
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .collect();
        let Some((first_field, _)) = wrong.first() else {
            continue;
        };
        let count: usize = wrong.iter().map(|(_, n)| n).sum();
        let fields: Vec<&str> = wrong.iter().map(|(field, _)| *field).collect();
        let expected = match kind {
            OutcomeKind::Policy => "country_level and global_level",
            OutcomeKind::Enabling => "biennium_deliverables",
        };
        sink.report(
            Rule::ActionLevelMismatch,
            Location::Field(reference.clone(), (*first_field).to_owned()),
            vec![reference],
            format!(
                "{} output {} lists {count} item(s) under {}",
                article(kind),
                output.code,
                fields.join(" and ")
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
