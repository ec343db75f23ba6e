package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type ListAnalyticsDataAssociationsRequest struct {
	InstanceId string
	DataSetId  *string
	NextToken  *string
	MaxResults *int
}

type ListAnalyticsDataAssociationsResponse struct {
	Results   []AnalyticsDataAssociationResult
	NextToken *string `json:",omitempty"`
}

func listAnalyticsDataAssociations(ctx context.Context, a *API, scope connectlocal.Scope, in *ListAnalyticsDataAssociationsRequest) (*ListAnalyticsDataAssociationsResponse, error) {
	page := connectlocal.Page{Token: val(in.NextToken)}
	if in.MaxResults != nil {
		page.Limit = *in.MaxResults
	}
	list, next, err := a.svc.ListAnalyticsDataAssociations(ctx, scope, in.InstanceId, val(in.DataSetId), page)
	if err != nil {
		return nil, err
	}
	out := &ListAnalyticsDataAssociationsResponse{Results: make([]AnalyticsDataAssociationResult, len(list)), NextToken: str(next)}
	for i, as := range list {
		out.Results[i] = associationOut(scope, as)
	}
	return out, nil
}
