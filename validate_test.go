package connectlocal

import (
	"strings"
	"testing"
)

func TestCheckFieldValue(t *testing.T) {
	sel := Field{Name: "S", Type: FieldSingleSelect, SingleSelectOptions: []string{"Web", "Phone"}}
	cases := []struct {
		typ  FieldType
		good []string
		bad  []string
	}{
		{FieldNumber, []string{"1", "-2.5", "1e3", "0.001"}, []string{"", "x", "NaN", "Inf", "0x10", "1_000"}},
		{FieldBoolean, []string{"true", "false"}, []string{"TRUE", "1", "yes"}},
		{FieldSelfAssign, []string{"true"}, []string{"on"}},
		{FieldDateTime, []string{"1764000000", "0"}, []string{"2026-01-01", "1.5"}},
		{FieldScheduledTime, []string{"1764000000"}, []string{"soon"}},
		{FieldURL, []string{"https://example.com/x", "http://a.b"}, []string{"example.com", "ftp://a.b", "https://"}},
		{FieldEmail, []string{"a@b.co"}, []string{"a", "Bob <a@b.co>", "a@"}},
		{FieldExpiryDuration, []string{"1", "129600"}, []string{"0", "129601", "1.5"}},
		{FieldName, []string{strings.Repeat("n", 1024)}, []string{strings.Repeat("n", 1025)}},
		{FieldDescription, []string{strings.Repeat("d", 4096)}, []string{strings.Repeat("d", 4097)}},
		{FieldText, []string{"anything at all"}, nil},
	}
	for _, tc := range cases {
		t.Run(string(tc.typ), func(t *testing.T) {
			f := Field{Name: "F", Type: tc.typ}
			for _, v := range tc.good {
				if msg := CheckFieldValue(f, v); msg != "" {
					t.Errorf("%q refused: %s", v, msg)
				}
			}
			for _, v := range tc.bad {
				if msg := CheckFieldValue(f, v); msg == "" {
					t.Errorf("%q accepted", clip(v))
				}
			}
		})
	}
	if CheckFieldValue(sel, "Web") != "" || CheckFieldValue(sel, "web") == "" {
		t.Error("SINGLE_SELECT must match an option exactly")
	}
}

func TestRulesTableIsComplete(t *testing.T) {
	for id := RuleNameField; id <= RuleOptionFormat; id++ {
		r, ok := Rules[id]
		if !ok || r.Reason == "" || r.Source == "" {
			t.Errorf("rule %d has no complete row", id)
		}
	}
}

// A rule switched off in the table is no longer reported.
func TestRuleCanBeSwitchedOff(t *testing.T) {
	tmpl := &TaskTemplate{Name: "x", Fields: []Field{{Name: "A", Type: FieldText}}}
	if vs := ValidateTemplate(tmpl); len(vs) != 2 {
		t.Fatalf("want 2 violations, got %v", vs)
	}
	saved := Rules[RuleFlowSource]
	defer func() { Rules[RuleFlowSource] = saved }()
	off := saved
	off.Enforced = false
	Rules[RuleFlowSource] = off
	if vs := ValidateTemplate(tmpl); len(vs) != 1 || vs[0].Path != "Fields" {
		t.Fatalf("with the flow rule off: %v", vs)
	}
}

func FuzzValidateTemplate(f *testing.F) {
	f.Add("Name", "NAME", "Opt", "default", "Name")
	f.Add("", "", "", "", "")
	f.Add("A", "SINGLE_SELECT", "a", "a", "A")
	f.Fuzz(func(t *testing.T, name, typ, opt, def, ref string) {
		tmpl := &TaskTemplate{Name: name, Fields: []Field{{Name: name, Type: FieldType(typ), SingleSelectOptions: []string{opt}},
			{Name: ref, Type: FieldNumber}},
			Constraints: Constraints{RequiredFields: []string{ref}, InvisibleFields: []string{name}},
			Defaults:    []DefaultFieldValue{{Name: ref, Value: def}, {Name: name, Value: def}}}
		for _, v := range ValidateTemplate(tmpl) {
			if v.Path == "" || v.Reason == "" || v.Message == "" {
				t.Fatalf("incomplete violation %+v", v)
			}
		}
	})
}
