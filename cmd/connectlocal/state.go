package main

import (
	"fmt"
	"strings"

	"github.com/connectlocal/connectlocal"
)

// countsText says counts in words: "1 instance, 2 task templates" or "nothing".
func countsText(c connectlocal.Counts) string {
	var parts []string
	for _, p := range []struct {
		n    int
		noun string
	}{{c.Instances, "instance"}, {c.ContactFlows, "contact flow"}, {c.TaskTemplates, "task template"}, {c.Contacts, "contact"}} {
		if p.n == 1 {
			parts = append(parts, "1 "+p.noun)
		} else if p.n > 1 {
			parts = append(parts, fmt.Sprintf("%d %ss", p.n, p.noun))
		}
	}
	if len(parts) == 0 {
		return "nothing"
	}
	return strings.Join(parts, ", ")
}
