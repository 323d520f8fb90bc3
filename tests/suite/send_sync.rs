//! Every public type can cross threads.

use ilo_frameworks::*;

fn is_send_sync<T: Send + Sync>() {}

#[test]
fn public_types_are_send_and_sync() {
    is_send_sync::<OutcomeCode>();
    is_send_sync::<OutcomeKind>();
    is_send_sync::<OutputCode>();
    is_send_sync::<DeliverableCode>();
    is_send_sync::<ProgrammeId>();
    is_send_sync::<FrameworkId>();
    is_send_sync::<ElementCode>();
    is_send_sync::<SdgGoal>();
    is_send_sync::<SdgTarget>();
    is_send_sync::<TargetPart>();
    is_send_sync::<SdgIndicator>();
    is_send_sync::<SdgCode>();
    is_send_sync::<StandardKind>();
    is_send_sync::<StandardRef>();
    is_send_sync::<Ref>();
    is_send_sync::<Expected>();
    is_send_sync::<ParseError>();
    is_send_sync::<Quarter>();
    is_send_sync::<QuarterRange>();
    is_send_sync::<Timeframe>();
    is_send_sync::<Biennium>();
    is_send_sync::<Period>();
    is_send_sync::<PartialDate>();
    is_send_sync::<Framework>();
    is_send_sync::<FrameworkKind>();
    is_send_sync::<FrameworkSet>();
    is_send_sync::<Plan>();
    is_send_sync::<Outcome>();
    is_send_sync::<Output>();
    is_send_sync::<ActionLevel>();
    is_send_sync::<Indicator>();
    is_send_sync::<Programme>();
    is_send_sync::<ProgrammeKind>();
    is_send_sync::<ProgrammeTarget>();
    is_send_sync::<Coverage>();
    is_send_sync::<Region>();
    is_send_sync::<Endorsement>();
    is_send_sync::<Funding>();
    is_send_sync::<Deliverable>();
    is_send_sync::<Link>();
    is_send_sync::<LinkDetail>();
    is_send_sync::<LinkKind>();
    is_send_sync::<Share>();
    is_send_sync::<StatedLink>();
    is_send_sync::<Claim>();
    is_send_sync::<ClaimValue>();
    is_send_sync::<Provenance>();
    is_send_sync::<Standard>();
    is_send_sync::<StandardCatalogue>();
    is_send_sync::<Element<'static>>();
    is_send_sync::<Format>();
    is_send_sync::<LoadError>();
    is_send_sync::<Error>();
    is_send_sync::<builtin::Builtin>();
    is_send_sync::<format::SourceMap>();
    is_send_sync::<format::SourceFile>();
    is_send_sync::<format::Span>();
    is_send_sync::<format::Location>();
    is_send_sync::<format::Table>();
    is_send_sync::<sdg::SdgCatalogue>();
    is_send_sync::<sdg::GoalInfo>();
    is_send_sync::<sdg::TargetInfo>();
    is_send_sync::<sdg::IndicatorInfo>();
    is_send_sync::<sdg::RetiredIndicator>();
    is_send_sync::<sdg::SdgEntry<'static>>();
    is_send_sync::<sdg::SdgMention>();
    is_send_sync::<sdg::Deviation>();
    is_send_sync::<graph::FrameworkGraph>();
    is_send_sync::<graph::Node<'static>>();
    is_send_sync::<graph::Edge<'static>>();
    is_send_sync::<graph::NodeKey>();
    is_send_sync::<graph::NodeKind>();
    is_send_sync::<graph::GraphIssue>();
    is_send_sync::<graph::CoverageMatrix>();
    is_send_sync::<graph::Contributions<'static>>();
    is_send_sync::<graph::Reach<'static>>();
    is_send_sync::<graph::GraphJson<'static>>();
    is_send_sync::<validate::Config>();
    is_send_sync::<validate::Level>();
    is_send_sync::<validate::Diagnostic>();
    is_send_sync::<validate::Severity>();
    is_send_sync::<validate::Family>();
    is_send_sync::<validate::Rule>();
    is_send_sync::<validate::Report>();
    is_send_sync::<synthetic::SyntheticConfig>();
    // Results and progress.
    is_send_sync::<Value>();
    is_send_sync::<DataPoint>();
    is_send_sync::<DataPoints>();
    is_send_sync::<Measure>();
    is_send_sync::<Direction>();
    is_send_sync::<Aggregation>();
    is_send_sync::<IndicatorPeriod>();
    is_send_sync::<ProgressReport>();
    is_send_sync::<ReportKind>();
    is_send_sync::<DeliverableStatus>();
    is_send_sync::<DeliverableObservation>();
    is_send_sync::<TargetObservation>();
    is_send_sync::<IndicatorObservation>();
    is_send_sync::<format::Document>();
    is_send_sync::<progress::AsOf>();
    is_send_sync::<progress::Progress>();
    is_send_sync::<progress::DeliverableProgress>();
    is_send_sync::<progress::DeliverableState>();
    is_send_sync::<progress::TargetProgress>();
    is_send_sync::<progress::IndicatorProgress>();
    is_send_sync::<progress::TrackState>();
    is_send_sync::<progress::RollUp>();
    is_send_sync::<progress::RollUpGroup>();
    is_send_sync::<progress::Contribution>();
    is_send_sync::<Activity>();
    is_send_sync::<ActivityDate>();
    is_send_sync::<Classification>();
    is_send_sync::<DateKind>();
    is_send_sync::<DocumentLink>();
    is_send_sync::<Organisation>();
    is_send_sync::<OrganisationRole>();
    is_send_sync::<Participant>();
    is_send_sync::<PolicyMarker>();
    is_send_sync::<Related>();
    is_send_sync::<Relation>();
    is_send_sync::<ResultKind>();
    is_send_sync::<ResultOf>();
    is_send_sync::<FundingKind>();
}

/// The importer's types, which tools move between threads.
#[cfg(feature = "iati")]
#[test]
fn iati_types_are_send_and_sync() {
    use ilo_frameworks::iati;
    is_send_sync::<iati::Import>();
    is_send_sync::<iati::ImportOptions>();
    is_send_sync::<iati::IatiError>();
    is_send_sync::<iati::Crosswalk>();
    is_send_sync::<iati::Streamed>();
    is_send_sync::<iati::Stream<'static, &'static [u8]>>();
}

#[test]
fn a_link_takes_the_size_of_a_reference() {
    // Programmes and deliverables hold millions of links in a large set;
    // the rare details are boxed.
    assert_eq!(std::mem::size_of::<Link>(), std::mem::size_of::<Ref>());
}

#[test]
fn a_provenance_takes_16_bytes() {
    // Every element and many of their parts carry one; most hold a line
    // alone, so the document and section are kept aside.
    assert_eq!(std::mem::size_of::<Provenance>(), 16);
}
