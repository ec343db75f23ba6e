package model

import (
	"bytes"
	"os"
	"testing"
)

// TestEmbeddedCloudControlIsCurrent: cloudcontrol.json is source/cloudcontrol-model.json (botocore's), its
// documentation stripped (go generate writes it so).
func TestEmbeddedCloudControlIsCurrent(t *testing.T) {
	src, err := os.ReadFile("source/cloudcontrol-model.json")
	if err != nil {
		t.Fatal(err)
	}
	want, err := Strip(src)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(want, cloudControlJSON) {
		t.Fatal("cloudcontrol.json is stale: run go generate ./internal/model")
	}
}

func TestCloudControl(t *testing.T) {
	m := CloudControl()
	if CloudControlTargetPrefix() != "CloudApiService" || m.Operations["CreateResource"] == nil {
		t.Fatalf("prefix %q, operations %v", CloudControlTargetPrefix(), m.OperationNames())
	}
	if !m.Shapes["ConcurrentModificationException"].Fault || m.Shapes["TypeNotFoundException"].Fault {
		t.Fatal("fault flags not read")
	}
	if got := m.EnumValue("OperationStatus", "SUCCESS"); got != "SUCCESS" {
		t.Fatal(got)
	}
	defer func() {
		if recover() == nil {
			t.Fatal("EnumValue took a value the enum lacks")
		}
	}()
	m.EnumValue("OperationStatus", "DONE")
}
