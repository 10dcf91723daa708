//! The report's charts, as inline SVG written by hand: a funnel of how far
//! messages got, messages per period by outcome (stacked bars) and the
//! delivery rate per period (a line). Each has a title, axis labels and a
//! `<desc>` that says what it shows in words; colours come from the page's
//! style (so they follow the colour scheme and print), and the failed
//! outcomes are hatched, so that no reader has to tell colours apart.

use mobileconnect_status::Outcome;

use super::label_width::label_width;
use super::periods::{Period, Unit};
use crate::html::{Count, Html, Percent};
use crate::triage::report::funnel::Funnel;

/// The drawing's size in its own units; it scales to the page's width.
const WIDTH: f64 = 720.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 52.0;

/// The stacked segments, bottom up: (outcome's class, its name). Not sent
/// is split out of failed.
const SEGMENTS: [(&str, &str); 5] = [
    ("delivered", "delivered"),
    ("pending", "pending"),
    ("unknown", "unknown"),
    ("failed", "failed"),
    ("not-sent", "not sent"),
];

/// A number as SVG writes it: at most two decimals, no trailing zeros.
struct N(f64);

impl std::fmt::Display for N {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = format!("{:.2}", self.0);
        f.write_str(text.trim_end_matches('0').trim_end_matches('.'))
    }
}

#[expect(clippy::cast_precision_loss, reason = "drawing needs no exact count")]
fn float(count: u64) -> f64 {
    count as f64
}

/// Writes a chart's caption and opens its `<svg>` with its title and
/// description, which screen readers announce for it.
fn open_svg(html: &mut Html, id: &'static str, height: f64, title: &str, desc: &str) {
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let labelled = format!("{title_id} {desc_id}");
    let view_box = format!("0 0 {} {}", N(WIDTH), N(height));
    html.open("figcaption", &[("class", &"chart-title")])
        .text(title)
        .close("figcaption");
    html.open(
        "svg",
        &[
            ("id", &id),
            ("class", &"chart"),
            ("role", &"img"),
            ("viewBox", &view_box),
            ("aria-labelledby", &labelled),
            ("xmlns", &"http://www.w3.org/2000/svg"),
        ],
    );
    html.open("title", &[("id", &title_id)])
        .text(title)
        .close("title");
    html.open("desc", &[("id", &desc_id)])
        .text(desc)
        .close("desc");
}

/// The hatching that marks failed and not-sent segments, for readers and
/// printers that cannot tell the colours apart.
fn patterns(html: &mut Html) {
    html.markup(
        "<defs>\
         <pattern id=\"hatch-failed\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">\
         <rect width=\"6\" height=\"6\" class=\"fill-failed\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" class=\"hatch\"/></pattern>\
         <pattern id=\"hatch-not-sent\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(-45)\">\
         <rect width=\"6\" height=\"6\" class=\"fill-not-sent\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" class=\"hatch\"/></pattern>\
         </defs>",
    );
}

fn rect(html: &mut Html, class: &str, x: f64, y: f64, width: f64, height: f64) {
    html.open(
        "rect",
        &[
            ("class", &class),
            ("x", &N(x)),
            ("y", &N(y)),
            ("width", &N(width)),
            ("height", &N(height)),
        ],
    )
    .close("rect");
}

fn label(html: &mut Html, class: &'static str, x: f64, y: f64, text: impl std::fmt::Display) {
    html.open("text", &[("class", &class), ("x", &N(x)), ("y", &N(y))])
        .text(text)
        .close("text");
}

/// One row of the funnel: its name, its messages, what ended there (said
/// under the bar) and the bar's class.
struct FunnelRow {
    name: String,
    count: u64,
    ended_here: String,
    class: &'static str,
}

/// The funnel's rows: all messages, each stage, the delivered.
fn funnel_rows(funnel: &Funnel) -> Vec<FunnelRow> {
    let mut rows = vec![FunnelRow {
        name: "All messages".to_owned(),
        count: funnel.messages,
        ended_here: if funnel.not_sent > 0 {
            format!("{} never sent", Count(funnel.not_sent))
        } else {
            String::new()
        },
        class: "total",
    }];
    for stage in &funnel.stages {
        let ended_here = match (stage.ended(Outcome::Failed), stage.ended(Outcome::Unknown)) {
            (0, 0) => String::new(),
            (failed, 0) => format!("{} failed here", Count(failed)),
            (0, unknown) => format!("{} unknown here", Count(unknown)),
            (failed, unknown) => {
                format!("{} failed, {} unknown here", Count(failed), Count(unknown))
            }
        };
        rows.push(FunnelRow {
            name: format!("Reached {}", super::stage_name(stage.stage)),
            count: stage.reached,
            ended_here,
            class: "reached",
        });
    }
    rows.push(FunnelRow {
        name: "Delivered to the handset".to_owned(),
        count: funnel.delivered(),
        ended_here: String::new(),
        class: "delivered",
    });
    rows
}

/// The funnel's font sizes, as `style.css` sets them: a row's name and
/// its count.
const NAME_SIZE: f64 = 13.0;
const VALUE_SIZE: f64 = 12.0;
/// A funnel row's height, and what a line under its bar adds.
const ROW_HEIGHT: f64 = 34.0;
const ENDED_LINE: f64 = 16.0;

/// How far messages got: one bar per stage for the messages that reached
/// it, the delivered at the end, and under each stage's bar the messages
/// that failed there. Each text has a place of its own at any count: the
/// names a column as wide as the widest, the counts the room after the
/// longest bar, and what ended at a stage a line under its bar.
pub(crate) fn funnel(html: &mut Html, funnel: &Funnel) {
    let rows = funnel_rows(funnel);
    let values: Vec<String> = rows
        .iter()
        .map(|row| {
            format!(
                "{} ({})",
                Count(row.count),
                Percent::of(row.count, funnel.messages)
            )
        })
        .collect();
    let names = rows
        .iter()
        .map(|row| label_width(&row.name, NAME_SIZE, false));
    let bar_left = widest(names) + 12.0;
    let value_room = widest(
        values
            .iter()
            .map(|value| label_width(value, VALUE_SIZE, false)),
    );
    let bar_width = WIDTH - bar_left - 6.0 - value_room - 4.0;
    // A row is a bar with its name and count beside it, and when
    // something ended at its stage, a line under the bar that says so.
    let heights: Vec<f64> = rows
        .iter()
        .map(|row| {
            if row.ended_here.is_empty() {
                ROW_HEIGHT
            } else {
                ROW_HEIGHT + ENDED_LINE
            }
        })
        .collect();
    let height = TOP + heights.iter().sum::<f64>() + 8.0;
    let desc = format!(
        "Of {} messages, {} reached the send service, {} the aggregator, {} the carrier and {} the handset; {} were delivered. {} were never sent.",
        Count(funnel.messages),
        Count(funnel.stages[0].reached),
        Count(funnel.stages[1].reached),
        Count(funnel.stages[2].reached),
        Count(funnel.stages[3].reached),
        Count(funnel.delivered()),
        Count(funnel.not_sent),
    );
    open_svg(
        html,
        "funnel-chart",
        height,
        "Messages by the last stage they reached",
        &desc,
    );
    let most = float(funnel.messages.max(1));
    let mut y = TOP;
    for ((row, value), row_height) in rows.iter().zip(&values).zip(&heights) {
        label(html, "label", 0.0, y + 19.0, &row.name);
        let width = bar_width * float(row.count) / most;
        rect(
            html,
            &format!("bar fill-{}", row.class),
            bar_left,
            y + 4.0,
            width.max(0.5),
            22.0,
        );
        label(html, "value", bar_left + width + 6.0, y + 19.0, value);
        if !row.ended_here.is_empty() {
            label(html, "failed-here", bar_left, y + 40.0, &row.ended_here);
        }
        y += row_height;
    }
    html.close("svg");
}

/// The largest of `widths`, 0 for none.
fn widest(widths: impl Iterator<Item = f64>) -> f64 {
    widths.fold(0.0, f64::max)
}

/// The y axis's top and step: four or five round, whole steps that reach
/// the largest value.
fn scale(largest: f64) -> (f64, f64) {
    if largest <= 0.0 {
        return (4.0, 1.0);
    }
    let magnitude = 10_f64.powf(largest.log10().floor());
    [0.1, 0.2, 0.25, 0.5, 1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|factor| factor * magnitude)
        .filter(|step| *step >= 1.0 && step.fract() == 0.0)
        .map(|step| (step * (largest / step).ceil().max(4.0), step))
        .find(|&(top, step)| top <= step * 5.0)
        .unwrap_or((magnitude * 40.0, magnitude * 10.0))
}

/// The font sizes of the axes, as `style.css` sets them.
const TICK_SIZE: f64 = 11.0;
const AXIS_TITLE_SIZE: f64 = 12.0;
/// Where the y axis's title, turned to read upwards, has its baseline.
const Y_TITLE_X: f64 = 14.0;

/// Where a chart over time draws: its plot's left edge, which leaves room
/// for the y axis's title and its widest label, and its plot's bottom,
/// under which the x axis's labels and title go.
#[derive(Clone, Copy)]
struct Plot {
    left: f64,
    bottom: f64,
    height: f64,
}

impl Plot {
    /// The plot of a chart `height` high, its left edge after the widest
    /// of the messages charts' y labels for `periods`, so that the two
    /// charts over time line their periods up.
    fn new(periods: &[Period], height: f64) -> Self {
        let (top, step) = scale(float(largest(periods)));
        let widest_tick = widest(
            ticks(top, step)
                .map(|tick| label_width(&Count(rounded(tick)).to_string(), TICK_SIZE, false)),
        );
        // The turned title's descent reaches a quarter em past its
        // baseline; a gap, the labels, and a gap to the axis follow.
        let title_edge = Y_TITLE_X + AXIS_TITLE_SIZE / 4.0;
        Self {
            left: (title_edge + 6.0 + widest_tick + 6.0).max(64.0),
            bottom: height - BOTTOM,
            height,
        }
    }

    fn width(self) -> f64 {
        WIDTH - self.left - RIGHT
    }

    /// The width of one period's slot.
    fn slot(self, periods: &[Period]) -> f64 {
        self.width() / float(periods.len().max(1) as u64)
    }

    /// The middle of the slot of period `at`.
    fn middle(self, periods: &[Period], at: usize) -> f64 {
        self.left + self.slot(periods) * (float(at as u64) + 0.5)
    }
}

/// The most messages of any period.
fn largest(periods: &[Period]) -> u64 {
    periods
        .iter()
        .map(|period| period.messages.total)
        .max()
        .unwrap_or(0)
}

/// The y axis's values: from 0 by `step` to `top`.
fn ticks(top: f64, step: f64) -> impl Iterator<Item = f64> {
    (0_u32..)
        .map(move |at| f64::from(at) * step)
        .take_while(move |tick| *tick <= top + step / 2.0)
}

/// The x axis's labels: the first period's, then every so many that the
/// widest label has room, each under its period's middle; a label that
/// would run out of the chart is left out.
fn x_labels(html: &mut Html, periods: &[Period], plot: Plot) {
    let room = |period: &Period| label_width(&period.tick, TICK_SIZE, false);
    let pitch = widest(periods.iter().map(room)) + 12.0;
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "a small positive count of periods"
    )]
    let every = ((pitch / plot.slot(periods)).ceil() as usize).max(1);
    for (at, period) in periods.iter().enumerate().step_by(every) {
        let x = plot.middle(periods, at);
        let half = room(period) / 2.0;
        if x - half < 0.0 || x + half > WIDTH {
            continue;
        }
        // Far enough under the axis that the y axis's lowest label, which
        // sits on it, stays clear of the first.
        html.open(
            "text",
            &[
                ("class", &"tick x"),
                ("x", &N(x)),
                ("y", &N(plot.bottom + 19.0)),
            ],
        )
        .text(&period.tick)
        .close("text");
    }
}

fn axes(html: &mut Html, plot: Plot, x_title: &str, y_title: &str) {
    across_the_plot(html, "axis", plot, plot.bottom);
    html.open(
        "text",
        &[
            ("class", &"axis-title"),
            ("x", &N(plot.left + plot.width() / 2.0)),
            ("y", &N(plot.height - 6.0)),
        ],
    )
    .text(x_title)
    .close("text");
    let middle = TOP + (plot.bottom - TOP) / 2.0;
    let rotate = format!("rotate(-90 {} {})", N(Y_TITLE_X), N(middle));
    html.open(
        "text",
        &[
            ("class", &"axis-title"),
            ("x", &N(Y_TITLE_X)),
            ("y", &N(middle)),
            ("transform", &rotate),
        ],
    )
    .text(y_title)
    .close("text");
}

/// A horizontal line of `class` from the plot's left edge to its right.
fn across_the_plot(html: &mut Html, class: &'static str, plot: Plot, y: f64) {
    html.open(
        "line",
        &[
            ("class", &class),
            ("x1", &N(plot.left)),
            ("y1", &N(y)),
            ("x2", &N(WIDTH - RIGHT)),
            ("y2", &N(y)),
        ],
    )
    .close("line");
}

fn y_gridline(html: &mut Html, plot: Plot, y: f64, text: impl std::fmt::Display) {
    across_the_plot(html, "grid", plot, y);
    html.open(
        "text",
        &[
            ("class", &"tick y"),
            ("x", &N(plot.left - 6.0)),
            ("y", &N(y + 4.0)),
        ],
    )
    .text(text)
    .close("text");
}

/// The x axis's title: the unit of the periods, as their labels name them.
fn x_title(unit: Unit, zone: &str) -> String {
    format!("{} (Marketing Cloud time, {zone})", unit.axis_name())
}

/// Messages per period, stacked by outcome.
pub(crate) fn messages_over_time(html: &mut Html, unit: Unit, periods: &[Period], zone: &str) {
    let plot = Plot::new(periods, 320.0);
    let slot = plot.slot(periods);
    // A few periods make narrow bars, not slabs.
    let bar = if slot > 4.0 {
        (slot * 0.8).min(48.0)
    } else {
        slot
    };
    let gap = slot - bar;
    let (top_value, step) = scale(float(largest(periods)));
    let y_of = |value: f64| plot.bottom - (plot.bottom - TOP) * value / top_value;
    let busiest = periods.iter().max_by_key(|period| period.messages.total);
    let desc = match busiest {
        Some(busiest) => format!(
            "Messages per {} from {} to {}, stacked by outcome; the most on {} ({} messages, {} delivered). The table below gives every {}.",
            unit.name(),
            periods[0].label,
            periods[periods.len() - 1].label,
            busiest.label,
            Count(busiest.messages.total),
            Count(busiest.messages.delivered),
            unit.name(),
        ),
        None => "No message had a time.".to_owned(),
    };
    let title = format!("Messages per {} by outcome", unit.name());
    open_svg(html, "messages-chart", plot.height, &title, &desc);
    patterns(html);
    for tick in ticks(top_value, step) {
        y_gridline(html, plot, y_of(tick), Count(rounded(tick)));
    }
    for (at, period) in periods.iter().enumerate() {
        let x = plot.left + slot * float(at as u64) + gap / 2.0;
        html.open("g", &[]);
        html.open("title", &[])
            .text(format_args!(
                "{}: {} messages, {} delivered ({})",
                period.label,
                Count(period.messages.total),
                Count(period.messages.delivered),
                Percent::of(period.messages.delivered, period.messages.total)
            ))
            .close("title");
        let mut below = 0.0;
        for (class, _) in SEGMENTS {
            let count = segment(period, class);
            if count == 0 {
                continue;
            }
            let (y0, y1) = (y_of(below), y_of(below + float(count)));
            rect(html, &format!("seg-{class}"), x, y1, bar, y0 - y1);
            below += float(count);
        }
        html.close("g");
    }
    x_labels(html, periods, plot);
    axes(html, plot, &x_title(unit, zone), "Messages");
    html.close("svg");
    legend(html);
}

/// Messages of a period in one stacked segment.
fn segment(period: &Period, class: &str) -> u64 {
    match class {
        "delivered" => period.messages.delivered,
        "pending" => period.messages.count(Outcome::Pending),
        "unknown" => period.messages.count(Outcome::Unknown),
        "failed" => period.messages.count(Outcome::Failed) - period.messages.not_sent,
        _ => period.messages.not_sent,
    }
}

/// The key to the bars' colours and hatching, as text.
fn legend(html: &mut Html) {
    html.markup("<ul class=\"legend\">");
    for (class, name) in SEGMENTS {
        let swatch = format!("swatch seg-{class}");
        html.markup("<li>")
            .markup("<svg width=\"14\" height=\"14\" aria-hidden=\"true\">")
            .open(
                "rect",
                &[("class", &swatch), ("width", &14), ("height", &14)],
            )
            .close("rect")
            .markup("</svg>")
            .text(name)
            .markup("</li>");
    }
    html.markup("</ul>");
}

/// The delivered share of each period's messages; no point for a period
/// without messages.
pub(crate) fn delivery_rate_over_time(html: &mut Html, unit: Unit, periods: &[Period], zone: &str) {
    let plot = Plot::new(periods, 260.0);
    let x_of = |at: usize| plot.middle(periods, at);
    let y_of = |share: f64| plot.bottom - (plot.bottom - TOP) * share;
    let rates: Vec<Option<f64>> = periods
        .iter()
        .map(|period| Percent::of(period.messages.delivered, period.messages.total).0)
        .collect();
    let known: Vec<(usize, f64)> = rates
        .iter()
        .enumerate()
        .filter_map(|(at, rate)| Some((at, (*rate)?)))
        .collect();
    let lowest = known
        .iter()
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|&(at, rate)| (periods[at].label.as_str(), rate));
    let highest = known
        .iter()
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|&(at, rate)| (periods[at].label.as_str(), rate));
    let desc = match (lowest, highest) {
        (Some(lowest), Some(highest)) => format!(
            "The delivered share of each {}'s messages: lowest {} on {}, highest {} on {}. The table below gives every {}.",
            unit.name(),
            Percent(Some(lowest.1)),
            lowest.0,
            Percent(Some(highest.1)),
            highest.0,
            unit.name(),
        ),
        _ => "No message had a time.".to_owned(),
    };
    let title = format!("Delivery rate per {}", unit.name());
    open_svg(html, "rate-chart", plot.height, &title, &desc);
    for quarter in 0..=4 {
        let share = f64::from(quarter) / 4.0;
        y_gridline(html, plot, y_of(share), format_args!("{}%", quarter * 25));
    }
    // One line per run of periods with messages: a gap shows a gap.
    let mut run: Vec<String> = Vec::new();
    let mut lines: Vec<Vec<String>> = Vec::new();
    for (at, rate) in rates.iter().enumerate() {
        match rate {
            Some(rate) => run.push(format!("{},{}", N(x_of(at)), N(y_of(*rate)))),
            None if !run.is_empty() => lines.push(std::mem::take(&mut run)),
            None => {}
        }
    }
    lines.push(run);
    for line in lines.iter().filter(|line| !line.is_empty()) {
        let points = line.join(" ");
        html.open("polyline", &[("class", &"rate"), ("points", &points)])
            .close("polyline");
    }
    if known.len() <= 62 {
        for &(at, rate) in &known {
            html.open(
                "circle",
                &[
                    ("class", &"rate-point"),
                    ("cx", &N(x_of(at))),
                    ("cy", &N(y_of(rate))),
                    ("r", &3),
                ],
            );
            html.open("title", &[])
                .text(format_args!(
                    "{}: {}",
                    periods[at].label,
                    Percent(Some(rate))
                ))
                .close("title")
                .close("circle");
        }
    }
    x_labels(html, periods, plot);
    axes(html, plot, &x_title(unit, zone), "Delivered");
    html.close("svg");
}

#[expect(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    reason = "a tick is a small whole number"
)]
fn rounded(value: f64) -> u64 {
    value.round() as u64
}

#[cfg(test)]
mod tests {
    use super::scale;

    #[test]
    fn the_axis_reaches_the_largest_value_in_four_or_five_round_steps() {
        assert_eq!(scale(0.0), (4.0, 1.0));
        assert_eq!(scale(1.0), (4.0, 1.0));
        assert_eq!(scale(6.0), (8.0, 2.0));
        assert_eq!(scale(9.0), (10.0, 2.0), "whole ticks only");
        assert_eq!(scale(100.0), (100.0, 20.0));
        assert_eq!(scale(12_350.0), (12_500.0, 2_500.0));
        assert_eq!(scale(13_000.0), (20_000.0, 5_000.0));
        for largest in [3.0, 77.0, 999.0, 1001.0, 54_321.0, 4_130_000.0] {
            let (top, step) = scale(largest);
            assert!(
                top >= largest && top / step <= 5.0,
                "{largest}: {top} {step}"
            );
        }
    }
}
