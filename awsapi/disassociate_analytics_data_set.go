package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type DisassociateAnalyticsDataSetRequest struct {
	InstanceId      string
	DataSetId       string
	TargetAccountId *string
}

// disassociateAnalyticsDataSet answers ResourceNotFoundException for a data set that is not associated
// (decided: the single form has no Errors list to report it in).
func disassociateAnalyticsDataSet(ctx context.Context, a *API, scope connectlocal.Scope, in *DisassociateAnalyticsDataSetRequest) (*empty, error) {
	_, missing, err := a.svc.DisassociateAnalyticsDataSets(ctx, scope, in.InstanceId, []string{in.DataSetId}, val(in.TargetAccountId))
	if err != nil {
		return nil, err
	}
	if len(missing) > 0 {
		target := val(in.TargetAccountId)
		if target == "" {
			target = scope.Account
		}
		return nil, connectlocal.Errorf(connectlocal.NotFound, "%s", connectlocal.DataSetNotAssociated(missing[0], target))
	}
	return &empty{}, nil
}
