package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type DeleteTaskTemplateRequest struct {
	InstanceId     string
	TaskTemplateId string
}

type empty struct{}

func deleteTaskTemplate(ctx context.Context, a *API, scope connectlocal.Scope, in *DeleteTaskTemplateRequest) (*empty, error) {
	return &empty{}, a.svc.DeleteTaskTemplate(ctx, scope, in.InstanceId, in.TaskTemplateId)
}
