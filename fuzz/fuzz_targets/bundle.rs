//! The model bundle reader on arbitrary bytes: it must refuse bad input
//! with an error, never panic, and what it accepts must write back to the
//! same bytes, analyse a text and learn from a decision without a panic.
//! Each input is tried as it is and as the body of a bundle with a right
//! header and checksum, so the fuzzer reaches past the checksum.
#![no_main]

use hearsay_core::learn::{Bundle, Lesson, Verdict};
use hearsay_core::models::Unobserved;
use hearsay_core::{Config, Span, analyze_with};
use libfuzzer_sys::fuzz_target;
use sha2::{Digest, Sha256};

const TEXT: &str = "“We will not sell,” owner Rosa Klee said. The council denied it.";

fn check(bytes: &[u8]) {
    let Ok(mut bundle) = Bundle::read(bytes) else {
        return;
    };
    assert_eq!(bundle.write(), bytes, "a bundle read writes back the same bytes");
    let _ = analyze_with(TEXT, &Config::default(), bundle.models(), &mut Unobserved);
    let before = bundle.write();
    let update = bundle.learn(
        TEXT,
        &[Lesson::Denial {
            sentence: Span { start: 42, end: 64 },
            verdict: Verdict::Rejected,
        }],
    );
    bundle.undo(&update);
    assert_eq!(bundle.write(), before, "undo restores the bundle");
}

fuzz_target!(|bytes: &[u8]| {
    check(bytes);
    let mut framed = b"HSBN\x01\x00".to_vec();
    framed.extend_from_slice(bytes);
    let sum = Sha256::digest(&framed);
    framed.extend_from_slice(&sum);
    check(&framed);
});
