// Package seed applies a seed file: instances, contact flows and task templates declared by name, created at
// start when missing and left alone when present, so a test suite can start connectlocal with known state.
package seed

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/awsapi"
	"sigs.k8s.io/yaml"
)

// File is a seed file. Each instance, flow and template is the JSON request of its Create operation as the
// AWS CLI's --cli-input-json takes it, plus an optional Id; a template's ContactFlowId and SelfAssignFlowId may
// name a flow of the file instead of giving its id.
type File struct {
	Account   string     `json:"Account"` // default: serve's --account-id
	Region    string     `json:"Region"`  // default: us-east-1
	Instances []Instance `json:"Instances"`
}

// Instance is a CreateInstance request with the flows and templates it holds; InstanceAlias identifies it.
type Instance struct {
	Request       map[string]any   `json:"-"`
	ContactFlows  []map[string]any `json:"ContactFlows"`
	TaskTemplates []map[string]any `json:"TaskTemplates"`
}

// Read parses a seed file, JSON or YAML.
func Read(path string) (*File, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	js, err := yaml.YAMLToJSON(raw) // JSON is YAML, so one parser reads both
	if err != nil {
		return nil, fmt.Errorf("seed %s: %v", path, err)
	}
	var f struct {
		Account   string           `json:"Account"`
		Region    string           `json:"Region"`
		Instances []map[string]any `json:"Instances"`
	}
	dec := json.NewDecoder(strings.NewReader(string(js)))
	dec.UseNumber()
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("seed %s: %v", path, err)
	}
	out := &File{Account: f.Account, Region: f.Region}
	for i, m := range f.Instances {
		inst := Instance{Request: m}
		var err error
		if inst.ContactFlows, err = takeList(m, "ContactFlows"); err == nil {
			inst.TaskTemplates, err = takeList(m, "TaskTemplates")
		}
		if err != nil {
			return nil, fmt.Errorf("seed %s: Instances[%d]: %v", path, i, err)
		}
		out.Instances = append(out.Instances, inst)
	}
	return out, nil
}

func takeList(m map[string]any, key string) ([]map[string]any, error) {
	v, ok := m[key]
	delete(m, key)
	if !ok || v == nil {
		return nil, nil
	}
	items, ok := v.([]any)
	if !ok {
		return nil, fmt.Errorf("%s must be a list", key)
	}
	out := make([]map[string]any, len(items))
	for i, it := range items {
		if out[i], ok = it.(map[string]any); !ok {
			return nil, fmt.Errorf("%s[%d] must be an object", key, i)
		}
	}
	return out, nil
}

// Apply creates what the file declares and is missing. Every entry takes the API's own checks; the first
// entry refused stops it with an error naming the entry and the problem.
func Apply(ctx context.Context, api *awsapi.API, svc *connectlocal.Service, defaultAccount string, f *File) error {
	scope := connectlocal.Scope{Account: f.Account, Region: f.Region}
	if scope.Account == "" {
		scope.Account = defaultAccount
	}
	if scope.Region == "" {
		scope.Region = "us-east-1"
	}
	existing, err := allInstances(ctx, svc, scope)
	if err != nil {
		return err
	}
	for i, inst := range f.Instances {
		where := fmt.Sprintf("Instances[%d]", i)
		alias, _ := inst.Request["InstanceAlias"].(string)
		if alias == "" {
			return fmt.Errorf("seed: %s: InstanceAlias is required: it is how the seed finds the instance again", where)
		}
		where = fmt.Sprintf("instance %q", alias)
		id, ok := existing[strings.ToLower(alias)]
		if !ok {
			out, err := create(ctx, api, scope, "CreateInstance", inst.Request)
			if err != nil {
				return fmt.Errorf("seed: %s: %v", where, err)
			}
			id = out["Id"].(string)
		}
		flows, err := applyFlows(ctx, api, svc, scope, id, inst.ContactFlows)
		if err != nil {
			return fmt.Errorf("seed: %s: %v", where, err)
		}
		if err := applyTemplates(ctx, api, svc, scope, id, flows, inst.TaskTemplates); err != nil {
			return fmt.Errorf("seed: %s: %v", where, err)
		}
	}
	return nil
}

// create runs a Create operation with the entry's optional Id as the new resource's id.
func create(ctx context.Context, api *awsapi.API, scope connectlocal.Scope, op string, req map[string]any) (map[string]any, error) {
	body := make(map[string]any, len(req))
	for k, v := range req {
		body[k] = v
	}
	if id, ok := body["Id"].(string); ok {
		ctx = connectlocal.WithPresetID(ctx, id)
		delete(body, "Id")
	}
	in, err := json.Marshal(body)
	if err != nil {
		return nil, err
	}
	raw, err := api.Call(ctx, scope, op, in)
	if err != nil {
		return nil, describe(err)
	}
	var out map[string]any
	return out, json.Unmarshal(raw, &out)
}

// describe renders an API error with every template violation.
func describe(err error) error {
	e := connectlocal.AsError(err)
	if len(e.Violations) == 0 && len(e.Problems) == 0 {
		return fmt.Errorf("%s", e.Message)
	}
	var parts []string
	for _, v := range e.Violations {
		parts = append(parts, fmt.Sprintf("%s: %s (%s)", v.Path, v.Message, v.Reason))
	}
	parts = append(parts, e.Problems...)
	return fmt.Errorf("%s", strings.Join(parts, "; "))
}

func allInstances(ctx context.Context, svc *connectlocal.Service, scope connectlocal.Scope) (map[string]string, error) {
	out := map[string]string{}
	page := connectlocal.Page{Limit: 10}
	for {
		list, next, err := svc.ListInstances(ctx, scope, page)
		if err != nil {
			return nil, err
		}
		for _, i := range list {
			out[strings.ToLower(i.Alias)] = i.ID
		}
		if next == "" {
			return out, nil
		}
		page.Token = next
	}
}

func applyFlows(ctx context.Context, api *awsapi.API, svc *connectlocal.Service, scope connectlocal.Scope, inst string, entries []map[string]any) (map[string]string, error) {
	byName := map[string]string{}
	page := connectlocal.Page{Limit: 1000}
	for {
		list, next, err := svc.ListContactFlows(ctx, scope, inst, nil, page)
		if err != nil {
			return nil, err
		}
		for _, f := range list {
			byName[f.Name] = f.ID
		}
		if next == "" {
			break
		}
		page.Token = next
	}
	for i, e := range entries {
		name, _ := e["Name"].(string)
		if _, ok := byName[name]; ok && name != "" {
			continue
		}
		e["InstanceId"] = inst
		if c, ok := e["Content"].(map[string]any); ok { // YAML users may write the flow inline
			b, _ := json.Marshal(c)
			e["Content"] = string(b)
		}
		out, err := create(ctx, api, scope, "CreateContactFlow", e)
		if err != nil {
			return nil, fmt.Errorf("ContactFlows[%d] %q: %v", i, name, err)
		}
		byName[name] = out["ContactFlowId"].(string)
	}
	return byName, nil
}

func applyTemplates(ctx context.Context, api *awsapi.API, svc *connectlocal.Service, scope connectlocal.Scope, inst string, flows map[string]string, entries []map[string]any) error {
	for i, e := range entries {
		name, _ := e["Name"].(string)
		if name != "" {
			list, _, err := svc.ListTaskTemplates(ctx, scope, inst, connectlocal.TemplateFilter{Name: name}, connectlocal.Page{Limit: 1})
			if err != nil {
				return err
			}
			if len(list) > 0 {
				continue
			}
		}
		e["InstanceId"] = inst
		for _, member := range []string{"ContactFlowId", "SelfAssignFlowId"} {
			if ref, ok := e[member].(string); ok {
				if id, ok := flows[ref]; ok {
					e[member] = id
				}
			}
		}
		if _, err := create(ctx, api, scope, "CreateTaskTemplate", e); err != nil {
			return fmt.Errorf("TaskTemplates[%d] %q: %v", i, name, err)
		}
	}
	return nil
}
