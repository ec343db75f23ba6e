package awsapi

import (
	"github.com/connectlocal/connectlocal"
)

// Shared pieces of the routing objects' wire (issue 20): the search criteria every Search* operation takes,
// and the paging every List* operation answers with.

// StringCondition is the model's leaf condition of every *SearchCriteria.
type StringCondition struct {
	FieldName      *string
	Value          *string
	ComparisonType *string
}

func (c *StringCondition) domain() *connectlocal.StringCondition {
	if c == nil {
		return nil
	}
	return &connectlocal.StringCondition{FieldName: val(c.FieldName), Value: val(c.Value), ComparisonType: val(c.ComparisonType)}
}

// searchTagFilter converts a ControlPlaneTagFilter.
func searchTagFilter(f *ControlPlaneTagFilter) *connectlocal.SearchTagFilter {
	if f == nil {
		return nil
	}
	cond := func(c TagCondition) connectlocal.TagCondition {
		return connectlocal.TagCondition{Key: val(c.TagKey), Value: val(c.TagValue)}
	}
	out := &connectlocal.SearchTagFilter{}
	for _, group := range f.OrConditions {
		var and []connectlocal.TagCondition
		for _, c := range group {
			and = append(and, cond(c))
		}
		out.Or = append(out.Or, and)
	}
	for _, c := range f.AndConditions {
		out.And = append(out.And, cond(c))
	}
	if f.TagCondition != nil {
		c := cond(*f.TagCondition)
		out.Tag = &c
	}
	return out
}

// searchTree is what each kind's *SearchCriteria shares: its own conditions are added by the kind.
type searchTree[C any] interface {
	parts() (or, and []C, str *StringCondition, other map[string]string)
}

// searchCriteria converts any kind's *SearchCriteria into the domain's tree.
func searchCriteria[C searchTree[C]](c *C) *connectlocal.SearchCriteria {
	if c == nil {
		return nil
	}
	or, and, str, other := (*c).parts()
	out := &connectlocal.SearchCriteria{String: str.domain(), Other: other}
	for i := range or {
		out.Or = append(out.Or, *searchCriteria(&or[i]))
	}
	for i := range and {
		out.And = append(out.And, *searchCriteria(&and[i]))
	}
	return out
}

// pageOf reads a List/Search request's paging members.
func pageOf(token *string, max *int) connectlocal.Page {
	p := connectlocal.Page{Token: val(token)}
	if max != nil {
		p.Limit = *max
	}
	return p
}
