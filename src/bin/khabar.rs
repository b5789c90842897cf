//! `khabar`: parse news articles into JSON from the shell.
//!
//! ```text
//! khabar parse article.txt            # one JSON document
//! khabar parse --pretty a.txt b.txt   # one document per file, indented
//! khabar parse --jsonl corpus.jsonl   # {"id":…,"text":…} per line in, one result per line out
//! cat corpus.jsonl | khabar parse --jsonl
//! ```

use clap::{Parser as ClapParser, Subcommand};
use khabar::{Error, Language, Parser};
use std::io::{self, BufRead, BufWriter, Read, Write};
use std::process::ExitCode;

#[derive(ClapParser)]
#[command(name = "khabar", version, about = "Turn Arabic and English news articles into structured JSON")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Parse articles: text files (`-` for stdin), or JSON Lines with --jsonl.
    Parse {
        /// Input files; `-` reads standard input. With --jsonl and no file, reads standard input.
        files: Vec<String>,
        /// Read JSON Lines records {"id": …, "text": …} and write one result per line with its id.
        #[arg(long)]
        jsonl: bool,
        /// Indent the JSON for people (not with --jsonl).
        #[arg(long, conflicts_with = "jsonl")]
        pretty: bool,
        /// Reject inputs larger than this many bytes.
        #[arg(long, value_name = "BYTES", default_value_t = khabar::DEFAULT_MAX_INPUT_BYTES)]
        max_bytes: usize,
        /// Take the language as given (ar, en) instead of detecting it.
        #[arg(long, value_parser = parse_lang)]
        lang: Option<Language>,
        /// Parse JSON Lines records on this many threads (default: all cores); output keeps input order.
        #[arg(long, short = 'j', value_name = "N")]
        jobs: Option<usize>,
    },
}

fn parse_lang(s: &str) -> Result<Language, String> {
    match s {
        "ar" => Ok(Language::Arabic),
        "en" => Ok(Language::English),
        _ => Err(format!("unknown language {s:?} (expected ar or en)")),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let Command::Parse { files, jsonl, pretty, max_bytes, lang, jobs } = cli.command;
    let jobs = jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())).max(1);
    let mut builder = Parser::builder().max_input_bytes(max_bytes);
    if let Some(lang) = lang {
        builder = builder.language(lang);
    }
    let parser = builder.build();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let result =
        if jsonl { run_jsonl(&parser, &files, jobs, &mut out) } else { run_files(&parser, &files, pretty, &mut out) };
    let flushed = out.flush();
    match (result, flushed) {
        (Ok(true), Ok(())) => ExitCode::SUCCESS,
        (Ok(false), Ok(())) => ExitCode::FAILURE,
        (Err(e), _) | (_, Err(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("khabar: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Reads a whole input, refusing more than `max` bytes without reading them all.
fn read_input(name: &str, max: usize) -> Result<Vec<u8>, String> {
    let mut buf = Vec::new();
    let limit = max as u64 + 1;
    let read = if name == "-" {
        io::stdin().lock().take(limit).read_to_end(&mut buf)
    } else {
        std::fs::File::open(name).and_then(|f| f.take(limit).read_to_end(&mut buf))
    };
    read.map_err(|e| e.to_string())?;
    if buf.len() > max {
        return Err(format!("input exceeds the limit of {max} bytes"));
    }
    Ok(buf)
}

/// Parses text files; returns whether all succeeded.
fn run_files(parser: &Parser, files: &[String], pretty: bool, out: &mut impl Write) -> io::Result<bool> {
    if files.is_empty() {
        eprintln!("khabar: no input: give a file, or - for standard input");
        return Ok(false);
    }
    let mut ok = true;
    for name in files {
        let shown = if name == "-" { "<stdin>" } else { name.as_str() };
        let article = read_input(name, parser.max_input_bytes())
            .and_then(|bytes| parser.parse_bytes(&bytes).map_err(|e: Error| e.to_string()));
        match article {
            Ok(a) => {
                out.write_all(if pretty { a.to_json_pretty() } else { a.to_json() }.as_bytes())?;
                out.write_all(b"\n")?;
            }
            Err(e) => {
                eprintln!("khabar: {shown}: {e}");
                ok = false;
            }
        }
    }
    Ok(ok)
}

/// Records read and parsed per round: memory stays bounded whatever the input's size.
const BATCH_PER_JOB: usize = 256;

/// Parses JSON Lines records on `jobs` threads, in rounds of a bounded batch, writing results in
/// input order; a bad record gets an error object on its output line and the batch goes on.
/// Returns whether every record succeeded.
fn run_jsonl(parser: &Parser, files: &[String], jobs: usize, out: &mut impl Write) -> io::Result<bool> {
    let stdin = ["-".to_string()];
    let files = if files.is_empty() { &stdin[..] } else { files };
    let mut progress = Progress::new();
    let mut ok = true;
    for name in files {
        let reader: Box<dyn BufRead> = if name == "-" {
            Box::new(io::stdin().lock())
        } else {
            match std::fs::File::open(name) {
                Ok(f) => Box::new(io::BufReader::new(f)),
                Err(e) => {
                    eprintln!("khabar: {name}: {e}");
                    ok = false;
                    continue;
                }
            }
        };
        let mut lines = reader.split(b'\n').enumerate();
        loop {
            let mut batch: Vec<(usize, Vec<u8>)> = Vec::with_capacity(BATCH_PER_JOB * jobs);
            for (n, line) in lines.by_ref() {
                let line = line?;
                if !line.iter().all(u8::is_ascii_whitespace) {
                    batch.push((n + 1, line));
                }
                if batch.len() == BATCH_PER_JOB * jobs {
                    break;
                }
            }
            if batch.is_empty() {
                break;
            }
            for (line, result) in batch.iter().zip(parse_batch(parser, &batch, jobs)) {
                ok &= result.is_ok();
                progress.record(line.1.len(), result.is_ok());
                let text = result.unwrap_or_else(|(id, kind, message, offset)| {
                    serde_json::json!({"id": id, "line": line.0, "error": {"kind": kind, "message": message, "offset": offset}})
                        .to_string()
                });
                out.write_all(text.as_bytes())?;
                out.write_all(b"\n")?;
            }
        }
    }
    progress.finish();
    Ok(ok)
}

/// Parses a batch on up to `jobs` scoped threads; results come back in batch order.
fn parse_batch(parser: &Parser, batch: &[(usize, Vec<u8>)], jobs: usize) -> Vec<Result<String, RecordError>> {
    if jobs == 1 || batch.len() < 2 {
        return batch.iter().map(|(_, line)| record(parser, line)).collect();
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut results: Vec<Option<Result<String, RecordError>>> = (0..batch.len()).map(|_| None).collect();
    let done = std::sync::Mutex::new(&mut results);
    std::thread::scope(|s| {
        for _ in 0..jobs.min(batch.len()) {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some((_, line)) = batch.get(i) else { break };
                    let r = record(parser, line);
                    done.lock().unwrap_or_else(|p| p.into_inner())[i] = Some(r);
                }
            });
        }
    });
    results.into_iter().map(|r| r.expect("every record is parsed")).collect()
}

/// A progress line on standard error, only when it is a terminal.
struct Progress {
    enabled: bool,
    start: std::time::Instant,
    last: std::time::Instant,
    articles: usize,
    bytes: usize,
    errors: usize,
}

impl Progress {
    fn new() -> Self {
        use std::io::IsTerminal;
        let now = std::time::Instant::now();
        Progress { enabled: io::stderr().is_terminal(), start: now, last: now, articles: 0, bytes: 0, errors: 0 }
    }

    fn record(&mut self, bytes: usize, ok: bool) {
        self.articles += 1;
        self.bytes += bytes;
        self.errors += usize::from(!ok);
        if self.enabled && self.last.elapsed().as_millis() >= 500 {
            self.last = std::time::Instant::now();
            self.print("\r");
        }
    }

    fn print(&self, end: &str) {
        let secs = self.start.elapsed().as_secs_f64().max(1e-9);
        eprint!(
            "\r{} articles, {:.0} articles/s, {:.1} MB/s, {} errors{end}",
            self.articles,
            self.articles as f64 / secs,
            self.bytes as f64 / secs / 1e6,
            self.errors
        );
    }

    fn finish(&self) {
        if self.enabled && self.articles > 0 {
            self.print("\n");
        }
    }
}

type RecordError = (serde_json::Value, &'static str, String, Option<usize>);

/// One JSON Lines record → the article document with its `id` first.
fn record(parser: &Parser, line: &[u8]) -> Result<String, RecordError> {
    let value: serde_json::Value = serde_json::from_slice(line).map_err(|e| {
        let offset = std::str::from_utf8(line).err().map(|u| u.valid_up_to());
        let kind = if offset.is_some() { "invalid_utf8" } else { "invalid_json" };
        (serde_json::Value::Null, kind, e.to_string(), offset)
    })?;
    let id = value.get("id").cloned().unwrap_or(serde_json::Value::Null);
    let Some(text) = value.get("text").and_then(|t| t.as_str()) else {
        return Err((id, "missing_text", "the record has no string field \"text\"".into(), None));
    };
    let article = parser.parse(text).map_err(|e| {
        let (kind, offset) = match e {
            Error::InvalidUtf8 { offset } => ("invalid_utf8", Some(offset)),
            Error::InputTooLarge { .. } => ("input_too_large", None),
            _ => ("error", None),
        };
        (id.clone(), kind, e.to_string(), offset)
    })?;
    let doc = article.to_json();
    Ok(format!("{{\"id\":{},{}", id, &doc[1..]))
}
