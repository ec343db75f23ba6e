package awsapi

import (
	"context"
	"time"

	"github.com/connectlocal/connectlocal"
)

type UpdateContactScheduleRequest struct {
	InstanceId    string
	ContactId     string
	ScheduledTime epochTime
}

type UpdateContactScheduleResponse struct{}

func updateContactSchedule(ctx context.Context, a *API, scope connectlocal.Scope, in *UpdateContactScheduleRequest) (*UpdateContactScheduleResponse, error) {
	at := time.Time(in.ScheduledTime).UTC()
	return &UpdateContactScheduleResponse{}, a.svc.UpdateContactSchedule(ctx, scope, in.InstanceId, in.ContactId, at)
}
