//! The committed SDG catalogue is what its generator makes of the reference
//! data, when that data is beside the crate (as in the project's CI).

#[allow(dead_code)]
#[path = "../../examples/generate_sdg_catalogue.rs"]
mod generator;

#[test]
fn the_committed_sdg_catalogue_is_up_to_date() {
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/sdg");
    if !data.is_dir() {
        eprintln!("note: no reference data beside the crate; the SDG seed was not regenerated");
        return;
    }
    let generated = generator::generate(&data).expect("the generator reads the reference data");
    let committed = include_str!("../../seeds/sdg.toml");
    assert!(
        generated == committed,
        "seeds/sdg.toml is out of date: run `cargo run --example generate_sdg_catalogue > seeds/sdg.toml`"
    );
}
