//! The local speaker mention: a name with its titles (`Kremlin spokesman Dmitry Peskov`), a pronoun, or a
//! description (`the ministry`, `Moscow’s chancellor`), found from the tokens around a cue without any NER.

use super::lexicon::{
    CAP_STOP, CUES, DETERMINERS, NAME_JOINERS, ORG_WORDS, PREPOSITIONS, PRONOUNS, SPEAKER_NOUNS,
    TITLES,
};
use crate::text::{Shape, Token};
use std::ops::Range;
use std::sync::LazyLock;

/// Tokens of the article with their text.
pub(crate) struct Words<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    /// Each token's surface, sliced once: the stage reads token texts hundreds of thousands of times, and
    /// slicing `text` checks both ends for char boundaries every time.
    strs: Vec<&'a str>,
}

/// What the mention tells about the speaker without any entity list. Borrowed from the text: most are only
/// looked at, and the few a speaker keeps are copied then.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct LocalName<'a> {
    /// Name part (`Dmitry Peskov`), if the mention has one.
    pub name: Option<&'a str>,
    /// Title words before the name (`Kremlin spokesman`).
    pub title: Option<&'a str>,
    /// Capitalized head of the title (`Kremlin`).
    pub affiliation: Option<&'a str>,
    /// Whether the name looks like a person's (not an organization or a place).
    pub person: bool,
    /// Whether the mention is a personal pronoun.
    pub pronoun: bool,
}

/// Verbs that take a speech verb after `to` without being said themselves (`would like to note`, `want to
/// stress`, `have to admit`).
fn is_catenative(w: &str) -> bool {
    matches!(
        w,
        "like"
            | "want"
            | "wants"
            | "wanted"
            | "wish"
            | "wishes"
            | "need"
            | "needs"
            | "have"
            | "has"
            | "had"
            | "going"
            | "hope"
            | "hopes"
            | "intend"
            | "intends"
            | "ought"
    )
}

pub(crate) fn is_cap(w: &str) -> bool {
    // ASCII first: no UTF-8 decoding for the common case.
    match w.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => w.chars().next().is_some_and(char::is_uppercase),
    }
}

fn is_lower_word(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_lowercase)
}

fn is_quote(w: &str) -> bool {
    matches!(
        w,
        "\"" | "“" | "”" | "'" | "‘" | "’" | "''" | "``" | "«" | "»" | "„"
    )
}

/// The shapes of the titles, ASCII-lower-cased: both lookups of [`is_title`] are of a word with such a shape.
/// Auxiliaries and adverbs that end no speaker mention (`I am saying`, `We have agreed`, `Khan also decried`).
const TRAILING_AUX: &[&str] = &[
    "am", "is", "are", "was", "were", "have", "has", "had", "also", "will", "would", "can",
    "could", "should", "must", "may", "might", "do", "does", "did", "just", "still", "again",
    "then", "already",
];

/// Lone words that name no speaker: determiners, auxiliaries and demonstratives a mention can shrink to.
const NO_SPEAKER_WORDS: &[&str] = &[
    "the", "a", "an", "has", "have", "had", "is", "are", "was", "were", "also", "let", "this",
    "that", "these", "those", "am", "will", "would",
];

static TITLE_SHAPES: LazyLock<Shape> = LazyLock::new(|| {
    let mut s = Shape::default();
    for t in TITLES.iter() {
        s.add(&t.to_ascii_lowercase());
    }
    s
});

/// Whether `w` is a title word (`president`, `President`, `Sen.`), in lower case or capitalized.
pub(super) fn is_title(w: &str) -> bool {
    // Most words (names, verbs) are ruled out by one bit test on their lower-cased ends, before any lookup.
    let b = w.as_bytes();
    let (Some(&first), Some(&last)) = (b.first(), b.last()) else {
        return false;
    };
    let second = b.get(1).copied().unwrap_or(0);
    if !TITLE_SHAPES.may_hold_shape(
        b.len(),
        first.to_ascii_lowercase(),
        second.to_ascii_lowercase(),
        last.to_ascii_lowercase(),
    ) {
        return false;
    }
    if TITLES.contains(w) {
        return true;
    }
    // Capitalized titles (`President`, `Sen.`) without allocating for the common case.
    if is_cap(w) && w.len() <= 24 {
        let mut buf = [0u8; 24];
        let lower = crate::text::ascii_lower(w, &mut buf);
        return lower.is_some_and(|l| TITLES.contains(l));
    }
    false
}

fn is_possessive(w: &str) -> bool {
    matches!(w, "’s" | "'s" | "’" | "'")
}

impl<'a> Words<'a> {
    /// The tokens of `text` with their surfaces.
    pub fn new(text: &'a str, tokens: &'a [Token]) -> Words<'a> {
        let strs = tokens
            .iter()
            .map(|t| text.get(t.start..t.end).unwrap_or(""))
            .collect();
        Words { text, tokens, strs }
    }

    /// The surface of token `i` (empty past the end).
    pub fn t(&self, i: usize) -> &'a str {
        self.strs.get(i).copied().unwrap_or("")
    }

    /// Whether token `i` is a word (not punctuation).
    pub fn is_word(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind != crate::text::TokenKind::Punct)
    }

    /// The reporting cue at token `i`: (token range, lemma, weak).
    pub fn cue_at(&self, i: usize) -> Option<(Range<usize>, &'static str, bool)> {
        let w = self.t(i);
        if !super::lexicon::CUE_SHAPES.may_hold(w) {
            return None;
        }
        self.cue_with(i, w, super::lexicon::CUE_FORMS.get(w))
    }

    /// [`Words::cue_at`] for token `i` with surface `w`, given what the cue lists say about `w` (looked up once
    /// by the caller).
    pub fn cue_with(
        &self,
        i: usize,
        w: &str,
        form: Option<&super::lexicon::CueForm>,
    ) -> Option<(Range<usize>, &'static str, bool)> {
        if matches!(w, "according" | "According") && self.t(i + 1) == "to" {
            return Some((i..i + 2, "according to", false));
        }
        if matches!(w, "pointed" | "points") && self.t(i + 1) == "out" {
            return Some((i..i + 2, "point out", false));
        }
        let (lemma, weak) = form?.cue?;
        Some((i..i + 1, lemma, weak))
    }

    /// A name or title run ending at `j` (exclusive), going back no further than `lo`.
    fn name_run_before(&self, lo: usize, j: usize) -> usize {
        let mut k = j;
        let mut saw_cap = false;
        while k > lo {
            let w = self.t(k - 1);
            if is_cap(w) && self.tokens[k - 1].kind != crate::text::TokenKind::Punct {
                if CAP_STOP.contains(w) && !DETERMINERS.contains(w) {
                    break;
                }
                k -= 1;
                saw_cap = true;
            } else if is_title(w)
                || w.starts_with(|c: char| c.is_ascii_digit()) && w.contains('/')
                || (is_possessive(w) || saw_cap && NAME_JOINERS.contains(w))
                    && k - 1 > lo
                    && is_cap(self.t(k - 2))
            {
                k -= 1;
            } else if saw_cap
                && w == "the"
                && k >= lo + 3
                && self.t(k - 2) == "of"
                && is_cap(self.t(k - 3))
            {
                // `Mr. Morgan of the Sierra Club`
                k -= 2;
            } else {
                break;
            }
        }
        // Leading sentence words that are capitalized but not part of the name.
        while k < j && CAP_STOP.contains(self.t(k)) && !DETERMINERS.contains(self.t(k)) {
            k += 1;
        }
        if k < j && k > lo && DETERMINERS.contains(self.t(k - 1)) {
            k -= 1;
        }
        k
    }

    /// A noun phrase ending at `j` (exclusive): pronoun, name with titles, or description.
    pub fn np_before(&self, lo: usize, j: usize) -> Option<Range<usize>> {
        if j <= lo {
            return None;
        }
        let last = self.t(j - 1);
        if PRONOUNS.contains(last) {
            return Some(j - 1..j);
        }
        let k = self.name_run_before(lo, j);
        if k < j {
            // A lone title (`spokesman said`) needs a determiner to be a mention.
            let has_cap = (k..j).any(|i| is_cap(self.t(i)) && !DETERMINERS.contains(self.t(i)));
            if has_cap || DETERMINERS.contains(self.t(k)) {
                return Some(k..j);
            }
        }
        // A description: back to a determiner or a possessive within a few words.
        let floor = j.saturating_sub(6).max(lo);
        let mut m = j;
        while m > floor {
            let w = self.t(m - 1);
            if DETERMINERS.contains(w) {
                // A determiner alone (`an alleged`, `his demands`) is no mention.
                return (m < j).then_some(m - 1..j);
            }
            if is_possessive(w) && m - 1 > lo && is_cap(self.t(m - 2)) {
                return Some(m - 2..j);
            }
            let word = self.tokens[m - 1].kind != crate::text::TokenKind::Punct;
            if !word || PREPOSITIONS.contains(w) || CUES.contains_key(w) || is_stop(w) {
                break;
            }
            m -= 1;
        }
        if SPEAKER_NOUNS.contains(last) {
            let k = self.name_run_before(lo, j - 1);
            return Some(k..j);
        }
        None
    }

    /// The speaker mention whose last word ends right before the cue at `cue` (skipping `also`, `has`...,
    /// appositives and parentheses).
    pub fn mention_before(&self, lo: usize, cue: usize) -> Option<Range<usize>> {
        let mut j = cue;
        while j > lo {
            let w = self.t(j - 1);
            let adverb = w.len() > 4 && w.ends_with("ly") && is_lower_word(w);
            if super::lexicon::BETWEEN.contains(w) || adverb {
                j -= 1;
            } else if w == "to" && j >= lo + 2 && is_catenative(self.t(j - 2)) {
                // `I would like to note`, `we want to stress`: the speaker is the subject of the verb before.
                j -= 2;
            } else {
                break;
            }
        }
        if j <= lo {
            return None;
        }
        let mut end = j;
        if self.t(j - 1) == ")" {
            let mut k = j - 1;
            while k > lo && k + 12 > j && self.t(k) != "(" {
                k -= 1;
            }
            if self.t(k) != "(" {
                return None;
            }
            j = k;
        }
        if j > lo && self.t(j - 1) == "," {
            // Appositive: `Scott Pruitt, the attorney general of Oklahoma, said`.
            let mut k = j - 1;
            while k > lo && k + 16 > j {
                let w = self.t(k - 1);
                if w == "," || is_quote(w) || matches!(w, "." | ";" | ":" | "—" | "–") {
                    break;
                }
                k -= 1;
            }
            if k > lo && k < j - 1 && self.t(k - 1) == "," {
                let mut h = k - 1;
                if h > lo && self.t(h - 1) == ")" {
                    let mut p = h - 1;
                    while p > lo && p + 12 > h && self.t(p) != "(" {
                        p -= 1;
                    }
                    if self.t(p) == "(" {
                        h = p;
                    }
                }
                let head = self.np_before(lo, h)?;
                if head.end - head.start == 1 && PRONOUNS.contains(self.t(head.start)) {
                    return None;
                }
                // The appositive must describe, not be a clause (`..., Trump, who has said`).
                let first = self.t(k);
                if matches!(first, "who" | "which" | "that" | "and" | "but") {
                    return None;
                }
                return Some(head.start..j - 1);
            }
            return None;
        }
        let np = self.np_before(lo, j)?;
        if end > j {
            end = end.max(j);
        }
        Some(np.start..end.max(np.end))
    }

    /// The mention `m` without a framing phrase set off by commas at its end (`Sweden, meanwhile,` ->
    /// `Sweden`; see [`Words::describes`]). Applied to the speaker found, after the cue model, whose
    /// features read the mention as found.
    fn unframed(&self, m: &Range<usize>) -> Range<usize> {
        let Some(c) = (m.start + 1..m.end).rev().find(|&i| self.t(i) == ",") else {
            return m.clone();
        };
        if c + 1 < m.end && !self.describes(c + 1, m.end) {
            m.start..c
        } else {
            m.clone()
        }
    }

    /// The speaker mention as output: [`Self::unframed`], without trailing auxiliaries and adverbs the mention
    /// finder took in (`I am` saying, `You have` shown: `I`, `You`); `None` when only a function word is left
    /// (`The` forecast, `has` confirmed, `This` is confirmed), which names no one.
    pub fn speaker_words(&self, m: &Range<usize>) -> Option<Range<usize>> {
        let mut m = self.unframed(m);
        while m.end > m.start + 1 && TRAILING_AUX.contains(&self.t(m.end - 1)) {
            m.end -= 1;
        }
        // Capitalized, `Will` may be a name (George Will): only the words that never are count then.
        let only = (m.end == m.start + 1).then(|| self.t(m.start));
        let mut buf = [0u8; 8];
        match only {
            Some(w)
                if !matches!(w, "Will" | "Would")
                    && crate::text::ascii_lower(w, &mut buf)
                        .is_some_and(|l| NO_SPEAKER_WORDS.contains(&l)) =>
            {
                None
            }
            _ => Some(m),
        }
    }

    /// Whether the words `k..e` set off by commas after a name describe it (`, the attorney general of
    /// Oklahoma,`, `, 45,`) rather than frame the sentence: a discourse adverb (`, meanwhile,`), a phrase
    /// opened by a preposition (`, for his part,`, `, in a statement,`), a participle (`, speaking on radio,`)
    /// or a clause of its own (`, he says,`) describes no one, and the speaker is the name alone.
    fn describes(&self, k: usize, e: usize) -> bool {
        let first = self.t(k);
        if !is_lower_word(first) || is_title(first) || SPEAKER_NOUNS.contains(first) {
            return true;
        }
        let second = (k + 1 < e).then(|| self.t(k + 1));
        let adverb = second.is_none() && first.chars().all(char::is_alphabetic);
        // `of` and `from` tell where the person belongs (`, of the Sierra Club,`); `last`, `this` open a
        // description (`, this year's nominee,`).
        let phrase = PREPOSITIONS.contains(first)
            && !matches!(first, "of" | "from" | "last" | "this" | "early" | "late");
        let participle = first.len() > 5
            && first.ends_with("ing")
            && second.is_some_and(|w| !is_title(w) && !SPEAKER_NOUNS.contains(w));
        let clause = PRONOUNS.contains(first);
        !(adverb || phrase || participle || clause)
    }

    /// The speaker mention starting at `start` (inverted order: `said Peskov`, `said the ministry`); stops
    /// before `hi`.
    pub fn mention_after(&self, start: usize, hi: usize) -> Option<Range<usize>> {
        let mut k = start;
        // `said Monday`, `said on Thursday`
        while k < hi && PREPOSITIONS.contains(self.t(k)) && is_weekday_like(self.t(k)) {
            k += 1;
        }
        if k >= hi {
            return None;
        }
        let w = self.t(k);
        if PRONOUNS.contains(w) {
            return Some(k..k + 1);
        }
        let s = k;
        let mut det = false;
        if DETERMINERS.contains(w) {
            det = true;
            k += 1;
        }
        let mut lower = 0;
        while k < hi {
            let w = self.t(k);
            let punct = self.tokens[k].kind == crate::text::TokenKind::Punct;
            if (is_cap(w) && !punct)
                || is_title(w)
                || w.contains('/') && !punct
                || is_possessive(w) && k > s
                || NAME_JOINERS.contains(w) && k > s && is_cap(self.t(k + 1))
            {
                k += 1;
            } else if det
                && is_lower_word(w)
                && lower < 4
                && !is_stop(w)
                && !PREPOSITIONS.contains(w)
            {
                lower += 1;
                k += 1;
            } else {
                break;
            }
        }
        // `according to Western officials`
        if k > s && k < hi && SPEAKER_NOUNS.contains(self.t(k)) {
            k += 1;
        }
        if k > s + usize::from(det) {
            Some(s..k)
        } else {
            None
        }
    }

    /// Name, title and affiliation read off a mention.
    pub fn local_name(&self, m: &Range<usize>) -> LocalName<'a> {
        let mut out = LocalName::default();
        if m.end == m.start + 1 && PRONOUNS.contains(self.t(m.start)) {
            out.pronoun = true;
            return out;
        }
        // Head part: before an appositive comma or parenthesis.
        let mut end = m.start;
        while end < m.end && !matches!(self.t(end), "," | "(") {
            end += 1;
        }
        let mut start = m.start;
        while start < end && DETERMINERS.contains(self.t(start)) {
            start += 1;
        }
        if start >= end {
            return out;
        }
        let last = self.t(end - 1);
        if !is_cap(last) || is_title(last) && !ORG_WORDS.contains(last) {
            // A description (`the ministry`) or a bare title.
            return out;
        }
        // The name proper: the capitalized words after the titles (`Dmitry Peskov`).
        let mut n = end;
        while n > start {
            let w = self.t(n - 1);
            if is_cap(w) && !is_title(w) || NAME_JOINERS.contains(w) && n - 1 > start {
                n -= 1;
            } else {
                break;
            }
        }
        let org = (n..end).any(|i| ORG_WORDS.contains(self.t(i)));
        if org {
            // Organizations keep their whole capitalized run (`Russian Defense Ministry`).
            while n > start && (is_cap(self.t(n - 1)) || NAME_JOINERS.contains(self.t(n - 1))) {
                n -= 1;
            }
        }
        while n < end && NAME_JOINERS.contains(self.t(n)) {
            n += 1;
        }
        if n >= end {
            return out;
        }
        let span = |a: usize, b: usize| -> &'a str {
            self.text
                .get(self.tokens[a].start..self.tokens[b - 1].end)
                .unwrap_or("")
        };
        out.name = Some(span(n, end));
        out.person = !org;
        if n > start {
            let mut ts = start;
            // `Moscow’s chancellor`: the possessor is the affiliation.
            if let Some(p) = (start..n).find(|&i| is_possessive(self.t(i))) {
                if p > start {
                    out.affiliation = Some(span(start, p));
                }
                ts = p + 1;
            }
            if ts < n {
                out.title = Some(span(ts, n));
                if out.affiliation.is_none() {
                    let mut a = ts;
                    while a < n && is_cap(self.t(a)) && !is_title(self.t(a)) {
                        a += 1;
                    }
                    if a > ts && a < n {
                        out.affiliation = Some(span(ts, a));
                    }
                }
            }
        }
        out
    }
}

fn is_weekday_like(w: &str) -> bool {
    matches!(
        w,
        "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
            | "today"
            | "yesterday"
            | "tonight"
            | "on"
    )
}

/// Function words that end a description going backwards.
pub(crate) fn is_stop(w: &str) -> bool {
    matches!(
        w,
        "that"
            | "which"
            | "who"
            | "whom"
            | "and"
            | "but"
            | "or"
            | "nor"
            | "to"
            | "is"
            | "was"
            | "are"
            | "were"
            | "be"
            | "been"
            | "has"
            | "have"
            | "had"
            | "not"
            | "as"
            | "if"
            | "when"
            | "while"
            | "because"
            | "than"
            | "so"
            | "it"
            | "he"
            | "she"
            | "they"
            | "we"
            | "would"
            | "will"
            | "could"
            | "should"
            | "can"
            | "may"
            | "might"
            | "must"
            | "did"
            | "does"
            | "do"
            | "also"
            | "then"
            | "there"
            | "here"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::Context;

    fn before(text: &str, cue: &str) -> Option<String> {
        let ctx = Context::from_text(text, None);
        let w = Words::new(text, &ctx.tokens);
        let i = (0..ctx.tokens.len()).find(|&i| w.t(i) == cue)?;
        let m = w.mention_before(0, i)?;
        Some(text[ctx.tokens[m.start].start..ctx.tokens[m.end - 1].end].to_string())
    }

    #[test]
    fn mentions_before_the_cue() {
        for (text, cue, want) in [
            (
                "“Units are returning,” Defense Ministry spokesman Igor Konashenkov said.",
                "said",
                "Defense Ministry spokesman Igor Konashenkov",
            ),
            ("“A process,” he explained.", "explained", "he"),
            (
                "Today, the Russian Defense Ministry also claimed that more units were leaving.",
                "claimed",
                "the Russian Defense Ministry",
            ),
            (
                "Moscow’s chancellor said the crisis exists only in the head.",
                "said",
                "Moscow’s chancellor",
            ),
            (
                "“It is an invasion,” Scott Pruitt, the Republican attorney general of Oklahoma, said.",
                "said",
                "Scott Pruitt, the Republican attorney general of Oklahoma",
            ),
            ("Secret Service protocol was clear, sources said.", "said", "sources"),
            ("The New York Post reports that the team avoided it.", "reports", "The New York Post"),
        ] {
            assert_eq!(before(text, cue).as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn names_titles_and_affiliations() {
        let text = "Kremlin spokesman Dmitry Peskov told reporters.";
        let ctx = Context::from_text(text, None);
        let w = Words::new(text, &ctx.tokens);
        let n = w.local_name(&(0..4));
        assert_eq!(n.name, Some("Dmitry Peskov"));
        assert_eq!(n.title, Some("Kremlin spokesman"));
        assert_eq!(n.affiliation, Some("Kremlin"));
        assert!(n.person);
    }
}
