//! The same 20-row table written the ways users write it today, to measure
//! the generated `SmsStatus` against. `agreement` proves, before any number
//! is taken, that every peer maps every `u16` exactly as `SmsStatus` does.

pub(crate) mod agreement;
pub(crate) mod derived;
pub(crate) mod handwritten;
