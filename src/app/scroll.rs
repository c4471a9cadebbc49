//! The sentence list's scroll: which rows are drawn for the page's scroll
//! position, and bringing the cursor's row on screen. Which positions those
//! are is decided by `rows` (`first_on_screen`, `frame`, `screen_rows`,
//! tested natively); this reads and moves the page.
//!
//! Rule: the page scrolls to the cursor after a key, a click, a filter or a
//! search, never after a scroll or a save. When the cursor's row is not
//! drawn, the page scrolls to where the row should be (by the measured row
//! height); once drawn, the row is scrolled into view exactly.

use std::ops::Range;

use leptos::ev;
use leptos::html;
use leptos::prelude::*;

use super::Ctx;
use crate::rows;

/// The scroll state of one sentence list.
#[derive(Clone, Copy)]
pub(super) struct Scroll {
    /// The list element.
    pub list: NodeRef<html::Div>,
    /// The sentences the filter shows, in order.
    visible: Memo<Vec<usize>>,
    /// The first row on screen (u32: the type of another signal of the
    /// page, so no new code is generated for it).
    first: RwSignal<u32>,
    /// How many rows the screen shows.
    screen: RwSignal<u32>,
    /// A row's height in whole CSS pixels, measured once rows are drawn.
    row_height: StoredValue<usize>,
    /// Whether the cursor's row is still to be brought on screen.
    follow: StoredValue<bool>,
}

/// The height of the browser's window, in CSS pixels.
fn screen_height() -> f64 {
    window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0)
}

impl Scroll {
    /// The scroll of a list showing `visible`, listening to the page's
    /// scroll for as long as the list lives.
    pub fn new(visible: Memo<Vec<usize>>) -> Scroll {
        let s = Scroll {
            list: NodeRef::new(),
            visible,
            first: RwSignal::new(0),
            screen: RwSignal::new(rows::SCREEN_ROWS as u32),
            row_height: StoredValue::new(rows::ROW_HEIGHT),
            follow: StoredValue::new(false),
        };
        let ctx = expect_context::<super::Ctx>();
        let scroll = window_event_listener(ev::scroll, move |_| {
            ctx.input();
            s.on_scroll();
        });
        on_cleanup(move || scroll.remove());
        s
    }

    /// The positions in the visible list to draw (read reactively).
    pub fn frame(self, len: usize) -> Range<usize> {
        rows::frame(len, self.first.get() as usize, self.screen.get() as usize)
    }

    /// The height of the spacer standing for `rows` rows not drawn.
    pub fn spacer(self, rows: usize) -> String {
        format!("{}px", rows * self.row_height.get_value())
    }

    /// The mean height of the rows drawn: the list's height but the
    /// spacers'.
    fn measure(self) -> Option<usize> {
        let el = self.list.get_untracked()?;
        let (len, drawn) = self.visible.with_untracked(|v| {
            let first = self.first.get_untracked() as usize;
            let screen = self.screen.get_untracked() as usize;
            (v.len(), rows::frame(v.len(), first, screen))
        });
        let spacers = (drawn.start + len - drawn.end) * self.row_height.get_value();
        let rows = usize::try_from(el.offset_height())
            .ok()?
            .checked_sub(spacers)?;
        (!drawn.is_empty() && rows > 0).then(|| (rows + drawn.len() / 2) / drawn.len())
    }

    /// Follows the page's scroll position: the first row on screen, and the
    /// rows a screen holds (measured again when the screen changes).
    pub fn on_scroll(self) {
        let Some(el) = self.list.get_untracked() else {
            return;
        };
        let top = -el.get_bounding_client_rect().top();
        let n = self.visible.with_untracked(Vec::len);
        let h = self.row_height.get_value();
        let now = rows::first_on_screen(n, top, h as f64) as u32;
        if now != self.first.get_untracked() {
            self.first.set(now);
        }
        let fits = rows::screen_rows(screen_height(), h) as u32;
        if fits != self.screen.get_untracked() {
            // Another screen (resized, turned): rows rewrap.
            if let Some(h) = self.measure() {
                self.row_height.set_value(h);
            }
            self.screen.set(fits);
        }
    }

    /// After rows are drawn: a row's height the first time, then the
    /// cursor's row if it is still to be shown.
    pub fn drawn(self, ctx: Ctx) {
        if self.row_height.get_value() == rows::ROW_HEIGHT
            && let Some(h) = self.measure()
        {
            self.row_height.set_value(h);
            self.on_scroll();
        }
        self.show_cursor(ctx);
    }

    /// Brings the cursor's row on screen at the next frame.
    pub fn follow(self, ctx: Ctx) {
        self.follow.set_value(true);
        request_animation_frame(move || self.show_cursor(ctx));
    }

    fn show_cursor(self, ctx: Ctx) {
        if !self.follow.get_value() {
            return;
        }
        if let Ok(Some(el)) = document().query_selector(".sentence.current") {
            self.follow.set_value(false);
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Nearest);
            el.scroll_into_view_with_scroll_into_view_options(&options);
            return;
        }
        let cursor = ctx.ws.with_untracked(|w| w.doc().map(|d| d.cursor));
        let pos = cursor.and_then(|c| self.visible.with_untracked(|v| rows::position(v, c)));
        match (pos, self.list.get_untracked()) {
            (Some(pos), Some(el)) => {
                // Where the row should be; the rows drawn there say exactly.
                let w = window();
                let list_top = w.scroll_y().unwrap_or(0.0) + el.get_bounding_client_rect().top();
                let y =
                    list_top + (pos * self.row_height.get_value()) as f64 - screen_height() / 3.0;
                w.scroll_to_with_x_and_y(0.0, y.max(0.0));
                self.on_scroll();
            }
            _ => self.follow.set_value(false),
        }
    }
}
