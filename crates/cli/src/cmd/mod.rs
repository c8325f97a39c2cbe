//! One module per subcommand.

pub mod directory;
pub mod system;
