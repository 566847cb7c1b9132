//! Chart keys: a hash of what a chart shows, so the texture cache knows when
//! to render it again. A leaf module, so the state and every view can use it.

/// A hash of anything hashable, for chart keys.
pub fn key_of(parts: impl std::hash::Hash) -> u64 {
    use std::hash::{DefaultHasher, Hasher};
    let mut h = DefaultHasher::new();
    parts.hash(&mut h);
    h.finish()
}
