import json
import unittest

import khabar

from .helpers import texts


def check_span(tc, text, span):
    """Char offsets slice the str; byte offsets are the same range in UTF-8."""
    tc.assertLessEqual(0, span.start)
    tc.assertLessEqual(span.start, span.end)
    tc.assertLessEqual(span.end, len(text))
    tc.assertEqual(len(text[: span.start].encode("utf-8")), span.byte_start)
    tc.assertEqual(len(text[: span.end].encode("utf-8")), span.byte_end)


class ParseTest(unittest.TestCase):
    def test_fixtures_give_typed_articles(self):
        for name, text in texts():
            with self.subTest(name):
                a = khabar.parse(text)
                self.assertIsInstance(a, khabar.Article)
                self.assertEqual(a.text, text)
                self.assertEqual(a.language, khabar.Language.ARABIC if name.startswith("ar") else khabar.Language.ENGLISH)
                self.assertGreater(len(a.sentences), 0)
                for s in [a.body, *a.sentences, *a.paragraphs, *a.boilerplate]:
                    check_span(self, text, s)
                self.assertTrue(a.text[a.sentences[0].slice()].strip())
                if a.dateline is not None:
                    check_span(self, text, a.dateline.span)
                    for m in a.dateline.locations + a.dateline.authors + a.dateline.agencies:
                        check_span(self, text, m.span)
                for e in a.entities:
                    self.assertIsInstance(e.kind, khabar.EntityKind)
                    for m in e.mentions:
                        check_span(self, text, m.span)
                for q in a.quotes:
                    self.assertIsInstance(q.kind, khabar.QuoteKind)
                    check_span(self, text, q.content.span)
                    self.assertEqual(text[q.content.span.slice()], q.content.text)
                    if q.speaker is not None and q.speaker.entity is not None:
                        self.assertLess(q.speaker.entity, len(a.entities))
                for r in a.resolutions:
                    self.assertIsInstance(r.body, khabar.Body)
                    self.assertTrue(r.symbol)
                    for m in r.mentions:
                        check_span(self, text, m.span)
                doc = json.loads(a.to_json())
                self.assertEqual(doc["schema"], "khabar/1")
                self.assertEqual(a.to_dict(), doc)

    def test_bytes_and_str_give_the_same_article(self):
        for name, text in texts():
            with self.subTest(name):
                p = khabar.Parser()
                self.assertEqual(p.parse(text), p.parse(text.encode("utf-8")))
                self.assertEqual(p.parse(bytearray(text.encode("utf-8"))).text, text)
                self.assertEqual(p.parse(memoryview(text.encode("utf-8"))).text, text)

    def test_spans_slice_the_python_string(self):
        text = "بيروت (رويترز) - قال مسؤول إن الاجتماع انتهى.\nوأضاف أن الطريق مفتوح."
        a = khabar.parse(text)
        self.assertEqual(len(a.paragraphs), 2)
        self.assertEqual(text[a.paragraphs[1].start : a.paragraphs[1].end], "وأضاف أن الطريق مفتوح.")
        self.assertEqual(text.encode()[a.paragraphs[1].byte_start : a.paragraphs[1].byte_end].decode(), "وأضاف أن الطريق مفتوح.")

    def test_articles_pickle_and_compare(self):
        import pickle

        for name, text in texts():
            with self.subTest(name):
                a = khabar.parse(text)
                a.entities  # one field built, the others not
                b = pickle.loads(pickle.dumps(a))
                self.assertEqual(a, b)
                self.assertEqual(b.to_json(), a.to_json())
                self.assertNotEqual(a, khabar.parse(text + " "))

    def test_empty_and_nul_input(self):
        self.assertEqual(khabar.parse("").entities, [])
        self.assertEqual(khabar.parse("A\0B").text, "A\0B")

    def test_versions(self):
        self.assertEqual(khabar.library_version(), khabar.__version__)
        self.assertTrue(khabar.library_path())


class ParserOptionsTest(unittest.TestCase):
    def test_language_hint_and_extractor_flags(self):
        text = "WASHINGTON (Reuters) - The Security Council adopted resolution 2334 (2016) on Friday."
        with khabar.Parser(language="ar") as p:
            self.assertEqual(p.parse(text).language, khabar.Language.ARABIC)
        with khabar.Parser(dateline=False, entities=False, quotes=False, resolutions=False) as p:
            a = p.parse(text)
            self.assertIsNone(a.dateline)
            self.assertEqual((a.entities, a.quotes, a.resolutions), ([], [], []))
            self.assertEqual(len(a.sentences), 1)

    def test_max_input_bytes(self):
        p = khabar.Parser(max_input_bytes=8)
        self.assertEqual(p.max_input_bytes, 8)
        self.assertEqual(p.parse("12345678").text, "12345678")
        with self.assertRaises(khabar.InputTooLargeError) as cm:
            p.parse("123456789")
        self.assertIn("9 bytes", str(cm.exception))
        self.assertEqual(cm.exception.status, 3)
        # The limit counts UTF-8 bytes, not characters: 5 Arabic letters are 10 bytes.
        with self.assertRaises(khabar.InputTooLargeError):
            p.parse("مرحبا")
        self.assertEqual(khabar.Parser().max_input_bytes, khabar.DEFAULT_MAX_INPUT_BYTES)


class InvalidInputTest(unittest.TestCase):
    def test_invalid_utf8_raises_with_the_offset(self):
        for data, offset in [(b"abc\xff", 3), (b"\xd9", 0), ("نص".encode() + b"\xe2\x82", 4), (b"ok \xc3\x28", 3)]:
            with self.subTest(data=data):
                with self.assertRaises(khabar.InvalidUtf8Error) as cm:
                    khabar.parse(data)
                self.assertEqual(cm.exception.offset, offset)
                self.assertEqual(cm.exception.status, 2)
                self.assertIn(f"offset {offset}", str(cm.exception))
                self.assertIsInstance(cm.exception, ValueError)

    def test_unpaired_surrogate_in_str(self):
        with self.assertRaises(khabar.InvalidUtf8Error) as cm:
            khabar.parse("نص \ud800")
        self.assertEqual(cm.exception.offset, len("نص ".encode()))

    def test_wrong_types(self):
        for bad in [None, 42, ["text"], 3.5]:
            with self.subTest(bad=bad):
                with self.assertRaises(TypeError):
                    khabar.parse(bad)
        with self.assertRaises(TypeError):
            khabar.Parser(max_input_bytes="10")
        with self.assertRaises(ValueError):
            khabar.Parser(max_input_bytes=0)
        with self.assertRaises(ValueError):
            khabar.Parser(language="fr")

    def test_closed_parser(self):
        p = khabar.Parser()
        p.close()
        p.close()  # idempotent
        with self.assertRaises(ValueError):
            p.parse("text")


if __name__ == "__main__":
    unittest.main()
