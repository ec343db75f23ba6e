package awsapi_test

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/internal/connecttest"
)

func weekdays(start, end int32) []types.HoursOfOperationConfig {
	var out []types.HoursOfOperationConfig
	for _, d := range []types.HoursOfOperationDays{types.HoursOfOperationDaysMonday, types.HoursOfOperationDaysTuesday} {
		out = append(out, types.HoursOfOperationConfig{Day: d, StartTime: &types.HoursOfOperationTimeSlice{Hours: aws.Int32(start), Minutes: aws.Int32(0)},
			EndTime: &types.HoursOfOperationTimeSlice{Hours: aws.Int32(end), Minutes: aws.Int32(30)}})
	}
	return out
}

// Hours of operation through their whole life: create, describe, list, search, update, delete, and the
// instance's own "Basic Hours".
func TestHoursOfOperation(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		inst := mustInstance(t, c)

		list, err := c.ListHoursOfOperations(ctx, &connect.ListHoursOfOperationsInput{InstanceId: &inst})
		if err != nil {
			t.Fatal(err)
		}
		if len(list.HoursOfOperationSummaryList) != 1 || *list.HoursOfOperationSummaryList[0].Name != "Basic Hours" {
			t.Fatalf("a new instance's hours: %+v", list.HoursOfOperationSummaryList)
		}
		basic, err := c.DescribeHoursOfOperation(ctx, &connect.DescribeHoursOfOperationInput{InstanceId: &inst, HoursOfOperationId: list.HoursOfOperationSummaryList[0].Id})
		if err != nil {
			t.Fatal(err)
		}
		if len(basic.HoursOfOperation.Config) != 7 || *basic.HoursOfOperation.TimeZone == "" {
			t.Errorf("Basic Hours: %+v", basic.HoursOfOperation)
		}

		out, err := c.CreateHoursOfOperation(ctx, &connect.CreateHoursOfOperationInput{InstanceId: &inst, Name: aws.String("Office"),
			Description: aws.String("weekdays"), TimeZone: aws.String("Europe/Paris"), Config: weekdays(9, 17),
			Tags: map[string]string{"team": "support"}})
		if err != nil {
			t.Fatal(err)
		}
		if *out.HoursOfOperationArn != "arn:aws:connect:us-east-1:123456789012:instance/"+inst+"/operating-hours/"+*out.HoursOfOperationId {
			t.Errorf("arn %s", *out.HoursOfOperationArn)
		}
		got, err := c.DescribeHoursOfOperation(ctx, &connect.DescribeHoursOfOperationInput{InstanceId: &inst, HoursOfOperationId: out.HoursOfOperationArn})
		if err != nil {
			t.Fatal(err)
		}
		h := got.HoursOfOperation
		if *h.Name != "Office" || *h.Description != "weekdays" || *h.TimeZone != "Europe/Paris" || len(h.Config) != 2 ||
			*h.Config[0].EndTime.Hours != 17 || *h.Config[0].EndTime.Minutes != 30 || h.Tags["team"] != "support" ||
			h.LastModifiedTime == nil || *h.LastModifiedRegion != "us-east-1" {
			t.Errorf("describe: %+v", h)
		}

		_, err = c.CreateHoursOfOperation(ctx, &connect.CreateHoursOfOperationInput{InstanceId: &inst, Name: aws.String("Office"),
			TimeZone: aws.String("UTC"), Config: weekdays(1, 2)})
		wantAPIError(t, err, "DuplicateResourceException")
		_, err = c.CreateHoursOfOperation(ctx, &connect.CreateHoursOfOperationInput{InstanceId: &inst, Name: aws.String("Mars"),
			TimeZone: aws.String("Mars/Olympus"), Config: weekdays(1, 2)})
		wantAPIError(t, err, "InvalidParameterException")
		_, err = c.CreateHoursOfOperation(ctx, &connect.CreateHoursOfOperationInput{InstanceId: &inst, Name: aws.String("Late"),
			TimeZone: aws.String("UTC"), Config: weekdays(24, 2)})
		wantAPIError(t, err, "InvalidParameterException")

		// Terraform's update sends every member, an unset description as "".
		_, err = c.UpdateHoursOfOperation(ctx, &connect.UpdateHoursOfOperationInput{InstanceId: &inst, HoursOfOperationId: out.HoursOfOperationId,
			Name: aws.String("Office hours"), Description: aws.String(""), TimeZone: aws.String("UTC"), Config: weekdays(8, 16)})
		if err != nil {
			t.Fatal(err)
		}
		got, _ = c.DescribeHoursOfOperation(ctx, &connect.DescribeHoursOfOperationInput{InstanceId: &inst, HoursOfOperationId: out.HoursOfOperationId})
		if h := got.HoursOfOperation; *h.Name != "Office hours" || h.Description != nil || *h.TimeZone != "UTC" || *h.Config[1].StartTime.Hours != 8 {
			t.Errorf("after update: %+v", h)
		}
		_, err = c.UpdateHoursOfOperation(ctx, &connect.UpdateHoursOfOperationInput{InstanceId: &inst, HoursOfOperationId: out.HoursOfOperationId,
			Name: aws.String("Basic Hours")})
		wantAPIError(t, err, "DuplicateResourceException")

		search, err := c.SearchHoursOfOperations(ctx, &connect.SearchHoursOfOperationsInput{InstanceId: &inst,
			SearchCriteria: &types.HoursOfOperationSearchCriteria{StringCondition: &types.StringCondition{FieldName: aws.String("name"),
				Value: aws.String("office"), ComparisonType: types.StringComparisonTypeStartsWith}}})
		if err != nil {
			t.Fatal(err)
		}
		if *search.ApproximateTotalCount != 1 || len(search.HoursOfOperations) != 1 || *search.HoursOfOperations[0].HoursOfOperationId != *out.HoursOfOperationId {
			t.Errorf("search: %+v", search)
		}
		search, err = c.SearchHoursOfOperations(ctx, &connect.SearchHoursOfOperationsInput{InstanceId: &inst,
			SearchFilter: &types.HoursOfOperationSearchFilter{TagFilter: &types.ControlPlaneTagFilter{TagCondition: &types.TagCondition{TagKey: aws.String("team"), TagValue: aws.String("support")}}}})
		if err != nil || *search.ApproximateTotalCount != 1 {
			t.Errorf("tag search: %+v %v", search, err)
		}
		_, err = c.SearchHoursOfOperations(ctx, &connect.SearchHoursOfOperationsInput{InstanceId: &inst,
			SearchCriteria: &types.HoursOfOperationSearchCriteria{StringCondition: &types.StringCondition{FieldName: aws.String("colour"), Value: aws.String("x")}}})
		wantAPIError(t, err, "InvalidParameterException")

		page, err := c.ListHoursOfOperations(ctx, &connect.ListHoursOfOperationsInput{InstanceId: &inst, MaxResults: aws.Int32(1)})
		if err != nil || len(page.HoursOfOperationSummaryList) != 1 || page.NextToken == nil {
			t.Fatalf("first page: %+v %v", page, err)
		}
		page, err = c.ListHoursOfOperations(ctx, &connect.ListHoursOfOperationsInput{InstanceId: &inst, MaxResults: aws.Int32(1), NextToken: page.NextToken})
		if err != nil || len(page.HoursOfOperationSummaryList) != 1 || *page.HoursOfOperationSummaryList[0].Id != *out.HoursOfOperationId || page.NextToken != nil {
			t.Fatalf("second page: %+v %v", page, err)
		}

		if _, err := c.DeleteHoursOfOperation(ctx, &connect.DeleteHoursOfOperationInput{InstanceId: &inst, HoursOfOperationId: out.HoursOfOperationId}); err != nil {
			t.Fatal(err)
		}
		_, err = c.DescribeHoursOfOperation(ctx, &connect.DescribeHoursOfOperationInput{InstanceId: &inst, HoursOfOperationId: out.HoursOfOperationId})
		wantAPIError(t, err, "ResourceNotFoundException")
		_, err = c.DeleteHoursOfOperation(ctx, &connect.DeleteHoursOfOperationInput{InstanceId: &inst, HoursOfOperationId: out.HoursOfOperationId})
		wantAPIError(t, err, "ResourceNotFoundException")
		_, err = c.ListHoursOfOperations(ctx, &connect.ListHoursOfOperationsInput{InstanceId: aws.String("00000000-0000-0000-0000-000000000000")})
		wantAPIError(t, err, "ResourceNotFoundException")
	})
}

// A routing object's ARN takes TagResource, UntagResource and ListTagsForResource like any other.
func TestRoutingObjectTags(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		inst := mustInstance(t, c)
		out, err := c.CreateHoursOfOperation(ctx, &connect.CreateHoursOfOperationInput{InstanceId: &inst, Name: aws.String("Tagged"),
			TimeZone: aws.String("UTC"), Config: weekdays(9, 17)})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.TagResource(ctx, &connect.TagResourceInput{ResourceArn: out.HoursOfOperationArn, Tags: map[string]string{"a": "1", "b": "2"}}); err != nil {
			t.Fatal(err)
		}
		if _, err := c.UntagResource(ctx, &connect.UntagResourceInput{ResourceArn: out.HoursOfOperationArn, TagKeys: []string{"a"}}); err != nil {
			t.Fatal(err)
		}
		tags, err := c.ListTagsForResource(ctx, &connect.ListTagsForResourceInput{ResourceArn: out.HoursOfOperationArn})
		if err != nil || len(tags.Tags) != 1 || tags.Tags["b"] != "2" {
			t.Fatalf("tags: %+v %v", tags, err)
		}
		c.DeleteHoursOfOperation(ctx, &connect.DeleteHoursOfOperationInput{InstanceId: &inst, HoursOfOperationId: out.HoursOfOperationId})
		_, err = c.ListTagsForResource(ctx, &connect.ListTagsForResourceInput{ResourceArn: out.HoursOfOperationArn})
		wantAPIError(t, err, "ResourceNotFoundException")
	})
}

// `serve --quota hours-of-operation-per-instance=N` bounds the hours of an instance, the Basic Hours included.
func TestRoutingObjectQuota(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		inst := mustInstance(t, c)
		create := func(name string) error {
			_, err := c.CreateHoursOfOperation(ctx, &connect.CreateHoursOfOperationInput{InstanceId: &inst, Name: aws.String(name),
				TimeZone: aws.String("UTC"), Config: weekdays(9, 17)})
			return err
		}
		if err := create("Second"); err != nil {
			t.Fatal(err)
		}
		wantAPIError(t, create("Third"), "ServiceQuotaExceededException")
	}, func(s *connectlocal.Service) { *s.Quotas.QuotaNames()["hours-of-operation-per-instance"] = 2 })
}
