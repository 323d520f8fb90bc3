//! Prints the JSON Schema of the framework file format.
//!
//! Run: `cargo run --example schema > docs/framework.schema.json`

fn main() {
    print!("{}", ilo_frameworks::framework_schema());
}
