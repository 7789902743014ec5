//! The pipeline: built once, shared across threads, turns an [`Article`] into a [`Document`].

use crate::article::{parse_structure, Article, Credit, Dateline, Paragraph, Structure, Warning};
use crate::document::{Body, Document, ErrorRecord, Output, Sentence, Title};
use crate::error::{Error, Result};
use crate::text::{split_sentences_into, tokenize, CharMap, Span, Token};
use crate::{amounts, entities, events, places, quotes, time};
use chrono::NaiveDate;
use rayon::prelude::*;
use std::ops::Range;

/// A paragraph as extractors see it: byte range, heading flag, and its sentences (indices into
/// [`Context::sentences`]).
#[derive(Debug, Clone)]
pub struct ParagraphInfo {
    /// Byte range in the text.
    pub range: Range<usize>,
    /// Whether it is a section heading.
    pub heading: bool,
    /// Whether it is the article title.
    pub title: bool,
    /// Indices of its sentences.
    pub sentences: Range<usize>,
}

/// A sentence as extractors see it: byte range, token indices and paragraph index.
#[derive(Debug, Clone)]
pub struct SentenceInfo {
    /// Byte range in the text.
    pub range: Range<usize>,
    /// Indices of its tokens in [`Context::tokens`].
    pub tokens: Range<usize>,
    /// Index of its paragraph in [`Context::paragraphs`].
    pub paragraph: usize,
}

/// Everything extractors share about one article: the text, its date, paragraphs, sentences and tokens, and
/// offset conversion. Offsets here are bytes; [`Context::span`] converts to the code points users see.
#[derive(Debug)]
pub struct Context<'a> {
    /// The exact input text.
    pub text: &'a str,
    /// The article date (anchor for relative time expressions), if known.
    pub date: Option<NaiveDate>,
    /// Paragraphs in order; the title, if any, comes first with `title: true`.
    pub paragraphs: Vec<ParagraphInfo>,
    /// Sentences in order.
    pub sentences: Vec<SentenceInfo>,
    /// Tokens in order.
    pub tokens: Vec<Token>,
    /// The credit line (byte range, agencies), which lies outside the paragraphs.
    pub credit: Option<(Range<usize>, Vec<String>)>,
    /// The dateline (byte range, `ISTANBUL, May 21 (AFP) –`), which opens the first body paragraph's first
    /// sentence but is no part of what it says.
    pub dateline: Option<Range<usize>>,
    chars: CharMap,
}

impl<'a> Context<'a> {
    /// Analyses `text` into paragraphs (from `structure`), sentences and tokens.
    pub fn new(
        text: &'a str,
        date: Option<NaiveDate>,
        paragraphs: &[(Range<usize>, bool, bool)],
    ) -> Context<'a> {
        let mut tokens = Vec::with_capacity(text.len() / 5);
        let mut sentences = Vec::with_capacity(text.len() / 128);
        let mut infos = Vec::with_capacity(paragraphs.len());
        // One list of sentence ranges for all paragraphs: no allocation per paragraph.
        let mut ranges = Vec::new();
        for (pi, (range, heading, title)) in paragraphs.iter().enumerate() {
            // Tokens go straight into the article's list; the paragraph's are its tail.
            let base = tokens.len();
            tokenize(text, range.clone(), &mut tokens);
            let para_tokens = &tokens[base..];
            let first_sentence = sentences.len();
            ranges.clear();
            split_sentences_into(text, para_tokens, &mut ranges);
            for r in ranges.drain(..) {
                let bytes = para_tokens[r.start].start..para_tokens[r.end - 1].end;
                sentences.push(SentenceInfo {
                    range: bytes,
                    tokens: base + r.start..base + r.end,
                    paragraph: pi,
                });
            }
            infos.push(ParagraphInfo {
                range: range.clone(),
                heading: *heading,
                title: *title,
                sentences: first_sentence..sentences.len(),
            });
        }
        // Text with more tokens than the estimate (punctuation without spaces) doubled the list: the unused
        // part would be held by every stage.
        if tokens.capacity() > tokens.len() + tokens.len() / 4 {
            tokens.shrink_to_fit();
        }
        Context {
            text,
            date,
            paragraphs: infos,
            sentences,
            tokens,
            credit: None,
            dateline: None,
            chars: CharMap::new(text),
        }
    }

    /// Context of an article as the pipeline reads it: the structure's title (flagged as such) and paragraphs,
    /// and its credit line; `date` is the article date the caller settled on.
    pub fn of_article(text: &'a str, st: &Structure, date: Option<NaiveDate>) -> Context<'a> {
        let mut paras: Vec<(Range<usize>, bool, bool)> =
            Vec::with_capacity(st.paragraphs.len() + 1);
        if let Some(t) = &st.title {
            paras.push((t.clone(), false, true));
        }
        paras.extend(st.paragraphs.iter().map(|(r, h)| (r.clone(), *h, false)));
        let mut ctx = Context::new(text, date, &paras);
        ctx.credit = st.credit.clone();
        ctx.dateline = st.dateline.as_ref().map(|d| d.0.clone());
        ctx
    }

    /// Context for a plain text: one paragraph per blank-line block, no title.
    pub fn from_text(text: &'a str, date: Option<NaiveDate>) -> Context<'a> {
        let st = parse_structure(text);
        let paras: Vec<(Range<usize>, bool, bool)> = st
            .paragraphs
            .iter()
            .map(|(r, h)| (r.clone(), *h, false))
            .collect();
        let mut ctx = Context::new(text, date.or(st.date), &paras);
        ctx.credit = st.credit;
        ctx.dateline = st.dateline.map(|d| d.0);
        ctx
    }

    /// The span users see for byte range `range`: code-point offsets and surface.
    pub fn span(&self, range: Range<usize>) -> Span {
        Span {
            start: self.char_of(range.start),
            end: self.char_of(range.end),
            text: self.text[range].to_string(),
        }
    }

    /// Code-point offset of a byte offset.
    pub fn char_of(&self, byte: usize) -> usize {
        self.chars.char_of(self.text, byte)
    }

    /// Byte offset of a code-point offset.
    pub fn byte_of(&self, ch: usize) -> usize {
        self.chars.byte_of(self.text, ch)
    }

    /// Tokens of sentence `i`.
    pub fn sentence_tokens(&self, i: usize) -> &[Token] {
        &self.tokens[self.sentences[i].tokens.clone()]
    }

    /// Index of the sentence containing byte `byte`, if any.
    pub fn sentence_at(&self, byte: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.range.end <= byte);
        (i < self.sentences.len() && self.sentences[i].range.start <= byte).then_some(i)
    }
}

/// Which extractors run. Build with [`Pipeline::builder`].
#[derive(Debug, Clone)]
pub struct PipelineBuilder {
    entities: bool,
    quotes: bool,
    timexes: bool,
    amounts: bool,
    places: bool,
    events: bool,
}

impl Default for PipelineBuilder {
    fn default() -> Self {
        PipelineBuilder {
            entities: true,
            quotes: true,
            timexes: true,
            amounts: true,
            places: true,
            events: true,
        }
    }
}

impl PipelineBuilder {
    /// Run the entity recognizer (on by default). Quotes and places use its output.
    pub fn with_entities(mut self, on: bool) -> Self {
        self.entities = on;
        self
    }
    /// Run quote and reported-speech extraction (on by default).
    pub fn with_quotes(mut self, on: bool) -> Self {
        self.quotes = on;
        self
    }
    /// Run time-expression tagging (on by default).
    pub fn with_timexes(mut self, on: bool) -> Self {
        self.timexes = on;
        self
    }
    /// Run amount extraction (on by default).
    pub fn with_amounts(mut self, on: bool) -> Self {
        self.amounts = on;
        self
    }
    /// Run place resolution (on by default).
    pub fn with_places(mut self, on: bool) -> Self {
        self.places = on;
        self
    }
    /// Run event coding (on by default; no events are produced yet).
    pub fn with_events(mut self, on: bool) -> Self {
        self.events = on;
        self
    }
    /// Only parse structure (paragraphs, sentences): every extractor off.
    pub fn structure_only(self) -> Self {
        PipelineBuilder {
            entities: false,
            quotes: false,
            timexes: false,
            amounts: false,
            places: false,
            events: false,
        }
    }
    /// Builds the pipeline, loading the embedded data the chosen extractors need.
    pub fn build(self) -> Pipeline {
        if self.entities || self.quotes || self.places {
            entities::preload();
        }
        if self.timexes || self.amounts {
            time::preload();
        }
        if self.places {
            places::preload();
        }
        Pipeline { config: self }
    }
}

/// The extraction pipeline: immutable, `Send + Sync`, reused for every article.
#[derive(Debug, Clone)]
pub struct Pipeline {
    config: PipelineBuilder,
}

impl Pipeline {
    /// A builder with every extractor on.
    pub fn builder() -> PipelineBuilder {
        PipelineBuilder::default()
    }

    /// Extracts everything from one article.
    ///
    /// Fails only for input that is not an article at all (empty or whitespace-only text); any other text yields a
    /// document, with warnings where something was odd.
    pub fn extract(&self, article: &Article) -> Result<Document> {
        let text = article.text.as_str();
        if text.trim().is_empty() {
            return Err(Error::EmptyText(article.id.clone()));
        }
        let st = parse_structure(text);
        let mut warnings: Vec<Warning> = st.warnings.clone();
        let date = st.date.or(article.date);
        if let (Some(marked), Some(given)) = (st.date, article.date) {
            if marked != given {
                warnings.push(Warning {
                    kind: "date_conflict".into(),
                    message: format!("date marker {marked} differs from the record date {given}; the marker wins"),
                });
            }
        }
        let ctx = Context::of_article(text, &st, date);

        let c = &self.config;
        let (mut entities, mut entity_clusters) = if c.entities {
            entities::recognize(&ctx)
        } else {
            (Vec::new(), Vec::new())
        };
        // Places come first: the main country decides which Easter a bare "Easter" is.
        let (places, focus) = if c.places {
            places::resolve(&ctx, &entities)
        } else {
            (Vec::new(), places::Focus::default())
        };
        let timexes = if !c.timexes {
            Vec::new()
        } else if focus
            .countries
            .first()
            .is_some_and(|k| time::orthodox_country(k))
        {
            time::extract_in_orthodox_country(&ctx)
        } else {
            time::extract(&ctx)
        };
        let amounts = if c.amounts {
            amounts::extract(&ctx, &timexes)
        } else {
            Vec::new()
        };
        let quotes = if c.quotes {
            quotes::extract(&ctx, &entities, &entity_clusters, &timexes)
        } else {
            Vec::new()
        };
        located_entities(&ctx, &places, &mut entities, &mut entity_clusters);
        let events = if c.events {
            events::extract(&ctx, &entities)
        } else {
            Vec::new()
        };

        let title = match (&st.title, &article.title) {
            (Some(r), _) => {
                let s = ctx.span(r.clone());
                Some(Title {
                    start: Some(s.start),
                    end: Some(s.end),
                    text: s.text,
                })
            }
            (None, Some(t)) => {
                // A record title that opens the text is a span of it; otherwise it has no offsets.
                let mut cut = text.len().min(4096);
                while !text.is_char_boundary(cut) {
                    cut -= 1;
                }
                match text[..cut]
                    .find(t.as_str())
                    .filter(|_| !t.trim().is_empty())
                {
                    Some(b) => {
                        let s = ctx.span(b..b + t.len());
                        Some(Title {
                            start: Some(s.start),
                            end: Some(s.end),
                            text: s.text,
                        })
                    }
                    None => Some(Title {
                        start: None,
                        end: None,
                        text: t.clone(),
                    }),
                }
            }
            (None, None) => None,
        };
        let dateline = st.dateline.as_ref().map(|(r, place, agency)| {
            let s = ctx.span(r.clone());
            Dateline {
                start: s.start,
                end: s.end,
                text: s.text,
                place: place.clone(),
                agency: agency.clone(),
            }
        });
        let credit = st.credit.as_ref().map(|(r, agencies)| {
            let s = ctx.span(r.clone());
            Credit {
                start: s.start,
                end: s.end,
                text: s.text,
                agencies: agencies.clone(),
            }
        });
        let paragraphs = ctx
            .paragraphs
            .iter()
            .filter(|p| !p.title)
            .map(|p| Paragraph {
                start: ctx.char_of(p.range.start),
                end: ctx.char_of(p.range.end),
                heading: p.heading,
            })
            .collect();
        let sentences = ctx
            .sentences
            .iter()
            .map(|s| Sentence {
                start: ctx.char_of(s.range.start),
                end: ctx.char_of(s.range.end),
            })
            .collect();
        let body = Body {
            start: ctx.char_of(st.body.start),
            end: ctx.char_of(st.body.end),
        };
        Ok(Document {
            id: article.id.clone(),
            date,
            title,
            dateline,
            credit,
            url: article.url.clone(),
            source: article.source.clone(),
            body,
            paragraphs,
            sentences,
            entities,
            entity_clusters,
            quotes,
            timexes,
            amounts,
            places,
            focus,
            events,
            warnings,
            meta: article.meta.clone(),
            text: text.to_string(),
        })
    }

    /// Extracts many articles in parallel (rayon's global pool); results in input order, one per input.
    pub fn extract_many(&self, articles: &[Article]) -> Vec<Output> {
        articles
            .par_iter()
            .map(|a| match self.extract(a) {
                Ok(d) => Output::Document(Box::new(d)),
                Err(e) => Output::Error(ErrorRecord::new(a.id.clone(), &e)),
            })
            .collect()
    }
}

/// A location entity with the span of a place found in the gazetteer takes the place's country: the place was chosen
/// in context (`Charlotte` in a story about North Carolina is not Saint Vincent's), while the entity tagger's
/// gazetteer knows one country per name. The entity's cluster takes it too.
///
/// An organization or other name with the span of a town, region, country or sea the places stage resolved, after a
/// preposition of place or listed beside locations, is that place (`in St Petersburg`, `Moscow, St Petersburg and
/// Tomsk`, `the Black Sea and the Sea of Azov`, a route `Romny - Lubny - Poltava`): the tagger knows few cities
/// written with `St`, and few small towns. Its other mentions
/// and its cluster follow. A place the places stage calls a metonym (`Barcelona beat`) or a possessor stays.
fn located_entities(
    ctx: &Context,
    places: &[places::Place],
    entities: &mut [entities::Entity],
    clusters: &mut [entities::EntityCluster],
) {
    use entities::EntityLabel;
    // A place the gazetteer resolved at exactly this span, with or without a country (`Eastern Europe` has none).
    let gazetteer_place_at = |start: usize, end: usize| {
        // Places come in text order.
        let at = places.partition_point(|p| p.start < start);
        places[at..]
            .iter()
            .take_while(|p| p.start == start)
            .find(|p| p.end == end && p.resolution == Some(places::PlaceResolution::Gazetteer))
    };
    let place_at =
        |start: usize, end: usize| gazetteer_place_at(start, end).filter(|p| p.country.is_some());
    let between = |a: usize, b: usize| ctx.text.get(ctx.byte_of(a)..ctx.byte_of(b)).unwrap_or("x");
    // Clusters of which a mention is such a place: one name means one thing in a document.
    let mut to_place = vec![false; clusters.len()];
    for i in 0..entities.len() {
        let e = &entities[i];
        if !matches!(e.label, EntityLabel::Org | EntityLabel::Misc) {
            continue;
        }
        // A name built like a place's (`Novgorod Region`, `Eastern Europe`) is one wherever it stands, if the places
        // stage read it as a literal region or land form; other names need a place's context, as `Gallup`, `Hamas`
        // and `the EU` are places in the gazetteer too. So does a town: a firm named after a river resolves as one.
        let shaped = e.label == EntityLabel::Org
            && gazetteer_place_at(e.start, e.end).is_some_and(|p| {
                p.role == places::PlaceRole::Literal
                    && matches!(p.feature.as_deref(), Some("region" | "feature"))
                    && names_a_place_by_its_form(&e.text)
            });
        if shaped {
            if let Some(t) = to_place.get_mut(e.cluster) {
                *t = true;
            }
            continue;
        }
        let Some(p) = place_at(e.start, e.end) else {
            continue;
        };
        if p.role != places::PlaceRole::Literal
            || !(matches!(p.feature.as_deref(), Some("city" | "region" | "country"))
                || p.feature.as_deref() == Some("feature") && names_a_water_or_land_form(&e.text))
        {
            continue;
        }
        // A possessor is the organization (`in Gallup's survey`, `Clemson's momentum`).
        let after = ctx.text.get(ctx.byte_of(e.end)..).unwrap_or("");
        if after.starts_with("'s") || after.starts_with("’s") {
            continue;
        }
        let before = ctx.text.get(..ctx.byte_of(e.start)).unwrap_or("");
        let before = before.trim_end();
        let before = before.strip_suffix(" the").unwrap_or(before);
        let prev = before.rsplit(' ').next().unwrap_or("");
        let locative = matches!(
            prev,
            "in" | "near" | "from" | "outside" | "around" | "across" | "throughout"
        );
        let listed = |j: usize| {
            entities.get(j).is_some_and(|o| {
                o.label == EntityLabel::Loc && {
                    let (a, b) = if j < i {
                        (o.end, e.start)
                    } else {
                        (e.end, o.start)
                    };
                    a <= b
                        && matches!(
                            between(a, b),
                            ", " | " and "
                                | ", and "
                                | ", the "
                                | " and the "
                                | ", and the "
                                | " - "
                                | " – "
                                | " — "
                        )
                }
            })
        };
        if locative || (i > 0 && listed(i - 1)) || listed(i + 1) {
            if let Some(t) = to_place.get_mut(e.cluster) {
                *t = true;
            }
        }
    }
    for e in entities.iter_mut() {
        if to_place.get(e.cluster) == Some(&true) {
            e.label = EntityLabel::Loc;
        }
    }
    for (c, to_place) in clusters.iter_mut().zip(to_place) {
        if to_place {
            c.label = EntityLabel::Loc;
        }
    }
    for e in entities.iter_mut().filter(|e| e.label == EntityLabel::Loc) {
        let place = place_at(e.start, e.end);
        if let Some(p) = place {
            if e.country != p.country {
                e.country.clone_from(&p.country);
                if let Some(c) = clusters.get_mut(e.cluster) {
                    c.country.clone_from(&p.country);
                }
            }
        }
    }
}

/// Whether a name says by its words that it is a place: a region's or land form's class noun (`Novgorod Region`,
/// `Southern Federal District`, `Korean Peninsula`, `Sea of Azov`) or a compass word before a region (`Eastern Europe`,
/// `South Asia`). Organizations named after places add their own head word (`Amur Region Government`), so the whole
/// name is checked, and only a name the places stage resolved is asked.
fn names_a_place_by_its_form(name: &str) -> bool {
    let words: Vec<&str> = name.split(' ').collect();
    let is_compass = |w: &str| {
        matches!(
            w,
            "Eastern"
                | "Western"
                | "Northern"
                | "Southern"
                | "Central"
                | "South"
                | "North"
                | "East"
                | "West"
        )
    };
    // A compass word and a class noun alone name courts and commands as often (`the Southern District`).
    if words.len() == 2 && is_compass(words[0]) && !names_a_water_or_land_form(name) {
        return !matches!(
            words[1],
            "Region"
                | "District"
                | "Oblast"
                | "Krai"
                | "Territory"
                | "Province"
                | "Command"
                | "Division"
        );
    }
    let class_noun = words.last().is_some_and(|w| {
        matches!(
            *w,
            "Region" | "District" | "Oblast" | "Krai" | "Territory" | "Province" | "Valley"
        )
    }) || names_a_water_or_land_form(name);
    class_noun || (words.len() >= 2 && is_compass(words[0]))
}

/// Whether a gazetteer feature's name is a sea, river or land form's (`Sea of Azov`, `Dnieper River`), not a
/// building's, whose name also stands for who sits in it (`White House`, `Kremlin`).
fn names_a_water_or_land_form(name: &str) -> bool {
    name.split(' ').any(|w| {
        matches!(
            w,
            "Sea"
                | "Ocean"
                | "River"
                | "Lake"
                | "Gulf"
                | "Bay"
                | "Strait"
                | "Canal"
                | "Peninsula"
                | "Mountains"
                | "Island"
                | "Islands"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pipeline_is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Pipeline>();
    }

    #[test]
    fn easter_in_an_article_about_an_orthodox_country_is_the_orthodox_one() {
        // Orthodox Easter 2022 fell on April 24, a week after the Western one; the text never says "Orthodox".
        let extract = |text: &str| {
            let mut article = Article::parse("x", text);
            article.date = NaiveDate::from_ymd_opt(2022, 4, 25);
            let doc = Pipeline::builder().build().extract(&article).unwrap();
            let easter = doc.timexes.iter().find(|t| t.text == "Easter").unwrap();
            easter.value.clone()
        };
        assert_eq!(
            extract("Families in Lviv and Kyiv lit candles in their courtyards at Easter, Ukrainian officials said."),
            "2022-04-24"
        );
        assert_eq!(
            extract("Families in Boston and Chicago lit candles at Easter, city officials said."),
            "2022-04-17"
        );
    }

    #[test]
    fn a_location_entity_takes_the_country_of_its_place() {
        // The entity gazetteer's `Charlotte` is in Saint Vincent; the place chosen in context is in the US.
        let doc = Pipeline::builder()
            .build()
            .extract(&Article::parse(
                "x",
                "Voters in Charlotte lined up early on Tuesday, election officials in North Carolina said.",
            ))
            .unwrap();
        let place = doc.places.iter().find(|p| p.text == "Charlotte").unwrap();
        assert_eq!(place.country.as_deref(), Some("US"));
        let entity = doc.entities.iter().find(|e| e.text == "Charlotte").unwrap();
        assert_eq!(entity.country.as_deref(), Some("US"));
        assert_eq!(
            doc.entity_clusters[entity.cluster].country.as_deref(),
            Some("US")
        );
    }

    #[test]
    fn a_named_place_the_tagger_calls_an_organization_is_a_place() {
        let doc = Pipeline::builder()
            .build()
            .extract(&Article::parse(
                "x",
                "New clinics will open in Kazan, St Petersburg and Tomsk next year. Doctors from St Petersburg \
                 will train the staff. The St Petersburg clinic opens first.",
            ))
            .unwrap();
        let spb: Vec<_> = doc
            .entities
            .iter()
            .filter(|e| e.text == "St Petersburg")
            .collect();
        assert!(!spb.is_empty(), "{:?}", doc.entities);
        for e in spb {
            assert_eq!(e.label, entities::EntityLabel::Loc, "{e:?}");
            assert_eq!(doc.entity_clusters[e.cluster].label, e.label);
            assert_eq!(e.country.as_deref(), Some("RU"));
        }
        // Seas and rivers, not buildings that stand for who sits in them.
        assert!(names_a_water_or_land_form("Sea of Azov"));
        assert!(!names_a_water_or_land_form("White House"));
    }

    #[test]
    fn a_name_built_as_a_region_the_places_stage_resolves_is_a_place() {
        // The tagger reads these as organizations; no preposition of place or listed location says otherwise.
        let doc = Pipeline::builder()
            .build()
            .extract(&Article::parse(
                "x",
                "The ministers demanded that the alliance pull its weapons out of Eastern Europe. Troops of the \
                 Southern Federal District went back to their barracks on Friday. Fishermen said the Sea of Azov \
                 was calm.",
            ))
            .unwrap();
        for name in ["Eastern Europe", "Southern Federal District", "Sea of Azov"] {
            let e = doc.entities.iter().find(|e| e.text == name);
            let e = e.unwrap_or_else(|| panic!("{name} in {:?}", doc.entities));
            assert_eq!(e.label, entities::EntityLabel::Loc, "{e:?}");
            assert_eq!(doc.entity_clusters[e.cluster].label, e.label);
        }
        assert!(names_a_place_by_its_form("Kaluga Region"));
        assert!(names_a_place_by_its_form("South Asia"));
        // A court, and names that carry no class noun (`Hamas`, `Gallup` are towns in the gazetteer too).
        assert!(!names_a_place_by_its_form("Southern District"));
        assert!(!names_a_place_by_its_form("Gallup"));
        assert!(!names_a_place_by_its_form("European Union"));
    }

    #[test]
    fn a_town_in_a_route_beside_a_place_is_a_place() {
        // Evacuation routes list towns between dashes; the tagger reads a small town there as an organization.
        let doc = Pipeline::builder()
            .build()
            .extract(&Article::parse(
                "x",
                "Humanitarian corridor: Lokhvytsia - Lubny - Poltava. Buses leave at nine.",
            ))
            .unwrap();
        let e = doc.entities.iter().find(|e| e.text == "Lubny");
        let e = e.unwrap_or_else(|| panic!("Lubny in {:?}", doc.entities));
        assert_eq!(e.label, entities::EntityLabel::Loc, "{e:?}");
    }

    #[test]
    fn empty_text_is_an_error() {
        let p = Pipeline::builder().structure_only().build();
        let e = p.extract(&Article::parse("x", "  \n\t ")).unwrap_err();
        assert_eq!(e.kind(), crate::ErrorKind::EmptyText);
    }
}
