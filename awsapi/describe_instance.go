package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type DescribeInstanceRequest struct {
	InstanceId string
}

type Instance struct {
	Id                     string
	Arn                    string
	IdentityManagementType string
	InstanceAlias          *string `json:",omitempty"`
	CreatedTime            *epochTime
	ServiceRole            string
	InstanceStatus         string
	InboundCallsEnabled    bool
	OutboundCallsEnabled   bool
	InstanceAccessUrl      *string           `json:",omitempty"`
	Tags                   map[string]string `json:",omitempty"`
}

type DescribeInstanceResponse struct {
	Instance Instance
}

func instanceOut(scope connectlocal.Scope, inst connectlocal.Instance, tags map[string]string) Instance {
	return Instance{Id: inst.ID, Arn: scope.InstanceARN(inst.ID), IdentityManagementType: inst.IdentityManagementType,
		InstanceAlias: str(inst.Alias), CreatedTime: stamp(inst.CreatedTime), ServiceRole: inst.ServiceRole,
		InstanceStatus: inst.Status, InboundCallsEnabled: inst.InboundCallsEnabled,
		OutboundCallsEnabled: inst.OutboundCallsEnabled, InstanceAccessUrl: str(inst.AccessURL()), Tags: tagsOut(tags)}
}

func describeInstance(ctx context.Context, a *API, scope connectlocal.Scope, in *DescribeInstanceRequest) (*DescribeInstanceResponse, error) {
	inst, tags, err := a.svc.DescribeInstance(ctx, scope, in.InstanceId)
	if err != nil {
		return nil, err
	}
	return &DescribeInstanceResponse{Instance: instanceOut(scope, inst, tags)}, nil
}
