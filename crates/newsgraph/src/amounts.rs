//! Amounts: numbers with their qualifier, counted object, unit or currency.
//!
//! A scanner over each sentence's tokens reads numerals (`100,000`, `1.5`, `1.5bn`, `€200m`), written-out numbers
//! (`two million`, `a dozen`, `Fifty-six`), vague magnitudes (`tens of thousands`, `hundreds`), fractions (`half`),
//! the qualifier before them (`more than` -> `>`), ranges (`between 100 and 200`, `100 to 200`), the currency, the
//! percent sign or the unit around them, and the counted object after them (`troops`, `armored vehicles`).
//!
//! `text` covers the qualifier, the number and its currency, percent or unit (`more than 100,000`, `$1.5 billion`,
//! `40 per cent`, `5 km`); the counted object is its own span in `object` (`troops`), right after `text` or after
//! `of`.
//!
//! Not amounts: time expressions (the spans the time extractor found, and by itself years, days of the month, clock
//! times, `Tuesday (15)`), phone numbers, numbers of sections and resolutions, ordinals, and numbers inside names
//! (`G7`, `Apollo 11`).

use crate::pipeline::Context;
use crate::text::{Shape, Span, Token, TokenKind, DIGIT, HYPHEN, UPPER};
use crate::time::Timex;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

/// What an amount measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AmountKind {
    /// A count of things (`100,000 troops`).
    Count,
    /// Money (`$1.5 billion`).
    Money,
    /// A percentage (`40%`).
    Percent,
    /// A measure with a unit (`5 km`).
    Measure,
    /// An age (`a 45-year-old man`).
    Age,
}

/// An amount.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Amount {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// Surface: qualifier, number and currency, percent or unit (`more than 100,000`); not the object.
    pub text: String,
    /// The number (for vague magnitudes such as `thousands`, the lower bound).
    pub value: f64,
    /// For ranges and vague magnitudes: the upper bound.
    #[serde(default)]
    pub value_max: Option<f64>,
    /// What it measures.
    pub kind: AmountKind,
    /// `>`, `<`, `~`, `>=`, `<=` or `range`.
    #[serde(default)]
    pub qualifier: Option<String>,
    /// The counted noun phrase (`troops`).
    #[serde(default)]
    pub object: Option<Span>,
    /// Unit of a measure (`km`, `tonnes`).
    #[serde(default)]
    pub unit: Option<String>,
    /// ISO 4217 currency of money.
    #[serde(default)]
    pub currency: Option<String>,
}

/// Finds the amounts of an article (`timexes` keeps dates and times out).
pub fn extract(ctx: &Context, timexes: &[Timex]) -> Vec<Amount> {
    // Time expressions sorted by start, with the running maximum of their ends: an overlap test is a binary
    // search, so many timexes against many numbers stay fast.
    let mut blocked: Vec<Range<usize>> = timexes
        .iter()
        .map(|t| ctx.byte_of(t.start)..ctx.byte_of(t.end))
        .collect();
    blocked.sort_by_key(|r| r.start);
    let mut max = 0;
    let max_end: Vec<usize> = blocked
        .iter()
        .map(|r| {
            max = max.max(r.end);
            max
        })
        .collect();
    let blocked = Blocked {
        starts: blocked.iter().map(|r| r.start).collect(),
        max_end,
    };
    let mut out = Vec::new();
    for si in 0..ctx.sentences.len() {
        scan_sentence(ctx, ctx.sentence_tokens(si), &blocked, &mut out);
    }
    out
}

/// The one-word numbers below a hundred, with their values.
const UNIT_WORDS: [(&str, u64); 28] = [
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

fn unit_word(w: &str) -> Option<u64> {
    // The length rules out most words before any comparison.
    if !(3..=9).contains(&w.len()) {
        return None;
    }
    UNIT_WORDS.iter().find(|(u, _)| *u == w).map(|&(_, v)| v)
}

fn scale_word(w: &str) -> Option<f64> {
    Some(match w {
        "hundred" => 1e2,
        "thousand" => 1e3,
        "million" | "mln" | "mn" => 1e6,
        "billion" | "bln" | "bn" => 1e9,
        "trillion" | "tn" | "trn" => 1e12,
        _ => return None,
    })
}

/// Vague magnitudes (`hundreds of`), with the lower bound they stand for.
const VAGUE_SCALES: [(&str, f64); 7] = [
    ("dozens", 12.0),
    ("scores", 20.0),
    ("hundreds", 1e2),
    ("thousands", 1e3),
    ("millions", 1e6),
    ("billions", 1e9),
    ("trillions", 1e12),
];

/// `hundreds`, `thousands`, `dozens`: a vague magnitude (lower bound).
fn vague_scale(w: &str) -> Option<f64> {
    VAGUE_SCALES.iter().find(|(v, _)| *v == w).map(|&(_, x)| x)
}

/// Other lower-case words that may open an amount (`a dozen`, `half`, `several`, currency codes).
const OTHER_OPENERS: [&str; 25] = [
    "a", "half", "tens", "several", "few", "dozen", "us", "dlrs", "rm", "rs", "rs.", "usd", "eur",
    "gbp", "jpy", "rub", "uah", "inr", "cad", "aud", "chf", "cny", "rmb", "myr", "hkd",
];

/// Shapes of the lower-case words that may open an amount ([`UNIT_WORDS`], [`VAGUE_SCALES`], [`OTHER_OPENERS`]):
/// [`may_start`] runs on every word, and this rules out most of them before the lists are searched.
static OPENER_SHAPES: LazyLock<Shape> = LazyLock::new(|| {
    let mut s = Shape::default();
    for w in UNIT_WORDS
        .iter()
        .map(|(w, _)| *w)
        .chain(VAGUE_SCALES.iter().map(|(w, _)| *w))
        .chain(OTHER_OPENERS)
    {
        s.add(w);
    }
    s
});

/// A written-out number word (`two`, `Fifty-six`, `twenty-five`).
fn word_number(w: &str) -> Option<u64> {
    let lw = lower(w);
    if let Some(v) = unit_word(&lw) {
        return Some(v);
    }
    let (a, b) = lw.split_once('-')?;
    let (x, y) = (unit_word(a)?, unit_word(b)?);
    (x % 10 == 0 && x >= 20 && (1..10).contains(&y)).then_some(x + y)
}

/// Currency written before the number.
fn currency_before(w: &str) -> Option<&'static str> {
    Some(match w {
        "$" | "US$" | "USD" | "dlrs" | "Dlrs" => "USD",
        "€" | "EUR" => "EUR",
        "£" | "GBP" => "GBP",
        "¥" | "JPY" => "JPY",
        "₽" | "RUB" => "RUB",
        "₴" | "UAH" => "UAH",
        "₹" | "INR" | "Rs" | "Rs." => "INR",
        "C$" | "CAD" => "CAD",
        "A$" | "AUD" => "AUD",
        "HK$" | "HKD" => "HKD",
        "RM" | "MYR" => "MYR",
        "CHF" => "CHF",
        "CNY" | "RMB" => "CNY",
        _ => return None,
    })
}

/// The currency of a dollar sign glued after token `t`'s capitals (`C$`, `A$`, `HK$`, `NZ$`, `S$`, `NT$`), which
/// the tokenizer reads as a word and a sign. `US$` is not here: it is read with `US $`.
fn glued_dollar(text: &str, t: &Token) -> Option<&'static str> {
    if text.as_bytes().get(t.end) != Some(&b'$') {
        return None;
    }
    Some(match text.get(t.start..t.end)? {
        "C" | "CA" | "Can" => "CAD",
        "A" | "AU" => "AUD",
        "HK" => "HKD",
        "NZ" => "NZD",
        "S" | "SG" => "SGD",
        "NT" => "TWD",
        "R" => "BRL",
        "Mex" => "MXN",
        _ => return None,
    })
}

/// `w` with its ASCII capitals lower-cased, as `str::to_ascii_lowercase` gives it, copied only when it has one:
/// the word lists below are probed mostly with words that are lower case already.
fn lower(w: &str) -> Cow<'_, str> {
    if w.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(w.to_ascii_lowercase())
    } else {
        Cow::Borrowed(w)
    }
}

/// Currency written after the number.
fn currency_after(w: &str) -> Option<&'static str> {
    Some(match &*lower(w) {
        "dollars" | "dollar" | "usd" => "USD",
        "euros" | "euro" | "eur" => "EUR",
        "sterling" | "gbp" => "GBP",
        "rubles" | "roubles" | "ruble" | "rouble" | "rub" => "RUB",
        "hryvnias" | "hryvnia" | "hryvnas" | "uah" => "UAH",
        "yuan" | "renminbi" => "CNY",
        "yen" => "JPY",
        "rupees" | "rupee" => "INR",
        "francs" | "franc" => "CHF",
        "pesos" => "MXN",
        "riyals" => "SAR",
        "dirhams" => "AED",
        "lira" | "liras" => "TRY",
        "shekels" => "ILS",
        "won" => "KRW",
        "rand" => "ZAR",
        "naira" => "NGN",
        "kroner" | "kronor" | "krona" | "krone" => "",
        "cents" | "cent" => "USD",
        "zlotys" | "zloty" => "PLN",
        "tenge" => "KZT",
        "lari" => "GEL",
        "manat" => "AZN",
        "rials" => "IRR",
        "pounds" if false => "GBP",
        _ => return None,
    })
}

/// A currency named by its country after the number (`US dollars`, `Canadian dollars`, `Egyptian pounds`, `Hong
/// Kong dollars`, `pounds sterling`), given the next three lower-cased words: its ISO 4217 code and how many of
/// the words it takes. Bare `dollars` is left to [`currency_after`].
fn qualified_currency(a: &str, b: &str, c: &str) -> Option<(&'static str, usize)> {
    if matches!(a, "pounds" | "pound") && b == "sterling" {
        return Some(("GBP", 2));
    }
    // Two-word countries first: `Hong Kong dollars`, `South Korean won`.
    let (country, money, words) = match (a, b) {
        ("hong", "kong")
        | ("new", "zealand")
        | ("new", "taiwan")
        | ("south", "korean")
        | ("sri", "lankan") => (b, c, 3),
        _ => (a, b, 2),
    };
    let money = money.trim_end_matches('s');
    let code = match (money, country) {
        ("dollar", "us" | "u.s." | "american") => "USD",
        ("dollar", "canadian") => "CAD",
        ("dollar", "australian") => "AUD",
        ("dollar", "singapore" | "singaporean") => "SGD",
        ("dollar", "kong") => "HKD",
        ("dollar", "zealand") => "NZD",
        ("dollar", "taiwan") => "TWD",
        ("pound", "british") => "GBP",
        ("pound", "egyptian") => "EGP",
        ("pound", "lebanese") => "LBP",
        ("pound", "syrian") => "SYP",
        ("franc", "swiss") => "CHF",
        ("ruble" | "rouble", "russian") => "RUB",
        ("ruble" | "rouble", "belarusian") => "BYN",
        ("hryvnia" | "hryvna", "ukrainian") => "UAH",
        ("yuan", "chinese") => "CNY",
        ("yen", "japanese") => "JPY",
        ("won", "korean") => "KRW",
        ("rupee", "indian") => "INR",
        ("rupee", "pakistani") => "PKR",
        ("rupee", "lankan") => "LKR",
        ("lira", "turkish") => "TRY",
        ("peso", "mexican") => "MXN",
        ("peso", "argentine" | "argentinian") => "ARS",
        ("peso", "philippine") => "PHP",
        ("riyal", "saudi") => "SAR",
        ("riyal", "qatari") => "QAR",
        ("dinar", "iraqi") => "IQD",
        ("dinar", "kuwaiti") => "KWD",
        ("dinar", "jordanian") => "JOD",
        ("krone" | "kroner", "danish") => "DKK",
        ("krone" | "kroner", "norwegian") => "NOK",
        ("krona" | "kronor", "swedish") => "SEK",
        _ => return None,
    };
    Some((code, words))
}

/// A unit of measure after the number, with its normalized name.
fn unit_after(w: &str) -> Option<&'static str> {
    Some(match &*lower(w) {
        "km" | "kilometers" | "kilometres" | "kilometer" | "kilometre" => "km",
        "miles" | "mile" | "mi" => "mi",
        "meters" | "metres" | "meter" | "metre" => "m",
        "feet" | "foot" | "ft" => "ft",
        "inches" | "inch" => "in",
        "cm" | "centimeters" | "centimetres" => "cm",
        "mm" | "millimeters" | "millimetres" => "mm",
        "yards" | "yard" => "yd",
        "kg" | "kilograms" | "kilos" | "kilogram" => "kg",
        "grams" | "gram" | "g" => "g",
        "tonnes" | "tons" | "tonne" | "ton" | "t" => "t",
        "pounds" | "pound" | "lbs" | "lb" => "lb",
        "ounces" | "ounce" | "oz" => "oz",
        "liters" | "litres" | "liter" | "litre" => "l",
        "gallons" | "gallon" => "gal",
        "barrels" | "barrel" | "bpd" => "bbl",
        "acres" | "acre" => "acre",
        "hectares" | "hectare" | "ha" => "ha",
        "degrees" | "degree" => "deg",
        "mph" => "mph",
        "knots" => "kn",
        "mw" | "megawatts" => "MW",
        "gw" | "gigawatts" => "GW",
        "kw" | "kilowatts" => "kW",
        "kwh" => "kWh",
        "twh" => "TWh",
        "bcm" => "bcm",
        "cups" | "cup" => "cup",
        "tablespoons" | "tablespoon" | "tbsp" => "tbsp",
        "teaspoons" | "teaspoon" | "tsp" => "tsp",
        "pints" | "pint" => "pt",
        "calories" => "kcal",
        "votes" if false => "votes",
        _ => return None,
    })
}

/// Qualifiers before the number, longest first: (words, symbol).
const QUALIFIERS: &[(&[&str], &str)] = &[
    (&["no", "more", "than"], "<="),
    (&["no", "fewer", "than"], ">="),
    (&["more", "than"], ">"),
    (&["greater", "than"], ">"),
    (&["higher", "than"], ">"),
    (&["in", "excess", "of"], ">"),
    (&["upwards", "of"], ">"),
    (&["less", "than"], "<"),
    (&["fewer", "than"], "<"),
    (&["lower", "than"], "<"),
    (&["at", "least"], ">="),
    (&["at", "most"], "<="),
    (&["up", "to"], "<="),
    (&["as", "many", "as"], "<="),
    (&["as", "much", "as"], "<="),
    (&["an", "estimated"], "~"),
    (&["close", "to"], "~"),
    (&["some"], "~"),
    (&["about"], "~"),
    (&["around"], "~"),
    (&["approximately"], "~"),
    (&["roughly"], "~"),
    (&["approx."], "~"),
    (&["nearly"], "<"),
    (&["almost"], "<"),
    (&["over"], ">"),
    (&["above"], ">"),
    (&["exceeding"], ">"),
    (&["under"], "<"),
    (&["below"], "<"),
];

/// Words after which a number is part of a name, a reference or a date (`Resolution 2334`, `No. 5`).
fn is_reference_word(w: &str) -> bool {
    matches!(
        lower(w).trim_end_matches('.'),
        "no" | "nos"
            | "number"
            | "section"
            | "article"
            | "resolution"
            | "chapter"
            | "clause"
            | "paragraph"
            | "rule"
            | "amendment"
            | "page"
            | "pages"
            | "room"
            | "route"
            | "highway"
            | "flight"
            | "line"
            | "platform"
            | "gate"
            | "apartment"
            | "suite"
            | "unit"
            | "building"
            | "phone"
            | "tel"
            | "fax"
            | "code"
            | "version"
            | "level"
            | "phase"
            | "stage"
            | "episode"
            | "season"
            | "vol"
            | "volume"
            | "item"
            | "exhibit"
            | "act"
            | "bill"
            | "decree"
            | "order"
            | "case"
            | "district"
            | "precinct"
            | "grade"
            | "class"
            | "category"
            | "type"
            | "model"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
    )
}

fn is_month(w: &str) -> bool {
    matches!(
        w.trim_end_matches('.'),
        "January"
            | "February"
            | "March"
            | "April"
            | "May"
            | "June"
            | "July"
            | "August"
            | "September"
            | "October"
            | "November"
            | "December"
            | "Jan"
            | "Feb"
            | "Mar"
            | "Apr"
            | "Jun"
            | "Jul"
            | "Aug"
            | "Sep"
            | "Sept"
            | "Oct"
            | "Nov"
            | "Dec"
    )
}

/// Capitalized words that may stand right before a number without making it part of a name.
fn is_function_word(w: &str) -> bool {
    matches!(
        &*lower(w),
        "the"
            | "a"
            | "an"
            | "some"
            | "about"
            | "around"
            | "over"
            | "nearly"
            | "almost"
            | "more"
            | "less"
            | "only"
            | "just"
            | "at"
            | "in"
            | "on"
            | "of"
            | "for"
            | "from"
            | "to"
            | "by"
            | "with"
            | "and"
            | "but"
            | "or"
            | "all"
            | "another"
            | "those"
            | "these"
            | "its"
            | "their"
            | "his"
            | "her"
            | "our"
            | "my"
            | "your"
            | "up"
            | "between"
            | "roughly"
            | "approximately"
            | "under"
            | "above"
            | "below"
            | "than"
            | "least"
            | "most"
            | "estimated"
            | "every"
            | "each"
            | "first"
            | "last"
            | "top"
            | "after"
            | "before"
            | "since"
            | "when"
            | "while"
            | "as"
            | "if"
            | "that"
            | "which"
            | "who"
            | "where"
            | "now"
            | "then"
            | "still"
            | "even"
            | "also"
            | "were"
            | "was"
            | "are"
            | "is"
            | "had"
            | "has"
            | "have"
            | "be"
            | "been"
            | "being"
            | "said"
            | "says"
            | "say"
            | "killed"
            | "including"
            | "include"
            | "includes"
            | "among"
            | "against"
            | "within"
            | "per"
            | "pct"
            | "both"
    )
}

/// Words that end the search for a counted object (function words, verbs of reporting, prepositions).
fn is_object_stop(w: &str) -> bool {
    is_function_word(w)
        || matches!(
            w,
            "will"
                | "would"
                | "could"
                | "should"
                | "can"
                | "may"
                | "might"
                | "must"
                | "did"
                | "do"
                | "does"
                | "not"
                | "no"
                | "per"
                | "into"
                | "across"
                | "near"
                | "during"
                | "out"
                | "off"
                | "than"
                | "this"
                | "it"
                | "they"
                | "we"
                | "he"
                | "she"
                | "you"
                | "i"
                | "so"
                | "because"
                | "later"
                | "earlier"
                | "ago"
                | "old"
                | "more"
                | "less"
                | "each"
                | "a"
                | "an"
                | "the"
                | "percent"
                | "cent"
                | "year"
                | "years"
                | "month"
                | "months"
                | "week"
                | "weeks"
                | "day"
                | "days"
                | "hours"
                | "hour"
                | "minutes"
                | "times"
                | "time"
        )
}

/// Plural nouns that do not end in `s`, and mass nouns that news counts.
fn is_irregular_count_noun(w: &str) -> bool {
    matches!(
        w,
        "people"
            | "children"
            | "men"
            | "women"
            | "police"
            | "personnel"
            | "staff"
            | "cattle"
            | "sheep"
            | "livestock"
            | "equipment"
            | "aircraft"
            | "troops"
            | "military"
            | "infantry"
            | "residents"
            | "fish"
            | "deer"
            | "youth"
            | "crew"
    )
}

/// Units of time: a number before them is a duration, which the time extractor owns.
fn is_time_unit(w: &str) -> bool {
    matches!(
        &*lower(w),
        "year"
            | "years"
            | "month"
            | "months"
            | "week"
            | "weeks"
            | "day"
            | "days"
            | "hour"
            | "hours"
            | "minute"
            | "minutes"
            | "second"
            | "seconds"
            | "decade"
            | "decades"
            | "century"
            | "centuries"
            | "night"
            | "nights"
            | "weekend"
            | "weekends"
            | "hr"
            | "hrs"
            | "min"
            | "mins"
            | "sec"
            | "secs"
    )
}

/// A parsed numeral token: value and, for `1.5bn` and `200m`, the scale letter found.
fn parse_numeral(s: &str) -> Option<f64> {
    let digits = s.bytes().filter(u8::is_ascii_digit).count();
    if digits == 0 || digits > 18 {
        return None; // ids and garbage, not amounts
    }
    if let Some((a, b)) = s.split_once('/') {
        let (a, b): (f64, f64) = (a.parse().ok()?, b.parse().ok()?);
        return (b != 0.0 && a < b).then(|| a / b);
    }
    // `100,000` (groups of three) or a decimal `1.5`.
    let mut groups = s.split(',');
    let first = groups.next()?;
    let mut clean = String::with_capacity(s.len());
    clean.push_str(first);
    for g in groups {
        let int_part = g.split('.').next().unwrap_or("");
        if int_part.len() != 3 {
            return None;
        }
        clean.push_str(g);
    }
    if clean.matches('.').count() > 1 {
        return None;
    }
    clean.parse().ok()
}

/// A token glued to a suffix: `1.5bn`, `200m`, `50K`, `10km`, `RM50,000`, `45-year-old`, `40%`.
fn split_glued(w: &str) -> Option<(Option<&'static str>, f64, &str)> {
    let start = w.find(|c: char| c.is_ascii_digit())?;
    let prefix = &w[..start];
    let cur = if prefix.is_empty() {
        None
    } else {
        Some(currency_before(prefix)?)
    };
    let rest = &w[start..];
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(rest.len());
    let num = rest[..end].trim_end_matches(['.', ',']);
    let value = parse_numeral(num)?;
    Some((cur, value, &rest[num.len()..]))
}

struct Found {
    /// Byte range of `text`.
    range: Range<usize>,
    value: f64,
    value_max: Option<f64>,
    kind: AmountKind,
    qualifier: Option<&'static str>,
    unit: Option<&'static str>,
    /// A unit written as a noun glued to the number (`story` in `14-story`).
    unit_text: Option<Range<usize>>,
    currency: Option<&'static str>,
    /// Index (in the sentence) of the first token after the amount.
    next: usize,
    /// End of the amount before a rate (`a year` in `$50,000 a year`), which the time extractor may own.
    before_rate: usize,
}

/// Sorted time-expression spans (see [`extract`]).
struct Blocked {
    starts: Vec<usize>,
    max_end: Vec<usize>,
}

impl Blocked {
    fn overlaps(&self, r: &Range<usize>) -> bool {
        let n = self.starts.partition_point(|&s| s < r.end);
        n.checked_sub(1).is_some_and(|i| self.max_end[i] > r.start)
    }

    /// Whether a time expression that starts inside `r` (or before it) ends after it.
    fn extends_past(&self, r: &Range<usize>) -> bool {
        let n = self.starts.partition_point(|&s| s < r.end);
        n.checked_sub(1).is_some_and(|i| self.max_end[i] > r.end)
    }
}

fn scan_sentence(ctx: &Context, toks: &[Token], blocked: &Blocked, out: &mut Vec<Amount>) {
    let text = ctx.text;
    let w = |i: usize| -> &str { toks.get(i).map(|t| &text[t.start..t.end]).unwrap_or("") };
    let mut i = 0;
    while i < toks.len() {
        if !may_start(text, &toks[i]) {
            i += 1;
            continue;
        }
        let Some(mut f) = read_amount(text, toks, i, true) else {
            i += 1;
            continue;
        };
        let first = i;
        i = f.next.max(i + 1);
        // `$50,000 a year`: the rate may be the time extractor's set (`a year`); it is still the amount's unit, as
        // annotated news (IEER) spans it, so only a time expression over the number itself, or one the rate only
        // begins (`152,000 a week earlier`), blocks the amount.
        if blocked.overlaps(&(f.range.start..f.before_rate))
            || (f.before_rate < f.range.end && blocked.extends_past(&f.range))
        {
            continue;
        }
        if is_excluded(text, toks, first, &f) {
            continue;
        }
        if is_appositive_age(text, toks, first, &f) {
            f.kind = AmountKind::Age;
            f.unit = Some("years");
        }
        // Qualifier before (`more than`), unless a range already set one.
        let mut start = f.range.start;
        if f.qualifier.is_none() {
            for (words, sym) in QUALIFIERS {
                let n = words.len();
                if first < n {
                    continue;
                }
                if (0..n).all(|k| w(first - n + k).eq_ignore_ascii_case(words[k])) {
                    f.qualifier = Some(sym);
                    start = toks[first - n].start;
                    break;
                }
            }
        }
        // The counted object: `100,000 troops`, `thousands of soldiers`, `40% of voters`.
        let mut object = None;
        if matches!(f.kind, AmountKind::Count | AmountKind::Percent) {
            let mut j = f.next;
            if w(j) == "of" && (f.kind == AmountKind::Percent || f.value_max.is_some() || j > first)
            {
                j += 1;
                if matches!(
                    w(j),
                    "the" | "their" | "its" | "his" | "her" | "our" | "them"
                ) {
                    j += 1;
                }
            } else if f.kind == AmountKind::Percent {
                j = usize::MAX;
            }
            let read = read_object(text, toks, j);
            // `300 patients a day`: the rate after the counted thing is the amount's, as after a number.
            if let Some(r) = &read {
                if f.unit.is_none() {
                    let k = toks.partition_point(|t| t.start < r.end);
                    // (`93 thousand people a week earlier` is a time, not a rate.)
                    if matches!(w(k), "a" | "an" | "per" | "each")
                        && !matches!(w(k + 2), "earlier" | "ago" | "later" | "before" | "after")
                    {
                        f.unit = rate_unit(w(k + 1));
                    }
                }
            }
            object = read.map(|r| ctx.span(r));
        }
        let span = ctx.span(start..f.range.end);
        out.push(Amount {
            start: span.start,
            end: span.end,
            text: span.text,
            value: f.value,
            value_max: f.value_max,
            kind: f.kind,
            qualifier: f.qualifier.map(str::to_string),
            object,
            unit: f
                .unit
                .filter(|u| !u.is_empty())
                .map(str::to_string)
                .or_else(|| {
                    f.unit_text
                        .clone()
                        .and_then(|r| text.get(r))
                        .map(str::to_string)
                }),
            currency: f.currency.filter(|c| !c.is_empty()).map(str::to_string),
        });
    }
}

/// The unit of a rate after `a`/`per`: `day` gives `per day` (lower-case words only).
fn rate_unit(word: &str) -> Option<&'static str> {
    Some(match word {
        "day" => "per day",
        "week" => "per week",
        "month" => "per month",
        "year" => "per year",
        "hour" => "per hour",
        "minute" => "per minute",
        "second" => "per second",
        _ => return None,
    })
}

/// Whether token `t` can open an amount (a cheap test before the full reading).
fn may_start(text: &str, t: &Token) -> bool {
    match t.kind {
        TokenKind::Number => true,
        // A punctuation token names a currency only as a sign: `$`, or one of the non-ASCII signs (lead byte C2 or
        // E2); the commas and dots rule themselves out by their first byte.
        TokenKind::Punct => {
            matches!(text.as_bytes().get(t.start), Some(b'$' | 0xC2 | 0xE2))
                && currency_before(&text[t.start..t.end]).is_some()
        }
        TokenKind::Word => {
            let w = text.as_bytes().get(t.start..t.end).unwrap_or(&[]);
            if w.len() > 12 {
                return false;
            }
            // The tokenizer's byte classes (this runs on every word): a digit opens an amount.
            let class = t.class;
            if class & DIGIT != 0 {
                return true;
            }
            // The country letters of a dollar sign glued to them: `C$50`, `HK$2`.
            if glued_dollar(text, t).is_some() {
                return true;
            }
            let hyphen = class & HYPHEN != 0;
            // Most words are plain letters that cannot open an amount. Without a hyphen only the listed words
            // can, and the shape of the lower-cased word rules nearly all others out before the full pass below.
            if !hyphen {
                // The shape's bytes: first, second (0 if none) and last, lower-cased if the word has a capital.
                let (f, s, l) = match *w {
                    [] => return false,
                    [a] => (a, 0, a),
                    [a, b] => (a, b, b),
                    [a, b, .., z] => (a, b, z),
                };
                let lc = |b: u8| {
                    if class & UPPER != 0 {
                        b.to_ascii_lowercase()
                    } else {
                        b
                    }
                };
                if !OPENER_SHAPES.may_hold_shape(w.len(), lc(f), lc(s), lc(l)) {
                    return false;
                }
            }
            // Most words are lower case already: lower-case only the others.
            let mut buf = [0u8; 12];
            let lower: &[u8] = if class & UPPER != 0 {
                for (d, s) in buf.iter_mut().zip(w) {
                    *d = s.to_ascii_lowercase();
                }
                buf.get(..w.len()).unwrap_or(&[])
            } else {
                w
            };
            // A word with a hyphen opens an amount only as a number word before it (`twenty-five`, `Fifty-six`).
            if hyphen {
                let stem = lower.split(|&b| b == b'-').next().unwrap_or(&[]);
                return std::str::from_utf8(stem).ok().and_then(unit_word).is_some();
            }
            // (The shape test above already passed.)
            std::str::from_utf8(lower).is_ok_and(|lw| {
                unit_word(lw).is_some() || vague_scale(lw).is_some() || OTHER_OPENERS.contains(&lw)
            })
        }
    }
}

/// The object noun phrase starting at token `j`: up to four words, ending on a plural or count noun.
fn read_object(text: &str, toks: &[Token], j: usize) -> Option<Range<usize>> {
    let mut end = None;
    for (k, t) in toks.iter().enumerate().take(j.saturating_add(4)).skip(j) {
        if t.kind != TokenKind::Word {
            break;
        }
        let word = &text[t.start..t.end];
        let lw = lower(word);
        if is_object_stop(&lw)
            || (k > j && word.chars().next().is_some_and(char::is_uppercase) && lw != word)
        {
            // A capitalized word may only open the phrase (`Russian troops`).
            if k != j || is_object_stop(&lw) {
                break;
            }
        }
        // A possessive is not the counted noun but opens it: `the town's residents`, not `town's`.
        if lw.ends_with("'s") || lw.ends_with("\u{2019}s") || lw.ends_with("s'") {
            end = None;
            continue;
        }
        let plural =
            (lw.ends_with('s') && !lw.ends_with("ss") && !lw.ends_with("us") && lw.len() > 2)
                || is_irregular_count_noun(&lw);
        if plural {
            end = Some(t.end);
            // A plural followed by a noun (`armored vehicles`, `combat soldiers`): keep going only over plurals.
        } else if end.is_some() {
            break;
        }
    }
    let first = toks.get(j)?;
    end.map(|e| first.start..e)
}

/// Reads one amount starting at token `i` (without the qualifier before it).
fn read_amount(text: &str, toks: &[Token], i: usize, allow_range: bool) -> Option<Found> {
    let w = |k: usize| -> &str { toks.get(k).map(|t| &text[t.start..t.end]).unwrap_or("") };
    // Token `k` lower-cased: borrowed when it has no capital (most words), without a copy.
    let lw = |k: usize| -> Cow<str> {
        match toks.get(k) {
            Some(t) if t.class & UPPER != 0 => Cow::Owned(w(k).to_ascii_lowercase()),
            _ => Cow::Borrowed(w(k)),
        }
    };
    let t = toks.get(i)?;
    let s = w(i);
    let mut currency: Option<&'static str> = None;
    let mut start = t.start;
    let mut k = i;
    // Currency sign as its own token: `$ 1.5`, `US $5`.
    if let Some(c) = currency_before(s) {
        if toks
            .get(i + 1)
            // `$ 200 billion` (one space, as translated releases write it) is still the sign of the number.
            .is_some_and(|n| {
                n.start == t.end || s.len() > 1 || text.get(t.end..n.start) == Some(" ")
            })
        {
            let n = w(i + 1);
            if n.starts_with(|c: char| c.is_ascii_digit()) {
                currency = Some(c);
                k = i + 1;
            } else {
                return None;
            }
        } else {
            return None;
        }
    } else if s == "US"
        && w(i + 1) == "$"
        && toks.get(i + 2).is_some_and(|n| n.kind == TokenKind::Number)
    {
        currency = Some("USD");
        k = i + 2;
    } else if let Some(c) = glued_dollar(text, t) {
        // `C$17.9 million`, `HK$ 2 billion`: the tokenizer splits the country letters from the sign.
        let sign = toks
            .get(i + 1)
            .filter(|n| n.start == t.end && w(i + 1) == "$")?;
        let n = toks.get(i + 2).filter(|n| n.start - sign.end <= 1)?;
        if n.kind == TokenKind::Number {
            k = i + 2;
        } else if n.kind == TokenKind::Word
            && n.start == sign.end
            && w(i + 2).starts_with(|c: char| c.is_ascii_digit())
        {
            k = i + 2; // `C$50m`
        } else {
            return None;
        }
        currency = Some(c);
    }
    let tk = toks.get(k)?;
    let sk = w(k);
    let mut value: f64;
    let mut value_max: Option<f64> = None;
    let mut qualifier: Option<&'static str> = None;
    let mut kind = AmountKind::Count;
    let mut unit: Option<&'static str> = None;
    let mut next;
    let mut end;
    // Length of the noun glued to the number (`14-story`), kept as the unit.
    let mut compound: Option<usize> = None;
    let mut unit_text: Option<Range<usize>> = None;
    if tk.kind == TokenKind::Number {
        if sk.contains(['-', ':']) || sk.matches('/').count() > 1 {
            return None; // dates, times, scores, phone numbers
        }
        value = parse_numeral(sk)?;
        end = tk.end;
        next = k + 1;
    } else if tk.kind == TokenKind::Word && sk.bytes().any(|b| b.is_ascii_digit()) {
        // Glued forms.
        let (cur, v, suffix) = split_glued(sk)?;
        if cur.is_some() {
            currency = cur;
        }
        value = v;
        end = tk.end;
        next = k + 1;
        let ls = suffix.to_ascii_lowercase();
        if let Some(age) = ls
            .strip_prefix("-year-old")
            .or_else(|| ls.strip_prefix("-years-old"))
        {
            if !age.is_empty() && age != "s" {
                return None;
            }
            return Some(Found {
                range: start..end,
                value,
                value_max: None,
                kind: AmountKind::Age,
                qualifier: None,
                unit: Some("years"),
                unit_text: None,
                currency: None,
                next,
                before_rate: end,
            });
        }
        match ls.as_str() {
            "k" => value *= 1e3,
            "m" | "mn" | "mln" if currency.is_some() => value *= 1e6,
            "bn" | "b" | "bln" => value *= 1e9,
            "tn" | "trn" => value *= 1e12,
            "%" => kind = AmountKind::Percent,
            _ => {
                let u = ls.strip_prefix('-').unwrap_or(&ls);
                match unit_after(u) {
                    Some(un) => {
                        kind = AmountKind::Measure;
                        unit = Some(un);
                    }
                    None if u.is_empty() || u == "fold" || u == "plus" => {}
                    // `$180-million`
                    None if scale_word(u).is_some() => value *= scale_word(u).unwrap_or(1.0),
                    // `14-story building`, `a five-time champion`, `3-stroke lead`: a compound adjective.
                    None if ls.starts_with('-')
                        && u.len() > 1
                        && u.bytes().all(|b| b.is_ascii_lowercase())
                        && !is_time_unit(u) =>
                    {
                        kind = AmountKind::Measure;
                        unit = Some("");
                        compound = Some(u.len());
                    }
                    None => return None, // `G7`, `F-16`, `3rd`, `COVID-19`, `24-hour` (a duration)
                }
            }
        }
    } else if let Some(p) = hyphenated_fraction(sk) {
        // `two-thirds of voters`: a share, as `half` is.
        value = p;
        kind = AmountKind::Percent;
        end = tk.end;
        next = k + 1;
        // `seven-tenths of 1 percent`: a share of a percentage is that percentage.
        if lw(k + 1) == "of" && matches!(&*lw(k + 3), "percent" | "%" | "pct") {
            if let Some(n) = toks
                .get(k + 2)
                .filter(|t| t.kind == TokenKind::Number)
                .and_then(|_| parse_numeral(w(k + 2)))
            {
                value = (p * n * 100.0).round() / 10_000.0;
                end = toks[k + 3].end;
                next = k + 4;
            }
        }
    } else if let Some((v, noun)) = sk.split_once('-').and_then(|(a, b)| {
        let v = word_number(a)?;
        (b.len() > 1
            && b.bytes().all(|c| c.is_ascii_lowercase())
            && word_number(b).is_none()
            && !is_time_unit(b)
            && b != "year-old")
            .then_some((v, b))
    }) {
        // `a five-time champion`, `the two-chair salon`.
        value = v as f64;
        kind = AmountKind::Measure;
        unit = Some("");
        compound = Some(noun.len());
        end = tk.end;
        next = k + 1;
    } else if tk.kind == TokenKind::Word {
        // Written-out numbers and vague magnitudes.
        let r = read_words(text, toks, k)?;
        value = r.0;
        value_max = r.1;
        if value_max.is_some() {
            qualifier = Some("~");
        }
        end = toks[r.2 - 1].end;
        next = r.2;
        if let Some(p) = r.3 {
            kind = AmountKind::Percent;
            value = p;
        }
    } else {
        return None;
    }
    if currency.is_some() && !matches!(kind, AmountKind::Count) {
        return None;
    }
    // Scale words after a numeral: `1.5 billion`, `two million` is handled by read_words.
    if tk.kind != TokenKind::Word || value_max.is_none() {
        if let Some(sc) = scale_word(&lw(next)) {
            if tk.kind == TokenKind::Number || currency.is_some() {
                value *= sc;
                end = toks[next].end;
                next += 1;
            }
        } else if currency.is_some() && matches!(&*lw(next), "m" | "k") {
            value *= if lw(next) == "m" { 1e6 } else { 1e3 };
            end = toks[next].end;
            next += 1;
        }
    }
    // Range: `100 to 200`, `100-200`, `between 100 and 200`.
    let mut hi_before_rate = None;
    let between = i >= 1 && lw(i - 1) == "between";
    if allow_range
        && matches!(&*lw(next), "to" | "-" | "–" | "and")
        && (lw(next) != "and" || between)
    {
        if let Some(hi) = read_amount(text, toks, next + 1, false).filter(|h| {
            h.value >= value
                && h.currency
                    .map_or(true, |c| currency.map_or(true, |d| c == d))
        }) {
            if hi.kind == AmountKind::Count || hi.kind == kind || kind == AmountKind::Count {
                if hi.kind != AmountKind::Count {
                    kind = hi.kind;
                    unit = hi.unit;
                }
                currency = currency.or(hi.currency);
                value_max = Some(hi.value);
                qualifier = Some("range");
                end = hi.range.end;
                hi_before_rate = Some(hi.before_rate);
                next = hi.next;
            }
        }
        if between && qualifier == Some("range") {
            start = toks[i - 1].start;
        }
    }
    // What follows: percent, currency words, units.
    let n = lw(next);
    if kind == AmountKind::Count {
        if n == "%" || n == "percent" || n == "pct" || n == "percentage" {
            kind = AmountKind::Percent;
            end = toks[next].end;
            next += 1;
            if lw(next) == "points" && n == "percentage" {
                unit = Some("percentage points");
                end = toks[next].end;
                next += 1;
            }
        } else if n == "per" && lw(next + 1) == "cent" {
            kind = AmountKind::Percent;
            end = toks[next + 1].end;
            next += 2;
        } else if n == "basis" && lw(next + 1) == "points" {
            kind = AmountKind::Percent;
            unit = Some("basis points");
            end = toks[next + 1].end;
            next += 2;
        } else if let Some((c, words)) =
            qualified_currency(&n, &lw(next + 1), &lw(next + 2)).filter(|_| currency.is_none())
        {
            currency = Some(c);
            end = toks[next + words - 1].end;
            next += words;
        } else if let Some(c) = currency_after(&n).filter(|_| currency.is_none()) {
            if !(n == "won" && value_max.is_none() && tk.kind == TokenKind::Word) {
                currency = Some(c);
                end = toks[next].end;
                next += 1;
                if n == "cents" || n == "cent" {
                    value /= 100.0;
                }
            }
        } else if currency.is_none() {
            let square = matches!(&*n, "square" | "sq" | "sq." | "cubic");
            let u = if square { lw(next + 1) } else { n.clone() };
            if let Some(un) = unit_after(&u) {
                // `5 m` and `3 t` need a number; `g` alone is too ambiguous after words.
                if !(un == "points" && tk.kind == TokenKind::Word) {
                    kind = AmountKind::Measure;
                    unit = Some(un);
                    end = toks[next + usize::from(square)].end;
                    next += 1 + usize::from(square);
                }
            }
        }
    }
    // `millions of dollars`, `hundreds of billions of dollars`.
    if currency.is_none() && value_max.is_some() && lw(next) == "of" {
        if let Some(c) = currency_after(&lw(next + 1)) {
            currency = Some(c);
            end = toks[next + 1].end;
            next += 2;
        }
    }
    // A range's upper bound may carry the rate: `$5 billion to $7 billion a month`.
    let before_rate = hi_before_rate.unwrap_or(end);
    // Rates: `$50,000 a day`, `300,000 a month`, `2 million barrels per day`.
    if matches!(&*lw(next), "a" | "an" | "per" | "each")
        && matches!(
            &*lw(next + 1),
            "day" | "week" | "month" | "year" | "hour" | "minute" | "second"
        )
    {
        let per = rate_unit(&lw(next + 1)).unwrap_or("per second");
        unit = Some(match unit {
            Some("bbl") => "bbl per day",
            Some("km") if per == "per hour" => "km/h",
            _ => per,
        });
        if kind == AmountKind::Count {
            kind = AmountKind::Measure;
        }
        end = toks[next + 1].end;
        next += 2;
    }
    if let (Some(n), Some(AmountKind::Measure)) = (compound, Some(kind)) {
        // The glued noun is the unit: `14-story` -> `story`.
        let word = &text[tk.end - n..tk.end];
        unit = Some(unit_after(word).unwrap_or(""));
        if word.eq_ignore_ascii_case("percent") {
            // `a five-percent rate`, `41-percent`: the glued noun is the percent sign, not a unit of measure.
            kind = AmountKind::Percent;
            unit = None;
        } else if unit == Some("") {
            unit = None;
            unit_text = Some(tk.end - n..tk.end);
        }
    }
    if currency.is_some() {
        kind = AmountKind::Money;
    }
    if currency.is_some() && currency_before(w(i)).is_some() {
        start = t.start;
    }
    Some(Found {
        range: start..end,
        value,
        value_max,
        kind,
        qualifier,
        unit,
        unit_text,
        currency,
        next,
        before_rate,
    })
}

/// Written-out numbers from token `k`: (value, upper bound of a vague magnitude, next token, percent value for
/// fractions).
fn read_words(
    text: &str,
    toks: &[Token],
    k: usize,
) -> Option<(f64, Option<f64>, usize, Option<f64>)> {
    // Lower-cased words, borrowed when already lower case (`a`, the commonest start, opens here every time).
    let w = |j: usize| -> std::borrow::Cow<'_, str> {
        let s = toks.get(j).map_or("", |t| &text[t.start..t.end]);
        if s.bytes().any(|b| b.is_ascii_uppercase()) {
            std::borrow::Cow::Owned(s.to_ascii_lowercase())
        } else {
            std::borrow::Cow::Borrowed(s)
        }
    };
    let first = w(k);
    // Fractions: `half`, `a third` (only `half` and `quarter`: `third` is mostly an ordinal).
    if first == "half" {
        // `half million`, `half a million`
        if let Some(sc) = scale_word(&w(k + 1)) {
            return Some((0.5 * sc, None, k + 2, None));
        }
        if w(k + 1) == "a" {
            if let Some(sc) = scale_word(&w(k + 2)) {
                return Some((0.5 * sc, None, k + 3, None));
            }
        }
        return Some((50.0, None, k + 1, Some(50.0)));
    }
    // `tens of thousands`, `hundreds of thousands`, `thousands`, `dozens`.
    if first == "tens" && w(k + 1) == "of" {
        let sc = vague_scale(&w(k + 2)).filter(|s| *s >= 1e3)?;
        return Some((10.0 * sc, Some(100.0 * sc), k + 3, None));
    }
    if let Some(sc) = vague_scale(&first) {
        if w(k + 1) == "of" {
            if let Some(sc2) = vague_scale(&w(k + 2)).filter(|s| *s > sc) {
                return Some((sc * sc2, Some(sc * sc2 * 10.0), k + 3, None));
            }
        }
        let hi = if first == "dozens" { 100.0 } else { sc * 10.0 };
        return Some((sc, Some(hi), k + 1, None));
    }
    // `several million`, `a few hundred`.
    let (vague, mut j) = match &*first {
        "several" => (Some(3.0), k + 1),
        "few" => (Some(3.0), k + 1),
        "a" if w(k + 1) == "few" => (Some(3.0), k + 2),
        _ => (None, k),
    };
    if let Some(m) = vague {
        let sc = scale_word(&w(j)).or_else(|| (w(j) == "dozen").then_some(12.0))?;
        return Some((m * sc, Some(10.0 * sc), j + 1, None));
    }
    // `a dozen`, `a million`, `a hundred`.
    if first == "a" || first == "one" && scale_word(&w(k + 1)).is_some() {
        let nx = w(k + 1);
        if nx == "dozen" {
            return Some((12.0, None, k + 2, None));
        }
        if first == "a" {
            let sc = scale_word(&nx)?;
            j = k + 2;
            let mut total = sc;
            // `a hundred thousand`
            if let Some(sc2) = scale_word(&w(j)).filter(|s| *s > sc) {
                total *= sc2;
                j += 1;
            }
            return Some((total, None, j, None));
        }
    }
    if first == "dozen" {
        return Some((12.0, None, k + 1, None));
    }
    // Cardinal words: `two million`, `one hundred and twenty`, `Fifty-six`.
    let mut total = 0.0;
    let mut current = 0.0;
    let mut any = false;
    j = k;
    loop {
        let word = w(j);
        if let Some(v) = word_number(&word) {
            current += v as f64;
            any = true;
            j += 1;
        } else if any && word == "dozen" {
            current *= 12.0;
            j += 1;
        } else if any && word == "hundred" {
            current *= 100.0;
            j += 1;
        } else if let Some(sc) = scale_word(&word).filter(|_| any) {
            total += current * sc;
            current = 0.0;
            j += 1;
        } else if any && word == "and" && word_number(&w(j + 1)).is_some() && w(j - 1) == "hundred"
        {
            j += 1;
        } else if any && word == "and" && w(j + 1) == "a" && w(j + 2) == "half" {
            current += 0.5;
            j += 3;
        } else {
            break;
        }
        if j - k > 12 {
            break;
        }
    }
    if !any {
        return None;
    }
    Some((total + current, None, j, None))
}

/// The percentage a hyphenated fraction names (`two-thirds` 66.67, `one-fifth` 20, `three-quarters` 75), rounded to
/// two decimals.
fn hyphenated_fraction(w: &str) -> Option<f64> {
    let (a, b) = w.split_once('-')?;
    let num = word_number(&a.to_ascii_lowercase())?;
    let den: u64 = match b.to_ascii_lowercase().trim_end_matches('s') {
        "half" | "halve" => 2,
        "third" => 3,
        "quarter" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "eighth" => 8,
        "tenth" => 10,
        _ => return None,
    };
    (num >= 1 && num < den).then(|| (num as f64 * 10_000.0 / den as f64).round() / 100.0)
}

/// A person's age set off by commas after the name, as news writes it: `Sandra Smith, 78, arrived`, `Mr. Lee, 45,
/// said`. A capitalised word before, a comma or bracket after: `In Texas, 19 people died` is a count.
fn is_appositive_age(text: &str, toks: &[Token], first: usize, f: &Found) -> bool {
    let w = |k: usize| -> &str { toks.get(k).map(|t| &text[t.start..t.end]).unwrap_or("") };
    let s = w(first);
    f.kind == AmountKind::Count
        && f.next == first + 1
        && toks[first].kind == TokenKind::Number
        && s.len() <= 3
        && s.bytes().all(|b| b.is_ascii_digit())
        && (1.0..=120.0).contains(&f.value)
        && first >= 2
        && w(first - 1) == ","
        && matches!(w(first + 1), "," | ")")
        && {
            let name = w(first - 2);
            name.chars().next().is_some_and(char::is_uppercase)
                && name.chars().skip(1).any(char::is_lowercase)
                && !is_month(name)
                && !crate::text::is_weekday(name)
        }
}

/// Whether the words from token `k` name a street (one to three capitalised words and a street word), so that the
/// number before them is a house number.
fn is_street_address<'a>(w: &impl Fn(usize) -> &'a str, k: usize) -> bool {
    let mut j = k;
    while j < k + 3 && w(j).starts_with(|c: char| c.is_ascii_uppercase()) {
        j += 1;
        if j > k
            && matches!(
                w(j).trim_end_matches('.'),
                "St" | "Street"
                    | "Ave"
                    | "Avenue"
                    | "Dr"
                    | "Drive"
                    | "Rd"
                    | "Road"
                    | "Blvd"
                    | "Boulevard"
                    | "Lane"
            )
        {
            return true;
        }
    }
    false
}

/// Numbers that are not amounts: dates, times, references, names, ordinals.
fn is_excluded(text: &str, toks: &[Token], first: usize, f: &Found) -> bool {
    let w = |k: usize| -> &str { toks.get(k).map(|t| &text[t.start..t.end]).unwrap_or("") };
    let s = w(first);
    let prev = first.checked_sub(1).map(w).unwrap_or("");
    let next = w(f.next);
    let is_numeral = toks[first].kind == TokenKind::Number;
    let plain = f.currency.is_none() && f.unit.is_none() && f.kind == AmountKind::Count;
    // Durations (`two years`, `20 days`, `half an hour`) belong to the time extractor.
    let after_article = if matches!(next, "a" | "an") {
        w(f.next + 1)
    } else {
        next
    };
    if plain
        && (is_time_unit(next) || (s.eq_ignore_ascii_case("half") && is_time_unit(after_article)))
    {
        return true;
    }
    // `No. 1` split as `No` `.` `1`.
    if prev == "." && first >= 2 && is_reference_word(w(first - 2)) {
        return true;
    }
    if plain && is_numeral {
        // Years: `2022`, `in 1998`.
        if s.len() == 4 && !s.contains([',', '.']) && (1800.0..=2100.0).contains(&f.value) {
            return true;
        }
        // Days of the month: `February 20`, `20 February`, `Feb. 20`.
        if is_month(prev) || is_month(next) || (next == "," && is_month(w(f.next + 1))) {
            return true;
        }
        // `Tuesday (15)`.
        if prev == "(" && first >= 2 && crate::text::is_weekday(w(first - 2)) {
            return true;
        }
        // Clock times: `10 a.m.`, `10 pm`, `10 o'clock`.
        if matches!(
            &*lower(next),
            "a.m." | "p.m." | "am" | "pm" | "a.m" | "p.m" | "o'clock" | "gmt" | "utc" | "hrs"
        ) {
            return true;
        }
        // References: `Resolution 2334`, `No. 5`, `Article 5`; numbers inside names: `Apollo 11`.
        if is_reference_word(prev) {
            return true;
        }
        if prev.starts_with(|c: char| c.is_uppercase())
            && toks[first - 1].kind == TokenKind::Word
            && !is_function_word(prev)
            && first >= 1
        {
            return true;
        }
        // Ordinal suffix split off (`1 st`), and `#1`.
        if matches!(next, "st" | "nd" | "rd" | "th") || prev == "#" {
            return true;
        }
        // Phone numbers: `+7 495 123`, digit groups.
        if prev == "+" {
            return true;
        }
        // Street addresses: `601 Riverview Dr.`, `209 West Houston St.`.
        if is_street_address(&w, f.next) {
            return true;
        }
    }
    // Written-out words inside names (`One Direction`) and `one` as a pronoun (`one of them` is still counted).
    if !is_numeral && toks[first].kind == TokenKind::Word {
        let lw = lower(s);
        if lw == "one" && f.next == first + 1 {
            // `one` as a pronoun: `a bitter one`, `No one`, `each one`, `one can`, `one suspects that`.
            let p = lower(prev);
            let det = matches!(
                &*p,
                "a" | "an"
                    | "the"
                    | "each"
                    | "every"
                    | "no"
                    | "any"
                    | "this"
                    | "that"
                    | "which"
                    | "another"
            );
            let verb_next = matches!(
                next,
                "can"
                    | "could"
                    | "has"
                    | "had"
                    | "is"
                    | "was"
                    | "might"
                    | "must"
                    | "should"
                    | "would"
                    | "will"
                    | "may"
                    | "seems"
                    | "does"
                    | "suspects"
                    | "another"
                    | "day"
                    | "but"
            );
            let punct_next = toks
                .get(f.next)
                .map_or(true, |t| t.kind == TokenKind::Punct);
            if next != "of" && (det || verb_next || punct_next) {
                return true;
            }
        }
        if first > 0
            && prev.starts_with(|c: char| c.is_uppercase())
            && s.starts_with(|c: char| c.is_uppercase())
        {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests;
