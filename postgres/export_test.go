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

// ReranAloneForTest is how many Updates a group sent back to run in a transaction of their own.
func (s *Store) ReranAloneForTest() int64 { return s.reranAlone.Load() }
