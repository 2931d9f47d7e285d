#!/usr/bin/env bash
# Installs whatever is missing, and nothing when all is there (idempotent, fast when unchanged):
#  - Debian packages (toolchain, header-only libraries, Chromium, fonts)
#  - npm packages from package-lock.json (playwright-core, used by tests only)
#  - Dear ImGui 1.86 sources from Debian's *source* package, unpacked into .cache/
#  - copies of the header-only libraries into .cache/include (em++ must not see the system include dir)
set -euo pipefail
cd "$(dirname "$0")/.."
CACHE=.cache
mkdir -p "$CACHE"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# --- Debian packages --------------------------------------------------------------------------
# clang, libclang-rt-14-dev (libFuzzer and the sanitizer runtimes) and llvm (llvm-symbolizer, for readable
# sanitizer reports): the fuzz targets and the sanitized core tests. terser: scripts/build-site.mjs minifies
# the JS it ships with it. binaryen comes with emscripten; it is named because cmake/web_app.cmake runs
# its wasm-opt itself. python3-brotli: pyftsubset writes the fonts as WOFF2 with it.
PACKAGES=(cmake g++ make emscripten binaryen nlohmann-json3-dev doctest-dev libstb-dev libssl-dev
          clang libclang-rt-14-dev llvm
          chromium fonts-inter fonts-fork-awesome fonttools python3-brotli xz-utils terser)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node.js and npm may come from elsewhere on the machine; Debian's are the fallback.
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- npm packages (locked) --------------------------------------------------------------------
lock_sum=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat node_modules/.wayfinder-lock 2>/dev/null)" != "$lock_sum" ]; then
  echo "setup: installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_sum" > node_modules/.wayfinder-lock
fi

# --- Dear ImGui 1.86 sources ------------------------------------------------------------------
IMGUI_DIR="$CACHE/imgui-1.86"
if [ ! -f "$IMGUI_DIR/imgui.cpp" ]; then
  echo "setup: fetching Dear ImGui 1.86 sources (Debian source package 'imgui')"
  tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
  mkdir -p "$tmp/lists/partial" "$tmp/parts" "$tmp/out"
  # A private deb-src view built from the system's own sources; the system's apt config is untouched.
  if [ -f /etc/apt/sources.list.d/debian.sources ]; then
    sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources > "$tmp/parts/src.sources"
  else
    sed -n 's/^deb /deb-src /p' /etc/apt/sources.list > "$tmp/parts/src.list"
  fi
  O=(-o Dir::Etc::SourceList=/dev/null -o "Dir::Etc::SourceParts=$tmp/parts" -o "Dir::State::Lists=$tmp/lists")
  apt-get "${O[@]}" update -qq 2>/dev/null
  (cd "$tmp/out" && apt-get "${O[@]}" source --download-only imgui >/dev/null 2>&1)
  tarball=$(ls "$tmp"/out/imgui_1.86*.orig.tar.* | head -1)
  rm -rf "$IMGUI_DIR" && mkdir -p "$IMGUI_DIR"
  tar -xf "$tarball" -C "$IMGUI_DIR" --strip-components=1
  test -f "$IMGUI_DIR/imgui.cpp"
fi

# --- header-only libraries, located through dpkg (no machine paths in the repo) --------------
INC="$CACHE/include"
pkg_file() { dpkg -L "$1" | grep -E "$2" | sed -n 1p; }
if [ ! -f "$INC/nlohmann/json.hpp" ] || [ ! -f "$INC/stb/stb_image_write.h" ] || [ ! -f "$INC/doctest/doctest.h" ]; then
  rm -rf "$INC" && mkdir -p "$INC/stb" "$INC/doctest"
  cp -r "$(dirname "$(pkg_file nlohmann-json3-dev '/nlohmann/json.hpp$')")" "$INC/nlohmann"
  cp "$(pkg_file libstb-dev '/stb_image_write.h$')" "$(pkg_file libstb-dev '/stb_image.h$')" "$INC/stb/"
  cp "$(pkg_file doctest-dev '/doctest/doctest.h$')" "$INC/doctest/"
fi

# --- font sources (subset at build time by CMake) ---------------------------------------------
FONTS="$CACHE/font-sources"
if [ ! -f "$FONTS/Inter-Regular.otf" ] || [ ! -f "$FONTS/Inter-SemiBold.otf" ] || [ ! -f "$FONTS/forkawesome.ttf" ]; then
  mkdir -p "$FONTS"
  cp "$(pkg_file fonts-inter '/Inter-Regular.otf$')" "$FONTS/Inter-Regular.otf"
  cp "$(pkg_file fonts-inter '/Inter-SemiBold.otf$')" "$FONTS/Inter-SemiBold.otf"
  cp "$(pkg_file fonts-fork-awesome '/forkawesome-webfont.ttf$')" "$FONTS/forkawesome.ttf"
fi
