//! Structure rules: identifiers, nesting, titles, provenance, actions and
//! repeated links.

use foldhash::{HashMap, HashMapExt as _, HashSet, HashSetExt as _};

use super::{Context, Rule, Sink};
use crate::format::{Location, is_unprintable};
use crate::graph::GraphIssue;
use crate::{ElementCode, Framework, FrameworkKind, FrameworkSet, Link, OutcomeKind, Provenance, Ref};

/// The structure rules, run framework by framework in the set's one walk.
pub(super) struct Walk<'a> {
    dangling: Dangling<'a>,
}

impl<'a> Walk<'a> {
    pub(super) fn new(cx: &Context<'a>) -> Self {
        Walk {
            dangling: Dangling::new(cx),
        }
    }

    /// The rules on `framework` and its elements.
    pub(super) fn framework(&mut self, cx: &Context<'a>, framework: &Framework, sink: &mut Sink<'_>) {
        let entries = elements(framework);
        duplicate_ids(framework, &entries, sink);
        nesting(framework, sink);
        sequences(framework, sink);
        texts(framework, &entries, sink);
        provenance(framework, &entries, sink);
        actions(framework, sink);
        repeated_links(framework, sink);
        self.dangling.framework(cx, framework, sink);
    }
}

/// A code that names an element of a framework.
pub(super) trait ElementKey {
    /// The code as an element code.
    fn element_code(&self) -> ElementCode;
}

macro_rules! element_key_of_code {
    ($($ty:ty),*) => {
        $(impl ElementKey for $ty {
            fn element_code(&self) -> ElementCode {
                ElementCode::from(*self)
            }
        })*
    };
}

element_key_of_code!(crate::OutcomeCode, crate::OutputCode, crate::DeliverableCode);

impl ElementKey for crate::ProgrammeId {
    /// Shares the id's text: no copy.
    fn element_code(&self) -> ElementCode {
        ElementCode::from(self)
    }
}

/// The reference to an element of `framework` with this code.
pub(super) fn element_ref(framework: &Framework, code: &impl ElementKey) -> Ref {
    Ref::element(framework.id.clone(), code.element_code())
}

/// One element of a framework as the rules walk them: its code (turned
/// into a reference only when a finding needs one), kind name, title and
/// provenance.
pub(super) struct Entry<'f> {
    code: &'f dyn ElementKey,
    pub(super) kind: &'static str,
    pub(super) title: &'f str,
    pub(super) source: &'f Provenance,
}

impl Entry<'_> {
    /// The element's reference in `framework`.
    pub(super) fn reference(&self, framework: &Framework) -> Ref {
        Ref::element(framework.id.clone(), self.code.element_code())
    }
}

/// Every element of a framework, in document order.
pub(super) fn elements(f: &Framework) -> Vec<Entry<'_>> {
    let mut all = Vec::new();
    for outcome in &f.outcomes {
        all.push(Entry {
            code: &outcome.code,
            kind: "outcome",
            title: &outcome.title,
            source: &outcome.source,
        });
        for output in &outcome.outputs {
            all.push(Entry {
                code: &output.code,
                kind: "output",
                title: &output.title,
                source: &output.source,
            });
        }
    }
    for p in &f.programmes {
        all.push(Entry {
            code: &p.id,
            kind: "programme",
            title: &p.name,
            source: &p.source,
        });
    }
    for d in &f.deliverables {
        all.push(Entry {
            code: &d.code,
            kind: "deliverable",
            title: &d.title,
            source: &d.source,
        });
    }
    all
}

fn duplicate_ids(f: &Framework, entries: &[Entry<'_>], sink: &mut Sink<'_>) {
    let mut first: HashMap<ElementCode, (&'static str, usize)> = HashMap::with_capacity(entries.len());
    for entry in entries {
        let kind = entry.kind;
        match first.entry(entry.code.element_code()) {
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert((kind, 1));
            }
            std::collections::hash_map::Entry::Occupied(mut slot) => {
                let (earlier, seen) = slot.get_mut();
                let occurrence = *seen;
                *seen += 1;
                let earlier = *earlier;
                let reference = entry.reference(f);
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
            }
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
                        named.kind(),
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
        if f.kind == FrameworkKind::ProgrammeAndBudget && outcome.kind() == OutcomeKind::Other {
            let reference = element_ref(f, &outcome.code);
            sink.report(
                Rule::OutcomeCodeScheme,
                Location::Field(reference.clone(), "code".to_owned()),
                vec![reference],
                format!(
                    "outcome {} of the Programme and Budget {} is coded neither by a number nor by a capital letter",
                    outcome.code, f.id
                ),
                "number a policy outcome (1, 2, …) and letter an enabling one (A, B, …), or give the framework another kind",
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
    // Counted in `usize`: a list can hold every `u16`, and the count past
    // the last would not fit one.
    let mut previous = 0;
    for n in sorted {
        if usize::from(n) != usize::from(previous) + 1 {
            return Some(if previous == 0 {
                format!("are {numbered} from {}, not from {}", name(n), name(1))
            } else {
                format!("skip from {} to {}", name(previous), name(n))
            });
        }
        previous = n;
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

/// Checks one title, name or label; `describe` gives the owner, what the
/// text is, its place and the help for an empty one, and runs only when
/// there is a finding.
fn text(sink: &mut Sink<'_>, text: &str, describe: impl FnOnce() -> (Ref, String, Location, String)) {
    if plain_ascii(text) {
        return;
    }
    let empty = text.trim().is_empty();
    let control = text.chars().find(|c| is_unprintable(*c));
    if !empty && text == text.trim() && !doubled_white_space(text) && control.is_none() {
        return;
    }
    let (owner, what, location, help) = describe();
    if let Some(c) = control {
        sink.report(
            Rule::ControlCharacter,
            location.clone(),
            vec![owner.clone()],
            format!(
                "the {what} of {owner} holds the control character U+{:04X}: {text:?}",
                u32::from(c)
            ),
            "remove the character; a terminal that shows the text would act on it",
        );
    }
    if empty {
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

fn texts(f: &Framework, entries: &[Entry<'_>], sink: &mut Sink<'_>) {
    let printed = |owner: &Ref, what: &str| format!("give {owner} its {what} as the source document prints it");
    text(sink, &f.title, || {
        let owner = Ref::Framework(f.id.clone());
        (
            owner.clone(),
            "title".to_owned(),
            Location::Field(owner.clone(), "title".to_owned()),
            printed(&owner, "title"),
        )
    });
    for entry in entries {
        text(sink, entry.title, || {
            let owner = entry.reference(f);
            let field = if entry.kind == "programme" { "name" } else { "title" };
            (
                owner.clone(),
                field.to_owned(),
                Location::Field(owner.clone(), field.to_owned()),
                printed(&owner, field),
            )
        });
    }
    // Labels are short descriptions, written for the crate.
    let described = |what: &str| format!("give the {what} a short description");
    for (code, indicators) in f.indicator_lists() {
        for (i, indicator) in indicators.iter().enumerate() {
            text(sink, &indicator.label, || {
                let owner = Ref::element(f.id.clone(), code.clone());
                let what = format!("label for indicator {}", i + 1);
                (
                    owner.clone(),
                    what.clone(),
                    Location::Item(owner, "indicators".to_owned(), i),
                    described(&what),
                )
            });
        }
    }
    for p in &f.programmes {
        for (i, target) in p.targets.iter().enumerate() {
            text(sink, &target.label, || {
                let owner = element_ref(f, &p.id);
                let what = format!("label for target {}", i + 1);
                (
                    owner.clone(),
                    what.clone(),
                    Location::Item(owner, "targets".to_owned(), i),
                    described(&what),
                )
            });
        }
    }
}

/// Whether `text` is printable ASCII, not empty, without a space at
/// either end or two in a row: clean, as most titles are, found in one
/// pass over the bytes.
fn plain_ascii(text: &str) -> bool {
    // A space before the first byte, so that a leading space counts as two.
    let mut previous = b' ';
    for &byte in text.as_bytes() {
        if !(b' '..=b'~').contains(&byte) || (byte == b' ' && previous == b' ') {
            return false;
        }
        previous = byte;
    }
    previous != b' '
}

/// Whether two white-space characters follow each other: two spaces, a
/// space and a tab, a line break and a space, …
fn doubled_white_space(text: &str) -> bool {
    if text.is_ascii() {
        return text
            .as_bytes()
            .windows(2)
            .any(|w| (w[0] as char).is_whitespace() && (w[1] as char).is_whitespace());
    }
    text.chars()
        .zip(text.chars().skip(1))
        .any(|(a, b)| a.is_whitespace() && b.is_whitespace())
}

fn provenance(f: &Framework, entries: &[Entry<'_>], sink: &mut Sink<'_>) {
    for entry in entries.iter().filter(|e| e.source.is_unknown()) {
        let (reference, kind) = (entry.reference(f), entry.kind);
        {
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
        let kind = output.code.outcome().kind();
        // The lists the output should not have, with their lengths.
        let wrong: Vec<(&str, usize)> = match kind {
            OutcomeKind::Policy => vec![("biennium_deliverables", output.biennium_deliverables.len())],
            OutcomeKind::Enabling => vec![
                ("country_level", output.country_level.len()),
                ("global_level", output.global_level.len()),
            ],
            // A framework with its own codes has its own levels of action.
            OutcomeKind::Other => Vec::new(),
        }
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .collect();
        let Some((first_field, _)) = wrong.first() else {
            continue;
        };
        let reference = element_ref(f, &output.code);
        let count: usize = wrong.iter().map(|(_, n)| n).sum();
        let fields: Vec<&str> = wrong.iter().map(|(field, _)| *field).collect();
        let expected = match kind {
            OutcomeKind::Policy => "country_level and global_level",
            OutcomeKind::Enabling | OutcomeKind::Other => "biennium_deliverables",
        };
        sink.report(
            Rule::ActionLevelMismatch,
            Location::Field(reference.clone(), (*first_field).to_owned()),
            vec![reference],
            format!(
                "{} output {} lists {count} item(s) under {}",
                kind,
                output.code,
                fields.join(" and ")
            ),
            format!("{} outputs list their actions under {expected}", kind),
        );
    }
}

/// Repeated items of one list: their places (from 0) and texts.
type Repeated = Vec<(usize, String)>;

/// The items of a list that repeat an earlier one, with their places (from
/// 0), written out. Short lists are compared item by item, with no
/// allocation unless something repeats.
fn repeats<T: std::hash::Hash + Eq + std::fmt::Display>(items: &[T]) -> Repeated {
    repeats_by(items, |item| item)
}

/// As [`repeats`], comparing the items by `key`.
fn repeats_by<I, K: std::hash::Hash + Eq + std::fmt::Display + ?Sized>(
    items: &[I],
    key: impl Fn(&I) -> &K,
) -> Repeated {
    if items.len() <= 16 {
        return (1..items.len())
            .filter(|&i| items[..i].iter().any(|earlier| key(earlier) == key(&items[i])))
            .map(|i| (i, key(&items[i]).to_string()))
            .collect();
    }
    let mut seen = HashSet::new();
    items
        .iter()
        .enumerate()
        .filter(|(_, item)| !seen.insert(key(item)))
        .map(|(i, item)| (i, key(item).to_string()))
        .collect()
}

fn repeated_links(f: &Framework, sink: &mut Sink<'_>) {
    // (owner, field, repeated items) for every list that repeats something.
    let mut found: Vec<(Ref, &'static str, Repeated)> = Vec::new();
    let mut check = |owner: &dyn Fn() -> Ref, field: &'static str, repeated: Repeated| {
        if !repeated.is_empty() {
            found.push((owner(), field, repeated));
        }
    };
    for outcome in &f.outcomes {
        let owner = || element_ref(f, &outcome.code);
        check(&owner, "sdg", repeats(&outcome.sdg));
        check(&owner, "standards", repeats(&outcome.standards));
        for output in &outcome.outputs {
            let owner = || element_ref(f, &output.code);
            check(&owner, "sdg", repeats(&output.sdg));
            check(&owner, "standards", repeats(&output.standards));
        }
    }
    for p in &f.programmes {
        let owner = || element_ref(f, &p.id);
        check(&owner, "sdg", repeats(&p.sdg));
        check(&owner, "standards", repeats(&p.standards));
        check(&owner, "contributes_to", repeats_by(&p.contributes_to, Link::target));
    }
    for d in &f.deliverables {
        let owner = || element_ref(f, &d.code);
        check(&owner, "sdg", repeats(&d.sdg));
        check(&owner, "standards", repeats(&d.standards));
        check(&owner, "contributes_to", repeats_by(&d.contributes_to, Link::target));
    }
    for (reference, field, items) in found {
        for (i, item) in items {
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

/// References to frameworks or elements that do not exist: contributions,
/// successions, stated links and claim subjects, each with a suggestion of
/// the code meant. (SDG codes and standards are the links family's.)
struct Dangling<'a> {
    suggestions: Suggestions<'a>,
    /// Whether the graph holds every element's links: true without
    /// duplicate elements, whose links it leaves out.
    trusted: bool,
    /// The references the graph could not resolve.
    unresolved: HashSet<&'a Ref>,
}

impl<'a> Dangling<'a> {
    fn new(cx: &Context<'a>) -> Self {
        // The graph has tried every contribution, succession and stated link;
        // those that failed are its issues. Without duplicate elements (whose
        // links the graph leaves out) a link exists unless it is among them.
        let issues = cx.graph.issues();
        Dangling {
            suggestions: Suggestions::for_set(cx.set),
            trusted: !issues.iter().any(|i| matches!(i, GraphIssue::DuplicateNode(_))),
            unresolved: issues
                .iter()
                .filter_map(|issue| match issue {
                    GraphIssue::UnresolvedLink { to, .. } => Some(to),
                    _ => None,
                })
                .collect(),
        }
    }

    /// Whether `to` names something, looked up in the set and the graph.
    fn looked_up(cx: &Context<'_>, to: &Ref) -> bool {
        match to {
            Ref::Framework(id) => cx.set.get(id).is_some(),
            Ref::Element { .. } => cx.graph.node(to).is_ok(),
            Ref::Sdg(_) | Ref::Standard(_) => true,
        }
    }

    /// Whether `to` names something, looked up only when the graph's
    /// issues leave it in doubt.
    fn exists(&self, cx: &Context<'_>, to: &Ref) -> bool {
        if self.trusted {
            self.unresolved.is_empty() || !self.unresolved.contains(to) || Self::looked_up(cx, to)
        } else {
            Self::looked_up(cx, to)
        }
    }

    /// The references of `f`'s elements, links and claims that do not resolve.
    fn framework(&mut self, cx: &Context<'a>, f: &Framework, sink: &mut Sink<'_>) {
        let exists = |to: &Ref| self.exists(cx, to);
        // (place, referring element, reference) of every reference that does not resolve.
        let mut missing: Vec<(Location, Ref, &Ref)> = Vec::new();
        for p in &f.programmes {
            for (i, link) in p.contributes_to.iter().enumerate().filter(|(_, l)| !exists(l.target())) {
                let from = element_ref(f, &p.id);
                missing.push((
                    Location::Item(from.clone(), "contributes_to".to_owned(), i),
                    from,
                    link.target(),
                ));
            }
            if let Some(earlier) = p.succeeds.as_ref().filter(|r| !exists(r)) {
                let from = element_ref(f, &p.id);
                missing.push((Location::Field(from.clone(), "succeeds".to_owned()), from, earlier));
            }
        }
        for d in &f.deliverables {
            for (i, link) in d.contributes_to.iter().enumerate().filter(|(_, l)| !exists(l.target())) {
                let from = element_ref(f, &d.code);
                missing.push((
                    Location::Item(from.clone(), "contributes_to".to_owned(), i),
                    from,
                    link.target(),
                ));
            }
        }
        let framework_ref = || Ref::Framework(f.id.clone());
        for (i, link) in f.links.iter().enumerate() {
            for end in [&link.from, &link.to].into_iter().filter(|r| !exists(r)) {
                missing.push((Location::Link(f.id.clone(), i), framework_ref(), end));
            }
        }
        for (i, claim) in f
            .claims
            .iter()
            .enumerate()
            .filter(|(_, c)| !Self::looked_up(cx, &c.subject))
        {
            missing.push((Location::Claim(f.id.clone(), i), framework_ref(), &claim.subject));
        }
        for (location, from, to) in missing {
            let help = match to.framework().and_then(|id| cx.set.get(id)) {
                Some(target) => match self.suggestions.closest(target, &to.code()) {
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

/// The suggestions made for codes that name no element: each code looked
/// for once, and the search of a framework's codes given up once the
/// searches have compared as many codes as the set has elements, eight
/// times over: help for a file of thousands of wrong codes then costs time
/// in proportion to the set, and those past the budget are told to check
/// their code.
struct Suggestions<'s> {
    found: HashMap<(&'s str, String), Option<String>>,
    /// How many more codes may be compared.
    budget: usize,
}

impl<'s> Suggestions<'s> {
    fn for_set(set: &'s FrameworkSet) -> Self {
        let elements: usize = set.iter().map(Framework::element_count).sum();
        Suggestions {
            found: HashMap::new(),
            budget: elements.saturating_mul(8).saturating_add(100_000),
        }
    }

    /// The element code of `framework` nearest to `code` (fewest edits), if
    /// any is near.
    fn closest(&mut self, framework: &'s Framework, code: &str) -> Option<String> {
        let key = (framework.id.as_str(), code.to_owned());
        if let Some(found) = self.found.get(&key) {
            return found.clone();
        }
        let count = framework.element_count();
        let found = match self.budget.checked_sub(count) {
            Some(left) => {
                self.budget = left;
                closest(framework, code)
            }
            None => None,
        };
        self.found.insert(key, found.clone());
        found
    }
}

/// The element code of `framework` nearest to `code` (fewest edits), if any
/// is near.
fn closest(framework: &Framework, code: &str) -> Option<String> {
    let mut best: Option<(usize, ElementCode)> = None;
    let length = code.chars().count();
    for entry in elements(framework) {
        let candidate = entry.code.element_code();
        // Two edits change the length in characters by two at most.
        if candidate.as_str().chars().count().abs_diff(length) > 2 {
            continue;
        }
        let distance = crate::graph::edit_distance(code, candidate.as_str());
        if distance <= 2
            && best
                .as_ref()
                .is_none_or(|(d, c)| (distance, candidate.as_str()) < (*d, c.as_str()))
        {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, c)| c.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_are_remembered_and_stop_at_their_budget() {
        use crate::{Programme, ProgrammeKind};
        let mut f = Framework::new("mine".parse().unwrap(), FrameworkKind::Other, "Mine");
        for i in 0..1000 {
            let id = format!("P{i}").parse().unwrap();
            f.programmes.push(Programme::new(id, ProgrammeKind::Project, "p"));
        }
        let mut set = FrameworkSet::new();
        set.insert(f).unwrap();
        let target = set.iter().next().unwrap();
        let mut suggestions = Suggestions::for_set(&set);
        assert_eq!(suggestions.closest(target, "P1x").as_deref(), Some("P1"));
        // Asked again, it is remembered: nothing is spent.
        let left = suggestions.budget;
        assert_eq!(suggestions.closest(target, "P1x").as_deref(), Some("P1"));
        assert_eq!(suggestions.budget, left);
        // A search costs the framework's thousand codes: the budget of
        // 108,000 comparisons allows about a hundred, then none.
        let found = (0..300)
            .filter(|i| suggestions.closest(target, &format!("P{i}y")).is_some())
            .count();
        assert!((100..=110).contains(&found), "{found} searches");
        assert_eq!(suggestions.closest(target, "P5z"), None);
    }

    #[test]
    fn a_suggestion_counts_characters_not_bytes() {
        let mut f = Framework::new("mine".parse().unwrap(), FrameworkKind::Other, "Mine");
        f.programmes.push(crate::Programme::new(
            "Ω".parse().unwrap(),
            crate::ProgrammeKind::Project,
            "p",
        ));
        // Two edits away, though their lengths in bytes differ by four.
        assert_eq!(closest(&f, "ΩΩΩ").as_deref(), Some("Ω"));
        assert_eq!(closest(&f, "ΩΩΩΩ"), None);
    }

    #[test]
    fn gaps_in_a_list_of_every_number() {
        let every: Vec<u16> = (1..=u16::MAX).collect();
        assert_eq!(gap(&every, "numbered", number), None);
        let missing_last_but_one: Vec<u16> = (1..=u16::MAX).filter(|n| *n != u16::MAX - 1).collect();
        assert_eq!(
            gap(&missing_last_but_one, "numbered", number).as_deref(),
            Some("skip from 65533 to 65535")
        );
        assert_eq!(
            gap(&[0, 1, 2], "numbered", number).as_deref(),
            Some("are numbered from 0, not from 1")
        );
        assert_eq!(
            gap(&[2, 3], "lettered", letter).as_deref(),
            Some("are lettered from B, not from A")
        );
    }

    /// The fast path passes only what the full checks pass.
    #[test]
    fn plain_ascii_texts_are_the_clean_ones() {
        let clean = |t: &str| {
            !t.trim().is_empty()
                && t == t.trim()
                && !doubled_white_space(t)
                && !t.chars().any(crate::format::is_unprintable)
        };
        for t in [
            "Outcome 1",
            "a",
            "A b c",
            "",
            " ",
            "  ",
            " a",
            "a ",
            "a  b",
            "a\tb",
            "a\nb",
            "a\u{7f}",
            "a\u{1b}[2J",
            "é",
            "a ~ b",
        ] {
            if plain_ascii(t) {
                assert!(clean(t), "{t:?} is taken as clean");
            }
        }
        assert!(plain_ascii("Output 1.1 of synth-pb-100"));
        for t in ["", " ", " a", "a ", "a  b", "a\tb", "a\u{7f}"] {
            assert!(!plain_ascii(t), "{t:?}");
        }
    }
}
