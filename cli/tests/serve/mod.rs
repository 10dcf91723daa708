//! `sms-status serve`, tested as a server: the real binary on a real
//! socket, real requests, a real database file or PostgreSQL server, and
//! real kills.

mod crash;
mod equivalence;
mod events;
mod http;
mod long_reads;
mod own_table;
mod postgres;
mod refusals;
mod server;
mod slow_clients;
mod stalled_readers;
mod stopping;
mod threads;
mod verification;
