//! One module per subcommand.

pub mod audit;
pub mod checklist;
pub mod directory;
pub mod mail;
pub mod report;
pub mod system;
