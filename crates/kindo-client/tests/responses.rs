//! The Responses API and conversation items against a loopback server serving the documented
//! examples in `corpus/examples/responses` and `conversations`.

mod support;

use std::num::NonZeroU32;

use kindo_client::api;
use kindo_client::api::types::{
    CreateResponseRequest, GetConversationItemError, Item, ListConversationItemsOrder,
    ResponseContentPart,
};
use kindo_client::sse::StreamError;
use kindo_client::streams::{ResponseEvent, ResponseStream};
use serde_json::Value;
use support::{
    KEY, Reply, Server, assert_call, assert_truncated, client, drain, error_body, example,
    example_text, serve_json, serve_sse, typed,
};

/// The `response.completed` frame a successful stream ends with. The corpus shows no such frame
/// (the documented stream is cut before it), so it is derived from the documented
/// `response.created` frame with the status a completed response has.
fn completed_frame() -> String {
    let stream = example_text("responses", "response-stream");
    let created = kindo_wire::sse::parse_text(&stream)
        .into_iter()
        .find(|e| e.event.as_deref() == Some("response.created"))
        .expect("the documented stream starts with response.created");
    let mut data: Value = serde_json::from_str(&created.data).unwrap();
    data["status"] = "completed".into();
    format!("event: response.completed\ndata: {data}\n\n")
}

fn names(events: &[ResponseEvent]) -> Vec<&str> {
    events.iter().map(ResponseEvent::event_name).collect()
}

/// Opens a Responses stream on `server` with the documented stream request.
async fn open_stream(server: &Server) -> ResponseStream {
    let api = client(server).build_api().unwrap();
    let request: CreateResponseRequest = typed("responses", "response-request-stream");
    api.create_response_stream(request).await.unwrap()
}

#[tokio::test]
async fn create_response_non_streaming() {
    let server = serve_json(200, example("responses", "response-capital")).await;
    let api = client(&server).build_api().unwrap();
    let request: CreateResponseRequest = typed("responses", "response-request-capital");
    let response = api.create_response().body(request).send().await.unwrap();
    assert_eq!(response.id.as_deref(), Some("resp_abc123_1"));
    assert_eq!(response.status, "completed");
    assert_eq!(
        response.output_text.as_deref(),
        Some("The capital of France is Paris.")
    );
    assert_eq!(response.conversation.as_ref().unwrap().id, "conv_abc123");
    let Some(Item::MessageItem(message)) = response.output.as_ref().unwrap().first() else {
        panic!("{:?}", response.output);
    };
    assert!(matches!(
        &message.content[0],
        ResponseContentPart::OutputTextPart(p) if p.text == "The capital of France is Paris."
    ));
    let r = &server.requests()[0];
    assert_call(r, "POST", "/v1/responses");
    assert_eq!(r.json(), example("responses", "response-request-capital"));
    assert_eq!(r.headers["authorization"], format!("Bearer {KEY}"));
}

#[tokio::test]
async fn response_stream_types_events_by_name_and_ends_at_completed() {
    let body = example_text("responses", "response-stream") + &completed_frame();
    let server = serve_sse(body, 9).await;
    let api = client(&server).build_api().unwrap();
    let mut request: CreateResponseRequest = typed("responses", "response-request-stream");
    request.stream = Some(false); // overridden: the stream method always asks for a stream
    let mut stream = api.create_response_stream(request).await.unwrap();
    let (events, errors) = drain(&mut stream).await;
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(
        names(&events),
        [
            "response.created",
            "response.output_text.delta",
            "response.output_text.delta",
            "response.output_text.done",
            "response.completed",
        ]
    );
    let ResponseEvent::Created(created) = &events[0] else {
        panic!()
    };
    assert_eq!(created.id.as_deref(), Some("resp_abc123"));
    assert_eq!(created.status.as_deref(), Some("in_progress"));
    let deltas = support::output_text(&events);
    let ResponseEvent::OutputTextDone(done) = &events[3] else {
        panic!()
    };
    assert_eq!(done.text, deltas);
    assert_eq!(done.item_id, "msg_xyz");
    let r = &server.requests()[0];
    assert_eq!(r.headers["accept"], "text/event-stream");
    assert_eq!(r.json(), example("responses", "response-request-stream"));
}

#[tokio::test]
async fn the_documented_stream_alone_lacks_its_terminal_event() {
    // The page cuts the stream before `response.completed`: a client must not take that for a
    // finished response.
    let server = serve_sse(example_text("responses", "response-stream"), 64).await;
    let mut stream = open_stream(&server).await;
    let (events, errors) = drain(&mut stream).await;
    assert_eq!(events.len(), 4);
    assert_truncated(&errors, false);
}

#[tokio::test]
async fn a_mid_stream_error_is_surfaced_then_the_stream_ends_after_response_failed() {
    let body = example_text("responses", "response-stream")
        + &example_text("responses", "response-stream-error");
    let server = serve_sse(body, 13).await;
    let mut stream = open_stream(&server).await;
    let mut order = Vec::new();
    let mut failure = None;
    while let Some(item) = futures_util::StreamExt::next(&mut stream).await {
        match item {
            Ok(event) => order.push(event.event_name().to_owned()),
            Err(StreamError::Event { event, body }) => {
                order.push(format!("error:{event}"));
                failure = Some(body);
            }
            Err(other) => panic!("{other:?}"),
        }
    }
    assert_eq!(
        order,
        [
            "response.created",
            "response.output_text.delta",
            "response.output_text.delta",
            "response.output_text.done",
            "error:error",
            "response.failed",
        ]
    );
    let failure = failure.unwrap();
    assert_eq!(failure.error.code.as_deref(), Some("stream_error"));
    assert_eq!(failure.error.message, "upstream stream interrupted");
}

#[tokio::test]
async fn an_error_without_the_failed_event_still_ends_without_a_second_error() {
    let tail = example_text("responses", "response-stream-error");
    let error_only = tail.split_inclusive("\n\n").next().unwrap().to_owned();
    let server = serve_sse(error_only, 4).await;
    let mut stream = open_stream(&server).await;
    let (events, errors) = drain(&mut stream).await;
    assert!(events.is_empty());
    assert!(
        matches!(errors.as_slice(), [StreamError::Event { .. }]),
        "{errors:?}"
    );
}

#[tokio::test]
async fn a_response_stream_cut_mid_event_is_an_error() {
    let full = example_text("responses", "response-stream");
    let body = full[..full.find("the gate").unwrap()].to_owned();
    let server = serve_sse(body, 8).await;
    let mut stream = open_stream(&server).await;
    let (events, errors) = drain(&mut stream).await;
    assert_eq!(
        names(&events),
        ["response.created", "response.output_text.delta"]
    );
    assert_truncated(&errors, true);
}

#[tokio::test]
async fn get_response_and_its_input_items() {
    let server = Server::start(|_, r| {
        if r.path().ends_with("/input_items") {
            Reply::json(
                200,
                &example("responses", "response-input-items-illustrative"),
            )
        } else {
            Reply::json(200, &example("responses", "response-capital"))
        }
    })
    .await;
    let api = client(&server).build_api().unwrap();
    let response = api
        .get_response()
        .response_id("resp_abc123_1")
        .send()
        .await
        .unwrap();
    assert_eq!(response.id.as_deref(), Some("resp_abc123_1"));
    let items = api
        .list_response_input_items()
        .response_id("resp_abc123_1")
        .send()
        .await
        .unwrap();
    assert_eq!(items.data.len(), 1);
    assert_eq!(items.first_id.as_deref(), Some("msg_xyz789"));
    assert!(!items.has_more);
    let Item::MessageItem(m) = &items.data[0] else {
        panic!()
    };
    assert_eq!(m.role, "user");
    let requests = server.requests();
    assert_eq!(requests[0].method, "GET");
    assert_eq!(requests[0].target, "/v1/responses/resp_abc123_1");
    assert_eq!(
        requests[1].target,
        "/v1/responses/resp_abc123_1/input_items"
    );
}

#[tokio::test]
async fn list_conversation_items_with_paging_query() {
    let server = serve_json(200, example("conversations", "conversation-items")).await;
    let api = client(&server).build_api().unwrap();
    let page = api
        .list_conversation_items()
        .conversation_id("conv_abc123")
        .limit(NonZeroU32::new(2).unwrap())
        .order(ListConversationItemsOrder::Asc)
        .after("msg_xyz700")
        .send()
        .await
        .unwrap();
    assert_eq!(page.data.len(), 2);
    assert_eq!(page.last_id.as_deref(), Some("msg_xyz790"));
    let Item::MessageItem(reply) = &page.data[1] else {
        panic!()
    };
    assert_eq!(reply.role, "assistant");
    let r = &server.requests()[0];
    assert_eq!(r.path(), "/v1/conversations/conv_abc123/items");
    let mut query: Vec<&str> = r.query().split('&').collect();
    query.sort_unstable();
    assert_eq!(query, ["after=msg_xyz700", "limit=2", "order=asc"]);
}

#[tokio::test]
async fn get_conversation_item_and_its_404() {
    let server = Server::start(|n, _| match n {
        0 => Reply::json(
            200,
            &example("conversations", "conversation-item-illustrative"),
        ),
        _ => Reply::json(404, &example("conversations", "conversation-not-found")),
    })
    .await;
    let api = client(&server).build_api().unwrap();
    let item = api
        .get_conversation_item()
        .conversation_id("conv_abc123")
        .item_id("msg_xyz789")
        .send()
        .await
        .unwrap();
    let Item::MessageItem(m) = item.into_inner() else {
        panic!()
    };
    assert_eq!(m.id.as_deref(), Some("msg_xyz789"));
    let err = api
        .get_conversation_item()
        .conversation_id("conv_missing")
        .item_id("msg_xyz789")
        .send()
        .await
        .unwrap_err();
    let rv = error_body(err);
    assert_eq!(rv.status(), 404);
    let GetConversationItemError::OpenAiError(e) = rv.into_inner() else {
        panic!("the nested envelope must not decode as the flat one")
    };
    assert_eq!(e.error.code.as_deref(), Some("not_found"));
    assert_eq!(e.error.type_, "not_found_error");
    assert_eq!(
        server.requests()[1].target,
        "/v1/conversations/conv_missing/items/msg_xyz789"
    );
}

#[tokio::test]
async fn response_stream_401_is_the_flat_envelope() {
    let server = serve_json(401, example("chat", "openai-surface-unauthorized")).await;
    let api = client(&server).build_api().unwrap();
    let request: CreateResponseRequest = typed("responses", "response-request-stream");
    let rv = error_body(api.create_response_stream(request).await.unwrap_err());
    assert_eq!(rv.status(), 401);
    assert!(matches!(
        rv.into_inner(),
        api::types::CreateResponseError::FlatError(f) if f.error == "Unauthorized"
    ));
}
