#!/usr/bin/env bash
# Builds the web app (Emscripten, incremental) and assembles dist/. Fast when nothing changed.
set -euo pipefail
cd "$(dirname "$0")/.."
# Debian's emscripten needs Debian's acorn module, which the machine's node may not search.
acorn_pkg=$(dpkg -L node-acorn | grep '/acorn/package.json$' | sed -n 1p)
export NODE_PATH="$(dirname "$(dirname "$acorn_pkg")")${NODE_PATH:+:$NODE_PATH}"
if [ ! -f build-web/CMakeCache.txt ]; then
  emcmake cmake -S . -B build-web -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build build-web -j"$(nproc)"
node scripts/build-site.mjs build-web dist
