//! The words the time scanner knows: months, weekdays, units, seasons, parts of day, numbers and ordinals.
//!
//! One table lookup per word token classifies it; everything else (cue words such as `last`, `ago`, `since`) is
//! compared as lower-cased text inside the matchers.

use super::calendar::Unit;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::LazyLock;

/// What a word is to the time scanner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Lex {
    /// Nothing time-related.
    Other,
    /// Month 1-12; `ambiguous` for words that are also common words or names (`May`, `March`) and for
    /// abbreviations without their dot.
    Month(u32, bool),
    /// Weekday 1 (Monday) to 7.
    Weekday(u32),
    /// Plural weekday (`Mondays`): a set.
    Weekdays(u32),
    /// A unit, singular.
    Unit(Unit),
    /// A unit, plural.
    Units(Unit),
    /// Season code (`SP`, `SU`, `FA`, `WI`).
    Season(&'static str),
    /// Part of day code (`MO`, `AF`, `EV`, `NI`).
    PartOfDay(&'static str),
    /// A number word (`two`, `twenty`, `dozen`).
    Number(f64),
    /// An ordinal (`third`, `15th`).
    Ordinal(u32),
    /// A word that is temporal by itself or inside a time phrase (`today`, `now`, `daily`, `fiscal`, `time`).
    Aux,
    /// A function word that opens a time phrase only when a temporal word follows (`the`, `last`, `about`).
    Cue,
}

use crate::text::{Fnv, Shape};

type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// Temporal by themselves or as heads of time phrases.
const AUX: &[&str] = &[
    "today",
    "today's",
    "tonight",
    "yesterday",
    "tomorrow",
    "now",
    "nowadays",
    "presently",
    "currently",
    "current",
    "recently",
    "lately",
    "soon",
    "recent",
    "daily",
    "weekly",
    "monthly",
    "annually",
    "yearly",
    "hourly",
    "quarterly",
    "nightly",
    "noon",
    "midnight",
    "midday",
    "future",
    "present",
    "past",
    "christmas",
    "easter",
    "thanksgiving",
    "halloween",
    "q1",
    "q2",
    "q3",
    "q4",
    "fiscal",
    "fy",
    "time",
    "while",
    "period",
    "term",
    "end",
    "beginning",
    "start",
    "middle",
    "half",
    "ago",
    "later",
    "earlier",
    "twenties",
    "thirties",
    "forties",
    "fifties",
    "sixties",
    "seventies",
    "eighties",
    "nineties",
    "independence",
    "labor",
    "labour",
    "memorial",
    "election",
    "valentine's",
    "valentine’s",
    "new",
    "every",
    "each",
    "per",
    "twice",
    "once",
];

/// Function words that open a time phrase when a temporal word follows within three tokens.
const CUES: &[&str] = &[
    "a",
    "an",
    "the",
    "its",
    "their",
    "this",
    "that",
    "these",
    "next",
    "coming",
    "following",
    "previous",
    "prior",
    "preceding",
    "upcoming",
    "early",
    "late",
    "mid",
    "about",
    "around",
    "almost",
    "nearly",
    "roughly",
    "approximately",
    "circa",
    "some",
    "several",
    "few",
    "many",
    "couple",
    "more",
    "less",
    "fewer",
    "longer",
    "shorter",
    "over",
    "under",
    "at",
    "up",
    "no",
    "just",
    "right",
    "multiple",
    "numerous",
    "year",
    "high",
];

static WORDS: LazyLock<FnvMap<&'static str, Lex>> = LazyLock::new(|| {
    let mut m: FnvMap<&'static str, Lex> =
        FnvMap::with_capacity_and_hasher(512, Default::default());
    let months = [
        ("january", 1),
        ("february", 2),
        ("march", 3),
        ("april", 4),
        ("may", 5),
        ("june", 6),
        ("july", 7),
        ("august", 8),
        ("september", 9),
        ("october", 10),
        ("november", 11),
        ("december", 12),
    ];
    for (w, n) in months {
        m.insert(w, Lex::Month(n, w == "may" || w == "march"));
    }
    for (w, n) in [
        ("jan", 1),
        ("feb", 2),
        ("mar", 3),
        ("apr", 4),
        ("jun", 6),
        ("jul", 7),
        ("aug", 8),
        ("sep", 9),
        ("sept", 9),
        ("oct", 10),
        ("nov", 11),
        ("dec", 12),
    ] {
        m.insert(w, Lex::Month(n, true));
    }
    for (w, n) in [
        ("monday", 1),
        ("tuesday", 2),
        ("wednesday", 3),
        ("thursday", 4),
        ("friday", 5),
        ("saturday", 6),
        ("sunday", 7),
    ] {
        m.insert(w, Lex::Weekday(n));
    }
    for (w, n) in [
        ("mondays", 1),
        ("tuesdays", 2),
        ("wednesdays", 3),
        ("thursdays", 4),
        ("fridays", 5),
        ("saturdays", 6),
        ("sundays", 7),
    ] {
        m.insert(w, Lex::Weekdays(n));
    }
    for (s, p, u) in [
        ("second", "seconds", Unit::Second),
        ("minute", "minutes", Unit::Minute),
        ("hour", "hours", Unit::Hour),
        ("day", "days", Unit::Day),
        ("week", "weeks", Unit::Week),
        ("weekend", "weekends", Unit::Weekend),
        ("fortnight", "fortnights", Unit::Fortnight),
        ("month", "months", Unit::Month),
        ("quarter", "quarters", Unit::Quarter),
        ("year", "years", Unit::Year),
        ("decade", "decades", Unit::Decade),
        ("century", "centuries", Unit::Century),
    ] {
        m.insert(s, Lex::Unit(u));
        m.insert(p, Lex::Units(u));
    }
    m.insert("hrs", Lex::Units(Unit::Hour));
    m.insert("mins", Lex::Units(Unit::Minute));
    m.insert("yrs", Lex::Units(Unit::Year));
    for (w, c) in [
        ("spring", "SP"),
        ("summer", "SU"),
        ("autumn", "FA"),
        ("fall", "FA"),
        ("winter", "WI"),
    ] {
        m.insert(w, Lex::Season(c));
    }
    for (w, c) in [
        ("morning", "MO"),
        ("afternoon", "AF"),
        ("evening", "EV"),
        ("night", "NI"),
        ("overnight", "NI"),
    ] {
        m.insert(w, Lex::PartOfDay(c));
    }
    let numbers = [
        ("one", 1.0),
        ("two", 2.0),
        ("three", 3.0),
        ("four", 4.0),
        ("five", 5.0),
        ("six", 6.0),
        ("seven", 7.0),
        ("eight", 8.0),
        ("nine", 9.0),
        ("ten", 10.0),
        ("eleven", 11.0),
        ("twelve", 12.0),
        ("thirteen", 13.0),
        ("fourteen", 14.0),
        ("fifteen", 15.0),
        ("sixteen", 16.0),
        ("seventeen", 17.0),
        ("eighteen", 18.0),
        ("nineteen", 19.0),
        ("twenty", 20.0),
        ("thirty", 30.0),
        ("forty", 40.0),
        ("fifty", 50.0),
        ("sixty", 60.0),
        ("seventy", 70.0),
        ("eighty", 80.0),
        ("ninety", 90.0),
        ("hundred", 100.0),
        ("thousand", 1000.0),
        ("dozen", 12.0),
    ];
    for (w, n) in numbers {
        m.insert(w, Lex::Number(n));
    }
    let ordinals = [
        ("first", 1),
        ("second", 2),
        ("third", 3),
        ("fourth", 4),
        ("fifth", 5),
        ("sixth", 6),
        ("seventh", 7),
        ("eighth", 8),
        ("ninth", 9),
        ("tenth", 10),
        ("eleventh", 11),
        ("twelfth", 12),
        ("thirteenth", 13),
        ("fourteenth", 14),
        ("fifteenth", 15),
        ("sixteenth", 16),
        ("seventeenth", 17),
        ("eighteenth", 18),
        ("nineteenth", 19),
        ("twentieth", 20),
        ("twenty-first", 21),
        ("twenty-second", 22),
        ("twenty-third", 23),
        ("twenty-fourth", 24),
        ("twenty-fifth", 25),
        ("twenty-sixth", 26),
        ("twenty-seventh", 27),
        ("twenty-eighth", 28),
        ("twenty-ninth", 29),
        ("thirtieth", 30),
        ("thirty-first", 31),
        ("last", 99),
    ];
    for (w, n) in ordinals {
        // "second" stays a unit; the quarter matcher asks for ordinals itself.
        m.entry(w).or_insert(Lex::Ordinal(n));
    }
    for w in AUX {
        m.entry(w).or_insert(Lex::Aux);
    }
    for w in CUES {
        m.entry(w).or_insert(Lex::Cue);
    }
    m
});

/// The lexicon bucketed by length and first two letters: most words of a text land in an empty bucket, the others
/// are compared with the one or two words of theirs. Cheaper than hashing every word of every text.
struct Buckets {
    /// Bucket `k` holds `words[starts[k]..starts[k + 1]]`.
    starts: Vec<u16>,
    /// Each word as its [`packed`] key: compared as one integer, without a `memcmp` call per candidate.
    words: Vec<(u128, Lex)>,
}

/// Longest word of the lexicon (`twenty-seventh`).
const MAX_LEN: usize = 14;

static BUCKETS: LazyLock<Buckets> = LazyLock::new(|| {
    let mut words: Vec<(&'static str, Lex)> = WORDS
        .iter()
        .filter(|(w, _)| !w.is_empty() && w.len() <= MAX_LEN)
        .map(|(w, l)| (*w, *l))
        .collect();
    words.sort_by_key(|(w, _)| bucket(w.as_bytes()));
    let mut starts = vec![0u16; bucket_count() + 1];
    for (w, _) in &words {
        starts[bucket(w.as_bytes()) + 1] += 1;
    }
    for k in 1..starts.len() {
        starts[k] += starts[k - 1];
    }
    let words = words
        .iter()
        .map(|(w, l)| (packed(w.as_bytes()), *l))
        .collect();
    Buckets { starts, words }
});

/// A word of 1 to [`MAX_LEN`] bytes as one integer, from two loads that together cover all its bytes (its first
/// and last eight, or four, or single bytes): two words of the same length (as in one bucket) have the same key only
/// when they are the same bytes. Fixed-size loads, without a `memcpy` call per word.
fn packed(w: &[u8]) -> u128 {
    let n = w.len();
    let word = |at: usize| -> u128 {
        w.get(at..at + 8)
            .and_then(|s| s.try_into().ok())
            .map_or(0, |b: [u8; 8]| u128::from(u64::from_le_bytes(b)))
    };
    let half = |at: usize| -> u128 {
        w.get(at..at + 4)
            .and_then(|s| s.try_into().ok())
            .map_or(0, |b: [u8; 4]| u128::from(u32::from_le_bytes(b)))
    };
    let byte = |at: usize| -> u128 { w.get(at).map_or(0, |&b| u128::from(b)) };
    if n >= 8 {
        word(0) | word(n - 8) << 64
    } else if n >= 4 {
        half(0) | half(n - 4) << 32
    } else if n > 0 {
        byte(0) | byte(n / 2) << 8 | byte(n - 1) << 16
    } else {
        0
    }
}

fn bucket_count() -> usize {
    (MAX_LEN + 1) * 32 * 32
}

/// Bucket of a word of 1 to [`MAX_LEN`] bytes.
fn bucket(w: &[u8]) -> usize {
    // 32 buckets per byte: letters map to themselves, anything else shares buckets.
    let a = w.first().map_or(0, |c| c & 31) as usize;
    let b = w.get(1).map_or(0, |c| c & 31) as usize;
    (w.len() * 32 + a) * 32 + b
}

/// Shapes (length, first two and last bytes) of the words of [`BUCKETS`]: a word whose shape is absent is not
/// listed, which one bit test tells before the call to [`lookup`].
static SHAPES: LazyLock<Shape> = LazyLock::new(|| {
    let mut shapes = Shape::default();
    for w in WORDS.keys().filter(|w| !w.is_empty() && w.len() <= MAX_LEN) {
        shapes.add(w);
    }
    shapes
});

/// Whether [`lookup`] may classify `lower` as something other than [`Lex::Other`]: a listed word's shape, or a
/// leading digit (`15th`). False rules the word out.
#[inline]
pub fn may_be_listed(lower: &str) -> bool {
    let b = lower.as_bytes();
    b.first().is_some_and(u8::is_ascii_digit) || SHAPES.may_hold_bytes(b)
}

/// Loads the tables.
pub fn preload() {
    LazyLock::force(&BUCKETS);
    LazyLock::force(&SHAPES);
}

/// Classifies a lower-cased word (without a final abbreviation dot).
pub fn lookup(lower: &str) -> Lex {
    let b = lower.as_bytes();
    if b.is_empty() || b.len() > MAX_LEN {
        return Lex::Other;
    }
    // No listed word starts with a digit: only `15th`-like ordinals.
    if b[0].is_ascii_digit() {
        return numeral_ordinal(lower);
    }
    let t = &*BUCKETS;
    let k = bucket(b);
    let (Some(&from), Some(&to)) = (t.starts.get(k), t.starts.get(k + 1)) else {
        return Lex::Other;
    };
    if from == to {
        return Lex::Other;
    }
    let key = packed(b);
    for (w, l) in t
        .words
        .get(usize::from(from)..usize::from(to))
        .unwrap_or(&[])
    {
        if *w == key {
            return *l;
        }
    }
    Lex::Other
}

/// `15th`, `1st`, `22nd`, `3rd`.
fn numeral_ordinal(lower: &str) -> Lex {
    let b = lower.as_bytes();
    if b.len() >= 3 {
        let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
        let suffix = &lower[digits..];
        if digits <= 3 && matches!(suffix, "st" | "nd" | "rd" | "th") {
            if let Ok(n) = lower[..digits].parse::<u32>() {
                return Lex::Ordinal(n);
            }
        }
    }
    Lex::Other
}

/// Ordinal value of a word, including `second` (which the table keeps as a unit).
pub fn ordinal(lower: &str) -> Option<u32> {
    match lookup(lower) {
        Lex::Ordinal(n) if n != 99 => Some(n),
        _ if lower == "second" => Some(2),
        _ => None,
    }
}

/// Value of a Roman numeral up to 39 in its canonical spelling (`xxi` 21, `xix` 19), as Russian and Ukrainian
/// English writes centuries (`the XXI century`); `None` for other words (`iiii`, `vx`, `mix`).
pub fn roman(lower: &str) -> Option<u32> {
    const ONES: [&str; 10] = ["", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"];
    let tens = lower.bytes().take_while(|&b| b == b'x').count();
    if tens > 3 || lower.is_empty() {
        return None;
    }
    let ones = ONES.iter().position(|o| *o == &lower[tens..])?;
    let n = (tens * 10 + ones) as u32;
    (n > 0).then_some(n)
}
