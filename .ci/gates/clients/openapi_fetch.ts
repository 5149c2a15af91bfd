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
  check(models.data?.data.length, "listModels returns models");
  const agents = await client.GET("/v1/agents/list");
  check(agents.data, "listAgents");
  const run = await client.GET("/v1/runs/{runId}", { params: { path: { runId: "run_123" } } });
  const status: Schemas["RunStatus"] | undefined = run.data?.status;
  check(status, "getRun status");
  const conns = await client.GET("/v1/integrations/connections");
  check(conns.data, "listIntegrationConnections");
  const chat = await client.POST("/v1/chat/completions", {
    body: { model: "claude-sonnet-4", messages: [{ role: "user", content: "Hello" }] },
  });
  check(json(chat.data, "createChatCompletion").choices.length, "createChatCompletion choices");
  const response = await client.POST("/v1/responses", {
    body: { model: "claude-sonnet-4", input: "Hello" },
  });
  const output: Schemas["Item"][] = json(response.data, "createResponse").output ?? [];
  check(output.length, "createResponse output");
  const items = await client.GET("/v1/conversations/{conversation_id}/items", {
    params: { path: { conversation_id: "conv_123" } },
  });
  check(items.data?.data, "listConversationItems");
  const message = await client.POST("/v1/messages", {
    body: { model: "claude-sonnet-4", max_tokens: 64, messages: [{ role: "user", content: "Hello" }] },
  });
  check(json(message.data, "createMessage").content.length, "createMessage content");
  // The metadata document is public: no credentials (the server rejects unexpected ones).
  const metadata = await client.GET("/.well-known/oauth-protected-resource", {
    headers: { Authorization: null },
  });
  check(metadata.data?.resource, "getProtectedResourceMetadata");
  check(toolCallId({ role: "tool", tool_call_id: "call_1", content: "42" }) === "call_1", "narrowing");
  console.log("openapi-typescript + openapi-fetch: 9 typed calls");
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
