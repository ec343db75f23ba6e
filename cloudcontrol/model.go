package cloudcontrol

import (
	"encoding/json"
	"strconv"
	"strings"

	"github.com/connectlocal/connectlocal/internal/model"
)

// ccModel is the Cloud Control model (internal/model's cloudcontrol.json): every operation's members and
// limits, the enums a ProgressEvent carries and each error's status come from it, not from tables typed here.
var ccModel = model.CloudControl()

// TargetPrefix is the X-Amz-Target prefix of every Cloud Control operation (the model's targetPrefix).
var TargetPrefix = model.CloudControlTargetPrefix() + "."

// The values a ProgressEvent carries, each checked against the model's enums when the program starts.
var (
	opCreate = ccModel.EnumValue("Operation", "CREATE")
	opUpdate = ccModel.EnumValue("Operation", "UPDATE")
	opDelete = ccModel.EnumValue("Operation", "DELETE")

	statusInProgress = ccModel.EnumValue("OperationStatus", "IN_PROGRESS")
	statusSuccess    = ccModel.EnumValue("OperationStatus", "SUCCESS")
	statusFailed     = ccModel.EnumValue("OperationStatus", "FAILED")
)

// checkInput checks a request against its operation's input shape in the model, as every AWS front end does
// before a handler runs: a member of the wrong JSON type is a SerializationException, a broken constraint
// (length, pattern, enum, range, a required member) a ValidationException, both common errors of every AWS
// API (Cloud Control API Reference, "Common Errors"). Paths are named in lowerCamel, as awsJson services do.
func checkInput(operation string, in map[string]any) error {
	op := ccModel.Operations[operation]
	problems := ccModel.Validate(op.Input, in)
	if len(problems) == 0 {
		return nil
	}
	for i, p := range problems {
		if strings.HasPrefix(p.Message, "Value at '") && strings.Contains(p.Message, "' must be a") {
			return errorf("SerializationException", "%s", p.Message)
		}
		problems[i].Message = strings.Replace(p.Message, "'"+p.Path+"'", "'"+lowerPath(p.Path)+"'", 1)
	}
	return errorf("ValidationException", "%s", model.FormatProblems(problems))
}

// lowerPath lowers the first letter of each segment: ResourceRequestStatusFilter.Operations[0] →
// resourceRequestStatusFilter.operations[0].
func lowerPath(p string) string {
	segs := strings.Split(p, ".")
	for i, s := range segs {
		if s != "" {
			segs[i] = strings.ToLower(s[:1]) + s[1:]
		}
	}
	return strings.Join(segs, ".")
}

// str reads a string member the model has already checked ("" when it is absent).
func str(in map[string]any, name string) string {
	s, _ := in[name].(string)
	return s
}

// maxResults reads MaxResults, which the model bounds, with its default.
func maxResults(in map[string]any, def int) int {
	n, ok := in["MaxResults"].(json.Number)
	if !ok {
		return def
	}
	v, _ := strconv.Atoi(string(n))
	return v
}
