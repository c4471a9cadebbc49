//! Every import parser on arbitrary bytes: the hearsay JSON parser and the
//! doccano, Label Studio and brat (files and zip) importers must refuse bad
//! input with an error, never panic; what they accept must be a valid export.
#![no_main]

use hearsay_core::format::Export;
use hearsay_core::interop::{InputFile, Source, import};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(text) = std::str::from_utf8(bytes)
        && let Ok(export) = Export::parse(text)
    {
        export.validate().expect("a parsed export is valid");
    }
    for (source, name) in [
        (Source::Doccano, "f.jsonl"),
        (Source::LabelStudio, "f.json"),
        (Source::Brat, "f.zip"),
    ] {
        if let Ok(export) = import(source, &[InputFile { name, bytes }]) {
            export.validate().expect("an imported export is valid");
        }
    }
    // brat as a pair: split the input into a text and its annotations.
    let cut = bytes.iter().position(|&b| b == 0).unwrap_or(bytes.len());
    let (txt, ann) = bytes.split_at(cut);
    let ann = ann.get(1..).unwrap_or(&[]);
    let files = [InputFile { name: "f.txt", bytes: txt }, InputFile { name: "f.ann", bytes: ann }];
    if let Ok(export) = import(Source::Brat, &files) {
        export.validate().expect("an imported export is valid");
    }
});
