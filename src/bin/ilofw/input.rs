//! Loading the built-in frameworks with the user's files, and naming
//! elements on the command line.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use ilo_frameworks::format::{Document, SourceMap};
use ilo_frameworks::graph::{FrameworkGraph, NodeKind};
use ilo_frameworks::iati::{self, Crosswalk, ImportOptions};
use ilo_frameworks::validate::{self, Config, Report, Rule};
use ilo_frameworks::{Error, FrameworkId, FrameworkSet, Ref, builtin};

use crate::Failure;

/// The files a command reads, and the crosswalk for its IATI files.
pub(crate) struct Files {
    pub(crate) paths: Vec<PathBuf>,
    pub(crate) map: Option<PathBuf>,
}

/// What the command line loaded: the set, where each part was written, and
/// which frameworks and reports came from the user's files.
pub(crate) struct Loaded {
    pub(crate) set: FrameworkSet,
    pub(crate) sources: SourceMap,
    /// The ids of the frameworks and reports the user's files gave, with
    /// the file each came from.
    pub(crate) mine: BTreeMap<FrameworkId, PathBuf>,
    /// What importing the IATI files found.
    pub(crate) imported: Report,
}

impl Loaded {
    /// Whether the framework or report `id` came from a user's file.
    pub(crate) fn is_mine(&self, id: &FrameworkId) -> bool {
        self.mine.contains_key(id)
    }
}

/// The built-in frameworks and the given files (frameworks, progress
/// reports or sets of them), with where each came from.
///
/// A user's framework with the id of a built-in replaces it, in its place,
/// and a note on standard error says so; two user files may not give the
/// same id.
pub(crate) fn load(files: &Files) -> Result<Loaded, Failure> {
    load_with(files, &Config::default())
}

/// As [`load`], reporting the IATI files' findings at the levels `config`
/// sets.
pub(crate) fn load_with(files: &Files, config: &Config) -> Result<Loaded, Failure> {
    let (set, sources) = validate::builtin_with_sources().map_err(|e| e.to_string())?;
    let mut loaded = Loaded {
        set,
        sources,
        mine: BTreeMap::new(),
        imported: Report::default(),
    };
    let crosswalk = match &files.map {
        Some(path) => Some(Crosswalk::load(path).map_err(|e| e.to_string())?),
        None => None,
    };
    // The findings of the imports, put in order once at the end rather than
    // on each file's.
    let mut imported = Vec::new();
    for path in &files.paths {
        // Read into a map of its own, so that a replaced built-in's places
        // can be forgotten before the file's are added.
        let mut sources = SourceMap::new();
        let document = if is_xml(path) {
            let import = import(&[path.as_path()], None, crosswalk.clone(), config)?;
            if !import.report.is_empty() {
                eprintln!(
                    "note: importing {} found {}; `ilofw check` shows them",
                    path.display(),
                    import.report.summary()
                );
            }
            sources.add_unkept(&import.framework.id, &path.display().to_string());
            imported.extend(import.report);
            Document::Framework(import.framework)
        } else {
            load_file(&mut sources, path)?
        };
        let (frameworks, reports) = match document {
            Document::Framework(framework) => (vec![framework], Vec::new()),
            Document::Report(report) => (Vec::new(), vec![report]),
            Document::Set(set) => {
                let reports = set.reports().cloned().collect();
                (set.into_iter().collect(), reports)
            }
            _ => {
                return Err(format!(
                    "{}: holds a kind of document this version cannot use",
                    path.display()
                ));
            }
        };
        for framework in frameworks {
            let id = framework.id.clone();
            claim(&mut loaded.mine, &id, path)?;
            if loaded.set.get(&id).is_some() {
                eprintln!("note: {} replaces the built-in framework {id}", path.display());
                loaded.sources.forget(&id);
            }
            loaded
                .set
                .replace(framework)
                .map_err(|e| format!("{}: {e}", path.display()))?;
        }
        for report in reports {
            claim(&mut loaded.mine, &report.id, path)?;
            loaded
                .set
                .insert_report(report)
                .map_err(|e| format!("{}: {e}", path.display()))?;
        }
        loaded.sources.append(sources);
    }
    loaded.imported.merge(Report::new(imported));
    Ok(loaded)
}

/// Whether `path` names an XML file, read as IATI activities.
pub(crate) fn is_xml(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("xml"))
}

/// Imports the IATI activity files `paths` into one framework, named `id`
/// or after the first file, checking dates against today.
/// Its findings follow the levels `config` sets.
pub(crate) fn import(
    paths: &[&Path],
    id: Option<&str>,
    crosswalk: Option<Crosswalk>,
    config: &Config,
) -> Result<iati::Import, Failure> {
    let id: FrameworkId = match id {
        Some(id) => id.parse().map_err(|e: ilo_frameworks::ParseError| e.to_string())?,
        None => iati::framework_id_for(paths.first().copied().unwrap_or(Path::new("iati"))),
    };
    let mut options = ImportOptions::new(id).with_today(today());
    options.crosswalk = crosswalk;
    options.config = config.clone();
    iati::import_files(paths, &options).map_err(|e| e.to_string())
}

/// Today, by the system clock (the library never reads it).
fn today() -> chrono::NaiveDate {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400);
    chrono::NaiveDate::from_ymd_opt(1970, 1, 1)
        .and_then(|epoch| epoch.checked_add_days(chrono::Days::new(days)))
        .unwrap_or_default()
}

/// Records that `path` gives the document `id`; two user files may not.
fn claim(mine: &mut BTreeMap<FrameworkId, PathBuf>, id: &FrameworkId, path: &Path) -> Result<(), Failure> {
    match mine.get(id) {
        Some(first) => Err(format!(
            "{}: {id} is also given by {}; give each document its own id",
            path.display(),
            first.display()
        )),
        None => {
            mine.insert(id.clone(), path.to_owned());
            Ok(())
        }
    }
}

fn load_file(sources: &mut SourceMap, path: &Path) -> Result<Document, Failure> {
    let is_toml = path.extension().is_some_and(|e| e == "toml");
    if is_toml && let Ok(text) = std::fs::read_to_string(path) {
        // Name the SDG codes written in upper case before the reader stops at the first.
        let (report, _) = validate::lint_toml(&text, &path.display().to_string(), &Config::default());
        let hints: Vec<String> = report
            .of_rule(Rule::SdgCodeCase)
            .filter_map(|d| {
                let span = d.span.as_ref()?;
                Some(format!(
                    "{}:{}:{}: {} ({})",
                    span.file, span.line, span.column, d.message, d.help
                ))
            })
            .collect();
        if !hints.is_empty() {
            return Err(hints.join("\nerror: "));
        }
    }
    sources.load_document(path).map_err(|e| match e {
        Error::Io { path, source } => format!("cannot read {}: {source}", path.display()),
        other => other.to_string(),
    })
}

/// The graph of a loaded set.
pub(crate) fn graph(set: &FrameworkSet) -> Result<FrameworkGraph, Failure> {
    let sdg = builtin::sdg().map_err(|e| e.to_string())?;
    let standards = builtin::standards().map_err(|e| e.to_string())?;
    Ok(FrameworkGraph::new(set, sdg, &standards))
}

/// A reference given on the command line.
pub(crate) fn reference(text: &str) -> Result<Ref, Failure> {
    text.parse().map_err(|e: ilo_frameworks::ParseError| e.to_string())
}

/// A node kind given on the command line.
pub(crate) fn kind(text: &str) -> Result<NodeKind, Failure> {
    text.parse::<NodeKind>().map_err(|_| {
        let names: Vec<&str> = NodeKind::ALL.iter().map(|k| k.as_str()).collect();
        format!("no kind {text:?}; the kinds are {}", names.join(", "))
    })
}

/// Why `reference` names no node, with the nearest names that exist.
pub(crate) fn unknown(graph: &FrameworkGraph, set: &FrameworkSet, reference: &Ref) -> Failure {
    let near: Vec<String> = graph
        .suggest(reference)
        .iter()
        .take(3)
        .map(|k| match k.reference() {
            Some(r) => r.code(),
            None => k.to_string(),
        })
        .collect();
    let what = match reference {
        Ref::Element { framework, code } => match set.get(framework) {
            None => {
                return format!(
                    "no framework {framework} is loaded (the built-ins are pb-2022-23, flagships, gsc-2017-21, dc-plan-2019, gp-1998)"
                );
            }
            Some(f) => {
                let kind = if !f.outcomes.is_empty() && code.as_str().parse::<ilo_frameworks::OutputCode>().is_ok() {
                    "output"
                } else if !f.outcomes.is_empty() && code.as_str().parse::<ilo_frameworks::OutcomeCode>().is_ok() {
                    "outcome"
                } else if !f.deliverables.is_empty() && code.as_str().parse::<ilo_frameworks::DeliverableCode>().is_ok()
                {
                    "deliverable"
                } else if !f.programmes.is_empty() {
                    "programme"
                } else {
                    "element"
                };
                format!("no {kind} {code} in {framework}")
            }
        },
        Ref::Framework(id) => format!("no framework {id} is loaded"),
        Ref::Sdg(code) => format!("no SDG {code} in the catalogue"),
        Ref::Standard(s) => format!("no standard {s} in the catalogue"),
    };
    match near.as_slice() {
        [] => what,
        [one] => format!("{what}; did you mean {one}?"),
        many => format!("{what}; did you mean {}?", many.join(", ")),
    }
}
