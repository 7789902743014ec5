//! Reported speech: a reporting verb (or `according to`) with its subject mention, and the content clause
//! after it (`X said (that) ...`) or before it (`..., X said.`, `..., said X.`, `..., according to X.`).

use super::lexicon::{CUES, DETERMINERS, PREPOSITIONS, PRONOUNS, STANCE};
use super::mention::is_cap;
use super::{is_mark_token, Doc, Found, QuoteKind};
use crate::text::TokenKind;
use std::ops::Range;

/// Adds the reported speech of the article to `out`; `quoted` are the quotations (byte ranges, in order),
/// `direct` the direct quotes found so far (their cues are not reused).
pub(super) fn find(doc: &Doc, quoted: &[Range<usize>], direct: &[Found], out: &mut Vec<Found>) {
    let mut used: Vec<usize> = direct
        .iter()
        .filter_map(|f| f.cue.as_ref().map(|c| c.0.start))
        .collect();
    used.sort_unstable();
    let direct_starts: Vec<usize> = {
        let mut v: Vec<usize> = direct
            .iter()
            .filter_map(|f| f.parts.first().map(|p| p.start))
            .collect();
        v.sort_unstable();
        v
    };
    let toks = &doc.ctx.tokens;
    let mut qi = 0;
    for (si, sent) in doc.ctx.sentences.iter().enumerate() {
        let sr = sent.tokens.clone();
        if doc.ctx.paragraphs[sent.paragraph].title || doc.ctx.paragraphs[sent.paragraph].heading {
            continue;
        }
        // Content ends before the final punctuation.
        let mut e = sr.end;
        while e > sr.start && matches!(doc.t(e - 1), "." | "!" | "?" | ";") {
            e -= 1;
        }
        let mut pending: Vec<Pending> = Vec::new();
        // The subject of the last attribution in the sentence, for `X said ... and added ...`.
        let mut last_subject: Option<Range<usize>> = None;
        let mut i = sr.start;
        while i < sr.end {
            let b = toks[i].start;
            while qi < quoted.len() && quoted[qi].end <= b {
                qi += 1;
            }
            if qi < quoted.len() && quoted[qi].start < b && b < quoted[qi].end {
                // Inside a quotation: the writer is not reporting here.
                i += 1;
                continue;
            }
            let (cue, lemma, weak, stance) = match doc.w.cue_at(i) {
                Some((c, l, w)) => (c, l, w, false),
                None if !super::lexicon::CUE_SHAPES.may_hold(doc.t(i)) => {
                    i += 1;
                    continue;
                }
                None => match STANCE.get(doc.t(i)) {
                    Some(l) => {
                        // `called for`, `called on`: the particle belongs to the cue.
                        let n = usize::from(matches!(doc.t(i + 1), "for" | "on") && *l == "call");
                        (i..i + 1 + n, *l, true, true)
                    }
                    None => {
                        i += 1;
                        continue;
                    }
                },
            };
            if used.binary_search(&cue.start).is_ok() {
                i = cue.end;
                continue;
            }
            let subject_here = doc.w.mention_before(sr.start, cue.start);
            let content = content_for(doc, sr.clone(), e, &cue, lemma, weak, stance, &last_subject);
            if let Some((content, speaker, audience)) = content {
                last_subject = Some(speaker.clone());
                pending.push((content, speaker, audience, cue.clone(), lemma));
            } else if subject_here.is_some() {
                last_subject = subject_here;
            }
            i = cue.end;
        }
        // A content stops where the next attribution of the sentence begins (`X said A — and he noted B`).
        for a in 0..pending.len() {
            let mut end = pending[a].0.end;
            for b in pending.iter().skip(a + 1).take(4) {
                let s = b.1.start;
                if pending[a].0.start < s && s < end {
                    end = s;
                }
            }
            while end > pending[a].0.start
                && matches!(
                    doc.t(end - 1),
                    "and" | "but" | "while" | "that" | "," | ";" | "—" | "–" | "-" | ":"
                )
            {
                end -= 1;
            }
            pending[a].0.end = end;
        }
        let mut emitted: std::collections::HashSet<(usize, usize)> = Default::default();
        for (content, speaker, audience, cue, lemma) in pending {
            if content.is_empty() || !emitted.insert((content.start, content.end)) {
                continue;
            }
            let bytes = toks[content.start].start..toks[content.end - 1].end;
            if direct_starts.binary_search(&bytes.start).is_ok() {
                continue;
            }
            out.push(Found {
                parts: vec![bytes],
                kind: QuoteKind::Indirect,
                cue: Some((cue, lemma)),
                speaker: Some(speaker),
                audience,
                para: doc.ctx.sentences[si].paragraph,
            });
        }
    }
}

type Pending = (
    Range<usize>,
    Range<usize>,
    Option<Range<usize>>,
    Range<usize>,
    &'static str,
);

type Content = (Range<usize>, Range<usize>, Option<Range<usize>>);

fn is_day(w: &str) -> bool {
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
            | "recently"
            | "earlier"
            | "later"
            | "previously"
    )
}

fn word(doc: &Doc, i: usize) -> bool {
    doc.ctx
        .tokens
        .get(i)
        .is_some_and(|t| t.kind != TokenKind::Punct)
}

#[allow(clippy::too_many_arguments)] // the sentence, the cue and its class, and the sentence's last subject
/// Content, speaker mention and audience for the cue `cue` in sentence tokens `sr` (content ends by `e`).
fn content_for(
    doc: &Doc,
    sr: Range<usize>,
    e: usize,
    cue: &Range<usize>,
    lemma: &str,
    weak: bool,
    stance: bool,
    last_subject: &Option<Range<usize>>,
) -> Option<Content> {
    let t = |i: usize| doc.t(i);
    if lemma == "according to" {
        let m = doc.w.mention_after(cue.end, e).or_else(|| {
            // `according to show insiders`: everything up to the comma or the end.
            let mut j = cue.end;
            while j < e && j < cue.end + 10 && t(j) != "," {
                j += 1;
            }
            (j > cue.end && (j == e || t(j) == ",")).then_some(cue.end..j)
        })?;
        if cue.start > sr.start + 2 && t(cue.start - 1) == "," {
            return Some((sr.start..cue.start - 1, m, None));
        }
        if cue.start == sr.start && t(m.end) == "," && e > m.end + 3 {
            return Some((m.end + 1..e, m, None));
        }
        return None;
    }
    let coordinated = || {
        // `X says ... and said ...`: the second verb shares the subject.
        let mut j = cue.start;
        while j > sr.start && super::lexicon::BETWEEN.contains(t(j - 1)) {
            j -= 1;
        }
        (j > sr.start && matches!(t(j - 1), "and" | "but"))
            .then(|| last_subject.clone())
            .flatten()
    };
    // `his demands`, `their claims`: after a possessive the cue is a noun, not a reporting verb.
    let noun_like = t(cue.start).ends_with('s') && !matches!(lemma, "say" | "tell");
    let possessed = noun_like
        && doc.w.mention_before(sr.start, cue.start).is_some_and(|m| {
            matches!(
                t(m.start),
                "its"
                    | "his"
                    | "her"
                    | "their"
                    | "our"
                    | "my"
                    | "Its"
                    | "His"
                    | "Her"
                    | "Their"
                    | "Our"
                    | "My"
            )
        });
    if possessed {
        return None;
    }
    if let Some(subject) = doc
        .w
        .mention_before(sr.start, cue.start)
        .or_else(coordinated)
    {
        // `X said (to reporters) (on Monday) (that) CONTENT`
        let mut k = cue.end;
        let mut audience = None;
        if matches!(lemma, "tell" | "inform" | "ask" | "warn" | "urge") {
            if let Some(a) = doc.audience_after(k, e) {
                k = a.end;
                audience = Some(a);
            }
        }
        let mut that = false;
        // Circumstances: `said on Friday`, `said Thursday`, `said in a statement on Monday that`.
        while k < e && is_day(t(k)) {
            k += 1;
        }
        if k < e && t(k) == "on" && is_day(t(k + 1)) {
            k += 2;
        }
        if k < e && (PREPOSITIONS.contains(t(k)) || t(k) == ",") {
            let lim = (k + 12).min(e);
            let mut j = k;
            while j < lim && t(j) != "that" && !is_mark_token(t(j)) {
                j += 1;
            }
            if j < lim && t(j) == "that" {
                k = j;
            } else if let Some(c) = (k + 1..(k + 6).min(e)).find(|&c| t(c) == ",") {
                // `said in a statement, the plan ...`
                k = c + 1;
            } else {
                k = e;
            }
        }
        // The content clause keeps its `that` (PARC convention: the complement clause is the content).
        if k < e && t(k) == "that" {
            that = true;
        }
        if k < e && t(k) == ":" {
            k += 1;
        }
        if stance {
            let first = t(k);
            if e > k && (word(doc, k) || is_mark_token(first)) && !matches!(first, "that" | "which")
            {
                return Some((k..e, subject, audience));
            }
            return None;
        }
        if e > k + 2 && (word(doc, k) || is_mark_token(t(k))) {
            let first = t(k);
            let clause_start = PRONOUNS.contains(first)
                || DETERMINERS.contains(first)
                || is_cap(first)
                || is_mark_token(first);
            if matches!(first, "to" | "for" | "about" | "of" | "with" | "by" | "as") && !that
                || CUES.contains_key(first)
            {
                return None;
            }
            if weak && !that && !clause_start {
                return None;
            }
            if weak && !that && matches!(lemma, "know" | "learn" | "read") {
                return None;
            }
            return Some((k..e, subject, audience));
        }
        // `CONTENT, X said.`
        if k >= e && !weak && subject.start > sr.start + 2 && t(subject.start - 1) == "," {
            return Some((sr.start..subject.start - 1, subject, None));
        }
        return None;
    }
    // `CONTENT, said X.`
    if !weak && cue.start > sr.start + 2 && t(cue.start - 1) == "," {
        let m = doc.w.mention_after(cue.end, e)?;
        if m.end >= e || t(m.end) == "," {
            return Some((sr.start..cue.start - 1, m, None));
        }
    }
    None
}
