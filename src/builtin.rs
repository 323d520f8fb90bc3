//! The built-in frameworks: the five source documents, transcribed into the
//! authored format under `seeds/` and embedded in the crate.
//!
//! Built-ins need no file and no network: the text is compiled in, and
//! loading parses it. Each element records the line of the source document
//! it was read from, and facts a document states twice with two values are
//! kept as [`Claim`](crate::Claim)s.
//!
//! ```
//! use ilo_frameworks::builtin::{self, Builtin};
//!
//! let pb = Builtin::ProgrammeAndBudget2022.load()?;
//! assert_eq!(pb.symbol.as_deref(), Some("GB.340/PFA/2"));
//! assert_eq!(pb.outcomes.len(), 11);
//!
//! let all = builtin::frameworks()?;
//! assert_eq!(all.len(), 5);
//! assert!(all.resolve(&"flagships:IPEC+".parse()?).is_some());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::sync::OnceLock;

use crate::sdg::SdgCatalogue;
use crate::{Error, Framework, FrameworkSet, LoadError, StandardCatalogue};

/// One built-in framework.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Builtin {
    /// `pb-2022-23`: the preview of the Programme and Budget proposals for
    /// 2022–23 (GB.340/PFA/2): eight policy and three enabling outcomes with
    /// their outputs.
    ProgrammeAndBudget2022,
    /// `flagships`: the ILO Flagship Programmes brochure: Better Work, SPF,
    /// IPEC+, JPR and OSH-GAP.
    FlagshipProgrammes,
    /// `gsc-2017-21`: the programme of action work-plan on decent work in
    /// global supply chains, 2017–2021.
    SupplyChainsWorkPlan,
    /// `dc-plan-2019`: the plan of action 2019 of GB.334/INS/3/1, towards the
    /// Development Cooperation Strategy 2020–25.
    DevelopmentCooperationPlan2019,
    /// `gp-1998`: the global programmes of 1998 (GB.271, Committee on
    /// Technical Cooperation), forerunners of the flagships.
    GlobalProgrammes1998,
}

impl Builtin {
    /// Every built-in framework, in the order [`frameworks`] adds them.
    pub const ALL: [Builtin; 5] = [
        Builtin::ProgrammeAndBudget2022,
        Builtin::FlagshipProgrammes,
        Builtin::SupplyChainsWorkPlan,
        Builtin::DevelopmentCooperationPlan2019,
        Builtin::GlobalProgrammes1998,
    ];

    /// The framework id, which is also the namespace of its references.
    pub fn id(self) -> &'static str {
        match self {
            Builtin::ProgrammeAndBudget2022 => "pb-2022-23",
            Builtin::FlagshipProgrammes => "flagships",
            Builtin::SupplyChainsWorkPlan => "gsc-2017-21",
            Builtin::DevelopmentCooperationPlan2019 => "dc-plan-2019",
            Builtin::GlobalProgrammes1998 => "gp-1998",
        }
    }

    /// The built-in with this framework id.
    pub fn from_id(id: &str) -> Option<Builtin> {
        Builtin::ALL.into_iter().find(|b| b.id() == id)
    }

    /// The seed file's name under `seeds/`, used as the origin in errors.
    pub fn file_name(self) -> &'static str {
        match self {
            Builtin::ProgrammeAndBudget2022 => "seeds/pb-2022-23.toml",
            Builtin::FlagshipProgrammes => "seeds/flagships.toml",
            Builtin::SupplyChainsWorkPlan => "seeds/gsc-2017-21.toml",
            Builtin::DevelopmentCooperationPlan2019 => "seeds/dc-plan-2019.toml",
            Builtin::GlobalProgrammes1998 => "seeds/global-programmes-1998.toml",
        }
    }

    /// The embedded TOML text.
    pub fn text(self) -> &'static str {
        match self {
            Builtin::ProgrammeAndBudget2022 => include_str!("../seeds/pb-2022-23.toml"),
            Builtin::FlagshipProgrammes => include_str!("../seeds/flagships.toml"),
            Builtin::SupplyChainsWorkPlan => include_str!("../seeds/gsc-2017-21.toml"),
            Builtin::DevelopmentCooperationPlan2019 => include_str!("../seeds/dc-plan-2019.toml"),
            Builtin::GlobalProgrammes1998 => include_str!("../seeds/global-programmes-1998.toml"),
        }
    }

    /// Parses the embedded text into a framework.
    ///
    /// # Errors
    /// None in a released crate: the crate's tests load every built-in. The
    /// `Result` is kept so that a broken seed is an error, not a panic.
    pub fn load(self) -> Result<Framework, LoadError> {
        Framework::from_toml_str(self.text(), self.file_name())
    }
}

/// The file name of the labour standards catalogue under `seeds/`.
const STANDARDS_FILE: &str = "seeds/standards.toml";

/// All built-in frameworks as one set, in the order of [`Builtin::ALL`].
///
/// # Errors
/// As [`Builtin::load`].
pub fn frameworks() -> Result<FrameworkSet, Error> {
    let mut set = FrameworkSet::new();
    for builtin in Builtin::ALL {
        set.insert(builtin.load()?)?;
    }
    Ok(set)
}

/// The international labour standards the source documents cite, with
/// kind, number, short title and year as the sources give them, and every
/// place that cites each.
///
/// ```
/// let standards = ilo_frameworks::builtin::standards()?;
/// let c182 = standards.get("C182".parse()?).expect("cited by GB.340/PFA/2");
/// assert_eq!(c182.title.as_deref(), Some("Worst Forms of Child Labour Convention"));
/// assert_eq!(c182.year, Some(1999));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// As [`Builtin::load`].
pub fn standards() -> Result<StandardCatalogue, LoadError> {
    StandardCatalogue::from_toml_str(include_str!("../seeds/standards.toml"), STANDARDS_FILE)
}

/// The file name of the SDG catalogue under `seeds/`.
const SDG_FILE: &str = "seeds/sdg.toml";

/// The SDG catalogue: the UN global indicator framework after the 2023
/// refinement (17 goals, 169 targets, 248 indicator listings of 232
/// indicators), and five retired indicator codes.
///
/// It is parsed once, on first use, and shared.
///
/// ```
/// let sdg = ilo_frameworks::builtin::sdg()?;
/// assert_eq!(sdg.goals().len(), 17);
/// assert_eq!(sdg.targets().len(), 169);
/// # Ok::<(), ilo_frameworks::LoadError>(())
/// ```
///
/// # Errors
/// As [`Builtin::load`].
pub fn sdg() -> Result<&'static SdgCatalogue, LoadError> {
    static CATALOGUE: OnceLock<Result<SdgCatalogue, LoadError>> = OnceLock::new();
    CATALOGUE
        .get_or_init(|| SdgCatalogue::from_toml_str(include_str!("../seeds/sdg.toml"), SDG_FILE))
        .as_ref()
        .map_err(Clone::clone)
}
