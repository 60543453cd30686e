"""Joins one run's JMH results (JSON) with the peers' timings (JSON lines) into the markdown table of
BENCHMARKS.md, with ratios peer / ours (above 1: ours is faster).

Usage: python bench_table.py JMH.json PEERS.jsonl
"""
import json
import sys
from collections import defaultdict

UNIT = {"s/op": 1.0, "ms/op": 1e-3, "us/op": 1e-6, "ns/op": 1e-9}


def main(jmh_path, peers_path):
    ours = {}
    extra = []
    for rec in json.load(open(jmh_path)):
        name = rec["benchmark"].rsplit(".", 1)[-1]
        n = int(rec["params"]["n"]) if "params" in rec and "n" in rec["params"] else None
        m = rec["primaryMetric"]
        sec = m["score"] * UNIT[m["scoreUnit"]]
        err = m.get("scoreError", 0.0) * UNIT[m["scoreUnit"]]
        if n is None:
            extra.append((rec["benchmark"], sec, err, rec))
        else:
            ours[(name, n)] = (sec, err)
    peers = defaultdict(dict)
    for line in open(peers_path):
        line = line.strip()
        if line:
            r = json.loads(line)
            peers[(r["case"], r["n"])][r["peer"]] = r["seconds"]
    for case in ["forward1", "forward64", "grad64"]:
        ns = sorted({n for (c, n) in ours if c == case} | {n for (c, n) in peers if c == case})
        names = sorted({p for (c, n), d in peers.items() if c == case for p in d})
        print("\n### %s\n" % case)
        print("| n | ours (s) | " + " | ".join("%s (s) | ratio" % p for p in names) + " |")
        print("|---|---|" + "---|---|" * len(names))
        for n in ns:
            o = ours.get((case, n))
            row = "| %d | %s | " % (n, "%.3e ± %.1e" % o if o else "-")
            cells = []
            for p in names:
                s = peers.get((case, n), {}).get(p)
                cells.append("%s | %s" % ("%.3e" % s if s else "-", "%.1fx" % (s / o[0]) if s and o else "-"))
            print(row + " | ".join(cells) + " |")
    print("\n### arithmetic rate (FLOP model: 14 FLOP per amplitude per fused single-qubit block, "
          "one block per qubit per layer, 5 layers; CNOTs move data only. Plain loop: 6 FLOP per element "
          "pair, 5n sweeps)\n")
    print("| n | simulator forward1 GFLOP/s | plain loop GFLOP/s |")
    print("|---|---|---|")
    for n in sorted({n for (c, n) in ours if c == "forward1"}):
        sim = 14.0 * 5 * n * 2 ** n / ours[("forward1", n)][0] / 1e9
        loop = ours.get(("rotate", n))
        lg = "%.2f" % (6.0 * 2 ** n * 5 * n / loop[0] / 1e9) if loop else "-"
        print("| %d | %.2f | %s |" % (n, sim, lg))
    if extra:
        print("\n### other\n")
        for name, sec, err, rec in extra:
            print("- %s: %.3e s ± %.1e" % (name, sec, err))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
