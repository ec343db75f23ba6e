package memory

import (
	"slices"
	"sort"
	"time"

	"github.com/connectlocal/connectlocal"
)

func (t *tx) DeleteTaskTemplateVersionsBefore(s connectlocal.Scope, instanceID, id string, version int64) error {
	if err := t.inInstance(s, instanceID); err != nil {
		return err
	}
	ck := childKey{instKey{s, instanceID}, id}
	versions := t.s.templates[ck]
	i := sort.Search(len(versions), func(i int) bool { return versions[i].Version >= version })
	i = min(i, len(versions)-1) // never the latest
	if i <= 0 {
		return nil
	}
	setMap(t, t.s.templates, ck, slices.Clone(versions[i:])) // a new array, so the old versions can be freed
	return nil
}

// CountContacts scans the contacts: the memory store is for tests, where that is small.
func (t *tx) CountContacts(s connectlocal.Scope, instanceID string) (int, error) {
	k := instKey{s, instanceID}
	n := 0
	for ck := range t.s.contacts {
		if ck.inst == k {
			n++
		}
	}
	return n, nil
}

func (t *tx) DeleteEndedContacts(s connectlocal.Scope, instanceID string, now, expiresBefore time.Time, limit int) (int, error) {
	if err := t.inInstance(s, instanceID); err != nil {
		return 0, err
	}
	k := instKey{s, instanceID}
	var ended []childKey
	for ck, c := range t.s.contacts {
		if _, _, done := c.EndedAt(now); ck.inst == k && done && c.ExpiresAt().Before(expiresBefore) {
			ended = append(ended, ck)
		}
	}
	expiry := func(ck childKey) time.Time { c := t.s.contacts[ck]; return c.ExpiresAt() }
	sort.Slice(ended, func(i, j int) bool {
		a, b := expiry(ended[i]), expiry(ended[j])
		return a.Before(b) || (a.Equal(b) && ended[i].id < ended[j].id)
	})
	ended = ended[:min(limit, len(ended))]
	for _, ck := range ended {
		delMap(t, t.s.contacts, ck)
	}
	return len(ended), nil
}
