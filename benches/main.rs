//! Every criterion benchmark in one program, one module per subject, so
//! `cargo test --all-targets` and clippy build and link one bench binary
//! (each links the whole library) instead of eight. Each module names its
//! benchmarks after itself: run one subject with a filter, e.g.
//! `cargo bench --bench benches -- '^methods/'`.

use criterion::criterion_main;

#[path = "support/cpu_time.rs"]
mod cpu_time;

mod frontier;
mod gui_redraw;
mod methods;
mod package;
mod render;
mod scale;
mod sensitivity;
mod smaa;

criterion_main!(
    frontier::benches,
    gui_redraw::benches,
    gui_redraw::cpu,
    methods::benches,
    methods::cpu,
    package::benches,
    render::benches,
    scale::benches,
    sensitivity::benches,
    smaa::benches,
);
