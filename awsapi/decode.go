package awsapi

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/connectlocal/connectlocal"
)

// A request is parsed once, by encoding/json into maps (UseNumber), because the model validator needs to see
// what was sent — absent, null, a wrong JSON type — in order to answer in the model's words. Once the values
// have passed the model's checks, fill copies them into the operation's wire struct; encoding them back to
// JSON only to decode them again cost a quarter of CreateTaskTemplate's CPU (issue 10, "On the wire").
//
// fill follows encoding/json's rules for what it has to handle: a member goes to the exported field its JSON
// tag (else its Go name) names — but matched exactly, as the model and AWS match names, not case-blind; null
// leaves the field as it is; a type that unmarshals itself (json.Unmarshaler) is handed its JSON text.

// filler copies a decoded JSON value into dst, which is settable.
type filler func(v any, dst reflect.Value) error

var fillers sync.Map // reflect.Type → filler

// fill copies v, a JSON value decoded with UseNumber, into the value dst points to.
func fill(v any, dst any) error {
	rv := reflect.ValueOf(dst).Elem()
	return fillerFor(rv.Type())(v, rv)
}

// typeError names the member whose value does not fit its field; the validator has normally refused it first.
type typeError struct{ path string }

func (e *typeError) Error() string { return "wrong type for member '" + e.path + "'" }

func mismatch(any, reflect.Type) error { return &typeError{} }

// within prefixes err's member path with the member or index it was found under.
func within(err error, member string) error {
	var te *typeError
	if asErr(err, &te) {
		if te.path == "" || strings.HasPrefix(te.path, "[") {
			te.path = member + te.path
		} else {
			te.path = member + "." + te.path
		}
	}
	return err
}

var (
	unmarshalerType = reflect.TypeFor[json.Unmarshaler]()
	epochTimeType   = reflect.TypeFor[epochTime]()
)

func fillerFor(t reflect.Type) filler {
	if f, ok := fillers.Load(t); ok {
		return f.(filler)
	}
	// A recursive type reaches itself through the indirection while its filler is being built.
	var (
		wg sync.WaitGroup
		f  filler
	)
	wg.Add(1)
	actual, loaded := fillers.LoadOrStore(t, filler(func(v any, dst reflect.Value) error {
		wg.Wait()
		return f(v, dst)
	}))
	if loaded {
		return actual.(filler)
	}
	f = newFiller(t)
	wg.Done()
	fillers.Store(t, f)
	return f
}

func newFiller(t reflect.Type) filler {
	switch {
	case t == epochTimeType:
		return func(v any, dst reflect.Value) error {
			n, ok := v.(json.Number)
			if !ok {
				return unmarshalFiller(v, dst)
			}
			f, err := strconv.ParseFloat(string(n), 64)
			if err != nil {
				return err
			}
			dst.Set(reflect.ValueOf(epochFrom(f)))
			return nil
		}
	case reflect.PointerTo(t).Implements(unmarshalerType):
		return unmarshalFiller
	}
	switch t.Kind() {
	case reflect.String:
		return func(v any, dst reflect.Value) error {
			s, ok := v.(string)
			if !ok {
				return mismatch(v, t)
			}
			dst.SetString(s)
			return nil
		}
	case reflect.Bool:
		return func(v any, dst reflect.Value) error {
			b, ok := v.(bool)
			if !ok {
				return mismatch(v, t)
			}
			dst.SetBool(b)
			return nil
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return func(v any, dst reflect.Value) error {
			n, ok := v.(json.Number)
			i, err := strconv.ParseInt(string(n), 10, 64)
			if !ok || err != nil || dst.OverflowInt(i) {
				return mismatch(v, t)
			}
			dst.SetInt(i)
			return nil
		}
	case reflect.Float32, reflect.Float64:
		return func(v any, dst reflect.Value) error {
			n, ok := v.(json.Number)
			f, err := strconv.ParseFloat(string(n), t.Bits())
			if !ok || err != nil {
				return mismatch(v, t)
			}
			dst.SetFloat(f)
			return nil
		}
	case reflect.Pointer:
		elem := fillerFor(t.Elem())
		return func(v any, dst reflect.Value) error {
			if v == nil {
				dst.SetZero()
				return nil
			}
			p := reflect.New(t.Elem())
			if err := elem(v, p.Elem()); err != nil {
				return err
			}
			dst.Set(p)
			return nil
		}
	case reflect.Slice:
		elem := fillerFor(t.Elem())
		return func(v any, dst reflect.Value) error {
			if v == nil {
				dst.SetZero()
				return nil
			}
			items, ok := v.([]any)
			if !ok {
				return mismatch(v, t)
			}
			s := reflect.MakeSlice(t, len(items), len(items))
			for i, it := range items {
				if it == nil {
					continue
				}
				if err := elem(it, s.Index(i)); err != nil {
					return within(err, "["+strconv.Itoa(i)+"]")
				}
			}
			dst.Set(s)
			return nil
		}
	case reflect.Map:
		if t.Key().Kind() != reflect.String {
			return unmarshalFiller
		}
		elem := fillerFor(t.Elem())
		return func(v any, dst reflect.Value) error {
			if v == nil {
				dst.SetZero()
				return nil
			}
			obj, ok := v.(map[string]any)
			if !ok {
				return mismatch(v, t)
			}
			m := reflect.MakeMapWithSize(t, len(obj))
			for k, it := range obj {
				e := reflect.New(t.Elem()).Elem()
				if it != nil {
					if err := elem(it, e); err != nil {
						return within(err, "["+k+"]")
					}
				}
				m.SetMapIndex(reflect.ValueOf(k).Convert(t.Key()), e)
			}
			dst.Set(m)
			return nil
		}
	case reflect.Struct:
		return structFiller(t)
	}
	return unmarshalFiller // interfaces too: encoding/json gives them float64 numbers, not json.Number
}

// unmarshalFiller hands the value's JSON text to encoding/json: for types that unmarshal themselves (e.g.
// json.RawMessage) and any kind fill does not handle.
func unmarshalFiller(v any, dst reflect.Value) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, dst.Addr().Interface())
}

type fieldFiller struct {
	name  string
	index []int
	fill  filler
}

func structFiller(t reflect.Type) filler {
	var fields []fieldFiller
	for _, sf := range reflect.VisibleFields(t) {
		tag := sf.Tag.Get("json")
		name, _, _ := strings.Cut(tag, ",")
		if !sf.IsExported() || name == "-" && tag == "-" {
			continue
		}
		if sf.Anonymous && name == "" && sf.Type.Kind() == reflect.Struct {
			continue // its fields are promoted and listed on their own
		}
		if name == "" {
			name = sf.Name
		}
		fields = append(fields, fieldFiller{name: name, index: sf.Index, fill: fillerFor(sf.Type)})
	}
	return func(v any, dst reflect.Value) error {
		obj, ok := v.(map[string]any)
		if !ok {
			return mismatch(v, t)
		}
		for _, f := range fields {
			mv, present := obj[f.name]
			if !present || mv == nil {
				continue
			}
			if err := f.fill(mv, dst.FieldByIndex(f.index)); err != nil {
				return within(err, f.name)
			}
		}
		return nil
	}
}

// checkUTF8 refuses a body that is not valid UTF-8, or whose JSON escapes a lone UTF-16 surrogate (\ud800 with
// no low half): encoding/json would quietly turn either into U+FFFD, so the service would store text the
// caller never sent (issue 12, "Exactness fixes").
func checkUTF8(body []byte) error {
	if !utf8.Valid(body) {
		i := 0
		for i < len(body) {
			r, n := utf8.DecodeRune(body[i:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			i += n
		}
		return connectlocal.Errorf(connectlocal.InvalidArgument, "The request body is not valid UTF-8 (byte %d)", i)
	}
	if i := loneSurrogate(body); i >= 0 {
		return connectlocal.Errorf(connectlocal.InvalidArgument,
			"The request body escapes a lone UTF-16 surrogate at byte %d, which is not a character", i)
	}
	return nil
}

// loneSurrogate returns the offset of the first \uXXXX escape that is half a surrogate pair without its other
// half, or -1. Backslashes occur only inside JSON strings, so the scan needs no JSON parse.
func loneSurrogate(b []byte) int {
	for i := bytes.IndexByte(b, '\\'); i >= 0 && i+1 < len(b); {
		if b[i+1] != 'u' {
			i = next(b, i+2)
			continue
		}
		r, ok := hex4(b, i+2)
		switch {
		case !ok:
			return -1 // malformed escape: the JSON decoder refuses it with its own message
		case utf16.IsSurrogate(r) && r < 0xdc00:
			low, ok := rune(0), i+7 < len(b) && b[i+6] == '\\' && b[i+7] == 'u'
			if ok {
				low, ok = hex4(b, i+8)
			}
			if !ok || low < 0xdc00 || low > 0xdfff {
				return i
			}
			i = next(b, i+12)
		case utf16.IsSurrogate(r):
			return i
		default:
			i = next(b, i+6)
		}
	}
	return -1
}

// next returns the index of the first backslash at or after from, or -1.
func next(b []byte, from int) int {
	if from >= len(b) {
		return -1
	}
	if j := bytes.IndexByte(b[from:], '\\'); j >= 0 {
		return from + j
	}
	return -1
}

func hex4(b []byte, at int) (rune, bool) {
	if at+4 > len(b) {
		return 0, false
	}
	n, err := strconv.ParseUint(string(b[at:at+4]), 16, 32)
	return rune(n), err == nil
}
