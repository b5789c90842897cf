#!/usr/bin/env bash
# Builds the C test program against the debug cdylib and runs it under valgrind (memcheck).
# Exits non-zero on any memory error or leak (definite or possible), or on a failing C test.
#
#   bash tests/c/valgrind.sh            # from the repository root (or anywhere)
#
# Needs cc and valgrind (Debian: apt-get install -y valgrind).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

if ! command -v valgrind >/dev/null 2>&1; then
    echo "valgrind.sh: valgrind is not installed (apt-get install -y valgrind)" >&2
    exit 1
fi

cargo build --lib --quiet
lib_dir="$root/target/debug"
out_dir="$root/target/tmp/valgrind"
mkdir -p "$out_dir"

"${CC:-cc}" -std=c99 -g -O0 -Wall -Wextra -Wpedantic -Werror -I include tests/c/test_ffi.c \
    "$lib_dir/libkhabar.so" "-Wl,-rpath,$lib_dir" -pthread -o "$out_dir/test_ffi"

# tests/c/valgrind.supp covers only the process-wide tables built once in a LazyLock (see there).
valgrind --quiet --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,possible \
    --show-leak-kinds=definite,possible --num-callers=50 --suppressions=tests/c/valgrind.supp \
    "$out_dir/test_ffi" tests/c/data
echo "valgrind: no errors, no leaks"
