//! Framework files of shapes that a careless or hostile writer, or an
//! importer, produces: long chains, cycles, one outcome with thousands of
//! outputs, thousands of programmes on one output, one programme on
//! thousands of outputs, one id written thousands of times, one programme
//! with a very long list. Each is TOML text, as a user's file is read, so
//! that the benchmarks and tests that use them measure reading, recording
//! places, the graph, validation and the report together.
//!
//! ```
//! use ilo_frameworks::format::SourceMap;
//! use ilo_frameworks::synthetic::shapes::{Shape, toml};
//!
//! let text = toml(Shape::Chain, 100);
//! let framework = SourceMap::new().add_toml(&text, "chain.toml")?;
//! assert_eq!(framework.programmes.len(), 100);
//! # Ok::<(), ilo_frameworks::LoadError>(())
//! ```

use std::fmt::Write as _;

/// A shape of framework file, made by [`toml()`] at a given size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Shape {
    /// Programmes `P0` … `Pn-1`, each contributing to the next.
    Chain,
    /// The chain, with the last programme contributing to the first.
    Cycle,
    /// Outputs `1.1`, `1.2`, … under as few outcomes as their codes allow
    /// (at most 65 535 outputs per outcome), with every tenth number
    /// skipped: one `code-sequence-gap` per outcome.
    WideOutcome,
    /// One output, and `n` programmes that all contribute to it: the shape
    /// an import of a portfolio produces.
    ManyToOne,
    /// `n` programmes that all have the id `P`: `n - 1` duplicates.
    Duplicates,
    /// One programme with `n` partners.
    LongList,
    /// One programme that contributes to `n` outputs, under as few
    /// outcomes as their codes allow: an activity a crosswalk maps to
    /// every element of a framework.
    OneToMany,
    /// `n` programmes, each naming an SDG target with an upper-case letter
    /// (`8.B`), which the format rule `sdg-code-case` reports.
    UpperCaseSdg,
}

impl Shape {
    /// Every shape.
    pub const ALL: [Shape; 8] = [
        Shape::Chain,
        Shape::Cycle,
        Shape::WideOutcome,
        Shape::ManyToOne,
        Shape::Duplicates,
        Shape::LongList,
        Shape::OneToMany,
        Shape::UpperCaseSdg,
    ];

    /// A short name: `chain`, `wide-outcome`, …
    pub fn name(self) -> &'static str {
        match self {
            Shape::Chain => "chain",
            Shape::Cycle => "cycle",
            Shape::WideOutcome => "wide-outcome",
            Shape::ManyToOne => "many-to-one",
            Shape::Duplicates => "duplicates",
            Shape::LongList => "long-list",
            Shape::OneToMany => "one-to-many",
            Shape::UpperCaseSdg => "upper-case-sdg",
        }
    }
}

/// The id of every framework [`toml()`] writes.
pub const ID: &str = "shape";

/// The most outputs one outcome can number.
const OUTPUTS_PER_OUTCOME: usize = u16::MAX as usize;

/// A framework file of `shape` with `n` of its repeated parts (programmes,
/// outputs or list items), in TOML.
pub fn toml(shape: Shape, n: usize) -> String {
    let mut out = String::with_capacity(n * 80 + 200);
    let kind = if matches!(shape, Shape::WideOutcome | Shape::ManyToOne | Shape::OneToMany) {
        "other"
    } else {
        "programme-set"
    };
    let _ = writeln!(
        out,
        "id = \"{ID}\"\nkind = \"{kind}\"\ntitle = \"A {} of {n}\"",
        shape.name()
    );
    match shape {
        Shape::Chain | Shape::Cycle => {
            for i in 0..n {
                programme(&mut out, &format!("P{i}"));
                let next = if i + 1 < n {
                    Some(i + 1)
                } else {
                    (shape == Shape::Cycle).then_some(0)
                };
                if let Some(next) = next {
                    let _ = writeln!(out, "contributes_to = [\"{ID}:P{next}\"]");
                }
            }
        }
        Shape::WideOutcome => {
            let mut written = 0;
            let mut outcome = 0;
            while written < n {
                outcome += 1;
                let _ = writeln!(
                    out,
                    "\n[[outcomes]]\ncode = \"{outcome}\"\ntitle = \"Outcome {outcome}\""
                );
                let mut number = 0;
                while written < n && number < OUTPUTS_PER_OUTCOME {
                    number += 1;
                    if number % 10 == 5 {
                        continue;
                    }
                    let _ = writeln!(
                        out,
                        "\n[[outcomes.outputs]]\ncode = \"{outcome}.{number}\"\ntitle = \"Output {outcome}.{number}\""
                    );
                    written += 1;
                }
            }
        }
        Shape::ManyToOne => {
            let _ = writeln!(
                out,
                "\n[[outcomes]]\ncode = \"1\"\ntitle = \"One\"\n\n[[outcomes.outputs]]\ncode = \"1.1\"\ntitle = \"The output\""
            );
            for i in 0..n {
                programme(&mut out, &format!("P{i}"));
                let _ = writeln!(out, "contributes_to = [\"{ID}:1.1\"]");
            }
        }
        Shape::Duplicates => {
            for _ in 0..n {
                programme(&mut out, "P");
            }
        }
        Shape::LongList => {
            programme(&mut out, "P");
            out.push_str("partners = [\n");
            for i in 0..n {
                let _ = writeln!(out, "  \"Partner {i}\",");
            }
            out.push_str("]\n");
        }
        Shape::OneToMany => {
            let mut targets = String::with_capacity(n * 16);
            for i in 0..n {
                let (outcome, number) = (i / OUTPUTS_PER_OUTCOME + 1, i % OUTPUTS_PER_OUTCOME + 1);
                if number == 1 {
                    let _ = writeln!(
                        out,
                        "\n[[outcomes]]\ncode = \"{outcome}\"\ntitle = \"Outcome {outcome}\""
                    );
                }
                let _ = writeln!(
                    out,
                    "\n[[outcomes.outputs]]\ncode = \"{outcome}.{number}\"\ntitle = \"Output {outcome}.{number}\""
                );
                let _ = writeln!(targets, "  \"{ID}:{outcome}.{number}\",");
            }
            programme(&mut out, "P");
            let _ = writeln!(out, "contributes_to = [\n{targets}]");
        }
        Shape::UpperCaseSdg => {
            for i in 0..n {
                programme(&mut out, &format!("P{i}"));
                out.push_str("sdg = [\"8.B\"]\n");
            }
        }
    }
    out
}

fn programme(out: &mut String, id: &str) {
    let _ = writeln!(
        out,
        "\n[[programmes]]\nid = \"{id}\"\nkind = \"project\"\nname = \"Programme {id}\""
    );
}
