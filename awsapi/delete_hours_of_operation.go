package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type DeleteHoursOfOperationRequest struct {
	InstanceId         string
	HoursOfOperationId string
}

func deleteHoursOfOperation(ctx context.Context, a *API, scope connectlocal.Scope, in *DeleteHoursOfOperationRequest) (*struct{}, error) {
	return &struct{}{}, a.svc.DeleteHoursOfOperation(ctx, scope, in.InstanceId, in.HoursOfOperationId)
}
