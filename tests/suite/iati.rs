//! The IATI importer on the real activity files beside the crate
//! (`../shared/data/iati/activities`), with counts read from the XML
//! independently of the importer, and on small hand-written files.

use std::collections::BTreeMap;
use std::path::PathBuf;

use ilo_frameworks::iati::{Crosswalk, Import, ImportOptions, framework_id_for, import_files, import_str};
use ilo_frameworks::validate::Rule;
use ilo_frameworks::{FrameworkSet, LinkKind, Ref, Relation};

fn data(path: &str) -> Option<PathBuf> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/iati/activities")
        .join(path);
    if path.is_file() {
        Some(path)
    } else {
        eprintln!("note: {} is not beside the crate; skipped", path.display());
        None
    }
}

fn import(path: &PathBuf, options: ImportOptions) -> Import {
    import_files(&[path], &options).expect("the file imports")
}

fn options_for(path: &PathBuf) -> ImportOptions {
    ImportOptions::new(framework_id_for(path))
}

/// How many findings of each rule.
fn counts(import: &Import) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for d in import.report.iter() {
        *counts.entry(d.rule.to_string()).or_default() += 1;
    }
    counts
}

fn sdg_links(import: &Import) -> usize {
    import.framework.programmes.iter().map(|p| p.sdg.len()).sum()
}

/// Results, indicators, periods, baselines, target and actual values.
fn results(import: &Import) -> [usize; 6] {
    let indicators: Vec<&ilo_frameworks::Indicator> =
        import.framework.programmes.iter().flat_map(|p| &p.indicators).collect();
    let results: std::collections::BTreeSet<(&str, u32)> = import
        .framework
        .programmes
        .iter()
        .flat_map(|p| {
            p.indicators
                .iter()
                .map(move |i| (p.id.as_str(), i.result.as_ref().map_or(0, |r| r.number)))
        })
        .collect();
    let periods = indicators.iter().flat_map(|i| &i.periods);
    [
        results.len(),
        indicators.len(),
        periods.clone().count(),
        indicators.iter().filter(|i| i.baseline.is_some()).count(),
        periods.clone().map(|p| p.target.iter().count()).sum(),
        periods.map(|p| p.actual.iter().count()).sum(),
    ]
}

fn part_of_links(import: &Import) -> usize {
    import
        .framework
        .links
        .iter()
        .filter(|l| l.kind == LinkKind::PartOf)
        .count()
}

#[test]
fn unhcr_2023() {
    let Some(path) = data("unhcr/UNHCR-Activities-2023.xml") else {
        return;
    };
    let import = import(&path, options_for(&path));
    let f = &import.framework;
    assert_eq!(f.id.as_str(), "iati-unhcr-activities-2023");
    assert_eq!((import.activities, f.programmes.len()), (134, 134));
    // 727 goal tags (vocabulary 2), no targets, each its own pair.
    assert_eq!(sdg_links(&import), 727);
    assert_eq!(f.programmes.iter().filter(|p| !p.sdg.is_empty()).count(), 124);
    // 133 parent-child pairs, each stated from both sides, linked once.
    assert_eq!(part_of_links(&import), 133);
    // Siblings point at 2022 activities that are not in the file: kept, noted.
    let siblings: usize = f
        .programmes
        .iter()
        .filter_map(|p| p.activity.as_deref())
        .flat_map(|a| &a.related)
        .filter(|r| r.relation == Relation::Sibling)
        .count();
    assert_eq!(siblings, 131);
    let counts = counts(&import);
    assert_eq!(counts.get("iati/outside-activity"), Some(&131), "{counts:?}");
    assert_eq!(counts.get("iati/percentage-sum"), None, "{counts:?}");
    // Every transaction keeps its amount and currency (each <value> gives
    // one); UNHCR's own value-USD beside it, a foreign element, is passed over.
    let transactions: Vec<&ilo_frameworks::Funding> = f
        .programmes
        .iter()
        .flat_map(|p| &p.funding)
        .filter(|m| m.kind.is_some_and(|k| k != ilo_frameworks::FundingKind::Budget))
        .collect();
    assert_eq!(transactions.len(), 2678);
    assert!(transactions.iter().all(|m| m.amount.is_some() && m.currency.is_some()));
    // Organisations named by narrative only are donors by name, with no id.
    let global = f
        .programmes
        .iter()
        .find(|p| p.id.as_str() == "XM-DAC-41121-2023")
        .expect("the global activity");
    assert!(
        global
            .funding
            .iter()
            .any(|m| m.donor.as_deref() == Some("Government of Spain"))
    );
    let spain = global
        .activity
        .as_deref()
        .and_then(|a| {
            a.organisations
                .iter()
                .find(|o| o.organisation.name.as_deref() == Some("Government of Spain"))
        })
        .expect("the organisation is kept");
    assert_eq!(spain.organisation.id, None);
}

#[test]
fn unhcr_2023_streamed_one_activity_at_a_time() {
    let Some(path) = data("unhcr/UNHCR-Activities-2023.xml") else {
        return;
    };
    let file = std::io::BufReader::new(std::fs::File::open(&path).expect("opens"));
    let options = options_for(&path);
    let mut programmes = 0;
    let mut related = 0;
    let mut findings = 0;
    for item in ilo_frameworks::iati::stream(file, "UNHCR-Activities-2023.xml", &options) {
        let item = item.expect("reads");
        findings += item.findings.len();
        let programme = item.programme.expect("every activity is read");
        programmes += 1;
        related += programme.activity.as_deref().map_or(0, |a| a.related.len());
    }
    assert_eq!(programmes, 134);
    // Every relation as stated: 133 parents, 133 children, 131 siblings.
    assert_eq!(related, 133 + 133 + 131);
    // Outside activities are noted once all are read, by an import only.
    assert_eq!(findings, 0);
}

#[test]
fn covid_export() {
    let Some(path) = data("hdx-scraper-iati-viz/covid/dportal.xml") else {
        return;
    };
    let import = import(&path, options_for(&path));
    let f = &import.framework;
    assert_eq!((import.activities, f.programmes.len()), (401, 401));
    assert_eq!(sdg_links(&import), 346);
    // Every result has an indicator here; all values are numbers or texts.
    assert_eq!(results(&import), [131, 193, 100, 35, 97, 52]);
    let measures = |m| {
        f.programmes
            .iter()
            .flat_map(|p| &p.indicators)
            .filter(|i| i.measure == m)
            .count()
    };
    use ilo_frameworks::Measure;
    assert_eq!(
        [
            measures(Measure::Unit),
            measures(Measure::Percentage),
            measures(Measure::Qualitative)
        ],
        [90, 10, 93]
    );
    let descending = f
        .programmes
        .iter()
        .flat_map(|p| &p.indicators)
        .filter(|i| i.direction == ilo_frameworks::Direction::Descending)
        .count();
    assert_eq!(descending, 53);
    assert_eq!(f.programmes.iter().filter(|p| !p.sdg.is_empty()).count(), 125);
    assert_eq!(part_of_links(&import), 24);
    // Identifiers with a space, a colon: kept as published.
    for id in [
        "CH-FDJP-f7f0b51e-7432-4c0c-a6c0-7df1101d7983-FH-projet Covid H2H",
        "NL-KVK-27108436-A-05001-22:VN",
        "NL-KVK-27108436-A-05001-08:PK",
    ] {
        assert!(f.programmes.iter().any(|p| p.id.as_str() == id), "{id}");
    }
    // 32 target codes written in upper case as tags, 32 again as sectors of
    // vocabulary 8: each reported with its activity, and linked in lower case.
    let upper: Vec<_> = import.report.of_rule(Rule::SdgCodeCase).collect();
    assert_eq!(upper.len(), 64);
    assert!(
        upper
            .iter()
            .all(|d| d.subjects.len() == 1 && d.span.as_ref().is_some_and(|s| s.line > 1))
    );
    assert!(f.programmes.iter().any(|p| p.sdg.contains(&"1.a".parse().unwrap())));
    let counts = counts(&import);
    // Outside the file: 42 parents, 267 children, 402 siblings.
    assert_eq!(
        counts.get("iati/outside-activity"),
        Some(&(42 + 267 + 402)),
        "{counts:?}"
    );
    // UNDP's rounded sector percentages (33.33 × 3): 29 activities in
    // vocabulary 8 and 8 in vocabulary 1; places adding up to 200 (region
    // 998 given twice) in 3 activities and to 100.0001 in 3 more.
    assert_eq!(counts.get("iati/percentage-sum"), Some(&(29 + 8 + 3 + 3)), "{counts:?}");
    // The Czech transactions with a text type and an amount for a date.
    // (Their dates are not read: the transactions are left out.)
    assert_eq!(counts.get("iati/unknown-code"), Some(&21), "{counts:?}");
    // Two activity dates without iso-date.
    assert_eq!(counts.get("iati/invalid-date"), Some(&2), "{counts:?}");
    // Three Korean activities planned to end before they start.
    assert_eq!(counts.get("iati/date-order"), Some(&3), "{counts:?}");
    assert_eq!(counts.get("iati/unknown-sdg-code"), None, "{counts:?}");
    // 330 recipient countries, kept as written; all but one have an ISO
    // 3166-1 name: "TA" (Tristan da Cunha) is only reserved in ISO 3166.
    let countries: Vec<&ilo_frameworks::Classification> = f
        .programmes
        .iter()
        .filter_map(|p| p.activity.as_deref())
        .flat_map(|a| &a.countries)
        .collect();
    assert_eq!(countries.len(), 330);
    let unnamed: std::collections::BTreeSet<&str> = countries
        .iter()
        .filter(|c| c.country_name().is_none())
        .map(|c| c.code.as_str())
        .collect();
    assert_eq!(unnamed, std::collections::BTreeSet::from(["TA"]));
    // 39 amounts are negative: 34 transactions (reversals), which
    // validation accepts, and 5 budgets, which it reports.
    let negative = |budget: bool| {
        f.programmes
            .iter()
            .flat_map(|p| &p.funding)
            .filter(|m| m.amount.is_some_and(|a| a < 0.0))
            .filter(|m| (m.kind == Some(ilo_frameworks::FundingKind::Budget)) == budget)
            .count()
    };
    assert_eq!((negative(false), negative(true)), (34, 5));
    let set = FrameworkSet::try_from(vec![import.framework]).unwrap();
    let report = ilo_frameworks::validate::validate(&set, &Default::default()).unwrap();
    assert_eq!(report.of_rule(Rule::NegativeQuantity).count(), 5);
}

#[test]
fn food_security_export() {
    let Some(path) = data("hdx-scraper-iati-viz/foodsecurity/dportal.xml") else {
        return;
    };
    let import = import(&path, options_for(&path));
    assert_eq!((import.activities, import.framework.programmes.len()), (7, 7));
    assert_eq!(sdg_links(&import), 2);
    assert_eq!(part_of_links(&import), 0);
    assert_eq!(results(&import), [11, 17, 26, 17, 25, 9]);
    let slash = import
        .report
        .of_rule(Rule::IatiIdentifierCharacters)
        .next()
        .expect("the '/' is reported");
    assert_eq!(
        slash.message,
        "the activity identifier XI-IATI-EC_INTPA-2021/429-054 holds '/'"
    );
}

#[test]
fn annotated_example() {
    let Some(path) = data("iati-extra-documentation/activity-standard-example-annotated.xml") else {
        return;
    };
    let import = import(&path, options_for(&path));
    let f = &import.framework;
    assert_eq!(f.programmes.len(), 1);
    let p = &f.programmes[0];
    assert_eq!(p.id.as_str(), "AA-AAA-123456789-ABC123");
    assert_eq!(sdg_links(&import), 0);
    assert_eq!(results(&import), [1, 1, 1, 1, 1, 1]);
    // Six dimensions and locations split the target and actual values.
    let indicator = &p.indicators[0];
    let target = indicator.periods[0].target.iter().next().expect("a target");
    assert!(!target.dimensions.is_empty(), "{target:?}");
    assert_eq!(import.report.of_rule(Rule::IatiReferenceLevel).count(), 1);
    let activity = p.activity.as_deref().expect("IATI details");
    assert!(activity.humanitarian);
    assert!(!activity.policy_markers.is_empty());
    assert!(!activity.documents.is_empty());
}

#[test]
fn unhcr_crosswalk_gives_shares_that_add_up_to_one() {
    let Some(path) = data("unhcr/UNHCR-Activities-2023.xml") else {
        return;
    };
    let crosswalk_file = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/unhcr-crosswalk.toml");
    let crosswalk = Crosswalk::load(&crosswalk_file).expect("the example crosswalk reads");
    assert_eq!(crosswalk.len(), 25);
    let import = import(&path, options_for(&path).with_crosswalk(crosswalk));
    let mut with_links = 0;
    for p in &import.framework.programmes {
        if p.contributes_to.is_empty() {
            continue;
        }
        with_links += 1;
        let mut by_kind: BTreeMap<&str, f64> = BTreeMap::new();
        for link in &p.contributes_to {
            let Ref::Element { code, .. } = link.target() else {
                panic!("an element")
            };
            let kind = if code.as_str().starts_with("IA") {
                "impact"
            } else {
                "outcome and enabling"
            };
            *by_kind.entry(kind).or_default() += link.share().expect("a share").value();
        }
        for (kind, sum) in by_kind {
            assert!((sum - 1.0).abs() < 1e-9, "{} {kind}: {sum}", p.id);
        }
    }
    // 9 activities (the global, the 7 regional ones and the JPO) have no areas.
    assert_eq!(with_links, 125);
    // With the areas' frameworks, the set checks with no dangling reference
    // and no shares above the whole: each framework takes the whole effort.
    let areas = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/unhcr-areas.toml"),
    )
    .expect("the example is there");
    let mut set = FrameworkSet::from_toml_str(&areas, "unhcr-areas.toml").expect("the example set loads");
    assert_eq!(set.len(), 2);
    set.insert(import.framework).expect("a distinct id");
    let report = ilo_frameworks::validate::validate(&set, &Default::default()).expect("validates");
    assert_eq!(report.of_rule(Rule::DanglingReference).count(), 0);
    assert_eq!(report.of_rule(Rule::SharesExceedWhole).count(), 0);
}

#[test]
fn import_then_json_then_load_gives_an_equal_framework() {
    let Some(path) = data("hdx-scraper-iati-viz/covid/dportal.xml") else {
        return;
    };
    let first = import(&path, options_for(&path));
    let again = import(&path, options_for(&path));
    assert_eq!(first.framework, again.framework, "the import is deterministic");
    let json = first.framework.to_json_string().expect("writes JSON");
    let back = ilo_frameworks::Framework::from_json_str(&json, "covid.json").expect("reads back");
    assert_eq!(back, first.framework);
    let toml = first.framework.to_toml_string().expect("writes TOML");
    let back = ilo_frameworks::Framework::from_toml_str(&toml, "covid.toml").expect("reads back");
    assert_eq!(back, first.framework);
}

const ONE: &str = r#"<iati-activities version="2.03">
  <iati-activity>
    <iati-identifier>AA-1-P</iati-identifier>
    <reporting-org ref="AA-1"><narrative>Org</narrative></reporting-org>
    <title><narrative>Parent</narrative></title>
    <related-activity type="2" ref="AA-1-C"/>
  </iati-activity>
  <iati-activity>
    <iati-identifier>AA-1-C</iati-identifier>
    <reporting-org ref="AA-1"><narrative>Org</narrative></reporting-org>
    <title><narrative>Child</narrative></title>
    <related-activity type="1" ref="AA-1-P"/>
    <related-activity type="1" ref="AA-1-ELSEWHERE"/>
  </iati-activity>
</iati-activities>"#;

fn options() -> ImportOptions {
    ImportOptions::new("iati-test".parse().unwrap())
}

#[test]
fn a_parent_stated_from_both_sides_is_one_link_and_one_outside_is_a_note() {
    let import = import_str(ONE, "one.xml", &options()).unwrap();
    let links = &import.framework.links;
    assert_eq!(links.len(), 1);
    assert_eq!(links[0].from.to_string(), "iati-test:AA-1-C");
    assert_eq!(links[0].to.to_string(), "iati-test:AA-1-P");
    let notes: Vec<_> = import.report.of_rule(Rule::IatiOutsideActivity).collect();
    assert_eq!(notes.len(), 1);
    assert_eq!(
        notes[0].message,
        "iati-test:AA-1-C names a parent \"AA-1-ELSEWHERE\", which is not among the activities read; it is kept as data"
    );
    let span = notes[0].span.as_ref().unwrap();
    assert_eq!((span.file.as_str(), span.line, span.column), ("one.xml", 13, 5));
    // The graph takes a programme part of another.
    let set = FrameworkSet::try_from(vec![import.framework]).unwrap();
    let report = ilo_frameworks::validate::validate(&set, &Default::default()).unwrap();
    assert_eq!(report.of_rule(Rule::LinkKindMismatch).count(), 0, "{report:?}");
}

#[test]
fn version_one_and_malformed_xml_are_errors_with_a_place() {
    let old = "<iati-activities version=\"1.05\">\n</iati-activities>";
    let error = import_str(old, "old.xml", &options()).unwrap_err();
    assert_eq!(
        error.to_string(),
        "old.xml:1:1: IATI version 1.05 is not read: only versions 2.01 to 2.03 are; convert the file to 2.03 (IATI publishes a converter from 1.x)"
    );
    let broken = "<iati-activities version=\"2.03\">\n  <iati-activity>\n    <title></narrative>\n";
    let error = import_str(broken, "broken.xml", &options()).unwrap_err();
    assert!(error.to_string().starts_with("broken.xml:3:"), "{error}");
    let twice =
        "<iati-activities version=\"2.03\">\n  <iati-activity>\n    <sector code=\"1\" vocabulary=\"1\" code=\"2\"/>";
    let error = import_str(twice, "twice.xml", &options()).unwrap_err();
    assert_eq!(error.to_string(), "twice.xml:3:5: the attribute code is given twice");
    let other = "<html></html>";
    let error = import_str(other, "page.xml", &options()).unwrap_err();
    assert_eq!(
        error.to_string(),
        "page.xml:1:1: the file starts with <html>, not <iati-activities>: it is not an IATI activity file"
    );
}
