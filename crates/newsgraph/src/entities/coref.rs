//! In-document coreference of names: "Putin" joins "Vladimir Putin", "Mr. Smith" joins "John Smith" (different
//! people with the same surname stay apart: a surname alone goes to the nearest full name), "Defense Ministry"
//! joins "Russian Defense Ministry", and "the ministry" joins it when only one ministry is in the document.

use super::{country_name, mention_lower, Affil, EntityLabel, Mention};
use crate::pipeline::Context;
use std::collections::BTreeSet;
use std::hash::BuildHasherDefault;
use std::ops::Range;

/// Maps keyed by short lower-cased names, probed per mention: FNV is cheaper than SipHash here and they are never
/// iterated, so their order cannot reach the output.
type HashMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<crate::text::Fnv>>;

/// A cluster under construction.
#[derive(Debug, Clone)]
pub(crate) struct Cluster {
    pub label: EntityLabel,
    pub canonical: String,
    pub title: Option<String>,
    pub affiliation: Option<String>,
    pub country: Option<String>,
    /// Mention indices, in document order.
    pub mentions: Vec<usize>,
    /// Lowercased tokens of the canonical name: where they lie in the [`Keys`] of the document.
    key: Range<usize>,
}

/// Head nouns of definite descriptions that can stand for a named organization ("the ministry").
const NOMINAL_HEADS: &[&str] = &[
    "ministry",
    "agency",
    "company",
    "alliance",
    "bank",
    "party",
    "committee",
    "council",
    "commission",
    "army",
    "organization",
    "organisation",
    "union",
    "court",
    "parliament",
    "club",
    "group",
    "bloc",
    "department",
    "firm",
    "government",
];

/// A token as a key compared without case: an ASCII word as it stands in the text (no lower-cased copy), any
/// other word lower-cased. Equal keys are exactly the words whose `to_lowercase()` are equal: a lower-cased word
/// has no ASCII capital left, so ASCII-only case folding on both sides compares them as the lower-cased forms.
#[derive(Debug)]
struct Caseless<'a>(std::borrow::Cow<'a, str>);

impl PartialEq for Caseless<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.0.eq_ignore_ascii_case(&other.0)
    }
}

impl Eq for Caseless<'_> {}

impl std::hash::Hash for Caseless<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        // The ASCII-lower-cased bytes, a few at a time through a small buffer.
        let mut buf = [0u8; 32];
        for chunk in self.0.as_bytes().chunks(buf.len()) {
            let lower = &mut buf[..chunk.len()];
            lower.copy_from_slice(chunk);
            lower.make_ascii_lowercase();
            state.write(lower);
        }
        state.write_u8(0xff);
    }
}

/// Which of [`NOMINAL_HEADS`] `w` is, compared without ASCII case (what lower-casing `w` then comparing gives:
/// the heads are ASCII).
fn nominal_head(w: &str) -> Option<usize> {
    NOMINAL_HEADS
        .iter()
        .position(|h| h.len() == w.len() && h.eq_ignore_ascii_case(w))
}

/// The lower-cased tokens of each mention's name (without a leading `the`), each distinct token as a number:
/// equal numbers are equal tokens, so names compare as short number lists without a string per token. All
/// names in one list: mention `i`'s is `numbers[range(i)]`.
struct Keys {
    numbers: Vec<u32>,
    ends: Vec<usize>,
    /// The numbers of generational suffixes (`Jr.`), which a surname lookup passes over.
    suffixes: Vec<u32>,
}

impl Keys {
    fn new(words: &[&str], mentions: &[Mention]) -> Keys {
        let words_in = mentions.iter().map(|m| m.toks.len()).sum();
        // Sized for every word once: growing re-hashes each key (a string hash) at every doubling.
        let mut index: HashMap<Caseless<'_>, u32> =
            HashMap::with_capacity_and_hasher(words_in, Default::default());
        let mut numbers = Vec::with_capacity(words_in);
        let mut suffixes = Vec::new();
        let mut ends = Vec::with_capacity(mentions.len());
        for m in mentions {
            let mut ws = &words[m.toks.clone()];
            // A leading `the` goes before lower-casing (no non-ASCII letter lower-cases to `t`, `h` or `e`).
            if ws.len() > 1 && ws[0].eq_ignore_ascii_case("the") {
                ws = &ws[1..];
            }
            // `William F. Buckley, Jr.` is the name `William F. Buckley Jr.`.
            for w in ws.iter().filter(|w| **w != ",") {
                let key = if w.is_ascii() {
                    Caseless(std::borrow::Cow::Borrowed(*w))
                } else {
                    Caseless(std::borrow::Cow::Owned(w.to_lowercase()))
                };
                let next = index.len() as u32;
                let n = *index.entry(key).or_insert(next);
                if super::is_generational_suffix(w) && !suffixes.contains(&n) {
                    suffixes.push(n);
                }
                numbers.push(n);
            }
            ends.push(numbers.len());
        }
        Keys {
            numbers,
            ends,
            suffixes,
        }
    }

    /// The surname of a name: its last word that is no generational suffix (`Biden` of `Joseph R. Biden Jr.`).
    fn surname(&self, name: &[u32]) -> Option<u32> {
        name.iter()
            .rev()
            .find(|n| !self.suffixes.contains(n))
            .copied()
    }

    /// Whether a name ends with a generational suffix.
    fn has_suffix(&self, name: &[u32]) -> bool {
        name.last().is_some_and(|n| self.suffixes.contains(n))
    }

    /// Where mention `i`'s name lies in `numbers`.
    fn range(&self, i: usize) -> Range<usize> {
        let start = i.checked_sub(1).map_or(0, |p| self.ends[p]);
        start..self.ends[i]
    }

    /// Mention `i`'s name.
    fn of(&self, i: usize) -> &[u32] {
        &self.numbers[self.range(i)]
    }

    /// The name at `r` (a cluster's key).
    fn at(&self, r: &Range<usize>) -> &[u32] {
        &self.numbers[r.clone()]
    }
}

/// A country that is no first or last name (`Greece`, not `Jordan`): a person whose name ends with it (`Hamad bin
/// Isa Al Khalifa of Bahrain`) does not make every mention of the country that person.
pub(crate) fn is_country_not_name(w: &str) -> bool {
    use super::gazetteer::{COUNTRY, FIRST, GAZETTEER, LAST};
    GAZETTEER
        .lookup(&[w])
        .is_some_and(|e| e.is_any(1 << COUNTRY) && !e.is_any((1 << FIRST) | (1 << LAST)))
}

/// Whether a name of two words or more reads as a person's: it opens with a first name or an honorific
/// (`Mr. Obama`), or the person it names bears a title in the document (`First Lady Olena Zelenska`), and it is no
/// place and ends in no organization's or building's head noun (`Puerto Rico`, `Trump Tower`, `Sandy Hook
/// Elementary School`), so that a tagger's slip elsewhere does not make the place a person.
fn reads_as_personal_name(ws: &[&str], titled: bool) -> bool {
    use super::gazetteer::{FIRST, GAZETTEER, ORG, PLACE_CATS};
    let (Some(first), Some(last)) = (ws.first(), ws.last()) else {
        return false;
    };
    let opens = titled
        || super::is_honorific(first)
        || GAZETTEER
            .lookup(&[first])
            .is_some_and(|e| e.is_any(1 << FIRST));
    // Heads of the names of buildings, schools and firms that the organizations' heads leave out.
    let names_a_thing = |w: &str| {
        [
            "school",
            "foundation",
            "enterprises",
            "games",
            "cinema",
            "studios",
            "tower",
            "tunnel",
        ]
        .iter()
        .any(|h| h.eq_ignore_ascii_case(w))
    };
    opens
        && !super::is_org_head(last)
        && !names_a_thing(last)
        && !GAZETTEER
            .lookup(ws)
            .is_some_and(|e| e.is_any(PLACE_CATS | (1 << ORG)))
}

/// Groups mentions into clusters (setting each mention's `cluster`) and fills the clusters' canonical names,
/// titles, affiliations and countries. May add nominal mentions ("the ministry").
pub(crate) fn cluster(words: &[&str], mentions: &mut [Mention]) -> Vec<Cluster> {
    let mut clusters: Vec<Cluster> = Vec::new();
    let keys = Keys::new(words, mentions);
    // Names already seen, so that repeated mentions find their cluster without scanning all clusters (which would
    // make long documents quadratic).
    let mut exact: HashMap<(EntityLabel, &[u32]), usize> =
        HashMap::with_capacity_and_hasher(mentions.len(), Default::default());
    // Full person names first, so that a lone surname can find its person wherever it stands.
    for (i, m) in mentions.iter_mut().enumerate() {
        let k = keys.of(i);
        if m.label != EntityLabel::Person || k.len() < 2 {
            continue;
        }
        let found = exact.get(&(EntityLabel::Person, k)).copied().or_else(|| {
            clusters.iter().position(|c| {
                let ck = keys.at(&c.key);
                c.label == EntityLabel::Person
                    && (ck == k
                        || (ck.first() == k.first() && ck.last() == k.last())
                        || (k.len() > ck.len() && k.ends_with(ck) && ck.len() >= 2))
            })
        });
        join_or_new(&mut clusters, found, i, keys.range(i), m.label);
        let ci = found.unwrap_or(clusters.len() - 1);
        exact.entry((EntityLabel::Person, k)).or_insert(ci);
        m.cluster = ci;
    }
    // Full-name clusters by surname (sorted, clusters in order within a surname), with the token positions of
    // their mentions (in order): `starts[start_ranges[ci]]`.
    let mut by_surname: Vec<(u32, usize)> = Vec::new();
    let mut starts: Vec<usize> = Vec::new();
    let mut start_ranges: Vec<Range<usize>> = vec![0..0; clusters.len()];
    for (ci, c) in clusters.iter().enumerate() {
        let ck = keys.at(&c.key);
        if c.label == EntityLabel::Person && ck.len() >= 2 {
            if let Some(last) = keys.surname(ck) {
                by_surname.push((last, ci));
            }
            let from = starts.len();
            starts.extend(c.mentions.iter().map(|&m| mentions[m].toks.start));
            starts[from..].sort_unstable();
            start_ranges[ci] = from..starts.len();
        }
    }
    by_surname.sort_unstable();
    // A lone name joins the nearest person (before, else after) whose full name ends with it; other mentions
    // of a person's surname (a headline "PUTIN" tagged as a place) are relabelled.
    for i in 0..mentions.len() {
        if mentions[i].cluster != usize::MAX || keys.of(i).len() != 1 {
            continue;
        }
        let k = keys.of(i)[0];
        let mut best: Option<((bool, usize), usize)> = None; // ((suffixed, distance rank), cluster)
        let start = mentions[i].toks.start;
        let from = by_surname.partition_point(|&(s, _)| s < k);
        let to = from + by_surname[from..].partition_point(|&(s, _)| s == k);
        for &(_, ci) in &by_surname[from..to] {
            // Nearest full-name mention: the last one before, else (ranked after every earlier one) the first after.
            let s = &starts[start_ranges[ci].clone()];
            let pos = s.partition_point(|&x| x < start);
            let dist = if pos > 0 {
                start - s[pos - 1]
            } else if let Some(&after) = s.get(pos) {
                usize::MAX / 2 + (after - start)
            } else {
                usize::MAX
            };
            // `Trump` alone is the father where the document also names `Donald Trump Jr.`: writers name the son
            // with his suffix.
            let rank = (keys.has_suffix(keys.at(&clusters[ci].key)), dist);
            if best.map_or(true, |(r, _)| rank < r) {
                best = Some((rank, ci));
            }
        }
        if let Some((_, ci)) = best {
            let word = words[mentions[i].toks.start];
            if matches!(
                mentions[i].label,
                EntityLabel::Person | EntityLabel::Loc | EntityLabel::Org | EntityLabel::Misc
            ) && word.chars().next().is_some_and(char::is_uppercase)
                && !is_country_not_name(word)
                && !super::is_org_only(&[word])
            {
                mentions[i].label = EntityLabel::Person;
                mentions[i].cluster = ci;
                clusters[ci].mentions.push(i);
            }
        }
    }
    // Full-name persons that a title or an honorific names as such somewhere in the document.
    let titled: Vec<bool> = clusters
        .iter()
        .map(|c| {
            c.mentions.iter().any(|&j| {
                let m = &mentions[j];
                m.title.is_some()
                    || words
                        .get(m.toks.start)
                        .is_some_and(|w| super::is_honorific(w))
            })
        })
        .collect();
    // One-word names the tagger reads as a person at most of their mentions and no full name took: `Trump` alone,
    // where the document never writes the full name, is a person at every mention (`the Trump campaign`), not an
    // organization here and a person there; one name means one thing in a document. A tie or a minority is no
    // evidence (`at Stanford` twice, a person once), nor is a known place that is no known person (`Benghazi`).
    let mut lone: Vec<(u32, bool)> = mentions
        .iter()
        .enumerate()
        .filter(|(i, m)| m.cluster == usize::MAX && m.toks.len() == 1 && keys.of(*i).len() == 1)
        .map(|(i, m)| (keys.of(i)[0], m.label == EntityLabel::Person))
        .collect();
    lone.sort_unstable();
    let mut lone_persons: Vec<u32> = Vec::new();
    for run in lone.chunk_by(|a, b| a.0 == b.0) {
        let persons = run.iter().filter(|x| x.1).count();
        if persons > 0 && persons * 2 > run.len() {
            lone_persons.push(run[0].0);
        }
    }
    // Everything else: same name, or a shorter form of one organization or place ("Defense Ministry").
    for (i, m) in mentions.iter_mut().enumerate() {
        if m.cluster != usize::MAX {
            continue;
        }
        let k = keys.of(i);
        if let [w] = k {
            let word = words.get(m.toks.start).copied().unwrap_or("");
            if matches!(
                m.label,
                EntityLabel::Org | EntityLabel::Loc | EntityLabel::Misc
            ) && m.toks.len() == 1
                && lone_persons.binary_search(w).is_ok()
                && word.chars().next().is_some_and(char::is_uppercase)
                && !is_country_not_name(word)
                && !super::is_org_only(&[word])
                && !super::gazetteer::GAZETTEER
                    .lookup(&[word])
                    .is_some_and(|e| {
                        e.is_any(super::gazetteer::PLACE_CATS)
                            && !e.is_any(1 << super::gazetteer::PERSON)
                    })
            {
                m.label = EntityLabel::Person;
            }
        }
        // A name of two words or more that the document gives a person elsewhere is that person's, whatever the
        // tagger read here (`Olena Zelenska` as an organization at the start of a sentence).
        if k.len() >= 2 {
            if let Some(&ci) = exact
                .get(&(EntityLabel::Person, k))
                .filter(|&&ci| reads_as_personal_name(&words[m.toks.clone()], titled[ci]))
            {
                m.label = EntityLabel::Person;
                join_or_new(
                    &mut clusters,
                    Some(ci),
                    i,
                    keys.range(i),
                    EntityLabel::Person,
                );
                m.cluster = ci;
                continue;
            }
        }
        let label = m.label;
        // No scan of the clusters when the name is not in `exact`: every cluster with this label and key is. The
        // mentions left here are not persons of two words or more (the first pass took those), so the clusters
        // they can match were made in this pass, and a cluster made or joined here keeps the key it is entered
        // under (a join is by equal key, or by a longer key that stays).
        let mut found = exact
            .get(&(label, k))
            .copied()
            .filter(|&c| keys.at(&clusters[c].key) == k);
        debug_assert!(
            found.is_some()
                || !clusters
                    .iter()
                    .any(|c| c.label == label && keys.at(&c.key) == k),
            "a cluster of this name is missing from the index"
        );
        if found.is_none()
            && k.len() >= 2
            && matches!(
                label,
                EntityLabel::Org | EntityLabel::Loc | EntityLabel::Misc
            )
        {
            // The one longer name of this kind ending with it, if there is exactly one.
            let mut longer = (0..clusters.len()).filter(|&c| {
                let ck = keys.at(&clusters[c].key);
                clusters[c].label == label && ck.len() > k.len() && ck.ends_with(k)
            });
            if let (Some(c), None) = (longer.next(), longer.next()) {
                found = Some(c);
            }
        }
        join_or_new(&mut clusters, found, i, keys.range(i), label);
        let ci = found.unwrap_or(clusters.len() - 1);
        if keys.at(&clusters[ci].key) == k {
            exact.insert((label, k), ci);
        }
        m.cluster = ci;
    }
    // Nominal mentions ("the ministry") were added with cluster unset and key of one word: resolve them.
    for c in clusters.iter_mut() {
        c.mentions.sort_unstable();
    }
    finish(words, mentions, &mut clusters);
    // Drop emptied clusters and number the rest in order of first mention.
    let mut order: Vec<usize> = (0..clusters.len())
        .filter(|&c| !clusters[c].mentions.is_empty())
        .collect();
    order.sort_by_key(|&c| clusters[c].mentions[0]);
    let mut remap = vec![usize::MAX; clusters.len()];
    for (new, &old) in order.iter().enumerate() {
        remap[old] = new;
    }
    for m in mentions.iter_mut() {
        m.cluster = remap.get(m.cluster).copied().unwrap_or(usize::MAX);
    }
    let mut taken: Vec<Option<Cluster>> = clusters.into_iter().map(Some).collect();
    order.iter().filter_map(|&c| taken[c].take()).collect()
}

fn join_or_new(
    clusters: &mut Vec<Cluster>,
    found: Option<usize>,
    i: usize,
    key: Range<usize>,
    label: EntityLabel,
) {
    match found {
        Some(c) => {
            clusters[c].mentions.push(i);
            if key.len() > clusters[c].key.len() {
                clusters[c].key = key;
            }
        }
        None => clusters.push(Cluster {
            label,
            canonical: String::new(),
            title: None,
            affiliation: None,
            country: None,
            // Room for three: the smallest block malloc gives holds them, and a second mention then needs
            // no reallocation.
            mentions: {
                let mut m = Vec::with_capacity(3);
                m.push(i);
                m
            },
            key,
        }),
    }
}

/// "the ministry" after exactly one named ministry: an ORG mention of the word `ministry`, in that cluster.
pub(crate) fn add_nominals(ctx: &Context, words: &[&str], mentions: &mut Vec<Mention>) {
    let mut extra = Vec::new();
    let mut covered = vec![false; words.len()];
    for m in mentions.iter() {
        for t in m.toks.clone() {
            if let Some(c) = covered.get_mut(t) {
                *c = true;
            }
        }
    }
    // Organization names by the last word of the name, admitted in text order as the scan passes their end: each
    // "the <head>" then sees the names before it without rescanning every mention (linear in the document).
    // Only names ending with one of the heads can be looked up: the others are left out.
    let mut orgs: Vec<(usize, &str, String)> = mentions
        .iter()
        .filter(|m| m.label == EntityLabel::Org && !m.toks.is_empty())
        .filter_map(|m| {
            let head = NOMINAL_HEADS[nominal_head(words[m.toks.end - 1])?];
            Some((m.toks.end, head, mention_lower(words, m)))
        })
        .collect();
    orgs.sort_by_key(|o| o.0);
    let mut admitted = 0;
    let mut seen: HashMap<&str, BTreeSet<String>> = HashMap::default();
    for (si, s) in ctx.sentences.iter().enumerate() {
        for t in s.tokens.start..s.tokens.end.saturating_sub(1) {
            if !words[t].eq_ignore_ascii_case("the") || covered[t + 1] {
                continue;
            }
            let head = words[t + 1];
            if !NOMINAL_HEADS.contains(&head) {
                continue;
            }
            // Not "the ministry of ..." / "the ministry building".
            if t + 2 < s.tokens.end
                && words[t + 2]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
                && words[t + 2] != "also"
            {
                let next = words[t + 2];
                if !next.chars().all(char::is_lowercase) || next == "of" {
                    continue;
                }
            }
            while admitted < orgs.len() && orgs[admitted].0 <= t {
                let (_, last, name) = &mut orgs[admitted];
                seen.entry(*last).or_default().insert(std::mem::take(name));
                admitted += 1;
            }
            let names: Vec<&String> = seen
                .get(head)
                .map(|set| set.iter().collect())
                .unwrap_or_default();
            // Collapse short forms into the longer names they end ("defense ministry" in "russian defense ministry").
            let distinct: Vec<&&String> = names
                .iter()
                .filter(|n| {
                    !names
                        .iter()
                        .any(|o| o.len() > n.len() && o.ends_with(n.as_str()))
                })
                .collect();
            if distinct.len() == 1 {
                extra.push(Mention {
                    toks: t + 1..t + 2,
                    sent: si,
                    label: EntityLabel::Org,
                    title: None,
                    affil: None,
                    country: None,
                    cluster: usize::MAX,
                });
            }
        }
    }
    if extra.is_empty() {
        return;
    }
    mentions.extend(extra);
    mentions.sort_by_key(|m| m.toks.start);
}

fn finish(words: &[&str], mentions: &mut [Mention], clusters: &mut [Cluster]) {
    // Nominal mentions: attach to the cluster of the nearest earlier organization whose name ends with the noun.
    // The latest multi-word organization by the lower-cased last word of its name: a running index, so that
    // each nominal finds its antecedent without scanning back (linear in the document).
    // (Only heads are looked up: an array by head.)
    let mut latest_org = [None::<usize>; NOMINAL_HEADS.len()];
    let mut touched = Vec::new();
    // Clusters a nominal left: the clustering pass put every `the party` of a document into one cluster of that
    // word, so each nominal leaves on its own and the clusters are cleaned up once at the end (linear).
    let mut left = Vec::new();
    // Clusters with a mention other than a nominal (`the Council` as a name): a nominal with no longer name before
    // it stays in such a cluster.
    let named: Vec<bool> = clusters
        .iter()
        .map(|c| {
            c.mentions.iter().any(|&m| {
                let w = words.get(mentions[m].toks.start).copied().unwrap_or("");
                mentions[m].toks.len() != 1 || !NOMINAL_HEADS.contains(&w)
            })
        })
        .collect();
    for i in 0..mentions.len() {
        let m = &mentions[i];
        if m.label == EntityLabel::Org && m.toks.len() > 1 {
            if let Some(h) = nominal_head(words[m.toks.end - 1]) {
                latest_org[h] = Some(i);
            }
        }
        if m.label != EntityLabel::Org || m.toks.len() != 1 {
            continue;
        }
        let w = words[m.toks.start];
        let Some(h) = NOMINAL_HEADS.iter().position(|&x| x == w) else {
            continue;
        };
        let from = mentions[i].cluster;
        let to = latest_org[h]
            .filter(|&j| j < i)
            .map(|j| mentions[j].cluster)
            .filter(|&to| to < clusters.len());
        if from == usize::MAX
            || from >= clusters.len()
            || Some(from) == to
            || (to.is_none() && named[from])
        {
            continue;
        }
        left.push(from);
        match to {
            Some(to) => {
                clusters[to].mentions.push(i);
                touched.push(to);
                mentions[i].cluster = to;
            }
            // `the party` with no named party before it in the document (its cluster holds only nominals) names
            // nothing an analyst can look up: no entity (a mention without a cluster is not output).
            None => mentions[i].cluster = usize::MAX,
        }
    }
    left.sort_unstable();
    left.dedup();
    for c in left {
        let keep: Vec<usize> = clusters[c]
            .mentions
            .iter()
            .copied()
            .filter(|&m| mentions[m].cluster == c)
            .collect();
        clusters[c].mentions = keep;
    }
    // Sorted once at the end rather than after every join.
    touched.sort_unstable();
    touched.dedup();
    for c in touched {
        clusters[c].mentions.sort_unstable();
    }
    for c in clusters.iter_mut() {
        if let Some(&first) = c.mentions.first() {
            c.label = mentions[first].label;
            // A cluster is a person if any of its mentions is (headline mentions may carry other labels).
            if c.mentions
                .iter()
                .any(|&m| mentions[m].label == EntityLabel::Person)
            {
                c.label = EntityLabel::Person;
            }
        }
        let best = c
            .mentions
            .iter()
            .copied()
            .max_by_key(|&m| (mentions[m].toks.len(), usize::MAX - m));
        if let Some(b) = best {
            let mut toks = &words[mentions[b].toks.clone()];
            if toks.len() > 1 && toks[0].eq_ignore_ascii_case("the") {
                toks = &toks[1..];
            }
            c.canonical = join_tokens(toks);
        }
        c.country = c.mentions.iter().find_map(|&m| mentions[m].country.clone());
        c.title = c.mentions.iter().find_map(|&m| mentions[m].title.clone());
    }
    // Affiliations point at other clusters: resolve after all canonical names are known.
    let resolved: Vec<(Option<String>, Option<String>)> = clusters
        .iter()
        .map(|c| {
            let affil = c.mentions.iter().find_map(|&m| mentions[m].affil.clone());
            match affil {
                Some(Affil::Country(iso)) => (
                    country_name(&iso).map(str::to_string).or(Some(iso.clone())),
                    Some(iso),
                ),
                Some(Affil::Mention(j)) => {
                    let target = mentions.get(j).and_then(|m| clusters.get(m.cluster));
                    (
                        target.map(|t| t.canonical.clone()),
                        target.and_then(|t| t.country.clone()),
                    )
                }
                None => (None, None),
            }
        })
        .collect();
    for (c, (affil, country)) in clusters.iter_mut().zip(resolved) {
        if c.label == EntityLabel::Person {
            c.affiliation = affil;
            if c.country.is_none() {
                c.country = country;
            }
        }
    }
}

/// Joins tokens with single spaces, without a space before closing punctuation or inside hyphenations.
fn join_tokens(toks: &[&str]) -> String {
    let mut s = String::with_capacity(toks.iter().map(|t| t.len() + 1).sum());
    for (i, t) in toks.iter().enumerate() {
        if i > 0 && !matches!(*t, "'s" | "’s" | "." | "," | ")") {
            s.push(' ');
        }
        s.push_str(t);
    }
    s
}
