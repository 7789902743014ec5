//! Word lists for attribution: reporting verbs with their lemmas, titles, determiners, pronouns.
//!
//! Lookups take the token surface as it is (cues are lower case in running text), so the hot loop allocates
//! nothing.

use crate::text::Shape;
use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;
use std::sync::LazyLock;

pub(crate) use crate::text::Fnv;

type Map<V> = HashMap<&'static str, V, BuildHasherDefault<Fnv>>;
type Set = HashSet<&'static str, BuildHasherDefault<Fnv>>;

/// A word list with the shapes of its words ([`Shape`]): most words of news text have no shape of the list, and
/// their lookup is one bit test instead of a hash, a probe and a comparison (the speaker and cue finders look up
/// every word they pass in several lists). Reads as the list itself otherwise.
pub(crate) struct Shaped<T> {
    words: T,
    shapes: Shape,
}

impl<T> std::ops::Deref for Shaped<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.words
    }
}

impl Shaped<Set> {
    fn new(words: Set) -> Shaped<Set> {
        let mut shapes = Shape::default();
        for w in &words {
            shapes.add(w);
        }
        Shaped { words, shapes }
    }
    /// Whether `w` is in the list.
    pub(crate) fn contains(&self, w: &str) -> bool {
        self.shapes.may_hold(w) && self.words.contains(w)
    }
}

impl<V> Shaped<Map<V>> {
    fn new(words: Map<V>) -> Shaped<Map<V>> {
        let mut shapes = Shape::default();
        for w in words.keys() {
            shapes.add(w);
        }
        Shaped { words, shapes }
    }
    /// What the list holds for `w`.
    pub(crate) fn get(&self, w: &str) -> Option<&V> {
        if self.shapes.may_hold(w) {
            self.words.get(w)
        } else {
            None
        }
    }
    /// Whether `w` is in the list.
    pub(crate) fn contains_key(&self, w: &str) -> bool {
        self.shapes.may_hold(w) && self.words.contains_key(w)
    }
}

/// Reporting verbs: lemma, then its forms. `strong` verbs introduce direct quotes and reported speech alike;
/// the belief verbs (`think`, `believe`) only reported speech with an explicit subject.
const VERBS: &[(&str, &[&str])] = &[
    ("say", &["say", "says", "said", "saying"]),
    ("tell", &["tell", "tells", "told", "telling"]),
    ("add", &["add", "adds", "added", "adding"]),
    (
        "explain",
        &["explain", "explains", "explained", "explaining"],
    ),
    ("insist", &["insist", "insists", "insisted", "insisting"]),
    ("claim", &["claim", "claims", "claimed", "claiming"]),
    (
        "announce",
        &["announce", "announces", "announced", "announcing"],
    ),
    ("deny", &["deny", "denies", "denied", "denying"]),
    ("state", &["states", "stated", "stating"]),
    ("note", &["note", "notes", "noted", "noting"]),
    ("argue", &["argue", "argues", "argued", "arguing"]),
    ("warn", &["warn", "warns", "warned", "warning"]),
    ("continue", &["continued"]),
    ("ask", &["ask", "asks", "asked", "asking"]),
    ("reply", &["reply", "replies", "replied", "replying"]),
    (
        "respond",
        &["respond", "responds", "responded", "responding"],
    ),
    ("answer", &["answered"]),
    ("write", &["write", "writes", "wrote", "writing"]),
    ("tweet", &["tweet", "tweets", "tweeted", "tweeting"]),
    ("post", &["posted"]),
    ("declare", &["declare", "declares", "declared", "declaring"]),
    (
        "confirm",
        &["confirm", "confirms", "confirmed", "confirming"],
    ),
    ("report", &["report", "reports", "reported", "reporting"]),
    (
        "acknowledge",
        &[
            "acknowledge",
            "acknowledges",
            "acknowledged",
            "acknowledging",
        ],
    ),
    ("admit", &["admit", "admits", "admitted", "admitting"]),
    ("assert", &["assert", "asserts", "asserted", "asserting"]),
    (
        "suggest",
        &["suggest", "suggests", "suggested", "suggesting"],
    ),
    ("stress", &["stress", "stresses", "stressed", "stressing"]),
    (
        "emphasize",
        &[
            "emphasize",
            "emphasizes",
            "emphasized",
            "emphasizing",
            "emphasised",
        ],
    ),
    ("recall", &["recall", "recalls", "recalled", "recalling"]),
    (
        "complain",
        &["complain", "complains", "complained", "complaining"],
    ),
    (
        "predict",
        &["predict", "predicts", "predicted", "predicting"],
    ),
    (
        "conclude",
        &["conclude", "concludes", "concluded", "concluding"],
    ),
    ("agree", &["agree", "agrees", "agreed"]),
    ("counter", &["countered"]),
    (
        "contend",
        &["contend", "contends", "contended", "contending"],
    ),
    ("maintain", &["maintains", "maintained"]),
    ("allege", &["allege", "alleges", "alleged", "alleging"]),
    ("inform", &["informed"]),
    ("shout", &["shouted", "shouting", "yelled"]),
    ("chant", &["chanted", "chanting"]),
    ("joke", &["joked", "joking", "quipped"]),
    ("observe", &["observed"]),
    ("remark", &["remarked"]),
    ("comment", &["commented"]),
    ("testify", &["testified"]),
    ("concede", &["concede", "concedes", "conceded", "conceding"]),
    ("vow", &["vow", "vows", "vowed", "vowing"]),
    ("promise", &["promise", "promises", "promised", "promising"]),
    ("pledge", &["pledged"]),
    ("reveal", &["revealed"]),
    ("indicate", &["indicated"]),
    ("boast", &["boasted"]),
    ("lament", &["lamented"]),
    ("mention", &["mentioned"]),
    ("estimate", &["estimated", "estimates"]),
    ("caution", &["cautioned"]),
    ("urge", &["urged"]),
    ("read", &["reads"]),
    ("whisper", &["whispered"]),
    ("learn", &["learned"]),
    ("show", &["show", "shows", "showed"]),
    ("find", &["found", "finds"]),
    ("think", &["think", "thinks", "thought"]),
    ("believe", &["believe", "believes", "believed"]),
    ("fear", &["fear", "fears", "feared"]),
    ("hope", &["hopes", "hoped"]),
    ("expect", &["expects"]),
    ("worry", &["worry", "worries", "worried"]),
    ("know", &["knows"]),
    ("recognize", &["recognized"]),
    ("contest", &["disputed"]),
    ("reiterate", &["reiterated", "reiterates", "reiterating"]),
    ("echo", &["echoed", "echoes", "echoing"]),
    ("assure", &["assured", "assures"]),
    ("recount", &["recounted", "recounts"]),
    ("email", &["emailed"]),
    ("remind", &["reminded", "reminds"]),
    ("tout", &["touted", "touts", "touting"]),
    ("brag", &["bragged", "brags"]),
    ("speculate", &["speculated"]),
];

/// Verbs that only report beliefs or findings: accepted for reported speech with a subject and a clause.
const WEAK: &[&str] = &[
    "show",
    "find",
    "think",
    "believe",
    "fear",
    "hope",
    "expect",
    "worry",
    "know",
    "recognize",
    "learn",
    "read",
    "urge",
    "promise",
    "vow",
    "estimate",
    "post",
    "whisper",
    "contest",
];

/// Surface form -> (lemma, weak).
pub(crate) static CUES: LazyLock<Shaped<Map<(&'static str, bool)>>> = LazyLock::new(|| {
    let mut m = Map::default();
    for (lemma, forms) in VERBS {
        let weak = WEAK.contains(lemma);
        for f in *forms {
            m.insert(*f, (*lemma, weak));
        }
    }
    Shaped::<Map<_>>::new(m)
});

fn set(words: &'static str) -> Shaped<Set> {
    Shaped::<Set>::new(words.split_whitespace().collect())
}

/// Titles and roles that stand before or after a name (`spokesman`, `President`).
pub(crate) static TITLES: LazyLock<Shaped<Set>> = LazyLock::new(|| {
    set("spokesman spokeswoman spokesperson spokespeople minister president vice secretary senator sen sen. rep \
         rep. gov gov. governor chancellor lawyer attorney chief director leader chairman chairwoman chair official \
         ambassador envoy general gen gen. adviser advisor aide candidate nominee mayor commissioner premier prime \
         deputy head founder ceo economist analyst professor widow manager strategist pollster representative \
         congressman congresswoman speaker judge justice sheriff officer mr mr. mrs mrs. ms ms. dr dr. prof prof. \
         king queen prince pope cardinal bishop rev rev. colonel col col. captain capt capt. lieutenant lt lt. \
         sergeant sgt sgt. admiral adm adm. commander press host anchor columnist editor correspondent reporter \
         executive campaign chairperson superintendent coach presidential republican democratic democrat gop \
         foreign defense defence interior finance state former senior top acting interim emeritus then-candidate \
         author actor actress singer rapper businessman activist scholar researcher historian surgeon doctor \
         father mother wife husband son daughter brother sister pastor priest rabbi imam mogul billionaire \
         operative consultant organizer director-general secretary-general spokesman’s manager’s lawmaker \
         legislator delegate whip leader’s counsel prosecutor detective inspector insp insp. commissioner’s \
         strategist’s pundit commentator moderator narrator")
});

/// Determiners and possessives that open a descriptive mention (`the ministry`, `his aide`).
pub(crate) static DETERMINERS: LazyLock<Shaped<Set>> = LazyLock::new(|| {
    set("the a an this these those his her its their our my your another one some several many both \
         other most few two three four five six seven eight nine ten dozens hundreds thousands each every no \
         The A An This These Those His Her Its Their Our My Another One Some Several Many Both Two Three \
         Four Five Six Each Every")
});

/// Personal pronouns that can speak.
pub(crate) static PRONOUNS: LazyLock<Shaped<Set>> =
    LazyLock::new(|| set("he she they we i it He She They We I It"));

/// Bare nouns that speak without a determiner (`officials said`, `sources say`).
pub(crate) static SPEAKER_NOUNS: LazyLock<Shaped<Set>> = LazyLock::new(|| {
    set("officials sources experts analysts authorities critics observers residents witnesses police officers \
         lawmakers democrats republicans supporters aides people voters economists scientists researchers \
         diplomats investigators prosecutors reports polls studies surveys data records documents advocates \
         activists protesters opponents critics officials, leaders members staff staffers organizers insiders \
         allies historians scholars doctors teachers parents students workers pollsters strategists observers \
         commentators pundits conservatives liberals progressives americans")
});

/// Capitalized words that open sentences or clauses but are not names (`But`, `Today`).
pub(crate) static CAP_STOP: LazyLock<Shaped<Set>> = LazyLock::new(|| {
    set("But And So Then Yet Also However Meanwhile Today Yesterday Tomorrow Earlier Later Now Still Instead \
         On In At For With From By To Of As After Before Since When While If Although Though Because Asked \
         Speaking Writing Last Next This That These Those There Here It He She They We I You Indeed Moreover \
         Furthermore Nonetheless Nevertheless Thus Hence Finally First Second Third Again Once Even Only Just \
         Monday Tuesday Wednesday Thursday Friday Saturday Sunday During Under Over Until Unlike Like Despite \
         Amid Among Against Without Within Through Throughout Meantime Separately Similarly Elsewhere Overall \
         Perhaps Maybe Not No Yes Well Oh Mr Mrs Ms Dr What Who Why How Where Which Whether Or Nor Both Either \
         Neither All Some Many Most Few Several Such A An The Its His Her Their Our My Your Is Was Are Were")
});

/// Words skipped between a speaker and the cue (`also said`, `has repeatedly said`, `later told`).
pub(crate) static BETWEEN: LazyLock<Shaped<Set>> = LazyLock::new(|| {
    set("also later then has had have would will could may might again previously repeatedly once further \
         reportedly recently subsequently earlier first just even still often frequently publicly privately \
         separately similarly openly flatly simply herself himself themselves itself is was were are be been \
         already always never not quickly immediately finally initially originally told_")
});

/// Words after a cue that begin a circumstance rather than the content (`said in a statement that`).
pub(crate) static PREPOSITIONS: LazyLock<Shaped<Set>> = LazyLock::new(|| {
    set("in on at during after before from with via through to by for about of over under outside inside near \
         behind beside across amid among last this early late earlier later yesterday today tonight monday \
         tuesday wednesday thursday friday saturday sunday Monday Tuesday Wednesday Thursday Friday Saturday Sunday")
});

/// Words that mark an organization or a place rather than a person (for pronoun antecedents).
pub(crate) static ORG_WORDS: LazyLock<Shaped<Set>> = LazyLock::new(|| {
    set("Ministry Department Party Committee Kremlin House Office Agency Council Commission Service Times Post \
         Journal News Press Association University Institute Campaign Court Congress Senate Government Army \
         Police Bureau Union Bank Foundation Center Centre Network Corporation Inc Inc. Corp Corp. Co. Company \
         Group Fund Organization Organisation Federation Administration Caucus Republicans Democrats Board \
         Authority Assembly Parliament Cabinet Embassy Pentagon Navy Force Forces Guard Reuters AFP AP CNN \
         BBC NATO UN EU FBI CIA GOP NBC ABC CBS MSNBC Fox Tribune Herald Gazette Telegraph Guardian Globe \
         Magazine Network Channel Television Radio Club League Council Alliance Coalition Movement Project \
         Initiative Trust Society Academy College School Hospital Church Ministry’s Kremlin’s Street Square \
         Russia Ukraine America China States Kingdom Britain France Germany Moscow Washington Kiev Kyiv Belarus")
});

/// Connectors allowed inside a name (`Luigi di Maio`, `Secretary of State`).
pub(crate) static NAME_JOINERS: LazyLock<Shaped<Set>> =
    LazyLock::new(|| set("of de di da van von bin al la le du del der dos das y -"));

/// Stance verbs (PARC/PolNeAR count them as attributions: `called for a veto`, `urged Republicans to ...`,
/// `criticized the plan`): reported speech only, with a subject; the content may be a noun phrase.
const STANCE_VERBS: &[(&str, &[&str])] = &[
    ("call", &["called", "calls", "calling", "call"]),
    ("urge", &["urges", "urging"]),
    ("want", &["want", "wants", "wanted"]),
    (
        "support",
        &["support", "supports", "supported", "supporting"],
    ),
    ("oppose", &["oppose", "opposes", "opposed", "opposing"]),
    ("propose", &["propose", "proposes", "proposed", "proposing"]),
    (
        "criticize",
        &[
            "criticize",
            "criticizes",
            "criticized",
            "criticizing",
            "criticised",
        ],
    ),
    ("accuse", &["accuse", "accuses", "accused", "accusing"]),
    ("praise", &["praise", "praises", "praised", "praising"]),
    ("blame", &["blame", "blames", "blamed", "blaming"]),
    (
        "describe",
        &["describe", "describes", "described", "describing"],
    ),
    ("endorse", &["endorse", "endorses", "endorsed", "endorsing"]),
    ("reject", &["reject", "rejects", "rejected", "rejecting"]),
    (
        "dismiss",
        &["dismiss", "dismisses", "dismissed", "dismissing"],
    ),
    ("defend", &["defend", "defends", "defended", "defending"]),
    ("question", &["questioned", "questions", "questioning"]),
    ("demand", &["demand", "demands", "demanded", "demanding"]),
    ("seek", &["seek", "seeks", "sought", "seeking"]),
    ("refuse", &["refuse", "refuses", "refused", "refusing"]),
    ("decline", &["declined", "declines", "declining"]),
    ("cite", &["cite", "cites", "cited", "citing"]),
    (
        "condemn",
        &["condemn", "condemns", "condemned", "condemning"],
    ),
    ("attack", &["attacked", "attacking"]),
    ("blast", &["blasted", "blasting", "slammed", "slams"]),
    ("plan", &["plans", "planned"]),
    ("see", &["sees", "saw"]),
    (
        "denounce",
        &["denounce", "denounces", "denounced", "denouncing"],
    ),
    ("decry", &["decried", "decries"]),
    ("recommend", &["recommended", "recommends"]),
    ("advocate", &["advocated", "advocates"]),
    ("threaten", &["threatened", "threatens"]),
    ("express", &["expressed", "expresses"]),
    ("describe", &["labeled", "branded", "dubbed"]),
    ("mock", &["mocked", "mocks", "mocking"]),
    ("highlight", &["highlighted", "highlights"]),
    ("unveil", &["unveiled", "unveils"]),
    ("challenge", &["challenged"]),
    ("invoke", &["invoked", "invokes"]),
    ("offer", &["offered"]),
    ("favor", &["favors", "favored"]),
    ("prefer", &["prefers", "preferred"]),
];

/// Stance verb surface -> lemma.
pub(crate) static STANCE: LazyLock<Map<&'static str>> = LazyLock::new(|| {
    let mut m = Map::default();
    for (lemma, forms) in STANCE_VERBS {
        for f in *forms {
            m.insert(*f, *lemma);
        }
    }
    m
});

/// Cue heads learned from PolNeAR train (`data/quotes/cues.tsv`, from `scripts/build_quote_cues.py`): word form,
/// lemma, times it headed a cue, times it occurred.
static LEARNED_TSV: &str = include_str!("../../data/quotes/cues.tsv");

/// Learned cue forms with reliability (share of their occurrences in train that were cues) at least
/// [`LEARNED_MIN`], not already in the hand-written lists: form -> (lemma, reliability).
pub(crate) static LEARNED: LazyLock<Map<(&'static str, f32)>> = LazyLock::new(|| {
    let mut m = Map::default();
    for line in LEARNED_TSV.lines().filter(|l| !l.starts_with('#')) {
        let mut cols = line.split('\t');
        let (Some(form), Some(lemma), Some(cue), Some(seen)) =
            (cols.next(), cols.next(), cols.next(), cols.next())
        else {
            continue;
        };
        let (Ok(cue), Ok(seen)) = (cue.parse::<f32>(), seen.parse::<f32>()) else {
            continue;
        };
        let reliability = cue / seen.max(1.0);
        if reliability >= LEARNED_MIN && !CUES.contains_key(form) && !STANCE.contains_key(form) {
            m.insert(form, (lemma, reliability));
        }
    }
    m
});

/// Reliability of every form of `data/quotes/cues.tsv`, hand-written cues included (a feature of the cue model).
pub(crate) static RELIABILITY: LazyLock<Map<f32>> = LazyLock::new(|| {
    let mut m = Map::default();
    for line in LEARNED_TSV.lines().filter(|l| !l.starts_with('#')) {
        let cols: Vec<&'static str> = line.split('\t').collect();
        if let [form, _, cue, seen, ..] = cols[..] {
            if let (Ok(cue), Ok(seen)) = (cue.parse::<f32>(), seen.parse::<f32>()) {
                m.insert(form, cue / seen.max(1.0));
            }
        }
    }
    m
});

/// Minimum reliability of a learned cue form, chosen on PolNeAR train (reported-speech F1 0.608 at 0.10,
/// 0.609 at 0.15, 0.606 at 0.20, 0.595 at 0.30; 0.15 keeps precision above 0.70).
pub(crate) const LEARNED_MIN: f32 = 0.15;

/// Shapes of every cue and stance verb form (and the first words of multi-word cues).
pub(crate) static CUE_SHAPES: LazyLock<Shape> = LazyLock::new(|| {
    let mut s = Shape::default();
    for w in CUE_FORMS.keys() {
        s.add(w);
    }
    for w in ["according", "According", "pointed", "points"] {
        s.add(w);
    }
    s
});

/// What one word form can head: a reporting verb ([`CUES`]), a stance verb ([`STANCE`]), a learned cue
/// ([`LEARNED`]). The hot loops look a token up once here instead of once per list.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct CueForm {
    /// Lemma and weakness, as in [`CUES`].
    pub cue: Option<(&'static str, bool)>,
    /// Lemma, as in [`STANCE`].
    pub stance: Option<&'static str>,
    /// Lemma and reliability, as in [`LEARNED`].
    pub learned: Option<(&'static str, f32)>,
}

/// Every form of [`CUES`], [`STANCE`] and [`LEARNED`].
pub(crate) static CUE_FORMS: LazyLock<Map<CueForm>> = LazyLock::new(|| {
    let mut m: Map<CueForm> = Map::default();
    for (w, c) in CUES.iter() {
        m.entry(*w).or_default().cue = Some(*c);
    }
    for (w, l) in STANCE.iter() {
        m.entry(*w).or_default().stance = Some(*l);
    }
    for (w, l) in LEARNED.iter() {
        m.entry(*w).or_default().learned = Some(*l);
    }
    m
});

/// Whether `w` is a form of any cue list (reporting, stance or learned verb).
pub(crate) fn is_cue_form(w: &str) -> bool {
    CUE_SHAPES.may_hold(w) && CUE_FORMS.contains_key(w)
}
