//! Synthetic framework sets (placeholder; being written).
