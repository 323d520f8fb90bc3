//! Links rules: SDG codes and standards against their catalogues, cycles,
//! programmes and outputs without links, redundant and malformed links.

use super::structure::element_ref;
use super::{Context, Rule, Sink};
use crate::format::Location;
use crate::graph::NodeKind;
use crate::sdg::SdgEntry;
use crate::{Element, Framework, Link, LinkKind, Ref, SdgCode, StandardRef};

pub(super) fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for f in cx.set {
        sdg_codes(cx, f, sink);
        standards(cx, f, sink);
        programmes_without_links(cx, f, sink);
        redundant_outcome_links(cx, f, sink);
        malformed_links(cx, f, sink);
    }
    cycles(cx, sink);
    outputs_without_contributor(cx, sink);
}

/// Every list of SDG codes in a framework, with its owner and, for an
/// indicator's list, the indicator's place among the output's indicators.
fn sdg_lists(f: &Framework) -> Vec<(Ref, Option<usize>, &[SdgCode])> {
    let mut lists: Vec<(Ref, Option<usize>, &[SdgCode])> = Vec::new();
    for outcome in &f.outcomes {
        lists.push((element_ref(f, &outcome.code), None, &outcome.sdg));
        for output in &outcome.outputs {
            lists.push((element_ref(f, &output.code), None, &output.sdg));
            for (k, indicator) in output.indicators.iter().enumerate() {
                lists.push((element_ref(f, &output.code), Some(k), &indicator.sdg));
            }
        }
    }
    for p in &f.programmes {
        lists.push((element_ref(f, &p.id), None, &p.sdg));
    }
    for d in &f.deliverables {
        lists.push((element_ref(f, &d.code), None, &d.sdg));
    }
    lists
}

fn sdg_codes(cx: &Context<'_>, f: &Framework, sink: &mut Sink<'_>) {
    let mut stated: Vec<(Location, Ref, SdgCode)> = Vec::new();
    for (owner, indicator, codes) in sdg_lists(f) {
        for (i, code) in codes.iter().enumerate() {
            // An indicator's code points at the indicator's table.
            let location = match indicator {
                None => Location::Item(owner.clone(), "sdg".to_owned(), i),
                Some(k) => Location::Item(owner.clone(), "indicators".to_owned(), k),
            };
            stated.push((location, owner.clone(), *code));
        }
    }
    // Contributions to an SDG code (`contributes_to = ["sdg:8.7"]`).
    let contributors = f
        .programmes
        .iter()
        .map(|p| (element_ref(f, &p.id), &p.contributes_to))
        .chain(
            f.deliverables
                .iter()
                .map(|d| (element_ref(f, &d.code), &d.contributes_to)),
        );
    for (owner, links) in contributors {
        for (i, link) in links.iter().enumerate() {
            if let Ref::Sdg(code) = link.target() {
                stated.push((
                    Location::Item(owner.clone(), "contributes_to".to_owned(), i),
                    owner.clone(),
                    *code,
                ));
            }
        }
    }
    for (i, link) in f.links.iter().enumerate() {
        for end in [&link.from, &link.to] {
            if let Ref::Sdg(code) = end {
                stated.push((Location::Link(f.id.clone(), i), Ref::Framework(f.id.clone()), *code));
            }
        }
    }
    for (location, owner, code) in stated {
        match cx.sdg.entry(code) {
            Some(SdgEntry::Retired(retired)) => {
                sink.report(
                    Rule::RetiredSdgIndicator,
                    location,
                    vec![owner.clone(), Ref::Sdg(code)],
                    format!("{owner} names SDG indicator {code}, which the UN list no longer has"),
                    format!(
                        "link to a current indicator of target {} instead (retired indicator: {})",
                        code.target().map(|t| t.to_string()).unwrap_or_default(),
                        retired.title
                    ),
                );
            }
            Some(_) => {}
            None => {
                let help = match code.target().filter(|t| cx.sdg.target(*t).is_some()) {
                    Some(target) => {
                        let codes: Vec<String> = cx.sdg.indicators_of(target).map(|i| i.code.to_string()).collect();
                        if codes.is_empty() {
                            format!("target {target} has no indicator; link to the target itself")
                        } else {
                            format!("the indicators of target {target} are {}", codes.join(", "))
                        }
                    }
                    None => {
                        let goal = code.goal();
                        let targets: Vec<String> = cx.sdg.targets_of(goal).map(|t| t.code.to_string()).collect();
                        format!("the targets of goal {goal} are {}", targets.join(", "))
                    }
                };
                sink.report(
                    Rule::UnknownSdgCode,
                    location,
                    vec![owner.clone(), Ref::Sdg(code)],
                    format!("{owner} names SDG {code}, which is not in the UN catalogue"),
                    help,
                );
            }
        }
    }
}

fn standards(cx: &Context<'_>, f: &Framework, sink: &mut Sink<'_>) {
    let mut lists: Vec<(Ref, &[StandardRef])> = Vec::new();
    for outcome in &f.outcomes {
        lists.push((element_ref(f, &outcome.code), &outcome.standards));
        for output in &outcome.outputs {
            lists.push((element_ref(f, &output.code), &output.standards));
        }
    }
    for p in &f.programmes {
        lists.push((element_ref(f, &p.id), &p.standards));
    }
    for d in &f.deliverables {
        lists.push((element_ref(f, &d.code), &d.standards));
    }
    let mut cited: Vec<(Location, Ref, StandardRef)> = Vec::new();
    for (owner, list) in lists {
        for (i, standard) in list.iter().enumerate() {
            cited.push((
                Location::Item(owner.clone(), "standards".to_owned(), i),
                owner.clone(),
                *standard,
            ));
        }
    }
    // Standards at either end of a stated link, as for SDG codes.
    for (i, link) in f.links.iter().enumerate() {
        for end in [&link.from, &link.to] {
            if let Ref::Standard(standard) = end {
                cited.push((Location::Link(f.id.clone(), i), Ref::Framework(f.id.clone()), *standard));
            }
        }
    }
    for (location, owner, standard) in cited {
        if cx.standards.get(standard).is_none() {
            sink.report(
                Rule::UncataloguedStandard,
                location,
                vec![owner.clone(), Ref::Standard(standard)],
                format!("{owner} cites {standard}, which none of the built-in source documents cites"),
                "check the number; if it is right, nothing needs doing",
            );
        }
    }
}

/// Programmes with no contribution and no citation, whether stated by their
/// own framework or by another (the Programme and Budget naming a flagship).
///
/// A link the programme states counts even when it does not resolve (an
/// uncatalogued standard, an unknown SDG code, a missing element): other
/// rules report those, and the programme is not linked to nothing.
fn programmes_without_links(cx: &Context<'_>, f: &Framework, sink: &mut Sink<'_>) {
    for p in &f.programmes {
        if !p.contributes_to.is_empty() || !p.sdg.is_empty() || !p.standards.is_empty() {
            continue;
        }
        let reference = element_ref(f, &p.id);
        let Ok(node) = cx.graph.node(&reference) else { continue };
        if !node
            .outgoing()
            .any(|e| matches!(e.kind(), LinkKind::ContributesTo | LinkKind::Cites))
        {
            sink.report(
                Rule::ProgrammeLinkedToNothing,
                Location::Element(reference.clone()),
                vec![reference.clone()],
                format!("programme {reference} contributes to nothing, names no SDG code and cites no standard"),
                "add contributes_to, sdg or standards as the source states them",
            );
        }
    }
}

/// Links of one element to an output and to that output's outcome: in its
/// own `contributes_to`, or stated by any framework of the set.
fn redundant_outcome_links(cx: &Context<'_>, f: &Framework, sink: &mut Sink<'_>) {
    let mut owners: Vec<(Ref, &[Link])> = Vec::new();
    for p in &f.programmes {
        owners.push((element_ref(f, &p.id), &p.contributes_to));
    }
    for d in &f.deliverables {
        owners.push((element_ref(f, &d.code), &d.contributes_to));
    }
    for (owner, own) in owners {
        // Each target with the place of the link to it.
        let field = Location::Field(owner.clone(), "contributes_to".to_owned());
        let mut targets: Vec<(&Ref, Location)> = own.iter().map(|l| (l.target(), field.clone())).collect();
        for g in cx.set {
            for (i, link) in g.links.iter().enumerate() {
                if link.kind == LinkKind::ContributesTo && link.from == owner {
                    targets.push((&link.to, Location::Link(g.id.clone(), i)));
                }
            }
        }
        for (target, _) in &targets {
            let Some(Element::Output(output)) = cx.set.resolve(target) else {
                continue;
            };
            let Some(framework) = target.framework() else { continue };
            let outcome = Ref::element(framework.clone(), crate::ElementCode::from_code(&output.code.outcome()));
            // The finding points at the link to the outcome.
            if let Some((_, location)) = targets.iter().find(|(t, _)| **t == outcome) {
                sink.report(
                    Rule::RedundantOutcomeLink,
                    location.clone(),
                    vec![owner.clone(), (*target).clone(), outcome.clone()],
                    format!("{owner} contributes to {target} and to its outcome {outcome}"),
                    format!("keep the link to {target}; contributing to an output already serves its outcome"),
                );
            }
        }
    }
}

/// Self-links, and links between kinds of element they cannot join.
fn malformed_links(cx: &Context<'_>, f: &Framework, sink: &mut Sink<'_>) {
    let kind_of = |r: &Ref| cx.graph.node(r).ok().map(|n| n.kind());
    let mut links: Vec<(Location, Ref, LinkKind, Ref)> = Vec::new();
    for p in &f.programmes {
        let from = element_ref(f, &p.id);
        for (i, link) in p.contributes_to.iter().enumerate() {
            links.push((
                Location::Item(from.clone(), "contributes_to".to_owned(), i),
                from.clone(),
                LinkKind::ContributesTo,
                link.target().clone(),
            ));
        }
        if let Some(earlier) = &p.succeeds {
            links.push((
                Location::Field(from.clone(), "succeeds".to_owned()),
                from.clone(),
                LinkKind::Succeeds,
                earlier.clone(),
            ));
        }
    }
    for d in &f.deliverables {
        let from = element_ref(f, &d.code);
        for (i, link) in d.contributes_to.iter().enumerate() {
            links.push((
                Location::Item(from.clone(), "contributes_to".to_owned(), i),
                from.clone(),
                LinkKind::ContributesTo,
                link.target().clone(),
            ));
        }
    }
    for (i, link) in f.links.iter().enumerate() {
        links.push((
            Location::Link(f.id.clone(), i),
            link.from.clone(),
            link.kind,
            link.to.clone(),
        ));
    }
    for (location, from, kind, to) in links {
        if from == to {
            sink.report(
                Rule::SelfLink,
                location,
                vec![from.clone()],
                format!("{from} {kind} itself"),
                "remove the link, or point it at the element meant",
            );
            continue;
        }
        let (Some(source), Some(target)) = (kind_of(&from), kind_of(&to)) else {
            continue;
        };
        if !joins(kind, source, target) {
            sink.report(
                Rule::LinkKindMismatch,
                location,
                vec![from.clone(), to.clone()],
                format!("{kind} cannot lead from {source} {from} to {target} {to}"),
                allowed(kind),
            );
        }
    }
}

/// Whether a link of `kind` may join a node of kind `from` to one of kind `to`.
fn joins(kind: LinkKind, from: NodeKind, to: NodeKind) -> bool {
    use NodeKind as K;
    let contributor = matches!(
        from,
        K::Programme | K::Deliverable | K::Outcome | K::Output | K::Indicator
    );
    let served = matches!(to, K::Output | K::Outcome | K::SdgGoal | K::SdgTarget | K::SdgIndicator);
    match kind {
        LinkKind::ContributesTo => contributor && served,
        LinkKind::PartOf => matches!(
            (from, to),
            (K::Output, K::Outcome)
                | (K::Outcome | K::Programme | K::Deliverable, K::Framework)
                | (K::SdgIndicator, K::SdgTarget)
                | (K::SdgTarget, K::SdgGoal)
        ),
        LinkKind::Measures => from == K::Indicator && matches!(to, K::Output | K::Outcome),
        LinkKind::Cites => contributor && to == K::Standard,
        LinkKind::SupportedBy => from == K::Programme && matches!(to, K::Partner | K::Initiative | K::Programme),
        LinkKind::Succeeds => from == to && matches!(from, K::Programme | K::Output | K::Outcome | K::Deliverable),
    }
}

fn allowed(kind: LinkKind) -> &'static str {
    match kind {
        LinkKind::ContributesTo => {
            "contributes_to leads from a programme, deliverable, outcome or output to an output, outcome or SDG code"
        }
        LinkKind::PartOf => "part_of leads from an output to its outcome, or from an element to its framework",
        LinkKind::Measures => "measures leads from an indicator to an output or outcome",
        LinkKind::Cites => "cites leads from an element to a labour standard",
        LinkKind::SupportedBy => "supported_by leads from a programme to a partner, initiative or programme",
        LinkKind::Succeeds => "succeeds joins two elements of the same kind, the later to the earlier",
    }
}

fn cycles(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for cycle in cx.graph.cycles() {
        // A node alone on its cycle has a link to itself: links/self-link
        // reports it where the link is written.
        if cycle.len() < 2 {
            continue;
        }
        let members: Vec<Ref> = cycle.iter().filter_map(|n| n.key().as_ref().cloned()).collect();
        let Some(first) = members.first().cloned() else {
            continue;
        };
        let names: Vec<String> = members.iter().map(ToString::to_string).collect();
        sink.report(
            Rule::Cycle,
            Location::Element(first),
            members.clone(),
            format!("{} lead back to each other through their links", names.join(", ")),
            "remove one of the links so that contributions, parts and successions lead one way",
        );
    }
}

fn outputs_without_contributor(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for output in cx.graph.unserved_outputs() {
        let Some(reference) = output.key().as_ref() else {
            continue;
        };
        sink.report(
            Rule::OutputWithoutContributor,
            Location::Element(reference.clone()),
            vec![reference.clone()],
            format!("no programme or deliverable contributes to output {reference}"),
            "link the programmes or deliverables that serve it with contributes_to",
        );
    }
}
