//! From found attributions to output: spans in code points, and speakers linked to entities (or, without
//! entities, to a local name; pronouns to the most recent compatible person).

use super::lexicon::ORG_WORDS;
use super::mention::LocalName;
use super::{Cue, Doc, Found, Quote, Speaker};
use crate::entities::gender::{self, Gender};
use crate::entities::{Entity, EntityCluster, EntityLabel};
use crate::text::Shape;
use std::cell::{Cell, OnceCell};
use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

/// Clusters by canonical name, made when first needed.
type ByName<'c> = OnceCell<HashMap<&'c str, usize>>;

/// How many earlier names or entities a pronoun or description looks back over (keeps resolution linear).
const LOOKBACK: usize = 64;

/// A name seen before some point of the text: byte position, local name.
struct Seen<'a> {
    pos: usize,
    name: LocalName<'a>,
    /// The name's last word (empty without a name), which a description's head is compared with.
    last: &'a str,
}

impl<'a> Seen<'a> {
    fn new(pos: usize, name: LocalName<'a>) -> Seen<'a> {
        let last = name
            .name
            .map_or("", |n| n.rsplit(' ').next().unwrap_or_default());
        Seen { pos, name, last }
    }
}

/// An attribution already resolved, which a later pronoun may continue (`“...,” said Andriy Yermak. According
/// to him, ...`).
struct Prev {
    /// Byte start of the attribution (quote or mention, whichever comes first).
    start: usize,
    /// Byte end of the attribution (quote and mention).
    end: usize,
    /// Head word of an unresolved description (`minister` of `the minister`), lower-cased: a candidate
    /// person with that title is the one it describes.
    head: Option<String>,
    /// Paragraph it ends in.
    para: usize,
    /// Sentence it ends in, when reported speech (a content clause may be cut short: `X says it helps Y,
    /// which he ...` is Y's sentence still); none for a quotation.
    sent: Option<usize>,
    /// Whether the speaker is a person (a name, a person entity, `he`/`she`, a title like `the minister`).
    person: bool,
    /// The speaker's gender, when told (read only for a person).
    gender: Option<Gender>,
    /// The entity cluster the speaker resolved to.
    cluster: Option<usize>,
    /// Index of its quote in the output, whose speaker a continuing pronoun copies (no copy of the names here:
    /// most attributions are never continued).
    quote: usize,
}

impl Prev {
    /// The attribution `f`, whose speaker mention `m` (local name `ln`) resolved to `s`, which becomes quote
    /// `quote` of the output.
    #[allow(clippy::too_many_arguments)] // the attribution, its mention and speaker, and where it goes
    fn new(
        doc: &Doc,
        f: &Found,
        m: &Range<usize>,
        ln: LocalName,
        s: &Speaker,
        genders: &Genders,
        with_entities: bool,
        quote: usize,
    ) -> Prev {
        let ctx = doc.ctx;
        let at = doc.bytes(m);
        let start = at.start.min(f.parts.first().start);
        let end = at.end.max(f.parts.last().end);
        let direct = f.kind == super::QuoteKind::Direct;
        let si = doc.sentence_of_token(doc.tok_from(end).saturating_sub(1));
        let sent = si.and_then(|i| ctx.sentences.get(i));
        let w = doc.t(m.start);
        let he_she = m.end == m.start + 1 && gender::of_pronoun(w).is_some();
        let last = doc.t(m.end - 1);
        let head = description_head(doc, m);
        let is_title = super::mention::is_title;
        let titled = is_title(head);
        // `the Fisher case argued`: a lower-case head that is no title speaks for no person named in it.
        let thing = last.chars().all(char::is_lowercase) && !is_title(last);
        // The gender is read only when the speaker is a person ([`Prev::continued`]): not worked out otherwise.
        let (person, gender) = match s
            .cluster
            .and_then(|c| genders.clusters.get(c).filter(|k| k.id == c))
        {
            _ if he_she => (true, gender::of_pronoun(w)),
            // `I`, `we`, `they`: no third person a later `he` continues.
            _ if ln.pronoun => (false, None),
            Some(c) => {
                let person = c.label == EntityLabel::Person && !thing;
                (person, person.then(|| genders.of_cluster(c)).flatten())
            }
            None if s.cluster.is_some() => (false, None),
            // Without an entity, a name counts only where no recognizer ran (a capitalized word the
            // recognizer left alone is too often none: `Therefore`, `After`).
            None => {
                let person = (ln.person && s.name.is_some() && !with_entities)
                    || (titled && !ln.pronoun && s.name.is_none());
                (
                    person,
                    person
                        .then(|| gender::of_person(s.name.as_deref().unwrap_or(""), Some(&s.text)))
                        .flatten(),
                )
            }
        };
        Prev {
            start,
            end,
            head: (titled && s.name.is_none()).then(|| head.to_lowercase()),
            para: sent.map_or(0, |x| x.paragraph),
            sent: si.filter(|_| !direct),
            person,
            gender,
            cluster: s.cluster,
            quote,
        }
    }

    /// Whether a pronoun of gender `said` continues this speaker rather than taking `cand`, the last agreeing
    /// person named: the speaker is a person of agreeing gender, and the candidate was named before the
    /// attribution ended (or is the speaker) and bears no title the speaker's unresolved description names.
    fn continued(&self, said: Option<Gender>, cand: Option<Cand>) -> bool {
        said.is_some()
            && self.person
            && agrees(said, || self.gender)
            && cand.map_or(true, |c| {
                !c.described
                    && (c.pos < self.end || (c.cluster.is_some() && c.cluster == self.cluster))
            })
    }

    /// Gives `out` what this attribution's speaker resolved to; `quotes` is the output so far.
    fn fill(&self, quotes: &[Quote], out: &mut Speaker) {
        let s = quotes.get(self.quote).and_then(|q| q.speaker.as_ref());
        out.name = s.and_then(|s| s.name.clone());
        out.cluster = self.cluster;
        out.title = s.and_then(|s| s.title.clone());
        out.affiliation = s.and_then(|s| s.affiliation.clone());
    }
}

/// The person a pronoun would take without an attribution to continue: byte position, cluster, and whether
/// the attribution's description fits it.
#[derive(Clone, Copy)]
struct Cand {
    pos: usize,
    cluster: Option<usize>,
    /// Whether the candidate bears the title an unresolved description of the attribution names (`the
    /// Minister` after `Minister of Agriculture Dmitry Patrushev`): then the description is that person.
    described: bool,
}

/// Whether word `head` is among the words of `title`.
fn title_has(title: Option<&str>, head: &str) -> bool {
    title.is_some_and(|t| t.split([' ', '-']).any(|w| w.eq_ignore_ascii_case(head)))
}

/// Whether word `head` stands within a few words before or after the mention at bytes `r` (`Minister of
/// Agriculture Dmitry Patrushev`, `Iryna Vereshchuk, Deputy Prime Minister`).
fn titled_near(text: &str, r: Range<usize>, head: &str) -> bool {
    const NEAR: usize = 48;
    let mut lo = r.start.saturating_sub(NEAR);
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    let mut hi = (r.end + NEAR).min(text.len());
    while !text.is_char_boundary(hi) {
        hi -= 1;
    }
    let words = |s: &str| {
        s.split(|c: char| !c.is_alphanumeric())
            .any(|w| w.eq_ignore_ascii_case(head))
    };
    text.get(lo..r.start).is_some_and(words) || text.get(r.end..hi).is_some_and(words)
}

/// Person names introduced by a title (`President Vladimir Putin`, `spokesman Dmitry Peskov`): candidates for
/// pronouns even when they never speak.
fn titled_names<'a>(doc: &Doc<'a, '_>) -> Vec<Seen<'a>> {
    let n = doc.ctx.tokens.len();
    let bytes = doc.ctx.text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i + 2 < n {
        // Cheap test first: a title is followed by a capitalized word (or a comma); an ASCII first byte tells
        // without slicing the token.
        let lead = bytes
            .get(doc.ctx.tokens[i + 1].start)
            .copied()
            .unwrap_or(b' ');
        let next_ok = if lead.is_ascii() {
            lead.is_ascii_uppercase() || (lead == b',' && doc.t(i + 1) == ",")
        } else {
            super::mention::is_cap(doc.t(i + 1))
        };
        if !next_ok {
            i += 1;
            continue;
        }
        let w = doc.t(i);
        // Most words before a capitalized one are no title: one bit test on their shape rules them out.
        if may_be_title(w) && (super::lexicon::TITLES.contains(w) || is_cap_title(w)) {
            let mut j = i + 1;
            // `its Foreign Minister, Sergei Lavrov,`
            if doc.t(j) == "," {
                j += 1;
            }
            let first = j;
            while j < n
                && j < i + 5
                && super::mention::is_cap(doc.t(j))
                && !ORG_WORDS.contains(doc.t(j))
            {
                j += 1;
            }
            if j >= first + 2 {
                let m = first..j;
                let ln = doc.w.local_name(&m);
                if ln.person && ln.name.is_some() {
                    out.push(Seen::new(doc.ctx.tokens[i].start, ln));
                }
                i = j;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// Capitalized titles that introduce a name in running text.
const CAP_TITLES: [&str; 15] = [
    "President",
    "Minister",
    "Secretary",
    "Senator",
    "Sen.",
    "Rep.",
    "Gov.",
    "Governor",
    "Chancellor",
    "Mayor",
    "Prime",
    "Spokesman",
    "Ambassador",
    "General",
    "Gen.",
];

fn is_cap_title(w: &str) -> bool {
    CAP_TITLES.contains(&w)
}

/// The shapes of the titles and of [`CAP_TITLES`], as they are written: a word of another shape is neither.
static TITLE_OR_CAP_SHAPES: LazyLock<Shape> = LazyLock::new(|| {
    let mut s = Shape::default();
    for t in super::lexicon::TITLES.iter().chain(CAP_TITLES.iter()) {
        s.add(t);
    }
    s
});

/// False when `w` is surely neither in the titles nor in [`CAP_TITLES`].
fn may_be_title(w: &str) -> bool {
    TITLE_OR_CAP_SHAPES.may_hold(w)
}

pub(super) fn output(
    doc: &Doc,
    found: &[Found],
    entities: &[Entity],
    clusters: &[EntityCluster],
    times: &[Range<usize>],
) -> Vec<Quote> {
    let ctx = doc.ctx;
    // Lookups below bisect the entities by position: make sure they are in text order.
    let sorted: Vec<Entity>;
    let entities = if entities.windows(2).all(|w| w[0].start <= w[1].start) {
        entities
    } else {
        let mut v = entities.to_vec();
        v.sort_by_key(|e| (e.start, e.end));
        sorted = v;
        &sorted
    };
    // The longest entity (in characters): an entity that starts further before a mention than this ends before it.
    let longest = entities
        .iter()
        .map(|e| e.end.saturating_sub(e.start))
        .max()
        .unwrap_or(0);
    let mut seen: Vec<Seen> = Vec::new();
    let mut covered: Vec<Range<usize>> = Vec::new();
    // Each quote's speaker mention without a framing phrase (`Sweden, meanwhile,`) or trailing auxiliary (`I am`),
    // and its local name, read once for `seen` and for the speaker itself. Only quotes with a mention have an
    // entry (by index in `found`): a text of bare attributions has hundreds of thousands without.
    let mentions: Vec<(usize, Range<usize>, LocalName)> = found
        .iter()
        .enumerate()
        .filter_map(|(i, f)| {
            let m = f.speaker.as_ref()?;
            // The sentence's first token, asked only of a mention that is a time and gives way to one before it.
            let lo = || {
                doc.sentence_of_token(m.start)
                    .map_or(0, |s| doc.sent_tokens(s).start)
            };
            let m = doc
                .w
                .speaker_words(m, f.cue.as_ref().map(|c| c.0.start), times, lo)?;
            let ln = doc.w.local_name(&m);
            Some((i, m, ln))
        })
        .collect();
    for (_, m, ln) in &mentions {
        if ln.name.is_some() {
            seen.push(Seen::new(ctx.tokens[m.start].start, *ln));
            covered.push(doc.bytes(m));
        }
    }
    covered.sort_by_key(|r| r.start);
    // Titled names not already inside a speaker mention (which carries the fuller title).
    for t in titled_names(doc) {
        let i = covered.partition_point(|r| r.start <= t.pos);
        if i == 0 || covered[i - 1].end <= t.pos {
            seen.push(t);
        }
    }
    seen.sort_by_key(|s| s.pos);
    // Direct quotations by start, with the furthest end reached so far: whether a word lies inside one is a
    // bisection.
    let mut direct: Vec<Range<usize>> = found
        .iter()
        .filter(|f| f.kind == super::QuoteKind::Direct)
        .flat_map(|f| f.parts.iter().cloned())
        .collect();
    direct.sort_by_key(|r| r.start);
    let reach: Vec<usize> = direct
        .iter()
        .scan(0, |far, r| {
            *far = (*far).max(r.end);
            Some(*far)
        })
        .collect();
    let quoted = |pos: usize| {
        let i = direct.partition_point(|r| r.start <= pos);
        i > 0 && reach[i - 1] > pos
    };
    let turns = turns(doc, entities);
    // Clusters by canonical name: a turn speaker's affiliation names the cluster a `we` speaks for. Built on the
    // first such `we` only (most articles have none, and hashing every cluster's name cost more than the rest).
    let by_name: ByName = OnceCell::new();
    let offices = office_holders(doc, entities, clusters, quoted);
    // The attributions resolved so far, for a pronoun that continues one of them.
    let mut done: Vec<Prev> = Vec::new();
    let genders = Genders::new(clusters);
    let mut out = Vec::with_capacity(found.len());
    let mut mentions = mentions.into_iter().peekable();
    for (i, f) in found.iter().enumerate() {
        let (mention, ln) = match mentions.next_if(|m| m.0 == i) {
            Some((_, m, ln)) => (Some(m), ln),
            None => (None, LocalName::default()),
        };
        let (first, last) = (f.parts.first(), f.parts.last());
        let whole = ctx.span(first.start..last.end);
        let parts = if f.parts.len() > 1 {
            f.parts.iter().map(|p| ctx.span(p.clone())).collect()
        } else {
            Vec::new()
        };
        let cue = f.cue.as_ref().map(|(r, lemma)| {
            let s = ctx.span(doc.bytes(r));
            Cue {
                start: s.start,
                end: s.end,
                text: s.text,
                lemma: (*lemma).to_string(),
            }
        });
        let audience = f.audience.as_ref().map(|r| ctx.span(doc.bytes(r)));
        let speaker = mention.as_ref().map(|m| {
            let at = ctx.tokens[m.start].start;
            let lo = at.min(f.parts.first().start);
            // The attribution this one may continue: the latest to end before it begins, in narration.
            // Not inside the content of another attribution (`X said that he ...` has its own reading).
            let recent = || done.iter().rev().take(16);
            let nested = recent().any(|p| p.start < at && at < p.end);
            let prev = recent()
                .filter(|p| p.end <= lo)
                .max_by_key(|p| p.end)
                .filter(|p| {
                    let si = ctx.sentence_at(at);
                    let para = si.map_or(usize::MAX, |i| ctx.sentences[i].paragraph);
                    let later = p.sent.map_or(true, |ps| si.is_some_and(|i| i > ps));
                    !nested && !quoted(at) && later && p.para.saturating_add(1) >= para
                });
            // A direct quotation's own words name no speaker of it (`“Biden is wrong,” he said`).
            let own_parts: Vec<Range<usize>>;
            let own: &[Range<usize>] = if f.kind != super::QuoteKind::Direct {
                &[]
            } else if f.parts.len() == 1 {
                std::slice::from_ref(f.parts.first())
            } else {
                own_parts = f.parts.iter().cloned().collect();
                &own_parts
            };
            // `I` is the speaker of the transcript turn it stands in, if any (and `we` what that speaker
            // belongs to, and `the Minister` that speaker if the title fits); a quotation mark left open in a
            // transcript does not end the turn.
            let turn = {
                let i = turns.partition_point(|(p, _)| *p < at);
                i.checked_sub(1).map(|i| turns[i].1)
            };
            let s = speaker(
                doc,
                m,
                ln,
                &seen,
                (entities, longest),
                &genders,
                &offices,
                prev.map(|p| (p, &out[..])),
                own,
                turn,
                &by_name,
            );
            if !quoted(at) {
                let with_entities = !entities.is_empty();
                done.push(Prev::new(
                    doc,
                    f,
                    m,
                    ln,
                    &s,
                    &genders,
                    with_entities,
                    out.len(),
                ));
            }
            s
        });
        let negated = f
            .cue
            .as_ref()
            .is_some_and(|(r, lemma)| negated(doc, r, lemma, f.speaker.as_ref()));
        out.push(Quote {
            start: whole.start,
            end: whole.end,
            text: whole.text,
            kind: f.kind,
            cue,
            speaker: speaker.map(Box::new),
            audience,
            parts,
            negated,
        });
    }
    out
}

/// Whether entity `e` can be what a `we` speaks for: a country (by the gazetteer), an organization whose name
/// ends in an organization's head noun (`Federal Customs Service`) or is an acronym (`NATO`), or one tied to a
/// country (`State Duma`).
fn speaks_as_we(e: &Entity, clusters: &[EntityCluster]) -> bool {
    use crate::entities::gazetteer::{COUNTRY, GAZETTEER};
    let name = clusters
        .get(e.cluster)
        .filter(|c| c.id == e.cluster)
        .map_or(e.canonical.as_str(), |c| c.canonical.as_str());
    match e.label {
        EntityLabel::Loc => {
            let words: Vec<&str> = name.split_whitespace().take(8).collect();
            GAZETTEER
                .lookup(&words)
                .is_some_and(|g| g.is_any(1 << COUNTRY))
        }
        EntityLabel::Org => {
            let last = name.rsplit(' ').next().unwrap_or(name);
            let acronym =
                (2..=6).contains(&name.len()) && name.bytes().all(|b| b.is_ascii_uppercase());
            acronym || ORG_WORDS.contains(last) || e.country.is_some()
        }
        _ => false,
    }
}

/// Transcript turns (`President of Russia Vladimir Putin: ...`, also mid-paragraph or after a heading): a
/// person entity right before a colon, not the object of a verb or preposition (`he told Biden: ...`).
/// Byte position of the colon and that entity, in text order.
fn turns<'e>(doc: &Doc, entities: &'e [Entity]) -> Vec<(usize, &'e Entity)> {
    let ctx = doc.ctx;
    let mut out = Vec::new();
    if entities.is_empty() {
        return out;
    }
    for c in 1..ctx.tokens.len() {
        if doc.t(c) != ":" {
            continue;
        }
        let end = ctx.tokens[c - 1].end;
        let k = entities.partition_point(|e| ctx.byte_of(e.start) < end);
        let Some(e) = entities[..k]
            .iter()
            .rev()
            .take(4)
            .find(|e| e.label == EntityLabel::Person && ctx.byte_of(e.end) == end)
        else {
            continue;
        };
        let first = doc.tok_from(ctx.byte_of(e.start));
        // A verb, a preposition or a conjunction before the name makes it an object (`he told Biden:`, `wrote
        // to Biden:`); a title (`newspaper correspondent Andrei Kolesnikov:`) does not.
        let object = first > 0 && {
            let w = doc.t(first - 1);
            w.chars().next().is_some_and(char::is_lowercase)
                && (super::lexicon::PREPOSITIONS.contains(w)
                    || super::lexicon::is_cue_form(w)
                    || w.ends_with("ed")
                    || matches!(w, "and" | "or" | "but" | "than" | "as" | "like"))
        };
        if !object {
            out.push((ctx.tokens[c].start, e));
        }
    }
    out
}

/// Whether the attribution says the speaker did not say it: a cue of refusal (`declined to comment`, `refused to
/// confirm`), or a negation between the speaker and the cue (`did not say`, `has never explained`, `won't tell`).
fn negated(doc: &Doc, cue: &Range<usize>, lemma: &str, speaker: Option<&Range<usize>>) -> bool {
    if matches!(lemma, "decline" | "refuse") {
        return true;
    }
    // The verb inside a refusal: `declined to say whether ...` (the cue model may read `say` as a cue too).
    if cue.start >= 2 && doc.t(cue.start - 1) == "to" {
        let before = doc.t(cue.start - 2);
        if ["declin", "refus", "Declin", "Refus"]
            .iter()
            .any(|p| before.starts_with(p))
        {
            return true;
        }
    }
    // The auxiliary and its negation sit right before the cue: look back a few words, not past the speaker,
    // punctuation or a quotation mark.
    let stop = speaker.filter(|s| s.end <= cue.start).map_or(0, |s| s.end);
    let from = cue.start.saturating_sub(4).max(stop);
    (from..cue.start)
        .rev()
        .map(|j| doc.t(j))
        .take_while(|w| w.chars().any(char::is_alphanumeric) || matches!(*w, "n't" | "n’t"))
        .any(|w| {
            matches!(w, "n't" | "n’t" | "cannot" | "never" | "Never")
                || w.eq_ignore_ascii_case("not")
        })
}

/// Of `entities` (in text order; `longest` is the length of the longest) those that overlap the code-point range
/// `span` and pass `keep`: the person, else the last (the head of `Kremlin spokesman Dmitry Peskov`). Walked from
/// the last one back, at most [`LOOKBACK`], the first person met or else the first entity met; the walk stops where
/// no entity can reach the span any more (one that starts `longest` before it ends before it): most mentions
/// overlap one entity or none.
fn overlapping(
    entities: &[Entity],
    longest: usize,
    span: Range<usize>,
    keep: impl Fn(&Entity) -> bool,
) -> Option<&Entity> {
    let mut first = None;
    for e in entities.iter().rev().take(LOOKBACK) {
        if e.start.saturating_add(longest) <= span.start {
            break;
        }
        if e.start < span.end && span.start < e.end && keep(e) {
            if e.label == EntityLabel::Person {
                return Some(e);
            }
            first = first.or(Some(e));
        }
    }
    first
}

/// The code-point end of the head of mention `m` when an appositive after a comma or a parenthesis describes it
/// (`Newt Gingrich, a Trump ally`, `The Forward, an influential newspaper`, `Tanden, head of the Center for
/// American Progress`): it opens with a determiner or a lower-case word. `None` without one, or when the
/// appositive is a name (`its Foreign Minister, Sergei Lavrov`, `Portland, Ore., Mayor Charlie Hales`).
fn described_head_end(doc: &Doc, m: &Range<usize>) -> Option<usize> {
    let c = (m.start + 1..m.end).find(|&i| matches!(doc.t(i), "," | "("))?;
    let next = doc.t(c + 1);
    let described = c + 1 < m.end
        && (super::lexicon::DETERMINERS.contains(next)
            || next.chars().next().is_some_and(char::is_lowercase));
    described.then(|| doc.ctx.char_of(doc.ctx.tokens[c].start))
}

/// Names the speaker by entity `e`: its cluster's canonical name, title and affiliation (the mention's own where
/// the cluster has none).
fn name_by_entity(out: &mut Speaker, e: &Entity, clusters: &[EntityCluster]) {
    let c = clusters.get(e.cluster).filter(|c| c.id == e.cluster);
    out.name = Some(c.map_or_else(|| e.canonical.clone(), |c| c.canonical.clone()));
    out.cluster = Some(e.cluster);
    out.title = c.and_then(|c| c.title.clone()).or_else(|| e.title.clone());
    out.affiliation = c
        .and_then(|c| c.affiliation.clone())
        .or_else(|| e.affiliation.clone());
}

/// Whether word `head` is among the few title words right before entity `entities[i]` (`Minister` of
/// Agriculture Dmitry Patrushev): capitalized words and `of`, `the`, `to`, `and`, back to the entity before.
fn head_before(doc: &Doc, entities: &[Entity], i: usize, head: &str) -> bool {
    let ctx = doc.ctx;
    let Some(e) = entities.get(i) else {
        return false;
    };
    let first = doc.tok_from(ctx.byte_of(e.start));
    let floor = i.checked_sub(1).map_or(0, |p| ctx.byte_of(entities[p].end));
    (first.saturating_sub(6)..first)
        .rev()
        .take_while(|&k| {
            let w = doc.t(k);
            ctx.tokens[k].start >= floor
                && doc.w.is_word(k)
                && (super::mention::is_cap(w) || matches!(w, "of" | "the" | "to" | "and"))
        })
        .any(|k| doc.t(k).eq_ignore_ascii_case(head))
}

/// Names the speaker by cluster `c`.
fn name_by_cluster(out: &mut Speaker, c: &EntityCluster) {
    out.name = Some(c.canonical.clone());
    out.cluster = Some(c.id);
    out.title = c.title.clone();
    out.affiliation = c.affiliation.clone();
}

/// The person a title description names: of the holders named before `at` whose title it fits, the one named
/// last among the entities `before` it (within the lookback), else the only one. A person met first whose title
/// was not read but whose name follows the title's head word (`Minister of Agriculture Dmitry Patrushev`) makes it
/// ambiguous: none.
fn title_holder<'c>(
    doc: &Doc,
    d: &TitleWords,
    holders: &[Holder<'c>],
    before: &[Entity],
    at: usize,
) -> Option<&'c EntityCluster> {
    let fit: Vec<&'c EntityCluster> = holders
        .iter()
        .filter(|h| h.first < at && h.fits(d))
        .map(|h| h.cluster)
        .collect();
    if fit.is_empty() {
        return None;
    }
    for (i, e) in before.iter().enumerate().rev().take(LOOKBACK) {
        if let Some(c) = fit.iter().find(|c| c.id == e.cluster) {
            return Some(c);
        }
        if e.label == EntityLabel::Person
            && !holders.iter().any(|h| h.cluster.id == e.cluster)
            && head_before(doc, before, i, &d.head)
        {
            return None;
        }
    }
    match fit.as_slice() {
        [one] => Some(one),
        _ => None,
    }
}

/// The speaker of mention `m`, whose local name is `ln`; a pronoun may continue attribution `prev` (given with
/// the output so far, which holds what it resolved to), and names
/// inside `own` (the quotation's own words) are no candidates. The entities come with the length of the longest.
#[allow(clippy::too_many_arguments)] // the mention, the document's names and entities, and the preceding attribution
fn speaker<'c>(
    doc: &Doc,
    m: &Range<usize>,
    ln: LocalName,
    seen: &[Seen],
    (entities, longest): (&[Entity], usize),
    genders: &Genders<'c>,
    offices: &Offices,
    prev: Option<(&Prev, &[Quote])>,
    own: &[Range<usize>],
    turn: Option<&Entity>,
    by_name: &ByName<'c>,
) -> Speaker {
    let clusters = genders.clusters;
    let ctx = doc.ctx;
    let bytes = doc.bytes(m);
    let s = ctx.span(bytes.clone());
    let mut out = Speaker {
        start: s.start,
        end: s.end,
        text: s.text,
        name: None,
        cluster: None,
        title: None,
        affiliation: None,
    };
    // Compared without lower-casing: no letter but an ASCII one lower-cases to these. The object forms speak
    // after `according to` (`According to him, ...`).
    let w = doc.t(m.start);
    // Only the first letter may be a capital: `US` is the country, not `us`.
    let is_any = |forms: &[&str]| {
        forms.iter().any(|p| {
            w.eq_ignore_ascii_case(p) && w.get(1..).is_some_and(|r| r == p.get(1..).unwrap_or(""))
        })
    };
    let object_pronoun = m.end == m.start + 1 && is_any(&["him", "her", "them", "us"]);
    let pronoun = ln.pronoun || object_pronoun;
    let person_pronoun = pronoun && is_any(&["he", "she", "i", "him", "her"]);
    // A description by office (`The President`) or by another title (`the Minister of Health`), read once.
    let office = (!pronoun).then(|| office_described(doc, m)).flatten();
    let described = (!pronoun).then(|| titled_description(doc, m)).flatten();
    // `I` names no earlier person (in a speech or a release, the last person named is rarely the one speaking):
    // only the speaker of the transcript turn it stands in.
    if m.end == m.start + 1 && w == "I" {
        if let Some(e) = turn {
            name_by_entity(&mut out, e, clusters);
        }
        return out;
    }
    // 1. Entities, when the recognizer ran.
    if !entities.is_empty() {
        // Entities come in text order: only the few before the mention are candidates.
        let upto = entities.partition_point(|e| e.start < out.start);
        let end_at = entities.partition_point(|e| e.start < out.end);
        let hit = if person_pronoun {
            // `she` skips the men named since (and `he` the women): the gender of the person's name or title.
            let said = gender::of_pronoun(doc.t(m.start));
            let cand = entities[..upto].iter().rev().take(LOOKBACK).find(|e| {
                e.label == EntityLabel::Person
                    && e.end <= out.start
                    && !inside(own, ctx, e)
                    && agrees(said, || genders.of_entity(e))
            });
            // A pronoun after an attribution continues its speaker (news convention), unless someone else
            // was named since.
            if let Some((p, quotes)) = prev.filter(|(p, _)| {
                p.continued(
                    said,
                    cand.map(|e| Cand {
                        pos: ctx.byte_of(e.start),
                        cluster: Some(e.cluster),
                        described: p.head.as_deref().is_some_and(|h| {
                            let title = clusters
                                .get(e.cluster)
                                .and_then(|c| c.title.as_deref())
                                .or(e.title.as_deref());
                            title_has(title, h)
                                || entities[..upto]
                                    .iter()
                                    .rev()
                                    .take(LOOKBACK)
                                    .filter(|x| x.cluster == e.cluster)
                                    .any(|x| {
                                        let r = ctx.byte_of(x.start)..ctx.byte_of(x.end);
                                        titled_near(ctx.text, r, h)
                                    })
                        }),
                    }),
                )
            }) {
                p.fill(quotes, &mut out);
                return out;
            }
            cand
        } else if pronoun {
            // `we` and `us` speak for a body of people: a country or an organization by its name, not a
            // product, an event or a region named since (`Sputnik Light`, `Europe`).
            let we = is_any(&["we", "us"]);
            // In a transcript turn, `we` is what its speaker belongs to (`Head of the Federal Customs Service
            // Vladimir Bulavin: ... we have digitised ...`).
            let affiliation = turn.filter(|_| we).and_then(|t| {
                clusters
                    .get(t.cluster)
                    .filter(|c| c.id == t.cluster)
                    .and_then(|c| c.affiliation.clone())
                    .or_else(|| t.affiliation.clone())
            });
            if let Some(a) = affiliation {
                out.cluster = by_name
                    .get_or_init(|| {
                        clusters
                            .iter()
                            .map(|c| (c.canonical.as_str(), c.id))
                            .collect()
                    })
                    .get(a.as_str())
                    .copied();
                out.name = Some(a);
                return out;
            }
            entities[..upto].iter().rev().take(LOOKBACK).find(|e| {
                matches!(e.label, EntityLabel::Org | EntityLabel::Loc)
                    && e.end <= out.start
                    && (!we || speaks_as_we(e, clusters))
            })
        } else {
            overlapping(&entities[..end_at], longest, out.start..out.end, |_| true)
        };
        // `Newt Gingrich, a Trump ally`: a name inside a descriptive appositive is not the speaker; the head's
        // entity is (of several, the person, then the last). A head without one (`His mother, former presenter
        // Theresa Lowe`), or with only a possessor (`Elliott’s father, the Rev. Charles Elliott Jr.`), leaves the
        // name found.
        let hit = match described_head_end(doc, m) {
            Some(head_end) if !pronoun && hit.is_some_and(|e| e.start >= head_end) => {
                let possessor = |e: &Entity| {
                    let after = ctx.text.get(ctx.byte_of(e.end)..).unwrap_or("");
                    ["’s", "'s"]
                        .iter()
                        .any(|p| after.starts_with(p) || e.text.ends_with(p))
                };
                overlapping(&entities[..end_at], longest, out.start..head_end, |e| {
                    !possessor(e)
                })
                .or(hit)
            }
            _ => hit,
        };
        // `Moscow’s chancellor`: a title owned by a place or body is the most recent titled person of that
        // country (or with that title).
        let noun = doc.t(m.end - 1);
        let owned_title = m.end == m.start + 3
            && matches!(doc.t(m.start + 1), "’s" | "'s")
            && super::lexicon::TITLES.contains(noun);
        if let Some(owner) = hit.filter(|e| owned_title && e.label != EntityLabel::Person) {
            let person = entities[..upto].iter().rev().take(LOOKBACK).find(|p| {
                p.label == EntityLabel::Person
                    && p.end <= out.start
                    && p.title.as_deref().is_some_and(|t| {
                        t.to_lowercase().contains(noun)
                            || owner.country.is_some() && p.country == owner.country
                    })
            });
            if let Some(p) = person {
                name_by_entity(&mut out, p, clusters);
                return out;
            }
        }
        // `The President`, `the Ukrainian Head of State`, `The President of Ukraine`: the office's holder named in
        // the document. Of several, the one not of an organization (`President of the European Council`; told by
        // the affiliation's head word), then the most mentioned (a release names visiting presidents too).
        if !pronoun && !hit.is_some_and(|e| e.label == EntityLabel::Person) {
            if let Some((office, qualified)) = office {
                let country = hit
                    .filter(|e| matches!(e.label, EntityLabel::Loc | EntityLabel::Norp))
                    .and_then(|e| e.country.as_deref());
                if !qualified || country.is_some() {
                    let holder = offices
                        .holders
                        .iter()
                        .filter(|h| {
                            let c = h.cluster;
                            h.first < out.start
                                && holds(c, office)
                                && (!qualified || c.country.as_deref() == country)
                        })
                        .max_by_key(|h| {
                            let c = h.cluster;
                            let of_body = c.country.is_none()
                                && c.affiliation.as_deref().is_some_and(|a| {
                                    a.rsplit(' ').next().is_some_and(|w| ORG_WORDS.contains(w))
                                });
                            // A bare office is the host's before a visitor's, however often the
                            // visitor is named.
                            (
                                qualified || !h.guest,
                                !of_body,
                                c.mentions,
                                std::cmp::Reverse(h.first),
                            )
                        });
                    if let Some(c) = holder.map(|h| h.cluster) {
                        name_by_cluster(&mut out, c);
                        return out;
                    }
                }
            }
        }
        // `The Head of the President’s Office`, `the Minister of Health`: a description by another title is the
        // document's person with that title (the speaker of the transcript turn it stands in, else the one named
        // last, when several have it). With no such person it names no one, not the office it belongs to. A
        // `person` read from title words alone (`the Head`) is none.
        let person_hit = hit.is_some_and(|e| {
            e.label == EntityLabel::Person && !e.text.split(' ').all(super::mention::is_title)
        });
        if !person_hit {
            if let Some(d) = described.as_ref().filter(|_| office.is_none()) {
                // A turn's speaker whose title was not read but was named after the title's head word
                // (`Minister of Agriculture Dmitry Patrushev`) may be the one described: no guess then.
                let holders = &offices.holders;
                let in_turn = turn.map(|t| (t, holders.iter().find(|h| h.cluster.id == t.cluster)));
                let holder = match in_turn {
                    Some((_, Some(h))) if h.fits(d) => Some(h.cluster),
                    Some((t, None))
                        if offices.first.get(t.cluster).is_some_and(|&f| {
                            let i = entities.partition_point(|e| e.start < f);
                            head_before(doc, entities, i, &d.head)
                        }) =>
                    {
                        None
                    }
                    _ => title_holder(doc, d, holders, &entities[..upto], out.start),
                };
                if let Some(c) = holder {
                    name_by_cluster(&mut out, c);
                }
                return out;
            }
        }
        // `The Russian government`, `US officials`: a nationality or a country before a collective noun names a
        // body of its own, not the country.
        let head = doc.t(m.end - 1);
        if hit.is_some_and(|e| matches!(e.label, EntityLabel::Norp | EntityLabel::Loc))
            && !pronoun
            && is_collective(head)
            && !titled_head(doc, m)
            && e_inside(hit, &out)
        {
            let mut k = m.start;
            while k + 1 < m.end && super::lexicon::DETERMINERS.contains(doc.t(k)) {
                k += 1;
            }
            let b = doc.ctx.tokens[k].start..bytes.end;
            out.name = doc.ctx.text.get(b).map(str::to_string);
            return out;
        }
        // `The President of Russia`, `the Ukrainian leader`: a person's title owned by a country names no
        // holder found above, and the country is not the speaker.
        if !pronoun
            && hit.is_some_and(|e| matches!(e.label, EntityLabel::Norp | EntityLabel::Loc))
            && titled_head(doc, m)
        {
            return out;
        }
        if let Some(e) = hit {
            name_by_entity(&mut out, e, clusters);
            return out;
        }
    }
    // 2. The local name.
    let before = seen.partition_point(|x| x.pos < bytes.start);
    if person_pronoun {
        let said = gender::of_pronoun(doc.t(m.start));
        let cand = seen[..before].iter().rev().take(LOOKBACK).find(|x| {
            x.name.person
                && !own.iter().any(|r| r.start <= x.pos && x.pos < r.end)
                && agrees(said, || {
                    gender::of_person(x.name.name.unwrap_or_default(), x.name.title)
                })
        });
        if let Some((p, quotes)) = prev.filter(|(p, _)| {
            let c = cand.map(|x| Cand {
                pos: x.pos,
                cluster: None,
                described: p
                    .head
                    .as_deref()
                    .is_some_and(|h| title_has(x.name.title, h)),
            });
            p.continued(said, c)
        }) {
            p.fill(quotes, &mut out);
            return out;
        }
        if let Some(a) = cand {
            fill(&mut out, &a.name);
        }
        return out;
    }
    if pronoun {
        return out;
    }
    // One capitalized word opening its sentence that the recognizer, having run, left alone is a common noun
    // there (`Economists` expected, `Analysts` say), not a name.
    if m.len() == 1
        && !entities.is_empty()
        && doc
            .sentence_of_token(m.start)
            .is_some_and(|si| doc.sent_tokens(si).start == m.start)
    {
        return out;
    }
    // A description by title names no one without the entities that could hold it (not the office in it).
    if described.is_some() {
        return out;
    }
    if ln.name.is_some() {
        // A later mention (`Peskov`) inherits title and affiliation of the fuller one (`Kremlin spokesman
        // Dmitry Peskov`).
        let mut full = ln;
        if let Some(name) = ln.name {
            if let Some(a) = seen[..before]
                .iter()
                .rev()
                .take(LOOKBACK)
                .find(|x| x.name.name.is_some_and(|n| n != name && n.ends_with(name)))
            {
                full.name = a.name.name;
                full.title = full.title.or(a.name.title);
                full.affiliation = full.affiliation.or(a.name.affiliation);
            }
        }
        fill(&mut out, &full);
        return out;
    }
    // A description: `the ministry` -> the last name ending in `Ministry` (not a pronoun ending a name: `Thank
    // You`).
    let head = doc.t(m.end - 1);
    if head.chars().all(char::is_lowercase)
        && head.len() > 2
        && !super::mention::is_subject_pronoun(head)
    {
        if let Some(a) = seen[..before]
            .iter()
            .rev()
            .take(LOOKBACK)
            .find(|x| x.name.name.is_some() && x.last.eq_ignore_ascii_case(head))
        {
            fill(&mut out, &a.name);
        }
    }
    out
}

/// The head word of mention `m`: the word before its first `of` (`the Head of the Office of the President`),
/// else its last word (`The Russian President`).
fn description_head<'a>(doc: &Doc<'a, '_>, m: &Range<usize>) -> &'a str {
    (m.start + 1..m.end)
        .find(|&i| doc.t(i) == "of")
        .map_or(doc.t(m.end - 1), |i| doc.t(i - 1))
}

/// Whether the head of mention `m` is a person's title: the word before its first `of` (`President of
/// Ukraine`, `the Head of the Ukrainian state`), else its last word (`The Russian President`).
fn titled_head(doc: &Doc, m: &Range<usize>) -> bool {
    let head = description_head(doc, m);
    let mut buf = [0u8; 32];
    // `state` heads a body (`the Ukrainian state`), though it also opens titles (`state senator`).
    crate::text::ascii_lower(head, &mut buf)
        .is_some_and(|w| w != "state" && super::lexicon::TITLES.contains(w))
}

/// Whether a pronoun of gender `said` can refer to a person of gender `person` (asked only for gendered
/// pronouns): unknown on either side agrees.
fn agrees(said: Option<Gender>, person: impl FnOnce() -> Option<Gender>) -> bool {
    match said {
        Some(s) => person().map_or(true, |g| g == s),
        None => true,
    }
}

/// The genders of the document's clusters, each worked out once: a pronoun's search asks it of every person
/// it passes over, and most are the same few people.
struct Genders<'c> {
    clusters: &'c [EntityCluster],
    /// Per cluster index: `None` until asked.
    memo: Vec<Cell<Option<Option<Gender>>>>,
}

impl<'c> Genders<'c> {
    fn new(clusters: &'c [EntityCluster]) -> Genders<'c> {
        Genders {
            clusters,
            memo: vec![Cell::new(None); clusters.len()],
        }
    }

    /// The gender of cluster `c` (its fullest name and title).
    fn of_cluster(&self, c: &EntityCluster) -> Option<Gender> {
        let slot = self
            .memo
            .get(c.id)
            .filter(|_| self.clusters.get(c.id).is_some_and(|k| std::ptr::eq(k, c)));
        if let Some(g) = slot.and_then(Cell::get) {
            return g;
        }
        let g = gender::of_person(&c.canonical, c.title.as_deref());
        if let Some(slot) = slot {
            slot.set(Some(g));
        }
        g
    }

    /// The gender that person entity `e`'s cluster (its fullest name and title) points to.
    fn of_entity(&self, e: &Entity) -> Option<Gender> {
        match self.clusters.get(e.cluster).filter(|c| c.id == e.cluster) {
            Some(c) => self.of_cluster(c),
            None => gender::of_person(&e.canonical, e.title.as_deref()),
        }
    }
}

/// How many titled persons a document's office descriptions look among (keeps resolution linear on documents of
/// thousands of names).
const MAX_HOLDERS: usize = 256;

/// The titled persons of the document with the position of their first mention, for office descriptions.
fn office_holders<'c>(
    doc: &Doc,
    entities: &[Entity],
    clusters: &'c [EntityCluster],
    quoted: impl Fn(usize) -> bool,
) -> Offices<'c> {
    let ctx = doc.ctx;
    let mut first = vec![usize::MAX; clusters.len()];
    // Whether the cluster's first mention in the writer's words (not a speaker's: `talks with Vladimir Putin`
    // in a turn) is a counterpart's: the headline or lead frames who visits (`Telephone conversation with
    // President of France Emmanuel Macron`), later sentences name the host after `with` too.
    let mut framed = vec![false; clusters.len()];
    let mut guest = vec![false; clusters.len()];
    for e in entities {
        if let Some(f) = first.get_mut(e.cluster) {
            *f = (*f).min(e.start);
        }
        let Some(c) = clusters.get(e.cluster) else {
            continue;
        };
        if framed[e.cluster] || c.label != EntityLabel::Person || c.title.is_none() {
            continue;
        }
        if !quoted(ctx.byte_of(e.start)) {
            framed[e.cluster] = true;
            guest[e.cluster] = foreign(c) && after_with(doc, e);
        }
    }
    let holders = clusters
        .iter()
        .zip(&first)
        .zip(guest)
        .filter(|((c, &f), _)| {
            c.label == EntityLabel::Person && c.title.is_some() && f != usize::MAX
        })
        .map(|((c, &f), guest)| Holder {
            first: f,
            cluster: c,
            guest,
            title: OnceCell::new(),
        })
        .take(MAX_HOLDERS)
        .collect();
    Offices { holders, first }
}

/// The titled persons of a document, and where each cluster is first mentioned.
struct Offices<'c> {
    holders: Vec<Holder<'c>>,
    /// Code point of each cluster's first mention (`usize::MAX` for none).
    first: Vec<usize>,
}

/// Whether person cluster `c` bears a country's title (`President of France`, `US President`).
fn foreign(c: &EntityCluster) -> bool {
    c.country.is_some()
        || c.affiliation.is_some()
        || c.title.as_deref().is_some_and(|t| {
            t.split(' ').next().is_some_and(|w| {
                super::mention::is_cap(w)
                    && !is_cap_title(w)
                    && !matches!(w, "Head" | "Federal" | "First" | "Deputy" | "Vice")
            })
        })
}

/// A titled person of the document, for office descriptions.
struct Holder<'c> {
    /// Code point of the first mention.
    first: usize,
    cluster: &'c EntityCluster,
    /// Named with a country's title as someone's counterpart (`talks with President of France Emmanuel
    /// Macron`): a release's visitor, whom a bare `the President` means only when no host holds the office.
    guest: bool,
    /// The cluster's title (with its affiliation's words) read for comparison, on the first description that asks
    /// (most documents have none).
    title: OnceCell<Option<TitleWords>>,
}

impl Holder<'_> {
    /// Whether the description `d` fits this holder's title.
    fn fits(&self, d: &TitleWords) -> bool {
        self.title
            .get_or_init(|| {
                let t = self.cluster.title.as_deref()?;
                let mut words = TitleWords::of(t.split(' '))?;
                // `Minister` of `Health`: the office's name may have been read as the affiliation.
                if let Some(a) = self.cluster.affiliation.as_deref() {
                    if let Some(a) = TitleWords::of(a.split(' ')) {
                        words.words.extend(a.words);
                        words.words.sort_unstable();
                        words.words.dedup();
                    }
                }
                Some(words)
            })
            .as_ref()
            .is_some_and(|t| d.fits(t))
    }
}

/// A title in a form to compare (`Head of the President’s Office` and `Head of the Office of the President`
/// alike): its head, the last word before `of`, `to` or `for`, and its words, lower-cased, without function words
/// and possessive endings.
#[derive(Debug, PartialEq)]
struct TitleWords {
    head: String,
    /// Sorted, without repeats.
    words: Vec<String>,
}

impl TitleWords {
    fn of<'w>(words: impl IntoIterator<Item = &'w str>) -> Option<TitleWords> {
        let mut head = None;
        let mut headed = false;
        let mut all = Vec::new();
        for w in words {
            let w = w.trim_end_matches("’s").trim_end_matches("'s");
            let l = w.to_lowercase();
            match l.as_str() {
                "of" | "to" | "for" => headed = true,
                "" | "the" | "and" | "’" | "'" => {}
                _ => {
                    if !headed {
                        head = Some(l.clone());
                    }
                    all.push(l);
                }
            }
        }
        all.sort_unstable();
        all.dedup();
        Some(TitleWords {
            head: head?,
            words: all,
        })
    }

    /// Whether a description with these words names the holder of title `t`: the same head, no word `t` lacks,
    /// and every rank `t` has (`the Head` is not the `Deputy Head`).
    fn fits(&self, t: &TitleWords) -> bool {
        let has = |ws: &[String], w: &String| ws.binary_search(w).is_ok();
        self.head == t.head
            && self.words.iter().all(|w| has(&t.words, w))
            && t.words
                .iter()
                .filter(|w| {
                    matches!(
                        w.as_str(),
                        "deputy"
                            | "vice"
                            | "first"
                            | "acting"
                            | "former"
                            | "assistant"
                            | "interim"
                            | "prime"
                    )
                })
                .all(|w| has(&self.words, w))
    }
}

/// A description of a person by title alone (`The Head of the President’s Office`, `the Minister of Health`,
/// `the Deputy Head`, `the spokesman`): its title words. Definite (a title without `the` opens a name: `Minister
/// of Health Viktor Lyashko`, `King`), headed by a person's title, with only titles and capitalized words before
/// the head and the office's capitalized name after it.
fn titled_description(doc: &Doc, m: &Range<usize>) -> Option<TitleWords> {
    if !doc.t(m.start).eq_ignore_ascii_case("the") {
        return None;
    }
    let mut end = m.start;
    while end < m.end && !matches!(doc.t(end), "," | "(") {
        end += 1;
    }
    let i = m.start + 1;
    let split = (i..end)
        .find(|&k| matches!(doc.t(k), "of" | "to" | "for"))
        .unwrap_or(end);
    if split <= i {
        return None;
    }
    let head = doc.t(split - 1);
    let mut buf = [0u8; 16];
    let lower = crate::text::ascii_lower(head, &mut buf)?;
    // A person's title, not a word that only modifies one (`the Foreign` ministry) or an abbreviation before a
    // name.
    let person_title = super::lexicon::TITLES.contains(lower)
        && !matches!(
            lower,
            "state"
                | "foreign"
                | "defense"
                | "defence"
                | "interior"
                | "finance"
                | "press"
                | "campaign"
                | "former"
                | "senior"
                | "top"
                | "acting"
                | "interim"
                | "emeritus"
                | "presidential"
                | "republican"
                | "democratic"
                | "democrat"
                | "gop"
                | "executive"
                | "vice"
                | "deputy"
                | "prime"
                | "general"
                | "mr"
                | "mrs"
                | "ms"
                | "dr"
                | "prof"
                | "rev"
                | "sen"
                | "rep"
                | "gov"
        )
        && !lower.ends_with('.');
    let cap = super::mention::is_cap;
    if !person_title
        || !(i..split - 1).all(|k| cap(doc.t(k)) || super::mention::is_title(doc.t(k)))
        || !(split..end).all(|k| {
            let w = doc.t(k);
            cap(w) || matches!(w, "of" | "to" | "for" | "the" | "and" | "’s" | "'s")
        })
    {
        return None;
    }
    TitleWords::of((i..end).map(|k| doc.t(k)))
}

/// Whether `with` opens the title words before entity `e` (`a conversation with President of Finland Sauli
/// Niinistö`, `talks with the French President`).
fn after_with(doc: &Doc, e: &Entity) -> bool {
    let ctx = doc.ctx;
    let k = doc.tok_from(ctx.byte_of(e.start));
    // Within the entity's sentence: a headline ending in a name (`... with Trudeau`) opens no title below it.
    let lo = doc
        .sentence_of_token(k)
        .map_or(k, |s| doc.sent_tokens(s).start);
    let mut j = k;
    while j > lo && j + 8 > k {
        let w = doc.t(j - 1);
        if matches!(w, "of" | "the" | "’s" | "'s") || super::mention::is_cap(w) {
            j -= 1;
        } else {
            return w == "with";
        }
    }
    j > lo && doc.t(j - 1) == "with"
}

/// A definite description by office alone (`The President`, `the Ukrainian Head of State`, `The President of
/// Ukraine`, `the Prime Minister`): the office (`president`, `head of state`, `prime minister`), and whether a
/// country qualifies it (a nationality before, `of …` after).
fn office_described(doc: &Doc, m: &Range<usize>) -> Option<(&'static str, bool)> {
    let w = |i: usize| if i < m.end { doc.t(i) } else { "" };
    let is = |i: usize, s: &str| w(i).eq_ignore_ascii_case(s);
    let mut i = m.start;
    if !is(i, "the") {
        return None;
    }
    i += 1;
    let mut qualified = false;
    let office = |i: usize| -> Option<(&'static str, usize)> {
        if is(i, "head") && is(i + 1, "of") && is(i + 2, "state") {
            return Some(("head of state", 3));
        }
        if is(i, "head") && is(i + 1, "of") && is(i + 2, "government") {
            return Some(("head of government", 3));
        }
        if is(i, "prime") && is(i + 1, "minister") {
            return Some(("prime minister", 2));
        }
        if is(i, "federal") && is(i + 1, "chancellor") {
            return Some(("chancellor", 2));
        }
        if is(i, "secretary") && is(i + 1, "general") {
            return Some(("secretary-general", 2));
        }
        let one = [
            "president",
            "premier",
            "chancellor",
            "king",
            "queen",
            "emir",
            "pope",
            "secretary-general",
        ];
        one.iter().find(|o| is(i, o)).map(|o| (*o, 1))
    };
    let (key, n) = match office(i) {
        Some(found) => found,
        // A nationality before the office (`the Ukrainian Head of State`).
        None if super::mention::is_cap(w(i)) => {
            qualified = true;
            office(i + 1)?
        }
        None => return None,
    };
    i += if qualified { n + 1 } else { n };
    if i < m.end {
        // `of Ukraine`, `of the Russian Federation`: the rest names the country.
        if !is(i, "of") || i + 1 >= m.end {
            return None;
        }
        qualified = true;
    }
    Some((key, qualified))
}

/// Whether person cluster `c`'s title is `office` (a head of state is a president or a monarch; a former or vice
/// president holds no office of that name).
fn holds(c: &EntityCluster, office: &str) -> bool {
    let Some(title) = c.title.as_deref() else {
        return false;
    };
    let title = title.to_lowercase();
    if ["vice", "former", "deputy", "ex-", "acting", "elect"]
        .iter()
        .any(|w| title.contains(w))
    {
        return false;
    }
    // The office heads the title: `Head of the Office of the President` holds no presidency.
    let ends = |s: &str| {
        title.ends_with(s)
            && !title[..title.len() - s.len()]
                .trim_end()
                .ends_with(" of the")
            && !title[..title.len() - s.len()].trim_end().ends_with(" of")
    };
    match office {
        "head of state" => [
            "president",
            "king",
            "queen",
            "emir",
            "sultan",
            "head of state",
        ]
        .iter()
        .any(|s| ends(s)),
        "head of government" => ["prime minister", "premier", "chancellor"]
            .iter()
            .any(|s| ends(s)),
        "secretary-general" => ends("secretary-general") || ends("secretary general"),
        _ => ends(office),
    }
}

/// Nouns for a body of people that speaks as one (`the Russian government`, `US officials`, `the Ukrainian
/// state`).
fn is_collective(w: &str) -> bool {
    matches!(
        w,
        "government"
            | "authorities"
            | "administration"
            | "military"
            | "army"
            | "navy"
            | "ministry"
            | "embassy"
            | "officials"
            | "forces"
            | "diplomats"
            | "leadership"
            | "regime"
            | "parliament"
            | "intelligence"
            | "police"
            | "delegation"
            | "side"
            | "state"
    )
}

/// Whether entity `e` lies inside the speaker mention (not a longer entity around it).
fn e_inside(e: Option<&Entity>, s: &Speaker) -> bool {
    e.is_some_and(|e| s.start <= e.start && e.end <= s.end && e.end < s.end)
}

/// Whether entity `e` (code points) lies inside one of the byte ranges `own`.
fn inside(own: &[Range<usize>], ctx: &crate::pipeline::Context, e: &Entity) -> bool {
    !own.is_empty() && {
        let at = ctx.byte_of(e.start);
        own.iter().any(|r| r.start <= at && at < r.end)
    }
}

fn fill(out: &mut Speaker, ln: &LocalName) {
    out.name = ln.name.map(str::to_string);
    out.title = ln.title.map(str::to_string);
    out.affiliation = ln.affiliation.map(str::to_string);
}
