//! Framework sets: several documents that refer to each other.

use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Deliverable, Framework, Outcome, Output, Programme, ProgressReport};
use crate::{ElementCode, Error, FrameworkId, Ref};

/// One element of a framework, borrowed from its [`FrameworkSet`].
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub enum Element<'a> {
    /// An outcome.
    Outcome(&'a Outcome),
    /// An output.
    Output(&'a Output),
    /// A programme or project.
    Programme(&'a Programme),
    /// A deliverable.
    Deliverable(&'a Deliverable),
}

impl Element<'_> {
    /// `outcome`, `output`, `programme` or `deliverable`.
    pub fn kind_name(&self) -> &'static str {
        match self {
            Element::Outcome(_) => "outcome",
            Element::Output(_) => "output",
            Element::Programme(_) => "programme",
            Element::Deliverable(_) => "deliverable",
        }
    }

    /// The element's title or name.
    pub fn title(&self) -> &str {
        match self {
            Element::Outcome(o) => &o.title,
            Element::Output(o) => &o.title,
            Element::Programme(p) => &p.name,
            Element::Deliverable(d) => &d.title,
        }
    }
}

impl Framework {
    /// The element with this code: an outcome, output, programme or
    /// deliverable, looked for in that order.
    pub fn element(&self, code: &ElementCode) -> Option<Element<'_>> {
        let text = code.as_str();
        if let Some(o) = text.parse().ok().and_then(|c| self.outcome(c)) {
            return Some(Element::Outcome(o));
        }
        if let Some(o) = text.parse().ok().and_then(|c| self.output(c)) {
            return Some(Element::Output(o));
        }
        if let Some(p) = self.programmes.iter().find(|p| p.id.as_str() == text) {
            return Some(Element::Programme(p));
        }
        let code = text.parse().ok()?;
        self.deliverable(code).map(Element::Deliverable)
    }
}

/// Several frameworks, each under its own id, in the order they were added.
///
/// References between them (`pb-2022-23:7.1` from a programme of
/// `flagships`) resolve through [`FrameworkSet::resolve`].
///
/// ```
/// use ilo_frameworks::{Framework, FrameworkKind, FrameworkSet, Outcome};
///
/// let mut pb = Framework::new("pb-2022-23".parse()?, FrameworkKind::ProgrammeAndBudget, "P&B");
/// pb.outcomes.push(Outcome::new("7".parse()?, "Protection at work"));
/// let mut set = FrameworkSet::new();
/// set.insert(pb)?;
/// let found = set.resolve(&"pb-2022-23:7".parse()?).expect("outcome 7");
/// assert_eq!(found.kind_name(), "outcome");
/// assert!(set.resolve(&"pb-2022-23:9".parse()?).is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, try_from = "SetFile", into = "SetFile")]
#[schemars(with = "SetFile")]
#[schemars(description = "Several frameworks, each under its own id, in the order they were added.")]
pub struct FrameworkSet {
    frameworks: IndexMap<FrameworkId, Framework>,
    reports: IndexMap<FrameworkId, ProgressReport>,
}

/// The file form of a [`FrameworkSet`]: a list of frameworks and a list of
/// progress reports.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct SetFile {
    /// The frameworks, each with a distinct id.
    frameworks: Vec<Framework>,
    /// The progress reports on them, each with an id of its own.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    reports: Vec<ProgressReport>,
}

impl TryFrom<SetFile> for FrameworkSet {
    type Error = Error;
    fn try_from(file: SetFile) -> Result<Self, Error> {
        let mut set = FrameworkSet::new();
        for framework in file.frameworks {
            set.insert(framework)?;
        }
        for report in file.reports {
            set.insert_report(report)?;
        }
        Ok(set)
    }
}

impl From<FrameworkSet> for SetFile {
    fn from(set: FrameworkSet) -> Self {
        SetFile {
            frameworks: set.frameworks.into_values().collect(),
            reports: set.reports.into_values().collect(),
        }
    }
}

impl FrameworkSet {
    /// An empty set.
    pub fn new() -> Self {
        FrameworkSet::default()
    }

    /// Adds a framework.
    ///
    /// # Errors
    /// [`Error::DuplicateFramework`] when the set already holds a framework
    /// with the same id; the set is left unchanged.
    pub fn insert(&mut self, framework: Framework) -> Result<(), Error> {
        if self.frameworks.contains_key(&framework.id) || self.reports.contains_key(&framework.id) {
            return Err(Error::DuplicateFramework(framework.id));
        }
        self.frameworks.insert(framework.id.clone(), framework);
        Ok(())
    }

    /// Adds a progress report.
    ///
    /// # Errors
    /// [`Error::DuplicateFramework`] when the set already holds a framework
    /// or a report with the same id; the set is left unchanged.
    pub fn insert_report(&mut self, report: ProgressReport) -> Result<(), Error> {
        if self.frameworks.contains_key(&report.id) || self.reports.contains_key(&report.id) {
            return Err(Error::DuplicateFramework(report.id));
        }
        self.reports.insert(report.id.clone(), report);
        Ok(())
    }

    /// The progress report with this id; the id may be given as text.
    pub fn report<Q>(&self, id: &Q) -> Option<&ProgressReport>
    where
        FrameworkId: std::borrow::Borrow<Q>,
        Q: std::hash::Hash + Eq + ?Sized,
    {
        self.reports.get(id)
    }

    /// The progress reports in the order they were added.
    pub fn reports(&self) -> impl ExactSizeIterator<Item = &ProgressReport> {
        self.reports.values()
    }

    /// The framework with this id; the id may be given as text.
    ///
    /// ```
    /// let set = ilo_frameworks::builtin::frameworks()?;
    /// assert_eq!(set.get("flagships").map(|f| f.programmes.len()), Some(5));
    /// assert!(set.get(&"flagships".parse::<ilo_frameworks::FrameworkId>()?).is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn get<Q>(&self, id: &Q) -> Option<&Framework>
    where
        FrameworkId: std::borrow::Borrow<Q>,
        Q: std::hash::Hash + Eq + ?Sized,
    {
        self.frameworks.get(id)
    }

    /// The framework with this id, to edit in place. Its id cannot change
    /// here: a framework whose `id` is edited stays under its old one until
    /// it is taken out and inserted again (see [`FrameworkSet::replace`]).
    pub fn get_mut<Q>(&mut self, id: &Q) -> Option<&mut Framework>
    where
        FrameworkId: std::borrow::Borrow<Q>,
        Q: std::hash::Hash + Eq + ?Sized,
    {
        self.frameworks.get_mut(id)
    }

    /// Takes a framework out of the set; the others keep their order.
    pub fn remove<Q>(&mut self, id: &Q) -> Option<Framework>
    where
        FrameworkId: std::borrow::Borrow<Q>,
        Q: std::hash::Hash + Eq + ?Sized,
    {
        self.frameworks.shift_remove(id)
    }

    /// Takes a progress report out of the set.
    pub fn remove_report<Q>(&mut self, id: &Q) -> Option<ProgressReport>
    where
        FrameworkId: std::borrow::Borrow<Q>,
        Q: std::hash::Hash + Eq + ?Sized,
    {
        self.reports.shift_remove(id)
    }

    /// Puts `framework` in the place of the framework with the same id, and
    /// returns the one it replaces; adds it at the end when there is none.
    ///
    /// ```
    /// use ilo_frameworks::{builtin, Framework, FrameworkKind};
    ///
    /// let mut set = builtin::frameworks()?;
    /// let edited = Framework::new("flagships".parse()?, FrameworkKind::ProgrammeSet, "Edited");
    /// let old = set.replace(edited)?.expect("a built-in");
    /// assert_eq!(old.programmes.len(), 5);
    /// assert_eq!(set.iter().position(|f| f.id.as_str() == "flagships"), Some(1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::DuplicateFramework`] when a progress report has the id; the
    /// set is left unchanged.
    pub fn replace(&mut self, framework: Framework) -> Result<Option<Framework>, Error> {
        if self.reports.contains_key(&framework.id) {
            return Err(Error::DuplicateFramework(framework.id));
        }
        Ok(self.frameworks.insert(framework.id.clone(), framework))
    }

    /// The frameworks in the order they were added.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &Framework> {
        self.frameworks.values()
    }

    /// Framework `id` and where it is in [`FrameworkSet::iter`]'s order.
    pub(crate) fn get_full(&self, id: &FrameworkId) -> Option<(usize, &Framework)> {
        self.frameworks.get_full(id).map(|(i, _, f)| (i, f))
    }

    /// How many frameworks (reports are not counted).
    pub fn len(&self) -> usize {
        self.frameworks.len()
    }

    /// Whether the set holds no framework and no report.
    pub fn is_empty(&self) -> bool {
        self.frameworks.is_empty() && self.reports.is_empty()
    }

    /// The framework a reference names, or, for a reference to an element,
    /// its framework holding that element alone (an output under its own
    /// outcome, without the outcome's other outputs), with the links and
    /// claims the framework states about it.
    ///
    /// ```
    /// let set = ilo_frameworks::builtin::frameworks()?;
    /// let ipec = set.excerpt(&"flagships:IPEC+".parse()?).expect("IPEC+");
    /// assert_eq!(ipec.programmes.len(), 1);
    /// assert_eq!(ipec.programmes[0].id.as_str(), "IPEC+");
    /// let output = set.excerpt(&"pb-2022-23:7.1".parse()?).expect("output 7.1");
    /// assert_eq!((output.outcomes.len(), output.outputs().count()), (1, 1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn excerpt(&self, reference: &Ref) -> Option<Framework> {
        let (framework, code) = match reference {
            Ref::Framework(id) => return self.get(id).cloned(),
            Ref::Element { framework, code } => (self.get(framework)?, code),
            Ref::Sdg(_) | Ref::Standard(_) => return None,
        };
        let mut excerpt = framework.clone();
        excerpt.outcomes.clear();
        excerpt.programmes.clear();
        excerpt.deliverables.clear();
        match framework.element(code)? {
            Element::Outcome(o) => excerpt.outcomes.push(o.clone()),
            Element::Output(output) => {
                let outcome = framework
                    .outcomes
                    .iter()
                    .find(|o| o.outputs.iter().any(|p| p.code == output.code))?;
                let mut outcome = outcome.clone();
                outcome.outputs = vec![output.clone()];
                excerpt.outcomes.push(outcome);
            }
            Element::Programme(p) => excerpt.programmes.push(p.clone()),
            Element::Deliverable(d) => excerpt.deliverables.push(d.clone()),
        }
        excerpt.links.retain(|l| &l.from == reference || &l.to == reference);
        excerpt.claims.retain(|c| &c.subject == reference);
        Some(excerpt)
    }

    /// The element a reference names, when it is an element of a framework
    /// in the set. The search is linear in the framework's elements; for
    /// many look-ups over a large set, build a
    /// [`FrameworkGraph`](crate::graph::FrameworkGraph) and use its index. References to whole frameworks (see [`FrameworkSet::get`])
    /// and SDG and labour-standard references (resolved against their
    /// catalogues) give `None`.
    pub fn resolve(&self, reference: &Ref) -> Option<Element<'_>> {
        match reference {
            Ref::Element { framework, code } => self.get(framework)?.element(code),
            Ref::Framework(_) | Ref::Sdg(_) | Ref::Standard(_) => None,
        }
    }
}

impl IntoIterator for FrameworkSet {
    type Item = Framework;
    type IntoIter = indexmap::map::IntoValues<FrameworkId, Framework>;
    /// The frameworks, in order (the reports are dropped; take them out
    /// first with [`FrameworkSet::remove_report`] to keep them).
    fn into_iter(self) -> Self::IntoIter {
        self.frameworks.into_values()
    }
}

impl TryFrom<Vec<Framework>> for FrameworkSet {
    type Error = Error;
    /// The frameworks, in order.
    ///
    /// # Errors
    /// [`Error::DuplicateFramework`] at the first id given twice.
    fn try_from(frameworks: Vec<Framework>) -> Result<Self, Error> {
        frameworks.into_iter().collect()
    }
}

impl FromIterator<Framework> for Result<FrameworkSet, Error> {
    /// Collects frameworks into a set; the first id given twice is an
    /// [`Error::DuplicateFramework`].
    ///
    /// ```
    /// use ilo_frameworks::{builtin, FrameworkSet};
    ///
    /// let set: FrameworkSet = builtin::frameworks()?.into_iter().filter(|f| f.id.as_str() != "gp-1998").collect::<Result<_, _>>()?;
    /// assert_eq!(set.len(), 4);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    fn from_iter<I: IntoIterator<Item = Framework>>(frameworks: I) -> Self {
        let mut set = FrameworkSet::new();
        for framework in frameworks {
            set.insert(framework)?;
        }
        Ok(set)
    }
}

impl<'a> IntoIterator for &'a FrameworkSet {
    type Item = &'a Framework;
    type IntoIter = indexmap::map::Values<'a, FrameworkId, Framework>;
    fn into_iter(self) -> Self::IntoIter {
        self.frameworks.values()
    }
}
