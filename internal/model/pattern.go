package model

import (
	"fmt"
	"regexp"
	"strings"
)

// Pattern is a model pattern — a Java regular expression the whole value must match — compiled for Go's
// regexp, which runs in time linear in the input and never gives up: a check cannot time out or backtrack.
//
// RE2 has no look-around, but every look-ahead in the Connect model stands at the very start of its pattern
// (InstanceAlias `^(?!d-)…`, TagKey `^(?!aws:)…`, Page `^(?!\.$)(?!\.\.$)…`). A look-ahead at position 0
// only asks whether the value begins with a match of its group, so it becomes a prefix check of its own:
// `^(?!X)Y$` matches exactly when `^(?:X)` does not match the value's start and `^(?:Y$)$` matches the value.
type Pattern struct {
	source  string
	must    []*regexp.Regexp // (?=X): the value starts with a match of X
	mustNot []*regexp.Regexp // (?!X): it does not
	body    *regexp.Regexp
}

// String returns the model's pattern text.
func (p *Pattern) String() string { return p.source }

// MatchString reports whether the whole of s matches the pattern.
func (p *Pattern) MatchString(s string) bool {
	for _, re := range p.mustNot {
		if re.MatchString(s) {
			return false
		}
	}
	for _, re := range p.must {
		if !re.MatchString(s) {
			return false
		}
	}
	return p.body.MatchString(s)
}

// CompilePattern translates a model pattern. It fails on Java syntax RE2 cannot express, such as a look-ahead
// that is not at the start of the pattern or that covers only one branch of a top-level alternation.
func CompilePattern(src string) (*Pattern, error) {
	p := &Pattern{source: src}
	rest := javaToRE2(src)
	anchor := ""
	if strings.HasPrefix(rest, "^") {
		anchor, rest = "^", rest[1:]
	}
	for strings.HasPrefix(rest, "(?=") || strings.HasPrefix(rest, "(?!") {
		end, err := groupEnd(rest)
		if err != nil {
			return nil, fmt.Errorf("pattern %q: %w", src, err)
		}
		re, err := regexp.Compile(`^(?:` + rest[3:end] + `)`)
		if err != nil {
			return nil, fmt.Errorf("pattern %q: look-ahead: %w", src, err)
		}
		if rest[2] == '=' {
			p.must = append(p.must, re)
		} else {
			p.mustNot = append(p.mustNot, re)
		}
		rest = rest[end+1:]
	}
	if len(p.must)+len(p.mustNot) > 0 && hasTopLevelAlternation(rest) {
		// ^(?!x)a|b puts the look-ahead on the first branch only; splitting it off would change the meaning.
		return nil, fmt.Errorf("pattern %q: a look-ahead before a top-level alternation is not supported", src)
	}
	body, err := regexp.Compile(`^(?:` + anchor + rest + `)$`)
	if err != nil {
		return nil, fmt.Errorf("pattern %q: %w", src, err)
	}
	p.body = body
	return p, nil
}

// javaToRE2 rewrites the Java escapes RE2 spells differently: \uXXXX becomes \x{XXXX}. Anything else RE2
// cannot read is left for regexp.Compile to refuse.
func javaToRE2(src string) string {
	var b strings.Builder
	for i := 0; i < len(src); i++ {
		if src[i] == '\\' && i+1 < len(src) {
			if src[i+1] == 'u' && i+6 <= len(src) && isHex(src[i+2:i+6]) {
				b.WriteString(`\x{` + src[i+2:i+6] + `}`)
				i += 5
				continue
			}
			b.WriteString(src[i : i+2])
			i++
			continue
		}
		b.WriteByte(src[i])
	}
	return b.String()
}

func isHex(s string) bool {
	for _, c := range s {
		if !strings.ContainsRune("0123456789abcdefABCDEF", c) {
			return false
		}
	}
	return true
}

// scan walks a pattern outside escapes and character classes, calling fn with each byte's index and the
// group depth before it; fn returns false to stop.
func scan(src string, fn func(i, depth int) bool) error {
	depth := 0
	for i := 0; i < len(src); i++ {
		switch c := src[i]; {
		case c == '\\':
			i++
		case c == '[':
			j := i + 1
			if j < len(src) && src[j] == '^' {
				j++
			}
			if j < len(src) && src[j] == ']' { // a leading ] is a literal
				j++
			}
			for ; j < len(src) && src[j] != ']'; j++ {
				if src[j] == '\\' {
					j++
				}
			}
			if j >= len(src) {
				return fmt.Errorf("unterminated character class")
			}
			i = j
		default:
			if !fn(i, depth) {
				return nil
			}
			if c == '(' {
				depth++
			} else if c == ')' {
				depth--
			}
		}
	}
	return nil
}

// groupEnd returns the index of the ) closing the group that opens src.
func groupEnd(src string) (int, error) {
	end := -1
	err := scan(src, func(i, depth int) bool {
		if src[i] == ')' && depth == 1 {
			end = i
			return false
		}
		return true
	})
	if err == nil && end < 0 {
		err = fmt.Errorf("unbalanced look-ahead group")
	}
	return end, err
}

func hasTopLevelAlternation(src string) bool {
	found := false
	scan(src, func(i, depth int) bool {
		found = src[i] == '|' && depth == 0
		return !found
	})
	return found
}
