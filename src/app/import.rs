//! The import panel: the paste area, the file input, dropped files and the
//! last message. Which reader takes a file is decided by `files`.

use leptos::ev;
use leptos::prelude::*;

use super::Ctx;
use crate::files;
use crate::state::Message;

/// Paste area, file input and the last message.
#[component]
pub(super) fn ImportPanel() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let text = RwSignal::new(String::new());
    let n_pasted = StoredValue::new(0usize);
    let on_submit = move |_| {
        let body = text.get_untracked();
        n_pasted.update_value(|n| *n += 1);
        let name = format!("pasted-{}.txt", n_pasted.get_value());
        match ctx.change(|w| files::add_article(w, &name, &body, None)) {
            Ok(said) => {
                text.set(String::new());
                ctx.say(Message::info(said));
            }
            Err(e) => ctx.say(Message::error(e)),
        }
    };
    view! {
        <section class="import">
            <textarea
                data-testid="import-text"
                placeholder="Paste an article here"
                prop:value=move || text.get()
                on:input=move |e| text.set(event_target_value(&e))
            ></textarea>
            <button data-testid="import-submit" on:click=on_submit>
                "Add pasted text"
            </button>
            <label class="file">
                "Open or drop files: articles (.txt .md .html), a hearsay .json, doccano .jsonl, Label Studio .json, brat .ann+.txt or .zip"
                <input
                    data-testid="import-file"
                    type="file"
                    multiple
                    accept=files::accept()
                    on:change=move |e: ev::Event| {
                        let input: web_sys::HtmlInputElement = event_target(&e);
                        if let Some(files) = input.files() {
                            import_files(ctx, files);
                        }
                        input.set_value("");
                    }
                />
            </label>
            <label class="file">
                "Compare annotators: open 2 or more hearsay exports of the same documents, one per annotator"
                <input
                    data-testid="import-team"
                    type="file"
                    multiple
                    accept=".json"
                    on:change=move |e: ev::Event| {
                        let input: web_sys::HtmlInputElement = event_target(&e);
                        if let Some(files) = input.files() {
                            import_team(ctx, files);
                        }
                        input.set_value("");
                    }
                />
            </label>
            {move || {
                ctx.message
                    .get()
                    .map(|m| {
                        view! {
                            <p data-testid="message" class=if m.error { "message error" } else { "message" }>
                                {m.text}
                            </p>
                        }
                    })
            }}
        </section>
    }
}

async fn read_file(file: web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| format!("{}: could not be read", file.name()))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Reads a team's exports and adds one adjudication document per text
/// they share; refuses the set, changing nothing, with the reason.
fn import_team(ctx: Ctx, files: web_sys::FileList) {
    let files = listed(&files);
    leptos::task::spawn_local(async move {
        let (read, refused) = read_files(files).await;
        let gathered = match refused.into_iter().next() {
            Some(why) => Err(why),
            None => files::read_team(read).and_then(|team| {
                let n = team.len();
                hearsay_core::agreement::gather(&team)
                    .map(|docs| (n, docs))
                    .map_err(|e| e.to_string())
            }),
        };
        // Gathered before any change, so a refused set changes nothing.
        let message = match gathered {
            Ok((annotators, docs)) => {
                let n = ctx.change(|w| w.add_adjudication(docs));
                let items = ctx.ws.with_untracked(|w| w.progress().items);
                let s = |k: usize| if k == 1 { "" } else { "s" };
                Message::info(format!(
                    "{annotators} annotators, {n} document{} to adjudicate: {items} disagreement{}",
                    s(n),
                    s(items)
                ))
            }
            Err(why) => Message::error(why),
        };
        ctx.say(message);
    });
}

/// The files of a list, taken at once: the input is cleared right after.
fn listed(files: &web_sys::FileList) -> Vec<web_sys::File> {
    (0..files.length()).filter_map(|i| files.get(i)).collect()
}

/// The files' names and bytes, and why the others could not be read
/// (too large, or the browser refused).
async fn read_files(files: Vec<web_sys::File>) -> (Vec<(String, Vec<u8>)>, Vec<String>) {
    let mut read = Vec::new();
    let mut refused = Vec::new();
    for file in files {
        let name = file.name();
        if let Some(why) = files::file_too_large(&name, file.size()) {
            refused.push(why);
            continue;
        }
        match read_file(file).await {
            Ok(bytes) => read.push((name, bytes)),
            Err(why) => refused.push(why),
        }
    }
    (read, refused)
}

/// Reads the files a person opened or dropped and adds what they hold.
/// Never changes anything for a file that is refused.
pub(super) fn import_files(ctx: Ctx, files: web_sys::FileList) {
    let files = listed(&files);
    if files.is_empty() {
        return;
    }
    leptos::task::spawn_local(async move {
        let (read, refused) = read_files(files).await;
        let mut outcomes: Vec<Result<String, String>> = refused.into_iter().map(Err).collect();
        let intakes = files::read_all(read);
        if intakes.iter().any(Result::is_ok) {
            outcomes.extend(ctx.change(|w| files::add_all(w, intakes)));
        } else {
            // Nothing to add: the workspace is left alone, so nothing is saved.
            outcomes.extend(
                intakes
                    .into_iter()
                    .map(|refused| refused.map(|_| String::new())),
            );
        }
        ctx.say(files::report(outcomes));
    });
}
