//! The text both benchmarks analyse: news-like articles assembled from
//! templates written for the benchmarks (quotes, reported speech, denials,
//! boilerplate, emoji, mixed quote marks) with a fixed pseudo-random seed.

const FIRST: &[&str] = &[
    "Ana", "Tomas", "Lena", "Kofi", "Mei", "Ravi", "Ines", "Oskar", "Zofia", "Malik",
];
const LAST: &[&str] = &[
    "Ruiz",
    "Brandt",
    "Okafor",
    "Lindqvist",
    "Haddad",
    "Novak",
    "Sato",
    "Moreau",
    "Kowalczyk",
    "Ferreira",
];
const ROLES: &[&str] = &[
    "Finance Minister",
    "Interior Minister",
    "opposition leader",
    "central bank governor",
    "government spokeswoman",
    "Mayor",
    "Senator",
    "union chief",
];
const PLACES: &[&str] = &["VALMORA", "KESTREL BAY", "NORTHGATE", "LUMEN CITY"];
const TOPICS: &[&str] = &[
    "the fuel levy",
    "the port expansion",
    "the pension reform",
    "the border deal",
    "the school budget",
];

pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.next() % items.len()]
    }
}

fn article(rng: &mut Rng) -> String {
    let (f1, l1) = (rng.pick(FIRST), rng.pick(LAST));
    let (f2, l2) = (rng.pick(FIRST), rng.pick(LAST));
    let (r1, r2) = (rng.pick(ROLES), rng.pick(ROLES));
    let place = rng.pick(PLACES);
    let topic = rng.pick(TOPICS);
    let pct = rng.next() % 90 + 3;
    let mut s = String::new();
    for paragraph in [
        format!("{r1} {f1} {l1} defends {topic} 📈\n\nBy Staff Reporter\n\n"),
        format!(
            "{place} — {r1} {f1} {l1} on Monday ruled out any delay to {topic}, saying the plan would cut costs by {pct} percent.\n\n"
        ),
        format!(
            "“We have no plans to change course,” {l1} told reporters at 09:30. “The numbers are clear, and they won’t go away.”\n\n"
        ),
        format!(
            "{r2} {f2} {l2} rejected that view. « It is a mistake », said {l2}, who added that the ’90s had shown “what happens when nobody listens.”\n\n"
        ),
        format!(
            "According to {l2}, the measure refused to rule out new taxes 🤔 and could cost $1.{pct} billion by 2031. Mr. {l1} did not rule out a vote.\n\n"
        ),
        format!(
            "\"It's about trust,\" she said. \"Nobody voted for this.\n\n\"We will keep asking questions,\" {l2} said.\n\n"
        ),
    ] {
        s.push_str(&paragraph);
    }
    // Narrative paragraphs: most of a real article is neither quote nor
    // attribution.
    let narrative = [
        "The proposal, first drafted two years ago, would change how the regional authorities share revenue with the capital, and it has been revised several times since the last election.",
        "Traffic through the harbour has grown steadily over the past decade, with container volumes rising by roughly a third, while the number of dock workers has fallen as cranes were automated.",
        "Residents in the older districts have long complained about noise and congestion; the new plan promises a bypass, more frequent buses and a ban on heavy lorries at night.",
        "Analysts expect the debate to continue well into the spring, when the budget committee must present its final numbers and the opposition will decide whether to call for a vote of confidence.",
        "The measure would take effect in stages: first in the northern districts, then along the coast, and finally in the rural municipalities that rely most on seasonal work.",
    ];
    for _ in 0..3 {
        s.push_str(rng.pick(&narrative));
        s.push(' ');
        s.push_str(rng.pick(&narrative));
        s.push_str("\n\n");
    }
    s.push_str("Advertisement\n\n");
    for paragraph in [
        format!(
            "Critics said the so-called “efficiency dividend” was a slogan. {l1}’s office denied that the deal was rushed; there will be no referendum, officials said.\n\n"
        ),
        format!("{f2} {l2} contributed to this report.\n© 2031 Example Media\n\n"),
    ] {
        s.push_str(&paragraph);
    }
    s
}

pub fn corpus(bytes: usize, rng: &mut Rng) -> String {
    let mut s = String::with_capacity(bytes + 4096);
    while s.len() < bytes {
        s.push_str(&article(rng));
    }
    s
}
