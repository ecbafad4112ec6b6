"""Writes nfc-table.txt, the Unicode data CanonicalComposition needs, from Python's unicodedata.

Run: python3 make_nfc_table.py  (the Unicode version is that of the Python running it; it is written in the header)

Line formats (hex code points, decimal combining classes):
  = CP A B      canonical decomposition of CP into A B, and A B composes back to CP (a primary composite)
  > CP A [B]    canonical decomposition that NFC never recomposes (singletons, composition exclusions,
                non-starter decompositions)
  CCC FIRST[-LAST]   canonical combining class of a range of code points (class 0 is not listed)
Hangul syllables are algorithmic and not listed.
"""
import os
import unicodedata

here = os.path.dirname(os.path.abspath(__file__))
lines = [f"# Unicode {unicodedata.unidata_version} canonical decompositions and combining classes; see make_nfc_table.py"]
ranges = []
for cp in range(0x110000):
    if 0xAC00 <= cp <= 0xD7A3:
        continue
    c = chr(cp)
    d = unicodedata.decomposition(c)
    if d and not d.startswith("<"):
        parts = [int(x, 16) for x in d.split()]
        composes = len(parts) == 2 and unicodedata.normalize("NFC", "".join(map(chr, parts))) == c
        lines.append(("= " if composes else "> ") + " ".join(f"{p:X}" for p in [cp] + parts))
    k = unicodedata.combining(c)
    if k:
        if ranges and ranges[-1][1] == cp - 1 and ranges[-1][2] == k:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp, k])
for first, last, k in ranges:
    lines.append(f"{k} {first:X}" + ("" if first == last else f"-{last:X}"))
with open(os.path.join(here, "nfc-table.txt"), "w", encoding="ascii", newline="\n") as f:
    f.write("\n".join(lines) + "\n")
