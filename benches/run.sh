#!/usr/bin/env bash
# The speed benchmark: vanban against the peers (docxtemplater, docxtpl) on the same template
# and the same records, in one run, and against the zip floor (benches/floor.rs).
#
#   benches/run.sh [N_PEERS=1000] [N_BIG=20000] [REPS=3]
#   benches/run.sh pdf [N_PDF=200] [REPS=1]    (the PDF comparison alone; no peers needed)
#
# The PDF comparison (also run at the end of the full bench): N_PDF documents of the pack's
# size (the bundled round's decision, rendered N_PDF times) made as PDF by `vanban render
# --format pdf` (PDF/A-2b, its LibreOffice pool), against the best plain LibreOffice batch
# conversion of the same .docx files on the same cores (as many `soffice --convert-to pdf`
# processes as cores, each with its own profile and its share of the files). Prints the
# ratio of the times and when vanban's first PDF was written.
#
# Needs ../shared/bench/peers (or PEERS=/path/to/peers), Python 3 and Node (the peers' own
# setup.sh installs their pinned packages). Prints docs/s and peak RSS for each, and the ratios.
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)

# pdf_bench N REPS WORK: the PDF comparison.
pdf_bench() {
  local n=$1 reps=$2 work=$3 vanban=$REPO/target/release/vanban
  local cores; cores=$(nproc)
  echo "== PDF: N=$n pack-sized documents, $cores cores, best of $reps"
  rm -rf "$work/pack" && mkdir -p "$work/pack"
  cp -r "$REPO/vanban.toml" "$REPO/templates" "$REPO/inputs" "$work/pack/"
  (cd "$work/pack" && "$vanban" run --quiet --out built)
  local doc; doc=$(find "$work/pack/built" -name '*.docx' -size +20k | sort | head -1)
  [ -n "$doc" ] || doc=$(find "$work/pack/built" -name '*.docx' | sort | head -1)
  cp "$doc" "$work/pack/doc.docx"
  { echo "stt"; seq 1 "$n"; } > "$work/pack/rows.csv"
  (cd "$work/pack" && "$vanban" render doc.docx --data rows.csv --out docx --quiet)
  local files=("$work"/pack/docx/*.docx)
  [ "${#files[@]}" = "$n" ] || { echo "!! $n documents expected, ${#files[@]} made"; exit 1; }
  local best_plain="" best_vanban="" first=""
  for rep in $(seq 1 "$reps"); do
    rm -rf "$work/plain" && mkdir -p "$work/plain"
    local start; start=$(date +%s.%N)
    for ((i = 0; i < cores; i++)); do
      local share=()
      for ((k = i; k < n; k += cores)); do share+=("${files[$k]}"); done
      soffice "-env:UserInstallation=file://$work/plain/profile-$i" --headless --norestore \
        --convert-to pdf --outdir "$work/plain/pdf" "${share[@]}" >/dev/null 2>&1 &
    done
    wait
    local plain; plain=$(awk "BEGIN{print $(date +%s.%N) - $start}")
    [ "$(ls "$work/plain/pdf" | wc -l)" = "$n" ] || { echo "!! plain LibreOffice missed PDFs"; exit 1; }
    rm -rf "$work/vanban-pdf"
    start=$(date +%s.%N)
    (cd "$work/pack" && "$vanban" render doc.docx --data rows.csv --out "$work/vanban-pdf" \
      --format pdf --quiet --jobs "$cores") &
    local pid=$! seen=""
    while kill -0 "$pid" 2>/dev/null; do
      if [ -z "$seen" ] && compgen -G "$work/vanban-pdf/*.pdf" >/dev/null; then
        seen=$(awk "BEGIN{print $(date +%s.%N) - $start}")
      fi
      sleep 0.05
    done
    wait "$pid"
    local took; took=$(awk "BEGIN{print $(date +%s.%N) - $start}")
    [ "$(ls "$work/vanban-pdf"/*.pdf | wc -l)" = "$n" ] || { echo "!! vanban missed PDFs"; exit 1; }
    # The same with plain PDF, as the plain conversion makes.
    rm -rf "$work/vanban-plain"
    start=$(date +%s.%N)
    (cd "$work/pack" && "$vanban" render doc.docx --data rows.csv --out "$work/vanban-plain" \
      --format pdf --plain-pdf --quiet --jobs "$cores")
    local took_plain; took_plain=$(awk "BEGIN{print $(date +%s.%N) - $start}")
    printf '  rep %s: plain LibreOffice %.2f s, vanban render+convert %.2f s (PDF/A-2b; first PDF after %.2f s), %.2f s (--plain-pdf: %.2fx)\n' \
      "$rep" "$plain" "$took" "${seen:-$took}" "$took_plain" "$(awk "BEGIN{print $took_plain/$plain}")"
    if [ -z "$best_plain" ] || awk "BEGIN{exit !($plain < $best_plain)}"; then best_plain=$plain; fi
    if [ -z "$best_vanban" ] || awk "BEGIN{exit !($took < $best_vanban)}"; then best_vanban=$took; first=${seen:-$took}; fi
  done
  printf '  PDF ratio at N=%s: vanban %.2f s / plain LibreOffice %.2f s = %.2fx (target <= 1.25x); first PDF after %.2f s (target <= 3 s)\n' \
    "$n" "$best_vanban" "$best_plain" "$(awk "BEGIN{print $best_vanban/$best_plain}")" "$first"
}

if [ "${1:-}" = pdf ]; then
  WORK=${BENCH_WORK:-$(mktemp -d "${TMPDIR:-/tmp}/vanban-bench.XXXXXX")}
  (cd "$REPO" && cargo build --release --quiet)
  pdf_bench "${2:-200}" "${3:-1}" "$WORK"
  exit 0
fi

PEERS_SRC=${PEERS:-$REPO/../shared/bench/peers}
N_PEERS=${1:-1000}
N_BIG=${2:-20000}
REPS=${3:-3}
WORK=${BENCH_WORK:-$(mktemp -d "${TMPDIR:-/tmp}/vanban-bench.XXXXXX")}

echo "== building vanban and the floor bench"
(cd "$REPO" && cargo build --release --quiet && cargo bench --bench floor --no-run --quiet 2>/dev/null)
FLOOR=""
for f in $(cd "$REPO" && ls -t target/release/deps/floor-*); do
  case $f in *.d) ;; *) FLOOR=$REPO/$f; break ;; esac
done
VANBAN=$REPO/target/release/vanban

echo "== peers and data in $WORK"
mkdir -p "$WORK"
[ -d "$WORK/peers" ] || cp -r "$PEERS_SRC" "$WORK/peers"
cd "$WORK/peers"
[ -x .venv/bin/python ] && [ -d node_modules/docxtemplater ] || ./setup.sh >/dev/null
PY=.venv/bin/python
"$PY" gen.py templates >/dev/null
for n in "$N_PEERS" "$N_BIG"; do
  [ -f "data/records-$n.json" ] && [ -f "data/records-$n.xlsx" ] || "$PY" gen.py data --n "$n" >/dev/null
done
TEMPLATE=templates/to-trinh.hbs.docx

# measure NAME N COMMAND...: best of REPS, whole process, into a fresh folder each time.
declare -A BEST_S BEST_RSS
measure() {
  local name=$1 n=$2; shift 2
  local best="" rss=0
  for rep in $(seq 1 "$REPS"); do
    local out="$WORK/out-$name-$rep"
    rm -rf "$out"; mkdir -p "$out"; sync
    local cmd=("${@//\{out\}/$out}")
    /usr/bin/time -f "%e %M" -o "$WORK/time" "${cmd[@]}" >/dev/null 2>"$WORK/err" || { cat "$WORK/err"; exit 1; }
    read -r s kb < "$WORK/time"
    local files; files=$(find "$out" -name '*.docx' | wc -l)
    [ "$files" = "$n" ] || { echo "!! $name wrote $files of $n documents"; exit 1; }
    if [ -z "$best" ] || awk "BEGIN{exit !($s < $best)}"; then best=$s; fi
    [ "$kb" -gt "$rss" ] && rss=$kb
    rm -rf "$out"
  done
  BEST_S[$name]=$best; BEST_RSS[$name]=$rss
  printf '  %-22s N=%-6s best %7.2f s  %8.0f docs/s  peak RSS %5d MiB\n' "$name" "$n" "$best" \
    "$(awk "BEGIN{print $n/$best}")" "$((rss / 1024))"
}

echo "== vanban and the floor (best of $REPS)"
"$VANBAN" render "$TEMPLATE" --data "data/records-$N_PEERS.json" --out "$WORK/sample" --quiet
samples=("$WORK"/sample/*.docx)
SAMPLE=${samples[0]}
for n in "$N_PEERS" "$N_BIG"; do
  measure "vanban-$n" "$n" "$VANBAN" render "$TEMPLATE" --data "data/records-$n.json" --out "{out}" --quiet
  measure "vanban-jobs1-$n" "$n" "$VANBAN" render "$TEMPLATE" --data "data/records-$n.json" --out "{out}" --quiet --jobs 1
  measure "floor-$n" "$n" "$FLOOR" "$TEMPLATE" "$SAMPLE" "$n" "{out}"
  # The same batch read from the two-sheet workbook (records joined to people) by a manifest.
  cat > "manifest-$n.toml" <<TOML
[sources.records]
file = "data/records-$n.xlsx"
sheet = "records"
[sources.people]
file = "data/records-$n.xlsx"
sheet = "people"
[[joins]]
into = "records"
from = "people"
key = "record_id"
as = "people"
[[documents]]
kind = "to-trinh"
template = "$TEMPLATE"
source = "records"
TOML
  measure "vanban-xlsx-$n" "$n" "$VANBAN" run "manifest-$n.toml" --out "{out}" --quiet
done

echo "== peers in the same run (N=$N_PEERS; verifies vanban's output against the data)"
PEER_RUST="$VANBAN render {hbs} --data {json} --out {out} --quiet" \
PEER_RUST_J1="$VANBAN render {hbs} --data {json} --out {out} --quiet --jobs 1" \
  ./run.sh "$N_PEERS" "$REPS" | tee "$WORK/peers.txt"
TSV=$(ls -t results/run-"$N_PEERS"-*.tsv | head -1)
median_rate() {  # median e2e docs/s of a peer in the TSV
  awk -F'\t' -v p="$1" '$1==p {print $3/$5}' "$TSV" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}
DTX=$(median_rate docxtemplater)
TPL=$(median_rate docxtpl)
RUST=$(median_rate rust)

echo
echo "== summary"
printf '  docxtemplater %.1f docs/s, docxtpl %.1f docs/s, vanban %.1f docs/s (e2e medians, N=%s, same run)\n' "$DTX" "$TPL" "$RUST" "$N_PEERS"
printf '  vanban / docxtemplater: %.1fx   vanban / docxtpl: %.1fx\n' \
  "$(awk "BEGIN{print $RUST/$DTX}")" "$(awk "BEGIN{print $RUST/$TPL}")"
for n in "$N_PEERS" "$N_BIG"; do
  printf '  N=%s: vanban from the xlsx through a manifest %.2f s, peak RSS %d MiB\n' "$n" \
    "${BEST_S[vanban-xlsx-$n]}" "$((BEST_RSS[vanban-xlsx-$n] / 1024))"
  printf '  N=%s: vanban %.2f s, floor %.2f s: vanban / floor = %.2fx time; vanban peak RSS %d MiB\n' "$n" \
    "${BEST_S[vanban-$n]}" "${BEST_S[floor-$n]}" "$(awk "BEGIN{print ${BEST_S[vanban-$n]}/${BEST_S[floor-$n]}}")" \
    "$((BEST_RSS[vanban-$n] / 1024))"
done
INPUT_MIB=$(( $(stat -c %s "data/records-$N_BIG.json") / 1024 / 1024 ))
printf '  RSS budget at N=%s: 2 x input (%d MiB) + 64 MiB = %d MiB\n' "$N_BIG" "$INPUT_MIB" "$((2 * INPUT_MIB + 64))"

pdf_bench "${N_PDF:-200}" "$REPS" "$WORK"
