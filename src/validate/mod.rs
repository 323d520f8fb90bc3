//! The validation layer: consistency rules over a set of frameworks, with
//! stable codes, severities, places in files and help.
//!
//! [`validate`] runs every rule over a [`FrameworkSet`] and returns a
//! [`Report`] with every finding at once, in a stable order. It never stops
//! at the first finding and never panics; an `Err` means it could not run at
//! all (a built-in catalogue did not load). Each rule is documented under
//! its code in [`rules`] (the text of `docs/rules.md`).
//!
//! ```
//! use ilo_frameworks::validate::{self, Config, Rule, Severity};
//! use ilo_frameworks::{Framework, FrameworkSet};
//!
//! let text = r#"
//! id = "mine"
//! kind = "programme-and-budget"
//! title = "Mine"
//!
//! [[outcomes]]
//! code = "1"
//! title = "One"
//! sdg = ["8.99"]
//!
//! [[outcomes.outputs]]
//! code = "2.1"
//! title = "Misplaced"
//! "#;
//! let mut set = FrameworkSet::new();
//! set.insert(Framework::from_toml_str(text, "mine.toml")?)?;
//! let report = validate::validate(&set, &Config::default())?;
//! let codes: Vec<String> = report.iter().filter(|d| d.severity == Severity::Error).map(|d| d.code()).collect();
//! assert_eq!(codes, ["structure/output-under-wrong-outcome", "links/unknown-sdg-code"]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod config;
mod diagnostic;
mod links;
mod numbers;
mod render;
mod report;
mod results;
mod rule;
pub mod rules;
mod structure;
mod time;

use foldhash::{HashMap, HashMapExt as _, HashSet};

pub use config::{Config, Level};
pub use diagnostic::{Diagnostic, Severity};
pub use report::Report;
pub use rule::{Family, Rule};

use crate::format::{Location, SourceMap};
use crate::graph::FrameworkGraph;
use crate::sdg::{SdgCatalogue, SdgMention};
use crate::{
    Element, ElementCode, Error, Framework, FrameworkId, FrameworkSet, Ref, StandardCatalogue, StatedLink, builtin,
};

/// What the rules read: the set, the catalogues and the graph built from
/// them.
pub(crate) struct Context<'a> {
    pub(crate) set: &'a FrameworkSet,
    pub(crate) sdg: &'a SdgCatalogue,
    pub(crate) standards: &'a StandardCatalogue,
    pub(crate) graph: &'a FrameworkGraph,
    /// The links every framework states, by the element they start from,
    /// with the framework that states each and its place in that
    /// framework's list: gathered once, so that rules about one element's
    /// links never search the whole set.
    pub(crate) stated_from: HashMap<&'a Ref, Vec<(&'a FrameworkId, usize, &'a StatedLink)>>,
    /// The elements that stated links start from, as framework id and code
    /// text, so that an element can be checked without building its reference.
    pub(crate) stated_owners: HashSet<(&'a str, &'a str)>,
    /// For each framework of the set, in order, its elements by code, made
    /// the first time a rule looks one of them up: [`FrameworkSet::resolve`]
    /// searches, and a rule that looks up the element of each of many
    /// findings must not. Only the frameworks asked about are indexed (the
    /// claims of the built-in documents must not index a million elements
    /// of a user's set).
    elements: Vec<std::sync::OnceLock<HashMap<ElementCode, Element<'a>>>>,
}

impl<'a> Context<'a> {
    /// The element a reference names, as [`FrameworkSet::resolve`] finds
    /// it, by look-up.
    pub(crate) fn element(&self, reference: &Ref) -> Option<Element<'a>> {
        let Ref::Element { framework, code } = reference else {
            return None;
        };
        let (position, f) = self.set.get_full(framework)?;
        let index = self.elements.get(position)?.get_or_init(|| {
            let outcomes = f.outcomes.iter().flat_map(|o| {
                std::iter::once((ElementCode::from(o.code), Element::Outcome(o))).chain(
                    o.outputs
                        .iter()
                        .map(|p| (ElementCode::from(p.code), Element::Output(p))),
                )
            });
            let programmes = f
                .programmes
                .iter()
                .map(|p| (ElementCode::from(&p.id), Element::Programme(p)));
            let deliverables = f
                .deliverables
                .iter()
                .map(|d| (ElementCode::from(d.code), Element::Deliverable(d)));
            let mut elements = HashMap::new();
            // The first of a repeated code, as a search finds it.
            for (code, element) in outcomes.chain(programmes).chain(deliverables) {
                elements.entry(code).or_insert(element);
            }
            elements
        });
        index.get(code).copied()
    }

    /// Whether some framework states a link from element `code` of `framework`.
    pub(crate) fn has_stated_links(&self, framework: &FrameworkId, code: &str) -> bool {
        self.stated_owners.contains(&(framework.as_str(), code))
    }
}

/// Where rules put their findings; applies the configuration and finds
/// the place in the files.
pub(crate) struct Sink<'a> {
    config: &'a Config,
    sources: Option<&'a SourceMap>,
    found: Vec<Diagnostic>,
}

impl Sink<'_> {
    /// Records a finding of `rule` at `location`, unless the configuration
    /// allows the rule; returns it so that notes can be added.
    pub(crate) fn report(
        &mut self,
        rule: Rule,
        location: Location,
        subjects: Vec<Ref>,
        message: String,
        help: impl Into<String>,
    ) -> Option<&mut Diagnostic> {
        // A rule switched off costs no search for its place.
        self.config.severity(rule)?;
        let span = self.sources.and_then(|s| s.span(&location));
        self.push(rule, Some(location), span, subjects, message, help.into())
    }

    fn push(
        &mut self,
        rule: Rule,
        location: Option<Location>,
        span: Option<crate::format::Span>,
        subjects: Vec<Ref>,
        message: String,
        help: String,
    ) -> Option<&mut Diagnostic> {
        let severity = self.config.severity(rule)?;
        self.found.push(Diagnostic {
            rule,
            severity,
            message,
            subjects,
            location,
            span,
            help,
            notes: Vec::new(),
        });
        self.found.last_mut()
    }
}

/// Runs every rule over `set`, with the built-in SDG and labour standards
/// catalogues.
///
/// # Errors
/// When a built-in catalogue does not load (which the crate's tests rule out).
pub fn validate(set: &FrameworkSet, config: &Config) -> Result<Report, Error> {
    let standards = builtin::standards()?;
    Ok(Validator::new(set, builtin::sdg()?, &standards).run(config))
}

/// Runs every rule over `set`, pointing findings at the files in `sources`.
///
/// # Errors
/// As [`validate`].
pub fn validate_with_sources(set: &FrameworkSet, sources: &SourceMap, config: &Config) -> Result<Report, Error> {
    let standards = builtin::standards()?;
    Ok(Validator::new(set, builtin::sdg()?, &standards)
        .sources(sources)
        .run(config))
}

/// A validation with what the caller already has: its own catalogues, the
/// graph it built from the set, and the map of the files the set was read
/// from. It cannot fail: nothing is loaded.
///
/// ```
/// use ilo_frameworks::builtin;
/// use ilo_frameworks::graph::FrameworkGraph;
/// use ilo_frameworks::validate::{Config, Validator};
///
/// let set = builtin::frameworks()?;
/// let (sdg, standards) = (builtin::sdg()?, builtin::standards()?);
/// let graph = FrameworkGraph::new(&set, sdg, &standards);
/// // The same graph serves the caller's queries and the validation.
/// let report = Validator::new(&set, sdg, &standards).graph(&graph).run(&Config::default());
/// assert!(!report.has_errors());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Validator<'a> {
    set: &'a FrameworkSet,
    sdg: &'a SdgCatalogue,
    standards: &'a StandardCatalogue,
    graph: Option<&'a FrameworkGraph>,
    sources: Option<&'a SourceMap>,
}

impl<'a> Validator<'a> {
    /// A validation of `set` against these catalogues.
    pub fn new(set: &'a FrameworkSet, sdg: &'a SdgCatalogue, standards: &'a StandardCatalogue) -> Self {
        Validator {
            set,
            sdg,
            standards,
            graph: None,
            sources: None,
        }
    }

    /// Uses `graph`, which must have been built from the same set and
    /// catalogues ([`FrameworkGraph::new`]), instead of building one.
    #[must_use]
    pub fn graph(mut self, graph: &'a FrameworkGraph) -> Self {
        self.graph = Some(graph);
        self
    }

    /// Points findings at the files in `sources`.
    #[must_use]
    pub fn sources(mut self, sources: &'a SourceMap) -> Self {
        self.sources = Some(sources);
        self
    }

    /// Runs every rule.
    pub fn run(&self, config: &Config) -> Report {
        match self.graph {
            Some(graph) => run(self, graph, config),
            None => run(self, &FrameworkGraph::new(self.set, self.sdg, self.standards), config),
        }
    }
}

fn run(v: &Validator<'_>, graph: &FrameworkGraph, config: &Config) -> Report {
    let (set, sdg, standards, sources) = (v.set, v.sdg, v.standards, v.sources);
    let mut stated_from: HashMap<&Ref, Vec<_>> = HashMap::new();
    for f in set {
        for (i, link) in f.links.iter().enumerate() {
            stated_from.entry(&link.from).or_default().push((&f.id, i, link));
        }
    }
    let stated_owners = stated_from
        .keys()
        .filter_map(|r| match r {
            Ref::Element { framework, code } => Some((framework.as_str(), code.as_str())),
            _ => None,
        })
        .collect();
    let context = Context {
        set,
        sdg,
        standards,
        graph,
        stated_from,
        stated_owners,
        elements: std::iter::repeat_with(std::sync::OnceLock::new)
            .take(set.len())
            .collect(),
    };
    let mut sink = Sink {
        config,
        sources,
        found: Vec::new(),
    };
    // One walk over the set: every family's rules on a framework while its
    // elements are in the processor's caches, rather than a walk per family
    // (each of which, on a large set, read the whole model from memory).
    let mut structure = structure::Walk::new(&context);
    let mut links = links::Walk::new(&context);
    for f in set {
        structure.framework(&context, f, &mut sink);
        links.framework(&context, f, &mut sink);
        time::framework(f, &mut sink);
        numbers::framework(&context, f, &mut sink);
        results::framework(f, &mut sink);
    }
    links::finish(&context, &mut sink);
    time::reports(&context, &mut sink);
    results::finish(&context, &mut sink);
    Report::new(sink.found)
}

/// Where the file format is documented for anyone who installed the crate.
const FORMAT_URL: &str = "https://docs.rs/ilo-frameworks/latest/ilo_frameworks/format/spec/";

/// The built-in frameworks loaded with their sources, so that findings
/// point at the lines of `seeds/`.
///
/// # Errors
/// As [`builtin::Builtin::load`].
pub fn builtin_with_sources() -> Result<(FrameworkSet, SourceMap), Error> {
    let mut sources = SourceMap::new();
    let mut set = FrameworkSet::new();
    for b in builtin::Builtin::ALL {
        set.insert(sources.add_toml(b.text(), b.file_name())?)?;
    }
    Ok((set, sources))
}

/// Checks a framework file's text before and while reading it: SDG codes
/// written with an upper-case target letter (`format/sdg-code-case`), and
/// anything that stops the file from being read (`format/invalid-file`).
///
/// Returns the findings and, when the file could be read, the framework.
///
/// ```
/// use ilo_frameworks::validate::{Config, lint_toml};
///
/// let text = "id = \"x\"\nkind = \"other\"\ntitle = \"X\"\n\n[[outcomes]]\ncode = \"1\"\ntitle = \"One\"\nsdg = [\"1.A\"]\n";
/// let (report, framework) = lint_toml(text, "x.toml", &Config::default());
/// assert!(framework.is_none());
/// let codes: Vec<String> = report.iter().map(|d| d.code()).collect();
/// assert_eq!(codes, ["format/invalid-file", "format/sdg-code-case"]);
/// assert_eq!(report.iter().nth(1).unwrap().help, "write \"1.a\"");
/// ```
pub fn lint_toml(text: &str, origin: &str, config: &Config) -> (Report, Option<Framework>) {
    let mut sink = Sink {
        config,
        sources: None,
        found: Vec::new(),
    };
    lint_sdg_case(text, origin, &mut sink);
    let framework = match Framework::from_toml_str(text, origin) {
        Ok(framework) => Some(framework),
        Err(e) => {
            let span = crate::format::Span {
                file: origin.to_owned(),
                line: e.line(),
                column: e.column(),
                offset: offset_of(text, e.line(), e.column()),
                length: 0,
            };
            sink.push(
                Rule::InvalidFile,
                None,
                Some(span),
                Vec::new(),
                format!("{origin} cannot be read: {}", e.message()),
                format!("correct the value at this place; every key is described at {FORMAT_URL}"),
            );
            None
        }
    };
    (Report::new(sink.found), framework)
}

/// Every string value of the TOML document that reads as an SDG code (or
/// an `sdg:` reference) with an upper-case target letter. The document is
/// parsed with recovery, so a file with other faults is still searched;
/// comments are not values and are not searched.
fn lint_sdg_case(text: &str, origin: &str, sink: &mut Sink<'_>) {
    use toml::de::{DeTable, DeValue};
    fn visit<'a>(value: &'a toml::Spanned<DeValue<'a>>, found: &mut Vec<(std::ops::Range<usize>, String)>) {
        match value.get_ref() {
            DeValue::String(s) => found.push((value.span(), s.to_string())),
            DeValue::Array(items) => items.iter().for_each(|item| visit(item, found)),
            DeValue::Table(table) => table.values().for_each(|item| visit(item, found)),
            _ => {}
        }
    }
    let (document, _) = DeTable::parse_recoverable(text);
    let mut strings = Vec::new();
    for value in document.get_ref().values() {
        visit(value, &mut strings);
    }
    let lines = crate::format::LineIndex::new(text);
    for (range, value) in strings {
        let code = value.strip_prefix("sdg:").unwrap_or(&value);
        if !code.starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let Ok(mention) = SdgMention::parse(code) else { continue };
        if !mention.deviations.contains(&crate::sdg::Deviation::UpperCaseLetter) {
            continue;
        }
        let (line, column) = lines.line_column(text, range.start);
        let span = crate::format::Span {
            file: origin.to_owned(),
            line,
            column,
            offset: range.start,
            length: range.end.saturating_sub(range.start),
        };
        sink.push(
            Rule::SdgCodeCase,
            None,
            Some(span),
            vec![Ref::Sdg(mention.code)],
            format!("SDG code \"{code}\" writes its target letter in upper case"),
            mention.hint().unwrap_or_default(),
        );
    }
}

fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let within: usize = text[start.min(text.len())..]
        .chars()
        .take(column.saturating_sub(1))
        .map(char::len_utf8)
        .sum();
    start + within
}
