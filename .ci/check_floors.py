#!/usr/bin/env python3
"""Fails when a dev-set figure from score.py --json drops below its floor in .ci/floors.json.

Floors only rise: when a figure improves, raise its floor in the same commit.
"""
import json
import sys

figures = json.load(open(sys.argv[1], encoding="utf-8"))
floors = json.load(open(sys.argv[2], encoding="utf-8"))
failed = []
for key, floor in floors.items():
    if key.startswith("_"):
        continue
    f = figures.get(key) or {}
    value = f.get("f1", f.get("accuracy"))
    status = "ok"
    if value is None or value + 1e-9 < floor:
        status = "BELOW FLOOR"
        failed.append(key)
    print(f"{key:<24} {value if value is not None else '-':>7} floor {floor:<6} {status}")
if figures.get("failures"):
    print("parser failures:", figures["failures"])
    failed.append("failures")
sys.exit(1 if failed else 0)
