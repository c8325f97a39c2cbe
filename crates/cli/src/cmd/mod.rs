//! One module per subcommand.

pub mod system;
