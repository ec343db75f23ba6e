package connectlocal

import (
	"context"
	"encoding/json"
	"strings"
)

// The routing objects' Search* operations (SearchQueues, SearchUsers, ...) share one criteria language: a tree
// of OrConditions and AndConditions over leaf conditions, plus a tag filter. Each kind supplies the values of
// the field names it supports.

// SearchCriteria is one node of a Search* operation's criteria: Or and And combine nested nodes; a leaf is a
// string condition or one of the kind's own conditions (Other: member name → value, e.g. QueueTypeCondition).
type SearchCriteria struct {
	Or, And []SearchCriteria
	String  *StringCondition
	Other   map[string]string
}

// StringCondition is the model's StringCondition.
type StringCondition struct{ FieldName, Value, ComparisonType string }

// SearchTagFilter is the model's ControlPlaneTagFilter: OR of ANDs, an AND, or one condition.
type SearchTagFilter struct {
	Or  [][]TagCondition
	And []TagCondition
	Tag *TagCondition
}

// commonFields are the field names every kind's criteria document (name, description, resourceID) and the
// kind's own (more: field name → values).
func commonFields(id, name, description string, more map[string][]string) SearchFields {
	return func(field string) ([]string, bool) {
		switch field {
		case "name":
			return []string{name}, true
		case "description":
			return []string{description}, true
		case "resourceID":
			return []string{id}, true
		}
		v, ok := more[field]
		return v, ok
	}
}

// SearchFields gives a kind's values of a criteria field name (the names its model documentation lists);
// ok false means the kind does not support the name.
type SearchFields func(field string) (values []string, ok bool)

// Matches evaluates the criteria on one object. other decides the kind's own leaf conditions (nil: none).
// A field name the kind does not support is InvalidArgument, as Connect refuses it.
func (c *SearchCriteria) Matches(fields SearchFields, other func(member, value string) bool) (bool, error) {
	if c == nil {
		return true, nil
	}
	result := true
	if c.String != nil {
		vals, ok := fields(c.String.FieldName)
		if !ok {
			return false, Errorf(InvalidArgument, "The field name '%s' is not supported in this search", c.String.FieldName)
		}
		result = stringHolds(c.String, vals)
	}
	for member, value := range c.Other {
		if other == nil || !other(member, value) {
			result = false
		}
	}
	for i := range c.And {
		ok, err := c.And[i].Matches(fields, other)
		if err != nil {
			return false, err
		}
		result = result && ok
	}
	if len(c.Or) > 0 {
		any := false
		for i := range c.Or {
			ok, err := c.Or[i].Matches(fields, other)
			if err != nil {
				return false, err
			}
			any = any || ok
		}
		result = result && any
	}
	return result, nil
}

// stringHolds compares one condition. Decided (no AWS document says): EXACT compares exactly, STARTS_WITH
// and CONTAINS ignore case, as the Connect console's search boxes do.
func stringHolds(c *StringCondition, vals []string) bool {
	for _, v := range vals {
		switch c.ComparisonType {
		case "EXACT":
			if v == c.Value {
				return true
			}
		case "STARTS_WITH":
			if strings.HasPrefix(strings.ToLower(v), strings.ToLower(c.Value)) {
				return true
			}
		default: // CONTAINS (and a missing type, which the model allows)
			if strings.Contains(strings.ToLower(v), strings.ToLower(c.Value)) {
				return true
			}
		}
	}
	return false
}

// Matches evaluates the tag filter on a resource's tags (a nil filter matches everything).
func (f *SearchTagFilter) Matches(tags map[string]string) bool {
	if f == nil {
		return true
	}
	has := func(c TagCondition) bool { v, ok := tags[c.Key]; return ok && (c.Value == "" || v == c.Value) }
	if f.Tag != nil && !has(*f.Tag) {
		return false
	}
	for _, c := range f.And {
		if !has(c) {
			return false
		}
	}
	if len(f.Or) > 0 {
		for _, group := range f.Or {
			all := true
			for _, c := range group {
				all = all && has(c)
			}
			if all {
				return true
			}
		}
		return false
	}
	return true
}

// SearchInput is what every Search* operation of a routing object asks.
type SearchInput struct {
	Instance string
	Page     Page
	Criteria *SearchCriteria
	Tags     *SearchTagFilter
}

// searchRecords runs a Search* operation: the matching objects in creation order, one page, and how many
// match in all (ApproximateTotalCount). fields and other describe one record to the criteria.
func searchRecords[T any](ctx context.Context, s *Service, scope Scope, info ObjectKindInfo, in SearchInput,
	fields func(Record[T]) SearchFields, other func(r Record[T], member, value string) bool) ([]Record[T], string, int64, error) {
	keep := func(tx Tx, r Record[T]) (bool, error) {
		var o func(member, value string) bool
		if other != nil {
			o = func(member, value string) bool { return other(r, member, value) }
		}
		ok, err := in.Criteria.Matches(fields(r), o)
		if err != nil || !ok || in.Tags == nil {
			return ok, err
		}
		tags, err := tx.Tags(scope, r.ARN(scope))
		return err == nil && in.Tags.Matches(tags), err
	}
	// A token continues only the same search: the query it signs is the criteria themselves.
	query, _ := json.Marshal(struct {
		C *SearchCriteria
		T *SearchTagFilter
	}{in.Criteria, in.Tags})
	var total int64
	err := s.Store.View(ctx, func(tx Tx) error {
		inst, err := requireInstance(tx, scope, in.Instance)
		if err != nil {
			return err
		}
		all, err := allRecords[T](tx, scope, inst, info.Kind)
		if err != nil {
			return err
		}
		for _, r := range all {
			ok, err := keep(tx, r)
			if err != nil {
				return err
			}
			if ok {
				total++
			}
		}
		return nil
	})
	if err != nil {
		return nil, "", 0, err
	}
	page, next, err := listRecords(ctx, s, scope, info, in.Instance, in.Page, 100, "Search\x00"+string(query), keep)
	if err != nil {
		return nil, "", 0, err
	}
	// Search* answers carry each object's tags (the model's result shapes have Tags).
	err = s.Store.View(ctx, func(tx Tx) error {
		for i := range page {
			var err error
			if page[i].Tags, err = tx.Tags(scope, page[i].ARN(scope)); err != nil {
				return err
			}
		}
		return nil
	})
	return page, next, total, err
}
