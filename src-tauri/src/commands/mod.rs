//! The commands the UI may call, one module per domain. Each is a few lines that call the core and map
//! its error to [`premiers_pas_core::IpcError`]. Every command is also listed in `build.rs`.

pub mod system;
