"""Calls one operation per API area through the openapi-python-client client (from the 3.1
document) against the server at $KINDO_BASE_URL, asserting typed results."""
import json
import os
import time

from kindo_api_client import AuthenticatedClient, Client
from kindo_api_client import models as m
from kindo_api_client.api.agents import list_agents, run_agent
from kindo_api_client.api.chat_completions import create_chat_completion
from kindo_api_client.api.conversations import list_conversation_items
from kindo_api_client.api.integrations import list_integration_connections
from kindo_api_client.api.mcp import get_protected_resource_metadata
from kindo_api_client.api.messages import create_message
from kindo_api_client.api.models import list_models
from kindo_api_client.api.responses import create_response
from kindo_api_client.api.runs import get_run

# The documented agent of kindo-mock's seeded state, and its one required input.
AGENT = "18d20df4-d9b3-4cb0-a009-9f11ec9c5d3d"

client = AuthenticatedClient(base_url=os.environ["KINDO_BASE_URL"], token="test-key")

models = list_models.sync(client=client)
assert isinstance(models, m.ModelList) and models.data, models
model = models.data[0].id

agents = list_agents.sync(client=client)
assert isinstance(agents, m.AgentList), agents

accepted = run_agent.sync(
    client=client,
    body=m.RunAgentRequest.from_dict(
        {"agentId": AGENT, "inputs": [{"name": "query", "value": "the nightly audit"}]}
    ),
)
assert isinstance(accepted, m.RunAccepted), accepted
for _ in range(20):
    run = get_run.sync(accepted.run_id, client=client)
    assert isinstance(run, m.Run), run
    if run.status != m.RunStatus.IN_PROGRESS:
        break
    time.sleep(0.2)
assert run.status == m.RunStatus.SUCCESS and isinstance(run.result, str), run
# `result` is a JSON-encoded RunMessage (its contentSchema): decode it into the generated model.
message = m.RunMessage.from_dict(json.loads(run.result))
assert any(isinstance(p, m.RunTextPart) and p.text for p in message.parts), message

conns = list_integration_connections.sync(client=client)
assert isinstance(conns, m.ConnectionList), conns

chat = create_chat_completion.sync(
    client=client,
    body=m.CreateChatCompletionRequest.from_dict(
        {"model": model, "messages": [{"role": "user", "content": "Hello"}]}
    ),
)
assert isinstance(chat, m.ChatCompletion) and chat.choices, chat

response = create_response.sync(
    client=client,
    body=m.CreateResponseRequest.from_dict({"model": model, "input": "Hello", "store": True}),
)
assert isinstance(response, m.ResponseResource), response
assert isinstance(response.output, list) and response.output, response
assert any(isinstance(item, m.MessageItem) and item.role for item in response.output), response.output

assert isinstance(response.conversation, m.ConversationRef), response
items = list_conversation_items.sync(response.conversation.id, client=client)
assert isinstance(items, m.ItemList) and items.data, items

message = create_message.sync(
    client=client,
    body=m.CreateMessageRequest.from_dict(
        {"model": model, "max_tokens": 64, "messages": [{"role": "user", "content": "Hello"}]}
    ),
)
assert isinstance(message, m.Message) and message.content, message

# A stream: each event's `data:` decodes into the component that the published document's
# `x-sse-events` table names for its `event:` line (the generator reads no extension, so the
# caller looks it up); the table says which event ends the stream.
with open(os.environ["KINDO_DOCUMENT"]) as f:
    stream_media = json.load(f)["paths"]["/v1/responses"]["post"]["responses"]["200"]["content"][
        "text/event-stream"
    ]
table = stream_media["x-sse-events"]["events"]
decoded = []
with client.get_httpx_client().stream(
    "POST", "/v1/responses", json={"model": model, "input": "Hello", "stream": True}
) as streamed:
    assert streamed.headers["content-type"].startswith("text/event-stream"), streamed.headers
    name = None
    for line in streamed.iter_lines():
        if line.startswith("event:"):
            name = line[len("event:") :].strip()
        elif line.startswith("data:"):
            component = table[name]["schema"]["$ref"].rsplit("/", 1)[1]
            decoded.append((name, getattr(m, component).from_dict(json.loads(line[len("data:") :]))))
assert decoded and table[decoded[-1][0]]["terminal"], decoded
deltas = [e for n, e in decoded if n == "response.output_text.delta"]
assert deltas and all(isinstance(e, m.ResponseDeltaEvent) and e.delta for e in deltas), decoded
final = decoded[-1][1]
assert isinstance(final, m.ResponseLifecycleEvent) and isinstance(final.response, m.ResponseResource), final
assert "".join(e.delta for e in deltas) == final.response.output_text, (deltas, final)

# The metadata document is public: no credentials (the server rejects unexpected ones).
metadata = get_protected_resource_metadata.sync(client=Client(base_url=os.environ["KINDO_BASE_URL"]))
assert isinstance(metadata, m.ProtectedResourceMetadata) and metadata.resource, metadata

print(f"openapi-python-client: 10 typed calls and a stream of {len(decoded)} decoded events")
