package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type CreateQuickConnectRequest struct {
	InstanceId         string
	Name               string
	Description        *string
	QuickConnectConfig QuickConnectConfig
	Tags               map[string]string
}

type CreateQuickConnectResponse struct {
	QuickConnectARN string
	QuickConnectId  string
}

func createQuickConnect(ctx context.Context, a *API, scope connectlocal.Scope, in *CreateQuickConnectRequest) (*CreateQuickConnectResponse, error) {
	r, err := a.svc.CreateQuickConnect(ctx, scope, connectlocal.QuickConnectInput{Instance: in.InstanceId, Name: in.Name,
		Description: val(in.Description), Config: in.QuickConnectConfig.domain(), Tags: in.Tags})
	if err != nil {
		return nil, err
	}
	return &CreateQuickConnectResponse{QuickConnectARN: r.ARN(scope), QuickConnectId: r.ID}, nil
}
