//! Which components may hit a ban: a superset test, cheap per value.
//!
//! For every kind of value the Python match index gives needles: short
//! lower-case pieces that an ASCII value must contain to have any hit (see
//! `MatchIndex.prefilter_spec`). A value is a suspect when it contains one,
//! or when it is not ASCII (case folding and normalisation of other scripts
//! are left to the exact matcher). The test can only say "maybe": the exact
//! matcher in Python decides.
//!
//! Values are not searched one by one: their text (lower-cased, and decoded
//! or trimmed as each kind needs) is queued, one buffer per kind, for a batch
//! of components, and each buffer is searched once. A search call per value
//! would cost more than the search itself.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Input, MatchKind};
use memchr::memchr;

/// The kinds of identity value, in the order the Python side lists them.
#[derive(Clone, Copy)]
pub enum Kind {
    Org = 0,
    Url = 1,
    Purl = 2,
    Cpe = 3,
    Group = 4,
    Name = 5,
    Hash = 6,
}

pub const KINDS: usize = 7;

/// Ends a value in a queue: no needle holds it, so no match spans two values.
const SEPARATOR: u8 = 0;

/// What the organisation normaliser removes inside words (and `a/s` -> `as`).
const JOINING: &[u8] = b"'`./";

/// `JOINING` as a table, one entry per byte.
static JOINS: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < JOINING.len() {
        table[JOINING[i] as usize] = true;
        i += 1;
    }
    table
};

struct KindTest {
    relevant: bool,
    needles: Option<AhoCorasick>,
    /// organisations: dots, apostrophes, backquotes and slashes are removed
    /// first (the normaliser joins words across them)
    squash: bool,
    /// purls, CPEs and groups: percent-escapes are decoded first
    percent: bool,
    /// CPEs: a backslash escape goes to the exact matcher
    backslash: bool,
    /// names: a needle counts only as a whole word (letters and digits)
    words: bool,
}

pub struct Matcher {
    kinds: Vec<KindTest>,
}

/// The queued text of a batch of components, per kind.
#[derive(Default)]
pub struct Batch {
    texts: [Vec<u8>; KINDS],
    /// per kind, where each component's text ends
    ends: [Vec<u32>; KINDS],
    decoded: Vec<u8>,
}

impl Batch {
    /// Bytes queued: a batch is searched before its buffers grow large.
    pub fn bytes(&self) -> usize {
        self.texts.iter().map(Vec::len).sum()
    }
}

impl Matcher {
    /// `spec[kind] = (relevant, needles)`, needles already lower-case.
    pub fn new(spec: Vec<(bool, Vec<String>)>) -> Result<Matcher, String> {
        if spec.len() != KINDS {
            return Err(format!(
                "expected {KINDS} kinds of value, got {}",
                spec.len()
            ));
        }
        let mut kinds = Vec::with_capacity(KINDS);
        for (number, (relevant, needles)) in spec.into_iter().enumerate() {
            let squash = number == Kind::Org as usize;
            // names: any occurrence counts (camel case joins a product's words
            // without a gap: "DeepSeekR1", "TikTokSDK"); the exact matcher decides
            let words = false;
            let needles: Vec<Vec<u8>> = needles
                .into_iter()
                .map(|needle| {
                    let lower = needle.to_ascii_lowercase().into_bytes();
                    if squash {
                        lower
                            .into_iter()
                            .filter(|byte| !JOINING.contains(byte))
                            .collect()
                    } else {
                        lower
                    }
                })
                .filter(|needle: &Vec<u8>| !needle.is_empty() && !needle.contains(&SEPARATOR))
                .collect();
            let automaton = if needles.is_empty() {
                None
            } else {
                Some(
                    AhoCorasickBuilder::new()
                        // at a position, the longest needle: a whole word, if any is one
                        .match_kind(if words {
                            MatchKind::LeftmostLongest
                        } else {
                            MatchKind::LeftmostFirst
                        })
                        .build(&needles)
                        .map_err(|error| error.to_string())?,
                )
            };
            kinds.push(KindTest {
                relevant,
                needles: automaton,
                squash,
                percent: number == Kind::Purl as usize
                    || number == Kind::Cpe as usize
                    || number == Kind::Group as usize,
                backslash: number == Kind::Cpe as usize,
                words,
            });
        }
        Ok(Matcher { kinds })
    }

    /// Queue a value of the current component. True when the value alone
    /// makes the component a suspect (text the search cannot judge).
    pub fn queue(&self, kind: Kind, value: &[u8], batch: &mut Batch) -> bool {
        let test = &self.kinds[kind as usize];
        if !test.relevant || value.is_empty() {
            return false;
        }
        if !value.is_ascii() {
            return true;
        }
        let mut text = value;
        if test.percent && memchr(b'%', text).is_some() {
            percent_decode(text, &mut batch.decoded);
            if !batch.decoded.is_ascii() {
                return true;
            }
            text = &batch.decoded;
        }
        if test.backslash && memchr(b'\\', text).is_some() {
            return true;
        }
        if test.needles.is_none() {
            return false;
        }
        let queue = &mut batch.texts[kind as usize];
        let start = queue.len();
        queue.extend_from_slice(text);
        if test.squash {
            // drop the joining characters in place, lower-casing the rest
            let mut kept = start;
            for read in start..queue.len() {
                let byte = queue[read];
                if !JOINS[byte as usize] {
                    queue[kept] = byte.to_ascii_lowercase();
                    kept += 1;
                }
            }
            queue.truncate(kept);
        } else {
            queue[start..].make_ascii_lowercase();
        }
        queue.push(SEPARATOR);
        false
    }

    /// The current component is complete: its queued text ends here.
    pub fn close(&self, batch: &mut Batch) {
        for kind in 0..KINDS {
            let end = batch.texts[kind].len() as u32;
            batch.ends[kind].push(end);
        }
    }

    /// Search the batch: `hits[i]` becomes true for each component with a
    /// needle. The batch is emptied.
    pub fn search(&self, batch: &mut Batch, hits: &mut [bool]) {
        for (kind, test) in self.kinds.iter().enumerate() {
            let text = &batch.texts[kind];
            let ends = &batch.ends[kind];
            if let Some(automaton) = &test.needles {
                let mut from = 0usize;
                while from < text.len() {
                    let Some(found) = automaton.find(Input::new(text).span(from..text.len()))
                    else {
                        break;
                    };
                    if test.words && !whole_word(text, found.start(), found.end()) {
                        from = found.start() + 1;
                        continue;
                    }
                    let component = ends.partition_point(|&end| end as usize <= found.start());
                    hits[component] = true;
                    // the rest of this component need not be searched
                    from = ends[component] as usize;
                }
            }
        }
        for kind in 0..KINDS {
            batch.texts[kind].clear();
            batch.ends[kind].clear();
        }
    }
}

fn whole_word(text: &[u8], start: usize, end: usize) -> bool {
    let before = start.checked_sub(1).map(|i| text[i]);
    let after = text.get(end).copied();
    !before.is_some_and(|byte| byte.is_ascii_alphanumeric())
        && !after.is_some_and(|byte| byte.is_ascii_alphanumeric())
}

fn hex(digit: u8) -> Option<u8> {
    (digit as char).to_digit(16).map(|value| value as u8)
}

/// `%XX` decoded, other bytes kept (as Python's `unquote` does with ASCII).
fn percent_decode(text: &[u8], out: &mut Vec<u8>) {
    out.clear();
    let mut i = 0;
    while i < text.len() {
        if text[i] == b'%' && i + 2 < text.len() {
            if let (Some(high), Some(low)) = (hex(text[i + 1]), hex(text[i + 2])) {
                out.push(high * 16 + low);
                i += 3;
                continue;
            }
        }
        out.push(text[i]);
        i += 1;
    }
}
