//! Quotes and reported speech, each with its cue, speaker and audience.
//!
//! Two stages, as in CoreNLP's quote attribution (Muzny et al. 2017): link each quote to a local speaker
//! mention with ordered sieves, then link the mention to an entity.
//! 1. [`marks`] pairs quotation marks into quotations; each is direct (a statement) or partial (a fragment
//!    inside the writer's sentence). Quotes that reopen in the next paragraph, and `“A,” he said, “B.”`, become
//!    one quote with several `parts`.
//! 2. Sieves for direct quotes, precise first: `“...,” MENTION CUE` / `“...,” CUE MENTION` after the quote;
//!    `MENTION CUE: “...”` before it; then the paragraph conventions (a quote in a paragraph that already has an
//!    attributed quote, or that follows one, has the same speaker).
//! 3. Reported speech: a reporting verb or `according to` with its subject mention, and the content clause
//!    after it (`X said (that) ...`) or before it (`..., X said.`); headlines (`Graham: ...`, `X Says ...`) and
//!    transcript turns (`WALLACE: ...`). A cue model ([`model`], an averaged perceptron trained on PolNeAR)
//!    judges every candidate cue in context, the rules' verdict being one of its features.
//! 4. Mentions ([`mention`]) are names with their titles, pronouns or descriptions; they link to the entities
//!    given (overlapping entity; a pronoun to the most recent compatible person) or, without entities, to a
//!    local name read off the text.

mod lexicon;
mod marks;
mod mention;
mod model;
pub mod train;

use crate::entities::{Entity, EntityCluster};
use crate::pipeline::Context;
use crate::text::Span;
use crate::time::Timex;
use serde::{Deserialize, Serialize};

/// What kind of quotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// A full quoted statement.
    Direct,
    /// A quoted fragment inside a sentence.
    Partial,
    /// Reported speech (no quotation marks).
    Indirect,
}

/// The verb or phrase that introduces a quote (`said`, `told`, `according to`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cue {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// Surface.
    pub text: String,
    /// Base form (`say`, `tell`, `according to`).
    pub lemma: String,
}

/// Who said it: the local mention and, once resolved, the named entity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Speaker {
    /// First code point of the local mention.
    pub start: usize,
    /// One past the last code point of the local mention.
    pub end: usize,
    /// Surface of the local mention (`he`, `Kremlin spokesman Dmitry Peskov`).
    pub text: String,
    /// Resolved name (`Dmitry Peskov`), if resolved.
    #[serde(default)]
    pub name: Option<String>,
    /// Entity cluster id, if resolved.
    #[serde(default)]
    pub cluster: Option<usize>,
    /// Title of the resolved speaker.
    #[serde(default)]
    pub title: Option<String>,
    /// Affiliation of the resolved speaker.
    #[serde(default)]
    pub affiliation: Option<String>,
}

/// A quote or a piece of reported speech.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The quotation including its marks; for reported speech, the content clause.
    pub text: String,
    /// Direct, partial or indirect.
    pub kind: QuoteKind,
    /// Cue verb or phrase.
    pub cue: Option<Cue>,
    /// Speaker, or null when none can be found. Boxed: most of a quote's size, and absent from many quotes
    /// (a text of thousands of bare attributions held 24 MB more without it).
    pub speaker: Option<Box<Speaker>>,
    /// Audience where stated (`reporters`, `news agencies`).
    #[serde(default)]
    pub audience: Option<Span>,
    /// The quoted pieces when the quote is split by its attribution (`“A,” he said, “B.”`) or runs over several
    /// paragraphs; empty when the quote is one piece. `start`/`end` cover all parts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<Span>,
    /// The speaker is reported as not saying it (`did not say`, `declined to comment`, `refused to confirm`):
    /// the content is what went unsaid, not a claim of the speaker's.
    #[serde(default)]
    pub negated: bool,
}

use marks::Quotation;
use mention::Words;
use std::ops::Range;

/// A found attribution before output: byte ranges and token ranges.
#[derive(Debug, Clone)]
struct Found {
    /// Byte ranges of the quoted parts (or of the content clause).
    parts: Parts,
    kind: QuoteKind,
    /// Cue token range and lemma.
    cue: Option<(Range<usize>, &'static str)>,
    /// Speaker mention token range.
    speaker: Option<Range<usize>>,
    /// Audience token range.
    audience: Option<Range<usize>>,
    /// Paragraph index.
    para: usize,
}

/// The byte ranges of a quote's parts: the first in place (most quotes have one part, and then no list is
/// allocated), the others after it.
#[derive(Debug, Clone)]
struct Parts {
    first: Range<usize>,
    rest: Vec<Range<usize>>,
}

impl Parts {
    fn one(first: Range<usize>) -> Parts {
        Parts {
            first,
            rest: Vec::new(),
        }
    }

    fn push(&mut self, part: Range<usize>) {
        self.rest.push(part);
    }

    fn len(&self) -> usize {
        1 + self.rest.len()
    }

    fn first(&self) -> &Range<usize> {
        &self.first
    }

    fn last(&self) -> &Range<usize> {
        self.rest.last().unwrap_or(&self.first)
    }

    fn iter(&self) -> impl Iterator<Item = &Range<usize>> {
        std::iter::once(&self.first).chain(&self.rest)
    }
}

/// An attribution read around a quote: cue, mention, audience (token ranges).
#[derive(Debug, Clone)]
struct Attribution {
    cue: (Range<usize>, &'static str),
    mention: Range<usize>,
    audience: Option<Range<usize>>,
    /// One past the last token of the attribution clause.
    end: usize,
}

struct Doc<'a, 'c> {
    ctx: &'c Context<'a>,
    w: Words<'a>,
    /// First token after the dateline (0 without one): the dateline's place is nobody's speech or speaker.
    opening: usize,
}

fn is_mark_token(w: &str) -> bool {
    // The first byte rules out words before any comparison: every mark starts with `"`, `'`, `` ` ``, or the
    // lead byte of `«`/`»` (0xC2) or of the curly quotes and `„` (0xE2).
    matches!(
        w.as_bytes().first(),
        Some(b'"' | b'\'' | b'`' | 0xC2 | 0xE2)
    ) && matches!(
        w,
        "\"" | "“" | "”" | "''" | "``" | "«" | "»" | "„" | "‘" | "’" | "'"
    )
}

impl<'a, 'c> Doc<'a, 'c> {
    fn t(&self, i: usize) -> &'a str {
        self.w.t(i)
    }
    /// First token that starts at or after `byte`.
    fn tok_from(&self, byte: usize) -> usize {
        self.ctx.tokens.partition_point(|t| t.start < byte)
    }
    /// Token range of sentence `s`, without the dateline that opens the first one (`ISTANBUL, May 21 (AFP) –`).
    fn sent_tokens(&self, s: usize) -> Range<usize> {
        let r = self.ctx.sentences[s].tokens.clone();
        if r.start < self.opening && self.opening < r.end {
            self.opening..r.end
        } else {
            r
        }
    }
    fn sentence_of_token(&self, i: usize) -> Option<usize> {
        let s = self.ctx.sentences.partition_point(|s| s.tokens.end <= i);
        (s < self.ctx.sentences.len() && self.ctx.sentences[s].tokens.start <= i).then_some(s)
    }
    fn bytes(&self, r: &Range<usize>) -> Range<usize> {
        let toks = &self.ctx.tokens;
        toks[r.start].start..toks[r.end - 1].end
    }

    /// A pronoun or a mention whose first word after any determiner is capitalized (`Scott Pruitt`, `the
    /// Kremlin`), not a description (`the change`), for the looser sieves.
    fn name_like(&self, m: &Range<usize>) -> bool {
        let mut i = m.start;
        if lexicon::PRONOUNS.contains(self.t(i)) {
            return true;
        }
        while i < m.end && lexicon::DETERMINERS.contains(self.t(i)) {
            i += 1;
        }
        i < m.end && mention::is_cap(self.t(i))
    }

    /// Whether a place or path preposition ends right before token `at` (`marching past`, `gathered outside`,
    /// `in front of`, `next to`): the description after it is the object of a modifier, not the subject.
    fn place_modifier_before(&self, lo: usize, at: usize) -> bool {
        if at <= lo {
            return false;
        }
        let before = |n: usize| (at >= lo + n).then(|| self.t(at - n));
        match self.t(at - 1) {
            "through" | "in" | "at" | "on" | "across" | "outside" | "inside" | "near" | "past"
            | "along" | "around" | "behind" | "beside" | "beyond" | "into" | "onto" | "toward"
            | "towards" => true,
            "of" => before(2) == Some("front"),
            "to" => matches!(before(2), Some("next" | "close")),
            _ => false,
        }
    }

    /// Audience after `tell`/`inform`: `told reporters`, `informed news agencies today`, `told CNN`.
    fn audience_after(&self, k: usize, hi: usize) -> Option<Range<usize>> {
        let w = self.t(k);
        if k >= hi {
            return None;
        }
        if matches!(w, "him" | "her" | "them" | "me" | "us" | "you") {
            return Some(k..k + 1);
        }
        if is_mark_token(w) {
            // A quoted programme or outlet: `told "Morning Joe" on Friday`.
            let close = (k + 1..hi.min(k + 7)).find(|&i| is_mark_token(self.t(i)))?;
            return (close > k + 1).then_some(k..close + 1);
        }
        let mut e = k;
        let mut verb = false;
        while e < hi && e < k + 5 {
            let w = self.t(e);
            let punct = self.ctx.tokens[e].kind == crate::text::TokenKind::Punct;
            if punct
                || w == "that"
                || lexicon::PREPOSITIONS.contains(w)
                || lexicon::CUES.contains_key(w)
            {
                break;
            }
            if mention::is_stop(w) {
                verb = mention::is_auxiliary(w);
                break;
            }
            // Without `that`, a second determiner or a subject pronoun opens the content's subject: `told
            // reporters the budget was spent`, `told the BBC he would stay`.
            if e > k && (lexicon::DETERMINERS.contains(w) || lexicon::PRONOUNS.contains(w)) {
                break;
            }
            e += 1;
        }
        // Stopped by a verb, the last word is the content's subject: `told lawmakers spending was too high`.
        let det = lexicon::DETERMINERS.contains(self.t(k));
        if verb && e >= k + 2 + usize::from(det) {
            e -= 1;
        }
        (e > k).then_some(k..e)
    }

    /// `“...,” MENTION CUE` or `“...,” CUE MENTION` right after the closing mark at byte `end`.
    fn attribution_after(&self, end: usize) -> Option<Attribution> {
        let t0 = self.tok_from(end);
        let s = self.sentence_of_token(t0.saturating_sub(1))?;
        let mut hi = self.sent_tokens(s).end;
        // The attribution may run into the next sentence when the splitter cut after `?”`.
        if hi == t0 {
            let next = self.ctx.sentences.get(s + 1)?;
            if next.paragraph != self.ctx.sentences[s].paragraph {
                return None;
            }
            hi = next.tokens.end.min(t0 + 25);
        }
        let mut k = t0;
        let mut dash = None;
        while k < hi && matches!(self.t(k), "," | "—" | "–" | "-" | "--" | "―") {
            if self.t(k) != "," {
                dash = Some(k);
            }
            k += 1;
        }
        if k >= hi {
            return None;
        }
        if let Some(d) = dash {
            // `“...” ― Pamela Padilla`: a dash and a name close the quote.
            if let Some(m) = self.w.mention_after(k, hi) {
                let ends = m.end >= hi || matches!(self.t(m.end), "." | "," | "“" | "\"" | "”");
                let line_end = self.ctx.tokens.get(m.end).map_or(true, |t| {
                    self.ctx
                        .text
                        .get(self.ctx.tokens[m.end - 1].end..t.start)
                        .is_some_and(|g| g.contains('\n'))
                });
                if (ends || line_end) && self.w.cue_at(k).is_none() {
                    return Some(Attribution {
                        cue: (d..d + 1, "—"),
                        end: m.end,
                        mention: m,
                        audience: None,
                    });
                }
            }
        }
        if let Some((cue, lemma, _)) = self.w.cue_at(k) {
            let m = self.w.mention_after(cue.end, hi)?;
            let (audience, end) = self.audience_for(lemma, m.end, hi);
            return Some(Attribution {
                cue: (cue, lemma),
                mention: m,
                audience,
                end,
            });
        }
        let lim = hi.min(k + 30);
        let mut c = k;
        while c < lim {
            if is_mark_token(self.t(c)) {
                return None;
            }
            let cue = self
                .w
                .cue_at(c)
                .or_else(|| self.any_verb_after_quote(k, c, hi));
            if let Some((cue, lemma, weak)) = cue {
                if weak && !matches!(lemma, "read" | "post") {
                    return None;
                }
                // A long appositive (`Scott Pruitt, the attorney general of Oklahoma, one of the states suing
                // the EPA, said`): the name that opens the attribution.
                let m = self.w.mention_before(k, c).or_else(|| {
                    self.w
                        .mention_after(k, c)
                        .filter(|m| m.start == k && self.name_like(m))
                })?;
                // `“...,” panel Chairman Rep. Jason Chaffetz said`: a lower-case word or two of description may
                // lead a name.
                let lead_ok = (k..m.start).all(|i| {
                    let w = self.t(i);
                    self.w.is_word(i) && !mention::is_cap(w) && !mention::is_stop(w)
                });
                let name = !lexicon::PRONOUNS.contains(self.t(m.start));
                if m.start > k + 2 || !lead_ok || (m.start > k && !name) {
                    return None;
                }
                let m = k..m.end;
                let (audience, end) = self.audience_for(lemma, cue.end, hi);
                return Some(Attribution {
                    cue: (cue, lemma),
                    mention: m,
                    audience,
                    end,
                });
            }
            c += 1;
        }
        None
    }

    /// Right after a quote, `“...?” Vitter demanded.` / `a doctor had typed`: any past-tense or present verb
    /// that ends the sentence (or a clause) after a mention is the cue; the position makes it one.
    fn any_verb_after_quote(
        &self,
        k: usize,
        c: usize,
        hi: usize,
    ) -> Option<(Range<usize>, &'static str, bool)> {
        let w = self.t(c);
        if c == k || !self.w.is_word(c) || mention::is_cap(w) || w.len() < 4 {
            return None;
        }
        if !(w.ends_with("ed") || w.ends_with('s')) || mention::is_stop(w) {
            return None;
        }
        let next = self.t(c + 1);
        let ends = c + 1 >= hi || matches!(next, "." | "," | "!" | "?" | ";");
        if !ends {
            return None;
        }
        let lemma = lexicon::STANCE.get(w).copied().unwrap_or("say");
        Some((c..c + 1, lemma, false))
    }

    fn audience_for(&self, lemma: &str, k: usize, hi: usize) -> (Option<Range<usize>>, usize) {
        if matches!(lemma, "tell" | "inform") {
            if let Some(a) = self.audience_after(k, hi) {
                let e = a.end;
                return (Some(a), e);
            }
        }
        (None, k)
    }

    /// `MENTION CUE: “...”`, `MENTION CUE, “...”`, `according to MENTION, “...”` before the opening mark at byte
    /// `start`; when the quote opens its paragraph, the previous paragraph may end with `MENTION CUE:`.
    fn attribution_before(&self, start: usize, para_start: bool) -> Option<Attribution> {
        let t_open = self.tok_from(start);
        let s = self.sentence_of_token(t_open)?;
        let sr = self.sent_tokens(s);
        let (lo, hi) = if t_open > sr.start {
            (sr.start, t_open)
        } else if para_start || s > 0 {
            // Previous sentence (maybe previous paragraph) ending with a colon.
            let ps = s.checked_sub(1)?;
            let pr = self.sent_tokens(ps);
            if pr.end == 0 || self.t(pr.end - 1) != ":" {
                return None;
            }
            (pr.start, pr.end)
        } else {
            return None;
        };
        let mut k = hi;
        while k > lo && matches!(self.t(k - 1), ":" | "," | "—" | "–" | "-") {
            k -= 1;
        }
        let floor = k.saturating_sub(8).max(lo);
        let mut c = k;
        while c > floor {
            c -= 1;
            let w = self.t(c);
            if is_mark_token(w) {
                return None;
            }
            let cue = if w == "to" && c > lo && matches!(self.t(c - 1), "according" | "According") {
                Some((c - 1..c + 1, "according to", false))
            } else {
                self.w.cue_at(c)
            };
            // `Said Ellis: “...”`, `Added Smith, “...”`: the cue opens the sentence, the speaker follows it.
            if cue.is_none() && c == lo {
                if let Some(lemma) = inverted_cue(w) {
                    let m = self
                        .w
                        .mention_after(c + 1, k)
                        .filter(|m| self.name_like(m))?;
                    return Some(Attribution {
                        cue: (c..c + 1, lemma),
                        mention: m,
                        audience: None,
                        end: hi,
                    });
                }
            }
            let Some((cue, lemma, weak)) = cue else {
                continue;
            };
            if weak && !matches!(lemma, "read" | "post") {
                return None;
            }
            if lemma == "according to" {
                let m = self.w.mention_after(cue.end, k)?;
                return Some(Attribution {
                    cue: (cue, lemma),
                    mention: m,
                    audience: None,
                    end: hi,
                });
            }
            let participle = self.t(cue.start).ends_with("ing")
                && cue.start > lo
                && self.t(cue.start - 1) == ",";
            let m = match self.w.mention_before(lo, cue.start) {
                // `Protesters marching through the streets chanted “...”`: a description after a preposition
                // is the object of a modifier; the name opening the sentence is the subject.
                Some(m)
                    if m.start > lo
                        && !self.name_like(&m)
                        && self.place_modifier_before(lo, m.start) =>
                {
                    self.w
                        .mention_after(lo, m.start)
                        .filter(|s| {
                            // `During a speech earlier in the day, Trump ...`: no name opens the sentence; `The
                            // crowd in front of the embassy chanted`: a description opening it is the subject.
                            let opens =
                                s.start == lo && lexicon::DETERMINERS.contains(self.t(s.start));
                            let name =
                                self.name_like(s) && !lexicon::CAP_STOP.contains(self.t(s.start));
                            (name || opens) && s.end < m.start
                        })
                        .unwrap_or(m)
                }
                Some(m) => m,
                // `Trump walked onto the stage, chanting “...”`: the subject opens the sentence.
                // `Trump walked onto the stage, chanting “...”`, or a long appositive (`Rucker Culpepper, who
                // runs ..., said, “...”`): the subject opens the sentence.
                None if participle
                    || cue.start > lo && matches!(self.t(cue.start - 1), "," | "--" | "—") =>
                {
                    self.w
                        .mention_after(lo, cue.start)
                        .filter(|m| self.name_like(m))?
                }
                None => return None,
            };
            let audience = if matches!(lemma, "tell" | "inform") {
                self.audience_after(cue.end, k)
            } else {
                None
            };
            return Some(Attribution {
                cue: (cue, lemma),
                mention: m,
                audience,
                end: hi,
            });
        }
        None
    }

    /// Whether the text between an attribution (ending at byte `from`) and the next quotation (at `to`) only
    /// continues that attribution (`said at the time.`, `said, referring to the excuse,`): few words, no mark,
    /// no other reporting verb (`adding later,` starts an attribution of its own).
    fn attribution_gap(&self, from: usize, to: usize) -> bool {
        if to < from {
            return false;
        }
        let (a, b) = (self.tok_from(from), self.tok_from(to));
        b <= a + 15
            && (a..b).all(|i| {
                let w = self.t(i);
                !is_mark_token(w) && self.w.cue_at(i).is_none() && !matches!(w, "?" | "!")
            })
    }

    /// A reporting participle right before the opening mark (`, adding, “`), without a subject of its own.
    fn bare_cue_before(&self, start: usize) -> Option<(Range<usize>, &'static str)> {
        let t_open = self.tok_from(start);
        let mut k = t_open;
        while k > 0 && matches!(self.t(k - 1), ":" | ",") {
            k -= 1;
        }
        for c in (k.saturating_sub(3)..k).rev() {
            if let Some((cue, lemma, false)) = self.w.cue_at(c) {
                if self.t(c).ends_with("ing") && c > 0 && self.t(c - 1) == "," {
                    return Some((cue, lemma));
                }
            }
        }
        None
    }

    /// Direct (a statement) or partial (a fragment inside the writer's sentence).
    fn classify(&self, q: &Quotation) -> QuoteKind {
        let text = self.ctx.text;
        let para = &self.ctx.paragraphs[q.para];
        if q.continues_previous {
            return QuoteKind::Direct;
        }
        if para.title || para.heading {
            // Headlines capitalize every word: only the position tells (`Putin: ‘...’` vs `Obama Sees
            // ‘Personal Insult’`).
            let before = text.get(para.range.start..q.start).unwrap_or("").trim_end();
            return match before.chars().next_back() {
                None | Some(':' | '-' | '—' | '–' | ',') => QuoteKind::Direct,
                _ => QuoteKind::Partial,
            };
        }
        let inner = text.get(q.inner_start..q.inner_end).unwrap_or("").trim();
        let first = inner.chars().find(|c| c.is_alphanumeric()).unwrap_or('a');
        // Only `at least 2` and `at least 6` are asked: counting stops there (a long quote is not walked to its end).
        let words = inner.split_whitespace().take(6).count();
        let raw = text.get(para.range.start..q.start).unwrap_or("");
        let before = raw.trim_end();
        let Some(prev) = before.chars().next_back() else {
            return QuoteKind::Direct;
        };
        // A quote opening a line of its own.
        if raw[before.len()..].contains('\n') {
            return QuoteKind::Direct;
        }
        if ".?!:;”\"".contains(prev) {
            return QuoteKind::Direct;
        }
        let upper = first.is_uppercase() || first.is_ascii_digit();
        if ",—–-(".contains(prev) {
            return if upper || words >= 6 {
                QuoteKind::Direct
            } else {
                QuoteKind::Partial
            };
        }
        let prev_word = before
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        if lexicon::CUES.contains_key(prev_word) && upper && words >= 2 {
            return QuoteKind::Direct;
        }
        QuoteKind::Partial
    }
}

/// Finds the quotes and reported speech of an article and their speakers. `timexes` (the article's time
/// expressions, from [`crate::time::extract`]) keep a time that opens or closes a speaker mention out of the
/// speaker (`Trump on Tuesday` said: `Trump`).
pub fn extract(
    ctx: &Context,
    entities: &[Entity],
    clusters: &[EntityCluster],
    timexes: &[Timex],
) -> Vec<Quote> {
    run(ctx, entities, clusters, timexes, None)
}

/// [`extract`], also handing every reported-speech candidate the cue model judged to `collect` (training).
fn run(
    ctx: &Context,
    entities: &[Entity],
    clusters: &[EntityCluster],
    timexes: &[Timex],
    collect: Option<&mut Vec<reported::Collected>>,
) -> Vec<Quote> {
    if ctx.tokens.is_empty() {
        return Vec::new();
    }
    let doc = Doc {
        ctx,
        w: Words::new(ctx.text, &ctx.tokens),
        // Training reads sentences whole, datelines included, as the shipped cue model was trained (left out, they
        // change a few dozen training articles and, through the perceptron's path, about 1,600 of 46,000 corpus
        // quotes for no measured gain).
        opening: match (&ctx.dateline, &collect) {
            (Some(d), None) => ctx.tokens.partition_point(|t| t.start < d.end),
            _ => 0,
        },
    };
    let quotations = marks::find(ctx);
    let mut found: Vec<Found> = Vec::new();
    // Index in `found` of the group the previous direct quotation went to, and whether its attribution came
    // right after it (so a following quotation is the second half of a split quote).
    let mut last_direct: Option<usize> = None;
    let mut split_open_until: Option<usize> = None;
    let mut partials: Vec<(Range<usize>, usize)> = Vec::new();
    for q in &quotations {
        let mut kind = doc.classify(q);
        // `“A,” he said, “and B.”`: a lower-case second half right after the attribution is still the quote.
        let after_attribution = last_direct.is_some_and(|g| found[g].para == q.para)
            && split_open_until.is_some_and(|e| doc.attribution_gap(e, q.start));
        if kind == QuoteKind::Partial && after_attribution {
            kind = QuoteKind::Direct;
        }
        if kind == QuoteKind::Partial {
            partials.push((q.start..q.end, q.para));
            continue;
        }
        let para = &ctx.paragraphs[q.para];
        // The quote opens its paragraph (compared by tokens: no scan of the text before it).
        let para_start = para.sentences.start < ctx.sentences.len()
            && doc.tok_from(q.start) == doc.sent_tokens(para.sentences.start).start;
        // A continuation of the previous paragraph's quote.
        if q.continues_previous {
            if let Some(g) = last_direct {
                found[g].parts.push(q.start..q.end);
                found[g].para = q.para;
                split_open_until = None;
                if found[g].speaker.is_none() {
                    if let Some(a) = doc.attribution_after(q.end) {
                        set_attr(&mut found[g], a);
                        split_open_until = Some(found[g].parts.len());
                    }
                }
                continue;
            }
        }
        let after = doc.attribution_after(q.end);
        // Second half of `“A,” he said, “B.”`, or a further quote of the same attributed paragraph.
        if let Some(g) = last_direct {
            let same_para = found[g].para == q.para;
            let gap_ok = split_open_until.is_some_and(|e| doc.attribution_gap(e, q.start));
            if same_para && (gap_ok || after.is_none() && found[g].speaker.is_some()) {
                let own_before = doc.attribution_before(q.start, false);
                if own_before.is_none() || gap_ok {
                    found[g].parts.push(q.start..q.end);
                    split_open_until = None;
                    if let Some(a) = after {
                        if found[g].speaker.is_none() {
                            let e = doc.ctx.tokens[a.end - 1].end;
                            set_attr(&mut found[g], a);
                            split_open_until = Some(e);
                        }
                    }
                    continue;
                }
            }
        }
        let mut f = Found {
            parts: Parts::one(q.start..q.end),
            kind,
            cue: None,
            speaker: None,
            audience: None,
            para: q.para,
        };
        split_open_until = None;
        if let Some(a) = after {
            let e = doc.ctx.tokens[a.end - 1].end;
            // A dash and a name close the quote; no second half follows.
            let closes = a.cue.1 == "—";
            set_attr(&mut f, a);
            split_open_until = (!closes).then_some(e);
        } else if let Some(a) = doc.attribution_before(q.start, para_start) {
            set_attr(&mut f, a);
        } else if let Some(cue) = doc.bare_cue_before(q.start) {
            // `..., adding later, “...”`: the participle shares the subject of the quote before.
            if let Some(g) = last_direct.filter(|&g| found[g].para == q.para) {
                f.speaker = found[g].speaker.clone();
                f.cue = Some(cue);
            }
        }
        found.push(f);
        last_direct = Some(found.len() - 1);
    }
    // Paragraph conventions: an unattributed quote opening a paragraph right after an attributed one.
    for i in 1..found.len() {
        let p = &ctx.paragraphs[found[i].para];
        if p.title || p.heading {
            continue;
        }
        if found[i].speaker.is_none() && found[i].kind == QuoteKind::Direct {
            let prev = &found[i - 1];
            if prev.speaker.is_some() && found[i].para <= prev.para + 1 {
                found[i].speaker = prev.speaker.clone();
            }
        }
    }
    // Headlines: `Warren Hammers Wells Fargo CEO: ‘You Should Be Investigated’` — the speaker opens the title.
    for f in found.iter_mut() {
        let p = &ctx.paragraphs[f.para];
        if !p.title || f.speaker.is_some() {
            continue;
        }
        let Some(s) = ctx.sentences.get(p.sentences.start) else {
            continue;
        };
        let start = s.tokens.start;
        let quote_tok = doc.tok_from(f.parts.first().start);
        let mut j = start;
        let mut cue = None;
        while j < quote_tok && j < start + 3 && doc.w.is_word(j) && mention::is_cap(doc.t(j)) {
            let lower = doc.t(j).to_lowercase();
            if let Some((l, _)) = lexicon::CUES.get(lower.as_str()) {
                cue = Some((j..j + 1, *l));
                break;
            }
            j += 1;
        }
        if j > start && !lexicon::CAP_STOP.contains(doc.t(start)) {
            f.speaker = Some(start..j);
            f.cue = cue;
        }
    }
    let quoted: Vec<Range<usize>> = quotations.iter().map(|q| q.start..q.end).collect();
    reported::find(&doc, &quoted, &mut found, collect);
    // `I want to stress that ...`: the content of `want` is `to stress that ...`, itself reported by `stress`;
    // one attribution, by the inner cue. Only for verbs that add nothing to the saying (`continued to insist`,
    // `was quick to stress`): `refused to confirm` keeps its refusal, `vowed to prove` its vow.
    let mut cues: Vec<usize> = found
        .iter()
        .filter(|f| f.kind == QuoteKind::Indirect)
        .filter_map(|f| f.cue.as_ref().map(|c| c.0.start))
        .collect();
    cues.sort_unstable();
    found.retain(|f| {
        if f.kind != QuoteKind::Indirect {
            return true;
        }
        let wanting = f.cue.as_ref().is_some_and(|c| {
            matches!(
                c.1,
                "want"
                    | "wish"
                    | "like"
                    | "hope"
                    | "intend"
                    | "need"
                    | "continue"
                    | "quick"
                    | "eager"
                    | "seem"
                    | "try"
            )
        });
        let k = doc.tok_from(f.parts.first().start);
        !(wanting && doc.t(k) == "to" && cues.binary_search(&(k + 1)).is_ok())
    });
    drop_nested_learned(&doc, &mut found);
    // Partial quotes take the speaker of the reported speech around them (the closest content that starts
    // before and contains them; contents are sorted, so a few steps back suffice).
    let mut hosts: Vec<(Range<usize>, usize)> = found
        .iter()
        .enumerate()
        .filter(|(_, f)| f.kind == QuoteKind::Indirect)
        .map(|(i, f)| (f.parts.first().clone(), i))
        .collect();
    hosts.sort_by_key(|h| h.0.start);
    for (r, para) in partials {
        let k = hosts.partition_point(|h| h.0.start <= r.start);
        let host = hosts[..k]
            .iter()
            .rev()
            .take(8)
            .find(|h| r.end <= h.0.end)
            .map(|h| &found[h.1]);
        let mut f = Found {
            parts: Parts::one(r),
            kind: QuoteKind::Partial,
            cue: None,
            speaker: None,
            audience: None,
            para,
        };
        if let Some(h) = host {
            f.cue = h.cue.clone();
            f.speaker = h.speaker.clone();
        }
        found.push(f);
    }
    found.sort_by_key(|f| f.parts.first().start);
    // The time expressions as token ranges, in text order.
    let mut times: Vec<Range<usize>> = timexes
        .iter()
        .map(|t| doc.tok_from(ctx.byte_of(t.start))..doc.tok_from(ctx.byte_of(t.end)))
        .filter(|r| !r.is_empty())
        .collect();
    times.sort_by_key(|r| r.start);
    resolve::output(&doc, &found, entities, clusters, &times)
}

/// Whether a quote's cue is a reporting verb of the hand lexicon (not a verb only the learned cues know).
fn is_reporting_cue(doc: &Doc, f: &Found) -> bool {
    f.cue
        .as_ref()
        .is_some_and(|c| reported::is_reporting(doc, &c.0, c.1))
}

/// Reported speech on a verb that is no reporting verb, found inside what someone else is reported to have said
/// (`premiums have doubled since January, brokers say`), is part of that content, not a second attribution.
/// (Contents after their cue were already cleared of these before their ends were set:
/// `reported::drop_inner_learned`.)
fn drop_nested_learned(doc: &Doc, found: &mut Vec<Found>) {
    // Per quote: `Some(reporting)` for reported speech, `None` for the rest (never dropped, never a host).
    let reporting: Vec<Option<bool>> = found
        .iter()
        .map(|f| (f.kind == QuoteKind::Indirect).then(|| is_reporting_cue(doc, f)))
        .collect();
    let mut hosts: Vec<Range<usize>> = found
        .iter()
        .zip(&reporting)
        .filter(|(_, r)| **r == Some(true))
        .map(|(f, _)| f.parts.first().clone())
        .collect();
    if hosts.is_empty() {
        return;
    }
    hosts.sort_by_key(|h| h.start);
    // Prefix maximum of the ends: a cue is inside some host when the hosts starting before it reach past it.
    let mut reach = Vec::with_capacity(hosts.len());
    let mut m = 0;
    for h in &hosts {
        m = m.max(h.end);
        reach.push(m);
    }
    let mut k = 0;
    found.retain(|f| {
        k += 1;
        if reporting[k - 1] != Some(false) {
            return true;
        }
        let Some(c) = &f.cue else { return true };
        let at = doc.ctx.tokens[c.0.start].start;
        // Its subject inside the host too: `He stressed A and praised B` shares the subject, it is no content.
        let from = f
            .speaker
            .as_ref()
            .map_or(at, |s| doc.ctx.tokens[s.start].start.min(at));
        let before = hosts.partition_point(|h| h.start <= from);
        !(before > 0 && reach[before - 1] > at)
    });
}

/// A reporting verb capitalized at the start of an inverted attribution (`Said Ellis: “...”`).
fn inverted_cue(w: &str) -> Option<&'static str> {
    Some(match w {
        "Said" | "Says" => "say",
        "Added" | "Adds" => "add",
        "Wrote" | "Writes" => "write",
        "Asked" | "Asks" => "ask",
        "Explained" | "Explains" => "explain",
        "Noted" | "Notes" => "note",
        "Tweeted" | "Tweets" => "tweet",
        _ => return None,
    })
}

fn set_attr(f: &mut Found, a: Attribution) {
    f.cue = Some(a.cue);
    f.speaker = Some(a.mention);
    f.audience = a.audience;
}

mod reported;
mod resolve;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::EntityLabel;

    fn quotes(text: &str) -> Vec<Quote> {
        let ctx = Context::from_text(text, None);
        extract(&ctx, &[], &[], &[])
    }

    fn speaker_of(q: &Quote) -> Option<&str> {
        q.speaker.as_ref().map(|s| s.text.as_str())
    }

    fn name_of(q: &Quote) -> Option<&str> {
        q.speaker.as_ref().and_then(|s| s.name.as_deref())
    }

    /// Every span is the exact surface of its code-point range.
    fn check_spans(text: &str, qs: &[Quote]) {
        let chars: Vec<char> = text.chars().collect();
        let at = |a: usize, b: usize| chars[a..b].iter().collect::<String>();
        for q in qs {
            assert_eq!(at(q.start, q.end), q.text);
            for p in &q.parts {
                assert_eq!(at(p.start, p.end), p.text);
            }
            if let Some(c) = &q.cue {
                assert_eq!(at(c.start, c.end), c.text);
            }
            if let Some(s) = &q.speaker {
                assert_eq!(at(s.start, s.end), s.text);
            }
        }
    }

    #[test]
    fn direct_quotes_with_speaker_and_cue() {
        // (text, quote starts with, speaker mention, cue lemma, name)
        let cases = [
            (
                "“The Defense Minister has announced that some phases of the exercises are coming to an end,” \
                 Kremlin spokesman Dmitry Peskov told reporters.",
                "“The Defense Minister",
                "Kremlin spokesman Dmitry Peskov",
                "tell",
                "Dmitry Peskov",
            ),
            (
                "\"We welcome the tribunal's careful and fair ruling,\" Trump lawyer Marc Kasowitz said.",
                "\"We welcome",
                "Trump lawyer Marc Kasowitz",
                "say",
                "Marc Kasowitz",
            ),
            (
                "“Hillary Clinton’s campaign is in panic mode. Full panic mode,” said Leslie Wimes, a South \
                 Florida-based Democrat.",
                "“Hillary Clinton’s campaign",
                "Leslie Wimes",
                "say",
                "Leslie Wimes",
            ),
            (
                "Limbaugh continued: “They are demanding this, and they’re putting all kinds of pressure on Lester.”",
                "“They are demanding",
                "Limbaugh",
                "continue",
                "Limbaugh",
            ),
            (
                "''You'd like to pay cash for your house, too, but it's just not realistic,'' Mr. Clarke said.",
                "''You'd like",
                "Mr. Clarke",
                "say",
                "Clarke",
            ),
        ];
        for (text, starts, speaker, lemma, name) in cases {
            let qs = quotes(text);
            check_spans(text, &qs);
            let q = qs
                .iter()
                .find(|q| q.kind == QuoteKind::Direct)
                .unwrap_or_else(|| panic!("no direct quote in {text}"));
            assert!(q.text.starts_with(starts), "{text}: {}", q.text);
            assert_eq!(speaker_of(q), Some(speaker), "{text}");
            assert_eq!(
                q.cue.as_ref().map(|c| c.lemma.as_str()),
                Some(lemma),
                "{text}"
            );
            assert_eq!(name_of(q), Some(name), "{text}");
        }
    }

    #[test]
    fn attributions_of_what_was_not_said_are_negated() {
        // (text, cue of the attribution, negated)
        let cases = [
            (
                "Putin did not explain why the troops stayed near the border.",
                "explain",
                true,
            ),
            (
                "Peskov declined to say whether the talks would resume.",
                "declined",
                true,
            ),
            (
                "The ministry refused to confirm that the convoy had left.",
                "refused",
                true,
            ),
            (
                "Lavrov didn't say when the talks would resume.",
                "say",
                true,
            ),
            (
                "The company has never disclosed how much it paid.",
                "disclosed",
                true,
            ),
            (
                "Peskov said the talks would not resume before March.",
                "said",
                false,
            ),
            (
                "The minister denied that Russia planned an attack.",
                "denied",
                false,
            ),
            (
                "“We will not attack anyone,” Peskov told reporters.",
                "told",
                false,
            ),
            (
                "The harbour master refused to say whether the ferry would sail.",
                "say",
                true,
            ),
        ];
        for (text, cue, negated) in cases {
            let qs = quotes(text);
            check_spans(text, &qs);
            let q = qs
                .iter()
                .find(|q| q.cue.as_ref().is_some_and(|c| c.text == cue))
                .unwrap_or_else(|| panic!("no attribution with cue {cue} in {text}: {qs:?}"));
            assert_eq!(q.negated, negated, "{text}");
        }
    }

    #[test]
    fn audience_is_read_after_tell() {
        let qs = quotes("“It is over,” Kremlin spokesman Dmitry Peskov told reporters.");
        assert_eq!(
            qs[0].audience.as_ref().map(|a| a.text.as_str()),
            Some("reporters")
        );
        // Without `that`, the audience ends where the content's subject begins.
        for (text, audience, content) in [
            (
                "The harbour master told reporters the ferry budget was spent.",
                "reporters",
                "the ferry budget was spent",
            ),
            (
                "The harbour master told the BBC he would not resign.",
                "the BBC",
                "he would not resign",
            ),
            (
                "The harbour master told councillors spending was too high.",
                "councillors",
                "spending was too high",
            ),
            (
                "The harbour master told union members wages would rise.",
                "union members",
                "wages would rise",
            ),
        ] {
            let qs = quotes(text);
            check_spans(text, &qs);
            assert_eq!(qs.len(), 1, "{text}: {qs:?}");
            assert_eq!(
                qs[0].audience.as_ref().map(|a| a.text.as_str()),
                Some(audience),
                "{text}"
            );
            assert_eq!(qs[0].text, content, "{text}");
        }
    }

    #[test]
    fn split_quote_is_one_quote_with_two_parts() {
        let text = "“Every time you say that,” Tester said, “you give ammunition to the people who want to break up the big banks.”";
        let qs = quotes(text);
        check_spans(text, &qs);
        assert_eq!(qs.len(), 1);
        assert_eq!(qs[0].parts.len(), 2);
        assert_eq!(
            qs[0].parts[1].text,
            "“you give ammunition to the people who want to break up the big banks.”"
        );
        assert_eq!(speaker_of(&qs[0]), Some("Tester"));
        // A second sentence after the attribution is the same statement too.
        let qs = quotes(
            "\"No, this is not a campaign stunt,\" Cruz said at the time. \"I will answer every question.\"",
        );
        assert_eq!(qs.len(), 1);
        assert_eq!(qs[0].parts.len(), 2);
    }

    #[test]
    fn multi_paragraph_quote_and_paragraph_attribution() {
        let text = "“We will not accept this. It is a provocation.\n\n“We will answer it in due time,” Lavrov said.\n\n“Our patience has limits.”";
        let qs = quotes(text);
        check_spans(text, &qs);
        assert_eq!(qs[0].parts.len(), 2, "{qs:?}");
        assert_eq!(speaker_of(&qs[0]), Some("Lavrov"));
        // The next paragraph, a bare quote, is attributed to the same speaker.
        assert_eq!(qs.len(), 2);
        assert_eq!(speaker_of(&qs[1]), Some("Lavrov"));
    }

    #[test]
    fn nested_single_quotes_and_headlines() {
        let text = "“You say you ‘accept responsibility,’ and that is not enough,” Merkley said.";
        let qs = quotes(text);
        assert_eq!(qs.len(), 1);
        assert!(qs[0].text.ends_with("not enough,”"));
        assert_eq!(speaker_of(&qs[0]), Some("Merkley"));
        let article =
            "Putin: ‘We have no plans to invade’\n\nMOSCOW, Feb 17 (AFP) - The Kremlin spoke.";
        let ctx = Context::new(
            article,
            None,
            &[(0..article.find('\n').unwrap_or(0), false, true)],
        );
        let qs = extract(&ctx, &[], &[], &[]);
        assert_eq!(qs.len(), 1);
        assert_eq!(qs[0].text, "‘We have no plans to invade’");
        assert_eq!(qs[0].kind, QuoteKind::Direct);
    }

    #[test]
    fn unbalanced_marks_stop_at_the_paragraph_end() {
        let text = "“This is a stray mark, Peskov said.\n\nThe second paragraph is plain prose and stays out.";
        let qs = quotes(text);
        check_spans(text, &qs);
        assert!(
            qs.iter().all(|q| !q.text.contains("second paragraph")),
            "{qs:?}"
        );
    }

    #[test]
    fn partial_quotes_take_the_speaker_of_their_sentence() {
        let text = "The Kremlin confirmed the beginning of the withdrawal, stressing that it is something “normal” \
                    and denouncing, once again, the Western “hysteria” in the face of an alleged invasion.";
        let qs = quotes(text);
        check_spans(text, &qs);
        let partial: Vec<&Quote> = qs.iter().filter(|q| q.kind == QuoteKind::Partial).collect();
        assert_eq!(partial.len(), 2);
        assert_eq!(partial[1].text, "“hysteria”");
        assert_eq!(name_of(partial[1]), Some("Kremlin"));
        let qs = quotes("Ukrainian President Volodymyr Zelensky said he saw no signs of troop reductions at the border and that only “small rotations” were observed.");
        let p = qs.iter().find(|q| q.kind == QuoteKind::Partial).unwrap();
        assert_eq!(p.text, "“small rotations”");
        assert_eq!(name_of(p), Some("Volodymyr Zelensky"));
    }

    #[test]
    fn reported_speech() {
        // (text, content, speaker, cue lemma)
        let cases = [
            (
                "Russia announced on Thursday that it has begun withdrawing more troops from the border.",
                "that it has begun withdrawing more troops from the border",
                "Russia",
                "announce",
            ),
            (
                "The US government insists that Moscow continues to increase its contingent.",
                "that Moscow continues to increase its contingent",
                "The US government",
                "insist",
            ),
            (
                "Zelensky told reporters he saw no signs of troop reductions.",
                "he saw no signs of troop reductions",
                "Zelensky",
                "tell",
            ),
            (
                "According to the Pentagon, the troops are still at the border.",
                "the troops are still at the border",
                "the Pentagon",
                "according to",
            ),
            (
                "The troops are still at the border, according to Western officials.",
                "The troops are still at the border",
                "Western officials",
                "according to",
            ),
            (
                "The Kremlin has repeatedly denied any plans to invade Ukraine.",
                "any plans to invade Ukraine",
                "The Kremlin",
                "deny",
            ),
            (
                "Secret Service protocol called for a trauma center, sources said.",
                "Secret Service protocol called for a trauma center",
                "sources",
                "say",
            ),
            (
                "The plan will fail, said Sen. Claire McCaskill.",
                "The plan will fail",
                "Sen. Claire McCaskill",
                "say",
            ),
            (
                "Moscow’s chancellor said the crisis exists only in the head of Western rulers.",
                "the crisis exists only in the head of Western rulers",
                "Moscow’s chancellor",
                "say",
            ),
        ];
        for (text, content, speaker, lemma) in cases {
            let qs = quotes(text);
            check_spans(text, &qs);
            let q = qs
                .iter()
                .find(|q| q.kind == QuoteKind::Indirect && q.text == content)
                .unwrap_or_else(|| panic!("{text}: {qs:#?}"));
            assert_eq!(speaker_of(q), Some(speaker), "{text}");
            assert_eq!(
                q.cue.as_ref().map(|c| c.lemma.as_str()),
                Some(lemma),
                "{text}"
            );
        }
        let qs = quotes("Zelensky told reporters he saw no signs of troop reductions.");
        assert_eq!(
            qs[0].audience.as_ref().map(|a| a.text.as_str()),
            Some("reporters")
        );
        // A verb taking the speech verb after `to` stands between the speaker and the cue, and reports
        // nothing of its own.
        for (text, subject, lemma) in [
            (
                "We would like to note that the harvest was good.",
                "We",
                "note",
            ),
            (
                "I want to stress that the prices are stable.",
                "I",
                "stress",
            ),
        ] {
            let qs = quotes(text);
            let reported: Vec<&Quote> = qs
                .iter()
                .filter(|q| q.kind == QuoteKind::Indirect)
                .collect();
            assert_eq!(reported.len(), 1, "{text}: {qs:#?}");
            assert_eq!(speaker_of(reported[0]), Some(subject), "{text}");
            assert_eq!(
                reported[0].cue.as_ref().map(|c| c.lemma.as_str()),
                Some(lemma),
                "{text}"
            );
            assert!(reported[0].text.starts_with("that "), "{text}: {qs:#?}");
        }
    }

    #[test]
    fn pronouns_and_descriptions_resolve_locally() {
        let text = "“Units are returning,” Kremlin spokesman Dmitry Peskov told reporters.\n\n\
                    “It’s a process that will take some time,” he explained.\n\n\
                    The Russian Defense Ministry said more units were leaving Crimea.\n\n\
                    The ministry also reported the withdrawal of armored vehicles.";
        let qs = quotes(text);
        let he = qs.iter().find(|q| speaker_of(q) == Some("he")).unwrap();
        assert_eq!(name_of(he), Some("Dmitry Peskov"));
        assert_eq!(
            he.speaker.as_ref().and_then(|s| s.title.as_deref()),
            Some("Kremlin spokesman")
        );
        let ministry = qs
            .iter()
            .find(|q| speaker_of(q) == Some("The ministry"))
            .unwrap();
        assert_eq!(name_of(ministry), Some("Russian Defense Ministry"));
    }

    #[test]
    fn speakers_link_to_given_entities() {
        let text = "“Units are returning,” Kremlin spokesman Dmitry Peskov told reporters.\n\n\
                    “It will take some time,” he explained.";
        let ctx = Context::from_text(text, None);
        let start = text.chars().position(|c| c == 'D').unwrap_or(0);
        let peskov = Entity {
            start,
            end: start + "Dmitry Peskov".len(),
            text: "Dmitry Peskov".into(),
            label: EntityLabel::Person,
            canonical: "Dmitry Peskov".into(),
            cluster: 0,
            title: Some("spokesman".into()),
            affiliation: Some("Kremlin".into()),
            country: Some("RU".into()),
        };
        let kremlin = Entity {
            start: start - "Kremlin spokesman ".len(),
            end: start - " spokesman ".len(),
            text: "Kremlin".into(),
            label: EntityLabel::Org,
            canonical: "Kremlin".into(),
            cluster: 1,
            title: None,
            affiliation: None,
            country: Some("RU".into()),
        };
        let clusters = vec![
            EntityCluster {
                id: 0,
                canonical: "Dmitry Peskov".into(),
                label: EntityLabel::Person,
                title: Some("Kremlin spokesman".into()),
                affiliation: Some("Kremlin".into()),
                country: Some("RU".into()),
                mentions: 1,
            },
            EntityCluster {
                id: 1,
                canonical: "Kremlin".into(),
                label: EntityLabel::Org,
                title: None,
                affiliation: None,
                country: Some("RU".into()),
                mentions: 1,
            },
        ];
        let qs = extract(&ctx, &[kremlin, peskov], &clusters, &[]);
        assert_eq!(qs.len(), 2);
        for q in &qs {
            let s = q.speaker.as_ref().unwrap();
            assert_eq!(s.name.as_deref(), Some("Dmitry Peskov"), "{q:?}");
            assert_eq!(s.cluster, Some(0));
            assert_eq!(s.title.as_deref(), Some("Kremlin spokesman"));
            assert_eq!(s.affiliation.as_deref(), Some("Kremlin"));
        }
        assert_eq!(qs[1].speaker.as_ref().unwrap().text, "he");
    }

    /// What the full pipeline (entities included) extracts from `text`.
    fn full_pipeline(text: &str) -> crate::Document {
        crate::Pipeline::builder()
            .build()
            .extract(&crate::Article::parse("test", text.to_string()))
            .expect("extracts")
    }

    /// The first quote of `doc` that `pick` picks (the test fails without one).
    fn quote_where(doc: &crate::Document, pick: impl Fn(&Quote) -> bool) -> &Quote {
        doc.quotes
            .iter()
            .find(|q| pick(q))
            .unwrap_or_else(|| panic!("no such quote in {:?}", doc.quotes))
    }

    /// What `field` reads off the speaker of each quote of `text`, through the whole pipeline.
    fn each_speaker(text: &str, field: fn(&Quote) -> Option<&str>) -> Vec<Option<String>> {
        full_pipeline(text)
            .quotes
            .iter()
            .map(|q| field(q).map(str::to_string))
            .collect()
    }

    #[test]
    fn the_dateline_is_neither_speech_nor_speaker() {
        // The participle's subject is the clause's, after the dateline.
        let doc = full_pipeline(
            "FRANKFURT, Sept 14 – The central bank left its rate unchanged on Thursday, saying prices were \
             rising more slowly than it had hoped.\n\nThe decision was expected.",
        );
        let q = quote_where(&doc, |q| q.text.starts_with("prices"));
        assert_eq!(speaker_of(q), Some("The central bank"), "{q:?}");
        // Reported speech before its cue starts after the dateline.
        let doc = full_pipeline(
            "LISBON (AFP) – Portugal will host the fisheries talks next month, the agriculture minister \
             announced on Monday.\n\nDelegations from six countries are due.",
        );
        let q = quote_where(&doc, |q| q.text.contains("fisheries"));
        assert!(q.text.starts_with("Portugal will host"), "{q:?}");
        assert_eq!(speaker_of(q), Some("the agriculture minister"), "{q:?}");
        // A place and a colon open a dateline, not a transcript turn.
        let doc = full_pipeline(
            "LISBON: Portugal will host the fisheries talks next month.\n\nDelegations from six countries \
             are due.",
        );
        assert!(
            doc.quotes.iter().all(|q| speaker_of(q) != Some("LISBON")),
            "{:?}",
            doc.quotes
        );
    }

    #[test]
    fn a_time_opening_or_closing_the_speaker_mention_is_left_out() {
        let speakers = |text: &str| each_speaker(text, speaker_of);
        let one = |s: &str| vec![Some(s.to_string())];
        // A time closing the mention, with its preposition.
        assert_eq!(
            speakers(
                "The harbour authority on Tuesday said the cranes would be replaced by spring."
            ),
            one("The harbour authority")
        );
        assert_eq!(
            speakers("A new survey last week found that ferry fares rose by a third."),
            one("A new survey")
        );
        // A time opening it.
        assert_eq!(
            speakers("Today we announced that the ferry line to Tromso will reopen."),
            one("we")
        );
        // A mention that is only a time: the subject is before it, when it opens the clause.
        assert_eq!(
            speakers("The ferry union this week announced that its crews would strike in March."),
            one("The ferry union")
        );
        assert_eq!(
            speakers("Dock workers sent a letter this week urging the council to delay the vote."),
            vec![None]
        );
        // A time inside the noun phrase stays.
        assert_eq!(
            speakers("Tuesday's audit showed that the terminal had lost money for years."),
            one("Tuesday's audit")
        );
    }

    #[test]
    fn a_name_in_a_descriptive_appositive_is_not_the_speaker() {
        let names = |text: &str| each_speaker(text, name_of);
        // The appositive describes the head: its names are not the speaker.
        assert_eq!(
            names(
                "Mayor Tomas Berg will present the budget on Friday. Lena Ostrova, a senior adviser to Mayor \
                 Tomas Berg, said the budget would pass."
            ),
            [Some("Lena Ostrova".to_string())]
        );
        // An appositive that is a name names the speaker.
        assert_eq!(
            names("The port's new director, Pieter Haalstra, said the cranes would be replaced."),
            [Some("Pieter Haalstra".to_string())]
        );
    }

    #[test]
    fn a_description_by_title_is_the_person_with_that_title() {
        let doc = full_pipeline(
            "Head of the Bureau of the Chancellor Oleh Marchenko met the envoys in Kyiv on Tuesday. Adviser to \
             the Head of the Bureau of the Chancellor Oksana Hrytsenko also took part. The Head of the Chancellor's \
             Bureau noted that the talks had been difficult. The Adviser to the Head of the Chancellor's Bureau \
             stressed that the guarantees must be binding. According to the Head of the Bureau of the Chancellor, \
             the work will go on.",
        );
        for (content, mention, name) in [
            (
                "difficult",
                "The Head of the Chancellor's Bureau",
                "Oleh Marchenko",
            ),
            (
                "binding",
                "The Adviser to the Head of the Chancellor's Bureau",
                "Oksana Hrytsenko",
            ),
            (
                "go on",
                "the Head of the Bureau of the Chancellor",
                "Oleh Marchenko",
            ),
        ] {
            let q = quote_where(&doc, |q| q.text.contains(content));
            assert_eq!(speaker_of(q), Some(mention), "{q:?}");
            assert_eq!(name_of(q), Some(name), "{q:?}");
        }
        // With no one holding the title, the description names no one (not the office it belongs to); a Prime
        // Minister is not `the Minister`.
        let names = |text: &str| each_speaker(text, name_of);
        assert_eq!(
            names("The Head of the Chancellor's Bureau noted that the talks had been difficult."),
            [None]
        );
        assert_eq!(
            names("Prime Minister Anna Koval opened the session. The Minister said the budget was ready."),
            [None]
        );
        // An office owned by a title is an organization's name; `You` names no one.
        assert_eq!(
            names("The Prosecutor's Office said the case had been opened."),
            [Some("Prosecutor's Office".to_string())]
        );
        assert_eq!(names("You said that the plan works."), [None]);
        // The office's name read as the holder's affiliation (`Minister` of `Transport`) still describes him.
        assert_eq!(
            names(
                "Minister of Transport Vitaly Savelyev opened the bridge. The Minister of Transport noted that \
                 traffic would double."
            ),
            [Some("Vitaly Savelyev".to_string())]
        );
    }

    #[test]
    fn a_capitalized_common_noun_opening_the_sentence_is_no_name() {
        let doc = full_pipeline(
            "The ferry company raised its fares on Monday.\n\nAnalysts said the rise would hurt tourism. \
             Maria Lindqvist said it was overdue.",
        );
        let q = quote_where(&doc, |q| q.text.contains("tourism"));
        assert_eq!(speaker_of(q), Some("Analysts"), "{q:?}");
        assert_eq!(name_of(q), None, "{q:?}");
        let q = quote_where(&doc, |q| q.text.contains("overdue"));
        assert_eq!(name_of(q), Some("Maria Lindqvist"), "{q:?}");
    }

    /// The name a quote whose speaker mention reads `mention` resolved to.
    fn resolved<'d>(doc: &'d crate::Document, mention: &str) -> Option<&'d str> {
        doc.quotes
            .iter()
            .find(|q| speaker_of(q) == Some(mention))
            .and_then(|q| name_of(q))
    }

    #[test]
    fn first_person_in_a_transcript_is_the_turn_speaker() {
        // `I` is not the last person named but the speaker of the turn; `we` is what that speaker heads, not
        // the country named last.
        let text = "Meeting on fisheries\n\nPresident of France John Smithson: Good afternoon. We met Maria \
                    Lopez in Vienna yesterday. I think that the plan works well. Head of the Federal \
                    Fisheries Service Ivan Petrovsky: Thank you. Norway fishes in the north. We expect that \
                    the catch will grow this year.";
        let doc = full_pipeline(text);
        assert_eq!(
            resolved(&doc, "I"),
            Some("John Smithson"),
            "{:#?}",
            doc.quotes
        );
        assert_eq!(
            resolved(&doc, "We"),
            Some("Federal Fisheries Service"),
            "{:#?}",
            doc.quotes
        );
        // A name after `wrote to` before a colon opens no turn.
        let text = "Talks\n\nPresident of France John Smithson: Good afternoon. Yesterday he wrote to Maria \
                    Lopez: thank you. I think that the plan works well.";
        let doc = full_pipeline(text);
        assert_eq!(
            resolved(&doc, "I"),
            Some("John Smithson"),
            "{:#?}",
            doc.quotes
        );
    }

    #[test]
    fn first_person_outside_a_transcript_names_no_one() {
        let text =
            "Plant news\n\nMaria Lopez visited the plant in Austria on Monday. I believe that the \
                    plant will reopen soon.";
        let doc = full_pipeline(text);
        let i = doc.quotes.iter().find(|q| speaker_of(q) == Some("I"));
        assert!(i.is_some(), "{:#?}", doc.quotes);
        assert_eq!(i.and_then(|q| name_of(q)), None, "{:#?}", doc.quotes);
    }

    #[test]
    fn we_speaks_for_a_country_not_a_product() {
        let text = "Vaccine news\n\nAustria shipped the Zenith Light vaccine to clinics. We believe that the \
                    vaccine is safe.";
        let doc = full_pipeline(text);
        assert_eq!(resolved(&doc, "We"), Some("Austria"), "{:#?}", doc.quotes);
    }

    #[test]
    fn framing_phrases_are_no_part_of_the_speaker() {
        let text =
            "Aid news\n\nSweden, meanwhile, said that it would send more aid to the region.\n\n\
                    Senator Tom Baker, speaking on local radio, said that the bill would pass.\n\n\
                    Tom Baker, the senator from Ohio, said that the vote was close.";
        let doc = full_pipeline(text);
        let speakers: Vec<_> = doc.quotes.iter().filter_map(speaker_of).collect();
        assert!(speakers.contains(&"Sweden"), "{speakers:?}");
        assert!(speakers.contains(&"Senator Tom Baker"), "{speakers:?}");
        // An appositive that describes the speaker stays.
        assert!(
            speakers.contains(&"Tom Baker, the senator from Ohio"),
            "{speakers:?}"
        );
    }

    #[test]
    fn auxiliaries_and_lone_function_words_are_no_speaker() {
        let text = "Meeting with farmers\n\nPrime Minister Anna Berg: Good afternoon, colleagues. I am saying this \
                    because we all understand that the harvest matters. You have shown what you are capable of.\n\n\
                    This is confirmed by the accumulated experience of the regions.";
        let doc = full_pipeline(text);
        let speakers: Vec<_> = doc.quotes.iter().filter_map(speaker_of).collect();
        assert!(speakers.contains(&"I"), "{:#?}", doc.quotes);
        for bad in ["I am", "You have", "This"] {
            assert!(!speakers.contains(&bad), "{bad}: {:#?}", doc.quotes);
        }
        assert_eq!(resolved(&doc, "I"), Some("Anna Berg"), "{:#?}", doc.quotes);
    }

    #[test]
    fn speakers_of_reported_speech_in_longer_clauses() {
        let text = "Harbor talks\n\nThere are grounds to say that the harbor plan failed. There are meetings \
                    where you discuss the harbor budget with the mayor.\n\nMaria Lindqvist, who chairs the \
                    fisheries committee in Bergen, said the quotas would rise next spring.\n\nOlaf Brenner, 58, \
                    who runs a bakery near the port, says he buys bread from the harbor market.\n\nHe’s said \
                    the harbor budget is too small for the town. But the harbor bosses are apparently so worried \
                    that the ferry will stop that they called the mayor.";
        let doc = full_pipeline(text);
        let said = |cue: &str| {
            doc.quotes
                .iter()
                .find(|q| q.cue.as_ref().is_some_and(|c| c.text == cue))
                .map(|q| speaker_of(q).map(str::to_string))
        };
        // `There` is never a speaker; `you` is the subject of the `where` clause.
        assert_eq!(said("say"), Some(None), "{:#?}", doc.quotes);
        assert_eq!(
            said("discuss"),
            Some(Some("you".into())),
            "{:#?}",
            doc.quotes
        );
        // The name before a relative clause (and an age) is the subject.
        assert_eq!(
            said("said").flatten().as_deref(),
            Some("Maria Lindqvist"),
            "{:#?}",
            doc.quotes
        );
        assert_eq!(
            said("says").flatten().as_deref(),
            Some("Olaf Brenner"),
            "{:#?}",
            doc.quotes
        );
        assert_eq!(
            resolved(&doc, "Olaf Brenner"),
            Some("Olaf Brenner"),
            "{:#?}",
            doc.quotes
        );
        let speakers: Vec<_> = doc.quotes.iter().filter_map(speaker_of).collect();
        assert!(speakers.contains(&"He"), "{:#?}", doc.quotes);
        assert!(speakers.contains(&"the harbor bosses"), "{:#?}", doc.quotes);
    }

    #[test]
    fn pronoun_speakers_agree_in_gender() {
        let text = "Senator Margaret Holloway met Governor Daniel Reyes in Denver on Monday. Reyes praised the \
                    plan.\n\n“We will fund the schools first,” she said.\n\n\
                    Mr. Jones met Ms. Okafor in Paris. “The talks went well,” he added.";
        let doc = full_pipeline(text);
        let said = |pronoun: &str| {
            doc.quotes
                .iter()
                .find(|q| q.kind == QuoteKind::Direct && speaker_of(q) == Some(pronoun))
                .and_then(|q| q.speaker.as_ref()?.name.clone())
        };
        assert_eq!(
            said("she").as_deref(),
            Some("Margaret Holloway"),
            "{:#?}",
            doc.quotes
        );
        assert_eq!(said("he").as_deref(), Some("Jones"), "{:#?}", doc.quotes);
        // The object form after `according to`.
        let doc = full_pipeline(
            "Senator Margaret Holloway met Governor Daniel Reyes in Denver. According to her, the \
             schools come first.",
        );
        let her = doc.quotes.iter().find(|q| speaker_of(q) == Some("her"));
        assert_eq!(
            her.and_then(|q| name_of(q)),
            Some("Margaret Holloway"),
            "{:#?}",
            doc.quotes
        );
        // Without entities, the names the quote finder saw itself.
        let qs = quotes(text);
        let she = qs.iter().find(|q| speaker_of(q) == Some("she"));
        assert_eq!(
            she.and_then(|q| name_of(q)),
            Some("Margaret Holloway"),
            "{qs:#?}"
        );
    }

    #[test]
    fn office_descriptions_name_the_office_holder() {
        let text = "President of Ukraine Petro Marchenko met President of the European Council Anna Keller in \
                    Kyiv. Anna Keller said the Council stands with Ukraine, and Anna Keller promised more aid.\n\n\
                    “We will rebuild every city,” the Head of State said.\n\n\
                    The President of Ukraine stressed that the reforms would continue.\n\n\
                    The Vice President said that the plan was sound.";
        let doc = full_pipeline(text);
        let by = |speaker: &str| {
            doc.quotes
                .iter()
                .find(|q| speaker_of(q) == Some(speaker))
                .unwrap_or_else(|| panic!("no quote by {speaker}: {:#?}", doc.quotes))
        };
        // The country's president, though the Council's is named more often.
        assert_eq!(name_of(by("the Head of State")), Some("Petro Marchenko"));
        assert_eq!(
            name_of(by("The President of Ukraine")),
            Some("Petro Marchenko")
        );
        assert_eq!(
            by("The President of Ukraine")
                .speaker
                .as_ref()
                .and_then(|s| s.cluster),
            by("the Head of State")
                .speaker
                .as_ref()
                .and_then(|s| s.cluster)
        );
        // No one in the text holds the office.
        assert_eq!(name_of(by("The Vice President")), None);
    }

    #[test]
    fn pronouns_continue_the_previous_attribution() {
        let name_by = |doc: &crate::Document, pronoun: &str, nth: usize| {
            doc.quotes
                .iter()
                .filter(|q| speaker_of(q) == Some(pronoun))
                .nth(nth)
                .and_then(|q| q.speaker.as_ref()?.name.clone())
        };
        // The person named inside the attribution's words does not take the next `He`.
        let doc = full_pipeline(
            "Oleh Danylenko told reporters that Mayor Ivan Petrenko had kept his word on the bridge. He \
             added that the works cost less than planned.\n\n\
             Marta Koval opened the new library in Lviv on Friday.\n\n\
             “Mayor Ivan Petrenko found the money in one week,” she said.",
        );
        assert_eq!(
            name_by(&doc, "He", 0).as_deref(),
            Some("Oleh Danylenko"),
            "{:#?}",
            doc.quotes
        );
        // A quotation's own words name no speaker of it.
        assert_eq!(
            name_by(&doc, "she", 0).as_deref(),
            Some("Marta Koval"),
            "{:#?}",
            doc.quotes
        );
        // Someone named after the attribution, or a speaker of the other gender, breaks the continuation.
        let doc = full_pipeline(
            "Oleh Danylenko said that the bridge opened on time.\n\n\
             Mayor Ivan Petrenko arrived an hour later. He said that the works cost less than planned.\n\n\
             Senator Marta Koval met Oleh Danylenko in Lviv. Oleh Danylenko said that the road is ready. \
             She added that the school is next.",
        );
        assert_eq!(
            name_by(&doc, "He", 0).as_deref(),
            Some("Ivan Petrenko"),
            "{:#?}",
            doc.quotes
        );
        assert_eq!(
            name_by(&doc, "She", 0).as_deref(),
            Some("Marta Koval"),
            "{:#?}",
            doc.quotes
        );
    }

    #[test]
    fn a_bare_office_is_the_host_before_a_visitor() {
        let text = "President Petro Marchenko held talks with President of Moldova Ana Rusu and Prime Minister \
                    of Moldova Ion Balan in Kyiv. Ana Rusu thanked the people of Ukraine. Ana Rusu also \
                    visited a school, and Ana Rusu laid flowers.\n\n\
                    “We will open the border crossings next week,” the President said.\n\n\
                    The Prime Minister said that trade had doubled.";
        let doc = full_pipeline(text);
        let by = |speaker: &str| {
            doc.quotes
                .iter()
                .find(|q| speaker_of(q) == Some(speaker))
                .unwrap_or_else(|| panic!("no quote by {speaker}: {:#?}", doc.quotes))
        };
        // The visitor is named more often, but a bare `the President` is the host.
        assert_eq!(name_of(by("the President")), Some("Petro Marchenko"));
        // A visitor still holds an office no host holds.
        assert_eq!(name_of(by("The Prime Minister")), Some("Ion Balan"));
    }

    #[test]
    fn a_title_owned_by_a_country_does_not_name_the_country() {
        let text =
            "The President of Moldova said that the border crossings would open next week.\n\n\
                    The Moldovan leader said that trade with Romania had doubled.";
        let doc = full_pipeline(text);
        let by = |speaker: &str| {
            doc.quotes
                .iter()
                .find(|q| speaker_of(q) == Some(speaker))
                .unwrap_or_else(|| panic!("no quote by {speaker}: {:#?}", doc.quotes))
        };
        // No president is named: unresolved, not `Moldova`.
        assert_eq!(name_of(by("The President of Moldova")), None);
        assert_eq!(name_of(by("The Moldovan leader")), None);
        // A body headed by `state` still speaks as one.
        let doc = full_pipeline(
            "The Moldovan state said that the border crossings would open next week.",
        );
        let q = doc.quotes.first();
        assert_eq!(
            q.and_then(|q| name_of(q)),
            Some("Moldovan state"),
            "{:#?}",
            doc.quotes
        );
    }

    /// The shared example article, its analyst gold and what the full pipeline extracts from it; `None` when
    /// `../shared` is absent.
    fn example_article() -> Option<(String, serde_json::Value, crate::Document)> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/examples/articles");
        let text = std::fs::read_to_string(dir.join("2022-02-17-russia-withdrawal.txt")).ok()?;
        let gold =
            std::fs::read_to_string(dir.join("2022-02-17-russia-withdrawal.gold.json")).ok()?;
        let gold = serde_json::from_str(&gold).unwrap_or_default();
        let doc = crate::Pipeline::builder()
            .build()
            .extract(&crate::Article::parse("example", text.clone()))
            .expect("the example article extracts");
        Some((text, gold, doc))
    }

    /// The extracted quote of `kind` whose text (past its opening mark or `that`) starts with `starts`.
    fn quote_starting<'q>(doc: &'q crate::Document, kind: QuoteKind, starts: &str) -> &'q Quote {
        doc.quotes
            .iter()
            .find(|q| {
                q.kind == kind
                    && q.text
                        .trim_start_matches(['“', '"'])
                        .trim_start_matches("that ")
                        .starts_with(starts)
            })
            .unwrap_or_else(|| panic!("no {kind:?} quote starting {starts:?}"))
    }

    #[test]
    fn example_article_must_quotes() {
        let Some((text, gold, doc)) = example_article() else {
            eprintln!("skipping: ../shared/examples/articles is absent");
            return;
        };
        let mut checked = 0;
        for g in gold["direct_quotes"].as_array().into_iter().flatten() {
            if g["must"].as_bool() != Some(true) {
                continue;
            }
            let starts = g["starts"].as_str().unwrap_or_default();
            let q = quote_starting(&doc, QuoteKind::Direct, starts);
            let s = q
                .speaker
                .as_ref()
                .unwrap_or_else(|| panic!("no speaker for {starts:?}"));
            assert_eq!(
                Some(s.text.as_str()),
                g["speaker_mention"].as_str(),
                "{starts}"
            );
            assert_eq!(
                q.cue.as_ref().map(|c| c.text.as_str()),
                g["cue"].as_str(),
                "{starts}"
            );
            let want = g["speaker"].as_str().unwrap_or_default();
            assert_eq!(s.name.as_deref(), Some(want), "{starts}");
            checked += 1;
        }
        assert_eq!(checked, 4);
        check_spans(&text, &doc.quotes);
    }

    /// The example article's partial quotes and reported speech (the gold's `should` items): each found, with
    /// its speaker resolved to the named entity the analyst expects and, for reported speech, the cue.
    #[test]
    fn example_article_partial_quotes_and_reported_speech() {
        let Some((_, gold, doc)) = example_article() else {
            eprintln!("skipping: ../shared/examples/articles is absent");
            return;
        };
        let mut partial = 0;
        for g in gold["direct_quotes"].as_array().into_iter().flatten() {
            if g["kind"].as_str() != Some("partial") {
                continue;
            }
            let starts = g["starts"].as_str().unwrap_or_default();
            let q = quote_starting(&doc, QuoteKind::Partial, starts);
            assert_eq!(name_of(q), g["speaker"].as_str(), "{starts}");
            partial += 1;
        }
        assert_eq!(partial, 5);
        let mut reported = 0;
        for g in gold["reported_speech"].as_array().into_iter().flatten() {
            let starts = g["content_starts"].as_str().unwrap_or_default();
            let q = quote_starting(&doc, QuoteKind::Indirect, starts);
            assert_eq!(name_of(q), g["source"].as_str(), "{starts}");
            assert_eq!(
                q.cue.as_ref().map(|c| c.text.as_str()),
                g["cue"].as_str(),
                "{starts}"
            );
            reported += 1;
        }
        assert_eq!(reported, 7);
    }

    #[test]
    fn hostile_input_is_handled_in_linear_time() {
        // 1 MB of alternating quote marks in one paragraph, and of straight marks between letters.
        let marks: String = "“”\"'‘’«»".chars().cycle().take(500_000).collect();
        assert!(marks.len() >= 1_000_000);
        let qs = quotes(&marks);
        check_spans(&marks, &qs);
        let mixed: String = "a \" said he \" ".repeat(80_000);
        let qs = quotes(&mixed);
        check_spans(&mixed, &qs);
    }

    #[test]
    fn never_panics_on_odd_text() {
        for text in [
            "\"",
            "“",
            "” said",
            "said",
            ", said he",
            "“a,” he said, “",
            "'' ''",
            "according to",
            "\u{feff}“é”, dit-il.",
            "He said: “",
            "“x” — said",
        ] {
            let qs = quotes(text);
            check_spans(text, &qs);
        }
    }

    /// Families of reported speech learned from PolNeAR train or added with it: (sentence, content, cue lemma,
    /// speaker).
    #[test]
    fn reported_speech_new_families() {
        let table = [
            // A cue head learned from train, its particle left out of the content.
            (
                "Sanders talked about the minimum wage at the rally.",
                "the minimum wage at the rally",
                "talk",
                "Sanders",
            ),
            // A participle after a comma shares the clause's subject.
            (
                "Trump criticized the trade deal, saying it would cost jobs in Ohio.",
                "it would cost jobs in Ohio",
                "say",
                "Trump",
            ),
            // The content ends where the writer's participle clause begins.
            (
                "The senator said the bill would pass, citing support from both parties.",
                "the bill would pass",
                "say",
                "The senator",
            ),
            // A short noun phrase opening the clause speaks.
            (
                "Twenty-four percent said they were more likely to vote for him.",
                "they were more likely to vote for him",
                "say",
                "Twenty-four percent",
            ),
            // A content ending in a quoted fragment before an inverted cue.
            (
                "The tactic may be \"strategic,\" said Jeffery Hemsley, a professor at Syracuse University.",
                "The tactic may be \"strategic,\"",
                "say",
                "Jeffery Hemsley",
            ),
        ];
        for (text, content, lemma, speaker) in table {
            let qs = quotes(text);
            check_spans(text, &qs);
            let q = qs
                .iter()
                .find(|q| q.kind == QuoteKind::Indirect && q.text == content)
                .unwrap_or_else(|| panic!("{text}: no content {content:?} in {qs:#?}"));
            assert_eq!(
                q.cue.as_ref().map(|c| c.lemma.as_str()),
                Some(lemma),
                "{text}"
            );
            assert_eq!(speaker_of(q), Some(speaker), "{text}");
        }
    }

    /// A sentence inside a quotation that runs over several sentences is no reported speech of its own.
    #[test]
    fn no_reported_speech_from_inside_a_quotation() {
        let text = "“We will not back down. The people said no,” Johnson told reporters on Monday.";
        let qs = quotes(text);
        check_spans(text, &qs);
        assert!(qs.iter().all(|q| q.kind != QuoteKind::Indirect), "{qs:#?}");
    }

    /// The learned lexicon loads, and leaves the hand-written cues alone.
    #[test]
    fn learned_cues_load() {
        let learned = &*lexicon::LEARNED;
        assert!(learned.len() > 100, "{} learned cues", learned.len());
        assert!(learned.contains_key("talked"));
        assert!(
            !learned.contains_key("said"),
            "hand-written cues stay hand-written"
        );
        assert!(learned
            .values()
            .all(|(_, r)| *r >= lexicon::LEARNED_MIN && *r <= 1.0));
    }

    /// A titled article: the first line is the title paragraph, blank-line blocks after it are paragraphs.
    fn titled(text: &str) -> Vec<Quote> {
        let mut paras = Vec::new();
        let mut start = 0;
        for block in text.split("\n\n") {
            paras.push((start..start + block.len(), false, paras.is_empty()));
            start += block.len() + 2;
        }
        let ctx = Context::new(text, None, &paras);
        let qs = extract(&ctx, &[], &[], &[]);
        check_spans(text, &qs);
        qs
    }

    /// Each sentence has reported speech with this content and speaker (`None`: no speaker).
    fn assert_reported_speakers(cases: &[(&str, &str, Option<&str>)]) {
        for &(text, content, speaker) in cases {
            let qs = quotes(text);
            check_spans(text, &qs);
            let r = reported(&qs);
            let got = r.iter().find(|c| c.0 == content);
            assert_eq!(got.map(|c| c.1), Some(speaker), "{text}: {qs:#?}");
        }
    }

    fn reported(qs: &[Quote]) -> Vec<(&str, Option<&str>)> {
        qs.iter()
            .filter(|q| q.kind == QuoteKind::Indirect)
            .map(|q| (q.text.as_str(), speaker_of(q)))
            .collect()
    }

    /// A participle clause after an attribution (`“...,” X said, adding that ...`), a coordinated verb and a gerund
    /// after `by` are said by that attribution's subject, whether the attribution is a direct quote's or reported
    /// speech's.
    #[test]
    fn a_clause_after_an_attribution_shares_its_speaker() {
        let text = "“The ferry will sail again on Monday,” the harbour master said, adding that the bridge would \
            stay shut. The council said the road would reopen in June, warning that repairs could cost more.";
        let qs = quotes(text);
        check_spans(text, &qs);
        let r = reported(&qs);
        assert!(
            r.contains(&(
                "that the bridge would stay shut",
                Some("the harbour master")
            )),
            "{qs:#?}"
        );
        assert!(
            r.contains(&("that repairs could cost more", Some("The council"))),
            "{qs:#?}"
        );
        // A coordinated verb, a gerund after `by`.
        let text = "The union leader criticised the ministry's plan and urged members to vote against it. The \
            union leader criticised the ministry's plan by calling it a gift to shipowners.";
        let qs = quotes(text);
        let r = reported(&qs);
        assert!(
            r.contains(&("members to vote against it", Some("The union leader"))),
            "{qs:#?}"
        );
        assert!(
            r.contains(&("the ministry's plan", Some("The union leader"))),
            "{qs:#?}"
        );
        assert!(
            r.contains(&("it a gift to shipowners", Some("The union leader"))),
            "{qs:#?}"
        );
        // The second sentence's content stops before `by` too.
        assert_eq!(
            r.iter().filter(|c| c.0 == "the ministry's plan").count(),
            2,
            "{qs:#?}"
        );
    }

    /// A cue word inside a noun phrase (after an article or a possessive, before the phrase's next word) or in
    /// `with a view to` reports nobody's words; a noun with a content clause still does.
    #[test]
    fn a_cue_word_inside_a_noun_phrase_is_no_cue() {
        let text = "The talks lasted more than six hours and ended without a statement. Pensions stay unchanged \
            for those who work for the said cooperatives. The regional fund was created with a view to supporting \
            small dairy farms. The sea route is a promising direction for the development of northern ports. Our \
            talks dealt with fishing quotas, ferry links and tariffs. The forecast target has been exceeded by \
            twelve percent this spring. Officials praised its devoted crews and the renewed effort to clear the \
            roads.";
        let qs = quotes(text);
        check_spans(text, &qs);
        let cues: Vec<&str> = qs
            .iter()
            .filter_map(|q| q.cue.as_ref().map(|c| c.text.as_str()))
            .collect();
        for noun_phrase in [
            "talks",
            "said",
            "view",
            "promising",
            "forecast",
            "devoted",
            "renewed",
        ] {
            assert!(!cues.contains(&noun_phrase), "{noun_phrase}: {qs:#?}");
        }
        let qs = quotes("The mayor repeated his stern warning that the bridge would stay shut.");
        let cues: Vec<(&str, &str)> = qs
            .iter()
            .filter_map(|q| q.cue.as_ref().map(|c| (c.text.as_str(), q.text.as_str())))
            .collect();
        assert!(
            cues.contains(&("warning", "that the bridge would stay shut")),
            "{qs:#?}"
        );
        assert!(!cues.iter().any(|c| c.0 == "stern"), "{qs:#?}");
    }

    /// A cue-like noun closing the sentence after a preposition (`a forum on Beijing's security fears.`), or a
    /// passive, makes no attribution of the clause before it.
    #[test]
    fn a_closing_noun_after_a_preposition_is_no_cue() {
        let qs = quotes("The allies proposed talks on missile limits, site inspections and a forum on Beijing's security fears.");
        assert!(
            !qs.iter()
                .any(|q| q.cue.as_ref().is_some_and(|c| c.text == "fears")),
            "{qs:#?}"
        );
        // Nor does a passive: what was discussed is no speaker.
        let qs = quotes("The two ministers met in Oslo. Fishing quotas and the new gas contracts were also discussed.");
        assert!(
            !qs.iter()
                .any(|q| q.cue.as_ref().is_some_and(|c| c.text == "discussed")),
            "{qs:#?}"
        );
        // Names before the preposition make a longer subject: the attribution stays.
        let qs =
            quotes("The league will grow to twelve teams next season, the Board of Control for hockey in Canada said.");
        assert!(
            qs.iter()
                .any(|q| q.cue.as_ref().is_some_and(|c| c.text == "said")),
            "{qs:#?}"
        );
        // A part of a named whole is the subject (`one of the X said`); `is convinced` is said of the speaker.
        for (text, cue) in [
            (
                "Fares will rise again in the spring, one of the rail operators said.",
                "said",
            ),
            (
                "Every flooded school will reopen by autumn, the regional governor is convinced.",
                "convinced",
            ),
        ] {
            let qs = quotes(text);
            assert!(
                qs.iter()
                    .any(|q| q.cue.as_ref().is_some_and(|c| c.text == cue)),
                "{text}: {qs:#?}"
            );
        }
    }

    /// Inside what someone is reported to have said, a verb that is no reporting verb makes no second
    /// attribution; a reporting verb there still does (`X said Y had told him ...`).
    #[test]
    fn reported_speech_inside_reported_speech_needs_a_reporting_verb() {
        let cues = |qs: &[Quote]| -> Vec<String> {
            qs.iter()
                .filter_map(|q| q.cue.as_ref().map(|c| c.text.clone()))
                .collect()
        };
        for (text, outer, inner) in [
            (
                "Container rates from Shanghai have doubled since October, freight agents say.",
                "say",
                "doubled",
            ),
            (
                "The harbour master told reporters that two tankers are expected in Varna from May 4.",
                "told",
                "expected",
            ),
        ] {
            let qs = quotes(text);
            let found = cues(&qs);
            assert!(found.iter().any(|c| c == outer), "{text}: {qs:#?}");
            assert!(!found.iter().any(|c| c == inner), "{text}: {qs:#?}");
        }
        let qs = quotes(
            "The mayor said the fire chief had told him that the bridge would reopen in June.",
        );
        let found = cues(&qs);
        assert!(
            found.iter().any(|c| c == "said") && found.iter().any(|c| c == "told"),
            "{qs:#?}"
        );
        // A second verb phrase shares the subject: it is no content of the first, and it ends the first.
        let qs = quotes(
            "The governor explained the reasons for the curfew and spoke about the repairs.",
        );
        let by_cue = |cue: &str| {
            qs.iter()
                .find(|q| q.cue.as_ref().is_some_and(|c| c.text == cue))
                .map(|q| q.text.as_str())
        };
        assert_eq!(
            by_cue("explained"),
            Some("the reasons for the curfew"),
            "{qs:#?}"
        );
        assert_eq!(by_cue("spoke"), Some("the repairs"), "{qs:#?}");
    }

    /// `A, said X, and B, said Y`: each speaker said the clause after the attribution before, not the sentence so
    /// far; and a sentence of thousands of attributions stays linear (each content had run back to the
    /// sentence's start, and each content end was found by reading to the sentence's end).
    #[test]
    fn a_content_before_its_cue_starts_after_the_attribution_before_it() {
        let qs = quotes(
            "The ferry will sail again on Monday, said the harbour master, and the bridge stays shut, said the mayor.",
        );
        assert_eq!(
            reported(&qs),
            vec![
                (
                    "The ferry will sail again on Monday",
                    Some("the harbour master")
                ),
                ("the bridge stays shut", Some("the mayor")),
            ],
            "{qs:#?}"
        );
        let qs = quotes(
            "Exports rose by a fifth, according to the customs office, and by a tenth in value, according to the bank.",
        );
        assert_eq!(
            reported(&qs),
            vec![
                ("Exports rose by a fifth", Some("the customs office")),
                ("by a tenth in value", Some("the bank")),
            ],
            "{qs:#?}"
        );
        // An attribution whose content follows it stays inside a later content before its cue.
        let qs = quotes("The mayor said the bridge stays shut, the council added.");
        assert!(
            reported(&qs).contains(&("The mayor said the bridge stays shut", Some("the council"))),
            "{qs:#?}"
        );
        let chain = "the talks failed, said Ivanov, ".repeat(20_000);
        let qs = quotes(&chain);
        check_spans(&chain, &qs);
        assert!(qs.len() >= 19_000, "{}", qs.len());
        assert!(
            qs.iter().all(|q| q.text.len() < 40),
            "a content runs over attributions"
        );
        let cues = "said ".repeat(100_000);
        check_spans(&cues, &quotes(&cues));
    }

    /// A lawmaker's party and state between commas (`Mara Quill, R-Wis., said`) is an appositive: the name before
    /// it is the speaker.
    #[test]
    fn a_party_label_between_the_name_and_the_cue() {
        let qs = quotes("Sen. Mara Quill, R-Wis., said the dam would hold through the spring.");
        assert_eq!(
            reported(&qs),
            vec![(
                "the dam would hold through the spring",
                Some("Sen. Mara Quill")
            )],
            "{qs:#?}"
        );
    }

    /// An appositive with an age, an abbreviation or many words still leaves the name before it as the speaker;
    /// a clause between commas or a participle after one does not.
    #[test]
    fn a_long_appositive_between_the_name_and_the_cue() {
        assert_reported_speakers(&[
            (
                "Tova Marsh, 44, a ferry pilot from Duluth, said the harbour froze early.",
                "the harbour froze early",
                Some("Tova Marsh"),
            ),
            (
                "Rep. Ada Vance of Ohio, the No. 3 Democrat on the transport panel, said the bridge bill would pass.",
                "the bridge bill would pass",
                Some("Rep. Ada Vance of Ohio"),
            ),
            (
                "Ben Okri, a retired engineer who built canal locks in three states and a member of the county water board, said the levee was sound.",
                "the levee was sound",
                Some("Ben Okri"),
            ),
            (
                "The union, whose headquarters, the old mill, is being sold to pay the debts left by the long strike of the spring, argued that the rota was unsafe.",
                "that the rota was unsafe",
                None,
            ),
        ]);
    }

    /// A cue coordinated with the sentence's first verb takes its subject when no attribution comes before it;
    /// not across a clause with a subject of its own.
    #[test]
    fn a_coordinated_cue_takes_the_sentence_subject() {
        assert_reported_speakers(&[
            (
                "The harbour master scratched his beard at length, and then said the ferry would sail at dawn.",
                "the ferry would sail at dawn",
                Some("The harbour master"),
            ),
            (
                "The likeliest outcome is that the dockers walk out at noon, and then argue that the rota is unsafe.",
                "that the rota is unsafe",
                None,
            ),
        ]);
    }

    /// A cue after `to` is said by the subject of the verb that governs it (`refused to concede`, `continued to
    /// insist`).
    #[test]
    fn a_cue_after_to_takes_the_subject_of_its_verb() {
        assert_reported_speakers(&[
            (
                "The harbour master refused, at first, to concede that the pier was unsafe.",
                "that the pier was unsafe",
                Some("The harbour master"),
            ),
            (
                "The ferry operator continued to insist the timetable would hold through the storm.",
                "the timetable would hold through the storm",
                Some("The ferry operator"),
            ),
        ]);
        // `continued to insist`, `was quick to stress`: one attribution, by the inner cue (not also one of `to
        // insist ...` by `continued`, which left the content `to` once the inner one cut it short).
        for (text, content) in [
            (
                "The ferry operator continued to insist the timetable would hold through the storm.",
                "the timetable would hold through the storm",
            ),
            (
                "Councillor Mara Voss was quick to stress that the toll bridge had been closed twice.",
                "that the toll bridge had been closed twice",
            ),
        ] {
            let qs = quotes(text);
            let r = reported(&qs);
            assert_eq!(r.len(), 1, "{text}: {r:?}");
            assert_eq!(r[0].0, content, "{text}");
        }
    }

    /// The name before a relative clause or a party-and-state tag is the speaker: `X (D-Ore.), who ..., said`,
    /// `X, R-Mont., a member of ..., said`, and `X, who previously argued ...` (the clause's own cue).
    #[test]
    fn a_name_before_a_tag_or_a_relative_clause_speaks() {
        assert_reported_speakers(&[
            (
                "Rep. Dana Whitcombe (D-Ore.), who has sat on the river board since 2019, said the permits were \
                 overdue.",
                "the permits were overdue",
                Some("Rep. Dana Whitcombe"),
            ),
            (
                "Sen. Carl Ostrand, R-Mont., a longtime critic of the grazing fees, said the auction was rushed.",
                "the auction was rushed",
                Some("Sen. Carl Ostrand"),
            ),
            (
                "The levy was opposed by Governor Ilse Marquardt, who previously argued that it was unfair to farmers.",
                "that it was unfair to farmers",
                Some("Governor Ilse Marquardt"),
            ),
            // The content after a circumstance (`said Friday that`), as with a subject right before the cue.
            (
                "The minister, who has toured the flooded valley twice, said Friday that the state would pay.",
                "that the state would pay",
                Some("The minister"),
            ),
            (
                "The mayor, who has chaired the river board since 2019, said in a letter that the dredging would \
                 resume.",
                "that the dredging would resume",
                Some("The mayor"),
            ),
        ]);
    }

    /// Headlines speak in their own shapes: `X Says Y` in headline case, and `X: Y`.
    #[test]
    fn headline_attributions() {
        let qs = titled(
            "Flynn Says Trump Was Right About Generals\n\nThe retired general spoke on Monday.",
        );
        assert_eq!(
            reported(&qs),
            vec![("Trump Was Right About Generals", Some("Flynn"))]
        );
        let qs = titled("Graham: Trump's Rhetoric Destroying GOP\n\nThe senator spoke on Monday.");
        assert_eq!(
            reported(&qs),
            vec![("Trump's Rhetoric Destroying GOP", Some("Graham"))]
        );
        // A label is no speaker.
        let qs = titled("EXCLUSIVE: Trump Campaign Plans Rally\n\nThe campaign spoke on Monday.");
        assert!(reported(&qs).is_empty(), "{qs:#?}");
        // Nor is the field name of a scraped article's metadata line.
        let qs = titled(
            "TITLE: Floods close the coastal road LINK: http://example.com/floods\n\nThe road reopened on Monday.",
        );
        assert!(qs.is_empty(), "{qs:#?}");
    }

    /// A transcript turn: the capitalized name and a colon open the paragraph; the rest of it is the speech.
    #[test]
    fn transcript_turns() {
        let text = "Debate transcript\n\nWALLACE: Governor, I will ask you about the economy. You have a plan.\n\nPENCE: Thank you.";
        let qs = titled(text);
        let r = reported(&qs);
        assert!(r.contains(&(
            "Governor, I will ask you about the economy. You have a plan",
            Some("WALLACE")
        )));
        assert!(r.contains(&("Thank you", Some("PENCE"))), "{r:?}");
    }

    /// `Said Ellis: “...”`: an inverted cue opening the sentence; and a description after a preposition is not
    /// the subject (`Protesters marching through the streets chanted`).
    #[test]
    fn inverted_cues_and_modifiers_before_the_cue() {
        let qs = titled("Tax plans\n\nRyan Ellis is a tax expert. Said Ellis: “I don’t get the sense she’s the least bit interested in tax reform.”");
        let q = qs
            .iter()
            .find(|q| q.kind == QuoteKind::Direct)
            .expect("a direct quote");
        assert_eq!(speaker_of(q), Some("Ellis"));
        let qs = titled("Portland\n\nDemonstrators walking through the streets chanted \"No curfew!\" and stayed out until 3 a.m.");
        let q = qs
            .iter()
            .find(|q| q.text == "\"No curfew!\"")
            .expect("the chant");
        assert_eq!(speaker_of(q), Some("Demonstrators"));
        // Other place and path prepositions, single or multiword; a description opening the sentence.
        for (text, chant, who) in [
            ("Verdict\n\nProtesters marching past the courthouse chanted \"Jail them all\" as the jury left.", "\"Jail them all\"", "Protesters"),
            ("Strike\n\nNurses standing next to the hospital gates shouted \"Pay us now\" on Monday.", "\"Pay us now\"", "Nurses"),
            ("Embassy\n\nThe crowd in front of the embassy chanted \"Go home\" for an hour.", "\"Go home\"", "The crowd"),
        ] {
            let qs = titled(text);
            let q = qs.iter().find(|q| q.text == chant).expect("the chant");
            assert_eq!(speaker_of(q), Some(who), "{text}");
        }
        let qs = titled("Rally\n\nIn remarks earlier in the afternoon, Trump criticized Clinton, saying, \"She's trigger-happy.\"");
        let q = qs
            .iter()
            .find(|q| q.kind == QuoteKind::Direct)
            .expect("a direct quote");
        assert_ne!(speaker_of(q), Some("During"));
    }

    /// The cue model keeps stance cues in context (`refuses to release ...`), drops a non-speaker's `add`
    /// (`The diversions add two days`) and the source's anonymity (`asked not to be named`).
    #[test]
    fn cue_model_judges_candidates() {
        if model::CUE_MODEL.is_none() {
            eprintln!("skipped: no cue model shipped");
            return;
        }
        let qs = quotes("Trump refuses to release his tax returns. The diversions add two to three days to delivery times. A port official, who asked not to be named, said three ships had been damaged.");
        let r: Vec<&str> = reported(&qs).into_iter().map(|r| r.0).collect();
        assert!(r.contains(&"to release his tax returns"), "{r:?}");
        assert!(r.contains(&"three ships had been damaged"), "{r:?}");
        assert!(!r.iter().any(|c| c.contains("two to three days")), "{r:?}");
        assert!(!r.iter().any(|c| c.contains("named")), "{r:?}");
    }

    /// Subjects the clause implies: the antecedent of `, which says`, the opener of a coordinated verb; and no
    /// auxiliary in a loose subject (`Putin did not explain`).
    #[test]
    fn implied_subjects() {
        if model::CUE_MODEL.is_none() {
            eprintln!("skipped: no cue model shipped");
            return;
        }
        let text = "Western arms deliveries have angered Russia, which says Ukraine could mount an offensive against separatists. Putin was willing to talk, but said his demands must also be on the table. Russian President Vladimir Putin did not explain the size of the withdrawals.";
        let qs = quotes(text);
        check_spans(text, &qs);
        let r = reported(&qs);
        assert!(
            r.contains(&(
                "Ukraine could mount an offensive against separatists",
                Some("Russia")
            )),
            "{r:?}"
        );
        assert!(
            r.contains(&("his demands must also be on the table", Some("Putin"))),
            "{r:?}"
        );
        assert!(
            r.iter()
                .any(|(_, s)| *s == Some("Russian President Vladimir Putin")),
            "{r:?}"
        );
    }

    /// `The Russian government said`: a nationality before a collective noun names the government, not Russia.
    #[test]
    fn nationality_and_collective_noun_name_a_body() {
        let text = "The Russian government said it wants to negotiate with the West.";
        let ctx = Context::from_text(text, None);
        let russian = Entity {
            start: 4,
            end: 11,
            text: "Russian".into(),
            label: EntityLabel::Norp,
            canonical: "Russian".into(),
            cluster: 0,
            title: None,
            affiliation: None,
            country: Some("RU".into()),
        };
        let qs = extract(&ctx, &[russian], &[], &[]);
        check_spans(text, &qs);
        let q = qs
            .iter()
            .find(|q| q.kind == QuoteKind::Indirect)
            .expect("reported speech");
        assert_eq!(speaker_of(q), Some("The Russian government"));
        assert_eq!(name_of(q), Some("Russian government"));
    }

    /// `Moscow’s chancellor said`: the most recent titled person of that country speaks, not Moscow.
    #[test]
    fn owned_title_resolves_to_the_titled_person() {
        let text = "Foreign Minister Sergei Lavrov met his Italian counterpart. Moscow’s chancellor said the crisis exists only in the West.";
        let ctx = Context::from_text(text, None);
        let pos = |w: &str| {
            let b = text.find(w).unwrap_or(0);
            text[..b].chars().count()
        };
        let ent = |w: &str, label, cluster, title: Option<&str>| Entity {
            start: pos(w),
            end: pos(w) + w.chars().count(),
            text: w.into(),
            label,
            canonical: w.into(),
            cluster,
            title: title.map(Into::into),
            affiliation: None,
            country: Some("RU".into()),
        };
        let entities = vec![
            ent(
                "Sergei Lavrov",
                EntityLabel::Person,
                0,
                Some("Foreign Minister"),
            ),
            ent("Moscow", EntityLabel::Loc, 1, None),
        ];
        let qs = extract(&ctx, &entities, &[], &[]);
        check_spans(text, &qs);
        let q = qs
            .iter()
            .find(|q| q.kind == QuoteKind::Indirect)
            .expect("reported speech");
        assert_eq!(speaker_of(q), Some("Moscow’s chancellor"));
        assert_eq!(name_of(q), Some("Sergei Lavrov"));
    }
}
