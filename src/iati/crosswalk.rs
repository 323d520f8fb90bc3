//! Crosswalks: which element of a framework a publisher's own sector or tag
//! code stands for.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::{Error, Ref};

/// A crosswalk file: for codes of an IATI sector or tag vocabulary, the
/// framework element each stands for. An activity's sector (or tag) with a
/// mapped code becomes a `contributes_to` link from the activity's
/// programme to the element, whose share is the sector's percentage / 100.
///
/// The file is TOML:
///
/// ```toml
/// kind = "iati-crosswalk"
/// title = "UNHCR's sector vocabularies 98 and 99 to the unhcr-areas framework"
///
/// [[sector]]
/// vocabulary = "99"
/// code = "IA1"
/// to = "unhcr-areas:IA1"
///
/// [[tag]]
/// vocabulary = "99"
/// code = "COVID-19"
/// to = "my-plan:3"
/// ```
///
/// ```
/// use ilo_frameworks::iati::Crosswalk;
///
/// let crosswalk = Crosswalk::from_toml_str(
///     "kind = \"iati-crosswalk\"\ntitle = \"t\"\n\n[[sector]]\nvocabulary = \"99\"\ncode = \"IA1\"\nto = \"unhcr-areas:IA1\"\n",
///     "crosswalk.toml",
/// )?;
/// assert_eq!(crosswalk.sector("99", "IA1").len(), 1);
/// assert!(crosswalk.sector("98", "IA1").is_empty());
/// # Ok::<(), ilo_frameworks::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Crosswalk {
    /// What the crosswalk maps.
    pub title: String,
    sectors: Codes,
    tags: Codes,
}

/// Elements by vocabulary and code.
type Codes = BTreeMap<String, BTreeMap<String, Vec<Ref>>>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    kind: FileKind,
    title: String,
    #[serde(default)]
    sector: Vec<Entry>,
    #[serde(default)]
    tag: Vec<Entry>,
}

#[derive(Deserialize)]
#[serde(rename_all = "kebab-case")]
enum FileKind {
    IatiCrosswalk,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    vocabulary: String,
    code: String,
    to: Ref,
}

impl Crosswalk {
    /// Reads a crosswalk from TOML text; `origin` names it in errors.
    ///
    /// # Errors
    /// [`Error::Load`] with the line and column of the first problem: bad
    /// TOML, an unknown key, a reference that does not parse, or a `kind`
    /// other than `iati-crosswalk`.
    pub fn from_toml_str(text: &str, origin: &str) -> Result<Self, Error> {
        let file: File = crate::format::read(text, crate::Format::Toml, origin)?;
        let FileKind::IatiCrosswalk = file.kind;
        let mut crosswalk = Crosswalk {
            title: file.title,
            ..Crosswalk::default()
        };
        for (list, entries) in [(&mut crosswalk.sectors, file.sector), (&mut crosswalk.tags, file.tag)] {
            for entry in entries {
                list.entry(entry.vocabulary)
                    .or_default()
                    .entry(entry.code)
                    .or_default()
                    .push(entry.to);
            }
        }
        Ok(crosswalk)
    }

    /// Reads a crosswalk file.
    ///
    /// # Errors
    /// [`Error::Io`] when the file cannot be read, else as
    /// [`Crosswalk::from_toml_str`].
    pub fn load(path: impl AsRef<std::path::Path>) -> Result<Self, Error> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
            path: path.to_owned(),
            source,
        })?;
        Crosswalk::from_toml_str(&text, &path.display().to_string())
    }

    /// The elements sector `code` of `vocabulary` stands for.
    pub fn sector(&self, vocabulary: &str, code: &str) -> &[Ref] {
        lookup(&self.sectors, vocabulary, code)
    }

    /// The elements tag `code` of `vocabulary` stands for.
    pub fn tag(&self, vocabulary: &str, code: &str) -> &[Ref] {
        lookup(&self.tags, vocabulary, code)
    }

    /// How many codes the crosswalk maps.
    pub fn len(&self) -> usize {
        self.sectors.values().chain(self.tags.values()).map(BTreeMap::len).sum()
    }

    /// Whether it maps no code.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

fn lookup<'a>(map: &'a Codes, vocabulary: &str, code: &str) -> &'a [Ref] {
    map.get(vocabulary)
        .and_then(|codes| codes.get(code))
        .map_or(&[], Vec::as_slice)
}
