package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type DescribeInstanceAttributeRequest struct {
	InstanceId    string
	AttributeType string
}

type Attribute struct {
	AttributeType string
	Value         string
}

type DescribeInstanceAttributeResponse struct {
	Attribute Attribute
}

func describeInstanceAttribute(ctx context.Context, a *API, scope connectlocal.Scope, in *DescribeInstanceAttributeRequest) (*DescribeInstanceAttributeResponse, error) {
	attr, err := a.svc.DescribeInstanceAttribute(ctx, scope, in.InstanceId, in.AttributeType)
	if err != nil {
		return nil, err
	}
	return &DescribeInstanceAttributeResponse{Attribute: Attribute{AttributeType: attr.Type, Value: attr.Value}}, nil
}
