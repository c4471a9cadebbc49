//! The hearsay annotator: a Leptos app over the extraction core.
//!
//! `state`, `rows`, `team_view`, `statements_view`, `commands`, `files`, `figures` and `guidelines` hold every decision and are
//! plain Rust, tested natively; `app` (components) and `storage` (browser
//! storage) exist only in the WebAssembly build. `main.rs` only mounts
//! [`app::App`].

pub mod commands;
pub mod figures;
pub mod files;
pub mod guidelines;
pub mod rows;
pub mod state;
pub mod statements_view;
pub mod team_view;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod storage;
