//! The `newsgraph` command line: extract, evaluate, benchmark.
//!
//! Each subcommand lives in its own module with an `Args` struct and a `run` function, so adding one is a variant
//! here and a line in [`run`].
//!
//! The system allocator on purpose: mimalloc 0.1.52 (feature `no_thp`) ran about 6% fewer instructions
//! (cachegrind, 300 PolNeAR stories) but went past the 150 MB peak RSS budget of `scripts/adversarial` (distinct
//! words 126 -> 275 MB, mixed punctuation 120 -> 185 MB), with no CPU time saved that alternating runs could show;
//! without `no_thp` it held 131 MB where the system allocator peaks at 53 MB on PolNeAR.

mod bench;
mod extract;
mod progress;

use anyhow::Result;
use clap::{Parser, Subcommand};
use newsgraph::Pipeline;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Turn news articles into data an analyst can trust: entities, quotes, time expressions, amounts and places,
/// one JSON object per article.
#[derive(Parser)]
#[command(name = "newsgraph", version, about, long_about = None)]
#[command(
    after_help = "Exit status: 0 when every input succeeded, 1 when some inputs failed \
(the others are still written), 2 for usage errors or when the command could not run at all."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract structure, entities, quotes, time expressions, amounts and places as JSON Lines.
    Extract(extract::Args),
    /// Score newsgraph on annotated gold data.
    Eval {
        /// Task: conll, timeml, polnear, ieer, geowebnews.
        task: String,
        /// Gold file or directory.
        path: PathBuf,
    },
    /// Measure throughput (MB/s, documents/s), peak memory and the speed-up from 1 to 2 threads.
    Bench(bench::Args),
    /// Train a model: `ner` (the entity tagger, on CoNLL files), `clusters` (word clusters from raw news) or
    /// `quotes` (the reported-speech cue model, on a PolNeAR split directory).
    Train {
        /// Model: ner, clusters or quotes.
        model: String,
        /// Training file (CoNLL columns); for clusters, its words join the raw text.
        #[arg(long)]
        train: PathBuf,
        /// Validation file (CoNLL columns), for choosing the epoch (ner).
        #[arg(long)]
        valid: Option<PathBuf>,
        /// Word clusters for ner (default: the embedded ones).
        #[arg(long)]
        clusters: Option<PathBuf>,
        /// Directories of raw .txt news for clusters.
        #[arg(long)]
        raw: Vec<PathBuf>,
        /// Perceptrons trained on different document orders and averaged (ner).
        #[arg(long, default_value_t = 3)]
        runs: usize,
        /// Numbers of clusters, one clustering each (coarse to fine).
        #[arg(long, value_delimiter = ',', default_values_t = vec![256, 600])]
        classes: Vec<usize>,
        /// Output weight file (crates/newsgraph/data/ner/model.bin ships in the package).
        #[arg(long)]
        out: PathBuf,
        /// Passes over the training data.
        #[arg(long, default_value_t = 13)]
        epochs: usize,
        /// Drop features whose largest quantized weight is at most this.
        #[arg(long, default_value_t = 400)]
        prune: i16,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("newsgraph: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Extract(args) => extract::run(args),
        Command::Bench(args) => bench::run(args),
        Command::Eval { task, path } => {
            let pipeline = Pipeline::builder().build();
            let report = match task.as_str() {
                "conll" => newsgraph::eval::conll::evaluate(&pipeline, &path)?,
                "timeml" => newsgraph::eval::timeml::evaluate(&pipeline, &path)?,
                "polnear" => newsgraph::eval::polnear::evaluate(&pipeline, &path)?,
                "ieer" => newsgraph::eval::ieer::evaluate(&pipeline, &path)?,
                "geowebnews" => newsgraph::eval::geowebnews::evaluate(&pipeline, &path)?,
                other => anyhow::bail!(
                    "unknown task {other:?}: expected conll, timeml, polnear, ieer or geowebnews"
                ),
            };
            // A reader that stops early (`| head`) is not an error.
            let mut out = std::io::stdout().lock();
            match write!(out, "{report}").and_then(|()| out.flush()) {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
                _ => Ok(ExitCode::SUCCESS),
            }
        }
        Command::Train {
            model,
            train,
            valid,
            out,
            epochs,
            prune,
            clusters,
            raw,
            classes,
            runs,
        } => {
            match model.as_str() {
                "ner" => {
                    let valid = valid.ok_or_else(|| anyhow::anyhow!("train ner needs --valid"))?;
                    let opts = newsgraph::entities::train::TrainOptions {
                        train,
                        valid,
                        out,
                        epochs,
                        prune,
                        clusters,
                        runs,
                    };
                    newsgraph::entities::train::train(&opts)?;
                }
                "clusters" => {
                    let n = newsgraph::entities::train::train_clusters(
                        &raw,
                        Some(&train),
                        &out,
                        &classes,
                    )?;
                    eprintln!("wrote {} ({n} words)", out.display());
                }
                "quotes" => {
                    let s = newsgraph::quotes::train::train(&train, &out, epochs)?;
                    eprintln!(
                        "wrote {} ({} weights; {} candidates, {} attributions, {} articles)",
                        out.display(),
                        s.weights,
                        s.examples,
                        s.positives,
                        s.documents
                    );
                }
                other => anyhow::bail!("unknown model {other:?}: expected ner, clusters or quotes"),
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Parses `--date YYYY-MM-DD` for clap (an invalid date is a usage error, exit 2).
pub(crate) fn parse_date_arg(s: &str) -> Result<chrono::NaiveDate, String> {
    newsgraph::article::parse_date(s).map_err(|e| e.to_string())
}

/// A rayon pool of `threads` threads (0: one per core).
pub(crate) fn thread_pool(threads: usize) -> Result<rayon::ThreadPool> {
    Ok(rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("newsgraph-{i}"))
        .build()?)
}
