//! How a status is classified: the four columns of a table's row, or the
//! conservative reading of a code the table does not list.

use mobileconnect_status::{Action, CodeKind, Finality, Outcome, Stage};

/// What a table says about one code, or, for a code it does not list, how
/// core reads such a code. Four bytes: a table holds one for every code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Classification {
    /// The hop the status describes; `None` for an unlisted code whose
    /// thousands digit names none.
    pub(crate) stage: Option<Stage>,
    pub(crate) outcome: Outcome,
    pub(crate) finality: Finality,
    pub(crate) action: Action,
}

impl Classification {
    /// How core classifies a code its table does not list
    /// (`UnrecognizedCode`): the stage its thousands digit names (1 to 4,
    /// the table's numbering), outcome unknown, not final, and a person
    /// should look into it. A test holds this to core for every code.
    pub(crate) const fn unlisted(code: u16) -> Self {
        let stage = match code / 1000 {
            1 => Some(Stage::SendService),
            2 => Some(Stage::Aggregator),
            3 => Some(Stage::Carrier),
            4 => Some(Stage::Handset),
            _ => None,
        };
        Self {
            stage,
            outcome: Outcome::Unknown,
            finality: Finality::No,
            action: Action::Investigate,
        }
    }

    /// The outcome for a message sent from a code of `kind`, by core's
    /// rule: a pending status after which none will come is unknown.
    #[inline]
    pub(crate) const fn outcome_for(self, kind: CodeKind) -> Outcome {
        self.finality.outcome_for(self.outcome, kind)
    }

    /// What to do for a message sent from a code of `kind`, by core's rule:
    /// nothing, where waiting for another status would be forever.
    #[inline]
    pub(crate) const fn action_for(self, kind: CodeKind) -> Action {
        self.finality.action_for(self.outcome, self.action, kind)
    }

    /// Whether no further status is expected for a message sent from a
    /// code of `kind`.
    pub(crate) const fn is_final_for(self, kind: CodeKind) -> bool {
        self.finality.is_final_for(kind)
    }
}
