//! The word lists every rule reads, as bit flags on lowercase words.
//!
//! Each word of the text is looked up once, when it is tokenized; the rules
//! then test flags instead of comparing strings. The lists are general
//! English news vocabulary (speech verbs, titles, roles, function words),
//! never names or phrases of a particular article.
//!
//! Example: `lookup("said")` has [`CUE`] set; `lookup("spokesman")` has
//! [`ROLE`] and [`GROUP`].

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// Flags of one word.
pub(crate) type Lex = u32;

/// A speech verb: "said", "told", "warned", "stressed", "saying".
pub(crate) const CUE: Lex = 1;
/// A speech verb whose object is the listener: "told reporters".
pub(crate) const LISTENER: Lex = 1 << 1;
/// A noun naming speech: "comments", "statement", "suggestion".
pub(crate) const SPEECH_NOUN: Lex = 1 << 2;
/// A title written before a name: "Mr.", "Sen.", "Gen.".
pub(crate) const TITLE: Lex = 1 << 3;
/// A role word: "president", "minister", "spokesman", "official".
pub(crate) const ROLE: Lex = 1 << 4;
/// A common noun that can speak: "officials", "people", "lawmakers".
pub(crate) const GROUP: Lex = 1 << 5;
/// A nationality or country adjective: "French", "European".
pub(crate) const NATION: Lex = 1 << 6;
/// A determiner or possessive: "the", "a", "his".
pub(crate) const DET: Lex = 1 << 7;
/// A subject pronoun: "he", "she", "they".
pub(crate) const PRONOUN: Lex = 1 << 8;
/// Words that may sit between a subject and its verb: "has", "also".
pub(crate) const AUX: Lex = 1 << 9;
/// A preposition: "in", "on", "at".
pub(crate) const PREP: Lex = 1 << 10;
/// A function word that is capitalised only at a sentence start.
pub(crate) const FUNC: Lex = 1 << 11;
/// A day or month name, never a speaker.
pub(crate) const TIME: Lex = 1 << 12;
/// A word that makes a capitalised run an organisation: "Department".
pub(crate) const ORG: Lex = 1 << 13;
/// A negator: "not", "no", "never", "nothing", "refused".
pub(crate) const NEG: Lex = 1 << 14;
/// A word that can start a denial pattern.
pub(crate) const DENYISH: Lex = 1 << 15;
/// A modal or future marker: "will", "would", "expected".
pub(crate) const FUTURE: Lex = 1 << 16;
/// A causal connective: "because", "caused".
pub(crate) const CAUSAL: Lex = 1 << 17;
/// An opinion marker: "should", "must", "terrible".
pub(crate) const OPINION: Lex = 1 << 18;
/// A quantity word: "percent", "million", "most".
pub(crate) const QUANTITY: Lex = 1 << 19;
/// A male marker: "he", "Mr.".
pub(crate) const MALE: Lex = 1 << 21;
/// A female marker: "she", "Mrs.", "Ms.".
pub(crate) const FEMALE: Lex = 1 << 22;
/// A plural pronoun: "they", "we".
pub(crate) const PLURAL: Lex = 1 << 23;
/// A word that names rather than quotes: "called", "dubbed", "so-called".
pub(crate) const NAMING: Lex = 1 << 24;
/// A speech verb in the present or past tense that can follow a quote
/// inverted: "said Macron".
pub(crate) const INVERTS: Lex = 1 << 25;
/// A head role that can stand for a leader: "president", "leader".
pub(crate) const LEADER: Lex = 1 << 27;
/// An abbreviation that a dot does not end: "Mr", "Gen", "Inc".
pub(crate) const ABBREV: Lex = 1 << 28;
/// A weak cue that needs a clause after it ("believes that").
pub(crate) const WEAK_CUE: Lex = 1 << 29;
/// A conjunction: "and", "but".
pub(crate) const CONJ: Lex = 1 << 30;
/// A question word: "why", "how".
pub(crate) const WH: Lex = 1 << 31;

/// A word that can anchor a credit or notice line: "contributed", "photo".
pub(crate) const BOILER: Lex = 1 << 20;

const LISTS: &[(Lex, &str)] = &[
    (
        BOILER,
        "contributed assistance editing rights reserved comments licensed commons getty photo \
         photograph subscribe click copyright afp advertisement sponsored caption credit",
    ),
    (
        CUE | INVERTS,
        "said says added adds stated states warned warns stressed stresses noted notes insisted \
         insists explained explains argued argues claimed asserted asserts declared declares \
         announced announces acknowledged acknowledges admitted admits emphasized emphasised \
         emphasizes emphasises underscored underscores underlined reiterated reiterates clarified \
         clarifies confirmed confirms wrote writes tweeted replied replies responded responds \
         continued continues concluded recalled recalls predicted predicts promised pledged vowed \
         vows attacked praised mocked sings sang chanted shouted yelled screamed whispered exclaimed cautioned complained complains conceded countered counters observed remarked \
         repeated maintained maintains contended mentioned commented joked quipped testified \
         assured assures echoed alleged alleges recounted cited reported \
         reports compared disclosed revealed indicated indicates hinted estimated boasted lamented told tells asked \
         urged urges suggested suggests demanded demands",
    ),
    (
        CUE,
        "say tell telling saying adding stating warning stressing noting insisting explaining \
         arguing claiming asserting declaring announcing acknowledging admitting emphasizing \
         emphasising underscoring reiterating clarifying confirming writing tweeting replying \
         responding predicting promising pledging vowing cautioning complaining conceding \
         observing repeating maintaining contending mentioning commenting testifying chanting assuring echoing alleging asking urging suggesting deemed describing \
         described called calling rated dubbed labelled labeled accused accusing criticized criticised blasted slammed insist argue warn \
         stress note claim deny",
    ),
    (
        CUE | WEAK_CUE,
        "believes believe believed thinks think feels argued projected forecast expects expected \
         hopes hoped",
    ),
    (
        LISTENER,
        "told tells tell telling assured assures assuring urged urges urging asked asks asking",
    ),
    (
        SPEECH_NOUN,
        "statement statements comments comment remarks remark suggestion claim claims words \
         warning assertion pledge promise interview speech tweet message testimony announcement \
         insistence argument view position",
    ),
    (
        TITLE | ABBREV,
        "mr mrs ms dr prof rep reps sen sens gov gen maj lt col capt sgt adm cmdr rev sr jr st del \
         hon amb supt insp",
    ),
    (MALE, "mr he his him sir lord king prince"),
    (FEMALE, "mrs ms she her dame lady queen princess"),
    (
        ABBREV,
        "inc corp co ltd vs etc jan feb mar apr jun jul aug sep sept oct nov dec mt ft vol dept \
         univ est approx fig no nos pp",
    ),
    (
        ROLE,
        "president vice prime minister ministers chancellor secretary secretary-general general \
         senator governor mayor judge justice chief speaker leader chairman chairwoman chair \
         director ambassador spokesman spokeswoman spokesperson king queen prince princess pope \
         attorney deputy former commissioner coach official officials adviser advisor aide \
         executive ceo founder professor economist analyst candidate nominee lawmaker congressman \
         congresswoman representative sheriff officer commander head premier envoy diplomat \
         negotiator strategist manager chairperson president-elect host author researcher editor \
         correspondent reporter activist lawyer ruler foreign defense defence finance interior \
         health treasury economy trade labor labour education energy environment agriculture \
         home acting interim sen rep gov gen maj lt col capt sgt adm dr mr mrs ms prof \
         lieutenant colonel captain sergeant admiral major first lady chief-of-staff \
         administrator superintendent inspector detective rabbi bishop cardinal imam pastor \
         counsel partner member members owner vice-president veteran supporter supporters \
         fellow scholar expert critic councillor councilor councilman councilwoman alderman \
         assistant mp mps legislator businessman businesswoman billionaire doctor physician \
         surgeon",
    ),
    (
        LEADER,
        "president leader chancellor premier minister king queen ruler head chairman chief",
    ),
    (
        GROUP,
        "people officials official sources source lawmakers analysts experts critics aides \
         diplomats residents witnesses police authorities researchers economists voters \
         supporters members participants allies ministers leaders spokesman spokeswoman \
         spokesperson campaign office government administration ministry report statement study \
         survey poll prosecutors investigators officers scientists doctors organizers organisers \
         protesters democrats republicans agency company group team party committee court judge \
         council board union unions countries nations states governments \
         commission family businessman doctor physician brief memo letter filing \
         lawsuit complaint website \
         president minister chancellor secretary senator governor mayor adviser advisor aide \
         executive analyst candidate nominee lawmaker congressman congresswoman representative \
         sheriff officer commander envoy diplomat lawyer attorney economist expert critic \
         director chairman chairwoman ambassador spokespeople representatives delegates \
         negotiators observers commentators historians strategists pollsters insiders \
         republican democrat activists advocates opponents employees workers students teachers \
         parents families officers soldiers troops military army ministry department",
    ),
    (
        NATION,
        "french german russian ukrainian polish british american italian spanish chinese \
         japanese israeli palestinian iranian turkish indian canadian mexican brazilian european \
         dutch belgian swedish norwegian finnish danish greek hungarian czech slovak austrian \
         swiss irish korean syrian iraqi saudi egyptian australian african asian western \
         eastern northern southern portuguese romanian bulgarian serbian croatian lithuanian \
         latvian estonian belarusian georgian armenian afghan pakistani nigerian kenyan \
         venezuelan colombian argentine argentinian chilean cuban qatari emirati lebanese \
         jordanian yemeni libyan moroccan algerian tunisian ethiopian south-african \
         us u.s uk u.k eu un nato kremlin",
    ),
    (
        DET,
        "the a an this that these those his her their its our my your some many several both \
         all other another each every any one two three four five",
    ),
    (PRONOUN, "he she they we i it you"),
    (PLURAL, "they we"),
    (
        AUX,
        "has had have also later then further previously again repeatedly recently would will \
         reportedly quickly firmly once often already publicly privately separately earlier \
         subsequently similarly flatly bluntly simply just even still has been was is had \
         initially angrily calmly openly explicitly specifically clearly directly immediately \
         swiftly forcefully emphatically",
    ),
    (
        PREP,
        "in on at from to for with of by during after before about over under since via through \
         into than like as without against among between near across amid despite toward \
         towards upon within",
    ),
    (
        FUNC,
        "the but and or so yet if when while although though because as after before since in on \
         at for with of by from to this that these those there here it he she they we i you a an \
         what who why how where which meanwhile however nevertheless still also then now today \
         yesterday tomorrow asked despite given during among following according some many \
         several both all each every no not one his her their our my its your such other \
         another more most even only just instead indeed still thus therefore besides moreover \
         furthermore nor until unless whether once over under again yes perhaps maybe already \
         last next first second new mr mrs ms dr editor's editor’s read watch photo image video \
         click sign subscribe follow share related advertisement full abstract update updated \
         breaking exclusive analysis opinion",
    ),
    (
        TIME,
        "monday tuesday wednesday thursday friday saturday sunday january february march april \
         june july august september october november december christmas easter",
    ),
    (
        ORG,
        "department ministry office committee council party union times post news agency \
         service bank institute foundation association university court house senate congress \
         campaign commission group inc corp company network organization organisation center \
         centre administration government alliance army police journal press tribune herald \
         guardian review magazine reuters bloomberg caucus league club board fund forum school \
         college church federation coalition movement authority bureau kremlin pentagon \
         parliament assembly cabinet embassy command forces corps agency times cnn bbc fox abc \
         cbs nbc msnbc npr ap afp politifact",
    ),
    (
        NEG,
        "not no never nothing none nobody neither nor without refused refuses refuse refusing \
         declined declines decline declining cannot hardly no-one",
    ),
    (
        DENYISH,
        "rule rules ruled ruling reject rejects rejected rejecting rejection dismiss dismisses \
         dismissed dismissing deny denies denied denying denial exclude excludes excluded \
         excluding no not never against refused refuses refuse refusing declined declines \
         there opposed opposes oppose",
    ),
    (
        FUTURE,
        "will would expected expects likely could may might forecast predicted projected plans \
         planned going shall",
    ),
    (
        CAUSAL,
        "because caused causes cause due led leads result resulted results therefore thanks \
         since consequently driven fuelled fueled blamed",
    ),
    (
        OPINION,
        "should must ought think believe feel hope wish terrible great wonderful disgusting \
         awful fantastic beautiful shameful ridiculous stupid best worst love hate i we opinion \
         arguably perhaps maybe",
    ),
    (
        QUANTITY,
        "percent per cent million billion trillion thousand hundred dozen half third quarter \
         most more less fewer least largest biggest highest lowest smallest record doubled \
         tripled rose fell increased decreased dropped grew jumped surged plunged average \
         majority minority",
    ),
    (
        NAMING,
        "called so-called dubbed named known nicknamed termed titled labelled labeled",
    ),
    (CONJ, "and but or nor"),
    (WH, "why how what who whom whose where when which whether"),
];

#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type Map = HashMap<&'static str, Lex, BuildHasherDefault<Fnv>>;

fn table() -> &'static Map {
    static TABLE: OnceLock<Map> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut map = Map::default();
        for &(flags, words) in LISTS {
            for w in words.split_whitespace() {
                *map.entry(w).or_insert(0) |= flags;
            }
        }
        map
    })
}

/// Flags of a lowercase word (apostrophes as `'`). Words ending in `n't`
/// are negators: "wouldn't", "won't", "didn't".
pub(crate) fn lookup(key: &str) -> Lex {
    if key.len() > 24 {
        return 0;
    }
    let mut flags = table().get(key).copied().unwrap_or(0);
    if key.ends_with("n't") {
        flags |= NEG | DENYISH;
    }
    flags
}

/// The nationality adjective for a country name ("poland" → "polish"), so
/// "Poland's president" finds "Polish President …".
pub(crate) fn nationality_of(country: &str) -> Option<&'static str> {
    const PAIRS: &[(&str, &str)] = &[
        ("france", "french"),
        ("germany", "german"),
        ("russia", "russian"),
        ("ukraine", "ukrainian"),
        ("poland", "polish"),
        ("britain", "british"),
        ("uk", "british"),
        ("u.k", "british"),
        ("america", "american"),
        ("us", "american"),
        ("u.s", "american"),
        ("italy", "italian"),
        ("spain", "spanish"),
        ("china", "chinese"),
        ("japan", "japanese"),
        ("israel", "israeli"),
        ("iran", "iranian"),
        ("turkey", "turkish"),
        ("india", "indian"),
        ("canada", "canadian"),
        ("mexico", "mexican"),
        ("brazil", "brazilian"),
        ("europe", "european"),
        ("netherlands", "dutch"),
        ("belgium", "belgian"),
        ("sweden", "swedish"),
        ("norway", "norwegian"),
        ("finland", "finnish"),
        ("denmark", "danish"),
        ("greece", "greek"),
        ("hungary", "hungarian"),
        ("austria", "austrian"),
        ("switzerland", "swiss"),
        ("ireland", "irish"),
        ("korea", "korean"),
        ("syria", "syrian"),
        ("iraq", "iraqi"),
        ("egypt", "egyptian"),
        ("australia", "australian"),
        ("portugal", "portuguese"),
        ("romania", "romanian"),
        ("serbia", "serbian"),
        ("venezuela", "venezuelan"),
        ("cuba", "cuban"),
    ];
    PAIRS.iter().find(|(c, _)| *c == country).map(|(_, n)| *n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_combine_across_lists() {
        assert!(lookup("said") & CUE != 0);
        assert!(lookup("told") & LISTENER != 0);
        assert!(lookup("wouldn't") & NEG != 0);
        assert_eq!(lookup("macron"), 0);
        assert_eq!(nationality_of("poland"), Some("polish"));
    }
}
