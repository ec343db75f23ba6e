package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type ListHoursOfOperationsRequest struct {
	InstanceId string
	NextToken  *string
	MaxResults *int
}

type ListHoursOfOperationsResponse struct {
	HoursOfOperationSummaryList []HoursOfOperationSummary
	NextToken                   *string `json:",omitempty"`
}

func listHoursOfOperations(ctx context.Context, a *API, scope connectlocal.Scope, in *ListHoursOfOperationsRequest) (*ListHoursOfOperationsResponse, error) {
	rs, next, err := a.svc.ListHoursOfOperations(ctx, scope, in.InstanceId, pageOf(in.NextToken, in.MaxResults))
	if err != nil {
		return nil, err
	}
	out := &ListHoursOfOperationsResponse{HoursOfOperationSummaryList: make([]HoursOfOperationSummary, len(rs)), NextToken: str(next)}
	for i, r := range rs {
		out.HoursOfOperationSummaryList[i] = HoursOfOperationSummary{Id: r.ID, Arn: r.ARN(scope), Name: r.Value.Name,
			LastModifiedTime: stamp(r.LastModifiedTime), LastModifiedRegion: scope.Region}
	}
	return out, nil
}
