package cloudcontrol

import (
	"encoding/json"
	"os"
	"reflect"
	"slices"
	"sort"
	"testing"
)

// testdata/cloudcontrol-model.json is shared/aws/cloudcontrol-model.json without its documentation strings
// (internal/model.Strip), kept so these tests can hold the code to the model.
type ccModel struct {
	Metadata   map[string]any `json:"metadata"`
	Operations map[string]struct {
		Errors []struct{ Shape string } `json:"errors"`
	} `json:"operations"`
	Shapes map[string]struct {
		Type    string                     `json:"type"`
		Members map[string]json.RawMessage `json:"members"`
		Fault   bool                       `json:"fault"`
	} `json:"shapes"`
}

func loadModel(t *testing.T) ccModel {
	t.Helper()
	b, err := os.ReadFile("testdata/cloudcontrol-model.json")
	if err != nil {
		t.Fatal(err)
	}
	var m ccModel
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func TestOperationsMatchTheModel(t *testing.T) {
	m := loadModel(t)
	var want, got []string
	for name := range m.Operations {
		want = append(want, name)
	}
	for name := range operations {
		got = append(got, name)
	}
	sort.Strings(want)
	sort.Strings(got)
	if !slices.Equal(want, got) {
		t.Fatalf("operations %v, model %v", got, want)
	}
	if m.Metadata["targetPrefix"] != TargetPrefix[:len(TargetPrefix)-1] || m.Metadata["protocol"] != "json" || m.Metadata["jsonVersion"] != "1.0" {
		t.Fatalf("metadata %v", m.Metadata)
	}
}

// TestProgressEventMembers: the wire struct's members are the model's (less HooksRequestToken and RetryAfter,
// which nothing here sets).
func TestProgressEventMembers(t *testing.T) {
	m := loadModel(t)
	members := m.Shapes["ProgressEvent"].Members
	typ := reflect.TypeOf(ProgressEvent{})
	for i := 0; i < typ.NumField(); i++ {
		if _, ok := members[typ.Field(i).Name]; !ok {
			t.Errorf("ProgressEvent.%s is no model member", typ.Field(i).Name)
		}
	}
	for name := range members {
		if _, ok := typ.FieldByName(name); !ok && name != "HooksRequestToken" && name != "RetryAfter" {
			t.Errorf("model member ProgressEvent.%s missing", name)
		}
	}
}

// TestFaults: the status of every model error shape follows its "fault" flag.
func TestFaults(t *testing.T) {
	m := loadModel(t)
	for name, s := range m.Shapes {
		if _, isErr := m.Shapes[name]; isErr && s.Type == "structure" && len(s.Members) == 1 && s.Members["Message"] != nil {
			if faults[name] != s.Fault {
				t.Errorf("%s: fault %v in the model, %v in errors.go", name, s.Fault, faults[name])
			}
		}
	}
}
