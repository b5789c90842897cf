#!/usr/bin/env python3
"""Fails when a tracked file shares a run of N words (default 8) with the evaluation articles.

The project never copies evaluation text: fixtures, examples, comments and lexicons are our own
writing. Official names of organisations (lexicon rows, .tsv) are facts, not copied text, and are
not checked, and in our own annotated sets (tests/eval/*.jsonl) a run must reach N + 2 words,
since official UN mission names alone run to nine words. Usage: check_no_eval_text.py EVAL.jsonl [N]
"""
import json
import re
import subprocess
import sys
import unicodedata

corpus = sys.argv[1]
N = int(sys.argv[2]) if len(sys.argv) > 2 else 8


def words(s):
    s = unicodedata.normalize("NFKC", s)
    s = re.sub("[\u0610-\u061a\u064b-\u065f\u0670\u0640]", "", s)
    s = s.translate(str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه"})).lower()
    return re.findall(r"\w+", s)


texts = [json.loads(line) for line in open(corpus, encoding="utf-8") if line.strip()]


def grams_of(n):
    out = {}
    for d in texts:
        w = words(d["text"])
        for i in range(len(w) - n + 1):
            out.setdefault(tuple(w[i:i + n]), d["id"])
    return out


GRAMS = {N: grams_of(N), N + 2: grams_of(N + 2)}

files = subprocess.run(["git", "ls-files"], capture_output=True, text=True, check=True).stdout.split()
found = 0
for f in files:
    if f.endswith(".tsv"):
        continue
    try:
        text = open(f, encoding="utf-8").read()
    except (UnicodeDecodeError, OSError):
        continue
    n = N + 2 if f.startswith("tests/eval/") and f.endswith(".jsonl") else N
    grams = GRAMS[n]
    w = words(text)
    for i in range(len(w) - n + 1):
        g = tuple(w[i:i + n])
        if g in grams:
            print(f"{f}: shares {n} words with {grams[g]}: {' '.join(g)}")
            found += 1
            break
print(f"checked {len(files)} files for {N}-word runs of evaluation text: {found} found")
sys.exit(1 if found else 0)
