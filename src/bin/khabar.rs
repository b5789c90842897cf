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
    let Command::Parse { files, jsonl, pretty, max_bytes, lang } = cli.command;
    let mut builder = Parser::builder().max_input_bytes(max_bytes);
    if let Some(lang) = lang {
        builder = builder.language(lang);
    }
    let parser = builder.build();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let result =
        if jsonl { run_jsonl(&parser, &files, &mut out) } else { run_files(&parser, &files, pretty, &mut out) };
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

/// Parses JSON Lines records; a bad record gets an error object on its output line and the
/// batch goes on. Returns whether every record succeeded.
fn run_jsonl(parser: &Parser, files: &[String], out: &mut impl Write) -> io::Result<bool> {
    let stdin = ["-".to_string()];
    let files = if files.is_empty() { &stdin[..] } else { files };
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
        for (n, line) in reader.split(b'\n').enumerate() {
            let line = line?;
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let result = record(parser, &line);
            ok &= result.is_ok();
            let text = result.unwrap_or_else(|(id, kind, message, offset)| {
                serde_json::json!({"id": id, "line": n + 1, "error": {"kind": kind, "message": message, "offset": offset}})
                    .to_string()
            });
            out.write_all(text.as_bytes())?;
            out.write_all(b"\n")?;
        }
    }
    Ok(ok)
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
