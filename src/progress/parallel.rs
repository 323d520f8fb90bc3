//! Work shared between threads for an evaluation on several: std's scoped
//! threads, the calling thread doing its own share, and standing in for
//! any thread the system refuses, so that the answer never depends on how
//! many threads there were.

use std::sync::{Mutex, PoisonError};

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
    fn join_gives_both_results() {
        let (a, b) = join(|| "here", || std::thread::current().id());
        assert_eq!(a, "here");
        assert_ne!(b, std::thread::current().id());
    }
}
