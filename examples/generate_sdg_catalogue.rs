//! Generates `seeds/sdg.toml`, the catalogue of SDG goals, targets and
//! indicators, from the project's shared reference data (`data/sdg`).
//!
//! Run: `cargo run --example generate_sdg_catalogue -- [DATA_DIR] > seeds/sdg.toml`
//!
//! `DATA_DIR` defaults to `../shared/data/sdg` next to the crate. The
//! catalogue goes to stdout; counts and notes go to stderr. A missing or
//! malformed input stops the run with an error naming the file and line.
//!
//! Sources, in that folder (see its `SOURCES.md`):
//! - `unsd/SDG_Target_Indicator_UNSD_2023.csv`: the UNSD list after the 2023
//!   refinement, the authority for targets and current indicators;
//! - `UNSDG-Goals.xml` (IATI codelist): goal titles;
//! - `open-sdg/global_goals.yml`: goal short names;
//! - `open-sdg/global_indicators.yml`: an older indicator list, whose codes
//!   missing from the UNSD list are the retired indicators.

use std::collections::{HashMap, HashSet};
use std::fmt::{Display, Write as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use ilo_frameworks::SdgCode;
use serde::Deserialize;

const UNSD_CSV: &str = "unsd/SDG_Target_Indicator_UNSD_2023.csv";
const GOALS_XML: &str = "UNSDG-Goals.xml";
const OPEN_SDG_GOALS: &str = "open-sdg/global_goals.yml";
const OPEN_SDG_INDICATORS: &str = "open-sdg/global_indicators.yml";

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let data_dir = args.next().map_or_else(default_data_dir, PathBuf::from);
    if args.next().is_some() {
        eprintln!("usage: cargo run --example generate_sdg_catalogue -- [DATA_DIR]");
        return ExitCode::FAILURE;
    }
    match generate(&data_dir) {
        Ok(toml) => {
            print!("{toml}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn default_data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/sdg")
}

/// Reads the reference data in `data_dir`, checks it, prints counts and notes
/// to stderr, and returns the catalogue as TOML.
pub(crate) fn generate(data_dir: &Path) -> Result<String, String> {
    if !data_dir.is_dir() {
        return Err(format!(
            "{}: not a directory (expected the SDG reference data)",
            data_dir.display()
        ));
    }
    let mut notes = Vec::new();
    let goal_titles = read_goal_titles(&data_dir.join(GOALS_XML))?;
    let short_names = read_short_names(&data_dir.join(OPEN_SDG_GOALS))?;
    let goals = build_goals(goal_titles, short_names, &data_dir.join(OPEN_SDG_GOALS))?;
    let rows = read_unsd_rows(&data_dir.join(UNSD_CSV), &mut notes)?;
    let (targets, indicators) = build_targets_and_indicators(&rows, &goals, &data_dir.join(UNSD_CSV), &mut notes)?;
    let open_sdg = read_open_sdg_indicators(&data_dir.join(OPEN_SDG_INDICATORS))?;
    let retired = build_retired(
        open_sdg,
        &targets,
        &indicators,
        &data_dir.join(OPEN_SDG_INDICATORS),
        &mut notes,
    )?;
    let catalogue = Catalogue {
        goals,
        targets,
        indicators,
        retired,
    };
    let counts = Counts::of(&catalogue);
    let text = render(&catalogue, &counts);
    check_round_trip(&text, &catalogue)?;
    print_report(&counts, &notes);
    Ok(text)
}

// ---------------------------------------------------------------------------
// The catalogue

#[derive(Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
struct Catalogue {
    goals: Vec<Goal>,
    targets: Vec<Target>,
    indicators: Vec<Indicator>,
    retired: Vec<Retired>,
}

#[derive(Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
struct Goal {
    code: SdgCode,
    short: String,
    title: String,
}

#[derive(Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
struct Target {
    code: SdgCode,
    title: String,
}

#[derive(Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
struct Indicator {
    code: SdgCode,
    unsd: String,
    title: String,
}

#[derive(Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
struct Retired {
    code: SdgCode,
    title: String,
}

/// A value read from a file, with the line it starts on.
struct Located<T> {
    line: usize,
    value: T,
}

/// `path:line: message`.
fn at(path: &Path, line: usize, message: impl Display) -> String {
    format!("{}:{line}: {message}", path.display())
}

#[derive(Clone, Copy, PartialEq)]
enum Level {
    Goal,
    Target,
    Indicator,
}

impl Level {
    fn name(self) -> &'static str {
        match self {
            Level::Goal => "a goal",
            Level::Target => "a target",
            Level::Indicator => "an indicator",
        }
    }
}

/// Parses `text` as an SDG code of the given level, in canonical form.
fn parse_code(text: &str, level: Level) -> Result<SdgCode, String> {
    let code: SdgCode = text.parse().map_err(|e| format!("{e}"))?;
    let found = match code {
        SdgCode::Goal(_) => Level::Goal,
        SdgCode::Target(_) => Level::Target,
        SdgCode::Indicator(_) => Level::Indicator,
    };
    if found != level {
        return Err(format!(
            "{text:?} is {} code, expected {} code",
            found.name(),
            level.name()
        ));
    }
    if code.to_string() != text {
        return Err(format!(
            "{text:?} is not in canonical form (write {code:?})",
            code = code.to_string()
        ));
    }
    Ok(code)
}

/// Trims `text`, turns every run of white space (including no-break spaces
/// and line breaks) into one plain space, and writes the typographic hyphens
/// U+2010 and U+2011 (non-breaking) as plain hyphens.
fn clean(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    words.join(" ").replace(['\u{2010}', '\u{2011}'], "-")
}

/// A target or indicator text of the UNSD list, cleaned, without the footnote
/// number that the CSV glues to its end (a superscript in the UNSD workbook,
/// as in "by speed5"): a single digit right after a lower-case letter.
/// Returns the text and the footnote number removed, if any.
fn unsd_text(raw: &str) -> (String, Option<char>) {
    let mut text = clean(raw);
    let mut last = text.chars().rev();
    match (last.next(), last.next()) {
        (Some(digit), Some(letter)) if digit.is_ascii_digit() && letter.is_ascii_lowercase() => {
            text.pop();
            (text, Some(digit))
        }
        _ => (text, None),
    }
}

/// Reads a UTF-8 text file, without a leading byte-order mark.
fn read_text(path: &Path) -> Result<String, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    Ok(text.strip_prefix('\u{feff}').map(str::to_owned).unwrap_or(text))
}

// ---------------------------------------------------------------------------
// Goals: titles from the IATI codelist, short names from Open SDG

/// The English goal titles of the IATI `UNSDG-Goals` codelist, in file order,
/// without their "Goal N. " prefix.
fn read_goal_titles(path: &Path) -> Result<Vec<Located<(SdgCode, String)>>, String> {
    let text = read_text(path)?;
    let line_of = |offset: usize| text[..offset].matches('\n').count() + 1;
    let mut goals: Vec<Located<(SdgCode, String)>> = Vec::new();
    let mut rest = 0;
    while let Some(found) = text[rest..].find("<codelist-item") {
        let start = rest + found;
        let end = text[start..]
            .find("</codelist-item>")
            .map(|i| start + i)
            .ok_or_else(|| at(path, line_of(start), "<codelist-item> is not closed"))?;
        let item = &text[start..end];
        let line = line_of(start);
        let code_text =
            element_text(item, "<code>", "</code>").ok_or_else(|| at(path, line, "<codelist-item> has no <code>"))?;
        let code = parse_code(code_text.trim(), Level::Goal).map_err(|e| at(path, line, e))?;
        if let Some(first) = goals.iter().find(|g| g.value.0 == code) {
            return Err(at(
                path,
                line,
                format!("goal {code} is listed again (first on line {})", first.line),
            ));
        }
        let name = element_text(item, "<name>", "</name>")
            .ok_or_else(|| at(path, line, format!("goal {code} has no <name>")))?;
        // The English narrative is the one without an xml:lang attribute.
        let narrative = element_text(name, "<narrative>", "</narrative>")
            .ok_or_else(|| at(path, line, format!("goal {code} has no English <narrative>")))?;
        let narrative = clean(&decode_entities(narrative).map_err(|e| at(path, line, e))?);
        let prefix = format!("Goal {code}. ");
        let title = narrative.strip_prefix(&prefix).ok_or_else(|| {
            at(
                path,
                line,
                format!("goal {code}: title {narrative:?} does not start with {prefix:?}"),
            )
        })?;
        goals.push(Located {
            line,
            value: (code, title.to_owned()),
        });
        rest = end;
    }
    if goals.is_empty() {
        return Err(format!("{}: no <codelist-item> found", path.display()));
    }
    Ok(goals)
}

/// The text between the first `open` tag in `xml` and the next `close` tag.
fn element_text<'a>(xml: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let start = xml.find(open)? + open.len();
    let end = xml[start..].find(close)? + start;
    Some(&xml[start..end])
}

/// Replaces the XML character references and predefined entities.
fn decode_entities(text: &str) -> Result<String, String> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let semi = rest[amp..]
            .find(';')
            .ok_or_else(|| format!("unterminated entity in {text:?}"))?
            + amp;
        let name = &rest[amp + 1..semi];
        let decoded = match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => name
                .strip_prefix("#x")
                .map(|hex| u32::from_str_radix(hex, 16))
                .or_else(|| name.strip_prefix('#').map(str::parse))
                .and_then(Result::ok)
                .and_then(char::from_u32),
        };
        out.push(decoded.ok_or_else(|| format!("unknown entity &{name}; in {text:?}"))?);
        rest = &rest[semi + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// The goal short names (`N-short` keys) of Open SDG's `global_goals.yml`.
fn read_short_names(path: &Path) -> Result<HashMap<SdgCode, Located<String>>, String> {
    let mut shorts = HashMap::new();
    for entry in read_yaml_map(path)? {
        let Some(number) = entry.value.0.strip_suffix("-short") else {
            continue;
        };
        let code = parse_code(number, Level::Goal).map_err(|e| at(path, entry.line, e))?;
        shorts.insert(
            code,
            Located {
                line: entry.line,
                value: entry.value.1,
            },
        );
    }
    Ok(shorts)
}

/// Joins titles and short names; goals come out in number order.
fn build_goals(
    titles: Vec<Located<(SdgCode, String)>>,
    mut shorts: HashMap<SdgCode, Located<String>>,
    shorts_path: &Path,
) -> Result<Vec<Goal>, String> {
    let mut goals: Vec<Goal> = Vec::new();
    for Located {
        value: (code, title), ..
    } in titles
    {
        let short = shorts.remove(&code).ok_or_else(|| {
            format!(
                "{}: no short name ({code}-short) for goal {code}",
                shorts_path.display()
            )
        })?;
        goals.push(Goal {
            code,
            short: short.value,
            title,
        });
    }
    if let Some((code, extra)) = shorts.iter().min_by_key(|(code, _)| **code) {
        return Err(at(
            shorts_path,
            extra.line,
            format!("short name for goal {code}, which the goal list lacks"),
        ));
    }
    goals.sort_by_key(|g| g.code);
    Ok(goals)
}

// ---------------------------------------------------------------------------
// Targets and current indicators: the UNSD list

/// One row of the UNSD CSV, with cleaned texts.
struct UnsdRow {
    line: usize,
    goal: String,
    target: String,
    target_title: String,
    indicator: String,
    indicator_title: String,
    /// The indicator title as written, only trimmed.
    raw_indicator_title: String,
    unsd: String,
}

/// The UNSD rows, in file order.
fn read_unsd_rows(path: &Path, notes: &mut Vec<String>) -> Result<Vec<UnsdRow>, String> {
    let mut records = read_csv(path, ';')?.into_iter();
    let header = records
        .next()
        .ok_or_else(|| format!("{}: the file is empty", path.display()))?;
    let column = |name: &str| {
        header
            .value
            .iter()
            .position(|h| h.trim() == name)
            .ok_or_else(|| at(path, header.line, format!("no column {name:?} in the header")))
    };
    let goal = column("SDGNumber")?;
    let target = column("TargetsNumber")?;
    let target_title = column("Targets")?;
    let indicator = column("IndicatorsNumber")?;
    let indicator_title = column("Indicators")?;
    let unsd = column("UNSDIndicatorCodes")?;
    let mut rows = Vec::new();
    let mut respaced = HashSet::new();
    let mut footnotes: Vec<(String, usize, char)> = Vec::new();
    for Located { line, value: fields } in records {
        if fields.len() != header.value.len() {
            return Err(at(
                path,
                line,
                format!("{} fields, the header has {}", fields.len(), header.value.len()),
            ));
        }
        for raw in [&fields[target_title], &fields[indicator_title]] {
            if clean(raw) != raw.trim() {
                respaced.insert(raw.trim().to_owned());
            }
        }
        let (target_text, target_mark) = unsd_text(&fields[target_title]);
        let (indicator_text, indicator_mark) = unsd_text(&fields[indicator_title]);
        let marks = [
            (target_mark, format!("target {}", fields[target].trim())),
            (indicator_mark, format!("indicator {}", fields[indicator].trim())),
        ];
        for (mark, what) in marks {
            let Some(mark) = mark else { continue };
            if !footnotes.iter().any(|(seen, ..)| *seen == what) {
                footnotes.push((what, line, mark));
            }
        }
        rows.push(UnsdRow {
            line,
            goal: fields[goal].trim().to_owned(),
            target: fields[target].trim().to_owned(),
            target_title: target_text,
            indicator: fields[indicator].trim().to_owned(),
            indicator_title: indicator_text,
            raw_indicator_title: fields[indicator_title].trim().to_owned(),
            unsd: fields[unsd].trim().to_owned(),
        });
    }
    if !respaced.is_empty() {
        notes.push(format!(
            "{} distinct target or indicator texts in {UNSD_CSV} hold no-break spaces, non-breaking hyphens, \
             repeated spaces or line breaks: written with plain single spaces and hyphens",
            respaced.len()
        ));
    }
    if !footnotes.is_empty() {
        notes.push(format!(
            "footnote numbers glued to the end of texts in {UNSD_CSV}, removed: {}",
            footnotes
                .iter()
                .map(|(what, line, mark)| format!("{what} (line {line}): footnote {mark}"))
                .collect::<Vec<_>>()
                .join("; ")
        ));
    }
    Ok(rows)
}

/// Targets in order of first appearance and indicators in row order, checked.
fn build_targets_and_indicators(
    rows: &[UnsdRow],
    goals: &[Goal],
    path: &Path,
    notes: &mut Vec<String>,
) -> Result<(Vec<Target>, Vec<Indicator>), String> {
    let mut targets: Vec<Target> = Vec::new();
    let mut target_line: HashMap<SdgCode, usize> = HashMap::new();
    let mut indicators: Vec<Indicator> = Vec::new();
    let mut indicator_line: HashMap<SdgCode, usize> = HashMap::new();
    // UNSD code -> the first row that lists it, and its indicator code
    let mut unsd_first: HashMap<&str, (&UnsdRow, SdgCode)> = HashMap::new();
    for row in rows {
        let fail = |message: String| at(path, row.line, message);
        let goal = parse_code(&row.goal, Level::Goal).map_err(fail)?;
        let target = parse_code(&row.target, Level::Target).map_err(fail)?;
        if target.goal() != goal.goal() {
            return Err(fail(format!("target {target} is not under goal {goal}")));
        }
        if !goals.iter().any(|g| g.code == goal) {
            return Err(fail(format!("goal {goal} is not in {GOALS_XML}")));
        }
        match target_line.get(&target) {
            None => {
                target_line.insert(target, row.line);
                targets.push(Target {
                    code: target,
                    title: row.target_title.clone(),
                });
            }
            Some(&first) => {
                let known = targets.iter().find(|t| t.code == target).map(|t| t.title.as_str());
                if known != Some(row.target_title.as_str()) {
                    return Err(fail(format!("target {target} has another title than on line {first}")));
                }
            }
        }
        if row.indicator == "0" {
            // The placeholder of a target without an indicator (11.c).
            if row.unsd != "0" || !row.indicator_title.is_empty() {
                return Err(fail(format!(
                    "indicator number 0 (no indicator) but UNSD code {:?} and title {:?}",
                    row.unsd, row.indicator_title
                )));
            }
            continue;
        }
        let code = parse_code(&row.indicator, Level::Indicator).map_err(fail)?;
        if code.target() != target.target() {
            return Err(fail(format!("indicator {code} is not under target {target}")));
        }
        if let Some(first) = indicator_line.insert(code, row.line) {
            return Err(fail(format!(
                "indicator {code} is listed again (first on line {first})"
            )));
        }
        check_unsd_code(&row.unsd).map_err(fail)?;
        if row.indicator_title.is_empty() {
            return Err(fail(format!("indicator {code} has no title")));
        }
        match unsd_first.get(row.unsd.as_str()) {
            None => {
                unsd_first.insert(&row.unsd, (row, code));
            }
            Some(&first) => {
                if let Some(note) = compare_listings(first, (row, code)).map_err(fail)? {
                    notes.push(note);
                }
            }
        }
        indicators.push(Indicator {
            code,
            unsd: row.unsd.clone(),
            title: row.indicator_title.clone(),
        });
    }
    for goal in goals {
        if !targets.iter().any(|t| t.code.goal() == goal.code.goal()) {
            return Err(format!("{}: goal {} has no targets", path.display(), goal.code));
        }
    }
    if targets.windows(2).any(|pair| pair[0].code > pair[1].code) {
        notes.push(format!(
            "the targets of {UNSD_CSV} are not in code order; their file order is kept"
        ));
    }
    Ok((targets, indicators))
}

/// Checks that two rows listing one UNSD code give the same title. Returns a
/// note when the titles as written differ only in spaces or hyphens.
fn compare_listings(
    (first, first_code): (&UnsdRow, SdgCode),
    (other, code): (&UnsdRow, SdgCode),
) -> Result<Option<String>, String> {
    if first.indicator_title != other.indicator_title {
        return Err(format!(
            "indicator {code} shares UNSD code {} with {first_code} (line {}) but its title differs:\n  \
             {first_code}: {}\n  {code}: {}",
            other.unsd, first.line, first.indicator_title, other.indicator_title
        ));
    }
    if first.raw_indicator_title != other.raw_indicator_title {
        return Ok(Some(format!(
            "{first_code} and {code} (UNSD {}) differ only in spaces or hyphens (no-break spaces, \
             non-breaking hyphens) in {UNSD_CSV}, lines {} and {}",
            other.unsd, first.line, other.line
        )));
    }
    Ok(None)
}

/// A UNSD indicator code: `C` and six digits or lower-case letters, such as
/// `C010101` or `C010a04` (UNSD codes are stable identifiers: they need not
/// spell the indicator's current SDG code).
fn check_unsd_code(unsd: &str) -> Result<(), String> {
    let rest = unsd.strip_prefix('C').unwrap_or("");
    if rest.len() == 6 && rest.bytes().all(|b| b.is_ascii_digit() || b.is_ascii_lowercase()) {
        Ok(())
    } else {
        Err(format!(
            "{unsd:?} is not a UNSD indicator code (expected C and six digits or lower-case letters, such as C010101)"
        ))
    }
}

// ---------------------------------------------------------------------------
// Retired indicators: Open SDG codes missing from the UNSD list

/// The indicators of Open SDG's `global_indicators.yml` (`8-8-2-title`
/// keys), in file order.
fn read_open_sdg_indicators(path: &Path) -> Result<Vec<Located<(SdgCode, String)>>, String> {
    let mut indicators = Vec::new();
    for entry in read_yaml_map(path)? {
        let Some(dashed) = entry.value.0.strip_suffix("-title") else {
            continue;
        };
        let code = parse_code(&dashed.replace('-', "."), Level::Indicator).map_err(|e| at(path, entry.line, e))?;
        indicators.push(Located {
            line: entry.line,
            value: (code, entry.value.1),
        });
    }
    Ok(indicators)
}

/// The Open SDG indicators that the UNSD list lacks, in code order.
fn build_retired(
    open_sdg: Vec<Located<(SdgCode, String)>>,
    targets: &[Target],
    indicators: &[Indicator],
    path: &Path,
    notes: &mut Vec<String>,
) -> Result<Vec<Retired>, String> {
    let current: HashSet<SdgCode> = indicators.iter().map(|i| i.code).collect();
    let listed: HashSet<SdgCode> = open_sdg.iter().map(|i| i.value.0).collect();
    let mut retired: Vec<Retired> = Vec::new();
    for Located {
        line,
        value: (code, title),
    } in open_sdg
    {
        if current.contains(&code) {
            continue;
        }
        if !targets.iter().any(|t| t.code.target() == code.target()) {
            return Err(at(
                path,
                line,
                format!("retired indicator {code}: its target is not in the UNSD list"),
            ));
        }
        if title.is_empty() {
            return Err(at(path, line, format!("retired indicator {code} has no title")));
        }
        if let Some(same) = indicators.iter().find(|i| i.title == title) {
            notes.push(format!(
                "retired indicator {code} has the title of current indicator {}",
                same.code
            ));
        }
        retired.push(Retired { code, title });
    }
    retired.sort_by_key(|r| r.code);
    let missing: Vec<String> = indicators
        .iter()
        .filter(|i| !listed.contains(&i.code))
        .map(|i| i.code.to_string())
        .collect();
    if !missing.is_empty() {
        notes.push(format!(
            "indicators in the UNSD list but not in {OPEN_SDG_INDICATORS}: {}",
            missing.join(", ")
        ));
    }
    Ok(retired)
}

// ---------------------------------------------------------------------------
// Readers: CSV and a small subset of YAML

/// Reads a CSV file with quoting as in RFC 4180: a field that starts with
/// `"` runs to the next lone `"` and may hold the separator, line breaks and
/// doubled quotes `""`. Returns each record with the line it starts on.
fn read_csv(path: &Path, separator: char) -> Result<Vec<Located<Vec<String>>>, String> {
    let text = read_text(path)?;
    let mut records = Vec::new();
    let mut chars = text.chars().peekable();
    let mut line = 1;
    while chars.peek().is_some() {
        let start = line;
        let mut fields = Vec::new();
        loop {
            let mut field = String::new();
            if chars.peek() == Some(&'"') {
                chars.next();
                loop {
                    match chars.next() {
                        None => return Err(at(path, start, "a quoted field is not closed")),
                        Some('"') if chars.peek() == Some(&'"') => {
                            chars.next();
                            field.push('"');
                        }
                        Some('"') => break,
                        Some(c) => {
                            line += usize::from(c == '\n');
                            field.push(c);
                        }
                    }
                }
                if !matches!(chars.peek(), None | Some('\r' | '\n')) && chars.peek() != Some(&separator) {
                    return Err(at(path, line, "text after the closing quote of a quoted field"));
                }
            } else {
                while let Some(&c) = chars.peek() {
                    if c == separator || c == '\r' || c == '\n' {
                        break;
                    }
                    if c == '"' {
                        return Err(at(path, line, "a quote inside an unquoted field"));
                    }
                    field.push(c);
                    chars.next();
                }
            }
            fields.push(field);
            // After a field: a separator, a line break (CRLF or LF) or the end.
            match chars.next() {
                Some(c) if c == separator => continue,
                Some('\r') if chars.next_if_eq(&'\n').is_none() => {
                    return Err(at(path, line, "a carriage return without a line feed"));
                }
                _ => {}
            }
            line += 1;
            break;
        }
        if fields.len() > 1 || !fields[0].is_empty() {
            records.push(Located {
                line: start,
                value: fields,
            });
        }
    }
    Ok(records)
}

/// Reads a YAML file that is a flat map of `key: value` lines. An indented
/// line continues the previous value, joined with one space; a value may be
/// plain, single-quoted or double-quoted. Returns (key, value) pairs in file
/// order, each with the line its key is on.
fn read_yaml_map(path: &Path) -> Result<Vec<Located<(String, String)>>, String> {
    let text = read_text(path)?;
    let mut entries: Vec<Located<(String, String)>> = Vec::new();
    for (index, raw) in text.lines().enumerate() {
        let line = index + 1;
        if raw.trim().is_empty() || raw.trim_start().starts_with('#') || raw == "---" {
            continue;
        }
        if raw.starts_with([' ', '\t']) {
            let last = entries
                .last_mut()
                .ok_or_else(|| at(path, line, "an indented line before the first key"))?;
            let value = &mut last.value.1;
            if !value.is_empty() {
                value.push(' ');
            }
            value.push_str(raw.trim());
            continue;
        }
        let (key, value) = raw
            .split_once(": ")
            .or_else(|| raw.strip_suffix(':').map(|key| (key, "")))
            .ok_or_else(|| at(path, line, "expected \"key: value\""))?;
        if entries.iter().any(|e| e.value.0 == key) {
            return Err(at(path, line, format!("key {key:?} is repeated")));
        }
        entries.push(Located {
            line,
            value: (key.to_owned(), value.trim().to_owned()),
        });
    }
    for entry in &mut entries {
        let unquoted = yaml_scalar(&entry.value.1).map_err(|e| at(path, entry.line, e))?;
        entry.value.1 = clean(&unquoted);
    }
    Ok(entries)
}

/// The value of a one-line YAML scalar: plain, `'single'` (with `''` for a
/// quote) or `"double"` (with backslash escapes).
fn yaml_scalar(text: &str) -> Result<String, String> {
    if let Some(inner) = text.strip_prefix('\'') {
        let inner = inner
            .strip_suffix('\'')
            .ok_or_else(|| format!("single-quoted value not closed: {text:?}"))?;
        if inner.replace("''", "").contains('\'') {
            return Err(format!("a lone quote inside a single-quoted value: {text:?}"));
        }
        return Ok(inner.replace("''", "'"));
    }
    if let Some(inner) = text.strip_prefix('"') {
        let inner = inner
            .strip_suffix('"')
            .ok_or_else(|| format!("double-quoted value not closed: {text:?}"))?;
        let mut out = String::new();
        let mut chars = inner.chars();
        while let Some(c) = chars.next() {
            if c == '"' {
                return Err(format!("a lone quote inside a double-quoted value: {text:?}"));
            }
            if c != '\\' {
                out.push(c);
                continue;
            }
            out.push(match chars.next() {
                Some('\\') => '\\',
                Some('"') => '"',
                Some('/') => '/',
                Some('n') => '\n',
                Some('t') => '\t',
                other => return Err(format!("unsupported escape \\{} in {text:?}", other.unwrap_or(' '))),
            });
        }
        return Ok(out);
    }
    if text.starts_with(['|', '>', '&', '*', '!', '[', '{']) {
        return Err(format!(
            "unsupported YAML value (block scalar, anchor, tag or collection): {text:?}"
        ));
    }
    Ok(text.to_owned())
}

// ---------------------------------------------------------------------------
// Output

struct Counts {
    goals: usize,
    targets: usize,
    indicator_rows: usize,
    distinct_unsd: usize,
    repeated_unsd: Vec<String>,
    retired: usize,
    targets_without_indicators: Vec<String>,
}

impl Counts {
    fn of(catalogue: &Catalogue) -> Self {
        let mut rows_per_unsd: Vec<(&str, Vec<String>)> = Vec::new();
        for indicator in &catalogue.indicators {
            match rows_per_unsd.iter_mut().find(|(unsd, _)| *unsd == indicator.unsd) {
                Some((_, codes)) => codes.push(indicator.code.to_string()),
                None => rows_per_unsd.push((&indicator.unsd, vec![indicator.code.to_string()])),
            }
        }
        Counts {
            goals: catalogue.goals.len(),
            targets: catalogue.targets.len(),
            indicator_rows: catalogue.indicators.len(),
            distinct_unsd: rows_per_unsd.len(),
            repeated_unsd: rows_per_unsd
                .iter()
                .filter(|(_, codes)| codes.len() > 1)
                .map(|(unsd, codes)| format!("{unsd} = {}", codes.join(" = ")))
                .collect(),
            retired: catalogue.retired.len(),
            targets_without_indicators: catalogue
                .targets
                .iter()
                .filter(|t| !catalogue.indicators.iter().any(|i| i.code.target() == t.code.target()))
                .map(|t| t.code.to_string())
                .collect(),
        }
    }
}

fn print_report(counts: &Counts, notes: &[String]) {
    eprintln!(
        "goals: {}, targets: {}, indicator rows: {}, distinct UNSD codes: {}, repeated UNSD codes: {}, retired: {}",
        counts.goals,
        counts.targets,
        counts.indicator_rows,
        counts.distinct_unsd,
        counts.repeated_unsd.len(),
        counts.retired
    );
    eprintln!("repeated: {}", counts.repeated_unsd.join("; "));
    eprintln!(
        "targets without indicators: {}",
        counts.targets_without_indicators.join(", ")
    );
    for note in notes {
        eprintln!("note: {note}");
    }
}

/// The catalogue as TOML.
fn render(catalogue: &Catalogue, counts: &Counts) -> String {
    let mut out = String::new();
    // `write!` to a String cannot fail.
    let _ = write!(
        out,
        "# The UN global indicator framework for the Sustainable Development Goals\n\
         # (A/RES/71/313, after the 2023 refinement): {} goals, {} targets, {} listed\n\
         # indicator rows ({} distinct UNSD codes), and {} retired indicator codes.\n\
         # Generated by `cargo run --example generate_sdg_catalogue`; do not edit by hand.\n\
         # Sources and licences: seeds/SOURCES.md.\n",
        counts.goals, counts.targets, counts.indicator_rows, counts.distinct_unsd, counts.retired
    );
    for g in &catalogue.goals {
        let _ = write!(
            out,
            "\n[[goals]]\ncode = {}\nshort = {}\ntitle = {}\n",
            toml_string(&g.code.to_string()),
            toml_string(&g.short),
            toml_string(&g.title)
        );
    }
    for t in &catalogue.targets {
        let _ = write!(
            out,
            "\n[[targets]]\ncode = {}\ntitle = {}\n",
            toml_string(&t.code.to_string()),
            toml_string(&t.title)
        );
    }
    for i in &catalogue.indicators {
        let _ = write!(
            out,
            "\n[[indicators]]\ncode = {}\nunsd = {}\ntitle = {}\n",
            toml_string(&i.code.to_string()),
            toml_string(&i.unsd),
            toml_string(&i.title)
        );
    }
    for r in &catalogue.retired {
        let _ = write!(
            out,
            "\n[[retired]]\ncode = {}\ntitle = {}\n",
            toml_string(&r.code.to_string()),
            toml_string(&r.title)
        );
    }
    out
}

/// A TOML basic string: quoted, with `\`, `"` and control characters escaped.
fn toml_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Parses the generated text back and checks that it holds the catalogue.
fn check_round_trip(text: &str, catalogue: &Catalogue) -> Result<(), String> {
    let parsed: Catalogue =
        toml::from_str(text).map_err(|e| format!("internal error: the generated TOML does not parse: {e}"))?;
    if parsed != *catalogue {
        return Err("internal error: the generated TOML does not read back as the catalogue".to_owned());
    }
    Ok(())
}
