#!/usr/bin/env bash
# The whole test suite, exactly as CI runs it: formatting, lints, tests, and
# the reference-case check against ../shared/reference when it is present.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v python3 >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
    SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
    $SUDO apt-get update -qq && $SUDO apt-get install -y -qq python3 >/dev/null
fi
cargo fmt --check
cargo clippy --all-targets -- -D warnings
cargo test --all-targets
if [ -d ../shared/reference ]; then
    # `cargo test` has just built target/debug/tradeoff for the CLI tests; a
    # separate `cargo build` would rebuild it without the dev-dependencies'
    # features for nothing.
    python3 ../shared/tools/check_rank.py target/debug/tradeoff ../shared/reference
fi
