//! Synthetic framework sets: large, realistic and valid, for benchmarks
//! and property tests.
//!
//! [`generate`] builds a [`FrameworkSet`] from a [`SyntheticConfig`]:
//!
//! - **Programme-and-Budget-like frameworks** `synth-pb-1`, `synth-pb-2`, …
//!   with consecutive bienniums from 2022-23 (wrapping round from 2028-29 to
//!   2016-17, so every year stays within 2016–2029), each inside a
//!   four-year strategic plan. Each holds policy outcomes `1`…`n` and the
//!   enabling outcomes `A`, `B` and `C`, each with its outputs (`3.1`,
//!   `B.2`, …). Policy outputs list country-level and global-level actions,
//!   enabling outputs biennium deliverables; every output names one to three
//!   codes of the real SDG catalogue ([`builtin::sdg`]) and up to two labour
//!   standards of [`builtin::standards`].
//! - **Programme sets** `synth-progs-1`, … holding programmes `P1`, `P2`, …:
//!   mostly projects, some global programmes, a few flagships, each with a
//!   period within 2015–2030, country coverage by region whose total adds
//!   up, targets due within the period, partners, initiatives, SDG codes,
//!   standards, one to five distinct outputs it contributes to (some with
//!   shares, which never add up to more than 1), and for about one in
//!   twenty an earlier programme of the same set it succeeds.
//! - **Plans of action** `synth-plan-1`, … holding deliverables `1.1`,
//!   `1.2`, … grouped by area, each scheduled over an unbroken run of
//!   quarters within the plan's period and contributing to one to three
//!   distinct outputs.
//! - A few stated links, in the budget frameworks, from programmes to the
//!   outputs they contribute to.
//!
//! Every reference resolves, every code is unique within its framework and
//! every period, share and total is consistent: the sets are meant to pass
//! validation. The same configuration always gives the same set.
//!
//! # Results
//!
//! [`generate_with_results`] makes the same set with indicators, for
//! progress evaluation ([`progress::evaluate`](crate::progress::evaluate)):
//!
//! - every output has one indicator with a unit, a baseline and two yearly
//!   periods (the biennium's years) with targets; the first period has an
//!   actual, the second sometimes. Some count workers (`sum`, some actuals
//!   broken down by `country`), some count member States
//!   (`{ distinct-count = "country" }`, actuals broken down by country),
//!   some are percentages (`mean`), some count policies;
//! - every programme has one indicator of the same kinds (or counting
//!   enterprises), with two periods: its first year, and the rest of its
//!   period, whose target is the final one; the first sometimes has an
//!   actual.
//!
//! [`generate_report`] writes a [`ProgressReport`] on such a set, dated
//! [`REPORT_DATE`]: two observations per programme (for a distinct count,
//! two countries' actuals for its last period; otherwise the actual of its
//! last period and either the value reached on its first target or, when
//! it has none, the actual of its first period) and the status of three
//! deliverables in four, consistent with their schedules and the report's
//! date. Evaluate as of [`REPORT_DATE`] or later to read it.
//!
//! Strings are short and optional fields few, so that a million elements
//! fit comfortably in memory and generate in a few seconds in release mode.
//!
//! # Example
//!
//! ```
//! use ilo_frameworks::synthetic::{SyntheticConfig, edge_estimate, generate};
//!
//! let config = SyntheticConfig::with_nodes(42, 1_000);
//! let set = generate(&config);
//! assert_eq!(set, generate(&config));
//!
//! let elements = config.element_count();
//! assert!(elements.abs_diff(1_000) <= 50);
//! let edges = edge_estimate(&set);
//! assert!(edges > 3 * elements && edges < 5 * elements);
//!
//! let programme = set.iter().flat_map(|f| &f.programmes).next().expect("a programme");
//! for link in &programme.contributes_to {
//!     assert!(set.resolve(link.target()).is_some());
//! }
//! ```

pub mod shapes;

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use crate::{
    Aggregation, Biennium, Coverage, DataPoint, DataPoints, Deliverable, DeliverableCode, DeliverableObservation,
    DeliverableStatus, ElementCode, Framework, FrameworkId, FrameworkKind, FrameworkSet, Indicator,
    IndicatorObservation, IndicatorPeriod, Link, LinkDetail, LinkKind, Measure, Outcome, OutcomeCode, OutcomeKind,
    Output, OutputCode, PartialDate, Period, Plan, Programme, ProgrammeId, ProgrammeKind, ProgrammeTarget,
    ProgressReport, Provenance, Quarter, QuarterRange, Ref, SdgCode, Share, StandardRef, StatedLink, TargetObservation,
    Timeframe, Value, builtin,
};

/// Sizes of a synthetic set.
///
/// Build one by hand, or let [`SyntheticConfig::with_nodes`] choose sizes
/// for a number of graph nodes.
///
/// ```
/// use ilo_frameworks::synthetic::{SyntheticConfig, generate};
///
/// let config = SyntheticConfig {
///     seed: 7,
///     budgets: 2,
///     outcomes_per_budget: 8,
///     outputs_per_outcome: 4,
///     programme_sets: 1,
///     programmes: 50,
///     plans: 1,
///     deliverables: 30,
///     partners: 10,
///     initiatives: 3,
/// };
/// let set = generate(&config);
/// assert_eq!(set.len(), 4);
/// assert_eq!(set.iter().map(|f| f.outputs().count()).sum::<usize>(), 2 * 11 * 4);
/// assert_eq!(config.element_count(), 2 * (1 + 11 + 44) + 1 + 50 + 1 + 30 + 10 + 3);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntheticConfig {
    /// The seed of the pseudo-random choices; the same seed and sizes give
    /// the same set.
    pub seed: u64,
    /// How many Programme-and-Budget-like frameworks (`synth-pb-<i>`).
    pub budgets: usize,
    /// Policy outcomes per budget framework (`1`…`n`; at most 65 535); each
    /// also has the enabling outcomes `A`, `B` and `C`.
    pub outcomes_per_budget: usize,
    /// Outputs under each outcome, policy or enabling (at most 65 535).
    pub outputs_per_outcome: usize,
    /// How many frameworks hold programmes (`synth-progs-<i>`).
    pub programme_sets: usize,
    /// Programmes in all, spread evenly over the programme sets (none when
    /// there is no programme set).
    pub programmes: usize,
    /// How many plan-of-action frameworks hold deliverables
    /// (`synth-plan-<i>`).
    pub plans: usize,
    /// Deliverables in all, spread evenly over the plans (none when there is
    /// no plan).
    pub deliverables: usize,
    /// The size of the pool of partner names (`Partner <k>`).
    pub partners: usize,
    /// The size of the pool of initiative names (`Initiative <k>`).
    pub initiatives: usize,
}

/// Outputs per budget framework that [`SyntheticConfig::with_nodes`] aims at
/// for larger sets: 8 policy and 3 enabling outcomes of 4 outputs each.
const FULL_POLICY_OUTCOMES: usize = 8;
const FULL_OUTPUTS_PER_OUTCOME: usize = 4;
/// Programmes per programme set, and deliverables per plan, that
/// [`SyntheticConfig::with_nodes`] aims at.
const PROGRAMMES_PER_SET: usize = 1_000;
const DELIVERABLES_PER_PLAN: usize = 500;
/// The enabling outcomes of every budget framework.
const ENABLING: [char; 3] = ['A', 'B', 'C'];
/// The most deliverables one plan can hold with two-number codes.
const MAX_DELIVERABLES_PER_PLAN: usize = (u16::MAX as usize).saturating_mul(u16::MAX as usize);

impl SyntheticConfig {
    /// A configuration whose graph has about `nodes` nodes and about four
    /// edges per node (as [`edge_estimate`] counts them).
    ///
    /// About 1% of the nodes are outputs (budget frameworks of 8 policy and
    /// 3 enabling outcomes of 4 outputs each, fewer for small sets), 61%
    /// programmes (a thousand per programme set), 37% deliverables (five
    /// hundred per plan), and a pool of partners of one per thousand nodes
    /// and of initiatives of one per two thousand. Any `nodes` from 1 gives
    /// at least one budget framework with at least one outcome and output,
    /// so at least 7 nodes; `0` gives an empty set.
    ///
    /// ```
    /// use ilo_frameworks::synthetic::SyntheticConfig;
    ///
    /// let config = SyntheticConfig::with_nodes(1, 1_000_000);
    /// assert!(config.element_count().abs_diff(1_000_000) < 50_000);
    /// assert_eq!(SyntheticConfig::with_nodes(1, 0).element_count(), 0);
    /// ```
    pub fn with_nodes(seed: u64, nodes: usize) -> Self {
        let mut config = SyntheticConfig {
            seed,
            budgets: 0,
            outcomes_per_budget: 0,
            outputs_per_outcome: 0,
            programme_sets: 0,
            programmes: 0,
            plans: 0,
            deliverables: 0,
            partners: 0,
            initiatives: 0,
        };
        if nodes == 0 {
            return config;
        }
        let outputs = (nodes / 100 + usize::from(nodes % 100 >= 50)).max(1);
        let full = (FULL_POLICY_OUTCOMES + ENABLING.len()) * FULL_OUTPUTS_PER_OUTCOME;
        if outputs >= full {
            config.budgets = outputs / full + usize::from(outputs % full >= full / 2);
            config.outcomes_per_budget = FULL_POLICY_OUTCOMES;
            config.outputs_per_outcome = FULL_OUTPUTS_PER_OUTCOME;
        } else {
            // One budget framework, shrunk towards `outputs` outputs.
            config.budgets = 1;
            config.outcomes_per_budget = 0;
            config.outputs_per_outcome = 1;
            for per_outcome in (1..=FULL_OUTPUTS_PER_OUTCOME).rev() {
                let outcomes = (outputs + per_outcome / 2) / per_outcome;
                if outcomes >= ENABLING.len() {
                    config.outcomes_per_budget = outcomes - ENABLING.len();
                    config.outputs_per_outcome = per_outcome;
                    break;
                }
            }
        }
        if nodes >= 20 {
            config.partners = (nodes / 1_000).max(1);
            config.initiatives = (nodes / 2_000).max(1);
        }
        let budget_nodes = config.budget_nodes();
        let rest = nodes
            .saturating_sub(budget_nodes)
            .saturating_sub(config.partners)
            .saturating_sub(config.initiatives);
        let programmes = rest / 100 * 61 + rest % 100 * 61 / 100;
        let sets = programmes.div_ceil(PROGRAMMES_PER_SET);
        let rest = rest.saturating_sub(programmes + sets);
        let plans = rest.div_ceil(DELIVERABLES_PER_PLAN + 1);
        config.programmes = programmes;
        config.programme_sets = sets;
        config.plans = plans;
        config.deliverables = rest - plans;
        config
    }

    /// The number of graph nodes a set of this configuration yields:
    /// frameworks, outcomes, outputs, programmes, deliverables, and the
    /// distinct partners and initiatives the programmes name. SDG and
    /// labour-standard nodes are not counted: they come from the catalogues.
    ///
    /// The count is exact. The first programmes each name a new partner and
    /// initiative, so [`generate`] uses every name of the pools, or the
    /// first as many as there are programmes when the pools are larger.
    /// Programmes without a programme set and deliverables without a plan
    /// are neither generated nor counted.
    pub fn element_count(&self) -> usize {
        let sizes = Sizes::of(self);
        self.budget_nodes()
            .saturating_add(self.programme_sets)
            .saturating_add(sizes.programmes)
            .saturating_add(self.plans)
            .saturating_add(sizes.deliverables)
            .saturating_add(sizes.partners)
            .saturating_add(sizes.initiatives)
    }

    /// Budget frameworks, their outcomes and their outputs.
    fn budget_nodes(&self) -> usize {
        let sizes = Sizes::of(self);
        let per_budget = 1usize
            .saturating_add(sizes.outcomes)
            .saturating_add(sizes.outcomes.saturating_mul(sizes.outputs_per_outcome));
        self.budgets.saturating_mul(per_budget)
    }
}

/// The sizes `generate` actually uses: the configuration's, within the
/// limits of the codes, and without elements that have no framework to go
/// into.
struct Sizes {
    /// Policy outcomes per budget framework.
    policy: usize,
    /// Outcomes per budget framework, policy and enabling.
    outcomes: usize,
    outputs_per_outcome: usize,
    programmes: usize,
    deliverables: usize,
    /// Partners used (the pool, or the first of it when there are fewer
    /// programmes).
    partners: usize,
    /// Initiatives used.
    initiatives: usize,
}

impl Sizes {
    fn of(config: &SyntheticConfig) -> Self {
        let policy = config.outcomes_per_budget.min(usize::from(u16::MAX));
        let programmes = if config.programme_sets == 0 {
            0
        } else {
            config.programmes
        };
        let deliverables = config
            .deliverables
            .min(config.plans.saturating_mul(MAX_DELIVERABLES_PER_PLAN));
        Sizes {
            policy,
            outcomes: policy + ENABLING.len(),
            outputs_per_outcome: config.outputs_per_outcome.min(usize::from(u16::MAX)),
            programmes,
            deliverables,
            partners: config.partners.min(programmes),
            initiatives: config.initiatives.min(programmes),
        }
    }
}

/// Generates the set. Same config, same set (bit for bit).
///
/// The frameworks come in this order: the budget frameworks, the
/// programme sets, the plans of action. See the [module
/// documentation](self) for what they hold.
pub fn generate(config: &SyntheticConfig) -> FrameworkSet {
    build(config, false)
}

/// Generates the set as [`generate`] does, with results: one indicator on
/// every output and on every programme (see the [module
/// documentation](self#results)). The frameworks, their elements and their
/// links are those [`generate`] makes for the same configuration; only the
/// indicators are added. Same config, same set.
///
/// ```
/// use ilo_frameworks::synthetic::{SyntheticConfig, generate, generate_report, generate_with_results};
///
/// let config = SyntheticConfig::with_nodes(5, 2_000);
/// let mut set = generate_with_results(&config);
/// assert!(set.iter().flat_map(|f| f.outputs()).all(|o| o.indicators.len() == 1));
/// assert!(set.iter().flat_map(|f| &f.programmes).all(|p| p.indicators.len() == 1));
/// assert_eq!(set.iter().map(|f| f.outputs().count()).sum::<usize>(),
///            generate(&config).iter().map(|f| f.outputs().count()).sum::<usize>());
///
/// let report = generate_report(&set, &config);
/// let programmes = set.iter().map(|f| f.programmes.len()).sum::<usize>();
/// assert_eq!(report.targets.len() + report.indicators.len(), 2 * programmes);
/// set.insert_report(report)?;
/// # Ok::<(), ilo_frameworks::Error>(())
/// ```
pub fn generate_with_results(config: &SyntheticConfig) -> FrameworkSet {
    build(config, true)
}

/// [`generate`], with indicators when `results` is set. The indicators are
/// drawn from a random stream of their own, so that the rest of the set
/// is the same with or without them.
fn build(config: &SyntheticConfig, results: bool) -> FrameworkSet {
    let sizes = Sizes::of(config);
    let mut rng = Rng::new(config.seed);
    let catalogues = Catalogues::load();
    let budgets = Budgets::new(config.budgets, &sizes);

    let mut frameworks = Vec::new();
    for index in 0..config.budgets {
        frameworks.extend(budget_framework(&mut rng, &catalogues, &budgets, &sizes, index));
    }

    let mut programmes_generator = ProgrammeGenerator {
        rng: &mut rng,
        catalogues: &catalogues,
        budgets: &budgets,
        partners: sizes.partners,
        initiatives: sizes.initiatives,
        next_global: 0,
        links: Vec::new(),
    };
    for index in 0..config.programme_sets {
        let count = share_of(sizes.programmes, config.programme_sets, index);
        frameworks.extend(programmes_generator.framework(index, count));
    }
    // The budget frameworks come first, so a budget's index is its place.
    let links = std::mem::take(&mut programmes_generator.links);
    for (budget, link) in links {
        if let Some(framework) = frameworks.get_mut(budget) {
            framework.links.push(link);
        }
    }

    for index in 0..config.plans {
        let count = share_of(sizes.deliverables, config.plans, index);
        frameworks.extend(plan_framework(&mut rng, &budgets, index, count));
    }

    if results {
        let mut rng = Rng::new(config.seed ^ RESULTS_SEED);
        for framework in &mut frameworks {
            add_indicators(&mut rng, framework);
        }
    }

    let mut set = FrameworkSet::new();
    for framework in frameworks {
        // Ids are distinct by construction, so inserting cannot fail.
        let _ = set.insert(framework);
    }
    set
}

/// The number of graph edges of a set, counted as the graph layer draws
/// them: each outcome, programme and deliverable is part of its framework
/// and each output of its outcome; and each `contributes_to` link, SDG
/// code, labour standard, partner, initiative, `succeeds` and stated link
/// is an edge.
///
/// ```
/// use ilo_frameworks::synthetic::{SyntheticConfig, edge_estimate, generate};
///
/// let set = generate(&SyntheticConfig::with_nodes(3, 10_000));
/// let per_node = edge_estimate(&set) as f64 / 10_000.0;
/// assert!((3.4..=4.6).contains(&per_node), "{per_node}");
/// ```
pub fn edge_estimate(set: &FrameworkSet) -> usize {
    let mut edges = 0;
    for framework in set {
        edges += framework.links.len();
        for outcome in &framework.outcomes {
            edges += 1 + outcome.sdg.len() + outcome.standards.len();
            for output in &outcome.outputs {
                edges += 1 + output.sdg.len() + output.standards.len();
            }
        }
        edges += framework
            .programmes
            .iter()
            .map(crate::graph::programme_edges)
            .sum::<usize>();
        for d in &framework.deliverables {
            edges += 1 + d.contributes_to.len() + d.sdg.len() + d.standards.len();
        }
    }
    edges
}

/// The part of `total` that goes to item `index` of `parts` when it is
/// spread evenly, the first items taking one more.
fn share_of(total: usize, parts: usize, index: usize) -> usize {
    total
        .checked_div(parts)
        .map_or(0, |even| even + usize::from(index < total % parts))
}

/// splitmix64: small, fast and good enough for synthetic data.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Rng(seed ^ 0x6a09_e667_f3bc_c908)
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number from 0 to `n - 1`; 0 when `n` is 0.
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// A number from `low` to `high`, both included.
    fn between(&mut self, low: usize, high: usize) -> usize {
        low + self.below(high.saturating_sub(low) + 1)
    }

    /// True with a chance of `percent` in a hundred.
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    /// An index into `weights`, chosen with those weights.
    fn weighted(&mut self, weights: &[usize]) -> usize {
        let mut pick = self.below(weights.iter().sum());
        for (i, &w) in weights.iter().enumerate() {
            if pick < w {
                return i;
            }
            pick -= w;
        }
        0
    }

    /// One item of a slice; `None` when it is empty.
    fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        items.get(self.below(items.len()))
    }

    /// `count` consecutive labels of `vocabulary` from a random start, so
    /// distinct as long as `count` is at most its length.
    fn labels<T: for<'a> From<&'a str>>(&mut self, vocabulary: &[&str], count: usize) -> Vec<T> {
        let start = self.below(vocabulary.len());
        (0..count.min(vocabulary.len()))
            .map(|i| T::from(vocabulary[(start + i) % vocabulary.len()]))
            .collect()
    }
}

/// The codes elements draw their SDG and standards links from.
struct Catalogues {
    /// Targets of the goals closest to the ILO's mandate (1, 4, 5, 8, 10, 16).
    focus_targets: Vec<SdgCode>,
    /// Every target.
    targets: Vec<SdgCode>,
    /// Every current indicator.
    indicators: Vec<SdgCode>,
    /// Every labour standard the built-in documents cite.
    standards: Vec<StandardRef>,
}

/// Codes used when the built-in catalogues cannot be read.
const FALLBACK_TARGETS: [&str; 10] = ["1.3", "4.4", "5.5", "8.3", "8.5", "8.6", "8.7", "8.8", "10.4", "16.10"];
const FALLBACK_INDICATORS: [&str; 4] = ["8.5.2", "8.7.1", "8.8.1", "8.8.2"];
const FALLBACK_STANDARDS: [&str; 8] = ["C029", "C087", "C098", "C100", "C111", "C138", "C182", "P029"];
const FOCUS_GOALS: [u8; 6] = [1, 4, 5, 8, 10, 16];

impl Catalogues {
    fn load() -> Self {
        let parse_all = |codes: &[&str]| codes.iter().filter_map(|c| c.parse().ok()).collect::<Vec<SdgCode>>();
        let (targets, indicators) = match builtin::sdg() {
            Ok(sdg) if sdg.targets().len() > 0 => (
                sdg.targets().map(|t| SdgCode::Target(t.code)).collect(),
                sdg.indicators().map(|i| SdgCode::Indicator(i.code)).collect(),
            ),
            _ => (parse_all(&FALLBACK_TARGETS), parse_all(&FALLBACK_INDICATORS)),
        };
        let focus_targets = targets
            .iter()
            .copied()
            .filter(|c: &SdgCode| FOCUS_GOALS.contains(&c.goal().number()))
            .collect();
        let standards = match builtin::standards() {
            Ok(catalogue) if !catalogue.is_empty() => catalogue.standards.iter().map(|s| s.reference).collect(),
            _ => FALLBACK_STANDARDS.iter().filter_map(|s| s.parse().ok()).collect(),
        };
        Catalogues {
            focus_targets,
            targets,
            indicators,
            standards,
        }
    }

    /// `count` distinct SDG codes: mostly targets (half of them of the
    /// ILO's goals), some indicators.
    fn sdg(&self, rng: &mut Rng, count: usize) -> Vec<SdgCode> {
        let mut codes: Vec<SdgCode> = Vec::with_capacity(count);
        for _ in 0..count * 4 {
            if codes.len() == count {
                break;
            }
            let pool = match rng.below(10) {
                0..=3 if !self.focus_targets.is_empty() => &self.focus_targets,
                4..=7 => &self.targets,
                _ if !self.indicators.is_empty() => &self.indicators,
                _ => &self.targets,
            };
            if let Some(&code) = rng.pick(pool)
                && !codes.contains(&code)
            {
                codes.push(code);
            }
        }
        codes
    }

    /// `count` distinct labour standards.
    fn standards(&self, rng: &mut Rng, count: usize) -> Vec<StandardRef> {
        let mut refs: Vec<StandardRef> = Vec::with_capacity(count);
        for _ in 0..count * 4 {
            if refs.len() == count {
                break;
            }
            if let Some(&r) = rng.pick(&self.standards)
                && !refs.contains(&r)
            {
                refs.push(r);
            }
        }
        refs
    }
}

/// The first year of the bienniums that budget frameworks cycle through.
const FIRST_BIENNIUM_YEAR: i32 = 2016;
/// How many bienniums they cycle through: 2016-17 to 2028-29.
const BIENNIUM_SLOTS: usize = 7;
/// The slot of the first budget framework: 2022-23.
const FIRST_SLOT: usize = 3;

/// What programmes and deliverables need to know of the budget frameworks
/// to link to their outputs.
struct Budgets {
    /// The id of each budget framework.
    ids: Vec<FrameworkId>,
    /// The codes of the outputs of each framework, all alike.
    output_codes: Vec<ElementCode>,
}

impl Budgets {
    fn new(count: usize, sizes: &Sizes) -> Self {
        let ids = (1..=count)
            .filter_map(|i| FrameworkId::new(&format!("synth-pb-{i}")).ok())
            .collect();
        let mut output_codes = Vec::new();
        if count > 0 {
            for outcome in outcome_codes(sizes) {
                for number in 1..=sizes.outputs_per_outcome {
                    let code = u16::try_from(number)
                        .ok()
                        .and_then(|n| OutputCode::new(outcome, n).ok());
                    if let Some(code) = code.and_then(|c| ElementCode::new(&c.to_string()).ok()) {
                        output_codes.push(code);
                    }
                }
            }
        }
        Budgets { ids, output_codes }
    }

    /// The first year of the biennium of budget framework `index`.
    fn year(index: usize) -> i32 {
        FIRST_BIENNIUM_YEAR + 2 * ((FIRST_SLOT + index) % BIENNIUM_SLOTS) as i32
    }

    /// How many budget frameworks have the biennium of `slot`, and the first
    /// of them.
    fn in_slot(&self, slot: usize) -> (usize, usize) {
        let first = (slot + BIENNIUM_SLOTS - FIRST_SLOT) % BIENNIUM_SLOTS;
        if first < self.ids.len() {
            ((self.ids.len() - 1 - first) / BIENNIUM_SLOTS + 1, first)
        } else {
            (0, first)
        }
    }

    /// A random output, as `(budget, output)` indices: of a budget framework
    /// whose biennium overlaps the years `first..=last`, or of any when none
    /// does.
    fn pick_output(&self, rng: &mut Rng, first: i32, last: i32) -> Option<(usize, usize)> {
        if self.ids.is_empty() || self.output_codes.is_empty() {
            return None;
        }
        let mut slots = [0usize; BIENNIUM_SLOTS];
        let mut len = 0;
        for slot in 0..BIENNIUM_SLOTS {
            let year = FIRST_BIENNIUM_YEAR + 2 * slot as i32;
            if year <= last && year + 1 >= first && self.in_slot(slot).0 > 0 {
                slots[len] = slot;
                len += 1;
            }
        }
        let budget = if len == 0 {
            rng.below(self.ids.len())
        } else {
            let (count, start) = self.in_slot(slots[rng.below(len)]);
            start + BIENNIUM_SLOTS * rng.below(count)
        };
        Some((budget, rng.below(self.output_codes.len())))
    }

    /// `count` distinct random outputs (fewer when there are not that
    /// many) of budget frameworks whose bienniums overlap `first..=last`;
    /// the first of `home` when given.
    fn pick_outputs(
        &self,
        rng: &mut Rng,
        count: usize,
        first: i32,
        last: i32,
        home: Option<usize>,
    ) -> Vec<(usize, usize)> {
        let mut picked: Vec<(usize, usize)> = Vec::with_capacity(count);
        if let Some(budget) = home
            && count > 0
            && !self.output_codes.is_empty()
        {
            picked.push((budget, rng.below(self.output_codes.len())));
        }
        for _ in 0..count * 4 {
            if picked.len() >= count {
                break;
            }
            match self.pick_output(rng, first, last) {
                Some(pick) if !picked.contains(&pick) => picked.push(pick),
                Some(_) => {}
                None => break,
            }
        }
        picked
    }

    /// The reference to output `output` of budget framework `budget`.
    fn reference(&self, (budget, output): (usize, usize)) -> Option<Ref> {
        Some(Ref::element(
            self.ids.get(budget)?.clone(),
            self.output_codes.get(output)?.clone(),
        ))
    }
}

/// The outcome codes of every budget framework: `1`…`n`, then `A`, `B`, `C`.
fn outcome_codes(sizes: &Sizes) -> impl Iterator<Item = OutcomeCode> {
    let policy = (1..=sizes.policy).filter_map(|n| u16::try_from(n).ok().and_then(|n| OutcomeCode::policy(n).ok()));
    policy.chain(ENABLING.iter().filter_map(|&l| OutcomeCode::enabling(l).ok()))
}

const COUNTRY_ACTIONS: [&str; 8] = [
    "policy advice",
    "capacity building",
    "technical assistance",
    "legal review",
    "social dialogue support",
    "data collection",
    "pilot programmes",
    "institutional support",
];
const GLOBAL_ACTIONS: [&str; 7] = [
    "research",
    "guidance tool",
    "global report",
    "knowledge products",
    "partnerships",
    "meeting of experts",
    "training package",
];
const BIENNIUM_DELIVERABLES: [&str; 6] = [
    "strategy update",
    "systems upgrade",
    "audit follow-up",
    "evaluation plan",
    "risk register",
    "staff training",
];
const ACTIVITIES: [&str; 8] = [
    "research",
    "tripartite meeting",
    "guidance",
    "training",
    "technical advice",
    "knowledge sharing",
    "pilot",
    "review",
];
const TARGETS: [(&str, &str); 5] = [
    ("workers reached", "workers"),
    ("countries supported", "countries"),
    ("policies adopted", "policies"),
    ("enterprises trained", "enterprises"),
    ("inspectors trained", "inspectors"),
];

/// Budget framework `index` (from 0): `synth-pb-<index + 1>`.
///
/// Ids and codes are valid by construction; `None` only if one were not.
fn budget_framework(
    rng: &mut Rng,
    catalogues: &Catalogues,
    budgets: &Budgets,
    sizes: &Sizes,
    index: usize,
) -> Option<Framework> {
    let id = budgets.ids.get(index)?.clone();
    let year = Budgets::year(index);
    let biennium = Biennium::starting(year).ok();
    let mut framework = Framework::new(
        id.clone(),
        FrameworkKind::ProgrammeAndBudget,
        format!(
            "Programme and Budget {} ({id})",
            biennium.map(|b| b.to_string()).unwrap_or_default()
        ),
    );
    framework.symbol = Some(format!("GB.SYN/PFA/{}", index + 1));
    framework.biennium = biennium;
    framework.period = biennium.map(Biennium::period);
    let plan_start = year - (year - 2022).rem_euclid(4);
    framework.plan = Some(Plan {
        title: format!("Strategic Plan {}–{:02}", plan_start, (plan_start + 3) % 100),
        period: Period::years(plan_start, plan_start + 3),
    });
    let mut line = 10u32;
    let mut next_line = |rng: &mut Rng| {
        line = line.saturating_add(rng.between(3, 12) as u32);
        Provenance::line(line)
    };
    framework.outcomes.reserve_exact(sizes.outcomes);
    for code in outcome_codes(sizes) {
        let mut outcome = Outcome::new(code, format!("Outcome {code} of {id}"));
        outcome.outputs.reserve_exact(sizes.outputs_per_outcome);
        outcome.source = next_line(rng);
        for number in 1..=sizes.outputs_per_outcome {
            let Some(code) = u16::try_from(number).ok().and_then(|n| OutputCode::new(code, n).ok()) else {
                continue;
            };
            let mut output = Output::new(code, format!("Output {code} of {id}"));
            output.source = next_line(rng);
            if outcome.kind() == OutcomeKind::Policy {
                let country = rng.between(1, 3);
                output.country_level = rng.labels(&COUNTRY_ACTIONS, country);
                let global = rng.between(1, 3);
                output.global_level = rng.labels(&GLOBAL_ACTIONS, global);
            } else {
                let count = rng.between(1, 3);
                output.biennium_deliverables = rng.labels(&BIENNIUM_DELIVERABLES, count);
            }
            let sdg = 1 + rng.weighted(&[40, 40, 20]);
            output.sdg = catalogues.sdg(rng, sdg);
            let standards = rng.weighted(&[50, 35, 15]);
            output.standards = catalogues.standards(rng, standards);
            outcome.outputs.push(output);
        }
        framework.outcomes.push(outcome);
    }
    Some(framework)
}

/// Generates the programme sets, numbering partners, initiatives and stated
/// links across them.
struct ProgrammeGenerator<'a> {
    rng: &'a mut Rng,
    catalogues: &'a Catalogues,
    budgets: &'a Budgets,
    /// Partners used: the first programmes each name a new one, so all are.
    partners: usize,
    /// Initiatives used, likewise.
    initiatives: usize,
    /// How many programmes so far, over all sets.
    next_global: usize,
    /// Stated links for the budget frameworks, by budget index.
    links: Vec<(usize, StatedLink)>,
}

/// One programme in a thousand is named in a stated link.
const STATED_LINK_EVERY: usize = 1_000;

impl ProgrammeGenerator<'_> {
    /// Programme set `index` (from 0) with `count` programmes.
    fn framework(&mut self, index: usize, count: usize) -> Option<Framework> {
        let id = FrameworkId::new(&format!("synth-progs-{}", index + 1)).ok()?;
        let mut framework = Framework::new(
            id.clone(),
            FrameworkKind::ProgrammeSet,
            format!("Development cooperation programmes ({id})"),
        );
        framework.period = Some(Period::years(2015, 2030));
        let mut programmes: Vec<Programme> = Vec::with_capacity(count.min(1 << 16));
        let mut line = 5u32;
        for number in 1..=count {
            line = line.saturating_add(self.rng.between(5, 40) as u32);
            if let Some(p) = self.programme(&id, number, line, &programmes) {
                programmes.push(p);
            }
        }
        framework.programmes = programmes;
        Some(framework)
    }

    /// Programme `P<number>` of framework `set`, given the earlier ones.
    fn programme(&mut self, set: &FrameworkId, number: usize, line: u32, earlier: &[Programme]) -> Option<Programme> {
        let rng = &mut *self.rng;
        let global = self.next_global;
        self.next_global += 1;
        let id = ProgrammeId::new(&format!("P{number}")).ok()?;
        let kind = [
            ProgrammeKind::Project,
            ProgrammeKind::GlobalProgramme,
            ProgrammeKind::Flagship,
        ][rng.weighted(&[90, 8, 2])];
        let name = match kind {
            ProgrammeKind::Project => format!("Project {number}"),
            ProgrammeKind::GlobalProgramme => format!("Global programme {number}"),
            ProgrammeKind::Flagship => format!("Flagship {number}"),
        };
        let mut p = Programme::new(id, kind, name);
        p.source = Provenance::line(line);

        // The period surrounds the biennium of a home budget framework, so
        // that what it contributes to is of its time.
        let home = (!self.budgets.ids.is_empty()).then(|| rng.below(self.budgets.ids.len()));
        let (first, last) = match home {
            Some(b) => {
                let year = Budgets::year(b);
                let first = (year - rng.between(0, 3) as i32).max(2015);
                (first, (year + 1 + rng.between(0, 3) as i32).min(2030))
            }
            None => {
                let first = 2015 + rng.between(0, 10) as i32;
                (first, (first + 1 + rng.between(0, 4) as i32).min(2030))
            }
        };
        p.period = Some(Period::years(first, last));

        let mut regions = [0u32; 5];
        for r in &mut regions {
            *r = rng.between(0, 12) as u32;
        }
        p.coverage = Some(Coverage {
            africa: Some(regions[0]),
            arab_states: Some(regions[1]),
            asia_pacific: Some(regions[2]),
            europe_central_asia: Some(regions[3]),
            americas: Some(regions[4]),
            total: Some(regions.iter().sum()),
            source: Provenance::default(),
        });

        // Lists are allocated to their exact length: a million elements
        // with vectors grown by `push` would hold twice the memory.
        let targets = rng.weighted(&[50, 35, 15]);
        p.targets = Vec::with_capacity(targets);
        let start = rng.below(TARGETS.len());
        for i in 0..targets {
            let (label, unit) = TARGETS[(start + i) % TARGETS.len()];
            p.targets.push(ProgrammeTarget {
                quantity: Some((rng.between(1, 200) * 100) as f64),
                unit: Some(unit.into()),
                due: PartialDate::from_year(rng.between(first as usize, last as usize) as i32).ok(),
                ..ProgrammeTarget::new(label)
            });
        }

        // Partners: programme `global` names partner `global + 1` first
        // while the pool lasts, so every partner of the pool is used.
        let partners = rng
            .weighted(&[55, 30, 15])
            .max(usize::from(global < self.partners))
            .min(self.partners);
        p.partners = Vec::with_capacity(partners);
        if partners > 0 {
            let first = if global < self.partners {
                global
            } else {
                rng.below(self.partners)
            };
            p.partners.push(format!("Partner {}", first + 1).into());
            if partners > 1 {
                let mut second = rng.below(self.partners - 1);
                if second >= first {
                    second += 1;
                }
                p.partners.push(format!("Partner {}", second + 1).into());
            }
        }
        let initiative = (global < self.initiatives || rng.chance(20)) && self.initiatives > 0;
        p.initiatives = Vec::with_capacity(usize::from(initiative));
        if initiative {
            let k = if global < self.initiatives {
                global
            } else {
                rng.below(self.initiatives)
            };
            p.initiatives.push(format!("Initiative {}", k + 1).into());
        }

        let sdg = rng.weighted(&[40, 45, 15]);
        p.sdg = self.catalogues.sdg(rng, sdg);
        let standards = usize::from(rng.chance(30));
        p.standards = self.catalogues.standards(rng, standards);

        // Contributions: one to five distinct outputs, some with shares in
        // quarters that never add up to more than 1.
        let count = 1 + rng.weighted(&[40, 30, 15, 10, 5]);
        let picks = self.budgets.pick_outputs(rng, count, first, last, home);
        p.contributes_to = Vec::with_capacity(picks.len());
        let with_shares = rng.chance(30);
        let mut quarters_left = 4usize;
        for &pick in &picks {
            let Some(to) = self.budgets.reference(pick) else {
                continue;
            };
            let link = if with_shares && quarters_left > 0 && rng.chance(60) {
                let quarters = rng.between(1, quarters_left.min(2));
                quarters_left -= quarters;
                Share::new(quarters as f64 / 4.0).ok().map(|share| {
                    Link::Detailed(Box::new(LinkDetail {
                        to: to.clone(),
                        share: Some(share),
                        source: None,
                    }))
                })
            } else {
                None
            };
            p.contributes_to.push(link.unwrap_or(Link::To(to)));
        }

        // Succession: about one in twenty follows an earlier programme of
        // the same set that started no later.
        if number > 1 && rng.chance(5) {
            let start = Period::years(first, last).start();
            for _ in 0..4 {
                let candidate = rng.between(1, number - 1);
                let started = earlier.get(candidate - 1).and_then(|e| e.period).map(Period::start);
                if started.is_some_and(|s| s <= start) {
                    p.succeeds = ElementCode::new(&format!("P{candidate}"))
                        .ok()
                        .map(|code| Box::new(Ref::element(set.clone(), code)));
                    break;
                }
            }
        }

        if global.is_multiple_of(STATED_LINK_EVERY)
            && let (Some(&(budget, _)), Some(to)) = (picks.first(), p.contributes_to.first())
            && let Ok(code) = ElementCode::new(p.id.as_str())
        {
            let from = Ref::element(set.clone(), code);
            let source = Provenance::line(100 + (global / STATED_LINK_EVERY) as u32 % 100_000);
            self.links.push((
                budget,
                StatedLink::new(from, LinkKind::ContributesTo, to.target().clone(), source),
            ));
        }
        Some(p)
    }
}

/// Plan of action `index` (from 0), `synth-plan-<index + 1>`, with `count`
/// deliverables.
fn plan_framework(rng: &mut Rng, budgets: &Budgets, index: usize, count: usize) -> Option<Framework> {
    let id = FrameworkId::new(&format!("synth-plan-{}", index + 1)).ok()?;
    let first = 2017 + (index % 8) as i32;
    let last = first + 4;
    let mut framework = Framework::new(
        id.clone(),
        FrameworkKind::PlanOfAction,
        format!("Plan of action {first}–{:02} ({id})", last % 100),
    );
    framework.period = Some(Period::years(first, last));
    let quarters = 4 * (last - first + 1) as usize;

    // Groups large enough that their number fits a code.
    let least_group = count.div_ceil(usize::from(u16::MAX)).max(1);
    let mut deliverables = Vec::with_capacity(count.min(1 << 16));
    let mut group = 0usize;
    let mut in_group = 0usize;
    let mut group_size = 0usize;
    let mut line = 20u32;
    for _ in 0..count {
        if in_group == group_size {
            group += 1;
            in_group = 0;
            group_size = rng.between(3, 12).max(least_group);
        }
        in_group += 1;
        let (Ok(g), Ok(n)) = (u16::try_from(group), u16::try_from(in_group)) else {
            continue;
        };
        let Ok(code) = DeliverableCode::new(g, n) else {
            continue;
        };
        let mut d = Deliverable::new(code, format!("Area {group}"), format!("Deliverable {code}"));
        line = line.saturating_add(rng.between(2, 9) as u32);
        d.source = Provenance::line(line);
        d.responds_to = Some(format!("Conclusion {}", rng.between(1, 30)).into());
        let activities = rng.between(1, 4);
        d.activities = rng.labels(&ACTIVITIES, activities);

        // One unbroken run of quarters within the plan: mostly short.
        let len = if rng.chance(70) {
            rng.between(1, 8)
        } else {
            rng.between(1, quarters)
        };
        let start = rng.below(quarters - len + 1);
        let quarter = |i: usize| Quarter::new(first + (i / 4) as i32, (i % 4) as u8 + 1).ok();
        if let (Some(a), Some(b)) = (quarter(start), quarter(start + len - 1))
            && let Ok(range) = QuarterRange::new(a, b)
        {
            d.timeframe = [range].into_iter().collect::<Timeframe>();
        }

        let count = 1 + rng.weighted(&[50, 35, 15]);
        let picks = budgets.pick_outputs(rng, count, first, last, None);
        d.contributes_to = Vec::with_capacity(picks.len());
        for pick in picks {
            if let Some(to) = budgets.reference(pick) {
                d.contributes_to.push(Link::To(to));
            }
        }
        deliverables.push(d);
    }
    framework.deliverables = deliverables;
    Some(framework)
}

/// Mixed into the seed for the indicators' random stream.
const RESULTS_SEED: u64 = 0x3c6e_f372_fe94_f82b;
/// Mixed into the seed for the report's random stream.
const REPORT_SEED: u64 = 0xa54f_f53a_5f1d_36f1;

/// The date of the report [`generate_report`] writes: 2025-12-31.
pub const REPORT_DATE: NaiveDate = match NaiveDate::from_ymd_opt(2025, 12, 31) {
    Some(date) => date,
    None => NaiveDate::MIN,
};

/// Countries that indicators' actuals are broken down by.
const COUNTRIES: [&str; 48] = [
    "AR", "BD", "BF", "BJ", "BO", "BR", "CD", "CI", "CL", "CM", "CO", "EG", "ET", "GH", "GT", "HN", "ID", "IN", "JO",
    "KE", "KH", "LA", "LB", "MA", "MG", "ML", "MM", "MW", "MX", "MZ", "NE", "NG", "NP", "PE", "PH", "PK", "PY", "RW",
    "SN", "TG", "TN", "TZ", "UG", "UZ", "VN", "YE", "ZA", "ZM",
];

/// The kinds of synthetic indicators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum IndicatorKind {
    /// Workers reached: `sum`, some actuals broken down by country.
    Workers,
    /// Member States: `distinct-count` of `country`.
    Countries,
    /// A percentage: `mean`.
    Coverage,
    /// Policies adopted: `sum`.
    Policies,
    /// Enterprises trained: `sum` (programmes only).
    Enterprises,
}

impl IndicatorKind {
    fn label(self) -> &'static str {
        match self {
            IndicatorKind::Workers => "workers reached",
            IndicatorKind::Countries => "member States with a policy in place",
            IndicatorKind::Coverage => "share of workers covered",
            IndicatorKind::Policies => "policies adopted",
            IndicatorKind::Enterprises => "enterprises trained",
        }
    }

    fn unit(self) -> &'static str {
        match self {
            IndicatorKind::Workers => "workers",
            IndicatorKind::Countries => "member States",
            IndicatorKind::Coverage => "%",
            IndicatorKind::Policies => "policies",
            IndicatorKind::Enterprises => "enterprises",
        }
    }

    /// The step between baseline and targets.
    fn step(self) -> usize {
        match self {
            IndicatorKind::Workers => 500,
            IndicatorKind::Countries => 3,
            IndicatorKind::Coverage => 5,
            IndicatorKind::Policies => 1,
            IndicatorKind::Enterprises => 20,
        }
    }

    /// A baseline; 0 for what a programme starts from scratch.
    fn baseline(self, rng: &mut Rng, programme: bool) -> usize {
        match self {
            IndicatorKind::Coverage => rng.between(10, 40),
            _ if programme => 0,
            IndicatorKind::Workers => rng.between(0, 50) * 100,
            IndicatorKind::Countries => rng.between(0, 5),
            IndicatorKind::Policies | IndicatorKind::Enterprises => rng.between(0, 3),
        }
    }
}

/// An actual between a little below `from` and a little above `to`,
/// never below zero (for percentages, at most 100).
fn actual_value(rng: &mut Rng, kind: IndicatorKind, from: usize, to: usize) -> usize {
    let span = to.saturating_sub(from).max(1);
    let value = (from + rng.between(span / 2, span + span / 5)).saturating_sub(span / 2);
    if kind == IndicatorKind::Coverage {
        value.min(100)
    } else {
        value
    }
}

/// The actual of one period: a total, or broken down by country (always
/// for a distinct count, in one case in three for workers).
fn actual_points(rng: &mut Rng, kind: IndicatorKind, value: usize) -> DataPoints {
    match kind {
        IndicatorKind::Countries => {
            let countries = rng.labels::<String>(&COUNTRIES, value.clamp(1, COUNTRIES.len()));
            DataPoints(
                countries
                    .into_iter()
                    .map(|c| DataPoint::new(Value::Number(1.0)).with("country", c))
                    .collect(),
            )
        }
        IndicatorKind::Workers if value >= 3 && rng.chance(33) => {
            let parts = rng.between(2, 3);
            let countries = rng.labels::<String>(&COUNTRIES, parts);
            let mut left = value;
            let mut points = Vec::with_capacity(parts);
            for (i, country) in countries.into_iter().enumerate() {
                let part = if i + 1 == parts { left } else { rng.between(1, left / 2) };
                left -= part;
                points.push(DataPoint::new(Value::Number(part as f64)).with("country", country));
            }
            DataPoints(points)
        }
        _ => DataPoints::total(Value::Number(value as f64)),
    }
}

/// An indicator of `kind` over `periods` (one or two), with a baseline,
/// rising targets, an actual for the first period when `first_actual`,
/// and for the second when `second_actual`.
fn synthetic_indicator(
    rng: &mut Rng,
    kind: IndicatorKind,
    periods: &[Period],
    programme: bool,
    first_actual: bool,
    second_actual: bool,
) -> Indicator {
    let mut indicator = Indicator::new(kind.label());
    indicator.unit = Some(kind.unit().to_owned());
    match kind {
        IndicatorKind::Coverage => indicator.measure = Measure::Percentage,
        IndicatorKind::Countries => indicator.aggregation = Some(Aggregation::DistinctCount("country".to_owned())),
        _ => {}
    }
    let baseline = kind.baseline(rng, programme);
    indicator.baseline = Some(Value::Number(baseline as f64));
    indicator.periods = Vec::with_capacity(periods.len());
    let mut reached = baseline;
    for (i, &period) in periods.iter().enumerate() {
        let mut target = reached + kind.step() * rng.between(1, 3);
        if kind == IndicatorKind::Coverage {
            target = target.min(100);
        }
        let mut p = IndicatorPeriod::new(period);
        p.target = DataPoints::total(Value::Number(target as f64));
        if (i == 0 && first_actual) || (i == 1 && second_actual) {
            let value = actual_value(rng, kind, reached, target);
            p.actual = actual_points(rng, kind, value);
        }
        reached = target;
        indicator.periods.push(p);
    }
    indicator
}

/// Adds the indicators of [`generate_with_results`] to a framework: one on
/// each output, one on each programme.
fn add_indicators(rng: &mut Rng, framework: &mut Framework) {
    if let Some(biennium) = framework.biennium {
        let years = [
            Period::years(biennium.first_year(), biennium.first_year()),
            Period::years(biennium.last_year(), biennium.last_year()),
        ];
        for outcome in &mut framework.outcomes {
            for output in &mut outcome.outputs {
                let kind = [
                    IndicatorKind::Workers,
                    IndicatorKind::Countries,
                    IndicatorKind::Coverage,
                    IndicatorKind::Policies,
                ][rng.weighted(&[40, 35, 15, 10])];
                let second = rng.chance(40);
                output.indicators = vec![synthetic_indicator(rng, kind, &years, false, true, second)];
            }
        }
    }
    for programme in &mut framework.programmes {
        let Some(period) = programme.period else {
            continue;
        };
        let (first, last) = (period.start(), period.end());
        let split = NaiveDate::from_ymd_opt(first.year() + 1, 1, 1).filter(|&d| d <= last);
        let periods = match split.and_then(|d| d.pred_opt().map(|p| (d, p))) {
            Some((next, end)) => vec![Period::new(first, end), Period::new(next, last)],
            None => vec![period],
        };
        let kind = [
            IndicatorKind::Workers,
            IndicatorKind::Countries,
            IndicatorKind::Coverage,
            IndicatorKind::Enterprises,
        ][rng.weighted(&[50, 30, 10, 10])];
        let first_actual = rng.chance(50);
        programme.indicators = vec![synthetic_indicator(rng, kind, &periods, true, first_actual, false)];
    }
}

/// A progress report on a set made by [`generate_with_results`] (see the
/// [module documentation](self#results)), with the id `synth-progress`,
/// dated [`REPORT_DATE`]. On a set made by [`generate`], whose programmes
/// have no indicators, it gives the value reached on each programme's
/// targets (up to two) and the deliverables' statuses. Same set and
/// config, same report.
pub fn generate_report(set: &FrameworkSet, config: &SyntheticConfig) -> ProgressReport {
    let mut rng = Rng::new(config.seed ^ REPORT_SEED);
    let id = FrameworkId::new("synth-progress").expect("a valid id");
    let date = PartialDate::from_day(REPORT_DATE).expect("a date within range");
    let mut report = ProgressReport::new(id, "Synthetic progress report", date);
    report.covers = Some(Period::years(2024, 2025));
    let quarter = Quarter::containing(REPORT_DATE);
    for f in set {
        for p in &f.programmes {
            let element = || Ref::element(f.id.clone(), ElementCode::from(&p.id));
            let target_value = |rng: &mut Rng, target: &ProgrammeTarget| {
                let quantity = target.quantity.unwrap_or(100.0);
                Value::Number((quantity * rng.between(20, 100) as f64 / 100.0).round())
            };
            let Some(indicator) = p.indicators.first() else {
                for (i, target) in p.targets.iter().take(2).enumerate() {
                    let value = target_value(&mut rng, target);
                    report.targets.push(target_observation(element(), i + 1, value));
                }
                continue;
            };
            let kind = match (&indicator.aggregation, indicator.measure) {
                (Some(Aggregation::DistinctCount(_)), _) => IndicatorKind::Countries,
                (_, Measure::Percentage) => IndicatorKind::Coverage,
                _ => IndicatorKind::Workers,
            };
            let (Some(first), Some(last)) = (indicator.periods.first(), indicator.periods.last()) else {
                continue;
            };
            let baseline = indicator.baseline.as_ref().and_then(Value::as_number).unwrap_or(0.0) as usize;
            let target_of = |period: &IndicatorPeriod| period.target.total_number().unwrap_or(0.0) as usize;
            let observation = |period: Period, value: usize, dimension: Option<&str>| IndicatorObservation {
                element: element(),
                indicator: 1,
                period,
                value: Value::Number(value as f64),
                dimensions: dimension
                    .map(|c| BTreeMap::from([("country".to_owned(), c.to_owned())]))
                    .unwrap_or_default(),
                note: None,
            };
            if kind == IndicatorKind::Countries {
                for country in rng.labels::<String>(&COUNTRIES, 2) {
                    report.indicators.push(observation(last.period, 1, Some(&country)));
                }
                continue;
            }
            let value = actual_value(&mut rng, kind, target_of(first), target_of(last));
            report.indicators.push(observation(last.period, value, None));
            if let Some(target) = p.targets.first() {
                let value = target_value(&mut rng, target);
                report.targets.push(target_observation(element(), 1, value));
            } else {
                let value = actual_value(&mut rng, kind, baseline, target_of(first));
                report.indicators.push(observation(first.period, value, None));
            }
        }
        for d in &f.deliverables {
            if !rng.chance(75) {
                continue;
            }
            let (Some(first), Some(last)) = (d.timeframe.first(), d.timeframe.last()) else {
                continue;
            };
            let pick = rng.below(100);
            let (status, completed) = if first > quarter {
                (DeliverableStatus::NotStarted, None)
            } else {
                let done = if last <= quarter { pick < 70 } else { pick < 20 };
                if done {
                    // Completed within the schedule, or up to two quarters
                    // late, never after the report's quarter.
                    let mut completed = first;
                    for _ in 0..rng.between(0, first.quarters_until(last).max(0) as usize + 2) {
                        if completed < quarter {
                            completed = completed.next().unwrap_or(completed);
                        }
                    }
                    (DeliverableStatus::Done, Some(completed))
                } else if pick < 80 {
                    (DeliverableStatus::InProgress, None)
                } else if pick < 90 {
                    (DeliverableStatus::Dropped, None)
                } else {
                    (DeliverableStatus::NotStarted, None)
                }
            };
            report.deliverables.push(DeliverableObservation {
                element: Ref::element(f.id.clone(), ElementCode::from(d.code)),
                status,
                completed,
                note: None,
            });
        }
    }
    report
}

/// The value reached on target `number` of a programme, as of the report's date.
fn target_observation(element: Ref, number: usize, value: Value) -> TargetObservation {
    TargetObservation {
        element,
        target: u32::try_from(number).unwrap_or(u32::MAX),
        value,
        as_of: None,
        note: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tiny_configs_do_not_panic() {
        for nodes in 0..60 {
            let config = SyntheticConfig::with_nodes(nodes as u64, nodes);
            let set = generate(&config);
            let _ = edge_estimate(&set);
        }
    }

    #[test]
    fn results_leave_the_rest_alone_and_pass_validation() {
        use crate::validate::{self, Config, Severity};
        let config = SyntheticConfig::with_nodes(5, 4_000);
        let plain = generate(&config);
        let mut set = generate_with_results(&config);
        assert_eq!(set, generate_with_results(&config));
        for (a, b) in plain.iter().zip(&set) {
            let mut stripped = b.clone();
            for o in &mut stripped.outcomes {
                for output in &mut o.outputs {
                    output.indicators.clear();
                }
            }
            for p in &mut stripped.programmes {
                p.indicators.clear();
            }
            assert_eq!(a, &stripped);
        }
        let report = generate_report(&set, &config);
        assert_eq!(report, generate_report(&set, &config));
        assert!(!report.deliverables.is_empty());
        let counted = report.indicators.iter().any(|o| !o.dimensions.is_empty());
        assert!(counted && !report.targets.is_empty());
        set.insert_report(report).expect("a new id");
        let found = validate::validate(&set, &Config::default()).expect("runs");
        let serious: Vec<String> = found
            .iter()
            .filter(|d| d.severity > Severity::Note)
            .map(|d| format!("{}: {}", d.code(), d.message))
            .take(10)
            .collect();
        assert!(serious.is_empty(), "{serious:#?}");
    }

    #[test]
    fn random_numbers_stay_in_range() {
        let mut rng = Rng::new(0);
        assert_eq!(rng.below(0), 0);
        for n in 1..50 {
            assert!(rng.below(n) < n);
            let x = rng.between(n, n + 3);
            assert!((n..=n + 3).contains(&x));
        }
    }
}
