//! The SDG catalogue: goals, targets and indicators of the UN global
//! indicator framework, with look-ups in both directions.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::format::{Format, read};
use crate::{LoadError, SdgCode, SdgGoal, SdgIndicator, SdgTarget};

/// A goal: its number, short name and title.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct GoalInfo {
    /// The goal.
    pub code: SdgGoal,
    /// The short name: `Decent work and economic growth`.
    pub short: String,
    /// The full title: `Promote sustained, inclusive and sustainable economic growth, …`.
    pub title: String,
}

/// A target: its code and title.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct TargetInfo {
    /// The target; its goal is `code.goal()`.
    pub code: SdgTarget,
    /// The title.
    pub title: String,
}

/// One listing of an indicator under a target.
///
/// Twelve indicators are listed under two or three targets, each time with
/// its own code (`1.5.1`, `11.5.1`, `13.1.1`) and the same UNSD code
/// (`C200303`); [`SdgCatalogue::listings`] finds the others.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct IndicatorInfo {
    /// The indicator as listed; its target is `code.target()`.
    pub code: SdgIndicator,
    /// The UN Statistics Division's code of the indicator: `C080802`.
    pub unsd: String,
    /// The title.
    pub title: String,
}

/// An indicator code of an earlier list that the current list no longer has.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct RetiredIndicator {
    /// The retired code.
    pub code: SdgIndicator,
    /// Its title in the earlier list.
    pub title: String,
}

/// What the catalogue knows of a code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum SdgEntry<'c> {
    /// A goal of the catalogue.
    Goal(&'c GoalInfo),
    /// A target of the catalogue.
    Target(&'c TargetInfo),
    /// A current indicator.
    Indicator(&'c IndicatorInfo),
    /// An indicator code that earlier lists had and the current one does not.
    Retired(&'c RetiredIndicator),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogueFile {
    goals: Vec<GoalInfo>,
    targets: Vec<TargetInfo>,
    indicators: Vec<IndicatorInfo>,
    #[serde(default)]
    retired: Vec<RetiredIndicator>,
}

/// The SDG goals, targets and indicators, with look-ups by code, from a
/// goal to its targets and from a target to its indicators.
///
/// The built-in catalogue ([`crate::builtin::sdg`]) is the UN list after the
/// 2023 refinement.
///
/// ```
/// use ilo_frameworks::builtin;
///
/// let sdg = builtin::sdg()?;
/// let target = sdg.target("8.7".parse()?).expect("target 8.7");
/// assert!(target.title.starts_with("Take immediate and effective measures to eradicate forced labour"));
/// let codes: Vec<String> = sdg.indicators_of(target.code).map(|i| i.code.to_string()).collect();
/// assert_eq!(codes, ["8.7.1"]);
/// assert_eq!(sdg.goal("8".parse()?).map(|g| g.short.as_str()), Some("Decent work and economic growth"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct SdgCatalogue {
    goals: Vec<GoalInfo>,
    targets: Vec<TargetInfo>,
    indicators: Vec<IndicatorInfo>,
    retired: Vec<RetiredIndicator>,
    target_index: HashMap<SdgTarget, usize>,
    indicator_index: HashMap<SdgIndicator, usize>,
    retired_index: HashMap<SdgIndicator, usize>,
    targets_of_goal: Vec<Vec<usize>>,
    indicators_of_target: Vec<Vec<usize>>,
    listings_of_unsd: HashMap<String, Vec<usize>>,
}

impl SdgCatalogue {
    /// Reads a catalogue from TOML text in the shape of `seeds/sdg.toml`.
    ///
    /// # Errors
    /// A [`LoadError`] when the text is not in that shape, or when the
    /// catalogue does not hold together: goals not numbered 1 to 17 in
    /// order, a code listed twice, a target of a goal the catalogue lacks,
    /// an indicator of a target it lacks, one UNSD code with two titles, or
    /// a retired code that is also current.
    pub fn from_toml_str(text: &str, origin: &str) -> Result<Self, LoadError> {
        let file: CatalogueFile = read(text, Format::Toml, origin)?;
        let error = |code: &dyn std::fmt::Display, message: String| {
            let needle = format!("code = \"{code}\"");
            LoadError::at_offset(origin, text, text.rfind(&needle).unwrap_or(0), message)
                .with_kind(crate::LoadErrorKind::Inconsistent)
        };
        for (i, goal) in file.goals.iter().enumerate() {
            if usize::from(goal.code.number()) != i + 1 {
                return Err(error(
                    &goal.code,
                    format!(
                        "goal {} is listed in place {}: list goals 1 to 17 in order",
                        goal.code,
                        i + 1
                    ),
                ));
            }
        }
        let mut target_index = HashMap::with_capacity(file.targets.len());
        let mut targets_of_goal = vec![Vec::new(); file.goals.len()];
        for (i, target) in file.targets.iter().enumerate() {
            let goal = usize::from(target.code.goal().number()) - 1;
            let Some(list) = targets_of_goal.get_mut(goal) else {
                return Err(error(
                    &target.code,
                    format!(
                        "target {} belongs to goal {}, which is not listed",
                        target.code,
                        target.code.goal()
                    ),
                ));
            };
            if target_index.insert(target.code, i).is_some() {
                return Err(error(&target.code, format!("target {} is listed twice", target.code)));
            }
            list.push(i);
        }
        let mut indicator_index = HashMap::with_capacity(file.indicators.len());
        let mut indicators_of_target = vec![Vec::new(); file.targets.len()];
        let mut listings_of_unsd: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, indicator) in file.indicators.iter().enumerate() {
            let Some(&target) = target_index.get(&indicator.code.target()) else {
                return Err(error(
                    &indicator.code,
                    format!(
                        "indicator {} belongs to target {}, which is not listed",
                        indicator.code,
                        indicator.code.target()
                    ),
                ));
            };
            if indicator_index.insert(indicator.code, i).is_some() {
                return Err(error(
                    &indicator.code,
                    format!("indicator {} is listed twice", indicator.code),
                ));
            }
            let listings = listings_of_unsd.entry(indicator.unsd.clone()).or_default();
            if let Some(&first) = listings.first() {
                let first: &IndicatorInfo = &file.indicators[first];
                if first.title != indicator.title {
                    return Err(error(
                        &indicator.code,
                        format!(
                            "indicator {} has UNSD code {} like {} but another title",
                            indicator.code, indicator.unsd, first.code
                        ),
                    ));
                }
            }
            listings.push(i);
            indicators_of_target[target].push(i);
        }
        let mut retired_index = HashMap::with_capacity(file.retired.len());
        for (i, retired) in file.retired.iter().enumerate() {
            if indicator_index.contains_key(&retired.code) {
                return Err(error(
                    &retired.code,
                    format!("indicator {} is both current and retired", retired.code),
                ));
            }
            if retired_index.insert(retired.code, i).is_some() {
                return Err(error(
                    &retired.code,
                    format!("retired indicator {} is listed twice", retired.code),
                ));
            }
        }
        Ok(SdgCatalogue {
            goals: file.goals,
            targets: file.targets,
            indicators: file.indicators,
            retired: file.retired,
            target_index,
            indicator_index,
            retired_index,
            targets_of_goal,
            indicators_of_target,
            listings_of_unsd,
        })
    }

    /// The goal, if the catalogue lists it.
    pub fn goal(&self, goal: SdgGoal) -> Option<&GoalInfo> {
        self.goals.get(usize::from(goal.number()) - 1)
    }

    /// The target, if the catalogue lists it.
    pub fn target(&self, target: SdgTarget) -> Option<&TargetInfo> {
        self.target_index.get(&target).map(|&i| &self.targets[i])
    }

    /// The current indicator listed with this code.
    pub fn indicator(&self, indicator: SdgIndicator) -> Option<&IndicatorInfo> {
        self.indicator_index.get(&indicator).map(|&i| &self.indicators[i])
    }

    /// The retired indicator with this code.
    pub fn retired(&self, indicator: SdgIndicator) -> Option<&RetiredIndicator> {
        self.retired_index.get(&indicator).map(|&i| &self.retired[i])
    }

    /// What the catalogue knows of any code; `None` when it knows nothing.
    pub fn entry(&self, code: SdgCode) -> Option<SdgEntry<'_>> {
        match code {
            SdgCode::Goal(g) => self.goal(g).map(SdgEntry::Goal),
            SdgCode::Target(t) => self.target(t).map(SdgEntry::Target),
            SdgCode::Indicator(i) => self
                .indicator(i)
                .map(SdgEntry::Indicator)
                .or_else(|| self.retired(i).map(SdgEntry::Retired)),
        }
    }

    /// Whether the code is a current goal, target or indicator.
    pub fn contains(&self, code: SdgCode) -> bool {
        matches!(
            self.entry(code),
            Some(SdgEntry::Goal(_) | SdgEntry::Target(_) | SdgEntry::Indicator(_))
        )
    }

    /// All goals, in order.
    pub fn goals(&self) -> impl ExactSizeIterator<Item = &GoalInfo> {
        self.goals.iter()
    }

    /// All targets, in the UN's order.
    pub fn targets(&self) -> impl ExactSizeIterator<Item = &TargetInfo> {
        self.targets.iter()
    }

    /// All indicator listings, in the UN's order (a repeated indicator once
    /// per target it is listed under).
    pub fn indicators(&self) -> impl ExactSizeIterator<Item = &IndicatorInfo> {
        self.indicators.iter()
    }

    /// The retired indicator codes.
    pub fn retired_indicators(&self) -> impl ExactSizeIterator<Item = &RetiredIndicator> {
        self.retired.iter()
    }

    /// The targets of a goal, in order; empty for a goal not listed.
    pub fn targets_of(&self, goal: SdgGoal) -> impl Iterator<Item = &TargetInfo> {
        let list = self.targets_of_goal.get(usize::from(goal.number()) - 1);
        list.into_iter().flatten().map(|&i| &self.targets[i])
    }

    /// The indicators listed under a target, in order; empty for a target
    /// not listed or with no indicator (11.c).
    pub fn indicators_of(&self, target: SdgTarget) -> impl Iterator<Item = &IndicatorInfo> {
        let list = self.target_index.get(&target).map(|&t| &self.indicators_of_target[t]);
        list.into_iter().flatten().map(|&i| &self.indicators[i])
    }

    /// Every listing of the same indicator, this one included: for
    /// `13.1.1`, the listings `1.5.1`, `11.5.1` and `13.1.1`. Empty for a
    /// code not listed.
    pub fn listings(&self, indicator: SdgIndicator) -> impl Iterator<Item = &IndicatorInfo> {
        let list = self
            .indicator(indicator)
            .and_then(|i| self.listings_of_unsd.get(&i.unsd));
        list.into_iter().flatten().map(|&i| &self.indicators[i])
    }

    /// How many distinct indicators (UNSD codes) the catalogue lists.
    pub fn distinct_indicator_count(&self) -> usize {
        self.listings_of_unsd.len()
    }
}
