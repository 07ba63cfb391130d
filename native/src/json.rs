//! A strict JSON reader over a byte slice: just enough to walk a document,
//! read the strings that matter and skip the rest.
//!
//! Strictness is the point. The scanner only answers for documents that the
//! Python decoder (msgspec) would also accept with the same meaning; anything
//! unusual (a syntax error, invalid UTF-8, a lone surrogate, a duplicate key,
//! deep nesting) is a `Fallback`, and the whole document goes to the Python
//! path, which reports the problem with its own words and location.

use std::borrow::Cow;
use std::collections::HashSet;

/// Why the scanner gave a document back to the Python path, and where.
#[derive(Debug)]
pub struct Fallback {
    pub reason: &'static str,
    pub offset: usize,
}

pub type Res<T> = Result<T, Fallback>;

/// Deeper nesting than this is left to the Python path (which refuses it).
pub const MAX_DEPTH: usize = 512;

#[cfg(not(target_arch = "x86_64"))]
const ONES: u64 = 0x0101_0101_0101_0101;
#[cfg(not(target_arch = "x86_64"))]
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// True when some byte of `word` may be a quote, a backslash, a control
/// character or a non-ASCII byte (a cheap test on eight bytes at a time; a
/// true answer is then checked byte by byte).
#[cfg(not(target_arch = "x86_64"))]
#[inline(always)]
fn special(word: u64) -> bool {
    let quote = word ^ (ONES * b'"' as u64);
    let slash = word ^ (ONES * b'\\' as u64);
    let zero_quote = quote.wrapping_sub(ONES) & !quote;
    let zero_slash = slash.wrapping_sub(ONES) & !slash;
    let control = word.wrapping_sub(ONES * 0x20) & !word;
    ((zero_quote | zero_slash | control) & HIGHS) != 0 || (word & HIGHS) != 0
}

/// How many bytes from `pos` need no attention inside a string (no quote,
/// backslash or control character), and whether any of them is not ASCII.
#[inline(always)]
fn plain_run(data: &[u8], pos: usize) -> (usize, bool) {
    #[cfg(target_arch = "x86_64")]
    {
        // SAFETY: SSE2 is part of x86_64; every load reads 16 bytes inside `data`.
        unsafe { plain_run_sse2(data, pos) }
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        let mut run = 0;
        let mut high = false;
        while pos + run + 8 <= data.len() {
            let word = u64::from_le_bytes(data[pos + run..pos + run + 8].try_into().unwrap());
            if special(word) {
                break;
            }
            run += 8;
        }
        (run, high)
    }
}

#[cfg(target_arch = "x86_64")]
#[inline(always)]
unsafe fn plain_run_sse2(data: &[u8], pos: usize) -> (usize, bool) {
    use std::arch::x86_64::*;
    let quote = _mm_set1_epi8(b'"' as i8);
    let slash = _mm_set1_epi8(b'\\' as i8);
    let control = _mm_set1_epi8(0x1f);
    let mut run = 0;
    let mut high = 0u32;
    while pos + run + 16 <= data.len() {
        let chunk = _mm_loadu_si128(data.as_ptr().add(pos + run) as *const __m128i);
        let stops = _mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi8(chunk, quote), _mm_cmpeq_epi8(chunk, slash)),
            _mm_cmpeq_epi8(_mm_max_epu8(chunk, control), control),
        );
        let mask = _mm_movemask_epi8(stops) as u32;
        let top = _mm_movemask_epi8(chunk) as u32;
        if mask != 0 {
            let stop = mask.trailing_zeros();
            high |= top & ((1u32 << stop) - 1);
            return (run + stop as usize, high != 0);
        }
        high |= top;
        run += 16;
    }
    (run, high != 0)
}

/// A string token: the bytes between its quotes, as written.
#[derive(Clone, Copy)]
pub struct Text<'a> {
    pub raw: &'a [u8],
    pub escaped: bool,
}

impl<'a> Text<'a> {
    /// The decoded value: the raw bytes themselves when nothing is escaped.
    pub fn value(&self, at: usize) -> Res<Cow<'a, [u8]>> {
        if !self.escaped {
            return Ok(Cow::Borrowed(self.raw));
        }
        unescape(self.raw, at).map(Cow::Owned)
    }
}

pub struct Cursor<'a> {
    pub data: &'a [u8],
    pub pos: usize,
}

impl<'a> Cursor<'a> {
    pub fn new(data: &'a [u8], pos: usize) -> Self {
        Cursor { data, pos }
    }

    #[inline]
    pub fn fail<T>(&self, reason: &'static str) -> Res<T> {
        Err(Fallback {
            reason,
            offset: self.pos,
        })
    }

    #[inline]
    pub fn ws(&mut self) {
        while let Some(&byte) = self.data.get(self.pos) {
            if byte == b' ' || byte == b'\n' || byte == b'\r' || byte == b'\t' {
                self.pos += 1;
            } else {
                break;
            }
        }
    }

    /// The next byte after white space, not consumed.
    #[inline]
    pub fn peek(&mut self) -> Res<u8> {
        self.ws();
        match self.data.get(self.pos) {
            Some(&byte) => Ok(byte),
            None => self.fail("unexpected end of data"),
        }
    }

    #[inline]
    pub fn expect(&mut self, byte: u8) -> Res<()> {
        if self.peek()? == byte {
            self.pos += 1;
            Ok(())
        } else {
            self.fail("unexpected character")
        }
    }

    /// After an element of an object or array: true when another follows
    /// (a comma was read), false when `close` ended the container.
    #[inline]
    pub fn more(&mut self, close: u8) -> Res<bool> {
        match self.peek()? {
            b',' => {
                self.pos += 1;
                Ok(true)
            }
            byte if byte == close => {
                self.pos += 1;
                Ok(false)
            }
            _ => self.fail("expected ',' or the end of a container"),
        }
    }

    /// At the start of an object's content (after `{`): true when it is empty.
    #[inline]
    pub fn empty(&mut self, close: u8) -> Res<bool> {
        if self.peek()? == close {
            self.pos += 1;
            Ok(true)
        } else {
            Ok(false)
        }
    }

    /// A key and its colon. Keys with escapes are left to the Python path.
    #[inline]
    pub fn key(&mut self) -> Res<&'a [u8]> {
        if self.peek()? != b'"' {
            return self.fail("expected a key");
        }
        let text = self.string()?;
        if text.escaped {
            return self.fail("an escaped key");
        }
        self.expect(b':')?;
        Ok(text.raw)
    }

    /// A string, the cursor on its opening quote (white space allowed before).
    pub fn string(&mut self) -> Res<Text<'a>> {
        if self.peek()? != b'"' {
            return self.fail("expected a string");
        }
        self.pos += 1;
        let start = self.pos;
        let data = self.data;
        let mut pos = start;
        let mut escaped = false;
        let mut ascii = true;
        loop {
            let (skipped, high) = plain_run(data, pos);
            pos += skipped;
            ascii &= !high;
            let Some(&byte) = data.get(pos) else {
                self.pos = pos;
                return self.fail("unterminated string");
            };
            match byte {
                b'"' => break,
                b'\\' => {
                    escaped = true;
                    match data.get(pos + 1) {
                        Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => pos += 2,
                        Some(b'u') => {
                            let hex = data.get(pos + 2..pos + 6);
                            if !hex.is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit)) {
                                self.pos = pos;
                                return self.fail("a bad \\u escape");
                            }
                            pos += 6;
                        }
                        _ => {
                            self.pos = pos;
                            return self.fail("a bad escape");
                        }
                    }
                }
                0..=0x1f => {
                    self.pos = pos;
                    return self.fail("a control character in a string");
                }
                0x80..=0xff => {
                    ascii = false;
                    pos += 1;
                }
                _ => pos += 1,
            }
        }
        let raw = &data[start..pos];
        self.pos = pos + 1;
        if !ascii && std::str::from_utf8(raw).is_err() {
            self.pos = start;
            return self.fail("invalid UTF-8");
        }
        Ok(Text { raw, escaped })
    }

    fn number(&mut self) -> Res<()> {
        let data = self.data;
        let mut pos = self.pos;
        if data.get(pos) == Some(&b'-') {
            pos += 1;
        }
        match data.get(pos) {
            Some(b'0') => pos += 1,
            Some(b'1'..=b'9') => {
                while data.get(pos).is_some_and(u8::is_ascii_digit) {
                    pos += 1;
                }
            }
            _ => return self.fail("a bad number"),
        }
        if data.get(pos) == Some(&b'.') {
            pos += 1;
            if !data.get(pos).is_some_and(u8::is_ascii_digit) {
                return self.fail("a bad number");
            }
            while data.get(pos).is_some_and(u8::is_ascii_digit) {
                pos += 1;
            }
        }
        if matches!(data.get(pos), Some(b'e' | b'E')) {
            pos += 1;
            if matches!(data.get(pos), Some(b'+' | b'-')) {
                pos += 1;
            }
            if !data.get(pos).is_some_and(u8::is_ascii_digit) {
                return self.fail("a bad number");
            }
            while data.get(pos).is_some_and(u8::is_ascii_digit) {
                pos += 1;
            }
        }
        self.pos = pos;
        Ok(())
    }

    fn literal(&mut self, word: &[u8]) -> Res<()> {
        if self.data[self.pos..].starts_with(word) {
            self.pos += word.len();
            Ok(())
        } else {
            self.fail("a bad literal")
        }
    }

    /// True (and consumed) when the next value is `null`.
    #[inline]
    pub fn null(&mut self) -> Res<bool> {
        if self.peek()? == b'n' {
            self.literal(b"null")?;
            Ok(true)
        } else {
            Ok(false)
        }
    }

    /// Skip one value of any type, checking it all the same (a repeated key too).
    pub fn skip(&mut self, depth: usize) -> Res<()> {
        if depth > MAX_DEPTH {
            return self.fail("nested too deeply");
        }
        match self.peek()? {
            b'"' => self.string().map(|_| ()),
            b'{' => {
                self.pos += 1;
                if self.empty(b'}')? {
                    return Ok(());
                }
                let mut keys = Keys::default();
                loop {
                    let key = self.key()?;
                    keys.first(key, self)?;
                    self.skip(depth + 1)?;
                    if !self.more(b'}')? {
                        return Ok(());
                    }
                }
            }
            b'[' => {
                self.pos += 1;
                if self.empty(b']')? {
                    return Ok(());
                }
                loop {
                    self.skip(depth + 1)?;
                    if !self.more(b']')? {
                        return Ok(());
                    }
                }
            }
            b't' => self.literal(b"true"),
            b'f' => self.literal(b"false"),
            b'n' => self.literal(b"null"),
            b'-' | b'0'..=b'9' => self.number(),
            _ => self.fail("unexpected character"),
        }
    }
}

/// The keys of one object read so far (raw: an escaped key goes to Python
/// anyway): a key seen twice sends the document to Python, which names it.
///
/// The first sixteen keys are kept with a fingerprint each (their length and
/// up to sixteen of their bytes in one word), so a new key is compared with
/// the others one word at a time, and byte by byte only when a fingerprint is
/// the same; an object with more keys goes on in a hash set.
#[derive(Default)]
pub struct Keys<'a> {
    prints: [u64; 16],
    few: [&'a [u8]; 16],
    count: usize,
    many: Option<HashSet<&'a [u8]>>,
}

/// A word that two equal keys share (and unequal keys seldom do).
#[inline]
fn fingerprint(key: &[u8]) -> u64 {
    let n = key.len();
    let length = (n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    if n >= 8 {
        let head = u64::from_le_bytes(key[..8].try_into().unwrap_or([0; 8]));
        let tail = u64::from_le_bytes(key[n - 8..].try_into().unwrap_or([0; 8]));
        head ^ tail.rotate_left(29) ^ length
    } else {
        let mut bytes = [0u8; 8];
        bytes[..n].copy_from_slice(key);
        u64::from_le_bytes(bytes) ^ length
    }
}

impl<'a> Keys<'a> {
    #[inline]
    pub fn first(&mut self, key: &'a [u8], cur: &Cursor) -> Res<()> {
        if let Some(many) = &mut self.many {
            if !many.insert(key) {
                return cur.fail("a repeated key");
            }
            return Ok(());
        }
        let print = fingerprint(key);
        for (number, other) in self.prints[..self.count].iter().enumerate() {
            if *other == print && self.few[number] == key {
                return cur.fail("a repeated key");
            }
        }
        if self.count == self.few.len() {
            let mut many: HashSet<&'a [u8]> = self.few.iter().copied().collect();
            many.insert(key);
            self.many = Some(many);
        } else {
            self.prints[self.count] = print;
            self.few[self.count] = key;
            self.count += 1;
        }
        Ok(())
    }
}

/// What `check_keys` found.
pub struct KeyCheck {
    /// the first repeated key (in document order) and the path of its object
    pub duplicate: Option<(String, String)>,
    /// keys of the top-level object that name an SBOM format
    pub markers: Vec<String>,
}

enum Step<'a> {
    Key(Cow<'a, [u8]>),
    Index(usize),
}

/// Walk a whole JSON document: the first key repeated in any object, with
/// the JSON path of that object, and the format markers of the top level.
/// Keys are compared decoded (`"a\\u0062"` repeats `"ab"`).
pub fn check_keys(data: &[u8]) -> Res<KeyCheck> {
    let mut walk = KeyWalk {
        cur: Cursor::new(data, 0),
        path: Vec::new(),
        pool: Vec::new(),
        report: KeyCheck {
            duplicate: None,
            markers: Vec::new(),
        },
    };
    if walk.value(0)? {
        return Ok(walk.report);
    }
    walk.cur.ws();
    if walk.cur.pos != data.len() {
        return walk.cur.fail("data after the document");
    }
    Ok(walk.report)
}

struct KeyWalk<'a> {
    cur: Cursor<'a>,
    path: Vec<Step<'a>>,
    /// key lists of finished objects, reused (one allocation per depth, not per object)
    pool: Vec<Vec<Cow<'a, [u8]>>>,
    report: KeyCheck,
}

impl<'a> KeyWalk<'a> {
    /// One value; true when a repeated key was found in it (the walk stops there).
    fn value(&mut self, depth: usize) -> Res<bool> {
        if depth > MAX_DEPTH {
            return self.cur.fail("nested too deeply");
        }
        match self.cur.peek()? {
            b'{' => {
                self.cur.pos += 1;
                if self.cur.empty(b'}')? {
                    return Ok(false);
                }
                let mut keys = self.pool.pop().unwrap_or_default();
                keys.clear();
                let found = self.members(depth, &mut keys);
                keys.clear();
                self.pool.push(keys);
                found
            }
            b'[' => {
                self.cur.pos += 1;
                if self.cur.empty(b']')? {
                    return Ok(false);
                }
                let mut index = 0;
                loop {
                    self.path.push(Step::Index(index));
                    let found = self.value(depth + 1)?;
                    self.path.pop();
                    if found {
                        return Ok(true);
                    }
                    index += 1;
                    if !self.cur.more(b']')? {
                        return Ok(false);
                    }
                }
            }
            _ => self.cur.skip(depth).map(|_| false),
        }
    }

    fn members(&mut self, depth: usize, keys: &mut Vec<Cow<'a, [u8]>>) -> Res<bool> {
        let mut many: Option<HashSet<Cow<'a, [u8]>>> = None;
        loop {
            if self.cur.peek()? != b'"' {
                return self.cur.fail("expected a key");
            }
            let at = self.cur.pos;
            let key = self.cur.string()?.value(at)?;
            self.cur.expect(b':')?;
            let repeated = match &mut many {
                Some(set) => !set.insert(key.clone()),
                None => {
                    let seen = keys.contains(&key);
                    keys.push(key.clone());
                    if keys.len() > 16 {
                        many = Some(keys.drain(..).collect());
                    }
                    seen
                }
            };
            if repeated {
                self.report.duplicate = Some((
                    String::from_utf8_lossy(&key).into_owned(),
                    render(&self.path),
                ));
                return Ok(true);
            }
            if depth == 0
                && matches!(
                    &*key,
                    b"bomFormat" | b"spdxVersion" | b"@context" | b"@graph"
                )
            {
                self.report
                    .markers
                    .push(String::from_utf8_lossy(&key).into_owned());
            }
            self.path.push(Step::Key(key));
            let found = self.value(depth + 1)?;
            self.path.pop();
            if found {
                return Ok(true);
            }
            if !self.cur.more(b'}')? {
                return Ok(false);
            }
        }
    }
}

/// `$.components[0].supplier`
fn render(path: &[Step]) -> String {
    let mut text = String::from("$");
    for step in path {
        match step {
            Step::Key(key) => {
                text.push('.');
                text.push_str(&String::from_utf8_lossy(key));
            }
            Step::Index(index) => text.push_str(&format!("[{index}]")),
        }
    }
    text
}

fn hex4(raw: &[u8]) -> u32 {
    raw.iter().fold(0, |value, &digit| {
        value * 16 + (digit as char).to_digit(16).unwrap_or(0)
    })
}

/// Decode the escapes of a string (already checked for syntax).
fn unescape(raw: &[u8], at: usize) -> Res<Vec<u8>> {
    let fail = |reason| Err(Fallback { reason, offset: at });
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        let byte = raw[i];
        if byte != b'\\' {
            out.push(byte);
            i += 1;
            continue;
        }
        let kind = raw[i + 1];
        i += 2;
        let simple = match kind {
            b'"' => b'"',
            b'\\' => b'\\',
            b'/' => b'/',
            b'b' => 8,
            b'f' => 12,
            b'n' => b'\n',
            b'r' => b'\r',
            b't' => b'\t',
            _ => 0,
        };
        if kind != b'u' {
            out.push(simple);
            continue;
        }
        let mut code = hex4(&raw[i..i + 4]);
        i += 4;
        if (0xD800..0xDC00).contains(&code) {
            if raw.get(i..i + 2) != Some(b"\\u") {
                return fail("a lone surrogate");
            }
            let low = hex4(&raw[i + 2..i + 6]);
            if !(0xDC00..0xE000).contains(&low) {
                return fail("a lone surrogate");
            }
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
            i += 6;
        } else if (0xDC00..0xE000).contains(&code) {
            return fail("a lone surrogate");
        }
        match char::from_u32(code) {
            Some(c) => {
                let mut buffer = [0u8; 4];
                out.extend_from_slice(c.encode_utf8(&mut buffer).as_bytes());
            }
            None => return fail("a bad \\u escape"),
        }
    }
    Ok(out)
}
