"""Timings of the Python package, to compare with the Rust API (tests/ffi_bench.rs).

    cargo build --release && python3 python/bench.py
    cargo test --release --test ffi_bench -- --ignored --nocapture   # the Rust reference

Prints CPU microseconds per article (the machine may be shared; CPU time is steadier than wall
time, and the Rust reference uses it too) for the raw C calls, for ``Parser.parse`` (fields built
lazily), for ``Parser.parse`` followed by reading every field, and for the typed-accessor
construction path; then the wall-clock speed-up of two threads sharing one parser over one thread,
with the CPU use of the two-thread run (near 200% when the GIL is released during parses).
"""

import ctypes
import os
import sys
import threading
import time
from ctypes import byref
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "python"))
if "KHABAR_LIBRARY" not in os.environ and (REPO / "target/release/libkhabar.so").exists():
    os.environ["KHABAR_LIBRARY"] = str(REPO / "target/release/libkhabar.so")

import khabar  # noqa: E402
from khabar import _ffi, _model, _views  # noqa: E402
from khabar._ffi import lib  # noqa: E402


def corpus():
    files = sorted((REPO / "tests/c/data").glob("*.txt"))
    texts = [(p.name[:2], p.read_text(encoding="utf-8")) for p in files]
    out = [t for _, t in texts]
    for lang in ("ar", "en"):
        out.append("\n\n".join(t for l, t in texts if l == lang))
    return out


def best(fn, texts, rounds=7, per_round=20):
    result = float("inf")
    for _ in range(rounds):
        t = time.process_time()
        for _ in range(per_round):
            for text in texts:
                fn(text)
        result = min(result, (time.process_time() - t) * 1e6 / (per_round * len(texts)))
    return result


def main():
    texts = corpus()
    parser = khabar.Parser()
    for t in texts:
        parser.parse(t)

    def raw(text):
        data = text.encode()
        a = _ffi.ArticleP()
        lib.khabar_parse(parser._ptr, data, len(data), byref(a))
        lib.khabar_article_free(a)

    def raw_json(text):
        data = text.encode()
        a = _ffi.ArticleP()
        lib.khabar_parse(parser._ptr, data, len(data), byref(a))
        out = ctypes.c_void_p()
        lib.khabar_article_to_json(a, byref(out))
        ctypes.string_at(out.value)
        lib.khabar_string_free(out)
        lib.khabar_article_free(a)

    def full(text):
        article = parser.parse(text)
        for field in _model.FIELDS:
            getattr(article, field)

    def views(text):
        data = text.encode()
        a = _ffi.ArticleP()
        lib.khabar_parse(parser._ptr, data, len(data), byref(a))
        _views.article_from_views(a, text, "")
        lib.khabar_article_free(a)

    print(f"library: {khabar.library_path()}")
    print(f"corpus: {len(texts)} articles, {sum(len(t.encode()) for t in texts) / len(texts) / 1024:.1f} KB average")
    print(f"C calls only (khabar_parse + free):      {best(raw, texts):8.1f} us/article")
    print(f"C calls + JSON string:                   {best(raw_json, texts):8.1f} us/article")
    print(f"khabar.Parser.parse (lazy fields):       {best(parser.parse, texts):8.1f} us/article")
    print(f"khabar.Parser.parse + read every field:  {best(full, texts):8.1f} us/article")
    print(f"every field via the typed accessors:     {best(views, texts):8.1f} us/article")

    # Two threads sharing one parser against one thread, same total work.
    work = texts * 40

    def run(chunk):
        for t in chunk:
            parser.parse(t)

    ones, twos = [], []
    for _ in range(5):
        t = time.perf_counter()
        run(work)
        ones.append(time.perf_counter() - t)
        threads = [threading.Thread(target=run, args=(h,)) for h in (work[0::2], work[1::2])]
        t, c = time.perf_counter(), time.process_time()
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        twos.append((time.perf_counter() - t, time.process_time() - c))
    one = min(ones)
    two, cpu = min(twos)
    print(
        f"best of 5: 1 thread {one * 1e3:.0f} ms, 2 threads {two * 1e3:.0f} ms: speed-up {one / two:.2f}x; "
        f"CPU use in that 2-thread run {cpu / two * 100:.0f}% (cores: {os.cpu_count()}, load: {os.getloadavg()[0]:.1f})"
    )


if __name__ == "__main__":
    main()
