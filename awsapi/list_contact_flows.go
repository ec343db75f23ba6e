package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type ListContactFlowsRequest struct {
	InstanceId       string
	ContactFlowTypes []string
	NextToken        *string
	MaxResults       *int
}

type ContactFlowSummary struct {
	Id                string
	Arn               string
	Name              string
	ContactFlowType   string
	ContactFlowState  string
	ContactFlowStatus string
}

type ListContactFlowsResponse struct {
	ContactFlowSummaryList []ContactFlowSummary
	NextToken              *string `json:",omitempty"`
}

func listContactFlows(ctx context.Context, a *API, scope connectlocal.Scope, in *ListContactFlowsRequest) (*ListContactFlowsResponse, error) {
	page := connectlocal.Page{Token: val(in.NextToken)}
	if in.MaxResults != nil {
		page.Limit = *in.MaxResults
	}
	flows, next, err := a.svc.ListContactFlows(ctx, scope, in.InstanceId, in.ContactFlowTypes, page)
	if err != nil {
		return nil, err
	}
	out := &ListContactFlowsResponse{ContactFlowSummaryList: make([]ContactFlowSummary, len(flows)), NextToken: str(next)}
	for i, f := range flows {
		out.ContactFlowSummaryList[i] = ContactFlowSummary{Id: f.ID, Arn: scope.ContactFlowARN(f.InstanceID, f.ID),
			Name: f.Name, ContactFlowType: f.Type, ContactFlowState: f.FlowState(), ContactFlowStatus: f.Status}
	}
	return out, nil
}
