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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_is_its_text_in_files() {
        let label: Label = serde_json::from_str("\"Area 1\"").expect("a string");
        assert_eq!(label, "Area 1");
        assert_eq!(serde_json::to_string(&label).expect("writes"), "\"Area 1\"");
        assert!(serde_json::from_str::<Label>("7").is_err());
        let long = "Promoting decent work in the rural economy, with the social partners";
        assert_eq!(Label::from(long.to_owned()).as_str(), long);
    }

    #[test]
    fn a_label_takes_no_more_room_than_a_string() {
        assert_eq!(std::mem::size_of::<Label>(), std::mem::size_of::<String>());
        assert_eq!(std::mem::size_of::<Option<Label>>(), std::mem::size_of::<String>());
    }
}
