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
    }
}
