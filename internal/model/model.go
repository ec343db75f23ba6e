package model

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"sort"
	"sync"
)

//go:generate go run ./gen source/connect-model.json source/connect-model-full.json connect.json

//go:embed connect.json
var connectJSON []byte

// Model is the service model.
type Model struct {
	Operations map[string]*Operation
	Shapes     map[string]*Shape
}

// Operation is one API operation's HTTP binding, shapes and error list.
type Operation struct {
	Name         string
	Method       string
	RequestURI   string
	ResponseCode int
	Input        string
	Output       string
	Errors       []string // error shape names, in model order
}

// Shape is a model shape.
type Shape struct {
	Name        string
	Type        string // structure, list, map, string, integer, long, float, double, boolean, timestamp, union…
	Members     map[string]*Member
	MemberNames []string // model order
	Required    map[string]bool
	Min, Max    *float64
	Pattern     string
	pattern     *Pattern // Pattern compiled; nil when it does not compile (TestPatternsCompile guards)
	Enum        []string
	ListMember  string
	MapKey      string
	MapValue    string
	Union       bool
	Exception   bool
	Fault       bool // a server error (awsJson protocols: 5xx)
	HTTPStatus  int
}

// Member is a structure member.
type Member struct {
	Name             string
	Shape            string
	Location         string // "", "uri", "querystring", "header"
	LocationName     string
	IdempotencyToken bool
}

type rawRef struct {
	Shape            string `json:"shape"`
	Location         string `json:"location"`
	LocationName     string `json:"locationName"`
	IdempotencyToken bool   `json:"idempotencyToken"`
}

type rawShape struct {
	Type     string         `json:"type"`
	Members  orderedMembers `json:"members"`
	Required []string       `json:"required"`
	Min      *float64       `json:"min"`
	Max      *float64       `json:"max"`
	Pattern  string         `json:"pattern"`
	Enum     []string       `json:"enum"`
	Member   *rawRef        `json:"member"`
	Key      *rawRef        `json:"key"`
	Value    *rawRef        `json:"value"`
	Union    bool           `json:"union"`
	Ex       bool           `json:"exception"`
	Fault    bool           `json:"fault"`
	ErrorRaw *struct {
		HTTPStatusCode int `json:"httpStatusCode"`
	} `json:"error"`
}

type rawModel struct {
	Operations map[string]struct {
		Name string `json:"name"`
		HTTP struct {
			Method       string `json:"method"`
			RequestURI   string `json:"requestUri"`
			ResponseCode int    `json:"responseCode"`
		} `json:"http"`
		Input  *rawRef  `json:"input"`
		Output *rawRef  `json:"output"`
		Errors []rawRef `json:"errors"`
	} `json:"operations"`
	Shapes map[string]rawShape `json:"shapes"`
}

// orderedMembers keeps a structure's members in model order, which error messages follow.
type orderedMembers struct {
	names []string
	refs  map[string]rawRef
}

func (o *orderedMembers) UnmarshalJSON(b []byte) error {
	if err := json.Unmarshal(b, &o.refs); err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	if _, err := dec.Token(); err != nil { // {
		return err
	}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return err
		}
		o.names = append(o.names, t.(string))
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return err
		}
	}
	return nil
}

var (
	once   sync.Once
	loaded *Model
)

// Load returns the embedded model, parsed once.
func Load() *Model {
	once.Do(func() {
		m, err := Parse(connectJSON)
		if err != nil {
			panic("model: embedded connect.json is broken: " + err.Error())
		}
		loaded = m
	})
	return loaded
}

// patternFixes are model patterns written so that, taken literally, they refuse every real value; each is
// checked as meant instead (issue 20, users). Shape.Pattern keeps the model's text. A fix applies only while
// the model still writes the pattern that way.
var patternFixes = map[string]struct{ written, meant string }{
	// JavaScript-style /…/ delimiters around CreateUser's documented password rule.
	"Password": {`/^(?=.*[a-z])(?=.*[A-Z])(?=.*\d)[a-zA-Z\d\S]{8,64}$/`, `^(?=.*[a-z])(?=.*[A-Z])(?=.*\d)[a-zA-Z\d\S]{8,64}$`},
	// Doubled escapes (a literal backslash, then 'd's) in UserIdentityInfo.Mobile's and quick connects'
	// E.164 rule; SensitivePhoneNumber writes the same rule with single ones.
	"PhoneNumber": {`\\+[1-9]\\d{1,14}$`, `\+[1-9]\d{1,14}$`},
}

// Parse reads a botocore service model.
func Parse(data []byte) (*Model, error) {
	var raw rawModel
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, err
	}
	m := &Model{Operations: map[string]*Operation{}, Shapes: map[string]*Shape{}}
	for name, o := range raw.Operations {
		op := &Operation{Name: name, Method: o.HTTP.Method, RequestURI: o.HTTP.RequestURI, ResponseCode: o.HTTP.ResponseCode}
		if op.ResponseCode == 0 {
			op.ResponseCode = 200
		}
		if o.Input != nil {
			op.Input = o.Input.Shape
		}
		if o.Output != nil {
			op.Output = o.Output.Shape
		}
		for _, e := range o.Errors {
			op.Errors = append(op.Errors, e.Shape)
		}
		m.Operations[name] = op
	}
	for name, r := range raw.Shapes {
		s := &Shape{Name: name, Type: r.Type, Min: r.Min, Max: r.Max, Pattern: r.Pattern, Enum: r.Enum,
			Union: r.Union, Exception: r.Ex, Fault: r.Fault, Required: map[string]bool{}}
		if r.Pattern != "" {
			src := r.Pattern
			if fix, ok := patternFixes[name]; ok && fix.written == src {
				src = fix.meant
			}
			s.pattern, _ = CompilePattern(src)
		}
		if r.ErrorRaw != nil {
			s.HTTPStatus = r.ErrorRaw.HTTPStatusCode
		}
		for _, req := range r.Required {
			s.Required[req] = true
		}
		if r.Type == "structure" {
			s.Members = map[string]*Member{}
			for _, mn := range r.Members.names {
				ref := r.Members.refs[mn]
				s.Members[mn] = &Member{Name: mn, Shape: ref.Shape, Location: ref.Location, LocationName: ref.LocationName,
					IdempotencyToken: ref.IdempotencyToken}
				s.MemberNames = append(s.MemberNames, mn)
			}
		}
		if r.Member != nil {
			s.ListMember = r.Member.Shape
		}
		if r.Key != nil {
			s.MapKey = r.Key.Shape
		}
		if r.Value != nil {
			s.MapValue = r.Value.Shape
		}
		m.Shapes[name] = s
	}
	return m, nil
}

// OperationNames lists the operations, sorted.
func (m *Model) OperationNames() []string {
	names := make([]string, 0, len(m.Operations))
	for n := range m.Operations {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// ErrorStatus is the HTTP status of an error shape, or 0 when the model has no such error.
func (m *Model) ErrorStatus(shape string) int {
	if s := m.Shapes[shape]; s != nil && s.Exception {
		return s.HTTPStatus
	}
	return 0
}
