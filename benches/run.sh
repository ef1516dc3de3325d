#!/usr/bin/env bash
# The speed benchmark: vanban against the peers (docxtemplater, docxtpl) on the same template
# and the same records, in one run, and against the zip floor (benches/floor.rs).
#
#   benches/run.sh [N_PEERS=1000] [N_BIG=20000] [REPS=3]
#   benches/run.sh pdf [N_PDF=200] [REPS=3]    (the PDF comparison alone; no peers needed)
#
# The PDF comparison (also run at the end of the full bench): N_PDF documents of the pack's
# size (one of the bundled round's documents, rendered N_PDF times) made as PDF by `vanban
# render --format pdf` (its LibreOffice pool; PDF/A-2b, and plain PDF with --plain-pdf),
# against the best plain LibreOffice batch conversion of the same .docx files on the same
# cores (as many `soffice --convert-to` processes as cores, each with its own profile and its
# share of the files), to plain PDF and to PDF/A-2b, interleaved. Prints the ratios (like for
# like, and vanban's PDF/A against LibreOffice's plain PDF) and when the first PDF was written.
#
# Needs ../shared/bench/peers (or PEERS=/path/to/peers), Python 3 and Node (the peers' own
# setup.sh installs their pinned packages). Prints docs/s and peak RSS for each, and the ratios.
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)

# timed OUT GLOB COMMAND...: runs COMMAND in the background, watching GLOB; sets TOOK (the
# whole run, s) and FIRST (when the first file matching GLOB appeared, s).
timed() {
  local glob=$1; shift
  local start; start=$(date +%s.%N)
  "$@" >/dev/null 2>&1 &
  local pid=$! seen=""
  while kill -0 "$pid" 2>/dev/null; do
    if [ -z "$seen" ] && compgen -G "$glob" >/dev/null; then
      seen=$(awk "BEGIN{print $(date +%s.%N) - $start}")
    fi
    sleep 0.05
  done
  wait "$pid" || { echo "!! failed: $*"; exit 1; }
  TOOK=$(awk "BEGIN{print $(date +%s.%N) - $start}")
  FIRST=${seen:-$TOOK}
}

# plain_office N FILTER OUTDIR WORK FILES...: the best plain LibreOffice batch conversion: as
# many soffice processes as cores, each with its own profile and its share of the files.
plain_office() {
  local n=$1 filter=$2 outdir=$3 work=$4; shift 4
  local files=("$@") cores; cores=$(nproc)
  for ((i = 0; i < cores; i++)); do
    local share=()
    for ((k = i; k < n; k += cores)); do share+=("${files[$k]}"); done
    soffice "-env:UserInstallation=file://$work/profile-$i" --headless --norestore \
      --convert-to "$filter" --outdir "$outdir" "${share[@]}" >/dev/null 2>&1 &
  done
  wait
}

# median: the median of the numbers on standard input.
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

# pdf_bench N REPS WORK: the PDF comparison, interleaved: each rep runs the four in turn
# (plain LibreOffice to PDF and to PDF/A-2b, vanban to PDF/A-2b and to plain PDF), so the
# ratios of one rep are taken on the same machine state; the medians of the ratios are given.
pdf_bench() {
  local n=$1 reps=$2 work=$3 vanban=$REPO/target/release/vanban
  local cores; cores=$(nproc)
  local pdfa='pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}'
  echo "== PDF: N=$n pack-sized documents, $cores cores, $reps interleaved reps"
  rm -rf "$work/pack" && mkdir -p "$work/pack"
  cp -r "$REPO/vanban.toml" "$REPO/templates" "$REPO/inputs" "$work/pack/"
  (cd "$work/pack" && "$vanban" run --quiet --out built)
  # The pack's document of median size (its combined files left out).
  local doc; doc=$(find "$work/pack/built" -name '*.docx' -not -path '*Tat-ca*' -printf '%s %p\n' \
    | sort -n -k1,1 -k2 | awk '{a[NR]=$2} END {print a[int((NR+1)/2)]}')
  cp "$doc" "$work/pack/doc.docx"
  echo "  document: ${doc#"$work/pack/built/"} ($(stat -c %s "$doc") bytes)"
  { echo "stt"; seq 1 "$n"; } > "$work/pack/rows.csv"
  (cd "$work/pack" && "$vanban" render doc.docx --data rows.csv --out docx --quiet)
  local files=("$work"/pack/docx/*.docx)
  [ "${#files[@]}" = "$n" ] || { echo "!! $n documents expected, ${#files[@]} made"; exit 1; }
  local rows="$work/pdf-reps.tsv"; : > "$rows"
  for rep in $(seq 1 "$reps"); do
    local t=()
    for mode in plain pdfa; do
      rm -rf "$work/office-$mode" && mkdir -p "$work/office-$mode"
      local filter=pdf; [ "$mode" = pdfa ] && filter=$pdfa
      timed "$work/office-$mode/pdf/*.pdf" plain_office "$n" "$filter" "$work/office-$mode/pdf" "$work/office-$mode" "${files[@]}"
      [ "$(ls "$work/office-$mode/pdf" | wc -l)" = "$n" ] || { echo "!! plain LibreOffice ($mode) missed PDFs"; exit 1; }
      t+=("$TOOK" "$FIRST")
    done
    for mode in pdfa plain; do
      rm -rf "$work/vanban-$mode"
      local flag=(); [ "$mode" = plain ] && flag=(--plain-pdf)
      timed "$work/vanban-$mode/*.pdf" sh -c "cd '$work/pack' && exec '$vanban' render doc.docx --data rows.csv --out '$work/vanban-$mode' --format pdf ${flag[*]} --quiet --jobs $cores"
      [ "$(ls "$work/vanban-$mode"/*.pdf | wc -l)" = "$n" ] || { echo "!! vanban ($mode) missed PDFs"; exit 1; }
      t+=("$TOOK" "$FIRST")
    done
    # vanban's own part: the same documents rendered as .docx only.
    timed "$work/vanban-docx/*.docx" sh -c "cd '$work/pack' && exec '$vanban' render doc.docx --data rows.csv --out '$work/vanban-docx' --quiet --jobs $cores"
    rm -rf "$work/vanban-docx"
    t+=("$TOOK")
    printf '  rep %s: LibreOffice PDF %.1f s (first %.1f s), PDF/A %.1f s (first %.1f s); vanban PDF/A %.1f s (first %.1f s), plain %.1f s (first %.1f s); render alone %.2f s\n' \
      "$rep" "${t[@]}"
    echo "${t[*]}" >> "$rows"
  done
  # Columns: 1 office plain, 2 its first, 3 office PDF/A, 4 its first, 5 vanban PDF/A,
  # 6 its first, 7 vanban plain, 8 its first, 9 render alone.
  local a_like a_plain p_like office_pdfa first first_office
  a_like=$(awk '{print $5/$3}' "$rows" | median)
  a_plain=$(awk '{print $5/$1}' "$rows" | median)
  p_like=$(awk '{print $7/$1}' "$rows" | median)
  office_pdfa=$(awk '{print $3/$1}' "$rows" | median)
  first=$(awk '{print $6}' "$rows" | median)
  first_office=$(awk '{print $4}' "$rows" | median)
  printf '  PDF ratios at N=%s (medians of %s interleaved reps; target <= 1.25x):\n' "$n" "$reps"
  printf '    vanban PDF/A-2b / LibreOffice PDF/A-2b  = %.2fx (like for like)\n' "$a_like"
  printf '    vanban plain PDF / LibreOffice plain PDF = %.2fx (like for like)\n' "$p_like"
  printf '    vanban PDF/A-2b / LibreOffice plain PDF  = %.2fx (LibreOffice PDF/A-2b itself: %.2fx its plain PDF)\n' "$a_plain" "$office_pdfa"
  printf '  first PDF: vanban after %.2f s, LibreOffice alone after %.2f s (target <= 3 s)\n' "$first" "$first_office"
}

if [ "${1:-}" = pdf ]; then
  WORK=${BENCH_WORK:-$(mktemp -d "${TMPDIR:-/tmp}/vanban-bench.XXXXXX")}
  (cd "$REPO" && cargo build --release --quiet)
  pdf_bench "${2:-200}" "${3:-3}" "$WORK"
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
