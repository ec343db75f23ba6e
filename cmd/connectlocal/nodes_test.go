package main

import (
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/connectlocal/connectlocal/internal/connecttest"
	"github.com/connectlocal/connectlocal/postgres/postgrestest"
)

// Two real connectlocal processes on one PostgreSQL schema serve as one (issue 5).
func TestNodes_twoProcessesOnePostgres(t *testing.T) {
	dsn := postgrestest.DSN(t)
	a := connecttest.NewClient(startServe(t, nil, "--store", dsn).URL, "123456789012", "us-east-1")
	b := connecttest.NewClient(startServe(t, nil, "--store", dsn).URL, "123456789012", "us-east-1")
	ctx := t.Context()
	inst, err := a.CreateInstance(ctx, &connect.CreateInstanceInput{IdentityManagementType: types.DirectoryTypeConnectManaged,
		InstanceAlias: aws.String("nodes"), InboundCallsEnabled: aws.Bool(true), OutboundCallsEnabled: aws.Bool(true)})
	if err != nil {
		t.Fatal(err)
	}
	tmpl := func(name string) *connect.CreateTaskTemplateInput {
		return &connect.CreateTaskTemplateInput{InstanceId: inst.Id, Name: aws.String(name), Fields: []types.TaskTemplateField{
			{Id: &types.TaskTemplateFieldIdentifier{Name: aws.String("Title")}, Type: types.TaskTemplateFieldTypeName},
			{Id: &types.TaskTemplateFieldIdentifier{Name: aws.String("Assign")}, Type: types.TaskTemplateFieldTypeQuickConnect}}}
	}

	t.Run("created on A, read, listed, updated and deleted on B", func(t *testing.T) {
		out, err := a.CreateTaskTemplate(ctx, tmpl("crossing"))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := b.GetTaskTemplate(ctx, &connect.GetTaskTemplateInput{InstanceId: inst.Id, TaskTemplateId: out.Id}); err != nil {
			t.Fatal(err)
		}
		list, err := b.ListTaskTemplates(ctx, &connect.ListTaskTemplatesInput{InstanceId: inst.Id, Name: aws.String("crossing")})
		if err != nil || len(list.TaskTemplates) != 1 {
			t.Fatalf("list on B: %v %v", list, err)
		}
		if _, err := b.UpdateTaskTemplate(ctx, &connect.UpdateTaskTemplateInput{InstanceId: inst.Id, TaskTemplateId: out.Id, Description: aws.String("via B")}); err != nil {
			t.Fatal(err)
		}
		got, err := a.GetTaskTemplate(ctx, &connect.GetTaskTemplateInput{InstanceId: inst.Id, TaskTemplateId: out.Id})
		if err != nil || aws.ToString(got.Description) != "via B" {
			t.Fatalf("A after B's update: %v %v", got, err)
		}
		if _, err := b.DeleteTaskTemplate(ctx, &connect.DeleteTaskTemplateInput{InstanceId: inst.Id, TaskTemplateId: out.Id}); err != nil {
			t.Fatal(err)
		}
		var nf *types.ResourceNotFoundException
		if _, err := a.GetTaskTemplate(ctx, &connect.GetTaskTemplateInput{InstanceId: inst.Id, TaskTemplateId: out.Id}); !errors.As(err, &nf) {
			t.Fatalf("A after B's delete: %v", err)
		}
	})

	t.Run("one name created on both nodes at once: exactly one wins", func(t *testing.T) {
		for round := 0; round < 5; round++ {
			name := fmt.Sprint("race-", round)
			var wg sync.WaitGroup
			errs := make([]error, 2)
			for i, c := range []*connect.Client{a, b} {
				wg.Add(1)
				go func() {
					defer wg.Done()
					_, errs[i] = c.CreateTaskTemplate(ctx, tmpl(name))
				}()
			}
			wg.Wait()
			var pve *types.PropertyValidationException
			if (errs[0] == nil) == (errs[1] == nil) || !(errors.As(errs[0], &pve) || errors.As(errs[1], &pve)) {
				t.Fatalf("round %d: errors %v and %v, want one success and one PropertyValidationException", round, errs[0], errs[1])
			}
		}
	})

	t.Run("a ClientToken retried on the other node returns the first id", func(t *testing.T) {
		in := tmpl("token")
		in.ClientToken = aws.String("node-retry-token")
		first, err := a.CreateTaskTemplate(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		again, err := b.CreateTaskTemplate(ctx, in)
		if err != nil || *again.Id != *first.Id {
			t.Fatalf("retry on B: %v %v", again, err)
		}
	})

	t.Run("a NextToken from A pages on B", func(t *testing.T) {
		page, err := a.ListTaskTemplates(ctx, &connect.ListTaskTemplatesInput{InstanceId: inst.Id, MaxResults: aws.Int32(2)})
		if err != nil || page.NextToken == nil {
			t.Fatalf("page 1 on A: %v %v", page, err)
		}
		next, err := b.ListTaskTemplates(ctx, &connect.ListTaskTemplatesInput{InstanceId: inst.Id, MaxResults: aws.Int32(2), NextToken: page.NextToken})
		if err != nil || len(next.TaskTemplates) == 0 || *next.TaskTemplates[0].Id == *page.TaskTemplates[0].Id {
			t.Fatalf("page 2 on B: %v %v", next, err)
		}
	})

	t.Run("concurrent updates through both nodes lose nothing", func(t *testing.T) {
		out, err := a.CreateTaskTemplate(ctx, tmpl("contended"))
		if err != nil {
			t.Fatal(err)
		}
		const perNode = 10
		var wg sync.WaitGroup
		for n, c := range []*connect.Client{a, b} {
			for i := 0; i < perNode; i++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					desc := fmt.Sprintf("node %d update %d", n, i)
					if _, err := c.UpdateTaskTemplate(ctx, &connect.UpdateTaskTemplateInput{InstanceId: inst.Id, TaskTemplateId: out.Id, Description: &desc}); err != nil {
						t.Errorf("update: %v", err)
					}
				}()
			}
		}
		wg.Wait()
		// Every update made its own snapshot: versions 1 (create) to 1+2*perNode all exist, each with a
		// description that one update wrote.
		seen := map[string]bool{}
		for v := 2; v <= 1+2*perNode; v++ {
			got, err := b.GetTaskTemplate(ctx, &connect.GetTaskTemplateInput{InstanceId: inst.Id, TaskTemplateId: out.Id, SnapshotVersion: aws.String(fmt.Sprint(v))})
			if err != nil {
				t.Fatalf("version %d: %v", v, err)
			}
			seen[aws.ToString(got.Description)] = true
		}
		if len(seen) != 2*perNode {
			t.Fatalf("%d distinct updates kept, want %d", len(seen), 2*perNode)
		}
	})

	t.Run("a task started on A is described and stopped on B", func(t *testing.T) {
		// A quick connect must be one of the instance's (issue 20).
		qc, err := a.CreateQuickConnect(ctx, &connect.CreateQuickConnectInput{InstanceId: inst.Id, Name: aws.String("qc"),
			QuickConnectConfig: &types.QuickConnectConfig{QuickConnectType: types.QuickConnectTypePhoneNumber,
				PhoneConfig: &types.PhoneNumberQuickConnectConfig{PhoneNumber: aws.String("+15555550100")}}})
		if err != nil {
			t.Fatal(err)
		}
		out, err := a.StartTaskContact(ctx, &connect.StartTaskContactInput{InstanceId: inst.Id, Name: aws.String("task"), QuickConnectId: qc.QuickConnectId})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := b.StopContact(ctx, &connect.StopContactInput{InstanceId: inst.Id, ContactId: out.ContactId}); err != nil {
			t.Fatal(err)
		}
		d, err := a.DescribeContact(ctx, &connect.DescribeContactInput{InstanceId: inst.Id, ContactId: out.ContactId})
		if err != nil || d.Contact.DisconnectTimestamp == nil {
			t.Fatalf("describe on A: %v %v", d, err)
		}
	})
}
