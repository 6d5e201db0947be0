#!/usr/bin/env python3
"""Makes tests/data/ingest/loom.pdf, the multi-page PDF fixture of pdfreader_test:
running headers, page numbers, bold section headings, a contents page with dot
leaders, a paragraph with hand-broken hyphenated line ends, an appendix, a
bibliography and an index. Needs groff (gropdf).  Run: python3 make_loom_pdf.py OUT.pdf"""
import random
random.seed(7)
people = ["Joseph Marie Jacquard", "Charles Babbage", "Ada Lovelace", "Basile Bouchon", "Jean-Baptiste Falcon",
          "Jacques de Vaucanson", "Herman Hollerith", "Luigi Menabrea", "Mary Somerville", "Augustus De Morgan"]
places = ["Lyon", "London", "Turin", "Paris", "Manchester", "Washington", "Vienna", "Glasgow"]
things = ["the punched card", "the difference engine", "the analytical engine", "the silk loom",
          "the census tabulator", "the card reader", "the mill", "the store", "the barrel organ", "the pattern book"]
verbs = ["described", "improved", "doubted", "praised", "copied", "measured", "rebuilt", "explained", "tested", "defended"]
adjs = ["patient", "careful", "costly", "famous", "forgotten", "ingenious", "stubborn", "fragile", "precise", "noisy"]
templates = [
 "In {place}, {p1} {verb} {thing} before a {adj} audience of weavers and merchants.",
 "{p1} wrote to {p2} that {thing} was {adj} but worth every franc spent on it.",
 "The workshops of {place} kept {thing} running through the winter, although the oil was {adj} and scarce.",
 "Years later {p2} {verb} the same drawings and found them {adj} in every detail.",
 "A letter from {place} shows that {p1} had {verb} {thing} twice before the guild accepted it.",
 "Nobody in {place} believed that {thing} could be both {adj} and cheap, yet {p2} proved it could.",
 "The accounts of {thing} survive in {place}, written in the {adj} hand of a clerk who served {p1}.",
 "When {p2} visited {place}, the talk was of {thing} and of little else.",
]
def sentence():
    t = random.choice(templates)
    p1, p2 = random.sample(people, 2)
    return t.format(place=random.choice(places), p1=p1, p2=p2, thing=random.choice(things),
                    verb=random.choice(verbs), adj=random.choice(adjs))
def para(n): 
    s = " ".join(sentence() for _ in range(n))
    return s[0].upper() + s[1:]
out = []
out.append(r""".nr PS 11
.nr VS 13
.nr LL 5i
.nr HM 1i
.nr FM 1i
.hy 1
.ds LH The Loom and the Ledger
.ds CH
.ds RH Working Paper
.ds LF
.ds CF \\n%
.ds RF
.TL
The Loom and the Ledger
.AU
A. N. Archivist
.SH
Contents
.LP
.nf
1. Cards and Looms ........................... 1
2. Engines and Notes ......................... 3
Appendix A. Card Tables ...................... 5
References ................................... 6
Index ........................................ 6
.fi
.NH 1
Cards and Looms
""")
for i in range(6):
    out.append(".PP\n" + para(6) + "\n")
out.append(".NH 1\nEngines and Notes\n")
out.append(""".PP
.nf
The engineers kept their notes in bound books. Their letters were hand-
written in brown ink, and the clerks who copied them were paid for writ-
ing by the page, which is why the copies run so long and so slowly.
.fi
""")
for i in range(7):
    out.append(".PP\n" + para(6) + "\n")
out.append(""".SH
Appendix A. Card Tables
.PP
The tables below list the cards of three patterns. Each card holds twenty-four rows of holes, and a pattern of flowers needs about four thousand cards.
.PP
A plain twill needs only eight cards, which the weavers of Lyon could punch in an afternoon with a hand press.
""")
refs = [
 "Babbage, C. (1864). Passages from the Life of a Philosopher. London: Longman, Green. pp. 112\\(en118.",
 "Essinger, J. (2004). Jacquard's Web: How a Hand-Loom Led to the Birth of the Information Age. Oxford University Press. ISBN 978-0-19-280577-5.",
 "Lovelace, A. A. (1843). Notes by the translator. Scientific Memoirs, vol. 3, pp. 666\\(en731.",
 "Menabrea, L. F. (1842). Notions sur la machine analytique. Biblioth\\[`e]que universelle de Gen\\[`e]ve, no. 82, pp. 352\\(en376.",
 "Swade, D. et al. (2000). The Cogwheel Brain. London: Little, Brown. pp. 45\\(en60.",
]
out.append(".SH\nReferences\n")
for r in refs:
    out.append(".XP\n" + r + "\n")
out.append(""".SH
Index
.LP
.nf
analytical engine, 3, 4
Babbage, Charles, 2, 3
card reader, 1, 4
census tabulator, 4
difference engine, 2
Jacquard, Joseph Marie, 1, 2
Lovelace, Ada, 3, 4
silk loom, 1, 5
.fi
""")
import os, subprocess, sys
source = "".join(out)
env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")  # a fixed CreationDate: 2023-11-14
pdf = subprocess.run(["groff", "-ms", "-Tpdf"], input=source.encode(), env=env, check=True, capture_output=True).stdout
open(sys.argv[1], "wb").write(pdf)
