package memory

import (
	"slices"
	"strings"

	"github.com/connectlocal/connectlocal"
)

// PutInstance replaces the instance's record; its alias and creation time (the indexes' keys) stay as created.
func (t *tx) PutInstance(s connectlocal.Scope, inst connectlocal.Instance) error {
	if err := t.inInstance(s, inst.ID); err != nil {
		return err
	}
	k := instKey{s, inst.ID}
	if _, ok := t.s.instances[k]; !ok {
		return notFound("instance", inst.ID)
	}
	setMap(t, t.s.instances, k, inst.Clone())
	return nil
}

// ListContacts scans the instance's contacts: the memory store is for tests, where that is small.
func (t *tx) ListContacts(s connectlocal.Scope, instanceID, afterID string, limit int) ([]connectlocal.Contact, error) {
	k := instKey{s, instanceID}
	var ids []string
	for ck := range t.s.contacts {
		if ck.inst == k && ck.id > afterID {
			ids = append(ids, ck.id)
		}
	}
	slices.SortFunc(ids, strings.Compare)
	if len(ids) > limit {
		ids = ids[:limit]
	}
	out := make([]connectlocal.Contact, 0, len(ids))
	for _, id := range ids {
		out = append(out, copyContact(t.s.contacts[childKey{k, id}]))
	}
	return out, nil
}
