// One operation per API area through openapi-fetch over openapi-typescript's types (from the
// 3.1 document), against the server at KINDO_BASE_URL. Compiled with `tsc --strict` first, so
// the type-level assertions below (narrowing on tags) are checked by the compiler.
import createClient from "openapi-fetch";
import type { components, paths } from "./kindo-api";

type Schemas = components["schemas"];

// Narrowing on a closed tagged union: `role === "tool"` leaves only the tool message.
function toolCallId(message: Schemas["ChatMessage"]): string | undefined {
  if (message.role === "tool") {
    const id: string = message.tool_call_id;
    return id;
  }
  return undefined;
}

// An open union (a future part type still decodes) narrows on the tag plus the field's type.
function texts(message: Schemas["RunMessage"]): string[] {
  const out: string[] = [];
  for (const part of message.parts) {
    if (part.type === "text" && typeof part.text === "string") {
      const text: string = part.text;
      out.push(text);
    }
  }
  return out;
}

// The documented agent of kindo-mock's seeded state, and its one required input.
const AGENT = "18d20df4-d9b3-4cb0-a009-9f11ec9c5d3d";

function check(ok: unknown, what: string): void {
  if (!ok) throw new Error(`openapi-fetch: ${what}`);
}

// Streaming operations answer JSON or an event stream (typed `string`); these calls ask for JSON.
function json<T>(data: T | string | undefined, what: string): T {
  if (data === undefined || typeof data === "string") throw new Error(`openapi-fetch: ${what}: no JSON body`);
  return data;
}

async function main(): Promise<void> {
  const client = createClient<paths>({
    baseUrl: process.env.KINDO_BASE_URL,
    headers: { Authorization: "Bearer test-key" },
  });
  const models = await client.GET("/v1/models");
  const model = models.data?.data[0]?.id ?? "";
  check(model, "listModels returns models");
  const agents = await client.GET("/v1/agents/list");
  check(agents.data, "listAgents");
  const accepted = await client.POST("/v1/agents/runs", {
    body: { agentId: AGENT, inputs: [{ name: "query", value: "the nightly audit" }] },
  });
  const runId = accepted.data?.runId ?? "";
  check(runId, "runAgent runId");
  let status: Schemas["RunStatus"] | undefined;
  let result: string | null | undefined;
  for (let i = 0; i < 20 && status !== "success"; i++) {
    const run = await client.GET("/v1/runs/{runId}", { params: { path: { runId } } });
    status = run.data?.status;
    result = run.data?.result;
    if (status === "in_progress") await new Promise((r) => setTimeout(r, 200));
    else check(status === "success", `getRun status ${status}`);
  }
  // `result` is a JSON-encoded RunMessage (its contentSchema).
  const runMessage = JSON.parse(result ?? "null") as Schemas["RunMessage"];
  check(texts(runMessage).join("").length, "getRun result has text parts");
  const conns = await client.GET("/v1/integrations/connections");
  check(conns.data, "listIntegrationConnections");
  const chat = await client.POST("/v1/chat/completions", {
    body: { model, messages: [{ role: "user", content: "Hello" }] },
  });
  check(json(chat.data, "createChatCompletion").choices.length, "createChatCompletion choices");
  const response = await client.POST("/v1/responses", {
    body: { model, input: "Hello", store: true },
  });
  const created = json(response.data, "createResponse");
  const output: Schemas["Item"][] = created.output ?? [];
  check(output.length, "createResponse output");
  const conversation = created.conversation?.id ?? "";
  check(conversation, "createResponse conversation");
  const items = await client.GET("/v1/conversations/{conversation_id}/items", {
    params: { path: { conversation_id: conversation } },
  });
  check(items.data?.data.length, "listConversationItems");
  const message = await client.POST("/v1/messages", {
    body: { model, max_tokens: 64, messages: [{ role: "user", content: "Hello" }] },
  });
  check(json(message.data, "createMessage").content.length, "createMessage content");
  // The metadata document is public: no credentials (the server rejects unexpected ones).
  const metadata = await client.GET("/.well-known/oauth-protected-resource", {
    headers: { Authorization: null },
  });
  check(metadata.data?.resource, "getProtectedResourceMetadata");
  check(toolCallId({ role: "tool", tool_call_id: "call_1", content: "42" }) === "call_1", "narrowing");
  console.log("openapi-typescript + openapi-fetch: 10 typed calls");
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
