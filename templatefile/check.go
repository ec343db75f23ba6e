package templatefile

import (
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/awsapi"
	"github.com/connectlocal/connectlocal/cfn"
	"github.com/connectlocal/connectlocal/internal/model"
)

// Finding is one problem, at its place in the file.
type Finding struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Path     string `json:"path"` // the property path in the file's own terms
	Message  string `json:"message"`
	Code     string `json:"code"`     // the PropertyValidationException reason, the wire error type or a warning code
	Severity string `json:"severity"` // "error" (the service refuses it) or "warning" (it accepts it)
}

func (f Finding) String() string {
	msg := f.Message
	if f.Severity == "warning" {
		msg = "warning: " + msg
	}
	return fmt.Sprintf("%s:%d:%d: %s: %s (%s)", f.File, f.Line, f.Column, f.Path, msg, f.Code)
}

// Check reads one file and returns what the server would refuse in it and the warnings. The error is for a
// file that cannot be read as JSON or YAML, or holds no task template definition at all.
func Check(name string, data []byte) ([]Finding, error) {
	p, err := parse(data)
	if err != nil {
		return nil, err
	}
	c := &checker{file: name, p: p}
	switch root := p.root.(type) {
	case []any:
		for i, item := range root {
			c.cliInput(fmt.Sprintf("[%d]", i), item)
		}
	case map[string]any:
		if _, ok := root["Resources"]; ok {
			err = c.cloudFormation(root)
		} else if _, ok := root["AWSTemplateFormatVersion"]; ok {
			err = c.cloudFormation(root)
		} else {
			c.cliInput("", root)
		}
	default:
		err = fmt.Errorf("want a CLI input object, a list of them or a CloudFormation template")
	}
	if err != nil {
		return nil, err
	}
	sort.SliceStable(c.out, func(i, j int) bool {
		a, b := c.out[i], c.out[j]
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Column < b.Column
	})
	return c.out, nil
}

type checker struct {
	file string
	p    *parsed
	out  []Finding
}

// definition is one template to check: its request, where it sits, and how its paths read in the file.
type definition struct {
	operation string
	request   map[string]any
	base      string                                    // the file path of the object the request paths are relative to
	restate   func(member, msg string) (string, string) // request member path → path relative to base, message
	unknown   []string                                  // file-relative paths whose values are unknown (intrinsics, CLI flags)
	deploy    bool                                      // a file that creates the template (CREATE input, CloudFormation)
	extra     []connectlocal.Violation
}

func (c *checker) cliInput(base string, v any) {
	obj, ok := v.(map[string]any)
	if !ok {
		c.add(base, "A CLI input must be a JSON object", "InvalidParameterException", "error")
		return
	}
	d := definition{operation: "CreateTaskTemplate", request: obj, base: base, deploy: true,
		restate: func(p, m string) (string, string) { return p, m }}
	if _, ok := obj["TaskTemplateId"]; ok {
		d.operation, d.deploy = "UpdateTaskTemplate", false
	}
	// `aws connect create-task-template --instance-id X --cli-input-json file://t.json` is the usual way:
	// the ids may come as flags, so their absence is no problem of the file.
	req := make(map[string]any, len(obj)+2)
	for k, v := range obj {
		req[k] = v
	}
	for _, id := range []string{"InstanceId", "TaskTemplateId"} {
		if _, ok := req[id]; !ok && (id == "InstanceId" || d.operation == "UpdateTaskTemplate") {
			req[id] = "00000000-0000-0000-0000-000000000000"
			d.unknown = append(d.unknown, id)
		}
	}
	d.request = c.resolve(req, "", &d.unknown).(map[string]any)
	c.check(d)
}

func (c *checker) cloudFormation(root map[string]any) error {
	resources, ok := root["Resources"].(map[string]any)
	if !ok {
		return fmt.Errorf("a CloudFormation template needs a Resources object")
	}
	params, _ := root["Parameters"].(map[string]any)
	names := make([]string, 0, len(resources))
	for name := range resources {
		names = append(names, name)
	}
	sort.Strings(names)
	found := false
	for _, name := range names {
		if c.people(name, resources, params) { // security profiles, users, the hierarchy (users.go)
			found = true
			continue
		}
		res, _ := resources[name].(map[string]any)
		if typ, _ := res["Type"].(string); c.routing(name, typ, res, resources, params) {
			found = true // a routing object's type (routing.go)
			continue
		}
		if typ, _ := res["Type"].(string); typ != cfn.TaskTemplate {
			found = c.otherResource(name, typ, res, resources, params) || found
			continue
		}
		found = true
		base := "Resources." + name + ".Properties"
		props, ok := res["Properties"].(map[string]any)
		if !ok {
			props = map[string]any{}
			if _, ok := res["Properties"].(Intrinsic); ok {
				continue // the whole definition is computed at deploy time
			}
		}
		d := definition{operation: "CreateTaskTemplate", base: base, deploy: true, restate: cfn.TaskTemplateProblem}
		d.extra = c.flowRefs(props, resources, params)
		resolved := c.resolve(props, "", &d.unknown).(map[string]any)
		if c.schema(d, resolved) {
			continue // Cloud Control stops at the schema: no handler, so no Connect check, runs
		}
		d.request, _ = cfn.TaskTemplateCreate(resolved)
		c.check(d)
	}
	if !found {
		return fmt.Errorf("no %s resource in the template", cfn.TaskTemplate)
	}
	return nil
}

// schema reports where a TaskTemplate's properties break the type's registry schema, as Cloud Control
// refuses them (ValidationException "Model validation failed (#/Fields/0: required key [Id] not found)") and
// cfn-lint flags them; a problem at or under a value only known at deploy time is left out. It reports whether
// it found any.
func (c *checker) schema(d definition, props map[string]any) bool {
	found := false
	for _, p := range cfn.PropertySchemaOf(cfn.TaskTemplate).Problems(props) {
		path := p.Path()
		if d.hidden(path, false) || p.Key != "" && !p.Extraneous && d.hidden(join(path, p.Key), false) {
			continue // at or under an intrinsic (a required key given as one was left out by resolve)
		}
		msg := p.String()
		if hint, ok := arnHints[path]; ok && strings.Contains(p.Text, "does not match pattern") {
			msg += " — " + hint
		}
		at := d.base
		if path != "" {
			at = join(d.base, path)
		}
		c.add(at, msg, "ValidationException", "error")
		found = true
	}
	return found
}

// arnHints say in words what the schema's ARN patterns ask for.
var arnHints = map[string]string{
	"InstanceArn":              "InstanceArn takes an instance ARN, arn:aws:connect:<region>:<account>:instance/<instance id>, or a !GetAtt of an AWS::Connect::Instance's Arn",
	"ContactFlowArn":           "ContactFlowArn takes a flow ARN, arn:aws:connect:<region>:<account>:instance/<instance id>/contact-flow/<flow id>, or a !Ref of an AWS::Connect::ContactFlow",
	"SelfAssignContactFlowArn": "SelfAssignContactFlowArn takes a flow ARN, arn:aws:connect:<region>:<account>:instance/<instance id>/contact-flow/<flow id>, or a !Ref of an AWS::Connect::ContactFlow",
}

// flowRefs checks a template's flow properties that name a resource of the same file: it must be a contact
// flow of the same instance (spec-facts §4.3 #13, checked here against the file instead of the store).
func (c *checker) flowRefs(props, resources, params map[string]any) []connectlocal.Violation {
	var vs []connectlocal.Violation
	reason := connectlocal.Rules[connectlocal.RuleFlowExists].Reason
	for _, prop := range []string{"ContactFlowArn", "SelfAssignContactFlowArn"} {
		in, ok := props[prop].(Intrinsic)
		if !ok {
			continue
		}
		target := in.Target()
		if target == "" || params[target] != nil || strings.HasPrefix(target, "AWS::") {
			continue
		}
		res, ok := resources[target].(map[string]any)
		if !ok {
			vs = append(vs, connectlocal.Violation{Path: prop, Reason: reason,
				Message: fmt.Sprintf("Resource '%s' is not defined in this template", target)})
			continue
		}
		if typ, _ := res["Type"].(string); typ != cfn.ContactFlow {
			vs = append(vs, connectlocal.Violation{Path: prop, Reason: reason,
				Message: fmt.Sprintf("Resource '%s' is of type %s, not %s", target, typ, cfn.ContactFlow)})
			continue
		}
		flowProps, _ := res["Properties"].(map[string]any)
		if a, b := instanceKey(props["InstanceArn"]), instanceKey(flowProps["InstanceArn"]); a != "" && b != "" && a != b {
			vs = append(vs, connectlocal.Violation{Path: prop, Reason: reason,
				Message: fmt.Sprintf("Flow '%s' belongs to another instance than the template", target)})
		}
	}
	return vs
}

// instanceKey identifies an instance reference when it is known: a literal ARN or a plain reference.
func instanceKey(v any) string {
	switch v := v.(type) {
	case string:
		return "literal:" + v
	case Intrinsic:
		if t := v.Target(); t != "" {
			return "resource:" + t
		}
	}
	return ""
}

// objects are members whose value is an object or a list of objects: an intrinsic there (or in place of
// one of its items) is left out rather than replaced by a string, so the request still decodes and the rules
// run on the rest. SingleSelectOptions is a list of strings: the list goes, an item becomes a string.
var objects = map[string]bool{"Fields": true, "Constraints": true, "Defaults": true, "Tags": true,
	"RequiredFields": true, "ReadOnlyFields": true, "InvisibleFields": true, "Id": true, "DefaultFieldValues": true}

// resolve replaces each intrinsic by a value that passes (a unique string, or nothing where an object goes)
// and notes its path as unknown.
func (c *checker) resolve(v any, path string, unknown *[]string) any {
	switch v := v.(type) {
	case Intrinsic:
		*unknown = append(*unknown, path)
		name, _, item := strings.Cut(path[strings.LastIndex(path, ".")+1:], "[")
		if objects[name] || name == "SingleSelectOptions" && !item {
			return nil
		}
		return fmt.Sprintf("unknown%d", len(*unknown))
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, e := range v {
			if r := c.resolve(e, join(path, k), unknown); r != nil {
				out[k] = r
			}
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = c.resolve(e, fmt.Sprintf("%s[%d]", path, i), unknown)
		}
		return out
	}
	return v
}

func under(path, prefix string) bool {
	return path == prefix || strings.HasPrefix(path, prefix+".") || strings.HasPrefix(path, prefix+"[")
}

// hidden says whether a finding at path depends on an unknown value. whole says it depends on every field
// (rules do: a NAME field, a flow source, references; warnings look at the fields they name only).
func (d *definition) hidden(path string, whole bool) bool {
	fieldsUnknown := false
	for _, u := range d.unknown {
		if under(path, u) || under(u, path) {
			return true
		}
		fieldsUnknown = fieldsUnknown || under(u, "Fields")
	}
	// With a field unknown, what needs every field is unknown too.
	if !fieldsUnknown || !whole {
		return false
	}
	for _, p := range []string{"Fields", "ContactFlowArn", "ContactFlowId", "Constraints", "Defaults"} {
		if path == p || strings.HasPrefix(path, p+".") || strings.HasPrefix(path, p+"[") && p != "Fields" {
			return true
		}
	}
	return false
}

func (c *checker) check(d definition) {
	input, err := json.Marshal(d.request)
	if err != nil {
		c.add(d.base, err.Error(), "InvalidParameterException", "error")
		return
	}
	f := awsapi.Check(d.operation, input, connectlocal.DefaultQuotas())
	report := func(member, msg, code, severity string) {
		if member == "" {
			return
		}
		path, msg := d.restate(member, msg)
		if d.hidden(path, severity == "error") {
			return
		}
		c.add(join(d.base, path), msg, code, severity)
	}
	for _, p := range f.Members {
		report(p.Path, p.Message, "InvalidParameterException", "error")
	}
	for _, v := range f.Violations {
		// The server stops at a member problem: a rule about the same value, or a part of it (Fields[0].Id
		// missing, so Fields[0].Id.Name too), adds a code the server never gives.
		if !slices.ContainsFunc(f.Members, func(p model.Problem) bool { return under(v.Path, p.Path) }) {
			report(v.Path, v.Message, string(v.Reason), "error")
		}
	}
	for _, v := range d.extra {
		c.add(join(d.base, v.Path), v.Message, string(v.Reason), "error") // already in the file's terms
	}
	if f.Err != nil {
		e := connectlocal.AsError(f.Err)
		code := "InvalidParameterException"
		if e.Code == connectlocal.QuotaExceeded {
			code = "ServiceQuotaExceededException"
		}
		report("Fields", e.Message, code, "error")
	}
	if f.Template != nil {
		for _, w := range warnings(f.Template, d.deploy) {
			report(w.path, w.message, w.code, "warning")
		}
	}
}

func (c *checker) add(path, msg, code, severity string) {
	pos := c.p.at(path)
	c.out = append(c.out, Finding{File: c.file, Line: pos.Line, Column: pos.Column, Path: path, Message: msg,
		Code: code, Severity: severity})
}
