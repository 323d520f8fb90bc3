//! The SDG catalogue: counts and titles from the UN reference files, the
//! look-ups, and SDG codes as people write them.

use ilo_frameworks::builtin;
use ilo_frameworks::sdg::{Deviation, SdgCatalogue, SdgEntry, SdgMention};
use ilo_frameworks::{SdgCode, SdgGoal, SdgIndicator, SdgTarget};

fn sdg() -> &'static SdgCatalogue {
    builtin::sdg().expect("the SDG catalogue loads")
}

fn target(code: &str) -> SdgTarget {
    code.parse().unwrap()
}

fn indicator(code: &str) -> SdgIndicator {
    code.parse().unwrap()
}

#[test]
fn counts_of_the_2023_list() {
    let sdg = sdg();
    assert_eq!(sdg.goals().len(), 17);
    assert_eq!(sdg.targets().len(), 169);
    assert_eq!(sdg.indicators().len(), 248);
    assert_eq!(sdg.distinct_indicator_count(), 232);
    let per_goal: Vec<usize> = SdgGoal::all()
        .map(|g| sdg.targets_of(g).flat_map(|t| sdg.indicators_of(t.code)).count())
        .collect();
    assert_eq!(
        per_goal,
        [13, 14, 28, 12, 14, 11, 6, 16, 12, 14, 15, 13, 8, 10, 14, 24, 24]
    );
    assert_eq!(sdg.indicators_of(target("11.c")).count(), 0);
    assert!(sdg.target(target("11.c")).is_some());
    let repeated = sdg
        .indicators()
        .filter(|i| sdg.listings(i.code).count() > 1)
        .map(|i| i.unsd.clone())
        .collect::<std::collections::BTreeSet<_>>();
    assert_eq!(repeated.len(), 12);
}

#[test]
fn titles_as_in_the_reference_files() {
    let sdg = sdg();
    let goal8 = sdg.goal("8".parse().unwrap()).unwrap();
    assert_eq!(goal8.short, "Decent work and economic growth");
    assert_eq!(
        goal8.title,
        "Promote sustained, inclusive and sustainable economic growth, full and productive employment and decent work for all"
    );
    assert_eq!(
        sdg.goal("17".parse().unwrap()).unwrap().short,
        "Partnerships for the goals"
    );
    assert_eq!(
        sdg.target(target("8.7")).unwrap().title,
        "Take immediate and effective measures to eradicate forced labour, end modern slavery and human trafficking and secure the prohibition and elimination of the worst forms of child labour, including recruitment and use of child soldiers, and by 2025 end child labour in all its forms"
    );
    let i = sdg.indicator(indicator("8.7.1")).unwrap();
    assert_eq!(i.unsd, "C080701");
    assert_eq!(
        i.title,
        "Proportion and number of children aged 5–17 years engaged in child labour, by sex and age"
    );
    let i = sdg.indicator(indicator("8.b.1")).unwrap();
    assert_eq!(i.unsd, "C080b01");
    assert_eq!(
        i.title,
        "Existence of a developed and operationalized national strategy for youth employment, as a distinct strategy or as part of a national employment strategy"
    );
}

#[test]
fn look_ups_and_parents() {
    let sdg = sdg();
    let targets: Vec<String> = sdg
        .targets_of("8".parse().unwrap())
        .map(|t| t.code.to_string())
        .collect();
    assert_eq!(
        targets,
        [
            "8.1", "8.2", "8.3", "8.4", "8.5", "8.6", "8.7", "8.8", "8.9", "8.10", "8.a", "8.b"
        ]
    );
    let indicators: Vec<String> = sdg.indicators_of(target("8.8")).map(|i| i.code.to_string()).collect();
    assert_eq!(indicators, ["8.8.1", "8.8.2"]);
    let listings: Vec<String> = sdg.listings(indicator("13.1.1")).map(|i| i.code.to_string()).collect();
    assert_eq!(listings, ["1.5.1", "11.5.1", "13.1.1"]);
    let under: Vec<String> = sdg
        .listings(indicator("1.5.1"))
        .map(|i| i.code.target().to_string())
        .collect();
    assert_eq!(under, ["1.5", "11.5", "13.1"]);
    assert_eq!(sdg.listings(indicator("8.8.1")).count(), 1);
    assert_eq!(indicator("8.8.2").target().goal().number(), 8);
    assert!(sdg.target(target("8.11")).is_none());
    assert!(sdg.indicator(indicator("8.8.9")).is_none());
    assert!(sdg.entry("8.8.9".parse().unwrap()).is_none());
    assert!(matches!(sdg.entry("8".parse().unwrap()), Some(SdgEntry::Goal(_))));
}

#[test]
fn retired_indicators_are_known_as_retired() {
    let sdg = sdg();
    let retired: Vec<String> = sdg.retired_indicators().map(|r| r.code.to_string()).collect();
    assert_eq!(retired, ["1.a.3", "8.9.2", "11.c.1", "13.3.2", "17.6.2"]);
    let code: SdgCode = "1.a.3".parse().unwrap();
    assert!(
        matches!(sdg.entry(code), Some(SdgEntry::Retired(r)) if r.title.starts_with("Sum of total grants and non-debt-creating inflows"))
    );
    assert!(!sdg.contains(code));
    assert!(sdg.indicator(indicator("17.6.1")).is_some());
}

#[test]
fn the_catalogue_checks_itself() {
    let head = "[[goals]]\ncode = \"1\"\nshort = \"s\"\ntitle = \"t\"\n";
    let bad = |text: &str| SdgCatalogue::from_toml_str(text, "sdg.toml").unwrap_err().to_string();
    assert_eq!(
        bad(&format!(
            "indicators = []\n\n{head}\n[[targets]]\ncode = \"2.1\"\ntitle = \"t\"\n"
        )),
        "sdg.toml:9:1: target 2.1 belongs to goal 2, which is not listed"
    );
    assert_eq!(
        bad("indicators = []\ntargets = []\n\n[[goals]]\ncode = \"2\"\nshort = \"s\"\ntitle = \"t\"\n"),
        "sdg.toml:5:1: goal 2 is listed in place 1: list goals 1 to 17 in order"
    );
    assert_eq!(
        bad(&format!(
            "{head}\n[[targets]]\ncode = \"1.1\"\ntitle = \"t\"\n\n[[indicators]]\ncode = \"1.2.1\"\nunsd = \"C1\"\ntitle = \"t\"\n"
        )),
        "sdg.toml:11:1: indicator 1.2.1 belongs to target 1.2, which is not listed"
    );
    assert_eq!(
        bad(&format!(
            "{head}\n[[targets]]\ncode = \"1.1\"\ntitle = \"t\"\n\n[[indicators]]\ncode = \"1.1.1\"\nunsd = \"C1\"\ntitle = \"t\"\n\n[[retired]]\ncode = \"1.1.1\"\ntitle = \"t\"\n"
        )),
        "sdg.toml:16:1: indicator 1.1.1 is both current and retired"
    );
}

fn mention(text: &str) -> SdgMention {
    SdgMention::parse(text).unwrap_or_else(|e| panic!("{text:?}: {e}"))
}

#[test]
fn codes_as_people_write_them() {
    for (text, code) in [
        ("8.7", "8.7"),
        ("SDG 8", "8"),
        ("Goal 8", "8"),
        ("SDG Goal 8", "8"),
        ("target 8.7", "8.7"),
        ("Target 8.7", "8.7"),
        ("SDG target 8.7", "8.7"),
        ("SDG 8.7", "8.7"),
        ("SDG indicator 8.b.1", "8.b.1"),
        ("indicator 8.8.2", "8.8.2"),
        ("  SDG   8.7 ", "8.7"),
    ] {
        let m = mention(text);
        assert_eq!(m.code.to_string(), code, "{text}");
        assert!(m.is_canonical(), "{text}");
        assert_eq!(m.hint(), None);
    }
    let m = mention("8-7");
    assert_eq!(
        (m.code.to_string(), m.deviations.clone()),
        ("8.7".to_owned(), vec![Deviation::Dashes])
    );
    assert_eq!(m.hint().as_deref(), Some("write \"8.7\""));
    let m = mention("1.A");
    assert_eq!(
        (m.code.to_string(), m.deviations.clone()),
        ("1.a".to_owned(), vec![Deviation::UpperCaseLetter])
    );
    let m = mention("SDG indicator 1-B-1");
    assert_eq!(m.code.to_string(), "1.b.1");
    assert_eq!(m.deviations, [Deviation::Dashes, Deviation::UpperCaseLetter]);
    assert_eq!(m.hint().as_deref(), Some("write \"1.b.1\""));
    assert_eq!(mention("Goal 8").goal().map(|g| g.number()), Some(8));
}

#[test]
fn mentions_that_are_refused() {
    let refused = |text: &str| SdgMention::parse(text).unwrap_err().to_string();
    assert_eq!(
        refused(""),
        "invalid SDG code \"\": expected a code such as \"8.7\", optionally after \"SDG\" and \"Goal\", \"target\" or \"indicator\""
    );
    assert_eq!(
        refused("SDG"),
        "invalid SDG code \"SDG\": expected a code such as \"8.7\", optionally after \"SDG\" and \"Goal\", \"target\" or \"indicator\""
    );
    assert_eq!(
        refused("SDG 8 and 9"),
        "invalid SDG code \"SDG 8 and 9\": expected a code such as \"8.7\", optionally after \"SDG\" and \"Goal\", \"target\" or \"indicator\""
    );
    assert_eq!(
        refused("SDG 18"),
        "invalid SDG code \"SDG 18\": \"18\" is not a goal number (expected 1 to 17, without leading zero)"
    );
    assert_eq!(
        refused("8.7-1"),
        "invalid SDG code \"8.7-1\": \"8.7-1\" mixes dots and dashes"
    );
    assert_eq!(
        refused("Goal 8.7"),
        "invalid SDG code \"Goal 8.7\": \"Goal\" names a goal but \"8.7\" is a target (write \"Goal 8\" or \"target 8.7\")"
    );
    assert_eq!(
        refused("target 8"),
        "invalid SDG code \"target 8\": \"target\" names a target but \"8\" is a goal (write \"Goal 8\")"
    );
    assert_eq!(
        refused("target 8.8.2"),
        "invalid SDG code \"target 8.8.2\": \"target\" names a target but \"8.8.2\" is an indicator (write \"target 8.8\" or \"indicator 8.8.2\")"
    );
    assert_eq!(
        refused("indicator 8.7"),
        "invalid SDG code \"indicator 8.7\": \"indicator\" names an indicator but \"8.7\" is a target (write \"target 8.7\")"
    );
    assert_eq!(
        refused("8.AB"),
        "invalid SDG code \"8.AB\": \"AB\" is not a target number or letter (expected 1 to 99 or a to z)"
    );
}
