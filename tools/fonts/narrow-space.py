#!/usr/bin/env python3
"""Gives the bundled Atkinson Hyperlegible fonts the narrow no-break space (U+202F) they lack.

French typography puts a narrow no-break space before : ; ? ! » and after « (`ui/src/lib/typography.ts`,
the core's `i18n::typeset`), so nearly every French sentence of the app holds one. The fonts from
@fontsource have no glyph for it: WebKit then looked the character up in the system's fonts, at the first
layout of every screen, and drew those spaces in another font than the text around them (as wide as that
font makes them). The glyph added here is empty, two thirds of the font's word space wide (the proportion
common sans-serif fonts such as DejaVu Sans give it). Fonts that already have it are left as they are.

The fonts are under the SIL Open Font License 1.1 (ui/public/fonts/OFL.txt), which allows modified
versions under the same license; no reserved font name is declared.

Usage: tools/fonts/narrow-space.py FONT.woff2...   (needs the fonttools and brotli Python packages)
"""

import sys

from fontTools.ttLib import TTFont
from fontTools.ttLib.tables._g_l_y_f import Glyph

NNBSP = 0x202F
NAME = "uni202F"


def add_narrow_space(path):
    font = TTFont(path)
    cmap = font.getBestCmap()
    if NNBSP in cmap:
        print(f"{path}: already has U+202F")
        return
    space = font["hmtx"][cmap[0x20]][0]
    width = round(space * 2 / 3)
    font.setGlyphOrder(font.getGlyphOrder() + [NAME])
    font["glyf"][NAME] = Glyph()  # empty: a space draws nothing
    font["hmtx"][NAME] = (width, 0)
    for table in font["cmap"].tables:
        if table.isUnicode():
            table.cmap[NNBSP] = NAME
    font.flavor = "woff2"
    font.save(path)
    print(f"{path}: U+202F added, {width} units wide (word space {space})")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    for arg in sys.argv[1:]:
        add_narrow_space(arg)
