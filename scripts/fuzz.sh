#!/usr/bin/env bash
# Runs the libFuzzer targets of fuzz/ (README, "Fuzzing"), each for SECONDS, starting from its
# seeds (fuzz/corpus/TARGET, and the e-mail corpus of tests/mail for the MIME parser) and the
# inputs earlier runs found (BUILD_DIR/corpus/TARGET, kept between runs, never in the
# repository). A crash, sanitizer report, leak or input slower than 10 s fails the target and
# leaves the input in BUILD_DIR/artifacts/TARGET/; reproduce with `BUILD_DIR/TARGET FILE`.
# Usage: fuzz.sh BUILD_DIR SECONDS [TARGET...]   (no TARGET: every *_fuzz in BUILD_DIR)
set -uo pipefail
cd "$(dirname "$0")/.."
build=$1
seconds=$2
shift 2
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for f in "$build"/*_fuzz; do [ -x "$f" ] && targets+=("$(basename "$f")"); done
fi

passed=0
failed=0
for t in "${targets[@]}"; do
  seeds=()
  [ -d "fuzz/corpus/$t" ] && seeds+=("fuzz/corpus/$t")
  [ "$t" = mime_fuzz ] && seeds+=(tests/mail/corpus)
  mkdir -p "$build/corpus/$t" "$build/artifacts/$t"
  log="$build/artifacts/$t/last-run.log"
  "$build/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -print_final_stats=1 -artifact_prefix="$build/artifacts/$t/" \
    "$build/corpus/$t" "${seeds[@]}" >"$log" 2>&1
  status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  inputs=$(find "$build/corpus/$t" -type f | wc -l)
  if [ $status -eq 0 ]; then
    passed=$((passed + 1))
    echo "$t: ok, ${runs:-?} execuções em ${seconds} s (${rate:-?}/s), corpus de $inputs entradas"
  else
    failed=$((failed + 1))
    echo "$t: FALHOU (código $status) após ${runs:-?} execuções; entrada em $build/artifacts/$t/"
    grep -E "^==[0-9]+==ERROR|runtime error|SUMMARY|Test unit written|deadly signal" "$log" | head -20
    tail -40 "$log"
  fi
done
echo "fuzz: $passed passed, $failed failed"
[ $failed -eq 0 ]
