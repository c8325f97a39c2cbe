//! One module per subcommand.

pub mod audit;
pub mod mail;
pub mod system;
