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
}
