//! Links rules: SDG codes and standards against their catalogues, cycles,
//! programmes and outputs without links, redundant and malformed links.

use super::structure::element_ref;
use super::{Context, Rule, Sink};
use crate::format::Location;
use crate::graph::{GraphIssue, NodeKind};
use crate::sdg::SdgEntry;
use foldhash::{HashMap, HashMapExt as _};

use crate::{Element, Framework, FrameworkId, Link, LinkKind, Ref, SdgCode, StandardRef, StatedLink};

/// The links rules run framework by framework in the set's one walk
/// ([`Walk::framework`]); those on the whole graph run after it
/// ([`finish`]).
pub(super) struct Walk<'a> {
    /// The `contributes_to` links frameworks state, by where they start.
    stated: StatedFrom<'a>,
    /// Whether some SDG code did not resolve in the graph: only then are
    /// the lists searched for it.
    sdg_failed: bool,
    /// Whether some cited standard is outside the catalogue.
    standards_failed: bool,
    /// Lists kept from element to element, and the whole of each output
    /// once found.
    scratch: Scratch<'a>,
}

impl<'a> Walk<'a> {
    pub(super) fn new(cx: &Context<'a>) -> Self {
        // The graph has already looked up every SDG code and standard the set
        // names: where none failed, the lists need no second look.
        let unresolved = |wanted: fn(&Ref) -> bool| {
            cx.graph
                .issues()
                .iter()
                .any(|issue| matches!(issue, GraphIssue::UnresolvedLink { to, .. } if wanted(to)))
        };
        // Whether each element has a node of its own, whose edges are all the
        // links that resolve from it.
        let unique = !cx
            .graph
            .issues()
            .iter()
            .any(|issue| matches!(issue, GraphIssue::DuplicateNode(_)));
        Walk {
            stated: stated_contributions(cx),
            sdg_failed: unresolved(|r| matches!(r, Ref::Sdg(_))),
            // A cited standard outside the catalogue is a node of its own:
            // there are more standard nodes than catalogue entries.
            standards_failed: cx.graph.nodes_of_kind(NodeKind::Standard).count() > cx.standards.len(),
            scratch: Scratch {
                unique,
                nodes: Vec::new(),
                targets: Vec::new(),
                wholes: Vec::new(),
            },
        }
    }

    /// The rules on the elements of `f`.
    pub(super) fn framework(&mut self, cx: &Context<'a>, f: &Framework, sink: &mut Sink<'_>) {
        if self.sdg_failed {
            sdg_codes(cx, f, sink);
        }
        if self.standards_failed {
            standards(cx, f, sink);
        }
        programmes_without_links(cx, f, sink);
        redundant_outcome_links(cx, f, &self.stated, &mut self.scratch, sink);
    }
}

/// The links rules on the whole graph, after the walk: malformed links,
/// cycles, and outputs no one serves.
pub(super) fn finish(cx: &Context<'_>, sink: &mut Sink<'_>) {
    malformed_links(cx, sink);
    cycles(cx, sink);
    outputs_without_contributor(cx, sink);
}

fn sdg_codes(cx: &Context<'_>, f: &Framework, sink: &mut Sink<'_>) {
    // Only codes the catalogue lacks are gathered, with their places; the
    // references and places are built for those alone.
    let known = |code: &SdgCode| cx.sdg.contains(*code);
    let mut stated: Vec<(Location, Ref, SdgCode)> = Vec::new();
    let mut list = |owner: &dyn Fn() -> Ref, codes: &[SdgCode], place: &dyn Fn(Ref, usize) -> Location| {
        for (i, code) in codes.iter().enumerate().filter(|(_, c)| !known(c)) {
            let owner = owner();
            stated.push((place(owner.clone(), i), owner, *code));
        }
    };
    let item = |field: &'static str| move |owner: Ref, i: usize| Location::Item(owner, field.to_owned(), i);
    for outcome in &f.outcomes {
        list(&|| element_ref(f, &outcome.code), &outcome.sdg, &item("sdg"));
        for output in &outcome.outputs {
            list(&|| element_ref(f, &output.code), &output.sdg, &item("sdg"));
        }
    }
    for (code, indicators) in f.indicator_lists() {
        for (k, indicator) in indicators.iter().enumerate() {
            // An indicator's code points at the indicator's table.
            let at = move |owner: Ref, _: usize| Location::Item(owner, "indicators".to_owned(), k);
            list(&|| Ref::element(f.id.clone(), code.clone()), &indicator.sdg, &at);
        }
    }
    for p in &f.programmes {
        list(&|| element_ref(f, &p.id), &p.sdg, &item("sdg"));
    }
    for d in &f.deliverables {
        list(&|| element_ref(f, &d.code), &d.sdg, &item("sdg"));
    }
    // Contributions to an SDG code (`contributes_to = ["sdg:8.7"]`).
    let mut contributions = |owner: &dyn Fn() -> Ref, links: &[Link]| {
        for (i, link) in links.iter().enumerate() {
            if let Ref::Sdg(code) = link.target()
                && !known(code)
            {
                let owner = owner();
                stated.push((
                    Location::Item(owner.clone(), "contributes_to".to_owned(), i),
                    owner,
                    *code,
                ));
            }
        }
    };
    for p in &f.programmes {
        contributions(&|| element_ref(f, &p.id), &p.contributes_to);
    }
    for d in &f.deliverables {
        contributions(&|| element_ref(f, &d.code), &d.contributes_to);
    }
    for (i, link) in f.links.iter().enumerate() {
        for end in [&link.from, &link.to] {
            if let Ref::Sdg(code) = end
                && !known(code)
            {
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
    let known = |s: &StandardRef| cx.standards.get(*s).is_some();
    let mut cited: Vec<(Location, Ref, StandardRef)> = Vec::new();
    let mut list = |owner: &dyn Fn() -> Ref, standards: &[StandardRef]| {
        for (i, standard) in standards.iter().enumerate().filter(|(_, s)| !known(s)) {
            let owner = owner();
            cited.push((
                Location::Item(owner.clone(), "standards".to_owned(), i),
                owner,
                *standard,
            ));
        }
    };
    for outcome in &f.outcomes {
        list(&|| element_ref(f, &outcome.code), &outcome.standards);
        for output in &outcome.outputs {
            list(&|| element_ref(f, &output.code), &output.standards);
        }
    }
    for p in &f.programmes {
        list(&|| element_ref(f, &p.id), &p.standards);
    }
    for d in &f.deliverables {
        list(&|| element_ref(f, &d.code), &d.standards);
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
///
/// With `unique` nodes, the graph's edges from the element tell at once
/// whether it has such links; its links are looked at one by one only
/// when it has.
fn redundant_outcome_links<'g>(
    cx: &Context<'g>,
    f: &Framework,
    stated: &StatedFrom<'_>,
    scratch: &mut Scratch<'g>,
    sink: &mut Sink<'_>,
) {
    // The framework's table of nodes found once; each element's node is then
    // found by its code (first as the node after the last one found),
    // without a reference made for it.
    let mut nodes = cx.graph.element_nodes(&f.id);
    for p in &f.programmes {
        let code = p.id.as_str();
        let linker = Linker {
            reference: &|| element_ref(f, &p.id),
            node: nodes.get(code),
            own: &p.contributes_to,
            others: cx.has_stated_links(&f.id, code),
        };
        redundant(cx, stated, sink, &linker, scratch);
    }
    for d in &f.deliverables {
        let code = d.code.written();
        let linker = Linker {
            reference: &|| element_ref(f, &d.code),
            node: nodes.get(code.as_str()),
            own: &d.contributes_to,
            others: cx.has_stated_links(&f.id, code.as_str()),
        };
        redundant(cx, stated, sink, &linker, scratch);
    }
}

/// An element whose links [`redundant`] looks at.
struct Linker<'e> {
    /// Its reference, made only when needed.
    reference: &'e dyn Fn() -> Ref,
    /// Its node, where it has one.
    node: Option<petgraph::graph::NodeIndex>,
    /// Its own `contributes_to`.
    own: &'e [Link],
    /// Whether frameworks of the set state links from it.
    others: bool,
}

/// What [`redundant`] keeps from one element to the next.
struct Scratch<'g> {
    /// Whether every element has a node of its own.
    unique: bool,
    /// The nodes of an element's link targets, in order.
    nodes: Vec<Option<crate::graph::Node<'g>>>,
    /// The nodes its edges lead to.
    targets: Vec<petgraph::graph::NodeIndex>,
    /// What each output is part of, once found
    /// ([`crate::graph::FrameworkGraph::whole_of`]).
    wholes: Vec<u32>,
}

/// Links up to which [`redundant`] searches an element's list for a node;
/// above it, it looks nodes up in a map made for the element.
const SEARCHED: usize = 16;

/// One element's redundant links. Its targets are compared as graph nodes;
/// its reference is built only when others state links from it or when
/// there is a finding.
fn redundant<'g>(
    cx: &Context<'g>,
    stated: &StatedFrom<'_>,
    sink: &mut Sink<'_>,
    linker: &Linker<'_>,
    scratch: &mut Scratch<'g>,
) {
    let (owner, own) = (linker.reference, linker.own);
    let reference = linker.others.then(owner);
    let elsewhere = reference
        .as_ref()
        .and_then(|r| stated.get(r))
        .map(Vec::as_slice)
        .unwrap_or_default();
    if own.len() + elsewhere.len() < 2 {
        return;
    }
    // The element's edges looked at once, not each link looked up, for the
    // elements with no such link: nearly all.
    if scratch.unique
        && let Some(node) = linker.node
        && !cx
            .graph
            .serves_output_and_its_whole(node, &mut scratch.targets, &mut scratch.wholes)
    {
        return;
    }
    let nodes = &mut scratch.nodes;
    // The element's own links first, then those stated elsewhere.
    let target = |i: usize| match i.checked_sub(own.len()) {
        None => own[i].target(),
        Some(i) => elsewhere[i].0,
    };
    nodes.clear();
    nodes.extend((0..own.len() + elsewhere.len()).map(|i| cx.graph.node(target(i)).ok()));
    // Where each node first stands: searched in a short list, looked up in
    // a long one, so that an element with thousands of links costs a
    // look-up per link, not a search of all of them.
    let first: Option<HashMap<crate::graph::Node<'g>, usize>> = (nodes.len() > SEARCHED).then(|| {
        let mut first = HashMap::with_capacity(nodes.len());
        for (i, node) in nodes.iter().enumerate() {
            if let Some(node) = node {
                first.entry(*node).or_insert(i);
            }
        }
        first
    });
    for (j, node) in nodes.iter().enumerate() {
        let Some(outcome) = node
            .filter(|n| n.kind() == NodeKind::Output)
            .and_then(|n| n.part_of_known(&mut scratch.wholes))
        else {
            continue;
        };
        let found = match &first {
            Some(first) => first.get(&outcome).copied(),
            None => nodes.iter().position(|n| *n == Some(outcome)),
        };
        let Some(k) = found else {
            continue;
        };
        let owner = reference.clone().unwrap_or_else(owner);
        // The finding points at the link to the outcome.
        let location = match k.checked_sub(own.len()) {
            None => Location::Field(owner.clone(), "contributes_to".to_owned()),
            Some(i) => elsewhere[i].1.clone(),
        };
        let (target, outcome) = (target(j), target(k));
        sink.report(
            Rule::RedundantOutcomeLink,
            location,
            vec![owner.clone(), target.clone(), outcome.clone()],
            format!("{owner} contributes to {target} and to its outcome {outcome}"),
            format!("keep the link to {target}; contributing to an output already serves its outcome"),
        );
    }
}

/// The `contributes_to` links every framework states, by the element they
/// start from, with their places: built once, so that each element's
/// links are found without a search.
type StatedFrom<'a> = HashMap<&'a Ref, Vec<(&'a Ref, Location)>>;

fn stated_contributions<'a>(cx: &Context<'a>) -> StatedFrom<'a> {
    let mut stated: StatedFrom<'a> = HashMap::new();
    for (from, links) in &cx.stated_from {
        for (framework, i, link) in links {
            if link.kind == LinkKind::ContributesTo {
                stated
                    .entry(*from)
                    .or_default()
                    .push((&link.to, Location::Link((*framework).clone(), *i)));
            }
        }
    }
    stated
}

/// Self-links, and links between kinds of element they cannot join, found
/// on the graph's edges: every link that resolved, with the kinds of both
/// ends at hand. The place of a finding is looked up only for findings.
fn malformed_links(cx: &Context<'_>, sink: &mut Sink<'_>) {
    // Where the links of an element with long lists are written, found
    // once for it.
    let mut written = HashMap::new();
    for edge in cx.graph.edges() {
        let (from, to, kind) = (edge.from(), edge.to(), edge.kind());
        let self_link = from == to;
        if !self_link && joins(kind, from.kind(), to.kind()) {
            continue;
        }
        let (Some(source), Some(target)) = (from.key().reference(), to.key().reference()) else {
            continue;
        };
        let location = link_location(cx, source, kind, target, &mut written);
        if self_link {
            sink.report(
                Rule::SelfLink,
                location,
                vec![source.clone()],
                format!("{source} {kind} itself"),
                "remove the link, or point it at the element meant",
            );
        } else {
            sink.report(
                Rule::LinkKindMismatch,
                location,
                vec![source.clone(), target.clone()],
                format!(
                    "{kind} cannot lead from {} {source} to {} {target}",
                    from.kind(),
                    to.kind()
                ),
                allowed(kind),
            );
        }
    }
}

/// Where the link of `kind` from `from` to `to` is written: in the element's
/// own `contributes_to` or `succeeds`, or as a link a framework states.
/// An element's lists are searched when short; when long, they are read
/// once into `written`, so that an element with thousands of misplaced
/// links costs a look-up per link.
fn link_location<'a>(
    cx: &Context<'a>,
    from: &'a Ref,
    kind: LinkKind,
    to: &Ref,
    written: &mut HashMap<&'a Ref, Written<'a>>,
) -> Location {
    let element = cx.element(from);
    if let (Some(Element::Programme(p)), LinkKind::Succeeds) = (element, kind)
        && p.succeeds.as_deref() == Some(to)
    {
        return Location::Field(from.clone(), "succeeds".to_owned());
    }
    // Its own `contributes_to`, where a contribution may be written.
    let own: &[Link] = match element {
        Some(Element::Programme(p)) => &p.contributes_to,
        Some(Element::Deliverable(d)) => &d.contributes_to,
        _ => &[],
    };
    let contributes = kind == LinkKind::ContributesTo;
    let stated = cx.stated_from.get(from).map(Vec::as_slice).unwrap_or_default();
    let (own_at, stated_at) = if own.len().max(stated.len()) <= SEARCHED {
        (
            own.iter().position(|l| contributes && l.target() == to),
            stated
                .iter()
                .find(|(_, _, link)| link.kind == kind && &link.to == to)
                .map(|&(framework, i, _)| (framework, i)),
        )
    } else {
        let places = written.entry(from).or_insert_with(|| Written::of(own, stated));
        (
            places.own.get(to).copied().filter(|_| contributes),
            places.stated.get(&(kind, to)).copied(),
        )
    };
    if let Some(i) = own_at {
        return Location::Item(from.clone(), "contributes_to".to_owned(), i);
    }
    stated_at.map_or_else(
        || Location::Element(from.clone()),
        |(framework, i)| Location::Link(framework.clone(), i),
    )
}

/// Where each link of one element is first written, by where it leads.
struct Written<'a> {
    /// In its own `contributes_to`.
    own: HashMap<&'a Ref, usize>,
    /// In a framework's `links`, by kind.
    stated: HashMap<(LinkKind, &'a Ref), (&'a FrameworkId, usize)>,
}

impl<'a> Written<'a> {
    fn of(own: &'a [Link], stated: &[(&'a FrameworkId, usize, &'a StatedLink)]) -> Self {
        let mut written = Written {
            own: HashMap::with_capacity(own.len()),
            stated: HashMap::with_capacity(stated.len()),
        };
        for (i, link) in own.iter().enumerate() {
            written.own.entry(link.target()).or_insert(i);
        }
        for &(framework, i, link) in stated {
            written.stated.entry((link.kind, &link.to)).or_insert((framework, i));
        }
        written
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
                | (K::Programme, K::Programme)
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
        LinkKind::PartOf => {
            "part_of leads from an output to its outcome, from a project to the programme it is part of, or from an element to its framework"
        }
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
        let members: Vec<Ref> = cycle.iter().filter_map(|n| n.key().reference().cloned()).collect();
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
        let Some(reference) = output.key().reference() else {
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
