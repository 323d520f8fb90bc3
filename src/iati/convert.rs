//! From an activity's elements to a programme: the fields every programme
//! has, the IATI details, SDG codes, crosswalk links, and the hierarchy
//! once every activity is read.

use std::collections::{BTreeSet, HashMap};

use chrono::NaiveDate;

use super::ImportOptions;
use super::labels::Labels;
use super::name::Name;
use super::rules::{self, Findings};
use super::seen::Seen;
use super::xml::{Node, Place};
use crate::sdg::{Deviation, SdgCatalogue, SdgMention};
use crate::validate::{Report, Rule};
use crate::{
    Activity, ActivityDate, Aggregation, Classification, Code, DataPoint, DateKind, Direction, DocumentLink,
    ElementCode, Funding, FundingKind, Indicator, IndicatorPeriod, Link, LinkDetail, LinkKind, Measure, Organisation,
    OrganisationRole, PartialDate, Participant, Period, PolicyMarker, Programme, ProgrammeId, ProgrammeKind,
    Provenance, Ref, Related, Relation, ResultKind, ResultOf, SdgCode, Share, StatedLink, Value,
};

/// A relation an activity states, to be resolved once every activity is
/// read.
struct Stated {
    /// The activity that states it, by its place in the order read.
    from: usize,
    /// Its place in that activity's `related`.
    entry: usize,
    relation: Relation,
    place: Place,
    file: usize,
}

/// Builds the framework activity by activity.
pub(super) struct Importer<'o> {
    options: &'o ImportOptions,
    sdg: Option<&'static SdgCatalogue>,
    pub(super) findings: Findings<'o>,
    /// The identifiers of the activities read, in order.
    ids: Vec<ProgrammeId>,
    index: HashMap<ProgrammeId, usize>,
    relations: Vec<Stated>,
    files: Vec<String>,
    /// For each file, where its activities, indicators and related
    /// activities are read (without a line): each activity's provenance
    /// shares this text.
    places: Vec<Places>,
    /// The long labels made so far, shared by the later ones of the same
    /// text.
    labels: Labels,
    /// The dates of the activity being read, for the rules that compare
    /// them: kept to be filled again by the next.
    dates: Vec<(DateKind, NaiveDate, Place)>,
    /// Its percentages of countries and regions, then of sectors, grouped
    /// by vocabulary for the rule that adds them up; kept as `dates` is.
    shares: Vec<(Code, Option<f64>, Place)>,
}

/// The sections of a file that elements are read from.
struct Places {
    activity: Provenance,
    indicator: Provenance,
    related: Provenance,
}

impl Places {
    fn of(file: &str) -> Self {
        let document = Provenance::default().in_document(super::file_name(file));
        Places {
            activity: document.clone().in_section("iati-activity"),
            indicator: document.clone().in_section("indicator"),
            related: document.in_section("related-activity"),
        }
    }
}

/// A line of a file as a provenance's line (0, unknown, past `u32`).
fn line_of(line: usize) -> u32 {
    u32::try_from(line).unwrap_or(0)
}

impl<'o> Importer<'o> {
    pub(super) fn new(options: &'o ImportOptions) -> Self {
        Importer {
            options,
            sdg: crate::builtin::sdg().ok(),
            findings: Findings::new(&options.config),
            ids: Vec::new(),
            index: HashMap::new(),
            relations: Vec::new(),
            files: Vec::new(),
            places: Vec::new(),
            labels: Labels::default(),
            dates: Vec::new(),
            shares: Vec::new(),
        }
    }

    pub(super) fn start_file(&mut self, file: &str) {
        self.findings.start_file(file);
        self.files.push(file.to_owned());
        self.places.push(Places::of(file));
    }

    fn reference(&self, id: &ProgrammeId) -> Ref {
        Ref::element(self.options.framework.clone(), ElementCode::from(id))
    }

    /// The programme of one activity, `None` for one left out (and
    /// reported). Its `activity.related` holds every relation it states;
    /// [`Importer::finish`] makes links of those it can.
    pub(super) fn add(&mut self, activity: Node<'_>) -> Option<Programme> {
        let id = self.identifier(activity)?;
        let subject = self.reference(&id);
        if self.index.contains_key(&id) {
            self.findings.report(
                Rule::IatiDuplicateIdentifier,
                activity.child(Name::IatiIdentifier).unwrap_or(activity),
                Some(&subject),
                format!("the identifier {id} is given to an earlier activity too; this one is left out"),
                "give each activity its own identifier, or read each version of a file alone",
            );
            return None;
        }
        let name = activity
            .child(Name::Title)
            .and_then(Node::narrative)
            .unwrap_or_default();
        let mut programme = Programme::new(id.clone(), ProgrammeKind::Project, name);
        if let Some(places) = self.places.last() {
            programme.source = places.activity.clone().at_line(line_of(activity.line()));
        }
        // Each list sized once, to the elements that may fill it: most
        // would otherwise grow two or three times. Funding is sized to the
        // budgets and transactions; the funding organisations named before
        // them may grow it once.
        let counts = activity.child_counts();
        let mut details = Activity::default();
        details.organisations.reserve_exact(counts.of(Name::ParticipatingOrg));
        details.dates.reserve_exact(counts.of(Name::ActivityDate));
        details.countries.reserve_exact(counts.of(Name::RecipientCountry));
        details.regions.reserve_exact(counts.of(Name::RecipientRegion));
        details.sectors.reserve_exact(counts.of(Name::Sector));
        details.tags.reserve_exact(counts.of(Name::Tag));
        details.policy_markers.reserve_exact(counts.of(Name::PolicyMarker));
        details
            .humanitarian_scopes
            .reserve_exact(counts.of(Name::HumanitarianScope));
        details.documents.reserve_exact(counts.of(Name::DocumentLink));
        details.related.reserve_exact(counts.of(Name::RelatedActivity));
        programme
            .funding
            .reserve_exact(counts.of(Name::Budget) + counts.of(Name::Transaction));
        let reporting = activity.child(Name::ReportingOrg).map(|node| self.organisation(node));
        rules::identifier(
            activity,
            id.as_str(),
            reporting.as_ref().and_then(|o| o.id.as_deref()),
            &subject,
            &mut self.findings,
        );
        details.reporting_org = reporting;
        details.humanitarian = matches!(activity.attribute("humanitarian"), Some("1" | "true"));
        details.last_updated = activity.attribute("last-updated-datetime").map(str::to_owned);
        if let Some(updated) = details.last_updated.as_deref().and_then(|d| d.get(..10))
            && let Some(day) = crate::period::strict_day(updated)
        {
            rules::not_in_future(
                activity,
                "last update",
                day,
                self.options.today,
                &subject,
                &mut self.findings,
            );
        }
        if let Some(status) = activity.child(Name::ActivityStatus)
            && let Some(code) = self.required(status, "code", &subject)
        {
            programme.status = status_name(code).map(str::to_owned);
            if programme.status.is_none() {
                self.findings.report(
                    Rule::IatiUnknownCode,
                    status,
                    Some(&subject),
                    format!("<activity-status> of {subject} has the code \"{code}\", which is no status 1 to 6; it is left out"),
                    "use an ActivityStatus code: 1 pipeline, 2 implementation, 3 finalisation, 4 closed, 5 cancelled, 6 suspended",
                );
            }
        }
        self.dates(activity, &mut programme, &mut details, &subject);
        self.organisations(activity, &mut programme, &mut details, &subject);
        self.places_and_sectors(activity, &mut programme, &mut details, &subject);
        self.money(activity, &mut programme, &subject);
        self.results(activity, &mut programme, &subject);
        for marker in activity.children(Name::PolicyMarker) {
            if let Some(code) = self.required(marker, "code", &subject) {
                details.policy_markers.push(PolicyMarker {
                    vocabulary: marker.attribute("vocabulary").map(Code::new),
                    code: Code::new(code),
                    significance: marker.attribute("significance").map(Code::new),
                });
            }
        }
        for scope in activity.children(Name::HumanitarianScope) {
            if let (Some(vocabulary), Some(code)) = (
                self.required(scope, "vocabulary", &subject),
                self.required(scope, "code", &subject),
            ) {
                let mut entry = Classification::new(vocabulary, code);
                entry.name = scope.narrative().map(|text| self.labels.label(text));
                details.humanitarian_scopes.push(entry);
            }
        }
        for document in activity.children(Name::DocumentLink) {
            if let Some(url) = self.required(document, "url", &subject) {
                details.documents.push(DocumentLink {
                    url: url.to_owned(),
                    title: document.child(Name::Title).and_then(Node::narrative).map(str::to_owned),
                    format: document.attribute("format").map(Code::new),
                });
            }
        }
        let at = self.ids.len();
        for related in activity.children(Name::RelatedActivity) {
            let (Some(code), Some(other)) = (
                self.required(related, "type", &subject),
                self.required(related, "ref", &subject),
            ) else {
                continue;
            };
            match Relation::from_code(code) {
                Some(relation) => {
                    self.relations.push(Stated {
                        from: at,
                        entry: details.related.len(),
                        relation,
                        place: related.place(),
                        file: self.files.len() - 1,
                    });
                    details.related.push(Related::new(relation, other.trim()));
                }
                None => self.findings.report(
                    Rule::IatiUnknownCode,
                    related,
                    Some(&subject),
                    format!("<related-activity> of {subject} has type \"{code}\", which is no relation 1 to 5"),
                    "use a RelatedActivityType code: 1 parent, 2 child, 3 sibling, 4 co-funded, 5 third party",
                ),
            }
        }
        programme.activity = Some(Box::new(details));
        self.index.insert(id.clone(), at);
        self.ids.push(id);
        Some(programme)
    }

    /// Drops the relations stated so far, for a reader that resolves none
    /// ([`super::Stream`]): they stay in each activity's `related`.
    pub(super) fn forget_relations(&mut self) {
        self.relations.clear();
    }

    /// The activity's identifier, or a finding when it cannot be one.
    fn identifier(&mut self, activity: Node<'_>) -> Option<ProgrammeId> {
        let Some(node) = activity.child(Name::IatiIdentifier) else {
            self.findings.report(
                Rule::IatiBadIdentifier,
                activity,
                None,
                "an activity has no <iati-identifier>; it is left out".to_owned(),
                "give every activity its identifier",
            );
            return None;
        };
        let written = node.text();
        let trimmed = written.trim();
        match ProgrammeId::new(trimmed) {
            Ok(id) => {
                if trimmed.len() != written.len() {
                    let subject = self.reference(&id);
                    self.findings.report(
                        Rule::IatiIdentifierSpaces,
                        node,
                        Some(&subject),
                        format!(
                            "the identifier {written:?} has white space at either end; it is read as {:?}",
                            id.as_str()
                        ),
                        "remove the white space around the identifier",
                    );
                }
                Some(id)
            }
            Err(error) => {
                self.findings.report(
                    Rule::IatiBadIdentifier,
                    node,
                    None,
                    format!("the activity identifier cannot name a programme ({error}); the activity is left out"),
                    "publish the identifier without ';', control characters or runs of white space",
                );
                None
            }
        }
    }

    fn dates(&mut self, activity: Node<'_>, programme: &mut Programme, details: &mut Activity, subject: &Ref) {
        let mut dates = std::mem::take(&mut self.dates);
        dates.clear();
        for node in activity.children(Name::ActivityDate) {
            let Some(code) = self.required(node, "type", subject) else {
                continue;
            };
            let Some(kind) = DateKind::from_code(code) else {
                self.findings.report(
                    Rule::IatiUnknownCode,
                    node,
                    Some(subject),
                    format!("<activity-date> of {subject} has type \"{code}\", which is no date type 1 to 4"),
                    "use an ActivityDateType code: 1 planned start, 2 actual start, 3 planned end, 4 actual end",
                );
                continue;
            };
            if let Some(date) = rules::date(node, "iso-date", Some(subject), &mut self.findings) {
                dates.push((kind, date, node.place()));
                if let Some(day) = rules::day(date) {
                    details.dates.push(ActivityDate::new(kind, day));
                }
            }
        }
        rules::activity_dates(&dates, self.options.today, subject, &mut self.findings);
        let find = |kind: DateKind| dates.iter().find(|(k, _, _)| *k == kind).map(|(_, d, _)| *d);
        let start = find(DateKind::ActualStart).or(find(DateKind::PlannedStart));
        let end = find(DateKind::ActualEnd).or(find(DateKind::PlannedEnd));
        if let (Some(start), Some(end)) = (start, end) {
            programme.period = Some(Period::new(start, end));
        }
        programme.launched = find(DateKind::ActualStart).and_then(rules::day);
        programme.planned_launch = find(DateKind::PlannedStart).and_then(rules::day);
        self.dates = dates;
    }

    fn organisations(&mut self, activity: Node<'_>, programme: &mut Programme, details: &mut Activity, subject: &Ref) {
        // The partners named so far, so that each is listed once however
        // many organisations an activity names.
        let mut partners = Seen::default();
        for node in activity.children(Name::ParticipatingOrg) {
            let Some(code) = self.required(node, "role", subject) else {
                continue;
            };
            let Some(role) = OrganisationRole::from_code(code) else {
                self.findings.report(
                    Rule::IatiUnknownCode,
                    node,
                    Some(subject),
                    format!("<participating-org> of {subject} has role \"{code}\", which is no role 1 to 4"),
                    "use an OrganisationRole code: 1 funding, 2 accountable, 3 extending, 4 implementing",
                );
                continue;
            };
            // As `Organisation::label`: the name, else the identifier.
            let (id, name) = organisation_parts(node);
            if let Some(label) = name.or(id) {
                match role {
                    OrganisationRole::Implementing if partners.insert(label) => {
                        programme.partners.push(self.labels.label(label));
                    }
                    OrganisationRole::Funding => programme.funding.push(Funding {
                        donor: Some(self.labels.label(label)),
                        ..Funding::default()
                    }),
                    _ => {}
                }
            }
            details.organisations.push(Participant {
                role,
                organisation: self.organisation(node),
            });
        }
    }

    fn places_and_sectors(
        &mut self,
        activity: Node<'_>,
        programme: &mut Programme,
        details: &mut Activity,
        subject: &Ref,
    ) {
        let mut shares = std::mem::take(&mut self.shares);
        shares.clear();
        for node in activity.children(Name::RecipientCountry) {
            let Some(code) = self.required(node, "code", subject) else {
                continue;
            };
            let mut entry = Classification::country(code);
            entry.percentage = self.percentage(node, subject);
            shares.push((Code::default(), entry.percentage, node.place()));
            details.countries.push(entry);
        }
        for node in activity.children(Name::RecipientRegion) {
            let Some(code) = self.required(node, "code", subject) else {
                continue;
            };
            let mut entry = Classification::new(node.attribute("vocabulary").unwrap_or("1"), code);
            entry.name = node.narrative().map(|text| self.labels.label(text));
            entry.percentage = self.percentage(node, subject);
            shares.push((Code::default(), entry.percentage, node.place()));
            details.regions.push(entry);
        }
        rules::percentages("country and region", &mut shares, subject, &mut self.findings);
        shares.clear();
        for node in activity.children(Name::Sector) {
            let Some(code) = self.required(node, "code", subject) else {
                continue;
            };
            let vocabulary = node.attribute("vocabulary").unwrap_or("1");
            let mut entry = Classification::new(vocabulary, code);
            entry.name = node.narrative().map(|text| self.labels.label(text));
            entry.percentage = self.percentage(node, subject);
            shares.push((Code::new(vocabulary), entry.percentage, node.place()));
            match vocabulary {
                "7" | "8" | "9" => self.sdg(node, code, programme, subject),
                _ => {}
            }
            if let Some(crosswalk) = &self.options.crosswalk {
                for to in crosswalk.sector(vocabulary, code) {
                    contribute(programme, to, entry.share());
                }
            }
            details.sectors.push(entry);
        }
        rules::percentages("sector", &mut shares, subject, &mut self.findings);
        self.shares = shares;
        for node in activity.children(Name::Tag) {
            let (Some(vocabulary), Some(code)) = (
                self.required(node, "vocabulary", subject),
                self.required(node, "code", subject),
            ) else {
                continue;
            };
            if matches!(vocabulary, "2" | "3") {
                self.sdg(node, code, programme, subject);
            }
            if let Some(crosswalk) = &self.options.crosswalk {
                for to in crosswalk.tag(vocabulary, code) {
                    contribute(programme, to, None);
                }
            }
            let mut entry = Classification::new(vocabulary, code);
            entry.name = node.narrative().map(|text| self.labels.label(text));
            details.tags.push(entry);
        }
    }

    /// The references an element gives: a vocabulary, a code and the
    /// indicator's address where there is one.
    fn references(&mut self, node: Node<'_>, subject: &Ref) -> Vec<Classification> {
        let mut references = Vec::new();
        for reference in node.children(Name::Reference) {
            if let Some(code) = self.required(reference, "code", subject) {
                let mut entry = Classification::new("", code);
                entry.vocabulary = reference.attribute("vocabulary").map(Code::new);
                entry.name = reference.attribute("indicator-uri").map(|text| self.labels.label(text));
                references.push(entry);
            }
        }
        references
    }

    /// The attribute `name` of `node`, which the standard requires; a
    /// finding when it is missing, and the element is left out.
    fn required<'n>(&mut self, node: Node<'n>, name: &str, subject: &Ref) -> Option<&'n str> {
        let value = node.attribute(name);
        if value.is_none() {
            self.incomplete(node, subject, name, "it");
        }
        value
    }

    /// The child `name` of `node`, which the standard requires; a finding
    /// when it is missing.
    fn part<'n>(&mut self, node: Node<'n>, name: Name, what: &str, subject: &Ref) -> Option<Node<'n>> {
        let part = node.child(name);
        if part.is_none() {
            self.incomplete(node, subject, &format!("<{}>", name.as_str()), what);
        }
        part
    }

    /// Reports that `node` lacks `missing`, so that `left_out` is left out.
    fn incomplete(&mut self, node: Node<'_>, subject: &Ref, missing: &str, left_out: &str) {
        self.findings.report(
            Rule::IatiIncompleteElement,
            node,
            Some(subject),
            format!(
                "a <{}> of {subject} has no {missing}; {left_out} is left out",
                node.name()
            ),
            format!("give the <{}> its {missing}", node.name()),
        );
    }

    fn percentage(&mut self, node: Node<'_>, subject: &Ref) -> Option<f64> {
        let text = node.attribute("percentage")?;
        rules::number(node, "percentage", text, Some(subject), &mut self.findings)
    }

    /// Adds the SDG code a tag or sector names, reporting upper-case target
    /// letters and codes the catalogue does not hold.
    fn sdg(&mut self, node: Node<'_>, code: &str, programme: &mut Programme, subject: &Ref) {
        let known = |code: SdgCode| self.sdg.is_none_or(|catalogue| catalogue.contains(code));
        match SdgMention::parse(code) {
            Ok(mention) if known(mention.code) => {
                if mention.deviations.contains(&Deviation::UpperCaseLetter) {
                    self.findings.report(
                        Rule::SdgCodeCase,
                        node,
                        Some(subject),
                        format!(
                            "SDG code \"{code}\" of {subject} writes its target letter in upper case; it is read as {}",
                            mention.code
                        ),
                        mention.hint().unwrap_or_default(),
                    );
                }
                if !programme.sdg.contains(&mention.code) {
                    programme.sdg.push(mention.code);
                }
            }
            _ => self.findings.report(
                Rule::IatiUnknownSdgCode,
                node,
                Some(subject),
                format!(
                    "<{}> of {subject} names \"{code}\", which is no SDG goal, target or indicator; it is left out",
                    node.name()
                ),
                "use the UN's codes: goals 1 to 17, targets such as 8.7 or 8.b, indicators such as 8.7.1",
            ),
        }
    }

    fn money(&mut self, activity: Node<'_>, programme: &mut Programme, subject: &Ref) {
        let currency = activity.attribute("default-currency");
        for node in activity.children(Name::Budget) {
            let mut funding = Funding {
                kind: Some(FundingKind::Budget),
                ..Funding::default()
            };
            let start = self
                .part(node, Name::PeriodStart, "its period", subject)
                .and_then(|n| rules::date(n, "iso-date", Some(subject), &mut self.findings));
            let end = self
                .part(node, Name::PeriodEnd, "its period", subject)
                .and_then(|n| rules::date(n, "iso-date", Some(subject), &mut self.findings));
            if let (Some(start), Some(end)) = (start, end) {
                rules::period_order(node, "budget period", start, end, subject, &mut self.findings);
                funding.period = Some(Period::new(start, end));
            }
            self.value(node, currency, &mut funding, subject);
            programme.funding.push(funding);
        }
        for node in activity.children(Name::Transaction) {
            let code = node.child(Name::TransactionType).and_then(|t| t.attribute("code"));
            let Some(kind) = code.and_then(FundingKind::from_transaction_code) else {
                self.findings.report(
                    Rule::IatiUnknownCode,
                    node,
                    Some(subject),
                    format!(
                        "a <transaction> of {subject} has the type {}, which is no transaction type 1 to 13; it is left out",
                        code.map_or_else(|| "none".to_owned(), |c| format!("\"{c}\""))
                    ),
                    "give <transaction-type code=\"N\"/> with a TransactionType code",
                );
                continue;
            };
            let mut funding = Funding {
                kind: Some(kind),
                donor: node.child(Name::ProviderOrg).and_then(|o| {
                    // The name, else the identifier, as `Organisation::label`.
                    let (id, name) = organisation_parts(o);
                    name.or(id).map(|text| self.labels.label(text))
                }),
                ..Funding::default()
            };
            if let Some(date) = node
                .child(Name::TransactionDate)
                .and_then(|n| rules::date(n, "iso-date", Some(subject), &mut self.findings))
            {
                rules::not_in_future(
                    node,
                    "transaction date",
                    date,
                    self.options.today,
                    subject,
                    &mut self.findings,
                );
            }
            self.value(node, currency, &mut funding, subject);
            programme.funding.push(funding);
        }
    }

    /// The organisation an element names by `ref` and narrative.
    fn organisation(&mut self, node: Node<'_>) -> Organisation {
        let (id, name) = organisation_parts(node);
        Organisation {
            id: id.map(Code::new),
            name: name.map(|text| self.labels.label(text)),
        }
    }

    /// The indicators of the activity's results, each with its result.
    fn results(&mut self, activity: Node<'_>, programme: &mut Programme, subject: &Ref) {
        for (number, result) in (1u32..).zip(activity.children(Name::Result)) {
            let Some(kind) = result.attribute("type").and_then(ResultKind::from_code) else {
                self.findings.report(
                    Rule::IatiUnknownCode,
                    result,
                    Some(subject),
                    format!(
                        "result {number} of {subject} has the type {}, which is no result type 1, 2, 3 or 9; it is left out",
                        result.attribute("type").map_or_else(|| "none".to_owned(), |c| format!("\"{c}\""))
                    ),
                    "give type=\"N\" with a ResultType code: 1 output, 2 outcome, 3 impact, 9 other",
                );
                continue;
            };
            let title = result.child(Name::Title).and_then(Node::narrative).unwrap_or_default();
            let mut of = ResultOf::new(kind, number, title);
            of.references = self.references(result, subject);
            let aggregates = !matches!(result.attribute("aggregation-status"), Some("0" | "false"));
            for node in result.children(Name::Indicator) {
                let indicator = self.indicator(node, &of, aggregates, subject);
                if !of.references.is_empty()
                    && indicator
                        .result
                        .as_ref()
                        .is_some_and(|r| !r.indicator_references.is_empty())
                {
                    self.findings.report(
                        Rule::IatiReferenceLevel,
                        node,
                        Some(subject),
                        format!("result {number} of {subject} gives a reference, and so does its indicator"),
                        "give references at the result or at each of its indicators, not both",
                    );
                }
                programme.indicators.push(indicator);
            }
        }
    }

    fn indicator(&mut self, node: Node<'_>, of: &ResultOf, aggregates: bool, subject: &Ref) -> Indicator {
        let label = node.child(Name::Title).and_then(Node::narrative).unwrap_or_default();
        let mut indicator = Indicator::new(label);
        indicator.measure = match node.attribute("measure").map(str::trim) {
            Some("1") => Measure::Unit,
            Some("2") => Measure::Percentage,
            Some("3") => Measure::Nominal,
            Some("4") => Measure::Ordinal,
            Some("5") => Measure::Qualitative,
            Some(code) => {
                self.findings.report(
                    Rule::IatiUnknownCode,
                    node,
                    Some(subject),
                    format!("an <indicator> of {subject} has the measure \"{code}\", which is no measure 1 to 5; it is read as a count"),
                    "use an IndicatorMeasure code: 1 unit, 2 percentage, 3 nominal, 4 ordinal, 5 qualitative",
                );
                Measure::Unit
            }
            None => {
                self.findings.report(
                    Rule::IatiIncompleteElement,
                    node,
                    Some(subject),
                    format!("an <indicator> of {subject} has no measure; it is read as a count"),
                    "give the <indicator> its measure: 1 unit, 2 percentage, 3 nominal, 4 ordinal, 5 qualitative",
                );
                Measure::Unit
            }
        };
        if matches!(node.attribute("ascending"), Some("0" | "false")) {
            indicator.direction = Direction::Descending;
        }
        if !aggregates || matches!(node.attribute("aggregation-status"), Some("0" | "false")) {
            indicator.aggregation = Some(Aggregation::None);
        }
        if let Some(places) = self.places.last() {
            indicator.source = places.indicator.clone().at_line(line_of(node.line()));
        }
        let mut of = of.clone();
        of.indicator_references = self.references(node, subject);
        // Each code once, in the order first given.
        let mut seen = Seen::default();
        for &code in &indicator.sdg {
            seen.insert(code);
        }
        for reference in of
            .indicator_references
            .iter()
            .filter(|r| r.vocabulary.as_deref() == Some("9"))
        {
            if let Ok(mention) = SdgMention::parse(&reference.code)
                && seen.insert(mention.code)
            {
                indicator.sdg.push(mention.code);
            }
        }
        indicator.result = Some(Box::new(of));
        let mut baselines = node.children(Name::Baseline);
        if let Some(baseline) = baselines.next() {
            indicator.baseline = self
                .data_point(baseline, indicator.measure, "baseline", subject)
                .map(|p| p.value);
            indicator.baseline_date = baseline
                .attribute("iso-date")
                .and_then(|_| rules::date(baseline, "iso-date", Some(subject), &mut self.findings))
                .and_then(rules::day)
                .or_else(|| {
                    baseline
                        .attribute("year")
                        .and_then(|y| y.trim().parse().ok())
                        .and_then(|y| PartialDate::from_year(y).ok())
                });
        }
        if let Some(extra) = baselines.next() {
            self.findings.report(
                Rule::IatiSeveralBaselines,
                extra,
                Some(subject),
                format!(
                    "an indicator of {subject} gives {} baselines; the first is kept",
                    node.children(Name::Baseline).count()
                ),
                "give one baseline per indicator, or split the indicator by what its baselines differ in",
            );
        }
        for period in node.children(Name::Period) {
            let start = self
                .part(period, Name::PeriodStart, "the period", subject)
                .and_then(|n| rules::date(n, "iso-date", Some(subject), &mut self.findings));
            let end = self
                .part(period, Name::PeriodEnd, "the period", subject)
                .and_then(|n| rules::date(n, "iso-date", Some(subject), &mut self.findings));
            let (Some(start), Some(end)) = (start, end) else {
                continue;
            };
            rules::period_order(period, "indicator period", start, end, subject, &mut self.findings);
            let mut points = IndicatorPeriod::new(Period::new(start, end));
            for target in period.children(Name::Target) {
                if let Some(point) = self.data_point(target, indicator.measure, "target", subject) {
                    points.target.0.push(point);
                }
            }
            for actual in period.children(Name::Actual) {
                if let Some(point) = self.data_point(actual, indicator.measure, "actual", subject) {
                    points.actual.0.push(point);
                }
            }
            indicator.periods.push(points);
        }
        indicator
    }

    /// The value of a baseline, target or actual, with its dimensions and
    /// locations; a quantitative one must be a number.
    fn data_point(&mut self, node: Node<'_>, measure: Measure, what: &str, subject: &Ref) -> Option<DataPoint> {
        let comment = node.child(Name::Comment).and_then(Node::narrative).map(str::to_owned);
        let value = match (measure.is_quantitative(), node.attribute("value")) {
            (true, Some(text)) => Value::Number(rules::number(node, "value", text, Some(subject), &mut self.findings)?),
            (true, None) => {
                self.findings.report(
                    Rule::IatiInvalidValue,
                    node,
                    Some(subject),
                    format!("a {what} of a quantitative indicator of {subject} has no value; it is left out"),
                    "give the value as value=\"N\", or make the indicator qualitative (measure 5)",
                );
                return None;
            }
            (false, Some(text)) if !text.trim().is_empty() => Value::Text(text.to_owned()),
            (false, _) => match comment.clone() {
                Some(text) => Value::Text(text),
                None => {
                    self.findings.report(
                        Rule::IatiInvalidValue,
                        node,
                        Some(subject),
                        format!("a {what} of a qualitative indicator of {subject} has neither a value nor a comment; it is left out"),
                        "give the state reached as a comment narrative",
                    );
                    return None;
                }
            },
        };
        let mut point = DataPoint::new(value);
        for dimension in node.children(Name::Dimension) {
            if let (Some(name), Some(value)) = (
                self.required(dimension, "name", subject),
                self.required(dimension, "value", subject),
            ) {
                point.dimensions.insert(name.to_owned(), value.to_owned());
            }
        }
        for location in node.children(Name::Location) {
            if let Some(reference) = self.required(location, "ref", subject) {
                point.dimensions.insert("location".to_owned(), reference.to_owned());
            }
        }
        point.comment = comment.filter(|_| measure.is_quantitative());
        Some(point)
    }

    /// The amount, currency and value date of the `value` of `node`.
    fn value(&mut self, node: Node<'_>, currency: Option<&str>, funding: &mut Funding, subject: &Ref) {
        let Some(value) = self.part(node, Name::Value, "its amount", subject) else {
            return;
        };
        funding.amount = rules::number(value, "value", value.text(), Some(subject), &mut self.findings);
        funding.currency = value.attribute("currency").or(currency).map(Code::new);
        funding.value_date = value
            .attribute("value-date")
            .and_then(|_| rules::date(value, "value-date", Some(subject), &mut self.findings))
            .and_then(rules::day);
    }

    /// Resolves the relations of `programmes`, the activities read in
    /// order: a parent or child among them becomes one `part_of` link
    /// (however many sides state it) and leaves `activity.related`; the
    /// rest stays there, and a reference outside is noted. The links and
    /// every finding of the import.
    pub(super) fn finish(mut self, programmes: &mut [Programme]) -> (Vec<StatedLink>, Report) {
        let mut links = Vec::new();
        let mut pairs: BTreeSet<(usize, usize)> = BTreeSet::new();
        // The relations that became links, by activity: left out of `related`.
        let mut linked: Vec<(usize, usize)> = Vec::new();
        let relations = std::mem::take(&mut self.relations);
        for stated in relations {
            // The identifier it names, kept in the activity's `related`.
            let id = programmes
                .get(stated.from)
                .and_then(|p| p.activity.as_deref())
                .and_then(|details| details.related.get(stated.entry))
                .map_or("", |related| related.id.as_str());
            // Looked up as written: an identifier that is no `ProgrammeId`
            // names no activity read.
            let other = self.index.get(id).copied();
            let pair = match (stated.relation, other) {
                (Relation::Parent, Some(parent)) => Some((stated.from, parent)),
                (Relation::Child, Some(child)) => Some((child, stated.from)),
                _ => None,
            };
            if let Some(pair) = pair {
                linked.push((stated.from, stated.entry));
                if pairs.insert(pair) {
                    let (child, parent) = pair;
                    links.push(StatedLink::new(
                        self.reference(&self.ids[child]),
                        LinkKind::PartOf,
                        self.reference(&self.ids[parent]),
                        self.places
                            .get(stated.file)
                            .map(|places| places.related.clone().at_line(line_of(stated.place.line)))
                            .unwrap_or_default(),
                    ));
                }
            } else if other.is_none() {
                let subject = self.reference(&self.ids[stated.from]);
                self.findings.start_file(&self.files[stated.file]);
                self.findings.report(
                    Rule::IatiOutsideActivity,
                    stated.place,
                    Some(&subject),
                    format!(
                        "{subject} names {} {:?}, which is not among the activities read; it is kept as data",
                        article(stated.relation),
                        id
                    ),
                    "read the file that holds it too, to link them",
                );
            }
        }
        // Each activity's relations that became links leave its `related`,
        // in one pass over it.
        linked.sort_unstable();
        for group in linked.chunk_by(|a, b| a.0 == b.0) {
            let from = group[0].0;
            if let Some(details) = programmes.get_mut(from).and_then(|p| p.activity.as_deref_mut()) {
                let mut place = 0;
                details.related.retain(|_| {
                    let keep = group.binary_search(&(from, place)).is_err();
                    place += 1;
                    keep
                });
            }
        }
        (links, Report::new(self.findings.out))
    }
}

fn article(relation: Relation) -> &'static str {
    match relation {
        Relation::Parent => "a parent",
        Relation::Child => "a child",
        Relation::Sibling => "a sibling",
        Relation::CoFunded => "a co-funded activity",
        Relation::ThirdParty => "a third-party activity",
    }
}

/// A `contributes_to` link to `to`, with `share` when it is one.
fn contribute(programme: &mut Programme, to: &Ref, share: Option<f64>) {
    let link = match share.and_then(|s| Share::new(s).ok()) {
        Some(share) => Link::Detailed(Box::new(LinkDetail {
            to: to.clone(),
            share: Some(share),
            source: None,
        })),
        None => Link::To(to.clone()),
    };
    programme.contributes_to.push(link);
}

/// The identifier and name an organisation's element gives, blank ones
/// left out.
fn organisation_parts(node: Node<'_>) -> (Option<&str>, Option<&str>) {
    (
        node.attribute("ref").filter(|r| !r.trim().is_empty()),
        node.narrative().filter(|n| !n.trim().is_empty()),
    )
}

/// The name of an ActivityStatus code.
fn status_name(code: &str) -> Option<&'static str> {
    Some(match code.trim() {
        "1" => "pipeline/identification",
        "2" => "implementation",
        "3" => "finalisation",
        "4" => "closed",
        "5" => "cancelled",
        "6" => "suspended",
        _ => return None,
    })
}
