package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type ListQuickConnectsRequest struct {
	InstanceId        string
	NextToken         *string
	MaxResults        *int
	QuickConnectTypes []string
}

type ListQuickConnectsResponse struct {
	QuickConnectSummaryList []QuickConnectSummary
	NextToken               *string `json:",omitempty"`
}

func listQuickConnects(ctx context.Context, a *API, scope connectlocal.Scope, in *ListQuickConnectsRequest) (*ListQuickConnectsResponse, error) {
	rs, next, err := a.svc.ListQuickConnects(ctx, scope, in.InstanceId, in.QuickConnectTypes, pageOf(in.NextToken, in.MaxResults))
	if err != nil {
		return nil, err
	}
	out := &ListQuickConnectsResponse{QuickConnectSummaryList: make([]QuickConnectSummary, len(rs)), NextToken: str(next)}
	for i, r := range rs {
		out.QuickConnectSummaryList[i] = quickConnectSummaryOut(scope, r)
	}
	return out, nil
}
