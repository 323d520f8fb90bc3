//! Work shared between threads for an evaluation on several: std's scoped
//! threads, the calling thread doing its own share, and standing in for
//! any thread the system refuses, so that the answer never depends on how
//! many threads there were.

use std::ops::Range;
use std::sync::{Mutex, PoisonError};

/// Items of `weights` in at most `runs` runs, in order, of about equal
/// weight, none empty: each run's range of items.
pub(super) fn ranges(weights: &[usize], runs: usize) -> Vec<Range<usize>> {
    let share = weights.iter().sum::<usize>().div_ceil(runs.max(1)).max(1);
    let mut out = Vec::with_capacity(runs.min(weights.len()));
    let (mut start, mut filled) = (0, 0);
    for (i, weight) in weights.iter().enumerate() {
        filled += weight;
        if filled >= share && out.len() + 1 < runs {
            out.push(start..i + 1);
            (start, filled) = (i + 1, 0);
        }
    }
    if start < weights.len() {
        out.push(start..weights.len());
    }
    out
}

/// `work` applied to every item, the first on the calling thread and each
/// other on a thread of its own; the results in the items' order. An item
/// whose thread cannot be started is worked on by the calling thread
/// instead. A panic in any is passed on.
pub(super) fn map<I: Send, T: Send>(items: Vec<I>, work: impl Fn(I) -> T + Sync) -> Vec<T> {
    if items.len() < 2 {
        return items.into_iter().map(work).collect();
    }
    // Each item waits in a cell that its thread empties: when the thread is
    // refused, the item is still there for the calling thread.
    let cells: Vec<Mutex<Option<I>>> = items.into_iter().map(|item| Mutex::new(Some(item))).collect();
    let take = |cell: &Mutex<Option<I>>| cell.lock().unwrap_or_else(PoisonError::into_inner).take();
    let (work, take) = (&work, &take);
    std::thread::scope(|scope| {
        let handles: Vec<_> = cells[1..]
            .iter()
            .map(|cell| {
                let handle = std::thread::Builder::new().spawn_scoped(scope, move || take(cell).map(work));
                (cell, handle)
            })
            .collect();
        let mut results = Vec::with_capacity(cells.len());
        results.extend(take(&cells[0]).map(work));
        for (cell, handle) in handles {
            let result = match handle {
                Ok(handle) => handle.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                Err(_) => take(cell).map(work),
            };
            results.extend(result);
        }
        results
    })
}

/// `a` on the calling thread and `b` on a thread of its own (after `a` on
/// the calling thread when the system refuses one), both results given.
pub(super) fn join<A, B: Send>(a: impl FnOnce() -> A, b: impl FnOnce() -> B + Send) -> (A, B) {
    let b = Mutex::new(Some(b));
    let run_b = || b.lock().unwrap_or_else(PoisonError::into_inner).take().map(|b| b());
    std::thread::scope(|scope| {
        let handle = std::thread::Builder::new().spawn_scoped(scope, run_b);
        let a = a();
        let b = match handle {
            Ok(handle) => handle.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            Err(_) => run_b(),
        };
        match b {
            Some(b) => (a, b),
            // The closure is taken once, by its thread or by this one.
            None => unreachable!("the second task ran"),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn map_keeps_the_items_order_whatever_the_threads() {
        let squares = map((0..5u64).collect(), |n| n * n);
        assert_eq!(squares, vec![0, 1, 4, 9, 16]);
        assert_eq!(map(Vec::<u8>::new(), |n| n), Vec::<u8>::new());
        assert_eq!(map(vec![7], |n| n + 1), vec![8]);
    }

    #[test]
    fn ranges_cover_every_item_in_order_in_runs_of_about_equal_weight() {
        assert_eq!(ranges(&[1, 1, 1, 1], 2), vec![0..2, 2..4]);
        assert_eq!(ranges(&[8, 1, 1, 1, 1, 1, 1, 1, 1], 2), vec![0..1, 1..9]);
        assert_eq!(ranges(&[1, 1, 1], 7), vec![0..1, 1..2, 2..3]);
        // Weightless items make one run.
        assert_eq!(ranges(&[0, 0], 3), vec![0..2]);
        assert_eq!(ranges(&[5, 5], 0), vec![0..2]);
        assert_eq!(ranges(&[], 4), Vec::<Range<usize>>::new());
    }

    #[test]
    fn join_gives_both_results() {
        let (a, b) = join(|| "here", || std::thread::current().id());
        assert_eq!(a, "here");
        assert_ne!(b, std::thread::current().id());
    }
}
