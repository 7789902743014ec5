//! `newsgraph extract`: JSON Lines out, in input order, documents processed in parallel.

use crate::progress::Progress;
use crate::{parse_date_arg, thread_pool};
use anyhow::{Context as _, Result};
use chrono::NaiveDate;
use newsgraph::corpus::{self, Input};
use newsgraph::document::Output;
use newsgraph::Pipeline;
use rayon::prelude::*;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::mpsc;

/// Inputs are read and processed in chunks of about this many bytes of text (or [`CHUNK_DOCS`] documents), with
/// one chunk read ahead: memory stays bounded whatever the size of the corpus.
const CHUNK_BYTES: usize = 4 << 20;
const CHUNK_DOCS: usize = 256;
/// Failures reported one by one on stderr before the rest are only counted.
const MAX_REPORTED: usize = 20;

mod json;

/// Most bytes of one block of a [`Line`]: a document's JSON is a few times its text, and a buffer that grows by
/// doubling would hold the old and the new copy at once (twice the output at the peak).
const LINE_BLOCK: usize = 1 << 20;

/// The JSON of one output, kept in blocks of at most [`LINE_BLOCK`] bytes: a short document is one block sized
/// for it up front; a huge one (a 1.7 MB text of places writes 42 MB) grows a block at a time, never copied.
#[derive(Default)]
pub(crate) struct Line {
    blocks: Vec<Vec<u8>>,
}

impl Line {
    /// Length of the JSON in bytes.
    pub(crate) fn len(&self) -> usize {
        self.blocks.iter().map(Vec::len).sum()
    }

    /// Writes the JSON, block by block.
    fn write_to(&self, out: &mut impl Write) -> std::io::Result<()> {
        self.blocks.iter().try_for_each(|b| out.write_all(b))
    }
}

impl Line {
    /// Starts a block for `buf` when the last one has no room for it.
    #[cold]
    fn write_in_new_block(&mut self, buf: &[u8]) {
        // The next block doubles what the line holds, up to a block (a small document that outgrew its first
        // guess does not reserve a whole block); a write longer than that (a long text field) gets a block of its
        // own size.
        let next = self.len().clamp(4096, LINE_BLOCK).max(buf.len());
        let mut block = Vec::with_capacity(next);
        block.extend_from_slice(buf);
        self.blocks.push(block);
    }
}

impl Write for Line {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.write_all(buf)?;
        Ok(buf.len())
    }

    /// serde_json writes each piece of a document through this: the common case (room in the last block) stays
    /// an inlined copy, as for a `Vec<u8>`.
    #[inline]
    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        match self.blocks.last_mut() {
            Some(b) if b.capacity() - b.len() >= buf.len() => b.extend_from_slice(buf),
            _ => self.write_in_new_block(buf),
        }
        Ok(())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The JSON of one output followed by a newline.
pub(crate) fn json_line(output: &Output, text_len: usize) -> serde_json::Result<Line> {
    let first = text_len
        .saturating_mul(6)
        .saturating_add(4096)
        .min(LINE_BLOCK);
    // Our writer gives serde_json's bytes faster; what it refuses (none of our types) serde_json writes.
    let mut line = match json::to_line(output, first) {
        Ok(line) => line,
        Err(_) => {
            let mut line = Line {
                blocks: vec![Vec::with_capacity(first)],
            };
            serde_json::to_writer(&mut line, output)?;
            line
        }
    };
    line.write_all(b"\n").map_err(serde_json::Error::io)?;
    Ok(line)
}

/// Arguments of `newsgraph extract`.
#[derive(clap::Args)]
#[command(
    after_help = "Output: one JSON object per input on stdout (or --output), in input order: a document, \
or {\"id\", \"error\": {\"kind\", \"message\"}} for an input that failed. Offsets are Unicode code points into the \
document's \"text\". See docs/schema.md.\n\nInputs: files (.jsonl/.json hold records {\"id\", \"text\", \"date\"?, \
\"title\"?, \"url\"?, \"source\"?}; anything else is one plain-text article; .gz is decompressed), directories \
(read recursively in sorted order: .txt, .jsonl, .json and their .gz; binary files are reported as errors, other \
files ignored) and - for standard input (JSON Lines if it starts with '{', else one article).\n\nExit status: 0 when \
every input succeeded, 1 when some failed (the others are still written), 2 for usage errors."
)]
pub struct Args {
    /// Files, directories or - (standard input).
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Publication date (YYYY-MM-DD) for articles whose text marker and record give none.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date_arg)]
    date: Option<NaiveDate>,
    /// Date plain-text files by a YYYY-MM-DD (or YYYYMMDD) in their file name when their text has no date
    /// marker (before --date).
    #[arg(long)]
    date_from_name: bool,
    /// Worker threads (0: one per core).
    #[arg(long, short = 'j', value_name = "N", default_value_t = 0)]
    threads: usize,
    /// Write the JSON Lines to FILE instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
    /// No progress bar, no error messages and no summary on stderr.
    #[arg(long, short = 'q')]
    quiet: bool,
}

/// Runs `newsgraph extract`.
pub fn run(args: Args) -> Result<ExitCode> {
    let pipeline = Pipeline::builder().build();
    let pool = thread_pool(args.threads)?;
    let mut out: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(BufWriter::new(
            std::fs::File::create(path)
                .with_context(|| format!("cannot create {}", path.display()))?,
        )),
        None => Box::new(BufWriter::with_capacity(1 << 16, std::io::stdout().lock())),
    };

    // Reading runs one chunk ahead of processing, on its own thread.
    let (tx, rx) = mpsc::sync_channel::<Vec<Input>>(1);
    let (paths, date, from_name) = (args.paths.clone(), args.date, args.date_from_name);
    std::thread::spawn(move || {
        let mut chunk = Vec::new();
        let mut bytes = 0;
        for input in corpus::read(&paths, date).date_from_name(from_name) {
            bytes += input.text_len();
            chunk.push(input);
            if bytes >= CHUNK_BYTES || chunk.len() >= CHUNK_DOCS {
                if tx.send(std::mem::take(&mut chunk)).is_err() {
                    return;
                }
                bytes = 0;
            }
        }
        if !chunk.is_empty() {
            let _ = tx.send(chunk);
        }
    });

    let mut progress = Progress::new(args.quiet);
    for chunk in rx {
        let lines: Vec<(Line, Option<String>)> = pool.install(|| {
            chunk
                .par_iter()
                .map(|input| {
                    let output = input.process(&pipeline);
                    let line = json_line(&output, input.text_len()).unwrap_or_else(|e| {
                        // Serializing our own types cannot fail; should it, the line still names the input.
                        let record = format!(
                            "{{\"id\":{:?},\"error\":{{\"kind\":\"io\",\"message\":{:?}}}}}\n",
                            input.id(),
                            e.to_string()
                        );
                        Line {
                            blocks: vec![record.into_bytes()],
                        }
                    });
                    let failure = match &output {
                        Output::Error(record) => Some(record.error.message.clone()),
                        Output::Document(_) => None,
                    };
                    (line, failure)
                })
                .collect()
        });
        for ((line, failure), input) in lines.iter().zip(&chunk) {
            progress.documents += 1;
            progress.bytes += input.text_len();
            if let Some(message) = failure {
                progress.failed += 1;
                if !args.quiet && progress.failed <= MAX_REPORTED {
                    progress.clear();
                    eprintln!("newsgraph: {message}");
                }
            }
            if let Err(e) = line.write_to(&mut out) {
                return write_failed(e);
            }
        }
        // Flushed per chunk, so that a reader such as `head` sees lines as they come.
        if let Err(e) = out.flush() {
            return write_failed(e);
        }
        progress.tick();
    }
    if let Err(e) = out.flush() {
        return write_failed(e);
    }
    progress.clear();
    if !args.quiet {
        if progress.failed > MAX_REPORTED {
            eprintln!(
                "newsgraph: {} more failures not shown (see the error records)",
                progress.failed - MAX_REPORTED
            );
        }
        eprintln!("{}", progress.summary());
    }
    Ok(if progress.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// A closed pipe (`| head`) is success, quietly; any other write error is fatal.
fn write_failed(e: std::io::Error) -> Result<ExitCode> {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        Ok(ExitCode::SUCCESS)
    } else {
        Err(anyhow::Error::new(e).context("cannot write the output"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsgraph::article::Article;

    #[test]
    fn a_line_in_blocks_is_the_json_of_the_output() {
        let pipeline = Pipeline::builder().build();
        // Long enough that its JSON spans several blocks.
        let text = " date 2022-02-17\n".to_string()
            + &"Kremlin spokesman Dmitry Peskov said on Tuesday (15) that troops left Crimea for Moscow. "
                .repeat(20_000);
        let document = pipeline
            .extract(&Article::parse("big", text.clone()))
            .expect("extracts");
        let output = Output::Document(Box::new(document));
        let line = json_line(&output, text.len()).expect("serializes");
        let mut expected = serde_json::to_vec(&output).expect("serializes");
        expected.push(b'\n');
        assert!(line.blocks.len() > 1, "{} blocks", line.blocks.len());
        // No block grew by doubling: each is at most a block, or exactly one write longer than that.
        assert!(line
            .blocks
            .iter()
            .all(|b| b.capacity() <= LINE_BLOCK || b.capacity() == b.len()));
        assert_eq!(line.len(), expected.len());
        let mut written = Vec::new();
        line.write_to(&mut written).expect("writes");
        assert!(
            written == expected,
            "the blocks differ from serde_json's line"
        );
        // A short document that outgrows its first block reserves about what it needs, not a whole block.
        let text = "Putin met Macron in Moscow on Monday. ".repeat(50);
        let short = pipeline
            .extract(&Article::parse("short", text.clone()))
            .expect("extracts");
        let line = json_line(&Output::Document(Box::new(short)), text.len()).expect("serializes");
        let reserved: usize = line.blocks.iter().map(Vec::capacity).sum();
        assert!(line.blocks.len() > 1, "{} blocks", line.blocks.len());
        assert!(
            reserved < 4 * line.len() + 8192,
            "{reserved} bytes for {}",
            line.len()
        );
    }
}
