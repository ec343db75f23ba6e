package awsapi_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/internal/connecttest"
)

var testScope = connectlocal.Scope{Account: "123456789012", Region: "us-east-1"}

// putAgent makes a user through CreateUser, which gives it its AGENT queue (id = the user's, no name).
func putAgent(t *testing.T, srv *connecttest.Server, inst string) string {
	t.Helper()
	return putUser(t, srv, inst, "agent-"+randomSuffix(), mustRoutingProfile(t, srv, inst, "Basic Routing Profile"))
}

func mustTypedFlow(t testing.TB, c *connect.Client, inst, name string, typ types.ContactFlowType) string {
	t.Helper()
	out, err := c.CreateContactFlow(ctx, &connect.CreateContactFlowInput{InstanceId: &inst, Name: &name, Type: typ, Content: aws.String(flowContent)})
	if err != nil {
		t.Fatalf("CreateContactFlow: %v", err)
	}
	return *out.ContactFlowId
}

func phoneQuickConnect(inst, name string) *connect.CreateQuickConnectInput {
	return &connect.CreateQuickConnectInput{InstanceId: &inst, Name: &name, QuickConnectConfig: &types.QuickConnectConfig{
		QuickConnectType: types.QuickConnectTypePhoneNumber, PhoneConfig: &types.PhoneNumberQuickConnectConfig{PhoneNumber: aws.String("+15555550100")}}}
}

func mustQuickConnect(t testing.TB, c *connect.Client, in *connect.CreateQuickConnectInput) string {
	t.Helper()
	out, err := c.CreateQuickConnect(ctx, in)
	if err != nil {
		t.Fatalf("CreateQuickConnect: %v", err)
	}
	return *out.QuickConnectId
}

// basicQueue returns the instance's BasicQueue summary.
func basicQueue(t *testing.T, c *connect.Client, inst string) types.QueueSummary {
	t.Helper()
	list, err := c.ListQueues(ctx, &connect.ListQueuesInput{InstanceId: &inst})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range list.QueueSummaryList {
		if aws.ToString(q.Name) == "BasicQueue" {
			return q
		}
	}
	t.Fatalf("no BasicQueue in %+v", list.QueueSummaryList)
	return types.QueueSummary{}
}

// Queues through their whole life: the instance's BasicQueue, create, describe, every update, list, search,
// delete.
func TestQueue(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		inst := mustInstance(t, c)
		hours, err := c.ListHoursOfOperations(ctx, &connect.ListHoursOfOperationsInput{InstanceId: &inst})
		if err != nil {
			t.Fatal(err)
		}
		basicHours := *hours.HoursOfOperationSummaryList[0].Id

		list, err := c.ListQueues(ctx, &connect.ListQueuesInput{InstanceId: &inst})
		if err != nil {
			t.Fatal(err)
		}
		if len(list.QueueSummaryList) != 1 || *list.QueueSummaryList[0].Name != "BasicQueue" || list.QueueSummaryList[0].QueueType != types.QueueTypeStandard {
			t.Fatalf("a new instance's queues: %+v", list.QueueSummaryList)
		}
		basic, err := c.DescribeQueue(ctx, &connect.DescribeQueueInput{InstanceId: &inst, QueueId: list.QueueSummaryList[0].Id})
		if err != nil {
			t.Fatal(err)
		}
		if q := basic.Queue; *q.HoursOfOperationId != basicHours || q.Status != types.QueueStatusEnabled || q.MaxContacts != nil || q.OutboundCallerConfig != nil {
			t.Errorf("BasicQueue: %+v", q)
		}
		// The instance's Basic Routing Profile uses it (Terraform retries this answer for a minute).
		_, err = c.DeleteQueue(ctx, &connect.DeleteQueueInput{InstanceId: &inst, QueueId: basic.Queue.QueueId})
		wantAPIError(t, err, "ResourceInUseException")

		whisper := mustTypedFlow(t, c, inst, "Whisper", types.ContactFlowTypeOutboundWhisper)
		office, err := c.CreateHoursOfOperation(ctx, &connect.CreateHoursOfOperationInput{InstanceId: &inst, Name: aws.String("Office"),
			TimeZone: aws.String("UTC"), Config: weekdays(9, 17)})
		if err != nil {
			t.Fatal(err)
		}
		out, err := c.CreateQueue(ctx, &connect.CreateQueueInput{InstanceId: &inst, Name: aws.String("Support"), Description: aws.String("first line"),
			HoursOfOperationId: aws.String(basicHours), MaxContacts: aws.Int32(5), Tags: map[string]string{"team": "support"},
			OutboundCallerConfig: &types.OutboundCallerConfig{OutboundCallerIdName: aws.String("Acme"),
				OutboundCallerIdNumberId: aws.String("7b0ac9a3-8b2f-4f7c-9d61-0c1e2f3a4b5c"), OutboundFlowId: aws.String(whisper)}})
		if err != nil {
			t.Fatal(err)
		}
		if *out.QueueArn != "arn:aws:connect:us-east-1:123456789012:instance/"+inst+"/queue/"+*out.QueueId {
			t.Errorf("arn %s", *out.QueueArn)
		}
		got, err := c.DescribeQueue(ctx, &connect.DescribeQueueInput{InstanceId: &inst, QueueId: out.QueueArn})
		if err != nil {
			t.Fatal(err)
		}
		q := got.Queue
		if *q.Name != "Support" || *q.Description != "first line" || *q.MaxContacts != 5 || q.Status != types.QueueStatusEnabled ||
			*q.OutboundCallerConfig.OutboundCallerIdName != "Acme" || *q.OutboundCallerConfig.OutboundFlowId != whisper ||
			*q.OutboundCallerConfig.OutboundCallerIdNumberId != "7b0ac9a3-8b2f-4f7c-9d61-0c1e2f3a4b5c" || q.Tags["team"] != "support" ||
			q.LastModifiedTime == nil || *q.LastModifiedRegion != "us-east-1" || *q.QueueArn != *out.QueueArn {
			t.Errorf("describe: %+v", q)
		}

		// Refusals change nothing.
		for _, tc := range []struct {
			name, want string
			in         *connect.CreateQueueInput
		}{
			{"duplicate name", "DuplicateResourceException", &connect.CreateQueueInput{Name: aws.String("Support"), HoursOfOperationId: &basicHours}},
			{"unknown hours", "ResourceNotFoundException", &connect.CreateQueueInput{Name: aws.String("A"), HoursOfOperationId: aws.String("6f1c3a52-1b1e-4d8f-8a0e-2b4c6d8e0f12")}},
			{"hours of another kind", "ResourceNotFoundException", &connect.CreateQueueInput{Name: aws.String("A"), HoursOfOperationId: out.QueueId}},
			{"outbound flow of another type", "InvalidParameterException", &connect.CreateQueueInput{Name: aws.String("A"), HoursOfOperationId: &basicHours,
				OutboundCallerConfig: &types.OutboundCallerConfig{OutboundFlowId: mustFlow(t, c, inst, "Inbound").ContactFlowId}}},
			{"unknown outbound flow", "ResourceNotFoundException", &connect.CreateQueueInput{Name: aws.String("A"), HoursOfOperationId: &basicHours,
				OutboundCallerConfig: &types.OutboundCallerConfig{OutboundFlowId: aws.String("6f1c3a52-1b1e-4d8f-8a0e-2b4c6d8e0f12")}}},
			{"unknown quick connect", "ResourceNotFoundException", &connect.CreateQueueInput{Name: aws.String("A"), HoursOfOperationId: &basicHours,
				QuickConnectIds: []string{"6f1c3a52-1b1e-4d8f-8a0e-2b4c6d8e0f12"}}},
			{"negative MaxContacts", "InvalidParameterException", &connect.CreateQueueInput{Name: aws.String("A"), HoursOfOperationId: &basicHours, MaxContacts: aws.Int32(-1)}},
			{"name too long", "InvalidParameterException", &connect.CreateQueueInput{Name: aws.String(strings.Repeat("n", 128)), HoursOfOperationId: &basicHours}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				tc.in.InstanceId = &inst
				_, err := c.CreateQueue(ctx, tc.in)
				wantAPIError(t, err, tc.want)
			})
		}
		_, err = c.CreateQueue(ctx, &connect.CreateQueueInput{InstanceId: aws.String("6f1c3a52-1b1e-4d8f-8a0e-2b4c6d8e0f12"), Name: aws.String("A"), HoursOfOperationId: &basicHours})
		wantAPIError(t, err, "ResourceNotFoundException")

		// Each update changes its own members.
		id := out.QueueId
		if _, err := c.UpdateQueueHoursOfOperation(ctx, &connect.UpdateQueueHoursOfOperationInput{InstanceId: &inst, QueueId: id, HoursOfOperationId: office.HoursOfOperationId}); err != nil {
			t.Fatal(err)
		}
		_, err = c.UpdateQueueHoursOfOperation(ctx, &connect.UpdateQueueHoursOfOperationInput{InstanceId: &inst, QueueId: id, HoursOfOperationId: aws.String("6f1c3a52-1b1e-4d8f-8a0e-2b4c6d8e0f12")})
		wantAPIError(t, err, "ResourceNotFoundException")
		if _, err := c.UpdateQueueMaxContacts(ctx, &connect.UpdateQueueMaxContactsInput{InstanceId: &inst, QueueId: id, MaxContacts: aws.Int32(9)}); err != nil {
			t.Fatal(err)
		}
		// Terraform's update sends Name and Description together, an unset description as "".
		if _, err := c.UpdateQueueName(ctx, &connect.UpdateQueueNameInput{InstanceId: &inst, QueueId: id, Name: aws.String("Support 2"), Description: aws.String("")}); err != nil {
			t.Fatal(err)
		}
		_, err = c.UpdateQueueName(ctx, &connect.UpdateQueueNameInput{InstanceId: &inst, QueueId: id, Name: aws.String("BasicQueue")})
		wantAPIError(t, err, "DuplicateResourceException")
		_, err = c.UpdateQueueName(ctx, &connect.UpdateQueueNameInput{InstanceId: &inst, QueueId: id})
		wantAPIError(t, err, "InvalidParameterException")
		_, err = c.UpdateQueueName(ctx, &connect.UpdateQueueNameInput{InstanceId: &inst, QueueId: id, Description: aws.String(strings.Repeat("d", 251))})
		wantAPIError(t, err, "InvalidParameterException")
		if _, err := c.UpdateQueueOutboundCallerConfig(ctx, &connect.UpdateQueueOutboundCallerConfigInput{InstanceId: &inst, QueueId: id,
			OutboundCallerConfig: &types.OutboundCallerConfig{OutboundCallerIdName: aws.String("Acme Support")}}); err != nil {
			t.Fatal(err)
		}
		_, err = c.UpdateQueueOutboundCallerConfig(ctx, &connect.UpdateQueueOutboundCallerConfigInput{InstanceId: &inst, QueueId: id,
			OutboundCallerConfig: &types.OutboundCallerConfig{OutboundFlowId: aws.String("6f1c3a52-1b1e-4d8f-8a0e-2b4c6d8e0f12")}})
		wantAPIError(t, err, "ResourceNotFoundException")
		if _, err := c.UpdateQueueStatus(ctx, &connect.UpdateQueueStatusInput{InstanceId: &inst, QueueId: id, Status: types.QueueStatusDisabled}); err != nil {
			t.Fatal(err)
		}
		_, err = c.UpdateQueueStatus(ctx, &connect.UpdateQueueStatusInput{InstanceId: &inst, QueueId: id, Status: "PAUSED"})
		wantAPIError(t, err, "InvalidParameterException")
		got, _ = c.DescribeQueue(ctx, &connect.DescribeQueueInput{InstanceId: &inst, QueueId: id})
		if q := got.Queue; *q.HoursOfOperationId != *office.HoursOfOperationId || *q.MaxContacts != 9 || *q.Name != "Support 2" || q.Description != nil ||
			*q.OutboundCallerConfig.OutboundCallerIdName != "Acme Support" || q.OutboundCallerConfig.OutboundFlowId != nil ||
			q.OutboundCallerConfig.OutboundCallerIdNumberId != nil || q.Status != types.QueueStatusDisabled {
			t.Errorf("after updates: %+v %+v", q, q.OutboundCallerConfig)
		}
		// MaxContacts left out removes the limit.
		if _, err := c.UpdateQueueMaxContacts(ctx, &connect.UpdateQueueMaxContactsInput{InstanceId: &inst, QueueId: id}); err != nil {
			t.Fatal(err)
		}
		got, _ = c.DescribeQueue(ctx, &connect.DescribeQueueInput{InstanceId: &inst, QueueId: id})
		if got.Queue.MaxContacts != nil {
			t.Errorf("MaxContacts %d after removing the limit", *got.Queue.MaxContacts)
		}
		_, err = c.UpdateQueueStatus(ctx, &connect.UpdateQueueStatusInput{InstanceId: &inst, QueueId: aws.String("6f1c3a52-1b1e-4d8f-8a0e-2b4c6d8e0f12"), Status: types.QueueStatusEnabled})
		wantAPIError(t, err, "ResourceNotFoundException")

		// The hours a queue uses cannot be deleted (InvalidRequestException: DeleteHoursOfOperation's error list
		// lacks ResourceInUseException).
		_, err = c.DeleteHoursOfOperation(ctx, &connect.DeleteHoursOfOperationInput{InstanceId: &inst, HoursOfOperationId: office.HoursOfOperationId})
		wantAPIError(t, err, "InvalidRequestException")

		search, err := c.SearchQueues(ctx, &connect.SearchQueuesInput{InstanceId: &inst, SearchCriteria: &types.QueueSearchCriteria{
			StringCondition: &types.StringCondition{FieldName: aws.String("name"), Value: aws.String("support"), ComparisonType: types.StringComparisonTypeStartsWith}}})
		if err != nil {
			t.Fatal(err)
		}
		if *search.ApproximateTotalCount != 1 || len(search.Queues) != 1 || *search.Queues[0].QueueId != *id || search.Queues[0].Tags["team"] != "support" {
			t.Errorf("search: %+v", search)
		}
		search, err = c.SearchQueues(ctx, &connect.SearchQueuesInput{InstanceId: &inst, SearchFilter: &types.QueueSearchFilter{TagFilter: &types.ControlPlaneTagFilter{
			TagCondition: &types.TagCondition{TagKey: aws.String("team"), TagValue: aws.String("nobody")}}}})
		if err != nil || *search.ApproximateTotalCount != 0 {
			t.Errorf("tag search: %+v %v", search, err)
		}
		_, err = c.SearchQueues(ctx, &connect.SearchQueuesInput{InstanceId: &inst, SearchCriteria: &types.QueueSearchCriteria{
			StringCondition: &types.StringCondition{FieldName: aws.String("colour"), Value: aws.String("x")}}})
		wantAPIError(t, err, "InvalidParameterException")

		page, err := c.ListQueues(ctx, &connect.ListQueuesInput{InstanceId: &inst, MaxResults: aws.Int32(1)})
		if err != nil || len(page.QueueSummaryList) != 1 || page.NextToken == nil {
			t.Fatalf("first page: %+v %v", page, err)
		}
		page, err = c.ListQueues(ctx, &connect.ListQueuesInput{InstanceId: &inst, MaxResults: aws.Int32(1), NextToken: page.NextToken})
		if err != nil || len(page.QueueSummaryList) != 1 || *page.QueueSummaryList[0].Id != *id || page.NextToken != nil {
			t.Fatalf("second page: %+v %v", page, err)
		}
		_, err = c.ListQueues(ctx, &connect.ListQueuesInput{InstanceId: &inst, QueueTypes: []types.QueueType{"OTHER"}})
		wantAPIError(t, err, "InvalidParameterException")

		if _, err := c.DeleteQueue(ctx, &connect.DeleteQueueInput{InstanceId: &inst, QueueId: id}); err != nil {
			t.Fatal(err)
		}
		_, err = c.DescribeQueue(ctx, &connect.DescribeQueueInput{InstanceId: &inst, QueueId: id})
		wantAPIError(t, err, "ResourceNotFoundException")
		_, err = c.DeleteQueue(ctx, &connect.DeleteQueueInput{InstanceId: &inst, QueueId: id})
		wantAPIError(t, err, "ResourceNotFoundException")
		_, err = c.ListTagsForResource(ctx, &connect.ListTagsForResourceInput{ResourceArn: out.QueueArn})
		wantAPIError(t, err, "ResourceNotFoundException")
	})
}

// Every user has an AGENT queue: listed without a name unless QueueTypes leaves AGENT out, described with its
// queue/agent/ ARN, never deleted or changed through the queue operations.
func TestQueue_agentQueues(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		inst := mustInstance(t, c)
		user := putAgent(t, srv, inst)
		agentARN := "arn:aws:connect:us-east-1:123456789012:instance/" + inst + "/queue/agent/" + user

		list, err := c.ListQueues(ctx, &connect.ListQueuesInput{InstanceId: &inst})
		if err != nil || len(list.QueueSummaryList) != 2 {
			t.Fatalf("both types: %+v %v", list, err)
		}
		agent := list.QueueSummaryList[1]
		if *agent.Id != user || agent.Name != nil || agent.QueueType != types.QueueTypeAgent || *agent.Arn != agentARN {
			t.Errorf("agent summary: %+v", agent)
		}
		for typ, want := range map[types.QueueType]string{types.QueueTypeStandard: "BasicQueue", types.QueueTypeAgent: ""} {
			list, err := c.ListQueues(ctx, &connect.ListQueuesInput{InstanceId: &inst, QueueTypes: []types.QueueType{typ}})
			if err != nil || len(list.QueueSummaryList) != 1 || aws.ToString(list.QueueSummaryList[0].Name) != want {
				t.Errorf("QueueTypes %s: %+v %v", typ, list, err)
			}
		}
		for _, ref := range []string{user, agentARN} {
			got, err := c.DescribeQueue(ctx, &connect.DescribeQueueInput{InstanceId: &inst, QueueId: aws.String(ref)})
			if err != nil {
				t.Fatal(err)
			}
			if got.Queue.Name != nil || *got.Queue.QueueArn != agentARN || *got.Queue.QueueId != user {
				t.Errorf("describe by %s: %+v", ref, got.Queue)
			}
		}
		search, err := c.SearchQueues(ctx, &connect.SearchQueuesInput{InstanceId: &inst, SearchCriteria: &types.QueueSearchCriteria{QueueTypeCondition: types.SearchableQueueTypeStandard}})
		if err != nil || *search.ApproximateTotalCount != 1 || *search.Queues[0].Name != "BasicQueue" {
			t.Errorf("search STANDARD: %+v %v", search, err)
		}
		_, err = c.DeleteQueue(ctx, &connect.DeleteQueueInput{InstanceId: &inst, QueueId: &user})
		wantAPIError(t, err, "InvalidRequestException")
		// Its tags go through its own ARN.
		if _, err := c.TagResource(ctx, &connect.TagResourceInput{ResourceArn: &agentARN, Tags: map[string]string{"desk": "3"}}); err != nil {
			t.Fatal(err)
		}
		got, err := c.DescribeQueue(ctx, &connect.DescribeQueueInput{InstanceId: &inst, QueueId: &user})
		if err != nil || got.Queue.Tags["desk"] != "3" {
			t.Errorf("agent queue tags: %+v %v", got, err)
		}
		// Every change is refused on an agent queue, and on a queue that does not exist.
		qc := mustQuickConnect(t, c, phoneQuickConnect(inst, "Outside"))
		hours := mustBasicHours(t, c, inst)
		for _, target := range []struct{ id, want string }{{user, "InvalidRequestException"}, {unknownID, "ResourceNotFoundException"}} {
			id := aws.String(target.id)
			for name, call := range map[string]func() error{
				"UpdateQueueName": func() error {
					_, err := c.UpdateQueueName(ctx, &connect.UpdateQueueNameInput{InstanceId: &inst, QueueId: id, Name: aws.String("Mine")})
					return err
				},
				"UpdateQueueHoursOfOperation": func() error {
					_, err := c.UpdateQueueHoursOfOperation(ctx, &connect.UpdateQueueHoursOfOperationInput{InstanceId: &inst, QueueId: id, HoursOfOperationId: &hours})
					return err
				},
				"UpdateQueueMaxContacts": func() error {
					_, err := c.UpdateQueueMaxContacts(ctx, &connect.UpdateQueueMaxContactsInput{InstanceId: &inst, QueueId: id, MaxContacts: aws.Int32(1)})
					return err
				},
				"UpdateQueueOutboundCallerConfig": func() error {
					_, err := c.UpdateQueueOutboundCallerConfig(ctx, &connect.UpdateQueueOutboundCallerConfigInput{InstanceId: &inst, QueueId: id,
						OutboundCallerConfig: &types.OutboundCallerConfig{OutboundCallerIdName: aws.String("x")}})
					return err
				},
				"UpdateQueueStatus": func() error {
					_, err := c.UpdateQueueStatus(ctx, &connect.UpdateQueueStatusInput{InstanceId: &inst, QueueId: id, Status: types.QueueStatusDisabled})
					return err
				},
				"AssociateQueueQuickConnects": func() error {
					_, err := c.AssociateQueueQuickConnects(ctx, &connect.AssociateQueueQuickConnectsInput{InstanceId: &inst, QueueId: id, QuickConnectIds: []string{qc}})
					return err
				},
				"DisassociateQueueQuickConnects": func() error {
					_, err := c.DisassociateQueueQuickConnects(ctx, &connect.DisassociateQueueQuickConnectsInput{InstanceId: &inst, QueueId: id, QuickConnectIds: []string{qc}})
					return err
				},
			} {
				t.Run(name+" "+target.want, func(t *testing.T) { wantAPIError(t, call(), target.want) })
			}
		}
		if qcs, err := c.ListQueueQuickConnects(ctx, &connect.ListQueueQuickConnectsInput{InstanceId: &inst, QueueId: &user}); err != nil || len(qcs.QuickConnectSummaryList) != 0 {
			t.Errorf("an agent queue's quick connects: %+v %v", qcs, err)
		}
		// A QUEUE quick connect names a standard queue.
		_, err = c.CreateQuickConnect(ctx, &connect.CreateQuickConnectInput{InstanceId: &inst, Name: aws.String("To agent queue"),
			QuickConnectConfig: &types.QuickConnectConfig{QuickConnectType: types.QuickConnectTypeQueue, QueueConfig: &types.QueueQuickConnectConfig{
				QueueId: &user, ContactFlowId: aws.String(mustTypedFlow(t, c, inst, "QT", types.ContactFlowTypeQueueTransfer))}}})
		wantAPIError(t, err, "InvalidParameterException")
	})
}

// A queue's quick connects: associated, listed in pages, disassociated, capped at 50, and dropped when the quick
// connect is deleted; a queue a QUEUE quick connect names cannot be deleted.
func TestQueue_quickConnects(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		inst := mustInstance(t, c)
		basic := basicQueue(t, c, inst)
		var qcs []string
		for i := range 3 {
			qcs = append(qcs, mustQuickConnect(t, c, phoneQuickConnect(inst, fmt.Sprint("qc", i))))
		}
		q, err := c.CreateQueue(ctx, &connect.CreateQueueInput{InstanceId: &inst, Name: aws.String("Q"), HoursOfOperationId: aws.String(
			mustBasicHours(t, c, inst)), QuickConnectIds: qcs[:1]})
		if err != nil {
			t.Fatal(err)
		}
		// Associating one already there changes nothing.
		if _, err := c.AssociateQueueQuickConnects(ctx, &connect.AssociateQueueQuickConnectsInput{InstanceId: &inst, QueueId: q.QueueId, QuickConnectIds: qcs}); err != nil {
			t.Fatal(err)
		}
		_, err = c.AssociateQueueQuickConnects(ctx, &connect.AssociateQueueQuickConnectsInput{InstanceId: &inst, QueueId: q.QueueId,
			QuickConnectIds: []string{"6f1c3a52-1b1e-4d8f-8a0e-2b4c6d8e0f12"}})
		wantAPIError(t, err, "ResourceNotFoundException")
		var seen []string
		var token *string
		for {
			page, err := c.ListQueueQuickConnects(ctx, &connect.ListQueueQuickConnectsInput{InstanceId: &inst, QueueId: q.QueueId, MaxResults: aws.Int32(2), NextToken: token})
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range page.QuickConnectSummaryList {
				seen = append(seen, *s.Id)
				if s.QuickConnectType != types.QuickConnectTypePhoneNumber || s.Name == nil || s.Arn == nil {
					t.Errorf("summary %+v", s)
				}
			}
			if page.LastModifiedTime == nil || *page.LastModifiedRegion != "us-east-1" {
				t.Errorf("page: %+v", page)
			}
			if token = page.NextToken; token == nil {
				break
			}
		}
		if fmt.Sprint(seen) != fmt.Sprint(qcs) {
			t.Errorf("listed %v, want %v", seen, qcs)
		}
		if _, err := c.DisassociateQueueQuickConnects(ctx, &connect.DisassociateQueueQuickConnectsInput{InstanceId: &inst, QueueId: q.QueueId, QuickConnectIds: qcs[1:2]}); err != nil {
			t.Fatal(err)
		}
		if _, err := c.DeleteQuickConnect(ctx, &connect.DeleteQuickConnectInput{InstanceId: &inst, QuickConnectId: &qcs[2]}); err != nil {
			t.Fatal(err)
		}
		list, err := c.ListQueueQuickConnects(ctx, &connect.ListQueueQuickConnectsInput{InstanceId: &inst, QueueId: q.QueueId})
		if err != nil || len(list.QuickConnectSummaryList) != 1 || *list.QuickConnectSummaryList[0].Id != qcs[0] {
			t.Fatalf("after disassociate and delete: %+v %v", list, err)
		}
		_, err = c.ListQueueQuickConnects(ctx, &connect.ListQueueQuickConnectsInput{InstanceId: &inst, QueueId: aws.String("6f1c3a52-1b1e-4d8f-8a0e-2b4c6d8e0f12")})
		wantAPIError(t, err, "ResourceNotFoundException")
		// More than 50 in one request is the model's limit; more than 50 on a queue is the quota.
		many := make([]string, 51)
		for i := range many {
			many[i] = qcs[0]
		}
		_, err = c.AssociateQueueQuickConnects(ctx, &connect.AssociateQueueQuickConnectsInput{InstanceId: &inst, QueueId: q.QueueId, QuickConnectIds: many})
		wantAPIError(t, err, "InvalidParameterException")
		var fifty []string
		for i := range 50 {
			fifty = append(fifty, mustQuickConnect(t, c, phoneQuickConnect(inst, fmt.Sprint("more", i))))
		}
		_, err = c.AssociateQueueQuickConnects(ctx, &connect.AssociateQueueQuickConnectsInput{InstanceId: &inst, QueueId: q.QueueId, QuickConnectIds: fifty})
		wantAPIError(t, err, "LimitExceededException")

		// A QUEUE quick connect holds its queue until it is deleted.
		toQueue := mustQuickConnect(t, c, &connect.CreateQuickConnectInput{InstanceId: &inst, Name: aws.String("to Q"), QuickConnectConfig: &types.QuickConnectConfig{
			QuickConnectType: types.QuickConnectTypeQueue, QueueConfig: &types.QueueQuickConnectConfig{QueueId: q.QueueId,
				ContactFlowId: aws.String(mustTypedFlow(t, c, inst, "QT", types.ContactFlowTypeQueueTransfer))}}})
		_, err = c.DeleteQueue(ctx, &connect.DeleteQueueInput{InstanceId: &inst, QueueId: q.QueueId})
		wantAPIError(t, err, "ResourceInUseException")
		if _, err := c.DeleteQuickConnect(ctx, &connect.DeleteQuickConnectInput{InstanceId: &inst, QuickConnectId: &toQueue}); err != nil {
			t.Fatal(err)
		}
		if _, err := c.DeleteQueue(ctx, &connect.DeleteQueueInput{InstanceId: &inst, QueueId: q.QueueId}); err != nil {
			t.Fatal(err)
		}
		// The quick connects a deleted queue offered are still there.
		if _, err := c.DescribeQuickConnect(ctx, &connect.DescribeQuickConnectInput{InstanceId: &inst, QuickConnectId: &qcs[0]}); err != nil {
			t.Fatal(err)
		}
		if got := basicQueue(t, c, inst); *got.Id != *basic.Id {
			t.Errorf("BasicQueue changed: %+v", got)
		}
	})
}

func mustBasicHours(t *testing.T, c *connect.Client, inst string) string {
	t.Helper()
	hours, err := c.ListHoursOfOperations(ctx, &connect.ListHoursOfOperationsInput{InstanceId: &inst})
	if err != nil {
		t.Fatal(err)
	}
	return *hours.HoursOfOperationSummaryList[0].Id
}
