//! Titles and affiliations of persons: premodifiers ("Kremlin spokesman Dmitry Peskov", "Russian President
//! Vladimir Putin") and appositions ("its Foreign Minister, Sergei Lavrov", "Lavrov, Russia's foreign minister",
//! "his Italian counterpart, Luigi di Maio").

use super::{Affil, EntityLabel, Mention};
use crate::pipeline::Context;
use std::hash::BuildHasherDefault;
use std::ops::Range;
use std::sync::LazyLock;

/// Word sets probed for every capitalized word: FNV is cheaper than SipHash, and they are never iterated.
type HashSet<T> = std::collections::HashSet<T, BuildHasherDefault<crate::text::Fnv>>;

/// Words that end a title ("spokesman", "minister").
static HEADS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    [
        "president",
        "vice-president",
        "president-elect",
        "premier",
        "chancellor",
        "minister",
        "secretary",
        "secretary-general",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "ambassador",
        "envoy",
        "governor",
        "mayor",
        "senator",
        "sen.",
        "congressman",
        "congresswoman",
        "rep.",
        "gov.",
        "representative",
        "general",
        "gen.",
        "colonel",
        "col.",
        "lieutenant",
        "lt.",
        "major",
        "maj.",
        "captain",
        "capt.",
        "admiral",
        "adm.",
        "commander",
        "commander-in-chief",
        "chief",
        "head",
        "chairman",
        "chairwoman",
        "chair",
        "director",
        "ceo",
        "leader",
        "king",
        "queen",
        "prince",
        "princess",
        "emperor",
        "pope",
        "patriarch",
        "archbishop",
        "bishop",
        "cardinal",
        "judge",
        "justice",
        "prosecutor",
        "attorney",
        "lawyer",
        "coach",
        "manager",
        "striker",
        "midfielder",
        "defender",
        "goalkeeper",
        "economist",
        "analyst",
        "official",
        "diplomat",
        "negotiator",
        "adviser",
        "advisor",
        "aide",
        "deputy",
        "counterpart",
        "sheikh",
        "ayatollah",
        "officer",
        "executive",
        "founder",
        "spokesmen",
        "editor",
        "correspondent",
        "professor",
        "dr.",
        "sergeant",
        "sgt.",
        "marshal",
        "commissioner",
        "ombudsman",
        "speaker",
        "monarch",
        "dictator",
        "strongman",
        "opposition",
        "activist",
        "presenter",
        "anchor",
        "player",
        "champion",
        "candidate",
        "nominee",
        "mediator",
        "representative",
        "inspector",
        "administrator",
        "vice-chancellor",
        "premier-elect",
    ]
    .into_iter()
    .collect()
});

/// Words that may stand inside a title before its head ("foreign", "deputy", "prime").
static MODIFIERS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    [
        "foreign",
        "defense",
        "defence",
        "interior",
        "finance",
        "prime",
        "deputy",
        "vice",
        "acting",
        "former",
        "first",
        "chief",
        "senior",
        "top",
        "state",
        "security",
        "health",
        "trade",
        "economy",
        "economic",
        "energy",
        "justice",
        "military",
        "press",
        "general",
        "national",
        "assistant",
        "executive",
        "associate",
        "of",
        "ministry",
        "army",
        "navy",
        "air",
        "force",
        "party",
        "government",
        "presidential",
        "kremlin",
        "white",
        "house",
        "department",
        "agriculture",
        "education",
        "culture",
        "labour",
        "labor",
        "transport",
        "home",
        "treasury",
        "attorney",
        "secretary",
        "head",
        "grand",
        "supreme",
        "joint",
        "staff",
        "intelligence",
        "police",
        "fire",
        "emergency",
        "emergencies",
        "sports",
        "environment",
        "development",
        "industry",
        "commerce",
        "communications",
        "digital",
        "science",
        "technology",
        "information",
        "affairs",
        "external",
        "internal",
        "international",
        "european",
        "union",
        "regional",
        "local",
        "city",
        "federal",
        "provincial",
        "then",
        "current",
        "outgoing",
        "incoming",
        "interim",
        "new",
        "veteran",
        "team",
        "club",
        "company",
        "bank",
        "central",
        "managing",
        "operating",
        "financial",
        "and",
        "parliamentary",
        "parliament",
        "senate",
        "opposition",
        "ruling",
        "coalition",
        "rebel",
        "separatist",
        "armed",
        "forces",
        "defense-ministry",
        "us",
        "u.s.",
        "un",
        "u.n.",
        "nato",
        "eu",
    ]
    .into_iter()
    .collect()
});

/// Whether `w` (any case) can end a title.
pub fn is_head(w: &str) -> bool {
    with_lower(w, |l| HEADS.contains(l))
}

/// Calls `f` with `w` in lower case: borrowed when it already is, lower-cased on the stack when it is short ASCII
/// (a capitalized word: asked of most names' neighbours, so no allocation), else by `to_lowercase`.
fn with_lower<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    let b = w.as_bytes();
    if !b.iter().any(|c| !c.is_ascii() || c.is_ascii_uppercase()) {
        return f(w);
    }
    let mut buf = [0u8; 32];
    if let Some(dst) = buf.get_mut(..b.len()).filter(|_| b.is_ascii()) {
        dst.copy_from_slice(b);
        dst.make_ascii_lowercase();
        // ASCII bytes are always UTF-8.
        if let Ok(l) = std::str::from_utf8(dst) {
            return f(l);
        }
    }
    f(&w.to_lowercase())
}

/// Whether `w` (any case) can stand inside a title.
pub fn is_modifier(w: &str) -> bool {
    with_lower(w, |l| MODIFIERS.contains(l) || HEADS.contains(l))
}

/// Possessive determiners that point back to an entity ("its", "his").
pub fn is_possessive(w: &str) -> bool {
    with_lower(w, |l| {
        matches!(l, "its" | "his" | "her" | "their" | "the" | "a" | "an")
    })
}

fn is_genitive(w: &str) -> bool {
    matches!(w, "'s" | "’s" | "'" | "’")
}

/// Fills `title` and `affil` of person mentions from the words around them.
pub(crate) fn attach(ctx: &Context, words: &[&str], mentions: &mut [Mention]) {
    let at = owners(words.len(), mentions);
    for i in 0..mentions.len() {
        if mentions[i].label != EntityLabel::Person {
            continue;
        }
        let sent = ctx.sentences[mentions[i].sent].tokens.clone();
        let m = mentions[i].toks.clone();
        let found = premodifier(words, mentions, &at, &sent, m.start)
            .or_else(|| apposition_after(words, mentions, &at, &sent, m.end))
            .or_else(|| {
                (m.start >= sent.start + 2 && words[m.start - 1] == ",")
                    .then(|| premodifier(words, mentions, &at, &sent, m.start - 1))
                    .flatten()
            });
        if let Some(found) = found {
            let first = &ctx.tokens[found.title.start];
            let last = &ctx.tokens[found.title.end - 1];
            let mut title = ctx.text[first.start..last.end].to_string();
            let head = words[found.title.end - 1].to_lowercase();
            if head.starts_with("counterpart") {
                // "his Italian counterpart": the same office as the person "his" points to.
                if let Some(t) = mentions[..i].iter().rev().find_map(|p| p.title.clone()) {
                    title = t;
                }
            }
            mentions[i].title = Some(title);
            mentions[i].affil = found.affil.or_else(|| {
                found
                    .possessor
                    .and_then(|p| antecedent(ctx, mentions, i, p))
            });
            if mentions[i].affil.is_none() {
                // "Kremlin spokesman" with no other clue: nothing more to say.
            }
        }
    }
}

struct Found {
    title: Range<usize>,
    affil: Option<Affil>,
    /// Token of a possessive ("its") before the title, to resolve to an earlier organization or country.
    possessor: Option<usize>,
}

fn affil_of(mentions: &[Mention], idx: usize) -> Affil {
    match (&mentions[idx].label, &mentions[idx].country) {
        (EntityLabel::Norp | EntityLabel::Loc, Some(c)) => Affil::Country(c.clone()),
        _ => Affil::Mention(idx),
    }
}

/// Which mention covers each token (`usize::MAX` for none); linear in the text.
fn owners(len: usize, mentions: &[Mention]) -> Vec<usize> {
    let mut at = vec![usize::MAX; len];
    for (i, m) in mentions.iter().enumerate() {
        for t in m.toks.clone() {
            if let Some(slot) = at.get_mut(t) {
                *slot = i;
            }
        }
    }
    at
}

/// Words of projects and campaigns that end an organization's name but are no organization heads of the
/// recognizer (`Voter Education Project`): never part of a person's name.
fn is_venture_word(w: &str) -> bool {
    [
        "project",
        "center",
        "centre",
        "foundation",
        "network",
        "campaign",
        "coalition",
        "alliance",
        "initiative",
        "program",
        "programme",
    ]
    .iter()
    .any(|v| w.eq_ignore_ascii_case(v))
}

/// A word that can be part of a person's name: capitalised, letters (with `-` and `'`), and no office, institution
/// or title word.
pub(crate) fn is_name_word(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
        && w.chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        && !super::is_org_head(w)
        && !super::is_institution(w)
        && !is_modifier(w)
}

/// Whether token `of_at` is the `of` after a title (`President of`, `Minister of Foreign Affairs of`).
fn is_title_of(
    words: &[&str],
    mentions: &[Mention],
    at: &[usize],
    sent: &Range<usize>,
    of_at: usize,
) -> bool {
    if of_at < sent.start + 1 || of_at >= sent.end || words[of_at] != "of" {
        return false;
    }
    let before = of_at - 1;
    if at[before] == usize::MAX {
        return is_head(words[before]);
    }
    // `Minister of Foreign Affairs of Ukraine`: an office named after the head.
    let o = &mentions[at[before]];
    let Some(of2) = o.toks.start.checked_sub(1) else {
        return false;
    };
    o.toks.end == of_at
        && of2 > sent.start
        && words[of2] == "of"
        && at[of2 - 1] == usize::MAX
        && is_head(words[of2 - 1])
}

/// `President of Ukraine Volodymyr Zelenskyy`, `Prime Minister of Israel Naftali Bennett`: official style puts
/// the country after the title and before the name. The tagger, trained on `Israeli Prime Minister ...`, reads the
/// country and the name as one organization or misses the name; split them into the place and the person. The same
/// for an office's name (`Minister of Transport Vitaly Savelyev`), split where a first name opens the holder's.
pub(crate) fn split_titled_names(ctx: &Context, words: &[&str], mentions: &mut Vec<Mention>) {
    use super::gazetteer::{FIRST, GAZETTEER, PLACE_CATS};
    let at = owners(words.len(), mentions);
    let mut added = Vec::new();
    for i in 0..mentions.len() {
        let sent = ctx.sentences[mentions[i].sent].tokens.clone();
        let toks = mentions[i].toks.clone();
        let mut of_at = toks.start.saturating_sub(1);
        if of_at > sent.start && words[of_at].eq_ignore_ascii_case("the") {
            of_at -= 1;
        }
        if !matches!(
            mentions[i].label,
            EntityLabel::Loc | EntityLabel::Org | EntityLabel::Misc
        ) || toks.start == sent.start
            || !is_title_of(words, mentions, &at, &sent, of_at)
        {
            continue;
        }
        let is_name = |r: Range<usize>| {
            !r.is_empty()
                && r.len() <= 4
                && words[r.clone()].iter().all(|w| is_name_word(w))
                && !words[r.clone()].iter().any(|w| is_venture_word(w))
                && (r.len() >= 2
                    || GAZETTEER
                        .lookup(&words[r.start..r.start + 1])
                        .is_some_and(|e| e.is_any(1 << FIRST)))
        };
        let is_place = |r: Range<usize>| {
            GAZETTEER
                .lookup(&words[r])
                .is_some_and(|e| e.is_any(PLACE_CATS))
        };
        // `Luxembourg Xavier` + `Bettel`: the rest of the name may be the next mention.
        let si = mentions[i].sent;
        let next_end = mentions
            .get(i + 1)
            .filter(|n| {
                let short_name = n.label == EntityLabel::Person
                    || (n.toks.len() == 1
                        && matches!(n.label, EntityLabel::Loc | EntityLabel::Org)
                        && !is_place(n.toks.clone()));
                n.toks.start == toks.end && short_name && n.sent == si
            })
            .map(|n| n.toks.end);
        // The longest place at the start of the mention with a name after it (`South Carolina` is one place).
        let whole_place = is_place(toks.clone());
        let name_end = next_end.unwrap_or(toks.end);
        let split = (toks.start + 1..toks.end)
            .rev()
            .filter(|_| !whole_place)
            .find(|&j| is_place(toks.start..j) && (is_name(j..toks.end) || is_name(j..name_end)));
        if let Some(j) = split {
            mentions[i].toks.end = j;
            mentions[i].label = EntityLabel::Loc;
            let end = name_end;
            if next_end.is_some() {
                if let Some(n) = mentions.get_mut(i + 1) {
                    n.toks = end..end;
                }
            }
            added.push(Mention {
                toks: j..end,
                label: EntityLabel::Person,
                ..mentions[i].clone()
            });
            continue;
        }
        // `Minister of Transport Vitaly Savelyev`, `Head of the Security Service of Ukraine Ivan Bakanov`: an
        // office's name and its holder's read as one organization; a first name opens the holder's.
        let first_name = |j: usize| {
            super::gender::is_first_name(words[j])
                || GAZETTEER
                    .lookup(&words[j..j + 1])
                    .is_some_and(|e| e.is_any(1 << FIRST))
        };
        let holder = (toks.end.saturating_sub(3).max(toks.start + 1)..toks.end.saturating_sub(1))
            .filter(|_| !whole_place && next_end.is_none())
            .find(|&j| first_name(j) && is_name(j..toks.end));
        if let Some(j) = holder {
            mentions[i].toks.end = j;
            added.push(Mention {
                toks: j..toks.end,
                label: EntityLabel::Person,
                ..mentions[i].clone()
            });
            continue;
        }
        // The name right after the place, which the tagger left out.
        let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
        let mut e = toks.end;
        while e < sent.end && e < toks.end + 4 && at[e] == usize::MAX && capital(words[e]) {
            e += 1;
        }
        let whole = e == sent.end || at[e] != usize::MAX || !capital(words[e]);
        // `Luxembourg` + `Xavier` + `Bettel` (read as a place), `Ukraine` + `Volodymyr` + `Zelenskyy`: a one-word
        // mention right after ends the name.
        let absorbed = (e < sent.end && at[e] != usize::MAX)
            .then(|| &mentions[at[e]])
            .filter(|n| {
                n.toks.start == e
                    && n.toks.len() == 1
                    && capital(words[e])
                    && matches!(
                        n.label,
                        EntityLabel::Loc | EntityLabel::Org | EntityLabel::Person
                    )
                    && !is_place(e..e + 1)
            })
            .map(|n| n.toks.end);
        let end = absorbed.unwrap_or(e);
        if whole && e > toks.end && (is_name(toks.end..e) || is_name(toks.end..end)) && whole_place
        {
            if absorbed.is_some() {
                mentions[at[e]].toks = end..end;
            }
            added.push(Mention {
                toks: toks.end..end,
                label: EntityLabel::Person,
                ..mentions[i].clone()
            });
        }
    }
    mentions.retain(|m| !m.toks.is_empty());
    if !added.is_empty() {
        mentions.extend(added);
        mentions.sort_by_key(|m| m.toks.start);
    }
}

/// The title run ending just before token `end` (exclusive), walking left; `None` unless it ends with a head.
fn premodifier(
    words: &[&str],
    mentions: &[Mention],
    at: &[usize],
    sent: &Range<usize>,
    end: usize,
) -> Option<Found> {
    // `President of Ukraine Volodymyr Zelenskyy`: the title before `of`, the place after it.
    if end > sent.start && at[end - 1] != usize::MAX {
        let mi = at[end - 1];
        let mm = &mentions[mi];
        if mm.toks.end != end
            || !matches!(
                mm.label,
                EntityLabel::Loc | EntityLabel::Org | EntityLabel::Norp
            )
        {
            return None;
        }
        let mut of_at = mm.toks.start.checked_sub(1)?;
        if of_at > sent.start && words[of_at].eq_ignore_ascii_case("the") {
            of_at -= 1;
        }
        if !is_title_of(words, mentions, at, sent, of_at) {
            return None;
        }
        let head_end = if at[of_at - 1] == usize::MAX {
            of_at
        } else {
            mentions[at[of_at - 1]].toks.start - 1
        };
        let mut found = premodifier(words, mentions, at, sent, head_end)?;
        // The office's own name is part of the title (`Minister of Foreign Affairs`).
        found.title.end = of_at;
        found.title.start = office_chain_start(
            words,
            mentions,
            at,
            sent,
            found.title.start,
            found.title.end,
        );
        found.affil = Some(affil_of(mentions, mi));
        found.possessor = None;
        return Some(found);
    }
    if end <= sent.start || !is_head(words[end - 1]) {
        return None;
    }
    let mut k = end - 1;
    let mut org = None;
    while k > sent.start {
        let p = k - 1;
        if at[p] != usize::MAX {
            let mm = &mentions[at[p]];
            // `Volodymyr Zelenskyy and Prime Minister`: no organization across `and`.
            if mm.label == EntityLabel::Org
                && mm.toks.end == p + 1
                && !matches!(words[k], "and" | "&")
            {
                org = Some(at[p]);
                k = mm.toks.start;
                continue;
            }
            break;
        }
        if is_modifier(words[p]) && words[p] != "," {
            k = p;
            continue;
        }
        break;
    }
    while k < end - 1 && with_lower(words[k], |l| matches!(l, "of" | "and" | "the")) {
        k += 1;
    }
    // `Head of the Office of the President Andriy Yermak`: the office the title names is part of it.
    if k >= sent.start + 2 && words[k - 1] == "the" {
        k = office_chain_start(words, mentions, at, sent, k, end);
    }
    let mut found = Found {
        title: k..end,
        affil: org.map(Affil::Mention),
        possessor: None,
    };
    if found.affil.is_none() && k > sent.start {
        let p = k - 1;
        if at[p] != usize::MAX
            && matches!(
                mentions[at[p]].label,
                EntityLabel::Norp | EntityLabel::Loc | EntityLabel::Org
            )
        {
            found.affil = Some(affil_of(mentions, at[p]));
        } else if is_genitive(words[p]) && p > sent.start && at[p - 1] != usize::MAX {
            found.affil = Some(affil_of(mentions, at[p - 1]));
        } else if with_lower(words[p], |l| matches!(l, "its" | "their")) {
            found.possessor = Some(p);
        }
    }
    Some(found)
}

/// `Deputy Head of the Office of the President`: offices within offices. From a title starting at `start`, walks
/// left over `of`, `to the`, `the`, capitalised words and the organizations the tagger found among them, back to the
/// first title head followed by `of` and its modifiers; `start` itself when there is none. `end` ends the title.
fn office_chain_start(
    words: &[&str],
    mentions: &[Mention],
    at: &[usize],
    sent: &Range<usize>,
    start: usize,
    end: usize,
) -> usize {
    let mut k = start;
    let mut first = k;
    // Bounded (an office chain is short), room for `Adviser to the Head of the Office of the President`.
    while k > sent.start && k + 12 > start {
        let w = words[k - 1];
        let capital = w.chars().next().is_some_and(char::is_uppercase);
        if at[k - 1] != usize::MAX {
            // `the Office` read as an organization inside the title, `Head` read as a name.
            let o = &mentions[at[k - 1]];
            let head_word = o.toks.len() == 1 && is_head(w);
            if !head_word && (o.label != EntityLabel::Org || o.toks.end != k) {
                break;
            }
            if !head_word {
                k = o.toks.start;
                continue;
            }
        }
        // `Adviser to the Head of ...`: an office serving another office chains with `to the`.
        let to_the = w == "to" && words.get(k).is_some_and(|n| *n == "the");
        if !(capital || matches!(w, "of" | "the") || to_the) {
            break;
        }
        k -= 1;
        if is_head(w) && words.get(k + 1).is_some_and(|n| matches!(*n, "of" | "to")) {
            first = k;
        }
    }
    while first > sent.start && at[first - 1] == usize::MAX && is_modifier(words[first - 1]) {
        first -= 1;
    }
    while first + 1 < end && matches!(words[first], "of" | "and" | "the" | "The" | "to") {
        first += 1;
    }
    first
}

/// "Lavrov, Russia's foreign minister," / "Peskov, the Kremlin spokesman,".
fn apposition_after(
    words: &[&str],
    mentions: &[Mention],
    at: &[usize],
    sent: &Range<usize>,
    end: usize,
) -> Option<Found> {
    if end + 1 >= sent.end || words[end] != "," {
        return None;
    }
    let mut p = end + 1;
    let mut possessor = None;
    if is_possessive(words[p]) {
        if with_lower(words[p], |l| matches!(l, "its" | "their")) {
            possessor = Some(p);
        }
        p += 1;
    }
    let mut affil = None;
    if p < sent.end && at[p] != usize::MAX {
        let mi = at[p];
        let mm = &mentions[mi];
        if matches!(mm.label, EntityLabel::Norp | EntityLabel::Loc) && mm.toks.start == p {
            let after = mm.toks.end;
            if mm.label == EntityLabel::Norp || (after < sent.end && is_genitive(words[after])) {
                affil = Some(affil_of(mentions, mi));
                p = if mm.label == EntityLabel::Norp {
                    after
                } else {
                    after + 1
                };
            }
        }
    }
    let start = p;
    let mut q = p;
    let mut last_head = None;
    while q < sent.end {
        if at[q] != usize::MAX {
            let mm = &mentions[at[q]];
            if mm.label == EntityLabel::Org && mm.toks.start == q {
                affil = affil.or(Some(Affil::Mention(at[q])));
                q = mm.toks.end;
                continue;
            }
            break;
        }
        if !is_modifier(words[q]) {
            break;
        }
        if is_head(words[q]) {
            last_head = Some(q + 1);
        }
        q += 1;
    }
    let stop = last_head?;
    if stop <= start {
        return None;
    }
    // The title must end the apposition: punctuation, the end of the sentence, or "of"/"at" + an organization.
    let next = words.get(stop).copied().unwrap_or(".");
    if stop < sent.end && !matches!(next, "," | "." | ";" | ")" | ":" | "of" | "at" | "for") {
        return None;
    }
    if affil.is_none()
        && matches!(next, "of" | "at" | "for")
        && stop + 1 < sent.end
        && at[stop + 1] != usize::MAX
    {
        affil = Some(affil_of(mentions, at[stop + 1]));
    }
    let mut title = start..stop;
    while title.len() > 1 && with_lower(words[title.start], |l| matches!(l, "of" | "and")) {
        title.start += 1;
    }
    Some(Found {
        title,
        affil,
        possessor,
    })
}

/// The organization or country a possessive ("its") before token `tok` points to: the subject of the sentence
/// (its first organization or country), else the nearest one in the previous sentence.
fn antecedent(ctx: &Context, mentions: &[Mention], person: usize, tok: usize) -> Option<Affil> {
    let s = mentions[person].sent;
    let _ = ctx;
    let fits = |m: &Mention| {
        m.label == EntityLabel::Org || (m.label == EntityLabel::Loc && m.country.is_some())
    };
    let same = mentions[..person]
        .iter()
        .position(|m| m.sent == s && m.toks.end <= tok && fits(m));
    let prev = || {
        mentions[..person]
            .iter()
            .rposition(|m| m.sent + 1 == s && fits(m))
    };
    same.or_else(prev).map(|i| affil_of(mentions, i))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon() {
        for w in ["spokesman", "President", "Minister", "counterpart"] {
            assert!(is_head(w), "{w}");
        }
        for w in ["Foreign", "Defense", "Ministry", "deputy"] {
            assert!(is_modifier(w), "{w}");
        }
        assert!(!is_head("Peskov"));
        assert!(!is_modifier("said"));
    }
}
