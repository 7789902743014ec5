//! Text primitives: spans in code points, byte/code-point offset maps, tokens and sentences.
//!
//! Internals work on `&str` and byte offsets; everything users see is in Unicode code points, so that Python's
//! `text[start:end]` is the surface. [`CharMap`] converts between the two in O(1) amortised time.

use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;
use std::sync::LazyLock;

/// A stretch of the input text: `start`/`end` in Unicode code points, and its surface `text`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The surface, `input[start..end]` counted in code points.
    pub text: String,
}

const BLOCK: usize = 64;

/// Converts byte offsets of one text into code-point offsets and back.
///
/// Stores the code-point count at the start of every 64-byte block and which of its bytes continue a character (one
/// bit each), so memory stays at 3/16 of the text, a byte offset converts with one bit count, and a code-point offset
/// scans at most one block.
#[derive(Debug, Clone)]
pub struct CharMap {
    ascii: bool,
    blocks: Vec<u32>,
    /// Bit `i` of entry `k`: byte `64 k + i` continues a character (UTF-8 `10xxxxxx`).
    continuations: Vec<u64>,
    len_bytes: usize,
}

impl CharMap {
    /// Builds the map for `text`.
    pub fn new(text: &str) -> CharMap {
        let bytes = text.as_bytes();
        if text.is_ascii() {
            return CharMap {
                ascii: true,
                blocks: Vec::new(),
                continuations: Vec::new(),
                len_bytes: bytes.len(),
            };
        }
        let mut blocks = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut continuations = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut count: u32 = 0;
        for chunk in bytes.chunks(BLOCK) {
            blocks.push(count);
            let mask = continuation_mask(chunk);
            continuations.push(mask);
            count += (chunk.len() - mask.count_ones() as usize) as u32;
        }
        blocks.push(count);
        CharMap {
            ascii: false,
            blocks,
            continuations,
            len_bytes: bytes.len(),
        }
    }

    /// Code-point offset of byte offset `byte` (clamped to the text; a byte inside a character counts the
    /// characters that start before it).
    pub fn char_of(&self, _text: &str, byte: usize) -> usize {
        let byte = byte.min(self.len_bytes);
        if self.ascii {
            return byte;
        }
        let block = byte / BLOCK;
        let base = self.blocks[block] as usize;
        // The block's bytes before `byte`, less those that continue a character (none past the last block).
        let offset = byte % BLOCK;
        let mask = self.continuations.get(block).copied().unwrap_or(0);
        base + offset - (mask & ((1u64 << offset) - 1)).count_ones() as usize
    }

    /// Whether every byte of block `block` starts a character (a block of ASCII, the commonest kind even in text
    /// with some curly quotes): offsets inside it convert by arithmetic, without counting.
    #[inline]
    fn all_starts(&self, block: usize) -> bool {
        match (self.blocks.get(block), self.blocks.get(block + 1)) {
            (Some(&a), Some(&b)) => (b - a) as usize == BLOCK,
            _ => false,
        }
    }

    /// Byte offset of code-point offset `ch` (clamped to the text length).
    pub fn byte_of(&self, text: &str, ch: usize) -> usize {
        if self.ascii {
            return ch.min(self.len_bytes);
        }
        // Last block whose start count is <= ch. A block holds at most 64 characters, so block ch / 64 starts at or
        // before `ch`, and in text with few non-ASCII characters the answer is a step or two after it: look there
        // first, then search the rest.
        let key = ch as u32;
        let last = self.blocks.len().saturating_sub(1);
        let mut block = (ch / BLOCK).min(last);
        let mut steps = 0;
        while block < last && self.blocks[block + 1] <= key && steps < 4 {
            block += 1;
            steps += 1;
        }
        if block < last && self.blocks[block + 1] <= key {
            block += self.blocks[block + 1..].partition_point(|&c| c <= key);
        }
        // Several blocks can share a count only if a block has no char starts (only a last chunk of continuation
        // bytes): take the first.
        while block > 0 && self.blocks[block] == key && self.blocks[block - 1] == key {
            block -= 1;
        }
        let start = (block * BLOCK).min(self.len_bytes);
        let mut count = self.blocks[block] as usize;
        if self.all_starts(block) && ch >= count {
            return start + (ch - count);
        }
        // Eight bytes at a time while all their character starts come before the one sought.
        let bytes = &text.as_bytes()[start..];
        let mut at = 0;
        while let Some(w) = bytes.get(at..at + 8) {
            let n = char_starts(w);
            if count + n > ch {
                break;
            }
            count += n;
            at += 8;
        }
        for (i, &b) in bytes[at..].iter().enumerate() {
            if (b & 0xC0) != 0x80 {
                if count == ch {
                    return start + at + i;
                }
                count += 1;
            }
        }
        self.len_bytes
    }
}

/// Bit `i` set where byte `i` of `chunk` (at most 64 bytes) continues a character (UTF-8 `10xxxxxx`), eight bytes at
/// a time.
fn continuation_mask(chunk: &[u8]) -> u64 {
    const LOW: u64 = 0x0101_0101_0101_0101;
    let mut mask = 0u64;
    let mut words = chunk.chunks_exact(8);
    for (k, w) in (&mut words).enumerate() {
        let x = u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]]);
        // Bit 7 set and bit 6 clear, moved to bit 0 of each byte, then gathered into one byte (byte i to bit i).
        let flags = (x >> 7) & !(x >> 6) & LOW;
        mask |= (flags.wrapping_mul(0x0102_0408_1020_4080) >> 56) << (8 * (k & 7));
    }
    let done = chunk.len() - words.remainder().len();
    for (i, &b) in words.remainder().iter().enumerate() {
        if (b & 0xC0) == 0x80 {
            mask |= 1 << ((done + i) & 63);
        }
    }
    mask
}

/// How many bytes of `bytes` start a character (are not UTF-8 continuation bytes `10xxxxxx`), eight at a time.
fn char_starts(bytes: &[u8]) -> usize {
    const LOW: u64 = 0x0101_0101_0101_0101;
    let mut words = bytes.chunks_exact(8);
    let mut continuations = 0usize;
    for w in &mut words {
        let x = u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]]);
        // Bit 7 set and bit 6 clear, moved to bit 0 of each byte.
        continuations += ((x >> 7) & !(x >> 6) & LOW).count_ones() as usize;
    }
    let rest = words.remainder();
    continuations += rest.iter().filter(|&&b| (b & 0xC0) == 0x80).count();
    bytes.len() - continuations
}

/// What a token is, coarsely.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    /// Letters (possibly with inner hyphens, apostrophes, dots of abbreviations).
    Word,
    /// Digits, possibly with separators (`100,000`, `1.5`, `2022-02-17`).
    Number,
    /// Anything else: punctuation, symbols, quote marks.
    Punct,
}

/// A token: a byte range into the text and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Coarse class.
    pub kind: TokenKind,
    /// The [`BYTE_CLASS`] bits of its bytes, or-ed (digits, capitals, lower case, a hyphen, non-ASCII): scanners
    /// rule most tokens out on these without reading their bytes again.
    pub(crate) class: u8,
}

impl Token {
    /// The token's byte range.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
    /// The token's surface in `text`.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// FNV-1a's 64-bit offset basis (shared with the feature hashes of the entity tagger and the cue model).
pub(crate) const FNV_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
/// FNV-1a's 64-bit prime.
pub(crate) const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// FNV-1a, the crate's hasher for sets and maps of short words probed once per token (here: every word that
/// ends in a dot; the quote and time lexicons), where SipHash's setup costs more than the lookup itself.
#[derive(Default, Clone, Copy)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { FNV_BASIS } else { self.0 };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(FNV_PRIME);
        }
        self.0 = h;
    }
}

/// A cheap pre-check before looking a word up in a short list: whether a word with this length, first two bytes and
/// last byte can be in it. One bit per hashed shape in a 4 KB table: for the reporting verbs, about one word in
/// twelve of news text passes (a check on length with first or last byte let two in five through).
pub(crate) struct Shape {
    bits: [u64; SHAPE_WORDS],
}

const SHAPE_WORDS: usize = 512;

impl Default for Shape {
    fn default() -> Shape {
        Shape {
            bits: [0; SHAPE_WORDS],
        }
    }
}

impl Shape {
    fn key(b: &[u8]) -> Option<(usize, u64)> {
        let (&f, &l) = (b.first()?, b.last()?);
        let s = b.get(1).copied().unwrap_or(0);
        Some(Self::key_of(b.len(), f, s, l))
    }
    fn key_of(len: usize, f: u8, s: u8, l: u8) -> (usize, u64) {
        let k = (len.min(31) as u32) | u32::from(f) << 5 | u32::from(s) << 13 | u32::from(l) << 21;
        // Fibonacci hashing down to 15 bits (SHAPE_WORDS * 64 = 2^15).
        let h = (k.wrapping_mul(0x9E37_79B1) >> 17) as usize;
        (h / 64, 1u64 << (h % 64))
    }
    /// Adds a word of the list.
    pub(crate) fn add(&mut self, w: &str) {
        if let Some((i, m)) = Self::key(w.as_bytes()) {
            self.bits[i] |= m;
        }
    }
    /// False when `w` is surely not in the list.
    pub(crate) fn may_hold(&self, w: &str) -> bool {
        self.may_hold_bytes(w.as_bytes())
    }
    /// [`Shape::may_hold`] on a word of `len` bytes given by its first, second (0 if none) and last bytes: a
    /// caller can test a word before lower-casing all of it.
    pub(crate) fn may_hold_shape(&self, len: usize, first: u8, second: u8, last: u8) -> bool {
        len > 0 && {
            let (i, m) = Self::key_of(len, first, second, last);
            self.bits[i] & m != 0
        }
    }
    /// [`Shape::may_hold`] on `w` lower-cased (ASCII), without lower-casing all of it: for lists of lower-case
    /// words looked up in any case.
    pub(crate) fn may_hold_caseless(&self, w: &str) -> bool {
        let lc = u8::to_ascii_lowercase;
        match *w.as_bytes() {
            [] => false,
            [a] => self.may_hold_shape(1, lc(&a), 0, lc(&a)),
            [a, b] => self.may_hold_shape(2, lc(&a), lc(&b), lc(&b)),
            [a, b, .., z] => self.may_hold_shape(w.len(), lc(&a), lc(&b), lc(&z)),
        }
    }
    /// [`Shape::may_hold`] on a word's bytes.
    pub(crate) fn may_hold_bytes(&self, w: &[u8]) -> bool {
        Self::key(w).is_some_and(|(i, m)| self.bits[i] & m != 0)
    }
}

type WordSet = HashSet<&'static str, BuildHasherDefault<Fnv>>;

/// Lower-cased abbreviations (without their final dot) that do not end a sentence by themselves.
static ABBREVIATIONS: LazyLock<WordSet> = LazyLock::new(|| {
    let mut set = WordSet::default();
    for list in [include_str!("../data/abbreviations.txt")] {
        for line in list.lines() {
            let line = line.trim();
            if !line.is_empty() && !line.starts_with('#') {
                set.insert(line);
            }
        }
    }
    set
});

/// Abbreviations that precede a name and so never end a sentence (`Mr.`, `Gen.`, `Dr.`).
static PREPOSITIVE: LazyLock<WordSet> = LazyLock::new(|| {
    include_str!("../data/abbreviations_prepositive.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// Lower-cases a short ASCII word into `buf` without allocating, or returns None (an empty, longer or non-ASCII
/// word): for tests of a word against closed lists of short ASCII words (abbreviations, pronouns, title words).
pub(crate) fn ascii_lower<'b, const N: usize>(word: &str, buf: &'b mut [u8; N]) -> Option<&'b str> {
    let b = word.as_bytes();
    if b.is_empty() || b.len() > buf.len() || !b.is_ascii() {
        return None;
    }
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..b.len()]).ok()
}

/// Longest abbreviation of either list: longer words skip the lower-casing and hashing (every sentence ends in
/// a word with a dot).
static ABBREVIATION_MAX_LEN: LazyLock<usize> = LazyLock::new(|| {
    ABBREVIATIONS
        .iter()
        .chain(PREPOSITIVE.iter())
        .map(|w| w.len())
        .max()
        .unwrap_or(0)
});

/// Shapes of the words of both abbreviation lists: the tokenizer asks about every word before a dot (most end a
/// sentence), and the shape rules nearly all of them out before lower-casing and hashing.
static ABBREVIATION_SHAPES: LazyLock<Shape> = LazyLock::new(|| {
    let mut shapes = Shape::default();
    for w in ABBREVIATIONS.iter().chain(PREPOSITIVE.iter()) {
        shapes.add(w);
    }
    shapes
});

/// Whether `word` (without its final dot, any case) is a known abbreviation.
pub fn is_abbreviation(word: &str) -> bool {
    if word.len() > *ABBREVIATION_MAX_LEN {
        return false;
    }
    if !ABBREVIATION_SHAPES.may_hold_caseless(word) {
        return false;
    }
    let mut buf = [0u8; 16];
    ascii_lower(word, &mut buf)
        .is_some_and(|w| ABBREVIATIONS.contains(w) || PREPOSITIVE.contains(w))
}

/// Whether `word` (without its final dot) is an abbreviation that stands before a name (`Mr`, `Gen`).
pub fn is_prepositive_abbreviation(word: &str) -> bool {
    let mut buf = [0u8; 16];
    ascii_lower(word, &mut buf).is_some_and(|w| PREPOSITIVE.contains(w))
}

fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '„' | '‟' | '‹' | '›' | '`'
    )
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    // General Punctuation (curly quotes, dashes, the ellipsis: common in news) holds no letter or digit; its
    // characters skip the Unicode tables.
    (!('\u{2000}'..='\u{206F}').contains(&c) && c.is_alphanumeric()) || is_combining_mark(c)
}

/// A combining diacritic: text in decomposed form (NFD, as some systems copy it) writes `Peña` as `n` and a
/// combining tilde, which belongs to the word.
pub(crate) fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// [`ASCII_CLASS`] bit of an ASCII digit.
pub(crate) const DIGIT: u8 = 1;
/// [`ASCII_CLASS`] bit of an ASCII capital letter.
pub(crate) const UPPER: u8 = 2;
/// [`ASCII_CLASS`] bit of an ASCII lower-case letter.
pub(crate) const LOWER: u8 = 4;
/// The class bits of every byte (0 for all but ASCII digits and letters): one table load per byte instead of
/// range tests in hot loops (the tokenizer, the amounts' first-word test).
pub(crate) static ASCII_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c.is_ascii_digit() {
            DIGIT
        } else if c.is_ascii_uppercase() {
            UPPER
        } else if c.is_ascii_lowercase() {
            LOWER
        } else {
            0
        };
        b += 1;
    }
    t
};

/// [`BYTE_CLASS`] bit of a hyphen.
pub(crate) const HYPHEN: u8 = 8;
/// [`BYTE_CLASS`] bit of a non-ASCII byte.
pub(crate) const NON_ASCII: u8 = 16;
/// [`ASCII_CLASS`] plus the [`HYPHEN`] and [`NON_ASCII`] bits: what [`Token::class`] gathers.
pub(crate) static BYTE_CLASS: [u8; 256] = {
    let mut t = ASCII_CLASS;
    t[b'-' as usize] = HYPHEN;
    let mut b = 0x80;
    while b < 256 {
        t[b] = NON_ASCII;
        b += 1;
    }
    t
};

/// The [`BYTE_CLASS`] bits of `bytes`, or-ed.
fn class_of(bytes: &[u8]) -> u8 {
    bytes.iter().fold(0, |c, &b| c | BYTE_CLASS[usize::from(b)])
}

/// Splits `text[range]` into tokens in the style of CoNLL/Penn: punctuation apart, `n't` and `'s` apart,
/// abbreviations (`U.S.`, `Mr.`), numbers (`100,000`, `1.5`) and hyphenated words kept whole.
///
/// Linear in the length of the range.
pub fn tokenize(text: &str, range: Range<usize>, out: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    let mut i = range.start;
    let end = range.end.min(text.len());
    while i < end {
        // Skip whitespace.
        let b = bytes[i];
        if b < 0x80 {
            if b.is_ascii_whitespace() {
                i += 1;
                continue;
            }
        } else {
            let c = char_at(text, i);
            if c.is_whitespace() {
                i += c.len_utf8();
                continue;
            }
        }
        // Whitespace-delimited chunk [i, j).
        // Fast path: a run of ASCII letters/digits, the commonest chunk, ends at whitespace or one , ; : ) . ! ?
        // (An iterator over the slice: no bounds check per byte.)
        // The classes of the run's bytes are gathered on the way (the stop byte's is 0).
        let mut class = 0u8;
        let mut j = bytes[i..end]
            .iter()
            .position(|&b| {
                let c = ASCII_CLASS[usize::from(b)];
                class |= c;
                c == 0
            })
            .map_or(end, |n| i + n);
        if j > i {
            let digits = class == DIGIT;
            let next = bytes.get(j).copied();
            let ends = |k: usize| k >= end || bytes[k].is_ascii_whitespace();
            let kind = if digits {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            if ends(j) {
                out.push(Token {
                    start: i,
                    end: j,
                    kind,
                    class,
                });
                // Past the whitespace byte that ends it.
                i = (j + 1).min(end);
                continue;
            }
            if matches!(next, Some(b',' | b';' | b':' | b')' | b'!' | b'?')) && ends(j + 1) {
                out.push(Token {
                    start: i,
                    end: j,
                    kind,
                    class,
                });
                out.push(Token {
                    start: j,
                    end: j + 1,
                    kind: TokenKind::Punct,
                    class: 0,
                });
                i = (j + 2).min(end);
                continue;
            }
        }
        let run = j;
        while j < end {
            let b = bytes[j];
            if b < 0x80 {
                if b.is_ascii_whitespace() {
                    break;
                }
                j += 1;
            } else {
                let c = char_at(text, j);
                if c.is_whitespace() {
                    break;
                }
                j += c.len_utf8();
            }
        }
        split_chunk(text, i, run, j, out);
        i = j;
    }
}

/// The char starting at byte `i` (which must be a char boundary).
fn char_at(text: &str, i: usize) -> char {
    text[i..].chars().next().unwrap_or(' ')
}

fn push(out: &mut Vec<Token>, text: &str, start: usize, end: usize) {
    if start >= end {
        return;
    }
    let s = &text.as_bytes()[start..end];
    let class = class_of(s);
    let kind = if s[0].is_ascii_digit()
        && s.iter()
            .all(|c| c.is_ascii_digit() || matches!(c, b',' | b'.' | b'-' | b'/' | b':'))
    {
        TokenKind::Number
    } else if class & (DIGIT | UPPER | LOWER) != 0
        || (class & NON_ASCII != 0 && text[start..end].chars().any(is_word_char))
    {
        TokenKind::Word
    } else {
        TokenKind::Punct
    };
    out.push(Token {
        start,
        end,
        kind,
        class,
    });
}

/// Whether a word ending in `.` keeps the dot: a known abbreviation (`Mr.`, `Feb.`), letters with inner dots
/// (`U.S.`), or a single capital (an initial, `J.`).
fn keeps_final_dot(word: &str) -> bool {
    // Abbreviations are short; the length cap also keeps hostile chunks (`a.a.a…!.!.`) linear.
    if word.is_empty() || word.len() > 24 || !word.chars().all(|c| c.is_alphabetic() || c == '.') {
        return false;
    }
    let mut letters = word.chars().filter(|c| *c != '.');
    if word.chars().count() == 1 {
        return word.chars().all(char::is_uppercase);
    }
    if word.contains('.') && word.split('.').all(|p| p.chars().count() <= 2) {
        return letters.next().is_some();
    }
    is_abbreviation(word)
}

/// Splits one whitespace-free chunk `text[start..end]` into tokens; `text[start..run]` is its leading run of ASCII
/// letters and digits (the tokenizer has just measured it).
fn split_chunk(text: &str, start: usize, run: usize, end: usize, out: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    let chunk = &bytes[start..end];
    // Fast path: plain ASCII word or number, possibly with one trailing , ; : ! ? )
    let last = chunk[chunk.len() - 1];
    let body = if matches!(last, b',' | b';' | b':' | b'!' | b'?' | b')') {
        &chunk[..chunk.len() - 1]
    } else {
        chunk
    };
    if !body.is_empty() && start + body.len() <= run {
        push(out, text, start, start + body.len());
        if body.len() < chunk.len() {
            push(out, text, end - 1, end);
        }
        return;
    }
    // Leading punctuation: each char its own token (quotes, brackets, dashes...); a leading '.5' stays whole.
    let mut s = start;
    while s < end {
        let c = char_at(text, s);
        if is_word_char(c) || (c == '.' && bytes.get(s + 1).is_some_and(u8::is_ascii_digit)) {
            break;
        }
        push(out, text, s, s + c.len_utf8());
        s += c.len_utf8();
    }
    if s >= end {
        return;
    }
    // Trailing punctuation: find where it starts, scanning right to left.
    let mut e = end;
    while e > s {
        let c = text[s..e].chars().next_back().unwrap_or('a');
        if is_word_char(c) {
            break;
        }
        if c == '.' && !text[s..e].ends_with("..") && keeps_final_dot(&text[s..e - 1]) {
            break;
        }
        e -= c.len_utf8();
    }
    // The core: split clitics ('s, n't, ’s) off the end.
    let core = &text[s..e];
    let mut clitic: Option<usize> = None;
    // Every clitic has its apostrophe (`'`, or the last byte of `’`) two or three bytes from the end.
    let tail = core
        .as_bytes()
        .get(core.len().saturating_sub(3)..)
        .unwrap_or(&[]);
    let apostrophe = tail.iter().any(|&b| b == b'\'' || b == 0x99);
    for suffix in ["n't", "n’t", "N'T", "N’T"] {
        if !apostrophe {
            break;
        }
        if core.len() > suffix.len() && core.ends_with(suffix) {
            clitic = Some(e - suffix.len());
            break;
        }
    }
    if clitic.is_none() && apostrophe {
        for suffix in [
            "'s", "’s", "'S", "’S", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "'m",
            "’m",
        ] {
            if core.len() > suffix.len() && core.ends_with(suffix) {
                clitic = Some(e - suffix.len());
                break;
            }
        }
    }
    let core_end = clitic.unwrap_or(e);
    split_core(text, s, core_end, out);
    if let Some(c) = clitic {
        push(out, text, c, e);
    }
    // Trailing punctuation left to right, "..." kept as one token.
    let mut t = e;
    while t < end {
        if text[t..end].starts_with("...") {
            push(out, text, t, t + 3);
            t += 3;
            continue;
        }
        let l = char_at(text, t).len_utf8();
        push(out, text, t, t + l);
        t += l;
    }
}

/// Splits inner punctuation: keeps letters/digits joined by `-`, `.`, `'`, `’`, `&`, `/`, `:` between
/// alphanumerics and `,` between digits ("100,000"); splits on others (`(`, `)`, `"`, `;`, a comma missing its
/// space as in "this week,demanding", ...).
fn split_core(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let s = &text[start..end];
    if s.is_ascii() {
        // Same rules as below, on bytes.
        let b = s.as_bytes();
        let mut tok_start = start;
        for k in 0..b.len() {
            let c = b[k];
            // Letters and digits always join (most bytes): no look around.
            if c.is_ascii_alphanumeric() {
                continue;
            }
            let prev_word = k > 0 && b[k - 1].is_ascii_alphanumeric();
            let next_word = b.get(k + 1).is_some_and(u8::is_ascii_alphanumeric);
            let joins = c.is_ascii_alphanumeric()
                || (matches!(
                    c,
                    b'-' | b'.' | b'\'' | b'&' | b'/' | b':' | b'_' | b'@' | b'+'
                ) && prev_word
                    && next_word)
                || (c == b',' && digits_around(b, k))
                || (c == b'.' && prev_word);
            if !joins {
                push(out, text, tok_start, start + k);
                push(out, text, start + k, start + k + 1);
                tok_start = start + k + 1;
            }
        }
        push(out, text, tok_start, end);
        return;
    }
    let mut tok_start = start;
    let mut prev: Option<char> = None;
    let mut iter = s.char_indices().peekable();
    while let Some((off, c)) = iter.next() {
        let abs = start + off;
        let next = iter.peek().map(|&(_, n)| n);
        let joins = is_word_char(c)
            || (matches!(
                c,
                '-' | '.' | '\'' | '’' | '&' | '/' | ':' | '_' | '@' | '+' | '·'
            ) && prev.is_some_and(is_word_char)
                && next.is_some_and(is_word_char))
            || (c == ','
                && prev.is_some_and(|p| p.is_ascii_digit())
                && next.is_some_and(|n| n.is_ascii_digit()))
            || (c == '.' && prev.is_some_and(is_word_char)); // abbreviation dots inside "U.S."
        if !joins {
            push(out, text, tok_start, abs);
            push(out, text, abs, abs + c.len_utf8());
            tok_start = abs + c.len_utf8();
        }
        prev = Some(c);
    }
    push(out, text, tok_start, end);
}

/// Whether the byte at `k` has an ASCII digit on both sides.
fn digits_around(b: &[u8], k: usize) -> bool {
    k > 0 && b[k - 1].is_ascii_digit() && b.get(k + 1).is_some_and(u8::is_ascii_digit)
}

/// Finds the tokens whose last byte is `.`, `!`, `?` or 0xA6 (the last byte of `…`), the only ones that can end a
/// sentence, by jumping from one such byte to the next (memchr) instead of testing every token.
struct Terminals<'t> {
    bytes: &'t [u8],
    tokens: &'t [Token],
    /// End of the last token: the search stops there.
    end: usize,
    /// The last searches for a `.`, `!` or `?` and for a 0xA6: where each started and what it found (`end` if
    /// nothing). A result stays good for any later start up to it, so no stretch of text is searched twice (searching
    /// again from every start would be quadratic: 1 MB of `æ`, whose last byte is 0xA6, before a dot).
    dot: Option<(usize, usize)>,
    a6: Option<(usize, usize)>,
}

/// The first position from `from` on (up to `end`) where `find` finds something in `bytes[from..end]`, reusing the
/// last search `last` (start, result) when `from` lies between them.
fn search_from(
    bytes: &[u8],
    from: usize,
    end: usize,
    last: &mut Option<(usize, usize)>,
    find: impl Fn(&[u8]) -> Option<usize>,
) -> usize {
    match *last {
        Some((start, found)) if start <= from && from <= found => found,
        _ => {
            let found = find(bytes.get(from..end).unwrap_or(&[])).map_or(end, |p| from + p);
            *last = Some((from, found));
            found
        }
    }
}

impl Terminals<'_> {
    /// The first such token from token `i` on (`tokens.len()` if none).
    fn next_from(&mut self, i: usize) -> usize {
        let n = self.tokens.len();
        let Some(first) = self.tokens.get(i) else {
            return n;
        };
        let mut from = first.start;
        while from < self.end {
            let dot = search_from(self.bytes, from, self.end, &mut self.dot, |h| {
                memchr::memchr3(b'.', b'!', b'?', h)
            });
            let a6 = search_from(self.bytes, from, self.end, &mut self.a6, |h| {
                memchr::memchr(0xA6, h)
            });
            let p = dot.min(a6);
            if p >= self.end {
                break;
            }
            // The token holding byte `p` is the first one ending after it; it counts if `p` is its last byte.
            let k = i + self.tokens[i..].partition_point(|t| t.end <= p);
            if self
                .tokens
                .get(k)
                .is_some_and(|t| t.start <= p && t.end == p + 1)
            {
                return k;
            }
            from = p + 1;
        }
        n
    }
}

/// Words that open sentences often enough that an abbreviation before them ends its sentence.
static SENTENCE_STARTERS: LazyLock<WordSet> = LazyLock::new(|| {
    include_str!("../data/sentence_starters.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

fn is_closing(s: &str) -> bool {
    matches!(s, "”" | "\"" | "’" | "'" | ")" | "]" | "»" | "›")
}

/// Splits the tokens of one paragraph into sentences; returns token index ranges.
///
/// A sentence ends at `.`, `!`, `?`, `…` or `...` (with any closing quotes/brackets after them) when the next token
/// can open a sentence; an abbreviation ending in a dot ends one only before a common sentence starter.
pub fn split_sentences(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    split_sentences_into(text, tokens, &mut out);
    out
}

/// [`split_sentences`] appending to `out` (the pipeline reuses one list for all paragraphs).
pub(crate) fn split_sentences_into(text: &str, tokens: &[Token], out: &mut Vec<Range<usize>>) {
    let mut begin = 0;
    let mut i = 0;
    let bytes = text.as_bytes();
    let mut terminals = Terminals {
        bytes,
        tokens,
        end: tokens.last().map_or(0, |t| t.end).min(bytes.len()),
        dot: None,
        a6: None,
    };
    loop {
        // Every terminal and abbreviation ends in `.`, `!`, `?` or `…` (last byte 0xA6): only such tokens are
        // looked at.
        i = terminals.next_from(i);
        let Some(tk) = tokens.get(i) else {
            break;
        };
        if tk.end <= tk.start || !matches!(bytes.get(tk.end - 1), Some(b'.' | b'!' | b'?' | 0xA6)) {
            i += 1;
            continue;
        }
        let t = tk.text(text);
        let mut end_here = false;
        let mut last = i;
        let terminal = matches!(t, "." | "!" | "?" | "…" | "..." | "?!" | "!?");
        let abbrev =
            !terminal && t.len() > 1 && t.ends_with('.') && tokens[i].kind == TokenKind::Word;
        if terminal || abbrev {
            // Absorb closing quotes and brackets and extra terminals.
            while last + 1 < tokens.len() {
                let n = tokens[last + 1].text(text);
                if is_closing(n) || matches!(n, "." | "!" | "?") {
                    last += 1;
                } else {
                    break;
                }
            }
            match tokens.get(last + 1) {
                None => end_here = true,
                Some(next) => {
                    let n = next.text(text);
                    let first = n.chars().next().unwrap_or(' ');
                    let opens = first.is_uppercase()
                        || first.is_ascii_digit()
                        || is_quote_char(first)
                        || matches!(first, '(' | '[' | '-' | '–' | '—' | '•' | '*');
                    if abbrev {
                        let word = t.trim_end_matches('.');
                        let initial = word.len() == 1 && word.chars().all(char::is_uppercase);
                        end_here = !is_prepositive_abbreviation(word)
                            && !initial
                            && first.is_uppercase()
                            && SENTENCE_STARTERS.contains(n.to_lowercase().as_str());
                    } else if matches!(t, "..." | "…") {
                        end_here = first.is_uppercase();
                    } else if t == "."
                        && first.is_ascii_digit()
                        && i > 0
                        && tokens[i - 1].end == tk.start
                        && matches!(tokens[i - 1].text(text), "No" | "Nos")
                    {
                        // `No. 1`, `Resolution No. 2334`: a number sign, not a sentence's end.
                        end_here = false;
                    } else if matches!(first, ',' | ';') {
                        // No sentence opens with a comma: the period closed an abbreviation the tokenizer split
                        // off (`Ron Johnson, R-Wis., said`).
                        end_here = false;
                    } else {
                        // A terminal inside quotes followed by a lower-case continuation ("?” he asked.) does not end.
                        end_here = opens || (!first.is_lowercase() && !first.is_alphanumeric());
                        if !opens && first.is_lowercase() {
                            end_here = false;
                        }
                    }
                }
            }
        }
        if end_here {
            out.push(begin..last + 1);
            begin = last + 1;
            i = last + 1;
        } else {
            i += 1;
        }
    }
    if begin < tokens.len() {
        out.push(begin..tokens.len());
    }
}

/// Whether `w` is a weekday's capitalized name (`Friday`).
pub(crate) fn is_weekday(w: &str) -> bool {
    matches!(
        w,
        "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday" | "Sunday"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<&str> {
        let mut out = Vec::new();
        tokenize(s, 0..s.len(), &mut out);
        out.iter().map(|t| t.text(s)).collect()
    }

    fn sents(s: &str) -> Vec<String> {
        let mut out = Vec::new();
        tokenize(s, 0..s.len(), &mut out);
        split_sentences(s, &out)
            .into_iter()
            .map(|r| s[out[r.start].start..out[r.end - 1].end].to_string())
            .collect()
    }

    #[test]
    fn tokens_split_punctuation_and_keep_abbreviations() {
        assert_eq!(
            toks("“It’s a process,” he said."),
            ["“", "It", "’s", "a", "process", ",", "”", "he", "said", "."]
        );
        assert_eq!(
            toks("The U.S. sent 100,000 troops, 1.5 times more."),
            ["The", "U.S.", "sent", "100,000", "troops", ",", "1.5", "times", "more", "."]
        );
        assert_eq!(
            toks("Mr. Smith didn't go to the Russia-Ukraine border (15)."),
            [
                "Mr.",
                "Smith",
                "did",
                "n't",
                "go",
                "to",
                "the",
                "Russia-Ukraine",
                "border",
                "(",
                "15",
                ")",
                "."
            ]
        );
    }

    #[test]
    fn a_comma_joins_digits_only() {
        // A comma missing its space still separates words; inside numbers it is a thousands separator.
        assert_eq!(
            toks("Protests began earlier this week,demanding reforms on Monday,and 1,200 joined."),
            [
                "Protests",
                "began",
                "earlier",
                "this",
                "week",
                ",",
                "demanding",
                "reforms",
                "on",
                "Monday",
                ",",
                "and",
                "1,200",
                "joined",
                "."
            ]
        );
        assert_eq!(
            toks("Kyiv’s mayor,Vitali Klitschko, said 1,000,000 hryvnias."),
            [
                "Kyiv",
                "’s",
                "mayor",
                ",",
                "Vitali",
                "Klitschko",
                ",",
                "said",
                "1,000,000",
                "hryvnias",
                "."
            ]
        );
        // The same outside ASCII.
        assert_eq!(
            toks("Flights to Düsseldorf,Köln and Zürich cost €1,250."),
            [
                "Flights",
                "to",
                "Düsseldorf",
                ",",
                "Köln",
                "and",
                "Zürich",
                "cost",
                "€",
                "1,250",
                "."
            ]
        );
    }

    #[test]
    fn sentences_survive_abbreviations_decimals_and_quotes() {
        assert_eq!(
            sents("Gen. Smith met Mr. Jones in the U.S. on Feb. 3. They talked."),
            [
                "Gen. Smith met Mr. Jones in the U.S. on Feb. 3.",
                "They talked."
            ]
        );
        assert_eq!(
            sents("Growth was 1.5 percent. It rose."),
            ["Growth was 1.5 percent.", "It rose."]
        );
        // A period the tokenizer splits off a hyphenated abbreviation, before a comma, ends no sentence.
        assert_eq!(
            sents("Sen. Mara Quill, R-Wis., voted no. Rep. Ed Lum (D-Md.), voted yes."),
            [
                "Sen. Mara Quill, R-Wis., voted no.",
                "Rep. Ed Lum (D-Md.), voted yes."
            ]
        );
        assert_eq!(
            sents("“We will win,” he said. “Never.”"),
            ["“We will win,” he said.", "“Never.”"]
        );
        assert_eq!(
            sents("“Will we win?” he asked. Nobody knew."),
            ["“Will we win?” he asked.", "Nobody knew."]
        );
        assert_eq!(
            sents("J. R. R. Tolkien wrote it. Then... Nothing."),
            ["J. R. R. Tolkien wrote it.", "Then...", "Nothing."]
        );
        assert_eq!(
            sents("He lives in the U.S. He works there."),
            ["He lives in the U.S.", "He works there."]
        );
        // A number sign is no sentence end; a sentence that ends in `no` still ends.
        assert_eq!(
            sents("The song is at No. 1 this week. She said no. 12 people left."),
            [
                "The song is at No. 1 this week.",
                "She said no.",
                "12 people left."
            ]
        );
    }

    #[test]
    fn hostile_chunks_stay_linear() {
        // Would be quadratic if every trailing dot re-scanned the whole chunk.
        let s = format!("{}{}", "a.".repeat(50_000), "!.".repeat(50_000));
        let mut out = Vec::new();
        tokenize(&s, 0..s.len(), &mut out);
        assert!(out.len() > 50_000);
        // A megabyte of `æ` (its last byte is that of `…`) before the dots: each search covers new text only.
        let ae = format!("{}{}", "æ".repeat(300_000), ".".repeat(1000));
        out.clear();
        tokenize(&ae, 0..ae.len(), &mut out);
        assert!(!split_sentences(&ae, &out).is_empty());
        let quotes = "“”\"'‘’".repeat(100_000);
        out.clear();
        tokenize(&quotes, 0..quotes.len(), &mut out);
        assert_eq!(out.len(), 600_000);
        assert!(!split_sentences(&quotes, &out).is_empty());
    }

    #[test]
    fn combining_marks_stay_in_their_word() {
        // `Peña Nieto` and `Gülen` in decomposed form.
        let text = "Pen\u{303}a Nieto met Gu\u{308}len.";
        let mut out = Vec::new();
        tokenize(text, 0..text.len(), &mut out);
        let words: Vec<&str> = out.iter().map(|t| t.text(text)).collect();
        assert_eq!(
            words,
            ["Pen\u{303}a", "Nieto", "met", "Gu\u{308}len", "."],
            "{out:?}"
        );
    }

    #[test]
    fn general_punctuation_holds_no_word_char() {
        for c in '\u{2000}'..='\u{206F}' {
            assert!(!c.is_alphanumeric(), "{c:?}");
        }
        for c in [
            'é', 'Ж', '٣', '²', 'ª', '\u{2070}', '\u{2071}', '“', '—', '…',
        ] {
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn char_starts_counts_code_points() {
        for s in ["", "a", "Київ", "“Kyiv” – 🇺🇦 ok", &"é🇺🇦x".repeat(30)] {
            for end in (0..=s.len()).filter(|&e| s.is_char_boundary(e)) {
                assert_eq!(char_starts(&s.as_bytes()[..end]), s[..end].chars().count());
            }
        }
    }

    #[test]
    fn char_map_round_trips() {
        let s = "Kyiv – “Київ” is 🇺🇦 ".repeat(20);
        let m = CharMap::new(&s);
        for (ci, (bi, _)) in s.char_indices().enumerate() {
            assert_eq!(m.char_of(&s, bi), ci);
            assert_eq!(m.byte_of(&s, ci), bi);
        }
        assert_eq!(m.char_of(&s, s.len()), s.chars().count());
        assert_eq!(m.byte_of(&s, s.chars().count()), s.len());
    }

    #[test]
    fn continuation_masks_flag_continuation_bytes() {
        let s = "Kyiv – “Київ” is 🇺🇦 é".repeat(5);
        for chunk in s.as_bytes().chunks(BLOCK) {
            let mask = continuation_mask(chunk);
            for (i, &b) in chunk.iter().enumerate() {
                assert_eq!(mask >> i & 1 == 1, (b & 0xC0) == 0x80, "byte {i}");
            }
            if chunk.len() < 64 {
                assert_eq!(mask >> chunk.len(), 0);
            }
        }
    }

    #[test]
    fn char_map_finds_blocks_far_from_the_ascii_guess() {
        // Two- and four-byte characters: block ch / 64 lies far before the answer.
        for s in [
            "Київ і Харків ".repeat(40),
            "🇺🇦".repeat(100),
            format!("{}{}", "Київ".repeat(50), "a".repeat(200)),
        ] {
            let m = CharMap::new(&s);
            for (ci, (bi, _)) in s.char_indices().enumerate() {
                assert_eq!(m.byte_of(&s, ci), bi, "char {ci}");
            }
            let n = s.chars().count();
            assert_eq!(m.byte_of(&s, n), s.len());
            assert_eq!(m.byte_of(&s, n + 3), s.len());
        }
    }

    #[test]
    fn char_map_mostly_ascii_blocks() {
        // Whole blocks of ASCII between curly quotes, one of which straddles a block edge (byte 63).
        let s = format!(
            "{}“{}” – {}é",
            "a".repeat(63),
            "b".repeat(130),
            "c".repeat(70)
        );
        let m = CharMap::new(&s);
        for byte in 0..=s.len() {
            let chars_before = s.char_indices().take_while(|&(b, _)| b < byte).count();
            assert_eq!(m.char_of(&s, byte), chars_before, "byte {byte}");
        }
        for (ci, (bi, _)) in s.char_indices().enumerate() {
            assert_eq!(m.byte_of(&s, ci), bi, "char {ci}");
        }
        assert_eq!(m.byte_of(&s, s.chars().count() + 5), s.len());
    }
}
