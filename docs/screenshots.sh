#!/usr/bin/env bash
# Regenerate the screenshots of the four views (docs/view-*.png) with headless Chromium, at
# 1366x768 (a common office laptop) and 1920x1080. Deadlines are coloured as of 2022-06-30,
# when the five plans were under way, so that all four colours show.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
.venv/bin/plangraph viz --agency "Sở Kế hoạch và Đầu tư" --as-of 2022-06-30 -o "$tmp/agency.html"
.venv/bin/plangraph viz --resolution 58-NQ/TW --as-of 2022-06-30 -o "$tmp/resolution.html"
.venv/bin/plangraph viz --plan 913/QĐ-UBND --as-of 2022-06-30 -o "$tmp/plan.html"
.venv/bin/plangraph viz --overview -o "$tmp/overview.html"
for view in agency resolution plan overview; do
  for size in 1366,768 1920,1080; do
    suffix=$([ "$size" = 1366,768 ] && echo "" || echo "-1920")
    chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
      --disable-component-update --disable-sync --user-data-dir="$tmp/profile-$view" --window-size="$size" \
      --virtual-time-budget=4000 --screenshot="docs/view-$view$suffix.png" "file://$tmp/$view.html" 2>/dev/null
  done
done
