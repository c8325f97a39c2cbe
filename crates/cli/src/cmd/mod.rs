//! One module per subcommand.

pub mod checklist;
pub mod system;
