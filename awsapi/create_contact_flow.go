package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type CreateContactFlowRequest struct {
	InstanceId  string
	Name        string
	Type        string
	Description *string
	Content     string
	Status      *string
	Tags        map[string]string
}

type CreateContactFlowResponse struct {
	ContactFlowId     string
	ContactFlowArn    string
	FlowContentSha256 string
}

func createContactFlow(ctx context.Context, a *API, scope connectlocal.Scope, in *CreateContactFlowRequest) (*CreateContactFlowResponse, error) {
	f, err := a.svc.CreateContactFlow(ctx, scope, connectlocal.CreateContactFlowInput{
		InstanceID: in.InstanceId, Name: in.Name, Type: in.Type, Description: val(in.Description),
		Content: in.Content, Status: val(in.Status), Tags: in.Tags,
	})
	if err != nil {
		return nil, err
	}
	return &CreateContactFlowResponse{ContactFlowId: f.ID, ContactFlowArn: scope.ContactFlowARN(f.InstanceID, f.ID),
		FlowContentSha256: connectlocal.FlowContentSHA256(f.Content)}, nil
}
