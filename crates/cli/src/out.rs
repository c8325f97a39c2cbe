//! The command's output, on standard output. A reader that stops early (`premiers-pas … | head`) is not
//! an error of the command: nothing more is written, and the command finishes and says how it went in its
//! exit status (a pack with problems is still 1). Any other failure to write (a full disk under `>`) ends
//! in the command's own error, in the person's language ([`finish`]). Every line the command prints goes
//! through [`outln!`] or [`out!`].

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

/// Writes to standard output, as `print!` does.
macro_rules! out {
    ($($arg:tt)*) => {
        $crate::out::write(format_args!($($arg)*))
    };
}

/// Writes a line to standard output, as `println!` does.
macro_rules! outln {
    () => {
        $crate::out::write(format_args!("\n"))
    };
    ($($arg:tt)*) => {
        $crate::out::write(format_args!("{}\n", format_args!($($arg)*)))
    };
}

pub(crate) use {out, outln};

/// Standard output, once writing to it has failed: nothing more is tried. It is the process's one
/// standard output, so its state is the process's too.
static STOPPED: AtomicBool = AtomicBool::new(false);
/// The first failure other than the reader going away, for [`finish`] to tell.
static FAILURE: Mutex<Option<io::Error>> = Mutex::new(None);

/// Writes `args`, unless writing has already failed.
pub fn write(args: std::fmt::Arguments<'_>) {
    if STOPPED.load(Ordering::Relaxed) {
        return;
    }
    if let Err(err) = io::stdout().lock().write_fmt(args) {
        failed(err);
    }
}

fn failed(err: io::Error) {
    STOPPED.store(true, Ordering::Relaxed);
    if err.kind() != io::ErrorKind::BrokenPipe {
        FAILURE.lock().unwrap_or_else(std::sync::PoisonError::into_inner).get_or_insert(err);
    }
}

/// Writes out what is still buffered; the failure to write, if there was one other than the reader going
/// away.
pub fn finish() -> Option<io::Error> {
    if !STOPPED.load(Ordering::Relaxed) {
        if let Err(err) = io::stdout().lock().flush() {
            failed(err);
        }
    }
    FAILURE.lock().unwrap_or_else(std::sync::PoisonError::into_inner).take()
}
