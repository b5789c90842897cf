/* Compiles include/khabar.h as C99 and as C++ (the same file, built both ways by tests/c_api.rs). */
#include "khabar.h"

#include <stdio.h>

int main(void) {
    khabar_status status = KHABAR_STATUS_OK;
    khabar_str s = {NULL, 0};
    khabar_span span = {0, 0, 0, 0};
    khabar_parser_options options;
    khabar_entity_kind kind = KHABAR_ENTITY_KIND_PERSON;
    khabar_language language = KHABAR_LANGUAGE_ARABIC;
    (void)khabar_parser_options_default(&options);
    printf("%s %s abi %u/%d status %d (%s) %zu %zu %d %d %zu\n", khabar_version(), KHABAR_VERSION,
           (unsigned)khabar_abi_version(), KHABAR_ABI_VERSION, (int)status, khabar_status_str(status), s.len,
           span.end, (int)kind, (int)language, (size_t)KHABAR_DEFAULT_MAX_INPUT_BYTES);
    return KHABAR_VERSION_MAJOR * 0;
}
