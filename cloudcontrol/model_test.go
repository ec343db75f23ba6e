package cloudcontrol

import (
	"reflect"
	"slices"
	"sort"
	"testing"
)

// The tests below hold the code to the embedded Cloud Control model (internal/model's cloudcontrol.json).

func TestOperationsMatchTheModel(t *testing.T) {
	want := ccModel.OperationNames()
	var got []string
	for name := range operations {
		got = append(got, name)
	}
	sort.Strings(got)
	if !slices.Equal(want, got) {
		t.Fatalf("operations %v, model %v", got, want)
	}
	if TargetPrefix != "CloudApiService." {
		t.Fatalf("target prefix %q", TargetPrefix)
	}
}

// TestProgressEventMembers: the wire struct's members are the model's (less HooksRequestToken and RetryAfter,
// which nothing here sets).
func TestProgressEventMembers(t *testing.T) {
	members := ccModel.Shapes["ProgressEvent"].Members
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

// TestFaults: the model's fault shapes answer 5xx; InternalFailure (a common error) too.
func TestFaults(t *testing.T) {
	for _, name := range []string{"ConcurrentModificationException", "HandlerInternalFailureException", "ServiceInternalErrorException", "InternalFailure"} {
		if !faults[name] {
			t.Errorf("%s is no fault", name)
		}
	}
	for _, name := range []string{"ValidationException", "ResourceNotFoundException", "ClientTokenConflictException"} {
		if faults[name] {
			t.Errorf("%s is a fault", name)
		}
	}
}
