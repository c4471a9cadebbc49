//! Grouping on articles written for these tests: two outlets report one
//! minister's words in their own ways.

use crate::format::{Document, Stance, Status};
use crate::statements::{candidates, group_documents};
use crate::{Config, analyze};

fn doc(id: &str, text: &str) -> Document {
    Document::from_analysis(
        id,
        &format!("{id}.txt"),
        text,
        &analyze(text, &Config::default()),
    )
}

const FIRST: &str = "Spanish Finance Minister Ana Ruiz spoke in Madrid on Monday. \
“Nothing can be ruled out on the pension reform,” Ruiz said. \
Union leader Marco Diaz said the strike would go on until the end of the month.";

const SECOND: &str = "The Spanish finance minister would not commit. \
“Nothing should be excluded on the reform of pensions,” Ana Ruiz told reporters in Madrid. \
Ruiz also said the budget would be presented to parliament in the autumn.";

#[test]
fn one_statement_in_two_wordings_is_grouped() {
    let found = group_documents(&[doc("d1", FIRST), doc("d2", SECOND)]);
    let ruiz: Vec<_> = found.iter().filter(|s| s.speaker == "Ana Ruiz").collect();
    assert_eq!(ruiz.len(), 1, "{found:?}");
    let documents: Vec<&str> = ruiz[0]
        .members
        .iter()
        .map(|m| m.document.as_str())
        .collect();
    assert!(
        documents.contains(&"d1") && documents.contains(&"d2"),
        "{found:?}"
    );
}

#[test]
fn nothing_ruled_out_is_a_claim() {
    let found = group_documents(&[doc("d1", FIRST), doc("d2", SECOND)]);
    assert_eq!(found[0].stance, Stance::Claim, "{found:?}");
}

#[test]
fn other_statements_of_the_speaker_stay_apart() {
    let docs = [doc("d1", FIRST), doc("d2", SECOND)];
    let found = group_documents(&docs);
    let budget = docs[1]
        .annotations
        .iter()
        .find(|a| a.text.contains("budget"))
        .expect("the budget sentence is a quote");
    assert!(
        found.iter().all(|s| s
            .members
            .iter()
            .all(|m| m.annotation != budget.id || m.document != "d2")),
        "{found:?}"
    );
}

#[test]
fn a_document_alone_has_no_statements() {
    assert_eq!(group_documents(&[doc("d1", FIRST)]), vec![]);
}

#[test]
fn another_speaker_is_another_statement() {
    let other = SECOND
        .replace("Ana Ruiz", "Pablo Ortega")
        .replace("Ruiz", "Ortega");
    let found = group_documents(&[doc("d1", FIRST), doc("d2", &other)]);
    assert_eq!(found, vec![], "{found:?}");
}

#[test]
fn denials_give_a_denial_statement() {
    let a = "Health Minister Lena Berg ruled out new taxes on Tuesday. \
“We have no plans to raise fuel taxes this year,” Berg said.";
    let b =
        "“There are no plans to raise taxes on fuel this year,” Health Minister Lena Berg said.";
    let found = group_documents(&[doc("d1", a), doc("d2", b)]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].stance, Stance::Denial);
}

#[test]
fn rejected_annotation_is_no_member() {
    let mut second = doc("d2", SECOND);
    for a in &mut second.annotations {
        a.status = Status::Rejected;
    }
    assert_eq!(group_documents(&[doc("d1", FIRST), second]), vec![]);
}

#[test]
fn role_resolves_to_the_name_written_after_it() {
    let text = "Spanish Finance Minister Ana Ruiz arrived late. \
The Spanish finance minister said the reform would wait.";
    let mut d = doc("d1", text);
    for a in &mut d.annotations {
        a.speaker = Some("the Spanish finance minister".into());
    }
    let found = candidates(&d);
    assert!(!found.is_empty());
    assert!(
        found
            .iter()
            .all(|c| c.name == "Ana Ruiz" && c.key == "ruiz"),
        "{found:?}"
    );
}

#[test]
fn fullest_name_names_the_statement() {
    let a = "“Nothing can be ruled out on the pension reform,” Ruiz said.";
    let found = group_documents(&[doc("d1", a), doc("d2", SECOND)]);
    assert_eq!(found[0].speaker, "Ana Ruiz", "{found:?}");
}

#[test]
fn the_name_most_members_give_names_the_statement() {
    let name = super::fullest(["Rival Ana Ruiz", "Ana Ruiz", "Ana Ruiz", "Ruiz"].into_iter());
    assert_eq!(name, "Ana Ruiz");
}

#[test]
fn a_longer_name_wins_a_tie() {
    let name = super::fullest(["Ruiz", "Ana Ruiz", "Ana Maria Ruiz"].into_iter());
    assert_eq!(name, "Ana Maria Ruiz");
}

#[test]
fn an_organisation_in_capitals_speaks_across_outlets() {
    // "EU" is in the lexicon (with the nationalities), so it is no name
    // word: it speaks as an organisation.
    let first = "The EU says it has no plans to lift the tariffs on steel imports. \
Talks on the budget went on into the night.";
    let second = "An EU official told reporters the bloc has no plans to lift tariffs on imported steel. \
Steel makers had feared the move for months.";
    let found = group_documents(&[doc("d1", first), doc("d2", second)]);
    let who: Vec<_> = found.iter().filter(|s| s.speaker == "EU").collect();
    assert_eq!(who.len(), 1, "{found:?}");
    assert_eq!(who[0].stance, Stance::Denial, "{found:?}");
}

/// A candidate of speaker "lind" in document `document` with `terms`.
fn said(document: &str, terms: &[&str]) -> crate::statements::Candidate {
    crate::statements::Candidate {
        document: document.into(),
        annotation: "a1".into(),
        key: "lind".into(),
        name: "Hanna Lind".into(),
        stance: Stance::Claim,
        kind: None,
        terms: terms.iter().map(|t| t.to_string()).collect(),
        start: 0,
        end: 10,
    }
}

#[test]
fn the_unit_sharing_the_most_terms_outlives_the_cap_on_candidates() {
    let words = ["quay", "winter", "close", "northern", "harbour", "board"];
    let mut all = vec![said("d1", &words)];
    // More weak partners than the cap, each sharing two of the first
    // unit's terms, before the one that shares all six.
    let weak: Vec<Vec<String>> = (0..crate::statements::MAX_CANDIDATES + 3)
        .map(|k| {
            let mut t = vec!["quay".to_string(), "winter".to_string()];
            t.extend((0..4).map(|j| format!("other{k}x{j}")));
            t
        })
        .collect();
    for (k, t) in weak.iter().enumerate() {
        let t: Vec<&str> = t.iter().map(String::as_str).collect();
        all.push(said(&format!("w{k}"), &t));
    }
    all.push(said("last", &words));
    let found = crate::statements::group(&all);
    let with_first = found
        .iter()
        .find(|s| s.members.iter().any(|m| m.document == "d1"))
        .unwrap_or_else(|| panic!("the first unit is in no statement: {found:?}"));
    assert!(
        with_first.members.iter().any(|m| m.document == "last"),
        "{found:?}"
    );
}
