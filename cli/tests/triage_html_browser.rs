//! The HTML report in a real browser: headless Chromium renders the
//! sample's page to a PNG and to its DOM, which must hold the headline
//! numbers and every chart's title, with nothing on the console; and in
//! pages of 1 to 5,000 days and up to 10⁹ messages, no two labels of a
//! chart overlap, measured box by box through Chromium's DevTools
//! protocol (the page itself runs no script).
//!
//! `.ci/run` installs Chromium from Debian's packages, and under CI
//! (`CI` set) a missing browser fails this test. Elsewhere it is skipped
//! with a message on the terminal, so that `cargo test` needs only a Rust
//! toolchain.

use crate::common;
use crate::devtools;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::page::{Page, count};
use common::{extract, json_report, scratch, scratch_file, sms_status};
use devtools::Browser;
use serde_json::Value;

const SAMPLE: &str = "samples/sms-message-tracking.csv";
const WIDTH: u32 = 1000;
const HEIGHT: u32 = 2600;

/// Chromium's path, if it is installed.
fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| ["chromium", "chromium-browser"].map(|name| dir.join(name)))
        .find(|candidate| candidate.is_file())
}

/// Chromium, or why the test cannot run: a failure under CI, else a skip
/// said on the terminal (libtest captures `eprintln!`, not writes to
/// stderr itself).
fn chromium_or_skip(test: &str) -> Option<PathBuf> {
    if let Some(chromium) = chromium() {
        return Some(chromium);
    }
    let why = "chromium is not on PATH; install it (Debian: apt-get install chromium) to run it";
    assert!(
        std::env::var_os("CI").is_none(),
        "{test}: {why}; .ci/run installs it"
    );
    let _ = writeln!(std::io::stderr(), "\nSKIPPED {test}: {why}");
    None
}

/// Runs headless Chromium on `page` with `args`, in a fresh profile, with
/// no network, console messages logged to stderr. Killed after 90 s.
fn run_chromium(chromium: &Path, name: &str, page: &Path, args: &[&str]) -> Output {
    let profile = scratch(&format!("chromium-profile-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&profile);
    let url = format!(
        "file://{}",
        page.canonicalize().expect("the page").display()
    );
    let mut child = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--enable-logging=stderr",
            "--v=0",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("chromium starts");
    let started = Instant::now();
    while child.try_wait().expect("chromium runs").is_none() {
        if started.elapsed() > Duration::from_secs(90) {
            let _ = child.kill();
            panic!("chromium did not finish within 90 s");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let output = child.wait_with_output().expect("chromium's output");
    let _ = std::fs::remove_dir_all(&profile);
    output
}

/// The console messages in Chromium's log. Chromium logs every console
/// message, errors and blocked loads included, as `INFO:CONSOLE` without
/// its level, so a page that logs nothing is the check.
fn console_messages(log: &str) -> Vec<&str> {
    log.lines()
        .filter(|line| line.contains(":CONSOLE"))
        .collect()
}

/// The width and height a PNG's header gives.
fn png_size(png: &[u8]) -> (u32, u32) {
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "a PNG");
    let number = |at: usize| u32::from_be_bytes(png[at..at + 4].try_into().expect("4 bytes"));
    (number(16), number(20))
}

#[test]
fn the_sample_page_renders_in_chromium_with_its_numbers_and_charts() {
    let Some(chromium) = chromium_or_skip("the_sample_page_renders_in_chromium") else {
        return;
    };
    let page = scratch("browser-report.html");
    let suppress = scratch("browser-suppress.txt");
    let run = sms_status(&[
        "triage",
        SAMPLE,
        "--html",
        page.to_str().unwrap(),
        "--suppress-list",
        suppress.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 1, "the sample has 2 bad rows: {}", run.stderr);
    let (report, _) = json_report(&[SAMPLE]);

    let dom = run_chromium(&chromium, "dom", &page, &["--dump-dom"]);
    assert!(
        dom.status.success(),
        "{}",
        String::from_utf8_lossy(&dom.stderr)
    );
    let log = String::from_utf8_lossy(&dom.stderr);
    assert_eq!(console_messages(&log), Vec::<&str>::new(), "{log}");
    let rendered = Page::parse(&String::from_utf8(dom.stdout).expect("a UTF-8 DOM"));
    assert_eq!(
        count(&rendered.id("messages-total").text),
        report["messages"]["total"].as_u64().unwrap()
    );
    assert_eq!(
        count(&rendered.id("recipients-total").text),
        report["recipients"]["total"].as_u64().unwrap()
    );
    assert_eq!(rendered.id("delivery-rate").text, "16.7%");
    let captions: Vec<&str> = rendered
        .elements()
        .filter(|element| element.tag == "figcaption")
        .map(|element| element.text.as_str())
        .collect();
    assert_eq!(
        captions,
        [
            "Messages by the last stage they reached",
            "Messages per day by outcome",
            "Delivery rate per day"
        ]
    );
    for chart in ["funnel-chart", "messages-chart", "rate-chart"] {
        let title = rendered.id(&format!("{chart}-title"));
        assert_eq!(title.tag, "title", "{chart} has an SVG title");
    }

    let png = scratch("browser-report.png");
    let shot = run_chromium(
        &chromium,
        "png",
        &page,
        &[
            &format!("--screenshot={}", png.display()),
            &format!("--window-size={WIDTH},{HEIGHT}"),
        ],
    );
    let log = String::from_utf8_lossy(&shot.stderr);
    assert!(shot.status.success(), "{log}");
    assert_eq!(console_messages(&log), Vec::<&str>::new(), "{log}");
    let image = std::fs::read(&png).expect("chromium wrote the screenshot");
    assert_eq!(png_size(&image), (WIDTH, HEIGHT));
    assert!(image.len() > 50_000, "a page with charts, not a blank one");
}

#[test]
fn the_console_check_sees_what_a_page_logs() {
    let Some(chromium) = chromium_or_skip("the_console_check_sees_what_a_page_logs") else {
        return;
    };
    // What an unescaped input would do to the page: load and run things
    // its content policy blocks, each logged on the console.
    let page = scratch("browser-console.html");
    std::fs::write(
        &page,
        "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Security-Policy\" \
         content=\"default-src 'none'; style-src 'unsafe-inline'\"></head>\
         <body><img src=\"http://127.0.0.1:9/x.png\"><script>console.error(1)</script></body></html>",
    )
    .expect("a page");
    let output = run_chromium(&chromium, "console", &page, &["--dump-dom"]);
    let log = String::from_utf8_lossy(&output.stderr);
    assert_eq!(console_messages(&log).len(), 2, "{log}");
}

/// Each chart's box and each of its texts' boxes, in CSS pixels:
/// `[{ chart, frame: [left, top, right, bottom], texts: [{ text, class, box }] }]`.
const CHART_TEXTS: &str = "[...document.querySelectorAll('svg.chart')].map(svg => ({
    chart: svg.id,
    frame: (r => [r.left, r.top, r.right, r.bottom])(svg.getBoundingClientRect()),
    texts: [...svg.querySelectorAll('text')].map(text => ({
        text: text.textContent,
        class: text.getAttribute('class'),
        box: (r => [r.left, r.top, r.right, r.bottom])(text.getBoundingClientRect()),
    })),
}))";

/// How many texts of `class` the chart `id` has in `measured`.
fn texts_of(measured: &Value, id: &str, class: &str) -> usize {
    measured
        .as_array()
        .expect("charts")
        .iter()
        .filter(|chart| chart["chart"] == id)
        .flat_map(|chart| chart["texts"].as_array().expect("texts"))
        .filter(|text| text["class"] == class)
        .count()
}

/// A rectangle as `[left, top, right, bottom]`.
fn rectangle(value: &Value) -> [f64; 4] {
    let numbers: Vec<f64> = value
        .as_array()
        .expect("a box")
        .iter()
        .map(|n| n.as_f64().expect("a coordinate"))
        .collect();
    numbers.try_into().expect("four coordinates")
}

/// How much two boxes share, in square pixels.
fn shared_area(a: [f64; 4], b: [f64; 4]) -> f64 {
    let width = a[2].min(b[2]) - a[0].max(b[0]);
    let height = a[3].min(b[3]) - a[1].max(b[1]);
    width.max(0.0) * height.max(0.0)
}

/// What is wrong with the texts of each chart `measured` on `page`: two
/// texts that overlap, or a text that runs out of its chart, where the
/// page clips it.
fn label_faults(page: &str, measured: &Value) -> Vec<String> {
    let mut faults = Vec::new();
    for chart in measured.as_array().expect("charts") {
        let name = chart["chart"].as_str().unwrap_or("a chart");
        let frame = rectangle(&chart["frame"]);
        let texts: Vec<(&str, [f64; 4])> = chart["texts"]
            .as_array()
            .expect("texts")
            .iter()
            .map(|text| (text["text"].as_str().unwrap_or(""), rectangle(&text["box"])))
            .collect();
        for (at, &(text, bounds)) in texts.iter().enumerate() {
            // Half a pixel for rounding.
            let inside = bounds[0] >= frame[0] - 0.5
                && bounds[1] >= frame[1] - 0.5
                && bounds[2] <= frame[2] + 0.5
                && bounds[3] <= frame[3] + 0.5;
            if !inside {
                faults.push(format!("{page}, {name}: {text:?} runs out of the chart"));
            }
            for &(other, other_bounds) in &texts[at + 1..] {
                if shared_area(bounds, other_bounds) > 0.25 {
                    faults.push(format!("{page}, {name}: {text:?} overlaps {other:?}"));
                }
            }
        }
    }
    faults
}

/// Messages near 10⁹: the most the labels are laid out for.
const MANY: u64 = 1_000_000_000;

#[test]
fn no_two_labels_of_a_chart_overlap_at_any_span_or_count() {
    let Some(chromium) = chromium_or_skip("no_two_labels_of_a_chart_overlap") else {
        return;
    };
    // Up to 370 days a bar is a day; then a week (400 days), a month
    // (5,000), a year. Each page with its x axis's fewest labels: a gap
    // between labels is no answer when there are none.
    let mut pages: Vec<(String, std::path::PathBuf, usize)> = Vec::new();
    for (days, per_day, x_labels) in [(1, 40, 1), (45, 40, 5), (400, 12, 5), (5_000, 4, 5)] {
        let csv = extract::tracking(days, per_day);
        let input = scratch_file(&format!("labels-{days}-days.csv"), &csv);
        let page = scratch(&format!("labels-{days}-days.html"));
        let run = sms_status(&[
            "triage",
            input.to_str().unwrap(),
            "--html",
            page.to_str().unwrap(),
        ]);
        assert!(run.code <= 1, "{}", run.stderr);
        pages.push((format!("{days} days"), page, x_labels));
        // The same inputs at 10⁹ messages: the real page of a summary
        // whose every count is multiplied.
        let rows = u64::try_from(csv.lines().count() - 1).expect("a count");
        let many = mobileconnect_status_cli::html_report_at_scale(&[input], MANY.div_ceil(rows))
            .expect("the extract is read");
        let total = count(&Page::parse(&many).id("messages-total").text);
        assert!((MANY..MANY + MANY / 100).contains(&total), "{total}");
        let page = scratch_file(&format!("labels-{days}-days-many.html"), many);
        pages.push((format!("{days} days, 10^9 messages"), page, x_labels));
    }
    let profile = scratch(&format!("chromium-profile-labels-{}", std::process::id()));
    let mut browser = Browser::start(&chromium, &profile);
    let mut faults = Vec::new();
    for (name, page, x_labels) in &pages {
        let url = format!(
            "file://{}",
            page.canonicalize().expect("the page").display()
        );
        // A desktop window and a phone's: the charts scale with the page.
        for width in [1000, 420] {
            let (tab, session) = browser.open(&url, width, 900);
            let measured = browser.evaluate(&session, CHART_TEXTS);
            browser.close(&tab);
            let at = format!("{name} at {width} px");
            assert_eq!(texts_of(&measured, "funnel-chart", "label"), 6, "{at}");
            assert_eq!(texts_of(&measured, "funnel-chart", "value"), 6, "{at}");
            for chart in ["messages-chart", "rate-chart"] {
                assert!(texts_of(&measured, chart, "tick y") >= 5, "{at}: {chart}");
                let shown = texts_of(&measured, chart, "tick x");
                assert!(shown >= *x_labels, "{at}: {chart} has {shown} x labels");
            }
            faults.extend(label_faults(&at, &measured));
        }
    }
    drop(browser);
    assert_eq!(faults, Vec::<String>::new());
}
