/* Prints the JSON document of each file given, one per line, through the C API (for the parity
 * test, tests/ffi_parity.rs). Exits 1 on the first failure. */
#include "khabar.h"

#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    khabar_parser *parser = NULL;
    int i, rc = 0;
    if (khabar_parser_new(&parser) != KHABAR_STATUS_OK) return 1;
    for (i = 1; i < argc && rc == 0; i++) {
        FILE *f = fopen(argv[i], "rb");
        char *buf;
        long n;
        khabar_article *article = NULL;
        char *json = NULL;
        if (f == NULL) {
            rc = 1;
            break;
        }
        fseek(f, 0, SEEK_END);
        n = ftell(f);
        fseek(f, 0, SEEK_SET);
        buf = malloc((size_t)n + 1);
        if (buf == NULL || fread(buf, 1, (size_t)n, f) != (size_t)n) rc = 1;
        fclose(f);
        if (rc == 0 && khabar_parse(parser, (const uint8_t *)buf, (size_t)n, &article) != KHABAR_STATUS_OK) rc = 1;
        if (rc == 0 && khabar_article_to_json(article, &json) != KHABAR_STATUS_OK) rc = 1;
        if (rc == 0) puts(json);
        khabar_string_free(json);
        khabar_article_free(article);
        free(buf);
    }
    khabar_parser_free(parser);
    return rc;
}
