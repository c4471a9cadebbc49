//! Saving the workspace in the browser's `localStorage`, and restoring it.
//!
//! Layout, all keys under `hearsay:v1:`:
//! - `index`: `{"docs": [id, …], "current": n, "cursors": [n, …]}`;
//! - `doc:<id>`: a hearsay export holding that one document.
//!
//! Only documents that changed are written, so a decision on one document
//! does not rewrite the others. A stored document is read back with the same
//! validating parser as an imported file, so a damaged entry is reported and
//! skipped (and left in storage, never deleted) instead of breaking the page.

use hearsay_core::format::Export;
use serde::{Deserialize, Serialize};

use crate::state::{DocState, Workspace};

const PREFIX: &str = "hearsay:v1:";

#[derive(Debug, Default, Serialize, Deserialize)]
struct Index {
    docs: Vec<String>,
    current: usize,
    cursors: Vec<usize>,
}

fn local_storage() -> Result<web_sys::Storage, String> {
    let window = web_sys::window().ok_or("no window")?;
    match window.local_storage() {
        Ok(Some(storage)) => Ok(storage),
        Ok(None) => Err("browser storage is not available".into()),
        Err(_) => Err("browser storage is disabled".into()),
    }
}

fn js_error(e: wasm_bindgen::JsValue) -> String {
    use wasm_bindgen::JsCast;
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

/// What [`load`] found.
pub struct Loaded {
    /// The restored workspace (empty if nothing was stored).
    pub workspace: Workspace,
    /// True if and only if an index was found, even an empty one.
    pub found: bool,
    /// Documents that could not be restored, with why.
    pub problems: Vec<String>,
}

/// Restores the workspace saved by [`save`]. `Err` means storage itself
/// cannot be used.
pub fn load() -> Result<Loaded, String> {
    let storage = local_storage()?;
    let raw = storage.get_item(&format!("{PREFIX}index")).map_err(js_error)?;
    let Some(raw) = raw else {
        return Ok(Loaded {
            workspace: Workspace::default(),
            found: false,
            problems: Vec::new(),
        });
    };
    let index: Index = serde_json::from_str(&raw).map_err(|e| format!("saved index is damaged: {e}"))?;
    let mut workspace = Workspace::default();
    let mut problems = Vec::new();
    for (i, id) in index.docs.iter().enumerate() {
        let key = format!("{PREFIX}doc:{id}");
        let restored = match storage.get_item(&key).map_err(js_error)? {
            None => Err("its saved copy is missing".to_owned()),
            Some(json) => Export::parse(&json)
                .map_err(|e| e.to_string())
                .and_then(|mut e| e.documents.pop().ok_or_else(|| "its saved copy is empty".to_owned())),
        };
        match restored {
            Ok(doc) => {
                let mut state = DocState::new(doc);
                state.cursor = index.cursors.get(i).copied().unwrap_or(0).min(state.n_sentences().saturating_sub(1));
                workspace.docs.push(state);
            }
            Err(why) => problems.push(format!("document {id} could not be restored: {why}")),
        }
    }
    workspace.current = index.current.min(workspace.docs.len().saturating_sub(1));
    workspace.take_dirty();
    Ok(Loaded {
        workspace,
        found: true,
        problems,
    })
}

/// Writes what changed since the last save. On error the changes stay
/// marked, so the next save tries them again.
pub fn save(workspace: &mut Workspace) -> Result<(), String> {
    let (dirty, _) = workspace.take_dirty();
    let result = write(workspace, &dirty);
    if result.is_err() {
        workspace.mark_dirty(dirty);
    }
    result
}

fn write(workspace: &Workspace, dirty: &[String]) -> Result<(), String> {
    let storage = local_storage()?;
    for id in dirty {
        let key = format!("{PREFIX}doc:{id}");
        match workspace.docs.iter().find(|d| &d.doc.id == id) {
            Some(d) => {
                let json = Export::new(vec![d.doc.clone()]).to_json();
                storage.set_item(&key, &json).map_err(|e| format!("saving failed: {}", js_error(e)))?;
            }
            None => storage.remove_item(&key).map_err(js_error)?,
        }
    }
    let index = Index {
        docs: workspace.docs.iter().map(|d| d.doc.id.clone()).collect(),
        current: workspace.current,
        cursors: workspace.docs.iter().map(|d| d.cursor).collect(),
    };
    let json = serde_json::to_string(&index).map_err(|e| e.to_string())?;
    storage
        .set_item(&format!("{PREFIX}index"), &json)
        .map_err(|e| format!("saving failed: {}", js_error(e)))
}
