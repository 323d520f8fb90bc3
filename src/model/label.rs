//! Short texts a person reads: a name, an area, an activity, a partner, a
//! unit.

/// A short text that people read, kept as the document writes it: a
/// programme's name (`Project 1`), a deliverable's area (`Area 1`) or
/// activity (`research`), a partner (`Partner 1`), a target's label and
/// unit (`workers`).
///
/// Like [`Code`](super::Code), a `Label` holds up to 23 bytes in place
/// and shares a longer text between its clones: a set of a million
/// elements read from files has millions of such texts, and a `String`
/// costs an allocation for each. It reads as a `&str` through `Deref`,
/// compares with `str`, converts from `&str` and `String`, and goes
/// through serde and the JSON Schema as a plain string.
///
/// ```
/// use ilo_frameworks::Label;
///
/// let label = Label::new("pilot programmes");
/// assert_eq!(label, "pilot programmes");
/// assert!(label.starts_with("pilot"));
/// assert_eq!(String::from(label), "pilot programmes");
/// ```
#[derive(Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Label(smol_str::SmolStr);

super::short_text::short_text!(Label, "Label");
