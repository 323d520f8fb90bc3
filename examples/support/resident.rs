//! The resident memory of the running process, for the examples and
//! benches that print it after each step (included with `#[path]`).

/// The resident memory of this process, in MiB, from /proc (0 elsewhere).
pub fn resident_mib() -> f64 {
    let pages = std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|s| s.split_whitespace().nth(1).and_then(|p| p.parse::<f64>().ok()))
        .unwrap_or(0.0);
    pages * 4096.0 / (1024.0 * 1024.0)
}
