package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type DescribeHoursOfOperationRequest struct {
	InstanceId         string
	HoursOfOperationId string
}

type DescribeHoursOfOperationResponse struct {
	HoursOfOperation HoursOfOperation
}

func describeHoursOfOperation(ctx context.Context, a *API, scope connectlocal.Scope, in *DescribeHoursOfOperationRequest) (*DescribeHoursOfOperationResponse, error) {
	r, err := a.svc.DescribeHoursOfOperation(ctx, scope, in.InstanceId, in.HoursOfOperationId)
	if err != nil {
		return nil, err
	}
	parents, err := a.svc.HoursNames(ctx, scope, r.InstanceID, r.Value.Parents)
	if err != nil {
		return nil, err
	}
	return &DescribeHoursOfOperationResponse{HoursOfOperation: hoursOut(scope, r, parents)}, nil
}
