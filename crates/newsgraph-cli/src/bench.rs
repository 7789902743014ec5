//! `newsgraph bench`: throughput of parsing and of the full pipeline, at 1 and N threads, and peak memory.
//!
//! The corpus is read into memory first, so that figures measure extraction (plus JSON serialization for the
//! full pipeline, as `extract` does), not the disk.

use crate::thread_pool;
use anyhow::Result;
use newsgraph::corpus::{self, Input};
use newsgraph::Pipeline;
use rayon::prelude::*;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

/// Arguments of `newsgraph bench`.
#[derive(clap::Args)]
pub struct Args {
    /// Directories or files to read (as for `extract`).
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Thread count compared with 1 thread.
    #[arg(long, short = 'j', value_name = "N", default_value_t = 2)]
    threads: usize,
    /// Measure parsing only (paragraphs, sentences, tokens), not the extractors.
    #[arg(long)]
    parse_only: bool,
    /// Runs per measurement; the fastest counts for MB/s, the average for MB per CPU-second.
    #[arg(long, default_value_t = 5)]
    repeat: usize,
}

/// Runs `newsgraph bench`.
pub fn run(args: Args) -> Result<ExitCode> {
    let t = Instant::now();
    let full = Pipeline::builder().build();
    let load_ms = t.elapsed().as_secs_f64() * 1e3;
    let parse = Pipeline::builder().structure_only().build();

    let t = Instant::now();
    let inputs: Vec<Input> = corpus::read(&args.paths, None).collect();
    let read_s = t.elapsed().as_secs_f64();
    let bytes: usize = inputs.iter().map(Input::text_len).sum();
    let failed = inputs
        .iter()
        .filter(|i| matches!(i, Input::Failed { .. }))
        .count();
    let mb = bytes as f64 / 1e6;
    println!(
        "corpus      {} documents, {mb:.2} MB ({failed} unreadable), read in {read_s:.2} s",
        inputs.len()
    );
    println!("load        embedded data loaded in {load_ms:.1} ms");

    let mut modes: Vec<(&str, &Pipeline, bool)> = vec![("parse", &parse, false)];
    if !args.parse_only {
        modes.push(("extract", &full, true));
    }
    let mut thread_counts = vec![1];
    if args.threads > 1 {
        thread_counts.push(args.threads);
    }
    for (name, pipeline, serialize) in modes {
        let mut one_thread = None;
        for &n in &thread_counts {
            let pool = thread_pool(n)?;
            let mut best = f64::INFINITY;
            let repeat = args.repeat.max(1);
            let cpu_before = cpu_seconds();
            for _ in 0..repeat {
                let t = Instant::now();
                let out: usize = pool.install(|| {
                    inputs
                        .par_iter()
                        .map(|input| {
                            let output = input.process(pipeline);
                            if serialize {
                                crate::extract::json_line(&output, input.text_len())
                                    .map_or(0, |v| v.len())
                            } else {
                                std::hint::black_box(&output);
                                1
                            }
                        })
                        .sum()
                });
                std::hint::black_box(out);
                best = best.min(t.elapsed().as_secs_f64());
            }
            // CPU time (averaged over the runs) tells the cost per core even when other processes share the machine.
            let per_core = match (cpu_before, cpu_seconds()) {
                (Some(before), Some(after)) if after > before => {
                    format!(
                        "  {:>7.1} MB per CPU-second",
                        mb * repeat as f64 / (after - before)
                    )
                }
                _ => String::new(),
            };
            let speedup = match one_thread {
                None => {
                    one_thread = Some(best);
                    String::new()
                }
                Some(t1) => format!("  speed-up {:.2}x over 1 thread", t1 / best),
            };
            println!(
                "{name:<11} {n} thread{}: {:>8.1} MB/s {:>9.0} docs/s  ({best:.3} s){per_core}{speedup}",
                if n == 1 { " " } else { "s" },
                mb / best,
                inputs.len() as f64 / best,
            );
        }
    }
    match peak_rss_mb() {
        Some(rss) => {
            println!("peak RSS    {rss:.1} MB (includes the {mb:.1} MB corpus held in memory)")
        }
        None => println!("peak RSS    unknown (no /proc/self/status)"),
    }
    Ok(ExitCode::SUCCESS)
}

/// CPU time used so far by this process, all threads included (also ended ones), in seconds: `utime + stime`
/// from `/proc/self/stat` (Linux), in clock ticks of 1/100 s.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which is in parentheses and may hold spaces): utime and stime are the 12th
    // and 13th of them.
    let rest = &stat[stat.rfind(')')? + 1..];
    let mut fields = rest.split_whitespace().skip(11);
    let utime: f64 = fields.next()?.parse().ok()?;
    let stime: f64 = fields.next()?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

/// Peak resident memory (`VmHWM`) in MB, from `/proc/self/status` (Linux).
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}
