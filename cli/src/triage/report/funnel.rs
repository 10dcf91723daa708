//! How far messages got: each message's last stage, the hop its status
//! describes (send service, aggregator, carrier, handset), and how it
//! ended there. A message that reached a stage passed the ones before it,
//! whichever statuses it reported on the way.

use mobileconnect_status::payload::EventStatus;
use mobileconnect_status::{CodeKind, Outcome, Stage};

use crate::status_table::StatusTable;
use crate::triage::resolve::fate::Fate;

/// The messages whose last stage is one stage, and how they ended there.
#[derive(Debug)]
pub(crate) struct StageReach {
    pub(crate) stage: Stage,
    /// Messages that got at least this far.
    pub(crate) reached: u64,
    /// Messages that got no further, by outcome, in the vocabulary's order.
    pub(crate) ended: Vec<(Outcome, u64)>,
}

impl StageReach {
    /// Messages that got no further and have this outcome.
    pub(crate) fn ended(&self, outcome: Outcome) -> u64 {
        self.ended
            .iter()
            .find(|&&(ended, _)| ended == outcome)
            .map_or(0, |&(_, count)| count)
    }
}

/// Every message by the last stage it reached.
#[derive(Debug)]
pub(crate) struct Funnel {
    pub(crate) messages: u64,
    /// Never sent: they reached no stage.
    pub(crate) not_sent: u64,
    /// A status whose code names no hop (its thousands digit is not 1–4).
    pub(crate) no_stage: u64,
    /// Every stage, in the order a message passes them.
    pub(crate) stages: Vec<StageReach>,
}

impl Funnel {
    /// The funnel of these message fates, read with `table` for codes of
    /// `kind`.
    pub(crate) fn of(messages: &[(Fate, u64)], table: &StatusTable, kind: CodeKind) -> Self {
        let mut ended = [[0_u64; 4]; 4];
        let (mut not_sent, mut no_stage, mut total) = (0, 0, 0);
        for &(fate, count) in messages {
            total += count;
            let stage = match fate.event_status() {
                EventStatus::NotSent(_) => {
                    not_sent += count;
                    continue;
                }
                EventStatus::Queued => Some(Stage::SendService),
                EventStatus::Status(status) => table.classification(status.code()).stage,
                // Sent to the delivery partner, which has said nothing yet.
                _ => Some(Stage::Aggregator),
            };
            let Some(stage) = stage else {
                no_stage += count;
                continue;
            };
            let outcome = fate.outcome(table, kind);
            ended[index(&stage, Stage::ALL)][index(&outcome, Outcome::ALL)] += count;
        }
        let mut reached = 0;
        let mut stages: Vec<StageReach> = Stage::ALL
            .iter()
            .zip(ended)
            .rev()
            .map(|(&stage, ended)| {
                reached += ended.iter().sum::<u64>();
                StageReach {
                    stage,
                    reached,
                    ended: Outcome::ALL.iter().copied().zip(ended).collect(),
                }
            })
            .collect();
        stages.reverse();
        Self {
            messages: total,
            not_sent,
            no_stage,
            stages,
        }
    }

    /// Messages delivered to the handset: the funnel's end.
    pub(crate) fn delivered(&self) -> u64 {
        self.stages
            .iter()
            .map(|stage| stage.ended(Outcome::Delivered))
            .sum()
    }
}

fn index<T: PartialEq>(value: &T, all: &[T]) -> usize {
    all.iter()
        .position(|each| each == value)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use mobileconnect_status::payload::EventStatus;
    use mobileconnect_status::{CodeKind, Outcome, SmsStatus, Stage};

    use super::Funnel;
    use crate::status_table::StatusTable;
    use crate::triage::resolve::fate::Fate;
    use crate::triage::resolve::reasons::ReasonId;

    fn code(code: u16, count: u64) -> (Fate, u64) {
        (Fate::status(SmsStatus::from_code(code)), count)
    }

    #[test]
    fn each_message_reached_its_last_stage_and_the_ones_before() {
        let messages = [
            code(1501, 1),
            code(2000, 2),
            code(2600, 3),
            code(3002, 4),
            code(3400, 5),
            code(4000, 60),
            code(4504, 7),
            code(4510, 8),
            code(0, 9),
            (
                Fate::of_event(EventStatus::NotSent(None), ReasonId::from_index(0)),
                10,
            ),
            (
                Fate::of_event(EventStatus::Sent, ReasonId::from_index(0)),
                11,
            ),
        ];
        let table = StatusTable::built_in();
        let funnel = Funnel::of(&messages, &table, CodeKind::Dedicated);
        assert_eq!(funnel.messages, 120);
        assert_eq!((funnel.not_sent, funnel.no_stage), (10, 9));
        let reached: Vec<(Stage, u64)> = funnel
            .stages
            .iter()
            .map(|stage| (stage.stage, stage.reached))
            .collect();
        assert_eq!(
            reached,
            [
                (Stage::SendService, 101),
                (Stage::Aggregator, 100),
                (Stage::Carrier, 84),
                (Stage::Handset, 75),
            ]
        );
        let aggregator = &funnel.stages[1];
        assert_eq!(aggregator.ended(Outcome::Pending), 13);
        assert_eq!(aggregator.ended(Outcome::Failed), 3);
        assert_eq!(funnel.stages[2].ended(Outcome::Unknown), 5);
        let handset = &funnel.stages[3];
        assert_eq!(handset.ended(Outcome::Failed), 7);
        assert_eq!(handset.ended(Outcome::Unknown), 8, "4510: not in the table");
        assert_eq!(funnel.delivered(), 60);

        let shared = Funnel::of(&messages, &table, CodeKind::Shared);
        assert_eq!(shared.stages[1].ended(Outcome::Unknown), 2, "2000 is final");
    }
}
