//! Table-driven behaviour tests: one line per hard case, on sentences written
//! for these tests.

use hearsay_core::{Analysis, Config, Label, QuoteKind, analyze};

fn run(text: &str) -> Analysis {
    analyze(text, &Config::default())
}

fn slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

/// The sentences of `text`, as strings.
fn sentences(text: &str) -> Vec<String> {
    run(text)
        .sentences
        .iter()
        .map(|s| slice(text, s.start, s.end))
        .collect()
}

/// Direct quotes as `text|speaker`.
fn direct(text: &str) -> Vec<String> {
    run(text)
        .suggestions
        .iter()
        .filter(|s| s.label == Label::Quote && s.kind == Some(QuoteKind::Direct))
        .map(|s| {
            format!(
                "{}|{}",
                slice(text, s.start, s.end),
                s.speaker.as_deref().unwrap_or("-")
            )
        })
        .collect()
}

/// Reported speech as `speaker|cue`.
fn reported(text: &str) -> Vec<String> {
    run(text)
        .suggestions
        .iter()
        .filter(|s| s.label == Label::Quote && s.kind == Some(QuoteKind::Reported))
        .map(|s| {
            format!(
                "{}|{}",
                s.speaker.as_deref().unwrap_or("-"),
                s.cue.as_deref().unwrap_or("-")
            )
        })
        .collect()
}

/// Denials as `speaker|cue`.
fn denials(text: &str) -> Vec<String> {
    run(text)
        .suggestions
        .iter()
        .filter(|s| s.label == Label::Denial)
        .map(|s| {
            format!(
                "{}|{}",
                s.speaker.as_deref().unwrap_or("-"),
                s.cue.as_deref().unwrap_or("-")
            )
        })
        .collect()
}

fn boilerplate(text: &str) -> Vec<String> {
    let a = run(text);
    a.sentences
        .iter()
        .filter(|s| s.boilerplate)
        .map(|s| slice(text, s.start, s.end))
        .collect()
}

#[test]
fn sentence_boundaries() {
    let cases: &[(&str, &[&str])] = &[
        // abbreviations and titles
        (
            "Mr. Brandt met Maj. Gen. Ola Dahl. They spoke.",
            &["Mr. Brandt met Maj. Gen. Ola Dahl.", "They spoke."],
        ),
        // middle initials
        (
            "Analyst Ruth K. Osei disagreed. Nobody else did.",
            &["Analyst Ruth K. Osei disagreed.", "Nobody else did."],
        ),
        // dotted acronyms before a name, and at a sentence end
        (
            "The U.S. envoy left for the U.K. on Friday. She returned to the U.S. The trip was short.",
            &[
                "The U.S. envoy left for the U.K. on Friday.",
                "She returned to the U.S.",
                "The trip was short.",
            ],
        ),
        // a quote that ends a sentence
        (
            "“We are done,” she said. Then she left.",
            &["“We are done,” she said.", "Then she left."],
        ),
        (
            "“Are we done?” she asked. Nobody answered.",
            &["“Are we done?” she asked.", "Nobody answered."],
        ),
        // numbers and times
        (
            "Prices rose 2.5 percent by 10:45 on Tuesday. Markets fell.",
            &[
                "Prices rose 2.5 percent by 10:45 on Tuesday.",
                "Markets fell.",
            ],
        ),
        // headline and caption lines without final punctuation
        (
            "Port strike spreads\nDock workers walked out on Monday.",
            &["Port strike spreads", "Dock workers walked out on Monday."],
        ),
        // datelines
        (
            "OSLO — The talks ended early.",
            &["OSLO —", "The talks ended early."],
        ),
        (
            "(Wire Service) -- The talks ended early.",
            &["(Wire Service) --", "The talks ended early."],
        ),
        // lowercase after a period inside a quote does not split
        (
            "“It is over.” he told a colleague later.",
            &["“It is over.” he told a colleague later."],
        ),
    ];
    for (input, expected) in cases {
        assert_eq!(sentences(input), *expected, "input: {input}");
    }
}

#[test]
fn paragraphs_count_line_breaks() {
    let a = run("One line here.\nSecond line.\n\nThird line.");
    let paragraphs: Vec<usize> = a.sentences.iter().map(|s| s.paragraph).collect();
    assert_eq!(paragraphs, [0, 1, 2]);
}

#[test]
fn boilerplate_lines() {
    let cases: &[(&str, &[&str])] = &[
        ("By Ana Lopez\nThe vote passed.", &["By Ana Lopez"]),
        (
            "The vote passed.\nJo Kim and Li Wen contributed to this report.",
            &["Jo Kim and Li Wen contributed to this report."],
        ),
        (
            "The vote passed.\n© 2030 Example Media Ltd.",
            &["© 2030 Example Media Ltd."],
        ),
        ("Advertisement\nThe vote passed.", &["Advertisement"]),
        (
            "Supporters cheer in the square. (Photo by Sam Reed/Example Images)\nThe vote passed.",
            &["(Photo by Sam Reed/Example Images)"],
        ),
        (
            "The vote passed.\nComments are no longer available on this story.",
            &["Comments are no longer available on this story."],
        ),
        (
            "The vote passed.\n--With assistance from Jo Kim.",
            &["--With assistance from Jo Kim."],
        ),
        (
            "The vote passed.\nFollow Jo Kim on Twitter @jokim",
            &["Follow Jo Kim on Twitter @jokim"],
        ),
        ("Follow the money, she said.", &[]),
    ];
    for (input, expected) in cases {
        assert_eq!(boilerplate(input), *expected, "input: {input}");
    }
}

#[test]
fn boilerplate_is_never_labelled() {
    let a = run(
        "Advertisement\nJo Kim said the vote passed, according to officials.\nJo Kim contributed to this report, she said.",
    );
    for s in &a.suggestions {
        assert!(!a.sentences[s.sentence].boilerplate, "{s:?}");
    }
}

#[test]
fn direct_quotes() {
    let cases: &[(&str, &[&str])] = &[
        // speaker after the quote
        (
            "“The budget is balanced,” Finance Minister Ana Ruiz said.",
            &["The budget is balanced|Ana Ruiz"],
        ),
        // inverted, with a role
        (
            "“The budget is balanced,” said Treasury spokesman Piet Mol.",
            &["The budget is balanced|Piet Mol"],
        ),
        // title before the name
        (
            "“No comment,” said Mr. Okafor, before leaving the room.",
            &["No comment|Okafor"],
        ),
        // colon cue before the quote
        (
            "Coach Lena Brandt added: “We will play to win.”",
            &["We will play to win.|Lena Brandt"],
        ),
        // multi-sentence quote
        (
            "“We tried. We failed. We will try again,” said Ravi Menon.",
            &["We tried. We failed. We will try again|Ravi Menon"],
        ),
        // nested quote marks belong to the outer quote
        (
            "“They told us ‘never’ and we listened,” said Ines Duarte.",
            &["They told us ‘never’ and we listened|Ines Duarte"],
        ),
        // partial quotes of a word or two, with a cue
        (
            "Governor Kofi Mensah said the plan was “reckless” and “unfair.”",
            &["reckless|Kofi Mensah", "unfair.|Kofi Mensah"],
        ),
        // apostrophes are not quote marks
        (
            "The Democrats’ plan for the ’90s didn’t work, Sara Lind said.",
            &[],
        ),
        // scare quotes without speech context are not quotes
        (
            "The ministry launched a scheme called “smart growth” last year.",
            &[],
        ),
        ("The so-called “reset” never happened.", &[]),
        // titles and stage directions are not speech
        (
            "Ana Ruiz, who said little, later appeared on “Good Morning Valmora” to talk.",
            &[],
        ),
        ("“(Applause.)” Ana Ruiz then said thanks.", &[]),
        // guillemets and the mixed marks of translated copy
        (
            "« We stay », said Paul Roy. “We go » said Ola Dahl.",
            &["We stay|Paul Roy", "We go|Ola Dahl"],
        ),
        // British style single marks, with a plural possessive inside
        (
            "‘We backed the farmers’ plan from the start, and we will not stop now,’ said Ana Ruiz.",
            &["We backed the farmers’ plan from the start, and we will not stop now|Ana Ruiz"],
        ),
        // straight quotes
        ("\"We stay,\" said Paul Roy.", &["We stay|Paul Roy"]),
        // doubled apostrophes used as marks
        ("''We stay,'' said Paul Roy.", &["We stay|Paul Roy"]),
        // the dash attribution of reader comments
        (
            "“I will vote this time.” ― Maria Ortiz",
            &["I will vote this time.|Maria Ortiz"],
        ),
        // a question quote closes the sentence but not the attribution
        (
            "“Who pays for this?” Ida Falk asked.",
            &["Who pays for this?|Ida Falk"],
        ),
        // transcript speaker labels
        (
            "“HOST: Are you running again?”",
            &["Are you running again?|HOST"],
        ),
        // apposition after the name
        (
            "Ida Falk, 41, a nurse from the north, said, “We are tired.”",
            &["We are tired.|Ida Falk"],
        ),
        (
            "The city’s finance director, Oskar Lind, said: “We are broke.”",
            &["We are broke.|Oskar Lind"],
        ),
        // a participle shares the subject of the main clause
        (
            "During the rally, Mayor Ida Falk attacked the plan, saying, “It is theft.”",
            &["It is theft.|Ida Falk"],
        ),
        // "told X": X is the listener
        (
            "Senator Mia Holm spoke first. “Enough,” she told reporter Dan Ode.",
            &["Enough|Mia Holm"],
        ),
    ];
    for (input, expected) in cases {
        assert_eq!(direct(input), *expected, "input: {input}");
    }
}

#[test]
fn quotes_across_paragraphs() {
    let text = "“The first part of the answer is long,” said Jonas Berg. “It goes on.\n“And it ends here.”\n“Another paragraph of quote only.”";
    assert_eq!(
        direct(text),
        [
            "The first part of the answer is long|Jonas Berg",
            "It goes on.|Jonas Berg",
            "And it ends here.|Jonas Berg",
            "Another paragraph of quote only.|Jonas Berg",
        ]
    );
}

#[test]
fn unbalanced_marks_are_bounded_and_reported() {
    let text = "Ada Park shouted “stop it all and walked out.\nThe hall was empty.\n“This is fine,” said Ada Park.";
    let a = run(text);
    assert_eq!(a.diagnostics.len(), 1);
    assert_eq!(
        direct(text),
        [
            "stop it all and walked out.|Ada Park",
            "This is fine|Ada Park"
        ]
    );
}

#[test]
fn speakers_resolve() {
    let cases: &[(&str, &[&str])] = &[
        // pronoun → nearest earlier named person
        (
            "Prime Minister Tove Aas arrived late. “We are ready,” she said.",
            &["We are ready|Tove Aas"],
        ),
        // surname → the full name seen earlier
        (
            "Central bank governor Ewa Nowak spoke on Monday. “Rates stay,” Nowak said.",
            &["Rates stay|Ewa Nowak"],
        ),
        // role phrase → the name it was seen next to
        (
            "Danish Prime Minister Tove Aas met reporters. “We are ready,” the Danish leader said.",
            &["We are ready|Tove Aas"],
        ),
        (
            "Polish President Jan Kos arrived. “We are ready,” Poland’s president said.",
            &["We are ready|Jan Kos"],
        ),
        // quote-only paragraph continues the previous speaker
        (
            "“The first answer,” said Ida Falk.\n“The second answer.”",
            &["The first answer|Ida Falk", "The second answer.|Ida Falk"],
        ),
        // a quote later in the paragraph keeps the speaker
        (
            "“One,” said Ida Falk. “Two.”",
            &["One|Ida Falk", "Two.|Ida Falk"],
        ),
        // a group as speaker
        (
            "“The deal is dead,” two officials said.",
            &["The deal is dead|officials"],
        ),
    ];
    for (input, expected) in cases {
        assert_eq!(direct(input), *expected, "input: {input}");
    }
}

#[test]
fn cues_and_speaker_spans() {
    let text = "“We are ready,” she said, according to nobody. Earlier, Tove Aas arrived.";
    let _ = run(text);
    let text = "Prime Minister Tove Aas arrived. “We are ready,” she said.";
    let a = run(text);
    let q = a
        .suggestions
        .iter()
        .find(|s| s.label == Label::Quote)
        .unwrap();
    assert_eq!(q.cue.as_deref(), Some("said"));
    let span = q.speaker_span.unwrap();
    assert_eq!(slice(text, span.start, span.end), "she");
}

#[test]
fn reported_speech() {
    let cases: &[(&str, &[&str])] = &[
        (
            "Mayor Ida Falk said that the bridge would reopen in May.",
            &["Ida Falk|said"],
        ),
        (
            "Mayor Ida Falk told reporters the bridge would reopen in May.",
            &["Ida Falk|told"],
        ),
        (
            "The bridge will reopen in May, according to Mayor Ida Falk.",
            &["Ida Falk|according to"],
        ),
        (
            "Mayor Ida Falk warned that the bridge could close again.",
            &["Ida Falk|warned"],
        ),
        (
            "The bridge will reopen in May, city officials said.",
            &["officials|said"],
        ),
        (
            "Ida Falk stressed that the bridge was safe.",
            &["Ida Falk|stressed"],
        ),
        // an object, not a clause
        (
            "Ida Falk acknowledged the need for repairs that winter.",
            &[],
        ),
        // no speech at all
        ("The bridge will reopen in May.", &[]),
    ];
    for (input, expected) in cases {
        assert_eq!(reported(input), *expected, "input: {input}");
    }
}

#[test]
fn denial_cues_and_scope() {
    let cases: &[(&str, &[&str])] = &[
        (
            "Minister Ana Ruiz ruled out a tax rise.",
            &["Ana Ruiz|ruled out"],
        ),
        (
            "The council rejected the proposal on Friday.",
            &["council|rejected"],
        ),
        (
            "The company has no plans to close the plant.",
            &["company|no plans"],
        ),
        (
            "The agency is not considering new fees.",
            &["agency|not considering"],
        ),
        (
            "Unions categorically dismissed the offer.",
            &["Unions|dismissed"],
        ),
        (
            "The coalition wouldn’t send more money, a spokesman said.",
            &["spokesman|wouldn’t send"],
        ),
        (
            "“There will be no new taxes,” said Ana Ruiz.",
            &["Ana Ruiz|There will be no"],
        ),
        ("The treaty excludes foreign bases.", &["-|excludes"]),
        (
            "Ana Ruiz denied that she had met the lobbyist.",
            &["Ana Ruiz|denied"],
        ),
        // negation scope: these are not denials
        ("Ana Ruiz refused to rule out a tax rise.", &[]),
        (
            "Nothing can be ruled out at this stage, officials said.",
            &[],
        ),
        ("A tax rise is not ruled out.", &[]),
        ("Ana Ruiz did not rule out a tax rise.", &[]),
        ("Ana Ruiz won’t rule out a tax rise.", &[]),
        ("“Nothing should be excluded,” Ana Ruiz said.", &[]),
    ];
    for (input, expected) in cases {
        assert_eq!(denials(input), *expected, "input: {input}");
    }
}

#[test]
fn claims_respect_config() {
    let text = "Unemployment rose to 7.2 percent in March, the statistics office said. What now? I think it is terrible.";
    let a = run(text);
    let claims: Vec<String> = a
        .suggestions
        .iter()
        .filter(|s| s.label == Label::Claim)
        .map(|s| slice(text, s.start, s.end))
        .collect();
    assert_eq!(
        claims,
        ["Unemployment rose to 7.2 percent in March, the statistics office said."]
    );
    let none = analyze(
        text,
        &Config {
            claims: false,
            ..Config::default()
        },
    );
    assert!(none.suggestions.iter().all(|s| s.label != Label::Claim));
    let strict = analyze(
        text,
        &Config {
            min_confidence: 0.99,
            ..Config::default()
        },
    );
    assert!(strict.suggestions.is_empty());
}

#[test]
fn offsets_count_code_points() {
    let text = "🎉🎉 “Ça va,” said Zoë Ng.";
    let a = run(text);
    let q = a
        .suggestions
        .iter()
        .find(|s| s.label == Label::Quote)
        .unwrap();
    assert_eq!(slice(text, q.start, q.end), "Ça va");
    assert_eq!(q.start, 4);
    assert_eq!(q.speaker.as_deref(), Some("Zoë Ng"));
}
