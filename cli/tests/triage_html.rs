//! `sms-status triage --html FILE`: one self-contained page whose every
//! number is the JSON report's, that runs nothing an input holds, whose
//! size does not grow with rows, and that follows the output rules.

use crate::common;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use common::page::{Page, count, percent};
use common::{extract, scratch, scratch_file, sms_status};
use serde_json::Value;

const SAMPLE: &str = "samples/sms-message-tracking.csv";
const EVENTS: &str = "samples/ens-sms-events.json";
const REST: &str = "samples/message-contact-deliveries.json";

/// Runs triage with `--format json` and `--html`, and returns the JSON
/// report, the page and its HTML.
fn both(args: &[&str], name: &str) -> (Value, Page, String) {
    let html = scratch(&format!("{name}.html"));
    let mut all = vec![
        "triage",
        "--format",
        "json",
        "--html",
        html.to_str().unwrap(),
    ];
    all.extend_from_slice(args);
    let run = sms_status(&all);
    assert!(run.code <= 1, "{}", run.stderr);
    let report: Value = serde_json::from_str(&run.stdout).expect("a JSON report");
    let text = std::fs::read_to_string(&html).expect("the page was written");
    (report, Page::parse(&text), text)
}

fn u(value: &Value) -> u64 {
    value
        .as_u64()
        .unwrap_or_else(|| panic!("{value} is a count"))
}

/// Checks every number the page shows against the JSON report.
#[expect(
    clippy::too_many_lines,
    reason = "one check per section, in page order"
)]
fn assert_same_numbers(report: &Value, page: &Page) {
    assert!(page.errors.is_empty(), "parse errors: {:?}", page.errors);
    let messages = &report["messages"];
    let recipients = &report["recipients"];
    let (all_messages, all_recipients) = (u(&messages["total"]), u(&recipients["total"]));
    assert_eq!(count(&page.id("messages-total").text), all_messages);
    assert_eq!(count(&page.id("recipients-total").text), all_recipients);
    assert_eq!(
        page.id("delivery-rate").text,
        percent(u(&messages["delivered"]), all_messages)
    );
    assert_eq!(
        count(&page.id("failed-total").text),
        u(&messages["outcomes"]["failed"])
    );

    // The outcome table: every outcome, then not sent.
    let outcomes = page.rows("outcomes");
    let names = ["delivered", "failed", "pending", "unknown"];
    assert_eq!(outcomes.len(), names.len() + 1);
    for (row, name) in outcomes.iter().zip(names) {
        let (m, r) = (
            u(&messages["outcomes"][name]),
            u(&recipients["outcomes"][name]),
        );
        assert_eq!(count(&row[1]), m, "{name} messages");
        assert_eq!(row[2], percent(m, all_messages), "{name} share");
        assert_eq!(count(&row[3]), r, "{name} recipients");
        assert_eq!(row[4], percent(r, all_recipients), "{name} share");
    }
    let not_sent = &outcomes[names.len()];
    assert_eq!(count(&not_sent[1]), u(&messages["not_sent"]));
    assert_eq!(count(&not_sent[3]), u(&recipients["not_sent"]));

    // The inputs.
    let inputs = page.rows("inputs");
    let expected = report["inputs"].as_array().expect("inputs");
    assert_eq!(inputs.len(), expected.len());
    for (row, input) in inputs.iter().zip(expected) {
        assert_eq!(row[0], input["name"].as_str().expect("a name"));
        assert_eq!(count(&row[1]), u(&input["rows"]));
        assert_eq!(count(&row[2]), u(&input["bad_rows"]));
    }
    assert!(
        page.id("code-kind")
            .text
            .contains(report["code_kind"].as_str().unwrap())
    );

    // How far messages got.
    let funnel = &report["funnel"];
    let stages = page.rows("stages");
    let expected = funnel["stages"].as_array().expect("stages");
    assert_eq!(stages.len(), expected.len());
    for (row, stage) in stages.iter().zip(expected) {
        let numbers: Vec<u64> = row[1..].iter().map(|cell| count(cell)).collect();
        let wanted = [
            "reached",
            "ended_pending",
            "ended_failed",
            "ended_unknown",
            "ended_delivered",
        ]
        .map(|key| u(&stage[key]));
        assert_eq!(numbers, wanted, "{}", stage["stage"]);
    }
    assert_eq!(
        count(&page.id("funnel-not-sent").text),
        u(&funnel["not_sent"])
    );
    assert_eq!(
        count(&page.id("funnel-no-stage").text),
        u(&funnel["no_stage"])
    );
    let chart = page.id("funnel-chart").text.clone();
    assert!(
        chart.contains(&format!(
            "{} were delivered",
            grouped(u(&funnel["delivered"]))
        )),
        "{chart}"
    );

    // What to do: each action with recipients, in the vocabulary's order.
    let shown: Vec<(String, u64)> = page
        .with("data-action")
        .iter()
        .map(|row| {
            let cells = page.cells(row);
            (row.attributes["data-action"].clone(), count(&cells[1]))
        })
        .collect();
    let wanted: Vec<(String, u64)> = report["actions"]
        .as_object()
        .expect("actions")
        .iter()
        .filter(|(_, count)| u(count) > 0)
        .map(|(action, count)| (action.clone(), u(count)))
        .collect();
    let mut sorted = shown.clone();
    sorted.sort();
    let mut wanted_sorted = wanted.clone();
    wanted_sorted.sort();
    assert_eq!(sorted, wanted_sorted);

    // What failed, in the same order.
    let failures: Vec<(u64, u64, u64)> = page
        .with("data-code")
        .iter()
        .map(|row| {
            let cells = page.cells(row);
            (count(&cells[0]), count(&cells[3]), count(&cells[4]))
        })
        .collect();
    let wanted: Vec<(u64, u64, u64)> = report["failure_codes"]
        .as_array()
        .expect("failure codes")
        .iter()
        .map(|code| {
            (
                u(&code["code"]),
                u(&code["messages"]),
                u(&code["recipients"]),
            )
        })
        .collect();
    assert_eq!(failures, wanted);
    let reasons: Vec<(String, u64, u64)> = page
        .with("data-reason")
        .iter()
        .map(|row| {
            let cells = page.cells(row);
            (cells[0].clone(), count(&cells[2]), count(&cells[3]))
        })
        .collect();
    let wanted: Vec<(String, u64, u64)> = report["not_sent_reasons"]
        .as_array()
        .expect("reasons")
        .iter()
        .map(|reason| {
            (
                reason["code"].as_str().expect("a code").to_owned(),
                u(&reason["messages"]),
                u(&reason["recipients"]),
            )
        })
        .collect();
    assert_eq!(reasons, wanted);

    // Over time, day by day, with the days between that had none.
    let over_time = &report["over_time"];
    let days = over_time["days"].as_array().expect("days");
    if days.is_empty() {
        assert!(page.find("id", "over-time").is_none());
        return;
    }
    assert!(page.id("time-zone").text.contains("UTC−06:00"));
    let periods = page.rows("periods");
    let shown: Vec<&Vec<String>> = periods.iter().filter(|row| row[1] != "0").collect();
    assert_eq!(shown.len(), days.len());
    for (row, day) in shown.iter().zip(days) {
        assert_eq!(row[0], day["date"].as_str().expect("a date"));
        let outcomes = &day["outcomes"];
        let numbers: Vec<u64> = row[1..7].iter().map(|cell| count(cell)).collect();
        let wanted = [
            u(&day["total"]),
            u(&outcomes["delivered"]),
            u(&outcomes["failed"]),
            u(&day["not_sent"]),
            u(&outcomes["pending"]),
            u(&outcomes["unknown"]),
        ];
        assert_eq!(numbers, wanted, "{}", row[0]);
        assert_eq!(row[7], percent(u(&day["delivered"]), u(&day["total"])));
    }
    let untimed = u(&over_time["messages_without_time"]);
    assert_eq!(page.find("id", "untimed").is_some(), untimed > 0);
    let per_day: u64 = days.iter().map(|day| u(&day["total"])).sum();
    assert_eq!(per_day + untimed, all_messages);
}

fn grouped(count: u64) -> String {
    let digits = count.to_string();
    let mut out = String::new();
    for (at, digit) in digits.chars().enumerate() {
        if at > 0 && (digits.len() - at) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

#[test]
fn the_samples_pages_show_the_json_reports_numbers() {
    for (sample, name) in [
        (SAMPLE, "sample-tracking"),
        (EVENTS, "sample-events"),
        (REST, "sample-rest"),
    ] {
        let (report, page, _) = both(&[sample], name);
        assert_same_numbers(&report, &page);
    }
    let (report, page, _) = both(&[SAMPLE, EVENTS, REST, "--code-kind", "shared"], "all");
    assert_same_numbers(&report, &page);
    assert_eq!(page.rows("inputs").len(), 3);
}

#[test]
fn a_multi_day_extracts_page_shows_the_json_reports_numbers_per_day() {
    let path = scratch_file("multi-day.csv", extract::tracking(45, 40));
    let (report, page, _) = both(&[path.to_str().unwrap()], "multi-day");
    assert_same_numbers(&report, &page);
    let periods = page.rows("periods");
    assert_eq!(periods.len(), 45, "every day from the first to the last");
    assert_eq!(
        periods[3],
        ["2025-01-04", "0", "0", "0", "0", "0", "0", "–"]
    );
    for title in ["Messages per day by outcome", "Delivery rate per day"] {
        assert!(
            page.elements()
                .any(|element| element.tag == "figcaption" && element.text == title),
            "{title}"
        );
    }
    // The charts say what they show in words, for screen readers.
    for chart in ["funnel-chart", "messages-chart", "rate-chart"] {
        let svg = page.id(chart);
        assert_eq!(svg.attributes["role"], "img");
        let described = &svg.attributes["aria-labelledby"];
        assert_eq!(*described, format!("{chart}-title {chart}-desc"));
        assert!(!page.id(&format!("{chart}-desc")).text.is_empty());
    }
}

#[test]
fn an_extract_without_times_has_no_chart_over_time() {
    let path = scratch_file(
        "no-times.csv",
        "Mobile,SMSStandardStatusCodeId\n15550100001,4000\n15550100002,4504\n",
    );
    let (report, page, _) = both(&[path.to_str().unwrap()], "no-times");
    assert_same_numbers(&report, &page);
    assert!(page.find("id", "over-time").is_none());
    assert!(page.find("id", "messages-chart").is_none());
}

/// Markup an attacker might put in an export, and what it must not become.
const HOSTILE: [&str; 4] = [
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(2)>",
    "</svg><script>alert(3)</script>",
    "'><svg onload=alert(4)>",
];

/// Tags the page is made of: anything else came from an input.
const OWN_TAGS: &[&str] = &[
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "header",
    "h1",
    "h2",
    "h3",
    "p",
    "section",
    "ul",
    "li",
    "span",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "code",
    "figure",
    "figcaption",
    "svg",
    "desc",
    "defs",
    "pattern",
    "rect",
    "line",
    "text",
    "g",
    "polyline",
    "circle",
    "details",
    "summary",
    "a",
    "br",
    "footer",
];

/// Checks that nothing on the page can run: only the page's own tags, no
/// event handler, no script URL, no style attribute, no comment.
fn assert_runs_nothing(page: &Page) {
    assert!(page.errors.is_empty(), "parse errors: {:?}", page.errors);
    assert_eq!(page.comments, 0);
    for element in page.elements() {
        assert!(
            OWN_TAGS.contains(&element.tag.as_str()),
            "<{}> came from an input",
            element.tag
        );
        for (name, value) in &element.attributes {
            assert!(!name.starts_with("on"), "<{} {name}>", element.tag);
            assert!(
                !matches!(
                    name.as_str(),
                    "style" | "src" | "srcdoc" | "xlink:href" | "formaction"
                ),
                "<{} {name}>",
                element.tag
            );
            if name == "href" {
                assert!(!value.contains(':'), "a link to {value:?}");
            }
        }
    }
}

#[test]
fn markup_in_inputs_is_shown_as_text_and_runs_nothing() {
    let dir = scratch("hostile-dir");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a directory");
    // In a header, as codes, numbers and times, and in a file's name:
    // each input's first five bad rows are on the page.
    let column = HOSTILE[0];
    let quoted = |text: &str| format!("\"{}\"", text.replace('"', "\"\""));
    let mut codes =
        format!("Mobile,CreateDateTime,{column}\n15550100001,1/2/2025 9:00:00 AM,4000\n");
    let mut numbers = codes.clone();
    codes.push_str("15550100003,1/2/2025 9:00:00 AM,4504\n");
    let mut times = codes.clone();
    for (at, hostile) in HOSTILE.iter().enumerate() {
        let hostile = quoted(hostile);
        writeln!(codes, "15550100002,1/2/2025 9:00:00 AM,{hostile}").unwrap();
        writeln!(numbers, "{hostile},1/2/2025 9:00:00 AM,4504").unwrap();
        writeln!(times, "1555010000{at},{hostile},4504").unwrap();
    }
    let extract = dir.join("\"><img src=x onerror=alert(5)>.csv");
    std::fs::write(&extract, codes).expect("the extract");
    let numbers_file = dir.join("numbers.csv");
    std::fs::write(&numbers_file, numbers).expect("the extract");
    let times_file = dir.join("times.csv");
    std::fs::write(&times_file, times).expect("the extract");
    // And as a not-sent reason's code and words.
    let events = dir.join("events.json");
    let event = serde_json::json!({
        "eventCategoryType": "SmsNotSent",
        "timestampUTC": 1_790_949_791_000_u64,
        "info": { "to": "15550100009", "messageKey": "m-1", "statusCode": HOSTILE[1], "reason": HOSTILE[2] },
    });
    std::fs::write(&events, event.to_string()).expect("the events");
    let suppress = dir.join("\"><b onclick=alert(6)>suppress.txt");
    let (report, page, html) = both(
        &[
            "--column",
            column,
            "--suppress-list",
            suppress.to_str().unwrap(),
            extract.to_str().unwrap(),
            numbers_file.to_str().unwrap(),
            times_file.to_str().unwrap(),
            events.to_str().unwrap(),
        ],
        "hostile",
    );
    assert_runs_nothing(&page);
    assert_eq!(u(&report["bad_rows"]), 12, "every hostile row is a bad row");
    // Each hostile text is on the page, as text.
    let text = page.text();
    for hostile in HOSTILE {
        assert!(
            text.contains(hostile) || html.contains(&escaped(hostile)),
            "{hostile}"
        );
    }
    assert!(text.contains("alert(5)"), "the file's name is shown");
    assert!(!html.contains("<script"), "no script tag, even in text");
    assert!(!html.contains("<img"));
    // The list's link is relative and encoded.
    let link = page
        .find("data-action", "suppress-number")
        .expect("an action");
    let cells = page.cells(link);
    assert_eq!(
        cells[2], "hostile-dir/%22%3E%3Cb%20onclick%3Dalert%286%29%3Esuppress.txt",
        "beside the page, in its own directory"
    );
}

/// How the page escapes text.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

#[test]
fn lists_are_linked_relative_to_the_page() {
    let dir = scratch("links-dir");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("pages")).expect("a directory");
    std::fs::create_dir_all(dir.join("lists")).expect("a directory");
    let page_path = dir.join("pages/report.html");
    let suppress = dir.join("lists/suppress list.txt");
    let retry = dir.join("pages/retry.txt");
    let run = sms_status(&[
        "triage",
        SAMPLE,
        "--html",
        page_path.to_str().unwrap(),
        "--suppress-list",
        suppress.to_str().unwrap(),
        "--retry-list",
        retry.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 1, "the sample has bad rows: {}", run.stderr);
    let page = Page::parse(&std::fs::read_to_string(&page_path).expect("the page"));
    let hrefs: Vec<&str> = page
        .with("href")
        .iter()
        .map(|link| link.attributes["href"].as_str())
        .collect();
    assert_eq!(hrefs, ["retry.txt", "../lists/suppress%20list.txt"]);
    for href in hrefs {
        let target: PathBuf = dir.join("pages").join(href.replace("%20", " "));
        assert!(target.is_file(), "{href} leads to a list");
    }
}

#[test]
fn the_pages_size_grows_with_days_and_codes_not_rows() {
    let small = scratch_file("rows-small.csv", extract::tracking(20, 50));
    let large = scratch_file("rows-large.csv", extract::tracking(20, 2000));
    let (_, _, small_page) = both(&[small.to_str().unwrap()], "rows-small");
    let (report, page, large_page) = both(&[large.to_str().unwrap()], "rows-large");
    assert_same_numbers(&report, &page);
    assert!(u(&report["rows"]) > 30_000);
    let (small, large) = (small_page.len(), large_page.len());
    assert!(
        large < small + small / 10,
        "40 times the rows: {small} bytes, then {large}"
    );
}

#[test]
fn the_page_is_an_output_like_the_lists() {
    let extract = scratch_file(
        "html-rules.csv",
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(SAMPLE)).unwrap(),
    );
    let before = std::fs::read(&extract).unwrap();
    let run = sms_status(&[
        "triage",
        extract.to_str().unwrap(),
        "--html",
        extract.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("--html"), "{}", run.stderr);
    assert!(
        run.stderr.contains("triage never writes over its inputs"),
        "{}",
        run.stderr
    );
    assert_eq!(std::fs::read(&extract).unwrap(), before);

    let list = scratch("html-rules-list.txt");
    let run = sms_status(&[
        "triage",
        SAMPLE,
        "--suppress-list",
        list.to_str().unwrap(),
        "--html",
        list.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("one output would overwrite the other"),
        "{}",
        run.stderr
    );
    assert!(!list.exists(), "nothing was written");

    let run = sms_status(&["triage", SAMPLE, "--html", "-"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("not to standard output"),
        "{}",
        run.stderr
    );

    let run = sms_status(&["triage", SAMPLE, "--html", "no-such-directory/report.html"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("does not exist"), "{}", run.stderr);
    assert!(run.stdout.is_empty(), "checked before anything is read");

    // The page comes with the report on standard output, not instead.
    let page = scratch("html-rules.html");
    let run = sms_status(&["triage", SAMPLE, "--html", page.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stdout.starts_with("Triage of 1 file"), "{}", run.stdout);
    assert!(common::read(&page).starts_with("<!DOCTYPE html>"));
}

#[test]
fn bad_rows_are_counted_per_input_with_their_first_examples() {
    let (report, page, _) = both(
        &[SAMPLE, "tests/fixtures/tracking-broken-rows.csv"],
        "bad-rows",
    );
    assert_same_numbers(&report, &page);
    let section = page.id("bad-rows");
    assert!(
        section
            .text
            .contains("samples/sms-message-tracking.csv: 2 bad rows"),
        "{}",
        section.text
    );
    assert!(section.text.contains(
        "sms-message-tracking.csv:9: SMSStandardStatusCodeId: invalid SMS status \"40O0\""
    ));
    let examples: Vec<&common::page::Element> = page
        .elements()
        .filter(|element| element.tag == "li" && element.text.contains("tracking-broken-rows.csv:"))
        .collect();
    assert!(
        !examples.is_empty() && examples.len() <= 5,
        "{}",
        examples.len()
    );
}
