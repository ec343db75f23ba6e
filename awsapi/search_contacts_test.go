package awsapi_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/connectlocal/connectlocal/internal/connecttest"
)

// searchNames runs a search to its last page and returns the contacts' names in order, the pages and the
// TotalCount of the first page.
func searchNames(t *testing.T, c *connect.Client, in connect.SearchContactsInput) ([]string, int, int64) {
	t.Helper()
	var names []string
	pages := 0
	var total int64
	for {
		out, err := c.SearchContacts(ctx, &in)
		if err != nil {
			t.Fatalf("SearchContacts: %v", err)
		}
		if pages == 0 {
			total = *out.TotalCount
		}
		pages++
		for _, s := range out.Contacts {
			if s.Channel != types.ChannelTask || s.InitiationMethod != types.ContactInitiationMethodApi || s.InitiationTimestamp == nil {
				t.Errorf("summary: %+v", s)
			}
			names = append(names, aws.ToString(s.Name))
		}
		if out.NextToken == nil {
			return names, pages, total
		}
		in.NextToken = out.NextToken
	}
}

func TestSearchContacts(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		f := newTaskFixture(t, c)
		start := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC) // steppingClock's origin
		plain := func(name string) *connect.StartTaskContactInput {
			return &connect.StartTaskContactInput{InstanceId: &f.inst, ContactFlowId: &f.flow, Name: aws.String(name)}
		}
		alpha := plain("Refund alpha")
		alpha.Attributes = map[string]string{"team": "billing"}
		alphaID := mustTask(t, c, alpha)
		beta := plain("Refund beta")
		beta.ScheduledTime = aws.Time(start.Add(2 * time.Hour))
		beta.SegmentAttributes = map[string]types.SegmentAttributeValue{"connect:Subtype": {ValueString: aws.String("connect:Guide")}}
		mustTask(t, c, beta)
		other := mustTask(t, c, plain("Other thing"))
		if _, err := c.StopContact(ctx, &connect.StopContactInput{InstanceId: &f.inst, ContactId: other}); err != nil {
			t.Fatal(err)
		}
		if _, err := c.TagContact(ctx, &connect.TagContactInput{InstanceId: &f.inst, ContactId: alphaID, Tags: map[string]string{"vip": "yes"}}); err != nil {
			t.Fatal(err)
		}
		// Another instance's task is never found.
		g := newTaskFixture(t, c)
		mustTask(t, c, &connect.StartTaskContactInput{InstanceId: &g.inst, ContactFlowId: &g.flow, Name: aws.String("Refund elsewhere")})

		day := &types.SearchContactsTimeRange{Type: types.SearchContactsTimeRangeTypeInitiationTimestamp, StartTime: aws.Time(start), EndTime: aws.Time(start.Add(24 * time.Hour))}
		search := func(crit *types.SearchCriteria, sort *types.Sort) connect.SearchContactsInput {
			return connect.SearchContactsInput{InstanceId: &f.inst, TimeRange: day, SearchCriteria: crit, Sort: sort}
		}
		cases := []struct {
			name string
			in   connect.SearchContactsInput
			want string
		}{
			{"everything, newest first", search(nil, nil), "[Other thing Refund beta Refund alpha]"},
			{"oldest first", search(nil, &types.Sort{FieldName: "INITIATION_TIMESTAMP", Order: "ASCENDING"}), "[Refund alpha Refund beta Other thing]"},
			{"by schedule", search(nil, &types.Sort{FieldName: "SCHEDULED_TIMESTAMP", Order: "DESCENDING"}), "[Refund beta Other thing Refund alpha]"},
			{"task channel", search(&types.SearchCriteria{Channels: []types.Channel{"TASK"}}, nil), "[Other thing Refund beta Refund alpha]"},
			{"voice channel", search(&types.SearchCriteria{Channels: []types.Channel{"VOICE", "CHAT"}}, nil), "[]"},
			{"API initiated", search(&types.SearchCriteria{InitiationMethods: []types.ContactInitiationMethod{"API"}}, nil), "[Other thing Refund beta Refund alpha]"},
			{"inbound", search(&types.SearchCriteria{InitiationMethods: []types.ContactInitiationMethod{"INBOUND"}}, nil), "[]"},
			{"agents", search(&types.SearchCriteria{AgentIds: []string{"agent-1"}}, nil), "[]"},
			{"queues", search(&types.SearchCriteria{QueueIds: []string{"queue-1"}}, nil), "[]"},
			{"name any", search(&types.SearchCriteria{Name: &types.NameCriteria{SearchText: []string{"REFUND"}, MatchType: "MATCH_ANY"}}, nil), "[Refund beta Refund alpha]"},
			{"name all", search(&types.SearchCriteria{Name: &types.NameCriteria{SearchText: []string{"refund", "beta"}, MatchType: "MATCH_ALL"}}, nil), "[Refund beta]"},
			{"name exact", search(&types.SearchCriteria{Name: &types.NameCriteria{SearchText: []string{"refund alpha"}, MatchType: "MATCH_EXACT"}}, nil), "[Refund alpha]"},
			{"name none", search(&types.SearchCriteria{Name: &types.NameCriteria{SearchText: []string{"refund"}, MatchType: "MATCH_NONE"}}, nil), "[Other thing]"},
			{"attribute", search(&types.SearchCriteria{SearchableContactAttributes: &types.SearchableContactAttributes{
				Criteria: []types.SearchableContactAttributesCriteria{{Key: aws.String("team"), Values: []string{"billing", "sales"}}}}}, nil), "[Refund alpha]"},
			// Issue 19 #11: the model's four match types are all taken for criteria lists.
			{"attribute exact", search(&types.SearchCriteria{SearchableContactAttributes: &types.SearchableContactAttributes{MatchType: "MATCH_EXACT",
				Criteria: []types.SearchableContactAttributesCriteria{{Key: aws.String("team"), Values: []string{"billing"}}}}}, nil), "[Refund alpha]"},
			{"attribute none", search(&types.SearchCriteria{SearchableContactAttributes: &types.SearchableContactAttributes{MatchType: "MATCH_NONE",
				Criteria: []types.SearchableContactAttributesCriteria{{Key: aws.String("team"), Values: []string{"billing"}}}}}, nil), "[Other thing Refund beta]"},
			{"segment none", search(&types.SearchCriteria{SearchableSegmentAttributes: &types.SearchableSegmentAttributes{MatchType: "MATCH_NONE",
				Criteria: []types.SearchableSegmentAttributesCriteria{{Key: aws.String("connect:Subtype"), Values: []string{"connect:Guide"}}}}}, nil), "[Other thing Refund alpha]"},
			{"scheduled, none", search(&types.SearchCriteria{AdditionalTimeRange: &types.SearchContactsAdditionalTimeRange{MatchType: "MATCH_NONE",
				Criteria: []types.SearchContactsAdditionalTimeRangeCriteria{{TimestampCondition: &types.SearchContactsTimestampCondition{
					Type: "SCHEDULED_TIMESTAMP", ConditionType: "NOT_EXISTS"}}}}}, nil), "[Refund beta]"},
			{"attribute other value", search(&types.SearchCriteria{SearchableContactAttributes: &types.SearchableContactAttributes{
				Criteria: []types.SearchableContactAttributesCriteria{{Key: aws.String("team"), Values: []string{"sales"}}}}}, nil), "[]"},
			{"segment attribute", search(&types.SearchCriteria{SearchableSegmentAttributes: &types.SearchableSegmentAttributes{
				Criteria: []types.SearchableSegmentAttributesCriteria{{Key: aws.String("connect:Subtype"), Values: []string{"connect:Guide"}}}}}, nil), "[Refund beta]"},
			{"tag", search(&types.SearchCriteria{ContactTags: &types.ControlPlaneTagFilter{TagCondition: &types.TagCondition{TagKey: aws.String("vip"), TagValue: aws.String("yes")}}}, nil), "[Refund alpha]"},
			{"tag or", search(&types.SearchCriteria{ContactTags: &types.ControlPlaneTagFilter{OrConditions: [][]types.TagCondition{
				{{TagKey: aws.String("vip"), TagValue: aws.String("no")}}, {{TagKey: aws.String("vip"), TagValue: aws.String("yes")}}}}}, nil), "[Refund alpha]"},
			{"not scheduled", search(&types.SearchCriteria{AdditionalTimeRange: &types.SearchContactsAdditionalTimeRange{MatchType: "MATCH_ALL",
				Criteria: []types.SearchContactsAdditionalTimeRangeCriteria{{TimestampCondition: &types.SearchContactsTimestampCondition{
					Type: "SCHEDULED_TIMESTAMP", ConditionType: "NOT_EXISTS"}}}}}, nil), "[Other thing Refund alpha]"},
			{"active region", search(&types.SearchCriteria{ActiveRegions: []string{"eu-west-2"}}, nil), "[]"},
			{"scheduled window", connect.SearchContactsInput{InstanceId: &f.inst, TimeRange: &types.SearchContactsTimeRange{Type: "SCHEDULED_TIMESTAMP",
				StartTime: aws.Time(start.Add(time.Hour)), EndTime: aws.Time(start.Add(3 * time.Hour))}}, "[Refund beta]"},
			{"disconnected", connect.SearchContactsInput{InstanceId: &f.inst, TimeRange: &types.SearchContactsTimeRange{Type: "DISCONNECT_TIMESTAMP",
				StartTime: aws.Time(start), EndTime: aws.Time(start.Add(time.Hour))}}, "[Other thing]"},
			{"the day before", connect.SearchContactsInput{InstanceId: &f.inst, TimeRange: &types.SearchContactsTimeRange{Type: "INITIATION_TIMESTAMP",
				StartTime: aws.Time(start.Add(-24 * time.Hour)), EndTime: aws.Time(start)}}, "[]"},
		}
		for _, tc := range cases {
			names, _, total := searchNames(t, c, tc.in)
			if fmt.Sprint(names) != tc.want || int(total) != len(names) {
				t.Errorf("%s: %v (TotalCount %d), want %s", tc.name, names, total, tc.want)
			}
		}

		paged := search(nil, nil)
		paged.MaxResults = aws.Int32(2)
		names, pages, total := searchNames(t, c, paged)
		if fmt.Sprint(names) != "[Other thing Refund beta Refund alpha]" || pages != 2 || total != 3 {
			t.Errorf("paged: %v in %d pages, TotalCount %d", names, pages, total)
		}
		first, err := c.SearchContacts(ctx, &paged)
		if err != nil {
			t.Fatal(err)
		}
		// A token only continues the search it came from.
		changed := search(&types.SearchCriteria{Channels: []types.Channel{"TASK"}}, nil)
		changed.NextToken = first.NextToken
		_, err = c.SearchContacts(ctx, &changed)
		wantAPIError(t, err, "InvalidParameterException")

		backwards := search(nil, nil)
		backwards.TimeRange = &types.SearchContactsTimeRange{Type: "INITIATION_TIMESTAMP", StartTime: aws.Time(start), EndTime: aws.Time(start.Add(-time.Hour))}
		_, err = c.SearchContacts(ctx, &backwards)
		wantAPIError(t, err, "InvalidParameterException")
		badMatch := search(&types.SearchCriteria{SearchableContactAttributes: &types.SearchableContactAttributes{MatchType: "MATCH_SOME",
			Criteria: []types.SearchableContactAttributesCriteria{{Key: aws.String("team"), Values: []string{"billing"}}}}}, nil)
		_, err = c.SearchContacts(ctx, &badMatch)
		wantAPIError(t, err, "InvalidParameterException")
		unknown := search(nil, nil)
		unknown.InstanceId = aws.String("nope")
		_, err = c.SearchContacts(ctx, &unknown)
		wantAPIError(t, err, "ResourceNotFoundException")
		tooMany := search(nil, nil)
		tooMany.MaxResults = aws.Int32(101)
		_, err = c.SearchContacts(ctx, &tooMany)
		wantAPIError(t, err, "InvalidParameterException")
	}, steppingClock)
}
