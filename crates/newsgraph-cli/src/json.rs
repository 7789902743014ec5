//! Compact JSON into a byte buffer, byte for byte what `serde_json::to_writer` writes, faster for documents.
//!
//! A document's JSON is mostly strings (the whole text, quotes, names) and keys: serde_json escapes them byte by
//! byte, this writer eight bytes at a time, and appends to a `Vec<u8>` without the `io::Write` layer. Anything it
//! does not handle the way serde_json would (map keys other than strings and integers) is an error, upon which
//! [`to_vec_into`] falls back to serde_json itself: the output never differs.

use serde::ser::{self, Serialize};
use std::fmt;

/// Appends the compact JSON of `value` to `out`, exactly as `serde_json::to_writer` would write it.
pub(crate) fn to_vec_into<T: Serialize + ?Sized>(
    out: &mut Vec<u8>,
    value: &T,
) -> serde_json::Result<()> {
    let start = out.len();
    if value.serialize(Writer { out: &mut *out }).is_ok() {
        return Ok(());
    }
    out.truncate(start);
    serde_json::to_writer(&mut *out, value)
}

/// Something this writer leaves to serde_json.
#[derive(Debug)]
pub(crate) struct Unsupported;

impl fmt::Display for Unsupported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("left to serde_json")
    }
}

impl std::error::Error for Unsupported {}

impl ser::Error for Unsupported {
    fn custom<M: fmt::Display>(_: M) -> Self {
        Unsupported
    }
}

type Result<T = ()> = std::result::Result<T, Unsupported>;

/// The bytes of `x` (eight bytes of text, little-endian) that serde_json escapes, as the high bit of each: a byte
/// below 0x20, `"` or `\`. Exact up to the lowest flagged byte (borrows may flag bytes after it), which is all
/// [`write_str`] uses.
fn escapes(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let zero_byte = |v: u64| v.wrapping_sub(ONES) & !v & HIGH;
    // Bytes >= 0x80 cannot be below 0x20; `!x` masks them out of the first test.
    let below_space = x.wrapping_sub(ONES * 0x20) & !x & HIGH;
    below_space | zero_byte(x ^ (ONES * u64::from(b'"'))) | zero_byte(x ^ (ONES * u64::from(b'\\')))
}

/// The first byte from `from` on that serde_json escapes, looking at eight bytes at a time.
fn next_escape(b: &[u8], from: usize) -> Option<usize> {
    let rest = b.get(from..)?;
    let mut chunks = rest.chunks_exact(8);
    let mut base = from;
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        let mask = escapes(u64::from_le_bytes(w));
        if mask != 0 {
            // The lowest flagged byte is exact.
            return Some(base + (mask.trailing_zeros() / 8) as usize);
        }
        base += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|&c| needs_escape(c))
        .map(|p| base + p)
}

/// Whether serde_json escapes byte `c`.
fn needs_escape(c: u8) -> bool {
    c < 0x20 || c == b'"' || c == b'\\'
}

/// Writes a struct's field name and its colon: `"name":`. Names are short and need no escape; checking that
/// byte by byte costs less than the word-at-a-time scan's setup.
fn write_key(out: &mut Vec<u8>, key: &str) {
    let b = key.as_bytes();
    if b.iter().any(|&c| needs_escape(c)) {
        write_str(out, key);
        out.push(b':');
        return;
    }
    out.reserve(b.len() + 3);
    out.push(b'"');
    out.extend_from_slice(b);
    out.extend_from_slice(b"\":");
}

/// Writes `s` as a JSON string with serde_json's escapes (`\"`, `\\`, `\b`, `\t`, `\n`, `\f`, `\r`, `\u00XX`).
fn write_str(out: &mut Vec<u8>, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let b = s.as_bytes();
    out.reserve(b.len() + 2);
    out.push(b'"');
    let mut run = 0; // start of the bytes not yet copied
    while let Some(k) = next_escape(b, run) {
        let Some(&c) = b.get(k) else {
            break;
        };
        out.extend_from_slice(&b[run..k]);
        match c {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            0x08 => out.extend_from_slice(b"\\b"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            0x0C => out.extend_from_slice(b"\\f"),
            b'\r' => out.extend_from_slice(b"\\r"),
            _ => out.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[usize::from(c >> 4)],
                HEX[usize::from(c & 0xF)],
            ]),
        }
        run = k + 1;
    }
    out.extend_from_slice(&b[run..]);
    out.push(b'"');
}

/// Writes `n` in decimal, two digits at a time.
fn write_u64(out: &mut Vec<u8>, mut n: u64) {
    const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
        2021222324252627282930313233343536373839\
        4041424344454647484950515253545556575859\
        6061626364656667686970717273747576777879\
        8081828384858687888990919293949596979899";
    let mut buf = [0u8; 20];
    let mut k = buf.len();
    while n >= 100 {
        let r = (n % 100) as usize * 2;
        n /= 100;
        k -= 2;
        buf[k..k + 2].copy_from_slice(&PAIRS[r..r + 2]);
    }
    if n >= 10 {
        let r = n as usize * 2;
        k -= 2;
        buf[k..k + 2].copy_from_slice(&PAIRS[r..r + 2]);
    } else {
        k -= 1;
        buf[k] = b'0' + n as u8;
    }
    out.extend_from_slice(&buf[k..]);
}

/// Writes an integer in decimal, as serde_json (itoa) does.
fn write_int(out: &mut Vec<u8>, negative: bool, mut n: u128) {
    if let Ok(small) = u64::try_from(n) {
        if negative {
            out.push(b'-');
        }
        write_u64(out, small);
        return;
    }
    let mut buf = [0u8; 40];
    let mut k = buf.len();
    loop {
        k -= 1;
        buf[k] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    if negative {
        k -= 1;
        buf[k] = b'-';
    }
    out.extend_from_slice(&buf[k..]);
}

/// The serializer: appends to `out`.
struct Writer<'a> {
    out: &'a mut Vec<u8>,
}

/// An array or object being written: whether its first element is still to come.
struct Compound<'a> {
    out: &'a mut Vec<u8>,
    first: bool,
    /// What closes it: `]`, `}`, or `]}` / `}}` for the variants of enums written as `{"variant": ...}`.
    close: &'static [u8],
}

impl Compound<'_> {
    fn comma(&mut self) {
        if !self.first {
            self.out.push(b',');
        }
        self.first = false;
    }
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        self.comma();
        value.serialize(Writer {
            out: &mut *self.out,
        })
    }
    fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result {
        self.comma();
        write_key(self.out, key);
        value.serialize(Writer {
            out: &mut *self.out,
        })
    }
    fn close(self) -> Result {
        self.out.extend_from_slice(self.close);
        Ok(())
    }
}

impl<'a> Writer<'a> {
    fn open(self, open: &[u8], close: &'static [u8]) -> Compound<'a> {
        self.out.extend_from_slice(open);
        Compound {
            out: self.out,
            first: true,
            close,
        }
    }
    /// `{"variant":` before the content of a newtype, tuple or struct variant.
    fn variant_key(&mut self, variant: &str) {
        self.out.push(b'{');
        write_str(self.out, variant);
        self.out.push(b':');
    }
    /// Floats as serde_json writes them (its shortest round-trip form; `null` when not finite).
    fn float<F: Serialize>(self, v: F) -> Result {
        serde_json::to_writer(&mut *self.out, &v).map_err(|_| Unsupported)
    }
}

impl<'a> ser::Serializer for Writer<'a> {
    type Ok = ();
    type Error = Unsupported;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    fn serialize_bool(self, v: bool) -> Result {
        self.out
            .extend_from_slice(if v { b"true" } else { b"false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i16(self, v: i16) -> Result {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i32(self, v: i32) -> Result {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i64(self, v: i64) -> Result {
        write_int(self.out, v < 0, u128::from(v.unsigned_abs()));
        Ok(())
    }
    fn serialize_i128(self, v: i128) -> Result {
        write_int(self.out, v < 0, v.unsigned_abs());
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u16(self, v: u16) -> Result {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u32(self, v: u32) -> Result {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u64(self, v: u64) -> Result {
        write_int(self.out, false, u128::from(v));
        Ok(())
    }
    fn serialize_u128(self, v: u128) -> Result {
        write_int(self.out, false, v);
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Result {
        self.float(v)
    }
    fn serialize_f64(self, v: f64) -> Result {
        self.float(v)
    }
    fn serialize_char(self, v: char) -> Result {
        write_str(self.out, v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result {
        write_str(self.out, v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result {
        let mut seq = self.open(b"[", b"]");
        for b in v {
            seq.element(b)?;
        }
        seq.close()
    }
    fn serialize_none(self) -> Result {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result {
        self.out.extend_from_slice(b"null");
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        mut self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result {
        self.variant_key(variant);
        value.serialize(Writer {
            out: &mut *self.out,
        })?;
        self.out.push(b'}');
        Ok(())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'a>> {
        Ok(self.open(b"[", b"]"))
    }
    fn serialize_tuple(self, len: usize) -> Result<Compound<'a>> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<Compound<'a>> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        mut self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>> {
        self.variant_key(variant);
        Ok(self.open(b"[", b"]}"))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Compound<'a>> {
        Ok(self.open(b"{", b"}"))
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Compound<'a>> {
        Ok(self.open(b"{", b"}"))
    }
    fn serialize_struct_variant(
        mut self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>> {
        self.variant_key(variant);
        Ok(self.open(b"{", b"}}"))
    }
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        self.element(value)
    }
    fn end(self) -> Result {
        self.close()
    }
}

impl ser::SerializeTuple for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        self.element(value)
    }
    fn end(self) -> Result {
        self.close()
    }
}

impl ser::SerializeTupleStruct for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        self.element(value)
    }
    fn end(self) -> Result {
        self.close()
    }
}

impl ser::SerializeTupleVariant for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        self.element(value)
    }
    fn end(self) -> Result {
        self.close()
    }
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result {
        self.comma();
        key.serialize(KeyWriter {
            out: &mut *self.out,
        })?;
        self.out.push(b':');
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        value.serialize(Writer {
            out: &mut *self.out,
        })
    }
    fn end(self) -> Result {
        self.close()
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result {
        self.field(key, value)
    }
    fn end(self) -> Result {
        self.close()
    }
}

impl ser::SerializeStructVariant for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result {
        self.field(key, value)
    }
    fn end(self) -> Result {
        self.close()
    }
}

/// Map keys: strings as strings, integers quoted (as serde_json does); anything else is left to serde_json.
struct KeyWriter<'a> {
    out: &'a mut Vec<u8>,
}

impl KeyWriter<'_> {
    fn quoted_int(self, negative: bool, n: u128) -> Result {
        self.out.push(b'"');
        write_int(self.out, negative, n);
        self.out.push(b'"');
        Ok(())
    }
}

impl ser::Serializer for KeyWriter<'_> {
    type Ok = ();
    type Error = Unsupported;
    type SerializeSeq = ser::Impossible<(), Unsupported>;
    type SerializeTuple = ser::Impossible<(), Unsupported>;
    type SerializeTupleStruct = ser::Impossible<(), Unsupported>;
    type SerializeTupleVariant = ser::Impossible<(), Unsupported>;
    type SerializeMap = ser::Impossible<(), Unsupported>;
    type SerializeStruct = ser::Impossible<(), Unsupported>;
    type SerializeStructVariant = ser::Impossible<(), Unsupported>;

    fn serialize_str(self, v: &str) -> Result {
        write_str(self.out, v);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result {
        write_str(self.out, v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result {
        value.serialize(self)
    }
    fn serialize_i8(self, v: i8) -> Result {
        self.quoted_int(v < 0, u128::from(v.unsigned_abs()))
    }
    fn serialize_i16(self, v: i16) -> Result {
        self.quoted_int(v < 0, u128::from(v.unsigned_abs()))
    }
    fn serialize_i32(self, v: i32) -> Result {
        self.quoted_int(v < 0, u128::from(v.unsigned_abs()))
    }
    fn serialize_i64(self, v: i64) -> Result {
        self.quoted_int(v < 0, u128::from(v.unsigned_abs()))
    }
    fn serialize_i128(self, v: i128) -> Result {
        self.quoted_int(v < 0, v.unsigned_abs())
    }
    fn serialize_u8(self, v: u8) -> Result {
        self.quoted_int(false, u128::from(v))
    }
    fn serialize_u16(self, v: u16) -> Result {
        self.quoted_int(false, u128::from(v))
    }
    fn serialize_u32(self, v: u32) -> Result {
        self.quoted_int(false, u128::from(v))
    }
    fn serialize_u64(self, v: u64) -> Result {
        self.quoted_int(false, u128::from(v))
    }
    fn serialize_u128(self, v: u128) -> Result {
        self.quoted_int(false, v)
    }
    fn serialize_bool(self, _v: bool) -> Result {
        Err(Unsupported)
    }
    fn serialize_f32(self, _v: f32) -> Result {
        Err(Unsupported)
    }
    fn serialize_f64(self, _v: f64) -> Result {
        Err(Unsupported)
    }
    fn serialize_bytes(self, _v: &[u8]) -> Result {
        Err(Unsupported)
    }
    fn serialize_none(self) -> Result {
        Err(Unsupported)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _value: &T) -> Result {
        Err(Unsupported)
    }
    fn serialize_unit(self) -> Result {
        Err(Unsupported)
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result {
        Err(Unsupported)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result {
        Err(Unsupported)
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq> {
        Err(Unsupported)
    }
    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple> {
        Err(Unsupported)
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct> {
        Err(Unsupported)
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant> {
        Err(Unsupported)
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap> {
        Err(Unsupported)
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Self::SerializeStruct> {
        Err(Unsupported)
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant> {
        Err(Unsupported)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsgraph::document::Output;
    use newsgraph::{Article, Pipeline};
    use serde_json::json;
    use std::collections::BTreeMap;

    fn same<T: Serialize + ?Sized>(v: &T) {
        let want = serde_json::to_vec(v).expect("serde_json");
        let mut got = b"prefix".to_vec();
        to_vec_into(&mut got, v).expect("writer");
        assert_eq!(
            String::from_utf8_lossy(&got[6..]),
            String::from_utf8_lossy(&want)
        );
        // And without the fallback: the writer itself handles it.
        let mut direct = Vec::new();
        v.serialize(Writer { out: &mut direct }).expect("direct");
        assert_eq!(direct, want);
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let mut all_bytes = String::new();
        for c in (0u8..0x80).map(char::from) {
            all_bytes.push(c);
        }
        for s in [
            "",
            "plain",
            "exactly8",
            "“Quoted,” he said — in Kyiv’s centre.",
            "tab\there\nnew line\r\u{8}\u{c}\u{1}\u{1f}\u{7f}",
            "back\\slash \"quote\" /slash",
            "0123456789abcdef\"0123456789abcdef\\",
            "ünïcödé 日本語 🙂 at the end\n",
            all_bytes.as_str(),
        ] {
            same(s);
            same(&s.repeat(3));
            // Every alignment of the escapes within the eight-byte blocks.
            for k in 0..9 {
                same(&format!("{}{s}", "x".repeat(k)));
            }
        }
        same(&'"');
        same(&'\n');
    }

    #[test]
    fn values_of_every_shape_match_serde_json() {
        #[derive(serde::Serialize)]
        enum E {
            Unit,
            New(u8),
            Tuple(i32, String),
            Struct { a: Option<f64>, b: Vec<bool> },
        }
        #[derive(serde::Serialize)]
        #[serde(tag = "type", rename_all = "snake_case")]
        enum Tagged {
            One { x: u64 },
        }
        #[derive(serde::Serialize)]
        struct S<'a> {
            e: Vec<E>,
            t: Tagged,
            unit: (),
            tuple: (i8, u128, i128),
            bytes: &'a [u8],
            #[serde(skip_serializing_if = "Option::is_none")]
            skipped: Option<u8>,
            ints: BTreeMap<i32, &'a str>,
            empty: Vec<u8>,
            empty_map: BTreeMap<String, u8>,
        }
        let v = S {
            e: vec![
                E::Unit,
                E::New(7),
                E::Tuple(-3, "t\"".into()),
                E::Struct {
                    a: Some(1.5),
                    b: vec![true, false],
                },
                E::Struct { a: None, b: vec![] },
            ],
            t: Tagged::One { x: u64::MAX },
            unit: (),
            tuple: (i8::MIN, u128::MAX, i128::MIN),
            bytes: b"ab",
            skipped: None,
            ints: [(-1, "minus"), (0, "zero"), (i32::MAX, "max")]
                .into_iter()
                .collect(),
            empty: vec![],
            empty_map: BTreeMap::new(),
        };
        same(&v);
        same(&json!({
            "f": [0.1, 1e300, -2.5e-8, 100.0, f64::MIN_POSITIVE, 3.0f32],
            "n": null, "s": "x\u{0}y", "nested": {"a": [1, -2, {"b": []}], "": ""}
        }));
        same(&[f64::NAN, f64::INFINITY]);
        same(&(i64::MIN, i64::MAX, u64::MAX));
        same(&[
            0u64,
            9,
            10,
            99,
            100,
            101,
            999,
            1000,
            65_536,
            12_345_678_901_234_567_890,
        ]);
        same(&[-1i64, -9, -10, -100, -101]);
    }

    #[test]
    fn keys_it_does_not_write_fall_back_to_serde_json() {
        let m: BTreeMap<bool, u8> = [(true, 1)].into_iter().collect();
        let mut out = Vec::new();
        let want = serde_json::to_vec(&m);
        let got = to_vec_into(&mut out, &m);
        assert_eq!(got.is_ok(), want.is_ok());
        if let Ok(want) = want {
            assert_eq!(out, want);
        }
    }

    #[test]
    fn documents_match_serde_json() {
        let p = Pipeline::builder().build();
        for text in [
            "Kyiv, March 3 (Reuters) - “We will not give up,” President Volodymyr Zelenskiy said on Tuesday.\n\n\
             Russia's Defence Ministry said 2,000 troops had left Crimea, a 15% cut worth $3 billion.\n\n\
             Back\\slash, \"quotes\" and a\ttab.",
            "   ",
            "Paris, Texas.\u{1}\r\nLONDON — The Bank of England raised rates to 5.25% on Aug. 3, 2023.",
        ] {
            let a = Article::parse("doc \"1\"", text);
            let out = match p.extract(&a) {
                Ok(d) => Output::Document(Box::new(d)),
                Err(e) => Output::Error(newsgraph::document::ErrorRecord::new("doc", &e)),
            };
            same(&out);
        }
    }
}
