//! One module per subcommand.

pub mod audit;
pub mod checklist;
pub mod mail;
pub mod system;
