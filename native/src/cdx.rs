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

use crate::json::{Cursor, Fallback, Res, MAX_DEPTH};
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

/// Called every so often with the offset up to which the data was read:
/// a memory-mapped file gives those pages back.
pub type Release<'r> = &'r mut dyn FnMut(usize);

pub struct Walker<'a, 'm, 'r> {
    cur: Cursor<'a>,
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
    release: Release<'r>,
    check_limit: u64,
    out: Outline,
    /// a value of the current top-level component may hit
    suspect: bool,
    /// hashes that fail the quick checks (counted while a component is read)
    hash_faults: u64,
    /// the component being read is among the first `check_limit`
    checking: bool,
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

impl<'a, 'm, 'r> Walker<'a, 'm, 'r> {
    pub fn new(
        data: &'a [u8],
        matcher: &'m Matcher,
        checks: &'m Checks,
        hasher: &'m RefHasher,
        check_limit: u64,
        release: Release<'r>,
    ) -> Self {
        Walker {
            cur: Cursor::new(data, 0),
            matcher,
            checks,
            checked: 0,
            refs: std::collections::HashSet::new(),
            hasher,
            batch: Batch::default(),
            pending: Vec::new(),
            hits: Vec::new(),
            release,
            check_limit,
            out: Outline { looks_valid: true, ..Outline::default() },
            suspect: false,
            hash_faults: 0,
            checking: false,
        }
    }

    pub fn run(mut self) -> Result<Outline, Fallback> {
        self.document()?;
        Ok(self.out)
    }

    fn document(&mut self) -> Res<()> {
        self.cur.expect(b'{')?;
        let mut seen = Seen(0);
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
                    _ => self.cur.skip(1)?,
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

    /// A contact (`name`, `email`) or an author.
    fn contact(&mut self, depth: usize) -> Res<bool> {
        let mut identified = false;
        if self.open(depth)? {
            let mut seen = Seen(0);
            loop {
                match self.cur.key()? {
                    b"name" => {
                        seen.first(0, &self.cur)?;
                        identified |= self.value(Some(Kind::Org), true)?;
                    }
                    b"email" => {
                        seen.first(1, &self.cur)?;
                        identified |= self.value(Some(Kind::Url), true)?;
                    }
                    _ => self.cur.skip(depth + 1)?,
                }
                if !self.cur.more(b'}')? {
                    break;
                }
            }
        }
        Ok(identified)
    }

    /// An organisational entity (supplier, manufacturer), or null.
    fn entity(&mut self, depth: usize) -> Res<bool> {
        if self.cur.null()? {
            return Ok(false);
        }
        let mut identified = false;
        if self.open(depth)? {
            let mut seen = Seen(0);
            loop {
                match self.cur.key()? {
                    b"name" => {
                        seen.first(0, &self.cur)?;
                        identified |= self.value(Some(Kind::Org), true)?;
                    }
                    b"url" => {
                        seen.first(1, &self.cur)?;
                        identified |= self.values(Kind::Url)?;
                    }
                    b"contact" => {
                        seen.first(2, &self.cur)?;
                        identified |= self.objects(depth, Self::contact)?;
                    }
                    _ => self.cur.skip(depth + 1)?,
                }
                if !self.cur.more(b'}')? {
                    break;
                }
            }
        }
        Ok(identified)
    }

    fn hash(&mut self, depth: usize) -> Res<bool> {
        let mut identified = false;
        let (mut algorithm, mut digest) = (false, false);
        if self.open(depth)? {
            let mut seen = Seen(0);
            loop {
                match self.cur.key()? {
                    b"alg" => {
                        seen.first(0, &self.cur)?;
                        let value = self.plain(false)?.unwrap_or_default();
                        algorithm = !self.checking || self.checks.algorithms.iter().any(|known| known[..] == value[..]);
                    }
                    b"content" => {
                        seen.first(1, &self.cur)?;
                        let value = self.plain(false)?.unwrap_or_default();
                        digest = !self.checking
                            || (DIGEST_LENGTHS.contains(&value.len()) && value.iter().all(u8::is_ascii_hexdigit));
                        if !value.is_empty() {
                            identified = true;
                            if !self.suspect && self.matcher.queue(Kind::Hash, &value, &mut self.batch) {
                                self.suspect = true;
                            }
                        }
                    }
                    _ => self.cur.skip(depth + 1)?,
                }
                if !self.cur.more(b'}')? {
                    break;
                }
            }
        }
        if !(algorithm && digest) {
            self.hash_faults += 1;
        }
        Ok(identified)
    }

    fn reference(&mut self, depth: usize) -> Res<bool> {
        let mut identified = false;
        if self.open(depth)? {
            let mut seen = Seen(0);
            loop {
                match self.cur.key()? {
                    b"url" => {
                        seen.first(0, &self.cur)?;
                        identified |= self.value(Some(Kind::Url), false)?;
                    }
                    b"type" => {
                        seen.first(1, &self.cur)?;
                        self.value(None, false)?;
                    }
                    _ => self.cur.skip(depth + 1)?,
                }
                if !self.cur.more(b'}')? {
                    break;
                }
            }
        }
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
            loop {
                match self.cur.key()? {
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
                        typed = !checking || self.checks.types.iter().any(|known| known[..] == value[..]);
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
                    _ => self.cur.skip(depth + 1)?,
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
            let place = Place { start, end: self.cur.pos, top };
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
        let mut released = 0usize;
        if !self.cur.empty(b']')? {
            loop {
                self.cur.ws();
                let start = self.cur.pos;
                let before = self.out.components;
                self.suspect = false;
                self.component(1, true)?;
                self.out.tops += 1;
                if self.out.tops == self.check_limit {
                    self.out.checked_end = Some(self.cur.pos);
                }
                self.matcher.close(&mut self.batch);
                self.pending.push((start, self.cur.pos, before, self.suspect));
                if self.pending.len() >= BATCH_COMPONENTS || self.batch.bytes() >= BATCH_BYTES {
                    self.search();
                }
                if self.cur.pos - released >= RELEASE_EVERY {
                    released = self.cur.pos;
                    (self.release)(released);
                }
                if !self.cur.more(b']')? {
                    break;
                }
            }
        }
        self.search();
        self.out.array = Some((content, self.cur.pos - 1));
        Ok(())
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
                    loop {
                        match self.cur.key()? {
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
                            _ => self.cur.skip(3)?,
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

/// Top-level components searched at a time, at most.
const BATCH_COMPONENTS: usize = 4096;
/// Queued bytes searched at a time, at most (a batch of large components).
const BATCH_BYTES: usize = 1 << 20;

/// Bytes read between two calls of the release hook.
pub const RELEASE_EVERY: usize = 1 << 20;
