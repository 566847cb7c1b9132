#!/usr/bin/env python3
"""Rank a Tradeoff decision-matrix CSV with pymcdm, as a Python user would:
read the file, drop options beyond a #veto, normalise the #weight row and
print the ranking. The counterpart of `tradeoff rank FILE --method M` in
scripts/bench_vs_pymcdm.py (wsm: min-max normalisation, as Tradeoff's wsm;
topsis: vector normalisation)."""

import csv
import sys

import numpy as np
from pymcdm import methods, normalizations
from pymcdm.helpers import rankdata


def main(path, method):
    with open(path, newline="", encoding="utf-8-sig") as f:
        rows = [r for r in csv.reader(f) if r and any(c.strip() for c in r)]
    header, body = rows[0], rows[1:]
    special = {r[0].lower(): r[1:] for r in body if r[0].startswith("#")}
    options = [r for r in body if not r[0].startswith("#")]
    names = [r[0] for r in options]
    matrix = np.array([[float(c) for c in r[1:]] for r in options])
    types = np.array([1 if d.strip() == "max" else -1 for d in special["#direction"]])
    weights = np.array([float(w) for w in special["#weight"]])
    weights = weights / weights.sum()
    keep = np.ones(len(names), dtype=bool)
    for j, limit in enumerate(special.get("#veto", [])):
        if limit.strip():
            v = float(limit)
            keep &= matrix[:, j] >= v if types[j] == 1 else matrix[:, j] <= v
    matrix = matrix[keep]
    names = [n for n, k in zip(names, keep) if k]
    if method == "wsm":
        model = methods.WSM(normalization_function=normalizations.minmax_normalization)
    else:
        model = methods.TOPSIS(normalization_function=normalizations.vector_normalization)
    scores = model(matrix, weights, types)
    ranks = rankdata(scores, reverse=True)
    for r, name, s in sorted(zip(ranks, names, scores)):
        print(f"{int(r):>4}  {name:<20}  {s:.4f}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "wsm")
