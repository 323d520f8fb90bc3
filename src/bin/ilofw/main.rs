//! `ilofw`: the command line over `ilo-frameworks`.
//!
//! Validates the built-in frameworks with your own files, explains what an
//! element reaches, prints coverage matrices, exports the frameworks and
//! prints the JSON Schema of the file format. Exit status: 0 when nothing
//! is wrong, 1 when validation finds an error, 2 when it could not run.

mod check;
mod coverage;
mod export;
mod input;
mod links;
mod progress;

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// Models of ILO strategic results frameworks: check them, follow their
/// links, see their coverage, export them.
#[derive(Debug, Parser)]
#[command(name = "ilofw", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Validate the built-in frameworks together with the given files.
    Check {
        /// Framework files (`.toml` or `.json`) to check with the built-ins.
        files: Vec<PathBuf>,
        /// How to print the report.
        #[arg(long, value_enum, default_value_t = ReportFormat::Human)]
        format: ReportFormat,
        /// Report findings of this rule code as errors (repeatable).
        #[arg(long, value_name = "CODE")]
        deny: Vec<String>,
        /// Leave out findings of this rule code (repeatable).
        #[arg(long, value_name = "CODE")]
        allow: Vec<String>,
        /// Report findings of this rule code as warnings (repeatable).
        #[arg(long, value_name = "CODE")]
        warn: Vec<String>,
        /// A TOML file of rule levels: `[rules] "code" = "allow" | "warn" | "deny"`.
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
    },
    /// What an element reaches, and the path that explains each answer.
    Links {
        /// The element: `flagships:IPEC+`, `pb-2022-23:7.1`, `sdg:8.7`.
        reference: String,
        /// Show only reached nodes of this kind.
        #[arg(long, value_name = "KIND")]
        to: Option<String>,
        /// Show what reaches the element instead.
        #[arg(long)]
        reverse: bool,
        /// Framework files to load with the built-ins.
        #[arg(long = "file", value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// A coverage matrix: how many members of each row reach each column.
    Coverage {
        /// The kind of the rows.
        #[arg(long, default_value = "outcome", value_name = "KIND")]
        rows: String,
        /// The kind of the columns.
        #[arg(long, default_value = "sdg-goal", value_name = "KIND")]
        cols: String,
        /// A table for the terminal, or CSV.
        #[arg(long, value_enum, default_value_t = MatrixFormat::Table)]
        format: MatrixFormat,
        /// Framework files to load with the built-ins.
        #[arg(long = "file", value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Export the frameworks (built-ins and given files).
    Export {
        /// The format.
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// Export only this framework (json, toml, csv) or the graph around
        /// this element (dot, mermaid).
        #[arg(long, value_name = "REF")]
        only: Option<String>,
        /// With csv: the table, one of outputs, deliverables, programmes, links, sdg, indicators.
        #[arg(long, value_name = "NAME")]
        table: Option<String>,
        /// Framework files to load with the built-ins.
        #[arg(long = "file", value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Where every deliverable, programme target and indicator stands as
    /// of a date, and what their values add up to at each output and outcome.
    Progress {
        /// Framework and progress report files (`.toml` or `.json`) to load with the built-ins.
        files: Vec<PathBuf>,
        /// The day asked about: a quarter (`2019Q4`, its last day) or a date (`2019-12-31`).
        #[arg(long, value_name = "QUARTER|DATE")]
        as_of: String,
        /// How to print the answer.
        #[arg(long, value_enum, default_value_t = ProgressFormat::Table)]
        format: ProgressFormat,
    },
    /// Print the JSON Schema of the framework file format.
    Schema {
        /// Print the schema of progress report files instead.
        #[arg(long)]
        report: bool,
    },
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
    pub(crate) fn ok(text: String) -> Self {
        Outcome { text, status: 0 }
    }
}

/// A reason the command could not run; printed on standard error, exit 2.
pub(crate) type Failure = String;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check {
            files,
            format,
            deny,
            allow,
            warn,
            config,
        } => check::run(&files, format, &deny, &allow, &warn, config.as_deref()),
        Command::Links {
            reference,
            to,
            reverse,
            files,
        } => links::run(&reference, to.as_deref(), reverse, &files),
        Command::Coverage {
            rows,
            cols,
            format,
            files,
        } => coverage::run(&rows, &cols, format, &files),
        Command::Export {
            format,
            only,
            table,
            files,
        } => export::run(format, only.as_deref(), table.as_deref(), &files),
        Command::Progress { files, as_of, format } => progress::run(&files, &as_of, format),
        Command::Schema { report: false } => Ok(Outcome::ok(ilo_frameworks::framework_schema())),
        Command::Schema { report: true } => Ok(Outcome::ok(ilo_frameworks::report_schema())),
    };
    match result {
        Ok(outcome) => {
            // A closed pipe (`| head`) is not worth an error.
            let _ = std::io::stdout().lock().write_all(outcome.text.as_bytes());
            ExitCode::from(outcome.status)
        }
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}
