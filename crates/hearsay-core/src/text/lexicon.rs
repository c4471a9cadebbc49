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
/// A lowercase particle that joins the parts of a name: "van", "von der",
/// "bin" (tested together with the token being lowercase).
pub(crate) const PARTICLE: Lex = 1 << 26;
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
         there opposed opposes oppose spurn spurns spurned spurning rebuff rebuffs rebuffed \
         rebuffing disavow disavows disavowed disavowing repudiate repudiates repudiated \
         repudiating dispute disputes disputed disputing refute refutes refuted refuting \
         contradict contradicts contradicted contradicting",
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
    (
        PARTICLE,
        "van von der den de del della di da du la le bin ibn al ter ten dos das zu y",
    ),
];

/// A word-at-a-time multiplicative hash (the FxHash scheme): words are
/// short, and hashing eight bytes per step is what keeps a look-up per
/// token cheap. Also used for the people memory's name tables.
#[derive(Default, Clone, Copy)]
pub(crate) struct FastHash(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FastHash {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FastHash {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w));
        }
    }
    fn write_u8(&mut self, b: u8) {
        self.add(u64::from(b));
    }
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }
    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }
}

/// A `HashMap` with [`FastHash`].
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHash>>;

/// The longest word of the lists, in bytes: longer words are not looked up.
const MAX_KEY: usize = 24;

/// A key packed into three little-endian words, zero-padded, so comparing
/// two keys is comparing three integers.
type Packed = [u64; 3];

fn pack(key: &[u8]) -> Packed {
    let mut buf = [0u8; MAX_KEY];
    buf[..key.len()].copy_from_slice(key);
    pack_buf(&buf)
}

fn pack_buf(buf: &[u8; MAX_KEY]) -> Packed {
    let word = |k: usize| {
        let mut w = [0u8; 8];
        w.copy_from_slice(&buf[8 * k..8 * k + 8]);
        u64::from_le_bytes(w)
    };
    [word(0), word(1), word(2)]
}

/// The hash of a packed key of `len` bytes.
fn hash_of(key: &Packed, len: usize) -> u64 {
    let mut h = FastHash(len as u64);
    h.add(key[0]);
    if len > 8 {
        h.add(key[1]);
        h.add(key[2]);
    }
    h.0
}

/// The lexicon as an open-addressing table of packed keys: one probe is a
/// hash of one to three words and integer compares, with no call to
/// `memcmp` (every token of the text is looked up once). A parallel array
/// of 16-bit tags (8 KB, which stays in the first-level cache) answers most
/// misses without touching the 32-byte slots.
struct Table {
    /// Per slot: 0 when empty, else a tag from the key's hash (never 0).
    tags: Vec<u16>,
    /// `(key, length, flags)`.
    slots: Vec<(Packed, u8, Lex)>,
    mask: usize,
}

/// Slot index and tag of a hash: the high bits of a multiplicative hash
/// are the well-mixed ones.
fn place(hash: u64, mask: usize) -> (usize, u16) {
    ((hash >> 32) as usize & mask, (hash >> 16) as u16 | 1)
}

impl Table {
    fn get(&self, key: &Packed, len: usize) -> Lex {
        let (mut at, tag) = place(hash_of(key, len), self.mask);
        loop {
            let t = self.tags[at];
            if t == 0 {
                return 0;
            }
            if t == tag {
                let (k, l, flags) = &self.slots[at];
                if usize::from(*l) == len && k == key {
                    return *flags;
                }
            }
            at = (at + 1) & self.mask;
        }
    }
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut words: FastMap<&'static str, Lex> = FastMap::default();
        for &(flags, list) in LISTS {
            for w in list.split_whitespace() {
                assert!(w.len() <= MAX_KEY, "{w}: longer than MAX_KEY");
                *words.entry(w).or_insert(0) |= flags;
            }
        }
        // At most half full, so probes stay short.
        let size = (words.len() * 2).next_power_of_two();
        let mut table = Table {
            tags: vec![0; size],
            slots: vec![([0; 3], 0, 0); size],
            mask: size - 1,
        };
        for (w, flags) in words {
            let key = pack(w.as_bytes());
            let (mut at, tag) = place(hash_of(&key, w.len()), table.mask);
            while table.tags[at] != 0 {
                at = (at + 1) & table.mask;
            }
            table.tags[at] = tag;
            // Lengths are at most MAX_KEY (asserted above).
            table.slots[at] = (key, w.len() as u8, flags);
        }
        table
    })
}

fn lookup_bytes(key: &[u8]) -> Lex {
    if key.is_empty() || key.len() > MAX_KEY {
        return 0;
    }
    with_negation(table().get(&pack(key), key.len()), key)
}

/// Words ending in `n't` are negators whether listed or not.
fn with_negation(flags: Lex, key: &[u8]) -> Lex {
    if key.ends_with(b"n't") {
        flags | NEG | DENYISH
    } else {
        flags
    }
}

/// Flags of a lowercase word (apostrophes as `'`). Words ending in `n't`
/// are negators: "wouldn't", "won't", "didn't".
pub(crate) fn lookup(key: &str) -> Lex {
    lookup_bytes(key.as_bytes())
}

/// Flags of a word as written, in any case: the same as
/// `lookup(&key_of(word))`, without building the key on the heap for the
/// ASCII words that make up nearly all of English news.
pub(crate) fn lookup_word(word: &str) -> Lex {
    lookup_in(word, 0, word.len())
}

/// Flags of the word `text[start..end]` (see [`lookup_word`]). The key is
/// read from the text eight bytes at a time and lowercased in registers:
/// writing it out byte by byte and reading it back as words stalls the
/// processor on every token.
#[inline]
pub(crate) fn lookup_in(text: &str, start: usize, end: usize) -> Lex {
    let n = end - start;
    if n == 0 || n > MAX_KEY {
        let word = &text[start..end];
        // Lowercasing never shortens an ASCII word, and no listed word
        // is this long.
        return if n == 0 || word.is_ascii() {
            0
        } else {
            lookup(&crate::text::normalise::key_of(word))
        };
    }
    let bytes = text.as_bytes();
    let mut key: Packed = [0; 3];
    let mut high = 0u64;
    for (k, slot) in key.iter_mut().enumerate().take(n.div_ceil(8)) {
        let x = load(bytes, start + 8 * k, (n - 8 * k).min(8));
        high |= x;
        *slot = ascii_lower(x);
    }
    if high & 0x8080_8080_8080_8080 != 0 {
        return lookup(&crate::text::normalise::key_of(&text[start..end]));
    }
    let flags = table().get(&key, n);
    if n >= 3 && bytes[end - 3..end].eq_ignore_ascii_case(b"n't") {
        flags | NEG | DENYISH
    } else {
        flags
    }
}

/// `len` (1 to 8) bytes of `bytes` from `at` as a little-endian word, the
/// rest zero.
#[inline]
fn load(bytes: &[u8], at: usize, len: usize) -> u64 {
    let keep = if len >= 8 {
        u64::MAX
    } else {
        (1u64 << (8 * len)) - 1
    };
    match bytes.get(at..at + 8) {
        Some(chunk) => {
            let mut w = [0u8; 8];
            w.copy_from_slice(chunk);
            u64::from_le_bytes(w) & keep
        }
        // Near the end of the text: byte by byte.
        None => bytes[at..at + len]
            .iter()
            .rev()
            .fold(0u64, |acc, &b| (acc << 8) | u64::from(b)),
    }
}

/// ASCII lowercase of eight bytes at once. Meaningful for ASCII bytes only
/// (the caller discards the result otherwise; the sums wrap then).
#[inline]
fn ascii_lower(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    // Per byte: high bit set when the byte is >= 'A', and when > 'Z'. An
    // ASCII byte plus at most 0x3f carries into no other byte.
    let ge_a = x.wrapping_add(ONES * (0x80 - b'A' as u64));
    let gt_z = x.wrapping_add(ONES * (0x80 - b'Z' as u64 - 1));
    let upper = ge_a & !gt_z & (ONES * 0x80);
    x | (upper >> 2)
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
    // Country names are 2 to 11 bytes: most words are ruled out by length
    // before any comparison.
    if !(2..=11).contains(&country.len()) {
        return None;
    }
    PAIRS
        .iter()
        .find(|(c, _)| c.len() == country.len() && *c == country)
        .map(|(_, n)| *n)
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

    #[test]
    fn every_listed_word_is_found_with_its_flags() {
        for &(flags, list) in LISTS {
            for w in list.split_whitespace() {
                assert_eq!(lookup(w) & flags, flags, "{w}");
                assert_eq!(lookup_word(&w.to_uppercase()) & flags, flags, "{w}");
            }
        }
        // Near misses are not found: a prefix, a longer word, one letter off.
        assert_eq!(lookup("sai"), 0);
        assert_eq!(lookup("saidx"), 0);
        assert_eq!(lookup("spokesmen") & TITLE, 0);
        assert_eq!(lookup("x".repeat(25).as_str()), 0);
    }

    #[test]
    fn lookup_in_reads_words_anywhere_in_the_text() {
        // Words at the start, the middle and the very end (fewer than
        // eight bytes left), in every case, with neighbours that must not
        // leak into the key.
        let text = "SAID xsaidx Spokesman wouldn’t Won't counterrevolutionaries said";
        let mut at = 0;
        for word in text.split(' ') {
            let end = at + word.len();
            assert_eq!(
                lookup_in(text, at, end),
                lookup(&crate::text::normalise::key_of(word)),
                "{word}"
            );
            at = end + 1;
        }
        assert!(lookup_in(text, text.len() - 4, text.len()) & CUE != 0);
        assert!(lookup_in(text, 0, 4) & CUE != 0);
        assert_eq!(lookup_in(text, 6, 10), lookup("said"));
        assert_eq!(
            ascii_lower(u64::from_le_bytes(*b"AZaz@[`{")),
            u64::from_le_bytes(*b"azaz@[`{")
        );
    }

    #[test]
    fn lookup_word_agrees_with_the_key() {
        let words = [
            "said",
            "Said",
            "SAID",
            "Told",
            "wouldn't",
            "Wouldn’t",
            "WON’T",
            "Président",
            "ÉLYSÉE",
            "Straße",
            "İstanbul",
            "van",
            "Van",
            "the",
            "The",
            "a",
            "",
            "counterrevolutionariesxyz",
            "Überwachungsstaatsanwaltschaft",
            "Mr",
            "U.S",
            "so-called",
            "Bin",
            "KELVIN",
            "\u{212A}ing",
        ];
        for w in words {
            assert_eq!(
                lookup_word(w),
                lookup(&crate::text::normalise::key_of(w)),
                "{w}"
            );
        }
        assert!(lookup_word("SAID") & CUE != 0);
        assert!(lookup_word("Wouldn’t") & NEG != 0);
        assert!(lookup_word("von") & PARTICLE != 0);
    }
}
