package awsapi_test

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/internal/connecttest"
)

// flowWith is a published flow's content made of the given actions (Type and Parameters), chained in order.
func flowWith(actions ...map[string]any) string {
	var list []map[string]any
	for i, a := range actions {
		list = append(list, map[string]any{"Identifier": fmt.Sprint("a", i), "Type": a["Type"], "Parameters": a["Parameters"],
			"Transitions": map[string]any{}})
	}
	list = append(list, map[string]any{"Identifier": "end", "Type": "DisconnectParticipant", "Parameters": map[string]any{},
		"Transitions": map[string]any{}})
	start := "end"
	if len(actions) > 0 {
		start = "a0"
	}
	b, _ := json.Marshal(map[string]any{"Version": "2019-10-30", "StartAction": start, "Actions": list})
	return string(b)
}

func action(typ string, params map[string]any) map[string]any {
	return map[string]any{"Type": typ, "Parameters": params}
}

func mustModule(t *testing.T, c *connect.Client, inst, name, content string) *connect.CreateContactFlowModuleOutput {
	t.Helper()
	out, err := c.CreateContactFlowModule(ctx, &connect.CreateContactFlowModuleInput{InstanceId: &inst, Name: &name, Content: &content})
	if err != nil {
		t.Fatalf("CreateContactFlowModule: %v", err)
	}
	return out
}

// wantModuleProblems checks an InvalidContactFlowModuleException and its capitalised Problems list.
func wantModuleProblems(t *testing.T, err error, n int) {
	t.Helper()
	var e *types.InvalidContactFlowModuleException
	if !errAs(err, &e) {
		t.Fatalf("want InvalidContactFlowModuleException, got %v", err)
	}
	if len(e.Problems) != n {
		t.Fatalf("want %d problems, got %d: %+v", n, len(e.Problems), e.Problems)
	}
	for _, p := range e.Problems {
		if aws.ToString(p.Message) == "" {
			t.Fatalf("a problem without a message: %+v", e.Problems)
		}
	}
}

// wantFlowProblems checks an InvalidContactFlowException lists exactly n problems and returns their messages.
func wantFlowProblems(t *testing.T, err error, n int) []string {
	t.Helper()
	var e *types.InvalidContactFlowException
	if !errAs(err, &e) {
		t.Fatalf("want InvalidContactFlowException, got %v", err)
	}
	var msgs []string
	for _, p := range e.Problems {
		msgs = append(msgs, aws.ToString(p.Message))
	}
	if len(msgs) != n {
		t.Fatalf("want %d problems, got %d: %q", n, len(msgs), msgs)
	}
	return msgs
}

// Contact flow modules through their whole life: create, describe, list, both updates, delete, and every
// error the model lists for them.
func TestContactFlowModule(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		inst := mustInstance(t, c)
		content := flowWith()
		out, err := c.CreateContactFlowModule(ctx, &connect.CreateContactFlowModuleInput{InstanceId: &inst, Name: aws.String("Greeting"),
			Description: aws.String("says hello"), Content: &content, Tags: map[string]string{"team": "support"}})
		if err != nil {
			t.Fatal(err)
		}
		if *out.Arn != "arn:aws:connect:us-east-1:123456789012:instance/"+inst+"/flow-module/"+*out.Id {
			t.Errorf("arn %s", *out.Arn)
		}
		d, err := c.DescribeContactFlowModule(ctx, &connect.DescribeContactFlowModuleInput{InstanceId: &inst, ContactFlowModuleId: out.Id})
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256([]byte(content))
		m := d.ContactFlowModule
		if *m.Id != *out.Id || *m.Arn != *out.Arn || *m.Name != "Greeting" || *m.Description != "says hello" || *m.Content != content ||
			m.Status != types.ContactFlowModuleStatusPublished || m.State != types.ContactFlowModuleStateActive ||
			m.Tags["team"] != "support" || *m.FlowModuleContentSha256 != hex.EncodeToString(sum[:]) {
			t.Errorf("describe: %+v", m)
		}
		// By ARN too.
		if _, err := c.DescribeContactFlowModule(ctx, &connect.DescribeContactFlowModuleInput{InstanceId: &inst, ContactFlowModuleId: out.Arn}); err != nil {
			t.Fatal(err)
		}

		// Terraform's create sends no description; its update sends "" for none (research-routing §2).
		other, err := c.CreateContactFlowModule(ctx, &connect.CreateContactFlowModuleInput{InstanceId: &inst, Name: aws.String("Other"),
			Description: aws.String(""), Content: &content})
		if err != nil {
			t.Fatal(err)
		}
		_, err = c.CreateContactFlowModule(ctx, &connect.CreateContactFlowModuleInput{InstanceId: &inst, Name: aws.String("Greeting"), Content: &content})
		wantAPIError(t, err, "DuplicateResourceException")
		_, err = c.CreateContactFlowModule(ctx, &connect.CreateContactFlowModuleInput{InstanceId: &inst, Name: aws.String("Broken"),
			Content: aws.String(`{"Version":"2019-10-30","Actions":[]}`)})
		wantModuleProblems(t, err, 1)
		_, err = c.CreateContactFlowModule(ctx, &connect.CreateContactFlowModuleInput{InstanceId: &inst, Name: aws.String("Long"),
			Description: aws.String(strings.Repeat("d", 501)), Content: &content})
		wantAPIError(t, err, "InvalidParameterException")
		_, err = c.CreateContactFlowModule(ctx, &connect.CreateContactFlowModuleInput{InstanceId: &inst, Name: aws.String(" "), Content: &content})
		wantAPIError(t, err, "InvalidParameterException")
		_, err = c.CreateContactFlowModule(ctx, &connect.CreateContactFlowModuleInput{InstanceId: aws.String("00000000-0000-4000-8000-000000000000"),
			Name: aws.String("Nowhere"), Content: &content})
		wantAPIError(t, err, "ResourceNotFoundException")

		// Metadata: name, description ("" clears it), state.
		_, err = c.UpdateContactFlowModuleMetadata(ctx, &connect.UpdateContactFlowModuleMetadataInput{InstanceId: &inst, ContactFlowModuleId: out.Id,
			Name: aws.String("Welcome"), Description: aws.String("")})
		if err != nil {
			t.Fatal(err)
		}
		d, _ = c.DescribeContactFlowModule(ctx, &connect.DescribeContactFlowModuleInput{InstanceId: &inst, ContactFlowModuleId: out.Id})
		if *d.ContactFlowModule.Name != "Welcome" || d.ContactFlowModule.Description != nil {
			t.Errorf("after the metadata update: %+v", d.ContactFlowModule)
		}
		_, err = c.UpdateContactFlowModuleMetadata(ctx, &connect.UpdateContactFlowModuleMetadataInput{InstanceId: &inst, ContactFlowModuleId: out.Id,
			Name: aws.String("Other")})
		wantAPIError(t, err, "DuplicateResourceException")
		_, err = c.UpdateContactFlowModuleMetadata(ctx, &connect.UpdateContactFlowModuleMetadataInput{InstanceId: &inst, ContactFlowModuleId: out.Id,
			State: "GONE"})
		wantAPIError(t, err, "InvalidParameterException")
		_, err = c.UpdateContactFlowModuleMetadata(ctx, &connect.UpdateContactFlowModuleMetadataInput{InstanceId: &inst, ContactFlowModuleId: aws.String("nope"),
			Name: aws.String("x")})
		wantAPIError(t, err, "ResourceNotFoundException")
		if _, err := c.UpdateContactFlowModuleMetadata(ctx, &connect.UpdateContactFlowModuleMetadataInput{InstanceId: &inst,
			ContactFlowModuleId: other.Id, State: types.ContactFlowModuleStateArchived}); err != nil {
			t.Fatal(err)
		}

		// Content: checked, and a refused one changes nothing.
		newContent := flowWith(action("MessageParticipant", map[string]any{"Text": "hi"}))
		if _, err := c.UpdateContactFlowModuleContent(ctx, &connect.UpdateContactFlowModuleContentInput{InstanceId: &inst, ContactFlowModuleId: out.Id,
			Content: &newContent}); err != nil {
			t.Fatal(err)
		}
		_, err = c.UpdateContactFlowModuleContent(ctx, &connect.UpdateContactFlowModuleContentInput{InstanceId: &inst, ContactFlowModuleId: out.Id,
			Content: aws.String(`[]`)})
		wantModuleProblems(t, err, 1)
		_, err = c.UpdateContactFlowModuleContent(ctx, &connect.UpdateContactFlowModuleContentInput{InstanceId: &inst, ContactFlowModuleId: aws.String("nope"),
			Content: &newContent})
		wantAPIError(t, err, "ResourceNotFoundException")
		d, _ = c.DescribeContactFlowModule(ctx, &connect.DescribeContactFlowModuleInput{InstanceId: &inst, ContactFlowModuleId: out.Id})
		sum = sha256.Sum256([]byte(newContent))
		if *d.ContactFlowModule.Content != newContent || *d.ContactFlowModule.FlowModuleContentSha256 != hex.EncodeToString(sum[:]) {
			t.Errorf("after the content update: %+v", d.ContactFlowModule)
		}

		// List: all, by state, in pages.
		for i := 0; i < 3; i++ {
			mustModule(t, c, inst, fmt.Sprint("m", i), content)
		}
		n := 0
		p := connect.NewListContactFlowModulesPaginator(c, &connect.ListContactFlowModulesInput{InstanceId: &inst, MaxResults: aws.Int32(2)})
		for p.HasMorePages() {
			page, err := p.NextPage(ctx)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range page.ContactFlowModulesSummaryList {
				if s.Id == nil || s.Arn == nil || s.Name == nil || s.State == "" {
					t.Errorf("summary %+v", s)
				}
			}
			n += len(page.ContactFlowModulesSummaryList)
		}
		if n != 5 {
			t.Errorf("listed %d modules, want 5", n)
		}
		archived, err := c.ListContactFlowModules(ctx, &connect.ListContactFlowModulesInput{InstanceId: &inst,
			ContactFlowModuleState: types.ContactFlowModuleStateArchived})
		if err != nil || len(archived.ContactFlowModulesSummaryList) != 1 || *archived.ContactFlowModulesSummaryList[0].Name != "Other" {
			t.Errorf("archived: %+v %v", archived, err)
		}

		// Delete; the tags go with it.
		if _, err := c.DeleteContactFlowModule(ctx, &connect.DeleteContactFlowModuleInput{InstanceId: &inst, ContactFlowModuleId: out.Id}); err != nil {
			t.Fatal(err)
		}
		_, err = c.DescribeContactFlowModule(ctx, &connect.DescribeContactFlowModuleInput{InstanceId: &inst, ContactFlowModuleId: out.Id})
		wantAPIError(t, err, "ResourceNotFoundException")
		_, err = c.DeleteContactFlowModule(ctx, &connect.DeleteContactFlowModuleInput{InstanceId: &inst, ContactFlowModuleId: out.Id})
		wantAPIError(t, err, "ResourceNotFoundException")
		tags, err := c.ListTagsForResource(ctx, &connect.ListTagsForResourceInput{ResourceArn: out.Arn})
		if err == nil && len(tags.Tags) > 0 {
			t.Errorf("tags outlived the module: %v", tags.Tags)
		}
	})
}

// UpdateContactFlowName and UpdateContactFlowMetadata rename, describe and archive a flow; a taken name is
// refused and changes nothing.
func TestUpdateContactFlowNameAndMetadata(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		inst := mustInstance(t, c)
		flow := mustFlow(t, c, inst, "main")
		describe := func() *types.ContactFlow {
			t.Helper()
			d, err := c.DescribeContactFlow(ctx, &connect.DescribeContactFlowInput{InstanceId: &inst, ContactFlowId: flow.ContactFlowId})
			if err != nil {
				t.Fatal(err)
			}
			return d.ContactFlow
		}
		if _, err := c.UpdateContactFlowName(ctx, &connect.UpdateContactFlowNameInput{InstanceId: &inst, ContactFlowId: flow.ContactFlowId,
			Name: aws.String("renamed"), Description: aws.String("routes")}); err != nil {
			t.Fatal(err)
		}
		if f := describe(); *f.Name != "renamed" || *f.Description != "routes" || f.State != types.ContactFlowStateActive {
			t.Errorf("after UpdateContactFlowName: %+v", f)
		}
		_, err := c.UpdateContactFlowName(ctx, &connect.UpdateContactFlowNameInput{InstanceId: &inst, ContactFlowId: flow.ContactFlowId,
			Name: aws.String("Default queue transfer")})
		wantAPIError(t, err, "DuplicateResourceException")
		_, err = c.UpdateContactFlowName(ctx, &connect.UpdateContactFlowNameInput{InstanceId: &inst, ContactFlowId: aws.String("nope"), Name: aws.String("x")})
		wantAPIError(t, err, "ResourceNotFoundException")
		_, err = c.UpdateContactFlowName(ctx, &connect.UpdateContactFlowNameInput{InstanceId: &inst, ContactFlowId: flow.ContactFlowId,
			Name: aws.String(strings.Repeat("n", 128))})
		wantAPIError(t, err, "InvalidParameterException")

		if _, err := c.UpdateContactFlowMetadata(ctx, &connect.UpdateContactFlowMetadataInput{InstanceId: &inst, ContactFlowId: flow.ContactFlowArn,
			Name: aws.String("again"), Description: aws.String(""), ContactFlowState: types.ContactFlowStateArchived}); err != nil {
			t.Fatal(err)
		}
		if f := describe(); *f.Name != "again" || f.Description != nil || f.State != types.ContactFlowStateArchived {
			t.Errorf("after UpdateContactFlowMetadata: %+v", f)
		}
		list, err := c.ListContactFlows(ctx, &connect.ListContactFlowsInput{InstanceId: &inst})
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range list.ContactFlowSummaryList {
			if want := types.ContactFlowStateActive; *s.Name == "again" {
				want = types.ContactFlowStateArchived
				if s.ContactFlowState != want {
					t.Errorf("summary %+v", s)
				}
			} else if s.ContactFlowState != want {
				t.Errorf("summary %+v", s)
			}
		}
		_, err = c.UpdateContactFlowMetadata(ctx, &connect.UpdateContactFlowMetadataInput{InstanceId: &inst, ContactFlowId: flow.ContactFlowId,
			Name: aws.String("Default agent hold")})
		wantAPIError(t, err, "DuplicateResourceException")
		_, err = c.UpdateContactFlowMetadata(ctx, &connect.UpdateContactFlowMetadataInput{InstanceId: &inst, ContactFlowId: flow.ContactFlowId,
			ContactFlowState: "GONE"})
		wantAPIError(t, err, "InvalidParameterException")
		_, err = c.UpdateContactFlowMetadata(ctx, &connect.UpdateContactFlowMetadataInput{InstanceId: aws.String("00000000-0000-4000-8000-000000000000"),
			ContactFlowId: flow.ContactFlowId, Name: aws.String("x")})
		wantAPIError(t, err, "ResourceNotFoundException")
		if f := describe(); *f.Name != "again" {
			t.Errorf("a refused update changed the flow: %+v", f)
		}
	})
}

// A new instance holds the default flows configurations look up by name, each published and valid.
func TestDefaultFlows(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		inst := mustInstance(t, c)
		list, err := c.ListContactFlows(ctx, &connect.ListContactFlowsInput{InstanceId: &inst})
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]types.ContactFlowSummary{}
		for _, s := range list.ContactFlowSummaryList {
			got[*s.Name] = s
		}
		want := map[string]types.ContactFlowType{
			"Default agent hold": types.ContactFlowTypeAgentHold, "Default agent transfer": types.ContactFlowTypeAgentTransfer,
			"Default agent whisper": types.ContactFlowTypeAgentWhisper, "Default customer hold": types.ContactFlowTypeCustomerHold,
			"Default customer queue": types.ContactFlowTypeCustomerQueue, "Default customer whisper": types.ContactFlowTypeCustomerWhisper,
			"Default outbound": types.ContactFlowTypeOutboundWhisper, "Default queue transfer": types.ContactFlowTypeQueueTransfer,
			"Sample inbound flow (first contact experience)": types.ContactFlowTypeContactFlow,
		}
		if len(got) != len(want) {
			t.Errorf("a new instance's flows: %v", got)
		}
		for name, typ := range want {
			s, ok := got[name]
			if !ok || s.ContactFlowType != typ || s.ContactFlowState != types.ContactFlowStateActive || s.ContactFlowStatus != types.ContactFlowStatusPublished {
				t.Errorf("%s: %+v", name, s)
			}
		}
		d, err := c.DescribeContactFlow(ctx, &connect.DescribeContactFlowInput{InstanceId: &inst, ContactFlowId: got["Default queue transfer"].Id})
		if err != nil {
			t.Fatal(err)
		}
		if d.ContactFlow.Type != types.ContactFlowTypeQueueTransfer || *d.ContactFlow.Name != "Default queue transfer" {
			t.Errorf("describe: %+v", d.ContactFlow)
		}
		if err := connectlocal.CheckFlowContent(*d.ContactFlow.Content, true); err != nil {
			t.Errorf("default content: %v", err)
		}
		// Their ids are the instance's own: another instance's defaults have other ids.
		other := mustInstance(t, c)
		list2, _ := c.ListContactFlows(ctx, &connect.ListContactFlowsInput{InstanceId: &other})
		for _, s := range list2.ContactFlowSummaryList {
			if *s.Id == *got[*s.Name].Id {
				t.Errorf("%s has the same id in two instances", *s.Name)
			}
		}
	})
}

// A published flow's (or module's) references to queues, flows, modules, hours, users and Lambda functions
// must name something in the instance; prompts, Lex bots, dynamic values and saved flows are not checked.
func TestFlowContentReferences(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		inst := mustInstance(t, c)
		other := mustInstance(t, c)
		hours, err := c.ListHoursOfOperations(ctx, &connect.ListHoursOfOperationsInput{InstanceId: &inst})
		if err != nil {
			t.Fatal(err)
		}
		basic := hours.HoursOfOperationSummaryList[0]
		foreignHours, _ := c.ListHoursOfOperations(ctx, &connect.ListHoursOfOperationsInput{InstanceId: &other})
		flows, _ := c.ListContactFlows(ctx, &connect.ListContactFlowsInput{InstanceId: &inst,
			ContactFlowTypes: []types.ContactFlowType{types.ContactFlowTypeQueueTransfer}})
		transfer := flows.ContactFlowSummaryList[0]
		module := mustModule(t, c, inst, "Greeting", flowWith())
		base := "arn:aws:connect:us-east-1:123456789012:instance/" + inst

		good := flowWith(
			action("CheckHoursOfOperation", map[string]any{"HoursOfOperationId": *basic.Arn}),
			action("CheckHoursOfOperation", map[string]any{"HoursOfOperationId": *basic.Id}),
			action("TransferToFlow", map[string]any{"ContactFlowId": *transfer.Arn}),
			action("InvokeFlowModule", map[string]any{"FlowModuleId": *module.Id}),
			action("UpdateContactEventHooks", map[string]any{"EventHooks": map[string]any{"CustomerQueue": *transfer.Id}}),
			action("UpdateContactTargetQueue", map[string]any{"QueueId": "$.Attributes.queue"}),
			action("MessageParticipant", map[string]any{"PromptId": base + "/prompt/00000000-0000-4000-8000-00000000abcd"}),
			action("ConnectParticipantWithLexBot", map[string]any{"LexV2Bot": map[string]any{"AliasArn": "arn:aws:lex:us-east-1:123456789012:bot-alias/X/Y"}}),
		)
		created, err := c.CreateContactFlow(ctx, &connect.CreateContactFlowInput{InstanceId: &inst, Name: aws.String("good"),
			Type: types.ContactFlowTypeContactFlow, Content: &good})
		if err != nil {
			t.Fatalf("a flow whose references all resolve: %v", err)
		}

		bad := flowWith(
			action("UpdateContactTargetQueue", map[string]any{"QueueId": base + "/queue/00000000-0000-4000-8000-000000000001"}),
			action("DequeueContactAndTransferToQueue", map[string]any{"AgentId": "00000000-0000-4000-8000-000000000002"}),
			action("TransferToFlow", map[string]any{"ContactFlowId": "00000000-0000-4000-8000-000000000003"}),
			action("InvokeFlowModule", map[string]any{"FlowModuleId": base + "/flow-module/00000000-0000-4000-8000-000000000004"}),
			action("CheckHoursOfOperation", map[string]any{"HoursOfOperationId": *foreignHours.HoursOfOperationSummaryList[0].Arn}),
			action("InvokeLambdaFunction", map[string]any{"LambdaFunctionARN": "arn:aws:lambda:us-east-1:123456789012:function:nope"}),
			action("UpdateContactEventHooks", map[string]any{"EventHooks": map[string]any{"AgentWhisper": "00000000-0000-4000-8000-000000000005",
				"CustomerQueue": *transfer.Arn}}),
		)
		_, err = c.CreateContactFlow(ctx, &connect.CreateContactFlowInput{InstanceId: &inst, Name: aws.String("bad"),
			Type: types.ContactFlowTypeContactFlow, Content: &bad})
		msgs := wantFlowProblems(t, err, 7)
		if !strings.Contains(msgs[0], base+"/queue/00000000-0000-4000-8000-000000000001") || !strings.Contains(msgs[0], "Path: 0.QueueId") ||
			!strings.Contains(msgs[6], "Path: 6.EventHooks.AgentWhisper") {
			t.Errorf("problems: %q", msgs)
		}
		// Saved content is not validated.
		if _, err := c.CreateContactFlow(ctx, &connect.CreateContactFlowInput{InstanceId: &inst, Name: aws.String("draft"),
			Type: types.ContactFlowTypeContactFlow, Content: &bad, Status: types.ContactFlowStatusSaved}); err != nil {
			t.Fatalf("a saved flow: %v", err)
		}
		// An update of a published flow is checked and, refused, changes nothing.
		_, err = c.UpdateContactFlowContent(ctx, &connect.UpdateContactFlowContentInput{InstanceId: &inst, ContactFlowId: created.ContactFlowId, Content: &bad})
		wantFlowProblems(t, err, 7)
		d, _ := c.DescribeContactFlow(ctx, &connect.DescribeContactFlowInput{InstanceId: &inst, ContactFlowId: created.ContactFlowId})
		if *d.ContactFlow.Content != good {
			t.Errorf("a refused update changed the content")
		}
		// A flow may name itself once it exists.
		self := flowWith(action("TransferToFlow", map[string]any{"ContactFlowId": *created.ContactFlowArn}))
		if _, err := c.UpdateContactFlowContent(ctx, &connect.UpdateContactFlowContentInput{InstanceId: &inst, ContactFlowId: created.ContactFlowId, Content: &self}); err != nil {
			t.Fatal(err)
		}
		// Modules are checked alike, with their own exception.
		_, err = c.CreateContactFlowModule(ctx, &connect.CreateContactFlowModuleInput{InstanceId: &inst, Name: aws.String("bad"), Content: &bad})
		wantModuleProblems(t, err, 7)
		_, err = c.UpdateContactFlowModuleContent(ctx, &connect.UpdateContactFlowModuleContentInput{InstanceId: &inst, ContactFlowModuleId: module.Id, Content: &bad})
		wantModuleProblems(t, err, 7)

		// An associated Lambda function resolves; so do queues and users once stored (their operations are
		// other files'; the objects are put directly here).
		if _, err := c.AssociateLambdaFunction(ctx, &connect.AssociateLambdaFunctionInput{InstanceId: &inst,
			FunctionArn: aws.String("arn:aws:lambda:us-east-1:123456789012:function:nope")}); err != nil {
			t.Fatal(err)
		}
		queue, user := "00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000002"
		scope := connectlocal.Scope{Account: "123456789012", Region: "us-east-1"}
		now := time.Now()
		if err := srv.Service.Store.Update(ctx, connectlocal.InstanceKey(scope, inst), func(tx connectlocal.Tx) error {
			for _, o := range []connectlocal.Object{{InstanceID: inst, Kind: connectlocal.KindQueue, ID: queue, Name: "q"},
				{InstanceID: inst, Kind: connectlocal.KindUser, ID: user, Name: "u"}} {
				o.CreatedTime, o.LastModifiedTime, o.Doc = now, now, json.RawMessage(`{}`)
				if err := tx.PutObject(scope, o); err != nil {
					return err
				}
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		_, err = c.CreateContactFlow(ctx, &connect.CreateContactFlowInput{InstanceId: &inst, Name: aws.String("bad"),
			Type: types.ContactFlowTypeContactFlow, Content: &bad})
		wantFlowProblems(t, err, 4) // the flow, the module, the foreign hours and the hook are still missing
		agentQueue := flowWith(action("UpdateContactTargetQueue", map[string]any{"QueueId": base + "/queue/agent/" + user}))
		_, err = c.CreateContactFlow(ctx, &connect.CreateContactFlowInput{InstanceId: &inst, Name: aws.String("agent"),
			Type: types.ContactFlowTypeContactFlow, Content: &agentQueue})
		wantFlowProblems(t, err, 1) // no AGENT queue object for that user here
	})
}
