package connectlocal

import (
	"maps"
	"slices"
)

// Clone returns a deep copy: a store hands each caller values of its own (the Tx contract).
func (t TaskTemplate) Clone() TaskTemplate {
	t.Constraints = Constraints{
		RequiredFields:  slices.Clone(t.Constraints.RequiredFields),
		ReadOnlyFields:  slices.Clone(t.Constraints.ReadOnlyFields),
		InvisibleFields: slices.Clone(t.Constraints.InvisibleFields),
	}
	t.Defaults = slices.Clone(t.Defaults)
	if t.Fields != nil {
		fields := make([]Field, len(t.Fields))
		for i, f := range t.Fields {
			f.SingleSelectOptions = slices.Clone(f.SingleSelectOptions)
			fields[i] = f
		}
		t.Fields = fields
	}
	return t
}

// Clone returns a deep copy (see TaskTemplate.Clone).
func (c Contact) Clone() Contact {
	c.Attributes = maps.Clone(c.Attributes)
	c.References = maps.Clone(c.References)
	c.SegmentAttributes = slices.Clone(c.SegmentAttributes)
	c.Tags = maps.Clone(c.Tags)
	return c
}

// Clone returns a deep copy (see TaskTemplate.Clone).
func (i Instance) Clone() Instance {
	i.Attributes = maps.Clone(i.Attributes)
	i.AnalyticsDataSets = slices.Clone(i.AnalyticsDataSets)
	return i
}
