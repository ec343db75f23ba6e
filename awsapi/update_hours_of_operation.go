package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type UpdateHoursOfOperationRequest struct {
	InstanceId         string
	HoursOfOperationId string
	Name               *string
	Description        *string // "" clears it: Terraform sends "" for an unset description (model min 0)
	TimeZone           *string
	Config             []HoursOfOperationConfig
}

func updateHoursOfOperation(ctx context.Context, a *API, scope connectlocal.Scope, in *UpdateHoursOfOperationRequest) (*struct{}, error) {
	return &struct{}{}, a.svc.UpdateHoursOfOperation(ctx, scope, connectlocal.HoursInput{Instance: in.InstanceId,
		ID: in.HoursOfOperationId, Name: in.Name, Description: in.Description, TimeZone: in.TimeZone, Config: hoursConfigIn(in.Config)})
}
