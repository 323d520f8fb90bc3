//! Mutation testing of the validation rules.
//!
//! Each [`Operator`] takes a valid framework set and a place chosen by
//! proptest, breaks the set in one way, and names the rule that must catch
//! the break. A mutant is *killed* when the mutated set's report holds a
//! finding of that rule which the unmutated base's report does not hold
//! (same rule, place and subjects); the base itself must hold no finding of
//! that rule at all (for the built-in set, a few rules the seeds already
//! trigger on purpose are listed in [`BUILTIN_PREEXISTING`]).
//!
//! Bases are small synthetic sets (`SyntheticConfig::with_nodes(seed,
//! 300..1500)`, which validate without a single finding) and, for operators
//! that have a place to apply in it, the built-in set.
//!
//! Neither kind of base has a progress report or indicators. The operators
//! of the results family (and the one reversing periods of results) add
//! what their rule reads as part of the mutation: a new indicator on an
//! element, a progress report (`mutant-progress`) observing the base, or
//! both; the base stays free of the rule's findings.
//!
//! Beyond the operators for the case each rule is plainly written for,
//! probe operators (`PROBE`, tests named `probe_*`) check corners that a
//! rule's summary in the catalogue covers but its code may not reach; a
//! probe that survives is a gap in the rule, and its test is left failing on
//! purpose until the rule is fixed.
//!
//! `mutation_kill_rate_summary` applies every operator once to one synthetic
//! base and to the built-in set, prints the kill-rate table to stderr and
//! asserts that every mutant is killed.

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::sync::OnceLock;
use std::time::Instant;

use chrono::NaiveDate;
use ilo_frameworks::synthetic::{SyntheticConfig, generate};
use ilo_frameworks::validate::{self, Config, Report, Rule, Severity};
use ilo_frameworks::*;
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

// ---------------------------------------------------------------------------
// Bases
// ---------------------------------------------------------------------------

/// The seeds of the synthetic bases.
const SEEDS: [u64; 5] = [1, 2, 3, 7, 42];
/// The sizes of the synthetic bases, in graph nodes.
const NODES: std::ops::Range<usize> = 300..1500;
/// Cases per operator.
const CASES: u32 = 12;

/// Rules whose findings the built-in set already holds (the seeds keep the
/// sources' own disagreements and gaps on purpose). For these, a mutant of
/// the built-in set is judged only by whether it adds a *new* finding.
const BUILTIN_PREEXISTING: [Rule; 4] = [
    Rule::ConflictingClaims,
    Rule::EmptyTimeframe,
    Rule::ProgrammeLinkedToNothing,
    Rule::OutputWithoutContributor,
];

/// A set to mutate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Base {
    /// `generate(&SyntheticConfig::with_nodes(seed, nodes))`.
    Synthetic { seed: u64, nodes: usize },
    /// `builtin::frameworks()`.
    Builtin,
}

impl std::fmt::Display for Base {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Base::Synthetic { seed, nodes } => write!(f, "synthetic(seed {seed}, {nodes} nodes)"),
            Base::Builtin => f.write_str("built-in"),
        }
    }
}

fn builtin_set() -> &'static FrameworkSet {
    static SET: OnceLock<FrameworkSet> = OnceLock::new();
    SET.get_or_init(|| builtin::frameworks().expect("the built-in frameworks load"))
}

fn builtin_report() -> &'static Report {
    static REPORT: OnceLock<Report> = OnceLock::new();
    REPORT.get_or_init(|| check(builtin_set()))
}

fn check(set: &FrameworkSet) -> Report {
    validate::validate(set, &Config::default()).expect("the catalogues load")
}

impl Base {
    /// The set and its report.
    fn load(self) -> (Cow<'static, FrameworkSet>, Cow<'static, Report>) {
        match self {
            Base::Builtin => (Cow::Borrowed(builtin_set()), Cow::Borrowed(builtin_report())),
            Base::Synthetic { seed, nodes } => {
                let set = generate(&SyntheticConfig::with_nodes(seed, nodes));
                let report = check(&set);
                (Cow::Owned(set), Cow::Owned(report))
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Operators
// ---------------------------------------------------------------------------

/// What an operator makes.
enum Mutant {
    /// A mutated set, to validate.
    Set(FrameworkSet),
    /// A framework file's text before and after the mutation, to lint with
    /// `lint_toml`.
    Text {
        origin: String,
        base: String,
        mutated: String,
    },
}

/// One way of breaking a valid set, and the rule that must catch it.
struct Operator {
    /// A short name, `family/what`.
    name: &'static str,
    /// The rule whose finding kills the mutant.
    rule: Rule,
    /// Whether the operator probes a corner of the rule's summary rather
    /// than the case the rule is plainly written for.
    probe: bool,
    /// Applies the mutation at `place` (any number; operators reduce it
    /// modulo their candidates), or `None` when the set has no place for it.
    apply: fn(&FrameworkSet, usize) -> Option<Mutant>,
}

const REQUIRED: bool = false;
const PROBE: bool = true;

/// The frameworks of a set, to edit.
fn frameworks(set: &FrameworkSet) -> Vec<Framework> {
    set.iter().cloned().collect()
}

/// A set of edited frameworks (their ids are unchanged, so distinct).
fn rebuild(frameworks: Vec<Framework>) -> Option<Mutant> {
    let mut set = FrameworkSet::new();
    for f in frameworks {
        set.insert(f).expect("framework ids stay distinct");
    }
    Some(Mutant::Set(set))
}

/// The item at `place`, cycling.
fn pick<T: Clone>(items: &[T], place: usize) -> Option<T> {
    (!items.is_empty()).then(|| items[place % items.len()].clone())
}

/// Two distinct indices below `n`, chosen by `place`.
fn two_distinct(n: usize, place: usize) -> Option<(usize, usize)> {
    if n < 2 {
        return None;
    }
    let a = place % n;
    let b = (a + 1 + (place / n) % (n - 1)) % n;
    Some((a, b))
}

fn code_of(code: &impl std::fmt::Display) -> ElementCode {
    ElementCode::new(&code.to_string()).expect("element codes are valid in references")
}

fn element(framework: &FrameworkId, code: &impl std::fmt::Display) -> Ref {
    Ref::element(framework.clone(), code_of(code))
}

/// The year a date falls in.
fn year_of(date: chrono::NaiveDate) -> i32 {
    Quarter::containing(date).year()
}

/// One titled thing of a set: a framework or an element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Item {
    Framework(usize),
    Outcome(usize, usize),
    Output(usize, usize, usize),
    Programme(usize, usize),
    Deliverable(usize, usize),
}

/// Every framework and element, in order.
fn items(fs: &[Framework]) -> Vec<Item> {
    let mut all = Vec::new();
    for (fi, f) in fs.iter().enumerate() {
        all.push(Item::Framework(fi));
        for (oi, o) in f.outcomes.iter().enumerate() {
            all.push(Item::Outcome(fi, oi));
            all.extend((0..o.outputs.len()).map(|ui| Item::Output(fi, oi, ui)));
        }
        all.extend((0..f.programmes.len()).map(|pi| Item::Programme(fi, pi)));
        all.extend((0..f.deliverables.len()).map(|di| Item::Deliverable(fi, di)));
    }
    all
}

/// Every element (not frameworks).
fn elements(fs: &[Framework]) -> Vec<Item> {
    items(fs)
        .into_iter()
        .filter(|i| !matches!(i, Item::Framework(_)))
        .collect()
}

fn outputs(fs: &[Framework]) -> Vec<Item> {
    items(fs)
        .into_iter()
        .filter(|i| matches!(i, Item::Output(..)))
        .collect()
}

fn programmes(fs: &[Framework]) -> Vec<(usize, usize)> {
    items(fs)
        .into_iter()
        .filter_map(|i| match i {
            Item::Programme(fi, pi) => Some((fi, pi)),
            _ => None,
        })
        .collect()
}

/// Gives an item the title `change` makes of the one it has.
fn change_title(fs: &mut [Framework], item: Item, change: impl FnOnce(&str) -> String) {
    match item {
        Item::Framework(fi) => fs[fi].title = change(&fs[fi].title),
        Item::Outcome(fi, oi) => {
            let outcome = &mut fs[fi].outcomes[oi];
            outcome.title = change(&outcome.title);
        }
        Item::Output(fi, oi, ui) => {
            let output = &mut fs[fi].outcomes[oi].outputs[ui];
            output.title = change(&output.title);
        }
        Item::Programme(fi, pi) => {
            let programme = &mut fs[fi].programmes[pi];
            programme.name = change(&programme.name).into();
        }
        Item::Deliverable(fi, di) => {
            let deliverable = &mut fs[fi].deliverables[di];
            deliverable.title = change(&deliverable.title).into();
        }
    }
}

fn sdg_mut(fs: &mut [Framework], item: Item) -> Option<&mut Vec<SdgCode>> {
    match item {
        Item::Framework(_) => None,
        Item::Outcome(fi, oi) => Some(&mut fs[fi].outcomes[oi].sdg),
        Item::Output(fi, oi, ui) => Some(&mut fs[fi].outcomes[oi].outputs[ui].sdg),
        Item::Programme(fi, pi) => Some(&mut fs[fi].programmes[pi].sdg),
        Item::Deliverable(fi, di) => Some(&mut fs[fi].deliverables[di].sdg),
    }
}

fn standards_mut(fs: &mut [Framework], item: Item) -> Option<&mut Vec<StandardRef>> {
    match item {
        Item::Framework(_) => None,
        Item::Outcome(fi, oi) => Some(&mut fs[fi].outcomes[oi].standards),
        Item::Output(fi, oi, ui) => Some(&mut fs[fi].outcomes[oi].outputs[ui].standards),
        Item::Programme(fi, pi) => Some(&mut fs[fi].programmes[pi].standards),
        Item::Deliverable(fi, di) => Some(&mut fs[fi].deliverables[di].standards),
    }
}

fn sdg_of(fs: &[Framework], item: Item) -> &[SdgCode] {
    match item {
        Item::Framework(_) => &[],
        Item::Outcome(fi, oi) => &fs[fi].outcomes[oi].sdg,
        Item::Output(fi, oi, ui) => &fs[fi].outcomes[oi].outputs[ui].sdg,
        Item::Programme(fi, pi) => &fs[fi].programmes[pi].sdg,
        Item::Deliverable(fi, di) => &fs[fi].deliverables[di].sdg,
    }
}

fn standards_of(fs: &[Framework], item: Item) -> &[StandardRef] {
    match item {
        Item::Framework(_) => &[],
        Item::Outcome(fi, oi) => &fs[fi].outcomes[oi].standards,
        Item::Output(fi, oi, ui) => &fs[fi].outcomes[oi].outputs[ui].standards,
        Item::Programme(fi, pi) => &fs[fi].programmes[pi].standards,
        Item::Deliverable(fi, di) => &fs[fi].deliverables[di].standards,
    }
}

fn source_of(fs: &[Framework], item: Item) -> &Provenance {
    match item {
        Item::Framework(fi) => &fs[fi].source,
        Item::Outcome(fi, oi) => &fs[fi].outcomes[oi].source,
        Item::Output(fi, oi, ui) => &fs[fi].outcomes[oi].outputs[ui].source,
        Item::Programme(fi, pi) => &fs[fi].programmes[pi].source,
        Item::Deliverable(fi, di) => &fs[fi].deliverables[di].source,
    }
}

fn source_mut(fs: &mut [Framework], item: Item) -> &mut Provenance {
    match item {
        Item::Framework(fi) => &mut fs[fi].source,
        Item::Outcome(fi, oi) => &mut fs[fi].outcomes[oi].source,
        Item::Output(fi, oi, ui) => &mut fs[fi].outcomes[oi].outputs[ui].source,
        Item::Programme(fi, pi) => &mut fs[fi].programmes[pi].source,
        Item::Deliverable(fi, di) => &mut fs[fi].deliverables[di].source,
    }
}

/// The links an element lists itself (programmes and deliverables).
fn contributions_mut(fs: &mut [Framework], item: Item) -> Option<&mut Vec<Link>> {
    match item {
        Item::Programme(fi, pi) => Some(&mut fs[fi].programmes[pi].contributes_to),
        Item::Deliverable(fi, di) => Some(&mut fs[fi].deliverables[di].contributes_to),
        _ => None,
    }
}

fn contributions(fs: &[Framework], item: Item) -> &[Link] {
    match item {
        Item::Programme(fi, pi) => &fs[fi].programmes[pi].contributes_to,
        Item::Deliverable(fi, di) => &fs[fi].deliverables[di].contributes_to,
        _ => &[],
    }
}

/// The reference to a framework or element.
fn reference(fs: &[Framework], item: Item) -> Ref {
    match item {
        Item::Framework(fi) => Ref::Framework(fs[fi].id.clone()),
        Item::Outcome(fi, oi) => element(&fs[fi].id, &fs[fi].outcomes[oi].code),
        Item::Output(fi, oi, ui) => element(&fs[fi].id, &fs[fi].outcomes[oi].outputs[ui].code),
        Item::Programme(fi, pi) => element(&fs[fi].id, &fs[fi].programmes[pi].id),
        Item::Deliverable(fi, di) => element(&fs[fi].id, &fs[fi].deliverables[di].code),
    }
}

fn framework_of(item: Item) -> usize {
    match item {
        Item::Framework(fi)
        | Item::Outcome(fi, _)
        | Item::Output(fi, ..)
        | Item::Programme(fi, _)
        | Item::Deliverable(fi, _) => fi,
    }
}

/// Where an output with this reference is, in `fs`.
fn find_output(fs: &[Framework], r: &Ref) -> Option<(usize, usize, usize)> {
    let Ref::Element { framework, code } = r else {
        return None;
    };
    let code: OutputCode = code.as_str().parse().ok()?;
    let fi = fs.iter().position(|f| &f.id == framework)?;
    for (oi, o) in fs[fi].outcomes.iter().enumerate() {
        if let Some(ui) = o.outputs.iter().position(|u| u.code == code) {
            return Some((fi, oi, ui));
        }
    }
    None
}

/// Every reference the set states: contributions, successions, both ends
/// of stated links and claim subjects.
fn stated_references(fs: &[Framework]) -> Vec<Ref> {
    let mut refs = Vec::new();
    for f in fs {
        for p in &f.programmes {
            refs.extend(p.contributes_to.iter().map(|l| l.target().clone()));
            refs.extend(p.succeeds.as_deref().cloned());
        }
        for d in &f.deliverables {
            refs.extend(d.contributes_to.iter().map(|l| l.target().clone()));
        }
        for l in &f.links {
            refs.push(l.from.clone());
            refs.push(l.to.clone());
        }
        refs.extend(f.claims.iter().map(|c| c.subject.clone()));
    }
    let unique: BTreeSet<Ref> = refs.into_iter().collect();
    unique.into_iter().collect()
}

fn stated_link(from: Ref, kind: LinkKind, to: Ref) -> StatedLink {
    StatedLink::new(from, kind, to, Provenance::line(1))
}

// --- structure -------------------------------------------------------------

/// Copies one output's code onto another output of the same outcome.
fn duplicate_output_code(set: &FrameworkSet, place: usize) -> Option<Mutant> {
    let mut fs = frameworks(set);
    let outcomes: Vec<(usize, usize)> = items(&fs)
        .into_iter()
        .filter_map(|i| match i {
            Item::Outcome(fi, oi) if fs[fi].outcomes[oi].outputs.len() >= 2 => Some((fi, oi)),
            _ => None,
        })
        .collect();
    let (fi, oi) = pick(&outcomes, place)?;
    let list = &mut fs[fi].outcomes[oi].outputs;
    let (a, b) = two_distinct(list.len(), place / outcomes.len())?;
    list[b].code = list[a].code;
    rebuild(fs)
}

/// Copies one outcome's code onto another outcome of the same kind and
/// framework (whose outputs then sit under the wrong outcome as well).
fn duplicate_outcome_code(set: &FrameworkSet, place: usize) -> Option<Mutant> {
    let mut fs = frameworks(set);
    let mut pairs = Vec::new();
    for (fi, f) in fs.iter().enumerate() {
        for (a, x) in f.outcomes.iter().enumerate() {
            for (b, y) in f.outcomes.iter().enumerate() {
                if a != b && x.kind() == y.kind() {
                    pairs.push((fi, a, b));
                }
            }
        }
    }
    let (fi, a, b) = pick(&pairs, place)?;
    fs[fi].outcomes[b].code = fs[fi].outcomes[a].code;
    rebuild(fs)
}

/// Copies one programme's id onto another programme of the same framework.
fn duplicate_programme_id(set: &FrameworkSet, place: usize) -> Option<Mutant> {
    let mut fs = frameworks(set);
    let candidates: Vec<usize> = (0..fs.len()).filter(|&fi| fs[fi].programmes.len() >= 2).collect();
    let fi = pick(&candidates, place)?;
    let list = &mut fs[fi].programmes;
    let (a, b) = two_distinct(list.len(), place / candidates.len())?;
    list[b].id = list[a].id.clone();
    rebuild(fs)
}

/// Copies one deliverable's code onto another deliverable of the same plan.
fn duplicate_deliverable_code(set: &FrameworkSet, place: usize) -> Option<Mutant> {
    let mut fs = frameworks(set);
    let candidates: Vec<usize> = (0..fs.len()).filter(|&fi| fs[fi].deliverables.len() >= 2).collect();
    let fi = pick(&candidates, place)?;
    let list = &mut fs[fi].deliverables;
    let (a, b) = two_distinct(list.len(), place / candidates.len())?;
    list[b].code = list[a].code;
    rebuild(fs)
}

/// Removes an output that something refers to.
fn delete_referenced_output(set: &FrameworkSet, place: usize) -> Option<Mutant> {
    let mut fs = frameworks(set);
    let targets: Vec<(usize, usize, usize)> = stated_references(&fs)
        .iter()
        .filter_map(|r| find_output(&fs, r))
        .collect();
    let (fi, oi, ui) = pick(&targets, place)?;
    fs[fi].outcomes[oi].outputs.remove(ui);
    rebuild(fs)
}

/// Removes a programme that something refers to (a succession or a stated
/// link).
fn delete_referenced_programme(set: &FrameworkSet, place: usize) -> Option<Mutant> {
    let mut fs = frameworks(set);
    let mut targets = Vec::new();
    for r in stated_references(&fs) {
        if let Ref::Element { framework, code } = &r
            && let Some(fi) = fs.iter().position(|f| &f.id == framework)
            && let Some(pi) = fs[fi].programmes.iter().position(|p| p.id.as_str() == code.as_str())
        {
            targets.push((fi, pi));
        }
    }
    let (fi, pi) = pick(&targets, place)?;
    fs[fi].programmes.remove(pi);
    rebuild(fs)
}

/// Points an existing contribution at an element that does not exist: an
/// output number no outcome has, or a framework that is not loaded.
fn retarget_contribution(set: &FrameworkSet, place: usize) -> Option<Mutant> {
    let mut fs = frameworks(set);
    let mut links = Vec::new();
    for item in elements(&fs) {
        for li in 0..contributions(&fs, item).len() {
            links.push((item, li));
        }
    }
    let (item, li) = pick(&links, place)?;
    let target = contributions(&fs, item)[li].target().clone();
    let missing = match (place / links.len()) % 2 {
        0 => {
            let framework = target.framework()?.clone();
            Ref::element(framework, code_of(&"9.99"))
        }
        _ => Ref::element("not-loaded".parse().expect("a framework id"), code_of(&"1.1")),
    };
    contributions_mut(&mut fs, item)?[li] = Link::To(missing);
    rebuild(fs)
}

/// Moves an output from an outcome of kind `from` to another outcome of
/// kind `to` of the same framework, its code unchanged.
fn move_output(set: &FrameworkSet, place: usize, from: OutcomeKind, to: OutcomeKind) -> Option<Mutant> {
    let mut fs = frameworks(set);
    let mut moves = Vec::new();
    for (fi, f) in fs.iter().enumerate() {
        for (a, source) in f.outcomes.iter().enumerate() {
            if source.kind() != from {
                continue;
            }
            for ui in 0..source.outputs.len() {
                for (b, target) in f.outcomes.iter().enumerate() {
                    if a != b && target.kind() == to {
                        moves.push((fi, a, ui, b));
                    }
                }
            }
        }
    }
    let (fi, a, ui, b) = pick(&moves, place)?;
    let output = fs[fi].outcomes[a].outputs.remove(ui);
    let list = &mut fs[fi].outcomes[b].outputs;
    let at = (place / moves.len()) % (list.len() + 1);
    list.insert(at, output);
    rebuild(fs)
}

fn move_output_same_kind(set: &FrameworkSet, place: usize) -> Option<Mutant> {
    let kind = if place.is_multiple_of(2) {
        OutcomeKind::Enabling
    } else {
        OutcomeKind::Policy
    };
    move_output(set, place / 2, kind, kind)
        .or_else(|| move_output(set, place / 2, OutcomeKind::Enabling, OutcomeKind::Enabling))
}

fn move_policy_output_under_enabling(set: &FrameworkSet, place: usize) -> Option<Mutant> {
    move_output(set, place, OutcomeKind::Policy, OutcomeKind::Enabling)
}

fn move_enabling_output_under_policy(set: &FrameworkSet, place: usize) -> Option<Mutant> {
    move_output(set, place, OutcomeKind::Enabling, OutcomeKind::Policy)
}

/// The titles an operator writes: empty or blank.
const EMPTY_TITLES: [&str; 3] = ["", "   ", "\t"];

fn empty_title(set: &FrameworkSet, place: usize) -> Option<Mutant> {
    let mut fs = frameworks(set);
    let all = items(&fs);
    let item = pick(&all, place)?;
    change_title(&mut fs, item, |_| {
        EMPTY_TITLES[(place / all.len()) % EMPTY_TITLES.len()].to_owned()
    });
    rebuild(fs)
}

fn untrimmed_title(set: &FrameworkSet, place: usize) -> Option<Mutant> {
    let mut fs = frameworks(set);
    let all = items(&fs);
    let item = pick(&all, place)?;
    change_title(&mut fs, item, |title| match (place / all.len()) % 4 {
        0 => format!(" {title}"),
        1 => format!("{title} "),
        2 => format!("{title}\n"),
        _ if title.contains(' ') => title.replacen(' ', "  ", 1),
        _ => format!("{title}  "),
    });
    rebuild(fs)
}

/// Renumbers an output to five past the highest number of its outcome,
/// keeping the outcome prefix.
fn gap_in_output_numbers(set: &FrameworkSet, place: usize) -> Option<Mutant> {
    let mut fs = frameworks(set);
    let all = outputs(&fs);
    let Item::Output(fi, oi, ui) = pick(&all, place)? else {
        return None;
    };
    let outcome = &mut fs[fi].outcomes[oi];
    let highest = outcome.outputs.iter().map(|o| o.code.number()).max()?;
    outcome.outputs[ui].code = OutputCode::new(outcome.code, highest + 5).ok()?;
    rebuild(fs)
}

/// Renumbers a policy outcome (and its outputs' prefixes) to five past the
/// highest policy outcome.
fn gap_in_policy_outcome_numbers(set: &FrameworkSet, place: usize) -> Option<Mutant> {
    let mut fs = frameworks(set);
    let candidates: Vec<(usize, usize)> = items(&fs)
        .into_iter()
        .filter_map(|i| match i {
            Item::Outcome(fi, oi) if fs[fi].outcomes[oi].code.number().is_some() => Some((fi, oi)),
            _ => None,
        })
        .collect();
    let (fi, oi) = pick(&candidates, place)?;
    let highest = fs[fi].outcomes.iter().filter_map(|o| o.code.number()).max()?;
    renumber_outcome(&mut fs[fi].outcomes[oi], OutcomeCode::policy(highest + 5).ok()?)?;
    rebuild(fs)
}

/// Reletters an enabling outcome (and its outputs' prefixes) to five
/// letters past the last enabling outcome.
fn gap_in_enabling_outcome_letters(set: &FrameworkSet, place: usize) -> Option<Mutant> {
    let mut fs = frameworks(set);
    let candidates: Vec<(usize, usize)> = items(&fs)
        .into_iter()
        .filter_map(|i| match i {
            Item::Outcome(fi, oi) if fs[fi].outcomes[oi].code.letter().is_some() => Some((fi, oi)),
            _ => None,
        })
        .collect();
    let (fi, oi) = pick(&candidates, place)?;
    let last = fs[fi].outcomes.iter().filter_map(|o| o.code.letter()).max()?;
    let letter = char::from_u32(last as u32 + 5).filter(char::is_ascii_uppercase)?;
    renumber_outcome(&mut fs[fi].outcomes[oi], OutcomeCode::enabling(letter).ok()?)?;
    rebuild(fs)
}

fn renumber_outcome(outcome: &mut Outcome, code: OutcomeCode) -> Option<()> {
    outcome.code = code;
    for output in &mut outcome.outputs {
        output.code = OutputCode::new(code, output.code.number()).ok()?;
    }
    Some(())
}

/// Empties the outputs of an outcome of a Programme and Budget.
fn outcome_without_outputs(set: &FrameworkSet, place: usize) -> Option<Mutant> {
    let mut fs = frameworks(set);
    let candidates: Vec<(usize, usize)> = items(&fs)
        .into_iter()
        .filter_map(|i| match i {
            Item::Outcome(fi, oi)
                if fs[fi].kind == FrameworkKind::ProgrammeAndBudget && !fs[fi].outcomes[oi].outputs.is_empty() =>
            {
                Some((fi, oi))
            }
            _ => None,
        })
        .collect();
    let (fi, oi) = pick(&candidates, place)?;
    fs[fi].outcomes[oi].outputs.clear();
    rebuild(fs)
}

/// Recodes an outcome of a Programme and Budget (and its outputs'
/// prefixes) in another framework's scheme: `7` becomes `OA7`.
fn outcome_code_scheme(set: &FrameworkSet, place: usize) -> Option<Mutant> {
    let mut fs = frameworks(set);
    let candidates: Vec<(usize, usize)> = items(&fs)
        .into_iter()
        .filter_map(|i| match i {
            Item::Outcome(fi, oi) if fs[fi].kind == FrameworkKind::ProgrammeAndBudget => Some((fi, oi)),
            _ => None,
        })
        .collect();
    let (fi, oi) = pick(&candidates, place)?;
    let code = format!("OA{}", fs[fi].outcomes[oi].code).parse().ok()?;
    renumber_outcome(&mut fs[fi].outcomes[oi], code)?;
    rebuild(fs)
}

/// Forgets where an element was read.
fn missing_provenance(set: &FrameworkSet, place: usize) -> Option<Mutant> {
    let mut fs = frameworks(set);
    let candidates: Vec<Item> = elements(&fs)
        .into_iter()
        .filter(|&i| !source_of(&fs, i).is_unknown())
        .collect();
    let item = pick(&candidates, place)?;
    *source_mut(&mut fs, item) = Provenance::default();
    rebuild(fs)
}

/// Gives a policy output a biennium deliverable, or an enabling output a
/// country- or global-level action.
fn action_level_mismatch(set: &FrameworkSet, place: usize) -> Option<Mutant> {
    let mut fs = frameworks(set);
    let all = outputs(&fs);
    let Item::Output(fi, oi, ui) = pick(&all, place)? else {
        return None;
    };
    let output = &mut fs[fi].outcomes[oi].outputs[ui];
    let action = Label::new("mutant action");
    match output.code.outcome().kind() {
        OutcomeKind::Policy => output.biennium_deliverables.push(action),
        OutcomeKind::Enabling if (place / all.len()).is_multiple_of(2) => output.country_level.push(action),
        OutcomeKind::Enabling => output.global_level.push(action),
        // An outcome coded by its own scheme has no levels to mismatch.
        _ => return None,
    }
    rebuild(fs)
}

/// Lists an SDG code, a standard or a contribution of an element twice.
fn duplicate_link(set: &FrameworkSet, place: usize) -> Option<Mutant> {
    let mut fs = frameworks(set);
    let mut candidates = Vec::new();
    for item in elements(&fs) {
        if !sdg_of(&fs, item).is_empty() {
            candidates.push((item, 0));
        }
        if !standards_of(&fs, item).is_empty() {
            candidates.push((item, 1));
        }
        if !contributions(&fs, item).is_empty() {
            candidates.push((item, 2));
        }
    }
    let (item, list) = pick(&candidates, place)?;
    let at = place / candidates.len();
    match list {
        0 => {
            let l = sdg_mut(&mut fs, item)?;
            l.push(l[at % l.len()]);
        }
        1 => {
            let l = standards_mut(&mut fs, item)?;
            l.push(l[at % l.len()]);
        }
        _ => {
            let l = contributions_mut(&mut fs, item)?;
            let copy = Link::To(l[at % l.len()].target().clone());
            l.push(copy);
        }
    }
    rebuild(fs)
}

// --- links -----------------------------------------------------------------

/// Where an SDG code can be put: an element's list, the list of a new
/// indicator of an output, or a new stated link of a framework.
#[derive(Debug, Clone, Copy)]
enum SdgSlot {
    Element(Item),
    NewIndicator(usize, usize, usize),
    StatedLink(usize),
}

fn sdg_slots(fs: &[Framework]) -> Vec<SdgSlot> {
    let mut slots: Vec<SdgSlot> = elements(fs).into_iter().map(SdgSlot::Element).collect();
    for item in outputs(fs) {
        if let Item::Output(fi, oi, ui) = item {
            slots.push(SdgSlot::NewIndicator(fi, oi, ui));
        }
    }
    for (fi, f) in fs.iter().enumerate() {
        if !f.outcomes.is_empty() || !f.programmes.is_empty() || !f.deliverables.is_empty() {
            slots.push(SdgSlot::StatedLink(fi));
        }
    }
    slots
}

fn put_sdg(fs: &mut [Framework], slot: SdgSlot, code: SdgCode) -> Option<()> {
    match slot {
        SdgSlot::Element(item) => sdg_mut(fs, item)?.push(code),
        SdgSlot::NewIndicator(fi, oi, ui) => {
            let mut indicator = Indicator::new("mutant indicator");
            indicator.sdg.push(code);
            fs[fi].outcomes[oi].outputs[ui].indicators.push(indicator);
        }
        SdgSlot::StatedLink(fi) => {
            let from = elements(fs).into_iter().find(|&i| framework_of(i) == fi)?;
            let from = reference(fs, from);
            fs[fi]
                .links
                .push(stated_link(from, LinkKind::ContributesTo, Ref::Sdg(code)));
        }
    }
    Some(())
}

/// Codes of the right shape that the UN catalogue does not have.
const UNKNOWN_SDG_CODES: [&str; 7] = ["8.99", "8.7.9", "8.b.9", "17.20", "1.c", "16.11", "5.6.9"];
/// The five retired indicator codes.
const RETIRED_SDG_CODES: [&str; 5] = ["1.a.3", "8.9.2", "11.c.1", "13.3.2", "17.6.2"];

fn put_sdg_from(set: &FrameworkSet, place: usize, codes: &[&str]) -> Option<Mutant> {
    let mut fs = frameworks(set);
    let slots = sdg_slots(&fs);
    let slot = pick(&slots, place)?;
    let code: SdgCode = codes[(place / slots.len()) % codes.len()]
        .parse()
        .expect("a well-formed code");
    put_sdg(&mut fs, slot, code)?;
    rebuild(fs)
}

fn unknown_sdg_code(set: &FrameworkSet, place: usize) -> Option<Mutant> {
    put_sdg_from(set, place, &UNKNOWN_SDG_CODES)
}

fn retired_sdg_indicator(set: &FrameworkSet, place: usize) -> Option<Mutant> {
    put_sdg_from(set, place, &RETIRED_SDG_CODES)
}

/// Every SDG code with a target letter that a framework names.
fn lettered_codes(f: &Framework) -> BTreeSet<SdgCode> {
    let mut all: Vec<SdgCode> = Vec::new();
    for o in &f.outcomes {
        all.extend(&o.sdg);
        for u in &o.outputs {
            all.extend(&u.sdg);
            for i in &u.indicators {
                all.extend(&i.sdg);
            }
        }
    }
    for p in &f.programmes {
        all.extend(&p.sdg);
        all.extend(p.contributes_to.iter().filter_map(|l| match l.target() {
            Ref::Sdg(c) => Some(*c),
            _ => None,
        }));
    }
    for d in &f.deliverables {
        all.extend(&d.sdg);
    }
    for l in &f.links {
        for end in [&l.from, &l.to] {
            if let Ref::Sdg(c) = end {
                all.push(*c);
            }
        }
    }
    all.into_iter()
        .filter(|c| c.target().is_some_and(|t| matches!(t.part(), TargetPart::Letter(_))))
        .collect()
}

/// Writes the target letter of one SDG code of a framework's TOML text in
/// upper case (`"8.b"` → `"8.B"`, `"sdg:8.b.1"` → `"sdg:8.B.1"`).
fn sdg_code_case(set: &FrameworkSet, place: usize) -> Option<Mutant> {
    let fs = frameworks(set);
    let candidates: Vec<usize> = (0..fs.len())
        .filter(|&fi| !lettered_codes(&fs[fi]).is_empty())
        .collect();
    let fi = pick(&candidates, place)?;
    let text = fs[fi].to_toml_string().expect("a framework writes as TOML");
    let mut letters = BTreeSet::new();
    for code in lettered_codes(&fs[fi]) {
        for quoted in [format!("\"{code}\""), format!("\"sdg:{code}\"")] {
            let dot = quoted.find('.').expect("a lettered code has a dot");
            letters.extend(text.match_indices(&quoted).map(|(at, _)| at + dot + 1));
        }
    }
    let letters: Vec<usize> = letters.into_iter().collect();
    let at = pick(&letters, place / candidates.len())?;
    let mut mutated = text.clone();
    mutated.replace_range(at..=at, &text[at..=at].to_ascii_uppercase());
    Some(Mutant::Text {
        origin: format!("{}.toml", fs[fi].id),
        base: text,
        mutated,
    })
}

/// Breaks a framework file so that it cannot be read: an unknown key, an
/// unknown kind, or a table left open.
fn invalid_file(set: &FrameworkSet, place: usize) -> Option<Mutant> {
    let fs = frameworks(set);
    let f = pick(&fs, place)?;
    let text = f.to_toml_string().expect("a framework writes as TOML");
    let mutated = match (place / fs.len()) % 3 {
        0 => format!("mutant_key = 1\n{text}"),
        1 => text.replacen(&format!("kind = \"{}\"", f.kind), "kind = \"mutant-kind\"", 1),
        _ => format!("{text}\n[[outcomes\n"),
    };
    Some(Mutant::Text {
        origin: format!("{}.toml", f.id),
        base: text,
        mutated,
    })
}

/// Two programmes of one framework that each succeed the other.
fn cycle_of_successions(set: &FrameworkSet, place: usize) -> Option<Mutant> {
    let mut fs = frameworks(set);
    let candidates: Vec<usize> = (0..fs.len()).filter(|&fi| fs[fi].programmes.len() >= 2).collect();
    let fi = pick(&candidates, place)?;
    let (a, b) = two_distinct(fs[fi].programmes.len(), place / candidates.len())?;
    let id = fs[fi].id.clone();
    let (ra, rb) = (
        element(&id, &fs[fi].programmes[a].id),
        element(&id, &fs[fi].programmes[b].id),
    );
    fs[fi].programmes[a].succeeds = Some(Box::new(rb));
    fs[fi].programmes[b].succeeds = Some(Box::new(ra));
    rebuild(fs)
}

/// Two outputs that each contribute to the other, by stated links.
fn cycle_of_stated_contributions(set: &FrameworkSet, place: usize) -> Option<Mutant> {
    let mut fs = frameworks(set);
    let all = outputs(&fs);
    let (a, b) = two_distinct(all.len(), place)?;
    let (ra, rb) = (reference(&fs, all[a]), reference(&fs, all[b]));
    let fi = framework_of(all[a]);
    fs[fi]
        .links
        .push(stated_link(ra.clone(), LinkKind::ContributesTo, rb.clone()));
    fs[fi].links.push(stated_link(rb, LinkKind::ContributesTo, ra));
    rebuild(fs)
}

/// An outcome stated to be part of one of its own outputs (which is part
/// of it): a part_of loop.
fn cycle_of_parts(set: &FrameworkSet, place: usize) -> Option<Mutant> {
    let mut fs = frameworks(set);
    let all = outputs(&fs);
    let Item::Output(fi, oi, ui) = pick(&all, place)? else {
        return None;
    };
    let outcome = reference(&fs, Item::Outcome(fi, oi));
    let output = reference(&fs, Item::Output(fi, oi, ui));
    fs[fi].links.push(stated_link(outcome, LinkKind::PartOf, output));
    rebuild(fs)
}

/// A programme or deliverable that contributes to itself, states a link to
/// itself, or (a programme) succeeds itself.
fn self_link(set: &FrameworkSet, place: usize) -> Option<Mutant> {
    let mut fs = frameworks(set);
    let mut candidates = Vec::new();
    for item in elements(&fs) {
        match item {
            Item::Programme(..) => candidates.extend([(item, 0), (item, 1), (item, 2)]),
            Item::Deliverable(..) => candidates.extend([(item, 0), (item, 1)]),
            _ => candidates.push((item, 1)),
        }
    }
    let (item, how) = pick(&candidates, place)?;
    let me = reference(&fs, item);
    match (how, item) {
        (0, _) => contributions_mut(&mut fs, item)?.push(Link::To(me)),
        (2, Item::Programme(fi, pi)) => fs[fi].programmes[pi].succeeds = Some(Box::new(me)),
        _ => {
            let fi = framework_of(item);
            fs[fi].links.push(stated_link(me.clone(), LinkKind::ContributesTo, me));
        }
    }
    rebuild(fs)
}

/// A link between kinds it cannot join: a programme or deliverable
/// contributing to a whole framework or to a programme, a programme
/// citing an output, a programme succeeding an output.
fn link_kind_mismatch(set: &FrameworkSet, place: usize) -> Option<Mutant> {
    let mut fs = frameworks(set);
    let outs = outputs(&fs);
    let progs = programmes(&fs);
    let mut candidates = Vec::new();
    for item in elements(&fs) {
        match item {
            Item::Programme(..) => {
                candidates.push((item, 0));
                if !progs.is_empty() && progs.len() >= 2 {
                    candidates.push((item, 1));
                }
                if !outs.is_empty() {
                    candidates.extend([(item, 2), (item, 3)]);
                }
            }
            Item::Deliverable(..) => {
                candidates.push((item, 0));
                if !progs.is_empty() {
                    candidates.push((item, 1));
                }
            }
            _ => {}
        }
    }
    let (item, how) = pick(&candidates, place)?;
    let then = place / candidates.len();
    let me = reference(&fs, item);
    match how {
        0 => {
            let whole = Ref::Framework(fs[then % fs.len()].id.clone());
            contributions_mut(&mut fs, item)?.push(Link::To(whole));
        }
        1 => {
            let others: Vec<Ref> = progs
                .iter()
                .map(|&(fi, pi)| reference(&fs, Item::Programme(fi, pi)))
                .filter(|r| *r != me)
                .collect();
            let other = pick(&others, then)?;
            contributions_mut(&mut fs, item)?.push(Link::To(other));
        }
        2 => {
            let output = reference(&fs, pick(&outs, then)?);
            let fi = framework_of(item);
            fs[fi].links.push(stated_link(me, LinkKind::Cites, output));
        }
        _ => {
            let output = reference(&fs, pick(&outs, then)?);
            if let Item::Programme(fi, pi) = item {
                fs[fi].programmes[pi].succeeds = Some(Box::new(output));
            }
        }
    }
    rebuild(fs)
}

/// Adds, next to a contribution to an output, a contribution to that
/// output's own outcome.
fn redundant_outcome_link(set: &FrameworkSet, place: usize) -> Option<Mutant> {
    let mut fs = frameworks(set);
    let mut candidates = Vec::new();
    for item in elements(&fs) {
        let links = contributions(&fs, item);
        for link in links {
            if let Some((fi, oi, _)) = find_output(&fs, link.target()) {
                let outcome = reference(&fs, Item::Outcome(fi, oi));
                if !links.iter().any(|l| *l.target() == outcome) {
                    candidates.push((item, outcome));
                }
            }
        }
    }
    let (item, outcome) = pick(&candidates, place)?;
    let list = contributions_mut(&mut fs, item)?;
    let at = (place / candidates.len()) % (list.len() + 1);
    list.insert(at, Link::To(outcome));
    rebuild(fs)
}

/// The same, where the framework states the contribution to the outcome
/// as a stated link (as the Programme and Budget states the flagships'
/// links) while the programme lists the output itself, or the other way
/// round.
fn redundant_outcome_link_stated(set: &FrameworkSet, place: usize) -> Option<Mutant> {
    let mut fs = frameworks(set);
    let mut candidates = Vec::new();
    for item in elements(&fs) {
        for link in contributions(&fs, item) {
            if let Some((fi, oi, _)) = find_output(&fs, link.target()) {
                candidates.push((item, fi, reference(&fs, Item::Outcome(fi, oi))));
            }
        }
    }
    let all = elements(&fs);
    for f in &fs {
        for l in &f.links {
            if l.kind == LinkKind::ContributesTo
                && let Some((gi, oi, _)) = find_output(&fs, &l.to)
                && let Some(&item) = all.iter().find(|&&i| reference(&fs, i) == l.from)
            {
                candidates.push((item, gi, reference(&fs, Item::Outcome(gi, oi))));
            }
        }
    }
    let (item, fi, outcome) = pick(&candidates, place)?;
    let from = reference(&fs, item);
    fs[fi].links.push(stated_link(from, LinkKind::ContributesTo, outcome));
    rebuild(fs)
}

/// Sets the shares of a programme's or deliverable's contributions so that
/// they add up to more than 1.
fn shares_exceed_whole(set: &FrameworkSet, place: usize) -> Option<Mutant> {
    let mut fs = frameworks(set);
    let candidates: Vec<Item> = elements(&fs)
        .into_iter()
        .filter(|&i| contributions(&fs, i).len() >= 2)
        .collect();
    let item = pick(&candidates, place)?;
    let list = contributions_mut(&mut fs, item)?;
    let n = list.len() as f64;
    let share = [0.6, 0.75, 1.0, 1.0 / n + 0.01][(place / candidates.len()) % 4];
    for link in list.iter_mut() {
        *link = Link::Detailed(Box::new(LinkDetail {
            to: link.target().clone(),
            share: Some(Share::new(share).expect("a share from 0 to 1")),
            source: link.source().cloned(),
        }));
    }
    rebuild(fs)
}

/// Takes away every link of a programme: its contributions, SDG codes,
/// standards, and the links other documents state from it.
fn programme_linked_to_nothing(set: &FrameworkSet, place: usize) -> Option<Mutant> {
    let mut fs = frameworks(set);
    // Only programmes that have a link to take away: the others are already
    // linked to nothing (as three of the 1998 global programmes are).
    let stated_from: BTreeSet<Ref> = fs
        .iter()
        .flat_map(|f| &f.links)
        .filter(|l| matches!(l.kind, LinkKind::ContributesTo | LinkKind::Cites))
        .map(|l| l.from.clone())
        .collect();
    let linked: Vec<(usize, usize)> = programmes(&fs)
        .into_iter()
        .filter(|&(fi, pi)| {
            let p = &fs[fi].programmes[pi];
            !p.contributes_to.is_empty()
                || !p.sdg.is_empty()
                || !p.standards.is_empty()
                || stated_from.contains(&reference(&fs, Item::Programme(fi, pi)))
        })
        .collect();
    let (fi, pi) = pick(&linked, place)?;
    let me = reference(&fs, Item::Programme(fi, pi));
    let p = &mut fs[fi].programmes[pi];
    p.contributes_to.clear();
    p.sdg.clear();
    p.standards.clear();
    for f in &mut fs {
        f.links
            .retain(|l| !(l.from == me && matches!(l.kind, LinkKind::ContributesTo | LinkKind::Cites)));
    }
    rebuild(fs)
}

/// Takes away every contribution a programme or deliverable makes to one
/// output, listed or stated.
fn output_without_contributor(set: &FrameworkSet, place: usize) -> Option<Mutant> {
    let mut fs = frameworks(set);
    let contributors: BTreeSet<Ref> = elements(&fs)
        .into_iter()
        .filter(|i| matches!(i, Item::Programme(..) | Item::Deliverable(..)))
        .map(|i| reference(&fs, i))
        .collect();
    let mut served = BTreeSet::new();
    for item in elements(&fs) {
        served.extend(contributions(&fs, item).iter().map(|l| l.target().clone()));
    }
    for f in &fs {
        served.extend(
            f.links
                .iter()
                .filter(|l| l.kind == LinkKind::ContributesTo && contributors.contains(&l.from))
                .map(|l| l.to.clone()),
        );
    }
    let served: Vec<Ref> = served.into_iter().filter(|r| find_output(&fs, r).is_some()).collect();
    let output = pick(&served, place)?;
    for f in &mut fs {
        for p in &mut f.programmes {
            p.contributes_to.retain(|l| *l.target() != output);
        }
        for d in &mut f.deliverables {
            d.contributes_to.retain(|l| *l.target() != output);
        }
        f.links
            .retain(|l| !(l.kind == LinkKind::ContributesTo && l.to == output && contributors.contains(&l.from)));
    }
    rebuild(fs)
}

/// Cites a labour standard that no source cites.
fn uncatalogued_standard(set: &FrameworkSet, place: usize) -> Option<Mutant> {
    let mut fs = frameworks(set);
    let all = elements(&fs);
    let item = pick(&all, place)?;
    let standard: StandardRef = ["C998", "R999", "P997"][(place / all.len()) % 3]
        .parse()
        .expect("a well-formed standard");
    standards_mut(&mut fs, item)?.push(standard);
    rebuild(fs)
}

// --- time ------------------------------------------------------------------

/// Where a period is: a framework's, its plan's, a programme's, a
/// funding's; or a new indicator of an output.
#[derive(Debug, Clone, Copy)]
enum PeriodSlot {
    Framework(usize),
    Plan(usize),
    Programme(usize, usize),
    Funding(usize, usize, usize),
    NewIndicator(usize, usize, usize),
}

fn reverse(p: Period) -> Period {
    Period::new(p.end(), p.start())
}

/// Reverses a period (or gives a new indicator a reversed one).
fn reverse_period(set: &FrameworkSet, place: usize) -> Option<Mutant> {
    let mut fs = frameworks(set);
    let forward = |p: Option<Period>| p.is_some_and(|p| p.start() < p.end());
    let mut slots = Vec::new();
    for (fi, f) in fs.iter().enumerate() {
        if forward(f.period) {
            slots.push(PeriodSlot::Framework(fi));
        }
        if forward(f.plan.as_ref().map(|p| p.period)) {
            slots.push(PeriodSlot::Plan(fi));
        }
        for (pi, p) in f.programmes.iter().enumerate() {
            if forward(p.period) {
                slots.push(PeriodSlot::Programme(fi, pi));
            }
            for (k, funding) in p.funding.iter().enumerate() {
                if forward(funding.period) {
                    slots.push(PeriodSlot::Funding(fi, pi, k));
                }
            }
        }
        for (oi, o) in f.outcomes.iter().enumerate() {
            slots.extend((0..o.outputs.len()).map(|ui| PeriodSlot::NewIndicator(fi, oi, ui)));
        }
    }
    match pick(&slots, place)? {
        PeriodSlot::Framework(fi) => fs[fi].period = fs[fi].period.map(reverse),
        PeriodSlot::Plan(fi) => {
            let plan = fs[fi].plan.as_mut()?;
            plan.period = reverse(plan.period);
        }
        PeriodSlot::Programme(fi, pi) => {
            let p = &mut fs[fi].programmes[pi];
            p.period = p.period.map(reverse);
        }
        PeriodSlot::Funding(fi, pi, k) => {
            let funding = &mut fs[fi].programmes[pi].funding[k];
            funding.period = funding.period.map(reverse);
        }
        PeriodSlot::NewIndicator(fi, oi, ui) => {
            let mut indicator = Indicator::new("mutant indicator");
            indicator.period = Some(reverse(Period::years(2022, 2023)));
            fs[fi].outcomes[oi].outputs[ui].indicators.push(indicator);
        }
    }
    rebuild(fs)
}

/// The period a plan of deliverables runs over, when it is not reversed.
fn plan_period(f: &Framework) -> Option<Period> {
    f.effective_period().filter(|p| !p.is_reversed())
}

/// Moves one quarter of a deliverable to a quarter just before or after its
/// plan's period.
fn quarter_outside_plan(set: &FrameworkSet, place: usize) -> Option<Mutant> {
    let mut fs = frameworks(set);
    let mut candidates = Vec::new();
    for (fi, f) in fs.iter().enumerate() {
        if plan_period(f).is_none() {
            continue;
        }
        for (di, d) in f.deliverables.iter().enumerate() {
            candidates.extend((0..d.timeframe.len()).map(|qi| (fi, di, qi)));
        }
    }
    let (fi, di, qi) = pick(&candidates, place)?;
    let period = plan_period(&fs[fi])?;
    let then = place / candidates.len();
    let mut outside = if then.is_multiple_of(2) {
        Quarter::containing(period.end()).next()?
    } else {
        Quarter::containing(period.start()).previous()?
    };
    for _ in 0..(then / 2) % 4 {
        outside = if then.is_multiple_of(2) {
            outside.next()?
        } else {
            outside.previous()?
        };
    }
    let d = &mut fs[fi].deliverables[di];
    let moved = d.timeframe.iter().nth(qi)?;
    d.timeframe = d.timeframe.iter().filter(|q| *q != moved).chain([outside]).collect();
    rebuild(fs)
}

/// Removes an inner quarter of a run of three or more.
fn timeframe_with_holes(set: &FrameworkSet, place: usize) -> Option<Mutant> {
    let mut fs = frameworks(set);
    let mut candidates = Vec::new();
    for (fi, f) in fs.iter().enumerate() {
        for (di, d) in f.deliverables.iter().enumerate() {
            for q in d.timeframe.iter() {
                if [q.previous(), q.next()]
                    .into_iter()
                    .all(|n| n.is_some_and(|n| d.timeframe.contains(n)))
                {
                    candidates.push((fi, di, q));
                }
            }
        }
    }
    let (fi, di, hole) = pick(&candidates, place)?;
    let d = &mut fs[fi].deliverables[di];
    d.timeframe = d.timeframe.iter().filter(|q| *q != hole).collect();
    rebuild(fs)
}

/// Empties the timeframe of one deliverable of a plan of action whose
/// other deliverables are scheduled.
fn empty_timeframe(set: &FrameworkSet, place: usize) -> Option<Mutant> {
    let mut fs = frameworks(set);
    let mut candidates = Vec::new();
    for (fi, f) in fs.iter().enumerate() {
        let scheduled: Vec<usize> = (0..f.deliverables.len())
            .filter(|&di| !f.deliverables[di].timeframe.is_empty())
            .collect();
        if f.kind == FrameworkKind::PlanOfAction && scheduled.len() >= 2 {
            candidates.extend(scheduled.into_iter().map(|di| (fi, di)));
        }
    }
    let (fi, di) = pick(&candidates, place)?;
    fs[fi].deliverables[di].timeframe = Timeframe::new();
    rebuild(fs)
}

/// Sets a programme target's due year one to four years outside the
/// programme's period.
fn target_due_outside_period(set: &FrameworkSet, place: usize) -> Option<Mutant> {
    let mut fs = frameworks(set);
    let mut candidates = Vec::new();
    for (fi, f) in fs.iter().enumerate() {
        for (pi, p) in f.programmes.iter().enumerate() {
            if p.period.is_some_and(|p| !p.is_reversed()) {
                candidates.extend((0..p.targets.len()).map(|ti| (fi, pi, ti)));
            }
        }
    }
    let (fi, pi, ti) = pick(&candidates, place)?;
    let p = &mut fs[fi].programmes[pi];
    let period = p.period?;
    let then = place / candidates.len();
    let by = 1 + (then / 2 % 4) as i32;
    let year = if then.is_multiple_of(2) {
        year_of(period.end()) + by
    } else {
        year_of(period.start()) - by
    };
    p.targets[ti].due = Some(PartialDate::from_year(year).ok()?);
    rebuild(fs)
}

/// Frameworks with a plan and a period of their own, neither reversed.
fn planned(fs: &[Framework]) -> Vec<usize> {
    (0..fs.len())
        .filter(|&fi| {
            fs[fi].plan.as_ref().is_some_and(|p| !p.period.is_reversed())
                && fs[fi].effective_period().is_some_and(|p| !p.is_reversed())
        })
        .collect()
}

/// Moves a framework's biennium and period past its plan's end, or moves
/// the plan away from them.
fn biennium_outside_plan(set: &FrameworkSet, place: usize) -> Option<Mutant> {
    let mut fs = frameworks(set);
    let candidates = planned(&fs);
    let fi = pick(&candidates, place)?;
    let then = place / candidates.len();
    let f = &mut fs[fi];
    let plan = f.plan.clone()?;
    let own = f.effective_period()?;
    let by = (then / 2 % 3) as i32;
    if then.is_multiple_of(2) {
        let first = year_of(plan.period.end()) + 1 + by;
        if f.biennium.is_some() {
            f.biennium = Some(Biennium::starting(first).ok()?);
        }
        if f.period.is_some() {
            f.period = Some(Period::years(first, first + 1));
        }
    } else {
        let first = year_of(own.end()) + 1 + by;
        f.plan.as_mut()?.period = Period::years(first, first + 3);
    }
    rebuild(fs)
}

/// Moves only the biennium past the plan's end, leaving the period as it
/// was (so the two disagree as well).
fn biennium_only_outside_plan(set: &FrameworkSet, place: usize) -> Option<Mutant> {
    let mut fs = frameworks(set);
    let candidates: Vec<usize> = planned(&fs)
        .into_iter()
        .filter(|&fi| fs[fi].biennium.is_some() && fs[fi].period.is_some())
        .collect();
    let fi = pick(&candidates, place)?;
    let f = &mut fs[fi];
    let first = year_of(f.plan.as_ref()?.period.end()) + 1 + ((place / candidates.len()) % 3) as i32;
    f.biennium = Some(Biennium::starting(first).ok()?);
    rebuild(fs)
}

/// Makes a framework's period differ from its biennium's two years.
fn period_biennium_mismatch(set: &FrameworkSet, place: usize) -> Option<Mutant> {
    let mut fs = frameworks(set);
    let candidates: Vec<usize> = (0..fs.len()).filter(|&fi| fs[fi].biennium.is_some()).collect();
    let fi = pick(&candidates, place)?;
    let f = &mut fs[fi];
    let b = f.biennium?;
    f.period = Some(match (place / candidates.len()) % 3 {
        0 => Period::years(b.first_year(), b.first_year()),
        1 => Period::years(b.first_year(), b.last_year() + 1),
        _ => Period::years(b.first_year() + 1, b.last_year() + 1),
    });
    rebuild(fs)
}

// --- numbers ---------------------------------------------------------------

/// Changes one regional count of a coverage whose regions add up to its
/// total.
fn regional_sum_mismatch(set: &FrameworkSet, place: usize) -> Option<Mutant> {
    let mut fs = frameworks(set);
    let mut candidates = Vec::new();
    for (fi, pi) in programmes(&fs) {
        let Some(c) = &fs[fi].programmes[pi].coverage else {
            continue;
        };
        if c.total.is_some() && c.regional_sum() == c.total {
            candidates.extend(Region::ALL.into_iter().map(|r| (fi, pi, r)));
        }
    }
    let (fi, pi, region) = pick(&candidates, place)?;
    let c = fs[fi].programmes[pi].coverage.as_mut()?;
    let delta = [1i64, 2, 5, -1, -2][(place / candidates.len()) % 5];
    let slot = match region {
        Region::Africa => &mut c.africa,
        Region::ArabStates => &mut c.arab_states,
        Region::AsiaPacific => &mut c.asia_pacific,
        Region::EuropeCentralAsia => &mut c.europe_central_asia,
        Region::Americas => &mut c.americas,
    };
    let n = i64::from(slot.unwrap_or(0));
    let changed = if n + delta < 0 { n + delta.abs() } else { n + delta };
    *slot = Some(u32::try_from(changed).ok()?);
    rebuild(fs)
}

/// Where a quantity is: a programme target, a funding amount; or a new
/// funding, or a new indicator's baseline or target.
#[derive(Debug, Clone, Copy)]
enum QuantitySlot {
    Target(usize, usize, usize),
    Funding(usize, usize, usize),
    NewFunding(usize, usize),
    NewIndicator(usize, usize, usize, bool),
}

fn negative_quantity(set: &FrameworkSet, place: usize) -> Option<Mutant> {
    let mut fs = frameworks(set);
    let mut slots = Vec::new();
    for (fi, pi) in programmes(&fs) {
        let p = &fs[fi].programmes[pi];
        for (ti, t) in p.targets.iter().enumerate() {
            if t.quantity.is_some() {
                slots.push(QuantitySlot::Target(fi, pi, ti));
            }
        }
        for (k, funding) in p.funding.iter().enumerate() {
            if funding.amount.is_some() {
                slots.push(QuantitySlot::Funding(fi, pi, k));
            }
        }
        slots.push(QuantitySlot::NewFunding(fi, pi));
    }
    for item in outputs(&fs) {
        if let Item::Output(fi, oi, ui) = item {
            slots.push(QuantitySlot::NewIndicator(fi, oi, ui, false));
            slots.push(QuantitySlot::NewIndicator(fi, oi, ui, true));
        }
    }
    let slot = pick(&slots, place)?;
    // Negating alone would leave a zero at -0.0, which is not below zero.
    let negative = |v: f64| -(v.abs().max(1.0));
    match slot {
        QuantitySlot::Target(fi, pi, ti) => {
            let q = &mut fs[fi].programmes[pi].targets[ti].quantity;
            *q = q.map(negative);
        }
        QuantitySlot::Funding(fi, pi, k) => {
            let a = &mut fs[fi].programmes[pi].funding[k].amount;
            *a = a.map(negative);
        }
        QuantitySlot::NewFunding(fi, pi) => {
            let mut funding = Funding::default();
            funding.amount = Some(-250_000.0);
            funding.currency = Some("USD".into());
            fs[fi].programmes[pi].funding.push(funding);
        }
        QuantitySlot::NewIndicator(fi, oi, ui, baseline) => {
            let mut indicator = Indicator::new("mutant indicator");
            if baseline {
                indicator.baseline = Some(Value::Number(-3.0));
            } else {
                indicator.target = Some(Value::Number(-20.0));
            }
            fs[fi].outcomes[oi].outputs[ui].indicators.push(indicator);
        }
    }
    rebuild(fs)
}

/// States one fact twice with two values: a copy, with another value, of a
/// claim the source makes consistently; or a new pair about a programme or
/// a framework.
fn conflicting_claims(set: &FrameworkSet, place: usize) -> Option<Mutant> {
    let mut fs = frameworks(set);
    #[derive(Clone)]
    enum Place {
        Copy(usize, usize),
        New(usize, Ref, &'static str, ClaimValue),
    }
    let mut candidates = Vec::new();
    for (fi, f) in fs.iter().enumerate() {
        for (ci, c) in f.claims.iter().enumerate() {
            let consistent = f
                .claims
                .iter()
                .filter(|d| d.is_about_same_fact(c))
                .all(|d| d.value == c.value);
            if consistent {
                candidates.push(Place::Copy(fi, ci));
            }
        }
        if !f.claims.iter().any(|c| c.subject == Ref::Framework(f.id.clone())) {
            let count = ClaimValue::Number(f.outputs().count() as i64);
            candidates.push(Place::New(fi, Ref::Framework(f.id.clone()), "count.outputs", count));
        }
    }
    for (fi, pi) in programmes(&fs) {
        let me = reference(&fs, Item::Programme(fi, pi));
        if !fs[fi].claims.iter().any(|c| c.subject == me) {
            let name = ClaimValue::Text(fs[fi].programmes[pi].name.to_string());
            candidates.push(Place::New(fi, me, "name", name));
        }
    }
    let chosen = pick(&candidates, place)?;
    let other = |v: &ClaimValue| match v {
        ClaimValue::Number(n) => ClaimValue::Number(n + 1),
        ClaimValue::Text(t) => ClaimValue::Text(format!("{t} (as printed elsewhere)")),
        other => ClaimValue::Text(format!("{other} (as printed elsewhere)")),
    };
    match chosen {
        Place::Copy(fi, ci) => {
            let mut copy = fs[fi].claims[ci].clone();
            copy.value = other(&copy.value);
            copy.source = Provenance::line(2);
            fs[fi].claims.push(copy);
        }
        Place::New(fi, subject, property, value) => {
            let changed = other(&value);
            fs[fi]
                .claims
                .push(Claim::new(subject.clone(), property, value, Provenance::line(1)));
            fs[fi]
                .claims
                .push(Claim::new(subject, property, changed, Provenance::line(2)));
        }
    }
    rebuild(fs)
}

/// States, once, a count or name that disagrees with what the framework
/// holds.
fn claim_contradicts_model(set: &FrameworkSet, place: usize) -> Option<Mutant> {
    let mut fs = frameworks(set);
    let mut candidates = Vec::new();
    for (fi, f) in fs.iter().enumerate() {
        let whole = Ref::Framework(f.id.clone());
        let held = [
            ("count.outcomes", f.outcomes.len()),
            ("count.outputs", f.outputs().count()),
            ("count.programmes", f.programmes.len()),
            ("count.deliverables", f.deliverables.len()),
        ];
        for (property, n) in held {
            if !f.claims.iter().any(|c| c.subject == whole && c.property == property) {
                candidates.push((fi, whole.clone(), property, ClaimValue::Number(n as i64 + 1)));
            }
        }
    }
    for (fi, pi) in programmes(&fs) {
        let me = reference(&fs, Item::Programme(fi, pi));
        let p = &fs[fi].programmes[pi];
        let mut held = vec![("name", ClaimValue::Text(format!("{} (mutant)", p.name)))];
        if let Some(total) = p.coverage.as_ref().and_then(|c| c.total) {
            held.push(("countries.total", ClaimValue::Number(i64::from(total) + 3)));
        }
        for (property, value) in held {
            if !fs[fi].claims.iter().any(|c| c.subject == me && c.property == property) {
                candidates.push((fi, me.clone(), property, value));
            }
        }
    }
    let (fi, subject, property, value) = pick(&candidates, place)?;
    fs[fi]
        .claims
        .push(Claim::new(subject, property, value, Provenance::line(1)));
    rebuild(fs)
}

// --- probes: corners of the rules' summaries -------------------------------

/// Programmes and deliverables: the elements that list contributions.
fn contributors(fs: &[Framework]) -> Vec<Item> {
    elements(fs)
        .into_iter()
        .filter(|i| matches!(i, Item::Programme(..) | Item::Deliverable(..)))
        .collect()
}

/// Adds a contribution to an SDG code (`contributes_to = ["sdg:8.99"]`).
fn contribute_to_sdg(set: &FrameworkSet, place: usize, codes: &[&str]) -> Option<Mutant> {
    let mut fs = frameworks(set);
    let all = contributors(&fs);
    let item = pick(&all, place)?;
    let code: SdgCode = codes[(place / all.len()) % codes.len()]
        .parse()
        .expect("a well-formed code");
    contributions_mut(&mut fs, item)?.push(Link::To(Ref::Sdg(code)));
    rebuild(fs)
}

fn unknown_sdg_in_contribution(set: &FrameworkSet, place: usize) -> Option<Mutant> {
    contribute_to_sdg(set, place, &UNKNOWN_SDG_CODES)
}

fn retired_sdg_in_contribution(set: &FrameworkSet, place: usize) -> Option<Mutant> {
    contribute_to_sdg(set, place, &RETIRED_SDG_CODES)
}

/// As [`sdg_code_case`], but writes the code as a TOML literal string:
/// `"8.b"` → `'8.B'`.
fn sdg_code_case_literal_string(set: &FrameworkSet, place: usize) -> Option<Mutant> {
    let Mutant::Text { origin, base, mutated } = sdg_code_case(set, place)? else {
        return None;
    };
    // The one byte that differs is the letter; its quotes are the nearest
    // double quotes either side.
    let at = base.bytes().zip(mutated.bytes()).position(|(a, b)| a != b)?;
    let open = mutated[..at].rfind('"')?;
    let close = at + mutated[at..].find('"')?;
    let mut literal = mutated;
    literal.replace_range(close..=close, "'");
    literal.replace_range(open..=open, "'");
    Some(Mutant::Text {
        origin,
        base,
        mutated: literal,
    })
}

/// A framework states that an element cites a labour standard no source
/// cites (a stated `cites` link to `ils:C998`).
fn uncatalogued_standard_stated(set: &FrameworkSet, place: usize) -> Option<Mutant> {
    let mut fs = frameworks(set);
    let all = elements(&fs);
    let item = pick(&all, place)?;
    let standard: StandardRef = ["C998", "R999", "P997"][(place / all.len()) % 3]
        .parse()
        .expect("a well-formed standard");
    let from = reference(&fs, item);
    fs[framework_of(item)]
        .links
        .push(stated_link(from, LinkKind::Cites, Ref::Standard(standard)));
    rebuild(fs)
}

/// Where a label is: a programme target's, or a new indicator's.
fn set_label(set: &FrameworkSet, place: usize, label: impl Fn(&str, usize) -> String) -> Option<Mutant> {
    let mut fs = frameworks(set);
    let mut slots = Vec::new();
    for (fi, pi) in programmes(&fs) {
        slots.extend((0..fs[fi].programmes[pi].targets.len()).map(|ti| (Some((fi, pi, ti)), None)));
    }
    for item in outputs(&fs) {
        slots.push((None, Some(item)));
    }
    let chosen = pick(&slots, place)?;
    let then = place / slots.len();
    match chosen {
        (Some((fi, pi, ti)), _) => {
            let target = &mut fs[fi].programmes[pi].targets[ti];
            target.label = label(&target.label, then).into();
        }
        (None, Some(Item::Output(fi, oi, ui))) => {
            let indicator = Indicator::new(label("Member States with a national policy", then));
            fs[fi].outcomes[oi].outputs[ui].indicators.push(indicator);
        }
        _ => return None,
    }
    rebuild(fs)
}

fn empty_label(set: &FrameworkSet, place: usize) -> Option<Mutant> {
    set_label(set, place, |_, then| EMPTY_TITLES[then % EMPTY_TITLES.len()].to_owned())
}

fn untrimmed_label(set: &FrameworkSet, place: usize) -> Option<Mutant> {
    set_label(set, place, |label, then| match then % 3 {
        0 => format!(" {label}"),
        1 => format!("{label} "),
        _ => format!("{label}  x"),
    })
}

/// Puts a control character into a title: a terminal escape, a bell, a
/// carriage return, a right-to-left override.
fn control_character(set: &FrameworkSet, place: usize) -> Option<Mutant> {
    let mut fs = frameworks(set);
    let all = items(&fs);
    let item = pick(&all, place)?;
    let control = ["\u{1b}[2J", "\u{7}", "\r", "\u{202e}"][(place / all.len()) % 4];
    change_title(&mut fs, item, |title| format!("{title}{control}mutant"));
    rebuild(fs)
}

/// Doubles white space inside a title with something other than two
/// spaces: a space and a tab, two tabs, two line breaks.
fn doubled_inner_white_space(set: &FrameworkSet, place: usize) -> Option<Mutant> {
    let mut fs = frameworks(set);
    let all = items(&fs);
    let item = pick(&all, place)?;
    let doubled = [" \t", "\t\t", "\n\n", "\t "][(place / all.len()) % 4];
    change_title(&mut fs, item, |title| match title.split_once(' ') {
        Some((head, tail)) => format!("{head}{doubled}{tail}"),
        None => format!("{title}{doubled}mutant"),
    });
    rebuild(fs)
}

/// A framework states two contributions of one programme or deliverable to
/// two outputs it does not list itself, with shares that add up to more
/// than 1.
fn stated_shares_exceed_whole(set: &FrameworkSet, place: usize) -> Option<Mutant> {
    let mut fs = frameworks(set);
    let outs = outputs(&fs);
    let all: Vec<Item> = contributors(&fs)
        .into_iter()
        .filter(|&i| contributions(&fs, i).iter().all(|l| l.share().is_none()))
        .collect();
    let item = pick(&all, place)?;
    let from = reference(&fs, item);
    let listed: Vec<Ref> = contributions(&fs, item).iter().map(|l| l.target().clone()).collect();
    let free: Vec<Item> = outs
        .into_iter()
        .filter(|&o| !listed.contains(&reference(&fs, o)))
        .collect();
    let (a, b) = two_distinct(free.len(), place / all.len())?;
    let share = [0.6, 0.75, 1.0][(place / all.len()) % 3];
    for o in [free[a], free[b]] {
        let mut link = stated_link(from.clone(), LinkKind::ContributesTo, reference(&fs, o));
        link.share = Some(Share::new(share).expect("a share from 0 to 1"));
        fs[framework_of(o)].links.push(link);
    }
    rebuild(fs)
}

// --- results ---------------------------------------------------------------
//
// The synthetic and built-in bases have no progress report and no
// indicators: these operators add what the rule reads (an indicator, a
// report observing the base) together with the break, so that the base
// itself stays free of the rule's findings.

/// The id of the progress report the results operators add.
const MUTANT_REPORT: &str = "mutant-progress";

/// The date most added reports speak as of.
fn report_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 12, 31).expect("a calendar day")
}

/// A day of the calendar.
fn day(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("a calendar day")
}

/// An empty progress report dated `date`.
fn new_report(date: NaiveDate) -> Option<ProgressReport> {
    Some(ProgressReport::new(
        MUTANT_REPORT.parse().expect("a framework id"),
        "Mutant progress",
        PartialDate::from_day(date).ok()?,
    ))
}

/// A set of edited frameworks and one progress report on them.
fn rebuild_with_report(frameworks: Vec<Framework>, report: ProgressReport) -> Option<Mutant> {
    let mut set = FrameworkSet::new();
    for f in frameworks {
        set.insert(f).expect("framework ids stay distinct");
    }
    set.insert_report(report).expect("the report's id is no framework's");
    Some(Mutant::Set(set))
}

/// The elements that hold indicators: outcomes, outputs and programmes.
fn indicator_holders(fs: &[Framework]) -> Vec<Item> {
    items(fs)
        .into_iter()
        .filter(|i| matches!(i, Item::Outcome(..) | Item::Output(..) | Item::Programme(..)))
        .collect()
}

fn indicators_mut(fs: &mut [Framework], item: Item) -> Option<&mut Vec<Indicator>> {
    match item {
        Item::Outcome(fi, oi) => Some(&mut fs[fi].outcomes[oi].indicators),
        Item::Output(fi, oi, ui) => Some(&mut fs[fi].outcomes[oi].outputs[ui].indicators),
        Item::Programme(fi, pi) => Some(&mut fs[fi].programmes[pi].indicators),
        Item::Framework(_) | Item::Deliverable(..) => None,
    }
}

/// Gives the element at `item` one more indicator; returns the element's
/// reference and the indicator's number (from 1), for a report to observe.
fn push_indicator(fs: &mut [Framework], item: Item, indicator: Indicator) -> Option<(Ref, u32)> {
    let list = indicators_mut(fs, item)?;
    list.push(indicator);
    let number = u32::try_from(list.len()).ok()?;
    Some((reference(fs, item), number))
}

fn observe_indicator(element: Ref, indicator: u32, period: Period, value: Value) -> IndicatorObservation {
    IndicatorObservation::new(element, indicator, period, value)
}

fn observe_deliverable(element: Ref, status: DeliverableStatus, completed: Option<Quarter>) -> DeliverableObservation {
    let mut observation = DeliverableObservation::new(element, status);
    observation.completed = completed;
    observation
}

fn observe_target(element: Ref, target: u32, value: Value) -> TargetObservation {
    TargetObservation::new(element, target, value)
}

/// A reporting period with a total actual.
fn period_with_actual(period: Period, actual: Value) -> IndicatorPeriod {
    let mut p = IndicatorPeriod::new(period);
    p.actual = DataPoints::total(actual);
    p
}

/// Periods outside 2022–23: after it, before it, overlapping its end.
fn outside_2022_23(which: usize) -> Period {
    [
        Period::years(2024, 2024),
        Period::years(2020, 2021),
        Period::new(day(2023, 7, 1), day(2024, 6, 30)),
    ][which % 3]
}

/// Gives an element a new indicator over 2022–23 with an actual for a
/// reporting period outside it.
fn actual_outside_period(set: &FrameworkSet, place: usize) -> Option<Mutant> {
    let mut fs = frameworks(set);
    let holders = indicator_holders(&fs);
    let item = pick(&holders, place)?;
    let mut indicator = Indicator::new("mutant indicator");
    indicator.period = Some(Period::years(2022, 2023));
    indicator
        .periods
        .push(period_with_actual(Period::years(2022, 2022), Value::Number(3.0)));
    let outside = outside_2022_23(place / holders.len());
    indicator.periods.push(period_with_actual(outside, Value::Number(5.0)));
    indicators_mut(&mut fs, item)?.push(indicator);
    rebuild(fs)
}

/// Gives an element a new indicator over 2022–23 (its own period, or two
/// yearly reporting periods) and a report with an actual for a period
/// outside it.
fn reported_actual_outside_period(set: &FrameworkSet, place: usize) -> Option<Mutant> {
    let mut fs = frameworks(set);
    let holders = indicator_holders(&fs);
    let item = pick(&holders, place)?;
    let then = place / holders.len();
    let mut indicator = Indicator::new("mutant indicator");
    if then.is_multiple_of(2) {
        indicator.period = Some(Period::years(2022, 2023));
    } else {
        for year in [2022, 2023] {
            let mut p = IndicatorPeriod::new(Period::years(year, year));
            p.target = DataPoints::total(Value::Number(10.0));
            indicator.periods.push(p);
        }
    }
    let (element, number) = push_indicator(&mut fs, item, indicator)?;
    let mut report = new_report(report_day())?;
    let observation = observe_indicator(element, number, outside_2022_23(then / 2), Value::Number(5.0));
    report.indicators.push(observation);
    rebuild_with_report(fs, report)
}

/// Gives an element a new indicator with a value of the wrong kind: a
/// number for a qualitative measure, a text for a quantitative one (as
/// its baseline, its target or a period's actual).
fn value_kind_mismatch(set: &FrameworkSet, place: usize) -> Option<Mutant> {
    let mut fs = frameworks(set);
    let holders = indicator_holders(&fs);
    let item = pick(&holders, place)?;
    let then = place / holders.len();
    let quantitative = [Measure::Unit, Measure::Percentage, Measure::Nominal, Measure::Ordinal];
    let mut indicator = Indicator::new("mutant indicator");
    match then % 4 {
        0 => {
            indicator.measure = Measure::Qualitative;
            indicator.baseline = Some(Value::Number(0.0));
        }
        1 => {
            indicator.measure = Measure::Qualitative;
            indicator.baseline = Some(Value::from("none"));
            indicator.target = Some(Value::Number(1.0));
        }
        2 => {
            indicator.measure = quantitative[(then / 4) % quantitative.len()];
            indicator.target = Some(Value::from("many"));
        }
        _ => {
            indicator.measure = quantitative[(then / 4) % quantitative.len()];
            let period = period_with_actual(Period::years(2022, 2022), Value::from("some"));
            indicator.periods.push(period);
        }
    }
    indicators_mut(&mut fs, item)?.push(indicator);
    rebuild(fs)
}

/// Where a report gives a value of the wrong kind.
#[derive(Debug, Clone, Copy)]
enum ReportedKindSlot {
    /// A text for a programme target with a quantity.
    TargetText(usize, usize, usize),
    /// A text actual for a new quantitative indicator of an element.
    ActualText(Item),
    /// A number actual for a new qualitative indicator of an element.
    ActualNumber(Item),
}

/// Adds a report that gives a value of the wrong kind.
fn reported_value_kind_mismatch(set: &FrameworkSet, place: usize) -> Option<Mutant> {
    let mut fs = frameworks(set);
    let mut slots = Vec::new();
    for (fi, pi) in programmes(&fs) {
        let targets = &fs[fi].programmes[pi].targets;
        for (ti, t) in targets.iter().enumerate() {
            if t.quantity.is_some() {
                slots.push(ReportedKindSlot::TargetText(fi, pi, ti));
            }
        }
    }
    for item in indicator_holders(&fs) {
        slots.push(ReportedKindSlot::ActualText(item));
        slots.push(ReportedKindSlot::ActualNumber(item));
    }
    let mut report = new_report(report_day())?;
    let year = Period::years(2024, 2024);
    match pick(&slots, place)? {
        ReportedKindSlot::TargetText(fi, pi, ti) => {
            let element = reference(&fs, Item::Programme(fi, pi));
            let number = u32::try_from(ti + 1).ok()?;
            report
                .targets
                .push(observe_target(element, number, Value::from("most of them")));
        }
        ReportedKindSlot::ActualText(item) => {
            let (element, number) = push_indicator(&mut fs, item, Indicator::new("mutant indicator"))?;
            report
                .indicators
                .push(observe_indicator(element, number, year, Value::from("about forty")));
        }
        ReportedKindSlot::ActualNumber(item) => {
            let mut indicator = Indicator::new("mutant indicator");
            indicator.measure = Measure::Qualitative;
            let (element, number) = push_indicator(&mut fs, item, indicator)?;
            report
                .indicators
                .push(observe_indicator(element, number, year, Value::Number(1.0)));
        }
    }
    rebuild_with_report(fs, report)
}

/// Values no percentage takes.
const BAD_PERCENTAGES: [f64; 4] = [120.0, 5000.0, 100.5, 250.0];

/// Gives an element a new percentage indicator with a value above 100: its
/// baseline, its target, a period's actual, or an actual a report gives.
fn percentage_out_of_range(set: &FrameworkSet, place: usize) -> Option<Mutant> {
    let mut fs = frameworks(set);
    let holders = indicator_holders(&fs);
    let item = pick(&holders, place)?;
    let then = place / holders.len();
    let bad = Value::Number(BAD_PERCENTAGES[(then / 4) % BAD_PERCENTAGES.len()]);
    let mut indicator = Indicator::new("mutant share");
    indicator.measure = Measure::Percentage;
    match then % 4 {
        0 => indicator.baseline = Some(bad),
        1 => indicator.target = Some(bad),
        2 => indicator
            .periods
            .push(period_with_actual(Period::years(2022, 2022), bad)),
        _ => {
            let (element, number) = push_indicator(&mut fs, item, indicator)?;
            let mut report = new_report(report_day())?;
            report
                .indicators
                .push(observe_indicator(element, number, Period::years(2024, 2024), bad));
            return rebuild_with_report(fs, report);
        }
    }
    indicators_mut(&mut fs, item)?.push(indicator);
    rebuild(fs)
}

/// Gives an element a new indicator whose target lies on the wrong side
/// of its baseline: below it when ascending, above it when descending, as
/// the short-form target or a period's total target.
fn target_wrong_side(set: &FrameworkSet, place: usize) -> Option<Mutant> {
    let mut fs = frameworks(set);
    let holders = indicator_holders(&fs);
    let item = pick(&holders, place)?;
    let then = place / holders.len();
    let mut indicator = Indicator::new("mutant indicator");
    let (baseline, target) = if then.is_multiple_of(2) {
        (50.0, 30.0)
    } else {
        indicator.direction = Direction::Descending;
        (10.0, 20.0)
    };
    indicator.baseline = Some(Value::Number(baseline));
    if (then / 2).is_multiple_of(2) {
        indicator.target = Some(Value::Number(target));
    } else {
        let mut p = IndicatorPeriod::new(Period::years(2023, 2023));
        p.target = DataPoints::total(Value::Number(target));
        indicator.periods.push(p);
    }
    indicators_mut(&mut fs, item)?.push(indicator);
    rebuild(fs)
}

/// What a report observes that no loaded framework holds as observed.
#[derive(Debug, Clone, Copy)]
enum ObservedSlot {
    /// An element that does not exist, in the framework of this one.
    Missing(Item),
    /// A deliverable's status for an element that is no deliverable.
    StatusOf(Item),
    /// A target's value for an element that is no programme.
    TargetOf(Item),
    /// An indicator's actual for a deliverable.
    ActualOf(Item),
    /// A target number beyond a programme's targets (or 0).
    TargetNumber(usize, usize),
    /// An indicator number beyond an element's indicators (or 0).
    IndicatorNumber(Item),
}

/// Adds a report that observes something no loaded framework holds: a
/// missing element, an element of the wrong kind, a target or indicator
/// number out of range.
fn unknown_observed_element(set: &FrameworkSet, place: usize) -> Option<Mutant> {
    let fs = frameworks(set);
    let mut slots = Vec::new();
    for item in elements(&fs) {
        slots.push(ObservedSlot::Missing(item));
        match item {
            Item::Deliverable(..) => {
                slots.push(ObservedSlot::TargetOf(item));
                slots.push(ObservedSlot::ActualOf(item));
            }
            Item::Programme(fi, pi) => {
                slots.push(ObservedSlot::StatusOf(item));
                slots.push(ObservedSlot::TargetNumber(fi, pi));
                slots.push(ObservedSlot::IndicatorNumber(item));
            }
            _ => {
                slots.push(ObservedSlot::StatusOf(item));
                slots.push(ObservedSlot::TargetOf(item));
                slots.push(ObservedSlot::IndicatorNumber(item));
            }
        }
    }
    let slot = pick(&slots, place)?;
    let zero = (place / slots.len()).is_multiple_of(2);
    let mut report = new_report(report_day())?;
    let year = Period::years(2024, 2024);
    match slot {
        ObservedSlot::Missing(item) => {
            let framework = fs[framework_of(item)].id.clone();
            let missing = Ref::element(framework, code_of(&"mutant-missing"));
            match item {
                Item::Deliverable(..) => {
                    report
                        .deliverables
                        .push(observe_deliverable(missing, DeliverableStatus::InProgress, None))
                }
                Item::Programme(..) => report.targets.push(observe_target(missing, 1, Value::Number(1.0))),
                _ => report
                    .indicators
                    .push(observe_indicator(missing, 1, year, Value::Number(1.0))),
            }
        }
        ObservedSlot::StatusOf(item) => report.deliverables.push(observe_deliverable(
            reference(&fs, item),
            DeliverableStatus::NotStarted,
            None,
        )),
        ObservedSlot::TargetOf(item) => {
            let observation = observe_target(reference(&fs, item), 1, Value::Number(1.0));
            report.targets.push(observation);
        }
        ObservedSlot::ActualOf(item) => {
            let observation = observe_indicator(reference(&fs, item), 1, year, Value::Number(1.0));
            report.indicators.push(observation);
        }
        ObservedSlot::TargetNumber(fi, pi) => {
            let count = fs[fi].programmes[pi].targets.len();
            let number = if zero { 0 } else { u32::try_from(count + 1).ok()? };
            let observation = observe_target(reference(&fs, Item::Programme(fi, pi)), number, Value::Number(1.0));
            report.targets.push(observation);
        }
        ObservedSlot::IndicatorNumber(item) => {
            let count = indicators_of(&fs, item).len();
            let number = if zero { 0 } else { u32::try_from(count + 1).ok()? };
            let observation = observe_indicator(reference(&fs, item), number, year, Value::Number(1.0));
            report.indicators.push(observation);
        }
    }
    rebuild_with_report(fs, report)
}

fn indicators_of(fs: &[Framework], item: Item) -> &[Indicator] {
    match item {
        Item::Outcome(fi, oi) => &fs[fi].outcomes[oi].indicators,
        Item::Output(fi, oi, ui) => &fs[fi].outcomes[oi].outputs[ui].indicators,
        Item::Programme(fi, pi) => &fs[fi].programmes[pi].indicators,
        Item::Framework(_) | Item::Deliverable(..) => &[],
    }
}

/// Adds a report dated before a framework it observes was issued (giving
/// the framework an issue date, the start of its period, when it has none).
/// The report observes a deliverable of the framework, or else the actual
/// of a new indicator of one of its elements.
fn report_before_framework(set: &FrameworkSet, place: usize) -> Option<Mutant> {
    let mut fs = frameworks(set);
    let candidates: Vec<usize> = (0..fs.len())
        .filter(|&fi| {
            items(&fs)
                .iter()
                .any(|&i| i != Item::Framework(fi) && framework_of(i) == fi)
        })
        .collect();
    let fi = pick(&candidates, place)?;
    let then = place / candidates.len();
    let issued = match fs[fi].date {
        Some(date) => date,
        None => {
            let start = fs[fi].effective_period().map_or(day(2020, 1, 1), Period::start);
            let date = PartialDate::from_day(start).ok()?;
            fs[fi].date = Some(date);
            date
        }
    };
    let before = issued
        .period()
        .start()
        .checked_sub_days(chrono::Days::new(1 + (then % 400) as u64))?;
    let mut report = new_report(before)?;
    let f = &fs[fi];
    if let Some(d) = pick(&f.deliverables, then) {
        let element = element(&f.id, &d.code);
        report
            .deliverables
            .push(observe_deliverable(element, DeliverableStatus::NotStarted, None));
    } else {
        let holders: Vec<Item> = indicator_holders(&fs)
            .into_iter()
            .filter(|&i| framework_of(i) == fi)
            .collect();
        let item = pick(&holders, then)?;
        let (element, number) = push_indicator(&mut fs, item, Indicator::new("mutant indicator"))?;
        let period = Period::new(before, before);
        report
            .indicators
            .push(observe_indicator(element, number, period, Value::Number(1.0)));
    }
    rebuild_with_report(fs, report)
}

/// Deliverables scheduled in at least one quarter, with their last one.
fn scheduled(fs: &[Framework]) -> Vec<(usize, usize, Quarter)> {
    let mut all = Vec::new();
    for (fi, f) in fs.iter().enumerate() {
        for (di, d) in f.deliverables.iter().enumerate() {
            if let Some(last) = d.timeframe.last() {
                all.push((fi, di, last));
            }
        }
    }
    all
}

/// Adds a report that says a deliverable is done but not when.
fn done_without_completion(set: &FrameworkSet, place: usize) -> Option<Mutant> {
    let fs = frameworks(set);
    let all: Vec<Item> = elements(&fs)
        .into_iter()
        .filter(|i| matches!(i, Item::Deliverable(..)))
        .collect();
    let item = pick(&all, place)?;
    let Item::Deliverable(fi, di) = item else {
        return None;
    };
    // Dated after the deliverable's schedule, when it has one.
    let date = fs[fi].deliverables[di]
        .timeframe
        .last()
        .map_or_else(report_day, Quarter::last_day);
    let mut report = new_report(date)?;
    report
        .deliverables
        .push(observe_deliverable(reference(&fs, item), DeliverableStatus::Done, None));
    rebuild_with_report(fs, report)
}

/// Adds a report that a scheduled deliverable was done one to four
/// quarters after its last scheduled quarter (dated when it was done).
fn completed_after_schedule(set: &FrameworkSet, place: usize) -> Option<Mutant> {
    let fs = frameworks(set);
    let all = scheduled(&fs);
    let (fi, di, last) = pick(&all, place)?;
    let mut completed = last.next()?;
    for _ in 0..(place / all.len()) % 4 {
        completed = completed.next()?;
    }
    let mut report = new_report(completed.last_day())?;
    let element = reference(&fs, Item::Deliverable(fi, di));
    report
        .deliverables
        .push(observe_deliverable(element, DeliverableStatus::Done, Some(completed)));
    rebuild_with_report(fs, report)
}

/// Adds a report that a scheduled deliverable was done in one of its
/// quarters, dated one day to a year before that quarter began.
fn completed_after_report(set: &FrameworkSet, place: usize) -> Option<Mutant> {
    let fs = frameworks(set);
    let all = scheduled(&fs);
    let (fi, di, _) = pick(&all, place)?;
    let then = place / all.len();
    let d = &fs[fi].deliverables[di];
    let quarters: Vec<Quarter> = d.timeframe.iter().collect();
    let completed = pick(&quarters, then)?;
    let date = completed
        .first_day()
        .checked_sub_days(chrono::Days::new(1 + (then % 365) as u64))?;
    let mut report = new_report(date)?;
    let element = reference(&fs, Item::Deliverable(fi, di));
    report
        .deliverables
        .push(observe_deliverable(element, DeliverableStatus::Done, Some(completed)));
    rebuild_with_report(fs, report)
}

/// Makes a programme with indicators reach one outcome along two paths:
/// it contributes to two outputs of the outcome, or to an output and to
/// the outcome itself (a programme without indicators gets one).
fn double_count(set: &FrameworkSet, place: usize) -> Option<Mutant> {
    let mut fs = frameworks(set);
    let all = programmes(&fs);
    let (fi, pi) = pick(&all, place)?;
    let then = place / all.len();
    let outcomes: Vec<(usize, usize)> = items(&fs)
        .into_iter()
        .filter_map(|i| match i {
            Item::Outcome(fo, oo) if fs[fo].outcomes[oo].outputs.len() >= 2 => Some((fo, oo)),
            _ => None,
        })
        .collect();
    let (fo, oo) = pick(&outcomes, then)?;
    let at = then / outcomes.len();
    let n = fs[fo].outcomes[oo].outputs.len();
    let (a, b) = two_distinct(n, at)?;
    let first = reference(&fs, Item::Output(fo, oo, a));
    let second = if (at / n).is_multiple_of(2) {
        reference(&fs, Item::Output(fo, oo, b))
    } else {
        reference(&fs, Item::Outcome(fo, oo))
    };
    let p = &mut fs[fi].programmes[pi];
    for target in [first, second] {
        // A link the programme already has may carry a share, and shares
        // that divide its effort (0.5 and 0.5) are no double count: the
        // two links are made whole.
        p.contributes_to.retain(|l| l.target() != &target);
        p.contributes_to.push(Link::To(target));
    }
    if p.indicators.is_empty() {
        p.indicators.push(Indicator::new("mutant indicator"));
    }
    rebuild(fs)
}

/// Reverses a period of results: an actual a report gives, the period a
/// report covers, or a reporting period of a new indicator.
fn reverse_result_period(set: &FrameworkSet, place: usize) -> Option<Mutant> {
    let mut fs = frameworks(set);
    let holders = indicator_holders(&fs);
    let item = pick(&holders, place)?;
    let reversed = [
        reverse(Period::years(2023, 2024)),
        reverse(Period::new(day(2024, 1, 1), day(2024, 6, 30))),
    ][(place / holders.len()) % 2];
    match (place / holders.len() / 2) % 3 {
        0 => {
            let (element, number) = push_indicator(&mut fs, item, Indicator::new("mutant indicator"))?;
            let mut report = new_report(report_day())?;
            report
                .indicators
                .push(observe_indicator(element, number, reversed, Value::Number(1.0)));
            rebuild_with_report(fs, report)
        }
        1 => {
            let mut report = new_report(report_day())?;
            report.covers = Some(reversed);
            rebuild_with_report(fs, report)
        }
        _ => {
            let mut indicator = Indicator::new("mutant indicator");
            indicator.periods.push(period_with_actual(reversed, Value::Number(1.0)));
            indicators_mut(&mut fs, item)?.push(indicator);
            rebuild(fs)
        }
    }
}

// ---------------------------------------------------------------------------
// The catalogue of operators
// ---------------------------------------------------------------------------

macro_rules! operators {
    ($($konst:ident = $name:literal, $rule:ident, $kind:ident, $apply:expr;)*) => {
        $(
            const $konst: Operator = Operator { name: $name, rule: Rule::$rule, probe: $kind, apply: $apply };
        )*
        /// Every operator, in the order of the rule catalogue.
        const OPERATORS: &[Operator] = &[$($konst,)*];
    };
}

operators! {
    SDG_CODE_CASE = "format/sdg-code-upper-case", SdgCodeCase, REQUIRED, sdg_code_case;
    SDG_CODE_CASE_LITERAL = "format/sdg-code-upper-case-literal-string", SdgCodeCase, PROBE, sdg_code_case_literal_string;
    INVALID_FILE = "format/unreadable-file", InvalidFile, REQUIRED, invalid_file;
    DUPLICATE_OUTCOME = "structure/duplicate-outcome-code", DuplicateId, REQUIRED, duplicate_outcome_code;
    DUPLICATE_OUTPUT = "structure/duplicate-output-code", DuplicateId, REQUIRED, duplicate_output_code;
    DUPLICATE_PROGRAMME = "structure/duplicate-programme-id", DuplicateId, REQUIRED, duplicate_programme_id;
    DUPLICATE_DELIVERABLE = "structure/duplicate-deliverable-code", DuplicateId, REQUIRED, duplicate_deliverable_code;
    DELETE_OUTPUT = "structure/delete-referenced-output", DanglingReference, REQUIRED, delete_referenced_output;
    DELETE_PROGRAMME = "structure/delete-referenced-programme", DanglingReference, REQUIRED, delete_referenced_programme;
    RETARGET = "structure/retarget-to-missing", DanglingReference, REQUIRED, retarget_contribution;
    MOVE_SAME_KIND = "structure/move-output-same-kind", OutputUnderWrongOutcome, REQUIRED, move_output_same_kind;
    MOVE_POLICY = "structure/policy-output-under-enabling", EnablingOutputUnderPolicyOutcome, REQUIRED, move_policy_output_under_enabling;
    MOVE_ENABLING = "structure/enabling-output-under-policy", EnablingOutputUnderPolicyOutcome, REQUIRED, move_enabling_output_under_policy;
    OUTCOME_NO_OUTPUTS = "structure/empty-outcome", OutcomeWithoutOutputs, REQUIRED, outcome_without_outputs;
    OUTCOME_CODE_SCHEME = "structure/outcome-code-scheme", OutcomeCodeScheme, REQUIRED, outcome_code_scheme;
    GAP_OUTPUT = "structure/output-number-gap", CodeSequenceGap, REQUIRED, gap_in_output_numbers;
    GAP_POLICY = "structure/policy-outcome-number-gap", CodeSequenceGap, REQUIRED, gap_in_policy_outcome_numbers;
    GAP_ENABLING = "structure/enabling-outcome-letter-gap", CodeSequenceGap, REQUIRED, gap_in_enabling_outcome_letters;
    EMPTY_TITLE = "structure/empty-title", EmptyTitle, REQUIRED, empty_title;
    UNTRIMMED_TITLE = "structure/untrimmed-title", UntrimmedText, REQUIRED, untrimmed_title;
    EMPTY_LABEL = "structure/empty-label", EmptyTitle, PROBE, empty_label;
    UNTRIMMED_LABEL = "structure/untrimmed-label", UntrimmedText, PROBE, untrimmed_label;
    DOUBLED_WHITE_SPACE = "structure/doubled-inner-white-space", UntrimmedText, PROBE, doubled_inner_white_space;
    CONTROL_CHARACTER = "structure/control-character-in-title", ControlCharacter, REQUIRED, control_character;
    NO_PROVENANCE = "structure/forget-provenance", MissingProvenance, REQUIRED, missing_provenance;
    ACTION_LEVEL = "structure/action-at-wrong-level", ActionLevelMismatch, REQUIRED, action_level_mismatch;
    DUPLICATE_LINK = "structure/repeat-link", DuplicateLink, REQUIRED, duplicate_link;
    UNKNOWN_SDG = "links/unknown-sdg-code", UnknownSdgCode, REQUIRED, unknown_sdg_code;
    RETIRED_SDG = "links/retired-sdg-indicator", RetiredSdgIndicator, REQUIRED, retired_sdg_indicator;
    UNKNOWN_SDG_CONTRIBUTION = "links/unknown-sdg-in-contribution", UnknownSdgCode, PROBE, unknown_sdg_in_contribution;
    RETIRED_SDG_CONTRIBUTION = "links/retired-sdg-in-contribution", RetiredSdgIndicator, PROBE, retired_sdg_in_contribution;
    UNCATALOGUED = "links/uncatalogued-standard", UncataloguedStandard, REQUIRED, uncatalogued_standard;
    UNCATALOGUED_STATED = "links/uncatalogued-standard-stated", UncataloguedStandard, PROBE, uncatalogued_standard_stated;
    CYCLE_SUCCESSION = "links/succession-cycle", Cycle, REQUIRED, cycle_of_successions;
    CYCLE_CONTRIBUTION = "links/stated-contribution-cycle", Cycle, REQUIRED, cycle_of_stated_contributions;
    CYCLE_PART_OF = "links/stated-part-of-cycle", Cycle, REQUIRED, cycle_of_parts;
    UNLINK_PROGRAMME = "links/unlink-programme", ProgrammeLinkedToNothing, REQUIRED, programme_linked_to_nothing;
    UNSERVE_OUTPUT = "links/unserve-output", OutputWithoutContributor, REQUIRED, output_without_contributor;
    REDUNDANT = "links/redundant-outcome-link", RedundantOutcomeLink, REQUIRED, redundant_outcome_link;
    REDUNDANT_STATED = "links/redundant-outcome-link-stated", RedundantOutcomeLink, PROBE, redundant_outcome_link_stated;
    SELF_LINK = "links/self-link", SelfLink, REQUIRED, self_link;
    KIND_MISMATCH = "links/link-kind-mismatch", LinkKindMismatch, REQUIRED, link_kind_mismatch;
    REVERSED = "time/reversed-period", ReversedPeriod, REQUIRED, reverse_period;
    REVERSED_RESULT = "time/reversed-result-period", ReversedPeriod, REQUIRED, reverse_result_period;
    OUTSIDE_PLAN = "time/quarter-outside-plan", QuarterOutsidePlan, REQUIRED, quarter_outside_plan;
    EMPTY_TIMEFRAME = "time/clear-timeframe", EmptyTimeframe, REQUIRED, empty_timeframe;
    HOLES = "time/timeframe-hole", TimeframeWithHoles, REQUIRED, timeframe_with_holes;
    DUE_OUTSIDE = "time/target-due-outside-period", TargetDueOutsidePeriod, REQUIRED, target_due_outside_period;
    BIENNIUM_OUTSIDE = "time/biennium-outside-plan", BienniumOutsidePlan, REQUIRED, biennium_outside_plan;
    BIENNIUM_ONLY = "time/biennium-only-outside-plan", BienniumOutsidePlan, PROBE, biennium_only_outside_plan;
    PERIOD_BIENNIUM = "time/period-off-biennium", PeriodBienniumMismatch, REQUIRED, period_biennium_mismatch;
    REGIONAL_SUM = "numbers/regional-sum-mismatch", RegionalSumMismatch, REQUIRED, regional_sum_mismatch;
    CONFLICT = "numbers/conflicting-claims", ConflictingClaims, REQUIRED, conflicting_claims;
    CONTRADICT = "numbers/claim-contradicts-model", ClaimContradictsModel, REQUIRED, claim_contradicts_model;
    SHARES = "numbers/shares-exceed-whole", SharesExceedWhole, REQUIRED, shares_exceed_whole;
    SHARES_STATED = "numbers/stated-shares-exceed-whole", SharesExceedWhole, PROBE, stated_shares_exceed_whole;
    NEGATIVE = "numbers/negative-quantity", NegativeQuantity, REQUIRED, negative_quantity;
    ACTUAL_OUTSIDE = "results/actual-outside-period", ActualOutsidePeriod, REQUIRED, actual_outside_period;
    ACTUAL_OUTSIDE_REPORTED = "results/reported-actual-outside-period", ActualOutsidePeriod, REQUIRED, reported_actual_outside_period;
    VALUE_KIND = "results/value-of-wrong-kind", ValueKindMismatch, REQUIRED, value_kind_mismatch;
    VALUE_KIND_REPORTED = "results/reported-value-of-wrong-kind", ValueKindMismatch, REQUIRED, reported_value_kind_mismatch;
    PERCENTAGE = "results/percentage-out-of-range", PercentageOutOfRange, REQUIRED, percentage_out_of_range;
    WRONG_SIDE = "results/target-wrong-side", TargetWrongSide, REQUIRED, target_wrong_side;
    UNKNOWN_OBSERVED = "results/observe-unknown-element", UnknownObservedElement, REQUIRED, unknown_observed_element;
    REPORT_BEFORE = "results/report-before-framework", ReportBeforeFramework, REQUIRED, report_before_framework;
    DONE_UNDATED = "results/done-without-completion", DoneWithoutCompletion, REQUIRED, done_without_completion;
    COMPLETED_LATE = "results/completed-after-schedule", CompletedAfterSchedule, REQUIRED, completed_after_schedule;
    COMPLETED_UNSEEN = "results/completed-after-report", CompletedAfterReport, REQUIRED, completed_after_report;
    DOUBLE_COUNT = "results/diamond-of-contributions", DoubleCount, REQUIRED, double_count;
}

// ---------------------------------------------------------------------------
// Judging a mutant
// ---------------------------------------------------------------------------

/// What became of one mutant.
#[derive(Debug)]
enum Verdict {
    /// The operator had no place to apply in the base.
    NotApplicable,
    /// The base already held a finding of the rule (a broken base).
    DirtyBase(Vec<String>),
    /// The rule caught the mutant.
    Killed,
    /// The rule missed it; what the report said instead (new findings).
    Survived(Vec<String>),
}

/// Findings of `after` that `before` does not hold (same rule, place and
/// subjects), as text.
fn new_findings(before: &Report, after: &Report) -> Vec<(Rule, String)> {
    after
        .iter()
        .filter(|d| {
            !before
                .iter()
                .any(|b| b.rule == d.rule && b.location == d.location && b.subjects == d.subjects)
        })
        .map(|d| (d.rule, d.to_string()))
        .collect()
}

fn lint(origin: &str, text: &str) -> Report {
    validate::lint_toml(text, origin, &Config::default()).0
}

/// Applies `op` to `base` at `place` and judges the mutant.
fn judge(op: &Operator, base: Base, place: usize) -> Verdict {
    let (set, base_report) = base.load();
    let Some(mutant) = (op.apply)(&set, place) else {
        return Verdict::NotApplicable;
    };
    let (before, after) = match &mutant {
        Mutant::Set(mutated) => (base_report.into_owned(), check(mutated)),
        Mutant::Text { origin, base, mutated } => (lint(origin, base), lint(origin, mutated)),
    };
    let exempt = base == Base::Builtin && BUILTIN_PREEXISTING.contains(&op.rule);
    let dirty: Vec<String> = before.of_rule(op.rule).map(ToString::to_string).collect();
    if !dirty.is_empty() && !exempt {
        return Verdict::DirtyBase(dirty);
    }
    let new = new_findings(&before, &after);
    if new.iter().any(|(rule, _)| *rule == op.rule) {
        Verdict::Killed
    } else {
        Verdict::Survived(new.into_iter().map(|(_, text)| text).collect())
    }
}

// ---------------------------------------------------------------------------
// Property tests: one per operator
// ---------------------------------------------------------------------------

fn proptest_config() -> ProptestConfig {
    let deeper = std::env::var_os("PROPTEST_CASES").is_some();
    ProptestConfig {
        cases: if deeper { ProptestConfig::default().cases } else { CASES },
        failure_persistence: None,
        max_shrink_iters: 32,
        ..ProptestConfig::default()
    }
}

fn synthetic_base() -> impl Strategy<Value = Base> {
    (prop::sample::select(SEEDS.to_vec()), NODES).prop_map(|(seed, nodes)| Base::Synthetic { seed, nodes })
}

/// Bases for `op`: synthetic sets, and the built-in set when the operator
/// has a place to apply in it.
fn bases_for(op: &Operator) -> BoxedStrategy<Base> {
    if (op.apply)(builtin_set(), 0).is_some() {
        prop_oneof![3 => synthetic_base(), 1 => Just(Base::Builtin)].boxed()
    } else {
        synthetic_base().boxed()
    }
}

prop_compose! {
    /// A base and a place to mutate it at.
    fn mutation_case(op: &'static Operator)(base in bases_for(op), place in any::<usize>()) -> (Base, usize) {
        (base, place)
    }
}

/// The body of each operator's property test.
fn kills(op: &'static Operator, base: Base, place: usize) -> Result<(), TestCaseError> {
    match judge(op, base, place) {
        Verdict::NotApplicable => Err(TestCaseError::reject(format!("{} has no place in {base}", op.name))),
        Verdict::DirtyBase(found) => Err(TestCaseError::fail(format!(
            "{base} already has findings of {} before {} mutates it: {found:#?}",
            op.rule, op.name
        ))),
        Verdict::Killed => Ok(()),
        Verdict::Survived(said) => Err(TestCaseError::fail(format!(
            "{}mutant {} of {base} at place {place} survived: no new {} finding; the report said instead: {said:#?}",
            if op.probe { "probe " } else { "" },
            op.name,
            op.rule
        ))),
    }
}

macro_rules! kill_tests {
    ($($test:ident => $op:ident,)*) => {
        proptest! {
            #![proptest_config(proptest_config())]
            $(
                #[test]
                fn $test((base, place) in mutation_case(&$op)) {
                    kills(&$op, base, place)?;
                }
            )*
        }

        /// Every operator has its property test.
        #[test]
        fn every_operator_has_a_kill_test() {
            let tested: BTreeSet<&str> = [$($op.name,)*].into_iter().collect();
            let all: BTreeSet<&str> = OPERATORS.iter().map(|op| op.name).collect();
            assert_eq!(tested, all);
        }
    };
}

kill_tests! {
    kills_sdg_code_case => SDG_CODE_CASE,
    probe_sdg_code_case_in_literal_string => SDG_CODE_CASE_LITERAL,
    kills_invalid_file => INVALID_FILE,
    kills_duplicate_outcome_code => DUPLICATE_OUTCOME,
    kills_duplicate_output_code => DUPLICATE_OUTPUT,
    kills_duplicate_programme_id => DUPLICATE_PROGRAMME,
    kills_duplicate_deliverable_code => DUPLICATE_DELIVERABLE,
    kills_deleted_referenced_output => DELETE_OUTPUT,
    kills_deleted_referenced_programme => DELETE_PROGRAMME,
    kills_retargeted_contribution => RETARGET,
    kills_output_moved_within_kind => MOVE_SAME_KIND,
    kills_policy_output_under_enabling => MOVE_POLICY,
    kills_enabling_output_under_policy => MOVE_ENABLING,
    kills_outcome_without_outputs => OUTCOME_NO_OUTPUTS,
    kills_outcome_code_scheme => OUTCOME_CODE_SCHEME,
    kills_output_number_gap => GAP_OUTPUT,
    kills_policy_outcome_number_gap => GAP_POLICY,
    kills_enabling_outcome_letter_gap => GAP_ENABLING,
    kills_empty_title => EMPTY_TITLE,
    kills_untrimmed_title => UNTRIMMED_TITLE,
    probe_empty_label => EMPTY_LABEL,
    probe_untrimmed_label => UNTRIMMED_LABEL,
    probe_doubled_inner_white_space => DOUBLED_WHITE_SPACE,
    kills_control_character => CONTROL_CHARACTER,
    kills_missing_provenance => NO_PROVENANCE,
    kills_action_level_mismatch => ACTION_LEVEL,
    kills_duplicate_link => DUPLICATE_LINK,
    kills_unknown_sdg_code => UNKNOWN_SDG,
    kills_retired_sdg_indicator => RETIRED_SDG,
    probe_unknown_sdg_in_contribution => UNKNOWN_SDG_CONTRIBUTION,
    probe_retired_sdg_in_contribution => RETIRED_SDG_CONTRIBUTION,
    kills_uncatalogued_standard => UNCATALOGUED,
    probe_uncatalogued_standard_stated => UNCATALOGUED_STATED,
    kills_succession_cycle => CYCLE_SUCCESSION,
    kills_stated_contribution_cycle => CYCLE_CONTRIBUTION,
    kills_stated_part_of_cycle => CYCLE_PART_OF,
    kills_programme_linked_to_nothing => UNLINK_PROGRAMME,
    kills_output_without_contributor => UNSERVE_OUTPUT,
    kills_redundant_outcome_link => REDUNDANT,
    probe_redundant_outcome_link_stated => REDUNDANT_STATED,
    kills_self_link => SELF_LINK,
    kills_link_kind_mismatch => KIND_MISMATCH,
    kills_reversed_period => REVERSED,
    kills_reversed_result_period => REVERSED_RESULT,
    kills_quarter_outside_plan => OUTSIDE_PLAN,
    kills_empty_timeframe => EMPTY_TIMEFRAME,
    kills_timeframe_with_holes => HOLES,
    kills_target_due_outside_period => DUE_OUTSIDE,
    kills_biennium_outside_plan => BIENNIUM_OUTSIDE,
    probe_biennium_only_outside_plan => BIENNIUM_ONLY,
    kills_period_biennium_mismatch => PERIOD_BIENNIUM,
    kills_regional_sum_mismatch => REGIONAL_SUM,
    kills_conflicting_claims => CONFLICT,
    kills_claim_contradicts_model => CONTRADICT,
    kills_shares_exceed_whole => SHARES,
    probe_stated_shares_exceed_whole => SHARES_STATED,
    kills_negative_quantity => NEGATIVE,
    kills_actual_outside_period => ACTUAL_OUTSIDE,
    kills_reported_actual_outside_period => ACTUAL_OUTSIDE_REPORTED,
    kills_value_kind_mismatch => VALUE_KIND,
    kills_reported_value_kind_mismatch => VALUE_KIND_REPORTED,
    kills_percentage_out_of_range => PERCENTAGE,
    kills_target_wrong_side => WRONG_SIDE,
    kills_unknown_observed_element => UNKNOWN_OBSERVED,
    kills_report_before_framework => REPORT_BEFORE,
    kills_done_without_completion => DONE_UNDATED,
    kills_completed_after_schedule => COMPLETED_LATE,
    kills_completed_after_report => COMPLETED_UNSEEN,
    kills_double_count => DOUBLE_COUNT,
}

// ---------------------------------------------------------------------------
// The bases are valid
// ---------------------------------------------------------------------------

/// Findings of a valid synthetic set, which should have none at error level.
fn findings_of_synthetic(seed: u64, nodes: usize) -> Vec<(Severity, String)> {
    let set = generate(&SyntheticConfig::with_nodes(seed, nodes));
    check(&set).iter().map(|d| (d.severity, d.to_string())).collect()
}

#[test]
fn synthetic_bases_have_no_errors() {
    let mut errors = Vec::new();
    for seed in SEEDS {
        for nodes in [300, 301, 349, 350, 400, 499, 500, 700, 999, 1000, 1250, 1499] {
            for (severity, text) in findings_of_synthetic(seed, nodes) {
                eprintln!("synthetic(seed {seed}, {nodes} nodes): {text}");
                if severity == Severity::Error {
                    errors.push(format!("synthetic(seed {seed}, {nodes} nodes): {text}"));
                }
            }
        }
    }
    assert!(
        errors.is_empty(),
        "valid synthetic sets have error findings: {errors:#?}"
    );
}

proptest! {
    #![proptest_config(proptest_config())]
    #[test]
    fn any_synthetic_base_has_no_errors(seed in prop::sample::select(SEEDS.to_vec()), nodes in NODES) {
        let errors: Vec<String> = findings_of_synthetic(seed, nodes)
            .into_iter()
            .filter(|(severity, _)| *severity == Severity::Error)
            .map(|(_, text)| text)
            .collect();
        prop_assert!(errors.is_empty(), "synthetic(seed {seed}, {nodes} nodes): {errors:#?}");
    }
}

/// The codes the operators put in really are unknown, retired or
/// uncatalogued.
#[test]
fn operator_codes_are_what_they_claim() {
    let sdg = builtin::sdg().expect("the SDG catalogue loads");
    for code in UNKNOWN_SDG_CODES {
        let code: SdgCode = code.parse().expect("well-formed");
        assert!(sdg.entry(code).is_none(), "{code} is in the catalogue");
    }
    for code in RETIRED_SDG_CODES {
        let code: SdgCode = code.parse().expect("well-formed");
        assert!(
            matches!(sdg.entry(code), Some(sdg::SdgEntry::Retired(_))),
            "{code} is not a retired indicator"
        );
    }
    let standards = builtin::standards().expect("the standards catalogue loads");
    for code in ["C998", "R999", "P997"] {
        assert!(
            standards.get(code.parse().expect("well-formed")).is_none(),
            "{code} is catalogued"
        );
    }
}

// ---------------------------------------------------------------------------
// Summary
// ---------------------------------------------------------------------------

/// The synthetic base of the summary: large enough that every operator has
/// a place in it.
const SUMMARY_BASE: Base = Base::Synthetic { seed: 42, nodes: 1500 };

#[test]
fn mutation_kill_rate_summary() {
    let started = Instant::now();
    // Operator, expected code, base, caught or not.
    let mut rows: Vec<[String; 4]> = Vec::new();
    let mut survivors = Vec::new();
    let mut not_applicable = Vec::new();
    // Mutants applied and killed, for required operators [0] and probes [1].
    let (mut applied, mut killed) = ([0usize; 2], [0usize; 2]);
    for op in OPERATORS {
        for base in [SUMMARY_BASE, Base::Builtin] {
            let verdict = judge(op, base, 0);
            let cell = match &verdict {
                Verdict::NotApplicable => "n/a".to_owned(),
                Verdict::DirtyBase(_) => "DIRTY BASE".to_owned(),
                Verdict::Killed => "caught".to_owned(),
                Verdict::Survived(_) => "MISSED".to_owned(),
            };
            match verdict {
                Verdict::NotApplicable if base != Base::Builtin => not_applicable.push(op.name),
                Verdict::NotApplicable => {}
                Verdict::Killed => {
                    applied[usize::from(op.probe)] += 1;
                    killed[usize::from(op.probe)] += 1;
                }
                Verdict::DirtyBase(said) | Verdict::Survived(said) => {
                    applied[usize::from(op.probe)] += 1;
                    survivors.push(format!("{} on {base}: {said:#?}", op.name));
                }
            }
            rows.push([
                format!("{}{}", op.name, if op.probe { " (probe)" } else { "" }),
                op.rule.code(),
                base.to_string(),
                cell,
            ]);
        }
    }
    let width = |column: usize| rows.iter().map(|r| r[column].len()).max().unwrap_or(0);
    let (w0, w1, w2) = (width(0), width(1), width(2));
    eprintln!("{:w0$}  {:w1$}  {:w2$}  caught?", "operator", "expected code", "base");
    for [name, code, base, cell] in &rows {
        eprintln!("{name:w0$}  {code:w1$}  {base:w2$}  {cell}");
    }
    let covered: BTreeSet<Rule> = OPERATORS.iter().map(|op| op.rule).collect();
    let uncovered: Vec<String> = Rule::ALL
        .iter()
        .filter(|r| !covered.contains(r))
        .map(|r| r.code())
        .collect();
    let rate = |i: usize| 100.0 * killed[i] as f64 / applied[i].max(1) as f64;
    eprintln!(
        "{} operators ({} probes) over {} of {} rules; rules without an operator: {uncovered:?}",
        OPERATORS.len(),
        OPERATORS.iter().filter(|op| op.probe).count(),
        covered.len(),
        Rule::ALL.len(),
    );
    eprintln!(
        "required operators: {} of {} mutants caught ({:.0} %); probes: {} of {} caught ({:.0} %); {:.2?}",
        killed[0],
        applied[0],
        rate(0),
        killed[1],
        applied[1],
        rate(1),
        started.elapsed()
    );
    assert!(
        not_applicable.is_empty(),
        "operators with no place in {SUMMARY_BASE}: {not_applicable:?}"
    );
    assert!(
        survivors.is_empty(),
        "{} of {} mutants survived: {survivors:#?}",
        survivors.len(),
        applied[0] + applied[1]
    );
}
