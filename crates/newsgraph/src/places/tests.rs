use super::*;
use crate::pipeline::Context;

fn places(text: &str) -> Vec<Place> {
    let ctx = Context::from_text(text, None);
    resolve(&ctx, &[]).0
}

fn find<'a>(ps: &'a [Place], surface: &str) -> Option<&'a Place> {
    ps.iter().find(|p| p.text == surface)
}

/// (sentence, surface, expected country, expected feature)
const CASES: &[(&str, &str, &str, &str)] = &[
    (
        "Moscow said on Tuesday that talks would resume.",
        "Moscow",
        "RU",
        "city",
    ),
    (
        "Western arms deliveries to Kiev have increased.",
        "Kiev",
        "UA",
        "city",
    ),
    (
        "Officials in Kyiv rejected the claim.",
        "Kyiv",
        "UA",
        "city",
    ),
    (
        "The storm hit Paris, Texas, late on Friday.",
        "Paris",
        "US",
        "city",
    ),
    ("Protests spread from Paris to Lyon.", "Paris", "FR", "city"),
    (
        "Shelling continued in the Kharkiv region overnight.",
        "Kharkiv",
        "UA",
        "region",
    ),
    (
        "A train crossed the bridge across the Kerch Strait.",
        "Kerch Strait",
        "UA",
        "feature",
    ),
    (
        "Ships gathered in the Black Sea.",
        "Black Sea",
        "",
        "feature",
    ),
    ("Fighting resumed in Donbas.", "Donbas", "UA", "region"),
    (
        "The U.S. government insists it has seen no pullback.",
        "U.S.",
        "US",
        "country",
    ),
    (
        "Russian authorities announced the withdrawal.",
        "Russian",
        "RU",
        "country",
    ),
    (
        "He was born in Arlington, Va., in 1960.",
        "Va.",
        "US",
        "region",
    ),
    (
        "Rain fell across New York on Monday.",
        "New York",
        "US",
        "city",
    ),
    (
        "Kenya's budget deficit widened, officials in Nairobi said.",
        "Nairobi",
        "KE",
        "city",
    ),
    (
        "Israeli strikes hit the Gaza Strip.",
        "Gaza Strip",
        "PS",
        "region",
    ),
    (
        "Tensions over Kashmir rose again.",
        "Kashmir",
        "IN",
        "region",
    ),
    (
        "The Russia-Ukraine border is tense.",
        "Ukraine",
        "UA",
        "country",
    ),
    (
        "A Los Angeles-based brokerage firm settled.",
        "Los Angeles",
        "US",
        "city",
    ),
    (
        "Officials met the People's Republic of China envoy.",
        "People's Republic of China",
        "CN",
        "country",
    ),
    (
        "Arab leaders and the U.S. Trade Representative met.",
        "U.S.",
        "US",
        "country",
    ),
];

#[test]
fn resolves_real_sentences() {
    let mut failures = Vec::new();
    for (sentence, surface, country, feature) in CASES {
        let ps = places(sentence);
        match find(&ps, surface) {
            Some(p) => {
                if p.country.as_deref().unwrap_or("") != *country
                    || p.feature.as_deref() != Some(*feature)
                {
                    failures.push(format!(
                        "{sentence}: {surface} -> {:?} {:?}",
                        p.country, p.feature
                    ));
                }
            }
            None => failures.push(format!("{sentence}: {surface} not found in {ps:?}")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Names that are not places here.
const NOT_PLACES: &[(&str, &str)] = &[
    (
        "The Washington Post reported the story first.",
        "Washington",
    ),
    ("Paris Hilton arrived late.", "Paris"),
    ("Former president Andrew Jackson owned the land.", "Jackson"),
    ("Mr. Lincoln declined to comment.", "Lincoln"),
    ("Reading the report, he frowned.", "Reading"),
    ("The Union said it would strike.", "Union"),
    ("Amazon shares rose 3 percent.", "Amazon"),
];

#[test]
fn skips_names_of_people_and_organizations() {
    for (sentence, surface) in NOT_PLACES {
        let ps = places(sentence);
        assert!(find(&ps, surface).is_none(), "{sentence}: {ps:?}");
    }
}

#[test]
fn crimea_is_ukrainian_admin1() {
    let ps = places("Units were leaving Crimea, a Ukrainian peninsula annexed by Moscow.");
    let c = find(&ps, "Crimea").expect("Crimea");
    assert_eq!(c.country.as_deref(), Some("UA"));
    assert_eq!(c.admin1.as_ref().map(|a| a.code.as_str()), Some("UA.11"));
    assert_eq!(c.geonameid, Some(703883));
}

#[test]
fn regions_go_by_their_english_names() {
    // GeoNames writes `Mariy-El Republic` and `Buryatiya Republic`; ISO 3166-2 gives the English spellings.
    for (text, surface) in [
        ("The governor of Mari El opened a new school.", "Mari El"),
        (
            "Floods hit villages across Buryatia last spring.",
            "Buryatia",
        ),
    ] {
        let doc = crate::Pipeline::builder()
            .build()
            .extract(&crate::Article::parse("x", text))
            .expect("extract");
        let p = find(&doc.places, surface).unwrap_or_else(|| panic!("{surface}: {:?}", doc.places));
        assert_eq!(p.country.as_deref(), Some("RU"), "{p:?}");
        assert_eq!(p.feature.as_deref(), Some("region"), "{p:?}");
    }
}

#[test]
fn the_union_state_is_no_town_of_union() {
    // `State` after a common word no state bears is the rest of a name: not the town of Union, New Jersey.
    let doc = crate::Pipeline::builder()
        .build()
        .extract(&crate::Article::parse(
            "x",
            "Prices in the Union State rose sharply last year.",
        ))
        .expect("extract");
    assert!(doc.places.is_empty(), "{:?}", doc.places);
    let e = doc
        .entities
        .iter()
        .find(|e| e.text == "Union State")
        .expect("Union State");
    assert_eq!(e.label, crate::entities::EntityLabel::Org);
}

#[test]
fn spans_are_code_points() {
    let text = "« Déjà vu » in Kyiv — then Moscow.";
    for p in places(text) {
        let s: String = text.chars().skip(p.start).take(p.end - p.start).collect();
        assert_eq!(s, p.text);
    }
}

#[test]
fn hostile_input_is_handled() {
    let long = "Moscow ".repeat(20_000) + &"A".repeat(100_000) + &" Aa".repeat(50_000);
    let ps = places(&long);
    assert!(ps.len() >= 20_000);
    // Merges and focus stay linear: many `Washington, D.C.` pairs, many distinct names, long hyphen chains.
    let pairs = "Officials in Washington, D.C., met. ".repeat(20_000);
    assert!(places(&pairs).len() >= 20_000);
    let chain = "Russia-Ukraine-".repeat(30_000);
    let _ = places(&chain);
    let quotes = "’".repeat(100_000) + &"'s ".repeat(100_000);
    let _ = places(&quotes);
}

#[test]
fn example_article() {
    let dir =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/examples/articles");
    let path = dir.join("2022-02-17-russia-withdrawal.txt");
    let Ok(raw) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: {} not found", path.display());
        return;
    };
    let article = crate::Article::parse("example", &raw);
    let doc = crate::Pipeline::builder()
        .build()
        .extract(&article)
        .expect("extract");
    for (name, cc) in [
        ("Russia", "RU"),
        ("Ukraine", "UA"),
        ("Crimea", "UA"),
        ("Belarus", "BY"),
        ("Kiev", "UA"),
        ("Moscow", "RU"),
    ] {
        let p = doc
            .places
            .iter()
            .find(|p| p.text == name)
            .unwrap_or_else(|| panic!("{name} missing"));
        assert_eq!(p.country.as_deref(), Some(cc), "{name}");
        assert!(p.lat.is_some() && p.geonameid.is_some(), "{name}");
    }
    // The gold's `should` items: a strait, a federal district, Europe and Eastern Europe.
    for (name, cc) in [
        ("Kerch Strait", Some("UA")),
        ("Southern Federal District", Some("RU")),
        ("Europe", None),
        ("Eastern Europe", None),
    ] {
        let p = doc
            .places
            .iter()
            .find(|p| p.text == name)
            .unwrap_or_else(|| panic!("{name} missing"));
        assert_eq!(p.country.as_deref(), cc, "{name}");
        assert!(p.lat.is_some(), "{name}");
    }
    let crimea = doc.places.iter().find(|p| p.text == "Crimea").unwrap();
    assert_eq!(crimea.admin1.as_ref().unwrap().code, "UA.11");
    assert_eq!(doc.focus.countries.first().map(String::as_str), Some("RU"));
    assert!(doc.focus.countries.iter().any(|c| c == "UA"));
}

fn entity(text: &str, surface: &str, label: EntityLabel) -> Entity {
    let b = text.find(surface).expect("surface");
    let start = text[..b].chars().count();
    Entity {
        start,
        end: start + surface.chars().count(),
        text: surface.to_string(),
        label,
        canonical: surface.to_string(),
        cluster: 0,
        title: None,
        affiliation: None,
        country: None,
    }
}

#[test]
fn uses_entities_when_present() {
    let text = "Jordan said the talks in Zhytomyr Oblast and Mariupol would go on, Tyler reported.";
    let ents = vec![
        entity(text, "Jordan", EntityLabel::Person),
        entity(text, "Zhytomyr Oblast", EntityLabel::Loc),
        entity(text, "Tyler", EntityLabel::Person),
    ];
    let ctx = Context::from_text(text, None);
    let (ps, _) = resolve(&ctx, &ents);
    // A person's name is no place, even when the gazetteer knows it.
    assert!(find(&ps, "Jordan").is_none(), "{ps:?}");
    assert!(find(&ps, "Tyler").is_none(), "{ps:?}");
    // The recognizer's LOC span is kept whole and resolved through its name.
    let z = find(&ps, "Zhytomyr Oblast").expect("Zhytomyr Oblast");
    assert_eq!(z.country.as_deref(), Some("UA"));
    // Gazetteer detection still runs where the recognizer saw nothing.
    assert!(find(&ps, "Mariupol").is_some(), "{ps:?}");
}

/// Places of `text` through the whole pipeline (with the entity recognizer).
fn pipeline_places(text: &str) -> Vec<Place> {
    let doc = crate::Pipeline::builder()
        .build()
        .extract(&crate::Article::parse("t", text))
        .expect("extract");
    doc.places
}

/// (sentence, surface, role, country) through the whole pipeline.
const ROLES: &[(&str, &str, PlaceRole, &str)] = &[
    (
        "The network told The Washington Post the vacation was pre-planned.",
        "Washington",
        PlaceRole::Embedded,
        "US",
    ),
    (
        "He sued the Toronto Transit Commission for $3 million in damages.",
        "Toronto",
        PlaceRole::Embedded,
        "CA",
    ),
    (
        "Boston lost to the Texas Rangers on Sunday.",
        "Texas",
        PlaceRole::Embedded,
        "US",
    ),
    (
        "The New York Times reports that police had arrested two men in Brooklyn.",
        "New York",
        PlaceRole::Embedded,
        "US",
    ),
    (
        "Moscow said on Tuesday that talks would resume.",
        "Moscow",
        PlaceRole::Metonym,
        "RU",
    ),
    (
        "Ukraine has rejected the proposal, officials in Kyiv said.",
        "Ukraine",
        PlaceRole::Metonym,
        "UA",
    ),
    (
        "Officials in Kyiv rejected the claim.",
        "Kyiv",
        PlaceRole::Literal,
        "UA",
    ),
    (
        "Russian troops massed near the border.",
        "Russian",
        PlaceRole::Demonym,
        "RU",
    ),
];

#[test]
fn places_say_how_the_text_names_them() {
    for (sentence, surface, role, country) in ROLES {
        let ps = pipeline_places(sentence);
        let p = find(&ps, surface).unwrap_or_else(|| panic!("{sentence}: {ps:?}"));
        assert_eq!(p.role, *role, "{sentence}: {p:?}");
        assert_eq!(p.country.as_deref(), Some(*country), "{sentence}: {p:?}");
    }
}

#[test]
fn name_parts_outside_organizations_are_no_places() {
    // Without the recognizer, a city inside a longer name is left out; `Paris Hilton` is a person either way.
    assert!(find(
        &places("The network told The Washington Post on Monday."),
        "Washington"
    )
    .is_none());
    let ps = pipeline_places("Paris Hilton arrived at the party with her sister.");
    assert!(find(&ps, "Paris").is_none(), "{ps:?}");
    // Generic words inside a facility's name are no embedded region.
    let ps = pipeline_places("The detainees were held at the Farmers Service Centre in Gisborne.");
    assert!(find(&ps, "Centre").is_none(), "{ps:?}");
}

#[test]
fn role_serializes_in_snake_case() {
    let ps = pipeline_places("The New York Times reports that Moscow said it would respond.");
    let v = serde_json::to_value(&ps).expect("json");
    let roles: Vec<&str> = v
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|p| p["role"].as_str())
        .collect();
    assert!(
        roles.contains(&"embedded") && roles.contains(&"metonym"),
        "{v}"
    );
}

#[test]
fn towns_in_the_documents_regions_win() {
    // Without context the largest Springfield (Missouri); with Chicago and Peoria in the story, the Illinois one.
    let ps = places(
        "The governor spoke in Chicago and Peoria on Monday. Later she flew back to Springfield.",
    );
    let s = find(&ps, "Springfield").expect("Springfield");
    assert_eq!(
        s.admin1.as_ref().map(|a| a.code.as_str()),
        Some("US.IL"),
        "{s:?}"
    );
}

#[test]
fn facilities_named_after_towns_hold_embedded_places() {
    let text = "The man appeared before Belfast Magistrates Court on Monday.";
    let ents = vec![entity(text, "Belfast Magistrates Court", EntityLabel::Loc)];
    let ctx = Context::from_text(text, None);
    let (ps, _) = resolve(&ctx, &ents);
    let b = find(&ps, "Belfast").expect("Belfast");
    assert_eq!(
        (b.role, b.country.as_deref()),
        (PlaceRole::Embedded, Some("GB")),
        "{b:?}"
    );
}

#[test]
fn languages_are_no_demonyms() {
    let ps = places("The English city of Salisbury was sealed off.");
    let e = find(&ps, "English").expect("English");
    assert_eq!(
        (e.role, e.name.as_deref()),
        (PlaceRole::Demonym, Some("England")),
        "{e:?}"
    );
    for sentence in [
        "The statement was published in English.",
        "Last year the book was translated into Russian.",
        "She speaks French at home.",
        "A Russian-language newspaper reported the raid.",
    ] {
        let ps = places(sentence);
        assert!(ps.iter().all(|p| !p.demonym), "{sentence}: {ps:?}");
    }
}

#[test]
fn region_abbreviations_resolve_to_their_regions() {
    // (sentence, abbreviation, admin1 code)
    let cases = [
        (
            "Police in Portland, Ore., said the suspect had fled.",
            "Ore.",
            "US.OR",
        ),
        (
            "The fire started in a warehouse in Slidell, La., early on Sunday.",
            "La.",
            "US.LA",
        ),
        (
            "SPRINGFIELD, Ill. (AP) - Officials say the count is done.",
            "Ill.",
            "US.IL",
        ),
        (
            "The Walker County (Ga.) school board met on Tuesday.",
            "Ga.",
            "US.GA",
        ),
        (
            "She grew up in Albany, N.Y., before moving west.",
            "N.Y.",
            "US.NY",
        ),
        (
            "He lives in Vancouver, B.C., with his family.",
            "B.C.",
            "CA.02",
        ),
        ("The plant in Sarnia, Ont., will close.", "Ont.", "CA.08"),
        (
            "Wildfires forced thousands from their homes across BC this summer.",
            "BC",
            "CA.02",
        ),
        (
            "Flooding hit Lismore in northern NSW last week.",
            "NSW",
            "AU.02",
        ),
    ];
    for (sentence, surface, code) in cases {
        let ps = places(sentence);
        let p = find(&ps, surface).unwrap_or_else(|| panic!("{sentence}: {ps:?}"));
        assert_eq!(
            p.admin1.as_ref().map(|a| a.code.as_str()),
            Some(code),
            "{sentence}: {p:?}"
        );
        assert_eq!(p.feature.as_deref(), Some("region"), "{p:?}");
    }
    // The city before the abbreviation takes its region.
    let ps = places("He lives in Vancouver, B.C., with his family.");
    let v = find(&ps, "Vancouver").expect("Vancouver");
    assert_eq!(v.country.as_deref(), Some("CA"), "{v:?}");
    // No comma, no region: `Mass.` is a service; `300 B.C.` an era; `N.B.` at a sentence's start a note.
    for (sentence, surface) in [
        ("They went to Mass. Afterwards they ate.", "Mass."),
        (
            "The temple was built around 300 B.C. by a local king.",
            "B.C.",
        ),
        ("N.B. The office is closed on Monday.", "N.B."),
        (
            "The city was founded around 500 BC by Greek settlers.",
            "BC",
        ),
    ] {
        let ps = places(sentence);
        assert!(find(&ps, surface).is_none(), "{sentence}: {ps:?}");
    }
}

#[test]
fn historical_countries_rivers_and_ranges_resolve() {
    // (sentence, surface, expected name, country)
    let cases = [
        (
            "The nerve agent was developed by the Soviet Union in the 1970s.",
            "Soviet Union",
            "Soviet Union",
            "RU",
        ),
        (
            "The USSR collapsed in December 1991.",
            "USSR",
            "Soviet Union",
            "RU",
        ),
        (
            "Czechoslovakia split peacefully in 1993.",
            "Czechoslovakia",
            "Czechoslovakia",
            "CZ",
        ),
        (
            "Mobutu renamed the country Zaire in 1971.",
            "Zaire",
            "Democratic Republic of the Congo",
            "CD",
        ),
        (
            "Karnataka and Tamil Nadu have long fought over the waters of the Cauvery.",
            "Cauvery",
            "Cauvery",
            "IN",
        ),
        (
            "Floods along the Indus displaced thousands of families.",
            "Indus",
            "Indus",
            "PK",
        ),
        (
            "The climbers died on Mount Everest last spring.",
            "Mount Everest",
            "Mount Everest",
            "NP",
        ),
        (
            "Farmers north of Cairo, in the Nile Delta, lost their cotton crop.",
            "Nile Delta",
            "Nile Delta",
            "EG",
        ),
        (
            "Storms over the Great Lakes delayed shipping.",
            "Great Lakes",
            "Great Lakes",
            "",
        ),
        (
            "Smugglers cross the Hindu Kush on foot.",
            "Hindu Kush",
            "Hindu Kush",
            "",
        ),
    ];
    for (sentence, surface, name, country) in cases {
        let ps = places(sentence);
        let p = find(&ps, surface).unwrap_or_else(|| panic!("{sentence}: {ps:?}"));
        assert_eq!(p.name.as_deref(), Some(name), "{sentence}: {p:?}");
        assert_eq!(
            p.country.as_deref().unwrap_or(""),
            country,
            "{sentence}: {p:?}"
        );
    }
}

/// (sentence, surface, expected `feature`, expected `near`, expected admin1 code) for streets, buildings,
/// counties and roads the gazetteer lacks: located from their context, through the whole pipeline.
const LOCATED_FROM_CONTEXT: &[(&str, &str, &str, &str, &str)] = &[
    (
        "Police closed Royal Street in New Orleans after the parade on Tuesday night.",
        "Royal Street",
        "street",
        "New Orleans",
        "US.LA",
    ),
    (
        "The senator was treated at Northwestern Memorial Hospital in Chicago and released.",
        "Northwestern Memorial Hospital",
        "building",
        "Chicago",
        "US.IL",
    ),
    (
        "Thousands of worshippers attended the vigil at the Manila Cathedral on Saturday evening.",
        "Manila Cathedral",
        "building",
        "Manila",
        "PH.NCR",
    ),
    (
        "Sheriff's deputies in Hamilton County, Tennessee, arrested two men after a long chase.",
        "Hamilton County",
        "county",
        "Tennessee",
        "US.TN",
    ),
    (
        "A cyclist was seriously hurt in a crash with a lorry on the A120 near Colchester on Monday.",
        "A120",
        "street",
        "Colchester",
        "GB.ENG",
    ),
    (
        "He was driving along Eglinton Avenue West in Toronto when the crash happened.",
        "Eglinton Avenue West",
        "street",
        "Toronto",
        "CA.08",
    ),
];

#[test]
fn streets_buildings_and_counties_are_located_from_their_context() {
    for (sentence, surface, feature, near, admin1) in LOCATED_FROM_CONTEXT {
        let ps = pipeline_places(sentence);
        let p = find(&ps, surface).unwrap_or_else(|| panic!("{sentence}: {ps:?}"));
        assert_eq!(p.resolution, Some(PlaceResolution::Context), "{p:?}");
        assert_eq!(p.geonameid, None, "{p:?}");
        assert_eq!(p.name, None, "{p:?}");
        assert_eq!(p.feature.as_deref(), Some(*feature), "{p:?}");
        assert_eq!(p.near.as_deref(), Some(*near), "{p:?}");
        assert_eq!(
            p.admin1.as_ref().map(|a| a.code.as_str()),
            Some(*admin1),
            "{p:?}"
        );
        assert!(p.lat.is_some() && p.lon.is_some(), "{p:?}");
    }
}

#[test]
fn gazetteer_places_say_so_and_kinds_of_buildings_are_no_places() {
    let ps = pipeline_places("Moscow said on Tuesday that talks would resume in Geneva.");
    let m = find(&ps, "Moscow").expect("Moscow");
    assert_eq!(
        (m.resolution, m.near.as_deref()),
        (Some(PlaceResolution::Gazetteer), None)
    );
    let v = serde_json::to_value(m).expect("json");
    assert_eq!(v["resolution"], "gazetteer", "{v}");
    // An institution or a kind of building is not one place.
    let ps = pipeline_places(
        "A judge of the Supreme Court in London ruled on Monday that the Catholic Church must pay the costs.",
    );
    assert!(find(&ps, "Supreme Court").is_none(), "{ps:?}");
    assert!(find(&ps, "Catholic Church").is_none(), "{ps:?}");
    // With no place around it, a street stays unlocated but says what it is.
    let ps = places("Residents of Bourbon Street complained about the noise at night.");
    let f = find(&ps, "Bourbon Street").expect("Bourbon Street");
    assert_eq!(
        (f.resolution, f.lat, f.feature.as_deref()),
        (None, None, Some("street"))
    );
}

#[test]
fn a_village_after_a_locative_is_placed_by_its_region() {
    let ps =
        pipeline_places("He grew up in Toomevara, a small village in County Tipperary in Ireland.");
    let t = find(&ps, "Toomevara").expect("Toomevara");
    assert_eq!(t.resolution, Some(PlaceResolution::Context), "{t:?}");
    assert_eq!(t.country.as_deref(), Some("IE"), "{t:?}");
}

#[test]
fn same_name_small_towns_follow_the_documents_region() {
    // Red Oak is a town in Iowa, North Carolina and Texas; the story names Iowa.
    let ps = places(
        "Flooding closed several roads in Red Oak on Monday. Iowa officials said more rain was expected across Iowa.",
    );
    let r = find(&ps, "Red Oak").expect("Red Oak");
    assert_eq!(
        r.admin1.as_ref().map(|a| a.code.as_str()),
        Some("US.IA"),
        "{r:?}"
    );
}

#[test]
fn a_name_before_a_county_is_placed_in_it() {
    let ps =
        places("The championship moves to Snetterton, Norfolk, at the end of July after a break.");
    let s = find(&ps, "Snetterton").expect("Snetterton");
    assert_eq!(
        (s.resolution, s.feature.as_deref(), s.near.as_deref()),
        (
            Some(PlaceResolution::Context),
            Some("locality"),
            Some("Norfolk")
        ),
        "{s:?}"
    );
    assert_eq!(s.country.as_deref(), Some("GB"), "{s:?}");
    // An affiliation is not where the story is.
    let ps = pipeline_places(
        "She is a professor of trade policy at Cornell University and lives in Ithaca.",
    );
    assert!(find(&ps, "Cornell University").is_none(), "{ps:?}");
}

/// Distance in km between two points (haversine), for tests that check where a place lands.
fn km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1, la2, lo2) = (
        a.0.to_radians(),
        a.1.to_radians(),
        b.0.to_radians(),
        b.1.to_radians(),
    );
    let h = ((la2 - la1) / 2.0).sin().powi(2)
        + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().asin()
}

#[test]
fn us_counties_take_their_own_point() {
    // (text, county, state admin1 code, a point inside the county)
    let cases = [
        (
            "Pike County in eastern Kentucky reported the most damage after the storm.",
            "Pike County",
            "US.KY",
            (37.47, -82.40),
        ),
        (
            "Voters in Orange County, long a Republican stronghold in California, turned out in force.",
            "Orange County",
            "US.CA",
            (33.70, -117.80),
        ),
        (
            "Deputies from Horry County, South Carolina, searched the beach on Sunday.",
            "Horry County",
            "US.SC",
            (33.90, -78.98),
        ),
    ];
    for (text, surface, state, point) in cases {
        let ps = pipeline_places(text);
        let p = find(&ps, surface).unwrap_or_else(|| panic!("{surface} not found in {ps:?}"));
        assert_eq!(p.country.as_deref(), Some("US"), "{text}");
        assert_eq!(
            p.admin1.as_ref().map(|a| a.code.as_str()),
            Some(state),
            "{text}"
        );
        let (lat, lon) = (p.lat.unwrap_or(0.0), p.lon.unwrap_or(0.0));
        assert!(km((lat, lon), point) < 80.0, "{text}: {lat},{lon}");
    }
}

#[test]
fn a_container_brings_back_the_small_town_of_its_name() {
    // Gainesville, Florida is far larger, but the text says which one.
    let ps =
        places("The new store opens next month in Gainesville, Va., near the Virginia Gateway.");
    let p = find(&ps, "Gainesville").expect("Gainesville");
    assert_eq!(p.country.as_deref(), Some("US"));
    assert_eq!(p.admin1.as_ref().map(|a| a.code.as_str()), Some("US.VA"));
}

#[test]
fn a_city_of_millions_beats_a_small_namesake_in_the_story_country() {
    let ps = places(
        "Zara, the Spanish retailer, grew fast in Spain and Portugal. Madrid analysts agreed, and so did a \
         professor in Los Angeles who has studied the chain for years.",
    );
    let p = find(&ps, "Los Angeles").expect("Los Angeles");
    assert_eq!(p.country.as_deref(), Some("US"), "{p:?}");
}

#[test]
fn a_name_listed_beside_states_is_a_state() {
    let ps = places(
        "Utah has had success in luring better-paying tech jobs from western states such as California or \
         Washington, because of high housing and business costs.",
    );
    let p = find(&ps, "Washington").expect("Washington");
    assert_eq!(p.feature.as_deref(), Some("region"), "{p:?}");
    assert_eq!(p.admin1.as_ref().map(|a| a.code.as_str()), Some("US.WA"));
    // A region named after its seat city stays the city.
    let ps = places("The river is shared by Karnataka, Tamil Nadu, Kerala and Puducherry.");
    let p = find(&ps, "Puducherry").expect("Puducherry");
    assert_eq!(p.feature.as_deref(), Some("city"), "{p:?}");
}

#[test]
fn a_state_named_unambiguously_decides_its_city_namesake() {
    let ps = places(
        "CAMP MURRAY, Wash. - The team travels a lot. Its primary focus has been at home in Washington. \
         Trips took them to Guam and to Washington, D.C., among many others.",
    );
    let p = ps
        .iter()
        .find(|p| p.text == "Washington")
        .expect("Washington");
    assert_eq!(p.feature.as_deref(), Some("region"), "{p:?}");
    assert_eq!(p.admin1.as_ref().map(|a| a.code.as_str()), Some("US.WA"));
    let dc = find(&ps, "Washington, D.C.").expect("Washington, D.C.");
    assert_eq!(dc.admin1.as_ref().map(|a| a.code.as_str()), Some("US.DC"));
}

#[test]
fn a_region_in_an_organizations_name_places_the_story() {
    // `Louisiana` only in `Louisiana Purchase` still says which Franklin a New Orleans street story means.
    let ps = pipeline_places(
        "Expecting that the Louisiana Purchase would spur expansion, he had his land subdivided. The street was \
         later called Franklin, and the lower limit of the old plantation ran along it.",
    );
    if let Some(f) = find(&ps, "Franklin").filter(|f| f.name.is_some()) {
        assert_eq!(
            f.admin1.as_ref().map(|a| a.code.as_str()),
            Some("US.LA"),
            "{f:?}"
        );
    }
}

#[test]
fn rivers_are_placed_at_their_mouths_and_airports_in_their_country() {
    // GeoNames places a stream at its mouth: the Cauvery reaches the sea near Poompuhar, the Mississippi below
    // New Orleans.
    for (sentence, surface, mouth) in [
        (
            "Karnataka was told to release more water from the Cauvery to Tamil Nadu.",
            "Cauvery",
            (11.14, 79.85),
        ),
        (
            "Barges queued on the Mississippi River as the water level fell.",
            "Mississippi River",
            (29.15, -89.25),
        ),
    ] {
        let ps = places(sentence);
        let p = find(&ps, surface).unwrap_or_else(|| panic!("{sentence}: {ps:?}"));
        let d = km((p.lat.unwrap_or(0.0), p.lon.unwrap_or(0.0)), mouth);
        assert!(d < 50.0, "{sentence}: {p:?} is {d} km from the mouth");
    }
    let ps = places("Flights out of Heathrow were cancelled because of the snow.");
    let h = find(&ps, "Heathrow").expect("Heathrow");
    assert_eq!(h.country.as_deref(), Some("GB"), "{h:?}");
}

#[test]
fn a_town_after_a_place_preposition_stays_a_town_the_recognizer_calls_a_person() {
    let ps = pipeline_places(
        "Like many towns across Alberta, the landscape around Hinton is a pincushion of oil wells.",
    );
    let h = find(&ps, "Hinton").unwrap_or_else(|| panic!("{ps:?}"));
    assert_eq!(h.country.as_deref(), Some("CA"), "{h:?}");
    // A person's full name elsewhere keeps the veto.
    let ps = pipeline_places(
        "Tom Hinton, the club's manager, said the team was ready. Fans waited in Hinton for hours.",
    );
    assert!(
        ps.iter().all(|p| p.text != "Hinton" || p.start > 60),
        "{ps:?}"
    );
}

#[test]
fn a_region_named_like_a_word_closes_a_listed_place() {
    let ps =
        places("25/26 August: Knockhill, Fife. 15/16 September: Silverstone, Northamptonshire.");
    let f = find(&ps, "Fife").unwrap_or_else(|| panic!("{ps:?}"));
    assert_eq!(f.country.as_deref(), Some("GB"), "{f:?}");
    // The word itself stays a word.
    let ps = places("He played the fife at the parade. Then the band left.");
    assert!(ps.is_empty(), "{ps:?}");
}

#[test]
fn a_quarter_named_by_a_nation_lies_in_the_town_of_the_story() {
    let ps = places(
        "Tourists crowded the French Quarter in New Orleans on Saturday, and the bars on Bourbon Street \
         stayed open late.",
    );
    let q = find(&ps, "French Quarter").unwrap_or_else(|| panic!("{ps:?}"));
    assert_eq!(q.country.as_deref(), Some("US"), "{q:?}");
    assert_eq!(q.feature.as_deref(), Some("district"), "{q:?}");
    // A nation's adjective before anything else is still the nation.
    let ps = places("The French government said on Monday it would raise taxes.");
    let f = find(&ps, "French").unwrap_or_else(|| panic!("{ps:?}"));
    assert_eq!(f.country.as_deref(), Some("FR"), "{f:?}");
}

#[test]
fn a_saints_building_is_no_town_of_the_saints_name() {
    let ps = places("The couple will marry at St George’s Chapel at Windsor Castle in May.");
    let c = find(&ps, "St George’s Chapel").unwrap_or_else(|| panic!("{ps:?}"));
    assert_eq!(c.country.as_deref(), Some("GB"), "{c:?}");
    assert_eq!(c.feature.as_deref(), Some("building"), "{c:?}");
}

#[test]
fn a_district_before_a_big_city_lies_in_it() {
    let ps = places("He was taken to hospital in Paddington, London, after the attack.");
    let p = find(&ps, "Paddington").unwrap_or_else(|| panic!("{ps:?}"));
    assert_eq!(p.country.as_deref(), Some("GB"), "{p:?}");
    let d = km((p.lat.unwrap_or(0.0), p.lon.unwrap_or(0.0)), (51.51, -0.13));
    assert!(d < 30.0, "{p:?} is {d} km from London");
}

#[test]
fn a_building_named_after_a_founder_is_no_small_town_of_that_name() {
    let ps = places(
        "Residents of New Orleans packed the old Carnegie Library on Saturday to hear the mayor.",
    );
    let c = find(&ps, "Carnegie Library").unwrap_or_else(|| panic!("{ps:?}"));
    assert_eq!(c.country.as_deref(), Some("US"), "{c:?}");
}

#[test]
fn a_sentence_may_open_with_the_place_preposition() {
    let ps = pipeline_places(
        "Last year the state lost more than 1,000 people. On Oahu, home to Honolulu and Pearl Harbor, \
         the population fell for a third year.",
    );
    let o = find(&ps, "Oahu").unwrap_or_else(|| panic!("{ps:?}"));
    assert_eq!(o.country.as_deref(), Some("US"), "{o:?}");
}

#[test]
fn a_county_that_names_an_office_is_placed_in_its_state() {
    // (sentence, county, admin1): the only county of its name in the US, no other place around.
    for (sentence, surface, admin1) in [
        (
            "Marathon County Sheriff Scott Parks said the search would continue.",
            "Marathon County",
            "US.WI",
        ),
        (
            "Cuyahoga County Executive Armond Budish told reporters the cuts would be catastrophic.",
            "Cuyahoga County",
            "US.OH",
        ),
    ] {
        let ps = pipeline_places(sentence);
        let c = find(&ps, surface).unwrap_or_else(|| panic!("{sentence}: {ps:?}"));
        assert_eq!(c.feature.as_deref(), Some("county"), "{c:?}");
        assert_eq!(
            c.admin1.as_ref().map(|a| a.code.as_str()),
            Some(admin1),
            "{c:?}"
        );
        assert!(c.lat.is_some(), "{c:?}");
    }
}

#[test]
fn landmarks_news_names_are_curated() {
    // (sentence, landmark, country)
    for (sentence, surface, country) in [
        (
            "The president met his aides in the Oval Office on Monday.",
            "Oval Office",
            "US",
        ),
        (
            "Pilgrims gathered at St. Peter's Basilica for the Easter Mass.",
            "St. Peter's Basilica",
            "VA",
        ),
        (
            "The couple will marry at Windsor Castle in May.",
            "Windsor Castle",
            "GB",
        ),
        (
            "Protesters marched past Trump Tower on Fifth Avenue.",
            "Trump Tower",
            "US",
        ),
    ] {
        let ps = places(sentence);
        let p = find(&ps, surface).unwrap_or_else(|| panic!("{sentence}: {ps:?}"));
        assert_eq!(p.country.as_deref(), Some(country), "{p:?}");
        assert_eq!(p.feature.as_deref(), Some("feature"), "{p:?}");
    }
}

#[test]
fn trinidad_and_tobago_is_t_and_t() {
    let ps =
        places("The prime minister said T&T had sent supplies to Dominica after the hurricane.");
    let t = find(&ps, "T&T").unwrap_or_else(|| panic!("{ps:?}"));
    assert_eq!(t.country.as_deref(), Some("TT"), "{t:?}");
    assert_eq!(t.feature.as_deref(), Some("country"), "{t:?}");
}

#[test]
fn numbered_roads_after_a_capital_the_or_in_a_list_are_roads() {
    let ps = pipeline_places(
        "Traffic was diverted near Cheltenham. The A417 southbound carriageway was closed and a diversion \
         was in place via the A436, A40 and A429.",
    );
    for road in ["A417", "A436", "A40", "A429"] {
        let r = find(&ps, road).unwrap_or_else(|| panic!("{road}: {ps:?}"));
        assert_eq!(r.feature.as_deref(), Some("street"), "{r:?}");
        assert_eq!(r.country.as_deref(), Some("GB"), "{r:?}");
    }
    // A list of model numbers without a road before it is no road.
    let ps = places("He has owned an A4, M3 and S5 over the years.");
    assert!(find(&ps, "M3").is_none(), "{ps:?}");
}

#[test]
fn arabic_town_names_match_without_article_or_final_h() {
    // GeoNames writes `Misratah`, `Ar Raqqah`, `Al Hasakah`; news drops the h and the article.
    for (sentence, surface, country) in [
        (
            "Militias from Misrata moved east along the coast.",
            "Misrata",
            "LY",
        ),
        (
            "Fighters regrouped in Raqqa after the offensive.",
            "Raqqa",
            "SY",
        ),
        ("Aid reached Hasakah on Tuesday.", "Hasakah", "SY"),
    ] {
        let ps = places(sentence);
        let p = find(&ps, surface).unwrap_or_else(|| panic!("{sentence}: {ps:?}"));
        assert_eq!(p.country.as_deref(), Some(country), "{p:?}");
    }
}

#[test]
fn hyphenated_region_names_match_with_a_space() {
    let ps = places("Car factories in Baden Wurttemberg cut output in March.");
    let b = find(&ps, "Baden Wurttemberg").unwrap_or_else(|| panic!("{ps:?}"));
    assert_eq!(b.country.as_deref(), Some("DE"), "{b:?}");
    assert_eq!(b.feature.as_deref(), Some("region"), "{b:?}");
}

#[test]
fn the_capitol_is_located_from_its_context() {
    let ps = pipeline_places(
        "Thousands of teachers rallied in Oklahoma City on Monday. They marched on the Capitol and demanded more \
         money for schools.",
    );
    let c = find(&ps, "Capitol").unwrap_or_else(|| panic!("{ps:?}"));
    assert_eq!(c.feature.as_deref(), Some("building"), "{c:?}");
    assert_eq!(
        c.admin1.as_ref().map(|a| a.code.as_str()),
        Some("US.OK"),
        "{c:?}"
    );
    // `Capitol Records` is a firm.
    let ps = places("She signed with Capitol Records in 2012.");
    assert!(find(&ps, "Capitol").is_none(), "{ps:?}");
}

#[test]
fn british_spelling_keeps_same_name_towns_at_home() {
    // A British story about US troops: the soldier's home town is the English Manchester.
    let text = "The US commander said American forces would stay in Syria. The Ministry of Defence confirmed the \
                death of the corporal, who was born in Manchester and whose favourite posting was abroad.";
    let ps = places(text);
    let m = find(&ps, "Manchester").unwrap_or_else(|| panic!("{ps:?}"));
    assert_eq!(m.country.as_deref(), Some("GB"), "{m:?}");
    // The same story in American spelling keeps the US town of the story's country.
    let text = "The US commander said American forces would stay in Syria. The Department of Defense confirmed the \
                death of the corporal, who was born in Manchester and whose favorite posting was abroad.";
    let ps = places(text);
    let m = find(&ps, "Manchester").unwrap_or_else(|| panic!("{ps:?}"));
    assert_eq!(m.country.as_deref(), Some("US"), "{m:?}");
}

#[test]
fn irish_institutions_place_irish_towns() {
    let ps = places(
        "Gardai are investigating an assault on a taxi driver in Dundalk on Saturday night.",
    );
    let d = find(&ps, "Dundalk").unwrap_or_else(|| panic!("{ps:?}"));
    assert_eq!(d.country.as_deref(), Some("IE"), "{d:?}");
}

/// Entities of `label` at every occurrence of `surface` in `text`.
fn entities_at_all(text: &str, surface: &str, label: EntityLabel) -> Vec<Entity> {
    text.match_indices(surface)
        .map(|(b, _)| {
            let mut e = entity(text, surface, label);
            e.start = text[..b].chars().count();
            e.end = e.start + surface.chars().count();
            e
        })
        .collect()
}

#[test]
fn towns_taken_for_persons_after_weaker_prepositions() {
    // Only ever tagged a person after `on` or `to`: the town.
    let text = "Turkish artillery fired on Qamishli overnight. Hundreds of families fled to Qamishli by morning.";
    let ents = entities_at_all(text, "Qamishli", EntityLabel::Person);
    let (ps, _) = resolve(&Context::from_text(text, None), &ents);
    let q = find(&ps, "Qamishli").unwrap_or_else(|| panic!("{ps:?}"));
    assert_eq!(q.country.as_deref(), Some("SY"), "{q:?}");
    // Called a person elsewhere without a preposition (`Clinton said`): `a reference to Clinton` is the person.
    let text =
        "Clinton said the emails were private. The memo made an apparent reference to Clinton.";
    let ents = entities_at_all(text, "Clinton", EntityLabel::Person);
    let (ps, _) = resolve(&Context::from_text(text, None), &ents);
    assert!(find(&ps, "Clinton").is_none(), "{ps:?}");
}

#[test]
fn ambiguous_abbreviations_follow_the_document_countries() {
    let ps = places(
        "Platinum output in South Africa fell again. Mining towns in SA depend on a handful of shafts.",
    );
    let sa = find(&ps, "SA").unwrap_or_else(|| panic!("{ps:?}"));
    assert_eq!(sa.country.as_deref(), Some("ZA"), "{sa:?}");
    let ps =
        places("Iron ore prices lifted Australia's miners, and royalties in WA rose by a third.");
    let wa = find(&ps, "WA").unwrap_or_else(|| panic!("{ps:?}"));
    assert_eq!(wa.country.as_deref(), Some("AU"), "{wa:?}");
    // No country of the abbreviation in the story, or a firm's suffix: no place.
    let ps = places("Shares of the group rose after results were published in SA on Monday.");
    assert!(find(&ps, "SA").is_none(), "{ps:?}");
    let ps = places("In France, Airbus SA said deliveries would rise.");
    assert!(find(&ps, "SA").is_none(), "{ps:?}");
    // After a capitalized function word at a sentence's start.
    let ps = places(
        "Mining affects millions of people in South Africa. That SA holds vast reserves of platinum is no secret.",
    );
    let sa = find(&ps, "SA").unwrap_or_else(|| panic!("{ps:?}"));
    assert_eq!(sa.country.as_deref(), Some("ZA"), "{sa:?}");
}

#[test]
fn us_postal_codes_after_a_town_and_comma_are_states() {
    let ps = places("Firefighters in Spartanburg, SC said the blaze started in a kitchen.");
    let sc = find(&ps, "SC").unwrap_or_else(|| panic!("{ps:?}"));
    assert_eq!(sc.country.as_deref(), Some("US"), "{sc:?}");
    assert_eq!(sc.feature.as_deref(), Some("region"), "{sc:?}");
    // The state places a same-name town: the Garden City of South Carolina.
    let ps =
        places("HORRY COUNTY, SC (WMBF) - A fire destroyed two homes in Garden City on Sunday.");
    let g = find(&ps, "Garden City").unwrap_or_else(|| panic!("{ps:?}"));
    assert_eq!(
        g.admin1.as_ref().map(|a| a.code.as_str()),
        Some("US.SC"),
        "{g:?}"
    );
    // Before another capitalized word the code is part of a name.
    let ps = places("The deal was announced by Ms. Jones, CA Technologies' chief executive.");
    assert!(find(&ps, "CA").is_none(), "{ps:?}");
    let ps = places("That was the founding of the militia, OK? He said it twice.");
    assert!(find(&ps, "OK").is_none(), "{ps:?}");
    // Codes that are more often words name no state.
    let ps = places("We met in Tulsa, OK. Then he left.");
    assert!(find(&ps, "OK").is_none(), "{ps:?}");
    // Codes AP writes out name their state too when a story uses them.
    let ps = places("Police in Austin, TX said the driver fled.");
    let tx = find(&ps, "TX").unwrap_or_else(|| panic!("{ps:?}"));
    assert_eq!(tx.name.as_deref(), Some("Texas"), "{tx:?}");
    // A model name is no state.
    let ps = places("He was armed with a Kalashnikov, AK-47 rifles being common in the area.");
    assert!(find(&ps, "AK").is_none(), "{ps:?}");
    // The code and the city share no choice: `NY` is the state, `New York` the city.
    let ps =
        places("WESTCHESTER COUNTY, NY (WABC) -- Trains into New York were delayed on Monday.");
    let ny = find(&ps, "New York").unwrap_or_else(|| panic!("{ps:?}"));
    assert_eq!(ny.feature.as_deref(), Some("city"), "{ny:?}");
}

#[test]
fn second_level_divisions_of_britain_ireland_and_the_philippines_are_regions() {
    for (text, surface, country) in [
        (
            "The bodies were found on a coastal path near New Quay, Ceredigion, on Wednesday.",
            "Ceredigion",
            "GB",
        ),
        (
            "Heavy rain flooded several towns in Laguna province on Sunday.",
            "Laguna",
            "PH",
        ),
        (
            "The farm lies in County Cavan, close to the border.",
            "County Cavan",
            "IE",
        ),
        (
            "Hundreds of homes lost power across Fife after the storm.",
            "Fife",
            "GB",
        ),
    ] {
        let ps = places(text);
        let p = find(&ps, surface).unwrap_or_else(|| panic!("{surface}: {ps:?}"));
        assert_eq!(p.country.as_deref(), Some(country), "{p:?}");
        assert_eq!(p.feature.as_deref(), Some("region"), "{p:?}");
    }
}

#[test]
fn a_small_town_in_a_region_the_story_names_beats_a_larger_namesake_abroad() {
    // `Virginia` is also a town of County Cavan; `Nelson` a town of British Columbia, hidden by Nelson, New Zealand.
    let ps = pipeline_places(
        "Energy audits will be carried out at the Ramor Theatre, Virginia, and at Cavan Town Hall, Cavan County \
         Council said.",
    );
    let v = find(&ps, "Virginia").unwrap_or_else(|| panic!("{ps:?}"));
    assert_eq!(v.country.as_deref(), Some("IE"), "{v:?}");
    let ps = places(
        "The new permit office opens in Nelson next week, the British Columbia government said on Monday.",
    );
    let n = find(&ps, "Nelson").unwrap_or_else(|| panic!("{ps:?}"));
    assert_eq!(n.country.as_deref(), Some("CA"), "{n:?}");
    // A capital keeps its prior against a same-name town of the story's region.
    let ps = places("The governor of Texas flew to Paris for the climate summit on Monday.");
    let p = find(&ps, "Paris").unwrap_or_else(|| panic!("{ps:?}"));
    assert_eq!(p.country.as_deref(), Some("FR"), "{p:?}");
}

#[test]
fn a_region_after_a_town_and_comma_places_it() {
    // No Rockingham of the gazetteer lies in Northamptonshire: the circuit's village is placed by its county.
    let ps = places("The championship moves to Rockingham, Northamptonshire, on 11 August.");
    let r = find(&ps, "Rockingham").unwrap_or_else(|| panic!("{ps:?}"));
    assert_eq!(r.resolution, Some(PlaceResolution::Context), "{r:?}");
    assert_eq!(r.country.as_deref(), Some("GB"), "{r:?}");
    // In a list the names are places of their own.
    let ps = places("Fans travelled from Rockingham, Kent and Essex for the final.");
    let r = find(&ps, "Rockingham").unwrap_or_else(|| panic!("{ps:?}"));
    assert_eq!(r.resolution, Some(PlaceResolution::Gazetteer), "{r:?}");
    // The region after a town is the one that holds it, not the capital of its name.
    let ps = places(
        "A baker from a cake studio in Tacoma, Washington shares tips for decorating cookies.",
    );
    let w = find(&ps, "Washington").unwrap_or_else(|| panic!("{ps:?}"));
    assert_eq!(
        (
            w.feature.as_deref(),
            w.admin1.as_ref().map(|a| a.code.as_str())
        ),
        (Some("region"), Some("US.WA")),
        "{w:?}"
    );
}

#[test]
fn a_story_naming_places_only_inside_names_still_locates_its_streets() {
    // Winnipeg is only in the newspaper's name: it is still where the streets are.
    let ps = pipeline_places(
        "Crews closed Assiniboine Avenue between Main Street and River Avenue on Monday, the Winnipeg Free Press \
         reported.",
    );
    let a = find(&ps, "Assiniboine Avenue").unwrap_or_else(|| panic!("{ps:?}"));
    assert_eq!(a.country.as_deref(), Some("CA"), "{a:?}");
    assert_eq!(a.near.as_deref(), Some("Winnipeg"), "{a:?}");
}

#[test]
fn compass_regions_short_town_names_and_islands_resolve() {
    // South Africa's `North-West` province, written with a space, follows the story's country.
    let ps = places("Mining towns in South Africa's North West province were hit by strikes.");
    let n = find(&ps, "North West").unwrap_or_else(|| panic!("{ps:?}"));
    assert_eq!(n.country.as_deref(), Some("ZA"), "{n:?}");
    // British towns on a river or the sea go by their first name.
    let ps = places("The seafront reopened in Clacton on Friday after the storm.");
    let c = find(&ps, "Clacton").unwrap_or_else(|| panic!("{ps:?}"));
    assert_eq!(c.name.as_deref(), Some("Clacton-on-Sea"), "{c:?}");
    let ps = places("Home prices on Oahu rose again, while Maui lost residents.");
    let o = find(&ps, "Oahu").unwrap_or_else(|| panic!("{ps:?}"));
    assert_eq!(
        o.admin1.as_ref().map(|a| a.code.as_str()),
        Some("US.HI"),
        "{o:?}"
    );
}

#[test]
fn a_small_place_named_like_a_square_far_from_the_story_is_its_own_square() {
    // Washington Square is also a Pennsylvania village; in a New Orleans story it is the park of the Marigny.
    let ps = places(
        "The Marigny lies downriver from the old city of New Orleans, Louisiana. The Appalachians were far away. \
         Neighbors gathered in Washington Square on Sunday.",
    );
    let w = find(&ps, "Washington Square").unwrap_or_else(|| panic!("{ps:?}"));
    assert_eq!(w.resolution, Some(PlaceResolution::Context), "{w:?}");
    assert_eq!(
        w.admin1.as_ref().map(|a| a.code.as_str()),
        Some("US.LA"),
        "{w:?}"
    );
}

#[test]
fn a_small_foreign_town_in_a_story_about_another_country_is_a_local_place() {
    // No Middletown of the gazetteer is in England; in a story about West Yorkshire the name is a local one.
    let ps = places(
        "Barry and Beryl grew up in Dewsbury and Blackpool before settling in Ossett, near Wakefield. Barry owned \
         an electrical shop in Middletown for many years.",
    );
    let m = find(&ps, "Middletown").unwrap_or_else(|| panic!("{ps:?}"));
    assert_eq!(m.resolution, Some(PlaceResolution::Context), "{m:?}");
    assert_eq!(m.country.as_deref(), Some("GB"), "{m:?}");
}

#[test]
fn a_tokens_hyphen_bit_says_whether_it_holds_a_hyphen() {
    // Detection asks the tokenizer's class bits, not the text, whether a word is a hyphenated compound: the bit
    // must be set exactly for the tokens with a hyphen, whichever path of the tokenizer made them.
    let texts = [
        "pro-Russian forces near Asia-Pacific and a U.S.-led - group -- end-",
        "-start, (Tri-State) area; x-ray! Jean-Luc's 2021-22 season: a-b-c? \"well-known\" 3-0",
        "Zürich-based, São Paulo–Rio ‐ café-owner — non-ASCII-words — Gdańsk-Gdynia.",
    ];
    for text in texts {
        let ctx = Context::from_text(text, None);
        assert!(!ctx.tokens.is_empty());
        for t in &ctx.tokens {
            assert_eq!(
                t.class & HYPHEN != 0,
                text.as_bytes()[t.start..t.end].contains(&b'-'),
                "{:?}",
                &text[t.start..t.end]
            );
        }
    }
}

#[test]
fn a_city_ending_an_organization_name_is_embedded_not_a_surname() {
    // `Baseball Toronto` is a website: Toronto is in its name, not a surname to keep out.
    let ps = pipeline_places(
        "Shi Davidi, the editor in chief of Baseball Toronto, a subscription website that covers the team, said \
         the deal made sense.",
    );
    let t = find(&ps, "Toronto").unwrap_or_else(|| panic!("{ps:?}"));
    assert_eq!(t.country.as_deref(), Some("CA"), "{t:?}");
    assert_eq!(t.role, PlaceRole::Embedded, "{t:?}");
    // A surname is still no town.
    let ps = pipeline_places("Andrew Jackson spoke first. Later, Jackson said the vote was fair.");
    assert!(find(&ps, "Jackson").is_none(), "{ps:?}");
}

#[test]
fn broad_regions_take_the_points_geocoders_use() {
    // Latin America has no GeoNames feature: annotators pick the South America continent's point.
    let ps = places("Inflation is rising across Latin America, the bank said.");
    let l = find(&ps, "Latin America").unwrap_or_else(|| panic!("{ps:?}"));
    assert!(
        (l.lat.unwrap() + 14.6).abs() < 0.1 && (l.lon.unwrap() + 57.66).abs() < 0.1,
        "{l:?}"
    );
    let ps = places("Migrants keep crossing the Mediterranean in small boats.");
    // GeoNames' region point (7729883), as annotators geocode it.
    let n = places("Wolves are returning to Northern Europe.");
    let n = find(&n, "Northern Europe").unwrap_or_else(|| panic!("{n:?}"));
    assert!(
        (n.lat.unwrap() - 61.69).abs() < 0.1 && (n.lon.unwrap() - 2.9).abs() < 0.1,
        "{n:?}"
    );
    let m = find(&ps, "Mediterranean").unwrap_or_else(|| panic!("{ps:?}"));
    assert!(
        (m.lat.unwrap() - 35.0).abs() < 0.1 && (m.lon.unwrap() - 20.0).abs() < 0.1,
        "{m:?}"
    );
}

#[test]
fn a_place_named_as_one_elsewhere_stays_a_place_the_recognizer_calls_a_person() {
    // `in Samos` says the island; `Samos's economy`, tagged a person, is the same island.
    let text = "Some 1,700 asylum seekers are stuck in Samos. With Samos's economy in ruins, residents protested.";
    let ents = entities_at_all(text, "Samos", EntityLabel::Person);
    let (ps, _) = resolve(&Context::from_text(text, None), &ents);
    assert_eq!(ps.iter().filter(|p| p.text == "Samos").count(), 2, "{ps:?}");
    // Written as part of a person's full name, it stays that person.
    let text =
        "Paris Jackson arrived in Paris on Monday. Later, Paris told reporters she was happy.";
    let mut ents = entities_at_all(text, "Paris Jackson", EntityLabel::Person);
    let mut later = entity(text, "Paris told", EntityLabel::Person);
    later.end = later.start + "Paris".len();
    later.text = "Paris".to_string();
    ents.push(later);
    let (ps, _) = resolve(&Context::from_text(text, None), &ents);
    assert_eq!(ps.iter().filter(|p| p.text == "Paris").count(), 1, "{ps:?}");
}

#[test]
fn an_unlisted_town_after_in_and_before_its_region_stays_a_town_the_recognizer_calls_a_person() {
    let text = "Members of the caravan have been camped out in Matias Romero, Oaxaca State, Mexico, since Wednesday.";
    let ents = vec![entity(text, "Matias Romero", EntityLabel::Person)];
    let (ps, _) = resolve(&Context::from_text(text, None), &ents);
    let m = find(&ps, "Matias Romero").unwrap_or_else(|| panic!("{ps:?}"));
    assert_eq!(m.country.as_deref(), Some("MX"), "{m:?}");
    // Without the place preposition it is the person (`said Matias Romero, Oaxaca State's delegate`).
    let text = "The plan was announced by Matias Romero, Oaxaca State's delegate, on Wednesday.";
    let ents = vec![entity(text, "Matias Romero", EntityLabel::Person)];
    let (ps, _) = resolve(&Context::from_text(text, None), &ents);
    assert!(find(&ps, "Matias Romero").is_none(), "{ps:?}");
}

#[test]
fn a_dotted_abbreviation_ending_a_hyphenated_pair_is_a_place() {
    let ps = places("Pyongyang hopes to grasp the opportunities of the DPRK-U.S. summit in June.");
    let u = find(&ps, "U.S.").unwrap_or_else(|| panic!("{ps:?}"));
    assert_eq!(u.country.as_deref(), Some("US"), "{u:?}");
    // A senator's party and state stays out.
    let ps = places("Sen. Ben Sasse, R-Neb., called the escalation a mistake.");
    assert!(find(&ps, "Neb.").is_none(), "{ps:?}");
}

#[test]
fn a_town_before_a_comma_and_its_region_stays_a_town_the_recognizer_calls_a_person() {
    let text = "The calendar: 9/10 June: Oulton Park, Cheshire. 23/24 June: Croft, Yorkshire. The finale follows.";
    let ents = vec![entity(text, "Croft", EntityLabel::Person)];
    let (ps, _) = resolve(&Context::from_text(text, None), &ents);
    let c = find(&ps, "Croft").unwrap_or_else(|| panic!("{ps:?}"));
    assert_eq!(c.country.as_deref(), Some("GB"), "{c:?}");
    // A country after the comma is no such proof: `Freeland, U.S. Trade Representative Robert Lighthizer and...`.
    let text =
        "Freeland, U.S. Trade Representative Robert Lighthizer and their teams met on Friday.";
    let ents = vec![entity(text, "Freeland", EntityLabel::Person)];
    let (ps, _) = resolve(&Context::from_text(text, None), &ents);
    assert!(find(&ps, "Freeland").is_none(), "{ps:?}");
}

#[test]
fn a_common_word_named_as_a_place_elsewhere_stays_that_place() {
    // `cork` is also a word: `A Cork mother` alone says nothing, but the story is set `in Cork city`.
    let ps = places(
        "Her condition will deteriorate again. A Cork mother says she is terrified. She told a press conference in \
         Cork city today that they cannot continue.",
    );
    assert_eq!(ps.iter().filter(|p| p.text == "Cork").count(), 2, "{ps:?}");
    // Without such a mention it stays out.
    let ps = places("Her condition will deteriorate again. A Cork mother says she is terrified.");
    assert!(find(&ps, "Cork").is_none(), "{ps:?}");
}

#[test]
fn a_suburb_of_a_story_about_a_region_is_in_the_regions_town_the_story_names() {
    // The suburb comes sentences before any place: it is in Cape Town, not at the province's centre.
    let ps = pipeline_places(
        "The mother says the police have failed her. She lives in Khayelitsha with her daughter. She said she \
         received an SMS in August. She waited for months. Nobody called her back. Western Cape police said the \
         case was under review. Cape Town officials and Western Cape officials declined to comment.",
    );
    let k = find(&ps, "Khayelitsha").unwrap_or_else(|| panic!("{ps:?}"));
    assert_eq!(k.near.as_deref(), Some("Cape Town"), "{k:?}");
}

#[test]
fn a_street_beside_a_region_is_in_the_regions_town_the_story_names() {
    // `Virginia` is the nearest place, Manassas the story's town in Virginia.
    let ps = places(
        "Manassas is growing fast, officials in Manassas said. Commuters across Virginia queue daily on Sudley \
         Road.",
    );
    let r = find(&ps, "Sudley Road").unwrap_or_else(|| panic!("{ps:?}"));
    assert_eq!(r.near.as_deref(), Some("Manassas"), "{r:?}");
}

#[test]
fn a_street_beside_a_county_stays_in_the_county() {
    // Only a first-level region hands its streets to the story's town: Norfolk is a county, far from London.
    let ps = places(
        "London officials said London traffic was heavy. Commuters across Norfolk queue daily on Sudley Road.",
    );
    let r = find(&ps, "Sudley Road").unwrap_or_else(|| panic!("{ps:?}"));
    assert_eq!(r.near.as_deref(), Some("Norfolk"), "{r:?}");
}

#[test]
fn a_dated_list_item_is_no_headline() {
    // A calendar's items are title case only because they are names: the circuits are places in their counties.
    let ps = places(
        "2019 fixtures. 2/3 March: Silverstone, Northamptonshire. 11/12 May: Cadwell Park, Lincolnshire. 8/9 June: \
         Snetterton, Norfolk.",
    );
    for (name, county) in [("Cadwell Park", "Lincolnshire"), ("Snetterton", "Norfolk")] {
        let p = find(&ps, name).unwrap_or_else(|| panic!("{name}: {ps:?}"));
        assert_eq!(p.near.as_deref(), Some(county), "{p:?}");
        assert_eq!(p.country.as_deref(), Some("GB"), "{p:?}");
    }
    // A headline in title case still names no unknown town before a state.
    let ps = places("Farmers Brace For Tornadoes, Kansas Officials Warn");
    assert!(ps.iter().all(|p| p.text != "Tornadoes"), "{ps:?}");
}

#[test]
fn coordinated_names_before_streets_are_streets() {
    // `Clinton` is also a town in several states; here it is a Chicago street, as `Division` is.
    let ps = places(
        "Officers in Chicago said the woman fell at the corner of Division and Clinton streets. The parade \
         wound down Canal, Magazine, and Tchoupitoulas streets. A yellow cafe overlooks the Decatur/Esplanade \
         intersection and a bakery faces the Frenchmen intersection.",
    );
    for name in [
        "Division",
        "Clinton",
        "Canal",
        "Magazine",
        "Tchoupitoulas",
        "Decatur",
        "Esplanade",
        "Frenchmen",
    ] {
        let p = find(&ps, name).unwrap_or_else(|| panic!("{name}: {ps:?}"));
        assert_eq!(
            (p.feature.as_deref(), p.near.as_deref()),
            (Some("street"), Some("Chicago")),
            "{p:?}"
        );
    }
    // Countries and states joined the same way are no streets, nor is one name without `the ... intersection`.
    let ps = places(
        "Israel and Jordan roads were closed, and Texas and Oklahoma roads flooded in Dallas.",
    );
    for name in ["Israel", "Jordan", "Texas"] {
        let p = find(&ps, name).unwrap_or_else(|| panic!("{name}: {ps:?}"));
        assert_ne!(p.feature.as_deref(), Some("street"), "{p:?}");
    }
    // Nor are big cities joined so, nor names after a corner without `the`.
    let ps = places(
        "Thousands took to Moscow and St Petersburg streets. Shelling reached every corner of Kyiv and \
         Kharkiv.",
    );
    for name in ["Moscow", "St Petersburg", "Kyiv", "Kharkiv"] {
        let p = find(&ps, name).unwrap_or_else(|| panic!("{name}: {ps:?}"));
        assert_eq!(p.feature.as_deref(), Some("city"), "{p:?}");
    }
    let ps = places("Washington streets were empty on Sunday.");
    assert!(
        ps.iter().all(|p| p.feature.as_deref() != Some("street")),
        "{ps:?}"
    );
}

#[test]
fn a_small_place_near_a_town_of_the_story_is_that_place() {
    // Safety Bay (7,000 people) has no place word before it, but lies beside Rockingham, which the story names.
    let ps = places(
        "Rangers in Rockingham closed two beaches on Friday. Dozens of dead herring were found on the Safety \
         Bay shoreline after the storm.",
    );
    let p = find(&ps, "Safety Bay").unwrap_or_else(|| panic!("{ps:?}"));
    assert_eq!(p.country.as_deref(), Some("AU"), "{p:?}");
    // Far from every town of the story it still needs a place's context.
    let ps = places("Rangers in Chicago said the Safety Bay shoreline was closed.");
    assert!(find(&ps, "Safety Bay").is_none(), "{ps:?}");
    // Only the town's likeliest sense counts: Palouse lies beside Moscow, Idaho, not beside Russia's capital.
    let ps = places("Officials in Moscow said the Palouse harvest was late this year.");
    assert!(find(&ps, "Palouse").is_none(), "{ps:?}");
    // A name that goes on is something else named after the place: Pushkin lies beside St Petersburg.
    let ps = places(
        "Tourists crowd the museums in St Petersburg. Minister: Is the Pushkin Card a success?",
    );
    assert!(find(&ps, "Pushkin").is_none(), "{ps:?}");
}

#[test]
fn a_feature_named_by_its_kind_first_is_located_from_its_context() {
    let ps = places(
        "The shire warned surfers about strong rips near the reef off Cape Peron in Rockingham. Rangers said \
         the damage at the Point Peron car park was small.",
    );
    for name in ["Cape Peron", "Point Peron"] {
        let p = find(&ps, name).unwrap_or_else(|| panic!("{name}: {ps:?}"));
        assert_eq!(
            (
                p.feature.as_deref(),
                p.near.as_deref(),
                p.country.as_deref()
            ),
            (Some("feature"), Some("Rockingham"), Some("AU")),
            "{p:?}"
        );
    }
}

#[test]
fn a_name_after_a_settlement_kind_and_of_is_a_locality() {
    let ps = places(
        "At a market in Cairo's new suburb of Mivida, traders sell spices. In Jos, families driven from \
         Kwall village of Bassa Local Government Area sheltered in schools.",
    );
    let m = find(&ps, "Mivida").unwrap_or_else(|| panic!("{ps:?}"));
    assert_eq!(
        (m.feature.as_deref(), m.country.as_deref()),
        (Some("locality"), Some("EG")),
        "{m:?}"
    );
    let g = find(&ps, "Bassa Local Government Area").unwrap_or_else(|| panic!("{ps:?}"));
    assert_eq!(g.country.as_deref(), Some("NG"), "{g:?}");
    // After another noun and `of`, a capitalized name is no place of its own.
    let ps = places(
        "The governor of Kaduna met the head of Zenith Bank to discuss a settlement of Armenian-Azerbaijani ties.",
    );
    assert!(find(&ps, "Armenian-Azerbaijani").is_none(), "{ps:?}");
    assert!(
        find(&ps, "Zenith Bank").is_none() && find(&ps, "Zenith").is_none(),
        "{ps:?}"
    );
}

#[test]
fn numbered_streets_are_streets() {
    let ps = places(
        "Two men were detained on 9th St. in Knoxville on Friday. Officers found a woman at a house in the \
         700 block of Gravois in Affton, Missouri. Lusaka councillors backed the repaving of Second street.",
    );
    for name in ["9th St.", "700 block of Gravois", "Second street"] {
        let p = find(&ps, name).unwrap_or_else(|| panic!("{name}: {ps:?}"));
        assert_eq!(p.feature.as_deref(), Some("street"), "{p:?}");
        assert!(p.lat.is_some(), "{p:?}");
    }
    // A block of shares is no address, with or without a thousands comma or `the`.
    let ps = places(
        "In Knoxville the fund sold a 5,000 block of Gazprom shares and bought the 2000 block of Rosneft stock \
         on Tuesday.",
    );
    assert!(
        ps.iter().all(|p| p.feature.as_deref() != Some("street")),
        "{ps:?}"
    );
    // An ordinal before anything else is no street, nor before a saint's town.
    let ps = places(
        "He finished third in the race in Chattanooga, his 14th start of the season. Putin opened the 25th St \
         Petersburg International Economic Forum and the 3rd St. Louis Arts Fair.",
    );
    assert!(
        ps.iter().all(|p| p.feature.as_deref() != Some("street")),
        "{ps:?}"
    );
}

#[test]
fn a_local_court_is_a_building_of_its_place() {
    let ps = places(
        "A Dublin woman appeared before Bridewell District Court on Friday charged with theft.",
    );
    let c = find(&ps, "Bridewell District Court").unwrap_or_else(|| panic!("{ps:?}"));
    assert_eq!(
        (c.feature.as_deref(), c.country.as_deref()),
        (Some("building"), Some("IE")),
        "{c:?}"
    );
    // A national court is an institution, not a place.
    let ps = places("The Constitutional Court in Kyiv and the Supreme Court ruled on Monday.");
    assert!(ps.iter().all(|p| !p.text.ends_with("Court")), "{ps:?}");
    let ps = places(
        "A panel of the 9th U.S. Circuit Court of Appeals in San Francisco and the Federal Circuit Court in \
         Sydney ruled on Monday; the case had come from Travis County Court of Appeals.",
    );
    assert!(ps.iter().all(|p| !p.text.contains("Court")), "{ps:?}");
    // Schools and golf courses too, not football clubs.
    let ps = places(
        "The new houses near Leesburg, Virginia, back onto the Raspberry Falls Golf Club and Tuscarora Ridge \
         Elementary School. Everton Football Club lost on Sunday.",
    );
    for name in [
        "Raspberry Falls Golf Club",
        "Tuscarora Ridge Elementary School",
    ] {
        let p = find(&ps, name).unwrap_or_else(|| panic!("{name}: {ps:?}"));
        assert_eq!(
            (p.feature.as_deref(), p.country.as_deref()),
            (Some("building"), Some("US")),
            "{p:?}"
        );
    }
    assert!(find(&ps, "Everton Football Club").is_none(), "{ps:?}");
}

#[test]
fn a_side_of_town_is_a_district_of_the_story() {
    let ps = places(
        "A West Side woman was charged with arson after a warehouse fire in Chicago, officials said.",
    );
    let s = find(&ps, "West Side").unwrap_or_else(|| panic!("{ps:?}"));
    assert_eq!(
        (s.feature.as_deref(), s.near.as_deref()),
        (Some("district"), Some("Chicago")),
        "{s:?}"
    );
}

#[test]
fn a_building_named_by_its_kind_first_stands_in_the_place_after_it() {
    // The article is about Colombia; the news conference was in Geneva.
    let ps = places(
        "Migrants keep crossing into Colombia from Venezuela. Colombia has built camps. The envoy spoke at a \
         news conference at the Palais Wilson in Geneva.",
    );
    let p = find(&ps, "Palais Wilson").unwrap_or_else(|| panic!("{ps:?}"));
    assert_eq!(
        (
            p.feature.as_deref(),
            p.near.as_deref(),
            p.country.as_deref()
        ),
        (Some("building"), Some("Geneva"), Some("CH")),
        "{p:?}"
    );
    // So is one in a part of a town.
    let ps = places(
        "Farmers in Brazil protested again. Brazil's envoy met them at the Palais Wilson in central Geneva.",
    );
    let p = find(&ps, "Palais Wilson").unwrap_or_else(|| panic!("{ps:?}"));
    assert_eq!(p.country.as_deref(), Some("CH"), "{p:?}");
    // A hotel named after a far city is in the town of the story.
    let ps = places(
        "The investors behind the Czech capital's Prague shopping arcade Kotva also bought the nearby Hotel \
         Warszawa, which they mean to restore.",
    );
    let h = find(&ps, "Hotel Warszawa").unwrap_or_else(|| panic!("{ps:?}"));
    assert_eq!(h.country.as_deref(), Some("CZ"), "{h:?}");
}

#[test]
fn streets_and_districts_named_by_their_kind_first() {
    let ps = places(
        "A jazz club on Decatur Street in New Orleans sits at the edge of the Faubourg Tremé. Shoppers in Paris \
         crowded the pavements of Rue Bernard Lazare on Saturday. Tourists in Madrid walked down Calle Mayor.",
    );
    for (name, feature) in [
        ("Rue Bernard Lazare", "street"),
        ("Faubourg Tremé", "district"),
        ("Calle Mayor", "street"),
    ] {
        let p = find(&ps, name).unwrap_or_else(|| panic!("{name}: {ps:?}"));
        assert_eq!(p.feature.as_deref(), Some(feature), "{p:?}");
        assert!(p.lat.is_some(), "{p:?}");
    }
}

#[test]
fn a_name_modifying_a_noun_after_an_article_is_no_person() {
    // The recognizer may take `Oahu` for a person in both sentences; `an Oahu house` does not make it one.
    let ps = pipeline_places(
        "On Oahu, where Honolulu and several naval bases stand, rents rose for a fifth year. The typical \
         price of an Oahu house passed $800,000 in June.",
    );
    let n = ps.iter().filter(|p| p.text == "Oahu").count();
    assert_eq!(n, 2, "{ps:?}");
    assert!(
        ps.iter()
            .filter(|p| p.text == "Oahu")
            .all(|p| p.country.as_deref() == Some("US")),
        "{ps:?}"
    );
}

/// A name set in quotation marks or after a word for a work or a ship is a title, not a place put in the story's
/// town; the same kinds of names standing free are still located.
#[test]
fn titles_of_works_and_vessels_are_no_places() {
    for (text, title) in [
        (
            "Sailors aboard the \"Mount Whitney\" docked in Split on Monday.",
            "Mount Whitney",
        ),
        (
            "Sailors aboard the “Mount Whitney” docked in Split on Monday.",
            "Mount Whitney",
        ),
        (
            "The film Hotel Rwanda was shown at a festival in Berlin on Friday.",
            "Hotel Rwanda",
        ),
        (
            "The frigate Cape Ortegal left Split on Monday.",
            "Cape Ortegal",
        ),
    ] {
        let ps = places(text);
        assert!(find(&ps, title).is_none(), "{text}: {ps:?}");
    }
    let ps = places("Fires broke out on Mount Mosor near Split on Monday.");
    assert!(find(&ps, "Mount Mosor").is_some(), "{ps:?}");
}

/// A city with a bilingual GeoNames name (`Donostia / San Sebastián`, `Biel/Bienne`) goes by either name.
#[test]
fn either_name_of_a_bilingual_city() {
    for (text, name, country) in [
        (
            "The festival in San Sebastian opened on Friday.",
            "San Sebastian",
            "ES",
        ),
        (
            "Thousands marched in Donostia on Saturday.",
            "Donostia",
            "ES",
        ),
        (
            "The watchmaker moved its plant to Bienne last year.",
            "Bienne",
            "CH",
        ),
    ] {
        let ps = places(text);
        let p = find(&ps, name).unwrap_or_else(|| panic!("{text}: {ps:?}"));
        assert_eq!(p.country.as_deref(), Some(country), "{text}: {p:?}");
    }
}

#[test]
fn regions_named_after_their_centres_are_regions() {
    // GeoNames names these regions in a Russian adjective form (`Leningradskaya Oblast'`) or anew (`Kuzbass`);
    // news names them after their centre, with `Region`.
    for (text, surface, name) in [
        (
            "Residents of an old village in the Leningrad Region wrote to the governor.",
            "Leningrad Region",
            "Leningradskaya Oblast'",
        ),
        (
            "Miners in the Kemerovo Region went on strike on Monday.",
            "Kemerovo Region",
            "Kuzbass",
        ),
        (
            "Floods hit villages in the Astrakhan Region.",
            "Astrakhan Region",
            "Astrakhan Oblast",
        ),
    ] {
        let ps = pipeline_places(text);
        let p = find(&ps, surface).unwrap_or_else(|| panic!("no {surface} in {ps:?}"));
        assert_eq!(p.name.as_deref(), Some(name), "{text}");
        assert_eq!(p.feature.as_deref(), Some("region"), "{text}");
    }
}

#[test]
fn us_nicknames_name_their_state_or_city() {
    let ps = pipeline_places(
        "The senator won the Granite State easily, but polls in the Badger State are close. The Windy City's \
         mayor endorsed her.",
    );
    for (surface, name) in [
        ("Granite State", "New Hampshire"),
        ("Badger State", "Wisconsin"),
        ("Windy City", "Chicago"),
    ] {
        let p = find(&ps, surface).unwrap_or_else(|| panic!("no {surface} in {ps:?}"));
        assert_eq!(p.name.as_deref(), Some(name), "{surface}");
        assert_eq!(p.country.as_deref(), Some("US"), "{surface}");
    }
}

#[test]
fn spelling_filter_lets_every_listed_spelling_through() {
    for w in SPELLINGS {
        assert!(spelling_side(w).is_some());
        assert!(may_be_spelling(w), "{w:?}");
        assert!(may_be_spelling(&w.to_ascii_uppercase()), "{w:?}");
    }
    // Most words are turned away before any comparison.
    let text = "The minister said on Tuesday that the talks would go on in Geneva next week with both sides";
    let passed = text
        .split(' ')
        .filter(|w| may_be_spelling(w.as_bytes()))
        .count();
    assert!(passed <= 4, "{passed}");
}

#[test]
fn institution_filter_lets_every_institution_through() {
    for (w, cc) in INSTITUTIONS {
        assert_eq!(institution_country(w), Some(cc));
        assert!(may_be_institution(w.as_bytes()), "{w}");
    }
    // Most words are turned away before any comparison.
    let text = "The minister said on Tuesday that the talks would go on in Geneva next week with both sides";
    let passed = text
        .split(' ')
        .filter(|w| may_be_institution(w.as_bytes()))
        .count();
    assert_eq!(passed, 0);
}

#[test]
fn only_the_kelvin_sign_lower_cases_to_ascii() {
    // `locale_cues` turns away a word that opens with an ASCII byte by its shape alone: sound only while no
    // non-ASCII character but the Kelvin sign lower-cases to ASCII and no listed spelling has a `k` after its
    // first letter.
    for c in (0x80..=0x10FFFFu32).filter_map(char::from_u32) {
        if c.to_lowercase().all(|l| l.is_ascii()) {
            assert_eq!(c, '\u{212A}', "{c:?}");
        }
    }
    for w in SPELLINGS {
        assert!(!w[1..].contains(&b'k'), "{w:?}");
    }
}

#[test]
fn the_documents_country_does_not_place_its_small_towns_unless_their_region_is_named() {
    // A story full of the United States and Russia: Geneva is the Swiss city, Donetsk the Ukrainian one, not the
    // towns of those names in Illinois and the Rostov region.
    let ps = places(
        "The United States and Russia will hold talks in Geneva next week, the American envoy told reporters in \
         Washington. Fighting continued near Donetsk, officials in Moscow and Washington said.",
    );
    let g = find(&ps, "Geneva").expect("Geneva");
    assert_eq!(g.country.as_deref(), Some("CH"), "{g:?}");
    let d = find(&ps, "Donetsk").expect("Donetsk");
    assert_eq!(d.country.as_deref(), Some("UA"), "{d:?}");
    // With its region named, the town is meant.
    let ps = places(
        "The Illinois council met in Geneva on Monday to discuss a new library for the town.",
    );
    let g = find(&ps, "Geneva").expect("Geneva");
    assert_eq!(
        g.admin1.as_ref().map(|a| a.code.as_str()),
        Some("US.IL"),
        "{g:?}"
    );
}

#[test]
fn places_that_name_treaties_and_negotiation_formats_are_embedded() {
    let ps = pipeline_places(
        "Kyiv must honour the Minsk agreements and the Geneva Conventions, the spokesman said, and talks in the \
         Normandy format should resume in Paris. He also mentioned the Iran agreement.",
    );
    for name in ["Minsk", "Geneva", "Normandy"] {
        let p = find(&ps, name).expect(name);
        assert_eq!(p.role, PlaceRole::Embedded, "{p:?}");
    }
    // Where the talks are, and a country that is a party to an agreement, stay places in their own right.
    for name in ["Paris", "Iran"] {
        let p = find(&ps, name).expect(name);
        assert_ne!(p.role, PlaceRole::Embedded, "{p:?}");
    }
}

#[test]
fn decomposed_diacritics_find_their_place() {
    // `São Paulo` with a combining tilde (text in NFD form).
    let ps = places("Floods hit Sa\u{303}o Paulo and Bogota\u{301} on Monday.");
    let sp = find(&ps, "Sa\u{303}o Paulo").expect("São Paulo");
    assert_eq!(sp.country.as_deref(), Some("BR"), "{sp:?}");
    let bo = find(&ps, "Bogota\u{301}").expect("Bogotá");
    assert_eq!(bo.country.as_deref(), Some("CO"), "{bo:?}");
}

#[test]
fn lookup_memo_answers_like_the_gazetteer() {
    let gaz = &*GAZETTEER;
    // Names asked twice, some sharing a key but not a surface (`US`, `Us`: only the code is exact-case), and more
    // names than slots, so that entries are replaced.
    let mut names: Vec<String> = [
        "Paris",
        "paris",
        "PARIS",
        "US",
        "Us",
        "New York",
        "New\nYork",
        "Russian",
        "The",
        "Ore.",
        "Springfield",
        "Kyiv’s",
        "São Paulo",
    ]
    .map(String::from)
    .to_vec();
    names.extend((0..5000).map(|i| format!("Name{i}")));
    let text = names.join("|");
    let surfaces: Vec<&str> = text.split('|').collect();
    let (mut got, mut want) = (Vec::new(), Vec::new());
    // The second round asks the memo the thread kept from the first, as the next document does.
    for round in 0..2 {
        let mut memo = LookupMemo::take();
        for &s in &surfaces {
            // The key as `detect` builds it: a space between words.
            let mut key = String::new();
            for (n, w) in s.split(char::is_whitespace).enumerate() {
                if n > 0 {
                    key.push(' ');
                }
                normalize_into(w, &mut key);
            }
            let (longer, demonym) = memo.lookup(gaz, s, &key, &mut got);
            let want_longer = gaz.lookup(s, &key, &mut want);
            assert_eq!(
                (longer, demonym, &got),
                (want_longer, gaz.demonym(s), &want),
                "{s:?} round {round}"
            );
        }
        memo.put_back();
    }
}
