//! One pass over a CycloneDX JSON document.
//!
//! The walk follows the fields that the Python loader decodes
//! (`enforcer.sbom.cyclonedx_json`) with the same types: every other field is
//! skipped, but still checked to be JSON. For each top-level component it
//! learns whether any identity value in it (or in its nested components) may
//! hit a ban; only those components are handed to Python, as byte ranges, to
//! be decoded and matched exactly. It also counts the components and those
//! without identity, keeps where each bom-ref is written (for the labels of
//! paths), and where the metadata, services and dependency graph are.

use std::collections::hash_map::{Entry, HashMap};
use std::hash::BuildHasher;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::json::{Cursor, Fallback, Keys, Res, MAX_DEPTH};
use crate::matcher::{Batch, Kind, Matcher};

/// The longest string msgspec accepts in a decoded field (characters; bytes here).
pub const MAX_STRING: usize = 65_536;

/// Where a component with a given bom-ref is written.
#[derive(Clone, Copy)]
pub struct Place {
    pub start: usize,
    pub end: usize,
    pub top: bool,
}

/// A top-level component that may hit a ban.
pub struct Candidate {
    pub start: usize,
    pub end: usize,
    /// components (at every depth) before this one in the array
    pub before: u64,
}

/// What one pass learnt.
#[derive(Default)]
pub struct Outline {
    pub bom_format: Option<String>,
    pub spec_version: Option<String>,
    pub metadata: Option<(usize, usize)>,
    pub services: Option<(usize, usize)>,
    pub dependencies: Option<(usize, usize)>,
    /// the content of the top-level component array
    pub array: Option<(usize, usize)>,
    pub components: u64,
    pub unidentified: u64,
    pub tops: u64,
    /// just after the `check_limit`-th top-level component
    pub checked_end: Option<usize>,
    /// the first `check_limit` components (in document order, nested ones
    /// included) pass the quick checks of `Checks`
    pub looks_valid: bool,
    pub candidates: Vec<Candidate>,
    /// dependencies with a missing or empty ref (their indexes, the first few)
    pub refless: Vec<u64>,
    pub refless_count: u64,
    pub places: HashMap<u64, Place, IdentityHasher>,
    /// the rest of the array was read by two threads (a good guess of its middle), and the
    /// guesses that were dropped
    pub split: bool,
    pub missed_splits: u32,
}

/// The keys of `places` are already hashes.
#[derive(Default, Clone, Copy)]
pub struct IdentityHasher;

impl BuildHasher for IdentityHasher {
    type Hasher = Identity;
    fn build_hasher(&self) -> Identity {
        Identity(0)
    }
}

pub struct Identity(u64);

impl std::hash::Hasher for Identity {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = self.0.rotate_left(8) ^ byte as u64;
        }
    }
    fn write_u64(&mut self, value: u64) {
        self.0 = value;
    }
}

/// A keyed hash of bom-refs (SipHash with a random key: not forgeable by a document).
#[derive(Clone)]
pub struct RefHasher(std::collections::hash_map::RandomState);

impl RefHasher {
    pub fn new() -> Self {
        RefHasher(std::collections::hash_map::RandomState::new())
    }
    pub fn hash(&self, value: &[u8]) -> u64 {
        self.0.hash_one(value)
    }
}

/// The quick specification checks of the fields the scanner reads anyway (as
/// `_cdx_checks._looks_valid` makes them): a component's type and name, its
/// bom-ref (not empty, not repeated), its hashes (algorithm, length, hex).
pub struct Checks {
    pub types: Vec<Vec<u8>>,
    pub algorithms: Vec<Vec<u8>>,
}

const DIGEST_LENGTHS: [usize; 5] = [32, 40, 64, 96, 128];

/// What a walk shares with the walks it starts: read only.
#[derive(Clone, Copy)]
pub struct Shared<'m> {
    pub matcher: &'m Matcher,
    pub checks: &'m Checks,
    pub hasher: &'m RefHasher,
    /// the address of the memory map the data lies in (pages read are given
    /// back to the system as the walk goes), or None for data in memory
    pub mapped_at: Option<usize>,
    /// the rest of a component array at least this long is read by two threads
    pub parallel_from: usize,
}

pub struct Walker<'a, 'm> {
    cur: Cursor<'a>,
    shared: Shared<'m>,
    matcher: &'m Matcher,
    checks: &'m Checks,
    /// components checked so far, and the bom-refs among them
    checked: u64,
    refs: std::collections::HashSet<u64>,
    hasher: &'m RefHasher,
    batch: Batch,
    /// the top-level components of the batch: (start, end, before, a value alone made it a suspect)
    pending: Vec<(usize, usize, u64, bool)>,
    hits: Vec<bool>,
    /// the offset up to which pages were given back, and up to which they were mapped in advance
    given_back: usize,
    populated: usize,
    /// bytes read between two givings back (more while two threads read: each giving back
    /// interrupts the other thread, which must forget the pages too)
    release_every: usize,
    check_limit: u64,
    out: Outline,
    /// a value of the current top-level component may hit
    suspect: bool,
    /// hashes that fail the quick checks (counted while a component is read)
    hash_faults: u64,
    /// the component being read is among the first `check_limit`
    checking: bool,
    /// how top-level components are written: the bytes they all begin with,
    /// what separates them (the same each time, or not), where the last ended
    pattern_start: Option<Vec<u8>>,
    separator: Option<Vec<u8>>,
    separators_vary: bool,
    last_end: Option<usize>,
}

/// Bits of the fields of an object already seen (a repeated field goes to Python).
struct Seen(u32);

impl Seen {
    fn first(&mut self, bit: u32, cur: &Cursor) -> Res<()> {
        if self.0 & (1 << bit) != 0 {
            return cur.fail("a repeated field");
        }
        self.0 |= 1 << bit;
        Ok(())
    }
}

impl<'a, 'm> Walker<'a, 'm> {
    pub fn new(data: &'a [u8], shared: Shared<'m>, check_limit: u64) -> Self {
        Self::at(data, shared, check_limit, 0)
    }

    fn at(data: &'a [u8], shared: Shared<'m>, check_limit: u64, start: usize) -> Self {
        Walker {
            cur: Cursor::new(data, start),
            shared,
            matcher: shared.matcher,
            checks: shared.checks,
            checked: 0,
            refs: std::collections::HashSet::new(),
            hasher: shared.hasher,
            batch: Batch::default(),
            pending: Vec::new(),
            hits: Vec::new(),
            given_back: start,
            populated: start,
            release_every: RELEASE_EVERY,
            check_limit,
            out: Outline {
                looks_valid: true,
                ..Outline::default()
            },
            suspect: false,
            hash_faults: 0,
            checking: false,
            pattern_start: None,
            separator: None,
            separators_vary: false,
            last_end: None,
        }
    }

    pub fn run(mut self) -> Result<Outline, Fallback> {
        self.document()?;
        self.release(self.cur.data.len());
        Ok(self.out)
    }

    /// Give back the pages of the map read so far (page aligned), every so often.
    fn release(&mut self, upto: usize) {
        let Some(base) = self.shared.mapped_at else {
            return;
        };
        let page = 4096usize;
        let start = self.given_back.div_ceil(page) * page;
        let end = (upto / page) * page;
        if end > start {
            // SAFETY: a page-aligned range inside the map; the pages are read
            // again from the file if touched later (the map is read only)
            unsafe {
                libc::madvise(
                    (base + start) as *mut libc::c_void,
                    end - start,
                    libc::MADV_DONTNEED,
                );
            }
        }
        self.given_back = upto.max(self.given_back);
    }

    /// Map the next pages of the file in one call, before they are read: a
    /// page fault per page costs more, and two threads faulting at once slow
    /// each other down. (Kernels without MADV_POPULATE_READ ignore it.)
    fn populate(&mut self) {
        let Some(base) = self.shared.mapped_at else {
            return;
        };
        if self.cur.pos + POPULATE_AHEAD / 2 < self.populated {
            return;
        }
        let page = 4096usize;
        let start = (self.populated.max(self.cur.pos) / page) * page;
        let end = (start + POPULATE_AHEAD).min(self.cur.data.len());
        if end > start {
            // SAFETY: a range inside the map (its last page may be partial, as madvise allows)
            unsafe {
                libc::madvise(
                    (base + start) as *mut libc::c_void,
                    end - start,
                    libc::MADV_POPULATE_READ,
                );
            }
        }
        self.populated = end;
    }

    fn document(&mut self) -> Res<()> {
        self.cur.expect(b'{')?;
        let mut seen = Seen(0);
        let mut keys = Keys::default();
        if !self.cur.empty(b'}')? {
            loop {
                let key = self.cur.key()?;
                match key {
                    b"bomFormat" => {
                        seen.first(0, &self.cur)?;
                        self.out.bom_format = Some(self.text()?);
                    }
                    b"specVersion" => {
                        seen.first(1, &self.cur)?;
                        self.out.spec_version = Some(self.text()?);
                    }
                    b"metadata" => {
                        seen.first(2, &self.cur)?;
                        self.out.metadata = self.part(b'{')?;
                    }
                    b"components" => {
                        seen.first(3, &self.cur)?;
                        if !self.cur.null()? {
                            self.components()?;
                        }
                    }
                    b"services" => {
                        seen.first(4, &self.cur)?;
                        self.out.services = self.part(b'[')?;
                    }
                    b"dependencies" => {
                        seen.first(5, &self.cur)?;
                        if !self.cur.null()? {
                            self.dependencies()?;
                        }
                    }
                    // an SPDX document at once: the Python path refuses it
                    b"spdxVersion" | b"@context" | b"@graph" => {
                        return self.cur.fail("the key of another SBOM format")
                    }
                    // a known field is guarded by `seen`: only the others need the key set
                    _ => {
                        keys.first(key, &self.cur)?;
                        self.cur.skip(1)?
                    }
                }
                if !self.cur.more(b'}')? {
                    break;
                }
            }
        }
        self.cur.ws();
        if self.cur.pos != self.cur.data.len() {
            return self.cur.fail("data after the document");
        }
        Ok(())
    }

    /// A string field that must be a string (not null), decoded.
    fn text(&mut self) -> Res<String> {
        let at = self.cur.pos;
        let text = self.cur.string()?;
        let value = text.value(at)?;
        if value.len() > MAX_STRING {
            return self.cur.fail("a string longer than the limit");
        }
        // valid UTF-8: checked by the reader, escapes decoded to UTF-8
        Ok(String::from_utf8_lossy(&value).into_owned())
    }

    /// An object or array kept for Python to decode, or null: its byte range.
    fn part(&mut self, open: u8) -> Res<Option<(usize, usize)>> {
        if self.cur.null()? {
            return Ok(None);
        }
        if self.cur.peek()? != open {
            return self.cur.fail("a field of the wrong type");
        }
        let start = self.cur.pos;
        self.cur.skip(1)?;
        Ok(Some((start, self.cur.pos)))
    }

    /// A string field the matcher reads (`kind`), or a plain one (None); null
    /// allowed when `nullable`. Returns whether it held a non-empty value.
    fn value(&mut self, kind: Option<Kind>, nullable: bool) -> Res<bool> {
        if self.cur.peek()? != b'"' {
            if nullable && self.cur.null()? {
                return Ok(false);
            }
            return self.cur.fail("a field of the wrong type");
        }
        let at = self.cur.pos;
        let text = self.cur.string()?;
        let value = text.value(at)?;
        if value.len() > MAX_STRING {
            return self.cur.fail("a string longer than the limit");
        }
        if let Some(kind) = kind {
            if !self.suspect && self.matcher.queue(kind, &value, &mut self.batch) {
                self.suspect = true;
            }
        }
        Ok(!value.is_empty())
    }

    /// A string field's decoded value (None for null, when `nullable`).
    fn plain(&mut self, nullable: bool) -> Res<Option<std::borrow::Cow<'a, [u8]>>> {
        if nullable && self.cur.null()? {
            return Ok(None);
        }
        if self.cur.peek()? != b'"' {
            return self.cur.fail("a field of the wrong type");
        }
        let at = self.cur.pos;
        let value = self.cur.string()?.value(at)?;
        if value.len() > MAX_STRING {
            return self.cur.fail("a string longer than the limit");
        }
        Ok(Some(value))
    }

    /// An array of strings the matcher reads, or null; true when one is non-empty.
    fn values(&mut self, kind: Kind) -> Res<bool> {
        if self.cur.null()? {
            return Ok(false);
        }
        self.cur.expect(b'[')?;
        let mut any = false;
        if !self.cur.empty(b']')? {
            loop {
                any |= self.value(Some(kind), false)?;
                if !self.cur.more(b']')? {
                    break;
                }
            }
        }
        Ok(any)
    }

    /// An array of objects read by `element`, or null; true when any element
    /// gave an identity value.
    fn objects(&mut self, depth: usize, element: fn(&mut Self, usize) -> Res<bool>) -> Res<bool> {
        if self.cur.null()? {
            return Ok(false);
        }
        self.cur.expect(b'[')?;
        let mut any = false;
        if !self.cur.empty(b']')? {
            loop {
                any |= element(self, depth + 1)?;
                if !self.cur.more(b']')? {
                    break;
                }
            }
        }
        Ok(any)
    }

    fn open(&mut self, depth: usize) -> Res<bool> {
        if depth > MAX_DEPTH {
            return self.cur.fail("nested too deeply");
        }
        self.cur.expect(b'{')?;
        Ok(!self.cur.empty(b'}')?)
    }

    /// The fields of an object: each of `keys` is read by `field`, given its
    /// number in `keys`; other keys are skipped; a key seen twice goes to Python.
    fn fields(
        &mut self,
        depth: usize,
        keys: &[&[u8]],
        mut field: impl FnMut(&mut Self, usize) -> Res<()>,
    ) -> Res<()> {
        if self.open(depth)? {
            let mut seen = Seen(0);
            let mut all = Keys::default();
            loop {
                let key = self.cur.key()?;
                match keys.iter().position(|known| *known == key) {
                    Some(number) => {
                        seen.first(number as u32, &self.cur)?;
                        field(self, number)?;
                    }
                    None => {
                        all.first(key, &self.cur)?;
                        self.cur.skip(depth + 1)?
                    }
                }
                if !self.cur.more(b'}')? {
                    break;
                }
            }
        }
        Ok(())
    }

    /// A contact (`name`, `email`) or an author.
    fn contact(&mut self, depth: usize) -> Res<bool> {
        let mut identified = false;
        self.fields(depth, &[b"name", b"email"], |this, field| {
            identified |= this.value(Some([Kind::Org, Kind::Url][field]), true)?;
            Ok(())
        })?;
        Ok(identified)
    }

    /// An organisational entity (supplier, manufacturer), or null.
    fn entity(&mut self, depth: usize) -> Res<bool> {
        if self.cur.null()? {
            return Ok(false);
        }
        let mut identified = false;
        self.fields(depth, &[b"name", b"url", b"contact"], |this, field| {
            identified |= match field {
                0 => this.value(Some(Kind::Org), true)?,
                1 => this.values(Kind::Url)?,
                _ => this.objects(depth, Self::contact)?,
            };
            Ok(())
        })?;
        Ok(identified)
    }

    fn hash(&mut self, depth: usize) -> Res<bool> {
        let mut identified = false;
        let (mut algorithm, mut digest) = (false, false);
        self.fields(depth, &[b"alg", b"content"], |this, field| {
            let value = this.plain(false)?.unwrap_or_default();
            if field == 0 {
                algorithm = !this.checking
                    || this
                        .checks
                        .algorithms
                        .iter()
                        .any(|known| known[..] == value[..]);
                return Ok(());
            }
            digest = !this.checking
                || (DIGEST_LENGTHS.contains(&value.len())
                    && value.iter().all(u8::is_ascii_hexdigit));
            if !value.is_empty() {
                identified = true;
                if !this.suspect && this.matcher.queue(Kind::Hash, &value, &mut this.batch) {
                    this.suspect = true;
                }
            }
            Ok(())
        })?;
        if !(algorithm && digest) {
            self.hash_faults += 1;
        }
        Ok(identified)
    }

    fn reference(&mut self, depth: usize) -> Res<bool> {
        let mut identified = false;
        self.fields(depth, &[b"url", b"type"], |this, field| {
            let kind = [Some(Kind::Url), None][field];
            identified |= this.value(kind, false)? && kind.is_some();
            Ok(())
        })?;
        Ok(identified)
    }

    /// One component and its nested ones; records its bom-ref.
    fn component(&mut self, depth: usize, top: bool) -> Res<()> {
        let start = self.cur.pos;
        self.cur.ws();
        let start = start.max(self.cur.pos);
        let mut identified = false;
        let mut reference: Option<u64> = None;
        let checking = self.checked < self.check_limit;
        self.checked += 1;
        let outer = std::mem::replace(&mut self.checking, checking);
        let (mut typed, mut named, mut empty_ref) = (false, false, false);
        let faults_before = self.hash_faults;
        if self.open(depth)? {
            let mut seen = Seen(0);
            let mut keys = Keys::default();
            loop {
                let key = self.cur.key()?;
                match key {
                    b"bom-ref" => {
                        seen.first(0, &self.cur)?;
                        if !self.cur.null()? {
                            let at = self.cur.pos;
                            let text = self.cur.string()?;
                            let value = text.value(at)?;
                            if value.len() > MAX_STRING {
                                return self.cur.fail("a string longer than the limit");
                            }
                            empty_ref = value.is_empty();
                            reference = Some(self.hasher.hash(&value));
                        }
                    }
                    b"type" => {
                        seen.first(1, &self.cur)?;
                        let value = self.plain(false)?.unwrap_or_default();
                        typed = !checking
                            || self.checks.types.iter().any(|known| known[..] == value[..]);
                    }
                    b"name" => {
                        seen.first(2, &self.cur)?;
                        named = self.value(Some(Kind::Name), false)?;
                    }
                    b"version" => {
                        seen.first(3, &self.cur)?;
                        self.value(None, true)?;
                    }
                    b"group" => {
                        seen.first(4, &self.cur)?;
                        self.value(Some(Kind::Group), true)?;
                    }
                    b"purl" => {
                        seen.first(5, &self.cur)?;
                        identified |= self.value(Some(Kind::Purl), true)?;
                    }
                    b"cpe" => {
                        seen.first(6, &self.cur)?;
                        identified |= self.value(Some(Kind::Cpe), true)?;
                    }
                    b"supplier" => {
                        seen.first(7, &self.cur)?;
                        identified |= self.entity(depth + 1)?;
                    }
                    b"manufacturer" => {
                        seen.first(8, &self.cur)?;
                        identified |= self.entity(depth + 1)?;
                    }
                    b"publisher" => {
                        seen.first(9, &self.cur)?;
                        identified |= self.value(Some(Kind::Org), true)?;
                    }
                    b"author" => {
                        seen.first(10, &self.cur)?;
                        identified |= self.value(Some(Kind::Org), true)?;
                    }
                    b"authors" => {
                        seen.first(11, &self.cur)?;
                        identified |= self.objects(depth, Self::contact)?;
                    }
                    b"hashes" => {
                        seen.first(12, &self.cur)?;
                        identified |= self.objects(depth, Self::hash)?;
                    }
                    b"externalReferences" => {
                        seen.first(13, &self.cur)?;
                        identified |= self.objects(depth, Self::reference)?;
                    }
                    b"components" => {
                        seen.first(14, &self.cur)?;
                        if !self.cur.null()? {
                            self.cur.expect(b'[')?;
                            if !self.cur.empty(b']')? {
                                loop {
                                    self.component(depth + 2, false)?;
                                    if !self.cur.more(b']')? {
                                        break;
                                    }
                                }
                            }
                        }
                    }
                    _ => {
                        keys.first(key, &self.cur)?;
                        self.cur.skip(depth + 1)?
                    }
                }
                if !self.cur.more(b'}')? {
                    break;
                }
            }
        }
        self.out.components += 1;
        if !identified {
            self.out.unidentified += 1;
        }
        if checking && self.out.looks_valid {
            let repeated = reference.is_some_and(|hash| !self.refs.insert(hash));
            if !typed || !named || empty_ref || repeated || self.hash_faults != faults_before {
                self.out.looks_valid = false;
            }
        }
        self.checking = outer;
        if let Some(hash) = reference {
            let place = Place {
                start,
                end: self.cur.pos,
                top,
            };
            match self.out.places.entry(hash) {
                Entry::Vacant(slot) => {
                    slot.insert(place);
                }
                Entry::Occupied(mut slot) => {
                    // the first top-level component wins, then the first nested one
                    if top && !slot.get().top {
                        slot.insert(place);
                    }
                }
            }
        }
        Ok(())
    }

    fn components(&mut self) -> Res<()> {
        self.cur.expect(b'[')?;
        let content = self.cur.pos;
        if !self.cur.empty(b']')? {
            // the components the checks look at are read first, by this thread alone
            let mut more = true;
            while more && self.out.tops < self.check_limit.max(PATTERN_COMPONENTS) {
                self.top_component()?;
                more = self.cur.more(b']')?;
            }
            let mut attempts = 0;
            while more {
                let split = if attempts < SPLIT_ATTEMPTS {
                    self.split_point()
                } else {
                    None
                };
                attempts += 1;
                more = match split {
                    Some(at) => self.two_threads(at)?,
                    None => {
                        while more {
                            self.top_component()?;
                            more = self.cur.more(b']')?;
                        }
                        false
                    }
                };
            }
        }
        self.search();
        self.out.array = Some((content, self.cur.pos - 1));
        Ok(())
    }

    /// One top-level component: read, queued for the search, counted.
    fn top_component(&mut self) -> Res<()> {
        self.cur.ws();
        let start = self.cur.pos;
        let before = self.out.components;
        self.suspect = false;
        self.component(1, true)?;
        self.out.tops += 1;
        if self.out.tops == self.check_limit {
            self.out.checked_end = Some(self.cur.pos);
        }
        if self.out.tops <= PATTERN_COMPONENTS {
            self.learn(start);
        }
        self.matcher.close(&mut self.batch);
        self.pending
            .push((start, self.cur.pos, before, self.suspect));
        if self.pending.len() >= BATCH_COMPONENTS || self.batch.bytes() >= BATCH_BYTES {
            self.search();
        }
        if self.cur.pos - self.given_back >= self.release_every {
            self.release(self.cur.pos);
        }
        self.populate();
        Ok(())
    }

    /// Learn how top-level components are written: what separates two of
    /// them and how each begins (the bytes they all start with).
    fn learn(&mut self, start: usize) {
        let data = self.cur.data;
        let head = &data[start..(start + PATTERN_BYTES).min(self.cur.pos)];
        match &mut self.pattern_start {
            None => self.pattern_start = Some(head.to_vec()),
            Some(common) => {
                let same = common.iter().zip(head).take_while(|(a, b)| a == b).count();
                common.truncate(same);
            }
        }
        if let Some(end) = self.last_end {
            let separator = &data[end..start];
            match &self.separator {
                None => self.separator = Some(separator.to_vec()),
                Some(known) if known != separator => self.separators_vary = true,
                Some(_) => {}
            }
        }
        self.last_end = Some(self.cur.pos);
    }

    /// Where the second half of the rest of the array probably starts: the
    /// first place after the middle that reads like the start of a top-level
    /// component (the separator, then the beginning all of them share). A
    /// nested component or object can read the same: the walk of the first
    /// half then misses the point, and the guess is dropped.
    fn split_point(&self) -> Option<usize> {
        let rest = self.cur.data.len() - self.cur.pos;
        if rest < self.shared.parallel_from || self.separators_vary {
            return None;
        }
        let (separator, start) = (self.separator.as_ref()?, self.pattern_start.as_ref()?);
        if start.len() < 8 {
            return None;
        }
        let mut needle = vec![b'}'];
        needle.extend_from_slice(separator);
        needle.extend_from_slice(start);
        let middle = self.cur.pos + rest / 2;
        let found = memchr::memmem::find(&self.cur.data[middle..], &needle)?;
        Some(middle + found + 1 + separator.len())
    }

    /// Read the rest of the array with a second thread that starts at `at`.
    /// Returns whether components remain to be read (the guess was wrong
    /// and this thread went past it).
    fn two_threads(&mut self, at: usize) -> Res<bool> {
        let data = self.cur.data;
        let shared = self.shared;
        let stop = AtomicBool::new(false);
        std::thread::scope(|scope| {
            let helper = scope.spawn(|| {
                let mut walker = Walker::at(data, shared, 0, at);
                walker.release_every = PARALLEL_RELEASE_EVERY;
                let outcome = walker.rest(&stop);
                (outcome, walker)
            });
            self.release_every = PARALLEL_RELEASE_EVERY;
            let outcome = self.first_half(at, &stop, helper);
            self.release_every = RELEASE_EVERY;
            outcome
        })
    }

    /// This thread's part of `two_threads`: up to `at`, then the helper's results.
    fn first_half(
        &mut self,
        at: usize,
        stop: &AtomicBool,
        helper: std::thread::ScopedJoinHandle<'_, (Res<()>, Walker<'a, 'm>)>,
    ) -> Res<bool> {
        {
            loop {
                self.cur.ws();
                if self.cur.pos == at {
                    let (outcome, helper) = helper
                        .join()
                        .expect("the second reader of the array panicked");
                    outcome?;
                    self.merge(helper);
                    self.out.split = true;
                    return Ok(false);
                }
                if self.cur.pos > at {
                    stop.store(true, Ordering::Relaxed);
                    self.out.missed_splits += 1;
                    return Ok(true);
                }
                self.top_component()?;
                if !self.cur.more(b']')? {
                    // the array ended before the guess: it was inside something else
                    stop.store(true, Ordering::Relaxed);
                    self.out.missed_splits += 1;
                    return Ok(false);
                }
            }
        }
    }

    /// The helper's walk: components from here to the end of the array (and past its `]`).
    fn rest(&mut self, stop: &AtomicBool) -> Res<()> {
        loop {
            if stop.load(Ordering::Relaxed) {
                return self.cur.fail("abandoned");
            }
            self.top_component()?;
            if !self.cur.more(b']')? {
                break;
            }
        }
        self.search();
        self.release(self.cur.pos);
        Ok(())
    }

    /// Take the counts, candidates and bom-refs of the helper's half.
    fn merge(&mut self, helper: Walker<'a, 'm>) {
        self.search();
        let offset = self.out.components;
        let theirs = helper.out;
        self.out.components += theirs.components;
        self.out.unidentified += theirs.unidentified;
        self.out.tops += theirs.tops;
        self.out
            .candidates
            .extend(theirs.candidates.into_iter().map(|c| Candidate {
                start: c.start,
                end: c.end,
                before: c.before + offset,
            }));
        for (hash, place) in theirs.places {
            match self.out.places.entry(hash) {
                Entry::Vacant(slot) => {
                    slot.insert(place);
                }
                Entry::Occupied(mut slot) => {
                    // the first half comes first: its top-level place wins, and it
                    // keeps a nested one unless the second half has a top-level one
                    if place.top && !slot.get().top {
                        slot.insert(place);
                    }
                }
            }
        }
        self.given_back = self.given_back.max(helper.given_back);
        self.cur.pos = helper.cur.pos;
    }

    /// Search the queued values of the pending components; keep the suspects.
    fn search(&mut self) {
        self.hits.clear();
        self.hits.resize(self.pending.len(), false);
        self.matcher.search(&mut self.batch, &mut self.hits);
        for (&(start, end, before, alone), &hit) in self.pending.iter().zip(&self.hits) {
            if alone || hit {
                self.out.candidates.push(Candidate { start, end, before });
            }
        }
        self.pending.clear();
    }

    fn dependencies(&mut self) -> Res<()> {
        let start = self.cur.pos;
        self.cur.expect(b'[')?;
        let mut number = 0u64;
        if !self.cur.empty(b']')? {
            loop {
                let mut has_ref = false;
                if self.open(2)? {
                    let mut seen = Seen(0);
                    let mut keys = Keys::default();
                    loop {
                        let key = self.cur.key()?;
                        match key {
                            b"ref" => {
                                seen.first(0, &self.cur)?;
                                has_ref = self.value(None, false)?;
                            }
                            b"dependsOn" => {
                                seen.first(1, &self.cur)?;
                                if !self.cur.null()? {
                                    self.cur.expect(b'[')?;
                                    if !self.cur.empty(b']')? {
                                        loop {
                                            self.value(None, false)?;
                                            if !self.cur.more(b']')? {
                                                break;
                                            }
                                        }
                                    }
                                }
                            }
                            _ => {
                                keys.first(key, &self.cur)?;
                                self.cur.skip(3)?
                            }
                        }
                        if !self.cur.more(b'}')? {
                            break;
                        }
                    }
                }
                if !has_ref {
                    self.out.refless_count += 1;
                    if self.out.refless.len() < 64 {
                        self.out.refless.push(number);
                    }
                }
                number += 1;
                if !self.cur.more(b']')? {
                    break;
                }
            }
        }
        self.out.dependencies = Some((start, self.cur.pos));
        Ok(())
    }
}

/// Top-level components read alone first, at least, to learn how they are written.
const PATTERN_COMPONENTS: u64 = 16;
/// Bytes of a top-level component's beginning compared.
const PATTERN_BYTES: usize = 48;
/// Guesses of where the second half starts, at most.
const SPLIT_ATTEMPTS: u32 = 3;

/// Top-level components searched at a time, at most.
const BATCH_COMPONENTS: usize = 4096;
/// Queued bytes searched at a time, at most (a batch of large components).
const BATCH_BYTES: usize = 1 << 20;

/// Bytes read between two givings back while two threads read.
const PARALLEL_RELEASE_EVERY: usize = 16 << 20;

/// Bytes mapped in advance of the reading.
const POPULATE_AHEAD: usize = 2 << 20;

/// Bytes read between two calls of the release hook.
pub const RELEASE_EVERY: usize = 1 << 20;
