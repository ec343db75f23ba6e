package sigv4auth

import (
	"crypto/sha256"
	"crypto/subtle"
)

// Account returns the account of the key with this id and secret, for a sign-in form (the web console's)
// that cannot sign requests. The secrets are compared as SHA-256 digests in constant time (ConstantTimeCompare
// returns early on a length difference; digests have one length), and an unknown key id costs the same
// comparison, so neither the answer nor its timing says which of the two was wrong.
func (v *Verifier) Account(accessKeyID, secret string) (account string, ok bool) {
	key, found := v.keys[accessKeyID]
	want, got := sha256.Sum256([]byte(key.SecretAccessKey)), sha256.Sum256([]byte(secret))
	if subtle.ConstantTimeCompare(want[:], got[:]) != 1 || !found {
		return "", false
	}
	return key.Account, true
}
