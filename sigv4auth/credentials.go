package sigv4auth

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/connectlocal/connectlocal"
)

// Key is one access key the server accepts.
type Key struct {
	Profile         string
	AccessKeyID     string
	SecretAccessKey string
	// SessionToken, when set (aws_session_token on the profile), must come with every request signed by the
	// key, as temporary credentials do; a key without one refuses requests that carry a token.
	SessionToken string
	Account      string // aws_account_id; see LoadCredentials for the default
}

// LoadCredentials reads an AWS shared credentials file. Each profile with aws_access_key_id and
// aws_secret_access_key is a key; aws_account_id gives its account, and without it the account is the key id
// when that is 12 digits, else defaultAccount (PRODUCT.md's rule for --auth off), so an existing
// ~/.aws/credentials works unchanged.
//
// The values are read by aws-sdk-go-v2/config's own loader, so a file means here exactly what it means to the
// SDK (comments, quoting, continuation lines); only the profile names are listed by a scan of the section
// headers, as the SDK exports no way to enumerate them.
func LoadCredentials(ctx context.Context, path, defaultAccount string) ([]Key, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var keys []Key
	byID := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if !strings.HasPrefix(line, "[") || !strings.HasSuffix(line, "]") {
			continue
		}
		profile := strings.TrimSpace(line[1 : len(line)-1])
		cfg, err := config.LoadSharedConfigProfile(ctx, profile, func(o *config.LoadSharedConfigOptions) {
			o.CredentialsFiles = []string{path}
			o.ConfigFiles = []string{}
		})
		if err != nil {
			return nil, fmt.Errorf("%s: profile %s: %v", path, profile, err)
		}
		c := cfg.Credentials
		if c.AccessKeyID == "" && c.SecretAccessKey == "" {
			continue
		}
		if c.AccessKeyID == "" || c.SecretAccessKey == "" {
			return nil, fmt.Errorf("%s: profile %s needs both aws_access_key_id and aws_secret_access_key", path, profile)
		}
		account := c.AccountID
		switch {
		case account != "" && !connectlocal.IsAccountID(account):
			return nil, fmt.Errorf("%s: profile %s: aws_account_id must be 12 digits, not %q", path, profile, account)
		case account == "" && connectlocal.IsAccountID(c.AccessKeyID):
			account = c.AccessKeyID
		case account == "":
			account = defaultAccount
		}
		if other, dup := byID[c.AccessKeyID]; dup {
			return nil, fmt.Errorf("%s: profiles %s and %s share the access key id %s", path, other, profile, c.AccessKeyID)
		}
		byID[c.AccessKeyID] = profile
		keys = append(keys, Key{Profile: profile, AccessKeyID: c.AccessKeyID, SecretAccessKey: c.SecretAccessKey,
			SessionToken: c.SessionToken, Account: account})
	}
	if len(keys) == 0 {
		return nil, fmt.Errorf("%s: no profile with aws_access_key_id and aws_secret_access_key", path)
	}
	return keys, nil
}
