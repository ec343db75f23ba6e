package awsapi_test

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/internal/connecttest"
)

// flowContent is a minimal valid Flow language document (spec-facts §11, [S17]).
const flowContent = `{"Version":"2019-10-30","StartAction":"end","Actions":[{"Identifier":"end","Type":"DisconnectParticipant","Parameters":{},"Transitions":{}}]}`

func mustFlow(t testing.TB, c *connect.Client, instance, name string) *connect.CreateContactFlowOutput {
	t.Helper()
	out, err := c.CreateContactFlow(ctx, &connect.CreateContactFlowInput{InstanceId: &instance, Name: &name,
		Type: types.ContactFlowTypeContactFlow, Content: aws.String(flowContent)})
	if err != nil {
		t.Fatalf("CreateContactFlow: %v", err)
	}
	return out
}

func TestContactFlowLifecycle(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		inst := mustInstance(t, c)
		out, err := c.CreateContactFlow(ctx, &connect.CreateContactFlowInput{InstanceId: &inst, Name: aws.String("Route tasks"),
			Type: types.ContactFlowTypeContactFlow, Content: aws.String(flowContent), Description: aws.String("d"),
			Tags: map[string]string{"k": "v"}})
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256([]byte(flowContent))
		if *out.FlowContentSha256 != hex.EncodeToString(sum[:]) || !strings.HasSuffix(*out.ContactFlowArn, "/contact-flow/"+*out.ContactFlowId) {
			t.Fatalf("create answered %+v", out)
		}
		d, err := c.DescribeContactFlow(ctx, &connect.DescribeContactFlowInput{InstanceId: &inst, ContactFlowId: out.ContactFlowId})
		if err != nil {
			t.Fatal(err)
		}
		f := d.ContactFlow
		if *f.Name != "Route tasks" || f.Type != types.ContactFlowTypeContactFlow || f.State != types.ContactFlowStateActive ||
			f.Status != types.ContactFlowStatusPublished || *f.Content != flowContent || f.Tags["k"] != "v" || *f.Description != "d" {
			t.Fatalf("describe: %+v", f)
		}
		_, err = c.CreateContactFlow(ctx, &connect.CreateContactFlowInput{InstanceId: &inst, Name: aws.String("Route tasks"),
			Type: types.ContactFlowTypeContactFlow, Content: aws.String(flowContent)})
		var dup *types.DuplicateResourceException
		if !errAs(err, &dup) {
			t.Fatalf("same name: want DuplicateResourceException, got %v", err)
		}
		newContent := strings.Replace(flowContent, `"end"`, `"stop"`, 2)
		if _, err := c.UpdateContactFlowContent(ctx, &connect.UpdateContactFlowContentInput{InstanceId: &inst, ContactFlowId: out.ContactFlowId, Content: &newContent}); err != nil {
			t.Fatal(err)
		}
		_, err = c.UpdateContactFlowContent(ctx, &connect.UpdateContactFlowContentInput{InstanceId: &inst, ContactFlowId: out.ContactFlowId, Content: aws.String(`{"Version":"2019-10-30"}`)})
		var icf *types.InvalidContactFlowException
		if !errAs(err, &icf) || len(icf.Problems) == 0 {
			t.Fatalf("bad content: want InvalidContactFlowException with problems, got %v", err)
		}
		d, _ = c.DescribeContactFlow(ctx, &connect.DescribeContactFlowInput{InstanceId: &inst, ContactFlowId: out.ContactFlowId})
		if *d.ContactFlow.Content != newContent {
			t.Fatalf("content after refused update: %s", *d.ContactFlow.Content)
		}
		if _, err := c.DeleteContactFlow(ctx, &connect.DeleteContactFlowInput{InstanceId: &inst, ContactFlowId: out.ContactFlowId}); err != nil {
			t.Fatal(err)
		}
		var nf *types.ResourceNotFoundException
		if _, err := c.DescribeContactFlow(ctx, &connect.DescribeContactFlowInput{InstanceId: &inst, ContactFlowId: out.ContactFlowId}); !errAs(err, &nf) {
			t.Fatalf("after delete: want ResourceNotFoundException, got %v", err)
		}
	})
}

func TestCreateContactFlow_content(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		inst := mustInstance(t, c)
		for name, content := range map[string]string{
			"not JSON":          `not json`,
			"wrong version":     `{"Version":"2020-01-01","StartAction":"a","Actions":[{"Identifier":"a","Type":"X","Parameters":{},"Transitions":{}}]}`,
			"start not found":   `{"Version":"2019-10-30","StartAction":"zzz","Actions":[{"Identifier":"a","Type":"X","Parameters":{},"Transitions":{}}]}`,
			"duplicate action":  `{"Version":"2019-10-30","StartAction":"a","Actions":[{"Identifier":"a","Type":"X","Parameters":{},"Transitions":{}},{"Identifier":"a","Type":"X","Parameters":{},"Transitions":{}}]}`,
			"action lacks Type": `{"Version":"2019-10-30","StartAction":"a","Actions":[{"Identifier":"a","Parameters":{},"Transitions":{}}]}`,
		} {
			_, err := c.CreateContactFlow(ctx, &connect.CreateContactFlowInput{InstanceId: &inst, Name: aws.String(name),
				Type: types.ContactFlowTypeContactFlow, Content: aws.String(content)})
			var icf *types.InvalidContactFlowException
			if !errAs(err, &icf) || len(icf.Problems) == 0 {
				t.Errorf("%s: want InvalidContactFlowException with problems, got %v", name, err)
			}
		}
		_, err := c.CreateContactFlow(ctx, &connect.CreateContactFlowInput{InstanceId: &inst, Name: aws.String(strings.Repeat("n", 128)),
			Type: types.ContactFlowTypeContactFlow, Content: aws.String(flowContent)})
		wantAPIError(t, err, "InvalidParameterException")
		// SAVED skips the Flow-language checks but still needs JSON; such a flow is only seen with :$SAVED.
		saved, err := c.CreateContactFlow(ctx, &connect.CreateContactFlowInput{InstanceId: &inst, Name: aws.String("draft"),
			Type: types.ContactFlowTypeContactFlow, Content: aws.String(`{"draft":true}`), Status: types.ContactFlowStatusSaved})
		if err != nil {
			t.Fatal(err)
		}
		_, err = c.DescribeContactFlow(ctx, &connect.DescribeContactFlowInput{InstanceId: &inst, ContactFlowId: saved.ContactFlowId})
		var np *types.ContactFlowNotPublishedException
		if !errAs(err, &np) {
			t.Fatalf("unpublished flow: want ContactFlowNotPublishedException, got %v", err)
		}
		if _, err := c.DescribeContactFlow(ctx, &connect.DescribeContactFlowInput{InstanceId: &inst, ContactFlowId: aws.String(*saved.ContactFlowId + ":$SAVED")}); err != nil {
			t.Fatalf("with :$SAVED: %v", err)
		}
	})
}

func TestListContactFlows(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		inst := mustInstance(t, c)
		for i := 0; i < 7; i++ {
			typ := types.ContactFlowTypeContactFlow
			if i%2 == 1 {
				typ = types.ContactFlowTypeAgentWhisper
			}
			if _, err := c.CreateContactFlow(ctx, &connect.CreateContactFlowInput{InstanceId: &inst, Name: aws.String(fmt.Sprint("f", i)),
				Type: typ, Content: aws.String(flowContent)}); err != nil {
				t.Fatal(err)
			}
		}
		n := 0
		p := connect.NewListContactFlowsPaginator(c, &connect.ListContactFlowsInput{InstanceId: &inst, MaxResults: aws.Int32(2)})
		for p.HasMorePages() {
			page, err := p.NextPage(ctx)
			if err != nil {
				t.Fatal(err)
			}
			n += len(page.ContactFlowSummaryList)
		}
		// A new instance holds its default flows (one of them an AGENT_WHISPER) besides these seven.
		if n != 7+len(connectlocal.DefaultFlows) {
			t.Fatalf("listed %d flows, want 7 and the %d defaults", n, len(connectlocal.DefaultFlows))
		}
		whisper, err := c.ListContactFlows(ctx, &connect.ListContactFlowsInput{InstanceId: &inst,
			ContactFlowTypes: []types.ContactFlowType{types.ContactFlowTypeAgentWhisper}})
		if err != nil || len(whisper.ContactFlowSummaryList) != 3+1 {
			t.Fatalf("type filter: %v %v", whisper, err)
		}
		for _, s := range whisper.ContactFlowSummaryList {
			if s.ContactFlowType != types.ContactFlowTypeAgentWhisper || s.ContactFlowState != types.ContactFlowStateActive {
				t.Fatalf("summary %+v", s)
			}
		}
	})
}

func TestCreateContactFlow_limit(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		inst := mustInstance(t, c)
		mustFlow(t, c, inst, "one")
		mustFlow(t, c, inst, "two")
		_, err := c.CreateContactFlow(ctx, &connect.CreateContactFlowInput{InstanceId: &inst, Name: aws.String("three"),
			Type: types.ContactFlowTypeContactFlow, Content: aws.String(flowContent)})
		var le *types.LimitExceededException
		if !errAs(err, &le) {
			t.Fatalf("want LimitExceededException, got %v", err)
		}
	}, func(s *connectlocal.Service) { s.Quotas.FlowsPerInstance = len(connectlocal.DefaultFlows) + 2 }) // the defaults count
}

func TestTaskTemplate_flowReferences(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		inst := mustInstance(t, c)
		other := mustInstance(t, c)
		flow := mustFlow(t, c, inst, "main")
		foreign := mustFlow(t, c, other, "elsewhere")
		in := &connect.CreateTaskTemplateInput{InstanceId: &inst, Name: aws.String("with flow"), ContactFlowId: flow.ContactFlowId,
			SelfAssignFlowId: flow.ContactFlowArn, Fields: []types.TaskTemplateField{field("Name", types.TaskTemplateFieldTypeName)}}
		tmpl := mustTemplate(t, c, in)
		// The SDK filled in.ClientToken on the first call; a new request needs a new token.
		in.Name, in.ContactFlowId, in.SelfAssignFlowId, in.ClientToken = aws.String("foreign flow"), foreign.ContactFlowId, nil, nil
		_, err := c.CreateTaskTemplate(ctx, in)
		wantViolations(t, err, "ContactFlowId REFERENCED_RESOURCE_NOT_FOUND")
		// Deleting a flow a template uses is allowed; the template then fails re-validation on update.
		if _, err := c.DeleteContactFlow(ctx, &connect.DeleteContactFlowInput{InstanceId: &inst, ContactFlowId: flow.ContactFlowId}); err != nil {
			t.Fatal(err)
		}
		_, err = c.UpdateTaskTemplate(ctx, &connect.UpdateTaskTemplateInput{InstanceId: &inst, TaskTemplateId: tmpl.Id, Description: aws.String("d")})
		wantViolations(t, err, "ContactFlowId REFERENCED_RESOURCE_NOT_FOUND", "SelfAssignFlowId REFERENCED_RESOURCE_NOT_FOUND")
	})
}
