#!/usr/bin/env python3
"""Builds a map of each dev-gold address with cartograph-cli and scores it with
the dev gold's own scorer (../shared/devgold/score.py); fails when any address
falls below the floors given on the command line.

Usage: devgold_check.py CLI SHARED_DIR WORK_DIR --t1 F --t1-top F --precision F --types F
"""
import argparse
import json
import os
import shutil
import subprocess
import sys

ADDRESSES = ["1823-monroe", "1905-roosevelt", "1947-truman", "1987-reagan", "2010-obama"]


def ratio(pair):
    found, total = pair
    return found / total if total else 0.0


def main():
    p = argparse.ArgumentParser()
    p.add_argument("cli")
    p.add_argument("shared")
    p.add_argument("work")
    p.add_argument("--t1", type=float, required=True)
    p.add_argument("--t1-top", type=float, required=True)
    p.add_argument("--precision", type=float, required=True)
    p.add_argument("--types", type=float, required=True)
    p.add_argument("--top", type=int, default=30)
    a = p.parse_args()
    gold = os.path.join(a.shared, "devgold")
    failures = []
    print("%-16s %8s %8s %8s %8s" % ("address", "t1", "t1@%d" % a.top, "P@%d" % a.top, "types"))
    for name in ADDRESSES:
        folder = os.path.join(a.work, name)
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder)
        shutil.copy(os.path.join(a.shared, "corpora", "sotu", name + ".txt"), folder)
        graph = os.path.join(a.work, name + ".json")
        subprocess.run([a.cli, "build", folder, "--json", graph, "--no-layout"] + (["--quiet"] if os.environ.get("DEVGOLD_QUIET", "1") == "1" else []), check=True,
                       stdout=subprocess.DEVNULL)
        out = subprocess.run([sys.executable, os.path.join(gold, "score.py"), graph,
                              os.path.join(gold, "sotu-%s.gold.yaml" % name), "--top", str(a.top), "--json"],
                             check=True, capture_output=True, text=True).stdout
        s = json.loads(out)
        row = {"t1": ratio(s["tier1_recall"]), "t1_top": ratio(s["tier1_recall_top"]),
               "precision": ratio(s["precision_at_top"]), "types": ratio(s["type_accuracy"])}
        print("%-16s %8.2f %8.2f %8.2f %8.2f" % (name, row["t1"], row["t1_top"], row["precision"], row["types"]))
        for key, floor in (("t1", a.t1), ("t1_top", a.t1_top), ("precision", a.precision), ("types", a.types)):
            if row[key] + 1e-9 < floor:
                failures.append("%s: %s %.2f below %.2f" % (name, key, row[key], floor))
    for f in failures:
        print("FAIL", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
