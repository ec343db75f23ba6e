package awsapi_test

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/connectlocal/connectlocal/internal/connecttest"
)

func TestUpdateTaskTemplate_keepsWhatIsNotNamed(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		inst := mustInstance(t, c)
		created := mustTemplate(t, c, fullTemplate(inst))
		before, err := c.GetTaskTemplate(ctx, &connect.GetTaskTemplateInput{InstanceId: &inst, TaskTemplateId: created.Id})
		if err != nil {
			t.Fatal(err)
		}
		up, err := c.UpdateTaskTemplate(ctx, &connect.UpdateTaskTemplateInput{InstanceId: &inst, TaskTemplateId: created.Id,
			Status: types.TaskTemplateStatusActive})
		if err != nil {
			t.Fatal(err)
		}
		if up.Status != types.TaskTemplateStatusActive || *up.Name != *before.Name || *up.Description != *before.Description ||
			len(up.Fields) != len(before.Fields) || len(up.Constraints.RequiredFields) != 2 || len(up.Defaults.DefaultFieldValues) != 7 ||
			*up.Id != *created.Id || *up.Arn != *created.Arn || *up.InstanceId != inst {
			t.Fatalf("update answered %+v", up)
		}
		if !up.CreatedTime.Equal(*before.CreatedTime) || up.LastModifiedTime.Before(*before.LastModifiedTime) {
			t.Errorf("timestamps: created %v→%v modified %v→%v", before.CreatedTime, up.CreatedTime, before.LastModifiedTime, up.LastModifiedTime)
		}
		// Fields replaced as a whole; stale Constraints now name missing fields → refused, nothing changed.
		_, err = c.UpdateTaskTemplate(ctx, &connect.UpdateTaskTemplateInput{InstanceId: &inst, TaskTemplateId: created.Id,
			Fields: []types.TaskTemplateField{field("Title", types.TaskTemplateFieldTypeName), field("Assign to", types.TaskTemplateFieldTypeQuickConnect)}})
		var pve *types.PropertyValidationException
		if !errAs(err, &pve) {
			t.Fatalf("want PropertyValidationException, got %v", err)
		}
		after, err := c.GetTaskTemplate(ctx, &connect.GetTaskTemplateInput{InstanceId: &inst, TaskTemplateId: created.Id})
		if err != nil {
			t.Fatal(err)
		}
		if len(after.Fields) != 14 || after.Status != types.TaskTemplateStatusActive {
			t.Fatalf("refused update changed the template: %d fields, %s", len(after.Fields), after.Status)
		}
		// Replacing Fields, Constraints and Defaults together works.
		up, err = c.UpdateTaskTemplate(ctx, &connect.UpdateTaskTemplateInput{InstanceId: &inst, TaskTemplateId: created.Id,
			Fields:      []types.TaskTemplateField{field("Title", types.TaskTemplateFieldTypeName), field("Assign to", types.TaskTemplateFieldTypeQuickConnect)},
			Constraints: &types.TaskTemplateConstraints{}, Defaults: &types.TaskTemplateDefaults{}})
		if err != nil {
			t.Fatal(err)
		}
		if len(up.Fields) != 2 || len(up.Constraints.RequiredFields) != 0 || len(up.Defaults.DefaultFieldValues) != 0 {
			t.Fatalf("replace answered %+v", up)
		}
	})
}

func TestUpdateTaskTemplate_errors(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		inst := mustInstance(t, c)
		a := mustTemplate(t, c, quickTemplate(inst, "A"))
		mustTemplate(t, c, quickTemplate(inst, "B"))
		_, err := c.UpdateTaskTemplate(ctx, &connect.UpdateTaskTemplateInput{InstanceId: &inst, TaskTemplateId: a.Id, Name: aws.String("B")})
		wantViolations(t, err, "Name RESOURCE_NAME_ALREADY_EXISTS")
		if _, err := c.UpdateTaskTemplate(ctx, &connect.UpdateTaskTemplateInput{InstanceId: &inst, TaskTemplateId: a.Id, Name: aws.String("A")}); err != nil {
			t.Fatalf("keeping its own name: %v", err)
		}
		_, err = c.UpdateTaskTemplate(ctx, &connect.UpdateTaskTemplateInput{InstanceId: &inst, TaskTemplateId: aws.String("1b3c0a9e-0d6b-4a55-9a57-0e1d7b0c9a11"), Name: aws.String("C")})
		var nf *types.ResourceNotFoundException
		if !errAs(err, &nf) {
			t.Fatalf("unknown template: want ResourceNotFoundException, got %v", err)
		}
		_, err = c.UpdateTaskTemplate(ctx, &connect.UpdateTaskTemplateInput{InstanceId: &inst, TaskTemplateId: a.Id, Status: "ON"})
		wantAPIError(t, err, "InvalidParameterException")
	})
}
