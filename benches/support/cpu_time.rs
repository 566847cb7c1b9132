//! A criterion measurement of the benchmark thread's CPU time (Linux; wall
//! time elsewhere). On a shared machine where other builds run, wall time
//! counts the time the thread waits for a core; CPU time does not, so it is
//! what a quiet machine's wall time would be for single-threaded work.

use criterion::Throughput;
use criterion::measurement::{Measurement, ValueFormatter};
use std::time::Duration;

/// CPU time of the calling thread.
pub struct ThreadCpuTime;

#[cfg(target_os = "linux")]
fn now() -> Duration {
    #[repr(C)]
    struct Timespec {
        seconds: i64,
        nanoseconds: i64,
    }
    unsafe extern "C" {
        fn clock_gettime(clock: i32, time: *mut Timespec) -> i32;
    }
    /// Linux's CLOCK_THREAD_CPUTIME_ID.
    const THREAD_CPU_CLOCK: i32 = 3;
    let mut t = Timespec {
        seconds: 0,
        nanoseconds: 0,
    };
    // SAFETY: `t` is a valid, writable timespec for the call's duration.
    unsafe { clock_gettime(THREAD_CPU_CLOCK, &mut t) };
    Duration::new(t.seconds as u64, t.nanoseconds as u32)
}

#[cfg(not(target_os = "linux"))]
fn now() -> Duration {
    use std::sync::OnceLock;
    static START: OnceLock<std::time::Instant> = OnceLock::new();
    START.get_or_init(std::time::Instant::now).elapsed()
}

impl Measurement for ThreadCpuTime {
    type Intermediate = Duration;
    type Value = Duration;
    fn start(&self) -> Duration {
        now()
    }
    fn end(&self, started: Duration) -> Duration {
        now().saturating_sub(started)
    }
    fn add(&self, a: &Duration, b: &Duration) -> Duration {
        *a + *b
    }
    fn zero(&self) -> Duration {
        Duration::ZERO
    }
    fn to_f64(&self, value: &Duration) -> f64 {
        value.as_nanos() as f64
    }
    fn formatter(&self) -> &dyn ValueFormatter {
        &CpuFormatter
    }
}

/// Nanoseconds shown as "cpu ns", "cpu µs", "cpu ms" or "cpu s".
struct CpuFormatter;

impl ValueFormatter for CpuFormatter {
    fn scale_values(&self, typical: f64, values: &mut [f64]) -> &'static str {
        let (factor, unit) = if typical < 1e3 {
            (1.0, "cpu ns")
        } else if typical < 1e6 {
            (1e-3, "cpu µs")
        } else if typical < 1e9 {
            (1e-6, "cpu ms")
        } else {
            (1e-9, "cpu s")
        };
        for v in values {
            *v *= factor;
        }
        unit
    }
    fn scale_throughputs(&self, _: f64, _: &Throughput, values: &mut [f64]) -> &'static str {
        for v in values {
            *v = 0.0;
        }
        "n/a"
    }
    fn scale_for_machines(&self, _: &mut [f64]) -> &'static str {
        "ns"
    }
}
