//! The long labels of one import, each held once: the same organisation
//! names its activities' reporting org, funders and implementers, and
//! every transaction names its provider, so a file of a thousand
//! activities writes a few dozen names thousands of times.

use foldhash::HashSet;

use crate::Label;
use crate::id::INLINE_LEN;

/// The labels past [`INLINE_LEN`] bytes (what a [`Label`] holds in place,
/// without allocating) made so far, which later ones of the same text
/// share.
#[derive(Debug, Default)]
pub(super) struct Labels(HashSet<Label>);

impl Labels {
    /// `text` as a label, sharing the text of an equal one made before.
    pub(super) fn label(&mut self, text: &str) -> Label {
        if text.len() <= INLINE_LEN {
            return Label::new(text);
        }
        if let Some(label) = self.0.get(text) {
            return label.clone();
        }
        let label = Label::new(text);
        self.0.insert(label.clone());
        label
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_label_is_made_once_and_shared() {
        let mut labels = Labels::default();
        let long = "United Nations Development Programme";
        let first = labels.label(long);
        let copy = String::from(long);
        let second = labels.label(&copy);
        assert_eq!(first, long);
        assert_eq!(second, long);
        // The same text, not a copy of it.
        assert_eq!(first.as_ptr(), second.as_ptr());
        let short = labels.label("UNDP");
        assert_eq!(short, "UNDP");
        assert_eq!(labels.0.len(), 1, "short labels are not kept");
    }
}
