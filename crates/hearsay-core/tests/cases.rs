//! Table-driven behaviour tests: one line per hard case, on sentences written
//! for these tests.

use hearsay_core::{Analysis, CharIndex, Config, Label, QuoteKind, analyze};

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
        // a short quote whose speaker is a body with modifiers
        (
            "“We will appeal,” the local board said.",
            &["We will appeal|the local board"],
        ),
        (
            "“We will appeal,” the newspaper’s editorial board wrote.",
            &["We will appeal|the newspaper’s editorial board"],
        ),
        // …but not a clause of its own
        ("“We will appeal,” but nobody listened.", &[]),
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
        // role phrase → shown as written, with the name it was seen next to
        (
            "Danish Prime Minister Tove Aas met reporters. “We are ready,” the Danish leader said.",
            &["We are ready|the Danish leader (Tove Aas)"],
        ),
        (
            "Polish President Jan Kos arrived. “We are ready,” Poland’s president said.",
            &["We are ready|Poland’s president (Jan Kos)"],
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
        // an initial inside a name keeps its dot
        (
            "“We will appeal,” said Nora J. Vik. “Soon,” added T.R. Moss.",
            &["We will appeal|Nora J. Vik", "Soon|T.R. Moss"],
        ),
        // a role phrase with lowercase adjectives keeps them
        (
            "“We will win,” a likely Green presidential nominee said.",
            &["We will win|Green presidential nominee"],
        ),
        // … and resolves to the person who holds that role
        (
            "Ida Berg, the Green nominee, toured the port. “We will win,” the Green \
             presidential nominee said.",
            &["We will win|the Green presidential nominee (Ida Berg)"],
        ),
        // one surname, two first names: two people
        (
            "Mayor Tom Berg opened the fair with his sister Ann Berg. “It rained,” said Ann \
             Berg. “It did not,” Tom Berg said. “Enough,” Berg added.",
            &[
                "It rained|Ann Berg",
                "It did not|Tom Berg",
                "Enough|Tom Berg",
            ],
        ),
        // a pronoun opening the reported clause is not the speaker
        (
            "Eli Varga toured the depot. Sara Holm, head of the Guild of Drivers, which \
             serves Port Elm riders, said she expects the drivers to return “within a week.”",
            &["within a week.|Sara Holm (head of the Guild of Drivers)"],
        ),
        // a body named with `of` speaks as a whole
        (
            "In a short note, the Guild of Harbour Pilots called the plan “reckless.”",
            &["reckless.|Guild of Harbour Pilots"],
        ),
        // a subject, a time phrase, then two verbs
        (
            "The Harbour Board on Monday met for an hour and vowed to keep the port “open \
             at all costs.”",
            &["open at all costs.|Harbour Board"],
        ),
        // `it` is the body that is the subject of the clause
        (
            "The Harbour Board met for an hour and rejected what it called “a reckless plan.”",
            &["a reckless plan.|Harbour Board"],
        ),
        // a document speaks for whoever issued it
        (
            "The Harbour Board released a statement calling the strike “unlawful.”",
            &["unlawful.|Harbour Board"],
        ),
        // a body's name runs on through `for` and keeps its acronym
        (
            "Fares will rise “by a third,” according to the Alliance for Fair Transit \
             (AFT).",
            &["by a third|Alliance for Fair Transit (AFT)"],
        ),
        // a surname that is also a role word
        (
            "“Turnout decides it,” said Maya Bishop, a veteran Ohio organizer. “Always,” \
             Bishop added.",
            &[
                "Turnout decides it|Maya Bishop (veteran Ohio organizer)",
                "Always|Maya Bishop (veteran Ohio organizer)",
            ],
        ),
        // a `who` clause naming where the person works stays
        (
            "“Prices will fall,” said Ivo Brandt, an analyst who works at the Lund \
             Institute. “Not soon,” said Ada Sun, a broker who trades daily.",
            &[
                "Prices will fall|Ivo Brandt (analyst who works at the Lund Institute)",
                "Not soon|Ada Sun (broker)",
            ],
        ),
        // a `who` clause right after the name, and a possessor after a
        // preposition inside a description
        (
            "“Ships wait,” said Oda Lind, who ran the Port Authority for a decade. “Trucks \
             wait,” said Per Ek, a planner at Vela Logistics in Lind's district.",
            &[
                "Ships wait|Oda Lind (who ran the Port Authority for a decade)",
                "Trucks wait|Per Ek (planner at Vela Logistics in Lind's district)",
            ],
        ),
        // a second verb's subject opens the sentence, not the last name
        (
            "Ida Moss, the former port director, praised the 1990 deal signed by Omar Tal \
             and said she expects the new one to be “just as strong.”",
            &["just as strong.|Ida Moss (former port director)"],
        ),
        // a document as the subject speaks, not the name after its cue
        (
            "The clip says Omar Tal “never paid a cent.”",
            &["never paid a cent.|the clip"],
        ),
        // a named subject before the comma, not the object after the cue
        (
            "Lea Roth, the head of polling at Vela College, compared Omar Tal to a captain \
             who is “steering blind.”",
            &["steering blind.|Lea Roth (head of polling at Vela College)"],
        ),
        // a possessive apostrophe inside a `who` clause
        (
            "Rosa Pike, who runs Vela's program for nurses' unions, said, “We are ready.”",
            &["We are ready.|Rosa Pike (who runs Vela's program for nurses' unions)"],
        ),
        // an initial that spells a word
        (
            "“We stay,” said Nina A. Ortiz Vela.",
            &["We stay|Nina A. Ortiz Vela"],
        ),
        // a body owning the document that speaks
        (
            "A page on the Vela party's website says that members pay “no fees at all.”",
            &["no fees at all.|Vela party"],
        ),
        // `demanded` after a quote is its cue
        (
            "Ada Sun spoke first. “Who pays for this?” Per Ek demanded.",
            &["Who pays for this?|Per Ek"],
        ),
        // a body rating a claim
        (
            "The fact-checkers at Vela News rated the mayor’s claim “mostly false.”",
            &["mostly false.|Vela News"],
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
fn speakers_carry_their_identification() {
    let cases: &[(&str, &[&str])] = &[
        // an appositive description after the name, article dropped
        (
            "“The reef is dying,” said Lena Brandt, a marine biologist at Tallinn University.",
            &["The reef is dying|Lena Brandt (marine biologist at Tallinn University)"],
        ),
        // remembered at the first mention: surname, pronoun and role later
        (
            "Omar Reyes, the director of the Harbour Trust, spoke first. “We wait,” Reyes said. \
             “No more,” he said. “Enough,” the director said.",
            &[
                "We wait|Omar Reyes (director of the Harbour Trust)",
                "No more|Omar Reyes (director of the Harbour Trust)",
                "Enough|the director (Omar Reyes)",
            ],
        ),
        // no article, a role word, between dashes
        (
            "Kai Moser — spokesman for Norland Rail — said: “Trains run.”",
            &["Trains run.|Kai Moser (spokesman for Norland Rail)"],
        ),
        // a bracketed party tag
        (
            "“It is a sham,” said Sen. Ruth Alder (R-Neb.).",
            &["It is a sham|Ruth Alder (R-Neb.)"],
        ),
        // a place of origin, then a description
        (
            "“Vote no,” said Rep. Alma Cruz of Nevada, the panel’s senior Democrat.",
            &["Vote no|Alma Cruz (of Nevada, panel’s senior Democrat)"],
        ),
        // a long description ends at its first joint
        (
            "“Nonsense,” said Eli Varga, a senior lecturer in marine law at the Coastal \
             Institute of Bergen and the editor of a small but widely read shipping newsletter.",
            &[
                "Nonsense|Eli Varga (senior lecturer in marine law at the Coastal Institute of Bergen)",
            ],
        ),
        // the description stops at a clause word
        (
            "“Too late,” said Piet Zand, an engineer at Delta Works who built the gates.",
            &["Too late|Piet Zand (engineer at Delta Works)"],
        ),
        // a clause after a comma is not a description
        (
            "In Port Elwood, the mayor announced a curfew. “Stay home,” said Ida Lund.",
            &["Stay home|Ida Lund"],
        ),
        (
            "Nora Vik, who chairs the board, said: “We sell.”",
            &["We sell.|Nora Vik"],
        ),
        // a party tag between commas; a bracketed tag, then a description
        (
            "“We wait,” Senate Leader Tom Varga, R-Idaho, said on Monday.",
            &["We wait|Tom Varga (R-Idaho)"],
        ),
        (
            "“Shame,” said Rep. Ula Brandt (D-Vt.), head of the Rural Caucus.",
            &["Shame|Ula Brandt (D-Vt., head of the Rural Caucus)"],
        ),
        // where the person is from; a possessive determiner
        (
            "“Pray,” said the Rev. Amos Tull, of Hill Street Chapel.",
            &["Pray|Amos Tull (of Hill Street Chapel)"],
        ),
        (
            "“We will win,” said Mark Olsen, her Liberal rival.",
            &["We will win|Mark Olsen (her Liberal rival)"],
        ),
        // the subject of a participle cue keeps its description
        (
            "Hal Dorn, a former party chairman, mocked the plan, writing, “It is a joke.”",
            &["It is a joke.|Hal Dorn (former party chairman)"],
        ),
        // an adjective inside the role phrase before the name
        (
            "Green parliamentary leader Eva Rask weighed in, saying the ban was “long overdue.”",
            &["long overdue.|Eva Rask"],
        ),
        // roles before the name are still peeled off
        (
            "“Rates stay,” Finance Minister Ana Ruiz said.",
            &["Rates stay|Ana Ruiz"],
        ),
        // lowercase particles inside names
        (
            "“We wait,” said Transport minister Joost van Leer.",
            &["We wait|Joost van Leer"],
        ),
        (
            "Commission chief Maria von der Heide spoke. “No deal,” Heide said.",
            &["No deal|Maria von der Heide"],
        ),
        (
            "“We build,” said Crown Prince Faisal bin Tarek.",
            &["We build|Faisal bin Tarek"],
        ),
        // a role phrase resolves to the person introduced with that role,
        // not to a noun inside the reported clause
        (
            "Energy minister Lars de Wit opened the plant. The minister later dismissed \
             reports that the cabinet would close it: “It stays open.”",
            &["It stays open.|The minister (Lars de Wit)"],
        ),
    ];
    for (input, expected) in cases {
        assert_eq!(direct(input), *expected, "input: {input}");
    }
    // The speaker span marks only the words naming the speaker there.
    let text = "“Go,” said Lena Brandt, a marine biologist.";
    let a = run(text);
    let q = a
        .suggestions
        .iter()
        .find(|s| s.label == Label::Quote)
        .unwrap();
    let span = q.speaker_span.unwrap();
    assert_eq!(slice(text, span.start, span.end), "Lena Brandt");
}

#[test]
fn quotes_find_their_own_cue() {
    let cases: &[(&str, &[&str])] = &[
        // a cue closing the previous paragraph with a colon
        (
            "Ida Falk spoke for an hour.\n\nFalk continued:\n\n“The port will reopen next week.”",
            &["The port will reopen next week.|Ida Falk"],
        ),
        // a sentence closed inside the marks: the next subject is not the
        // speaker
        (
            "Norland called the test “a grave provocation in our region.” Estavia insisted \
             that talks resume soon.",
            &["a grave provocation in our region.|Norland"],
        ),
        // after `noted that`, the clause's subject is not the speaker
        (
            "Rosa Linde, the union’s press officer, noted that the union faced a choice in \
             “a long and bitter winter for every member.”",
            &["a long and bitter winter for every member.|Rosa Linde (union’s press officer)"],
        ),
        // `as X put it`
        (
            "The levy was, as a treasury memo put it, “a tax on the poorest households.”",
            &["a tax on the poorest households.|treasury memo"],
        ),
        // a possessor's role, then a name: the name speaks
        (
            "Ann Berg’s campaign manager Olle Dahl said the rally showed “real momentum.”",
            &["real momentum.|Olle Dahl"],
        ),
        // a possessor's role without a name: the role speaks, not the
        // possessor
        (
            "Coach Mei Sato left early. Sato’s assistant said the squad was “tired but happy.”",
            &["tired but happy.|Sato’s assistant"],
        ),
        // a place of origin of more than one word; `Del.` as a title
        (
            "“Enough,” said Representative Mia Tran of New Bristol.",
            &["Enough|Mia Tran (of New Bristol)"],
        ),
        (
            "“It is over,” said Del. Ruth Oyelaran.",
            &["It is over|Ruth Oyelaran"],
        ),
        // an office's field after `of` is not part of the name
        (
            "Minister of Justice Tom Aalto said the court would hear “every single appeal \
             filed this year.”",
            &["every single appeal filed this year.|Tom Aalto"],
        ),
        // a clause ending in a colon: its subject speaks
        (
            "Sen. Vera Holm (D-Maine) scolded the panel: “You have ignored this for years.”",
            &["You have ignored this for years.|Vera Holm (D-Maine)"],
        ),
        (
            "“Is anyone listening to us today?” Falk asked.",
            &["Is anyone listening to us today?|Falk"],
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
            &["city officials|said"],
        ),
        (
            "Ida Falk stressed that the bridge was safe.",
            &["Ida Falk|stressed"],
        ),
        // coordinated modifiers share the noun
        (
            "Federal and provincial officials said the bridge was safe.",
            &["Federal and provincial officials|said"],
        ),
        // whose aides they are stays in the phrase
        (
            "Ida Falk wants the seat. Her aides say it is too early to tell.",
            &["Her aides|say"],
        ),
        // a document speaks
        (
            "The bridge is safe, according to an analysis by the city.",
            &["an analysis|according to"],
        ),
        ("Video shows that the bridge is safe.", &["Video|shows"]),
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
            &["the council|rejected"],
        ),
        (
            "The company has no plans to close the plant.",
            &["the company|no plans"],
        ),
        (
            "The agency is not considering new fees.",
            &["the agency|not considering"],
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
        // what a text excludes is no one denying anything (the denial model
        // learned so from the news corpus); a person excluding is
        ("The treaty excludes foreign bases.", &[]),
        (
            "The minister excluded any new bases on Monday, saying talks were over.",
            &["the minister|excluded"],
        ),
        (
            "Ana Ruiz denied that she had met the lobbyist.",
            &["Ana Ruiz|denied"],
        ),
        // supposed, asked or a noun: nobody denies
        (
            "If the council rejected the levy, the port would lose money.",
            &[],
        ),
        ("Reporters asked whether Ana Ruiz denied the report.", &[]),
        ("The mayor was firm in the dispute over the levy.", &[]),
        // the verb before "against" belongs to the cue: its subject denies
        (
            "Senator Ana Ruiz voted against the levy on Tuesday.",
            &["Ana Ruiz|voted against the"],
        ),
        (
            "The mayor, Tom Vale, spoke out against the plan.",
            &["Tom Vale|spoke out against the"],
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

#[test]
fn a_text_over_a_mebibyte_is_analysed_in_blocks_joined_without_seams() {
    // 2.5 MiB of short articles with a quote each; some written with
    // non-ASCII letters, so code points and bytes differ.
    let mut text = String::new();
    let mut n = 0;
    while text.len() < 5 << 19 {
        let who = if n % 3 == 0 { "Zoë Ng" } else { "Ana Ruiz" };
        text.push_str(&format!(
            "Harbour fees\n\n“Plan {n} will go ahead,” {who} said on Monday.\n\nThe port reopened in the spring.\n\n"
        ));
        n += 1;
    }
    let a = run(&text);
    let index = CharIndex::new(&text);
    let slice = |start, end| index.slice(start, end);
    let quotes: Vec<_> = a
        .suggestions
        .iter()
        .filter(|s| s.label == Label::Quote)
        .collect();
    // Each quote once, in order, at its own code points, with its speaker:
    // none is lost or doubled where one block ends and the next begins.
    assert_eq!(quotes.len(), n);
    for (k, q) in quotes.iter().enumerate() {
        assert_eq!(slice(q.start, q.end), format!("Plan {k} will go ahead"));
        let who = if k % 3 == 0 { "Zoë Ng" } else { "Ana Ruiz" };
        assert_eq!(q.speaker.as_deref(), Some(who), "quote {k}");
        let span = q.speaker_span.unwrap();
        assert_eq!(slice(span.start, span.end), who);
        let s = &a.sentences[q.sentence];
        assert!(
            s.start <= q.start && q.end <= s.end,
            "quote {k} in its sentence"
        );
    }
    // Three sentences an article, one a paragraph, numbered on across
    // blocks.
    assert_eq!(a.sentences.len(), 3 * n);
    for (k, s) in a.sentences.iter().enumerate() {
        assert_eq!(s.paragraph, k, "sentence {k}");
    }
    assert_eq!(
        slice(a.sentences[3 * n - 1].start, a.sentences[3 * n - 1].end),
        "The port reopened in the spring."
    );
    assert!(a.diagnostics.is_empty());
}
