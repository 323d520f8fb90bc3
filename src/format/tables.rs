//! Flat CSV tables for spreadsheet users: one row per element, lists
//! joined with `;`, and in list columns only the element's own direct links
//! as its source states them.

use std::collections::HashMap;
use std::fmt::{self, Write as _};
use std::str::FromStr;

use crate::sdg::SdgCatalogue;
use crate::{Framework, FrameworkSet, LinkKind, Ref, Region};

/// The tables [`table`] writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Table {
    /// `framework, outcome, outcome_kind, code, title, sdg, standards, programmes`
    Outputs,
    /// `framework, code, area, responds_to, activities, quarters`
    Deliverables,
    /// `framework, id, acronym, name, kind, africa, arab_states, asia_pacific, europe_central_asia, americas, total, sdg, outputs`
    Programmes,
    /// `from, to, kind, share`
    Links,
    /// `level, code, parent, unsd_code, title`
    Sdg,
    /// `framework, element, number, label, measure, unit, baseline, period_start, period_end, target, actual`:
    /// one row per reporting period of an indicator (one row for an
    /// indicator without periods, with its `period` and `target`), with the
    /// targets and actuals the framework states.
    Indicators,
}

impl Table {
    /// Every table.
    pub const ALL: [Table; 6] = [
        Table::Outputs,
        Table::Deliverables,
        Table::Programmes,
        Table::Links,
        Table::Sdg,
        Table::Indicators,
    ];

    /// The table's name: `outputs`, `deliverables`, `programmes`, `links`, `sdg`, `indicators`.
    pub fn name(self) -> &'static str {
        match self {
            Table::Outputs => "outputs",
            Table::Deliverables => "deliverables",
            Table::Programmes => "programmes",
            Table::Links => "links",
            Table::Sdg => "sdg",
            Table::Indicators => "indicators",
        }
    }

    /// The header row's column names.
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            Table::Outputs => &[
                "framework",
                "outcome",
                "outcome_kind",
                "code",
                "title",
                "sdg",
                "standards",
                "programmes",
            ],
            Table::Deliverables => &["framework", "code", "area", "responds_to", "activities", "quarters"],
            Table::Programmes => &[
                "framework",
                "id",
                "acronym",
                "name",
                "kind",
                "africa",
                "arab_states",
                "asia_pacific",
                "europe_central_asia",
                "americas",
                "total",
                "sdg",
                "outputs",
            ],
            Table::Links => &["from", "to", "kind", "share"],
            Table::Sdg => &["level", "code", "parent", "unsd_code", "title"],
            Table::Indicators => &[
                "framework",
                "element",
                "number",
                "label",
                "measure",
                "unit",
                "baseline",
                "period_start",
                "period_end",
                "target",
                "actual",
            ],
        }
    }
}

impl fmt::Display for Table {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Table {
    type Err = String;

    /// A table by name; the error lists the names.
    fn from_str(s: &str) -> Result<Self, String> {
        Table::ALL.into_iter().find(|t| t.name() == s).ok_or_else(|| {
            let names: Vec<&str> = Table::ALL.iter().map(|t| t.name()).collect();
            format!("no table {s:?}; the tables are {}", names.join(", "))
        })
    }
}

/// A CSV field, quoted when it holds a comma, quote or line break.
///
/// A text that a spreadsheet would run as a formula (one starting with
/// `=`, `+`, `-`, `@`, a tab or a carriage return, other than a plain
/// number such as `-5`) is written after a `'`, which spreadsheets show as
/// text: a title from a file cannot become a formula that runs when the
/// table is opened.
///
/// ```
/// use ilo_frameworks::format::csv_field;
///
/// assert_eq!(csv_field("plain"), "plain");
/// assert_eq!(csv_field("a, \"b\""), "\"a, \"\"b\"\"\"");
/// assert_eq!(csv_field("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
/// assert_eq!(csv_field("@SUM(A1)"), "'@SUM(A1)");
/// assert_eq!(csv_field("-12.5"), "-12.5");
/// ```
pub fn field(text: &str) -> String {
    let formula = text.starts_with(['=', '+', '-', '@', '\t', '\r']) && !text.parse::<f64>().is_ok_and(f64::is_finite);
    let text = if formula {
        std::borrow::Cow::Owned(format!("'{text}"))
    } else {
        std::borrow::Cow::Borrowed(text)
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.into_owned()
    }
}

fn joined<T: ToString>(items: impl IntoIterator<Item = T>) -> String {
    items.into_iter().map(|i| i.to_string()).collect::<Vec<_>>().join(";")
}

fn row(out: &mut String, cells: &[String]) {
    let line: Vec<String> = cells.iter().map(|c| field(c)).collect();
    let _ = writeln!(out, "{}", line.join(","));
}

fn optional<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// Writes one table of `set` (and, for [`Table::Sdg`], of the catalogue) as
/// CSV with a header row.
///
/// ```
/// use ilo_frameworks::builtin;
/// use ilo_frameworks::format::{Table, table};
///
/// let set = builtin::frameworks()?;
/// let csv = table(&set, builtin::sdg()?, Table::Programmes);
/// let mut lines = csv.lines();
/// assert_eq!(lines.next(), Some("framework,id,acronym,name,kind,africa,arab_states,asia_pacific,europe_central_asia,americas,total,sdg,outputs"));
/// assert!(csv.contains("flagships,IPEC+,IPEC+,International Programme on the Elimination of Child Labour and Forced Labour,flagship,11,3,8,4,6,32,8.7,"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn table(set: &FrameworkSet, sdg: &SdgCatalogue, table: Table) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", table.columns().join(","));
    match table {
        Table::Outputs => set.iter().for_each(|f| outputs(&mut out, f)),
        Table::Deliverables => set.iter().for_each(|f| deliverables(&mut out, f)),
        Table::Programmes => {
            let stated = stated_contributions(set);
            set.iter().for_each(|f| programmes(&mut out, f, &stated));
        }
        Table::Links => set.iter().for_each(|f| links(&mut out, f)),
        Table::Sdg => sdg_rows(&mut out, sdg),
        Table::Indicators => set.iter().for_each(|f| indicators(&mut out, f)),
    }
    out
}

fn outputs(out: &mut String, f: &Framework) {
    for outcome in &f.outcomes {
        for output in &outcome.outputs {
            let here = format!("{}:{}", f.id, output.code);
            let programmes = f
                .links
                .iter()
                .filter(|l| l.kind == LinkKind::ContributesTo && l.to.to_string() == here)
                .map(|l| l.from.to_string());
            row(
                out,
                &[
                    f.id.to_string(),
                    outcome.code.to_string(),
                    outcome.kind().to_string(),
                    output.code.to_string(),
                    output.title.clone(),
                    joined(&output.sdg),
                    joined(&output.standards),
                    joined(programmes),
                ],
            );
        }
    }
}

fn deliverables(out: &mut String, f: &Framework) {
    for d in &f.deliverables {
        row(
            out,
            &[
                f.id.to_string(),
                d.code.to_string(),
                d.area.to_string(),
                optional(d.responds_to.as_ref()),
                d.activities.len().to_string(),
                joined(d.timeframe.iter()),
            ],
        );
    }
}

/// The contributions every framework states between elements (`[[links]]`
/// of kind `contributes_to`), by the element they start from.
fn stated_contributions(set: &FrameworkSet) -> HashMap<&Ref, Vec<&Ref>> {
    let mut stated: HashMap<&Ref, Vec<&Ref>> = HashMap::new();
    for f in set {
        for link in f.links.iter().filter(|l| l.kind == LinkKind::ContributesTo) {
            stated.entry(&link.from).or_default().push(&link.to);
        }
    }
    stated
}

fn programmes(out: &mut String, f: &Framework, stated: &HashMap<&Ref, Vec<&Ref>>) {
    for p in &f.programmes {
        let reference = Ref::element(f.id.clone(), crate::ElementCode::from(&p.id));
        // Its own contributions, then those other documents state for it,
        // each once, SDG codes left to the `sdg` column.
        let mut served: Vec<&Ref> = Vec::new();
        let own = p.contributes_to.iter().map(|l| l.target());
        let others = stated.get(&reference).into_iter().flatten().copied();
        for target in own.chain(others) {
            if matches!(target, Ref::Element { .. }) && !served.contains(&target) {
                served.push(target);
            }
        }
        let count = |region: Option<Region>| {
            optional(p.coverage.as_ref().and_then(|c| match region {
                Some(r) => c.get(r),
                None => c.total,
            }))
        };
        let mut cells = vec![
            f.id.to_string(),
            p.id.to_string(),
            optional(p.acronym.as_ref()),
            p.name.to_string(),
            p.kind.to_string(),
        ];
        cells.extend(Region::ALL.into_iter().map(|r| count(Some(r))));
        cells.push(count(None));
        cells.push(joined(&p.sdg));
        cells.push(joined(served));
        row(out, &cells);
    }
}

/// One row of the links table.
fn link_row(out: &mut String, from: &Ref, to: &Ref, kind: LinkKind, share: Option<f64>) {
    row(
        out,
        &[from.to_string(), to.to_string(), kind.to_string(), optional(share)],
    );
}

/// The rows of an element's own links: contributions (with their shares),
/// SDG codes and standards cited.
fn own_link_rows(
    out: &mut String,
    from: &Ref,
    contributions: &[crate::Link],
    sdg: &[crate::SdgCode],
    standards: &[crate::StandardRef],
) {
    for link in contributions {
        link_row(
            out,
            from,
            link.target(),
            LinkKind::ContributesTo,
            link.share().map(|s| s.value()),
        );
    }
    for code in sdg {
        link_row(out, from, &Ref::Sdg(*code), LinkKind::ContributesTo, None);
    }
    for standard in standards {
        link_row(out, from, &Ref::Standard(*standard), LinkKind::Cites, None);
    }
}

fn links(out: &mut String, f: &Framework) {
    let at = |code: crate::ElementCode| Ref::element(f.id.clone(), code);
    let framework = Ref::Framework(f.id.clone());
    for outcome in &f.outcomes {
        let o = at(outcome.code.into());
        link_row(out, &o, &framework, LinkKind::PartOf, None);
        own_link_rows(out, &o, &[], &outcome.sdg, &outcome.standards);
        for output in &outcome.outputs {
            let r = at(output.code.into());
            link_row(out, &r, &o, LinkKind::PartOf, None);
            own_link_rows(out, &r, &[], &output.sdg, &output.standards);
        }
    }
    for p in &f.programmes {
        let r = at((&p.id).into());
        link_row(out, &r, &framework, LinkKind::PartOf, None);
        own_link_rows(out, &r, &p.contributes_to, &p.sdg, &p.standards);
        if let Some(earlier) = &p.succeeds {
            link_row(out, &r, earlier, LinkKind::Succeeds, None);
        }
    }
    for d in &f.deliverables {
        let r = at(d.code.into());
        link_row(out, &r, &framework, LinkKind::PartOf, None);
        own_link_rows(out, &r, &d.contributes_to, &d.sdg, &d.standards);
    }
    for l in &f.links {
        link_row(out, &l.from, &l.to, l.kind, l.share.map(|s| s.value()));
    }
}

fn indicators(out: &mut String, f: &Framework) {
    for (code, list) in f.indicator_lists() {
        let element = Ref::element(f.id.clone(), code).to_string();
        for (i, indicator) in list.iter().enumerate() {
            let head = [
                f.id.to_string(),
                element.clone(),
                (i + 1).to_string(),
                indicator.label.clone(),
                indicator.measure.to_string(),
                optional(indicator.unit.as_ref()),
                optional(indicator.baseline.as_ref()),
            ];
            let period = |p: Option<crate::Period>| {
                (
                    optional(p.map(crate::Period::start)),
                    optional(p.map(crate::Period::end)),
                )
            };
            if indicator.periods.is_empty() {
                let (start, end) = period(indicator.period);
                let mut cells = head.to_vec();
                cells.extend([start, end, optional(indicator.target.as_ref()), String::new()]);
                row(out, &cells);
            }
            for p in &indicator.periods {
                let (start, end) = period(Some(p.period));
                let mut cells = head.to_vec();
                cells.extend([start, end, p.target.to_string(), p.actual.to_string()]);
                row(out, &cells);
            }
        }
    }
}

fn sdg_rows(out: &mut String, sdg: &SdgCatalogue) {
    for goal in sdg.goals() {
        row(
            out,
            &[
                "goal".to_owned(),
                goal.code.to_string(),
                String::new(),
                String::new(),
                goal.title.clone(),
            ],
        );
        for target in sdg.targets_of(goal.code) {
            row(
                out,
                &[
                    "target".to_owned(),
                    target.code.to_string(),
                    goal.code.to_string(),
                    String::new(),
                    target.title.clone(),
                ],
            );
            for indicator in sdg.indicators_of(target.code) {
                row(
                    out,
                    &[
                        "indicator".to_owned(),
                        indicator.code.to_string(),
                        target.code.to_string(),
                        indicator.unsd.clone(),
                        indicator.title.clone(),
                    ],
                );
            }
        }
    }
}
