package awsapi

import (
	"slices"

	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/gateway"
	"github.com/connectlocal/connectlocal/internal/model"
)

// Catalog is Connect's gateway.Catalog: the model's operations and, on each, the error types a refusal (an
// injected fault) may name — those the model lists and the error table can answer.
func Catalog() gateway.Catalog { return catalog{} }

type catalog struct{}

func (catalog) Operations() []string { return model.Load().OperationNames() }

func (catalog) Errors(operation string) []string {
	op := model.Load().Operations[operation]
	if op == nil {
		return nil
	}
	var out []string
	for _, typ := range op.Errors {
		if codeOfType(op, typ) >= 0 {
			out = append(out, typ)
		}
	}
	return out
}

// codeOfType is the domain code the error table answers with typ on op, or -1.
func codeOfType(op *model.Operation, typ string) connectlocal.Code {
	if op == nil || !slices.Contains(op.Errors, typ) {
		return -1
	}
	for _, c := range connectlocal.Codes() {
		if slices.Contains(wireTypes[c], typ) && wireType(op, c) == typ {
			return c
		}
	}
	return -1
}

// injected turns an error named by its wire type (fault injection) into the domain error the table answers
// with that type, so the one table still writes every status. A type the operation cannot answer is an
// internal error: the faults package checks its rules against Catalog first.
func injected(op *model.Operation, we *gateway.WireError) error {
	if c := codeOfType(op, we.Type); c >= 0 {
		return &connectlocal.Error{Code: c, Message: we.Message}
	}
	return we
}
