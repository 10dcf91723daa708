//! `POST /ens`: a notification batch or a verification body, taken from
//! the request as ENS sent it.
//!
//! The order of the checks is the order of what is known: the content
//! type and the declared length from the headers, then the body within
//! its size and time limits, then the signature over the raw bytes, and
//! only then anything parsed from the body.

use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt, LengthLimitError, Limited};
use hyper::body::Incoming;
use hyper::header::{CONTENT_LENGTH, CONTENT_TYPE, HeaderMap};
use hyper::{Request, Response, StatusCode};

use super::answer::{Body, answer};
use super::batch::Batch;
use super::group_commit::Work;
use super::metrics::Refused;
use super::signature::{self, Refusal};
use super::verification::{MOST_FIELD_BYTES, Verification, shown};
use super::{State, log};
use crate::quoted::Quoted;

/// The largest body taken: a batch of 1,000 events is about 0.5 MiB.
pub(crate) const MOST_BYTES: usize = 4 << 20;

/// A body that could not be taken.
enum Unread {
    TooLarge,
    TooSlow,
    Broken(String),
}

pub(crate) async fn receive(state: &State, request: Request<Incoming>) -> Response<Body> {
    let headers = request.headers();
    if !is_json(headers) {
        state.metrics.refused(Refused::NotJson);
        let sent = headers
            .get(CONTENT_TYPE)
            .map(hyper::http::HeaderValue::as_bytes);
        return answer(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            format!(
                "expected Content-Type: application/json, not {}\n",
                Quoted::bytes(sent.unwrap_or_default())
            ),
        );
    }
    if declared_length(headers).is_some_and(|length| length > MOST_BYTES as u64) {
        return too_large(state);
    }
    let signature = headers
        .get(signature::HEADER)
        .map(|value| value.as_bytes().to_vec());
    let body = match read_body(request.into_body(), state.body_timeout).await {
        Ok(body) => body,
        Err(Unread::TooLarge) => return too_large(state),
        Err(Unread::TooSlow) => {
            state.metrics.refused(Refused::SlowBody);
            return answer(
                StatusCode::REQUEST_TIMEOUT,
                "the body did not arrive in time\n",
            );
        }
        Err(Unread::Broken(problem)) => {
            return answer(
                StatusCode::BAD_REQUEST,
                format!("cannot read the body: {problem}\n"),
            );
        }
    };
    match signature {
        Some(signature) => signed(state, &signature, &body).await,
        None => unsigned(state, &body).await,
    }
}

/// A batch with a signature: stored and acknowledged when a key made the
/// signature, refused with 401 otherwise.
async fn signed(state: &State, signature: &[u8], body: &[u8]) -> Response<Body> {
    let (keys, problem) = state.keys.current();
    if let Some(problem) = problem {
        log(format_args!("{problem}"));
    }
    match signature::verify(&keys, Some(signature), body) {
        Ok(form) => state.metrics.signed_by(form),
        Err(refusal) => return refuse_signature(state, refusal),
    }
    let batch = Batch::of(body);
    let (received, unreadable) = (batch.received, batch.unreadable);
    match state.committer.commit(Work::Events(batch)).await {
        Ok(committed) => {
            state.metrics.batch(received, committed.added, unreadable);
            answer(
                StatusCode::OK,
                format!(
                    "{{\"received\":{received},\"added\":{},\"unreadable\":{unreadable}}}\n",
                    committed.added
                ),
            )
        }
        Err(failure) => {
            state.metrics.store_failed();
            log(format_args!(
                "a batch of {received} events was not stored, answered 503: {failure}"
            ));
            answer(
                StatusCode::SERVICE_UNAVAILABLE,
                "the events could not be stored; send them again\n",
            )
        }
    }
}

/// A body without a signature: only the verification body of the
/// configured callback is taken (of any callback while none is
/// configured, to set one up), and only with fields of a bounded length.
async fn unsigned(state: &State, body: &[u8]) -> Response<Body> {
    let Some(verification) = Verification::read(body) else {
        return refuse_signature(state, Refusal::Missing);
    };
    if let Some(expected) = &state.callback_id {
        if *expected != verification.callback_id {
            state.metrics.refused(Refused::OtherCallback);
            log(format_args!(
                "refused a verification body for callback {}: this receiver is for {expected:?}",
                shown(&verification.callback_id)
            ));
            return answer(StatusCode::FORBIDDEN, "not this receiver's callback\n");
        }
    }
    if verification.is_too_long() {
        state.metrics.refused(Refused::LongVerification);
        log(format_args!(
            "refused a verification body (400): callbackId {} or verificationKey {} is over \
             {MOST_FIELD_BYTES} bytes",
            shown(&verification.callback_id),
            shown(&verification.verification_key)
        ));
        return answer(
            StatusCode::BAD_REQUEST,
            format!(
                "callbackId and verificationKey may hold at most {MOST_FIELD_BYTES} bytes each\n"
            ),
        );
    }
    let request = verification.request_to_send();
    let callback_id = shown(&verification.callback_id);
    let work = Work::Verification {
        callback_id: verification.callback_id,
        verification_key: verification.verification_key,
    };
    match state.committer.commit(work).await {
        Ok(_) => {
            state.metrics.verification();
            log(format_args!(
                "verification body for callback {callback_id} stored; to finish creating the \
                 callback, send this request to Marketing Cloud's REST API:\n\n{request}\n"
            ));
            answer(StatusCode::OK, "verification stored\n")
        }
        Err(failure) => {
            state.metrics.store_failed();
            log(format_args!(
                "a verification body was not stored, answered 503: {failure}"
            ));
            answer(
                StatusCode::SERVICE_UNAVAILABLE,
                "could not be stored; send it again\n",
            )
        }
    }
}

fn refuse_signature(state: &State, refusal: Refusal) -> Response<Body> {
    state.metrics.signature_refused(refusal);
    let why = match refusal {
        Refusal::Missing => "no x-sfmc-ens-signature header",
        Refusal::Malformed => "x-sfmc-ens-signature is not base64 of an HMAC-SHA256",
        Refusal::Mismatch => "x-sfmc-ens-signature was not made by a configured key",
    };
    log(format_args!("refused a body (401): {why}"));
    answer(StatusCode::UNAUTHORIZED, format!("{why}\n"))
}

fn too_large(state: &State) -> Response<Body> {
    state.metrics.refused(Refused::TooLarge);
    answer(
        StatusCode::PAYLOAD_TOO_LARGE,
        format!("a body may hold at most {MOST_BYTES} bytes\n"),
    )
}

/// Whether the content type is JSON: `application/json` with any
/// parameters, or a `+json` type. A request without one is taken as JSON.
fn is_json(headers: &HeaderMap) -> bool {
    let Some(value) = headers.get(CONTENT_TYPE) else {
        return true;
    };
    let Ok(value) = value.to_str() else {
        return false;
    };
    let essence = value
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    essence == "application/json"
        || (essence.starts_with("application/") && essence.ends_with("+json"))
}

fn declared_length(headers: &HeaderMap) -> Option<u64> {
    headers
        .get(CONTENT_LENGTH)?
        .to_str()
        .ok()?
        .trim()
        .parse()
        .ok()
}

/// The whole body, within [`MOST_BYTES`] and `timeout`.
async fn read_body(body: Incoming, timeout: Duration) -> Result<Bytes, Unread> {
    let collected = tokio::time::timeout(timeout, Limited::new(body, MOST_BYTES).collect()).await;
    match collected {
        Err(_) => Err(Unread::TooSlow),
        Ok(Ok(collected)) => Ok(collected.to_bytes()),
        Ok(Err(failure)) if failure.downcast_ref::<LengthLimitError>().is_some() => {
            Err(Unread::TooLarge)
        }
        Ok(Err(failure)) => Err(Unread::Broken(failure.to_string())),
    }
}
