package connectlocal

import (
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
