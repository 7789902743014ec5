//! Places resolved offline to GeoNames: id, feature, country, region, coordinates.
//!
//! Detection: the LOC and NORP entities of the entity recognizer when there are any, plus toponyms found with the
//! embedded gazetteer over capitalized token sequences, with context checks against person and organization
//! names (`Paris Hilton`, `The Washington Post`, `President Jackson`). Demonyms (`Russian`, `Syrian`) are kept
//! as places of their country with `demonym: true`, as GeoWebNews annotates them; metonyms (`Moscow said`) are
//! places like any other.
//!
//! Resolution: a population prior with countries and first-level regions before cities of the same name (unless
//! the city is the region's seat and most of it, as Kyiv or New York), national capitals first among cities,
//! containment (`Paris, Texas`; `Kharkiv region`), the countries the document mentions, and one sense per
//! document.
//!
//! Streets, buildings, venues, counties, numbered roads and villages GeoNames' extracts lack (`Royal Street`,
//! `Manila Cathedral`, `Marathon County`, `the A417`, `in Toomevara`) are kept with `resolution: context`: no id or
//! name, but the country, region and approximate coordinates of the place `near` them (a town in their name, the
//! place after a comma, the most specific place of the sentence or of the three before, else the focus), so that
//! an analyst can still map them.

mod gazetteer;

use crate::entities::{Entity, EntityLabel};
use crate::pipeline::Context;
use crate::text::{Token, TokenKind, DIGIT, HYPHEN, LOWER, NON_ASCII, UPPER};
use gazetteer::{normalize_into, Kind, Record, GAZETTEER};
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// Maps keyed by country codes and mention keys: FNV is cheaper than SipHash, and where one is iterated ties are
/// broken explicitly, so the order cannot reach the output.
type HashMap<K, V> =
    std::collections::HashMap<K, V, std::hash::BuildHasherDefault<crate::text::Fnv>>;

/// A first-level administrative region.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Admin1 {
    /// GeoNames admin1 code (`UA.11`).
    pub code: String,
    /// Its name.
    pub name: String,
}

/// How the text names a place: analysts who want only where things happen keep `literal` (and `metonym`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceRole {
    /// The place itself: `fighting in Kharkiv`, `flights to Moscow`.
    #[default]
    Literal,
    /// The place standing for its government, people or team: `Moscow said`, `Ukraine rejected the offer`.
    Metonym,
    /// A demonym or adjective standing for the place: `Russian troops`, `Syrians`.
    Demonym,
    /// Part of the name of an organization, facility, event or treaty: `Washington` in `The Washington Post`,
    /// `Texas` in `University of Texas`, `Toronto` in `Toronto Police`, `Minsk` in `the Minsk agreements`.
    Embedded,
}

/// Where the coordinates of a place come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceResolution {
    /// The place itself is in the gazetteer: `geonameid`, `name`, `lat`/`lon` are its own.
    Gazetteer,
    /// A street, building, county, venue or village the gazetteer lacks (`Royal Street`, `Manila Cathedral`,
    /// `Marathon County`): `geonameid` and `name` stay null; `country`, `admin1` and the approximate `lat`/`lon`
    /// are those of the place named in its context (`near`): a town in its name, the most specific place in the
    /// same or the previous sentences, else the article's focus.
    Context,
}

/// A place mention and what it resolves to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// Surface.
    pub text: String,
    /// GeoNames id, null when unresolved (or for curated places GeoNames' extracts lack).
    pub geonameid: Option<u64>,
    /// Resolved name.
    pub name: Option<String>,
    /// `country`, `region`, `city` or `feature` for gazetteer places; for places located from their context,
    /// what their name says they are: `street`, `county`, `district`, `building`, `park`, `feature` or
    /// `locality`.
    pub feature: Option<String>,
    /// ISO 3166 alpha-2 country.
    pub country: Option<String>,
    /// First-level region.
    pub admin1: Option<Admin1>,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
    /// Population.
    pub population: Option<u64>,
    /// The mention is a demonym or adjective (`Russian`, `Syrian`) standing for the place.
    #[serde(default)]
    pub demonym: bool,
    /// How the text names the place: `literal`, `metonym`, `demonym` or `embedded` (inside an organization's,
    /// facility's, event's or treaty's name).
    #[serde(default)]
    pub role: PlaceRole,
    /// Where the coordinates come from: `gazetteer`, or `context` for places GeoNames' extracts lack, whose
    /// coordinates are approximate (those of `near`); null when unresolved.
    #[serde(default)]
    pub resolution: Option<PlaceResolution>,
    /// For a place located from its context: the name of the place whose country, region and coordinates it
    /// takes (`New Orleans` for `Royal Street`).
    #[serde(default)]
    pub near: Option<String>,
}

/// What the article is about, geographically.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Focus {
    /// ISO alpha-2 codes of the focus countries, most important first.
    pub countries: Vec<String>,
    /// Names of the focus places (below country level), most important first.
    pub places: Vec<String>,
}

/// Loads the embedded gazetteer (done by [`crate::PipelineBuilder::build`]).
pub fn preload() {
    let _ = GAZETTEER.len();
}

/// Whether the place gazetteer (small places included) knows the words, joined by spaces, as the name of a place:
/// for the recognizer's rules that would make a name of a town a person's (`Stanytsia Luhanska`).
pub(crate) fn is_place_name(words: &[&str]) -> bool {
    let mut surface = String::new();
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            surface.push(' ');
        }
        surface.push_str(w);
    }
    let mut key = String::with_capacity(surface.len());
    normalize_into(&surface, &mut key);
    let mut found = Vec::new();
    GAZETTEER.lookup(&surface, &key, &mut found);
    !found.is_empty()
}

/// Lower-case words that may join the words of a name (`Sea of Azov`, `Rio de Janeiro`, `Bosnia and
/// Herzegovina`).
fn is_connector(w: &str) -> bool {
    matches!(
        w,
        "of" | "de"
            | "del"
            | "la"
            | "el"
            | "al"
            | "and"
            | "upon"
            | "on"
            | "du"
            | "des"
            | "da"
            | "do"
            | "dos"
    )
}

/// Compass and position words before a name (`North`, `Southwestern`, `Greater`, `Downtown`): part of a
/// street's or district's name, but free before a place's.
fn is_direction(w: &str) -> bool {
    matches!(
        w,
        "North"
            | "South"
            | "East"
            | "West"
            | "Northern"
            | "Southern"
            | "Eastern"
            | "Western"
            | "Central"
            | "Northeast"
            | "Northwest"
            | "Southeast"
            | "Southwest"
            | "Northeastern"
            | "Northwestern"
            | "Southeastern"
            | "Southwestern"
            | "Upper"
            | "Lower"
            | "Greater"
            | "Downtown"
    )
}

/// Capitalized words that may stand right before a place name without making it part of a larger name.
fn is_free_preceder(w: &str) -> bool {
    is_free_word(w) || is_direction(w)
}

/// The free words before a place other than compass and position words (see [`is_free_preceder`]).
fn is_free_word(w: &str) -> bool {
    matches!(
        w,
        "A" | "An"
            | "In"
            | "At"
            | "From"
            | "To"
            | "For"
            | "On"
            | "The"
            | "And"
            | "But"
            | "Near"
            | "Across"
            | "Outside"
            | "Inside"
            | "Throughout"
            | "Within"
            | "Like"
            | "Unlike"
            | "After"
            | "Before"
            | "Since"
            | "While"
            | "When"
            | "As"
            | "Of"
            | "By"
            | "With"
            | "Without"
            | "Both"
            | "Only"
            | "Even"
            | "Or"
            | "If"
            | "Meanwhile"
            | "However"
            | "Rural"
            | "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
            | "January"
            | "February"
            | "March"
            | "April"
            | "May"
            | "June"
            | "July"
            | "August"
            | "September"
            | "October"
            | "November"
            | "December"
            | "Today"
            | "Yesterday"
            | "Last"
            | "This"
            | "That"
            | "Where"
            | "Why"
            | "How"
            | "What"
            | "Via"
            | "Into"
            | "Over"
            | "Under"
            | "Against"
            | "Toward"
            | "Towards"
            | "Around"
            | "Beyond"
            | "Between"
            | "Among"
            | "Despite"
            | "During"
            | "Although"
            | "Though"
            | "Because"
            | "So"
            | "Yet"
            | "Now"
            | "Then"
            | "Here"
            | "There"
            | "All"
            | "Every"
            | "Many"
            | "Most"
            | "Some"
            | "Pro"
            | "Anti"
            | "Post"
            | "Pre"
            | "Ex"
    )
}

/// Capitalized words after which a place stays a place (it modifies them: `U.S. President`, `Russian Defense
/// Ministry`, `Ukraine Border Guard`).
fn is_modified_head(w: &str) -> bool {
    matches!(
        w,
        "Commissioner"
            | "Commission"
            | "Trade"
            | "Envoy"
            | "Mission"
            | "Judge"
            | "Agency"
            | "Council"
            | "Committee"
            | "Court"
            | "Chamber"
            | "National"
            | "Federal"
            | "President"
            | "Prime"
            | "Minister"
            | "Ministry"
            | "Foreign"
            | "Defense"
            | "Defence"
            | "Secretary"
            | "Army"
            | "Navy"
            | "Embassy"
            | "Ambassador"
            | "Consulate"
            | "Government"
            | "Parliament"
            | "Senate"
            | "Border"
            | "Coast"
            | "Special"
            | "Forces"
            | "Military"
            | "Supreme"
            | "Health"
            | "Interior"
            | "Finance"
            | "Economy"
            | "Chancellor"
            | "King"
            | "Queen"
            | "Prince"
            | "Crown"
            | "Governor"
            | "Mayor"
            | "Premier"
            | "Gov"
            | "Gov."
            | "Sen."
            | "Rep."
            | "Senator"
            | "Representative"
            | "Attorney"
            | "General"
            | "Gen."
            | "Vice"
            | "Deputy"
            | "Officials"
            | "Police"
            | "Authorities"
            | "Department"
            | "Election"
            | "Elections"
    )
}

/// Words and titles that say the following capitalized word is a person (`President Jackson`, `Mr. Lincoln`).
fn is_person_title(w: &str) -> bool {
    matches!(
        w.trim_end_matches('.'),
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "Sen"
            | "Rep"
            | "Gov"
            | "Gen"
            | "Lt"
            | "Col"
            | "Capt"
            | "Sgt"
            | "Maj"
            | "Adm"
            | "Prof"
            | "Rev"
            | "St"
            | "Sir"
            | "Lady"
            | "Lord"
            | "Saint"
            | "Pope"
            | "Judge"
            | "Justice"
            | "Coach"
            | "Officer"
            | "Detective"
            | "Sheriff"
            | "Chief"
            | "Senator"
            | "Governor"
            | "President"
            | "Minister"
            | "Secretary"
            | "Mayor"
            | "Miss"
    )
}

/// Head nouns of place names: `Kharkiv Region`, `Kerch Strait`, `Orange County`, `Frenchmen Street`.
fn place_head(w: &str) -> Option<Hint> {
    // Lower-cased on the stack: asked of many words, and no head is longer than `governorate`.
    let mut buf = [0u8; 11];
    let lw = buf.get_mut(..w.len())?;
    lw.copy_from_slice(w.as_bytes());
    lw.make_ascii_lowercase();
    Some(match &*lw {
        b"region" | b"oblast" | b"province" | b"state" | b"governorate" | b"krai" | b"republic"
        | b"prefecture" => Hint::Region,
        b"city" | b"town" | b"village" => Hint::City,
        b"county" | b"district" | b"strait" | b"sea" | b"river" | b"lake" | b"island"
        | b"islands" | b"bay" | b"valley" | b"peninsula" | b"mountains" | b"mountain" | b"gulf"
        | b"canal" | b"desert" | b"street" | b"avenue" | b"road" | b"square" | b"bridge"
        | b"airport" | b"harbor" | b"harbour" | b"port" | b"park" | b"heights" | b"beach"
        | b"boulevard" | b"highway" | b"coast" => Hint::Feature,
        _ => return None,
    })
}

/// What the head noun of a name the gazetteer lacks says the place is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Facility {
    /// The `feature` reported: `street`, `county`, `district`, `building`, `park`, `feature` or `locality`.
    feature: &'static str,
    /// Seldom a surname or a firm's last word (`Street`, `Cathedral`, unlike `Hall`, `Church` or `Park`): the
    /// name stays a place even where the recognizer calls it a person.
    strong: bool,
}

/// A place known only by the region or country after it (`Snetterton, Norfolk`) or a locative before it.
const LOCALITY: Facility = Facility {
    feature: "locality",
    strong: false,
};

/// A cape, mountain, lake or island named by its kind first (`Cape Peron`, `Mount Chaambi`), located from its
/// context.
const FEATURE: Facility = Facility {
    feature: "feature",
    strong: false,
};

/// Words that name a feature's kind before its name: `Cape Peron`, `Point Peron`, `Mount Chaambi`, `Lake
/// Manassas`, `Isle of Sheppey`.
fn is_feature_prefix(w: &str) -> bool {
    matches!(
        w,
        "Cape" | "Point" | "Mount" | "Mt." | "Mt" | "Lake" | "Isle" | "Loch" | "Lough"
    )
}

/// Words that name a building's kind before its name: `Palais des Nations`, `Hotel Warszawa`, `Château Frontenac`.
fn is_building_prefix(w: &str) -> bool {
    matches!(
        w,
        "Palais" | "Palazzo" | "Hotel" | "Château" | "Chateau" | "Schloss"
    )
}

/// A numbered British road (`the A417`, `the M25`).
const ROAD: Facility = Facility {
    feature: "street",
    strong: true,
};

/// Whether `w` is a British road number: `A417`, `M25`, `A1(M)`.
fn is_road_number(w: &str) -> bool {
    let w = w.strip_suffix("(M)").unwrap_or(w);
    let b = w.as_bytes();
    b.len() >= 2
        && b.len() <= 5
        && matches!(b[0], b'A' | b'M')
        && b[1] != b'0'
        && b[1..].iter().all(u8::is_ascii_digit)
}

/// Head nouns of streets, buildings, venues, counties and small features (`Royal Street`, `Manila Cathedral`,
/// `Marathon County`, `Glenrock Lagoon`): names located from their context when the gazetteer lacks them.
fn facility_head(w: &str) -> Option<Facility> {
    let w = w.trim_end_matches('.');
    let f = |feature, strong| Some(Facility { feature, strong });
    match w {
        "Street" | "St" | "Avenue" | "Ave" | "Boulevard" | "Blvd" | "Road" | "Rd" | "Drive"
        | "Highway" | "Motorway" | "Expressway" | "Freeway" | "Parkway" | "Square" => {
            f("street", true)
        }
        "Lane" | "Place" | "Terrace" | "Crescent" => f("street", false),
        "County" | "Township" => f("county", true),
        "Parish" | "Borough" => f("county", false),
        "District" | "Quarter" | "Estate" | "Neighbourhood" | "Neighborhood" => {
            f("district", false)
        }
        "Cathedral" | "Basilica" | "Chapel" | "Abbey" | "Mosque" | "Synagogue" | "Hospital"
        | "Infirmary" | "Theatre" | "Theater" | "Stadium" | "Arena" | "Racecourse" | "Raceway"
        | "Speedway" | "Castle" | "Mall" | "Prison" | "Jail" | "Penitentiary" | "Airport"
        | "Cemetery" | "Graveyard" | "Courthouse" | "Lighthouse" | "Barracks" => {
            f("building", true)
        }
        "Church" | "Temple" | "Shrine" | "Clinic" | "Palace" | "Hotel" | "Library" | "Museum"
        | "Tower" | "Hall" | "Centre" | "Center" | "Complex" | "Plaza" | "Station" | "Terminal"
        | "Farm" | "Farms" | "Cottage" => f("building", false),
        "Gardens" | "Racetrack" | "Reserve" => f("park", false),
        "Lagoon" | "Point" | "Creek" | "Reservoir" => f("feature", false),
        _ => None,
    }
}

/// Lower-case words before a place that make a common-word name (`Reading`, `Mobile`) a place.
fn is_locative(w: &str) -> bool {
    matches!(
        w,
        "in" | "at"
            | "from"
            | "to"
            | "near"
            | "outside"
            | "inside"
            | "across"
            | "toward"
            | "towards"
            | "via"
            | "into"
            | "throughout"
            | "around"
            | "of"
    )
}

/// What the words around a mention say about the kind of place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Hint {
    /// `... region`, `... Oblast`, `... province`.
    Region,
    /// `... city`.
    City,
    /// `... Strait`, `... County`, `... Street`.
    Feature,
}

/// A detected mention before resolution.
#[derive(Debug, Clone)]
struct Mention {
    /// Byte range of the whole mention (with a capitalized head: `Kerch Strait`).
    range: Range<usize>,
    /// Normalized name that resolves it.
    key: String,
    /// Surface of the name part (for exact-case codes).
    surface: Range<usize>,
    /// Gazetteer candidates.
    candidates: Vec<u32>,
    demonym: bool,
    hint: Option<Hint>,
    /// Index of the mention that contains it (`Paris, Texas` -> `Texas`).
    container: Option<usize>,
    /// Whether the mention comes from the entity recognizer.
    from_entity: bool,
    /// Whether its context says it is a place (a locative word before, a container after...).
    support: bool,
    /// Part of a longer capitalized name (`Washington Post`, `HSBC Bank Malta`): kept only inside an
    /// organization or event the recognizer found, as an embedded place.
    embedded: bool,
    /// A street, building or county the gazetteer lacks (`Royal Street`, `Manila Cathedral`): located from
    /// the town in its name (its `candidates`) or else from its context.
    facility: Option<Facility>,
}

impl Mention {
    /// A name the gazetteer lacks, found by its head or its context (`Royal Street`, `the A417`, `Snetterton,
    /// Norfolk`): located later from the places around it.
    fn unlisted(range: Range<usize>, hint: Option<Hint>, facility: Option<Facility>) -> Mention {
        Mention {
            range: range.clone(),
            key: String::new(),
            surface: range,
            candidates: Vec::new(),
            demonym: false,
            hint,
            container: None,
            from_entity: false,
            support: true,
            embedded: false,
            facility,
        }
    }
}

fn is_cap_word(text: &str, t: &Token) -> bool {
    // The class bits, then the first byte without slicing the token (asked of every token).
    t.kind == TokenKind::Word
        && t.class & (UPPER | NON_ASCII) != 0
        && match text.as_bytes().get(t.start).filter(|_| t.end > t.start) {
            // ASCII first: no UTF-8 decoding for the common case.
            Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
            _ => text[t.start..t.end]
                .chars()
                .next()
                .is_some_and(char::is_uppercase),
        }
}

/// A set of words of one article, only probed (`contains`), never iterated.
type WordSet<'t> =
    std::collections::HashSet<&'t str, std::hash::BuildHasherDefault<crate::text::Fnv>>;

/// Whether the article writes a word in lower case (`science`), probed for a few capitalized words per article:
/// the first probes scan the tokens for that word alone, and only an article with many probes pays for a set of
/// all its lower-case words (so the cost stays linear whatever the number of probes).
struct LowerWords<'c, 't> {
    ctx: &'c Context<'t>,
    scans: usize,
    set: Option<WordSet<'t>>,
}

impl<'c, 't> LowerWords<'c, 't> {
    /// Probes answered by a scan before the set is built.
    const SCANS: usize = 8;

    fn new(ctx: &'c Context<'t>) -> Self {
        LowerWords {
            ctx,
            scans: 0,
            set: None,
        }
    }

    /// The article's lower-case words: tokens that start with a lower-case letter.
    fn words(&self) -> impl Iterator<Item = &'t str> + '_ {
        let text: &'t str = self.ctx.text;
        self.ctx
            .tokens
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .filter_map(move |t| text.get(t.start..t.end))
            .filter(|w| w.starts_with(|c: char| c.is_lowercase()))
    }

    fn contains(&mut self, word: &str) -> bool {
        if self.set.is_none() && self.scans < Self::SCANS {
            self.scans += 1;
            let text = self.ctx.text.as_bytes();
            // Compare lengths and bytes first: the lower-case test runs only on an equal word.
            return self
                .ctx
                .tokens
                .iter()
                .filter(|t| {
                    t.kind == TokenKind::Word
                        && t.end - t.start == word.len()
                        && text.get(t.start..t.end) == Some(word.as_bytes())
                })
                .any(|_| word.starts_with(|c: char| c.is_lowercase()));
        }
        if self.set.is_none() {
            self.set = Some(self.words().collect());
        }
        self.set.as_ref().is_some_and(|s| s.contains(word))
    }
}

/// Bytes of context the word tests around a place look at: more than any word they compare with, and a bound,
/// so that a place inside a run with no space (`Russia-Ukraine-Russia-...`) is not read to the run's ends once
/// per place, which made a long run quadratic.
const CONTEXT: usize = 256;

/// The text before byte `start`, at most [`CONTEXT`] bytes of it.
fn text_before(text: &str, start: usize) -> &str {
    let before = text.get(..start).unwrap_or("");
    let mut lo = start.saturating_sub(CONTEXT);
    while !before.is_char_boundary(lo) {
        lo += 1;
    }
    &before[lo..]
}

/// The text after byte `end`, at most [`CONTEXT`] bytes of it.
fn text_after(text: &str, end: usize) -> &str {
    let after = text.get(end..).unwrap_or("");
    let mut hi = CONTEXT.min(after.len());
    while !after.is_char_boundary(hi) {
        hi -= 1;
    }
    &after[..hi]
}

/// The word right before byte `start` (punctuation counts as a word).
fn previous_word(text: &str, start: usize) -> &str {
    text_before(text, start)
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
}

/// Whether a name no gazetteer lists is the title of a work or a vessel rather than a place: set in quotation
/// marks (`aboard the "Mount Whitney"`), or after a word for a work or a ship (`the film Hotel Rwanda`, `the
/// frigate Admiral Makarov`). Located from its context it would be put in the story's town.
fn names_a_work_or_vessel(text: &str, range: &Range<usize>) -> bool {
    let quoted = |c: Option<char>| matches!(c, Some('"' | '“' | '”' | '«' | '»' | '„'));
    let before = text.get(..range.start).and_then(|b| b.chars().next_back());
    let after = text.get(range.end..).and_then(|a| a.chars().next());
    if quoted(before) && quoted(after) {
        return true;
    }
    matches!(
        previous_word(text, range.start).to_lowercase().as_str(),
        "film"
            | "movie"
            | "documentary"
            | "book"
            | "novel"
            | "memoir"
            | "song"
            | "album"
            | "play"
            | "musical"
            | "opera"
            | "ballet"
            | "series"
            | "sitcom"
            | "painting"
            | "ship"
            | "vessel"
            | "yacht"
            | "tanker"
            | "freighter"
            | "frigate"
            | "destroyer"
            | "cruiser"
            | "corvette"
            | "submarine"
            | "carrier"
            | "ferry"
            | "liner"
            | "icebreaker"
    )
}

/// Whether the word after a place name ending at `end` makes it the name of a treaty or negotiation (`the Geneva
/// Conventions`, `the Paris Agreement`, `the Normandy format`, `the Minsk agreements`): the place is part of a
/// name, not where something happens. (A country before such a word is a party to it: `the Iran agreement`.)
fn names_an_agreement(text: &str, end: usize) -> bool {
    let Some(rest) = text_after(text, end).strip_prefix(' ') else {
        return false;
    };
    let word = rest
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    matches!(
        word,
        "Convention"
            | "Conventions"
            | "Agreement"
            | "Agreements"
            | "agreement"
            | "agreements"
            | "Accord"
            | "Accords"
            | "accord"
            | "accords"
            | "Protocol"
            | "Protocols"
            | "protocol"
            | "protocols"
            | "Treaty"
            | "treaty"
            | "Declaration"
            | "Charter"
            | "Memorandum"
            | "Format"
            | "format"
    )
}

/// Whether the words before byte `start` are a settlement's kind and `of` (`the village of`, `Cairo's gated suburb
/// of`, `the town of`; not `settlement`, which is also a conflict's: `a settlement of Armenian-Azerbaijani
/// relations`): the name after them is a town, village or district, whatever else it could be.
fn after_settlement_of(text: &str, start: usize) -> bool {
    let before = text_before(text, start).trim_end();
    let Some(rest) = before.strip_suffix(" of") else {
        return false;
    };
    matches!(
        previous_word(rest, rest.len()),
        "village"
            | "town"
            | "suburb"
            | "hamlet"
            | "township"
            | "neighbourhood"
            | "neighborhood"
            | "municipality"
            | "commune"
    )
}

/// Finds and resolves the places of an article.
pub fn resolve(ctx: &Context, entities: &[Entity]) -> (Vec<Place>, Focus) {
    let gaz = &*GAZETTEER;
    let text = ctx.text;
    let mut mentions = detect(ctx);
    ambiguous_abbreviations(ctx, &mut mentions);
    // `the day after Christmas` names a feast, not the Florida town; `God bless` a deity, not a village.
    mentions.retain(|m| {
        !text
            .get(m.surface.clone())
            .is_some_and(|w| crate::entities::is_feast(w) || crate::entities::is_deity(w))
    });
    // Entities from the recognizer: LOC/NORP spans are added where the gazetteer saw nothing. A PER span vetoes
    // the gazetteer mentions inside it (`Jordan` the person, `Paris Hilton`); an ORG or MISC span vetoes those
    // strictly inside it (`Washington Post`) but not an equal one, which is a metonym (`Moscow said`).
    if !entities.is_empty() {
        let ranges: Vec<(Range<usize>, EntityLabel)> = entities
            .iter()
            .map(|e| (ctx.byte_of(e.start)..ctx.byte_of(e.end), e.label))
            .collect();
        let persons = Spans::new(ranges.iter().filter(|(_, l)| *l == EntityLabel::Person));
        let orgs = Spans::new(
            ranges
                .iter()
                .filter(|(_, l)| matches!(l, EntityLabel::Org | EntityLabel::Misc)),
        );
        // Facilities come out of the recognizer as locations (`Cavan Town Hall`, `Heathrow Animal Reception
        // Center`): a town that starts or ends one is embedded in it too.
        let names = Spans::new(
            ranges
                .iter()
                .filter(|(_, l)| !matches!(l, EntityLabel::Person | EntityLabel::Norp)),
        );
        // A place inside an organization's or event's name (`The Washington Post`, `U.S. Senate`, `Russian
        // Foreign Ministry`) is kept with the role `embedded`; a name part the recognizer puts in no
        // organization (`Andrew Jackson`, `Paris Hilton`) is no place.
        // `Royal Street` stays a street where the recognizer takes it for a person.
        // `around Hinton`, `in Valemount`: a one-word town after a place preposition stays a town where the
        // recognizer takes it for a person, unless the document writes it as part of a person's full name.
        // Words of multi-word person names, in a set: the check stays linear however many names there are.
        let full_names: WordSet = ranges
            .iter()
            .filter(|(_, l)| *l == EntityLabel::Person)
            .filter_map(|(r, _)| text.get(r.clone()))
            .filter(|s| s.contains(' '))
            .flat_map(|s| s.split(' '))
            .collect();
        // After a weaker preposition (`fired on Qamishli`, `moved to Dewsbury`) a one-word person is common
        // too (`a reference to Clinton`): there the town must be called a person nowhere else in the document
        // but after a preposition of place.
        // A sentence may open with the preposition (`On Oahu, home to Honolulu`): compared without case.
        let is_place_preposition = |w: &str| {
            ["in", "near", "around", "outside"]
                .iter()
                .any(|p| w.eq_ignore_ascii_case(p))
        };
        let is_weak_preposition = |w: &str| {
            [
                "at", "from", "to", "into", "on", "towards", "toward", "across", "via",
            ]
            .iter()
            .any(|p| w.eq_ignore_ascii_case(p))
        };
        let lone_persons: WordSet = ranges
            .iter()
            .filter(|(_, l)| *l == EntityLabel::Person)
            .filter(|(r, _)| {
                let w = previous_word(text, r.start);
                // `an Oahu house`: a name after `a`/`an` modifies a noun and says nothing of a person.
                !is_place_preposition(w)
                    && !is_weak_preposition(w)
                    && !matches!(w, "a" | "an" | "A" | "An")
            })
            .filter_map(|(r, _)| text.get(r.clone()))
            .filter(|s| !s.contains(' '))
            .collect();
        let located_town = |m: &Mention| {
            let Some(name) = text.get(m.range.clone()) else {
                return false;
            };
            let before = previous_word(text, m.range.start);
            !m.embedded
                && !m.demonym
                && !m.candidates.is_empty()
                && !name.contains(' ')
                && (is_place_preposition(before)
                    || (is_weak_preposition(before) && !lone_persons.contains(name)))
                && !text[m.range.end..].starts_with(['\'', '’'])
                && !full_names.contains(name)
        };
        // `in Matias Romero, Oaxaca State`: a name the gazetteer lacks, after a place preposition and before a
        // comma and a region or country that place it, is a town whatever the recognizer calls it.
        let located_locality = |m: &Mention| {
            m.facility == Some(LOCALITY)
                && m.candidates.is_empty()
                && (is_place_preposition(previous_word(text, m.range.start))
                    || after_settlement_of(text, m.range.start))
        };
        let vetoed = |m: &Mention| {
            let r = &m.range;
            persons.contains(r.start, r.end)
                && !m.facility.is_some_and(|f| f.strong)
                && !located_town(m)
                && !located_locality(m)
        };
        // One sense per document: a one-word place the text names as a place elsewhere (`in Samos`, `in Cork
        // city`) stays that place where the recognizer calls it a person (`Samos's economy`, `A Cork mother`),
        // unless the document writes it as part of a person's full name.
        let place_names: WordSet = mentions
            .iter()
            // Not a place word of a building or street (`Lincoln Center` names no place `Lincoln`).
            .filter(|m| {
                !m.embedded
                    && !m.demonym
                    && m.facility.is_none()
                    && m.range == m.surface
                    && !m.candidates.is_empty()
                    && !vetoed(m)
            })
            .filter_map(|m| text.get(m.surface.clone()))
            .filter(|s| !s.contains(' ') && !full_names.contains(s))
            .collect();
        // Only where the person is that word alone (not `Dyfed-Powys Police`).
        let mut lone_person_spans: Vec<(usize, usize)> = ranges
            .iter()
            .filter(|(_, l)| *l == EntityLabel::Person)
            .map(|(r, _)| (r.start, r.end))
            .collect();
        lone_person_spans.sort_unstable();
        let named_place = |m: &Mention| {
            !m.embedded
                && lone_person_spans
                    .binary_search(&(m.range.start, m.range.end))
                    .is_ok()
                && text
                    .get(m.range.clone())
                    .is_some_and(|s| place_names.contains(s))
        };
        // `23/24 June: Croft, Yorkshire.`: a place followed by a comma and a region that contains it is that place
        // whatever the recognizer calls it; not after a country (`Freeland, U.S. Trade Representative Robert
        // Lighthizer`) nor when the document writes it in a person's full name.
        let contained: Vec<bool> = mentions
            .iter()
            .zip(mentions.iter().skip(1))
            .map(|(m, n)| {
                !m.embedded
                    && !n.embedded
                    && text
                        .get(m.range.end..n.range.start)
                        .is_some_and(|between| between.trim() == ",")
                    && !text
                        .get(m.range.clone())
                        .is_some_and(|s| full_names.contains(s))
                    && lies_in(&m.candidates, &n.candidates, |outer| {
                        outer.kind != Kind::Country
                    })
            })
            .collect();
        let mut contained = contained.into_iter();
        mentions.retain(|m| {
            let r = &m.range;
            let contained = contained.next().unwrap_or(false);
            (!vetoed(m) || named_place(m) || contained)
                && (!m.embedded || names.strictly_contains(r.start, r.end))
        });
        for m in &mut mentions {
            if !m.embedded && orgs.strictly_contains(m.range.start, m.range.end) {
                m.embedded = true;
            }
        }
        let found = Spans::new(
            mentions
                .iter()
                .map(|m| (m.range.clone(), EntityLabel::Loc))
                .collect::<Vec<_>>()
                .iter(),
        );
        let mut key = String::new();
        // Words the text also writes in lower case (`science`): a capitalized one is no village. (Sets of the
        // article's words, only probed: FNV hashes short words far cheaper than the default SipHash.)
        let mut lower_words = LowerWords::new(ctx);
        let mut person_names: Option<WordSet> = None;
        for (r, l) in &ranges {
            if !matches!(l, EntityLabel::Loc | EntityLabel::Norp) {
                continue;
            }
            if found.overlaps(r.start, r.end) {
                continue;
            }
            let Some(surface) = text.get(r.clone()) else {
                continue;
            };
            let surface = surface
                .trim_start_matches("the ")
                .trim_start_matches("The ");
            let start = r.end - surface.len();
            key.clear();
            normalize_into(surface, &mut key);
            let (candidates, demonym) = match gaz.demonym(surface) {
                Some(i) => (vec![i], true),
                None => {
                    let mut c = Vec::new();
                    gaz.lookup(surface, &key, &mut c);
                    (c, false)
                }
            };
            // A group (`Western`, `Democrats`) is a place only through a demonym or a country, bloc or
            // continent of that name, never through a town or province that happens to share it.
            let candidates = if *l == EntityLabel::Norp && !demonym {
                candidates
                    .into_iter()
                    .filter(|&c| {
                        let r = &gaz.record(c);
                        matches!(r.kind, Kind::Country | Kind::Continent)
                            || (r.kind == Kind::Region && r.population == 0)
                    })
                    .collect()
            } else {
                candidates
            };
            if *l == EntityLabel::Norp && candidates.is_empty() {
                continue;
            }
            // A recognizer's location the gazetteer does not know counts only with a place word at its end
            // (`Royal Street`, `Marathon County`): alone it is too often a firm or a person (`Twitter`, `Chopin`).
            // Buildings and streets the recognizer calls locations (`Northwestern Memorial Hospital`) are
            // located from their context.
            let last = surface.rsplit(' ').next().unwrap_or("");
            // `in Toomevara`, `near Khayelitsha`: a location of the recognizer after a locative word is a
            // village or district GeoNames' extracts lack.
            let prev = previous_word(text, start);
            let locality = *l == EntityLabel::Loc
                && matches!(
                    prev,
                    "in" | "near" | "outside" | "at" | "from" | "to" | "into" | "around"
                )
                && surface.starts_with(char::is_uppercase)
                && surface.chars().any(char::is_lowercase)
                && !surface.contains(|c: char| c.is_ascii_digit())
                // `at Cornell University`: an affiliation, not where the story is.
                && !matches!(
                    last,
                    "University" | "College" | "School" | "Institute" | "Academy"
                );
            // A name the recognizer calls a person elsewhere (`spoke to Volodymyr Zelenskyy`) is none.
            let locality = locality
                && !person_names
                    .get_or_insert_with(|| {
                        ranges
                            .iter()
                            .filter(|(_, pl)| *pl == EntityLabel::Person)
                            .filter_map(|(pr, _)| text.get(pr.clone()))
                            .collect()
                    })
                    .contains(surface)
                && (surface.contains(' ') || !lower_words.contains(&surface.to_lowercase()));
            let first = surface.split(' ').next().unwrap_or("");
            let facility = facility_head(last)
                .or((surface.contains(' ') && is_feature_prefix(first)).then_some(FEATURE))
                .or(locality.then_some(LOCALITY))
                .filter(|_| candidates.is_empty() && !demonym);
            if candidates.is_empty() && place_head(last).is_none() && facility.is_none() {
                continue;
            }
            // `Oulton Park`: a feature the gazetteer lacks, located from its context.
            let feature_head =
                place_head(last).filter(|h| *h == Hint::Feature && candidates.is_empty());
            mentions.push(Mention {
                range: start..r.end,
                key: key.clone(),
                surface: start..r.end,
                candidates,
                demonym,
                hint: feature_head,
                container: None,
                from_entity: true,
                support: true,
                embedded: false,
                facility,
            });
        }
        mentions.sort_by_key(|m| m.range.start);
    } else {
        mentions.retain(|m| !m.embedded);
    }
    mentions.retain(|m| !m.candidates.is_empty() || !names_a_work_or_vessel(text, &m.range));
    for m in &mut mentions {
        if !m.demonym
            && names_an_agreement(text, m.range.end)
            && !m
                .candidates
                .iter()
                .any(|&c| gaz.record(c).kind == Kind::Country)
        {
            m.embedded = true;
        }
    }
    link_containers(ctx, &mut mentions);
    hint_listed_regions(ctx, &mut mentions);
    let mut chosen = choose(ctx, &mut mentions);
    unlist_far_small_places(ctx, &mut mentions, &mut chosen);
    let focus = focus(ctx, &mentions, &chosen);
    // The records of the first focus place and country: where a street with no place around it is.
    let record_of = |want: &dyn Fn(&Record) -> bool| {
        mentions
            .iter()
            .zip(&chosen)
            .filter(|(m, _)| !m.embedded && m.facility.is_none())
            .filter_map(|(_, c)| *c)
            .find(|&c| want(&gaz.record(c)))
    };
    // The records of the focus places, looked up once (each lookup scans the mentions).
    let focus_records: Vec<u32> = focus
        .places
        .iter()
        .filter_map(|p| record_of(&|r| r.name == p.as_str()))
        .collect();
    // The first focus place in the first focus country.
    let fallback = focus_records
        .iter()
        .copied()
        .find(|&c| Some(gaz.record(c).country) == focus.countries.first().map(String::as_str))
        .or_else(|| {
            let cc = focus.countries.first()?;
            record_of(&|r| r.kind == Kind::Country && r.country == cc.as_str())
        });
    // `the Delft police station` in a story about the Western Cape and Cape Town: a place located only from a
    // first-level region is most likely in the town of that region the story is about. Not from a county or
    // other region (`on the A47 in Norfolk` in a London story stays in Norfolk).
    let town_of_region = |f: u32| {
        let region = gaz.record(f);
        if region.kind != Kind::Admin1 {
            return f;
        }
        focus_records
            .iter()
            .copied()
            .find(|&c| {
                let r = gaz.record(c);
                matches!(r.kind, Kind::City | Kind::Capital) && contains(&region, &r)
            })
            .unwrap_or(f)
    };
    let fallback = fallback.map(town_of_region);
    // A story that names places only inside organizations' names or as demonyms (`CALAMBA CITY, Laguna Mayor...`,
    // `Winnipeg Free Press`): its most specific such place, the first among equals.
    let fallback = fallback.or_else(|| {
        mentions
            .iter()
            .zip(&chosen)
            .filter(|(m, _)| m.facility.is_none())
            .filter_map(|(_, c)| *c)
            .enumerate()
            .filter_map(|(i, c)| Some((specificity(gaz.record(c).kind)?, std::cmp::Reverse(i), c)))
            .max()
            .map(|(_, _, c)| c)
    });
    let top_country = focus.countries.first().map(String::as_str);
    let near = context_anchors(
        ctx,
        &mentions,
        &chosen,
        fallback,
        top_country,
        &town_of_region,
    );
    let places: Vec<Place> = mentions
        .iter()
        .zip(chosen.iter().zip(&near))
        .map(|(m, (c, n))| {
            let county = us_county(ctx, m, *n, top_country);
            // A county no place locates (`Cuyahoga County Executive`) still has its own point when only one US
            // state has a county of its name.
            let anchor = n.or_else(|| {
                let c = county.filter(|_| c.is_none() && m.facility.is_some())?;
                GAZETTEER.admin1("US", c.admin1)
            });
            to_place(ctx, m, *c, anchor, county)
        })
        .collect();
    (places, focus)
}

/// `Washington Square` in a story about New Orleans: a small place named like a street or building (its last word
/// a street's or building's head) outside every region of the story's other places is the story's own street or
/// square, located from its context like one the gazetteer lacks.
fn unlist_far_small_places(ctx: &Context, mentions: &mut [Mention], chosen: &mut [Option<u32>]) {
    let gaz = &*GAZETTEER;
    let mut regions: Vec<(&str, &str)> = mentions
        .iter()
        .zip(chosen.iter())
        .filter(|(m, _)| !m.demonym)
        .filter_map(|(_, c)| *c)
        .map(|c| gaz.record(c))
        .filter(|r| {
            !r.small
                && matches!(
                    r.kind,
                    Kind::Admin1 | Kind::Region | Kind::City | Kind::Capital
                )
        })
        .filter(|r| !r.admin1.is_empty())
        .map(|r| (r.country, r.admin1))
        .collect();
    if regions.is_empty() {
        return;
    }
    regions.sort_unstable();
    regions.dedup();
    // The mentions of the same name (one sense per document): they do not vouch for their own country.
    let mut by_key: HashMap<&str, usize> = HashMap::default();
    for m in mentions.iter().filter(|m| !m.embedded) {
        *by_key.entry(m.key.as_str()).or_default() += 1;
    }
    let mention_count: Vec<usize> = mentions
        .iter()
        .map(|m| by_key.get(m.key.as_str()).copied().unwrap_or(0))
        .collect();
    // How many places of each country the story names, and its home: the country it names most, three times
    // at least.
    let mut per_country: HashMap<&str, usize> = HashMap::default();
    for (m, c) in mentions.iter().zip(chosen.iter()) {
        if let Some(r) = c.filter(|_| !m.embedded).map(|c| gaz.record(c)) {
            *per_country.entry(r.country).or_default() += 1;
        }
    }
    let home = per_country
        .iter()
        .filter(|(cc, n)| **n >= 3 && !cc.is_empty())
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(cc, _)| *cc);
    for (k, (m, c)) in mentions.iter_mut().zip(chosen.iter_mut()).enumerate() {
        let Some(r) = c.map(|c| gaz.record(c)) else {
            continue;
        };
        if m.demonym || m.embedded {
            continue;
        }
        // `SB Smith Electrical on Middletown's New Road` in a story about Dewsbury: a town of under 100,000 people
        // in a country the story names nowhere else, in a story about another country, is a place of that
        // country the gazetteer lacks.
        if let Some(home) = home.filter(|h| *h != r.country) {
            let own = per_country.get(r.country).copied().unwrap_or(0);
            let foreign_town = m.facility.is_none()
                && m.container.is_none()
                && !m.candidates.is_empty()
                && own <= mention_count[k]
                && m.candidates.iter().all(|&o| {
                    let ro = gaz.record(o);
                    ro.kind == Kind::City && ro.population < 100_000 && ro.country != home
                });
            if foreign_town {
                m.facility = Some(LOCALITY);
                m.candidates.clear();
                *c = None;
                continue;
            }
        }
        if !r.small || in_regions(&r, &regions) {
            continue;
        }
        let last = ctx
            .text
            .get(m.range.clone())
            .and_then(|t| t.rsplit(' ').next())
            .unwrap_or("");
        if let Some(f) = facility_head(last) {
            m.facility = Some(f);
            m.candidates.clear();
            *c = None;
        }
    }
}

/// The US county a context-located `X County` or `X Parish` names, given the place `anchor` that locates it: the
/// county of that name in the anchor's state (`Pike County` near `Kentucky`), else, in a story about the US, the
/// county of that name with the most places (`Orange County` is California's); with no anchor, the only county
/// of that name (`Cuyahoga County`) in a story about the US or about no country.
fn us_county(
    ctx: &Context,
    m: &Mention,
    anchor: Option<u32>,
    top_country: Option<&str>,
) -> Option<gazetteer::County> {
    if !m.candidates.is_empty() {
        return None;
    }
    let surface = ctx.text.get(m.range.clone())?;
    let last = surface.rsplit(' ').next()?;
    if !last.eq_ignore_ascii_case("county") && !last.eq_ignore_ascii_case("parish") {
        return None;
    }
    let mut counties = gazetteer::us_counties(surface);
    // `Republican Orange County`: a word before the name.
    if counties.is_empty() {
        if let Some((_, rest)) = surface.split_once(' ') {
            counties = gazetteer::us_counties(rest);
        }
    }
    let Some(anchor) = anchor else {
        return match counties.as_slice() {
            [only] if top_country.map_or(true, |t| t == "US") => Some(*only),
            _ => None,
        };
    };
    let r = GAZETTEER.record(anchor);
    if r.country == "US" && !r.admin1.is_empty() {
        if let Some(c) = counties.iter().find(|c| c.admin1 == r.admin1) {
            return Some(*c);
        }
    }
    if r.country != "US" && top_country != Some("US") {
        return None;
    }
    counties.iter().max_by_key(|c| c.places).copied()
}

/// How specific a resolved place is as the context of a street or building: towns first, then regions and
/// features, then countries.
fn specificity(kind: Kind) -> Option<u8> {
    match kind {
        Kind::City | Kind::Capital => Some(3),
        Kind::Admin1 | Kind::Region | Kind::Feature => Some(2),
        Kind::Country => Some(1),
        Kind::Continent => None,
    }
}

/// For each mention located from its context (a street, building or county the gazetteer lacks), the record
/// whose coordinates it takes: the town in its name; else the most specific place of its sentence (the nearest
/// one among equals), then of the three sentences before; else the article's focus place, then focus country. A
/// first-level region found this way gives way to the story's focus town inside it.
fn context_anchors(
    ctx: &Context,
    mentions: &[Mention],
    chosen: &[Option<u32>],
    fallback: Option<u32>,
    top_country: Option<&str>,
    town_of_region: &dyn Fn(u32) -> u32,
) -> Vec<Option<u32>> {
    let gaz = &*GAZETTEER;
    let sentence = |m: &Mention| ctx.sentence_at(m.range.start).unwrap_or(0);
    // (sentence, byte start, (in the article's main country, specificity), record) of the places that can
    // locate others, in text order. A place in another country than the article's (often a same-name town
    // resolved wrongly) locates a street only where nothing in the article's country is near.
    let anchors: Vec<(usize, usize, (bool, u8), u32)> = mentions
        .iter()
        .zip(chosen)
        .filter(|(m, _)| !m.embedded && !m.demonym && m.facility.is_none())
        .filter_map(|(m, c)| {
            let c = (*c)?;
            let r = gaz.record(c);
            let home = top_country.map_or(true, |t| r.country == t);
            Some((sentence(m), m.range.start, (home, specificity(r.kind)?), c))
        })
        .collect();
    mentions
        .iter()
        .zip(chosen)
        .map(|(m, c)| {
            // Unresolved names with a region's head (`Islamic State`) are not located.
            let located =
                m.facility.is_some() || matches!(m.hint, Some(Hint::Feature | Hint::City));
            if m.demonym || (c.is_some() && m.facility.is_none()) || !located {
                return None;
            }
            if let Some(c) = c {
                return Some(*c);
            }
            if let Some(c) = m.container.and_then(|ci| chosen[ci]) {
                return Some(c);
            }
            let s = sentence(m);
            let lo = anchors.partition_point(|a| a.0 + 3 < s);
            let hi = anchors.partition_point(|a| a.0 <= s);
            // Bounded: a huge sentence full of places costs no more than a few dozen comparisons per mention.
            let window = &anchors[lo..hi];
            let window = &window[window.len().saturating_sub(64)..];
            // `the Palais des Nations in Geneva`, `Bambino Gesu Hospital in Rome`: the place right after a building
            // or street and `in` (or a comma) is where it stands, whatever the article's country.
            if m.facility.is_some() {
                let next = window.iter().find(|a| {
                    a.1 >= m.range.end
                        && ctx.text.get(m.range.end..a.1).is_some_and(|b| {
                            let b = b.trim();
                            // `in central Kyiv`, `in northern Gaza`, `in downtown Denver`.
                            matches!(b, "in" | "," | "near")
                                || b.strip_prefix("in ").is_some_and(|w| {
                                    matches!(
                                        w,
                                        "central"
                                            | "downtown"
                                            | "northern"
                                            | "southern"
                                            | "eastern"
                                            | "western"
                                    )
                                })
                        })
                });
                if let Some(a) = next {
                    return Some(a.3);
                }
            }
            // Beyond its own sentence, only a place in the article's main country locates a street: a same-name
            // town resolved abroad is a worse guess than the article's focus.
            let pick = |same: bool| {
                window
                    .iter()
                    // A range or river named sentences before (`the Appalachians`) is no street's town.
                    .filter(|a| {
                        if same {
                            a.0 == s
                        } else {
                            a.2 .0 && gaz.record(a.3).kind != Kind::Feature
                        }
                    })
                    .max_by_key(|a| (a.2, std::cmp::Reverse(a.1.abs_diff(m.range.start))))
                    .map(|a| a.3)
            };
            pick(true)
                .or_else(|| pick(false))
                .map(town_of_region)
                .or(fallback)
        })
        .collect()
}

/// Byte ranges sorted by start with the running maximum of their ends: overlap and containment queries in
/// logarithmic time, so that many entities against many mentions stay fast.
pub(crate) struct Spans {
    starts: Vec<usize>,
    /// `max_end[i]`: the largest end among the first `i + 1` ranges.
    max_end: Vec<usize>,
}

impl Spans {
    fn new<'a, I: Iterator<Item = &'a (Range<usize>, EntityLabel)>>(it: I) -> Spans {
        Spans::of_ranges(it.map(|(r, _)| r.clone()))
    }

    /// [`Spans::new`] of bare ranges.
    fn of_ranges(it: impl Iterator<Item = Range<usize>>) -> Spans {
        let mut v: Vec<Range<usize>> = it.collect();
        v.sort_by_key(|r| r.start);
        let mut max = 0;
        let max_end = v
            .iter()
            .map(|r| {
                max = max.max(r.end);
                max
            })
            .collect();
        Spans {
            starts: v.into_iter().map(|r| r.start).collect(),
            max_end,
        }
    }

    /// Largest end among ranges starting at or before `pos` (`strict`: before).
    fn max_end_from(&self, pos: usize, strict: bool) -> Option<usize> {
        let n = self
            .starts
            .partition_point(|&s| if strict { s < pos } else { s <= pos });
        n.checked_sub(1).map(|i| self.max_end[i])
    }

    /// Whether some range overlaps `start..end`.
    pub(crate) fn overlaps(&self, start: usize, end: usize) -> bool {
        let n = self.starts.partition_point(|&s| s < end);
        n.checked_sub(1).is_some_and(|i| self.max_end[i] > start)
    }

    /// Whether some range contains `start..end`.
    fn contains(&self, start: usize, end: usize) -> bool {
        self.max_end_from(start, false).is_some_and(|e| e >= end)
    }

    /// Whether some range contains `start..end` and is larger.
    fn strictly_contains(&self, start: usize, end: usize) -> bool {
        self.max_end_from(start, false).is_some_and(|e| e > end)
            || self.max_end_from(start, true).is_some_and(|e| e >= end)
    }
}

/// Gazetteer answers by surface: names recur within a document (`Trump`, `Russia`, a sentence's `The`) and across
/// the documents of a run (`Moscow`, `President`, `The`), and a lookup probes two tables (cold memory) and parses id
/// lists each time. Sound because within [`detect`] the key is a function of the surface (each character
/// normalized, a one-byte gap between tokens as a space) and the gazetteer is fixed: keyed by the surface alone, a
/// remembered name needs no key built. Kept per thread across documents (see [`MEMO`]), its surfaces copied into
/// one string. Direct-mapped: a collision only forgets an answer.
#[derive(Default)]
struct LookupMemo {
    slots: Vec<Option<MemoEntry>>,
    /// The surfaces of all entries, one after another.
    surfaces: String,
    /// The candidates of all entries, one after another.
    ids: Vec<u32>,
}

/// One remembered answer of [`LookupMemo`].
#[derive(Clone, Copy)]
struct MemoEntry {
    hash: u64,
    /// Start and length of the surface in `LookupMemo::surfaces`.
    at: u32,
    surface_len: u32,
    /// Start and length of the candidates in `LookupMemo::ids`.
    start: u32,
    len: u32,
    /// Whether a longer name may start with the key.
    longer: bool,
    demonym: Option<u32>,
}

thread_local! {
    /// The lookup memo of this thread, lent to [`detect`] for each document.
    static MEMO: std::cell::RefCell<LookupMemo> = std::cell::RefCell::new(LookupMemo::default());
}

impl LookupMemo {
    /// Slots (a power of two): more than the distinct names of many articles.
    const SLOTS: usize = 4096;
    /// Bytes of surfaces (and candidates) past which the memo starts afresh before a document, so that entries
    /// overwritten by collisions do not pile up in a long run.
    const MAX_BYTES: usize = 1 << 18;

    /// This thread's memo, taken out of [`MEMO`] for one document (a fresh one when it is not there).
    fn take() -> Self {
        let mut memo = MEMO.try_with(|m| m.take()).unwrap_or_default();
        memo.bound();
        memo
    }

    /// Starts afresh when the memo is full (or new), so that its memory stays bounded in a long run. (Within one
    /// document it grows at most with the document's capitalized words.)
    fn bound(&mut self) {
        if self.slots.len() != Self::SLOTS
            || self.surfaces.len() > Self::MAX_BYTES
            || self.ids.len() * 4 > Self::MAX_BYTES
        {
            self.clear();
        }
    }

    /// Forgets every answer.
    #[cold]
    #[inline(never)]
    fn clear(&mut self) {
        self.slots.clear();
        self.slots.resize(Self::SLOTS, None);
        self.surfaces.clear();
        self.ids.clear();
    }

    /// Gives the memo back to [`MEMO`] for the thread's next document.
    fn put_back(self) {
        let _ = MEMO.try_with(|m| *m.borrow_mut() = self);
    }

    /// The memo's hash of a surface.
    fn hash(surface: &str) -> u64 {
        gazetteer::geo_hash(surface.as_bytes())
    }

    /// The slot of a surface of hash `hash`.
    fn slot(hash: u64) -> usize {
        (hash >> 32) as usize & (Self::SLOTS - 1)
    }

    /// The remembered answer of [`LookupMemo::lookup`] for `surface` (whose [`LookupMemo::hash`] is `hash`),
    /// its candidates into `out`; `None` when not remembered.
    fn get(&self, surface: &str, hash: u64, out: &mut Vec<u32>) -> Option<(bool, Option<u32>)> {
        let slot = Self::slot(hash);
        let e = self.slots.get(slot)?.as_ref()?;
        let (at, n) = (e.at as usize, e.surface_len as usize);
        if e.hash != hash || self.surfaces.as_bytes().get(at..at + n) != Some(surface.as_bytes()) {
            return None;
        }
        out.clear();
        let (s, n) = (e.start as usize, e.len as usize);
        out.extend_from_slice(self.ids.get(s..s + n).unwrap_or_default());
        Some((e.longer, e.demonym))
    }

    /// [`gazetteer::Gazetteer::lookup`] of `surface` (normalized as `key`) into `out`, and
    /// [`gazetteer::Gazetteer::demonym`] of `surface`: remembered.
    fn lookup(
        &mut self,
        gaz: &gazetteer::Gazetteer,
        surface: &str,
        key: &str,
        out: &mut Vec<u32>,
    ) -> (bool, Option<u32>) {
        let hash = Self::hash(surface);
        match self.get(surface, hash, out) {
            Some(answer) => answer,
            None => self.answer(gaz, surface, hash, key, out),
        }
    }

    /// [`LookupMemo::lookup`] of a surface not remembered (`hash` is its [`LookupMemo::hash`]): asked of the
    /// gazetteer, then remembered.
    fn answer(
        &mut self,
        gaz: &gazetteer::Gazetteer,
        surface: &str,
        hash: u64,
        key: &str,
        out: &mut Vec<u32>,
    ) -> (bool, Option<u32>) {
        let slot = Self::slot(hash);
        let longer = gaz.lookup(surface, key, out);
        let demonym = gaz.demonym(surface);
        let entry = MemoEntry {
            hash,
            at: self.surfaces.len() as u32,
            surface_len: surface.len() as u32,
            start: self.ids.len() as u32,
            len: out.len() as u32,
            longer,
            demonym,
        };
        self.surfaces.push_str(surface);
        self.ids.extend_from_slice(out);
        if let Some(cell) = self.slots.get_mut(slot) {
            *cell = Some(entry);
        }
        (longer, demonym)
    }
}

/// Appends to `key` (the key of `toks[from..*built]`) the normalized words of the tokens up to `upto` (a gap
/// between two tokens as a space), as [`detect`] keys a name from token `from` on.
fn extend_key(
    text: &str,
    toks: &[Token],
    from: usize,
    built: &mut usize,
    upto: usize,
    key: &mut String,
) {
    while *built <= upto {
        let Some(t) = toks.get(*built) else {
            return;
        };
        if *built > from && toks.get(*built - 1).is_some_and(|p| t.start > p.end) {
            key.push(' ');
        }
        normalize_into(&text[t.start..t.end], key);
        *built += 1;
    }
}

/// Gazetteer detection over the capitalized token sequences of each sentence.
fn detect(ctx: &Context) -> Vec<Mention> {
    let gaz = &*GAZETTEER;
    let text = ctx.text;
    let mut out: Vec<Mention> = Vec::new();
    let mut key = String::new();
    let mut best_key = String::new();
    let mut cands: Vec<u32> = Vec::new();
    let mut memo = LookupMemo::take();
    // Last words of multi-word capitalized names that are not places: surnames (`Andrew Jackson` -> `Jackson`),
    // normalized into one string (byte ranges of it), not a string each.
    let mut surname_text = String::new();
    let mut surname_ends: Vec<Range<usize>> = Vec::new();
    // Starts of common words kept only if the document also names them as places (`A Cork mother` beside `in Cork
    // city`), in text order.
    let mut provisional: Vec<usize> = Vec::new();
    for (si, s) in ctx.sentences.iter().enumerate() {
        let toks = ctx.sentence_tokens(si);
        let headline = ctx
            .paragraphs
            .get(s.paragraph)
            .is_some_and(|p| p.title || p.heading)
            || (is_title_case(text, toks) && !is_list_item(text, toks));
        let first_word = toks.iter().position(|t| t.kind == TokenKind::Word);
        let mut i = 0;
        while i < toks.len() {
            let t = &toks[i];
            // Most tokens are words from a lower-case ASCII letter: no street number, no capitalized word; only
            // a hyphenated compound is looked into. (A word of no capital, digit or non-ASCII byte is one or
            // fares alike below: its class says so without reading its bytes.)
            if t.kind == TokenKind::Word
                && (t.class & (UPPER | DIGIT | NON_ASCII) == 0
                    || (t.end > t.start
                        && text
                            .as_bytes()
                            .get(t.start)
                            .is_some_and(u8::is_ascii_lowercase)))
            {
                if t.class & HYPHEN != 0 {
                    split_hyphenated(text, t, &mut out);
                }
                i += 1;
                continue;
            }
            // `detained on 9th St.`, `the repaving of Second street`, `the 700 block of Gravois`.
            if let Some(e) = numbered_street(text, toks, i) {
                out.push(Mention::unlisted(
                    toks[e.start].start..toks[e.end - 1].end,
                    Some(Hint::Feature),
                    Some(STREET),
                ));
                i = e.end;
                continue;
            }
            if !is_cap_word(text, t) {
                // `anti-Russian`, `pro-Kremlin`, `Asia-Pacific` inside a lower-case compound.
                if t.kind == TokenKind::Word && t.class & HYPHEN != 0 {
                    split_hyphenated(text, t, &mut out);
                }
                i += 1;
                continue;
            }
            // Longest gazetteer name starting here. The key of the tokens `i..built` is built only when needed:
            // names recur, and a remembered surface needs none.
            key.clear();
            let mut built = i;
            let mut best: Option<(usize, Vec<u32>, bool)> = None;
            let mut best_end = t.end;
            let mut j = i;
            while j < toks.len() && j < i + 12 {
                let tj = &toks[j];
                let w = &text[tj.start..tj.end];
                let joinable = if j == i {
                    true
                } else {
                    (is_cap_word(text, tj)
                        || is_connector(w)
                        || matches!(w, "-" | "'" | "'s" | "’s"))
                        && tj.start.saturating_sub(toks[j - 1].end) <= 1
                };
                if !joinable {
                    break;
                }
                let surface = &text[t.start..tj.end];
                let hash = LookupMemo::hash(surface);
                let (longer, demonym) = match memo.get(surface, hash, &mut cands) {
                    Some(answer) => answer,
                    None => {
                        extend_key(text, toks, i, &mut built, j, &mut key);
                        memo.answer(gaz, surface, hash, &key, &mut cands)
                    }
                };
                if is_cap_word(text, tj) && j <= i + 1 {
                    if let Some(d) = demonym {
                        best = Some((j, vec![d], true));
                        best_end = tj.end;
                        extend_key(text, toks, i, &mut built, j, &mut key);
                        best_key.clone_from(&key);
                    }
                }
                // `Portland, Ore.`, `Walker County (Ga.)`: the tokenizer leaves the dot of an AP-style region
                // abbreviation apart; it names a region only right after a comma or a bracket (`Mass.` is also a
                // church service).
                if cands.is_empty() && j == i {
                    let dot = toks
                        .get(j + 1)
                        .filter(|d| d.start == tj.end && &text[d.start..d.end] == ".");
                    let after = i
                        .checked_sub(1)
                        .is_some_and(|p| matches!(&text[toks[p].start..toks[p].end], "," | "("));
                    if let Some(d) = dot.filter(|_| after) {
                        extend_key(text, toks, i, &mut built, j, &mut key);
                        key.push('.');
                        memo.lookup(gaz, &text[t.start..d.end], &key, &mut cands);
                        cands.retain(|&c| gaz.record(c).kind == Kind::Admin1);
                        if !cands.is_empty() {
                            best = Some((j + 1, cands.clone(), false));
                            best_end = d.end;
                            best_key.clone_from(&key);
                        }
                        break;
                    }
                    // `HORRY COUNTY, SC (WMBF)`, `Trenton, NJ`: a US postal code right after a capitalized
                    // name and a comma, before no other capitalized word, is the state of its AP form.
                    let named_before = i.checked_sub(2).is_some_and(|p| {
                        is_cap_word(text, &toks[p])
                            && &text[toks[p + 1].start..toks[p + 1].end] == ","
                    });
                    // `..., OK?`, `..., HI!`: a word of speech, no state; `a Kalashnikov, AK-47`: a model name.
                    let name_after = toks.get(j + 1).is_some_and(|n| {
                        is_cap_word(text, n)
                            || matches!(&text[n.start..n.end], "?" | "!")
                            || (n.start == tj.end && &text[n.start..n.end] == "-")
                    });
                    if let Some(state) = us_postal_state(w).filter(|_| named_before && !name_after)
                    {
                        // Keyed by the code itself: `NY` must not share a choice with the city `New York`.
                        key.clear();
                        normalize_into(w, &mut key);
                        best = Some((j, vec![state], false));
                        best_end = tj.end;
                        best_key.clone_from(&key);
                        break;
                    }
                }
                if !cands.is_empty() && is_cap_word(text, tj) {
                    best = Some((j, cands.clone(), false));
                    best_end = tj.end;
                    extend_key(text, toks, i, &mut built, j, &mut key);
                    best_key.clone_from(&key);
                }
                // `Los Angeles-based`, `New York-born`: the name ends inside the hyphenated word.
                if j > i && cands.is_empty() {
                    if let Some(pos) = w
                        .find('-')
                        .filter(|&p| w[p + 1..].starts_with(|c: char| c.is_lowercase()))
                    {
                        // The key up to the word before (built anew: it may hold this word already), its gap,
                        // and the name's part of the word.
                        key.clear();
                        built = i;
                        extend_key(text, toks, i, &mut built, j - 1, &mut key);
                        if tj.start > toks[j - 1].end {
                            key.push(' ');
                        }
                        normalize_into(&w[..pos], &mut key);
                        let head_surface = &text[t.start..tj.start + pos];
                        memo.lookup(gaz, head_surface, &key, &mut cands);
                        if !cands.is_empty() {
                            best = Some((j, cands.clone(), false));
                            best_end = tj.start + pos;
                            best_key.clone_from(&key);
                        }
                        break;
                    }
                }
                if !longer {
                    break;
                }
                j += 1;
            }
            // Small places (`Diaz`, `Macy`, `Nato`) share their names with people, firms and acronyms: inside a
            // longer capitalized name or written in capitals they are that name, not the village.
            let best = best.filter(|(j, cands, demonym)| {
                // A language is no place: `in English`, `speaks Russian`, `French-language`.
                if *demonym {
                    let prev = i
                        .checked_sub(1)
                        .map_or("", |p| &text[toks[p].start..toks[p].end]);
                    let next = toks.get(j + 1).map_or("", |n| &text[n.start..n.end]);
                    let after = text.get(best_end..).unwrap_or("");
                    // `in English.` but not `in African civil service`.
                    let ends_phrase = !next.starts_with(|c: char| c.is_lowercase())
                        || matches!(next, "and" | "or");
                    return !((matches!(prev, "in" | "into") && ends_phrase)
                        || matches!(
                            prev,
                            "speak"
                                | "speaks"
                                | "spoke"
                                | "speaking"
                                | "fluent"
                                | "learn"
                                | "learning"
                                | "teach"
                                | "taught"
                                | "translated"
                                | "subtitled"
                        )
                        || matches!(
                            next,
                            "language" | "languages" | "speaker" | "speakers" | "translation"
                        )
                        || after.starts_with("-language")
                        || after.starts_with("-speaking"));
                }
                // `300 B.C.` or `500 BC` is an era and `N.B.` at a sentence's start a note, not British Columbia
                // or New Brunswick.
                let abbreviation = &text[t.start..best_end];
                let short_code =
                    abbreviation.len() <= 4 && !abbreviation.chars().any(char::is_lowercase);
                if (abbreviation.ends_with('.') || short_code)
                    && cands.iter().all(|&c| gaz.record(c).kind == Kind::Admin1)
                    && ((first_word == Some(i) && abbreviation.ends_with('.'))
                        || i.checked_sub(1)
                            .is_some_and(|p| toks[p].kind == TokenKind::Number))
                {
                    return false;
                }
                if !cands.iter().all(|&c| gaz.is_small(c)) {
                    return true;
                }
                let inside_name = |k: Option<&Token>| {
                    k.is_some_and(|k| {
                        let w = &text[k.start..k.end];
                        is_cap_word(text, k) && place_head(w).is_none() && !is_free_preceder(w)
                    })
                };
                let next = toks.get(j + 1).filter(|n| n.start <= best_end + 1);
                let prev = i
                    .checked_sub(1)
                    .map(|p| &toks[p])
                    .filter(|p| p.end + 1 >= t.start);
                let shouted = !text[t.start..best_end].chars().any(char::is_lowercase);
                !(shouted || inside_name(next) || inside_name(prev))
            });
            let Some((j, candidates, demonym)) = best else {
                // A capitalized name that is no place: remember its first and last words as possible given
                // names and surnames (`Nelson Mandela`, `Andrew Jackson`), to keep `Nelson` or `Jackson` out.
                let starts_name = i == 0 || !is_cap_word(text, &toks[i - 1]);
                let mut k = i;
                while starts_name
                    && k + 1 < toks.len()
                    && k < i + 8
                    && is_cap_word(text, &toks[k + 1])
                {
                    k += 1;
                }
                let first = &text[t.start..t.end];
                // Asked of `first` by most rules below: decided once.
                let direction = is_direction(first);
                let free = direction || is_free_word(first);
                // `Marathon County Sheriff`, `Cuyahoga County Executive Armond Budish`: a county that names an
                // office is a place in that name.
                if starts_name && !headline && !free && !is_person_title(first) {
                    let county = (i + 1..=k.min(i + 3)).find(|&p| {
                        matches!(&text[toks[p].start..toks[p].end], "County" | "Parish")
                    });
                    if let Some(p) = county.filter(|&p| p < k) {
                        out.push(Mention::unlisted(
                            t.start..toks[p].end,
                            Some(Hint::Feature),
                            facility_head("County"),
                        ));
                        i = p + 1;
                        continue;
                    }
                }
                if k > i && !headline && !free {
                    let last = &text[toks[k].start..toks[k].end];
                    // `Royal Street`, `Marathon County`: a place GeoNames' extracts lack, located from its
                    // context.
                    let head = place_head(last).filter(|_| {
                        !matches!(
                            last,
                            "State" | "Republic" | "Park" | "Port" | "Coast" | "Road"
                        ) && !is_person_title(first)
                    });
                    if head.is_some() {
                        out.push(Mention::unlisted(
                            t.start..toks[k].end,
                            head,
                            facility_head(last),
                        ));
                        i = k + 1;
                        continue;
                    }
                    // `off the coast of Cape Peron`, `the Point Peron car park`: a feature named by its kind first;
                    // `the pavements of Rue Bernard Lazare`, `the Faubourg Tremé`: a street or district so named.
                    let prefixed = if is_feature_prefix(first) {
                        Some(FEATURE)
                    } else if matches!(first, "Rue" | "Calle" | "Avenida" | "Rua") {
                        Some(STREET)
                    } else if first == "Faubourg" {
                        Some(Facility {
                            feature: "district",
                            strong: true,
                        })
                    } else {
                        None
                    };
                    if let Some(fac) = prefixed.filter(|_| k <= i + 2) {
                        out.push(Mention::unlisted(
                            t.start..toks[k].end,
                            Some(Hint::Feature),
                            Some(fac),
                        ));
                        i = k + 1;
                        continue;
                    }
                }
                // `the Palais des Nations in Geneva`, `the nearby Hotel Warszawa` (in Prague): a building named
                // by its kind first, located from its context, not in the town its name may carry.
                if starts_name && !headline && is_building_prefix(first) {
                    let mut e = k;
                    let joined = |a: &Token, b: &Token| b.start.saturating_sub(a.end) <= 1;
                    if e == i {
                        if let (Some(c), Some(n)) = (toks.get(i + 1), toks.get(i + 2)) {
                            if is_connector(&text[c.start..c.end])
                                && is_cap_word(text, n)
                                && joined(t, c)
                                && joined(c, n)
                            {
                                e = i + 2;
                            }
                        }
                    }
                    if e > i && e <= i + 3 {
                        out.push(Mention::unlisted(
                            t.start..toks[e].end,
                            Some(Hint::Feature),
                            Some(Facility {
                                feature: "building",
                                strong: false,
                            }),
                        ));
                        i = e + 1;
                        continue;
                    }
                }
                // `Northwestern Memorial Hospital`, `the Princes Theatre`, `St. Peter's Basilica`: a street,
                // building or venue GeoNames' extracts lack, located from its context.
                // `The Princes Theatre` without `The`; `South Kilburn Estate` whole.
                let name_start = if free && !direction { i + 1 } else { i };
                if starts_name && !headline {
                    if let Some((e, end, fac)) = facility_name(text, toks, name_start) {
                        let start = toks[name_start].start;
                        out.push(Mention::unlisted(
                            start..end,
                            Some(Hint::Feature),
                            Some(fac),
                        ));
                        i = e + 1;
                        continue;
                    }
                }
                // `on the A417`, `The A417 southbound`, `via the A436, A40 and A429`: a numbered road.
                let prev_w = i
                    .checked_sub(1)
                    .map_or("", |p| &text[toks[p].start..toks[p].end]);
                // `marched on the Capitol`, `the state Capitol`: the capitol building of the place the story is
                // about, located from its context.
                if k == i && first == "Capitol" && matches!(prev_w, "the" | "state") {
                    out.push(Mention::unlisted(
                        t.start..t.end,
                        Some(Hint::Feature),
                        Some(Facility {
                            feature: "building",
                            strong: true,
                        }),
                    ));
                    i += 1;
                    continue;
                }
                let listed_road = matches!(prev_w, "," | "and" | "or")
                    && out.last().is_some_and(|m| {
                        m.facility == Some(ROAD) && t.start.saturating_sub(m.range.end) <= 6
                    });
                if (matches!(prev_w, "the" | "The") || listed_road) && is_road_number(first) {
                    out.push(Mention::unlisted(t.start..t.end, None, Some(ROAD)));
                    i += 1;
                    continue;
                }
                // `the home village of Nagrig`, `Cairo's new suburb of Mivida`, `Kwall village of Bassa Local
                // Government Area`: a name the gazetteer lacks after a settlement's kind and `of` is a locality.
                if starts_name
                    && !headline
                    && k < i + 4
                    && first.chars().any(char::is_lowercase)
                    && !free
                    && !is_person_title(first)
                    && after_settlement_of(text, t.start)
                {
                    out.push(Mention::unlisted(
                        t.start..toks[k].end,
                        None,
                        Some(LOCALITY),
                    ));
                    i = k + 1;
                    continue;
                }
                // `Snetterton, Norfolk`; `Matias Romero, Oaxaca State`: a name the gazetteer lacks, placed by the
                // region or country after it; not a sentence's opener (`Indeed, Russia`) nor an acronym.
                if starts_name
                    && !headline
                    && k < i + 3
                    && first_word != Some(i)
                    && first.chars().any(char::is_lowercase)
                    && !free
                    && !is_person_title(first)
                    && toks
                        .get(k + 1)
                        .is_some_and(|c| &text[c.start..c.end] == "," && c.start == toks[k].end)
                    && container_follows(text, toks, k + 2)
                {
                    out.push(Mention::unlisted(
                        t.start..toks[k].end,
                        None,
                        Some(LOCALITY),
                    ));
                    i = k + 1;
                    continue;
                }
                if k > i && !headline && !free {
                    let last = &text[toks[k].start..toks[k].end];
                    for w in [first, last] {
                        let from = surname_text.len();
                        normalize_into(w, &mut surname_text);
                        surname_ends.push(from..surname_text.len());
                    }
                }
                // Hyphenated compounds: `Russia-Ukraine`, `U.S.-led`, `pro-Russian`.
                if t.kind == TokenKind::Word && t.class & HYPHEN != 0 {
                    split_hyphenated(text, t, &mut out);
                }
                i += 1;
                continue;
            };
            // `Manila Cathedral`, `Colchester General Hospital`, `Hamilton County`, `Atlantic Avenue`: a
            // building is located by the town in its name (not a saint's: `St George's Chapel`), a street or
            // county, often named after a far-away town or a person, by its context.
            let starts_here = i == 0 || {
                let p = &toks[i - 1];
                !is_cap_word(text, p) || is_free_preceder(&text[p.start..p.end])
            };
            let possessive = toks
                .get(j + 1)
                .is_some_and(|n| matches!(&text[n.start..n.end], "'s" | "’s"));
            let saint = matches!(
                text[t.start..t.end].trim_end_matches('.'),
                "St" | "Saint" | "San" | "Santa"
            );
            // `St George's Chapel`, `St Mary's Hospital`: a saint's name goes on after the possessive.
            let k = if possessive && saint { j + 2 } else { j + 1 };
            if starts_here && !headline && (!possessive || saint) && k < toks.len() {
                // `U.S. Embassy`, `Europe Square`: a country or continent names things far from it.
                let country_like = candidates
                    .iter()
                    .all(|&c| matches!(gaz.record(c).kind, Kind::Country | Kind::Continent));
                let joined = toks[j + 1].start <= best_end + 1
                    && (k == j + 1 || toks[k].start <= toks[j + 1].end + 1);
                // `the French Quarter`, `the Jewish Quarter`: a district a nation's adjective names lies in the
                // town of the story, not in that nation.
                let tail = facility_tail(text, toks, k).filter(|(_, _, f)| {
                    joined
                        && is_cap_word(text, &toks[k])
                        && if demonym {
                            f.feature == "district"
                        } else {
                            !country_like
                        }
                });
                if let Some((e, end, fac)) = tail {
                    // A town under 50,000 people names few buildings but its own town hall; other such names
                    // are more often a founder's (`Carnegie Library`, `The Colony Theatre`).
                    let town_hall = text
                        .get(t.start..end)
                        .is_some_and(|n| n.ends_with("Town Hall") || n.ends_with("City Hall"));
                    let candidates: Vec<u32> = if fac.feature == "building" && !saint {
                        candidates
                            .into_iter()
                            .filter(|&c| {
                                let r = gaz.record(c);
                                !r.small && !r.common && (town_hall || r.population >= 50_000)
                            })
                            .collect()
                    } else {
                        Vec::new()
                    };
                    let key = if candidates.is_empty() {
                        String::new()
                    } else {
                        best_key.clone()
                    };
                    out.push(Mention {
                        range: t.start..end,
                        key,
                        surface: t.start..best_end,
                        candidates,
                        demonym: false,
                        hint: None,
                        container: None,
                        from_entity: false,
                        support: true,
                        embedded: false,
                        facility: Some(fac),
                    });
                    i = e + 1;
                    continue;
                }
            }
            let range = toks[i].start..best_end;
            let prev = i.checked_sub(1).map(|p| &toks[p]);
            let next = toks.get(j + 1);
            let prev_w = prev.map(|p| &text[p.start..p.end]).unwrap_or("");
            let next_w = next.map(|n| &text[n.start..n.end]).unwrap_or("");
            let mut hint = None;
            let mut full = range.clone();
            let mut keep = true;
            // Part of a longer name: an embedded place if the recognizer finds an organization around it.
            let mut name_part = false;
            let country_like = demonym
                || candidates.iter().all(|&c| {
                    let r = &gaz.record(c);
                    // Countries and blocs modify titles and bodies: `U.S. Trade Representative`, `EU
                    // Commissioner`.
                    r.kind == Kind::Country || (r.kind == Kind::Region && r.population == 0)
                });
            let mut capital_head = false;
            // `LONDON The Latest...`: an all-capital dateline before ordinary text.
            let surface_text = &text[range.clone()];
            let dateline = surface_text.len() > 2
                && surface_text.chars().all(|c| !c.is_lowercase())
                && next_w.chars().any(char::is_lowercase);
            // `Union State` (of Russia and Belarus): `State` after a common word that no state or region bears
            // is no place's head but the rest of a name.
            let stateless = next_w == "State"
                && candidates.iter().all(|&c| {
                    let r = gaz.record(c);
                    r.common && !matches!(r.kind, Kind::Admin1 | Kind::Region | Kind::Country)
                });
            if let Some(n) = next.filter(|n| n.kind == TokenKind::Word && n.start <= range.end + 1)
            {
                if let Some(h) = place_head(next_w).filter(|_| !country_like && !stateless) {
                    hint = Some(h);
                    if is_cap_word(text, n) {
                        full.end = n.end;
                        capital_head = true;
                    }
                } else if !country_like
                    && !headline
                    && !dateline
                    && is_cap_word(text, n)
                    && !is_modified_head(next_w)
                {
                    // `Washington Post`, `Paris Hilton`; countries stay (`U.S. Trade Representative`).
                    name_part = true;
                }
            }
            if let Some(p) = prev {
                if is_cap_word(text, p) && !is_free_preceder(prev_w) && !demonym {
                    let prev_is_place = out.last().is_some_and(|m| m.range.end == p.end);
                    if !headline && !prev_is_place && !dateline {
                        name_part = true; // `Andrew Jackson`, `Fort Worth` parts, `New Mexico` handled by longest match
                    }
                }
                if is_person_title(prev_w) && !demonym {
                    keep = false;
                }
            }
            // Common words (`Reading`, `Mobile`, `Amazon`) need a locative word before them or a container after.
            let all_common = candidates.iter().all(|&c| gaz.record(c).common);
            if name_part {
                // Inside a name, only a place known well enough to be named after: no small town, no common
                // word (`Post`, `Reading`), no person's name taken for a town.
                keep = keep && !all_common && candidates.iter().any(|&c| !gaz.is_small(c));
            } else if keep && all_common && !demonym {
                let big = candidates
                    .iter()
                    .any(|&c| gaz.record(c).population >= 1_000_000);
                let sentence_start = first_word == Some(i);
                let locative = prev.is_some_and(|_| is_locative(prev_w));
                let contained = next_w == "," && hint.is_none();
                // `Knockhill, Fife.`: a region closing a place's name after a comma is its container.
                let container = prev_w == ","
                    && i >= 2
                    && is_cap_word(text, &toks[i - 2])
                    && matches!(next_w, "." | ";" | ")" | "")
                    && candidates
                        .iter()
                        .all(|&c| matches!(gaz.record(c).kind, Kind::Admin1 | Kind::Region));
                // `the Pacific`, `the Amazon` name features and regions, not towns.
                let feature_article = matches!(
                    prev_w,
                    "the"
                        | "eastern"
                        | "western"
                        | "northern"
                        | "southern"
                        | "central"
                        | "tropical"
                ) && candidates.iter().any(|&c| {
                    matches!(
                        gaz.record(c).kind,
                        Kind::Feature | Kind::Region | Kind::Continent
                    )
                });
                keep = locative
                    || contained
                    || container
                    || capital_head
                    || feature_article
                    || (big && !sentence_start);
                if !keep && !sentence_start {
                    keep = true;
                    provisional.push(full.start);
                }
            }
            let mut candidates = candidates;
            // Streets are often named after far-away towns (`Eglinton Avenue`, `Hampton Avenue`): a small town
            // does not resolve one.
            if capital_head
                && matches!(
                    next_w.to_ascii_lowercase().as_str(),
                    "street"
                        | "avenue"
                        | "road"
                        | "boulevard"
                        | "highway"
                        | "square"
                        | "bridge"
                        | "park"
                )
            {
                candidates.retain(|&c| !gaz.is_small(c));
            }
            // `Montgomery County Sheriff`: a county is no town of its name.
            if capital_head && facility_head(next_w).is_some_and(|f| f.feature == "county") {
                candidates.clear();
            }
            if name_part {
                // Inside a name, a village is more often a firm's or a person's name and a generic region a plain
                // word (`Convention Centre`, `Nile Delta`); towns under 100,000 also need a mention elsewhere in
                // the document that says they are a place (see `small_town` below).
                let generic = matches!(
                    surface_text,
                    "Centre"
                        | "Center"
                        | "Central"
                        | "Delta"
                        | "Orange"
                        | "Nord"
                        | "Sud"
                        | "Capital"
                        | "Surprise"
                );
                candidates.retain(|&c| !generic && !gaz.is_small(c));
                keep = keep && !candidates.is_empty();
            }
            let only_small =
                !demonym && !candidates.is_empty() && candidates.iter().all(|&c| gaz.is_small(c));
            if keep {
                // Context that makes a small town's name a place (`in Parkland`, `Tyler, Texas`); places under
                // 15,000 people need a place word before them, a region or country after, or a head noun.
                let support = if name_part {
                    false
                } else if only_small {
                    matches!(
                        prev_w,
                        "in" | "at"
                            | "near"
                            | "outside"
                            | "inside"
                            | "into"
                            | "throughout"
                            | "around"
                    ) || (next_w == "," && container_follows(text, toks, j + 2))
                        || hint.is_some()
                        || dateline
                } else {
                    is_locative(prev_w)
                        || prev_w == "-"
                        || (next_w == "," && toks.get(j + 2).is_some_and(|m| is_cap_word(text, m)))
                        || hint.is_some()
                        || dateline
                        || matches!(next_w, "(" | "—" | "–")
                };
                // `Eglinton Avenue` whose town is too small to name it: a street located from its context.
                let unlocated_head = if capital_head && candidates.is_empty() {
                    facility_head(next_w)
                } else {
                    None
                };
                out.push(Mention {
                    range: full,
                    key: best_key.clone(),
                    surface: range,
                    candidates,
                    demonym,
                    hint,
                    container: None,
                    from_entity: false,
                    support,
                    embedded: name_part,
                    facility: unlocated_head,
                });
            }
            i = j + 1;
        }
    }
    memo.put_back();
    // Small towns named like people or things (`Tyler`, `Nelson`, `Barry`) need one mention in the document with a
    // place's context; one sense per document lets that mention vouch for the others.
    // Places under 15,000 people (cities1000) need the same, whatever the length of their name.
    let small_town = |m: &Mention| {
        !m.demonym
            && !m.candidates.is_empty()
            && (m.candidates.iter().all(|&c| gaz.is_small(c))
                || (!m.key.contains(' ')
                    && m.candidates.iter().all(|&c| {
                        let r = &gaz.record(c);
                        matches!(r.kind, Kind::City | Kind::Feature)
                            && r.population > 0
                            && r.population < 100_000
                    })))
    };
    // Mentions grouped by their key, with one sort: the sets of names below are flags per group.
    let mut group = key_groups(&out);
    let groups = group.iter().max().map_or(0, |&g| g + 1);
    // One sense per document: a common word stays a place where the document names it as one elsewhere.
    if !provisional.is_empty() {
        let is_provisional = |m: &Mention| provisional.binary_search(&m.range.start).is_ok();
        let mut sure = vec![false; groups];
        for (m, &g) in out.iter().zip(&group) {
            if !is_provisional(m) && !m.embedded {
                sure[g] = true;
            }
        }
        let keep: Vec<bool> = out
            .iter()
            .zip(&group)
            .map(|(m, &g)| !is_provisional(m) || sure[g])
            .collect();
        let mut kept = keep.iter();
        out.retain(|_| kept.next().copied().unwrap_or(true));
        let mut kept = keep.iter();
        group.retain(|_| kept.next().copied().unwrap_or(true));
    }
    // Whether each mention is a small town, decided once.
    let small: Vec<bool> = out.iter().map(small_town).collect();
    let mut supported = vec![false; groups];
    for ((m, &g), &s) in out.iter().zip(&group).zip(&small) {
        if m.support && s {
            supported[g] = true;
        }
    }
    // `between Coggeshall and Marks Tey`, `the Safety Bay shoreline` beside `Rockingham`: a small place within
    // about 50 km of a town the document names (its most populous sense) is that place, as a geocoder's spatial
    // minimality has it. Quarter-degree cells in a set keep the check linear.
    // Only when some small place lacks that context (most articles have none).
    let unsupported = out
        .iter()
        .zip(&group)
        .zip(&small)
        .any(|((m, &g), &s)| !m.embedded && s && !supported[g]);
    // Nearness alone does not make a place of a name that goes on (`the Pushkin Card` beside St
    // Petersburg, `the Venice Commission`): that is an organisation's or a thing's name.
    let continues_name = |m: &Mention| {
        let mut rest = ctx.text.get(m.range.end..).unwrap_or("").chars();
        matches!(rest.next(), Some(' ' | '-')) && rest.next().is_some_and(char::is_uppercase)
    };
    let mut near = vec![false; groups];
    if unsupported {
        let cell = |r: &Record| ((r.lat * 4.0).floor() as i32, (r.lon * 4.0).floor() as i32);
        let mut towns: std::collections::HashSet<
            (i32, i32),
            std::hash::BuildHasherDefault<crate::text::Fnv>,
        > = Default::default();
        for ((m, &g), &s) in out.iter().zip(&group).zip(&small) {
            if m.embedded || m.demonym || (s && !supported[g]) {
                continue;
            }
            // Only the town's most populous sense, the one the population prior would pick: `Moscow`'s
            // namesakes in Idaho and Pennsylvania make no small place beside them a place.
            let town = m
                .candidates
                .iter()
                .map(|&c| gaz.record(c))
                .filter(|r| matches!(r.kind, Kind::City | Kind::Capital))
                .max_by_key(|r| r.population);
            if let Some(r) = town {
                towns.insert(cell(&r));
            }
        }
        let near_town = |m: &Mention| {
            !towns.is_empty()
                && !m.embedded
                && m.candidates.iter().any(|&c| {
                    let (a, b) = cell(&gaz.record(c));
                    (-1..=1).any(|da| (-1..=1).any(|db| towns.contains(&(a + da, b + db))))
                })
        };
        for ((m, &g), &s) in out.iter().zip(&group).zip(&small) {
            if s && !m.support && !continues_name(m) && near_town(m) {
                near[g] = true;
            }
        }
    }
    let mut k = 0;
    out.retain(|m| {
        let (g, s) = (
            group.get(k).copied(),
            small.get(k).copied().unwrap_or(false),
        );
        k += 1;
        let flag = |set: &[bool]| g.is_some_and(|g| set[g]);
        !s || flag(&supported) || (flag(&near) && !continues_name(m))
    });
    if !surname_ends.is_empty() {
        let mut surnames: Vec<&str> = surname_ends
            .iter()
            .filter_map(|r| surname_text.get(r.clone()))
            .collect();
        surnames.sort_unstable();
        surnames.dedup();
        out.retain(|m| {
            // A town inside a longer name (`Baseball Toronto`) is judged with the recognizer's organizations
            // (see `resolve`), not as a surname. (The records are read last: the cheap tests settle most.)
            m.embedded
                || m.demonym
                || m.key.contains(' ')
                || surnames.binary_search(&m.key.as_str()).is_err()
                || !m.candidates.iter().all(|&c| {
                    matches!(
                        gaz.record(c).kind,
                        Kind::City | Kind::Capital | Kind::Feature
                    )
                })
        });
    }
    coordinated_streets(ctx, &mut out);
    out
}

/// A street named by an ordinal (`14th St.`, `Third street`; a capitalized head is left to [`facility_name`]) or
/// after a block number (`the 700 block of Gravois`, kept whole as the address): the token range of its name from
/// token `i` of a sentence.
fn numbered_street(text: &str, toks: &[Token], i: usize) -> Option<Range<usize>> {
    let t = toks.get(i)?;
    // Only a number or an ordinal's first letter opens one: most tokens stop here.
    let digit = match text.as_bytes()[t.start] {
        b'0'..=b'9' => true,
        b'F' | b'S' | b'T' | b'E' | b'N' => false,
        _ => return None,
    };
    let w = &text[t.start..t.end];
    // A word from a letter is a street only as a spelled ordinal (`Second street`): most capitalized words stop
    // here.
    let spelled = matches!(
        w,
        "First"
            | "Second"
            | "Third"
            | "Fourth"
            | "Fifth"
            | "Sixth"
            | "Seventh"
            | "Eighth"
            | "Ninth"
            | "Tenth"
            | "Eleventh"
            | "Twelfth"
    );
    if !digit && !spelled {
        return None;
    }
    let next = |k: usize| {
        toks.get(k)
            .filter(|n| n.start <= toks[k - 1].end + 1)
            .map(|n| &text[n.start..n.end])
    };
    // `the 500 block of Elm`: an address needs `the` and a house number without a thousands comma; `a 5,000
    // block of Gazprom shares` is a parcel of stock.
    if t.kind == TokenKind::Number
        && w.bytes().all(|b| b.is_ascii_digit())
        && next(i + 1) == Some("block")
        && next(i + 2) == Some("of")
        && previous_word(text, t.start).eq_ignore_ascii_case("the")
    {
        let name = name_after(text, toks, i + 3)?;
        let follower = toks.get(name.end).map(|n| &text[n.start..n.end]);
        if matches!(
            follower,
            Some("shares" | "stock" | "stocks" | "votes" | "bonds")
        ) {
            return None;
        }
        // `the 1200 block of Main Street` is found by its head. The block is part of the address.
        let last = &text[toks[name.end - 1].start..toks[name.end - 1].end];
        return facility_head(last).is_none().then_some(i..name.end);
    }
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let numeric = !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && matches!(&w[digits.len()..], "st" | "nd" | "rd" | "th");
    let head = next(i + 1)?.trim_end_matches('.');
    let lower_head = matches!(head, "street" | "avenue" | "road" | "boulevard");
    let any_head = lower_head
        || matches!(
            head,
            "Street" | "St" | "Avenue" | "Ave" | "Road" | "Rd" | "Boulevard" | "Blvd"
        );
    // `the 25th St Petersburg International Economic Forum`: a saint's town, not a street.
    let saints_town = matches!(head, "St" | "Saint")
        && toks.get(i + 2).is_some_and(|n| {
            let mut key = String::new();
            let mut cands = Vec::new();
            let surface = &text[toks[i + 1].start..n.end];
            normalize_into(surface, &mut key);
            GAZETTEER.lookup(surface, &key, &mut cands);
            is_cap_word(text, n) && !cands.is_empty()
        });
    ((numeric && any_head && !saints_town) || (spelled && lower_head)).then_some(i..i + 2)
}

/// A street named without its head noun, located from its context like `Royal Street`.
const STREET: Facility = Facility {
    feature: "street",
    strong: true,
};

/// The capitalized words (at most three) that end right before token `end` of a sentence: a street's name in
/// `Division and Clinton streets` (`The` and other free words before it are left out).
fn name_before(text: &str, toks: &[Token], end: usize) -> Option<Range<usize>> {
    let mut s = end;
    while s > 0
        && end - s < 3
        && is_cap_word(text, &toks[s - 1])
        && (s == end || toks[s].start.saturating_sub(toks[s - 1].end) <= 1)
    {
        s -= 1;
    }
    while s < end && is_free_preceder(&text[toks[s].start..toks[s].end]) {
        s += 1;
    }
    (s < end).then_some(s..end)
}

/// The capitalized words (at most three) from token `start` of a sentence on: a street's name after `the corner
/// of`.
fn name_after(text: &str, toks: &[Token], start: usize) -> Option<Range<usize>> {
    let mut e = start;
    while e < toks.len()
        && e - start < 3
        && is_cap_word(text, &toks[e])
        && (e == start || toks[e].start.saturating_sub(toks[e - 1].end) <= 1)
    {
        e += 1;
    }
    (e > start).then_some(start..e)
}

/// Words of which a text must hold one for [`coordinated_streets`] to look for streets (anywhere, even inside
/// other words).
const STREET_HEAD_WORDS: [&str; 6] = [
    "streets",
    "avenues",
    "roads",
    "boulevards",
    "intersection",
    "corner",
];

/// Searchers for [`STREET_HEAD_WORDS`], built once rather than for every article.
static STREET_HEADS: std::sync::LazyLock<Vec<memchr::memmem::Finder<'static>>> =
    std::sync::LazyLock::new(|| {
        STREET_HEAD_WORDS
            .iter()
            .map(|w| memchr::memmem::Finder::new(w.as_bytes()))
            .collect()
    });

/// Streets a sentence names without their head nouns, by coordination: `at the corner of Division and Clinton
/// streets`, `down Canal and Magazine streets`, `the Decatur/Esplanade intersection`, `the Frenchmen
/// intersection`, `at the corner of Main and Elm`. Each name is a street located from its context, even where
/// the gazetteer knows a town of its name (`Clinton`, Iowa; `Decatur`, Illinois), which it then no longer
/// names. One pass over the tokens and one over the mentions (sorted spans), so linear in the text.
fn coordinated_streets(ctx: &Context, out: &mut Vec<Mention>) {
    let text = ctx.text;
    // Most articles name no street so: a few vectorized searches skip them without a pass over the tokens.
    if !STREET_HEADS
        .iter()
        .any(|h| h.find(text.as_bytes()).is_some())
    {
        return;
    }
    let gaz = &*GAZETTEER;
    // A country, region or nation no town shares a name with makes the coordination no streets' (`Israel and
    // Jordan roads`, `Texas and Oklahoma roads`, `French and Spanish streets`), and so does a capital or a city of
    // 100,000 or more (a loss for `Washington and Jefferson streets`, rarer in news than a big city's streets). Built at the first coordination: most articles have none.
    let mut regions: Option<Spans> = None;
    let regions_of = |out: &[Mention]| {
        Spans::of_ranges(
            out.iter()
                .filter(|m| {
                    m.demonym
                        || m.candidates
                            .iter()
                            .any(|&c| gaz.record(c).kind == Kind::Country)
                        || (!m.candidates.is_empty()
                            && m.candidates.iter().all(|&c| {
                                !matches!(gaz.record(c).kind, Kind::City | Kind::Capital)
                            }))
                        // A capital, a big city or a town the recognizer calls a place: `Moscow and St
                        // Petersburg streets`, `every corner of Kyiv and Kharkiv` are the cities' streets.
                        || m.candidates.iter().any(|&c| {
                            let r = gaz.record(c);
                            r.kind == Kind::Capital
                                || (r.kind == Kind::City && (m.from_entity || r.population >= 100_000))
                        })
                })
                .map(|m| m.range.clone()),
        )
    };
    let mut names: Vec<Range<usize>> = Vec::new();
    let is_and = |w: &str| matches!(w, "and" | "&" | "/" | "," | "or");
    for si in 0..ctx.sentences.len() {
        let toks = ctx.sentence_tokens(si);
        for (h, t) in toks.iter().enumerate() {
            if t.kind != TokenKind::Word {
                continue;
            }
            // Only the heads below: their first bytes, before any string comparison.
            if !matches!(
                text.as_bytes()[t.start],
                b's' | b'a' | b'r' | b'b' | b'i' | b'c'
            ) {
                continue;
            }
            let w = &text[t.start..t.end];
            let before = names.len();
            if matches!(
                w,
                "streets" | "avenues" | "roads" | "boulevards" | "intersection" | "intersections"
            ) {
                // Names backwards from the head, joined by `and`, `&`, `/` or commas.
                let mut end = h;
                while let Some(r) = name_before(text, toks, end) {
                    // `Decatur/Esplanade` may come as one word: a street on each side of the slash.
                    let (a, b) = (toks[r.start].start, toks[r.end - 1].end);
                    match text[a..b].find('/') {
                        Some(p) if p > 0 && a + p + 1 < b => {
                            names.push(a..a + p);
                            names.push(a + p + 1..b);
                        }
                        _ => names.push(a..b),
                    }
                    match r
                        .start
                        .checked_sub(1)
                        .map(|p| &text[toks[p].start..toks[p].end])
                    {
                        Some(sep) if is_and(sep) => end = r.start - 1,
                        _ => break,
                    }
                    // `Canal, Magazine, and Tchoupitoulas streets`: the serial comma.
                    if end > 0 && &text[toks[end - 1].start..toks[end - 1].end] == "," {
                        end -= 1;
                    }
                }
                // One name is a street only before `intersection` and after `the` (`the Frenchmen
                // intersection`, not `Washington intersection` nor `Canal streets`).
                let single_ok = w.starts_with("intersection")
                    && names
                        .last()
                        .is_some_and(|r| previous_word(text, r.start).eq_ignore_ascii_case("the"));
                if names.len() - before < 2 && !single_ok {
                    names.truncate(before);
                }
            } else if matches!(w, "corner" | "intersection")
                && toks
                    .get(h + 1)
                    .is_some_and(|n| &text[n.start..n.end] == "of")
                // `at the corner of Main and Elm`, not `every corner of Kyiv and Kharkiv`.
                && h.checked_sub(1)
                    .is_some_and(|p| text[toks[p].start..toks[p].end].eq_ignore_ascii_case("the"))
            {
                // `at the corner of Main and Elm`, `the intersection of Grand and State`.
                let mut k = h + 2;
                while let Some(r) = name_after(text, toks, k) {
                    names.push(toks[r.start].start..toks[r.end - 1].end);
                    match toks.get(r.end).map(|n| &text[n.start..n.end]) {
                        Some(sep) if is_and(sep) && sep != "," => k = r.end + 1,
                        _ => break,
                    }
                }
                if names.len() - before < 2 {
                    names.truncate(before);
                }
            }
            if names.len() > before {
                let regions = regions.get_or_insert_with(|| regions_of(out));
                if names[before..]
                    .iter()
                    .any(|r| regions.overlaps(r.start, r.end))
                {
                    names.truncate(before);
                }
            }
        }
    }
    if names.is_empty() {
        return;
    }
    names.sort_by_key(|r| r.start);
    names.dedup();
    // A name that is, or lies in, a street or building already found keeps that mention (`Main Street`).
    let facilities = Spans::of_ranges(
        out.iter()
            .filter(|m| m.facility.is_some())
            .map(|m| m.range.clone()),
    );
    names.retain(|r| !facilities.overlaps(r.start, r.end));
    let streets = Spans::of_ranges(names.iter().cloned());
    out.retain(|m| !streets.overlaps(m.range.start, m.range.end));
    for r in names {
        out.push(Mention::unlisted(r, Some(Hint::Feature), Some(STREET)));
    }
    out.sort_by_key(|m| m.range.start);
}

/// The group of each mention's key: equal keys, equal groups, numbered from 0 in order of first mention. One
/// sense per document asks whether a name has a mention of some kind anywhere: a flag per group answers it.
fn key_groups(mentions: &[Mention]) -> Vec<usize> {
    let mut ids: HashMap<&str, usize> = HashMap::default();
    mentions
        .iter()
        .map(|m| {
            let next = ids.len();
            *ids.entry(m.key.as_str()).or_insert(next)
        })
        .collect()
}

/// A name from token `k` on that ends in a street, building or county head (`Northwestern Memorial Hospital`,
/// `Alder Hey Children's Hospital`, `Victoria St.`): the index of its last token, its byte end and the head.
fn facility_tail(text: &str, toks: &[Token], k: usize) -> Option<(usize, usize, Facility)> {
    let mut last_cap = None;
    let mut n = k;
    while n < toks.len() && n < k + 8 {
        let t = &toks[n];
        let w = &text[t.start..t.end];
        if n > k && t.start.saturating_sub(toks[n - 1].end) > 1 {
            break;
        }
        if is_cap_word(text, t) {
            last_cap = Some(n);
        } else if !(n > k && matches!(w, "'s" | "’s" | "&")) {
            break;
        }
        n += 1;
    }
    let e = last_cap?;
    // `Eglinton Avenue West`: a compass word after a street's head.
    if e > k
        && matches!(
            &text[toks[e].start..toks[e].end],
            "North" | "South" | "East" | "West"
        )
    {
        let street = facility_head(&text[toks[e - 1].start..toks[e - 1].end])
            .filter(|f| f.feature == "street");
        if let Some(f) = street {
            return Some((e, toks[e].end, f));
        }
    }
    let head = &text[toks[e].start..toks[e].end];
    // `Bridewell District Court`, `Colchester Magistrates' Court`: a local court sits in a courthouse of the
    // place that names it; `Supreme Court` or `Constitutional Court` is an institution.
    // So are a school and a golf course (`Marjory Stoneman Douglas High School`, `Raspberry Falls Golf Club`), unlike a
    // football club or a school of a university.
    let kind = e.checked_sub(1).filter(|&p| p > k).map_or("", |p| {
        text[toks[p].start..toks[p].end].trim_end_matches(['\'', '’'])
    });
    let local_court = match head {
        // `the 9th U.S. Circuit Court of Appeals`, `the Federal Circuit Court`: a federal or appeals court is
        // an institution too.
        "Court" => {
            matches!(
                kind,
                "District"
                    | "Magistrates"
                    | "Crown"
                    | "County"
                    | "Circuit"
                    | "Municipal"
                    | "Sheriff"
            ) && !text
                .get(toks[e].end..)
                .is_some_and(|rest| rest.starts_with(" of Appeal"))
                && !(k..e).any(|p| {
                    matches!(
                        text[toks[p].start..toks[p].end].trim_end_matches('.'),
                        "U.S" | "US" | "Federal" | "Supreme" | "States" | "Appeals" | "Appellate"
                    )
                })
        }
        "School" => matches!(
            kind,
            "High" | "Elementary" | "Middle" | "Primary" | "Secondary" | "Grammar"
        ),
        "Club" => matches!(kind, "Golf" | "Country"),
        _ => false,
    };
    // `A West Side woman`, `the Upper West Side`: a side of the town of the story.
    let side = head == "Side"
        && e > k
        && matches!(
            &text[toks[e - 1].start..toks[e - 1].end],
            "North" | "South" | "East" | "West"
        );
    if side {
        return Some((
            e,
            toks[e].end,
            Facility {
                feature: "district",
                strong: false,
            },
        ));
    }
    let fac = if local_court {
        Facility {
            feature: "building",
            strong: false,
        }
    } else {
        facility_head(head)?
    };
    // `Victoria St.`: the abbreviation's dot, when the tokenizer leaves it apart.
    let mut end = toks[e].end;
    if matches!(head, "St" | "Ave" | "Rd" | "Blvd") {
        if let Some(d) = toks
            .get(e + 1)
            .filter(|d| d.start == end && &text[d.start..d.end] == ".")
        {
            end = d.end;
        }
    }
    Some((e, end, fac))
}

/// A whole name from token `k` on that is a street, building or county the gazetteer lacks: at least two
/// capitalized words, no person's title first (`Judge Hall`), saints allowed (`St. Peter's Basilica`).
fn facility_name(text: &str, toks: &[Token], k: usize) -> Option<(usize, usize, Facility)> {
    let t = toks.get(k)?;
    let first = &text[t.start..t.end];
    if !is_cap_word(text, t)
        || first.contains('-')
        || (is_person_title(first) && !matches!(first.trim_end_matches('.'), "St" | "Saint"))
    {
        return None;
    }
    let (e, end, fac) = facility_tail(text, toks, k)?;
    // `Supreme Court`, `Catholic Church`, `Police Station`: an institution or a kind of building, not one
    // place; `City Hall` is one.
    let generic = e == k + 1
        && !fac.strong
        && matches!(
            first,
            "Supreme"
                | "High"
                | "Federal"
                | "National"
                | "State"
                | "Catholic"
                | "Orthodox"
                | "Anglican"
                | "Protestant"
                | "Methodist"
                | "Baptist"
                | "Presbyterian"
                | "Lutheran"
                | "Evangelical"
                | "World"
                | "Detention"
                | "Medical"
                | "Memorial"
                | "Community"
                | "Convention"
                | "Conference"
                | "Research"
                | "Shopping"
                | "Police"
                | "Fire"
                | "Train"
                | "Bus"
                | "Power"
                | "Press"
                | "Sports"
                | "Science"
                | "Cancer"
                | "Health"
                | "Trade"
                | "Data"
                | "Call"
                | "Service"
                | "Visitor"
                | "Visitors"
        );
    // Streets and counties are named with a word or three (`Eglinton Avenue West` aside); a longer run of
    // capitals before the head is a headline or a byline.
    let long = e > k + if fac.feature == "building" { 5 } else { 3 };
    (e > k && !generic && !long).then_some((e, end, fac))
}

/// Whether the capitalized words from token `k` on name a country or first-level region (`Texas`, `New South
/// Wales`): the container after `Tyler, `.
fn container_follows(text: &str, toks: &[Token], k: usize) -> bool {
    let gaz = &*GAZETTEER;
    let mut key = String::new();
    let mut cands = Vec::new();
    for (n, t) in toks.iter().enumerate().skip(k).take(4) {
        if !is_cap_word(text, t) && !text[t.start..t.end].ends_with('.') {
            return false;
        }
        if n > k {
            key.push(' ');
        }
        normalize_into(&text[t.start..t.end], &mut key);
        let Some(surface) = toks.get(k).and_then(|f| text.get(f.start..t.end)) else {
            return false;
        };
        let longer = gaz.lookup(surface, &key, &mut cands);
        // Counties and historical regions (`Norfolk`, `Yorkshire`) contain too.
        if cands.iter().any(|&c| {
            matches!(
                gaz.record(c).kind,
                Kind::Country | Kind::Admin1 | Kind::Region
            )
        }) {
            return true;
        }
        if !longer {
            return false;
        }
    }
    false
}

/// Whether a sentence is an item of a dated list (`7/8 April: Brands Hatch Indy, Kent.`): a number opens it and
/// a colon closes its label within the first four tokens. Its capitals are names, not a headline's title case.
fn is_list_item(text: &str, toks: &[Token]) -> bool {
    toks.first().is_some_and(|t| t.kind == TokenKind::Number)
        && toks
            .iter()
            .take(4)
            .skip(1)
            .any(|t| t.kind == TokenKind::Punct && &text[t.start..t.end] == ":")
}

/// Whether most words of a sentence are capitalized (a headline written in title case).
fn is_title_case(text: &str, toks: &[Token]) -> bool {
    let mut words = 0usize;
    let mut caps = 0usize;
    // Asked of every sentence: ASCII words are judged on their bytes, and a sentence stops being read once the
    // tokens left could no longer make four capitalized words in five.
    for (n, t) in toks.iter().enumerate() {
        if t.kind != TokenKind::Word {
            continue;
        }
        let upper = if t.class & NON_ASCII == 0 {
            // An ASCII word: its class bits rule out most words before its bytes are read (a short word with
            // anything but lower-case letters and punctuation, a capital anywhere).
            let bytes = || text.as_bytes().get(t.start..t.end).unwrap_or_default();
            if t.end.wrapping_sub(t.start) <= 3
                && t.class & !LOWER == 0
                && bytes().iter().all(u8::is_ascii_lowercase)
            {
                continue; // `of`, `in`, `the` stay lower case in titles
            }
            t.class & UPPER != 0 && bytes().first().is_some_and(u8::is_ascii_uppercase)
        } else {
            let b = text.as_bytes().get(t.start..t.end).unwrap_or_default();
            // The string (with its char boundaries) only for a word with a non-ASCII byte.
            if b.len() <= 3 && text[t.start..t.end].chars().all(char::is_lowercase) {
                continue;
            }
            match b.first() {
                Some(f) if f.is_ascii() => f.is_ascii_uppercase(),
                _ => text[t.start..t.end]
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase),
            }
        };
        words += 1;
        if upper {
            caps += 1;
        } else if caps + (toks.len() - n - 1) < 4 * (words - caps) {
            return false;
        }
    }
    words >= 3 && caps * 10 >= words * 8
}

/// Places inside a hyphenated word (`Russia-Ukraine border`, `U.S.-led`, `pro-Russian`).
fn split_hyphenated(text: &str, t: &Token, out: &mut Vec<Mention>) {
    let gaz = &*GAZETTEER;
    let word = &text[t.start..t.end];
    let mut offset = t.start;
    let mut key = String::new();
    // `R-Neb.`: a senator's party and state, no place.
    let party = matches!(word.get(..2), Some("R-" | "D-" | "I-"));
    for part in word.split('-') {
        let start = offset;
        offset += part.len() + 1;
        if !part.chars().next().is_some_and(char::is_uppercase) {
            continue;
        }
        // `Russian-language`, `English-speaking`: a language, no place.
        let rest = text.get(offset.min(t.end)..t.end).unwrap_or("");
        if rest.starts_with("language") || rest.starts_with("speaking") {
            continue;
        }
        key.clear();
        normalize_into(part, &mut key);
        let mut len = part.len();
        let (candidates, demonym) = match gaz.demonym(part) {
            Some(d) => (vec![d], true),
            None => {
                let mut c = Vec::new();
                gaz.lookup(part, &key, &mut c);
                // `the DPRK-U.S. summit`: the tokenizer leaves the last dot of the abbreviation apart (not after
                // a party).
                if c.is_empty()
                    && !party
                    && start + part.len() == t.end
                    && text[t.end..].starts_with('.')
                {
                    if let Some(dotted) = text.get(start..t.end + 1) {
                        key.push('.');
                        gaz.lookup(dotted, &key, &mut c);
                        len += 1;
                    }
                }
                (c, false)
            }
        };
        let candidates: Vec<u32> = candidates
            .into_iter()
            // Parts of double names (`Diaz-Balart`, `Jean-Yves`) are no small places.
            .filter(|&c| !gaz.is_small(c) && !gaz.record(c).common)
            .collect();
        if candidates.is_empty() {
            continue;
        }
        out.push(Mention {
            range: start..start + len,
            key: key.clone(),
            surface: start..start + len,
            candidates,
            demonym,
            hint: None,
            container: None,
            from_entity: false,
            support: true,
            embedded: false,
            facility: None,
        });
    }
}

/// `Paris, Texas`; `Arlington, Va.`; `Kharkiv, Ukraine`: a place followed by a comma and a region or country that
/// can contain it.
fn link_containers(ctx: &Context, mentions: &mut Vec<Mention>) {
    let gaz = &*GAZETTEER;
    // `Washington, D.C.` is one name.
    let mut k = 0;
    while k + 1 < mentions.len() {
        let b = &mentions[k + 1];
        let between = ctx
            .text
            .get(mentions[k].range.end..b.range.start)
            .unwrap_or("");
        let b_text = ctx.text.get(b.range.clone()).unwrap_or("");
        if between.trim() == ","
            && matches!(b_text, "D.C." | "DC")
            && mentions[k].key == "washington"
        {
            let end = b.range.end;
            mentions[k].candidates = b.candidates.clone();
            mentions[k].range.end = end;
            mentions[k].surface.end = end;
            mentions[k].key = "washington, d.c.".into();
            // Marked empty and dropped below: removing here would be quadratic on hostile text.
            mentions[k + 1].range = usize::MAX..usize::MAX;
            k += 1;
        }
        k += 1;
    }
    mentions.retain(|m| m.range.start != usize::MAX);
    for k in 0..mentions.len().saturating_sub(1) {
        let (a, b) = (&mentions[k], &mentions[k + 1]);
        let between = ctx.text.get(a.range.end..b.range.start).unwrap_or("");
        if between.trim() != "," || b.demonym {
            continue;
        }
        let fits = |cands: &[u32]| lies_in(cands, &b.candidates, |_| true);
        // `Fitzwilliam Place, Dublin`: the place after a street or building the gazetteer lacks locates it.
        let locates = a.candidates.is_empty() && a.facility.is_some() && !b.candidates.is_empty();
        let mut contains = fits(&a.candidates);
        let mut widened = None;
        // `Gainesville, Va.`: the container names the small town that the larger ones of its name hid.
        if !contains && !a.candidates.is_empty() && a.candidates.len() < 64 {
            let mut more = a.candidates.clone();
            gaz.add_small(&a.key, &mut more);
            if more.len() > a.candidates.len() && fits(&more[a.candidates.len()..]) {
                widened = Some(more);
                contains = true;
            }
        }
        // `Rockingham, Northamptonshire`: a town none of whose namesakes lies in the region after it is a place
        // of that region the gazetteer lacks, located by it. Not in a list (`Paris, Normandy and Brittany`), and
        // not a sizeable city, a region or a country of the name.
        let region_after = !b.candidates.is_empty()
            && b.candidates
                .iter()
                .all(|&d| matches!(gaz.record(d).kind, Kind::Admin1 | Kind::Region));
        let small_towns = !a.candidates.is_empty()
            && !a.embedded
            && !a.demonym
            && a.candidates.iter().all(|&c| {
                let r = gaz.record(c);
                r.kind == Kind::City && r.population < 100_000
            });
        let listy = |x: &Mention, y: &Mention| {
            let between = ctx.text.get(x.range.end..y.range.start).unwrap_or("");
            matches!(between.trim(), "," | "and" | "or" | ", and" | ", or" | "&")
        };
        let listed = (k > 0 && listy(&mentions[k - 1], a))
            || mentions.get(k + 2).is_some_and(|c| listy(b, c));
        // `Paddington, London`: the same for a district of a big city, when no namesake lies in its country.
        let city_after = b
            .candidates
            .iter()
            .map(|&d| gaz.record(d))
            .max_by_key(|r| r.population)
            .filter(|r| matches!(r.kind, Kind::City | Kind::Capital) && r.population >= 1_000_000)
            .is_some_and(|city| {
                a.candidates
                    .iter()
                    .all(|&c| gaz.record(c).country != city.country)
            });
        let unlisted = widened.is_none()
            && !contains
            && !locates
            && (region_after || city_after)
            && small_towns;
        if let Some(more) = widened {
            mentions[k].candidates = more;
        }
        if unlisted && !listed {
            let m = &mut mentions[k];
            m.candidates.clear();
            m.key.clear();
            m.facility = Some(LOCALITY);
            m.container = Some(k + 1);
            continue;
        }
        if contains || locates {
            mentions[k].container = Some(k + 1);
        }
    }
}

/// `California or Washington`, `Alaska, Hawaii, Florida and Washington`: a name listed beside a first-level
/// region of a country is that country's region too, not the city of its name.
fn hint_listed_regions(ctx: &Context, mentions: &mut [Mention]) {
    let gaz = &*GAZETTEER;
    // The countries in which a mention is a first-level region and no sizeable town of its name competes.
    let region_of = |m: &Mention| -> Option<&'static str> {
        let mut country = None;
        for &c in &m.candidates {
            let r = gaz.record(c);
            match r.kind {
                Kind::Admin1 => country = Some(r.country),
                Kind::City | Kind::Capital if r.population >= 100_000 => return None,
                _ => {}
            }
        }
        country
    };
    let listed = |a: &Mention, b: &Mention| {
        let between = ctx
            .text
            .get(a.range.end..b.range.start)
            .unwrap_or("")
            .trim();
        matches!(between, "," | "and" | "or" | ", and" | ", or" | "&" | "/")
    };
    for k in 0..mentions.len() {
        let m = &mentions[k];
        if m.hint.is_some() || m.embedded || m.demonym {
            continue;
        }
        // A region named after its seat that holds much of its people (`Puducherry`) stays the city.
        let seat = |r: &Record| {
            m.candidates.iter().any(|&o| {
                let ro = gaz.record(o);
                matches!(ro.kind, Kind::City | Kind::Capital)
                    && ro.country == r.country
                    && ro.admin1 == r.admin1
                    && ro.population * 10 >= r.population
            })
        };
        let own: Vec<&str> = m
            .candidates
            .iter()
            .map(|&c| gaz.record(c))
            .filter(|r| r.kind == Kind::Admin1 && !seat(r))
            .map(|r| r.country)
            .collect();
        if own.is_empty() {
            continue;
        }
        let beside = |j: usize| {
            let n = &mentions[j];
            let (a, b) = if j < k { (n, m) } else { (m, n) };
            !n.embedded && listed(a, b) && region_of(n).is_some_and(|cc| own.contains(&cc))
        };
        if (k > 0 && beside(k - 1)) || (k + 1 < mentions.len() && beside(k + 1)) {
            mentions[k].hint = Some(Hint::Region);
        }
    }
}

/// Postal codes taken for no state after a comma: `OK`, `HI`, `ME`, `OH` and `ID` are more often words (`Fine,
/// OK.`, `photo ID`); `DC` is part of `Washington, DC` (see `link_containers`).
const NOT_POSTAL_STATES: [&str; 6] = ["OK", "HI", "ME", "OH", "ID", "DC"];

/// The US state of a two-letter postal code (`SC`), through the gazetteer's US first-level codes, which are the
/// postal codes.
fn us_postal_state(code: &str) -> Option<u32> {
    if code.len() != 2
        || !code.bytes().all(|b| b.is_ascii_uppercase())
        || NOT_POSTAL_STATES.contains(&code)
    {
        return None;
    }
    GAZETTEER.admin1("US", code)
}

/// Two-letter abbreviations of several countries or regions (`SA`: South Africa, South Australia or Saudi
/// Arabia), each with the names it may stand for.
/// (All two letters long: [`ambiguous_abbreviations`] relies on it.)
const AMBIGUOUS_ABBREVIATIONS: [(&str, &[&str]); 2] = [
    ("SA", &["South Africa", "South Australia", "Saudi Arabia"]),
    ("WA", &["Western Australia", "Washington"]),
];

/// `in post-apartheid SA`, `mines in WA`: an ambiguous abbreviation between lower-case words (or after a
/// capitalized function word: `That SA holds`) names the country or region of that name in a country the document
/// names elsewhere; with no such country it is left out.
/// Beside a capitalized word it is part of a name (`Airbus SA`, `SA Police`).
fn ambiguous_abbreviations(ctx: &Context, mentions: &mut Vec<Mention>) {
    let gaz = &*GAZETTEER;
    let text = ctx.text;
    // Most articles hold neither abbreviation: a vectorized search of the text skips them without a pass over the
    // tokens.
    if AMBIGUOUS_ABBREVIATIONS
        .iter()
        .all(|(a, _)| memchr::memmem::find(text.as_bytes(), a.as_bytes()).is_none())
    {
        return;
    }
    let toks = &ctx.tokens;
    let mut found: Vec<(Range<usize>, Vec<u32>)> = Vec::new();
    let mut doc_countries: Option<Vec<String>> = None;
    let mut cands = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        // The abbreviations are two letters: the length rules out most tokens before any comparison.
        if t.end.wrapping_sub(t.start) != 2 {
            continue;
        }
        let Some(w) = text.get(t.start..t.end) else {
            continue;
        };
        let Some((_, names)) = AMBIGUOUS_ABBREVIATIONS.iter().find(|(a, _)| *a == w) else {
            continue;
        };
        let prev = i.checked_sub(1).and_then(|p| toks.get(p));
        let next = toks.get(i + 1);
        // Only after a lower-case word or a capitalized function word (`That SA holds`, `In WA`) and before no
        // capitalized word (not inside a name: `SA Water`).
        let after_word = prev.is_some_and(|p| {
            p.kind == TokenKind::Word
                && (!is_cap_word(text, p)
                    || text
                        .get(p.start..p.end)
                        .is_some_and(|w| is_free_preceder(w) || matches!(w, "That" | "This")))
        });
        if !after_word || next.is_some_and(|n| is_cap_word(text, n)) {
            continue;
        }
        let countries = doc_countries.get_or_insert_with(|| {
            let mut v: Vec<String> = mentions
                .iter()
                .filter(|m| !m.embedded)
                .filter_map(|m| match m.candidates.as_slice() {
                    [only] => Some(gaz.record(*only).country.to_string()),
                    _ => None,
                })
                .filter(|c| !c.is_empty())
                .collect();
            v.sort_unstable();
            v.dedup();
            v
        });
        let mut ids: Vec<u32> = Vec::new();
        let mut key = String::new();
        for name in names.iter() {
            key.clear();
            normalize_into(name, &mut key);
            gaz.lookup(name, &key, &mut cands);
            ids.extend(cands.iter().copied().filter(|&c| {
                let r = gaz.record(c);
                matches!(r.kind, Kind::Country | Kind::Admin1)
                    && countries
                        .binary_search_by(|x| x.as_str().cmp(r.country))
                        .is_ok()
            }));
        }
        if !ids.is_empty() {
            found.push((t.start..t.end, ids));
        }
    }
    if found.is_empty() {
        return;
    }
    // Found ranges are distinct tokens: only the mentions there before can overlap them (asked in logarithmic
    // time: a text of thousands of `SA`s beside thousands of places stays linear).
    let before = Spans::of_ranges(mentions.iter().map(|m| m.range.clone()));
    for (range, candidates) in found {
        if before.overlaps(range.start, range.end) {
            continue;
        }
        let mut m = Mention::unlisted(range, None, None);
        m.key = text.get(m.range.clone()).unwrap_or("").to_lowercase();
        m.candidates = candidates;
        mentions.push(m);
    }
    mentions.sort_by_key(|m| m.range.start);
}

/// Whether a candidate of `inner` lies in a candidate of `outer` that passes `outer_ok`.
fn lies_in(inner: &[u32], outer: &[u32], outer_ok: impl Fn(&Record) -> bool) -> bool {
    let gaz = &*GAZETTEER;
    inner.iter().any(|&c| {
        let inner = gaz.record(c);
        outer.iter().any(|&d| {
            let outer = gaz.record(d);
            outer_ok(&outer) && contains(&outer, &inner)
        })
    })
}

/// Whether `outer` (a country or region) contains `inner`.
fn contains(outer: &Record, inner: &Record) -> bool {
    match outer.kind {
        Kind::Country => inner.country == outer.country && inner.kind != Kind::Country,
        // A county (`Snetterton, Norfolk`) holds the towns of its first-level region: the gazetteer has no finer
        // code for it.
        Kind::Region if !outer.admin1.is_empty() => {
            inner.country == outer.country
                && inner.admin1 == outer.admin1
                && matches!(inner.kind, Kind::City | Kind::Capital | Kind::Feature)
        }
        Kind::Admin1 => {
            inner.country == outer.country
                && inner.admin1 == outer.admin1
                && matches!(
                    inner.kind,
                    Kind::City | Kind::Capital | Kind::Feature | Kind::Region
                )
        }
        _ => false,
    }
}

/// Chooses one record per mention (None when no candidate fits). A name none of whose candidates lies in a region
/// the document names gains the small places of that name in those regions (`Nelson` beside `FrontCounter BC`,
/// `Virginia` in a story about County Cavan).
fn choose(ctx: &Context, mentions: &mut [Mention]) -> Vec<Option<u32>> {
    let gaz = &*GAZETTEER;
    // Countries the document names without ambiguity (names and demonyms): the context of everything else.
    let mut doc_countries: HashMap<&str, f64> = HashMap::default();
    let cues = locale_cues(ctx);
    for (cc, w) in &cues.countries {
        *doc_countries.entry(cc).or_default() += *w;
    }
    for m in mentions.iter().filter(|m| !m.embedded) {
        if let [only] = m.candidates.as_slice() {
            let r = &gaz.record(*only);
            if !r.country.is_empty() {
                *doc_countries.entry(r.country).or_default() +=
                    if r.kind == Kind::Country { 1.0 } else { 0.5 };
            }
        }
        for &c in &m.candidates {
            let r = &gaz.record(c);
            if r.kind == Kind::Country && m.candidates.len() > 1 {
                *doc_countries.entry(r.country).or_default() += 0.5;
            }
        }
    }
    // Ties go to the first code in order, not to the hash map's order: the same input gives the same output.
    let top_country = doc_countries
        .iter()
        .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(c, _)| *c);
    // First-level regions the document names or places its unambiguous towns in.
    let mut doc_regions: Vec<(&str, &str)> = Vec::new();
    for m in mentions.iter() {
        if let [only] = m.candidates.as_slice() {
            let r = gaz.record(*only);
            // A region an organization is named after counts (`FrontCounter BC`, `Cavan County Council`), a town
            // does not (`Liverpool FC`). Counties (`Kent`, `Cavan`) place their towns as first-level regions do.
            let kinds = if m.embedded {
                matches!(r.kind, Kind::Admin1 | Kind::Region)
            } else {
                matches!(
                    r.kind,
                    Kind::Admin1 | Kind::Region | Kind::City | Kind::Capital
                )
            };
            if kinds && !r.admin1.is_empty() {
                doc_regions.push((r.country, r.admin1));
            }
        }
    }
    doc_regions.sort_unstable();
    doc_regions.dedup();
    // Regions the document names by a name that is nothing else (`CAMP MURRAY, Wash.`): a name they share with
    // a city elsewhere (`Washington`) is the region.
    let mut named_regions: Vec<u32> = mentions
        .iter()
        .filter(|m| !m.embedded && !m.demonym)
        .filter_map(|m| match m.candidates.as_slice() {
            [only] if gaz.record(*only).kind == Kind::Admin1 => Some(*only),
            _ => None,
        })
        .collect();
    named_regions.sort_unstable();
    named_regions.dedup();
    // Only the regions the document names without ambiguity: those the first pass settles on include the very
    // names to widen (`Virginia`).
    widen_by_regions(mentions, &doc_regions);
    let first = choose_with(
        &*mentions,
        cues.commonwealth,
        &doc_countries,
        top_country,
        &doc_regions,
        &named_regions,
    );
    // The regions the first pass settled on (`Iowa` is also a town in Louisiana) place the small towns of the
    // second: `Red Oak` in a story about Iowa is the Iowa one.
    let before = doc_regions.len();
    for (m, c) in mentions.iter().zip(&first) {
        let Some(c) = c else { continue };
        let r = gaz.record(*c);
        if r.kind == Kind::Admin1 && !m.embedded && !m.demonym && !r.admin1.is_empty() {
            doc_regions.push((r.country, r.admin1));
        }
    }
    doc_regions.sort_unstable();
    doc_regions.dedup();
    let _ = ctx;
    if doc_regions.len() == before {
        return first;
    }
    choose_with(
        &*mentions,
        cues.commonwealth,
        &doc_countries,
        top_country,
        &doc_regions,
        &named_regions,
    )
}

/// Whether record `r` lies in one of the document's regions.
fn in_regions(r: &Record, doc_regions: &[(&str, &str)]) -> bool {
    !r.admin1.is_empty() && doc_regions.binary_search(&(r.country, r.admin1)).is_ok()
}

/// Adds to each town's name none of whose candidates lies in a region of the document the small places of that
/// name that do (`Nelson`, British Columbia, hidden by Nelson, New Zealand).
fn widen_by_regions(mentions: &mut [Mention], doc_regions: &[(&str, &str)]) {
    if doc_regions.is_empty() {
        return;
    }
    let gaz = &*GAZETTEER;
    let mut more = Vec::new();
    for m in mentions.iter_mut() {
        if m.demonym
            || m.key.is_empty()
            || m.hint == Some(Hint::Region)
            || m.candidates.is_empty()
            || m.candidates.len() >= 64
        {
            continue;
        }
        // Only names of towns and regions: a country or continent of the name is meant (`Georgia`, `Jordan`).
        let settled = m.candidates.iter().any(|&c| {
            let r = gaz.record(c);
            in_regions(&r, doc_regions)
                || r.small
                || matches!(r.kind, Kind::Country | Kind::Continent | Kind::Capital)
        });
        if settled {
            continue;
        }
        more.clear();
        gaz.add_small(&m.key, &mut more);
        more.retain(|&c| in_regions(&gaz.record(c), doc_regions));
        m.candidates.extend_from_slice(&more);
    }
}

/// Countries whose English is spelled the British way: the likely homes of a writer who spells so.
const COMMONWEALTH: [&str; 7] = ["GB", "IE", "AU", "NZ", "ZA", "IN", "CA"];

/// What the wording of a document tells of the country it is written in or about, beyond the places it names.
struct LocaleCues {
    /// British spellings clearly outnumber American ones (`defence`, `whilst`, `centre` against `defense`...).
    commonwealth: bool,
    /// Countries named by their institutions or currency (`Gardai`, `Taoiseach`, `£`) and their weights.
    countries: Vec<(&'static str, f64)>,
}

/// Defines [`spelling_side`] and the list of its words from one list of each side's spellings.
macro_rules! spellings {
    (british: $($b:literal)|*; american: $($a:literal)|*;) => {
        /// Words (lower-case bytes) spelled differently on either side of the Atlantic: `Some(true)` British,
        /// `Some(false)` American.
        fn spelling_side(w: &[u8]) -> Option<bool> {
            Some(match w {
                $($b)|* => true,
                $($a)|* => false,
                _ => return None,
            })
        }

        /// The words of [`spelling_side`].
        const SPELLINGS: &[&[u8]] = &[$($b,)* $($a,)*];
    };
}

spellings! {
    british: b"defence" | b"whilst" | b"colour" | b"colours" | b"favour" | b"favourite" | b"honour"
        | b"honoured" | b"labour" | b"centre" | b"centres" | b"programme" | b"programmes"
        | b"organisation" | b"organisations" | b"organised" | b"realise" | b"realised"
        | b"recognise" | b"recognised" | b"apologise" | b"neighbour" | b"neighbours"
        | b"neighbourhood" | b"behaviour" | b"travelled" | b"licence" | b"licences" | b"metres"
        | b"kilometres" | b"tyre" | b"tyres" | b"criticise" | b"criticised" | b"analyse"
        | b"jewellery" | b"catalogue" | b"mum";
    american: b"defense" | b"color" | b"colors" | b"favor" | b"favorite" | b"honor" | b"honored"
        | b"labor" | b"center" | b"centers" | b"organization" | b"organizations" | b"organized"
        | b"realize" | b"realized" | b"recognize" | b"recognized" | b"apologize" | b"neighbor"
        | b"neighbors" | b"neighborhood" | b"behavior" | b"traveled" | b"meters"
        | b"kilometers" | b"criticize" | b"criticized" | b"analyze" | b"jewelry" | b"mom";
}

/// A word's cell in [`CUE_SHAPES`]: its first and last bytes, five bits each (`& 31` folds the two cases of an
/// ASCII letter together).
const fn cue_cell(first: u8, last: u8) -> usize {
    (((first & 31) as usize) << 5) | (last & 31) as usize
}

/// Bit of [`CUE_SHAPES`] of an institution of `len` bytes (a spelling of `len` bytes has bit `len`).
const fn institution_bit(len: usize) -> u64 {
    1 << (32 + len)
}

/// The shapes of [`SPELLINGS`] and [`INSTITUTIONS`]: per cell of the first and last bytes (see [`cue_cell`]), a
/// bit per length of a spelling (bits 0 to 31) and of an institution ([`institution_bit`]). Most words of a text
/// have none of them and are never compared.
static CUE_SHAPES: [u64; 1024] = {
    let mut t = [0u64; 1024];
    let mut i = 0;
    while i < SPELLINGS.len() {
        let w = SPELLINGS[i];
        assert!(w.len() < 32);
        t[cue_cell(w[0], w[w.len() - 1])] |= 1 << w.len();
        i += 1;
    }
    let mut i = 0;
    while i < INSTITUTIONS.len() {
        let w = INSTITUTIONS[i].0.as_bytes();
        assert!(w.len() < 32);
        t[cue_cell(w[0], w[w.len() - 1])] |= institution_bit(w.len());
        i += 1;
    }
    t
};

/// Whether an ASCII word (any case) may be one of [`SPELLINGS`]: false rules it out.
#[inline]
fn may_be_spelling(w: &[u8]) -> bool {
    let (Some(&first), Some(&last)) = (w.first(), w.last()) else {
        return false;
    };
    w.len() < 32 && CUE_SHAPES[cue_cell(first, last)] & (1 << w.len()) != 0
}

/// Whether a word may be one of [`INSTITUTIONS`]: false rules it out.
#[inline]
fn may_be_institution(w: &[u8]) -> bool {
    let (Some(&first), Some(&last)) = (w.first(), w.last()) else {
        return false;
    };
    w.len() < 32 && CUE_SHAPES[cue_cell(first, last)] & institution_bit(w.len()) != 0
}

/// Institutions and offices that name their country (`Gardai` are the Irish police) as a place would.
const INSTITUTIONS: [(&str, &str); 12] = [
    ("Garda", "IE"),
    ("Gardai", "IE"),
    ("Gardaí", "IE"),
    ("Taoiseach", "IE"),
    ("Tánaiste", "IE"),
    ("Tanaiste", "IE"),
    ("Dáil", "IE"),
    ("Oireachtas", "IE"),
    ("NHS", "GB"),
    ("Whitehall", "GB"),
    ("Westminster", "GB"),
    ("MoD", "GB"),
];

/// The country of an institution or office of [`INSTITUTIONS`] (`Gardai` are the Irish police), which names it as
/// a place would.
fn institution_country(w: &str) -> Option<&'static str> {
    INSTITUTIONS
        .iter()
        .find(|(n, _)| *n == w)
        .map(|(_, cc)| *cc)
}

/// A searcher for the pound sign, built once (a vectorized count of a text's pound signs).
static POUND: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new("£".as_bytes()));

/// The locale cues of `ctx`'s text: one pass over its tokens and pound signs.
fn locale_cues(ctx: &Context) -> LocaleCues {
    let (mut british, mut american) = (0usize, 0usize);
    let mut counts: HashMap<&'static str, usize> = HashMap::default();
    let mut lower = String::new();
    let mut ascii = [0u8; 16];
    let text = ctx.text.as_bytes();
    for t in &ctx.tokens {
        if t.kind != TokenKind::Word {
            continue;
        }
        // Read as bytes: the string (and its char boundaries) only for the few words that pass the tests below.
        let Some(b) = text.get(t.start..t.end) else {
            continue;
        };
        // Their length and their first and last bytes rule out most words before any comparison (both tests
        // read the same cell of `CUE_SHAPES`).
        let spelling = may_be_spelling(b);
        let institution = may_be_institution(b);
        // A word that opens with an ASCII byte lower-cases to a spelling only if it is ASCII (no other character
        // but the Kelvin sign lower-cases to ASCII, and no spelling has a `k` inside): then its shape tells.
        let first = b.first().copied().unwrap_or(0);
        if first.is_ascii() && !spelling && !institution {
            continue;
        }
        if institution {
            if let Some(cc) = ctx.text.get(t.start..t.end).and_then(institution_country) {
                *counts.entry(cc).or_default() += 1;
            }
        }
        if b.len() > 16 || (first.is_ascii() && !spelling) {
            continue;
        }
        let Some(w) = ctx.text.get(t.start..t.end) else {
            continue;
        };
        // Most words are lower-case ASCII already: no copy for them; other ASCII words are lower-cased in a
        // buffer on the stack.
        let word: &[u8] = if w.bytes().all(|b| b.is_ascii_lowercase()) {
            w.as_bytes()
        } else if w.is_ascii() {
            let buf = &mut ascii[..w.len()];
            buf.copy_from_slice(w.as_bytes());
            buf.make_ascii_lowercase();
            buf
        } else {
            lower.clear();
            lower.extend(w.chars().flat_map(char::to_lowercase));
            lower.as_bytes()
        };
        match spelling_side(word) {
            Some(true) => british += 1,
            Some(false) => american += 1,
            None => {}
        }
    }
    let pounds = POUND.find_iter(ctx.text.as_bytes()).count();
    if pounds > 0 {
        *counts.entry("GB").or_default() += pounds;
    }
    let mut countries: Vec<(&'static str, f64)> = counts
        .into_iter()
        .map(|(cc, n)| (cc, (n as f64).min(3.0)))
        .collect();
    countries.sort_unstable_by(|a, b| a.0.cmp(b.0));
    LocaleCues {
        commonwealth: british >= 2 && british > 2 * american,
        countries,
    }
}

/// One resolution pass given the document's countries and regions.
fn choose_with(
    mentions: &[Mention],
    commonwealth: bool,
    doc_countries: &HashMap<&str, f64>,
    top_country: Option<&str>,
    doc_regions: &[(&str, &str)],
    named_regions: &[u32],
) -> Vec<Option<u32>> {
    let gaz = &*GAZETTEER;
    // One sense per document: the hints of all mentions of a name add up.
    let mut by_key: HashMap<&str, (Option<Hint>, Option<u32>)> = HashMap::default();
    let mut chosen = vec![None; mentions.len()];
    // Containers first, so that `Paris, Texas` can use the resolved `Texas`.
    for (k, m) in mentions.iter().enumerate() {
        let e = by_key.entry(m.key.as_str()).or_default();
        if m.hint.is_some() {
            e.0 = m.hint;
        }
        if let Some(ci) = m.container {
            let cm = &mentions[ci];
            let best = m.candidates.iter().copied().find(|&c| {
                cm.candidates
                    .iter()
                    .any(|&d| contains(&gaz.record(d), &gaz.record(c)))
            });
            // Among the contained candidates, the most populous.
            let best = m
                .candidates
                .iter()
                .copied()
                .filter(|&c| {
                    cm.candidates
                        .iter()
                        .any(|&d| contains(&gaz.record(d), &gaz.record(c)))
                })
                .max_by_key(|&c| gaz.record(c).population)
                .or(best);
            chosen[k] = best;
            if e.1.is_none() {
                e.1 = best;
            }
            // `Tacoma, Washington`: the container is the region that holds the town, not the capital of its name.
            if let Some(b) = best {
                let rb = gaz.record(b);
                chosen[ci] = cm
                    .candidates
                    .iter()
                    .copied()
                    .find(|&d| contains(&gaz.record(d), &rb));
            }
        }
    }
    for (k, m) in mentions.iter().enumerate() {
        if chosen[k].is_some() || m.candidates.is_empty() {
            continue;
        }
        let (hint, fixed) = by_key.get(m.key.as_str()).copied().unwrap_or_default();
        let hint = m.hint.or(hint);
        if let Some(f) = fixed.filter(|_| m.hint.is_none()) {
            chosen[k] = Some(f);
            continue;
        }
        let mut best: Option<(f64, u32)> = None;
        let no_countries = HashMap::default();
        let town_in_regions = |c: u32| {
            let r = gaz.record(c);
            matches!(r.kind, Kind::City | Kind::Capital | Kind::Feature)
                && in_regions(&r, doc_regions)
        };
        // Where a town of the name lies in a region the document names, a namesake in a country the document
        // never names loses its population prior (`Nelson` near `FrontCounter BC` is not New Zealand's), unless
        // it is a country, a capital or a city of millions.
        let regional = m.candidates.iter().any(|&c| town_in_regions(c));
        for &c in &m.candidates {
            let r = gaz.record(c);
            // The document's country places a town of its own only where the document also names the town's
            // region: US stories name `Geneva` and `Donetsk` for the Swiss and Ukrainian cities, not for the
            // Illinois and Rostov towns of a tenth their size.
            let countries = if hint != Some(Hint::Region)
                && r.kind == Kind::City
                && r.population < 100_000
                && !in_regions(&r, doc_regions)
                && has_big_namesake_abroad(gaz, &r, &m.candidates)
            {
                &no_countries
            } else {
                doc_countries
            };
            let mut s = score(gaz, c, &m.candidates, hint, countries, top_country);
            // A town in a region the document names or places other towns in (`Morris County` in a story
            // about New Jersey).
            if town_in_regions(c) {
                s += 1.5;
            } else if regional
                && !doc_countries.contains_key(r.country)
                && !matches!(r.kind, Kind::Country | Kind::Continent | Kind::Capital)
                && (r.kind != Kind::City || r.population < 1_000_000)
            {
                s -= 2.5;
            }
            if named_regions.binary_search(&c).is_ok() {
                s += 3.0;
            }
            // A writer of British spelling who names a town without its region or country means the one of
            // home (`born in Manchester` in a British story about US forces), not its American namesake.
            if commonwealth
                && hint != Some(Hint::Region)
                && matches!(r.kind, Kind::City | Kind::Capital)
                && COMMONWEALTH.contains(&r.country)
            {
                s += 2.5;
            }
            if best.map_or(true, |(bs, _)| s > bs) {
                best = Some((s, c));
            }
        }
        chosen[k] = best.map(|(_, c)| c);
        if let Some(e) = by_key.get_mut(m.key.as_str()) {
            // A name inside an organization's (`The Washington Post`) does not decide what the plain name
            // means in the document.
            if e.1.is_none() && m.hint.is_none() && !m.embedded {
                e.1 = chosen[k];
            }
        }
    }
    chosen
}

/// Whether among `all` there is a city abroad of 100,000 people or more and at least eight times the size of
/// town `r`.
fn has_big_namesake_abroad(gaz: &gazetteer::Gazetteer, r: &Record, all: &[u32]) -> bool {
    all.iter().any(|&o| {
        let ro = gaz.record(o);
        ro.country != r.country
            && matches!(ro.kind, Kind::City | Kind::Capital)
            && ro.population >= 100_000
            && ro.population >= 8 * r.population
    })
}

/// The prior of candidate `c` among `all` for a mention with `hint` in a document about `doc_countries`.
fn score(
    gaz: &gazetteer::Gazetteer,
    c: u32,
    all: &[u32],
    hint: Option<Hint>,
    doc_countries: &HashMap<&str, f64>,
    top_country: Option<&str>,
) -> f64 {
    let r = &gaz.record(c);
    let pop = if r.population == 0 {
        3_000_000
    } else {
        r.population
    };
    let mut s = (pop as f64 + 10.0).log10();
    s += match r.kind {
        Kind::Country => 4.0,
        Kind::Continent => 5.0,
        Kind::Region | Kind::Feature => 1.0,
        Kind::Admin1 => 1.0,
        Kind::Capital => 2.5,
        Kind::City => 0.0,
    };
    if r.kind == Kind::Admin1 {
        // A region named after its seat that holds much of its people (Kyiv, New York, Kharkiv): the city.
        let seat = all.iter().any(|&o| {
            let ro = &gaz.record(o);
            matches!(ro.kind, Kind::City | Kind::Capital)
                && ro.country == r.country
                && ro.admin1 == r.admin1
                && ro.population * 10 >= r.population
        });
        if seat {
            s -= 3.0;
        }
    }
    match hint {
        Some(Hint::Region) if r.kind == Kind::Admin1 || r.kind == Kind::Region => s += 6.0,
        Some(Hint::City) if matches!(r.kind, Kind::City | Kind::Capital) => s += 4.0,
        Some(Hint::Feature) if matches!(r.kind, Kind::Feature | Kind::Region) => s += 4.0,
        _ => {}
    }
    // A city of millions beside namesakes twenty times smaller (`Los Angeles`, not the Madrid district) is the
    // one meant even in a story mostly about the small one's country.
    if matches!(r.kind, Kind::City | Kind::Capital)
        && r.population >= 1_000_000
        && all.iter().all(|&o| {
            let ro = gaz.record(o);
            o == c || (ro.population > 0 && ro.population * 20 <= r.population)
        })
    {
        s += 2.0;
    }
    if let Some(w) = doc_countries.get(r.country) {
        s += 1.0 + w.min(3.0) * 0.5;
        if Some(r.country) == top_country {
            s += 1.0;
        }
    }
    s
}

fn to_place(
    ctx: &Context,
    m: &Mention,
    chosen: Option<u32>,
    near: Option<u32>,
    county: Option<gazetteer::County>,
) -> Place {
    let gaz = &*GAZETTEER;
    let span = ctx.span(m.range.clone());
    let mut p = Place {
        start: span.start,
        end: span.end,
        text: span.text,
        geonameid: None,
        name: None,
        feature: None,
        country: None,
        admin1: None,
        lat: None,
        lon: None,
        population: None,
        demonym: m.demonym,
        role: role(ctx.text, m),
        resolution: None,
        near: None,
    };
    let _ = &m.surface;
    let _ = m.from_entity;
    if let Some(c) = near {
        // Located from its context: the country, region and coordinates of the place near it, no id or name.
        let r = &gaz.record(c);
        p.feature = Some(
            m.facility
                .map_or(
                    match m.hint {
                        Some(Hint::City) => "city",
                        Some(Hint::Region) => "region",
                        _ => "feature",
                    },
                    |f| f.feature,
                )
                .to_string(),
        );
        p.country = (!r.country.is_empty()).then(|| r.country.to_string());
        p.admin1 = admin1_of(r);
        p.lat = Some(round5(r.lat));
        p.lon = Some(round5(r.lon));
        p.resolution = Some(PlaceResolution::Context);
        p.near = Some(r.name.to_string());
        if let Some(c) = county {
            // A US county: its own point and state rather than its anchor's.
            p.country = Some("US".to_string());
            p.admin1 = gaz
                .admin1("US", c.admin1)
                .and_then(|a| admin1_of(&gaz.record(a)));
            p.lat = Some(round5(c.lat));
            p.lon = Some(round5(c.lon));
        }
        return p;
    }
    if chosen.is_none() {
        // Unlocated: still say what the name says it is.
        p.feature = m.facility.map(|f| f.feature.to_string());
    }
    if let Some(c) = chosen {
        let r = &gaz.record(c);
        p.resolution = Some(PlaceResolution::Gazetteer);
        p.geonameid = (r.id != 0).then_some(r.id);
        p.name = Some(r.name.to_string());
        p.feature = Some(r.kind.feature().to_string());
        p.country = (!r.country.is_empty()).then(|| r.country.to_string());
        p.admin1 = admin1_of(r);
        p.lat = Some(round5(r.lat));
        p.lon = Some(round5(r.lon));
        p.population = (r.population > 0).then_some(r.population);
    }
    p
}

/// The first-level region of record `r`.
fn admin1_of(r: &Record) -> Option<Admin1> {
    let gaz = &*GAZETTEER;
    gaz.admin1(r.country, r.admin1).map(|a| {
        // Joined by hand: `format!` costs several times more for every place of every document.
        let mut code = String::with_capacity(r.country.len() + 1 + r.admin1.len());
        code.push_str(r.country);
        code.push('.');
        code.push_str(r.admin1);
        Admin1 {
            code,
            name: gaz.record(a).name.to_string(),
        }
    })
}

/// Verbs after which a place is its government, people or team (`Moscow said`, `Ukraine has rejected`).
fn is_agent_verb(w: &str) -> bool {
    matches!(
        w,
        "said"
            | "says"
            | "say"
            | "announced"
            | "announces"
            | "warned"
            | "warns"
            | "accused"
            | "accuses"
            | "denied"
            | "denies"
            | "claimed"
            | "claims"
            | "insisted"
            | "insists"
            | "rejected"
            | "rejects"
            | "agreed"
            | "agrees"
            | "urged"
            | "urges"
            | "wants"
            | "wanted"
            | "demanded"
            | "demands"
            | "threatened"
            | "threatens"
            | "responded"
            | "condemned"
            | "condemns"
            | "welcomed"
            | "welcomes"
            | "refused"
            | "refuses"
            | "vowed"
            | "vows"
            | "argued"
            | "argues"
            | "stated"
            | "declared"
            | "sanctioned"
            | "imposed"
            | "expelled"
            | "recognized"
            | "recognised"
            | "signed"
            | "invaded"
            | "beat"
            | "defeated"
            | "won"
            | "lost"
            | "hopes"
            | "believes"
            | "plans"
            | "intends"
            | "must"
            | "should"
    )
}

/// How the text names the place of mention `m`.
fn role(text: &str, m: &Mention) -> PlaceRole {
    if m.demonym {
        return PlaceRole::Demonym;
    }
    if m.embedded {
        return PlaceRole::Embedded;
    }
    // After a preposition the place is where something is (`officials in Kyiv rejected`).
    let before = text_before(text, m.range.start);
    let prev = before
        .trim_end_matches(|c: char| c.is_whitespace())
        .trim_end_matches(" the")
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    if is_locative(prev) || matches!(prev, "of" | "for" | "by" | "with" | "on" | "over") {
        return PlaceRole::Literal;
    }
    // The next word, or the one after an auxiliary: `Russia said`, `Kyiv has repeatedly denied` is too far.
    let rest = text_after(text, m.range.end);
    let mut words = rest
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .take(2);
    let first = words.next().unwrap_or("");
    if !rest.starts_with(' ') {
        return PlaceRole::Literal;
    }
    let verb = if matches!(
        first,
        "has" | "had" | "will" | "would" | "could" | "may" | "might"
    ) {
        words.next().unwrap_or("")
    } else {
        first
    };
    if is_agent_verb(verb.trim_end_matches([',', '.', ';', ':'])) {
        PlaceRole::Metonym
    } else {
        PlaceRole::Literal
    }
}

fn round5(x: f32) -> f64 {
    (f64::from(x) * 1e4).round() / 1e4
}

/// The countries and places the article is about: mention counts, the title and first paragraphs weigh more,
/// cities and regions count for their country, demonyms half.
fn focus(ctx: &Context, mentions: &[Mention], chosen: &[Option<u32>]) -> Focus {
    let gaz = &*GAZETTEER;
    let mut countries: Vec<(&'static str, f64, usize)> = Vec::new();
    let mut places: Vec<(&'static str, f64, usize)> = Vec::new();
    let lead_end = ctx
        .paragraphs
        .iter()
        .filter(|p| !p.title && !p.heading)
        .nth(1)
        .map(|p| p.range.end)
        .unwrap_or(usize::MAX);
    let mut slots: HashMap<(bool, &str), usize> = HashMap::default();
    let mut bump = |country: bool, k: &'static str, w: f64, order: usize| {
        let v = if country { &mut countries } else { &mut places };
        match slots.get(&(country, k)) {
            Some(&i) => v[i].1 += w,
            None => {
                slots.insert((country, k), v.len());
                v.push((k, w, order));
            }
        }
    };
    for (k, (m, c)) in mentions.iter().zip(chosen).enumerate() {
        let Some(c) = c else { continue };
        // `The Washington Post`, `Texas Rangers`: a name, not where the story is.
        if m.embedded {
            continue;
        }
        let r = &gaz.record(*c);
        let lead = if m.range.start < lead_end { 2.0 } else { 1.0 };
        let w = if m.demonym { 0.5 } else { 1.0 } * lead;
        if !r.country.is_empty() {
            let cw = if r.kind == Kind::Country { w } else { w * 0.5 };
            bump(true, r.country, cw, k);
        }
        if !matches!(r.kind, Kind::Country | Kind::Continent) && !m.demonym {
            bump(false, r.name, w, k);
        }
    }
    let rank = |v: &mut Vec<(&str, f64, usize)>, keep: f64| -> Vec<String> {
        v.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.2.cmp(&b.2)));
        let top = v.first().map(|e| e.1).unwrap_or(0.0);
        v.iter()
            .filter(|e| e.1 >= top * keep && e.1 >= 1.0)
            .take(5)
            .map(|e| e.0.to_string())
            .collect()
    };
    Focus {
        countries: rank(&mut countries, 0.25),
        places: rank(&mut places, 0.34),
    }
}

#[cfg(test)]
mod tests;
