//! The Python shell of the hearsay core: the extension module
//! `hearsay._hearsay`, which the pure-Python package `hearsay` (in
//! `python/hearsay`) wraps.
//!
//! Rule: texts are taken out of Python objects while the interpreter is
//! held, then the core analyses them with it released (`Python::detach`),
//! so that other Python threads run meanwhile; no thread is started here.
//! A row that cannot be analysed (no text, not a string, not UTF-8, too
//! large, or an extractor failure) gets an error message and the batch goes
//! on.
//!
//! Example, from Python: `hearsay.analyze_arrow(pa.array(["…", None]))`
//! gives the first text's annotations, one row each, and one row for the
//! second with `error` = "no text (None)".

use hearsay_core::format::Document;
use hearsay_core::learn::Bundle;
use hearsay_core::models::Unobserved;
use hearsay_core::{Config, analyze_with};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyString};

/// The largest text analysed, in bytes: what the annotator accepts for one
/// document.
const MAX_TEXT_BYTES: usize = 16_000_000;

/// The text of one row, or why there is none.
fn text_of(item: &Bound<'_, PyAny>) -> Result<String, String> {
    if item.is_none() {
        return Err("no text (None)".to_string());
    }
    let text = if let Ok(s) = item.cast::<PyString>() {
        s.to_cow()
            .map(std::borrow::Cow::into_owned)
            .map_err(|_| "not valid UTF-8: the string holds a lone surrogate".to_string())?
    } else if let Ok(b) = item.cast::<PyBytes>() {
        String::from_utf8(b.as_bytes().to_vec()).map_err(|e| format!("not valid UTF-8: {e}"))?
    } else {
        let kind = item
            .get_type()
            .name()
            .map_or_else(|_| "value".to_string(), |n| n.to_string());
        return Err(format!("not a text ({kind})"));
    };
    if text.len() > MAX_TEXT_BYTES {
        return Err(too_large(text.len()));
    }
    Ok(text)
}

/// A model bundle read once (`hearsay.load_models`), to analyse with.
#[pyclass(frozen, module = "hearsay._hearsay")]
struct Models {
    bundle: Bundle,
    id: String,
}

#[pymethods]
impl Models {
    /// Reads a bundle file's bytes; a damaged bundle raises `ValueError`
    /// saying why.
    #[new]
    fn new(data: &[u8]) -> PyResult<Models> {
        let bundle = Bundle::read(data).map_err(|e| PyValueError::new_err(e.to_string()))?;
        let id = bundle.id();
        Ok(Models { bundle, id })
    }

    /// The bundle's id, as exports record it.
    #[getter]
    fn id(&self) -> &str {
        &self.id
    }

    /// How many lessons the bundle learned since its base.
    #[getter]
    fn lessons(&self) -> u32 {
        self.bundle.lessons()
    }
}

/// The models to analyse with: the given ones, else the shipped ones.
fn chosen(models: Option<&Models>) -> (&Bundle, String) {
    match models {
        Some(m) => (&m.bundle, m.id.clone()),
        None => {
            let shipped = Bundle::shipped();
            (shipped, shipped.id())
        }
    }
}

/// The document of row `row` (id `d{row + 1}`, as `hearsay extract` numbers
/// them) analysed with `bundle` (whose id it records), or why the
/// extractor failed on it.
fn document(row: usize, text: &str, (bundle, id): (&Bundle, &str)) -> Result<Document, String> {
    let doc_id = format!("d{}", row + 1);
    std::panic::catch_unwind(|| {
        analyze_with(text, &Config::default(), bundle.models(), &mut Unobserved).0
    })
    .map(|analysis| Document {
        models: Some(id.to_string()),
        ..Document::from_analysis(&doc_id, "", text, &analysis)
    })
    .map_err(|_| "the extractor failed on this text".to_string())
}

/// Analyses `texts` and hands each row's document to `then`, all with the
/// interpreter released: `then`'s result for each row, or why the row has
/// no document.
fn each<T: Send>(
    py: Python<'_>,
    texts: &[Bound<'_, PyAny>],
    models: Option<&Models>,
    then: impl Fn(Document) -> Result<T, String> + Send + Sync,
) -> Vec<Result<T, String>> {
    let texts: Vec<Result<String, String>> = texts.iter().map(text_of).collect();
    let (bundle, id) = chosen(models);
    py.detach(|| {
        analyse(
            texts.iter().map(|t| t.as_deref().map_err(Clone::clone)),
            (bundle, &id),
            then,
        )
    })
}

/// Each row's document handed to `then`, or why the row has none.
fn analyse<'a, T>(
    texts: impl Iterator<Item = Result<&'a str, String>>,
    models: (&Bundle, &str),
    then: impl Fn(Document) -> Result<T, String>,
) -> Vec<Result<T, String>> {
    texts
        .enumerate()
        .map(|(row, text)| then(document(row, text?, models)?))
        .collect()
}

/// The texts of an Arrow string array read from its buffers, without a
/// Python object per text: `length` rows from row `offset`, `validity` the
/// null bitmap (if any), `offsets` 32-bit (`wide` false, `string`) or
/// 64-bit (`wide` true, `large_string`) little-endian offsets into `data`.
fn arrow_texts<'a>(
    length: usize,
    offset: usize,
    validity: Option<&'a [u8]>,
    offsets: &'a [u8],
    data: &'a [u8],
    wide: bool,
) -> impl Iterator<Item = Result<&'a str, String>> + 'a {
    let width = if wide { 8 } else { 4 };
    let at = move |k: usize| -> Option<usize> {
        let bytes = offsets.get(k * width..(k + 1) * width)?;
        let mut le = [0u8; 8];
        le[..width].copy_from_slice(bytes);
        usize::try_from(i64::from_le_bytes(le)).ok()
    };
    (offset..offset + length).map(move |k| {
        if validity.is_some_and(|v| v.get(k / 8).is_none_or(|b| b >> (k % 8) & 1 == 0)) {
            return Err("no text (None)".to_string());
        }
        let (start, end) = at(k).zip(at(k + 1)).ok_or("a damaged Arrow array")?;
        let bytes = data.get(start..end).ok_or("a damaged Arrow array")?;
        if bytes.len() > MAX_TEXT_BYTES {
            return Err(too_large(bytes.len()));
        }
        std::str::from_utf8(bytes).map_err(|e| format!("not valid UTF-8: {e}"))
    })
}

/// Why a text of `bytes` bytes is not analysed.
fn too_large(bytes: usize) -> String {
    format!(
        "{} MB is more than the {} MB a text may have",
        bytes.div_ceil(1_000_000),
        MAX_TEXT_BYTES / 1_000_000
    )
}

/// A document as the contract's JSON.
fn json(doc: Document) -> Result<String, String> {
    serde_json::to_string(&doc).map_err(|e| e.to_string())
}

/// One text's document as JSON (the hearsay contract's document object).
#[pyfunction]
#[pyo3(signature = (text, models=None))]
fn analyze_json(
    py: Python<'_>,
    text: Bound<'_, PyAny>,
    models: Option<PyRef<'_, Models>>,
) -> PyResult<String> {
    each(py, std::slice::from_ref(&text), models.as_deref(), json)
        .pop()
        .unwrap_or_else(|| Err("no text".to_string()))
        .map_err(PyValueError::new_err)
}

/// Each text's document as JSON, or `None` and why: `[(json, error)]`.
#[pyfunction]
#[pyo3(signature = (texts, models=None))]
fn analyze_batch_json(
    py: Python<'_>,
    texts: Vec<Bound<'_, PyAny>>,
    models: Option<PyRef<'_, Models>>,
) -> Vec<(Option<String>, Option<String>)> {
    each(py, &texts, models.as_deref(), json)
        .into_iter()
        .map(|d| match d {
            Ok(json) => (Some(json), None),
            Err(why) => (None, Some(why)),
        })
        .collect()
}

/// The statements shared by documents given as the contract's JSON (a
/// list of document objects, as `analyze_batch` returns them; objects with
/// an `error` are skipped), as JSON: `[{"id", "speaker", "stance",
/// "members"}]`. A document that is not one of the contract is refused
/// with its position and why.
#[pyfunction]
fn statements_json(py: Python<'_>, documents: &str) -> PyResult<String> {
    let values: Vec<serde_json::Value> =
        serde_json::from_str(documents).map_err(|e| PyValueError::new_err(e.to_string()))?;
    let mut docs = Vec::with_capacity(values.len());
    for (i, v) in values.into_iter().enumerate() {
        if v.get("error").is_some_and(|e| !e.is_null()) {
            continue;
        }
        let doc: Document = serde_json::from_value(v)
            .map_err(|e| PyValueError::new_err(format!("document {}: {e}", i + 1)))?;
        docs.push(doc);
    }
    let found = py.detach(|| hearsay_core::statements::group_documents(&docs));
    serde_json::to_string(&found).map_err(|e| PyValueError::new_err(e.to_string()))
}

/// The statement candidates of one document given as the contract's
/// JSON, as JSON (what `hearsay.spark.statements` moves to each speaker's
/// block).
#[pyfunction]
fn statement_candidates_json(document: &str) -> PyResult<String> {
    let doc: Document =
        serde_json::from_str(document).map_err(|e| PyValueError::new_err(e.to_string()))?;
    let found = hearsay_core::statements::candidates(&doc);
    serde_json::to_string(&found).map_err(|e| PyValueError::new_err(e.to_string()))
}

/// The statements of candidates given as JSON (documents in order, each
/// document's candidates together and in order), as JSON, numbered `s1`,
/// `s2`, … by their first member: the core's grouping of one block.
#[pyfunction]
fn group_candidates_json(py: Python<'_>, candidates: &str) -> PyResult<String> {
    let found: Vec<hearsay_core::statements::Candidate> =
        serde_json::from_str(candidates).map_err(|e| PyValueError::new_err(e.to_string()))?;
    let grouped = py.detach(|| hearsay_core::statements::group(&found));
    serde_json::to_string(&grouped).map_err(|e| PyValueError::new_err(e.to_string()))
}

/// The annotations of `texts` as Arrow columns, one row per annotation
/// plus one row for each text that could not be analysed (its `error`
/// set); `doc` is the text's index in `texts`. Each column comes as its
/// Arrow buffers (`pyarrow.Array.from_buffers` reads them): no Python
/// object is made per value.
#[pyfunction]
#[pyo3(signature = (texts, models=None))]
fn annotation_columns<'py>(
    py: Python<'py>,
    texts: Vec<Bound<'py, PyAny>>,
    models: Option<PyRef<'py, Models>>,
) -> PyResult<Bound<'py, PyDict>> {
    let docs = each(py, &texts, models.as_deref(), Ok);
    py.detach(|| Columns::of(&docs, 0)).into_dict(py)
}

/// [`annotation_columns`] of the texts of an Arrow string array given by
/// its buffers (see [`arrow_texts`]); `doc` counts from `first_doc`.
#[pyfunction]
#[allow(clippy::too_many_arguments)]
#[pyo3(signature = (length, offset, validity, offsets, data, wide, first_doc, models=None))]
fn arrow_annotation_columns<'py>(
    py: Python<'py>,
    length: usize,
    offset: usize,
    validity: Option<&[u8]>,
    offsets: &[u8],
    data: &[u8],
    wide: bool,
    first_doc: usize,
    models: Option<PyRef<'py, Models>>,
) -> PyResult<Bound<'py, PyDict>> {
    let (bundle, id) = chosen(models.as_deref());
    let c = py.detach(|| {
        let texts = arrow_texts(length, offset, validity, offsets, data, wide);
        Columns::of(&analyse(texts, (bundle, &id), Ok), first_doc)
    });
    c.into_dict(py)
}

/// An Arrow column being filled: the validity bitmap, then the offsets
/// (for strings) and the values.
#[derive(Default)]
struct Column {
    len: usize,
    nulls: usize,
    validity: Vec<u8>,
    offsets: Vec<i32>,
    values: Vec<u8>,
}

impl Column {
    fn valid(&mut self, is: bool) {
        if self.len.is_multiple_of(8) {
            self.validity.push(0);
        }
        if is {
            let last = self.validity.len() - 1;
            self.validity[last] |= 1 << (self.len % 8);
        } else {
            self.nulls += 1;
        }
        self.len += 1;
    }

    /// A string or a null.
    fn text(&mut self, value: Option<&str>) {
        if self.offsets.is_empty() {
            self.offsets.push(0);
        }
        self.valid(value.is_some());
        self.values
            .extend_from_slice(value.unwrap_or("").as_bytes());
        // Past 2 GiB the offsets would wrap: `finish` refuses the batch.
        self.offsets
            .push(i32::try_from(self.values.len()).unwrap_or(i32::MAX));
    }

    /// A 64-bit integer or a null.
    fn int(&mut self, value: Option<usize>) {
        self.valid(value.is_some());
        let v = value.map_or(0, |v| v as i64);
        self.values.extend_from_slice(&v.to_le_bytes());
    }

    /// A 32-bit float or a null.
    fn float(&mut self, value: Option<f32>) {
        self.valid(value.is_some());
        self.values
            .extend_from_slice(&value.unwrap_or(0.0).to_le_bytes());
    }

    /// `(length, null count, buffers)` for `pyarrow.Array.from_buffers`;
    /// `text` for a string column (which has offsets, even when empty).
    fn finish<'py>(
        mut self,
        py: Python<'py>,
        name: &str,
        text: bool,
    ) -> PyResult<Bound<'py, PyAny>> {
        if text && self.offsets.is_empty() {
            self.offsets.push(0);
        }
        if self.values.len() > i32::MAX as usize && !self.offsets.is_empty() {
            return Err(PyValueError::new_err(format!(
                "the {name} column of this batch is over 2 GiB: pass fewer texts at once"
            )));
        }
        let mut buffers = vec![PyBytes::new(py, &self.validity)];
        if !self.offsets.is_empty() {
            let offsets: Vec<u8> = self.offsets.iter().flat_map(|o| o.to_le_bytes()).collect();
            buffers.push(PyBytes::new(py, &offsets));
        }
        buffers.push(PyBytes::new(py, &self.values));
        (self.len, self.nulls, buffers)
            .into_pyobject(py)
            .map(Bound::into_any)
    }
}

/// Annotation rows, column by column.
#[derive(Default)]
struct Columns {
    doc: Column,
    id: Column,
    label: Column,
    start: Column,
    end: Column,
    text: Column,
    kind: Column,
    speaker: Column,
    speaker_start: Column,
    speaker_end: Column,
    cue: Column,
    confidence: Column,
    speaker_confidence: Column,
    error: Column,
}

impl Columns {
    /// The rows of `docs`, their `doc` counted from `first_doc`.
    fn of(docs: &[Result<Document, String>], first_doc: usize) -> Columns {
        let mut c = Columns::default();
        for (row, doc) in docs.iter().enumerate() {
            match doc {
                Ok(doc) => c.annotations(first_doc + row, doc),
                Err(why) => c.failed(first_doc + row, why),
            }
        }
        c
    }

    fn annotations(&mut self, row: usize, doc: &Document) {
        for a in &doc.annotations {
            self.doc.int(Some(row));
            self.id.text(Some(&a.id));
            self.label.text(Some(a.label.as_str()));
            self.start.int(Some(a.start));
            self.end.int(Some(a.end));
            self.text.text(Some(&a.text));
            self.kind.text(a.kind.map(|k| k.as_str()));
            self.speaker.text(a.speaker.as_deref());
            self.speaker_start.int(a.speaker_span.map(|s| s.start));
            self.speaker_end.int(a.speaker_span.map(|s| s.end));
            self.cue.text(a.cue.as_deref());
            self.confidence.float(Some(a.confidence));
            self.speaker_confidence.float(a.speaker_confidence);
            self.error.text(None);
        }
    }

    fn failed(&mut self, row: usize, why: &str) {
        self.doc.int(Some(row));
        for c in [
            &mut self.id,
            &mut self.label,
            &mut self.text,
            &mut self.kind,
            &mut self.speaker,
            &mut self.cue,
        ] {
            c.text(None);
        }
        for c in [
            &mut self.start,
            &mut self.end,
            &mut self.speaker_start,
            &mut self.speaker_end,
        ] {
            c.int(None);
        }
        self.confidence.float(None);
        self.speaker_confidence.float(None);
        self.error.text(Some(why));
    }

    fn into_dict(self, py: Python<'_>) -> PyResult<Bound<'_, PyDict>> {
        let d = PyDict::new(py);
        for (name, column, text) in [
            ("doc", self.doc, false),
            ("id", self.id, true),
            ("label", self.label, true),
            ("start", self.start, false),
            ("end", self.end, false),
            ("text", self.text, true),
            ("kind", self.kind, true),
            ("speaker", self.speaker, true),
            ("speaker_start", self.speaker_start, false),
            ("speaker_end", self.speaker_end, false),
            ("cue", self.cue, true),
            ("confidence", self.confidence, false),
            ("speaker_confidence", self.speaker_confidence, false),
            ("error", self.error, true),
        ] {
            d.set_item(name, column.finish(py, name, text)?)?;
        }
        Ok(d)
    }
}

/// The extension module.
#[pymodule]
fn _hearsay(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Models>()?;
    m.add_function(wrap_pyfunction!(analyze_json, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_batch_json, m)?)?;
    m.add_function(wrap_pyfunction!(annotation_columns, m)?)?;
    m.add_function(wrap_pyfunction!(statements_json, m)?)?;
    m.add_function(wrap_pyfunction!(statement_candidates_json, m)?)?;
    m.add_function(wrap_pyfunction!(group_candidates_json, m)?)?;
    m.add_function(wrap_pyfunction!(arrow_annotation_columns, m)?)?;
    m.add("MAX_TEXT_BYTES", MAX_TEXT_BYTES)?;
    Ok(())
}
