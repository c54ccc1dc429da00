#!/usr/bin/env bash
# bench/fuzz.sh runs every fuzz target of the module, one after another,
# and prints how many inputs each ran and how many per second.
#
# go's default -fuzzminimizetime is 60 s: with a short -fuzztime a worker
# spends the whole run minimising the first new input and runs a handful
# of others. Minimising is therefore bounded here.
#
# Environment:
#   FUZZTIME      per target, go's -fuzztime syntax (default 10s; hours by hand)
#   FUZZMINIMIZE  -fuzzminimizetime (default 50x: 50 tries per new input)
#   FUZZPARALLEL  -parallel (default: go's, GOMAXPROCS)
#   FUZZMIN       fewest inputs a target may run before it counts as stuck
#                 (default 100)
#   FUZZ          a regexp: run only the targets whose name matches
#   FUZZSKIP      a regexp: leave out the targets whose name matches
#
# Exit status: 0 when every target ran enough inputs without a failure;
# 1 when one failed (its input path is printed) or ran too few inputs.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/usr/local/go/bin:$PATH"

FUZZTIME=${FUZZTIME:-10s}
FUZZMINIMIZE=${FUZZMINIMIZE:-50x}
FUZZMIN=${FUZZMIN:-100}
FUZZ=${FUZZ:-.}
FUZZSKIP=${FUZZSKIP:-^$}
parallel=()
[ -n "${FUZZPARALLEL:-}" ] && parallel=(-parallel "$FUZZPARALLEL")

# Targets as "package target", found the way go test finds them.
mapfile -t targets < <(grep -rn --include='*_test.go' '^func Fuzz[A-Za-z0-9_]*(' . |
	sed -E 's|^\./(.*)/[^/]*_test\.go:[0-9]+:func (Fuzz[A-Za-z0-9_]*)\(.*|./\1 \2|' |
	sort -u | awk -v re="$FUZZ" -v skip="$FUZZSKIP" '$2 ~ re && $2 !~ skip')
if [ ${#targets[@]} -eq 0 ]; then
	echo "fuzz: no target matches FUZZ=$FUZZ but not FUZZSKIP=$FUZZSKIP" >&2
	exit 2
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
rows=()
for t in "${targets[@]}"; do
	pkg=${t% *} name=${t#* }
	echo "fuzz: $pkg $name for $FUZZTIME" >&2
	rc=0
	go test "$pkg" -run '^$' -fuzz "^$name\$" -fuzztime "$FUZZTIME" \
		-fuzzminimizetime "$FUZZMINIMIZE" "${parallel[@]}" >"$log" 2>&1 || rc=$?
	# The last status line holds the totals: "elapsed: 1m3s, execs: N
	# (X/sec)". X is the rate of its last 3 s only (0 while minimising),
	# so the rate printed is N over the time elapsed.
	last=$(grep -Eo 'elapsed: [0-9hms]+, execs: [0-9]+' "$log" | tail -n 1 || true)
	execs=$(sed -E 's/.*execs: ([0-9]+)/\1/' <<<"$last")
	secs=$(sed -E 's/elapsed: ([0-9hms]+),.*/\1/' <<<"$last" |
		awk '{ n = 0; s = $0; while (match(s, /^[0-9]+[hms]/)) { v = substr(s, 1, RLENGTH - 1); u = substr(s, RLENGTH, 1);
			n += v * (u == "h" ? 3600 : u == "m" ? 60 : 1); s = substr(s, RLENGTH + 1) } print n }')
	rate=
	[ -n "$execs" ] && [ "${secs:-0}" -gt 0 ] && rate=$((execs / secs))
	verdict=ok
	input=$(grep -Eo 'testdata/fuzz/[^ ]+' "$log" | head -n 1 || true)
	if [ "$rc" -ne 0 ] && [ -z "$input" ] && grep -q '^    context deadline exceeded$' "$log"; then
		# go1.26's coordinator can report its own -fuzztime deadline as
		# a failure, with no failing input (go.dev/issue/75804, fixed in
		# go1.27): not a finding.
		rc=0
		verdict="ok (go.dev/issue/75804)"
	fi
	if [ "$rc" -ne 0 ]; then
		verdict=FAIL
		status=1
		sed -n '/--- FAIL/,$p' "$log" | head -n 40 >&2
		if [ -n "$input" ]; then
			echo "fuzz: $name failed on $pkg/$input" >&2
		else
			tail -n 20 "$log" >&2
		fi
	elif [ -z "$execs" ] || [ "$execs" -lt "$FUZZMIN" ]; then
		verdict="too few (< $FUZZMIN)"
		status=1
		tail -n 5 "$log" >&2
		# Each run first replays the inputs go cached from earlier runs,
		# which grow with every run.
		cached=$(grep -Eo 'gathering baseline coverage: [0-9]+/[0-9]+' "$log" | tail -n 1 | sed -E 's|.*/||')
		if [ -n "$cached" ] && [ "${execs:-0}" -le "$cached" ]; then
			echo "fuzz: $name spent its $FUZZTIME replaying $cached seeds and cached inputs: raise FUZZTIME, or go clean -fuzzcache" >&2
		fi
	fi
	rows+=("$(printf '%-36s %-22s %10s %8s  %s' "$pkg" "$name" "${execs:-?}" "${rate:-?}" "$verdict")")
done

printf '%-36s %-22s %10s %8s  %s\n' package target inputs inputs/s result
printf '%s\n' "${rows[@]}"
exit "$status"
