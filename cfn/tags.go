package cfn

import "sort"

// TagMap turns the schemas' Tags list ([{Key, Value}]) into Connect's tag map; nil when v is no such list.
func TagMap(v any) map[string]any {
	list, ok := v.([]any)
	if !ok {
		return nil
	}
	out := map[string]any{}
	for _, item := range list {
		if kv, ok := item.(map[string]any); ok {
			if k, ok := kv["Key"].(string); ok {
				out[k] = kv["Value"]
			}
		}
	}
	return out
}

// TagList turns Connect's tag map into the schemas' Tags list, ordered by key (the schemas say
// insertionOrder: false).
func TagList(tags map[string]any) []any {
	keys := make([]string, 0, len(tags))
	for k := range tags {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]any, len(keys))
	for i, k := range keys {
		out[i] = map[string]any{"Key": k, "Value": tags[k]}
	}
	return out
}
