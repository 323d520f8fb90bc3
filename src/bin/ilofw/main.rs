//! `ilofw`: the command line over `ilo-frameworks`.
//!
//! Validates the built-in frameworks with your own files, explains what an
//! element reaches, prints coverage matrices, exports the frameworks and
//! prints the JSON Schema of the file format. Exit status: 0 when nothing
//! is wrong, 1 when validation finds an error, 2 when it could not run.

mod check;
mod coverage;
mod excerpt;
mod export;
mod import;
mod input;
mod links;
mod progress;

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{ArgMatches, Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use ilo_frameworks::format::printable;
use ilo_frameworks::validate::Level;

/// Models of ILO strategic results frameworks: check them, follow their
/// links, see their coverage, export them.
#[derive(Debug, Parser)]
#[command(name = "ilofw", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// The files to load with the built-in frameworks; every subcommand takes
/// them the same way.
#[derive(Debug, Clone, Args)]
struct Inputs {
    /// Framework, progress report or set files (`.toml` or `.json`) to load
    /// with the built-ins, and IATI activity files (`.xml`), each read as a
    /// framework of projects; a framework with a built-in's id replaces it.
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,
    /// The same files, named with a flag (the form of earlier versions).
    #[arg(long = "file", value_name = "FILE", hide = true)]
    named: Vec<PathBuf>,
    /// A crosswalk (TOML) from IATI publisher codes to framework elements,
    /// applied to the `.xml` files.
    #[arg(long, value_name = "CROSSWALK")]
    map: Option<PathBuf>,
}

impl Inputs {
    /// Every file, positional ones first, and the crosswalk.
    fn all(&self) -> input::Files {
        input::Files {
            paths: self.files.iter().chain(&self.named).cloned().collect(),
            map: self.map.clone(),
        }
    }
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Validate the built-in frameworks together with the given files.
    Check {
        #[command(flatten)]
        inputs: Inputs,
        /// How to print the report.
        #[arg(long, value_enum, default_value_t = ReportFormat::Human)]
        format: ReportFormat,
        /// Report findings of this rule code as errors (repeatable; with
        /// --allow and --warn, a later flag for one code wins).
        #[arg(long, value_name = "CODE")]
        deny: Vec<String>,
        /// Leave out findings of this rule code (repeatable).
        #[arg(long, value_name = "CODE")]
        allow: Vec<String>,
        /// Report findings of this rule code as warnings (repeatable).
        #[arg(long, value_name = "CODE")]
        warn: Vec<String>,
        /// Show only the findings on the given files' frameworks and reports;
        /// the summary counts what is left out.
        #[arg(long)]
        mine: bool,
        /// A TOML file of rule levels: `[rules] "code" = "allow" | "warn" | "deny"`.
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
    },
    /// What an element reaches, and the path that explains each answer.
    Links {
        /// The element: `flagships:IPEC+`, `pb-2022-23:7.1`, `sdg:8.7`.
        reference: String,
        /// Show only reached nodes of this kind: one of framework, outcome, output,
        /// indicator, programme, deliverable, sdg-goal, sdg-target, sdg-indicator,
        /// standard, partner, initiative.
        #[arg(long, value_name = "KIND")]
        to: Option<String>,
        /// Show what reaches the element instead.
        #[arg(long)]
        reverse: bool,
        #[command(flatten)]
        inputs: Inputs,
    },
    /// A coverage matrix: how many members of each row reach each column.
    Coverage {
        /// The kind of the rows: one of framework, outcome, output, indicator,
        /// programme, deliverable, sdg-goal, sdg-target, sdg-indicator, standard,
        /// partner, initiative.
        #[arg(long, default_value = "outcome", value_name = "KIND")]
        rows: String,
        /// The kind of the columns (the same kinds).
        #[arg(long, default_value = "sdg-goal", value_name = "KIND")]
        cols: String,
        /// A table for the terminal, or CSV.
        #[arg(long, value_enum, default_value_t = MatrixFormat::Table)]
        format: MatrixFormat,
        #[command(flatten)]
        inputs: Inputs,
    },
    /// Export the frameworks (built-ins and given files).
    Export {
        /// The format.
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// Export only what this reference names: a framework, or one
        /// element of it (json, toml, csv); the graph around it (dot, mermaid).
        #[arg(long, value_name = "REF")]
        only: Option<String>,
        /// With csv: the table, one of outputs, deliverables, programmes, links, sdg, indicators.
        #[arg(long, value_name = "NAME")]
        table: Option<String>,
        #[command(flatten)]
        inputs: Inputs,
    },
    /// Where every deliverable, programme target and indicator stands as
    /// of a date, and what their values add up to at each output and outcome.
    Progress {
        #[command(flatten)]
        inputs: Inputs,
        /// The day asked about: a quarter (`2019Q4`, its last day) or a date (`2019-12-31`).
        #[arg(long, value_name = "QUARTER|DATE")]
        as_of: String,
        /// How to print the answer.
        #[arg(long, value_enum, default_value_t = ProgressFormat::Table)]
        format: ProgressFormat,
    },
    /// Read other formats into a framework file, written on standard output.
    Import {
        #[command(subcommand)]
        source: ImportSource,
    },
    /// Print the JSON Schema of the framework file format.
    Schema {
        /// Print the schema of progress report files instead.
        #[arg(long, conflicts_with = "set")]
        report: bool,
        /// Print the schema of set files (`frameworks` and `reports`) instead.
        #[arg(long)]
        set: bool,
    },
}

/// The formats `import` reads.
#[derive(Debug, Subcommand)]
enum ImportSource {
    /// IATI activity files (versions 2.01 to 2.03): one project per
    /// activity, in one framework. Findings go to standard error; the exit
    /// status is 1 when one is an error (something was left out).
    Iati {
        /// The activity files, read together.
        #[arg(value_name = "FILE", required = true)]
        files: Vec<PathBuf>,
        /// A crosswalk (TOML) from publisher sector or tag codes to framework
        /// elements: each becomes a contributes_to link with the percentage as share.
        #[arg(long, value_name = "CROSSWALK")]
        map: Option<PathBuf>,
        /// The framework's id; by default `iati-` and the first file's name.
        #[arg(long, value_name = "ID")]
        id: Option<String>,
        /// The format to write.
        #[arg(long, value_enum, default_value_t = DocumentFormat::Toml)]
        format: DocumentFormat,
    },
}

/// A framework file's format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum DocumentFormat {
    /// TOML, for people to read and edit.
    Toml,
    /// JSON, for exchange.
    Json,
}

/// How `check` prints its report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ReportFormat {
    /// For people: findings with the source line underlined.
    Human,
    /// For tools: the report as JSON.
    Json,
}

/// How `coverage` prints its matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum MatrixFormat {
    /// Aligned columns for the terminal.
    Table,
    /// Comma-separated values.
    Csv,
}

/// How `progress` prints its answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ProgressFormat {
    /// Aligned columns for the terminal, then the roll-ups.
    Table,
    /// Comma-separated values, one row per deliverable, target and indicator.
    Csv,
    /// The whole evaluation, roll-ups included, as JSON.
    Json,
}

/// What `export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ExportFormat {
    /// The frameworks as a JSON set.
    Json,
    /// The frameworks as a TOML set.
    Toml,
    /// The graph in Graphviz DOT.
    Dot,
    /// The graph as a Mermaid flowchart.
    Mermaid,
    /// A flat table (see --table).
    Csv,
}

/// What a subcommand produced: the text for standard output and the exit
/// status.
pub(crate) struct Outcome {
    text: String,
    status: u8,
}

impl Outcome {
    /// Data for tools (JSON, TOML, CSV, DOT), written as it is.
    pub(crate) fn ok(text: String) -> Self {
        Outcome { text, status: 0 }
    }

    /// Text for a person at a terminal: control characters that came from
    /// the files are escaped, so that a title cannot retitle or clear it.
    pub(crate) fn for_people(text: String) -> Self {
        let text = match printable(&text) {
            std::borrow::Cow::Borrowed(_) => text,
            std::borrow::Cow::Owned(escaped) => escaped,
        };
        Outcome::ok(text)
    }
}

/// A reason the command could not run; printed on standard error, exit 2.
pub(crate) type Failure = String;

/// The rule levels given on the command line, in the order given, so that
/// a later flag for one code wins (`--deny X --allow X` allows X).
fn levels(matches: &ArgMatches) -> Vec<(String, Level)> {
    let Some(("check", check)) = matches.subcommand() else {
        return Vec::new();
    };
    let mut levels: Vec<(usize, String, Level)> = Vec::new();
    for (id, level) in [("allow", Level::Allow), ("warn", Level::Warn), ("deny", Level::Deny)] {
        if let (Some(indices), Some(codes)) = (check.indices_of(id), check.get_many::<String>(id)) {
            levels.extend(indices.zip(codes).map(|(i, code)| (i, code.clone(), level)));
        }
    }
    levels.sort_by_key(|(i, _, _)| *i);
    levels.into_iter().map(|(_, code, level)| (code, level)).collect()
}

fn main() -> ExitCode {
    let matches = Cli::command().get_matches();
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    // A tool that asked for JSON gets JSON, even when the command could not run.
    let wants_json = matches!(
        cli.command,
        Command::Check {
            format: ReportFormat::Json,
            ..
        } | Command::Progress {
            format: ProgressFormat::Json,
            ..
        }
    );
    let result = match cli.command {
        Command::Check {
            inputs,
            format,
            config,
            mine,
            ..
        } => check::run(&inputs.all(), format, &levels(&matches), config.as_deref(), mine),
        Command::Links {
            reference,
            to,
            reverse,
            inputs,
        } => links::run(&reference, to.as_deref(), reverse, &inputs.all()),
        Command::Coverage {
            rows,
            cols,
            format,
            inputs,
        } => coverage::run(&rows, &cols, format, &inputs.all()),
        Command::Export {
            format,
            only,
            table,
            inputs,
        } => export::run(format, only.as_deref(), table.as_deref(), &inputs.all()),
        Command::Progress { inputs, as_of, format } => progress::run(&inputs.all(), &as_of, format),
        Command::Import {
            source: ImportSource::Iati { files, map, id, format },
        } => import::iati(&files, map.as_deref(), id.as_deref(), format),
        Command::Schema { report: true, .. } => Ok(Outcome::ok(ilo_frameworks::report_schema())),
        Command::Schema { set: true, .. } => Ok(Outcome::ok(ilo_frameworks::set_schema())),
        Command::Schema { .. } => Ok(Outcome::ok(ilo_frameworks::framework_schema())),
    };
    match result {
        Ok(outcome) => match std::io::stdout().lock().write_all(outcome.text.as_bytes()) {
            // A closed pipe (`| head`) is not worth an error; a full disk is.
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                eprintln!("error: cannot write the output: {e}");
                ExitCode::from(2)
            }
            _ => ExitCode::from(outcome.status),
        },
        Err(message) => {
            eprintln!("error: {}", printable(&message));
            if wants_json {
                let json = serde_json::json!({ "error": { "message": message } });
                println!("{}", serde_json::to_string_pretty(&json).unwrap_or_default());
            }
            ExitCode::from(2)
        }
    }
}
