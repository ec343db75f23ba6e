package awsapi

import (
	"context"
	"encoding/json"

	"github.com/connectlocal/connectlocal"
)

type HierarchyGroupCondition struct {
	Value                   *string
	HierarchyGroupMatchType *string
}

func (c *HierarchyGroupCondition) domain() connectlocal.HierarchyGroupCondition {
	return connectlocal.HierarchyGroupCondition{Value: val(c.Value), MatchType: val(c.HierarchyGroupMatchType)}
}

type NumberCondition struct {
	FieldName      *string
	MinValue       *int
	MaxValue       *int
	ComparisonType *string
}

type Condition struct {
	StringCondition *StringCondition
	NumberCondition *NumberCondition
}

type ListCondition struct {
	TargetListType *string
	Conditions     []Condition
}

type UserSearchCriteria struct {
	OrConditions            []UserSearchCriteria
	AndConditions           []UserSearchCriteria
	StringCondition         *StringCondition
	ListCondition           *ListCondition
	HierarchyGroupCondition *HierarchyGroupCondition
}

func (c UserSearchCriteria) parts() (or, and []UserSearchCriteria, s *StringCondition, other map[string]string) {
	if c.HierarchyGroupCondition != nil || c.ListCondition != nil {
		other = map[string]string{}
	}
	if c.HierarchyGroupCondition != nil {
		other["HierarchyGroupCondition"] = connectlocal.EncodeGroupCondition(c.HierarchyGroupCondition.domain())
	}
	if c.ListCondition != nil {
		b, _ := json.Marshal(c.ListCondition)
		other["ListCondition"] = string(b)
	}
	return c.OrConditions, c.AndConditions, c.StringCondition, other
}

type AttributeAndCondition struct {
	TagConditions           []TagCondition
	HierarchyGroupCondition *HierarchyGroupCondition
}

type ControlPlaneUserAttributeFilter struct {
	OrConditions            []AttributeAndCondition
	AndCondition            *AttributeAndCondition
	TagCondition            *TagCondition
	HierarchyGroupCondition *HierarchyGroupCondition
}

type UserSearchFilter struct {
	TagFilter           *ControlPlaneTagFilter
	UserAttributeFilter *ControlPlaneUserAttributeFilter
}

func attributeAnd(a AttributeAndCondition) connectlocal.UserAttributeAnd {
	var out connectlocal.UserAttributeAnd
	for _, t := range a.TagConditions {
		out.Tags = append(out.Tags, connectlocal.TagCondition{Key: val(t.TagKey), Value: val(t.TagValue)})
	}
	if a.HierarchyGroupCondition != nil {
		g := a.HierarchyGroupCondition.domain()
		out.Group = &g
	}
	return out
}

func (f *ControlPlaneUserAttributeFilter) domain() *connectlocal.UserAttributeFilter {
	if f == nil {
		return nil
	}
	out := &connectlocal.UserAttributeFilter{}
	for _, a := range f.OrConditions {
		out.Or = append(out.Or, attributeAnd(a))
	}
	if f.AndCondition != nil {
		a := attributeAnd(*f.AndCondition)
		out.And = &a
	}
	if f.TagCondition != nil {
		out.Tag = &connectlocal.TagCondition{Key: val(f.TagCondition.TagKey), Value: val(f.TagCondition.TagValue)}
	}
	if f.HierarchyGroupCondition != nil {
		g := f.HierarchyGroupCondition.domain()
		out.Group = &g
	}
	return out
}

type SearchUsersRequest struct {
	InstanceId     string
	NextToken      *string
	MaxResults     *int
	SearchFilter   *UserSearchFilter
	SearchCriteria *UserSearchCriteria
}

type SearchUsersResponse struct {
	Users                 []UserSearchSummary
	NextToken             *string `json:",omitempty"`
	ApproximateTotalCount int64
}

func searchUsers(ctx context.Context, a *API, scope connectlocal.Scope, in *SearchUsersRequest) (*SearchUsersResponse, error) {
	q := connectlocal.SearchInput{Instance: in.InstanceId, Page: pageOf(in.NextToken, in.MaxResults), Criteria: searchCriteria(in.SearchCriteria)}
	var attrs *connectlocal.UserAttributeFilter
	if in.SearchFilter != nil {
		q.Tags = searchTagFilter(in.SearchFilter.TagFilter)
		attrs = in.SearchFilter.UserAttributeFilter.domain()
	}
	rs, next, total, err := a.svc.SearchUsers(ctx, scope, q, attrs)
	if err != nil {
		return nil, err
	}
	out := &SearchUsersResponse{Users: make([]UserSearchSummary, len(rs)), NextToken: str(next), ApproximateTotalCount: total}
	for i, r := range rs {
		u := userOut(scope, r)
		s := UserSearchSummary{Arn: u.Arn, DirectoryUserId: u.DirectoryUserId, HierarchyGroupId: u.HierarchyGroupId, Id: u.Id,
			PhoneConfig: u.PhoneConfig, RoutingProfileId: u.RoutingProfileId, SecurityProfileIds: u.SecurityProfileIds, Tags: u.Tags,
			Username: u.Username, AutoAcceptConfigs: u.AutoAcceptConfigs}
		if u.IdentityInfo != nil && (u.IdentityInfo.FirstName != nil || u.IdentityInfo.LastName != nil) {
			s.IdentityInfo = &UserIdentityInfoLite{FirstName: u.IdentityInfo.FirstName, LastName: u.IdentityInfo.LastName}
		}
		// The model's UserPhoneConfig documentation: "When returned by a SearchUsers call,
		// AfterContactWorkTimeLimit is returned in milliseconds."
		ms := *s.PhoneConfig.AfterContactWorkTimeLimit * 1000
		s.PhoneConfig.AfterContactWorkTimeLimit = &ms
		out.Users[i] = s
	}
	return out, nil
}
