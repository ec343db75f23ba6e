package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type CreateHoursOfOperationRequest struct {
	InstanceId                    string
	Name                          string
	Description                   *string
	TimeZone                      string
	Config                        []HoursOfOperationConfig
	ParentHoursOfOperationConfigs []ParentHoursOfOperationConfig
	Tags                          map[string]string
}

type CreateHoursOfOperationResponse struct {
	HoursOfOperationId  string
	HoursOfOperationArn string
}

func createHoursOfOperation(ctx context.Context, a *API, scope connectlocal.Scope, in *CreateHoursOfOperationRequest) (*CreateHoursOfOperationResponse, error) {
	req := connectlocal.HoursInput{Instance: in.InstanceId, Name: &in.Name, Description: in.Description, TimeZone: &in.TimeZone,
		Config: hoursConfigIn(in.Config), Tags: in.Tags}
	for _, p := range in.ParentHoursOfOperationConfigs {
		req.Parents = append(req.Parents, val(p.HoursOfOperationId))
	}
	r, err := a.svc.CreateHoursOfOperation(ctx, scope, req)
	if err != nil {
		return nil, err
	}
	return &CreateHoursOfOperationResponse{HoursOfOperationId: r.ID, HoursOfOperationArn: r.ARN(scope)}, nil
}
