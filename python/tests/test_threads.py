import ctypes
import sys
import threading
import time
import unittest
from concurrent.futures import ThreadPoolExecutor

import khabar

from .helpers import texts


class ThreadsTest(unittest.TestCase):
    def test_the_library_is_called_without_the_gil(self):
        # ctypes.CDLL (unlike PyDLL) releases the GIL around every foreign call.
        from khabar._ffi import lib

        self.assertIs(type(lib), ctypes.CDLL)

    def test_other_threads_run_while_the_library_parses(self):
        # A thread woken just before a long parse can only run during it if the GIL is released
        # (a long switch interval keeps the main thread from yielding it before the call).
        from ctypes import byref

        from khabar import _ffi
        from khabar._ffi import lib

        data = (texts()[0][1] * 40).encode()
        parser = khabar.Parser()
        go = threading.Event()
        stamps = []
        other = threading.Thread(target=lambda: (go.wait(), stamps.append(time.perf_counter())))
        other.start()
        article = _ffi.ArticleP()
        old = sys.getswitchinterval()
        sys.setswitchinterval(5.0)
        try:
            go.set()
            status = lib.khabar_parse(parser._ptr, data, len(data), byref(article))
            end = time.perf_counter()
        finally:
            sys.setswitchinterval(old)
        other.join()
        lib.khabar_article_free(article)
        self.assertEqual(status, _ffi.STATUS_OK)
        self.assertLess(stamps[0], end, "the other thread could not run during khabar_parse")


    def test_many_threads_share_one_parser(self):
        parser = khabar.Parser()
        inputs = [t for _, t in texts()]
        expected = [parser.parse(t).to_json() for t in inputs]
        jobs = [(i % len(inputs)) for i in range(16 * len(inputs))]
        with ThreadPoolExecutor(max_workers=8) as pool:
            results = list(pool.map(lambda i: (i, parser.parse(inputs[i]).to_json()), jobs))
        for i, got in results:
            self.assertEqual(got, expected[i])

    def test_errors_are_reported_per_thread(self):
        parser = khabar.Parser(max_input_bytes=4)
        barrier = threading.Barrier(4)
        errors = []

        def work(k):
            barrier.wait()
            for _ in range(50):
                try:
                    if k % 2:
                        parser.parse(b"a\xff")
                    else:
                        parser.parse("too long")
                except khabar.InvalidUtf8Error as e:
                    errors.append(("utf8", k, e.offset))
                except khabar.InputTooLargeError:
                    errors.append(("size", k, None))

        threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(len(errors), 200)
        for kind, k, offset in errors:
            self.assertEqual(kind, "utf8" if k % 2 else "size")
            if kind == "utf8":
                self.assertEqual(offset, 1)


if __name__ == "__main__":
    unittest.main()
