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
# Lints and tests in one build. `cargo clippy` only checks, so a following
# `cargo test` compiled every dependency a second time (on a fresh clone the
# larger part of the whole script). Here clippy's driver compiles this
# package's targets while `cargo test` builds them (what `cargo clippy` sets
# up: the driver as RUSTC_WORKSPACE_WRAPPER, its arguments in CLIPPY_ARGS),
# so the lints are those of `cargo clippy --all-targets -- -D warnings` on
# the same targets, and the dependencies are built once.
RUSTC_WORKSPACE_WRAPPER="$(rustup which clippy-driver 2>/dev/null || command -v clippy-driver)"
export RUSTC_WORKSPACE_WRAPPER
export CLIPPY_ARGS="-D__CLIPPY_HACKERY__warnings__CLIPPY_HACKERY__"
cargo test --all-targets
if [ -d ../shared/reference ]; then
    # `cargo test` has just built target/debug/tradeoff for the CLI tests; a
    # separate `cargo build` would rebuild it without the dev-dependencies'
    # features for nothing.
    python3 ../shared/tools/check_rank.py target/debug/tradeoff ../shared/reference
fi
