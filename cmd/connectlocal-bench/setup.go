package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"github.com/connectlocal/connectlocal"
)

// fixture is the state the operations run against.
type fixture struct {
	inst, flow, tmpl, listInst, lastPageToken string
}

const flowContent = `{"Version":"2019-10-30","StartAction":"end","Actions":[{"Identifier":"end","Type":"DisconnectParticipant","Parameters":{},"Transitions":{}}]}`

// tenFields is a template of 10 fields, the size the memory goal names.
func tenFields(name, flow string) []byte {
	fields := `[{"Id":{"Name":"Title"},"Type":"NAME"},{"Id":{"Name":"Details"},"Type":"DESCRIPTION"},` +
		`{"Id":{"Name":"Amount"},"Type":"NUMBER","Description":"in EUR"},{"Id":{"Name":"Order"},"Type":"URL"},` +
		`{"Id":{"Name":"Customer"},"Type":"EMAIL"},{"Id":{"Name":"Urgent"},"Type":"BOOLEAN"},` +
		`{"Id":{"Name":"Channel"},"Type":"SINGLE_SELECT","SingleSelectOptions":["Web","Phone","Store"]},` +
		`{"Id":{"Name":"Bought"},"Type":"DATE_TIME"},{"Id":{"Name":"Note"},"Type":"TEXT"},{"Id":{"Name":"Log"},"Type":"TEXT_AREA"}]`
	return fmt.Appendf(nil, `{"Name":%q,"Description":"A customer asks for money back","ContactFlowId":%q,"Fields":%s,`+
		`"Constraints":{"RequiredFields":[{"Id":{"Name":"Amount"}}]},"Defaults":{"DefaultFieldValues":[{"Id":{"Name":"Channel"},"DefaultValue":"Web"}]}}`,
		name, flow, fields)
}

func jsonField(body []byte, key string) string {
	var m map[string]any
	json.Unmarshal(body, &m)
	s, _ := m[key].(string)
	return s
}

func createInstance(base, alias string) (string, error) {
	body, err := fetch(base, request{"PUT", "/instance", fmt.Appendf(nil,
		`{"IdentityManagementType":"CONNECT_MANAGED","InstanceAlias":%q,"InboundCallsEnabled":true,"OutboundCallsEnabled":true}`, alias)})
	return jsonField(body, "Id"), err
}

// setup creates, through the API, an instance with a flow and a 10-field template; and, through the store in
// one transaction (far faster than n requests), a second instance holding n templates for the list runs.
func setup(ctx context.Context, base string, svc *connectlocal.Service, store connectlocal.Store, n int) (*fixture, error) {
	f := &fixture{}
	var err error
	if f.inst, err = createInstance(base, "bench"); err != nil {
		return nil, err
	}
	body, err := fetch(base, request{"PUT", "/contact-flows/" + f.inst, fmt.Appendf(nil,
		`{"Name":"Task routing","Type":"CONTACT_FLOW","Content":%q}`, flowContent)})
	if err != nil {
		return nil, err
	}
	f.flow = jsonField(body, "ContactFlowId")
	if body, err = fetch(base, request{"PUT", "/instance/" + f.inst + "/task/template", tenFields("Refund", f.flow)}); err != nil {
		return nil, err
	}
	f.tmpl = jsonField(body, "Id")
	if f.listInst, err = createInstance(base, "benchlist"); err != nil {
		return nil, err
	}
	scope := connectlocal.Scope{Account: "123456789012", Region: "us-east-1"}
	tmpl, _, err := svc.GetTaskTemplate(ctx, scope, f.inst, f.tmpl, 0)
	if err != nil {
		return nil, err
	}
	start := time.Now().UTC().Truncate(time.Millisecond)
	const batch = 5000
	for done := 0; done < n; done += batch {
		err := store.Update(ctx, connectlocal.InstanceKey(scope, f.listInst), func(tx connectlocal.Tx) error {
			for i := done; i < min(n, done+batch); i++ {
				t := tmpl
				t.InstanceID, t.ID, t.Name, t.Version = f.listInst, fmt.Sprintf("00000000-0000-4000-8000-%012d", i), "listed-"+strconv.Itoa(i), 1
				t.CreatedTime = start.Add(time.Duration(i) * time.Millisecond)
				t.LastModifiedTime = t.CreatedTime
				if err := tx.PutTaskTemplate(scope, t); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	// The token of the last page of 100, to show a deep page costs what the first does.
	page := connectlocal.Page{Limit: 100}
	for {
		list, next, err := svc.ListTaskTemplates(ctx, scope, f.listInst, connectlocal.TemplateFilter{}, page)
		if err != nil {
			return nil, err
		}
		if next == "" || len(list) == 0 {
			break
		}
		f.lastPageToken = page.Token
		page.Token = next
	}
	f.lastPageToken = page.Token
	return f, nil
}

func (f *fixture) get() request {
	return request{"GET", "/instance/" + f.inst + "/task/template/" + f.tmpl, nil}
}

// generators build the i-th request of each operation.
func (f *fixture) generators() map[string]func(i int64) request {
	return map[string]func(int64) request{
		"GetTaskTemplate": func(int64) request { return f.get() },
		"ListTaskTemplates": func(int64) request {
			return request{"GET", "/instance/" + f.listInst + "/task/template?maxResults=100", nil}
		},
		"ListTaskTemplatesLastPage": func(int64) request {
			return request{"GET", "/instance/" + f.listInst + "/task/template?maxResults=100&nextToken=" + f.lastPageToken, nil}
		},
		"CreateTaskTemplate": func(i int64) request {
			return request{"PUT", "/instance/" + f.inst + "/task/template", tenFields("bench-"+strconv.FormatInt(i, 10), f.flow)}
		},
		"UpdateTaskTemplate": func(i int64) request {
			return request{"POST", "/instance/" + f.inst + "/task/template/" + f.tmpl, fmt.Appendf(nil, `{"Description":"update %d"}`, i)}
		},
		"StartTaskContact": func(i int64) request {
			return request{"PUT", "/contact/task", fmt.Appendf(nil, `{"InstanceId":%q,"TaskTemplateId":%q,"Name":"task %d",`+
				`"References":{"Amount":{"Type":"NUMBER","Value":"19.99"},"Customer":{"Type":"EMAIL","Value":"kim@example.com"}}}`, f.inst, f.tmpl, i)}
		},
		"DescribeInstance": func(int64) request { return request{"GET", "/instance/" + f.inst, nil} },
	}
}
