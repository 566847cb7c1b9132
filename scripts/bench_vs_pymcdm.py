#!/usr/bin/env python3
"""Whole-process timing of `tradeoff rank` beside the same ranking in Python
with pymcdm (scripts/pymcdm_rank.py), on the same synthetic CSV files,
measured the same way with hyperfine (no shell, warm-up runs, mean of runs).

Needs: a release build and the file writer
  cargo build --release && cargo build --release --example synthetic
  apt-get install hyperfine; pip install pymcdm
Run:  python3 scripts/bench_vs_pymcdm.py [--sizes 200x20,2000x20,10000x20]
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def hyperfine(commands, runs):
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as out:
        path = out.name
    subprocess.run(
        ["hyperfine", "-N", "--warmup", "3", "--runs", str(runs), "--export-json", path,
         "--style", "none", *commands],
        check=True, stdout=subprocess.DEVNULL,
    )
    with open(path) as f:
        results = json.load(f)["results"]
    os.unlink(path)
    return [(r["mean"], r["stddev"]) for r in results]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tradeoff", default=os.path.join(ROOT, "target/release/tradeoff"))
    parser.add_argument("--writer", default=os.path.join(ROOT, "target/release/examples/synthetic"))
    parser.add_argument("--sizes", default="4x8,200x20,2000x20,10000x20")
    parser.add_argument("--methods", default="wsm,topsis")
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    script = os.path.join(HERE, "pymcdm_rank.py")
    print(f"{'file':<12} {'method':<7} {'tradeoff rank':>16} {'pymcdm':>16} {'ratio':>7}")
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes.split(","):
            n, m = size.split("x")
            path = os.path.join(tmp, f"m{size}.csv")
            subprocess.run([args.writer, path, n, m, "1"], check=True)
            for method in args.methods.split(","):
                (t, t_sd), (p, p_sd) = hyperfine(
                    [f"{args.tradeoff} rank {path} --method {method}",
                     f"{sys.executable} {script} {path} {method}"],
                    args.runs,
                )
                print(f"{size:<12} {method:<7} {t*1e3:>9.1f} ± {t_sd*1e3:4.1f} ms"
                      f" {p*1e3:>9.1f} ± {p_sd*1e3:4.1f} ms {p/t:>6.0f}×")


if __name__ == "__main__":
    main()
