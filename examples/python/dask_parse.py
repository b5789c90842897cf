#!/usr/bin/env python3
"""Parse a JSON Lines corpus with khabar on a Dask cluster.

The input has one record per line, ``{"id": ..., "text": ...}``, the same records that
``khabar parse --jsonl`` reads. The corpus is split into byte ranges that end on a newline
(``dask.bytes.read_bytes``) and every range is read and parsed on a worker, so the client never
loads the corpus. Each worker builds ONE ``khabar.Parser`` when it starts (a Dask worker plugin)
and all its tasks and threads share it (the parser is thread-safe and releases the GIL).

Usage::

    # a LocalCluster on this machine (2 worker processes, 1 thread each)
    python3 examples/python/dask_parse.py corpus.jsonl parsed.jsonl --workers 2

    # a flat Parquet table instead of JSON Lines
    python3 examples/python/dask_parse.py corpus.jsonl parsed.parquet --format parquet

    # an existing cluster (see the README, "Many machines (Dask)")
    python3 examples/python/dask_parse.py /shared/corpus.jsonl parsed.jsonl --scheduler tcp://host:8786

Options: ``--format jsonl|parquet`` (default: from the output's extension, else jsonl),
``--workers`` and ``--threads-per-worker`` (the LocalCluster's size), ``--scheduler ADDRESS`` (use
that cluster instead), ``--partition-size`` (bytes of input per task, e.g. ``16MiB``),
``--library`` (the khabar shared library the workers load), ``--max-bytes`` and ``--lang`` (as in
the CLI). Needs ``pip install -r examples/python/requirements.txt``.

Output
------
JSON Lines: the documents ``khabar parse --jsonl`` writes, one per non-blank input line, in input
order: ``{"id": <id>, <the article document>}``. A record that cannot be parsed does not stop the
run: its line is ``{"error": {"kind", "message", "offset"}, "id", "line"}``, with the CLI's kinds
(``invalid_json``, ``invalid_utf8``, ``missing_text``, ``input_too_large``, ``error``), the input
line number (1-based, per input file) and the byte offset of the first invalid byte for
``invalid_utf8``. Successful documents are byte-for-byte the CLI's; for ``invalid_json`` and
``invalid_utf8`` the message comes from Python's JSON parser, so its wording differs from the CLI's.

Parquet: one row per non-blank input line, in input order (one row group per partition), with
the columns of ``PARQUET_COLUMNS`` below: ``id`` (the id when it is a JSON string, else its JSON
text; null when absent), ``line``, ``error_kind``/``error_message``/``error_offset`` (null on
success), ``language``, ``text_bytes``, the body and dateline byte offsets, the dateline's
locations/authors/agencies (lists of strings) and date, counts (paragraphs, sentences, entities,
quotes, resolutions), the resolution symbols, and ``entities_json``/``quotes_json``/
``resolutions_json``: those arrays of the document as JSON text (``json.loads`` gives the CLI's
values). Offsets are UTF-8 byte offsets into the record's text.

Where things run: the input is read by the workers (on a real cluster it must be a path every
worker sees, or an fsspec URL such as ``s3://...``); the output is written by the client, which
collects the partitions in order, a bounded number at a time.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional, Tuple

PLUGIN_NAME = "khabar-parser"

#: The columns of the Parquet output, in order, with their Arrow types (see the module docs).
PARQUET_COLUMNS = [
    ("id", "string"),
    ("line", "int64"),
    ("error_kind", "string"),
    ("error_message", "string"),
    ("error_offset", "int64"),
    ("schema", "string"),
    ("language", "string"),
    ("text_bytes", "int64"),
    ("body_start", "int64"),
    ("body_end", "int64"),
    ("dateline_start", "int64"),
    ("dateline_end", "int64"),
    ("dateline_locations", "list<string>"),
    ("dateline_authors", "list<string>"),
    ("dateline_agencies", "list<string>"),
    ("dateline_date", "string"),
    ("n_paragraphs", "int64"),
    ("n_sentences", "int64"),
    ("n_entities", "int64"),
    ("n_quotes", "int64"),
    ("n_resolutions", "int64"),
    ("resolution_symbols", "list<string>"),
    ("entities_json", "string"),
    ("quotes_json", "string"),
    ("resolutions_json", "string"),
]

# Bytes Rust's `u8::is_ascii_whitespace` accepts: the CLI skips lines made only of these.
_ASCII_WHITESPACE = b" \t\n\r\x0c"


# ---------------------------------------------------------------- the parser, once per worker


def _import_khabar(library: Optional[str] = None, package_dir: Optional[str] = None):
    """Imports the khabar package, loading ``library`` if given (and if that path exists here).

    ``package_dir`` (the directory holding the ``khabar`` package) is put on ``sys.path`` when the
    package is not importable otherwise, as for a repository checkout with ``python/`` not
    installed.
    """
    if library and os.path.isfile(library):
        os.environ["KHABAR_LIBRARY"] = library
    try:
        import khabar
    except ImportError:
        if not package_dir or not os.path.isdir(package_dir):
            raise
        sys.path.insert(0, package_dir)
        import khabar
    if library and os.path.isfile(library) and os.path.realpath(khabar.library_path()) != os.path.realpath(library):
        raise RuntimeError(f"khabar was already loaded from {khabar.library_path()}, not {library}")
    return khabar


def _parser_options(max_bytes: Optional[int], lang: Optional[str]) -> Dict[str, Any]:
    options: Dict[str, Any] = {"language": lang}
    if max_bytes is not None:
        options["max_input_bytes"] = max_bytes
    return options


try:
    from distributed import WorkerPlugin
except ImportError:  # the module docs stay readable without dask; main() says what is missing
    WorkerPlugin = object  # type: ignore[assignment,misc]


class KhabarParserPlugin(WorkerPlugin):
    """Builds one ``khabar.Parser`` per worker when the worker starts (or joins later).

    ``library`` is the path of the shared library to load (passed explicitly so that workers
    load the same build as the client); a worker where that path does not exist falls back to
    its own lookup (``KHABAR_LIBRARY``, the installed package, a cargo build).
    """

    idempotent = False

    def __init__(
        self, library: Optional[str], package_dir: Optional[str], max_bytes: Optional[int], lang: Optional[str]
    ) -> None:
        self.library = library
        self.package_dir = package_dir
        self.max_bytes = max_bytes
        self.lang = lang
        self.parser = None
        self.parsers_built = 0
        self.tasks = 0

    def setup(self, worker) -> None:
        khabar = _import_khabar(self.library, self.package_dir)
        self.parser = khabar.Parser(**_parser_options(self.max_bytes, self.lang))
        self.parsers_built += 1

    def teardown(self, worker) -> None:
        if self.parser is not None:
            self.parser.close()
            self.parser = None


# Used only when a task runs outside a Dask worker (e.g. the synchronous scheduler): one parser
# per process, built on first use.
_PROCESS_PARSER: Dict[Tuple[Any, ...], Any] = {}


def _worker_parser(config: Dict[str, Any]):
    """This worker's parser (from the plugin), or this process's when there is no worker."""
    try:
        from distributed import get_worker

        worker = get_worker()
    except (ImportError, ValueError):
        worker = None
    if worker is not None:
        plugin = worker.plugins.get(PLUGIN_NAME)
        if plugin is None or plugin.parser is None:
            raise RuntimeError(f"worker {worker.address} has no khabar parser (plugin {PLUGIN_NAME!r} not set up)")
        plugin.tasks += 1  # statistics only (a lost increment between threads would not matter)
        return plugin.parser
    key = (config["library"], config["max_bytes"], config["lang"])
    parser = _PROCESS_PARSER.get(key)
    if parser is None:
        khabar = _import_khabar(config["library"], config["package_dir"])
        parser = _PROCESS_PARSER[key] = khabar.Parser(**_parser_options(config["max_bytes"], config["lang"]))
    return parser


# ---------------------------------------------------------------- one record, as the CLI does it


def _id_json(value: Any) -> str:
    """The id as serde_json writes it (objects with sorted keys, non-ASCII kept)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


class RecordError(Exception):
    """A record that yields an error line: ``kind``, ``message``, ``offset`` as in the CLI."""

    def __init__(self, id_value: Any, kind: str, message: str, offset: Optional[int] = None):
        super().__init__(message)
        self.id_value, self.kind, self.message, self.offset = id_value, kind, message, offset


def _load_record(raw: bytes) -> Tuple[Any, str]:
    """(id, text) of one JSON Lines record, or RecordError, with the CLI's rules."""
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise RecordError(None, "invalid_utf8", f"invalid UTF-8 at byte offset {e.start}", e.start) from None
    try:
        value = json.loads(line, parse_constant=_reject_constant)
        if "\\u" in line:  # JSON escapes may encode lone surrogates, which serde_json rejects
            json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise RecordError(None, "invalid_json", "lone surrogate in a \\u escape") from None
    except (ValueError, RecursionError) as e:
        raise RecordError(None, "invalid_json", str(e)) from None
    id_value = value.get("id") if isinstance(value, dict) else None
    text = value.get("text") if isinstance(value, dict) else None
    if not isinstance(text, str):
        raise RecordError(id_value, "missing_text", 'the record has no string field "text"')
    return id_value, text


def _parse_record(parser, raw: bytes):
    """(id, text, article) for one record, or RecordError."""
    import khabar

    id_value, text = _load_record(raw)
    try:
        article = parser.parse(text)
    except khabar.InvalidUtf8Error as e:
        raise RecordError(id_value, "invalid_utf8", str(e), e.offset) from None
    except khabar.InputTooLargeError as e:
        raise RecordError(id_value, "input_too_large", str(e)) from None
    except khabar.KhabarError as e:
        raise RecordError(id_value, "error", str(e)) from None
    return id_value, text, article


def _lines(block: bytes) -> Iterator[Tuple[int, bytes]]:
    """(1-based line number within the block, line) for each non-blank line."""
    for n, line in enumerate(block.split(b"\n"), 1):
        if line.strip(_ASCII_WHITESPACE):
            yield n, line


# ---------------------------------------------------------------- partitions (run on the workers)


def parse_block_jsonl(block: bytes, config: Dict[str, Any]) -> Tuple[int, List[Any]]:
    """Parses one block of lines. Returns (newlines in the block, items) where an item is the
    output line (str) of a parsed record, or ``(line, id, kind, message, offset)`` for an error,
    with the line number counted within the block (the client adds the block's start line)."""
    parser = _worker_parser(config)
    items: List[Any] = []
    for n, raw in _lines(block):
        try:
            id_value, _, article = _parse_record(parser, raw)
        except RecordError as e:
            items.append((n, e.id_value, e.kind, e.message, e.offset))
            continue
        doc = article.to_json()
        items.append('{"id":' + _id_json(id_value) + "," + doc[1:])
    return block.count(b"\n"), items


def error_line(line: int, id_value: Any, kind: str, message: str, offset: Optional[int]) -> str:
    """The CLI's error line for a record (keys in serde_json's sorted order)."""
    error = {"kind": kind, "message": message, "offset": offset}
    return _id_json({"error": error, "id": id_value, "line": line})


def _row(line: int, id_value: Any) -> Dict[str, Any]:
    row: Dict[str, Any] = {name: None for name, _ in PARQUET_COLUMNS}
    row["line"] = line
    if id_value is not None:
        row["id"] = id_value if isinstance(id_value, str) else _id_json(id_value)
    return row


def parquet_schema():
    """The Arrow schema of the Parquet output (``PARQUET_COLUMNS``)."""
    import pyarrow as pa

    types = {"string": pa.string(), "int64": pa.int64(), "list<string>": pa.list_(pa.string())}
    return pa.schema([(name, types[t]) for name, t in PARQUET_COLUMNS])


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def parse_block_parquet(block: bytes, config: Dict[str, Any]):
    """Parses one block of lines into an Arrow table (``PARQUET_COLUMNS``). Returns (newlines in
    the block, table); ``line`` is counted within the block (the client adds the start line)."""
    import pyarrow as pa

    parser = _worker_parser(config)
    rows = []
    for n, raw in _lines(block):
        try:
            id_value, text, article = _parse_record(parser, raw)
        except RecordError as e:
            row = _row(n, e.id_value)
            row.update(error_kind=e.kind, error_message=e.message, error_offset=e.offset)
            rows.append(row)
            continue
        doc = article.to_dict()
        row = _row(n, id_value)
        dateline = doc["dateline"] or {}
        row.update(
            schema=doc["schema"],
            language=doc["language"],
            text_bytes=len(text.encode("utf-8")),
            body_start=doc["body"]["start"],
            body_end=doc["body"]["end"],
            dateline_start=dateline["span"]["start"] if dateline else None,
            dateline_end=dateline["span"]["end"] if dateline else None,
            dateline_locations=[m["text"] for m in dateline.get("locations", [])],
            dateline_authors=[m["text"] for m in dateline.get("authors", [])],
            dateline_agencies=[m["text"] for m in dateline.get("agencies", [])],
            dateline_date=dateline.get("date"),
            n_paragraphs=len(doc["paragraphs"]),
            n_sentences=len(doc["sentences"]),
            n_entities=len(doc["entities"]),
            n_quotes=len(doc["quotes"]),
            n_resolutions=len(doc["resolutions"]),
            resolution_symbols=[r["symbol"] for r in doc["resolutions"] if r.get("symbol")],
            entities_json=_compact(doc["entities"]),
            quotes_json=_compact(doc["quotes"]),
            resolutions_json=_compact(doc["resolutions"]),
        )
        rows.append(row)
    return block.count(b"\n"), pa.Table.from_pylist(rows, schema=parquet_schema())


# ---------------------------------------------------------------- the client


def _ordered_results(client, tasks: List[Tuple[int, Any]], window: int) -> Iterator[Tuple[int, Any]]:
    """Computes ``(file index, delayed)`` tasks on the cluster, at most ``window`` at a time, and
    yields ``(file index, result)`` in task order, releasing each result once yielded."""
    pending: List[Tuple[int, Any]] = []
    todo = iter(tasks)
    while True:
        while len(pending) < window:
            nxt = next(todo, None)
            if nxt is None:
                break
            pending.append((nxt[0], client.compute(nxt[1])))
        if not pending:
            return
        file_index, future = pending.pop(0)
        result = future.result()
        future.release()
        yield file_index, result


class _LineNumbers:
    """Turns block-local line numbers into per-file ones, as blocks arrive in order."""

    def __init__(self) -> None:
        self.file = None
        self.start = 0

    def begin(self, file_index: int) -> int:
        if file_index != self.file:
            self.file, self.start = file_index, 0
        return self.start

    def advance(self, newlines: int) -> None:
        self.start += newlines


def run(
    client,
    input_path: str,
    output: str,
    fmt: str,
    partition_size: str,
    library: Optional[str],
    package_dir: Optional[str],
    max_bytes: Optional[int] = None,
    lang: Optional[str] = None,
) -> Dict[str, int]:
    """Parses ``input_path`` (a path, glob or fsspec URL of JSON Lines) on ``client``'s cluster
    into ``output`` (``fmt`` ``"jsonl"`` or ``"parquet"``). Returns counts of records and errors."""
    from dask import delayed
    from dask.bytes import read_bytes

    config = {"library": library, "package_dir": package_dir, "max_bytes": max_bytes, "lang": lang}
    client.register_plugin(KhabarParserPlugin(library, package_dir, max_bytes, lang), name=PLUGIN_NAME)
    _, files = read_bytes(input_path, delimiter=b"\n", blocksize=partition_size, sample=False)
    parse = parse_block_jsonl if fmt == "jsonl" else parse_block_parquet
    tasks = [(i, delayed(parse, pure=True)(block, config)) for i, blocks in enumerate(files) for block in blocks]
    threads = sum(client.nthreads().values()) or 1
    lines = _LineNumbers()
    counts = {"records": 0, "errors": 0, "partitions": len(tasks)}
    if fmt == "jsonl":
        with open(output, "w", encoding="utf-8", newline="\n") as out:
            for file_index, (newlines, items) in _ordered_results(client, tasks, 2 * threads):
                start = lines.begin(file_index)
                for item in items:
                    if isinstance(item, tuple):
                        n, id_value, kind, message, offset = item
                        item = error_line(start + n, id_value, kind, message, offset)
                        counts["errors"] += 1
                    out.write(item)
                    out.write("\n")
                counts["records"] += len(items)
                lines.advance(newlines)
    else:
        import pyarrow.compute as pc
        import pyarrow.parquet as pq

        with pq.ParquetWriter(output, parquet_schema()) as writer:
            for file_index, (newlines, table) in _ordered_results(client, tasks, 2 * threads):
                start = lines.begin(file_index)
                if table.num_rows:
                    table = table.set_column(1, "line", pc.add(table["line"], start))
                    writer.write_table(table)
                counts["records"] += table.num_rows
                counts["errors"] += table.num_rows - table["error_kind"].null_count
                lines.advance(newlines)
    return counts


def _plugin_stats(dask_worker) -> Tuple[int, int]:
    """(parsers built, tasks served) by this worker's plugin; run on every worker by ``main``."""
    plugin = dask_worker.plugins.get(PLUGIN_NAME)
    return (plugin.parsers_built, plugin.tasks) if plugin is not None else (0, 0)


def _arguments(argv: Optional[List[str]]) -> argparse.Namespace:
    ap = argparse.ArgumentParser(
        description="Parse a JSON Lines corpus ({\"id\":…,\"text\":…} per line) with khabar on a Dask cluster.",
        epilog="Without --scheduler, a LocalCluster of --workers processes is started on this machine.",
    )
    ap.add_argument("input", help="JSON Lines corpus: a path, a glob, or an fsspec URL the workers can read")
    ap.add_argument("output", help="output file (written by this client)")
    ap.add_argument("--format", choices=("jsonl", "parquet"), help="default: parquet for *.parquet, else jsonl")
    ap.add_argument("--scheduler", metavar="ADDRESS", help="an existing Dask scheduler, e.g. tcp://host:8786")
    ap.add_argument("--workers", type=int, default=2, help="LocalCluster worker processes (default 2)")
    ap.add_argument("--threads-per-worker", type=int, default=1, help="LocalCluster threads per worker (default 1)")
    ap.add_argument("--partition-size", default="16MiB", help="input bytes per task (default 16MiB)")
    ap.add_argument("--library", help="khabar shared library for the workers (default: the one this client loads)")
    ap.add_argument("--max-bytes", type=int, help="reject articles larger than this many bytes (as the CLI)")
    ap.add_argument("--lang", choices=("ar", "en"), help="take the language as given instead of detecting it")
    args = ap.parse_args(argv)
    if args.format is None:
        args.format = "parquet" if args.output.endswith(".parquet") else "jsonl"
    if args.library and not os.path.isfile(args.library):
        ap.error(f"--library {args.library}: no such file")
    if args.workers < 1 or args.threads_per_worker < 1:
        ap.error("--workers and --threads-per-worker must be at least 1")
    return args


def main(argv: Optional[List[str]] = None) -> int:
    args = _arguments(argv)
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        print("dask_parse: needs dask.distributed: pip install -r examples/python/requirements.txt", file=sys.stderr)
        return 2
    if args.format == "parquet":
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            print("dask_parse: --format parquet needs pyarrow", file=sys.stderr)
            return 2
    # The client loads the package too: its library path is what the workers are told to load.
    package_dir = str(Path(__file__).resolve().parents[2] / "python")
    khabar = _import_khabar(args.library, package_dir)
    library = args.library or khabar.library_path()
    package_dir = str(Path(khabar.__file__).resolve().parent.parent)

    started = time.perf_counter()
    if args.scheduler:
        cluster = None
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(
            n_workers=args.workers, threads_per_worker=args.threads_per_worker, processes=True, dashboard_address=None
        )
        client = Client(cluster)
    try:
        counts = run(
            client,
            args.input,
            args.output,
            args.format,
            args.partition_size,
            library,
            package_dir,
            args.max_bytes,
            args.lang,
        )
        stats = sorted(client.run(_plugin_stats).values())
    except OSError as e:  # the input or the output cannot be opened
        print(f"dask_parse: {e}", file=sys.stderr)
        return 1
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    secs = time.perf_counter() - started
    print(
        f"dask_parse: {counts['records']} records ({counts['errors']} errors) in {counts['partitions']} partitions "
        f"-> {args.output} ({args.format}), {secs:.1f} s",
        file=sys.stderr,
    )
    print(
        f"dask_parse: {len(stats)} workers; parsers built per worker: {[b for b, _ in stats]}; "
        f"tasks per worker: {[t for _, t in stats]}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
