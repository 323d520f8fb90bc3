//! Qualified references to elements across documents: `pb-2022-23:7.1`,
//! `sdg:8.7`, `ils:C182`.

use std::fmt;
use std::str::FromStr;

use super::name::{ILS_NAMESPACE, SDG_NAMESPACE};
use super::text::{serde_via_str, split_once_byte};
use super::{ElementCode, Expected, FrameworkId, ParseError, SdgCode, StandardRef};

/// A reference to one element anywhere: in a framework, in the SDG
/// catalogue or in the labour standards catalogue.
///
/// The text form is a namespace, a colon and the element's code. The
/// namespace is a [`FrameworkId`], `sdg` or `ils`. A framework id alone
/// (`pb-2022-23`) names the whole framework.
///
/// ```
/// use ilo_frameworks::{Ref, SdgCode};
///
/// let output: Ref = "pb-2022-23:7.1".parse()?;
/// assert_eq!(output.namespace(), "pb-2022-23");
/// assert_eq!(output.code(), "7.1");
///
/// let target: Ref = "sdg:8.7".parse()?;
/// assert_eq!(target, Ref::Sdg("8.7".parse::<SdgCode>()?));
///
/// let err = "ils:C 87".parse::<Ref>();
/// assert_eq!(err.unwrap().to_string(), "ils:C087");
/// # Ok::<(), ilo_frameworks::ParseError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Ref {
    /// A whole framework, written as its id alone.
    Framework(FrameworkId),
    /// An element of a framework: an outcome, output, programme or deliverable.
    Element {
        /// The framework that holds the element.
        framework: FrameworkId,
        /// The element's code within that framework.
        code: ElementCode,
    },
    /// An SDG goal, target or indicator.
    Sdg(SdgCode),
    /// An international labour standard.
    Standard(StandardRef),
}

impl Ref {
    /// A reference to element `code` of `framework`.
    pub fn element(framework: FrameworkId, code: ElementCode) -> Self {
        Ref::Element { framework, code }
    }

    /// The part before the colon: the framework id, `sdg` or `ils`.
    pub fn namespace(&self) -> &str {
        match self {
            Ref::Framework(framework) | Ref::Element { framework, .. } => framework.as_str(),
            Ref::Sdg(_) => SDG_NAMESPACE,
            Ref::Standard(_) => ILS_NAMESPACE,
        }
    }

    /// The part after the colon, in canonical form; empty for a whole
    /// framework.
    pub fn code(&self) -> String {
        match self {
            Ref::Framework(_) => String::new(),
            Ref::Element { code, .. } => code.to_string(),
            Ref::Sdg(c) => c.to_string(),
            Ref::Standard(s) => s.to_string(),
        }
    }

    /// The framework of a framework or element reference; `None` for a
    /// catalogue entry.
    pub fn framework(&self) -> Option<&FrameworkId> {
        match self {
            Ref::Framework(framework) | Ref::Element { framework, .. } => Some(framework),
            _ => None,
        }
    }
}

impl From<SdgCode> for Ref {
    fn from(code: SdgCode) -> Self {
        Ref::Sdg(code)
    }
}

impl From<StandardRef> for Ref {
    fn from(standard: StandardRef) -> Self {
        Ref::Standard(standard)
    }
}

impl FromStr for Ref {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<Self, ParseError> {
        let Some((namespace, code)) = split_once_byte(s, b':') else {
            return FrameworkId::new(s).map(Ref::Framework).map_err(|_| {
                ParseError::new(
                    Expected::Ref,
                    s,
                    "it is neither a framework id nor a namespace, a colon and a code (expected \"pb-2022-23\", \"pb-2022-23:7.1\", \"sdg:8.7\" or \"ils:C182\")",
                )
            });
        };
        let inner = |e: ParseError| ParseError::new(Expected::Ref, s, e.to_string());
        match namespace {
            SDG_NAMESPACE => code.parse().map(Ref::Sdg).map_err(inner),
            ILS_NAMESPACE => code.parse().map(Ref::Standard).map_err(inner),
            _ => Ok(Ref::Element {
                framework: namespace.parse().map_err(inner)?,
                code: ElementCode::shared(code).map_err(inner)?,
            }),
        }
    }
}

impl fmt::Display for Ref {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Ref::Framework(framework) => write!(f, "{framework}"),
            Ref::Element { framework, code } => write!(f, "{framework}:{code}"),
            Ref::Sdg(c) => write!(f, "{SDG_NAMESPACE}:{c}"),
            Ref::Standard(s) => write!(f, "{ILS_NAMESPACE}:{s}"),
        }
    }
}

serde_via_str!(
    Ref,
    "Ref",
    "A reference: a framework id alone, or a framework id, \"sdg\" or \"ils\", a colon and the element's code, such as \"pb-2022-23:7.1\", \"sdg:8.7\" or \"ils:C182\".",
    "^[a-z][a-z0-9-]*(:[A-Za-z0-9][A-Za-z0-9+. _-]*)?$"
);
