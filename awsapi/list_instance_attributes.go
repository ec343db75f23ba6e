package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type ListInstanceAttributesRequest struct {
	InstanceId string
	NextToken  *string
	MaxResults *int
}

type ListInstanceAttributesResponse struct {
	Attributes []Attribute
	NextToken  *string `json:",omitempty"`
}

func listInstanceAttributes(ctx context.Context, a *API, scope connectlocal.Scope, in *ListInstanceAttributesRequest) (*ListInstanceAttributesResponse, error) {
	page := connectlocal.Page{Token: val(in.NextToken)}
	if in.MaxResults != nil {
		page.Limit = *in.MaxResults
	}
	list, next, err := a.svc.ListInstanceAttributes(ctx, scope, in.InstanceId, page)
	if err != nil {
		return nil, err
	}
	out := &ListInstanceAttributesResponse{Attributes: make([]Attribute, len(list)), NextToken: str(next)}
	for i, attr := range list {
		out.Attributes[i] = Attribute{AttributeType: attr.Type, Value: attr.Value}
	}
	return out, nil
}
