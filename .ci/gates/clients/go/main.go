// One operation per API area through openapi-generator's `go` client (from the 3.0.3
// rendition), against the server at KINDO_BASE_URL. Request bodies are decoded from JSON so
// the generated oneOf decoders run too.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
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

// A conversation to list: created with a plain request, since the generated createResponse
// cannot decode its answer (see the content note in main).
func storedConversation(model string) string {
	body, _ := json.Marshal(map[string]any{"model": model, "input": "Hello", "store": true})
	req, err := http.NewRequest("POST", os.Getenv("KINDO_BASE_URL")+"/v1/responses", bytes.NewReader(body))
	must(err, "createResponse request")
	req.Header.Set("Authorization", "Bearer test-key")
	req.Header.Set("Content-Type", "application/json")
	res, err := http.DefaultClient.Do(req)
	must(err, "createResponse")
	defer res.Body.Close()
	var created struct {
		Conversation struct{ Id string } `json:"conversation"`
	}
	must(json.NewDecoder(res.Body).Decode(&created), "createResponse body")
	check(created.Conversation.Id != "", "createResponse conversation")
	return created.Conversation.Id
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

	// Built from structs: Debian's gopkg.in/validator.v2 (a 2016 snapshot) rejects strings and
	// slices, so the generated decoders of string-or-array unions (`content`, `input`) fail on
	// any JSON; the open unions of objects decode, as checked below.
	hello := "Hello"
	user := k.NewChatMessageUser("user")
	content := k.StringAsChatContent(&hello)
	user.SetContent(content)
	chatRequest := k.NewCreateChatCompletionRequest(model, []k.ChatMessage{k.ChatMessageUserAsChatMessage(user)})
	chat, _, err := c.ChatCompletionsAPI.CreateChatCompletion(ctx).CreateChatCompletionRequest(*chatRequest).Execute()
	must(err, "createChatCompletion")
	check(len(chat.Choices) > 0, "createChatCompletion choices")

	var part k.ResponseContentPart
	must(json.Unmarshal([]byte(`{"type":"input_text","text":"hi"}`), &part), "decode a known part")
	check(part.InputTextPart != nil && part.ResponseContentPartOther == nil, "a known part decodes as its own branch only")
	must(json.Unmarshal([]byte(`{"type":"x_future_part","data":1}`), &part), "decode an unknown part")
	check(part.ResponseContentPartOther != nil, "an unknown part decodes as the catch-all")

	items, _, err := c.ConversationsAPI.ListConversationItems(ctx, storedConversation(model)).Execute()
	must(err, "listConversationItems")
	check(items.Data != nil, "listConversationItems data")

	// The metadata document is public: no credentials (the server rejects unexpected ones).
	metadata, _, err := c.MCPAPI.GetProtectedResourceMetadata(context.Background()).Execute()
	must(err, "getProtectedResourceMetadata")
	check(metadata.Resource != "", "metadata resource")

	fmt.Println("go: 8 typed calls")
}
