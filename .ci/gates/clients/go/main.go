// One operation per API area through openapi-generator's `go` client (from the 3.0.3
// rendition), against the server at KINDO_BASE_URL. Request bodies are decoded from JSON so
// the generated oneOf decoders run too.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	k "kindo.local/kindo/kindoapi"
)

func must(err error, what string) {
	if err != nil {
		fmt.Fprintf(os.Stderr, "go: %s: %v\n", what, err)
		os.Exit(1)
	}
}

func check(ok bool, what string) {
	if !ok {
		fmt.Fprintf(os.Stderr, "go: %s\n", what)
		os.Exit(1)
	}
}

// The documented agent of kindo-mock's seeded state, and its one required input.
const agent = "18d20df4-d9b3-4cb0-a009-9f11ec9c5d3d"

// decode reads a value from JSON through its generated decoder.
func decode[T any](body string, what string) T {
	var v T
	must(json.Unmarshal([]byte(body), &v), "decode "+what)
	return v
}

func main() {
	cfg := k.NewConfiguration()
	cfg.Servers = k.ServerConfigurations{{URL: os.Getenv("KINDO_BASE_URL")}}
	c := k.NewAPIClient(cfg)
	ctx := context.WithValue(context.Background(), k.ContextAccessToken, "test-key")

	models, _, err := c.ModelsAPI.ListModels(ctx).Execute()
	must(err, "listModels")
	check(len(models.Data) > 0, "listModels returns models")
	model := models.Data[0].Id

	_, _, err = c.AgentsAPI.ListAgents(ctx).Execute()
	must(err, "listAgents")

	runRequest := k.NewRunAgentRequest(agent)
	runRequest.Inputs = []k.AgentInput{{Name: "query", Value: "the nightly audit"}}
	accepted, _, err := c.AgentsAPI.RunAgent(ctx).RunAgentRequest(*runRequest).Execute()
	must(err, "runAgent")
	run, _, err := c.RunsAPI.GetRun(ctx, accepted.RunId).Execute()
	must(err, "getRun")
	check(run.Status == k.IN_PROGRESS || run.Status == k.SUCCESS, "getRun status")

	_, _, err = c.IntegrationsAPI.ListIntegrationConnections(ctx).Execute()
	must(err, "listIntegrationConnections")

	// Requests are built from structs, as Go callers do. Decoding a whole request from JSON does
	// not work with default options: the template checks no enum on models that allow extra
	// fields, so `{"role":"user"}` fits every ChatMessage branch unless the generator's
	// useOneOfDiscriminatorLookup option makes it read the discriminator the document declares.
	// The string-or-array unions do decode from JSON (with validator v2.0.1, see the gate).
	hello := "Hello"
	user := k.NewChatMessageUser("user")
	user.SetContent(decode[k.ChatContent](`"Hello"`, "string chat content"))
	check(user.Content.Get().String != nil && *user.Content.Get().String == hello, "string content decodes as the string branch")
	chatRequest := *k.NewCreateChatCompletionRequest(model, []k.ChatMessage{k.ChatMessageUserAsChatMessage(user)})
	chat, _, err := c.ChatCompletionsAPI.CreateChatCompletion(ctx).CreateChatCompletionRequest(chatRequest).Execute()
	must(err, "createChatCompletion")
	check(len(chat.Choices) > 0, "createChatCompletion choices")

	var part k.ResponseContentPart
	must(json.Unmarshal([]byte(`{"type":"input_text","text":"hi"}`), &part), "decode a known part")
	check(part.InputTextPart != nil && part.ResponseContentPartOther == nil, "a known part decodes as its own branch only")
	must(json.Unmarshal([]byte(`{"type":"x_future_part","data":1}`), &part), "decode an unknown part")
	check(part.ResponseContentPartOther != nil, "an unknown part decodes as the catch-all")

	input := decode[k.ResponseInput](`"Hello"`, "string response input")
	check(input.String != nil && input.ArrayOfInputItem == nil, "string input decodes as the string branch only")
	responseRequest := *k.NewCreateResponseRequest(model, input)
	responseRequest.SetStore(true)
	response, _, err := c.ResponsesAPI.CreateResponse(ctx).CreateResponseRequest(responseRequest).Execute()
	must(err, "createResponse")
	check(len(response.Output) > 0, "createResponse output")
	messages := 0
	for _, item := range response.Output {
		if m := item.MessageItem; m != nil {
			check(m.Type == "message" && m.Role != "", "a message item has its role")
			messages++
		}
	}
	check(messages > 0, "createResponse output holds a message item")
	conversation := response.Conversation.Get()
	check(conversation != nil && conversation.Id != "", "createResponse conversation")

	items, _, err := c.ConversationsAPI.ListConversationItems(ctx, conversation.Id).Execute()
	must(err, "listConversationItems")
	check(len(items.Data) > 0, "listConversationItems data")

	messageRequest := *k.NewCreateMessageRequest(model,
		[]k.MessageParam{*k.NewMessageParam(k.ROLE_USER, k.StringAsMessageContent(&hello))}, 64)
	message, _, err := c.MessagesAPI.CreateMessage(ctx).CreateMessageRequest(messageRequest).Execute()
	must(err, "createMessage")
	texts := 0
	for _, block := range message.Content {
		if t := block.TextBlock; t != nil {
			check(t.Type == "text", "a text block has its tag")
			texts++
		}
	}
	check(texts > 0, "createMessage content holds a text block")

	// The metadata document is public: no credentials (the server rejects unexpected ones).
	metadata, _, err := c.MCPAPI.GetProtectedResourceMetadata(context.Background()).Execute()
	must(err, "getProtectedResourceMetadata")
	check(metadata.Resource != "", "metadata resource")

	fmt.Println("go: 10 typed calls")
}
