#!/usr/bin/env bash
# bench/run.sh measures capconv against its baselines in one run, on one
# machine, and prints each figure as a ratio against its target:
#
#   1. a three-hour transcript (built from the seed transcript) to SRT,
#      WebVTT and TTML: target under 20 ms, whole process;
#   2. SRT → WebVTT on the 5,502-cue Lex Fridman captions against
#      ffmpeg (target ≥ 10× faster) and ttconv (target ≥ 1000× faster);
#   3. a batch of 2,000 transcripts with -j 1 against -j 2 (target ~2×);
#   4. peak memory against the input's size (target under 4×), above the
#      Go runtime's floor (a tiny input, measured in the same run).
# Process start is measured too: `capconv --help` against an empty Go
# program.
#
# Needs hyperfine, ffmpeg, python3-ttconv and GNU time; as root it installs
# the missing ones with apt-get:
#   apt-get install -y hyperfine ffmpeg python3-ttconv time
# Environment: CORPUS (default ../shared/corpus beside the repository),
# RUNS (default 10), TTCONV=0 to leave out ttconv (one run takes ~14 s),
# BASE=<git revision> to time that build of capconv against this one on
# the 3 h transcript, in the same hyperfine run (and to measure its memory
# beside this one's with ONLY=memory), BATCHDIR to run the batch
# somewhere else than /dev/shm.
#
# ONLY=media measures timing to media: an hour of speech (bench/mkmedia:
# the first hour of the Talk Python transcript said by espeak-ng, AAC in
# .m4a, 8248 words none of which repeat) with its transcript, converted with --media (target: at most 15 s, decoding
# included, 240x real time) against ffmpeg decoding the same audio to
# PCM alone and against the conversion without the media; with peak
# memory. Needs espeak-ng and sox besides.
#
# ONLY=memory measures only peak memory on large inputs, against their
# size (targets: under 4x for a caption file, 8x for a transcript,
# whatever the number of formats): an SRT of MEMSIZE bytes (default
# 200000000) to SRT, WebVTT and TTML and to WebVTT; the longest seed
# transcript the dialect's clock holds (999 h, ~52 MB) and one of 3,600 h
# (~186 MB: past 999 h the times are text, so it ends in one turn of
# ~140 MB) to SRT, WebVTT and TTML; a 10 MB transcript of one turn on one
# line to every text format. It takes a few minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/usr/local/go/bin:$PATH"

root=$(pwd)
CORPUS=${CORPUS:-}
if [ -z "$CORPUS" ]; then
	for c in "$root/../shared/corpus" "$root/../../shared/corpus"; do
		[ -d "$c" ] && CORPUS=$c && break
	done
fi
[ -d "${CORPUS:-}" ] || { echo "bench: set CORPUS to the shared corpus directory" >&2; exit 2; }
RUNS=${RUNS:-10}
missing=()
command -v hyperfine >/dev/null || missing+=(hyperfine)
command -v ffmpeg >/dev/null || missing+=(ffmpeg)
[ -x /usr/bin/time ] || missing+=(time)
if [ "${TTCONV:-1}" != 0 ] && ! /usr/bin/python3 -c 'import ttconv' 2>/dev/null; then
	missing+=(python3-ttconv)
fi
if [ ${#missing[@]} -gt 0 ]; then
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
	else
		echo "bench: missing ${missing[*]} (see the comment at the top)" >&2
		exit 2
	fi
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bin=$tmp/capconv
go build -o "$bin" .
mkdir "$tmp/empty"
printf 'package main\n\nfunc main() {}\n' >"$tmp/empty/main.go"
(cd "$tmp/empty" && go mod init empty >/dev/null 2>&1 && go build -o "$tmp/emptygo" .)
if [ -n "${BASE:-}" ]; then
	mkdir "$tmp/base"
	git archive "$BASE" | tar -x -C "$tmp/base"
	(cd "$tmp/base" && go build -o "$tmp/capconv-base" .)
fi
echo "machine: $(nproc) CPUs, $(uname -sr), load $(cut -d' ' -f1-3 /proc/loadavg)"

peak() { # peak resident set of a command, in KiB
	/usr/bin/time -v "$@" 2>&1 >/dev/null | awk '/Maximum resident set size/ {print $6}'
}

# Inputs.
seed=testdata/000_2e7f89a82c8d846d.txt

if [ "${ONLY:-}" = media ]; then
	med=$tmp/media
	mkdir -p "$med"
	# An hour of distinct speech: the seed looped would repeat its turns,
	# which the synthesizer then says once.
	go run ./bench/mkmedia -length 1h -period 1h -o "$med/hour.m4a" -transcript "$med/hour.txt" testdata/transcripts/talkpython_404-clean-code.txt
	hyperfine -N --warmup 1 --runs "${MEDIARUNS:-3}" \
		-n "ffmpeg: decode 1 h of AAC to 16 kHz mono PCM" "ffmpeg -nostdin -loglevel error -i $med/hour.m4a -ac 1 -ar 16000 -f s16le -y /dev/null" \
		-n "capconv: 1 h transcript, text only" "$bin convert -q --force --to srt -o $med/out $med/hour.txt" \
		-n "capconv: 1 h transcript --media (target ≤ 15 s)" "$bin convert -q --force --to srt -o $med/out --media $med/hour.m4a $med/hour.txt"
	kib=$(peak "$bin" convert -q --force --to srt -o "$med/out" --media "$med/hour.m4a" "$med/hour.txt")
	echo "peak RSS with --media, 1 h of audio: $((kib / 1024)) MiB (an hour of 16 kHz samples would be 110 MiB)"
	exit 0
fi
if [ "${ONLY:-}" = memory ]; then
	size=${MEMSIZE:-200000000}
	mem=$tmp/mem
	mkdir -p "$mem"
	go run ./bench/mktranscript -length 999h "$seed" >"$mem/t999h.txt"
	go run ./bench/mktranscript -length 3600h "$seed" >"$mem/t3600h.txt"
	go run ./bench/mktranscript -one-turn -size 10000000 "$seed" >"$mem/line.txt"
	# The SRT: cues of the 3,600 h transcript, cut at a cue's end.
	"$bin" convert -q --to srt -o "$mem/srt" "$mem/t3600h.txt"
	python3 - "$mem/srt/t3600h.srt" "$mem/big.srt" "$size" <<'PY'
import sys
src, dst, size = sys.argv[1], sys.argv[2], int(sys.argv[3])
data = open(src, "rb").read()
while len(data) < size:
    data += data  # times repeat: the reader warns, memory is the same
cut = data.find(b"\n\n", size - 2)
open(dst, "wb").write(data[:cut + 2])
PY
	rm -rf "$mem/srt"
	builds=("$bin")
	[ -n "${BASE:-}" ] && builds+=("$tmp/capconv-base")
	printf '%-58s %12s %9s %9s\n' "input → output" "size" "peak RSS" "× input"
	row() { # name, input, formats
		local name=$1 in=$2 to=$3 b kib bytes
		bytes=$(stat -c %s "$in")
		for b in "${builds[@]}"; do
			kib=$(peak "$b" convert -q --force --to "$to" -o "$mem/out" "$in")
			rm -rf "$mem/out"
			local who=""
			[ "$b" != "$bin" ] && who=" (BASE)"
			python3 -c 'import sys; n, by, k = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]); print(f"{n:<58} {by/1e6:9.1f} MB {k/1024:6.0f} MiB {k*1024/by:8.2f}×")' "$name$who" "$bytes" "$kib"
		done
	}
	row "SRT → SRT, WebVTT, TTML (target < 4×)" "$mem/big.srt" srt,vtt,ttml
	row "SRT → WebVTT (target < 4×)" "$mem/big.srt" vtt
	row "transcript, 999 h → SRT, WebVTT, TTML (target < 8×)" "$mem/t999h.txt" srt,vtt,ttml
	row "transcript, 3,600 h → SRT, WebVTT, TTML (target < 8×)" "$mem/t3600h.txt" srt,vtt,ttml
	row "one-turn transcript → every text format but SCC, STL (< 8×)" "$mem/line.txt" srt,vtt,ttml,dfxp,ass,json,itt,txt
	tiny=$(printf 'A 0:00:01\n\nHi.\n' >"$mem/tiny.txt"; peak "$bin" convert -q --force --to srt -o "$mem/out" "$mem/tiny.txt")
	echo "(a tiny input peaks at $((tiny / 1024)) MiB: the Go runtime's floor, counted in every figure)"
	exit 0
fi
go run ./bench/mktranscript -length 3h "$seed" >"$tmp/long3h.txt"
lex=$tmp/lex.srt
cp "$CORPUS/captions/lexfridman-333-karpathy_youtube-en.srt" "$lex"
# The batch runs on tmpfs when there is one: on an ext4 without a journal
# (this machine's) every file created after a mass delete (the rm -rf
# between runs) scans past the inodes freed in the last minutes
# (ext4 recently_deleted), ~6 s of serialized system time that measures
# the file system, not capconv. BATCHDIR=<dir> picks another place.
if [ -n "${BATCHDIR:-}" ]; then
	batch=$(mktemp -d "$BATCHDIR/capconv-bench.XXXXXX")
elif [ -w /dev/shm ]; then
	batch=$(mktemp -d /dev/shm/capconv-bench.XXXXXX)
else
	batch=$tmp/batch
fi
trap 'rm -rf "$tmp" "$batch"' EXIT
mkdir -p "$batch/in"
for d in $(seq -w 0 19); do
	mkdir -p "$batch/in/d$d"
	for f in $(seq -w 0 99); do cp "$seed" "$batch/in/d$d/f$f.txt"; done
done

# Every output format capconv writes today (TTML may not have landed).
to=srt,vtt,ttml
if ! "$bin" convert -q --to "$to" -o "$tmp/probe" "$tmp/long3h.txt" 2>"$tmp/probe.err"; then
	echo "note: --to $to failed ($(head -1 "$tmp/probe.err")); measuring srt,vtt only"
	to=srt,vtt
fi

hf() { # name, then hyperfine arguments; the JSON lands in $tmp/name.json
	local name=$1
	shift
	hyperfine -N --style basic --export-json "$tmp/$name.json" "$@" >"$tmp/$name.log" 2>&1 ||
		{ cat "$tmp/$name.log"; exit 1; }
}

base3h=()
if [ -n "${BASE:-}" ]; then
	base3h=("$tmp/capconv-base convert -q --force --to $to -o $tmp/out3h-base $tmp/long3h.txt")
fi
hf transcript --warmup 3 --runs "$RUNS" \
	"$bin convert -q --force --to $to -o $tmp/out3h $tmp/long3h.txt" "${base3h[@]}"
if [ -n "${BASE:-}" ] && ! diff -r "$tmp/out3h" "$tmp/out3h-base" >/dev/null; then
	echo "note: the outputs differ from $BASE's"
fi
hf start --warmup 3 --runs "$((RUNS * 3))" "$bin --help" "$tmp/emptygo"
hf srt2vtt --warmup 3 --runs "$RUNS" \
	"$bin convert -q --force --to vtt -o $tmp/outlex $lex" \
	"ffmpeg -v error -y -i $lex $tmp/lex-ffmpeg.vtt"
if [ "${TTCONV:-1}" != 0 ]; then
	hf ttconv --runs 1 "/usr/bin/python3 -m ttconv.tt convert -i $lex -o $tmp/lex-ttconv.vtt"
fi
hf batch --warmup 1 --runs 3 --prepare "rm -rf $batch/out" \
	"$bin convert -q -j 1 --to $to -o $batch/out $batch/in" \
	"$bin convert -q -j 2 --to $to -o $batch/out $batch/in"

mem_3h=$(peak "$bin" convert -q --force --to "$to" -o "$tmp/out3h" "$tmp/long3h.txt")
mem_lex=$(peak "$bin" convert -q --force --to vtt -o "$tmp/outlex" "$lex")
printf 'A 0:00:01\n\nHi.\n' >"$tmp/tiny.txt"
mem_tiny=$(peak "$bin" convert -q --force --to "$to" -o "$tmp/outtiny" "$tmp/tiny.txt")
mem_ffmpeg=$(peak ffmpeg -v error -y -i "$lex" "$tmp/lex-ffmpeg.vtt")

BASE=${BASE:-} python3 - "$tmp" "$to" "$(stat -c %s "$tmp/long3h.txt")" "$(stat -c %s "$lex")" \
	"$mem_3h" "$mem_lex" "$mem_tiny" "$mem_ffmpeg" <<'PY'
import json, sys, os
tmp, to, size3h, sizelex, m3h, mlex, mtiny, mff = sys.argv[1:]
size3h, sizelex, m3h, mlex, mtiny, mff = map(int, (size3h, sizelex, m3h, mlex, mtiny, mff))
def med(name, i=0):
    return json.load(open(os.path.join(tmp, name + ".json")))["results"][i]["median"] * 1000
def line(what, fig, target, ok):
    print(f"{what:<46} {fig:<34} {target:<16} {'met' if ok else 'NOT MET'}")
print(f"{'measure (median wall time, whole process)':<46} {'figure':<34} {'target':<16}")
t3h = med("transcript")
line(f"3 h transcript ({size3h//1024} KiB) → {to}", f"{t3h:.1f} ms = {t3h/20:.2f}× the budget", "< 20 ms", t3h < 20)
if os.environ.get("BASE"):
    b = med("transcript", 1)
    print(f"{'  same, build of ' + os.environ['BASE']:<46} {b:.1f} ms: this build is {b/t3h:.2f}× faster")
st, empty = med("start"), med("start", 1)
print(f"{'process start: capconv --help vs empty Go':<46} {st:.1f} ms vs {empty:.1f} ms = {st/empty:.1f}×")
cap, ff = med("srt2vtt", 0), med("srt2vtt", 1)
line("SRT→WebVTT, 5,502 cues: capconv vs ffmpeg", f"{cap:.1f} ms vs {ff:.1f} ms = {ff/cap:.1f}×", "≥ 10×", ff / cap >= 10)
if os.path.exists(os.path.join(tmp, "ttconv.json")):
    tt = med("ttconv")
    line("SRT→WebVTT: capconv vs ttconv", f"{cap:.1f} ms vs {tt/1000:.1f} s = {tt/cap:.0f}×", "≥ 1000×", tt / cap >= 1000)
j1, j2 = med("batch", 0), med("batch", 1)
line("2,000 transcripts (tmpfs): -j 1 vs -j 2", f"{j1:.0f} ms vs {j2:.0f} ms = {j1/j2:.2f}×", "≈ 2×", j1 / j2 >= 1.8)
for name, size, m in (("3 h transcript", size3h, m3h), ("Lex SRT→WebVTT", sizelex, mlex)):
    extra = max(m - mtiny, 0) * 1024
    line(f"peak memory, {name}", f"{m/1024:.1f} MiB RSS; {extra/size:.1f}× input above idle", "< 4× input", extra / size < 4)
print(f"(a tiny input peaks at {mtiny/1024:.1f} MiB: the Go runtime's floor; ffmpeg peaks at {mff/1024:.1f} MiB on the SRT)")
PY
