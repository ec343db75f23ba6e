package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type CreateRoutingProfileRequest struct {
	InstanceId                   string
	Name                         string
	Description                  string
	DefaultOutboundQueueId       string
	QueueConfigs                 []RoutingProfileQueueConfig
	ManualAssignmentQueueConfigs []RoutingProfileManualAssignmentQueueConfig
	MediaConcurrencies           []MediaConcurrency
	Tags                         map[string]string
	AgentAvailabilityTimer       *string
}

type CreateRoutingProfileResponse struct {
	RoutingProfileArn string
	RoutingProfileId  string
}

func createRoutingProfile(ctx context.Context, a *API, scope connectlocal.Scope, in *CreateRoutingProfileRequest) (*CreateRoutingProfileResponse, error) {
	r, err := a.svc.CreateRoutingProfile(ctx, scope, connectlocal.RoutingProfileInput{Instance: in.InstanceId, Name: &in.Name,
		Description: &in.Description, DefaultOutboundQueueID: &in.DefaultOutboundQueueId, MediaConcurrencies: concurrenciesIn(in.MediaConcurrencies),
		Queues: queueConfigsIn(in.QueueConfigs), ManualQueues: manualQueuesIn(in.ManualAssignmentQueueConfigs),
		AgentAvailabilityTimer: val(in.AgentAvailabilityTimer), Tags: in.Tags})
	if err != nil {
		return nil, err
	}
	return &CreateRoutingProfileResponse{RoutingProfileArn: r.ARN(scope), RoutingProfileId: r.ID}, nil
}
