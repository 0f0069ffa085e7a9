#!/usr/bin/env bash
# Regenerate the screenshots of the four views (docs/*.png) with headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
.venv/bin/plangraph viz --agency "Sở Kế hoạch và Đầu tư" -o "$tmp/agency.html"
.venv/bin/plangraph viz --resolution 58-NQ/TW -o "$tmp/resolution.html"
.venv/bin/plangraph viz --plan 913/QĐ-UBND -o "$tmp/plan.html"
.venv/bin/plangraph viz --overview -o "$tmp/overview.html"
for view in agency resolution plan overview; do
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$tmp/profile-$view" --window-size=1400,900 \
    --virtual-time-budget=4000 --screenshot="docs/view-$view.png" "file://$tmp/$view.html" 2>/dev/null
done
