//! A JSON writer for the output lines: serde_json's compact output byte for byte, but cheaper per piece.
//! serde_json looks up every byte of every string in a table and sends each piece (a quote, a key, a comma)
//! through `io::Write` into the line's blocks; a Kremlin release has about 400 strings and 1,200 keys per 4.8 KB of text,
//! so those per-piece costs were most of the 11% of `extract` spent writing JSON. Here a short string is written eight
//! bytes at a time after one room check for its longest escaped form; a long one is scanned eight bytes at a time
//! and copied in runs. Keys other than strings (which our types never use) are refused, and the caller then writes
//! the line with serde_json itself.

use super::{Line, LINE_BLOCK};
use serde::ser::{self, Impossible, Serialize};
use std::fmt::{self, Display};

/// `value` as one [`Line`] (first block of `first_block` bytes), as serde_json's `to_writer` would write it.
pub(crate) fn to_line<T: ?Sized + Serialize>(value: &T, first_block: usize) -> Result<Line, Error> {
    let mut json = Json {
        cur: Vec::with_capacity(first_block),
        full: Vec::new(),
        written: 0,
    };
    value.serialize(&mut json)?;
    json.full.push(json.cur);
    Ok(Line { blocks: json.full })
}

/// Why a value could not be written (the caller falls back to serde_json, which reports its own error).
#[derive(Debug)]
pub(crate) struct Error(String);

impl Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

/// For each byte, the letter serde_json writes after a backslash (`u` for `\u00XX`), or 0 when the byte is
/// written as is: control characters, the quote and the backslash are escaped.
const ESCAPE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = b'u';
        b += 1;
    }
    table[0x08] = b'b';
    table[0x09] = b't';
    table[0x0a] = b'n';
    table[0x0c] = b'f';
    table[0x0d] = b'r';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

/// Strings up to this many bytes are written a word at a time into room for their longest escaped form; longer
/// ones are scanned and copied in runs.
const SHORT: usize = 64;

/// Room for a short string: its longest escaped form, the quotes, and the spare bytes of a padded last word.
#[inline(always)]
fn short_room(bytes: &[u8]) -> usize {
    bytes.len() * 6 + 10
}

/// Whether any of the eight bytes of `word` needs an escape: a byte below 0x20, a quote or a backslash.
/// (`x - 0x01..01 & !x & 0x80..80` is non-zero exactly when some byte of `x` is zero; with 0x20 in place of
/// 0x01, when some byte is below 0x20.)
#[inline]
fn needs_escape(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below = |x: u64, n: u64| x.wrapping_sub(ONES * n) & !x;
    let quote = word ^ (ONES * u64::from(b'"'));
    let backslash = word ^ (ONES * u64::from(b'\\'));
    // One test of the three marks rather than three branches.
    (below(word, 0x20) | below(quote, 1) | below(backslash, 1)) & HIGH != 0
}

/// The first `bytes.len()` (at most 8) bytes as a little-endian word, the rest spaces (which need no escape). Two
/// overlapping loads of the same width, so no loop over the bytes.
#[inline(always)]
fn padded_word(bytes: &[u8]) -> u64 {
    let n = bytes.len();
    let spaces = u64::from_le_bytes([b' '; 8]);
    let at = |i: usize| bytes.get(i).copied().unwrap_or(b' ');
    let word = match n {
        0 => 0,
        1 => u64::from(at(0)),
        2..=3 => {
            u64::from(u16::from_le_bytes([at(0), at(1)]))
                | u64::from(u16::from_le_bytes([at(n - 2), at(n - 1)])) << (8 * (n - 2))
        }
        4..=7 => {
            u64::from(u32::from_le_bytes([at(0), at(1), at(2), at(3)]))
                | u64::from(u32::from_le_bytes([
                    at(n - 4),
                    at(n - 3),
                    at(n - 2),
                    at(n - 1),
                ])) << (8 * (n - 4))
        }
        _ => u64::from_le_bytes(std::array::from_fn(at)),
    };
    if n >= 8 {
        word
    } else {
        word | spaces << (8 * n)
    }
}

/// "00", "01" ... "99": the decimal pairs an integer is written with.
const DIGIT_PAIRS: [u8; 200] = {
    let mut pairs = [0u8; 200];
    let mut i = 0;
    while i < 100 {
        pairs[2 * i] = b'0' + (i / 10) as u8;
        pairs[2 * i + 1] = b'0' + (i % 10) as u8;
        i += 1;
    }
    pairs
};

/// The escape serde_json writes for `byte` (whose [`ESCAPE`] letter is `escape`), and its length.
#[inline]
fn escape_of(byte: u8, escape: u8) -> ([u8; 6], usize) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    if escape == b'u' {
        let (hi, lo) = (HEX[usize::from(byte >> 4)], HEX[usize::from(byte & 0xf)]);
        ([b'\\', b'u', b'0', b'0', hi, lo], 6)
    } else {
        ([b'\\', escape, 0, 0, 0, 0], 2)
    }
}

/// The serializer: `&mut Json` writes one value into the blocks of a [`Line`].
struct Json {
    /// The block being written.
    cur: Vec<u8>,
    /// Blocks already full.
    full: Vec<Vec<u8>>,
    /// Bytes in `full`.
    written: usize,
}

impl Json {
    /// Makes room for `n` more bytes in the current block, so that it never grows by doubling.
    #[inline]
    fn room(&mut self, n: usize) {
        if self.cur.capacity() - self.cur.len() < n {
            self.next_block(n);
        }
    }

    /// Starts a block as [`Line`] does: it doubles what the line holds, up to a block, or holds `n` bytes.
    #[cold]
    fn next_block(&mut self, n: usize) {
        let next = (self.written + self.cur.len())
            .clamp(4096, LINE_BLOCK)
            .max(n);
        let block = std::mem::replace(&mut self.cur, Vec::with_capacity(next));
        if !block.is_empty() {
            self.written += block.len();
            self.full.push(block);
        }
    }

    #[inline]
    fn bytes(&mut self, b: &[u8]) {
        self.room(b.len());
        self.cur.extend_from_slice(b);
    }

    /// Writes `s` quoted and escaped as serde_json does.
    #[inline(always)]
    fn string(&mut self, s: &str) {
        let bytes = s.as_bytes();
        if bytes.len() <= SHORT {
            self.room(short_room(bytes));
            self.short_string(bytes);
        } else {
            self.long_string(bytes);
        }
    }

    /// Writes a short string (a key, a name) quoted, into room made with [`short_room`], a word of eight bytes
    /// at a time: a clean word is one eight-byte store (the last one padded with spaces, then cut back), a word
    /// with something to escape is written byte by byte. Inlined: the call would cost more than the copy.
    #[inline(always)]
    fn short_string(&mut self, bytes: &[u8]) {
        self.cur.push(b'"');
        let mut rest = bytes;
        while !rest.is_empty() {
            let n = rest.len().min(8);
            let (head, tail) = rest.split_at(n);
            let word = match head.first_chunk::<8>() {
                Some(word) => u64::from_le_bytes(*word),
                None => padded_word(head),
            };
            if needs_escape(word) {
                for &byte in head {
                    let escape = ESCAPE[usize::from(byte)];
                    if escape == 0 {
                        self.cur.push(byte);
                    } else {
                        let (seq, len) = escape_of(byte, escape);
                        self.cur.extend_from_slice(&seq[..len]);
                    }
                }
            } else {
                self.cur.extend_from_slice(&word.to_le_bytes());
                self.cur.truncate(self.cur.len() - (8 - n));
            }
            rest = tail;
        }
        self.cur.push(b'"');
    }

    /// Writes a long string quoted: clean words are skipped whole, a word with something to escape is read byte
    /// by byte, and clean runs are copied at once.
    #[inline(never)]
    fn long_string(&mut self, bytes: &[u8]) {
        self.bytes(b"\"");
        let (mut start, mut i) = (0, 0);
        while i < bytes.len() {
            while let Some(word) = bytes.get(i..).and_then(<[u8]>::first_chunk::<8>) {
                if needs_escape(u64::from_ne_bytes(*word)) {
                    break;
                }
                i += 8;
            }
            let stop = (i + 8).min(bytes.len());
            while i < stop {
                let byte = bytes[i];
                let escape = ESCAPE[usize::from(byte)];
                if escape != 0 {
                    self.bytes(&bytes[start..i]);
                    let (seq, len) = escape_of(byte, escape);
                    self.bytes(&seq[..len]);
                    start = i + 1;
                }
                i += 1;
            }
        }
        self.bytes(&bytes[start..]);
        self.bytes(b"\"");
    }

    /// Writes `n` in decimal (what itoa writes for serde_json), after a minus sign if `negative`: the digits are
    /// laid out at the front of a fixed buffer that is stored whole and cut back (no copy of a variable length).
    #[inline]
    fn integer(&mut self, negative: bool, mut n: u64) {
        let len = n.checked_ilog10().unwrap_or(0) as usize + 1;
        let mut digits = [0u8; 24];
        // Two digits per division, from the right.
        let mut end = len;
        while end >= 2 {
            let pair = 2 * (n % 100) as usize;
            digits[end - 2..end].copy_from_slice(&DIGIT_PAIRS[pair..pair + 2]);
            n /= 100;
            end -= 2;
        }
        if end == 1 {
            digits[0] = b'0' + n as u8;
        }
        self.room(1 + digits.len());
        if negative {
            self.cur.push(b'-');
        }
        self.cur.extend_from_slice(&digits);
        self.cur.truncate(self.cur.len() - (digits.len() - len));
    }

    /// Writes what serde_json writes for `value` (floats: its shortest form, `null` for NaN and infinities;
    /// 128-bit integers), after making room for the longest of them.
    fn through_serde_json<T: Serialize>(&mut self, value: T) -> Result<(), Error> {
        self.room(64);
        serde_json::to_writer(&mut self.cur, &value).map_err(|e| Error(e.to_string()))
    }

    /// Opens an object or array: `close` is what ends it.
    #[inline]
    fn open(&mut self, open: &[u8], close: &'static [u8]) -> Compound<'_> {
        self.bytes(open);
        Compound {
            ser: self,
            first: true,
            close,
        }
    }

    /// Writes `{"variant":` (the opening of serde_json's externally tagged variants).
    fn variant_key(&mut self, variant: &str) {
        self.bytes(b"{");
        self.string(variant);
        self.bytes(b":");
    }
}

// Numbers, `null` and short strings are inlined into the derived code that writes them: the call cost more than
// the write.
impl<'a> ser::Serializer for &'a mut Json {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    #[inline(always)]
    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.bytes(if v { b"true" } else { b"false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    #[inline(always)]
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    #[inline(always)]
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.integer(v < 0, v.unsigned_abs());
        Ok(())
    }
    fn serialize_i128(self, v: i128) -> Result<(), Error> {
        self.through_serde_json(v)
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    #[inline(always)]
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    #[inline(always)]
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.integer(false, v);
        Ok(())
    }
    fn serialize_u128(self, v: u128) -> Result<(), Error> {
        self.through_serde_json(v)
    }
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        self.through_serde_json(v)
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        self.through_serde_json(v)
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.string(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    #[inline]
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.string(v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        let mut seq = self.open(b"[", b"]");
        for b in v {
            ser::SerializeSeq::serialize_element(&mut seq, b)?;
        }
        seq.close()
    }
    #[inline(always)]
    fn serialize_none(self) -> Result<(), Error> {
        self.bytes(b"null");
        Ok(())
    }
    #[inline(always)]
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.bytes(b"null");
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        self.bytes(b"null");
        Ok(())
    }
    // Inlined like the keys: a label (`PERSON`, `direct`) is a constant in the derived code, so its escape test
    // and padded word fold away.
    #[inline(always)]
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.string(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.variant_key(variant);
        value.serialize(&mut *self)?;
        self.bytes(b"}");
        Ok(())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'a>, Error> {
        Ok(self.open(b"[", b"]"))
    }
    fn serialize_tuple(self, _len: usize) -> Result<Compound<'a>, Error> {
        Ok(self.open(b"[", b"]"))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, Error> {
        Ok(self.open(b"[", b"]"))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, Error> {
        self.variant_key(variant);
        Ok(self.open(b"[", b"]}"))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Compound<'a>, Error> {
        Ok(self.open(b"{", b"}"))
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Compound<'a>, Error> {
        Ok(self.open(b"{", b"}"))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, Error> {
        self.variant_key(variant);
        Ok(self.open(b"{", b"}}"))
    }
}

/// An object or array being written.
struct Compound<'a> {
    ser: &'a mut Json,
    /// No member written yet (no comma before the next).
    first: bool,
    /// What closes it (two brackets for a variant: `]}` or `}}`).
    close: &'static [u8],
}

impl Compound<'_> {
    #[inline]
    fn comma(&mut self) {
        if self.first {
            self.first = false;
        } else {
            self.ser.bytes(b",");
        }
    }

    #[inline]
    fn element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        self.comma();
        value.serialize(&mut *self.ser)
    }

    /// Writes `,"key":` (one room check for a usual key).
    #[inline(always)]
    fn field<T: ?Sized + Serialize>(&mut self, key: &str, value: &T) -> Result<(), Error> {
        let bytes = key.as_bytes();
        if bytes.len() <= SHORT {
            self.ser.room(short_room(bytes) + 2);
            if !std::mem::take(&mut self.first) {
                self.ser.cur.push(b',');
            }
            self.ser.short_string(bytes);
            self.ser.cur.push(b':');
        } else {
            self.comma();
            self.ser.long_string(bytes);
            self.ser.bytes(b":");
        }
        value.serialize(&mut *self.ser)
    }

    #[inline]
    fn close(self) -> Result<(), Error> {
        self.ser.bytes(self.close);
        Ok(())
    }
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

impl ser::SerializeTuple for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

impl ser::SerializeTupleStruct for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

impl ser::SerializeTupleVariant for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), Error> {
        self.comma();
        key.serialize(MapKey { ser: self.ser })
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        self.ser.bytes(b":");
        value.serialize(&mut *self.ser)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = Error;
    // Inlined into each type's derived `serialize`, where the key is a constant: its escape test and padded word
    // fold away, leaving one eight-byte store per short key.
    #[inline(always)]
    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.field(key, value)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

impl ser::SerializeStructVariant for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.field(key, value)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

/// A map key: strings (and what serializes as one) only.
struct MapKey<'a> {
    ser: &'a mut Json,
}

/// Keys serde_json would quote (numbers, booleans) are left to serde_json itself.
fn not_a_string() -> Error {
    Error("map key is not a string".into())
}

impl ser::Serializer for MapKey<'_> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Impossible<(), Error>;
    type SerializeTuple = Impossible<(), Error>;
    type SerializeTupleStruct = Impossible<(), Error>;
    type SerializeTupleVariant = Impossible<(), Error>;
    type SerializeMap = Impossible<(), Error>;
    type SerializeStruct = Impossible<(), Error>;
    type SerializeStructVariant = Impossible<(), Error>;

    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.ser.string(v);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.ser.string(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.ser.string(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_bool(self, _v: bool) -> Result<(), Error> {
        Err(not_a_string())
    }
    fn serialize_i8(self, _v: i8) -> Result<(), Error> {
        Err(not_a_string())
    }
    fn serialize_i16(self, _v: i16) -> Result<(), Error> {
        Err(not_a_string())
    }
    fn serialize_i32(self, _v: i32) -> Result<(), Error> {
        Err(not_a_string())
    }
    fn serialize_i64(self, _v: i64) -> Result<(), Error> {
        Err(not_a_string())
    }
    fn serialize_i128(self, _v: i128) -> Result<(), Error> {
        Err(not_a_string())
    }
    fn serialize_u8(self, _v: u8) -> Result<(), Error> {
        Err(not_a_string())
    }
    fn serialize_u16(self, _v: u16) -> Result<(), Error> {
        Err(not_a_string())
    }
    fn serialize_u32(self, _v: u32) -> Result<(), Error> {
        Err(not_a_string())
    }
    fn serialize_u64(self, _v: u64) -> Result<(), Error> {
        Err(not_a_string())
    }
    fn serialize_u128(self, _v: u128) -> Result<(), Error> {
        Err(not_a_string())
    }
    fn serialize_f32(self, _v: f32) -> Result<(), Error> {
        Err(not_a_string())
    }
    fn serialize_f64(self, _v: f64) -> Result<(), Error> {
        Err(not_a_string())
    }
    fn serialize_bytes(self, _v: &[u8]) -> Result<(), Error> {
        Err(not_a_string())
    }
    fn serialize_none(self) -> Result<(), Error> {
        Err(not_a_string())
    }
    fn serialize_some<T: ?Sized + Serialize>(self, _value: &T) -> Result<(), Error> {
        Err(not_a_string())
    }
    fn serialize_unit(self) -> Result<(), Error> {
        Err(not_a_string())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        Err(not_a_string())
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<(), Error> {
        Err(not_a_string())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Err(not_a_string())
    }
    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple, Error> {
        Err(not_a_string())
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        Err(not_a_string())
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(not_a_string())
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(not_a_string())
    }
    fn serialize_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStruct, Error> {
        Err(not_a_string())
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(not_a_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;
    use serde_json::json;
    use std::collections::BTreeMap;

    fn ours<T: Serialize>(value: &T) -> Vec<u8> {
        // A first block of 16 bytes: long values also cross blocks.
        let line = to_line(value, 16).expect("writes");
        let mut out = Vec::new();
        line.write_to(&mut out).expect("writes");
        out
    }

    fn same_as_serde_json<T: Serialize>(value: &T) {
        let expected = serde_json::to_vec(value).expect("serializes");
        let got = ours(value);
        assert!(
            got == expected,
            "ours:   {}\nserde:  {}",
            String::from_utf8_lossy(&got),
            String::from_utf8_lossy(&expected)
        );
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        // Every ASCII byte, then each special byte at every offset within a word, among multibyte text.
        let ascii: String = (0u8..0x80).map(char::from).collect();
        same_as_serde_json(&ascii);
        for special in [
            "\"", "\\", "\n", "\u{1}", "\u{1f}", "\t", "\u{7f}", " ", "é", "—", "😀",
        ] {
            for pad in 0..20 {
                let s = format!(
                    "{}{special}{}",
                    "Putin ".get(..pad % 6).unwrap_or(""),
                    "x".repeat(pad)
                );
                same_as_serde_json(&s);
                same_as_serde_json(&format!("«Ukraine» {s}{s} said “no”"));
            }
        }
        same_as_serde_json(&"");
        same_as_serde_json(&"\"\"\\\\\n\r\u{8}\u{c}");
        same_as_serde_json(&'"');
        same_as_serde_json(&'é');
    }

    #[derive(Serialize)]
    enum Shape {
        Unit,
        Newtype(u8),
        Tuple(i64, f64),
        Struct { a: Option<u128>, b: Vec<i8> },
        EmptyStruct {},
        EmptyTuple(),
    }

    #[derive(Serialize)]
    #[serde(tag = "kind", rename_all = "snake_case")]
    enum Tagged {
        Plain { x: i32 },
        Wrapped(BTreeMap<String, f32>),
    }

    #[derive(Serialize)]
    struct Unit;

    #[derive(Serialize)]
    struct Record {
        #[serde(skip_serializing_if = "Option::is_none")]
        skipped: Option<String>,
        unit: Unit,
        unit_value: (),
        tuple: (u16, i16, bool),
        shapes: Vec<Shape>,
        tagged: Vec<Tagged>,
        #[serde(with = "bytes")]
        bytes: Vec<u8>,
        meta: serde_json::Value,
        #[serde(rename = "odd \"key\"\n")]
        odd: i128,
    }

    mod bytes {
        pub(super) fn serialize<S: serde::Serializer>(v: &[u8], s: S) -> Result<S::Ok, S::Error> {
            s.serialize_bytes(v)
        }
    }

    #[test]
    fn values_of_every_shape_are_written_as_serde_json_writes_them() {
        let record = Record {
            skipped: None,
            unit: Unit,
            unit_value: (),
            tuple: (u16::MAX, i16::MIN, true),
            shapes: vec![
                Shape::Unit,
                Shape::Newtype(7),
                Shape::Tuple(i64::MIN, -0.0),
                Shape::Struct {
                    a: Some(u128::MAX),
                    b: vec![],
                },
                Shape::Struct {
                    a: None,
                    b: vec![-1, 0, 1],
                },
                Shape::EmptyStruct {},
                Shape::EmptyTuple(),
            ],
            tagged: vec![
                Tagged::Plain { x: -42 },
                Tagged::Wrapped(BTreeMap::from([
                    ("a".into(), 1.5),
                    ("b\"".into(), f32::NAN),
                ])),
            ],
            bytes: vec![0, 255, 10],
            meta: json!({
                "url": "https://example.com/?q=\"x\"",
                "floats": [0.1, 1e300, -2.5e-8, 55.752, 37.6178, 1.0, 0.0],
                "ints": [0, -1, u64::MAX, i64::MIN],
                "nested": {"empty": {}, "list": [], "null": null, "t": true, "f": false},
            }),
            odd: i128::MIN,
        };
        same_as_serde_json(&record);
        same_as_serde_json(&f64::INFINITY);
        same_as_serde_json(&Vec::<Shape>::new());
        same_as_serde_json(&BTreeMap::<String, u8>::new());
    }

    #[test]
    fn a_short_word_is_its_bytes_padded_with_spaces() {
        let text = b"Kyiv\"\n\\ab";
        for start in 0..text.len() {
            for end in start..=text.len().min(start + 8) {
                let mut expected = [b' '; 8];
                expected[..end - start].copy_from_slice(&text[start..end]);
                assert_eq!(padded_word(&text[start..end]).to_le_bytes(), expected);
            }
        }
    }

    #[test]
    fn keys_other_than_strings_are_refused() {
        let map = BTreeMap::from([(1u32, "one")]);
        assert!(to_line(&map, 16).is_err());
    }
}
