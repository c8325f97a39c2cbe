//! The command's output, on standard output. A reader that stops early (`premiers-pas … | head`) ends the
//! command quietly and successfully, as tools read through `head` do, instead of a panic; any other failure
//! to write is said on standard error. Every line the command prints goes through [`outln!`] or [`out!`].

use std::io::{self, Write};

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

/// Writes `args`; ends the command when standard output is gone.
pub fn write(args: std::fmt::Arguments<'_>) {
    if let Err(err) = io::stdout().lock().write_fmt(args) {
        gone(&err);
    }
}

fn gone(err: &io::Error) -> ! {
    if err.kind() == io::ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    eprintln!("premiers-pas: {err}");
    std::process::exit(2);
}
