package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type ListContactFlowModulesRequest struct {
	InstanceId             string
	NextToken              *string
	MaxResults             *int
	ContactFlowModuleState *string
}

type ListContactFlowModulesResponse struct {
	ContactFlowModulesSummaryList []ContactFlowModuleSummary
	NextToken                     *string `json:",omitempty"`
}

func listContactFlowModules(ctx context.Context, a *API, scope connectlocal.Scope, in *ListContactFlowModulesRequest) (*ListContactFlowModulesResponse, error) {
	rs, next, err := a.svc.ListContactFlowModules(ctx, scope, in.InstanceId, val(in.ContactFlowModuleState), pageOf(in.NextToken, in.MaxResults))
	if err != nil {
		return nil, err
	}
	out := &ListContactFlowModulesResponse{ContactFlowModulesSummaryList: make([]ContactFlowModuleSummary, len(rs)), NextToken: str(next)}
	for i, r := range rs {
		out.ContactFlowModulesSummaryList[i] = ContactFlowModuleSummary{Id: r.ID, Arn: r.ARN(scope), Name: r.Value.Name, State: r.Value.State}
	}
	return out, nil
}
