package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type BatchDisassociateAnalyticsDataSetRequest struct {
	InstanceId      string
	DataSetIds      []string
	TargetAccountId *string
}

type BatchDisassociateAnalyticsDataSetResponse struct {
	Deleted []string
	Errors  []ErrorResult
}

// batchDisassociateAnalyticsDataSet reports each data set that was not associated as an ErrorResult whose
// code is ResourceNotFoundException and whose message names the data set (ErrorResult has no DataSetId
// member; decided).
func batchDisassociateAnalyticsDataSet(ctx context.Context, a *API, scope connectlocal.Scope, in *BatchDisassociateAnalyticsDataSetRequest) (*BatchDisassociateAnalyticsDataSetResponse, error) {
	deleted, missing, err := a.svc.DisassociateAnalyticsDataSets(ctx, scope, in.InstanceId, in.DataSetIds, val(in.TargetAccountId))
	if err != nil {
		return nil, err
	}
	target := val(in.TargetAccountId)
	if target == "" {
		target = scope.Account
	}
	out := &BatchDisassociateAnalyticsDataSetResponse{Deleted: deleted, Errors: []ErrorResult{}}
	if out.Deleted == nil {
		out.Deleted = []string{}
	}
	for _, ds := range missing {
		out.Errors = append(out.Errors, ErrorResult{ErrorCode: "ResourceNotFoundException", ErrorMessage: connectlocal.DataSetNotAssociated(ds, target)})
	}
	return out, nil
}
