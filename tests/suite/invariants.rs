//! What cannot be: load errors without a kind, a Rust type name, a place
//! 0:0 or 1:1 for a deep table; quarters that do not read back; a share
//! -0.0 hashing unlike 0.0; a source line 0.

use std::collections::HashSet;
use std::hash::{BuildHasher, RandomState};

use ilo_frameworks::format::{Document, Format, LoadErrorKind};
use ilo_frameworks::*;

const HEAD: &str = "id = \"x\"\nkind = \"other\"\ntitle = \"T\"\n";
const PROGRAMME: &str =
    "id = \"x\"\nkind = \"other\"\ntitle = \"T\"\n\n[[programmes]]\nid = \"P\"\nkind = \"project\"\nname = \"n\"\n";
const JSON_HEAD: &str = "\"id\": \"x\", \"kind\": \"other\", \"title\": \"T\"";

fn toml_error(text: &str) -> LoadError {
    Framework::from_toml_str(text, "bad.toml").expect_err("the file should not load")
}

fn json_error(text: &str) -> LoadError {
    Framework::from_json_str(text, "bad.json").expect_err("the file should not load")
}

/// Kind, message, line and column of an error, to compare at once.
type Seen<'a> = (LoadErrorKind, &'a str, usize, usize);

fn seen(e: &LoadError) -> Seen<'_> {
    (e.kind(), e.message(), e.line(), e.column())
}

#[test]
fn every_kind_of_load_error_from_toml() {
    use LoadErrorKind as K;
    let cases: Vec<(String, Seen)> = vec![
        (
            format!("{HEAD}symbol = \"unclosed\n"),
            (K::Syntax, "invalid basic string, expected `\"`", 4, 19),
        ),
        (
            format!("{HEAD}titel = \"typo\"\n"),
            (
                K::UnknownKey,
                "unknown key `titel`, expected one of `id`, `kind`, `title`, `symbol`, `date`, `period`, `biennium`, `plan`, `source`, `outcomes`, `programmes`, `deliverables`, `links`, `claims`",
                4,
                1,
            ),
        ),
        (
            format!("{HEAD}\n[[outcomes]]\ncode = \"7\"\n"),
            (K::MissingKey, "missing key `title`", 5, 1),
        ),
        (
            format!("{HEAD}title = \"again\"\n"),
            (K::DuplicateKey, "duplicate key `title`", 4, 1),
        ),
        (
            "id = \"x\"\nkind = \"other\"\ntitle = 5\n".to_owned(),
            (K::WrongType, "expected a text, found the number 5", 3, 9),
        ),
        (
            format!("{HEAD}plan = [\"Strategic Plan\"]\n"),
            (K::WrongType, "expected a table, found a list", 4, 8),
        ),
        (
            format!("{PROGRAMME}reference_model = \"yes\"\n"),
            (K::WrongType, "expected true or false, found the text \"yes\"", 9, 19),
        ),
        (
            format!("{HEAD}date = 2020-10-15\n"),
            (
                K::WrongType,
                "expected a date known to the year, month or day: \"2015\", \"2015-10\" or \"2015-10-01\", found the date 2020-10-15 without quotes (write it as a text: \"2020-10-15\")",
                4,
                8,
            ),
        ),
        (
            "id = \"x\"\nkind = \"agenda\"\ntitle = \"T\"\n".to_owned(),
            (
                K::UnknownName,
                "unknown name `agenda`, expected one of `strategic-plan`, `programme-and-budget`, `programme-set`, `plan-of-action`, `other`",
                2,
                8,
            ),
        ),
        (
            format!(
                "{HEAD}\n[[outcomes]]\ncode = \"7\"\ntitle = \"t\"\n\n[[outcomes.outputs]]\ncode = \"7.0\"\ntitle = \"t\"\n"
            ),
            (
                K::BadCode(Expected::OutputCode),
                "invalid output code \"7.0\": \"0\" is not an output number (expected an outcome code, a dot and a number from 1, such as \"7.1\" or \"C.4\")",
                10,
                8,
            ),
        ),
        (
            format!("{PROGRAMME}\n[programmes.coverage]\nafrica = -1\n"),
            (
                K::BadValue,
                "the number -1 is not a whole number from 0 to 4294967295",
                11,
                10,
            ),
        ),
        (
            format!("{PROGRAMME}\n[programmes.coverage]\nafrica = 99999999999999999999\n"),
            (
                K::BadValue,
                "the number 99999999999999999999 is not a whole number from 0 to 4294967295",
                11,
                10,
            ),
        ),
        (
            format!("{PROGRAMME}contributes_to = [{{ to = \"x:1\", share = 1.5 }}]\n"),
            (
                K::BadValue,
                "invalid share \"1.5\": a share is a fraction from 0 to 1",
                9,
                41,
            ),
        ),
    ];
    for (text, expected) in &cases {
        let e = toml_error(text);
        assert_eq!(seen(&e), *expected, "{text}");
        assert_eq!(
            e.to_string(),
            format!("bad.toml:{}:{}: {}", e.line(), e.column(), e.message())
        );
    }
}

#[test]
fn every_kind_of_load_error_from_json() {
    use LoadErrorKind as K;
    let cases: Vec<(String, Seen)> = vec![
        (
            format!("{{{JSON_HEAD},"),
            (K::Syntax, "the text ends where a value should be", 1, 42),
        ),
        (format!("{{{JSON_HEAD},}}"), (K::Syntax, "trailing comma", 1, 43)),
        (
            format!("{{{JSON_HEAD},\n \"titlé\": 1}}"),
            (
                K::UnknownKey,
                "unknown key `titlé`, expected one of `id`, `kind`, `title`, `symbol`, `date`, `period`, `biennium`, `plan`, `source`, `outcomes`, `programmes`, `deliverables`, `links`, `claims`",
                2,
                8,
            ),
        ),
        (
            format!("{{{JSON_HEAD},\n \"outcomes\": [{{\"code\": \"7\"}}]}}"),
            (K::MissingKey, "missing key `title`", 2, 27),
        ),
        (
            format!("{{{JSON_HEAD}, \"title\": \"again\"}}"),
            (K::DuplicateKey, "duplicate key `title`", 1, 50),
        ),
        (
            "{\"id\": \"x\", \"kind\": \"other\", \"title\": 5}".to_owned(),
            (K::WrongType, "expected a string, found the number 5", 1, 39),
        ),
        (
            format!("{{{JSON_HEAD}, \"outcomes\": {{}}}}"),
            (K::WrongType, "expected an array, found an object", 1, 56),
        ),
        (
            "{\"id\": \"x\", \"kind\": 3, \"title\": \"T\"}".to_owned(),
            (
                K::WrongType,
                "expected a string naming one of the accepted values",
                1,
                21,
            ),
        ),
        (
            "{\"id\": \"x\", \"kind\": \"agenda\", \"title\": \"T\"}".to_owned(),
            (
                K::UnknownName,
                "unknown name `agenda`, expected one of `strategic-plan`, `programme-and-budget`, `programme-set`, `plan-of-action`, `other`",
                1,
                28,
            ),
        ),
        (
            format!("{{{JSON_HEAD},\n \"outcomes\": [{{\"code\": \"b\", \"title\": \"t\"}}]}}"),
            (
                K::BadCode(Expected::OutcomeCode),
                "invalid outcome code \"b\": enabling outcomes use a capital letter: write \"B\" (expected a number from 1 for a policy outcome, a capital letter for an enabling outcome, or ASCII letters and digits starting with a letter, such as \"7\", \"B\" or \"IA1\")",
                2,
                26,
            ),
        ),
        (
            format!("{{{JSON_HEAD}, \"source\": {{\"line\": 0}}}}"),
            (K::BadValue, "there is no line 0: lines count from 1", 1, 64),
        ),
        (
            format!(
                "{{{JSON_HEAD}, \"programmes\": [{{\"id\": \"P\", \"kind\": \"project\", \"name\": \"n\", \"coverage\": {{\"africa\": 1e400}}}}]}}"
            ),
            (K::BadValue, "the number is too large", 1, 130),
        ),
    ];
    for (text, expected) in &cases {
        let e = json_error(text);
        assert_eq!(seen(&e), *expected, "{text}");
    }
}

#[test]
fn a_duplicate_id_in_a_set_is_placed_at_the_second_document() {
    let toml = "[[frameworks]]\nid = \"a\"\nkind = \"other\"\ntitle = \"A\"\n\n[[frameworks]]\nid = \"b\"\nkind = \"other\"\ntitle = \"B\"\n\n[[frameworks]]\nid = \"a\"\nkind = \"other\"\ntitle = \"A again\"\n";
    let e = FrameworkSet::from_toml_str(toml, "set.toml").unwrap_err();
    let message = "the set already holds a framework or report with id a; give each document its own id";
    assert_eq!(seen(&e), (LoadErrorKind::DuplicateId, message, 12, 6));
    // A report is added after every framework, wherever it is written.
    let json = "{\"reports\": [{\"id\": \"a\", \"kind\": \"progress-report\", \"title\": \"R\", \"date\": \"2020\"}],\n \"frameworks\": [{\"id\": \"a\", \"kind\": \"other\", \"title\": \"A\"}]}";
    let e = FrameworkSet::from_json_str(json, "set.json").unwrap_err();
    assert_eq!(seen(&e), (LoadErrorKind::DuplicateId, message, 1, 21));
    let json = "{\"frameworks\": [\n  {\"id\": \"a\", \"kind\": \"other\", \"title\": \"A\"},\n  {\"id\": \"a\", \"kind\": \"other\", \"title\": \"A\"}]}";
    let e = FrameworkSet::from_json_str(json, "set.json").unwrap_err();
    assert_eq!(seen(&e), (LoadErrorKind::DuplicateId, message, 3, 10));
}

/// Malformed framework files of every sort, TOML and JSON.
fn malformed() -> Vec<(Format, String)> {
    let toml = [
        "",
        "\n",
        "{",
        "id = ",
        "id = [1, 2",
        "= 1",
        "id = \"x\"\nid = \"y\"\n",
        "id = \"X\"\nkind = \"other\"\ntitle = \"T\"\n",
        "id = 5\n",
        "id = true\n",
        "id = 1.5\n",
        "id = 2020-01-01\n",
        "id = [\"x\"]\n",
        "id = { a = 1 }\n",
        "id = \"x\"\nkind = 3\ntitle = \"T\"\n",
        "id = \"x\"\nkind = {}\ntitle = \"T\"\n",
        "id = \"x\"\nkind = [\"other\"]\ntitle = \"T\"\n",
    ];
    let tails = [
        "outcomes = 3\n",
        "outcomes = [3]\n",
        "outcomes = \"7\"\n",
        "[outcomes]\ncode = \"7\"\n",
        "[[outcomes]]\ncode = 7\ntitle = \"t\"\n",
        "[[outcomes]]\ncode = \"7\"\ntitle = \"t\"\nsdg = \"8.7\"\n",
        "[[outcomes]]\ncode = \"7\"\ntitle = \"t\"\nsdg = [8.7]\n",
        "[[outcomes]]\ncode = \"7\"\ntitle = \"t\"\nsdg = [\"8.A\"]\n",
        "[[outcomes]]\ncode = \"7\"\ntitle = \"t\"\nsource = { line = -1 }\n",
        "[[outcomes]]\ncode = \"7\"\ntitle = \"t\"\nsource = { line = 0 }\n",
        "[[outcomes]]\ncode = \"7\"\ntitle = \"t\"\nsource = { line = 4294967296 }\n",
        "[[outcomes]]\ncode = \"7\"\ntitle = \"t\"\nsource = { line = 99999999999999999999 }\n",
        "[[outcomes]]\ncode = \"7\"\ntitle = \"t\"\nsource = { line = \"3\" }\n",
        "[[outcomes]]\ncode = \"7\"\ntitle = \"t\"\nsource = 3\n",
        "date = 2020\n",
        "date = \"2020-13\"\n",
        "period = \"2022/2021x\"\n",
        "biennium = 2022\n",
        "plan = { title = 1 }\n",
        "plan = { title = \"p\" }\n",
        "[[links]]\nfrom = \"x:1\"\nkind = \"leads_to\"\nto = \"x:2\"\nsource = {}\n",
        "[[links]]\nfrom = \"x:1\"\nkind = \"part_of\"\nto = \"x:2\"\nshare = \"half\"\nsource = {}\n",
        "[[links]]\nfrom = \"x:1\"\nkind = \"part_of\"\nto = \"x:2\"\nshare = nan\nsource = {}\n",
        "[[claims]]\nsubject = \"x\"\nproperty = \"p\"\nvalue = 1.5\nsource = {}\n",
        "[[claims]]\nsubject = \"x\"\nproperty = \"p\"\nvalue = [1]\nsource = {}\n",
        "[[deliverables]]\ncode = \"1.1\"\narea = \"a\"\ntitle = \"t\"\ntimeframe = \"2019Q1\"\n",
        "[[deliverables]]\ncode = \"1.1\"\narea = \"a\"\ntitle = \"t\"\ntimeframe = [2019]\n",
        "[[deliverables]]\ncode = \"1.1\"\narea = \"a\"\ntitle = \"t\"\ntimeframe = [\"2200Q1\"]\n",
        "[[programmes]]\nid = \"P\"\nkind = \"project\"\nname = \"n\"\nreference_model = 1\n",
        "[[programmes]]\nid = \"P\"\nkind = \"project\"\nname = \"n\"\ncoverage = { africa = -1 }\n",
        "[[programmes]]\nid = \"P\"\nkind = \"project\"\nname = \"n\"\ncoverage = { africa = 1.5 }\n",
        "[[programmes]]\nid = \"P\"\nkind = \"project\"\nname = \"n\"\ncoverage = { africa = 1e400 }\n",
        "[[programmes]]\nid = \"P\"\nkind = \"project\"\nname = \"n\"\nfunding = [{ donor = \"d\", amount = \"lots\" }]\n",
        "[[programmes]]\nid = \"P\"\nkind = \"project\"\nname = \"n\"\nfunding = [{ donor = \"d\", years = -2 }]\n",
        "[[programmes]]\nid = \"P\"\nkind = \"project\"\nname = \"n\"\ncontributes_to = [3]\n",
        "[[programmes]]\nid = \"P\"\nkind = \"project\"\nname = \"n\"\ncontributes_to = [{ share = 0.5 }]\n",
        "[[programmes]]\nid = \"P\"\nkind = \"project\"\nname = \"n\"\ncontributes_to = [{ to = \"x:1\", share = -0.5 }]\n",
        "[[programmes]]\nid = \"P\"\nkind = \"project\"\nname = \"n\"\n[[programmes.indicators]]\nlabel = \"l\"\naggregate = \"distinct-count\"\n",
        "[[programmes]]\nid = \"P\"\nkind = \"project\"\nname = \"n\"\n[[programmes.indicators]]\nlabel = \"l\"\naggregate = { sum = 1 }\n",
        "[[programmes]]\nid = \"P\"\nkind = \"project\"\nname = \"n\"\n[[programmes.indicators]]\nlabel = \"l\"\naggregate = {}\n",
        "[[programmes]]\nid = \"P\"\nkind = \"project\"\nname = \"n\"\n[[programmes.indicators]]\nlabel = \"l\"\naggregate = 3\n",
        "[[programmes]]\nid = \"P\"\nkind = \"project\"\nname = \"n\"\n[[programmes.indicators]]\nlabel = \"l\"\nbaseline = inf\n",
        "[[programmes]]\nid = \"P\"\nkind = \"project\"\nname = \"n\"\n[[programmes.indicators]]\nlabel = \"l\"\nbaseline = true\n",
        "[[programmes]]\nid = \"P\"\nkind = \"project\"\nname = \"n\"\n[[programmes.indicators]]\nlabel = \"l\"\nmeasure = \"percent\"\n",
        "[[programmes]]\nid = \"P\"\nkind = \"project\"\nname = \"n\"\n[[programmes.indicators]]\nlabel = \"l\"\n[[programmes.indicators.periods]]\nperiod = \"2020/2020\"\nactual = [{ value = 1, dimensions = { country = 3 } }]\n",
    ];
    let mut files: Vec<(Format, String)> = toml.iter().map(|t| (Format::Toml, (*t).to_owned())).collect();
    files.extend(tails.iter().map(|t| (Format::Toml, format!("{HEAD}{t}"))));
    let json = [
        "",
        "\n",
        "{",
        "[]",
        "nul",
        "\"x\"",
        "{\"id\": \"x\"} x",
        "{\"id\": \"x\",}",
        "{\"id\": 5}",
        "{\"id\": null}",
        "{\"id\": [\"x\"]}",
        "{\"id\": {}}",
        "{\"id\": \"x\", \"id\": \"y\"}",
        "{\"id\": \"x\", \"kind\": 3, \"title\": \"T\"}",
        "{\"id\": \"x\", \"kind\": null, \"title\": \"T\"}",
    ];
    files.extend(json.iter().map(|t| (Format::Json, (*t).to_owned())));
    let json_tails = [
        "\"outcomes\": 3",
        "\"outcomes\": [3]",
        "\"outcomes\": {}",
        "\"outcomes\": [{\"code\": 7, \"title\": \"t\"}]",
        "\"outcomes\": [{\"code\": \"7\", \"title\": \"t\", \"source\": {\"line\": -1}}]",
        "\"outcomes\": [{\"code\": \"7\", \"title\": \"t\", \"source\": {\"line\": 0}}]",
        "\"outcomes\": [{\"code\": \"7\", \"title\": \"t\", \"source\": {\"line\": 1.5}}]",
        "\"outcomes\": [{\"code\": \"7\", \"title\": \"t\", \"source\": {\"line\": 99999999999999999999}}]",
        "\"outcomes\": [{\"code\": \"7\", \"title\": \"t\", \"source\": 3}]",
        "\"date\": 2020",
        "\"plan\": [1]",
        "\"claims\": [{\"subject\": \"x\", \"property\": \"p\", \"value\": 1.5, \"source\": {}}]",
        "\"claims\": [{\"subject\": \"x\", \"property\": \"p\", \"value\": true, \"source\": {}}]",
        "\"links\": [{\"from\": \"x:1\", \"kind\": \"leads_to\", \"to\": \"x:2\", \"source\": {}}]",
        "\"programmes\": [{\"id\": \"P\", \"kind\": \"project\", \"name\": \"n\", \"reference_model\": \"yes\"}]",
        "\"programmes\": [{\"id\": \"P\", \"kind\": \"project\", \"name\": \"n\", \"coverage\": {\"africa\": -1}}]",
        "\"programmes\": [{\"id\": \"P\", \"kind\": \"project\", \"name\": \"n\", \"coverage\": {\"africa\": 1e400}}]",
        "\"programmes\": [{\"id\": \"P\", \"kind\": \"project\", \"name\": \"n\", \"contributes_to\": [5]}]",
        "\"programmes\": [{\"id\": \"P\", \"kind\": \"project\", \"name\": \"n\", \"contributes_to\": [{\"to\": \"x:1\", \"share\": \"a half\"}]}]",
        "\"programmes\": [{\"id\": \"P\", \"kind\": \"project\", \"name\": \"n\", \"indicators\": [{\"label\": \"l\", \"aggregate\": \"distinct-count\"}]}]",
        "\"programmes\": [{\"id\": \"P\", \"kind\": \"project\", \"name\": \"n\", \"indicators\": [{\"label\": \"l\", \"aggregate\": 5}]}]",
        "\"programmes\": [{\"id\": \"P\", \"kind\": \"project\", \"name\": \"n\", \"indicators\": [{\"label\": \"l\", \"baseline\": [1]}]}]",
    ];
    files.extend(
        json_tails
            .iter()
            .map(|t| (Format::Json, format!("{{{JSON_HEAD}, {t}}}"))),
    );
    files
}

#[test]
fn messages_are_in_the_words_of_the_file() {
    const RUST: [&str; 21] = [
        "f64",
        "f32",
        "u8",
        "u16",
        "u32",
        "u64",
        "u128",
        "i32",
        "i64",
        "i128",
        "usize",
        "FrameworkId(",
        "Some(",
        "None",
        "struct ",
        "enum ",
        "variant",
        "field",
        "sequence",
        "map,",
        "Option",
    ];
    for (format, text) in malformed() {
        let e = match format {
            Format::Toml => Framework::from_toml_str(&text, "bad"),
            _ => Framework::from_json_str(&text, "bad"),
        }
        .expect_err(&text);
        for word in RUST {
            assert!(!e.message().contains(word), "{word} in {e} (from {text:?})");
        }
        assert!(e.line() >= 1 && e.column() >= 1, "{e} (from {text:?})");
        assert!(e.line() <= text.lines().count().max(1), "{e} (from {text:?})");
        let document = Document::read(&text, format, "bad").expect_err(&text);
        assert_eq!(document.message(), e.message());
        let set = match format {
            Format::Toml => FrameworkSet::from_toml_str(&text, "bad"),
            _ => FrameworkSet::from_json_str(&text, "bad"),
        }
        .expect_err(&text);
        for word in RUST {
            assert!(!set.message().contains(word), "{word} in {set} (from {text:?})");
        }
    }
}

#[test]
fn an_empty_or_cut_file_is_never_at_0_0() {
    for text in ["", "{", "\n", " ", "\n\n"] {
        for format in [Format::Toml, Format::Json] {
            let errors = [
                Document::read(text, format, "f").err(),
                match format {
                    Format::Toml => FrameworkSet::from_toml_str(text, "f").err(),
                    _ => FrameworkSet::from_json_str(text, "f").err(),
                },
                match format {
                    Format::Toml => ProgressReport::from_toml_str(text, "f").err(),
                    _ => ProgressReport::from_json_str(text, "f").err(),
                },
            ];
            for e in errors {
                let e = e.unwrap_or_else(|| panic!("{text:?} should not load"));
                assert!(e.line() >= 1 && e.column() >= 1, "{text:?} as {format:?}: {e}");
                assert!(!e.to_string().contains(":0"), "{e}");
            }
        }
    }
    let e = json_error("");
    assert_eq!(
        seen(&e),
        (LoadErrorKind::Syntax, "the text ends where a value should be", 1, 1)
    );
    let e = json_error("{");
    assert_eq!(
        seen(&e),
        (
            LoadErrorKind::Syntax,
            "the text ends inside an object: a `}` is missing",
            1,
            1
        )
    );
    let e = json_error("\n");
    assert_eq!((e.line(), e.column()), (1, 1));
    // The end of the last line, counted in characters.
    let e = json_error("{\"title\": \"été\",\n");
    assert_eq!((e.line(), e.column()), (1, 17));
    let e = toml_error("");
    assert_eq!(seen(&e), (LoadErrorKind::MissingKey, "missing key `id`", 1, 1));
    let e = toml_error("\n");
    assert_eq!((e.line(), e.column()), (1, 1));
    let e = toml_error("{");
    assert_eq!((e.kind(), e.line(), e.column()), (LoadErrorKind::Syntax, 1, 1));
}

#[test]
fn an_error_in_a_deep_table_is_on_that_tables_line() {
    let text = format!(
        "{PROGRAMME}\n[[programmes.indicators]]\nlabel = \"l\"\n\n[[programmes.indicators.periods]]\nperiod = \"2020/2020\"\n\n[[programmes.indicators.periods]]\ntarget = 5\n\n[[programmes.indicators.periods.actual]]\nvalue = 1\n"
    );
    let e = toml_error(&text);
    assert_eq!(seen(&e), (LoadErrorKind::MissingKey, "missing key `period`", 16, 1));
    let text = format!(
        "{PROGRAMME}\n[[programmes.indicators]]\nlabel = \"l\"\n\n[[programmes.indicators.periods]]\nperiod = \"2020/2020\"\n\n[[programmes.indicators.periods.actual]]\nvalue = 1\n\n[programmes.indicators.periods.actual.dimensions]\ncountry = \"AR\"\nsex = 2\n"
    );
    let e = toml_error(&text);
    assert_eq!(
        seen(&e),
        (LoadErrorKind::WrongType, "expected a text, found the number 2", 21, 7)
    );
    // In a set, inside the second framework.
    let set = format!(
        "[[frameworks]]\n{HEAD}\n[[frameworks]]\nid = \"y\"\nkind = \"other\"\ntitle = \"Y\"\n\n[[frameworks.outcomes]]\ncode = \"1\"\ntitle = \"t\"\n\n[[frameworks.outcomes.outputs]]\ncode = \"1.1\"\n"
    );
    let e = FrameworkSet::from_toml_str(&set, "set.toml").unwrap_err();
    assert_eq!(seen(&e), (LoadErrorKind::MissingKey, "missing key `title`", 15, 1));
}

#[test]
fn quarters_stop_at_the_limits_of_what_reads_back() {
    let last = Quarter::new(MAX_YEAR, 4).unwrap();
    let first = Quarter::new(MIN_YEAR, 1).unwrap();
    assert_eq!(last.next(), None);
    assert_eq!(first.previous(), None);
    assert_eq!(Quarter::new(2199, 3).unwrap().next(), Some(last));
    assert_eq!(Quarter::new(1900, 2).unwrap().previous(), Some(first));
    assert_eq!(last.previous().and_then(Quarter::next), Some(last));
    assert!("2200Q1".parse::<Quarter>().is_err());
    assert!("1899Q4".parse::<Quarter>().is_err());
    // Every quarter reached by stepping reads back as itself.
    for start in [first, Quarter::new(2198, 1).unwrap()] {
        let mut q = Some(start);
        let mut steps = 0;
        while let Some(quarter) = q {
            assert_eq!(quarter.to_string().parse::<Quarter>(), Ok(quarter));
            if let Some(previous) = quarter.previous() {
                assert_eq!(previous.to_string().parse::<Quarter>(), Ok(previous));
            }
            q = quarter.next();
            steps += 1;
        }
        assert_eq!(steps, start.quarters_until(last) + 1);
    }
    assert_eq!(Quarter::new(2199, 1).unwrap().through(last).count(), 4);
    assert_eq!(last.through(last).count(), 1);
    let range = QuarterRange::new(Quarter::new(2199, 2).unwrap(), last).unwrap();
    let timeframe: Timeframe = [range].into_iter().collect();
    assert_eq!(timeframe.to_string(), "2199Q2..2199Q4");
    assert_eq!(timeframe.runs().count(), 1);
    assert_eq!(last.last_day().to_string(), "2199-12-31");
}

#[test]
fn a_share_of_minus_zero_is_zero() {
    let zero = Share::new(0.0).unwrap();
    let minus = Share::new(-0.0).unwrap();
    assert_eq!(minus, zero);
    assert!(minus.value().is_sign_positive());
    assert_eq!(minus.to_string(), "0");
    let hasher = RandomState::new();
    assert_eq!(hasher.hash_one(minus), hasher.hash_one(zero));
    assert_eq!([minus, zero].into_iter().collect::<HashSet<_>>().len(), 1);
    assert!(Share::new(-0.1).is_err());
    assert!(Share::new(f64::NAN).is_err());
    // Read from a file, too.
    let text = format!("{PROGRAMME}contributes_to = [{{ to = \"x:1\", share = -0.0 }}]\n");
    let f = Framework::from_toml_str(&text, "f.toml").unwrap();
    let share = f.programmes[0].contributes_to[0].share().unwrap();
    assert!(share.value().is_sign_positive());
    assert_eq!(hasher.hash_one(share), hasher.hash_one(zero));
    let f = Framework::from_json_str(&f.to_json_string().unwrap().replace("0.0", "-0.0"), "f.json").unwrap();
    assert!(
        f.programmes[0].contributes_to[0]
            .share()
            .unwrap()
            .value()
            .is_sign_positive()
    );
}

#[test]
fn a_source_line_0_is_refused_where_it_is_written() {
    let e = toml_error(&format!(
        "{HEAD}\n[[outcomes]]\ncode = \"7\"\ntitle = \"t\"\nsource = {{ section = \"s\", line = 0 }}\n"
    ));
    assert_eq!(
        seen(&e),
        (LoadErrorKind::BadValue, "there is no line 0: lines count from 1", 8, 34)
    );
    let e = json_error(&format!(
        "{{{JSON_HEAD},\n \"links\": [{{\"from\": \"x:1\", \"kind\": \"part_of\", \"to\": \"x\", \"source\": {{\"line\": 0}}}}]}}"
    ));
    assert_eq!(
        seen(&e),
        (LoadErrorKind::BadValue, "there is no line 0: lines count from 1", 2, 78)
    );
    let f = Framework::from_toml_str(&format!("{HEAD}source = {{ line = 1 }}\n"), "f.toml").unwrap();
    assert_eq!(f.source, Provenance::line(1));
    assert_eq!(f.source.line.map(|l| l.get()), Some(1));
    // In code, a line 0 is an unknown line, so what is written reads back.
    let p = Provenance::line(0).in_section("s");
    assert_eq!(p.line, None);
    assert_eq!(p.to_string(), "section \"s\"");
}

#[test]
fn link_kinds_read_what_they_write_and_nothing_else() {
    for kind in LinkKind::ALL {
        assert_eq!(kind.as_str().parse::<LinkKind>(), Ok(kind));
        assert_eq!(kind.to_string().parse::<LinkKind>(), Ok(kind));
    }
    for wrong in ["contributes-to", "ContributesTo", "PART_OF", " cites", ""] {
        let e = wrong.parse::<LinkKind>().unwrap_err();
        assert_eq!(e.expected(), Expected::LinkKind);
        assert_eq!(
            e.to_string(),
            format!(
                "invalid link kind {wrong:?}: expected one of part_of, contributes_to, measures, cites, supported_by, succeeds"
            )
        );
    }
}

#[test]
fn a_link_is_built_by_new_and_read_by_target() {
    let to: Ref = "pb-2022-23:7.1".parse().unwrap();
    let link = Link::new(to.clone());
    assert_eq!(link.target(), &to);
    assert_eq!(link, Link::from(to));
}

#[test]
fn errors_show_ids_as_written() {
    let f = Framework::new("youth-jobs".parse().unwrap(), FrameworkKind::Other, "Youth jobs");
    let mut set = FrameworkSet::new();
    set.insert(f.clone()).unwrap();
    let e = set.insert(f).unwrap_err();
    for shown in [e.to_string(), format!("{e:?}")] {
        assert!(shown.contains("with id youth-jobs;"), "{shown}");
        assert!(!shown.contains("FrameworkId("), "{shown}");
    }
    let e = Error::from(toml_error("id = \"x\"\nkind = \"other\"\ntitle = 5\n"));
    assert_eq!(format!("{e:?}"), "bad.toml:3:9: expected a text, found the number 5");
}
