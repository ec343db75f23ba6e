package cloudcontrol

import (
	"slices"

	"github.com/connectlocal/connectlocal/gateway"
	"github.com/connectlocal/connectlocal/internal/model"
)

// Catalog is Cloud Control's gateway.Catalog: the model's operations and the error shapes each lists (every
// one of them can be written: each has the one member Message).
func Catalog() gateway.Catalog { return catalog{} }

type catalog struct{}

func (catalog) Operations() []string { return model.CloudControl().OperationNames() }

func (catalog) Errors(operation string) []string {
	if op := model.CloudControl().Operations[operation]; op != nil {
		return slices.Clone(op.Errors)
	}
	return nil
}
