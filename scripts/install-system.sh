#!/usr/bin/env bash
# Debian packages dxmon needs beside npm's: Chromium prints the PDF reports and runs the browser
# tests, the Noto fonts give them Vietnamese and Arabic glyphs (embedded in every PDF), poppler's
# pdftotext/pdffonts let the tests read the PDFs back. Installs only what is missing.
set -euo pipefail
packages=(chromium fonts-noto-core poppler-utils)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "dxmon needs ${missing[*]} (Debian package names); install them with your system's package manager" >&2
  exit 1
fi
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
echo "Installing ${missing[*]} from Debian's packages"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
