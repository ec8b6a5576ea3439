#!/bin/sh
# Regenerates the web client's Sarabun subsets (woff2) from the TTFs of @expo-google-fonts/sarabun.
# Needs fontTools with brotli: `apt-get install python3-fonttools python3-brotli`.
# Thai (U+0E00–0E7F), Basic Latin and Latin-1, general punctuation, the baht sign and a few symbols
# the screens use; everything else falls back to the system's Thai fonts.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
src="$here/../../node_modules/@expo-google-fonts/sarabun"
ranges="U+0000-00FF,U+0E00-0E7F,U+2000-206F,U+20AC,U+0E3F,U+2122,U+2190-2195,U+25B2,U+25BC,U+2713"
for face in 400Regular 700Bold; do
  /usr/bin/python3 -m fontTools.subset "$src/$face/Sarabun_$face.ttf" \
    --unicodes="$ranges" --layout-features='*' --flavor=woff2 --no-hinting --desubroutinize \
    --output-file="$here/sarabun-$face.woff2"
done
ls -l "$here"/*.woff2
