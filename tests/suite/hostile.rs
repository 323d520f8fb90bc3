//! Input a hostile or careless user might write: numbers that are not
//! numbers, values the schema refuses, shapes that would cost the square of
//! their size, long answers.

use ilo_frameworks::graph::FrameworkGraph;
use ilo_frameworks::synthetic::shapes::{self, Shape};
use ilo_frameworks::{Framework, FrameworkSet, Funding, ProgrammeTarget, builtin};

const HEAD: &str = "id = \"mine\"\nkind = \"programme-set\"\ntitle = \"Mine\"\n\n[[programmes]]\nid = \"P\"\nkind = \"project\"\nname = \"P\"\n";

#[test]
fn quantities_that_are_not_finite_numbers_are_refused_when_read() {
    for value in ["nan", "+nan", "-nan", "inf", "+inf", "-inf"] {
        for table in [
            format!("[[programmes.funding]]\namount = {value}\ncurrency = \"USD\"\n"),
            format!("[[programmes.targets]]\nlabel = \"workers\"\nquantity = {value}\n"),
        ] {
            let text = format!("{HEAD}\n{table}");
            let e = Framework::from_toml_str(&text, "mine.toml").expect_err(&text);
            assert!(e.message().contains("is not a finite number"), "{e}");
            let line = text[..text.find(&format!("= {value}\n")).unwrap()]
                .matches('\n')
                .count()
                + 1;
            assert_eq!(e.line(), line, "{e}");
        }
    }
    let text = format!("{HEAD}\n[[programmes.funding]]\namount = 1e400\n");
    assert!(Framework::from_toml_str(&text, "mine.toml").is_err());
}

#[test]
fn quantities_that_are_not_finite_numbers_are_refused_when_written() {
    let mut framework = Framework::from_toml_str(HEAD, "mine.toml").unwrap();
    let mut funding = Funding::default();
    funding.amount = Some(f64::NAN);
    framework.programmes[0].funding.push(funding);
    let e = framework.to_json_string().expect_err("nan cannot be written");
    assert!(e.to_string().contains("NaN is not a finite number"), "{e}");
    assert!(framework.to_toml_string().is_err());
    framework.programmes[0].funding.clear();
    let mut target = ProgrammeTarget::new("workers");
    target.quantity = Some(f64::INFINITY);
    framework.programmes[0].targets.push(target);
    assert!(framework.to_json_string().is_err());
}

#[test]
fn every_number_read_is_written_back_exactly() {
    for value in [
        "1.2e24",
        "0.1",
        "123456789.12345679",
        "5e-324",
        "1.7976931348623157e308",
        "-0.0",
    ] {
        let text = format!("{HEAD}\n[[programmes.targets]]\nlabel = \"workers\"\nquantity = {value}\n");
        let framework = Framework::from_toml_str(&text, "mine.toml").unwrap();
        let expected: f64 = value.parse().unwrap();
        let quantity = framework.programmes[0].targets[0].quantity.unwrap();
        assert_eq!(quantity.to_bits(), expected.to_bits(), "{value} from TOML");
        let json = Framework::from_json_str(&framework.to_json_string().unwrap(), "mine.json").unwrap();
        let back = json.programmes[0].targets[0].quantity.unwrap();
        assert_eq!(back.to_bits(), expected.to_bits(), "{value} through JSON");
        let toml = Framework::from_toml_str(&framework.to_toml_string().unwrap(), "mine.toml").unwrap();
        let back = toml.programmes[0].targets[0].quantity.unwrap();
        assert_eq!(back.to_bits(), expected.to_bits(), "{value} through TOML");
    }
}

/// A set of the built-in frameworks and `framework` read from `text`.
fn with_builtins(text: &str) -> FrameworkSet {
    let mut set = builtin::frameworks().unwrap();
    set.insert(Framework::from_toml_str(text, "mine.toml").unwrap())
        .unwrap();
    set
}

#[test]
fn a_long_chain_is_answered_in_proportion_to_the_nodes_reached() {
    let n = 3_000;
    let text = shapes::toml(Shape::Chain, n);
    let p = |i: usize| format!("{}:P{i}", shapes::ID);
    let set = with_builtins(&text);
    let graph = FrameworkGraph::new(&set, builtin::sdg().unwrap(), &builtin::standards().unwrap());
    let reach = graph.contributions(&p(0).parse().unwrap()).unwrap();
    // Every later programme, and the framework.
    assert_eq!(reach.len(), n);
    let last = reach.get(&p(n - 1).parse().unwrap()).unwrap();
    assert_eq!(last.distance(), n - 1);
    assert_eq!(last.via().from().key().to_string(), p(n - 2));
    // The path is rebuilt on demand, in order, each edge joining the next.
    let path: Vec<_> = last.path().collect();
    assert_eq!(path.len(), n - 1);
    assert_eq!(path[0].from().key().to_string(), p(0));
    assert!(path.windows(2).all(|w| w[0].to().key() == w[1].from().key()));
    // The serde form names one edge per node, not the path: its size grows
    // with the nodes reached (about 150 bytes each), not with their square.
    let json = serde_json::to_string(&reach).unwrap();
    assert!(json.len() < 250 * n, "{} bytes for {n} nodes", json.len());
    let towards = graph.reverse(&p(n - 1).parse().unwrap()).unwrap();
    let first = towards.get(&p(0).parse().unwrap()).unwrap();
    assert_eq!(first.distance(), n - 1);
    assert_eq!(first.via().to().key().to_string(), p(1));
    assert_eq!(first.path().next().unwrap().from().key().to_string(), p(0));
}

#[test]
fn csv_cells_that_would_run_as_formulas_are_written_as_text() {
    let text = "id = \"mine\"\nkind = \"programme-set\"\ntitle = \"Mine\"\n\n[[programmes]]\nid = \"P\"\nkind = \"project\"\nname = \"=HYPERLINK(\\\"http://example.org\\\",\\\"x\\\")\"\nacronym = \"@cmd\"\n";
    let mut set = FrameworkSet::new();
    set.insert(Framework::from_toml_str(text, "mine.toml").unwrap())
        .unwrap();
    let csv = ilo_frameworks::format::table(&set, builtin::sdg().unwrap(), ilo_frameworks::format::Table::Programmes);
    let row = csv.lines().nth(1).unwrap();
    assert!(
        row.contains("\"'=HYPERLINK(\"\"http://example.org\"\",\"\"x\"\")\""),
        "{row}"
    );
    assert!(row.contains(",'@cmd,"), "{row}");
    assert!(!row.contains(",=") && !row.contains(",@"), "{row}");
}

#[test]
fn a_long_cycle_is_found_without_exhausting_the_stack() {
    use ilo_frameworks::graph::NodeKind;
    use ilo_frameworks::{FrameworkKind, Link, Programme, ProgrammeKind};
    // A test thread has a stack of 2 MiB: a recursive search would need a
    // frame per programme of the chain and stop the test.
    let n = 100_000;
    let mut framework = Framework::new("ring".parse().unwrap(), FrameworkKind::ProgrammeSet, "Ring");
    for i in 0..n {
        let mut p = Programme::new(format!("P{i}").parse().unwrap(), ProgrammeKind::Project, "P");
        p.contributes_to
            .push(Link::new(format!("ring:P{}", (i + 1) % n).parse().unwrap()));
        framework.programmes.push(p);
    }
    let mut set = FrameworkSet::new();
    set.insert(framework).unwrap();
    let graph = FrameworkGraph::new(&set, builtin::sdg().unwrap(), &builtin::standards().unwrap());
    let cycles = graph.cycles();
    assert_eq!(cycles.len(), 1);
    assert_eq!(cycles[0].len(), n);
    assert!(cycles[0].iter().all(|node| node.kind() == NodeKind::Programme));
    assert!(graph.topological_order().is_err());
}

#[test]
fn a_place_past_the_end_of_its_file_shows_the_end() {
    use ilo_frameworks::format::{SourceMap, Span};
    let mut sources = SourceMap::new();
    sources.add_toml(HEAD, "mine.toml").unwrap();
    let span = Span {
        file: "mine.toml".to_owned(),
        line: 99,
        column: 1,
        offset: HEAD.len() + 500,
        length: 3,
    };
    let lines = sources.lines_around(&span, 1).expect("the file is known");
    // The last line (empty, after the final line break) and the one before.
    assert_eq!(lines.text, "name = \"P\"\n");
    assert_eq!((lines.line, lines.column), (8, 1));
}

#[test]
fn one_programme_on_thousands_of_outputs_is_checked_link_by_link() {
    use ilo_frameworks::validate::{self, Config, Rule};
    // Past a few links, the outputs and outcomes an element links to are
    // looked up in a map made for it rather than searched: the findings
    // are the same. The programme links to every output of outcome 1 and
    // to outcome 1 itself: each of those outputs makes one finding.
    let n = 2_000;
    let text = shapes::toml(Shape::OneToMany, n).replace(
        "contributes_to = [\n",
        &format!("contributes_to = [\n  \"{}:1\",\n", shapes::ID),
    );
    let framework = Framework::from_toml_str(&text, "mine.toml").unwrap();
    assert_eq!(framework.programmes[0].contributes_to.len(), n + 1);
    let mut set = FrameworkSet::new();
    set.insert(framework).unwrap();
    let report = validate::validate(&set, &Config::default()).unwrap();
    let redundant: Vec<_> = report.iter().filter(|d| d.rule == Rule::RedundantOutcomeLink).collect();
    assert_eq!(redundant.len(), n, "one finding per output of outcome 1");
    let last = format!("{}:1.{n}", shapes::ID);
    assert!(
        redundant
            .iter()
            .any(|d| d.message == format!("shape:P contributes to {last} and to its outcome shape:1")),
        "{:?}",
        redundant.last().map(|d| &d.message)
    );
    // Without the link to the outcome, none.
    let plain = shapes::toml(Shape::OneToMany, n);
    let mut set = FrameworkSet::new();
    set.insert(Framework::from_toml_str(&plain, "mine.toml").unwrap())
        .unwrap();
    let report = validate::validate(&set, &Config::default()).unwrap();
    assert!(!report.iter().any(|d| d.rule == Rule::RedundantOutcomeLink));
}

#[test]
fn each_of_many_misplaced_links_is_placed_where_it_is_written() {
    use ilo_frameworks::format::Location;
    use ilo_frameworks::validate::{self, Config, Rule};
    // Past a few links, where each is written is read from a map made once
    // for the element: every finding still points at its own item, and a
    // misplaced link the framework states points at that statement.
    let n = 40;
    let mut text = String::from("id = \"mine\"\nkind = \"programme-set\"\ntitle = \"Mine\"\n");
    text.push_str("\n[[programmes]]\nid = \"HUB\"\nkind = \"project\"\nname = \"Hub\"\ncontributes_to = [");
    text.push_str(&(0..n).map(|i| format!("\"mine:Q{i}\"")).collect::<Vec<_>>().join(", "));
    text.push_str("]\n");
    for i in 0..n {
        text.push_str(&format!(
            "\n[[programmes]]\nid = \"Q{i}\"\nkind = \"project\"\nname = \"Q{i}\"\nsdg = [\"8.7\"]\n"
        ));
    }
    text.push_str("\n[[links]]\nfrom = \"mine:HUB\"\nkind = \"part_of\"\nto = \"sdg:8\"\nsource = { line = 1 }\n");
    let mut set = FrameworkSet::new();
    set.insert(Framework::from_toml_str(&text, "mine.toml").unwrap())
        .unwrap();
    let report = validate::validate(&set, &Config::default()).unwrap();
    let hub: ilo_frameworks::Ref = "mine:HUB".parse().unwrap();
    let mut items: Vec<usize> = report
        .iter()
        .filter(|d| d.rule == Rule::LinkKindMismatch)
        .filter_map(|d| match &d.location {
            Some(Location::Item(from, field, i)) if *from == hub && field == "contributes_to" => Some(*i),
            _ => None,
        })
        .collect();
    items.sort_unstable();
    assert_eq!(items, (0..n).collect::<Vec<_>>());
    assert!(
        report
            .iter()
            .any(|d| d.rule == Rule::LinkKindMismatch && d.location == Some(Location::Link("mine".parse().unwrap(), 0))),
        "{report:#?}"
    );
}
