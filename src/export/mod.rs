//! Writing charts and briefing packs to files.
