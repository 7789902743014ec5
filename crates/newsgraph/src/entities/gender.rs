//! The gender a person's name or title points to, so that a pronoun agrees with the person it refers to: `she`
//! after `Hillary Clinton … Donald Trump` is Clinton, not the last person named.

use crate::text::{ascii_lower as lower, Fnv};
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::LazyLock;

/// Grammatical gender of a person or a pronoun.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    /// `he`, `Mr.`, `John`.
    Male,
    /// `she`, `Mrs.`, `Mary`.
    Female,
}

/// First names borne mostly by one gender (`scripts/build_name_genders.py`: US Census 1990 lists, at least 80% of
/// bearers, and first names of international news the census lacks).
static FIRST_NAMES: LazyLock<HashMap<&'static str, Gender, BuildHasherDefault<Fnv>>> =
    LazyLock::new(|| {
        include_str!("../../data/ner/genders.tsv")
            .lines()
            .filter_map(|l| l.split_once('\t'))
            .map(|(name, g)| {
                (
                    name,
                    if g == "f" {
                        Gender::Female
                    } else {
                        Gender::Male
                    },
                )
            })
            .collect()
    });

/// Loads the first-name table (done with the other embedded data).
pub fn preload() {
    LazyLock::force(&FIRST_NAMES);
}

/// Whether `w` is a first name of the table (`Donald`, `Maria`), in any case.
pub fn is_first_name(w: &str) -> bool {
    let mut buf = [0u8; 16];
    lower(w, &mut buf).is_some_and(|w| FIRST_NAMES.contains_key(w))
}

/// The gender of a third-person pronoun (`he`, `His`, `herself`); none for any other word.
pub fn of_pronoun(w: &str) -> Option<Gender> {
    let mut buf = [0u8; 8];
    match lower(w, &mut buf)? {
        "he" | "him" | "his" | "himself" => Some(Gender::Male),
        "she" | "her" | "hers" | "herself" => Some(Gender::Female),
        _ => None,
    }
}

/// The gender that a person's `name` (`Mrs. Clinton`, `Yulia Svyrydenko`) or `title` (`First Lady`,
/// `congresswoman`) points to: an honorific, a gendered title word, a first name mostly borne by one gender, or a
/// Slavic surname's ending (`-ova`, `-ska` against `-ov`, `-sky`). None when nothing tells.
pub fn of_person(name: &str, title: Option<&str>) -> Option<Gender> {
    let mut buf = [0u8; 16];
    if let Some(g) =
        title.and_then(|t| t.split([' ', '-']).find_map(|w| of_title_word(w, &mut buf)))
    {
        return Some(g);
    }
    let mut words = name.split_whitespace();
    let first = words.next()?;
    if let Some(g) = of_honorific(first) {
        return Some(g);
    }
    if let Some(g) = lower(first, &mut buf).and_then(|w| FIRST_NAMES.get(w)) {
        return Some(*g);
    }
    // A surname's ending tells only where the name has a first name (`Maria Zakharova`) or is long enough not to
    // be a short word of another language.
    let last = words.last().unwrap_or(first);
    if last.len() < 5 || !last.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let last = lower(last, &mut buf)?;
    const FEMALE: [&str; 4] = ["ova", "eva", "ska", "skaya"];
    const MALE: [&str; 7] = ["ov", "ev", "sky", "skiy", "skyi", "skyy", "skii"];
    if FEMALE.iter().any(|s| last.ends_with(s)) {
        Some(Gender::Female)
    } else if MALE.iter().any(|s| last.ends_with(s)) {
        Some(Gender::Male)
    } else {
        None
    }
}

fn of_honorific(w: &str) -> Option<Gender> {
    match w.trim_end_matches('.') {
        "Mr" | "Mister" | "Sir" | "Lord" => Some(Gender::Male),
        "Mrs" | "Ms" | "Miss" | "Madam" | "Madame" | "Dame" | "Lady" => Some(Gender::Female),
        _ => None,
    }
}

/// Title words that say a person's gender (`First Lady`, `congresswoman`, `Queen`). The `-man` titles count as
/// male: news writes `spokeswoman` or `spokesperson` for a woman.
fn of_title_word(w: &str, buf: &mut [u8; 16]) -> Option<Gender> {
    match lower(w, buf)? {
        "lady" | "queen" | "princess" | "duchess" | "empress" | "countess" | "baroness"
        | "madam" | "madame" | "chairwoman" | "spokeswoman" | "congresswoman" | "councilwoman"
        | "businesswoman" | "stateswoman" | "actress" | "widow" | "wife" | "mother"
        | "daughter" | "sister" | "grandmother" | "woman" | "mrs" | "ms" => Some(Gender::Female),
        "king" | "prince" | "duke" | "emperor" | "count" | "baron" | "spokesman"
        | "congressman" | "councilman" | "businessman" | "statesman" | "actor" | "widower"
        | "husband" | "father" | "son" | "brother" | "grandfather" | "man" | "mr" => {
            Some(Gender::Male)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_honorifics_titles_and_slavic_surnames_tell_gender() {
        assert_eq!(of_person("Hillary Clinton", None), Some(Gender::Female));
        assert_eq!(of_person("Donald Trump", None), Some(Gender::Male));
        assert_eq!(of_person("Mrs. Pemberton", None), Some(Gender::Female));
        assert_eq!(of_person("Mr. Okafor", None), Some(Gender::Male));
        assert_eq!(
            of_person("Okafor", Some("First Lady")),
            Some(Gender::Female)
        );
        assert_eq!(
            of_person("Tom Okafor", Some("congresswoman")),
            Some(Gender::Female)
        );
        assert_eq!(of_person("Olena Zelenska", None), Some(Gender::Female));
        assert_eq!(of_person("Marina Kovalova", None), Some(Gender::Female));
        assert_eq!(of_person("Zelensky", None), Some(Gender::Male));
        // Names borne by both (`Leslie` and `Taylor` are below 80% one gender in the census) or unknown ones tell nothing.
        assert_eq!(of_person("Leslie Okafor", None), None);
        assert_eq!(of_person("Xi Jinping", None), None);
        assert_eq!(of_person("Casey", None), None);
        assert_eq!(of_pronoun("She"), Some(Gender::Female));
        assert_eq!(of_pronoun("his"), Some(Gender::Male));
        assert_eq!(of_pronoun("they"), None);
        assert_eq!(of_pronoun("I"), None);
    }
}
