#!/usr/bin/env bash
# Renders assets/icon.svg into the icons the installers use, and commits nothing by itself:
#   assets/icon.png            256×256, the Linux app image, .deb and menu entry (jpackage --icon)
#   assets/icons/icon-N.png    16…512, for other desktops and stores
#   assets/icons/icon.ico      Windows (jpackage --icon on Windows), when icotool is there
#   assets/icons/icon.icns     macOS (jpackage --icon on macOS), when png2icns is there
# Needs rsvg-convert (Debian: librsvg2-bin); installs it with apt-get when it is missing and we are root.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
svg=$root/assets/icon.svg
out=$root/assets/icons

need() { # command, Debian package
    if command -v "$1" >/dev/null 2>&1; then
        return 0
    fi
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "icons.sh: $1 is missing; installing the Debian package $2 (apt-get install -y $2)" >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$2" >/dev/null
    else
        echo "icons.sh: $1 is missing: sudo apt-get install $2" >&2
        return 1
    fi
}

need rsvg-convert librsvg2-bin
mkdir -p "$out"
for size in 16 32 48 64 128 256 512; do
    rsvg-convert -w "$size" -h "$size" "$svg" -o "$out/icon-$size.png"
done
cp "$out/icon-256.png" "$root/assets/icon.png"

if need icotool icoutils; then
    icotool -c -o "$out/icon.ico" "$out"/icon-{16,32,48,64,128,256}.png
fi
if need png2icns icnsutils; then
    png2icns "$out/icon.icns" "$out"/icon-{16,32,128,256,512}.png >/dev/null
fi
echo "icons.sh: rendered $(ls "$out" | wc -l) icons into assets/icons and assets/icon.png"
