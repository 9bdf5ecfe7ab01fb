#!/usr/bin/env bash
# Screenshot of the signal report for docs/: runs ReportChromiumTest, which writes the report of its hand-written run
# folder and a 1280x4000 headless-Chromium screenshot of it, then copies that to docs/report-screenshot.png.
# Needs Debian's chromium (apt-get install -y chromium); without it the test is skipped and this script fails.
# Usage: bench/report-screenshot.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
command -v chromium >/dev/null || { echo "no chromium on the PATH: apt-get install -y chromium" >&2; exit 2; }
shot=report/target/report-chromium/report-screenshot.png
rm -f "$shot"
./mvnw -q -B -pl report -am test -Dtest=ReportChromiumTest -Dsurefire.failIfNoSpecifiedTests=false
cp "$shot" docs/report-screenshot.png
echo "docs/report-screenshot.png (report: report/target/report-chromium/run/report/index.html)"
