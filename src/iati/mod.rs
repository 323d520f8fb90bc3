//! Reading IATI activity files (versions 2.01 to 2.03) into a framework of
//! projects (feature `iati`).
//!
//! Each `iati-activity` becomes a [`Programme`](crate::Programme) of kind
//! `project`, identified by its `iati-identifier` exactly as published
//! (see docs/format.md, "Identifiers as published"):
//!
//! - title, status and dates give the name, status and period (actual
//!   dates before planned ones); the details IATI records beyond those
//!   (reporting and participating organisations, recipient countries and
//!   regions, sectors, tags, policy markers, humanitarian flag and scopes,
//!   document links) are kept in [`Programme::activity`](crate::Programme::activity);
//! - funding organisations become donors and implementing ones partners;
//!   budgets and transactions become [`Funding`](crate::Funding) with their
//!   currency and value date;
//! - SDG tags (vocabularies 2 and 3) and SDG sectors (7, 8 and 9) become
//!   the programme's SDG codes, which the graph links it to;
//! - a parent or child named by `related-activity` among the activities
//!   read becomes one `part_of` link from child to parent, however many
//!   sides state it; other relations are kept as data;
//! - results and their indicators become the programme's
//!   [`Indicator`](crate::Indicator)s, each with its result
//!   ([`Indicator::result`](crate::Indicator::result)), baseline and
//!   periods of targets and actuals;
//! - a [`Crosswalk`] turns the publisher's own sector or tag codes into
//!   `contributes_to` links to a framework's elements, with the
//!   percentage as the share.
//!
//! Problems are findings of the `iati/` rule family (see docs/rules.md),
//! placed by file, line and column: nothing of what the model holds is
//! left out without one. Elements the model does not hold (descriptions,
//! contact details, planned disbursements, locations) are passed over.
//! The reader streams: memory follows the largest activity and the model
//! built, not the file; [`stream`] keeps no activity at all.
//!
//! ```
//! use ilo_frameworks::iati::{ImportOptions, import_str};
//!
//! let xml = r#"<iati-activities version="2.03">
//!   <iati-activity>
//!     <iati-identifier>XM-DAC-41121-2023-ARG</iati-identifier>
//!     <reporting-org ref="XM-DAC-41121"><narrative>UNHCR</narrative></reporting-org>
//!     <title><narrative>Argentina</narrative></title>
//!     <tag vocabulary="2" code="16"/>
//!   </iati-activity>
//! </iati-activities>"#;
//! let import = import_str(xml, "unhcr.xml", &ImportOptions::new("iati-unhcr".parse()?))?;
//! let programme = &import.framework.programmes[0];
//! assert_eq!(programme.id.as_str(), "XM-DAC-41121-2023-ARG");
//! assert_eq!(programme.sdg[0].to_string(), "16");
//! assert!(import.report.is_empty());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod convert;
mod crosswalk;
mod labels;
mod name;
mod rules;
mod seen;
mod xml;

use std::io::BufRead;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

pub use crosswalk::Crosswalk;

use crate::format::printable;
use crate::validate::{Config, Report};
use crate::{Framework, FrameworkId, FrameworkKind};

/// Why an IATI file could not be read at all. Problems within activities
/// are findings in [`Import::report`] instead.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum IatiError {
    /// The XML is malformed, or the file is not an IATI activity file.
    #[error("{}:{line}:{column}: {}", printable(file), printable(message))]
    Xml {
        /// The file, as named to the reader.
        file: String,
        /// The line, from 1.
        line: usize,
        /// The column, in bytes from 1.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// The file is of a version of the standard this crate does not read.
    #[error(
        "{}:{line}:{column}: IATI version {} is not read: only versions 2.01 to 2.03 are; convert the file to 2.03 (IATI publishes a converter from 1.x)",
        printable(file),
        printable(version)
    )]
    Version {
        /// The file.
        file: String,
        /// The line of `iati-activities`.
        line: usize,
        /// Its column.
        column: usize,
        /// The version the file states.
        version: String,
    },
    /// A file could not be opened.
    #[error("cannot read {}: {source}", printable(&path.display().to_string()))]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
}

/// How to import: the framework's id and title, the crosswalk, the day
/// dates are checked against, and which rules to report.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct ImportOptions {
    /// The id of the framework the activities go into.
    pub framework: FrameworkId,
    /// Its title; by default one naming the files.
    pub title: Option<String>,
    /// Publisher codes to link to framework elements.
    pub crosswalk: Option<Crosswalk>,
    /// The day `iati/date-in-future` checks against; without one that rule
    /// does not run (the library never reads the clock).
    pub today: Option<NaiveDate>,
    /// Which findings to report, and how severely.
    pub config: Config,
}

impl ImportOptions {
    /// Imports into a framework `framework`, with no crosswalk and no day.
    pub fn new(framework: FrameworkId) -> Self {
        ImportOptions {
            framework,
            title: None,
            crosswalk: None,
            today: None,
            config: Config::default(),
        }
    }

    /// The same, with `crosswalk`.
    #[must_use]
    pub fn with_crosswalk(mut self, crosswalk: Crosswalk) -> Self {
        self.crosswalk = Some(crosswalk);
        self
    }

    /// The same, checking dates against `today`.
    #[must_use]
    pub fn with_today(mut self, today: NaiveDate) -> Self {
        self.today = Some(today);
        self
    }
}

/// What an import gives: the framework of projects and the findings on the
/// way.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Import {
    /// The activities as a framework of kind `other`.
    pub framework: Framework,
    /// The `iati/` findings (and `format/sdg-code-case` for SDG codes in
    /// upper case), in file order.
    pub report: Report,
    /// How many activities were read, including those left out.
    pub activities: usize,
}

/// A framework id for the activities of `path`: `iati-` and the file's
/// name in lower-case words (`UNHCR-Activities-2023.xml` →
/// `iati-unhcr-activities-2023`).
///
/// ```
/// use ilo_frameworks::iati::framework_id_for;
///
/// assert_eq!(framework_id_for("data/UNHCR-Activities-2023.xml").as_str(), "iati-unhcr-activities-2023");
/// assert_eq!(framework_id_for("x/__.xml").as_str(), "iati");
/// ```
pub fn framework_id_for(path: impl AsRef<Path>) -> FrameworkId {
    let stem = path
        .as_ref()
        .file_stem()
        .map(|s| s.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let mut id = String::from("iati");
    for word in stem
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if id.len() + 1 + word.len() > crate::MAX_ID_LEN {
            break;
        }
        id.push('-');
        id.push_str(word);
    }
    id.parse()
        .unwrap_or_else(|_| "iati".parse().expect("a valid framework id"))
}

/// Imports the activities of XML `text`, named `file` in findings.
///
/// # Errors
/// As [`import_reader`].
pub fn import_str(text: &str, file: &str, options: &ImportOptions) -> Result<Import, IatiError> {
    import_readers(vec![(file.to_owned(), text.as_bytes())], options)
}

/// Imports the activities read from `input`, named `file` in findings.
///
/// # Errors
/// [`IatiError::Xml`] when the XML is malformed or not an IATI activity
/// file, [`IatiError::Version`] for a version other than 2.01–2.03.
pub fn import_reader(input: impl BufRead, file: &str, options: &ImportOptions) -> Result<Import, IatiError> {
    import_readers(vec![(file.to_owned(), input)], options)
}

/// Imports the activities of several files into one framework, as
/// published together: relations between activities of different files
/// become links, and an identifier in two files is reported.
///
/// # Errors
/// [`IatiError::Io`] when a file cannot be opened, else as
/// [`import_reader`].
pub fn import_files(paths: &[impl AsRef<Path>], options: &ImportOptions) -> Result<Import, IatiError> {
    let mut inputs = Vec::new();
    for path in paths {
        let path = path.as_ref();
        let file = std::fs::File::open(path).map_err(|source| IatiError::Io {
            path: path.to_owned(),
            source,
        })?;
        inputs.push((path.display().to_string(), std::io::BufReader::new(file)));
    }
    import_readers(inputs, options)
}

/// The last part of a file's path, which names it in titles and
/// provenance without the folders of the machine that read it.
pub(crate) fn file_name(file: &str) -> &str {
    file.rsplit(['/', '\\']).next().unwrap_or(file)
}

fn import_readers<R: BufRead>(inputs: Vec<(String, R)>, options: &ImportOptions) -> Result<Import, IatiError> {
    let title = options.title.clone().unwrap_or_else(|| {
        let files: Vec<&str> = inputs.iter().map(|(file, _)| file_name(file)).collect();
        format!("IATI activities of {}", files.join(", "))
    });
    let mut framework = Framework::new(options.framework.clone(), FrameworkKind::Other, title);
    let mut importer = convert::Importer::new(options);
    let mut activities = 0;
    for (file, input) in inputs {
        let mut reader = xml::Activities::new(input, &file);
        importer.start_file(&file);
        while let Some(activity) = reader.next_activity()? {
            activities += 1;
            framework.programmes.extend(importer.add(activity));
        }
    }
    let (links, report) = importer.finish(&mut framework.programmes);
    framework.links = links;
    Ok(Import {
        framework,
        report,
        activities,
    })
}

/// Reads the activities of one file one at a time, keeping none: memory
/// follows the largest activity (and the identifiers read, to report a
/// duplicate), not the file. Made by [`stream`].
///
/// Each item is the programme of one activity, with its findings; a
/// relation is not resolved into a link, since the activity it names may
/// come later: every relation the activity states is in
/// `activity.related` (what [`import_reader`] keeps there are those it
/// could not make links of).
///
/// ```
/// use ilo_frameworks::iati::{ImportOptions, stream};
///
/// let xml = "<iati-activities version=\"2.03\">
///   <iati-activity><iati-identifier>AA-1-A</iati-identifier></iati-activity>
///   <iati-activity><iati-identifier>AA-1-B</iati-identifier></iati-activity>
/// </iati-activities>";
/// let options = ImportOptions::new("iati-aa".parse()?);
/// let mut ids = Vec::new();
/// for item in stream(xml.as_bytes(), "aa.xml", &options) {
///     let item = item?;
///     ids.extend(item.programme.map(|p| p.id.to_string()));
/// }
/// assert_eq!(ids, ["AA-1-A", "AA-1-B"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct Stream<'o, R: BufRead> {
    reader: xml::Activities<R>,
    importer: convert::Importer<'o>,
    /// Whether the file proved unreadable: the stream ends after the error.
    failed: bool,
}

/// One activity of a [`Stream`]: its programme (`None` when it is left
/// out) and the findings on it.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Streamed {
    /// The activity as a programme.
    pub programme: Option<crate::Programme>,
    /// What reading it found.
    pub findings: Vec<crate::validate::Diagnostic>,
}

/// A [`Stream`] of the activities read from `input`, named `file` in
/// findings.
pub fn stream<'o, R: BufRead>(input: R, file: &str, options: &'o ImportOptions) -> Stream<'o, R> {
    let mut importer = convert::Importer::new(options);
    importer.start_file(file);
    Stream {
        reader: xml::Activities::new(input, file),
        importer,
        failed: false,
    }
}

impl<R: BufRead> Iterator for Stream<'_, R> {
    type Item = Result<Streamed, IatiError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        match self.reader.next_activity() {
            Ok(Some(activity)) => {
                let programme = self.importer.add(activity);
                // A stream resolves no relation: none is kept for later.
                self.importer.forget_relations();
                let findings = std::mem::take(&mut self.importer.findings.out);
                Some(Ok(Streamed { programme, findings }))
            }
            Ok(None) => None,
            Err(error) => {
                self.failed = true;
                Some(Err(error))
            }
        }
    }
}
