package awsapi

import (
	"context"
	"encoding/json"
	"time"

	"github.com/connectlocal/connectlocal"
)

type SearchContactsTimeRange struct {
	Type      string
	StartTime epochTime
	EndTime   epochTime
}

type NameCriteria struct {
	SearchText []string
	MatchType  string
}

type SearchContactsTimestampCondition struct {
	Type          string
	ConditionType string
}

type SearchContactsAdditionalTimeRangeCriteria struct {
	TimeRange          *SearchContactsTimeRange
	TimestampCondition *SearchContactsTimestampCondition
}

type SearchContactsAdditionalTimeRange struct {
	Criteria  []SearchContactsAdditionalTimeRangeCriteria
	MatchType string
}

type SearchableContactAttributesCriteria struct {
	Key    string
	Values []string
}

type SearchableContactAttributes struct {
	Criteria  []SearchableContactAttributesCriteria
	MatchType *string
}

type SearchableSegmentAttributesCriteria struct {
	Key    string
	Values []string
}

type SearchableSegmentAttributes struct {
	Criteria  []SearchableSegmentAttributesCriteria
	MatchType *string
}

type TagCondition struct {
	TagKey   *string
	TagValue *string
}

type ControlPlaneTagFilter struct {
	OrConditions  [][]TagCondition
	AndConditions []TagCondition
	TagCondition  *TagCondition
}

type SearchCriteria struct {
	Name                        *NameCriteria
	AgentIds                    []string
	AgentHierarchyGroups        json.RawMessage
	Channels                    []string
	ContactAnalysis             json.RawMessage
	InitiationMethods           []string
	QueueIds                    []string
	RoutingCriteria             json.RawMessage
	AdditionalTimeRange         *SearchContactsAdditionalTimeRange
	SearchableContactAttributes *SearchableContactAttributes
	SearchableSegmentAttributes *SearchableSegmentAttributes
	ActiveRegions               []string
	ContactTags                 *ControlPlaneTagFilter
}

type Sort struct {
	FieldName string
	Order     string
}

type SearchContactsRequest struct {
	InstanceId     string
	TimeRange      SearchContactsTimeRange
	SearchCriteria *SearchCriteria
	MaxResults     *int
	NextToken      *string
	Sort           *Sort
}

type ContactSearchSummarySegmentAttributeValue struct {
	ValueString *string         `json:",omitempty"`
	ValueMap    json.RawMessage `json:",omitempty"`
}

type ContactSearchSummary struct {
	Arn                 string
	Id                  string
	InitialContactId    string
	PreviousContactId   *string `json:",omitempty"`
	InitiationMethod    string
	Channel             string
	InitiationTimestamp *epochTime
	DisconnectTimestamp *epochTime                                           `json:",omitempty"`
	ScheduledTimestamp  *epochTime                                           `json:",omitempty"`
	SegmentAttributes   map[string]ContactSearchSummarySegmentAttributeValue `json:",omitempty"`
	Name                *string                                              `json:",omitempty"`
	Tags                map[string]string                                    `json:",omitempty"`
}

type SearchContactsResponse struct {
	Contacts   []ContactSearchSummary
	NextToken  *string `json:",omitempty"`
	TotalCount int64
}

func timeRangeIn(r SearchContactsTimeRange) connectlocal.SearchTimeRange {
	return connectlocal.SearchTimeRange{Type: r.Type, Start: time.Time(r.StartTime).UTC(), End: time.Time(r.EndTime).UTC()}
}

func tagConditionIn(c TagCondition) connectlocal.TagCondition {
	return connectlocal.TagCondition{Key: val(c.TagKey), Value: val(c.TagValue)}
}

func searchContactsInput(in *SearchContactsRequest) connectlocal.SearchContactsInput {
	q := connectlocal.SearchContactsInput{InstanceID: in.InstanceId, TimeRange: timeRangeIn(in.TimeRange)}
	if in.MaxResults != nil {
		q.Page.Limit = *in.MaxResults
	}
	q.Page.Token = val(in.NextToken)
	if in.Sort != nil {
		q.SortField, q.SortOrder = in.Sort.FieldName, in.Sort.Order
	}
	c := in.SearchCriteria
	if c == nil {
		return q
	}
	q.Channels, q.InitiationMethods, q.ActiveRegions = c.Channels, c.InitiationMethods, c.ActiveRegions
	if c.Name != nil {
		q.NameTexts, q.NameMatch = c.Name.SearchText, c.Name.MatchType
	}
	switch {
	case len(c.AgentIds) > 0:
		q.Unmatchable = "AgentIds"
	case len(c.QueueIds) > 0:
		q.Unmatchable = "QueueIds"
	case present(c.AgentHierarchyGroups) && string(c.AgentHierarchyGroups) != "{}":
		q.Unmatchable = "AgentHierarchyGroups"
	case present(c.ContactAnalysis) && string(c.ContactAnalysis) != "{}":
		q.Unmatchable = "ContactAnalysis"
	case present(c.RoutingCriteria) && string(c.RoutingCriteria) != "{}":
		q.Unmatchable = "RoutingCriteria"
	}
	if t := c.AdditionalTimeRange; t != nil {
		q.TimeMatch = t.MatchType
		for _, tc := range t.Criteria {
			var crit connectlocal.SearchTimeCriterion
			if tc.TimeRange != nil {
				r := timeRangeIn(*tc.TimeRange)
				crit.Range = &r
			} else if tc.TimestampCondition != nil {
				crit.NotExists = tc.TimestampCondition.Type
			}
			q.TimeCriteria = append(q.TimeCriteria, crit)
		}
	}
	if a := c.SearchableContactAttributes; a != nil {
		q.AttributeMatch = val(a.MatchType)
		for _, kv := range a.Criteria {
			q.Attributes = append(q.Attributes, connectlocal.KeyValues{Key: kv.Key, Values: kv.Values})
		}
	}
	if a := c.SearchableSegmentAttributes; a != nil {
		q.SegmentMatch = val(a.MatchType)
		for _, kv := range a.Criteria {
			q.Segments = append(q.Segments, connectlocal.KeyValues{Key: kv.Key, Values: kv.Values})
		}
	}
	if t := c.ContactTags; t != nil {
		if t.TagCondition != nil {
			q.TagsAll = append(q.TagsAll, tagConditionIn(*t.TagCondition))
		}
		for _, tc := range t.AndConditions {
			q.TagsAll = append(q.TagsAll, tagConditionIn(tc))
		}
		for _, group := range t.OrConditions {
			var g []connectlocal.TagCondition
			for _, tc := range group {
				g = append(g, tagConditionIn(tc))
			}
			q.TagsAny = append(q.TagsAny, g)
		}
	}
	return q
}

func searchContacts(ctx context.Context, a *API, scope connectlocal.Scope, in *SearchContactsRequest) (*SearchContactsResponse, error) {
	list, next, total, err := a.svc.SearchContacts(ctx, scope, searchContactsInput(in))
	if err != nil {
		return nil, err
	}
	out := &SearchContactsResponse{Contacts: make([]ContactSearchSummary, len(list)), NextToken: str(next), TotalCount: int64(total)}
	for i, c := range list {
		out.Contacts[i] = ContactSearchSummary{Arn: scope.ContactARN(c.InstanceID, c.ID), Id: c.ID, InitialContactId: c.InitialContactID,
			PreviousContactId: str(c.PreviousContactID), InitiationMethod: "API", Channel: "TASK",
			InitiationTimestamp: stamp(c.InitiationTimestamp), DisconnectTimestamp: stamp(c.DisconnectTimestamp),
			ScheduledTimestamp: stamp(c.ScheduledTimestamp), SegmentAttributes: summarySegments(c.SegmentAttributes),
			Name: str(c.Name), Tags: tagsOut(c.Tags)}
	}
	return out, nil
}

// summarySegments keeps what ContactSearchSummarySegmentAttributeValue can show: ValueString and ValueMap.
func summarySegments(raw []byte) map[string]ContactSearchSummarySegmentAttributeValue {
	var attrs map[string]ContactSearchSummarySegmentAttributeValue
	if len(raw) == 0 || json.Unmarshal(raw, &attrs) != nil || len(attrs) == 0 {
		return nil
	}
	for k, v := range attrs {
		if v.ValueString == nil && !present(v.ValueMap) {
			delete(attrs, k)
		}
	}
	return attrs
}
