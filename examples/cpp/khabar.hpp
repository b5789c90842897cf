// khabar.hpp: a small header-only C++17 RAII wrapper over khabar's C API (include/khabar.h).
//
//   khabar::Parser parser;                        // or khabar::Parser(options)
//   khabar::Article article = parser.parse(text); // throws khabar::Error on failure
//   for (const khabar_quote &q : article.quotes()) std::cout << khabar::view(q.content.text);
//   std::string json = article.to_json();
//
// Parser and Article own their C objects and free them once (move-only). Views (khabar_str,
// khabar_mentions, and the structs returned by the accessors) borrow from the Article and are
// valid while it lives. A Parser may be shared by threads for concurrent parse() calls.
#ifndef KHABAR_HPP
#define KHABAR_HPP

#include "khabar.h"

#include <cstddef>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace khabar {

/// A khabar_str as a std::string_view (empty for an absent value).
inline std::string_view view(khabar_str s) { return s.data ? std::string_view(s.data, s.len) : std::string_view(); }

/// A khabar_mentions array as an iterable range.
struct Mentions {
    khabar_mentions raw;
    const khabar_mention *begin() const { return raw.data; }
    const khabar_mention *end() const { return raw.data + raw.len; }
    std::size_t size() const { return raw.len; }
    const khabar_mention &operator[](std::size_t i) const { return raw.data[i]; }
};

/// A failed call: the status, the library's message and, for invalid UTF-8, the byte offset.
class Error : public std::runtime_error {
  public:
    explicit Error(khabar_status status)
        : std::runtime_error(message(status)), status_(status), offset_(khabar_last_error_offset()) {}
    khabar_status status() const noexcept { return status_; }
    /// Byte offset of the first invalid byte (KHABAR_STATUS_INVALID_UTF8), else KHABAR_NO_OFFSET.
    std::size_t offset() const noexcept { return offset_; }

  private:
    static std::string message(khabar_status status) {
        const char *detail = khabar_last_error_message();
        return detail ? detail : khabar_status_str(status);
    }
    khabar_status status_;
    std::size_t offset_;
};

namespace detail {
inline void check(khabar_status status) {
    if (status != KHABAR_STATUS_OK) throw Error(status);
}
struct ParserFree {
    void operator()(khabar_parser *p) const noexcept { khabar_parser_free(p); }
};
struct ArticleFree {
    void operator()(khabar_article *a) const noexcept { khabar_article_free(a); }
};
struct StringFree {
    void operator()(char *s) const noexcept { khabar_string_free(s); }
};
} // namespace detail

/// A parsed article (move-only). Accessors return the C views, valid while the Article lives.
class Article {
  public:
    explicit Article(khabar_article *raw) : raw_(raw) {}

    /// The JSON document, the same as `khabar parse` prints.
    std::string to_json() const {
        char *json = nullptr;
        detail::check(khabar_article_to_json(raw_.get(), &json));
        std::unique_ptr<char, detail::StringFree> owned(json);
        return std::string(owned.get());
    }

    std::string_view text() const {
        khabar_str s;
        detail::check(khabar_article_text(raw_.get(), &s));
        return view(s);
    }

    khabar_language language() const { return khabar_article_language(raw_.get()); }

    std::optional<khabar_dateline> dateline() const {
        khabar_dateline d;
        khabar_status status = khabar_article_dateline(raw_.get(), &d);
        if (status == KHABAR_STATUS_NOT_FOUND) return std::nullopt;
        detail::check(status);
        return d;
    }

    std::vector<khabar_entity> entities() const {
        return collect<khabar_entity>(khabar_article_entity_count(raw_.get()), khabar_article_entity);
    }
    std::vector<khabar_quote> quotes() const {
        return collect<khabar_quote>(khabar_article_quote_count(raw_.get()), khabar_article_quote);
    }
    std::vector<khabar_resolution> resolutions() const {
        return collect<khabar_resolution>(khabar_article_resolution_count(raw_.get()), khabar_article_resolution);
    }

    /// The C handle, still owned by this object.
    const khabar_article *get() const noexcept { return raw_.get(); }

  private:
    template <typename T>
    std::vector<T> collect(std::size_t n, khabar_status (*get)(const khabar_article *, std::size_t, T *)) const {
        std::vector<T> out(n);
        for (std::size_t i = 0; i < n; i++) detail::check(get(raw_.get(), i, &out[i]));
        return out;
    }
    std::unique_ptr<khabar_article, detail::ArticleFree> raw_;
};

/// A reusable parser (move-only); safe to share between threads for concurrent parse() calls.
class Parser {
  public:
    Parser() {
        khabar_parser *p = nullptr;
        detail::check(khabar_parser_new(&p));
        raw_.reset(p);
    }

    /// With options; start from Parser::default_options().
    explicit Parser(const khabar_parser_options &options) {
        khabar_parser *p = nullptr;
        detail::check(khabar_parser_new_with_options(&options, &p));
        raw_.reset(p);
    }

    static khabar_parser_options default_options() {
        khabar_parser_options o;
        detail::check(khabar_parser_options_default(&o));
        return o;
    }

    /// Parses UTF-8 text; throws Error (for example KHABAR_STATUS_INVALID_UTF8 with its offset).
    Article parse(std::string_view text) const {
        khabar_article *a = nullptr;
        detail::check(khabar_parse(raw_.get(), reinterpret_cast<const std::uint8_t *>(text.data()), text.size(), &a));
        return Article(a);
    }

  private:
    std::unique_ptr<khabar_parser, detail::ParserFree> raw_;
};

} // namespace khabar

#endif // KHABAR_HPP
