package connectlocal

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
)

// A published flow's content (and a module's) names other resources of its instance by id or ARN; Connect
// validates a PUBLISHED flow ("The PUBLISHED status will initiate validation on the content. The SAVED status
// does not", API_CreateContactFlow), so a reference to nothing is an InvalidContactFlowException (issue 20,
// "References are real now"; research-routing §4). What connectlocal does not hold — prompts, Lex bots — is not
// checked, nor is a dynamic value ($.Attributes.x, a JSONPath resolved at run time).

// flowRefKind is what a flow parameter names.
type flowRefKind int

const (
	refQueue flowRefKind = iota
	refUser
	refFlow
	refModule
	refHours
	refLambda
)

var refNouns = map[flowRefKind]string{refQueue: "queue", refUser: "user", refFlow: "flow", refModule: "flow module",
	refHours: "hours of operation", refLambda: "Lambda function associated with the instance"}

// flowRefParams are, per action type, the parameters that hold a reference (the Flow language's action pages,
// docs.aws.amazon.com/connect/latest/APIReference/flow-language-actions-*.html; research-routing §4).
var flowRefParams = map[string][]struct {
	Param string
	Kind  flowRefKind
}{
	"UpdateContactTargetQueue":         {{"QueueId", refQueue}, {"AgentId", refUser}},
	"DequeueContactAndTransferToQueue": {{"QueueId", refQueue}, {"AgentId", refUser}},
	"TransferToFlow":                   {{"ContactFlowId", refFlow}},
	"InvokeFlowModule":                 {{"FlowModuleId", refModule}},
	"InvokeLambdaFunction":             {{"LambdaFunctionARN", refLambda}},
	"CheckHoursOfOperation":            {{"HoursOfOperationId", refHours}},
}

// isDynamic reports whether a parameter value is resolved at run time (a JSONPath such as $.Queue.ARN).
func isDynamic(v string) bool { return strings.Contains(v, "$.") }

// checkFlowReferences returns an InvalidFlow error with one problem per reference in content that names
// nothing in the instance; nil when every static reference resolves. content is already known to be a JSON
// object with well-formed actions (CheckFlowContent).
func checkFlowReferences(tx Tx, scope Scope, inst, content string) error {
	var doc struct {
		Actions []struct {
			Type       string
			Parameters map[string]json.RawMessage
		}
	}
	if json.Unmarshal([]byte(content), &doc) != nil {
		return nil // CheckFlowContent reports the shape; nothing here to resolve
	}
	var problems []string
	check := func(i int, path, raw string, kind flowRefKind) error {
		if raw == "" || isDynamic(raw) {
			return nil
		}
		ok, err := flowRefExists(tx, scope, inst, kind, raw)
		if err != nil || ok {
			return err
		}
		// The wording is decided (AWS does not document it): the style of the real "Invalid branch. Path:
		// 59.Evaluate" messages, naming the action by its index and the parameter.
		problems = append(problems, fmt.Sprintf("Resource not found: %s does not name a %s of this instance. Path: %d.%s",
			raw, refNouns[kind], i, path))
		return nil
	}
	for i, a := range doc.Actions {
		for _, p := range flowRefParams[a.Type] {
			var v string
			if json.Unmarshal(a.Parameters[p.Param], &v) != nil {
				continue // absent, or not a string: not a reference this check can read
			}
			if err := check(i, p.Param, v, p.Kind); err != nil {
				return err
			}
		}
		if a.Type == "UpdateContactEventHooks" {
			// EventHooks maps a hook name (CustomerQueue, AgentWhisper, ...) to a flow id or ARN.
			var hooks map[string]string
			if json.Unmarshal(a.Parameters["EventHooks"], &hooks) != nil {
				continue
			}
			names := make([]string, 0, len(hooks))
			for name := range hooks {
				names = append(names, name)
			}
			sort.Strings(names)
			for _, name := range names {
				if err := check(i, "EventHooks."+name, hooks[name], refFlow); err != nil {
					return err
				}
			}
		}
	}
	if len(problems) == 0 {
		return nil
	}
	return flowProblems(problems)
}

// flowProblems is the InvalidFlow error of a list of problems, within the model's bounds (1-50 problems of
// 1-256 characters).
func flowProblems(problems []string) *Error {
	if len(problems) > 50 {
		problems = problems[:50]
	}
	for i, p := range problems {
		if utf8.RuneCountInString(p) > 256 {
			problems[i] = string([]rune(p)[:256])
		}
	}
	e := Errorf(InvalidFlow, "The flow content is not valid: %s", strings.Join(problems, "; "))
	e.Problems = problems
	return e
}

// flowRefExists reports whether raw (an id or an ARN of the instance) names a resource of kind. An ARN of
// another account, region or instance names nothing here (decided, research-routing §4).
func flowRefExists(tx Tx, scope Scope, inst string, kind flowRefKind, raw string) (bool, error) {
	found := func(err error) (bool, error) {
		if err == nil {
			return true, nil
		}
		if CodeOf(err) == NotFound {
			return false, nil
		}
		return false, err
	}
	object := func(k ResourceKind, raw string) (bool, error) {
		id, ok := childID(scope, inst, k, raw)
		if !ok {
			return false, nil
		}
		_, err := tx.GetObject(scope, inst, k, id)
		return found(err)
	}
	switch kind {
	case refQueue:
		// An agent's queue is .../queue/agent/USER_ID (aws-cli examples/connect/list-queues.rst): its id is
		// the user's.
		if rest, ok := strings.CutPrefix(raw, scope.InstanceARN(inst)+"/queue/agent/"); ok && rest != "" && !strings.Contains(rest, "/") {
			return object(KindQueue, rest)
		}
		return object(KindQueue, raw)
	case refUser:
		return object(KindUser, raw)
	case refModule:
		return object(KindFlowModule, raw)
	case refHours:
		return object(KindHours, raw)
	case refLambda:
		// A Lambda association's id is the function's ARN (AssociateLambdaFunction).
		_, err := tx.GetObject(scope, inst, KindLambdaFunction, raw)
		return found(err)
	case refFlow:
		id, ok := childID(scope, inst, KindContactFlow, strings.TrimSuffix(raw, savedSuffix))
		if !ok {
			return false, nil
		}
		_, err := tx.GetContactFlow(scope, inst, id)
		return found(err)
	}
	return false, nil
}
