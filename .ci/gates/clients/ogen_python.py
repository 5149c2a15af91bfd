"""Calls one operation per API area through the openapi-generator `python` client (from the
3.0.3 rendition) against the server at $KINDO_BASE_URL, asserting typed results."""
import json
import os
import time

import kindo_api_ogen as k

# The documented agent of kindo-mock's seeded state, and its one required input.
AGENT = "18d20df4-d9b3-4cb0-a009-9f11ec9c5d3d"

cfg = k.Configuration(host=os.environ["KINDO_BASE_URL"], access_token="test-key")
with k.ApiClient(cfg) as c:
    models = k.ModelsApi(c).list_models()
    assert isinstance(models, k.ModelList) and models.data, models
    model = models.data[0].id

    agents = k.AgentsApi(c).list_agents()
    assert isinstance(agents, k.AgentList), agents

    accepted = k.AgentsApi(c).run_agent(
        k.RunAgentRequest.from_dict(
            {"agentId": AGENT, "inputs": [{"name": "query", "value": "the nightly audit"}]}
        )
    )
    assert isinstance(accepted, k.RunAccepted), accepted
    for _ in range(20):
        run = k.RunsApi(c).get_run(accepted.run_id)
        assert isinstance(run, k.Run), run
        if run.status != k.RunStatus.IN_PROGRESS:
            break
        time.sleep(0.2)
    assert run.status == k.RunStatus.SUCCESS and run.result, run
    message = k.RunMessage.from_dict(json.loads(run.result))
    assert message is not None and message.parts, message
    texts = [p.actual_instance for p in message.parts if isinstance(p.actual_instance, k.RunTextPart)]
    assert texts and texts[0].text, message

    conns = k.IntegrationsApi(c).list_integration_connections()
    assert isinstance(conns, k.ConnectionList), conns

    chat_request = k.CreateChatCompletionRequest.from_dict(
        {"model": model, "messages": [{"role": "user", "content": "Hello"}]}
    )
    assert chat_request is not None
    # from_dict marks every field as set, so the nullable ones (`tool_choice` among them) go out
    # as null. The 3.0.3 rendition admits null there (anyOf with a null branch), and the mock
    # validates every body, so the call below fails if the documents disagree.
    assert chat_request.to_dict().get("tool_choice") is None, chat_request.to_dict()
    chat = k.ChatCompletionsApi(c).create_chat_completion(chat_request)
    assert isinstance(chat, k.ChatCompletion) and chat.choices, chat

    response = k.ResponsesApi(c).create_response(
        k.CreateResponseRequest.from_dict({"model": model, "input": "Hello", "store": True})
    )
    assert isinstance(response, k.ResponseResource), response
    assert response.output, response
    for item in response.output:
        inner = item.actual_instance
        if isinstance(inner, k.MessageItem):
            assert inner.type == "message" and inner.role, inner

    assert response.conversation is not None, response
    items = k.ConversationsApi(c).list_conversation_items(response.conversation.id)
    assert isinstance(items, k.ItemList) and items.data, items

    message = k.MessagesApi(c).create_message(
        k.CreateMessageRequest.from_dict(
            {
                "model": model,
                "max_tokens": 64,
                "messages": [{"role": "user", "content": "Hello"}],
            }
        )
    )
    assert isinstance(message, k.Message) and message.content, message

    metadata = k.MCPApi(c).get_protected_resource_metadata()
    assert isinstance(metadata, k.ProtectedResourceMetadata) and metadata.resource, metadata

print("openapi-generator python: 10 typed calls")
