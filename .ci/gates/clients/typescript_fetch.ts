// One operation per API area through openapi-generator's `typescript-fetch` client (from the
// 3.0.3 rendition), against the server at KINDO_BASE_URL; compiled with `tsc --strict` first.
import {
  AgentsApi,
  ChatCompletionsApi,
  Configuration,
  ConversationsApi,
  IntegrationsApi,
  MCPApi,
  MessagesApi,
  ModelsApi,
  ResponsesApi,
  RunsApi,
  ChatContentFromJSON,
} from "./client/index";
import type { ChatMessage } from "./client/index";

// Narrowing on a closed, discriminated union: `role === "tool"` leaves only the tool message.
function toolCallId(message: ChatMessage): string | undefined {
  if (message.role === "tool") {
    const id: string = message.toolCallId;
    return id;
  }
  return undefined;
}

// The documented agent of kindo-mock's seeded state, and its one required input.
const AGENT = "18d20df4-d9b3-4cb0-a009-9f11ec9c5d3d";

function check(ok: unknown, what: string): void {
  if (!ok) throw new Error(`typescript-fetch: ${what}`);
}

async function main(): Promise<void> {
  const config = new Configuration({
    basePath: process.env.KINDO_BASE_URL,
    accessToken: async () => "test-key",
  });
  const models = await new ModelsApi(config).listModels();
  const model = models.data[0]?.id ?? "";
  check(model, "listModels returns models");
  check(await new AgentsApi(config).listAgents(), "listAgents");
  const accepted = await new AgentsApi(config).runAgent({
    runAgentRequest: { agentId: AGENT, inputs: [{ name: "query", value: "the nightly audit" }] },
  });
  check(accepted.runId, "runAgent runId");
  const run = await new RunsApi(config).getRun({ runId: accepted.runId });
  check(run.status === "in_progress" || run.status === "success", `getRun status ${run.status}`);
  check(await new IntegrationsApi(config).listIntegrationConnections(), "listIntegrationConnections");
  const chat = await new ChatCompletionsApi(config).createChatCompletion({
    createChatCompletionRequest: {
      model,
      messages: [{ role: "user", content: "Hello" }],
    },
  });
  check(chat.choices.length, "createChatCompletion choices");
  const response = await new ResponsesApi(config).createResponse({
    createResponseRequest: { model, input: "Hello", store: true },
  });
  check(response.output?.length, "createResponse output");
  const items = await new ConversationsApi(config).listConversationItems({
    conversationId: response.conversation?.id ?? "",
  });
  check(items.data.length, "listConversationItems");
  const message = await new MessagesApi(config).createMessage({
    createMessageRequest: {
      model,
      maxTokens: 64,
      messages: [{ role: "user", content: "Hello" }],
    },
  });
  check(message.content.length, "createMessage content");
  const metadata = await new MCPApi(config).getProtectedResourceMetadata();
  check(metadata.resource, "getProtectedResourceMetadata");
  check(toolCallId({ role: "tool", toolCallId: "call_1", content: "42" }) === "call_1", "narrowing");
  // The allowlisted missing `instanceOf` guard (see allowlist.txt) also fails at run time: a
  // string-or-array field decodes its string form only. Checked so that a generator release
  // that fixes it shows up here (then drop the allowlist row and the README's warning).
  check(ChatContentFromJSON("Hello") === "Hello", "string content decodes");
  let arrayDecodes = true;
  try {
    ChatContentFromJSON([{ type: "text", text: "hi" }]);
  } catch (e) {
    arrayDecodes = !(e instanceof TypeError && /instanceOfChatContentPart/.test(e.message));
  }
  check(!arrayDecodes, "array content decodes now: the instanceOf defect is fixed upstream");
  console.log("typescript-fetch: 10 typed calls");
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
