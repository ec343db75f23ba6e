package memory

import (
	"cmp"
	"slices"

	"github.com/connectlocal/connectlocal"
)

// Scopes collects the scopes of instances and tokens: a scan, which a store for tests can afford.
func (t *tx) Scopes() ([]connectlocal.Scope, error) {
	seen := map[connectlocal.Scope]bool{}
	for s, x := range t.s.instOrder {
		if len(x.items) > 0 {
			seen[s] = true
		}
	}
	for tk := range t.s.tokens {
		seen[tk.scope] = true
	}
	out := make([]connectlocal.Scope, 0, len(seen))
	for s := range seen {
		out = append(out, s)
	}
	slices.SortFunc(out, func(a, b connectlocal.Scope) int {
		return cmp.Or(cmp.Compare(a.Account, b.Account), cmp.Compare(a.Region, b.Region))
	})
	return out, nil
}

func (t *tx) TaskTemplateVersions(s connectlocal.Scope, instanceID, id string) ([]connectlocal.TaskTemplate, error) {
	versions := t.s.templates[childKey{instKey{s, instanceID}, id}]
	if len(versions) == 0 {
		return nil, notFound("task template", id)
	}
	out := make([]connectlocal.TaskTemplate, len(versions))
	for i, v := range versions {
		out[i] = copyTemplate(v)
	}
	return out, nil
}

func (t *tx) DeleteScopeTokens(s connectlocal.Scope) (int, error) {
	if err := t.inScope(s); err != nil {
		return 0, err
	}
	n := 0
	for tk := range t.s.tokens {
		if tk.scope == s && tk.key.InstanceID == "" {
			delMap(t, t.s.tokens, tk)
			n++
		}
	}
	return n, nil
}
