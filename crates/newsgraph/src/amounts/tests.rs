use super::*;
use crate::pipeline::Context;

fn amounts(text: &str) -> Vec<Amount> {
    let ctx = Context::from_text(text, None);
    extract(&ctx, &[])
}

/// (sentence, text, value, kind, qualifier, object, unit, currency, value_max)
#[allow(clippy::type_complexity)]
const CASES: &[(
    &str,
    &str,
    f64,
    AmountKind,
    Option<&str>,
    Option<&str>,
    Option<&str>,
    Option<&str>,
    Option<f64>,
)] = &[
    (
        "Russia has deployed more than 100,000 troops on the border with Ukraine since December.",
        "more than 100,000",
        100000.0,
        AmountKind::Count,
        Some(">"),
        Some("troops"),
        None,
        None,
        None,
    ),
    (
        "Tens of thousands of soldiers massed near the border.",
        "Tens of thousands",
        10000.0,
        AmountKind::Count,
        Some("~"),
        Some("soldiers"),
        None,
        None,
        Some(100000.0),
    ),
    (
        "The field clinic treats up to 300 patients a day, against 80 patients a week earlier.",
        "up to 300",
        300.0,
        AmountKind::Count,
        Some("<="),
        Some("patients"),
        Some("per day"),
        None,
        None,
    ),
    (
        "The field clinic treats up to 300 patients a day, against 80 patients a week earlier.",
        "80",
        80.0,
        AmountKind::Count,
        None,
        Some("patients"),
        None,
        None,
        None,
    ),
    (
        "A dozen people were hurt.",
        "A dozen",
        12.0,
        AmountKind::Count,
        None,
        Some("people"),
        None,
        None,
        None,
    ),
    (
        "Two million refugees have fled.",
        "Two million",
        2e6,
        AmountKind::Count,
        None,
        Some("refugees"),
        None,
        None,
        None,
    ),
    (
        "The deal is worth 1.5bn over ten years.",
        "1.5bn",
        1.5e9,
        AmountKind::Count,
        None,
        None,
        None,
        None,
        None,
    ),
    (
        "The bank lent $1.5 billion to the utility.",
        "$1.5 billion",
        1.5e9,
        AmountKind::Money,
        None,
        None,
        None,
        Some("USD"),
        None,
    ),
    (
        "The club paid €200m for the striker.",
        "€200m",
        2e8,
        AmountKind::Money,
        None,
        None,
        None,
        Some("EUR"),
        None,
    ),
    (
        "The budget is 1.2 trillion rubles.",
        "1.2 trillion rubles",
        1.2e12,
        AmountKind::Money,
        None,
        None,
        None,
        Some("RUB"),
        None,
    ),
    (
        "Turnout rose to 40% in the capital.",
        "40%",
        40.0,
        AmountKind::Percent,
        None,
        None,
        None,
        None,
        None,
    ),
    (
        "Prices rose 40 per cent last year.",
        "40 per cent",
        40.0,
        AmountKind::Percent,
        None,
        None,
        None,
        None,
        None,
    ),
    (
        "Between 100 and 200 protesters gathered.",
        "Between 100 and 200",
        100.0,
        AmountKind::Count,
        Some("range"),
        Some("protesters"),
        None,
        None,
        Some(200.0),
    ),
    (
        "The stadium holds up to 5,000 fans.",
        "up to 5,000",
        5000.0,
        AmountKind::Count,
        Some("<="),
        Some("fans"),
        None,
        None,
        None,
    ),
    (
        "Nearly half of the voters stayed home.",
        "Nearly half",
        50.0,
        AmountKind::Percent,
        Some("<"),
        Some("voters"),
        None,
        None,
        None,
    ),
    (
        "A 45-year-old man was arrested.",
        "45-year-old",
        45.0,
        AmountKind::Age,
        None,
        None,
        Some("years"),
        None,
        None,
    ),
    (
        "The convoy stretched 40 km along the road.",
        "40 km",
        40.0,
        AmountKind::Measure,
        None,
        None,
        Some("km"),
        None,
        None,
    ),
    (
        "The tower lost the top six floors of the 14-story building.",
        "14-story",
        14.0,
        AmountKind::Measure,
        None,
        None,
        Some("story"),
        None,
        None,
    ),
    (
        "Visitors spent an estimated $50,000 a day.",
        "an estimated $50,000 a day",
        50000.0,
        AmountKind::Money,
        Some("~"),
        None,
        Some("per day"),
        Some("USD"),
        None,
    ),
    (
        "Output fell by 2 million barrels a day.",
        "2 million barrels a day",
        2e6,
        AmountKind::Measure,
        None,
        None,
        Some("bbl per day"),
        None,
        None,
    ),
    (
        "The ministry reported 20,000 combat soldiers and 300 armored vehicles.",
        "20,000",
        20000.0,
        AmountKind::Count,
        None,
        Some("combat soldiers"),
        None,
        None,
        None,
    ),
    (
        "Thousands of laborers protested tax hikes.",
        "Thousands",
        1000.0,
        AmountKind::Count,
        Some("~"),
        Some("laborers"),
        None,
        None,
        Some(10000.0),
    ),
    (
        "The port project will cost more than 2.4 billion US dollars over ten years.",
        "more than 2.4 billion US dollars",
        2.4e9,
        AmountKind::Money,
        Some(">"),
        None,
        None,
        Some("USD"),
        None,
    ),
    (
        "The province pledged 30 million Canadian dollars to rebuild the bridge.",
        "30 million Canadian dollars",
        3e7,
        AmountKind::Money,
        None,
        None,
        None,
        Some("CAD"),
        None,
    ),
    (
        "The miner will pay C$17.9 million in dividends.",
        "C$17.9 million",
        1.79e7,
        AmountKind::Money,
        None,
        None,
        None,
        Some("CAD"),
        None,
    ),
    (
        "The harbour tunnel cost HK$ 2 billion to dig.",
        "HK$ 2 billion",
        2e9,
        AmountKind::Money,
        None,
        None,
        None,
        Some("HKD"),
        None,
    ),
    (
        "The dairy group raised NZ$40m from investors.",
        "NZ$40m",
        4e7,
        AmountKind::Money,
        None,
        None,
        None,
        Some("NZD"),
        None,
    ),
    (
        "Tickets sold for about 450 Hong Kong dollars each.",
        "about 450 Hong Kong dollars",
        450.0,
        AmountKind::Money,
        Some("~"),
        None,
        None,
        Some("HKD"),
        None,
    ),
    (
        "The ferry operator lost 12 million Egyptian pounds last season.",
        "12 million Egyptian pounds",
        1.2e7,
        AmountKind::Money,
        None,
        None,
        None,
        Some("EGP"),
        None,
    ),
    (
        "Farmers were offered loans at a four-percent rate.",
        "four-percent",
        4.0,
        AmountKind::Percent,
        None,
        None,
        None,
        None,
        None,
    ),
    (
        "The fund will pay the families $80,000 a year until 2030.",
        "$80,000 a year",
        80000.0,
        AmountKind::Money,
        None,
        None,
        Some("per year"),
        Some("USD"),
        None,
    ),
    (
        "Exports reached more than $ 90 billion, the ministry said.",
        "more than $ 90 billion",
        9e10,
        AmountKind::Money,
        Some(">"),
        None,
        None,
        Some("USD"),
        None,
    ),
    (
        "Nearly two-thirds of the farmers said the harvest was lost.",
        "Nearly two-thirds",
        66.67,
        AmountKind::Percent,
        Some("<"),
        Some("farmers"),
        None,
        None,
        None,
    ),
    (
        "Ella Moritz, 67, a retired nurse, waited in line for hours.",
        "67",
        67.0,
        AmountKind::Age,
        None,
        None,
        Some("years"),
        None,
        None,
    ),
    (
        "In Ohio, 19 people were hurt.",
        "19",
        19.0,
        AmountKind::Count,
        None,
        Some("people"),
        None,
        None,
        None,
    ),
    (
        "About 40% of the region's farms were flooded, and 30% of the town’s residents left.",
        "30%",
        30.0,
        AmountKind::Percent,
        None,
        Some("town’s residents"),
        None,
        None,
        None,
    ),
    (
        "The agency shipped half a million doses to the region.",
        "half a million",
        500000.0,
        AmountKind::Count,
        None,
        Some("doses"),
        None,
        None,
        None,
    ),
    (
        "Hours worked fell by seven-tenths of 1 percent in March.",
        "seven-tenths of 1 percent",
        0.7,
        AmountKind::Percent,
        None,
        None,
        None,
        None,
        None,
    ),
];

#[test]
fn reads_amounts_in_real_sentences() {
    let mut failures = Vec::new();
    for (sentence, text, value, kind, qualifier, object, unit, currency, value_max) in CASES {
        let found = amounts(sentence);
        let Some(a) = found.iter().find(|a| a.text == *text) else {
            failures.push(format!("{sentence}: {text:?} not in {found:?}"));
            continue;
        };
        let got = (
            a.value,
            a.kind,
            a.qualifier.as_deref(),
            a.object.as_ref().map(|o| o.text.as_str()),
            a.unit.as_deref(),
            a.currency.as_deref(),
            a.value_max,
        );
        let want = (
            *value, *kind, *qualifier, *object, *unit, *currency, *value_max,
        );
        if got != want {
            failures.push(format!("{sentence}: got {got:?}, want {want:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

const NOT_AMOUNTS: &[&str] = &[
    "Since Tuesday (15), Russian authorities have announced the withdrawal.",
    "The drills should continue until February 20.",
    "The drills should continue until 20 February 2022.",
    "The meeting starts at 10:00 on Monday.",
    "The meeting starts at 10 a.m.",
    "Call 555-1234 for details.",
    "Under Section 5 of the law, and Resolution 2334, the G7 met.",
    "Apollo 11 landed in 1969.",
    "She finished 3rd in the race.",
    "The single went straight to No. 1 in May.",
    "The couple moved to 412 Maple Grove Ave. last spring.",
    "Russia announced on 2022-02-17 that it has begun withdrawing.",
];

#[test]
fn skips_dates_times_references_and_names() {
    for s in NOT_AMOUNTS {
        let found = amounts(s);
        assert!(found.is_empty(), "{s}: {found:?}");
    }
}

#[test]
fn spans_are_code_points() {
    let text = "« Déjà » — the fund holds €200m and 5 000 000 ₴; about 3,000 people came.";
    for a in amounts(text) {
        let s: String = text.chars().skip(a.start).take(a.end - a.start).collect();
        assert_eq!(s, a.text);
        if let Some(o) = &a.object {
            let s: String = text.chars().skip(o.start).take(o.end - o.start).collect();
            assert_eq!(s, o.text);
        }
    }
}

#[test]
fn hostile_input_stays_linear() {
    let digits = "9".repeat(1_000_000);
    assert!(amounts(&digits).is_empty());
    let chain = "1 to ".repeat(100_000);
    assert!(!amounts(&chain).is_empty());
    let commas = "1,".repeat(200_000);
    let _ = amounts(&commas);
    let words = "two hundred and ".repeat(50_000);
    let _ = amounts(&words);
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
    assert_eq!(doc.amounts.len(), 1, "{:?}", doc.amounts);
    let a = &doc.amounts[0];
    assert_eq!(a.text, "more than 100,000");
    assert_eq!(a.value, 100000.0);
    assert_eq!(a.qualifier.as_deref(), Some(">"));
    assert_eq!(a.kind, AmountKind::Count);
    let o = a.object.as_ref().expect("object");
    assert_eq!(o.text, "troops");
    // The gold's text, "more than 100,000 troops", is `text` through `object`.
    assert_eq!(
        &doc.text[doc.text.char_indices().nth(a.start).unwrap().0..][..24],
        "more than 100,000 troops"
    );
}

#[test]
fn time_expressions_are_left_to_the_time_extractor() {
    use crate::time::{Timex, TimexType};
    let text = "The talks in 1,500 BC lasted; 3,000 troops stayed.";
    let b = text.find("1,500 BC").unwrap();
    let timex = Timex {
        start: b,
        end: b + "1,500 BC".len(),
        text: "1,500 BC".into(),
        kind: TimexType::Date,
        value: "-1499".into(),
        modifier: None,
        interval: None,
    };
    let ctx = Context::from_text(text, None);
    let found = extract(&ctx, &[timex]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].text, "3,000");
    // Many timexes against many numbers: sorted spans keep it fast (and correct).
    let many = "12 ".repeat(50_000);
    let timexes: Vec<Timex> = (0..50_000)
        .map(|i| Timex {
            start: i * 3,
            end: i * 3 + 2,
            text: "12".into(),
            kind: TimexType::Date,
            value: "XXXX-12".into(),
            modifier: None,
            interval: None,
        })
        .collect();
    let ctx = Context::from_text(&many, None);
    assert!(extract(&ctx, &timexes).is_empty());
}

#[test]
fn a_rate_the_time_extractor_owns_keeps_its_amount() {
    // Where a time expression covers the rate (`a year` as a set, `P1Y`; the time extractor leaves an amount's
    // rate to it, but other callers may pass one), the amount before it stays, rate and all.
    let text =
        "The fund will pay the families $80,000 a year, and the city 300 million dollars a year. \
                Officials counted 152,000 a week earlier. The war costs $ 4 billion to $ 6 billion a month.";
    let ctx = Context::from_text(text, None);
    let mut timexes = crate::time::extract(&ctx);
    for (rate, value) in [("a year", "P1Y"), ("a month", "P1M")] {
        for (b, _) in text.match_indices(rate) {
            timexes.push(Timex {
                start: b,
                end: b + rate.len(),
                text: rate.into(),
                kind: crate::time::TimexType::Set,
                value: value.into(),
                modifier: None,
                interval: None,
            });
        }
    }
    timexes.sort_by_key(|t| t.start);
    assert!(timexes.iter().any(|t| t.text == "a year"), "{timexes:?}");
    let found = extract(&ctx, &timexes);
    let got: Vec<_> = found
        .iter()
        .map(|a| (a.text.as_str(), a.unit.as_deref(), a.currency.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            ("$80,000 a year", Some("per year"), Some("USD")),
            ("300 million dollars a year", Some("per year"), Some("USD")),
            (
                "$ 4 billion to $ 6 billion a month",
                Some("per month"),
                Some("USD")
            )
        ]
    );
}
