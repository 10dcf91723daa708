//! The answers the receiver sends: a body held whole or streamed, with
//! its content type.

use bytes::Bytes;
use http_body_util::{Either, Full};
use hyper::header::{CONTENT_TYPE, HeaderValue};
use hyper::{Response, StatusCode};

use super::event_lines;

/// A body held whole, or the stored events streamed.
pub(crate) type Body = Either<Full<Bytes>, event_lines::Body>;

/// An answer with a body, plain text unless [`typed`] says otherwise.
pub(crate) fn answer(status: StatusCode, body: impl Into<Bytes>) -> Response<Body> {
    let mut response = Response::new(Either::Left(Full::new(body.into())));
    *response.status_mut() = status;
    typed(response, "text/plain; charset=utf-8")
}

pub(crate) fn typed(mut response: Response<Body>, content_type: &'static str) -> Response<Body> {
    response
        .headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    response
}
