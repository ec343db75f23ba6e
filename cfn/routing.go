package cfn

import (
	"fmt"
	"sort"
	"strings"

	"github.com/connectlocal/connectlocal"
)

// Helpers shared by the routing objects' types (HoursOfOperation, Queue, QuickConnect, RoutingProfile).

// objectARN is the ARN of a routing object an operation names by id; a value that is already an ARN stays.
func objectARN(scope connectlocal.Scope, inst string, kind connectlocal.ResourceKind, id string) string {
	if id == "" || strings.HasPrefix(id, "arn:") {
		return id
	}
	return scope.ObjectARN(inst, kind, id)
}

// Unserved refuses the properties of props that connectlocal cannot keep or read back, because the Connect
// operations the provider uses for them are not served; why maps each such property to the missing
// operations. The refusal names every one, so nothing is half created.
func Unserved(typeName string, props map[string]any, why map[string]string) error {
	var found []string
	for p, ops := range why {
		if Asks(props, p) {
			found = append(found, fmt.Sprintf("%s (it needs %s)", p, ops))
		}
	}
	if len(found) == 0 {
		return nil
	}
	sort.Strings(found)
	return connectlocal.Errorf(connectlocal.InvalidRequest, "connectlocal does not serve these %s properties: %s. Nothing was changed.",
		typeName, strings.Join(found, ", "))
}

// Asks says props gives property p a value that asks for something: an empty list asks for nothing.
func Asks(props map[string]any, p string) bool {
	v, ok := props[p]
	if l, isList := v.([]any); isList && len(l) == 0 {
		return false
	}
	return ok
}

// copyKeys copies the named keys of from that are present and not null into to.
func copyKeys(to, from map[string]any, keys ...string) {
	for _, k := range keys {
		if v, ok := from[k]; ok && v != nil {
			to[k] = v
		}
	}
}

// withTags sets m's Tags from a Connect tag map, leaving them out when there are none.
func withTags(m map[string]any, tags any) map[string]any {
	if t, ok := tags.(map[string]any); ok && len(t) > 0 {
		m["Tags"] = TagList(t)
	}
	return m
}

// requestTags adds props' Tags to a create request as Connect's tag map (the types' tagOnCreate is true).
func requestTags(req map[string]any, v any) {
	if tags := TagMap(v); len(tags) > 0 {
		req["Tags"] = tags
	}
}

func str(v any) string {
	s, _ := v.(string)
	return s
}
