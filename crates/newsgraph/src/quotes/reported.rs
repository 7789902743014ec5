//! Reported speech: a reporting verb (or `according to`) with its subject mention, and the content clause
//! after it (`X said (that) ...`) or before it (`..., X said.`, `..., said X.`, `..., according to X.`).

use super::lexicon::{BETWEEN, CUES, DETERMINERS, PREPOSITIONS, PRONOUNS};
use super::mention::{is_cap, is_ly_adverb};
use super::model::{self, Candidate, Source};
use super::{is_mark_token, Doc, Found, Parts, QuoteKind};
use crate::text::TokenKind;
use std::ops::Range;

/// Adds the reported speech of the article to `out`, which holds the direct quotes found so far (their cues
/// are not reused); `quoted` are the quotations (byte ranges, in order).
pub(super) fn find(
    doc: &Doc,
    quoted: &[Range<usize>],
    out: &mut Vec<Found>,
    mut collect: Option<&mut Vec<Collected>>,
) {
    let direct: &[Found] = out;
    let mut feats: Vec<u32> = Vec::with_capacity(32);
    // A partial quote's cue also introduces the reported speech around it (`X may be “strategic,” said Y`).
    let mut used: Vec<usize> = direct
        .iter()
        .filter(|f| f.kind != QuoteKind::Partial)
        .filter_map(|f| f.cue.as_ref().map(|c| c.0.start))
        .collect();
    used.sort_unstable();
    // Direct quotes' cues and speakers, for a clause that shares their subject (`“...,” X said, adding ...`).
    let mut direct_speakers: Vec<(usize, Range<usize>)> = direct
        .iter()
        .filter_map(|f| Some((f.cue.as_ref()?.0.start, f.speaker.clone()?)))
        .collect();
    direct_speakers.sort_unstable_by_key(|d| d.0);
    let direct_starts: Vec<usize> = {
        let mut v: Vec<usize> = direct.iter().map(|f| f.parts.first().start).collect();
        v.sort_unstable();
        v
    };
    let toks = &doc.ctx.tokens;
    let model = model::CUE_MODEL.as_ref();
    let (shapes, forms) = (&*super::lexicon::CUE_SHAPES, &*super::lexicon::CUE_FORMS);
    let mut qi = 0;
    // Per-sentence lists, kept across sentences so that their room is reused.
    let mut pending: Vec<Pending> = Vec::new();
    let mut emitted: std::collections::HashSet<(usize, usize)> = Default::default();
    for (si, sent) in doc.ctx.sentences.iter().enumerate() {
        let sr = doc.sent_tokens(si);
        let para = &doc.ctx.paragraphs[sent.paragraph];
        if para.heading && !para.title {
            continue;
        }
        let title = para.title;
        if para.sentences.start == si {
            if let Some(f) = colon_attribution(doc, si, title) {
                out.push(f);
            }
        }
        // Content ends before the final punctuation.
        let mut e = sr.end;
        while e > sr.start && matches!(doc.t(e - 1), "." | "!" | "?" | ";") {
            e -= 1;
        }
        pending.clear();
        let cuts = std::cell::OnceCell::new();
        let clause_end = |a: usize, b: usize| {
            cuts.get_or_init(|| Cuts::new(doc, &sr))
                .clause_end(doc, a, b)
        };
        // The subject of the last attribution in the sentence, for `X said ... and added ...`.
        let mut last_subject: Option<Range<usize>> = None;
        let mut i = sr.start;
        while i < sr.end {
            // Most words are no cue form: one bit test on the token's bytes rules them out (title case is looked
            // up lower-cased). Tested first: only the few words that pass are placed among the quotations.
            if !title && !shapes.may_hold(doc.t(i)) {
                i += 1;
                continue;
            }
            let b = toks[i].start;
            while qi < quoted.len() && quoted[qi].end <= b {
                qi += 1;
            }
            if qi < quoted.len() && quoted[qi].start < b && b < quoted[qi].end {
                // Inside a quotation: the writer is not reporting here.
                i += 1;
                continue;
            }
            let w = doc.t(i);
            let form = forms.get(w);
            let (cue, lemma, weak, stance, source) = match doc
                .w
                .cue_with(i, w, form)
                .or_else(|| title_cue(doc, i, title))
            {
                Some((c, l, w)) => (
                    c,
                    l,
                    w,
                    false,
                    if w { Source::Weak } else { Source::Strong },
                ),
                None => match form {
                    Some(&super::lexicon::CueForm {
                        stance: Some(l), ..
                    }) => {
                        // `called for`, `called on`: the particle belongs to the cue.
                        let n = usize::from(matches!(doc.t(i + 1), "for" | "on") && l == "call");
                        (i..i + 1 + n, l, true, true, Source::Stance)
                    }
                    // Learned cues behave like stance verbs: a subject before, the content after.
                    Some(&super::lexicon::CueForm {
                        learned: Some((l, _)),
                        ..
                    }) => (i..i + 1, l, true, true, Source::Learned),
                    _ => {
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
            let rules = content_for(
                doc,
                sr.clone(),
                e,
                &cue,
                lemma,
                (weak, stance),
                &last_subject,
                &subject_here,
            );
            let content = if model.is_none() && collect.is_none() {
                rules.map(|(c, s, a)| (c, Some(s), a))
            } else {
                let accepted_by_rules = rules.is_some();
                let cand = match rules {
                    Some((c, s, a)) => Some((c, Some(s), a)),
                    None => fallback(
                        doc,
                        sr.clone(),
                        e,
                        &cue,
                        subject_here
                            .clone()
                            .or_else(|| implied_subject(doc, &sr, &cue)),
                        collect.is_none(),
                        &clause_end,
                    ),
                };
                cand.filter(|(content, speaker, _)| {
                    let c = Candidate {
                        cue: &cue,
                        lemma,
                        source,
                        reliability: super::lexicon::RELIABILITY
                            .get(doc.t(cue.start))
                            .copied()
                            .unwrap_or(0.0),
                        sentence: sr.clone(),
                        content,
                        speaker: speaker.as_ref(),
                        rules: accepted_by_rules,
                        title,
                    };
                    model::features(doc, &c, &mut feats);
                    // While collecting for training, the rules decide what later candidates see (the last
                    // subject), so that the trained weights do not depend on the weights shipped before them.
                    let keep = match model {
                        Some(m) if collect.is_none() => m.score(&feats) > *model::THRESHOLD,
                        _ => accepted_by_rules,
                    };
                    if let Some(col) = collect.as_deref_mut() {
                        let toks = &doc.ctx.tokens;
                        let end = clause_end(content.start, content.end).max(content.start + 1);
                        col.push(Collected {
                            cue: toks[cue.start].start..toks[cue.end - 1].end,
                            content: toks[content.start].start..toks[end - 1].end,
                            features: feats.clone(),
                        });
                    }
                    keep
                })
            };
            if let Some((content, speaker, audience)) = content {
                if speaker.is_some() {
                    last_subject = speaker.clone();
                }
                pending.push((content, speaker, audience, cue.clone(), lemma));
            } else if subject_here.is_some() {
                last_subject = subject_here;
            }
            i = cue.end;
        }
        drop_inner_learned(doc, &sr, &mut pending);
        // In sentence order: pending attributions are pushed as their cues are met.
        let cue_starts: Vec<usize> = pending.iter().map(|p| p.3.start).collect();
        pending.retain(|p| !is_attributive(doc, &sr, &p.3, &cue_starts));
        // A content before its cue starts after an attribution of the same shape before it in the sentence (`A,
        // said X, and B, said Y`: Y said B, not `A, said X, and B`). An attribution with its content after it
        // may stand inside the later content (`Clinton had told police that ..., the source added`).
        let separator = |j: usize| matches!(doc.t(j), "," | "and" | "but" | ";" | "—" | "–");
        for a in 1..pending.len() {
            let (content, cue) = (&pending[a].0, &pending[a].3);
            if content.end > cue.start {
                continue;
            }
            let mut start = content.start;
            for b in pending[..a].iter().rev().take(4) {
                if b.0.end > b.3.start {
                    continue;
                }
                let att = [b.1.as_ref(), b.2.as_ref()]
                    .into_iter()
                    .flatten()
                    .fold(b.3.end, |e, r| e.max(r.end));
                if start < att && att < content.end && separator(att) {
                    start = att;
                    break;
                }
            }
            while start < content.end && separator(start) {
                start += 1;
            }
            pending[a].0.start = start;
        }
        // A content stops where the next attribution of the sentence begins (`X said A — and he noted B`).
        for a in 0..pending.len() {
            let mut end = pending[a].0.end;
            for b in pending.iter().skip(a + 1).take(4) {
                let mut s = b.1.as_ref().map_or(b.3.start, |m| m.start.min(b.3.start));
                if s <= pending[a].0.start && coordinated(doc, b.3.start) {
                    // `X explained A and spoke about B`: the subject is shared, the second verb ends A.
                    s = b.3.start;
                }
                if pending[a].0.start < s && s < end {
                    end = s;
                }
            }
            // `by` before a gerund's attribution: `X criticised A by calling it B`.
            while end > pending[a].0.start
                && (matches!(
                    doc.t(end - 1),
                    "and" | "but" | "while" | "that" | "also" | "," | ";" | "—" | "–" | "-" | ":"
                ) || doc.t(end - 1) == "by")
            {
                end -= 1;
            }
            pending[a].0.end = clause_end(pending[a].0.start, end);
        }
        emitted.clear();
        // The cue and speaker of the sentence's last attribution emitted with a speaker.
        let mut last_said: Option<(usize, Range<usize>)> = None;
        for (content, speaker, audience, cue, lemma) in pending.drain(..) {
            let content = without_circumstance(doc, content);
            if content.is_empty() || !emitted.insert((content.start, content.end)) {
                continue;
            }
            let bytes = toks[content.start].start..toks[content.end - 1].end;
            if direct_starts.binary_search(&bytes.start).is_ok()
                || is_mark_token(doc.t(content.start))
            {
                continue;
            }
            // A content opening inside a quotation (`B,” said X.` after `“A.`) is the tail of a direct quote.
            let q = quoted.partition_point(|r| r.end <= bytes.start);
            if quoted
                .get(q)
                .is_some_and(|r| r.start < bytes.start && bytes.start < r.end)
            {
                continue;
            }
            // `Sanders, who has sent pleas on his behalf, said ...`: the name before the relative clause. Read
            // only now, so that the cue model, later candidates and content ends see what they were trained on.
            let speaker = speaker
                .filter(|m| {
                    m.end >= cue.start
                        || doc.t(cue.start).ends_with("ing")
                        || !doc.w.clause_before(sr.start, cue.start)
                })
                .or_else(|| doc.w.relative_antecedent(sr.start, cue.start))
                .or_else(|| shared_subject(doc, &sr, &cue, &direct_speakers, last_said.as_ref()))
                .or_else(|| controller(doc, &sr, &cue))
                .or_else(|| relative_subject(doc, &sr, &cue));
            if let Some(m) = &speaker {
                last_said = Some((cue.start, m.clone()));
            }
            out.push(Found {
                parts: Parts::one(bytes),
                kind: QuoteKind::Indirect,
                cue: Some((cue, lemma)),
                speaker,
                audience,
                para: doc.ctx.sentences[si].paragraph,
            });
        }
    }
}

/// The speaker of a cue that shares the subject of an attribution before it in the same sentence: a participle
/// clause set off by a comma or dash (`“...,” the mayor said, adding that ...`), a coordinated verb (`X praised A
/// and described B`) or a gerund after `by` (`X responded by saying ...`). The speaker is the subject of the
/// nearest such attribution. Read after the cue model, like [`super::mention::Words::relative_antecedent`].
fn shared_subject(
    doc: &Doc,
    sr: &Range<usize>,
    cue: &Range<usize>,
    direct: &[(usize, Range<usize>)],
    reported: Option<&(usize, Range<usize>)>,
) -> Option<Range<usize>> {
    let c = cue.start;
    if c <= sr.start {
        return None;
    }
    // A participle after a comma or dash, a gerund after `by`.
    let ing_form = cue.len() == 1
        && doc.t(c).ends_with("ing")
        && matches!(doc.t(c - 1), "," | "—" | "–" | "by");
    if !ing_form && !coordinated(doc, c) {
        return None;
    }
    let k = direct.partition_point(|d| d.0 < c);
    let from_direct = k.checked_sub(1).map(|k| &direct[k]);
    [from_direct, reported]
        .into_iter()
        .flatten()
        .filter(|(at, m)| *at >= sr.start && *at < c && m.end < c)
        .max_by_key(|(at, _)| *at)
        .map(|(_, m)| m.clone())
        .or_else(|| (!ing_form).then(|| clause_subject(doc, sr, c)).flatten())
}

/// The subject of the verb that governs a cue after `to` (`he refused, generally, to concede that ...`, `Sanders
/// continued to insist ...`, `she was quick to stress ...`): the cue's own speaker. Read after the cue model,
/// for a cue it left without one; the few catenatives the model's mention finder already passes (`want to
/// stress`) are not repeated here.
fn controller(doc: &Doc, sr: &Range<usize>, cue: &Range<usize>) -> Option<Range<usize>> {
    let c = cue.start;
    let mut j = c.checked_sub(1)?;
    if j <= sr.start || doc.t(j) != "to" {
        return None;
    }
    // A short phrase set off by commas between the verb and `to` (`refused, at first, to`), or an adverb
    // (`refused flatly to`).
    if doc.t(j - 1) == "," {
        j = (j.saturating_sub(5).max(sr.start + 1)..j - 1)
            .rev()
            .find(|&k| doc.t(k) == ",")?;
    } else if is_ly_adverb(doc.t(j - 1)) {
        j -= 1;
    }
    if j <= sr.start + 1 || !is_controller(doc.t(j - 1)) {
        return None;
    }
    doc.w.mention_before(sr.start, j - 1)
}

/// A content from `that` on when a short circumstance opens it (`said Friday that ...`, `said in a letter that
/// ...`): the reading the content rules give a cue with a subject before it, for the contents found without one
/// (after a long relative clause, `X, who ..., said Friday that`).
fn without_circumstance(doc: &Doc, content: Range<usize>) -> Range<usize> {
    if content.is_empty() {
        return content;
    }
    // `to` opens an infinitive (`would like to note that`), which the caller reads as such.
    let first = doc.t(content.start);
    if first == "to" || !PREPOSITIONS.contains(first) {
        return content;
    }
    let upto = content.end.min(content.start + 7);
    (content.start + 1..upto)
        .take_while(|&j| doc.w.is_word(j))
        .find(|&j| doc.t(j) == "that")
        .map_or(content.clone(), |j| j..content.end)
}

/// The name a relative clause opened by the cue is about, past adverbs and auxiliaries (`Trump, who previously
/// questioned whether ...`, `the ministry, which has long denied ...`): what [`implied_subject`] reads before the
/// model for a cue right after `who`, read after it for a cue it left without a speaker.
fn relative_subject(doc: &Doc, sr: &Range<usize>, cue: &Range<usize>) -> Option<Range<usize>> {
    let mut j = cue.start;
    while j > sr.start + 3 && j + 3 > cue.start {
        let w = doc.t(j - 1);
        if BETWEEN.contains(w) || is_ly_adverb(w) {
            j -= 1;
        } else {
            break;
        }
    }
    who_antecedent(doc, sr, j)
}

/// The name before `, who` or `, which` ending right before token `j`, if it looks like a name.
fn who_antecedent(doc: &Doc, sr: &Range<usize>, j: usize) -> Option<Range<usize>> {
    if j < sr.start + 3 || !matches!(doc.t(j - 1), "who" | "which") || doc.t(j - 2) != "," {
        return None;
    }
    doc.w
        .mention_before(sr.start, j - 2)
        .filter(|m| m.end == j - 2 && doc.name_like(m))
}

/// Verbs and adjectives whose subject also does what the infinitive after them says (`refused to`, `vowed to`,
/// `was quick to`); not those whose object does (`urged him to`).
fn is_controller(w: &str) -> bool {
    matches!(
        w,
        "continue"
            | "continued"
            | "continues"
            | "refuse"
            | "refused"
            | "refuses"
            | "decline"
            | "declined"
            | "declines"
            | "try"
            | "tried"
            | "tries"
            | "vow"
            | "vowed"
            | "vows"
            | "promise"
            | "promised"
            | "promises"
            | "pledge"
            | "pledged"
            | "pledges"
            | "plan"
            | "planned"
            | "plans"
            | "agree"
            | "agreed"
            | "agrees"
            | "seek"
            | "sought"
            | "seeks"
            | "began"
            | "begun"
            | "begins"
            | "started"
            | "starts"
            | "seem"
            | "seemed"
            | "seems"
            | "appeared"
            | "appears"
            | "threatened"
            | "threatens"
            | "attempted"
            | "failed"
            | "fails"
            | "managed"
            | "hesitated"
            | "rushed"
            | "quick"
            | "eager"
            | "ready"
            | "willing"
            | "unwilling"
            | "reluctant"
            | "careful"
            | "unable"
            | "able"
            | "happy"
            | "expected"
            | "likely"
            | "unlikely"
            | "set"
            | "poised"
    )
}

/// The subject that opens the sentence of a coordinated cue at token `c` when no attribution comes before it:
/// `The judge rubbed his chin, and then said ...`, `In 2008, Cooper donated $750 and has spoken ...`. The mention
/// must open the sentence (or follow one short opening phrase and its comma) and be followed by its verb.
fn clause_subject(doc: &Doc, sr: &Range<usize>, c: usize) -> Option<Range<usize>> {
    let mut s0 = sr.start;
    if super::lexicon::PREPOSITIONS.contains(doc.t(s0)) || doc.t(s0) == "In" || doc.t(s0) == "By" {
        s0 = (s0 + 1..(s0 + 9).min(c)).find(|&j| doc.t(j) == ",")? + 1;
    }
    let m = doc.w.mention_after(s0, c)?;
    // A subject far back is another clause's, and the scan below stays bounded in a long sentence.
    if c > m.end + 40 {
        return None;
    }
    let next = doc.t(m.end);
    let verb = m.end + 1 < c
        && next.starts_with(|ch: char| ch.is_ascii_lowercase())
        && !matches!(next, "and" | "but" | "or" | "of" | "who" | "which" | "that")
        && !super::lexicon::PREPOSITIONS.contains(next);
    // Another clause between them has a subject of its own (`The likeliest outcome is that investors take it in
    // stride and view it as ...`).
    let other_clause = (m.end..c).any(|j| {
        matches!(
            doc.t(j),
            "that"
                | "who"
                | "which"
                | "whom"
                | "whose"
                | "when"
                | "where"
                | "because"
                | "if"
                | "while"
                | "since"
        )
    });
    let it = matches!(doc.t(m.start), "It" | "it");
    (m.start == s0 && verb && !other_clause && !it).then_some(m)
}

/// Whether the verb at token `i` opens a second verb phrase: `and spoke`, `, and also expressed`, `but denied`.
fn coordinated(doc: &Doc, i: usize) -> bool {
    let mut j = i;
    while j > 0
        && i - j < 2
        && (matches!(
            doc.t(j - 1),
            "also" | "then" | "now" | "later" | "has" | "have" | "had"
        ) || doc.t(j - 1).ends_with("ly"))
    {
        j -= 1;
    }
    j > 0 && matches!(doc.t(j - 1), "and" | "but")
}

/// Whether a cue is a form of a reporting verb in the hand lexicon (not a word only the learned cues know, nor a
/// form the lexicon leaves out, such as the passive `expected`).
pub(super) fn is_reporting(doc: &Doc, cue: &Range<usize>, lemma: &str) -> bool {
    let w = doc.t(cue.start);
    lemma == "according to"
        || CUES.contains_key(w)
        || w.starts_with(|c: char| c.is_uppercase()) && CUES.contains_key(&w.to_lowercase())
}

/// Drops a sentence's attribution on a learned cue that stands, subject and all, inside the content clause of an
/// earlier reporting verb, with no comma or conjunction between that content's start and the inner attribution:
/// in `X said that two tankers are expected in Varna`, `two tankers are expected` is what X said, and taken as an
/// attribution of its own it would cut X's content down to `that`. A coordinated clause keeps its own
/// (`X said A, but Y wants B`; `X stressed A and praised B`, whose subject is X's).
fn drop_inner_learned(doc: &Doc, sr: &Range<usize>, pending: &mut Vec<Pending>) {
    let reporting: Vec<bool> = pending
        .iter()
        .map(|p| is_reporting(doc, &p.3, p.4))
        .collect();
    if !reporting.contains(&true) || !reporting.contains(&false) {
        return;
    }
    // For each token of the sentence, the sentence position just after the last separator before it: one pass,
    // so that a long sentence with many candidates stays linear.
    let mut open_from = Vec::with_capacity(sr.len() + 1);
    let mut last = sr.start;
    for j in sr.clone() {
        open_from.push(last);
        if matches!(doc.t(j), "," | "and" | "but" | "while" | ";" | "—" | "–") {
            last = j + 1;
        }
    }
    open_from.push(last);
    let open = |j: usize| open_from[j.clamp(sr.start, sr.end) - sr.start];
    let drop: Vec<bool> = (0..pending.len())
        .map(|b| {
            if reporting[b] {
                return false;
            }
            let at = pending[b].3.start;
            let from = pending[b].1.as_ref().map_or(at, |m| m.start.min(at));
            // The nearest few earlier attributions are the only hosts worth a look.
            (b.saturating_sub(8)..b).rev().any(|a| {
                let c = &pending[a].0;
                reporting[a] && c.start <= from && at < c.end && open(from) <= c.start
            })
        })
        .collect();
    let mut k = 0;
    pending.retain(|_| {
        k += 1;
        !drop[k - 1]
    });
}

/// Whether a one-word cue is a modifier or head inside a noun phrase, not a verb of saying: after an article or a
/// possessive and before a content word (`its devoted sons`, `a promising direction`, `our recommended practice`,
/// `the forecast task`, `our talks dealt with`), or the idiom `with a view to` (in order to). A phrase that takes
/// its content stays (`the hope that`, `his call for`, `a claim by`, `the hope has been that`); of `his stern
/// warning that`, `warning` does. Applied after the cue model, like the other sentence-level drops, so that the
/// model and the candidates after it see what they were trained on.
fn is_attributive(doc: &Doc, sr: &Range<usize>, cue: &Range<usize>, cue_starts: &[usize]) -> bool {
    if cue.len() != 1 || cue.start <= sr.start || cue.end >= sr.end {
        return false;
    }
    let (before, next) = (doc.t(cue.start - 1), doc.t(cue.end));
    if before == "a"
        && doc.t(cue.start) == "view"
        && next == "to"
        && cue.start > sr.start + 1
        && doc.t(cue.start - 2).eq_ignore_ascii_case("with")
    {
        return true;
    }
    let article_or_possessive = ["the", "a", "an", "its", "their", "our", "my", "your", "his"]
        .iter()
        .any(|d| before.eq_ignore_ascii_case(d));
    // A lower-case word that opens no clause, phrase or list: a noun or a verb of the phrase the cue sits in.
    let content_word = next.len() > 2
        && next.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
        && !matches!(
            next,
            "that" | "and" | "but" | "not" | "nor" | "whether" | "how" | "what" | "why"
        )
        && !PREPOSITIONS.contains(next)
        && !DETERMINERS.contains(next)
        && !PRONOUNS.contains(next);
    // `the hope has been that ...`: the phrase takes a content clause after all, unless the next word is the cue
    // that takes it (`his stern warning that ...`).
    let clause_follows = (cue.end + 1..(cue.end + 4).min(sr.end)).any(|j| doc.t(j) == "that")
        && cue_starts.binary_search(&cue.end).is_err();
    article_or_possessive && content_word && !clause_follows
}

/// A cue candidate as the cue model saw it, for training: cue and content byte ranges, features.
pub(crate) struct Collected {
    pub cue: Range<usize>,
    pub content: Range<usize>,
    pub features: Vec<u32>,
}

/// Content for a cue the rules found none for, for the cue model to judge: the words after the cue
/// (`X wants to ...`, `X refuses ...`), or the clause before a cue that ends the sentence (`..., X reportedly
/// believes.`).
fn fallback(
    doc: &Doc,
    sr: Range<usize>,
    e: usize,
    cue: &Range<usize>,
    subject: Option<Range<usize>>,
    strict: bool,
    clause_end: &dyn Fn(usize, usize) -> usize,
) -> Option<Attributed> {
    let k = cue.end;
    if e > k + 1 && word(doc, k) {
        // `vessels calling at Odesa` (but `said at least 30 ...`), `asked not to be named`: a place or the
        // source's anonymity, no content.
        let t = |i: usize| doc.t(i);
        if t(k) == "at" && !matches!(t(k + 1), "least" | "most")
            || (k..(k + 4).min(e))
                .any(|i| t(i) == "be" && matches!(t(i + 1), "named" | "identified"))
        {
            return None;
        }
        let end = clause_end(k, e);
        return (end > k + 1).then_some((k..end, subject, None));
    }
    let before = subject.as_ref().map_or(cue.start, |s| s.start);
    // Not while collecting training candidates: the shipped cue model was trained on them all, and retraining on
    // fewer moves its weights everywhere for a gain of 0.002 F1.
    if strict && object_before_cue(doc, &sr, before, cue.start) {
        return None;
    }
    if k + 1 >= e && before > sr.start + 2 {
        let mut end = before;
        while end > sr.start && !word(doc, end - 1) && !is_mark_token(doc.t(end - 1)) {
            end -= 1;
        }
        return (end > sr.start + 1).then_some((sr.start..end, subject, None));
    }
    None
}

/// Whether a cue closing the sentence has no speaker before it: a passive (`Other issues were also discussed.`:
/// the words before are what was discussed), or an object after a preposition in a stretch without names (`...
/// and a dialogue on Moscow's security fears.`: a noun, not a cue); names in that stretch may make a longer
/// subject (`..., the Board of Control for Cricket in India said.`).
fn object_before_cue(doc: &Doc, sr: &Range<usize>, before: usize, cue: usize) -> bool {
    let t = |i: usize| doc.t(i);
    let mut c = cue;
    while c > sr.start && (t(c - 1) == "also" || t(c - 1).len() > 4 && t(c - 1).ends_with("ly")) {
        c -= 1;
    }
    if c > sr.start
        && matches!(
            t(c - 1),
            "is" | "are" | "was" | "were" | "been" | "be" | "being"
        )
        && t(cue).ends_with("ed")
        // `..., Zelenskyy is convinced.`: a state of mind, said of the speaker.
        && !matches!(t(cue), "convinced" | "quoted")
    {
        return true;
    }
    let preposition = before > sr.start
        && matches!(
            t(before - 1),
            "of" | "on"
                | "in"
                | "about"
                | "for"
                | "with"
                | "over"
                | "to"
                | "from"
                | "by"
                | "at"
                | "into"
                | "against"
        );
    // `one of the Paralympians said`: the subject is the part, and the name after `of` is its whole.
    let partitive = preposition
        && before > sr.start + 1
        && t(before - 1) == "of"
        && matches!(
            t(before - 2).to_ascii_lowercase().as_str(),
            "one"
                | "some"
                | "many"
                | "most"
                | "all"
                | "each"
                | "none"
                | "both"
                | "several"
                | "two"
                | "three"
                | "few"
                | "any"
                | "either"
                | "neither"
        );
    if !preposition || partitive {
        return false;
    }
    let mut k = before - 1;
    while k > sr.start + 1 && t(k - 1) != "," {
        k -= 1;
        if super::mention::is_cap(t(k)) {
            return false;
        }
    }
    true
}

/// The subject of a cue without one of its own: the antecedent of `, which says` (`angered Russia, which says
/// ...`), or the name opening the sentence for a second verb (`Putin was willing to talk, but said ...`).
fn implied_subject(doc: &Doc, sr: &Range<usize>, cue: &Range<usize>) -> Option<Range<usize>> {
    let t = |i: usize| doc.t(i);
    let c = cue.start;
    if c > sr.start && matches!(t(c - 1), "which" | "who") {
        return who_antecedent(doc, sr, c);
    }
    if c > sr.start + 2 && matches!(t(c - 1), "and" | "but") {
        return doc
            .w
            .mention_after(sr.start, c)
            .filter(|m| doc.name_like(m) && !super::lexicon::CAP_STOP.contains(t(m.start)));
    }
    None
}

/// A cue in headline case (`Flynn Says Trump ...`, `..., Says Former Doctor`): titles capitalize every word.
fn title_cue(doc: &Doc, i: usize, title: bool) -> Option<(Range<usize>, &'static str, bool)> {
    if !title {
        return None;
    }
    let w = doc.t(i);
    if !is_cap(w) || w.len() > 12 {
        return None;
    }
    let mut buf = [0u8; 12];
    for (d, b) in buf.iter_mut().zip(w.bytes()) {
        *d = b.to_ascii_lowercase();
    }
    let lower = std::str::from_utf8(&buf[..w.len()]).ok()?;
    let (lemma, weak) = CUES.get(lower)?;
    (!*weak).then_some((i..i + 1, *lemma, false))
}

/// Words that label a headline or a paragraph rather than name who speaks (`EXCLUSIVE: ...`, `UPDATE: ...`), and
/// the field names of metadata lines that scraped articles open with (`TITLE: ... LINK: http://...`).
fn is_label(w: &str) -> bool {
    let mut buf = [0u8; 12];
    if w.len() > 12 {
        return false;
    }
    for (d, b) in buf.iter_mut().zip(w.bytes()) {
        *d = b.to_ascii_lowercase();
    }
    matches!(
        &buf[..w.len()],
        b"exclusive"
            | b"update"
            | b"updated"
            | b"breaking"
            | b"watch"
            | b"video"
            | b"photos"
            | b"photo"
            | b"live"
            | b"listen"
            | b"editor"
            | b"note"
            | b"correction"
            | b"related"
            | b"read"
            | b"see"
            | b"opinion"
            | b"analysis"
            | b"review"
            | b"transcript"
            | b"source"
            | b"sources"
            | b"contact"
            | b"email"
            | b"follow"
            | b"q"
            | b"a"
            | b"question"
            | b"answer"
            | b"day"
            | b"part"
            | b"step"
            | b"chapter"
            | b"the"
            | b"bottom"
            | b"why"
            | b"what"
            | b"how"
            | b"who"
            | b"when"
            | b"where"
            | b"title"
            | b"headline"
            | b"link"
            | b"url"
            | b"date"
            | b"author"
            | b"byline"
            | b"dateline"
            | b"subject"
            | b"summary"
            | b"keywords"
            | b"tags"
            | b"category"
            | b"section"
    )
}

/// `Graham: Trump's Rhetoric Destroying GOP` (a headline that opens with its speaker) and `WALLACE: Governor,
/// ...` (a transcript turn: a capitalized name and a colon open the paragraph, the rest of it is the speech).
fn colon_attribution(doc: &Doc, si: usize, title: bool) -> Option<Found> {
    let sent = &doc.ctx.sentences[si];
    let sr = doc.sent_tokens(si);
    let hi = sr.end.min(sr.start + 7);
    let c = (sr.start + 1..hi).find(|&c| doc.t(c) == ":")?;
    if is_label(doc.t(sr.start)) {
        return None;
    }
    for j in sr.start..c {
        let w = doc.t(j);
        let ok = if title {
            is_cap(w) && word(doc, j)
                || matches!(w, "." | "’s" | "'s" | "-" | "of" | "at" | "the") && j > sr.start
        } else {
            // In running text only an all-capitals name (a transcript speaker) opens a turn.
            w.bytes().any(|b| b.is_ascii_uppercase())
                && !w.bytes().any(|b| b.is_ascii_lowercase())
                && (word(doc, j) || w == ".")
        };
        if !ok {
            return None;
        }
    }
    let first = c + 1;
    if first >= sr.end || is_mark_token(doc.t(first)) || !word(doc, first) {
        return None;
    }
    let para = &doc.ctx.paragraphs[sent.paragraph];
    let last_sentence = if title {
        si
    } else {
        para.sentences.end.saturating_sub(1).max(si)
    };
    let mut end = doc.ctx.sentences[last_sentence].tokens.end;
    while end > first && matches!(doc.t(end - 1), "." | "!" | "?" | ";") {
        end -= 1;
    }
    if end < first + 2 {
        return None;
    }
    let toks = &doc.ctx.tokens;
    Some(Found {
        parts: Parts::one(toks[first].start..toks[end - 1].end),
        kind: QuoteKind::Indirect,
        cue: None,
        speaker: Some(sr.start..c),
        audience: None,
        para: sent.paragraph,
    })
}

/// Where the content clause starting at token `start` ends, by `end`: before a semicolon, a colon, a
/// participle or concessive clause after a comma (`..., citing polls`), or a second verb phrase (`... and
/// explained ...`) — the rest of the sentence is the writer's, not the speaker's.
fn clause_end(doc: &Doc, start: usize, end: usize) -> usize {
    let t = |i: usize| doc.t(i);
    let mut depth = 0usize;
    for j in start + 1..end {
        let w = t(j);
        if is_mark_token(w) {
            // Inside a quotation the speaker's own punctuation does not end the content.
            depth ^= 1;
            continue;
        }
        if depth == 1 {
            continue;
        }
        if cuts_clause(doc, j) && (w != ":" || j > start + 2) {
            return j;
        }
    }
    end
}

/// Whether token `j` (no quotation mark) ends a content clause outside quotations: `;`, `although`, a `:` (not
/// right after the content's start), `, according`, `, adding`, `and said`.
fn cuts_clause(doc: &Doc, j: usize) -> bool {
    match doc.t(j) {
        ";" | ":" | "although" | "whereas" => true,
        "," => {
            let next = doc.t(j + 1);
            (next.ends_with("ing")
                && next.len() > 5
                && next.bytes().all(|b| b.is_ascii_lowercase()))
                || matches!(next, "although" | "though" | "whereas" | "according")
        }
        "and" | "but" => {
            let next = doc.t(j + 1);
            super::lexicon::is_cue_form(next) && (next.ends_with("ed") || next == "said")
        }
        _ => false,
    }
}

/// [`clause_end`] for the contents of one sentence, answered without a scan: a sentence of thousands of cues
/// (`said said said ...`) gives each a content running to the sentence end, and scanning each of them made it
/// quadratic. Built once per sentence, in one pass.
pub(super) struct Cuts {
    /// First token of the sentence.
    base: usize,
    /// Sentence end: contents end there at the latest.
    end: usize,
    /// Parity of the quotation marks before each token of the sentence (and at its end).
    parity: Vec<bool>,
    /// For each parity and token, the first token from there on that cuts a clause ([`cuts_clause`]) and stands
    /// after that many marks; `end` when none.
    next: [Vec<usize>; 2],
}

impl Cuts {
    pub(super) fn new(doc: &Doc, sr: &Range<usize>) -> Self {
        let n = sr.len();
        let mut parity = Vec::with_capacity(n + 1);
        let mut mark = Vec::with_capacity(n);
        let mut p = false;
        for j in sr.clone() {
            parity.push(p);
            let m = is_mark_token(doc.t(j));
            mark.push(m);
            p ^= m;
        }
        parity.push(p);
        let mut next = [vec![sr.end; n + 1], vec![sr.end; n + 1]];
        for k in (0..n).rev() {
            for n in next.iter_mut() {
                n[k] = n[k + 1];
            }
            if !mark[k] && cuts_clause(doc, sr.start + k) {
                next[usize::from(parity[k])][k] = sr.start + k;
            }
        }
        Cuts {
            base: sr.start,
            end: sr.end,
            parity,
            next,
        }
    }

    /// Where a content from `start` up to `end` stops, as [`clause_end`] finds it.
    pub(super) fn clause_end(&self, doc: &Doc, start: usize, end: usize) -> usize {
        if start < self.base || start + 1 > self.end || end > self.end {
            return clause_end(doc, start, end);
        }
        let at = |j: usize| j - self.base;
        // The marks counted from the token after the start, as the scan counts them.
        let q = usize::from(self.parity[at(start + 1)]);
        let mut j = self.next[q][at(start + 1)];
        while j < end && j <= start + 2 && doc.t(j) == ":" {
            j = self.next[q][at(j + 1)];
        }
        j.min(end)
    }
}

/// End of a content that stops at the comma before token `j`: `A, said` ends before the comma, `A “B,” said`
/// after the closing mark (the quoted words belong to the content).
fn comma_before(doc: &Doc, j: usize) -> Option<usize> {
    if j < 2 {
        return None;
    }
    if doc.t(j - 1) == "," {
        return Some(j - 1);
    }
    (is_mark_token(doc.t(j - 1)) && doc.t(j - 2) == ",").then_some(j)
}

/// Whether stance and learned cues also take a loose noun-phrase subject.
const LOOSE_STANCE: bool = true;

type Pending = (
    Range<usize>,
    Option<Range<usize>>,
    Option<Range<usize>>,
    Range<usize>,
    &'static str,
);

/// Content, speaker mention if any, audience.
type Attributed = (Range<usize>, Option<Range<usize>>, Option<Range<usize>>);

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

#[allow(clippy::too_many_arguments)] // the sentence, the cue and its class, the sentence's last subject
/// Content, speaker mention and audience for the cue `cue` in sentence tokens `sr` (content ends by `e`);
/// `(weak, stance)` class the cue; `before` is the mention right before the cue
/// (`mention_before(sr.start, cue.start)`, which the caller has already read).
fn content_for(
    doc: &Doc,
    sr: Range<usize>,
    e: usize,
    cue: &Range<usize>,
    lemma: &str,
    (weak, stance): (bool, bool),
    last_subject: &Option<Range<usize>>,
    before: &Option<Range<usize>>,
) -> Option<Content> {
    let t = |i: usize| doc.t(i);
    if lemma == "according to" {
        let m = doc
            .w
            .mention_after(cue.end, e)
            .map(|m| doc.w.with_office(m, e))
            .or_else(|| {
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
        && before.as_ref().is_some_and(|m| {
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
    // `Trump criticized the plan, saying it ...`: a participle after a comma shares the clause's subject.
    let participle = || {
        (cue.start > sr.start + 2 && t(cue.start - 1) == "," && t(cue.start).ends_with("ing"))
            .then(|| {
                last_subject
                    .clone()
                    .or_else(|| doc.w.mention_after(sr.start, cue.start - 1))
            })
            .flatten()
    };
    // `21 percent said ...`, `Some in the crowd say ...`: a short noun phrase opening the clause.
    let loose = || {
        if stance && !LOOSE_STANCE {
            return None;
        }
        let mut j = cue.start;
        while j > sr.start && cue.start - j < 8 && word(doc, j - 1) && !CUES.contains_key(t(j - 1))
        {
            j -= 1;
        }
        let opens = j == sr.start || matches!(t(j - 1), "," | ";" | ":");
        let first = t(j);
        (opens
            && j < cue.start
            && !matches!(
                first,
                "and" | "but" | "or" | "to" | "that" | "which" | "who"
            ))
        .then_some(j..cue.start)
        .map(|mut m| {
            // `Putin did not explain`: the auxiliary and the negation are not the speaker's.
            while m.end > m.start + 1
                && matches!(
                    t(m.end - 1),
                    "did"
                        | "does"
                        | "do"
                        | "not"
                        | "n't"
                        | "never"
                        | "can"
                        | "cannot"
                        | "must"
                        | "should"
                        | "shall"
                )
            {
                m.end -= 1;
            }
            m
        })
    };
    if let Some(subject) = before
        .clone()
        .or_else(coordinated)
        .or_else(participle)
        .or_else(loose)
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
        // `talked about X`, `called for X`: PolNeAR counts the particle as part of the cue.
        if stance
            && k + 1 < e
            && matches!(
                t(k),
                "about" | "of" | "for" | "on" | "against" | "from" | "over"
            )
            && !is_day(t(k + 1))
        {
            k += 1;
        }
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
        // `CONTENT, X said.`, `CONTENT “in quotes,” X said.`
        if k >= e && !weak && subject.start > sr.start + 2 {
            if let Some(end) = comma_before(doc, subject.start) {
                return Some((sr.start..end, subject, None));
            }
        }
        return None;
    }
    // `CONTENT, said X.`
    if !weak && cue.start > sr.start + 2 {
        if let Some(end) = comma_before(doc, cue.start) {
            let m = doc.w.mention_after(cue.end, e)?;
            if m.end >= e || t(m.end) == "," {
                return Some((sr.start..end, m, None));
            }
        }
    }
    None
}
