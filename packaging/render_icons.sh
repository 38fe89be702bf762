#!/usr/bin/env bash
# Render resources/icons/icescope.svg into the committed PNG sizes and the Windows .ico.
# Run after editing the SVG and commit the results: CI runners on Windows and macOS then need
# no SVG renderer. Needs ImageMagick (`convert`); uses rsvg-convert instead when present.
set -euo pipefail
cd "$(dirname "$0")/.."

svg=resources/icons/icescope.svg
out=resources/icons/hicolor
sizes=(16 24 32 48 64 128 256 512)

render() { # render SIZE DEST
    if command -v rsvg-convert >/dev/null; then
        rsvg-convert -w "$1" -h "$1" -o "$2" "$svg"
    else
        # The SVG is 256 user units at 96 dpi: scale the density so the vector is rasterised at
        # the target size instead of up/down-scaling a 256 px bitmap.
        convert -background none -density "$((96 * $1 / 256 + 1))" "$svg" \
            -resize "${1}x${1}" -strip "PNG32:$2"
    fi
}

for s in "${sizes[@]}"; do
    mkdir -p "$out/${s}x${s}/apps"
    render "$s" "$out/${s}x${s}/apps/icescope.png"
done

# Windows: one .ico holding the sizes Explorer asks for.
convert $(for s in 16 24 32 48 64 256; do echo "$out/${s}x${s}/apps/icescope.png"; done) \
    resources/icons/icescope.ico
echo "rendered: ${sizes[*]} px and icescope.ico"
