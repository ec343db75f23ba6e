package postgres

import "github.com/connectlocal/connectlocal"

// QueuedForTest is how many Updates of key wait on this node for the key's runner.
func (s *Store) QueuedForTest(key connectlocal.UpdateKey) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if q, ok := s.active[s.keyLock(key)]; ok {
		return len(q.waiting)
	}
	return 0
}

// GroupedForTest is how many Updates ran in a transaction shared with another.
func (s *Store) GroupedForTest() int64 { return s.groupedUpdates.Load() }
