/*
 * Parse an article file and print its dateline, statements, resolutions and entities through
 * khabar's typed accessors.
 *
 *   cc -std=c99 -Iinclude examples/c/parse_file.c -Ltarget/release -lkhabar \
 *      -Wl,-rpath,$PWD/target/release -o parse_file
 *   ./parse_file tests/c/data/ar-1.txt
 */
#include "khabar.h"

#include <stdio.h>
#include <stdlib.h>

/* khabar_str is not NUL-terminated: print it with its length. */
static void print_str(khabar_str s) { printf("%.*s", (int)s.len, s.data); }

static void print_mentions(const char *label, khabar_mentions ms) {
    size_t i;
    if (ms.len == 0) return;
    printf("  %s:", label);
    for (i = 0; i < ms.len; i++) {
        printf(" ");
        print_str(ms.data[i].text);
        printf(" [%zu..%zu]", ms.data[i].span.start, ms.data[i].span.end);
    }
    printf("\n");
}

static const char *quote_kind(khabar_quote_kind k) {
    switch (k) {
    case KHABAR_QUOTE_KIND_DIRECT: return "direct";
    case KHABAR_QUOTE_KIND_INDIRECT: return "indirect";
    case KHABAR_QUOTE_KIND_MIXED: return "mixed";
    }
    return "?";
}

static const char *entity_kind(khabar_entity_kind k) {
    switch (k) {
    case KHABAR_ENTITY_KIND_PERSON: return "person";
    case KHABAR_ENTITY_KIND_ORGANIZATION: return "organization";
    case KHABAR_ENTITY_KIND_LOCATION: return "location";
    case KHABAR_ENTITY_KIND_DATE: return "date";
    case KHABAR_ENTITY_KIND_AMOUNT: return "amount";
    }
    return "?";
}

/* Reads a whole file into a malloc'd buffer. */
static char *read_all(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t cap = 0, n = 0, got;
    if (f == NULL) return NULL;
    do {
        if (n == cap) {
            char *grown = realloc(buf, cap = cap ? cap * 2 : 4096);
            if (grown == NULL) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = grown;
        }
        got = fread(buf + n, 1, cap - n, f);
        n += got;
    } while (got > 0);
    fclose(f);
    *len = n;
    return buf;
}

int main(int argc, char **argv) {
    khabar_parser *parser = NULL;
    khabar_article *article = NULL;
    khabar_dateline dateline;
    khabar_status status;
    size_t len = 0, i;
    char *text;
    int rc = 1;

    if (argc != 2) {
        fprintf(stderr, "usage: %s ARTICLE.txt\n", argv[0]);
        return 2;
    }
    text = read_all(argv[1], &len);
    if (text == NULL) {
        perror(argv[1]);
        return 1;
    }
    status = khabar_parser_new(&parser);
    if (status == KHABAR_STATUS_OK) status = khabar_parse(parser, (const uint8_t *)text, len, &article);
    free(text); /* the article keeps its own copy */
    if (status != KHABAR_STATUS_OK) {
        fprintf(stderr, "khabar: %s: %s\n", khabar_status_str(status), khabar_last_error_message());
        if (status == KHABAR_STATUS_INVALID_UTF8) fprintf(stderr, "at byte %zu\n", khabar_last_error_offset());
        goto done;
    }

    printf("khabar %s, language %s\n", khabar_version(),
           khabar_article_language(article) == KHABAR_LANGUAGE_ARABIC    ? "ar"
           : khabar_article_language(article) == KHABAR_LANGUAGE_ENGLISH ? "en"
                                                                         : "other");
    if (khabar_article_dateline(article, &dateline) == KHABAR_STATUS_OK) {
        printf("dateline [%zu..%zu]\n", dateline.span.start, dateline.span.end);
        print_mentions("locations", dateline.locations);
        print_mentions("authors", dateline.authors);
        print_mentions("agencies", dateline.agencies);
        if (dateline.date.data != NULL) {
            printf("  date: ");
            print_str(dateline.date);
            printf("\n");
        }
    } else {
        printf("no dateline\n");
    }

    printf("statements: %zu\n", khabar_article_quote_count(article));
    for (i = 0; i < khabar_article_quote_count(article); i++) {
        khabar_quote q;
        if (khabar_article_quote(article, i, &q) != KHABAR_STATUS_OK) goto done;
        printf("  %zu. %s", i + 1, quote_kind(q.kind));
        if (q.has_speaker) {
            printf(", speaker ");
            print_str(q.speaker.text);
        }
        if (q.has_cue) {
            printf(", cue ");
            print_str(q.cue.text);
        }
        printf(": ");
        print_str(q.content.text);
        printf("\n");
    }

    printf("resolutions: %zu\n", khabar_article_resolution_count(article));
    for (i = 0; i < khabar_article_resolution_count(article); i++) {
        khabar_resolution r;
        if (khabar_article_resolution(article, i, &r) != KHABAR_STATUS_OK) goto done;
        printf("  ");
        print_str(r.symbol);
        printf(" (%zu mention%s)\n", r.mentions.len, r.mentions.len == 1 ? "" : "s");
    }

    printf("entities: %zu\n", khabar_article_entity_count(article));
    for (i = 0; i < khabar_article_entity_count(article); i++) {
        khabar_entity e;
        if (khabar_article_entity(article, i, &e) != KHABAR_STATUS_OK) goto done;
        printf("  %s: ", entity_kind(e.kind));
        print_str(e.name);
        printf(" (%zu)\n", e.mentions.len);
    }
    rc = 0;

done:
    khabar_article_free(article);
    khabar_parser_free(parser);
    return rc;
}
