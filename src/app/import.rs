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
        match ctx.change(|w| w.add_text(&name, &body)) {
            Ok(_) => {
                text.set(String::new());
                ctx.say(Message::info(format!("{name}: added")));
            }
            Err(e) => ctx.say(Message::error(e.to_string())),
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
    let files: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
    leptos::task::spawn_local(async move {
        let mut read = Vec::new();
        for file in files {
            let name = file.name();
            if let Some(why) = files::file_too_large(&name, file.size()) {
                ctx.say(Message::error(why));
                return;
            }
            match read_file(file).await {
                Ok(bytes) => read.push((name, bytes)),
                Err(why) => {
                    ctx.say(Message::error(why));
                    return;
                }
            }
        }
        let team = match files::read_team(read) {
            Ok(team) => team,
            Err(why) => {
                ctx.say(Message::error(why));
                return;
            }
        };
        // Gathered before any change, so a refused set changes nothing.
        let message = match hearsay_core::agreement::gather(&team) {
            Ok(docs) => {
                let n = ctx.change(|w| w.add_adjudication(docs));
                let items = ctx.ws.with_untracked(|w| w.progress().items);
                Message::info(format!(
                    "{} annotators, {n} document{} to adjudicate: {items} disagreements",
                    team.len(),
                    if n == 1 { "" } else { "s" }
                ))
            }
            Err(why) => Message::error(why.to_string()),
        };
        ctx.say(message);
    });
}

/// Reads the files a person opened or dropped and adds what they hold.
/// Never changes anything for a file that is refused.
pub(super) fn import_files(ctx: Ctx, files: web_sys::FileList) {
    let files: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
    if files.is_empty() {
        return;
    }
    leptos::task::spawn_local(async move {
        let mut outcomes = Vec::new();
        let mut read = Vec::new();
        for file in files {
            let name = file.name();
            if let Some(why) = files::file_too_large(&name, file.size()) {
                outcomes.push(Err(why));
                continue;
            }
            match read_file(file).await {
                Ok(bytes) => read.push((name, bytes)),
                Err(why) => outcomes.push(Err(why)),
            }
        }
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
