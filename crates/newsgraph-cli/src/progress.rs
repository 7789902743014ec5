//! Progress on stderr: a one-line bar while running (only when stderr is a terminal) and the summary line.

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

/// Counts of a run, drawn as a progress line and summarized at the end.
pub struct Progress {
    /// Documents written (successes and failures).
    pub documents: usize,
    /// Failed inputs.
    pub failed: usize,
    /// Bytes of article text processed.
    pub bytes: usize,
    start: Instant,
    last_draw: Option<Instant>,
    bar: bool,
}

impl Progress {
    /// Starts the clock; the bar is drawn only when stderr is a terminal and `quiet` is off.
    pub fn new(quiet: bool) -> Progress {
        Progress {
            documents: 0,
            failed: 0,
            bytes: 0,
            start: Instant::now(),
            last_draw: None,
            bar: !quiet && std::io::stderr().is_terminal(),
        }
    }

    /// Seconds since the start.
    pub fn seconds(&self) -> f64 {
        self.start.elapsed().as_secs_f64()
    }

    fn rates(&self) -> String {
        let s = self.seconds().max(1e-9);
        let mb = self.bytes as f64 / 1e6;
        format!(
            "{} documents ({} failed), {mb:.1} MB, {:.1} MB/s, {:.0} docs/s",
            self.documents,
            self.failed,
            mb / s,
            self.documents as f64 / s
        )
    }

    /// Redraws the bar, at most ten times a second.
    pub fn tick(&mut self) {
        if !self.bar {
            return;
        }
        let now = Instant::now();
        if self
            .last_draw
            .is_some_and(|t| now.duration_since(t) < Duration::from_millis(100))
        {
            return;
        }
        self.last_draw = Some(now);
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r\x1b[2K{} ", self.rates());
        let _ = err.flush();
    }

    /// Clears the bar (so that messages print on a clean line).
    pub fn clear(&mut self) {
        if self.bar && self.last_draw.is_some() {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r\x1b[2K");
            let _ = err.flush();
            self.last_draw = None;
        }
    }

    /// The summary line: documents, failures, megabytes, seconds and rates.
    pub fn summary(&self) -> String {
        format!("newsgraph: {} in {:.2} s", self.rates(), self.seconds())
    }
}
