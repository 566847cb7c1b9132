#!/usr/bin/env bash
# What CI runs: formatting, lints, the whole test suite, the reference check.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo fmt --check
cargo clippy --all-targets -- -D warnings
cargo test --all-targets
if [ -d ../shared/reference ]; then
    cargo build --release --quiet
    python3 ../shared/tools/check_rank.py target/release/tradeoff ../shared/reference
fi
