"""The SDK calls the replay drives. Each entry: (name, sdk, documents to validate against,
function taking the capture server's base URL). Every call uses request features real Kindo
users send; the bodies are whatever the pinned SDK serialises."""

MODEL_GPT = "gpt-4o-2024-11-20"
MODEL_CLAUDE = "claude-sonnet-4-5-20250929"
KEY = "kindo-test-key"

WEATHER_PARAMS = {
    "type": "object",
    "properties": {"location": {"type": "string"}},
    "required": ["location"],
}
PIXEL_PNG = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)


def _openai(url):
    import openai

    return openai.OpenAI(base_url=url + "/v1", api_key=KEY, max_retries=0)


def _anthropic(url):
    import anthropic

    return anthropic.Anthropic(base_url=url, api_key=KEY, max_retries=0)


def chat_tools(url):
    _openai(url).chat.completions.create(
        model=MODEL_GPT,
        messages=[{"role": "user", "content": "What is the weather in San Francisco?"}],
        tools=[{"type": "function", "function": {
            "name": "get_weather", "description": "Get the current weather for a city.",
            "parameters": WEATHER_PARAMS}}],
        tool_choice={"type": "function", "function": {"name": "get_weather"}},
        temperature=0.2, max_tokens=256, seed=7, user="replay",
    )


def chat_messages(url):
    _openai(url).chat.completions.create(
        model=MODEL_GPT,
        messages=[
            {"role": "developer", "content": "Answer in one sentence."},
            {"role": "user", "content": [
                {"type": "text", "text": "What is in this image?"},
                {"type": "image_url", "image_url": {"url": "data:image/png;base64," + PIXEL_PNG, "detail": "low"}},
            ]},
            {"role": "assistant", "content": None, "tool_calls": [{
                "id": "call_1", "type": "function",
                "function": {"name": "get_weather", "arguments": "{\"location\": \"San Francisco, CA\"}"}}]},
            {"role": "tool", "tool_call_id": "call_1", "content": "{\"temperature\": 68}"},
        ],
        tool_choice="auto",
        tools=[{"type": "function", "function": {"name": "get_weather", "parameters": WEATHER_PARAMS}}],
    )


def chat_response_format(url):
    _openai(url).chat.completions.create(
        model=MODEL_GPT,
        messages=[{"role": "system", "content": "Reply in JSON."}, {"role": "user", "content": "Weather?"}],
        response_format={"type": "json_schema", "json_schema": {
            "name": "weather", "strict": True,
            "schema": {**WEATHER_PARAMS, "additionalProperties": False}}},
        stop=["\n\n"], top_p=0.9,
    )


def chat_stream(url):
    stream = _openai(url).chat.completions.create(
        model=MODEL_GPT,
        messages=[{"role": "user", "content": "Write a haiku about observability."}],
        stream=True, stream_options={"include_usage": True},
    )
    for _ in stream:
        pass


def responses_string(url):
    _openai(url).responses.create(
        model=MODEL_CLAUDE,
        input="What is the weather in San Francisco?",
        instructions="Be brief.",
        tools=[{"type": "function", "name": "get_weather", "description": "Get the current weather for a city.",
                "parameters": WEATHER_PARAMS, "strict": False}],
        tool_choice="auto",
    )


def responses_items(url):
    _openai(url).responses.create(
        model=MODEL_CLAUDE,
        input=[
            {"role": "user", "content": "What is the weather in San Francisco?"},
            {"type": "function_call", "call_id": "call_abc", "name": "get_weather",
             "arguments": "{\"location\": \"San Francisco, CA\"}"},
            {"type": "function_call_output", "call_id": "call_abc", "output": "{\"temperature\": 68}"},
        ],
        tools=[{"type": "function", "name": "get_weather", "parameters": WEATHER_PARAMS, "strict": True}],
        store=True,
    )


ANTHROPIC_TOOL = {"name": "get_weather", "description": "Get the current weather for a city.",
                  "input_schema": WEATHER_PARAMS}
SYSTEM_BLOCKS = [
    {"type": "text", "text": "You are Kindo's triage assistant."},
    {"type": "text", "text": "Runbook: " + "check the logs. " * 20, "cache_control": {"type": "ephemeral"}},
]


def messages_tools(url):
    _anthropic(url).messages.create(
        model=MODEL_CLAUDE, max_tokens=512,
        system=SYSTEM_BLOCKS,
        tools=[ANTHROPIC_TOOL],
        tool_choice={"type": "tool", "name": "get_weather", "disable_parallel_tool_use": True},
        messages=[{"role": "user", "content": [
            {"type": "image", "source": {"type": "base64", "media_type": "image/png", "data": PIXEL_PNG}},
            {"type": "text", "text": "Where was this taken, and what is the weather there?"},
        ]}],
        stop_sequences=["END"], metadata={"user_id": "replay"},
        # anthropic 2.x dropped the sampling keywords from `create()`; Kindo still documents
        # and forwards them, so they go through `extra_body` as an SDK user would send them.
        extra_body={"temperature": 0.3, "top_p": 0.9, "top_k": 40},
    )


def messages_thinking(url):
    _anthropic(url).messages.create(
        model=MODEL_CLAUDE, max_tokens=4096,
        system="Think before answering.",
        thinking={"type": "enabled", "budget_tokens": 2048},
        tools=[ANTHROPIC_TOOL], tool_choice={"type": "auto"},
        messages=[
            {"role": "user", "content": "What is the weather in San Francisco?"},
            {"role": "assistant", "content": [
                {"type": "thinking", "thinking": "I should call the tool.", "signature": "sig=="},
                {"type": "tool_use", "id": "toolu_01", "name": "get_weather", "input": {"location": "San Francisco, CA"}},
            ]},
            {"role": "user", "content": [
                {"type": "tool_result", "tool_use_id": "toolu_01", "content": [{"type": "text", "text": "68F"}]},
            ]},
        ],
    )


def messages_stream(url):
    with _anthropic(url).messages.stream(
        model=MODEL_CLAUDE, max_tokens=512, system=SYSTEM_BLOCKS,
        messages=[{"role": "user", "content": "Write a haiku about observability."}],
    ) as stream:
        final = stream.get_final_message()
    assert final.content[0].text == "ok", final


def messages_create_stream(url):
    events = list(_anthropic(url).messages.create(
        model=MODEL_CLAUDE, max_tokens=512, stream=True,
        messages=[{"role": "user", "content": "Write a haiku about observability."}],
    ))
    assert events[-1].type == "message_stop", events


def messages_count_tokens(url):
    result = _anthropic(url).messages.count_tokens(
        model=MODEL_CLAUDE, system=SYSTEM_BLOCKS, tools=[ANTHROPIC_TOOL],
        messages=[{"role": "user", "content": "What is the weather in San Francisco?"}],
    )
    assert result.input_tokens == 7, result


API = ["kindo-api"]
BOTH = ["kindo-api", "kindo-llm"]  # chat completions is served on both hosts
CALLS = [
    ("openai chat.completions: tools + tool_choice", "openai", BOTH, chat_tools),
    ("openai chat.completions: developer/image_url/tool messages", "openai", BOTH, chat_messages),
    ("openai chat.completions: response_format json_schema", "openai", BOTH, chat_response_format),
    ("openai chat.completions: stream + stream_options", "openai", BOTH, chat_stream),
    ("openai responses: string input + function tools", "openai", API, responses_string),
    ("openai responses: item input", "openai", API, responses_items),
    ("anthropic messages: system cache_control + tools + tool_choice + image", "anthropic", API, messages_tools),
    ("anthropic messages: thinking + tool_result turn", "anthropic", API, messages_thinking),
    ("anthropic messages.stream()", "anthropic", API, messages_stream),
    ("anthropic messages.create(stream=True)", "anthropic", API, messages_create_stream),
    ("anthropic messages.count_tokens", "anthropic", API, messages_count_tokens),
]
