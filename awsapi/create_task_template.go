package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type CreateTaskTemplateRequest struct {
	InstanceId       string
	Name             string
	Description      *string
	ContactFlowId    *string
	SelfAssignFlowId *string
	Constraints      *TaskTemplateConstraints
	Defaults         *TaskTemplateDefaults
	Status           *string
	Fields           []TaskTemplateField
	ClientToken      *string
}

type CreateTaskTemplateResponse struct {
	Id  string
	Arn string
}

func createTaskTemplate(ctx context.Context, a *API, scope connectlocal.Scope, in *CreateTaskTemplateRequest) (*CreateTaskTemplateResponse, error) {
	t, err := a.svc.CreateTaskTemplate(ctx, scope, in.domain())
	if err != nil {
		return nil, err
	}
	return &CreateTaskTemplateResponse{Id: t.ID, Arn: scope.TaskTemplateARN(t.InstanceID, t.ID)}, nil
}

func (in *CreateTaskTemplateRequest) domain() connectlocal.CreateTaskTemplateInput {
	return connectlocal.CreateTaskTemplateInput{
		InstanceID: in.InstanceId, Name: in.Name, Description: val(in.Description),
		ContactFlowID: val(in.ContactFlowId), SelfAssignFlowID: val(in.SelfAssignFlowId),
		Constraints: constraintsIn(in.Constraints), Defaults: defaultsIn(in.Defaults), Fields: fieldsIn(in.Fields),
		Status: connectlocal.TemplateStatus(val(in.Status)), ClientToken: val(in.ClientToken),
	}
}
