//! The reading view: the filter bar, the sentence rows on screen and the
//! speaker editor. What each row shows is decided by
//! `rows`; a row only renders it.

use hearsay_core::{CharIndex, Label};
use leptos::ev;
use leptos::html;
use leptos::prelude::*;

use super::Ctx;
use super::keys::run;
use super::scroll::Scroll;
use crate::commands::{Action, command};
use crate::rows::{self, RowView};
use crate::state::{Message, Review};

/// The label and status menus and the search field.
#[component]
pub(super) fn FilterBar() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let on_label = move |e: ev::Event| {
        let value = event_target_value(&e);
        ctx.filter.update(|f| f.label = Label::parse(&value));
    };
    let on_review = move |e: ev::Event| {
        let value = event_target_value(&e);
        ctx.filter.update(|f| f.review = Review::parse(&value));
    };
    let on_order = move |e: ev::Event| {
        let value = event_target_value(&e);
        ctx.filter.update(|f| f.order = rows::Order::parse(&value));
    };
    let search_key = command(Action::Search).key();
    view! {
        <div class="filters">
            <select data-testid="filter-label" aria-label="Show sentences with label" on:change=on_label>
                <option value="">"All labels"</option>
                <option value="quote">"Quotes"</option>
                <option value="claim">"Claims"</option>
                <option value="denial">"Denials"</option>
            </select>
            <select data-testid="filter-status" aria-label="Show sentences by review status" on:change=on_review>
                <option value="">"Any status"</option>
                <option value="suggested">"Suggested"</option>
                <option value="accepted">"Accepted"</option>
                <option value="rejected">"Rejected"</option>
                <option value="untouched">"Untouched"</option>
            </select>
            <select data-testid="filter-order" aria-label="Order of review" on:change=on_order>
                <option value="">"Document order"</option>
                <option value="confidence">"Least confident first"</option>
            </select>
            <input
                id="search"
                data-testid="search"
                type="search"
                placeholder=format!("Search ( {search_key} )")
                on:input=move |e| {
                    let value = event_target_value(&e);
                    ctx.filter.update(|f| f.search = value);
                }
            />
        </div>
    }
}

/// The speaker field opened by `s`, completing from the document's speakers.
#[component]
pub(super) fn SpeakerEditor() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let input = NodeRef::<html::Input>::new();
    Effect::new(move |_| {
        if ctx.speaker_edit.get()
            && let Some(el) = input.get()
        {
            // Start from the current speaker, selected: typing replaces it,
            // an arrow key keeps it to amend.
            let name = ctx.ws.with_untracked(|w| {
                w.doc()
                    .and_then(|d| d.speaker_of(d.cursor))
                    .unwrap_or_default()
                    .to_owned()
            });
            el.set_value(&name);
            let _ = el.focus();
            el.select();
        }
    });
    let speakers = Memo::new(move |_| {
        ctx.ws
            .with(|w| w.doc().map(|d| d.speakers()).unwrap_or_default())
    });
    let on_keydown = move |e: ev::KeyboardEvent| {
        if e.key() != "Enter" {
            return;
        }
        e.prevent_default();
        let name = event_target_value(&e);
        if !ctx.change(|w| w.set_speaker(&name)) {
            let quote_key = command(Action::Toggle(Label::Quote)).key();
            ctx.say(Message::error(format!(
                "no quote in this sentence: press {quote_key} first"
            )));
        }
        ctx.speaker_edit.set(false);
    };
    view! {
        <Show when=move || ctx.speaker_edit.get()>
            <div class="speaker-editor">
                <label>
                    "Speaker of the quotes in this sentence: "
                    <input data-testid="speaker-input" node_ref=input list="speakers" on:keydown=on_keydown />
                </label>
                <datalist id="speakers">
                    {move || speakers.get().into_iter().map(|s| view! { <option value=s></option> }).collect_view()}
                </datalist>
            </div>
        </Show>
    }
}

/// The reading view: the rows on screen, virtualised by scroll position
/// (see `rows` and `scroll`). Two spacers stand for the rows above and
/// below the ones drawn, at a row height measured on the rows drawn.
#[component]
pub(super) fn SentenceList() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let visible = Memo::new(move |_| ctx.visible());
    let scroll = Scroll::new(visible);
    let rows = Memo::new(move |_| {
        ctx.ws.with(|w| {
            let Some(d) = w.doc() else { return Vec::new() };
            visible.with(|v| {
                let drawn = scroll.frame(v.len());
                v[drawn.clone()]
                    .iter()
                    .zip(drawn)
                    .map(|(&i, pos)| rows::row(d, i).at(pos, v.len()))
                    .collect::<Vec<_>>()
            })
        })
    });
    // A new filter or document: the rows at the scroll position once the
    // spacers are redrawn.
    Effect::new(move |_| {
        visible.track();
        request_animation_frame(move || scroll.on_scroll());
    });
    // Only a move of the cursor, another document or another filter brings
    // the cursor's row on screen: a save changes the workspace too, and
    // must not pull the page back.
    Effect::new(move |before: Option<(Option<(usize, usize)>, usize)>| {
        let cursor = ctx.ws.with(|w| w.doc().map(|d| (w.current, d.cursor)));
        let now = (cursor, visible.with(Vec::len));
        if before != Some(now) {
            scroll.follow(ctx);
        }
        now
    });
    Effect::new(move |_| {
        rows.track();
        request_animation_frame(move || scroll.drawn(ctx));
    });
    let len = move || visible.with(Vec::len);
    // Spacer heights go through the CSSOM (`style:`), which the page's CSP
    // allows where it refuses style attributes.
    view! {
        <div
            id="sentences"
            class="sentences"
            data-testid="sentences"
            role="listbox"
            aria-label="Sentences of the document"
            tabindex="-1"
            node_ref=scroll.list
            on:mouseup=move |_| run(ctx, Action::MarkSelection)
        >
            <div class="spacer" aria-hidden="true" style:height=move || scroll.spacer(scroll.frame(len()).start)></div>
            <For
                each=move || rows.get()
                key=RowView::key
                children=move |row| view! { <SentenceRow row=row /> }
            />
            <div class="spacer" aria-hidden="true" style:height=move || scroll.spacer(len() - scroll.frame(len()).end)></div>
            <Show when=move || visible.with(|v| v.is_empty())>
                <p class="empty" data-testid="empty">"No sentence to show: no document is open, or the filter leaves none."</p>
            </Show>
        </div>
    }
}

/// One sentence with its marks and speaker badges.
#[component]
fn SentenceRow(row: RowView) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let idx = row.idx;
    let class = row.class();
    let segments = row
        .segments
        .into_iter()
        .map(|s| view! { <span class=s.class data-start=s.start data-speaker=s.speaker>{s.text}</span> })
        .collect_view();
    let badges = row
        .badges
        .into_iter()
        .map(|b| {
            let class = b.class();
            let title = format!("{} quote", b.kind);
            let name = b.speaker.clone();
            view! { <span class=class title=title tabindex="0" data-speaker=name>{b.speaker}</span> }
        })
        .collect_view();
    // Each label as a letter too, so that no label is told by colour alone:
    // solid when accepted, outlined when suggested.
    let tags = tags(&row.labels, &row.suggested);
    view! {
        <div
            class=class
            role="option"
            aria-selected=if row.current { "true" } else { "false" }
            aria-posinset=row.place.0
            aria-setsize=row.place.1
            data-testid="sentence"
            data-idx=idx
            data-labels=row.labels
            data-suggested=row.suggested
            data-rejected=row.rejected
            data-confidence=row.confidence
            on:click=move |_| ctx.change(|w| w.set_cursor(idx))
        >
            {tags}
            <span class="text">{segments}</span>
            {badges}
        </div>
    }
}

/// The letters of a row's accepted and suggested labels (Q, C, D), with
/// their names for screen readers.
fn tags(labels: &str, suggested: &str) -> impl IntoView + use<> {
    let tag = |name: &str, state: &'static str| {
        let letter = name.chars().next().map(|c| c.to_ascii_uppercase());
        let class = format!("tag tag-{name} {state}");
        let title = format!("{name}, {state}");
        view! { <span class=class title=title.clone() aria-label=title>{letter.map(String::from)}</span> }
    };
    let accepted = labels.split_whitespace().map(|l| tag(l, "accepted"));
    let offered = suggested.split_whitespace().map(|l| tag(l, "suggested"));
    accepted.chain(offered).collect_view()
}

/// The legend of the reading view: what the letters, colours and dashes say.
#[component]
pub(super) fn Legend() -> impl IntoView {
    view! {
        <p class="legend" data-testid="legend">
            <span class="tag tag-quote accepted">"Q"</span>" quote "
            <span class="tag tag-claim accepted">"C"</span>" claim "
            <span class="tag tag-denial accepted">"D"</span>" denial · "
            <span class="tag tag-quote accepted">"Q"</span>" accepted "
            <span class="tag tag-quote suggested">"Q"</span>" suggested, to decide · speakers: "
            <span class="speaker-badge direct">"direct"</span>
            <span class="speaker-badge reported">"reported"</span>
            <span class="speaker-badge suggested">"dashed: to decide"</span>
        </p>
    }
}

/// Turns the page's text selection into a quote span, if it lies inside
/// the reading view. Offsets come from the `data-start` of the segment
/// elements plus the UTF-16 offset inside each, converted to code points.
pub(super) fn selection_to_span() -> Option<(usize, usize)> {
    let selection = window().get_selection().ok()??;
    if selection.is_collapsed() || selection.range_count() == 0 {
        return None;
    }
    let point = |node: Option<web_sys::Node>, offset: u32| -> Option<usize> {
        let node = node?;
        let segment = node.parent_element()?.closest("[data-start]").ok()??;
        let start: usize = segment.get_attribute("data-start")?.parse().ok()?;
        let text = node.text_content()?;
        Some(start + CharIndex::new(&text).char_of_utf16(offset as usize))
    };
    let a = point(selection.anchor_node(), selection.anchor_offset())?;
    let b = point(selection.focus_node(), selection.focus_offset())?;
    let _ = selection.remove_all_ranges();
    Some((a.min(b), a.max(b)))
}
