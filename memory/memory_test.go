package memory_test

import (
	"testing"

	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/memory"
	"github.com/connectlocal/connectlocal/storetest"
)

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) connectlocal.Store { return memory.New() })
}

// The memory store refuses a write outside its Update's key, so every API test on it guards the rule.
func TestKeyRefusals(t *testing.T) {
	storetest.RunKeyRefusals(t, func(t *testing.T) connectlocal.Store { return memory.New() })
}

func BenchmarkStore(b *testing.B) {
	storetest.Bench(b, func(b *testing.B) connectlocal.Store { return memory.New() })
}
