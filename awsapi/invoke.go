package awsapi

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"unicode/utf8"

	"github.com/connectlocal/connectlocal"
)

// Invoke runs operation in-process, the one door for callers inside the server (Cloud Control, the console):
// input is checked against the model exactly as a request on the wire is, then the operation runs; no HTTP and
// no hooks (those belong to the caller's own request). input names every member (URI and query ones too) as
// the model does, with values as encoding/json decodes them with UseNumber (string, bool, json.Number, []any,
// map[string]any); any other Go value is taken as the JSON it encodes to. The
// answer is the operation's output value, which encodes to the body a wire client would read.
func (a *API) Invoke(ctx context.Context, scope connectlocal.Scope, operation string, input map[string]any) (any, error) {
	op := a.model.Operations[operation]
	if op == nil {
		return nil, connectlocal.Errorf(connectlocal.UnknownOperation, "no operation %s", operation)
	}
	merged, err := decoded(input)
	if err != nil {
		return nil, err
	}
	m, _ := merged.(map[string]any)
	if m == nil {
		m = map[string]any{}
	}
	return a.call(ctx, scope, op, operations[operation], m)
}

// decoded turns v into the form encoding/json gives a decoded request, refusing text that is not UTF-8 as the
// wire does (checkUTF8): encoding/json would store it as U+FFFD, which the caller never sent.
func decoded(v any) (any, error) {
	switch t := v.(type) {
	case nil, bool, json.Number:
		return t, nil
	case string:
		if !utf8.ValidString(t) {
			return nil, connectlocal.Errorf(connectlocal.InvalidArgument, "The request is not valid UTF-8 (%q)", t)
		}
		return t, nil
	case int:
		return json.Number(strconv.Itoa(t)), nil
	case int32:
		return json.Number(strconv.FormatInt(int64(t), 10)), nil
	case int64:
		return json.Number(strconv.FormatInt(t, 10)), nil
	case float64:
		return json.Number(strconv.FormatFloat(t, 'f', -1, 64)), nil
	case []any:
		return decodedAll(t)
	case []string:
		return decodedAll(t)
	case []map[string]any:
		return decodedAll(t)
	case map[string]any:
		out := make(map[string]any, len(t))
		for k, x := range t {
			if !utf8.ValidString(k) {
				return nil, connectlocal.Errorf(connectlocal.InvalidArgument, "The request is not valid UTF-8 (%q)", k)
			}
			d, err := decoded(x)
			if err != nil {
				return nil, err
			}
			out[k] = d
		}
		return out, nil
	case map[string]string:
		out := make(map[string]any, len(t))
		for k, x := range t {
			d, err := decoded(map[string]any{k: x})
			if err != nil {
				return nil, err
			}
			out[k] = d.(map[string]any)[k]
		}
		return out, nil
	}
	// Any other value (a caller's struct) is taken as the JSON it encodes to.
	b, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("awsapi.Invoke: input value of type %T: %w", v, err) // a caller's bug: Internal
	}
	if err := checkUTF8(b); err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var out any
	return out, dec.Decode(&out)
}

// CheckText refuses a JSON request body that is not valid UTF-8 or escapes a lone surrogate, in the words
// the Connect API uses, for other protocols that decode JSON (Cloud Control).
func CheckText(body []byte) error { return checkUTF8(body) }

// decodedAll is decoded for each item of a list.
func decodedAll[T any](xs []T) ([]any, error) {
	out := make([]any, len(xs))
	for i, x := range xs {
		d, err := decoded(x)
		if err != nil {
			return nil, err
		}
		out[i] = d
	}
	return out, nil
}
