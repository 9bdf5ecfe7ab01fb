# shellcheck shell=bash
# iago_opens <bin/iago>: sets the array opens to the JVM flags bin/iago passes (its opens=( ... ) list, the one place
# they are kept), for the bench/ scripts that start a JVM themselves. Sourced; it changes no directory.
iago_opens() {
  opens=()
  eval "$(sed -n '/^opens=(/,/^)/p' "$1")"
  if [[ ${#opens[@]} -eq 0 ]]; then
    echo "found no opens=( ... ) list in $1" >&2
    return 1
  fi
}

# iago_jit <bin/iago> <command>: sets the array jit to the JIT flags bin/iago passes for the command (its ingest_jit
# for an ingestion, its short_jit for tte and demo, none for the others: signals on a case table is not told apart)
iago_jit() {
  local ingest_jit=() short_jit=()
  eval "$(sed -n '/^ingest_jit=(/p; /^short_jit=(/p' "$1")"
  jit=()
  if [[ "$2" == ingest ]]; then
    jit=("${ingest_jit[@]}")
  elif [[ "$2" == tte || "$2" == demo ]]; then
    jit=("${short_jit[@]}")
  fi
}
