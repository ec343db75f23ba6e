package main

import "testing"

// TestValidate_people: `connectlocal validate` on CloudFormation files of security profiles, users and the user
// hierarchy: a clean one (references to resources of the file, by Ref, GetAtt and Sub) and one with what
// Cloud Control's schema check and the Connect operations would refuse, references included.
func TestValidate_people(t *testing.T) {
	for _, tc := range []struct {
		name   string
		status int
	}{{"people", 0}, {"people-bad", 1}} {
		t.Run(tc.name, func(t *testing.T) {
			out, status := runValidate(t, vdir+tc.name+".yaml")
			if status != tc.status {
				t.Errorf("exit status %d, want %d; output:\n%s", status, tc.status, out)
			}
			golden(t, tc.name, out)
		})
	}
}
