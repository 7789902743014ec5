//! The `newsgraph` command line: extract, evaluate, train.

use anyhow::Result;
use clap::{Parser, Subcommand};
use newsgraph::Pipeline;
use std::path::PathBuf;
use std::process::ExitCode;

/// Turn news articles into data an analyst can trust.
#[derive(Parser)]
#[command(name = "newsgraph", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Score newsgraph on annotated gold data.
    Eval {
        /// Task: conll, timeml, polnear, ieer, geowebnews.
        task: String,
        /// Gold file or directory.
        path: PathBuf,
    },
    /// Train a statistical model (`ner`: the entity tagger) on annotated data.
    Train {
        /// Model: ner.
        model: String,
        /// Training file (CoNLL columns).
        #[arg(long)]
        train: PathBuf,
        /// Validation file (CoNLL columns), for choosing the epoch.
        #[arg(long)]
        valid: PathBuf,
        /// Output weight file (crates/newsgraph/data/ner/model.bin ships in the package).
        #[arg(long)]
        out: PathBuf,
        /// Passes over the training data.
        #[arg(long, default_value_t = 12)]
        epochs: usize,
        /// Drop features whose largest quantized weight is at most this.
        #[arg(long, default_value_t = 60)]
        prune: i16,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("newsgraph: {e:#}");
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
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
            print!("{report}");
            Ok(ExitCode::SUCCESS)
        }
        Command::Train {
            model,
            train,
            valid,
            out,
            epochs,
            prune,
        } => {
            anyhow::ensure!(model == "ner", "unknown model {model:?}: expected ner");
            let opts = newsgraph::entities::train::TrainOptions {
                train,
                valid,
                out,
                epochs,
                prune,
            };
            newsgraph::entities::train::train(&opts)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}
