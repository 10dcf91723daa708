//! Made-up ENS traffic: SMS events of every kind for many messages to
//! fewer numbers, cut into shuffled batches, and a few events triage
//! cannot read. Every event differs from every other in the fields that
//! make its identity, so the only copies are the ones a test sends again.

/// A small random generator (xorshift64*), so that a test needs no crate
/// and a seed replays a failure.
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Self {
        Self(seed.max(1))
    }

    pub(crate) fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..bound`.
    pub(crate) fn below(&mut self, bound: u64) -> u64 {
        self.next() % bound
    }

    /// A number in `low..=high`.
    pub(crate) fn between(&mut self, low: usize, high: usize) -> usize {
        low + usize::try_from(self.below((high - low + 1) as u64)).expect("small")
    }

    pub(crate) fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = usize::try_from(self.below(i as u64 + 1)).expect("small");
            items.swap(i, j);
        }
    }
}

/// How a made-up message goes.
const STORIES: &[&[(&str, &str)]] = &[
    &[
        ("SmsSent", ""),
        ("SmsTransient", "3001"),
        ("SmsDelivered", "4000"),
    ],
    &[
        ("SmsSent", ""),
        ("SmsTransient", "2000"),
        ("SmsTransient", "3002"),
        ("SmsDelivered", "4000"),
    ],
    &[("SmsSent", ""), ("SmsTransient", "2000")],
    &[("SmsSent", ""), ("SmsBounced", "4504")],
    &[
        ("SmsSent", ""),
        ("SmsTransient", "3000"),
        ("SmsBounced", "4505"),
    ],
    &[("SmsSent", ""), ("SmsBounced", "2502")],
    &[
        ("SmsSent", ""),
        ("SmsTransient", "3001"),
        ("SmsBounced", "4501"),
    ],
    &[("SmsSent", ""), ("SmsBounced", "2600")],
    &[("SmsSent", ""), ("SmsBounced", "4503")],
    &[("SmsSent", ""), ("SmsTransient", "3400")],
    &[("SmsSent", ""), ("SmsBounced", "4510")],
    &[("SmsSent", "")],
    &[("SmsNotSent", "47")],
    &[("SmsNotSent", "16")],
];

/// `messages` messages to `numbers` numbers, each told by its events;
/// about one event in 200 is one triage cannot read, and about one in 50
/// is laid out over several lines, as a pretty-printer would.
pub(crate) fn generate(seed: u64, messages: usize, numbers: usize) -> Vec<String> {
    let mut rng = Rng::new(seed);
    let mut events = Vec::new();
    for message in 0..messages {
        let number = 15_550_100_000 + rng.below(numbers as u64);
        // Whole seconds over ten days, so that some of a number's messages
        // share a time and the tie rule decides.
        let sent = 1_790_000_000_000 + rng.below(10 * 86_400) * 1000;
        let story = STORIES[usize::try_from(rng.below(STORIES.len() as u64)).expect("small")];
        for (step, (kind, code)) in story.iter().enumerate() {
            let time = sent + step as u64 * 1500;
            let to = if rng.below(10) == 0 {
                format!("+{number}")
            } else {
                number.to_string()
            };
            let status = match *kind {
                "SmsSent" => String::new(),
                "SmsNotSent" => {
                    format!(r#", "statusCode": "{code}", "reason": "Mobile Address not found""#)
                }
                _ => format!(r#", "ordinal": "0", "statusCode": "{code}", "statusMessage": "s""#),
            };
            let mut event = format!(
                r#"{{"eventCategoryType": "TransactionalSendEvents.{kind}", "timestampUTC": {time}, "compositeId": "m-{message}.{step}", "definitionKey": "order-shipped", "mid": 100000001, "eid": 100000001, "info": {{"to": "{to}", "subscriberKey": "sub-{number}", "messageKey": "m-{message}"{status}}}}}"#
            );
            if rng.below(50) == 0 {
                event = event.replace(", \"info\"", ",\n    \"info\"");
            }
            events.push(event);
        }
        if rng.below(200) == 0 {
            events.push(unreadable(message, &mut rng));
        }
    }
    events
}

/// An event triage counts as a bad row.
fn unreadable(message: usize, rng: &mut Rng) -> String {
    match rng.below(3) {
        0 => format!(
            r#"{{"eventCategoryType": "TransactionalSendEvents.EmailSent", "timestampUTC": 1790000000000, "info": {{"messageKey": "e-{message}"}}}}"#
        ),
        1 => format!(
            r#"{{"eventCategoryType": "TransactionalSendEvents.SmsDelivered", "timestampUTC": 1790000000000, "info": {{"messageKey": "b-{message}", "to": "15550100001", "statusCode": "40O0"}}}}"#
        ),
        _ => format!(
            r#"{{"eventCategoryType": "TransactionalSendEvents.SmsSent", "note": "no info {message}"}}"#
        ),
    }
}

/// The events cut into JSON arrays of `low..=high` events, in the order
/// given.
pub(crate) fn batches(events: &[String], rng: &mut Rng, low: usize, high: usize) -> Vec<Vec<u8>> {
    let mut batches = Vec::new();
    let mut rest = events;
    while !rest.is_empty() {
        let size = rng.between(low, high).min(rest.len());
        let (batch, after) = rest.split_at(size);
        batches.push(format!("[\n{}\n]", batch.join(",\n")).into_bytes());
        rest = after;
    }
    batches
}

/// The events as JSON Lines, as a webhook receiver stores them: one event
/// a line (a line break inside an event becomes a space).
pub(crate) fn json_lines(events: &[String]) -> String {
    let mut lines = String::new();
    for event in events {
        lines.push_str(&event.replace('\n', " "));
        lines.push('\n');
    }
    lines
}

/// Asserts that `served` (`GET /events.jsonl`) holds every one of
/// `events` exactly once, and nothing else.
pub(crate) fn assert_stored_once(served: &[u8], events: &[String]) {
    let lines = |text: &[u8]| -> Vec<Vec<u8>> {
        let mut lines: Vec<Vec<u8>> = text
            .split(|&byte| byte == b'\n')
            .filter(|line| !line.is_empty())
            .map(<[u8]>::to_vec)
            .collect();
        lines.sort_unstable();
        lines
    };
    let stored = lines(served);
    let sent = lines(json_lines(events).as_bytes());
    let mut once = stored.clone();
    once.dedup();
    assert_eq!(once.len(), stored.len(), "an event is stored twice");
    assert!(
        stored == sent,
        "{} events stored, {} sent",
        stored.len(),
        sent.len()
    );
}
