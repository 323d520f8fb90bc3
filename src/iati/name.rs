//! The names of the IATI elements the importer reads, and which of them
//! it reads inside which.
//!
//! The reader keeps only the elements the converter reads, so every
//! element kept has one of these names: the tree holds it as a one-byte
//! [`Name`] instead of a copy of the text, and the converter looks up
//! children by comparing those bytes.

/// Declares the names read, each with the tag it is written as.
macro_rules! names {
    ($($(#[$doc:meta])* $name:ident = $tag:literal,)*) => {
        /// An element the converter reads.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub(super) enum Name {
            $($(#[$doc])* $name,)*
        }

        impl Name {
            /// How many names there are.
            pub(super) const COUNT: usize = [$(Name::$name),*].len();

            /// The tag it is written as.
            pub(super) fn as_str(self) -> &'static str {
                match self {
                    $(Name::$name => $tag,)*
                }
            }

            /// The name written as `tag`, if it is one read anywhere.
            fn of_tag(tag: &str) -> Option<Name> {
                match tag {
                    $($tag => Some(Name::$name),)*
                    _ => None,
                }
            }
        }
    };
}

names! {
    IatiActivity = "iati-activity",
    IatiIdentifier = "iati-identifier",
    ReportingOrg = "reporting-org",
    Title = "title",
    ActivityStatus = "activity-status",
    ActivityDate = "activity-date",
    ParticipatingOrg = "participating-org",
    RecipientCountry = "recipient-country",
    RecipientRegion = "recipient-region",
    Sector = "sector",
    Tag = "tag",
    PolicyMarker = "policy-marker",
    HumanitarianScope = "humanitarian-scope",
    DocumentLink = "document-link",
    RelatedActivity = "related-activity",
    Budget = "budget",
    Transaction = "transaction",
    Result = "result",
    Narrative = "narrative",
    PeriodStart = "period-start",
    PeriodEnd = "period-end",
    Value = "value",
    TransactionType = "transaction-type",
    TransactionDate = "transaction-date",
    ProviderOrg = "provider-org",
    Reference = "reference",
    Indicator = "indicator",
    Baseline = "baseline",
    Period = "period",
    Target = "target",
    Actual = "actual",
    Comment = "comment",
    Dimension = "dimension",
    Location = "location",
}

impl Name {
    /// The name of a child `tag` of an element of this name, when the
    /// converter reads it there; `None` for the others (descriptions,
    /// contact details, planned disbursements, the finer parts of
    /// transactions...), which the model does not hold and the reader
    /// skips.
    pub(super) fn child(self, tag: &str) -> Option<Name> {
        use Name::*;
        let child = Name::of_tag(tag)?;
        let read = match self {
            IatiActivity => matches!(
                child,
                IatiIdentifier
                    | ReportingOrg
                    | Title
                    | ActivityStatus
                    | ActivityDate
                    | ParticipatingOrg
                    | RecipientCountry
                    | RecipientRegion
                    | Sector
                    | Tag
                    | PolicyMarker
                    | HumanitarianScope
                    | DocumentLink
                    | RelatedActivity
                    | Budget
                    | Transaction
                    | Result
            ),
            // Organisations, titles, regions, sectors, tags, scopes and
            // comments are read for their narrative.
            ReportingOrg | ParticipatingOrg | ProviderOrg | Title | RecipientRegion | Sector | Tag
            | HumanitarianScope | Comment => child == Narrative,
            DocumentLink => child == Title,
            Budget => matches!(child, PeriodStart | PeriodEnd | Value),
            Transaction => matches!(child, TransactionType | TransactionDate | Value | ProviderOrg),
            Result => matches!(child, Title | Reference | Indicator),
            Indicator => matches!(child, Title | Reference | Baseline | Period),
            Baseline | Target | Actual => matches!(child, Comment | Dimension | Location),
            Period => matches!(child, PeriodStart | PeriodEnd | Target | Actual),
            IatiIdentifier | ActivityStatus | ActivityDate | RecipientCountry | PolicyMarker | RelatedActivity
            | Narrative | PeriodStart | PeriodEnd | Value | TransactionType | TransactionDate | Reference
            | Dimension | Location => false,
        };
        read.then_some(child)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tag_is_read_only_inside_the_elements_that_read_it() {
        assert_eq!(Name::IatiActivity.child("title"), Some(Name::Title));
        assert_eq!(Name::Result.child("title"), Some(Name::Title));
        assert_eq!(Name::Title.child("narrative"), Some(Name::Narrative));
        assert_eq!(Name::Budget.child("value"), Some(Name::Value));
        assert_eq!(Name::IatiActivity.child("description"), None);
        assert_eq!(Name::IatiActivity.child("value"), None);
        assert_eq!(Name::Narrative.child("narrative"), None);
    }

    #[test]
    fn every_name_is_written_as_its_own_tag() {
        use Name::*;
        for name in [IatiActivity, PeriodStart, ProviderOrg, Location] {
            assert_eq!(Name::of_tag(name.as_str()), Some(name));
        }
    }
}
