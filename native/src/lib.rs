//! The native part of the SBOM ban enforcer.
//!
//! Matching stays in Python; this module only makes a large CycloneDX JSON
//! document cheap to read. One pass over the bytes (memory-mapped for a file)
//! checks that the document is JSON with the types the Python loader expects,
//! counts its components, and returns the few top-level components whose
//! identity values may hit a ban, as byte ranges for Python to decode and
//! match exactly. Anything unusual sends the whole document back to the
//! Python path (`Scan.fallback` says why), so a document is either read here
//! with the same meaning as in Python, or not read here at all.

mod cdx;
mod graph;
mod guard;
mod json;
mod matcher;

use std::borrow::Cow;
use std::fs::{File, OpenOptions};
use std::os::unix::fs::{FileExt, OpenOptionsExt};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::OnceLock;

use memmap2::{Advice, Mmap};
use pyo3::exceptions::{PyOSError, PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyBytes;

/// Run `body`; a panic in it becomes a RuntimeError with the panic's message
/// (PyO3 would raise a PanicException, which derives from BaseException and
/// which no `except Exception` catches).
fn guarded<T>(body: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    match catch_unwind(AssertUnwindSafe(body)) {
        Ok(result) => result,
        Err(payload) => {
            let message = payload
                .downcast_ref::<&str>()
                .map(|text| text.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "no message".to_string());
            Err(PyRuntimeError::new_err(format!(
                "the native scanner failed: {message}"
            )))
        }
    }
}

/// Open a file for reading without blocking (a FIFO nobody writes to would
/// block `open` forever); anything but a regular file is an OSError.
fn open_regular(path: &std::path::Path) -> PyResult<File> {
    let file = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
        .map_err(|error| PyOSError::new_err(error.to_string()))?;
    let metadata = file
        .metadata()
        .map_err(|error| PyOSError::new_err(error.to_string()))?;
    if !metadata.is_file() {
        return Err(PyOSError::new_err("not a regular file"));
    }
    Ok(file)
}

use cdx::{Checks, Outline, RefHasher, Shared, Walker};
use graph::Graph;
use matcher::Matcher;

/// The bytes of a document, after the scan: a file, read a piece at a time
/// (its map is gone: mapping pages again would keep them, and a file system
/// with large folios maps hundreds of kilobytes around each byte read), or a
/// Python bytes object.
enum Data {
    File(File, usize),
    Bytes(Py<PyBytes>),
}

impl Data {
    fn size(&self, py: Python<'_>) -> usize {
        match self {
            Data::File(_, size) => *size,
            Data::Bytes(bytes) => bytes.as_bytes(py).len(),
        }
    }

    /// The bytes `start..end` (inside the document).
    fn read<'a>(&'a self, py: Python<'a>, start: usize, end: usize) -> PyResult<Cow<'a, [u8]>> {
        match self {
            Data::File(file, _) => {
                let mut buffer = vec![0u8; end - start];
                file.read_exact_at(&mut buffer, start as u64)
                    .map_err(|error| {
                        PyOSError::new_err(format!("reading the SBOM again: {error}"))
                    })?;
                Ok(Cow::Owned(buffer))
            }
            Data::Bytes(bytes) => Ok(Cow::Borrowed(&bytes.as_bytes(py)[start..end])),
        }
    }
}

/// The needles of one run, compiled once; scans any number of documents.
#[pyclass(frozen, module = "enforcer._scan")]
struct Scanner {
    matcher: Matcher,
    checks: Checks,
    hasher: RefHasher,
    parallel_from: usize,
}

#[pymethods]
impl Scanner {
    /// `spec`: for each kind of value (organisation, URL, purl, CPE, group,
    /// name, hash, in that order), whether the bans match it at all, and the
    /// lower-case needles one of which an ASCII value must contain to hit.
    ///
    /// `component_types` and `hash_algorithms`: the values the quick
    /// specification checks accept (`Scan.looks_valid`).
    /// `parallel_from`: a component array with at least this many bytes left
    /// after its first components is read by two threads.
    #[new]
    #[pyo3(signature = (spec, component_types, hash_algorithms, parallel_from = 32 << 20))]
    fn new(
        spec: Vec<(bool, Vec<String>)>,
        component_types: Vec<String>,
        hash_algorithms: Vec<String>,
        parallel_from: usize,
    ) -> PyResult<Self> {
        let matcher = Matcher::new(spec).map_err(PyValueError::new_err)?;
        let checks = Checks {
            types: component_types
                .into_iter()
                .map(String::into_bytes)
                .collect(),
            algorithms: hash_algorithms
                .into_iter()
                .map(String::into_bytes)
                .collect(),
        };
        Ok(Scanner {
            matcher,
            checks,
            hasher: RefHasher::new(),
            parallel_from,
        })
    }

    /// Scan a file, memory-mapped; the pages read are given back as the scan
    /// goes, so memory stays bounded whatever the size of the file. A file
    /// that shrinks while it is read is a RuntimeError, never a crash.
    fn scan_file(
        &self,
        py: Python<'_>,
        path: std::path::PathBuf,
        check_limit: u64,
    ) -> PyResult<Scan> {
        guarded(|| {
            let file = open_regular(&path)?;
            // SAFETY: the map is read only; a page past the end of a file
            // that shrinks while it is read is caught by the guard (a page
            // of zeros, then an error), any other change gives wrong bytes
            // as with any reader of a file.
            let map = unsafe { Mmap::map(&file) }
                .map_err(|error| PyOSError::new_err(error.to_string()))?;
            let _ = map.advise(Advice::Sequential);
            let watch = guard::Guard::new(map.as_ptr() as usize, map.len());
            let outcome = {
                let data: &[u8] = &map;
                let shared = self.shared(Some(map.as_ptr() as usize));
                py.detach(move || {
                    catch_unwind(AssertUnwindSafe(|| {
                        Walker::new(data, shared, check_limit).run()
                    }))
                })
            };
            let shrank = watch.faulted();
            let size = map.len();
            drop(map);
            drop(watch);
            let outcome = outcome.unwrap_or_else(|payload| std::panic::resume_unwind(payload));
            if shrank {
                return Err(PyRuntimeError::new_err(
                    "the file shrank while it was read (was it changed while it was checked?)",
                ));
            }
            Ok(Scan::new(Data::File(file, size), outcome, &self.hasher))
        })
    }

    /// Scan a document already in memory (standard input, a decompressed file).
    fn scan_bytes(
        &self,
        py: Python<'_>,
        data: Bound<'_, PyBytes>,
        check_limit: u64,
    ) -> PyResult<Scan> {
        guarded(|| {
            let owned: Py<PyBytes> = data.clone().unbind();
            let outcome = {
                let bytes: &[u8] = data.as_bytes();
                let shared = self.shared(None);
                py.detach(move || Walker::new(bytes, shared, check_limit).run())
            };
            Ok(Scan::new(Data::Bytes(owned), outcome, &self.hasher))
        })
    }
}

impl Scanner {
    fn shared(&self, mapped_at: Option<usize>) -> Shared<'_> {
        Shared {
            matcher: &self.matcher,
            checks: &self.checks,
            hasher: &self.hasher,
            mapped_at,
            parallel_from: self.parallel_from,
        }
    }
}

/// Where a bom-ref is written: whether at the top level, and the component's bytes.
type Located<'py> = (bool, Bound<'py, PyBytes>);

/// What a scan found; keeps the document's bytes for the slices asked later.
#[pyclass(frozen, module = "enforcer._scan")]
struct Scan {
    data: Data,
    outline: Outline,
    fallback: Option<(String, usize)>,
    hasher: RefHasher,
    graph: OnceLock<Option<Graph>>,
}

impl Scan {
    fn new(data: Data, outcome: Result<Outline, json::Fallback>, hasher: &RefHasher) -> Self {
        let (outline, fallback) = match outcome {
            Ok(outline) => (outline, None),
            Err(fallback) => (
                Outline::default(),
                Some((fallback.reason.to_string(), fallback.offset)),
            ),
        };
        Scan {
            data,
            outline,
            fallback,
            hasher: hasher.clone(),
            graph: OnceLock::new(),
        }
    }

    fn range<'py>(
        &self,
        py: Python<'py>,
        range: Option<(usize, usize)>,
    ) -> PyResult<Option<Bound<'py, PyBytes>>> {
        match range {
            Some((start, end)) => Ok(Some(PyBytes::new(py, &self.data.read(py, start, end)?))),
            None => Ok(None),
        }
    }
}

#[pymethods]
impl Scan {
    /// None when the scan answered; else why the document goes to the Python path.
    #[getter]
    fn fallback(&self) -> Option<String> {
        self.fallback
            .as_ref()
            .map(|(reason, offset)| format!("{reason} at byte {offset}"))
    }

    #[getter]
    fn size(&self, py: Python<'_>) -> usize {
        self.data.size(py)
    }

    #[getter]
    fn bom_format(&self) -> Option<String> {
        self.outline.bom_format.clone()
    }

    #[getter]
    fn spec_version(&self) -> Option<String> {
        self.outline.spec_version.clone()
    }

    /// Every component, at every depth, of the top-level array.
    #[getter]
    fn components(&self) -> u64 {
        self.outline.components
    }

    /// Components with no identity value (organisation, URL, purl, CPE or hash).
    #[getter]
    fn unidentified(&self) -> u64 {
        self.outline.unidentified
    }

    /// Top-level components.
    #[getter]
    fn tops(&self) -> u64 {
        self.outline.tops
    }

    /// (start, end, components before it) of each top-level component that may hit a ban.
    #[getter]
    fn candidates(&self) -> Vec<(usize, usize, u64)> {
        self.outline
            .candidates
            .iter()
            .map(|c| (c.start, c.end, c.before))
            .collect()
    }

    /// The bytes of the metadata object, or None.
    #[getter]
    fn metadata<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyBytes>>> {
        self.range(py, self.outline.metadata)
    }

    /// The bytes of the services array, or None.
    #[getter]
    fn services<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyBytes>>> {
        self.range(py, self.outline.services)
    }

    /// Where the content of the top-level component array starts and ends.
    #[getter]
    fn array(&self) -> Option<(usize, usize)> {
        self.outline.array
    }

    /// The offset just after the top-level component number `check_limit`, if there are that many.
    #[getter]
    fn checked_end(&self) -> Option<usize> {
        self.outline.checked_end
    }

    /// The first `check_limit` components (nested ones included) pass the
    /// quick checks: type, name, bom-ref, hashes.
    #[getter]
    fn looks_valid(&self) -> bool {
        self.outline.looks_valid
    }

    /// Whether the component array was read by two threads, and how many guesses of where its
    /// second half starts were dropped.
    #[getter]
    fn split(&self) -> (bool, u32) {
        (self.outline.split, self.outline.missed_splits)
    }

    #[getter]
    fn has_dependencies(&self) -> bool {
        self.outline.dependencies.is_some()
    }

    /// Indexes of the first dependencies without a ref, and how many there are.
    #[getter]
    fn refless(&self) -> (Vec<u64>, u64) {
        (self.outline.refless.clone(), self.outline.refless_count)
    }

    /// A copy of some bytes of the document.
    fn slice<'py>(
        &self,
        py: Python<'py>,
        start: usize,
        end: usize,
    ) -> PyResult<Bound<'py, PyBytes>> {
        guarded(|| {
            if start > end || end > self.data.size(py) {
                return Err(PyValueError::new_err("slice out of the document"));
            }
            Ok(PyBytes::new(py, &self.data.read(py, start, end)?))
        })
    }

    /// For each bom-ref, the bytes of the component written with it (the first
    /// top-level one, else the first nested one) and whether it is top-level.
    /// A hash collision can give another component: the caller checks its ref.
    fn locate<'py>(
        &self,
        py: Python<'py>,
        refs: Vec<String>,
    ) -> PyResult<Vec<Option<Located<'py>>>> {
        guarded(|| {
            refs.iter()
                .map(|reference| {
                    match self
                        .outline
                        .places
                        .get(&self.hasher.hash(reference.as_bytes()))
                    {
                        Some(place) => {
                            let bytes = self.data.read(py, place.start, place.end)?;
                            Ok(Some((place.top, PyBytes::new(py, &bytes))))
                        }
                        None => Ok(None),
                    }
                })
                .collect()
        })
    }

    /// For each target ref, the shortest chain of refs from a root to it in
    /// the dependency graph (breadth first, roots and dependencies in document
    /// order), or None when no root reaches it. A chain longer than `limit`
    /// keeps its root, None for the refs left out, and its last `limit - 2`
    /// refs: the work per target is bounded by `limit`, whatever the depth.
    #[pyo3(signature = (roots, targets, limit = usize::MAX))]
    fn chains(
        &self,
        py: Python<'_>,
        roots: Vec<String>,
        targets: Vec<String>,
        limit: usize,
    ) -> PyResult<Vec<Option<Vec<Option<String>>>>> {
        guarded(|| self.chains_of(py, roots, targets, limit))
    }
}

impl Scan {
    fn chains_of(
        &self,
        py: Python<'_>,
        roots: Vec<String>,
        targets: Vec<String>,
        limit: usize,
    ) -> PyResult<Vec<Option<Vec<Option<String>>>>> {
        if self.graph.get().is_none() {
            let graph = match self.outline.dependencies {
                Some((start, end)) => {
                    let bytes = self.data.read(py, start, end)?;
                    Graph::read(&bytes, (0, bytes.len())).ok()
                }
                None => None,
            };
            let _ = self.graph.set(graph);
        }
        let graph = self.graph.get().and_then(Option::as_ref);
        let Some(graph) = graph else {
            return Ok(vec![None; targets.len()]);
        };
        Ok(graph.chains(&roots, &targets, limit.max(3)))
    }
}

/// The first key repeated in an object of a JSON document, and the JSON path
/// of that object (`$.components[0]`), or None; also the keys of the top-level
/// object that name an SBOM format (bomFormat, spdxVersion, @context, @graph).
/// None for the whole answer when the document is not JSON (or nested deeper
/// than 512 levels): the loader says what is wrong with it.
#[pyfunction]
fn check_keys(py: Python<'_>, data: Bound<'_, PyBytes>) -> PyResult<Option<KeyReport>> {
    guarded(|| {
        let bytes: &[u8] = data.as_bytes();
        let report = py.detach(move || json::check_keys(bytes));
        Ok(report.ok().map(|report| (report.duplicate, report.markers)))
    })
}

type KeyReport = (Option<(String, String)>, Vec<String>);

/// A panic inside the guard, for the tests: it must reach Python as a RuntimeError.
#[pyfunction]
fn _panic_for_test() -> PyResult<()> {
    guarded(|| panic!("a panic on purpose"))
}

#[pymodule(name = "_scan")]
fn enforcer_scan(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add("__version__", env!("CARGO_PKG_VERSION"))?;
    module.add_class::<Scanner>()?;
    module.add_class::<Scan>()?;
    module.add_function(wrap_pyfunction!(check_keys, module)?)?;
    module.add_function(wrap_pyfunction!(_panic_for_test, module)?)?;
    // A panic is reported once, as the RuntimeError `guarded` raises: never
    // as lines on stderr (the std of this module has its own hook).
    std::panic::set_hook(Box::new(|_| {}));
    Ok(())
}
