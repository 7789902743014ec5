//! Peak heap of adversarial text: a megabyte without a sentence end is one sentence of up to a million tokens,
//! and every per-token buffer of every stage is then as long as the document. These documents once took about
//! 230 bytes of heap per input byte (the tagger's per-sentence rows of sums and hashed features, the time
//! scanner's token list); the bound below is about 100 bytes per input byte. `said ` repeated is 200,000
//! attributions in one sentence, each a quote (it held over 100 MB while a quote carried its absent speaker inline and
//! every quote had a speaker-mention slot).
//!
//! In a file of its own: the counting allocator is the test binary's global allocator, and the one test here
//! is the only thing allocating while it measures.

use newsgraph::{Article, Pipeline};
use peak_alloc::PeakAlloc;

#[global_allocator]
static HEAP: PeakAlloc = PeakAlloc;

/// Most heap bytes one extraction of a 1 MB document may hold at once, above what was held before it.
const BOUND: usize = 100 << 20;

#[test]
fn a_megabyte_of_punctuation_or_attributions_stays_within_bounded_memory() {
    let pipeline = Pipeline::builder().build();
    // Embedded data and per-thread caches are loaded before measuring.
    pipeline
        .extract(&Article::parse(
            "warm",
            "Mr. Smith said on Monday that 12 people came.",
        ))
        .unwrap();
    for unit in [
        ".",
        "!",
        "-",
        ".,;:!?",
        "a ",
        "\u{201c}\"\u{2019}'",
        "said ",
    ] {
        let text = unit.repeat(1_000_000 / unit.len());
        let article = Article::parse("adversarial", text);
        HEAP.reset_peak_usage();
        let before = HEAP.current_usage();
        let doc = pipeline.extract(&article).unwrap();
        let peak = HEAP.peak_usage().saturating_sub(before);
        eprintln!(
            "{unit:?} x {}: peak {} MB",
            1_000_000 / unit.len(),
            peak >> 20
        );
        assert!(
            peak <= BOUND,
            "{unit:?} repeated to 1 MB held {} MB of heap at once (bound {} MB)",
            peak >> 20,
            BOUND >> 20
        );
        drop(doc);
    }
}
