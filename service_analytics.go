package connectlocal

import (
	"context"
	"slices"
	"strings"
	"time"
)

// AnalyticsDataAssociation is a data set of the analytics data lake shared with an account
// (AssociateAnalyticsDataSet). Real Connect shares it through AWS RAM; here the share is a record only.
type AnalyticsDataAssociation struct {
	DataSetID       string
	TargetAccountID string
	ResourceShareID string
	CreatedTime     time.Time
}

// ResourceShareARN is the RAM share's ARN: arn:aws:ram:<region>:<account>:resource-share/<id>, the form RAM
// documents for resource shares.
func (a AnalyticsDataAssociation) ResourceShareARN(scope Scope) string {
	return "arn:" + scope.Partition() + ":ram:" + scope.Region + ":" + scope.Account + ":resource-share/" + a.ResourceShareID
}

// ResourceShareStatus is ACTIVE: RAM's status of a share that took effect (the share is immediate here).
const ResourceShareStatus = "ACTIVE"

// AssociateAnalyticsDataSets associates each data set with target (the caller's account when empty).
// Associating a pair again is no error and returns the existing association (decided: the operation is an
// idempotent grant, as moto's mock treats it).
func (s *Service) AssociateAnalyticsDataSets(ctx context.Context, scope Scope, instance string, dataSets []string, target string) ([]AnalyticsDataAssociation, error) {
	if target == "" {
		target = scope.Account
	}
	if !IsAccountID(target) {
		return nil, Errorf(InvalidArgument, "Invalid TargetAccountId '%s': an AWS account id is 12 digits", clip(target))
	}
	if len(dataSets) == 0 {
		return nil, Errorf(InvalidArgument, "DataSetIds must name at least one data set")
	}
	now := s.now()
	// Share ids are drawn before the update, so a re-run of it hands out the same ones.
	shareIDs := make([]string, len(dataSets))
	for i := range shareIDs {
		shareIDs[i] = s.newID(ctx)
	}
	var out []AnalyticsDataAssociation
	err := s.Store.Update(ctx, instanceKey(scope, instance), func(tx Tx) error {
		out = nil
		inst, err := getInstance(tx, scope, instance)
		if err != nil {
			return err
		}
		list := slices.Clone(inst.AnalyticsDataSets)
		for n, ds := range dataSets {
			i := slices.IndexFunc(list, func(a AnalyticsDataAssociation) bool { return a.DataSetID == ds && a.TargetAccountID == target })
			if i < 0 {
				list = append(list, AnalyticsDataAssociation{DataSetID: ds, TargetAccountID: target,
					ResourceShareID: shareIDs[n], CreatedTime: now})
				i = len(list) - 1
			}
			out = append(out, list[i])
		}
		inst.AnalyticsDataSets = list
		return tx.PutInstance(scope, inst)
	})
	return out, err
}

// DisassociateAnalyticsDataSets removes each association; a data set that is not associated with target is
// reported in the second result (batch form) and, for the single form, answered with ResourceNotFound.
func (s *Service) DisassociateAnalyticsDataSets(ctx context.Context, scope Scope, instance string, dataSets []string, target string) (deleted []string, missing []string, err error) {
	if target == "" {
		target = scope.Account
	}
	if !IsAccountID(target) {
		return nil, nil, Errorf(InvalidArgument, "Invalid TargetAccountId '%s': an AWS account id is 12 digits", clip(target))
	}
	err = s.Store.Update(ctx, instanceKey(scope, instance), func(tx Tx) error {
		deleted, missing = nil, nil
		inst, err := getInstance(tx, scope, instance)
		if err != nil {
			return err
		}
		list := slices.Clone(inst.AnalyticsDataSets)
		for _, ds := range dataSets {
			n := len(list)
			list = slices.DeleteFunc(list, func(a AnalyticsDataAssociation) bool { return a.DataSetID == ds && a.TargetAccountID == target })
			if len(list) < n {
				deleted = append(deleted, ds)
			} else {
				missing = append(missing, ds)
			}
		}
		if len(deleted) == 0 {
			return nil
		}
		inst.AnalyticsDataSets = list
		return tx.PutInstance(scope, inst)
	})
	return deleted, missing, err
}

// DataSetNotAssociated is the message for a data set that has no association with the target account.
func DataSetNotAssociated(dataSet, target string) string {
	return "Data set '" + dataSet + "' is not associated with account '" + target + "'"
}

// ListAnalyticsDataAssociations returns one page of the instance's associations, oldest first, only those of
// dataSet when it is set.
func (s *Service) ListAnalyticsDataAssociations(ctx context.Context, scope Scope, instance, dataSet string, page Page) ([]AnalyticsDataAssociation, string, error) {
	var list []AnalyticsDataAssociation
	var id string
	err := s.Store.View(ctx, func(tx Tx) error {
		inst, err := getInstance(tx, scope, instance)
		if err != nil {
			return err
		}
		id = inst.ID
		for _, a := range inst.AnalyticsDataSets {
			if dataSet == "" || a.DataSetID == dataSet {
				list = append(list, a)
			}
		}
		return nil
	})
	if err != nil {
		return nil, "", err
	}
	// MaxResult1000; with no MaxResults a page holds 1000 (decided: the model's cap).
	return pageOf(ctx, s, page, 1000, strings.Join([]string{"ListAnalyticsDataAssociations", id, dataSet}, "\x00"), list)
}
