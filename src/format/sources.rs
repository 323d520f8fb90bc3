//! Where each element of a framework file was written, so that a finding
//! can point at the file, line and column.

use foldhash::HashMap;
use std::ops::Range;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::lines::LineIndex;
use super::{Document, Format, Holds, LoadError, read, read_path};
use crate::{ElementCode, Error, Framework, FrameworkId, FrameworkSet, ProgressReport, Ref};

/// A place in a framework, as a finding names it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Location {
    /// The framework as a whole (its `id`).
    Framework(FrameworkId),
    /// An element: its whole table.
    Element(Ref),
    /// One field of an element or framework (`Ref::Framework` for the
    /// framework's own fields).
    Field(Ref, String),
    /// One item of a list field.
    Item(Ref, String, usize),
    /// The `index`-th stated link of a framework, from 0.
    Link(FrameworkId, usize),
    /// The `index`-th claim of a framework, from 0.
    Claim(FrameworkId, usize),
    /// The `n`-th element (from 0) written with this reference, where a
    /// file repeats one.
    Repeat(Ref, usize),
}

/// A file's name and text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// The name the file was loaded under.
    pub name: String,
    /// Its whole text, for a TOML file. A JSON file's findings point at no
    /// line (its reader keeps no positions), so its text is not kept: it
    /// is empty here.
    pub text: Arc<str>,
}

/// A place in a file: byte offset and length, and the line and column
/// (both from 1, the column in characters) where it starts.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub struct Span {
    /// The file's name.
    pub file: String,
    /// The line, from 1.
    pub line: usize,
    /// The column, from 1, in characters.
    pub column: usize,
    /// The byte offset in the file.
    pub offset: usize,
    /// The length in bytes.
    pub length: usize,
}

/// The files frameworks were read from, and where in them each element,
/// field, link and claim was written.
///
/// Load files through a source map to have validation findings point at
/// them:
///
/// ```
/// use ilo_frameworks::format::{Location, SourceMap};
///
/// let text = "id = \"mine\"\nkind = \"other\"\ntitle = \"Mine\"\n\n[[outcomes]]\ncode = \"1\"\ntitle = \"One\"\n";
/// let mut sources = SourceMap::new();
/// let framework = sources.add_toml(text, "mine.toml")?;
/// let span = sources.span(&Location::Element("mine:1".parse()?)).expect("recorded");
/// assert_eq!((span.file.as_str(), span.line), ("mine.toml", 5));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct SourceMap {
    files: Vec<SourceFile>,
    /// Each file's lines, indexed when a place in it is first asked for.
    lines: Vec<OnceLock<LineIndex>>,
    /// The first file of each name.
    by_name: HashMap<String, usize>,
    /// Every place each location was written, in file order (more than one
    /// where a file repeats a reference).
    spans: HashMap<Location, Vec<(usize, Range<usize>)>>,
    /// The items of each list field (keyed by its [`Location::Field`]) where
    /// it was first written: the file and each item's place. Kept apart,
    /// one range per item, because a list can hold millions of items.
    items: HashMap<Location, (usize, Vec<Range<usize>>)>,
}

impl SourceMap {
    /// An empty map.
    pub fn new() -> Self {
        SourceMap::default()
    }

    /// The files, in the order they were added.
    pub fn files(&self) -> &[SourceFile] {
        &self.files
    }

    /// Reads a framework from TOML text and records where its parts are.
    ///
    /// # Errors
    /// As [`Framework::from_toml_str`].
    pub fn add_toml(&mut self, text: &str, origin: &str) -> Result<Framework, LoadError> {
        let framework = Framework::from_toml_str(text, origin)?;
        let file = self.push_file(text, origin);
        // The text has just been read, so it parses; spans are a help, not a need.
        if let Ok(document) = DeTable::parse(text) {
            Recorder {
                map: self,
                file,
                framework: &framework.id,
            }
            .document(document.get_ref());
        }
        Ok(framework)
    }

    /// Reads a progress report from TOML text and records where its parts
    /// are: the report's fields under `Ref::Framework(report id)`, each
    /// observation as an item of its list (`deliverables`, `targets`,
    /// `indicators`).
    ///
    /// # Errors
    /// As [`ProgressReport::from_toml_str`].
    pub fn add_report_toml(&mut self, text: &str, origin: &str) -> Result<ProgressReport, LoadError> {
        let report = ProgressReport::from_toml_str(text, origin)?;
        let file = self.push_file(text, origin);
        if let Ok(document) = DeTable::parse(text) {
            Recorder {
                map: self,
                file,
                framework: &report.id,
            }
            .report(document.get_ref());
        }
        Ok(report)
    }

    /// Reads a progress report from JSON text; findings name the file but
    /// no line.
    ///
    /// # Errors
    /// As [`ProgressReport::from_json_str`].
    pub fn add_report_json(&mut self, text: &str, origin: &str) -> Result<ProgressReport, LoadError> {
        let report: ProgressReport = read(text, Format::Json, origin)?;
        let file = self.push_file("", origin);
        self.whole_file(&report.id, file);
        Ok(report)
    }

    /// Records a file's text; its index in [`SourceMap::files`].
    fn push_file(&mut self, text: &str, origin: &str) -> usize {
        self.push(SourceFile {
            name: origin.to_owned(),
            text: text.into(),
        })
    }

    fn push(&mut self, file: SourceFile) -> usize {
        let index = self.files.len();
        self.by_name.entry(file.name.clone()).or_insert(index);
        self.files.push(file);
        self.lines.push(OnceLock::new());
        index
    }

    /// The line index of file `file`, made on first use.
    fn index(&self, file: usize) -> &LineIndex {
        self.lines[file].get_or_init(|| LineIndex::new(&self.files[file].text))
    }

    /// Points a document read from JSON (which keeps no positions) at its file.
    fn whole_file(&mut self, id: &FrameworkId, file: usize) {
        self.spans.insert(Location::Framework(id.clone()), vec![(file, 0..0)]);
    }

    /// Records that the framework `id` was read from `origin`, a file whose
    /// text is not kept (an IATI activity file, read as it streams by):
    /// findings on the framework name the file but no line.
    pub fn add_unkept(&mut self, id: &FrameworkId, origin: &str) {
        let file = self.push_file("", origin);
        self.whole_file(id, file);
    }

    /// Reads a set of frameworks and reports from TOML text
    /// (`[[frameworks]]`, `[[reports]]`) and records where each one's parts
    /// are, as [`SourceMap::add_toml`] and [`SourceMap::add_report_toml`] do.
    ///
    /// # Errors
    /// As [`FrameworkSet::from_toml_str`].
    pub fn add_set_toml(&mut self, text: &str, origin: &str) -> Result<FrameworkSet, LoadError> {
        let set = FrameworkSet::from_toml_str(text, origin)?;
        let file = self.push_file(text, origin);
        if let Ok(document) = DeTable::parse(text) {
            let tables = |key: &str| match document.get_ref().get(key).map(Spanned::get_ref) {
                Some(DeValue::Array(items)) => items
                    .iter()
                    .filter_map(|item| match item.get_ref() {
                        DeValue::Table(table) => Some(table),
                        _ => None,
                    })
                    .collect(),
                _ => Vec::new(),
            };
            // The set has just been read, so its tables are its documents in order.
            for (framework, table) in set.iter().zip(tables("frameworks")) {
                Recorder {
                    map: self,
                    file,
                    framework: &framework.id,
                }
                .document(table);
            }
            for (report, table) in set.reports().zip(tables("reports")) {
                Recorder {
                    map: self,
                    file,
                    framework: &report.id,
                }
                .report(table);
            }
        }
        Ok(set)
    }

    /// Reads a set of frameworks and reports from JSON text; findings name
    /// the file but no line.
    ///
    /// # Errors
    /// As [`FrameworkSet::from_json_str`].
    pub fn add_set_json(&mut self, text: &str, origin: &str) -> Result<FrameworkSet, LoadError> {
        let set: FrameworkSet = read(text, Format::Json, origin)?;
        let file = self.push_file("", origin);
        for id in set.iter().map(|f| &f.id).chain(set.reports().map(|r| &r.id)) {
            self.whole_file(id, file);
        }
        Ok(set)
    }

    /// Reads text holding a framework, a progress report or a set of them
    /// (see [`Document::read`]) and records where its parts are.
    ///
    /// # Errors
    /// A [`LoadError`] with the line and column of the first problem.
    pub fn add_document(&mut self, text: &str, format: Format, origin: &str) -> Result<Document, LoadError> {
        Ok(match (format, super::holds(text, format)) {
            (Format::Toml, Holds::Framework) => Document::Framework(self.add_toml(text, origin)?),
            (Format::Json, Holds::Framework) => Document::Framework(self.add_json(text, origin)?),
            (Format::Toml, Holds::Report) => Document::Report(self.add_report_toml(text, origin)?),
            (Format::Json, Holds::Report) => Document::Report(self.add_report_json(text, origin)?),
            (Format::Toml, Holds::Set) => Document::Set(self.add_set_toml(text, origin)?),
            (Format::Json, Holds::Set) => Document::Set(self.add_set_json(text, origin)?),
        })
    }

    /// Reads a `.toml` or `.json` file holding a framework, a progress
    /// report or a set of them, and records it.
    ///
    /// # Errors
    /// As [`SourceMap::load`].
    pub fn load_document(&mut self, path: impl AsRef<Path>) -> Result<Document, Error> {
        let (format, text, origin) = read_path(path.as_ref())?;
        Ok(self.add_document(&text, format, &origin)?)
    }

    /// Forgets where the framework or report `id` was written, as when a
    /// user's file replaces a built-in of the same id (forget it, then
    /// [`append`](SourceMap::append) the map the user's file was read into).
    pub fn forget(&mut self, id: &FrameworkId) {
        self.spans.retain(|location, _| location_document(location) != Some(id));
        self.items.retain(|location, _| location_document(location) != Some(id));
    }

    /// Adds the files and places of `other`, after this map's own.
    pub fn append(&mut self, mut other: SourceMap) {
        let offset = self.files.len();
        for file in std::mem::take(&mut other.files) {
            self.push(file);
        }
        for places in other.spans.values_mut() {
            places.iter_mut().for_each(|(file, _)| *file += offset);
        }
        other.items.values_mut().for_each(|(file, _)| *file += offset);
        // Whichever map is smaller is added to the larger, so that adding a
        // large file's places to the built-ins' does not hash them again.
        // This map's places stay first, and its items win.
        if other.spans.len() > self.spans.len() {
            std::mem::swap(&mut self.spans, &mut other.spans);
            for (location, mut places) in other.spans {
                let later = self.spans.entry(location).or_default();
                places.append(later);
                *later = places;
            }
        } else {
            for (location, places) in other.spans {
                self.spans.entry(location).or_default().extend(places);
            }
        }
        if other.items.len() > self.items.len() {
            std::mem::swap(&mut self.items, &mut other.items);
            self.items.extend(other.items);
        } else {
            for (location, items) in other.items {
                self.items.entry(location).or_insert(items);
            }
        }
    }

    /// Reads a framework from JSON text. JSON carries no positions the
    /// reader keeps, so findings name the file but no line.
    ///
    /// # Errors
    /// As [`Framework::from_json_str`].
    pub fn add_json(&mut self, text: &str, origin: &str) -> Result<Framework, LoadError> {
        let framework: Framework = read(text, Format::Json, origin)?;
        let file = self.push_file("", origin);
        self.whole_file(&framework.id, file);
        Ok(framework)
    }

    /// Reads a `.toml` or `.json` framework file and records it.
    ///
    /// # Errors
    /// As [`Framework::load`].
    pub fn load(&mut self, path: impl AsRef<Path>) -> Result<Framework, Error> {
        let (format, text, origin) = read_path(path.as_ref())?;
        Ok(match format {
            Format::Toml => self.add_toml(&text, &origin)?,
            Format::Json => self.add_json(&text, &origin)?,
        })
    }

    /// Where `location` was written, falling back to the element or the
    /// framework that holds it.
    pub fn span(&self, location: &Location) -> Option<Span> {
        let mut at = Some(location.clone());
        while let Some(location) = at {
            let found = match &location {
                Location::Repeat(r, n) => self
                    .spans
                    .get(&Location::Element(r.clone()))
                    .and_then(|all| all.get(*n))
                    .map(|(file, range)| (*file, range)),
                Location::Item(r, field, i) => self
                    .items
                    .get(&Location::Field(r.clone(), field.clone()))
                    .and_then(|(file, ranges)| ranges.get(*i).map(|range| (*file, range))),
                other => self
                    .spans
                    .get(other)
                    .and_then(|all| all.first())
                    .map(|(file, range)| (*file, range)),
            };
            if let Some((file, range)) = found {
                return Some(self.make_span(file, range.clone()));
            }
            at = parent(&location);
        }
        None
    }

    fn make_span(&self, file: usize, range: Range<usize>) -> Span {
        let source = &self.files[file];
        let (line, column) = self.index(file).line_column(&source.text, range.start);
        Span {
            file: source.name.clone(),
            line,
            column,
            offset: range.start,
            length: range.end.saturating_sub(range.start),
        }
    }

    /// The text of the file a span points into.
    pub fn text_of(&self, span: &Span) -> Option<&str> {
        self.by_name.get(&span.file).map(|&file| &*self.files[file].text)
    }

    /// The lines around the start of a span, for showing a finding in its
    /// place: the line it starts on with up to `context` lines before and
    /// after it, cut to at most [`SourceLines::REACH`] bytes on either side
    /// of the span's start (a line can be as long as a file). Found without
    /// reading the file from its start, so showing every finding of a large
    /// file costs in proportion to the findings.
    ///
    /// ```
    /// use ilo_frameworks::format::{Location, SourceMap};
    ///
    /// let text = "id = \"mine\"\nkind = \"other\"\ntitle = \"Mine\"\n\n[[outcomes]]\ncode = \"1\"\ntitle = \"One\"\n";
    /// let mut sources = SourceMap::new();
    /// sources.add_toml(text, "mine.toml")?;
    /// let span = sources.span(&Location::Element("mine:1".parse()?)).expect("recorded");
    /// let lines = sources.lines_around(&span, 1).expect("the file is in the map");
    /// assert_eq!(lines.text, "\n[[outcomes]]\ncode = \"1\"");
    /// assert_eq!((lines.line, lines.column, lines.offset), (4, 1, 42));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn lines_around(&self, span: &Span, context: usize) -> Option<SourceLines<'_>> {
        let file = *self.by_name.get(&span.file)?;
        let text = &*self.files[file].text;
        // A file whose text is not kept (JSON, XML) shows no lines.
        if text.is_empty() {
            return None;
        }
        let index = self.index(file);
        // A span from elsewhere may point past the end; it shows the end.
        let offset = span.offset.min(text.len());
        let (line, _) = index.line_column(text, offset);
        let lines = index.lines(line.saturating_sub(context), line.saturating_add(context));
        let mut start = lines.start.max(offset.saturating_sub(SourceLines::REACH));
        while !text.is_char_boundary(start) {
            start += 1;
        }
        let mut end = lines.end.min(offset.saturating_add(SourceLines::REACH)).max(start);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let (line, column) = index.line_column(text, start);
        Some(SourceLines {
            text: &text[start..end.max(start)],
            line,
            column,
            offset: start,
        })
    }
}

/// Lines of a file around a place, as [`SourceMap::lines_around`] finds
/// them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct SourceLines<'a> {
    /// The lines, without the last one's end of line; the first may start
    /// inside its line and the last end inside its, where they are long.
    pub text: &'a str,
    /// The line `text` starts on, from 1.
    pub line: usize,
    /// The column `text` starts at, from 1, in characters.
    pub column: usize,
    /// The byte offset in the file where `text` starts.
    pub offset: usize,
}

impl SourceLines<'_> {
    /// The most bytes kept on either side of the place asked about.
    pub const REACH: usize = 1024;
}

/// The framework or report a location is in.
fn location_document(location: &Location) -> Option<&FrameworkId> {
    match location {
        Location::Framework(id) | Location::Link(id, _) | Location::Claim(id, _) => Some(id),
        Location::Element(r) | Location::Field(r, _) | Location::Item(r, _, _) | Location::Repeat(r, _) => {
            r.framework()
        }
    }
}

/// The next larger place that holds `location`.
fn parent(location: &Location) -> Option<Location> {
    match location {
        Location::Item(r, field, _) => Some(Location::Field(r.clone(), field.clone())),
        Location::Field(r, _) => Some(element_or_framework(r)),
        Location::Repeat(r, _) => Some(Location::Element(r.clone())),
        Location::Element(r) => r.framework().map(|f| Location::Framework(f.clone())),
        Location::Link(f, _) | Location::Claim(f, _) => Some(Location::Framework(f.clone())),
        Location::Framework(_) => None,
    }
}

fn element_or_framework(r: &Ref) -> Location {
    match r {
        Ref::Framework(f) => Location::Framework(f.clone()),
        other => Location::Element(other.clone()),
    }
}

struct Recorder<'a> {
    map: &'a mut SourceMap,
    file: usize,
    framework: &'a FrameworkId,
}

impl Recorder<'_> {
    fn put(&mut self, location: Location, span: Range<usize>) {
        self.map.spans.entry(location).or_default().push((self.file, span));
    }

    /// Records the framework's fields, then its elements in the order the
    /// model lists them (outcomes with their outputs, programmes,
    /// deliverables), so that a repeated reference's n-th place is its n-th
    /// element.
    fn document(&mut self, table: &DeTable<'_>) {
        let framework_ref = Ref::Framework(self.framework.clone());
        for (key, value) in table.iter() {
            let key = key.get_ref().as_ref();
            match (key, value.get_ref()) {
                ("id", _) => self.put(Location::Framework(self.framework.clone()), value.span()),
                ("outcomes" | "programmes" | "deliverables", _) => {
                    self.put(Location::Field(framework_ref.clone(), key.to_owned()), value.span());
                }
                ("links", DeValue::Array(items)) => {
                    for (i, item) in items.iter().enumerate() {
                        self.put(Location::Link(self.framework.clone(), i), item.span());
                    }
                }
                ("claims", DeValue::Array(items)) => {
                    for (i, item) in items.iter().enumerate() {
                        self.put(Location::Claim(self.framework.clone(), i), item.span());
                    }
                }
                (field, _) => self.field(&framework_ref, field, value),
            }
        }
        if let Some(DeValue::Array(outcomes)) = table.get("outcomes").map(Spanned::get_ref) {
            for outcome in outcomes.iter() {
                self.element(outcome, "code");
                if let DeValue::Table(fields) = outcome.get_ref()
                    && let Some(outputs) = fields.get("outputs")
                {
                    self.elements(outputs, "code");
                }
            }
        }
        if let Some(programmes) = table.get("programmes") {
            self.elements(programmes, "id");
        }
        if let Some(deliverables) = table.get("deliverables") {
            self.elements(deliverables, "code");
        }
    }

    /// Records a progress report's fields under `Ref::Framework(report id)`;
    /// its observations are items of their lists.
    fn report(&mut self, table: &DeTable<'_>) {
        let owner = Ref::Framework(self.framework.clone());
        for (key, value) in table.iter() {
            match key.get_ref().as_ref() {
                "id" => self.put(Location::Framework(self.framework.clone()), value.span()),
                field => self.field(&owner, field, value),
            }
        }
    }

    fn elements(&mut self, list: &Spanned<DeValue<'_>>, code_key: &str) {
        if let DeValue::Array(items) = list.get_ref() {
            for item in items.iter() {
                self.element(item, code_key);
            }
        }
    }

    /// Records an element's table and fields.
    fn element(&mut self, item: &Spanned<DeValue<'_>>, code_key: &str) {
        let DeValue::Table(table) = item.get_ref() else { return };
        let code = match table.get(code_key).map(Spanned::get_ref) {
            Some(DeValue::String(code)) => ElementCode::from_valid(code.as_ref()),
            _ => return,
        };
        let reference = Ref::element(self.framework.clone(), code);
        self.put(Location::Element(reference.clone()), item.span());
        for (key, value) in table.iter() {
            let key = key.get_ref().as_ref();
            if key != "outputs" {
                self.field(&reference, key, value);
            }
        }
    }

    fn field(&mut self, owner: &Ref, field: &str, value: &Spanned<DeValue<'_>>) {
        let location = Location::Field(owner.clone(), field.to_owned());
        if let DeValue::Array(items) = value.get_ref() {
            let ranges = items.iter().map(Spanned::span).collect();
            self.map.items.entry(location.clone()).or_insert((self.file, ranges));
        }
        self.put(location, value.span());
    }
}
