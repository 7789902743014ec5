//! Named entities: people (with title and affiliation), organizations, places, nationalities; linked within the
//! document into clusters.

pub mod features;
pub mod gazetteer;
pub mod tagger;
pub mod train;

pub mod clusters;
pub mod coref;
pub mod gender;
pub mod titles;

use crate::pipeline::Context;
use crate::text::Fnv;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;
use std::ops::Range;
use std::sync::LazyLock;

/// Entity type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EntityLabel {
    /// A person.
    Person,
    /// An organization (government bodies, companies, agencies, alliances).
    Org,
    /// A place (countries, regions, cities, physical features).
    Loc,
    /// Nationalities, religious and political groups (`Russian`, `Western`).
    Norp,
    /// Other names (events, works, products).
    Misc,
}

/// One mention of a named entity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// Surface.
    pub text: String,
    /// Type.
    pub label: EntityLabel,
    /// Full name of the entity this mention refers to (its cluster's canonical name).
    pub canonical: String,
    /// Document-level cluster id (index into `entity_clusters`).
    pub cluster: usize,
    /// For persons: title (`spokesman`, `President`).
    #[serde(default)]
    pub title: Option<String>,
    /// For persons: affiliation (`Kremlin`, `Russia`).
    #[serde(default)]
    pub affiliation: Option<String>,
    /// For places and nationalities (and affiliations that are countries): ISO 3166 alpha-2 code.
    #[serde(default)]
    pub country: Option<String>,
}

/// One real-world entity of the document, with everything known about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityCluster {
    /// Cluster id (its index).
    pub id: usize,
    /// Canonical (fullest) name.
    pub canonical: String,
    /// Type.
    pub label: EntityLabel,
    /// Title, for persons.
    #[serde(default)]
    pub title: Option<String>,
    /// Affiliation, for persons.
    #[serde(default)]
    pub affiliation: Option<String>,
    /// ISO 3166 alpha-2 country code, where one applies.
    #[serde(default)]
    pub country: Option<String>,
    /// Number of mentions.
    pub mentions: usize,
}

/// Loads the embedded model and gazetteers (done by [`crate::PipelineBuilder::build`]).
pub fn preload() {
    LazyLock::force(&tagger::MODEL);
    LazyLock::force(&gazetteer::GAZETTEER);
    LazyLock::force(&clusters::CLUSTERS);
    LazyLock::force(&COUNTRY_NAMES);
    gender::preload();
}

/// Country names by ISO 3166 alpha-2 code, as news writes them (`RU` -> `Russia`).
static COUNTRY_NAMES: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    include_str!("../../data/ner/countries.tsv")
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .collect()
});

/// The country name for an ISO alpha-2 code.
pub fn country_name(iso: &str) -> Option<&'static str> {
    COUNTRY_NAMES.get(iso).copied()
}

/// Seats of power named for their government: they stay organizations, with the country they stand for.
const METONYM_ORGS: &[(&str, &str)] = &[
    ("kremlin", "RU"),
    ("white house", "US"),
    ("pentagon", "US"),
    ("state department", "US"),
    ("downing street", "GB"),
    ("elysee", "FR"),
    ("élysée", "FR"),
    ("elysee palace", "FR"),
    ("state duma", "RU"),
    ("duma", "RU"),
    ("knesset", "IL"),
    ("bundestag", "DE"),
    ("zhongnanhai", "CN"),
    ("verkhovna rada", "UA"),
];

/// Whether a word may start a seat of power's name: `the` or the first word of one of [`METONYM_ORGS`] (exact
/// for ASCII words; other words are let through to the full test unless their ASCII first letter starts no name).
fn may_start_metonym(w: &str) -> bool {
    let Some(&first) = w.as_bytes().first() else {
        return false;
    };
    // Most capitalised words start with a letter no seat of power starts with: ruled out by one bit (a word's
    // lower case starts with its ASCII first letter's).
    if first.is_ascii() {
        let first = first.to_ascii_lowercase();
        if !first.is_ascii_lowercase() || METONYM_INITIALS & 1 << (first - b'a') == 0 {
            return false;
        }
    }
    if !w.is_ascii() {
        return true;
    }
    // The list is in lower case: comparing without case is comparing the word's lower case (lengths first).
    METONYM_FIRST_WORDS
        .iter()
        .any(|first| first.eq_ignore_ascii_case(w))
}

/// The first letters of [`METONYM_FIRST_WORDS`] (all lower-case ASCII letters), one bit per letter.
const METONYM_INITIALS: u32 = {
    let mut bits = 0u32;
    let mut i = 0;
    while i < METONYM_FIRST_WORDS.len() {
        bits |= 1 << (METONYM_FIRST_WORDS[i].as_bytes()[0] - b'a');
        i += 1;
    }
    bits
};

/// `the` and the first words of [`METONYM_ORGS`] (a test checks that none is missing): [`may_start_metonym`] is
/// asked about every capitalised word, so it compares whole words instead of splitting the names each time.
const METONYM_FIRST_WORDS: &[&str] = &[
    "the",
    "kremlin",
    "white",
    "pentagon",
    "state",
    "downing",
    "elysee",
    "duma",
    "knesset",
    "bundestag",
    "zhongnanhai",
    "verkhovna",
];

fn metonym_country(lower: &str) -> Option<&'static str> {
    let l = lower.strip_prefix("the ").unwrap_or(lower);
    METONYM_ORGS.iter().find(|(n, _)| *n == l).map(|(_, c)| *c)
}

/// What a person is affiliated with, before clusters exist.
#[derive(Debug, Clone)]
pub(crate) enum Affil {
    /// Another mention (its cluster's canonical name is the affiliation).
    Mention(usize),
    /// A country, by ISO code.
    Country(String),
}

/// A mention under construction: global token range and what is known about it.
#[derive(Debug, Clone)]
pub(crate) struct Mention {
    pub toks: Range<usize>,
    pub sent: usize,
    pub label: EntityLabel,
    pub title: Option<String>,
    pub affil: Option<Affil>,
    pub country: Option<String>,
    pub cluster: usize,
}

fn label_of(ty: u8) -> EntityLabel {
    match ty {
        0 => EntityLabel::Person,
        1 => EntityLabel::Org,
        2 => EntityLabel::Loc,
        _ => EntityLabel::Misc,
    }
}

/// Name particles that join the parts of a person's name (`Luigi di Maio`, `Ursula von der Leyen`).
fn is_particle(w: &str) -> bool {
    matches!(
        w,
        "di" | "de"
            | "da"
            | "van"
            | "von"
            | "der"
            | "den"
            | "del"
            | "della"
            | "bin"
            | "ibn"
            | "al"
            | "la"
            | "le"
            | "du"
            | "dos"
            | "das"
            | "ter"
            | "te"
            | "zu"
            | "el"
    )
}

/// Head nouns that make a name an organization ("Defense Ministry", "Labour Party").
pub(crate) fn is_org_head(w: &str) -> bool {
    // Called for every capitalised word: lower-case into a small buffer instead of a new string. The heads are
    // short ASCII words, so anything longer or not ASCII is no head.
    let mut buf = [0u8; 16];
    let Some(b) = buf.get_mut(..w.len()) else {
        return false;
    };
    if !w.is_ascii() {
        return false;
    }
    b.copy_from_slice(w.as_bytes());
    b.make_ascii_lowercase();
    // Compared as bytes: the word is ASCII, no UTF-8 check needed.
    matches!(
        &*b,
        b"ministry"
            | b"department"
            | b"agency"
            | b"party"
            | b"bank"
            | b"council"
            | b"committee"
            | b"commission"
            | b"army"
            | b"navy"
            | b"union"
            | b"court"
            | b"parliament"
            | b"government"
            | b"office"
            | b"company"
            | b"corporation"
            | b"corp"
            | b"corp."
            | b"inc"
            | b"inc."
            | b"ltd"
            | b"ltd."
            | b"university"
            | b"institute"
            | b"association"
            | b"federation"
            | b"front"
            | b"movement"
            | b"service"
            | b"forces"
            | b"guard"
            | b"fund"
            | b"organization"
            | b"organisation"
            | b"group"
            | b"club"
            | b"agency's"
    )
}

/// Armed groups that news names like a state or a person (`Islamic State`, `al Qaeda`) and that the tagger,
/// trained on 1990s news, reads as a place or a person: organizations, as CoNLL tags `Hamas` and `Hizbollah`.
fn is_armed_group(ws: &[&str]) -> bool {
    // Called for every mention: compared without lower-casing copies.
    let is = |w: &str, list: &[&str]| list.iter().any(|l| w.eq_ignore_ascii_case(l));
    match ws {
        [w] => is(
            w,
            &[
                "isis",
                "isil",
                "daesh",
                "al-qaeda",
                "al-qaida",
                "al-shabaab",
                "qaeda",
                "qaida",
                "hezbollah",
                "hizbollah",
                "hamas",
            ],
        ),
        [a, b] => {
            (is(a, &["islamic"]) && is(b, &["state"]))
                || (is(a, &["al"]) && is(b, &["qaeda", "qaida", "shabaab"]))
                || (is(a, &["boko"]) && is(b, &["haram"]))
        }
        _ => false,
    }
}

/// Head nouns of institutions whose names go on with "of" (`University of Texas`, `School of Music`).
pub(crate) fn is_institution(w: &str) -> bool {
    is_org_head(w)
        && !matches!(
            w,
            "Party" | "Group" | "Front" | "Movement" | "Forces" | "Guard" | "Club"
        )
        || matches!(
            w,
            "School"
                | "Academy"
                | "College"
                | "Conservatory"
                | "Museum"
                | "Society"
                | "Board"
                | "Chamber"
        )
}

/// The label of a one-word name of a kind the tagger confuses by its context: online platforms are companies
/// (`posted on Twitter` is no place); feasts, deities and diseases are no persons, places or organizations
/// (`Christmas`, `God`, `COVID`); and a name that ends in a weekday is a day (`Black Friday`, `Bloody Sunday`),
/// though an actor list names one.
fn label_by_kind(ws: &[&str]) -> Option<EntityLabel> {
    if ws.len() >= 2 && ws.last().is_some_and(|w| crate::text::is_weekday(w)) {
        return Some(EntityLabel::Misc);
    }
    // `COVID-19 pandemic`, `Omicron variant`: a disease's name with common nouns after it.
    if let [first, rest @ ..] = ws {
        if is_disease(first) && rest.iter().all(|w| w.chars().all(char::is_lowercase)) {
            return Some(EntityLabel::Misc);
        }
    }
    let [w] = ws else {
        return None;
    };
    let is = |names: &[&str]| names.iter().any(|n| n.eq_ignore_ascii_case(w));
    if is(&[
        "Twitter",
        "Facebook",
        "Instagram",
        "YouTube",
        "TikTok",
        "Telegram",
        "WhatsApp",
        "LinkedIn",
        "Snapchat",
        "Reddit",
        "VKontakte",
        "Weibo",
        "WeChat",
    ]) {
        Some(EntityLabel::Org)
    } else if is_feast(w) || is_deity(w) {
        Some(EntityLabel::Misc)
    } else {
        None
    }
}

/// Whether a name the tagger read as a nationality-like word, a place or a lone person (`GOP` of `GOP senators`
/// like `Republican`, `Taliban`, `Commonwealth of Independent States`) is one the gazetteer knows as an
/// organization and as nothing else: no place, nationality or person, and no first or last name, so that a person
/// of two words or more keeps the tagger's reading.
fn is_known_org(ws: &[&str], label: EntityLabel) -> bool {
    let read_otherwise = match label {
        EntityLabel::Misc | EntityLabel::Loc => true,
        EntityLabel::Person => ws.len() == 1,
        _ => false,
    };
    read_otherwise && is_org_only(ws)
}

/// Whether the gazetteer knows a name as an organization and as nothing else (no place, nationality, person, first
/// or last name): such a name is no person's surname either (`GOP` after a tagger's `County GOP`).
pub(crate) fn is_org_only(ws: &[&str]) -> bool {
    use gazetteer::{DEMONYM, FIRST, GAZETTEER, LAST, ORG, PERSON, PLACE_CATS};
    GAZETTEER.lookup(ws).is_some_and(|e| {
        e.is_any(1 << ORG)
            && !e.is_any(PLACE_CATS | (1 << DEMONYM) | (1 << FIRST) | (1 << LAST) | (1 << PERSON))
    })
}

/// Whether a name of two words or more is one the gazetteer knows as a first-level region and as nothing else (no
/// country, city, person, first or last name, organization): the tagger reads `Mari El` as a person by its first
/// word, but no person is named like a region of a country.
fn is_region_only(ws: &[&str]) -> bool {
    use gazetteer::{GAZETTEER, REGION};
    ws.len() >= 2 && GAZETTEER.lookup(ws).is_some_and(|e| e.cats == 1 << REGION)
}

/// Whether two words read as a given name and a surname of the East Slavic, Baltic, Caucasian or Polish kind
/// (`Olena Zelenska`, `Kyrylo Tymoshenko`, `Iryna Vereshchuk`), which the tagger, trained on 1990s English news
/// and helped by a census of American first names, often reads as an organization at a sentence's start. The
/// surname ends as such surnames do and is six letters or more (not `Kiev`, `Sarov`); the first word is no
/// title and nothing the gazetteer knows but a first or last name (no place, organization or nationality);
/// neither the pair nor the last word is a known place or organization, and no organization's head word follows
/// (`Taras Shevchenko University` stays an organization).
fn reads_as_slavic_name(ws: &[&str], next: Option<&str>) -> bool {
    use gazetteer::{FIRST, GAZETTEER, LAST};
    let [first, last] = ws else {
        return false;
    };
    let name_like = |w: &str| {
        let mut cs = w.chars();
        cs.next().is_some_and(char::is_uppercase) && cs.all(char::is_lowercase)
    };
    if !name_like(first) || !name_like(last) || last.chars().count() < 6 {
        return false;
    }
    // Only the first letter is a capital (`name_like`), so the ending compares as written.
    let surname = [
        "enko", "chuk", "yuk", "iuk", "skyi", "skyy", "sky", "ska", "ski", "ova", "eva", "ov",
        "ev", "yan", "shvili", "vich", "vych",
    ]
    .iter()
    .any(|e| last.ends_with(e) || last.len() == e.len() && last.eq_ignore_ascii_case(e));
    let only_a_name = |w: &str| {
        GAZETTEER
            .lookup(&[w])
            .map_or(true, |e| !e.is_any(!((1 << FIRST) | (1 << LAST))))
    };
    surname
        && only_a_name(first)
        && GAZETTEER
            .lookup(&[last])
            .map_or(true, |e| !e.is_any(!((1 << FIRST) | (1 << LAST))))
        && GAZETTEER.lookup(ws).is_none()
        && !titles::is_head(first)
        && !titles::is_modifier(first)
        && !is_honorific(first)
        && !is_org_head(first)
        && !is_org_head(last)
        && !is_institution(last)
        && !next.is_some_and(|n| is_org_head(n) || is_institution(n))
}

/// A feast's one-word name (`Christmas`, `Ramadan`): no person, and no place, so not the town of Christmas,
/// Florida either (the places stage takes only the recognizer's locations that the gazetteer lacks alone).
pub(crate) fn is_feast(w: &str) -> bool {
    [
        "Christmas",
        "Easter",
        "Passover",
        "Hanukkah",
        "Ramadan",
        "Thanksgiving",
        "Diwali",
        "Halloween",
        "Pentecost",
        "Epiphany",
        "Lent",
        "Navruz",
        "Nowruz",
    ]
    .iter()
    .any(|n| n.eq_ignore_ascii_case(w))
}

/// The name of a disease, virus or variant (`COVID-19`, `Omicron`, `Ebola`): no organization or place, though the
/// tagger, trained on 1990s news, reads `fought with COVID` or `the Omicron variant` as one; other names (MISC), as
/// `COVID-19` is tagged most of the time. Compared without case: news writes `Covid`, `COVID`.
pub(crate) fn is_disease(w: &str) -> bool {
    [
        "COVID",
        "COVID-19",
        "Covid19",
        "COVID19",
        "coronavirus",
        "SARS-CoV-2",
        "Omicron",
        "Ebola",
        "Zika",
        "HIV",
        "AIDS",
        "MERS",
        "SARS",
        "H1N1",
        "H5N1",
        "monkeypox",
        "mpox",
    ]
    .iter()
    .any(|n| n.eq_ignore_ascii_case(w))
}

/// A section label of a scraped article, in capitals on a line of its own (`ABSTRACT`, `UPDATE`, `EXCLUSIVE`):
/// it labels the text and names nothing, though the tagger reads a capitalised word alone as a name.
fn is_section_label(w: &str) -> bool {
    matches!(
        w,
        "ABSTRACT"
            | "SUMMARY"
            | "UPDATE"
            | "UPDATED"
            | "BREAKING"
            | "EXCLUSIVE"
            | "ANALYSIS"
            | "OPINION"
            | "EDITORIAL"
            | "COMMENTARY"
            | "CORRECTION"
            | "ADVERTISEMENT"
            | "TRANSCRIPT"
    )
}

/// The one-word name of a deity (`God`, `Allah`): a name, but no person of the document for an analyst's list of
/// people (the tagger reads `God bless`, `God's plan` as one), nor a place or organization: other names (MISC),
/// where it stays searchable. CoNLL-2003 tags it PER, but the tagger's score is taken before this rule. `Jesus`
/// and `Christ` are left to the tagger (a person of history, and a word of many names: `Christ Church`).
pub(crate) fn is_deity(w: &str) -> bool {
    matches!(w, "God" | "GOD" | "Allah" | "ALLAH" | "Almighty")
}

/// A generational suffix that ends a person's name (`Jr.`, `Sr.`, `III`): part of the name, no name alone, and
/// passed over when the surname is sought.
pub(crate) fn is_generational_suffix(w: &str) -> bool {
    matches!(w, "Jr." | "Jr" | "Sr." | "Sr" | "II" | "III" | "IV")
}

/// An honorific that stands before a person's name or, alone or before a title, addresses someone.
fn is_honorific(w: &str) -> bool {
    matches!(
        w,
        "Mr" | "Mr." | "Mrs" | "Mrs." | "Ms" | "Ms." | "Madam" | "Madame" | "Mister"
    )
}

/// Whether the words of a mention (followed by `next`) address someone rather than name them: a greeting or
/// vocative word alone (`Good` of `Good afternoon`, `Thank`, `Ladies`, `Colleagues`; not `Friends`, a show's
/// name), or an honorific alone or before title words only (`Mr.`, `Mr President`, `Madam Speaker`).
fn is_form_of_address(ws: &[&str], next: Option<&&str>) -> bool {
    match ws {
        [w] => match *w {
            "Good" => next.is_some_and(|n| {
                matches!(*n, "afternoon" | "morning" | "evening" | "day" | "night")
            }),
            "Thank" | "Thanks" | "Dear" | "Ladies" | "Gentlemen" | "Colleagues" | "Hello"
            | "Congratulations" => true,
            w => is_honorific(w),
        },
        // Titles of those addressed in a meeting, not words that are also surnames (`Mr. King`, `Ms. White`).
        [h, rest @ ..] => {
            is_honorific(h)
                && rest.iter().all(|w| {
                    matches!(
                        *w,
                        "President"
                            | "Vice-President"
                            | "Vice"
                            | "Prime"
                            | "Deputy"
                            | "Minister"
                            | "Chairman"
                            | "Chair"
                            | "Chairwoman"
                            | "Speaker"
                            | "Secretary"
                            | "Secretary-General"
                            | "General"
                            | "Federal"
                            | "Chancellor"
                            | "Ambassador"
                            | "Governor"
                            | "Mayor"
                            | "Director"
                            | "Director-General"
                            | "Commissioner"
                            | "Senator"
                    )
                })
        }
        [] => false,
    }
}

/// A capitalised common word that opens sentences and speakers' turns without naming anything: discourse markers,
/// interjections and replies (`So`, `Well`, `Good`, `Okay`, `Go` of `Go ahead`), and function words (`An`, `From`,
/// `Hence`). Only the capitalised form (first letter upper, the rest lower): `US` and `OK` (Oklahoma) are names.
/// Words that are also common first names (`May`, `Will`) are not listed.
fn is_sentence_opening_word(w: &str) -> bool {
    let mut chars = w.chars();
    if !chars.next().is_some_and(|c| c.is_ascii_uppercase())
        || !chars.all(|c| c.is_ascii_lowercase())
    {
        return false;
    }
    // Lower-cased on the stack: asked of every one-word name.
    let mut buf = [0u8; 16];
    matches!(
        crate::text::ascii_lower(w, &mut buf).unwrap_or(""),
        // Discourse markers, interjections and replies.
        "so" | "well" | "good" | "fine" | "great" | "excellent" | "okay" | "ok" | "yes" | "no" | "right"
            | "sure" | "alright" | "indeed" | "exactly" | "certainly" | "absolutely" | "oh" | "ah" | "hi"
            | "hey" | "wow" | "look" | "listen" | "go" | "please" | "now" | "anyway" | "hence" | "thus"
            | "then" | "also" | "still" | "yet" | "however" | "perhaps" | "maybe"
            // Articles, pronouns, prepositions and conjunctions.
            | "a" | "an" | "the" | "this" | "that" | "these" | "those" | "it" | "i" | "we" | "you" | "he"
            | "she" | "they" | "all" | "to" | "from" | "of" | "in" | "on" | "at" | "by" | "for" | "with"
            | "as" | "and" | "but" | "or" | "if" | "because" | "when" | "while" | "what" | "why" | "how"
            | "where" | "here" | "there"
    )
}

/// A middle initial (`J.`).
fn is_initial(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() == 2 && b[0].is_ascii_uppercase() && b[1] == b'.'
}

/// A double quotation mark token (straight, curly, guillemet, or the `` and '' of older wires).
fn is_quote_mark(w: &str) -> bool {
    matches!(w, "\"" | "“" | "”" | "„" | "«" | "»" | "``" | "''")
}

fn capitalised(w: &str) -> bool {
    match w.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => w.chars().next().is_some_and(char::is_uppercase),
    }
}

/// Finds the entity mentions of an article and links them into clusters.
pub fn recognize(ctx: &Context) -> (Vec<Entity>, Vec<EntityCluster>) {
    let words: Vec<&str> = ctx.tokens.iter().map(|t| t.text(ctx.text)).collect();
    let ranges: Vec<Range<usize>> = ctx.sentences.iter().map(|s| s.tokens.clone()).collect();
    let mut labels = Vec::new();
    tagger::tag_words(&words, &ranges, &mut labels);
    let mut mentions = Vec::new();
    let mut spans = Vec::new();
    for (si, r) in ranges.iter().enumerate() {
        let base = r.start;
        spans.clear();
        tagger::spans_into(labels.get(r.clone()).unwrap_or(&[]), &mut spans);
        for (r, ty) in spans.drain(..) {
            mentions.push(Mention {
                toks: base + r.start..base + r.end,
                sent: si,
                label: label_of(ty),
                title: None,
                affil: None,
                country: None,
                cluster: usize::MAX,
            });
        }
    }
    fix_spans(ctx, &words, &mut mentions);
    titles::split_titled_names(ctx, &words, &mut mentions);
    assign_countries(&words, &mut mentions);
    coref::add_nominals(ctx, &words, &mut mentions);
    titles::attach(ctx, &words, &mut mentions);
    let clusters = coref::cluster(&words, &mut mentions);
    let (mut entities, mut clusters) = output(ctx, mentions, clusters);
    add_credit_agencies(ctx, &mut entities, &mut clusters);
    (entities, clusters)
}

/// The news agencies of the credit line (`*With AFP`), which lies outside the paragraphs: organizations.
fn add_credit_agencies(
    ctx: &Context,
    entities: &mut Vec<Entity>,
    clusters: &mut Vec<EntityCluster>,
) {
    let Some((range, agencies)) = &ctx.credit else {
        return;
    };
    let Some(line) = ctx.text.get(range.clone()) else {
        return;
    };
    for agency in agencies {
        let Some(pos) = line.find(agency.as_str()) else {
            continue;
        };
        let start = range.start + pos;
        let span = ctx.span(start..start + agency.len());
        if entities.iter().any(|e| e.start == span.start) {
            continue;
        }
        let id = match clusters
            .iter()
            .position(|c| c.label == EntityLabel::Org && c.canonical == *agency)
        {
            Some(i) => {
                clusters[i].mentions += 1;
                i
            }
            None => {
                clusters.push(EntityCluster {
                    id: clusters.len(),
                    canonical: agency.clone(),
                    label: EntityLabel::Org,
                    title: None,
                    affiliation: None,
                    country: None,
                    mentions: 1,
                });
                clusters.len() - 1
            }
        };
        entities.push(Entity {
            start: span.start,
            end: span.end,
            text: span.text,
            label: EntityLabel::Org,
            canonical: agency.clone(),
            cluster: id,
            title: None,
            affiliation: None,
            country: None,
        });
    }
    entities.sort_by_key(|e| e.start);
}

/// Repairs the tagger's spans with deterministic rules: name particles, titles inside person spans, seats of
/// power, nationalities.
fn fix_spans(ctx: &Context, words: &[&str], mentions: &mut Vec<Mention>) {
    let sent_end = |m: &Mention| ctx.sentences[m.sent].tokens.end;
    // A name never runs over a quotation mark (`aboard the "Mount Whitney" docked`): of the parts the marks
    // separate, the one with the most capitalised words is the name.
    for m in mentions.iter_mut() {
        let toks = m.toks.clone();
        if !words[toks.clone()].iter().any(|w| is_quote_mark(w)) {
            continue;
        }
        let mut best: Option<(usize, Range<usize>)> = None;
        let mut start = toks.start;
        for t in toks.start..=toks.end {
            if t < toks.end && !is_quote_mark(words[t]) {
                continue;
            }
            let caps = words[start..t].iter().filter(|w| capitalised(w)).count();
            if caps > 0 && best.as_ref().map_or(true, |b| caps > b.0) {
                best = Some((caps, start..t));
            }
            start = t + 1;
        }
        if let Some((_, r)) = best {
            m.toks = r;
        }
    }
    mentions.retain(|m| !words[m.toks.clone()].iter().any(|w| is_quote_mark(w)));
    // Join "Luigi" + "di" + "Maio" (and "Maria de la Cruz"). One pass that folds each joined name into the person
    // before it, with the covered tokens marked once: removing from the middle of the list and asking the whole
    // list whether a word is taken made a document of many such names quadratic.
    let mut covered = covered_tokens(words.len(), mentions);
    let mut kept: Vec<Mention> = Vec::with_capacity(mentions.len());
    let mut rest = std::mem::take(mentions).into_iter().peekable();
    while let Some(mut m) = rest.next() {
        while m.label == EntityLabel::Person {
            let e = m.toks.end;
            if !(e + 1 < sent_end(&m) && is_particle(words[e]) && capitalised(words[e + 1])) {
                break;
            }
            if let Some(n) = rest.next_if(|n| n.toks.start == e + 1) {
                m.toks.end = n.toks.end;
            } else if !covered[e + 1] {
                m.toks.end = e + 2;
                covered[e] = true;
                covered[e + 1] = true;
            } else {
                // The name after the particle is another mention's (one that takes the particle too).
                break;
            }
        }
        kept.push(m);
    }
    *mentions = kept;
    // `Salvador Marlon B. Malbog IV`: the surname after a person's middle initial is the person's, whatever the
    // tagger read it as (not an organization's or a place's head: `John F. Kennedy Airport`).
    // One pass that folds each surname into the person before it (no removal from the middle of the list).
    let mut kept: Vec<Mention> = Vec::with_capacity(mentions.len());
    for n in mentions.drain(..) {
        if let Some(p) = kept.last_mut() {
            let e = p.toks.end;
            let initial = words.get(e).is_some_and(|w| is_initial(w));
            let surname = n.toks.start == e + 1
                && n.toks.len() <= 3
                && n.sent == p.sent
                && words[n.toks.clone()]
                    .iter()
                    .all(|w| capitalised(w) && !is_org_head(w) && !is_institution(w));
            if p.label == EntityLabel::Person && initial && surname {
                p.toks.end = n.toks.end;
                continue;
            }
        }
        kept.push(n);
    }
    *mentions = kept;
    // `Donald J. Trump`: a first name right before a person's middle initial is the name's (the tagger sometimes
    // starts the name at the initial).
    for i in 0..mentions.len() {
        let s = mentions[i].toks.start;
        let sent_start = ctx.sentences[mentions[i].sent].tokens.start;
        if mentions[i].label == EntityLabel::Person
            && s > sent_start
            && is_initial(words[s])
            && capitalised(words[s - 1])
            && gender::is_first_name(words[s - 1])
            && i.checked_sub(1).map_or(true, |j| mentions[j].toks.end < s)
        {
            mentions[i].toks.start = s - 1;
        }
    }
    // No name ends with a comma, a colon or a bracket it does not open that the tagger took in (`Office of the
    // President,`, `Gingrich]`).
    for m in mentions.iter_mut() {
        // Trimming removes no opening bracket: one look at the name tells which closing ones are stray.
        let ws = &words[m.toks.clone()];
        let (parens, brackets) = (ws.contains(&"("), ws.contains(&"["));
        while m.toks.len() > 1 {
            let stray = match words[m.toks.end - 1] {
                "," | ";" | ":" => true,
                ")" => !parens,
                "]" => !brackets,
                _ => false,
            };
            if !stray {
                break;
            }
            m.toks.end -= 1;
        }
    }
    // A generational suffix ends the person's name before it (`Joseph R. Biden Jr.`, `William F. Buckley, Jr.`),
    // whether the tagger left it out or read it as a name of its own; alone it names no one.
    let mut i = 0;
    while i < mentions.len() {
        let m = &mentions[i];
        if m.label == EntityLabel::Person && !m.toks.is_empty() {
            let e = m.toks.end;
            let stop = sent_end(m);
            let suffix_at = if e < stop && is_generational_suffix(words[e]) {
                Some(e)
            } else if e + 1 < stop && words[e] == "," && is_generational_suffix(words[e + 1]) {
                Some(e + 1)
            } else {
                None
            };
            if let Some(s) = suffix_at {
                match mentions.get_mut(i + 1) {
                    Some(n) if n.toks.start <= s && n.toks != (s..s + 1) => {}
                    next => {
                        // The suffix's own mention is emptied, and dropped below with the lone suffixes (no
                        // removal from the middle of the list, which would make many names quadratic).
                        if let Some(n) = next.filter(|n| n.toks == (s..s + 1)) {
                            n.toks = s..s;
                        }
                        mentions[i].toks.end = s + 1;
                    }
                }
            }
        }
        i += 1;
    }
    mentions.retain(|m| {
        !(m.toks.is_empty() || (m.toks.len() == 1 && is_generational_suffix(words[m.toks.start])))
    });
    // Titles the tagger swallowed ("President Putin" as one person): the person span excludes the title.
    for m in mentions.iter_mut() {
        if m.label == EntityLabel::Person && is_org_head(words[m.toks.end - 1]) {
            // "Defense Ministry" read as a person: an organization by its head noun.
            m.label = EntityLabel::Org;
        }
        if m.label == EntityLabel::Person {
            while m.toks.len() > 1 && titles::is_modifier(words[m.toks.start]) {
                m.toks.start += 1;
            }
        }
    }
    // "Head of the Office ...": a title word read as a person at the start of a sentence is the title's head.
    mentions.retain(|m| {
        !(m.label == EntityLabel::Person
            && m.toks.len() == 1
            && titles::is_head(words[m.toks.start])
            && words.get(m.toks.end) == Some(&"of"))
    });
    // Forms of address are no names: `Good afternoon, colleagues`, `Thank you`, `Ladies and gentlemen`, and a
    // title after an honorific (`Mr President`, `Madam Speaker`) in transcripts.
    mentions.retain(|m| !is_form_of_address(&words[m.toks.clone()], words.get(m.toks.end)));
    // Section labels (`ABSTRACT.` before an article's summary) name nothing.
    mentions.retain(|m| !(m.toks.len() == 1 && is_section_label(words[m.toks.start])));
    // A common word that opens a sentence or a speaker's turn is capitalised for that alone (`Vladimir Putin:
    // Good.`, `So, the plan...`, `Go ahead`): no name by itself, unless the document uses it in a longer name
    // (`Al From` makes `From said` his; not a word after a full stop, where the tagger ran over a sentence's end,
    // `Sputnik V. So`). Words of longer names, collected once: a long document stays linear.
    // Most documents have no such word: the set is built only for those that do.
    if mentions
        .iter()
        .any(|m| m.toks.len() == 1 && is_sentence_opening_word(words[m.toks.start]))
    {
        let mut in_longer: HashSet<&str, BuildHasherDefault<Fnv>> = HashSet::default();
        for m in mentions.iter().filter(|m| m.toks.len() >= 2) {
            let ws = &words[m.toks.clone()];
            in_longer.insert(ws[0]);
            for pair in ws.windows(2) {
                if !pair[0].ends_with('.') {
                    in_longer.insert(pair[1]);
                }
            }
        }
        mentions.retain(|m| {
            let t = m.toks.start;
            // Back from the word over opening marks only (so each token is walked over for one mention at most:
            // linear on a sentence of thousands of quote marks).
            let opens = || {
                let start = ctx.sentences[m.sent].tokens.start;
                let mut first = t;
                while first > start
                    && (is_quote_mark(words[first - 1])
                        || matches!(
                            words[first - 1],
                            "(" | "[" | "-" | "--" | "—" | "–" | "*" | "'" | "‘"
                        ))
                {
                    first -= 1;
                }
                first == start || (t > 0 && words[t - 1] == ":")
            };
            !(m.toks.len() == 1
                && is_sentence_opening_word(words[t])
                && !in_longer.contains(words[t])
                && opens())
        });
    }
    // What is left after an honorific is a name, so the mention is a person's (`at Mr. Obama's request` is no
    // place, `Mr Schroeder` no organization).
    for m in mentions.iter_mut() {
        if m.toks.len() >= 2 && is_honorific(words[m.toks.start]) {
            m.label = EntityLabel::Person;
        }
    }
    split_office_from_name(words, mentions);
    for m in mentions.iter_mut() {
        if is_armed_group(&words[m.toks.clone()]) {
            m.label = EntityLabel::Org;
            // "al Qaeda" read as a person "Qaeda".
            let s = m.toks.start;
            if s > 0 && words[s - 1].eq_ignore_ascii_case("al") && m.toks.len() == 1 {
                m.toks.start = s - 1;
            }
        } else if mention_metonym_country(words, m).is_some() {
            m.label = EntityLabel::Org;
        } else if let Some(label) = label_by_kind(&words[m.toks.clone()]) {
            m.label = label;
        } else if is_known_org(&words[m.toks.clone()], m.label) {
            m.label = EntityLabel::Org;
        } else if m.label == EntityLabel::Person && is_region_only(&words[m.toks.clone()]) {
            m.label = EntityLabel::Loc;
        } else if m.label != EntityLabel::Person
            && reads_as_slavic_name(&words[m.toks.clone()], words.get(m.toks.end).copied())
        {
            // A town's name of that shape (`Stanytsia Luhanska`), which the place gazetteer knows (its small places
            // included), is the town.
            m.label = if crate::places::is_place_name(&words[m.toks.clone()]) {
                EntityLabel::Loc
            } else {
                EntityLabel::Person
            };
        } else if matches!(m.label, EntityLabel::Misc | EntityLabel::Loc) {
            if let Some(e) = gazetteer::GAZETTEER.lookup(&words[m.toks.clone()]) {
                if e.cats & (1 << gazetteer::DEMONYM) != 0
                    && e.cats & (1 << gazetteer::COUNTRY) == 0
                {
                    m.label = EntityLabel::Norp;
                }
            }
        }
    }
    // Capitalised names ending in an organization's head noun that the tagger missed ("Defense Ministry").
    let covered = covered_tokens(words.len(), mentions);
    let mut extra = Vec::new();
    for (si, s) in ctx.sentences.iter().enumerate() {
        for t in s.tokens.clone() {
            if covered[t] || !capitalised(words[t]) || !is_org_head(words[t]) {
                continue;
            }
            let mut start = t;
            while start > s.tokens.start
                && !covered[start - 1]
                && capitalised(words[start - 1])
                && !matches!(words[start - 1], "The" | "A" | "An" | "THE")
            {
                start -= 1;
            }
            if t > start {
                extra.push(Mention {
                    toks: start..t + 1,
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
    mentions.extend(extra);
    mentions.sort_by_key(|m| m.toks.start);
    // "Russian" + "Defense Ministry": one organization of that country (folded in one pass, as above).
    let mut kept: Vec<Mention> = Vec::with_capacity(mentions.len());
    for n in mentions.drain(..) {
        if let Some(p) = kept.last_mut() {
            if p.label == EntityLabel::Norp
                && n.label == EntityLabel::Org
                && n.toks.start == p.toks.end
                && n.sent == p.sent
            {
                p.toks.end = n.toks.end;
                p.label = EntityLabel::Org;
                continue;
            }
        }
        kept.push(n);
    }
    *mentions = kept;
    // "School of Music", "Ministry of Defence": an organization whose name ends in its head noun goes on over
    // "of" and the capitalised name after it (which the tagger may have read as a person or place of its own).
    // Folded in one pass, as above.
    let mut kept: Vec<Mention> = Vec::with_capacity(mentions.len());
    let mut rest = std::mem::take(mentions).into_iter().peekable();
    while let Some(mut m) = rest.next() {
        let (e, end) = (m.toks.end, sent_end(&m));
        let extends = m.label == EntityLabel::Org
            && is_institution(words[e - 1])
            && e + 1 < end
            && words[e] == "of"
            && capitalised(words[e + 1]);
        if extends {
            // A one-word "person" after "of" is the name's end (`School of Music`); a longer one is a person.
            let joins = |n: &Mention| {
                n.toks.start == e + 1
                    && n.toks.end <= end
                    && (n.label != EntityLabel::Person || n.toks.len() == 1)
            };
            if let Some(n) = rest.next_if(joins) {
                m.toks.end = n.toks.end;
            } else if !rest.peek().is_some_and(|n| n.toks.start <= e + 1) {
                let mut j = e + 1;
                while j < end
                    && j < e + 5
                    && capitalised(words[j])
                    && words[j].chars().all(char::is_alphabetic)
                {
                    j += 1;
                }
                if rest.peek().map_or(true, |n| n.toks.start >= j) {
                    m.toks.end = j;
                }
            }
        }
        kept.push(m);
    }
    *mentions = kept;
    // Seats of power the tagger missed. The tokens mentions cover, marked once: asking the whole list for each seat
    // made a document of many seats quadratic.
    let covered = covered_tokens(words.len(), mentions);
    let mut extra = Vec::new();
    let mut lower = String::new();
    for (si, s) in ctx.sentences.iter().enumerate() {
        let mut t = s.tokens.start;
        while t < s.tokens.end {
            // Seats of power are capitalised: most tokens are ruled out without building a string.
            if !capitalised(words[t]) || !may_start_metonym(words[t]) {
                t += 1;
                continue;
            }
            lower.clear();
            lower.extend(words[t].chars().flat_map(char::to_lowercase));
            let one = lower.len();
            let two = t + 1 < s.tokens.end && {
                lower.push(' ');
                lower.extend(words[t + 1].chars().flat_map(char::to_lowercase));
                metonym_country(&lower).is_some()
            };
            let (len, hit) = if two {
                (2, true)
            } else {
                (1, metonym_country(&lower[..one]).is_some())
            };
            if hit && !covered[t..(t + len).min(words.len())].contains(&true) {
                extra.push(Mention {
                    toks: t..t + len,
                    sent: si,
                    label: EntityLabel::Org,
                    title: None,
                    affil: None,
                    country: None,
                    cluster: usize::MAX,
                });
            }
            t += len;
        }
    }
    mentions.extend(extra);
    mentions.sort_by_key(|m| m.toks.start);
}

/// Which of a document's `n` tokens some mention covers.
fn covered_tokens(n: usize, mentions: &[Mention]) -> Vec<bool> {
    let mut covered = vec![false; n];
    for m in mentions {
        for c in &mut covered[m.toks.start.min(n)..m.toks.end.min(n)] {
            *c = true;
        }
    }
    covered
}

/// "Head of the President's Office Andriy Yermak", "Federation Council Speaker Valentina Matviyenko", "US President
/// Joseph Biden": the tagger joins an office, or a title, and the name of its holder into one organization. When a
/// run of two to four capitalised words ends the mention right after an office's head noun or a title, and it
/// starts with a known first name (or is a person elsewhere in the document), the run becomes a person, the title
/// words go back to the text (the title pass reads them), and what precedes stays an organization, or a place.
fn split_office_from_name(words: &[&str], mentions: &mut Vec<Mention>) {
    use gazetteer::{DEMONYM, FIRST, GAZETTEER, PLACE_CATS};
    // Names the tagger found as persons elsewhere in the document count as names too. A set (of the names as
    // found before any split): a document of many offices and many persons stays linear. Only probed, never
    // iterated: FNV and room for all up front cost far less than SipHash and rehashing as it grows.
    let mut persons: HashSet<&[&str], BuildHasherDefault<Fnv>> =
        HashSet::with_capacity_and_hasher(mentions.len(), BuildHasherDefault::default());
    persons.extend(
        mentions
            .iter()
            .filter(|m| m.label == EntityLabel::Person)
            .map(|m| &words[m.toks.clone()]),
    );
    let mut added = Vec::new();
    for m in mentions.iter_mut() {
        if !matches!(
            m.label,
            EntityLabel::Org | EntityLabel::Misc | EntityLabel::Loc
        ) || m.toks.len() < 3
        {
            continue;
        }
        let toks = m.toks.clone();
        // A mention running over a list (`Advisor Jacob Sullivan and ... General Mark Milley`) is too tangled to
        // split into one office and one name.
        let ws = &words[toks.clone()];
        let list = ws.iter().any(|w| matches!(*w, "," | ";"))
            || (ws.contains(&"and") && ws.iter().filter(|w| titles::is_head(w)).count() > 1);
        if list {
            continue;
        }
        // The split point `j`: the name runs from it to `k`. The last capitalised word, found once: a long mention
        // with many office words stays linear.
        let last_cap = (toks.start..toks.end)
            .rev()
            .find(|&i| capitalised(words[i]));
        let split = (toks.start + 1..toks.end - 1).find_map(|j| {
            let prev = words[j - 1];
            let office = is_org_head(prev) || is_institution(prev);
            if !(office || titles::is_head(prev)) {
                return None;
            }
            // The name (two to four words, so five are enough to look at), then only lower-case words the tagger
            // ran on with (`... and others`), dropped.
            let lim = toks.end.min(j + 5);
            let k = (j..lim)
                .find(|&k| !titles::is_name_word(words[k]))
                .unwrap_or(lim);
            if !(2..=4).contains(&(k - j)) || last_cap.is_some_and(|c| c >= k) {
                return None;
            }
            let first_name = GAZETTEER
                .lookup(&words[j..j + 1])
                .is_some_and(|e| e.is_any(1 << FIRST));
            if !(first_name || persons.contains(&words[j..k])) {
                return None;
            }
            // A title's words leave the organization: `Federation Council` + `Speaker`.
            let mut t = j;
            if !office {
                while t > toks.start && titles::is_modifier(words[t - 1]) {
                    t -= 1;
                }
            }
            Some((t, j, k))
        });
        let Some((t, j, k)) = split else {
            continue;
        };
        added.push(Mention {
            toks: j..k,
            label: EntityLabel::Person,
            ..m.clone()
        });
        m.toks.end = t;
        if t > toks.start {
            let cats = GAZETTEER
                .lookup(&words[toks.start..t])
                .map_or(0, |e| e.cats);
            m.label = if cats & PLACE_CATS != 0 {
                EntityLabel::Loc
            } else if cats & (1 << DEMONYM) != 0 {
                EntityLabel::Norp
            } else {
                EntityLabel::Org
            };
        }
    }
    if !added.is_empty() {
        mentions.retain(|m| !m.toks.is_empty());
        mentions.extend(added);
        mentions.sort_by_key(|m| m.toks.start);
    }
}

pub(crate) fn mention_lower(words: &[&str], m: &Mention) -> String {
    words[m.toks.clone()].join(" ").to_lowercase()
}

/// [`metonym_country`] of a mention's lower-cased text, built only when its first word may start a seat of
/// power's name (most mentions are ruled out without a string).
fn mention_metonym_country(words: &[&str], m: &Mention) -> Option<&'static str> {
    let first = words.get(m.toks.start).copied().unwrap_or("");
    if !may_start_metonym(first) {
        return None;
    }
    metonym_country(&mention_lower(words, m))
}

/// Countries of places, nationalities and seats of power.
fn assign_countries(words: &[&str], mentions: &mut [Mention]) {
    for m in mentions.iter_mut() {
        let toks = &words[m.toks.clone()];
        m.country = match m.label {
            EntityLabel::Loc | EntityLabel::Norp => gazetteer::GAZETTEER
                .lookup(toks)
                .and_then(|e| e.country().map(str::to_string)),
            EntityLabel::Org => mention_metonym_country(words, m)
                .map(str::to_string)
                .or_else(|| {
                    // "Russian Defense Ministry", "U.S. Army": a leading nationality or country.
                    (toks.len() > 1)
                        .then(|| gazetteer::GAZETTEER.lookup(&toks[..1]))
                        .flatten()
                        .filter(|e| {
                            e.cats & (1 << gazetteer::DEMONYM | 1 << gazetteer::COUNTRY) != 0
                        })
                        .and_then(|e| e.country().map(str::to_string))
                }),
            _ => None,
        };
    }
}

/// Builds the output entities and clusters. Takes the mentions and clusters: their strings move into the output
/// (each cluster's name, title, affiliation and country; each mention's country) instead of being copied and
/// dropped, a few dozen allocations per document.
fn output(
    ctx: &Context,
    mentions: Vec<Mention>,
    clusters: Vec<coref::Cluster>,
) -> (Vec<Entity>, Vec<EntityCluster>) {
    // Room for every mention up front: a collect through `filter_map` starts empty and copies the entities (over
    // a hundred bytes each) at every doubling.
    let mut entities = Vec::with_capacity(mentions.len());
    entities.extend(mentions.into_iter().filter_map(|m| {
        let first = ctx.tokens.get(m.toks.start)?;
        let last = ctx.tokens.get(m.toks.end.checked_sub(1)?)?;
        let span = ctx.span(first.start..last.end);
        let c = clusters.get(m.cluster)?;
        Some(Entity {
            start: span.start,
            end: span.end,
            text: span.text,
            label: m.label,
            canonical: c.canonical.clone(),
            cluster: m.cluster,
            title: c.title.clone(),
            affiliation: c.affiliation.clone(),
            country: m.country.or_else(|| c.country.clone()),
        })
    }));
    let out_clusters: Vec<EntityCluster> = clusters
        .into_iter()
        .enumerate()
        .map(|(id, c)| EntityCluster {
            id,
            canonical: c.canonical,
            label: c.label,
            title: c.title,
            affiliation: c.affiliation,
            country: c.country,
            mentions: c.mentions.len(),
        })
        .collect();
    (entities, out_clusters)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> (Vec<Entity>, Vec<EntityCluster>) {
        let ctx = Context::from_text(text, None);
        recognize(&ctx)
    }

    /// A mention in sentence 0 with no title, affiliation, country or cluster yet.
    fn mention(toks: Range<usize>, label: EntityLabel) -> Mention {
        Mention {
            toks,
            sent: 0,
            label,
            title: None,
            affil: None,
            country: None,
            cluster: usize::MAX,
        }
    }

    fn person<'a>(clusters: &'a [EntityCluster], name: &str) -> &'a EntityCluster {
        clusters
            .iter()
            .find(|c| c.label == EntityLabel::Person && c.canonical == name)
            .unwrap_or_else(|| panic!("no person {name} in {clusters:#?}"))
    }

    #[test]
    fn a_first_name_before_a_middle_initial_is_part_of_the_name() {
        for (text, name) in [
            (
                "The agency's deputy director Ramon Ernesto T. Dalisay IV said the games would go ahead.",
                "Ramon Ernesto T. Dalisay IV",
            ),
            (
                "Donald J. Trump, a real-estate developer, spoke at the rally.",
                "Donald J. Trump",
            ),
            (
                "The mural was painted by Cory L. Stowers last spring.",
                "Cory L. Stowers",
            ),
        ] {
            let (entities, _) = run(text);
            assert!(
                entities
                    .iter()
                    .any(|e| e.label == EntityLabel::Person && e.text == name),
                "{text}: {entities:#?}"
            );
        }
    }

    #[test]
    fn titles_and_affiliations() {
        // (text, person, title, affiliation, country)
        let cases = [
            (
                "Russian President Vladimir Putin met the press on Monday.",
                "Vladimir Putin",
                "President",
                Some("Russia"),
                Some("RU"),
            ),
            (
                "Kremlin spokesman Dmitry Peskov told reporters the talks would go on.",
                "Dmitry Peskov",
                "Kremlin spokesman",
                Some("Kremlin"),
                Some("RU"),
            ),
            (
                "The talks were led by Sergei Lavrov, Russia's foreign minister, in Geneva.",
                "Sergei Lavrov",
                "foreign minister",
                Some("Russia"),
                Some("RU"),
            ),
            (
                "France rejected the plan and its Foreign Minister, Jean-Yves Le Drian, said so on Friday.",
                "Jean-Yves Le Drian",
                "Foreign Minister",
                Some("France"),
                Some("FR"),
            ),
            // Official style: the title, "of" and the country before the name, which the tagger misses or
            // joins to the country.
            (
                "President of Ukraine Volodymyr Zelenskyy toured a power plant near Lviv.",
                "Volodymyr Zelenskyy",
                "President",
                Some("Ukraine"),
                Some("UA"),
            ),
            (
                "The deal was signed by Prime Minister of Israel Naftali Bennett on Monday.",
                "Naftali Bennett",
                "Prime Minister",
                Some("Israel"),
                Some("IL"),
            ),
            (
                "He later met Prime Minister of Luxembourg Xavier Bettel in Brussels.",
                "Xavier Bettel",
                "Prime Minister",
                Some("Luxembourg"),
                Some("LU"),
            ),
            (
                "On Friday, Deputy Chief of the Office of the President of Moldova Ion Sturza met the envoys.",
                "Ion Sturza",
                "Deputy Chief of the Office of the President",
                Some("Moldova"),
                Some("MD"),
            ),
            (
                "Minister of Transport Vitaly Savelyev said the new bridge would open in May.",
                "Vitaly Savelyev",
                "Minister",
                Some("Transport"),
                None,
            ),
            (
                "On Monday, Adviser to the Head of the Office of the Chancellor Oksana Hrytsenko spoke to reporters.",
                "Oksana Hrytsenko",
                "Adviser to the Head of the Office of the Chancellor",
                None,
                None,
            ),
            (
                "Minister of Foreign Affairs of Latvia Anna Berzina spoke by phone with her counterpart.",
                "Anna Berzina",
                "Minister of Foreign Affairs",
                Some("Latvia"),
                Some("LV"),
            ),
        ];
        for (text, name, title, affil, country) in cases {
            let (_, clusters) = run(text);
            let c = person(&clusters, name);
            assert_eq!(c.title.as_deref(), Some(title), "{text}");
            assert_eq!(c.affiliation.as_deref(), affil, "{text}");
            assert_eq!(c.country.as_deref(), country, "{text}");
        }
    }

    #[test]
    fn armed_groups_are_organizations() {
        let (entities, _) = run(
            "Fighters loyal to the Islamic State attacked the town, and al Qaeda claimed a second raid near \
             the border on Sunday.",
        );
        for name in ["Islamic State", "al Qaeda"] {
            let e = entities.iter().find(|e| e.text == name);
            assert_eq!(
                e.map(|e| e.label),
                Some(EntityLabel::Org),
                "{name}: {entities:?}"
            );
        }
    }

    #[test]
    fn an_office_is_split_from_the_name_of_its_holder() {
        // Sentence-initial "Head" is the title's head, not a person; the office the title names is part of it;
        // an office the tagger joined to the name of its holder gives up the name.
        let text = "Head of the Office of the Governor Marta Kovalenko opened the session. The panel met Deputy \
                    Head of the Office of the Governor Daniel Lysenko. The Regional Audit Chamber Marta Kovalenko \
                    and others signed the report.";
        let (entities, clusters) = run(text);
        assert!(!entities.iter().any(|e| e.text == "Head"), "{entities:#?}");
        let marta = person(&clusters, "Marta Kovalenko");
        assert_eq!(
            marta.title.as_deref(),
            Some("Head of the Office of the Governor")
        );
        let taras = person(&clusters, "Daniel Lysenko");
        assert_eq!(
            taras.title.as_deref(),
            Some("Deputy Head of the Office of the Governor")
        );
        let orgs: Vec<&str> = entities
            .iter()
            .filter(|e| e.label == EntityLabel::Org)
            .map(|e| e.text.as_str())
            .collect();
        assert!(orgs.contains(&"Regional Audit Chamber"), "{entities:#?}");
        assert_eq!(
            entities
                .iter()
                .filter(|e| e.label == EntityLabel::Person && e.text == "Marta Kovalenko")
                .count(),
            2,
            "{entities:#?}"
        );
    }

    #[test]
    fn a_title_is_split_from_the_name_of_its_holder() {
        let (entities, clusters) = run(
            "Federation Council Speaker Irina Volkova opened the session. Texas Senator Mark Dalton objected.",
        );
        let irina = person(&clusters, "Irina Volkova");
        assert_eq!(irina.title.as_deref(), Some("Federation Council Speaker"));
        assert_eq!(irina.affiliation.as_deref(), Some("Federation Council"));
        let mark = person(&clusters, "Mark Dalton");
        assert_eq!(mark.title.as_deref(), Some("Senator"));
        assert_eq!(mark.affiliation.as_deref(), Some("United States"));
        let texas = entities.iter().find(|e| e.text == "Texas").expect("Texas");
        assert_eq!(texas.label, EntityLabel::Loc);
    }

    #[test]
    fn people_with_first_names_the_census_lacks_are_persons() {
        // Ukrainian and Russian first names (from the PETRARCH person lists): the tagger took these people for
        // organizations.
        let (entities, _) = run(
            "Volodymyr Hrytsenko stressed that the talks must continue. Ihor Marchenko informed the ambassador \
             about the situation in the region. Dmitry Sokolov thanked the governor.",
        );
        for name in ["Volodymyr Hrytsenko", "Ihor Marchenko", "Dmitry Sokolov"] {
            let e = entities.iter().find(|e| e.text == name);
            assert_eq!(
                e.map(|e| e.label),
                Some(EntityLabel::Person),
                "{name}: {entities:?}"
            );
        }
    }

    #[test]
    fn forms_of_address_are_no_entities() {
        let (entities, _) = run(
            "Anna Petrova: Good afternoon, Mr President. My question is short. Thank you. Ladies and gentlemen, \
             dear colleagues, Madam Speaker has the floor. Mr. King said the plan would work.",
        );
        for word in ["Good", "Mr President", "Thank", "Ladies", "Madam Speaker"] {
            assert!(
                !entities.iter().any(|e| e.text == word),
                "{word}: {entities:?}"
            );
        }
        assert!(entities.iter().any(|e| e.text == "Anna Petrova"));
        // A surname that is also a title word stays a name; `Good` before anything but a time of day may be one.
        assert!(!is_form_of_address(&["Mr.", "King"], None));
        assert!(!is_form_of_address(&["Good"], Some(&"said")));
        assert!(is_form_of_address(&["Mr", "Prime", "Minister"], Some(&",")));
    }

    #[test]
    fn a_country_ending_a_persons_name_stays_a_place() {
        // The tagger reads formulas such as `King ... of Bahrain` as one person; the country's other mentions
        // stay places, where a lone surname would join the person.
        let words = [
            "Rashid", "bin", "Ali", "of", "Bahrain", "met", "Nasser", "in", "Bahrain", "and",
            "Nasser",
        ];
        let mut mentions = vec![
            mention(0..5, EntityLabel::Person),
            mention(8..9, EntityLabel::Loc),
        ];
        coref::cluster(&words, &mut mentions);
        assert_eq!(mentions[1].label, EntityLabel::Loc, "{mentions:?}");
        assert!(coref::is_country_not_name("Greece"));
        assert!(!coref::is_country_not_name("Jordan"));
    }

    #[test]
    fn a_name_after_an_honorific_is_a_person() {
        // The tagger reads `at Mr. ...'s request` as a place.
        let (entities, _) =
            run("The ceasefire was agreed at Mr. Halvorsen's request, officials said.");
        let e = entities
            .iter()
            .find(|e| e.text == "Mr. Halvorsen")
            .expect("Mr. Halvorsen");
        assert_eq!(e.label, EntityLabel::Person);
    }

    #[test]
    fn a_full_name_given_a_person_elsewhere_is_that_person() {
        let words = [
            "Minister",
            "Oksana",
            "Hrytsenko",
            "arrived",
            ".",
            "Oksana",
            "Hrytsenko",
            "said",
            ".",
            "Harmony",
            "Tower",
            "opened",
            ".",
            "Harmony",
            "Tower",
            "closed",
            ".",
        ];
        // The tagger's organization at the start of a sentence is the titled person; its slip on a building's
        // name does not make the building a person.
        let mut mentions = vec![
            Mention {
                title: Some("Minister".into()),
                ..mention(1..3, EntityLabel::Person)
            },
            mention(5..7, EntityLabel::Org),
            mention(9..11, EntityLabel::Person),
            mention(13..15, EntityLabel::Org),
        ];
        coref::cluster(&words, &mut mentions);
        assert_eq!(mentions[1].label, EntityLabel::Person, "{mentions:?}");
        assert_eq!(mentions[1].cluster, mentions[0].cluster);
        assert_eq!(mentions[3].label, EntityLabel::Org, "{mentions:?}");
    }

    #[test]
    fn a_shared_nationality_is_the_larger_country_s() {
        // The World Factbook gives `French` to Saint Pierre and Miquelon too, and `Chinese` to Macau.
        let (entities, _) = run("French and Chinese diplomats met in Geneva on Monday.");
        let country = |name: &str| {
            entities
                .iter()
                .find(|e| e.text == name)
                .and_then(|e| e.country.clone())
        };
        assert_eq!(country("French").as_deref(), Some("FR"), "{entities:#?}");
        assert_eq!(country("Chinese").as_deref(), Some("CN"), "{entities:#?}");
    }

    #[test]
    fn party_acronyms_and_known_organizations_are_organizations() {
        // The tagger reads a party's acronym as it reads `Republican` (a nationality-like word), or as a person.
        let (entities, _) = run(
            "Two GOP senators voted against the bill. The GOP leadership in the state house hoped \
             for a deal with the SPD before the Taliban talks.",
        );
        for name in ["GOP", "SPD", "Taliban"] {
            let found: Vec<_> = entities.iter().filter(|e| e.text == name).collect();
            assert!(!found.is_empty(), "no {name} in {entities:#?}");
            for e in found {
                assert_eq!(e.label, EntityLabel::Org, "{e:?}");
            }
        }
        // A day that an actor list names is no organization.
        let (entities, _) = run("Stores in Ohio opened at dawn for Black Friday this year.");
        assert!(
            entities.iter().all(|e| e.label != EntityLabel::Org),
            "{entities:#?}"
        );
    }

    #[test]
    fn common_words_opening_a_turn_are_no_names() {
        // A transcript: replies and discourse markers open the turns, capitalised.
        let text = "Irina Volkova: The new bridge over the river opened in March. Pavel Orlov: Good. \
                    Go ahead, please. Irina Volkova: So, the traffic fell by a third. Pavel Orlov: Well, \
                    that is progress. Good.";
        let (entities, _) = run(text);
        for e in &entities {
            assert!(
                !["Good", "Go", "So", "Well"].contains(&e.text.as_str()),
                "{e:?} in {entities:#?}"
            );
        }
        assert!(entities
            .iter()
            .any(|e| e.text == "Pavel Orlov" && e.label == EntityLabel::Person));
    }

    #[test]
    fn slavic_names_are_persons() {
        // At a sentence's start the tagger reads a name whose given name no American census lists as an
        // organization.
        let (entities, _) = run(
            "Nadiya Zelenska took part in the conference of regional governors. The initiative of Nadiya \
             Zelenska was discussed by ministers.",
        );
        let found: Vec<_> = entities
            .iter()
            .filter(|e| e.text == "Nadiya Zelenska")
            .collect();
        assert_eq!(found.len(), 2, "{entities:#?}");
        for e in found {
            assert_eq!(e.label, EntityLabel::Person, "{e:?}");
        }
        // An organization's head word after the name keeps the organization.
        let (entities, _) = run("Students of Taras Shevchenko University protested.");
        assert!(
            entities.iter().all(|e| e.label != EntityLabel::Person),
            "{entities:#?}"
        );
    }

    #[test]
    fn a_lone_name_mostly_read_as_a_person_is_that_person_everywhere() {
        let words = [
            "Critics", "of", "the", "Novak", "campaign", "left", ".", "Novak", "said", "so", ".",
            "Novak", "smiled", ".",
        ];
        let labels = |ls: [EntityLabel; 3]| {
            let mut mentions = vec![
                mention(3..4, ls[0]),
                mention(7..8, ls[1]),
                mention(11..12, ls[2]),
            ];
            coref::cluster(&words, &mut mentions);
            mentions
        };
        // No full name in the document: the two person readings carry the third.
        let m = labels([EntityLabel::Org, EntityLabel::Person, EntityLabel::Person]);
        assert!(m.iter().all(|m| m.label == EntityLabel::Person), "{m:?}");
        assert!(m.iter().all(|x| x.cluster == m[0].cluster), "{m:?}");
        // One person reading among three is no evidence.
        let m = labels([EntityLabel::Org, EntityLabel::Org, EntityLabel::Person]);
        assert_eq!(m[0].label, EntityLabel::Org, "{m:?}");
        // A known place that is no known person stays a place.
        let words = [
            "They", "left", "Benghazi", ".", "Benghazi", "spoke", ".", "Benghazi", "won", ".",
        ];
        let mut m = vec![
            mention(2..3, EntityLabel::Loc),
            mention(4..5, EntityLabel::Person),
            mention(7..8, EntityLabel::Person),
        ];
        coref::cluster(&words, &mut m);
        assert_eq!(m[0].label, EntityLabel::Loc, "{m:?}");
        // Through the tagger: `the Hollande government` is read as a place, the two others as the person.
        let (entities, clusters) = run(
            "Officials in the Hollande government resigned on Monday. Hollande told reporters he was \
             disappointed. Hollande then flew home.",
        );
        let c = person(&clusters, "Hollande");
        let hollande: Vec<_> = entities.iter().filter(|e| e.text == "Hollande").collect();
        assert_eq!(hollande.len(), 3, "{entities:#?}");
        for e in hollande {
            assert_eq!(e.label, EntityLabel::Person, "{e:?}");
            assert_eq!(clusters[e.cluster].canonical, c.canonical);
        }
    }

    #[test]
    fn a_known_organization_is_no_surname() {
        let words = [
            "Harlan", "County", "GOP", "met", ".", "The", "GOP", "chair", "spoke", ".",
        ];
        // The tagger's slip on `Harlan County GOP` does not make every other `GOP` that person.
        let mut mentions = vec![
            mention(0..3, EntityLabel::Person),
            mention(6..7, EntityLabel::Org),
        ];
        coref::cluster(&words, &mut mentions);
        assert_eq!(mentions[1].label, EntityLabel::Org, "{mentions:?}");
        assert_ne!(mentions[1].cluster, mentions[0].cluster);
    }

    #[test]
    fn platforms_are_companies_and_feasts_no_places() {
        // The tagger reads `on Facebook` as a place, and the gazetteer holds a town of Christmas (Florida).
        let (entities, _) = run("The minister went on Facebook to apologise.");
        let e = entities
            .iter()
            .find(|e| e.text == "Facebook")
            .expect("Facebook");
        assert_eq!(e.label, EntityLabel::Org);
        let doc = crate::pipeline::Pipeline::builder()
            .build()
            .extract(&crate::article::Article::parse(
                "x",
                "Donor group mocks senator in Christmas ad. The ad shows a Christmas tree. Christmas falls \
                 on a Friday, and the group's ad runs in Iowa.",
            ))
            .expect("document");
        for e in doc.entities.iter().filter(|e| e.text == "Christmas") {
            assert_eq!(e.label, EntityLabel::Misc, "{e:?}");
        }
        assert!(
            doc.places.iter().all(|p| p.text != "Christmas"),
            "{:?}",
            doc.places
        );
    }

    #[test]
    fn a_generational_suffix_ends_the_name_and_the_surname_finds_the_father() {
        let (entities, clusters) = run(
            "Senator Harold B. Whitcombe Jr. met his father, Harold Whitcombe, at the farm. Mr. Whitcombe \
             Jr. said the farm would stay in the family. Whitcombe, 84, agreed.",
        );
        assert!(entities.iter().all(|e| e.text != "Jr."), "{entities:?}");
        let son = entities
            .iter()
            .find(|e| e.text == "Harold B. Whitcombe Jr.")
            .expect("the son's full name");
        let father = entities
            .iter()
            .find(|e| e.text == "Harold Whitcombe")
            .expect("the father's full name");
        assert_ne!(son.cluster, father.cluster, "{clusters:?}");
        // The bare surname is the father's: the son is named with his suffix.
        let lone = entities
            .iter()
            .find(|e| e.text == "Whitcombe")
            .expect("the surname alone");
        assert_eq!(lone.cluster, father.cluster, "{clusters:?}");
        // A regnal number is such a suffix too.
        let (entities, _) = run(
            "Pope John Paul II visited the town in 1987. The medal of the III degree went to Ivan Sobko.",
        );
        let names: Vec<&str> = entities.iter().map(|e| e.text.as_str()).collect();
        assert_eq!(names, ["John Paul II", "Ivan Sobko"], "{entities:?}");
    }

    #[test]
    fn names_end_before_stray_punctuation() {
        let words = [
            "the",
            "Office",
            "of",
            "the",
            "President",
            ",",
            "Gingrich",
            "]",
            ".",
        ];
        let ctx = crate::pipeline::Context::from_text("x", None);
        let mut mentions = vec![
            mention(1..6, EntityLabel::Org),
            mention(6..8, EntityLabel::Person),
        ];
        fix_spans(&ctx, &words, &mut mentions);
        let spans: Vec<_> = mentions.iter().map(|m| m.toks.clone()).collect();
        assert_eq!(spans, [1..5, 6..7]);
    }

    #[test]
    fn palestine_is_the_country_not_the_texas_town() {
        let (entities, clusters) =
            run("Foreign Minister of Palestine Samir Haddad arrived in Amman.");
        let place = entities
            .iter()
            .find(|e| e.text == "Palestine")
            .expect("Palestine");
        assert_eq!(place.country.as_deref(), Some("PS"));
        let samir = person(&clusters, "Samir Haddad");
        assert_eq!(samir.affiliation.as_deref(), Some("Palestine"));
    }

    #[test]
    fn a_place_in_a_title_is_no_name() {
        // "North Carolina" is one place, not "North" + a person "Carolina"; "Voter Project" no name.
        for text in [
            "Ann Morrow, a former director of the North Carolina Democratic Party, said so.",
            "Dana Whitfield, director of the Oregon Voter Project, said so.",
        ] {
            let (entities, _) = run(text);
            let persons: Vec<&str> = entities
                .iter()
                .filter(|e| e.label == EntityLabel::Person)
                .map(|e| e.text.as_str())
                .collect();
            assert_eq!(persons.len(), 1, "{text}: {persons:?}");
        }
    }

    #[test]
    fn institutions_go_on_over_of() {
        let (entities, _) = run(
            "Greetings on the 75th anniversary of the Gnessin Moscow Special School of Music. \
             Professors from leading British universities, including the London School of Economics, took part. \
             The Russian Ministry of Defense said the drills were over.",
        );
        let orgs: Vec<&str> = entities
            .iter()
            .filter(|e| e.label == EntityLabel::Org)
            .map(|e| e.text.as_str())
            .collect();
        assert!(
            orgs.contains(&"Gnessin Moscow Special School of Music"),
            "{orgs:?}"
        );
        assert!(orgs.contains(&"London School of Economics"), "{orgs:?}");
        assert!(orgs.contains(&"Russian Ministry of Defense"), "{orgs:?}");
        let pieces = ["Music", "Economics", "Defense"];
        assert!(
            !entities.iter().any(|e| pieces.contains(&e.text.as_str())),
            "{entities:?}"
        );
    }

    #[test]
    fn person_span_excludes_the_title() {
        let (entities, _) = run("German Chancellor Olaf Scholz arrived in Kiev on Monday.");
        let p = entities
            .iter()
            .find(|e| e.label == EntityLabel::Person)
            .expect("a person");
        assert_eq!(p.text, "Olaf Scholz");
        assert_eq!(p.title.as_deref(), Some("Chancellor"));
        assert_eq!(p.affiliation.as_deref(), Some("Germany"));
    }

    #[test]
    fn counterpart_takes_the_office_of_the_host() {
        let (_, clusters) = run(
            "Foreign Minister Sergei Lavrov received his Italian counterpart, Luigi di Maio, in Moscow on Thursday.",
        );
        let c = person(&clusters, "Luigi di Maio");
        assert_eq!(c.title.as_deref(), Some("Foreign Minister"));
        assert_eq!(c.affiliation.as_deref(), Some("Italy"));
    }

    #[test]
    fn name_coreference() {
        let (entities, clusters) = run(
            "John Smith, a lawyer, met Mary Smith in London. Vladimir Putin spoke later. \
             Mr. Smith said he was pleased. Putin did not comment.",
        );
        let john = person(&clusters, "John Smith").id;
        let mary = person(&clusters, "Mary Smith").id;
        let putin = person(&clusters, "Vladimir Putin").id;
        assert_ne!(
            john, mary,
            "different people with the same surname stay apart"
        );
        let cluster_of = |text: &str| {
            entities
                .iter()
                .find(|e| e.text == text)
                .unwrap_or_else(|| panic!("no mention {text}"))
                .cluster
        };
        assert_eq!(cluster_of("Putin"), putin);
        // "Mr. Smith" after both Smiths: the nearest earlier full name with that surname is Mary Smith's;
        // the test only asks that it joins one of them, not a cluster of its own.
        let smith = entities
            .iter()
            .filter(|e| e.text == "Smith")
            .map(|e| e.cluster)
            .next()
            .expect("Smith mention");
        assert!(smith == john || smith == mary);
        assert_eq!(
            entities
                .iter()
                .find(|e| e.text == "Putin")
                .map(|e| e.canonical.as_str()),
            Some("Vladimir Putin")
        );
    }

    #[test]
    fn the_ministry_joins_the_only_ministry() {
        let (entities, clusters) = run(
            "The Russian Defense Ministry said troops were leaving. The ministry also reported the withdrawal of tanks.",
        );
        let ministry = clusters
            .iter()
            .find(|c| c.canonical == "Russian Defense Ministry")
            .expect("ministry");
        assert_eq!(ministry.label, EntityLabel::Org);
        assert_eq!(ministry.country.as_deref(), Some("RU"));
        assert!(entities
            .iter()
            .any(|e| e.text == "ministry" && e.cluster == ministry.id));
    }

    #[test]
    fn every_seat_of_power_passes_the_first_word_filter() {
        for (name, _) in METONYM_ORGS {
            let first = name.split(' ').next().unwrap_or(name);
            assert!(may_start_metonym(first), "{name}");
            assert!(may_start_metonym(&first.to_uppercase()), "{name}");
        }
        assert!(may_start_metonym("The"));
        assert!(!may_start_metonym("Putin"));
    }

    #[test]
    fn nationalities_and_metonyms() {
        let (entities, _) = run(
            "Belarusian and Ukrainian troops met Western officials. Moscow and Kiev traded accusations \
             while the Kremlin and the White House said they were ready to talk.",
        );
        let get = |t: &str| {
            entities
                .iter()
                .find(|e| e.text == t)
                .unwrap_or_else(|| panic!("no {t}"))
        };
        assert_eq!(get("Belarusian").label, EntityLabel::Norp);
        assert_eq!(get("Belarusian").country.as_deref(), Some("BY"));
        assert_eq!(get("Ukrainian").country.as_deref(), Some("UA"));
        assert_eq!(get("Western").label, EntityLabel::Norp);
        assert_eq!(
            get("Western").country,
            None,
            "Western is a bloc, not a country"
        );
        assert_eq!(get("Moscow").label, EntityLabel::Loc);
        assert_eq!(get("Moscow").country.as_deref(), Some("RU"));
        assert_eq!(get("Kiev").country.as_deref(), Some("UA"));
        assert_eq!(get("Kremlin").label, EntityLabel::Org);
        assert_eq!(get("Kremlin").country.as_deref(), Some("RU"));
        assert_eq!(get("White House").label, EntityLabel::Org);
        assert_eq!(get("White House").country.as_deref(), Some("US"));
    }

    /// A name stops at a quotation mark: the tagger once ran `Mount Whitney` on over the closing mark into the
    /// verb after it.
    #[test]
    fn names_stop_at_quotation_marks() {
        for text in [
            "Sailors aboard the \"Mount Whitney\" docked in Split on Monday.",
            "Sailors aboard the “Mount Whitney” docked in Split on Monday.",
        ] {
            let (entities, _) = run(text);
            for e in &entities {
                assert!(!e.text.contains(['"', '“', '”']), "{text}: {:?}", e.text);
            }
            assert!(entities.iter().any(|e| e.text == "Split"), "{entities:?}");
        }
    }

    #[test]
    fn capitals_and_lower_case_keep_the_names() {
        for text in [
            "RUSSIAN PRESIDENT VLADIMIR PUTIN MEETS GERMAN CHANCELLOR IN MOSCOW",
            "russian president vladimir putin met german chancellor olaf scholz in moscow on tuesday.",
        ] {
            let (entities, _) = run(text);
            let labels: Vec<(String, EntityLabel)> =
                entities.iter().map(|e| (e.text.to_lowercase(), e.label)).collect();
            assert!(
                labels.contains(&("vladimir putin".into(), EntityLabel::Person)),
                "{text}: {labels:?}"
            );
            assert!(
                labels.contains(&("moscow".into(), EntityLabel::Loc)),
                "{text}: {labels:?}"
            );
        }
    }

    #[test]
    fn a_town_or_region_is_no_person() {
        // `Stanytsia Luhanska` has the shape of a Slavic given name and surname, but the place gazetteer knows the
        // town; `Mari El` starts with a first name, but is a region of Russia and nothing else.
        for (text, name) in [
            (
                "Residents of Stanytsia Luhanska queued for water on Tuesday.",
                "Stanytsia Luhanska",
            ),
            (
                "The governor of Mari El opened a new school in the capital.",
                "Mari El",
            ),
            // At a sentence's start the tagger reads it as a person even with the region in its gazetteer.
            (
                "Mari El celebrated its centenary with a concert.",
                "Mari El",
            ),
        ] {
            let (entities, _) = run(text);
            let e = entities
                .iter()
                .find(|e| e.text == name)
                .unwrap_or_else(|| panic!("{name}: {entities:?}"));
            assert_eq!(e.label, EntityLabel::Loc, "{e:?}");
        }
    }

    #[test]
    fn deities_and_diseases_are_other_names() {
        let (entities, _) = run(
            "God bless our soldiers, the mayor said. Doctors who fought COVID were honoured. The Omicron \
             variant spread quickly.",
        );
        for name in ["God", "COVID", "Omicron"] {
            let e = entities
                .iter()
                .find(|e| e.text == name)
                .unwrap_or_else(|| panic!("{name}: {entities:?}"));
            assert_eq!(e.label, EntityLabel::Misc, "{e:?}");
        }
    }

    #[test]
    fn the_union_state_is_an_organization() {
        let (entities, _) = run("Citizens of the Union State may work in either country.");
        let e = entities
            .iter()
            .find(|e| e.text == "Union State")
            .expect("Union State");
        assert_eq!(e.label, EntityLabel::Org);
    }

    #[test]
    fn section_labels_name_nothing() {
        let (entities, _) =
            run("Senator hopes for a comeback.\n\nABSTRACT.\n\nThe senator spoke in Ohio.");
        assert!(
            entities.iter().all(|e| e.text != "ABSTRACT"),
            "{entities:?}"
        );
    }

    #[test]
    fn every_nominal_joins_its_organization() {
        // Both `the party` mentions are the named party's, not a cluster of the word `party`.
        let (entities, clusters) = run(
            "The Green Unity Party held a congress. Members said the party would grow. Critics said the party \
             had lost its way.",
        );
        let nominals: Vec<_> = entities.iter().filter(|e| e.text == "party").collect();
        assert_eq!(nominals.len(), 2, "{entities:?}");
        for e in nominals {
            assert_eq!(e.canonical, "Green Unity Party", "{e:?}");
        }
        assert!(
            clusters.iter().all(|c| c.canonical != "party"),
            "{clusters:?}"
        );
    }

    /// A person before a particle whose name another mention already takes with the particle: the join moves on
    /// (it had asked the same question again and again, without end).
    #[test]
    fn a_particle_name_taken_by_another_mention_is_left_to_it() {
        let ctx = Context::from_text("Luigi di Maio spoke.", None);
        let words: Vec<&str> = ctx.tokens.iter().map(|t| t.text(ctx.text)).collect();
        assert_eq!(words[..3], ["Luigi", "di", "Maio"]);
        let mut mentions = vec![
            mention(0..1, EntityLabel::Person),
            mention(1..3, EntityLabel::Person),
        ];
        fix_spans(&ctx, &words, &mut mentions);
        assert!(
            mentions.iter().all(|m| m.toks.end <= words.len()),
            "{mentions:?}"
        );
    }

    /// Long runs of names, offices and seats of power in one sentence stay linear: each of these took seconds to
    /// minutes at a few hundred kilobytes (the list searched, or shortened from the middle, once per mention; a
    /// long mention looked up in the gazetteer once per prefix).
    #[test]
    fn runs_of_names_and_offices_are_handled_in_linear_time() {
        for (unit, label, min) in [
            ("Head of the Office Andriy Yermak ", None, 1),
            ("Kremlin spokesman ", Some(EntityLabel::Org), 10_000),
            ("Russian Defense Ministry ", Some(EntityLabel::Org), 10_000),
            ("Luigi di Maio ", None, 1),
            // No entity at all (a run of capitalised words with no name the tagger knows): handled all the same.
            ("School of Music ", None, 0),
        ] {
            let text = unit.repeat(400_000 / unit.len());
            let (entities, _) = run(&text);
            let chars: Vec<char> = text.chars().collect();
            for e in &entities {
                assert_eq!(chars[e.start..e.end].iter().collect::<String>(), e.text);
            }
            let n = entities
                .iter()
                .filter(|e| label.map_or(true, |l| e.label == l))
                .count();
            assert!(n >= min, "{unit}: {n} entities");
        }
    }

    #[test]
    fn never_panics_on_odd_text() {
        for text in [
            "",
            "\u{feff}",
            "di",
            "Mr.",
            "the ministry",
            "President ,",
            ", President",
            "’s ’s ’s",
            "ÉLYSÉE Élysée élysée 北京 Путин",
        ] {
            let _ = run(text);
        }
        let long = "\"".repeat(100_000) + &"1".repeat(100_000);
        let _ = run(&long);
    }
}
