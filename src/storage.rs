//! Saving the workspace in the browser's IndexedDB, and restoring it.
//!
//! One object store, `kv`, holds JSON strings under these keys:
//! - `index`: `{"docs": [id, …], "current": n, "cursors": [n, …],
//!   "visited": [[[first, end], …], …]}` (per document, the runs of
//!   sentences visited);
//! - `base:<id>`: a hearsay export of the document as it was added,
//!   written once;
//! - `overlay:<id>`: `[[annotation id, annotation or null], …]`, every
//!   annotation changed since, rewritten on each change of that document;
//! - `models`: the model bundle as it learned (bytes, a `Uint8Array`),
//!   rewritten when it changes; absent until the models first learn.
//!
//! So a decision on a 1 MB article writes a few hundred bytes, not the
//! article. IndexedDB rather than `localStorage`: a long article and its
//! suggestions outgrow `localStorage`'s 5 MB. A stored document is read back
//! with the same validating parser as an imported file: a damaged entry is
//! reported and skipped (and left in storage, never deleted).

use hearsay_core::format::{Annotation, Export};
use hearsay_core::learn::Bundle;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransaction, IdbTransactionMode};

use crate::state::{DocState, Pending, Workspace};

const DB_NAME: &str = "hearsay";
const STORE: &str = "kv";

#[derive(Debug, Default, Serialize, Deserialize)]
struct Index {
    docs: Vec<String>,
    current: usize,
    cursors: Vec<usize>,
    #[serde(default)]
    visited: Vec<Vec<(usize, usize)>>,
    /// Per document, the id of the models that suggested its annotations.
    #[serde(default)]
    models: Vec<Option<String>>,
    /// Per document, the id of the models in use when it was last scored.
    #[serde(default)]
    synced: Vec<Option<String>>,
}

fn js_error(e: JsValue) -> String {
    if let Some(e) = e.dyn_ref::<web_sys::DomException>() {
        return format!("{} ({})", e.message(), e.name());
    }
    if let Some(e) = e.dyn_ref::<js_sys::Error>() {
        return String::from(e.message());
    }
    e.as_string().unwrap_or_else(|| "unknown error".into())
}

/// A promise settled by `request`'s success or error event.
fn settle(request: &IdbRequest) -> JsFuture {
    let request = request.clone();
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let req = request.clone();
        let on_success = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = resolve.call1(&JsValue::NULL, &req.result().unwrap_or(JsValue::UNDEFINED));
        });
        let req = request.clone();
        let on_error = Closure::once_into_js(move |_: web_sys::Event| {
            let error = req
                .error()
                .ok()
                .flatten()
                .map(JsValue::from)
                .unwrap_or(JsValue::NULL);
            let _ = reject.call1(&JsValue::NULL, &error);
        });
        request.set_onsuccess(Some(on_success.unchecked_ref()));
        request.set_onerror(Some(on_error.unchecked_ref()));
    });
    JsFuture::from(promise)
}

/// A promise settled when `tx` commits (or fails, or is aborted).
fn committed(tx: &IdbTransaction) -> JsFuture {
    let tx = tx.clone();
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let on_complete = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let t = tx.clone();
        // Called for `error` and again for the `abort` that follows it; a
        // promise ignores the second rejection.
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |_: web_sys::Event| {
            let error = t
                .error()
                .map(JsValue::from)
                .unwrap_or_else(|| "the write was aborted".into());
            let _ = reject.call1(&JsValue::NULL, &error);
        })
        .into_js_value();
        tx.set_oncomplete(Some(on_complete.unchecked_ref()));
        // An error aborts the transaction, so `abort` fires after `error`:
        // the promise is settled by the first and the second is ignored.
        tx.set_onerror(Some(on_error.unchecked_ref()));
        tx.set_onabort(Some(on_error.unchecked_ref()));
    });
    JsFuture::from(promise)
}

/// The `localStorage` key set once anything was saved, so that a first
/// open can show the demo without waiting for the database.
const HAS_WORK: &str = "hearsay:v1:has-work";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

/// True if this browser has saved hearsay work before (or cannot say).
pub fn has_saved_work() -> bool {
    local_storage().is_none_or(|s| !matches!(s.get_item(HAS_WORK), Ok(None)))
}

/// Records that work has been saved (see [`has_saved_work`]).
pub fn mark_saved_work() {
    if let Some(storage) = local_storage()
        && matches!(storage.get_item(HAS_WORK), Ok(None))
    {
        let _ = storage.set_item(HAS_WORK, "1");
    }
}

/// The `localStorage` key of the person's name: `""` once they were asked
/// and gave none, absent if they were never asked.
pub const ANNOTATOR: &str = "hearsay:v1:annotator";

/// The `localStorage` key of the workspace's guidelines.
pub const GUIDELINES: &str = "hearsay:v1:guidelines";

/// A setting kept in `localStorage` (`ANNOTATOR`, `GUIDELINES`), if set.
pub fn setting(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

/// Keeps a setting (see [`setting`]).
pub fn set_setting(key: &str, value: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(key, value);
    }
}

/// The `localStorage` key of a batch saved while the page was closing.
const RESCUE: &str = "hearsay:v1:rescue";

/// What one save writes: `(key, JSON)` pairs and the ids of documents to
/// delete.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Batch {
    puts: Vec<(String, String)>,
    removed: Vec<String>,
    /// The model bundle, when it changed.
    #[serde(default)]
    models: Option<Vec<u8>>,
}

impl Batch {
    /// The writes for `pending`: the base of each added document, the
    /// overlay of each changed one, and the index.
    fn of(workspace: &Workspace, pending: &Pending) -> Result<Batch, String> {
        let mut puts = Vec::new();
        for id in &pending.added {
            if let Some(d) = workspace.doc_by_id(id) {
                puts.push((
                    format!("base:{id}"),
                    Export::new(vec![d.doc.clone()]).to_json(),
                ));
                puts.push((format!("overlay:{id}"), "[]".to_owned()));
            }
        }
        for id in &pending.changed {
            if let Some(d) = workspace.doc_by_id(id) {
                let json = serde_json::to_string(&d.overlay()).map_err(|e| e.to_string())?;
                puts.push((format!("overlay:{id}"), json));
            }
        }
        let index = Index {
            docs: workspace.docs.iter().map(|d| d.doc.id.clone()).collect(),
            current: workspace.current,
            cursors: workspace.docs.iter().map(|d| d.cursor).collect(),
            visited: workspace.docs.iter().map(|d| d.visited_runs()).collect(),
            models: workspace
                .docs
                .iter()
                .map(|d| d.doc.models.clone())
                .collect(),
            synced: workspace.docs.iter().map(|d| d.synced.clone()).collect(),
        };
        puts.push((
            "index".to_owned(),
            serde_json::to_string(&index).map_err(|e| e.to_string())?,
        ));
        Ok(Batch {
            puts,
            removed: pending.removed.iter().cloned().collect(),
            models: pending.models.then(|| workspace.models().bundle().write()),
        })
    }
}

/// The open database.
#[derive(Clone)]
pub struct Db(IdbDatabase);

/// What [`Db::load`] found.
pub struct Loaded {
    /// The restored workspace (empty if nothing was stored).
    pub workspace: Workspace,
    /// True if and only if an index was found, even an empty one.
    pub found: bool,
    /// Documents that could not be restored, with why.
    pub problems: Vec<String>,
    /// The saved model bundle, or why it cannot be read; `None` if the
    /// models never learned here.
    pub models: Option<Result<Bundle, String>>,
}

impl Db {
    /// Opens (and on first use creates) the database.
    pub async fn open() -> Result<Db, String> {
        let factory = web_sys::window()
            .ok_or("no window")?
            .indexed_db()
            .map_err(|e| format!("browser storage is disabled: {}", js_error(e)))?
            .ok_or("browser storage is not available")?;
        let request = factory
            .open_with_u32(DB_NAME, 1)
            .map_err(|e| format!("browser storage is disabled: {}", js_error(e)))?;
        let on_upgrade = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
            let Some(db) = e
                .target()
                .and_then(|t| t.dyn_into::<IdbRequest>().ok())
                .and_then(|r| r.result().ok())
                .and_then(|r| r.dyn_into::<IdbDatabase>().ok())
            else {
                return;
            };
            if !db.object_store_names().contains(STORE) {
                let _ = db.create_object_store(STORE);
            }
        });
        request.set_onupgradeneeded(Some(on_upgrade.as_ref().unchecked_ref()));
        let db = settle(&request)
            .await
            .map_err(|e| format!("browser storage could not be opened: {}", js_error(e)))?;
        drop(on_upgrade);
        Ok(Db(db.unchecked_into()))
    }

    async fn get(&self, key: &str) -> Result<Option<String>, String> {
        let tx = self.0.transaction_with_str(STORE).map_err(js_error)?;
        let request = tx
            .object_store(STORE)
            .map_err(js_error)?
            .get(&key.into())
            .map_err(js_error)?;
        let value = settle(&request).await.map_err(js_error)?;
        Ok(value.as_string())
    }

    /// The bytes stored under `key`, if a `Uint8Array` is.
    async fn get_bytes(&self, key: &str) -> Result<Option<Vec<u8>>, String> {
        let tx = self.0.transaction_with_str(STORE).map_err(js_error)?;
        let request = tx
            .object_store(STORE)
            .map_err(js_error)?
            .get(&key.into())
            .map_err(js_error)?;
        let value = settle(&request).await.map_err(js_error)?;
        Ok(value
            .dyn_ref::<js_sys::Uint8Array>()
            .map(js_sys::Uint8Array::to_vec))
    }

    /// The saved model bundle, if there is one (see [`Loaded::models`]).
    async fn load_models(&self) -> Option<Result<Bundle, String>> {
        match self.get_bytes("models").await {
            Ok(Some(bytes)) => Some(Bundle::read(&bytes).map_err(|e| e.to_string())),
            Ok(None) => None,
            Err(why) => Some(Err(why)),
        }
    }

    /// Restores the workspace written by [`Db::save`].
    pub async fn load(&self) -> Result<Loaded, String> {
        self.replay_rescue().await?;
        let models = self.load_models().await;
        let Some(raw) = self.get("index").await? else {
            return Ok(Loaded {
                workspace: Workspace::default(),
                found: false,
                problems: Vec::new(),
                models,
            });
        };
        let index: Index =
            serde_json::from_str(&raw).map_err(|e| format!("the saved index is damaged: {e}"))?;
        let mut workspace = Workspace::default();
        let mut problems = Vec::new();
        for (i, id) in index.docs.iter().enumerate() {
            match self.load_doc(id).await {
                Ok(mut state) => {
                    let cursor = index.cursors.get(i).copied().unwrap_or(0);
                    state.cursor = cursor.min(state.n_sentences().saturating_sub(1));
                    if let Some(runs) = index.visited.get(i) {
                        state.visit_runs(runs);
                    }
                    if let Some(models) = index.models.get(i) {
                        state.doc.models = models.clone();
                    }
                    if let Some(synced) = index.synced.get(i) {
                        state.synced = synced.clone();
                    }
                    workspace.docs.push(state);
                }
                Err(why) => problems.push(format!("document {id} could not be restored: {why}")),
            }
        }
        workspace.current = index.current.min(workspace.docs.len().saturating_sub(1));
        workspace.take_pending();
        Ok(Loaded {
            workspace,
            found: true,
            problems,
            models,
        })
    }

    async fn load_doc(&self, id: &str) -> Result<DocState, String> {
        let base = self
            .get(&format!("base:{id}"))
            .await?
            .ok_or("its saved copy is missing")?;
        let mut export = Export::parse(&base).map_err(|e| e.to_string())?;
        let base = export.documents.pop().ok_or("its saved copy is empty")?;
        let overlay: Vec<(String, Option<Annotation>)> =
            match self.get(&format!("overlay:{id}")).await? {
                Some(json) => serde_json::from_str(&json)
                    .map_err(|e| format!("its saved changes are damaged: {e}"))?,
                None => Vec::new(),
            };
        let state = DocState::from_parts(base, overlay);
        // The overlay went through no validation of its own: check the result.
        Export::new(vec![state.doc.clone()])
            .validate()
            .map_err(|e| format!("its saved changes do not fit its text: {e}"))?;
        Ok(state)
    }

    /// Writes what changed (`pending`) and the index in one transaction.
    /// Every write is issued before this returns; the future resolves when
    /// the transaction has committed. On `Err`, at once or from the future,
    /// nothing was written and the caller keeps `pending` for the next try.
    pub fn save(&self, workspace: &Workspace, pending: &Pending) -> Result<JsFuture, String> {
        self.write(&Batch::of(workspace, pending)?)
    }

    /// Saves while the page is being closed or reloaded. IndexedDB writes
    /// still in flight then may be dropped with the page, so the batch is
    /// also put in `localStorage`, which writes at once; the next start
    /// replays it ([`Db::load`]). Best effort: there is nobody left to tell.
    pub fn save_before_leaving(&self, workspace: &Workspace, pending: &Pending) {
        let Ok(batch) = Batch::of(workspace, pending) else {
            return;
        };
        if let Ok(json) = serde_json::to_string(&batch)
            && let Some(storage) = local_storage()
        {
            let _ = storage.set_item(RESCUE, &json);
        }
        let _ = self.write(&batch);
    }

    /// Replays a batch saved by [`Db::save_before_leaving`], if any.
    async fn replay_rescue(&self) -> Result<(), String> {
        let Some(storage) = local_storage() else {
            return Ok(());
        };
        let Ok(Some(json)) = storage.get_item(RESCUE) else {
            return Ok(());
        };
        // A damaged rescue is dropped: the database holds everything up to
        // the last save before it.
        if let Ok(batch) = serde_json::from_str::<Batch>(&json) {
            self.write(&batch)?.await.map_err(js_error)?;
        }
        let _ = storage.remove_item(RESCUE);
        Ok(())
    }

    fn write(&self, batch: &Batch) -> Result<JsFuture, String> {
        let failed = |e: JsValue| format!("saving failed: {}", js_error(e));
        let tx = self
            .0
            .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)
            .map_err(failed)?;
        let done = committed(&tx);
        let store = tx.object_store(STORE).map_err(failed)?;
        let issue = || -> Result<(), JsValue> {
            for id in &batch.removed {
                store.delete(&format!("base:{id}").into())?;
                store.delete(&format!("overlay:{id}").into())?;
            }
            for (key, value) in &batch.puts {
                store.put_with_key(&value.into(), &key.into())?;
            }
            if let Some(models) = &batch.models {
                store.put_with_key(
                    &js_sys::Uint8Array::from(models.as_slice()),
                    &"models".into(),
                )?;
            }
            Ok(())
        };
        if let Err(e) = issue() {
            let _ = tx.abort();
            return Err(failed(e));
        }
        Ok(done)
    }

    /// Deletes everything stored (for tests and a fresh start).
    pub async fn clear(&self) -> Result<(), String> {
        let tx = self
            .0
            .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)
            .map_err(js_error)?;
        let request = tx
            .object_store(STORE)
            .map_err(js_error)?
            .clear()
            .map_err(js_error)?;
        settle(&request).await.map_err(js_error)?;
        Ok(())
    }

    /// The stored value under `key`, for tests.
    pub async fn raw(&self, key: &str) -> Result<Option<String>, String> {
        self.get(key).await
    }
}
