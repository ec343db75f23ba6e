package connectlocal

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"time"
)

// Pagination tokens are opaque to clients, signed with the store's Secret so any node on the same store
// accepts them and a forged, altered or foreign token is refused (issue 5).

type pageToken struct {
	Query string `json:"q"` // what was listed: a token only continues the same query
	Time  int64  `json:"t"`
	ID    string `json:"i"`
}

func encodeToken(secret []byte, query string, c Cursor) string {
	body, _ := json.Marshal(pageToken{Query: query, Time: c.CreatedTime.UnixNano(), ID: c.ID})
	mac := hmac.New(sha256.New, secret)
	mac.Write(body)
	return base64.RawURLEncoding.EncodeToString(append(mac.Sum(nil)[:16], body...))
}

func decodeToken(secret []byte, query, token string) (Cursor, error) {
	bad := Errorf(InvalidArgument, "The NextToken is not valid for this request")
	raw, err := base64.RawURLEncoding.DecodeString(token)
	if err != nil || len(raw) < 17 {
		return Cursor{}, bad
	}
	mac := hmac.New(sha256.New, secret)
	mac.Write(raw[16:])
	if !hmac.Equal(mac.Sum(nil)[:16], raw[:16]) {
		return Cursor{}, bad
	}
	var pt pageToken
	if json.Unmarshal(raw[16:], &pt) != nil || pt.Query != query || pt.ID == "" {
		return Cursor{}, bad
	}
	return Cursor{CreatedTime: time.Unix(0, pt.Time).UTC(), ID: pt.ID}, nil
}

// Page is a list request's paging: at most Limit items after the position Token names.
type Page struct {
	Token string
	Limit int
}

// lister resolves what a list request names inside its View and returns the query a page token must belong
// to and the function that fetches items after a cursor.
type lister[T any] func(tx Tx) (query string, fetch func(after Cursor, limit int) ([]T, error), err error)

// listPage reads one page of a keyset list inside one View: it decodes the token (which must belong to the
// same query), fetches one item more than the page holds to learn whether another follows, and signs the
// next token.
func listPage[T any](ctx context.Context, s *Service, page Page, defaultLimit int, list lister[T], cursor func(T) Cursor) ([]T, string, error) {
	if page.Limit <= 0 {
		page.Limit = defaultLimit
	}
	secret, err := s.pageSecret(ctx)
	if err != nil {
		return nil, "", err
	}
	var out []T
	var next string
	err = s.Store.View(ctx, func(tx Tx) error {
		query, fetch, err := list(tx)
		if err != nil {
			return err
		}
		var after Cursor
		if page.Token != "" {
			if after, err = decodeToken(secret, query, page.Token); err != nil {
				return err
			}
		}
		if out, err = fetch(after, page.Limit+1); err != nil {
			return err
		}
		if len(out) > page.Limit {
			out = out[:page.Limit]
			next = encodeToken(secret, query, cursor(out[len(out)-1]))
		}
		return nil
	})
	return out, next, err
}
