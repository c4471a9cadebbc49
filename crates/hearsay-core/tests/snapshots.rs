//! Whole small articles (written for these tests) rendered compactly, one
//! line per sentence and suggestion, compared with committed snapshots.

use hearsay_core::{Config, analyze};

fn render(text: &str) -> String {
    let a = analyze(text, &Config::default());
    let slice = |s: usize, e: usize| text.chars().skip(s).take(e - s).collect::<String>();
    let mut out = String::new();
    for (i, s) in a.sentences.iter().enumerate() {
        let flag = if s.boilerplate { " boilerplate" } else { "" };
        out.push_str(&format!(
            "S{i} p{}{flag}: {}\n",
            s.paragraph,
            slice(s.start, s.end)
        ));
    }
    for s in &a.suggestions {
        let mut head = s.label.as_str().to_string();
        if let Some(k) = s.kind {
            head.push(' ');
            head.push_str(k.as_str());
        }
        if let Some(sp) = &s.speaker {
            head.push_str(&format!(" speaker={sp}"));
        }
        if let Some(c) = &s.cue {
            head.push_str(&format!(" cue={c}"));
        }
        out.push_str(&format!(
            "[{head} {:.2}] S{} \"{}\"\n",
            s.confidence,
            s.sentence,
            slice(s.start, s.end)
        ));
    }
    for d in &a.diagnostics {
        out.push_str(&format!("! {} at {}\n", d.message, d.at));
    }
    out
}

#[test]
fn port_strike_article() {
    let text = "Port strike enters second week\n\nBy Lena Brandt\n\nKESTREL BAY — Dock workers extended their strike on Monday after Transport Minister Kofi Mensah ruled out a pay rise for this year.\n\n“We have no money left in the budget,” Mensah told reporters. “Nothing more can be offered.”\n\nUnion leader Ines Duarte rejected that claim. “The ministry found 40 million euros for consultants in March,” she said, adding that the union would not back down.\n\nThe strike has cost the port about 3 million euros a day, according to the chamber of commerce.\n\nAdvertisement\n\nTomas Novak contributed to this report.";
    insta::assert_snapshot!("port_strike", render(text));
}

#[test]
fn summit_article_with_roles_and_translation_marks() {
    let text = "(Wire Service) -- Danish Prime Minister Tove Aas said on Friday that the alliance would send more engineers to the north.\n\n“There will be no combat troops,” the Danish leader said. “But engineers are not soldiers.\n“They build bridges.”\n\nAsked about the plan, Kremlin spokesman Oleg Sorokin said it was a “provocation” and that Moscow would respond. « Nothing can be ruled out », said Sorokin.\n\nThe so-called “northern shield” plan was first floated in 2029.";
    insta::assert_snapshot!("summit", render(text));
}

#[test]
fn council_article_with_apostrophes_and_traps() {
    let text = "City council votes down parking fee\n\nThe council on Tuesday rejected a plan to charge for parking downtown, a measure Mayor Ravi Menon had called “overdue.”\n\nMenon refused to rule out bringing the plan back in the ’30s budget, but Councillor Zofia Kowalczyk said the residents’ message was clear. “People don’t want it,” she said. “They’ve told us so 😀 at every meeting.”\n\nThe city’s finance director, Oskar Lindqvist, said parking revenue would have reached $2.5 million by 2032.\n\nComments are no longer available on this story.";
    insta::assert_snapshot!("council", render(text));
}

#[test]
fn unbalanced_and_straight_quotes() {
    let text = "\"We are ready,\" said coach Mei Sato. \"The team has trained for months.\n\nSato's assistant said the players were \"tired but happy.\n\nThe match starts at 19:45.";
    insta::assert_snapshot!("unbalanced", render(text));
}
