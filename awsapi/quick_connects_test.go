package awsapi_test

import (
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/connectlocal/connectlocal/internal/connecttest"
)

const unknownID = "6f1c3a52-1b1e-4d8f-8a0e-2b4c6d8e0f12"

// Quick connects of every type: created with ids that must exist in the instance and flows of the documented
// type, described with their own block only, renamed, reconfigured, listed by type, searched, deleted.
func TestQuickConnect(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		inst := mustInstance(t, c)
		user := putAgent(t, srv, inst)
		basic := *basicQueue(t, c, inst).Id
		agentFlow := mustTypedFlow(t, c, inst, "Agent transfer", types.ContactFlowTypeAgentTransfer)
		queueFlow := mustTypedFlow(t, c, inst, "Queue transfer", types.ContactFlowTypeQueueTransfer)
		inbound := *mustFlow(t, c, inst, "Inbound").ContactFlowId

		userCfg := &types.QuickConnectConfig{QuickConnectType: types.QuickConnectTypeUser,
			UserConfig: &types.UserQuickConnectConfig{UserId: &user, ContactFlowId: &agentFlow}}
		out, err := c.CreateQuickConnect(ctx, &connect.CreateQuickConnectInput{InstanceId: &inst, Name: aws.String("Kim"),
			Description: aws.String("to Kim"), QuickConnectConfig: userCfg, Tags: map[string]string{"team": "support"}})
		if err != nil {
			t.Fatal(err)
		}
		if *out.QuickConnectARN != "arn:aws:connect:us-east-1:123456789012:instance/"+inst+"/transfer-destination/"+*out.QuickConnectId {
			t.Errorf("arn %s", *out.QuickConnectARN)
		}
		got, err := c.DescribeQuickConnect(ctx, &connect.DescribeQuickConnectInput{InstanceId: &inst, QuickConnectId: out.QuickConnectARN})
		if err != nil {
			t.Fatal(err)
		}
		qc := got.QuickConnect
		if *qc.Name != "Kim" || *qc.Description != "to Kim" || qc.QuickConnectConfig.QuickConnectType != types.QuickConnectTypeUser ||
			*qc.QuickConnectConfig.UserConfig.UserId != user || *qc.QuickConnectConfig.UserConfig.ContactFlowId != agentFlow ||
			qc.QuickConnectConfig.QueueConfig != nil || qc.QuickConnectConfig.PhoneConfig != nil || qc.Tags["team"] != "support" ||
			qc.LastModifiedTime == nil || *qc.LastModifiedRegion != "us-east-1" {
			t.Errorf("describe: %+v %+v", qc, qc.QuickConnectConfig)
		}
		queueQC := mustQuickConnect(t, c, &connect.CreateQuickConnectInput{InstanceId: &inst, Name: aws.String("Basic"), QuickConnectConfig: &types.QuickConnectConfig{
			QuickConnectType: types.QuickConnectTypeQueue, QueueConfig: &types.QueueQuickConnectConfig{QueueId: &basic, ContactFlowId: &queueFlow}}})
		phoneQC := mustQuickConnect(t, c, phoneQuickConnect(inst, "Outside"))
		flowQC := mustQuickConnect(t, c, &connect.CreateQuickConnectInput{InstanceId: &inst, Name: aws.String("Flow"), QuickConnectConfig: &types.QuickConnectConfig{
			QuickConnectType: types.QuickConnectTypeFlow, FlowConfig: &types.FlowQuickConnectConfig{ContactFlowId: &inbound}}})

		cfg := func(typ types.QuickConnectType) *types.QuickConnectConfig {
			return &types.QuickConnectConfig{QuickConnectType: typ}
		}
		userTo := func(u, f string) *types.QuickConnectConfig {
			return &types.QuickConnectConfig{QuickConnectType: types.QuickConnectTypeUser, UserConfig: &types.UserQuickConnectConfig{UserId: &u, ContactFlowId: &f}}
		}
		queueTo := func(q, f string) *types.QuickConnectConfig {
			return &types.QuickConnectConfig{QuickConnectType: types.QuickConnectTypeQueue, QueueConfig: &types.QueueQuickConnectConfig{QueueId: &q, ContactFlowId: &f}}
		}
		mixed := userTo(user, agentFlow)
		mixed.PhoneConfig = &types.PhoneNumberQuickConnectConfig{PhoneNumber: aws.String("+15555550100")}
		badPhone := cfg(types.QuickConnectTypePhoneNumber)
		badPhone.PhoneConfig = &types.PhoneNumberQuickConnectConfig{PhoneNumber: aws.String("555-0100")}
		for _, tc := range []struct {
			name, want string
			cfg        *types.QuickConnectConfig
		}{
			{"type without its block", "InvalidParameterException", cfg(types.QuickConnectTypeUser)},
			{"another type's block too", "InvalidParameterException", mixed},
			{"unknown user", "ResourceNotFoundException", userTo(unknownID, agentFlow)},
			{"unknown flow", "ResourceNotFoundException", userTo(user, unknownID)},
			{"user with a queue transfer flow", "InvalidParameterException", userTo(user, queueFlow)},
			{"unknown queue", "ResourceNotFoundException", queueTo(unknownID, queueFlow)},
			{"queue with an agent transfer flow", "InvalidParameterException", queueTo(basic, agentFlow)},
			{"phone number not E.164", "InvalidParameterException", badPhone},
			{"unknown type", "InvalidParameterException", cfg("EMAIL")},
		} {
			t.Run(tc.name, func(t *testing.T) {
				_, err := c.CreateQuickConnect(ctx, &connect.CreateQuickConnectInput{InstanceId: &inst, Name: aws.String("x"), QuickConnectConfig: tc.cfg})
				wantAPIError(t, err, tc.want)
				_, err = c.UpdateQuickConnectConfig(ctx, &connect.UpdateQuickConnectConfigInput{InstanceId: &inst, QuickConnectId: &phoneQC, QuickConnectConfig: tc.cfg})
				wantAPIError(t, err, tc.want)
			})
		}
		_, err = c.CreateQuickConnect(ctx, &connect.CreateQuickConnectInput{InstanceId: &inst, Name: aws.String("Kim"), QuickConnectConfig: userCfg})
		wantAPIError(t, err, "DuplicateResourceException")

		// Terraform renames with Name and Description together, an unset description as "".
		if _, err := c.UpdateQuickConnectName(ctx, &connect.UpdateQuickConnectNameInput{InstanceId: &inst, QuickConnectId: out.QuickConnectId,
			Name: aws.String("Kim Lee"), Description: aws.String("")}); err != nil {
			t.Fatal(err)
		}
		_, err = c.UpdateQuickConnectName(ctx, &connect.UpdateQuickConnectNameInput{InstanceId: &inst, QuickConnectId: out.QuickConnectId, Name: aws.String("Basic")})
		wantAPIError(t, err, "InvalidParameterException")
		_, err = c.UpdateQuickConnectName(ctx, &connect.UpdateQuickConnectNameInput{InstanceId: &inst, QuickConnectId: out.QuickConnectId})
		wantAPIError(t, err, "InvalidParameterException")
		_, err = c.UpdateQuickConnectName(ctx, &connect.UpdateQuickConnectNameInput{InstanceId: &inst, QuickConnectId: aws.String(unknownID), Name: aws.String("y")})
		wantAPIError(t, err, "ResourceNotFoundException")
		// A new config replaces the old one, type and all.
		if _, err := c.UpdateQuickConnectConfig(ctx, &connect.UpdateQuickConnectConfigInput{InstanceId: &inst, QuickConnectId: out.QuickConnectId,
			QuickConnectConfig: queueTo(basic, queueFlow)}); err != nil {
			t.Fatal(err)
		}
		got, _ = c.DescribeQuickConnect(ctx, &connect.DescribeQuickConnectInput{InstanceId: &inst, QuickConnectId: out.QuickConnectId})
		if qc := got.QuickConnect; *qc.Name != "Kim Lee" || qc.Description != nil || qc.QuickConnectConfig.QuickConnectType != types.QuickConnectTypeQueue ||
			qc.QuickConnectConfig.UserConfig != nil || *qc.QuickConnectConfig.QueueConfig.QueueId != basic {
			t.Errorf("after updates: %+v %+v", qc, qc.QuickConnectConfig)
		}

		list, err := c.ListQuickConnects(ctx, &connect.ListQuickConnectsInput{InstanceId: &inst})
		if err != nil || len(list.QuickConnectSummaryList) != 4 {
			t.Fatalf("list: %+v %v", list, err)
		}
		// Objects made in the same instant list in id order, so the checks compare sets.
		ids := func(l []types.QuickConnectSummary) map[string]bool {
			m := map[string]bool{}
			for _, s := range l {
				m[*s.Id] = true
			}
			return m
		}
		list, err = c.ListQuickConnects(ctx, &connect.ListQuickConnectsInput{InstanceId: &inst, QuickConnectTypes: []types.QuickConnectType{types.QuickConnectTypePhoneNumber, types.QuickConnectTypeFlow}})
		if err != nil || len(list.QuickConnectSummaryList) != 2 || !ids(list.QuickConnectSummaryList)[phoneQC] || !ids(list.QuickConnectSummaryList)[flowQC] {
			t.Errorf("list by type: %+v %v", list, err)
		}
		page, err := c.ListQuickConnects(ctx, &connect.ListQuickConnectsInput{InstanceId: &inst, MaxResults: aws.Int32(3)})
		if err != nil || len(page.QuickConnectSummaryList) != 3 || page.NextToken == nil {
			t.Fatalf("first page: %+v %v", page, err)
		}
		seen := ids(page.QuickConnectSummaryList)
		page, err = c.ListQuickConnects(ctx, &connect.ListQuickConnectsInput{InstanceId: &inst, MaxResults: aws.Int32(3), NextToken: page.NextToken})
		if err != nil || len(page.QuickConnectSummaryList) != 1 || seen[*page.QuickConnectSummaryList[0].Id] || page.NextToken != nil {
			t.Fatalf("second page: %+v %v", page, err)
		}

		search, err := c.SearchQuickConnects(ctx, &connect.SearchQuickConnectsInput{InstanceId: &inst, SearchCriteria: &types.QuickConnectSearchCriteria{
			OrConditions: []types.QuickConnectSearchCriteria{
				{StringCondition: &types.StringCondition{FieldName: aws.String("name"), Value: aws.String("kim"), ComparisonType: types.StringComparisonTypeContains}},
				{StringCondition: &types.StringCondition{FieldName: aws.String("resourceID"), Value: &flowQC, ComparisonType: types.StringComparisonTypeExact}}}}})
		if err != nil || *search.ApproximateTotalCount != 2 || len(search.QuickConnects) != 2 ||
			search.QuickConnects[0].Tags["team"]+search.QuickConnects[1].Tags["team"] != "support" {
			t.Errorf("search: %+v %v", search, err)
		}
		_, err = c.SearchQuickConnects(ctx, &connect.SearchQuickConnectsInput{InstanceId: &inst, SearchCriteria: &types.QuickConnectSearchCriteria{
			StringCondition: &types.StringCondition{FieldName: aws.String("phone"), Value: aws.String("x")}}})
		wantAPIError(t, err, "InvalidParameterException")

		if _, err := c.DeleteQuickConnect(ctx, &connect.DeleteQuickConnectInput{InstanceId: &inst, QuickConnectId: &queueQC}); err != nil {
			t.Fatal(err)
		}
		_, err = c.DescribeQuickConnect(ctx, &connect.DescribeQuickConnectInput{InstanceId: &inst, QuickConnectId: &queueQC})
		wantAPIError(t, err, "ResourceNotFoundException")
		_, err = c.DeleteQuickConnect(ctx, &connect.DeleteQuickConnectInput{InstanceId: &inst, QuickConnectId: &queueQC})
		wantAPIError(t, err, "ResourceNotFoundException")
		_, err = c.ListQuickConnects(ctx, &connect.ListQuickConnectsInput{InstanceId: aws.String(unknownID)})
		wantAPIError(t, err, "ResourceNotFoundException")
	})
}

// A template's QUICK_CONNECT default and StartTaskContact's QuickConnectId name quick connects of the instance
// (issue 20, "References are real now").
func TestQuickConnect_references(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		inst := mustInstance(t, c)
		qc := mustQuickConnect(t, c, phoneQuickConnect(inst, "Outside"))
		withDefault := func(name, value string) *connect.CreateTaskTemplateInput {
			in := quickTemplate(inst, name)
			in.Defaults = &types.TaskTemplateDefaults{DefaultFieldValues: []types.TaskTemplateDefaultFieldValue{
				{Id: &types.TaskTemplateFieldIdentifier{Name: aws.String("Assign")}, DefaultValue: aws.String(value)}}}
			return in
		}
		_, err := c.CreateTaskTemplate(ctx, withDefault("Dangling", unknownID))
		wantViolations(t, err, "Defaults.DefaultFieldValues[0].DefaultValue REFERENCED_RESOURCE_NOT_FOUND")
		tmpl := mustTemplate(t, c, withDefault("Routed", qc))
		// The ARN names it too.
		arn := "arn:aws:connect:us-east-1:123456789012:instance/" + inst + "/transfer-destination/" + qc
		mustTemplate(t, c, withDefault("Routed by ARN", arn))
		_, err = c.UpdateTaskTemplate(ctx, &connect.UpdateTaskTemplateInput{InstanceId: &inst, TaskTemplateId: tmpl.Id,
			Defaults: withDefault("", unknownID).Defaults})
		wantViolations(t, err, "Defaults.DefaultFieldValues[0].DefaultValue REFERENCED_RESOURCE_NOT_FOUND")

		// The template's default routes the task.
		task, err := c.StartTaskContact(ctx, &connect.StartTaskContactInput{InstanceId: &inst, TaskTemplateId: tmpl.Id, Name: aws.String("t")})
		if err != nil {
			t.Fatal(err)
		}
		if task.ContactId == nil {
			t.Fatal("no contact id")
		}
		if _, err := c.StartTaskContact(ctx, &connect.StartTaskContactInput{InstanceId: &inst, Name: aws.String("t"), QuickConnectId: &qc}); err != nil {
			t.Fatal(err)
		}
		_, err = c.StartTaskContact(ctx, &connect.StartTaskContactInput{InstanceId: &inst, Name: aws.String("t"), QuickConnectId: aws.String(unknownID)})
		ae := wantAPIError(t, err, "ResourceNotFoundException")
		if !strings.Contains(ae.ErrorMessage(), unknownID) {
			t.Errorf("message %q", ae.ErrorMessage())
		}
		_, err = c.StartTaskContact(ctx, &connect.StartTaskContactInput{InstanceId: &inst, TaskTemplateId: tmpl.Id, Name: aws.String("t"), QuickConnectId: aws.String(unknownID)})
		wantAPIError(t, err, "ResourceNotFoundException")
		// A default whose quick connect was deleted since routes nothing.
		if _, err := c.DeleteQuickConnect(ctx, &connect.DeleteQuickConnectInput{InstanceId: &inst, QuickConnectId: &qc}); err != nil {
			t.Fatal(err)
		}
		_, err = c.StartTaskContact(ctx, &connect.StartTaskContactInput{InstanceId: &inst, TaskTemplateId: tmpl.Id, Name: aws.String("t")})
		wantAPIError(t, err, "ResourceNotFoundException")
	})
}
