//! A guard for the tests of input that could hang (a FIFO, a file that expands without end): the work runs
//! on its own thread, and a test that is still waiting after [`LIMIT`] fails instead of hanging the suite.
//! The limit is generous on purpose: it is not a measure of speed, only of "it ends".

#![allow(dead_code, clippy::expect_used)]

use std::sync::mpsc;
use std::time::Duration;

/// How long a guarded piece of work may take before the test fails.
pub const LIMIT: Duration = Duration::from_secs(30);

/// Runs `work` on another thread and returns what it returns; fails the test if it has not ended within
/// [`LIMIT`] (the thread is left behind: the test process ends with the suite).
pub fn ends<T: Send + 'static>(what: &str, work: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(work());
    });
    match rx.recv_timeout(LIMIT) {
        Ok(value) => value,
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("{what}: still running after {LIMIT:?}"),
        Err(mpsc::RecvTimeoutError::Disconnected) => panic!("{what}: the work panicked"),
    }
}
