#!/usr/bin/env bash
# Smoke test of the README's promise: `./valise up` runs the whole system from a clone, a note goes
# from intake to the Director General's office, is acknowledged, and is still there after a restart.
#
# Runs in its own state directory (.valise/smoke, wiped at the start, kept afterwards for its logs),
# so it never touches a developer's .valise data. Needs the ports of ./valise free.
# Needs: java 17, curl, python3 (JSON). Prints one PASS/FAIL line per step and a final verdict.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

export VALISE_DIR="$ROOT/.valise/smoke"
NOTE_FILE=${SMOKE_NOTE_FILE:-$ROOT/samples/notes/seed-cambodia-iom-2021-01-105.txt}
EXPECTED_DESTINATION=${SMOKE_EXPECTED_DESTINATION:-Office of the Director General}
INTAKE=http://127.0.0.1:8081
NOTIFICATION=http://127.0.0.1:8083
UP_TIMEOUT=${SMOKE_UP_TIMEOUT:-300}        # s for ./valise up (build + start)
STATE_TIMEOUT=${SMOKE_STATE_TIMEOUT:-120}  # s for a note to reach a state

# Authentication: tokens of the local run's issuer (./valise token, once ./valise up made its key pair),
# set by tokens() below. To add or change a header, edit these arrays there.
REGISTRY_AUTH=()
OFFICE_AUTH=()
VIEW_AUTH=()
ACK_BODY=${SMOKE_ACK_BODY:-'{"acknowledgedBy":"Registry smoke test"}'}

WORK=$(mktemp -d)
UP_PID=""
FAILED=0
T0=$(date +%s)

# ------------------------------------------------------------------ reporting
pass() { printf 'PASS  %s\n' "$*"; }
fail() {
  printf 'FAIL  %s\n' "$*"
  FAILED=1
  exit 1
}
info() { printf '      %s\n' "$*"; }
show_log() { # <file> [lines]
  [ -f "$1" ] || return 0
  info "last lines of $1:"
  tail -n "${2:-30}" "$1" | sed 's/^/        /'
}

# ------------------------------------------------------------------ clean-up, whatever happens
cleanup() {
  local rc=$?
  set +e
  trap - EXIT INT TERM
  if [ -n "$UP_PID" ] || compgen -G "$VALISE_DIR/run/*.pid" >/dev/null; then
    info "cleaning up: ./valise down"
    ./valise down > "$WORK/down-cleanup.out" 2>&1
    [ -n "$UP_PID" ] && wait "$UP_PID" 2>/dev/null
  fi
  if ((rc == 130 || rc == 143)); then
    printf '\nFAIL  smoke test of ./valise up: interrupted after %ss\n' "$(( $(date +%s) - T0 ))"
  elif ((rc != 0 || FAILED)); then
    for log in "$VALISE_DIR"/logs/*.log; do [ -f "$log" ] && show_log "$log" 15; done
    for out in "$WORK"/up-*.out; do [ -f "$out" ] && show_log "$out" 40; done
    printf '\nFAIL  smoke test of ./valise up (%ss); logs kept in %s/logs\n' "$(( $(date +%s) - T0 ))" "$VALISE_DIR"
  else
    printf '\nPASS  smoke test of ./valise up (%ss)\n' "$(( $(date +%s) - T0 ))"
  fi
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ------------------------------------------------------------------ helpers
# json <python expression over d> < body: prints the value ('' for None), e.g. json 'd["state"]'
json() {
  python3 -c '
import json, sys
d = json.load(sys.stdin)
try:
    v = eval(sys.argv[1], {}, {"d": d})
except (KeyError, IndexError, TypeError):
    v = None
print("" if v is None else v if isinstance(v, str) else json.dumps(v))' "$1"
}

# http <method> <url> <body file or -> [curl options...]: body to $WORK/body, headers to $WORK/headers,
# prints the status code (000 when nothing answered).
http() {
  local method=$1 url=$2 data=$3; shift 3
  local args=(-sS -X "$method" -o "$WORK/body" -D "$WORK/headers" -w '%{http_code}' --max-time 15 "$@")
  [ "$data" != - ] && args+=(--data-binary "@$data")
  curl "${args[@]}" "$url" 2>"$WORK/curl.err" || true
}

header() { tr -d '\r' < "$WORK/headers" | sed -n "s/^$1: *//Ip" | tail -n1; }

ready() {
  local port
  for port in 8081 8082 8083; do
    curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$port/actuator/health/readiness" || return 1
  done
}

# start_stack <n>: ./valise up in the background, as a developer would in a terminal
start_stack() {
  local n=$1 t0; t0=$(date +%s)
  ./valise up > "$WORK/up-$n.out" 2>&1 &
  UP_PID=$!
  while ! ready 2>/dev/null; do
    if ! kill -0 "$UP_PID" 2>/dev/null; then
      local rc=0
      wait "$UP_PID" || rc=$?
      UP_PID=""
      show_log "$WORK/up-$n.out" 60
      fail "./valise up (run $n) exited with status $rc before the services were ready"
    fi
    (( $(date +%s) - t0 < UP_TIMEOUT )) || fail "./valise up (run $n): services not ready after ${UP_TIMEOUT}s"
    sleep 2
  done
  pass "./valise up (run $n): intake, routing, notification ready in $(( $(date +%s) - t0 ))s"
}

stop_stack() {
  local n=$1 t0; t0=$(date +%s)
  ./valise down > "$WORK/down-$n.out" 2>&1 || { show_log "$WORK/down-$n.out"; fail "./valise down (run $n) failed"; }
  if [ -n "$UP_PID" ]; then
    local i
    for ((i = 0; i < 60; i++)); do kill -0 "$UP_PID" 2>/dev/null || break; sleep 1; done
    kill -0 "$UP_PID" 2>/dev/null && fail "./valise up (run $n) still running 60s after ./valise down"
    wait "$UP_PID" 2>/dev/null || true
    UP_PID=""
  fi
  local port
  for port in 9092 9093 3025 8081 8082 8083; do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && fail "./valise down (run $n): port $port still open"
  done
  pass "./valise down (run $n): everything stopped, ports free, in $(( $(date +%s) - t0 ))s"
}

# wait_state <url> <state> [<python condition over d>]: polls the tracking view; leaves it in $WORK/note.json
wait_state() {
  local url=$1 want=$2 cond=${3:-True} t0 code state=""
  t0=$(date +%s)
  while true; do
    code=$(http GET "$url" - "${VIEW_AUTH[@]}")
    if [ "$code" = 200 ]; then
      cp "$WORK/body" "$WORK/note.json"
      state=$(json 'd.get("state")' < "$WORK/note.json")
      if [ "$state" = "$want" ] && [ "$(json "bool($cond)" < "$WORK/note.json")" = true ]; then
        return 0
      fi
    fi
    if (( $(date +%s) - t0 >= STATE_TIMEOUT )); then
      info "last answer of GET $url: HTTP $code, state ${state:-?}"
      head -c 1500 "$WORK/body" 2>/dev/null | sed 's/^/        /'; echo
      return 1
    fi
    sleep 1
  done
}

# ------------------------------------------------------------------ the test
command -v python3 >/dev/null || fail "python3 is needed for JSON"
command -v curl >/dev/null || fail "curl is needed"
[ -f "$NOTE_FILE" ] || fail "note not found: $NOTE_FILE (the repository carries it in samples/notes/)"

./valise down >/dev/null 2>&1 || true   # a previous smoke run's leftovers, if any
rm -rf "$VALISE_DIR"

start_stack 1

# 0. Every API wants a token: the tracking view and the intake refuse a request without one (401).
tokens() {
  REGISTRY_AUTH=(-H "Authorization: Bearer $(./valise token submitter --name smoke-registry)")
  OFFICE_AUTH=(-H "Authorization: Bearer $(./valise token office ODG)")
  VIEW_AUTH=(-H "Authorization: Bearer $(./valise token clerk --name smoke-clerk)")
}
tokens
code=$(http POST "$INTAKE/api/v1/notes" "$NOTE_FILE" -H 'Content-Type: text/plain')
[ "$code" = 401 ] || fail "POST /api/v1/notes without a token answered $code, expected 401"
code=$(http GET "$NOTIFICATION/api/v1/notes?size=100" -)
[ "$code" = 401 ] || fail "GET /api/v1/notes without a token answered $code, expected 401"
pass "without a token: intake and the tracking search answer 401; tokens from ./valise token"

# 1. Intake accepts the note: 202, a note id, a Location to follow.
code=$(http POST "$INTAKE/api/v1/notes" "$NOTE_FILE" "${REGISTRY_AUTH[@]}" -H 'Content-Type: text/plain')
[ "$code" = 202 ] || { cat "$WORK/body" "$WORK/curl.err" 2>/dev/null; echo; fail "POST /api/v1/notes answered $code, expected 202"; }
NOTE_ID=$(json 'd["noteId"]' < "$WORK/body")
LOCATION=$(header Location)
[ -n "$NOTE_ID" ] || fail "202 without a noteId: $(cat "$WORK/body")"
[ -n "$LOCATION" ] || fail "202 without a Location header"
case $LOCATION in http*) ;; *) LOCATION="$NOTIFICATION$LOCATION" ;; esac
pass "intake accepted $(basename "$NOTE_FILE"): 202, noteId $NOTE_ID, Location $LOCATION"

# 2. The registry routes it to the Director General's office and notification delivers it.
t=$(date +%s)
wait_state "$LOCATION" DELIVERED "(d.get('destination') or {}).get('name') == '$EXPECTED_DESTINATION'" \
  || fail "note $NOTE_ID did not reach DELIVERED to '$EXPECTED_DESTINATION' within ${STATE_TIMEOUT}s"
REGISTRY_NUMBER=$(json 'd.get("registryNumber")' < "$WORK/note.json")
MAILBOX=$(json '[c["address"] for c in d["destination"]["channels"] if c["type"] == "email"][0]' < "$WORK/note.json")
pass "note $REGISTRY_NUMBER DELIVERED to $EXPECTED_DESTINATION in $(( $(date +%s) - t ))s"

# 3. The office's mail is in the SMTP server (GreenMail's REST API).
if [ -n "$MAILBOX" ]; then
  code=$(http GET "http://127.0.0.1:${VALISE_MAIL_API_PORT:-8025}/api/user/$MAILBOX/messages/INBOX" -)
  subjects=$(json '"\n".join(m.get("subject") or "" for m in d)' < "$WORK/body" 2>/dev/null || true)
  if [ "$code" = 200 ] && grep -qF "$REGISTRY_NUMBER" <<< "$subjects"; then
    pass "mail for $MAILBOX is in GreenMail: $(grep -F "$REGISTRY_NUMBER" <<< "$subjects" | head -n1)"
  else
    fail "no mail mentioning $REGISTRY_NUMBER in GreenMail's INBOX of $MAILBOX (HTTP $code)"
  fi
fi

# 4. The destination office acknowledges it.
printf '%s' "$ACK_BODY" > "$WORK/ack.json"
code=$(http POST "$LOCATION/acknowledgements" "$WORK/ack.json" "${OFFICE_AUTH[@]}" -H 'Content-Type: application/json')
case $code in 200|201|202) ;; *) cat "$WORK/body"; echo; fail "POST .../acknowledgements answered $code" ;; esac
wait_state "$LOCATION" ACKNOWLEDGED || fail "note $NOTE_ID not ACKNOWLEDGED within ${STATE_TIMEOUT}s of a $code"
pass "acknowledged by the office ($code), state ACKNOWLEDGED"

stop_stack 1

# 5. A second ./valise up reuses the data: the note is still there, still acknowledged.
grep -q 'reusing Kafka data' "$WORK/up-1.out" && fail "run 1 should have formatted a fresh broker"
start_stack 2
grep -q 'reusing Kafka data' "$WORK/up-2.out" || fail "run 2 did not reuse the broker's data (see its output)"
wait_state "$LOCATION" ACKNOWLEDGED "d.get('registryNumber') == '$REGISTRY_NUMBER'" \
  || fail "after the restart, note $NOTE_ID is not ACKNOWLEDGED as $REGISTRY_NUMBER"
pass "after the restart: note $REGISTRY_NUMBER still ACKNOWLEDGED"

stop_stack 2
