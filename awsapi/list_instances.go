package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type ListInstancesRequest struct {
	NextToken  *string
	MaxResults *int
}

type InstanceSummary struct {
	Id                     string
	Arn                    string
	IdentityManagementType string
	InstanceAlias          *string `json:",omitempty"`
	CreatedTime            *epochTime
	ServiceRole            string
	InstanceStatus         string
	InboundCallsEnabled    bool
	OutboundCallsEnabled   bool
	InstanceAccessUrl      *string `json:",omitempty"`
}

type ListInstancesResponse struct {
	InstanceSummaryList []InstanceSummary
	NextToken           *string `json:",omitempty"`
}

func listInstances(ctx context.Context, a *API, scope connectlocal.Scope, in *ListInstancesRequest) (*ListInstancesResponse, error) {
	page := connectlocal.Page{Token: val(in.NextToken)}
	if in.MaxResults != nil {
		page.Limit = *in.MaxResults
	}
	list, next, err := a.svc.ListInstances(ctx, scope, page)
	if err != nil {
		return nil, err
	}
	out := &ListInstancesResponse{InstanceSummaryList: make([]InstanceSummary, len(list)), NextToken: str(next)}
	for i, inst := range list {
		o := instanceOut(scope, inst, nil)
		out.InstanceSummaryList[i] = InstanceSummary{Id: o.Id, Arn: o.Arn, IdentityManagementType: o.IdentityManagementType,
			InstanceAlias: o.InstanceAlias, CreatedTime: o.CreatedTime, ServiceRole: o.ServiceRole,
			InstanceStatus: o.InstanceStatus, InboundCallsEnabled: o.InboundCallsEnabled,
			OutboundCallsEnabled: o.OutboundCallsEnabled, InstanceAccessUrl: o.InstanceAccessUrl}
	}
	return out, nil
}
