//! Reading an IATI activity file one activity at a time: each
//! `iati-activity` becomes a small tree of its elements, with the line and
//! column each starts at, and is handed on before the next is read, so
//! memory follows the largest activity and not the file.
//!
//! Elements and attributes with a namespace prefix (`unhcr:value-USD`,
//! `dstore:dataset`) belong to other vocabularies and are skipped, as the
//! IATI standard allows.

use std::io::BufRead;

use quick_xml::events::{BytesStart, Event};

use super::IatiError;

/// An element's attributes: names and values, in the order written.
pub(crate) type Attributes = Vec<(Box<str>, Box<str>)>;

/// One element of an activity: its name, attributes, text and children.
#[derive(Debug, Default)]
pub(crate) struct Node {
    pub(crate) name: Box<str>,
    pub(crate) attributes: Attributes,
    pub(crate) text: String,
    pub(crate) children: Vec<Node>,
    pub(crate) line: usize,
    pub(crate) column: usize,
    /// The byte offset of the element's `<` in the file.
    pub(crate) offset: usize,
}

impl Node {
    /// The value of attribute `name`, as written.
    pub(crate) fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes.iter().find(|(n, _)| &**n == name).map(|(_, v)| &**v)
    }

    /// The first child named `name`.
    pub(crate) fn child(&self, name: &str) -> Option<&Node> {
        self.children.iter().find(|c| &*c.name == name)
    }

    /// The children named `name`, in order.
    pub(crate) fn children<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Node> + 'a {
        self.children.iter().filter(move |c| &*c.name == name)
    }

    /// The text of the first `narrative` child, as written.
    pub(crate) fn narrative(&self) -> Option<&str> {
        self.child("narrative").map(|n| n.text.as_str())
    }
}

/// Bytes read so far and where the last line began, so that every element
/// can be placed by line and column without keeping the text.
struct Counted<R> {
    inner: R,
    offset: u64,
    line: usize,
    line_start: u64,
}

impl<R: BufRead> std::io::Read for Counted<R> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        let available = self.fill_buf()?;
        let n = available.len().min(out.len());
        out[..n].copy_from_slice(&available[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Counted<R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amount: usize) {
        if let Ok(buffer) = self.inner.fill_buf() {
            let consumed = &buffer[..amount.min(buffer.len())];
            for newline in memchr::memchr_iter(b'\n', consumed) {
                self.line += 1;
                self.line_start = self.offset + newline as u64 + 1;
            }
        }
        self.offset += amount as u64;
        self.inner.consume(amount);
    }
}

/// A streaming reader of the activities of one IATI file.
pub(crate) struct Activities<R: BufRead> {
    xml: quick_xml::Reader<Counted<R>>,
    buffer: Vec<u8>,
    file: String,
    /// The `version` of `iati-activities`, once read.
    pub(crate) version: Option<String>,
    done: bool,
}

/// Where the reader stood before an event: its line and column.
#[derive(Clone, Copy)]
struct Place {
    line: usize,
    column: usize,
    offset: u64,
}

impl<R: BufRead> Activities<R> {
    /// A reader of `input`, named `file` in errors.
    pub(crate) fn new(input: R, file: &str) -> Self {
        let counted = Counted {
            inner: input,
            offset: 0,
            line: 1,
            line_start: 0,
        };
        let mut xml = quick_xml::Reader::from_reader(counted);
        xml.config_mut().expand_empty_elements = false;
        xml.config_mut().check_end_names = true;
        Activities {
            xml,
            buffer: Vec::new(),
            file: file.to_owned(),
            version: None,
            done: false,
        }
    }

    fn place(&self) -> Place {
        let counted = self.xml.get_ref();
        Place {
            line: counted.line,
            column: usize::try_from(counted.offset - counted.line_start).unwrap_or(usize::MAX) + 1,
            offset: counted.offset,
        }
    }

    fn error(&self, at: Place, message: impl Into<String>) -> IatiError {
        IatiError::Xml {
            file: self.file.clone(),
            line: at.line,
            column: at.column,
            message: message.into(),
        }
    }

    /// The next event, owned, with the place it starts at.
    fn next_event(&mut self) -> Result<(Event<'static>, Place), IatiError> {
        let at = self.place();
        self.buffer.clear();
        match self.xml.read_event_into(&mut self.buffer) {
            Ok(event) => Ok((event.into_owned(), at)),
            Err(e) => Err(self.error(at, format!("the XML is malformed: {e}"))),
        }
    }

    /// The next activity, `None` at the end of the file.
    pub(crate) fn next_activity(&mut self) -> Result<Option<Node>, IatiError> {
        if self.done {
            return Ok(None);
        }
        loop {
            let (event, at) = self.next_event()?;
            match event {
                Event::Start(start) | Event::Empty(start) if self.version.is_none() => {
                    let name = Self::name_of(&start);
                    if name != "iati-activities" {
                        return Err(self.error(
                            at,
                            format!(
                                "the file starts with <{name}>, not <iati-activities>: it is not an IATI activity file"
                            ),
                        ));
                    }
                    let version = attributes(&start, at, self)?
                        .into_iter()
                        .find(|(n, _)| &**n == "version")
                        .map(|(_, v)| v.into_string());
                    let Some(version) = version else {
                        return Err(self.error(
                            at,
                            "<iati-activities> has no version: write version=\"2.03\" (versions 2.01 to 2.03 are read)",
                        ));
                    };
                    if !matches!(version.as_str(), "2.01" | "2.02" | "2.03") {
                        return Err(IatiError::Version {
                            file: self.file.clone(),
                            line: at.line,
                            column: at.column,
                            version,
                        });
                    }
                    self.version = Some(version);
                }
                Event::Start(start) => {
                    let name = Self::name_of(&start);
                    if name.contains(':') {
                        self.skip(at)?;
                        continue;
                    }
                    if name != "iati-activity" {
                        return Err(self.error(
                            at,
                            format!("<{name}> stands where an <iati-activity> should: only activities are read"),
                        ));
                    }
                    let mut root = node(&start, name, at, self)?;
                    self.fill(&mut root)?;
                    return Ok(Some(root));
                }
                Event::Empty(start) => {
                    let name = Self::name_of(&start);
                    if name == "iati-activity" {
                        return Ok(Some(node(&start, name, at, self)?));
                    }
                }
                Event::End(_) => {}
                Event::Eof => {
                    self.done = true;
                    if self.version.is_none() {
                        return Err(self.error(at, "the file holds no <iati-activities> element"));
                    }
                    return Ok(None);
                }
                Event::Text(text) if self.version.is_none() && !text.trim().is_empty() => {
                    return Err(self.error(
                        at,
                        "the file starts with text, not <iati-activities>: it is not an IATI activity file",
                    ));
                }
                Event::Text(_)
                | Event::CData(_)
                | Event::Comment(_)
                | Event::Decl(_)
                | Event::PI(_)
                | Event::DocType(_)
                | Event::GeneralRef(_) => {}
            }
        }
    }

    fn name_of(start: &BytesStart<'_>) -> String {
        start.name().as_ref().to_owned()
    }

    /// Reads the children and text of `parent` up to its end tag.
    fn fill(&mut self, parent: &mut Node) -> Result<(), IatiError> {
        let mut stack: Vec<Node> = Vec::new();
        loop {
            let (event, at) = self.next_event()?;
            let current = stack.last_mut().unwrap_or(&mut *parent);
            match event {
                Event::Start(start) => {
                    let name = Self::name_of(&start);
                    if name.contains(':') {
                        self.skip(at)?;
                        continue;
                    }
                    let child = node(&start, name, at, self)?;
                    stack.push(child);
                }
                Event::Empty(start) => {
                    let name = Self::name_of(&start);
                    if !name.contains(':') {
                        let child = node(&start, name, at, self)?;
                        stack.last_mut().unwrap_or(&mut *parent).children.push(child);
                    }
                }
                Event::End(_) => match stack.pop() {
                    Some(done) => stack.last_mut().unwrap_or(&mut *parent).children.push(done),
                    None => return Ok(()),
                },
                Event::Text(text) => current.text.push_str(&text.xml10_content()),
                Event::CData(data) => current.text.push_str(&data),
                Event::GeneralRef(reference) => {
                    let resolved = match reference.resolve_char_ref() {
                        Ok(Some(c)) => Some(c.to_string()),
                        Ok(None) => quick_xml::escape::resolve_predefined_entity(&reference).map(str::to_owned),
                        Err(_) => None,
                    };
                    match resolved {
                        Some(text) => current.text.push_str(&text),
                        None => {
                            return Err(self.error(at, format!("the entity &{}; is not one XML defines", &*reference)));
                        }
                    }
                }
                Event::Eof => return Err(self.error(at, format!("the file ends inside <{}>", parent.name))),
                Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
            }
        }
    }

    /// Skips a foreign element and everything in it.
    fn skip(&mut self, at: Place) -> Result<(), IatiError> {
        let mut depth = 1usize;
        while depth > 0 {
            match self.next_event()?.0 {
                Event::Start(_) => depth += 1,
                Event::End(_) => depth -= 1,
                Event::Eof => return Err(self.error(at, "the file ends inside an element")),
                _ => {}
            }
        }
        Ok(())
    }
}

/// A node for `start`, with its unprefixed attributes (and `xml:lang`).
fn node<R: BufRead>(
    start: &BytesStart<'_>,
    name: String,
    at: Place,
    reader: &Activities<R>,
) -> Result<Node, IatiError> {
    Ok(Node {
        name: name.into(),
        attributes: attributes(start, at, reader)?,
        text: String::new(),
        children: Vec::new(),
        line: at.line,
        column: at.column,
        offset: usize::try_from(at.offset).unwrap_or(usize::MAX),
    })
}

fn attributes<R: BufRead>(start: &BytesStart<'_>, at: Place, reader: &Activities<R>) -> Result<Attributes, IatiError> {
    let mut out = Vec::new();
    for attribute in start.attributes() {
        let attribute = attribute.map_err(|e| reader.error(at, format!("an attribute is malformed: {e}")))?;
        let key: &str = attribute.key.as_ref();
        if key.contains(':') && key != "xml:lang" {
            continue;
        }
        let value = attribute
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(|e| reader.error(at, format!("the attribute {key} is malformed: {e}")))?;
        out.push((key.into(), value.into()));
    }
    Ok(out)
}
