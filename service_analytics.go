package connectlocal

import (
	"cmp"
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

// MaxAnalyticsAssociations bounds an instance's analytics data-set associations. AWS documents no quota
// (the quotas page and the operations' references are silent); 1,000 is decided: it is
// ListAnalyticsDataAssociations' largest page (MaxResult1000), so one page always shows them all, and it keeps
// a client from growing an instance's record without end (issue 19 #4: 1,500 were taken, each call slower).
const MaxAnalyticsAssociations = 1000

// AssociateAnalyticsDataSets associates each data set with target (the caller's account when empty) and
// returns the associations it created, in request order, and the data sets it did not associate with why.
// A data set already associated with target is not associated again: moto's tests
// (tests/test_connect/test_connect.py, test_associate_analytics_data_set_duplicate) expect
// InvalidParameterException for it, and AWS documents nothing else (decided, issue 19 #12); the batch form
// reports it in Errors. An empty DataSetIds is no error: the model gives the list no minimum, so both batch
// forms answer it with empty results (decided, issue 19 #11). Data set ids are checked only against the
// model (1-255 characters): the data lake's table list grows and moto's tests use invented ids.
func (s *Service) AssociateAnalyticsDataSets(ctx context.Context, scope Scope, instance string, dataSets []string, target string) ([]AnalyticsDataAssociation, []DataSetError, error) {
	if target == "" {
		target = scope.Account
	}
	if !IsAccountID(target) {
		return nil, nil, Errorf(InvalidArgument, "Invalid TargetAccountId '%s': an AWS account id is 12 digits", clip(target))
	}
	now := s.now()
	// Share ids are drawn before the update, so a re-run of it hands out the same ones.
	shareIDs := make([]string, len(dataSets))
	for i := range shareIDs {
		shareIDs[i] = s.newID(ctx)
	}
	var out []AnalyticsDataAssociation
	var failed []DataSetError
	err := s.Store.Update(ctx, instanceKey(scope, instance), func(tx Tx) error {
		out, failed = nil, nil
		inst, err := getInstance(tx, scope, instance)
		if err != nil {
			return err
		}
		list := slices.Clone(inst.AnalyticsDataSets)
		for n, ds := range dataSets {
			if slices.ContainsFunc(list, func(a AnalyticsDataAssociation) bool { return a.DataSetID == ds && a.TargetAccountID == target }) {
				failed = append(failed, DataSetError{DataSetID: ds, Message: DataSetAlreadyAssociated(ds, target)})
				continue
			}
			a := AnalyticsDataAssociation{DataSetID: ds, TargetAccountID: target, ResourceShareID: shareIDs[n], CreatedTime: now}
			list = append(list, a)
			out = append(out, a)
		}
		if len(out) == 0 {
			return nil
		}
		if len(list) > MaxAnalyticsAssociations {
			return Errorf(InvalidRequest, "An instance holds at most %d analytics data set associations; this request would make %d", MaxAnalyticsAssociations, len(list))
		}
		inst.AnalyticsDataSets = list
		return tx.PutInstance(scope, inst)
	})
	return out, failed, err
}

// DataSetError is a data set a batch request did not act on, and why.
type DataSetError struct {
	DataSetID string
	Message   string
}

// DataSetAlreadyAssociated is the message for a data set already associated with the target account.
func DataSetAlreadyAssociated(dataSet, target string) string {
	return "Data set '" + dataSet + "' is already associated with account '" + target + "'"
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

// ListAnalyticsDataAssociations returns one page of the instance's associations, only those of dataSet when
// it is set, ordered by DataSetId, then TargetAccountId: moto's tests expect DataSetId order
// (test_list_analytics_associations_deterministic_order) and AWS documents none (issue 19 #12).
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
		slices.SortStableFunc(list, func(a, b AnalyticsDataAssociation) int {
			return cmp.Or(strings.Compare(a.DataSetID, b.DataSetID), strings.Compare(a.TargetAccountID, b.TargetAccountID))
		})
		return nil
	})
	if err != nil {
		return nil, "", err
	}
	// MaxResult1000; with no MaxResults a page holds 1000 (decided: the model's cap).
	return pageOf(ctx, s, page, 1000, strings.Join([]string{"ListAnalyticsDataAssociations", id, dataSet}, "\x00"), list)
}
