package templatefile

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Intrinsic is a CloudFormation intrinsic function (!Ref, Fn::GetAtt, ...): a value known only at deploy time.
type Intrinsic struct {
	Fn  string // Ref, GetAtt, Sub, ... (without "Fn::")
	Arg any
}

// Target is the logical id an intrinsic plainly refers to (Ref X, GetAtt X.Attr, Sub "${X}" or
// "${X.Attr}"), or "" when it does not name exactly one resource.
func (in Intrinsic) Target() string {
	switch in.Fn {
	case "Ref":
		s, _ := in.Arg.(string)
		return s
	case "GetAtt":
		switch a := in.Arg.(type) {
		case string:
			name, _, _ := strings.Cut(a, ".")
			return name
		case []any:
			if len(a) > 0 {
				s, _ := a[0].(string)
				return s
			}
		}
	case "Sub":
		s, _ := in.Arg.(string)
		if strings.HasPrefix(s, "${") && strings.HasSuffix(s, "}") && strings.Count(s, "${") == 1 {
			name, _, _ := strings.Cut(s[2:len(s)-1], ".")
			return name
		}
	}
	return ""
}

// Pos is a place in a file, 1-based.
type Pos struct{ Line, Column int }

// parsed is a file read into plain values (map[string]any, []any, string, json.Number, bool, nil and
// Intrinsic) with the position of every value by its path (Resources.X.Properties.Fields[0].Id.Name).
type parsed struct {
	root   any
	pos    map[string]Pos
	values int // values read; aliases may repeat a subtree, so this is capped (a "billion laughs" file)
}

// maxValues bounds the values one file may expand to.
const maxValues = 1 << 20

// parse reads JSON or YAML (JSON is YAML, and yaml.v3 keeps positions for both).
func parse(data []byte) (*parsed, error) {
	if t := bytes.TrimSpace(data); len(t) > 0 && (t[0] == '{' || t[0] == '[') && json.Valid(t) {
		return parseJSON(data)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	p := &parsed{pos: map[string]Pos{}}
	if len(doc.Content) == 0 {
		return nil, fmt.Errorf("the file is empty")
	}
	p.pos[""] = Pos{doc.Content[0].Line, doc.Content[0].Column}
	v, err := p.value(doc.Content[0], "", 0)
	p.root = v
	return p, err
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func (p *parsed) value(n *yaml.Node, path string, depth int) (any, error) {
	if depth > 200 {
		return nil, fmt.Errorf("line %d: nested too deep", n.Line)
	}
	if p.values++; p.values > maxValues {
		return nil, fmt.Errorf("line %d: more than %d values (aliases expanding?)", n.Line, maxValues)
	}
	if n.Kind == yaml.AliasNode {
		return p.value(n.Alias, path, depth+1)
	}
	if fn, ok := strings.CutPrefix(n.Tag, "!"); ok && !strings.HasPrefix(fn, "!") {
		// Short form: !Ref X, !GetAtt X.Y, !Sub "...", !If [...]. The node's own value is the argument.
		plain := *n
		plain.Tag = ""
		arg, err := p.value(&plain, path, depth+1)
		return Intrinsic{Fn: fn, Arg: arg}, err
	}
	switch n.Kind {
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!null":
			return nil, nil
		case "!!bool":
			var b bool
			err := n.Decode(&b)
			return b, err
		case "!!int", "!!float":
			return json.Number(n.Value), nil
		}
		return n.Value, nil
	case yaml.SequenceNode:
		out := make([]any, len(n.Content))
		for i, c := range n.Content {
			ip := fmt.Sprintf("%s[%d]", path, i)
			p.pos[ip] = Pos{c.Line, c.Column}
			v, err := p.value(c, ip, depth+1)
			if err != nil {
				return nil, err
			}
			out[i] = v
		}
		return out, nil
	case yaml.MappingNode:
		out := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			kp := join(path, k.Value)
			p.pos[kp] = Pos{k.Line, k.Column}
			val, err := p.value(v, kp, depth+1)
			if err != nil {
				return nil, err
			}
			out[k.Value] = val
		}
		if len(out) == 1 { // long form: {"Ref": X}, {"Fn::GetAtt": [X, Y]}
			for k, v := range out {
				if k == "Ref" || strings.HasPrefix(k, "Fn::") {
					return Intrinsic{Fn: strings.TrimPrefix(k, "Fn::"), Arg: v}, nil
				}
			}
		}
		return out, nil
	}
	return nil, fmt.Errorf("line %d: unexpected YAML node", n.Line)
}

// at returns the position of path or of its nearest ancestor in the file.
func (p *parsed) at(path string) Pos {
	for {
		if pos, ok := p.pos[path]; ok {
			return pos
		}
		i := strings.LastIndexAny(path, ".[")
		if i < 0 {
			return p.pos[""]
		}
		path = path[:i]
	}
}
