package connectlocal

import "context"

// Scopes returns every account and region that holds something, ordered by account, then region; the console
// lists them.
func (s *Service) Scopes(ctx context.Context) ([]Scope, error) {
	var out []Scope
	err := s.Store.View(ctx, func(tx Tx) error {
		var err error
		out, err = tx.Scopes()
		return err
	})
	return out, err
}
