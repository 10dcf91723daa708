//! Every class of mistake in a table becomes a located, plain-words
//! compile error, all of them in one build, with no follow-on errors from
//! code that uses the enum. Snapshots live in `tests/ui/*.stderr`;
//! `TRYBUILD=overwrite` rewrites them after a deliberate change.

#[test]
fn table_mistakes_are_reported_clearly() {
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/ui");
    // trybuild compiles each case in a project of its own under the target
    // directory; this variable tells the macro where the cases' tables are.
    #[allow(
        unsafe_code,
        reason = "set before any other thread of this one-test binary starts"
    )]
    // SAFETY: this binary holds this one test, so no other thread reads the
    // environment while it is written.
    unsafe {
        std::env::set_var("MOBILECONNECT_STATUS_TABLE_DIR", fixtures);
    }
    let cases = trybuild::TestCases::new();
    cases.pass("ui/pass/*.rs");
    cases.compile_fail("ui/*.rs");
}
