package cloudcontrol_test

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudcontrol"
	cctypes "github.com/aws/aws-sdk-go-v2/service/cloudcontrol/types"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"

	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/internal/connecttest"
	"github.com/connectlocal/connectlocal/memory"
)

const (
	rtHoursType   = "AWS::Connect::HoursOfOperation"
	rtQueueType   = "AWS::Connect::Queue"
	rtQCType      = "AWS::Connect::QuickConnect"
	rtProfileType = "AWS::Connect::RoutingProfile"
)

func rtDay(d string, from, to int) map[string]any {
	return map[string]any{"Day": d, "StartTime": map[string]any{"Hours": from, "Minutes": 0}, "EndTime": map[string]any{"Hours": to, "Minutes": 30}}
}

func rtHours(t *testing.T, cc *cloudcontrol.Client, instance, name string) string {
	t.Helper()
	return *create(t, cc, rtHoursType, map[string]any{"InstanceArn": instance, "Name": name, "TimeZone": "Europe/Paris",
		"Config": []any{rtDay("MONDAY", 9, 17)}}).Identifier
}

func rtQueue(t *testing.T, cc *cloudcontrol.Client, instance, hours, name string) string {
	t.Helper()
	return *create(t, cc, rtQueueType, map[string]any{"InstanceArn": instance, "Name": name, "HoursOfOperationArn": hours}).Identifier
}

func rtFlow(t *testing.T, cc *cloudcontrol.Client, instance, name, typ string) string {
	t.Helper()
	return *create(t, cc, "AWS::Connect::ContactFlow", map[string]any{"InstanceArn": instance, "Name": name, "Type": typ,
		"Content": flowContent}).Identifier
}

// listed runs ListResources of a type in an instance and returns the identifiers, sorted.
func rtListed(t *testing.T, cc *cloudcontrol.Client, typeName, instance string) []string {
	t.Helper()
	out, err := cc.ListResources(context.Background(), &cloudcontrol.ListResourcesInput{TypeName: aws.String(typeName),
		ResourceModel: js(t, map[string]any{"InstanceArn": instance})})
	if err != nil {
		t.Fatalf("ListResources %s: %v", typeName, err)
	}
	var ids []string
	for _, d := range out.ResourceDescriptions {
		var m map[string]any
		if err := json.Unmarshal([]byte(aws.ToString(d.Properties)), &m); err != nil || m["InstanceArn"] != instance || m["Name"] == nil {
			t.Fatalf("listed properties %s: %v", aws.ToString(d.Properties), err)
		}
		ids = append(ids, aws.ToString(d.Identifier))
	}
	sort.Strings(ids)
	return ids
}

func rtIDs(arn string) (inst, id *string) {
	rn, _ := connectlocal.ParseARN(arn)
	return aws.String(rn.InstanceID), aws.String(rn.ID)
}

func TestHoursOfOperation_lifecycle(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		ctx := context.Background()
		cc := srv.CloudControl()
		instance, _ := stack(t, cc)
		parent := rtHours(t, cc, instance, "Parent")
		ev := create(t, cc, rtHoursType, map[string]any{"InstanceArn": instance, "Name": "Office", "Description": "desk hours",
			"TimeZone": "America/New_York", "Config": []any{rtDay("MONDAY", 9, 17), rtDay("TUESDAY", 8, 16)},
			"HoursOfOperationOverrides": []any{}, // asks for nothing, so it is no refusal
			"ParentHoursOfOperations":   []any{map[string]any{"Id": parent}},
			"Tags":                      []any{map[string]any{"Key": "team", "Value": "ops"}}})
		arn := *ev.Identifier
		if !strings.Contains(arn, "/operating-hours/") || ev.ResourceModel == nil {
			t.Fatalf("create: %+v", ev)
		}
		got := props(t, cc, rtHoursType, arn)
		pid := parent[strings.LastIndex(parent, "/")+1:]
		if got["HoursOfOperationArn"] != arn || got["InstanceArn"] != instance || got["Name"] != "Office" || got["Description"] != "desk hours" ||
			got["TimeZone"] != "America/New_York" || len(got["Config"].([]any)) != 2 ||
			fmt.Sprint(got["ParentHoursOfOperations"]) != fmt.Sprint([]any{map[string]any{"Id": pid, "Name": "Parent"}}) ||
			fmt.Sprint(got["Tags"]) != "[map[Key:team Value:ops]]" {
			t.Fatalf("GetResource %v", got)
		}
		if c := got["Config"].([]any)[0].(map[string]any); c["Day"] != "MONDAY" || fmt.Sprint(c["EndTime"]) != "map[Hours:17 Minutes:30]" {
			t.Fatalf("Config %v", got["Config"])
		}

		update(t, cc, rtHoursType, arn, []any{
			map[string]any{"op": "replace", "path": "/Name", "value": "Office 2"},
			map[string]any{"op": "remove", "path": "/Description"},
			map[string]any{"op": "replace", "path": "/TimeZone", "value": "Asia/Tokyo"},
			map[string]any{"op": "replace", "path": "/Config", "value": []any{rtDay("FRIDAY", 10, 12)}},
			map[string]any{"op": "replace", "path": "/Tags", "value": []any{map[string]any{"Key": "owner", "Value": "kim"}}},
		})
		inst, id := rtIDs(arn)
		d, err := srv.Client.DescribeHoursOfOperation(ctx, &connect.DescribeHoursOfOperationInput{InstanceId: inst, HoursOfOperationId: id})
		if err != nil {
			t.Fatal(err)
		}
		h := d.HoursOfOperation
		if aws.ToString(h.Name) != "Office 2" || h.Description != nil && *h.Description != "" || aws.ToString(h.TimeZone) != "Asia/Tokyo" ||
			len(h.Config) != 1 || h.Config[0].Day != "FRIDAY" || h.Tags["owner"] != "kim" || h.Tags["team"] != "" {
			t.Fatalf("Connect DescribeHoursOfOperation after patch: %+v", h)
		}
		if l := rtListed(t, cc, rtHoursType, instance); !slices.Contains(l, arn) || !slices.Contains(l, parent) || len(l) != 3 { // and Basic Hours
			t.Fatalf("ListResources %v", l)
		}
		remove(t, cc, rtHoursType, arn)
	})
}

func TestQueue_lifecycle(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		ctx := context.Background()
		cc := srv.CloudControl()
		instance, _ := stack(t, cc)
		hours, hours2 := rtHours(t, cc, instance, "Day"), rtHours(t, cc, instance, "Night")
		whisper := rtFlow(t, cc, instance, "Whisper", "OUTBOUND_WHISPER")
		phone := func(name, number string) string {
			return *create(t, cc, rtQCType, map[string]any{"InstanceArn": instance, "Name": name,
				"QuickConnectConfig": map[string]any{"QuickConnectType": "PHONE_NUMBER", "PhoneConfig": map[string]any{"PhoneNumber": number}}}).Identifier
		}
		qc1, qc2 := phone("Desk", "+15550100"), phone("Boss", "+15550101")
		ev := create(t, cc, rtQueueType, map[string]any{"InstanceArn": instance, "Name": "Support", "HoursOfOperationArn": hours,
			"MaxContacts": 5, "Status": "DISABLED", "QuickConnectArns": []any{qc1},
			"OutboundCallerConfig": map[string]any{"OutboundCallerIdName": "Acme", "OutboundFlowArn": whisper},
			"Tags":                 []any{map[string]any{"Key": "team", "Value": "ops"}}})
		arn := *ev.Identifier
		got := props(t, cc, rtQueueType, arn)
		if got["QueueArn"] != arn || got["InstanceArn"] != instance || got["Name"] != "Support" || got["HoursOfOperationArn"] != hours ||
			got["MaxContacts"] != float64(5) || got["Status"] != "DISABLED" || got["Type"] != "STANDARD" ||
			fmt.Sprint(got["QuickConnectArns"]) != fmt.Sprint([]any{qc1}) ||
			fmt.Sprint(got["OutboundCallerConfig"]) != fmt.Sprint(map[string]any{"OutboundCallerIdName": "Acme", "OutboundFlowArn": whisper}) ||
			fmt.Sprint(got["Tags"]) != "[map[Key:team Value:ops]]" {
			t.Fatalf("GetResource %v", got)
		}

		update(t, cc, rtQueueType, arn, []any{
			map[string]any{"op": "replace", "path": "/Name", "value": "Support 2"},
			map[string]any{"op": "add", "path": "/Description", "value": "second line"},
			map[string]any{"op": "replace", "path": "/HoursOfOperationArn", "value": hours2},
			map[string]any{"op": "replace", "path": "/MaxContacts", "value": 9},
			map[string]any{"op": "remove", "path": "/OutboundCallerConfig"},
			map[string]any{"op": "replace", "path": "/Status", "value": "ENABLED"},
			map[string]any{"op": "replace", "path": "/QuickConnectArns", "value": []any{qc2}},
			map[string]any{"op": "remove", "path": "/Tags"},
		})
		inst, id := rtIDs(arn)
		d, err := srv.Client.DescribeQueue(ctx, &connect.DescribeQueueInput{InstanceId: inst, QueueId: id})
		if err != nil {
			t.Fatal(err)
		}
		q := d.Queue
		_, hid := rtIDs(hours2)
		if aws.ToString(q.Name) != "Support 2" || aws.ToString(q.Description) != "second line" || aws.ToString(q.HoursOfOperationId) != *hid ||
			aws.ToInt32(q.MaxContacts) != 9 || q.Status != "ENABLED" || len(q.Tags) != 0 ||
			q.OutboundCallerConfig != nil && (q.OutboundCallerConfig.OutboundFlowId != nil || q.OutboundCallerConfig.OutboundCallerIdName != nil) {
			t.Fatalf("Connect DescribeQueue after patch: %+v", q)
		}
		l, err := srv.Client.ListQueueQuickConnects(ctx, &connect.ListQueueQuickConnectsInput{InstanceId: inst, QueueId: id})
		if err != nil || len(l.QuickConnectSummaryList) != 1 || aws.ToString(l.QuickConnectSummaryList[0].Arn) != qc2 {
			t.Fatalf("ListQueueQuickConnects after patch: %v %+v", err, l)
		}
		// Removing MaxContacts removes the limit.
		update(t, cc, rtQueueType, arn, []any{map[string]any{"op": "remove", "path": "/MaxContacts"}})
		if got := props(t, cc, rtQueueType, arn); got["MaxContacts"] != nil {
			t.Fatalf("MaxContacts after remove: %v", got)
		}

		// STANDARD queues only: BasicQueue and this one, no agent queue.
		if l := rtListed(t, cc, rtQueueType, instance); len(l) != 2 || !slices.Contains(l, arn) {
			t.Fatalf("ListResources %v", l)
		}
		remove(t, cc, rtQueueType, arn)
		remove(t, cc, rtHoursType, hours2) // no queue holds it any more
	})
}

func TestQuickConnect_lifecycle(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		ctx := context.Background()
		cc := srv.CloudControl()
		instance, _ := stack(t, cc)
		hours := rtHours(t, cc, instance, "Day")
		queue := rtQueue(t, cc, instance, hours, "Sales")
		transfer := rtFlow(t, cc, instance, "To queue", "QUEUE_TRANSFER")
		ev := create(t, cc, rtQCType, map[string]any{"InstanceArn": instance, "Name": "Sales line", "Description": "to sales",
			"QuickConnectConfig": map[string]any{"QuickConnectType": "QUEUE", "QueueConfig": map[string]any{"QueueArn": queue, "ContactFlowArn": transfer}},
			"Tags":               []any{map[string]any{"Key": "team", "Value": "ops"}}})
		arn := *ev.Identifier
		got := props(t, cc, rtQCType, arn)
		want := map[string]any{"QuickConnectType": "QUEUE", "QueueConfig": map[string]any{"QueueArn": queue, "ContactFlowArn": transfer}}
		if got["QuickConnectArn"] != arn || got["InstanceArn"] != instance || got["Name"] != "Sales line" || got["Description"] != "to sales" ||
			got["QuickConnectType"] != "QUEUE" || fmt.Sprint(got["QuickConnectConfig"]) != fmt.Sprint(want) {
			t.Fatalf("GetResource %v", got)
		}
		update(t, cc, rtQCType, arn, []any{
			map[string]any{"op": "replace", "path": "/Name", "value": "Hotline"},
			map[string]any{"op": "remove", "path": "/Description"},
			map[string]any{"op": "replace", "path": "/QuickConnectConfig", "value": map[string]any{"QuickConnectType": "PHONE_NUMBER",
				"PhoneConfig": map[string]any{"PhoneNumber": "+442071234567"}}},
			map[string]any{"op": "add", "path": "/Tags/-", "value": map[string]any{"Key": "tier", "Value": "1"}},
		})
		inst, id := rtIDs(arn)
		d, err := srv.Client.DescribeQuickConnect(ctx, &connect.DescribeQuickConnectInput{InstanceId: inst, QuickConnectId: id})
		if err != nil {
			t.Fatal(err)
		}
		q := d.QuickConnect
		if aws.ToString(q.Name) != "Hotline" || aws.ToString(q.Description) != "" || q.QuickConnectConfig.QuickConnectType != "PHONE_NUMBER" ||
			aws.ToString(q.QuickConnectConfig.PhoneConfig.PhoneNumber) != "+442071234567" || q.Tags["tier"] != "1" || q.Tags["team"] != "ops" {
			t.Fatalf("Connect DescribeQuickConnect after patch: %+v", q)
		}
		if got := props(t, cc, rtQCType, arn); got["QuickConnectType"] != "PHONE_NUMBER" {
			t.Fatalf("read-only QuickConnectType follows the config: %v", got)
		}
		if l := rtListed(t, cc, rtQCType, instance); len(l) != 1 || l[0] != arn {
			t.Fatalf("ListResources %v", l)
		}
		remove(t, cc, rtQCType, arn)
	})
}

func TestRoutingProfile_lifecycle(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		ctx := context.Background()
		cc := srv.CloudControl()
		instance, _ := stack(t, cc)
		hours := rtHours(t, cc, instance, "Day")
		var queues []string
		for i := range 6 {
			queues = append(queues, rtQueue(t, cc, instance, hours, fmt.Sprintf("Q%d", i)))
		}
		config := func(q, channel string, priority, delay int) map[string]any {
			return map[string]any{"Priority": priority, "Delay": delay, "QueueReference": map[string]any{"QueueArn": q, "Channel": channel}}
		}
		// 12 queue configs: more than one CreateRoutingProfile takes (10), so the rest are associated after.
		var configs []any
		for i, q := range queues {
			configs = append(configs, config(q, "VOICE", i+1, 0), config(q, "CHAT", i+1, 5))
		}
		ev := create(t, cc, rtProfileType, map[string]any{"InstanceArn": instance, "Name": "Agents", "Description": "all agents",
			"DefaultOutboundQueueArn": queues[0], "AgentAvailabilityTimer": "TIME_SINCE_LAST_INBOUND",
			"MediaConcurrencies": []any{map[string]any{"Channel": "VOICE", "Concurrency": 1}, map[string]any{"Channel": "CHAT", "Concurrency": 2}},
			"QueueConfigs":       configs, "Tags": []any{map[string]any{"Key": "team", "Value": "ops"}}})
		arn := *ev.Identifier
		got := props(t, cc, rtProfileType, arn)
		if got["RoutingProfileArn"] != arn || got["InstanceArn"] != instance || got["Name"] != "Agents" || got["Description"] != "all agents" ||
			got["DefaultOutboundQueueArn"] != queues[0] || got["AgentAvailabilityTimer"] != "TIME_SINCE_LAST_INBOUND" ||
			len(got["MediaConcurrencies"].([]any)) != 2 || len(got["QueueConfigs"].([]any)) != 12 {
			t.Fatalf("GetResource %v", got)
		}
		if !slices.ContainsFunc(got["QueueConfigs"].([]any), func(c any) bool {
			return fmt.Sprint(c) == fmt.Sprint(config(queues[5], "CHAT", 6, 5))
		}) {
			t.Fatalf("QueueConfigs %v", got["QueueConfigs"])
		}

		// Keep Q0..Q3 on VOICE (Q1 with a new priority), drop every CHAT and Q4, Q5; add Q5 on TASK.
		next := []any{config(queues[0], "VOICE", 1, 0), config(queues[1], "VOICE", 50, 10), config(queues[2], "VOICE", 3, 0),
			config(queues[3], "VOICE", 4, 0), config(queues[5], "TASK", 7, 1)}
		update(t, cc, rtProfileType, arn, []any{
			map[string]any{"op": "replace", "path": "/Name", "value": "Agents 2"},
			map[string]any{"op": "replace", "path": "/Description", "value": "some agents"},
			map[string]any{"op": "replace", "path": "/MediaConcurrencies", "value": []any{map[string]any{"Channel": "VOICE", "Concurrency": 1},
				map[string]any{"Channel": "TASK", "Concurrency": 3}}},
			map[string]any{"op": "replace", "path": "/DefaultOutboundQueueArn", "value": queues[1]},
			map[string]any{"op": "replace", "path": "/QueueConfigs", "value": next},
			map[string]any{"op": "remove", "path": "/Tags"},
		})
		inst, id := rtIDs(arn)
		d, err := srv.Client.DescribeRoutingProfile(ctx, &connect.DescribeRoutingProfileInput{InstanceId: inst, RoutingProfileId: id})
		if err != nil {
			t.Fatal(err)
		}
		rp := d.RoutingProfile
		_, q1 := rtIDs(queues[1])
		if aws.ToString(rp.Name) != "Agents 2" || aws.ToString(rp.Description) != "some agents" || aws.ToString(rp.DefaultOutboundQueueId) != *q1 ||
			len(rp.MediaConcurrencies) != 2 || rp.MediaConcurrencies[1].Channel != "TASK" || aws.ToInt32(rp.MediaConcurrencies[1].Concurrency) != 3 ||
			len(rp.Tags) != 0 {
			t.Fatalf("Connect DescribeRoutingProfile after patch: %+v", rp)
		}
		var pairs []string
		p := connect.NewListRoutingProfileQueuesPaginator(srv.Client, &connect.ListRoutingProfileQueuesInput{InstanceId: inst, RoutingProfileId: id})
		for p.HasMorePages() {
			page, err := p.NextPage(ctx)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range page.RoutingProfileQueueConfigSummaryList {
				pairs = append(pairs, fmt.Sprintf("%s %s %d %d", aws.ToString(s.QueueName), s.Channel, aws.ToInt32(s.Priority), s.Delay))
			}
		}
		sort.Strings(pairs)
		if want := []string{"Q0 VOICE 1 0", "Q1 VOICE 50 10", "Q2 VOICE 3 0", "Q3 VOICE 4 0", "Q5 TASK 7 1"}; !slices.Equal(pairs, want) {
			t.Fatalf("queues after patch %v, want %v", pairs, want)
		}
		if l := rtListed(t, cc, rtProfileType, instance); len(l) != 2 || !slices.Contains(l, arn) { // and Basic Routing Profile
			t.Fatalf("ListResources %v", l)
		}
		remove(t, cc, rtProfileType, arn)
	})
}

// TestRouting_refusals: what Cloud Control refuses at once (the schema, read-only properties, a list without
// its instance) and what fails the request (references to nothing, properties connectlocal does not serve, a
// new instance), changing nothing.
func TestRouting_refusals(t *testing.T) {
	srv := connecttest.Start(t, memory.New())
	cc := srv.CloudControl()
	ctx := context.Background()
	instance, _ := stack(t, cc)
	other := *create(t, cc, "AWS::Connect::Instance", map[string]any{"IdentityManagementType": "CONNECT_MANAGED",
		"InstanceAlias": "cc-other-routing", "Attributes": map[string]any{"InboundCalls": true, "OutboundCalls": false}}).Identifier
	hours := rtHours(t, cc, instance, "Day")
	queue := rtQueue(t, cc, instance, hours, "Sales")
	missingHours := instance + "/operating-hours/00000000-0000-0000-0000-000000000000"
	missingQueue := instance + "/queue/00000000-0000-0000-0000-000000000000"
	voice := []any{map[string]any{"Channel": "VOICE", "Concurrency": 1}}

	refused := []struct {
		name, typ   string
		desired     map[string]any
		code, words string
	}{
		{"unknown property", rtQueueType, map[string]any{"InstanceArn": instance, "Name": "x", "HoursOfOperationArn": hours, "Colour": "red"},
			"ValidationException", "#: extraneous key [Colour] is not permitted"},
		{"missing required", rtQueueType, map[string]any{"InstanceArn": instance, "Name": "x"},
			"ValidationException", "#: required key [HoursOfOperationArn] not found"},
		{"hour out of range", rtHoursType, map[string]any{"InstanceArn": instance, "Name": "x", "TimeZone": "UTC", "Config": []any{rtDay("MONDAY", 9, 24)}},
			"ValidationException", "#/Config/0/EndTime/Hours: 24 is not less or equal to 23"},
		{"empty queue configs", rtProfileType, map[string]any{"InstanceArn": instance, "Name": "x", "Description": "d", "MediaConcurrencies": voice,
			"DefaultOutboundQueueArn": queue, "QueueConfigs": []any{}}, "ValidationException", "#/QueueConfigs: expected minimum item count: 1, found: 0"},
		{"concurrency not an integer", rtProfileType, map[string]any{"InstanceArn": instance, "Name": "x", "Description": "d",
			"MediaConcurrencies": []any{map[string]any{"Channel": "CHAT", "Concurrency": 1.5}}, "DefaultOutboundQueueArn": queue},
			"ValidationException", "#/MediaConcurrencies/0/Concurrency: expected type: Integer, found: Number"},
		{"quick connect type outside the schema", rtQCType, map[string]any{"InstanceArn": instance, "Name": "x",
			"QuickConnectConfig": map[string]any{"QuickConnectType": "FLOW"}}, "ValidationException", "FLOW is not a valid enum value"},
		{"hours ARN of the wrong kind", rtQueueType, map[string]any{"InstanceArn": instance, "Name": "x", "HoursOfOperationArn": queue},
			"ValidationException", "#/HoursOfOperationArn: string [" + queue + "] does not match pattern"},
	}
	for _, tc := range refused {
		t.Run(tc.name, func(t *testing.T) {
			_, err := cc.CreateResource(ctx, &cloudcontrol.CreateResourceInput{TypeName: aws.String(tc.typ), DesiredState: js(t, tc.desired)})
			if apiCode(err) != tc.code || !strings.Contains(err.Error(), tc.words) {
				t.Fatalf("got %v, want %s with %q", err, tc.code, tc.words)
			}
		})
	}

	failed := []struct {
		name, typ string
		desired   map[string]any
		code      cctypes.HandlerErrorCode
		words     string
	}{
		{"queue on hours that do not exist", rtQueueType, map[string]any{"InstanceArn": instance, "Name": "x", "HoursOfOperationArn": missingHours},
			cctypes.HandlerErrorCodeNotFound, "not found"},
		{"profile on a queue that does not exist", rtProfileType, map[string]any{"InstanceArn": instance, "Name": "x", "Description": "d",
			"MediaConcurrencies": voice, "DefaultOutboundQueueArn": missingQueue}, cctypes.HandlerErrorCodeNotFound, "not found"},
		{"quick connect to a queue that does not exist", rtQCType, map[string]any{"InstanceArn": instance, "Name": "x",
			"QuickConnectConfig": map[string]any{"QuickConnectType": "QUEUE", "QueueConfig": map[string]any{"QueueArn": missingQueue,
				"ContactFlowArn": instance + "/contact-flow/00000000-0000-0000-0000-000000000000"}}}, cctypes.HandlerErrorCodeNotFound, "not found"},
		{"a name taken", rtQueueType, map[string]any{"InstanceArn": instance, "Name": "Sales", "HoursOfOperationArn": hours},
			cctypes.HandlerErrorCodeAlreadyExists, "Sales"},
		{"hours overrides", rtHoursType, map[string]any{"InstanceArn": instance, "Name": "x", "TimeZone": "UTC", "Config": []any{},
			"HoursOfOperationOverrides": []any{map[string]any{"OverrideName": "Xmas", "EffectiveFrom": "2026-12-25", "EffectiveTill": "2026-12-26",
				"OverrideConfig": []any{}}}}, cctypes.HandlerErrorCodeInvalidRequest, "HoursOfOperationOverrides"},
		{"manual assignment queues", rtProfileType, map[string]any{"InstanceArn": instance, "Name": "x", "Description": "d",
			"MediaConcurrencies": voice, "DefaultOutboundQueueArn": queue, "ManualAssignmentQueueConfigs": []any{map[string]any{
				"QueueReference": map[string]any{"QueueArn": queue, "Channel": "CHAT"}}}}, cctypes.HandlerErrorCodeInvalidRequest, "ManualAssignmentQueueConfigs"},
	}
	for _, tc := range failed {
		t.Run(tc.name, func(t *testing.T) {
			out, err := cc.CreateResource(ctx, &cloudcontrol.CreateResourceInput{TypeName: aws.String(tc.typ), DesiredState: js(t, tc.desired)})
			if err != nil {
				t.Fatal(err)
			}
			ev := status(t, cc, out.ProgressEvent.RequestToken)
			if ev.OperationStatus != cctypes.OperationStatusFailed || ev.ErrorCode != tc.code || !strings.Contains(aws.ToString(ev.StatusMessage), tc.words) {
				t.Fatalf("got %+v %s, want FAILED %s with %q", ev, aws.ToString(ev.StatusMessage), tc.code, tc.words)
			}
		})
	}
	// Nothing named "x" was made by the failed requests.
	for _, typ := range []string{rtQueueType, rtHoursType, rtProfileType, rtQCType} {
		out, err := cc.ListResources(ctx, &cloudcontrol.ListResourcesInput{TypeName: aws.String(typ), ResourceModel: js(t, map[string]any{"InstanceArn": instance})})
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range out.ResourceDescriptions {
			if strings.Contains(aws.ToString(d.Properties), `"Name":"x"`) {
				t.Fatalf("a failed create left %s", aws.ToString(d.Properties))
			}
		}
	}

	patchFails := func(t *testing.T, typ, id string, patch []any, code cctypes.HandlerErrorCode, words string) {
		t.Helper()
		before := props(t, cc, typ, id)
		out, err := cc.UpdateResource(ctx, &cloudcontrol.UpdateResourceInput{TypeName: aws.String(typ), Identifier: aws.String(id), PatchDocument: js(t, patch)})
		if err != nil {
			t.Fatal(err)
		}
		ev := status(t, cc, out.ProgressEvent.RequestToken)
		if ev.OperationStatus != cctypes.OperationStatusFailed || ev.ErrorCode != code || !strings.Contains(aws.ToString(ev.StatusMessage), words) {
			t.Fatalf("got %+v %s, want FAILED %s with %q", ev, aws.ToString(ev.StatusMessage), code, words)
		}
		if after := props(t, cc, typ, id); fmt.Sprint(after) != fmt.Sprint(before) {
			t.Fatalf("a failed patch changed %v into %v", before, after)
		}
	}
	t.Run("move to another instance", func(t *testing.T) {
		for _, x := range []struct{ typ, id string }{{rtHoursType, hours}, {rtQueueType, queue}} {
			patchFails(t, x.typ, x.id, []any{map[string]any{"op": "replace", "path": "/InstanceArn", "value": other}},
				cctypes.HandlerErrorCodeInvalidRequest, "InstanceArn cannot be updated.")
		}
	})
	t.Run("properties without an update operation", func(t *testing.T) {
		patchFails(t, rtHoursType, hours, []any{map[string]any{"op": "add", "path": "/ParentHoursOfOperations", "value": []any{map[string]any{"Id": hours}}}},
			cctypes.HandlerErrorCodeInvalidRequest, "AssociateHoursOfOperations")
		patchFails(t, rtQueueType, queue, []any{map[string]any{"op": "add", "path": "/OutboundEmailConfig", "value": map[string]any{
			"OutboundEmailAddressId": instance + "/email-address/e"}}}, cctypes.HandlerErrorCodeInvalidRequest, "UpdateQueueOutboundEmailConfig")
	})
	t.Run("queue onto hours that do not exist", func(t *testing.T) {
		patchFails(t, rtQueueType, queue, []any{map[string]any{"op": "replace", "path": "/HoursOfOperationArn", "value": missingHours}},
			cctypes.HandlerErrorCodeNotFound, "not found")
	})
	t.Run("agent availability timer", func(t *testing.T) {
		rp := *create(t, cc, rtProfileType, map[string]any{"InstanceArn": instance, "Name": "RP", "Description": "d", "MediaConcurrencies": voice,
			"DefaultOutboundQueueArn": queue}).Identifier
		patchFails(t, rtProfileType, rp, []any{map[string]any{"op": "replace", "path": "/AgentAvailabilityTimer", "value": "TIME_SINCE_LAST_INBOUND"}},
			cctypes.HandlerErrorCodeInvalidRequest, "UpdateRoutingProfileAgentAvailabilityTimer")
	})
	t.Run("hours in use", func(t *testing.T) {
		out, err := cc.DeleteResource(ctx, &cloudcontrol.DeleteResourceInput{TypeName: aws.String(rtHoursType), Identifier: aws.String(hours)})
		if err != nil {
			t.Fatal(err)
		}
		if ev := status(t, cc, out.ProgressEvent.RequestToken); ev.OperationStatus != cctypes.OperationStatusFailed || ev.ErrorCode != cctypes.HandlerErrorCodeInvalidRequest {
			t.Fatalf("delete of hours a queue uses: %+v", ev)
		}
		props(t, cc, rtHoursType, hours) // still there
	})
	t.Run("read-only QuickConnectType", func(t *testing.T) {
		qc := *create(t, cc, rtQCType, map[string]any{"InstanceArn": instance, "Name": "QC",
			"QuickConnectConfig": map[string]any{"QuickConnectType": "PHONE_NUMBER", "PhoneConfig": map[string]any{"PhoneNumber": "+15550100"}}}).Identifier
		_, err := cc.UpdateResource(ctx, &cloudcontrol.UpdateResourceInput{TypeName: aws.String(rtQCType), Identifier: aws.String(qc),
			PatchDocument: js(t, []any{map[string]any{"op": "replace", "path": "/QuickConnectType", "value": "USER"}})})
		if apiCode(err) != "ValidationException" || !strings.Contains(err.Error(), "readOnlyProperties [/properties/QuickConnectType]") {
			t.Fatalf("got %v", err)
		}
	})
	t.Run("list without the instance", func(t *testing.T) {
		_, err := cc.ListResources(ctx, &cloudcontrol.ListResourcesInput{TypeName: aws.String(rtQueueType)})
		if apiCode(err) != "InvalidRequestException" || !strings.Contains(err.Error(), "InstanceArn") {
			t.Fatalf("got %v", err)
		}
	})
	t.Run("get of another kind's ARN", func(t *testing.T) {
		_, err := cc.GetResource(ctx, &cloudcontrol.GetResourceInput{TypeName: aws.String(rtHoursType), Identifier: aws.String(queue)})
		if apiCode(err) != "ResourceNotFoundException" {
			t.Fatalf("got %v", err)
		}
	})
}

// TestQuickConnect_user: a USER quick connect names its agent by ARN, and the agent's own queue reads as an
// AGENT queue but is not listed (it comes and goes with its user).
func TestQuickConnect_user(t *testing.T) {
	srv := connecttest.Start(t, memory.New())
	cc := srv.CloudControl()
	ctx := context.Background()
	instance, _ := stack(t, cc)
	inst, _ := rtIDs(instance + "/agent/x")
	rps, err := srv.Client.ListRoutingProfiles(ctx, &connect.ListRoutingProfilesInput{InstanceId: inst})
	if err != nil || len(rps.RoutingProfileSummaryList) == 0 {
		t.Fatal(err)
	}
	sps, err := srv.Client.ListSecurityProfiles(ctx, &connect.ListSecurityProfilesInput{InstanceId: inst})
	if err != nil || len(sps.SecurityProfileSummaryList) == 0 {
		t.Fatal(err)
	}
	u, err := srv.Client.CreateUser(ctx, &connect.CreateUserInput{InstanceId: inst, Username: aws.String("kim"), Password: aws.String("Password123"),
		RoutingProfileId: rps.RoutingProfileSummaryList[0].Id, SecurityProfileIds: []string{*sps.SecurityProfileSummaryList[0].Id},
		PhoneConfig: &types.UserPhoneConfig{PhoneType: types.PhoneTypeSoftPhone}})
	if err != nil {
		t.Fatal(err)
	}
	transfer := rtFlow(t, cc, instance, "To agent", "AGENT_TRANSFER")
	qc := *create(t, cc, rtQCType, map[string]any{"InstanceArn": instance, "Name": "Kim",
		"QuickConnectConfig": map[string]any{"QuickConnectType": "USER", "UserConfig": map[string]any{"UserArn": *u.UserArn, "ContactFlowArn": transfer}}}).Identifier
	got := props(t, cc, rtQCType, qc)
	if want := map[string]any{"QuickConnectType": "USER", "UserConfig": map[string]any{"UserArn": *u.UserArn, "ContactFlowArn": transfer}}; fmt.Sprint(got["QuickConnectConfig"]) != fmt.Sprint(want) {
		t.Fatalf("QuickConnectConfig %v", got["QuickConnectConfig"])
	}
	agentQueue := instance + "/queue/agent/" + *u.UserId
	if got := props(t, cc, rtQueueType, agentQueue); got["Type"] != "AGENT" || got["Name"] != nil {
		t.Fatalf("agent queue %v", got)
	}
	if l := rtListed(t, cc, rtQueueType, instance); len(l) != 1 { // BasicQueue only
		t.Fatalf("ListResources %v", l)
	}
}

// TestRouting_defaults: the objects every instance starts with read through Cloud Control within their
// schemas, so a patch of them passes the schema check and is applied.
func TestRouting_defaults(t *testing.T) {
	srv := connecttest.Start(t, memory.New())
	cc := srv.CloudControl()
	instance, _ := stack(t, cc)
	for typ, patch := range map[string][]any{
		rtHoursType:   {map[string]any{"op": "add", "path": "/Description", "value": "patched"}},
		rtQueueType:   {map[string]any{"op": "add", "path": "/Description", "value": "patched"}},
		rtProfileType: {map[string]any{"op": "add", "path": "/Description", "value": "patched"}},
	} {
		l := rtListed(t, cc, typ, instance)
		if len(l) != 1 {
			t.Fatalf("%s: %v", typ, l)
		}
		update(t, cc, typ, l[0], patch)
		if got := props(t, cc, typ, l[0]); got["Description"] != "patched" {
			t.Fatalf("%s after patch: %v", typ, got)
		}
	}
}
