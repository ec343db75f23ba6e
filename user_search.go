package connectlocal

import "encoding/json"

// HierarchyGroupCondition is the model's HierarchyGroupCondition: a group (id or ARN) and whether its child
// groups count too (EXACT | WITH_CHILD_GROUPS).
type HierarchyGroupCondition struct {
	Value     string
	MatchType string
}

// EncodeGroupCondition renders a hierarchy group condition as a criteria leaf's value (SearchCriteria.Other).
func EncodeGroupCondition(c HierarchyGroupCondition) string {
	b, _ := json.Marshal(c)
	return string(b)
}

func decodeGroupCondition(s string) HierarchyGroupCondition {
	var c HierarchyGroupCondition
	_ = json.Unmarshal([]byte(s), &c) // only EncodeGroupCondition writes it
	return c
}

// UserAttributeFilter is the model's ControlPlaneUserAttributeFilter (SearchUsers' SearchFilter): an OR of
// AND groups, one AND group, one tag condition or one hierarchy group condition.
type UserAttributeFilter struct {
	Or    []UserAttributeAnd       `json:",omitempty"`
	And   *UserAttributeAnd        `json:",omitempty"`
	Tag   *TagCondition            `json:",omitempty"`
	Group *HierarchyGroupCondition `json:",omitempty"`
}

// UserAttributeAnd is the model's AttributeAndCondition.
type UserAttributeAnd struct {
	Tags  []TagCondition           `json:",omitempty"`
	Group *HierarchyGroupCondition `json:",omitempty"`
}

// userAttributeFilterMember names the attribute filter's leaf among SearchCriteria.Other.
const userAttributeFilterMember = "\x00UserAttributeFilter"

func (f *UserAttributeFilter) encode() string {
	b, _ := json.Marshal(f)
	return string(b)
}

func decodeUserAttributeFilter(s string) UserAttributeFilter {
	var f UserAttributeFilter
	_ = json.Unmarshal([]byte(s), &f) // only encode writes it
	return f
}

func (f UserAttributeFilter) matches(tags map[string]string, inGroup func(HierarchyGroupCondition) bool) bool {
	has := func(c TagCondition) bool { v, ok := tags[c.Key]; return ok && (c.Value == "" || v == c.Value) }
	and := func(a UserAttributeAnd) bool {
		for _, c := range a.Tags {
			if !has(c) {
				return false
			}
		}
		return a.Group == nil || inGroup(*a.Group)
	}
	if f.Tag != nil && !has(*f.Tag) {
		return false
	}
	if f.Group != nil && !inGroup(*f.Group) {
		return false
	}
	if f.And != nil && !and(*f.And) {
		return false
	}
	if len(f.Or) > 0 {
		for _, a := range f.Or {
			if and(a) {
				return true
			}
		}
		return false
	}
	return true
}
