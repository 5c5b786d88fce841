//! The one queue every argon2 computation goes through.
//!
//! Argon2 is memory-hard by design: each hash or check holds 19 MiB for
//! tens of milliseconds. Run as they come, a crowd of sign-ins (or one
//! script sending thousands) would take memory without bound. So at most
//! as many run at once as the machine has cores (more would only wait for
//! a core while holding their memory), a bounded number wait their turn
//! holding none, and beyond that a request is told at once to try again in
//! a moment (429) instead of waiting behind a crowd. Memory for passwords
//! is thus at most cores × 19 MiB, whatever arrives.

use std::sync::{
    atomic::{AtomicUsize, Ordering},
    OnceLock,
};
use tokio::sync::Semaphore;

/// How many may wait for a turn. At tens of milliseconds each, on two
/// cores the last in line waits about a second.
const MAX_WAITING: usize = 64;

/// The queue was full: the request should be tried again shortly.
#[derive(Debug, PartialEq, Eq)]
pub struct Busy;

struct Queue {
    running: Semaphore,
    waiting: AtomicUsize,
    max_waiting: usize,
}

fn queue() -> &'static Queue {
    static QUEUE: OnceLock<Queue> = OnceLock::new();
    QUEUE.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(2, usize::from);
        Queue::new(cores, MAX_WAITING)
    })
}

impl Queue {
    fn new(at_once: usize, max_waiting: usize) -> Queue {
        Queue { running: Semaphore::new(at_once), waiting: AtomicUsize::new(0), max_waiting }
    }

    async fn run<T: Send + 'static>(&self, work: impl FnOnce() -> T + Send + 'static) -> Result<T, Busy> {
        // Take a place in line first (atomically), then wait for a turn.
        if self.waiting.fetch_add(1, Ordering::AcqRel) >= self.max_waiting {
            self.waiting.fetch_sub(1, Ordering::AcqRel);
            return Err(Busy);
        }
        let turn = self.running.acquire().await;
        self.waiting.fetch_sub(1, Ordering::AcqRel);
        // The semaphore is never closed.
        let Ok(turn) = turn else { return Err(Busy) };
        let done = tokio::task::spawn_blocking(work).await;
        drop(turn);
        done.map_err(|error| {
            tracing::error!(%error, "a password computation failed");
            Busy
        })
    }
}

/// Runs an argon2 computation (`work`) when its turn comes, off the async threads.
pub async fn run<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Result<T, Busy> {
    queue().run(work).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    /// Waits (a bounded while) until `ready` holds.
    async fn until(ready: impl Fn() -> bool) {
        for _ in 0..5_000 {
            if ready() {
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(1)).await;
        }
        panic!("never came to pass");
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn no_more_run_at_once_than_allowed_and_a_full_line_is_refused() {
        let queue = Arc::new(Queue::new(2, 5));
        // The work waits at a gate, opened once the line is full.
        let gate = Arc::new((std::sync::Mutex::new(false), std::sync::Condvar::new()));
        let (running, most) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
        let spawn = || {
            let (queue, gate, running, most) = (queue.clone(), gate.clone(), running.clone(), most.clone());
            tokio::spawn(async move {
                queue
                    .run(move || {
                        let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                        most.fetch_max(now, Ordering::SeqCst);
                        let (open, opened) = &*gate;
                        let mut open = open.lock().unwrap();
                        while !*open {
                            open = opened.wait(open).unwrap();
                        }
                        running.fetch_sub(1, Ordering::SeqCst);
                    })
                    .await
            })
        };
        // Two run…
        let mut admitted: Vec<_> = (0..2).map(|_| spawn()).collect();
        until(|| running.load(Ordering::SeqCst) == 2).await;
        // …five more wait their turn, holding no memory…
        admitted.extend((0..5).map(|_| spawn()));
        until(|| queue.waiting.load(Ordering::SeqCst) == 5).await;
        // …and the next are told at once to come back.
        for _ in 0..33 {
            assert_eq!(queue.run(|| ()).await, Err(Busy));
        }
        assert_eq!(running.load(Ordering::SeqCst), 2, "still two at once");
        *gate.0.lock().unwrap() = true;
        gate.1.notify_all();
        for task in admitted {
            assert_eq!(task.await.unwrap(), Ok(()));
        }
        assert_eq!(most.load(Ordering::SeqCst), 2, "never more than two at once");
        // Once the line has emptied, work is taken again.
        assert_eq!(queue.run(|| 1).await, Ok(1));
        assert_eq!(queue.waiting.load(Ordering::SeqCst), 0);
    }
}
