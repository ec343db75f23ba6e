package console

import (
	"strings"

	"github.com/connectlocal/connectlocal"
)

// property is one line of a template snapshot as the side-by-side view compares them.
type property struct{ Key, Value string }

// describe flattens a snapshot into named properties, one per thing a person would say changed.
func describe(t connectlocal.TaskTemplate) []property {
	ps := []property{
		{"Name", t.Name}, {"Description", t.Description}, {"Status", string(t.Status)},
		{"Contact flow", t.ContactFlowID}, {"Self-assign flow", t.SelfAssignFlowID},
	}
	for _, f := range fieldRows(t) {
		p := "Field " + f.Name + ": "
		ps = append(ps, property{p + "type", string(f.Type)})
		if f.Description != "" {
			ps = append(ps, property{p + "description", f.Description})
		}
		if len(f.SingleSelectOptions) > 0 {
			ps = append(ps, property{p + "options", strings.Join(f.SingleSelectOptions, ", ")})
		}
		var cs []string
		for _, c := range []struct {
			on   bool
			name string
		}{{f.Required, "required"}, {f.ReadOnly, "read-only"}, {f.Invisible, "invisible"}} {
			if c.on {
				cs = append(cs, c.name)
			}
		}
		if len(cs) > 0 {
			ps = append(ps, property{p + "constraints", strings.Join(cs, ", ")})
		}
		if f.HasDefault {
			ps = append(ps, property{p + "default", f.Default})
		}
	}
	return ps
}

// diffRow is one property in both snapshots; Change is "", "changed", "added" or "removed", shown as text so
// the view does not rely on colour.
type diffRow struct {
	Key, A, B string
	InA, InB  bool
	Change    string
}

// diff lines up a's and b's properties: a's order first, then what only b has.
func diff(a, b []property) []diffRow {
	inB := map[string]string{}
	for _, p := range b {
		inB[p.Key] = p.Value
	}
	seen := map[string]bool{}
	var rows []diffRow
	for _, p := range a {
		seen[p.Key] = true
		row := diffRow{Key: p.Key, A: p.Value, InA: true}
		if v, ok := inB[p.Key]; ok {
			row.B, row.InB = v, true
			if v != p.Value {
				row.Change = "changed"
			}
		} else {
			row.Change = "removed"
		}
		rows = append(rows, row)
	}
	for _, p := range b {
		if !seen[p.Key] {
			rows = append(rows, diffRow{Key: p.Key, B: p.Value, InB: true, Change: "added"})
		}
	}
	return rows
}
