//! Words the report says in every format that has sentences: counts with
//! their nouns, and how each recipient's status was decided.

use super::summary::Summary;
use crate::triage::resolve::by_number::Rule;

/// `1 row`, `2 rows`.
pub(crate) fn plural(count: u64, one: &str, many: &str) -> String {
    if count == 1 {
        format!("{count} {one}")
    } else {
        format!("{count} {many}")
    }
}

/// How each recipient's status was decided, in words a marketer reads.
pub(crate) fn rule(summary: &Summary) -> String {
    let count = |wanted: Rule| {
        summary
            .rules
            .iter()
            .find(|&&(rule, _)| rule == wanted)
            .map_or(0, |&(_, count)| count)
    };
    let (mixed, highest) = (count(Rule::Mixed), count(Rule::Highest));
    let newest = "Each recipient's status is the status of their newest message;\n\
                  a message's status is the highest code it got.";
    if summary.recipients.total == 0 {
        "No recipients: no message named a valid mobile number.".to_owned()
    } else if mixed == 0 && highest == 0 {
        newest.to_owned()
    } else if count(Rule::Newest) == 0 && mixed == 0 {
        "The inputs do not say when messages were sent, so each recipient's status\n\
         is the highest code of any of their messages."
            .to_owned()
    } else {
        format!(
            "{newest}\nSome messages had no time ({} of {}): a timed message decides\n\
             over them, and only where none had a time does the highest code decide.",
            plural(mixed + highest, "recipient", "recipients"),
            summary.recipients.total
        )
    }
}
