#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) and runs each for
# MINUTES minutes, one after another, on a corpus seeded from tests/data, the
# sample corpus and ../shared (seeds and hostile reproducers).
#
#   tests/fuzz/run.sh MINUTES [TARGET...]     e.g. tests/fuzz/run.sh 5 html_fuzz
#
# Environment: FUZZ_BUILD_DIR (default build-fuzz), CARTO_SHARED_DIR (default ../shared),
# FUZZ_MAX_LEN (default 65536; larger inputs find slow paths, at fewer runs a second).
# The corpus grows in $FUZZ_BUILD_DIR/corpus/<target> across runs; inputs that
# crash, time out (10 s) or use more than 2 GB land in $FUZZ_BUILD_DIR/artifacts/<target>.
set -euo pipefail

minutes="${1:?usage: tests/fuzz/run.sh MINUTES [TARGET...]}"
shift
[[ "$minutes" =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: MINUTES must be a whole number of at least 1" >&2; exit 2; }
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source_dir="$(cd "$here/../.." && pwd)"
build_dir="${FUZZ_BUILD_DIR:-$source_dir/build-fuzz}"
shared="${CARTO_SHARED_DIR:-$source_dir/../shared}"
all=(textdecoder_fuzz markdown_fuzz html_fuzz sentencesplitter_fuzz plaintext_fuzz email_fuzz pdf_fuzz curation_fuzz
     projectfile_fuzz projectlock_fuzz analysiscodec_fuzz)
targets=("$@")
((${#targets[@]})) || targets=("${all[@]}")

command -v clang++ >/dev/null || { echo "run.sh: clang++ not found (packaging/bootstrap.sh deps installs it)" >&2; exit 1; }
CC=clang CXX=clang++ cmake -S "$source_dir" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCARTOGRAPH_FUZZ=ON -DCARTOGRAPH_BUILD_APP=OFF -DCARTOGRAPH_BUILD_TESTS=OFF -DCARTOGRAPH_BUILD_BENCHMARKS=OFF >/dev/null
nice -n 10 cmake --build "$build_dir" --parallel 2 --target "${targets[@]}"

# Seeds: files of the kinds each target reads, up to 64 KB each.
seed() {
    local dir="$1"; shift
    mkdir -p "$dir"
    local f
    for f in "$@"; do
        [[ -f "$f" && $(stat -c %s "$f") -le 65536 ]] && cp -n "$f" "$dir/" 2>/dev/null || true
    done
}
seeds_for() {
    case "$1" in
        textdecoder_fuzz) echo "$source_dir"/tests/data/ingest/* "$shared"/hostile/*.txt "$shared"/hostile/*.md "$shared"/seeds/* ;;
        markdown_fuzz) echo "$source_dir"/tests/data/ingest/*.md "$source_dir"/resources/samples/*.md "$shared"/hostile/*.md "$shared"/seeds/* ;;
        html_fuzz) echo "$source_dir"/tests/data/ingest/*.html "$source_dir"/resources/samples/*.html "$shared"/hostile/*.html ;;
        sentencesplitter_fuzz) echo "$source_dir"/resources/samples/* "$shared"/seeds/* "$source_dir"/tests/data/ingest/*.txt ;;
        plaintext_fuzz) echo "$source_dir"/tests/data/ingest/*.txt "$source_dir"/tests/data/ingest/mail/* "$shared"/hostile/*.txt ;;
        email_fuzz) echo "$source_dir"/tests/data/ingest/mail/* ;;
        pdf_fuzz) echo "$source_dir"/tests/data/ingest/*.pdf "$shared"/hostile/*.pdf ;;
        curation_fuzz) echo "$shared"/hostile/*.yaml "$source_dir"/tests/data/project/*.yaml ;;
        projectfile_fuzz) echo "$source_dir"/tests/data/project/*.yaml "$shared"/hostile/*.cartograph.yaml ;;
        projectlock_fuzz) echo "$source_dir"/tests/data/project/*.lock ;;
        analysiscodec_fuzz) echo "$source_dir"/tests/data/cache/*.blob ;;
    esac
}

status=0
for target in "${targets[@]}"; do
    corpus="$build_dir/corpus/$target"
    artifacts="$build_dir/artifacts/$target"
    # shellcheck disable=SC2046 # the seed lists are globs
    seed "$corpus" $(seeds_for "$target")
    mkdir -p "$artifacts"
    dict=()
    [[ -f "$here/${target%_fuzz}.dict" ]] && dict=(-dict="$here/${target%_fuzz}.dict")
    echo "== $target: $minutes min, corpus $(ls "$corpus" | wc -l) inputs"
    # One job, forked so that a crash is saved and the run goes on; nice'd, the machine is shared.
    (cd "$artifacts" && nice -n 15 "$build_dir/tests/fuzz/$target" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 \
        -ignore_ooms=1 -max_total_time=$((minutes * 60)) -timeout=10 -rss_limit_mb=2048 -max_len="${FUZZ_MAX_LEN:-65536}" \
        -artifact_prefix="$artifacts/" "${dict[@]}" "$corpus" >"$artifacts/log.txt" 2>&1) || true
    found=$(find "$artifacts" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'leak-*' \) | wc -l)
    echo "   $(grep -Eo 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+' "$artifacts/log.txt" | tail -1), artifacts: $found (see $artifacts)"
    ((found == 0)) || status=1
done
exit $status
