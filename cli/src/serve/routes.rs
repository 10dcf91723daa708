//! Which request goes where, and the answers that are not ENS's.

use std::sync::Arc;

use http_body_util::Either;
use hyper::body::Incoming;
use hyper::header::{ALLOW, HeaderValue};
use hyper::{Method, Request, Response, StatusCode};
use mobileconnect_status::Action;

use super::answer::{Body, answer, typed};
use super::views::{Unread, View};
use super::{State, ens, event_lines, log};

/// The paths that are read, their views and content types.
const READS: [(&str, Read); 7] = [
    ("/healthz", Read::Health),
    ("/metrics", Read::Metrics),
    (
        "/lists/suppress.txt",
        Read::View(View::List(Action::SuppressNumber)),
    ),
    (
        "/lists/retry.txt",
        Read::View(View::List(Action::RetryLater)),
    ),
    ("/report.json", Read::View(View::Json)),
    ("/report.html", Read::View(View::Html)),
    ("/events.jsonl", Read::Events),
];

#[derive(Clone, Copy)]
enum Read {
    Health,
    Metrics,
    View(View),
    Events,
}

pub(crate) async fn handle(state: &State, request: Request<Incoming>) -> Response<Body> {
    let path = request.uri().path();
    if path == "/ens" {
        return if request.method() == Method::POST {
            ens::receive(state, request).await
        } else {
            not_allowed("POST")
        };
    }
    let Some(&(_, read)) = READS.iter().find(|(known, _)| *known == path) else {
        return answer(StatusCode::NOT_FOUND, "not found\n");
    };
    if request.method() != Method::GET {
        return not_allowed("GET");
    }
    match read {
        Read::Health => answer(StatusCode::OK, "ok\n"),
        Read::Metrics => {
            let stored = state.stored().await.ok();
            typed(
                answer(StatusCode::OK, state.metrics.text(stored)),
                "text/plain; version=0.0.4; charset=utf-8",
            )
        }
        Read::View(view) => match state.views.render(view).await {
            Ok(bytes) => typed(answer(StatusCode::OK, bytes), content_type(view)),
            Err(failure) => unavailable(&failure),
        },
        // A database that cannot be read answers 503 before anything of
        // the events is sent.
        Read::Events => {
            let body = match state.stored().await {
                Ok(_) => event_lines::body(Arc::clone(&state.reader)).map_err(Unread::from),
                Err(failure) => Err(failure),
            };
            match body {
                Ok(body) => typed(Response::new(Either::Right(body)), "application/jsonl"),
                Err(failure) => unavailable(&failure),
            }
        }
    }
}

fn content_type(view: View) -> &'static str {
    match view {
        View::List(_) => "text/plain; charset=utf-8",
        View::Json => "application/json",
        View::Html => "text/html; charset=utf-8",
    }
}

fn unavailable(failure: &Unread) -> Response<Body> {
    log(format_args!("answered 503: {failure}"));
    answer(StatusCode::SERVICE_UNAVAILABLE, failure.answer())
}

fn not_allowed(allowed: &'static str) -> Response<Body> {
    let mut response = answer(StatusCode::METHOD_NOT_ALLOWED, format!("use {allowed}\n"));
    response
        .headers_mut()
        .insert(ALLOW, HeaderValue::from_static(allowed));
    response
}
