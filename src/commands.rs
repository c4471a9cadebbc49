//! Every command of the annotator, declared once in [`COMMANDS`]: its keys,
//! its name, what it does and whether the action bar offers it. The key
//! handler, the action bar (buttons and their titles), the one-line hint and
//! the `?` key guide are all drawn from this table, so a key is changed in
//! one place (ripgrep declares its flags once the same way).
//!
//! Plain Rust, tested natively: [`lookup`] turns a key press into the
//! command it gives.
//!
//! ```
//! use hearsay_web::commands::{Action, KeyPress, lookup};
//!
//! let undo = KeyPress { ctrl: true, ..KeyPress::new("z") };
//! assert_eq!(lookup(&undo).map(|(action, _)| action), Some(Action::Undo));
//! ```

use std::mem::discriminant;

use hearsay_core::Label;
use hearsay_core::agreement::Choice;

use crate::rows::Walk;

/// What a command does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Move the cursor to the next or previous visible sentence.
    Step(Walk),
    /// Accept the suggestions on the current sentence.
    Accept,
    /// Reject them (or, with none left, what was accepted).
    Reject,
    /// Toggle a label on the current sentence.
    Toggle(Label),
    /// Open the speaker editor.
    EditSpeaker,
    /// Make a quote of the text selected with the mouse.
    MarkSelection,
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Focus the search field.
    Search,
    /// Open or close the key guide.
    Guide,
    /// Open or close the guidelines.
    Guidelines,
    /// Open or close the statements across the open documents.
    Statements,
    /// Close the key guide, the guidelines, the speaker editor and the
    /// statements.
    Close,
    /// Settle the current disagreement of an adjudication document.
    Settle(Choice),
    /// Move to the next or previous disagreement.
    Item(Walk),
}

/// One way to give a command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// A key without Ctrl, Alt or Meta, outside text fields. Shift is
    /// allowed: `?` needs it on most keyboards.
    Key(&'static str),
    /// Ctrl and a key, outside text fields.
    Ctrl(&'static str),
    /// Ctrl, Shift and a key in either case (Shift makes `z` a `Z`). It wins
    /// over a [`Input::Ctrl`] of the same key: Ctrl+Z undoes, Ctrl+Shift+Z
    /// redoes.
    CtrlShift(&'static str),
    /// A key that works everywhere, with any modifier and while typing in a
    /// field. The browser's own handling is kept (Escape also clears the
    /// search field).
    Anywhere(&'static str),
    /// Selecting text with the mouse.
    Selection,
}

/// A key press, as the handler sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyPress<'a> {
    /// `KeyboardEvent.key`: `a`, `A`, `Enter`, `ArrowDown`, `?`, …
    pub key: &'a str,
    /// Whether Ctrl was held.
    pub ctrl: bool,
    /// Whether Shift was held.
    pub shift: bool,
    /// Whether Alt was held.
    pub alt: bool,
    /// Whether Meta (⌘, the Windows key) was held.
    pub meta: bool,
    /// Whether the focus is in a text field or a menu, where keys type.
    pub in_field: bool,
}

impl<'a> KeyPress<'a> {
    /// `key` alone, outside any field.
    pub fn new(key: &'a str) -> KeyPress<'a> {
        KeyPress {
            key,
            ctrl: false,
            shift: false,
            alt: false,
            meta: false,
            in_field: false,
        }
    }

    /// True if the press belongs to the page's text fields or to the
    /// browser and the system, not to the annotator.
    fn elsewhere(&self) -> bool {
        self.in_field || self.alt || self.meta
    }
}

impl Input {
    /// True if and only if `press` gives this input.
    pub fn matches(self, press: &KeyPress) -> bool {
        match self {
            Input::Anywhere(key) => press.key == key,
            _ if press.elsewhere() => false,
            Input::Key(key) => !press.ctrl && press.key == key,
            Input::Ctrl(key) => press.ctrl && press.key == key,
            Input::CtrlShift(key) => {
                press.ctrl && press.shift && press.key.eq_ignore_ascii_case(key)
            }
            Input::Selection => false,
        }
    }

    /// True if the browser's own handling of the key is kept when the
    /// command runs.
    pub fn keeps_default(self) -> bool {
        matches!(self, Input::Anywhere(_))
    }

    /// How the input is written for people: `j`, `↓`, `Esc`, `Ctrl+Z`.
    pub fn label(self) -> String {
        let name = |key: &str| match key {
            "ArrowDown" => "↓".to_owned(),
            "ArrowUp" => "↑".to_owned(),
            "Escape" => "Esc".to_owned(),
            key => key.to_owned(),
        };
        match self {
            Input::Key(key) | Input::Anywhere(key) => name(key),
            Input::Ctrl(key) => format!("Ctrl+{}", key.to_ascii_uppercase()),
            Input::CtrlShift(key) => format!("Ctrl+Shift+{}", key.to_ascii_uppercase()),
            Input::Selection => "select text".to_owned(),
        }
    }
}

/// One command: how it is given, what it is called and what it does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Command {
    /// What it does.
    pub action: Action,
    /// The keys (or gesture) that give it, the first one the main one.
    pub inputs: &'static [Input],
    /// A short name: its button's test id is `action-<name>`.
    pub name: &'static str,
    /// What it does, for the key guide.
    pub description: &'static str,
    /// Its word in the one-line hint, if it is there.
    pub hint: Option<&'static str>,
    /// The text of its button in the action bar, if it has one.
    pub button: Option<&'static str>,
}

use Input::{Anywhere, Ctrl, CtrlShift, Key, Selection};

/// Every command, in the order of the key guide, the hint and the action
/// bar.
pub const COMMANDS: &[Command] = &[
    Command {
        action: Action::Step(Walk::Forward),
        inputs: &[Key("j"), Key("ArrowDown")],
        name: "next",
        description: "next sentence",
        hint: Some("move"),
        button: None,
    },
    Command {
        action: Action::Step(Walk::Backward),
        inputs: &[Key("k"), Key("ArrowUp")],
        name: "previous",
        description: "previous sentence",
        hint: Some("move"),
        button: None,
    },
    Command {
        action: Action::Accept,
        inputs: &[Key("a"), Key("Enter")],
        name: "accept",
        description: "accept the suggestions on the sentence",
        hint: Some("accept"),
        button: Some("Accept"),
    },
    Command {
        action: Action::Reject,
        inputs: &[Key("x")],
        name: "reject",
        description: "reject them (or what was accepted)",
        hint: Some("reject"),
        button: Some("Reject"),
    },
    Command {
        action: Action::Toggle(Label::Quote),
        inputs: &[Key("q")],
        name: "quote",
        description: "toggle quote",
        hint: Some("quote"),
        button: Some("Quote"),
    },
    Command {
        action: Action::Toggle(Label::Claim),
        inputs: &[Key("c")],
        name: "claim",
        description: "toggle claim",
        hint: Some("claim"),
        button: Some("Claim"),
    },
    Command {
        action: Action::Toggle(Label::Denial),
        inputs: &[Key("d")],
        name: "denial",
        description: "toggle denial",
        hint: Some("denial"),
        button: Some("Denial"),
    },
    Command {
        action: Action::EditSpeaker,
        inputs: &[Key("s")],
        name: "speaker",
        description: "edit the speaker of the sentence's quotes",
        hint: Some("speaker"),
        button: Some("Speaker…"),
    },
    Command {
        action: Action::MarkSelection,
        inputs: &[Selection],
        name: "selection",
        description: "mark exactly that text as a quote",
        hint: None,
        button: None,
    },
    Command {
        action: Action::Undo,
        inputs: &[Key("u"), Ctrl("z")],
        name: "undo",
        description: "undo",
        hint: Some("undo"),
        button: Some("Undo"),
    },
    Command {
        action: Action::Redo,
        inputs: &[CtrlShift("z"), Ctrl("y")],
        name: "redo",
        description: "redo",
        hint: None,
        button: Some("Redo"),
    },
    Command {
        action: Action::Settle(Choice::Take(0)),
        inputs: &[
            Key("1"),
            Key("2"),
            Key("3"),
            Key("4"),
            Key("5"),
            Key("6"),
            Key("7"),
            Key("8"),
            Key("9"),
        ],
        name: "take",
        description: "adjudication: take annotator 1's, 2's, 3's … proposals",
        hint: None,
        button: None,
    },
    Command {
        action: Action::Settle(Choice::All),
        inputs: &[Key("b")],
        name: "both",
        description: "adjudication: keep both (all) proposals",
        hint: None,
        button: None,
    },
    Command {
        action: Action::Settle(Choice::Neither),
        inputs: &[Key("n")],
        name: "neither",
        description: "adjudication: keep neither",
        hint: None,
        button: None,
    },
    Command {
        action: Action::Item(Walk::Forward),
        inputs: &[Key("]")],
        name: "next-item",
        description: "adjudication: next disagreement",
        hint: None,
        button: None,
    },
    Command {
        action: Action::Item(Walk::Backward),
        inputs: &[Key("[")],
        name: "previous-item",
        description: "adjudication: previous disagreement",
        hint: None,
        button: None,
    },
    Command {
        action: Action::Search,
        inputs: &[Key("/")],
        name: "search",
        description: "search",
        hint: None,
        button: None,
    },
    Command {
        action: Action::Guide,
        inputs: &[Key("?")],
        name: "help",
        description: "this guide",
        hint: Some("all keys"),
        button: Some("Keys"),
    },
    Command {
        action: Action::Guidelines,
        inputs: &[Key("g")],
        name: "guidelines",
        description: "the team's guidelines (open or close)",
        hint: None,
        button: None,
    },
    Command {
        action: Action::Statements,
        inputs: &[Key("o")],
        name: "statements",
        description: "statements across the open documents (open or close)",
        hint: None,
        button: None,
    },
    Command {
        action: Action::Close,
        inputs: &[Anywhere("Escape")],
        name: "close",
        description: "close",
        hint: None,
        button: None,
    },
];

impl Command {
    /// Its inputs as people read them, `a / Enter`: the key guide's first
    /// column and the title of its button.
    pub fn keys(&self) -> String {
        self.inputs
            .iter()
            .map(|i| i.label())
            .collect::<Vec<_>>()
            .join(" / ")
    }

    /// Its main key as people read it: `j` for the next sentence.
    pub fn key(&self) -> String {
        self.inputs.first().map(|i| i.label()).unwrap_or_default()
    }

    /// The CSS class of its button: the label's colour for the toggles.
    pub fn button_class(&self) -> Option<&'static str> {
        match self.action {
            Action::Toggle(Label::Quote) => Some("label-quote"),
            Action::Toggle(Label::Claim) => Some("label-claim"),
            Action::Toggle(Label::Denial) => Some("label-denial"),
            _ => None,
        }
    }
}

/// Whether `action`'s key works over the statements view, where the
/// sentences are hidden: opening and closing it, the guide and the
/// guidelines, undo and redo (whose change the view shows). The keys of
/// decisions and moves do nothing there.
pub fn works_over_statements(action: Action) -> bool {
    matches!(
        action,
        Action::Statements
            | Action::Close
            | Action::Guide
            | Action::Guidelines
            | Action::Undo
            | Action::Redo
    )
}

/// The command that does `action`.
pub fn command(action: Action) -> &'static Command {
    COMMANDS
        .iter()
        .find(|c| c.action == action)
        .expect("every action has a command in COMMANDS")
}

/// The command `press` gives and the input that matched, if any.
pub fn lookup(press: &KeyPress) -> Option<(Action, Input)> {
    let found = |wanted: &dyn Fn(Input) -> bool| {
        COMMANDS.iter().find_map(|c| {
            let input = c.inputs.iter().copied().find(|&i| wanted(i))?;
            Some((c.action, input))
        })
    };
    // Ctrl+Shift inputs first: they are the more specific.
    let (action, input) = found(&|i| matches!(i, CtrlShift(_)) && i.matches(press))
        .or_else(|| found(&|i| i.matches(press)))?;
    // One command takes annotator 1 to 9: the digit says which.
    let action = match (action, input) {
        (Action::Settle(Choice::Take(_)), Key(digit)) => {
            let k = digit.parse::<usize>().ok()?.checked_sub(1)?;
            Action::Settle(Choice::Take(k))
        }
        _ => action,
    };
    Some((action, input))
}

/// The one-line hint under the title: the main key and word of each hinted
/// command, with neighbours of one kind (the moves, the label toggles)
/// joined: `j/k move · a accept · … · q/c/d quote/claim/denial · …`.
pub fn hint() -> String {
    let mut parts: Vec<(String, Vec<&str>)> = Vec::new();
    let mut last_kind = None;
    for c in COMMANDS {
        let Some(word) = c.hint else {
            last_kind = None;
            continue;
        };
        let kind = Some(discriminant(&c.action));
        match parts.last_mut() {
            Some((keys, words)) if kind == last_kind => {
                keys.push('/');
                keys.push_str(&c.key());
                if !words.contains(&word) {
                    words.push(word);
                }
            }
            _ => parts.push((c.key(), vec![word])),
        }
        last_kind = kind;
    }
    parts
        .iter()
        .map(|(keys, words)| format!("{keys} {}", words.join("/")))
        .collect::<Vec<_>>()
        .join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn o_opens_the_statements() {
        check(press("o"), Some(Action::Statements));
    }

    #[test]
    fn decisions_do_nothing_over_the_statements() {
        assert!(!works_over_statements(Action::Reject));
        assert!(!works_over_statements(Action::Accept));
        assert!(!works_over_statements(Action::Step(Walk::Forward)));
    }

    #[test]
    fn closing_and_undo_work_over_the_statements() {
        assert!(works_over_statements(Action::Close));
        assert!(works_over_statements(Action::Statements));
        assert!(works_over_statements(Action::Undo));
    }

    /// What `press` gives.
    fn check(press: KeyPress, expected: Option<Action>) {
        assert_eq!(
            lookup(&press).map(|(action, _)| action),
            expected,
            "{press:?}"
        );
    }

    /// A press written as people write it: `Ctrl+Shift+Z`, `Alt+a`;
    /// `Field+j` is `j` typed in a text field.
    fn press(written: &str) -> KeyPress<'_> {
        let (modifiers, key) = written.rsplit_once('+').unwrap_or(("", written));
        let held = |modifier| modifiers.split('+').any(|m| m == modifier);
        KeyPress {
            key,
            ctrl: held("Ctrl"),
            shift: held("Shift"),
            alt: held("Alt"),
            meta: held("Meta"),
            in_field: held("Field"),
        }
    }

    /// One test per case: a failing case names itself.
    macro_rules! cases {
        ($($name:ident: $written:literal => $expected:expr;)*) => {
            $(#[test] fn $name() { check(press($written), $expected) })*
        };
    }

    const FORWARD: Option<Action> = Some(Action::Step(Walk::Forward));
    const BACKWARD: Option<Action> = Some(Action::Step(Walk::Backward));

    cases! {
        j_moves_forward: "j" => FORWARD;
        arrow_down_moves_forward: "ArrowDown" => FORWARD;
        k_moves_backward: "k" => BACKWARD;
        arrow_up_moves_backward: "ArrowUp" => BACKWARD;
        a_accepts: "a" => Some(Action::Accept);
        enter_accepts: "Enter" => Some(Action::Accept);
        x_rejects: "x" => Some(Action::Reject);
        q_toggles_quote: "q" => Some(Action::Toggle(Label::Quote));
        c_toggles_claim: "c" => Some(Action::Toggle(Label::Claim));
        d_toggles_denial: "d" => Some(Action::Toggle(Label::Denial));
        s_edits_the_speaker: "s" => Some(Action::EditSpeaker);
        slash_searches: "/" => Some(Action::Search);
        question_mark_with_shift_opens_the_guide: "Shift+?" => Some(Action::Guide);
        escape_closes: "Escape" => Some(Action::Close);
        escape_closes_while_typing: "Field+Escape" => Some(Action::Close);
        escape_closes_with_ctrl: "Ctrl+Escape" => Some(Action::Close);
        u_undoes: "u" => Some(Action::Undo);
        ctrl_z_undoes: "Ctrl+z" => Some(Action::Undo);
        ctrl_shift_z_redoes: "Ctrl+Shift+Z" => Some(Action::Redo);
        ctrl_shift_lowercase_z_redoes: "Ctrl+Shift+z" => Some(Action::Redo);
        ctrl_y_redoes: "Ctrl+y" => Some(Action::Redo);
        one_takes_the_first_annotator: "1" => Some(Action::Settle(Choice::Take(0)));
        three_takes_the_third_annotator: "3" => Some(Action::Settle(Choice::Take(2)));
        nine_takes_the_ninth_annotator: "9" => Some(Action::Settle(Choice::Take(8)));
        zero_takes_nobody: "0" => None;
        digits_type_in_fields: "Field+2" => None;
        b_keeps_both: "b" => Some(Action::Settle(Choice::All));
        g_opens_the_guidelines: "g" => Some(Action::Guidelines);
        n_keeps_neither: "n" => Some(Action::Settle(Choice::Neither));
        bracket_moves_to_the_next_item: "]" => Some(Action::Item(Walk::Forward));
        bracket_moves_to_the_previous_item: "[" => Some(Action::Item(Walk::Backward));
        ctrl_shift_y_redoes: "Ctrl+Shift+y" => Some(Action::Redo);
        ctrl_capital_z_without_shift_is_nothing: "Ctrl+Z" => None;
        ctrl_a_is_the_browsers: "Ctrl+a" => None;
        ctrl_j_is_the_browsers: "Ctrl+j" => None;
        capital_j_is_nothing: "Shift+J" => None;
        keys_type_in_fields: "Field+j" => None;
        ctrl_z_in_a_field_undoes_the_text: "Field+Ctrl+z" => None;
        alt_a_is_the_systems: "Alt+a" => None;
        meta_ctrl_z_is_the_systems: "Meta+Ctrl+z" => None;
        other_keys_are_nothing: "w" => None;
    }

    #[test]
    fn every_action_has_one_command() {
        for c in COMMANDS {
            assert_eq!(command(c.action), c, "{:?} twice", c.action);
        }
    }

    #[test]
    fn only_escape_keeps_the_browsers_handling() {
        let keeps = |written| lookup(&press(written)).map(|(_, i)| i.keeps_default());
        assert_eq!(keeps("Escape"), Some(true));
        assert_eq!(keeps("a"), Some(false));
    }

    #[test]
    fn keys_are_written_for_people() {
        let keys = |action| command(action).keys();
        assert_eq!(keys(Action::Step(Walk::Forward)), "j / ↓");
        assert_eq!(keys(Action::Accept), "a / Enter");
        assert_eq!(keys(Action::Undo), "u / Ctrl+Z");
        assert_eq!(keys(Action::Redo), "Ctrl+Shift+Z / Ctrl+Y");
        assert_eq!(keys(Action::MarkSelection), "select text");
        assert_eq!(keys(Action::Close), "Esc");
        assert_eq!(command(Action::Step(Walk::Backward)).key(), "k");
    }

    #[test]
    fn hint_joins_the_moves_and_the_toggles() {
        assert_eq!(
            hint(),
            "j/k move · a accept · x reject · q/c/d quote/claim/denial · s speaker · u undo · ? all keys"
        );
    }

    #[test]
    fn buttons_are_the_commands_on_the_current_sentence() {
        let buttons: Vec<_> = COMMANDS
            .iter()
            .filter(|c| c.button.is_some())
            .map(|c| (c.name, c.button_class()))
            .collect();
        assert_eq!(
            buttons,
            [
                ("accept", None),
                ("reject", None),
                ("quote", Some("label-quote")),
                ("claim", Some("label-claim")),
                ("denial", Some("label-denial")),
                ("speaker", None),
                ("undo", None),
                ("redo", None),
                ("help", None),
            ]
        );
    }
}
