package model

import (
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Problem is one way a value breaks its shape: where, and AWS's wording of why.
type Problem struct {
	Path    string
	Message string
}

// FormatProblems renders problems in AWS's validation style.
func FormatProblems(ps []Problem) string {
	msgs := make([]string, len(ps))
	for i, p := range ps {
		msgs[i] = p.Message
	}
	noun := "errors"
	if len(ps) == 1 {
		noun = "error"
	}
	return fmt.Sprintf("%d validation %s detected: %s", len(ps), noun, strings.Join(msgs, "; "))
}

// Validate checks v, a value decoded by encoding/json with UseNumber, against the named shape. Unknown
// members are ignored (AWS ignores them); a JSON null counts as absent. Problems come in model member order,
// depth first.
func (m *Model) Validate(shape string, v any) []Problem {
	var ps []Problem
	m.validate(m.Shapes[shape], "", v, &ps)
	return ps
}

func join(path, member string) string {
	if path == "" {
		return member
	}
	return path + "." + member
}

func (m *Model) validate(s *Shape, path string, v any, ps *[]Problem) {
	if s == nil {
		return
	}
	add := func(format string, args ...any) {
		*ps = append(*ps, Problem{Path: path, Message: fmt.Sprintf(format, args...)})
	}
	constraint := func(value any, format string, args ...any) {
		add("Value %s at '%s' failed to satisfy constraint: Member must %s", quote(value), path, fmt.Sprintf(format, args...))
	}
	switch s.Type {
	case "structure":
		obj, ok := v.(map[string]any)
		if !ok {
			add("Value at '%s' must be an object", pathOr(path))
			return
		}
		set := 0
		for _, name := range s.MemberNames {
			mv, present := obj[name]
			if present && mv != nil {
				set++
				m.validate(m.Shapes[s.Members[name].Shape], join(path, name), mv, ps)
			} else if s.Required[name] {
				*ps = append(*ps, Problem{Path: join(path, name),
					Message: fmt.Sprintf("Value null at '%s' failed to satisfy constraint: Member must not be null", join(path, name))})
			}
		}
		if s.Union && set > 1 {
			add("Value at '%s' must set exactly one member of the union", pathOr(path))
		}
	case "list":
		items, ok := v.([]any)
		if !ok {
			add("Value at '%s' must be a list", path)
			return
		}
		checkCount(s, len(items), func(f string, a ...any) { constraint(items, f, a...) })
		for i, it := range items {
			p := fmt.Sprintf("%s[%d]", path, i)
			if it == nil {
				*ps = append(*ps, Problem{Path: p, Message: fmt.Sprintf("Value null at '%s' failed to satisfy constraint: Member must not be null", p)})
				continue
			}
			m.validate(m.Shapes[s.ListMember], p, it, ps)
		}
	case "map":
		obj, ok := v.(map[string]any)
		if !ok {
			add("Value at '%s' must be a map", path)
			return
		}
		checkCount(s, len(obj), func(f string, a ...any) { constraint(obj, f, a...) })
		keys := make([]string, 0, len(obj))
		for k := range obj {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			p := fmt.Sprintf("%s[%s]", path, k)
			m.validate(m.Shapes[s.MapKey], p, k, ps)
			if obj[k] == nil {
				*ps = append(*ps, Problem{Path: p, Message: fmt.Sprintf("Value null at '%s' failed to satisfy constraint: Member must not be null", p)})
				continue
			}
			m.validate(m.Shapes[s.MapValue], p, obj[k], ps)
		}
	case "string", "blob":
		str, ok := v.(string)
		if !ok {
			add("Value at '%s' must be a string", path)
			return
		}
		n := utf8.RuneCountInString(str)
		if s.Min != nil && float64(n) < *s.Min {
			constraint(str, "have length greater than or equal to %s", num(*s.Min))
		}
		tooLong := s.Max != nil && float64(n) > *s.Max
		if tooLong {
			constraint(str, "have length less than or equal to %s", num(*s.Max))
		}
		if len(s.Enum) > 0 && !contains(s.Enum, str) {
			constraint(str, "satisfy enum value set: [%s]", strings.Join(s.Enum, ", "))
		}
		// A value already too long is refused for its length alone: matching is linear, but a 1 MiB tag key
		// need not be scanned to be refused.
		if s.pattern != nil && !tooLong && !s.pattern.MatchString(str) {
			constraint(str, "satisfy regular expression pattern: %s", s.Pattern)
		}
	case "integer", "long":
		n, ok := v.(json.Number)
		i, err := strconv.ParseInt(string(n), 10, 64)
		if !ok || err != nil || (s.Type == "integer" && (i > math.MaxInt32 || i < math.MinInt32)) {
			add("Value at '%s' must be an integer", path)
			return
		}
		if s.Min != nil && float64(i) < *s.Min {
			constraint(n, "have value greater than or equal to %s", num(*s.Min))
		}
		if s.Max != nil && float64(i) > *s.Max {
			constraint(n, "have value less than or equal to %s", num(*s.Max))
		}
	case "float", "double":
		n, ok := v.(json.Number)
		f, err := n.Float64()
		if !ok || err != nil {
			add("Value at '%s' must be a number", path)
			return
		}
		if s.Min != nil && f < *s.Min {
			constraint(n, "have value greater than or equal to %s", num(*s.Min))
		}
		if s.Max != nil && f > *s.Max {
			constraint(n, "have value less than or equal to %s", num(*s.Max))
		}
	case "boolean":
		if _, ok := v.(bool); !ok {
			add("Value at '%s' must be a boolean", path)
		}
	case "timestamp":
		switch t := v.(type) {
		case json.Number:
			f, err := t.Float64()
			if err != nil || f < -62135596800 || f > 253402300799 { // years 1 to 9999
				add("Value at '%s' must be a timestamp in epoch seconds", path)
			}
		default:
			add("Value at '%s' must be a timestamp in epoch seconds", path)
		}
	}
}

func pathOr(p string) string {
	if p == "" {
		return "the request"
	}
	return p
}

func checkCount(s *Shape, n int, fail func(string, ...any)) {
	if s.Min != nil && float64(n) < *s.Min {
		fail("have length greater than or equal to %s", num(*s.Min))
	}
	if s.Max != nil && float64(n) > *s.Max {
		fail("have length less than or equal to %s", num(*s.Max))
	}
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// quote renders a value for a message, clipped: AWS quotes strings and shows null as null.
func quote(v any) string {
	var s string
	switch t := v.(type) {
	case string:
		s = t
	case json.Number:
		return string(t)
	default:
		b, _ := json.Marshal(t)
		s = string(b)
	}
	if utf8.RuneCountInString(s) > 64 {
		s = string([]rune(s)[:64]) + "..."
	}
	return "'" + s + "'"
}
