//! In-document coreference of names: "Putin" joins "Vladimir Putin", "Mr. Smith" joins "John Smith" (different
//! people with the same surname stay apart: a surname alone goes to the nearest full name), "Defense Ministry"
//! joins "Russian Defense Ministry", and "the ministry" joins it when only one ministry is in the document.

use super::{country_name, mention_lower, Affil, EntityLabel, Mention};
use crate::pipeline::Context;
use std::collections::BTreeSet;
use std::hash::BuildHasherDefault;

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
    /// Lowercased tokens of the canonical name (as the numbers [`name_keys`] gives them).
    key: Vec<u32>,
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

/// The lower-cased tokens of each mention's name (without a leading `the`), each distinct token as a number:
/// equal numbers are equal tokens, so names compare as short number lists without a string per token.
fn name_keys(words: &[&str], mentions: &[Mention]) -> Vec<Vec<u32>> {
    let mut numbers: HashMap<String, u32> = HashMap::default();
    let mut lower = String::new();
    mentions
        .iter()
        .map(|m| {
            let mut ws = &words[m.toks.clone()];
            // A leading `the` goes before lower-casing (no non-ASCII letter lower-cases to `t`, `h` or `e`).
            if ws.len() > 1 && ws[0].eq_ignore_ascii_case("the") {
                ws = &ws[1..];
            }
            ws.iter()
                .map(|w| {
                    lower.clear();
                    if w.is_ascii() {
                        lower.push_str(w);
                        lower.make_ascii_lowercase();
                    } else {
                        lower.push_str(&w.to_lowercase());
                    }
                    let next = numbers.len() as u32;
                    match numbers.get(lower.as_str()) {
                        Some(&n) => n,
                        None => {
                            numbers.insert(lower.clone(), next);
                            next
                        }
                    }
                })
                .collect()
        })
        .collect()
}

/// Groups mentions into clusters (setting each mention's `cluster`) and fills the clusters' canonical names,
/// titles, affiliations and countries. May add nominal mentions ("the ministry").
pub(crate) fn cluster(words: &[&str], mentions: &mut [Mention]) -> Vec<Cluster> {
    let mut clusters: Vec<Cluster> = Vec::new();
    let keys = name_keys(words, mentions);
    // Names already seen, so that repeated mentions find their cluster without scanning all clusters (which would
    // make long documents quadratic).
    let mut exact: HashMap<(EntityLabel, &[u32]), usize> = HashMap::default();
    // Full person names first, so that a lone surname can find its person wherever it stands.
    for i in 0..mentions.len() {
        if mentions[i].label != EntityLabel::Person || keys[i].len() < 2 {
            continue;
        }
        let k = &keys[i];
        let found = exact
            .get(&(EntityLabel::Person, k.as_slice()))
            .copied()
            .or_else(|| {
                clusters.iter().position(|c| {
                    c.label == EntityLabel::Person
                        && (c.key == *k
                            || (c.key.first() == k.first() && c.key.last() == k.last())
                            || (k.len() > c.key.len() && k.ends_with(&c.key) && c.key.len() >= 2))
                })
            });
        join_or_new(&mut clusters, found, i, k, mentions[i].label);
        let ci = found.unwrap_or(clusters.len() - 1);
        exact
            .entry((EntityLabel::Person, k.as_slice()))
            .or_insert(ci);
        mentions[i].cluster = ci;
    }
    // Full-name clusters by surname, with the token positions of their mentions (in order).
    let mut by_surname: HashMap<u32, Vec<usize>> = HashMap::default();
    let mut starts: Vec<Vec<usize>> = vec![Vec::new(); clusters.len()];
    for (ci, c) in clusters.iter().enumerate() {
        if c.label == EntityLabel::Person && c.key.len() >= 2 {
            if let Some(last) = c.key.last() {
                by_surname.entry(*last).or_default().push(ci);
            }
            starts[ci] = c.mentions.iter().map(|&m| mentions[m].toks.start).collect();
            starts[ci].sort_unstable();
        }
    }
    // A lone name joins the nearest person (before, else after) whose full name ends with it; other mentions
    // of a person's surname (a headline "PUTIN" tagged as a place) are relabelled.
    for i in 0..mentions.len() {
        if mentions[i].cluster != usize::MAX || keys[i].len() != 1 {
            continue;
        }
        let k = &keys[i][0];
        let mut best: Option<(usize, usize)> = None; // (distance rank, cluster)
        let start = mentions[i].toks.start;
        for &ci in by_surname.get(k).map_or(&[][..], Vec::as_slice) {
            // Nearest full-name mention: the last one before, else (ranked after every earlier one) the first after.
            let s = &starts[ci];
            let pos = s.partition_point(|&x| x < start);
            let dist = if pos > 0 {
                start - s[pos - 1]
            } else if let Some(&after) = s.get(pos) {
                usize::MAX / 2 + (after - start)
            } else {
                usize::MAX
            };
            if best.map_or(true, |(d, _)| dist < d) {
                best = Some((dist, ci));
            }
        }
        if let Some((_, ci)) = best {
            if matches!(
                mentions[i].label,
                EntityLabel::Person | EntityLabel::Loc | EntityLabel::Org | EntityLabel::Misc
            ) && words[mentions[i].toks.start]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
            {
                mentions[i].label = EntityLabel::Person;
                mentions[i].cluster = ci;
                clusters[ci].mentions.push(i);
            }
        }
    }
    // Everything else: same name, or a shorter form of one organization or place ("Defense Ministry").
    for i in 0..mentions.len() {
        if mentions[i].cluster != usize::MAX {
            continue;
        }
        let k = &keys[i];
        let label = mentions[i].label;
        let mut found = exact
            .get(&(label, k.as_slice()))
            .copied()
            .filter(|&c| clusters[c].key == *k)
            .or_else(|| {
                clusters
                    .iter()
                    .position(|c| c.label == label && c.key == *k)
            });
        if found.is_none()
            && matches!(
                label,
                EntityLabel::Org | EntityLabel::Loc | EntityLabel::Misc
            )
        {
            let longer: Vec<usize> = (0..clusters.len())
                .filter(|&c| {
                    clusters[c].label == label
                        && clusters[c].key.len() > k.len()
                        && clusters[c].key.ends_with(k)
                })
                .collect();
            if longer.len() == 1 && k.len() >= 2 {
                found = Some(longer[0]);
            }
        }
        join_or_new(&mut clusters, found, i, k, mentions[i].label);
        let ci = found.unwrap_or(clusters.len() - 1);
        if clusters[ci].key == *k {
            exact.insert((label, k.as_slice()), ci);
        }
        mentions[i].cluster = ci;
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
    key: &[u32],
    label: EntityLabel,
) {
    match found {
        Some(c) => {
            clusters[c].mentions.push(i);
            if key.len() > clusters[c].key.len() {
                clusters[c].key = key.to_vec();
            }
        }
        None => clusters.push(Cluster {
            label,
            canonical: String::new(),
            title: None,
            affiliation: None,
            country: None,
            mentions: vec![i],
            key: key.to_vec(),
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
    let mut orgs: Vec<(usize, String, String)> = mentions
        .iter()
        .filter(|m| m.label == EntityLabel::Org && !m.toks.is_empty())
        .map(|m| {
            (
                m.toks.end,
                words[m.toks.end - 1].to_ascii_lowercase(),
                mention_lower(words, m),
            )
        })
        .collect();
    orgs.sort_by_key(|o| o.0);
    let mut admitted = 0;
    let mut seen: HashMap<String, BTreeSet<String>> = HashMap::default();
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
                let (_, last, name) = &orgs[admitted];
                seen.entry(last.clone()).or_default().insert(name.clone());
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
    let mut latest_org: HashMap<String, usize> = HashMap::default();
    let mut touched = Vec::new();
    for i in 0..mentions.len() {
        let m = &mentions[i];
        if m.label == EntityLabel::Org && m.toks.len() > 1 {
            latest_org.insert(words[m.toks.end - 1].to_ascii_lowercase(), i);
        }
        if m.label != EntityLabel::Org || m.toks.len() != 1 {
            continue;
        }
        let w = words[m.toks.start];
        if !NOMINAL_HEADS.contains(&w) {
            continue;
        }
        let target = latest_org.get(w).copied().filter(|&j| j < i);
        if let Some(j) = target {
            let (from, to) = (mentions[i].cluster, mentions[j].cluster);
            if from != to
                && from < clusters.len()
                && to < clusters.len()
                && clusters[from].mentions == [i]
            {
                clusters[from].mentions.clear();
                clusters[to].mentions.push(i);
                touched.push(to);
                mentions[i].cluster = to;
            }
        }
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
    let mut s = String::new();
    for (i, t) in toks.iter().enumerate() {
        if i > 0 && !matches!(*t, "'s" | "’s" | "." | "," | ")") {
            s.push(' ');
        }
        s.push_str(t);
    }
    s
}
