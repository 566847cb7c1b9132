//! The JSON documents of the command line (design.md §5), as typed structs.
