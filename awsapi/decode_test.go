package awsapi

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"reflect"
	"strconv"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// fill gives every wire struct exactly what encoding/json gave it before requests were decoded only once:
// random values of each type are encoded, decoded into maps as readInput does, and filled; the result must
// equal json.Unmarshal of the same text. One deliberate difference: a null member is absent (the model's
// reading), where encoding/json hands a json.RawMessage the text "null".
func TestFillMatchesUnmarshal(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, w := range wireStructs {
		typ := reflect.TypeOf(w)
		t.Run(typ.Name(), func(t *testing.T) {
			for i := 0; i < 200; i++ {
				v := reflect.New(typ)
				randomize(rng, v.Elem(), 0)
				text, err := json.Marshal(v.Interface())
				if err != nil {
					t.Fatal(err)
				}
				want := reflect.New(typ)
				if err := json.Unmarshal(text, want.Interface()); err != nil {
					t.Fatal(err)
				}
				dec := json.NewDecoder(bytes.NewReader(text))
				dec.UseNumber()
				var decoded any
				if err := dec.Decode(&decoded); err != nil {
					t.Fatal(err)
				}
				got := reflect.New(typ)
				if err := fill(decoded, got.Interface()); err != nil {
					t.Fatalf("%s: %v", text, err)
				}
				if diff := cmp.Diff(want.Interface(), got.Interface(), cmp.Comparer(func(a, b epochTime) bool {
					return time.Time(a).Equal(time.Time(b))
				}), cmp.Transformer("nullIsAbsent", func(r json.RawMessage) json.RawMessage {
					if string(r) == "null" {
						return nil
					}
					return r
				})); diff != "" {
					t.Fatalf("%s:\n%s", text, diff)
				}
			}
		})
	}
}

func randomize(rng *rand.Rand, v reflect.Value, depth int) {
	if v.Type() == reflect.TypeFor[epochTime]() {
		ms := rng.Int64N(4102444800000) // up to 2100, millisecond precision as the service keeps
		v.Set(reflect.ValueOf(epochTime(time.UnixMilli(ms).UTC())))
		return
	}
	if v.Type() == reflect.TypeFor[json.RawMessage]() {
		if rng.IntN(2) == 0 {
			v.SetBytes([]byte(`{"k":{"ValueString":"` + strconv.Itoa(rng.IntN(100)) + `"}}`))
		}
		return
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString([]string{"", "a", "Name", "é日", `q"uo\te`, "1.5"}[rng.IntN(6)])
	case reflect.Bool:
		v.SetBool(rng.IntN(2) == 0)
	case reflect.Int, reflect.Int32, reflect.Int64:
		v.SetInt(rng.Int64N(1<<31) - 1<<30)
	case reflect.Pointer:
		if depth < 4 && rng.IntN(3) > 0 {
			p := reflect.New(v.Type().Elem())
			randomize(rng, p.Elem(), depth+1)
			v.Set(p)
		}
	case reflect.Slice:
		if depth < 4 && rng.IntN(3) > 0 {
			n := rng.IntN(3)
			s := reflect.MakeSlice(v.Type(), n, n)
			for i := range n {
				randomize(rng, s.Index(i), depth+1)
			}
			v.Set(s)
		}
	case reflect.Map:
		if depth < 4 && rng.IntN(3) > 0 {
			m := reflect.MakeMap(v.Type())
			for range rng.IntN(3) {
				k := reflect.New(v.Type().Key()).Elem()
				randomize(rng, k, depth+1)
				e := reflect.New(v.Type().Elem()).Elem()
				randomize(rng, e, depth+1)
				m.SetMapIndex(k, e)
			}
			v.Set(m)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				randomize(rng, v.Field(i), depth+1)
			}
		}
	default:
		panic("randomize: no generator for " + v.Type().String() + "; add one")
	}
}

// A value of the wrong JSON type names the member, as encoding/json's error did.
func TestFillNamesTheMember(t *testing.T) {
	var in CreateTaskTemplateRequest
	err := fill(map[string]any{"Fields": []any{map[string]any{"Id": map[string]any{"Name": json.Number("5")}}}}, &in)
	if err == nil || jsonProblem(err) != "wrong type for member 'Fields[0].Id.Name'" {
		t.Fatalf("%v", err)
	}
}
