//! How a classification reads in the table and in plain words, where the
//! core crate's words need a rendering of their own: a status with no stage.

use mobileconnect_status::Stage;

/// The stage's table word, or `-` when the code names no hop.
pub(crate) fn stage(stage: Option<Stage>) -> &'static str {
    stage.map_or("-", Stage::as_str)
}

/// What the stage means, or why there is none.
pub(crate) fn stage_meaning(stage: Option<Stage>) -> &'static str {
    stage.map_or(
        "no hop: the code's thousands digit is not 1 to 4",
        Stage::meaning,
    )
}
