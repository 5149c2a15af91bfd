//! Chat completions on both hosts (and legacy completions on llm.kindo.ai) against a loopback
//! server serving the documented examples in `corpus/examples/chat` and `completions`.

mod support;

use kindo_client::sse::StreamError;
use kindo_client::{Error, api, llm};
use serde_json::json;
use support::{
    KEY, Reply, Server, assert_call, assert_truncated, client, drain, error_body, example,
    example_text, serve_json, serve_sse, typed,
};

/// The documented stream without its `data: [DONE]` line, for splicing in other tails.
fn chat_stream_without_done() -> String {
    let text = example_text("chat", "chat-stream");
    text.strip_suffix("data: [DONE]\n\n")
        .expect("the documented stream ends with [DONE]")
        .to_owned()
}

#[tokio::test]
async fn api_non_streaming_chat_completion() {
    let server = serve_json(200, example("chat", "chat-completion")).await;
    let api = client(&server).build_api().unwrap();
    let request: api::types::CreateChatCompletionRequest = typed("chat", "chat-request-first-call");
    let completion = api
        .create_chat_completion()
        .body(request)
        .send()
        .await
        .unwrap();
    let expected = example("chat", "chat-completion");
    assert_eq!(completion.id, expected["id"]);
    assert_eq!(
        completion.choices[0].message.content.as_deref(),
        expected["choices"][0]["message"]["content"].as_str()
    );
    let r = &server.requests()[0];
    assert_call(r, "POST", "/v1/chat/completions");
    assert_eq!(r.json(), example("chat", "chat-request-first-call"));
    assert_eq!(r.headers["authorization"], format!("Bearer {KEY}"));
    assert_eq!(r.headers["accept"], "application/json");
}

#[tokio::test]
async fn llm_non_streaming_chat_completion_with_the_api_key_header() {
    let server = serve_json(200, example("chat", "chat-completion-tool-calls")).await;
    let llm = client(&server)
        .auth_header(kindo_client::AuthHeader::ApiKey)
        .build_llm()
        .unwrap();
    let request: llm::types::CreateChatCompletionRequest = typed("chat", "chat-request-tools");
    let completion = llm
        .create_chat_completion()
        .body(request)
        .send()
        .await
        .unwrap();
    let expected = example("chat", "chat-completion-tool-calls");
    let calls = completion.choices[0].message.tool_calls.as_ref().unwrap();
    let llm::types::ChatToolCall::FunctionToolCall(call) = &calls[0] else {
        panic!("{calls:?}");
    };
    assert_eq!(
        call.function.name,
        expected["choices"][0]["message"]["tool_calls"][0]["function"]["name"]
    );
    let r = &server.requests()[0];
    assert_eq!(r.json(), example("chat", "chat-request-tools"));
    assert_eq!(r.headers["api-key"], KEY);
    assert!(!r.headers.contains_key("authorization"));
}

#[tokio::test]
async fn api_chat_stream_yields_typed_chunks_and_ends_at_done() {
    let server = serve_sse(example_text("chat", "chat-stream"), 7).await;
    let api = client(&server).build_api().unwrap();
    // The streaming request of the corpus minus its `stream` flag: the method sets it.
    let mut request: api::types::CreateChatCompletionRequest = typed("chat", "chat-request-stream");
    request.stream = None;
    let mut stream = api.create_chat_completion_stream(request).await.unwrap();
    let (chunks, errors) = drain(&mut stream).await;
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(chunks.len(), 4);
    let text: String = chunks
        .iter()
        .filter_map(|c| c.choices[0].delta.content.clone())
        .collect();
    assert_eq!(text, "Logs flow through the gate;");
    assert_eq!(chunks[3].choices[0].finish_reason.as_deref(), Some("stop"));
    assert!(chunks.iter().all(|c| c.id == "chatcmpl-abc123"));
    let r = &server.requests()[0];
    assert_eq!(r.target, "/v1/chat/completions");
    assert_eq!(r.headers["accept"], "text/event-stream");
    assert_eq!(r.json(), example("chat", "chat-request-stream"));
}

#[tokio::test]
async fn llm_chat_stream_surfaces_the_mid_stream_error_frame() {
    // Documented chunks, then the documented failure tail (`event: error`, `data: [DONE]`).
    let body = chat_stream_without_done() + &example_text("chat", "chat-stream-error");
    let server = serve_sse(body, 11).await;
    let llm = client(&server).build_llm().unwrap();
    let request: llm::types::CreateChatCompletionRequest = typed("chat", "chat-request-stream");
    let mut stream = llm.create_chat_completion_stream(request).await.unwrap();
    let (chunks, errors) = drain(&mut stream).await;
    assert_eq!(chunks.len(), 4);
    let [StreamError::Event { event, body }] = errors.as_slice() else {
        panic!("{errors:?}");
    };
    assert_eq!(event, "error");
    assert_eq!(body.error.code.as_deref(), Some("stream_error"));
    assert_eq!(body.error.type_, "server_error");
    assert_eq!(body.error.message, "upstream stream interrupted");
}

#[tokio::test]
async fn chat_streams_cut_off_mid_event_end_in_an_error() {
    let full = example_text("chat", "chat-stream");
    // Cut inside the second frame's JSON.
    let cut = full.find("Logs flow").unwrap();
    let body = full[..cut].to_owned();
    let server = serve_sse(body, 5).await;
    let request: api::types::CreateChatCompletionRequest = typed("chat", "chat-request-stream");
    let api = client(&server).build_api().unwrap();
    let mut stream = api.create_chat_completion_stream(request).await.unwrap();
    let (chunks, errors) = drain(&mut stream).await;
    assert_eq!(chunks.len(), 1);
    assert_truncated(&errors, true);
    let llm = client(&server).build_llm().unwrap();
    let request: llm::types::CreateChatCompletionRequest = typed("chat", "chat-request-stream");
    let mut stream = llm.create_chat_completion_stream(request).await.unwrap();
    let (chunks, errors) = drain(&mut stream).await;
    assert_eq!(chunks.len(), 1);
    assert_truncated(&errors, true);
}

#[tokio::test]
async fn chat_400_is_a_typed_openai_error_on_both_calls() {
    let server = serve_json(400, example("chat", "chat-model-not-found")).await;
    let api = client(&server).build_api().unwrap();
    let request: api::types::CreateChatCompletionRequest = typed("chat", "chat-request-stream");
    let check = |err: Error<api::types::CreateChatCompletionError>| {
        let rv = error_body(err);
        assert_eq!(rv.status(), 400);
        match rv.into_inner() {
            api::types::CreateChatCompletionError::OpenAiError(e) => {
                assert_eq!(e.error.code.as_deref(), Some("model_not_found"));
                assert_eq!(e.error.type_, "invalid_request_error");
            }
            other => panic!("{other:?}"),
        }
    };
    check(
        api.create_chat_completion()
            .body(request.clone())
            .send()
            .await
            .unwrap_err(),
    );
    check(
        api.create_chat_completion_stream(request)
            .await
            .unwrap_err(),
    );
}

#[tokio::test]
async fn chat_401_is_the_plain_envelope_through_the_error_union() {
    let server = serve_json(401, example("chat", "openai-surface-unauthorized")).await;
    let llm = client(&server).build_llm().unwrap();
    let request: llm::types::CreateChatCompletionRequest = typed("chat", "chat-request-stream");
    for err in [
        llm.create_chat_completion()
            .body(request.clone())
            .send()
            .await
            .unwrap_err(),
        llm.create_chat_completion_stream(request)
            .await
            .unwrap_err(),
    ] {
        let rv = error_body(err);
        assert_eq!(rv.status(), 401);
        match rv.into_inner() {
            llm::types::CreateChatCompletionError::FlatError(e) => {
                assert_eq!(e.error, "Unauthorized");
                assert!(e.message.is_none());
            }
            other => panic!("{other:?}"),
        }
    }
}

#[tokio::test]
async fn llm_legacy_completion() {
    let server = serve_json(200, example("completions", "completion-illustrative")).await;
    let llm = client(&server).build_llm().unwrap();
    let request: llm::types::CreateCompletionRequest =
        typed("completions", "completion-request-illustrative");
    let completion = llm.create_completion().body(request).send().await.unwrap();
    let expected = example("completions", "completion-illustrative");
    assert_eq!(completion.id, expected["id"]);
    assert_eq!(completion.choices[0].text, expected["choices"][0]["text"]);
    assert_eq!(
        completion.usage.as_ref().unwrap().total_tokens,
        expected["usage"]["total_tokens"]
    );
    let r = &server.requests()[0];
    assert_call(r, "POST", "/v1/completions");
    assert_eq!(
        r.json(),
        example("completions", "completion-request-illustrative")
    );
}

#[tokio::test]
async fn an_invalid_request_is_refused_before_anything_is_sent() {
    let server = serve_json(200, json!({})).await;
    let api = client(&server).build_api().unwrap();
    // The generated builder checks required fields; the stream method reports it the same way.
    let err = api
        .create_chat_completion_stream(api::types::CreateChatCompletionRequest::builder())
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::InvalidRequest(m) if m.contains("no value supplied")),
        "{err:?}"
    );
    assert!(server.requests().is_empty());
}

#[tokio::test]
async fn llm_legacy_completion_stream() {
    // OpenAI's legacy stream: each frame a `text_completion` with the next piece of text.
    let mut piece = example("completions", "completion-illustrative");
    piece.as_object_mut().unwrap().remove("usage");
    let frames: String = ["Pod Security Policies ", "were Kubernetes rules..."]
        .iter()
        .map(|text| {
            piece["choices"][0]["text"] = json!(text);
            format!("data: {piece}\n\n")
        })
        .chain(["data: [DONE]\n\n".to_owned()])
        .collect();
    let server = Server::start(move |n, _| match n {
        0 => Reply::sse_text(&frames, 9),
        _ => Reply::Full(429, vec![], Vec::new()),
    })
    .await;
    let llm = client(&server).build_llm().unwrap();
    let request: llm::types::CreateCompletionRequest =
        typed("completions", "completion-request-illustrative");
    let mut stream = llm.create_completion_stream(request.clone()).await.unwrap();
    let (events, errors) = drain(&mut stream).await;
    assert!(errors.is_empty(), "{errors:?}");
    let text: String = events.iter().map(|c| c.choices[0].text.as_str()).collect();
    assert_eq!(text, "Pod Security Policies were Kubernetes rules...");
    let r = &server.requests()[0];
    assert_eq!(r.target, "/v1/completions");
    assert_eq!(r.json()["stream"], true);
    assert_eq!(r.headers["accept"], "text/event-stream");
    // An error status keeps it, as the generated call does (no documented error body).
    let rv = error_body(llm.create_completion_stream(request).await.unwrap_err());
    assert_eq!(rv.status(), 429);
}
