package awsapi

import (
	"bytes"
	"encoding/json"

	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/internal/model"
)

// Findings are what Check finds in one request, each with its request member path.
type Findings struct {
	// Members break the model (the server answers InvalidParameterException with them).
	Members []model.Problem
	// Violations break template rules (PropertyValidationException's PropertyList).
	Violations []connectlocal.Violation
	// Err is another refusal that needs no store (the fields-per-template quota), nil when none.
	Err error
	// Template is the template as the Service would see it, nil when the input does not decode. For an
	// UpdateTaskTemplate input it holds only what the input names.
	Template *connectlocal.TaskTemplate
}

// Check runs CreateTaskTemplate's or UpdateTaskTemplate's checks on input (its JSON request, every member
// named as the model names it) without running the operation: the model's member checks every request takes,
// then the decode and the template rules the Service runs before it touches its store
// (connectlocal.CheckTemplate). `connectlocal validate` uses it, so files are judged by the server's own code.
// Rules that need the store (flows exist, unique names) are the caller's to add or skip. An UpdateTaskTemplate
// input is judged on the members it names: without Fields no template rule can be checked, and a missing
// ContactFlowId counts as the stored one.
func Check(operation string, input []byte, quotas connectlocal.Quotas) Findings {
	m := model.Load()
	op := m.Operations[operation]
	if op == nil || (operation != "CreateTaskTemplate" && operation != "UpdateTaskTemplate") {
		return Findings{Err: connectlocal.Errorf(connectlocal.UnknownOperation, "Check takes CreateTaskTemplate or UpdateTaskTemplate, not %s", operation)}
	}
	dec := json.NewDecoder(bytes.NewReader(input))
	dec.UseNumber()
	var merged map[string]any
	if err := dec.Decode(&merged); err != nil {
		return Findings{Err: connectlocal.Errorf(connectlocal.InvalidArgument, "%s input is not a JSON object: %s", operation, jsonProblem(err))}
	}
	f := Findings{Members: memberProblems(m, op, merged)}
	var t connectlocal.TaskTemplate
	if operation == "CreateTaskTemplate" {
		var in CreateTaskTemplateRequest
		if json.Unmarshal(input, &in) != nil {
			return f
		}
		t = in.domain().Template()
	} else {
		var in UpdateTaskTemplateRequest
		if json.Unmarshal(input, &in) != nil {
			return f
		}
		up := in.domain()
		t = connectlocal.TaskTemplate{ContactFlowID: "(stored)", Status: connectlocal.StatusActive}
		up.Apply(&t)
		if up.Fields == nil {
			f.Template = &t
			return f
		}
	}
	f.Template = &t
	f.Violations, f.Err = connectlocal.CheckTemplate(&t, quotas)
	return f
}
