//! From found attributions to output: spans in code points, and speakers linked to entities (or, without
//! entities, to a local name; pronouns to the most recent compatible person).

use super::lexicon::ORG_WORDS;
use super::mention::LocalName;
use super::{Cue, Doc, Found, Quote, Speaker};
use crate::entities::gender::{self, Gender};
use crate::entities::{Entity, EntityCluster, EntityLabel};
use std::ops::Range;

/// How many earlier names or entities a pronoun or description looks back over (keeps resolution linear).
const LOOKBACK: usize = 64;

/// A name seen before some point of the text: byte position, local name.
struct Seen<'a> {
    pos: usize,
    name: LocalName<'a>,
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
        if super::lexicon::TITLES.contains(w) || is_cap_title(w) {
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
                    out.push(Seen {
                        pos: doc.ctx.tokens[i].start,
                        name: ln,
                    });
                }
                i = j;
                continue;
            }
        }
        i += 1;
    }
    out
}

fn is_cap_title(w: &str) -> bool {
    matches!(
        w,
        "President"
            | "Minister"
            | "Secretary"
            | "Senator"
            | "Sen."
            | "Rep."
            | "Gov."
            | "Governor"
            | "Chancellor"
            | "Mayor"
            | "Prime"
            | "Spokesman"
            | "Ambassador"
            | "General"
            | "Gen."
    )
}

pub(super) fn output(
    doc: &Doc,
    found: &[Found],
    entities: &[Entity],
    clusters: &[EntityCluster],
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
    let holders = office_holders(entities, clusters);
    let mut seen: Vec<Seen> = Vec::new();
    let mut covered: Vec<Range<usize>> = Vec::new();
    // The local name of each quote's speaker mention, read once for `seen` and for the speaker itself.
    let names: Vec<LocalName> = found
        .iter()
        .map(|f| {
            f.speaker
                .as_ref()
                .map_or_else(LocalName::default, |m| doc.w.local_name(m))
        })
        .collect();
    for (f, &ln) in found.iter().zip(&names) {
        if let Some(m) = &f.speaker {
            if ln.name.is_some() {
                seen.push(Seen {
                    pos: ctx.tokens[m.start].start,
                    name: ln,
                });
                covered.push(doc.bytes(m));
            }
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
    let mut out = Vec::with_capacity(found.len());
    for (f, &ln) in found.iter().zip(&names) {
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
        let speaker = f
            .speaker
            .as_ref()
            .map(|m| speaker(doc, m, ln, &seen, entities, clusters, &holders));
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
            speaker,
            audience,
            parts,
            negated,
        });
    }
    out
}

/// Whether the attribution says the speaker did not say it: a cue of refusal (`declined to comment`, `refused to
/// confirm`), or a negation between the speaker and the cue (`did not say`, `has never explained`, `won't tell`).
fn negated(doc: &Doc, cue: &Range<usize>, lemma: &str, speaker: Option<&Range<usize>>) -> bool {
    if matches!(lemma, "decline" | "refuse") {
        return true;
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

/// The speaker of mention `m`, whose local name is `ln`.
fn speaker(
    doc: &Doc,
    m: &Range<usize>,
    ln: LocalName,
    seen: &[Seen],
    entities: &[Entity],
    clusters: &[EntityCluster],
    holders: &[(usize, &EntityCluster)],
) -> Speaker {
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
    let is_any = |forms: &[&str]| forms.iter().any(|p| w.eq_ignore_ascii_case(p));
    let object_pronoun = m.end == m.start + 1 && is_any(&["him", "her", "them", "us"]);
    let pronoun = ln.pronoun || object_pronoun;
    let person_pronoun = pronoun && is_any(&["he", "she", "i", "him", "her"]);
    // 1. Entities, when the recognizer ran.
    if !entities.is_empty() {
        // Entities come in text order: only the few before the mention are candidates.
        let upto = entities.partition_point(|e| e.start < out.start);
        let end_at = entities.partition_point(|e| e.start < out.end);
        let hit = if person_pronoun {
            // `she` skips the men named since (and `he` the women): the gender of the person's name or title.
            let said = gender::of_pronoun(doc.t(m.start));
            entities[..upto].iter().rev().take(LOOKBACK).find(|e| {
                e.label == EntityLabel::Person
                    && e.end <= out.start
                    && agrees(said, || person_gender(e, clusters))
            })
        } else if pronoun {
            entities[..upto].iter().rev().take(LOOKBACK).find(|e| {
                matches!(e.label, EntityLabel::Org | EntityLabel::Loc) && e.end <= out.start
            })
        } else {
            // The overlapping entity; of several, the person, then the last (the head of `Kremlin spokesman
            // Dmitry Peskov`).
            // Walked from the last one back: the first person met, else the first entity met.
            let mut over = entities[..end_at]
                .iter()
                .rev()
                .take(LOOKBACK)
                .filter(|e| e.start < out.end && out.start < e.end);
            over.clone()
                .find(|e| e.label == EntityLabel::Person)
                .or_else(|| over.next())
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
            if let Some((office, qualified)) = office_described(doc, m) {
                let country = hit
                    .filter(|e| matches!(e.label, EntityLabel::Loc | EntityLabel::Norp))
                    .and_then(|e| e.country.as_deref());
                if !qualified || country.is_some() {
                    let holder = holders
                        .iter()
                        .filter(|(first, c)| {
                            *first < out.start
                                && holds(c, office)
                                && (!qualified || c.country.as_deref() == country)
                        })
                        .max_by_key(|(first, c)| {
                            let of_body = c.country.is_none()
                                && c.affiliation.as_deref().is_some_and(|a| {
                                    a.rsplit(' ').next().is_some_and(|w| ORG_WORDS.contains(w))
                                });
                            (!of_body, c.mentions, std::cmp::Reverse(*first))
                        });
                    if let Some((_, c)) = holder {
                        out.name = Some(c.canonical.clone());
                        out.cluster = Some(c.id);
                        out.title = c.title.clone();
                        out.affiliation = c.affiliation.clone();
                        return out;
                    }
                }
            }
        }
        // `The Russian government`, `US officials`: a nationality or a country before a collective noun names a
        // body of its own, not the country.
        let head = doc.t(m.end - 1);
        if hit.is_some_and(|e| matches!(e.label, EntityLabel::Norp | EntityLabel::Loc))
            && !pronoun
            && is_collective(head)
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
        if let Some(e) = hit {
            name_by_entity(&mut out, e, clusters);
            return out;
        }
    }
    // 2. The local name.
    let before = seen.partition_point(|x| x.pos < bytes.start);
    if person_pronoun {
        let said = gender::of_pronoun(doc.t(m.start));
        if let Some(a) = seen[..before].iter().rev().take(LOOKBACK).find(|x| {
            x.name.person
                && agrees(said, || {
                    gender::of_person(x.name.name.unwrap_or_default(), x.name.title)
                })
        }) {
            fill(&mut out, &a.name);
        }
        return out;
    }
    if pronoun {
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
    // A description: `the ministry` -> the last name ending in `Ministry`.
    let head = doc.t(m.end - 1);
    if head.chars().all(char::is_lowercase) && head.len() > 2 {
        if let Some(a) = seen[..before].iter().rev().take(LOOKBACK).find(|x| {
            x.name.name.is_some_and(|n| {
                n.rsplit(' ')
                    .next()
                    .is_some_and(|last| last.eq_ignore_ascii_case(head))
            })
        }) {
            fill(&mut out, &a.name);
        }
    }
    out
}

/// Whether a pronoun of gender `said` can refer to a person of gender `person` (asked only for gendered
/// pronouns): unknown on either side agrees.
fn agrees(said: Option<Gender>, person: impl FnOnce() -> Option<Gender>) -> bool {
    match said {
        Some(s) => person().map_or(true, |g| g == s),
        None => true,
    }
}

/// The gender that person entity `e`'s cluster (its fullest name and title) points to.
fn person_gender(e: &Entity, clusters: &[EntityCluster]) -> Option<Gender> {
    match clusters.get(e.cluster).filter(|c| c.id == e.cluster) {
        Some(c) => gender::of_person(&c.canonical, c.title.as_deref()),
        None => gender::of_person(&e.canonical, e.title.as_deref()),
    }
}

/// How many titled persons a document's office descriptions look among (keeps resolution linear on documents of
/// thousands of names).
const MAX_HOLDERS: usize = 256;

/// The titled persons of the document with the position of their first mention, for office descriptions.
fn office_holders<'c>(
    entities: &[Entity],
    clusters: &'c [EntityCluster],
) -> Vec<(usize, &'c EntityCluster)> {
    let mut first = vec![usize::MAX; clusters.len()];
    for e in entities {
        if let Some(f) = first.get_mut(e.cluster) {
            *f = (*f).min(e.start);
        }
    }
    clusters
        .iter()
        .zip(first)
        .filter(|(c, f)| c.label == EntityLabel::Person && c.title.is_some() && *f != usize::MAX)
        .map(|(c, f)| (f, c))
        .take(MAX_HOLDERS)
        .collect()
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
    let ends = |s: &str| title.ends_with(s);
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

/// Nouns for a body of people that speaks as one (`the Russian government`, `US officials`).
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
    )
}

/// Whether entity `e` lies inside the speaker mention (not a longer entity around it).
fn e_inside(e: Option<&Entity>, s: &Speaker) -> bool {
    e.is_some_and(|e| s.start <= e.start && e.end <= s.end && e.end < s.end)
}

fn fill(out: &mut Speaker, ln: &LocalName) {
    out.name = ln.name.map(str::to_string);
    out.title = ln.title.map(str::to_string);
    out.affiliation = ln.affiliation.map(str::to_string);
}
