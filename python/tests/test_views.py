import ctypes
import unittest
from ctypes import byref

import khabar
from khabar import _ffi, _views
from khabar._ffi import lib

from .helpers import texts


def raw_parse(parser, data):
    article = _ffi.ArticleP()
    status = lib.khabar_parse(parser._ptr, data, len(data), byref(article))
    if status:
        raise khabar._error_for(status)
    return article


class ViewsTest(unittest.TestCase):
    """The typed accessors (read through the ctypes struct mirrors) agree with the JSON document."""

    def test_views_equal_json(self):
        parser = khabar.Parser()
        for name, text in texts() + [("synthetic", "PARIS, Nov 3 (AFP) - Ministers met on Monday.")]:
            with self.subTest(name):
                from_json = parser.parse(text)
                article = raw_parse(parser, text.encode())
                try:
                    from_views = _views.article_from_views(article, text, from_json.to_json())
                finally:
                    lib.khabar_article_free(article)
                self.assertEqual(from_views, from_json)

    def test_out_of_range_and_null(self):
        parser = khabar.Parser()
        article = raw_parse(parser, b"Hello.")
        try:
            e = _ffi.Entity()
            n = lib.khabar_article_entity_count(article)
            self.assertEqual(lib.khabar_article_entity(article, n, byref(e)), _ffi.STATUS_OUT_OF_RANGE)
            self.assertIn(b"out of range", lib.khabar_last_error_message())
            self.assertEqual(lib.khabar_article_entity(article, 0, None), _ffi.STATUS_NULL_ARGUMENT)
            self.assertEqual(lib.khabar_article_entity_count(None), 0)
            s = _ffi.Str()
            self.assertEqual(lib.khabar_article_text(article, byref(s)), _ffi.STATUS_OK)
            self.assertEqual(ctypes.string_at(s.data, s.len), b"Hello.")
        finally:
            lib.khabar_article_free(article)
        lib.khabar_article_free(None)
        lib.khabar_parser_free(None)
        lib.khabar_string_free(None)


if __name__ == "__main__":
    unittest.main()
