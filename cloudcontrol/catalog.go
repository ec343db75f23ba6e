package cloudcontrol

import (
	_ "embed"
	"slices"
	"sync"

	"github.com/connectlocal/connectlocal/gateway"
	"github.com/connectlocal/connectlocal/internal/model"
)

// modelJSON is shared/aws/cloudcontrol-model.json without its documentation (internal/model.Strip); the
// tests in model_test.go hold the code to the same file.
//
//go:embed testdata/cloudcontrol-model.json
var modelJSON []byte

var embeddedModel = sync.OnceValue(func() *model.Model {
	m, err := model.Parse(modelJSON)
	if err != nil {
		panic("cloudcontrol: embedded model: " + err.Error())
	}
	return m
})

// Catalog is Cloud Control's gateway.Catalog: the model's operations and the error shapes each lists (every
// one of them can be written: each has the one member Message).
func Catalog() gateway.Catalog { return catalog{} }

type catalog struct{}

func (catalog) Operations() []string { return embeddedModel().OperationNames() }

func (catalog) Errors(operation string) []string {
	if op := embeddedModel().Operations[operation]; op != nil {
		return slices.Clone(op.Errors)
	}
	return nil
}
