"""Calls one operation per API area through the openapi-python-client client (from the 3.1
document) against the server at $KINDO_BASE_URL, asserting typed results."""
import os

from kindo_api_client import AuthenticatedClient, Client
from kindo_api_client import models as m
from kindo_api_client.api.agents import list_agents
from kindo_api_client.api.chat_completions import create_chat_completion
from kindo_api_client.api.conversations import list_conversation_items
from kindo_api_client.api.integrations import list_integration_connections
from kindo_api_client.api.mcp import get_protected_resource_metadata
from kindo_api_client.api.messages import create_message
from kindo_api_client.api.models import list_models
from kindo_api_client.api.responses import create_response
from kindo_api_client.api.runs import get_run

client = AuthenticatedClient(base_url=os.environ["KINDO_BASE_URL"], token="test-key")

models = list_models.sync(client=client)
assert isinstance(models, m.ModelList) and models.data, models

agents = list_agents.sync(client=client)
assert isinstance(agents, m.AgentList), agents

run = get_run.sync("run_123", client=client)
assert isinstance(run, m.Run) and run.status, run

conns = list_integration_connections.sync(client=client)
assert isinstance(conns, m.ConnectionList), conns

chat = create_chat_completion.sync(
    client=client,
    body=m.CreateChatCompletionRequest.from_dict(
        {"model": "claude-sonnet-4", "messages": [{"role": "user", "content": "Hello"}]}
    ),
)
assert isinstance(chat, m.ChatCompletion) and chat.choices, chat

response = create_response.sync(
    client=client,
    body=m.CreateResponseRequest.from_dict({"model": "claude-sonnet-4", "input": "Hello"}),
)
assert isinstance(response, m.ResponseResource), response
assert isinstance(response.output, list) and response.output, response
assert any(isinstance(item, m.MessageItem) and item.role for item in response.output), response.output

items = list_conversation_items.sync("conv_123", client=client)
assert isinstance(items, m.ItemList), items

message = create_message.sync(
    client=client,
    body=m.CreateMessageRequest.from_dict(
        {"model": "claude-sonnet-4", "max_tokens": 64, "messages": [{"role": "user", "content": "Hello"}]}
    ),
)
assert isinstance(message, m.Message) and message.content, message

# The metadata document is public: no credentials (the server rejects unexpected ones).
metadata = get_protected_resource_metadata.sync(client=Client(base_url=os.environ["KINDO_BASE_URL"]))
assert isinstance(metadata, m.ProtectedResourceMetadata) and metadata.resource, metadata

print("openapi-python-client: 9 typed calls")
