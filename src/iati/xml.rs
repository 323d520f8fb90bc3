//! Reading an IATI activity file one activity at a time: each
//! `iati-activity` becomes a small tree of its elements, with the line,
//! column and offset each starts at, and is handed on before the next is
//! read, so memory follows the largest activity and not the file.
//!
//! The tree lives in a few vectors and one string that are cleared and
//! reused for every activity: reading allocates little once the first
//! activities are read.
//!
//! Elements and attributes with a namespace prefix (`unhcr:value-USD`,
//! `dstore:dataset`) belong to other vocabularies and are skipped, as the
//! IATI standard allows; so are the elements the converter does not read
//! (see [`Name::child`]), which only cost the parser's time.

use std::io::BufRead;
use std::ops::Range;

use quick_xml::events::{BytesStart, Event};

use super::IatiError;
use super::name::Name;
use super::seen::Seen;

/// No node: the end of a list of children.
const NONE: u32 = u32::MAX;

/// How large one activity's tree may grow: its parts are placed with
/// 32-bit numbers, short of [`NONE`]. A string pushed after the check may
/// pass it, by no more than one event's text.
const LIMIT: usize = (u32::MAX / 2) as usize;

/// Where an element starts: its line and column (from 1) and byte offset.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Place {
    pub(crate) line: usize,
    pub(crate) column: usize,
    pub(crate) offset: usize,
}

impl From<Node<'_>> for Place {
    fn from(node: Node<'_>) -> Self {
        node.place()
    }
}

impl From<&Node<'_>> for Place {
    fn from(node: &Node<'_>) -> Self {
        node.place()
    }
}

/// One element, as ranges into its tree.
#[derive(Debug, Clone)]
struct Element {
    name: Name,
    attributes: Range<u32>,
    text: Range<u32>,
    first_child: u32,
    last_child: u32,
    next_sibling: u32,
    place: Place,
}

/// The elements of one activity: attribute names and values and texts in
/// one string, elements and attributes as ranges into it; each element's
/// name is one of the few the converter reads.
#[derive(Debug, Default)]
pub(crate) struct Tree {
    elements: Vec<Element>,
    attributes: Vec<(Range<u32>, Range<u32>)>,
    strings: String,
}

impl Tree {
    fn clear(&mut self) {
        self.elements.clear();
        self.attributes.clear();
        self.strings.clear();
    }

    fn str(&self, range: &Range<u32>) -> &str {
        self.strings
            .get(range.start as usize..range.end as usize)
            .unwrap_or_default()
    }

    /// The bytes of a string, for comparing names without checking where
    /// characters begin.
    fn bytes(&self, range: &Range<u32>) -> &[u8] {
        self.strings
            .as_bytes()
            .get(range.start as usize..range.end as usize)
            .unwrap_or_default()
    }

    /// Adds `text` to the strings; its range.
    fn push_str(&mut self, text: &str) -> Range<u32> {
        let start = self.offset();
        self.strings.push_str(text);
        start..self.offset()
    }

    fn offset(&self) -> u32 {
        u32::try_from(self.strings.len()).unwrap_or(u32::MAX)
    }

    /// Adds text to element `index`. IATI's elements hold either text (a
    /// narrative, an identifier, a value) or other elements: the text of an
    /// element with children (the white space that lays them out) is not
    /// kept, so that no text ever has to move behind a child's strings.
    fn append_text(&mut self, index: u32, text: &str) {
        let end = self.offset();
        let Some(element) = self.elements.get_mut(index as usize) else {
            return;
        };
        if text.is_empty() || element.first_child != NONE {
            return;
        }
        if element.text.end != end {
            // Only a leaf's own text is ever written after it: nothing else
            // is pushed between the pieces of one leaf's text.
            element.text = end..end;
        }
        self.strings.push_str(text);
        let end = self.offset();
        self.elements[index as usize].text.end = end;
    }

    /// The name of element `index`.
    fn name(&self, index: u32) -> Option<Name> {
        self.elements.get(index as usize).map(|e| e.name)
    }

    /// Whether element `index` has children yet.
    fn has_children(&self, index: u32) -> bool {
        self.elements.get(index as usize).is_some_and(|e| e.first_child != NONE)
    }

    /// Adds a child of `parent` (or the root when there is none); its index.
    fn push(&mut self, parent: Option<u32>, name: Name, attributes: Range<u32>, place: Place) -> u32 {
        let index = u32::try_from(self.elements.len()).unwrap_or(NONE);
        let end = self.offset();
        self.elements.push(Element {
            name,
            attributes,
            text: end..end,
            first_child: NONE,
            last_child: NONE,
            next_sibling: NONE,
            place,
        });
        if let Some(parent) = parent.and_then(|p| self.elements.get(p as usize).map(|e| (p, e.last_child))) {
            let (parent, last) = parent;
            if last == NONE {
                self.elements[parent as usize].first_child = index;
                // The parent holds elements: the white space before them is layout.
                let start = self.elements[parent as usize].text.start;
                self.elements[parent as usize].text = start..start;
            } else {
                self.elements[last as usize].next_sibling = index;
            }
            self.elements[parent as usize].last_child = index;
        }
        index
    }

    /// The root element: the activity.
    pub(crate) fn root(&self) -> Node<'_> {
        Node { tree: self, index: 0 }
    }
}

/// One element of an activity: its name, attributes, text and children.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Node<'t> {
    tree: &'t Tree,
    index: u32,
}

impl<'t> Node<'t> {
    fn element(self) -> &'t Element {
        &self.tree.elements[self.index as usize]
    }

    /// The element's name.
    pub(crate) fn name(self) -> &'static str {
        self.element().name.as_str()
    }

    /// Its text, entities resolved and line ends normalised.
    pub(crate) fn text(self) -> &'t str {
        self.tree.str(&self.element().text)
    }

    /// Where it starts.
    pub(crate) fn place(self) -> Place {
        self.element().place
    }

    /// The line it starts on.
    pub(crate) fn line(self) -> usize {
        self.element().place.line
    }

    /// The value of attribute `name`, as written.
    pub(crate) fn attribute(self, name: &str) -> Option<&'t str> {
        let range = self.element().attributes.clone();
        let tree = self.tree;
        tree.attributes[range.start as usize..range.end as usize]
            .iter()
            .find(|(n, _)| tree.bytes(n) == name.as_bytes())
            .map(|(_, v)| tree.str(v))
    }

    /// The children, in order.
    pub(crate) fn all_children(self) -> impl Iterator<Item = Node<'t>> {
        let tree = self.tree;
        let mut next = self.element().first_child;
        std::iter::from_fn(move || {
            (next != NONE).then(|| {
                let node = Node { tree, index: next };
                next = node.element().next_sibling;
                node
            })
        })
    }

    /// The first child named `name`.
    pub(crate) fn child(self, name: Name) -> Option<Node<'t>> {
        self.children(name).next()
    }

    /// The children named `name`, in order.
    pub(crate) fn children(self, name: Name) -> impl Iterator<Item = Node<'t>> {
        self.all_children().filter(move |c| c.element().name == name)
    }

    /// How many children it has of each name, for sizing lists before
    /// they are filled.
    pub(crate) fn child_counts(self) -> ChildCounts {
        let mut counts = ChildCounts([0; Name::COUNT]);
        for child in self.all_children() {
            let count = &mut counts.0[child.element().name as usize];
            *count = count.saturating_add(1);
        }
        counts
    }

    /// The text of the first `narrative` child, as written.
    pub(crate) fn narrative(self) -> Option<&'t str> {
        self.child(Name::Narrative).map(Node::text)
    }
}

/// The number of an element's children of each name.
pub(crate) struct ChildCounts([u32; Name::COUNT]);

impl ChildCounts {
    /// The number named `name`.
    pub(crate) fn of(&self, name: Name) -> usize {
        self.0[name as usize] as usize
    }
}

/// The length up to which an event's bytes are searched byte by byte.
const SHORT: usize = 12;

/// The line a reader is on and the offset where it starts.
struct Lines {
    /// The line, from 1.
    line: usize,
    /// The offset at which it starts.
    line_start: u64,
}

impl Lines {
    /// Counts the line breaks of an event's bytes, which the reader copied:
    /// every byte of the file but delimiters that hold no line break. The
    /// bytes' last line break is as far before offset `end` as before their
    /// end.
    #[inline]
    fn count(&mut self, bytes: &[u8], end: u64) {
        // Most events are short (an end tag, the white space between
        // tags), where a plain loop is cheaper than a vector search.
        let last = if bytes.len() <= SHORT {
            bytes.iter().rposition(|&b| b == b'\n')
        } else {
            memchr::memrchr(b'\n', bytes)
        };
        if let Some(last) = last {
            // Only the bytes up to the last line break can hold others; a
            // plain counting loop vectorises.
            self.line += bytes[..last].iter().filter(|&&b| b == b'\n').count() + 1;
            self.line_start = end.saturating_sub((bytes.len() - last) as u64) + 1;
        }
    }
}

/// White space as XML counts it between attributes.
fn is_xml_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\r')
}

/// A streaming reader of the activities of one IATI file.
pub(crate) struct Activities<R: BufRead> {
    xml: quick_xml::Reader<R>,
    /// The line the reader is on.
    lines: Lines,
    buffer: Vec<u8>,
    file: String,
    /// The `version` of `iati-activities`, once read.
    version: Option<String>,
    tree: Tree,
    /// The open elements of the activity being read.
    open: Vec<u32>,
    done: bool,
}

/// What an event means for the activity being read.
enum Step {
    /// Go on reading.
    Next,
    /// An activity is read.
    Activity,
    /// The file ends.
    End,
}

impl<R: BufRead> Activities<R> {
    /// A reader of `input`, named `file` in errors.
    pub(crate) fn new(input: R, file: &str) -> Self {
        let mut xml = quick_xml::Reader::from_reader(input);
        xml.config_mut().expand_empty_elements = false;
        xml.config_mut().check_end_names = true;
        Activities {
            xml,
            lines: Lines { line: 1, line_start: 0 },
            buffer: Vec::new(),
            file: file.to_owned(),
            version: None,
            tree: Tree::default(),
            open: Vec::new(),
            done: false,
        }
    }

    /// The place of offset `offset` of the event being read: its line is
    /// the one the reader is on until the event is taken in.
    fn place(&self, offset: u64) -> Place {
        Place {
            line: self.lines.line,
            column: usize::try_from(offset.saturating_sub(self.lines.line_start))
                .unwrap_or(usize::MAX)
                .saturating_add(1),
            offset: usize::try_from(offset).unwrap_or(usize::MAX),
        }
    }

    fn error(&self, at: u64, message: impl Into<String>) -> IatiError {
        let at = self.place(at);
        IatiError::Xml {
            file: self.file.clone(),
            line: at.line,
            column: at.column,
            message: message.into(),
        }
    }

    /// The next activity, `None` at the end of the file.
    pub(crate) fn next_activity(&mut self) -> Result<Option<Node<'_>>, IatiError> {
        if self.done {
            return Ok(None);
        }
        self.tree.clear();
        self.open.clear();
        // Foreign elements being skipped, and how deep.
        let mut foreign = 0usize;
        let mut buffer = std::mem::take(&mut self.buffer);
        let step = loop {
            let at = self.xml.buffer_position();
            buffer.clear();
            let read = self.xml.read_event_into(&mut buffer);
            let event = match &read {
                Ok(event) => event,
                Err(e) => break Err(self.error(at, format!("the XML is malformed: {e}"))),
            };
            let step = if foreign > 0 {
                match event {
                    Event::Start(_) => foreign += 1,
                    Event::End(_) => foreign -= 1,
                    Event::Eof => break Err(self.error(at, "the file ends inside an element")),
                    _ => {}
                }
                Ok(Step::Next)
            } else {
                self.step(event, at, &mut foreign)
            };
            // The event is taken in: count the lines of its bytes, whose
            // last line break lies as far before the reader's position as
            // it does before the copy's end (the test below places elements
            // after a line break in each kind of markup).
            let end = self.xml.buffer_position();
            self.lines.count(&buffer, end);
            match step {
                Ok(Step::Next) => {}
                Ok(step) => break Ok(step),
                Err(e) => break Err(e),
            }
        };
        self.buffer = buffer;
        match step? {
            Step::Activity => Ok(Some(self.tree.root())),
            _ => {
                self.done = true;
                Ok(None)
            }
        }
    }

    /// Takes in one event at `at`.
    fn step(&mut self, event: &Event<'_>, at: u64, foreign: &mut usize) -> Result<Step, IatiError> {
        let in_activity = !self.open.is_empty();
        match event {
            Event::Start(start) | Event::Empty(start) if self.version.is_none() => {
                self.root(start, at)?;
                Ok(Step::Next)
            }
            Event::Start(start) => {
                let tag = start.name();
                let tag: &str = tag.as_ref();
                let name = match self.open.last() {
                    Some(&parent) => self.tree.name(parent).and_then(|parent| parent.child(tag)),
                    None if tag == "iati-activity" => Some(Name::IatiActivity),
                    None if tag.contains(':') => None,
                    None => {
                        return Err(self.error(
                            at,
                            format!("<{tag}> stands where an <iati-activity> should: only activities are read"),
                        ));
                    }
                };
                let Some(name) = name else {
                    *foreign = 1;
                    return Ok(Step::Next);
                };
                let index = self.element(start, at, name)?;
                self.open.push(index);
                Ok(Step::Next)
            }
            Event::Empty(start) => {
                let tag = start.name();
                let tag: &str = tag.as_ref();
                let name = match self.open.last() {
                    Some(&parent) => self.tree.name(parent).and_then(|parent| parent.child(tag)),
                    None => (tag == "iati-activity").then_some(Name::IatiActivity),
                };
                let Some(name) = name else {
                    return Ok(Step::Next);
                };
                self.element(start, at, name)?;
                Ok(if in_activity { Step::Next } else { Step::Activity })
            }
            Event::End(_) => {
                self.open.pop();
                Ok(if in_activity && self.open.is_empty() {
                    Step::Activity
                } else {
                    Step::Next
                })
            }
            Event::Text(text) => {
                if let Some(&current) = self.open.last() {
                    // The layout between an element's children is not kept:
                    // no need to read it.
                    if self.tree.has_children(current) {
                        return Ok(Step::Next);
                    }
                    self.tree.append_text(current, &text.xml10_content());
                } else if self.version.is_none() && !text.trim().is_empty() {
                    return Err(self.error(
                        at,
                        "the file starts with text, not <iati-activities>: it is not an IATI activity file",
                    ));
                }
                Ok(Step::Next)
            }
            Event::CData(data) => {
                if let Some(&current) = self.open.last() {
                    // XML turns CR LF and a lone CR into LF, in CDATA too.
                    let text: &str = data;
                    let normalised = text.replace("\r\n", "\n").replace('\r', "\n");
                    self.tree.append_text(current, &normalised);
                }
                Ok(Step::Next)
            }
            Event::GeneralRef(reference) => {
                let resolved = match reference.resolve_char_ref() {
                    Ok(Some(c)) => Some(c.to_string()),
                    Ok(None) => quick_xml::escape::resolve_predefined_entity(reference).map(str::to_owned),
                    Err(_) => None,
                };
                match (resolved, self.open.last()) {
                    (Some(text), Some(&current)) => self.tree.append_text(current, &text),
                    (Some(_), None) => {}
                    (None, _) => {
                        return Err(self.error(at, format!("the entity &{}; is not one XML defines", &**reference)));
                    }
                }
                Ok(Step::Next)
            }
            Event::Eof => {
                if in_activity {
                    return Err(self.error(at, "the file ends inside an <iati-activity>"));
                }
                if self.version.is_none() {
                    return Err(self.error(at, "the file holds no <iati-activities> element"));
                }
                Ok(Step::End)
            }
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => Ok(Step::Next),
        }
    }

    /// Checks the root element: `iati-activities` of a version read.
    fn root(&mut self, start: &BytesStart<'_>, at: u64) -> Result<(), IatiError> {
        let name = start.name();
        let name: &str = name.as_ref();
        if name != "iati-activities" {
            return Err(self.error(
                at,
                format!("the file starts with <{name}>, not <iati-activities>: it is not an IATI activity file"),
            ));
        }
        let mut version = None;
        for attribute in start.attributes() {
            let attribute = attribute.map_err(|e| self.error(at, format!("an attribute is malformed: {e}")))?;
            let key: &str = attribute.key.as_ref();
            if key == "version" {
                let value = attribute
                    .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .map_err(|e| self.error(at, format!("the attribute version is malformed: {e}")))?;
                version = Some(value.into_owned());
            }
        }
        let Some(version) = version else {
            return Err(self.error(
                at,
                "<iati-activities> has no version: write version=\"2.03\" (versions 2.01 to 2.03 are read)",
            ));
        };
        if !matches!(version.as_str(), "2.01" | "2.02" | "2.03") {
            let at = self.place(at);
            return Err(IatiError::Version {
                file: self.file.clone(),
                line: at.line,
                column: at.column,
                version,
            });
        }
        self.version = Some(version);
        Ok(())
    }

    /// Adds the attributes of `raw` (a tag's text after its name) when
    /// they are written the plain way nearly every file writes them:
    /// `name="value"` or `name='value'`, with no space around `=` and no
    /// entity, tab or line break in the value, which is then its own
    /// normalised form. `false`, having added some or none, at the first
    /// thing written otherwise; the caller then reads them all with
    /// quick-xml's parser, whose reading this one agrees with.
    fn plain_attributes(&mut self, raw: &str, at: u64) -> Result<bool, IatiError> {
        let bytes = raw.as_bytes();
        let end = bytes.len();
        // The text is copied whole, once: the names and values kept are
        // ranges into the copy.
        let base = self.tree.push_str(raw).start;
        let mut keys = Seen::default();
        let mut i = 0;
        loop {
            while i < end && is_xml_space(bytes[i]) {
                i += 1;
            }
            if i == end {
                return Ok(true);
            }
            let key_start = i;
            let mut prefixed = false;
            while i < end && bytes[i] != b'=' && !is_xml_space(bytes[i]) {
                prefixed |= bytes[i] == b':';
                i += 1;
            }
            let key_end = i;
            let quote = match (bytes.get(i), bytes.get(i + 1)) {
                (Some(b'='), Some(&quote @ (b'"' | b'\''))) if key_end > key_start => quote,
                _ => return Ok(false),
            };
            let value_start = i + 2;
            // Values are short (codes, dates, numbers): a plain loop finds
            // their end sooner than a vector search would.
            let mut value_end = value_start;
            loop {
                match bytes.get(value_end) {
                    Some(&b) if b == quote => break,
                    None | Some(b'&' | b'\t' | b'\n' | b'\r') => return Ok(false),
                    Some(_) => value_end += 1,
                }
            }
            i = value_end + 1;
            let Some(key) = raw.get(key_start..key_end) else {
                return Ok(false);
            };
            if !keys.insert(key) {
                return Err(self.error(at, format!("the attribute {key} is given twice")));
            }
            if !prefixed {
                // Offsets within an attribute text, which the tree's checked
                // size bounds.
                let range = |from: usize, to: usize| base + from as u32..base + to as u32;
                self.tree
                    .attributes
                    .push((range(key_start, key_end), range(value_start, value_end)));
            }
        }
    }

    /// Adds the attributes of `start` as quick-xml's parser reads them,
    /// values normalised as XML 1.0 asks.
    fn parsed_attributes(&mut self, start: &BytesStart<'_>, at: u64) -> Result<(), IatiError> {
        // quick-xml's own check for an attribute given twice allocates for
        // every element; this one only past eight attributes.
        let mut keys = Seen::default();
        for attribute in start.attributes().with_checks(false) {
            let attribute = attribute.map_err(|e| self.error(at, format!("an attribute is malformed: {e}")))?;
            let key: &str = attribute.key.into_inner();
            if !keys.insert(key) {
                return Err(self.error(at, format!("the attribute {key} is given twice")));
            }
            if key.contains(':') {
                continue;
            }
            let value = attribute
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map_err(|e| self.error(at, format!("the attribute {key} is malformed: {e}")))?;
            let key = self.tree.push_str(key);
            let value = self.tree.push_str(&value);
            self.tree.attributes.push((key, value));
        }
        Ok(())
    }

    /// Adds the element `start`, named `name`, under the open one, with
    /// its unprefixed attributes; its index.
    fn element(&mut self, start: &BytesStart<'_>, at: u64, name: Name) -> Result<u32, IatiError> {
        // The tree places its parts with 32-bit numbers, the attributes'
        // among them.
        if self.tree.strings.len().saturating_add(start.len()) >= LIMIT
            || self.tree.elements.len() >= LIMIT
            || self.tree.attributes.len() >= LIMIT
        {
            return Err(self.error(
                at,
                "an activity of more than 2 GiB of text or 2 billion elements is not read",
            ));
        }
        let first = u32::try_from(self.tree.attributes.len()).unwrap_or(NONE);
        let strings = self.tree.strings.len();
        if !self.plain_attributes(start.attributes_raw(), at)? {
            // Something in the attributes needs quick-xml's care: read them
            // all again its way.
            self.tree.attributes.truncate(first as usize);
            self.tree.strings.truncate(strings);
            self.parsed_attributes(start, at)?;
        }
        let last = u32::try_from(self.tree.attributes.len()).unwrap_or(NONE);
        Ok(self
            .tree
            .push(self.open.last().copied(), name, first..last, self.place(at)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Elements by name and place.
    type Placed = Vec<(String, Place)>;

    /// The line, column and offset of every element read, and those found
    /// by searching the text for each `<name` in turn.
    fn places(text: &str) -> (Placed, Placed) {
        let mut reader = Activities::new(text.as_bytes(), "t.xml");
        let mut read = Vec::new();
        while let Some(activity) = reader.next_activity().expect("reads") {
            let mut stack = vec![activity];
            while let Some(node) = stack.pop() {
                read.push((node.name().to_owned(), node.place()));
                let children: Vec<Node<'_>> = node.all_children().collect();
                stack.extend(children.into_iter().rev());
            }
        }
        let mut found = Vec::new();
        let mut from = 0;
        for (name, _) in &read {
            let at = from + text[from..].find(&format!("<{name}")).expect("in the text");
            let before = &text[..at];
            let line = before.matches('\n').count() + 1;
            let line_start = before.rfind('\n').map_or(0, |i| i + 1);
            found.push((
                name.clone(),
                Place {
                    line,
                    column: at - line_start + 1,
                    offset: at,
                },
            ));
            from = at + 1;
        }
        (read, found)
    }

    #[test]
    fn every_element_is_placed_by_line_column_and_offset() {
        let text = "<?xml version=\"1.0\"?>\r\n<!DOCTYPE iati-activities\n  [ <!ENTITY x \"y\"> ]>\n<!-- a\ncomment -->\n<iati-activities version=\"2.03\"\n   generated=\"now\">\r\n  <iati-activity\n     humanitarian=\"1\">\n    <title><narrative>A &amp;\nB &#233;\n</narrative><![CDATA[\n<x>\r\n]]></title>\n<?pi\n?>    <sector code=\"1\"\n    vocabulary=\"1\"/><tag code=\"2\"/>\n  <ext:a>\n<b/>\n</ext:a><!--\n--><policy-marker code=\"1\"/><document-link\n url=\"u\"><title><![CDATA[a\nb]]><narrative>n</narrative></title\n></document-link><recipient-country code=\"KE\"/>&amp;\n&amp;<recipient-region code=\"1\"/><description>\n<narrative>skipped</narrative></description>\n  </iati-activity><iati-activity><iati-identifier>x</iati-identifier></iati-activity>\n</iati-activities>\n";
        let (read, found) = places(text);
        assert_eq!(read.len(), 13, "{read:?}");
        assert_eq!(read, found);
    }

    /// The attributes read from `raw` by the plain reading (`None` when it
    /// hands over to quick-xml's) and by quick-xml's, as (name, value)
    /// pairs or the error's message.
    #[allow(clippy::type_complexity)]
    fn both_readings(
        raw: &str,
    ) -> (
        Option<Result<Vec<(String, String)>, String>>,
        Result<Vec<(String, String)>, String>,
    ) {
        let content = format!("e{raw}");
        let start = BytesStart::from_content(content.as_str(), 1);
        let pairs = |reader: &Activities<&[u8]>| {
            reader
                .tree
                .attributes
                .iter()
                .map(|(k, v)| (reader.tree.str(k).to_owned(), reader.tree.str(v).to_owned()))
                .collect::<Vec<_>>()
        };
        let mut plain = Activities::new(&b""[..], "t.xml");
        let plain = match plain.plain_attributes(start.attributes_raw(), 0) {
            Ok(true) => Some(Ok(pairs(&plain))),
            Ok(false) => None,
            Err(e) => Some(Err(e.to_string())),
        };
        let mut parsed = Activities::new(&b""[..], "t.xml");
        let parsed = parsed
            .parsed_attributes(&start, 0)
            .map(|()| pairs(&parsed))
            .map_err(|e| e.to_string());
        (plain, parsed)
    }

    #[test]
    fn plain_attributes_are_read_as_quick_xml_reads_them() {
        for raw in [
            "",
            " a=\"1\"",
            " a='1' b=\"x y\"",
            "\n  a=\"1\"\n  b=\"\"",
            " a=\"1\"b=\"2\"",
            " x:a=\"1\" a=\"2\"",
            " a=\"<\" b='\"'",
        ] {
            let (plain, parsed) = both_readings(raw);
            assert_eq!(plain, Some(parsed), "{raw:?}");
        }
        // Written otherwise, the plain reading hands over.
        for raw in [
            " a = \"1\"",
            " a=\"x&amp;y\"",
            " a=\"x\ty\"",
            " a=\"1",
            " a",
            " =\"1\"",
            " a=1",
        ] {
            assert_eq!(both_readings(raw).0, None, "{raw:?}");
        }
        assert!(matches!(both_readings(" a=\"1\" a='2'"), (Some(Err(_)), Err(_))));
    }

    proptest::proptest! {
        #[test]
        fn plain_attributes_agree_with_quick_xml_on_any_text(
            parts in proptest::collection::vec(
                ("[ \t\n\r]{0,2}", "[ab:]{0,2}", "[ =]{1,2}", proptest::bool::ANY, "[a &;<'\"\t\n\r]{0,4}"),
                0..4,
            ),
            tail in "[ a\"]{0,2}",
        ) {
            let mut raw: String = parts
                .iter()
                .map(|(space, key, eq, double, value)| {
                    let quote = if *double { '"' } else { '\'' };
                    format!("{space}{key}{eq}{quote}{value}{quote}")
                })
                .collect();
            raw.push_str(&tail);
            let (plain, parsed) = both_readings(&raw);
            if let Some(plain) = plain {
                match (plain, parsed) {
                    (Ok(plain), Ok(parsed)) => proptest::prop_assert_eq!(plain, parsed),
                    (Err(_), Err(_)) => {}
                    (plain, parsed) => proptest::prop_assert!(false, "{:?} read as {:?} and {:?}", raw, plain, parsed),
                }
            }
        }
    }
}
