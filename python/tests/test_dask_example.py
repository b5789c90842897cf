"""examples/python/dask_parse.py against the CLI: same documents, same order, errors per record.

Runs the example as a user would (a subprocess, a LocalCluster of 2 workers) on a small corpus
made from the invented articles under examples/articles and benches/corpus plus broken records,
and compares with ``khabar parse --jsonl`` (the cargo build's CLI) on the same input. Skipped,
with the reason, when dask.distributed is not installed (``pip install -r
examples/python/requirements.txt``; .ci/run does) or the CLI is not built.
"""

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

from .helpers import REPO

EXAMPLE = REPO / "examples" / "python" / "dask_parse.py"
TARGET = Path(os.environ["CARGO_TARGET_DIR"]) if os.environ.get("CARGO_TARGET_DIR") else REPO / "target"
CLI = TARGET / "debug" / ("khabar.exe" if sys.platform == "win32" else "khabar")
MAX_BYTES = 4000  # benches/corpus/ar-08-long-report.txt is larger: an input_too_large record

ARTICLES = sorted((REPO / "examples" / "articles").glob("*.txt")) + [
    REPO / "benches" / "corpus" / name
    for name in ("ar-07-short-brief.txt", "ar-08-long-report.txt", "en-04-brief.txt")
]


def _have(module):
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def _record(id_value, text):
    return json.dumps({"id": id_value, "text": text}, ensure_ascii=False).encode("utf-8")


def corpus_files():
    """Two JSON Lines files (bytes): the articles, blank lines, and one record of each error kind."""
    lines = [_record(p.stem, p.read_text(encoding="utf-8")) for p in ARTICLES]
    first = lines[:5] + [
        b"",
        b"  \t ",
        b"{not json",
        b'{"id": "no-text", "title": "x"}',
        b"[1, 2, 3]",
        b'{"id": "bad-utf8", "text": "caf\xc3\xa9 \xff"}',
    ]
    second = lines[5:8] + [
        _record({"z": 1, "a": [2, "\u0628"]}, "WASHINGTON (Reuters) - Talks resumed on Monday.") + b"\r",
        _record(17, "القاهرة (رويترز) - قال الوزير إن المحادثات ستستأنف."),
        b'{"id": "lone", "text": "\\ud800 x"}',
        b'{"id": "nan", "text": NaN}',
    ] + lines[8:]
    return b"\n".join(first) + b"\n", b"\n".join(second)  # the second has no final newline


def cli_output(paths):
    run = subprocess.run(
        [str(CLI), "parse", "--jsonl", "--max-bytes", str(MAX_BYTES), *map(str, paths)],
        capture_output=True,
        check=False,
    )
    assert run.returncode in (0, 1), run.stderr.decode()  # 1: some records failed, as intended
    return run.stdout.decode("utf-8").splitlines()


def load_example():
    spec = importlib.util.spec_from_file_location("dask_parse", EXAMPLE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@unittest.skipUnless(
    _have("dask") and _have("distributed"),
    "dask.distributed is not installed: pip install -r examples/python/requirements.txt to run the Dask example test",
)
@unittest.skipUnless(CLI.is_file(), f"the CLI is not built ({CLI}): run `cargo build` first")
class DaskExampleTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = Path(tempfile.mkdtemp(prefix="khabar-dask-"))
        cls.inputs = []
        for i, data in enumerate(corpus_files(), 1):
            path = cls.tmp / f"corpus-{i}.jsonl"
            path.write_bytes(data)
            cls.inputs.append(path)
        cls.expected = cli_output(cls.inputs)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def run_example(self, output, *options):
        args = [sys.executable, str(EXAMPLE), str(self.tmp / "corpus-*.jsonl"), str(output)]
        args += ["--workers", "2", "--partition-size", "2500", "--max-bytes", str(MAX_BYTES), *options]
        run = subprocess.run(args, capture_output=True, text=True, timeout=300, check=False)
        self.assertEqual(run.returncode, 0, run.stderr)
        self.assertIn("2 workers; parsers built per worker: [1, 1];", run.stderr)
        partitions = re.search(r"in (\d+) partitions", run.stderr)
        self.assertGreaterEqual(int(partitions.group(1)), 4, run.stderr)  # order kept across partitions
        return run.stderr

    def test_corpus_has_what_the_test_needs(self):
        ok = [json.loads(line) for line in self.expected if '"error":' not in line[:10]]
        errors = [json.loads(line)["error"]["kind"] for line in self.expected if line.startswith('{"error":')]
        self.assertEqual(len(ok), len(ARTICLES) - 1 + 2)
        self.assertEqual({d["language"] for d in ok}, {"ar", "en"})
        self.assertEqual(
            sorted(errors),
            ["input_too_large"] + ["invalid_json"] * 3 + ["invalid_utf8"] + ["missing_text"] * 2,
        )
        self.assertGreater(sum(p.stat().st_size for p in self.inputs), 4 * 2500)  # several partitions

    def test_jsonl_equals_the_cli_in_order(self):
        library = TARGET / "debug" / ("khabar.dll" if sys.platform == "win32" else "libkhabar.so")
        if sys.platform == "darwin":
            library = library.with_suffix(".dylib")
        output = self.tmp / "out.jsonl"
        stderr = self.run_example(output, "--library", str(library))
        got = output.read_text(encoding="utf-8").splitlines()
        self.assertEqual(len(got), len(self.expected), stderr)
        for n, (mine, cli) in enumerate(zip(got, self.expected), 1):
            with self.subTest(output_line=n):
                if not cli.startswith('{"error":'):
                    self.assertEqual(mine, cli)  # the same bytes, id first
                    continue
                mine, cli = json.loads(mine), json.loads(cli)
                self.assertEqual(list(mine), ["error", "id", "line"])
                if cli["error"]["kind"] in ("invalid_json", "invalid_utf8"):
                    # The message is the JSON parser's own wording (serde_json's in the CLI).
                    mine["error"]["message"] = cli["error"]["message"]
                self.assertEqual(mine, cli)

    def test_block_function_without_a_cluster(self):
        # Outside a worker, the partition function builds one parser per process and reuses it.
        example = load_example()
        config = {"library": None, "package_dir": str(REPO / "python"), "max_bytes": MAX_BYTES, "lang": None}
        block = self.inputs[0].read_bytes()
        newlines, items = example.parse_block_jsonl(block, config)
        self.assertEqual(newlines, block.count(b"\n"))
        got = [item if isinstance(item, str) else json.loads(example.error_line(*item)) for item in items]
        expected = [json.loads(line) if line.startswith('{"error":') else line for line in self.expected[: len(got)]]
        for mine, cli in zip(got, expected):
            if isinstance(cli, dict) and cli["error"]["kind"] in ("invalid_json", "invalid_utf8"):
                mine["error"]["message"] = cli["error"]["message"]
        self.assertEqual(got, expected)
        parsers = dict(example._PROCESS_PARSER)
        example.parse_block_jsonl(block, config)
        self.assertEqual(len(parsers), 1)
        self.assertEqual(example._PROCESS_PARSER, parsers)  # the same parser object, not a new one

    @unittest.skipUnless(_have("pyarrow"), "pyarrow is not installed: the Parquet output is not tested")
    def test_parquet_rows_and_columns(self):
        import pyarrow.parquet as pq

        output = self.tmp / "out.parquet"
        self.run_example(output, "--threads-per-worker", "2")  # the library the example finds itself
        table = pq.read_table(output)
        example = load_example()
        self.assertEqual(table.column_names, [name for name, _ in example.PARQUET_COLUMNS])
        self.assertEqual(table.schema, example.parquet_schema())
        rows = table.to_pylist()
        self.assertEqual(len(rows), len(self.expected))
        texts = {}
        for path in self.inputs:
            for line in path.read_bytes().split(b"\n"):
                try:
                    record = json.loads(line)
                    texts[json.dumps(record["id"], sort_keys=True)] = record["text"]
                except (ValueError, KeyError, TypeError):
                    pass
        for row, cli in zip(rows, map(json.loads, self.expected)):
            with self.subTest(id=cli["id"]):
                cli_id = cli["id"]
                plain = isinstance(cli_id, str) or cli_id is None
                self.assertEqual(row["id"], cli_id if plain else example._id_json(cli_id))
                if "error" in cli:
                    self.assertEqual(row["line"], cli["line"])
                    self.assertEqual(row["error_kind"], cli["error"]["kind"])
                    self.assertEqual(row["error_offset"], cli["error"]["offset"])
                    self.assertIsNone(row["language"])
                    continue
                self.assertIsNone(row["error_kind"])
                self.assertEqual(row["language"], cli["language"])
                self.assertEqual(row["schema"], cli["schema"])
                self.assertEqual(row["text_bytes"], len(texts[json.dumps(cli_id, sort_keys=True)].encode("utf-8")))
                self.assertEqual((row["body_start"], row["body_end"]), (cli["body"]["start"], cli["body"]["end"]))
                dateline = cli["dateline"]
                if dateline is None:
                    self.assertIsNone(row["dateline_start"])
                    self.assertEqual(row["dateline_locations"], [])
                else:
                    self.assertEqual(row["dateline_start"], dateline["span"]["start"])
                    self.assertEqual(row["dateline_end"], dateline["span"]["end"])
                    for field in ("locations", "authors", "agencies"):
                        self.assertEqual(row["dateline_" + field], [m["text"] for m in dateline[field]])
                    self.assertEqual(row["dateline_date"], dateline["date"])
                for field in ("paragraphs", "sentences", "entities", "quotes", "resolutions"):
                    self.assertEqual(row["n_" + field], len(cli[field]))
                for field in ("entities", "quotes", "resolutions"):
                    self.assertEqual(json.loads(row[field + "_json"]), cli[field])
                self.assertEqual(row["resolution_symbols"], [r["symbol"] for r in cli["resolutions"] if r["symbol"]])
        self.assertTrue(any(r["n_quotes"] for r in rows) and any(r["n_resolutions"] for r in rows))


if __name__ == "__main__":
    unittest.main()
