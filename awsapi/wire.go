package awsapi

import (
	"encoding/json"
	"math"
	"strconv"
	"time"

	"github.com/connectlocal/connectlocal"
)

// Wire structs carry the model's member names as JSON names; a test checks each against the model.

// epochTime is a model timestamp: epoch seconds as a JSON number (PRODUCT.md).
type epochTime time.Time

func (t epochTime) MarshalJSON() ([]byte, error) {
	ms := time.Time(t).UnixMilli()
	return strconv.AppendFloat(nil, float64(ms)/1000, 'f', -1, 64), nil
}

func (t *epochTime) UnmarshalJSON(b []byte) error {
	var f float64
	if err := json.Unmarshal(b, &f); err != nil {
		var s string
		if json.Unmarshal(b, &s) != nil {
			return err
		}
		p, perr := time.Parse(time.RFC3339Nano, s)
		if perr != nil {
			return perr
		}
		*t = epochTime(p)
		return nil
	}
	*t = epochFrom(f)
	return nil
}

// epochFrom reads epoch seconds, fractions included.
func epochFrom(f float64) epochTime {
	sec, frac := math.Modf(f)
	return epochTime(time.Unix(int64(sec), int64(frac*1e9)).UTC())
}

func stamp(t time.Time) *epochTime {
	if t.IsZero() {
		return nil
	}
	e := epochTime(t)
	return &e
}

func str(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func val(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

type TaskTemplateFieldIdentifier struct {
	Name *string `json:"Name,omitempty"`
}

type TaskTemplateField struct {
	Id                  *TaskTemplateFieldIdentifier `json:"Id,omitempty"`
	Description         *string                      `json:"Description,omitempty"`
	Type                *string                      `json:"Type,omitempty"`
	SingleSelectOptions []string                     `json:"SingleSelectOptions,omitempty"`
}

type fieldRef struct {
	Id *TaskTemplateFieldIdentifier `json:"Id,omitempty"`
}

type TaskTemplateConstraints struct {
	RequiredFields  []fieldRef `json:"RequiredFields"`
	ReadOnlyFields  []fieldRef `json:"ReadOnlyFields"`
	InvisibleFields []fieldRef `json:"InvisibleFields"`
}

type TaskTemplateDefaultFieldValue struct {
	Id           *TaskTemplateFieldIdentifier `json:"Id,omitempty"`
	DefaultValue *string                      `json:"DefaultValue,omitempty"`
}

type TaskTemplateDefaults struct {
	DefaultFieldValues []TaskTemplateDefaultFieldValue `json:"DefaultFieldValues"`
}

func fieldName(id *TaskTemplateFieldIdentifier) string {
	if id == nil {
		return ""
	}
	return val(id.Name)
}

func fieldsIn(ws []TaskTemplateField) []connectlocal.Field {
	if len(ws) == 0 {
		return nil
	}
	out := make([]connectlocal.Field, len(ws))
	for i, w := range ws {
		out[i] = connectlocal.Field{Name: fieldName(w.Id), Description: val(w.Description),
			Type: connectlocal.FieldType(val(w.Type)), SingleSelectOptions: w.SingleSelectOptions}
	}
	return out
}

// fieldsOut points into fs rather than copying each member to the heap: three allocations per field were most
// of what building a GetTaskTemplate answer cost.
func fieldsOut(fs []connectlocal.Field) []TaskTemplateField {
	out := make([]TaskTemplateField, len(fs))
	ids := make([]TaskTemplateFieldIdentifier, len(fs))
	for i := range fs {
		f := &fs[i]
		ids[i].Name = &f.Name
		out[i] = TaskTemplateField{Id: &ids[i], SingleSelectOptions: f.SingleSelectOptions}
		if f.Description != "" {
			out[i].Description = &f.Description
		}
		if f.Type != "" {
			out[i].Type = (*string)(&f.Type)
		}
	}
	return out
}

func refsIn(ws []fieldRef) []string {
	if len(ws) == 0 {
		return nil
	}
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = fieldName(w.Id)
	}
	return out
}

func refsOut(names []string) []fieldRef {
	out := make([]fieldRef, len(names))
	ids := make([]TaskTemplateFieldIdentifier, len(names))
	for i := range names {
		ids[i].Name = &names[i]
		out[i] = fieldRef{Id: &ids[i]}
	}
	return out
}

func constraintsIn(w *TaskTemplateConstraints) connectlocal.Constraints {
	if w == nil {
		return connectlocal.Constraints{}
	}
	return connectlocal.Constraints{RequiredFields: refsIn(w.RequiredFields),
		ReadOnlyFields: refsIn(w.ReadOnlyFields), InvisibleFields: refsIn(w.InvisibleFields)}
}

func constraintsOut(c connectlocal.Constraints) *TaskTemplateConstraints {
	return &TaskTemplateConstraints{RequiredFields: refsOut(c.RequiredFields),
		ReadOnlyFields: refsOut(c.ReadOnlyFields), InvisibleFields: refsOut(c.InvisibleFields)}
}

func defaultsIn(w *TaskTemplateDefaults) []connectlocal.DefaultFieldValue {
	if w == nil || len(w.DefaultFieldValues) == 0 {
		return nil
	}
	out := make([]connectlocal.DefaultFieldValue, len(w.DefaultFieldValues))
	for i, d := range w.DefaultFieldValues {
		out[i] = connectlocal.DefaultFieldValue{Name: fieldName(d.Id), Value: val(d.DefaultValue)}
	}
	return out
}

func defaultsOut(ds []connectlocal.DefaultFieldValue) *TaskTemplateDefaults {
	out := &TaskTemplateDefaults{DefaultFieldValues: make([]TaskTemplateDefaultFieldValue, len(ds))}
	ids := make([]TaskTemplateFieldIdentifier, len(ds))
	for i := range ds {
		ids[i].Name = &ds[i].Name
		out.DefaultFieldValues[i] = TaskTemplateDefaultFieldValue{Id: &ids[i], DefaultValue: &ds[i].Value}
	}
	return out
}

func tagsOut(tags map[string]string) map[string]string {
	if len(tags) == 0 {
		return nil
	}
	return tags
}
