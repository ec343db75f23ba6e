package connectlocal

import (
	"fmt"
	"net/mail"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// singularTypes are the field types a template may hold once each: each maps to one task property (§4.3 #4).
var singularTypes = map[FieldType]bool{FieldName: true, FieldDescription: true, FieldScheduledTime: true,
	FieldQuickConnect: true, FieldSelfAssign: true, FieldExpiryDuration: true}

// optionPattern is the CFN schema's SingleSelectOptions item pattern [S5].
var optionPattern = regexp.MustCompile(`^[A-Za-z0-9](?:[A-Za-z0-9_.,\s-]*[A-Za-z0-9_.,-])?$`)

type violations []Violation

func (vs *violations) add(id RuleID, path, format string, args ...any) {
	r := Rules[id]
	if !r.Enforced {
		return
	}
	*vs = append(*vs, Violation{Path: path, Reason: r.Reason, Message: fmt.Sprintf(format, args...)})
}

// ValidateTemplate checks the rules of spec-facts §4.3 that need nothing but the template itself, and returns
// every violation in request order. Flow existence (#13) and name uniqueness (#14) need the store: the
// Service checks them.
func ValidateTemplate(t *TaskTemplate) []Violation {
	var vs violations
	names := map[string]bool{}
	typeSeen := map[FieldType]bool{}
	hasName, hasQuickConnect := false, false
	for i, f := range t.Fields {
		p := fmt.Sprintf("Fields[%d]", i)
		switch {
		case f.Name == "":
			vs.add(RuleFieldName, p+".Id.Name", "Field name is required")
		case names[f.Name]:
			vs.add(RuleUniqueFieldNames, p+".Id.Name", "Field name '%s' is used more than once", f.Name)
		}
		names[f.Name] = true
		switch {
		case f.Type == "":
			vs.add(RuleFieldType, p+".Type", "Field '%s' has no Type", f.Name)
		case singularTypes[f.Type] && typeSeen[f.Type]:
			vs.add(RuleSingularTypes, p+".Type", "A template may have only one field of type %s", f.Type)
		}
		typeSeen[f.Type] = true
		hasName = hasName || f.Type == FieldName
		hasQuickConnect = hasQuickConnect || f.Type == FieldQuickConnect
		if f.Type == FieldSingleSelect && len(f.SingleSelectOptions) == 0 {
			vs.add(RuleSelectHasOptions, p+".SingleSelectOptions", "Field '%s' of type SINGLE_SELECT needs at least one option", f.Name)
		}
		if f.Type != FieldSingleSelect && len(f.SingleSelectOptions) > 0 {
			vs.add(RuleOptionsOnlyOnSelect, p+".SingleSelectOptions", "SingleSelectOptions are supported only on fields of type SINGLE_SELECT")
		}
		if len(f.SingleSelectOptions) > MaxTemplateListItems {
			vs.add(RuleListCaps, p+".SingleSelectOptions", "A field may have at most %d options", MaxTemplateListItems)
		}
		seen := map[string]bool{}
		for j, o := range f.SingleSelectOptions {
			op := fmt.Sprintf("%s.SingleSelectOptions[%d]", p, j)
			if n := utf8.RuneCountInString(o); n < 1 || n > 100 || !optionPattern.MatchString(o) {
				vs.add(RuleOptionFormat, op, "Option '%s' must be 1-100 letters, digits, spaces or _.,- and start with a letter or digit", o)
			}
			if seen[o] {
				vs.add(RuleUniqueOptions, op, "Option '%s' is listed more than once", o)
			}
			seen[o] = true
		}
	}
	if !hasName {
		vs.add(RuleNameField, "Fields", "A template needs a field of type NAME")
	}
	if t.ContactFlowID == "" && !hasQuickConnect {
		vs.add(RuleFlowSource, "ContactFlowId", "A template needs a ContactFlowId or a field of type QUICK_CONNECT")
	}
	checkRefs := func(list string, refs []string) {
		if len(refs) > MaxTemplateListItems {
			vs.add(RuleListCaps, list, "%s may list at most %d fields", list, MaxTemplateListItems)
		}
		seen := map[string]bool{}
		for i, name := range refs {
			p := fmt.Sprintf("%s[%d].Id.Name", list, i)
			switch {
			case name == "": // a missing Id.Name is missing here as in Fields (issue 12)
				vs.add(RuleFieldName, p, "Field name is required")
			case !names[name]:
				vs.add(RuleReferencedFieldExists, p, "Field '%s' does not exist in Fields", name)
			case seen[name]:
				vs.add(RuleReferenceOnce, p, "Field '%s' is listed more than once", name)
			}
			seen[name] = true
		}
	}
	checkRefs("Constraints.RequiredFields", t.Constraints.RequiredFields)
	checkRefs("Constraints.ReadOnlyFields", t.Constraints.ReadOnlyFields)
	checkRefs("Constraints.InvisibleFields", t.Constraints.InvisibleFields)
	defNames := make([]string, len(t.Defaults))
	for i, d := range t.Defaults {
		defNames[i] = d.Name
	}
	checkRefs("Defaults.DefaultFieldValues", defNames)
	for i, d := range t.Defaults {
		f, ok := t.Field(d.Name)
		if !ok || d.Value == "" { // §4.2: an empty default means "no default"
			continue
		}
		if msg := CheckFieldValue(f, d.Value); msg != "" {
			vs.add(RuleDefaultFitsType, fmt.Sprintf("Defaults.DefaultFieldValues[%d].DefaultValue", i), "%s", msg)
		}
	}
	return vs
}

// CheckFieldValue reports why value does not fit field f's type (spec-facts §4.3 #11), or "" when it fits.
// Defaults and StartTaskContact's values are checked alike.
func CheckFieldValue(f Field, value string) string {
	if want := valueWant(f, value); want != "" {
		return fmt.Sprintf("Value '%s' for field '%s' of type %s must be %s", clip(value), f.Name, f.Type, want)
	}
	return ""
}

// valueWant says what value must be to fit field f's type, or "" when it fits: the one rule for a field's
// value, a default's, and a reference's of the type that carries it (checkReferences).
func valueWant(f Field, value string) string {
	bad := func(want string) string { return want }
	switch f.Type {
	case FieldNumber:
		if _, err := strconv.ParseFloat(value, 64); err != nil || strings.ContainsAny(value, "xXpP_") ||
			strings.EqualFold(strings.TrimLeft(value, "+-"), "inf") || strings.EqualFold(value, "nan") ||
			strings.EqualFold(strings.TrimLeft(value, "+-"), "infinity") {
			return bad("a decimal number")
		}
	case FieldBoolean, FieldSelfAssign:
		if value != "true" && value != "false" {
			return bad("true or false")
		}
	case FieldDateTime, FieldScheduledTime:
		if _, err := strconv.ParseInt(value, 10, 64); err != nil {
			return bad("a timestamp in epoch seconds")
		}
	case FieldURL:
		u, err := url.Parse(value)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return bad("an absolute http or https URL")
		}
	case FieldEmail:
		a, err := mail.ParseAddress(value)
		if err != nil || a.Address != value || a.Name != "" {
			return bad("an email address")
		}
	case FieldSingleSelect:
		for _, o := range f.SingleSelectOptions {
			if o == value {
				return ""
			}
		}
		return bad("one of its options")
	case FieldExpiryDuration:
		n, err := strconv.Atoi(value)
		if err != nil || n < 1 || n > MaxExpiryMinutes {
			return bad(fmt.Sprintf("a whole number of minutes from 1 to %d", MaxExpiryMinutes))
		}
	case FieldName:
		if utf8.RuneCountInString(value) > 1024 {
			return bad("at most 1024 characters")
		}
	case FieldDescription:
		if utf8.RuneCountInString(value) > 4096 {
			return bad("at most 4096 characters")
		}
	}
	return ""
}

func clip(s string) string {
	if utf8.RuneCountInString(s) <= 64 {
		return s
	}
	r := []rune(s)
	return string(r[:64]) + "..."
}
