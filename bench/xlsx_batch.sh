#!/usr/bin/env bash
# Excel in, Excel out: times xlsx → xlsx against csv → csv on the same rows
# (and the two mixed ways, to see which side costs what), each with
# /usr/bin/time -v: wall seconds, rows/s and peak RSS. The rows are generated
# (python3's zipfile writes the workbook, so nothing beyond the build is
# needed) into a temporary folder that is removed afterwards.
# Usage: bench/xlsx_batch.sh [BUILD_DIR]   (default build/, built if needed)
# Environment: ICP_BENCH_ROWS (1000000), ICP_BENCH_JOBS (the number of cores)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
BUILD=${1:-build}
ROWS=${ICP_BENCH_ROWS:-1000000}
JOBS=${ICP_BENCH_JOBS:-$(nproc)}
[[ -x /usr/bin/time ]] || { echo "xlsx_batch: needs /usr/bin/time (Debian package time)" >&2; exit 1; }
cmake --build "$BUILD" -j2 --target icp-classify >/dev/null
BIN=$(realpath "$BUILD/icp-classify")
DIR=$(mktemp -d /tmp/icp-xlsx-bench-XXXXXX)
trap 'rm -rf "$DIR"' EXIT

echo "== $ROWS generated rows (id, description, amount, phone) as rows.csv and rows.xlsx"
python3 - "$ROWS" "$DIR" <<'EOF'
import sys, zipfile
from xml.sax.saxutils import escape
rows, folder = int(sys.argv[1]), sys.argv[2]
texts = ["论坛靠广告盈利", "我们在淘宝开了店，没有自己的网站", "壁纸APP，普通壁纸免费，4K动态壁纸需要开通VIP才能下载。",
         "公益寻人网站，由志愿者团队运营，家属可以免费发布寻人启事，网站不接广告。", "本公司官网只展示产品，不在线销售",
         "在线教育平台，学员付费观看课程视频，也有直播答疑"]
def row(i):
    return (i, texts[i % len(texts)] + ("" if i % 3 else "，用户可以发帖评论"), i * 100 + 0.5, "138%08d" % i)
with open(f"{folder}/rows.csv", "w", encoding="utf-8") as f:
    f.write("id,简介,金额,电话\n")
    for i in range(rows):
        a, b, c, d = row(i)
        f.write(f"{a},{b},{c},{d}\n")
def s(ref, text):
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(text)}</t></is></c>'
with zipfile.ZipFile(f"{folder}/rows.xlsx", "w", zipfile.ZIP_DEFLATED, allowZip64=True) as z:
    z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
    z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    z.writestr("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="客户" sheetId="1" r:id="rId1"/></sheets></workbook>')
    z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
    with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as w:
        w.write(b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
        w.write(('<row r="1">' + s("A1", "id") + s("B1", "简介") + s("C1", "金额") + s("D1", "电话") + "</row>").encode())
        chunk = []
        for i in range(rows):
            a, b, c, d = row(i)
            r = i + 2
            chunk.append(f'<row r="{r}"><c r="A{r}"><v>{a}</v></c>{s(f"B{r}", b)}<c r="C{r}"><v>{c}</v></c>{s(f"D{r}", d)}</row>')
            if len(chunk) == 10000:
                w.write("".join(chunk).encode())
                chunk = []
        w.write("".join(chunk).encode())
        w.write(b"</sheetData></worksheet>")
EOF
ls -l "$DIR"/rows.csv "$DIR"/rows.xlsx | awk '{printf "  %s: %.1f MB\n", $NF, $5/1e6}'

# measure LABEL INPUT OUTPUT: one run, /usr/bin/time -v.
measure() {
  local label=$1 input=$2 output=$3 status=0
  /usr/bin/time -v "$BIN" batch "$input" -o "$output" -q --jobs "$JOBS" 2>"$DIR/time.log" || status=$?
  if ((status > 1)); then
    echo "xlsx_batch: $label failed (exit $status)" >&2
    cat "$DIR/time.log" >&2
    exit 1
  fi
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$DIR/time.log")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$DIR/time.log")
  awk -v l="$label" -v w="$wall" -v n="$ROWS" -v r="$rss" -v o="$(stat -c %s "$output")" \
    'BEGIN { printf "  %-12s %8.2f s  %9.0f rows/s  peak RSS %6.1f MB  output %7.1f MB\n", l, w, n / w, r / 1024, o / 1e6 }' 
  rm -f "$output"
}

echo "== icp-classify batch INPUT -o OUTPUT -q --jobs $JOBS (one run each)"
measure "csv → csv" "$DIR/rows.csv" "$DIR/out.csv"
measure "xlsx → xlsx" "$DIR/rows.xlsx" "$DIR/out.xlsx"
measure "xlsx → csv" "$DIR/rows.xlsx" "$DIR/out2.csv"
measure "csv → xlsx" "$DIR/rows.csv" "$DIR/out2.xlsx"
