//! Server-only secrets of customer accounts: password hashes and the random
//! tokens behind sessions and emailed links. Nothing here is compiled into
//! the browser's WebAssembly.

pub mod password;
pub mod password_queue;
pub mod second_factor;
pub mod token;
