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

/// A US party and state after a name (`R-S.C.`, `D-Calif.`, `I-Vt`).
fn is_party_tag(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 4 && matches!(b[0], b'R' | b'D' | b'I') && b[1] == b'-' && b[2].is_ascii_uppercase()
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

/// Auxiliaries and adverbs that end no speaker mention (`I am saying`, `We have agreed`, `Khan also decried`).
const TRAILING_AUX: &[&str] = &[
    "am", "is", "are", "was", "were", "have", "has", "had", "also", "will", "would", "can",
    "could", "should", "must", "may", "might", "do", "does", "did", "just", "still", "again",
    "then", "already",
];

/// Lone words that name no speaker: determiners, auxiliaries and demonstratives a mention can shrink to.
const NO_SPEAKER_WORDS: &[&str] = &[
    "the", "a", "an", "has", "have", "had", "is", "are", "was", "were", "also", "let", "this",
    "that", "these", "those", "am", "will", "would", "not",
];

/// The longest mention (in tokens) [`Words::subject_words`] reduces: loose subjects are at most 8 words,
/// appositives 24.
const MAX_REDUCED: usize = 40;

/// Words dropped from the front of a mention: conjunctions, subordinators and sentence adverbs open a clause
/// whose subject follows (`But nobody`, `after 55 percent`, `whom many`).
fn is_leading_skip(w: &str) -> bool {
    // A `match` on the words (by length, then bytes): asked for the first word of every mention.
    matches!(
        w,
        "but"
            | "and"
            | "so"
            | "yet"
            | "or"
            | "nor"
            | "as"
            | "after"
            | "before"
            | "while"
            | "because"
            | "if"
            | "when"
            | "where"
            | "since"
            | "although"
            | "though"
            | "once"
            | "until"
            | "whether"
            | "unless"
            | "perhaps"
            | "maybe"
            | "also"
            | "even"
            | "then"
            | "now"
            | "however"
            | "meanwhile"
            | "instead"
            | "thus"
            | "still"
            | "indeed"
            | "who"
            | "whom"
            | "just"
    )
}

/// Words that open a mention holding no speaker: prepositions (`By` refusing, `During our` talks: the words
/// after are an object), `let`, `whose`. Not `not` (`Not everyone` finds), nor `about` and `at`, which may
/// open a number (`About 40 rabbis`, `at least 21,000`).
fn is_leading_none(w: &str) -> bool {
    // A `match` on the words (by length, then bytes): asked for the first word of every mention.
    matches!(
        w,
        "by" | "in"
            | "on"
            | "for"
            | "with"
            | "from"
            | "of"
            | "to"
            | "into"
            | "during"
            | "under"
            | "over"
            | "through"
            | "despite"
            | "without"
            | "amid"
            | "among"
            | "against"
            | "within"
            | "throughout"
            | "upon"
            | "like"
            | "unlike"
            | "toward"
            | "towards"
            | "via"
            | "per"
            | "let"
            | "whose"
            | "which"
    )
}

/// Auxiliaries and question words that put the subject after them (`Do you` think, `how would you`).
const QUESTION: &[&str] = &[
    "do", "does", "did", "would", "will", "can", "could", "should", "how", "what", "why", "is",
    "are", "was", "were", "has", "have", "had",
];

/// Lower-case words no subject goes on past: auxiliaries, adverbs, relative pronouns.
const SUBJECT_ENDS: &[&str] = &[
    "am", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would",
    "can", "could", "should", "must", "may", "might", "shall", "do", "does", "did", "cannot",
    "not", "never", "also", "only", "just", "already", "always", "still", "then", "who", "whom",
    "which", "where", "whose", "that", "later", "now", "too", "again", "soon", "often", "even",
    "ever",
];

/// Common verbs that follow a subject (`NATO continues to`, `Trump went on to`, `the campaign took the step
/// of`), not after a determiner (`the need`).
const VERBS: &[&str] = &[
    "continue",
    "continues",
    "went",
    "goes",
    "came",
    "comes",
    "began",
    "begins",
    "made",
    "makes",
    "took",
    "takes",
    "gave",
    "gives",
    "got",
    "gets",
    "keep",
    "keeps",
    "kept",
    "seem",
    "seems",
    "appear",
    "appears",
    "want",
    "wants",
    "know",
    "knows",
    "knew",
    "think",
    "thinks",
    "feel",
    "feels",
    "felt",
    "say",
    "says",
    "tell",
    "tells",
    "sees",
    "saw",
    "wrote",
    "won",
    "met",
    "ran",
    "sent",
    "spent",
    "brought",
    "stood",
    "held",
    "left",
    "hope",
    "hopes",
];

/// Clitics split off by the tokenizer (`I'm`, `You’ve`, `didn't`): after a subject, an auxiliary. Not `’s`,
/// mostly a possessive inside a name (`Moscow’s chancellor`); a pronoun's (`He’s`) is cut as a pronoun.
const CLITICS: &[&str] = &[
    "’re", "'re", "’ve", "'ve", "’ll", "'ll", "’d", "'d", "’m", "'m", "n't", "n’t",
];

/// Function words that cannot end a subject (`Bolton distanced himself by` saying, `Adelson met Trump and`).
const CLAUSE_TAIL: &[&str] = &[
    "by", "and", "of", "in", "on", "with", "as", "for", "from", "or", "than", "at", "but",
];

/// Irregular participles of speech verbs (`was told`, `are seen`).
const PARTICIPLES: &[&str] = &[
    "said", "told", "seen", "shown", "known", "heard", "thought", "given", "held", "taken", "made",
    "written", "spoken",
];

/// Participles that say what the subject feels (`are worried`): the subject holds the stance.
const STANCE_ADJECTIVES: &[&str] = &[
    "worried",
    "concerned",
    "convinced",
    "shocked",
    "pleased",
    "surprised",
    "disappointed",
    "determined",
    "committed",
    "confident",
    "interested",
    "alarmed",
    "troubled",
    "satisfied",
    "frustrated",
    "angered",
    "outraged",
    "encouraged",
    "unconvinced",
    "united",
    "opposed",
    "inclined",
    "resigned",
    "divided",
    "prepared",
    "delighted",
    "dismayed",
    "puzzled",
    "impressed",
    "annoyed",
    "disturbed",
    "horrified",
    "offended",
    "scared",
    "tired",
    "amazed",
    "excited",
    "thrilled",
    "focused",
];

/// Whether `w` reads as an adverb in `-ly` (`recently`, `jointly`; not `fly` or `Italy` in lower case).
pub(super) fn is_ly_adverb(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ly")
}

/// Whether `w` is a pronoun that can be a subject (the speaking pronouns, and `you`).
pub(super) fn is_subject_pronoun(w: &str) -> bool {
    PRONOUNS.contains(w) || matches!(w, "you" | "You")
}

/// The shapes of the titles, ASCII-lower-cased: both lookups of [`is_title`] are of a word with such a shape.
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
    if !TITLE_SHAPES.may_hold_caseless(w) {
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

    /// Whether token `i` follows token `i - 1` with no space between (`Wis` + `.`).
    fn glued(&self, i: usize) -> bool {
        i > 0
            && self
                .tokens
                .get(i)
                .zip(self.tokens.get(i - 1))
                .is_some_and(|(t, p)| t.start == p.end)
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
                && (self.t(k - 2) == "of" && is_cap(self.t(k - 3))
                    || self.t(k - 2) == "to" && is_title(self.t(k - 3)))
            {
                // `Mr. Morgan of the Sierra Club`, `The Adviser to the Head`
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
        self.mention_before_with(lo, cue, false)
    }

    /// The subject of the cue at `cue` when it follows a relative clause set off by commas (`Sanders, who has
    /// sent pleas on his behalf, said`): the name before the clause. [`Self::mention_before`] finds none there,
    /// and the cue model was trained on that; this is read for the speaker after the model has decided.
    pub fn relative_antecedent(&self, lo: usize, cue: usize) -> Option<Range<usize>> {
        self.mention_before_with(lo, cue, true)
            .filter(|m| m.end < cue && matches!(self.t(m.end), "," | "("))
    }

    /// Whether a clause set off by commas stands right before the cue at `cue` (`The union, whose headquarters,
    /// the old mill, is being sold ..., argued`): the name before it is not the cue's subject, though
    /// [`Self::mention_before`] (which the cue model was trained with) reads it as one. Read after the model.
    pub fn clause_before(&self, lo: usize, cue: usize) -> bool {
        let mut j = cue;
        while j > lo && super::lexicon::BETWEEN.contains(self.t(j - 1)) {
            j -= 1;
        }
        if j <= lo + 1 || self.t(j - 1) != "," {
            return false;
        }
        let k = self.set_off_start(lo, j - 1, false);
        let first = self.t(k);
        k > lo && k < j - 1 && self.t(k - 1) == "," && is_auxiliary(first)
    }

    /// The first token of the phrase set off before the comma at `comma` (an appositive or a clause): the scan
    /// goes back at most 23 tokens to the previous comma, quotation mark or clause punctuation. `dotted`: an
    /// abbreviation's period (`Ron Johnson, R-Wis., said`) does not end it; the mention finder the cue model was
    /// trained with stops there, so only readings after the model pass it.
    fn set_off_start(&self, lo: usize, comma: usize, dotted: bool) -> usize {
        let mut k = comma;
        while k > lo && k + 23 > comma {
            let w = self.t(k - 1);
            let abbreviation = dotted && w == "." && k >= 2 && self.glued(k - 1);
            if w == "," || is_quote(w) || matches!(w, "." | ";" | ":" | "—" | "–") && !abbreviation
            {
                break;
            }
            k -= 1;
        }
        k
    }

    /// [`Self::mention_before`]; `relative`: the name before a relative clause (`X, who ...,`) instead of none.
    fn mention_before_with(&self, lo: usize, cue: usize, relative: bool) -> Option<Range<usize>> {
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
            // Appositive: `Scott Pruitt, the attorney general of Oklahoma, said`; or a relative clause, which
            // may be longer (`Andrea Holm, who took part in the talks by video link, said`).
            let k = self.set_off_start(lo, j - 1, relative);
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
                // `Olaf Brenner, 58, who runs a bakery, says`: the age between the name and the clause; `Ron
                // Dale, R-Ohio, a member of the panel, said`: the party and state.
                if relative && h >= lo + 2 {
                    let age = (1..=3).contains(&self.t(h - 1).len())
                        && self.t(h - 1).bytes().all(|b| b.is_ascii_digit());
                    if age && self.t(h - 2) == "," {
                        h -= 2;
                    } else if let Some(p) = (h.saturating_sub(4).max(lo)..h - 1)
                        .rev()
                        .find(|&p| self.t(p) == ",")
                        .filter(|&p| is_party_tag(self.t(p + 1)))
                    {
                        h = p;
                    }
                }
                let head = self.np_before(lo, h)?;
                if head.end - head.start == 1 && PRONOUNS.contains(self.t(head.start)) {
                    return None;
                }
                // A relative clause is about the name before it, which is the subject of the cue (`Sanders,
                // who has already sent pleas, said`); the mention is the name alone. Other clauses (`, and
                // ...,`) leave the subject unknown.
                let first = self.t(k);
                if matches!(first, "who" | "which") {
                    return relative.then_some(head);
                }
                if relative {
                    // What the reading before the model leaves: an appositive with an abbreviation's period (`,
                    // R-Wis.,`, `, the No. 2 Republican in the Senate,`), after an age (`Marley Anderson, 21, a
                    // junior from Las Vegas,`) or longer than 16 tokens.
                    // Not a clause (`Rubio, whose hometown, Miami, is projected ...,`) nor before a participle,
                    // which shares the subject of the clause before it (`X questioned ..., implying`).
                    let plain = !matches!(first, "that" | "and" | "but" | "whose")
                        && !is_stop(first)
                        && k + 20 >= j
                        && !self.t(cue).ends_with("ing");
                    return plain.then_some(head);
                }
                if matches!(first, "that" | "and" | "but") || k + 16 < j {
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
    ///
    /// Before that, [`Self::subject_words`] reduces a mention the loose subject rules took in whole to the
    /// subject it holds; `cue` is the cue's first token, if any.
    ///
    /// `times` are the token ranges of the article's time expressions, in text order: one that opens or closes
    /// the mention sets the scene and is left out ([`Self::without_times`]); a mention that is only a time
    /// (`The court this month` rejected: `this month`) gives way to the mention before it, in the sentence from
    /// token `lo()` (asked only then).
    pub fn speaker_words(
        &self,
        m: &Range<usize>,
        cue: Option<usize>,
        times: &[Range<usize>],
        lo: impl FnOnce() -> usize,
    ) -> Option<Range<usize>> {
        match self.speaker_words_once(m, cue, times) {
            Ok(m) => m,
            Err(k) => {
                let lo = lo();
                // Once only: the mention before is read as it is (no chain of times to walk back over). It is the
                // subject when it opens a clause (`, the Supreme Court this month` rejected), not when a verb or
                // a preposition governs it (sent `a letter this week` urging, a visit `to the United States in
                // September` indicates).
                let before = self.mention_before(lo, k).filter(|b| b.end <= k)?;
                let opens = before.start <= lo
                    || self.lower_in(before.start - 1, CLAUSE_OPENERS)
                    || is_quote(self.t(before.start - 1));
                if !opens {
                    return None;
                }
                self.speaker_words_once(&before, None, times).ok().flatten()
            }
        }
    }

    /// [`Self::speaker_words`] for mention `m` alone: `Err(k)` when the mention is a time expression, `k` its
    /// first token or the preposition before it.
    fn speaker_words_once(
        &self,
        m: &Range<usize>,
        cue: Option<usize>,
        times: &[Range<usize>],
    ) -> Result<Option<Range<usize>>, usize> {
        let m = self.unframed(m);
        let Some(mut m) = self.subject_words(m, cue) else {
            return Ok(None);
        };
        while m.end > m.start + 1 && TRAILING_AUX.contains(&self.t(m.end - 1)) {
            m.end -= 1;
        }
        let Some(m) = self.without_times(m, times)? else {
            return Ok(None);
        };
        // Capitalized, `Will` may be a name (George Will): only the words that never are count then.
        let only = (m.end == m.start + 1).then(|| self.t(m.start));
        let mut buf = [0u8; 8];
        Ok(match only {
            Some(w)
                if !matches!(w, "Will" | "Would")
                    && crate::text::ascii_lower(w, &mut buf)
                        .is_some_and(|l| NO_SPEAKER_WORDS.contains(&l)) =>
            {
                None
            }
            _ => Some(m),
        })
    }

    /// Whether token `i`, ASCII-lower-cased, is one of `words` (lower-case words).
    fn lower_in(&self, i: usize, words: &[&str]) -> bool {
        let mut buf = [0u8; 16];
        crate::text::ascii_lower(self.t(i), &mut buf).is_some_and(|w| words.contains(&w))
    }

    /// The mention without a time expression that opens it (`Today we` -> `we`, `In December, the prince` ->
    /// `the prince`) or closes it with its preposition (`Trump on Tuesday` -> `Trump`, `A new poll last week` ->
    /// `A new poll`); `Err(k)` when the mention is a time expression (`this week` published: the subject is
    /// before it), `k` the time's first token or the preposition before it. A time that modifies what follows
    /// stays: `Tuesday's primary`, `recent forecasts`, `the class of 2016`.
    fn without_times(
        &self,
        mut m: Range<usize>,
        times: &[Range<usize>],
    ) -> Result<Option<Range<usize>>, usize> {
        // The first time expression ending inside the mention or after it.
        let i = times.partition_point(|t| t.end <= m.start);
        if let Some(t) = times.get(i).filter(|t| t.start <= m.start) {
            if t.end >= m.end {
                let k = t.start;
                return Err(if k > 0 && self.lower_in(k - 1, TIME_PREPOSITIONS) {
                    k - 1
                } else {
                    k
                });
            }
            let next = self.t(t.end);
            let single = t.end == t.start + 1;
            // `Winter Paralympics`: a season word opening a name.
            let season = single
                && matches!(
                    self.t(t.start),
                    "Winter" | "Summer" | "Spring" | "Autumn" | "Fall"
                );
            let subject_follows = next == ","
                || is_subject_pronoun(next)
                || matches!(next, "somebody" | "someone" | "nobody" | "everyone")
                || DETERMINERS.contains(next)
                || is_cap(next) && !season;
            if subject_follows {
                m.start = t.end;
                while m.start < m.end && self.t(m.start) == "," {
                    m.start += 1;
                }
            }
        }
        // The last time expression starting inside the mention.
        let j = times.partition_point(|t| t.start < m.end);
        if let Some(t) = j.checked_sub(1).and_then(|j| times.get(j)) {
            if t.end >= m.end && t.start > m.start {
                let mut e = t.start;
                if self.lower_in(e - 1, TIME_PREPOSITIONS) {
                    e -= 1;
                } else if self.lower_in(e - 1, TIME_BOUND) || self.lower_in(e - 1, &["'s", "'"]) {
                    // `the class of 2016`, `the 1990s`: the time is part of the noun phrase.
                    e = m.end;
                }
                while e > m.start && self.t(e - 1) == "," {
                    e -= 1;
                }
                m.end = e;
            }
        }
        Ok((!m.is_empty()).then_some(m))
    }

    /// The subject a mention holds (`But party bosses are apparently so` worried -> `party bosses`, `He’s`
    /// said -> `He`, `There are economists who` argue -> `economists`), or `None` when it holds none (`There
    /// are grounds to` say, `By` refusing, `It should be` said). The loose subject rules take in the words
    /// from the clause start to the cue, which are often a whole clause; an analyst wants its subject.
    fn subject_words(&self, mut m: Range<usize>, cue: Option<usize>) -> Option<Range<usize>> {
        // A round may scan the mention: longer ones (a run of capitals, not a loose clause) pass as they are,
        // which bounds the work per quote.
        if m.len() > MAX_REDUCED {
            return Some(m);
        }
        // Each round shortens the mention or returns: at most its length in rounds.
        loop {
            while m.end > m.start
                && (matches!(self.t(m.end - 1), "," | ";" | ":" | "—" | "–" | "-" | "(")
                    || self.t(m.end - 1) == ")" && !(m.start..m.end).any(|i| self.t(i) == "("))
            {
                m.end -= 1;
            }
            if m.is_empty() {
                return None;
            }
            let mut buf = [0u8; 16];
            let first = crate::text::ascii_lower(self.t(m.start), &mut buf).unwrap_or("");
            // `recently the Kiev authorities` began.
            let adverb = is_ly_adverb(first) && is_lower_word(self.t(m.start));
            if is_leading_skip(first) || adverb {
                m.start += 1;
                continue;
            }
            // `the day, Trump` attacked: a phrase without a name before the comma sets the scene.
            if let Some(c) = (m.start + 1..m.end).find(|&i| self.t(i) == ",") {
                if is_lower_word(self.t(m.start))
                    && !(m.start..c).any(|i| is_cap(self.t(i)))
                    && is_cap(self.t(c + 1))
                    && c + 1 < m.end
                {
                    m.start = c + 1;
                    continue;
                }
            }
            let lone = m.end == m.start + 1;
            // A participle before a plural noun right before the cue modifies it: `shipping brokers` say,
            // `retired officers` said.
            let modifies = m.len() == 2
                && cue == Some(m.end)
                && !matches!(
                    first,
                    "including"
                        | "according"
                        | "following"
                        | "regarding"
                        | "concerning"
                        | "excluding"
                )
                && is_lower_word(self.t(m.start + 1))
                && self.t(m.start + 1).len() > 4
                && self.t(m.start + 1).ends_with('s')
                && !self.t(m.start + 1).ends_with("ss");
            let verb = !modifies
                && (first.len() > 5 && first.ends_with("ing") && !first.ends_with("thing")
                    || first.len() > 3 && first.ends_with("ed") && !first.contains('-'));
            // `By` refusing, `In` view, `Let’s` think, `whose campaign`, `not affected ...`, `tapping ...`,
            // `stopped short of` endorsing.
            if is_leading_none(first)
                || is_lower_word(self.t(m.start)) && verb
                || matches!(
                    first,
                    "asked" | "pressed" | "told" | "reached" | "contacted"
                )
            {
                return None;
            }
            if first == "at" && !matches!(self.t(m.start + 1), "least" | "most") {
                return None;
            }
            if first == "there" {
                return self.existential_subject(m);
            }
            // `Do you` remember, `how would you` describe: the subject is the pronoun after the auxiliary (not
            // `Will Doyle`).
            if !lone && QUESTION.contains(&first) {
                if let Some(p) = (m.start + 1..m.end)
                    .rev()
                    .find(|&i| is_subject_pronoun(self.t(i)))
                {
                    return Some(p..p + 1);
                }
                if !is_cap(self.t(m.start + 1)) {
                    return None;
                }
            }
            if self.passive_before(&m, cue) {
                return None;
            }
            if is_subject_pronoun(self.t(m.start)) {
                if lone {
                    return Some(m);
                }
                // `It is necessary to` say, `It’s worth` noting: an empty subject.
                if first == "it" {
                    return None;
                }
                let both = matches!(self.t(m.start + 1), "all" | "both");
                return Some(m.start..m.start + 1 + usize::from(both));
            }
            match (m.start + 1..m.end).find(|&i| self.ends_subject(&m, i)) {
                Some(i) => m.end = i,
                None => return Some(m),
            }
        }
    }

    /// Whether token `i` of mention `m` (not its first) ends the subject: an auxiliary, an adverb, a relative
    /// pronoun, an infinitive `to` (not `Ambassador to the UN`), a function word the mention ends with, or a
    /// past-tense verb after a name (`Netanyahu rallied`) or before its object (`The parties expressed`).
    fn ends_subject(&self, m: &Range<usize>, i: usize) -> bool {
        let w = self.t(i);
        let next = self.t(i + 1);
        // `Russia, as you are aware,`: a clause after the comma.
        if w == "," {
            let mut buf = [0u8; 16];
            let n = crate::text::ascii_lower(next, &mut buf).unwrap_or("");
            return is_leading_skip(n);
        }
        if !is_lower_word(w) && !w.starts_with(['\'', '’']) {
            return false;
        }
        let last = i + 1 == m.end;
        let prev = self.t(i - 1);
        if SUBJECT_ENDS.contains(&w) || CLITICS.contains(&w) {
            return true;
        }
        if w == "to" {
            return last || is_lower_word(next) && !DETERMINERS.contains(next);
        }
        if last && CLAUSE_TAIL.contains(&w) {
            return true;
        }
        let mut prev_buf = [0u8; 16];
        let after_det = DETERMINERS.contains(prev)
            || crate::text::ascii_lower(prev, &mut prev_buf)
                .is_some_and(|p| DETERMINERS.contains(p))
            || is_possessive(prev);
        if (is_ly_adverb(w) || VERBS.contains(&w)) && !after_det {
            return true;
        }
        let verb = w.len() > 3 && w.ends_with("ed") && !w.contains('-');
        let modifier = after_det
            || prev.ends_with("ly")
            || matches!(prev, "," | "and" | "or" | "of" | "most" | "more")
            || !self.is_word(i - 1);
        let object_follows = last
            || DETERMINERS.contains(next)
            || PRONOUNS.contains(next)
            || PREPOSITIONS.contains(next)
            || next == "to";
        verb && !modifier && (is_cap(prev) || object_follows)
    }

    /// The subject of an existential `there` mention: the noun a relative clause ending the mention is about
    /// (`there are some economists who` argue), or the subject of a `where`/`when` clause (`There are meetings
    /// where you` discuss); `None` otherwise (`There are grounds to` say: no one speaks).
    fn existential_subject(&self, m: Range<usize>) -> Option<Range<usize>> {
        if let Some(w) = (m.start + 1..m.end).find(|&i| matches!(self.t(i), "where" | "when")) {
            return self.subject_words(w + 1..m.end, None);
        }
        let rel = m.end - 1;
        if !matches!(self.t(rel), "who" | "that" | "which") {
            return None;
        }
        let mut k = m.start + 1;
        while k < rel && (SUBJECT_ENDS.contains(&self.t(k)) || CLITICS.contains(&self.t(k))) {
            k += 1;
        }
        (k < rel).then_some(k..rel)
    }

    /// Whether the cue at `cue` is a passive participle whose auxiliary ends the mention (`They are now seen`,
    /// `It should be stated`): the mention is what was said, not who said it. Stance adjectives (`party bosses
    /// are worried`) keep their subject.
    fn passive_before(&self, m: &Range<usize>, cue: Option<usize>) -> bool {
        let Some(c) = cue.filter(|&c| c >= m.end && c <= m.end + 2) else {
            return false;
        };
        let part = self.t(c);
        let participle = part.ends_with("ed") || PARTICIPLES.contains(&part);
        if !participle || STANCE_ADJECTIVES.contains(&part) {
            return false;
        }
        let mut k = c;
        while k > m.start + 1 {
            let w = self.t(k - 1);
            let adverb = is_ly_adverb(w)
                || matches!(
                    w,
                    "now" | "also" | "still" | "already" | "not" | "long" | "often"
                );
            if !adverb {
                break;
            }
            k -= 1;
        }
        k > m.start
            && matches!(
                self.t(k - 1),
                "am" | "is" | "are" | "was" | "were" | "be" | "been" | "being"
            )
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

    /// Mention `m` (from [`Self::mention_after`]) ending in a title, with the office that title heads (`the Head` `of the Office of the
    /// President`, `the Adviser` `to the Head`): capitalized words joined by `of the`, or `to the` after a title,
    /// up to `hi`.
    pub fn with_office(&self, m: Range<usize>, hi: usize) -> Range<usize> {
        if m.end == m.start || !is_title(self.t(m.end - 1)) {
            return m;
        }
        let mut k = m.end;
        while k + 2 < hi
            && self.t(k + 1) == "the"
            && is_cap(self.t(k + 2))
            && (self.t(k) == "of" || self.t(k) == "to" && is_title(self.t(k - 1)))
        {
            k += 3;
            while k < hi
                && is_cap(self.t(k))
                && self.tokens[k].kind != crate::text::TokenKind::Punct
                || k + 1 < hi && is_possessive(self.t(k)) && is_cap(self.t(k + 1))
            {
                k += 1;
            }
        }
        m.start..k
    }

    /// Name, title and affiliation read off a mention.
    pub fn local_name(&self, m: &Range<usize>) -> LocalName<'a> {
        let mut out = LocalName::default();
        if m.end == m.start + 1 && PRONOUNS.contains(self.t(m.start)) {
            out.pronoun = true;
            return out;
        }
        // `You said`: the one spoken to, whom the mention does not name.
        if m.end == m.start + 1 && matches!(self.t(m.start), "you" | "You") {
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
            // Organizations keep their whole capitalized run (`Russian Defense Ministry`), with an owner's name
            // (`The Prosecutor’s Office`).
            while n > start
                && (is_cap(self.t(n - 1))
                    || NAME_JOINERS.contains(self.t(n - 1))
                    || is_possessive(self.t(n - 1)) && n - 1 > start && is_cap(self.t(n - 2)))
            {
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

/// Prepositions that open a time adverbial closing a mention (`on` Tuesday, `in` recent weeks, `earlier` this
/// year): left out with the time.
const TIME_PREPOSITIONS: &[&str] = &[
    "on",
    "in",
    "at",
    "during",
    "since",
    "over",
    "by",
    "until",
    "through",
    "throughout",
    "out",
    "earlier",
    "later",
];

/// Words after which a mention opens a clause, so may be its subject (`, the court`, `and lawmakers`, `that
/// Sanders`, `When Fiorina`).
const CLAUSE_OPENERS: &[&str] = &[
    ",", ";", ":", "—", "–", "(", "and", "but", "or", "so", "yet", "that", "when", "while", "as",
    "because", "after", "before", "if", "although", "though", "whereas", "where",
];

/// Words after which a time closing a mention belongs to the noun phrase (`the class of 2016`, `the 1990s`).
const TIME_BOUND: &[&str] = &[
    "of", "the", "a", "an", "its", "their", "his", "her", "our", "my", "your", "this", "that",
    "these", "those", "from", "to", "and", "or", "for", "between",
];

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

/// An auxiliary or modal verb (`is`, `has`, `would`): after a noun phrase, the start of its predicate.
pub(crate) fn is_auxiliary(w: &str) -> bool {
    matches!(
        w,
        "is" | "was"
            | "are"
            | "were"
            | "be"
            | "been"
            | "has"
            | "have"
            | "had"
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
    )
}

/// Function words that end a description going backwards.
pub(crate) fn is_stop(w: &str) -> bool {
    is_auxiliary(w)
        || matches!(
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

    /// The speaker read off a mention that runs from the sentence start to `cue` (what the loose subject rule
    /// takes in).
    fn subject(text: &str, cue: &str) -> Option<String> {
        let ctx = Context::from_text(text, None);
        let w = Words::new(text, &ctx.tokens);
        let i = (0..ctx.tokens.len())
            .find(|&i| w.t(i) == cue)
            .expect("cue in text");
        let m = w.speaker_words(&(0..i), Some(i), &[], || 0)?;
        Some(text[ctx.tokens[m.start].start..ctx.tokens[m.end - 1].end].to_string())
    }

    #[test]
    fn the_subject_a_loose_mention_holds() {
        for (text, cue, want) in [
            // Conjunctions, subordinators and adverbs opening the clause.
            ("But nobody denied the report.", "denied", Some("nobody")),
            (
                "and recently the city authorities began to say so",
                "say",
                Some("the city authorities"),
            ),
            // Prepositions, `let`, participles: no subject.
            ("By refusing the offer, the town lost.", "refusing", None),
            ("Let's think about the ferry.", "think", None),
            (
                "stopped short of fully endorsing the plan",
                "endorsing",
                None,
            ),
            ("Asked why he would not endorse the plan", "endorse", None),
            // A participle that modifies the plural noun before the cue.
            (
                "shipping brokers say that rates rose",
                "say",
                Some("shipping brokers"),
            ),
            (
                "retired officers said the plan failed",
                "said",
                Some("retired officers"),
            ),
            ("including ones said to fail", "said", None),
            (
                "Not everyone finds the plan fair.",
                "finds",
                Some("Not everyone"),
            ),
            // Existential `there`.
            ("There are grounds to say that it failed.", "say", None),
            (
                "There are economists who argue that it failed.",
                "argue",
                Some("economists"),
            ),
            (
                "There was a period when mayors claimed the port.",
                "claimed",
                Some("mayors"),
            ),
            // Questions: the pronoun after the auxiliary; a name that looks like one stays.
            ("Do you remember the flood?", "remember", Some("you")),
            (
                "Will Doyle said the ferry runs.",
                "said",
                Some("Will Doyle"),
            ),
            // Passives: what was said, not who said it; a stance adjective keeps its subject.
            ("They are now seen as rivals.", "seen", None),
            ("It should be said that it failed.", "said", None),
            (
                "The harbor bosses are worried that it fails.",
                "worried",
                Some("The harbor bosses"),
            ),
            // Pronouns with what follows them, contractions, expletive `it`.
            (
                "I wish to start by thanking our crew.",
                "thanking",
                Some("I"),
            ),
            ("He’s said the budget is small.", "said", Some("He")),
            ("It is necessary to say that it failed.", "say", None),
            // Auxiliaries, clitics, relative pronouns, verbs and function words end the subject.
            (
                "The council members must jointly show that it works.",
                "show",
                Some("The council members"),
            ),
            ("Everyone’ll say it works.", "say", Some("Everyone")),
            (
                "The sailors who have seized the port unleashed chaos.",
                "unleashed",
                Some("The sailors"),
            ),
            (
                "Lindqvist continues to criticize the plan.",
                "criticize",
                Some("Lindqvist"),
            ),
            (
                "Berglund appeared to dismiss the plan.",
                "dismiss",
                Some("Berglund"),
            ),
            (
                "Bolton distanced himself from them by saying no.",
                "saying",
                Some("Bolton"),
            ),
            (
                "The parties expressed hope for peace.",
                "hope",
                Some("The parties"),
            ),
            // A scene-setting phrase before a name, a clause after a comma.
            (
                "the evening before, Lindqvist attacked the plan, saying it failed.",
                "saying",
                Some("Lindqvist"),
            ),
            (
                "Norway, as you are aware, announced the plan.",
                "announced",
                Some("Norway"),
            ),
            // Names and titles stay whole.
            (
                "Ambassador to the UN Nikki Haley said so.",
                "said",
                Some("Ambassador to the UN Nikki Haley"),
            ),
            (
                "Sen. Ann Berg (R-Utah) said so.",
                "said",
                Some("Sen. Ann Berg (R-Utah)"),
            ),
            (
                "Norway's recently elected premier Ola Berg said so.",
                "said",
                Some("Norway's recently elected premier Ola Berg"),
            ),
            ("Theresa May said so.", "said", Some("Theresa May")),
        ] {
            assert_eq!(subject(text, cue).as_deref(), want, "{text}");
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
