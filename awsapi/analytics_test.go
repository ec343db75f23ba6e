package awsapi_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/internal/connecttest"
)

func listAssociations(t *testing.T, c *connect.Client, inst string, dataSet *string, pageSize int32) []types.AnalyticsDataAssociationResult {
	t.Helper()
	var all []types.AnalyticsDataAssociationResult
	var token *string
	for {
		out, err := c.ListAnalyticsDataAssociations(ctx, &connect.ListAnalyticsDataAssociationsInput{InstanceId: &inst, DataSetId: dataSet,
			MaxResults: aws.Int32(pageSize), NextToken: token})
		if err != nil {
			t.Fatal(err)
		}
		if len(out.Results) > int(pageSize) {
			t.Fatalf("page of %d, MaxResults %d", len(out.Results), pageSize)
		}
		all = append(all, out.Results...)
		if token = out.NextToken; token == nil {
			return all
		}
	}
}

func TestAnalyticsDataSets(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		inst := mustInstance(t, c)
		a, err := c.AssociateAnalyticsDataSet(ctx, &connect.AssociateAnalyticsDataSetInput{InstanceId: &inst, DataSetId: aws.String("contact_record")})
		if err != nil {
			t.Fatal(err)
		}
		if *a.DataSetId != "contact_record" || *a.TargetAccountId != connecttest.Account || *a.ResourceShareId == "" ||
			*a.ResourceShareArn != "arn:aws:ram:us-east-1:"+connecttest.Account+":resource-share/"+*a.ResourceShareId {
			t.Fatalf("AssociateAnalyticsDataSet: %+v", a)
		}
		// moto's test_associate_analytics_data_set_duplicate (issue 19 #12).
		_, err = c.AssociateAnalyticsDataSet(ctx, &connect.AssociateAnalyticsDataSetInput{InstanceId: &inst, DataSetId: aws.String("contact_record")})
		wantAPIError(t, err, "InvalidParameterException")
		b, err := c.BatchAssociateAnalyticsDataSet(ctx, &connect.BatchAssociateAnalyticsDataSetInput{InstanceId: &inst,
			DataSetIds: []string{"contact_statistic_record", "agent_queue_statistic_record"}, TargetAccountId: aws.String("111122223333")})
		if err != nil || len(b.Created) != 2 || len(b.Errors) != 0 || *b.Created[0].TargetAccountId != "111122223333" ||
			aws.ToString(b.Created[1].ResourceShareStatus) != "ACTIVE" {
			t.Fatalf("BatchAssociateAnalyticsDataSet: %+v %v", b, err)
		}
		all := listAssociations(t, c, inst, nil, 2)
		var got []string
		for _, r := range all {
			got = append(got, *r.DataSetId+"@"+*r.TargetAccountId)
		}
		// Ordered by DataSetId, as moto's test_list_analytics_associations_deterministic_order expects.
		if strings.Join(got, ",") != "agent_queue_statistic_record@111122223333,contact_record@"+connecttest.Account+",contact_statistic_record@111122223333" {
			t.Fatalf("ListAnalyticsDataAssociations: %v", got)
		}
		if one := listAssociations(t, c, inst, aws.String("contact_statistic_record"), 10); len(one) != 1 {
			t.Fatalf("filtered by DataSetId: %+v", one)
		}

		_, err = c.DisassociateAnalyticsDataSet(ctx, &connect.DisassociateAnalyticsDataSetInput{InstanceId: &inst, DataSetId: aws.String("contact_record")})
		if err != nil {
			t.Fatal(err)
		}
		_, err = c.DisassociateAnalyticsDataSet(ctx, &connect.DisassociateAnalyticsDataSetInput{InstanceId: &inst, DataSetId: aws.String("contact_record")})
		wantAPIError(t, err, "ResourceNotFoundException")
		d, err := c.BatchDisassociateAnalyticsDataSet(ctx, &connect.BatchDisassociateAnalyticsDataSetInput{InstanceId: &inst,
			DataSetIds: []string{"contact_statistic_record", "never_associated"}, TargetAccountId: aws.String("111122223333")})
		if err != nil || len(d.Deleted) != 1 || d.Deleted[0] != "contact_statistic_record" || len(d.Errors) != 1 ||
			*d.Errors[0].ErrorCode != "ResourceNotFoundException" || !strings.Contains(*d.Errors[0].ErrorMessage, "never_associated") {
			t.Fatalf("BatchDisassociateAnalyticsDataSet: %+v %v", d, err)
		}
		if left := listAssociations(t, c, inst, nil, 10); len(left) != 1 || *left[0].DataSetId != "agent_queue_statistic_record" {
			t.Fatalf("left: %+v", left)
		}
	})
}

func TestAnalyticsDataSets_errors(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		inst := mustInstance(t, c)
		_, err := c.AssociateAnalyticsDataSet(ctx, &connect.AssociateAnalyticsDataSetInput{InstanceId: aws.String("nope"), DataSetId: aws.String("contact_record")})
		wantAPIError(t, err, "ResourceNotFoundException")
		_, err = c.ListAnalyticsDataAssociations(ctx, &connect.ListAnalyticsDataAssociationsInput{InstanceId: aws.String("nope")})
		wantAPIError(t, err, "ResourceNotFoundException")
		_, err = c.BatchAssociateAnalyticsDataSet(ctx, &connect.BatchAssociateAnalyticsDataSetInput{InstanceId: aws.String("nope"), DataSetIds: []string{"x"}})
		wantAPIError(t, err, "ResourceNotFoundException")
		_, err = c.BatchDisassociateAnalyticsDataSet(ctx, &connect.BatchDisassociateAnalyticsDataSetInput{InstanceId: aws.String("nope"), DataSetIds: []string{"x"}})
		wantAPIError(t, err, "ResourceNotFoundException")
		_, err = c.AssociateAnalyticsDataSet(ctx, &connect.AssociateAnalyticsDataSetInput{InstanceId: &inst, DataSetId: aws.String("contact_record"), TargetAccountId: aws.String("not-an-account")})
		wantAPIError(t, err, "InvalidParameterException")
		_, err = c.AssociateAnalyticsDataSet(ctx, &connect.AssociateAnalyticsDataSetInput{InstanceId: &inst, DataSetId: aws.String("")})
		wantAPIError(t, err, "InvalidParameterException")
		_, err = c.BatchAssociateAnalyticsDataSet(ctx, &connect.BatchAssociateAnalyticsDataSetInput{InstanceId: &inst, DataSetIds: []string{"ok", ""}})
		wantAPIError(t, err, "InvalidParameterException")
		_, err = c.BatchDisassociateAnalyticsDataSet(ctx, &connect.BatchDisassociateAnalyticsDataSetInput{InstanceId: &inst, DataSetIds: []string{strings.Repeat("x", 256)}})
		wantAPIError(t, err, "InvalidParameterException")
		_, err = c.ListAnalyticsDataAssociations(ctx, &connect.ListAnalyticsDataAssociationsInput{InstanceId: &inst, NextToken: aws.String("forged")})
		wantAPIError(t, err, "InvalidParameterException")
		if left := listAssociations(t, c, inst, nil, 10); len(left) != 0 {
			t.Fatalf("refused requests associated %+v", left)
		}
	})
}

// Issue 19 #11: the model gives DataSetIds no minimum, so both batch forms answer an empty list alike, with
// empty results; #12: a data set already associated is an Errors entry of the batch form, the rest is created.
func TestAnalyticsDataSets_batchEdges(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		inst := mustInstance(t, c)
		a, err := c.BatchAssociateAnalyticsDataSet(ctx, &connect.BatchAssociateAnalyticsDataSetInput{InstanceId: &inst, DataSetIds: []string{}})
		if err != nil || len(a.Created) != 0 || len(a.Errors) != 0 {
			t.Fatalf("BatchAssociateAnalyticsDataSet of none: %+v %v", a, err)
		}
		d, err := c.BatchDisassociateAnalyticsDataSet(ctx, &connect.BatchDisassociateAnalyticsDataSetInput{InstanceId: &inst, DataSetIds: []string{}})
		if err != nil || len(d.Deleted) != 0 || len(d.Errors) != 0 {
			t.Fatalf("BatchDisassociateAnalyticsDataSet of none: %+v %v", d, err)
		}
		a, err = c.BatchAssociateAnalyticsDataSet(ctx, &connect.BatchAssociateAnalyticsDataSetInput{InstanceId: &inst, DataSetIds: []string{"b", "a", "b"}})
		if err != nil || len(a.Created) != 2 || len(a.Errors) != 1 || *a.Errors[0].ErrorCode != "InvalidParameterException" ||
			!strings.Contains(*a.Errors[0].ErrorMessage, "'b' is already associated") {
			t.Fatalf("a repeated data set: %+v %v", a, err)
		}
		if all := listAssociations(t, c, inst, nil, 10); len(all) != 2 || *all[0].DataSetId != "a" || *all[1].DataSetId != "b" {
			t.Fatalf("associations: %+v", all)
		}
	})
}

// Issue 19 #4: an instance holds at most connectlocal.MaxAnalyticsAssociations associations; a request past
// it changes nothing.
func TestAnalyticsDataSets_bound(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		inst := mustInstance(t, c)
		ids := make([]string, connectlocal.MaxAnalyticsAssociations)
		for i := range ids {
			ids[i] = fmt.Sprintf("ds-%04d", i)
		}
		if _, err := c.BatchAssociateAnalyticsDataSet(ctx, &connect.BatchAssociateAnalyticsDataSetInput{InstanceId: &inst, DataSetIds: ids}); err != nil {
			t.Fatal(err)
		}
		_, err := c.AssociateAnalyticsDataSet(ctx, &connect.AssociateAnalyticsDataSetInput{InstanceId: &inst, DataSetId: aws.String("one-more")})
		wantAPIError(t, err, "InvalidRequestException")
		out, err := c.ListAnalyticsDataAssociations(ctx, &connect.ListAnalyticsDataAssociationsInput{InstanceId: &inst, DataSetId: aws.String("one-more")})
		if err != nil || len(out.Results) != 0 {
			t.Fatalf("a refused association was kept: %+v %v", out, err)
		}
	})
}
