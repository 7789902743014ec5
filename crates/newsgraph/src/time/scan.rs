//! The token-level scanner: matchers for each family of expressions, longest match wins.

use super::calendar::{self as cal, Direction, Unit};
use super::lexicon::{self, Lex};
use super::{Interval, Timex, TimexType};
use crate::pipeline::Context;
use crate::text::{Shape, TokenKind, HYPHEN};
use chrono::{Datelike, NaiveDate, Weekday};
use std::sync::LazyLock;

/// Whether `p`, the word before a month name, asks for a time ("in May", "since April", "early June"): then a
/// month word that is also a name ("Theresa May", "April Mellody") is the month.
fn is_month_cue(p: &str) -> bool {
    matches!(
        p,
        "in" | "since"
            | "until"
            | "till"
            | "by"
            | "from"
            | "through"
            | "early"
            | "late"
            | "mid"
            | "last"
            | "next"
            | "this"
            | "of"
            | "during"
            | "before"
            | "after"
            | "between"
            | "each"
            | "every"
            | "end"
            | "mid-"
    )
}

/// A token as the scanner sees it: one per token of the document, so kept small (its byte range is read from the
/// context's token of the same index).
#[derive(Debug, Clone, Copy)]
struct Tok<'t> {
    /// Lower-cased surface without a final abbreviation dot.
    low: &'t str,
    /// The surface ended with a dot (`Sept.`).
    dot: bool,
    kind: TokenKind,
    /// First character is upper case.
    cap: bool,
    lex: Lex,
    /// Value of an all-digit token (up to 9 digits).
    int: Option<u32>,
    /// Number of digits of an all-digit token.
    ndig: u8,
    /// The token holds a hyphen (`two-year`), from the tokenizer's byte classes.
    hyphen: bool,
    /// The token starts where the one before it ends, with no space between (`second-`).
    glued: bool,
}

/// Nouns after `Christmas` that name things, not the day (`Christmas tree`, `Christmas cards`).
const CHRISTMAS_THINGS: &[&str] = &[
    "tree",
    "trees",
    "card",
    "cards",
    "cookie",
    "cookies",
    "carol",
    "carols",
    "gift",
    "gifts",
    "present",
    "presents",
    "decoration",
    "decorations",
    "ornament",
    "ornaments",
    "lights",
    "stocking",
    "stockings",
    "ad",
    "ads",
    "song",
    "songs",
    "movie",
    "movies",
    "sweater",
    "sweaters",
];

/// A match: token range `a..b` and its normalization.
#[derive(Debug, Clone)]
struct Cand {
    a: usize,
    b: usize,
    kind: TimexType,
    value: String,
    modifier: Option<&'static str>,
    /// Computed from an earlier expression (not an anchor for later ones).
    derived: bool,
}

fn cand(a: usize, b: usize, kind: TimexType, value: String) -> Option<Cand> {
    Some(Cand {
        a,
        b,
        kind,
        value,
        modifier: None,
        derived: false,
    })
}

fn derived(c: Option<Cand>) -> Option<Cand> {
    c.map(|mut c| {
        c.derived = true;
        c
    })
}

/// Quantities in front of units: a number, or a vague one (`several`, `a few`).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Qty {
    N(f64),
    Vague,
}

const C_STOP_BACK: u16 = 1;
const C_STOP_FWD: u16 = 2;
const C_FUTURE: u16 = 4;
const C_PAST: u16 = 8;
const C_REPORT: u16 = 16;
const C_STRONG_PAST: u16 = 32;
const C_WEAK_PAST: u16 = 64;
const C_TO: u16 = 128;
const C_IS: u16 = 256;
/// "planned", "planning": a plan points ahead to the date that follows it ("planned a rally on Saturday"), but
/// after the date it is the narrative's past ("On Friday, the government planned to pay...").
const C_PLAN: u16 = 512;

const FUTURE_CUES: &[&str] = &[
    "will",
    "'ll",
    "’ll",
    "shall",
    "wo",
    "going",
    "scheduled",
    "schedule",
    "due",
    "expected",
    "expects",
    "expect",
    "plans",
    "plan",
    "soon",
    "intends",
    "intend",
    "would",
    "should",
    "must",
    "may",
    "could",
    "might",
    "upcoming",
    "slated",
    "effective",
    "hopes",
    "aims",
    "next",
    "tomorrow",
    // The news present for a scheduled event: "a two-day summit opens Monday", "Arafat meets Albright
    // Tuesday" (not the base form: "difficult to meet demand well into the summer").
    "opens",
    "begins",
    "starts",
    "resumes",
    "meets",
    "arrives",
    "visits",
    "convenes",
    "expires",
    "closes",
];

/// The plural forms of the scheduled-event verbs of `FUTURE_CUES` ("the two leaders meet Monday").
const SCHEDULED_PLURAL: &[&str] = &["meet", "convene", "resume", "begin", "arrive"];

/// Words that, before "to", announce something still to come ("planned to", "set to", "agreed to").
const INTENT_BEFORE_TO: &[&str] = &[
    "planned",
    "planning",
    "set",
    "poised",
    "preparing",
    "prepared",
    "agreed",
    "promised",
    "pledged",
    "vowed",
    "wants",
    "wanted",
    "hoped",
    "hoping",
    "decided",
    "ready",
];

const PAST_CUES: &[&str] = &[
    "said",
    "says",
    "told",
    "was",
    "were",
    "had",
    "did",
    "since",
    "ago",
    "announced",
    "reported",
    "last",
    "yesterday",
    "earlier",
    "has",
    "have",
    "been",
];

/// "-ed" words that are not past-tense verbs.
const NOT_PAST_ED: &[&str] = &[
    "united", "hundred", "indeed", "proceed", "succeed", "exceed", "speed", "breed", "greed",
    "kindred", "sacred", "naked", "wicked",
];

/// Irregular past-tense verbs frequent in news narration ("In January, the company brought in a new chief").
const IRREGULAR_PAST: &[&str] = &[
    "ate",
    "became",
    "began",
    "bought",
    "brought",
    "built",
    "came",
    "caught",
    "chose",
    "dealt",
    "drew",
    "drove",
    "fell",
    "felt",
    "fled",
    "flew",
    "fought",
    "found",
    "gave",
    "got",
    "grew",
    "heard",
    "held",
    "hit",
    "kept",
    "knew",
    "led",
    "left",
    "lost",
    "made",
    "meant",
    "met",
    "paid",
    "ran",
    "rose",
    "sank",
    "sat",
    "saw",
    "sent",
    "shot",
    "shook",
    "slid",
    "sold",
    "sought",
    "spent",
    "spoke",
    "stood",
    "stole",
    "struck",
    "swept",
    "took",
    "taught",
    "thought",
    "threw",
    "tore",
    "underwent",
    "went",
    "withdrew",
    "won",
    "wore",
    "wrote",
];

/// Words that may follow a time phrase opening a clause ("that summer when...", "that winter the army...").
const CLAUSE_OPENERS: &[&str] = &[
    "when", "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "his", "her", "their",
    "its", "as", "and", "but", "after", "before", "while", "in", "on", "at", "to", "with", "was",
    "were", "had", "there", "this", "that", "for", "of", "by", "until", "from", "alone", "too",
    "also", "again",
];

const ZONES: &[&str] = &[
    "gmt", "utc", "est", "edt", "cst", "cdt", "pst", "pdt", "mst", "mdt", "bst", "cet", "cest",
    "msk", "eet", "eest", "ist", "jst", "z",
];

/// Shapes of every word [`Scanner::cue`] looks for in its lists: most words are ruled out before comparing them
/// with the lists one by one.
static CUE_SHAPES: LazyLock<Shape> = LazyLock::new(|| {
    let mut shapes = Shape::default();
    let others = [
        ";", ".", ",", "“", "”", "\"", "``", "''", "ago", "last", "earlier", "since", "ended",
        "to", "planned", "planning", "is", "are",
    ];
    for w in FUTURE_CUES
        .iter()
        .chain(SCHEDULED_PLURAL)
        .chain(PAST_CUES)
        .chain(IRREGULAR_PAST)
        .chain(&others)
    {
        shapes.add(w);
    }
    shapes
});

struct Scanner<'c> {
    toks: Vec<Tok<'c>>,
    dct: Option<NaiveDate>,
    /// Token limit of the current paragraph (exclusive).
    lim: usize,
    /// Token bounds of the current sentence (for tense).
    lo: usize,
    hi: usize,
    /// Last day-level date mentioned (anchor for "the next day", "a day later").
    ref_day: Option<NaiveDate>,
    /// Token where `ref_day` was mentioned.
    ref_day_at: usize,
    /// Whether the last date mentioned named only its month ("last October"), after `ref_day`.
    month_last: bool,
    /// First token of the current paragraph.
    para_lo: usize,
    /// A day in the last month mentioned (anchor for "that month", "the following month").
    ref_month: Option<NaiveDate>,
    /// A day in the last year mentioned (anchor for "that year", "later that year").
    ref_year: Option<NaiveDate>,
    /// Last quarter mentioned and the token where it ended (anchor for "a year earlier" in earnings news).
    ref_quarter: Option<(String, usize)>,
    /// Last quarter named, a year-ago one too (anchor for "that quarter").
    last_quarter: Option<String>,
    /// Tense-cue flags per token, `u16::MAX` until computed.
    cue_cache: Vec<std::cell::Cell<u16>>,
    /// Whether the current sentence is a heading or written in title case ("Kremlin Plans 2024 Budget"), where
    /// a capitalized word before a year says nothing about a name; `None` until a year asks (most sentences have
    /// none).
    title_case: std::cell::Cell<Option<bool>>,
    /// Whether the document speaks of the Orthodox church (its Easter is the Julian one); `None` until an Easter
    /// asks.
    orthodox: std::cell::Cell<Option<bool>>,
    /// The article's main country keeps the Orthodox Easter.
    orthodox_country: bool,
    /// `(a, b)`: no token in `a..b` is a quarter word ([`quarter_word`]). Scans move forward, so the look-ahead of
    /// [`Scanner::m_quarter`] reads each token once instead of eleven times.
    no_quarter: std::cell::Cell<(usize, usize)>,
    /// The last [`Scanner::quantity_unit`] asked for: its token, the sentence and paragraph bounds it read
    /// (`lo`, `lim`) and its answer ([`Scanner::m_ago`] and [`Scanner::m_duration`] ask for the same token).
    last_quantity_unit: std::cell::Cell<Option<QuantityUnitMemo>>,
}

/// A memo of [`Scanner::quantity_unit`]: token, `lo`, `lim`, answer.
type QuantityUnitMemo = (usize, usize, usize, Option<(Qty, Unit, bool, usize)>);

/// Finds and normalizes the time expressions of the text in `ctx`.
pub fn extract(ctx: &Context, orthodox_country: bool) -> Vec<Timex> {
    let lower = ctx.text.to_ascii_lowercase();
    let text = ctx.text;
    let toks: Vec<Tok> = ctx
        .tokens
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let raw = &lower[t.start..t.end];
            let (low, dot) = match raw.strip_suffix('.') {
                Some(s) if !s.is_empty() && t.kind == TokenKind::Word => (s, true),
                _ => (raw, false),
            };
            // Runs on every token: ASCII first letters (nearly all) are tested without decoding a char.
            let cap = match text.as_bytes().get(t.start) {
                Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
                _ => text[t.start..t.end]
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase),
            };
            let (int, ndig) = if t.kind == TokenKind::Number && low.len() <= 9 {
                // The value of an all-digit token, read in the same pass that checks its digits.
                low.bytes()
                    .try_fold(0u32, |n, b| {
                        b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
                    })
                    .filter(|_| !low.is_empty())
                    .map_or((None, 0), |n| (Some(n), low.len() as u8))
            } else {
                (None, 0)
            };
            let lex = if t.kind == TokenKind::Word && lexicon::may_be_listed(low) {
                lexicon::lookup(low)
            } else {
                Lex::Other
            };
            Tok {
                low,
                dot,
                kind: t.kind,
                cap,
                lex,
                int,
                ndig,
                hyphen: t.class & HYPHEN != 0,
                glued: i > 0 && ctx.tokens[i - 1].end == t.start,
            }
        })
        .collect();
    let mut sc = Scanner {
        toks,
        dct: ctx.date,
        lim: 0,
        lo: 0,
        hi: 0,
        ref_day: ctx.date,
        ref_day_at: 0,
        month_last: false,
        para_lo: 0,
        ref_month: ctx.date,
        ref_year: ctx.date,
        ref_quarter: None,
        last_quarter: None,
        cue_cache: Vec::new(),
        title_case: std::cell::Cell::new(None),
        orthodox: std::cell::Cell::new(None),
        orthodox_country,
        no_quarter: std::cell::Cell::new((0, 0)),
        last_quantity_unit: std::cell::Cell::new(None),
    };
    sc.cue_cache = vec![std::cell::Cell::new(u16::MAX); sc.toks.len()];
    let mut out: Vec<(Cand, Option<Interval>)> = Vec::new();
    for p in &ctx.paragraphs {
        if p.sentences.is_empty() {
            continue;
        }
        let first = ctx.sentences[p.sentences.start].tokens.start;
        let last = ctx.sentences[p.sentences.end - 1].tokens.end;
        sc.lim = last.min(sc.toks.len());
        sc.para_lo = first;
        let mut i = first;
        for si in p.sentences.clone() {
            let s = &ctx.sentences[si];
            sc.lo = s.tokens.start;
            sc.hi = s.tokens.end;
            sc.title_case.set((p.heading || p.title).then_some(true));
            i = i.max(s.tokens.start);
            while i < s.tokens.end.min(sc.lim) {
                if !sc.may_start(i) {
                    i += 1;
                    continue;
                }
                match sc.at(i) {
                    Some(mut c) if c.b > c.a => {
                        i = c.b;
                        if let Some((p, _)) = out.last_mut() {
                            sc.share_month_year(p, &mut c);
                        }
                        sc.note(&c);
                        let iv = sc.interval(&c, &out);
                        if let Some((prev_iv, k)) = iv.1 {
                            out[k].1 = Some(prev_iv);
                        }
                        out.push((c, iv.0));
                    }
                    _ => i += 1,
                }
            }
        }
    }
    out.into_iter()
        .map(|(c, interval)| {
            let last = &sc.toks[c.b - 1];
            let last_end = ctx.tokens[c.b - 1].end;
            // "in September." keeps its sentence dot out; "Sept." and "p.m." keep theirs.
            // "in May." too: May, June and July are never abbreviated.
            let end = if last.dot
                && (last.low.len() >= 5 || matches!(last.low, "may" | "june" | "july"))
                && !last.low.contains('.')
            {
                last_end - 1
            } else {
                last_end
            };
            let span = ctx.span(ctx.tokens[c.a].start..end);
            Timex {
                start: span.start,
                end: span.end,
                text: span.text,
                kind: c.kind,
                value: c.value,
                modifier: c.modifier.map(str::to_string),
                interval,
            }
        })
        .collect()
}

/// An unclassified word that may still be temporal: `15th`-like, `1990s`, hyphen compounds (`two-year`).
fn timey_other(t: &Tok) -> bool {
    t.hyphen || t.low.as_bytes().first().is_some_and(u8::is_ascii_digit)
}

/// A word a quarter or half expression ends on: `quarter`, `half`, `period`, `third-quarter`, `Q3`.
fn quarter_word(t: &Tok) -> bool {
    match t.lex {
        Lex::Unit(Unit::Quarter) => true,
        Lex::Aux | Lex::Other => {
            matches!(t.low, "quarter" | "half" | "period")
                || matches!(t.low.as_bytes(), [b'q', d] if d.is_ascii_digit())
                || t.low.ends_with("-quarter")
                || t.low.ends_with("-half")
        }
        _ => false,
    }
}

/// Whether a token can carry a time phrase that a function word opens.
fn timey(t: &Tok) -> bool {
    match t.kind {
        TokenKind::Number => true,
        TokenKind::Punct => false,
        TokenKind::Word => match t.lex {
            Lex::Other => timey_other(t),
            Lex::Cue => false,
            _ => true,
        },
    }
}

fn season_month(code: &str) -> u32 {
    match code {
        "SP" => 4,
        "SU" => 7,
        "FA" => 10,
        _ => 1,
    }
}

/// The month a season code stands for among its year's months, for ordering against them: its middle month,
/// winter its first (December, the end of the year).
fn season_month_in_year(code: &str) -> u32 {
    if code == "WI" {
        12
    } else {
        season_month(code)
    }
}

/// The day of a `YYYY-MM-DD...` value, parsed by hand (chrono's format parser is slow for a hot path).
fn ymd(v: &str) -> Option<NaiveDate> {
    let b = v.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + (c - b'0') as u32)
        })
    };
    NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)
}

/// The quarter earnings news reports, relative to the article's: the one that just ended during the first two
/// months of the next.
fn reporting_shift(a: NaiveDate) -> i64 {
    if a.month0() % 3 < 2 {
        -1
    } else {
        0
    }
}

/// Whether a value has the `YYYY-MM-DD` shape, resolved or not (`XXXX-XX-XX`).
fn ymd_shape(v: &str) -> bool {
    let b = v.as_bytes();
    b.len() >= 10 && b[4] == b'-' && b[7] == b'-'
}

/// The year and month of a calendar-month value (`2022-03`; not a season or quarter).
fn calendar_month(v: &str) -> Option<(i32, u32)> {
    let b = v.as_bytes();
    if b.len() != 7
        || b[4] != b'-'
        || !b
            .iter()
            .enumerate()
            .all(|(k, c)| k == 4 || c.is_ascii_digit())
    {
        return None;
    }
    let y = v[..4].parse().ok()?;
    let m = v[5..].parse().ok()?;
    (1..=12).contains(&m).then_some((y, m))
}

/// The year and month (if any) of a `YYYY`, `YYYY-MM`, `YYYY-Q3`, `YYYY-SU`... value.
fn year_month(v: &str) -> Option<(i32, Option<u32>)> {
    let b = v.as_bytes();
    if b.len() < 4 || !b[..4].iter().all(u8::is_ascii_digit) || (b.len() > 4 && b[4] != b'-') {
        return None;
    }
    let y = v.get(..4)?.parse().ok()?;
    let m = v.get(5..7).filter(|_| b.len() == 7).and_then(|m| match m {
        "SP" | "SU" | "FA" | "WI" => Some(season_month_in_year(m)),
        _ => m.parse::<u32>().ok().filter(|m| (1..=12).contains(m)),
    });
    Some((y, m))
}

impl<'c> Scanner<'c> {
    // ---- token access (bounded by the paragraph) ----

    fn tok(&self, i: usize) -> Option<&Tok<'c>> {
        if i < self.lim {
            self.toks.get(i)
        } else {
            None
        }
    }
    fn w(&self, i: usize) -> &str {
        self.tok(i).map_or("", |t| t.low)
    }
    fn is(&self, i: usize, s: &str) -> bool {
        self.w(i) == s
    }
    fn any(&self, i: usize, set: &[&str]) -> bool {
        let w = self.w(i);
        !w.is_empty() && set.contains(&w)
    }
    fn lex(&self, i: usize) -> Lex {
        self.tok(i).map_or(Lex::Other, |t| t.lex)
    }
    fn int(&self, i: usize) -> Option<u32> {
        self.tok(i).and_then(|t| t.int)
    }
    fn prev(&self, i: usize) -> &str {
        if i == 0 || i - 1 < self.lo.min(i) {
            ""
        } else {
            self.toks.get(i - 1).map_or("", |t| t.low)
        }
    }
    fn is_punct(&self, i: usize) -> bool {
        self.tok(i).map_or(true, |t| t.kind == TokenKind::Punct)
    }

    /// Cheap filter: only tokens that can open an expression go to the matchers.
    fn may_start(&self, i: usize) -> bool {
        let t = &self.toks[i];
        match t.kind {
            TokenKind::Number => true,
            TokenKind::Punct => false,
            TokenKind::Word => match t.lex {
                // "XXI century": a Roman numeral opens a century; "Good Friday", "Palm Sunday" a holiday.
                Lex::Other => {
                    timey_other(t)
                        || (t.cap
                            && (self.is(i + 1, "century")
                                || matches!(self.lex(i + 1), Lex::Weekday(_))))
                }
                Lex::Cue => (i + 1..(i + 4).min(self.lim)).any(|k| timey(&self.toks[k])),
                _ => true,
            },
        }
    }

    // ---- tense ----

    /// Whether the clause around tokens `a..b` speaks of the future: the nearest tense cue before the
    /// expression decides, else the nearest after it; news defaults to the past.
    fn direction(&self, a: usize, b: usize) -> Direction {
        self.tense(a, b).unwrap_or(Direction::Past)
    }

    /// The tense cue nearest to tokens `a..b`, if any.
    fn tense(&self, a: usize, b: usize) -> Option<Direction> {
        // "Tuesday's announcement" reports something that happened.
        if self.any(b, &["'s", "’s"]) {
            return Some(Direction::Past);
        }
        // "until Tuesday", "by 9 a.m. Tuesday": deadlines lie ahead.
        // ...unless the clause is in the past ("Until Thursday, they had not called him a suspect").
        // The verb before "until" tells when the deadline was set, not where it lies.
        // "ahead of the weekend", "as soon as trading opens Monday": still to come.
        if a >= self.lo + 2 && self.is(a - 2, "ahead") && self.is(a - 1, "of") {
            return Some(Direction::Future);
        }
        if self.planned_event_before(a) {
            return Some(Direction::Future);
        }
        let soon_as = (self.lo + 2..a)
            .rev()
            .take(3)
            .any(|k| self.is(k, "as") && self.is(k - 1, "soon") && self.is(k - 2, "as"));
        if soon_as {
            return Some(Direction::Future);
        }
        // "The festival runs through Sunday": the end of a span lies ahead unless a past tense says otherwise
        // ("the strike lasted through Friday").
        if a > self.lo && self.any(a - 1, &["through", "thru"]) {
            return Some(self.cues(a, b, true).unwrap_or(Direction::Future));
        }
        if self.deadline_before(a) {
            // "32 members had filed reports by Wednesday", "power was restored by Tuesday": a past tense puts
            // the deadline behind.
            if self.is(a - 1, "by") && self.past_perfect_before(a - 1) {
                return Some(Direction::Past);
            }
            // "Until Thursday, they had not called him a suspect": the clause after the comma decides.
            let opens = a - 1 == self.lo || self.is_punct(a - 2);
            let after = if opens && self.is(b, ",") {
                self.cues_fwd(b + 1, true)
            } else {
                self.cues_fwd(b, true)
            };
            return Some(after.unwrap_or(Direction::Future));
        }
        self.cues(a, b, true)
    }

    /// Whether the expression at `a` dates a planned event that a cue before it puts ahead: "preparations
    /// for a meeting in Berlin on Tuesday", "ahead of the talks on Friday", "the upcoming vote on Sunday".
    /// The event noun stands at most three tokens before the (optional) "on", the cue at most five before the
    /// noun, with no punctuation in between; the tense of the clause (often a past "discussed") dates the
    /// preparing, not the event.
    fn planned_event_before(&self, a: usize) -> bool {
        const EVENTS: &[&str] = &[
            "meeting",
            "meetings",
            "talks",
            "summit",
            "vote",
            "visit",
            "session",
            "conference",
            "negotiations",
            "consultations",
            "referendum",
            "election",
            "elections",
            "hearing",
            "debate",
            "ceremony",
            "rally",
            "trip",
            "forum",
        ];
        let mut k = a;
        if k > self.lo && self.is(k - 1, "on") {
            k -= 1;
        }
        let lo = self.lo.max(k.saturating_sub(4));
        let Some(n) = (lo..k).rev().find(|&j| self.any(j, EVENTS)) else {
            return false;
        };
        // A possessive mark is no break: "preparations for the donors' meeting".
        let brk = |j: usize| self.is_punct(j) && !self.any(j, &["'", "’", "'s", "’s"]);
        if (n + 1..k).any(brk) {
            return false;
        }
        let lo = self.lo.max(n.saturating_sub(5));
        for j in (lo..n).rev() {
            if brk(j) {
                return false;
            }
            let w = self.w(j);
            let cue = match w {
                "upcoming" | "forthcoming" | "scheduled" | "planned" => true,
                "preparations" | "preparation" | "preparing" | "prepare" | "prepares" => {
                    self.is(j + 1, "for")
                }
                "ahead" => self.is(j + 1, "of"),
                _ => false,
            };
            if cue {
                // "the previously planned meeting on Monday was called off".
                return !(j > self.lo
                    && self.any(j - 1, &["previously", "originally", "initially", "had"]));
            }
        }
        false
    }

    /// Whether a past tense stands just before token `k` in its clause ("had filed", "was restored", "were
    /// counted"), with no future word or infinitive in between ("would be restored", "agreed to leave").
    fn past_perfect_before(&self, k: usize) -> bool {
        let lo = self.lo.max(k.saturating_sub(8));
        for j in (lo..k).rev() {
            let f = self.cue(j);
            if f & (C_STOP_BACK | C_STOP_FWD | C_FUTURE | C_TO) != 0 {
                return false;
            }
            if self.any(j, &["had", "was", "were"]) {
                return true;
            }
            // A past participle after "be" is a passive infinitive ("will be restored"), after a determiner an
            // adjective ("expect a signed agreement by the summer"): keep looking.
            if f & C_WEAK_PAST != 0
                && !(j > lo
                    && self.any(
                        j - 1,
                        &[
                            "be", "been", "being", "a", "an", "the", "its", "their", "his", "her",
                            "our", "this", "that", "newly",
                        ],
                    ))
            {
                return true;
            }
        }
        false
    }

    /// Whether the nearest "-ed" word before token `a` in its clause follows "is", "are" or "be" ("is heard",
    /// "are expected"): a present or future passive, not a past tense.
    fn present_passive_before(&self, a: usize) -> bool {
        let lo = self.lo.max(a.saturating_sub(14));
        for k in (lo..a).rev() {
            if self.cue(k) & C_STOP_BACK != 0 {
                return false;
            }
            if self.cue(k) & (C_PAST | C_WEAK_PAST) != 0 {
                return k > lo && self.any(k - 1, &["is", "are", "be", "being"]);
            }
        }
        false
    }

    /// Tense for months and dates: only strong past cues count (a past-tense verb says little about whether
    /// "January" is the last or the next one).
    fn month_tense(&self, a: usize, b: usize) -> Option<Direction> {
        // The preposition stands before the whole phrase: "until the end of April", "by early March".
        let a = self.phrase_start(a);
        if a > self.lo && self.any(a - 1, &["since"]) {
            return Some(Direction::Past);
        }
        // "its record high set on Aug. 6": a record already set (the participle "set" has no tense of its own).
        if a >= self.lo + 3
            && self.any(a - 1, &["on", "in"])
            && self.is(a - 2, "set")
            && self.any(
                a - 3,
                &[
                    "record", "records", "high", "highs", "low", "lows", "peak", "mark",
                ],
            )
        {
            return Some(Direction::Past);
        }
        // "pay down the loan by February", "until March", "extended to the end of April": a deadline, ahead
        // unless the clause is past.
        if self.deadline_before(a) {
            return self.tense(a, b);
        }
        // "loans through January": the end of a span, whose verb dates the act, not the month; only a future
        // cue decides, else the nearest such month. A span that starts ahead ends ahead: "will be able to
        // apply through late September".
        if a > self.lo && self.any(a - 1, &["through", "thru"]) {
            return self
                .cues_fwd(b, true)
                .or_else(|| self.cues_back(a - 1, true))
                .filter(|d| *d == Direction::Future);
        }
        // "the year ended March 31", "was shot on Oct. 23": a past-tense verb other than a reporting one.
        self.cues(a, b, false)
            .or_else(|| self.narrative_cues(a, b).filter(|d| *d == Direction::Past))
    }

    /// Where the phrase around the month or date at `a` begins: before "the end of", "early", "late", "mid".
    fn phrase_start(&self, a: usize) -> usize {
        let mut k = a;
        if k >= self.lo + 2
            && self.is(k - 1, "of")
            && self.any(k - 2, &["end", "beginning", "start", "middle"])
        {
            k -= 2;
            if k > self.lo && self.is(k - 1, "the") {
                k -= 1;
            }
        } else if k > self.lo && self.any(k - 1, &["early", "late", "mid"]) {
            k -= 1;
        }
        k
    }

    /// Whether a deadline word stands before token `a`: "until", "till", "by", or "to" after a verb that moves
    /// a date ("extended to", "postponed to").
    fn deadline_before(&self, a: usize) -> bool {
        if a <= self.lo {
            return false;
        }
        self.any(a - 1, &["until", "till", "by"])
            || (a >= self.lo + 2
                && self.is(a - 1, "to")
                && self.any(
                    a - 2,
                    &[
                        "extended",
                        "extend",
                        "extends",
                        "postponed",
                        "postpone",
                        "delayed",
                        "delay",
                        "moved",
                        "pushed",
                        "deferred",
                        "adjourned",
                        "back",
                    ],
                ))
    }

    /// Tense-cue flags of token `k`, computed once and cached (the scans below revisit tokens).
    fn cue(&self, k: usize) -> u16 {
        let Some(c) = self.cue_cache.get(k) else {
            return 0;
        };
        let v = c.get();
        if v != u16::MAX {
            return v;
        }
        let w = self.toks[k].low;
        let t = &self.toks[k];
        let mut f = 0u16;
        // "-ed" verbs; a capitalized "-ed" word is a name ("United States").
        if w.len() > 4 && w.ends_with("ed") && !t.cap && !NOT_PAST_ED.contains(&w) {
            f |= C_WEAK_PAST;
        }
        if !CUE_SHAPES.may_hold(w) {
            c.set(f);
            return f;
        }
        if matches!(w, ";" | "." | "“" | "”" | "\"" | "``" | "''") {
            f |= C_STOP_BACK;
        }
        if matches!(w, ";" | "." | ",") {
            f |= C_STOP_FWD;
        }
        // "next to the embassy" is a place, not the next week; "set aside vacation plans" is a noun, while
        // "plans to visit", "plans a rally" announce something.
        let noun_plans = matches!(w, "plans" | "plan")
            && !self.any(
                k + 1,
                &[
                    "to", "a", "an", "the", "another", "further", "new", "more", "its", "his",
                    "her", "their",
                ],
            );
        // "Next, in April, we agreed...": a discourse marker before punctuation orders the points of a speech,
        // not time.
        let next_marker = w == "next" && (self.is(k + 1, "to") || self.is_punct(k + 1));
        if FUTURE_CUES.contains(&w) && !next_marker && !noun_plans {
            f |= C_FUTURE;
        }
        // The same news present with a plural subject: "He and Arafat meet separately Monday with Albright"
        // (not after "to" or a negation: "difficult to meet demand", "did not meet Monday").
        if SCHEDULED_PLURAL.contains(&w)
            && k > 0
            && !self.any(
                k - 1,
                &[
                    "to", "not", "n't", "never", "did", "do", "does", "cannot", "ca", "could",
                    "would", "might",
                ],
            )
        {
            f |= C_FUTURE;
        }
        if PAST_CUES.contains(&w) {
            f |= C_PAST;
        }
        if matches!(w, "said" | "says" | "told" | "announced" | "reported") {
            f |= C_REPORT;
        }
        if matches!(w, "ago" | "last" | "earlier" | "since" | "ended") {
            f |= C_STRONG_PAST;
        }
        // Common irregular past forms.
        if IRREGULAR_PAST.contains(&w) {
            f |= C_WEAK_PAST;
        }
        if w == "to" {
            f |= C_TO;
        }
        if matches!(w, "planned" | "planning") {
            f |= C_PLAN;
        }
        if matches!(w, "is" | "are") {
            f |= C_IS;
        }
        c.set(f);
        f
    }

    /// The cue flags that count as past: any past-tense verb, or only the unambiguous words.
    fn past_mask(weak_past: bool) -> u16 {
        if weak_past {
            C_PAST | C_WEAK_PAST
        } else {
            C_STRONG_PAST
        }
    }

    fn cues(&self, a: usize, b: usize, weak_past: bool) -> Option<Direction> {
        self.cues_back(a, weak_past)
            .or_else(|| self.cues_after(a, b, Self::past_mask(weak_past), !weak_past))
    }

    /// Like `cues` with past auxiliaries ("was", "had") but not "-ed" words (often adjectives: "planned
    /// for", "supposed to"), and a reporting verb ("said") tells nothing: it dates the report, not the month.
    fn narrative_cues(&self, a: usize, b: usize) -> Option<Direction> {
        let mask = C_PAST | C_STRONG_PAST;
        self.cues_back_m(a, mask, true)
            .or_else(|| self.cues_after(a, b, mask, true))
    }

    /// The nearest cue before token `a`, within the clause.
    fn cues_back(&self, a: usize, weak_past: bool) -> Option<Direction> {
        self.cues_back_m(a, Self::past_mask(weak_past), !weak_past)
    }

    fn cues_back_m(&self, a: usize, mask: u16, skip_report: bool) -> Option<Direction> {
        let reporting = |f: u16| skip_report && f & C_REPORT != 0;
        let lo = self.lo.max(a.saturating_sub(14));
        let mut k = a;
        while k > lo {
            k -= 1;
            let f = self.cue(k);
            if f & C_STOP_BACK != 0 {
                break;
            }
            if f & C_FUTURE != 0 || (f & C_TO != 0 && k > lo && self.cue(k - 1) & C_IS != 0) {
                // "had been due to expire Friday", "had planned to leave Monday": a plan seen from the past.
                if f & C_FUTURE != 0
                    && (k >= 1 && self.is(k - 1, "had") || k >= 2 && self.is(k - 2, "had"))
                {
                    return Some(Direction::Past);
                }
                return Some(Direction::Future);
            }
            // "planned a rally on Saturday" (not "previously planned", nor "the rally planned for Saturday was
            // cancelled").
            if f & C_PLAN != 0 {
                let before = if k > 0 { self.toks[k - 1].low } else { "" };
                let after = if matches!(self.lex(a + 1), Lex::PartOfDay(_)) {
                    a + 2
                } else {
                    a + 1
                };
                let cancelled = self.any(after, &["was", "were"]);
                if matches!(before, "previously" | "originally" | "had" | "initially") || cancelled
                {
                    return Some(Direction::Past);
                }
                return Some(Direction::Future);
            }
            // "planned to leave on Thursday", "set to resume Monday": an intention points ahead.
            if f & C_TO != 0 && k > lo && self.any(k - 1, INTENT_BEFORE_TO) {
                return Some(Direction::Future);
            }
            if reporting(f) {
                continue;
            }
            // "would be redeemed in five years", "will be held Tuesday": a participle after "will be" is a
            // future passive ("could be located", "must be returned" say little and stay past).
            // An adverb may stand between: "will also be considered on Tuesday", "would then be signed".
            let modal = |m: usize| self.any(m, &["will", "would", "'ll", "’ll", "shall", "to"]);
            let adverb = |m: usize| {
                let w = self.w(m);
                (w.len() > 4 && w.ends_with("ly"))
                    || matches!(
                        w,
                        "also"
                            | "then"
                            | "soon"
                            | "not"
                            | "still"
                            | "again"
                            | "now"
                            | "only"
                            | "already"
                    )
            };
            if f & mask == C_WEAK_PAST
                && k > lo + 1
                && self.is(k - 1, "be")
                && (modal(k - 2) || (k > lo + 2 && adverb(k - 2) && modal(k - 3)))
            {
                return Some(Direction::Future);
            }
            if f & mask != 0 {
                return Some(Direction::Past);
            }
        }
        None
    }

    /// The nearest cue from token `b` on, up to the clause's end.
    fn cues_fwd(&self, b: usize, weak_past: bool) -> Option<Direction> {
        self.cues_fwd_m(b, Self::past_mask(weak_past), !weak_past)
    }

    fn cues_fwd_m(&self, b: usize, mask: u16, skip_report: bool) -> Option<Direction> {
        self.cues_fwd_w(b, 6, mask, skip_report)
    }

    /// Whether the expression at `a..b` opens its sentence and a comma follows ("In January, the company
    /// brought in...", "On Tuesday, the league plans to...", "Starting July 1, fares will..."): its clause is
    /// the one after the comma.
    fn opens_sentence(&self, a: usize, b: usize) -> bool {
        self.is(b, ",")
            && (a == self.lo
                || (a == self.lo + 1
                    && self.any(
                        self.lo,
                        &[
                            "in", "on", "at", "by", "during", "since", "early", "late", "last",
                            "until", "through", "from", "then", "and", "but", "also", "starting",
                            "beginning", "effective",
                        ],
                    ))
                // "Starting from July 1, ...", "Beginning on Monday, ...".
                || (a == self.lo + 2
                    && self.any(self.lo, &["starting", "beginning"])
                    && self.any(self.lo + 1, &["from", "on", "in"])))
    }

    /// Cues after an expression that opens its sentence: the main clause after the comma, with a wider window
    /// (its subject comes first); else the usual forward scan.
    fn cues_after(&self, a: usize, b: usize, mask: u16, skip_report: bool) -> Option<Direction> {
        if self.opens_sentence(a, b) {
            // The main clause's first tensed verb decides, a reporting one too ("In September, it announced
            // plans to...": the announcement is past).
            let _ = (mask, skip_report);
            let past = C_PAST | C_WEAK_PAST | C_STRONG_PAST;
            self.cues_fwd_w(b + 1, 12, past, false).or_else(|| {
                // "In January, a week after the anniversary, a clinic bombing in Birmingham, Ala., killed a
                // guard": appositions hold commas before the main verb; read on to it within the sentence.
                let hi = self.hi.min(b + 1 + 24).min(self.lim);
                (b + 1..hi)
                    .map(|k| self.cue(k))
                    .take_while(|f| f & C_STOP_BACK == 0)
                    .find_map(|f| {
                        if f & C_FUTURE != 0 {
                            Some(Direction::Future)
                        } else if f & past != 0 {
                            Some(Direction::Past)
                        } else {
                            None
                        }
                    })
            })
        } else {
            self.cues_fwd_m(b, mask, skip_report)
        }
    }

    fn cues_fwd_w(
        &self,
        b: usize,
        width: usize,
        mask: u16,
        skip_report: bool,
    ) -> Option<Direction> {
        let reporting = |f: u16| skip_report && f & C_REPORT != 0;
        let hi = self.hi.min(b + width).min(self.lim);
        for k in b..hi {
            let f = self.cue(k);
            if f & C_STOP_FWD != 0 {
                break;
            }
            if f & C_FUTURE != 0 {
                return Some(Direction::Future);
            }
            if reporting(f) {
                continue;
            }
            if f & mask != 0 {
                return Some(Direction::Past);
            }
        }
        None
    }

    // ---- the driver ----

    /// The longest expression starting at `i`, with a leading quantity or position modifier if any.
    fn at(&self, i: usize) -> Option<Cand> {
        let mut best = self.core(i);
        for c in [self.m_prefix(i), self.m_position(i)].into_iter().flatten() {
            if best.as_ref().map_or(true, |b| c.b > b.b) {
                best = Some(c);
            }
        }
        let mut c = best?;
        // "the Year of Science and Technology", "Volunteer of the Year": a capitalized "Year" inside an ordinary
        // sentence names a themed year or an award, not a time ("New Year" is a holiday; headlines are in title
        // case).
        let named_year = (c.a..c.b).any(|k| {
            let t = &self.toks[k];
            t.cap && t.low == "year" && k > self.lo && !self.is(k - 1, "new")
        });
        if named_year && !self.in_title_case() {
            return None;
        }
        // "Tuesday (15)", "two weeks or so", "the third quarter of 1990" tails are handled by matchers; trim a
        // trailing possessive or punctuation never.
        if c.b <= c.a {
            return None;
        }
        if self.is(c.b, "or") && self.is(c.b + 1, "so") && c.kind == TimexType::Duration {
            c.b += 2;
            c.modifier.get_or_insert("APPROX");
        }
        Some(c)
    }

    fn core(&self, i: usize) -> Option<Cand> {
        let mut best: Option<Cand> = None;
        let mut take = |c: Option<Cand>| {
            if let Some(c) = c {
                if best.as_ref().map_or(true, |b| c.b > b.b) {
                    best = Some(c);
                }
            }
        };
        let t = self.tok(i)?;
        // Only the matchers that can start with this kind of token: dense date text stays cheap.
        match (t.kind, t.lex) {
            (TokenKind::Number, _) => {
                take(self.m_clock(i));
                take(self.m_calendar(i));
                take(self.m_numeric_date(i));
                take(self.m_year(i));
                take(self.m_quarter(i));
                take(self.m_ago(i));
                take(self.m_duration(i));
            }
            (_, Lex::Month(..) | Lex::Weekday(_)) => take(self.m_calendar(i)),
            (_, Lex::Weekdays(_)) => take(self.m_set(i)),
            _ => {
                take(self.m_clock(i));
                take(self.m_calendar(i));
                take(self.m_year(i));
                take(self.m_decade(i));
                take(self.m_quarter(i));
                take(self.m_season(i));
                take(self.m_relative_unit(i));
                take(self.m_deictic(i));
                take(self.m_ago(i));
                take(self.m_duration(i));
                take(self.m_set(i));
                take(self.m_holiday(i));
                take(self.m_compound(i));
                take(self.m_misc(i));
            }
        }
        best
    }

    /// Remembers anchors for later anaphoric expressions.
    fn note(&mut self, c: &Cand) {
        // "In the first nine months, net was $30 million, compared with $20 million a year earlier": the
        // comparison is now with the year-earlier nine months, not with the quarter.
        if c.kind == TimexType::Duration && matches!(c.value.as_str(), "P6M" | "P9M") {
            self.ref_quarter = None;
        }
        // "London shares closed lower Friday, depressed by overnight losses in New York ... down 4.5% from the
        // previous Friday": a bare "overnight" or "in the morning" takes the article's day by default and names
        // no day of the story, so the day under discussion stays the anchor.
        let vague_part_of_day = c.kind == TimexType::Time
            && match self.toks[c.a].low {
                "overnight" => true,
                // "the morning" alone, not "the morning of July 4", which names its day.
                "the" => c.b == c.a + 2 && matches!(self.lex(c.a + 1), Lex::PartOfDay(_)),
                _ => false,
            };
        if matches!(c.kind, TimexType::Date | TimexType::Time) && !vague_part_of_day {
            if let Some(d) = ymd(&c.value) {
                self.ref_day = Some(d);
                self.ref_day_at = c.a;
                self.ref_month = Some(d);
                self.ref_year = Some(d);
                self.month_last = false;
            } else if let Some((y, m)) = year_month(&c.value) {
                let first = NaiveDate::from_ymd_opt(y, m.unwrap_or(1), 1);
                if m.is_some() {
                    self.ref_month = first;
                    // A calendar month ("last October"), not a season.
                    self.month_last = c.value.get(5..7).is_some_and(|m| m.parse::<u32>().is_ok());
                } else {
                    // A year named since: "that day" is no longer in the month named before it.
                    self.month_last = false;
                }
                self.ref_year = first;
            } else if self.dct.is_none()
                && c.kind == TimexType::Date
                && !c.derived
                && c.value.starts_with("XXXX")
                && !c.value.bytes().any(|b| b.is_ascii_digit())
            {
                // Undated article: "this year", "this summer", "on Monday" are the article's own (unknown) time,
                // which now is the one under discussion, as a resolved one would be in a dated article: "compared
                // to the year before" no longer reaches back to a year named paragraphs earlier. ("October",
                // "January 23" keep their digits: a time of the story whose year is not known.)
                self.ref_year = None;
                if c.value.len() == 7 || ymd_shape(&c.value) {
                    self.ref_month = None;
                    self.month_last = false;
                }
                if ymd_shape(&c.value) {
                    self.ref_day = None;
                    self.ref_day_at = c.a;
                }
            }
            // Earnings news reports past quarters: "losses through the third quarter of 1990" is a forecast, not
            // the period that "a year earlier" compares with.
            let future = self.dct.is_some_and(|a| {
                // One quarter of slack: fiscal years name quarters ahead of the calendar ("fourth quarter ended
                // Sept. 30").
                let latest = cal::unit_value(Some(a), Unit::Quarter, reporting_shift(a) + 1);
                c.value.as_str() > latest.as_str()
            });
            // The reported quarter is the latest one: "after a flat second quarter" is background to the third.
            // A later one replaces it only up to the quarter just reported (a fourth quarter named after the
            // third is a forecast; a fiscal fourth quarter named first is the reported one).
            let earlier = self.ref_quarter.as_ref().is_some_and(|(q, _)| {
                let reported = self
                    .dct
                    .map(|a| cal::unit_value(Some(a), Unit::Quarter, reporting_shift(a)));
                c.value.as_str() < q.as_str()
                    || reported.is_some_and(|r| c.value.as_str() > r.as_str())
            });
            let quarter = c.value.len() == 7 && c.value.as_bytes().get(5) == Some(&b'Q');
            if quarter {
                self.last_quarter = Some(c.value.clone());
            }
            if !c.derived && !future && !earlier && quarter {
                self.ref_quarter = Some((c.value.clone(), c.b));
            }
        }
    }

    /// Two months joined by a connector ("in March and April", "between May and June", "from October to
    /// December", "from January to November this year") lie together: a month whose year was guessed from the
    /// tense takes it from its partner, the second from the first, or the first from an explicit year of the
    /// second. A range runs forward ("December to February" crosses the new year); a list takes the nearest
    /// year ("December and January", "March or February").
    fn share_month_year(&self, p: &mut Cand, c: &mut Cand) {
        if p.b + 1 != c.a
            || p.kind != TimexType::Date
            || c.kind != TimexType::Date
            || !self.any(
                p.b,
                &[
                    "and", "or", "to", "through", "thru", "until", "till", "-", "–",
                ],
            )
        {
            return;
        }
        let (Some((py, pm)), Some((cy, cm))) = (calendar_month(&p.value), calendar_month(&c.value))
        else {
            return;
        };
        let range = !self.any(p.b, &["and", "or"])
            || (p.a > self.lo && self.is(p.a - 1, "between") && self.is(p.b, "and"));
        // The year of month `m` beside month `n` of year `y`, `m` coming second when `second`.
        let beside = |y: i32, n: u32, m: u32, second: bool| -> i32 {
            let d = m as i32 - n as i32;
            if range {
                match second {
                    true if d < 0 => y + 1,
                    false if d > 0 => y - 1,
                    _ => y,
                }
            } else if d < -6 {
                y + 1
            } else if d > 6 {
                y - 1
            } else {
                y
            }
        };
        match (self.bare_month(p), self.bare_month(c)) {
            (true, true) => c.value = cal::month(Some(beside(py, pm, cm, true)), cm),
            (true, false) => p.value = cal::month(Some(beside(cy, cm, pm, false)), pm),
            _ => {}
        }
    }

    /// Whether a month expression names no year and no direction of its own (`March`, `late June`), so that its
    /// year was guessed from the tense.
    fn bare_month(&self, c: &Cand) -> bool {
        !(c.a..c.b).any(|k| {
            let t = &self.toks[k];
            t.kind == TokenKind::Number
                || matches!(
                    t.low,
                    "year"
                        | "last"
                        | "next"
                        | "this"
                        | "coming"
                        | "past"
                        | "previous"
                        | "following"
                )
        })
    }

    /// Interval bounds from the signal words around an expression: "since X", "until X", "from X to Y",
    /// "between X and Y". Returns this expression's interval, and possibly an updated interval for the previous
    /// expression (the `from` side of a pair).
    fn interval(
        &self,
        c: &Cand,
        out: &[(Cand, Option<Interval>)],
    ) -> (Option<Interval>, Option<(Interval, usize)>) {
        if !matches!(c.kind, TimexType::Date | TimexType::Time) {
            return (None, None);
        }
        let before = if c.a > self.lo { self.w(c.a - 1) } else { "" };
        // A pair: previous expression ends right before the connector.
        if matches!(
            before,
            "to" | "until" | "till" | "through" | "and" | "-" | "–" | "thru"
        ) {
            if let Some((k, (p, _))) = out.iter().enumerate().next_back() {
                if p.b + 1 == c.a && p.a > self.lo {
                    let opener = self.w(p.a - 1);
                    let pairs = (opener == "from" && before != "and")
                        || (opener == "between" && before == "and");
                    if pairs {
                        let iv = Interval {
                            begin: Some(p.value.clone()),
                            end: Some(c.value.clone()),
                        };
                        return (Some(iv.clone()), Some((iv, k)));
                    }
                }
            }
        }
        let now = match self.dct {
            Some(d) => cal::day(d),
            None => "PRESENT_REF".to_string(),
        };
        match before {
            "since" => (
                Some(Interval {
                    begin: Some(c.value.clone()),
                    end: Some(now),
                }),
                None,
            ),
            "until" | "till" | "til" | "through" | "thru" | "to" if before != "to" => (
                Some(Interval {
                    begin: None,
                    end: Some(c.value.clone()),
                }),
                None,
            ),
            "from" => (
                Some(Interval {
                    begin: Some(c.value.clone()),
                    end: None,
                }),
                None,
            ),
            _ => (None, None),
        }
    }

    // ---- quantities and units ----

    /// A quantity at `i`: digits (`24`, `1.5`, `2 1/2`), number words (`twenty four`), `a`/`an`, `a couple of`,
    /// vague words (`several`, `a few`). Returns the quantity and the next token.
    fn quantity(&self, i: usize) -> Option<(Qty, usize)> {
        let t = self.tok(i)?;
        let w = t.low;
        let (mut q, mut j) = match w {
            "a" | "an" => match self.w(i + 1) {
                "couple" if self.is(i + 2, "of") => (Qty::N(2.0), i + 3),
                "few" => (Qty::Vague, i + 2),
                "dozen" => (Qty::N(12.0), i + 2),
                "hundred" => (Qty::N(100.0), i + 2),
                "half" => (Qty::N(0.5), i + 2),
                _ => (Qty::N(1.0), i + 1),
            },
            "couple" if self.is(i + 1, "of") => (Qty::N(2.0), i + 2),
            "few" | "several" | "many" | "some" | "numerous" | "multiple" => (Qty::Vague, i + 1),
            "half" if self.any(i + 1, &["a", "an"]) => (Qty::N(0.5), i + 2),
            _ => {
                if let Some(n) = t.int.filter(|_| t.ndig <= 4) {
                    (Qty::N(n as f64), i + 1)
                } else if t.kind == TokenKind::Number && w.contains('.') && !w.contains(',') {
                    (Qty::N(w.parse::<f64>().ok()?), i + 1)
                } else if let Lex::Number(n) = t.lex {
                    let mut n = n;
                    let mut j = i + 1;
                    if (20.0..100.0).contains(&n) {
                        if let Lex::Number(m) = self.lex(j) {
                            if m < 10.0 {
                                n += m;
                                j += 1;
                            }
                        }
                    }
                    if let Lex::Number(h) = self.lex(j) {
                        if h == 100.0 || h == 1000.0 {
                            n *= h;
                            j += 1;
                        }
                    }
                    (Qty::N(n), j)
                } else if w.contains('-') {
                    // twenty-four
                    let mut parts = w.split('-');
                    let (a, b) = (parts.next()?, parts.next()?);
                    if parts.next().is_some() {
                        return None;
                    }
                    match (lexicon::lookup(a), lexicon::lookup(b)) {
                        (Lex::Number(x), Lex::Number(y)) if x >= 20.0 && y < 10.0 => {
                            (Qty::N(x + y), i + 1)
                        }
                        _ => return None,
                    }
                } else {
                    return None;
                }
            }
        };
        // 2 1/2, two and a half
        if let Qty::N(n) = q {
            if self.is(j, "1/2") {
                q = Qty::N(n + 0.5);
                j += 1;
            } else if self.is(j, "and")
                && self.is(j + 1, "a")
                && self.is(j + 2, "half")
                && !matches!(self.lex(j + 3), Lex::Unit(_))
            {
                q = Qty::N(n + 0.5);
                j += 3;
            }
        }
        Some((q, j))
    }

    /// A unit at `i`, after at most one qualifying word (`trading days`, `more weeks`).
    fn unit(&self, i: usize) -> Option<(Unit, bool, usize)> {
        let mut j = i;
        if self.any(
            j,
            &[
                "more",
                "additional",
                "further",
                "straight",
                "consecutive",
                "full",
                "trading",
                "business",
                "working",
                "calendar",
                "long",
                "whole",
                "extra",
                "other",
                "successive",
                "short",
            ],
        ) {
            j += 1;
        }
        match self.lex(j) {
            Lex::Unit(u) => Some((u, false, j + 1)),
            Lex::Units(u) => Some((u, true, j + 1)),
            _ => None,
        }
    }

    /// `N units` with an optional range (`two to three weeks`, `12 to 18 months`).
    fn quantity_unit(&self, i: usize) -> Option<(Qty, Unit, bool, usize)> {
        if let Some((k, lo, lim, v)) = self.last_quantity_unit.get() {
            if (k, lo, lim) == (i, self.lo, self.lim) {
                return v;
            }
        }
        let v = self.quantity_unit_at(i);
        self.last_quantity_unit.set(Some((i, self.lo, self.lim, v)));
        v
    }

    /// [`Scanner::quantity_unit`], not remembered.
    fn quantity_unit_at(&self, i: usize) -> Option<(Qty, Unit, bool, usize)> {
        let (q, mut j) = self.quantity(i)?;
        if self.any(j, &["to", "or", "-", "–"]) {
            if let Some((_, k)) = self.quantity(j + 1) {
                if self.unit(k).is_some() {
                    j = k;
                }
            }
        }
        let (u, plural, mut k) = self.unit(j)?;
        // "60 Minutes" (a title), "a second betrayal" (an ordinal).
        if self.tok(k - 1).is_some_and(|t| t.cap) && i > self.lo {
            return None;
        }
        // A word after it, or a hyphen glued to it ("a second- or third-tier issue"), leaves `second` an ordinal.
        if u == Unit::Second
            && !plural
            && self.tok(k).is_some_and(|t| {
                t.kind == TokenKind::Word || (matches!(t.low, "-" | "–") && t.glued)
            })
        {
            return None;
        }
        // "a year and a half", "an hour and a half"
        let mut q = q;
        if self.is(k, "and") && self.is(k + 1, "a") && self.is(k + 2, "half") {
            if let Qty::N(n) = q {
                q = Qty::N(n + 0.5);
                k += 3;
            }
        }
        // "the 1988 quarter" is a year, not 1988 quarters.
        if matches!(q, Qty::N(n) if n >= 1000.0) && !plural {
            return None;
        }
        // "years" after "a" is not "a year"; "a few" already consumed.
        if plural && q == Qty::N(1.0) && self.any(i, &["a", "an"]) {
            return None;
        }
        Some((q, u, plural, k))
    }

    // ---- matchers ----

    /// Clock times: `10:35 a.m.`, `3 p.m. EST Nov. 9`, `1400 GMT`, `noon Saturday`, `midnight`.
    fn m_clock(&self, i: usize) -> Option<Cand> {
        let t = self.tok(i)?;
        if t.kind == TokenKind::Word
            && (t.cap && i > self.lo && !self.is_punct(i - 1) || self.prev(i) == "high")
        {
            return None; // "High Noon"
        }
        let (h, m, mut j) = if matches!(t.low, "noon" | "midday") {
            (12, 0, i + 1)
        } else if t.low == "midnight" {
            (24, 0, i + 1)
        } else if t.kind == TokenKind::Number {
            let w = t.low;
            let (h, m) = if let Some((a, b)) = w.split_once(':') {
                if a.is_empty() || a.len() > 2 || b.len() != 2 {
                    return None;
                }
                (a.parse::<u32>().ok()?, b.parse::<u32>().ok()?)
            } else if t.ndig == 4 && self.any(i + 1, ZONES) {
                let n = t.int?;
                (n / 100, n % 100)
            } else if t.ndig <= 2 {
                (t.int?, 0)
            } else {
                return None;
            };
            if h > 24 || m > 59 {
                return None;
            }
            (h, m, i + 1)
        } else {
            return None;
        };
        let mut h = h;
        let mut clock_cue = t.low.contains(':') || t.ndig == 4 || !t.kind.eq(&TokenKind::Number);
        match self.w(j) {
            "a.m" | "am" => {
                if h == 12 {
                    h = 0;
                }
                clock_cue = true;
                j += 1;
            }
            "p.m" | "pm" => {
                if h < 12 {
                    h += 12;
                }
                clock_cue = true;
                j += 1;
            }
            "o'clock" | "o’clock" => {
                clock_cue = true;
                j += 1;
            }
            "in" if self.is(j + 1, "the") && matches!(self.lex(j + 2), Lex::PartOfDay(_)) => {
                if self.lex(j + 2) != Lex::PartOfDay("MO") && h < 12 {
                    h += 12;
                }
                clock_cue = t.kind == TokenKind::Number && t.ndig <= 2;
                j += 3;
            }
            _ => {}
        }
        // A trailing "." of "p.m." split off by the tokenizer.
        if clock_cue && self.is(j, ".") && self.w(j - 1).ends_with(".m") {
            j += 1;
        }
        if self.any(j, ZONES) {
            clock_cue = true;
            j += 1;
        } else if self.any(j, &["local", "moscow", "kyiv", "kiev", "beijing", "tokyo"])
            && self.is(j + 1, "time")
        {
            clock_cue = true;
            j += 2;
        }
        if !clock_cue {
            // "at 10:00", "by 14:30"
            let colon = t.low.contains(':');
            let cue = matches!(
                self.prev(i),
                "at" | "by"
                    | "until"
                    | "till"
                    | "from"
                    | "to"
                    | "around"
                    | "about"
                    | "before"
                    | "after"
            );
            if !(colon && cue) {
                return None;
            }
        }
        // An attached date: "10 p.m. Wednesday", "5 p.m. EST, Nov. 6", "noon today".
        let mut date: Option<String> = None;
        let mut k = j;
        if self.is(k, ",") && matches!(self.lex(k + 1), Lex::Month(..) | Lex::Weekday(_)) {
            k += 1;
        }
        if self.is(k, "on") && matches!(self.lex(k + 1), Lex::Weekday(_)) {
            k += 1;
        }
        if let (Lex::Weekday(wd), false) = (self.lex(k), matches!(self.lex(k + 1), Lex::Month(..)))
        {
            // The clause's tense, seen from the start of the whole expression ("until 9 a.m. Tuesday").
            let v = cal::resolve_weekday(self.dct, wd, self.direction(i, k + 1));
            return cand(i, k + 1, TimexType::Time, format!("{v}T{h:02}:{m:02}"));
        }
        if let Some(dc) = self
            .m_calendar(k)
            .or_else(|| self.m_deictic(k))
            .filter(|c| ymd(&c.value).is_some() || c.value.starts_with("XXXX"))
        {
            date = Some(dc.value.get(..10).unwrap_or(&dc.value).to_string());
            j = dc.b;
        }
        let d = date.unwrap_or_else(|| match self.ref_day.or(self.dct) {
            Some(d) => cal::day(d),
            None => "XXXX-XX-XX".into(),
        });
        cand(i, j, TimexType::Time, format!("{d}T{h:02}:{m:02}"))
    }

    /// Whether a date that says when follows "recently" at `i` ("most recently last October", "recently, in
    /// March", "recently in 1997"); "Most recently, May said" (a name) is no date.
    fn date_follows(&self, i: usize) -> bool {
        let k = if self.is(i + 1, ",") { i + 2 } else { i + 1 };
        let prep = self.any(k, &["in", "on", "last"]);
        let k = k + usize::from(prep);
        let capitalized = self.tok(k).is_some_and(|t| t.cap);
        match self.lex(k) {
            Lex::Month(_, amb) => capitalized && self.month_ok(k, amb),
            Lex::Weekday(_) => capitalized,
            _ => prep && self.year_num(k).is_some(),
        }
    }

    /// Is the month word at `i` really a month? `May`/`March` and dotless abbreviations need a day, a year or a
    /// temporal cue next to them; never a lower-case `may`/`march`.
    fn month_ok(&self, i: usize, amb: bool) -> bool {
        let Some(t) = self.tok(i) else { return false };
        let day_or_year_next = self
            .int(i + 1)
            .is_some_and(|n| n >= 1 && (n <= 31 || (1000..=2100).contains(&n)))
            || matches!(self.lex(i + 1), Lex::Ordinal(n) if n <= 31 && n != 99)
            || self.day_range(i + 1).is_some();
        if !t.cap && (amb || self.is_headline_lower(i)) {
            return false;
        }
        // "April Mellody, a spokeswoman", "June Carter": a month that is also a given name, before a capitalized
        // word and after no word that asks for a time ("in April Russia moved"), is the name.
        if matches!(t.low, "april" | "june" | "august")
            && !day_or_year_next
            && self
                .tok(i + 1)
                .is_some_and(|n| n.kind == TokenKind::Word && n.cap && n.lex == Lex::Other)
        {
            let p = if i > self.lo { self.w(i - 1) } else { "" };
            // "a June Trump campaign event": after a determiner, the month modifies.
            if !is_month_cue(p) && !matches!(p, "a" | "an" | "the") {
                return false;
            }
        }
        if !amb || (t.dot && !matches!(t.low, "may" | "march")) {
            return true;
        }
        if day_or_year_next {
            return true;
        }
        if matches!(t.low, "may" | "march") {
            // "Theresa May", "the March on Washington", "May be".
            let p = if i > self.lo { self.w(i - 1) } else { "" };
            // "The March accession", "the May elections": a capitalized month before a lowercase noun.
            if t.cap
                && i > self.lo
                && p == "the"
                && self.tok(i + 1).is_some_and(|n| {
                    n.kind == TokenKind::Word
                        && !n.cap
                        && n.lex == Lex::Other
                        && !matches!(n.low, "on" | "of" | "for" | "to" | "in" | "and" | "be")
                })
            {
                return true;
            }
            return (is_month_cue(p) || matches!(p, "to" | "and" | "or"))
                && !self.any(i + 1, &["be", "have", "not", "also"]);
        }
        false
    }

    fn is_headline_lower(&self, _i: usize) -> bool {
        false
    }

    /// Day of month at `i`: `20`, `20th`.
    fn day_num(&self, i: usize) -> Option<u32> {
        let t = self.tok(i)?;
        if let Some(n) = t.int {
            if t.ndig <= 2 && (1..=31).contains(&n) {
                return Some(n);
            }
        }
        match t.lex {
            Lex::Ordinal(n) if (1..=31).contains(&n) && t.low.as_bytes()[0].is_ascii_digit() => {
                Some(n)
            }
            _ => None,
        }
    }

    /// A run of days at `i` written as one token (`2-3`, `15–16`): first and last day.
    fn day_range(&self, i: usize) -> Option<(u32, u32)> {
        let t = self.tok(i)?;
        if t.kind != TokenKind::Number || t.low.len() > 7 {
            return None;
        }
        let (a, b) = t.low.split_once(['-', '–'])?;
        let ok = |x: &str| !x.is_empty() && x.len() <= 2 && x.bytes().all(|c| c.is_ascii_digit());
        if !ok(a) || !ok(b) {
            return None;
        }
        let (a, b) = (a.parse::<u32>().ok()?, b.parse::<u32>().ok()?);
        (1 <= a && a < b && b <= 31).then_some((a, b))
    }

    /// A day of month written as an ordinal word at `i` (`eighth`, `twenty-first`).
    fn word_ordinal(&self, i: usize) -> Option<u32> {
        let t = self.tok(i)?;
        if t.kind != TokenKind::Word || t.low.as_bytes().first().is_some_and(u8::is_ascii_digit) {
            return None;
        }
        lexicon::ordinal(t.low).filter(|n| (1..=31).contains(n))
    }

    /// A four-digit year at `i` (`1998`), or an apostrophe year (`'98`).
    fn year_num(&self, i: usize) -> Option<(i32, usize)> {
        let t = self.tok(i)?;
        // Spoken years: "nineteen ninety-seven", "nineteen eighty".
        if matches!(t.low, "nineteen" | "eighteen") {
            let c = if t.low == "nineteen" { 1900 } else { 1800 };
            let w = self.w(i + 1);
            let (tens, ones) = w.split_once('-').unwrap_or((w, ""));
            if let Lex::Number(x) = lexicon::lookup(tens) {
                if (20.0..100.0).contains(&x) && x % 10.0 == 0.0 {
                    let o = match lexicon::lookup(ones) {
                        Lex::Number(o) if o < 10.0 => o,
                        _ if ones.is_empty() => 0.0,
                        _ => return None,
                    };
                    return Some((c + (x + o) as i32, i + 2));
                }
            }
            return None;
        }
        if t.ndig == 4 {
            let n = t.int?;
            if (1000..=2100).contains(&n) {
                return Some((n as i32, i + 1));
            }
        }
        None
    }

    /// Weekdays, months, days: `Thursday`, `Tuesday (15)`, `Friday morning`, `Aug. 7, 1998`, `17 February 2022`,
    /// `July 1997`, `December`, `the 15th`.
    fn m_calendar(&self, i: usize) -> Option<Cand> {
        let t = self.tok(i)?;
        match t.lex {
            Lex::Weekday(wd) => {
                if !t.cap && t.low.len() < 6 {
                    return None;
                }
                // "The Sunday Times reported", "the Mail on Sunday": a newspaper's title.
                let title_after = self
                    .tok(i + 1)
                    .is_some_and(|n| n.cap && NEWSPAPER_TITLES.contains(&n.low));
                // ("The New York Times on Friday" is a date: only the Mail's Sunday title reads so.)
                let title_before = i >= self.lo + 2
                    && t.cap
                    && self.is(i - 1, "on")
                    && self.toks[i - 2].cap
                    && self.toks[i - 2].low == "mail";
                if title_after || title_before {
                    return None;
                }
                let mut j = i + 1;
                // "Friday, Oct. 23", "Thursday, April 6"
                let mut k = j;
                if self.is(k, ",") {
                    k += 1;
                }
                if let Some(c) = self.month_day(k) {
                    return cand(i, c.b, c.kind, c.value);
                }
                // "Tuesday (15)"
                if self.is(j, "(") && self.is(j + 2, ")") {
                    if let Some(d) = self.day_num(j + 1) {
                        if let Some(v) = self.weekday_with_day(wd, d) {
                            return cand(i, j + 3, TimexType::Date, v);
                        }
                    }
                }
                // "the 15th" after the weekday: "Tuesday the 15th"
                if self.is(j, "the") {
                    if let Some(d) = self.day_num(j + 1) {
                        if let Some(v) = self.weekday_with_day(wd, d) {
                            return cand(i, j + 2, TimexType::Date, v);
                        }
                    }
                }
                // "Tuesday nights", "on Monday and Tuesday nights": every such night, a set.
                if let Some(code) = self.plural_part_of_day(j) {
                    return cand(i, j + 1, TimexType::Set, format!("XXXX-WXX-{wd}T{code}"));
                }
                if self.any(j, &["and", "or"]) && matches!(self.lex(j + 1), Lex::Weekday(_)) {
                    if let Some(code) = self.plural_part_of_day(j + 2) {
                        return cand(i, j, TimexType::Set, format!("XXXX-WXX-{wd}T{code}"));
                    }
                }
                // The tense is read around the whole expression: in "By Sunday evening, 12 people had died"
                // the clause after the comma decides.
                let part = match self.lex(j) {
                    Lex::PartOfDay(code) => Some(code),
                    _ => None,
                };
                let e = if part.is_some() { j + 1 } else { j };
                let v = cal::resolve_weekday(self.dct, wd, self.direction(i, e));
                if let Some(code) = part {
                    j += 1;
                    return cand(i, j, TimexType::Time, format!("{v}T{code}"));
                }
                cand(i, j, TimexType::Date, v)
            }
            Lex::Month(..) => self.month_day(i),
            Lex::Ordinal(_) | Lex::Other | Lex::Cue | Lex::Aux
                if t.int.is_some() || t.kind == TokenKind::Word =>
            {
                // "17 February 2022", "the 15th of February", "the 15th"
                // Spoken days: "the eighth of March".
                let spoken = |k: usize| {
                    self.word_ordinal(k).filter(|_| {
                        self.is(k + 1, "of") && matches!(self.lex(k + 2), Lex::Month(..))
                    })
                };
                let (start, d, j) = if t.low == "the" {
                    let d = self.day_num(i + 1).or_else(|| spoken(i + 1))?;
                    if self.int(i + 1).is_some() {
                        return None;
                    }
                    (i, d, i + 2)
                } else {
                    (i, self.day_num(i).or_else(|| spoken(i))?, i + 1)
                };
                let mut k = j;
                if self.is(k, "of") {
                    k += 1;
                }
                if let Lex::Month(m, amb) = self.lex(k) {
                    if self.month_ok(k, amb) || self.tok(k).is_some_and(|t| t.cap) {
                        let k = k + 1;
                        if let Some((y, e)) = self.year_num(k) {
                            let v = match NaiveDate::from_ymd_opt(y, m, d) {
                                Some(x) => cal::day(x),
                                None => format!("{y:04}-{m:02}-{d:02}"),
                            };
                            return cand(start, e, TimexType::Date, v);
                        }
                        let dir = self.month_tense(start, k);
                        return cand(
                            start,
                            k,
                            TimexType::Date,
                            cal::resolve_month_day(self.dct, m, d, dir),
                        );
                    }
                }
                // "on April 24 and 25": the second day shares the first one's month.
                if t.int.is_some() && i >= self.lo + 3 && self.any(i - 1, &["and", "or"]) {
                    if let (Some(_), Lex::Month(m, _)) = (self.day_num(i - 2), self.lex(i - 3)) {
                        let dir = self.month_tense(i - 3, j);
                        return cand(
                            start,
                            j,
                            TimexType::Date,
                            cal::resolve_month_day(self.dct, m, d, dir),
                        );
                    }
                }
                if t.low == "the" && self.is_punct(j) {
                    // "the 15th": a day of the current (or last) month.
                    let a = self.dct?;
                    let mut x = NaiveDate::from_ymd_opt(a.year(), a.month(), d)?;
                    if x > a && self.direction(i, j) == Direction::Past {
                        x = cal::add_months(x, -1);
                    }
                    return cand(start, j, TimexType::Date, cal::day(x));
                }
                None
            }
            _ => None,
        }
    }

    /// The TIMEX3 code of a plural part of day at token `j` ("nights": `NI`).
    fn plural_part_of_day(&self, j: usize) -> Option<&'static str> {
        match self.w(j) {
            "mornings" => Some("MO"),
            "afternoons" => Some("AF"),
            "evenings" => Some("EV"),
            "nights" => Some("NI"),
            _ => None,
        }
    }

    /// The date with day of month `d` nearest the article date that falls on weekday `wd`.
    fn weekday_with_day(&self, wd: u32, d: u32) -> Option<String> {
        let Some(a) = self.dct else {
            return Some(format!("XXXX-XX-{d:02}"));
        };
        let mut best: Option<(i64, NaiveDate)> = None;
        for off in -2i64..=2 {
            let base = cal::add_months(NaiveDate::from_ymd_opt(a.year(), a.month(), 1)?, off);
            if let Some(x) = NaiveDate::from_ymd_opt(base.year(), base.month(), d) {
                if cal::weekday_num(x) == wd {
                    let dist = (x - a).num_days().abs();
                    if best.map_or(true, |(b, _)| dist < b) {
                        best = Some((dist, x));
                    }
                }
            }
        }
        match best {
            Some((_, x)) => Some(cal::day(x)),
            None => NaiveDate::from_ymd_opt(a.year(), a.month(), d).map(cal::day),
        }
    }

    /// `Aug. 7`, `Aug. 7, 1998`, `July 1997`, `July of 1997`, `December`.
    fn month_day(&self, i: usize) -> Option<Cand> {
        let Lex::Month(m, amb) = self.lex(i) else {
            return None;
        };
        if !self.month_ok(i, amb) {
            return None;
        }
        let mut j = i + 1;
        // "Sept . 30" when the tokenizer split the abbreviation dot.
        if self.is(j, ".") && self.w(i).len() <= 4 && self.day_num(j + 1).is_some() {
            j += 1;
        }
        // "March eighth" (broadcast style): a spoken ordinal ending the phrase or followed by the year.
        let spoken = self.word_ordinal(j).filter(|_| {
            self.is_punct(j + 1)
                || self.year_num(j + 1).is_some()
                || (self.is(j + 1, ",") && self.year_num(j + 2).is_some())
        });
        // "April 2-3": a run of days, dated by its first.
        let first_of_run = || self.day_range(j).map(|(d, _)| d);
        if let Some(d) = self.day_num(j).or(spoken).or_else(first_of_run) {
            let k = j + 1;
            let mut kk = k;
            if self.is(kk, ",") {
                kk += 1;
            }
            if let Some((y, e)) = self.year_num(kk) {
                let v = match NaiveDate::from_ymd_opt(y, m, d) {
                    Some(x) => cal::day(x),
                    None => format!("{y:04}-{m:02}-{d:02}"),
                };
                return cand(i, e, TimexType::Date, v);
            }
            // Not "May 2 percent": a bare number after a month is a day only if nothing numeric-looking follows.
            if self.any(k, &["%", "percent", "per"]) {
                return None;
            }
            let dir = self.month_tense(i, k);
            return cand(
                i,
                k,
                TimexType::Date,
                cal::resolve_month_day(self.dct, m, d, dir),
            );
        }
        let mut k = j;
        if self.any(k, &["of", ","]) && self.year_num(k + 1).is_some() {
            k += 1;
        }
        if let Some((y, e)) = self.year_num(k) {
            return cand(i, e, TimexType::Date, cal::month(Some(y), m));
        }
        // "January this year", "July last year", "July of last year"
        let of = usize::from(self.is(j, "of"));
        if self.any(j + of, &["this", "last", "next"]) && self.is(j + of + 1, "year") {
            let y = self.dct.map(|a| {
                a.year()
                    + match self.w(j + of) {
                        "last" => -1,
                        "next" => 1,
                        _ => 0,
                    }
            });
            return cand(i, j + of + 2, TimexType::Date, cal::month(y, m));
        }
        let mut dir = self.month_tense(i, j);
        // "changed to a calendar year in December", read in October: a month still ahead of the article date,
        // closing its clause after a past-tense verb, is last year's ("November transactions" is a modifier;
        // "when the case is heard in May" a present passive).
        if dir.is_none() && self.dct.is_some_and(|a| m > a.month()) && self.is_punct(j) {
            dir = self
                .cues_back(i, true)
                .filter(|d| *d == Direction::Past && !self.present_passive_before(i));
        }
        cand(i, j, TimexType::Date, cal::resolve_month(self.dct, m, dir))
    }

    /// Numeric dates: `2022-02-17`, `02/17/2022`, `8/7/98`.
    fn m_numeric_date(&self, i: usize) -> Option<Cand> {
        let t = self.tok(i)?;
        if t.kind != TokenKind::Number || t.int.is_some() {
            return None;
        }
        let w = t.low;
        let parts: Vec<&str> = w.split(['-', '/']).collect();
        if parts.len() != 3
            || parts
                .iter()
                .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
        {
            return None;
        }
        let nums: Vec<u32> = parts.iter().filter_map(|p| p.parse().ok()).collect();
        if nums.len() != 3 {
            return None;
        }
        let (y, m, d) = if parts[0].len() == 4 && w.contains('-') {
            (nums[0] as i32, nums[1], nums[2])
        } else if w.contains('/') && parts[2].len() == 4 {
            (nums[2] as i32, nums[0], nums[1])
        } else if w.contains('/') && parts[2].len() == 2 {
            let yy = nums[2] as i32;
            (
                if yy < 50 { 2000 + yy } else { 1900 + yy },
                nums[0],
                nums[1],
            )
        } else {
            return None;
        };
        let x = NaiveDate::from_ymd_opt(y, m, d)?;
        cand(i, i + 1, TimexType::Date, cal::day(x))
    }

    /// A year on its own: `1998`, `fiscal 1989`, unless the number is an amount (`1998 troops`, `$2000`).
    fn m_year(&self, i: usize) -> Option<Cand> {
        let (start, j) = if self.is(i, "fiscal") || self.is(i, "fy") {
            (i, i + 1)
        } else {
            (i, i)
        };
        let (y, e) = self.year_num(j)?;
        let p = if j > self.lo { self.w(j - 1) } else { "" };
        if matches!(
            p,
            "$" | "€"
                | "£"
                | "¥"
                | "no"
                | "number"
                | "#"
                | "about"
                | "nearly"
                | "some"
                | "over"
                | "than"
                | "almost"
        ) {
            return None;
        }
        let next = self.tok(e);
        let strong = start < j
            || matches!(
                p,
                "in" | "since"
                    | "of"
                    | "by"
                    | "until"
                    | "till"
                    | "from"
                    | "to"
                    | "through"
                    | "during"
                    | "before"
                    | "after"
                    | "year"
                    | "early"
                    | "late"
                    | "mid"
                    | "between"
                    | "and"
                    | "for"
                    | "summer"
                    | "winter"
                    | "spring"
                    | "autumn"
                    | "fall"
                    | "("
                    | ","
                    | "–"
                    | "-"
            );
        if let Some(n) = next {
            let nw = n.low;
            let amountish = matches!(
                nw,
                "%" | "percent"
                    | "people"
                    | "troops"
                    | "soldiers"
                    | "tons"
                    | "tonnes"
                    | "km"
                    | "kilometers"
                    | "miles"
                    | "meters"
                    | "feet"
                    | "dollars"
                    | "euros"
                    | "rubles"
                    | "pounds"
                    | "units"
                    | "cases"
                    | "deaths"
                    | "votes"
                    | "barrels"
            ) || n.kind == TokenKind::Number
                || (n.kind == TokenKind::Word
                    && !n.cap
                    && nw.len() > 3
                    && nw.ends_with('s')
                    && !matches!(
                        nw,
                        "was"
                            | "has"
                            | "is"
                            | "as"
                            | "this"
                            | "its"
                            | "his"
                            | "does"
                            | "sales"
                            | "earnings"
                            | "results"
                            | "levels"
                            | "figures"
                            | "prices"
                            | "profits"
                            | "elections"
                            | "games"
                    ));
            if amountish && !strong {
                return None;
            }
            if matches!(nw, "%" | "percent") {
                return None;
            }
        }
        if y < 1900 && !strong {
            return None;
        }
        // "his 1987 Chevrolet Cavalier", "a 1965 Ford Mustang": a car's model year names the car, not a time.
        // ("In 1908 Ford introduced the Model T" is a date: the year follows a preposition.)
        if !strong && next.is_some_and(|n| n.cap && CAR_MAKES.contains(&n.low)) {
            return None;
        }
        // A year after a capitalized word inside a sentence is part of a name ("a joint venture called Orion
        // 1980", "Euro 2012", "Windows 2000"): TimeML leaves names alone. Months, seasons and holidays
        // ("Christmas 1998") are time words, and the holiday matcher takes its year itself.
        let in_name = start == j
            && j > self.lo + 1
            && !strong
            && self.tok(j - 1).is_some_and(|t| {
                t.cap
                    && t.kind == TokenKind::Word
                    && t.lex == Lex::Other
                    && !t.dot
                    && t.low.chars().all(char::is_alphabetic)
                    && !matches!(t.low, "ad" | "ce" | "anno")
                    && !year_leader(t.low)
            })
            && self.m_holiday(j - 1).is_none()
            && !self.in_title_case();
        if in_name {
            return None;
        }
        cand(start, e, TimexType::Date, format!("{y:04}"))
    }

    /// The ordinal of a century: `21st`, `twentieth`, or a capitalized Roman numeral (`XXI`).
    fn century_ordinal(&self, j: usize) -> Option<u32> {
        let t = self.tok(j)?;
        lexicon::ordinal(t.low).or_else(|| {
            (t.cap && t.kind == TokenKind::Word && t.lex == Lex::Other)
                .then(|| lexicon::roman(t.low))
                .flatten()
        })
    }

    /// Decades and centuries: `the 1990s`, `the '80s`, `the early 1980s`, `the nineties`, `the 20th century`.
    fn m_decade(&self, i: usize) -> Option<Cand> {
        let mut j = i;
        let the = self.is(j, "the");
        if the {
            j += 1;
        }
        let mut md = None;
        match self.w(j) {
            "early" => md = Some("START"),
            "late" => md = Some("END"),
            "mid" | "middle" => md = Some("MID"),
            _ => {}
        }
        if md.is_some() {
            j += 1;
            if self.is(j, "-") {
                j += 1;
            }
        }
        let w = self.w(j);
        let mut value: Option<String> = None;
        let mut e = j + 1;
        let dec = match w {
            "twenties" => Some('2'),
            "thirties" => Some('3'),
            "forties" => Some('4'),
            "fifties" => Some('5'),
            "sixties" => Some('6'),
            "seventies" => Some('7'),
            "eighties" => Some('8'),
            "nineties" => Some('9'),
            _ => None,
        };
        if let Some(c) = dec.filter(|_| the || md.is_some()) {
            value = Some(format!("19{c}"));
        } else if let Some(n) = self
            .century_ordinal(j)
            .filter(|n| (1..=30).contains(n) && self.is(j + 1, "century"))
        {
            // "20th Century Fox": a name.
            let name = self.tok(j + 1).is_some_and(|t| t.cap)
                && self
                    .tok(j + 2)
                    .is_some_and(|t| t.kind == TokenKind::Word && t.cap && t.lex == Lex::Other);
            if name {
                return None;
            }
            value = Some(format!("{:02}", n - 1));
            e = j + 2;
        } else if let Some(d) = w.strip_suffix('s') {
            if d.len() == 4 && d.bytes().all(|b| b.is_ascii_digit()) && d.ends_with('0') {
                value = Some(d[..3].to_string());
            } else if d.len() == 2 && d.bytes().all(|b| b.is_ascii_digit()) && d.ends_with('0') {
                // '90s: the century of the article date, or the 1900s.
                let p = if j > 0 { self.toks[j - 1].low } else { "" };
                // "the '90s", "the 1970s and early 80s".
                if matches!(p, "'" | "’" | "‘") || the || md.is_some() {
                    let c = if d < "30" && self.dct.is_some_and(|a| a.year() >= 2000) {
                        20
                    } else {
                        19
                    };
                    value = Some(format!("{c}{}", &d[..1]));
                }
            }
        } else if self.tok(j).is_some_and(|t| t.ndig == 4 || t.ndig == 2)
            && (self.is(j + 1, "'s") || self.is(j + 1, "\u{2019}s"))
            && the
        {
            // `the 1990's`, `the 80's`: the apostrophe some writers put in the plural.
            let d = w;
            if d.len() == self.tok(j).map_or(0, |t| usize::from(t.ndig))
                && d.ends_with('0')
                && !matches!(self.lex(j + 2), Lex::Unit(_) | Lex::Ordinal(_))
            {
                value = Some(if d.len() == 4 {
                    d[..3].to_string()
                } else {
                    let c = if d < "30" && self.dct.is_some_and(|a| a.year() >= 2000) {
                        20
                    } else {
                        19
                    };
                    format!("{c}{}", &d[..1])
                });
                e = j + 2;
            }
        } else if the || md.is_some() {
            let dec = match w {
                "twenties" => Some('2'),
                "thirties" => Some('3'),
                "forties" => Some('4'),
                "fifties" => Some('5'),
                "sixties" => Some('6'),
                "seventies" => Some('7'),
                "eighties" => Some('8'),
                "nineties" => Some('9'),
                _ => None,
            };
            if let Some(c) = dec {
                value = Some(format!("19{c}"));
            }
            // the 20th century
            if let Some(n) = lexicon::ordinal(w) {
                if self.is(j + 1, "century") && (1..=30).contains(&n) {
                    value = Some(format!("{:02}", n - 1));
                    e = j + 2;
                }
            }
        }
        let v = value?;
        // Apostrophe before '90s is part of the span.
        let a = if the || md.is_some() { i } else { j };
        let a = if !the
            && md.is_none()
            && j > self.lo
            && matches!(self.toks[j - 1].low, "'" | "’" | "‘")
            && v.len() == 3
            && w.len() == 3
        {
            j - 1
        } else {
            a
        };
        let mut c = cand(a, e, TimexType::Date, v)?;
        c.modifier = md;
        Some(c)
    }

    /// The year a quarter belongs to, from a leading possessive (`last year's`, `1989's`), else the article year
    /// (the previous year for a quarter that has not begun yet, in a past-tense clause).
    fn quarter(&self, i: usize) -> Option<Cand> {
        let mut j = i;
        let the = self.any(j, &["the", "its", "their"]);
        if the {
            j += 1;
        }
        // "the year-ago third quarter": that quarter, a year back.
        let year_back = the && self.any(j, &["year-ago", "year-earlier"]);
        if year_back {
            j += 1;
        }
        let mut year: Option<i32> = None;
        // The year came as a possessive ("1988's", "last year's"), which makes the phrase definite.
        let mut poss = false;
        if let Some((y, e)) = self.year_num(j) {
            if self.is(e, "'s") || self.is(e, "’s") {
                year = Some(y);
                poss = true;
                j = e + 1;
            } else if the {
                year = Some(y);
                j = e;
            }
        } else if self.any(j, &["last", "this", "next"])
            && self.is(j + 1, "year")
            && self.any(j + 2, &["'s", "’s"])
        {
            let shift = match self.w(j) {
                "last" => -1,
                "next" => 1,
                _ => 0,
            };
            year = self.dct.map(|a| a.year() + shift);
            poss = true;
            j += 3;
        }
        if self.is(j, "fiscal") {
            j += 1;
        }
        let mut ord: Option<u32> = None;
        let mut half = false;
        let mut e = j;
        let w = self.w(j);
        // "the fiscal-first quarter" (a hyphenated "fiscal first quarter"): the ordinal after the hyphen.
        let fiscal_ord = w
            .strip_prefix("fiscal-")
            .and_then(lexicon::ordinal)
            .filter(|_| self.any(j + 1, &["quarter", "half"]));
        if let Some(n) = fiscal_ord {
            half = self.is(j + 1, "half");
            if !(1..=if half { 2 } else { 4 }).contains(&n) {
                return None;
            }
            ord = Some(n);
            e = j + 2;
        } else if let Some((o, u)) = w.split_once('-') {
            // third-quarter, first-half
            let n = lexicon::ordinal(o)?;
            match u {
                "quarter" if (1..=4).contains(&n) => ord = Some(n),
                "half" if (1..=2).contains(&n) => {
                    ord = Some(n);
                    half = true
                }
                _ => return None,
            }
            e = j + 1;
        } else if w == "last"
            && self.is(j + 1, "half")
            && self.is(j + 2, "of")
            && self.year_num(j + 3).is_some()
        {
            // "the last half of 1989": the second half.
            ord = Some(2);
            half = true;
            e = j + 2;
        } else if let Some(n) = lexicon::ordinal(w) {
            let mut k = j + 1;
            if self.is(k, "fiscal") {
                k += 1;
            }
            match self.w(k) {
                "quarter" if (1..=4).contains(&n) => ord = Some(n),
                "half" if (1..=2).contains(&n) => {
                    ord = Some(n);
                    half = true
                }
                _ => return None,
            }
            e = k + 1;
        } else if let Some(q) = w.strip_prefix('q').and_then(|d| d.parse::<u32>().ok()) {
            if (1..=4).contains(&q) && w.len() == 2 {
                ord = Some(q);
                e = j + 1;
            }
        }
        if ord.is_none() && (the || poss) && year.is_some() && self.any(j, &["quarter", "period"]) {
            // "the 1988 quarter": the quarter under discussion, in that year.
            let y = year?;
            let v = match &self.ref_quarter {
                Some((q, _)) => format!("{y:04}{}", q.get(4..).unwrap_or("")),
                None => format!("{y:04}"),
            };
            return derived(cand(i, j + 1, TimexType::Date, v));
        }
        let n = ord?;
        // "of 1990", "of this year", "of next year"
        if self.is(e, "of") {
            if let Some((y, k)) = self.year_num(e + 1) {
                year = Some(y);
                e = k;
            } else if self.any(e + 1, &["this", "last", "next"]) && self.is(e + 2, "year") {
                let s = match self.w(e + 1) {
                    "last" => -1,
                    "next" => 1,
                    _ => 0,
                };
                year = self.dct.map(|a| a.year() + s);
                e += 3;
            } else if self.is(e + 1, "the") && self.is(e + 2, "year") {
                // "the second half of the year": one expression; the year is the one the quarter alone would
                // name (the article's, or the last one when the quarter lies ahead and the clause is past).
                e += 3;
            } else if self.is(e + 1, "the")
                && self.any(
                    e + 2,
                    &[
                        "next",
                        "following",
                        "coming",
                        "current",
                        "previous",
                        "preceding",
                    ],
                )
                && self.is(e + 3, "year")
            {
                // "the first quarter of the next year": that year's quarter.
                let s = match self.w(e + 2) {
                    "previous" | "preceding" => -1,
                    "current" => 0,
                    _ => 1,
                };
                year = self.dct.map(|a| a.year() + s);
                e += 4;
            } else if matches!(self.lex(e + 1), Lex::Month(..))
                || (self.any(e + 1, &["the", "its", "their", "this", "his", "her", "our"])
                    && !self.is(e + 2, "fiscal")
                    && !matches!(self.lex(e + 2), Lex::Unit(_)))
            {
                // Not a part of a year: "the first half of March" is the month's start, "the second half of
                // the 20th century" the century's end; "the first half of the season" names no calendar
                // period at all ("the third quarter of $2 million" and "of the fiscal year" stay quarters).
                let inner = match self.lex(e + 1) {
                    Lex::Month(..) => self.month_day(e + 1).filter(|c| c.value.len() == 7),
                    _ => self
                        .m_decade(e + 1)
                        .filter(|c| c.value.len() == 2 && c.modifier.is_none()),
                }
                .filter(|c| half && c.a == e + 1)?;
                let a = if the || i < j { i } else { j };
                let mut c = cand(a, inner.b, TimexType::Date, inner.value)?;
                c.modifier = Some(if n == 1 { "START" } else { "END" });
                return Some(c);
            }
        } else if let Some((y, k)) = self.year_num(e) {
            year = Some(y);
            e = k;
        }
        let year = match year {
            Some(y) => Some(y),
            None => self.dct.map(|a| {
                let cur = if half {
                    a.month0() / 6 + 1
                } else {
                    a.month0() / 3 + 1
                };
                if n > cur && self.direction(i, e) == Direction::Past {
                    a.year() - 1
                } else {
                    a.year()
                }
            }),
        };
        let v = format!("{}-{}{}", cal::year(year), if half { 'H' } else { 'Q' }, n);
        let a = if the || i < j { i } else { j };
        if year_back {
            return derived(cand(a, e, TimexType::Date, cal::shift_value_years(&v, -1)?));
        }
        cand(a, e, TimexType::Date, v)
    }

    /// Whether a quarter word ([`quarter_word`]) lies in the `n` tokens from `i` on (within the paragraph). Reuses
    /// the stretch known to hold none when `i` lies in it, so forward scans read each token once; any other
    /// start reads at most `n` tokens.
    fn quarter_word_within(&self, i: usize, n: usize) -> bool {
        let end = (i + n).min(self.lim);
        let (a, b) = self.no_quarter.get();
        let (a, mut b) = if a <= i && i <= b { (a, b) } else { (i, i) };
        while b < end && !self.toks.get(b).is_some_and(quarter_word) {
            b += 1;
        }
        self.no_quarter.set((a, b));
        b < end
    }

    /// Quarters and halves: `the third quarter`, `third-quarter`, `the fiscal first quarter of 1990`,
    /// `last year's fourth quarter`, `the latest quarter`, `the year-earlier quarter`.
    fn m_quarter(&self, i: usize) -> Option<Cand> {
        // Most tokens tried here have no quarter word close enough: at most eight tokens come before it ("the
        // year-ago nineteen eighty-eight's fiscal first fiscal quarter").
        if !self.quarter_word_within(i, 11) {
            return None;
        }
        if let Some(c) = self.quarter(i) {
            return Some(c);
        }
        // the quarter / the latest quarter / the current quarter / the year-ago quarter
        if !self.is(i, "the") && !self.any(i, &["this", "last", "next", "its"]) {
            return None;
        }
        let mut j = i + 1;
        let mut shift: i64 = match self.w(i) {
            "this" => 0,
            "last" => -1,
            "next" => 1,
            _ => i64::MIN,
        };
        let mut year_back = false;
        if shift == i64::MIN {
            match self.w(j) {
                "latest" | "recent" | "most" | "just-ended" | "just-completed" => {
                    if self.is(j, "most") && self.is(j + 1, "recent") {
                        j += 1;
                    }
                    j += 1;
                }
                "current" | "present" => {
                    shift = 0;
                    j += 1
                }
                "previous" | "prior" | "preceding" => {
                    shift = -1;
                    j += 1
                }
                "year-earlier" | "year-ago" | "comparable" | "corresponding" | "same" => {
                    year_back = true;
                    j += 1;
                    if self.any(j, &["year-earlier", "year-ago"]) {
                        j += 1;
                    }
                }
                _ => {}
            }
        }
        if self.is(j, "fiscal") {
            j += 1;
        }
        let is_period =
            self.is(j, "period") && (year_back || self.any(j - 1, &["latest", "recent"]));
        if !self.is(j, "quarter") && !is_period {
            return None;
        }
        let e = j + 1;
        let a = self.dct?;
        let reporting = || reporting_shift(a);
        let base = if year_back {
            match &self.ref_quarter {
                Some((v, _)) => v.clone(),
                None => cal::unit_value(Some(a), Unit::Quarter, reporting()),
            }
        } else if shift == i64::MIN {
            // "the quarter", "the latest period": the quarter under discussion ("the fiscal first quarter ...
            // sales for the quarter"), else the one earnings news of the article's date reports.
            match &self.ref_quarter {
                Some((v, _)) => v.clone(),
                None => cal::unit_value(Some(a), Unit::Quarter, reporting()),
            }
        } else {
            cal::unit_value(Some(a), Unit::Quarter, shift)
        };
        // "the quarter a year ago": that quarter, a year back.
        if !year_back
            && self.any(e, &["a", "one"])
            && self.is(e + 1, "year")
            && self.any(e + 2, &["ago", "earlier"])
        {
            return derived(cand(
                i,
                e + 3,
                TimexType::Date,
                cal::shift_value_years(&base, -1)?,
            ));
        }
        // "the quarter ended July 31": the three months up to that date, named by the quarter holding most of
        // them (its middle month).
        if !year_back && self.any(e, &["ended", "ending"]) {
            if let Some(end) = self.m_calendar(e + 1).and_then(|c| ymd(&c.value)) {
                let mid = cal::add_months(end, -1);
                return cand(
                    i,
                    e,
                    TimexType::Date,
                    cal::unit_value(Some(mid), Unit::Quarter, 0),
                );
            }
        }
        let v = if year_back {
            // "the same quarter last year"
            let v = cal::shift_value_years(&base, -1)?;
            if self.is(e, "last") && self.is(e + 1, "year") {
                return derived(cand(i, e + 2, TimexType::Date, v));
            }
            return derived(cand(i, e, TimexType::Date, v));
        } else {
            base
        };
        if shift == i64::MIN && !year_back {
            shift = 0;
        }
        let _ = shift;
        cand(i, e, TimexType::Date, v)
    }

    /// Seasons: `summer 1998`, `the summer of 1998`, `in the fall`, `winter`.
    fn m_season(&self, i: usize) -> Option<Cand> {
        let the = self.is(i, "the");
        let j = if the { i + 1 } else { i };
        let Lex::Season(code) = self.lex(j) else {
            return None;
        };
        let mut k = j + 1;
        if self.is(k, "of") && self.year_num(k + 1).is_some() {
            k += 1;
        }
        if let Some((y, e)) = self.year_num(k) {
            return cand(i, e, TimexType::Date, format!("{y:04}-{code}"));
        }
        let p = self.prev(if the { i } else { j });
        let ok = matches!(
            p,
            "in" | "during"
                | "by"
                | "until"
                | "since"
                | "through"
                | "into"
                | "over"
                | "for"
                | "early"
                | "late"
                | "mid"
                | "this"
                | "throughout"
                | "before"
                | "after"
        ) && (the || code != "FA");
        if !ok {
            return None;
        }
        let dir = self.month_tense(i, k).unwrap_or(Direction::Past);
        let v = match self.dct {
            None => format!("XXXX-{code}"),
            Some(a) => {
                let sm = season_month(code);
                let mut y = a.year();
                let cur = a.month();
                if dir == Direction::Past && sm > cur + 1 && code != "WI" {
                    y -= 1;
                }
                if dir == Direction::Future && sm + 2 < cur {
                    y += 1;
                }
                format!("{y:04}-{code}")
            }
        };
        cand(i, k, TimexType::Date, v)
    }

    /// `this/last/next/coming/past/previous/current X`, `that day`, `the next day`, `the following year`,
    /// `last night`, `this morning`, `next Tuesday`, `last April`, `this summer`.
    fn m_relative_unit(&self, i: usize) -> Option<Cand> {
        let mut j = i;
        // "reminded that next year marks...": "that" before "next" or "coming" opens a clause, it is no
        // determiner.
        let clause_that = self.is(j, "that") && self.any(j + 1, &["next", "coming"]);
        let the = !clause_that
            && self.any(j, &["the", "that", "this"])
            && self.any(
                j + 1,
                &[
                    "previous",
                    "following",
                    "next",
                    "same",
                    "current",
                    "coming",
                    "preceding",
                    "prior",
                ],
            );
        if the {
            j += 1;
        }
        // "this past weekend", "this past Sunday": the last one.
        let this_past = !the && self.is(i, "this") && self.is(i + 1, "past");
        if this_past {
            j += 1;
        }
        let w = self.w(j);
        let shift: i64 = match w {
            "this" | "current" | "that" | "same" | "these" => 0,
            "last" | "past" | "previous" | "preceding" | "prior" => -1,
            "next" | "coming" | "following" | "upcoming" => 1,
            _ => return None,
        };
        // Relative to the last mentioned date for anaphoric forms.
        let anaphoric =
            the && matches!(
                w,
                "previous" | "following" | "next" | "same" | "preceding" | "prior"
            ) || w == "that";
        let k = j + 1;
        // "that year" after "in June 1998" is 1998: the anchor at the unit's own granularity.
        let anchor = if anaphoric {
            match self.lex(k) {
                Lex::Unit(Unit::Year) => self.ref_year,
                Lex::Unit(Unit::Month) => self.ref_month,
                _ => self.ref_day,
            }
            .or(self.dct)
        } else {
            self.dct
        };
        // ABC's "This Week": a title, not a time.
        if self.tok(j).is_some_and(|t| t.cap)
            && self.tok(k).is_some_and(|t| t.cap)
            && j > self.lo
            && !self.any(j - 1, &[".", "\n"])
        {
            return None;
        }
        match self.lex(k) {
            Lex::Unit(u) => {
                if self.is(i, "the") && matches!(w, "past" | "coming") && u != Unit::Weekend {
                    return None; // "the past year": a duration
                }
                if matches!(u, Unit::Second | Unit::Minute) {
                    return None;
                }
                if u == Unit::Hour {
                    return None;
                }
                if w == "past" && !(this_past && matches!(u, Unit::Week | Unit::Weekend)) {
                    return None; // "past year": duration, left to m_duration
                }
                if u == Unit::Day && shift == 0 && w == "this" {
                    return None;
                }
                // "Results for that quarter": the quarter last named, a year-ago one too.
                if u == Unit::Quarter && w == "that" {
                    if let Some(q) = &self.last_quarter {
                        return cand(i, k + 1, TimexType::Date, q.clone());
                    }
                }
                // "most recently last October ... crossed out that same day": a day of the month last named,
                // which the text does not give.
                if u == Unit::Day && anaphoric && shift == 0 && self.month_last {
                    if let Some(m) = self.ref_month {
                        let v = format!("{:04}-{:02}-XX", m.year(), m.month());
                        return cand(i, k + 1, TimexType::Date, v);
                    }
                }
                let v = if u == Unit::Day {
                    match anchor {
                        Some(a) => cal::day(cal::add_days(a, shift)),
                        None => "XXXX-XX-XX".into(),
                    }
                } else {
                    cal::unit_value(anchor, u, shift)
                };
                // "that year's", "this year's" before a quarter is the quarter matcher's.
                cand(i, k + 1, TimexType::Date, v)
            }
            Lex::Weekday(wd) => {
                if anaphoric {
                    // "down 4.5% from the previous Friday": the one before the day under discussion.
                    if !the || shift == 0 {
                        return None;
                    }
                    return cand(
                        i,
                        k + 1,
                        TimexType::Date,
                        cal::shift_weekday(anchor, wd, shift as i32),
                    );
                }
                let e = if matches!(self.lex(k + 1), Lex::PartOfDay(_)) {
                    k + 2
                } else {
                    k + 1
                };
                // "this coming Sunday, March 8": the explicit date says which one.
                if self.is(k + 1, ",") {
                    if let Some(c) = self.month_day(k + 2).filter(|c| c.value.len() == 10) {
                        return cand(i, c.b, TimexType::Date, c.value);
                    }
                }
                // "This Saturday, the community celebrates...": with no tense to say which way, "this" names
                // the weekday of the article's own week, not the last one.
                let v = match (shift, self.tense(i, e)) {
                    (0, Some(dir)) => cal::resolve_weekday(self.dct, wd, dir),
                    (0, None) if w == "this" => cal::shift_weekday(self.dct, wd, 0),
                    (0, None) => cal::resolve_weekday(self.dct, wd, Direction::Past),
                    (s, _) => cal::shift_weekday(self.dct, wd, s as i32),
                };
                if let Lex::PartOfDay(code) = self.lex(k + 1) {
                    return cand(i, k + 2, TimexType::Time, format!("{v}T{code}"));
                }
                cand(i, k + 1, TimexType::Date, v)
            }
            Lex::Month(m, _) => {
                if anaphoric || !self.tok(k).is_some_and(|t| t.cap) {
                    return None;
                }
                // "last Oct. 23": the explicit date wins.
                if self.day_num(k + 1).is_some()
                    || (self.is(k + 1, ".") && self.day_num(k + 2).is_some())
                {
                    return None;
                }
                let v = match self.dct {
                    None => cal::month(None, m),
                    Some(a) => {
                        // "last February" read on March 1 is a year back: the month just past would be
                        // "last month" or plain "February".
                        let y = match shift {
                            -1 if m + 1 >= a.month() => a.year() - 1,
                            1 if m <= a.month() => a.year() + 1,
                            _ => a.year(),
                        };
                        cal::month(Some(y), m)
                    }
                };
                cand(i, k + 1, TimexType::Date, v)
            }
            Lex::Season(code) => {
                if anaphoric {
                    // "said that summer tourism fell": "that" opens a clause whose subject is a compound noun.
                    let noun_next = self.tok(k + 1).is_some_and(|n| {
                        n.kind == TokenKind::Word
                            && !n.cap
                            && n.lex == Lex::Other
                            && !CLAUSE_OPENERS.contains(&n.low)
                    });
                    if w == "that" && noun_next {
                        return None;
                    }
                    // "That summer", "the following spring": the season of, or next to, the year last
                    // mentioned.
                    let v = match self.anaphoric_base() {
                        None => format!("XXXX-{code}"),
                        Some(b) => {
                            // Winter starts in December: it follows every month of its year but December.
                            let sm = season_month_in_year(code);
                            let y = match shift {
                                1 if sm <= b.month() => b.year() + 1,
                                -1 if sm >= b.month() => b.year() - 1,
                                _ => b.year(),
                            };
                            format!("{y:04}-{code}")
                        }
                    };
                    return cand(i, k + 1, TimexType::Date, v);
                }
                let v = match self.dct {
                    None => format!("XXXX-{code}"),
                    Some(a) => {
                        let sm = season_month(code);
                        let y = match shift {
                            -1 if sm >= a.month() => a.year() - 1,
                            1 if sm + 2 <= a.month() => a.year() + 1,
                            _ => a.year(),
                        };
                        format!("{y:04}-{code}")
                    }
                };
                cand(i, k + 1, TimexType::Date, v)
            }
            Lex::PartOfDay(code) => {
                let a = anchor;
                let d = match (w, code) {
                    ("last", "NI") => a.map(|a| cal::add_days(a, -1)),
                    ("this", _) | ("that", _) | ("same", _) => a,
                    ("next", _) | ("following", _) => a.map(|a| cal::add_days(a, 1)),
                    ("previous", _) => a.map(|a| cal::add_days(a, -1)),
                    _ => return None,
                };
                if code == "NI" && self.lex(k) == Lex::PartOfDay("NI") && self.is(k, "overnight") {
                    return None;
                }
                let d = d.map_or("XXXX-XX-XX".to_string(), cal::day);
                if anaphoric && the && w == "next" {
                    // "the next morning": a date in TimeBank.
                    return cand(i, k + 1, TimexType::Date, d);
                }
                cand(i, k + 1, TimexType::Time, format!("{d}T{code}"))
            }
            _ => None,
        }
    }

    /// The date a season or month phrase like "that summer" refers back to: the last month mentioned if it
    /// lies in the last year mentioned (the finer one), else that year's start.
    fn anaphoric_base(&self) -> Option<NaiveDate> {
        match (self.ref_month, self.ref_year) {
            (Some(m), Some(y)) if m.year() == y.year() => Some(m),
            (_, Some(y)) => NaiveDate::from_ymd_opt(y.year(), 1, 1),
            (m, None) => m.or(self.dct),
        }
    }

    /// "today's youth", "in today's world", "today's personal computers": the present era in general, which
    /// TimeBank leaves out (unlike "today's editions").
    fn generic_today(&self, i: usize) -> bool {
        let k = if self.is(i, "today's") {
            i + 1
        } else if self.any(i + 1, &["'s", "’s"]) {
            i + 2
        } else {
            return false;
        };
        const ERA: &[&str] = &[
            "world",
            "society",
            "youth",
            "generation",
            "children",
            "kids",
            "teenagers",
            "students",
            "families",
            "parents",
            "women",
            "men",
            "computers",
            "technology",
            "culture",
            "economy",
            "standards",
        ];
        self.any(k, ERA) || self.any(k + 1, ERA)
    }

    /// Whether a bare `today` at `i` names the present era rather than the article's day (TimeML
    /// `PRESENT_REF`): "the challenges of today", "the world today", "Even today, the country leads...",
    /// "Europe today faces...". The cues are few and conservative; everything else keeps the date.
    fn present_era_today(&self, i: usize) -> bool {
        if self.any(i + 1, &["'s", "’s"]) {
            return false;
        }
        // A past tense after it tells of the day's events: "the world today marked", "even today we have
        // received".
        let next = if self.is(i + 1, ",") { i + 2 } else { i + 1 };
        // "The world today marks the day of...": the day's own occasion.
        if self.any(
            next,
            &[
                "marks",
                "mark",
                "celebrates",
                "celebrate",
                "commemorates",
                "commemorate",
                "observes",
                "observe",
                "honours",
                "honors",
            ],
        ) {
            return false;
        }
        let past_after = || {
            self.cues_fwd_w(next, 4, C_PAST | C_WEAK_PAST | C_STRONG_PAST, false)
                == Some(Direction::Past)
        };
        if i <= self.lo {
            return false;
        }
        let p = self.toks[i - 1].low;
        match p {
            // "the problems of today" (not "as of today", "the end of today", "the results of today").
            "of" if i >= self.lo + 2 => {
                let pp = self.toks[i - 2].low;
                self.toks[i - 2].kind == TokenKind::Word
                    && !matches!(
                        pp,
                        "as" | "end"
                            | "beginning"
                            | "start"
                            | "middle"
                            | "rest"
                            | "course"
                            | "morning"
                            | "afternoon"
                            | "evening"
                            | "night"
                            | "results"
                            | "outcome"
                            | "events"
                            | "agenda"
                            | "meeting"
                            | "session"
                    )
            }
            "world" | "society" | "humanity" | "mankind" => !past_after(),
            "even" => !past_after(),
            // "Europe today faces", "Ukraine today is a fortress": a name, then a stative present verb that
            // is no auxiliary of a progressive or perfect ("is visiting", "needs repaired"); a copula only
            // before an indefinite predicate, which classifies ("Elian today is the symbol of our unity" may
            // well mean the day).
            _ => {
                let name = self.toks[i - 1].cap
                    && self.toks[i - 1].kind == TokenKind::Word
                    && !matches!(
                        p,
                        "and"
                            | "but"
                            | "so"
                            | "yet"
                            | "then"
                            | "also"
                            | "only"
                            | "just"
                            | "until"
                            | "since"
                            | "as"
                            | "from"
                            | "for"
                            | "that"
                            | "here"
                            | "there"
                            | "what"
                            | "which"
                            | "it"
                            | "we"
                            | "i"
                            | "he"
                            | "she"
                            | "they"
                            | "you"
                            | "this"
                    );
                let stative = self.any(
                    i + 1,
                    &[
                        "faces", "face", "remains", "remain", "needs", "need", "lives", "live",
                    ],
                ) && !self.tok(i + 2).is_some_and(|t| {
                    t.low.ends_with("ing") || self.cue(i + 2) & (C_PAST | C_WEAK_PAST) != 0
                });
                // Not a name inside a phrase ("the steps taken by the President of Russia today are a
                // threat": "today" dates the steps).
                let classifies = self.any(i + 1, &["is", "are"])
                    && self.any(i + 2, &["a", "an"])
                    && !(i >= self.lo + 2 && self.any(i - 2, &["of", "by"]));
                name && (stative || classifies)
            }
        }
    }

    /// Whether the word at `k`, after "the future", is the noun it modifies ("the future treaty") rather than
    /// the verb or adverb of a clause whose subject or object is the future ("the future looks bright", "in
    /// the future such rules will apply"). After "in" the phrase is nearly always adverbial and is kept.
    fn future_modifies_noun(&self, k: usize) -> bool {
        let Some(t) = self.tok(k) else {
            return false;
        };
        if t.cap || t.kind != TokenKind::Word || !t.low.bytes().all(|b| b.is_ascii_lowercase()) {
            return false;
        }
        if k >= self.lo + 3 && self.is(k - 3, "in") {
            return false;
        }
        let w = t.low;
        if w.len() < 3 || w.ends_with("ly") || w.ends_with("ed") || self.cue(k) != 0 {
            return false;
        }
        const NOT_NOUNS: &[&str] = &[
            // Function words, pronouns, determiners.
            "and", "but", "nor", "for", "the", "that", "this", "these", "those", "which", "who",
            "whom", "whose", "what", "when", "where", "while", "than", "then", "with", "from",
            "into", "onto", "upon", "about", "after", "before", "without", "within", "through",
            "under", "over", "against", "between", "among", "toward", "towards", "unless", "until",
            "because", "such", "all", "any", "some", "every", "each", "many", "much", "more",
            "most", "our", "their", "your", "his", "her", "its", "they", "them", "you", "she",
            "him", "not", "too", "also", "even", "again", "together", "already", "still", "only",
            "just", "here", "there", "now", "well", "either", "rather", "instead", "ahead",
            "alone", "too", // Verbs and auxiliaries after a subject "the future".
            "is", "was", "are", "were", "has", "had", "have", "does", "did", "can", "could",
            "will", "would", "shall", "should", "may", "might", "must", "looks", "look", "holds",
            "hold", "belongs", "belong", "lies", "lie", "seems", "seem", "depends", "depend",
            "remains", "remain", "appears", "promises", "brings", "matters", "begins", "starts",
            "comes", "come", "requires", "needs", "means", "calls", "becomes", "become", "gets",
            "goes", "rests", "hinges", "starts", "awaits", "beckons", "lay", "looked", "held",
            "became", "began",
        ];
        !NOT_NOUNS.contains(&w)
    }

    /// Deictic words: `today`, `tonight`, `yesterday afternoon`, `tomorrow`, `now`, `currently`, `recently`,
    /// `the future`, `the past`.
    fn m_deictic(&self, i: usize) -> Option<Cand> {
        let t = self.tok(i)?;
        let day = |n: i64| match self.dct {
            Some(a) => cal::day(cal::add_days(a, n)),
            None => "XXXX-XX-XX".to_string(),
        };
        let with_part = |v: String, j: usize| -> Option<Cand> {
            if let Lex::PartOfDay(code) = self.lex(j) {
                if code != "NI" || !self.is(j, "overnight") {
                    return cand(i, j + 1, TimexType::Time, format!("{v}T{code}"));
                }
            }
            cand(i, j, TimexType::Date, v)
        };
        match t.low {
            "today" | "today's" if self.generic_today(i) => None,
            // "USA Today", "This is VOA Today": a title after a capitalized name, not the date.
            "today" | "today's"
                if t.cap
                    && i > self.lo
                    && self
                        .tok(i - 1)
                        .is_some_and(|p| p.cap && p.kind == TokenKind::Word) =>
            {
                None
            }
            "today" if self.present_era_today(i) => {
                cand(i, i + 1, TimexType::Date, "PRESENT_REF".into())
            }
            "today" | "today's" => cand(i, i + 1, TimexType::Date, day(0)),
            "tonight" => cand(i, i + 1, TimexType::Time, format!("{}TNI", day(0))),
            "yesterday" => with_part(day(-1), i + 1),
            // "the people of tomorrow", "tomorrow's leaders": the future at large, not the next day.
            "tomorrow"
                if self.prev(i) == "of"
                    && i >= self.lo + 2
                    && self.toks[i - 2].kind == TokenKind::Word
                    && !self.toks[i - 2].cap =>
            {
                None
            }
            "tomorrow's" if self.generic_today(i) => None,
            "tomorrow" => with_part(day(1), i + 1),
            // "tax payments in future quarters": the time ahead.
            "future" if !t.cap && matches!(self.lex(i + 1), Lex::Units(_)) => {
                cand(i, i + 2, TimexType::Date, "FUTURE_REF".into())
            }
            "now" => {
                if self.prev(i) == "right" {
                    return None;
                }
                // "Now, he says, ...": a sentence-opening "Now," turns the discourse to a contrast; TimeBank
                // leaves it out ("Now the talks are stalled" without the comma keeps the present).
                if t.cap && self.is(i + 1, ",") && (i == self.lo || self.is_punct(i - 1)) {
                    return None;
                }
                cand(i, i + 1, TimexType::Date, "PRESENT_REF".into())
            }
            "right" if self.is(i + 1, "now") => {
                cand(i, i + 2, TimexType::Date, "PRESENT_REF".into())
            }
            "currently" | "nowadays" | "presently" => {
                cand(i, i + 1, TimexType::Date, "PRESENT_REF".into())
            }
            "current" if !t.cap => {
                if matches!(self.lex(i + 1), Lex::Unit(_)) || self.is(i + 1, "fiscal") {
                    return None;
                }
                // "at the then current market price": current at a past time.
                if self.prev(i) == "then" {
                    return cand(i, i + 1, TimexType::Date, "PAST_REF".into());
                }
                cand(i, i + 1, TimexType::Date, "PRESENT_REF".into())
            }
            // "most recently last October", "recently, in March": the date that follows says when.
            "recently" if self.date_follows(i) => None,
            "recently" | "lately" => cand(i, i + 1, TimexType::Date, "PAST_REF".into()),
            // "will some day be": an unspecified time (not a day-long span), ahead unless the clause is past.
            // TimeBank leaves the one-word "someday" out.
            "some" if self.is(i + 1, "day") => {
                let e = i + 2;
                if self.any(e, &["of", "'s", "’s"]) {
                    return None;
                }
                let v = match self.tense(i, e) {
                    Some(Direction::Past) => "PAST_REF",
                    _ => "FUTURE_REF",
                };
                cand(i, e, TimexType::Date, v.into())
            }
            // "offerings at a later date": some time ahead.
            "a" if self.is(i + 1, "later") && self.is(i + 2, "date") => {
                cand(i, i + 3, TimexType::Date, "FUTURE_REF".into())
            }
            // "will soon begin", "may repurchase debt soon"; "as soon as", "soon after" are signals.
            "soon" => {
                // "was soon released", "soon became a flood": narrative past, left out by TimeBank.
                let past_next =
                    self.cue(i + 1) & (C_PAST | C_WEAK_PAST) != 0 || self.is(i + 1, "became");
                if past_next
                    || matches!(self.prev(i), "as" | "how" | "so" | "too" | "was" | "were")
                    || self.any(
                        i + 1,
                        &[
                            "as",
                            "after",
                            "afterward",
                            "afterwards",
                            "thereafter",
                            "before",
                            "enough",
                        ],
                    )
                {
                    return None;
                }
                cand(i, i + 1, TimexType::Date, "FUTURE_REF".into())
            }
            "recent" => {
                if let Lex::Units(u) = self.lex(i + 1) {
                    // TimeBank: "recent years" a past reference, "recent weeks" a vague duration.
                    if u == Unit::Year {
                        return cand(i, i + 2, TimexType::Date, "PAST_REF".into());
                    }
                    return cand(i, i + 2, TimexType::Duration, u.duration(None));
                }
                cand(i, i + 1, TimexType::Date, "PAST_REF".into())
            }
            "the" => {
                let mut j = i + 1;
                if self.any(
                    j,
                    &[
                        "near",
                        "foreseeable",
                        "distant",
                        "immediate",
                        "recent",
                        "short",
                    ],
                ) {
                    j += 1;
                }
                match self.w(j) {
                    // "the future of the alliance": its fate or prospects, not a time.
                    "future" if j == i + 1 && self.is(j + 1, "of") => None,
                    // "the future treaty", "the future guarantors of its security": an adjective, not a time.
                    "future" if j == i + 1 && self.future_modifies_noun(j + 1) => None,
                    "future" => cand(i, j + 1, TimexType::Date, "FUTURE_REF".into()),
                    "past" if j == i + 1 || self.is(i + 1, "recent") => {
                        if self.quantity(j + 1).is_some()
                            || matches!(self.lex(j + 1), Lex::Unit(_) | Lex::Units(_))
                        {
                            return None;
                        }
                        cand(i, j + 1, TimexType::Date, "PAST_REF".into())
                    }
                    "present" if j == i + 1 => {
                        cand(i, j + 1, TimexType::Date, "PRESENT_REF".into())
                    }
                    // "the challenges of the near term", "placate some holders in the short term" (not "the
                    // short term debt", nor "in the long run").
                    "term"
                        if self.any(i + 1, &["near", "short"])
                            && !self
                                .tok(j + 1)
                                .is_some_and(|t| t.kind == TokenKind::Word && !t.cap) =>
                    {
                        cand(i, j + 1, TimexType::Date, "FUTURE_REF".into())
                    }
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// `two years ago`, `a year earlier`, `three days later`, `10 days from now`, `several years ago`.
    fn m_ago(&self, i: usize) -> Option<Cand> {
        // "months ago", "years earlier": vague.
        if let Lex::Units(u) = self.lex(i) {
            return match self.w(i + 1) {
                "ago" | "earlier" => cand(i, i + 2, TimexType::Date, "PAST_REF".into()),
                // "Hours later, the rebels fled": as with "three hours later", the length of time after the
                // moment just told, past in a narrative, so no reference to the future.
                "later" => cand(i, i + 1, TimexType::Duration, u.duration(None)),
                _ => None,
            };
        }
        let (q, u, _, mut j) = self.quantity_unit(i)?;
        // "a week or so ago"
        let approx = self.is(j, "or") && self.is(j + 1, "so");
        if approx {
            j += 2;
        }
        let (sign, e, from_ref) = match self.w(j) {
            "ago" | "back" => (-1i64, j + 1, false),
            "earlier" | "before" => (-1, j + 1, true),
            "later" | "after" | "afterward" | "afterwards" => (1, j + 1, true),
            "from" if self.is(j + 1, "now") => (1, j + 2, false),
            "hence" => (1, j + 1, false),
            _ => return None,
        };
        // "three days later", "an hour later": TimeBank tags the duration and leaves "later" as a signal.
        if self.w(j) == "later" {
            return cand(
                i,
                j,
                TimexType::Duration,
                u.duration(match q {
                    Qty::N(n) => Some(n),
                    Qty::Vague => None,
                }),
            );
        }
        if matches!(self.w(j), "before" | "after") && !self.is_punct(e) {
            return None; // "two days before the vote": a duration plus a signal
        }
        if self.w(j) == "back" && !self.is_punct(e) {
            return None;
        }
        let v = match q {
            Qty::Vague => if sign < 0 { "PAST_REF" } else { "FUTURE_REF" }.to_string(),
            Qty::N(n) => {
                let n = n.round() as i64 * sign;
                // "a year earlier" in earnings news: the same quarter a year before.
                if u == Unit::Year && n.abs() == 1 {
                    if let Some((qv, _)) = &self.ref_quarter {
                        return derived(cand(
                            i,
                            e,
                            TimexType::Date,
                            cal::shift_value_years(qv, n as i32)?,
                        ));
                    }
                }
                let anchor = if from_ref {
                    self.ref_day.or(self.dct)
                } else {
                    self.dct
                };
                cal::offset_value(anchor, u, n)
            }
        };
        let mut c = cand(i, e, TimexType::Date, v)?;
        if approx {
            c.modifier = Some("APPROX");
        }
        Some(c)
    }

    /// Durations: `three weeks`, `the past two months`, `the first nine months`, `24 hours`, `several years`,
    /// `a year and a half`, `for years`; `in three days` in a future clause is a date.
    fn m_duration(&self, i: usize) -> Option<Cand> {
        // "the strike could last two weeks": the verb, not "the last two weeks".
        if self.is(i, "last")
            && i > self.lo
            && self.any(
                i - 1,
                &[
                    "to", "will", "would", "could", "may", "might", "can", "should", "must", "'ll",
                    "’ll", "did", "does", "do", "not", "n't",
                ],
            )
        {
            return None;
        }
        let mut j = i;
        let the = self.any(j, &["the", "its", "their"]);
        if the {
            j += 1;
        }
        let rel = if self.any(
            j,
            &[
                "past",
                "last",
                "next",
                "coming",
                "first",
                "previous",
                "following",
                "final",
                "latest",
                "recent",
                "remaining",
                "initial",
                "ensuing",
                "preceding",
                "succeeding",
                "same",
                "entire",
                "whole",
                "full",
                "better",
                // "the year-earlier nine months": the comparison period, a duration.
                "year-earlier",
                "year-ago",
            ],
        ) {
            j += 1;
            Some(self.w(j - 1))
        } else {
            None
        };
        if rel.is_none() && the && !matches!(self.lex(j), Lex::Number(_)) && self.int(j).is_none() {
            // "the year" on its own
            if let Lex::Unit(u) = self.lex(j) {
                let p = self.prev(i);
                if u == Unit::Year {
                    // "the year 2000", "the year two thousand"
                    if let Some((y, e)) = self.year_num(j + 1) {
                        return cand(i, e, TimexType::Date, format!("{y:04}"));
                    }
                    if self.is(j + 1, "two") && self.is(j + 2, "thousand") {
                        let (y, e) = match self.lex(j + 3) {
                            Lex::Number(n) if (1.0..100.0).contains(&n) && n.fract() == 0.0 => {
                                (2000 + n as i32, j + 4)
                            }
                            _ => (2000, j + 3),
                        };
                        return cand(i, e, TimexType::Date, format!("{y:04}"));
                    }
                }
                if u == Unit::Week {
                    // "the week of March 6": that date's week.
                    if self.is(j + 1, "of") {
                        let c = self.m_calendar(j + 2)?;
                        let d = ymd(&c.value)?;
                        return cand(i, c.b, TimexType::Date, cal::week(d));
                    }
                    // "For the week, the index dropped 3.8%", "the week's most active session": a week the
                    // context gives (TimeBank leaves it unresolved within the article's year).
                    if self.is_punct(j + 1) || self.any(j + 1, &["'s", "’s"]) {
                        let y = self.dct.map(|a| a.year());
                        return cand(i, j + 1, TimexType::Date, format!("{}-WXX", cal::year(y)));
                    }
                }
                // "in the year ended March 31", "throughout the year": a year-long period; "a high for the
                // year", "for the year, volume was flat": this year.
                let period = self.any(j + 1, &["ended", "ending"])
                    || matches!(p, "during" | "over" | "throughout");
                return match u {
                    Unit::Year if period => cand(i, j + 1, TimexType::Duration, "P1Y".into()),
                    Unit::Year => cand(
                        i,
                        j + 1,
                        TimexType::Date,
                        cal::unit_value(self.dct, Unit::Year, 0),
                    ),
                    Unit::Weekend => {
                        let dir = self.direction(i, j + 1);
                        let v = match self.dct {
                            Some(a) => {
                                let wd = cal::weekday_num(a) as i64;
                                let off = match dir {
                                    Direction::Past if wd < 6 => -7,
                                    Direction::Future if wd >= 6 => 7,
                                    _ => 0,
                                };
                                format!("{}-WE", cal::week(cal::add_days(a, off)))
                            }
                            None => "XXXX-WXX-WE".into(),
                        };
                        cand(i, j + 1, TimexType::Date, v)
                    }
                    _ => None,
                };
            }
            return None;
        }
        if rel == Some("full") && the && self.is(j, "year") {
            return cand(
                i,
                j + 1,
                TimexType::Date,
                cal::unit_value(self.dct, Unit::Year, 0),
            );
        }
        if let Some((q, u, _, e)) = self.quantity_unit(j) {
            // "more than a quarter of the market" is a share; "in a quarter that produced a loss" some quarter.
            if u == Unit::Quarter
                && self.any(j, &["a", "an", "one"])
                && self.any(e, &["of", "that", "which", "when", "in"])
            {
                return None;
            }
            // "the first two quarters of 1990": its first half.
            if the
                && u == Unit::Quarter
                && q == Qty::N(2.0)
                && matches!(rel, Some("first" | "last"))
                && self.is(e, "of")
            {
                if let Some((y, k)) = self.year_num(e + 1) {
                    let h = if rel == Some("first") { 1 } else { 2 };
                    return cand(i, k, TimexType::Date, format!("{y:04}-H{h}"));
                }
            }
            // "Islam will one day be...", "hopes he one day follows": some time ahead, not a day-long span (a
            // subject pronoun right before leaves no room for a duration).
            if !the
                && rel.is_none()
                && u == Unit::Day
                && self.is(i, "one")
                && self.any(
                    self.lo.max(i.saturating_sub(1)),
                    &[
                        "will", "would", "could", "may", "might", "can", "'ll", "’ll", "he", "she",
                        "they", "we", "i", "you",
                    ],
                )
                && i > self.lo
            {
                return cand(i, e, TimexType::Date, "FUTURE_REF".into());
            }
            if rel.is_none() && !the {
                if self.any(i, &["a", "an", "per"]) && q == Qty::N(1.0) {
                    let p = self.prev(i);
                    // "twice a year", "three times a week", "40 hours a week": a frequency, so a set.
                    let time_counted = i >= self.lo + 2
                        && matches!(self.toks[i - 1].lex, Lex::Unit(_) | Lex::Units(_))
                        && self.toks[i - 2].kind == TokenKind::Number;
                    if matches!(p, "twice" | "once" | "times") || time_counted {
                        return cand(i, e, TimexType::Set, u.duration(Some(1.0)));
                    }
                    // "$5 a year", "10,000 units a year", "3 percent a year": the rate of an amount, which is the
                    // amount's unit (the amounts stage spans it), not a time of its own; as "annually" after
                    // an amount, TimeBank mostly leaves it out.
                    if self.rate_of_amount(i) {
                        return None;
                    }
                    // "$300 more a year": still a rate, though not one the amount spans.
                    let counted = i >= self.lo + 2
                        && self.toks[i - 1].kind == TokenKind::Word
                        && !self.toks[i - 1].cap
                        && self.toks[i - 2].kind == TokenKind::Number;
                    if counted {
                        return cand(i, e, TimexType::Set, u.duration(Some(1.0)));
                    }
                }
                if matches!(u, Unit::Weekend) {
                    return None;
                }
            }
            // "the past year" has no quantity word in front; only known relative words reach here with one.
            let n = match q {
                Qty::N(n) => Some(n),
                Qty::Vague => None,
            };
            // age: "8-month-old" is compound; "two years old"
            if self.is(e, "old") {
                return None;
            }
            // "in three days" in a future clause: a date.
            if !the && rel.is_none() && self.prev(i) == "in" {
                if let Some(n) = n {
                    if self.direction(i, e) == Direction::Future
                        && !matches!(u, Unit::Hour | Unit::Minute | Unit::Second)
                    {
                        // "in a year or two": some time ahead, not one date.
                        if self.is(e, "or")
                            && self
                                .quantity(e + 1)
                                .is_some_and(|(_, k)| self.unit(k).is_none())
                        {
                            return cand(i, e + 2, TimexType::Date, "FUTURE_REF".into());
                        }
                        return cand(
                            i,
                            e,
                            TimexType::Date,
                            cal::offset_value(self.dct, u, n.round() as i64),
                        );
                    }
                }
            }
            return cand(i, e, TimexType::Duration, u.duration(n));
        }
        // No quantity: "the past year", "coming weeks", "for years", "the next few days" handled above.
        match self.lex(j) {
            Lex::Unit(u) if rel.is_some() && u != Unit::Weekend => {
                let r = rel?;
                if !the && !matches!(r, "past") {
                    return None;
                }
                if matches!(
                    r,
                    "same"
                        | "following"
                        | "next"
                        | "previous"
                        | "preceding"
                        | "year-earlier"
                        | "year-ago"
                ) {
                    return None;
                }
                if u == Unit::Quarter && matches!(r, "latest" | "first" | "recent") {
                    return None;
                }
                if matches!(r, "recent") {
                    return None;
                }
                // "grew over the past year": TimeBank dates the single year just gone (a number makes a span:
                // "the past three years" is P3Y). Not a final year ("the last year of the war", "was the last
                // year before the war") nor a longer span ("the past year and a half").
                if u == Unit::Year
                    && self.is(i, "the")
                    && matches!(r, "past" | "last")
                    && !self.any(j + 1, &["of", "and", "before", "that", "when"])
                    && !(r == "last"
                        && i > self.lo
                        && self.any(i - 1, &["is", "was", "be", "been", "being", "are", "were"]))
                {
                    return cand(i, j + 1, TimexType::Date, cal::unit_value(self.dct, u, -1));
                }
                // "cooperation will grow in the coming year": the next calendar year (month, week), as "next
                // year" or "the upcoming year"; only the plural ("the coming weeks") is a vague stretch ahead.
                if r == "coming"
                    && self.is(i, "the")
                    && matches!(u, Unit::Year | Unit::Month | Unit::Week)
                    && !self.any(j + 1, &["of", "and", "or"])
                {
                    return cand(i, j + 1, TimexType::Date, cal::unit_value(self.dct, u, 1));
                }
                cand(i, j + 1, TimexType::Duration, u.duration(Some(1.0)))
            }
            Lex::Units(u) => {
                if let Some(r) = rel {
                    if r == "recent" && !the {
                        return None; // "recent years": m_deictic
                    }
                    if r == "coming" && !the {
                        return cand(i, j + 1, TimexType::Date, "FUTURE_REF".into());
                    }
                    return cand(i, j + 1, TimexType::Duration, u.duration(None));
                }
                if the {
                    return None;
                }
                let p = self.prev(i);
                if matches!(
                    p,
                    "for"
                        | "in"
                        | "within"
                        | "over"
                        | "after"
                        | "took"
                        | "lasted"
                        | "last"
                        | "take"
                ) {
                    // "could take weeks or months": one vague length, as long as the first unit at least.
                    if self.is(j + 1, "or") && matches!(self.lex(j + 2), Lex::Units(_)) {
                        let mut c = cand(i, j + 3, TimexType::Duration, u.duration(None))?;
                        c.modifier = Some("APPROX");
                        return Some(c);
                    }
                    return cand(i, j + 1, TimexType::Duration, u.duration(None));
                }
                None
            }
            _ => None,
        }
    }

    /// Whether the words before `i` end an amount the rate at `i` is of: a number, a number word (`million`,
    /// `percent`, `dollars`), or up to three lower-case words of what it counts after one (`10,000 units`,
    /// `55 billion cubic metres`).
    fn rate_of_amount(&self, i: usize) -> bool {
        const AMOUNT_WORDS: &[&str] = &[
            "percent",
            "pct",
            "cent",
            "%",
            "dollars",
            "cents",
            "pence",
            "yuan",
            "yen",
            "million",
            "billion",
            "trillion",
            "thousand",
            "hundred",
            "millions",
            "billions",
            "thousands",
            "hundreds",
        ];
        let mut k = i;
        for words in 0..=3 {
            if k <= self.lo {
                return false;
            }
            k -= 1;
            let t = &self.toks[k];
            if t.kind == TokenKind::Number || AMOUNT_WORDS.contains(&t.low) {
                return true;
            }
            // Only the counted noun and its modifiers may stand between: no function word, name or unit of time;
            // and the word before the rate is that noun, a plural ("units", "people"), not a verb ("women over 21
            // get screened annually").
            if words == 3
                || t.kind != TokenKind::Word
                || t.cap
                || t.lex != Lex::Other
                || STOP_BEFORE_RATE.contains(&t.low)
                || (words == 0
                    && !(t.low.ends_with('s')
                        || matches!(t.low, "people" | "children" | "men" | "women" | "kwh")))
            {
                return false;
            }
        }
        false
    }

    /// Sets: `every Monday`, `each year`, `daily`, `annually`, `twice a year`, `on Mondays`.
    fn m_set(&self, i: usize) -> Option<Cand> {
        let t = self.tok(i)?;
        let adverb = match t.low {
            "daily" | "nightly" => Some("P1D"),
            "weekly" => Some("P1W"),
            "monthly" => Some("P1M"),
            "annually" | "yearly" | "annual" if t.low != "annual" => Some("P1Y"),
            "hourly" => Some("PT1H"),
            "quarterly" => Some("P3M"),
            _ => None,
        };
        if let Some(v) = adverb {
            if t.cap
                && (i > self.lo
                    || self
                        .tok(i + 1)
                        .is_some_and(|n| n.cap && NEWSPAPER_TITLES.contains(&n.low)))
            {
                return None; // "the Daily Telegraph", "Daily Mail editors said"
            }

            // "revenue to increase by 20% annually", "10,000 units annually": a growth or output rate, which
            // TimeBank leaves out.
            if matches!(t.low, "annually" | "yearly") && self.rate_of_amount(i) {
                return None;
            }
            // "its quarterly dividend": a financial term TimeBank leaves out; "his weekly radio address" is a set.
            if t.low == "quarterly"
                && self
                    .tok(i + 1)
                    .is_some_and(|n| n.kind == TokenKind::Word && !n.cap)
            {
                return None;
            }
            // "the Communist Party daily Granma", "the business daily Kommersant", "the French weekly Le Point":
            // a newspaper, named after its owner or kind and before its title. ("daily Russian strikes" has no
            // such word before it.)
            if matches!(t.low, "daily" | "weekly") && i > self.lo {
                let p = &self.toks[i - 1];
                let kind_before = (p.cap && p.kind == TokenKind::Word && p.lex == Lex::Other)
                    || NEWSPAPER_KINDS.contains(&p.low);
                let title_after = self
                    .tok(i + 1)
                    .is_some_and(|n| n.cap && n.kind == TokenKind::Word && n.lex == Lex::Other);
                if kind_before && title_after {
                    return None;
                }
            }
            // "daily" as an adjective before a noun is still a set in TimeML ("daily meetings").
            return cand(i, i + 1, TimexType::Set, v.into());
        }
        if let Lex::Weekdays(wd) = t.lex {
            return cand(i, i + 1, TimexType::Set, format!("XXXX-WXX-{wd}"));
        }
        // "15 million instructions per second", "120 beats per minute": a unit of speed, not a recurring time.
        if t.low == "per"
            && matches!(self.lex(i + 1), Lex::Unit(Unit::Second | Unit::Minute))
            && !self.any(i.saturating_sub(1), &["times", "once", "twice"])
        {
            return None;
        }
        // "55 billion cubic metres per year", "$115 each month": the amount's rate, as `a year` after one.
        if matches!(t.low, "per" | "each") && self.rate_of_amount(i) {
            return None;
        }
        let (a, mut j) = match t.low {
            "every" | "each" | "per" => (i, i + 1),
            "twice" | "once" if self.any(i + 1, &["a", "an", "per", "every", "each"]) => (i, i + 2),
            _ => return None,
        };
        let mut n = 1.0;
        if self.is(j, "other") {
            n = 2.0;
            j += 1;
        }
        if let Some((Qty::N(q), k)) = self.quantity(j) {
            if self.unit(k).is_some() && !self.any(j, &["a", "an"]) {
                n = q;
                j = k;
            }
        }
        match self.lex(j) {
            Lex::Unit(u) => cand(a, j + 1, TimexType::Set, u.duration(Some(n))),
            Lex::Units(u) if n != 1.0 => cand(a, j + 1, TimexType::Set, u.duration(Some(n))),
            Lex::Weekday(wd) => cand(a, j + 1, TimexType::Set, format!("XXXX-WXX-{wd}")),
            Lex::Month(m, _) if self.tok(j).is_some_and(|t| t.cap) => {
                cand(a, j + 1, TimexType::Set, format!("XXXX-{m:02}"))
            }
            Lex::Season(code) => cand(a, j + 1, TimexType::Set, format!("XXXX-{code}")),
            Lex::PartOfDay(code) => cand(a, j + 1, TimexType::Set, format!("XXXX-XX-XXT{code}")),
            _ => None,
        }
    }

    /// Holidays with a fixed or computable date: `Christmas`, `New Year's Day`, `Thanksgiving`, `Easter`.
    fn m_holiday(&self, i: usize) -> Option<Cand> {
        let t = self.tok(i)?;
        if !t.cap {
            return None;
        }
        type Rule = fn(i32) -> Option<NaiveDate>;
        let (rule, mut e): (Rule, usize) = match t.low {
            // "a Christmas tree", "Christmas cards": things, not the day.
            "christmas" if self.any(i + 1, CHRISTMAS_THINGS) => return None,
            "christmas" if self.is(i + 1, "eve") => (|y| NaiveDate::from_ymd_opt(y, 12, 24), i + 2),
            // Orthodox churches keep Christmas on January 7 of the civil calendar.
            "christmas" if self.prev(i) == "orthodox" => (
                |y| NaiveDate::from_ymd_opt(y, 1, 7),
                if self.is(i + 1, "day") { i + 2 } else { i + 1 },
            ),
            "christmas" => (
                |y| NaiveDate::from_ymd_opt(y, 12, 25),
                if self.is(i + 1, "day") { i + 2 } else { i + 1 },
            ),
            "new"
                if self.is(i + 1, "year")
                    && self.any(i + 2, &["'s", "’s"])
                    && self.is(i + 3, "eve") =>
            {
                (|y| NaiveDate::from_ymd_opt(y, 12, 31), i + 4)
            }
            "new"
                if self.is(i + 1, "year")
                    && self.any(i + 2, &["'s", "’s"])
                    && self.is(i + 3, "day") =>
            {
                (|y| NaiveDate::from_ymd_opt(y, 1, 1), i + 4)
            }
            "thanksgiving" => (
                |y| cal::nth_weekday(y, 11, Weekday::Thu, 4),
                if self.is(i + 1, "day") { i + 2 } else { i + 1 },
            ),
            // Orthodox churches keep Easter by the Julian calendar: in a document that speaks of them
            // (Russian, Ukrainian, Greek or Serbian news), Easter is theirs.
            "easter" if self.orthodox_easter(i) => (
                cal::orthodox_easter,
                if self.is(i + 1, "sunday") {
                    i + 2
                } else {
                    i + 1
                },
            ),
            "easter" => (
                cal::easter,
                if self.is(i + 1, "sunday") {
                    i + 2
                } else {
                    i + 1
                },
            ),
            // The days of Holy Week, a fixed number of days before Easter (the Orthodox one where Easter is).
            "good" | "holy" | "maundy" | "palm"
                if matches!(
                    (t.low, self.w(i + 1)),
                    ("good", "friday")
                        | ("holy" | "maundy", "thursday")
                        | ("holy", "saturday")
                        | ("palm", "sunday")
                ) =>
            {
                // "Holy Saturday, March 31": the explicit date says which one.
                if self.is(i + 2, ",") {
                    if let Some(c) = self.month_day(i + 3) {
                        return cand(i, c.b, TimexType::Date, c.value);
                    }
                }
                let orthodox = self.orthodox_easter(i);
                let rule: Rule = match (self.w(i + 1), orthodox) {
                    ("thursday", false) => |y| cal::easter(y).map(|d| cal::add_days(d, -3)),
                    ("thursday", true) => |y| cal::orthodox_easter(y).map(|d| cal::add_days(d, -3)),
                    ("friday", false) => |y| cal::easter(y).map(|d| cal::add_days(d, -2)),
                    ("friday", true) => |y| cal::orthodox_easter(y).map(|d| cal::add_days(d, -2)),
                    ("saturday", false) => |y| cal::easter(y).map(|d| cal::add_days(d, -1)),
                    ("saturday", true) => |y| cal::orthodox_easter(y).map(|d| cal::add_days(d, -1)),
                    (_, false) => |y| cal::easter(y).map(|d| cal::add_days(d, -7)),
                    (_, true) => |y| cal::orthodox_easter(y).map(|d| cal::add_days(d, -7)),
                };
                (rule, i + 2)
            }
            "halloween" => (|y| NaiveDate::from_ymd_opt(y, 10, 31), i + 1),
            // Another country's ("Kazakhstan's Independence Day", "Independence Day of Israel", "Ukrainian
            // Independence Day"): a holiday whose date the name does not give.
            "independence" if self.is(i + 1, "day") && self.foreign_holiday(i, i + 2) => {
                let v = match self.year_num(i + 2) {
                    Some((y, k)) => return cand(i, k, TimexType::Date, format!("{y:04}")),
                    None => "XXXX-XX-XX".to_string(),
                };
                return cand(i, i + 2, TimexType::Date, v);
            }
            "independence" if self.is(i + 1, "day") => {
                (|y| NaiveDate::from_ymd_opt(y, 7, 4), i + 2)
            }
            "labor" | "labour" if self.is(i + 1, "day") => {
                (|y| cal::nth_weekday(y, 9, Weekday::Mon, 1), i + 2)
            }
            "memorial" if self.is(i + 1, "day") => {
                (|y| cal::nth_weekday(y, 5, Weekday::Mon, 5), i + 2)
            }
            "election" if self.is(i + 1, "day") => (
                |y| cal::nth_weekday(y, 11, Weekday::Mon, 1).map(|d| cal::add_days(d, 1)),
                i + 2,
            ),
            "valentine's" | "valentine’s" if self.is(i + 1, "day") => {
                (|y| NaiveDate::from_ymd_opt(y, 2, 14), i + 2)
            }
            _ => return None,
        };
        // "Easter" as part of a name ("Easter Island") is rare; a following capitalized word vetoes.
        if self
            .tok(e)
            .is_some_and(|t| t.cap && t.kind == TokenKind::Word && t.lex == Lex::Other)
        {
            return None;
        }
        let y = if let Some((y, k)) = self.year_num(e) {
            e = k;
            Some(y)
        } else {
            // As for months, only strong cues count: in "the leaders exchanged greetings on the approaching
            // Christmas" the past verb dates the greeting, not the feast.
            self.dct.map(|a| {
                let this = rule(a.year());
                match (this, self.month_tense(i, e)) {
                    (Some(d), Some(Direction::Past)) if d > cal::add_days(a, 7) => a.year() - 1,
                    (Some(d), Some(Direction::Future)) if d < a => a.year() + 1,
                    // No cue: the last one, unless the next one is at most six weeks ahead (Christmas read on
                    // December 14, Orthodox Christmas on December 30).
                    (Some(d), None) if d > cal::add_days(a, 45) => a.year() - 1,
                    (Some(d), None) if d < cal::add_days(a, -320) => a.year() + 1,
                    _ => a.year(),
                }
            })
        };
        let day = y.and_then(rule);
        // "Easter week": the week of the holiday.
        if self.is(e, "week") {
            if let Some(d) = day {
                return cand(i, e + 1, TimexType::Date, cal::week(d));
            }
        }
        let v = match y {
            Some(y) => day.map_or(format!("{y:04}"), cal::day),
            // No year to anchor to: keep what every year shares ("Christmas" is XXXX-12-25 and "Labor Day"
            // XXXX-09-XX); two sample years tell a fixed date from a weekday rule.
            None => match (rule(2001), rule(2002)) {
                (Some(a), Some(b)) if a.month() == b.month() && a.day() == b.day() => {
                    format!("XXXX-{:02}-{:02}", a.month(), a.day())
                }
                (Some(a), Some(b)) if a.month() == b.month() => format!("XXXX-{:02}-XX", a.month()),
                _ => "XXXX-XX-XX".into(),
            },
        };
        cand(i, e, TimexType::Date, v)
    }

    /// Whether the Easter at `i` is the Orthodox one: "Orthodox Easter", or a document that speaks of the Orthodox
    /// church or comes from an Orthodox country, unless the sentence names the Western churches ("Catholic
    /// Easter", "Christians of the Western rite celebrate Easter").
    fn orthodox_easter(&self, i: usize) -> bool {
        if self.prev(i) == "orthodox" {
            return true;
        }
        // A window of the sentence, not all of it: many Easters in one long sentence stay linear.
        let window = self.lo.max(i.saturating_sub(24))..self.hi.min(self.lim).min(i + 24);
        // "Western" only of a church or rite: "Western sanctions" says nothing of the calendar.
        let western = window.into_iter().any(|k| {
            self.any(
                k,
                &[
                    "catholic",
                    "catholics",
                    "protestant",
                    "protestants",
                    "gregorian",
                ],
            ) || (self.is(k, "western")
                && self.any(
                    k + 1,
                    &[
                        "rite",
                        "church",
                        "churches",
                        "christians",
                        "christianity",
                        "calendar",
                        "easter",
                    ],
                ))
        });
        !western && (self.orthodox_country || self.speaks_of_orthodoxy())
    }

    /// Whether the document names the Orthodox church or its faithful (`Orthodox Christians`, not `Orthodox Jews`).
    /// Computed once, at the first Easter.
    fn speaks_of_orthodoxy(&self) -> bool {
        if let Some(v) = self.orthodox.get() {
            return v;
        }
        let v = self.toks.iter().enumerate().any(|(i, t)| {
            t.low == "orthodox"
                && !self
                    .tok(i + 1)
                    .is_some_and(|n| n.low.starts_with("jew") || n.low == "judaism")
        });
        self.orthodox.set(Some(v));
        v
    }

    /// Whether the holiday at `i..e` belongs to a named country other than the United States: a possessive
    /// or a capitalized word before it, or `of` and a capitalized word after it.
    fn foreign_holiday(&self, i: usize, e: usize) -> bool {
        let american = |w: &str| {
            matches!(
                w,
                "u.s" | "us" | "american" | "america" | "united" | "states"
            )
        };
        if i >= self.lo + 2 && self.any(i - 1, &["'s", "’s"]) {
            return !american(self.w(i - 2));
        }
        if i > self.lo
            && self
                .tok(i - 1)
                .is_some_and(|t| t.cap && t.kind == TokenKind::Word && t.lex == Lex::Other)
        {
            return !american(self.w(i - 1));
        }
        if self.is(e, "of") && self.tok(e + 1).is_some_and(|t| t.cap || t.low == "the") {
            return true;
        }
        // "congratulated the President of Azerbaijan on Independence Day": the country named just before.
        let lo = self.lo.max(i.saturating_sub(12));
        (lo + 1..i).any(|k| {
            self.is(k, "of")
                && self.any(
                    k - 1,
                    &[
                        "president",
                        "people",
                        "peoples",
                        "king",
                        "queen",
                        "emir",
                        "government",
                        "republic",
                        "kingdom",
                        "citizens",
                        "minister",
                    ],
                )
                && self.tok(k + 1).is_some_and(|t| {
                    t.cap && t.kind == TokenKind::Word && !american(t.low) && t.low != "the"
                })
        })
    }

    /// Hyphenated words: `two-year`, `30-day`, `day-long`, `third-quarter` (via the quarter matcher),
    /// `year-earlier`, `year-end`, `mid-1990s`, `mid-November`, `mid-afternoon`.
    fn m_compound(&self, i: usize) -> Option<Cand> {
        let t = self.tok(i)?;
        if !t.low.contains('-') {
            return None;
        }
        let mut parts = t.low.split('-');
        let a = parts.next()?;
        let b = parts.next()?;
        let c = parts.next();
        if parts.next().is_some() {
            return None;
        }
        if c == Some("old") {
            return None; // ages are not time expressions
        }
        // "a 19th-century church": the century.
        let century = |a: &str, b: &str| {
            (b == "century")
                .then(|| lexicon::ordinal(a))
                .flatten()
                .filter(|n| (1..=30).contains(n))
                .map(|n| format!("{:02}", n - 1))
        };
        if c.is_none() {
            if let Some(v) = century(a, b) {
                return cand(i, i + 1, TimexType::Date, v);
            }
            // "post-1959 politics", "pre-2008 levels": the year, with the side it points to.
            if matches!(a, "post" | "pre")
                && b.len() == 4
                && b.bytes().all(|x| x.is_ascii_digit())
                && ("1000".."2101").contains(&b)
            {
                let mut x = cand(i, i + 1, TimexType::Date, b.to_string())?;
                x.modifier = Some(if a == "post" { "AFTER" } else { "BEFORE" });
                return Some(x);
            }
        }
        if matches!(a, "mid" | "early" | "late") {
            let md = match a {
                "mid" => "MID",
                "early" => "START",
                _ => "END",
            };
            let rest = &t.low[a.len() + 1..];
            let v: String = if rest.len() == 4 && rest.bytes().all(|x| x.is_ascii_digit()) {
                rest.to_string()
            } else if rest.len() == 5
                && rest.ends_with("0s")
                && rest[..4].bytes().all(|x| x.is_ascii_digit())
            {
                rest[..3].to_string()
            } else if let Lex::Month(m, _) = lexicon::lookup(rest) {
                cal::resolve_month(self.dct, m, self.month_tense(i, i + 1))
            } else if let Lex::PartOfDay(code) = lexicon::lookup(rest) {
                // "mid-afternoon yesterday": the day that follows names the date.
                let (d, e) = match (self.w(i + 1), self.dct) {
                    ("yesterday", Some(a)) => (cal::day(cal::add_days(a, -1)), i + 2),
                    ("today", Some(a)) => (cal::day(a), i + 2),
                    ("tomorrow", Some(a)) => (cal::day(cal::add_days(a, 1)), i + 2),
                    (_, a) => (a.map_or("XXXX-XX-XX".to_string(), cal::day), i + 1),
                };
                let mut x = cand(i, e, TimexType::Time, format!("{d}T{code}"))?;
                x.modifier = Some(md);
                return Some(x);
            } else if matches!(rest, "year") {
                cal::unit_value(self.dct, Unit::Year, 0)
            } else {
                // "mid-19th-century"
                c.and_then(|c| century(b, c))?
            };
            let mut x = cand(i, i + 1, TimexType::Date, v)?;
            x.modifier = Some(md);
            return Some(x);
        }
        if a == "year" && matches!(b, "earlier" | "ago") && c.is_none() {
            let v = match &self.ref_quarter {
                Some((q, _)) => cal::shift_value_years(q, -1)?,
                _ => cal::unit_value(self.dct, Unit::Year, -1),
            };
            return derived(cand(i, i + 1, TimexType::Date, v));
        }
        if a == "year" && b == "end" && c.is_none() {
            let mut x = cand(
                i,
                i + 1,
                TimexType::Date,
                cal::unit_value(self.dct, Unit::Year, 0),
            )?;
            x.modifier = Some("END");
            return Some(x);
        }
        // unit-long: day-long, decades-long
        if b == "long" && c.is_none() {
            return match lexicon::lookup(a) {
                Lex::Unit(u) => cand(i, i + 1, TimexType::Duration, u.duration(Some(1.0))),
                Lex::Units(u) => cand(i, i + 1, TimexType::Duration, u.duration(None)),
                _ => None,
            };
        }
        // N-unit
        let n: Option<f64> = if let Ok(n) = a.parse::<f64>() {
            Some(n)
        } else if let Lex::Number(n) = lexicon::lookup(a) {
            Some(n)
        } else if matches!(a, "several" | "multi" | "few") {
            None
        } else {
            return None;
        };
        let u = match lexicon::lookup(b) {
            Lex::Unit(u) => u,
            _ => return None,
        };
        if matches!(c, Some(x) if x != "long") {
            return None;
        }
        cand(i, i + 1, TimexType::Duration, u.duration(n))
    }

    /// Assorted fixed phrases: fiscal years, `year end`, `some time`, `a while`, `overnight`, `in the morning`,
    /// `future` as an adjective, `these days`, `over the years`.
    fn m_misc(&self, i: usize) -> Option<Cand> {
        let t = self.tok(i)?;
        let day = || self.dct.map_or("XXXX-XX-XX".to_string(), cal::day);
        let mut j = i;
        if self.any(j, &["the", "its", "their"]) {
            j += 1;
        }
        let shift = match self.w(j) {
            "current" | "present" | "new" => {
                j += 1;
                0
            }
            "latest" | "previous" | "last" | "past" | "prior" => {
                j += 1;
                -1
            }
            "next" | "coming" => {
                j += 1;
                1
            }
            _ => 0,
        };
        if self.is(j, "fiscal") && self.is(j + 1, "year") && j > i {
            if let Some((y, e)) = self.year_num(j + 2) {
                return cand(i, e, TimexType::Date, format!("{y:04}"));
            }
            // "the fiscal year ended Jan. 31", "throughout the fiscal year": the year-long period.
            if self.any(j + 2, &["ended", "ending"])
                || matches!(self.prev(i), "during" | "over" | "throughout")
            {
                return cand(i, j + 2, TimexType::Duration, "P1Y".into());
            }
            return cand(
                i,
                j + 2,
                TimexType::Date,
                cal::unit_value(self.dct, Unit::Year, shift),
            );
        }
        match t.low {
            "year" if self.any(i + 1, &["end", "'s", "’s"]) => {
                let e = if self.is(i + 1, "end") {
                    i + 2
                } else if self.is(i + 2, "end") {
                    i + 3
                } else {
                    return None;
                };
                let mut c = cand(
                    i,
                    e,
                    TimexType::Date,
                    cal::unit_value(self.dct, Unit::Year, 0),
                )?;
                c.modifier = Some("END");
                Some(c)
            }
            "some" if self.is(i + 1, "time") => {
                if self.any(i + 2, &["ago", "earlier", "before"]) {
                    return cand(i, i + 3, TimexType::Date, "PAST_REF".into());
                }
                if self.any(i + 2, &["later", "soon"]) {
                    return None;
                }
                cand(i, i + 2, TimexType::Duration, "PXX".into())
            }
            "a" if self.is(i + 1, "while") => cand(i, i + 2, TimexType::Duration, "PXX".into()),
            "mid" => match self.lex(i + 1) {
                Lex::PartOfDay(code) => {
                    let mut c = cand(i, i + 2, TimexType::Time, format!("{}T{code}", day()))?;
                    c.modifier = Some("MID");
                    Some(c)
                }
                _ => None,
            },
            "a" if self.is(i + 1, "long") && self.is(i + 2, "time") => {
                cand(i, i + 3, TimexType::Duration, "PXX".into())
            }
            "overnight" if !t.cap || i == self.lo => {
                cand(i, i + 1, TimexType::Time, format!("{}TNI", day()))
            }
            "these" if self.is(i + 1, "days") => {
                cand(i, i + 2, TimexType::Date, "PRESENT_REF".into())
            }
            // "Today is the eighth day of Desert Shield", "It's the second day of an offensive", "it was a great
            // day for Poland": the day the story tells of, named by its place in a run or by a verdict.
            "the" | "a" if self.story_day(i).is_some() => self.story_day(i),
            // "the day before last Tuesday's hearing", "the day after Oct. 12": a day next to a named one.
            // "Eight trading days after Oct. 12, the day before the stock market plunge": an apposition renames
            // the date just given.
            "the"
                if self.is(i + 1, "day")
                    && self.any(i + 2, &["before", "after"])
                    && self.named_day(i + 3).is_none()
                    && i > self.lo
                    && self.is(i - 1, ",")
                    && self.ref_day_at < i
                    && self
                        .m_calendar(self.ref_day_at)
                        .is_some_and(|c| c.b + 1 == i && c.value.len() == 10) =>
            {
                let d = self.ref_day?;
                cand(i, i + 2, TimexType::Date, cal::day(d))
            }
            // "$300 million last year, down from $450 million the year before": the unit next to the one last
            // mentioned (an adverb here, closed by punctuation).
            "the"
                if matches!(
                    self.lex(i + 1),
                    Lex::Unit(Unit::Day | Unit::Week | Unit::Month | Unit::Year)
                ) && self.any(i + 2, &["before", "after"])
                    && self.is_punct(i + 3) =>
            {
                let Lex::Unit(u) = self.lex(i + 1) else {
                    return None;
                };
                let n = if self.is(i + 2, "before") { -1 } else { 1 };
                let anchor = match u {
                    Unit::Year => self.ref_year,
                    Unit::Month => self.ref_month,
                    _ => self.ref_day,
                }
                .or(self.dct);
                let v = if u == Unit::Day {
                    anchor.map_or("XXXX-XX-XX".to_string(), |a| cal::day(cal::add_days(a, n)))
                } else {
                    cal::unit_value(anchor, u, n)
                };
                cand(i, i + 3, TimexType::Date, v)
            }
            "the" if self.is(i + 1, "day") && self.any(i + 2, &["before", "after"]) => {
                let c = self.named_day(i + 3)?;
                let d = ymd(&c.value)?;
                let n = if self.is(i + 2, "before") { -1 } else { 1 };
                cand(i, c.b, TimexType::Date, cal::day(cal::add_days(d, n)))
            }
            // "to stay for a fairly lengthy period": an unstated length of time.
            "a" if {
                let j = if self.any(i + 1, &["fairly", "very", "relatively", "rather"]) {
                    i + 2
                } else {
                    i + 1
                };
                self.any(j, &["lengthy", "long", "short", "brief"]) && self.is(j + 1, "period")
            } =>
            {
                let j = if self.is(i + 2, "period") {
                    i + 2
                } else {
                    i + 3
                };
                cand(i, j + 1, TimexType::Duration, "PXX".into())
            }
            "the" => {
                let p = self.prev(i);
                match self.lex(i + 1) {
                    Lex::PartOfDay(code)
                        if matches!(p, "in" | "during" | "late" | "early" | "by" | "until")
                            && !self.is(i + 2, "of") =>
                    {
                        cand(i, i + 2, TimexType::Time, format!("{}T{code}", day()))
                    }
                    Lex::Units(u)
                        if matches!(p, "over" | "through" | "throughout" | "in")
                            && !self.is(i + 2, "of") =>
                    {
                        if self.is(i + 2, "ahead") {
                            return cand(i, i + 3, TimexType::Duration, u.duration(None));
                        }
                        cand(i, i + 2, TimexType::Duration, u.duration(None))
                    }
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// "is the eighth day of ...", "it was a historic day": a day named after a copula. In the present it is the
    /// article's day, in the past the day last mentioned. Not after "today" or "tomorrow", which are tagged
    /// themselves ("Today is a sad day").
    fn story_day(&self, i: usize) -> Option<Cand> {
        // An opening quotation mark may stand between: it was "a great day for Poland."
        let mut c = i;
        if c > self.lo && self.any(c - 1, &["\"", "“", "``", "'"]) {
            c -= 1;
        }
        if c <= self.lo {
            return None;
        }
        let present = match self.w(c - 1) {
            "is" | "'s" | "’s" => true,
            "was" => false,
            _ => return None,
        };
        let day_word_subject =
            c >= self.lo + 2 && self.any(c - 2, &["today", "tomorrow", "yesterday", "tonight"]);
        let e = if self.is(i, "the") {
            // "the second day of an offensive", "the 8th day of"
            let n = self.w(i + 1);
            let ordinal = lexicon::ordinal(n).is_some()
                || (n.len() > 2
                    && n.as_bytes()[0].is_ascii_digit()
                    && ["st", "nd", "rd", "th"].iter().any(|s| n.ends_with(s)));
            if !(ordinal && self.is(i + 2, "day") && self.is(i + 3, "of")) {
                return None;
            }
            i + 3
        } else {
            // "a great day for Poland", "a historic day"
            let verdict = self.any(
                i + 1,
                &[
                    "great",
                    "historic",
                    "sad",
                    "proud",
                    "dark",
                    "black",
                    "momentous",
                    "tragic",
                    "happy",
                    "glorious",
                    "historical",
                ],
            );
            if day_word_subject
                || !(verdict && self.is(i + 2, "day") && self.any(i + 3, &["for", ".", ",", "in"]))
            {
                return None;
            }
            i + 3
        };
        let d = if present { self.dct } else { self.ref_day };
        let v = d.map_or("XXXX-XX-XX".to_string(), cal::day);
        cand(i, e, TimexType::Date, v)
    }

    /// A day-level date at `k` ("Oct. 12", "last Tuesday", "yesterday"), from matchers that never come back here
    /// (no recursion on "the day before the day before ...").
    fn named_day(&self, k: usize) -> Option<Cand> {
        [
            self.m_calendar(k),
            self.m_relative_unit(k),
            self.m_deictic(k),
        ]
        .into_iter()
        .flatten()
        .filter(|c| c.a == k && c.value.len() == 10 && ymd(&c.value).is_some())
        .max_by_key(|c| c.b)
    }

    /// Quantity modifiers: `more than two decades`, `about a year ago`, `nearly an hour`, `at least 30 days`,
    /// `around 7:15 p.m.`.
    fn m_prefix(&self, i: usize) -> Option<Cand> {
        let (md, j) = match self.w(i) {
            "more" | "longer" if self.is(i + 1, "than") => ("MORE_THAN", i + 2),
            // "over the past decade" is during it, not more than it.
            "over" | "under"
                if self.any(
                    i + 1,
                    &[
                        "the", "this", "its", "their", "past", "last", "next", "recent", "coming",
                    ],
                ) =>
            {
                return None
            }
            "over" => ("MORE_THAN", i + 1),
            "less" | "fewer" | "shorter" if self.is(i + 1, "than") => ("LESS_THAN", i + 2),
            "under" => ("LESS_THAN", i + 1),
            "nearly" | "almost" => ("LESS_THAN", i + 1),
            "about" | "around" | "roughly" | "approximately" | "some" | "circa" => {
                ("APPROX", i + 1)
            }
            "at" if self.is(i + 1, "least") => ("EQUAL_OR_MORE", i + 2),
            "at" if self.is(i + 1, "most") => ("EQUAL_OR_LESS", i + 2),
            "up" if self.is(i + 1, "to") => ("EQUAL_OR_LESS", i + 2),
            "no" if self.is(i + 1, "more") && self.is(i + 2, "than") => ("EQUAL_OR_LESS", i + 3),
            "no" if self.is(i + 1, "less") && self.is(i + 2, "than") => ("EQUAL_OR_MORE", i + 3),
            "just" if self.any(i + 1, &["over", "under"]) => (
                if self.is(i + 1, "over") {
                    "MORE_THAN"
                } else {
                    "LESS_THAN"
                },
                i + 2,
            ),
            _ => return None,
        };
        let mut c = self.core(j)?;
        if c.a != j {
            return None;
        }
        let ok = match c.kind {
            TimexType::Duration => true,
            TimexType::Date => {
                // "about two years ago", "around Nov. 1"; not "around Wednesday's ruling".
                !matches!(self.w(i), "over" | "under" | "some" | "up")
                    && !matches!(self.lex(j), Lex::Weekday(_))
                    && !c.value.ends_with("_REF")
            }
            TimexType::Time => matches!(
                self.w(i),
                "about" | "around" | "approximately" | "roughly" | "nearly" | "almost"
            ),
            TimexType::Set => false,
        };
        if !ok {
            return None;
        }
        if c.kind == TimexType::Date
            && md != "APPROX"
            && !matches!(self.w(i), "nearly" | "almost" | "more" | "less")
        {
            return None;
        }
        c.a = i;
        c.modifier = Some(md);
        Some(c)
    }

    /// Position modifiers: `early next year`, `late November`, `the end of 1990`, `the beginning of October`,
    /// `earlier this week`, `later this month`, `mid-1996` (compound), `the middle of October`.
    fn m_position(&self, i: usize) -> Option<Cand> {
        let (md, j): (Option<&'static str>, usize) = match self.w(i) {
            "early" => (Some("START"), i + 1),
            "late" => (Some("END"), i + 1),
            "mid" => (Some("MID"), if self.is(i + 1, "-") { i + 2 } else { i + 1 }),
            "earlier" | "later" => (None, i + 1),
            "the" | "end" | "beginning" | "start" | "middle" => {
                let k = if self.is(i, "the") { i + 1 } else { i };
                let md = match self.w(k) {
                    "end" => "END",
                    "beginning" | "start" => "START",
                    "middle" => "MID",
                    "turn" => "START",
                    _ => return None,
                };
                if !self.is(k + 1, "of") {
                    return None;
                }
                let j = k + 2;
                // "the end of the month/year/week/quarter/decade"
                if self.is(j, "the") || self.is(j, "this") {
                    if let Lex::Unit(u) = self.lex(j + 1) {
                        if matches!(
                            u,
                            Unit::Week
                                | Unit::Month
                                | Unit::Year
                                | Unit::Quarter
                                | Unit::Decade
                                | Unit::Century
                        ) {
                            // "the end of the month" is the one under discussion, unless the clause looks
                            // ahead from an earlier date ("will be named by the end of the year").
                            // A date from another paragraph is another story ("Since the start of the year,
                            // 100 people have been killed").
                            // An undated article may be written any time after the dates it names.
                            let back_then = self
                                .ref_day
                                .is_some_and(|r| self.dct.map_or(true, |d| r < d));
                            let ahead = self.tense(i, j + 2) == Some(Direction::Future);
                            let here = self.ref_day_at >= self.para_lo
                                || (self.tense(i, j + 2) == Some(Direction::Past)
                                    && !(self.lo.max(i.saturating_sub(16))
                                        ..self.hi.min(self.lim).min(i + 24))
                                        .any(|k| self.any(k, &["has", "have", "'ve", "’ve"])));
                            let anchor = if self.is(j, "the") && here && !(back_then && ahead) {
                                self.ref_day.or(self.dct)
                            } else {
                                self.dct
                            };
                            let mut c =
                                cand(i, j + 2, TimexType::Date, cal::unit_value(anchor, u, 0))?;
                            c.modifier = Some(md);
                            return Some(c);
                        }
                    }
                }
                (Some(md), j)
            }
            _ => return None,
        };
        let mut c = self.core(j)?;
        if c.a != j || !matches!(c.kind, TimexType::Date | TimexType::Time) {
            return None;
        }
        if c.value.ends_with("_REF") {
            return None;
        }
        // "earlier" / "later" alone before a plain year or month reads as comparison ("later 1990 models"): only
        // with deictic or relative expressions.
        if md.is_none()
            && !(self.any(
                j,
                &[
                    "this",
                    "that",
                    "today",
                    "yesterday",
                    "tomorrow",
                    "in",
                    "tonight",
                ],
            ) || matches!(self.lex(j), Lex::Weekday(_)))
        {
            return None;
        }
        c.a = i;
        if let Some(m) = md {
            c.modifier = Some(m);
        }
        Some(c)
    }
}

impl Scanner<'_> {
    /// Whether the current sentence is a heading, a title or in title case, computed once per sentence.
    fn in_title_case(&self) -> bool {
        if let Some(known) = self.title_case.get() {
            return known;
        }
        let title_case = self.title_case_sentence();
        self.title_case.set(Some(title_case));
        title_case
    }

    /// Whether most longer words of the current sentence after its first are capitalized (a headline in title
    /// case).
    fn title_case_sentence(&self) -> bool {
        let (mut words, mut caps) = (0usize, 0usize);
        for t in self.toks.get(self.lo + 1..self.hi).unwrap_or(&[]) {
            if t.kind == TokenKind::Word
                && t.low.len() >= 4
                && t.low.bytes().all(|b| b.is_ascii_alphabetic())
            {
                words += 1;
                caps += t.cap as usize;
            }
        }
        words >= 2 && caps * 5 >= words * 3
    }
}

/// Words that lead into a year when capitalized mid-sentence, in title-case headlines ("Economy To Grow In
/// 2022") or after a colon ("Putin: On 2020 levels?"): the year after them is a time, not part of a name.
/// Nouns of newspaper titles next to a weekday ("The Sunday Times", "the Mail on Sunday").
const NEWSPAPER_TITLES: &[&str] = &[
    "times",
    "telegraph",
    "express",
    "mirror",
    "post",
    "herald",
    "independent",
    "tribune",
    "observer",
    "mail",
    "star",
    "sun",
    "people",
    "record",
    "journal",
];

/// Car makes, after which a year is a model year ("a 1965 Ford Mustang").
const CAR_MAKES: &[&str] = &[
    "chevrolet",
    "chevy",
    "ford",
    "toyota",
    "honda",
    "cadillac",
    "buick",
    "mercedes",
    "mercedes-benz",
    "bmw",
    "volkswagen",
    "vw",
    "dodge",
    "chrysler",
    "pontiac",
    "oldsmobile",
    "plymouth",
    "nissan",
    "datsun",
    "mazda",
    "subaru",
    "hyundai",
    "kia",
    "lexus",
    "jeep",
    "volvo",
    "porsche",
    "ferrari",
    "audi",
    "lada",
    "mustang",
    "corvette",
    "camaro",
];

/// Words that name a kind of newspaper before "daily" or "weekly" used as a noun ("the business daily").
/// Function words that end the walk back from a rate to its amount (`spent 3 days in a week` is no rate).
const STOP_BEFORE_RATE: &[&str] = &[
    "in", "of", "for", "to", "at", "on", "by", "with", "from", "and", "or", "than", "the", "a",
    "an", "is", "are", "was", "were", "be", "been", "has", "have", "had", "it", "they", "he",
    "she", "we", "that", "which", "who", "but", "about", "over", "under", "up", "down", "out",
    "off", "into", "per",
];

const NEWSPAPER_KINDS: &[&str] = &[
    "business",
    "financial",
    "economic",
    "national",
    "regional",
    "local",
    "official",
    "state-run",
    "state-owned",
    "government",
    "pro-government",
    "opposition",
    "independent",
    "mass-circulation",
    "tabloid",
    "popular",
    "leading",
    "influential",
    "conservative",
    "liberal",
    "english-language",
    "sports",
    "party",
];

fn year_leader(low: &str) -> bool {
    matches!(
        low,
        "in" | "on"
            | "at"
            | "by"
            | "for"
            | "from"
            | "to"
            | "into"
            | "of"
            | "since"
            | "until"
            | "till"
            | "before"
            | "after"
            | "during"
            | "through"
            | "throughout"
            | "between"
            | "and"
            | "or"
            | "than"
            | "as"
            | "the"
            | "early"
            | "late"
            | "mid"
            | "end"
            | "fiscal"
            | "year"
            | "around"
            | "about"
            | "circa"
            | "with"
            | "over"
            | "against"
            | "amid"
            | "beyond"
            | "within"
            | "past"
            | "ahead"
            | "toward"
            | "towards"
            | "vs"
    )
}
