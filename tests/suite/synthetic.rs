//! Tests of the synthetic generator (placeholder; being written).
