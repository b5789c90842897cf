/*
 * C test of khabar's C API, written like a strict user: one function per behaviour, main tallies.
 * Usage: test_ffi DATA_DIR   (DATA_DIR holds the fixture articles, tests/c/data)
 * Prints "N passed, N failed" and exits non-zero on any failure.
 */
#include "khabar.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *data_dir = "tests/c/data";
static const char *fixtures[] = {"ar-1.txt", "ar-2.txt", "en-1.txt", "en-2.txt"};
#define N_FIXTURES (sizeof fixtures / sizeof fixtures[0])

#define CHECK(cond)                                                                  \
    do {                                                                             \
        if (!(cond)) {                                                               \
            fprintf(stderr, "  %s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
            return false;                                                            \
        }                                                                            \
    } while (0)

/* Reads a whole file; the caller frees the buffer. */
static char *read_file(const char *name, size_t *len) {
    char path[1024];
    FILE *f;
    char *buf;
    long n;
    snprintf(path, sizeof path, "%s/%s", data_dir, name);
    f = fopen(path, "rb");
    if (f == NULL) {
        fprintf(stderr, "cannot open %s\n", path);
        return NULL;
    }
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    fseek(f, 0, SEEK_SET);
    buf = malloc((size_t)n + 1);
    if (buf != NULL && fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    if (buf != NULL) {
        buf[n] = '\0';
        *len = (size_t)n;
    }
    return buf;
}

/* Parses text with parser and returns its JSON (caller frees with khabar_string_free), or NULL. */
static char *json_of(const khabar_parser *parser, const char *text, size_t len) {
    khabar_article *article = NULL;
    char *json = NULL;
    if (khabar_parse(parser, (const uint8_t *)text, len, &article) != KHABAR_STATUS_OK) return NULL;
    if (khabar_article_to_json(article, &json) != KHABAR_STATUS_OK) json = NULL;
    khabar_article_free(article);
    return json;
}

static bool test_version(void) {
    CHECK(strcmp(khabar_version(), KHABAR_VERSION) == 0);
    CHECK(khabar_abi_version() == KHABAR_ABI_VERSION);
    return true;
}

static bool test_status_str(void) {
    khabar_status all[] = {KHABAR_STATUS_OK,          KHABAR_STATUS_NULL_ARGUMENT,   KHABAR_STATUS_INVALID_UTF8,
                           KHABAR_STATUS_INPUT_TOO_LARGE, KHABAR_STATUS_OUT_OF_RANGE, KHABAR_STATUS_NOT_FOUND,
                           KHABAR_STATUS_INVALID_ARGUMENT, KHABAR_STATUS_PANIC};
    size_t i;
    CHECK(KHABAR_STATUS_OK == 0);
    for (i = 0; i < sizeof all / sizeof all[0]; i++) {
        const char *s = khabar_status_str(all[i]);
        CHECK(s != NULL && s[0] != '\0');
    }
    CHECK(strcmp(khabar_status_str(KHABAR_STATUS_OK), "ok") == 0);
    return true;
}

static bool test_null_arguments(void) {
    khabar_parser *parser = NULL;
    khabar_article *article = NULL;
    khabar_parser_options options;
    khabar_entity entity;
    khabar_quote quote;
    khabar_resolution resolution;
    khabar_dateline dateline;
    khabar_span span;
    khabar_str str;
    char *json = NULL;
    const char *msg;

    CHECK(khabar_parser_new(NULL) == KHABAR_STATUS_NULL_ARGUMENT);
    CHECK(khabar_last_error_status() == KHABAR_STATUS_NULL_ARGUMENT);
    msg = khabar_last_error_message();
    CHECK(msg != NULL && strstr(msg, "parser_out") != NULL);
    CHECK(khabar_last_error_offset() == KHABAR_NO_OFFSET);
    CHECK(khabar_parser_options_default(NULL) == KHABAR_STATUS_NULL_ARGUMENT);
    CHECK(khabar_parser_new_with_options(NULL, &parser) == KHABAR_STATUS_NULL_ARGUMENT && parser == NULL);
    CHECK(khabar_parser_options_default(&options) == KHABAR_STATUS_OK);
    CHECK(khabar_parser_new_with_options(&options, NULL) == KHABAR_STATUS_NULL_ARGUMENT);

    CHECK(khabar_parser_new(&parser) == KHABAR_STATUS_OK && parser != NULL);
    CHECK(khabar_parse(NULL, (const uint8_t *)"x", 1, &article) == KHABAR_STATUS_NULL_ARGUMENT);
    CHECK(khabar_parse(parser, NULL, 0, &article) == KHABAR_STATUS_NULL_ARGUMENT);
    CHECK(strstr(khabar_last_error_message(), "text") != NULL);
    CHECK(khabar_parse(parser, (const uint8_t *)"x", 1, NULL) == KHABAR_STATUS_NULL_ARGUMENT);
    CHECK(article == NULL);
    CHECK(khabar_parser_max_input_bytes(NULL) == 0);

    CHECK(khabar_article_to_json(NULL, &json) == KHABAR_STATUS_NULL_ARGUMENT && json == NULL);
    CHECK(khabar_article_entity_count(NULL) == 0);
    CHECK(khabar_article_quote_count(NULL) == 0);
    CHECK(khabar_article_resolution_count(NULL) == 0);
    CHECK(khabar_article_sentence_count(NULL) == 0);
    CHECK(khabar_article_paragraph_count(NULL) == 0);
    CHECK(khabar_article_boilerplate_count(NULL) == 0);
    CHECK(khabar_article_language(NULL) == KHABAR_LANGUAGE_OTHER);
    CHECK(khabar_article_entity(NULL, 0, &entity) == KHABAR_STATUS_NULL_ARGUMENT);
    CHECK(khabar_article_quote(NULL, 0, &quote) == KHABAR_STATUS_NULL_ARGUMENT);
    CHECK(khabar_article_resolution(NULL, 0, &resolution) == KHABAR_STATUS_NULL_ARGUMENT);
    CHECK(khabar_article_dateline(NULL, &dateline) == KHABAR_STATUS_NULL_ARGUMENT);
    CHECK(khabar_article_sentence(NULL, 0, &span) == KHABAR_STATUS_NULL_ARGUMENT);
    CHECK(khabar_article_body(NULL, &span) == KHABAR_STATUS_NULL_ARGUMENT);
    CHECK(khabar_article_text(NULL, &str) == KHABAR_STATUS_NULL_ARGUMENT);

    CHECK(khabar_parse(parser, (const uint8_t *)"Hello.", 6, &article) == KHABAR_STATUS_OK);
    CHECK(khabar_article_to_json(article, NULL) == KHABAR_STATUS_NULL_ARGUMENT);
    CHECK(khabar_article_entity(article, 0, NULL) == KHABAR_STATUS_NULL_ARGUMENT);
    CHECK(khabar_article_quote(article, 0, NULL) == KHABAR_STATUS_NULL_ARGUMENT);
    CHECK(khabar_article_resolution(article, 0, NULL) == KHABAR_STATUS_NULL_ARGUMENT);
    CHECK(khabar_article_dateline(article, NULL) == KHABAR_STATUS_NULL_ARGUMENT);
    CHECK(khabar_article_paragraph(article, 0, NULL) == KHABAR_STATUS_NULL_ARGUMENT);
    CHECK(khabar_article_boilerplate(article, 0, NULL) == KHABAR_STATUS_NULL_ARGUMENT);
    CHECK(khabar_article_body(article, NULL) == KHABAR_STATUS_NULL_ARGUMENT);
    CHECK(khabar_article_text(article, NULL) == KHABAR_STATUS_NULL_ARGUMENT);
    khabar_article_free(article);
    khabar_parser_free(parser);
    return true;
}

static bool test_invalid_utf8(void) {
    khabar_parser *parser = NULL;
    khabar_article *sentinel = (khabar_article *)&parser; /* any non-NULL value: must stay untouched */
    khabar_article *article = sentinel;
    const char bad[] = "abc\xff\xfe def";
    const char truncated[] = "\xd8\xa7\xd9"; /* "ا" then the first byte of a 2-byte sequence */
    const char *msg;

    CHECK(khabar_parser_new(&parser) == KHABAR_STATUS_OK);
    CHECK(khabar_parse(parser, (const uint8_t *)bad, sizeof bad - 1, &article) == KHABAR_STATUS_INVALID_UTF8);
    CHECK(article == sentinel);
    CHECK(khabar_last_error_status() == KHABAR_STATUS_INVALID_UTF8);
    CHECK(khabar_last_error_offset() == 3);
    msg = khabar_last_error_message();
    CHECK(msg != NULL && strstr(msg, "offset 3") != NULL);
    CHECK(khabar_parse(parser, (const uint8_t *)truncated, sizeof truncated - 1, &article) ==
          KHABAR_STATUS_INVALID_UTF8);
    CHECK(khabar_last_error_offset() == 2);
    CHECK(article == sentinel);
    /* A success leaves the record alone (errno-style). */
    article = NULL;
    CHECK(khabar_parse(parser, (const uint8_t *)"ok", 2, &article) == KHABAR_STATUS_OK);
    CHECK(khabar_last_error_status() == KHABAR_STATUS_INVALID_UTF8);
    khabar_article_free(article);
    khabar_parser_free(parser);
    return true;
}

static bool test_oversized_input(void) {
    khabar_parser_options options;
    khabar_parser *small = NULL, *dflt = NULL;
    khabar_article *article = NULL;
    const char text[] = "0123456789abcdefg"; /* 17 bytes */

    CHECK(khabar_parser_options_default(&options) == KHABAR_STATUS_OK);
    CHECK(options.max_input_bytes == KHABAR_DEFAULT_MAX_INPUT_BYTES);
    options.max_input_bytes = 0;
    CHECK(khabar_parser_new_with_options(&options, &small) == KHABAR_STATUS_INVALID_ARGUMENT && small == NULL);
    options.max_input_bytes = 16;
    CHECK(khabar_parser_new_with_options(&options, &small) == KHABAR_STATUS_OK);
    CHECK(khabar_parser_max_input_bytes(small) == 16);
    CHECK(khabar_parse(small, (const uint8_t *)text, 17, &article) == KHABAR_STATUS_INPUT_TOO_LARGE);
    CHECK(article == NULL);
    CHECK(strstr(khabar_last_error_message(), "17 bytes") != NULL);
    CHECK(khabar_parse(small, (const uint8_t *)text, 16, &article) == KHABAR_STATUS_OK);
    khabar_article_free(article);
    article = NULL;
    /* The size is checked before the buffer is read: a huge len is safe to reject. */
    CHECK(khabar_parser_new(&dflt) == KHABAR_STATUS_OK);
    CHECK(khabar_parse(dflt, (const uint8_t *)text, SIZE_MAX, &article) == KHABAR_STATUS_INPUT_TOO_LARGE);
    CHECK(khabar_parse(dflt, (const uint8_t *)text, KHABAR_DEFAULT_MAX_INPUT_BYTES + 1, &article) ==
          KHABAR_STATUS_INPUT_TOO_LARGE);
    CHECK(article == NULL);
    khabar_parser_free(dflt);
    dflt = NULL;
    /* Even with no limit, a length no buffer can have is refused without reading. */
    options.max_input_bytes = SIZE_MAX;
    CHECK(khabar_parser_new_with_options(&options, &dflt) == KHABAR_STATUS_OK);
    CHECK(khabar_parse(dflt, (const uint8_t *)text, SIZE_MAX, &article) == KHABAR_STATUS_INPUT_TOO_LARGE);
    CHECK(article == NULL);
    khabar_parser_free(small);
    khabar_parser_free(dflt);
    return true;
}

static bool test_out_of_range(void) {
    khabar_parser *parser = NULL;
    khabar_article *article = NULL;
    khabar_entity entity, e0;
    khabar_quote quote, q0;
    khabar_resolution resolution, r0;
    khabar_span span, s0;
    size_t n;
    char *text;
    size_t len;

    text = read_file("en-1.txt", &len);
    CHECK(text != NULL);
    CHECK(khabar_parser_new(&parser) == KHABAR_STATUS_OK);
    CHECK(khabar_parse(parser, (const uint8_t *)text, len, &article) == KHABAR_STATUS_OK);
    free(text);

    memset(&entity, 0xAB, sizeof entity);
    memcpy(&e0, &entity, sizeof entity);
    n = khabar_article_entity_count(article);
    CHECK(khabar_article_entity(article, n, &entity) == KHABAR_STATUS_OUT_OF_RANGE);
    CHECK(khabar_article_entity(article, SIZE_MAX, &entity) == KHABAR_STATUS_OUT_OF_RANGE);
    CHECK(memcmp(&entity, &e0, sizeof entity) == 0);
    CHECK(strstr(khabar_last_error_message(), "out of range") != NULL);

    memset(&quote, 0xCD, sizeof quote);
    memcpy(&q0, &quote, sizeof quote);
    n = khabar_article_quote_count(article);
    CHECK(khabar_article_quote(article, n, &quote) == KHABAR_STATUS_OUT_OF_RANGE);
    CHECK(memcmp(&quote, &q0, sizeof quote) == 0);

    memset(&resolution, 0xEF, sizeof resolution);
    memcpy(&r0, &resolution, sizeof resolution);
    n = khabar_article_resolution_count(article);
    CHECK(khabar_article_resolution(article, n, &resolution) == KHABAR_STATUS_OUT_OF_RANGE);
    CHECK(memcmp(&resolution, &r0, sizeof resolution) == 0);

    memset(&span, 0x11, sizeof span);
    memcpy(&s0, &span, sizeof span);
    CHECK(khabar_article_sentence(article, khabar_article_sentence_count(article), &span) ==
          KHABAR_STATUS_OUT_OF_RANGE);
    CHECK(khabar_article_paragraph(article, khabar_article_paragraph_count(article), &span) ==
          KHABAR_STATUS_OUT_OF_RANGE);
    CHECK(khabar_article_boilerplate(article, khabar_article_boilerplate_count(article), &span) ==
          KHABAR_STATUS_OUT_OF_RANGE);
    CHECK(memcmp(&span, &s0, sizeof span) == 0);

    khabar_article_free(article);
    khabar_parser_free(parser);
    return true;
}

static bool test_free_null(void) {
    khabar_parser_free(NULL);
    khabar_article_free(NULL);
    khabar_string_free(NULL);
    return true;
}

/* A span lies inside the text, on character boundaries, with char offsets that count code points. */
static bool span_ok(khabar_str text, khabar_span s) {
    size_t i, chars = 0;
    const unsigned char *t = (const unsigned char *)text.data;
    if (!(s.start <= s.end && s.end <= text.len && s.char_start <= s.char_end)) return false;
    for (i = 0; i < s.start; i++) chars += (t[i] & 0xC0) != 0x80;
    if (chars != s.char_start) return false;
    for (; i < s.end; i++) chars += (t[i] & 0xC0) != 0x80;
    if (chars != s.char_end) return false;
    return (s.start == text.len || (t[s.start] & 0xC0) != 0x80) && (s.end == text.len || (t[s.end] & 0xC0) != 0x80);
}

static bool str_ok(khabar_str s) { return s.data != NULL || s.len == 0; }

static bool mentions_ok(khabar_str text, khabar_mentions ms) {
    size_t i;
    if (ms.len > 0 && ms.data == NULL) return false;
    for (i = 0; i < ms.len; i++)
        if (!str_ok(ms.data[i].text) || ms.data[i].text.data == NULL || !span_ok(text, ms.data[i].span)) return false;
    return true;
}

static bool test_typed_accessors_on_fixtures(void) {
    khabar_parser *parser = NULL;
    size_t f, i;
    CHECK(khabar_parser_new(&parser) == KHABAR_STATUS_OK);
    for (f = 0; f < N_FIXTURES; f++) {
        khabar_article *article = NULL;
        khabar_str text;
        khabar_span span;
        khabar_dateline d;
        khabar_status st;
        char *json = NULL;
        size_t len;
        char *buf = read_file(fixtures[f], &len);
        CHECK(buf != NULL);
        CHECK(khabar_parse(parser, (const uint8_t *)buf, len, &article) == KHABAR_STATUS_OK);
        CHECK(khabar_article_text(article, &text) == KHABAR_STATUS_OK);
        CHECK(text.len == len && memcmp(text.data, buf, len) == 0 && text.data != buf); /* a copy */
        free(buf);
        CHECK(khabar_article_language(article) ==
              (fixtures[f][0] == 'a' ? KHABAR_LANGUAGE_ARABIC : KHABAR_LANGUAGE_ENGLISH));
        CHECK(khabar_article_body(article, &span) == KHABAR_STATUS_OK && span_ok(text, span));
        CHECK(khabar_article_sentence_count(article) > 0);
        for (i = 0; i < khabar_article_sentence_count(article); i++)
            CHECK(khabar_article_sentence(article, i, &span) == KHABAR_STATUS_OK && span_ok(text, span));
        for (i = 0; i < khabar_article_paragraph_count(article); i++)
            CHECK(khabar_article_paragraph(article, i, &span) == KHABAR_STATUS_OK && span_ok(text, span));
        for (i = 0; i < khabar_article_boilerplate_count(article); i++)
            CHECK(khabar_article_boilerplate(article, i, &span) == KHABAR_STATUS_OK && span_ok(text, span));
        st = khabar_article_dateline(article, &d);
        CHECK(st == KHABAR_STATUS_OK || st == KHABAR_STATUS_NOT_FOUND);
        if (st == KHABAR_STATUS_OK) {
            CHECK(span_ok(text, d.span) && str_ok(d.date));
            CHECK(mentions_ok(text, d.locations) && mentions_ok(text, d.authors) && mentions_ok(text, d.agencies));
        }
        for (i = 0; i < khabar_article_entity_count(article); i++) {
            khabar_entity e;
            CHECK(khabar_article_entity(article, i, &e) == KHABAR_STATUS_OK);
            CHECK(e.name.data != NULL && e.mentions.len > 0 && mentions_ok(text, e.mentions) && str_ok(e.code));
            CHECK(!e.has_date || e.date.value.data != NULL);
        }
        for (i = 0; i < khabar_article_quote_count(article); i++) {
            khabar_quote q;
            CHECK(khabar_article_quote(article, i, &q) == KHABAR_STATUS_OK);
            CHECK(q.content.text.data != NULL && span_ok(text, q.content.span));
            CHECK(!q.has_speaker || span_ok(text, q.speaker.span));
            CHECK(!q.has_speaker || !q.speaker.has_entity || q.speaker.entity < khabar_article_entity_count(article));
            CHECK(!q.has_cue || (span_ok(text, q.cue.span) && q.cue.lemma.data != NULL));
            CHECK(q.has_setting == (q.setting.text.data != NULL));
        }
        for (i = 0; i < khabar_article_resolution_count(article); i++) {
            khabar_resolution r;
            CHECK(khabar_article_resolution(article, i, &r) == KHABAR_STATUS_OK);
            CHECK(r.symbol.data != NULL && r.mentions.len > 0 && mentions_ok(text, r.mentions));
        }
        CHECK(khabar_article_to_json(article, &json) == KHABAR_STATUS_OK);
        CHECK(json != NULL && json[0] == '{' && strstr(json, "\"schema\":\"khabar/1\"") != NULL);
        khabar_string_free(json);
        khabar_article_free(article);
    }
    khabar_parser_free(parser);
    return true;
}

static bool test_empty_and_nul_input(void) {
    khabar_parser *parser = NULL;
    khabar_article *article = NULL;
    khabar_str text;
    const char with_nul[] = "A\0B";
    CHECK(khabar_parser_new(&parser) == KHABAR_STATUS_OK);
    CHECK(khabar_parse(parser, (const uint8_t *)"", 0, &article) == KHABAR_STATUS_OK);
    CHECK(khabar_article_entity_count(article) == 0);
    khabar_article_free(article);
    article = NULL;
    CHECK(khabar_parse(parser, (const uint8_t *)with_nul, 3, &article) == KHABAR_STATUS_OK);
    CHECK(khabar_article_text(article, &text) == KHABAR_STATUS_OK && text.len == 3);
    khabar_article_free(article);
    khabar_parser_free(parser);
    return true;
}

/* ---- concurrent parses with one shared parser ---- */

#define N_THREADS 6
#define ROUNDS 5

struct job {
    const khabar_parser *parser;
    const char *texts[N_FIXTURES];
    size_t lens[N_FIXTURES];
    const char *expected[N_FIXTURES];
    size_t offset;
    int failures;
};

static void *worker(void *arg) {
    struct job *job = arg;
    size_t r, k;
    /* A fresh thread has no recorded failure. */
    if (khabar_last_error_status() != KHABAR_STATUS_OK) job->failures++;
    for (r = 0; r < ROUNDS; r++) {
        for (k = 0; k < N_FIXTURES; k++) {
            size_t f = (k + job->offset) % N_FIXTURES;
            char *json = json_of(job->parser, job->texts[f], job->lens[f]);
            if (json == NULL || strcmp(json, job->expected[f]) != 0) job->failures++;
            khabar_string_free(json);
        }
        /* Failures on this thread are recorded for this thread only. */
        if (khabar_parse(job->parser, (const uint8_t *)"\xff", 1, NULL) != KHABAR_STATUS_NULL_ARGUMENT) job->failures++;
        if (khabar_last_error_status() != KHABAR_STATUS_NULL_ARGUMENT) job->failures++;
    }
    return NULL;
}

static bool test_concurrent_parses(void) {
    khabar_parser *parser = NULL;
    struct job jobs[N_THREADS];
    pthread_t threads[N_THREADS];
    char *texts[N_FIXTURES];
    char *expected[N_FIXTURES];
    size_t lens[N_FIXTURES];
    size_t f, t;
    int failures = 0;

    CHECK(khabar_parser_new(&parser) == KHABAR_STATUS_OK);
    for (f = 0; f < N_FIXTURES; f++) {
        texts[f] = read_file(fixtures[f], &lens[f]);
        CHECK(texts[f] != NULL);
        expected[f] = json_of(parser, texts[f], lens[f]);
        CHECK(expected[f] != NULL);
    }
    for (t = 0; t < N_THREADS; t++) {
        jobs[t].parser = parser;
        for (f = 0; f < N_FIXTURES; f++) {
            jobs[t].texts[f] = texts[f];
            jobs[t].lens[f] = lens[f];
            jobs[t].expected[f] = expected[f];
        }
        jobs[t].offset = t;
        jobs[t].failures = 0;
        CHECK(pthread_create(&threads[t], NULL, worker, &jobs[t]) == 0);
    }
    for (t = 0; t < N_THREADS; t++) {
        pthread_join(threads[t], NULL);
        failures += jobs[t].failures;
    }
    for (f = 0; f < N_FIXTURES; f++) {
        free(texts[f]);
        khabar_string_free(expected[f]);
    }
    khabar_parser_free(parser);
    CHECK(failures == 0);
    return true;
}

int main(int argc, char **argv) {
    struct {
        const char *name;
        bool (*fn)(void);
    } tests[] = {
        {"version", test_version},
        {"status_str", test_status_str},
        {"null_arguments", test_null_arguments},
        {"invalid_utf8", test_invalid_utf8},
        {"oversized_input", test_oversized_input},
        {"out_of_range", test_out_of_range},
        {"free_null", test_free_null},
        {"typed_accessors_on_fixtures", test_typed_accessors_on_fixtures},
        {"empty_and_nul_input", test_empty_and_nul_input},
        {"concurrent_parses", test_concurrent_parses},
    };
    size_t i, n = sizeof tests / sizeof tests[0];
    int passed = 0, failed = 0;
    if (argc > 1) data_dir = argv[1];
    for (i = 0; i < n; i++) {
        bool ok = tests[i].fn();
        printf("test %s ... %s\n", tests[i].name, ok ? "ok" : "FAILED");
        if (ok)
            passed++;
        else
            failed++;
    }
    printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
