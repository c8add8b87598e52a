#!/usr/bin/env bash
# The GitHub Action's scan step. Inputs arrive as environment variables (never expanded into the
# script), outputs go to $GITHUB_OUTPUT; the exit status is passed on as the `status` output so
# the SARIF upload can run before the job fails.
set -uo pipefail

bin=${OVERSHARE_BIN:?OVERSHARE_BIN is required}
read -r -a paths <<< "${OVERSHARE_PATHS:-.}"
args=(check "${paths[@]}")
[ -n "${OVERSHARE_CONFIG:-}" ] && args+=(--config "$OVERSHARE_CONFIG")

# On a pull request, report only what the pull request touches.
if [ "${OVERSHARE_ONLY_CHANGED:-true}" = "true" ] && [ "${GITHUB_EVENT_NAME:-}" = "pull_request" ] && [ -n "${GITHUB_BASE_REF:-}" ]; then
  if git fetch --no-tags --quiet origin "$GITHUB_BASE_REF" 2>/dev/null; then
    base=$(git merge-base FETCH_HEAD HEAD 2>/dev/null || echo FETCH_HEAD)
    args+=(--diff-base "$base")
  else
    echo "::warning title=overshare::could not fetch the base branch $GITHUB_BASE_REF; reporting every finding"
  fi
fi

[ "${OVERSHARE_FAIL_ON_SKIPPED:-false}" = "true" ] && args+=(--fail-on-skipped)

# One scan writes both the log's format (annotations by default) and the SARIF report; the
# findings count is read from that SARIF (one "ruleId" line per result).
sarif=${OVERSHARE_SARIF:-}
report=${sarif:-"${RUNNER_TEMP:-${TMPDIR:-/tmp}}/overshare-$$.sarif"}
"$bin" "${args[@]}" --fail-on "${OVERSHARE_FAIL_ON:-warning}" \
  --format "${OVERSHARE_FORMAT:-github}" --sarif-file "$report"
code=$?
if [ "$code" -ge 2 ]; then
  echo "::error title=overshare::the scan failed (exit $code)"
  echo "status=$code" >> "$GITHUB_OUTPUT"
  exit 0
fi
findings=$(grep -c '"ruleId":' "$report" || true)
[ -z "$sarif" ] && rm -f "$report"

{
  echo "findings=${findings:-0}"
  echo "sarif-file=$sarif"
  echo "status=$code"
} >> "$GITHUB_OUTPUT"
exit 0
