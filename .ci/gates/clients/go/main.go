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

func main() {
	cfg := k.NewConfiguration()
	cfg.Servers = k.ServerConfigurations{{URL: os.Getenv("KINDO_BASE_URL")}}
	c := k.NewAPIClient(cfg)
	ctx := context.WithValue(context.Background(), k.ContextAccessToken, "test-key")

	models, _, err := c.ModelsAPI.ListModels(ctx).Execute()
	must(err, "listModels")
	check(len(models.Data) > 0, "listModels returns models")

	_, _, err = c.AgentsAPI.ListAgents(ctx).Execute()
	must(err, "listAgents")

	run, _, err := c.RunsAPI.GetRun(ctx, "run_123").Execute()
	must(err, "getRun")
	check(run.Status != "", "getRun status")

	_, _, err = c.IntegrationsAPI.ListIntegrationConnections(ctx).Execute()
	must(err, "listIntegrationConnections")

	var chatRequest k.CreateChatCompletionRequest
	must(json.Unmarshal([]byte(`{"model":"claude-sonnet-4","messages":[{"role":"user","content":"Hello"}]}`), &chatRequest), "decode chat request")
	check(chatRequest.Messages[0].ChatMessageUser != nil, "the user message decodes as the user branch")
	chat, _, err := c.ChatCompletionsAPI.CreateChatCompletion(ctx).CreateChatCompletionRequest(chatRequest).Execute()
	must(err, "createChatCompletion")
	check(len(chat.Choices) > 0, "createChatCompletion choices")

	var part k.ResponseContentPart
	must(json.Unmarshal([]byte(`{"type":"input_text","text":"hi"}`), &part), "decode a known part")
	check(part.InputTextPart != nil && part.ResponseContentPartOther == nil, "a known part decodes as its own branch only")
	must(json.Unmarshal([]byte(`{"type":"x_future_part","data":1}`), &part), "decode an unknown part")
	check(part.ResponseContentPartOther != nil, "an unknown part decodes as the catch-all")

	var responseRequest k.CreateResponseRequest
	must(json.Unmarshal([]byte(`{"model":"claude-sonnet-4","input":"Hello"}`), &responseRequest), "decode response request")
	response, _, err := c.ResponsesAPI.CreateResponse(ctx).CreateResponseRequest(responseRequest).Execute()
	must(err, "createResponse")
	check(len(response.Output) > 0, "createResponse output")
	found := false
	for _, item := range response.Output {
		if item.MessageItem != nil {
			found = item.MessageItem.Role != ""
		}
	}
	check(found, "createResponse output has a message item with a role")

	_, _, err = c.ConversationsAPI.ListConversationItems(ctx, "conv_123").Execute()
	must(err, "listConversationItems")

	var messageRequest k.CreateMessageRequest
	must(json.Unmarshal([]byte(`{"model":"claude-sonnet-4","max_tokens":64,"messages":[{"role":"user","content":"Hello"}]}`), &messageRequest), "decode message request")
	message, _, err := c.MessagesAPI.CreateMessage(ctx).CreateMessageRequest(messageRequest).Execute()
	must(err, "createMessage")
	check(len(message.Content) > 0, "createMessage content")

	metadata, _, err := c.MCPAPI.GetProtectedResourceMetadata(ctx).Execute()
	must(err, "getProtectedResourceMetadata")
	check(metadata.Resource != "", "metadata resource")

	fmt.Println("go: 9 typed calls")
}
