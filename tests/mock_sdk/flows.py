#!/usr/bin/env python3
"""Full flows of the stock `openai` and `anthropic` Python SDKs against a running kindo-mock.

    python flows.py http://127.0.0.1:4010

Both clients validate every response strictly against the SDK's own types
(`_strict_response_validation=True`) and every Python warning is an error, so a field the SDK
needs and the mock (hence the contract) lacks fails the run. Exit 0 when every flow passes,
1 on the first failure (named on one line).
"""

import json
import sys
import time
import urllib.request
import warnings

warnings.simplefilter("error")
# The anthropic SDK warns that Kindo's documented model id is past Anthropic's deprecation date;
# that is about the model name, not about parsing what the mock sent.
warnings.filterwarnings("ignore", message=r"The model '.*' is deprecated", category=DeprecationWarning)

import anthropic  # noqa: E402
import openai  # noqa: E402

MODEL = "claude-sonnet-4-5-20250929"
KEY = "sdk-flow-key"
WEATHER = {
    "type": "function",
    "name": "get_weather",
    "description": "Get the current weather for a city.",
    "parameters": {
        "type": "object",
        "properties": {"location": {"type": "string"}},
        "required": ["location"],
    },
}

PASSED = []


def flow(name):
    def wrap(fn):
        def run(*args):
            fn(*args)
            PASSED.append(name)
            print(f"ok    {name}")

        run.flow_name = name
        return run

    return wrap


def check(condition, message):
    if not condition:
        raise AssertionError(message)


@flow("openai models.list")
def models_list(client):
    ids = [m.id for m in client.models.list()]
    check(MODEL in ids, f"{MODEL} not in {ids}")


@flow("openai chat.completions.create")
def chat_create(client):
    c = client.chat.completions.create(model=MODEL, messages=[{"role": "user", "content": "Say hi"}])
    check(isinstance(c, openai.types.chat.ChatCompletion), type(c))
    check("Say hi" in c.choices[0].message.content, c.choices[0].message.content)


@flow("openai chat.completions.create(stream=True)")
def chat_stream(client):
    chunks = list(
        client.chat.completions.create(
            model=MODEL, stream=True, messages=[{"role": "user", "content": "Write a haiku about logs"}]
        )
    )
    check(len(chunks) >= 3, f"only {len(chunks)} chunks")
    check(all(isinstance(c, openai.types.chat.ChatCompletionChunk) for c in chunks), "not chunks")
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    check("haiku about logs" in text, text)
    check(chunks[-1].choices[0].finish_reason == "stop", chunks[-1])


@flow("openai chat.completions.create retried after an injected 429")
def chat_retry(client):
    c = client.chat.completions.create(
        model=MODEL,
        messages=[{"role": "user", "content": "retry me"}],
        extra_headers={"x-kindo-mock-fault": "429;retry-after=0;times=1"},
    )
    check(c.choices[0].message.content, c)


@flow("openai responses.create + conversation continued")
def responses_conversation(client):
    first = client.responses.create(model=MODEL, input="What is the capital of France?", store=True)
    check(isinstance(first, openai.types.responses.Response), type(first))
    check(first.status == "completed" and first.output_text, first)
    conversation = first.conversation.id
    second = client.responses.create(model=MODEL, input="And of Italy?", conversation=conversation)
    check(second.conversation.id == conversation, second.conversation)
    again = client.responses.retrieve(second.id)
    check(again.id == second.id, again)
    items = client.conversations.items.list(conversation, order="asc")
    texts = [i.content[0].text for i in items.data if i.type == "message"]
    check(len(texts) == 4, texts)


@flow("openai responses function-call round trip")
def responses_function_call(client):
    # Kindo documents `incomplete_details.reason: "tool_use"` on the function-call turn; the SDK
    # types close that enum (max_output_tokens, max_messages, content_filter, steered). The
    # raw answer must fail strict validation there and nowhere else; the flow then runs with
    # the SDK's default (lenient) parsing, as users do.
    raw = client.responses.with_raw_response.create(model=MODEL, input="Weather in SF?", tools=[WEATHER])
    try:
        openai.types.responses.Response.model_validate(json.loads(raw.text))
        mismatches = []
    except Exception as e:
        mismatches = [".".join(str(p) for p in err["loc"]) for err in e.errors()]
    check(mismatches == ["incomplete_details.reason"], f"strict validation: {mismatches}")
    client = client.with_options()
    client._strict_response_validation = False
    first = client.responses.create(model=MODEL, input="Weather in SF?", tools=[WEATHER], store=True)
    check(first.status == "incomplete", first.status)
    call = first.output[0]
    check(call.type == "function_call" and call.name == "get_weather", call)
    check(json.loads(call.arguments)["location"], call.arguments)
    second = client.responses.create(
        model=MODEL,
        conversation=first.conversation.id,
        tools=[WEATHER],
        input=[{"type": "function_call_output", "call_id": call.call_id, "output": '{"temperature": 68}'}],
    )
    check(second.status == "completed" and "68" in second.output_text, second.output_text)


@flow("openai responses.create(stream=True)")
def responses_stream(client):
    events = list(client.responses.create(model=MODEL, input="Stream a sentence", stream=True))
    kinds = [e.type for e in events]
    check(kinds[0] == "response.created" and kinds[-1] == "response.completed", kinds)
    text = "".join(e.delta for e in events if e.type == "response.output_text.delta")
    check("Stream a sentence" in text, text)
    check(events[-1].response.output_text == text, events[-1].response.output_text)


@flow("anthropic messages.create")
def messages_create(client):
    m = client.messages.create(model=MODEL, max_tokens=256, messages=[{"role": "user", "content": "Hello"}])
    check(isinstance(m, anthropic.types.Message), type(m))
    check(m.stop_reason == "end_turn" and "Hello" in m.content[0].text, m)


@flow("anthropic messages.stream")
def messages_stream(client):
    with client.messages.stream(
        model=MODEL, max_tokens=256, messages=[{"role": "user", "content": "Stream hello"}]
    ) as stream:
        text = "".join(stream.text_stream)
        final = stream.get_final_message()
    check("Stream hello" in text, text)
    check(final.content[0].text == text and final.stop_reason == "end_turn", final)
    kinds = [e.type for e in client.messages.create(
        model=MODEL, max_tokens=64, stream=True, messages=[{"role": "user", "content": "raw events"}]
    )]
    # The SDK consumes `ping` itself; the mock's own tests assert it is sent.
    check(kinds[0] == "message_start" and kinds[-1] == "message_stop", kinds)


@flow("anthropic messages.count_tokens")
def count_tokens(client):
    n = client.messages.count_tokens(model=MODEL, messages=[{"role": "user", "content": "Count these tokens"}])
    check(isinstance(n, anthropic.types.MessageTokensCount) and n.input_tokens > 0, n)


@flow("raw HTTP agent run polled to success")
def agent_run(base):
    def call(method, path, body=None):
        request = urllib.request.Request(
            f"{base}{path}",
            method=method,
            data=None if body is None else json.dumps(body).encode(),
            headers={"Authorization": f"Bearer {KEY}", "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())

    status, agents = call("GET", "/v1/agents/list")
    agent = next(a for a in agents["items"] if a["name"] == "Daily Security Scan")
    _, detail = call("GET", f"/v1/agents/{agent['agentId']}")
    inputs = [{"name": n, "value": "Run the daily security scan"} for n in detail["inputs"]]
    status, accepted = call("POST", "/v1/agents/runs", {"agentId": agent["agentId"], "inputs": inputs})
    check(status == 202, status)
    for _ in range(20):
        _, run = call("GET", f"/v1/runs/{accepted['runId']}")
        if run["status"] != "in_progress":
            break
        time.sleep(0.05)
    check(run["status"] == "success", run)
    result = json.loads(run["result"])
    # A run's final message opens with a step-start part; the answer is in its text parts.
    texts = [p["text"] for p in result["parts"] if p.get("type") == "text"]
    check(result["role"] == "assistant" and texts and all(texts), result)


def main():
    base = sys.argv[1].rstrip("/")
    oa = openai.OpenAI(base_url=f"{base}/v1", api_key=KEY, _strict_response_validation=True, max_retries=2)
    an = anthropic.Anthropic(base_url=base, api_key=KEY, _strict_response_validation=True)
    plan = [
        (models_list, oa), (chat_create, oa), (chat_stream, oa), (chat_retry, oa),
        (responses_conversation, oa), (responses_function_call, oa), (responses_stream, oa),
        (messages_create, an), (messages_stream, an), (count_tokens, an), (agent_run, base),
    ]
    for fn, arg in plan:
        try:
            fn(arg)
        except Exception as e:  # one line naming the flow, then stop
            print(f"FAIL  {fn.flow_name}: {type(e).__name__}: {e}".replace("\n", " ")[:2000])
            return 1
    print(f"mock-sdk: {len(PASSED)} flows passed with openai {openai.__version__} and anthropic {anthropic.__version__}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
