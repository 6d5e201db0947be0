#!/usr/bin/env bash
# Builds the `bench` target and prints the figures of every benchmark.
#
#   BUILD_DIR=build-foo tests/benchmarks/run.sh [section...]
#
# BUILD_DIR defaults to ./build (configured as RelWithDebInfo if missing).
# With no arguments every section runs; otherwise only the named ones
# (e.g. `run.sh layout`). To add a benchmark, write a section_<name>
# function below and add <name> to SECTIONS.
set -euo pipefail

SOURCE_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BUILD_DIR="${BUILD_DIR:-build}"
BENCH_DIR="$BUILD_DIR/tests/benchmarks"

if [[ ! -f "$BUILD_DIR/CMakeCache.txt" ]]; then
    cmake -S "$SOURCE_DIR" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
cmake --build "$BUILD_DIR" --target bench -- -j"${JOBS:-2}"

run() { # run <executable> [args...]: print a header and the executable's output
    local exe="$BENCH_DIR/$1"
    shift
    echo "== $(basename "$exe") $*"
    if [[ -x "$exe" ]]; then
        "$exe" "$@"
    else
        echo "(not built: $exe)"
    fi
    echo
}

# ForceLayout on Holme-Kim graphs at 1k/5k/20k nodes: time and normalised
# stress. LAYOUT_BENCH_ARGS adds flags, e.g. "--sfdp" to compare with Graphviz.
section_layout() { run layout_bench ${LAYOUT_BENCH_ARGS:-}; }

# computeMetrics on synthetic graphs.
section_graph() { run graph_bench; }

SECTIONS=(layout graph)

if [[ $# -gt 0 ]]; then
    SECTIONS=("$@")
fi
for section in "${SECTIONS[@]}"; do
    "section_$section"
done
