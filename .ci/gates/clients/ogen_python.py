"""Calls one operation per API area through the openapi-generator `python` client (from the
3.0.3 rendition) against the server at $KINDO_BASE_URL, asserting typed results."""
import os

import kindo_api_ogen as k

cfg = k.Configuration(host=os.environ["KINDO_BASE_URL"], access_token="test-key")
with k.ApiClient(cfg) as c:
    models = k.ModelsApi(c).list_models()
    assert isinstance(models, k.ModelList) and models.data, models

    agents = k.AgentsApi(c).list_agents()
    assert isinstance(agents, k.AgentList), agents

    run = k.RunsApi(c).get_run("run_123")
    assert isinstance(run, k.Run) and run.status, run

    conns = k.IntegrationsApi(c).list_integration_connections()
    assert isinstance(conns, k.ConnectionList), conns

    chat_request = k.CreateChatCompletionRequest.from_dict(
        {"model": "claude-sonnet-4", "messages": [{"role": "user", "content": "Hello"}]}
    )
    assert chat_request is not None
    # Unset optional fields are left out of the body (no `"tool_choice": null`).
    assert "tool_choice" not in chat_request.to_dict(), chat_request.to_dict()
    chat = k.ChatCompletionsApi(c).create_chat_completion(chat_request)
    assert isinstance(chat, k.ChatCompletion) and chat.choices, chat

    response = k.ResponsesApi(c).create_response(
        k.CreateResponseRequest.from_dict({"model": "claude-sonnet-4", "input": "Hello"})
    )
    assert isinstance(response, k.ResponseResource), response
    assert response.output, response
    for item in response.output:
        inner = item.actual_instance
        if isinstance(inner, k.MessageItem):
            assert inner.type == "message" and inner.role, inner

    items = k.ConversationsApi(c).list_conversation_items("conv_123")
    assert isinstance(items, k.ItemList), items

    message = k.MessagesApi(c).create_message(
        k.CreateMessageRequest.from_dict(
            {
                "model": "claude-sonnet-4",
                "max_tokens": 64,
                "messages": [{"role": "user", "content": "Hello"}],
            }
        )
    )
    assert isinstance(message, k.Message) and message.content, message

    metadata = k.MCPApi(c).get_protected_resource_metadata()
    assert isinstance(metadata, k.ProtectedResourceMetadata) and metadata.resource, metadata

print("openapi-generator python: 9 typed calls")
