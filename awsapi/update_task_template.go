package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type UpdateTaskTemplateRequest struct {
	TaskTemplateId   string
	InstanceId       string
	Name             *string
	Description      *string
	ContactFlowId    *string
	SelfAssignFlowId *string
	Constraints      *TaskTemplateConstraints
	Defaults         *TaskTemplateDefaults
	Status           *string
	Fields           *[]TaskTemplateField
}

func updateTaskTemplate(ctx context.Context, a *API, scope connectlocal.Scope, in *UpdateTaskTemplateRequest) (*GetTaskTemplateResponse, error) {
	t, err := a.svc.UpdateTaskTemplate(ctx, scope, in.domain())
	if err != nil {
		return nil, err
	}
	return templateOut(scope, t, nil), nil // spec-facts §5: the update answer has no Tags
}

func (in *UpdateTaskTemplateRequest) domain() connectlocal.UpdateTaskTemplateInput {
	up := connectlocal.UpdateTaskTemplateInput{
		InstanceID: in.InstanceId, ID: in.TaskTemplateId, Name: in.Name, Description: in.Description,
		ContactFlowID: in.ContactFlowId, SelfAssignFlowID: in.SelfAssignFlowId,
	}
	if in.Constraints != nil {
		c := constraintsIn(in.Constraints)
		up.Constraints = &c
	}
	if in.Defaults != nil {
		d := defaultsIn(in.Defaults)
		up.Defaults = &d
	}
	if in.Fields != nil {
		f := fieldsIn(*in.Fields)
		up.Fields = &f
	}
	if in.Status != nil {
		s := connectlocal.TemplateStatus(*in.Status)
		up.Status = &s
	}
	return up
}
