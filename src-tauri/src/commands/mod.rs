//! The commands the UI may call, one module per domain. Each is a few lines that call the core and map
//! its error to [`premiers_pas_core::IpcError`]. Every command is also listed in `build.rs`, and
//! `ui/src/lib/ipc.ts` has one typed wrapper per command.
//!
//! Commands that do real work (an audit, a file, the network) are `async`, so they never run on the main
//! thread and the window stays responsive. What blocks (reading or writing files, a helper program,
//! waiting for the session) goes further, to a blocking thread (`state::blocking`,
//! `AppState::with_session`, `AppState::with_directory`): the async runtime has only a few worker threads
//! (one per core), and one stuck there would stall every other command.

pub mod audit;
pub mod checklist;
pub mod directory;
pub mod journal;
pub mod links;
pub mod progress;
pub mod report;
pub mod system;
