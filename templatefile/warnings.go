package templatefile

import (
	"fmt"
	"slices"

	"github.com/connectlocal/connectlocal"
)

// Warning codes: what the service accepts but is likely a mistake. Each is stable; `--ignore CODE` silences it.
const (
	// A default on an invisible field: agents never see it, so nobody can correct it.
	DefaultOnInvisibleField = "DEFAULT_ON_INVISIBLE_FIELD"
	// A field both required and read-only with no default: no agent can ever fill it in.
	RequiredReadOnlyWithoutDefault = "REQUIRED_READ_ONLY_WITHOUT_DEFAULT"
	// A SINGLE_SELECT default that is not one of its options. With the shipped rules the service refuses it
	// (spec-facts §4.3 #11, a decided rule); this warning takes over where rules.go stops enforcing that rule.
	SelectDefaultNotAnOption = "SELECT_DEFAULT_NOT_AN_OPTION"
	// An INACTIVE template in a file that creates it: it can start no task.
	InactiveTemplate = "INACTIVE_TEMPLATE"
)

// WarningCodes lists every warning code.
var WarningCodes = []string{DefaultOnInvisibleField, RequiredReadOnlyWithoutDefault, SelectDefaultNotAnOption, InactiveTemplate,
	GroupBeforeStructure}

type warning struct{ path, message, code string }

// warnings finds likely mistakes in t; paths are request member paths. deploy says the file creates t.
func warnings(t *connectlocal.TaskTemplate, deploy bool) []warning {
	var ws []warning
	for i, d := range t.Defaults {
		p := fmt.Sprintf("Defaults.DefaultFieldValues[%d]", i)
		if d.Value != "" && slices.Contains(t.Constraints.InvisibleFields, d.Name) {
			ws = append(ws, warning{p, fmt.Sprintf("Field '%s' has a default but is invisible: agents cannot see or change it", d.Name), DefaultOnInvisibleField})
		}
		f, ok := t.Field(d.Name)
		if ok && d.Value != "" && f.Type == connectlocal.FieldSingleSelect && !slices.Contains(f.SingleSelectOptions, d.Value) &&
			!connectlocal.Rules[connectlocal.RuleDefaultFitsType].Enforced {
			ws = append(ws, warning{p + ".DefaultValue", fmt.Sprintf("Default '%s' is not one of the options of field '%s'", d.Value, d.Name), SelectDefaultNotAnOption})
		}
	}
	for i, name := range t.Constraints.RequiredFields {
		if v, _ := t.Default(name); v == "" && slices.Contains(t.Constraints.ReadOnlyFields, name) {
			ws = append(ws, warning{fmt.Sprintf("Constraints.RequiredFields[%d].Id.Name", i),
				fmt.Sprintf("Field '%s' is required and read-only but has no default: no agent can fill it in", name), RequiredReadOnlyWithoutDefault})
		}
	}
	if deploy && t.Status == connectlocal.StatusInactive {
		ws = append(ws, warning{"Status", "The template is INACTIVE: it can start no task until it is activated", InactiveTemplate})
	}
	return ws
}
