package awsapi

import (
	"slices"

	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/internal/model"
)

// ModelErrors returns the error shapes the model lists for operation, nil for an unknown operation.
func ModelErrors(operation string) []string {
	if op := model.Load().Operations[operation]; op != nil {
		return slices.Clone(op.Errors)
	}
	return nil
}

// OperationNames lists the model's operations.
func OperationNames() []string { return model.Load().OperationNames() }

// ErrorOfType returns an error that the error table answers, on operation, with the wire type typ — for fault
// injection, which must name the error as the client sees it yet still go through the one table. It reports
// false when operation's model does not list typ, or when no domain code reaches typ on it.
func ErrorOfType(operation, typ, message string) (error, bool) {
	op := model.Load().Operations[operation]
	if op == nil || !slices.Contains(op.Errors, typ) {
		return nil, false
	}
	for _, c := range connectlocal.Codes() {
		if slices.Contains(wireTypes[c], typ) && wireType(op, c) == typ {
			return &connectlocal.Error{Code: c, Message: message}, true
		}
	}
	return nil, false
}
