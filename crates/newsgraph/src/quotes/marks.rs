//! Pairs quotation marks into quotations, one pass per paragraph.
//!
//! Curly marks have a direction; straight `"` and the typewriter `''` take theirs from the neighbouring
//! characters and the current state. Single marks inside a double quotation are nested quotes and never end it;
//! at the top level they count only in headlines (`Putin: ‘No invasion’`), where they replace double marks.
//! A quotation left open at the end of its paragraph continues into the next paragraph when that one reopens with
//! a mark (the news convention); otherwise it ends at the paragraph end, so one stray mark never swallows the
//! article. Linear in the text.

use crate::pipeline::Context;

/// A quotation found by its marks (byte offsets).
#[derive(Debug, Clone)]
#[allow(dead_code)] // `closed`/`continues_next` document the pairing and serve tests.
pub(crate) struct Quotation {
    /// Byte of the opening mark.
    pub start: usize,
    /// Byte after the closing mark, or after the last non-space byte of the paragraph when unclosed.
    pub end: usize,
    /// The quoted words, without the marks.
    pub inner_start: usize,
    /// End of the quoted words.
    pub inner_end: usize,
    /// Whether a closing mark was found.
    pub closed: bool,
    /// Paragraph index.
    pub para: usize,
    /// Continues a quotation left open at the end of the previous paragraph.
    pub continues_previous: bool,
    /// Left open, and the next paragraph reopens it.
    pub continues_next: bool,
}

#[derive(Clone, Copy, PartialEq)]
enum Mark {
    Open,
    Close,
    Either,
}

/// The double mark at byte `i` (kind and byte length), if any.
fn double_mark(b: &[u8], text: &str, i: usize) -> Option<(Mark, usize)> {
    match b[i] {
        b'"' => Some((Mark::Either, 1)),
        b'\'' if b.get(i + 1) == Some(&b'\'') => Some((Mark::Either, 2)),
        b'`' if b.get(i + 1) == Some(&b'`') => Some((Mark::Open, 2)),
        0xE2 | 0xC2 => {
            let c = text[i..].chars().next()?;
            match c {
                '“' | '„' | '‟' | '«' => Some((Mark::Open, c.len_utf8())),
                '”' | '»' => Some((Mark::Close, c.len_utf8())),
                _ => None,
            }
        }
        _ => None,
    }
}

/// The single mark at byte `i` (for headlines), if any.
fn single_mark(b: &[u8], text: &str, i: usize) -> Option<(Mark, usize)> {
    match b[i] {
        b'\'' => Some((Mark::Either, 1)),
        0xE2 => {
            let c = text[i..].chars().next()?;
            match c {
                '‘' => Some((Mark::Open, 3)),
                '’' => Some((Mark::Close, 3)),
                _ => None,
            }
        }
        _ => None,
    }
}

fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i)?.chars().next_back()
}

fn char_after(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

fn trim_end(text: &str, start: usize, end: usize) -> usize {
    let s = text.get(start..end).unwrap_or("");
    start + s.trim_end().len()
}

fn opens_with_mark(text: &str, range: std::ops::Range<usize>) -> bool {
    let s = text.get(range).unwrap_or("").trim_start();
    s.starts_with('“')
        || s.starts_with('"')
        || s.starts_with("''")
        || s.starts_with('„')
        || s.starts_with('«')
        || s.starts_with("``")
}

/// Bytes that can start a double or single mark: `"`, `'`, `` ` `` and the lead bytes of `“”„‟‘’` (0xE2) and
/// `«»` (0xC2).
static MARK_START: [bool; 256] = {
    let mut t = [false; 256];
    t[b'"' as usize] = true;
    t[b'\'' as usize] = true;
    t[b'`' as usize] = true;
    t[0xE2] = true;
    t[0xC2] = true;
    t
};

/// The first byte in `b[i..end]` that can start a mark (see [`MARK_START`]), else `end`. Eight bytes are tested
/// at a time: plain ASCII text without `"`, `'` or `` ` `` is skipped whole, and only the eight bytes holding a
/// candidate (or a non-ASCII byte) are looked at one by one.
#[inline]
fn next_mark_start(b: &[u8], mut i: usize, end: usize) -> usize {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let end = end.min(b.len());
    // Exact for bytes below 0x80 (the only ones it sees): the high bit of a byte is set where `x` has a zero byte.
    let zero_byte = |x: u64| x.wrapping_sub(LO) & !x & HI;
    while i + 8 <= end {
        let Some(x) = b
            .get(i..i + 8)
            .and_then(|s| <[u8; 8]>::try_from(s).ok())
            .map(u64::from_le_bytes)
        else {
            break;
        };
        let candidate = x & HI != 0
            || (zero_byte(x ^ (LO * 0x22))
                | zero_byte(x ^ (LO * 0x27))
                | zero_byte(x ^ (LO * 0x60)))
                != 0;
        if candidate {
            for (k, &c) in b[i..i + 8].iter().enumerate() {
                if MARK_START[usize::from(c)] {
                    return i + k;
                }
            }
        }
        i += 8;
    }
    while i < end && !MARK_START[usize::from(b[i])] {
        i += 1;
    }
    i
}

/// All quotations of the article, in text order.
pub(crate) fn find(ctx: &Context) -> Vec<Quotation> {
    let text = ctx.text;
    let b = text.as_bytes();
    let mut out: Vec<Quotation> = Vec::new();
    let mut carried = false;
    for (pi, para) in ctx.paragraphs.iter().enumerate() {
        let headline = para.title || para.heading;
        let (ps, pe) = (para.range.start, para.range.end.min(text.len()));
        // (byte of the opening mark, its length)
        let mut open: Option<(usize, usize)> = None;
        let mut first_in_para = true;
        let mut continues_previous = false;
        if carried && opens_with_mark(text, ps..pe) {
            continues_previous = true;
        }
        carried = false;
        let mut i = ps;
        while i < pe {
            let mut mark = double_mark(b, text, i);
            if mark.is_none() && headline {
                mark = single_mark(b, text, i);
                // An apostrophe inside a word is not a mark.
                if let Some((_, l)) = mark {
                    let before = char_before(text, i).is_some_and(char::is_alphanumeric);
                    let after = char_after(text, i + l).is_some_and(char::is_alphanumeric);
                    if before && after {
                        mark = None;
                    }
                }
            }
            let Some((kind, len)) = mark else {
                i = next_mark_start(b, i + 1, pe);
                continue;
            };
            let before = char_before(text, i);
            let after = char_after(text, i + len);
            let space_before = before.map_or(true, |c| c.is_whitespace() || "([{—–-/".contains(c));
            let word_after = after.is_some_and(|c| c.is_alphanumeric() || "….$£€[(".contains(c));
            let looks_open = space_before && word_after;
            let looks_close = !space_before && !word_after;
            match (open, kind) {
                // A closing mark used to open (`”Fear. I am afraid...`), at a word start.
                (None, Mark::Close) if looks_open => open = Some((i, len)),
                (None, Mark::Close) => {}
                (None, Mark::Either) if looks_close => {}
                (None, _) => open = Some((i, len)),
                (Some((o, ol)), Mark::Open) | (Some((o, ol)), Mark::Either)
                    if kind == Mark::Open || (looks_open && !looks_close) =>
                {
                    // A new opening while one is open: the first lost its closing mark.
                    let end = trim_end(text, o, i);
                    out.push(Quotation {
                        start: o,
                        end,
                        inner_start: o + ol,
                        inner_end: end.max(o + ol),
                        closed: false,
                        para: pi,
                        continues_previous: continues_previous && first_in_para,
                        continues_next: false,
                    });
                    first_in_para = false;
                    open = Some((i, len));
                }
                (Some((o, ol)), _) => {
                    out.push(Quotation {
                        start: o,
                        end: i + len,
                        inner_start: o + ol,
                        inner_end: i,
                        closed: true,
                        para: pi,
                        continues_previous: continues_previous && first_in_para,
                        continues_next: false,
                    });
                    first_in_para = false;
                    open = None;
                }
            }
            i += len;
        }
        if let Some((o, ol)) = open {
            let next = ctx.paragraphs.get(pi + 1);
            let continues_next = next
                .is_some_and(|n| !n.heading && !n.title && opens_with_mark(text, n.range.clone()));
            let end = trim_end(text, o, pe);
            out.push(Quotation {
                start: o,
                end,
                inner_start: o + ol,
                inner_end: end.max(o + ol),
                closed: false,
                para: pi,
                continues_previous: continues_previous && first_in_para,
                continues_next,
            });
            carried = continues_next;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mark_start_scan_matches_the_byte_loop() {
        let texts = [
            "He said \"no\" and left.",
            "Plain ASCII text without any marks at all, long enough for several chunks.",
            "Russia\u{2019}s president \u{2014} \u{201c}we will\u{201d} \u{00ab}yes\u{00bb} `x' end",
            "12345678'",
            "",
            "\u{0416}\u{0416}\u{0416}\u{0416}\u{0416} abcdefgh\"",
        ];
        for text in texts {
            let b = text.as_bytes();
            for start in 0..=b.len() {
                for end in start..=b.len() {
                    let mut i = start;
                    while i < end && !MARK_START[usize::from(b[i])] {
                        i += 1;
                    }
                    assert_eq!(next_mark_start(b, start, end), i, "{text:?} {start}..{end}");
                }
            }
        }
    }

    fn quoted(text: &str) -> Vec<String> {
        let ctx = Context::from_text(text, None);
        find(&ctx)
            .iter()
            .map(|q| text[q.start..q.end].to_string())
            .collect()
    }

    #[test]
    fn pairs_curly_straight_and_typewriter_marks() {
        assert_eq!(
            quoted("“It’s a process that will take some time,” he explained."),
            vec!["“It’s a process that will take some time,”"]
        );
        assert_eq!(
            quoted("\"We are pleased,\" Trump lawyer Marc Kasowitz said."),
            vec!["\"We are pleased,\""]
        );
        assert_eq!(
            quoted("''You'd like to pay cash for your house, too,'' he said."),
            vec!["''You'd like to pay cash for your house, too,''"]
        );
    }

    #[test]
    fn nested_single_quotes_do_not_end_the_quote() {
        assert_eq!(
            quoted("“You say you ‘accept responsibility,’ and that is not enough,” Merkley said."),
            vec!["“You say you ‘accept responsibility,’ and that is not enough,”"]
        );
    }

    #[test]
    fn unbalanced_mark_recovers_at_paragraph_end() {
        let text = "He called it “a hoax and left.\n\nThe next paragraph has “its own” quote.";
        assert_eq!(quoted(text), vec!["“a hoax and left.", "“its own”"]);
    }

    #[test]
    fn multi_paragraph_quote_continues() {
        let text = "“We will win. We always win.\n\n“And we will keep winning,” he said.";
        let ctx = Context::from_text(text, None);
        let q = find(&ctx);
        assert_eq!(q.len(), 2);
        assert!(q[0].continues_next && !q[0].closed);
        assert!(q[1].continues_previous && q[1].closed);
    }
}
